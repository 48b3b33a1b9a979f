#include "core/condition_def.h"

namespace andon {

QString vibrationZoneName(VibrationZone z)
{
    switch (z) {
    case VibrationZone::A: return QStringLiteral("A");
    case VibrationZone::B: return QStringLiteral("B");
    case VibrationZone::C: return QStringLiteral("C");
    case VibrationZone::D: return QStringLiteral("D");
    case VibrationZone::Unknown: break;
    }
    return QStringLiteral("?");
}

bool parseVibrationZone(const QString &name, VibrationZone *out)
{
    const QString n = name.trimmed().toUpper();
    static const VibrationZone zones[] = {VibrationZone::A, VibrationZone::B, VibrationZone::C,
                                          VibrationZone::D};
    for (VibrationZone z : zones) {
        if (n == vibrationZoneName(z)) {
            *out = z;
            return true;
        }
    }
    return false;
}

double VibrationZoneLimits::boundaryInto(VibrationZone z) const
{
    switch (z) {
    case VibrationZone::B: return ab;
    case VibrationZone::C: return bc;
    case VibrationZone::D: return cd;
    default: break;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

const std::vector<VibrationClassDef> &builtinVibrationClasses()
{
    // Velocity RMS, 10-1000 Hz, measured on the bearing housings. ISO 20816-3:2022 kept the
    // values of ISO 10816-3:2009 Table A.1 (group 1: 300 kW-50 MW; group 2: 15-300 kW).
    static const QString iso3 = QStringLiteral("ISO 10816-3:2009 / ISO 20816-3:2022 Table A.1");
    static const QString iso1 = QStringLiteral("ISO 10816-1:1995 Annex B Table B.1");
    static const std::vector<VibrationClassDef> classes{
        {QStringLiteral("group1_rigid"), {2.3, 4.5, 7.1}, iso3},
        {QStringLiteral("group1_flexible"), {3.5, 7.1, 11.0}, iso3},
        {QStringLiteral("group2_rigid"), {1.4, 2.8, 4.5}, iso3},
        {QStringLiteral("group2_flexible"), {2.3, 4.5, 7.1}, iso3},
        {QStringLiteral("class_i"), {0.71, 1.8, 4.5}, iso1},
        {QStringLiteral("class_ii"), {1.12, 2.8, 7.1}, iso1},
        {QStringLiteral("class_iii"), {1.8, 4.5, 11.2}, iso1},
        {QStringLiteral("class_iv"), {2.8, 7.1, 18.0}, iso1},
    };
    return classes;
}

QString conditionIndicatorName(ConditionIndicator i)
{
    switch (i) {
    case ConditionIndicator::Vibration: return QStringLiteral("vibration");
    case ConditionIndicator::Temperature: return QStringLiteral("temperature");
    case ConditionIndicator::Current: return QStringLiteral("current");
    case ConditionIndicator::RunHours: return QStringLiteral("run_hours");
    case ConditionIndicator::Cycles: return QStringLiteral("cycles");
    case ConditionIndicator::Oil: return QStringLiteral("oil");
    }
    return {};
}

bool parseConditionIndicator(const QString &name, ConditionIndicator *out)
{
    static const ConditionIndicator all[] = {
        ConditionIndicator::Vibration, ConditionIndicator::Temperature, ConditionIndicator::Current,
        ConditionIndicator::RunHours, ConditionIndicator::Cycles, ConditionIndicator::Oil};
    for (ConditionIndicator i : all) {
        if (name == conditionIndicatorName(i)) {
            *out = i;
            return true;
        }
    }
    return false;
}

QString Iso4406Code::toString() const
{
    const auto part = [](int r) {
        if (r == kNone)
            return QStringLiteral("-");
        if (r >= kAbove28)
            return QStringLiteral(">28");
        return QString::number(r);
    };
    return part(r4) + QLatin1Char('/') + part(r6) + QLatin1Char('/') + part(r14);
}

bool parseIso4406Code(const QString &text, Iso4406Code *out)
{
    const QStringList parts = text.trimmed().split(QLatin1Char('/'));
    if (parts.size() != 3)
        return false;
    int r[3];
    for (int i = 0; i < 3; ++i) {
        const QString p = parts[i].trimmed();
        bool ok = false;
        if (p == u"-") {
            r[i] = Iso4406Code::kNone;
            continue;
        }
        if (p == u">28") {
            r[i] = Iso4406Code::kAbove28;
            continue;
        }
        r[i] = p.toInt(&ok);
        if (!ok || r[i] < 0 || r[i] > 28)
            return false;
    }
    Iso4406Code c{r[0], r[1], r[2]};
    if (!c.isValid())
        return false;
    *out = c;
    return true;
}

const ConditionMachineSettings &ConditionSettings::machine(const QString &machinePath,
                                                           const QString &linePath) const
{
    if (const auto it = byPath.constFind(machinePath); it != byPath.constEnd())
        return *it;
    if (const auto it = byPath.constFind(linePath); it != byPath.constEnd())
        return *it;
    return defaults;
}

const VibrationClassDef *ConditionSettings::vibrationClass(const QString &name) const
{
    for (const VibrationClassDef &c : classes) {
        if (c.name == name)
            return &c;
    }
    for (const VibrationClassDef &c : builtinVibrationClasses()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

} // namespace andon
