#include "analytics/oee_calculator.h"

#include <algorithm>

namespace andon::analytics {

namespace {

constexpr double kMsPerS = 1000.0;

TimestampMs overlap(TimestampMs a0, TimestampMs a1, TimestampMs b0, TimestampMs b1)
{
    return std::max<TimestampMs>(0, std::min(a1, b1) - std::max(a0, b0));
}

// Time of [s, e) inside the (sorted, disjoint) windows.
TimestampMs insideWindows(const std::vector<TimeWindow> &windows, TimestampMs s, TimestampMs e)
{
    TimestampMs ms = 0;
    for (const auto &[ws, we] : windows)
        ms += overlap(s, e, ws, we);
    return ms;
}

std::vector<TimeWindow> clippedWindows(const OeeInput &in)
{
    std::vector<TimeWindow> raw;
    if (!in.plannedWindows)
        raw.emplace_back(in.fromMs, in.toMs);
    else
        raw = *in.plannedWindows;
    std::vector<TimeWindow> clipped;
    for (auto [s, e] : raw) {
        s = std::max(s, in.fromMs);
        e = std::min(e, in.toMs);
        if (e > s)
            clipped.emplace_back(s, e);
    }
    std::sort(clipped.begin(), clipped.end());
    std::vector<TimeWindow> merged;
    for (const TimeWindow &w : clipped) {
        if (!merged.empty() && w.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, w.second);
        else
            merged.push_back(w);
    }
    return merged;
}

// Sorted, non-overlapping copy (a later interval wins over the tail of an earlier one), so
// that no instant is counted twice.
std::vector<StateInterval> normalised(std::vector<StateInterval> states)
{
    std::stable_sort(states.begin(), states.end(),
                     [](const StateInterval &a, const StateInterval &b) {
                         return a.startMs < b.startMs;
                     });
    std::vector<StateInterval> out;
    for (StateInterval &s : states) {
        if (s.endMs <= s.startMs)
            continue;
        if (!out.empty() && out.back().endMs > s.startMs)
            out.back().endMs = s.startMs;
        if (!out.empty() && out.back().endMs <= out.back().startMs)
            out.pop_back();
        out.push_back(std::move(s));
    }
    return out;
}

bool isStop(StateCategory c)
{
    return c == StateCategory::Down || c == StateCategory::Idle;
}

// The ideal cycle time and product at `t`.
std::pair<int, double> productAt(const OeeInput &in, TimestampMs t)
{
    for (const ProductInterval &p : in.products) {
        if (t >= p.startMs && t < p.endMs && p.idealCycleS > 0)
            return {p.productCode, p.idealCycleS};
    }
    return {0, in.defaultIdealCycleS};
}

double sum(const std::vector<std::pair<TimestampMs, double>> &incs)
{
    double n = 0;
    for (const auto &inc : incs)
        n += inc.second;
    return n;
}

} // namespace

std::vector<std::pair<TimestampMs, double>>
OeeCalculator::increments(const std::vector<CounterSample> &samples, TimestampMs fromMs,
                          TimestampMs toMs, double modulus, int *resets, int *rollovers)
{
    std::vector<std::pair<TimestampMs, double>> out;
    std::optional<double> prev;
    for (const CounterSample &s : samples) {
        if (!s.good || s.t >= toMs)
            continue;
        if (s.t < fromMs || !prev) {
            prev = s.value; // baseline: the last reading before the window (or the first in it)
            continue;
        }
        double inc = s.value - *prev;
        if (inc < 0) {
            const double wrapped = modulus > 0 ? s.value + modulus - *prev : -1.0;
            if (wrapped >= 0 && wrapped < modulus / 2) {
                inc = wrapped;
                if (rollovers)
                    ++*rollovers;
            } else {
                inc = s.value; // reset to 0, then counted up to the new value
                if (resets)
                    ++*resets;
            }
        }
        prev = s.value;
        if (inc > 0)
            out.emplace_back(s.t, inc);
    }
    return out;
}

OeeResult OeeCalculator::compute(const OeeInput &in) const
{
    OeeResult r;
    if (in.toMs <= in.fromMs)
        return r;
    r.calendarMs = in.toMs - in.fromMs;
    const std::vector<TimeWindow> windows = clippedWindows(in);
    for (const auto &[s, e] : windows)
        r.plannedOperatingMs += e - s;

    // ---- time by category, inside the planned operating time ----
    const std::vector<StateInterval> states = normalised(in.states);
    TimestampMs covered = 0;
    for (const StateInterval &s : states) {
        const TimestampMs ms = insideWindows(windows, s.startMs, s.endMs);
        if (ms <= 0)
            continue;
        r.msByCategory[s.category] += ms;
        covered += ms;
        if (s.category == StateCategory::Down)
            r.downMsByReason[s.reason] += ms;
    }
    // Time no interval covers is unknown too: never silently given to a neighbouring state.
    r.msByCategory[StateCategory::Unknown] += r.plannedOperatingMs - covered;
    const auto cat = [&r](StateCategory c) {
        const auto it = r.msByCategory.find(c);
        return it == r.msByCategory.end() ? TimestampMs(0) : it->second;
    };
    // ISO 22400-2:2014 §5.5.x time model: PBT = POT - planned downtime (PDOT); a planned stop
    // state during the shift (planned maintenance) is planned downtime like a break.
    r.plannedStopMs = cat(StateCategory::PlannedStop);
    r.plannedBusyMs = r.plannedOperatingMs - r.plannedStopMs;
    r.runMs = cat(StateCategory::Running);       // APT
    r.unknownMs = cat(StateCategory::Unknown);
    r.changeoverMs = cat(StateCategory::Changeover);
    r.starvedMs = cat(StateCategory::Starved);
    r.blockedMs = cat(StateCategory::Blocked);
    r.offMs = cat(StateCategory::Off);

    // ---- stops: contiguous down/idle intervals, classified by their full length ----
    for (std::size_t i = 0; i < states.size();) {
        if (!isStop(states[i].category)) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < states.size() && isStop(states[j].category)
               && states[j].startMs == states[j - 1].endMs)
            ++j;
        StopEvent ev;
        ev.startMs = states[i].startMs;
        ev.endMs = states[j - 1].endMs;
        ev.micro = ev.endMs - ev.startMs < m_options.microStopMaxMs;
        ev.category = StateCategory::Idle;
        ev.reason = states[i].reason;
        for (std::size_t k = i; k < j; ++k) {
            const TimestampMs ms = insideWindows(windows, states[k].startMs, states[k].endMs);
            ev.plannedMs += ms;
            if (states[k].category == StateCategory::Down
                && ev.category != StateCategory::Down) {
                ev.category = StateCategory::Down;
                ev.reason = states[k].reason;
            }
            if (ev.micro)
                r.microStopMs += ms;
            else if (states[k].category == StateCategory::Down)
                r.breakdownMs += ms;
            else
                r.idleMs += ms;
        }
        if (ev.plannedMs > 0)
            r.stops.push_back(std::move(ev));
        i = j;
    }

