// End to end with the simulator's bearing-failure scenario (docs/simulator.md): the demo plant
// runs in-process on a 5 s grid for a day or more into a historian; HealthQuery ranks the
// failing machine first and its predicted zone C crossing (with the 90 % band) brackets the
// truth file's zone_c_ms. A service acknowledgement resets the run-hour and cycle counters; a
// read-only copy refuses it; andon-cli health --json gives the same ranking.
#include "engine/health_query.h"
#include "core/config_loader.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/integration/sim_backfill.h"
#include "tests/support/historian_support.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace andon;
namespace cond = andon::analytics::condition;

class TstHealthSim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void failingMachineFirst();
    void serviceAckResetsCounters();
    void readOnlyCopy();
    void cliJson();

private:
    QTemporaryDir m_dir;
    QString m_db, m_config;
    std::shared_ptr<PlantModel> m_model;
    QString m_failing;
    TimestampMs m_onset = 0, m_zoneC = 0, m_now = 0;
};

void TstHealthSim::initTestCase()
{
    test::installStrictMessageHandler();
    QVERIFY(m_dir.isValid());
    m_config = qEnvironmentVariable("ANDON_SOURCE_DIR") + QStringLiteral("/resources/config/demo-plant.yaml");
    const ConfigResult config = ConfigLoader::loadFile(m_config);
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = std::make_shared<PlantModel>(*config.model);

    sim::SimOptions so;
    so.seed = 4242;
    so.scenario = QStringLiteral("bearing-failure");
    so.startMs = QDateTime(QDate(2026, 2, 2), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    so.stepMs = 5000;          // days of plant in seconds of test time
    so.publishPeriodMs = 5000;
    sim::PlantSimulator sim(config.model, so);
    sim.advanceTo(so.startMs);
    for (const QJsonValue &v : sim.truth().value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("type")).toString() == u"bearing_fault") {
            m_failing = e.value(QStringLiteral("machine")).toString();
            m_onset = TimestampMs(e.value(QStringLiteral("onset_ms")).toDouble());
            m_zoneC = TimestampMs(e.value(QStringLiteral("zone_c_ms")).toDouble());
        }
    }
    QVERIFY(!m_failing.isEmpty());
    QVERIFY(m_zoneC > m_onset);
    // Judge 70 % of the way from onset to the crossing: the crossing is still ahead.
    m_now = m_onset + (m_zoneC - m_onset) * 7 / 10;
    qInfo() << "failing" << m_failing << "onset +" << (m_onset - so.startMs) / 3'600'000.0
            << "h, zone C +" << (m_zoneC - so.startMs) / 3'600'000.0 << "h, judged at +"
            << (m_now - so.startMs) / 3'600'000.0 << "h";

    m_db = m_dir.filePath(QStringLiteral("plant.sqlite"));
    QString error;
    auto historian = test::openHistorianForModel(m_db, *m_model, &error);
    QVERIFY2(historian, qPrintable(error));
    // Hour slices.
    QCOMPARE(test::appendSimulated(*historian, sim, so.startMs, m_now, 3'600'000), QString());
}

void TstHealthSim::failingMachineFirst()
{
    storage::HistorianOptions ho;
    ho.path = m_db;
    ho.readOnly = true;
    QString error;
    auto historian = storage::Historian::open(ho, &error);
    QVERIFY2(historian, qPrintable(error));
    const FleetHealth fleet = HealthQuery(*m_model, *historian).fleet(m_now);
    QCOMPARE(int(fleet.machines.size()), int(m_model->machines.size()));
    for (const MachineHealth &h : fleet.machines)
        qInfo().noquote() << h.path << "health" << h.health << "zone" << vibrationZoneName(h.zone)
                          << h.vibration << cond::rulStatusName(h.rul.status) << h.rul.reason
                          << "urgency" << h.urgencyHours;
    const MachineHealth &first = fleet.machines.front();
    QCOMPARE(first.path, m_failing);
    QCOMPARE(first.rul.status, cond::RulStatus::Ok);
    QCOMPARE(first.rulZone, VibrationZone::C);
    QVERIFY2(first.rul.earlyMs <= m_zoneC && m_zoneC <= first.rul.lateMs,
             qPrintable(QStringLiteral("truth %1 h ahead, predicted %2 h (%3-%4 h)")
                            .arg((m_zoneC - m_now) / 3.6e6)
                            .arg(first.rul.rulHours())
                            .arg(first.rul.rulLowHours())
                            .arg(first.rul.rulHighHours())));
    // Every healthy machine: no predicted crossing (their vibration does not trend).
    for (std::size_t i = 1; i < fleet.machines.size(); ++i)
        QVERIFY2(fleet.machines[i].rul.status != cond::RulStatus::Ok,
                 qPrintable(fleet.machines[i].path + QStringLiteral(": ")
                            + fleet.machines[i].rul.reason));
}

