// Secrets, TLS defaults and cloud profiles in the configuration (issues 13 and 14): inline
// passwords load with a warning naming file:line (and never echo the password), keychain and
// environment references, plain MQTT off the machine, the security notices of the banner,
// loopback detection, and the aws-iot-core / azure-iot-hub profiles with AWS IoT Core's topic
// quotas (https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits).
#include "core/cloud_profile.h"
#include "core/config_loader.h"
#include "core/connection_security.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace andon;

namespace {

const QString kFile = QStringLiteral("plant.yaml");

// One connection under connections.mqtt (the YAML's line 5 is "    - id: c").
QByteArray withConnection(const QByteArray &body, const QByteArray &tags = QByteArray())
{
    return "andon: 1\n"
           "plant: { enterprise: acme }\n"
           "connections:\n"
           "  mqtt:\n"
           "    - id: c\n"
            + body
            + (tags.isEmpty() ? QByteArray("sites: []\n")
                              : "sites:\n"
                                "  - name: s\n"
                                "    areas:\n"
                                "      - name: a\n"
                                "        tags:\n"
                                + tags);
}

QStringList messagesOf(const ConfigResult &r)
{
    return r.formattedMessages();
}

} // namespace

class TestSecretsConfig : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void inlinePasswordIsAWarningWithoutTheValue();
    void secretReferences_data();
    void secretReferences();
    void loopback_data();
    void loopback();
    void plaintextToRemote_data();
    void plaintextToRemote();
    void securityNotices();

    void awsTopicQuotas_data();
    void awsTopicQuotas();
    void awsProfile();
    void awsProfileErrors_data();
    void awsProfileErrors();
    void azureProfile();
    void azureProfileErrors_data();
    void azureProfileErrors();
    void docExamplesLoad();

private:
    QTemporaryDir m_dir; // ca.pem, cert.pem, key.pem: contents do not matter to the loader
};

void TestSecretsConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *name : { "ca.pem", "cert.pem", "key.pem" }) {
        QFile f(m_dir.filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("test\n");
    }
}

void TestSecretsConfig::inlinePasswordIsAWarningWithoutTheValue()
{
    const QByteArray secret = "Tr0ub4dor&3-inline";
    const ConfigResult r = ConfigLoader::loadString(
            withConnection("      username: andon\n      password: \"" + secret + "\"\n"), kFile);
    QVERIFY2(r.ok(), qPrintable(messagesOf(r).join(u'\n')));
    // Column 7 is where `password` starts on line 7.
    QCOMPARE(messagesOf(r),
             QStringList { QStringLiteral(
                     "plant.yaml:7:7: warning: connections.mqtt[0].password: inline password in "
                     "the configuration: move it to password_env or the keychain "
                     "(password_keychain: SERVICE/ACCOUNT, stored with andon-cli secret set)") });
    const MqttConnection &c = r.model->mqttConnections.front();
    QCOMPARE(c.password, QString::fromUtf8(secret));
    QCOMPARE(c.passwordWhere, QStringLiteral("plant.yaml:7"));

    // A malformed inline password is an error that does not repeat it either.
    const ConfigResult bad = ConfigLoader::loadString(
            withConnection("      password: [\"" + secret + "\"]\n"), kFile);
    QVERIFY(!bad.ok());
    const QString all = messagesOf(bad).join(u'\n');
    QVERIFY2(!all.contains(QString::fromUtf8(secret)), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("expected a text, got a list")), qPrintable(all));
}

