// analytics/condition: vibration zones at and around every boundary of ISO 10816-3:2009 /
// ISO 20816-3:2022 Table A.1 (velocity RMS, mm/s: group 1 rigid 2.3/4.5/7.1, flexible
// 3.5/7.1/11.0; group 2 rigid 1.4/2.8/4.5, flexible 2.3/4.5/7.1) and ISO 10816-1 Annex B
// class II (1.12/2.8/7.1); Student t quantiles against printed tables; RUL on synthetic linear
// and exponential degradation with a known crossing time; noise and short series give
// "insufficient data"; counters, current deviation and health by hand; the `condition:` config
// section and its file:line errors.
#include "analytics/condition.h"
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <climits>
#include <random>

using namespace andon;
namespace cond = andon::analytics::condition;

Q_DECLARE_METATYPE(andon::VibrationZone)

namespace {

constexpr TimestampMs kHour = 3'600'000;
constexpr TimestampMs kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z

// Hourly points h = 0..n-1 of f(h) with multiplicative (exp) or additive noise.
template <typename F>
std::vector<cond::Point> series(int n, F f, double noise, bool multiplicative, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> g(0.0, noise);
    std::vector<cond::Point> out;
    for (int h = 0; h < n; ++h) {
        const double y = f(double(h));
        out.push_back({kT0 + h * kHour, multiplicative ? y * (1.0 + g(rng)) : y + g(rng)});
    }
    return out;
}

const QByteArray kPlant = R"(andon: 1
plant: { enterprise: acme }
defaults:
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
sites:
  - name: s
    areas:
      - name: a
        tags:
          - { name: ambient_temp, unit: °C }
        lines:
          - name: l
            machines:
              - name: m1
                tags: &t
                  - { name: state, role: state }
                  - { name: vibration_rms, unit: mm/s }
                  - { name: motor_temp, unit: °C }
                  - { name: total_count, kind: counter, role: total_count }
              - { name: m2, tags: *t }
)"; // 22 lines (the closing line holds the last newline)

QStringList errorsOf(const ConfigResult &r)
{
    QStringList out;
    for (const ConfigMessage &m : r.messages)
        if (m.severity == ConfigMessage::Severity::Error)
            out << m.format();
    return out;
}

} // namespace

