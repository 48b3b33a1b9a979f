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
enum class ConditionIndicator : std::uint8_t { Vibration, Temperature, Current, RunHours, Cycles,
                                               Oil };
QString conditionIndicatorName(ConditionIndicator i); // "vibration", "run_hours", ...
bool parseConditionIndicator(const QString &name, ConditionIndicator *out);

// An ISO 4406:2021 cleanliness code: the scale numbers of the particle counts per mL at
// >= 4, >= 6 and >= 14 µm(c) (e.g. 18/16/13). kNone marks a size not measured ("-" in the code),
// kAbove28 a count above the table (written ">28").
struct Iso4406Code
{
    static constexpr int kNone = -1;
    static constexpr int kAbove28 = 29;
    int r4 = kNone, r6 = kNone, r14 = kNone;

    bool isValid() const { return r4 != kNone || r6 != kNone || r14 != kNone; }
    int at(int i) const { return i == 0 ? r4 : i == 1 ? r6 : r14; } // 0: 4 µm, 1: 6 µm, 2: 14 µm
    QString toString() const; // "18/16/13", "-/16/13", ">28/27/20"
    bool operator==(const Iso4406Code &o) const = default;
};
// "18/16/13" or "-/16/13" (0..28 each, ">28" allowed); false for anything else.
bool parseIso4406Code(const QString &text, Iso4406Code *out);

// Oil condition from online sensors (`condition.oil`, docs/condition.md "Oil"): particle
// counts per mL -> ISO 4406 code judged against a target, water content and the oil-condition
// values the sensors give. Every tag is optional; a machine without any oil tag has no oil
// indicator.
struct OilSettings
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    QString particles4Tag, particles6Tag, particles14Tag; // counts per mL at >= 4/6/14 µm(c)
    Iso4406Code target{18, 16, 13};
    int alertSteps = 1, alarmSteps = 2; // scale numbers above the target (each step ~ x2 count)

    enum class WaterUnit : std::uint8_t { Ppm, Saturation };
    QString waterTag;
    WaterUnit waterUnit = WaterUnit::Saturation;
    double waterWarn = kNaN, waterAlarm = kNaN; // NaN: the unit's default (loader fills them)

    // Relative permittivity (dielectric constant): judged by |change| from the new-oil value
    // in %; NaN baseline = the mean of the tag's first hour of history. No default limits:
    // they depend on the oil and the sensor (the loader requires warn_pct and alarm_pct).
    QString permittivityTag;
    double permittivityBaseline = kNaN;
    double permittivityWarnPct = kNaN, permittivityAlarmPct = kNaN;

    // Viscosity: with a baseline (mm²/s) the tag is the viscosity; without one it already is
    // the change from the baseline in %. Judged by |change|; the defaults are the usual starting
    // limits of oil labs for industrial oils (caution ±5 %, critical ±10 %, docs/condition.md).
    QString viscosityTag;
    double viscosityBaseline = kNaN;
    double viscosityWarnPct = 5, viscosityAlarmPct = 10;

    // Total acid number, mg KOH/g: judged by the increase over the new-oil value (NaN baseline =
    // the first hour of history). No default limits (the loader requires warn and alarm).
    QString tanTag;
    double tanBaseline = kNaN;
    double tanWarn = kNaN, tanAlarm = kNaN;

    bool any() const
    {
        return !particles4Tag.isEmpty() || !particles6Tag.isEmpty() || !particles14Tag.isEmpty()
            || !waterTag.isEmpty() || !permittivityTag.isEmpty() || !viscosityTag.isEmpty()
            || !tanTag.isEmpty();
    }
};

// The settings of one machine (the plant defaults with its line's and its own overrides).
struct ConditionMachineSettings
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    bool vibration = true, temperature = true, current = true, runHours = true, cycles = true,
         oil = true;

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

    OilSettings oilSettings;      // judged when `oil` and at least one oil tag is set
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
