#include "connectors/mqtt/connection_options.h"

#include "connectors/keychain.h"
#include "connectors/mqtt/azure_sas.h"
#include "core/clock.h"

#include <QDateTime>

#include <memory>

namespace andon::mqtt {

namespace {

// Where one secret comes from. Exactly one of env / keychain / inline is set.
struct SecretSource
{
    QString what;   // "password", "TLS key passphrase", "device key", "SAS token"
    QString env;
    std::shared_ptr<secrets::KeychainSecret> keychain;
    QByteArray inlineValue;
    bool isSet() const { return !env.isEmpty() || keychain || !inlineValue.isEmpty(); }
};

SecretSource source(const QString &what, const QString &env, const QString &keychainRef,
                    const QString &inlineValue = QString())
{
    SecretSource s;
    s.what = what;
    s.env = env;
    if (!keychainRef.isEmpty())
        s.keychain = std::make_shared<secrets::KeychainSecret>(keychainRef);
    s.inlineValue = inlineValue.toUtf8();
    return s;
}

// Ready / Pending / Failed as MqttCredentials; the error names the connection and the source.
MqttCredentials::Status resolve(const QString &connection, const SecretSource &s,
                                QByteArray *value, QString *error)
{
    if (!s.env.isEmpty()) {
        if (!qEnvironmentVariableIsSet(s.env.toLocal8Bit().constData())) {
            *error = QStringLiteral("connection %1: the %2 is read from the environment "
                                    "variable %3, which is not set")
                             .arg(connection, s.what, s.env);
            return MqttCredentials::Status::Failed;
        }
        *value = qgetenv(s.env.toLocal8Bit().constData());
        return MqttCredentials::Status::Ready;
    }
    if (s.keychain) {
        QString why;
        switch (s.keychain->poll(value, &why)) {
        case secrets::KeychainSecret::State::Ready:
            return MqttCredentials::Status::Ready;
        case secrets::KeychainSecret::State::Failed:
            *error = QStringLiteral("connection %1: %2: %3").arg(connection, s.what, why);
            return MqttCredentials::Status::Failed;
        case secrets::KeychainSecret::State::Idle:
        case secrets::KeychainSecret::State::Pending:
            return MqttCredentials::Status::Pending;
        }
    }
    *value = s.inlineValue;
    return MqttCredentials::Status::Ready;
}

QString utcText(qint64 epochS)
{
    return QDateTime::fromSecsSinceEpoch(epochS, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

MqttClientOptions clientOptionsFor(const MqttConnection &c, const Clock *clock)
{
    MqttClientOptions o;
    o.host = c.host;
    o.port = c.port;
    o.clientId = c.clientId;
    o.keepAliveS = c.keepAliveS;
    o.cleanSession = c.cleanSession;
    o.username = c.username;
    o.protocolVersion = c.protocolVersion;
    o.tls.caFile = c.tlsCaFile;
    o.tls.certFile = c.tlsCertFile;
    o.tls.keyFile = c.tlsKeyFile;
    o.tls.insecure = c.tlsInsecure;
    o.will.topic = c.willTopic;
    o.will.payload = c.willPayload.toUtf8();
    o.will.qos = c.willQos;
    o.will.retain = c.willRetain;
    o.reconnectMinS = c.reconnectMinS;
    o.reconnectMaxS = c.reconnectMaxS;
    o.clock = clock;

    const bool azure = c.profile == MqttConnection::Profile::AzureIotHub;
    SecretSource password = source(QStringLiteral("password"), c.passwordEnv, c.passwordKeychain,
                                   c.password);
    SecretSource keyPassword = source(QStringLiteral("TLS key passphrase"), c.tlsKeyPasswordEnv,
                                      c.tlsKeyPasswordKeychain);
    SecretSource deviceKey;
    SecretSource sasToken;
    if (azure) {
        deviceKey = source(QStringLiteral("device key"), c.azureDeviceKeyEnv,
                           c.azureDeviceKeyKeychain);
        sasToken = source(QStringLiteral("SAS token"), c.azureSasTokenEnv, QString());
    }
    if (!password.isSet() && !keyPassword.isSet() && !deviceKey.isSet() && !sasToken.isSet())
        return o; // nothing secret: the static username (if any) is enough

    const QString id = c.id;
    const QString host = c.host;
    const QString username = c.username;
    const QString deviceId = c.azureDeviceId;
    const qint64 ttlS = c.sasTtlS;
    o.credentials = [=]() {
        MqttCredentials out;
        out.username = username;
        QString error;
        const auto fail = [&](const QString &why) {
            out.status = MqttCredentials::Status::Failed;
            out.error = why;
            return out;
        };
        const auto step = [&](const SecretSource &s, QByteArray *value) {
            if (!s.isSet())
                return MqttCredentials::Status::Ready;
            return resolve(id, s, value, &error);
        };
        // Every source is polled each time, so keychain reads run side by side.
        const MqttCredentials::Status states[] = {
            step(password, &out.password), step(keyPassword, &out.keyPassword)
        };
        QByteArray key, token;
        const MqttCredentials::Status azureStates[] = { step(deviceKey, &key),
                                                        step(sasToken, &token) };
        for (const auto st : { states[0], states[1], azureStates[0], azureStates[1] }) {
            if (st == MqttCredentials::Status::Failed)
                return fail(error);
        }
        for (const auto st : { states[0], states[1], azureStates[0], azureStates[1] }) {
            if (st == MqttCredentials::Status::Pending) {
                out.status = MqttCredentials::Status::Pending;
                return out;
            }
        }
        const qint64 nowMs = clock ? clock->now() : QDateTime::currentMSecsSinceEpoch();
        if (deviceKey.isSet()) {
            const auto decoded = azure::decodeDeviceKey(key);
            if (!decoded)
                return fail(QStringLiteral("connection %1: the device key is not base64 text "
                                           "(copy the primary key from the IoT Hub device page)")
                                    .arg(id));
            const qint64 expiryS = nowMs / 1000 + ttlS;
            out.password = azure::sasToken(host, deviceId, *decoded, expiryS).toUtf8();
            out.renewAtMs = nowMs + static_cast<qint64>(double(ttlS) * 1000.0 * kSasRenewFraction);
        } else if (sasToken.isSet()) {
            const auto expiryS = azure::sasTokenExpiry(QString::fromUtf8(token.trimmed()));
            if (!expiryS)
                return fail(QStringLiteral("connection %1: the SAS token is not a "
                                           "\"SharedAccessSignature sr=...&sig=...&se=...\" text")
                                    .arg(id));
            if (*expiryS * 1000 <= nowMs)
                return fail(QStringLiteral("connection %1: SAS token expired at %2; make a new "
                                           "one, or give device_key_env so Andon makes and "
                                           "renews them")
                                    .arg(id, utcText(*expiryS)));
            out.password = token.trimmed();
        }
        return out;
    };
    return o;
}

} // namespace andon::mqtt
