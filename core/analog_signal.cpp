#include "core/analog_signal.h"

#include <cmath>

namespace andon {

namespace {

// Scaled counts are not exact in binary floating point (e.g. 28512 counts of an S7 input are
// exactly 20.5 mA, but another module's counts may land 1e-15 beside a limit): a reading this
// close to an NE 43 limit counts as on it.
constexpr double kLimitToleranceMa = 1e-9;

QString milliampsText(double ma)
{
    // Two decimals are what a loop calibrator shows; trailing zeros dropped ("3.2", "0").
    const double rounded = std::round(ma * 100.0) / 100.0;
    return QString::number(rounded == 0.0 ? 0.0 : rounded, 'g', 10);
}

} // namespace

double analogMilliamps(const AnalogScaling &s, double raw)
{
    const double span = s.rawMax - s.rawMin;
    if (span == 0.0)
        return std::numeric_limits<double>::quiet_NaN();
    return s.maMin + (raw - s.rawMin) * (s.maMax - s.maMin) / span;
}

double analogEngineering(const AnalogScaling &s, double milliamps)
{
    if (!std::isfinite(s.euLow) || !std::isfinite(s.euHigh))
        return milliamps;
    return s.euLow
        + (milliamps - kNe43RangeLowMa) / (kNe43RangeHighMa - kNe43RangeLowMa)
        * (s.euHigh - s.euLow);
}

AnalogReading evaluateAnalog(const AnalogScaling &s, double raw)
{
    AnalogReading r;
    r.milliamps = analogMilliamps(s, raw);
    if (!std::isfinite(r.milliamps)) {
        r.value = std::numeric_limits<double>::quiet_NaN();
        r.q = Quality::BadSensorFailure;
        r.reason = QStringLiteral("NE 43: no valid current (raw value %1)").arg(raw);
        return r;
    }
    r.value = analogEngineering(s, r.milliamps);
    const double ma = r.milliamps;
    const QString text = milliampsText(ma);
    if (ma < kNe43FaultBelowMa - kLimitToleranceMa) {
        r.q = Quality::BadSensorFailure;
        r.reason = QStringLiteral("NE 43: %1 mA < %2 mA, sensor or wire fault")
                       .arg(text, milliampsText(kNe43FaultBelowMa));
    } else if (ma > kNe43FaultAboveMa + kLimitToleranceMa) {
        r.q = Quality::BadSensorFailure;
        r.reason = QStringLiteral("NE 43: %1 mA > %2 mA, sensor or wire fault")
                       .arg(text, milliampsText(kNe43FaultAboveMa));
    } else if (ma < kNe43RangeLowMa - kLimitToleranceMa) {
        r.q = Quality::UncertainEuExceeded;
        r.reason = QStringLiteral("NE 43: %1 mA < %2 mA, below the measuring range")
                       .arg(text, milliampsText(kNe43RangeLowMa));
    } else if (ma > kNe43RangeHighMa + kLimitToleranceMa) {
        r.q = Quality::UncertainEuExceeded;
        r.reason = QStringLiteral("NE 43: %1 mA > %2 mA, above the measuring range")
                       .arg(text, milliampsText(kNe43RangeHighMa));
    }
    return r;
}

} // namespace andon
