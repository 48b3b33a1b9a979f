// andon-cli report shift: the supervisor's shift report of one line for one shift instance of
// the calendar, as a PDF (--pdf), CSV (--csv) or a text summary on stdout (docs/oee.md
// "Shift report"). The same ShiftReportBuilder/ShiftReportRenderer as File > Shift report.
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "core/config_loader.h"
#include "engine/shift_report.h"
#include "report/shift_report_renderer.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QTextStream>

#include <cstdio>

namespace andon::cli {

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char kUsage[] =
        "usage: andon-cli report shift --config FILE --db FILE --line PATH --date YYYY-MM-DD\n"
        "       --shift NAME [--pdf OUT.pdf] [--csv OUT.csv] [--micro-stop-min M]\n";

int usageError(const QString &why)
{
    err() << "report: " << why << '\n' << kUsage;
    return 2;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

int runReport(const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("shift"))
        return usageError(args.isEmpty() ? QStringLiteral("which report? (shift)")
                                         : QStringLiteral("unknown report '%1' (known: shift)")
                                                   .arg(args.first()));
    QHash<QString, QString> opt;
    static const QStringList valued{QStringLiteral("config"), QStringLiteral("db"),
                                    QStringLiteral("line"),   QStringLiteral("date"),
                                    QStringLiteral("shift"),  QStringLiteral("pdf"),
                                    QStringLiteral("csv"),    QStringLiteral("micro-stop-min")};
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a.startsWith(QLatin1String("--")) && valued.contains(a.mid(2))) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("option %1 needs a value").arg(a));
            opt.insert(a.mid(2), args.at(++i));
        } else {
            return usageError(QStringLiteral("unknown argument %1").arg(a));
        }
    }
    for (const char *required : {"config", "db", "line", "date", "shift"}) {
        if (!opt.contains(QLatin1String(required)))
            return usageError(QStringLiteral("--%1 is required").arg(QLatin1String(required)));
    }
    const QDate day = QDate::fromString(opt.value(QStringLiteral("date")), Qt::ISODate);
    if (!day.isValid())
        return usageError(QStringLiteral("--date '%1' is not a date (expected YYYY-MM-DD)")
                                  .arg(opt.value(QStringLiteral("date"))));
    OeeQueryOptions qopt;
    if (opt.contains(QStringLiteral("micro-stop-min"))) {
        bool ok = false;
        const double min = opt.value(QStringLiteral("micro-stop-min")).toDouble(&ok);
        if (!ok || min < 0 || min > 24 * 60)
            return usageError(QStringLiteral("--micro-stop-min must be minutes (0..1440)"));
        qopt.oee.microStopMaxMs = static_cast<TimestampMs>(min * 60'000.0);
        qopt.microStopFromConfig = false; // the option overrides the machines' `oee:` settings
    }
    const QString pdfPath = opt.value(QStringLiteral("pdf"));
    if (!pdfPath.isEmpty() && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        err() << "report: --pdf needs the GUI library (internal: no QGuiApplication)\n";
        return 1;
    }

    const ConfigResult config = ConfigLoader::loadFile(opt.value(QStringLiteral("config")));
    for (const QString &m : config.formattedMessages())
        err() << m << '\n';
    if (!config.ok())
        return 1;
    const PlantModel &model = *config.model;

    auto historian = openHistorianReadOnly(opt.value(QStringLiteral("db")), err(),
                                           QStringLiteral("report: --db: "));
    if (!historian)
        return 1;
    QString error;

    const ShiftReportBuilder builder(model, *historian, qopt);
    const ShiftReportRequest request{opt.value(QStringLiteral("line")), day,
                                     opt.value(QStringLiteral("shift"))};
    const auto report =
            builder.build(request, QDateTime::currentMSecsSinceEpoch(), &error);
    if (!report) {
        err() << "report: " << error << '\n';
        return 1;
    }
    for (const QString &w : report->warnings)
        err() << "report: warning: " << w << '\n';

    const QString csvPath = opt.value(QStringLiteral("csv"));
    if (!csvPath.isEmpty()) {
        if (!writeFile(csvPath, shiftReportCsv(*report).toUtf8(), &error)) {
            err() << "report: --csv: " << error << '\n';
            return 1;
        }
    }
    if (!pdfPath.isEmpty()) {
        report::ShiftReportRenderer::Options ro;
        ro.generator = QStringLiteral("Andon (andon-cli)");
        const report::ShiftReportRenderer renderer(*report, ro);
        if (!renderer.writePdf(pdfPath, &error)) {
            err() << "report: --pdf: " << error << '\n';
            return 1;
        }
    }
    if (csvPath.isEmpty() && pdfPath.isEmpty()) {
        QTextStream out(stdout);
        out << shiftReportText(*report);
    }
    return 0;
}

} // namespace andon::cli
