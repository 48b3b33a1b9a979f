// OeeCalculator against a published worked example and against hand computation (the
// expected numbers are worked out in the comments, never taken from the code's output).
#include "analytics/oee_calculator.h"
#include "core/shift_calendar.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace andon;
using namespace andon::analytics;

namespace {

constexpr TimestampMs kMin = 60'000;
constexpr TimestampMs kT0 = 1'767'600'000'000; // an arbitrary UTC instant (whole minute)

TimestampMs at(double minutes)
{
    return kT0 + static_cast<TimestampMs>(minutes * kMin);
}

StateInterval state(double fromMin, double toMin, StateCategory c, const QString &reason = {})
{
    return StateInterval{at(fromMin), at(toMin), 0, c, reason};
}

// The loss tree must account for every millisecond of planned busy time.
TimestampMs lossTreeMs(const OeeResult &r)
{
    return r.runMs + r.breakdownMs + r.microStopMs + r.idleMs + r.changeoverMs + r.starvedMs
            + r.blockedMs + r.offMs + r.unknownMs;
}

} // namespace

class TstOeeCalculator : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(test::unexpectedWarnings(), QStringList()); }

    void publishedWorkedExample();
    void breakInsideDowntime();
    void stopSpanningShiftChange();
    void dstDayShiftExpansion_data();
    void dstDayShiftExpansion();
    void productChangeMidShift();
    void counterIncrements_data();
    void counterIncrements();
    void missingDataIsUnknown();
    void microStopsAndBreakdowns();
    void startupRejects();
    void plannedStopStateIsPlannedDowntime();
    void derivedCounters();
    void noDataGivesNoKpis();
    void bottleneck();
};

// OEE.com / Vorne "OEE Calculation" worked example (https://www.oee.com/calculating-oee/, the
// same numbers appear in Vorne's "Calculating OEE" worksheet): shift 8 h = 480 min, two
// 15-min breaks and a 30-min meal -> planned production time 420 min; 47 min down time ->
// run time 373 min; ideal cycle time 1.0 s; total count 19,271, rejects 423, good 18,848.
// Published results: availability 88.81 %, performance 86.11 %, quality 97.80 %,
// OEE 74.79 %. Cross-check: OEE = good x ideal cycle / planned time = 18848 s / 25200 s.
void TstOeeCalculator::publishedWorkedExample()
{
    OeeInput in;
    in.fromMs = at(0);
    in.toMs = at(480);
    // Breaks at 120, 240 (meal, 30) and 360 minutes into the shift.
    in.plannedWindows = std::vector<TimeWindow>{{at(0), at(120)}, {at(135), at(240)},
                                               {at(270), at(360)}, {at(375), at(480)}};
    in.states = {state(0, 60, StateCategory::Running),
                 state(60, 107, StateCategory::Down, QStringLiteral("Jam")),
                 state(107, 480, StateCategory::Running)};
    in.total = {{at(0), 0}, {at(479), 19271}};
    in.reject = {{at(0), 0}, {at(479), 423}};
    in.defaultIdealCycleS = 1.0;
    const OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.plannedBusyMs, 420 * kMin);
    QCOMPARE(r.runMs, 373 * kMin);
    QCOMPARE(r.goodCount, 18848.0);
    QVERIFY(r.availability && r.performance && r.quality && r.oee);
    // Published values are rounded to 0.01 %.
    QCOMPARE(std::round(*r.availability * 10000) / 100, 88.81);
    QCOMPARE(std::round(*r.performance * 10000) / 100, 86.11);
    QCOMPARE(std::round(*r.quality * 10000) / 100, 97.80);
    QCOMPARE(std::round(*r.oee * 10000) / 100, 74.79);
    QVERIFY(std::abs(*r.oee - 18848.0 / 25200.0) < 1e-12);
    QCOMPARE(r.breakdownMs, 47 * kMin);
    QCOMPARE(r.downMsByReason.at(QStringLiteral("Jam")), 47 * kMin);
    QCOMPARE(lossTreeMs(r), r.plannedBusyMs);
    // Reduced speed: 373 min run - 19271 s ideal = 22380 - 19271 = 3109 s.
    QVERIFY(std::abs(r.reducedSpeedS - 3109.0) < 1e-9);
    // TEEP = OEE x 420/480.
    QVERIFY(std::abs(*r.teep - 18848.0 / 25200.0 * 420.0 / 480.0) < 1e-12);
}