void TestSecretsConfig::secretReferences_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("messages");
    QTest::addColumn<QString>("passwordEnv");
    QTest::addColumn<QString>("passwordKeychain");
    QTest::addColumn<QString>("keyPasswordEnv");
    QTest::addColumn<QString>("keyPasswordKeychain");

    QTest::newRow("password_keychain")
            << QByteArray("      password_keychain: andon/plant-broker\n") << QStringList()
            << QString() << QStringLiteral("andon/plant-broker") << QString() << QString();
    QTest::newRow("account with a slash")
            << QByteArray("      password_keychain: andon/site/broker\n") << QStringList()
            << QString() << QStringLiteral("andon/site/broker") << QString() << QString();
    QTest::newRow("password_env")
            << QByteArray("      password_env: ANDON_MQTT_PW\n") << QStringList()
            << QStringLiteral("ANDON_MQTT_PW") << QString() << QString() << QString();
    QTest::newRow("keychain without account")
            << QByteArray("      password_keychain: andon/\n")
            << QStringList { QStringLiteral(
                       "plant.yaml:6:26: error: connections.mqtt[0].password_keychain: expected "
                       "SERVICE/ACCOUNT (a keychain entry, e.g. andon/plant-broker), got "
                       "\"andon/\"") }
            << QString() << QString() << QString() << QString();
    QTest::newRow("two sources")
            << QByteArray("      password_env: PW\n      password_keychain: andon/b\n")
            << QStringList { QStringLiteral(
                       "plant.yaml:7:7: error: connections.mqtt[0].password_keychain: give one "
                       "of password_env, password_keychain or password; 'password_env' is "
                       "already given") }
            << QString() << QString() << QString() << QString();
    QTest::newRow("key passphrase from the environment")
            << QByteArray("      tls: { ca_file: ca.pem, cert_file: cert.pem, key_file: key.pem, "
                          "key_password_env: KEY_PW }\n")
            << QStringList() << QString() << QString() << QStringLiteral("KEY_PW") << QString();
    QTest::newRow("key passphrase from the keychain")
            << QByteArray("      tls: { ca_file: ca.pem, cert_file: cert.pem, key_file: key.pem, "
                          "key_password_keychain: andon/key }\n")
            << QStringList() << QString() << QString() << QString() << QStringLiteral("andon/key");
    QTest::newRow("key passphrase without a key")
            << QByteArray("      tls: { ca_file: ca.pem, key_password_env: KEY_PW }\n")
            << QStringList { QStringLiteral(
                       "plant.yaml:6:31: error: connections.mqtt[0].tls.key_password_env: the "
                       "passphrase of tls.key_file, which is not given") }
            << QString() << QString() << QString() << QString();
}

void TestSecretsConfig::secretReferences()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, messages);
    const ConfigResult r = ConfigLoader::loadString(withConnection(body), kFile, m_dir.path());
    QCOMPARE(messagesOf(r), messages);
    if (!messages.isEmpty())
        return;
    QVERIFY(r.ok());
    const MqttConnection &c = r.model->mqttConnections.front();
    QTEST(c.passwordEnv, "passwordEnv");
    QTEST(c.passwordKeychain, "passwordKeychain");
    QTEST(c.tlsKeyPasswordEnv, "keyPasswordEnv");
    QTEST(c.tlsKeyPasswordKeychain, "keyPasswordKeychain");
    QVERIFY(c.passwordWhere.isEmpty());
}

void TestSecretsConfig::loopback_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("127.8.9.10") << QStringLiteral("127.8.9.10") << true;
    QTest::newRow("localhost") << QStringLiteral("LocalHost") << true;
    QTest::newRow("::1") << QStringLiteral("::1") << true;
    QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
    QTest::newRow("mapped") << QStringLiteral("::ffff:127.0.0.1") << true;
    QTest::newRow("10.0.0.5") << QStringLiteral("10.0.0.5") << false;
    QTest::newRow("0.0.0.0 (every interface)") << QStringLiteral("0.0.0.0") << false;
    QTest::newRow("127.0.0.256") << QStringLiteral("127.0.0.256") << false;
    QTest::newRow("127.1 (short form)") << QStringLiteral("127.1") << false;
    QTest::newRow("name") << QStringLiteral("broker.plant.local") << false;
    QTest::newRow("localhost.evil.example") << QStringLiteral("localhost.evil.example") << false;
}

void TestSecretsConfig::loopback()
{
    QFETCH(QString, host);
    QTEST(isLoopbackHost(host), "loopback");
}

