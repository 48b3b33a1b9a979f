// Statistical process control: subgroup formation, Shewhart variables charts (X-bar/R,
// X-bar/S, individuals/moving range), EWMA, tabular CUSUM, attribute charts (p, np, c, u),
// Western Electric and Nelson run rules, and process capability with an Anderson-Darling
// normality check. Pure value types and functions, no I/O; used by andon-cli spc (and later the
// SPC page). Formulas and sources: docs/spc.md.
#pragma once

#include "analytics/spc_constants.h"
#include "core/plant_model.h"
#include "core/sample.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace andon::analytics::spc {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum class ChartType { XbarR, XbarS, IMR, Ewma, Cusum, P, NP, C, U, Median };

// "xbar-r", "xbar-s", "imr", "ewma", "cusum", "p", "np", "c", "u", "median" (median X~-R chart)
QString chartTypeName(ChartType type);
std::optional<ChartType> parseChartType(const QString &name);
bool isAttributeChart(ChartType type); // p, np, c, u

// ---- Data and subgroups ------------------------------------------------------------------

// One measurement (variables charts) or one inspected sample (attribute charts).
struct Measurement
{
    double value = 0.0; // the measured value, or the count of defectives (p, np) / defects (c, u)
    double size = 1.0; // attribute charts: units inspected (p, np) or area of opportunity (u)
    TimestampMs t = 0; // 0 = unknown (time-window subgrouping needs it)
    QString subgroup; // explicit subgroup label (SubgroupMode::Label)
    QString partition; // product or any other key: a change always starts a new subgroup
};

enum class SubgroupMode {
    Consecutive, // every `size` consecutive measurements (1 = individuals, one per row)
    TimeWindow, // measurements with t in the same [k*window, (k+1)*window) bucket
    Label, // consecutive measurements with the same `subgroup` label
};

struct SubgroupOptions
{
    SubgroupMode mode = SubgroupMode::Consecutive;
    int size = 1; // Consecutive
    TimestampMs windowMs = 0; // TimeWindow
};

struct Subgroup
{
    QString label; // the label, or the 1-based number of the subgroup as text
    QString partition;
    TimestampMs firstMs = 0, lastMs = 0;
    std::vector<double> values;
    double count = 0.0; // attribute charts: sum of the values (defectives or defects)
    double size = 0.0; // attribute charts: sum of the sizes
    int firstRow = 0; // index of its first measurement in the input
};

// Groups measurements in input order. A partition change closes the open subgroup. In
// Consecutive mode with size > 1 a subgroup cut short (by a partition change or the end of the
// data) is left out with a warning, because the factors of a fixed-n chart do not apply to it.
std::vector<Subgroup> formSubgroups(
    const std::vector<Measurement> &data, const SubgroupOptions &options, QStringList *warnings);

// ---- Rules -------------------------------------------------------------------------------

// Run rules. Western Electric: Statistical Quality Control Handbook, Western Electric Co.,
// 1956, pp. 25-28 (also NIST/SEMATECH e-Handbook §6.3.2, "WECO rules"). Nelson: L. S. Nelson,
// "The Shewhart Control Chart - Tests for Special Causes", J. Quality Technology 16(4),
// 237-239, 1984. "Sigma" is the standard error of the plotted statistic at that point
// ((UCL - CL)/L), zones are counted from the center line.
enum class Rule {
    WE1,
    WE2,
    WE3,
    WE4,
    Nelson1,
    Nelson2,
    Nelson3,
    Nelson4,
    Nelson5,
    Nelson6,
    Nelson7,
    Nelson8,
    // Not a run rule: the plotted statistic of an EWMA, a CUSUM or a companion (R, S, MR)
    // chart is outside its limit (decision interval H for the CUSUM). Always evaluated there.
    BeyondLimit,
};
constexpr int kRuleCount = static_cast<int>(Rule::BeyondLimit) + 1;

