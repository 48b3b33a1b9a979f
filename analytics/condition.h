// Condition monitoring: vibration severity zones (ISO 10816-3 / ISO 20816-3), limit judgement of
// temperatures and motor-current deviation, the health index, degradation trend fits (linear
// and log-linear least squares) with a remaining-useful-life estimate and its confidence band,
// run hours and cycle counts from historian rollups. Pure values and functions (QtCore only);
// engine/HealthQuery feeds them from the historian. Formulas and sources: docs/condition.md.
#pragma once

#include "core/condition_def.h"
#include "core/sample.h"

#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include <QString>

namespace andon::analytics::condition {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMsPerHour = 3'600'000.0;

// ---- Judgement -------------------------------------------------------------------------------

// Zone of an RMS velocity (mm/s). A value exactly on a boundary belongs to the worse zone
// (ISO 20816-3 gives the boundaries as "upper limits" of the better zone; judging at the limit
// as the worse one errs on the safe side). NaN, negative or invalid limits: Unknown.
VibrationZone classifyVibration(double rmsMmS, const VibrationZoneLimits &limits);

enum class Severity : std::uint8_t { Unknown, Normal, Warning, Alarm };
QString severityName(Severity s); // "unknown", "normal", "warning", "alarm"
Severity zoneSeverity(VibrationZone z); // A/B normal, C warning, D alarm
// value >= alarm: Alarm; >= warn: Warning; else Normal; NaN value: Unknown.
Severity limitSeverity(double value, double warn, double alarm);

// Sub-scores 0..100 (docs/condition.md "Health index"), piecewise linear through anchors:
// vibration (0 -> 100, A/B -> 80, B/C -> 50, C/D -> 20, 1.5 x C/D -> 0);
// a limit pair (warn/2 -> 100, warn -> 50, alarm -> 20, alarm + (alarm - warn) -> 0).
// NaN in, NaN out.
double vibrationScore(double rmsMmS, const VibrationZoneLimits &limits);
double limitScore(double value, double warn, double alarm);
// The health index: the worst (lowest) finite sub-score, rounded to 0.1; NaN when none.
double healthIndex(const std::vector<double> &scores);

// ---- Oil cleanliness (ISO 4406:2021) and oil condition -----------------------------------------

// The ISO 4406:2021 Table 1 scale number of a particle count per mL: the number R whose range
// "more than lower(R), up to and including upper(R)" holds the count (0: 0-0.01 ... 28:
// 1 300 000-2 500 000), Iso4406Code::kAbove28 above 2 500 000, kNone for NaN or negative.
// Each step roughly doubles the count (the upper limits are 0.01 x 2^R, rounded).
int iso4406ScaleNumber(double particlesPerMl);
// The table's limits of scale number `r` (0..28), per mL; NaN outside.
double iso4406UpperLimit(int r);
double iso4406LowerLimit(int r);
// The code of the counts at >= 4, >= 6 and >= 14 µm(c) (NaN: that size is not counted, "-").
Iso4406Code iso4406Code(double per4, double per6, double per14);
// How many scale numbers the code is above the target in its worst size (sizes missing in
// either are skipped); INT_MIN when no size is in both.
int iso4406Excess(const Iso4406Code &code, const Iso4406Code &target);
// Zones good / alert / alarm (docs/condition.md "Oil"): excess >= alarmSteps: Alarm; >=
// alertSteps: Warning ("alert"); else Normal; no comparable size: Unknown.
Severity oilCleanlinessSeverity(int excess, int alertSteps, int alarmSteps);
// Sub-score: excess <= -2 -> 100, 0 (at target) -> 80, alert -> 50, alarm -> 20,
// alarm + (alarm - alert) -> 0, linear between; NaN when no comparable size.
double oilCleanlinessScore(int excess, int alertSteps, int alarmSteps);
// The count per mL at which the worst size enters the alarm zone: the upper limit of the
// scale number (target + alarmSteps - 1) of size `size` (0: 4 µm, 1: 6 µm, 2: 14 µm).
double oilAlarmCount(const Iso4406Code &target, int size, int alarmSteps);

// ---- Degradation trend and remaining useful life ----------------------------------------------

struct Point
{
    TimestampMs t = 0;
    double v = 0;
};

enum class TrendModel : std::uint8_t { None, Linear, Exponential };
QString trendModelName(TrendModel m); // "none", "linear", "exponential"

// An ordinary least-squares line y' = a + b x with x in hours since t0, where y' = y (linear)
// or ln y (exponential, i.e. y = exp(a) * exp(b x)).
struct TrendFit
{
    TrendModel model = TrendModel::None;
    int n = 0;
    TimestampMs t0 = 0;
    double a = kNaN, b = kNaN;   // intercept, slope per hour (in the fitted space)
    double s = kNaN;             // residual standard error in the fitted space (n - 2 dof)
    double seB = kNaN;           // standard error of the slope
    double xMean = kNaN, sxx = kNaN;
    double rss = kNaN;           // residual sum of squares on the original scale
    double adjR2 = kNaN;         // adjusted R² on the original scale
    double aic = kNaN;           // n ln(RSS/n) + 2k on the original scale, k = 2

