#include "connectors/mqtt/azure_sas.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QStringBuilder>
#include <QUrl>

namespace andon::mqtt::azure {

QString sasToken(const QString &host, const QString &deviceId, const QByteArray &key,
                 qint64 expiryS)
{
    // Percent-encoding of everything but the RFC 3986 unreserved characters, as Python's
    // urllib.parse.quote_plus does for these texts (host names and device ids hold no spaces).
    const QByteArray resource = QUrl::toPercentEncoding(host % QStringLiteral("/devices/") % deviceId);
    const QByteArray expiry = QByteArray::number(expiryS);
    const QByteArray toSign = resource + '\n' + expiry;
    const QByteArray signature =
            QMessageAuthenticationCode::hash(toSign, key, QCryptographicHash::Sha256).toBase64();
    return QStringLiteral("SharedAccessSignature sr=") % QString::fromLatin1(resource)
            % QStringLiteral("&sig=") % QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(signature)))
            % QStringLiteral("&se=") % QString::fromLatin1(expiry);
}

std::optional<QByteArray> decodeDeviceKey(const QByteArray &base64)
{
    const QByteArray trimmed = base64.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return decoded.decoded;
}

std::optional<qint64> sasTokenExpiry(const QString &token)
{
    if (!token.startsWith(QLatin1String("SharedAccessSignature ")))
        return std::nullopt;
    const QString fields = token.mid(22);
    for (const QString &field : fields.split(QLatin1Char('&'))) {
        if (!field.startsWith(QLatin1String("se=")))
            continue;
        bool ok = false;
        const qint64 v = field.mid(3).toLongLong(&ok);
        if (ok && v > 0)
            return v;
    }
    return std::nullopt;
}

} // namespace andon::mqtt::azure
