// andon-cli spc: control chart, rule violations and capability of a measurement CSV file or of
// a configured quality characteristic in the historian (analytics/spc, docs/spc.md).
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "analytics/spc.h"
#include "core/config_loader.h"
#include "core/current_user.h"
#include "engine/spc_insights.h"
#include "engine/spc_limits_store.h"
#include "storage/csv_io.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace andon::cli {

namespace {

using namespace andon::analytics::spc;

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char kUsage[]
    = "usage: andon-cli spc --csv FILE --chart CHART [options]\n"
      "       andon-cli spc --config FILE --db FILE --characteristic TAG --chart CHART\n"
      "                     [--from T --to T] [--freeze --reason TEXT] [options]\n"
      "       andon-cli spc --config FILE --db FILE --characteristic TAG --chart CHART\n"
      "                     --correlate [--subgroup N] [--from T --to T] [--rules R] [--json]\n"
      "       andon-cli spc --config FILE --db FILE --characteristic COUNTER --pareto\n"
      "                     [--from T --to T] [--json]\n"
      "  CHART: xbar-r | xbar-s | median | imr | ewma | cusum | p | np | c | u\n"
      "  options: [--subgroup N | --window MINUTES] [--baseline N] [--rules nelson|we|none|1,2,5]\n"
      "           [--lambda L] [--L L] [--k K] [--h H] [--target T] [--sigma S]\n"
      "           [--lsl X] [--usl Y] [--json]\n"
      "  CSV columns (header, any order, case-insensitive): value, time, subgroup, product;\n"
      "  p/np: defectives (or value) and size; c: defects (or value); u: defects and size.\n"
      "  --characteristic uses the limits frozen in the historian when there are any;\n"
      "  --freeze --reason TEXT records the limits estimated from the baseline as a new version.\n"
      "  --correlate ranks the machine's process tags by how much they differ between\n"
      "  out-of-control and in-control subgroups (Welch t); --pareto ranks the defect types\n"
      "  (defect_types:) of a counter.\n";

int usageError(const QString &why)
{
    err() << "spc: " << why << '\n' << kUsage;
    return 2;
}

QString num(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 6) : QStringLiteral("-");
}

QString num(const std::optional<double> &v)
{
    return v ? num(*v) : QStringLiteral("n/a");
}

struct CsvData
{
    std::vector<Measurement> rows;
    bool hasTime = false, hasSubgroup = false, hasProduct = false;
    int skipped = 0;
};

// Reads the measurement CSV. Bad rows are reported as FILE:LINE and skipped; a missing
// column or an unreadable file is an error (false).
bool readCsv(const QString &fileName, ChartType chart, CsvData *out)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        err() << "spc: cannot open " << fileName << ": " << file.errorString() << '\n';
        return false;
    }
    QTextStream in(&file);
    int lineNo = 0;
    QHash<QString, int> col;
    QStringList fields;
    const bool attribute = isAttributeChart(chart);
    QString countColumn = QStringLiteral("value");
    bool needSize = false;
    int columns = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        ++lineNo;
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        const QString where
            = fileName + QLatin1Char(':') + QString::number(lineNo) + QStringLiteral(": ");
        if (!storage::splitCsvLine(line, &fields)) {
            err() << where << "unclosed quote: row skipped\n";
            ++out->skipped;
            continue;
        }
        if (col.isEmpty()) {
            for (int i = 0; i < fields.size(); ++i)
                col.insert(fields[i].trimmed().toLower(), i);
            columns = static_cast<int>(fields.size());
            if (attribute) {
                const QString named = (chart == ChartType::P || chart == ChartType::NP)
                    ? QStringLiteral("defectives")
                    : QStringLiteral("defects");
                if (col.contains(named))
                    countColumn = named;
                needSize = chart != ChartType::C;
            }
            if (!col.contains(countColumn)) {
                err() << where << "the header has no '" << countColumn << "' column"
                      << (attribute ? QStringLiteral(" (nor 'value')") : QString()) << '\n';
                return false;
            }
            if (needSize && !col.contains(QStringLiteral("size"))) {
                err() << where << "the " << chartTypeName(chart)
                      << " chart needs a 'size' column (units inspected per sample)\n";
                return false;
            }
            out->hasTime = col.contains(QStringLiteral("time"));
            out->hasSubgroup = col.contains(QStringLiteral("subgroup"));
            out->hasProduct = col.contains(QStringLiteral("product"));
            continue;
        }
        if (fields.size() != columns) {
            err() << where << fields.size() << " fields, the header has " << columns
                  << ": row skipped\n";
            ++out->skipped;
            continue;
        }
        const auto field
            = [&](const char *name) { return fields.value(col.value(QLatin1String(name), -1)); };
        Measurement m;
        const QString valueText = fields.value(col.value(countColumn));
        if (!storage::parseCsvValue(valueText, &m.value) || !std::isfinite(m.value)) {
            err() << where << "column " << countColumn << ": '" << valueText
                  << "' is not a number: row skipped\n";
            ++out->skipped;
            continue;
        }
        if (col.contains(QStringLiteral("size"))) {
            const QString sizeText = field("size");
            if (!storage::parseCsvValue(sizeText, &m.size) || !(m.size > 0)) {
                if (needSize) {
                    err() << where << "column size: '" << sizeText
                          << "' is not a positive number: row skipped\n";
                    ++out->skipped;
                    continue;
                }
                m.size = 1.0;
            }
        }
        if (attribute && m.value < 0) {
            err() << where << "column " << countColumn << ": a count cannot be negative: row "
                  << "skipped\n";
            ++out->skipped;
            continue;
        }
        if (out->hasTime && !field("time").isEmpty() && !parseTimestamp(field("time"), &m.t)) {
            err() << where << "column time: '" << field("time")
                  << "' is not ISO-8601 or epoch ms: row skipped\n";
            ++out->skipped;
            continue;
        }
        m.subgroup = field("subgroup");
        m.partition = field("product");
        out->rows.push_back(std::move(m));
    }
    if (col.isEmpty()) {
        err() << "spc: " << fileName << " is empty (no header)\n";
        return false;
    }
    return true;
}

