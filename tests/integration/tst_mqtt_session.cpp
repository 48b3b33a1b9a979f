// A QoS 1 stream survives a broker restart without loss: persistent sessions (clean_session
// false, fixed client ids) on both sides and a broker with persistence on; the broker is
// stopped and restarted on the same port in the middle of the stream.
#include "connectors/mqtt/mqtt_client.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/support/test_support.h"

#include <QtTest>

#include <set>

using andon::mqtt::MqttClient;
using andon::mqtt::MqttClientOptions;
using namespace andon::test;

class TestMqttSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(unexpectedWarnings(), QStringList()); }
    void qos1StreamSurvivesBrokerRestart_data();
    void qos1StreamSurvivesBrokerRestart();
};

void TestMqttSession::qos1StreamSurvivesBrokerRestart_data()
{
    QTest::addColumn<int>("protocol");
    QTest::newRow("MQTT 3.1.1") << 4;
    QTest::newRow("MQTT 5") << 5;
}

void TestMqttSession::qos1StreamSurvivesBrokerRestart()
{
    QFETCH(int, protocol);
    constexpr int kCount = 300;
    constexpr int kStopAt = 100;
    constexpr int kRestartAt = 200;
    MosquittoBroker broker;
    broker.setPersistence(true);
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    MqttClientOptions subOptions = mqttOptions(broker.port());
    subOptions.cleanSession = false;
    subOptions.clientId = QStringLiteral("andon-session-sub-%1").arg(protocol);
    subOptions.protocolVersion = protocol;
    MessageSink sink; // outlives the client: its handler writes here
    MqttClient subscriber(subOptions);
    sink.attach(subscriber);
    subscriber.subscribe(QStringLiteral("seq/#"), 1);
    QVERIFY(subscriber.start());
    QTRY_COMPARE_WITH_TIMEOUT(subscriber.state(), MqttClient::State::Connected, kMqttWaitMs);
    QVERIFY(waitForSubscription(subscriber, sink, QStringLiteral("seq/probe")));

    MqttClientOptions pubOptions = subOptions;
    pubOptions.clientId = QStringLiteral("andon-session-pub-%1").arg(protocol);
    MqttClient publisher(pubOptions);
    QVERIFY(publisher.start());
    QTRY_COMPARE_WITH_TIMEOUT(publisher.state(), MqttClient::State::Connected, kMqttWaitMs);

    std::vector<int> refused; // publish() said no: published again once the broker is back
    for (int i = 1; i <= kCount; ++i) {
        if (i == kStopAt)
            broker.stop();
        if (i == kRestartAt)
            QVERIFY2(broker.start(&error), qPrintable(error));
        if (!publisher.publish(QStringLiteral("seq/n"), QByteArray::number(i), 1))
            refused.push_back(i);
        if (i % 20 == 0)
            QTest::qWait(20); // spread the stream so the restart falls in its middle
    }
    QTRY_COMPARE_WITH_TIMEOUT(publisher.state(), MqttClient::State::Connected, kMqttWaitMs);
    for (int i : refused)
        QVERIFY(publisher.publish(QStringLiteral("seq/n"), QByteArray::number(i), 1));

    const auto numbers = [&] {
        std::multiset<int> got;
        for (const auto &m : sink.messages()) {
            if (m.topic == QLatin1String("seq/n"))
                got.insert(m.payload.toInt());
        }
        return got;
    };
    const auto missing = [&] {
        const std::multiset<int> got = numbers();
        int n = 0;
        for (int i = 1; i <= kCount; ++i)
            n += got.count(i) == 0 ? 1 : 0;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(missing(), 0, kMqttWaitMs);
    const std::multiset<int> got = numbers();
    const auto duplicates = got.size() - std::set<int>(got.begin(), got.end()).size();
    qInfo("%zu messages, %zu duplicates (QoS 1 allows them), %zu refused while offline",
          got.size(), duplicates, refused.size());
    QVERIFY(got.size() >= std::size_t(kCount));
}

QTEST_GUILESS_MAIN(TestMqttSession)
#include "tst_mqtt_session.moc"
