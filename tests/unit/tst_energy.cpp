// analytics/energy: counters across rollover and replacement, power integration against
// counter deltas, idle energy from state intervals, demand windows and forecast, time-of-use
// tariff across midnight and both 2026 DST changes in Europe/Berlin, leak indication.
// Every expected value is computed by hand in the comment next to it.
#include "analytics/energy.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace andon;
using namespace andon::analytics;

namespace {

constexpr TimestampMs kS = 1000, kMin = 60 * kS, kH = 60 * kMin;

std::vector<CounterSample> series(std::initializer_list<std::pair<TimestampMs, double>> v)
{
    std::vector<CounterSample> out;
    for (const auto &[t, x] : v)
        out.push_back({t, x, true});
    return out;
}

TimestampMs berlin(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch();
}

// Constant power `kw` over [from, to) as one slice.
ConsumptionSlice constant(TimestampMs from, TimestampMs to, double kw)
{
    return {from, to, kw * double(to - from) / double(kH)};
}

StateInterval st(TimestampMs a, TimestampMs b, StateCategory c)
{
    StateInterval s;
    s.startMs = a;
    s.endMs = b;
    s.category = c;
    return s;
}

} // namespace

class TstEnergy : public QObject
{
    Q_OBJECT
private slots:
    void counterRollover();
    void counterReplacementWithoutRate();
    void counterRolloverVersusReplacementWithRate();
    void counterJitterAndBad();
    void powerIntegrationAgreesWithCounter();
    void powerGapNotBridged();
    void idleEnergyByState();
    void productEnergy();
    void baseLoad();
    void demandFixedEdges();
    void demandSliding();
    void demandForecast();
    void tariff_data();
    void tariff();
    void localDaysAcrossDst();
    void leak();
    void windowsInStates();
};

void TstEnergy::counterRollover()
{
    // Register wraps at 100: 95 -> 99 (+4) -> 3 (+3 + 100 - 99 = +4): 8 in total.
    CounterOptions o;
    o.rollover = 100;
    const CounterResult r = counterConsumption(series({{0, 95}, {kH, 99}, {2 * kH, 3}}), o);
    QCOMPARE(r.rollovers, 1);
    QCOMPARE(r.replacements, 0);
    QCOMPARE(r.total, 8.0);
    QCOMPARE(r.slices.size(), std::size_t(2));
    QCOMPARE(r.slices[1].amount, 4.0);
    QCOMPARE(r.events.front().kind, MeterEventKind::Rollover);
    QCOMPARE(r.events.front().t, 2 * kH);
}

void TstEnergy::counterReplacementWithoutRate()
{
    // 45000 -> 45010 (+10), a new meter reading 12 (wrap would be 12 + 100000 - 45010 = 55002,
    // 55 % of the register: not a wrap), then 12 -> 20 (+8): 18 counted, one replacement.
    CounterOptions o;
    o.rollover = 100000;
    const CounterResult r = counterConsumption(
            series({{0, 45000}, {kH, 45010}, {2 * kH, 12}, {3 * kH, 20}}), o);
    QCOMPARE(r.replacements, 1);
    QCOMPARE(r.rollovers, 0);
    QCOMPARE(r.total, 18.0);
    QCOMPARE(r.events.front().kind, MeterEventKind::Replacement);
    QCOMPARE(r.events.front().before, 45010.0);
    QCOMPARE(r.events.front().after, 12.0);
    // Without a known rollover every drop is a replacement.
    const CounterResult n = counterConsumption(series({{0, 50}, {kH, 2}, {2 * kH, 5}}), {});
    QCOMPARE(n.replacements, 1);
    QCOMPARE(n.total, 3.0);
}

