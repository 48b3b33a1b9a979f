// andon-cli energy: energy per machine, line, shift or product for a time window from the
// historian: kWh, idle energy and its cost, kWh per good unit, the main meter and its
// unmetered rest, peak demand, cost by tariff, CO2e and leak checks (engine/energy_query,
// docs/energy.md).
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "core/config_loader.h"
#include "core/shift_calendar.h"
#include "engine/energy_query.h"
#include "storage/historian.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>
#include <cstdio>

namespace andon::cli {

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char kUsage[] = "usage: andon-cli energy --config FILE --db FILE --from T --to T\n"
                      "       [--by machine|line|shift|product] [--json|--csv]\n";

int usageError(const QString &why)
{
    err() << "energy: " << why << '\n' << kUsage;
    return 2;
}

QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QString fmt(double v, int decimals = 2)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("n/a");
}

double perUnit(double kwh, double units)
{
    return units > 0 ? kwh / units : std::numeric_limits<double>::quiet_NaN();
}

// One output row: a group (machine, line, shift x machine, product) and its numbers.
struct Row
{
    QString group;      // "machine", "line", "shift", "product"
    QString name;
    QString detail;     // shift rows: the machine; machine rows: the source
    double kwh = 0, idleKwh = 0, idleCost = 0, cost = 0, good = 0;
    double powerKwh = std::numeric_limits<double>::quiet_NaN();
};

QJsonObject toJson(const Row &r)
{
    return {{QStringLiteral("group"), r.group},
            {QStringLiteral("name"), r.name},
            {QStringLiteral("detail"), r.detail},
            {QStringLiteral("kwh"), r.kwh},
            {QStringLiteral("power_kwh"), num(r.powerKwh)},
            {QStringLiteral("idle_kwh"), r.idleKwh},
            {QStringLiteral("idle_share"), num(r.kwh > 0 ? r.idleKwh / r.kwh : NAN)},
            {QStringLiteral("idle_cost"), r.idleCost},
            {QStringLiteral("cost"), r.cost},
            {QStringLiteral("good_count"), r.good},
            {QStringLiteral("kwh_per_unit"), num(perUnit(r.kwh, r.good))}};
}

// The line's output: good parts of its last machine.
double lineGood(const EnergyReport &rep, const Line &line, int product = 0)
{
    if (line.machines.empty())
        return 0;
    const MachineEnergy &last = rep.machines[static_cast<std::size_t>(line.machines.back())];
    if (product == 0)
        return last.goodCount;
    const auto it = last.goodByProduct.find(product);
    return it == last.goodByProduct.end() ? 0 : it->second;
}

} // namespace

