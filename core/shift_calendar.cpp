#include "core/shift_calendar.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace andon {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

// Local wall time `minute` minutes after midnight of `day` (may exceed one day) as UTC ms.
TimestampMs localMs(const QTimeZone &tz, QDate day, int minute)
{
    const QDate d = day.addDays(minute / kMinutesPerDay);
    const int m = minute % kMinutesPerDay;
    return QDateTime(d, QTime(m / 60, m % 60), tz).toMSecsSinceEpoch();
}

} // namespace

TimestampMs ShiftInstance::plannedMs() const
{
    TimestampMs ms = endMs - startMs;
    for (const auto &[b, e] : breaks)
        ms -= e - b;
    return std::max<TimestampMs>(ms, 0);
}

bool ShiftInstance::inBreak(TimestampMs t) const
{
    return std::any_of(breaks.begin(), breaks.end(),
                       [t](const auto &b) { return t >= b.first && t < b.second; });
}

std::vector<ShiftInstance> shiftInstances(const ShiftCalendar &calendar, TimestampMs fromMs,
                                          TimestampMs toMs)
{
    std::vector<ShiftInstance> out;
    if (!calendar.isSet() || toMs <= fromMs)
        return out;
    QTimeZone tz(calendar.timeZone.toUtf8());
    if (!tz.isValid())
        tz = QTimeZone::utc();
    // A shift may start the day before `from` and run into it.
    const QDate first = QDateTime::fromMSecsSinceEpoch(fromMs, tz).date().addDays(-1);
    const QDate last = QDateTime::fromMSecsSinceEpoch(toMs, tz).date();
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        const auto &off = calendar.nonProductionDays;
        if (std::find(off.begin(), off.end(), day.dayOfWeek()) != off.end())
            continue;
        for (std::size_t i = 0; i < calendar.shifts.size(); ++i) {
            const ShiftDef &s = calendar.shifts[i];
            ShiftInstance inst;
            inst.shift = static_cast<int>(i);
            inst.name = s.name;
            inst.day = day;
            inst.startMs = localMs(tz, day, s.startMinute);
            inst.endMs = localMs(tz, day, s.startMinute + s.minutes);
            if (inst.endMs <= fromMs || inst.startMs >= toMs)
                continue;
            for (const BreakDef &b : s.breaks) {
                // The break's day: the shift's day unless its clock time is before the
                // shift start (then it is after midnight).
                const int startMinute = b.startMinute >= s.startMinute
                        ? b.startMinute
                        : b.startMinute + kMinutesPerDay;
                const TimestampMs bs = localMs(tz, day, startMinute);
                const TimestampMs be = localMs(tz, day, startMinute + b.minutes);
                inst.breaks.emplace_back(std::clamp(bs, inst.startMs, inst.endMs),
                                         std::clamp(be, inst.startMs, inst.endMs));
            }
            out.push_back(std::move(inst));
        }
    }
    std::sort(out.begin(), out.end(), [](const ShiftInstance &a, const ShiftInstance &b) {
        return a.startMs < b.startMs;
    });
    return out;
}

} // namespace andon
