#include "engine/oee_rollup.h"

#include "core/shift_calendar.h"

#include <QDateTime>
#include <QTimeZone>

namespace andon {

namespace {

std::optional<double> ratio(double num, double den)
{
    if (!(den > 0))
        return std::nullopt;
    return num / den;
}

} // namespace

std::optional<double> OeeTotals::availability() const
{
    return ratio(double(runMs), double(plannedBusyMs));
}

std::optional<double> OeeTotals::performance() const
{
    return ratio(idealRunS * 1000.0, double(runMs));
}

std::optional<double> OeeTotals::quality() const
{
    return ratio(idealGoodS, idealRunS);
}

std::optional<double> OeeTotals::oee() const
{
    const auto a = availability(), p = performance(), q = quality();
    if (!a || !p || !q)
        return std::nullopt;
    return *a * *p * *q;
}

std::optional<double> OeeTotals::teep() const
{
    const auto o = oee();
    const auto u = ratio(double(plannedBusyMs), double(calendarMs));
    if (!o || !u)
        return std::nullopt;
    return *o * *u;
}

void OeeTotals::add(const analytics::OeeResult &r)
{
    calendarMs += r.calendarMs;
    plannedOperatingMs += r.plannedOperatingMs;
    plannedBusyMs += r.plannedBusyMs;
    runMs += r.runMs;
    unknownMs += r.unknownMs;
    totalCount += r.totalCount;
    goodCount += r.goodCount;
    rejectCount += r.rejectCount;
    idealRunS += r.idealRunS;
    idealGoodS += r.idealGoodS;
    ++parts;
}

void OeeTotals::add(const OeeTotals &t)
{
    calendarMs += t.calendarMs;
    plannedOperatingMs += t.plannedOperatingMs;
    plannedBusyMs += t.plannedBusyMs;
    runMs += t.runMs;
    unknownMs += t.unknownMs;
    totalCount += t.totalCount;
    goodCount += t.goodCount;
    rejectCount += t.rejectCount;
    idealRunS += t.idealRunS;
    idealGoodS += t.idealGoodS;
    parts += t.parts;
}

OeeTotals lineTotals(const LineOee &line)
{
    OeeTotals t;
    if (line.bottleneck >= 0 && line.bottleneck < static_cast<int>(line.machines.size()))
        t.add(line.machines[static_cast<std::size_t>(line.bottleneck)].result);
    return t;
}

OeeTotals plantTotals(const std::vector<LineOee> &lines)
{
    OeeTotals t;
    for (const LineOee &l : lines)
        t.add(lineTotals(l));
    return t;
}

std::vector<ShiftInstance> OeeRollup::shiftsOfDays(const PlantModel &model, QDate firstDay,
                                                   QDate lastDay)
{
    std::vector<ShiftInstance> out;
    if (!firstDay.isValid() || !lastDay.isValid() || lastDay < firstDay)
        return out;
    const QString zone = model.calendar.isSet() ? model.calendar.timeZone : model.timeZone();
    QTimeZone tz(zone.toUtf8());
    if (!tz.isValid())
        tz = QTimeZone::utc();
    const auto midnight = [&tz](QDate d) {
        return QDateTime(d, QTime(0, 0), tz).toMSecsSinceEpoch();
    };
    if (!model.calendar.isSet()) {
        // Bounded by the day count.
        for (QDate d = firstDay; d <= lastDay; d = d.addDays(1)) {
            ShiftInstance s;
            s.name = QStringLiteral("day");
            s.day = d;
            s.startMs = midnight(d);
            s.endMs = midnight(d.addDays(1));
            out.push_back(std::move(s));
        }
        return out;
    }
    // Shifts starting on the last day may end the next day: read one day further and keep
    // the shifts by the production day they start on.
    for (ShiftInstance &s :
         shiftInstances(model.calendar, midnight(firstDay), midnight(lastDay.addDays(1)))) {
        if (s.day >= firstDay && s.day <= lastDay)
            out.push_back(std::move(s));
    }
    return out;
}

PeriodOee OeeRollup::period(int line, QDate firstDay, QDate lastDay) const
{
    PeriodOee out;
    out.firstDay = firstDay;
    out.lastDay = lastDay;
    if (line < 0 || line >= static_cast<int>(m_model.lines.size()))
        return out;
    out.machines.resize(m_model.lines[static_cast<std::size_t>(line)].machines.size());
    for (ShiftInstance &s : shiftsOfDays(m_model, firstDay, lastDay)) {
        ShiftOee so;
        so.line = m_query.line(line, s.startMs, s.endMs);
        so.shift = std::move(s);
        out.line.add(lineTotals(so.line));
        for (std::size_t i = 0; i < so.line.machines.size() && i < out.machines.size(); ++i)
            out.machines[i].add(so.line.machines[i].result);
        out.shifts.push_back(std::move(so));
    }
    return out;
}

PeriodOee OeeRollup::week(int line, QDate anyDay) const
{
    const QDate monday = anyDay.addDays(1 - anyDay.dayOfWeek());
    return period(line, monday, monday.addDays(6));
}

} // namespace andon