struct RuleInfo
{
    Rule rule;
    const char *id; // "WE1", "N5", "LIMIT"
    const char *family; // "Western Electric", "Nelson", "Limit"
    int number; // number within its family
    const char *text; // short description
};
const RuleInfo &ruleInfo(Rule rule);

class RuleSet
{
public:
    RuleSet() = default;
    static RuleSet westernElectric(); // WE1-WE4
    static RuleSet nelson(); // Nelson 1-8
    void add(Rule r) { m_bits |= bit(r); }
    bool has(Rule r) const { return (m_bits & bit(r)) != 0; }
    bool isEmpty() const { return m_bits == 0; }
    std::vector<Rule> rules() const;

private:
    static std::uint32_t bit(Rule r) { return std::uint32_t { 1 } << static_cast<int>(r); }
    std::uint32_t m_bits = 0;
};

// "nelson", "we" (or "western-electric"), "none", or a comma list of rule ids: "1,2,5" (plain
// numbers are Nelson rules), "n1,n5", "we1,we4". Case-insensitive. nullopt + error on bad text.
std::optional<RuleSet> parseRuleSet(const QString &text, QString *error);

struct Violation
{
    Rule rule = Rule::Nelson1;
    int point = 0; // index of the point that completes the pattern
    std::vector<int> points; // the points that make the pattern
    QString series; // name of the series (e.g. "xbar", "r", "c+")
};

// Evaluates `rules` on one series. All vectors have the same length; sigma[i] is the zone width
// at point i. A NaN value breaks every pattern (no window containing it fires). A k-of-m rule
// (WE2, WE3, Nelson 5, 6) fires on a point that is itself one of the k, so a pattern is reported
// once, at the point that completes it; run rules fire on every point that ends a qualifying run
// (a run of 10 on one side gives Nelson 2 at the 9th and the 10th point).
std::vector<Violation> evaluateRules(const std::vector<double> &values,
    const std::vector<double> &center, const std::vector<double> &ucl,
    const std::vector<double> &lcl, const std::vector<double> &sigma, const RuleSet &rules,
    const QString &series = {});

// ---- Limits ------------------------------------------------------------------------------

// The parameters control limits are drawn from, estimated from a baseline and then frozen and
// reused. Per-point limits follow from these and each subgroup's size. Provenance fields say who
// froze them, when and why (persistence in the historian comes later).
struct ControlLimits
{
    ChartType chart = ChartType::IMR;
    // Center line of the primary chart: grand mean (X-bar, I), mean of the subgroup medians
    // (median chart), target mu0 (EWMA, CUSUM),
    // p-bar (p), n*p-bar (np), c-bar (c), u-bar (u).
    double center = kNaN;
    // Process sigma within subgroups (variables charts: R-bar/d2, S-bar/c4 or MR-bar/d2, or
    // given); NaN for attribute charts.
    double sigma = kNaN;
    int subgroupSize = 1; // nominal n (np: the constant sample size)
    double sigmaMultiplier = kShewhartSigmaMultiplier; // L (Shewhart charts and EWMA)
    double lambda = 0.2; // EWMA weight
    double k = 0.5, h = 5.0; // CUSUM reference value and decision interval, in sigma units
    int baselineFirst = 0; // subgroups the estimate came from
    int baselineCount = 0;

    int version = 0; // 0 = computed, not frozen
    QString frozenBy;
    TimestampMs frozenAtMs = 0;
    QString reason;

    QJsonObject toJson() const;
    // nullopt + error when a field is missing or has the wrong type.
    static std::optional<ControlLimits> fromJson(const QJsonObject &json, QString *error);
    bool operator==(const ControlLimits &) const = default;
};

// How sigma for EWMA/CUSUM is estimated when not given.
enum class SigmaEstimate {
    Within, // MR-bar/d2(2) for individuals, mean of R_i/d2(n_i) for subgroups
    Overall, // sample standard deviation of the baseline values (NIST §6.3.2.4 example)
};