void TstEnergy::counterRolloverVersusReplacementWithRate()
{
    // A 90 kW limit allows 90 x (1 s + 1 min slack) / 3600 s = 1.525 kWh per 1-s reading.
    CounterOptions o;
    o.rollover = 100000;
    o.maxRatePerHour = 90;
    // 99999.99 -> 0.01: wrap 0.01 + 100000 - 99999.99 = 0.02 kWh: a rollover.
    const CounterResult a = counterConsumption(series({{0, 99999.99}, {kS, 0.01}}), o);
    QCOMPARE(a.rollovers, 1);
    QVERIFY(qAbs(a.total - 0.02) < 1e-6);
    // 95000 -> 100: wrap 5100 kWh in one second (under the 10 % rule it would pass): new meter.
    const CounterResult b = counterConsumption(series({{0, 95000}, {kS, 100}, {2 * kS, 100.01}}), o);
    QCOMPARE(b.replacements, 1);
    QCOMPARE(b.rollovers, 0);
    QVERIFY(qAbs(b.total - 0.01) < 1e-6);
    // An upward jump 10 -> 45000 in a second is no consumption either.
    const CounterResult c = counterConsumption(series({{0, 10}, {kS, 45000}, {2 * kS, 45000.01}}), o);
    QCOMPARE(c.replacements, 1);
    QVERIFY(qAbs(c.total - 0.01) < 1e-6);
}

void TstEnergy::counterJitterAndBad()
{
    // 10.00 -> 9.999995 (jitter below the noise 1e-5: ignored) -> 10.01: +0.01 spread over
    // [0, 2 s); a Bad reading of 0 in between is skipped.
    CounterOptions o;
    o.noise = 1e-5;
    std::vector<CounterSample> s = series({{0, 10.0}, {kS, 9.999995}, {2 * kS, 10.01}});
    s.insert(s.begin() + 1, CounterSample{500, 0.0, false});
    const CounterResult r = counterConsumption(s, o);
    QCOMPARE(r.replacements, 0);
    QCOMPARE(r.slices.size(), std::size_t(1));
    QCOMPARE(r.slices[0].startMs, TimestampMs(0));
    QCOMPARE(r.slices[0].endMs, 2 * kS);
    QVERIFY(qAbs(r.total - 0.01) < 1e-9);
}

void TstEnergy::powerIntegrationAgreesWithCounter()
{
    // P(t) = 10 + 5 t kW (t in h) for 2 h: E = 10 t + 2.5 t^2 = 30 kWh at 2 h. Power sampled
    // every minute (trapezoid is exact on a line), the counter read every 15 min with 2
    // decimals and wrapping at 25 kWh (30 kWh = one wrap).
    std::vector<CounterSample> power, counter;
    for (TimestampMs t = 0; t <= 2 * kH; t += kMin)
        power.push_back({t, 10 + 5 * double(t) / double(kH), true});
    for (TimestampMs t = 0; t <= 2 * kH; t += 15 * kMin) {
        const double h = double(t) / double(kH);
        const double e = std::fmod(3.0 + 10 * h + 2.5 * h * h, 25.0); // starts at 3 kWh
        counter.push_back({t, std::round(e * 100) / 100, true});
    }
    const PowerIntegration p = integratePower(power, 5 * kMin);
    CounterOptions o;
    o.rollover = 25;
    // A 15-min wrap of ~4.9 kWh is 20 % of this small register: plausible only with the rate
    // limit (1.5 x 20 kW peak = 30 kWh/h allows 30 x (0.25 + 1/60) = 8 kWh).
    o.maxRatePerHour = 30;
    const CounterResult c = counterConsumption(counter, o);
    QCOMPARE(c.rollovers, 1);
    QVERIFY2(qAbs(p.total - 30.0) < 1e-9, qPrintable(QString::number(p.total)));
    QVERIFY2(qAbs(c.total - 30.0) < 0.01, qPrintable(QString::number(c.total)));
    // First hour: 10 + 2.5 = 12.5 kWh by both.
    QVERIFY(qAbs(amountIn(p.slices, 0, kH) - 12.5) < 1e-9);
    QVERIFY(qAbs(amountIn(c.slices, 0, kH) - 12.5) < 0.01);
    QCOMPARE(p.gapMs, TimestampMs(0));
}

void TstEnergy::powerGapNotBridged()
{
    // 12 kW at 0, 60 s, then 20 min later: the gap (> 5 min) is not bridged.
    const PowerIntegration p =
            integratePower(series({{0, 12}, {kMin, 12}, {21 * kMin, 12}, {22 * kMin, 12}}), 5 * kMin);
    QCOMPARE(p.gapMs, 20 * kMin);
    QCOMPARE(p.coveredMs, 2 * kMin);
    QVERIFY(qAbs(p.total - 0.4) < 1e-12); // 12 kW x 2 min = 0.4 kWh
}

