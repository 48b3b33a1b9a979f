// End to end: the simulator's "energy-waste" scenario (one machine never switched off, a
// compressed-air leak on the line) written into a real historian file, then the real
// `andon-cli energy` must find the idle waste and the leak and agree with the simulator's
// truth (docs/simulator.md "Truth file", docs/energy.md).
//
// Samples go into the historian in-process (PlantSimulator::advanceTo + Historian::append), as
// in tst_oee_sim: the test is about the energy numbers, not the transport.
#include "core/config_loader.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/integration/sim_backfill.h"
#include "tests/support/historian_support.h"
#include "tests/support/test_support.h"
#include "tests/unit/sim_test_plant.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace andon;
using namespace andon::simtest;

namespace {

const QByteArray kEnergy = R"(energy:
  currency: EUR
  emission_factor: 0.4
  main_meter: { power: acme/s/main_power, energy: acme/s/main_energy }
  sub_meters:
    - { name: compressor, power: acme/s/compressor_power, energy: acme/s/compressor_energy }
  demand: { window_min: 15, mode: fixed, limit_kw: 100 }
  tariff:
    default: { name: day, price: 0.2 }
    periods: [ { name: night, start: "22:00", end: "06:00", price: 0.1 } ]
  media:
    # The energy waster idles all night (it is never switched off), so "stopped" includes idle.
    - { name: compressed_air, unit: Nm3, flow_tag: air_flow, total_tag: air_total,
        leak_threshold: 25, leak_min_minutes: 5, stopped_states: [off, planned_stop, idle] }
)";

using Cli = test::ToolRun;

Cli runCli(const QStringList &args)
{
    return test::runTool(QStringLiteral("andon-cli"), args);
}

QJsonObject eventOf(const QJsonObject &truth, const char *type)
{
    for (const QJsonValue &v : truth.value(u"events").toArray()) {
        if (v.toObject().value(u"type").toString() == QLatin1String(type))
            return v.toObject();
    }
    return {};
}

} // namespace

class TstEnergySim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void idleWasteFound();
    void leakFound();
    void meterBalanceMatchesTruth();
    void otherGroupingsAndUsage();

private:
    QJsonObject run(TimestampMs from, TimestampMs to, const QString &by = QStringLiteral("machine"));
    QTemporaryDir m_dir;
    QString m_config, m_db;
    QJsonObject m_truth;
    // Saturday 10 January 2026 00:00-09:00 Berlin: off-shift until 06:00, then the early shift.
    const TimestampMs m_start = kSaturday;
    const TimestampMs m_end = kSaturday + 9 * kHour;
    const TimestampMs m_shiftStart = kSaturday + 6 * kHour;
};

