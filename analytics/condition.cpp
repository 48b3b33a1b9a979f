#include "analytics/condition.h"

#include <algorithm>
#include <climits>
#include <map>
#include <utility>

namespace andon::analytics::condition {

namespace {

// Linear interpolation through (x, score) anchors with increasing x; clamped at both ends.
double piecewise(double v, const std::vector<std::pair<double, double>> &anchors)
{
    if (!std::isfinite(v) || anchors.empty())
        return kNaN;
    if (v <= anchors.front().first)
        return anchors.front().second;
    for (std::size_t i = 1; i < anchors.size(); ++i) {
        const auto &[x0, y0] = anchors[i - 1];
        const auto &[x1, y1] = anchors[i];
        if (v <= x1)
            return x1 > x0 ? y0 + (y1 - y0) * (v - x0) / (x1 - x0) : y1;
    }
    return anchors.back().second;
}

bool isRunning(double code, const std::vector<int> &running)
{
    if (!std::isfinite(code))
        return false;
    const int c = static_cast<int>(std::lround(code));
    return std::find(running.begin(), running.end(), c) != running.end();
}

} // namespace

VibrationZone classifyVibration(double rms, const VibrationZoneLimits &l)
{
    if (!std::isfinite(rms) || rms < 0 || !l.isValid())
        return VibrationZone::Unknown;
    if (rms >= l.cd)
        return VibrationZone::D;
    if (rms >= l.bc)
        return VibrationZone::C;
    if (rms >= l.ab)
        return VibrationZone::B;
    return VibrationZone::A;
}

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Normal: return QStringLiteral("normal");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Alarm: return QStringLiteral("alarm");
    case Severity::Unknown: break;
    }
    return QStringLiteral("unknown");
}

Severity zoneSeverity(VibrationZone z)
{
    switch (z) {
    case VibrationZone::A:
    case VibrationZone::B: return Severity::Normal;
    case VibrationZone::C: return Severity::Warning;
    case VibrationZone::D: return Severity::Alarm;
    case VibrationZone::Unknown: break;
    }
    return Severity::Unknown;
}

Severity limitSeverity(double value, double warn, double alarm)
{
    if (!std::isfinite(value))
        return Severity::Unknown;
    if (std::isfinite(alarm) && value >= alarm)
        return Severity::Alarm;
    if (std::isfinite(warn) && value >= warn)
        return Severity::Warning;
    return Severity::Normal;
}

double vibrationScore(double rms, const VibrationZoneLimits &l)
{
    if (!l.isValid())
        return kNaN;
    return piecewise(rms, {{0.0, 100.0}, {l.ab, 80.0}, {l.bc, 50.0}, {l.cd, 20.0},
                           {1.5 * l.cd, 0.0}});
}

double limitScore(double value, double warn, double alarm)
{
    if (!std::isfinite(warn) || !std::isfinite(alarm) || !(alarm > warn) || warn <= 0)
        return kNaN;
    return piecewise(value, {{warn / 2.0, 100.0}, {warn, 50.0}, {alarm, 20.0},
                             {alarm + (alarm - warn), 0.0}});
}

double healthIndex(const std::vector<double> &scores)
{
    double worst = kNaN;
    for (double s : scores) {
        if (std::isfinite(s) && !(worst <= s))
            worst = s;
    }
    return std::isfinite(worst) ? std::round(worst * 10.0) / 10.0 : kNaN;
}

// ---- oil cleanliness ---------------------------------------------------------------------------

namespace {
// ISO 4406:2021 Table 1 "Allocation of scale numbers" (unchanged since ISO 4406:1999): the
// upper limit ("up to and including") of scale numbers 0..28, particles per mL; the lower limit
// ("more than") of R is the upper limit of R - 1, and 0 for R = 0.
constexpr double kIso4406Upper[29] = {
    0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.3, 2.5, 5, 10, 20, 40, 80, 160, 320, 640,
    1'300, 2'500, 5'000, 10'000, 20'000, 40'000, 80'000, 160'000, 320'000, 640'000, 1'300'000,
    2'500'000};
} // namespace

int iso4406ScaleNumber(double count)
{
    if (!std::isfinite(count) || count < 0)
        return Iso4406Code::kNone;
    for (int r = 0; r <= 28; ++r) {
        if (count <= kIso4406Upper[r])
            return r;
    }
    return Iso4406Code::kAbove28;
}