// Raw good samples of a configured characteristic, each tagged with the product running on its
// machine at that time (the machine's `product` role tag), so a product change starts a new
// subgroup and a chart of its own.
bool readHistorian(
    const QHash<QString, QString> &opt, ChartType chart, CsvData *out, SpecLimits *spec)
{
    if (isAttributeChart(chart)) {
        err() << "spc: attribute charts (p, np, c, u) read counts per sample from --csv; a "
                 "configured characteristic is a measured tag (use xbar-r, xbar-s, median, imr, "
                 "ewma or cusum)\n";
        return false;
    }
    const ConfigResult config = ConfigLoader::loadFile(opt.value(QStringLiteral("config")));
    for (const QString &m : config.formattedMessages())
        err() << m << '\n';
    if (!config.ok())
        return false;
    const PlantModel &model = *config.model;
    const QString path = opt.value(QStringLiteral("characteristic"));
    const TagDef *tag = model.tagByPath(path);
    if (!tag) {
        err() << "spc: no tag " << path << " in " << model.sourceFile << '\n';
        return false;
    }
    if (tag->spec) {
        // --lsl/--usl on the command line win over the config.
        if (!std::isfinite(spec->lsl))
            spec->lsl = tag->spec->lsl;
        if (!std::isfinite(spec->usl))
            spec->usl = tag->spec->usl;
    } else if (!std::isfinite(spec->lsl) && !std::isfinite(spec->usl)) {
        err() << "spc: warning: " << path << " has no spec: limits in " << model.sourceFile
              << " (not a quality characteristic): no capability\n";
    }
    TimestampMs from = 0, to = nowUtcMs();
    if ((opt.contains(QStringLiteral("from"))
            && !parseTimestamp(opt.value(QStringLiteral("from")), &from))
        || (opt.contains(QStringLiteral("to"))
            && !parseTimestamp(opt.value(QStringLiteral("to")), &to))
        || to < from) {
        err() << "spc: --from/--to must be ISO-8601 or epoch ms, from <= to\n";
        return false;
    }
    auto historian
        = openHistorianReadOnly(opt.value(QStringLiteral("db")), err(), QStringLiteral("spc: "));
    if (!historian)
        return false;
    std::vector<Sample> products;
    for (const TagDef &t : model.tags) {
        if (t.role == TagRole::Product && t.machine == tag->machine && tag->machine >= 0)
            products = historian->raw(t.path, 0, to);
    }
    std::size_t p = 0;
    QString product;
    for (const Sample &s : historian->raw(path, from, to)) {
        while (p < products.size() && products[p].t_ms <= s.t_ms) {
            if (isGood(products[p].q)) {
                const int code = static_cast<int>(std::lround(products[p].value));
                const ProductDef *def = model.product(code);
                product = def && !def->name.isEmpty() ? def->name : QString::number(code);
            }
            ++p;
        }
        if (!isGood(s.q) || !std::isfinite(s.value)) {
            ++out->skipped;
            continue;
        }
        out->rows.push_back(Measurement { s.value, 1.0, s.t_ms, {}, product });
    }
    if (out->skipped > 0)
        err() << "spc: " << out->skipped << " samples of " << path
              << " with bad or uncertain quality left out\n";
    out->hasTime = true;
    out->hasProduct = !products.empty();
    return true;
}