// Shift 0..480 min with a break 180..195. A breakdown 170..210 (40 min) overlaps the break:
// only the 25 min outside it are down time (the break is planned anyway).
void TstOeeCalculator::breakInsideDowntime()
{
    OeeInput in;
    in.fromMs = at(0);
    in.toMs = at(480);
    in.plannedWindows = std::vector<TimeWindow>{{at(0), at(180)}, {at(195), at(480)}};
    in.states = {state(0, 170, StateCategory::Running),
                 state(170, 210, StateCategory::Down, QStringLiteral("Tool breakage")),
                 state(210, 480, StateCategory::Running)};
    const OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.plannedBusyMs, 465 * kMin);
    QCOMPARE(r.msByCategory.at(StateCategory::Down), 25 * kMin);
    QCOMPARE(r.breakdownMs, 25 * kMin);
    QCOMPARE(r.runMs, 440 * kMin);
    QCOMPARE(*r.availability, 440.0 / 465.0);
    QCOMPARE(r.stops.size(), std::size_t(1));
    QCOMPARE(r.stops[0].plannedMs, 25 * kMin);
    QCOMPARE(lossTreeMs(r), r.plannedBusyMs);
}

// A 7-min breakdown 477..484 spans the change from shift A (0..480) to shift B (480..960):
// A gets 3 min, B 4 min, and both count it as a breakdown (its full length is >= the 5-min
// micro-stop threshold) although each part alone is shorter.
void TstOeeCalculator::stopSpanningShiftChange()
{
    std::vector<StateInterval> states = {state(0, 477, StateCategory::Running),
                                         state(477, 484, StateCategory::Down, QStringLiteral("Jam")),
                                         state(484, 960, StateCategory::Running)};
    OeeInput a;
    a.fromMs = at(0);
    a.toMs = at(480);
    a.states = states;
    OeeInput b = a;
    b.fromMs = at(480);
    b.toMs = at(960);
    const OeeResult ra = OeeCalculator().compute(a);
    const OeeResult rb = OeeCalculator().compute(b);
    QCOMPARE(ra.breakdownMs, 3 * kMin);
    QCOMPARE(rb.breakdownMs, 4 * kMin);
    QCOMPARE(ra.microStopMs + rb.microStopMs, TimestampMs(0));
    QCOMPARE(*ra.availability, 477.0 / 480.0);
    QCOMPARE(*rb.availability, 476.0 / 480.0);
}

// Night shift 22:00 + 8 h in Europe/Berlin with breaks at 01:00 (15 min) and 03:30 (30 min).
// Hand computation in UTC:
//  2026-03-28/29 (CET -> CEST at 02:00): 21:00Z .. 04:00Z = 7 h; breaks 00:00Z-00:15Z and
//   01:30Z-02:00Z (03:30 CEST) -> planned 420 - 45 = 375 min.
//  2026-10-24/25 (CEST -> CET at 03:00): 20:00Z .. 05:00Z = 9 h; breaks 23:00Z-23:15Z and
//   02:30Z-03:00Z (03:30 CET) -> planned 540 - 45 = 495 min.
//  2026-01-10/11 (no change): 21:00Z .. 05:00Z = 8 h -> 480 - 45 = 435 min.
void TstOeeCalculator::dstDayShiftExpansion_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("startUtc");
    QTest::addColumn<QString>("endUtc");
    QTest::addColumn<int>("plannedMin");
    QTest::newRow("spring forward") << QDate(2026, 3, 28) << QStringLiteral("2026-03-28T21:00:00Z")
                                    << QStringLiteral("2026-03-29T04:00:00Z") << 375;
    QTest::newRow("fall back") << QDate(2026, 10, 24) << QStringLiteral("2026-10-24T20:00:00Z")
                               << QStringLiteral("2026-10-25T05:00:00Z") << 495;
    QTest::newRow("winter") << QDate(2026, 1, 10) << QStringLiteral("2026-01-10T21:00:00Z")
                            << QStringLiteral("2026-01-11T05:00:00Z") << 435;
}