void TstHealthSim::serviceAckResetsCounters()
{
    // Work on a copy so the other tests see the untouched history.
    QString error;
    auto historian =
            test::openHistorianCopy(m_db, m_dir.filePath(QStringLiteral("ack.sqlite")), &error);
    QVERIFY2(historian, qPrintable(error));
    const int index = [&] {
        for (int i = 0; i < int(m_model->machines.size()); ++i)
            if (m_model->machines[std::size_t(i)].path == m_failing)
                return i;
        return -1;
    }();
    QVERIFY(index >= 0);
    HealthQuery query(*m_model, *historian);
    const MachineHealth before = query.machine(index, m_now);
    // Run hours: the machine runs most of the simulated time but never more than all of it.
    const double elapsedH = double(m_now - before.countersSinceMs) / 3.6e6;
    QVERIFY2(before.runHours > 0.3 * elapsedH && before.runHours <= elapsedH,
             qPrintable(QString::number(before.runHours)));
    QVERIFY(before.cycles > 1000);
    QVERIFY(!before.lastService.t);

    const TimestampMs ackAt = m_now - 2 * 3'600'000;
    QVERIFY(HealthQuery::acknowledgeService(*historian, *m_model, index, QStringLiteral("jdoe"),
                                            QStringLiteral("Replaced drive-end bearing"), ackAt,
                                            &before, &error) > 0);
    const MachineHealth after = query.machine(index, m_now);
    QCOMPARE(after.lastService.t, ackAt);
    QCOMPARE(after.lastService.user, QStringLiteral("jdoe"));
    QCOMPARE(after.lastService.text, QStringLiteral("Replaced drive-end bearing"));
    QCOMPARE(after.countersSinceMs, ackAt);
    QVERIFY2(after.runHours <= 2.0 && after.runHours < before.runHours,
             qPrintable(QString::number(after.runHours)));
    QVERIFY(after.cycles < before.cycles);
    // The journal entry says who, when, what, and the counters it reset.
    storage::EventQuery q;
    q.categories = {QStringLiteral("maintenance")};
    const auto events = historian->events(q);
    QCOMPARE(int(events.size()), 1);
    QCOMPARE(events[0].kind, QStringLiteral("service.ack"));
    QCOMPARE(events[0].source, m_failing);
    QVERIFY(events[0].details.contains(QStringLiteral("run_hours")));
    // An ack at a later time only covers what came after it.
    QCOMPARE(query.lastService(m_failing, ackAt - 1).t, TimestampMs(0));
}

void TstHealthSim::readOnlyCopy()
{
    const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
    QVERIFY(QFile::copy(m_db, copy));
    storage::HistorianOptions ho;
    ho.path = copy;
    ho.readOnly = true;
    QString error;
    auto historian = storage::Historian::open(ho, &error);
    QVERIFY2(historian, qPrintable(error));
    // A copied cache is judged as of its newest data.
    const TimestampMs newest = HealthQuery::newestData(*historian, m_now + 86'400'000);
    QVERIFY(newest <= m_now && newest > m_now - 60'000);
    test::expectWarning(QRegularExpression(QStringLiteral(".*")));
    const std::int64_t id = HealthQuery::acknowledgeService(*historian, *m_model, 0,
                                                            QStringLiteral("jdoe"),
                                                            QStringLiteral("x"), m_now, nullptr,
                                                            &error);
    QCOMPARE(id, std::int64_t(-1));
    QVERIFY(!error.isEmpty());
}

void TstHealthSim::cliJson()
{
    QProcess p;
    p.start(test::toolPath(QStringLiteral("andon-cli")),
            {QStringLiteral("health"), QStringLiteral("--config"), m_config, QStringLiteral("--db"),
             m_db, QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(120'000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonArray machines = doc.value(QStringLiteral("machines")).toArray();
    QCOMPARE(machines.size(), qsizetype(m_model->machines.size()));
    const TimestampMs at = TimestampMs(doc.value(QStringLiteral("at_ms")).toDouble());
    QVERIFY(at <= m_now && at > m_now - 60'000);
    // The same ranking as the in-process query at the same time.
    storage::HistorianOptions ho;
    ho.path = m_db;
    ho.readOnly = true;
    QString error;
    auto historian = storage::Historian::open(ho, &error);
    QVERIFY(historian);
    const FleetHealth fleet = HealthQuery(*m_model, *historian).fleet(at);
    for (qsizetype i = 0; i < machines.size(); ++i) {
        const QJsonObject m = machines.at(i).toObject();
        QCOMPARE(m.value(QStringLiteral("rank")).toInt(), int(i) + 1);
        QCOMPARE(m.value(QStringLiteral("machine")).toString(), fleet.machines[std::size_t(i)].path);
        QVERIFY(m.contains(QStringLiteral("health")) && m.contains(QStringLiteral("rul")));
    }
    QCOMPARE(machines.at(0).toObject().value(QStringLiteral("machine")).toString(), m_failing);
    const QJsonObject rul = machines.at(0).toObject().value(QStringLiteral("rul")).toObject();
    QCOMPARE(rul.value(QStringLiteral("target_zone")).toString(), QStringLiteral("C"));
}

QTEST_GUILESS_MAIN(TstHealthSim)
#include "tst_health_sim.moc"
