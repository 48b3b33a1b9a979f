// What the OEE page shows for one machine or line at one moment, and the computation of it
// from the historian (OeeQuery + StopAnnotations). Runs on the page's worker thread; the
// completed-shift cache lives in OeePageComputer, which one thread uses at a time.
#pragma once

#include "core/plant_model.h"
#include "engine/oee_query.h"

#include <QHash>
#include <QString>
#include <QTimeZone>

#include <memory>
#include <optional>
#include <vector>

namespace andon::storage {
class Historian;
}

namespace andon::ui {

// Sums over one or more windows, from which the KPIs follow (ISO 22400-2:2014 §6.4: A = APT /
// PBT, P = Σ(PRI × PQ) / APT, Q = GQ / PQ, OEE = A × P × Q), so a day or a week is the sum of
// its shifts rather than a mean of percentages.
struct OeeTotals
{
    TimestampMs plannedBusyMs = 0, runMs = 0, unknownMs = 0;
    double idealRunS = 0, totalCount = 0, goodCount = 0, rejectCount = 0;
    double nominalIdealCycleS = 0; // for the bottleneck when nothing was made

    void add(const OeeTotals &o);
    static OeeTotals of(const MachineOee &m);
    std::optional<double> availability() const;
    std::optional<double> performance() const;
    std::optional<double> quality() const;
    std::optional<double> oee() const;
    // Ideal cycle time the bottleneck is judged by (count-weighted, else nominal).
    double weightedCycleS() const;
    TimestampMs downMs() const { return plannedBusyMs - runMs; } // not running inside PBT
    // Planned time with no data at all (e.g. before the historian existed): not a 0 % period.
    bool noData() const { return plannedBusyMs > 0 && unknownMs >= plannedBusyMs; }
};

struct OeePeriodRow
{
    QString label;        // "Shift early 2025-03-10", "Day 2025-03-10", "Week to ..."
    QString shortLabel;   // for narrow tables: "Shift", "early 03-10"
    OeeTotals totals;
    QString bottleneck;   // line view: the machine whose totals these are
    TimestampMs fromMs = 0, toMs = 0; // the windows it spans (toMs may lie after now)
};

struct OeeStopRow
{
    int machine = -1;     // index into PlantModel::machines
    analytics::StopEvent stop;
};

struct OeePageData
{
    quint64 generation = 0;
    bool isLine = false;
    int index = -1;       // machine or line index
    QString title;        // machine or line name
    TimestampMs nowMs = 0;

    bool hasShift = false;
    QString shiftLabel;   // "early 2025-03-10" or "day 2025-03-10" without a calendar
    TimestampMs shiftStartMs = 0, shiftEndMs = 0; // the current shift instance

    // Current shift up to now (line: its bottleneck's).
    std::optional<double> availability, performance, quality, oee;
    QString unknownReason; // why a KPI is unknown
    OeeTargets targets;
    QString bottleneck;    // line view: bottleneck machine name

    std::vector<int> machines;                         // shown machines (timeline rows)
    std::vector<std::vector<analytics::StateInterval>> states; // per shown machine
    std::vector<OeeStopRow> stops;                     // every stop of the shift, by time
    std::map<QString, TimestampMs> stopMsByReason;     // summed over the shown machines

    std::vector<OeePeriodRow> previousShifts; // oldest first, then the current one last
    std::vector<OeePeriodRow> periods;        // shift, day, week
    QStringList warnings;
    double computeMs = 0;                     // how long this took on the worker
};

class OeePageComputer
{
public:
    OeePageComputer(std::shared_ptr<const PlantModel> model, const storage::Historian *historian);

    static constexpr int kPreviousShifts = 6;

    OeePageData compute(bool isLine, int index, TimestampMs nowMs, quint64 generation);
    void clearCache() { m_cache.clear(); }
    int cachedWindows() const { return int(m_cache.size()); }

private:
    struct Window
    {
        QString label;
        QString shortLabel;
        QDate day;
        TimestampMs startMs = 0, endMs = 0;
    };
    // Windows (shift instances, or local days without a calendar) that started before now,
    // the last one being the current (or, between shifts, the latest).
    std::vector<Window> windows(TimestampMs nowMs) const;
    OeeTotals machineTotals(int machine, const Window &w, TimestampMs nowMs);

    std::shared_ptr<const PlantModel> m_model;
    const storage::Historian *m_historian;
    QTimeZone m_zone;
    // (machine, window start) -> totals of a completed window.
    QHash<QPair<int, qint64>, OeeTotals> m_cache;
};

} // namespace andon::ui
