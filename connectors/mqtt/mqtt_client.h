// Qt-style MQTT client over libmosquitto. The network loop runs on libmosquitto's own thread
// (mosquitto_loop_start); received messages are handed out in batches, never one signal per
// message. Owned by whoever created it (MqttSource, the simulator, tests).
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

struct mosquitto;
struct mosquitto_message;

namespace andon::mqtt {

struct MqttMessage
{
    QString topic;
    QByteArray payload;
    std::int64_t receivedMs = 0;
    int qos = 0;
    bool retained = false;
};

struct MqttClientOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 1883;
    QString clientId;           // "" = random
    int keepAliveS = 30;
    bool cleanSession = true;
    QString username;
    QString password;
    int reconnectMinS = 1;      // automatic reconnect back-off (libmosquitto)
    int reconnectMaxS = 30;
};

class MqttClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit MqttClient(MqttClientOptions options, QObject *parent = nullptr);
    ~MqttClient() override; // disconnects and stops the network thread

    // Starts connecting (asynchronous). Returns false with lastError() on immediate failure.
    bool start();
    void stop();

    // Subscriptions are remembered and re-sent after every (re)connect.
    void subscribe(const QString &filter, int qos = 1);
    // Thread-safe publish; returns false when the client refuses (not connected is fine:
    // libmosquitto queues QoS>0 messages).
    bool publish(const QString &topic, const QByteArray &payload, int qos = 0,
                 bool retain = false);

    // Called on the network thread with each message; set before start(). Must be fast and
    // thread-safe. When unset, messages are queued and drained by takeMessages().
    // Waits (bounded) until every message published so far has left: QoS 0 written to the
    // socket, QoS 1/2 acknowledged. Returns false on timeout. For a clean shutdown.
    bool waitForPublished(int timeoutMs);

    void setMessageHandler(std::function<void(MqttMessage &&)> handler);
    std::vector<MqttMessage> takeMessages();

    State state() const { return m_state.load(); }
    QString lastError() const;
    QString endpoint() const; // "host:port"
    std::uint64_t messagesReceived() const { return m_received.load(); }
    std::uint64_t bytesReceived() const { return m_bytes.load(); }

    static QString stateName(State s);

signals:
    // Emitted (queued to this object's thread) when the connection state changes.
    void stateChanged(andon::mqtt::MqttClient::State state, const QString &reason);

private:
    static void onConnect(mosquitto *, void *self, int rc);
    static void onDisconnect(mosquitto *, void *self, int rc);
    static void onMessage(mosquitto *, void *self, const struct mosquitto_message *msg);
    static void onPublish(mosquitto *, void *self, int mid);
    void setState(State s, const QString &reason);

    MqttClientOptions m_options;
    mosquitto *m_mosq = nullptr;
    std::atomic<State> m_state{State::Disconnected};
    std::atomic<std::uint64_t> m_received{0};
    std::atomic<std::uint64_t> m_bytes{0};
    std::atomic<std::int64_t> m_unpublished{0}; // publish() calls not yet confirmed
    mutable std::mutex m_mutex; // guards m_subscriptions, m_queue, m_lastError
    std::vector<std::pair<QString, int>> m_subscriptions;
    std::vector<MqttMessage> m_queue;
    QString m_lastError;
    std::function<void(MqttMessage &&)> m_handler;
    bool m_started = false;
};

} // namespace andon::mqtt
