// Issue 8, the rest of SPC beside the charts, through a real temporary historian:
// - configuration: `spec: alarm:` becomes an external alarm of the characteristic, `defect_types:`
//   the defect-type counters of an attribute characteristic; bad entries are errors;
// - spcSpanMean (time-weighted mean of a sample-and-hold tag) by hand;
// - spcCorrelate on a synthetic plant where motor_temp is high exactly in the out-of-control
//   subgroups: it ranks first with the Welch t of tests/reference/spc_reference.py;
// - spcDefectPareto: counter increases across a reset, ranking and cumulative % by hand;
// - SpcService raises the violation alarm through AlarmService (rule named in the message),
//   and it returns to normal on an in-control subgroup (ISA-18.2: acknowledged separately).
#include "core/config_loader.h"
#include "engine/alarm_service.h"
#include "engine/spc_analysis.h"
#include "engine/spc_insights.h"
#include "engine/spc_limits_store.h"
#include "engine/spc_service.h"
#include "storage/historian.h"
#include "tests/support/historian_support.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace andon;
using namespace andon::analytics::spc;

namespace {

const QByteArray kPlant = R"(andon: 1
plant: { enterprise: acme }
sites:
  - name: site
    timezone: UTC
    areas:
      - name: area
        lines:
          - name: line
            tags:
              - { name: hall_humidity, unit: "%", decimals: 0 }
            machines:
              - name: checker
                tags:
                  - { name: product, role: product, decimals: 0 }
                  - { name: motor_temp, unit: °C, decimals: 1 }
                  - { name: line_speed, unit: parts/min, decimals: 0 }
                  - { name: air_pressure, unit: bar, decimals: 2 }
                  - name: weight
                    unit: kg
                    decimals: 3
                    spec: { lsl: 5.9, target: 6.0, usl: 6.1, alarm: { priority: 2, rules: [1, n2, WE1] } }
                  - { name: rejects, role: reject_count, defect_types: [scratch, dent, label_missing] }
                  - { name: scratch, kind: counter }
                  - { name: dent, kind: counter }
                  - { name: label_missing, kind: counter }
calendar:
  non_production_days: []
  shifts:
    - { name: early, start: "06:00", hours: 8 }
    - { name: late, start: "14:00", hours: 8 }
)";

const QString kMachine = QStringLiteral("acme/site/area/line/checker/");
// Monday 12 January 2026 06:00 UTC: the start of an early shift.
constexpr TimestampMs kStart = 1768197600000;
constexpr TimestampMs kMinute = 60'000;
constexpr int kSubgroups = 40;

// The synthetic plant of tests/reference/spc_reference.py (insight_weight, insight_tags).
bool shifted(int g)
{
    return g == 29 || g == 32 || g == 35;
}
double weight(int i)
{
    return 6.0 + 0.01 * std::sin(0.9 * i) + (shifted(i / 5) ? 0.08 : 0.0);
}

} // namespace

class TstSpcInsights : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void configReadsAlarmAndDefectTypes();
    void configErrors_data();
    void configErrors();
    void spanMeanByHand();
    void correlateRanksTheCause();
    void paretoAcrossReset();
    void violationRaisesAlarm();

private:
    void append(const QString &leaf, const std::vector<std::pair<TimestampMs, double>> &points);
    TagId id(const QString &leaf) const { return m_model->tagIdByPath(kMachine + leaf); }
    SpcCharacteristic weightCharacteristic() const;

    std::shared_ptr<const PlantModel> m_model;
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Historian> m_historian;
    int m_run = 0;
};

void TstSpcInsights::initTestCase()
{
    test::installStrictMessageHandler();
    const ConfigResult config = ConfigLoader::loadString(kPlant, QStringLiteral("spc.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;
    QVERIFY(m_dir.isValid());
}

void TstSpcInsights::init()
{
    const QString path = m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_run));
    QString error;
    m_historian = test::openHistorianForModel(path, *m_model, &error);
    QVERIFY2(m_historian, qPrintable(error));
}

void TstSpcInsights::cleanup()
{
    m_historian.reset();
}

