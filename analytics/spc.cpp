#include "analytics/spc.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include <QJsonArray>

namespace andon::analytics::spc {

namespace {

// Montgomery §6.2.1 (and ASTM E2587 §8.1.2): trial limits need 20 to 25 subgroups; fewer give
// limits whose own uncertainty hides real shifts.
constexpr int kMinBaselineSubgroups = 20;

// Run lengths of the rules (Nelson 1984; Western Electric 1956 pp. 25-28).
constexpr int kWeSameSideRun = 8; // WE4: 8 in a row on one side
constexpr int kNelsonSameSideRun = 9; // Nelson 2: 9 in a row on one side
constexpr int kNelsonTrendRun = 6; // Nelson 3: 6 in a row increasing or decreasing
constexpr int kNelsonAlternatingRun = 14; // Nelson 4: 14 in a row alternating up and down
constexpr int kNelsonZoneCRun = 15; // Nelson 7: 15 in a row within 1 sigma
constexpr int kNelsonOutsideCRun = 8; // Nelson 8: 8 in a row beyond 1 sigma, either side
// k-of-m zone rules (WE2 = Nelson 5, WE3 = Nelson 6).
constexpr int kZoneAWindow = 3, kZoneACount = 2; // 2 of 3 beyond 2 sigma, same side
constexpr double kZoneABoundary = 2.0;
constexpr int kZoneBWindow = 5, kZoneBCount = 4; // 4 of 5 beyond 1 sigma, same side
constexpr double kZoneBBoundary = 1.0;

// Moving ranges of span 2 (Montgomery §6.4: the usual choice for individuals).
constexpr int kMovingRangeSpan = 2;

const RuleInfo kRules[kRuleCount] = {
    { Rule::WE1, "WE1", "Western Electric", 1, "1 point beyond 3 sigma" },
    { Rule::WE2, "WE2", "Western Electric", 2, "2 of 3 points in a row beyond 2 sigma, same side" },
    { Rule::WE3, "WE3", "Western Electric", 3, "4 of 5 points in a row beyond 1 sigma, same side" },
    { Rule::WE4, "WE4", "Western Electric", 4, "8 points in a row on one side of the center" },
    { Rule::Nelson1, "N1", "Nelson", 1, "1 point beyond 3 sigma" },
    { Rule::Nelson2, "N2", "Nelson", 2, "9 points in a row on one side of the center" },
    { Rule::Nelson3, "N3", "Nelson", 3, "6 points in a row steadily increasing or decreasing" },
    { Rule::Nelson4, "N4", "Nelson", 4, "14 points in a row alternating up and down" },
    { Rule::Nelson5, "N5", "Nelson", 5, "2 of 3 points in a row beyond 2 sigma, same side" },
    { Rule::Nelson6, "N6", "Nelson", 6, "4 of 5 points in a row beyond 1 sigma, same side" },
    { Rule::Nelson7, "N7", "Nelson", 7, "15 points in a row within 1 sigma of the center" },
    { Rule::Nelson8, "N8", "Nelson", 8, "8 points in a row beyond 1 sigma, either side" },
    { Rule::BeyondLimit, "LIMIT", "Limit", 0, "point beyond the control limit" },
};

bool finite(double v)
{
    return std::isfinite(v);
}

QJsonValue number(double v)
{
    return finite(v) ? QJsonValue(v) : QJsonValue();
}

QJsonValue number(const std::optional<double> &v)
{
    return v ? number(*v) : QJsonValue();
}

double subgroupMean(const Subgroup &g)
{
    return mean(g.values);
}

double range(const std::vector<double> &v)
{
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return *hi - *lo;
}

int sizeOf(const Subgroup &g)
{
    return static_cast<int>(g.values.size());
}

// The value plotted on an individuals, EWMA or CUSUM chart: the subgroup mean.
std::vector<double> subgroupMeans(const std::vector<Subgroup> &groups)
{
    std::vector<double> out;
    out.reserve(groups.size());
    for (const Subgroup &g : groups)
        out.push_back(subgroupMean(g));
    return out;
}

// Moving ranges of span 2 of the subgroup means; NaN at the first point and where the
// partition changes (a range across a product change measures the change, not the process).
std::vector<double> movingRanges(const std::vector<Subgroup> &groups)
{
    std::vector<double> mr(groups.size(), kNaN);
    for (std::size_t i = 1; i < groups.size(); ++i) {
        if (groups[i].partition == groups[i - 1].partition)
            mr[i] = std::abs(subgroupMean(groups[i]) - subgroupMean(groups[i - 1]));
    }
    return mr;
}

double meanOfFinite(const std::vector<double> &v)
{
    double sum = 0.0;
    int n = 0;
    for (double x : v) {
        if (finite(x)) {
            sum += x;
            ++n;
        }
    }
    return n > 0 ? sum / n : kNaN;
}

// Within-subgroup sigma: the mean of R_i/d2(n_i) (or S_i/c4(n_i)) over subgroups with n >= 2.
// For equal sizes this is exactly R-bar/d2 (S-bar/c4) of Montgomery §6.2.1 / §6.3.1.
double withinSigma(const std::vector<Subgroup> &groups, bool useS)
{
    std::vector<double> parts;
    for (const Subgroup &g : groups) {
        const int n = sizeOf(g);
        if (n < kMinSubgroupSize)
            continue;
        const ChartConstants k = chartConstants(n);
        parts.push_back(useS ? sampleStdDev(g.values) / k.c4 : range(g.values) / k.d2);
    }
    return meanOfFinite(parts);
}

double movingRangeSigma(const std::vector<Subgroup> &groups)
{
    return meanOfFinite(movingRanges(groups)) / chartConstants(kMovingRangeSpan).d2;
}

double weightedMean(const std::vector<Subgroup> &groups)
{
    double sum = 0.0, n = 0.0;
    for (const Subgroup &g : groups) {
        for (double v : g.values) {
            sum += v;
            n += 1.0;
        }
    }
    return n > 0 ? sum / n : kNaN;
}

std::vector<double> allValues(const std::vector<Subgroup> &groups)
{
    std::vector<double> out;
    for (const Subgroup &g : groups)
        out.insert(out.end(), g.values.begin(), g.values.end());
    return out;
}

ChartSeries makeSeries(const QString &name, std::size_t n)
{
    ChartSeries s;
    s.name = name;
    s.values.assign(n, kNaN);
    s.center.assign(n, kNaN);
    s.ucl.assign(n, kNaN);
    s.lcl.assign(n, kNaN);
    s.sigma.assign(n, kNaN);
    return s;
}

void appendViolations(std::vector<Violation> *out, const ChartSeries &s, const RuleSet &rules)
{
    const std::vector<Violation> v
        = evaluateRules(s.values, s.center, s.ucl, s.lcl, s.sigma, rules, s.name);
    out->insert(out->end(), v.begin(), v.end());
}

RuleSet limitOnly()
{
    RuleSet r;
    r.add(Rule::BeyondLimit);
    return r;
}

// The single value of a per-point vector when every finite entry is equal, else NaN.
double constantValue(const std::vector<double> &v)
{
    double first = kNaN;
    for (double x : v) {
        if (!finite(x))
            continue;
        if (!finite(first))
            first = x;
        else if (std::abs(x - first) > 1e-12 * std::max(1.0, std::abs(first)))
            return kNaN;
    }
    return first;
}

QJsonObject seriesJson(const ChartSeries &s, const std::vector<Subgroup> &groups, bool attribute)
{
    QJsonArray points;
    for (std::size_t i = 0; i < s.values.size(); ++i) {
        QJsonObject p { { QStringLiteral("index"), static_cast<int>(i) },
            { QStringLiteral("value"), number(s.values[i]) },
            { QStringLiteral("center"), number(s.center[i]) },
            { QStringLiteral("ucl"), number(s.ucl[i]) },
            { QStringLiteral("lcl"), number(s.lcl[i]) } };
        if (i < groups.size()) {
            const Subgroup &g = groups[i];
            p.insert(QStringLiteral("subgroup"), g.label);
            p.insert(QStringLiteral("n"), sizeOf(g));
            if (attribute) {
                p.insert(QStringLiteral("count"), g.count);
                p.insert(QStringLiteral("size"), g.size);
            }
            if (g.firstMs != 0)
                p.insert(QStringLiteral("time"), formatTimestampUtc(g.firstMs));
        }
        points.append(p);
    }
    return QJsonObject { { QStringLiteral("name"), s.name },
        { QStringLiteral("center"), number(constantValue(s.center)) },
        { QStringLiteral("ucl"), number(constantValue(s.ucl)) },
        { QStringLiteral("lcl"), number(constantValue(s.lcl)) },
        { QStringLiteral("points"), points } };
}

QJsonObject indicesJson(const CapabilityIndices &c, const char *prefix)
{
    const QString p = QLatin1String(prefix);
    return QJsonObject { { p, number(c.c) }, { p + QStringLiteral("l"), number(c.lower) },
        { p + QStringLiteral("u"), number(c.upper) }, { p + QStringLiteral("k"), number(c.k) } };
}

} // namespace

// ---- Names -------------------------------------------------------------------------------

QString chartTypeName(ChartType type)
{
    switch (type) {
    case ChartType::XbarR:
        return QStringLiteral("xbar-r");
    case ChartType::XbarS:
        return QStringLiteral("xbar-s");
    case ChartType::IMR:
        return QStringLiteral("imr");
    case ChartType::Ewma:
        return QStringLiteral("ewma");
    case ChartType::Cusum:
        return QStringLiteral("cusum");
    case ChartType::P:
        return QStringLiteral("p");
    case ChartType::NP:
        return QStringLiteral("np");
    case ChartType::C:
        return QStringLiteral("c");
    case ChartType::U:
        return QStringLiteral("u");
    case ChartType::Median:
        return QStringLiteral("median");
    }
    return {};
}

std::optional<ChartType> parseChartType(const QString &name)
{
    for (ChartType t : { ChartType::XbarR, ChartType::XbarS, ChartType::IMR, ChartType::Ewma,
             ChartType::Cusum, ChartType::P, ChartType::NP, ChartType::C, ChartType::U,
             ChartType::Median }) {
        if (name.compare(chartTypeName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

bool isAttributeChart(ChartType type)
{
    return type == ChartType::P || type == ChartType::NP || type == ChartType::C
        || type == ChartType::U;
}

// ---- Statistics --------------------------------------------------------------------------

double mean(const std::vector<double> &values)
{
    if (values.empty())
        return kNaN;
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double median(std::vector<double> values)
{
    if (values.empty())
        return kNaN;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double quantileType6(const std::vector<double> &sorted, double p)
{
    const std::size_t n = sorted.size();
    if (n == 0 || !finite(p))
        return kNaN;
    const double h = (static_cast<double>(n) + 1.0) * std::clamp(p, 0.0, 1.0);
    if (h <= 1.0)
        return sorted.front();
    if (h >= static_cast<double>(n))
        return sorted.back();
    const double lower = std::floor(h);
    const std::size_t j = static_cast<std::size_t>(lower); // 1-based index of the lower one
    return sorted[j - 1] + (h - lower) * (sorted[j] - sorted[j - 1]);
}

BoxStats boxStats(std::vector<double> values)
{
    BoxStats b;
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !finite(v); }),
        values.end());
    b.n = static_cast<int>(values.size());
    if (values.empty())
        return b;
    std::sort(values.begin(), values.end());
    constexpr double kQ1 = 0.25, kQ2 = 0.5, kQ3 = 0.75;
    b.q1 = quantileType6(values, kQ1);
    b.median = quantileType6(values, kQ2);
    b.q3 = quantileType6(values, kQ3);
    const double iqr = b.q3 - b.q1;
    const double lowFence = b.q1 - kTukeyFence * iqr, highFence = b.q3 + kTukeyFence * iqr;
    for (double v : values) {
        if (v < lowFence || v > highFence) {
            b.outliers.push_back(v);
            continue;
        }
        if (!finite(b.lowerWhisker))
            b.lowerWhisker = v; // ascending: the first inside the fences is the lowest
        b.upperWhisker = v;
    }
    return b;
}

std::vector<ParetoItem> paretoRanking(const std::vector<std::pair<QString, double>> &counts)
{
    std::vector<ParetoItem> out;
    double total = 0.0;
    for (const auto &[name, count] : counts) {
        ParetoItem item;
        item.name = name;
        item.count = finite(count) && count > 0 ? count : 0.0;
        total += item.count;
        out.push_back(item);
    }
    std::stable_sort(out.begin(), out.end(), [](const ParetoItem &a, const ParetoItem &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.name < b.name;
    });
    double cumulative = 0.0;
    for (ParetoItem &item : out) {
        cumulative += item.count;
        if (total > 0) {
            item.percent = 100.0 * item.count / total;
            item.cumulativePercent = 100.0 * cumulative / total;
        }
    }
    return out;
}

WelchTest welchTest(const std::vector<double> &group1, const std::vector<double> &group2)
{
    WelchTest w;
    w.n1 = static_cast<int>(group1.size());
    w.n2 = static_cast<int>(group2.size());
    w.mean1 = mean(group1);
    w.mean2 = mean(group2);
    w.sd1 = sampleStdDev(group1);
    w.sd2 = sampleStdDev(group2);
    w.difference = w.mean1 - w.mean2;
    if (w.n1 < 2 || w.n2 < 2)
        return w;
    const double v1 = w.sd1 * w.sd1 / w.n1, v2 = w.sd2 * w.sd2 / w.n2;
    const double se = std::sqrt(v1 + v2);
    if (se > 0) {
        w.t = w.difference / se;
        w.df = (v1 + v2) * (v1 + v2)
            / (v1 * v1 / (w.n1 - 1) + v2 * v2 / (w.n2 - 1));
    } else {
        w.t = w.difference == 0 ? 0.0
                                : std::copysign(std::numeric_limits<double>::infinity(),
                                      w.difference);
    }
    const double pooled = std::sqrt(((w.n1 - 1) * w.sd1 * w.sd1 + (w.n2 - 1) * w.sd2 * w.sd2)
        / (w.n1 + w.n2 - 2));
    if (pooled > 0)
        w.cohenD = w.difference / pooled;
    return w;
}

double sampleStdDev(const std::vector<double> &values)
{
    if (values.size() < 2)
        return kNaN;
    const double m = mean(values);
    double ss = 0.0;
    for (double v : values)
        ss += (v - m) * (v - m);
    return std::sqrt(ss / static_cast<double>(values.size() - 1));
}

// ---- Subgroups ---------------------------------------------------------------------------

std::vector<Subgroup> formSubgroups(
    const std::vector<Measurement> &data, const SubgroupOptions &options, QStringList *warnings)
{
    std::vector<Subgroup> out;
    Subgroup cur;
    bool open = false;
    std::int64_t bucket = 0;
    const int size = std::max(1, options.size);
    const auto close = [&] {
        if (!open)
            return;
        open = false;
        if (options.mode == SubgroupMode::Consecutive && sizeOf(cur) < size) {
            if (warnings)
                *warnings << QStringLiteral("measurements %1-%2 form an incomplete subgroup "
                                            "(%3 of %4 values): left out")
                                 .arg(cur.firstRow + 1)
                                 .arg(cur.firstRow + sizeOf(cur))
                                 .arg(sizeOf(cur))
                                 .arg(size);
            return;
        }
        if (cur.label.isEmpty())
            cur.label = QString::number(out.size() + 1);
        out.push_back(std::move(cur));
    };
    for (std::size_t i = 0; i < data.size(); ++i) {
        const Measurement &m = data[i];
        bool start = !open || m.partition != cur.partition;
        std::int64_t b = 0;
        switch (options.mode) {
        case SubgroupMode::Consecutive:
            start = start || sizeOf(cur) >= size;
            break;
        case SubgroupMode::TimeWindow:
            if (options.windowMs > 0) {
                // Floor division, so times before the epoch bucket correctly too.
                b = m.t / options.windowMs - ((m.t % options.windowMs < 0) ? 1 : 0);
                start = start || b != bucket;
            }
            break;
        case SubgroupMode::Label:
            start = start || m.subgroup != cur.label;
            break;
        }
        if (start) {
            close();
            cur = Subgroup {};
            cur.partition = m.partition;
            cur.firstRow = static_cast<int>(i);
            cur.firstMs = m.t;
            if (options.mode == SubgroupMode::Label)
                cur.label = m.subgroup;
            else if (options.mode == SubgroupMode::TimeWindow && options.windowMs > 0)
                cur.label = formatTimestampUtc(b * options.windowMs);
            bucket = b;
            open = true;
        }
        cur.values.push_back(m.value);
        cur.count += m.value;
        cur.size += m.size;
        cur.lastMs = m.t;
    }
    close();
    return out;
}

// ---- Rules -------------------------------------------------------------------------------

const RuleInfo &ruleInfo(Rule rule)
{
    return kRules[static_cast<int>(rule)];
}

RuleSet RuleSet::westernElectric()
{
    RuleSet r;
    for (Rule x : { Rule::WE1, Rule::WE2, Rule::WE3, Rule::WE4 })
        r.add(x);
    return r;
}

RuleSet RuleSet::nelson()
{
    RuleSet r;
    for (int i = static_cast<int>(Rule::Nelson1); i <= static_cast<int>(Rule::Nelson8); ++i)
        r.add(static_cast<Rule>(i));
    return r;
}

std::vector<Rule> RuleSet::rules() const
{
    std::vector<Rule> out;
    for (int i = 0; i < kRuleCount; ++i) {
        if (has(static_cast<Rule>(i)))
            out.push_back(static_cast<Rule>(i));
    }
    return out;
}

std::optional<RuleSet> parseRuleSet(const QString &text, QString *error)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("nelson"))
        return RuleSet::nelson();
    if (t == QLatin1String("we") || t == QLatin1String("western-electric"))
        return RuleSet::westernElectric();
    if (t == QLatin1String("none"))
        return RuleSet {};
    RuleSet set;
    for (const QString &raw : t.split(QLatin1Char(','))) {
        const QString item = raw.trimmed();
        QString digits = item;
        int first = static_cast<int>(Rule::Nelson1), count = 8;
        if (item.startsWith(QLatin1String("we"))) {
            digits = item.mid(2);
            first = static_cast<int>(Rule::WE1);
            count = 4;
        } else if (item.startsWith(QLatin1Char('n'))) {
            digits = item.mid(1);
        }
        bool ok = false;
        const int number = digits.toInt(&ok);
        if (!ok || number < 1 || number > count) {
            if (error)
                *error = QStringLiteral("unknown rule '%1' (use nelson, we, none, or a list "
                                        "such as 1,2,5 / n1,n5 / we1,we4)")
                             .arg(raw.trimmed());
            return std::nullopt;
        }
        set.add(static_cast<Rule>(first + number - 1));
    }
    return set;
}

std::vector<Violation> evaluateRules(const std::vector<double> &values,
    const std::vector<double> &center, const std::vector<double> &ucl,
    const std::vector<double> &lcl, const std::vector<double> &sigma, const RuleSet &rules,
    const QString &series)
{
    std::vector<Violation> out;
    const int n = static_cast<int>(values.size());
    if (center.size() != values.size() || ucl.size() != values.size() || lcl.size() != values.size()
        || sigma.size() != values.size())
        return out;
    const auto at
        = [](const std::vector<double> &v, int i) { return v[static_cast<std::size_t>(i)]; };
    // Position in sigma units; NaN when the value or its zone is unknown.
    const auto z = [&](int i) {
        const double s = at(sigma, i);
        if (!finite(at(values, i)) || !finite(at(center, i)) || !(s > 0))
            return kNaN;
        return (at(values, i) - at(center, i)) / s;
    };
    const auto side = [&](int i) {
        const double d = at(values, i) - at(center, i);
        return d > 0 ? 1 : (d < 0 ? -1 : 0);
    };
    const auto window = [](int end, int len) {
        std::vector<int> w;
        for (int j = end - len + 1; j <= end; ++j)
            w.push_back(j);
        return w;
    };
    const auto allFinite = [&](int end, int len, bool needZ) {
        if (end + 1 < len)
            return false;
        for (int j = end - len + 1; j <= end; ++j) {
            if (!finite(at(values, j)) || !finite(at(center, j)) || (needZ && !finite(z(j))))
                return false;
        }
        return true;
    };
    const auto report = [&](Rule r, int i, std::vector<int> points) {
        out.push_back(Violation { r, i, std::move(points), series });
    };
    const auto sameSideRun = [&](Rule r, int i, int len) {
        if (!allFinite(i, len, false))
            return;
        const int s = side(i);
        if (s == 0)
            return;
        for (int j = i - len + 1; j <= i; ++j) {
            if (side(j) != s)
                return;
        }
        report(r, i, window(i, len));
    };
    // k of the last m points beyond `boundary` sigma on one side, the last point among them.
    const auto kOfM = [&](Rule r, int i, int m, int k, double boundary) {
        if (!allFinite(i, m, true))
            return;
        for (int s : { 1, -1 }) {
            if (!(s * z(i) > boundary))
                continue;
            std::vector<int> pts;
            for (int j = i - m + 1; j <= i; ++j) {
                if (s * z(j) > boundary)
                    pts.push_back(j);
            }
            if (static_cast<int>(pts.size()) >= k)
                report(r, i, std::move(pts));
        }
    };
    const auto zoneRun = [&](Rule r, int i, int len, bool inside) {
        if (!allFinite(i, len, true))
            return;
        for (int j = i - len + 1; j <= i; ++j) {
            const double a = std::abs(z(j));
            if (inside ? !(a < kZoneBBoundary) : !(a > kZoneBBoundary))
                return;
        }
        report(r, i, window(i, len));
    };

    const std::vector<Rule> selected = rules.rules();
    for (int i = 0; i < n; ++i) {
        for (Rule r : selected) {
            switch (r) {
            case Rule::WE1:
            case Rule::Nelson1:
            case Rule::BeyondLimit: {
                const double v = at(values, i);
                if (finite(v)
                    && ((finite(at(ucl, i)) && v > at(ucl, i))
                        || (finite(at(lcl, i)) && v < at(lcl, i))))
                    report(r, i, { i });
                break;
            }
            case Rule::WE4:
                sameSideRun(r, i, kWeSameSideRun);
                break;
            case Rule::Nelson2:
                sameSideRun(r, i, kNelsonSameSideRun);
                break;
            case Rule::Nelson3: {
                if (!allFinite(i, kNelsonTrendRun, false))
                    break;
                int up = 0, down = 0;
                for (int j = i - kNelsonTrendRun + 2; j <= i; ++j) {
                    const double d = at(values, j) - at(values, j - 1);
                    up += d > 0 ? 1 : 0;
                    down += d < 0 ? 1 : 0;
                }
                if (up == kNelsonTrendRun - 1 || down == kNelsonTrendRun - 1)
                    report(r, i, window(i, kNelsonTrendRun));
                break;
            }
            case Rule::Nelson4: {
                if (!allFinite(i, kNelsonAlternatingRun, false))
                    break;
                bool alternating = true;
                double previous = 0.0;
                for (int j = i - kNelsonAlternatingRun + 2; j <= i && alternating; ++j) {
                    const double d = at(values, j) - at(values, j - 1);
                    if (d == 0.0 || (previous != 0.0 && (d > 0) == (previous > 0)))
                        alternating = false;
                    previous = d;
                }
                if (alternating)
                    report(r, i, window(i, kNelsonAlternatingRun));
                break;
            }
            case Rule::WE2:
            case Rule::Nelson5:
                kOfM(r, i, kZoneAWindow, kZoneACount, kZoneABoundary);
                break;
            case Rule::WE3:
            case Rule::Nelson6:
                kOfM(r, i, kZoneBWindow, kZoneBCount, kZoneBBoundary);
                break;
            case Rule::Nelson7:
                zoneRun(r, i, kNelsonZoneCRun, true);
                break;
            case Rule::Nelson8:
                zoneRun(r, i, kNelsonOutsideCRun, false);
                break;
            }
        }
    }
    return out;
}

// ---- Limits ------------------------------------------------------------------------------

QJsonObject ControlLimits::toJson() const
{
    QJsonObject o { { QStringLiteral("chart"), chartTypeName(chart) },
        { QStringLiteral("center"), number(center) }, { QStringLiteral("sigma"), number(sigma) },
        { QStringLiteral("subgroup_size"), subgroupSize },
        { QStringLiteral("sigma_multiplier"), sigmaMultiplier },
        { QStringLiteral("baseline_first"), baselineFirst },
        { QStringLiteral("baseline_count"), baselineCount }, { QStringLiteral("version"), version },
        { QStringLiteral("frozen_by"), frozenBy },
        { QStringLiteral("frozen_at"),
            frozenAtMs != 0 ? QJsonValue(formatTimestampUtc(frozenAtMs)) : QJsonValue() },
        { QStringLiteral("reason"), reason } };
    if (chart == ChartType::Ewma)
        o.insert(QStringLiteral("lambda"), lambda);
    if (chart == ChartType::Cusum) {
        o.insert(QStringLiteral("k"), k);
        o.insert(QStringLiteral("h"), h);
    }
    return o;
}

std::optional<ControlLimits> ControlLimits::fromJson(const QJsonObject &json, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<ControlLimits> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    ControlLimits l;
    const std::optional<ChartType> type
        = parseChartType(json.value(QStringLiteral("chart")).toString());
    if (!type)
        return fail(QStringLiteral("control limits: 'chart' missing or unknown"));
    l.chart = *type;
    if (!json.value(QStringLiteral("center")).isDouble())
        return fail(QStringLiteral("control limits: 'center' must be a number"));
    l.center = json.value(QStringLiteral("center")).toDouble();
    struct NumberField
    {
        const char *key;
        double *target;
    };
    const QJsonValue sigmaValue = json.value(QStringLiteral("sigma"));
    if (sigmaValue.isDouble())
        l.sigma = sigmaValue.toDouble();
    else if (!sigmaValue.isNull() && !sigmaValue.isUndefined())
        return fail(QStringLiteral("control limits: 'sigma' must be a number or null"));
    for (const NumberField &f : { NumberField { "sigma_multiplier", &l.sigmaMultiplier },
             NumberField { "lambda", &l.lambda }, NumberField { "k", &l.k },
             NumberField { "h", &l.h } }) {
        const QJsonValue v = json.value(QLatin1String(f.key));
        if (v.isUndefined())
            continue;
        if (!v.isDouble())
            return fail(
                QStringLiteral("control limits: '%1' must be a number").arg(QLatin1String(f.key)));
        *f.target = v.toDouble();
    }
    struct IntField
    {
        const char *key;
        int *target;
    };
    for (const IntField &f :
        { IntField { "subgroup_size", &l.subgroupSize },
            IntField { "baseline_first", &l.baselineFirst },
            IntField { "baseline_count", &l.baselineCount }, IntField { "version", &l.version } }) {
        const QJsonValue v = json.value(QLatin1String(f.key));
        if (v.isUndefined())
            continue;
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
            return fail(QStringLiteral("control limits: '%1' must be an integer")
                            .arg(QLatin1String(f.key)));
        *f.target = v.toInt();
    }
    l.frozenBy = json.value(QStringLiteral("frozen_by")).toString();
    l.reason = json.value(QStringLiteral("reason")).toString();
    const QJsonValue at = json.value(QStringLiteral("frozen_at"));
    if (at.isString()) {
        if (!parseTimestamp(at.toString(), &l.frozenAtMs))
            return fail(QStringLiteral("control limits: 'frozen_at' is not an ISO-8601 time"));
    } else if (!at.isNull() && !at.isUndefined()) {
        return fail(QStringLiteral("control limits: 'frozen_at' must be a string or null"));
    }
    return l;
}

std::optional<ControlLimits> estimateLimits(ChartType type, const std::vector<Subgroup> &subgroups,
    const ChartOptions &options, QString *error, QStringList *warnings)
{
    const auto fail = [error](const QString &why) -> std::optional<ControlLimits> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const int total = static_cast<int>(subgroups.size());
    const int first = std::clamp(options.baselineFirst, 0, total);
    const int count = options.baselineCount > 0 ? std::min(options.baselineCount, total - first)
                                                : total - first;
    if (count <= 0)
        return fail(QStringLiteral("no subgroups in the baseline (%1 subgroups, baseline starts "
                                   "at %2)")
                        .arg(total)
                        .arg(first + 1));
    const std::vector<Subgroup> base(subgroups.begin() + first, subgroups.begin() + first + count);

    ControlLimits l;
    l.chart = type;
    l.baselineFirst = first;
    l.baselineCount = count;
    l.sigmaMultiplier = options.sigmaMultiplier;
    l.lambda = options.lambda;
    l.k = options.k;
    l.h = options.h;
    l.subgroupSize = sizeOf(base.front());
    if (!(options.sigmaMultiplier > 0))
        return fail(QStringLiteral("the sigma multiplier L must be > 0"));
    const bool givenTargetAndSigma = options.target && options.sigma;
    if (warnings && count < kMinBaselineSubgroups && !givenTargetAndSigma)
        *warnings << QStringLiteral("the baseline has %1 subgroups; 20-25 are recommended for "
                                    "trial limits (Montgomery §6.2.1)")
                         .arg(count);

    switch (type) {
    case ChartType::XbarR:
    case ChartType::XbarS: {
        int usable = 0;
        for (const Subgroup &g : base)
            usable += sizeOf(g) >= kMinSubgroupSize ? 1 : 0;
        if (usable == 0)
            return fail(QStringLiteral("%1 needs subgroups of at least 2 values (use --subgroup "
                                       "N or a subgroup column)")
                            .arg(chartTypeName(type)));
        l.center = weightedMean(base);
        l.sigma = withinSigma(base, type == ChartType::XbarS);
        break;
    }
    case ChartType::Median: {
        // AIAG SPC manual (2nd ed., 2005) median chart: center X~-bar = the mean of the subgroup
        // medians, sigma from R-bar/d2 as for the X-bar-R chart.
        std::vector<double> medians;
        for (const Subgroup &g : base) {
            if (sizeOf(g) >= kMinSubgroupSize)
                medians.push_back(median(g.values));
        }
        if (medians.empty())
            return fail(QStringLiteral("median needs subgroups of at least 2 values (use "
                                       "--subgroup N or a subgroup column)"));
        l.center = mean(medians);
        l.sigma = withinSigma(base, false);
        break;
    }
    case ChartType::IMR:
        if (count < kMovingRangeSpan)
            return fail(QStringLiteral("imr needs at least 2 individual values"));
        l.subgroupSize = 1;
        l.center = mean(subgroupMeans(base));
        l.sigma = movingRangeSigma(base);
        break;
    case ChartType::Ewma:
    case ChartType::Cusum: {
        if (type == ChartType::Ewma && !(options.lambda > 0 && options.lambda <= 1))
            return fail(QStringLiteral("lambda must be in (0, 1]"));
        if (type == ChartType::Cusum && !(options.k >= 0 && options.h > 0))
            return fail(QStringLiteral("CUSUM needs k >= 0 and h > 0"));
        l.center = options.target ? *options.target : weightedMean(base);
        if (options.sigma) {
            l.sigma = *options.sigma;
        } else if (options.sigmaEstimate == SigmaEstimate::Overall) {
            l.sigma = sampleStdDev(allValues(base));
        } else {
            bool grouped = false;
            for (const Subgroup &g : base)
                grouped = grouped || sizeOf(g) >= kMinSubgroupSize;
            l.sigma = grouped ? withinSigma(base, false) : movingRangeSigma(base);
        }
        break;
    }
    case ChartType::P:
    case ChartType::U: {
        double defects = 0.0, size = 0.0;
        for (const Subgroup &g : base) {
            defects += g.count;
            size += g.size;
        }
        if (!(size > 0))
            return fail(
                QStringLiteral("%1 chart: the sample sizes add up to 0").arg(chartTypeName(type)));
        l.center = defects / size;
        l.subgroupSize = static_cast<int>(std::lround(size / count));
        if (type == ChartType::P && l.center > 1.0)
            return fail(QStringLiteral("p chart: more defectives than units inspected"));
        break;
    }
    case ChartType::NP: {
        double defects = 0.0;
        for (const Subgroup &g : base) {
            if (g.size != base.front().size)
                return fail(QStringLiteral("np chart needs a constant sample size (subgroup %1 "
                                           "has %2, the first %3): use the p chart")
                                .arg(g.label)
                                .arg(g.size)
                                .arg(base.front().size));
            defects += g.count;
        }
        l.subgroupSize = static_cast<int>(std::lround(base.front().size));
        if (l.subgroupSize < 1)
            return fail(QStringLiteral("np chart needs a sample size >= 1"));
        l.center = defects / count;
        break;
    }
    case ChartType::C: {
        double defects = 0.0;
        for (const Subgroup &g : base)
            defects += g.count;
        l.center = defects / count;
        l.subgroupSize = 1;
        break;
    }
    }
    if (!finite(l.center))
        return fail(QStringLiteral("the baseline gives no center line"));
    if (!isAttributeChart(type) && !(l.sigma > 0))
        return fail(QStringLiteral("the baseline has no spread (sigma = 0): limits undefined"));
    return l;
}

// ---- Charts ------------------------------------------------------------------------------

ChartResult computeChart(ChartType type, const std::vector<Subgroup> &subgroups,
    const ControlLimits &limits, const RuleSet &rules)
{
    ChartResult r;
    r.type = type;
    r.limits = limits;
    r.subgroups = subgroups;
    const std::size_t n = subgroups.size();
    const double L = limits.sigmaMultiplier;
    const double c = limits.center;
    const double sigma = limits.sigma;
    int skipped = 0;

    switch (type) {
    case ChartType::XbarR:
    case ChartType::XbarS:
    case ChartType::Median: {
        const bool useS = type == ChartType::XbarS;
        const bool useMedian = type == ChartType::Median;
        r.primary = makeSeries(useMedian ? QStringLiteral("median") : QStringLiteral("xbar"), n);
        ChartSeries spread = makeSeries(useS ? QStringLiteral("s") : QStringLiteral("r"), n);
        for (std::size_t i = 0; i < n; ++i) {
            const Subgroup &g = subgroups[i];
            const int size = sizeOf(g);
            if (size < kMinSubgroupSize) {
                ++skipped;
                continue;
            }
            const ChartConstants k = chartConstants(size);
            // Median chart: the standard error of a subgroup median is medianSd(n) sigma; for
            // L = 3 and constant n the limits are X~-bar +- A2~ R-bar (AIAG SPC manual App. E).
            const double se = useMedian ? k.medianSd * sigma
                                        : sigma / std::sqrt(static_cast<double>(size));
            r.primary.values[i] = useMedian ? median(g.values) : subgroupMean(g);
            r.primary.center[i] = c;
            r.primary.ucl[i] = c + L * se;
            r.primary.lcl[i] = c - L * se;
            r.primary.sigma[i] = se;
            // Center and spread of R (d2, d3) or S (c4, sqrt(1 - c4^2)) for this n:
            // for L = 3 the limits are D3/D4 x R-bar and B3/B4 x S-bar (Montgomery §6.2, §6.3).
            const double mid = useS ? k.c4 : k.d2;
            const double sd = useS ? std::sqrt(1.0 - k.c4 * k.c4) : k.d3;
            spread.values[i] = useS ? sampleStdDev(g.values) : range(g.values);
            spread.center[i] = mid * sigma;
            spread.ucl[i] = (mid + L * sd) * sigma;
            spread.lcl[i] = std::max(0.0, (mid - L * sd) * sigma);
            spread.sigma[i] = sd * sigma;
        }
        r.secondary = std::move(spread);
        if (skipped > 0)
            r.warnings << QStringLiteral("%1 subgroups with fewer than 2 values are not plotted")
                              .arg(skipped);
        break;
    }
    case ChartType::IMR: {
        r.primary = makeSeries(QStringLiteral("x"), n);
        ChartSeries mr = makeSeries(QStringLiteral("mr"), n);
        const std::vector<double> ranges = movingRanges(subgroups);
        const ChartConstants k = chartConstants(kMovingRangeSpan);
        for (std::size_t i = 0; i < n; ++i) {
            r.primary.values[i] = subgroupMean(subgroups[i]);
            r.primary.center[i] = c;
            r.primary.ucl[i] = c + L * sigma;
            r.primary.lcl[i] = c - L * sigma;
            r.primary.sigma[i] = sigma;
            mr.values[i] = ranges[i];
            mr.center[i] = k.d2 * sigma;
            mr.ucl[i] = (k.d2 + L * k.d3) * sigma;
            mr.lcl[i] = std::max(0.0, (k.d2 - L * k.d3) * sigma);
            mr.sigma[i] = k.d3 * sigma;
        }
        r.secondary = std::move(mr);
        break;
    }
    case ChartType::Ewma: {
        // z_i = lambda x_i + (1 - lambda) z_{i-1}, z_0 = mu0; Var(z_i) by the same recursion,
        // v_i = (1-lambda)^2 v_{i-1} + lambda^2 sigma^2/n_i, which for constant n is the exact
        // sigma^2/n lambda/(2-lambda) [1 - (1-lambda)^(2i)] of NIST §6.3.2.4 / Montgomery
        // eq. 9.24, and stays exact when subgroup sizes vary.
        r.primary = makeSeries(QStringLiteral("ewma"), n);
        const double lambda = limits.lambda;
        double zPrev = c, v = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const Subgroup &g = subgroups[i];
            const double x = subgroupMean(g);
            const double var = sigma * sigma / std::max(1, sizeOf(g));
            v = (1.0 - lambda) * (1.0 - lambda) * v + lambda * lambda * var;
            const double zi = lambda * x + (1.0 - lambda) * zPrev;
            zPrev = zi;
            const double se = std::sqrt(v);
            r.primary.values[i] = zi;
            r.primary.center[i] = c;
            r.primary.ucl[i] = c + L * se;
            r.primary.lcl[i] = c - L * se;
            r.primary.sigma[i] = se;
        }
        break;
    }
    case ChartType::Cusum: {
        // Tabular CUSUM (Montgomery §9.1.2, NIST §6.3.2.3): C+_i = max(0, x_i - (mu0 + K) +
        // C+_{i-1}), C-_i = max(0, (mu0 - K) - x_i + C-_{i-1}), K = k sigma_x, H = h sigma_x.
        r.primary = makeSeries(QStringLiteral("c+"), n);
        ChartSeries lower = makeSeries(QStringLiteral("c-"), n);
        double hi = 0.0, lo = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const Subgroup &g = subgroups[i];
            const double x = subgroupMean(g);
            const double se = sigma / std::sqrt(static_cast<double>(std::max(1, sizeOf(g))));
            const double K = limits.k * se, H = limits.h * se;
            hi = std::max(0.0, x - (c + K) + hi);
            lo = std::max(0.0, (c - K) - x + lo);
            for (ChartSeries *s : { &r.primary, &lower }) {
                s->values[i] = s == &r.primary ? hi : lo;
                s->center[i] = 0.0;
                s->ucl[i] = H;
                s->sigma[i] = se;
            }
        }
        r.secondary = std::move(lower);
        break;
    }
    case ChartType::P:
    case ChartType::NP:
    case ChartType::C:
    case ChartType::U: {
        r.primary = makeSeries(chartTypeName(type), n);
        const double pBar = type == ChartType::NP ? c / std::max(1, limits.subgroupSize) : c;
        for (std::size_t i = 0; i < n; ++i) {
            const Subgroup &g = subgroups[i];
            double value = kNaN, center = c, se = kNaN;
            switch (type) {
            case ChartType::P: // p-bar +- 3 sqrt(p-bar (1 - p-bar) / n_i)  (NIST §6.3.3.2)
                if (g.size > 0) {
                    value = g.count / g.size;
                    se = std::sqrt(pBar * (1.0 - pBar) / g.size);
                }
                break;
            case ChartType::NP: // n p-bar +- 3 sqrt(n p-bar (1 - p-bar))  (Montgomery §7.2.1)
                value = g.count;
                se = std::sqrt(c * (1.0 - pBar));
                if (g.size != limits.subgroupSize)
                    ++skipped;
                break;
            case ChartType::C: // c-bar +- 3 sqrt(c-bar)  (NIST §6.3.3.1)
                value = g.count;
                se = std::sqrt(c);
                break;
            default: // u: u-bar +- 3 sqrt(u-bar / n_i)  (Montgomery §7.3.1)
                if (g.size > 0) {
                    value = g.count / g.size;
                    se = std::sqrt(c / g.size);
                }
                break;
            }
            r.primary.values[i] = value;
            r.primary.center[i] = center;
            if (finite(se)) {
                r.primary.ucl[i] = center + L * se;
                if (type == ChartType::P)
                    r.primary.ucl[i] = std::min(1.0, r.primary.ucl[i]);
                r.primary.lcl[i] = std::max(0.0, center - L * se);
                r.primary.sigma[i] = se;
            }
        }
        if (skipped > 0)
            r.warnings << QStringLiteral("%1 samples differ from the np chart's sample size %2: "
                                         "use the p chart")
                              .arg(skipped)
                              .arg(limits.subgroupSize);
        break;
    }
    }