void TstOeeCalculator::dstDayShiftExpansion()
{
    QFETCH(QDate, day);
    QFETCH(QString, startUtc);
    QFETCH(QString, endUtc);
    QFETCH(int, plannedMin);
    ShiftCalendar cal;
    cal.timeZone = QStringLiteral("Europe/Berlin");
    cal.shifts.push_back(ShiftDef{QStringLiteral("night"), 22 * 60, 8 * 60,
                                  {BreakDef{60, 15}, BreakDef{3 * 60 + 30, 30}}});
    TimestampMs start = 0, end = 0;
    QVERIFY(parseTimestamp(startUtc, &start));
    QVERIFY(parseTimestamp(endUtc, &end));
    std::vector<ShiftInstance> shifts = shiftInstances(cal, start, start + 1);
    QCOMPARE(shifts.size(), std::size_t(1));
    QCOMPARE(shifts[0].day, day);
    QCOMPARE(shifts[0].startMs, start);
    QCOMPARE(shifts[0].endMs, end);

    OeeInput in;
    in.fromMs = start;
    in.toMs = end;
    in.plannedWindows = plannedWindows(shifts);
    in.states = {StateInterval{start - kMin, end + kMin, 1, StateCategory::Running, {}}};
    const OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.calendarMs, end - start);
    QCOMPARE(r.plannedBusyMs, plannedMin * kMin);
    QCOMPARE(r.runMs, plannedMin * kMin);
    QCOMPARE(*r.availability, 1.0);
}

// 0..30 min product 7 (ideal 1.0 s) makes 1500 parts, changeover 30..40, 40..70 product 8
// (ideal 1.5 s) makes 1000 parts. Ideal time = 1500 x 1.0 + 1000 x 1.5 = 3000 s over 60 min
// run time -> performance 3000 / 3600 = 0.8333. Second check with product 8 at 2.0 s:
// 1500 + 2000 = 3500 s -> 0.9722.
void TstOeeCalculator::productChangeMidShift()
{
    OeeInput in;
    in.fromMs = at(0);
    in.toMs = at(70);
    in.states = {state(0, 30, StateCategory::Running), state(30, 40, StateCategory::Changeover),
                 state(40, 70, StateCategory::Running)};
    in.total = {{at(0), 5000}, {at(10), 5500}, {at(20), 6000}, {at(29.9), 6500},
                {at(50), 7000}, {at(69.9), 7500}};
    in.good = in.total;
    in.products = {{at(-100), at(35), 7, 1.0}, {at(35), at(70), 8, 1.5}};
    in.defaultIdealCycleS = 99; // must not be used: every part is covered by a product
    OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.totalCount, 2500.0);
    QCOMPARE(r.countByProduct.at(7), 1500.0);
    QCOMPARE(r.countByProduct.at(8), 1000.0);
    QCOMPARE(r.idealRunS, 3000.0);
    QCOMPARE(*r.performance, 3000.0 / 3600.0);
    QCOMPARE(r.changeoverMs, 10 * kMin);
    QCOMPARE(*r.availability, 60.0 / 70.0);
    in.products[1].idealCycleS = 2.0;
    r = OeeCalculator().compute(in);
    QCOMPARE(*r.performance, 3500.0 / 3600.0);
}

void TstOeeCalculator::counterIncrements_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("modulus");
    QTest::addColumn<double>("expected");
    QTest::addColumn<int>("resets");
    QTest::addColumn<int>("rollovers");
    // Baseline 100 before the window; +100, reset to 0 then counted to 50, +70.
    QTest::newRow("reset") << QList<double>{100, 200, 50, 120} << 0.0 << 220.0 << 1 << 0;
    // UInt16 counter: 65500 -> 30 is 36 + 30 = 66 parts; a drop to 5 from 20000 is a reset
    // (the wrapped delta 5 + 65536 - 20000 = 45541 is more than half the range).
    QTest::newRow("rollover") << QList<double>{65400, 65500, 30, 20000, 5} << 65536.0
                              << (100.0 + 66.0 + 19970.0 + 5.0) << 1 << 1;
    QTest::newRow("no modulus: drop is reset") << QList<double>{65500, 30} << 0.0 << 30.0 << 1 << 0;
    QTest::newRow("flat") << QList<double>{7, 7, 7} << 0.0 << 0.0 << 0 << 0;
}

