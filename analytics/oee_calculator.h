// OEE per ISO 22400-2:2014 for one machine over one window (usually a shift), from state
// intervals, cumulative counters and product intervals; plus the line roll-up. Pure: no I/O.
// Used by engine/oee_query (historian -> inputs), andon-cli oee and the OEE page.
#pragma once

#include "core/plant_model.h"
#include "core/shift_calendar.h"

#include <map>
#include <optional>
#include <utility>
#include <vector>

#include <QString>

namespace andon::analytics {

using TimeWindow = std::pair<TimestampMs, TimestampMs>; // [start, end)

// A machine state that holds over [startMs, endMs). Category Unknown = no data or Bad/stale
// data for that time (docs/oee.md "Unknown time").
struct StateInterval
{
    TimestampMs startMs = 0;
    TimestampMs endMs = 0;
    int code = 0;
    StateCategory category = StateCategory::Unknown;
    QString reason; // state name from the config, e.g. "Jam at infeed"
};

// One reading of a cumulative counter. Non-good samples are ignored (they carry no count).
struct CounterSample
{
    TimestampMs t = 0;
    double value = 0.0;
    bool good = true;
};

// The product running over [startMs, endMs) with its ideal cycle time (ISO 22400-2 "planned
// run time per item", PRI).
struct ProductInterval
{
    TimestampMs startMs = 0;
    TimestampMs endMs = 0;
    int productCode = 0;
    double idealCycleS = 0.0;
};

struct OeeOptions
{
    // Stops (down or idle) shorter than this are micro-stops (small stops). 5 min after the
    // Vorne/oee.com six-big-losses definition ("small stops ... typically less than five
    // minutes"); configurable because plants differ.
    TimestampMs microStopMaxMs = 5 * 60'000;
    // Rejects counted within this long after a machine start (end of a changeover or of an
    // `off` period) are start-up rejects; later ones are production rejects.
    TimestampMs startupWindowMs = 10 * 60'000;
    // Counter rollover modulus (e.g. 65536 for a UInt16 register); 0 = counters never roll
    // over, every decrease is a reset.
    double counterModulus = 0.0;
};

struct OeeInput
{
    TimestampMs fromMs = 0; // the analysed window (calendar time)
    TimestampMs toMs = 0;
    // Planned operating windows inside [from, to): shifts minus breaks. nullopt = no calendar:
    // the whole window is planned.
    std::optional<std::vector<TimeWindow>> plannedWindows;
    // State intervals in time order; may start before `from` / end after `to` (stops that
    // span the window edge are classified by their full length). Time in [from, to) covered
    // by no interval is unknown time.
    std::vector<StateInterval> states;
    // Cumulative counters in time order, including the last sample before `from` as the
    // baseline. A delta is attributed to the time of the later sample. Any two of the three
    // are enough; total = good + reject when no total counter is given.
    std::vector<CounterSample> total, good, reject;
    std::vector<ProductInterval> products;
    double defaultIdealCycleS = 0.0; // when no product interval covers a part
};

// One stop for the loss list: a run of contiguous down/idle intervals.
struct StopEvent
{
    TimestampMs startMs = 0;
    TimestampMs endMs = 0;     // full extent (may exceed the window)
    TimestampMs plannedMs = 0; // part inside the planned production time of the window
    StateCategory category = StateCategory::Down;
    QString reason;            // state name, e.g. "Jam at infeed"
    bool micro = false;
    // Operator input, set by engine/StopAnnotations (empty when none was given).
    QString reasonCode;        // from the configured reason tree
    QString comment;
    QString annotatedBy;       // user who gave the reason/comment last
};

struct OeeResult
{
    // Times (ms). Calendar time = to - from; planned = inside planned windows.
    TimestampMs calendarMs = 0;
    TimestampMs plannedOperatingMs = 0;  // ISO 22400-2 POT (shift time minus breaks)
    TimestampMs plannedStopMs = 0;       // planned_stop state inside POT (planned downtime)
    TimestampMs plannedBusyMs = 0;       // ISO 22400-2 PBT = POT - planned downtime
    TimestampMs runMs = 0;               // ISO 22400-2 APT: running inside PBT
    std::map<StateCategory, TimestampMs> msByCategory; // inside POT, every category
    std::map<QString, TimestampMs> downMsByReason;     // down state time by state name
    TimestampMs unknownMs = 0;           // no data / bad data inside PBT (own bucket)

    // Counts in [from, to).
    double totalCount = 0, goodCount = 0, rejectCount = 0;
    double startupRejects = 0, productionRejects = 0;
    int counterResets = 0, counterRollovers = 0;
    double idealRunS = 0; // Σ ideal cycle time × parts (per product)
    double idealGoodS = 0;
    double idealRejectStartupS = 0, idealRejectProductionS = 0;
    std::map<int, double> countByProduct;

    // Loss tree (ms) inside PBT; see docs/oee.md "Loss tree".
    TimestampMs breakdownMs = 0;   // down stops >= micro-stop threshold
    TimestampMs microStopMs = 0;   // down/idle stops < threshold
    TimestampMs idleMs = 0;        // idle stops >= threshold
    TimestampMs changeoverMs = 0;  // setup and adjustment
    TimestampMs starvedMs = 0, blockedMs = 0, offMs = 0; // caused elsewhere / not switched on
    double reducedSpeedS = 0;      // run time - ideal run time (ISO: APT - PRI x PQ)
    std::vector<StopEvent> stops;

    // KPIs (ISO 22400-2:2014 §6.4); nullopt when the denominator is 0.
    std::optional<double> availability, performance, quality, oee, teep;
};

class OeeCalculator
{
public:
    explicit OeeCalculator(OeeOptions options = {}) : m_options(options) {}
    OeeResult compute(const OeeInput &input) const;

    // Count increments of a cumulative counter, each at the time of the later sample, across
    // resets (a decrease: the new value is the count since the reset) and rollovers at
    // `modulus` (a decrease whose wrapped delta is under half the modulus). Samples with
    // t < from serve only as the baseline; samples at or after `to` are ignored.
    static std::vector<std::pair<TimestampMs, double>>
    increments(const std::vector<CounterSample> &samples, TimestampMs fromMs, TimestampMs toMs,
               double modulus, int *resets = nullptr, int *rollovers = nullptr);

private:
    OeeOptions m_options;
};

// Planned operating windows of shift instances: each shift minus its breaks (ISO 22400-2
// planned operating time), in time order.
std::vector<TimeWindow> plannedWindows(const std::vector<ShiftInstance> &shifts);

// Line roll-up (docs/oee.md "Roll-up"): the line's OEE is its bottleneck's (the machine with
// the longest ideal cycle time, i.e. the lowest ideal rate; on a tie the one nearest the line
// output), because the constraint sets the line's output. Returns the index into `machines`
// or -1 when empty. `idealCycleS` parallel to `machines`.
int bottleneckIndex(const std::vector<double> &idealCycleS);

} // namespace andon::analytics
