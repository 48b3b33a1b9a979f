// What the SPC page shows beside the control chart, computed from the historian: the process
// tags whose values differ most between out-of-control and in-control subgroups of a
// characteristic ("what differs when out of control"), and the Pareto of defect types of an
// attribute characteristic (a counter with `defect_types:`). Pure computation over a Historian
// it does not own; used by the SPC page's worker and andon-cli spc. Formulas: docs/spc.md.
#pragma once

#include "analytics/spc.h"
#include "engine/spc_analysis.h"

#include <vector>

namespace andon::storage {
class Historian;
}

namespace andon {

// ---- Out of control vs in control --------------------------------------------------------

// The process tags compared for a characteristic: the other analog tags of its machine and the
// analog tags of its line that belong to no machine (not the characteristic, no other
// characteristic, no counters, states or product codes).
std::vector<TagId> spcProcessTags(const PlantModel &model, const SpcCharacteristic &characteristic);

// Time-weighted mean of a sample-and-hold signal over [fromMs, toMs]: each good sample holds
// until the next one; the last good sample before fromMs gives the value at fromMs (when not
// older than `lookbackMs`). For fromMs == toMs the value held at that moment. NaN when no value
// is known in the span.
double spcSpanMean(const std::vector<Sample> &samples, TimestampMs fromMs, TimestampMs toMs,
    TimestampMs lookbackMs);

struct SpcTagDifference
{
    TagId tag = kInvalidTag;
    QString name, unit;
    int decimals = 1;
    // group 1: out-of-control subgroups, group 2: in-control subgroups; the values are the
    // tag's mean over each subgroup's time span. Ranked by |t| (Welch).
    analytics::spc::WelchTest test;
};

struct SpcCorrelation
{
    int subgroups = 0, outOfControl = 0, inControl = 0;
    std::vector<SpcTagDifference> tags; // largest |t| first; tags without a statistic last
    QString note; // why there is nothing to compare (no violations, no process tags, ...)
};

// A subgroup is out of control when it is one of the points of a rule violation of its chart
// (any rule, any series): the pattern's points, not only the one completing it. Every chart
// (product) of `analysis` contributes; its subgroups are classified against its own limits.
// Tag values older than `lookbackMs` before a subgroup's start are not used for it.
SpcCorrelation spcCorrelate(const PlantModel &model, const storage::Historian &historian,
    const SpcAnalysis &analysis, TimestampMs lookbackMs = 10 * 60'000);

// ---- Pareto of defect types --------------------------------------------------------------

// Counters with `defect_types:` (attribute characteristics), in configuration order.
std::vector<TagId> spcAttributeTags(const PlantModel &model);
// Those of one machine.
std::vector<TagId> spcAttributeTags(const PlantModel &model, int machine);

struct SpcDefectPareto
{
    TagId tag = kInvalidTag;
    QString name, unit; // "palletizer rejects"
    double total = 0.0; // increase of the characteristic's own counter in the window
    double classified = 0.0; // sum of the defect types' increases
    // Ranked defect types; "Unclassified" (total - classified) is added when the total counter
    // rose by more than its types explain.
    std::vector<analytics::spc::ParetoItem> items;
    int resets = 0; // counter resets and rollovers seen (counting continues across them)
};

// Increase of a counter over [fromMs, toMs) from its raw samples (the last sample before
// fromMs is the baseline), across resets and rollovers (OeeCalculator::increments).
double spcCounterIncrease(const std::vector<Sample> &samples, TimestampMs fromMs,
    TimestampMs toMs, double rollover, int *resets = nullptr);

SpcDefectPareto spcDefectPareto(const PlantModel &model, const storage::Historian &historian,
    TagId tag, TimestampMs fromMs, TimestampMs toMs);

} // namespace andon