void TstEnergy::idleEnergyByState()
{
    // Counter slices of 1.5 kWh per 15 min (6 kW) over 2 h. States: running 0-30 min,
    // idle 30-37.5, starved 37.5-45, blocked 45-60, running 60-90, off 90-110, down 110-120.
    // Idle categories idle/starved/blocked/planned_stop/off: 7.5 + 7.5 + 15 + 20 = 50 min
    // x 6 kW = 5 kWh; running 60 min = 6 kWh; down 10 min = 1 kWh; total 12 kWh.
    std::vector<ConsumptionSlice> slices;
    for (TimestampMs t = 0; t < 2 * kH; t += 15 * kMin)
        slices.push_back({t, t + 15 * kMin, 1.5});
    const TimestampMs half = 7 * kMin + 30 * kS;
    const std::vector<StateInterval> states{
            st(0, 30 * kMin, StateCategory::Running),
            st(30 * kMin, 30 * kMin + half, StateCategory::Idle),
            st(30 * kMin + half, 45 * kMin, StateCategory::Starved),
            st(45 * kMin, 60 * kMin, StateCategory::Blocked),
            st(60 * kMin, 90 * kMin, StateCategory::Running),
            st(90 * kMin, 110 * kMin, StateCategory::Off),
            st(110 * kMin, 120 * kMin, StateCategory::Down)};
    const std::vector<StateCategory> idle{StateCategory::Idle, StateCategory::Starved,
                                          StateCategory::Blocked, StateCategory::PlannedStop,
                                          StateCategory::Off};
    const IdleEnergy r = idleEnergy(slices, states, idle, 0, 2 * kH);
    QVERIFY(qAbs(r.totalKwh - 12.0) < 1e-9);
    QVERIFY(qAbs(r.idleKwh - 5.0) < 1e-9);
    QVERIFY(qAbs(r.kwhByCategory.at(StateCategory::Idle) - 0.75) < 1e-9); // 7.5 min x 6 kW
    QVERIFY(qAbs(r.kwhByCategory.at(StateCategory::Running) - 6.0) < 1e-9);
    QVERIFY(qAbs(r.kwhByCategory.at(StateCategory::Down) - 1.0) < 1e-9);
    QCOMPARE(r.msByCategory.at(StateCategory::Off), 20 * kMin);
    QVERIFY(!r.kwhByCategory.count(StateCategory::Unknown));
    // A window 0-40 min where the states start only at 10 min: 10 min unknown (1 kWh).
    std::vector<StateInterval> late = states;
    late.front().startMs = 10 * kMin;
    const IdleEnergy u = idleEnergy(slices, late, idle, 0, 40 * kMin);
    QVERIFY(qAbs(u.kwhByCategory.at(StateCategory::Unknown) - 1.0) < 1e-9);
    QVERIFY(qAbs(u.idleKwh - 1.0) < 1e-9); // idle 30-37.5 + starved 37.5-40 = 10 min
}

void TstEnergy::productEnergy()
{
    // 6 kW for 2 h; product 101 for 0-45 min, 102 for 45-120: 4.5 and 7.5 kWh.
    const std::vector<ConsumptionSlice> slices{constant(0, 2 * kH, 6)};
    const std::vector<ProductInterval> p{{0, 45 * kMin, 101, 1.0}, {45 * kMin, 3 * kH, 102, 1.2}};
    const auto m = amountByProduct(slices, p, 0, 2 * kH);
    QVERIFY(qAbs(m.at(101) - 4.5) < 1e-9);
    QVERIFY(qAbs(m.at(102) - 7.5) < 1e-9);
}

void TstEnergy::baseLoad()
{
    // 100 samples 1..100 kW: the 5 % quantile is element floor(0.05 x 99) = 4 -> 5 kW.
    std::vector<CounterSample> p;
    for (int i = 100; i >= 1; --i)
        p.push_back({TimestampMs(i) * kS, double(i), true});
    QCOMPARE(baseLoadKw(p, 0, kH), 5.0);
    QVERIFY(std::isnan(baseLoadKw({}, 0, kH)));
}

