// engine/HealthQuery on a small hand-made history (one sample per minute, written into a real
// historian file): the oil indicators (ISO 4406 code of the recent mean counts against the
// target, alert/alarm zone, health driver, the remaining life of the particle count towards its
// alarm code) and the selective service reset (a service that resets run hours only leaves the
// cycle counter counting; the journal lists what was reset with the readings before; an
// acknowledgement written before counters could be chosen resets all of them); andon-cli health
// shows the per-counter state and the oil code. Every expected number is computed by hand in
// the comments from the formulas that generate the history.
#include "core/config_loader.h"
#include "engine/health_query.h"
#include "storage/historian.h"
#include "tests/support/historian_support.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace andon;
namespace cond = andon::analytics::condition;

namespace {

constexpr TimestampMs kMinute = 60'000;
constexpr TimestampMs kHour = 3'600'000;
constexpr TimestampMs kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z, a whole hour
constexpr int kMinutes = 20 * 60;              // samples at minutes 0 .. 1199
constexpr TimestampMs kNow = kT0 + 20 * kHour; // judged here (no sample at kNow itself)
constexpr TimestampMs kReset = kT0 + 10 * kHour;

// Counts per mL at >= 4 µm double every 10 h from 300; the 6 and 14 µm counts are fixed
// fractions, so the 4 µm size reaches its alarm count first (below).
double pc4(TimestampMs t)
{
    return 300.0 * std::exp2(double(t - kT0) / double(10 * kHour));
}

const QByteArray kConfig = R"(andon: 1
plant: { enterprise: acme }
defaults:
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l
            machines:
              - name: press
                tags:
                  - { name: state, role: state }
                  - { name: total_count, kind: counter, role: total_count }
                  - { name: oil_pc4, unit: 1/mL }
                  - { name: oil_pc6, unit: 1/mL }
                  - { name: oil_pc14, unit: 1/mL }
                  - { name: oil_water, unit: "%" }
condition:
  indicators: [run_hours, cycles, oil]
  service: { run_hours: 100, cycles: 10000 }
  rul: { window_h: 48, bucket_min: 60, min_points: 6 }
  oil:
    particles: { tag_4um: oil_pc4, tag_6um: oil_pc6, tag_14um: oil_pc14 }
    target: 16/14/11            # servo-valve hydraulics (docs/condition.md)
    water: { tag: oil_water, unit: percent_saturation }
)";

} // namespace

class TstHealthOilService : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void oilIndicators();
    void oilRemainingLife();
    void selectiveReset();
    void legacyAckResetsAll();
    void cliShowsCounters();

private:
    std::unique_ptr<storage::Historian> open(bool readOnly) const;

    QTemporaryDir m_dir;
    std::shared_ptr<const PlantModel> m_model;
    QString m_db, m_config;
};

std::unique_ptr<storage::Historian> TstHealthOilService::open(bool readOnly) const
{
    storage::HistorianOptions ho;
    ho.path = m_db;
    ho.readOnly = readOnly;
    QString error;
    auto h = storage::Historian::open(ho, &error);
    if (!h)
        qWarning().noquote() << error;
    return h;
}

void TstHealthOilService::initTestCase()
{
    test::installStrictMessageHandler();
    QVERIFY(m_dir.isValid());
    m_config = m_dir.filePath(QStringLiteral("plant.yaml"));
    QFile f(m_config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kConfig);
    f.close();
    const ConfigResult config = ConfigLoader::loadFile(m_config);
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;

    m_db = m_dir.filePath(QStringLiteral("plant.sqlite"));
    auto historian = open(false);
    QVERIFY(historian);
    QStringList paths;
    for (const TagDef &t : m_model->tags)
        paths << t.path;
    QString error;
    QVERIFY2(historian->bindTags(paths, &error), qPrintable(error));
    const auto id = [&](const char *name) {
        return TagId(paths.indexOf(QStringLiteral("acme/s/a/l/press/") + QLatin1String(name)));
    };
    SampleBatch batch;
    for (int i = 0; i < kMinutes; ++i) { // bounded: 1200 minutes
        const TimestampMs t = kT0 + i * kMinute;
        batch.push_back({id("state"), t, 1.0, Quality::Good});             // always running
        batch.push_back({id("total_count"), t, 10.0 * i, Quality::Good});  // 10 cycles a minute
        batch.push_back({id("oil_pc4"), t, pc4(t), Quality::Good});
        batch.push_back({id("oil_pc6"), t, pc4(t) / 4.5, Quality::Good});
        batch.push_back({id("oil_pc14"), t, pc4(t) / 40.0, Quality::Good});
        batch.push_back({id("oil_water"), t, 30.0, Quality::Good});       // % saturation
    }
    historian->append(std::move(batch));
    historian->flush();
    historian->sealAll();
    QCOMPARE(historian->stats().lastError, QString());
}

