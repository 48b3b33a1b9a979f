// Live SPC of configured quality characteristics (tags with `spec:` limits): reads a tag's raw
// samples from the historian, forms subgroups automatically (a change of the product running on
// the tag's machine or of the shift closes the subgroup; one chart per product), and draws each
// chart with the limits frozen in SpcLimitsStore, else trial limits from a baseline. Pure
// computation over a Historian it does not own; used by SpcService and the SPC page's worker.
#pragma once

#include "analytics/spc.h"
#include "core/plant_model.h"

#include <optional>
#include <vector>

namespace andon::storage {
class Historian;
}

namespace andon {

struct SpcCharacteristic
{
    TagId tag = kInvalidTag;
    QString path;
    QString name;  // "palletizer case_weight" (machine + tag name)
    QString unit;
    int decimals = 3;
    int machine = -1;
    SpecLimits spec;
};

// Every tag with `spec:` limits, in configuration order.
std::vector<SpcCharacteristic> spcCharacteristics(const PlantModel &model);

struct SpcSettings
{
    analytics::spc::ChartType chart = analytics::spc::ChartType::XbarR;
    int subgroupSize = 5;   // X-bar charts; individuals charts (imr, ewma, cusum) use 1
    int baselineSubgroups = 25; // trial limits: the first subgroups of each product (Montgomery
                                // §6.2.1: 20-25 subgroups for trial limits)
    analytics::spc::RuleSet rules = analytics::spc::RuleSet::nelson();
    bool useFrozen = true;  // frozen limits when there are any
};

// The subgroup size a chart type plots (1 for individuals-based charts).
int spcEffectiveSubgroupSize(const SpcSettings &settings);

struct SpcChart
{
    QString product;                    // product name ("" = the machine has no product tag)
    analytics::spc::ChartResult result; // subgroups, series, violations, the limits used
    std::vector<QString> shifts;        // per subgroup: "early 2026-01-13" ("" = off shift)
    bool frozen = false;                // result.limits came from the store
    std::optional<analytics::spc::Capability> capability;
    QString error;                      // why there is no chart (too few subgroups, ...)
};

struct SpcAnalysis
{
    SpcCharacteristic characteristic;
    TimestampMs fromMs = 0, toMs = 0;
    int samples = 0, skipped = 0;      // good samples used / samples left out (bad quality)
    std::vector<SpcChart> charts;       // one per product, in order of first appearance
    QStringList warnings;
};

// Start of the analysis window that holds `tMs`: the start of the shift instance containing
// it (else the local midnight before it), so consecutive subgroups always start at the same
// sample whatever the window, and live re-evaluation gives stable subgroups.
TimestampMs spcAlignedStart(const PlantModel &model, TimestampMs tMs);

// Analyses [fromMs, toMs] of one characteristic. `store` may be null (trial limits only).
class SpcLimitsStore;
SpcAnalysis analyseSpc(const PlantModel &model, const storage::Historian &historian,
    const SpcLimitsStore *store, const SpcCharacteristic &characteristic,
    const SpcSettings &settings, TimestampMs fromMs, TimestampMs toMs);

// Trial limits of one product's chart from its baseline (the first settings.baselineSubgroups
// subgroups), ignoring frozen ones: what "Freeze limits" records. nullopt + *error when too few.
std::optional<analytics::spc::ControlLimits> spcBaselineLimits(const SpcChart &chart,
    const SpcSettings &settings, QString *error);

// The machine conditions at a moment: the latest good value (within `lookbackMs`) of the
// machine's other analog tags (temperatures, speeds, currents...), for a subgroup's details.
struct SpcCondition
{
    QString name, unit;
    int decimals = 1;
    double value = analytics::spc::kNaN; // NaN = no value in the lookback
    TimestampMs t = 0;
};
std::vector<SpcCondition> spcMachineConditions(const PlantModel &model,
    const storage::Historian &historian, const SpcCharacteristic &characteristic, TimestampMs tMs,
    TimestampMs lookbackMs = 10 * 60'000);

} // namespace andon