void TestSecretsConfig::plaintextToRemote_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("messages");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("loopback: fine") << QByteArray("      host: 127.0.0.1\n") << QStringList() << false;
    QTest::newRow("remote: warned")
            << QByteArray("      host: 10.0.0.5\n      username: andon\n      password_env: PW\n")
            << QStringList { QStringLiteral(
                       "plant.yaml:6:13: warning: connections.mqtt[0]: plain MQTT to 10.0.0.5 "
                       "(not TLS): anyone on the network path can read and change the traffic "
                       "and the password; add tls: { ca_file: ... } or accept it with "
                       "insecure_plaintext: true") }
            << false;
    QTest::newRow("remote, accepted explicitly")
            << QByteArray("      host: 10.0.0.5\n      insecure_plaintext: true\n") << QStringList()
            << true;
    QTest::newRow("remote with TLS: fine")
            << QByteArray("      host: 10.0.0.5\n      tls: { ca_file: ca.pem }\n") << QStringList()
            << false;
    QTest::newRow("insecure_plaintext with TLS")
            << QByteArray("      tls: { ca_file: ca.pem }\n      insecure_plaintext: true\n")
            << QStringList { QStringLiteral(
                       "plant.yaml:7:7: error: connections.mqtt[0].insecure_plaintext: the "
                       "connection uses TLS (tls:), so it is not plain; remove one of them") }
            << false;
}

void TestSecretsConfig::plaintextToRemote()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, messages);
    const ConfigResult r = ConfigLoader::loadString(withConnection(body), kFile, m_dir.path());
    QCOMPARE(messagesOf(r), messages);
    if (r.ok())
        QTEST(r.model->mqttConnections.front().insecurePlaintext, "accepted");
}

void TestSecretsConfig::securityNotices()
{
    const QByteArray yaml = "andon: 1\n"
                            "plant: { enterprise: acme }\n"
                            "connections:\n"
                            "  mqtt:\n"
                            "    - { id: local, host: 127.0.0.1 }\n"
                            "    - { id: tls-ok, host: 10.0.0.9, tls: { ca_file: ca.pem } }\n"
                            "    - { id: no-name-check, host: 10.0.0.7, tls: { ca_file: ca.pem, "
                            "insecure: true } }\n"
                            "    - { id: plain, host: 10.0.0.5, insecure_plaintext: true }\n"
                            "    - { id: inline, host: 127.0.0.1, username: u, password: x }\n"
                            "sites: []\n";
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile, m_dir.path());
    QVERIFY2(r.ok(), qPrintable(messagesOf(r).join(u'\n')));
    const auto notices = andon::securityNotices(*r.model);
    QCOMPARE(notices.size(), std::size_t(3));
    QCOMPARE(notices[0].connection, QStringLiteral("no-name-check"));
    QCOMPARE(notices[0].kind, SecurityNotice::Kind::TlsHostnameUnchecked);
    QCOMPARE(notices[1].connection, QStringLiteral("plain"));
    QCOMPARE(notices[1].kind, SecurityNotice::Kind::PlainRemote);
    QCOMPARE(notices[1].detail, QStringLiteral("10.0.0.5"));
    QCOMPARE(notices[2].connection, QStringLiteral("inline"));
    QCOMPARE(notices[2].kind, SecurityNotice::Kind::InlinePassword);
    QCOMPARE(notices[2].detail, QStringLiteral("plant.yaml:9"));
}

