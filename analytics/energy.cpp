#include "analytics/energy.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace andon::analytics {

namespace {

constexpr double kMsPerHour = 3'600'000.0;
// A counter increment may exceed the rate limit by this much reading resolution / timing
// jitter (one minute at the limit rate).
constexpr double kPlausibleSlackHours = 1.0 / 60.0;
// Upper bound of windows one demand or day computation produces (bounded loops).
constexpr std::size_t kMaxWindows = 2'000'000;

double hours(TimestampMs ms)
{
    return static_cast<double>(ms) / kMsPerHour;
}

// First slice that may overlap [from, ...): slices are in time order and do not overlap.
std::vector<ConsumptionSlice>::const_iterator firstFrom(const std::vector<ConsumptionSlice> &slices,
                                                        TimestampMs fromMs)
{
    return std::lower_bound(slices.begin(), slices.end(), fromMs,
                            [](const ConsumptionSlice &s, TimestampMs t) { return s.endMs < t; });
}

// Time in [from, to) covered by (non-point) slices.
TimestampMs coveredIn(const std::vector<ConsumptionSlice> &slices, TimestampMs fromMs,
                      TimestampMs toMs)
{
    TimestampMs covered = 0;
    for (auto it = firstFrom(slices, fromMs); it != slices.end() && it->startMs < toMs; ++it)
        covered += std::max<TimestampMs>(0, std::min(it->endMs, toMs) - std::max(it->startMs, fromMs));
    return covered;
}

bool contains(const std::vector<StateCategory> &set, StateCategory c)
{
    return std::find(set.begin(), set.end(), c) != set.end();
}

std::vector<TimeWindow> mergeWindows(std::vector<TimeWindow> w)
{
    std::sort(w.begin(), w.end());
    std::vector<TimeWindow> out;
    for (const TimeWindow &x : w) {
        if (x.second <= x.first)
            continue;
        if (!out.empty() && x.first <= out.back().second)
            out.back().second = std::max(out.back().second, x.second);
        else
            out.push_back(x);
    }
    return out;
}

std::vector<TimeWindow> intersect(const std::vector<TimeWindow> &a, const std::vector<TimeWindow> &b)
{
    std::vector<TimeWindow> out;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const TimestampMs s = std::max(a[i].first, b[j].first);
        const TimestampMs e = std::min(a[i].second, b[j].second);
        if (e > s)
            out.emplace_back(s, e);
        if (a[i].second < b[j].second)
            ++i;
        else
            ++j;
    }
    return out;
}

// Local wall time `minute` after midnight of `day`; a time inside a spring-forward gap is the
// first instant after the gap.
TimestampMs localTime(const QDate &day, int minute, const QTimeZone &zone)
{
    const QTime time(minute / 60 % 24, minute % 60);
    const QDateTime dt(day.addDays(minute / 1440), time, zone);
    if (dt.isValid() && dt.time() == time)
        return dt.toMSecsSinceEpoch();
    const QDateTime midnight(day.addDays(minute / 1440), QTime(0, 0), zone);
    const QTimeZone::OffsetData next = zone.nextTransition(midnight);
    if (next.atUtc.isValid())
        return next.atUtc.toMSecsSinceEpoch();
    return dt.toMSecsSinceEpoch();
}

} // namespace

CounterResult counterConsumption(const std::vector<CounterSample> &samples,
                                 const CounterOptions &options)
{
    CounterResult r;
    const CounterSample *prev = nullptr;
    for (const CounterSample &s : samples) {
        if (!s.good || !std::isfinite(s.value))
            continue;
        if (!prev) {
            prev = &s;
            continue;
        }
        const double dtH = hours(std::max<TimestampMs>(0, s.t - prev->t));
        const double plausible = options.maxRatePerHour > 0
                ? options.maxRatePerHour * (dtH + kPlausibleSlackHours)
                : std::numeric_limits<double>::infinity();
        const auto replace = [&] {
            r.events.push_back({s.t, MeterEventKind::Replacement, prev->value, s.value});
            ++r.replacements;
            prev = &s;
        };
        const double d = s.value - prev->value;
        if (d >= -options.noise) {
            if (d <= 0)
                continue; // no change or reading jitter: keep the higher baseline
            if (d > plausible) {
                replace();
                continue;
            }
            r.slices.push_back({prev->t, s.t, d});
            r.total += d;
            prev = &s;
            continue;
        }
        if (options.rollover > 0) {
            const double wrapped = s.value + options.rollover - prev->value;
            const double limit = options.maxRatePerHour > 0
                    ? plausible
                    : options.rollover * kRolloverPlausibleFraction;
            if (wrapped >= 0 && wrapped <= limit) {
                r.events.push_back({s.t, MeterEventKind::Rollover, prev->value, s.value});
                ++r.rollovers;
                r.slices.push_back({prev->t, s.t, wrapped});
                r.total += wrapped;
                prev = &s;
                continue;
            }
        }
        replace();
    }
    return r;
}

