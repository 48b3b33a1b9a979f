// andon-cli check-config and tags: validate a plant configuration and list its tags.
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "core/config_loader.h"

#include <QTextStream>

#include <cstdio>

namespace andon::cli {

namespace {

// Prints every message of a load to stderr, in file order.
void printMessages(const ConfigResult &result)
{
    QTextStream err(stderr);
    for (const QString &line : result.formattedMessages())
        err << line << '\n';
}

QString bindingText(const TagDef &tag)
{
    if (!tag.mqtt)
        return QStringLiteral("-");
    const MqttBinding &b = *tag.mqtt;
    QString text = QStringLiteral("mqtt ") + b.connection + QLatin1Char(' ') + b.topic
        + QLatin1Char(' ') + payloadFormatName(b.format);
    if (b.format == PayloadFormat::Json && !b.valuePointer.isEmpty())
        text += QLatin1Char(' ') + b.valuePointer;
    if (b.scale != 1.0 || b.offset != 0.0)
        text += QStringLiteral(" scale=") + QString::number(b.scale) + QStringLiteral(" offset=")
            + QString::number(b.offset);
    return text;
}

} // namespace

int runCheckConfig(const QStringList &args)
{
    const QString usage = QStringLiteral("check-config FILE");
    if (args.size() == 1 && (args[0] == u"-h" || args[0] == u"--help")) {
        QTextStream(stdout) << "usage: andon-cli " << usage << '\n';
        return 0;
    }
    if (args.size() != 1)
        return reportUsage(usage,
            args.isEmpty() ? QStringLiteral("check-config needs a FILE")
                           : QStringLiteral("check-config takes one FILE"));
    const QString &file = args[0];
    const ConfigResult result = ConfigLoader::loadFile(file);
    printMessages(result);
    if (!result.ok())
        return 1;
    const PlantModel &m = *result.model;
    QTextStream(stdout) << file << ": OK (" << m.sites.size() << " sites, " << m.lines.size()
                        << " lines, " << m.machines.size() << " machines, " << m.tags.size()
                        << " tags, " << m.mqttConnections.size() << " connections)\n";
    return 0;
}

int runTags(const QStringList &args)
{
    const QString usage = QStringLiteral("tags --config FILE");
    QString file;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"-h" || a == u"--help") {
            QTextStream(stdout) << "usage: andon-cli " << usage << '\n';
            return 0;
        }
        if (a == u"--config" && i + 1 < args.size()) {
            file = args[++i];
        } else if (a.startsWith(QStringLiteral("--config="))) {
            file = a.mid(9);
        } else {
            return reportUsage(
                usage, QStringLiteral("unexpected argument '") + a + QLatin1Char('\''));
        }
    }
    if (file.isEmpty())
        return reportUsage(usage, QStringLiteral("tags needs --config FILE"));

    const ConfigResult result = ConfigLoader::loadFile(file);
    printMessages(result);
    if (!result.ok())
        return 1;
    // One line per tag, path first, so `cut -f1` / `grep` work on it.
    QTextStream out(stdout);
    for (const TagDef &tag : result.model->tags) {
        out << tag.path << '\t' << tagKindName(tag.kind) << '\t' << tag.unit << '\t'
            << tag.description << '\t' << bindingText(tag) << '\n';
    }
    return 0;
}

} // namespace andon::cli
