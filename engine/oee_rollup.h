// OEE roll-ups beyond one machine and one shift (docs/oee.md "Roll-up"): OEE figures summed
// over shifts (day, week) and over lines (area, plant). Pure sums of OeeResult times and counts
// plus an OeeQuery-driven helper that computes them from the historian. Stateless.
#pragma once

#include "analytics/oee_calculator.h"
#include "engine/oee_query.h"

#include <QDate>

#include <optional>
#include <vector>

namespace andon {

// OEE of a group (several shifts of one machine/line, or several lines): the times and counts
// summed, the KPIs recomputed from the sums (never averaged).
struct OeeTotals
{
    TimestampMs calendarMs = 0;
    TimestampMs plannedOperatingMs = 0; // POT
    TimestampMs plannedBusyMs = 0;      // PBT (planned production time)
    TimestampMs runMs = 0;              // APT
    TimestampMs unknownMs = 0;
    double totalCount = 0, goodCount = 0, rejectCount = 0;
    double idealRunS = 0;  // Σ PRI × PQ
    double idealGoodS = 0; // Σ PRI × GQ = fully productive time
    int parts = 0;         // how many results were summed

    // ISO 22400-2 definitions applied to the sums (nullopt when the denominator is 0):
    // A = ΣAPT/ΣPBT, P = Σ(PRI×PQ)/ΣAPT, Q = Σ(PRI×GQ)/Σ(PRI×PQ) (ideal-time weighted, so that
    // parts of different products with different cycle times are comparable and
    // A×P×Q = fully productive time / PBT exactly), OEE = A×P×Q, TEEP = OEE×ΣPBT/Σcalendar.
    std::optional<double> availability() const;
    std::optional<double> performance() const;
    std::optional<double> quality() const;
    std::optional<double> oee() const;
    std::optional<double> teep() const;

    void add(const analytics::OeeResult &r);
    void add(const OeeTotals &t);
};

// The line's figures of one window: its bottleneck's result (docs/oee.md "Roll-up"); empty
// totals when the line has no machines.
OeeTotals lineTotals(const LineOee &line);

// The OEE of several lines taken together (area, site, plant): Σ fully productive time of each
// line's bottleneck / Σ its planned production time, i.e. the line OEEs weighted by planned
// production time (docs/oee.md "Plant roll-up" gives the reason).
OeeTotals plantTotals(const std::vector<LineOee> &lines);

struct ShiftOee
{
    ShiftInstance shift;
    LineOee line;
};

struct PeriodOee
{
    QDate firstDay, lastDay; // production days, inclusive
    std::vector<ShiftOee> shifts;
    OeeTotals line;          // Σ of each shift's line (bottleneck) figures
    std::vector<OeeTotals> machines; // per machine of the line, Σ over the shifts
};

class OeeRollup
{
public:
    OeeRollup(const PlantModel &model, const OeeQuery &query) : m_model(model), m_query(query) {}

    // Every shift instance of the calendar whose production day is in [firstDay, lastDay]
    // (a night shift belongs to the day it starts), computed and summed. Without a calendar,
    // each day is one 24 h "shift" of the plant's local day. Bounded by the day count.
    PeriodOee period(int line, QDate firstDay, QDate lastDay) const;
    PeriodOee day(int line, QDate day) const { return period(line, day, day); }
    // The ISO 8601 week (Monday..Sunday) containing `anyDay`.
    PeriodOee week(int line, QDate anyDay) const;

    // Production days [first, last] as shift instances of the calendar (a calendar-less plant
    // gets one whole local day per date).
    static std::vector<ShiftInstance> shiftsOfDays(const PlantModel &model, QDate firstDay,
                                                   QDate lastDay);

private:
    const PlantModel &m_model;
    const OeeQuery &m_query;
};

} // namespace andon