void TestSecretsConfig::awsTopicQuotas_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("publish");
    QTest::addColumn<QString>("problem"); // "" = fine; else a word the reason contains
    const QString longTopic = QStringLiteral("a/") + QString(255, u'x'); // 257 bytes
    QTest::newRow("plain topic") << QStringLiteral("acme/line1/oee") << true << QString();
    QTest::newRow("256 bytes") << QString(256, u'x') << true << QString();
    QTest::newRow("257 bytes") << longTopic << true << QStringLiteral("257 bytes");
    // 2-byte UTF-8 characters: 129 x 'ä' = 258 bytes although only 129 characters.
    QTest::newRow("bytes, not characters") << QString(129, QChar(0xE4)) << true
                                           << QStringLiteral("258 bytes");
    QTest::newRow("7 slashes") << QStringLiteral("a/b/c/d/e/f/g/h") << true << QString();
    QTest::newRow("8 slashes") << QStringLiteral("a/b/c/d/e/f/g/h/i") << true
                               << QStringLiteral("8 forward slashes");
    QTest::newRow("filter with 8 slashes") << QStringLiteral("a/b/c/d/e/f/g/h/#") << false
                                           << QStringLiteral("8 forward slashes");
    // Basic Ingest: the 3 slashes of $aws/rules/NAME/ are not counted (3 + 7 = 10 allowed).
    QTest::newRow("basic ingest 10 slashes") << QStringLiteral("$aws/rules/kpi/a/b/c/d/e/f/g/h")
                                             << true << QString();
    QTest::newRow("own shadow") << QStringLiteral("$aws/things/press-07/shadow/update") << true
                                << QString();
    QTest::newRow("another thing's shadow")
            << QStringLiteral("$aws/things/other/shadow/update") << true
            << QStringLiteral("reserved $aws/");
    QTest::newRow("other $aws topic") << QStringLiteral("$aws/events/presence/connected/x")
                                      << true << QStringLiteral("reserved $aws/");
    QTest::newRow("listening to $aws events") << QStringLiteral("$aws/events/presence/#")
                                              << false << QString();
    QTest::newRow("$SYS") << QStringLiteral("$SYS/broker") << false
                          << QStringLiteral("reserved for the broker");
}

void TestSecretsConfig::awsTopicQuotas()
{
    QFETCH(QString, topic);
    QFETCH(bool, publish);
    QFETCH(QString, problem);
    const QString why = cloud::awsTopicProblem(topic, publish, QStringLiteral("press-07"));
    if (problem.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(problem), qPrintable(why));
}

void TestSecretsConfig::awsProfile()
{
    const ConfigResult r = ConfigLoader::loadString(
            withConnection("      profile: aws-iot-core\n"
                           "      host: abc123-ats.iot.eu-central-1.amazonaws.com\n"
                           "      thing_name: press-07\n"
                           "      tls: { ca_file: ca.pem, cert_file: cert.pem, key_file: key.pem }\n",
                           "          - { name: t, mqtt: { connection: c, topic: acme/cmd/speed } }\n"),
            kFile, m_dir.path());
    QVERIFY2(r.ok(), qPrintable(messagesOf(r).join(u'\n')));
    QVERIFY(r.messages.empty());
    const MqttConnection &c = r.model->mqttConnections.front();
    QCOMPARE(c.profile, MqttConnection::Profile::AwsIotCore);
    QCOMPARE(c.port, 8883);
    QCOMPARE(c.clientId, QStringLiteral("press-07"));
    QCOMPARE(c.thingName, QStringLiteral("press-07"));
    QCOMPARE(c.protocolVersion, 4);
    QVERIFY(c.keepAliveS >= cloud::kAwsMinKeepAliveS);
    QVERIFY(andon::securityNotices(c).empty());
}

void TestSecretsConfig::awsProfileErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("tags");
    QTest::addColumn<QString>("expected"); // a part of the one error
    const QByteArray base = "      profile: aws-iot-core\n      thing_name: press-07\n";
    const QByteArray mtls = "      tls: { ca_file: ca.pem, cert_file: cert.pem, key_file: key.pem }\n";
    QTest::newRow("no client certificate")
            << base + "      tls: { ca_file: ca.pem }\n" << QByteArray()
            << QStringLiteral("profile aws-iot-core needs cert_file and key_file");
    QTest::newRow("no tls at all") << base << QByteArray()
                                   << QStringLiteral("needs tls: with ca_file");
    QTest::newRow("no thing name")
            << QByteArray("      profile: aws-iot-core\n") + mtls << QByteArray()
            << QStringLiteral("missing required key 'thing_name'");
    QTest::newRow("qos 2") << base + mtls + "      qos: 2\n" << QByteArray()
                           << QStringLiteral("supports QoS 0 and 1 only");
    QTest::newRow("mqtt 5") << base + mtls + "      protocol: 5\n" << QByteArray()
                            << QStringLiteral("connects with MQTT 3.1.1");
    QTest::newRow("keep-alive") << base + mtls + "      keepalive_s: 5\n" << QByteArray()
                                << QStringLiteral("keep-alive of 30 to 1200 s, got 5");
    QTest::newRow("username") << base + mtls + "      username: x\n" << QByteArray()
                              << QStringLiteral("authenticates the device by its X.509");
    QTest::newRow("will on $aws")
            << base + mtls + "      will: { topic: \"$aws/things/x/shadow/update\" }\n"
            << QByteArray() << QStringLiteral("reserved $aws/");
    QTest::newRow("binding topic with 8 slashes")
            << base + mtls
            << QByteArray("          - { name: t, mqtt: { connection: c, topic: a/b/c/d/e/f/g/h/i } }\n")
            << QStringLiteral("8 forward slashes; AWS IoT Core allows at most 7");
    QTest::newRow("azure key on aws") << base + mtls + "      device_id: d\n" << QByteArray()
                                      << QStringLiteral("belongs to profile azure-iot-hub");
    QTest::newRow("unknown profile") << QByteArray("      profile: gcp-iot\n") << QByteArray()
                                     << QStringLiteral("expected aws-iot-core or azure-iot-hub");
}

