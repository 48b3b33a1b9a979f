#include "engine/oee_query.h"

#include "core/shift_calendar.h"
#include "engine/stop_annotations.h"
#include "storage/historian.h"

#include <cmath>

namespace andon {

using analytics::CounterSample;
using analytics::OeeInput;
using analytics::ProductInterval;
using analytics::StateInterval;

OeeQuery::OeeQuery(const PlantModel &model, const storage::Historian &historian,
                   OeeQueryOptions options)
    : m_model(model), m_historian(historian), m_options(options)
{
}

namespace {

const TagDef *roleTag(const PlantModel &model, const Machine &m, TagRole role)
{
    const TagId id = m.roleTag(role);
    return id < model.tags.size() ? &model.tags[id] : nullptr;
}

// How long a sample stays valid without a newer one: the tag's staleness timeout, so a silent
// source becomes unknown time like it does live (the engine journals a BadStale sample).
TimestampMs validFor(const TagDef &tag)
{
    return tag.staleAfterMs > 0 ? TimestampMs(tag.staleAfterMs)
                                : std::numeric_limits<TimestampMs>::max() / 4;
}

} // namespace

OeeInput OeeQuery::input(int machineIndex, TimestampMs fromMs, TimestampMs toMs,
                         QStringList *warnings) const
{
    OeeInput in;
    in.fromMs = fromMs;
    in.toMs = toMs;
    if (machineIndex < 0 || machineIndex >= static_cast<int>(m_model.machines.size()))
        return in;
    const Machine &m = m_model.machines[static_cast<std::size_t>(machineIndex)];
    const auto warn = [warnings](const QString &w) {
        if (warnings)
            warnings->append(w);
    };
    const TimestampMs readFrom = fromMs - m_options.lookbackMs;

    if (m_model.calendar.isSet())
        in.plannedWindows = analytics::plannedWindows(shiftInstances(m_model.calendar, fromMs, toMs));

    // ---- states ----
    if (const TagDef *tag = roleTag(m_model, m, TagRole::State)) {
        const std::vector<Sample> samples =
                m_historian.raw(tag->path, readFrom, toMs + m_options.lookaheadMs);
        const TimestampMs valid = validFor(*tag);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const Sample &s = samples[i];
            TimestampMs end = s.t_ms + valid;
            if (i + 1 < samples.size())
                end = std::min(end, samples[i + 1].t_ms);
            if (end <= s.t_ms)
                continue; // two samples at the same time: the later one wins
            StateInterval iv;
            iv.startMs = s.t_ms;
            iv.endMs = end;
            iv.code = static_cast<int>(std::lround(s.value));
            if (isBad(s.q)) {
                iv.category = StateCategory::Unknown;
                iv.reason = qualityName(s.q);
            } else if (const StateDef *def = m.state(iv.code)) {
                iv.category = def->category;
                iv.reason = def->name;
            } else {
                iv.category = StateCategory::Unknown;
                iv.reason = QStringLiteral("unmapped state code %1").arg(iv.code);
                warn(QStringLiteral("%1: state code %2 at %3 is not in the machine's states")
                             .arg(tag->path)
                             .arg(iv.code)
                             .arg(formatTimestampUtc(s.t_ms)));
            }
            // Adjacent samples of the same state are one interval (heartbeats).
            if (!in.states.empty() && in.states.back().endMs == iv.startMs
                && in.states.back().code == iv.code
                && in.states.back().category == iv.category)
                in.states.back().endMs = iv.endMs;
            else
                in.states.push_back(std::move(iv));
        }
        if (samples.empty())
            warn(QStringLiteral("%1: no samples in the window: all time is unknown").arg(tag->path));
    } else {
        warn(QStringLiteral("%1: no tag with role 'state': all time is unknown").arg(m.path));
    }

    // ---- counters ----
    const auto readCounter = [&](TagRole role, std::vector<CounterSample> *out) {
        const TagDef *tag = roleTag(m_model, m, role);
        if (!tag)
            return;
        for (const Sample &s : m_historian.raw(tag->path, readFrom, toMs))
            out->push_back(CounterSample{s.t_ms, s.value, !isBad(s.q)});
        if (!out->empty() && out->front().t >= fromMs)
            warn(QStringLiteral("%1: no reading before the window start: counting from the "
                                "first reading at %2")
                         .arg(tag->path, formatTimestampUtc(out->front().t)));
    };
    readCounter(TagRole::TotalCount, &in.total);
    readCounter(TagRole::GoodCount, &in.good);
    readCounter(TagRole::RejectCount, &in.reject);
    const int counters = int(!in.total.empty()) + int(!in.good.empty()) + int(!in.reject.empty());
    if (counters < 2 && in.total.empty())
        warn(QStringLiteral("%1: needs a total_count counter or good_count and reject_count")
                     .arg(m.path));