    bool valid() const { return model != TrendModel::None && n >= 3 && std::isfinite(b); }
    double x(TimestampMs t) const { return double(t - t0) / kMsPerHour; }
    double predict(TimestampMs t) const; // original scale
    // The two-sided confidence band of the fitted trend at t with Student quantile `tq`:
    // y' ± tq * s * sqrt(1/n + (x - x̄)²/Sxx), mapped back to the original scale.
    double bandLow(TimestampMs t, double tq) const;
    double bandHigh(TimestampMs t, double tq) const;
};

TrendFit fitLinear(const std::vector<Point> &points);
TrendFit fitExponential(const std::vector<Point> &points); // needs every value > 0

// Quantile of Student's t distribution (Cornish-Fisher expansion around the normal quantile,
// Abramowitz & Stegun 26.7.5; better than 1e-3 for dof >= 3 in the 0.9-0.99 range).
double studentTQuantile(double p, double dof);
double normalQuantile(double p); // Acklam's rational approximation (|error| < 1.2e-9)

enum class RulStatus : std::uint8_t {
    Ok,               // a crossing within the horizon, with its band
    Crossed,          // the latest value is already at or beyond the threshold
    BeyondHorizon,    // the trend crosses later than the horizon
    TooFewPoints,     // insufficient data: fewer points than required
    NotIncreasing,    // insufficient data: no significantly rising trend
    PoorFit,          // insufficient data: neither model explains the data
};
QString rulStatusName(RulStatus s); // "ok", "crossed", "beyond_horizon", "too_few_points", ...
inline bool rulIsInsufficient(RulStatus s)
{
    return s == RulStatus::TooFewPoints || s == RulStatus::NotIncreasing
        || s == RulStatus::PoorFit;
}

struct RulOptions
{
    int minPoints = 12;
    double minAdjR2 = 0.5;
    double confidence = 0.90;            // two-sided band; the slope test is one-sided at (1+c)/2
    TimestampMs horizonMs = 90LL * 86'400'000;
};

struct RulEstimate
{
    RulStatus status = RulStatus::TooFewPoints;
    QString reason;               // one line in English (CLI, JSON, logs)
    double threshold = kNaN;      // the indicator value whose crossing is predicted
    TimestampMs now = 0;
    TrendFit linear, exponential; // both candidates (invalid when not computable)
    TrendModel chosen = TrendModel::None;
    double tq = kNaN;             // Student quantile used for the band
    TimestampMs crossingMs = 0;   // the fitted trend reaches the threshold (Ok, BeyondHorizon)
    TimestampMs earlyMs = 0;      // the band's upper edge reaches it (earliest plausible)
    TimestampMs lateMs = 0;       // the band's lower edge reaches it (latest plausible) ...
    bool lateBeyondHorizon = false; // ... or not within the horizon (lateMs = now + horizon)

