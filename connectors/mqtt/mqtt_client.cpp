#include "connectors/mqtt/mqtt_client.h"

#include "core/sample.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QRandomGenerator>

#include <mosquitto.h>

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
    mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    mosquitto_connect_callback_set(m_mosq, &MqttClient::onConnect);
    mosquitto_disconnect_callback_set(m_mosq, &MqttClient::onDisconnect);
    mosquitto_message_callback_set(m_mosq, &MqttClient::onMessage);
    mosquitto_publish_callback_set(m_mosq, &MqttClient::onPublish);
    if (!m_options.username.isEmpty()) {
        const QByteArray user = m_options.username.toUtf8();
        const QByteArray pass = m_options.password.toUtf8();
        mosquitto_username_pw_set(m_mosq, user.constData(),
                                  m_options.password.isEmpty() ? nullptr : pass.constData());
    }
    const int minS = std::max(1, m_options.reconnectMinS);
    const int maxS = std::max(minS, m_options.reconnectMaxS);
    mosquitto_reconnect_delay_set(m_mosq, static_cast<unsigned>(minS),
                                  static_cast<unsigned>(maxS), true);
}

MqttClient::~MqttClient()
{
    if (!m_mosq)
        return;
    stop();
    mosquitto_destroy(m_mosq);
    m_mosq = nullptr;
}

bool MqttClient::start()
{
    if (!m_mosq)
        return false;
    if (m_started)
        return true;
    const QByteArray host = m_options.host.toUtf8();
    setState(State::Connecting, QString());
    int rc = mosquitto_connect_async(m_mosq, host.constData(), m_options.port,
                                     std::max(5, m_options.keepAliveS));
    if (rc != MOSQ_ERR_SUCCESS && rc != MOSQ_ERR_ERRNO) {
        // Invalid arguments etc.: retrying will not help.
        const QString reason = QStringLiteral("cannot connect to %1: %2").arg(endpoint(),
                                                                              mosqError(rc));
        {
            std::lock_guard lock(m_mutex);
            m_lastError = reason;
        }
        qCWarning(lcMqtt).noquote() << reason;
        setState(State::Disconnected, reason);
        return false;
    }
    if (rc == MOSQ_ERR_ERRNO) {
        // e.g. connection refused: the network loop keeps retrying with back-off.
        const QString reason = QStringLiteral("connect to %1 failed: %2")
                                   .arg(endpoint(), QString::fromLocal8Bit(strerror(errno)));
        {
            std::lock_guard lock(m_mutex);
            m_lastError = reason;
        }
        qCInfo(lcMqtt).noquote() << reason << "- retrying";
        setState(State::Reconnecting, reason);
    }
    rc = mosquitto_loop_start(m_mosq);
    if (rc != MOSQ_ERR_SUCCESS) {
        const QString reason = QStringLiteral("cannot start network thread: %1").arg(mosqError(rc));
        {
            std::lock_guard lock(m_mutex);
            m_lastError = reason;
        }
        qCWarning(lcMqtt).noquote() << endpoint() << reason;
        setState(State::Disconnected, reason);
        return false;
    }
    m_started = true;
    return true;
}

void MqttClient::stop()
{
    if (!m_mosq || !m_started)
        return;
    m_started = false;
    // mosquitto_disconnect also flags the session as "disconnect requested", which makes the
    // network loop leave even while it sits in its reconnect back-off (libmosquitto 2.0 wakes
    // that sleep through its internal socket pair), so loop_stop(force=false) returns after at
    // most one loopback connect attempt.
    mosquitto_disconnect(m_mosq);
    mosquitto_loop_stop(m_mosq, false);
    setState(State::Disconnected, QStringLiteral("stopped"));
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

void MqttClient::onConnect(mosquitto *mosq, void *self, int rc)
{
    auto *c = static_cast<MqttClient *>(self);
    if (rc != 0) {
        const QString reason = QStringLiteral("connection to %1 refused: %2")
                                   .arg(c->endpoint(), QString::fromUtf8(mosquitto_connack_string(rc)));
        {
            std::lock_guard lock(c->m_mutex);
            c->m_lastError = reason;
        }
        qCWarning(lcMqtt).noquote() << reason;
        c->setState(State::Reconnecting, reason);
        return;
    }
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

void MqttClient::onDisconnect(mosquitto *, void *self, int rc)
{
    auto *c = static_cast<MqttClient *>(self);
    if (rc == 0)
        return; // we asked for it (mosquitto_disconnect from stop())
    const QString reason = QStringLiteral("connection to %1 lost: %2").arg(c->endpoint(),
                                                                         mosqError(rc));
    {
        std::lock_guard lock(c->m_mutex);
        c->m_lastError = reason;
    }
    qCInfo(lcMqtt).noquote() << reason << "- reconnecting";
    c->setState(State::Reconnecting, reason);
}

void MqttClient::onMessage(mosquitto *, void *self, const mosquitto_message *msg)
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

void MqttClient::onPublish(mosquitto *, void *self, int)
{
    static_cast<MqttClient *>(self)->m_unpublished.fetch_sub(1);
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
