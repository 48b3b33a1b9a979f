// andon-cli export kpis / export series: KPIs per period and tag time series as CSV or JSON in
// the stable formats of docs/integrations.md "Export formats" (engine/kpi_records.h).
// `export` without a sub-command is the per-tag raw export of cmd_history.cpp.
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "core/config_loader.h"
#include "engine/kpi_records.h"
#include "engine/trend_export.h"
#include "storage/csv_io.h"
#include "storage/historian.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QTextStream>

#include <cmath>
#include <cstdio>
#include <memory>

namespace andon::cli {

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char kKpisUsage[] =
        "usage: andon-cli export kpis --config FILE --db FILE --from T --to T\n"
        "       [--per shift|hour|day] [--format csv|json] [--out FILE]\n";
const char kSeriesUsage[] =
        "usage: andon-cli export series --config FILE --db FILE --tags PATTERN --from T --to T\n"
        "       [--step SECONDS [--agg mean|min|max|last]] [--format csv|json] [--out FILE]\n";

int usageError(const char *usage, const QString &why)
{
    err() << "export: " << why << '\n' << usage;
    return 2;
}

// "--name VALUE" options only; false (and *why) on anything else.
bool parseValued(const QStringList &args, const QStringList &valued,
                 QHash<QString, QString> *opt, QString *why)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(QLatin1String("--")) || !valued.contains(a.mid(2))) {
            *why = QStringLiteral("unknown argument %1").arg(a);
            return false;
        }
        if (i + 1 >= args.size()) {
            *why = QStringLiteral("option %1 needs a value").arg(a);
            return false;
        }
        opt->insert(a.mid(2), args.at(++i));
    }
    return true;
}

// Where the output goes: --out FILE (written to a temporary file, renamed at the end, so an
// importer never sees half a file) or stdout.
class Output
{
public:
    bool open(const QString &path, QString *error)
    {
        if (path.isEmpty()) {
            auto f = std::make_unique<QFile>();
            if (!f->open(stdout, QIODevice::WriteOnly)) {
                *error = f->errorString();
                return false;
            }
            m_device = std::move(f);
            return true;
        }
        auto f = std::make_unique<QSaveFile>(path);
        if (!f->open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("%1: %2").arg(path, f->errorString());
            return false;
        }
        m_save = f.get();
        m_device = std::move(f);
        return true;
    }
    // open() with the reason on stderr on failure.
    bool openOrReport(const QString &path)
    {
        QString why;
        if (open(path, &why))
            return true;
        err() << "export: " << why << '\n';
        return false;
    }
    QIODevice *device() const { return m_device.get(); }
    bool write(const QByteArray &data) { return m_device->write(data) == data.size(); }
    bool commit(QString *error)
    {
        if (m_save && !m_save->commit()) {
            *error = m_save->errorString();
            return false;
        }
        return true;
    }

private:
    std::unique_ptr<QIODevice> m_device;
    QSaveFile *m_save = nullptr;
};

struct Common
{
    ConfigResult config;
    std::unique_ptr<storage::Historian> historian;
    TimestampMs from = 0, to = 0;
    bool json = false;
};

// Loads the config and the historian and reads --from/--to/--format; returns the exit code on
// failure, -1 on success.
int loadCommon(const QHash<QString, QString> &opt, const char *usage, Common *c)
{
    for (const char *name : {"config", "db", "from", "to"}) {
        if (!opt.contains(QLatin1String(name)))
            return usageError(usage, QStringLiteral("--%1 is required").arg(QLatin1String(name)));
    }
    if (!parseTimestamp(opt.value(QStringLiteral("from")), &c->from)
        || !parseTimestamp(opt.value(QStringLiteral("to")), &c->to) || c->to <= c->from)
        return usageError(usage,
                          QStringLiteral("--from/--to must be ISO-8601 or epoch ms, from < to"));
    const QString format = opt.value(QStringLiteral("format"), QStringLiteral("csv"));
    if (format != u"csv" && format != u"json")
        return usageError(usage, QStringLiteral("--format must be csv or json"));
    c->json = format == u"json";
    c->config = ConfigLoader::loadFile(opt.value(QStringLiteral("config")));
    for (const QString &m : c->config.formattedMessages())
        err() << m << '\n';
    if (!c->config.ok())
        return 1;
    c->historian
        = openHistorianReadOnly(opt.value(QStringLiteral("db")), err(), QStringLiteral("export: "));
    if (!c->historian)
        return 1;
    return -1;
}

