// MqttClient with username/password against a real mosquitto using a password file made by
// mosquitto_passwd: the right password connects, a wrong one is refused in words; with an
// acl_file a denied topic is not delivered, without one it is.
#include "connectors/mqtt/mqtt_client.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QtTest>

using andon::mqtt::MqttClient;
using andon::mqtt::MqttClientOptions;
using namespace andon::test;

class TestMqttAuth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void rightPasswordConnects();
    void wrongPasswordIsRefusedInWords();
    void aclDeniesTopic_data();
    void aclDeniesTopic();

private:
    MqttClientOptions userOptions(const MosquittoBroker &broker, const QString &user,
                                  const QString &password) const
    {
        MqttClientOptions o = mqttOptions(broker.port());
        o.username = user;
        o.password = password;
        return o;
    }

    QTemporaryDir m_files;
    MosquittoBroker m_withAcl;
    MosquittoBroker m_withoutAcl;
};

void TestMqttAuth::initTestCase()
{
    installStrictMessageHandler();
    QVERIFY(m_files.isValid());
    const QString passwd = m_files.filePath(QStringLiteral("passwd"));
    QString error;
    QVERIFY2(runTool(QStringLiteral("mosquitto_passwd"),
                     {QStringLiteral("-b"), QStringLiteral("-c"), passwd, QStringLiteral("andon"),
                      QStringLiteral("s3cret-andon")},
                     &error),
             qPrintable(error));
    QVERIFY2(runTool(QStringLiteral("mosquitto_passwd"),
                     {QStringLiteral("-b"), passwd, QStringLiteral("edge"),
                      QStringLiteral("edge-pass")},
                     &error),
             qPrintable(error));
    // andon may read plant/allowed/# only (plus its probe topic); edge may write all of plant/#.
    QFile acl(m_files.filePath(QStringLiteral("acl")));
    QVERIFY(acl.open(QIODevice::WriteOnly));
    acl.write("user andon\ntopic read plant/allowed/#\ntopic readwrite probe/#\n\n"
              "user edge\ntopic write plant/#\n");
    acl.close();
    makeReadableByBroker(m_files.path());

    m_withAcl.setAllowAnonymous(false);
    m_withAcl.setExtraConfig(QStringLiteral("password_file %1\nacl_file %2\n")
                                     .arg(passwd, acl.fileName()));
    QVERIFY2(m_withAcl.start(&error), qPrintable(error));
    m_withoutAcl.setAllowAnonymous(false);
    m_withoutAcl.setExtraConfig(QStringLiteral("password_file %1\n").arg(passwd));
    QVERIFY2(m_withoutAcl.start(&error), qPrintable(error));
}

void TestMqttAuth::cleanup()
{
    QCOMPARE(unexpectedWarnings(), QStringList());
}

void TestMqttAuth::rightPasswordConnects()
{
    MqttClient client(userOptions(m_withAcl, QStringLiteral("andon"), QStringLiteral("s3cret-andon")));
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kMqttWaitMs);
    QVERIFY(client.lastError().isEmpty());
}

void TestMqttAuth::wrongPasswordIsRefusedInWords()
{
    expectWarning(QRegularExpression(QStringLiteral("refused.*not authori[sz]ed")));
    MqttClient client(userOptions(m_withAcl, QStringLiteral("andon"), QStringLiteral("wrong")));
    QVERIFY(client.start());
    QTRY_VERIFY_WITH_TIMEOUT(client.lastError().contains(QLatin1String("refused")), kMqttWaitMs);
    QVERIFY2(client.lastError().contains(QRegularExpression(QStringLiteral("not authori[sz]ed"))),
             qPrintable(client.lastError()));
    QVERIFY(client.state() != MqttClient::State::Connected);
    client.stop();
    // The refusal was warned about once even if the back-off retried meanwhile.
    QCOMPARE(unexpectedWarnings(), QStringList());
}

void TestMqttAuth::aclDeniesTopic_data()
{
    QTest::addColumn<bool>("withAcl");
    QTest::newRow("acl on: secret topic denied") << true;
    QTest::newRow("acl off: everything delivered") << false;
}

void TestMqttAuth::aclDeniesTopic()
{
    QFETCH(bool, withAcl);
    MosquittoBroker &broker = withAcl ? m_withAcl : m_withoutAcl;
    MessageSink sink; // outlives the client: its handler writes here
    MqttClient andon(userOptions(broker, QStringLiteral("andon"), QStringLiteral("s3cret-andon")));
    sink.attach(andon);
    andon.subscribe(QStringLiteral("plant/#"));
    andon.subscribe(QStringLiteral("probe/#"));
    QVERIFY(andon.start());
    QTRY_COMPARE_WITH_TIMEOUT(andon.state(), MqttClient::State::Connected, kMqttWaitMs);
    QVERIFY(waitForSubscription(andon, sink, QStringLiteral("probe/andon")));

    MqttClient edge(userOptions(broker, QStringLiteral("edge"), QStringLiteral("edge-pass")));
    QVERIFY(edge.start());
    QTRY_COMPARE_WITH_TIMEOUT(edge.state(), MqttClient::State::Connected, kMqttWaitMs);
    // The secret goes first: by the time the allowed message (same publisher, QoS 1, in
    // order) arrives, a delivered secret would be there too.
    QVERIFY(edge.publish(QStringLiteral("plant/secret/recipe"), "42", 1));
    QVERIFY(edge.publish(QStringLiteral("plant/allowed/temp"), "21.5", 1));
    QTRY_VERIFY_WITH_TIMEOUT(sink.has(QStringLiteral("plant/allowed/temp"), "21.5"), kMqttWaitMs);
    QCOMPARE(sink.has(QStringLiteral("plant/secret/recipe"), "42"), !withAcl);
}

QTEST_GUILESS_MAIN(TestMqttAuth)
#include "tst_mqtt_auth.moc"
