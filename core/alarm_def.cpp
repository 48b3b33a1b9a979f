#include "core/alarm_def.h"

#include "core/plant_model.h"

#include <array>
#include <cmath>
#include <utility>

namespace andon {

namespace {

// The config schema's vocabulary (docs/config.md "Alarms"): never rename.
constexpr std::array<std::pair<AlarmType, const char *>, 8> kAlarmTypes = { {
    { AlarmType::High, "high" },
    { AlarmType::Low, "low" },
    { AlarmType::HighHigh, "high_high" },
    { AlarmType::LowLow, "low_low" },
    { AlarmType::Deviation, "deviation" },
    { AlarmType::RateOfChange, "rate_of_change" },
    { AlarmType::Discrete, "discrete" },
    { AlarmType::BadQuality, "bad_quality" },
} };

constexpr std::array<const char *, 7> kPlaceholders = { "value", "limit", "setpoint", "unit",
    "tag", "machine", "name" };

QString formatValue(double v, int decimals)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    return QString::number(v, 'f', std::clamp(decimals, 0, 9));
}

} // namespace

QString alarmTypeName(AlarmType t)
{
    for (const auto &[v, name] : kAlarmTypes) {
        if (v == t)
            return QLatin1String(name);
    }
    return QString();
}

bool parseAlarmType(const QString &name, AlarmType *out)
{
    for (const auto &[v, n] : kAlarmTypes) {
        if (name == QLatin1String(n)) {
            if (out)
                *out = v;
            return true;
        }
    }
    return false;
}

bool alarmTypeHasLimit(AlarmType t)
{
    return t != AlarmType::Discrete && t != AlarmType::BadQuality;
}

QStringList alarmMessagePlaceholders()
{
    QStringList out;
    for (const char *p : kPlaceholders)
        out << QLatin1String(p);
    return out;
}

QString alarmMessage(const PlantModel &model, const AlarmDef &alarm, double value)
{
    const TagDef *tag = alarm.tag < model.tags.size() ? &model.tags[alarm.tag] : nullptr;
    const int decimals = tag ? tag->decimals : 2;
    QString text = alarm.message;
    if (text.isEmpty()) {
        text = QStringLiteral("{tag}: ") + alarmTypeName(alarm.type).replace(u'_', u' ');
        if (alarmTypeHasLimit(alarm.type))
            text += QStringLiteral(" ({value} {unit}, limit {limit} {unit})");
    }
    const QString machine = alarm.machine >= 0
                    && alarm.machine < static_cast<int>(model.machines.size())
            ? model.machines[static_cast<std::size_t>(alarm.machine)].path
            : QString();
    // One pass, so a replaced text that happens to contain "{...}" is left alone.
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'{') {
            const qsizetype close = text.indexOf(u'}', i + 1);
            if (close > i) {
                const QStringView key = QStringView(text).mid(i + 1, close - i - 1);
                QString replacement;
                bool known = true;
                if (key == u"value")
                    replacement = formatValue(value, decimals);
                else if (key == u"limit")
                    replacement = formatValue(alarm.limit, decimals);
                else if (key == u"setpoint")
                    replacement = formatValue(alarm.setpoint, decimals);
                else if (key == u"unit")
                    replacement = tag ? tag->unit : QString();
                else if (key == u"tag")
                    replacement = tag ? tag->path : QString();
                else if (key == u"machine")
                    replacement = machine;
                else if (key == u"name")
                    replacement = alarm.name;
                else
                    known = false;
                if (known) {
                    out += replacement;
                    i = close;
                    continue;
                }
            }
        }
        out += text[i];
    }
    // "{value} {unit}" with an empty unit leaves a double or trailing space.
    return out.simplified();
}

} // namespace andon
