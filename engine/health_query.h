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

    // Service counters since the last acknowledgement (or the start of the history).
    ServiceRecord lastService;
    TimestampMs countersSinceMs = 0;
    double runHours = kNaN, cycles = kNaN;
    double serviceRunHours = 0, serviceCycles = 0; // intervals (0 = none)
    std::optional<TimestampMs> serviceDueMs;        // estimated from the usage so far
    bool serviceOverdue = false;

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
    std::vector<ServiceRecord> serviceHistory(const QString &machinePath, int limit = 20) const;

    // The newest sample time in the historian (the "now" of a copied cache); 0 when empty.
    static TimestampMs newestData(const storage::Historian &historian, TimestampMs notAfter);

    // Records a service acknowledgement of `machine` at `t` by `user` ("what was done" in
    // `text`) with the counter readings it resets; returns the event id or -1 and *error
    // (read-only cache, empty text, unknown machine).
    static std::int64_t acknowledgeService(storage::Historian &historian, const PlantModel &model,
                                           int machine, const QString &user, const QString &text,
                                           TimestampMs t, const MachineHealth *before,
                                           QString *error);

    static constexpr const char *kCategory = "maintenance";
    static constexpr const char *kServiceKind = "service.ack";

private:
    const PlantModel &m_model;
    const storage::Historian &m_historian;
};

} // namespace andon