void TstSpcInsights::append(
    const QString &leaf, const std::vector<std::pair<TimestampMs, double>> &points)
{
    const TagId tag = leaf.contains(QLatin1Char('/')) ? m_model->tagIdByPath(leaf) : id(leaf);
    test::appendGoodAndFlush(*m_historian, tag, points);
}

SpcCharacteristic TstSpcInsights::weightCharacteristic() const
{
    for (const SpcCharacteristic &c : spcCharacteristics(*m_model)) {
        if (c.path == kMachine + QStringLiteral("weight"))
            return c;
    }
    return {};
}

void TstSpcInsights::configReadsAlarmAndDefectTypes()
{
    const TagDef &w = m_model->tags[id(QStringLiteral("weight"))];
    QVERIFY(w.spcAlarm >= 0);
    const AlarmDef &a = m_model->alarms[std::size_t(w.spcAlarm)];
    QCOMPARE(a.id, QStringLiteral("acme/site/area/line/checker/weight_spc"));
    QVERIFY(a.external);
    QCOMPARE(a.priority, 2);
    QCOMPARE(a.tag, w.id);
    QCOMPARE(a.rules, (QStringList { QStringLiteral("N1"), QStringLiteral("N2"),
                          QStringLiteral("WE1") }));
    const TagDef &r = m_model->tags[id(QStringLiteral("rejects"))];
    QCOMPARE(r.defectTypes, (std::vector<TagId> { id(QStringLiteral("scratch")),
                                id(QStringLiteral("dent")), id(QStringLiteral("label_missing")) }));
    QCOMPARE(spcAttributeTags(*m_model, w.machine), std::vector<TagId> { r.id });
    // The compared process tags: the machine's other analog tags and the line's own tag.
    QCOMPARE(spcProcessTags(*m_model, weightCharacteristic()),
        (std::vector<TagId> { id(QStringLiteral("motor_temp")), id(QStringLiteral("line_speed")),
            id(QStringLiteral("air_pressure")),
            m_model->tagIdByPath(QStringLiteral("acme/site/area/line/hall_humidity")) }));
}

void TstSpcInsights::configErrors_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown rule") << QByteArray("rules: [1, n2, WE1]")
                                  << QByteArray("rules: [1, n9]")
                                  << QStringLiteral("expected a Nelson rule 1-8");
    QTest::newRow("bad priority") << QByteArray("priority: 2") << QByteArray("priority: 7")
                                  << QStringLiteral("priority");
    QTest::newRow("defect type not a counter") << QByteArray("[scratch, dent, label_missing]")
                                               << QByteArray("[scratch, motor_temp]")
                                               << QStringLiteral("must be another counter tag");
    QTest::newRow("unknown defect type") << QByteArray("[scratch, dent, label_missing]")
                                         << QByteArray("[scratch, dnet]")
                                         << QStringLiteral("expected the name of a counter tag");
    QTest::newRow("defect types on an analog tag")
        << QByteArray("{ name: motor_temp, unit: °C, decimals: 1 }")
        << QByteArray("{ name: motor_temp, unit: °C, decimals: 1, defect_types: [dent] }")
        << QStringLiteral("defect types belong to a counter");
}

void TstSpcInsights::configErrors()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, message);
    QByteArray yaml = kPlant;
    QVERIFY(yaml.contains(from));
    yaml.replace(from, to);
    const ConfigResult config = ConfigLoader::loadString(yaml, QStringLiteral("bad.yaml"));
    QVERIFY(!config.ok());
    const QString all = config.formattedMessages().join(u'\n');
    QVERIFY2(all.contains(message), qPrintable(all));
}

