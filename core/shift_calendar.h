// Expands a ShiftCalendar (plant_model.h) into concrete shift instances in UTC, honouring the
// calendar's time zone and DST. Pure functions; used by the simulator and by OEE per shift.
#pragma once

#include "core/plant_model.h"

#include <QDate>

#include <utility>
#include <vector>

namespace andon {

struct ShiftInstance
{
    int shift = -1;      // index into ShiftCalendar::shifts
    QString name;
    QDate day;           // local production day the shift starts on
    TimestampMs startMs = 0;
    TimestampMs endMs = 0;
    std::vector<std::pair<TimestampMs, TimestampMs>> breaks; // [start, end), in time order

    // Planned production time: shift length minus its breaks (ISO 22400-2 "planned busy
    // time" when breaks are the only planned downtime).
    TimestampMs plannedMs() const;
    // Whether `t` is inside a break / inside the shift.
    bool inBreak(TimestampMs t) const;
    bool contains(TimestampMs t) const { return t >= startMs && t < endMs; }
};

// Every shift instance that overlaps [fromMs, toMs), in start order. Shift and break times
// are local wall-clock times: on a DST change night a shift is an hour shorter or longer.
// Non-production days have no shifts. Bounded: at most (days + 2) x shifts instances.
std::vector<ShiftInstance> shiftInstances(const ShiftCalendar &calendar, TimestampMs fromMs,
                                          TimestampMs toMs);

} // namespace andon