void TstOeeCalculator::counterIncrements()
{
    QFETCH(QList<double>, values);
    QFETCH(double, modulus);
    QFETCH(double, expected);
    QFETCH(int, resets);
    QFETCH(int, rollovers);
    std::vector<CounterSample> samples;
    // The first sample is before the window (baseline), the rest inside it.
    for (qsizetype i = 0; i < values.size(); ++i)
        samples.push_back({at(double(i) - 0.5), values[i], true});
    // A Bad reading in the middle carries no count and does not break the sequence.
    samples.insert(samples.begin() + 1, CounterSample{at(0.1), 0.0, false});
    int rs = 0, ro = 0;
    const auto incs = OeeCalculator::increments(samples, at(0), at(100), modulus, &rs, &ro);
    double total = 0;
    for (const auto &inc : incs)
        total += inc.second;
    QCOMPARE(total, expected);
    QCOMPARE(rs, resets);
    QCOMPARE(ro, rollovers);
}

// 0..20 running, 20..30 no data at all, 30..40 Bad (unknown), 40..60 running: 20 min unknown,
// its own bucket; availability 40/60 (unknown time is not run time).
void TstOeeCalculator::missingDataIsUnknown()
{
    OeeInput in;
    in.fromMs = at(0);
    in.toMs = at(60);
    in.states = {state(0, 20, StateCategory::Running), state(30, 40, StateCategory::Unknown),
                 state(40, 60, StateCategory::Running)};
    const OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.unknownMs, 20 * kMin);
    QCOMPARE(r.msByCategory.at(StateCategory::Unknown), 20 * kMin);
    QCOMPARE(r.runMs, 40 * kMin);
    QCOMPARE(r.breakdownMs + r.idleMs + r.microStopMs, TimestampMs(0));
    QCOMPARE(*r.availability, 40.0 / 60.0);
    QCOMPARE(lossTreeMs(r), r.plannedBusyMs);
    // A gap between two down intervals splits the stop: two 3-min stops are micro-stops.
    in.states = {state(0, 3, StateCategory::Down), state(3.5, 6.5, StateCategory::Down),
                 state(6.5, 60, StateCategory::Running)};
    const OeeResult g = OeeCalculator().compute(in);
    QCOMPARE(g.microStopMs, 6 * kMin);
    QCOMPARE(g.unknownMs, kMin / 2);
}

// Threshold 5 min: idle 2 min + down 2 min back to back form one 4-min stop (micro); down
// 8 min is a breakdown; idle 6 min is idle; down 4.99 min is micro.
void TstOeeCalculator::microStopsAndBreakdowns()
{
    OeeInput in;
    in.fromMs = at(0);
    in.toMs = at(100);
    in.states = {state(0, 10, StateCategory::Running),
                 state(10, 12, StateCategory::Idle),
                 state(12, 14, StateCategory::Down, QStringLiteral("Jam")),
                 state(14, 30, StateCategory::Running),
                 state(30, 38, StateCategory::Down, QStringLiteral("Tool breakage")),
                 state(38, 50, StateCategory::Running),
                 state(50, 56, StateCategory::Idle),
                 state(56, 60, StateCategory::Starved),
                 state(60, 64.99, StateCategory::Down, QStringLiteral("Jam")),
                 state(64.99, 100, StateCategory::Running)};
    const OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.microStopMs, 4 * kMin + (at(64.99) - at(60)));
    QCOMPARE(r.breakdownMs, 8 * kMin);
    QCOMPARE(r.idleMs, 6 * kMin);
    QCOMPARE(r.starvedMs, 4 * kMin);
    QCOMPARE(r.stops.size(), std::size_t(4));
    QCOMPARE(r.stops[0].category, StateCategory::Down); // the mixed stop has a down part
    QCOMPARE(r.stops[0].reason, QStringLiteral("Jam"));
    QCOMPARE(lossTreeMs(r), r.plannedBusyMs);
    // A 10-min threshold makes the 8-min breakdown and the 6-min idle micro-stops too.
    OeeOptions o;
    o.microStopMaxMs = 10 * kMin;
    const OeeResult r10 = OeeCalculator(o).compute(in);
    QCOMPARE(r10.breakdownMs + r10.idleMs, TimestampMs(0));
    QCOMPARE(r10.microStopMs, r.microStopMs + 14 * kMin);
}

