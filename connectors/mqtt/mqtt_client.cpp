#include "connectors/mqtt/mqtt_client.h"

#include "core/clock.h"
#include "core/sample.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QRandomGenerator>

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <cerrno>
#include <cstring>

Q_LOGGING_CATEGORY(lcMqtt, "andon.mqtt")

namespace andon::mqtt {

namespace {

// libmosquitto keeps process-wide state (OpenSSL, sockets); it must be initialised exactly
// once before the first client and is never cleaned up while clients may still exist.
void initLibraryOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        mosquitto_lib_init();
        qRegisterMetaType<andon::mqtt::MqttClient::State>("andon::mqtt::MqttClient::State");
    });
}

QString randomClientId()
{
    return QStringLiteral("andon-%1").arg(QRandomGenerator::global()->generate(), 8, 16,
                                          QLatin1Char('0'));
}

QString mosqError(int rc)
{
    return QString::fromUtf8(mosquitto_strerror(rc));
}

} // namespace

MqttClient::MqttClient(MqttClientOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    initLibraryOnce();
    if (m_options.clientId.isEmpty())
        m_options.clientId = randomClientId();
    const QByteArray id = m_options.clientId.toUtf8();
    m_mosq = mosquitto_new(id.constData(), m_options.cleanSession, this);
    if (!m_mosq) {
        m_lastError = QStringLiteral("mosquitto_new failed (out of memory or invalid client id)");
        qCWarning(lcMqtt) << endpoint() << m_lastError;
        return;
    }
    // Our own thread runs mosquitto_loop(); publish()/subscribe() come from other threads.
    mosquitto_threaded_set(m_mosq, true);
    mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION,
                         m_options.protocolVersion == 5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    // The v5 callbacks also serve 3.1.1 sessions (properties are then null).
    mosquitto_connect_v5_callback_set(m_mosq, &MqttClient::onConnect);
    mosquitto_disconnect_v5_callback_set(m_mosq, &MqttClient::onDisconnect);
    mosquitto_message_v5_callback_set(m_mosq, &MqttClient::onMessage);
    mosquitto_publish_v5_callback_set(m_mosq, &MqttClient::onPublish);
    mosquitto_log_callback_set(m_mosq, &MqttClient::onLog);
    m_keyPassword = m_options.tls.keyPassword;
    if (!m_options.credentials && !m_options.username.isEmpty()) {
        const QByteArray user = m_options.username.toUtf8();
        const QByteArray pass = m_options.password.toUtf8();
        mosquitto_username_pw_set(m_mosq, user.constData(),
                                  m_options.password.isEmpty() ? nullptr : pass.constData());
    }
    const auto configFailure = [this](const QString &what, int rc) {
        m_lastError = QStringLiteral("%1: %2").arg(what, mosqError(rc));
        m_configError = true;
        qCWarning(lcMqtt).noquote() << endpoint() << m_lastError;
    };
    if (!m_options.will.topic.isEmpty()) {
        const QByteArray topic = m_options.will.topic.toUtf8();
        const int rc = mosquitto_will_set(m_mosq, topic.constData(),
                                          static_cast<int>(m_options.will.payload.size()),
                                          m_options.will.payload.constData(),
                                          m_options.will.qos, m_options.will.retain);
        if (rc != MOSQ_ERR_SUCCESS)
            configFailure(QStringLiteral("invalid Last-Will on %1").arg(m_options.will.topic), rc);
    }
    if (m_options.tls.enabled()) {
        const QByteArray ca = QFile::encodeName(m_options.tls.caFile);
        const QByteArray cert = QFile::encodeName(m_options.tls.certFile);
        const QByteArray key = QFile::encodeName(m_options.tls.keyFile);
        // libmosquitto checks that the files are readable here; the handshake checks the rest.
        // The key's passphrase goes to OpenSSL through a callback at the first handshake.
        const int rc = mosquitto_tls_set(m_mosq, ca.constData(), nullptr,
                                         cert.isEmpty() ? nullptr : cert.constData(),
                                         key.isEmpty() ? nullptr : key.constData(),
                                         key.isEmpty() ? nullptr : &MqttClient::onKeyPassword);
        if (rc != MOSQ_ERR_SUCCESS) {
            configFailure(QStringLiteral("TLS files (CA %1, certificate %2, key %3) rejected")
                                  .arg(m_options.tls.caFile,
                                       m_options.tls.certFile.isEmpty() ? QStringLiteral("none")
                                                                        : m_options.tls.certFile,
                                       m_options.tls.keyFile.isEmpty() ? QStringLiteral("none")
                                                                       : m_options.tls.keyFile),
                          rc);
        }
        // Only ever switched off explicitly: hostname verification is libmosquitto's default.
        if (m_options.tls.insecure)
            mosquitto_tls_insecure_set(m_mosq, true);
    }
}

