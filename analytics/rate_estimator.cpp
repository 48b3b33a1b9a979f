#include "analytics/rate_estimator.h"

#include <cmath>
#include <limits>

namespace andon::analytics {

namespace {

constexpr double kMsPerMinute = 60'000.0;

bool usable(const Sample &s)
{
    return !isBad(s.q) && std::isfinite(s.value);
}

} // namespace

double RateEstimator::increments(const std::vector<Sample> &samples)
{
    double sum = 0.0;
    bool havePrevious = false;
    double previous = 0.0;
    for (const Sample &s : samples) {
        if (!usable(s))
            continue;
        // A decrease means the counter was reset or rolled over: take the new value as the
        // new base instead of adding a huge negative step.
        if (havePrevious && s.value >= previous)
            sum += s.value - previous;
        previous = s.value;
        havePrevious = true;
    }
    return sum;
}

double RateEstimator::partsPerMinute(const std::vector<Sample> &samples, TimestampMs now,
                                     const RateWindow &window)
{
    const TimestampMs since = now - window.windowMs;
    std::vector<Sample> inWindow;
    inWindow.reserve(samples.size());
    for (const Sample &s : samples) {
        if (s.t_ms >= since && s.t_ms <= now && usable(s))
            inWindow.push_back(s);
    }
    if (inWindow.size() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const TimestampMs span = inWindow.back().t_ms - inWindow.front().t_ms;
    if (span <= 0 || span < window.minSpanMs)
        return std::numeric_limits<double>::quiet_NaN();
    return increments(inWindow) * kMsPerMinute / static_cast<double>(span);
}

} // namespace andon::analytics
