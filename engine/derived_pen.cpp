#include "engine/derived_pen.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace andon {

namespace {

Quality worse(Quality a, Quality b)
{
    return severity(b) > severity(a) ? b : a;
}

} // namespace

analytics::TrendSeries derivedTrendSeries(const DerivedFormula &formula,
                                          const std::vector<DerivedPenInput> &inputs,
                                          const QString &path)
{
    analytics::TrendSeries out;
    out.path = path;
    const std::size_t n = inputs.size();
    if (n == 0 || !inputs.front().series || !formula.isValid() || formula.inputs().size() != n)
        return out;
    const analytics::TrendSeries &grid = *inputs.front().series;
    out.from = grid.from;
    out.to = grid.to;
    out.bucketMs = grid.bucketMs;
    out.resolution = grid.resolution;
    for (const DerivedPenInput &in : inputs) {
        if (!in.series)
            return out;
        if (!in.series->error.isEmpty() && out.error.isEmpty())
            out.error = in.series->error;
        // The coarsest resolution of the inputs is what the pen is.
        if (int(in.series->resolution) > int(out.resolution))
            out.resolution = in.series->resolution;
    }

    struct Held
    {
        double value = std::numeric_limits<double>::quiet_NaN();
        TimestampMs t = 0;
        Quality q = Quality::Good;
        bool has = false;
    };
    std::vector<Held> held(n);
    std::vector<std::size_t> next(n, 0);
    std::vector<double> values(n);
    const TimestampMs kNone = std::numeric_limits<TimestampMs>::max();
    // Bounded: every round consumes at least one bucket of one input.
    for (;;) {
        TimestampMs start = kNone;
        for (std::size_t i = 0; i < n; ++i) {
            const auto &b = inputs[i].series->buckets;
            if (next[i] < b.size())
                start = std::min(start, b[next[i]].start);
        }
        if (start == kNone)
            break;
        TimestampMs t = start;
        Quality worst = Quality::Good;
        for (std::size_t i = 0; i < n; ++i) {
            const auto &b = inputs[i].series->buckets;
            if (next[i] < b.size() && b[next[i]].start == start) {
                const analytics::TrendBucket &bk = b[next[i]];
                ++next[i];
                if (bk.count > 0) {
                    held[i] = {bk.avg, bk.tLast, bk.worst, true};
                    t = std::max(t, bk.tLast);
                } else if (bk.hasSamples || bk.worst != Quality::Good) {
                    held[i] = {}; // only Bad samples: the input has no value now
                    held[i].q = bk.worst;
                }
            }
        }
        analytics::TrendBucket out1;
        out1.start = start;
        out1.tFirst = out1.tLast = out1.tMin = out1.tMax = t;
        out1.hasSamples = true;
        bool ready = true;
        for (std::size_t i = 0; i < n; ++i) {
            const bool fresh = held[i].has && t - held[i].t <= inputs[i].holdMs;
            if (!fresh) {
                ready = false;
                worst = worse(worst, held[i].has ? Quality::BadStale : held[i].q);
                continue;
            }
            values[i] = held[i].value;
            worst = worse(worst, held[i].q);
        }
        if (!ready && !isBad(worst))
            continue; // an input has not had any value yet: nothing to draw, no gap either
        const double v = ready ? formula.evaluate(values) : std::numeric_limits<double>::quiet_NaN();
        if (std::isfinite(v)) {
            // A bucket with some Bad samples still has a mean: drawn doubtful, not a gap.
            out1.add(t, v, isBad(worst) ? Quality::Uncertain : worst);
            out1.worst = worse(out1.worst, worst);
        } else {
            out1.worst = isBad(worst) ? worst : Quality::Bad;
        }
        out.buckets.push_back(out1);
    }
    out.historianLastMs = std::numeric_limits<TimestampMs>::min();
    for (const DerivedPenInput &in : inputs)
        out.historianLastMs = std::max(out.historianLastMs, in.series->historianLastMs);
    return out;
}

void DerivedPenLive::reset(std::size_t inputs)
{
    m_values.assign(inputs, std::numeric_limits<double>::quiet_NaN());
    m_quality.assign(inputs, Quality::Good);
    m_has.assign(inputs, 0);
}

void DerivedPenLive::seed(std::size_t input, TimestampMs, double value, Quality q)
{
    if (input >= m_values.size())
        return;
    m_values[input] = value;
    m_quality[input] = q;
    m_has[input] = std::isfinite(value) ? 1 : 0;
}

std::vector<Sample> DerivedPenLive::feed(const DerivedFormula &formula,
                                         const std::vector<Sample> &samples)
{
    std::vector<Sample> out;
    for (const Sample &s : samples) {
        if (s.tag >= m_values.size())
            continue;
        const bool counts = std::isfinite(s.value) && !isBad(s.q);
        m_values[s.tag] = s.value;
        m_quality[s.tag] = s.q;
        m_has[s.tag] = counts ? 1 : 0;
        Quality worst = Quality::Good;
        bool ready = true;
        for (std::size_t i = 0; i < m_values.size(); ++i) {
            ready = ready && m_has[i];
            worst = worse(worst, m_quality[i]);
        }
        if (!ready && !isBad(worst))
            continue; // waiting for a first value of an input
        double v = ready ? formula.evaluate(m_values) : std::numeric_limits<double>::quiet_NaN();
        if (!std::isfinite(v) && !isBad(worst))
            worst = Quality::Bad; // division by zero, log of a negative, ...
        out.push_back({0, s.t_ms, v, worst});
    }
    return out;
}

void seedDerivedPenLive(DerivedPenLive &live, const std::vector<DerivedPenInput> &inputs)
{
    live.reset(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!inputs[i].series)
            continue;
        const auto &b = inputs[i].series->buckets;
        for (auto it = b.rbegin(); it != b.rend(); ++it) {
            if (it->count > 0) {
                live.seed(i, it->tLast, it->last, it->worst);
                break;
            }
        }
    }
}

} // namespace andon