MqttClient::~MqttClient()
{
    if (!m_mosq)
        return;
    stop();
    mosquitto_destroy(m_mosq);
    m_mosq = nullptr;
}

int MqttClient::reconnectDelayMs(int attempt, int minS, int maxS, double random01)
{
    const qint64 minMs = qint64(std::max(1, minS)) * 1000;
    const qint64 maxMs = std::max(minMs, qint64(std::max(1, maxS)) * 1000);
    qint64 delay = minMs;
    for (int i = 0; i < attempt && delay < maxMs; ++i) // bounded by the cap, at most ~32 steps
        delay *= 2;
    delay = std::min(delay, maxMs);
    const double r = std::clamp(random01, 0.0, 1.0);
    return static_cast<int>(static_cast<double>(delay) * (0.5 + 0.5 * r));
}

bool MqttClient::start()
{
    if (!m_mosq || m_configError)
        return false;
    if (m_started)
        return true;
    m_stopRequested = false;
    m_attempt = 0;
    setState(State::Connecting, QString());
    m_thread = std::thread([this] { run(); });
    m_started = true;
    return true;
}

void MqttClient::stop()
{
    if (!m_mosq || !m_started)
        return;
    m_started = false;
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopRequested = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    setState(State::Disconnected, QStringLiteral("stopped"));
}

int MqttClient::connectOnce(bool first)
{
    m_failureReported = false;
    if (!first)
        return mosquitto_reconnect_async(m_mosq);
    const QByteArray host = m_options.host.toUtf8();
    const int keepAlive = std::max(5, m_options.keepAliveS);
    if (m_options.protocolVersion == 5 && !m_options.cleanSession) {
        // MQTT 5 §3.1.2.11.2: without a Session Expiry Interval the broker drops the session
        // at disconnect, so "persistent" would not be. Only the blocking call takes CONNECT
        // properties; later reconnects reuse them.
        mosquitto_property *props = nullptr;
        mosquitto_property_add_int32(&props, MQTT_PROP_SESSION_EXPIRY_INTERVAL,
                                     m_options.sessionExpiryS);
        const int rc = mosquitto_connect_bind_v5(m_mosq, host.constData(), m_options.port,
                                                 keepAlive, nullptr, props);
        mosquitto_property_free_all(&props);
        return rc;
    }
    return mosquitto_connect_async(m_mosq, host.constData(), m_options.port, keepAlive);
}