void TstSpcInsights::spanMeanByHand()
{
    const auto s = [](TimestampMs t, double v) { return Sample { 0, t, v, Quality::Good }; };
    const std::vector<Sample> samples { s(0, 10), s(10, 20), s(30, 40),
        Sample { 0, 32, 1000, Quality::Bad }, s(50, 5) };
    // [5, 35]: 10 held 5..10, 20 held 10..30, 40 held 30..35 (the bad sample is skipped):
    // (10*5 + 20*20 + 40*5) / 30 = 650 / 30.
    QCOMPARE(spcSpanMean(samples, 5, 35, 100), 650.0 / 30.0);
    QCOMPARE(spcSpanMean(samples, 10, 10, 100), 20.0); // one moment: the value held then
    // With a 2 ms lookback the value 10 (t = 0) is too old: the span starts unknown and only
    // its known part counts, from 10 on: (20*20 + 40*5) / 25 = 24.
    QCOMPARE(spcSpanMean(samples, 5, 35, 2), 24.0);
    QVERIFY(std::isnan(spcSpanMean(samples, 1, 9, 0))); // nothing known in [1, 9]
}

void TstSpcInsights::correlateRanksTheCause()
{
    std::vector<std::pair<TimestampMs, double>> w;
    for (int i = 0; i < 5 * kSubgroups; ++i)
        w.emplace_back(kStart + i * kMinute, weight(i));
    append(QStringLiteral("weight"), w);
    // Process tags: one value per subgroup (5 minutes), published every 20 s.
    std::vector<std::pair<TimestampMs, double>> temp, speed, pressure;
    for (int k = 0; k < 5 * kSubgroups * 3; ++k) {
        const TimestampMs t = kStart + k * 20'000;
        const int g = int((t - kStart) / (5 * kMinute));
        temp.emplace_back(t, 60.0 + (shifted(g) ? 8.0 : 0.0) + 0.5 * std::sin(1.3 * g));
        speed.emplace_back(t, 120.0 + 2.0 * std::sin(0.7 * g + 1.0));
        pressure.emplace_back(t, 6.0 + 0.2 * std::cos(2.1 * g));
    }
    append(QStringLiteral("motor_temp"), temp);
    append(QStringLiteral("line_speed"), speed);
    append(QStringLiteral("air_pressure"), pressure);

    SpcSettings settings;
    settings.chart = ChartType::XbarR;
    settings.subgroupSize = 5;
    settings.rules = RuleSet {};
    settings.rules.add(Rule::Nelson1);
    const SpcAnalysis a = analyseSpc(*m_model, *m_historian, nullptr, weightCharacteristic(),
        settings, kStart, kStart + 5 * kSubgroups * kMinute);
    QCOMPARE(a.charts.size(), std::size_t(1));
    QCOMPARE(int(a.charts.front().result.subgroups.size()), kSubgroups);
    QStringList points;
    for (const Violation &v : a.charts.front().result.violations)
        points << QString::number(v.point);
    // [REF] spc_reference.py: "N1 subgroups=[29, 32, 35]".
    QCOMPARE(points, (QStringList { QStringLiteral("29"), QStringLiteral("32"),
                         QStringLiteral("35") }));

    const SpcCorrelation k = spcCorrelate(*m_model, *m_historian, a);
    QCOMPARE(k.subgroups, kSubgroups);
    QCOMPARE(k.outOfControl, 3);
    QCOMPARE(k.inControl, kSubgroups - 3);
    QCOMPARE(k.tags.size(), std::size_t(4));
    // [REF] spc_reference.py "synthetic plant of tst_spc_insights":
    // motor_temp: mean OOC 68.0518447333, mean IC 59.9994667243, t 31.9946884327,
    // df 2.232214, d 22.47976701; air_pressure t -3.2033525299; line_speed t -0.1253791637.
    const SpcTagDifference &top = k.tags[0];
    QCOMPARE(top.tag, id(QStringLiteral("motor_temp")));
    QCOMPARE(top.test.n1, 3);
    QCOMPARE(top.test.n2, kSubgroups - 3);
    QVERIFY(std::abs(top.test.mean1 - 68.0518447333) < 1e-9);
    QVERIFY(std::abs(top.test.mean2 - 59.9994667243) < 1e-9);
    QVERIFY(std::abs(top.test.t - 31.9946884327) < 1e-8);
    QVERIFY(std::abs(top.test.df - 2.232214) < 1e-6);
    QVERIFY(std::abs(top.test.cohenD - 22.47976701) < 1e-7);
    QCOMPARE(k.tags[1].tag, id(QStringLiteral("air_pressure")));
    QVERIFY(std::abs(k.tags[1].test.t - (-3.2033525299)) < 1e-8);
    QCOMPARE(k.tags[2].tag, id(QStringLiteral("line_speed")));
    QVERIFY(std::abs(k.tags[2].test.t - (-0.1253791637)) < 1e-8);
    // The line's humidity has no data: no statistic, ranked last.
    QCOMPARE(k.tags[3].tag, m_model->tagIdByPath(QStringLiteral("acme/site/area/line/hall_humidity")));
    QVERIFY(std::isnan(k.tags[3].test.t));
    QCOMPARE(k.note, QString());
}