void TstHealthOilService::cleanup()
{
    const QStringList unexpected = test::unexpectedWarnings();
    test::clearUnexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TstHealthOilService::oilIndicators()
{
    auto historian = open(true);
    QVERIFY(historian);
    const MachineHealth h = HealthQuery(*m_model, *historian).machine(0, kNow);
    const OilHealth &oil = h.oil;
    QVERIFY(oil.monitored);
    // Recent window = the 60 minutes 19:00..19:59 (minutes 1140..1199): the mean of
    // 300 * 2^(i/600) over them is 1158.69 per mL (python3 -c "print(sum(300 *
    // 2 ** (i / 600) for i in range(1140, 1200)) / 60)"). Codes (ISO 4406 Table 1): 1158.7 ->
    // 17 (640-1300); /4.5 = 257.5 -> 15 (160-320); /40 = 29.0 -> 12 (20-40).
    QVERIFY2(std::abs(oil.perMl[0] - 1158.69) < 0.01, qPrintable(QString::number(oil.perMl[0])));
    QCOMPARE(oil.code.toString(), QStringLiteral("17/15/12"));
    QCOMPARE(oil.target.toString(), QStringLiteral("16/14/11"));
    // One scale number above the target in every size: alert (docs/condition.md "Oil").
    QCOMPARE(oil.excess, 1);
    QCOMPARE(oil.cleanliness, cond::Severity::Warning);
    // Water 30 % saturation against the defaults 50 / 80 %: normal.
    QCOMPARE(oil.water, 30.0);
    QCOMPARE(oil.waterSeverity, cond::Severity::Normal);
    // Health = the lowest sub-score: cleanliness at 1 step (alert) = 50; water 30 % with warn 50
    // scores 100 - 50 * (30 - 25) / (50 - 25) = 90.
    QCOMPARE(h.health, 50.0);
    QCOMPARE(h.healthDriver, QStringLiteral("oil_cleanliness"));
    QCOMPARE(h.worst, cond::Severity::Warning);
    QCOMPARE(h.urgencyHours, 0.0); // an indicator in alert: action now
}

void TstHealthOilService::oilRemainingLife()
{
    auto historian = open(true);
    QVERIFY(historian);
    const MachineHealth h = HealthQuery(*m_model, *historian).machine(0, kNow);
    const OilHealth &oil = h.oil;
    // Alarm = 2 steps over 16/14/11 = 18/16/13, entered above 1300 / 320 / 40 per mL. The 4 µm
    // count reaches 1300 at 10 h * log2(1300/300) = 21.155 h, i.e. 1.155 h after kNow; the 6 µm
    // count (pc4/4.5) at pc4 = 1440 (23.2 h) and the 14 µm (pc4/40) at 1600 (24.2 h) later.
    QCOMPARE(oil.rulSize, 0);
    QCOMPARE(oil.rulThreshold, 1300.0);
    QCOMPARE(oil.rul.status, cond::RulStatus::Ok);
    QCOMPARE(oil.rul.chosen, cond::TrendModel::Exponential);
    const double expected = 10.0 * std::log2(1300.0 / 300.0) - 20.0;
    QVERIFY2(std::abs(oil.rul.rulHours() - expected) < 0.05,
             qPrintable(QStringLiteral("%1 h, expected %2 h").arg(oil.rul.rulHours()).arg(expected)));
    // The fleet urgency takes the oil's early edge as a due time too.
    QVERIFY(h.urgency.rulEarlyMs && *h.urgency.rulEarlyMs == oil.rul.earlyMs);
}

void TstHealthOilService::selectiveReset()
{
    // Work on a copy: the other tests see the history without acknowledgements.
    QString error;
    auto historian =
            test::openHistorianCopy(m_db, m_dir.filePath(QStringLiteral("ack.sqlite")), &error);
    QVERIFY2(historian, qPrintable(error));
    HealthQuery query(*m_model, *historian);

    const MachineHealth before = query.machine(0, kReset);
    // Minutes 0..600 hold samples (600 is kReset itself): 601 running minutes = 10.0167 h;
    // cycles 10 * 600 - 10 * 0 = 6000.
    QCOMPARE(before.runHours, 601.0 / 60.0);
    QCOMPARE(before.cycles, 6000.0);
    const std::vector<ServiceCounterState> counters = before.serviceCounters();
    QCOMPARE(int(counters.size()), 2); // no motor-current tag: no baseline to relearn
    QCOMPARE(counters[0].key, QStringLiteral("run_hours"));
    QCOMPARE(counters[0].interval, 100.0);
    QCOMPARE(counters[1].key, QStringLiteral("cycles"));
    QCOMPARE(counters[1].sinceMs, kT0);

    // An unknown counter is refused, nothing written.
    QCOMPARE(HealthQuery::acknowledgeService(*historian, *m_model, 0, QStringLiteral("jdoe"),
                                             QStringLiteral("x"), kReset, &before, &error,
                                             {QStringLiteral("oil")}),
             std::int64_t(-1));
    QVERIFY(error.contains(QStringLiteral("unknown counter 'oil'")));

    // Reset run hours only.
    QVERIFY(HealthQuery::acknowledgeService(*historian, *m_model, 0, QStringLiteral("jdoe"),
                                            QStringLiteral("Changed the hydraulic pump"), kReset,
                                            &before, &error, {QStringLiteral("run_hours")})
            > 0);
    const MachineHealth after = query.machine(0, kNow);
    // Run hours restart at kReset: minutes 600..1199 = 600 minutes = 10.0 h.
    QCOMPARE(after.runHoursSinceMs, kReset);
    QCOMPARE(after.runHours, 10.0);
    // Cycles keep counting from the start of the history: 10 * 1199 = 11990.
    QCOMPARE(after.cyclesSinceMs, kT0);
    QCOMPARE(after.cycles, 11990.0);
    QCOMPARE(after.lastService.t, kReset);

    // The journal: what was reset with its reading before, what was kept.
    storage::EventQuery q;
    q.categories = {QStringLiteral("maintenance")};
    const auto events = historian->events(q);
    QCOMPARE(int(events.size()), 1);
    const storage::Event &e = events[0];
    QCOMPARE(e.kind, QStringLiteral("service.ack"));
    QCOMPARE(e.user, QStringLiteral("jdoe"));
    QCOMPARE(e.message, QStringLiteral("Changed the hydraulic pump"));
    QCOMPARE(e.oldValue, QStringLiteral("run hours 10.0 h"));
    QCOMPARE(e.newValue, QStringLiteral("run hours 0 h"));
    const QJsonObject d = QJsonDocument::fromJson(e.details.toUtf8()).object();
    QCOMPARE(d.value(QStringLiteral("reset")).toArray(), QJsonArray{QStringLiteral("run_hours")});
    QCOMPARE(d.value(QStringLiteral("kept")).toArray(),
             (QJsonArray{QStringLiteral("cycles"), QStringLiteral("current_baseline")}));
    const QJsonObject c = d.value(QStringLiteral("counters")).toObject();
    const QJsonObject rh = c.value(QStringLiteral("run_hours")).toObject();
    QCOMPARE(rh.value(QStringLiteral("old")).toDouble(), 601.0 / 60.0);
    QCOMPARE(rh.value(QStringLiteral("new")).toDouble(), 0.0);
    QCOMPARE(rh.value(QStringLiteral("interval")).toDouble(), 100.0);
    const QJsonObject cy = c.value(QStringLiteral("cycles")).toObject();
    QCOMPARE(cy.value(QStringLiteral("reset")).toBool(), false);
    QCOMPARE(cy.value(QStringLiteral("old")).toDouble(), 6000.0);
    QVERIFY(!cy.contains(QStringLiteral("new")));

    // A service that resets nothing is recorded and leaves both counters as they were.
    QVERIFY(HealthQuery::acknowledgeService(*historian, *m_model, 0, QStringLiteral("jdoe"),
                                            QStringLiteral("Checked the breather"),
                                            kReset + 5 * kHour, &after, &error, {})
            > 0);
    const MachineHealth later = query.machine(0, kNow);
    QCOMPARE(later.runHoursSinceMs, kReset);
    QCOMPARE(later.cyclesSinceMs, kT0);
    QCOMPARE(later.lastService.text, QStringLiteral("Checked the breather"));
    const auto all = historian->events(q);
    QCOMPARE(all.back().newValue, QStringLiteral("no counter reset"));
}

void TstHealthOilService::legacyAckResetsAll()
{
    // An acknowledgement as written before counters could be chosen (details without a
    // "counters" object) reset everything: both counters restart at its time.
    QString error;
    auto historian =
            test::openHistorianCopy(m_db, m_dir.filePath(QStringLiteral("legacy.sqlite")), &error);
    QVERIFY2(historian, qPrintable(error));
    storage::Event e;
    e.t = kT0 + 15 * kHour;
    e.category = QStringLiteral("maintenance");
    e.kind = QStringLiteral("service.ack");
    e.source = QStringLiteral("acme/s/a/l/press");
    e.user = QStringLiteral("old");
    e.message = QStringLiteral("Full service");
    e.details = QStringLiteral(R"({"reset":["run_hours","cycles"],"run_hours":15,"cycles":9000})");
    QVERIFY(historian->appendEvent(e, &error) > 0);
    const MachineHealth h = HealthQuery(*m_model, *historian).machine(0, kNow);
    QCOMPARE(h.runHoursSinceMs, e.t);
    QCOMPARE(h.cyclesSinceMs, e.t);
    // Minutes 900..1199 = 300 minutes = 5.0 h; cycles 10 * (1199 - 900) = 2990.
    QCOMPARE(h.runHours, 5.0);
    QCOMPARE(h.cycles, 2990.0);
}

void TstHealthOilService::cliShowsCounters()
{
    // The selectively reset copy from selectiveReset(): run hours since kReset, cycles since kT0.
    const QString copy = m_dir.filePath(QStringLiteral("ack.sqlite"));
    QVERIFY(QFile::exists(copy));
    const QString at = QStringLiteral("2026-01-01T20:00:00Z"); // kNow
    const test::ToolRun json = test::runTool(
            QStringLiteral("andon-cli"),
            {QStringLiteral("health"), QStringLiteral("--config"), m_config, QStringLiteral("--db"),
             copy, QStringLiteral("--at"), at, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonObject m = doc.value(QStringLiteral("machines")).toArray().at(0).toObject();
    const QJsonArray counters =
            m.value(QStringLiteral("service")).toObject().value(QStringLiteral("counters")).toArray();
    QCOMPARE(counters.size(), 2);
    const QJsonObject rh = counters.at(0).toObject();
    QCOMPARE(rh.value(QStringLiteral("counter")).toString(), QStringLiteral("run_hours"));
    QCOMPARE(rh.value(QStringLiteral("value")).toDouble(), 10.0);
    QCOMPARE(rh.value(QStringLiteral("since")).toString(), QStringLiteral("2026-01-01T10:00:00.000+00:00"));
    const QJsonObject cy = counters.at(1).toObject();
    QCOMPARE(cy.value(QStringLiteral("value")).toDouble(), 11990.0);
    QCOMPARE(cy.value(QStringLiteral("since")).toString(), QStringLiteral("2026-01-01T00:00:00.000+00:00"));
    const QJsonObject oil = m.value(QStringLiteral("oil")).toObject();
    QCOMPARE(oil.value(QStringLiteral("iso4406")).toString(), QStringLiteral("17/15/12"));
    QCOMPARE(oil.value(QStringLiteral("cleanliness")).toString(), QStringLiteral("warning"));

    const test::ToolRun text = test::runTool(
            QStringLiteral("andon-cli"),
            {QStringLiteral("health"), QStringLiteral("--config"), m_config, QStringLiteral("--db"),
             copy, QStringLiteral("--at"), at});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("Service counters")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QRegularExpression(
                     QStringLiteral("acme/s/a/l/press\\s+run_hours\\s+10\\.0 / 100\\s+2026-01-01T10:00:00\\+00:00"))),
             qPrintable(text.out));
    QVERIFY2(text.out.contains(QRegularExpression(
                     QStringLiteral("acme/s/a/l/press\\s+17/15/12\\s+target 16/14/11\\s+warning"))),
             qPrintable(text.out));
}

QTEST_GUILESS_MAIN(TstHealthOilService)
#include "tst_health_oil_service.moc"
