// Condition-monitoring settings of the plant configuration (`condition:`, docs/config.md
// "Condition monitoring", docs/condition.md): vibration severity classes with their zone
// limits, temperature and motor-current limits, service intervals and the remaining-useful-life
// fit window. Plain values loaded by ConfigLoader into PlantModel::condition; immutable after.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include <QHash>
#include <QString>
#include <QStringList>

namespace andon {

// Vibration severity zones (ISO 10816-3:2009 / ISO 20816-3:2022 §6.3.1, "evaluation zones"):
// A newly commissioned, B unrestricted long-term operation, C restricted (plan maintenance),
// D damage likely.
enum class VibrationZone : std::uint8_t { Unknown, A, B, C, D };
QString vibrationZoneName(VibrationZone z); // "A".."D", "?" for Unknown
bool parseVibrationZone(const QString &name, VibrationZone *out); // "A".."D" (any case)

// Zone boundaries in mm/s RMS velocity: A/B, B/C, C/D (strictly increasing when valid).
struct VibrationZoneLimits
{
    double ab = std::numeric_limits<double>::quiet_NaN();
    double bc = std::numeric_limits<double>::quiet_NaN();
    double cd = std::numeric_limits<double>::quiet_NaN();
    bool isValid() const { return ab > 0 && bc > ab && cd > bc; }
    // The boundary into zone `z` (B -> ab, C -> bc, D -> cd); NaN for A and Unknown.
    double boundaryInto(VibrationZone z) const;
};

struct VibrationClassDef
{
    QString name;   // "group2_rigid", or a name from `vibration_classes:`
    VibrationZoneLimits limits;
    QString source; // where the numbers come from (standard and table)
};

// The built-in classes: ISO 10816-3:2009 Table A.1 / ISO 20816-3:2022 Table A.1 (groups 1
// and 2, rigid and flexible support) and ISO 10816-1:1995 Annex B Table B.1 (classes I-IV).
const std::vector<VibrationClassDef> &builtinVibrationClasses();

// Indicators a machine can be judged by (`indicators:`).
enum class ConditionIndicator : std::uint8_t { Vibration, Temperature, Current, RunHours, Cycles };
QString conditionIndicatorName(ConditionIndicator i); // "vibration", "run_hours", ...
bool parseConditionIndicator(const QString &name, ConditionIndicator *out);

// The settings of one machine (the plant defaults with its line's and its own overrides).
struct ConditionMachineSettings
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    bool vibration = true, temperature = true, current = true, runHours = true, cycles = true;

    QString vibrationTag = QStringLiteral("vibration_rms"); // machine tag name, or a full path
    QString vibrationClass = QStringLiteral("group2_rigid");
    VibrationZoneLimits zones{1.4, 2.8, 4.5}; // of vibrationClass (resolved by the loader)

    QString temperatureTag = QStringLiteral("motor_temp");
    QString ambientTag;        // full path; "" = no rise over ambient
    double tempWarnC = 80, tempAlarmC = 95;  // absolute, °C
    double riseWarnK = 60, riseAlarmK = 80;  // over ambient, K (IEC 60034-1 class B: 80 K)

    QString currentTag = QStringLiteral("motor_current");
    double currentWarnPct = 10, currentAlarmPct = 20; // |deviation| from the baseline, %
    double currentBaselineH = 24; // reference period after the last service (or history start)

    QString cycleTag;             // "" = the machine's total_count role tag
    double serviceRunHours = 0;   // 0 = no run-hour interval
    double serviceCycles = 0;     // 0 = no cycle interval
};

struct ConditionSettings
{
    bool configured = false; // a `condition:` section exists
    std::vector<VibrationClassDef> classes; // custom classes from `vibration_classes:`
    ConditionMachineSettings defaults;
    QHash<QString, ConditionMachineSettings> byPath; // resolved for lines/machines with overrides

    VibrationZone rulTargetZone = VibrationZone::C; // RUL is the time to enter this zone
    double rulWindowH = 48;      // degradation fit over this much recent history
    double rulBucketMin = 60;    // one fit point per this many minutes (running minutes only)
    int rulMinPoints = 12;       // fewer points: "insufficient data"
    double rulMinAdjR2 = 0.5;    // a worse fit: "insufficient data"
    double rulHorizonDays = 90;  // crossings further out are "beyond the horizon"
    double recentMin = 60;       // "current" value = mean over this many recent minutes

    // Settings of the machine at `machinePath` on the line at `linePath`.
    const ConditionMachineSettings &machine(const QString &machinePath,
                                            const QString &linePath) const;
    // A custom class of that name, else a built-in one; null when unknown.
    const VibrationClassDef *vibrationClass(const QString &name) const;
};

} // namespace andon
