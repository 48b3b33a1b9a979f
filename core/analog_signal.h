// 4-20 mA analog inputs: raw converter counts -> loop current -> engineering units, with the
// signal quality judged by NAMUR NE 43. Pure functions, used by the Modbus codec and the MQTT
// payload decoder (a tag's `analog:` key, docs/integrations.md "4-20 mA analog inputs").
#pragma once

#include "core/sample.h"

#include <limits>

#include <QString>

namespace andon {

// NAMUR NE 43 (2003), "Standardization of the signal level for the failure information of
// digital transmitters": the measuring range is 4..20 mA; a transmitter may go on signalling
// the measured value down to 3.8 mA and up to 20.5 mA; below 3.8 mA or above 20.5 mA (the
// failure levels <= 3.6 mA and >= 21.0 mA, or a broken/shorted loop) the signal means a fault.
inline constexpr double kNe43RangeLowMa = 4.0;
inline constexpr double kNe43RangeHighMa = 20.0;
inline constexpr double kNe43FaultBelowMa = 3.8;
inline constexpr double kNe43FaultAboveMa = 20.5;

// How one input maps. A converter module reports `rawMin` at `maMin` and `rawMax` at `maMax`
// (linear; e.g. Siemens S7 analog input 4-20 mA: 0..27648; counts in µA: 4000..20000). The
// current's 4..20 mA span maps to the tag's engineering range [euLow, euHigh]; without a range
// (NaN) the value stays in mA.
struct AnalogScaling
{
    double rawMin = 4.0;
    double rawMax = 20.0;
    double maMin = 4.0;
    double maMax = 20.0;
    double euLow = std::numeric_limits<double>::quiet_NaN();
    double euHigh = std::numeric_limits<double>::quiet_NaN();

    friend bool operator==(const AnalogScaling &, const AnalogScaling &) = default;
};

struct AnalogReading
{
    double milliamps = 0.0;
    double value = 0.0; // engineering units (or mA without a range); kept even when not Good
    Quality q = Quality::Good;
    // Why the quality is not Good, e.g. "NE 43: 3.2 mA < 3.8 mA, sensor or wire fault"
    // ("" when Good). The caller prefixes where it came from (device/register, topic).
    QString reason;
};

// The loop current for a raw reading (no clamping: a broken wire reads below 4 mA).
double analogMilliamps(const AnalogScaling &s, double raw);
// Loop current -> engineering units over the 4..20 mA span (mA itself without a range).
double analogEngineering(const AnalogScaling &s, double milliamps);
// Current, value and NE 43 quality of one raw reading: below 3.8 mA or above 20.5 mA is
// Quality::BadSensorFailure; 3.8..4 mA and 20..20.5 mA is Quality::UncertainEuExceeded (out
// of the measuring range); 4..20 mA is Good. A non-finite raw value is BadSensorFailure.
AnalogReading evaluateAnalog(const AnalogScaling &s, double raw);

} // namespace andon
