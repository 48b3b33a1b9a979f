// Alarm definitions of the plant configuration (`alarms:`, docs/config.md "Alarms"), as the
// ISA-18.2 alarm engine consumes them. Plain values, loaded by ConfigLoader into
// PlantModel::alarms; immutable afterwards.
#pragma once

#include "core/sample.h"

#include <cstdint>
#include <limits>
#include <vector>

#include <QString>
#include <QStringList>

namespace andon {

struct PlantModel;

// What condition raises the alarm (ISA-18.2 §5 "alarm types").
enum class AlarmType : std::uint8_t {
    High,         // value > limit
    Low,          // value < limit
    HighHigh,     // value > limit (the second, more urgent high limit)
    LowLow,       // value < limit
    Deviation,    // |value - setpoint| > limit
    RateOfChange, // |d value / dt| > limit (engineering units per minute) over window_s
    Discrete,     // value equals one of `values` (state codes, 0/1)
    BadQuality,   // the tag's quality is bad (communication, sensor, stale)
};
QString alarmTypeName(AlarmType t); // "high_high", "rate_of_change", ...
bool parseAlarmType(const QString &name, AlarmType *out);
// Types compared with an analog limit (they take `limit` and `deadband`).
bool alarmTypeHasLimit(AlarmType t);

// Priorities 1..4, 1 the most urgent; colours and shapes in HMI-STYLE.md (1 critical red
// square, 2 high orange triangle, 3 medium yellow diamond, 4 low blue circle).
inline constexpr int kAlarmPriorityCritical = 1;
inline constexpr int kAlarmPriorityLow = 4;

struct AlarmDef
{
    QString id;          // unique: owner path + '/' + name, e.g. ".../feeder/motor_temp_high"
    QString name;        // as written (a path segment), e.g. "motor_temp_high"
    TagId tag = kInvalidTag;
    int machine = -1;    // the tag's machine (index), -1 for line/area/site tags
    AlarmType type = AlarmType::High;
    // High/low types: the limit; deviation: the largest allowed |value - setpoint|;
    // rate of change: the largest allowed |rate| in engineering units per minute.
    double limit = std::numeric_limits<double>::quiet_NaN();
    double setpoint = std::numeric_limits<double>::quiet_NaN(); // deviation only
    int windowS = 60;           // rate of change only: the rate is taken over this window
    std::vector<double> values; // discrete only: alarm while the value is one of these
    int priority = 3;           // 1..4
    // Return-to-normal hysteresis in engineering units: a high alarm clears below
    // limit - deadband, a low one above limit + deadband (ISA-18.2 §5.3 deadband).
    double deadband = 0.0;
    int onDelayMs = 0;          // the condition must hold this long before the alarm raises
    int offDelayMs = 0;         // ... and be gone this long before it returns to normal
    // Shown to the operator; placeholders {value} {limit} {setpoint} {unit} {tag} {machine}
    // {name} (see alarmMessage()).
    QString message;
    // Suppressed by design while machine `stateMachine` is in one of these state codes
    // (resolved from the state names and categories written in `suppress_in_states`).
    std::vector<int> suppressStateCodes;
    int stateMachine = -1;      // the tag's machine, or `state_from` (e.g. for a line tag)
    int line = 0;               // where it was defined in the configuration (1-based)
    // Raised from outside the sample path through AlarmService::setExternalCondition (the SPC
    // violation alarm of a characteristic, `spec: alarm:`); samples of `tag` never evaluate it.
    bool external = false;
    // External SPC alarms: the rule ids that raise it ("N1", "WE2", "LIMIT"); empty = any rule.
    QStringList rules;
};

// The placeholders alarmMessage() replaces, without braces.
QStringList alarmMessagePlaceholders();
// The alarm's message with its placeholders filled in: {value}, {limit} and {setpoint} with
// the tag's display decimals, {unit} the tag's unit, {tag} its path, {machine} the machine's
// path (or "" for plant tags), {name} the alarm name. An empty message gives a generated one.
QString alarmMessage(const PlantModel &model, const AlarmDef &alarm, double value);

} // namespace andon