QString withinMethod(ChartType chart, const ChartOptions &o)
{
    switch (chart) {
    case ChartType::XbarR:
    case ChartType::Median:
        return QStringLiteral("R-bar/d2");
    case ChartType::XbarS:
        return QStringLiteral("S-bar/c4");
    case ChartType::IMR:
        return QStringLiteral("MR-bar/d2");
    default:
        if (o.sigma)
            return QStringLiteral("given");
        return o.sigmaEstimate == SigmaEstimate::Overall ? QStringLiteral("overall")
                                                         : QStringLiteral("within");
    }
}

void printSeries(QTextStream &out, const ChartSeries &s)
{
    const auto constant = [](const std::vector<double> &v) {
        double first = std::nan("");
        for (double x : v) {
            if (!std::isfinite(x))
                continue;
            if (!std::isfinite(first))
                first = x;
            else if (std::abs(x - first) > 1e-12 * std::max(1.0, std::abs(first)))
                return QStringLiteral("per point");
        }
        return num(first);
    };
    out << "  " << s.name.leftJustified(5) << " center " << constant(s.center) << "  UCL "
        << constant(s.ucl) << "  LCL " << constant(s.lcl) << '\n';
}

// How the limits a chart used came about, in words (configured characteristics).
QString limitsProvenance(const ControlLimits &l, bool frozenNow)
{
    const QString when = QDateTime::fromMSecsSinceEpoch(l.frozenAtMs, QTimeZone::utc())
                             .toString(Qt::ISODate);
    return QStringLiteral("%1 version %2 by %3 at %4: %5")
        .arg(frozenNow ? QStringLiteral("frozen now as") : QStringLiteral("frozen"))
        .arg(l.version)
        .arg(l.frozenBy, when, l.reason);
}

void printChart(QTextStream &out, const QString &product, const ChartResult &r,
    const std::optional<Capability> &cap, const ChartOptions &o, const QString &limitsNote)
{
    out << chartTypeName(r.type) << " chart";
    if (!product.isEmpty())
        out << ", product " << product;
    out << ": " << r.subgroups.size() << " subgroups, limits from subgroups "
        << r.limits.baselineFirst + 1 << '-' << r.limits.baselineFirst + r.limits.baselineCount;
    if (r.type == ChartType::Ewma)
        out << " (lambda " << num(r.limits.lambda) << ", L " << num(r.limits.sigmaMultiplier)
            << ')';
    if (r.type == ChartType::Cusum)
        out << " (target " << num(r.limits.center) << ", k " << num(r.limits.k) << ", h "
            << num(r.limits.h) << ')';
    if (!isAttributeChart(r.type))
        out << ", sigma " << num(r.limits.sigma);
    out << '\n';
    if (!limitsNote.isEmpty())
        out << "  limits: " << limitsNote << '\n';
    printSeries(out, r.primary);
    if (r.secondary)
        printSeries(out, *r.secondary);
    if (r.violations.empty())
        out << "  violations: none\n";
    for (const Violation &v : r.violations) {
        const RuleInfo &info = ruleInfo(v.rule);
        out << "  " << info.id << ' ' << info.text << " (" << v.series << ") at subgroup "
            << r.subgroups[static_cast<std::size_t>(v.point)].label;
        if (v.points.size() > 1) {
            out << ", points";
            for (int p : v.points)
                out << ' ' << p + 1;
        }
        out << '\n';
    }
    if (cap) {
        out << "  capability (" << cap->n << " values): mean " << num(cap->mean)
            << ", sigma within " << num(cap->sigmaWithin) << " (" << withinMethod(r.type, o)
            << "), overall " << num(cap->sigmaOverall) << "; LSL " << num(cap->spec.lsl) << ", USL "
            << num(cap->spec.usl) << '\n'
            << "    Cp " << num(cap->within.c) << "  Cpk " << num(cap->within.k) << "  Pp "
            << num(cap->overall.c) << "  Ppk " << num(cap->overall.k) << '\n';
        if (cap->normality.computed)
            out << "    normality: Anderson-Darling A*2 " << num(cap->normality.a2Star) << ", p "
                << num(cap->normality.pValue) << '\n';
        for (const QString &w : cap->warnings)
            out << "    warning: " << w << '\n';
    }
    for (const QString &w : r.warnings)
        out << "  warning: " << w << '\n';
}

