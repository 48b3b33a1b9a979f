#include "analytics/trend_series.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace andon::analytics {

namespace {

constexpr double kMsPerHour = 3'600'000.0;
// A line breaks when consecutive samples are more than this many bucket widths apart.
constexpr TimestampMs kGapBuckets = 3;

bool counts(double value, Quality q)
{
    return std::isfinite(value) && !isBad(q);
}

} // namespace

void TrendBucket::add(TimestampMs t, double value, Quality q)
{
    hasSamples = true;
    if (static_cast<std::uint8_t>(q) > static_cast<std::uint8_t>(worst))
        worst = q;
    if (!counts(value, q))
        return;
    if (count == 0) {
        tFirst = tLast = tMin = tMax = t;
        min = max = first = last = avg = value;
        count = 1;
        return;
    }
    if (value < min || (value == min && t < tMin)) {
        min = value;
        tMin = t;
    }
    if (value > max || (value == max && t < tMax)) {
        max = value;
        tMax = t;
    }
    if (t < tFirst) {
        tFirst = t;
        first = value;
    }
    if (t >= tLast) {
        tLast = t;
        last = value;
    }
    avg += (value - avg) / double(count + 1);
    ++count;
}

TimestampMs trendBucketWidth(TimestampMs from, TimestampMs to, int maxBuckets)
{
    if (maxBuckets <= 0 || to < from)
        return 1;
    const TimestampMs span = to - from + 1;
    return std::max<TimestampMs>(1, (span + maxBuckets - 1) / maxBuckets);
}

void shiftTrendSeries(TrendSeries &series, TimestampMs by)
{
    series.from += by;
    series.to += by;
    if (series.historianLastMs != std::numeric_limits<TimestampMs>::min())
        series.historianLastMs += by;
    for (TrendBucket &b : series.buckets) {
        b.start += by;
        b.tFirst += by;
        b.tLast += by;
        b.tMin += by;
        b.tMax += by;
    }
}

void TrendSeries::addSample(TimestampMs t, double value, Quality q)
{
    if (t < from || bucketMs <= 0)
        return;
    const TimestampMs start = from + (t - from) / bucketMs * bucketMs;
    if (buckets.empty() || buckets.back().start < start) {
        TrendBucket b;
        b.start = start;
        b.tFirst = b.tLast = b.tMin = b.tMax = start; // until a counted sample arrives
        buckets.push_back(b);
    }
    // A sample older than the newest bucket (out of order) still lands in its own bucket
    // when that exists; otherwise it is dropped rather than breaking the time order.
    auto it = std::lower_bound(buckets.begin(), buckets.end(), start,
                               [](const TrendBucket &b, TimestampMs s) { return b.start < s; });
    if (it == buckets.end() || it->start != start)
        return;
    it->add(t, value, q);
}

TimestampMs TrendSeries::newestTime() const
{
    for (auto it = buckets.rbegin(); it != buckets.rend(); ++it) {
        if (it->count > 0)
            return it->tLast;
    }
    return from;
}

std::vector<TrendPoint> trendPolyline(const TrendSeries &series, TimestampMs gapMs)
{
    std::vector<TrendPoint> out;
    out.reserve(series.buckets.size() * 4 + 8);
    auto addBreak = [&out](TimestampMs t) {
        if (!out.empty() && std::isnan(out.back().value))
            return;
        if (!out.empty())
            out.push_back({t, std::numeric_limits<double>::quiet_NaN(), false});
    };
    TimestampMs lastT = 0;
    bool haveLast = false;
    for (const TrendBucket &b : series.buckets) {
        if (b.count == 0) {
            addBreak(b.start);
            haveLast = false;
            continue;
        }
        if (haveLast && b.tFirst - lastT > gapMs)
            addBreak(lastT + (b.tFirst - lastT) / 2);
        const bool doubtful = severity(b.worst) != QualitySeverity::Good;
        std::array<TrendPoint, 4> v = {TrendPoint{b.tFirst, b.first, doubtful},
                                       TrendPoint{b.tMin, b.min, doubtful},
                                       TrendPoint{b.tMax, b.max, doubtful},
                                       TrendPoint{b.tLast, b.last, doubtful}};
        // First and last stay at the ends; min and max in time order between them.
        if (v[2].t < v[1].t)
            std::swap(v[1], v[2]);
        for (const TrendPoint &p : v) {
            if (!out.empty() && out.back().t == p.t && out.back().value == p.value)
                continue;
            out.push_back(p);
        }
        lastT = b.tLast;
        haveLast = true;
    }
    return out;
}