// Rejects in the 10 min after a changeover or off period ends are start-up rejects.
void TstOeeCalculator::startupRejects()
{
    OeeInput in;
    in.fromMs = at(0);
    in.toMs = at(60);
    in.states = {state(-10, 5, StateCategory::Off), state(5, 25, StateCategory::Running),
                 state(25, 35, StateCategory::Changeover), state(35, 60, StateCategory::Running)};
    // Rejects +3 at 6 (start-up), +2 at 20 (production), +4 at 44.9 (start-up), +1 at 45
    // (production: 10 min after the changeover ended at 35).
    in.reject = {{at(-1), 0}, {at(6), 3}, {at(20), 5}, {at(44.9), 9}, {at(45), 10}};
    in.good = {{at(-1), 0}, {at(50), 900}};
    in.defaultIdealCycleS = 2.0;
    const OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.startupRejects, 7.0);
    QCOMPARE(r.productionRejects, 3.0);
    QCOMPARE(r.rejectCount, 10.0);
    QCOMPARE(r.totalCount, 910.0);
    QCOMPARE(r.idealRejectStartupS, 14.0);
    QCOMPARE(r.idealGoodS, 1800.0);
    QCOMPARE(*r.quality, 900.0 / 910.0);
    QCOMPARE(r.offMs, 5 * kMin);
}

// Planned maintenance during the shift (planned_stop state) is planned downtime: PBT shrinks,
// availability is not lowered.
void TstOeeCalculator::plannedStopStateIsPlannedDowntime()
{
    OeeInput in;
    in.fromMs = at(0);
    in.toMs = at(100);
    in.states = {state(0, 60, StateCategory::Running), state(60, 80, StateCategory::PlannedStop),
                 state(80, 90, StateCategory::Down), state(90, 100, StateCategory::Running)};
    const OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.plannedOperatingMs, 100 * kMin);
    QCOMPARE(r.plannedStopMs, 20 * kMin);
    QCOMPARE(r.plannedBusyMs, 80 * kMin);
    QCOMPARE(*r.availability, 70.0 / 80.0);
    QCOMPARE(lossTreeMs(r), r.plannedBusyMs);
}

// total + good without a reject counter; total + reject without good.
void TstOeeCalculator::derivedCounters()
{
    OeeInput in;
    in.fromMs = at(0);
    in.toMs = at(10);
    in.states = {state(0, 10, StateCategory::Running)};
    in.total = {{at(-1), 0}, {at(5), 300}, {at(9), 500}};
    in.good = {{at(-1), 0}, {at(5), 290}, {at(9), 485}};
    in.defaultIdealCycleS = 1.0;
    OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.rejectCount, 15.0);
    QCOMPARE(r.goodCount, 485.0);
    QCOMPARE(*r.quality, 485.0 / 500.0);
    in.reject = {{at(-1), 0}, {at(5), 10}, {at(9), 15}};
    in.good.clear();
    r = OeeCalculator().compute(in);
    QCOMPARE(r.goodCount, 485.0);
    QCOMPARE(r.idealGoodS, 485.0);
}

void TstOeeCalculator::noDataGivesNoKpis()
{
    OeeInput in;
    in.fromMs = at(0);
    in.toMs = at(60);
    const OeeResult r = OeeCalculator().compute(in);
    QCOMPARE(r.unknownMs, 60 * kMin);
    QCOMPARE(*r.availability, 0.0);
    QVERIFY(!r.performance && !r.quality && !r.oee && !r.teep);
    in.plannedWindows = std::vector<TimeWindow>{}; // a non-production day
    const OeeResult off = OeeCalculator().compute(in);
    QCOMPARE(off.plannedBusyMs, TimestampMs(0));
    QVERIFY(!off.availability);
}

void TstOeeCalculator::bottleneck()
{
    QCOMPARE(bottleneckIndex({}), -1);
    QCOMPARE(bottleneckIndex({0.97, 1.0, 0.98}), 1);
    QCOMPARE(bottleneckIndex({1.2, 1.0, 1.2}), 2); // tie: nearest the output
}

QTEST_GUILESS_MAIN(TstOeeCalculator)
#include "tst_oee_calculator.moc"