QJsonObject header(const char *schema, const Common &c)
{
    return QJsonObject{{QStringLiteral("schema"), QLatin1String(schema)},
                       {QStringLiteral("schema_version"), kKpiSchemaVersion},
                       {QStringLiteral("from"), formatTimestampUtc(c.from)},
                       {QStringLiteral("to"), formatTimestampUtc(c.to)}};
}

int finish(Output &out, bool ok)
{
    QString error;
    if (!ok || !out.commit(&error)) {
        err() << "export: cannot write the output"
              << (error.isEmpty() ? QString() : QStringLiteral(": ") + error) << '\n';
        return 1;
    }
    return 0;
}

int runExportKpis(const QStringList &args)
{
    QHash<QString, QString> opt;
    QString why;
    if (!parseValued(args,
                     {QStringLiteral("config"), QStringLiteral("db"), QStringLiteral("from"),
                      QStringLiteral("to"), QStringLiteral("per"), QStringLiteral("format"),
                      QStringLiteral("out")},
                     &opt, &why))
        return usageError(kKpisUsage, why);
    KpiPer per = KpiPer::Shift;
    if (!parseKpiPer(opt.value(QStringLiteral("per"), QStringLiteral("shift")), &per))
        return usageError(kKpisUsage, QStringLiteral("--per must be shift, hour or day"));
    Common c;
    if (const int rc = loadCommon(opt, kKpisUsage, &c); rc >= 0)
        return rc;
    const PlantModel &model = *c.config.model;
    std::vector<KpiPeriod> periods;
    if (!kpiPeriods(model, c.from, c.to, per, &periods)) {
        err() << "export: too many periods between --from and --to\n";
        return 1;
    }
    Output out;
    if (!out.openOrReport(opt.value(QStringLiteral("out"))))
        return 1;
    bool ok = true;
    QSet<QString> warned;
    QJsonArray rows;
    if (!c.json)
        ok = out.write(kpiCsvHeader().toUtf8() + '\n');
    for (const KpiPeriod &p : periods) {
        for (const KpiRecord &r : computeKpis(model, *c.historian, p)) {
            for (const QString &w : r.warnings) {
                if (!warned.contains(w)) {
                    warned.insert(w);
                    err() << "export: warning: " << w << '\n';
                }
            }
            if (c.json)
                rows.append(kpiJson(r));
            else
                ok = ok && out.write(kpiCsvRow(r).toUtf8() + '\n');
        }
    }
    if (c.json) {
        QJsonObject doc = header("andon.kpis", c);
        doc.insert(QStringLiteral("per"), opt.value(QStringLiteral("per"), QStringLiteral("shift")));
        doc.insert(QStringLiteral("rows"), rows);
        ok = out.write(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    }
    return finish(out, ok);
}

int runExportSeries(const QStringList &args)
{
    QHash<QString, QString> opt;
    QString why;
    if (!parseValued(args,
                     {QStringLiteral("config"), QStringLiteral("db"), QStringLiteral("tags"),
                      QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("step"),
                      QStringLiteral("agg"), QStringLiteral("format"), QStringLiteral("out")},
                     &opt, &why))
        return usageError(kSeriesUsage, why);
    if (!opt.contains(QStringLiteral("tags")))
        return usageError(kSeriesUsage, QStringLiteral("--tags is required"));
    TimestampMs stepMs = 0;
    if (opt.contains(QStringLiteral("step"))) {
        bool ok = false;
        const double s = opt.value(QStringLiteral("step")).toDouble(&ok);
        if (!ok || !(s >= 0.001) || s > 366.0 * 86400.0)
            return usageError(kSeriesUsage, QStringLiteral("--step must be seconds (> 0)"));
        stepMs = std::max<TimestampMs>(1, std::llround(s * 1000.0));
    }
    SeriesAgg agg = SeriesAgg::Mean;
    if (opt.contains(QStringLiteral("agg"))) {
        if (stepMs == 0)
            return usageError(kSeriesUsage, QStringLiteral("--agg needs --step"));
        if (!parseSeriesAgg(opt.value(QStringLiteral("agg")), &agg))
            return usageError(kSeriesUsage, QStringLiteral("--agg must be mean, min, max or last"));
    }
    Common c;
    if (const int rc = loadCommon(opt, kSeriesUsage, &c); rc >= 0)
        return rc;
    const PlantModel &model = *c.config.model;
    QStringList configured;
    for (const TagDef &t : model.tags)
        configured << t.path;
    QStringList paths;
    for (const QString &p : matchTagPaths(configured, opt.value(QStringLiteral("tags")))) {
        if (c.historian->tagDbId(p) >= 0)
            paths << p;
    }
    if (paths.isEmpty()) {
        err() << "export: no tag of " << model.sourceFile << " matching '"
              << opt.value(QStringLiteral("tags")) << "' has history in "
              << c.historian->path() << '\n';
        return 1;
    }
    Output out;
    if (!out.openOrReport(opt.value(QStringLiteral("out"))))
        return 1;
    bool ok = true;
    if (!c.json && stepMs == 0) {
        // Raw samples: exactly the trend export (and `andon-cli import`) format.
        QString error;
        TrendExportStats stats;
        ok = exportTrendCsv(out.device(), paths, c.from, c.to, c.historian.get(), nullptr, &model,
                            &stats, &error);
        if (!ok)
            err() << "export: " << error << '\n';
        return finish(out, ok);
    }
    QJsonArray series;
    if (!c.json)
        ok = out.write(storage::sampleCsvHeader().toUtf8() + '\n');
    for (const QString &path : paths) {
        const std::vector<Sample> samples = c.historian->raw(path, c.from, c.to);
        QJsonArray points;
        if (stepMs == 0) {
            for (const Sample &s : samples) {
                points.append(QJsonObject{
                        {QStringLiteral("t"), formatTimestampUtc(s.t_ms)},
                        {QStringLiteral("value"),
                         std::isfinite(s.value) ? QJsonValue(s.value) : QJsonValue()},
                        {QStringLiteral("quality"), qualityName(s.q)}});
            }
        } else {
            QByteArray rows;
            for (const SeriesPoint &p : aggregateSeries(samples, stepMs, agg)) {
                if (c.json) {
                    points.append(QJsonObject{{QStringLiteral("t"), formatTimestampUtc(p.t)},
                                              {QStringLiteral("value"), p.value},
                                              {QStringLiteral("quality"), qualityName(p.q)},
                                              {QStringLiteral("count"),
                                               static_cast<double>(p.count)}});
                } else {
                    Sample s;
                    s.t_ms = p.t;
                    s.value = p.value;
                    s.q = p.q;
                    rows += storage::formatSampleCsvRow(path, s).toUtf8() + '\n';
                }
            }
            if (!c.json)
                ok = ok && out.write(rows);
        }
        if (c.json) {
            const TagDef *tag = model.tagByPath(path);
            series.append(QJsonObject{{QStringLiteral("tag"), path},
                                      {QStringLiteral("unit"), tag ? tag->unit : QString()},
                                      {QStringLiteral("points"), points}});
        }
    }
    if (c.json) {
        QJsonObject doc = header("andon.series", c);
        doc.insert(QStringLiteral("step_s"),
                   stepMs > 0 ? QJsonValue(static_cast<double>(stepMs) / 1000.0) : QJsonValue());
        doc.insert(QStringLiteral("agg"), stepMs > 0 ? QJsonValue(seriesAggName(agg)) : QJsonValue());
        doc.insert(QStringLiteral("series"), series);
        ok = out.write(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    }
    return finish(out, ok);
}

} // namespace

int runExportCommand(const QStringList &args)
{
    if (!args.isEmpty() && args.first() == u"kpis")
        return runExportKpis(args.mid(1));
    if (!args.isEmpty() && args.first() == u"series")
        return runExportSeries(args.mid(1));
    return runExport(args);
}

} // namespace andon::cli