    const bool shewhart = type != ChartType::Ewma && type != ChartType::Cusum;
    appendViolations(&r.violations, r.primary, shewhart ? rules : limitOnly());
    if (r.secondary)
        appendViolations(&r.violations, *r.secondary, limitOnly());
    std::stable_sort(
        r.violations.begin(), r.violations.end(), [](const Violation &a, const Violation &b) {
            if (a.point != b.point)
                return a.point < b.point;
            return static_cast<int>(a.rule) < static_cast<int>(b.rule);
        });
    return r;
}

std::optional<ChartResult> analyse(ChartType type, const std::vector<Subgroup> &subgroups,
    const ChartOptions &options, QString *error)
{
    QStringList warnings;
    const std::optional<ControlLimits> limits
        = estimateLimits(type, subgroups, options, error, &warnings);
    if (!limits)
        return std::nullopt;
    ChartResult r = computeChart(type, subgroups, *limits, options.rules);
    r.warnings = warnings + r.warnings;
    return r;
}

QJsonObject toJson(const ChartResult &result)
{
    const bool attribute = isAttributeChart(result.type);
    QJsonArray series { seriesJson(result.primary, result.subgroups, attribute) };
    if (result.secondary)
        series.append(seriesJson(*result.secondary, result.subgroups, attribute));
    QJsonArray violations;
    for (const Violation &v : result.violations) {
        const RuleInfo &info = ruleInfo(v.rule);
        QJsonArray points;
        for (int p : v.points)
            points.append(p);
        violations.append(QJsonObject { { QStringLiteral("rule"), QLatin1String(info.id) },
            { QStringLiteral("family"), QLatin1String(info.family) },
            { QStringLiteral("number"), info.number },
            { QStringLiteral("text"), QLatin1String(info.text) },
            { QStringLiteral("series"), v.series }, { QStringLiteral("point"), v.point },
            { QStringLiteral("points"), points } });
    }
    return QJsonObject { { QStringLiteral("chart"), chartTypeName(result.type) },
        { QStringLiteral("limits"), result.limits.toJson() },
        { QStringLiteral("subgroups"), static_cast<int>(result.subgroups.size()) },
        { QStringLiteral("series"), series }, { QStringLiteral("violations"), violations },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings) } };
}

