// Trend data as the Trends page draws it: one pen's decimated buckets (M4: first, min, max,
// last per pixel column) on a fixed time grid, the polyline drawn through them, and the
// range statistics between two cursors. Pure values and functions (QtCore only); produced by
// engine/TrendLoader, drawn by widgets/TrendPlot, tested on hand-built data.
#pragma once

#include "core/sample.h"

#include <limits>
#include <vector>

#include <QString>

namespace andon::analytics {

// One time slice [start, start + width) of a pen. Statistics fields count only Good and
// Uncertain finite samples (the historian's rule); `worst` is over every sample, so a slice
// with only Bad samples has count 0, NaN values and a Bad `worst`: drawn as a gap.
struct TrendBucket
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    TimestampMs start = 0;
    TimestampMs tFirst = 0, tLast = 0, tMin = 0, tMax = 0;
    double min = kNaN, max = kNaN, first = kNaN, last = kNaN, avg = kNaN;
    std::int64_t count = 0;
    Quality worst = Quality::Good;
    bool hasSamples = false; // false only for a bucket made by addSample() that got nothing yet

    // Folds one raw sample in (any order inside the bucket).
    void add(TimestampMs t, double value, Quality q);
};

enum class TrendResolution { Raw, Minute, Hour };

struct TrendSeries
{
    QString path;
    TimestampMs from = 0, to = 0; // the requested range
    TimestampMs bucketMs = 1;     // width of every bucket (grid anchored at `from`)
    TrendResolution resolution = TrendResolution::Raw;
    std::vector<TrendBucket> buckets; // oldest first, empty slices omitted
    TimestampMs historianLastMs = std::numeric_limits<TimestampMs>::min(); // newest stored
    std::int64_t liveSamples = 0; // samples that came from the TagStore ring (live edge)
    QString error;                // "" = fine; else why the pen has no data, in words

    // Adds a raw sample at the grid position of its time (samples must come in time order
    // across buckets; samples before `from` are ignored). Used for the live edge.
    void addSample(TimestampMs t, double value, Quality q);
    TimestampMs newestTime() const; // tLast of the newest bucket with samples, or `from`
};

// Moves a series by `by` ms (compare mode: last week's data drawn over this week's).
void shiftTrendSeries(TrendSeries &series, TimestampMs by);

// Bucket width of a range split into at most maxBuckets slices (the historian's rule:
// ceil((to - from + 1) / maxBuckets), at least 1 ms).
TimestampMs trendBucketWidth(TimestampMs from, TimestampMs to, int maxBuckets);

// A vertex of the drawn line. value NaN = a break (gap) in the line.
struct TrendPoint
{
    TimestampMs t = 0;
    double value = 0;
    bool doubtful = false; // from a bucket with Uncertain/Bad samples: drawn dashed and grey
};

// The polyline of a series: per bucket its first, min, max and last sample in time order
// (so the shape and every extreme survive decimation), with a NaN break where a bucket has
// only Bad samples or where consecutive samples are more than `gapMs` apart.
std::vector<TrendPoint> trendPolyline(const TrendSeries &series, TimestampMs gapMs);
// The gap threshold for a series: a few bucket widths, but never less than the tag's
// staleness timeout (a silent tag is only missing data once it would have gone stale).
TimestampMs trendGapMs(const TrendSeries &series, int staleAfterMs);

// Value of the drawn line at t (linear between vertices); NaN outside the data or in a gap.
double trendValueAt(const std::vector<TrendPoint> &line, TimestampMs t);

// Statistics of the drawn line between two times, time-weighted over the parts with data
// (gaps are left out): the line is piecewise linear, so each is exact for it.
struct TrendRangeStats
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    bool valid = false;       // false: no data between the times
    double min = kNaN, max = kNaN;
    double mean = kNaN;       // ∫v dt / covered time
    double stddev = kNaN;     // sqrt(∫(v - mean)² dt / covered time)
    double integralHours = kNaN; // ∫v dt in value × hours (kW -> kWh)
    TimestampMs coveredMs = 0;   // time with data between the two times
    TimestampMs aboveMs = 0;     // time the line is above `limit` (0 when limit is NaN)
};
TrendRangeStats trendRangeStats(const std::vector<TrendPoint> &line, TimestampMs t1,
                                TimestampMs t2,
                                double limit = std::numeric_limits<double>::quiet_NaN());

} // namespace andon::analytics
