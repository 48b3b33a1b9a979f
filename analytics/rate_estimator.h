// Production rate (parts/min) from the recent samples of a cumulative counter tag.
// Pure functions over value types; used by the overview models when a machine reports no rate tag.
#pragma once

#include "core/sample.h"

#include <vector>

namespace andon::analytics {

struct RateWindow
{
    TimestampMs windowMs = 60'000; // only samples with t >= now - windowMs count
    TimestampMs minSpanMs = 5'000; // fewer ms between first and last usable sample -> NaN
};

class RateEstimator
{
public:
    // Parts per minute over the usable samples (oldest first, as TagStore::recent gives
    // them) inside [now - windowMs, now]: the sum of counter increments divided by the time
    // between the first and the last usable sample. A decrease is a counter reset or
    // rollover: counting resumes from the new value (the step itself adds nothing, because
    // nobody knows what happened between the two samples). Bad-quality samples and
    // non-finite values are skipped. Returns NaN with fewer than two usable samples or a
    // span shorter than minSpanMs, so "no data" is never shown as "0 parts/min".
    static double partsPerMinute(const std::vector<Sample> &samples, TimestampMs now,
                                 const RateWindow &window = {});

    // The counted increments alone (same reset rule), for totals over a window.
    static double increments(const std::vector<Sample> &samples);
};

} // namespace andon::analytics