// ---- Capability --------------------------------------------------------------------------

CapabilityIndices capabilityIndices(double mean, double sigma, const SpecLimits &spec)
{
    CapabilityIndices c;
    if (!(sigma > 0) || !finite(mean))
        return c;
    const bool lsl = finite(spec.lsl), usl = finite(spec.usl);
    if (lsl && usl)
        c.c = (spec.usl - spec.lsl) / (2.0 * kShewhartSigmaMultiplier * sigma);
    if (lsl)
        c.lower = (mean - spec.lsl) / (kShewhartSigmaMultiplier * sigma);
    if (usl)
        c.upper = (spec.usl - mean) / (kShewhartSigmaMultiplier * sigma);
    if (c.lower && c.upper)
        c.k = std::min(*c.lower, *c.upper);
    else if (c.lower)
        c.k = c.lower;
    else if (c.upper)
        c.k = c.upper;
    return c;
}

double andersonDarlingPValue(double a2Star)
{
    // D'Agostino & Stephens (1986), Table 4.9: piecewise fits of the case-3 null distribution.
    struct Piece
    {
        double from;
        bool complement; // p = 1 - exp(...) below 0.34
        double b0, b1, b2;
    };
    static constexpr Piece kPieces[] = {
        { 0.6, false, 1.2937, -5.709, 0.0186 },
        { 0.34, false, 0.9177, -4.279, -1.38 },
        { 0.2, true, -8.318, 42.796, -59.938 },
        { -1.0, true, -13.436, 101.14, -223.73 },
    };
    // Past the vertex of the first quadratic (about 153) the fit would turn back up; the
    // p-value there is far below any double anyway.
    constexpr double kFitEnd = 153.0;
    if (!finite(a2Star))
        return kNaN;
    if (a2Star >= kFitEnd)
        return 0.0;
    for (const Piece &p : kPieces) {
        if (a2Star >= p.from) {
            const double e = std::exp(p.b0 + p.b1 * a2Star + p.b2 * a2Star * a2Star);
            return std::clamp(p.complement ? 1.0 - e : e, 0.0, 1.0);
        }
    }
    return 1.0;
}

