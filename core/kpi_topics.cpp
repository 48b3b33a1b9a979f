#include "core/kpi_topics.h"

#include "core/cloud_profile.h"

#include <QStringBuilder>

namespace andon {

QString kpiTopic(const PublishSettings &settings, const QString &entityPath, const QString &leaf)
{
    const QString base = settings.topicPrefix.isEmpty()
            ? entityPath
            : settings.topicPrefix % QLatin1Char('/') % entityPath;
    return base % QStringLiteral("/kpi/") % leaf;
}

QStringList kpiTopics(const PlantModel &model)
{
    const PublishSettings &ps = model.publish;
    QStringList leaves;
    if (ps.oee)
        leaves << QStringLiteral("oee/live") << QStringLiteral("oee/shift");
    if (ps.energy)
        leaves << QStringLiteral("energy_per_unit/live") << QStringLiteral("energy_per_unit/shift");
    QStringList out;
    for (const Line &line : model.lines) {
        for (const int index : line.machines) {
            if (index < 0 || index >= static_cast<int>(model.machines.size()))
                continue;
            const Machine &m = model.machines[static_cast<std::size_t>(index)];
            for (const QString &leaf : leaves)
                out << kpiTopic(ps, m.path, leaf);
            if (ps.state && m.roleTag(TagRole::State) != kInvalidTag)
                out << kpiTopic(ps, m.path, QStringLiteral("state"));
        }
        for (const QString &leaf : leaves)
            out << kpiTopic(ps, line.path, leaf);
    }
    return out;
}

QString kpiWireTopic(const MqttConnection &connection, const QString &topic)
{
    if (connection.profile != MqttConnection::Profile::AzureIotHub)
        return topic;
    return cloud::azureEventsTopic(
            connection.azureDeviceId,
            { { QStringLiteral("$.ct"), QStringLiteral("application/json") },
              { QStringLiteral("$.ce"), QStringLiteral("utf-8") },
              { QLatin1String(kKpiTopicProperty), topic } });
}

bool kpiWireRetain(const MqttConnection &connection, bool retain)
{
    return connection.profile != MqttConnection::Profile::AzureIotHub && retain;
}

} // namespace andon
