// Reads the condition indicators of every machine from the historian (minute and hour rollups,
// never raw samples) and judges them with analytics/condition: vibration zone and its
// remaining useful life, temperatures, motor-current deviation, run hours and cycles since the
// last service, health index and urgency. Service acknowledgements live in the event journal
// (category "maintenance", kind "service.ack") and reset the counters from their time.
// Used by andon-cli health and the Maintenance page (on its worker thread); stateless, so a
// read-only copied cache works like the live historian. docs/condition.md.
#pragma once

#include "analytics/condition.h"
#include "core/plant_model.h"

#include <QStringList>

#include <climits>

#include <functional>
#include <optional>
#include <vector>

namespace andon::storage {
class Historian;
struct Event;
}

namespace andon {

struct ServiceRecord
{
    TimestampMs t = 0; // 0 = none recorded
    QString user;
    QString text;      // what was done
    std::int64_t eventId = 0;
};

// Oil cleanliness and condition of one machine (docs/condition.md "Oil"): recent means of the
// online sensors, the ISO 4406 code against the target, and the RUL of the particle count that
// is nearest to its alarm code.
struct OilHealth
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    using Severity = analytics::condition::Severity;

    bool monitored = false; // at least one oil tag resolved
    QString particleTags[3]; // >= 4, 6, 14 µm(c); "" = not counted
    double perMl[3] = {kNaN, kNaN, kNaN}; // mean counts per mL over the recent window
    Iso4406Code code, target;
    int alertSteps = 1, alarmSteps = 2;
    int excess = INT_MIN;   // scale numbers above the target in the worst size
    Severity cleanliness = Severity::Unknown;

    QString waterTag;
    bool waterPpm = false;  // else % saturation
    double water = kNaN, waterWarn = kNaN, waterAlarm = kNaN;
    Severity waterSeverity = Severity::Unknown;

    QString permittivityTag;
    double permittivity = kNaN, permittivityBaseline = kNaN, permittivityChangePct = kNaN;
    Severity permittivitySeverity = Severity::Unknown;

    QString viscosityTag;
    double viscosity = kNaN, viscosityChangePct = kNaN; // viscosity NaN when the tag is a change
    Severity viscositySeverity = Severity::Unknown;

    QString tanTag;
    double tan = kNaN, tanBaseline = kNaN, tanIncrease = kNaN;
    Severity tanSeverity = Severity::Unknown;

    // RUL: time until the size nearest to its alarm code enters it (-1 = none fitted).
    int rulSize = -1;
    double rulThreshold = kNaN; // counts per mL
    std::vector<analytics::condition::Point> points; // hourly means of that size
    int fitFromIndex = 0;
    analytics::condition::RulEstimate rul;

    Severity worst() const;
};

// One service counter as the service dialog and andon-cli health show it.
struct ServiceCounterState
{
    QString key;           // HealthQuery::kRunHours, kCycles, kCurrentBaseline
    double value = std::numeric_limits<double>::quiet_NaN(); // NaN: not available
    double interval = 0;   // service interval (0 = none)
    TimestampMs sinceMs = 0; // counting since (its last reset or the start of the history)
};

