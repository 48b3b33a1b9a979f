// End to end: the plant simulator's "spc-drift" scenario into a real historian file, limits
// frozen on the pre-shift baseline with the real `andon-cli spc --freeze`, then the live SPC path
// (analyseSpc with the frozen limits, SpcService journaling) must flag the injected mean shift
// (truth: spc_drift start_ms, shift_sigma) within the expected number of subgroups.
//
// The bound: a 1.5 sigma shift of individual values moves the mean of a subgroup of n = 5 by
// 1.5 * sqrt(5) = 3.354 standard errors; a 3-sigma X-bar chart then misses it per subgroup with
// beta = Phi(3 - 3.354) - Phi(-3 - 3.354) = 0.362 (Montgomery, Introduction to Statistical
// Quality Control, 6th ed., §6.2.6, eq. 6.19): ARL1 = 1.57 subgroups, and rule 1 alone stays
// silent through the first 10 post-shift subgroups with probability 0.362^10 = 3.8e-5
// (tests/reference/spc_drift_bound.py). The other Nelson rules only add signals. The assertion
// is about that logic (which subgroup), never about time.
//
// Samples go into the historian in-process (PlantSimulator::advanceTo + Historian::append) as
// in tst_oee_sim: hours of data through MQTT would be slow and the test is about SPC.
#include "core/config_loader.h"
#include "engine/spc_analysis.h"
#include "engine/spc_limits_store.h"
#include "engine/spc_service.h"
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
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace andon;
using namespace andon::analytics::spc;

namespace {

const QByteArray kPlant = R"(andon: 1
plant: { enterprise: acme }
defaults:
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
    - { code: 2, name: Idle, category: idle }
    - { code: 3, name: Starved, category: starved }
    - { code: 4, name: Blocked, category: blocked }
    - { code: 5, name: Changeover, category: changeover }
    - { code: 6, name: Planned break, category: planned_stop }
    - { code: 10, name: Jam at infeed, category: down }
sites:
  - name: berlin
    timezone: Europe/Berlin
    areas:
      - name: packaging
        lines:
          - name: line2
            machines:
              - name: palletizer
                ideal_rate_per_min: 64
                tags:
                  - { name: state, kind: state, role: state }
                  - { name: good_count, kind: counter, role: good_count }
                  - { name: reject_count, kind: counter, role: reject_count }
                  - { name: total_count, kind: counter, role: total_count }
                  - { name: product, role: product, decimals: 0 }
                  - { name: motor_temp, unit: °C, decimals: 1, range: [0, 120] }
                  - { name: case_weight, unit: kg, decimals: 3, range: [5, 7], spec: { lsl: 5.9, target: 6.0, usl: 6.1 } }
calendar:
  non_production_days: []
  shifts:
    - { name: early, start: "06:00", hours: 8 }
    - { name: late, start: "14:00", hours: 8 }
    - { name: night, start: "22:00", hours: 8 }
products:
  - { code: 201, name: Case 6 kg, ideal_cycle_s: 0.95 }
)";

const QString kWeight = QStringLiteral("acme/berlin/packaging/line2/palletizer/case_weight");
constexpr int kSubgroupSize = 5;
constexpr int kBaselineSubgroups = 25;
constexpr int kDetectWithin = 10; // subgroups after the shift (bound in the header comment)

using Run = test::ToolRun;

Run runCli(const QStringList &args)
{
    return test::runTool(QStringLiteral("andon-cli"), args);
}

QString iso(TimestampMs t)
{
    return QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

} // namespace

class TstSpcSim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void driftIsFlaggedWithinBound();

private:
    QTemporaryDir m_dir;
    QString m_config, m_db;
    std::shared_ptr<const PlantModel> m_model;
    TimestampMs m_start = 0, m_end = 0, m_onset = 0;
    double m_meanBefore = 0, m_meanAfter = 0;
};

void TstSpcSim::initTestCase()
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
    m_model = config.model;

    // Tuesday 13 January 2026 06:30-11:30 Berlin: the onset is drawn 1-3 h after the start.
    const QTimeZone berlin("Europe/Berlin");
    m_start = QDateTime(QDate(2026, 1, 13), QTime(6, 30), berlin).toMSecsSinceEpoch();
    m_end = QDateTime(QDate(2026, 1, 13), QTime(11, 30), berlin).toMSecsSinceEpoch();
    sim::SimOptions so;
    so.seed = 808;
    so.scenario = QStringLiteral("spc-drift");
    so.startMs = m_start;
    so.stepMs = 1000;
    so.publishPeriodMs = 60'000;
    sim::PlantSimulator sim(m_model, so);
    {
        QString error;
        auto historian = test::openHistorianForModel(m_db, *m_model, &error);
        QVERIFY2(historian, qPrintable(error));
        // 5 h in 10-minute slices.
        QCOMPARE(test::appendSimulated(*historian, sim, m_start, m_end, 10 * 60'000), QString());
    }
    for (const QJsonValue &v : sim.truth().value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("type")).toString() == u"spc_drift"
            && e.value(QStringLiteral("tag")).toString() == kWeight) {
            m_onset = static_cast<TimestampMs>(e.value(QStringLiteral("start_ms")).toDouble());
            m_meanBefore = e.value(QStringLiteral("mean_before")).toDouble();
            m_meanAfter = e.value(QStringLiteral("mean_after")).toDouble();
            QCOMPARE(e.value(QStringLiteral("shift_sigma")).toDouble(), 1.5);
        }
    }
    QVERIFY2(m_onset > m_start && m_onset < m_end, "the truth has no spc_drift onset in the run");
    QVERIFY(m_meanAfter > m_meanBefore);
}