PowerIntegration integratePower(const std::vector<CounterSample> &powerKw, TimestampMs maxGapMs)
{
    PowerIntegration r;
    for (std::size_t i = 1; i < powerKw.size(); ++i) {
        const CounterSample &a = powerKw[i - 1];
        const CounterSample &b = powerKw[i];
        const TimestampMs dt = b.t - a.t;
        if (dt <= 0)
            continue;
        if (!a.good || !b.good || !std::isfinite(a.value) || !std::isfinite(b.value)
            || dt > maxGapMs) {
            r.gapMs += dt;
            continue;
        }
        const double kwh = (a.value + b.value) / 2.0 * hours(dt);
        r.slices.push_back({a.t, b.t, kwh});
        r.total += kwh;
        r.coveredMs += dt;
    }
    return r;
}

double amountIn(const std::vector<ConsumptionSlice> &slices, TimestampMs fromMs, TimestampMs toMs)
{
    double sum = 0.0;
    for (auto it = firstFrom(slices, fromMs); it != slices.end() && it->startMs < toMs; ++it) {
        if (it->endMs == it->startMs) {
            if (it->startMs >= fromMs)
                sum += it->amount;
            continue;
        }
        const TimestampMs overlap = std::min(it->endMs, toMs) - std::max(it->startMs, fromMs);
        if (overlap > 0)
            sum += it->amount * static_cast<double>(overlap)
                    / static_cast<double>(it->endMs - it->startMs);
    }
    return sum;
}

std::vector<double> amountsIn(const std::vector<ConsumptionSlice> &slices,
                              const std::vector<TimeWindow> &windows)
{
    std::vector<double> out;
    out.reserve(windows.size());
    for (const auto &[s, e] : windows)
        out.push_back(amountIn(slices, s, e));
    return out;
}

std::vector<TimeWindow> fixedWindows(TimestampMs fromMs, TimestampMs toMs, TimestampMs stepMs)
{
    std::vector<TimeWindow> out;
    if (stepMs <= 0)
        return out;
    for (TimestampMs t = fromMs; t < toMs && out.size() < kMaxWindows; t += stepMs)
        out.emplace_back(t, std::min(toMs, t + stepMs));
    return out;
}

