// The supervisor's shift report as a value (docs/oee.md "Shift report"): line and machine KPIs,
// times, counts, six big losses, top downtime reasons (operator reasons from the event journal
// first), the stop list, a state timeline per machine, shift comments and data warnings, for
// one shift instance of one line. Built by ShiftReportBuilder from the plant model, the
// historian and its event journal; rendered by report/ShiftReportRenderer (PDF) and exported
// by shiftReportCsv()/shiftReportText(). Pure value; the builder is stateless.
#pragma once

#include "analytics/oee_calculator.h"
#include "core/shift_calendar.h"
#include "engine/oee_query.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace andon::storage {
class Historian;
}

namespace andon {

// One KPI set with the times and counts behind it.
struct ReportKpis
{
    std::optional<double> availability, performance, quality, oee, teep;
    TimestampMs plannedOperatingMs = 0, plannedStopMs = 0, plannedBusyMs = 0;
    TimestampMs runMs = 0, downMs = 0, unknownMs = 0;
    double totalCount = 0, goodCount = 0, rejectCount = 0;
};

// Six big losses (Nakajima; docs/oee.md "Loss tree") plus the buckets Andon keeps apart.
struct ReportLosses
{
    double breakdownMin = 0, changeoverMin = 0, microStopMin = 0, idleMin = 0;
    double reducedSpeedMin = 0, startupRejectMin = 0, productionRejectMin = 0;
    double starvedMin = 0, blockedMin = 0, offMin = 0, unknownMin = 0;
};

struct ReportProductCount
{
    int code = 0;
    QString name; // from the config; "product <code>" when unknown
    double count = 0;
};

struct ReportMachine
{
    QString path;
    QString name;
    bool bottleneck = false;
    ReportKpis kpis;
    ReportLosses losses;
    std::vector<ReportProductCount> products;
    QStringList warnings;
};

// A downtime reason summed over the line's stops inside the shift's planned time.
struct ReportReason
{
    enum class Source { Operator, State, Unassigned };
    QString reason;     // operator reason code, state name, or "unassigned"
    Source source = Source::Unassigned;
    double minutes = 0;
    int stops = 0;
};

struct ReportStop
{
    QString machine;    // machine name
    QString machinePath;
    TimestampMs startMs = 0, endMs = 0; // full extent (may cross the shift edge)
    double plannedMin = 0;              // minutes inside the shift's planned time
    StateCategory category = StateCategory::Down;
    bool micro = false;
    QString stateReason;                // from the state tag
    QString operatorReason;             // "" = none given
    QString comment;
    QString user;                       // who gave the reason/comment
    QString reason() const;             // operator reason, else state reason (down), else "unassigned"
};

struct ReportSegment
{
    TimestampMs startMs = 0, endMs = 0; // clipped to the shift
    StateCategory category = StateCategory::Unknown;
    QString label;                      // state name or quality
};

struct ReportTimeline
{
    QString machine;
    std::vector<ReportSegment> segments; // cover [shift start, shift end) without gaps
};

struct ReportComment
{
    TimestampMs t = 0;
    QString user;
    QString text;
    QString about; // "" = the shift; else "<machine> stop hh:mm"
};

struct ShiftReport
{
    // Identification.
    QString plant;        // title of the config (or enterprise)
    QString linePath, lineName;
    QString shiftName;
    QDate day;            // production day the shift starts on
    QString timeZone;     // IANA id the times are shown in
    TimestampMs startMs = 0, endMs = 0;
    std::vector<std::pair<TimestampMs, TimestampMs>> breaks;
    TimestampMs generatedMs = 0;
    bool complete = true; // false: the shift had not ended when the report was built
    double microStopMin = 5; // threshold used (the bottleneck's)
    OeeTargets targets;      // of the bottleneck machine (machine > line > plant `oee:`)

    // Line (the bottleneck's figures, docs/oee.md "Roll-up") and machines in line order.
    QString bottleneck;   // machine name; "" when the line has no machines
    ReportKpis line;
    ReportLosses lineLosses;
    std::vector<ReportMachine> machines;

    std::vector<ReportReason> reasons;    // largest first
    std::vector<ReportStop> stops;        // in time order, every machine
    std::vector<ReportTimeline> timelines;
    std::vector<ReportComment> comments;  // shift comments and stop comments, in time order
    QStringList warnings;                 // missing data, unknown time, unfinished shift

    // Local wall-clock text of `ms` in the report's time zone ("14:05"; "yyyy-MM-dd HH:mm"
    // with date = true) and the zone abbreviation at that instant ("CET").
    QString localTime(TimestampMs ms, bool date = false) const;
    // Abbreviation of the zone at `atMs` (0 = the shift start), e.g. "CET" or "CEST".
    QString zoneAbbreviation(TimestampMs atMs = 0) const;
};

struct ShiftReportRequest
{
    QString line;   // ISA-95 path of the line
    QDate day;      // production day the shift starts on
    QString shift;  // shift name from the calendar
};

class ShiftReportBuilder
{
public:
    ShiftReportBuilder(const PlantModel &model, const storage::Historian &historian,
                       OeeQueryOptions options = {});

    // Finds the shift instance (false + *error naming the bad part: unknown line with the
    // closest path, unknown shift with the day's shifts, a day without shifts).
    bool resolve(const ShiftReportRequest &request, int *line, ShiftInstance *shift,
                 QString *error) const;

    // Builds the report. `nowMs` marks an unfinished shift. `progress(done, total)` is called
    // per machine; returning false cancels (the function then returns nullopt, *error empty).
    std::optional<ShiftReport> build(const ShiftReportRequest &request, TimestampMs nowMs,
                                     QString *error,
                                     const std::function<bool(int, int)> &progress = {}) const;
    ShiftReport build(int line, const ShiftInstance &shift, TimestampMs nowMs) const;

    // "did you mean" help: the known path closest to `path` (edit distance), "" when none is
    // reasonably close.
    static QString closest(const QString &path, const QStringList &candidates);

private:
    std::optional<ShiftReport> buildImpl(int line, const ShiftInstance &shift, TimestampMs nowMs,
                                         const std::function<bool(int, int)> &progress) const;

    const PlantModel &m_model;
    const storage::Historian &m_historian;
    OeeQueryOptions m_options;
};

// CSV export (docs/oee.md "Shift report CSV"): one section per table, each introduced by a
// "# <section>" line and a header row, sections separated by an empty line. RFC 4180 quoting.
QString shiftReportCsv(const ShiftReport &report);
// Plain-text summary for the terminal (andon-cli report shift without --pdf/--csv).
QString shiftReportText(const ShiftReport &report);

QString reasonSourceName(ReportReason::Source s); // "operator", "state", "unassigned"

} // namespace andon
