// Derived pens of the Trends page: a DerivedFormula evaluated over the loaded (decimated)
// series of its inputs, and sample by sample on the live edge. Pure functions and a small
// value type; the page owns them (GUI thread).
//
// Loaded data: the inputs come from one TrendRequest, so their buckets share a grid. Walking
// the bucket starts in time order, each input holds its latest bucket *mean* (sample-and-hold,
// as DerivedTagEngine does on ingest, for at most the tag's stale time); at every bucket that
// any input has, the formula is evaluated once on the held means. So a derived pen has one
// value per bucket: its min/max over a bucket are that one value, never the true extremes of
// the formula over the raw samples (which can only be had from raw data). At raw resolution
// (about one sample per bucket) the means are the samples and the pen is exact.
#pragma once

#include "analytics/trend_series.h"
#include "core/derived_formula.h"

#include <QString>

#include <vector>

namespace andon {

struct DerivedPenInput
{
    const analytics::TrendSeries *series = nullptr;
    TimestampMs holdMs = 30'000; // a held value is dropped after this long (stale time)
};

// The derived pen's series on the inputs' grid (from/to/bucketMs of the first input).
// inputs[i] belongs to formula.inputs()[i]. Quality of a value = the worst of the inputs'
// buckets it was computed from; a non-finite result (division by zero) is a Bad gap.
analytics::TrendSeries derivedTrendSeries(const DerivedFormula &formula,
                                          const std::vector<DerivedPenInput> &inputs,
                                          const QString &path);

// Live edge: raw samples of the inputs (Sample::tag = input index) in, derived samples out,
// sample-and-hold like DerivedTagEngine::compute.
class DerivedPenLive
{
public:
    void reset(std::size_t inputs);
    // The newest value of input i before the live samples (from the loaded series).
    void seed(std::size_t input, TimestampMs t, double value, Quality q);
    // `samples` in time order, tag = input index; returns one derived sample per input sample
    // once every input has a value.
    std::vector<Sample> feed(const DerivedFormula &formula, const std::vector<Sample> &samples);

private:
    std::vector<double> m_values;
    std::vector<Quality> m_quality;
    std::vector<char> m_has;
};

// Seeds `live` with each input's newest bucket (its last sample) from the loaded series.
void seedDerivedPenLive(DerivedPenLive &live, const std::vector<DerivedPenInput> &inputs);

} // namespace andon