TimestampMs trendGapMs(const TrendSeries &series, int staleAfterMs)
{
    return std::max<TimestampMs>(kGapBuckets * series.bucketMs, staleAfterMs);
}

double trendValueAt(const std::vector<TrendPoint> &line, TimestampMs t)
{
    auto it = std::lower_bound(line.begin(), line.end(), t,
                               [](const TrendPoint &p, TimestampMs x) { return p.t < x; });
    if (it == line.end())
        return std::numeric_limits<double>::quiet_NaN();
    if (it->t == t) {
        // Several vertices may share a time (a bucket's first and min): the last one is
        // where the line continues from.
        auto last = it;
        while (std::next(last) != line.end() && std::next(last)->t == t)
            ++last;
        return last->value;
    }
    if (it == line.begin())
        return std::numeric_limits<double>::quiet_NaN();
    const TrendPoint &b = *it;
    const TrendPoint &a = *std::prev(it);
    if (std::isnan(a.value) || std::isnan(b.value))
        return std::numeric_limits<double>::quiet_NaN();
    const double f = double(t - a.t) / double(b.t - a.t);
    return a.value + (b.value - a.value) * f;
}

TrendRangeStats trendRangeStats(const std::vector<TrendPoint> &line, TimestampMs t1,
                                TimestampMs t2, double limit)
{
    TrendRangeStats s;
    if (t2 < t1)
        std::swap(t1, t2);
    double sum = 0;    // ∫(v - ref) dt, ms
    double sumSq = 0;  // ∫(v - ref)² dt
    double covered = 0;
    double ref = std::numeric_limits<double>::quiet_NaN(); // shift for numerical stability
    double isolatedSum = 0;
    int isolated = 0;
    auto note = [&s](double v) {
        if (!s.valid) {
            s.min = s.max = v;
            s.valid = true;
        } else {
            s.min = std::min(s.min, v);
            s.max = std::max(s.max, v);
        }
    };
    const bool haveLimit = std::isfinite(limit);
    double above = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const TrendPoint &p = line[i];
        if (std::isnan(p.value))
            continue;
        const bool prevGap = i == 0 || std::isnan(line[i - 1].value);
        const bool nextGap = i + 1 == line.size() || std::isnan(line[i + 1].value);
        if (prevGap && nextGap && p.t >= t1 && p.t <= t2) {
            note(p.value); // a lone sample between gaps: a value without duration
            isolatedSum += p.value;
            ++isolated;
        }
        if (nextGap)
            continue;
        const TrendPoint &q = line[i + 1];
        const TimestampMs a = std::max(p.t, t1);
        const TimestampMs b = std::min(q.t, t2);
        if (a > b)
            continue;
        auto at = [&](TimestampMs t) {
            if (q.t == p.t)
                return q.value;
            return p.value + (q.value - p.value) * double(t - p.t) / double(q.t - p.t);
        };
        const double va = at(a), vb = at(b);
        note(va);
        note(vb);
        const double d = double(b - a);
        if (d <= 0)
            continue;
        if (std::isnan(ref))
            ref = va;
        const double x = va - ref, y = vb - ref;
        // Exact for a linear piece: ∫v = d (x + y) / 2, ∫v² = d (x² + x y + y²) / 3.
        sum += d * (x + y) / 2.0;
        sumSq += d * (x * x + x * y + y * y) / 3.0;
        covered += d;
        if (haveLimit) {
            if (va > limit && vb > limit) {
                above += d;
            } else if (va > limit || vb > limit) {
                const double cross = d * (limit - va) / (vb - va); // from a to the crossing
                above += va > limit ? cross : d - cross;
            }
        }
    }
    if (!s.valid)
        return s;
    s.coveredMs = TimestampMs(std::llround(covered));
    s.aboveMs = TimestampMs(std::llround(above));
    if (covered > 0) {
        const double meanShifted = sum / covered;
        s.mean = ref + meanShifted;
        s.stddev = std::sqrt(std::max(0.0, sumSq / covered - meanShifted * meanShifted));
        s.integralHours = (sum + ref * covered) / kMsPerHour;
    } else {
        s.mean = isolated > 0 ? isolatedSum / isolated : s.min;
        s.stddev = 0;
        s.integralHours = 0;
    }
    return s;
}

} // namespace andon::analytics
