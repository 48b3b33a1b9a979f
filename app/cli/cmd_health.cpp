// andon-cli health: the condition of every machine (vibration zone, remaining useful life with
// its band, temperatures, motor-current deviation, service counters, health index), most urgent
// first, from the historian (engine/health_query, docs/condition.md).
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "core/config_loader.h"
#include "engine/health_query.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>

#include <climits>
#include <cmath>
#include <cstdio>

namespace andon::cli {

namespace {

namespace cond = analytics::condition;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char kUsage[] = "usage: andon-cli health --config FILE --db FILE [--at T] [--json]\n";

int usageError(const QString &why)
{
    err() << "health: " << why << '\n' << kUsage;
    return 2;
}

QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QJsonValue time(TimestampMs t)
{
    return t > 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc())
                                  .toString(Qt::ISODateWithMs))
                 : QJsonValue();
}

QJsonValue oilJson(const OilHealth &o)
{
    if (!o.monitored)
        return QJsonValue();
    const cond::RulEstimate &r = o.rul;
    QJsonObject rul{{QStringLiteral("status"), cond::rulStatusName(r.status)},
                    {QStringLiteral("reason"), r.reason},
                    {QStringLiteral("size"), o.rulSize == 0 ? QStringLiteral("4um")
                                             : o.rulSize == 1 ? QStringLiteral("6um")
                                             : o.rulSize == 2 ? QStringLiteral("14um")
                                                              : QString()},
                    {QStringLiteral("threshold_per_ml"), num(o.rulThreshold)},
                    {QStringLiteral("points"), int(o.points.size())}};
    if (r.status == cond::RulStatus::Ok) {
        rul.insert(QStringLiteral("rul_h"), r.rulHours());
        rul.insert(QStringLiteral("rul_low_h"), r.rulLowHours());
        rul.insert(QStringLiteral("rul_high_h"), r.rulHighHours());
        rul.insert(QStringLiteral("early_ms"), double(r.earlyMs));
    }
    return QJsonObject{
        {QStringLiteral("iso4406"), o.code.isValid() ? QJsonValue(o.code.toString()) : QJsonValue()},
        {QStringLiteral("target"), o.target.toString()},
        {QStringLiteral("per_ml"), QJsonArray{num(o.perMl[0]), num(o.perMl[1]), num(o.perMl[2])}},
        {QStringLiteral("excess_steps"), o.excess == INT_MIN ? QJsonValue() : QJsonValue(o.excess)},
        {QStringLiteral("cleanliness"), cond::severityName(o.cleanliness)},
        {QStringLiteral("water"), num(o.water)},
        {QStringLiteral("water_unit"), o.waterPpm ? QStringLiteral("ppm")
                                                  : QStringLiteral("percent_saturation")},
        {QStringLiteral("water_severity"), cond::severityName(o.waterSeverity)},
        {QStringLiteral("permittivity"), num(o.permittivity)},
        {QStringLiteral("permittivity_change_pct"), num(o.permittivityChangePct)},
        {QStringLiteral("permittivity_severity"), cond::severityName(o.permittivitySeverity)},
        {QStringLiteral("viscosity_change_pct"), num(o.viscosityChangePct)},
        {QStringLiteral("viscosity_severity"), cond::severityName(o.viscositySeverity)},
        {QStringLiteral("tan_increase"), num(o.tanIncrease)},
        {QStringLiteral("tan_severity"), cond::severityName(o.tanSeverity)},
        {QStringLiteral("rul"), rul}};
}

QJsonArray countersJson(const MachineHealth &h)
{
    QJsonArray out;
    for (const ServiceCounterState &c : h.serviceCounters())
        out.append(QJsonObject{{QStringLiteral("counter"), c.key},
                               {QStringLiteral("value"), num(c.value)},
                               {QStringLiteral("interval"), c.interval > 0 ? QJsonValue(c.interval)
                                                                           : QJsonValue()},
                               {QStringLiteral("since"), time(c.sinceMs)},
                               {QStringLiteral("overdue"), c.interval > 0 && c.value >= c.interval}});
    return out;
}