void TestSecretsConfig::awsProfileErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, tags);
    QFETCH(QString, expected);
    const ConfigResult r = ConfigLoader::loadString(withConnection(body, tags), kFile, m_dir.path());
    QVERIFY(!r.ok());
    const QString all = messagesOf(r).join(u'\n');
    QVERIFY2(all.contains(expected), qPrintable(all));
}

void TestSecretsConfig::azureProfile()
{
    const ConfigResult r = ConfigLoader::loadString(
            withConnection("      profile: azure-iot-hub\n"
                           "      hub: acme-plant\n"
                           "      device_id: line1-edge\n"
                           "      device_key_env: ANDON_IOTHUB_KEY\n"
                           "      sas_ttl_s: 7200\n"
                           "      tls: { ca_file: ca.pem }\n",
                           "          - { name: t, mqtt: { connection: c, topic: "
                           "\"devices/line1-edge/messages/devicebound/#\" } }\n"),
            kFile, m_dir.path());
    QVERIFY2(r.ok(), qPrintable(messagesOf(r).join(u'\n')));
    QVERIFY(r.messages.empty());
    const MqttConnection &c = r.model->mqttConnections.front();
    QCOMPARE(c.profile, MqttConnection::Profile::AzureIotHub);
    QCOMPARE(c.host, QStringLiteral("acme-plant.azure-devices.net"));
    QCOMPARE(c.port, 8883);
    QCOMPARE(c.clientId, QStringLiteral("line1-edge"));
    // https://learn.microsoft.com/azure/iot/iot-mqtt-connect-to-iot-hub: "{iotHub-hostname}/
    // {device-id}/?api-version=2021-04-12".
    QCOMPARE(c.username,
             QStringLiteral("acme-plant.azure-devices.net/line1-edge/?api-version=2021-04-12"));
    QCOMPARE(c.azureDeviceKeyEnv, QStringLiteral("ANDON_IOTHUB_KEY"));
    QCOMPARE(c.sasTtlS, 7200);
    QCOMPARE(cloud::azureEventsTopic(c.azureDeviceId),
             QStringLiteral("devices/line1-edge/messages/events/"));
}

