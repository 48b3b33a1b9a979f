// KPI records: OEE (A/P/Q/OEE, counts, times) and energy per unit of every machine and line
// for one period, computed through the same OeeQuery/EnergyQuery code as `andon-cli oee` and
// `andon-cli energy`, plus the stable export formats of those records and of tag time series
// (docs/integrations.md "Export formats"). Used by the KPI publisher and `andon-cli export`.
// Stateless; runs on the caller's thread.
#pragma once

#include "core/plant_model.h"

#include <QDate>
#include <QIODevice>
#include <QJsonObject>
#include <QStringList>

#include <limits>
#include <optional>
#include <vector>

namespace andon::storage {
class Historian;
}

namespace andon {

class TagStore;

// Version of the KPI and series export formats and of the published KPI payloads. Columns and
// keys are only ever appended within one version; a rename or a change of meaning raises it.
inline constexpr int kKpiSchemaVersion = 1;

// One window KPIs are computed for: a shift instance, a local hour or a local day (or any
// window, e.g. the current shift so far).
struct KpiPeriod
{
    TimestampMs startMs = 0;
    TimestampMs endMs = 0;
    QString shift; // shift name ("" for hour/day periods)
    QDate day;     // production day (local) the period belongs to
};

enum class KpiPer { Shift, Hour, Day };
bool parseKpiPer(const QString &text, KpiPer *out);

// The periods of `per` that overlap [from, to), clipped to it, in time order. At most
// `maxPeriods` (false beyond that, so a typo in a year cannot run for hours).
bool kpiPeriods(const PlantModel &model, TimestampMs fromMs, TimestampMs toMs, KpiPer per,
                std::vector<KpiPeriod> *out, std::size_t maxPeriods = 100'000);

struct KpiRecord
{
    KpiPeriod period;
    QString level; // "machine" or "line"
    QString path;  // ISA-95 path of the machine or line
    int index = -1; // into PlantModel::machines or ::lines
    // ISO 22400-2 ratios 0..1 (nullopt: no planned production time / no parts), exactly the
    // numbers of `andon-cli oee` for the same window. A line's are its bottleneck's.
    std::optional<double> availability, performance, quality, oee;
    double totalCount = 0, goodCount = 0, rejectCount = 0; // parts
    TimestampMs plannedBusyMs = 0, runMs = 0, unknownMs = 0;
    QString bottleneck; // line rows: the machine whose figures the line's are
    // Energy in the period (kWh) and per good part (kWh/part); NaN when unknown (no meter data,
    // no good parts, or energy not asked for). A line: Σ of its machines / good parts of its
    // last machine (the line's output), as `andon-cli energy --by line`.
    double energyKwh = std::numeric_limits<double>::quiet_NaN();
    double kwhPerUnit = std::numeric_limits<double>::quiet_NaN();
    double energyGood = 0; // the good parts energy per unit is divided by
    QStringList warnings;
};

struct KpiOptions
{
    bool oee = true;
    bool energy = true;
};

// Every machine and line of the plant for `period`: per line its machines (line order), then
// the line itself. Machines outside any line are not produced (the loader puts every machine
// in a line).
std::vector<KpiRecord> computeKpis(const PlantModel &model, const storage::Historian &historian,
                                   const KpiPeriod &period, KpiOptions options = {});

// ---- KPI export (CSV with a header line, RFC 4180 quoting, UTC ISO 8601 with Z) ----
QString kpiCsvHeader();
QString kpiCsvRow(const KpiRecord &r);
// One row as a JSON object (the same fields as the CSV columns; null for unknown numbers).
QJsonObject kpiJson(const KpiRecord &r);
// RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
QString csvField(const QString &text);

// ---- Time series export ----
enum class SeriesAgg { Mean, Min, Max, Last };
bool parseSeriesAgg(const QString &text, SeriesAgg *out);
QString seriesAggName(SeriesAgg agg);

// One aggregated point: the samples of [t, t + step) whose quality is not Bad and whose value
// is a number; quality = the worst of them (Good or Uncertain).
struct SeriesPoint
{
    TimestampMs t = 0;
    double value = 0;
    Quality q = Quality::Good;
    std::int64_t count = 0;
};

// Buckets aligned to multiples of `stepMs` since the epoch (UTC); buckets without a usable
// sample are left out. `samples` oldest first.
std::vector<SeriesPoint> aggregateSeries(const std::vector<Sample> &samples, TimestampMs stepMs,
                                         SeriesAgg agg);

// Tag paths matching any of the comma-separated glob `patterns` ('*' any run of characters
// including '/', '?' one character), in the order of `paths`.
QStringList matchTagPaths(const QStringList &paths, const QString &patterns);

} // namespace andon