QString MqttClient::describeFailure(int rc, int savedErrno)
{
    QString libError;
    {
        std::lock_guard lock(m_mutex);
        libError = m_libError;
        m_libError.clear();
    }
    // TLS alerts the broker sends when it does not accept our certificate; with TLS 1.3 they
    // arrive after the handshake, as a lost connection.
    static const char *const rejected[] = { "unknown ca", "bad certificate",
                                            "certificate required", "certificate unknown",
                                            "certificate expired", "certificate revoked" };
    for (const char *alert : rejected) {
        if (libError.contains(QLatin1String(alert), Qt::CaseInsensitive))
            return QStringLiteral("TLS handshake with %1 failed: the broker rejected the client "
                                  "certificate %2 (%3)")
                    .arg(endpoint(), m_options.tls.certFile.isEmpty() ? QStringLiteral("(none)")
                                                                       : m_options.tls.certFile,
                         libError.section(QLatin1Char(':'), -1).trimmed());
    }
    switch (rc) {
    case MOSQ_ERR_TLS:
    case MOSQ_ERR_TLS_HANDSHAKE: {
        // OpenSSL's line reads "OpenSSL Error[0]: error:0A000086:SSL routines::certificate
        // verify failed": the words after the last ':' are the reason.
        QString reason = libError.section(QLatin1Char(':'), -1).trimmed();
        if (reason.isEmpty())
            reason = libError.isEmpty() ? mosqError(rc) : libError;
        if (libError.contains(QLatin1String("client key"), Qt::CaseInsensitive))
            return QStringLiteral("cannot use the TLS client key %1: wrong or missing passphrase "
                                  "(tls.key_password_env / tls.key_password_keychain), or not "
                                  "the key of %2")
                    .arg(m_options.tls.keyFile, m_options.tls.certFile);
        return QStringLiteral("TLS handshake with %1 failed: %2").arg(endpoint(), reason);
    }
    case MOSQ_ERR_EAI:
        return QStringLiteral("cannot resolve host name %1 (DNS lookup failed)")
                .arg(m_options.host);
    case MOSQ_ERR_ERRNO:
        return QStringLiteral("connect to %1 failed: %2")
                .arg(endpoint(), QString::fromLocal8Bit(strerror(savedErrno)));
    case MOSQ_ERR_CONN_REFUSED:
        return QStringLiteral("connection to %1 refused by the broker").arg(endpoint());
    default:
        break;
    }
    const QString base = QStringLiteral("connection to %1 lost: %2").arg(endpoint(), mosqError(rc));
    return libError.isEmpty() ? base : base % QStringLiteral(" (") % libError % QLatin1Char(')');
}

bool MqttClient::sleepBackoff()
{
    const int delay = reconnectDelayMs(m_attempt, m_options.reconnectMinS,
                                       m_options.reconnectMaxS,
                                       QRandomGenerator::global()->generateDouble());
    ++m_attempt;
    std::unique_lock lock(m_wakeMutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(delay), [this] { return m_stopRequested.load(); });
    return !m_stopRequested.load();
}

void MqttClient::run()
{
    bool first = true;
    bool needConnect = true;
    // Every iteration either waits in mosquitto_loop (<= 100 ms) or in the back-off, and the
    // loop ends when stop() is requested.
    while (!m_stopRequested.load()) {
        if (needConnect) {
            if (m_state.load() != State::Connecting)
                setState(first ? State::Connecting : State::Reconnecting, lastError());
            const int ready = applyCredentials();
            if (ready == 0) { // a secret is still on its way (bounded by its own timeout)
                std::unique_lock lock(m_wakeMutex);
                m_wake.wait_for(lock, std::chrono::milliseconds(50),
                                [this] { return m_stopRequested.load(); });
                continue;
            }
            if (ready < 0) {
                if (!sleepBackoff())
                    break;
                continue;
            }
            const int rc = connectOnce(first);
            const int savedErrno = errno;
            if (rc == MOSQ_ERR_INVAL || rc == MOSQ_ERR_NOMEM) {
                // Bad arguments: retrying will not help.
                const QString reason = QStringLiteral("cannot connect to %1: %2")
                                               .arg(endpoint(), mosqError(rc));
                setLastError(reason);
                qCWarning(lcMqtt).noquote() << reason;
                setState(State::Disconnected, reason);
                return;
            }
            first = false; // host and port are stored from here on; reconnect reuses them
            if (rc != MOSQ_ERR_SUCCESS) {
                if (!m_failureReported) {
                    const QString reason = describeFailure(rc, savedErrno);
                    setLastError(reason);
                    qCInfo(lcMqtt).noquote() << reason << "- retrying";
                    setState(State::Reconnecting, reason);
                }
                if (!sleepBackoff())
                    break;
                continue;
            }
            needConnect = false;
        }
        const int rc = mosquitto_loop(m_mosq, 100, 1);
        if (rc == MOSQ_ERR_SUCCESS) {
            if (renewalDue()) {
                renewConnection();
                needConnect = true;
            }
            continue;
        }
        const int savedErrno = errno;
        if (m_stopRequested.load())
            break;
        if (!m_failureReported) {
            const QString reason = describeFailure(rc, savedErrno);
            setLastError(reason);
            qCInfo(lcMqtt).noquote() << reason << "- reconnecting";
            setState(State::Reconnecting, reason);
        }
        needConnect = true;
        if (!sleepBackoff())
            break;
    }
    if (m_state.load() == State::Connected) {
        // A clean DISCONNECT (the broker then discards the Last-Will), flushed by a few bounded
        // loop passes: the loop returns an error once the socket is closed.
        mosquitto_disconnect(m_mosq);
        for (int i = 0; i < 20 && mosquitto_loop(m_mosq, 50, 1) == MOSQ_ERR_SUCCESS; ++i) {
        }
    }
}