    // ---- counts ----
    const double mod = m_options.counterModulus;
    auto incs = [&](const std::vector<CounterSample> &c) {
        return increments(c, in.fromMs, in.toMs, mod, &r.counterResets, &r.counterRollovers);
    };
    const auto totalInc = incs(in.total);
    const auto goodInc = incs(in.good);
    const auto rejectInc = incs(in.reject);
    const bool hasTotal = !in.total.empty(), hasGood = !in.good.empty(),
               hasReject = !in.reject.empty();
    // Parts made (total) and rejects as time series; derived when a counter is missing.
    std::vector<std::pair<TimestampMs, double>> made = totalInc;
    std::vector<std::pair<TimestampMs, double>> rejects = rejectInc;
    if (!hasTotal) {
        made = goodInc;
        made.insert(made.end(), rejectInc.begin(), rejectInc.end());
    }
    if (!hasReject && hasTotal && hasGood) {
        // Per timestamp: parts made minus good parts (counters sampled together).
        std::map<TimestampMs, double> diff;
        for (const auto &[t, n] : totalInc)
            diff[t] += n;
        for (const auto &[t, n] : goodInc)
            diff[t] -= n;
        rejects.clear();
        for (const auto &[t, n] : diff) {
            if (n > 0)
                rejects.emplace_back(t, n);
        }
    }
    r.totalCount = sum(made);
    r.rejectCount = sum(rejects);
    r.goodCount = hasGood ? sum(goodInc) : r.totalCount - r.rejectCount;
    if (hasTotal && hasGood && !hasReject)
        r.rejectCount = r.totalCount - r.goodCount;