void TstSpcInsights::paretoAcrossReset()
{
    const TimestampMs T = kStart;
    const TimestampMs m = kMinute;
    append(QStringLiteral("rejects"),
        { { T - 10 * m, 100 }, { T + 10 * m, 110 }, { T + 20 * m, 125 }, { T + 30 * m, 5 },
            { T + 40 * m, 12 } });
    append(QStringLiteral("scratch"),
        { { T - 10 * m, 50 }, { T + 10 * m, 55 }, { T + 40 * m, 70 }, { T + 70 * m, 99 } });
    append(QStringLiteral("dent"), { { T - 5 * m, 20 }, { T + 20 * m, 28 } });
    append(QStringLiteral("label_missing"), { { T - 5 * m, 0 }, { T + 30 * m, 3 } });
    const SpcDefectPareto p
        = spcDefectPareto(*m_model, *m_historian, id(QStringLiteral("rejects")), T, T + 60 * m);
    // By hand: rejects 10 + 15 + 5 (reset to 0, then 5) + 7 = 37; scratch 5 + 15 = 20 (the
    // reading at T+70 min is after the window); dent 8; label_missing 3; classified 31,
    // unclassified 6. Ranked: scratch 20 (20/37 = 54.054 %), dent 8 (21.622 %, cumulative
    // 28/37 = 75.676 %), Unclassified 6 (16.216 %, 34/37 = 91.892 %), label_missing 3
    // (8.108 %, 100 %).
    QCOMPARE(p.total, 37.0);
    QCOMPARE(p.classified, 31.0);
    QCOMPARE(p.resets, 1);
    QCOMPARE(p.items.size(), std::size_t(4));
    const QStringList names { QStringLiteral("scratch"), QStringLiteral("dent"),
        QStringLiteral("Unclassified"), QStringLiteral("label_missing") };
    const double counts[] = { 20, 8, 6, 3 };
    const double cumulative[] = { 2000.0 / 37, 2800.0 / 37, 3400.0 / 37, 100.0 };
    for (std::size_t i = 0; i < p.items.size(); ++i) {
        QCOMPARE(p.items[i].name, names[int(i)]);
        QCOMPARE(p.items[i].count, counts[i]);
        QVERIFY(std::abs(p.items[i].cumulativePercent - cumulative[i]) < 1e-9);
    }
    QVERIFY(std::abs(p.items[0].percent - 54.054054) < 1e-5);
}

