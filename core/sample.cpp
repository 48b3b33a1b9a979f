#include "core/sample.h"
#include "core/clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <array>

namespace andon {

namespace {

struct QualityInfo
{
    Quality q;
    const char *name;
    const char *description; // translated through QCoreApplication::translate("andon::Quality")
};

// The table is the single source for names (CSV/JSON/CLI) and tooltip texts.
constexpr std::array kQualities = {
    QualityInfo{Quality::Good, "good", QT_TRANSLATE_NOOP("andon::Quality", "Good")},
    QualityInfo{Quality::GoodLocalOverride, "good_local_override",
                QT_TRANSLATE_NOOP("andon::Quality", "Good: local override")},
    QualityInfo{Quality::Uncertain, "uncertain", QT_TRANSLATE_NOOP("andon::Quality", "Uncertain")},
    QualityInfo{Quality::UncertainLastKnown, "uncertain_last_known",
                QT_TRANSLATE_NOOP("andon::Quality", "Uncertain: last known value")},
    QualityInfo{Quality::UncertainSensorNotAccurate, "uncertain_sensor_not_accurate",
                QT_TRANSLATE_NOOP("andon::Quality", "Uncertain: sensor not accurate")},
    QualityInfo{Quality::UncertainEuExceeded, "uncertain_eu_exceeded",
                QT_TRANSLATE_NOOP("andon::Quality", "Uncertain: outside the engineering range")},
    QualityInfo{Quality::UncertainSubNormal, "uncertain_sub_normal",
                QT_TRANSLATE_NOOP("andon::Quality", "Uncertain: sub-normal")},
    QualityInfo{Quality::Bad, "bad", QT_TRANSLATE_NOOP("andon::Quality", "Bad")},
    QualityInfo{Quality::BadConfigError, "bad_config_error",
                QT_TRANSLATE_NOOP("andon::Quality", "Bad: configuration error")},
    QualityInfo{Quality::BadNotConnected, "bad_not_connected",
                QT_TRANSLATE_NOOP("andon::Quality", "Bad: not connected, no value received yet")},
    QualityInfo{Quality::BadDeviceFailure, "bad_device_failure",
                QT_TRANSLATE_NOOP("andon::Quality", "Bad: device failure")},
    QualityInfo{Quality::BadSensorFailure, "bad_sensor_failure",
                QT_TRANSLATE_NOOP("andon::Quality", "Bad: sensor failure")},
    QualityInfo{Quality::BadCommFailure, "bad_comm_failure",
                QT_TRANSLATE_NOOP("andon::Quality", "Bad: communication failure")},
    QualityInfo{Quality::BadOutOfService, "bad_out_of_service",
                QT_TRANSLATE_NOOP("andon::Quality", "Bad: out of service")},
    QualityInfo{Quality::BadStale, "bad_stale",
                QT_TRANSLATE_NOOP("andon::Quality", "Stale: no update within the timeout")},
    QualityInfo{Quality::BadDecodeError, "bad_decode_error",
                QT_TRANSLATE_NOOP("andon::Quality", "Bad: the payload could not be decoded")},
};

const QualityInfo *find(Quality q)
{
    for (const auto &info : kQualities) {
        if (info.q == q)
            return &info;
    }
    return nullptr;
}

} // namespace

QString qualityName(Quality q)
{
    if (const auto *info = find(q))
        return QString::fromLatin1(info->name);
    // Unknown sub-code (e.g. from a newer file): keep the severity and the number.
    const auto raw = static_cast<int>(q);
    switch (severity(q)) {
    case QualitySeverity::Good:
        return QStringLiteral("good_%1").arg(raw);
    case QualitySeverity::Uncertain:
        return QStringLiteral("uncertain_%1").arg(raw);
    case QualitySeverity::Bad:
        break;
    }
    return QStringLiteral("bad_%1").arg(raw);
}

bool parseQuality(const QString &text, Quality *out)
{
    const QString t = text.trimmed().toLower();
    for (const auto &info : kQualities) {
        if (t == QLatin1String(info.name)) {
            *out = info.q;
            return true;
        }
    }
    bool isNumber = false;
    const int raw = t.toInt(&isNumber);
    if (isNumber && raw >= 0 && raw <= 255) {
        *out = static_cast<Quality>(raw);
        return true;
    }
    return false;
}

QString qualityDescription(Quality q)
{
    if (const auto *info = find(q))
        return QCoreApplication::translate("andon::Quality", info->description);
    return qualityName(q);
}

TimestampMs nowUtcMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

const SystemClock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

bool parseTimestamp(const QString &text, TimestampMs *out)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    bool isNumber = false;
    const qlonglong ms = t.toLongLong(&isNumber);
    if (isNumber) {
        *out = ms;
        return true;
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid())
        return false;
    // ISO-8601 without a zone designator is taken as UTC, never as the machine's local time:
    // a historian must not depend on where it runs.
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc());
    *out = dt.toMSecsSinceEpoch();
    return true;
}

QString formatTimestampUtc(TimestampMs t)
{
    // Qt::UTC (not QTimeZone::utc()) so the zone is written as "Z", not "+00:00".
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace andon
