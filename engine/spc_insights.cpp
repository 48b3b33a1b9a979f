#include "engine/spc_insights.h"

#include "analytics/oee_calculator.h"
#include "storage/historian.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace andon {

using namespace analytics::spc;

namespace {

// How far before a window the baseline reading of a counter is looked for (counters are
// published on change and periodically; a day covers any realistic silence).
constexpr TimestampMs kCounterLookbackMs = 24 * 3600'000;

bool isProcessTag(const TagDef &t)
{
    return t.kind == TagKind::Analog && !t.spec
        && (t.role == TagRole::None || t.role == TagRole::Rate);
}

// Ranking key: |t|, with tags without a statistic after every tag that has one.
double rankKey(const WelchTest &w)
{
    return std::isnan(w.t) ? -1.0 : std::abs(w.t);
}

QString tagDisplayName(const PlantModel &model, const TagDef &t)
{
    return t.machine >= 0 && t.machine < int(model.machines.size())
        ? model.machines[std::size_t(t.machine)].name + QLatin1Char(' ') + t.name
        : t.name;
}

} // namespace

std::vector<TagId> spcProcessTags(const PlantModel &model, const SpcCharacteristic &characteristic)
{
    std::vector<TagId> out;
    if (characteristic.machine < 0 || characteristic.machine >= int(model.machines.size()))
        return out;
    const Machine &m = model.machines[std::size_t(characteristic.machine)];
    for (TagId id : m.tags) {
        const TagDef &t = model.tags[std::size_t(id)];
        if (id != characteristic.tag && isProcessTag(t))
            out.push_back(id);
    }
    if (m.line >= 0 && m.line < int(model.lines.size())) {
        const QString prefix = model.lines[std::size_t(m.line)].path + QLatin1Char('/');
        for (const TagDef &t : model.tags) {
            if (t.machine < 0 && t.path.startsWith(prefix) && isProcessTag(t))
                out.push_back(t.id);
        }
    }
    return out;
}

double spcSpanMean(const std::vector<Sample> &samples, TimestampMs fromMs, TimestampMs toMs,
    TimestampMs lookbackMs)
{
    if (toMs < fromMs)
        return kNaN;
    double held = kNaN; // value held at the current position
    TimestampMs at = fromMs;
    double integral = 0.0;
    TimestampMs covered = 0;
    for (const Sample &s : samples) {
        if (!isGood(s.q) || !std::isfinite(s.value))
            continue;
        if (s.t_ms <= fromMs) {
            if (s.t_ms >= fromMs - lookbackMs)
                held = s.value;
            continue;
        }
        if (s.t_ms > toMs)
            break;
        if (std::isfinite(held)) {
            integral += held * double(s.t_ms - at);
            covered += s.t_ms - at;
        }
        held = s.value;
        at = s.t_ms;
    }
    if (toMs == fromMs)
        return held;
    if (std::isfinite(held) && toMs > at) {
        integral += held * double(toMs - at);
        covered += toMs - at;
    }
    if (covered > 0)
        return integral / double(covered);
    return held; // a single sample exactly at the end of the span
}