std::vector<TimeWindow> localDays(TimestampMs fromMs, TimestampMs toMs, const QTimeZone &zone)
{
    std::vector<TimeWindow> out;
    QDate day = QDateTime::fromMSecsSinceEpoch(fromMs, zone).date();
    for (std::size_t n = 0; n < kMaxWindows; ++n, day = day.addDays(1)) {
        const TimestampMs s = QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
        const TimestampMs e = QDateTime(day.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
        if (s >= toMs)
            break;
        if (e > fromMs)
            out.emplace_back(std::max(s, fromMs), std::min(e, toMs));
    }
    return out;
}

IdleEnergy idleEnergy(const std::vector<ConsumptionSlice> &slices,
                      const std::vector<StateInterval> &states,
                      const std::vector<StateCategory> &idleCategories, TimestampMs fromMs,
                      TimestampMs toMs)
{
    IdleEnergy r;
    r.totalKwh = amountIn(slices, fromMs, toMs);
    double known = 0.0;
    TimestampMs knownMs = 0;
    for (const StateInterval &s : states) {
        const TimestampMs a = std::max(s.startMs, fromMs);
        const TimestampMs b = std::min(s.endMs, toMs);
        if (b <= a)
            continue;
        const double kwh = amountIn(slices, a, b);
        r.kwhByCategory[s.category] += kwh;
        r.msByCategory[s.category] += b - a;
        known += kwh;
        knownMs += b - a;
        if (contains(idleCategories, s.category))
            r.idleKwh += kwh;
    }
    // Time without a state (no data) keeps its energy as unknown, never hidden in idle.
    const double rest = r.totalKwh - known;
    if (std::abs(rest) > 1e-9) {
        r.kwhByCategory[StateCategory::Unknown] += rest;
        r.msByCategory[StateCategory::Unknown] += std::max<TimestampMs>(0, toMs - fromMs - knownMs);
    }
    return r;
}

std::map<int, double> amountByProduct(const std::vector<ConsumptionSlice> &slices,
                                      const std::vector<ProductInterval> &products,
                                      TimestampMs fromMs, TimestampMs toMs)
{
    std::map<int, double> out;
    for (const ProductInterval &p : products) {
        const TimestampMs a = std::max(p.startMs, fromMs);
        const TimestampMs b = std::min(p.endMs, toMs);
        if (b > a)
            out[p.productCode] += amountIn(slices, a, b);
    }
    return out;
}

double baseLoadKw(const std::vector<CounterSample> &powerKw, TimestampMs fromMs, TimestampMs toMs,
                  double quantile)
{
    std::vector<double> v;
    for (const CounterSample &s : powerKw) {
        if (s.good && std::isfinite(s.value) && s.t >= fromMs && s.t < toMs)
            v.push_back(s.value);
    }
    if (v.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const auto k = static_cast<std::size_t>(
            std::floor(std::clamp(quantile, 0.0, 1.0) * static_cast<double>(v.size() - 1)));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

// ---- demand ----

namespace {

TimestampMs floorTo(TimestampMs t, TimestampMs step)
{
    const TimestampMs q = t / step;
    return (t % step != 0 && t < 0 ? q - 1 : q) * step;
}

TimestampMs ceilTo(TimestampMs t, TimestampMs step)
{
    const TimestampMs f = floorTo(t, step);
    return f == t ? t : f + step;
}

} // namespace

DemandResult demandWindows(const std::vector<ConsumptionSlice> &slices, TimestampMs fromMs,
                           TimestampMs toMs, const DemandOptions &options)
{
    DemandResult r;
    const TimestampMs w = options.windowMs;
    if (w <= 0 || toMs <= fromMs)
        return r;
    const auto add = [&](TimestampMs s, TimestampMs e) {
        r.windows.push_back({s, e, amountIn(slices, s, e) / hours(w)});
    };
    if (!options.sliding) {
        for (TimestampMs s = ceilTo(fromMs, w); s + w <= toMs && r.windows.size() < kMaxWindows;
             s += w)
            add(s, s + w);
    } else {
        const TimestampMs step = std::max<TimestampMs>(1000, options.slideStepMs);
        for (TimestampMs e = ceilTo(fromMs + w, step); e <= toMs && r.windows.size() < kMaxWindows;
             e += step)
            add(e - w, e);
    }
    for (std::size_t i = 0; i < r.windows.size(); ++i) {
        if (r.peak < 0 || r.windows[i].avgKw > r.windows[std::size_t(r.peak)].avgKw)
            r.peak = static_cast<int>(i);
        if (std::isfinite(options.limitKw) && r.windows[i].avgKw > options.limitKw)
            ++r.overLimit;
    }
    return r;
}

DemandForecast forecastDemand(const std::vector<ConsumptionSlice> &slices, TimestampMs nowMs,
                              double currentKw, const DemandOptions &options)
{
    DemandForecast f;
    const TimestampMs w = std::max<TimestampMs>(1, options.windowMs);
    if (!options.sliding) {
        f.windowStartMs = floorTo(nowMs, w);
        f.windowEndMs = f.windowStartMs + w;
    } else {
        const TimestampMs step = std::max<TimestampMs>(1000, options.slideStepMs);
        f.windowEndMs = floorTo(nowMs, step) + step;
        f.windowStartMs = f.windowEndMs - w;
    }
    f.soFarKwh = amountIn(slices, f.windowStartMs, nowMs);
    f.currentKw = std::isfinite(currentKw) ? currentKw : 0.0;
    const double restH = hours(f.windowEndMs - nowMs);
    f.projectedKw = (f.soFarKwh + f.currentKw * restH) / hours(w);
    if (std::isfinite(options.limitKw)) {
        const double allowed = options.limitKw * hours(w) - f.soFarKwh;
        f.headroomKw = restH > 0 ? allowed / restH : 0.0;
        f.warning = f.projectedKw >= options.warnFraction * options.limitKw;
        f.exceeded = f.projectedKw > options.limitKw;
    }
    return f;
}

double recentKw(const std::vector<ConsumptionSlice> &slices, TimestampMs nowMs, TimestampMs spanMs)
{
    const TimestampMs covered = coveredIn(slices, nowMs - spanMs, nowMs);
    if (covered <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    return amountIn(slices, nowMs - spanMs, nowMs) / hours(covered);
}

// ---- tariff ----

std::vector<TariffSegment> tariffSegments(const Tariff &tariff, TimestampMs fromMs,
                                          TimestampMs toMs)
{
    std::vector<TariffSegment> out;
    if (toMs <= fromMs)
        return out;
    struct Occurrence
    {
        TimestampMs s, e;
        std::size_t period;
    };
    std::vector<Occurrence> occ;
    std::vector<TimestampMs> cuts{fromMs, toMs};
    // A period belongs to the day it starts on, so the day before `from` may reach into it.
    QDate day = QDateTime::fromMSecsSinceEpoch(fromMs, tariff.zone).date().addDays(-1);
    const QDate last = QDateTime::fromMSecsSinceEpoch(toMs, tariff.zone).date();
    for (std::size_t n = 0; day <= last && n < kMaxWindows; day = day.addDays(1), ++n) {
        for (std::size_t i = 0; i < tariff.periods.size(); ++i) {
            const TariffPeriodDef &p = tariff.periods[i];
            if (!p.weekdays.empty()
                && std::find(p.weekdays.begin(), p.weekdays.end(), day.dayOfWeek())
                        == p.weekdays.end())
                continue;
            const int endMinute =
                    p.endMinute > p.startMinute ? p.endMinute : p.endMinute + 1440;
            const TimestampMs s = localTime(day, p.startMinute, tariff.zone);
            const TimestampMs e = localTime(day, endMinute, tariff.zone);
            if (e <= fromMs || s >= toMs || e <= s)
                continue;
            occ.push_back({s, e, i});
            cuts.push_back(std::clamp(s, fromMs, toMs));
            cuts.push_back(std::clamp(e, fromMs, toMs));
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const TimestampMs a = cuts[k], b = cuts[k + 1];
        const Occurrence *best = nullptr;
        for (const Occurrence &o : occ) {
            if (o.s <= a && o.e >= b && (!best || o.period < best->period))
                best = &o;
        }
        TariffSegment seg{a, b, tariff.defaultName, tariff.defaultPrice};
        if (best) {
            seg.name = tariff.periods[best->period].name;
            seg.price = tariff.periods[best->period].price;
        }
        if (!out.empty() && out.back().endMs == a && out.back().name == seg.name
            && out.back().price == seg.price)
            out.back().endMs = b;
        else
            out.push_back(seg);
    }
    return out;
}

CostResult tariffCost(const std::vector<ConsumptionSlice> &slices, const Tariff &tariff,
                      TimestampMs fromMs, TimestampMs toMs)
{
    CostResult r;
    for (const TariffSegment &s : tariffSegments(tariff, fromMs, toMs)) {
        const double kwh = amountIn(slices, s.startMs, s.endMs);
        r.kwh += kwh;
        r.cost += kwh * s.price;
        r.kwhByPeriod[s.name] += kwh;
        r.costByPeriod[s.name] += kwh * s.price;
    }
    return r;
}

// ---- leaks ----

LeakResult leakIndication(const std::vector<CounterSample> &flow,
                          const std::vector<TimeWindow> &stoppedWindows, const LeakOptions &options)
{
    LeakResult r;
    const PowerIntegration volume = integratePower(flow, options.maxGapMs); // flow/h x h
    double amountStopped = 0.0;
    TimestampMs coveredStopped = 0;
    for (const auto &[s, e] : stoppedWindows) {
        if (e - s < options.minStopMs)
            continue;
        const TimestampMs settled = s + options.settleMs;
        for (TimestampMs a = settled; a < e;) { // bounded: each part is at least 1 ms long
            TimestampMs b = e;
            if (options.chunkMs > 0 && e - a >= options.chunkMs + options.chunkMs / 2)
                b = a + options.chunkMs;
            const TimestampMs covered = coveredIn(volume.slices, a, b);
            if (covered * 2 >= b - a) { // else: less than half has flow data, not judged
                LeakPeriod p;
                p.startMs = a;
                p.endMs = b;
                const double amount = amountIn(volume.slices, a, b);
                p.meanFlow = amount / hours(covered);
                p.leak = std::isfinite(options.threshold) && p.meanFlow > options.threshold;
                amountStopped += amount;
                coveredStopped += covered;
                r.stoppedMs += b - a;
                if (p.leak) {
                    r.leakMs += b - a;
                    r.wastedAmount += amount;
                    if (!r.leak)
                        r.firstLeakMs = a;
                    r.leak = true;
                }
                r.periods.push_back(p);
            }
            a = b;
        }
    }
    if (coveredStopped > 0)
        r.meanFlowStopped = amountStopped / hours(coveredStopped);
    return r;
}

std::vector<TimeWindow> windowsInStates(const std::vector<std::vector<StateInterval>> &machines,
                                        const std::vector<StateCategory> &categories,
                                        TimestampMs fromMs, TimestampMs toMs)
{
    std::vector<TimeWindow> result;
    bool first = true;
    for (const auto &states : machines) {
        std::vector<TimeWindow> w;
        for (const StateInterval &s : states) {
            if (contains(categories, s.category))
                w.emplace_back(std::max(s.startMs, fromMs), std::min(s.endMs, toMs));
        }
        w = mergeWindows(std::move(w));
        result = first ? w : intersect(result, w);
        first = false;
    }
    return result;
}

} // namespace andon::analytics