int MqttClient::applyCredentials()
{
    m_renewAtMs = 0;
    if (!m_options.credentials)
        return 1; // static username/password, set in the constructor
    const MqttCredentials c = m_options.credentials();
    if (c.status == MqttCredentials::Status::Pending)
        return 0;
    if (c.status == MqttCredentials::Status::Failed) {
        // Warned once per cause, not on every retry of the back-off.
        if (c.error != m_credentialsError)
            qCWarning(lcMqtt).noquote() << endpoint() << c.error;
        m_credentialsError = c.error;
        setLastError(c.error);
        setState(State::Reconnecting, c.error);
        return -1;
    }
    m_credentialsError.clear();
    const QByteArray user = c.username.toUtf8();
    mosquitto_username_pw_set(m_mosq, user.isEmpty() ? nullptr : user.constData(),
                              c.password.isEmpty() || user.isEmpty() ? nullptr
                                                                     : c.password.constData());
    {
        std::lock_guard lock(m_mutex);
        if (!c.keyPassword.isEmpty())
            m_keyPassword = c.keyPassword;
    }
    m_renewAtMs = c.renewAtMs;
    return 1;
}

bool MqttClient::renewalDue() const
{
    if (m_renewAtMs <= 0 || m_state.load() != State::Connected)
        return false;
    const std::int64_t now = m_options.clock ? m_options.clock->now() : nowUtcMs();
    return now >= m_renewAtMs;
}

void MqttClient::renewConnection()
{
    const QString reason =
            QStringLiteral("renewing the credentials of %1 before they expire").arg(endpoint());
    qCInfo(lcMqtt).noquote() << reason;
    setState(State::Reconnecting, reason);
    mosquitto_disconnect(m_mosq);
    // Bounded flush of the DISCONNECT: the loop returns an error once the socket is closed.
    for (int i = 0; i < 20 && mosquitto_loop(m_mosq, 50, 1) == MOSQ_ERR_SUCCESS; ++i) {
    }
    m_attempt = 0;
}

// OpenSSL's pem_password_cb; libmosquitto passes its own handle as the user data.
int MqttClient::onKeyPassword(char *buf, int size, int, void *userdata)
{
    auto *mosq = static_cast<mosquitto *>(userdata);
    auto *c = mosq ? static_cast<MqttClient *>(mosquitto_userdata(mosq)) : nullptr;
    if (!c || !buf || size <= 0)
        return 0;
    std::lock_guard lock(c->m_mutex);
    const int n = static_cast<int>(std::min<qsizetype>(c->m_keyPassword.size(), size));
    std::memcpy(buf, c->m_keyPassword.constData(), static_cast<std::size_t>(n));
    return n;
}