void TstSpcSim::driftIsFlaggedWithinBound()
{
    // 1. Freeze limits on the baseline before the onset with the real CLI (audited).
    const QStringList common { QStringLiteral("spc"), QStringLiteral("--config"), m_config,
        QStringLiteral("--db"), m_db, QStringLiteral("--characteristic"), kWeight,
        QStringLiteral("--chart"), QStringLiteral("xbar-r"), QStringLiteral("--subgroup"),
        QString::number(kSubgroupSize) };
    Run r = runCli(common
        + QStringList { QStringLiteral("--to"), iso(m_onset - 1), QStringLiteral("--baseline"),
            QString::number(kBaselineSubgroups), QStringLiteral("--freeze"),
            QStringLiteral("--reason"), QStringLiteral("baseline before the drift") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(QStringLiteral("frozen now as version 1 by spc-sim-engineer")),
        qPrintable(r.out));

    // The CLI now says it uses the frozen limits.
    r = runCli(common + QStringList { QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray charts
        = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("charts")).toArray();
    QVERIFY(!charts.isEmpty());
    for (const QJsonValue &c : charts) {
        QCOMPARE(c.toObject().value(QStringLiteral("limits_source")).toString(),
            QStringLiteral("frozen"));
        QCOMPARE(c.toObject().value(QStringLiteral("limits")).toObject()
                     .value(QStringLiteral("frozen_by")).toString(),
            QStringLiteral("spc-sim-engineer"));
    }

    // 2. The live path with the frozen limits: subgroups by product and shift.
    storage::HistorianOptions ho;
    ho.path = m_db;
    QString error;
    auto historian = storage::Historian::open(ho, &error);
    QVERIFY2(historian, qPrintable(error));
    const SpcLimitsStore store(historian.get());
    SpcSettings s;
    s.chart = ChartType::XbarR;
    s.subgroupSize = kSubgroupSize;
    const SpcCharacteristic c = spcCharacteristics(*m_model).front();
    QCOMPARE(c.path, kWeight);
    const SpcAnalysis a = analyseSpc(*m_model, *historian, &store, c, s, m_start, m_end);
    QCOMPARE(a.charts.size(), std::size_t(1));
    const SpcChart &chart = a.charts.front();
    QVERIFY(chart.frozen);
    QCOMPARE(chart.result.limits.version, 1);
    // The frozen center is the baseline mean: within 4 standard errors of the truth's mean.
    const double se = chart.result.limits.sigma / std::sqrt(double(kSubgroupSize * kBaselineSubgroups));
    QVERIFY2(std::abs(chart.result.limits.center - m_meanBefore) < 4 * se,
        qPrintable(QStringLiteral("center %1, truth %2").arg(chart.result.limits.center).arg(m_meanBefore)));

    // First subgroup made entirely after the onset, and the first N1 violation at or after it.
    const auto &groups = chart.result.subgroups;
    int firstAfter = -1;
    for (std::size_t i = 0; i < groups.size() && firstAfter < 0; ++i) {
        if (groups[i].firstMs >= m_onset)
            firstAfter = int(i);
    }
    QVERIFY(firstAfter >= 0);
    QVERIFY2(int(groups.size()) - firstAfter >= kDetectWithin, "too little data after the onset");
    int detected = -1;
    for (const Violation &v : chart.result.violations) {
        if (v.rule == Rule::Nelson1 && v.series == QLatin1String("xbar") && v.point >= firstAfter) {
            detected = v.point;
            break;
        }
    }
    QVERIFY2(detected >= 0, "the shift was never flagged by rule 1");
    const int subgroupsToDetect = detected - firstAfter + 1;
    qInfo("onset %s: first post-shift subgroup %d, rule 1 at subgroup %d (%d subgroups)",
        qPrintable(iso(m_onset)), firstAfter + 1, detected + 1, subgroupsToDetect);
    QVERIFY2(subgroupsToDetect <= kDetectWithin,
        qPrintable(QStringLiteral("rule 1 needed %1 subgroups").arg(subgroupsToDetect)));

    // 3. SpcService journals the violations (rule and points) once.
    SpcService service(m_model, historian.get(), s);
    const int written = service.evaluate(m_end);
    QVERIFY(written > 0);
    QCOMPARE(service.evaluate(m_end), 0);
    storage::EventQuery q;
    q.categories = { QStringLiteral("spc") };
    q.kindPrefix = QStringLiteral("violation");
    const std::vector<storage::Event> events = historian->events(q);
    QCOMPARE(int(events.size()), written);
    bool journaledN1AfterOnset = false;
    for (const storage::Event &e : events) {
        const QJsonObject d = QJsonDocument::fromJson(e.details.toUtf8()).object();
        QVERIFY(!d.value(QStringLiteral("points")).toArray().isEmpty());
        QCOMPARE(e.source, kWeight);
        journaledN1AfterOnset |= d.value(QStringLiteral("rule")).toString() == u"N1"
            && e.t >= m_onset;
    }
    QVERIFY(journaledN1AfterOnset);
}

QTEST_GUILESS_MAIN(TstSpcSim)
#include "tst_spc_sim.moc"