double iso4406UpperLimit(int r)
{
    return r >= 0 && r <= 28 ? kIso4406Upper[r] : kNaN;
}

double iso4406LowerLimit(int r)
{
    if (r == 0)
        return 0.0;
    return r > 0 && r <= 28 ? kIso4406Upper[r - 1] : kNaN;
}

Iso4406Code iso4406Code(double per4, double per6, double per14)
{
    return {iso4406ScaleNumber(per4), iso4406ScaleNumber(per6), iso4406ScaleNumber(per14)};
}

int iso4406Excess(const Iso4406Code &code, const Iso4406Code &target)
{
    int worst = INT_MIN;
    for (int i = 0; i < 3; ++i) {
        if (code.at(i) != Iso4406Code::kNone && target.at(i) != Iso4406Code::kNone)
            worst = std::max(worst, code.at(i) - target.at(i));
    }
    return worst;
}

Severity oilCleanlinessSeverity(int excess, int alertSteps, int alarmSteps)
{
    if (excess == INT_MIN)
        return Severity::Unknown;
    if (excess >= alarmSteps)
        return Severity::Alarm;
    if (excess >= alertSteps)
        return Severity::Warning;
    return Severity::Normal;
}

double oilCleanlinessScore(int excess, int alertSteps, int alarmSteps)
{
    if (excess == INT_MIN || !(alarmSteps > alertSteps) || alertSteps < 1)
        return kNaN;
    return piecewise(double(excess),
                     {{-2.0, 100.0}, {0.0, 80.0}, {double(alertSteps), 50.0},
                      {double(alarmSteps), 20.0}, {double(2 * alarmSteps - alertSteps), 0.0}});
}

double oilAlarmCount(const Iso4406Code &target, int size, int alarmSteps)
{
    const int t = target.at(size);
    if (t == Iso4406Code::kNone)
        return kNaN;
    return iso4406UpperLimit(t + alarmSteps - 1);
}

// ---- trend fits ------------------------------------------------------------------------------

QString trendModelName(TrendModel m)
{
    switch (m) {
    case TrendModel::Linear: return QStringLiteral("linear");
    case TrendModel::Exponential: return QStringLiteral("exponential");
    case TrendModel::None: break;
    }
    return QStringLiteral("none");
}

double TrendFit::predict(TimestampMs t) const
{
    const double y = a + b * x(t);
    return model == TrendModel::Exponential ? std::exp(y) : y;
}

double TrendFit::bandLow(TimestampMs t, double tq) const
{
    const double dx = x(t) - xMean;
    const double y = a + b * x(t) - tq * s * std::sqrt(1.0 / n + dx * dx / sxx);
    return model == TrendModel::Exponential ? std::exp(y) : y;
}

double TrendFit::bandHigh(TimestampMs t, double tq) const
{
    const double dx = x(t) - xMean;
    const double y = a + b * x(t) + tq * s * std::sqrt(1.0 / n + dx * dx / sxx);
    return model == TrendModel::Exponential ? std::exp(y) : y;
}

namespace {

TrendFit fit(const std::vector<Point> &points, TrendModel model)
{
    TrendFit f;
    const std::size_t n = points.size();
    if (n < 3)
        return f;
    f.t0 = points.front().t;
    f.n = static_cast<int>(n);
    std::vector<double> xs(n), ys(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double v = points[i].v;
        if (!std::isfinite(v) || (model == TrendModel::Exponential && v <= 0))
            return TrendFit{};
        xs[i] = f.x(points[i].t);
        ys[i] = model == TrendModel::Exponential ? std::log(v) : v;
    }
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += xs[i];
        my += ys[i];
    }
    mx /= double(n);
    my /= double(n);
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxx += (xs[i] - mx) * (xs[i] - mx);
        sxy += (xs[i] - mx) * (ys[i] - my);
    }
    if (!(sxx > 0))
        return TrendFit{};
    f.model = model;
    f.xMean = mx;
    f.sxx = sxx;
    f.b = sxy / sxx;
    f.a = my - f.b * mx;
    double rssFit = 0, rss = 0, tss = 0, meanY = 0;
    for (const Point &p : points)
        meanY += p.v;
    meanY /= double(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double r = ys[i] - (f.a + f.b * xs[i]);
        rssFit += r * r;
        const double ro = points[i].v - f.predict(points[i].t);
        rss += ro * ro;
        tss += (points[i].v - meanY) * (points[i].v - meanY);
    }
    f.s = std::sqrt(rssFit / double(n - 2));
    f.seB = f.s / std::sqrt(sxx);
    f.rss = rss;
    f.adjR2 = tss > 0 ? 1.0 - (rss / double(n - 2)) / (tss / double(n - 1)) : kNaN;
    constexpr int kParams = 2;
    f.aic = rss > 0 ? double(n) * std::log(rss / double(n)) + 2.0 * kParams
                    : -std::numeric_limits<double>::infinity();
    return f;
}