NormalityTest andersonDarlingNormal(std::vector<double> values)
{
    NormalityTest t;
    t.n = static_cast<int>(values.size());
    if (t.n < kAndersonDarlingMinN)
        return t;
    const double m = mean(values);
    const double s = sampleStdDev(values);
    if (!(s > 0))
        return t;
    std::sort(values.begin(), values.end());
    // ln Phi(y) and ln(1 - Phi(y)) through erfc, which keeps precision in the tails.
    const auto logCdf = [](double y) {
        return std::log(std::max(
            0.5 * std::erfc(-y / std::numbers::sqrt2), std::numeric_limits<double>::min()));
    };
    const auto logSf = [](double y) {
        return std::log(
            std::max(0.5 * std::erfc(y / std::numbers::sqrt2), std::numeric_limits<double>::min()));
    };
    double sum = 0.0;
    const std::size_t n = values.size();
    for (std::size_t i = 0; i < n; ++i) {
        const double lo = (values[i] - m) / s;
        const double hi = (values[n - 1 - i] - m) / s;
        sum += (2.0 * static_cast<double>(i) + 1.0) * (logCdf(lo) + logSf(hi));
    }
    const double dn = static_cast<double>(n);
    t.a2 = -dn - sum / dn;
    // Small-sample modification for case 3 (D'Agostino & Stephens 1986, Table 4.7).
    t.a2Star = t.a2 * (1.0 + 0.75 / dn + 2.25 / (dn * dn));
    t.pValue = andersonDarlingPValue(t.a2Star);
    t.computed = true;
    return t;
}

