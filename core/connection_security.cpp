#include "core/connection_security.h"

#include <QStringList>

namespace andon {

bool isLoopbackHost(QString host)
{
    host = host.trimmed().toLower();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == u"localhost" || host == u"::1" || host == u"0:0:0:0:0:0:0:1")
        return true;
    if (host.startsWith(QLatin1String("::ffff:")))
        host = host.mid(7);
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &p : parts) {
        if (p.isEmpty() || p.size() > 3)
            return false;
        for (const QChar ch : p) {
            if (ch < u'0' || ch > u'9')
                return false;
        }
        if (p.toInt() > 255)
            return false;
    }
    return parts.front().toInt() == 127;
}

std::vector<SecurityNotice> securityNotices(const MqttConnection &c)
{
    std::vector<SecurityNotice> out;
    if (c.tls() && c.tlsInsecure)
        out.push_back({ SecurityNotice::Kind::TlsHostnameUnchecked, c.id, c.host });
    // Traffic to a loopback address never leaves the machine; anywhere else plain MQTT can be
    // read and changed by anyone on the path (docs/security.md), accepted or not.
    if (!c.tls() && !isLoopbackHost(c.host))
        out.push_back({ SecurityNotice::Kind::PlainRemote, c.id, c.host });
    if (!c.passwordWhere.isEmpty())
        out.push_back({ SecurityNotice::Kind::InlinePassword, c.id, c.passwordWhere });
    return out;
}

std::vector<SecurityNotice> securityNotices(const PlantModel &model)
{
    std::vector<SecurityNotice> out;
    for (const MqttConnection &c : model.mqttConnections) {
        const auto notices = securityNotices(c);
        out.insert(out.end(), notices.begin(), notices.end());
    }
    return out;
}

} // namespace andon