class TestCondition : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::installStrictMessageHandler(); }

    void zones_data()
    {
        QTest::addColumn<QString>("cls");
        QTest::addColumn<double>("rms");
        QTest::addColumn<VibrationZone>("zone");
        struct Row
        {
            const char *cls;
            double ab, bc, cd;
        };
        // ISO 10816-3:2009 Table A.1 = ISO 20816-3:2022 Table A.1; ISO 10816-1 Table B.1.
        const Row rows[] = {{"group1_rigid", 2.3, 4.5, 7.1},
                            {"group1_flexible", 3.5, 7.1, 11.0},
                            {"group2_rigid", 1.4, 2.8, 4.5},
                            {"group2_flexible", 2.3, 4.5, 7.1},
                            {"class_ii", 1.12, 2.8, 7.1}};
        for (const Row &r : rows) {
            const auto add = [&](const char *what, double v, VibrationZone z) {
                QTest::addRow("%s %s %.3f", r.cls, what, v) << QString::fromLatin1(r.cls) << v << z;
            };
            add("zero", 0.0, VibrationZone::A);
            add("below A/B", r.ab - 0.01, VibrationZone::A);
            add("at A/B", r.ab, VibrationZone::B);
            add("above A/B", r.ab + 0.01, VibrationZone::B);
            add("below B/C", r.bc - 0.01, VibrationZone::B);
            add("at B/C", r.bc, VibrationZone::C);
            add("above B/C", r.bc + 0.01, VibrationZone::C);
            add("below C/D", r.cd - 0.01, VibrationZone::C);
            add("at C/D", r.cd, VibrationZone::D);
            add("above C/D", r.cd + 0.01, VibrationZone::D);
        }
        QTest::addRow("NaN") << QStringLiteral("group2_rigid") << std::nan("") << VibrationZone::Unknown;
        QTest::addRow("negative") << QStringLiteral("group2_rigid") << -1.0 << VibrationZone::Unknown;
    }
    void zones()
    {
        QFETCH(QString, cls);
        QFETCH(double, rms);
        QFETCH(VibrationZone, zone);
        ConditionSettings s;
        const VibrationClassDef *d = s.vibrationClass(cls);
        QVERIFY(d);
        QCOMPARE(cond::classifyVibration(rms, d->limits), zone);
    }

    void tQuantile_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("dof");
        QTest::addColumn<double>("expected");
        // Student t table (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
        QTest::newRow("0.95, 10") << 0.95 << 10.0 << 1.812;
        QTest::newRow("0.95, 30") << 0.95 << 30.0 << 1.697;
        QTest::newRow("0.975, 5") << 0.975 << 5.0 << 2.571;
        QTest::newRow("0.95, 46") << 0.95 << 46.0 << 1.679;
        QTest::newRow("0.99, 20") << 0.99 << 20.0 << 2.528;
    }
    void tQuantile()
    {
        QFETCH(double, p);
        QFETCH(double, dof);
        QFETCH(double, expected);
        QVERIFY2(std::abs(cond::studentTQuantile(p, dof) - expected) < 2e-3,
                 qPrintable(QString::number(cond::studentTQuantile(p, dof))));
    }

    // y = 1 + 0.05 h (+ N(0, 0.02)): reaches 4.5 at h = 70 exactly (3.5 / 0.05).
    void rulLinear_data()
    {
        QTest::addColumn<unsigned>("seed");
        for (unsigned s = 1; s <= 5; ++s)
            QTest::addRow("seed %u", s) << s;
    }
    void rulLinear()
    {
        QFETCH(unsigned, seed);
        const auto pts = series(48, [](double h) { return 1.0 + 0.05 * h; }, 0.02, false, seed);
        const TimestampMs truth = kT0 + 70 * kHour;
        const cond::RulEstimate r = cond::estimateRul(pts, 4.5, kT0 + 47 * kHour, {});
        QCOMPARE(r.status, cond::RulStatus::Ok);
        QCOMPARE(r.chosen, cond::TrendModel::Linear);
        QVERIFY2(r.earlyMs <= truth && truth <= r.lateMs,
                 qPrintable(QStringLiteral("%1 h in [%2, %3]")
                                .arg(r.rulHours()).arg(r.rulLowHours()).arg(r.rulHighHours())));
        QVERIFY(r.earlyMs < r.crossingMs && r.crossingMs < r.lateMs);
    }

    // y = 0.5 exp(h / 36) x (1 + N(0, 0.01)): reaches 2.8 at h = 36 ln 5.6 = 62.02 h.
    void rulExponential_data() { rulLinear_data(); }
    void rulExponential()
    {
        QFETCH(unsigned, seed);
        const auto pts = series(48, [](double h) { return 0.5 * std::exp(h / 36.0); }, 0.01, true, seed);
        const TimestampMs truth = kT0 + TimestampMs(36.0 * std::log(5.6) * double(kHour));
        const cond::RulEstimate r = cond::estimateRul(pts, 2.8, kT0 + 47 * kHour, {});
        QCOMPARE(r.status, cond::RulStatus::Ok);
        QCOMPARE(r.chosen, cond::TrendModel::Exponential);
        QVERIFY(r.exponential.aic < r.linear.aic);
        QVERIFY2(r.earlyMs <= truth && truth <= r.lateMs,
                 qPrintable(QStringLiteral("%1 h in [%2, %3]")
                                .arg(r.rulHours()).arg(r.rulLowHours()).arg(r.rulHighHours())));
    }

    void rulInsufficient_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("flat noise") << 0;
        QTest::newRow("falling") << 1;
        QTest::newRow("too few points") << 2;
        QTest::newRow("noise around a tiny slope") << 3;
    }
    void rulInsufficient()
    {
        QFETCH(int, kind);
        std::vector<cond::Point> pts;
        if (kind == 0)
            pts = series(48, [](double) { return 2.0; }, 0.3, false, 7);
        else if (kind == 1)
            pts = series(48, [](double h) { return 2.0 - 0.01 * h; }, 0.02, false, 7);
        else if (kind == 2)
            pts = series(5, [](double h) { return 1.0 + 0.2 * h; }, 0.0, false, 7);
        else
            pts = series(48, [](double h) { return 1.5 + 0.002 * h; }, 0.4, false, 7);
        const cond::RulEstimate r = cond::estimateRul(pts, 2.8, kT0 + 47 * kHour, {});
        QVERIFY2(cond::rulIsInsufficient(r.status), qPrintable(r.reason));
        QVERIFY(r.reason.startsWith(QStringLiteral("insufficient data")));
    }

    void rulCrossed()
    {
        const auto pts = series(20, [](double h) { return 2.0 + 0.1 * h; }, 0.0, false, 1);
        const cond::RulEstimate r = cond::estimateRul(pts, 3.0, kT0 + 19 * kHour, {});
        QCOMPARE(r.status, cond::RulStatus::Crossed);
    }

    void scores()
    {
        const VibrationZoneLimits l{1.4, 2.8, 4.5};
        // Anchors: 0 -> 100, A/B -> 80, B/C -> 50, C/D -> 20, 1.5 C/D -> 0.
        QCOMPARE(cond::vibrationScore(0.0, l), 100.0);
        QCOMPARE(cond::vibrationScore(0.7, l), 90.0);
        QCOMPARE(cond::vibrationScore(2.8, l), 50.0);
        QCOMPARE(cond::vibrationScore(4.5, l), 20.0);
        QCOMPARE(cond::vibrationScore(9.0, l), 0.0);
        // warn 10, alarm 20: 5 -> 100, 10 -> 50, 15 -> 35, 20 -> 20, 30 -> 0.
        QCOMPARE(cond::limitScore(3.0, 10, 20), 100.0);
        QCOMPARE(cond::limitScore(15.0, 10, 20), 35.0);
        QCOMPARE(cond::limitScore(25.0, 10, 20), 10.0);
        QCOMPARE(cond::healthIndex({90.0, std::nan(""), 35.0, 70.0}), 35.0);
        QVERIFY(std::isnan(cond::healthIndex({std::nan("")})));
    }

    void counters()
    {
        // Codes: 1 running, 2 idle. Minutes: all running (60 s), a change (30 s), idle (0),
        // no samples (0), a change back (30 s): 2 minutes.
        const double nan = std::nan("");
        const std::vector<cond::RollupStat> states{
            {0, 1, 1, 1, 1, 1, 12}, {60'000, 1, 2, 1.5, 1, 2, 12}, {120'000, 2, 2, 2, 2, 2, 12},
            {180'000, nan, nan, nan, nan, nan, 0}, {240'000, 1, 2, 1.5, 2, 1, 12}};
        QCOMPARE(cond::runHoursFromStateMinutes(states, {1}), 120.0 / 3600.0);
        // Counter 100 -> 160, then 165 -> 180 in the next period, then a reset to 0 and up to
        // 30 inside the third (180 -> 190, reset, 0 -> 30): 60 + 5 + 15 + 10 + 30 = 120.
        const std::vector<cond::RollupStat> counts{
            {0, 100, 160, 0, 100, 160, 10}, {1, 165, 180, 0, 165, 180, 10},
            {2, 0, 190, 0, 180, 30, 10}};
        QCOMPARE(cond::counterIncrease(counts), 120.0);
    }

    void current()
    {
        // Baseline: running/101 at 10 A, idle/101 at 4 A. Recent: 3 running minutes at 11 A
        // (+10 %), 1 idle minute at 4 A (0 %), 1 minute of an unseen product (ignored):
        // (3 x 10 % + 1 x 0 %) / 4 = 7.5 %.
        const std::vector<cond::CurrentMinute> base{
            {0, 10, 1, 101}, {1, 10, 1, 101}, {2, 4, 2, 101}};
        const std::vector<cond::CurrentMinute> recent{
            {5, 11, 1, 101}, {6, 11, 1, 101}, {7, 11, 1, 101}, {8, 4, 2, 101}, {9, 20, 1, 102}};
        const cond::CurrentDeviation d = cond::currentDeviation(base, recent);
        QVERIFY(std::abs(d.pct - 7.5) < 1e-9);
        QCOMPARE(d.groups, 2);
        QCOMPARE(d.recentMinutes, 4);
    }

    void urgency()
    {
        cond::UrgencyInput alarm{cond::Severity::Alarm, 30, {}, {}, false, 0};
        cond::UrgencyInput soon{cond::Severity::Normal, 70, 5 * kHour, {}, false, 0};
        cond::UrgencyInput later{cond::Severity::Normal, 60, {}, 50 * kHour, false, 0};
        cond::UrgencyInput nothing{cond::Severity::Normal, 40, {}, {}, false, 0};
        QVERIFY(cond::moreUrgent(alarm, soon));
        QVERIFY(cond::moreUrgent(soon, later));
        QVERIFY(cond::moreUrgent(later, nothing));
        QVERIFY(!cond::moreUrgent(nothing, later));
    }

    void config()
    {
        const QByteArray yaml = kPlant + R"(condition:
  vibration_classes:
    - { name: skid, zones: [1.8, 4.5, 11.2], source: vendor sheet }
  vibration: { class: group2_flexible }
  temperature: { ambient: acme/s/a/ambient_temp, warn_c: 70, alarm_c: 90 }
  service: { run_hours: 1000, cycles: 50000 }
  rul: { target_zone: D, window_h: 72, min_points: 6 }
  by_path:
    acme/s/a/l/m2:
      vibration: { class: skid }
      indicators: [vibration, run_hours]
)";
        const ConfigResult r = ConfigLoader::loadString(yaml, QStringLiteral("plant.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
        const ConditionSettings &c = r.model->condition;
        QVERIFY(c.configured);
        QCOMPARE(c.rulTargetZone, VibrationZone::D);
        QCOMPARE(c.rulWindowH, 72.0);
        QCOMPARE(c.rulMinPoints, 6);
        const ConditionMachineSettings &m1 = c.machine(QStringLiteral("acme/s/a/l/m1"), QStringLiteral("acme/s/a/l"));
        QCOMPARE(m1.zones.ab, 2.3);
        QCOMPARE(m1.zones.cd, 7.1);
        QCOMPARE(m1.tempWarnC, 70.0);
        QCOMPARE(m1.ambientTag, QStringLiteral("acme/s/a/ambient_temp"));
        QCOMPARE(m1.serviceRunHours, 1000.0);
        const ConditionMachineSettings &m2 = c.machine(QStringLiteral("acme/s/a/l/m2"), QStringLiteral("acme/s/a/l"));
        QCOMPARE(m2.zones.bc, 4.5);
        QCOMPARE(m2.zones.cd, 11.2);
        QVERIFY(m2.vibration && m2.runHours && !m2.temperature && !m2.current && !m2.cycles);
        QCOMPARE(m2.serviceCycles, 50000.0); // inherited from the plant defaults
    }

    // ISO 4406:2021 Table 1 "Allocation of scale numbers" (the same table as ISO 4406:1999, e.g.
    // as printed in Schroeder Industries' filter systems catalogue, appendix "Contamination
    // classification"): scale number R covers "more than" the lower limit "up to and including"
    // the upper limit, particles per mL. Every upper limit gives R; just above it gives R + 1.
    void iso4406Table_data()
    {
        QTest::addColumn<double>("count");
        QTest::addColumn<int>("scale");
        const struct
        {
            int r;
            double upper;
        } table[] = {{0, 0.01},      {1, 0.02},       {2, 0.04},       {3, 0.08},
                     {4, 0.16},      {5, 0.32},       {6, 0.64},       {7, 1.3},
                     {8, 2.5},       {9, 5},          {10, 10},        {11, 20},
                     {12, 40},       {13, 80},        {14, 160},       {15, 320},
                     {16, 640},      {17, 1300},      {18, 2500},      {19, 5000},
                     {20, 10000},    {21, 20000},     {22, 40000},     {23, 80000},
                     {24, 160000},   {25, 320000},    {26, 640000},    {27, 1300000},
                     {28, 2500000}};
        for (const auto &row : table) {
            QTest::addRow("%g -> %d", row.upper, row.r) << row.upper << row.r;
            // Just above: the next scale number (">28" above the table's end).
            const double above = row.upper < 1 ? row.upper + 0.001 : row.upper + 1;
            QTest::addRow("%g -> %d", above, row.r + 1) << above << row.r + 1;
        }
        QTest::newRow("zero") << 0.0 << 0;
        QTest::newRow("mid 17 (1000)") << 1000.0 << 17;
        QTest::newRow("negative") << -1.0 << Iso4406Code::kNone;
        QTest::newRow("NaN") << cond::kNaN << Iso4406Code::kNone;
    }
    void iso4406Table()
    {
        QFETCH(double, count);
        QFETCH(int, scale);
        QCOMPARE(cond::iso4406ScaleNumber(count), scale);
    }

    void iso4406Code()
    {
        // 1300 / 1301 per mL is the 17/18 boundary; 640 is the top of 16; 80 the top of 13.
        QCOMPARE(cond::iso4406Code(1300, 640, 80).toString(), QStringLiteral("17/16/13"));
        QCOMPARE(cond::iso4406Code(1301, 641, 81).toString(), QStringLiteral("18/17/14"));
        QCOMPARE(cond::iso4406Code(cond::kNaN, 500, 50).toString(), QStringLiteral("-/16/13"));
        QCOMPARE(cond::iso4406Code(3e6, 2e6, 1e6).toString(), QStringLiteral(">28/28/27"));
        QCOMPARE(cond::iso4406UpperLimit(17), 1300.0);
        QCOMPARE(cond::iso4406LowerLimit(17), 640.0);
        QCOMPARE(cond::iso4406LowerLimit(0), 0.0);
        QVERIFY(std::isnan(cond::iso4406UpperLimit(29)));
        Iso4406Code c;
        QVERIFY(parseIso4406Code(QStringLiteral(" 16/14/11 "), &c));
        QCOMPARE(c, (Iso4406Code{16, 14, 11}));
        QVERIFY(parseIso4406Code(QStringLiteral("-/14/11"), &c));
        QCOMPARE(c.r4, Iso4406Code::kNone);
        QVERIFY(!parseIso4406Code(QStringLiteral("16/14"), &c));
        QVERIFY(!parseIso4406Code(QStringLiteral("16/14/x"), &c));
        QVERIFY(!parseIso4406Code(QStringLiteral("-/-/-"), &c));
        QVERIFY(!parseIso4406Code(QStringLiteral("29/14/11"), &c));
    }

    // Zones from the code steps over the target (docs/condition.md "Oil"): each step roughly
    // doubles the count, so one step over is an alert and two are an alarm (the defaults).
    void oilJudgement_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("excess");
        QTest::addColumn<int>("severity");
        QTest::addColumn<double>("score");
        // Target 16/14/11. Score anchors: -2 -> 100, 0 -> 80, 1 -> 50, 2 -> 20, 3 -> 0.
        QTest::newRow("cleaner") << QStringLiteral("14/12/9") << -2 << int(cond::Severity::Normal) << 100.0;
        QTest::newRow("one cleaner") << QStringLiteral("15/13/10") << -1 << int(cond::Severity::Normal) << 90.0;
        QTest::newRow("at target") << QStringLiteral("16/14/11") << 0 << int(cond::Severity::Normal) << 80.0;
        QTest::newRow("14 µm one over") << QStringLiteral("16/14/12") << 1 << int(cond::Severity::Warning) << 50.0;
        QTest::newRow("4 µm two over") << QStringLiteral("18/14/11") << 2 << int(cond::Severity::Alarm) << 20.0;
        QTest::newRow("three over") << QStringLiteral("19/17/14") << 3 << int(cond::Severity::Alarm) << 0.0;
        QTest::newRow("far over") << QStringLiteral("23/21/18") << 7 << int(cond::Severity::Alarm) << 0.0;
        QTest::newRow("only 6 µm counted") << QStringLiteral("-/15/-") << 1 << int(cond::Severity::Warning) << 50.0;
    }
    void oilJudgement()
    {
        QFETCH(QString, code);
        QFETCH(int, excess);
        QFETCH(int, severity);
        QFETCH(double, score);
        Iso4406Code c;
        QVERIFY(parseIso4406Code(code, &c));
        const Iso4406Code target{16, 14, 11};
        QCOMPARE(cond::iso4406Excess(c, target), excess);
        QCOMPARE(int(cond::oilCleanlinessSeverity(excess, 1, 2)), severity);
        QCOMPARE(cond::oilCleanlinessScore(excess, 1, 2), score);
    }

    void oilAlarmCount()
    {
        // Target 16/14/11, alarm 2 steps over: the alarm codes are 18/16/13, entered above the
        // upper limits of 17/15/12 = 1300 / 320 / 40 per mL (the table).
        const Iso4406Code t{16, 14, 11};
        QCOMPARE(cond::oilAlarmCount(t, 0, 2), 1300.0);
        QCOMPARE(cond::oilAlarmCount(t, 1, 2), 320.0);
        QCOMPARE(cond::oilAlarmCount(t, 2, 2), 40.0);
        QVERIFY(std::isnan(cond::oilAlarmCount({Iso4406Code::kNone, 14, 11}, 0, 2)));
        QCOMPARE(int(cond::oilCleanlinessSeverity(INT_MIN, 1, 2)), int(cond::Severity::Unknown));
        QVERIFY(std::isnan(cond::oilCleanlinessScore(INT_MIN, 1, 2)));
    }

    void oilConfig()
    {
        const QByteArray yaml = kPlant + R"(condition:
  oil:
    particles: { tag_4um: oil_pc4, tag_6um: oil_pc6, tag_14um: oil_pc14 }
    target: 17/15/12
    water: { tag: oil_water, unit: ppm }
    viscosity: { tag: oil_visc, baseline_mm2_s: 46 }
    tan: { tag: oil_tan, warn: 0.3, alarm: 0.6 }
  by_path:
    acme/s/a/l/m2:
      oil: { target: 16/14/11, alert_steps: 2, alarm_steps: 3,
             water: { tag: oil_water, warn: 40, alarm: 70 } }
      indicators: [vibration, oil]
)";
        const ConfigResult r = ConfigLoader::loadString(yaml, QStringLiteral("plant.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
        const ConditionSettings &c = r.model->condition;
        const OilSettings &o1 = c.machine(QStringLiteral("acme/s/a/l/m1"), QStringLiteral("acme/s/a/l")).oilSettings;
        QCOMPARE(o1.particles4Tag, QStringLiteral("oil_pc4"));
        QCOMPARE(o1.particles14Tag, QStringLiteral("oil_pc14"));
        QCOMPARE(o1.target, (Iso4406Code{17, 15, 12}));
        QCOMPARE(o1.alertSteps, 1);
        QCOMPARE(o1.alarmSteps, 2);
        QCOMPARE(o1.waterUnit, OilSettings::WaterUnit::Ppm);
        QCOMPARE(o1.waterWarn, 200.0); // the ppm defaults
        QCOMPARE(o1.waterAlarm, 500.0);
        QCOMPARE(o1.viscosityBaseline, 46.0);
        QCOMPARE(o1.viscosityWarnPct, 5.0);
        QCOMPARE(o1.tanAlarm, 0.6);
        const ConditionMachineSettings &m2 = c.machine(QStringLiteral("acme/s/a/l/m2"), QStringLiteral("acme/s/a/l"));
        QVERIFY(m2.oil && m2.vibration && !m2.temperature);
        QCOMPARE(m2.oilSettings.target, (Iso4406Code{16, 14, 11}));
        QCOMPARE(m2.oilSettings.alarmSteps, 3);
        QCOMPARE(m2.oilSettings.particles6Tag, QStringLiteral("oil_pc6")); // from the plant level
        // The override's water block without a unit keeps the plant level's (ppm), own limits.
        QCOMPARE(m2.oilSettings.waterUnit, OilSettings::WaterUnit::Ppm);
        QCOMPARE(m2.oilSettings.waterWarn, 40.0);
    }

    void configErrors_data()
    {
        QTest::addColumn<QByteArray>("snippet");
        QTest::addColumn<QString>("expected");
        // The snippet starts on line 23 (kPlant has 22 lines); columns counted by hand.
        QTest::newRow("unknown class")
            << QByteArray("condition:\n  vibration: { class: group3 }\n")
            << QStringLiteral("plant.yaml:24:23: error: condition.vibration.class: unknown "
                              "vibration class 'group3'; expected one of:");
        QTest::newRow("zones not increasing")
            << QByteArray("condition:\n  vibration_classes:\n    - { name: x, zones: [3, 2, 5] }\n")
            << QStringLiteral("plant.yaml:25:25: error: condition.vibration_classes[0].zones: the "
                              "limits must increase");
        QTest::newRow("alarm below warn")
            << QByteArray("condition:\n  temperature: { warn_c: 90, alarm_c: 80 }\n")
            << QStringLiteral("plant.yaml:24:39: error: condition.temperature.alarm_c: must be "
                              "above warn_c (90), got 80");
        QTest::newRow("unknown path")
            << QByteArray("condition:\n  by_path:\n    acme/s/a/l/m3: { service: { run_hours: 5 } }\n")
            << QStringLiteral("plant.yaml:25:5: error: condition.by_path.acme/s/a/l/m3: unknown "
                              "machine or line path 'acme/s/a/l/m3'; did you mean 'acme/s/a/l/m1'?");
        QTest::newRow("target zone A")
            << QByteArray("condition:\n  rul: { target_zone: A }\n")
            << QStringLiteral("plant.yaml:24:23: error: condition.rul.target_zone: expected B, C "
                              "or D");
        QTest::newRow("unknown indicator")
            << QByteArray("condition:\n  indicators: [vibration, grease]\n")
            << QStringLiteral("plant.yaml:24:27: error: condition.indicators[1]: unknown indicator 'grease'");
        QTest::newRow("oil target not a code")
            << QByteArray("condition:\n  oil: { target: 16/14 }\n")
            << QStringLiteral("plant.yaml:24:18: error: condition.oil.target: expected an ISO 4406 "
                              "code like 16/14/11");
        QTest::newRow("oil target above 28")
            << QByteArray("condition:\n  oil: { target: 30/14/11 }\n")
            << QStringLiteral("plant.yaml:24:18: error: condition.oil.target: expected an ISO 4406 "
                              "code");
        QTest::newRow("oil alarm steps not above alert")
            << QByteArray("condition:\n  oil: { alert_steps: 2, alarm_steps: 2 }\n")
            << QStringLiteral("plant.yaml:24:39: error: condition.oil.alarm_steps: must be above "
                              "alert_steps (2), got 2");
        QTest::newRow("oil water unit")
            << QByteArray("condition:\n  oil: { water: { tag: w, unit: percent } }\n")
            << QStringLiteral("plant.yaml:24:33: error: condition.oil.water.unit: expected ppm or "
                              "percent_saturation");
        QTest::newRow("oil tan limits required")
            << QByteArray("condition:\n  oil: { tan: { tag: tan, warn: 0.5 } }\n")
            << QStringLiteral("plant.yaml:24:15: error: condition.oil.tan.alarm: required");
    }
    void configErrors()
    {
        QFETCH(QByteArray, snippet);
        QFETCH(QString, expected);
        const ConfigResult r = ConfigLoader::loadString(kPlant + snippet, QStringLiteral("plant.yaml"));
        QVERIFY(!r.ok());
        const QStringList errors = errorsOf(r);
        QVERIFY2(!errors.isEmpty() && errors.first().startsWith(expected),
                 qPrintable(errors.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestCondition)
#include "tst_condition.moc"