void TstEnergy::demandFixedEdges()
{
    // 100 kW 00:00-00:20, 300 kW 00:20-00:30, nothing after, until 01:00 (t = 0 is a quarter
    // hour). Windows: [0,15) 100 kW; [15,30) (5 x 100 + 10 x 300) / 15 = 233.33 kW; then 0, 0.
    const std::vector<ConsumptionSlice> s{constant(0, 20 * kMin, 100), constant(20 * kMin, 30 * kMin, 300),
                                          constant(30 * kMin, kH, 0)};
    DemandOptions o;
    o.limitKw = 200;
    const DemandResult r = demandWindows(s, 0, kH, o);
    QCOMPARE(r.windows.size(), std::size_t(4));
    QVERIFY(qAbs(r.windows[0].avgKw - 100) < 1e-9);
    QVERIFY(qAbs(r.windows[1].avgKw - 3500.0 / 15) < 1e-9);
    QCOMPARE(r.peak, 1);
    QCOMPARE(r.overLimit, 1);
    // A window only partly inside [from, to) is not a demand window: from 00:05 the first is
    // [15,30); to 00:59 drops [45,60).
    const DemandResult p = demandWindows(s, 5 * kMin, 59 * kMin, o);
    QCOMPARE(p.windows.size(), std::size_t(2));
    QCOMPARE(p.windows[0].startMs, 15 * kMin);
    // A window ending exactly at `to` is complete.
    QCOMPARE(demandWindows(s, 0, 30 * kMin, o).windows.size(), std::size_t(2));
}

void TstEnergy::demandSliding()
{
    // Same load, sliding 15-min windows every 5 min: ends 15..60. [15,30) 233.33 is the peak
    // ([10,25) = (10 x 100 + 5 x 300) / 15 = 166.7; [20,35) = 10 x 300 / 15 = 200).
    const std::vector<ConsumptionSlice> s{constant(0, 20 * kMin, 100), constant(20 * kMin, 30 * kMin, 300),
                                          constant(30 * kMin, kH, 0)};
    DemandOptions o;
    o.sliding = true;
    o.slideStepMs = 5 * kMin;
    const DemandResult r = demandWindows(s, 0, kH, o);
    QCOMPARE(r.windows.size(), std::size_t(10)); // ends 15, 20, ..., 60
    QCOMPARE(r.windows[std::size_t(r.peak)].endMs, 30 * kMin);
    QVERIFY(qAbs(r.windows[2].avgKw - 2500.0 / 15) < 1e-9);
    QVERIFY(qAbs(r.windows[4].avgKw - 200.0) < 1e-9);
}

void TstEnergy::demandForecast()
{
    // now 00:25 in the window [15,30): so far 5 min x 100 + 5 min x 300 = 33.33 kWh; 300 kW
    // for the last 5 min adds 25 kWh: (33.33 + 25) / 0.25 h = 233.33 kW. Limit 250, warning at
    // 90 % = 225: warning, not exceeded. Headroom (250 x 0.25 - 33.33) / (5/60) = 350 kW.
    const std::vector<ConsumptionSlice> s{constant(0, 20 * kMin, 100), constant(20 * kMin, 25 * kMin, 300)};
    DemandOptions o;
    o.limitKw = 250;
    const DemandForecast f = forecastDemand(s, 25 * kMin, 300, o);
    QCOMPARE(f.windowStartMs, 15 * kMin);
    QCOMPARE(f.windowEndMs, 30 * kMin);
    QVERIFY(qAbs(f.soFarKwh - 100.0 / 3) < 1e-9);
    QVERIFY(qAbs(f.projectedKw - 3500.0 / 15) < 1e-9);
    QVERIFY(qAbs(f.headroomKw - 350.0) < 1e-6);
    QVERIFY(f.warning);
    QVERIFY(!f.exceeded);
    // recentKw over the last 5 min: 300 kW.
    QVERIFY(qAbs(recentKw(s, 25 * kMin, 5 * kMin) - 300.0) < 1e-9);
    // At the first instant of a window nothing is known yet: the projection is the present power.
    const DemandForecast g = forecastDemand(s, 15 * kMin, 260, o);
    QVERIFY(qAbs(g.projectedKw - 260) < 1e-9);
    QVERIFY(g.exceeded);
}

