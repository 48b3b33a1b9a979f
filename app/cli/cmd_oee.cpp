// andon-cli oee: OEE, its time buckets, counts and losses of a machine or a line for a time
// window or a shift, from the historian (engine/oee_query, docs/oee.md).
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "core/config_loader.h"
#include "core/shift_calendar.h"
#include "engine/oee_query.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>

#include <cstdio>

namespace andon::cli {

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char kUsage[] = "usage: andon-cli oee --config FILE --db FILE (--machine PATH|--line PATH)\n"
                      "       (--from T --to T | --shift NAME --date YYYY-MM-DD)\n"
                      "       [--micro-stop-min M] [--startup-min M] [--json]\n";

int usageError(const QString &why)
{
    err() << "oee: " << why << '\n' << kUsage;
    return 2;
}

QJsonValue kpi(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QString percent(const std::optional<double> &v)
{
    return v ? QString::number(*v * 100.0, 'f', 1) + QStringLiteral(" %") : QStringLiteral("n/a");
}

double seconds(TimestampMs ms)
{
    return static_cast<double>(ms) / 1000.0;
}

QString minutes(double s)
{
    return QString::number(s / 60.0, 'f', 1);
}

constexpr StateCategory kCategories[] = {
        StateCategory::Running,    StateCategory::Idle,        StateCategory::Starved,
        StateCategory::Blocked,    StateCategory::Down,        StateCategory::Changeover,
        StateCategory::PlannedStop, StateCategory::Off,        StateCategory::Unknown};

TimestampMs categoryMs(const analytics::OeeResult &r, StateCategory c)
{
    const auto it = r.msByCategory.find(c);
    return it == r.msByCategory.end() ? 0 : it->second;
}

QJsonObject toJson(const MachineOee &m)
{
    const analytics::OeeResult &r = m.result;
    QJsonObject byState, byReason, byProduct;
    for (StateCategory c : kCategories)
        byState.insert(stateCategoryName(c), seconds(categoryMs(r, c)));
    for (const auto &[reason, ms] : r.downMsByReason)
        byReason.insert(reason, seconds(ms));
    for (const auto &[code, n] : r.countByProduct)
        byProduct.insert(QString::number(code), n);
    const QJsonObject losses{
            {QStringLiteral("breakdowns_s"), seconds(r.breakdownMs)},
            {QStringLiteral("changeover_s"), seconds(r.changeoverMs)},
            {QStringLiteral("micro_stops_s"), seconds(r.microStopMs)},
            {QStringLiteral("idle_s"), seconds(r.idleMs)},
            {QStringLiteral("starved_s"), seconds(r.starvedMs)},
            {QStringLiteral("blocked_s"), seconds(r.blockedMs)},
            {QStringLiteral("off_s"), seconds(r.offMs)},
            {QStringLiteral("unknown_s"), seconds(r.unknownMs)},
            {QStringLiteral("reduced_speed_s"), r.reducedSpeedS},
            {QStringLiteral("startup_rejects_s"), r.idealRejectStartupS},
            {QStringLiteral("production_rejects_s"), r.idealRejectProductionS},
            {QStringLiteral("fully_productive_s"), r.idealGoodS}};
    return QJsonObject{{QStringLiteral("machine"), m.path},
                       {QStringLiteral("availability"), kpi(r.availability)},
                       {QStringLiteral("performance"), kpi(r.performance)},
                       {QStringLiteral("quality"), kpi(r.quality)},
                       {QStringLiteral("oee"), kpi(r.oee)},
                       {QStringLiteral("teep"), kpi(r.teep)},
                       {QStringLiteral("calendar_time_s"), seconds(r.calendarMs)},
                       {QStringLiteral("planned_operating_time_s"), seconds(r.plannedOperatingMs)},
                       {QStringLiteral("planned_stop_time_s"), seconds(r.plannedStopMs)},
                       {QStringLiteral("planned_production_time_s"), seconds(r.plannedBusyMs)},
                       {QStringLiteral("run_time_s"), seconds(r.runMs)},
                       {QStringLiteral("down_time_s"), seconds(categoryMs(r, StateCategory::Down))},
                       {QStringLiteral("unknown_time_s"), seconds(r.unknownMs)},
                       {QStringLiteral("time_by_state_s"), byState},
                       {QStringLiteral("down_time_by_reason_s"), byReason},
                       {QStringLiteral("total_count"), r.totalCount},
                       {QStringLiteral("good_count"), r.goodCount},
                       {QStringLiteral("reject_count"), r.rejectCount},
                       {QStringLiteral("startup_rejects"), r.startupRejects},
                       {QStringLiteral("production_rejects"), r.productionRejects},
                       {QStringLiteral("count_by_product"), byProduct},
                       {QStringLiteral("counter_resets"), r.counterResets},
                       {QStringLiteral("ideal_run_time_s"), r.idealRunS},
                       {QStringLiteral("stops"), static_cast<int>(r.stops.size())},
                       {QStringLiteral("losses"), losses},
                       {QStringLiteral("warnings"), QJsonArray::fromStringList(m.warnings)}};
}

void printText(QTextStream &out, const MachineOee &m)
{
    const analytics::OeeResult &r = m.result;
    out << "machine " << m.path << '\n'
        << "  availability " << percent(r.availability) << '\n'
        << "  performance  " << percent(r.performance) << '\n'
        << "  quality      " << percent(r.quality) << '\n'
        << "  oee          " << percent(r.oee) << '\n'
        << "  teep         " << percent(r.teep) << '\n'
        << "  time (min): calendar " << minutes(seconds(r.calendarMs)) << ", planned operating "
        << minutes(seconds(r.plannedOperatingMs)) << ", planned stop "
        << minutes(seconds(r.plannedStopMs)) << ", planned production "
        << minutes(seconds(r.plannedBusyMs)) << ", run " << minutes(seconds(r.runMs))
        << ", down " << minutes(seconds(categoryMs(r, StateCategory::Down))) << ", unknown "
        << minutes(seconds(r.unknownMs)) << '\n';
    out << "  by state (min):";
    for (StateCategory c : kCategories) {
        if (const TimestampMs ms = categoryMs(r, c); ms > 0)
            out << ' ' << stateCategoryName(c) << ' ' << minutes(seconds(ms));
    }
    out << '\n';
    if (!r.downMsByReason.empty()) {
        out << "  down by reason (min):";
        for (const auto &[reason, ms] : r.downMsByReason)
            out << ' ' << reason << ' ' << minutes(seconds(ms)) << ';';
        out << '\n';
    }
    out << "  counts: total " << r.totalCount << ", good " << r.goodCount << ", reject "
        << r.rejectCount << " (start-up " << r.startupRejects << ", production "
        << r.productionRejects << ")";
    if (r.counterResets > 0)
        out << ", " << r.counterResets << " counter resets";
    out << '\n'
        << "  losses (min): breakdowns " << minutes(seconds(r.breakdownMs)) << ", changeover "
        << minutes(seconds(r.changeoverMs)) << ", micro-stops " << minutes(seconds(r.microStopMs))
        << ", idle " << minutes(seconds(r.idleMs)) << ", starved "
        << minutes(seconds(r.starvedMs)) << ", blocked " << minutes(seconds(r.blockedMs))
        << ", off " << minutes(seconds(r.offMs)) << ", unknown " << minutes(seconds(r.unknownMs))
        << ", reduced speed " << minutes(r.reducedSpeedS) << ", start-up rejects "
        << minutes(r.idealRejectStartupS) << ", production rejects "
        << minutes(r.idealRejectProductionS) << '\n';
}

} // namespace

int runOee(const QStringList &args)
{
    QHash<QString, QString> opt;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        static const QStringList valued{
                QStringLiteral("config"), QStringLiteral("db"),   QStringLiteral("machine"),
                QStringLiteral("line"),   QStringLiteral("from"), QStringLiteral("to"),
                QStringLiteral("shift"),  QStringLiteral("date"), QStringLiteral("micro-stop-min"),
                QStringLiteral("startup-min")};
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
    const auto has = [&opt](const char *name) { return opt.contains(QLatin1String(name)); };
    if (!has("config") || !has("db"))
        return usageError(QStringLiteral("--config and --db are required"));
    if (has("machine") == has("line"))
        return usageError(QStringLiteral("give exactly one of --machine and --line"));
    const bool byTime = has("from") || has("to");
    const bool byShift = has("shift") || has("date");
    if (byTime == byShift || (byTime && !(has("from") && has("to")))
        || (byShift && !(has("shift") && has("date"))))
        return usageError(QStringLiteral("give --from and --to, or --shift and --date"));

    OeeQueryOptions qopt;
    for (const auto &[name, target] :
         {std::pair{"micro-stop-min", &qopt.oee.microStopMaxMs},
          std::pair{"startup-min", &qopt.oee.startupWindowMs}}) {
        if (!has(name))
            continue;
        bool ok = false;
        const double min = opt.value(QLatin1String(name)).toDouble(&ok);
        if (!ok || min < 0 || min > 24 * 60)
            return usageError(QStringLiteral("--%1 must be minutes (0..1440)")
                                      .arg(QLatin1String(name)));
        *target = static_cast<TimestampMs>(min * 60'000.0);
        // Given on the command line: it wins over the machine's `oee:` settings.
        if (target == &qopt.oee.microStopMaxMs)
            qopt.microStopFromConfig = false;
        else
            qopt.startupFromConfig = false;
    }

    const ConfigResult config = ConfigLoader::loadFile(opt.value(QStringLiteral("config")));
    for (const QString &m : config.formattedMessages())
        err() << m << '\n';
    if (!config.ok())
        return 1;
    const PlantModel &model = *config.model;

    TimestampMs from = 0, to = 0;
    if (byTime) {
        if (!parseTimestamp(opt.value(QStringLiteral("from")), &from)
            || !parseTimestamp(opt.value(QStringLiteral("to")), &to) || to <= from)
            return usageError(QStringLiteral("--from/--to must be ISO-8601 or epoch ms, from < to"));
    } else {
        const QDate day = QDate::fromString(opt.value(QStringLiteral("date")), Qt::ISODate);
        if (!day.isValid())
            return usageError(QStringLiteral("--date must be YYYY-MM-DD"));
        if (!model.calendar.isSet()) {
            err() << "oee: " << model.sourceFile << " has no calendar: use --from/--to\n";
            return 1;
        }
        QTimeZone tz(model.calendar.timeZone.toUtf8());
        if (!tz.isValid())
            tz = QTimeZone::utc();
        const TimestampMs dayStart = QDateTime(day, QTime(0, 0), tz).toMSecsSinceEpoch();
        const QString name = opt.value(QStringLiteral("shift"));
        bool found = false;
        QStringList names;
        for (const ShiftInstance &s :
             shiftInstances(model.calendar, dayStart, dayStart + 2 * 86'400'000)) {
            if (s.day == day && s.name == name) {
                from = s.startMs;
                to = s.endMs;
                found = true;
                break;
            }
            if (s.day == day)
                names << s.name;
        }
        if (!found) {
            err() << "oee: no shift '" << name << "' on " << day.toString(Qt::ISODate)
                  << " (shifts that day: "
                  << (names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")))
                  << ")\n";
            return 1;
        }
    }

    auto historian
        = openHistorianReadOnly(opt.value(QStringLiteral("db")), err(), QStringLiteral("oee: "));
    if (!historian)
        return 1;
    const OeeQuery query(model, *historian, qopt);

    std::vector<MachineOee> machines;
    int bottleneck = -1;
    QString linePath;
    if (has("machine")) {
        const QString path = opt.value(QStringLiteral("machine"));
        int index = -1;
        for (std::size_t i = 0; i < model.machines.size(); ++i) {
            if (model.machines[i].path == path)
                index = static_cast<int>(i);
        }
        if (index < 0) {
            err() << "oee: no machine " << path << " in " << model.sourceFile << '\n';
            return 1;
        }
        machines.push_back(query.machine(index, from, to));
    } else {
        linePath = opt.value(QStringLiteral("line"));
        int index = -1;
        for (std::size_t i = 0; i < model.lines.size(); ++i) {
            if (model.lines[i].path == linePath)
                index = static_cast<int>(i);
        }
        if (index < 0) {
            err() << "oee: no line " << linePath << " in " << model.sourceFile << '\n';
            return 1;
        }
        LineOee line = query.line(index, from, to);
        machines = std::move(line.machines);
        bottleneck = line.bottleneck;
    }
    for (const MachineOee &m : machines) {
        for (const QString &w : m.warnings)
            err() << "oee: warning: " << w << '\n';
    }

    QTextStream out(stdout);
    if (has("json")) {
        QJsonObject doc{{QStringLiteral("from_ms"), static_cast<double>(from)},
                        {QStringLiteral("to_ms"), static_cast<double>(to)},
                        {QStringLiteral("from"), formatTimestampUtc(from)},
                        {QStringLiteral("to"), formatTimestampUtc(to)}};
        if (has("shift")) {
            doc.insert(QStringLiteral("shift"), opt.value(QStringLiteral("shift")));
            doc.insert(QStringLiteral("date"), opt.value(QStringLiteral("date")));
        }
        if (linePath.isEmpty()) {
            doc.insert(QStringLiteral("machine"), toJson(machines.front()));
        } else {
            QJsonArray list;
            for (const MachineOee &m : machines)
                list.append(toJson(m));
            const QJsonObject b = bottleneck >= 0 ? list[bottleneck].toObject() : QJsonObject();
            doc.insert(QStringLiteral("line"),
                       QJsonObject{{QStringLiteral("line"), linePath},
                                   {QStringLiteral("rule"), QStringLiteral("bottleneck")},
                                   {QStringLiteral("bottleneck"), b.value(QStringLiteral("machine"))},
                                   {QStringLiteral("availability"), b.value(QStringLiteral("availability"))},
                                   {QStringLiteral("performance"), b.value(QStringLiteral("performance"))},
                                   {QStringLiteral("quality"), b.value(QStringLiteral("quality"))},
                                   {QStringLiteral("oee"), b.value(QStringLiteral("oee"))},
                                   {QStringLiteral("machines"), list}});
        }
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "window " << formatTimestampUtc(from) << " .. " << formatTimestampUtc(to);
    if (has("shift"))
        out << " (shift " << opt.value(QStringLiteral("shift")) << ' '
            << opt.value(QStringLiteral("date")) << ')';
    out << '\n';
    if (!linePath.isEmpty() && bottleneck >= 0) {
        const MachineOee &b = machines[static_cast<std::size_t>(bottleneck)];
        out << "line " << linePath << ": oee " << percent(b.result.oee) << " (bottleneck "
            << b.path << ")\n";
    }
    for (const MachineOee &m : machines)
        printText(out, m);
    return 0;
}

} // namespace andon::cli