    // ISO 22400-2 effectiveness numerator: Σ PRI × PQ per product.
    for (const auto &[t, n] : made) {
        const auto [code, cycle] = productAt(in, t);
        r.idealRunS += cycle * n;
        r.countByProduct[code] += n;
    }
    for (const auto &[t, n] : goodInc)
        r.idealGoodS += productAt(in, t).second * n;

    // Machine starts: the end of a changeover or of an off period.
    std::vector<TimestampMs> starts;
    for (std::size_t i = 0; i < states.size(); ++i) {
        const StateCategory c = states[i].category;
        if ((c == StateCategory::Changeover || c == StateCategory::Off)
            && (i + 1 == states.size() || states[i + 1].category != c))
            starts.push_back(states[i].endMs);
    }
    for (const auto &[t, n] : rejects) {
        const bool startup = std::any_of(starts.begin(), starts.end(), [&](TimestampMs s) {
            return t >= s && t < s + m_options.startupWindowMs;
        });
        const double ideal = productAt(in, t).second * n;
        (startup ? r.startupRejects : r.productionRejects) += n;
        (startup ? r.idealRejectStartupS : r.idealRejectProductionS) += ideal;
    }
    if (!hasGood)
        r.idealGoodS = r.idealRunS - r.idealRejectStartupS - r.idealRejectProductionS;

    // ---- KPIs, ISO 22400-2:2014 §6.4 ----
    const double runS = static_cast<double>(r.runMs) / kMsPerS;
    const double pbtS = static_cast<double>(r.plannedBusyMs) / kMsPerS;
    r.reducedSpeedS = runS - r.idealRunS;
    if (r.plannedBusyMs > 0)
        r.availability = runS / pbtS;                    // KPI "Availability" = APT / PBT
    if (r.runMs > 0)
        r.performance = r.idealRunS / runS;              // KPI "Effectiveness" = PRI × PQ / APT
    if (r.totalCount > 0)
        r.quality = r.goodCount / r.totalCount;          // KPI "Quality ratio" = GQ / PQ
    if (r.availability && r.performance && r.quality) {
        r.oee = *r.availability * *r.performance * *r.quality; // KPI "OEE index"
        // TEEP (not in ISO 22400-2): OEE × utilisation, utilisation = PBT / calendar time.
        r.teep = *r.oee * pbtS / (static_cast<double>(r.calendarMs) / kMsPerS);
    }
    return r;
}

std::vector<TimeWindow> plannedWindows(const std::vector<ShiftInstance> &shifts)
{
    std::vector<TimeWindow> windows;
    for (const ShiftInstance &s : shifts) {
        TimestampMs cursor = s.startMs;
        for (const auto &[bs, be] : s.breaks) {
            if (bs > cursor)
                windows.emplace_back(cursor, bs);
            cursor = std::max(cursor, be);
        }
        if (s.endMs > cursor)
            windows.emplace_back(cursor, s.endMs);
    }
    return windows;
}

int bottleneckIndex(const std::vector<double> &idealCycleS)
{
    int best = -1;
    for (std::size_t i = 0; i < idealCycleS.size(); ++i) {
        if (best < 0 || idealCycleS[i] >= idealCycleS[static_cast<std::size_t>(best)])
            best = static_cast<int>(i);
    }
    return best;
}

} // namespace andon::analytics
