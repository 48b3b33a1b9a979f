#include "core/cloud_profile.h"

#include <QStringBuilder>
#include <QUrl>

namespace andon::cloud {

QString awsTopicProblem(const QString &topic, bool publish, const QString &thingName)
{
    if (topic.isEmpty())
        return QStringLiteral("an empty topic");
    const qsizetype bytes = topic.toUtf8().size();
    if (bytes > kAwsMaxTopicBytes)
        return QStringLiteral("%1 bytes long; AWS IoT Core allows at most %2 bytes per topic")
                .arg(bytes)
                .arg(kAwsMaxTopicBytes);
    qsizetype slashes = topic.count(QLatin1Char('/'));
    const bool basicIngest = topic.startsWith(QLatin1String("$aws/rules/"));
    if (basicIngest)
        slashes -= 3; // $aws/rules/NAME/ is exempt
    if (slashes > kAwsMaxTopicSlashes)
        return QStringLiteral("%1 forward slashes; AWS IoT Core allows at most %2 per topic")
                .arg(slashes)
                .arg(kAwsMaxTopicSlashes);
    if (!topic.startsWith(QLatin1Char('$')))
        return QString();
    if (!topic.startsWith(QLatin1String("$aws/")))
        return QStringLiteral("topics starting with '$' are reserved for the broker");
    if (!publish)
        return QString(); // reserved topics to listen to (shadow, jobs, events): the policy decides
    const QString own = QStringLiteral("$aws/things/") % thingName % QLatin1Char('/');
    if (basicIngest || topic.startsWith(own % QLatin1String("shadow/"))
        || topic.startsWith(own % QLatin1String("jobs/")))
        return QString();
    return QStringLiteral("publishing to the reserved $aws/ topics is allowed only to the "
                          "thing's shadow (%1shadow/...), jobs (%1jobs/...) and Basic Ingest "
                          "($aws/rules/NAME/...)")
            .arg(own);
}

QString azureHost(const QString &hub)
{
    return hub % QStringLiteral(".azure-devices.net");
}

QString azureUsername(const QString &host, const QString &deviceId)
{
    return host % QLatin1Char('/') % deviceId % QStringLiteral("/?api-version=")
            % QLatin1String(kAzureApiVersion);
}

QString azureEventsTopic(const QString &deviceId)
{
    return QStringLiteral("devices/") % deviceId % QStringLiteral("/messages/events/");
}

QString azureEventsTopic(const QString &deviceId,
                         const QList<std::pair<QString, QString>> &properties)
{
    QByteArray bag;
    for (const auto &[name, value] : properties) {
        if (!bag.isEmpty())
            bag += '&';
        bag += QUrl::toPercentEncoding(name, QByteArrayLiteral("$")) + '='
                + QUrl::toPercentEncoding(value);
    }
    return azureEventsTopic(deviceId) + QString::fromLatin1(bag);
}

QString azureDeviceboundPrefix(const QString &deviceId)
{
    return QStringLiteral("devices/") % deviceId % QStringLiteral("/messages/devicebound/");
}

QString azureDeviceboundFilter(const QString &deviceId)
{
    return azureDeviceboundPrefix(deviceId) % QLatin1Char('#');
}

} // namespace andon::cloud