QJsonObject TstEnergySim::run(TimestampMs from, TimestampMs to, const QString &by)
{
    const Cli r = runCli({QStringLiteral("energy"), QStringLiteral("--config"), m_config,
                          QStringLiteral("--db"), m_db, QStringLiteral("--from"),
                          QString::number(from), QStringLiteral("--to"), QString::number(to),
                          QStringLiteral("--by"), by, QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning("andon-cli energy failed (%d): %s", r.exitCode, qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void TstEnergySim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_config = m_dir.filePath(QStringLiteral("plant.yaml"));
    m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
    QFile f(m_config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kPlant + kCalendar + kEnergy);
    f.close();
    const ConfigResult config = ConfigLoader::loadFile(m_config);
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    QVERIFY(config.model->energy.configured);

    sim::SimOptions so;
    so.seed = 25;
    so.scenario = QStringLiteral("energy-waste");
    so.startMs = m_start;
    so.stepMs = 1000;
    so.publishPeriodMs = 1000;
    sim::PlantSimulator sim(config.model, so);
    {
        QString error;
        auto historian = test::openHistorianForModel(m_db, *config.model, &error);
        QVERIFY2(historian, qPrintable(error));
        // 9 h in 10-minute slices.
        QCOMPARE(test::appendSimulated(*historian, sim, m_start, m_end, 10 * kMinute), QString());
    }
    m_truth = sim.truth();
    QVERIFY(!eventOf(m_truth, "energy_waste").isEmpty());
    QVERIFY(!eventOf(m_truth, "air_leak").isEmpty());
}

void TstEnergySim::idleWasteFound()
{
    // The night 00:10-06:00 (10 min for the start-up ramps): the waster idles at 60 % of its
    // rated power (truth idle_power_kw) for 5 h 50 min; the others are off (0.2 kW control
    // supply = 1.17 kWh). Expected idle energy = idle_power_kw x 35/6 h; tolerance 2 % for
    // the power ramps and the counter's 3 decimals.
    const QJsonObject waste = eventOf(m_truth, "energy_waste");
    const QString waster = waste.value(u"machine").toString();
    const double idleKw = waste.value(u"idle_power_kw").toDouble();
    const QJsonObject doc = run(m_start + 10 * kMinute, m_shiftStart);
    QVERIFY(!doc.isEmpty());
    const QJsonArray ranking = doc.value(u"idle_ranking").toArray();
    QCOMPARE(ranking.size(), 3);
    QCOMPARE(ranking.at(0).toObject().value(u"machine").toString(), waster);
    const double expected = idleKw * 35.0 / 6.0;
    const double found = ranking.at(0).toObject().value(u"idle_kwh").toDouble();
    QVERIFY2(qAbs(found - expected) < 0.02 * expected,
             qPrintable(QStringLiteral("idle %1 kWh, expected %2 kWh").arg(found).arg(expected)));
    // Night tariff 0.10 EUR/kWh: the idle cost is a tenth of the energy.
    QVERIFY(qAbs(ranking.at(0).toObject().value(u"idle_cost").toDouble() - 0.1 * found) < 1e-6);
    for (int i = 1; i < 3; ++i)
        QVERIFY(ranking.at(i).toObject().value(u"idle_kwh").toDouble() < 2.0);
    // Counter deltas and power integration agree per machine (power has 2 % noise): 3 %.
    for (const QJsonValue &v : doc.value(u"rows").toArray()) {
        const QJsonObject r = v.toObject();
        QCOMPARE(r.value(u"detail").toString(), QStringLiteral("counter"));
        const double kwh = r.value(u"kwh").toDouble();
        const double p = r.value(u"power_kwh").toDouble();
        QVERIFY2(qAbs(kwh - p) <= 0.03 * kwh + 0.05,
                 qPrintable(QStringLiteral("%1: counter %2, power %3")
                                    .arg(r.value(u"name").toString())
                                    .arg(kwh)
                                    .arg(p)));
    }
}

void TstEnergySim::leakFound()
{
    // The line stands (off / waster idle) all night; the leak of truth leak_nm3_h starts at
    // onset_ms. The 15-min stop parts must flag it from the part it began in (within one part
    // of the onset), and the mean flow of parts after the onset minus those before it must be
    // the leak within 1 Nm3/h (the sim's flow has no other change at night; tst_sim_energy
    // uses the same tolerance).
    const QJsonObject leak = eventOf(m_truth, "air_leak");
    const TimestampMs onset = TimestampMs(leak.value(u"onset_ms").toDouble());
    const double size = leak.value(u"leak_nm3_h").toDouble();
    const QJsonObject doc = run(m_start + 10 * kMinute, m_shiftStart);
    const QJsonArray media = doc.value(u"media").toArray();
    QCOMPARE(media.size(), 1);
    const QJsonObject air = media.at(0).toObject();
    QCOMPARE(air.value(u"line").toString(), leak.value(u"line").toString());
    QCOMPARE(air.value(u"flow_tag").toString(), leak.value(u"tag").toString());
    QVERIFY(air.value(u"leak").toBool());
    const TimestampMs first = TimestampMs(air.value(u"first_leak_ms").toDouble());
    QVERIFY2(qAbs(first - onset) <= 15 * kMinute,
             qPrintable(QStringLiteral("first leak %1, onset %2").arg(first).arg(onset)));
    double before = 0, after = 0;
    int nBefore = 0, nAfter = 0;
    for (const QJsonValue &v : air.value(u"stops").toArray()) {
        const QJsonObject p = v.toObject();
        const TimestampMs s = TimestampMs(p.value(u"start_ms").toDouble());
        const TimestampMs e = TimestampMs(p.value(u"end_ms").toDouble());
        if (e <= onset) {
            before += p.value(u"mean_flow").toDouble();
            ++nBefore;
            QVERIFY(!p.value(u"leak").toBool());
        } else if (s >= onset + 2 * kMinute) {
            after += p.value(u"mean_flow").toDouble();
            ++nAfter;
            QVERIFY(p.value(u"leak").toBool());
        }
    }
    QVERIFY(nBefore >= 2 && nAfter >= 2);
    const double step = after / nAfter - before / nBefore;
    QVERIFY2(qAbs(step - size) < 1.0,
             qPrintable(QStringLiteral("flow step %1, leak %2").arg(step).arg(size)));
}

void TstEnergySim::meterBalanceMatchesTruth()
{
    // Whole run: main, machines and compressor from the counters (rollovers of the 20 kWh
    // machine registers and the 65.536 kWh compressor register included) against the truth's
    // run totals; unmetered = main - machines - compressor. Tolerance 0.5 % (the last second
    // of the run has no reading; 3-decimal registers), 2 % for the difference.
    const QJsonObject doc = run(m_start, m_end);
    const QJsonObject t = m_truth.value(u"energy").toObject();
    const auto close = [](double a, double b, double rel) { return qAbs(a - b) <= rel * qAbs(b) + 0.01; };
    const double main = doc.value(u"main_kwh").toDouble();
    QVERIFY2(close(main, t.value(u"main_kwh").toDouble(), 0.005),
             qPrintable(QStringLiteral("%1 vs %2").arg(main).arg(t.value(u"main_kwh").toDouble())));
    QVERIFY(close(doc.value(u"machines_kwh").toDouble(), t.value(u"machines_kwh").toDouble(), 0.005));
    QVERIFY(close(doc.value(u"sub_meters_kwh").toDouble(), t.value(u"compressor_kwh").toDouble(), 0.005));
    QVERIFY(close(doc.value(u"unmetered_kwh").toDouble(), t.value(u"unmetered_kwh").toDouble(), 0.02));
    // Base load: off-shift unmetered 8 kW + compressor unloaded 6 kW + leakage air + 2 x 0.2 kW
    // off machines + the waster: somewhere above the truth's off-shift base load.
    QVERIFY(doc.value(u"base_load_kw").toDouble() > t.value(u"base_load_kw").toObject().value(u"off_shift").toDouble());
    // Site cost: night 0.10 until 06:00 local, day 0.20 after; CO2e = 0.4 kg x site kWh.
    QVERIFY(qAbs(doc.value(u"co2e_kg").toDouble() - 0.4 * doc.value(u"site_kwh").toDouble()) < 1e-6);
    const double cost = doc.value(u"cost").toDouble();
    QVERIFY(cost > 0.1 * main && cost < 0.2 * main);
    // Demand: 36 complete quarter hours in 9 h.
    QCOMPARE(doc.value(u"demand").toObject().value(u"windows").toInt(), 36);
    QVERIFY(doc.value(u"warnings").toArray().isEmpty());
}

void TstEnergySim::otherGroupingsAndUsage()
{
    const Cli csv = runCli({QStringLiteral("energy"), QStringLiteral("--config"), m_config,
                            QStringLiteral("--db"), m_db, QStringLiteral("--from"),
                            QString::number(m_start), QStringLiteral("--to"), QString::number(m_end),
                            QStringLiteral("--by"), QStringLiteral("line"), QStringLiteral("--csv")});
    QCOMPARE(csv.exitCode, 0);
    const QStringList lines = csv.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(QLatin1String("group,name,detail,kwh")));
    QVERIFY(lines.at(1).startsWith(QLatin1String("line,acme/s/a/l1,")));
    // By shift: the early shift 06:00-09:00 (clipped) x 3 machines.
    const QJsonObject shifts = run(m_start, m_end, QStringLiteral("shift"));
    QCOMPARE(shifts.value(u"rows").toArray().size(), 3);
    QVERIFY(shifts.value(u"rows").toArray().at(0).toObject().value(u"name").toString().startsWith(
            QLatin1String("early 2026-01-10")));
    // By product: kWh per good unit for the products made in the shift.
    const QJsonObject products = run(m_start, m_end, QStringLiteral("product"));
    // (A product that only stood at night has energy but no good parts: no kWh/unit.)
    int withUnits = 0;
    for (const QJsonValue &v : products.value(u"rows").toArray()) {
        const QJsonObject r = v.toObject();
        if (r.value(u"good_count").toDouble() > 0) {
            ++withUnits;
            QVERIFY(qAbs(r.value(u"kwh_per_unit").toDouble()
                         - r.value(u"kwh").toDouble() / r.value(u"good_count").toDouble()) < 1e-9);
        } else {
            QVERIFY(r.value(u"kwh_per_unit").isNull());
        }
    }
    QVERIFY(withUnits >= 1);
    const Cli bad = runCli({QStringLiteral("energy"), QStringLiteral("--config"), m_config,
                            QStringLiteral("--db"), m_db, QStringLiteral("--from"), QStringLiteral("x"),
                            QStringLiteral("--to"), QStringLiteral("y")});
    QCOMPARE(bad.exitCode, 2);
    const Cli by = runCli({QStringLiteral("energy"), QStringLiteral("--config"), m_config,
                           QStringLiteral("--db"), m_db, QStringLiteral("--from"),
                           QString::number(m_start), QStringLiteral("--to"), QString::number(m_end),
                           QStringLiteral("--by"), QStringLiteral("area")});
    QCOMPARE(by.exitCode, 2);
}

QTEST_GUILESS_MAIN(TstEnergySim)
#include "tst_energy_sim.moc"
