// Live SPC on configured characteristics, through a real temporary historian:
// - frozen limits are versioned in the event journal (SpcLimitsStore): freezing twice keeps
//   both versions with user and reason, the newest is in force, a product has its own;
// - automatic subgrouping (analyseSpc): a product change closes the open subgroup and starts a
//   chart of its own, a shift change closes the open subgroup;
// - SpcService journals each violation once, also across a restart of the service.
#include "core/config_loader.h"
#include "engine/spc_analysis.h"
#include "engine/spc_limits_store.h"
#include "engine/spc_service.h"
#include "storage/historian.h"
#include "tests/support/historian_support.h"
#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;
using namespace andon::analytics::spc;

namespace {

// One check-weigher with a product tag and a quality characteristic; two 8-hour shifts in UTC
// so shift boundaries are plain UTC hours.
const QByteArray kPlant = R"(andon: 1
plant: { enterprise: acme }
sites:
  - name: site
    timezone: UTC
    areas:
      - name: area
        lines:
          - name: line
            machines:
              - name: checker
                tags:
                  - { name: product, role: product, decimals: 0 }
                  - { name: motor_temp, unit: °C, decimals: 1 }
                  - { name: weight, unit: kg, decimals: 3, spec: { lsl: 5.9, target: 6.0, usl: 6.1 } }
calendar:
  non_production_days: []
  shifts:
    - { name: early, start: "06:00", hours: 8 }
    - { name: late, start: "14:00", hours: 8 }
products:
  - { code: 1, name: Small }
  - { code: 2, name: Large }
)";

const QString kWeight = QStringLiteral("acme/site/area/line/checker/weight");
// Monday 12 January 2026 06:00 UTC: the start of an early shift.
constexpr TimestampMs kShiftStart = 1768197600000;
constexpr TimestampMs kMinute = 60'000;

} // namespace

class TstSpcLive : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void freezeTwiceNewestWins();
    void freezeRefusals();
    void productChangeStartsSubgroupAndChart();
    void shiftChangeClosesSubgroup();
    void serviceJournalsEachViolationOnce();

private:
    void append(const QString &path, const std::vector<std::pair<TimestampMs, double>> &points);
    TagId id(const QString &leaf) const
    {
        return m_model->tagIdByPath(QStringLiteral("acme/site/area/line/checker/") + leaf);
    }

    std::shared_ptr<const PlantModel> m_model;
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Historian> m_historian;
    int m_run = 0;
};

void TstSpcLive::initTestCase()
{
    test::installStrictMessageHandler();
    const ConfigResult config = ConfigLoader::loadString(kPlant, QStringLiteral("spc.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;
    QVERIFY(m_dir.isValid());
}

void TstSpcLive::init()
{
    const QString path = m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_run));
    QString error;
    m_historian = test::openHistorianForModel(path, *m_model, &error);
    QVERIFY2(m_historian, qPrintable(error));
}

void TstSpcLive::cleanup()
{
    m_historian.reset();
}

void TstSpcLive::append(
    const QString &leaf, const std::vector<std::pair<TimestampMs, double>> &points)
{
    test::appendGoodAndFlush(*m_historian, id(leaf), points);
}

