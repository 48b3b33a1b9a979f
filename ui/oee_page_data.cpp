#include "ui/oee_page_data.h"

#include "core/shift_calendar.h"
#include "storage/historian.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>

namespace andon::ui {

namespace {
constexpr TimestampMs kDayMs = 24 * 3'600'000LL;
constexpr int kWeekDays = 7;

QString tr(const char *text)
{
    return QCoreApplication::translate("andon::ui::OeePage", text);
}
} // namespace

// ---- OeeTotals ----

void OeeTotals::add(const OeeTotals &o)
{
    plannedBusyMs += o.plannedBusyMs;
    runMs += o.runMs;
    unknownMs += o.unknownMs;
    idealRunS += o.idealRunS;
    totalCount += o.totalCount;
    goodCount += o.goodCount;
    rejectCount += o.rejectCount;
    if (nominalIdealCycleS <= 0)
        nominalIdealCycleS = o.nominalIdealCycleS;
}

OeeTotals OeeTotals::of(const MachineOee &m)
{
    OeeTotals t;
    t.plannedBusyMs = m.result.plannedBusyMs;
    t.runMs = m.result.runMs;
    t.unknownMs = m.result.unknownMs;
    t.idealRunS = m.result.idealRunS;
    t.totalCount = m.result.totalCount;
    t.goodCount = m.result.goodCount;
    t.rejectCount = m.result.rejectCount;
    t.nominalIdealCycleS = m.nominalIdealCycleS;
    return t;
}

std::optional<double> OeeTotals::availability() const
{
    if (plannedBusyMs <= 0)
        return std::nullopt;
    return double(runMs) / double(plannedBusyMs);
}

std::optional<double> OeeTotals::performance() const
{
    if (runMs <= 0 || (idealRunS <= 0 && totalCount > 0))
        return std::nullopt; // not run, or parts made without an ideal cycle time
    return idealRunS / (double(runMs) / 1000.0);
}

std::optional<double> OeeTotals::quality() const
{
    if (totalCount <= 0)
        return std::nullopt;
    return goodCount / totalCount;
}

std::optional<double> OeeTotals::oee() const
{
    const auto a = availability(), p = performance(), q = quality();
    if (!a || !p || !q)
        return std::nullopt;
    return *a * *p * *q;
}

double OeeTotals::weightedCycleS() const
{
    return totalCount > 0 && idealRunS > 0 ? idealRunS / totalCount : nominalIdealCycleS;
}

// ---- OeePageComputer ----

OeePageComputer::OeePageComputer(std::shared_ptr<const PlantModel> model,
                                 const storage::Historian *historian)
    : m_model(std::move(model)), m_historian(historian)
{
    const QByteArray tz = m_model->calendar.isSet() ? m_model->calendar.timeZone.toUtf8()
                                                    : m_model->timeZone().toUtf8();
    m_zone = QTimeZone::isTimeZoneIdAvailable(tz) ? QTimeZone(tz) : QTimeZone::utc();
}

std::vector<OeePageComputer::Window> OeePageComputer::windows(TimestampMs nowMs) const
{
    std::vector<Window> out;
    if (m_model->calendar.isSet()) {
        // A week and a day back: enough for the week row and the previous shifts.
        for (const ShiftInstance &s :
             shiftInstances(m_model->calendar, nowMs - (kWeekDays + 1) * kDayMs, nowMs + 1)) {
            if (s.startMs > nowMs)
                continue;
            out.push_back({s.name + u' ' + s.day.toString(Qt::ISODate),
                           s.name + u' ' + s.day.toString(QStringLiteral("MM-dd")), s.day,
                           s.startMs, s.endMs});
        }
        return out;
    }
    // No calendar: every local day is one window.
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, m_zone).date();
    for (int back = kWeekDays; back >= 0; --back) {
        const QDate d = today.addDays(-back);
        out.push_back({tr("day") + u' ' + d.toString(Qt::ISODate),
                       tr("day") + u' ' + d.toString(QStringLiteral("MM-dd")), d,
                       QDateTime(d, QTime(0, 0), m_zone).toMSecsSinceEpoch(),
                       QDateTime(d.addDays(1), QTime(0, 0), m_zone).toMSecsSinceEpoch()});
    }
    return out;
}

OeeTotals OeePageComputer::machineTotals(int machine, const Window &w, TimestampMs nowMs)
{
    const bool complete = w.endMs <= nowMs;
    const QPair<int, qint64> key(machine, w.startMs);
    if (complete) {
        if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
            return *it;
    }
    OeeQueryOptions options;
    options.applyAnnotations = false; // the totals do not depend on reasons
    const OeeQuery query(*m_model, *m_historian, options);
    const OeeTotals t =
            OeeTotals::of(query.machine(machine, w.startMs, std::min(w.endMs, nowMs)));
    if (complete) {
        if (m_cache.size() > 5000) // bounded: a long-running HMI visits many windows
            m_cache.clear();
        m_cache.insert(key, t);
    }
    return t;
}

