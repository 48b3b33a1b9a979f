// Reads a machine's state, counter and product tags from the historian for a time window,
// turns them into OEE inputs (intervals, counters, planned windows from the shift calendar)
// and runs analytics::OeeCalculator. Used by andon-cli oee and the OEE page; stateless.
#pragma once

#include "analytics/oee_calculator.h"
#include "core/plant_model.h"

#include <QStringList>

#include <map>

namespace andon::storage {
class Historian;
}

namespace andon {

struct OeeQueryOptions
{
    analytics::OeeOptions oee;
    // History read before `from` (the state and counter values at the window start, the start
    // of a stop that spans it) and after `to` (the end of such a stop).
    TimestampMs lookbackMs = 2 * 3'600'000;
    TimestampMs lookaheadMs = 2 * 3'600'000;
    // Micro-stop threshold and start-up reject window from the machine's `oee:` settings
    // (config); false: the values in `oee` (andon-cli --micro-stop-min / --startup-min).
    bool microStopFromConfig = true;
    bool startupFromConfig = true;
    // Apply operator annotations (StopAnnotations: splits, reasons, comments) to the stops.
    bool applyAnnotations = true;
};

struct MachineOee
{
    int machine = -1;
    QString path;
    double nominalIdealCycleS = 0; // for the bottleneck choice
    analytics::OeeResult result; // stops carry the operator annotations (applyAnnotations)
    // Planned stop time (down and idle stops, ms) by operator reason code, "unassigned"
    // (kUnassigned) where none was given: the downtime Pareto's input.
    std::map<QString, TimestampMs> stopMsByReason;
    // The state intervals read for the window (may reach past its edges): the state timeline.
    std::vector<analytics::StateInterval> states;
    QStringList warnings; // missing tags, missing baselines, ... (named by tag path)

    static constexpr const char *kUnassigned = "unassigned";
};

struct LineOee
{
    int line = -1;
    QString path;
    std::vector<MachineOee> machines; // in line order
    int bottleneck = -1;              // index into machines; the line's OEE is its OEE
};

class OeeQuery
{
public:
    OeeQuery(const PlantModel &model, const storage::Historian &historian,
             OeeQueryOptions options = {});

    // The calculator input of machine `machine` (index) for [from, to): a state sample holds
    // until the next one, at most the tag's stale_after; Bad samples and gaps are unknown.
    analytics::OeeInput input(int machine, TimestampMs fromMs, TimestampMs toMs,
                              QStringList *warnings = nullptr) const;
    MachineOee machine(int machine, TimestampMs fromMs, TimestampMs toMs) const;
    LineOee line(int line, TimestampMs fromMs, TimestampMs toMs) const;

private:
    const PlantModel &m_model;
    const storage::Historian &m_historian;
    OeeQueryOptions m_options;
};

} // namespace andon