void TestSecretsConfig::azureProfileErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("tags");
    QTest::addColumn<QString>("expected");
    const QByteArray base = "      profile: azure-iot-hub\n      hub: acme\n      device_id: d1\n"
                            "      tls: { ca_file: ca.pem }\n";
    QTest::newRow("no way to authenticate") << base << QByteArray()
                                            << QStringLiteral("needs device_key_env or");
    QTest::newRow("two ways")
            << base + "      device_key_env: K\n      sas_token_env: T\n" << QByteArray()
            << QStringLiteral("give one way to authenticate to IoT Hub, got device_key_env, "
                              "sas_token_env");
    QTest::newRow("binding outside devicebound")
            << base + "      device_key_env: K\n"
            << QByteArray("          - { name: t, mqtt: { connection: c, topic: plant/x } }\n")
            << QStringLiteral("only its cloud-to-device messages, on one subscription: topic: "
                              "devices/d1/messages/devicebound/#");
    QTest::newRow("password") << base + "      password_env: P\n" << QByteArray()
                              << QStringLiteral("the password is a SAS token");
    QTest::newRow("no hub") << QByteArray("      profile: azure-iot-hub\n      device_id: d1\n"
                                          "      device_key_env: K\n      tls: { ca_file: ca.pem }\n")
                            << QByteArray() << QStringLiteral("missing required key 'hub'");
    QTest::newRow("sas_ttl_s without a key")
            << base + "      sas_token_env: T\n      sas_ttl_s: 600\n" << QByteArray()
            << QStringLiteral("only with device_key_env or device_key_keychain");
    QTest::newRow("will outside events")
            << base + "      device_key_env: K\n      will: { topic: plant/andon/state }\n"
            << QByteArray() << QStringLiteral("only on devices/d1/messages/events/");
    QTest::newRow("sparkplug host")
            << base + "      device_key_env: K\n      sparkplug_host_id: andon\n" << QByteArray()
            << QStringLiteral("not with profile azure-iot-hub");
    QTest::newRow("bad device id") << QByteArray("      profile: azure-iot-hub\n      hub: acme\n"
                                                 "      device_id: \"a b\"\n      device_key_env: K\n"
                                                 "      tls: { ca_file: ca.pem }\n")
                                   << QByteArray() << QStringLiteral("expected an IoT Hub device id");
}

void TestSecretsConfig::azureProfileErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, tags);
    QFETCH(QString, expected);
    const ConfigResult r = ConfigLoader::loadString(withConnection(body, tags), kFile, m_dir.path());
    QVERIFY(!r.ok());
    const QString all = messagesOf(r).join(u'\n');
    QVERIFY2(all.contains(expected), qPrintable(all));
}

// docs/integrations.md "Cloud brokers" and docs/config.md's secrets example load as written
// (the certificate files they name exist, empty, under certs/ next to the snippet).
void TestSecretsConfig::docExamplesLoad()
{
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("certs")));
    for (const char *name : { "AmazonRootCA1.pem", "berlin-andon-01.cert.pem",
                              "berlin-andon-01.private.key", "DigiCertGlobalRootG2.pem",
                              "plant-ca.pem", "andon-hmi.crt", "andon-hmi.key" }) {
        QFile f(m_dir.filePath(QStringLiteral("certs/") + QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const auto blocks = [](const QString &doc, const QString &from, const QString &to) {
        QFile f(test::sourceDir() + doc);
        if (!f.open(QIODevice::ReadOnly))
            return QStringList();
        const QString text = QString::fromUtf8(f.readAll());
        const qsizetype a = text.indexOf(from);
        const qsizetype b = to.isEmpty() ? text.size() : text.indexOf(to, a + 1);
        QStringList out;
        const QStringList parts = text.mid(a, b - a).split(QStringLiteral("```"));
        for (qsizetype i = 1; i < parts.size(); i += 2) // inside the fences
            if (parts[i].contains(QStringLiteral("connections:")))
                out << parts[i];
        return out;
    };
    const QStringList examples =
            blocks(QStringLiteral("/docs/integrations.md"), QStringLiteral("## Cloud brokers"),
                   QStringLiteral("\n## "))
            + blocks(QStringLiteral("/docs/config.md"), QStringLiteral("At most one of `password_env`"),
                     QStringLiteral("Cloud profile keys"));
    QCOMPARE(examples.size(), 3);
    for (const QString &example : examples) {
        const QByteArray yaml = "andon: 1\nplant: { enterprise: t }" + example.toUtf8() + "sites: []\n";
        const ConfigResult r = ConfigLoader::loadString(yaml, kFile, m_dir.path());
        QVERIFY2(r.ok() && r.messages.empty(), qPrintable(example + messagesOf(r).join(u'\n')));
    }
}

QTEST_GUILESS_MAIN(TestSecretsConfig)
#include "tst_secrets_config.moc"