void MqttClient::subscribe(const QString &filter, int qos)
{
    {
        std::lock_guard lock(m_mutex);
        auto it = std::find_if(m_subscriptions.begin(), m_subscriptions.end(),
                               [&](const auto &s) { return s.first == filter; });
        if (it != m_subscriptions.end())
            it->second = qos;
        else
            m_subscriptions.emplace_back(filter, qos);
    }
    if (m_mosq && m_state.load() == State::Connected) {
        const QByteArray f = filter.toUtf8();
        const int rc = mosquitto_subscribe(m_mosq, nullptr, f.constData(), qos);
        if (rc != MOSQ_ERR_SUCCESS)
            qCWarning(lcMqtt).noquote() << endpoint() << "subscribe" << filter << "failed:"
                                        << mosqError(rc);
    }
}

bool MqttClient::publish(const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    if (!m_mosq)
        return false;
    const QByteArray t = topic.toUtf8();
    // Counted before the call: the network thread may confirm it before mosquitto_publish
    // returns.
    m_unpublished.fetch_add(1);
    const int rc = mosquitto_publish(m_mosq, nullptr, t.constData(),
                                     static_cast<int>(payload.size()), payload.constData(), qos,
                                     retain);
    if (rc == MOSQ_ERR_SUCCESS)
        return true;
    m_unpublished.fetch_sub(1);
    if (rc == MOSQ_ERR_NO_CONN && qos == 0)
        return false; // QoS 0 while offline: dropped by design, not worth a warning each time
    const QString reason = QStringLiteral("publish on %1 failed: %2").arg(topic, mosqError(rc));
    std::lock_guard lock(m_mutex);
    m_lastError = reason;
    return false;
}

