// Accumulator for min/max/avg/first/last/count of one time slice of one tag: used for the
// stored minute/hour rollups and for range() buckets. Internal to the storage layer.
#pragma once

#include "core/sample.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace andon::storage {

// A sample counts towards the statistics only when its value is finite and its quality is
// Good or Uncertain: Bad samples (stale, comm failure...) carry last-known or placeholder
// values that would distort min/max/avg, and NaN/inf have no place in an average. Every
// sample, counted or not, still takes part in worstQuality.
inline bool countsInStatistics(double value, Quality q)
{
    return std::isfinite(value) && !isBad(q);
}

struct RollupAcc
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::int64_t count = 0;
    double sum = 0;
    double min = kNaN, max = kNaN, first = kNaN, last = kNaN;
    TimestampMs minT = 0, maxT = 0, firstT = 0, lastT = 0;
    int worstQ = -1; // raw Quality byte; higher is worse (Bad 0x80.. > Uncertain 0x40.. > Good)

    bool empty() const { return worstQ < 0; }

    void add(TimestampMs t, double v, Quality q)
    {
        worstQ = std::max(worstQ, int(static_cast<std::uint8_t>(q)));
        if (!countsInStatistics(v, q))
            return;
        if (count == 0) {
            min = max = first = last = v;
            minT = maxT = firstT = lastT = t;
        } else {
            if (v < min || (v == min && t < minT)) {
                min = v;
                minT = t;
            }
            if (v > max || (v == max && t < maxT)) {
                max = v;
                maxT = t;
            }
            if (t < firstT) {
                first = v;
                firstT = t;
            }
            if (t >= lastT) {
                last = v;
                lastT = t;
            }
        }
        ++count;
        sum += v;
    }

    void merge(const RollupAcc &o)
    {
        worstQ = std::max(worstQ, o.worstQ);
        if (o.count == 0)
            return;
        if (count == 0) {
            const int w = worstQ;
            *this = o;
            worstQ = w;
            return;
        }
        if (o.min < min || (o.min == min && o.minT < minT)) {
            min = o.min;
            minT = o.minT;
        }
        if (o.max > max || (o.max == max && o.maxT < maxT)) {
            max = o.max;
            maxT = o.maxT;
        }
        if (o.firstT < firstT) {
            first = o.first;
            firstT = o.firstT;
        }
        if (o.lastT >= lastT) {
            last = o.last;
            lastT = o.lastT;
        }
        count += o.count;
        sum += o.sum;
    }
};

// Floor of t to a multiple of period (correct for negative times too).
inline TimestampMs floorTo(TimestampMs t, std::int64_t period)
{
    TimestampMs r = t % period;
    if (r < 0)
        r += period;
    return t - r;
}

} // namespace andon::storage
