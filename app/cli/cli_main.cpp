// andon-cli: the headless face of the same engine the GUI runs (see `andon-cli help`).
#include "app/cli/commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

struct Command
{
    const char *name;
    int (*run)(const QStringList &);
    const char *usage;
};

const Command kCommands[] = {
    {"check-config", andon::cli::runCheckConfig, "check-config FILE"},
    {"tags", andon::cli::runTags, "tags --config FILE"},
    {"import", andon::cli::runImport, "import --config FILE --db FILE data.csv"},
    {"export", andon::cli::runExport,
     "export --db FILE --tag PATH --from T --to T [--csv|--json]"},
    {"ingest", andon::cli::runIngest,
     "ingest --config FILE [--db FILE] [--seconds N] [--mqtt-port N]"},
    {"oee", andon::cli::runOee,
     "oee --config FILE --db FILE (--machine PATH|--line PATH) (--from T --to T|--shift NAME "
     "--date YYYY-MM-DD) [--micro-stop-min M] [--startup-min M] [--json]"},
};

int usage(FILE *to, int code)
{
    QTextStream out(to);
    out << "usage: andon-cli COMMAND [ARGS]\n\ncommands:\n";
    for (const Command &c : kCommands)
        out << "  andon-cli " << c.usage << '\n';
    out << "\nTimes (T) are ISO-8601 (UTC unless an offset is given) or epoch milliseconds.\n";
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Andon"));
    QCoreApplication::setApplicationName(QStringLiteral("andon-cli"));
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage(stderr, 2);
    const QString name = args.takeFirst();
    if (name == QLatin1String("help") || name == QLatin1String("--help")
        || name == QLatin1String("-h"))
        return usage(stdout, 0);
    for (const Command &c : kCommands) {
        if (name == QLatin1String(c.name))
            return c.run(args);
    }
    QTextStream(stderr) << "andon-cli: unknown command '" << name << "'\n";
    return usage(stderr, 2);
}