OeePageData OeePageComputer::compute(bool isLine, int index, TimestampMs nowMs,
                                     quint64 generation)
{
    QElapsedTimer timer;
    timer.start();
    OeePageData d;
    d.generation = generation;
    d.isLine = isLine;
    d.index = index;
    d.nowMs = nowMs;
    const PlantModel &model = *m_model;
    if (isLine) {
        if (index < 0 || index >= int(model.lines.size()))
            return d;
        const Line &l = model.lines[std::size_t(index)];
        d.title = l.name;
        d.machines = l.machines;
        d.targets = model.lineOee(index).targets;
    } else {
        if (index < 0 || index >= int(model.machines.size()))
            return d;
        d.title = model.machines[std::size_t(index)].name;
        d.machines = {index};
        d.targets = model.machineOee(index).targets;
    }
    const std::vector<Window> ws = windows(nowMs);
    if (ws.empty() || !m_historian) {
        d.warnings << tr("No shift in the last week");
        d.computeMs = double(timer.nsecsElapsed()) / 1e6;
        return d;
    }
    const Window &cur = ws.back();
    const TimestampMs to = std::min(cur.endMs, nowMs);
    d.hasShift = true;
    d.shiftLabel = cur.label;
    d.shiftStartMs = cur.startMs;
    d.shiftEndMs = cur.endMs;

    // ---- the current shift in full: KPIs, states, stops, reasons ----
    const OeeQuery query(*m_model, *m_historian);
    std::vector<OeeTotals> current;
    std::vector<MachineOee> results;
    for (int m : d.machines) {
        MachineOee mo = query.machine(m, cur.startMs, to);
        for (const QString &w : mo.warnings)
            d.warnings << w;
        std::vector<analytics::StateInterval> states;
        for (analytics::StateInterval s : mo.states) {
            s.startMs = std::max(s.startMs, cur.startMs);
            s.endMs = std::min(s.endMs, to);
            if (s.endMs > s.startMs)
                states.push_back(std::move(s));
        }
        d.states.push_back(std::move(states));
        for (const analytics::StopEvent &s : mo.result.stops)
            d.stops.push_back({m, s});
        for (const auto &[reason, ms] : mo.stopMsByReason)
            d.stopMsByReason[reason] += ms;
        current.push_back(OeeTotals::of(mo));
        results.push_back(std::move(mo));
    }
    std::sort(d.stops.begin(), d.stops.end(), [](const OeeStopRow &a, const OeeStopRow &b) {
        return a.stop.startMs != b.stop.startMs ? a.stop.startMs < b.stop.startMs
                                                : a.machine < b.machine;
    });
    const auto bottleneckOf = [&](const std::vector<OeeTotals> &totals) {
        std::vector<double> cycles;
        for (const OeeTotals &t : totals)
            cycles.push_back(t.weightedCycleS());
        return std::max(0, analytics::bottleneckIndex(cycles));
    };
    const int b = bottleneckOf(current);
    const analytics::OeeResult &r = results[std::size_t(b)].result;
    d.availability = r.availability;
    d.performance = r.performance;
    d.quality = r.quality;
    d.oee = r.oee;
    if (isLine)
        d.bottleneck = model.machines[std::size_t(d.machines[std::size_t(b)])].name;
    if (!r.availability)
        d.unknownReason = tr("no planned production time in this shift yet");
    else if (!r.performance)
        d.unknownReason = r.runMs <= 0 ? tr("the machine has not run in this shift")
                                       : tr("no ideal cycle time or no counts");
    else if (!r.quality)
        d.unknownReason = tr("no parts counted in this shift");

    // ---- previous shifts and shift/day/week ----
    const auto rowFor = [&](const QString &label, const QString &shortLabel,
                            const std::vector<const Window *> &group) {
        std::vector<OeeTotals> perMachine(d.machines.size());
        for (const Window *w : group) {
            for (std::size_t k = 0; k < d.machines.size(); ++k) {
                const OeeTotals t =
                        w == &cur ? current[k] : machineTotals(d.machines[k], *w, nowMs);
                // A shift with no data at all (before the history began, Andon not running)
                // is left out of a day or week rather than counted as a 0 % shift.
                if (group.size() == 1 || !t.noData())
                    perMachine[k].add(t);
            }
        }
        const int bi = bottleneckOf(perMachine);
        OeePeriodRow row;
        row.label = label;
        row.shortLabel = shortLabel;
        row.totals = perMachine[std::size_t(bi)];
        for (const Window *w : group) {
            row.fromMs = row.fromMs == 0 ? w->startMs : std::min(row.fromMs, w->startMs);
            row.toMs = std::max(row.toMs, w->endMs);
        }
        if (isLine)
            row.bottleneck = model.machines[std::size_t(d.machines[std::size_t(bi)])].name;
        return row;
    };
    const std::size_t first = ws.size() > std::size_t(kPreviousShifts) + 1
            ? ws.size() - std::size_t(kPreviousShifts) - 1
            : 0;
    for (std::size_t i = first; i < ws.size(); ++i)
        d.previousShifts.push_back(rowFor(ws[i].label, ws[i].shortLabel, {&ws[i]}));

    std::vector<const Window *> day, week;
    for (const Window &w : ws) {
        if (w.day == cur.day)
            day.push_back(&w);
        if (w.day > cur.day.addDays(-kWeekDays))
            week.push_back(&w);
    }
    const QString dayText = cur.day.toString(Qt::ISODate);
    if (m_model->calendar.isSet()) {
        d.periods.push_back(rowFor(tr("Shift %1").arg(cur.label), tr("Shift"), {&cur}));
        d.periods.push_back(rowFor(tr("Day %1").arg(dayText), tr("Day"), day));
    } else {
        d.periods.push_back(rowFor(tr("Day %1").arg(dayText), tr("Day"), {&cur}));
    }
    d.periods.push_back(rowFor(tr("Week: 7 days to %1").arg(dayText), tr("Week"), week));
    d.warnings.removeDuplicates();
    d.computeMs = double(timer.nsecsElapsed()) / 1e6;
    return d;
}

} // namespace andon::ui