    // ---- products ----
    in.defaultIdealCycleS = m_model.products.size() == 1
            ? m_model.idealCycleSeconds(machineIndex, m_model.products.front().code)
            : m_model.idealCycleSeconds(machineIndex, -1);
    if (const TagDef *tag = roleTag(m_model, m, TagRole::Product)) {
        const std::vector<Sample> samples = m_historian.raw(tag->path, readFrom, toMs);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const Sample &s = samples[i];
            if (isBad(s.q))
                continue;
            ProductInterval p;
            p.startMs = s.t_ms;
            // A product holds until the next product reading (it does not go stale: the
            // product on the machine does not change because the tag is silent).
            p.endMs = i + 1 < samples.size() ? samples[i + 1].t_ms : toMs;
            p.productCode = static_cast<int>(std::lround(s.value));
            p.idealCycleS = m_model.idealCycleSeconds(machineIndex, p.productCode);
            if (!in.products.empty() && in.products.back().productCode == p.productCode
                && in.products.back().endMs == p.startMs)
                in.products.back().endMs = p.endMs;
            else
                in.products.push_back(p);
        }
    } else if (m_model.products.size() > 1) {
        warn(QStringLiteral("%1: no tag with role 'product': ideal cycle time %2 s for every part")
                     .arg(m.path)
                     .arg(in.defaultIdealCycleS));
    }
    if (!(in.defaultIdealCycleS > 0) && in.products.empty())
        warn(QStringLiteral("%1: no ideal cycle time (set ideal_rate_per_min or products): "
                            "performance is unknown")
                     .arg(m.path));
    return in;
}

MachineOee OeeQuery::machine(int machineIndex, TimestampMs fromMs, TimestampMs toMs) const
{
    MachineOee out;
    out.machine = machineIndex;
    if (machineIndex < 0 || machineIndex >= static_cast<int>(m_model.machines.size()))
        return out;
    out.path = m_model.machines[static_cast<std::size_t>(machineIndex)].path;
    const OeeInput in = input(machineIndex, fromMs, toMs, &out.warnings);
    out.nominalIdealCycleS = in.defaultIdealCycleS;
    analytics::OeeOptions options = m_options.oee;
    const OeeSettings &settings = m_model.machineOee(machineIndex);
    if (m_options.microStopFromConfig)
        options.microStopMaxMs = settings.microStopMs;
    if (m_options.startupFromConfig)
        options.startupWindowMs = settings.startupRejectMs;
    out.result = analytics::OeeCalculator(options).compute(in);
    out.states = in.states;
    if (m_options.applyAnnotations && !out.result.stops.empty()) {
        // The windows the calculator counted plannedMs in: planned windows inside [from, to).
        std::vector<analytics::TimeWindow> windows;
        if (in.plannedWindows) {
            for (const auto &[s, e] : *in.plannedWindows) {
                if (std::min(e, toMs) > std::max(s, fromMs))
                    windows.emplace_back(std::max(s, fromMs), std::min(e, toMs));
            }
        } else {
            windows.emplace_back(fromMs, toMs);
        }
        StopAnnotations::applyTo(m_historian, out.path, out.result.stops, &windows);
    }
    for (const analytics::StopEvent &s : out.result.stops) {
        const QString reason =
                s.reasonCode.isEmpty() ? QString::fromLatin1(MachineOee::kUnassigned) : s.reasonCode;
        out.stopMsByReason[reason] += s.plannedMs;
    }
    // The bottleneck is judged on what ran: the count-weighted ideal cycle time.
    if (out.result.totalCount > 0)
        out.nominalIdealCycleS = out.result.idealRunS / out.result.totalCount;
    return out;
}

LineOee OeeQuery::line(int lineIndex, TimestampMs fromMs, TimestampMs toMs) const
{
    LineOee out;
    out.line = lineIndex;
    if (lineIndex < 0 || lineIndex >= static_cast<int>(m_model.lines.size()))
        return out;
    const Line &l = m_model.lines[static_cast<std::size_t>(lineIndex)];
    out.path = l.path;
    std::vector<double> cycles;
    for (int mi : l.machines) {
        out.machines.push_back(machine(mi, fromMs, toMs));
        cycles.push_back(out.machines.back().nominalIdealCycleS);
    }
    out.bottleneck = analytics::bottleneckIndex(cycles);
    return out;
}

} // namespace andon