SpcCorrelation spcCorrelate(const PlantModel &model, const storage::Historian &historian,
    const SpcAnalysis &analysis, TimestampMs lookbackMs)
{
    SpcCorrelation out;
    struct Span
    {
        TimestampMs from, to;
        bool outOfControl;
    };
    std::vector<Span> spans;
    for (const SpcChart &chart : analysis.charts) {
        const auto &groups = chart.result.subgroups;
        if (!chart.error.isEmpty())
            continue; // no limits: no classification
        std::vector<bool> ooc(groups.size(), false);
        for (const Violation &v : chart.result.violations) {
            for (int p : v.points) {
                if (p >= 0 && p < int(groups.size()))
                    ooc[std::size_t(p)] = true;
            }
        }
        for (std::size_t i = 0; i < groups.size(); ++i)
            spans.push_back({ groups[i].firstMs, groups[i].lastMs, ooc[i] });
    }
    out.subgroups = int(spans.size());
    for (const Span &s : spans)
        (s.outOfControl ? out.outOfControl : out.inControl) += 1;
    const std::vector<TagId> tags = spcProcessTags(model, analysis.characteristic);
    if (tags.empty()) {
        out.note = QCoreApplication::translate("andon::SpcInsights",
            "the machine has no other analog process tags to compare");
        return out;
    }
    if (out.outOfControl == 0) {
        out.note = QCoreApplication::translate("andon::SpcInsights",
            "no out-of-control subgroups in this window: nothing to compare");
    } else if (out.inControl == 0) {
        out.note = QCoreApplication::translate("andon::SpcInsights",
            "every subgroup is out of control: nothing to compare against");
    }
    if (spans.empty())
        return out;
    TimestampMs first = spans.front().from, last = spans.front().to;
    for (const Span &s : spans) {
        first = std::min(first, s.from);
        last = std::max(last, s.to);
    }
    for (TagId id : tags) {
        const TagDef &t = model.tags[std::size_t(id)];
        // One query per tag over the whole window (subgroups are sorted per chart, not across
        // products, so each span searches its start).
        const std::vector<Sample> samples = historian.raw(t.path, first - lookbackMs, last);
        std::vector<double> ooc, ic;
        for (const Span &s : spans) {
            auto begin = std::lower_bound(samples.begin(), samples.end(), s.from - lookbackMs,
                [](const Sample &x, TimestampMs v) { return x.t_ms < v; });
            auto end = std::upper_bound(samples.begin(), samples.end(), s.to,
                [](TimestampMs v, const Sample &x) { return v < x.t_ms; });
            const double m = spcSpanMean(std::vector<Sample>(begin, end), s.from, s.to,
                lookbackMs);
            if (std::isfinite(m))
                (s.outOfControl ? ooc : ic).push_back(m);
        }
        SpcTagDifference d;
        d.tag = id;
        d.name = tagDisplayName(model, t);
        d.unit = t.unit;
        d.decimals = t.decimals;
        d.test = welchTest(ooc, ic);
        out.tags.push_back(std::move(d));
    }
    std::stable_sort(out.tags.begin(), out.tags.end(),
        [](const SpcTagDifference &a, const SpcTagDifference &b) {
            return rankKey(a.test) > rankKey(b.test);
        });
    return out;
}

std::vector<TagId> spcAttributeTags(const PlantModel &model)
{
    std::vector<TagId> out;
    for (const TagDef &t : model.tags) {
        if (!t.defectTypes.empty())
            out.push_back(t.id);
    }
    return out;
}

std::vector<TagId> spcAttributeTags(const PlantModel &model, int machine)
{
    std::vector<TagId> out;
    for (TagId id : spcAttributeTags(model)) {
        if (model.tags[std::size_t(id)].machine == machine)
            out.push_back(id);
    }
    return out;
}

double spcCounterIncrease(const std::vector<Sample> &samples, TimestampMs fromMs,
    TimestampMs toMs, double rollover, int *resets)
{
    std::vector<analytics::CounterSample> c;
    c.reserve(samples.size());
    for (const Sample &s : samples)
        c.push_back({ s.t_ms, s.value, isGood(s.q) && std::isfinite(s.value) });
    int r = 0, w = 0;
    double sum = 0.0;
    for (const auto &[t, inc] : analytics::OeeCalculator::increments(c, fromMs, toMs, rollover,
             &r, &w))
        sum += inc;
    if (resets)
        *resets += r + w;
    return sum;
}

SpcDefectPareto spcDefectPareto(const PlantModel &model, const storage::Historian &historian,
    TagId tag, TimestampMs fromMs, TimestampMs toMs)
{
    SpcDefectPareto p;
    if (tag >= model.tags.size())
        return p;
    const TagDef &def = model.tags[tag];
    p.tag = tag;
    p.name = tagDisplayName(model, def);
    p.unit = def.unit;
    const auto increase = [&](const TagDef &t) {
        return spcCounterIncrease(historian.raw(t.path, fromMs - kCounterLookbackMs, toMs),
            fromMs, toMs, t.rollover, &p.resets);
    };
    p.total = increase(def);
    std::vector<std::pair<QString, double>> counts;
    for (TagId id : def.defectTypes) {
        const TagDef &t = model.tags[std::size_t(id)];
        const double n = increase(t);
        p.classified += n;
        counts.emplace_back(t.description.isEmpty() ? t.name : t.description, n);
    }
    if (p.total > p.classified)
        counts.emplace_back(
            QCoreApplication::translate("andon::SpcInsights", "Unclassified"),
            p.total - p.classified);
    p.items = paretoRanking(counts);
    return p;
}

} // namespace andon
