// andon-cli import / export: CSV (and JSON export) in and out of the historian.
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "core/config_loader.h"
#include "storage/csv_io.h"
#include "storage/historian.h"

#include <QFile>
#include <QSet>
#include <QTextStream>

#include <cstdio>

namespace andon::cli {

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// Parses "--name VALUE" options and positional arguments. Returns false on a usage error.
bool parseOptions(const QStringList &args, const QStringList &valued, const QStringList &flags,
                  QHash<QString, QString> *options, QStringList *positional)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a.startsWith(QLatin1String("--"))) {
            const QString name = a.mid(2);
            if (valued.contains(name)) {
                if (i + 1 >= args.size()) {
                    err() << "option " << a << " needs a value\n";
                    return false;
                }
                options->insert(name, args.at(++i));
            } else if (flags.contains(name)) {
                options->insert(name, QStringLiteral("1"));
            } else {
                err() << "unknown option " << a << '\n';
                return false;
            }
        } else {
            positional->append(a);
        }
    }
    return true;
}

constexpr std::size_t kImportBatch = 10'000;

} // namespace

int runImport(const QStringList &args)
{
    QHash<QString, QString> opt;
    QStringList files;
    if (!parseOptions(args, {QStringLiteral("config"), QStringLiteral("db")}, {}, &opt, &files)
        || !opt.contains(QStringLiteral("config")) || !opt.contains(QStringLiteral("db"))
        || files.size() != 1) {
        err() << "usage: andon-cli import --config FILE --db FILE data.csv\n";
        return 2;
    }
    const ConfigResult config = ConfigLoader::loadFile(opt.value(QStringLiteral("config")));
    for (const QString &m : config.formattedMessages())
        err() << m << '\n';
    if (!config.ok())
        return 1;
    const PlantModel &model = *config.model;

    const QString csvPath = files.front();
    QFile csv(csvPath);
    if (!csv.open(QIODevice::ReadOnly)) {
        err() << "cannot open " << csvPath << ": " << csv.errorString() << '\n';
        return 1;
    }

    storage::HistorianOptions hopt;
    hopt.path = opt.value(QStringLiteral("db"));
    hopt.rawRetentionDays = model.historian.rawRetentionDays;
    hopt.minuteRetentionDays = model.historian.minuteRetentionDays;
    hopt.hourRetentionDays = model.historian.hourRetentionDays;
    QString error, notice;
    auto historian = storage::Historian::open(hopt, &error, &notice);
    if (!notice.isEmpty())
        err() << notice << '\n';
    if (!historian) {
        err() << error << '\n';
        return 1;
    }
    QStringList paths;
    for (const TagDef &t : model.tags)
        paths << t.path;
    if (!historian->bindTags(paths, &error)) {
        err() << error << '\n';
        return 1;
    }

    storage::SampleCsvReader reader(&csv, csvPath, [&model](const QString &path) {
        return model.tagIdByPath(path);
    });
    if (!reader.readHeader()) {
        for (const QString &e : reader.errors())
            err() << e << '\n';
        return 1;
    }
    std::uint64_t imported = 0;
    QSet<TagId> tags;
    SampleBatch batch;
    batch.reserve(kImportBatch);
    storage::CsvSampleRow row;
    while (reader.next(&row)) {
        batch.push_back(row.sample);
        tags.insert(row.sample.tag);
        ++imported;
        if (batch.size() >= kImportBatch) {
            historian->append(std::move(batch));
            batch = {};
            batch.reserve(kImportBatch);
        }
    }
    historian->append(std::move(batch));
    historian->flush();
    for (const QString &e : reader.errors())
        err() << e << '\n';
    const QString writeError = historian->stats().lastError;
    if (!writeError.isEmpty())
        err() << writeError << '\n';
    QTextStream(stdout) << "imported " << imported << " samples for " << tags.size()
                        << " tags from " << csvPath << " (" << reader.rejectedRows()
                        << " rows rejected)\n";
    return reader.rejectedRows() > 0 || !writeError.isEmpty() ? 1 : 0;
}

int runExport(const QStringList &args)
{
    QHash<QString, QString> opt;
    QStringList rest;
    const QStringList valued{QStringLiteral("db"), QStringLiteral("tag"), QStringLiteral("from"),
                             QStringLiteral("to")};
    if (!parseOptions(args, valued, {QStringLiteral("csv"), QStringLiteral("json")}, &opt, &rest)
        || !rest.isEmpty()
        || (opt.contains(QStringLiteral("csv")) && opt.contains(QStringLiteral("json")))) {
        err() << "usage: andon-cli export --db FILE --tag PATH --from T --to T [--csv|--json]\n";
        return 2;
    }
    for (const QString &name : valued) {
        if (!opt.contains(name)) {
            err() << "export: --" << name << " is required\n"
                  << "usage: andon-cli export --db FILE --tag PATH --from T --to T [--csv|--json]\n";
            return 2;
        }
    }
    TimestampMs from = 0, to = 0;
    if (!parseTimestamp(opt.value(QStringLiteral("from")), &from)
        || !parseTimestamp(opt.value(QStringLiteral("to")), &to)) {
        err() << "export: --from/--to must be ISO-8601 or epoch milliseconds\n";
        return 2;
    }
    auto historian = openHistorianReadOnly(opt.value(QStringLiteral("db")), err(), QString());
    if (!historian)
        return 1;
    const QString tag = opt.value(QStringLiteral("tag"));
    if (historian->tagDbId(tag) < 0) {
        err() << "export: tag " << tag << " is not in " << opt.value(QStringLiteral("db")) << '\n';
        return 1;
    }
    const std::vector<Sample> samples = historian->raw(tag, from, to);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    if (opt.contains(QStringLiteral("json"))) {
        out.write("[");
        for (std::size_t i = 0; i < samples.size(); ++i) {
            out.write(i == 0 ? "\n  " : ",\n  ");
            out.write(storage::formatSampleJson(tag, samples[i]));
        }
        out.write(samples.empty() ? "]\n" : "\n]\n");
    } else {
        out.write(storage::sampleCsvHeader().toUtf8() + '\n');
        for (const Sample &s : samples)
            out.write(storage::formatSampleCsvRow(tag, s).toUtf8() + '\n');
    }
    return 0;
}

} // namespace andon::cli