bool MqttClient::waitForPublished(int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (m_unpublished.load() > 0) {
        if (std::chrono::steady_clock::now() >= deadline || m_state.load() != State::Connected)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

void MqttClient::setMessageHandler(std::function<void(MqttMessage &&)> handler)
{
    std::lock_guard lock(m_mutex);
    m_handler = std::move(handler);
}

std::vector<MqttMessage> MqttClient::takeMessages()
{
    std::lock_guard lock(m_mutex);
    std::vector<MqttMessage> out;
    out.swap(m_queue);
    return out;
}

QString MqttClient::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

QString MqttClient::endpoint() const
{
    return m_options.host % QLatin1Char(':') % QString::number(m_options.port);
}

QString MqttClient::stateName(State s)
{
    switch (s) {
    case State::Disconnected: return QStringLiteral("disconnected");
    case State::Connecting: return QStringLiteral("connecting");
    case State::Connected: return QStringLiteral("connected");
    case State::Reconnecting: return QStringLiteral("reconnecting");
    }
    return QStringLiteral("unknown");
}

void MqttClient::onConnect(mosquitto *mosq, void *self, int rc, int,
                           const mqtt5__property *)
{
    auto *c = static_cast<MqttClient *>(self);
    if (rc != 0) {
        // MQTT 3.1.1 CONNACK return codes (§3.2.2.3) and MQTT 5 reason codes (§3.2.2.2)
        // have their own texts.
        const char *why = c->m_options.protocolVersion == 5 ? mosquitto_reason_string(rc)
                                                            : mosquitto_connack_string(rc);
        const QString reason = QStringLiteral("connection to %1 refused: %2")
                                       .arg(c->endpoint(), QString::fromUtf8(why));
        // Warned once per cause, not on every retry of the back-off.
        if (c->lastError() != reason)
            qCWarning(lcMqtt).noquote() << reason;
        c->setLastError(reason);
        c->m_failureReported = true;
        c->setState(State::Reconnecting, reason);
        return;
    }
    c->m_attempt = 0;
    std::vector<std::pair<QString, int>> subs;
    {
        std::lock_guard lock(c->m_mutex);
        subs = c->m_subscriptions;
    }
    // The state flips before re-subscribing so a concurrent subscribe() either lands in the
    // copy above or sees Connected and subscribes itself; a duplicate SUBSCRIBE is harmless.
    c->setState(State::Connected, QString());
    for (const auto &[filter, qos] : subs) {
        const QByteArray f = filter.toUtf8();
        const int src = mosquitto_subscribe(mosq, nullptr, f.constData(), qos);
        if (src != MOSQ_ERR_SUCCESS)
            qCWarning(lcMqtt).noquote() << c->endpoint() << "subscribe" << filter
                                        << "failed:" << mosqError(src);
    }
    qCInfo(lcMqtt).noquote() << "connected to" << c->endpoint() << "as" << c->m_options.clientId;
}

void MqttClient::onDisconnect(mosquitto *, void *self, int rc, const mqtt5__property *)
{
    auto *c = static_cast<MqttClient *>(self);
    if (rc == 0 || c->m_failureReported)
        return; // we asked for it, or the refusal is already in words
    QString libError;
    {
        std::lock_guard lock(c->m_mutex);
        libError = c->m_libError;
    }
    if (!libError.isEmpty() || c->m_state.load() != State::Connected)
        return; // a TLS/connect failure: the loop's error path words it with the library's reason
    const QString reason = QStringLiteral("connection to %1 lost: %2").arg(c->endpoint(),
                                                                         mosqError(rc));
    c->setLastError(reason);
    c->m_failureReported = true;
    qCInfo(lcMqtt).noquote() << reason << "- reconnecting";
    c->setState(State::Reconnecting, reason);
}

void MqttClient::onLog(mosquitto *, void *self, int level, const char *text)
{
    if (level != MOSQ_LOG_ERR || !text)
        return;
    auto *c = static_cast<MqttClient *>(self);
    std::lock_guard lock(c->m_mutex);
    if (c->m_libError.isEmpty()) // the first line names the cause; later ones are follow-ups
        c->m_libError = QString::fromUtf8(text);
}

void MqttClient::onMessage(mosquitto *, void *self, const mosquitto_message *msg,
                           const mqtt5__property *)
{
    auto *c = static_cast<MqttClient *>(self);
    if (!msg || !msg->topic)
        return;
    MqttMessage m;
    m.topic = QString::fromUtf8(msg->topic);
    if (msg->payloadlen > 0 && msg->payload)
        m.payload = QByteArray(static_cast<const char *>(msg->payload), msg->payloadlen);
    m.receivedMs = nowUtcMs();
    m.qos = msg->qos;
    m.retained = msg->retain;
    c->m_received.fetch_add(1);
    c->m_bytes.fetch_add(static_cast<std::uint64_t>(std::max(0, msg->payloadlen)));
    std::function<void(MqttMessage &&)> handler;
    {
        std::lock_guard lock(c->m_mutex);
        if (!c->m_handler) {
            c->m_queue.push_back(std::move(m));
            return;
        }
        handler = c->m_handler;
    }
    handler(std::move(m));
}

void MqttClient::onPublish(mosquitto *, void *self, int, int, const mqtt5__property *)
{
    static_cast<MqttClient *>(self)->m_unpublished.fetch_sub(1);
}

void MqttClient::setLastError(const QString &reason)
{
    std::lock_guard lock(m_mutex);
    m_lastError = reason;
}

void MqttClient::setState(State s, const QString &reason)
{
    const State old = m_state.exchange(s);
    if (old == s)
        return;
    // Always queued: callers may be on libmosquitto's thread, and receivers expect the
    // signal on this object's thread. QPointer-free because the destructor stops the loop
    // thread before the object goes away and queued calls to a deleted object are dropped.
    QMetaObject::invokeMethod(
        this, [this, s, reason] { emit stateChanged(s, reason); }, Qt::QueuedConnection);
}

} // namespace andon::mqtt