Capability computeCapability(
    const std::vector<double> &values, double sigmaWithin, const SpecLimits &spec)
{
    Capability c;
    c.n = static_cast<int>(values.size());
    c.mean = mean(values);
    c.sigmaWithin = sigmaWithin;
    c.sigmaOverall = sampleStdDev(values);
    c.spec = spec;
    c.within = capabilityIndices(c.mean, sigmaWithin, spec);
    c.overall = capabilityIndices(c.mean, c.sigmaOverall, spec);
    c.normality = andersonDarlingNormal(values);
    if (!finite(spec.lsl) && !finite(spec.usl))
        c.warnings << QStringLiteral("no specification limits given: no capability indices");
    if (finite(spec.lsl) && finite(spec.usl) && spec.lsl >= spec.usl)
        c.warnings << QStringLiteral("LSL %1 is not below USL %2").arg(spec.lsl).arg(spec.usl);
    if (c.n < kCapabilityMinN)
        c.warnings << QStringLiteral("only %1 values: capability needs at least %2 (AIAG PPAP); "
                                     "treat the indices as rough")
                          .arg(c.n)
                          .arg(kCapabilityMinN);
    if (!c.normality.computed)
        c.warnings << QStringLiteral("normality not tested (needs at least %1 values with spread)")
                          .arg(kAndersonDarlingMinN);
    else if (c.normality.pValue < kNormalityAlpha)
        c.warnings << QStringLiteral("data are not normal (Anderson-Darling A*2 = %1, p = %2 < "
                                     "0.05): the indices assume normality")
                          .arg(c.normality.a2Star, 0, 'f', 3)
                          .arg(c.normality.pValue, 0, 'g', 3);
    return c;
}