int runEnergy(const QStringList &args)
{
    QHash<QString, QString> opt;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        static const QStringList valued{QStringLiteral("config"), QStringLiteral("db"),
                                         QStringLiteral("from"), QStringLiteral("to"),
                                         QStringLiteral("by")};
        if (a == QLatin1String("--json") || a == QLatin1String("--csv")) {
            if (opt.contains(QStringLiteral("format")))
                return usageError(QStringLiteral("give at most one of --json and --csv"));
            opt.insert(QStringLiteral("format"), a.mid(2));
        } else if (a.startsWith(QLatin1String("--")) && valued.contains(a.mid(2))) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("option %1 needs a value").arg(a));
            opt.insert(a.mid(2), args.at(++i));
        } else {
            return usageError(QStringLiteral("unknown argument %1").arg(a));
        }
    }
    for (const char *required : {"config", "db", "from", "to"}) {
        if (!opt.contains(QLatin1String(required)))
            return usageError(QStringLiteral("--config, --db, --from and --to are required"));
    }
    const QString by = opt.value(QStringLiteral("by"), QStringLiteral("machine"));
    if (!QStringList{QStringLiteral("machine"), QStringLiteral("line"), QStringLiteral("shift"),
                     QStringLiteral("product")}
                 .contains(by))
        return usageError(QStringLiteral("--by must be machine, line, shift or product"));
    TimestampMs from = 0, to = 0;
    if (!parseTimestamp(opt.value(QStringLiteral("from")), &from)
        || !parseTimestamp(opt.value(QStringLiteral("to")), &to) || to <= from)
        return usageError(QStringLiteral("--from/--to must be ISO-8601 or epoch ms, from < to"));
    // Demand windows and per-minute series over more than a year are not a report anyone reads.
    constexpr TimestampMs kMaxRangeMs = 400LL * 86'400'000;
    if (to - from > kMaxRangeMs)
        return usageError(QStringLiteral("--from/--to may span at most 400 days"));

    const ConfigResult config = ConfigLoader::loadFile(opt.value(QStringLiteral("config")));
    for (const QString &m : config.formattedMessages())
        err() << m << '\n';
    if (!config.ok())
        return 1;
    const PlantModel &model = *config.model;
    if (!model.energy.configured)
        err() << "energy: " << model.sourceFile
              << " has no 'energy:' section: defaults (no tariff, no demand limit)\n";

    const QString dbPath = opt.value(QStringLiteral("db"));
    if (!QFile::exists(dbPath)) {
        err() << "energy: " << dbPath << ": no such historian file\n";
        return 1;
    }
    const auto historian
        = openHistorianReadOnly(dbPath, err(), QStringLiteral("energy: %1: ").arg(dbPath));
    if (!historian)
        return 1;

    const EnergyQuery query(model, *historian);
    const EnergyReport rep = query.report(from, to);
    const analytics::Tariff tariff = EnergyQuery::tariff(model);

    std::vector<Row> rows;
    if (by == u"machine") {
        for (const MachineEnergy &m : rep.machines)
            rows.push_back({QStringLiteral("machine"), m.path, m.source, m.kwh, m.idle.idleKwh,
                            m.idleCost, m.cost, m.goodCount, m.powerKwh});
    } else if (by == u"line") {
        for (const Line &l : model.lines) {
            Row r{QStringLiteral("line"), l.path, QString(), 0, 0, 0, 0, lineGood(rep, l), NAN};
            for (int mi : l.machines) {
                const MachineEnergy &m = rep.machines[static_cast<std::size_t>(mi)];
                r.kwh += m.kwh;
                r.idleKwh += m.idle.idleKwh;
                r.idleCost += m.idleCost;
                r.cost += m.cost;
            }
            rows.push_back(r);
        }
    } else if (by == u"shift") {
        std::vector<std::pair<QString, analytics::TimeWindow>> windows;
        if (model.calendar.isSet()) {
            for (const ShiftInstance &s : shiftInstances(model.calendar, from, to))
                windows.push_back({s.name + QLatin1Char(' ') + s.day.toString(Qt::ISODate),
                                   {std::max(s.startMs, from), std::min(s.endMs, to)}});
        } else {
            for (const auto &w : analytics::localDays(from, to, tariff.zone))
                windows.push_back({QDateTime::fromMSecsSinceEpoch(w.first, tariff.zone)
                                           .date()
                                           .toString(Qt::ISODate),
                                   w});
        }
        for (const auto &[label, w] : windows) {
            if (w.second <= w.first)
                continue;
            for (const MachineEnergy &m : rep.machines) {
                const analytics::IdleEnergy idle = analytics::idleEnergy(
                        m.slices, m.states, model.energy.idleStates, w.first, w.second);
                rows.push_back({QStringLiteral("shift"), label, m.path, idle.totalKwh,
                                idle.idleKwh, NAN,
                                analytics::tariffCost(m.slices, tariff, w.first, w.second).cost,
                                NAN, NAN});
            }
        }
    } else { // product
        std::map<int, Row> byProduct;
        for (const MachineEnergy &m : rep.machines) {
            for (const auto &[code, kwh] : m.kwhByProduct)
                byProduct[code].kwh += kwh;
        }
        for (const Line &l : model.lines) {
            for (auto &[code, row] : byProduct)
                row.good += lineGood(rep, l, code);
        }
        for (auto &[code, row] : byProduct) {
            row.group = QStringLiteral("product");
            row.name = QString::number(code);
            if (const ProductDef *p = model.product(code))
                row.detail = p->name;
            row.idleKwh = NAN;
            row.idleCost = NAN;
            row.cost = NAN;
            rows.push_back(row);
        }
    }

    QTextStream out(stdout);
    const QString format = opt.value(QStringLiteral("format"));
    const QString currency = model.energy.currency;
    if (format == u"csv") {
        out << "group,name,detail,kwh,power_kwh,idle_kwh,idle_cost,cost,good_count,kwh_per_unit\n";
        const auto csv = [](const QString &s) {
            return s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"'))
                    ? QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\""))
                            + QLatin1Char('"')
                    : s;
        };
        const auto n = [](double v) { return std::isfinite(v) ? QString::number(v, 'f', 4) : QString(); };
        for (const Row &r : rows)
            out << r.group << ',' << csv(r.name) << ',' << csv(r.detail) << ',' << n(r.kwh) << ','
                << n(r.powerKwh) << ',' << n(r.idleKwh) << ',' << n(r.idleCost) << ','
                << n(r.cost) << ',' << n(r.good) << ',' << n(perUnit(r.kwh, r.good)) << '\n';
        for (const QString &w : rep.warnings)
            err() << "energy: warning: " << w << '\n';
        return 0;
    }

    QJsonObject demand{{QStringLiteral("window_min"), double(model.energy.demandWindowMs) / 60000.0},
                       {QStringLiteral("mode"), model.energy.demandSliding ? QStringLiteral("sliding")
                                                                           : QStringLiteral("fixed")},
                       {QStringLiteral("limit_kw"), num(model.energy.demandLimitKw)},
                       {QStringLiteral("windows"), int(rep.demand.windows.size())},
                       {QStringLiteral("over_limit"), rep.demand.overLimit}};
    if (rep.demand.peak >= 0) {
        const analytics::DemandWindow &p = rep.demand.windows[std::size_t(rep.demand.peak)];
        demand.insert(QStringLiteral("peak_kw"), p.avgKw);
        demand.insert(QStringLiteral("peak_start"), formatTimestampUtc(p.startMs));
    }
    QJsonArray media;
    for (const MediumLine &m : rep.media) {
        QJsonArray periods;
        for (const analytics::LeakPeriod &p : m.leak.periods)
            periods.append(QJsonObject{{QStringLiteral("start"), formatTimestampUtc(p.startMs)},
                                       {QStringLiteral("end"), formatTimestampUtc(p.endMs)},
                                       {QStringLiteral("start_ms"), double(p.startMs)},
                                       {QStringLiteral("end_ms"), double(p.endMs)},
                                       {QStringLiteral("mean_flow"), p.meanFlow},
                                       {QStringLiteral("leak"), p.leak}});
        media.append(QJsonObject{{QStringLiteral("medium"), m.medium},
                                 {QStringLiteral("line"), m.linePath},
                                 {QStringLiteral("flow_tag"), m.flowPath},
                                 {QStringLiteral("unit"), m.unit},
                                 {QStringLiteral("total"), m.total},
                                 {QStringLiteral("cost"), m.cost},
                                 {QStringLiteral("leak"), m.leak.leak},
                                 {QStringLiteral("leak_threshold"), num(m.leakThreshold)},
                                 {QStringLiteral("mean_flow_stopped"), num(m.leak.meanFlowStopped)},
                                 {QStringLiteral("stopped_s"), double(m.leak.stoppedMs) / 1000.0},
                                 {QStringLiteral("leak_s"), double(m.leak.leakMs) / 1000.0},
                                 {QStringLiteral("wasted"), m.leak.wastedAmount},
                                 {QStringLiteral("first_leak_ms"), num(m.leak.leak ? double(m.leak.firstLeakMs) : NAN)},
                                 {QStringLiteral("stops"), periods}});
    }
    // Idle-energy waste ranking (machines, most idle energy first).
    std::vector<const MachineEnergy *> ranked;
    for (const MachineEnergy &m : rep.machines)
        ranked.push_back(&m);
    std::stable_sort(ranked.begin(), ranked.end(), [](const MachineEnergy *a, const MachineEnergy *b) {
        return a->idle.idleKwh > b->idle.idleKwh;
    });

    if (format == u"json") {
        QJsonArray jr, idle;
        for (const Row &r : rows)
            jr.append(toJson(r));
        for (const MachineEnergy *m : ranked)
            idle.append(QJsonObject{{QStringLiteral("machine"), m->path},
                                    {QStringLiteral("idle_kwh"), m->idle.idleKwh},
                                    {QStringLiteral("idle_cost"), m->idleCost}});
        QJsonArray subs;
        for (const MeterEnergy &s : rep.subMeters)
            subs.append(QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("kwh"), s.kwh}});
        const QJsonObject doc{
                {QStringLiteral("from"), formatTimestampUtc(from)},
                {QStringLiteral("to"), formatTimestampUtc(to)},
                {QStringLiteral("by"), by},
                {QStringLiteral("currency"), currency},
                {QStringLiteral("site_kwh"), rep.siteKwh},
                {QStringLiteral("main_kwh"), num(rep.mainKwh)},
                {QStringLiteral("machines_kwh"), rep.machinesKwh},
                {QStringLiteral("sub_meters_kwh"), rep.subMetersKwh},
                {QStringLiteral("sub_meters"), subs},
                {QStringLiteral("unmetered_kwh"), num(rep.unmeteredKwh)},
                {QStringLiteral("base_load_kw"), num(rep.baseLoadKw)},
                {QStringLiteral("cost"), rep.cost.cost},
                {QStringLiteral("co2e_kg"), num(rep.co2eKg)},
                {QStringLiteral("demand"), demand},
                {QStringLiteral("rows"), jr},
                {QStringLiteral("idle_ranking"), idle},
                {QStringLiteral("media"), media},
                {QStringLiteral("warnings"), QJsonArray::fromStringList(rep.warnings)}};
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return 0;
    }

    out << "energy " << formatTimestampUtc(from) << " .. " << formatTimestampUtc(to) << '\n'
        << "  site " << fmt(rep.siteKwh, 1) << " kWh (main meter " << fmt(rep.mainKwh, 1)
        << " kWh; machines " << fmt(rep.machinesKwh, 1) << ", sub-meters "
        << fmt(rep.subMetersKwh, 1) << ", unmetered " << fmt(rep.unmeteredKwh, 1) << " kWh)\n"
        << "  base load " << fmt(rep.baseLoadKw, 1) << " kW; cost " << fmt(rep.cost.cost) << ' '
        << currency << "; CO2e " << fmt(rep.co2eKg, 1) << " kg\n";
    if (rep.demand.peak >= 0) {
        const analytics::DemandWindow &p = rep.demand.windows[std::size_t(rep.demand.peak)];
        out << "  peak demand " << fmt(p.avgKw, 1) << " kW (" << model.energy.demandWindowMs / 60000
            << " min from " << formatTimestampUtc(p.startMs) << "), limit "
            << fmt(model.energy.demandLimitKw, 0) << " kW, " << rep.demand.overLimit
            << " windows over it\n";
    }
    out << "by " << by << ":\n";
    for (const Row &r : rows) {
        out << "  " << r.name;
        if (!r.detail.isEmpty())
            out << " [" << r.detail << ']';
        out << ": " << fmt(r.kwh) << " kWh";
        if (std::isfinite(r.idleKwh))
            out << ", idle " << fmt(r.idleKwh) << " kWh";
        if (std::isfinite(r.idleCost))
            out << " (" << fmt(r.idleCost) << ' ' << currency << ')';
        if (std::isfinite(r.cost))
            out << ", cost " << fmt(r.cost) << ' ' << currency;
        if (r.good > 0)
            out << ", " << fmt(perUnit(r.kwh, r.good), 4) << " kWh/unit (" << fmt(r.good, 0)
                << " good)";
        out << '\n';
    }
    out << "idle energy ranking:\n";
    for (const MachineEnergy *m : ranked)
        out << "  " << m->path << ": " << fmt(m->idle.idleKwh) << " kWh, " << fmt(m->idleCost)
            << ' ' << currency << '\n';
    for (const MediumLine &m : rep.media) {
        out << m.medium << ' ' << m.linePath << ": " << fmt(m.total, 1) << ' ' << m.unit
            << ", mean flow while stopped " << fmt(m.leak.meanFlowStopped, 1) << ' ' << m.unit
            << "/h";
        if (m.leak.leak)
            out << " - LEAK: above " << fmt(m.leakThreshold, 1) << ' ' << m.unit << "/h for "
                << fmt(double(m.leak.leakMs) / 60000.0, 0) << " min of stops, "
                << fmt(m.leak.wastedAmount, 1) << ' ' << m.unit << " wasted";
        out << '\n';
    }
    for (const QString &w : rep.warnings)
        err() << "energy: warning: " << w << '\n';
    return 0;
}

} // namespace andon::cli