struct Configured
{
    std::shared_ptr<const PlantModel> model;
    std::unique_ptr<storage::Historian> historian;
    const TagDef *tag = nullptr;
    TimestampMs from = 0, to = 0;
};

// --config/--db/--characteristic/--from/--to of --pareto and --correlate; 1 on error (said).
int openConfigured(const QHash<QString, QString> &opt, Configured *c)
{
    const ConfigResult config = ConfigLoader::loadFile(opt.value(QStringLiteral("config")));
    for (const QString &m : config.formattedMessages())
        err() << m << '\n';
    if (!config.ok())
        return 1;
    c->model = config.model;
    const QString path = opt.value(QStringLiteral("characteristic"));
    c->tag = c->model->tagByPath(path);
    if (!c->tag) {
        err() << "spc: no tag " << path << " in " << c->model->sourceFile << '\n';
        return 1;
    }
    c->to = nowUtcMs();
    if ((opt.contains(QStringLiteral("from"))
            && !parseTimestamp(opt.value(QStringLiteral("from")), &c->from))
        || (opt.contains(QStringLiteral("to"))
            && !parseTimestamp(opt.value(QStringLiteral("to")), &c->to))
        || c->to < c->from) {
        err() << "spc: --from/--to must be ISO-8601 or epoch ms, from <= to\n";
        return 1;
    }
    c->historian
        = openHistorianReadOnly(opt.value(QStringLiteral("db")), err(), QStringLiteral("spc: "));
    if (!c->historian)
        return 1;
    return 0;
}

QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