    const TrendFit &fit() const { return chosen == TrendModel::Exponential ? exponential : linear; }
    bool hasCrossing() const { return status == RulStatus::Ok; }
    double rulHours() const { return double(crossingMs - now) / kMsPerHour; }
    double rulLowHours() const { return double(earlyMs - now) / kMsPerHour; }
    double rulHighHours() const { return double(lateMs - now) / kMsPerHour; }
};

// Fits both models to `points` (time order), picks the one with the lower AIC and predicts when
// it reaches `threshold` after `now` (docs/condition.md "Remaining useful life").
RulEstimate estimateRul(const std::vector<Point> &points, double threshold, TimestampMs now,
                        const RulOptions &options = {});

// Where degradation starts inside a window: the split of `points` into a flat part (its mean)
// and a trend part (linear or exponential, at least `minPoints` points) with the lowest total
// squared error on the original scale (segmented regression). 0 = the whole window trends.
std::size_t degradationStart(const std::vector<Point> &points, int minPoints);

// ---- Counters from rollups ---------------------------------------------------------------------

// One minute or hour rollup of a tag (storage::Rollup without the storage dependency).
struct RollupStat
{
    TimestampMs t = 0; // period start
    double min = kNaN, max = kNaN, avg = kNaN, first = kNaN, last = kNaN;
    std::int64_t count = 0;
};

// Running time (hours) from the minute rollups of a state tag, oldest first: a minute whose
// samples are all running codes and that starts running counts 60 s, a minute with a change of
// state into or out of running counts 30 s (unbiased; error at most 30 s per change), a minute
// without samples counts nothing.
double runHoursFromStateMinutes(const std::vector<RollupStat> &minutes,
                                const std::vector<int> &runningCodes);

// Increase of a cumulative counter over consecutive rollups (any period), oldest first; a
// decrease is a reset or rollover: counting continues from the new value.
double counterIncrease(const std::vector<RollupStat> &rollups);

// ---- Motor current -----------------------------------------------------------------------------

struct CurrentMinute
{
    TimestampMs t = 0;
    double amps = kNaN; // the minute's mean current
    int state = 0;      // state code held for the whole minute
    int product = 0;    // product code held for the whole minute (0 = none)
};

struct CurrentDeviation
{
    double pct = kNaN;     // weighted mean relative deviation (recent vs baseline), %
    int groups = 0;        // (state, product) groups compared
    int recentMinutes = 0; // recent minutes with a baseline to compare to
    int baselineMinutes = 0;
};

// Compares the recent minutes with the baseline minutes of the same state and product:
// deviation = Σ_g n_g (mean_recent_g - mean_base_g) / mean_base_g / Σ_g n_g x 100.
CurrentDeviation currentDeviation(const std::vector<CurrentMinute> &baseline,
                                  const std::vector<CurrentMinute> &recent);

// ---- Urgency ---------------------------------------------------------------------------------

// What the fleet table sorts by: machines needing action now first (an indicator in alarm,
// then warning or service overdue), then by the earliest date something is due (the RUL band's
// early edge, the next service), then by health (lower first). Returns the number of hours until
// action is needed (0 = now; +inf = nothing foreseen).
struct UrgencyInput
{
    Severity worst = Severity::Unknown; // worst indicator severity
    double health = kNaN;
    std::optional<TimestampMs> rulEarlyMs;
    std::optional<TimestampMs> serviceDueMs;
    bool serviceOverdue = false;
    TimestampMs now = 0;
};
double urgencyHours(const UrgencyInput &in);
// Strict weak order: true when `a` needs attention before `b`.
bool moreUrgent(const UrgencyInput &a, const UrgencyInput &b);

} // namespace andon::analytics::condition