// Smallest x in [lo, hi] with g(x) >= 0 for g non-decreasing on [lo, hi] (g(lo) < 0 <= g(hi)).
template <typename G>
double firstCrossing(double lo, double hi, G g)
{
    for (int i = 0; i < 200 && hi - lo > 1e-7; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (g(mid) >= 0)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

} // namespace

TrendFit fitLinear(const std::vector<Point> &points)
{
    return fit(points, TrendModel::Linear);
}

TrendFit fitExponential(const std::vector<Point> &points)
{
    return fit(points, TrendModel::Exponential);
}

double normalQuantile(double p)
{
    if (!(p > 0 && p < 1))
        return kNaN;
    // P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
    // function" (2003).
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                               -2.759285104469687e+02, 1.383577518672690e+02,
                               -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                               -1.556989798598866e+02, 6.680131188771972e+01,
                               -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                               2.445134137142996e+00, 3.754408661907416e+00};
    constexpr double pLow = 0.02425;
    if (p < pLow || p > 1 - pLow) {
        const double q = std::sqrt(-2 * std::log(p < pLow ? p : 1 - p));
        const double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        return p < pLow ? x : -x;
    }
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

double studentTQuantile(double p, double dof)
{
    if (!(dof >= 1))
        return kNaN;
    const double z = normalQuantile(p);
    const double z2 = z * z, z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2;
    const double g1 = (z3 + z) / 4.0;
    const double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96.0;
    const double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384.0;
    const double g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160.0;
    return z + g1 / dof + g2 / (dof * dof) + g3 / (dof * dof * dof)
        + g4 / (dof * dof * dof * dof);
}

QString rulStatusName(RulStatus s)
{
    switch (s) {
    case RulStatus::Ok: return QStringLiteral("ok");
    case RulStatus::Crossed: return QStringLiteral("crossed");
    case RulStatus::BeyondHorizon: return QStringLiteral("beyond_horizon");
    case RulStatus::TooFewPoints: return QStringLiteral("too_few_points");
    case RulStatus::NotIncreasing: return QStringLiteral("not_increasing");
    case RulStatus::PoorFit: return QStringLiteral("poor_fit");
    }
    return {};
}

RulEstimate estimateRul(const std::vector<Point> &points, double threshold, TimestampMs now,
                        const RulOptions &options)
{
    RulEstimate r;
    r.threshold = threshold;
    r.now = now;
    const int minPoints = std::max(3, options.minPoints);
    if (!std::isfinite(threshold)) {
        r.status = RulStatus::TooFewPoints;
        r.reason = QStringLiteral("no threshold to predict");
        return r;
    }
    if (!points.empty() && points.back().v >= threshold) {
        r.status = RulStatus::Crossed;
        r.crossingMs = r.earlyMs = r.lateMs = now;
        r.reason = QStringLiteral("the latest value %1 is at or above the threshold %2")
                       .arg(points.back().v, 0, 'g', 4)
                       .arg(threshold, 0, 'g', 4);
        return r;
    }
    if (int(points.size()) < minPoints) {
        r.status = RulStatus::TooFewPoints;
        r.reason = QStringLiteral("insufficient data: %1 points, %2 needed")
                       .arg(points.size())
                       .arg(minPoints);
        return r;
    }
    r.linear = fitLinear(points);
    r.exponential = threshold > 0 ? fitExponential(points) : TrendFit{};
    if (r.linear.valid() && (!r.exponential.valid() || r.linear.aic <= r.exponential.aic))
        r.chosen = TrendModel::Linear;
    else if (r.exponential.valid())
        r.chosen = TrendModel::Exponential;
    if (r.chosen == TrendModel::None) {
        r.status = RulStatus::PoorFit;
        r.reason = QStringLiteral("insufficient data: no trend can be fitted");
        return r;
    }
    const TrendFit &f = r.fit();
    r.tq = studentTQuantile(0.5 + options.confidence / 2.0, f.n - 2);
    if (!(f.b > 0) || !(f.b >= r.tq * f.seB)) {
        r.status = RulStatus::NotIncreasing;
        r.reason = QStringLiteral("insufficient data: no significantly rising trend "
                                  "(slope %1 ± %2 per hour, %3 fit)")
                       .arg(f.b, 0, 'g', 3)
                       .arg(f.seB, 0, 'g', 2)
                       .arg(trendModelName(f.model));
        return r;
    }
    if (!(f.adjR2 >= options.minAdjR2)) {
        r.status = RulStatus::PoorFit;
        r.reason = QStringLiteral("insufficient data: the %1 trend explains too little "
                                  "(adjusted R² %2 < %3)")
                       .arg(trendModelName(f.model))
                       .arg(f.adjR2, 0, 'f', 2)
                       .arg(options.minAdjR2, 0, 'f', 2);
        return r;
    }
    const double thr = f.model == TrendModel::Exponential ? std::log(threshold) : threshold;
    const double xNow = std::max(f.x(now), f.xMean);
    const double xHorizon = f.x(now + options.horizonMs);
    const auto toMs = [&](double x) {
        return f.t0 + static_cast<TimestampMs>(std::llround(x * kMsPerHour));
    };
    const auto half = [&](double x) {
        const double dx = x - f.xMean;
        return r.tq * f.s * std::sqrt(1.0 / f.n + dx * dx / f.sxx);
    };
    const auto upper = [&](double x) { return f.a + f.b * x + half(x) - thr; };
    const auto lower = [&](double x) { return f.a + f.b * x - half(x) - thr; };

    r.crossingMs = std::max(now, toMs((thr - f.a) / f.b));
    if (r.crossingMs > now + options.horizonMs) {
        r.status = RulStatus::BeyondHorizon;
        r.reason = QStringLiteral("the %1 trend reaches %2 only after the %3-day horizon")
                       .arg(trendModelName(f.model))
                       .arg(threshold, 0, 'g', 4)
                       .arg(double(options.horizonMs) / 86'400'000.0, 0, 'f', 0);
        r.earlyMs = r.lateMs = r.crossingMs;
        return r;
    }
    r.earlyMs = upper(xNow) >= 0 ? now : toMs(firstCrossing(xNow, xHorizon, upper));
    if (lower(xHorizon) < 0) {
        r.lateBeyondHorizon = true;
        r.lateMs = now + options.horizonMs;
    } else {
        r.lateMs = lower(xNow) >= 0 ? now : toMs(firstCrossing(xNow, xHorizon, lower));
    }
    r.status = RulStatus::Ok;
    r.reason = QStringLiteral("%1 trend (adjusted R² %2) reaches %3 in %4 h (%5-%6 h, %7 % band)")
                   .arg(trendModelName(f.model))
                   .arg(f.adjR2, 0, 'f', 3)
                   .arg(threshold, 0, 'g', 4)
                   .arg(r.rulHours(), 0, 'f', 1)
                   .arg(r.rulLowHours(), 0, 'f', 1)
                   .arg(r.rulHighHours(), 0, 'f', 1)
                   .arg(options.confidence * 100.0, 0, 'f', 0);
    return r;
}

std::size_t degradationStart(const std::vector<Point> &points, int minPoints)
{
    const std::size_t n = points.size();
    const std::size_t need = std::size_t(std::max(3, minPoints));
    if (n <= need)
        return 0;
    double best = std::numeric_limits<double>::infinity();
    std::size_t bestK = 0;
    double sum = 0, sumSq = 0; // of the flat part points[0..k)
    for (std::size_t k = 0; k + need <= n; ++k) {
        if (k > 0) {
            sum += points[k - 1].v;
            sumSq += points[k - 1].v * points[k - 1].v;
        }
        const double flat = k > 0 ? sumSq - sum * sum / double(k) : 0.0;
        const std::vector<Point> tail(points.begin() + std::ptrdiff_t(k), points.end());
        for (const TrendFit &f : {fitLinear(tail), fitExponential(tail)}) {
            if (f.valid() && flat + f.rss < best) {
                best = flat + f.rss;
                bestK = k;
            }
        }
    }
    return bestK;
}

// ---- counters --------------------------------------------------------------------------------

double runHoursFromStateMinutes(const std::vector<RollupStat> &minutes,
                                const std::vector<int> &runningCodes)
{
    double seconds = 0;
    for (const RollupStat &m : minutes) {
        if (m.count <= 0)
            continue;
        const bool minR = isRunning(m.min, runningCodes), maxR = isRunning(m.max, runningCodes);
        const bool firstR = isRunning(m.first, runningCodes), lastR = isRunning(m.last, runningCodes);
        if (minR && maxR && firstR && lastR)
            seconds += 60.0;
        else if (minR || maxR || firstR || lastR)
            seconds += 30.0;
    }
    return seconds / 3600.0;
}

double counterIncrease(const std::vector<RollupStat> &rollups)
{
    double total = 0;
    double prevLast = kNaN;
    for (const RollupStat &r : rollups) {
        if (r.count <= 0 || !std::isfinite(r.first) || !std::isfinite(r.last))
            continue;
        if (std::isfinite(prevLast))
            total += r.first >= prevLast ? r.first - prevLast : r.first;
        const bool monotonic = r.min >= r.first - 1e-9 && r.max <= r.last + 1e-9;
        // A reset inside the period: up from first to the max, then from the min to last.
        total += monotonic ? r.last - r.first : (r.max - r.first) + (r.last - r.min);
        prevLast = r.last;
    }
    return total;
}

// ---- motor current ----------------------------------------------------------------------------

CurrentDeviation currentDeviation(const std::vector<CurrentMinute> &baseline,
                                  const std::vector<CurrentMinute> &recent)
{
    struct Acc
    {
        double sum = 0;
        int n = 0;
    };
    std::map<std::pair<int, int>, Acc> base, now;
    for (const CurrentMinute &m : baseline) {
        if (std::isfinite(m.amps)) {
            Acc &a = base[{m.state, m.product}];
            a.sum += m.amps;
            ++a.n;
        }
    }
    for (const CurrentMinute &m : recent) {
        if (std::isfinite(m.amps)) {
            Acc &a = now[{m.state, m.product}];
            a.sum += m.amps;
            ++a.n;
        }
    }
    CurrentDeviation d;
    double weighted = 0;
    for (const auto &[key, acc] : now) {
        const auto b = base.find(key);
        if (b == base.end())
            continue;
        const double baseMean = b->second.sum / b->second.n;
        if (!(std::abs(baseMean) > 1e-9))
            continue;
        const double recentMean = acc.sum / acc.n;
        weighted += acc.n * (recentMean - baseMean) / baseMean;
        d.recentMinutes += acc.n;
        d.baselineMinutes += b->second.n;
        ++d.groups;
    }
    if (d.recentMinutes > 0)
        d.pct = weighted / d.recentMinutes * 100.0;
    return d;
}

// ---- urgency ---------------------------------------------------------------------------------

double urgencyHours(const UrgencyInput &in)
{
    if (in.worst == Severity::Alarm || in.worst == Severity::Warning || in.serviceOverdue)
        return 0.0;
    double h = std::numeric_limits<double>::infinity();
    if (in.rulEarlyMs)
        h = std::min(h, std::max(0.0, double(*in.rulEarlyMs - in.now) / kMsPerHour));
    if (in.serviceDueMs)
        h = std::min(h, std::max(0.0, double(*in.serviceDueMs - in.now) / kMsPerHour));
    return h;
}

bool moreUrgent(const UrgencyInput &a, const UrgencyInput &b)
{
    const auto rank = [](const UrgencyInput &u) {
        if (u.worst == Severity::Alarm)
            return 0;
        if (u.worst == Severity::Warning || u.serviceOverdue)
            return 1;
        return 2;
    };
    if (rank(a) != rank(b))
        return rank(a) < rank(b);
    const double ha = urgencyHours(a), hb = urgencyHours(b);
    if (ha != hb)
        return ha < hb;
    // Lower health first; unknown health last.
    const double xa = std::isfinite(a.health) ? a.health : 1000.0;
    const double xb = std::isfinite(b.health) ? b.health : 1000.0;
    return xa < xb;
}

} // namespace andon::analytics::condition
