// MQTT 5 connects, and Last-Will messages are delivered when a client dies without a
// DISCONNECT: mosquitto_sub's will (our subscriber receives it) and our own MqttClient's will
// (a child process, this binary re-executed with --will-child, killed with SIGKILL).
#include "connectors/mqtt/mqtt_client.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/support/test_support.h"

#include <QCoreApplication>
#include <QtTest>

#include <cstdio>
#include <cstring>

using andon::mqtt::MqttClient;
using andon::mqtt::MqttClientOptions;
using namespace andon::test;

namespace {

// The child: connect with a will, say so on stdout, then wait (bounded) to be killed.
int willChild(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    QCoreApplication app(argc, argv);
    MqttClientOptions o = mqttOptions(QString::fromLatin1(argv[2]).toInt());
    o.will.topic = QString::fromLatin1(argv[3]);
    o.will.payload = "offline";
    o.will.qos = 1;
    MqttClient client(o);
    if (!client.start())
        return 3;
    QDeadlineTimer deadline(kMqttWaitMs);
    while (client.state() != MqttClient::State::Connected && !deadline.hasExpired())
        QThread::msleep(20);
    if (client.state() != MqttClient::State::Connected)
        return 4;
    std::fputs("CONNECTED\n", stdout);
    std::fflush(stdout);
    QThread::msleep(kMqttWaitMs); // the parent kills us long before this ends
    return 0;
}

} // namespace

class TestMqttWill : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup() { QCOMPARE(unexpectedWarnings(), QStringList()); }

    void mqtt5ConnectsAndReceives();
    void willOfKilledMosquittoSubIsReceived();
    void ownWillIsPublishedWhenKilled();

private:
    MosquittoBroker m_broker;
};

void TestMqttWill::initTestCase()
{
    installStrictMessageHandler();
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

void TestMqttWill::mqtt5ConnectsAndReceives()
{
    MessageSink sink; // outlives the client: its handler writes here
    MqttClientOptions o = mqttOptions(m_broker.port());
    o.protocolVersion = 5;
    MqttClient client(o);
    client.subscribe(QStringLiteral("v5/#"));
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kMqttWaitMs);
    sink.attach(client);
    QVERIFY(waitForSubscription(client, sink, QStringLiteral("v5/probe")));
    // The broker's log names the protocol of each connecting client.
    QVERIFY2(m_broker.log().contains(QLatin1String("p5")), qPrintable(m_broker.log()));
}

void TestMqttWill::willOfKilledMosquittoSubIsReceived()
{
    MessageSink sink;
    MqttClient watcher(mqttOptions(m_broker.port()));
    sink.attach(watcher);
    watcher.subscribe(QStringLiteral("wills/#"));
    QVERIFY(watcher.start());
    QTRY_COMPARE_WITH_TIMEOUT(watcher.state(), MqttClient::State::Connected, kMqttWaitMs);
    QVERIFY(waitForSubscription(watcher, sink, QStringLiteral("wills/probe")));

    QProcess sub;
    sub.start(QStringLiteral("/usr/bin/mosquitto_sub"),
              {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
               QString::number(m_broker.port()), QStringLiteral("-i"),
               QStringLiteral("andon-will-sub"), QStringLiteral("-t"), QStringLiteral("nothing"),
               QStringLiteral("--will-topic"), QStringLiteral("wills/mosquitto_sub"),
               QStringLiteral("--will-payload"), QStringLiteral("gone"),
               QStringLiteral("--will-qos"), QStringLiteral("1")});
    QVERIFY(sub.waitForStarted(kMqttWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(m_broker.log().contains(QLatin1String("as andon-will-sub")),
                             kMqttWaitMs);
    sub.kill(); // SIGKILL: no DISCONNECT
    sub.waitForFinished(kMqttWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(sink.has(QStringLiteral("wills/mosquitto_sub"), "gone"), kMqttWaitMs);
}

void TestMqttWill::ownWillIsPublishedWhenKilled()
{
    MessageSink sink;
    MqttClient watcher(mqttOptions(m_broker.port()));
    sink.attach(watcher);
    watcher.subscribe(QStringLiteral("wills/#"));
    QVERIFY(watcher.start());
    QTRY_COMPARE_WITH_TIMEOUT(watcher.state(), MqttClient::State::Connected, kMqttWaitMs);
    QVERIFY(waitForSubscription(watcher, sink, QStringLiteral("wills/probe")));

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--will-child"), QString::number(m_broker.port()),
                 QStringLiteral("wills/andon")});
    QVERIFY(child.waitForStarted(kMqttWaitMs));
    QByteArray childOut; // QTRY evaluates its condition again at the end: accumulate
    QTRY_VERIFY_WITH_TIMEOUT((childOut += child.readAllStandardOutput()).contains("CONNECTED")
                                     || child.state() == QProcess::NotRunning,
                             kMqttWaitMs);
    QCOMPARE(child.state(), QProcess::Running);
    QCOMPARE(sink.count(QStringLiteral("wills/andon")), 0); // alive: no will yet
    child.kill();
    child.waitForFinished(kMqttWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(sink.has(QStringLiteral("wills/andon"), "offline"), kMqttWaitMs);
}

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--will-child") == 0)
        return willChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestMqttWill test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mqtt_will.moc"