void TstEnergy::tariff_data()
{
    QTest::addColumn<TimestampMs>("from");
    QTest::addColumn<TimestampMs>("to");
    QTest::addColumn<QString>("segments"); // name:hours,...
    QTest::addColumn<double>("cost");      // at a constant 10 kW

    // Night 22:00-06:00 0.15, peak Mon-Fri 08:00-20:00 0.30, else standard 0.22 EUR/kWh.
    // Monday 12 Jan 2026 21:00 -> Tuesday 07:00 (CET): standard 1 h, night 8 h, standard 1 h:
    // 10 x (0.22 + 8 x 0.15 + 0.22) = 16.4.
    QTest::newRow("across midnight") << berlin(2026, 1, 12, 21, 0) << berlin(2026, 1, 13, 7, 0)
                                     << QStringLiteral("standard:1,night:8,standard:1") << 16.4;
    // Tuesday 03:00-05:00: inside Monday's night (the day before `from`): 2 h x 10 x 0.15 = 3.
    QTest::newRow("night started the day before")
            << berlin(2026, 1, 13, 3, 0) << berlin(2026, 1, 13, 5, 0) << QStringLiteral("night:2") << 3.0;
    // Friday 27 Mar 19:00 -> 21:00: peak 1 h, standard 1 h: 10 x (0.30 + 0.22) = 5.2.
    QTest::newRow("peak end friday") << berlin(2026, 3, 27, 19, 0) << berlin(2026, 3, 27, 21, 0)
                                     << QStringLiteral("peak:1,standard:1") << 5.2;
    // Saturday 28 Mar 22:00 CET (21:00Z) -> Sunday 29 Mar 06:00 CEST (04:00Z): the night is
    // 7 h long (clocks jump 02:00 -> 03:00): 70 kWh x 0.15 = 10.5.
    QTest::newRow("DST spring") << berlin(2026, 3, 28, 22, 0) << berlin(2026, 3, 29, 6, 0)
                                << QStringLiteral("night:7") << 10.5;
    // Saturday 24 Oct 22:00 CEST (20:00Z) -> Sunday 25 Oct 06:00 CET (05:00Z): 9 h:
    // 90 kWh x 0.15 = 13.5.
    QTest::newRow("DST autumn") << berlin(2026, 10, 24, 22, 0) << berlin(2026, 10, 25, 6, 0)
                                << QStringLiteral("night:9") << 13.5;
    // Saturday 28 Mar 20:00 -> Sunday 29 Mar 08:00 local: standard 2 h, night 7 h, standard 2 h
    // (no peak on a weekend): 10 x (4 x 0.22 + 7 x 0.15) = 19.3.
    QTest::newRow("DST spring weekend day") << berlin(2026, 3, 28, 20, 0) << berlin(2026, 3, 29, 8, 0)
                                            << QStringLiteral("standard:2,night:7,standard:2") << 19.3;
}

void TstEnergy::tariff()
{
    QFETCH(TimestampMs, from);
    QFETCH(TimestampMs, to);
    QFETCH(QString, segments);
    QFETCH(double, cost);
    Tariff t;
    t.zone = QTimeZone("Europe/Berlin");
    t.defaultPrice = 0.22;
    TariffPeriodDef night;
    night.name = QStringLiteral("night");
    night.startMinute = 22 * 60;
    night.endMinute = 6 * 60;
    night.price = 0.15;
    TariffPeriodDef peak;
    peak.name = QStringLiteral("peak");
    peak.weekdays = {1, 2, 3, 4, 5};
    peak.startMinute = 8 * 60;
    peak.endMinute = 20 * 60;
    peak.price = 0.30;
    t.periods = {night, peak};
    QStringList got;
    for (const TariffSegment &s : tariffSegments(t, from, to))
        got << QStringLiteral("%1:%2").arg(s.name).arg(double(s.endMs - s.startMs) / double(kH));
    QCOMPARE(got.join(u','), segments);
    const CostResult c = tariffCost({constant(from, to, 10)}, t, from, to);
    QVERIFY2(qAbs(c.cost - cost) < 1e-9, qPrintable(QString::number(c.cost)));
}