void TstSpcInsights::violationRaisesAlarm()
{
    ManualClock clock(kStart + 200 * kMinute);
    AlarmService alarms(m_model, clock);
    alarms.setTickInterval(0);
    alarms.attachHistorian(m_historian.get());
    const QString alarmId = QStringLiteral("acme/site/area/line/checker/weight_spc");
    QCOMPARE(alarms.status(alarmId)->state, analytics::AlarmState::Normal);

    // Baseline: 25 in-control subgroups of 5; limits frozen from them.
    std::vector<std::pair<TimestampMs, double>> w;
    for (int i = 0; i < 125; ++i)
        w.emplace_back(kStart + i * kMinute, 6.0 + 0.01 * std::sin(0.9 * i));
    append(QStringLiteral("weight"), w);
    SpcSettings settings; // X-bar-R, n = 5, Nelson rules: what SpcService uses
    const SpcAnalysis base = analyseSpc(*m_model, *m_historian, nullptr, weightCharacteristic(),
        settings, kStart, kStart + 125 * kMinute);
    QString error;
    const auto limits = spcBaselineLimits(base.charts.front(), settings, &error);
    QVERIFY2(limits, qPrintable(error));
    SpcLimitsStore store(m_historian.get());
    QVERIFY2(store.freeze(kMachine + QStringLiteral("weight"), QString(), *limits,
                 QStringLiteral("quality-engineer"), QStringLiteral("baseline"),
                 kStart + 125 * kMinute, &error),
        qPrintable(error));

    SpcService spc(m_model, m_historian.get());
    spc.setAlarmService(&alarms);
    spc.evaluate(kStart + 126 * kMinute);
    QCOMPARE(alarms.status(alarmId)->state, analytics::AlarmState::Normal);

    // Subgroup 26 is 0.08 kg high (about 24 standard errors): rule 1.
    w.clear();
    for (int i = 125; i < 130; ++i)
        w.emplace_back(kStart + i * kMinute, 6.08 + 0.01 * std::sin(0.9 * i));
    append(QStringLiteral("weight"), w);
    QVERIFY(spc.evaluate(kStart + 131 * kMinute) >= 1);
    auto st = alarms.status(alarmId);
    QCOMPARE(st->state, analytics::AlarmState::UnackActive);
    QVERIFY2(st->message.contains(QStringLiteral("N1 1 point beyond 3 sigma"))
            && st->message.contains(QStringLiteral("checker weight")),
        qPrintable(st->message));
    QCOMPARE(st->activeSinceMs, kStart + 129 * kMinute); // the subgroup's last measurement
    QVERIFY(std::abs(st->value - (6.08 + 0.01 * (std::sin(0.9 * 125) + std::sin(0.9 * 126)
                                                     + std::sin(0.9 * 127) + std::sin(0.9 * 128)
                                                     + std::sin(0.9 * 129))
                                                / 5))
        < 1e-9);
    const auto active = alarms.snapshot();
    QVERIFY(std::any_of(active.begin(), active.end(), [&](const analytics::AlarmStatus &s) {
        return m_model->alarms[std::size_t(s.index)].id == alarmId
            && analytics::alarmStateIsAnnunciated(s.state);
    }));
    // Re-evaluating the same data changes nothing.
    spc.evaluate(kStart + 132 * kMinute);
    QCOMPARE(alarms.status(alarmId)->state, analytics::AlarmState::UnackActive);

    // An in-control subgroup: the condition clears, the alarm waits for acknowledgement.
    w.clear();
    for (int i = 130; i < 135; ++i)
        w.emplace_back(kStart + i * kMinute, 6.0 + 0.01 * std::sin(0.9 * i));
    append(QStringLiteral("weight"), w);
    spc.evaluate(kStart + 136 * kMinute);
    st = alarms.status(alarmId);
    QCOMPARE(st->state, analytics::AlarmState::ReturnedUnack);
    QVERIFY(!st->conditionActive);
    QVERIFY(alarms.acknowledge(alarmId, QStringLiteral("operator")));
    QCOMPARE(alarms.status(alarmId)->state, analytics::AlarmState::Normal);

    // Both transitions are in the alarm journal, the violation in the SPC journal.
    alarms.flush();
    const auto journal = AlarmService::readJournal(*m_historian);
    QStringList actions;
    for (const analytics::AlarmEvent &e : journal) {
        if (e.alarmId == alarmId)
            actions << analytics::alarmActionName(e.action);
    }
    QCOMPARE(actions, (QStringList { QStringLiteral("activate"), QStringLiteral("clear"),
                          QStringLiteral("acknowledge") }));
    storage::EventQuery q;
    q.categories = { QStringLiteral("spc") };
    q.kindPrefix = QStringLiteral("violation");
    bool journaled = false;
    for (const storage::Event &e : m_historian->events(q))
        journaled = journaled || (e.message.contains(QStringLiteral("N1")) && e.t == kStart + 129 * kMinute);
    QVERIFY(journaled);
}

QTEST_GUILESS_MAIN(TstSpcInsights)
#include "tst_spc_insights.moc"
