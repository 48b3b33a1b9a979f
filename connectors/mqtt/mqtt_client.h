// Qt-style MQTT client over libmosquitto (MQTT 3.1.1/5, TLS, Last-Will). The network loop runs
// on the client's own thread (mosquitto_loop, so reconnects are scheduled with jitter); received
// messages are handed out in batches, never one signal per message. Owned by whoever created it (MqttSource, the simulator, tests).
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <thread>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace andon {
class Clock;
}

struct mosquitto;
struct mosquitto_message;
struct mqtt5__property;

namespace andon::mqtt {

struct MqttMessage
{
    QString topic;
    QByteArray payload;
    std::int64_t receivedMs = 0;
    int qos = 0;
    bool retained = false;
};

// TLS settings; TLS is on when caFile is set. Hostname verification is on unless `insecure`
// (which the UI must show as a warning: anyone on the path can then impersonate the broker).
struct MqttTlsOptions
{
    QString caFile;             // PEM CA certificate(s) the broker's certificate must chain to
    QString certFile;           // client certificate (mutual TLS), with keyFile
    QString keyFile;
    bool insecure = false;      // skip hostname verification (mosquitto_tls_insecure_set)
    QByteArray keyPassword;     // passphrase of an encrypted keyFile (given to OpenSSL only)
    bool enabled() const { return !caFile.isEmpty(); }
};

// Credentials asked for on the network thread before every connect attempt, so secrets that
// arrive later (a keychain read) or expire (an IoT Hub SAS token) need no new client. They
// are handed to libmosquitto/OpenSSL only, never logged and never part of lastError().
struct MqttCredentials
{
    enum class Status { Ready, Pending, Failed };
    Status status = Status::Ready;
    QString username;           // "" = none
    QByteArray password;        // "" = none
    QByteArray keyPassword;     // passphrase of an encrypted TLS client key, "" = none
    // > 0: the client disconnects and connects again with fresh credentials at this time of
    // MqttClientOptions::clock (e.g. at 80 % of a SAS token's lifetime).
    std::int64_t renewAtMs = 0;
    QString error;              // Failed: the reason in words, naming the source
};

// Last-Will (MQTT 3.1.1 §3.1.2.5): published by the broker when the client vanishes without
// a DISCONNECT. Empty topic = none.
struct MqttWillOptions
{
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
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
    // Reconnect back-off: min * 2^attempt capped at max, with "equal jitter" (a random delay
    // between half and all of it) so that many clients do not reconnect in lock-step after a
    // broker restart. Our own network thread schedules it; libmosquitto's built-in back-off
    // (mosquitto_loop_start) grows quadratically and has no jitter.
    int reconnectMinS = 1;
    int reconnectMaxS = 30;
    int protocolVersion = 4;    // 4 = MQTT 3.1.1, 5 = MQTT 5
    // MQTT 5 only: how long the broker keeps a persistent session (cleanSession false) after
    // a disconnect. 0xFFFFFFFF = never expires, like an MQTT 3.1.1 persistent session.
    std::uint32_t sessionExpiryS = 0xFFFFFFFFu;
    MqttTlsOptions tls;
    MqttWillOptions will;
    // When set, called before every connect attempt instead of using username/password and
    // tls.keyPassword; must be thread-safe and must not block (answer Pending instead).
    std::function<MqttCredentials()> credentials;
    const andon::Clock *clock = nullptr; // time base of MqttCredentials::renewAtMs; null = system
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
    // Thread-safe publish; returns false when the client refuses, including while the
    // connection is down (the caller keeps the message and publishes it again later).
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
    // TLS without hostname verification: the UI shows a warning for such a connection.
    bool isInsecure() const { return m_options.tls.enabled() && m_options.tls.insecure; }
    const MqttClientOptions &options() const { return m_options; }
    // The delay before reconnect attempt `attempt` (0 = first retry) in ms: min(max, min*2^n)
    // scaled by 0.5 + 0.5*random01 (equal jitter). Pure, for tests.
    static int reconnectDelayMs(int attempt, int minS, int maxS, double random01);

signals:
    // Emitted (queued to this object's thread) when the connection state changes.
    void stateChanged(andon::mqtt::MqttClient::State state, const QString &reason);

private:
    static void onConnect(mosquitto *, void *self, int rc, int flags,
                          const struct mqtt5__property *props);
    static void onDisconnect(mosquitto *, void *self, int rc,
                             const struct mqtt5__property *props);
    static void onMessage(mosquitto *, void *self, const struct mosquitto_message *msg,
                          const struct mqtt5__property *props);
    static void onPublish(mosquitto *, void *self, int mid, int reason,
                          const struct mqtt5__property *props);
    static void onLog(mosquitto *, void *self, int level, const char *text);
    static int onKeyPassword(char *buf, int size, int rwflag, void *userdata);
    // Applies the credentials for the next attempt: 1 ready, 0 pending (wait), -1 failed.
    int applyCredentials();
    bool renewalDue() const;
    void renewConnection();
    void setState(State s, const QString &reason);
    void setLastError(const QString &reason);
    void run(); // the network thread: connect, loop, back off with jitter, reconnect
    int connectOnce(bool first);
    bool sleepBackoff(); // false when stop() was requested meanwhile
    QString describeFailure(int rc, int savedErrno);

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
    bool m_configError = false;      // TLS files etc. rejected in the constructor
    QString m_libError;              // last error line libmosquitto logged (OpenSSL reasons)
    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    int m_attempt = 0;               // failed attempts since the last CONNACK (network thread)
    QByteArray m_keyPassword;        // guarded by m_mutex; read by OpenSSL's callback
    std::int64_t m_renewAtMs = 0;    // network thread: see MqttCredentials::renewAtMs
    QString m_credentialsError;      // network thread: the last failure warned about
    bool m_failureReported = false;  // a callback already put this failure in words
};

} // namespace andon::mqtt