QJsonObject toJson(const Capability &c)
{
    QJsonObject within = indicesJson(c.within, "cp");
    QJsonObject overall = indicesJson(c.overall, "pp");
    QJsonObject o { { QStringLiteral("n"), c.n }, { QStringLiteral("mean"), number(c.mean) },
        { QStringLiteral("sigma_within"), number(c.sigmaWithin) },
        { QStringLiteral("sigma_overall"), number(c.sigmaOverall) },
        { QStringLiteral("lsl"), number(c.spec.lsl) },
        { QStringLiteral("usl"), number(c.spec.usl) } };
    for (auto it = within.begin(); it != within.end(); ++it)
        o.insert(it.key(), it.value());
    for (auto it = overall.begin(); it != overall.end(); ++it)
        o.insert(it.key(), it.value());
    o.insert(QStringLiteral("normality"),
        QJsonObject { { QStringLiteral("test"), QStringLiteral("anderson-darling") },
            { QStringLiteral("computed"), c.normality.computed },
            { QStringLiteral("a2"), number(c.normality.a2) },
            { QStringLiteral("a2_star"), number(c.normality.a2Star) },
            { QStringLiteral("p_value"), number(c.normality.pValue) } });
    o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(c.warnings));
    return o;
}

} // namespace andon::analytics::spc