void TstEnergy::localDaysAcrossDst()
{
    // 28-30 March 2026 in Berlin: 24 h, 23 h (spring forward), 24 h.
    const QTimeZone tz("Europe/Berlin");
    const auto days = localDays(berlin(2026, 3, 28, 0, 0), berlin(2026, 3, 31, 0, 0), tz);
    QCOMPARE(days.size(), std::size_t(3));
    QCOMPARE(days[1].second - days[1].first, 23 * kH);
    QCOMPARE(days[2].first, berlin(2026, 3, 30, 0, 0));
}

void TstEnergy::leak()
{
    // Flow every 10 s: 40 Nm3/h in the stop [1 h, 2 h), 10 in [4 h, 5 h), 80 in the 3-min stop
    // [3 h, 3 h 3 min) (too short to judge). Threshold 25, settle 1 min: the first stop is a
    // leak of 40 Nm3/h over 59 min = 39.33 Nm3; the third is not.
    std::vector<CounterSample> flow;
    for (TimestampMs t = 0; t <= 6 * kH; t += 10 * kS) {
        double v = 100;
        if (t >= kH && t < 2 * kH)
            v = 40;
        else if (t >= 3 * kH && t < 3 * kH + 3 * kMin)
            v = 80;
        else if (t >= 4 * kH && t < 5 * kH)
            v = 10;
        flow.push_back({t, v, true});
    }
    // Judge each stop on its own samples: the windows end where the flow changes, one sample
    // before the next value (trapezoid across the step would mix them), so end 10 s early.
    const std::vector<TimeWindow> stops{{kH, 2 * kH - 10 * kS},
                                        {3 * kH, 3 * kH + 3 * kMin},
                                        {4 * kH, 5 * kH - 10 * kS}};
    LeakOptions o;
    o.threshold = 25;
    o.chunkMs = 0; // each stop judged whole
    const LeakResult r = leakIndication(flow, stops, o);
    QCOMPARE(r.periods.size(), std::size_t(2));
    QVERIFY(r.leak);
    QCOMPARE(r.firstLeakMs, kH + kMin);
    QVERIFY(r.periods[0].leak);
    QVERIFY(qAbs(r.periods[0].meanFlow - 40) < 1e-9);
    QVERIFY(!r.periods[1].leak);
    QVERIFY(qAbs(r.periods[1].meanFlow - 10) < 1e-9);
    const double judgedH = double(59 * kMin - 10 * kS) / double(kH);
    QVERIFY(qAbs(r.wastedAmount - 40 * judgedH) < 1e-9);
    QCOMPARE(r.leakMs, 59 * kMin - 10 * kS);
    // In 15-min parts: the first stop's judged 58 min 50 s are 15 + 15 + 15 + 13:50 (13:50 is
    // more than half a part, so it stands alone): 4 leaking parts; the second stop's 4 parts
    // do not leak. The wasted volume stays 40 x 58:50.
    o.chunkMs = 15 * kMin;
    const LeakResult c = leakIndication(flow, stops, o);
    QCOMPARE(c.periods.size(), std::size_t(8));
    QCOMPARE(c.periods[3].endMs, 2 * kH - 10 * kS);
    QCOMPARE(c.periods[1].startMs, kH + 16 * kMin);
    QVERIFY(c.periods[3].leak && !c.periods[4].leak);
    QVERIFY(qAbs(c.wastedAmount - r.wastedAmount) < 1e-9);
}

void TstEnergy::windowsInStates()
{
    // m0: off [0,10) run [10,20) planned [20,30); m1: off [0,5) idle [5,12) off [12,30).
    // Both in {off, planned_stop}: [0,5) and [20,30).
    const std::vector<std::vector<StateInterval>> m{
            {st(0, 10, StateCategory::Off), st(10, 20, StateCategory::Running),
             st(20, 30, StateCategory::PlannedStop)},
            {st(0, 5, StateCategory::Off), st(5, 12, StateCategory::Idle), st(12, 30, StateCategory::Off)}};
    const auto w = analytics::windowsInStates(m, {StateCategory::Off, StateCategory::PlannedStop}, 0, 30);
    QCOMPARE(w.size(), std::size_t(2));
    QCOMPARE(w[0], TimeWindow(0, 5));
    QCOMPARE(w[1], TimeWindow(20, 30));
}

QTEST_GUILESS_MAIN(TstEnergy)
#include "tst_energy.moc"
