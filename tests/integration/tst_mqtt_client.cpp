// MqttClient against a real mosquitto broker on a free loopback port: connect, subscribe,
// receive what mosquitto_pub publishes (plain and JSON), wildcards, and reconnect with
// re-subscription after the broker restarts.
#include "connectors/mqtt/mqtt_client.h"
#include "tests/support/test_support.h"

#include <QSignalSpy>
#include <QtTest>

#include <atomic>

using andon::mqtt::MqttClient;
using andon::mqtt::MqttClientOptions;
using andon::mqtt::MqttMessage;

namespace {

constexpr int kWaitMs = 15000;

bool mosquittoPub(int port, const QString &topic, const QByteArray &payload, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("/usr/bin/mosquitto_pub"),
            {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
             QString::number(port), QStringLiteral("-q"), QStringLiteral("1"),
             QStringLiteral("-t"), topic, QStringLiteral("-m"), QString::fromUtf8(payload)});
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(1000);
        *error = QStringLiteral("mosquitto_pub timed out");
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAll());
        return false;
    }
    return true;
}

MqttClientOptions optionsFor(int port)
{
    MqttClientOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port;
    o.keepAliveS = 5;
    o.reconnectMinS = 1;
    o.reconnectMaxS = 2; // tests must not wait for a long back-off
    return o;
}

} // namespace

class TestMqttClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void connectSubscribeReceive();
    void wildcardSubscription();
    void handlerCountsMessages();
    void reconnectAfterBrokerRestart();
    void unreachableBrokerKeepsRetrying();

private:
    // Publishes probes on `topic` through `client` until one comes back: proves the
    // subscription is active (SUBACK is not exposed). Bounded by kWaitMs.
    bool waitForSubscription(MqttClient &client, const QString &topic,
                             std::vector<MqttMessage> *sink);
    static std::vector<MqttMessage> drainUntil(MqttClient &client, std::vector<MqttMessage> *sink,
                                               const QString &topic, const QByteArray &payload);

    andon::test::MosquittoBroker m_broker;
};

void TestMqttClient::initTestCase()
{
    andon::test::installStrictMessageHandler();
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

void TestMqttClient::cleanup()
{
    QCOMPARE(andon::test::unexpectedWarnings(), QStringList());
}

bool TestMqttClient::waitForSubscription(MqttClient &client, const QString &topic,
                                         std::vector<MqttMessage> *sink)
{
    QDeadlineTimer deadline(kWaitMs);
    int n = 0;
    while (!deadline.hasExpired()) {
        const QByteArray probe = "probe-" + QByteArray::number(++n);
        client.publish(topic, probe, 1);
        for (int i = 0; i < 10; ++i) { // 10 x 50 ms per probe
            QTest::qWait(50);
            auto got = client.takeMessages();
            bool seen = false;
            for (auto &m : got) {
                if (m.topic == topic && m.payload.startsWith("probe-"))
                    seen = true;
                else
                    sink->push_back(std::move(m));
            }
            if (seen)
                return true;
        }
    }
    return false;
}

void TestMqttClient::connectSubscribeReceive()
{
    MqttClient client(optionsFor(m_broker.port()));
    QSignalSpy spy(&client, &MqttClient::stateChanged);
    QThread *signalThread = nullptr;
    connect(&client, &MqttClient::stateChanged, this,
            [&] { signalThread = QThread::currentThread(); }, Qt::DirectConnection);
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty()
                                     && spy.last().at(0).value<MqttClient::State>()
                                             == MqttClient::State::Connected,
                             kWaitMs);
    // Emitted from libmosquitto's thread, delivered on ours.
    QCOMPARE(signalThread, QThread::currentThread());
    QCOMPARE(client.endpoint(), QStringLiteral("127.0.0.1:%1").arg(m_broker.port()));

    client.subscribe(QStringLiteral("andon/test/#"));
    std::vector<MqttMessage> got;
    QVERIFY2(waitForSubscription(client, QStringLiteral("andon/test/probe"), &got),
             qPrintable(m_broker.log()));

    QString error;
    QVERIFY2(mosquittoPub(m_broker.port(), QStringLiteral("andon/test/plain"), "21.5", &error),
             qPrintable(error));
    const QByteArray json = R"({"value": 3.25, "ts": 1700000000000})";
    QVERIFY2(mosquittoPub(m_broker.port(), QStringLiteral("andon/test/json"), json, &error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (auto &m : client.takeMessages())
                    got.push_back(std::move(m));
                return got.size() >= 2;
            }(),
            kWaitMs);
    QCOMPARE(got.size(), size_t(2));
    QCOMPARE(got[0].topic, QStringLiteral("andon/test/plain"));
    QCOMPARE(got[0].payload, QByteArray("21.5"));
    QCOMPARE(got[0].qos, 1);
    QVERIFY(!got[0].retained);
    QVERIFY(got[0].receivedMs > 1'600'000'000'000);
    QCOMPARE(got[1].topic, QStringLiteral("andon/test/json"));
    QCOMPARE(got[1].payload, json);
    QVERIFY(client.messagesReceived() >= 3); // probes + 2
    QVERIFY(client.bytesReceived() >= std::uint64_t(4 + json.size()));

    client.stop();
    QCOMPARE(client.state(), MqttClient::State::Disconnected);
}

