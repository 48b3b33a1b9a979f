#include "app/cli/cli_support.h"

#include "storage/historian.h"

#include <QTextStream>

#include <cstdio>

namespace andon::cli {

int reportUsage(const QString &usage, const QString &problem)
{
    QTextStream err(stderr);
    if (!problem.isEmpty())
        err << "andon-cli: " << problem << '\n';
    err << "usage: andon-cli " << usage << '\n';
    return 2;
}

std::unique_ptr<storage::Historian> openHistorianReadOnly(const QString &path, QTextStream &err,
                                                          const QString &prefix)
{
    storage::HistorianOptions options;
    options.path = path;
    options.readOnly = true;
    QString error;
    auto historian = storage::Historian::open(options, &error);
    if (!historian)
        err << prefix << error << '\n';
    return historian;
}

} // namespace andon::cli
