// andon-cli alarms: the alarm rationalisation report (annunciation rate, time in flood, bad
// actors, chattering, stale and standing alarms) from the historian's alarm journal
// (analytics/alarm_kpi.h, docs/alarms.md "KPIs").
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "analytics/alarm_kpi.h"
#include "core/config_loader.h"
#include "engine/alarm_service.h"
#include "storage/historian.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace andon::cli {

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char kUsage[] = "usage: andon-cli alarms --config FILE --db FILE --from T --to T [--json]\n";

int usageError(const QString &why)
{
    err() << "alarms: " << why << '\n' << kUsage;
    return 2;
}

QString duration(TimestampMs ms)
{
    const qint64 s = ms / 1000;
    if (s >= 3600)
        return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QStringLiteral("%1 s").arg(s);
}

} // namespace

int runAlarms(const QStringList &args)
{
    QHash<QString, QString> opt;
    static const QStringList valued { QStringLiteral("config"), QStringLiteral("db"),
        QStringLiteral("from"), QStringLiteral("to") };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json")) {
            opt.insert(QStringLiteral("json"), QStringLiteral("1"));
        } else if (a.startsWith(QLatin1String("--")) && valued.contains(a.mid(2))) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("option %1 needs a value").arg(a));
            opt.insert(a.mid(2), args.at(++i));
        } else {
            return usageError(QStringLiteral("unknown argument %1").arg(a));
        }
    }
    for (const QString &k : valued) {
        if (!opt.contains(k))
            return usageError(QStringLiteral("--config, --db, --from and --to are required"));
    }
    TimestampMs from = 0, to = 0;
    if (!parseTimestamp(opt.value(QStringLiteral("from")), &from)
        || !parseTimestamp(opt.value(QStringLiteral("to")), &to) || to <= from)
        return usageError(QStringLiteral("--from/--to must be ISO-8601 or epoch ms, from < to"));

    const ConfigResult config = ConfigLoader::loadFile(opt.value(QStringLiteral("config")));
    for (const QString &m : config.formattedMessages())
        err() << m << '\n';
    if (!config.ok())
        return 1;
    const PlantModel &model = *config.model;

    auto historian
        = openHistorianReadOnly(opt.value(QStringLiteral("db")), err(), QStringLiteral("alarms: "));
    if (!historian)
        return 1;
    // Everything before `to`: the state at `from` (standing alarms, a flood in progress)
    // comes from the earlier entries.
    const std::vector<analytics::AlarmEvent> journal
        = AlarmService::readJournal(*historian, std::numeric_limits<TimestampMs>::min(), to);
    const analytics::AlarmKpiReport r = analytics::computeAlarmKpis(journal, from, to);

    QTextStream out(stdout);
    if (opt.contains(QStringLiteral("json"))) {
        QJsonObject doc = analytics::alarmKpiToJson(r);
        doc.insert(QStringLiteral("config"), model.sourceFile);
        doc.insert(QStringLiteral("configured_alarms"), static_cast<int>(model.alarms.size()));
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "Alarm report " << formatTimestampUtc(from) << " .. " << formatTimestampUtc(to) << " ("
        << model.alarms.size() << " alarms configured, one operator position)\n\n";
    out << "Annunciated alarms:     " << r.annunciations << "  (priority 1: " << r.perPriority[1]
        << ", 2: " << r.perPriority[2] << ", 3: " << r.perPriority[3] << ", 4: " << r.perPriority[4]
        << ")\n";
    out << "Average per 10 min:     " << QString::number(r.averagePer10Min, 'f', 2)
        << "  (ISA-18.2 Table 5: ~1 very likely acceptable, ~2 maximum manageable)\n";
    out << "Most in a 10 min period: " << r.maxPer10Min << "  (" << r.periodsOverFlood << " of "
        << r.periods << " periods with " << analytics::kFloodStartAlarms << " or more)\n";
    out << "Time in flood:          " << QString::number(r.floodPercent, 'f', 1) << " %  ("
        << duration(r.floodMs) << ", " << r.floods << " floods; target < 1 %)\n";
    out << "\nTop " << r.badActors.size() << " bad actors ("
        << QString::number(r.badActorsShare * 100.0, 'f', 1) << " % of all annunciations):\n";
    for (const analytics::AlarmCount &c : r.badActors) {
        out << "  " << QString::number(c.count).rightJustified(6) << "  "
            << QString::number(c.share * 100.0, 'f', 1).rightJustified(5) << " %  P" << c.priority
            << "  " << c.alarmId << "\n";
    }
    out << "\nChattering (" << analytics::kChatterActivations
        << " or more activations in 1 min): " << r.chattering.size() << '\n';
    for (const analytics::ChatteringAlarm &c : r.chattering) {
        out << "  " << c.alarmId << "  up to " << c.maxInWindow << " per minute, " << c.activations
            << " activations\n";
    }
    out << "\nStanding at the end (active): " << r.standing.size() << '\n';
    for (const analytics::StandingAlarm &s : r.standing) {
        out << "  P" << s.priority << "  " << s.alarmId << "  "
            << analytics::alarmStateName(s.state) << " for " << duration(s.durationMs) << '\n';
    }
    out << "Stale (active over 24 h): " << r.stale.size() << '\n';
    for (const analytics::StandingAlarm &s : r.stale)
        out << "  P" << s.priority << "  " << s.alarmId << "  since "
            << formatTimestampUtc(s.activeSinceMs) << '\n';
    out << "Shelved: " << r.shelvedAtEnd << ", out of service: " << r.outOfServiceAtEnd
        << ", suppressed by design: " << r.suppressedAtEnd << '\n';
    return 0;
}

} // namespace andon::cli
