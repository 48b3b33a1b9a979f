// Energy and utility-media analytics (the inputs of an ISO 50001 energy review): counter
// increments safe across rollover and meter replacement, power integration, consumption per
// interval/state/product, idle energy, base load, peak demand with a forecast, time-of-use
// cost and leak indication. Pure: no I/O. Used by engine/energy_query, andon-cli energy and
// the Energy page (docs/energy.md).
#pragma once

#include "analytics/oee_calculator.h"
#include "core/plant_model.h"

#include <QTimeZone>

#include <map>
#include <vector>

namespace andon::analytics {

// An amount (kWh, Nm³, m³) consumed evenly over [startMs, endMs). A slice with start == end
// is a point amount (attributed to that instant).
struct ConsumptionSlice
{
    TimestampMs startMs = 0;
    TimestampMs endMs = 0;
    double amount = 0.0;
};

enum class MeterEventKind : std::uint8_t {
    Rollover,    // the register wrapped at its rollover value; counted as new + rollover - old
    Replacement, // implausible drop or jump: a new meter (or a reset); new baseline, not counted
};

struct MeterEvent
{
    TimestampMs t = 0;
    MeterEventKind kind = MeterEventKind::Rollover;
    double before = 0.0;
    double after = 0.0;
};

struct CounterOptions
{
    // The register wraps to 0 on reaching this value (TagDef::rollover); 0 = unknown.
    double rollover = 0.0;
    // Largest plausible consumption per hour (e.g. 1.5 x the power tag's range high); an
    // increment above it (after unwrapping) is a replacement, not consumption. 0 = unknown:
    // then a drop is a rollover only when the wrapped increment is below
    // kRolloverPlausibleFraction of the rollover.
    double maxRatePerHour = 0.0;
    // A decrease up to this is jitter of the reading (rounding of a float, a re-read) and
    // ignored: the baseline stays at the higher value.
    double noise = 1e-9;
};

// Without a rate limit a wrap must be small against the register: a drop from 95000 to 100
// on a 100000 register is a wrap of 5100 (5.1 %), a drop from 45000 to 12 one of 55012 —
// that is a new meter. 10 % leaves room for long gaps between readings.
inline constexpr double kRolloverPlausibleFraction = 0.10;

struct CounterResult
{
    std::vector<ConsumptionSlice> slices; // one per pair of consecutive good readings
    std::vector<MeterEvent> events;
    double total = 0.0;
    int rollovers = 0;
    int replacements = 0;
};

// Consumption from a cumulative counter's readings (in time order; Bad ones skipped). An
// increment between readings t0 < t1 is spread evenly over [t0, t1), also across a gap (a
// meter keeps counting while nobody reads it).
CounterResult counterConsumption(const std::vector<CounterSample> &samples,
                                 const CounterOptions &options);

struct PowerIntegration
{
    std::vector<ConsumptionSlice> slices; // kWh, trapezoid between consecutive good samples
    double total = 0.0;                   // kWh
    TimestampMs coveredMs = 0;
    TimestampMs gapMs = 0;                // not bridged: longer than maxGapMs or a Bad sample
};

// Energy (kWh) from power samples (kW), trapezoid rule; a gap longer than maxGapMs is not
// bridged (its energy is unknown, counted in gapMs) — the counter is the primary source,
// this is the fallback and the cross-check.
PowerIntegration integratePower(const std::vector<CounterSample> &powerKw, TimestampMs maxGapMs);

// Amount inside [from, to) assuming each slice is consumed evenly.
double amountIn(const std::vector<ConsumptionSlice> &slices, TimestampMs fromMs, TimestampMs toMs);
// Amounts per window (any order, may overlap), one pass per window.
std::vector<double> amountsIn(const std::vector<ConsumptionSlice> &slices,
                              const std::vector<TimeWindow> &windows);
// Consecutive windows of `stepMs` from `fromMs` (the last one cut at `toMs`).
std::vector<TimeWindow> fixedWindows(TimestampMs fromMs, TimestampMs toMs, TimestampMs stepMs);
// Local calendar days [00:00, 24:00) of `zone` covering [from, to), clipped (23 h / 25 h on
// DST change days).
std::vector<TimeWindow> localDays(TimestampMs fromMs, TimestampMs toMs, const QTimeZone &zone);

// Energy while the machine was not producing: the slices' energy that falls into state
// intervals of the idle categories (evenly spread inside each slice).
struct IdleEnergy
{
    double totalKwh = 0.0;     // inside [from, to)
    double idleKwh = 0.0;
    std::map<StateCategory, double> kwhByCategory; // every category met, incl. running
    std::map<StateCategory, TimestampMs> msByCategory;
};
IdleEnergy idleEnergy(const std::vector<ConsumptionSlice> &slices,
                      const std::vector<StateInterval> &states,
                      const std::vector<StateCategory> &idleCategories, TimestampMs fromMs,
                      TimestampMs toMs);

// Energy per product code over the product intervals (clipped to [from, to)).
std::map<int, double> amountByProduct(const std::vector<ConsumptionSlice> &slices,
                                      const std::vector<ProductInterval> &products,
                                      TimestampMs fromMs, TimestampMs toMs);

// Base load: the demand that is always there, as the `quantile` (default 5 %) of the good
// power samples in [from, to); NaN without samples. A low quantile rather than the minimum
// so one glitch reading does not set it.
inline constexpr double kBaseLoadQuantile = 0.05;
double baseLoadKw(const std::vector<CounterSample> &powerKw, TimestampMs fromMs, TimestampMs toMs,
                  double quantile = kBaseLoadQuantile);

// ---- demand ----

struct DemandOptions
{
    TimestampMs windowMs = 15 * 60'000;
    // Fixed: windows aligned to multiples of windowMs since the epoch (= on the local clock's
    // quarter hours in every zone whose UTC offset is a multiple of the window). Sliding: a
    // window ending at every multiple of slideStepMs.
    bool sliding = false;
    TimestampMs slideStepMs = 60'000;
    double limitKw = std::numeric_limits<double>::quiet_NaN();
    double warnFraction = 0.9;
};

struct DemandWindow
{
    TimestampMs startMs = 0;
    TimestampMs endMs = 0;
    double avgKw = 0.0; // energy in the window / window length
};

struct DemandResult
{
    std::vector<DemandWindow> windows; // complete windows inside [from, to) only
    int peak = -1;                     // index of the highest (the first on a tie)
    int overLimit = 0;                 // windows above the limit
};
DemandResult demandWindows(const std::vector<ConsumptionSlice> &slices, TimestampMs fromMs,
                           TimestampMs toMs, const DemandOptions &options);

// Linear projection of the running window: energy so far plus the present power for the rest
// of it. Fixed mode: the window containing `now`; sliding mode: the window ending one step
// after `now`.
struct DemandForecast
{
    TimestampMs windowStartMs = 0, windowEndMs = 0;
    double soFarKwh = 0.0;
    double currentKw = 0.0;
    double projectedKw = 0.0;  // the window's average demand if the present power continues
    // Highest power for the rest of the window that keeps the window at the limit; NaN
    // without a limit.
    double headroomKw = std::numeric_limits<double>::quiet_NaN();
    bool warning = false;      // projected >= warnFraction x limit
    bool exceeded = false;     // projected > limit
};
DemandForecast forecastDemand(const std::vector<ConsumptionSlice> &slices, TimestampMs nowMs,
                              double currentKw, const DemandOptions &options);
// Mean power (kW) in [now - spanMs, now) from the slices; NaN without data.
double recentKw(const std::vector<ConsumptionSlice> &slices, TimestampMs nowMs, TimestampMs spanMs);

// ---- time-of-use tariff ----

struct Tariff
{
    QTimeZone zone = QTimeZone::utc();
    std::vector<TariffPeriodDef> periods; // first match wins
    QString defaultName = QStringLiteral("standard");
    double defaultPrice = 0.0;
};

struct TariffSegment
{
    TimestampMs startMs = 0, endMs = 0;
    QString name;
    double price = 0.0;
};
// [from, to) cut where the price changes: periods are in local wall time, so across a DST
// change a 22:00-06:00 night is 7 h or 9 h long. A local start that does not exist (spring
// forward gap) begins at the first instant after the gap.
std::vector<TariffSegment> tariffSegments(const Tariff &tariff, TimestampMs fromMs,
                                          TimestampMs toMs);

struct CostResult
{
    double cost = 0.0;
    double kwh = 0.0;
    std::map<QString, double> kwhByPeriod, costByPeriod;
};
CostResult tariffCost(const std::vector<ConsumptionSlice> &slices, const Tariff &tariff,
                      TimestampMs fromMs, TimestampMs toMs);

// kg CO2e of an energy amount; NaN when no factor is configured.
inline double co2eKg(double kwh, double kgPerKwh) { return kwh * kgPerKwh; }

// ---- leaks (compressed air, water, gas, steam) ----

struct LeakOptions
{
    double threshold = std::numeric_limits<double>::quiet_NaN(); // flow per hour
    TimestampMs minStopMs = 5 * 60'000;  // shorter stops are not judged
    TimestampMs settleMs = 60'000;       // flow lags the stop (valves, pipe volume): skipped
    TimestampMs maxGapMs = 5 * 60'000;   // flow samples further apart are not bridged
    // Long stops are judged in parts of this length (a rest under half of it joins the last
    // part), so a leak that starts during a night shows from the part it began in. 0 = whole.
    TimestampMs chunkMs = 15 * 60'000;
};

struct LeakPeriod
{
    TimestampMs startMs = 0, endMs = 0; // a judged part of a stop (after settling)
    double meanFlow = 0.0;               // per hour, time-weighted
    bool leak = false;                   // meanFlow > threshold
};

struct LeakResult
{
    std::vector<LeakPeriod> periods;  // every judged part of a stop, in time order
    TimestampMs stoppedMs = 0;        // judged stop time
    TimestampMs leakMs = 0;           // judged stop time with a leak
    double meanFlowStopped = std::numeric_limits<double>::quiet_NaN(); // over all judged stops
    double wastedAmount = 0.0;        // flow integrated over the stops flagged as leaks
    bool leak = false;                // any judged stop flagged
    TimestampMs firstLeakMs = 0;      // start of the first flagged stop
};
// Leak indication: while the consumers are stopped (`stoppedWindows`), the flow should drop to
// nearly nothing; a stop whose mean flow stays above the threshold indicates a leak (or a
// valve left open).
LeakResult leakIndication(const std::vector<CounterSample> &flow,
                          const std::vector<TimeWindow> &stoppedWindows, const LeakOptions &options);

// Time windows where every machine's state is in `categories` (state lists per machine, each
// in time order); the intersection over the machines, merged.
std::vector<TimeWindow> windowsInStates(const std::vector<std::vector<StateInterval>> &machines,
                                        const std::vector<StateCategory> &categories,
                                        TimestampMs fromMs, TimestampMs toMs);

} // namespace andon::analytics