QJsonObject toJson(const MachineHealth &h, int rank)
{
    const cond::RulEstimate &r = h.rul;
    QJsonObject rul{{QStringLiteral("status"), cond::rulStatusName(r.status)},
                    {QStringLiteral("reason"), r.reason},
                    {QStringLiteral("target_zone"), vibrationZoneName(h.rulZone)},
                    {QStringLiteral("threshold_mm_s"), num(r.threshold)},
                    {QStringLiteral("model"), cond::trendModelName(r.chosen)},
                    {QStringLiteral("points"), int(h.vibrationPoints.size())}};
    if (r.chosen != cond::TrendModel::None) {
        rul.insert(QStringLiteral("adj_r2"), num(r.fit().adjR2));
        rul.insert(QStringLiteral("aic_linear"), num(r.linear.aic));
        rul.insert(QStringLiteral("aic_exponential"), num(r.exponential.aic));
    }
    if (r.status == cond::RulStatus::Ok || r.status == cond::RulStatus::Crossed) {
        rul.insert(QStringLiteral("crossing"), time(r.crossingMs));
        rul.insert(QStringLiteral("crossing_ms"), double(r.crossingMs));
        rul.insert(QStringLiteral("early_ms"), double(r.earlyMs));
        rul.insert(QStringLiteral("late_ms"), double(r.lateMs));
        rul.insert(QStringLiteral("late_beyond_horizon"), r.lateBeyondHorizon);
        rul.insert(QStringLiteral("rul_h"), r.rulHours());
        rul.insert(QStringLiteral("rul_low_h"), r.rulLowHours());
        rul.insert(QStringLiteral("rul_high_h"), r.rulHighHours());
    }
    return QJsonObject{
        {QStringLiteral("rank"), rank},
        {QStringLiteral("machine"), h.path},
        {QStringLiteral("health"), num(h.health)},
        {QStringLiteral("health_driver"), h.healthDriver},
        {QStringLiteral("worst"), cond::severityName(h.worst)},
        {QStringLiteral("urgency_h"), std::isfinite(h.urgencyHours) ? QJsonValue(h.urgencyHours)
                                                                    : QJsonValue()},
        {QStringLiteral("vibration"),
         QJsonObject{{QStringLiteral("tag"), h.vibrationTag},
                     {QStringLiteral("class"), h.vibrationClass},
                     {QStringLiteral("rms_mm_s"), num(h.vibration)},
                     {QStringLiteral("zone"), vibrationZoneName(h.zone)},
                     {QStringLiteral("limits_mm_s"),
                      QJsonArray{num(h.zones.ab), num(h.zones.bc), num(h.zones.cd)}}}},
        {QStringLiteral("rul"), rul},
        {QStringLiteral("temperature"),
         QJsonObject{{QStringLiteral("tag"), h.temperatureTag},
                     {QStringLiteral("value_c"), num(h.temperature)},
                     {QStringLiteral("severity"), cond::severityName(h.temperatureSeverity)},
                     {QStringLiteral("ambient_tag"), h.ambientTag},
                     {QStringLiteral("rise_k"), num(h.rise)},
                     {QStringLiteral("rise_severity"), cond::severityName(h.riseSeverity)}}},
        {QStringLiteral("current"),
         QJsonObject{{QStringLiteral("tag"), h.currentTag},
                     {QStringLiteral("deviation_pct"), num(h.current.pct)},
                     {QStringLiteral("groups"), h.current.groups},
                     {QStringLiteral("severity"), cond::severityName(h.currentSeverity)}}},
        {QStringLiteral("service"),
         QJsonObject{{QStringLiteral("last"), time(h.lastService.t)},
                     {QStringLiteral("last_by"), h.lastService.user},
                     {QStringLiteral("last_text"), h.lastService.text},
                     {QStringLiteral("since"), time(h.countersSinceMs)},
                     {QStringLiteral("run_hours"), num(h.runHours)},
                     {QStringLiteral("run_hours_interval"), num(h.serviceRunHours)},
                     {QStringLiteral("cycles"), num(h.cycles)},
                     {QStringLiteral("cycles_interval"), num(h.serviceCycles)},
                     {QStringLiteral("due"), h.serviceDueMs ? time(*h.serviceDueMs) : QJsonValue()},
                     {QStringLiteral("overdue"), h.serviceOverdue},
                     {QStringLiteral("counters"), countersJson(h)}}},
        {QStringLiteral("oil"), oilJson(h.oil)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(h.warnings)}};
}

QString rulText(const MachineHealth &h)
{
    const cond::RulEstimate &r = h.rul;
    switch (r.status) {
    case cond::RulStatus::Ok:
        return QStringLiteral("%1 h (%2-%3%4 h) to %5")
            .arg(r.rulHours(), 0, 'f', 1)
            .arg(r.rulLowHours(), 0, 'f', 1)
            .arg(r.lateBeyondHorizon ? QStringLiteral(">") : QString())
            .arg(r.rulHighHours(), 0, 'f', 1)
            .arg(vibrationZoneName(h.rulZone));
    case cond::RulStatus::Crossed: return QStringLiteral("in zone %1").arg(vibrationZoneName(h.zone));
    case cond::RulStatus::BeyondHorizon: return QStringLiteral("beyond horizon");
    default: break;
    }
    return h.vibrationTag.isEmpty() ? QStringLiteral("-") : QStringLiteral("insufficient data");
}

} // namespace