int runPareto(const QHash<QString, QString> &opt)
{
    Configured c;
    if (const int rc = openConfigured(opt, &c))
        return rc;
    if (c.tag->defectTypes.empty()) {
        err() << "spc: " << c.tag->path << " lists no defect_types: in "
              << c.model->sourceFile << " (--pareto needs a counter with defect types)\n";
        return 1;
    }
    const SpcDefectPareto p = spcDefectPareto(*c.model, *c.historian, c.tag->id, c.from, c.to);
    QTextStream out(stdout);
    if (opt.contains(QStringLiteral("json"))) {
        QJsonArray items;
        int rank = 0;
        for (const ParetoItem &i : p.items)
            items.append(QJsonObject { { QStringLiteral("rank"), ++rank },
                { QStringLiteral("type"), i.name }, { QStringLiteral("count"), i.count },
                { QStringLiteral("percent"), i.percent },
                { QStringLiteral("cumulative_percent"), i.cumulativePercent } });
        const QJsonObject doc { { QStringLiteral("characteristic"), c.tag->path },
            { QStringLiteral("from"), formatTimestampUtc(c.from) },
            { QStringLiteral("to"), formatTimestampUtc(c.to) },
            { QStringLiteral("total"), p.total }, { QStringLiteral("classified"), p.classified },
            { QStringLiteral("counter_resets"), p.resets }, { QStringLiteral("items"), items } };
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "Pareto of defect types: " << p.name << " (" << formatTimestampUtc(c.from) << " to "
        << formatTimestampUtc(c.to) << ")\n"
        << "  total " << num(p.total) << ", by type " << num(p.classified);
    if (p.resets > 0)
        out << ", " << p.resets << " counter resets counted across";
    out << '\n';
    int rank = 0;
    for (const ParetoItem &i : p.items)
        out << "  " << ++rank << ". " << i.name.leftJustified(24) << ' '
            << QString::number(i.count, 'f', 0).rightJustified(8) << "  "
            << QString::number(i.percent, 'f', 1).rightJustified(5) << " %  cumulative "
            << QString::number(i.cumulativePercent, 'f', 1).rightJustified(5) << " %\n";
    return 0;
}

int runCorrelate(const QHash<QString, QString> &opt)
{
    const std::optional<ChartType> chart
        = parseChartType(opt.value(QStringLiteral("chart"), QStringLiteral("xbar-r")));
    if (!chart || isAttributeChart(*chart))
        return usageError(QStringLiteral("--correlate: --chart must be a variables chart "
                                         "(xbar-r, xbar-s, median, imr, ewma, cusum)"));
    SpcSettings settings;
    settings.chart = *chart;
    if (opt.contains(QStringLiteral("subgroup"))) {
        bool ok = false;
        settings.subgroupSize = opt.value(QStringLiteral("subgroup")).toInt(&ok);
        if (!ok || settings.subgroupSize < 1 || settings.subgroupSize > 1000)
            return usageError(QStringLiteral("--subgroup: '%1' is not a whole number in [1, 1000]")
                                  .arg(opt.value(QStringLiteral("subgroup"))));
    }
    if (opt.contains(QStringLiteral("rules"))) {
        QString error;
        const std::optional<RuleSet> rules
            = parseRuleSet(opt.value(QStringLiteral("rules")), &error);
        if (!rules)
            return usageError(QStringLiteral("--rules: %1").arg(error));
        settings.rules = *rules;
    }
    Configured c;
    if (const int rc = openConfigured(opt, &c))
        return rc;
    const std::vector<SpcCharacteristic> all = spcCharacteristics(*c.model);
    const auto it = std::find_if(all.begin(), all.end(),
        [&](const SpcCharacteristic &x) { return x.tag == c.tag->id; });
    if (it == all.end()) {
        err() << "spc: " << c.tag->path << " has no spec: limits in " << c.model->sourceFile
              << " (--correlate needs a configured quality characteristic)\n";
        return 1;
    }
    const SpcLimitsStore store(c.historian.get());
    const SpcAnalysis a
        = analyseSpc(*c.model, *c.historian, &store, *it, settings, c.from, c.to);
    const SpcCorrelation k = spcCorrelate(*c.model, *c.historian, a);
    QTextStream out(stdout);
    if (opt.contains(QStringLiteral("json"))) {
        QJsonArray tags;
        for (const SpcTagDifference &d : k.tags) {
            const WelchTest &w = d.test;
            tags.append(QJsonObject { { QStringLiteral("tag"), c.model->tags[d.tag].path },
                { QStringLiteral("name"), d.name }, { QStringLiteral("unit"), d.unit },
                { QStringLiteral("mean_out_of_control"), jsonNumber(w.mean1) },
                { QStringLiteral("mean_in_control"), jsonNumber(w.mean2) },
                { QStringLiteral("difference"), jsonNumber(w.difference) },
                { QStringLiteral("welch_t"),
                    std::isinf(w.t) ? QJsonValue(w.t > 0 ? QStringLiteral("inf")
                                                         : QStringLiteral("-inf"))
                                    : jsonNumber(w.t) },
                { QStringLiteral("welch_df"), jsonNumber(w.df) },
                { QStringLiteral("cohen_d"), jsonNumber(w.cohenD) },
                { QStringLiteral("n_out_of_control"), w.n1 },
                { QStringLiteral("n_in_control"), w.n2 } });
        }
        const QJsonObject doc { { QStringLiteral("characteristic"), c.tag->path },
            { QStringLiteral("chart"), chartTypeName(*chart) },
            { QStringLiteral("from"), formatTimestampUtc(c.from) },
            { QStringLiteral("to"), formatTimestampUtc(c.to) },
            { QStringLiteral("subgroups"), k.subgroups },
            { QStringLiteral("out_of_control"), k.outOfControl },
            { QStringLiteral("in_control"), k.inControl },
            { QStringLiteral("statistic"), QStringLiteral("welch-t") },
            { QStringLiteral("note"), k.note }, { QStringLiteral("tags"), tags } };
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "What differs when out of control: " << it->name << ", " << chartTypeName(*chart)
        << " chart, " << k.subgroups << " subgroups, " << k.outOfControl << " out of control, "
        << k.inControl << " in control\n";
    if (!k.note.isEmpty())
        out << "  note: " << k.note << '\n';
    out << "  rank  tag                       mean OOC      mean IC   difference    Welch t"
           "  n OOC/IC\n";
    int rank = 0;
    for (const SpcTagDifference &d : k.tags) {
        const WelchTest &w = d.test;
        out << "  " << QString::number(++rank).rightJustified(4) << "  " << d.name.leftJustified(24)
            << ' ' << num(w.mean1).rightJustified(10) << ' ' << num(w.mean2).rightJustified(12)
            << ' ' << num(w.difference).rightJustified(12) << ' '
            << (std::isinf(w.t) ? QString(w.t > 0 ? QStringLiteral("inf") : QStringLiteral("-inf"))
                                : num(w.t))
                   .rightJustified(10)
            << "  " << w.n1 << '/' << w.n2 << (d.unit.isEmpty() ? QString() : QStringLiteral("  (") + d.unit + QLatin1Char(')')) << '\n';
    }
    return 0;
}

} // namespace

int runSpc(const QStringList &args)
{
    QHash<QString, QString> opt;
    static const QStringList valued { QStringLiteral("csv"), QStringLiteral("chart"),
        QStringLiteral("subgroup"), QStringLiteral("window"), QStringLiteral("lambda"),
        QStringLiteral("L"), QStringLiteral("k"), QStringLiteral("h"), QStringLiteral("target"),
        QStringLiteral("sigma"), QStringLiteral("lsl"), QStringLiteral("usl"),
        QStringLiteral("rules"), QStringLiteral("baseline"), QStringLiteral("config"),
        QStringLiteral("db"), QStringLiteral("characteristic"), QStringLiteral("from"),
        QStringLiteral("to"), QStringLiteral("reason") };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json") || a == QLatin1String("--freeze")
            || a == QLatin1String("--correlate") || a == QLatin1String("--pareto")) {
            opt.insert(a.mid(2), QStringLiteral("1"));
        } else if (a.startsWith(QLatin1String("--")) && valued.contains(a.mid(2))) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("option %1 needs a value").arg(a));
            opt.insert(a.mid(2), args.at(++i));
        } else {
            return usageError(QStringLiteral("unknown argument %1").arg(a));
        }
    }
    const auto has = [&opt](const char *name) { return opt.contains(QLatin1String(name)); };
    const auto value = [&opt](const char *name) { return opt.value(QLatin1String(name)); };

    if (has("pareto") || has("correlate")) {
        if (has("pareto") && has("correlate"))
            return usageError(QStringLiteral("give --pareto or --correlate, not both"));
        if (!(has("config") && has("db") && has("characteristic")) || has("csv"))
            return usageError(QStringLiteral("--%1 needs --config, --db and --characteristic")
                                  .arg(has("pareto") ? QStringLiteral("pareto")
                                                     : QStringLiteral("correlate")));
        if (has("freeze") || has("reason"))
            return usageError(QStringLiteral("--freeze does not go with --pareto/--correlate"));
        return has("pareto") ? runPareto(opt) : runCorrelate(opt);
    }
    if (!has("chart"))
        return usageError(QStringLiteral("--chart is required"));
    const std::optional<ChartType> chart = parseChartType(value("chart"));
    if (!chart)
        return usageError(QStringLiteral("--chart: unknown chart '%1'").arg(value("chart")));
    const bool fromCsv = has("csv");
    const bool fromConfig = has("config") || has("db") || has("characteristic");
    if (fromCsv == fromConfig)
        return usageError(QStringLiteral("give --csv FILE, or --config, --db and "
                                         "--characteristic"));
    if (fromConfig && !(has("config") && has("db") && has("characteristic")))
        return usageError(QStringLiteral("--config, --db and --characteristic go together"));
    if (fromCsv && (has("from") || has("to")))
        return usageError(QStringLiteral("--from/--to apply to --characteristic only"));
    if (fromCsv && (has("freeze") || has("reason")))
        return usageError(QStringLiteral("--freeze/--reason apply to --characteristic only (limits "
                                         "are kept in the historian)"));
    if (has("freeze") && value("reason").trimmed().isEmpty())
        return usageError(QStringLiteral("--freeze needs --reason TEXT (why the limits change)"));
    if (has("reason") && !has("freeze"))
        return usageError(QStringLiteral("--reason goes with --freeze"));

    ChartOptions options;
    constexpr double kHuge = 1e300;
    // Numbers: each option names itself in the error.
    const auto number
        = [&](const char *name, double *out, double lo, double hi, bool openLow) -> bool {
        if (!has(name))
            return true;
        bool ok = false;
        const double v = value(name).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v > hi || (openLow ? v <= lo : v < lo)) {
            QString range;
            if (hi < kHuge)
                range = QStringLiteral(" in %1%2, %3]")
                            .arg(openLow ? QLatin1Char('(') : QLatin1Char('['))
                            .arg(lo)
                            .arg(hi);
            else if (lo > -kHuge)
                range = (openLow ? QStringLiteral(" > %1") : QStringLiteral(" >= %1")).arg(lo);
            usageError(QStringLiteral("--%1: '%2' is not a number%3")
                           .arg(QLatin1String(name), value(name), range));
            return false;
        }
        *out = v;
        return true;
    };
    double subgroupSize = 0, windowMin = 0, baseline = 0, target = 0, sigma = 0, lsl = 0, usl = 0;
    if (!number("lambda", &options.lambda, 0.0, 1.0, true)
        || !number("L", &options.sigmaMultiplier, 0.0, 10.0, true)
        || !number("k", &options.k, 0.0, 10.0, false) || !number("h", &options.h, 0.0, 100.0, true)
        || !number("subgroup", &subgroupSize, 1.0, 1000.0, false)
        || !number("window", &windowMin, 0.0, 525'600.0, true)
        || !number("baseline", &baseline, 1.0, 1e9, false)
        || !number("target", &target, -kHuge, kHuge, false)
        || !number("sigma", &sigma, 0.0, kHuge, true) || !number("lsl", &lsl, -kHuge, kHuge, false)
        || !number("usl", &usl, -kHuge, kHuge, false))
        return 2;
    if ((has("subgroup") && subgroupSize != std::floor(subgroupSize))
        || (has("baseline") && baseline != std::floor(baseline)))
        return usageError(QStringLiteral("--%1 must be a whole number")
                              .arg(has("subgroup") && subgroupSize != std::floor(subgroupSize)
                                      ? QStringLiteral("subgroup")
                                      : QStringLiteral("baseline")));
    if (has("subgroup") && has("window"))
        return usageError(QStringLiteral("give --subgroup or --window, not both"));
    if (has("target"))
        options.target = target;
    if (has("sigma"))
        options.sigma = sigma;
    if (has("baseline"))
        options.baselineCount = static_cast<int>(baseline);
    if (has("rules")) {
        QString error;
        const std::optional<RuleSet> rules = parseRuleSet(value("rules"), &error);
        if (!rules)
            return usageError(QStringLiteral("--rules: %1").arg(error));
        options.rules = *rules;
    }
    SpecLimits spec;
    if (has("lsl"))
        spec.lsl = lsl;
    if (has("usl"))
        spec.usl = usl;
    if (has("lsl") && has("usl") && spec.lsl >= spec.usl)
        return usageError(QStringLiteral("--lsl must be below --usl"));

    CsvData data;
    if (fromCsv ? !readCsv(value("csv"), *chart, &data) : !readHistorian(opt, *chart, &data, &spec))
        return 1;
    if (data.rows.empty()) {
        err() << "spc: no measurements to chart\n";
        return 1;
    }

    SubgroupOptions sub;
    if (has("window")) {
        if (!data.hasTime)
            return usageError(QStringLiteral("--window needs a 'time' column"));
        sub.mode = SubgroupMode::TimeWindow;
        sub.windowMs = static_cast<TimestampMs>(windowMin * 60'000.0);
    } else if (has("subgroup")) {
        sub.size = static_cast<int>(subgroupSize);
    } else if (data.hasSubgroup) {
        sub.mode = SubgroupMode::Label;
    } else if (*chart == ChartType::XbarR || *chart == ChartType::XbarS
        || *chart == ChartType::Median) {
        return usageError(QStringLiteral("%1 needs subgroups: --subgroup N, --window MINUTES or "
                                         "a 'subgroup' column")
                              .arg(chartTypeName(*chart)));
    }
    if ((*chart == ChartType::XbarR || *chart == ChartType::XbarS || *chart == ChartType::Median)
        && sub.mode == SubgroupMode::Consecutive && sub.size < kMinSubgroupSize)
        return usageError(QStringLiteral("--subgroup: %1 needs N >= 2").arg(chartTypeName(*chart)));
    if (*chart == ChartType::IMR && sub.mode == SubgroupMode::Consecutive && sub.size != 1)
        return usageError(QStringLiteral("--subgroup: imr plots individual values (N = 1)"));

    QStringList warnings;
    const std::vector<Subgroup> all = formSubgroups(data.rows, sub, &warnings);
    // One chart per product, in order of first appearance.
    QStringList products;
    QHash<QString, std::vector<Subgroup>> byProduct;
    for (const Subgroup &g : all) {
        if (!byProduct.contains(g.partition))
            products << g.partition;
        byProduct[g.partition].push_back(g);
    }
    for (const QString &w : warnings)
        err() << "spc: warning: " << w << '\n';

    // Configured characteristic: the limits frozen in the historian's journal (SpcLimitsStore),
    // and --freeze records the estimated ones as a new version.
    std::unique_ptr<storage::Historian> limitsDb;
    std::optional<SpcLimitsStore> store;
    if (fromConfig) {
        storage::HistorianOptions hopt;
        hopt.path = value("db");
        hopt.readOnly = !has("freeze");
        QString error;
        limitsDb = storage::Historian::open(hopt, &error);
        if (!limitsDb) {
            err() << "spc: " << error << '\n';
            return 1;
        }
        store.emplace(limitsDb.get());
    }
    const QString characteristic = value("characteristic");

    QJsonArray charts;
    QTextStream out(stdout);
    bool anyChart = false;
    for (const QString &product : products) {
        QString error;
        std::optional<ChartResult> r;
        QString limitsNote;
        QString limitsSource = QStringLiteral("estimated");
        const std::optional<ControlLimits> frozen
            = store && !has("freeze") ? store->current(characteristic, product, *chart)
                                      : std::nullopt;
        if (frozen) {
            r = computeChart(*chart, byProduct[product], *frozen, options.rules);
            limitsNote = limitsProvenance(*frozen, false);
            limitsSource = QStringLiteral("frozen");
        } else {
            r = analyse(*chart, byProduct[product], options, &error);
            if (r && has("freeze")) {
                const std::optional<ControlLimits> stored = store->freeze(characteristic, product,
                    r->limits, currentUserName(), value("reason"), nowUtcMs(), &error);
                if (!stored) {
                    err() << "spc: "
                          << (product.isEmpty() ? QString()
                                                : QStringLiteral("product %1: ").arg(product))
                          << error << '\n';
                    return 1;
                }
                r = computeChart(*chart, byProduct[product], *stored, options.rules);
                limitsNote = limitsProvenance(*stored, true);
                limitsSource = QStringLiteral("frozen-now");
            } else if (r && store) {
                limitsNote = QStringLiteral("estimated from this data (none frozen; --freeze "
                                            "--reason TEXT records them)");
            }
        }
        if (!r) {
            err() << "spc: "
                  << (product.isEmpty() ? QString() : QStringLiteral("product %1: ").arg(product))
                  << error << '\n';
            continue;
        }
        anyChart = true;
        std::optional<Capability> cap;
        if (!isAttributeChart(*chart) && (std::isfinite(spec.lsl) || std::isfinite(spec.usl))) {
            std::vector<double> values;
            for (const Subgroup &g : r->subgroups)
                values.insert(values.end(), g.values.begin(), g.values.end());
            cap = computeCapability(values, r->limits.sigma, spec);
        }
        if (has("json")) {
            QJsonObject o = toJson(*r);
            o.insert(QStringLiteral("product"), product);
            if (store)
                o.insert(QStringLiteral("limits_source"), limitsSource);
            if (cap) {
                QJsonObject c = toJson(*cap);
                c.insert(QStringLiteral("sigma_within_method"), withinMethod(*chart, options));
                o.insert(QStringLiteral("capability"), c);
            }
            charts.append(o);
        } else {
            printChart(out, product, *r, cap, options, limitsNote);
        }
    }
    if (isAttributeChart(*chart) && (has("lsl") || has("usl")))
        err() << "spc: warning: --lsl/--usl ignored: capability applies to measured values\n";
    if (!anyChart)
        return 1;
    if (has("json")) {
        QJsonArray rules;
        for (Rule rule : options.rules.rules())
            rules.append(QLatin1String(ruleInfo(rule).id));
        QJsonObject doc { { QStringLiteral("chart"), chartTypeName(*chart) },
            { QStringLiteral("source"),
                fromCsv ? QFileInfo(value("csv")).fileName() : value("characteristic") },
            { QStringLiteral("rules"), rules },
            { QStringLiteral("rows"), static_cast<int>(data.rows.size()) },
            { QStringLiteral("rows_skipped"), data.skipped },
            { QStringLiteral("warnings"), QJsonArray::fromStringList(warnings) },
            { QStringLiteral("charts"), charts } };
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    }
    return 0;
}

} // namespace andon::cli
