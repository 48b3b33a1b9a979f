#include "core/alarm_settings.h"

#include "core/plant_model.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>
#include <limits>
#include <tuple>

namespace andon {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("andon::AlarmSettings", text);
}

bool refuse(QString *why, const QString &text)
{
    if (why)
        *why = text;
    return false;
}

bool isLevel(AlarmType t)
{
    return t == AlarmType::High || t == AlarmType::Low || t == AlarmType::HighHigh
        || t == AlarmType::LowLow;
}

// low_low < low < high < high_high among the alarms of one tag (ISA-18.2 §5: the second
// limit of a direction is the more severe one); -1 for the other types.
int levelRank(AlarmType t)
{
    switch (t) {
    case AlarmType::LowLow:
        return 0;
    case AlarmType::Low:
        return 1;
    case AlarmType::High:
        return 2;
    case AlarmType::HighHigh:
        return 3;
    default:
        return -1;
    }
}

// The unit of the limit, setpoint and deadband: the tag's, per minute for a rate.
QString limitUnit(const PlantModel &model, const AlarmDef &a)
{
    const QString unit = a.tag < model.tags.size() ? model.tags[a.tag].unit : QString();
    if (a.type == AlarmType::RateOfChange)
        return unit + QStringLiteral("/min");
    return unit;
}

QString withUnit(const QString &number, const QString &unit)
{
    return unit.isEmpty() ? number : number + u' ' + unit;
}

QString seconds(int ms)
{
    return alarmSettingNumber(ms / 1000.0);
}

bool same(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

} // namespace