struct MachineHealth
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    using Severity = analytics::condition::Severity;

    int machine = -1;
    QString path, name, line; // line name ("" outside lines)

    // Vibration (mm/s RMS, running minutes only).
    QString vibrationTag;      // "" = not monitored
    QString vibrationClass;
    VibrationZoneLimits zones;
    double vibration = kNaN;   // mean of the recent running minutes
    TimestampMs vibrationAtMs = 0;
    VibrationZone zone = VibrationZone::Unknown;
    std::vector<analytics::condition::Point> vibrationPoints; // the fit series (RUL window)
    int fitFromIndex = 0; // first point of vibrationPoints the RUL fit uses (degradation start)
    analytics::condition::RulEstimate rul;
    VibrationZone rulZone = VibrationZone::Unknown; // RUL is the time to enter this zone

    // Temperatures (°C, K) over the recent window.
    QString temperatureTag, ambientTag;
    double temperature = kNaN, rise = kNaN;
    Severity temperatureSeverity = Severity::Unknown, riseSeverity = Severity::Unknown;

    // Motor current: deviation from the baseline of the same state and product.
    QString currentTag;
    analytics::condition::CurrentDeviation current;
    Severity currentSeverity = Severity::Unknown;
    TimestampMs baselineFromMs = 0, baselineToMs = 0;

    // Service counters, each since the last acknowledgement that reset it (or the start of the
    // history). lastService is the newest acknowledgement of any counter.
    ServiceRecord lastService;
    TimestampMs countersSinceMs = 0; // the earlier of runHoursSinceMs and cyclesSinceMs
    TimestampMs runHoursSinceMs = 0, cyclesSinceMs = 0;
    double runHours = kNaN, cycles = kNaN;
    double serviceRunHours = 0, serviceCycles = 0; // intervals (0 = none)
    std::optional<TimestampMs> serviceDueMs;        // estimated from the usage so far
    bool serviceOverdue = false;

    OilHealth oil;

    // The counters the service dialog lists (monitored ones only).
    std::vector<ServiceCounterState> serviceCounters() const;

    double health = kNaN;      // 0..100
    QString healthDriver;      // the indicator with the lowest score ("vibration", ...)
    Severity worst = Severity::Unknown;
    double urgencyHours = std::numeric_limits<double>::infinity();
    analytics::condition::UrgencyInput urgency;
    QStringList warnings;      // missing tags, no baseline yet, ... (named by tag path)
};

struct FleetHealth
{
    TimestampMs nowMs = 0;
    std::vector<MachineHealth> machines; // most urgent first
};

class HealthQuery
{
public:
    HealthQuery(const PlantModel &model, const storage::Historian &historian);

    MachineHealth machine(int machine, TimestampMs now) const;
    // Every machine, sorted by urgency (analytics::condition::moreUrgent). `cancelled` is polled
    // between machines; a cancelled query returns what it has.
    FleetHealth fleet(TimestampMs now, const std::function<bool()> &cancelled = {}) const;

    ServiceRecord lastService(const QString &machinePath, TimestampMs upTo) const;
    // The newest acknowledgement up to `upTo` that reset `counter` (an acknowledgement written
    // before counters could be chosen reset all of them).
    ServiceRecord lastReset(const QString &machinePath, const QString &counter,
                            TimestampMs upTo) const;
    std::vector<ServiceRecord> serviceHistory(const QString &machinePath, int limit = 20) const;

    // The newest sample time in the historian (the "now" of a copied cache); 0 when empty.
    static TimestampMs newestData(const storage::Historian &historian, TimestampMs notAfter);

    // Records a service acknowledgement of `machine` at `t` by `user` ("what was done" in
    // `text`) that resets the counters named in `counters` (kRunHours, kCycles,
    // kCurrentBaseline; empty = none) and keeps the others; the readings before the reset come
    // from `before`. Returns the event id or -1 and *error (read-only cache, empty text,
    // unknown machine or counter).
    static std::int64_t acknowledgeService(storage::Historian &historian, const PlantModel &model,
                                           int machine, const QString &user, const QString &text,
                                           TimestampMs t, const MachineHealth *before,
                                           QString *error,
                                           const QStringList &counters = allCounters());

    static QStringList allCounters(); // kRunHours, kCycles, kCurrentBaseline

    static constexpr const char *kCategory = "maintenance";
    static constexpr const char *kServiceKind = "service.ack";
    static constexpr const char *kRunHours = "run_hours";
    static constexpr const char *kCycles = "cycles";
    static constexpr const char *kCurrentBaseline = "current_baseline";

private:
    void judgeOil(const Machine &m, const ConditionMachineSettings &s, TimestampMs now,
                  MachineHealth *out) const;

    const PlantModel &m_model;
    const storage::Historian &m_historian;
};

} // namespace andon