struct ChartOptions
{
    int baselineFirst = 0;
    int baselineCount = 0; // 0 = every subgroup from baselineFirst on
    double sigmaMultiplier = kShewhartSigmaMultiplier;
    double lambda = 0.2;
    double k = 0.5, h = 5.0;
    SigmaEstimate sigmaEstimate = SigmaEstimate::Within;
    std::optional<double> target; // EWMA/CUSUM mu0 (default: baseline mean)
    std::optional<double> sigma; // EWMA/CUSUM process sigma (default: estimated)
    RuleSet rules = RuleSet::nelson();
};

// Estimates limits from the baseline subgroups. nullopt + error when the baseline cannot give
// them (too few subgroups, zero spread, unequal sizes on an np chart, ...).
std::optional<ControlLimits> estimateLimits(ChartType type, const std::vector<Subgroup> &subgroups,
    const ChartOptions &options, QString *error, QStringList *warnings = nullptr);

// ---- Charts ------------------------------------------------------------------------------

struct ChartSeries
{
    QString name; // "xbar", "median", "r", "s", "x", "mr", "ewma", "c+", "c-", "p", "np", "c", "u"
    std::vector<double> values, center, ucl, lcl; // per point; NaN = none (e.g. first MR)
    std::vector<double> sigma; // zone width per point (rules)
};

struct ChartResult
{
    ChartType type = ChartType::IMR;
    ControlLimits limits;
    ChartSeries primary;
    std::optional<ChartSeries> secondary; // R, S or MR chart; C- for the CUSUM
    std::vector<Subgroup> subgroups;
    std::vector<Violation> violations; // ordered by point, then rule
    QStringList warnings;
};

// Draws the chart for `subgroups` with given (possibly frozen) limits and evaluates the rules
// (`rules` on the primary series of Shewhart charts; BeyondLimit on the others).
ChartResult computeChart(ChartType type, const std::vector<Subgroup> &subgroups,
    const ControlLimits &limits, const RuleSet &rules);

// estimateLimits + computeChart. nullopt + error when the limits cannot be estimated.
std::optional<ChartResult> analyse(ChartType type, const std::vector<Subgroup> &subgroups,
    const ChartOptions &options, QString *error);

QJsonObject toJson(const ChartResult &result);

// ---- Capability --------------------------------------------------------------------------

// Specification limits: andon::SpecLimits (core/plant_model.h, the tag's `spec:`), NaN = not set.

struct CapabilityIndices
{
    std::optional<double> c; // Cp / Pp: (USL - LSL) / 6 sigma; needs both limits
    std::optional<double> lower; // Cpl / Ppl: (mean - LSL) / 3 sigma
    std::optional<double> upper; // Cpu / Ppu: (USL - mean) / 3 sigma
    std::optional<double> k; // Cpk / Ppk: min of the one-sided indices given
};
// NIST/SEMATECH e-Handbook §6.1.6; Montgomery §8.3. Empty when sigma <= 0 or no limit given.
CapabilityIndices capabilityIndices(double mean, double sigma, const SpecLimits &spec);

// Anderson-Darling test of normality with mean and sigma estimated from the data
// (Stephens' case 3): A^2, the small-sample corrected A*^2 = A^2 (1 + 0.75/n + 2.25/n^2) and its
// p-value (D'Agostino & Stephens, "Goodness-of-Fit Techniques", 1986, Table 4.9).
struct NormalityTest
{
    int n = 0;
    double a2 = kNaN, a2Star = kNaN, pValue = kNaN;
    bool computed = false; // false when n < kAndersonDarlingMinN or the data have no spread
};
// The corrected statistic's p-value approximation is given for n >= 8 (D'Agostino & Stephens
// 1986, §4.8.2).
constexpr int kAndersonDarlingMinN = 8;
NormalityTest andersonDarlingNormal(std::vector<double> values);
double andersonDarlingPValue(double a2Star);