QString alarmSettingNumber(double v)
{
    if (!std::isfinite(v))
        return QString();
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

bool alarmTypeHasSetpoint(AlarmType t)
{
    return t == AlarmType::Deviation;
}

std::optional<AlarmDef> applyAlarmSettings(const PlantModel &running, const AlarmDef &alarm,
    const AlarmSettingsChange &change, QString *why)
{
    if (alarm.external) {
        refuse(why,
            tr("%1 is an SPC violation alarm: its priority is set on the characteristic's "
               "specification (spec: alarm:) in the configuration")
                .arg(alarm.id));
        return std::nullopt;
    }
    if (change.empty()) {
        refuse(why, tr("nothing to change"));
        return std::nullopt;
    }
    const QString typeName = alarmTypeName(alarm.type);
    const bool hasLimit = alarmTypeHasLimit(alarm.type);
    if ((change.limit || change.deadband) && !hasLimit) {
        refuse(why, tr("a %1 alarm has no limit and no deadband").arg(typeName));
        return std::nullopt;
    }
    if (change.setpoint && !alarmTypeHasSetpoint(alarm.type)) {
        refuse(why, tr("only a deviation alarm has a setpoint; this one is %1").arg(typeName));
        return std::nullopt;
    }
    AlarmDef a = alarm;
    if (change.limit) {
        if (!std::isfinite(*change.limit)) {
            refuse(why, tr("the limit must be a finite number"));
            return std::nullopt;
        }
        a.limit = *change.limit;
    }
    if (change.setpoint) {
        if (!std::isfinite(*change.setpoint)) {
            refuse(why, tr("the setpoint must be a finite number"));
            return std::nullopt;
        }
        a.setpoint = *change.setpoint;
    }
    if (change.deadband) {
        if (!std::isfinite(*change.deadband) || *change.deadband < 0) {
            refuse(why, tr("the deadband must be 0 or more"));
            return std::nullopt;
        }
        a.deadband = *change.deadband;
    }
    for (const auto &[value, out, name] :
        { std::tuple { change.onDelayMs, &a.onDelayMs, tr("on-delay") },
            std::tuple { change.offDelayMs, &a.offDelayMs, tr("off-delay") } }) {
        if (!value)
            continue;
        if (*value < 0 || *value > kMaxAlarmDelayMs) {
            refuse(why,
                tr("the %1 must be between 0 and %2 s")
                    .arg(name)
                    .arg(kMaxAlarmDelayMs / 1000));
            return std::nullopt;
        }
        *out = *value;
    }
    if (change.priority) {
        if (*change.priority < kAlarmPriorityCritical || *change.priority > kAlarmPriorityLow) {
            refuse(why,
                tr("the priority must be %1 (critical) to %2 (low)")
                    .arg(kAlarmPriorityCritical)
                    .arg(kAlarmPriorityLow));
            return std::nullopt;
        }
        a.priority = *change.priority;
    }

    // The checks of the configuration loader (core/config_loader.cpp, readAlarm), on the result.
    const TagDef *tag = a.tag < running.tags.size() ? &running.tags[a.tag] : nullptr;
    const bool ranged = tag && std::isfinite(tag->rangeLow) && std::isfinite(tag->rangeHigh);
    const QString unit = limitUnit(running, a);
    if (hasLimit) {
        const bool positive
            = a.type == AlarmType::Deviation || a.type == AlarmType::RateOfChange;
        if (positive && !(a.limit > 0)) {
            refuse(why, tr("the limit of a %1 alarm must be above 0").arg(typeName));
            return std::nullopt;
        }
        if (ranged && isLevel(a.type) && (a.limit < tag->rangeLow || a.limit > tag->rangeHigh)) {
            refuse(why,
                tr("the limit %1 is outside the range of %2 (%3 to %4)")
                    .arg(withUnit(alarmSettingNumber(a.limit), unit), tag->path,
                        alarmSettingNumber(tag->rangeLow),
                        withUnit(alarmSettingNumber(tag->rangeHigh), unit)));
            return std::nullopt;
        }
        if (a.deadband > 0) {
            // The deadband must leave room to return to normal.
            const bool byLimit = !isLevel(a.type);
            const double room = byLimit ? a.limit
                                        : (ranged ? tag->rangeHigh - tag->rangeLow
                                                  : std::numeric_limits<double>::infinity());
            if (!(a.deadband < room)) {
                refuse(why,
                    (byLimit ? tr("the deadband %1 must be less than the limit (%2)")
                             : tr("the deadband %1 must be less than the tag's range span (%2)"))
                        .arg(withUnit(alarmSettingNumber(a.deadband), unit),
                            withUnit(alarmSettingNumber(room), unit)));
                return std::nullopt;
            }
        }
        const int rank = levelRank(a.type);
        for (const AlarmDef &other : running.alarms) {
            const int otherRank = levelRank(other.type);
            if (rank < 0 || other.id == a.id || other.tag != a.tag || otherRank < 0
                || otherRank == rank)
                continue;
            const bool above = rank > otherRank;
            if (above ? a.limit > other.limit : a.limit < other.limit)
                continue;
            refuse(why,
                (above ? tr("the %1 limit %2 must be above the limit %3 of the %4 alarm %5")
                       : tr("the %1 limit %2 must be below the limit %3 of the %4 alarm %5"))
                    .arg(typeName, withUnit(alarmSettingNumber(a.limit), unit),
                        withUnit(alarmSettingNumber(other.limit), unit),
                        alarmTypeName(other.type), other.name));
            return std::nullopt;
        }
    }
    if (a.type == AlarmType::Deviation && !std::isfinite(a.setpoint)) {
        refuse(why, tr("a deviation alarm needs a setpoint"));
        return std::nullopt;
    }
    if (alarmSettingsYamlFields(alarm, a).empty()) {
        refuse(why, tr("the new settings are the same as the current ones"));
        return std::nullopt;
    }
    return a;
}

std::vector<int> alarmEntrySiblings(const PlantModel &running, const AlarmDef &alarm)
{
    std::vector<int> out;
    for (std::size_t i = 0; i < running.alarms.size(); ++i) {
        const AlarmDef &a = running.alarms[i];
        const bool sameEntry = alarm.line > 0 && a.line == alarm.line && a.name == alarm.name
            && a.type == alarm.type && !a.external;
        if (a.id == alarm.id || (sameEntry && !alarm.external))
            out.push_back(static_cast<int>(i));
    }
    return out;
}

AlarmSettingsTexts describeAlarmSettingsChange(
    const PlantModel &model, const AlarmDef &before, const AlarmDef &after)
{
    QStringList olds, news, changes;
    const QString unit = limitUnit(model, before);
    const auto number = [&](const char *key, double a, double b) {
        if (same(a, b))
            return;
        const QString k = QLatin1String(key) + u' ';
        olds << k + withUnit(alarmSettingNumber(a), unit);
        news << k + withUnit(alarmSettingNumber(b), unit);
        changes << k + alarmSettingNumber(a) + QStringLiteral(" → ")
                + withUnit(alarmSettingNumber(b), unit);
    };
    const auto delay = [&](const char *key, int a, int b) {
        if (a == b)
            return;
        const QString k = QLatin1String(key) + u' ';
        olds << k + seconds(a) + QStringLiteral(" s");
        news << k + seconds(b) + QStringLiteral(" s");
        changes << k + seconds(a) + QStringLiteral(" s → ") + seconds(b) + QStringLiteral(" s");
    };
    number("limit", before.limit, after.limit);
    number("setpoint", before.setpoint, after.setpoint);
    number("deadband", before.deadband, after.deadband);
    delay("on_delay", before.onDelayMs, after.onDelayMs);
    delay("off_delay", before.offDelayMs, after.offDelayMs);
    if (before.priority != after.priority) {
        olds << QStringLiteral("priority %1").arg(before.priority);
        news << QStringLiteral("priority %1").arg(after.priority);
        changes << QStringLiteral("priority %1 → %2").arg(before.priority).arg(after.priority);
    }
    const QString sep = QStringLiteral("; ");
    return { olds.join(sep), news.join(sep), changes.join(sep) };
}

std::vector<std::pair<QString, QString>> alarmSettingsYamlFields(
    const AlarmDef &before, const AlarmDef &after)
{
    std::vector<std::pair<QString, QString>> out;
    const auto number = [&](const char *key, double a, double b) {
        if (!same(a, b) && std::isfinite(b))
            out.emplace_back(QLatin1String(key), alarmSettingNumber(b));
    };
    number("limit", before.limit, after.limit);
    number("setpoint", before.setpoint, after.setpoint);
    number("deadband", before.deadband, after.deadband);
    if (before.onDelayMs != after.onDelayMs)
        out.emplace_back(QStringLiteral("on_delay_s"), seconds(after.onDelayMs));
    if (before.offDelayMs != after.offDelayMs)
        out.emplace_back(QStringLiteral("off_delay_s"), seconds(after.offDelayMs));
    if (before.priority != after.priority)
        out.emplace_back(QStringLiteral("priority"), QString::number(after.priority));
    return out;
}

} // namespace andon