int runHealth(const QStringList &args)
{
    QString configFile, dbFile, at;
    bool json = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--config") || a == QLatin1String("--db")
                   || a == QLatin1String("--at")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("option %1 needs a value").arg(a));
            (a == QLatin1String("--config") ? configFile
                                             : a == QLatin1String("--db") ? dbFile : at)
                = args.at(++i);
        } else {
            return usageError(QStringLiteral("unknown argument %1").arg(a));
        }
    }
    if (configFile.isEmpty() || dbFile.isEmpty())
        return usageError(QStringLiteral("--config and --db are required"));
    const ConfigResult config = ConfigLoader::loadFile(configFile);
    for (const QString &m : config.formattedMessages())
        err() << m << '\n';
    if (!config.ok())
        return 1;
    const auto historian = openHistorianReadOnly(dbFile, err(), QStringLiteral("health: "));
    if (!historian)
        return 1;
    TimestampMs now = 0;
    if (!at.isEmpty()) {
        if (!parseTimestamp(at, &now))
            return usageError(QStringLiteral("--at must be ISO-8601 or epoch ms"));
    } else {
        // A copied cache is judged as of its newest data, not the wall clock.
        now = HealthQuery::newestData(*historian, QDateTime::currentMSecsSinceEpoch());
        if (now == 0) {
            err() << "health: " << dbFile << " holds no data\n";
            return 1;
        }
    }
    const PlantModel &model = *config.model;
    const FleetHealth fleet = HealthQuery(model, *historian).fleet(now);

    if (json) {
        QJsonArray machines;
        int rank = 1;
        for (const MachineHealth &h : fleet.machines)
            machines.append(toJson(h, rank++));
        const QJsonObject doc{{QStringLiteral("at"), time(now)},
                              {QStringLiteral("at_ms"), double(now)},
                              {QStringLiteral("rul_target_zone"),
                               vibrationZoneName(model.condition.rulTargetZone)},
                              {QStringLiteral("machines"), machines}};
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return 0;
    }
    out() << "Machine health at "
          << QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc()).toString(Qt::ISODate)
          << " (most urgent first)\n";
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                 .arg(QStringLiteral("#"), 2)
                 .arg(QStringLiteral("machine"), -40)
                 .arg(QStringLiteral("health"), 6)
                 .arg(QStringLiteral("zone"), 4)
                 .arg(QStringLiteral("vib mm/s"), 8)
                 .arg(QStringLiteral("RUL (band)"), -30)
                 .arg(QStringLiteral("service due"));
    int rank = 1;
    for (const MachineHealth &h : fleet.machines) {
        QString due = QStringLiteral("-");
        if (h.serviceOverdue)
            due = QStringLiteral("overdue");
        else if (h.serviceDueMs)
            due = QDateTime::fromMSecsSinceEpoch(*h.serviceDueMs, QTimeZone::utc())
                      .toString(QStringLiteral("yyyy-MM-dd"));
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                     .arg(rank++, 2)
                     .arg(h.path, -40)
                     .arg(std::isfinite(h.health) ? QString::number(h.health, 'f', 0)
                                                  : QStringLiteral("-"),
                          6)
                     .arg(vibrationZoneName(h.zone), 4)
                     .arg(std::isfinite(h.vibration) ? QString::number(h.vibration, 'f', 2)
                                                     : QStringLiteral("-"),
                          8)
                     .arg(rulText(h), -30)
                     .arg(due);
    }
    // Per counter: each restarts only when a service acknowledgement reset it.
    out() << "\nService counters (each since its last reset)\n";
    for (const MachineHealth &h : fleet.machines) {
        for (const ServiceCounterState &c : h.serviceCounters()) {
            QString value = QStringLiteral("-");
            if (c.key == QLatin1String(HealthQuery::kCurrentBaseline))
                value = QStringLiteral("learned from");
            else if (std::isfinite(c.value))
                value = QString::number(c.value, 'f', c.key == QLatin1String(HealthQuery::kRunHours) ? 1 : 0)
                    + (c.interval > 0 ? QStringLiteral(" / ") + QString::number(c.interval, 'f', 0)
                                      : QString());
            out() << QStringLiteral("%1 %2 %3 %4%5\n")
                         .arg(h.path, -40)
                         .arg(c.key, -16)
                         .arg(value, -20)
                         .arg(c.sinceMs > 0 ? QDateTime::fromMSecsSinceEpoch(c.sinceMs, QTimeZone::utc())
                                                  .toString(Qt::ISODate)
                                            : QStringLiteral("-"))
                         .arg(c.interval > 0 && c.value >= c.interval ? QStringLiteral("  overdue")
                                                                      : QString());
        }
    }
    bool anyOil = false;
    for (const MachineHealth &h : fleet.machines) {
        if (!h.oil.monitored)
            continue;
        if (!anyOil)
            out() << "\nOil (ISO 4406 against the target)\n";
        anyOil = true;
        out() << QStringLiteral("%1 %2 target %3 %4\n")
                     .arg(h.path, -40)
                     .arg(h.oil.code.isValid() ? h.oil.code.toString() : QStringLiteral("-"), -10)
                     .arg(h.oil.target.toString(), -10)
                     .arg(cond::severityName(h.oil.cleanliness));
    }
    return 0;
}

} // namespace andon::cli
