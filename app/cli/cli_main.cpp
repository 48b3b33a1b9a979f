// andon-cli: the headless face of the same engine the GUI runs (see `andon-cli help`).
#include "app/cli/commands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

struct Command
{
    const char *name;
    int (*run)(const QStringList &);
    const char *usage;
};

const Command kCommands[] = {
    {"check-config", andon::cli::runCheckConfig, "check-config FILE"},
    {"secret", andon::cli::runSecret,
     "secret (set|check) --keychain SERVICE/ACCOUNT   (set reads the secret from stdin)"},
    {"tags", andon::cli::runTags, "tags --config FILE"},
    {"import", andon::cli::runImport, "import --config FILE --db FILE data.csv"},
    {"export", andon::cli::runExportCommand,
     "export --db FILE --tag PATH --from T --to T [--csv|--json]\n"
     "  andon-cli export kpis --config FILE --db FILE --from T --to T [--per shift|hour|day] "
     "[--format csv|json] [--out FILE]\n"
     "  andon-cli export series --config FILE --db FILE --tags PATTERN --from T --to T "
     "[--step S [--agg mean|min|max|last]] [--format csv|json] [--out FILE]"},
    {"ingest", andon::cli::runIngest,
     "ingest --config FILE [--db FILE] [--seconds N] [--mqtt-port N]"},
    {"oee", andon::cli::runOee,
     "oee --config FILE --db FILE (--machine PATH|--line PATH) (--from T --to T|--shift NAME "
     "--date YYYY-MM-DD) [--micro-stop-min M] [--startup-min M] [--json]"},
    {"report", andon::cli::runReport,
     "report shift --config FILE --db FILE --line PATH --date YYYY-MM-DD --shift NAME "
     "[--pdf OUT.pdf] [--csv OUT.csv] [--micro-stop-min M]"},
    {"spc", andon::cli::runSpc,
     "spc (--csv FILE | --config FILE --db FILE --characteristic TAG [--from T --to T]) "
     "--chart (xbar-r|xbar-s|imr|ewma|cusum|median|p|np|c|u) [--subgroup N|--window MIN] "
     "[--baseline N] [--rules nelson|we|none|1,2,5] [--lambda L] [--L L] [--k K] [--h H] "
     "[--target T] [--sigma S] [--lsl X] [--usl Y] [--correlate|--pareto] [--json]"},
    {"energy", andon::cli::runEnergy,
     "energy --config FILE --db FILE --from T --to T [--by machine|line|shift|product] "
     "[--json|--csv]"},
    {"health", andon::cli::runHealth, "health --config FILE --db FILE [--at T] [--json]"},
    {"alarms", andon::cli::runAlarms,
     "alarms --config FILE --db FILE --from T --to T [--json]"},
    {"user", andon::cli::runUser,
     "user (add NAME --role ROLE [--password-stdin] | list [--json] | passwd NAME "
     "[--password-stdin] | role NAME ROLE | disable NAME | enable NAME | unlock NAME) "
     "--config FILE [--db FILE] [--users-db FILE]"},
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
    // `report` paints PDFs, and fonts need a QGuiApplication: on the offscreen platform, so
    // the CLI stays headless (no display needed).
    const bool gui = argc > 1 && qstrcmp(argv[1], "report") == 0;
    if (gui)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> appHolder;
    if (gui)
        appHolder = std::make_unique<QGuiApplication>(argc, argv);
    else
        appHolder = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *appHolder;
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