// Significance level of the normality check (conventional 5 %).
constexpr double kNormalityAlpha = 0.05;
// Fewer values than this give a capability estimate too uncertain to act on: the AIAG PPAP
// manual (4th ed., 2006, "initial process studies") asks for at least 100 readings from at least
// 25 subgroups; Montgomery §8.3.5 shows how wide the confidence interval of Cp is below that.
constexpr int kCapabilityMinN = 100;

struct Capability
{
    int n = 0;
    double mean = kNaN;
    double sigmaWithin = kNaN; // from the chart (R-bar/d2, S-bar/c4, MR-bar/d2)
    double sigmaOverall = kNaN; // sample standard deviation of all values
    SpecLimits spec;
    CapabilityIndices within; // Cp, Cpl, Cpu, Cpk
    CapabilityIndices overall; // Pp, Ppl, Ppu, Ppk
    NormalityTest normality;
    QStringList warnings;
};

Capability computeCapability(
    const std::vector<double> &values, double sigmaWithin, const SpecLimits &spec);
QJsonObject toJson(const Capability &capability);

// Sample mean and standard deviation (n - 1); NaN when there are too few values.
double mean(const std::vector<double> &values);
double sampleStdDev(const std::vector<double> &values);
double median(std::vector<double> values); // NaN when empty

// ---- Box and whisker ---------------------------------------------------------------------

// Quantile of `sorted` (ascending) by Hyndman & Fan's definition 6, the one Minitab uses and
// Python's statistics.quantiles(method="exclusive"): position h = (n + 1) p (1-based), linear
// interpolation between the neighbouring order statistics, clamped to the smallest and largest
// value when h < 1 or h > n (R. J. Hyndman, Y. Fan, "Sample Quantiles in Statistical Packages",
// The American Statistician 50(4), 1996, 361-365). NaN when empty.
double quantileType6(const std::vector<double> &sorted, double p);

// Tukey's box plot (J. W. Tukey, "Exploratory Data Analysis", 1977, ch. 2): the box from Q1 to
// Q3 with the median, whiskers to the most extreme values within the fences
// Q1 - 1.5 IQR and Q3 + 1.5 IQR, values beyond the fences as outliers. Quartiles by
// quantileType6.
constexpr double kTukeyFence = 1.5;
struct BoxStats
{
    int n = 0;
    double q1 = kNaN, median = kNaN, q3 = kNaN;
    double lowerWhisker = kNaN, upperWhisker = kNaN; // data values, not the fences
    std::vector<double> outliers; // ascending
};
BoxStats boxStats(std::vector<double> values);

// ---- Pareto ------------------------------------------------------------------------------

// Categories ranked by count, largest first (ties by name), with each one's share of the total
// and the cumulative share (J. M. Juran's Pareto analysis; Montgomery §5.4 "Pareto chart").
struct ParetoItem
{
    QString name;
    double count = 0.0;
    double percent = 0.0; // of the total, 0..100
    double cumulativePercent = 0.0;
};
// Negative or non-finite counts are treated as 0. All percentages are 0 when the total is 0.
std::vector<ParetoItem> paretoRanking(const std::vector<std::pair<QString, double>> &counts);

// ---- Two-group comparison ----------------------------------------------------------------

// Welch's unequal-variances t statistic t = (mean1 - mean2) / sqrt(s1^2/n1 + s2^2/n2) with the
// Welch-Satterthwaite degrees of freedom (B. L. Welch, Biometrika 34, 1947, 28-35), and Cohen's
// d with the pooled standard deviation (J. Cohen, "Statistical Power Analysis for the
// Behavioral Sciences", 2nd ed., 1988, §2.2). t is NaN when a group has fewer than 2 values;
// +-infinity when both groups have no spread but different means.
struct WelchTest
{
    int n1 = 0, n2 = 0;
    double mean1 = kNaN, mean2 = kNaN, sd1 = kNaN, sd2 = kNaN;
    double difference = kNaN; // mean1 - mean2
    double t = kNaN, df = kNaN, cohenD = kNaN;
};
WelchTest welchTest(const std::vector<double> &group1, const std::vector<double> &group2);

} // namespace andon::analytics::spc
