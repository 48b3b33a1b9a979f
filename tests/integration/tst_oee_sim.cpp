// End to end: the plant simulator's "bad-shift" scenario, its samples written into a real
// historian file, then the real `andon-cli oee` for one machine and for the line over the bad
// shift must agree with the simulator's ground truth (docs/simulator.md "Truth file").
//
// The samples go into the historian in-process (PlantSimulator::advanceTo + Historian::append)
// instead of through andon-sim + a broker + andon-cli ingest: a full 8-hour shift through MQTT
// at a speed ASan can keep up with takes minutes, and the test is about OEE on simulator data,
// not about transport (tst_cli_e2e covers ingest). The OEE side is the real executable.
#include "core/config_loader.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/integration/oee_sim_plant.h"
#include "tests/integration/sim_backfill.h"
#include "tests/support/historian_support.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace andon;

namespace {

// A line of three machines with total/good/reject counters and a product tag, the demo
// plant's three-shift calendar (the "bad" shift is the second one, "late") and two products.
const QByteArray kPlant =
    QByteArray("andon: 1\nplant: { enterprise: acme }\n") + test::kOeeSimPlantBody;

using Run = test::ToolRun;

Run runCli(const QStringList &args)
{
    return test::runTool(QStringLiteral("andon-cli"), args);
}

} // namespace

class TstOeeSim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void machineAgreesWithTruth_data();
    void machineAgreesWithTruth();
    void lineRollUpIsTheBottleneck();
    void textOutputAndUsage();

private:
    QTemporaryDir m_dir;
    QString m_config, m_db;
    QJsonObject m_truthShift; // the bad "late" shift of Tuesday 13 January 2026
    static constexpr const char *kDay = "2026-01-13";
};

void TstOeeSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_config = m_dir.filePath(QStringLiteral("plant.yaml"));
    m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
    QFile f(m_config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kPlant);
    f.close();
    const ConfigResult config = ConfigLoader::loadFile(m_config);
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));

    // Tuesday 13 January 2026 12:00 .. 22:10 Berlin (CET): the whole late shift 14:00-22:00
    // plus two hours before it (product history, counter baselines, running stops).
    const QTimeZone berlin("Europe/Berlin");
    const TimestampMs start =
            QDateTime(QDate(2026, 1, 13), QTime(12, 0), berlin).toMSecsSinceEpoch();
    const TimestampMs end = QDateTime(QDate(2026, 1, 13), QTime(22, 10), berlin).toMSecsSinceEpoch();
    sim::SimOptions so;
    so.seed = 2207;
    so.scenario = QStringLiteral("bad-shift");
    so.startMs = start;
    so.stepMs = 1000;            // shift/break boundaries are whole minutes: on the grid
    so.publishPeriodMs = 60'000; // no analog tags here; keeps the run short
    sim::PlantSimulator sim(config.model, so);

    {
        QString error;
        auto historian = test::openHistorianForModel(m_db, *config.model, &error);
        QVERIFY2(historian, qPrintable(error));
        // 10 h 10 min in 10-minute slices.
        QCOMPARE(test::appendSimulated(*historian, sim, start, end, 10 * 60'000), QString());
    }
    const QJsonObject truth = sim.truth();
    for (const QJsonValue &v : truth.value(QStringLiteral("shifts")).toArray()) {
        const QJsonObject s = v.toObject();
        if (s.value(QStringLiteral("name")).toString() == u"late"
            && s.value(QStringLiteral("day")).toString() == QLatin1String(kDay))
            m_truthShift = s;
    }
    QVERIFY(!m_truthShift.isEmpty());
    QVERIFY(m_truthShift.value(QStringLiteral("complete")).toBool());
    // The scenario really made it a bad shift (else the comparison below proves little).
    bool badShift = false;
    for (const QJsonValue &e : truth.value(QStringLiteral("events")).toArray())
        badShift |= e.toObject().value(QStringLiteral("type")).toString() == u"bad_shift";
    QVERIFY(badShift);
}

void TstOeeSim::machineAgreesWithTruth_data()
{
    QTest::addColumn<QString>("machine");
    QTest::addColumn<bool>("byShift");
    for (const char *m : {"feeder", "press", "tester"}) {
        const QString path = QStringLiteral("acme/berlin/assembly/line1/") + QLatin1String(m);
        QTest::newRow(qPrintable(QLatin1String(m) + QLatin1String(" --shift"))) << path << true;
    }
    QTest::newRow("press --from/--to")
            << QStringLiteral("acme/berlin/assembly/line1/press") << false;
}

// Tolerance: the simulator attributes state time and parts to 1 s grid steps and a state
// sample holds until the next one, exactly as the historian replay does, so times agree to
// the millisecond and counts exactly; the KPIs are compared to 1e-9 (floating point only).
void TstOeeSim::machineAgreesWithTruth()
{
    QFETCH(QString, machine);
    QFETCH(bool, byShift);
    QStringList args{QStringLiteral("oee"),     QStringLiteral("--config"), m_config,
                     QStringLiteral("--db"),    m_db,
                     QStringLiteral("--machine"), machine, QStringLiteral("--json")};
    if (byShift) {
        args << QStringLiteral("--shift") << QStringLiteral("late") << QStringLiteral("--date")
             << QLatin1String(kDay);
    } else {
        // The same shift as UTC instants: 14:00-22:00 CET = 13:00-21:00Z.
        args << QStringLiteral("--from") << QStringLiteral("2026-01-13T13:00:00Z")
             << QStringLiteral("--to") << QStringLiteral("2026-01-13T21:00:00Z");
    }
    const Run r = runCli(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject got = QJsonDocument::fromJson(r.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("machine"))
                                    .toObject();
    QCOMPARE(got.value(QStringLiteral("machine")).toString(), machine);
    QJsonObject want;
    for (const QJsonValue &v : m_truthShift.value(QStringLiteral("machines")).toArray()) {
        if (v.toObject().value(QStringLiteral("machine")).toString() == machine)
            want = v.toObject();
    }
    QVERIFY(!want.isEmpty());

    const auto near = [&](const char *gotKey, const char *wantKey, double tol) {
        const double g = got.value(QLatin1String(gotKey)).toDouble(-1);
        const double w = want.value(QLatin1String(wantKey)).toDouble(-2);
        if (std::abs(g - w) > tol)
            return QStringLiteral("%1: cli %2, truth %3").arg(QLatin1String(gotKey)).arg(g).arg(w);
        return QString();
    };
    for (const auto &[g, w, tol] :
         {std::tuple{"planned_production_time_s", "planned_production_time_s", 1e-3},
          std::tuple{"run_time_s", "run_time_s", 1e-3},
          std::tuple{"down_time_s", "down_time_s", 1e-3},
          std::tuple{"total_count", "total_count", 0.0},
          std::tuple{"good_count", "good_count", 0.0},
          std::tuple{"ideal_run_time_s", "ideal_run_time_s", 1e-6},
          std::tuple{"availability", "availability", 1e-9},
          std::tuple{"performance", "performance", 1e-9},
          std::tuple{"quality", "quality", 1e-9},
          std::tuple{"oee", "oee", 1e-9}}) {
        const QString diff = near(g, w, tol);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
    // Every state bucket and down reason of the truth, and no unknown time (no data was lost).
    const QJsonObject gotStates = got.value(QStringLiteral("time_by_state_s")).toObject();
    const QJsonObject wantStates = want.value(QStringLiteral("time_by_state_s")).toObject();
    for (auto it = wantStates.begin(); it != wantStates.end(); ++it) {
        if (it.key() == u"planned_stop" || it.key() == u"off")
            continue; // breaks and off-shift time are outside the planned operating time
        QVERIFY2(std::abs(gotStates.value(it.key()).toDouble() - it.value().toDouble()) < 1e-3,
                 qPrintable(it.key()));
    }
    QCOMPARE(gotStates.value(QStringLiteral("unknown")).toDouble(), 0.0);
    const QJsonObject gotReasons = got.value(QStringLiteral("down_time_by_reason_s")).toObject();
    const QJsonObject wantReasons = want.value(QStringLiteral("down_time_by_reason_s")).toObject();
    QCOMPARE(gotReasons.keys(), wantReasons.keys());
    for (auto it = wantReasons.begin(); it != wantReasons.end(); ++it)
        QVERIFY(std::abs(gotReasons.value(it.key()).toDouble() - it.value().toDouble()) < 1e-3);
    // The bad shift really is bad: breakdowns happened.
    QVERIFY(want.value(QStringLiteral("down_time_s")).toDouble() > 0);
}

// The line's OEE is its bottleneck's: the press (1.3 s for product 102, 1.0 s for 101 like the
// feeder; the count-weighted cycle decides), and every machine is listed.
void TstOeeSim::lineRollUpIsTheBottleneck()
{
    const Run r = runCli({QStringLiteral("oee"), QStringLiteral("--config"), m_config,
                          QStringLiteral("--db"), m_db, QStringLiteral("--line"),
                          QStringLiteral("acme/berlin/assembly/line1"), QStringLiteral("--shift"),
                          QStringLiteral("late"), QStringLiteral("--date"), QLatin1String(kDay),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject line =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("line")).toObject();
    const QJsonArray machines = line.value(QStringLiteral("machines")).toArray();
    QCOMPARE(machines.size(), 3);
    // Independent choice from the truth: the machine with the largest count-weighted ideal
    // cycle time (ties go to the later machine).
    QString expected;
    double worst = -1;
    for (const QJsonValue &v : m_truthShift.value(QStringLiteral("machines")).toArray()) {
        const double c = v.toObject().value(QStringLiteral("ideal_cycle_s")).toDouble();
        if (c >= worst) {
            worst = c;
            expected = v.toObject().value(QStringLiteral("machine")).toString();
        }
    }
    QCOMPARE(line.value(QStringLiteral("bottleneck")).toString(), expected);
    double truthOee = -1;
    for (const QJsonValue &v : m_truthShift.value(QStringLiteral("machines")).toArray()) {
        if (v.toObject().value(QStringLiteral("machine")).toString() == expected)
            truthOee = v.toObject().value(QStringLiteral("oee")).toDouble();
    }
    QVERIFY(std::abs(line.value(QStringLiteral("oee")).toDouble() - truthOee) < 1e-9);
}

void TstOeeSim::textOutputAndUsage()
{
    const QString press = QStringLiteral("acme/berlin/assembly/line1/press");
    const Run r = runCli({QStringLiteral("oee"), QStringLiteral("--config"), m_config,
                          QStringLiteral("--db"), m_db, QStringLiteral("--machine"), press,
                          QStringLiteral("--shift"), QStringLiteral("late"),
                          QStringLiteral("--date"), QLatin1String(kDay)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    double truthOee = -1;
    for (const QJsonValue &v : m_truthShift.value(QStringLiteral("machines")).toArray()) {
        if (v.toObject().value(QStringLiteral("machine")).toString() == press)
            truthOee = v.toObject().value(QStringLiteral("oee")).toDouble();
    }
    // Percent with one decimal.
    const QString oeeLine = QStringLiteral("  oee          ")
            + QString::number(truthOee * 100.0, 'f', 1) + QStringLiteral(" %");
    QVERIFY2(r.out.contains(oeeLine), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("losses (min): breakdowns")), qPrintable(r.out));

    // Usage errors exit 2; an unknown shift or machine exits 1 with a message naming it.
    QCOMPARE(runCli({QStringLiteral("oee"), QStringLiteral("--config"), m_config}).exitCode, 2);
    const Run noShift = runCli({QStringLiteral("oee"), QStringLiteral("--config"), m_config,
                                QStringLiteral("--db"), m_db, QStringLiteral("--machine"), press,
                                QStringLiteral("--shift"), QStringLiteral("graveyard"),
                                QStringLiteral("--date"), QLatin1String(kDay)});
    QCOMPARE(noShift.exitCode, 1);
    QVERIFY2(noShift.err.contains(QStringLiteral("early, late, night")), qPrintable(noShift.err));
    const Run noMachine = runCli({QStringLiteral("oee"), QStringLiteral("--config"), m_config,
                                  QStringLiteral("--db"), m_db, QStringLiteral("--machine"),
                                  QStringLiteral("acme/nosuch"), QStringLiteral("--from"),
                                  QStringLiteral("0"), QStringLiteral("--to"), QStringLiteral("1")});
    QCOMPARE(noMachine.exitCode, 1);
    QVERIFY(noMachine.err.contains(QStringLiteral("acme/nosuch")));
}

QTEST_GUILESS_MAIN(TstOeeSim)
#include "tst_oee_sim.moc"