void TestMqttClient::wildcardSubscription()
{
    MqttClient client(optionsFor(m_broker.port()));
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kWaitMs);
    client.subscribe(QStringLiteral("plant/+/temp"));
    std::vector<MqttMessage> got;
    QVERIFY(waitForSubscription(client, QStringLiteral("plant/probe/temp"), &got));

    QString error;
    // "plant/m1/x/temp" is two levels deep and must NOT match "plant/+/temp". Each
    // mosquitto_pub has finished (QoS 1 acknowledged by the broker) before the next probe
    // goes out, so once the probe is back every earlier message has been routed.
    QVERIFY2(mosquittoPub(m_broker.port(), QStringLiteral("plant/m1/x/temp"), "1", &error),
             qPrintable(error));
    QVERIFY2(mosquittoPub(m_broker.port(), QStringLiteral("plant/m2/temp"), "2", &error),
             qPrintable(error));
    QVERIFY2(mosquittoPub(m_broker.port(), QStringLiteral("plant/m3/pressure"), "3", &error),
             qPrintable(error));
    std::vector<MqttMessage> after;
    QVERIFY(waitForSubscription(client, QStringLiteral("plant/probe2/temp"), &after));
    for (auto &m : after)
        got.push_back(std::move(m));
    QStringList topics;
    for (const auto &m : got)
        topics << m.topic;
    QCOMPARE(topics, QStringList({QStringLiteral("plant/m2/temp")}));
}

void TestMqttClient::handlerCountsMessages()
{
    MqttClient client(optionsFor(m_broker.port()));
    std::atomic<int> handled{0};
    std::atomic<qsizetype> bytes{0};
    client.setMessageHandler([&](MqttMessage &&m) {
        if (m.topic == u"count/x") {
            handled.fetch_add(1);
            bytes.fetch_add(m.payload.size());
        }
    });
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kWaitMs);
    client.subscribe(QStringLiteral("count/#"));
    // No queue when a handler is set: probes go to the handler, so wait via the handler.
    QDeadlineTimer deadline(kWaitMs);
    while (handled.load() == 0 && !deadline.hasExpired()) {
        client.publish(QStringLiteral("count/x"), "12345", 1);
        QTest::qWait(200);
    }
    QVERIFY(handled.load() > 0);
    const int before = handled.load();
    const quint64 receivedBefore = client.messagesReceived();
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY2(mosquittoPub(m_broker.port(), QStringLiteral("count/x"), "12345", &error),
                 qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(handled.load() >= before + 5, kWaitMs);
    QVERIFY(client.messagesReceived() >= receivedBefore + 5);
    QCOMPARE(bytes.load(), qsizetype(handled.load()) * 5);
    QVERIFY(client.takeMessages().empty());
}

void TestMqttClient::reconnectAfterBrokerRestart()
{
    MqttClient client(optionsFor(m_broker.port()));
    QSignalSpy spy(&client, &MqttClient::stateChanged);
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kWaitMs);
    client.subscribe(QStringLiteral("re/#"));
    std::vector<MqttMessage> got;
    QVERIFY(waitForSubscription(client, QStringLiteral("re/probe"), &got));

    m_broker.stop();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Reconnecting, kWaitMs);
    // The state flips on the network thread; the signal arrives later through our queue.
    bool sawReconnecting = false;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &args : spy) {
                    if (args.at(0).value<MqttClient::State>() == MqttClient::State::Reconnecting) {
                        sawReconnecting = true;
                        if (args.at(1).toString().isEmpty())
                            return false; // a reason must be given
                    }
                }
                return sawReconnecting;
            }(),
            kWaitMs);
    QVERIFY(sawReconnecting);
    QVERIFY(!client.lastError().isEmpty());

    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error)); // same port
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kWaitMs);
    // The broker lost every session (persistence false): receiving again proves the client
    // re-subscribed by itself.
    got.clear();
    QVERIFY(waitForSubscription(client, QStringLiteral("re/probe"), &got));
}

void TestMqttClient::unreachableBrokerKeepsRetrying()
{
    // A port where nothing listens: the client must not fail hard; it keeps retrying and
    // says why.
    const int port = andon::test::freeLoopbackPort();
    QVERIFY(port > 0);
    MqttClient client(optionsFor(port));
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Reconnecting, kWaitMs);
    QVERIFY2(client.lastError().contains(QString::number(port)), qPrintable(client.lastError()));
    // The destructor must return promptly even while the loop is in its back-off.
}

QTEST_GUILESS_MAIN(TestMqttClient)
#include "tst_mqtt_client.moc"
