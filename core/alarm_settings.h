// Run-time changes of an alarm's limits, delays and priority (docs/alarms.md "Changing limits
// and delays at run time"): what may change, the checks a change must pass (the same as the
// configuration loader's for `alarms:`), and the texts the audit journal and the plant YAML
// get. Pure values and functions; engine/AlarmService applies, audits and persists them.
#pragma once

#include "core/alarm_def.h"

#include <optional>
#include <utility>
#include <vector>

#include <QString>

namespace andon {

struct PlantModel;

// Longest on/off delay: an hour, as the configuration allows (ISA-18.2 §5.3 recommends
// seconds to minutes; longer delays hide real events).
inline constexpr int kMaxAlarmDelayMs = 3'600'000;

// Only the fields that change are set.
struct AlarmSettingsChange
{
    std::optional<double> limit;    // high/low/deviation/rate-of-change types
    std::optional<double> setpoint; // deviation only
    std::optional<double> deadband; // types with a limit
    std::optional<int> onDelayMs;   // 0 .. kMaxAlarmDelayMs
    std::optional<int> offDelayMs;
    std::optional<int> priority;    // 1..4
    bool empty() const
    {
        return !limit && !setpoint && !deadband && !onDelayMs && !offDelayMs && !priority;
    }
};

// Which settings an alarm type supports (the editor shows only these).
bool alarmTypeHasSetpoint(AlarmType t);
// Discrete and bad-quality alarms have no limit and no deadband, but delays and a priority.

// `alarm` with `change` applied, after checking it against the running definitions
// `running` (the other alarms of the same tag keep low_low < low < high < high_high; a
// level limit stays inside the tag's range; the deadband stays below the limit or the range
// span; delays 0..1 h; priority 1..4; no field the type does not use). nullopt and *why (in
// words, translated) when refused.
std::optional<AlarmDef> applyAlarmSettings(const PlantModel &running, const AlarmDef &alarm,
    const AlarmSettingsChange &change, QString *why = nullptr);

// The alarms defined by the same configuration entry as `alarm` (an entry with `machines:`
// defines one alarm per machine; a run-time change applies to all of them, as the YAML
// entry does after a restart): indices into running.alarms, `alarm` included.
std::vector<int> alarmEntrySiblings(const PlantModel &running, const AlarmDef &alarm);

// Journal texts, English and stable (not translated): the changed settings of `before` and
// `after` as "limit 90 °C; on_delay 5 s" (old) / "limit 95 °C; on_delay 10 s" (new) and
// "limit 90 → 95 °C; on_delay 5 s → 10 s" (both). Empty when nothing differs.
struct AlarmSettingsTexts
{
    QString oldText;
    QString newText;
    QString changeText;
};
AlarmSettingsTexts describeAlarmSettingsChange(
    const PlantModel &model, const AlarmDef &before, const AlarmDef &after);

// The YAML keys and values (as YAML text) of the settings that differ, in the configuration's
// vocabulary: limit, setpoint, deadband, on_delay_s, off_delay_s, priority.
std::vector<std::pair<QString, QString>> alarmSettingsYamlFields(
    const AlarmDef &before, const AlarmDef &after);

// A number as the shortest text that reads back as the same double ("95", "0.075").
QString alarmSettingNumber(double v);

} // namespace andon