void TstSpcLive::freezeTwiceNewestWins()
{
    SpcLimitsStore store(m_historian.get());
    QVERIFY(!store.current(kWeight, QStringLiteral("Small")));
    ControlLimits first;
    first.chart = ChartType::XbarR;
    first.center = 6.0;
    first.sigma = 0.025;
    first.subgroupSize = 5;
    first.baselineCount = 25;
    QString error;
    const auto v1 = store.freeze(kWeight, QStringLiteral("Small"), first, QStringLiteral("alice"),
        QStringLiteral("initial study"), kShiftStart, &error);
    QVERIFY2(v1, qPrintable(error));
    QCOMPARE(v1->version, 1);
    ControlLimits second = first;
    second.center = 6.01;
    second.sigma = 0.02;
    const auto v2 = store.freeze(kWeight, QStringLiteral("Small"), second, QStringLiteral("bob"),
        QStringLiteral("new filler nozzle"), kShiftStart + 3600'000, &error);
    QVERIFY2(v2, qPrintable(error));
    QCOMPARE(v2->version, 2);

    // The newest is in force, both are kept; another product has none.
    const auto current = store.current(kWeight, QStringLiteral("Small"));
    QVERIFY(current);
    QCOMPARE(current->version, 2);
    QCOMPARE(current->center, 6.01);
    QCOMPARE(current->frozenBy, QStringLiteral("bob"));
    QCOMPARE(current->reason, QStringLiteral("new filler nozzle"));
    QCOMPARE(current->frozenAtMs, kShiftStart + 3600'000);
    QCOMPARE(store.versions(kWeight, QStringLiteral("Small")).size(), std::size_t(2));
    QVERIFY(!store.current(kWeight, QStringLiteral("Large")));
    QVERIFY(!store.current(kWeight, QStringLiteral("Small"), ChartType::IMR));
    QVERIFY(store.current(kWeight, QStringLiteral("Small"), ChartType::XbarR));

    // The journal is the audit trail: two entries with user, reason and the limits.
    storage::EventQuery q;
    q.categories = { QStringLiteral("spc") };
    q.kindPrefix = QStringLiteral("limits.freeze");
    const std::vector<storage::Event> events = m_historian->events(q);
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events[0].user, QStringLiteral("alice"));
    QCOMPARE(events[1].user, QStringLiteral("bob"));
    QCOMPARE(events[0].source, kWeight);
    QVERIFY(events[1].message.contains(QStringLiteral("new filler nozzle")));
    QCOMPARE(events[1].oldValue, QStringLiteral("1"));
    QCOMPARE(events[1].newValue, QStringLiteral("2"));
    const QJsonObject d = QJsonDocument::fromJson(events[1].details.toUtf8()).object();
    QCOMPARE(d.value(QStringLiteral("center")).toDouble(), 6.01);
    QCOMPARE(d.value(QStringLiteral("reason")).toString(), QStringLiteral("new filler nozzle"));
    QCOMPARE(d.value(QStringLiteral("product")).toString(), QStringLiteral("Small"));

    // A fresh store over a reopened file sees the same (nothing lives only in memory).
    const QString path = m_historian->path();
    m_historian.reset();
    storage::HistorianOptions o;
    o.path = path;
    o.readOnly = true;
    m_historian = storage::Historian::open(o, &error);
    QVERIFY2(m_historian, qPrintable(error));
    QCOMPARE(SpcLimitsStore(m_historian.get()).current(kWeight, QStringLiteral("Small"))->version,
        2);
}

void TstSpcLive::freezeRefusals()
{
    ControlLimits l;
    l.center = 6.0;
    l.sigma = 0.02;
    QString error;
    QVERIFY(!SpcLimitsStore(nullptr).freeze(kWeight, {}, l, QStringLiteral("a"),
        QStringLiteral("r"), kShiftStart, &error));
    QVERIFY(error.contains(QStringLiteral("historian")));
    SpcLimitsStore store(m_historian.get());
    QVERIFY(!store.freeze(kWeight, {}, l, QStringLiteral("a"), QStringLiteral("  "), kShiftStart,
        &error));
    QVERIFY(error.contains(QStringLiteral("reason")));
    l.center = kNaN;
    QVERIFY(!store.freeze(kWeight, {}, l, QStringLiteral("a"), QStringLiteral("r"), kShiftStart,
        &error));
    QVERIFY(store.versions(kWeight, {}).empty());
}

// 12 weights of product Small, then a product change to Large and 10 more: with n = 5 the
// Small run gives subgroups 1-5, 6-10 (11-12 are cut short by the change and left out), Large
// gives 13-17, 18-22, each product on a chart of its own.
void TstSpcLive::productChangeStartsSubgroupAndChart()
{
    const TimestampMs t0 = kShiftStart + 10 * kMinute;
    append(QStringLiteral("product"), { { t0 - kMinute, 1 }, { t0 + 12 * kMinute - 1, 2 } });
    std::vector<std::pair<TimestampMs, double>> w;
    for (int i = 0; i < 22; ++i)
        w.push_back({ t0 + i * kMinute, 6.0 + 0.01 * ((i * 7) % 5 - 2) });
    append(QStringLiteral("weight"), w);

    SpcSettings s;
    s.chart = ChartType::XbarR;
    s.subgroupSize = 5;
    s.baselineSubgroups = 2;
    const SpcAnalysis a = analyseSpc(*m_model, *m_historian, nullptr,
        spcCharacteristics(*m_model).front(), s, kShiftStart, kShiftStart + 3600'000);
    QCOMPARE(a.samples, 22);
    QCOMPARE(a.charts.size(), std::size_t(2));
    QCOMPARE(a.charts[0].product, QStringLiteral("Small"));
    QCOMPARE(a.charts[1].product, QStringLiteral("Large"));
    const auto &small = a.charts[0].result.subgroups;
    const auto &large = a.charts[1].result.subgroups;
    QCOMPARE(small.size(), std::size_t(2));
    QCOMPARE(large.size(), std::size_t(2));
    QCOMPARE(small[1].firstMs, t0 + 5 * kMinute);
    QCOMPARE(small[1].lastMs, t0 + 9 * kMinute);
    // The first Large subgroup starts at the first weight after the change, not mid-way.
    QCOMPARE(large[0].firstMs, t0 + 12 * kMinute);
    QCOMPARE(large[1].lastMs, t0 + 21 * kMinute);
    QCOMPARE(a.charts[0].shifts[0], QStringLiteral("early 2026-01-12"));
    QVERIFY(!a.warnings.isEmpty()); // the cut-short subgroup is mentioned
    // The machine conditions at a moment: the other analog tag (not the product, not itself).
    append(QStringLiteral("motor_temp"), { { t0, 41.5 } });
    const auto conditions = spcMachineConditions(
        *m_model, *m_historian, spcCharacteristics(*m_model).front(), t0 + 2 * kMinute);
    QCOMPARE(conditions.size(), std::size_t(1));
    QCOMPARE(conditions[0].name, QStringLiteral("motor_temp"));
    QCOMPARE(conditions[0].value, 41.5);
}

// Weights every minute from 13:50 to 14:09: the subgroup open at 14:00 (13:55-13:59 is
// complete; none straddles) — with n = 3 the early shift's 10 values give 3 subgroups (the
// 10th is cut short) and the late shift starts a new one at 14:00.
void TstSpcLive::shiftChangeClosesSubgroup()
{
    const TimestampMs t0 = kShiftStart + 7 * 3600'000 + 50 * kMinute; // 13:50
    std::vector<std::pair<TimestampMs, double>> w;
    for (int i = 0; i < 20; ++i)
        w.push_back({ t0 + i * kMinute, 6.0 + 0.01 * (i % 3) });
    append(QStringLiteral("weight"), w);
    SpcSettings s;
    s.subgroupSize = 3;
    s.baselineSubgroups = 6;
    const SpcAnalysis a = analyseSpc(*m_model, *m_historian, nullptr,
        spcCharacteristics(*m_model).front(), s, kShiftStart, kShiftStart + 10 * 3600'000);
    QCOMPARE(a.charts.size(), std::size_t(1)); // no product tag data: one chart
    const SpcChart &c = a.charts[0];
    QCOMPARE(c.result.subgroups.size(), std::size_t(6)); // 3 early + 3 late (20th cut short)
    QCOMPARE(c.shifts[2], QStringLiteral("early 2026-01-12"));
    QCOMPARE(c.shifts[3], QStringLiteral("late 2026-01-12"));
    QCOMPARE(c.result.subgroups[3].firstMs, kShiftStart + 8 * 3600'000);
    QCOMPARE(spcAlignedStart(*m_model, kShiftStart + 8 * 3600'000 + 5 * kMinute),
        kShiftStart + 8 * 3600'000);
}

// Frozen limits (center 6.0, sigma 0.01, n = 1 individuals) and a series with one weight far
// beyond them: the service journals exactly one N1 violation, not again on the next
// evaluation, and not again after a restart (it reads the journal).
void TstSpcLive::serviceJournalsEachViolationOnce()
{
    std::vector<std::pair<TimestampMs, double>> w;
    for (int i = 0; i < 30; ++i)
        w.push_back({ kShiftStart + (i + 1) * kMinute, i == 20 ? 6.2 : 6.0 + 0.001 * (i % 2) });
    append(QStringLiteral("weight"), w);
    ControlLimits l;
    l.chart = ChartType::IMR;
    l.center = 6.0;
    l.sigma = 0.01;
    l.subgroupSize = 1;
    QString error;
    QVERIFY2(SpcLimitsStore(m_historian.get())
                 .freeze(kWeight, {}, l, QStringLiteral("qe"), QStringLiteral("baseline"),
                     kShiftStart, &error),
        qPrintable(error));

    SpcSettings s;
    s.chart = ChartType::IMR;
    s.rules = RuleSet();
    s.rules.add(Rule::Nelson1);
    const TimestampMs now = kShiftStart + 40 * kMinute;
    {
        SpcService service(m_model, m_historian.get(), s);
        // The 6.2 point is beyond the limits (N1) and makes two moving ranges beyond the MR
        // UCL (LIMIT on the mr series): 3 violations in all.
        const int written = service.evaluate(now);
        QCOMPARE(written, 3);
        QCOMPARE(service.evaluate(now + kMinute), 0);
    }
    SpcService restarted(m_model, m_historian.get(), s);
    QCOMPARE(restarted.evaluate(now + 2 * kMinute), 0);

    storage::EventQuery q;
    q.categories = { QStringLiteral("spc") };
    q.kindPrefix = QStringLiteral("violation");
    const std::vector<storage::Event> events = m_historian->events(q);
    QCOMPARE(events.size(), std::size_t(3));
    const QJsonObject n1 = QJsonDocument::fromJson(events[0].details.toUtf8()).object();
    QCOMPARE(n1.value(QStringLiteral("rule")).toString(), QStringLiteral("N1"));
    QCOMPARE(events[0].t, kShiftStart + 21 * kMinute);
    QCOMPARE(n1.value(QStringLiteral("limits_version")).toInt(), 1);
    QCOMPARE(n1.value(QStringLiteral("points")).toArray().size(), 1);
    QCOMPARE(n1.value(QStringLiteral("points")).toArray()[0].toObject()
                 .value(QStringLiteral("value")).toDouble(),
        6.2);
    QCOMPARE(events[0].source, kWeight);
}

QTEST_GUILESS_MAIN(TstSpcLive)
#include "tst_spc_live.moc"
