// Secrets and cloud profiles against real mosquitto brokers on loopback (issues 13 and 14):
// - a password (environment) and a TLS key passphrase (environment) reach a broker with a
//   password_file and mutual TLS, and neither secret appears in any Qt log message (every
//   andon.* category at debug), the connection status, the event journal or andon-cli's
//   output; a wrong passphrase and an inline password fail or warn in words, without them;
// - AWS IoT Core-like: require_certificate + use_identity_as_username, the thing's certificate
//   connects, one from another CA fails in words;
// - Azure IoT Hub-like: a password_file whose password is the SAS token computed by
//   tests/reference/azure_sas.py; Andon's token connects, a wrong device key is refused by the
//   broker, an expired ready-made token is refused by Andon before connecting, and with an
//   injected clock the client renews its token (reconnects with a new one) at 80 % of the TTL.
#include "connectors/mqtt/connection_options.h"
#include "connectors/mqtt/mqtt_client.h"
#include "core/clock.h"
#include "core/config_loader.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/integration/test_pki.h"
#include "tests/support/test_support.h"

#include <QLoggingCategory>
#include <QtTest>

#include <csignal>
#include <mutex>

using namespace andon;
using andon::mqtt::MqttClient;
using namespace andon::test;

namespace {

// Secrets used below; each must never show up anywhere but on the wire.
const QString kPassword = QStringLiteral("pw-Zq81-never-logged");
const QString kKeyPassphrase = QStringLiteral("kp-Xr44-never-logged");
const QString kInlinePassword = QStringLiteral("inline-Vb27-never-logged");
const QByteArray kDeviceKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // bytes 0..31
const QByteArray kWrongDeviceKey = "ISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISE="; // 32 x '!'
const QString kAzureDevice = QStringLiteral("line1-edge");
const QString kAzureUser = QStringLiteral("127.0.0.1/line1-edge/?api-version=2021-04-12");
constexpr qint64 kExpiry = 1900000000; // 2030-03-17T17:46:40Z

// Every message of every category, for the leak check; chains to the strict handler.
std::mutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;
void capture(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    {
        std::lock_guard lock(g_logMutex);
        g_log << QStringLiteral("%1: %2").arg(QLatin1String(context.category ? context.category : ""), text);
    }
    if (g_previous)
        g_previous(type, context, text);
}

QStringList capturedLog()
{
    std::lock_guard lock(g_logMutex);
    return g_log;
}

// The independent SAS token (tests/reference/azure_sas.py) for the loopback broker.
QString referenceToken(const QByteArray &key, qint64 expiry)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            { sourceDir() + QStringLiteral("/tests/reference/azure_sas.py"), QStringLiteral("127.0.0.1"),
              kAzureDevice, QString::fromLatin1(key), QString::number(expiry) });
    if (!p.waitForFinished(kMqttWaitMs) || p.exitCode() != 0)
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

std::shared_ptr<const PlantModel> loadModel(const QString &file, QStringList *messages = nullptr)
{
    const ConfigResult r = ConfigLoader::loadFile(file);
    if (messages)
        *messages = r.formattedMessages();
    return r.model;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestSecretsMqtt : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void secretsNeverInLogsStatusJournalOrCli();
    void wrongKeyPassphraseInWords();
    void awsLikeBrokerThingCertificate();
    void awsLikeBrokerRejectsForeignCertificate();
    void azureLikeBrokerSasToken();
    void azureWrongDeviceKeyRefusedByBroker();
    void azureExpiredTokenRefusedBeforeConnecting();
    void azureTokenRenewedBeforeItLapses();

private:
    QString secureConfig(const QString &passwordLines, const QString &name);
    QString azureConfig(const QString &authLine);
    bool setAzurePassword(const QString &token, QString *error);

    TestPki m_pki;
    QTemporaryDir m_work;
    MosquittoBroker m_secure; // mutual TLS + password_file
    MosquittoBroker m_aws;    // mutual TLS, certificate CN as the user name
    MosquittoBroker m_azure;  // TLS + password_file with SAS tokens
};

void TestSecretsMqtt::initTestCase()
{
    installStrictMessageHandler();
    g_previous = qInstallMessageHandler(capture);
    // Everything Andon logs, at every level, goes through the leak check.
    QLoggingCategory::setFilterRules(QStringLiteral("andon.*.debug=true"));
    QVERIFY(m_pki.isValid() && m_work.isValid());
    QString error;
    QVERIFY2(m_pki.makeCa(QStringLiteral("ca"), QStringLiteral("Andon Test CA"), &error), qPrintable(error));
    QVERIFY2(m_pki.makeCa(QStringLiteral("other-ca"), QStringLiteral("Someone Else CA"), &error),
             qPrintable(error));
    QVERIFY2(m_pki.issue(QStringLiteral("server"), QStringLiteral("ca"), QStringLiteral("server"),
                         QStringLiteral("IP:127.0.0.1,DNS:localhost"), QString(), &error),
             qPrintable(error));
    QVERIFY2(m_pki.issue(QStringLiteral("edge"), QStringLiteral("ca"), QStringLiteral("andon-edge"),
                         QString(), kKeyPassphrase, &error),
             qPrintable(error));
    QVERIFY2(m_pki.issue(QStringLiteral("press-07"), QStringLiteral("ca"), QStringLiteral("press-07"),
                         QString(), QString(), &error),
             qPrintable(error));
    QVERIFY2(m_pki.issue(QStringLiteral("rogue"), QStringLiteral("other-ca"), QStringLiteral("press-07"),
                         QString(), QString(), &error),
             qPrintable(error));
    const QString passwd = m_pki.path(QStringLiteral("passwd"));
    QVERIFY2(runTool(QStringLiteral("mosquitto_passwd"),
                     { QStringLiteral("-b"), QStringLiteral("-c"), passwd, QStringLiteral("andon"), kPassword },
                     &error),
             qPrintable(error));
    const QString token = referenceToken(kDeviceKey, kExpiry);
    QVERIFY2(token.startsWith(QLatin1String("SharedAccessSignature ")), qPrintable(token));
    QVERIFY2(setAzurePassword(token, &error), qPrintable(error));
    m_pki.makeReadable();

    m_secure.setAllowAnonymous(false);
    m_secure.setExtraConfig(tlsListener(m_pki, QStringLiteral("ca"), QStringLiteral("server"), true)
                            + QStringLiteral("password_file %1\n").arg(passwd));
    QVERIFY2(m_secure.start(&error), qPrintable(error));
    // AWS IoT Core identifies the thing by its certificate; mosquitto's closest equivalent.
    m_aws.setAllowAnonymous(false);
    m_aws.setExtraConfig(tlsListener(m_pki, QStringLiteral("ca"), QStringLiteral("server"), true)
                         + QStringLiteral("use_identity_as_username true\n"));
    QVERIFY2(m_aws.start(&error), qPrintable(error));
    m_azure.setAllowAnonymous(false);
    m_azure.setExtraConfig(tlsListener(m_pki, QStringLiteral("ca"), QStringLiteral("server"), false)
                           + QStringLiteral("password_file %1\n")
                                     .arg(m_pki.path(QStringLiteral("azure-passwd"))));
    QVERIFY2(m_azure.start(&error), qPrintable(error));
}

void TestSecretsMqtt::cleanup()
{
    QCOMPARE(unexpectedWarnings(), QStringList());
}

bool TestSecretsMqtt::setAzurePassword(const QString &token, QString *error)
{
    const QString file = m_pki.path(QStringLiteral("azure-passwd"));
    QFile::remove(file);
    if (!runTool(QStringLiteral("mosquitto_passwd"),
                 { QStringLiteral("-b"), QStringLiteral("-c"), file, kAzureUser, token }, error))
        return false;
    m_pki.makeReadable();
    return true;
}

// A plant with one tag on a TLS connection to the secure broker.
QString TestSecretsMqtt::secureConfig(const QString &passwordLines, const QString &name)
{
    const QString yaml = QStringLiteral(
            "andon: 1\n"
            "plant: { enterprise: acme }\n"
            "connections:\n"
            "  mqtt:\n"
            "    - id: plant-broker\n"
            "      host: 127.0.0.1\n"
            "      port: %1\n"
            "      username: andon\n"
            "%2"
            "      reconnect_min_s: 1\n"
            "      reconnect_max_s: 2\n"
            "      tls:\n"
            "        ca_file: %3\n"
            "        cert_file: %4\n"
            "        key_file: %5\n"
            "        key_password_env: ANDON_TEST_KEY_PW\n"
            "sites:\n"
            "  - name: s\n"
            "    areas:\n"
            "      - name: a\n"
            "        tags:\n"
            "          - { name: t, mqtt: { connection: plant-broker, topic: plant/t, format: number } }\n")
            .arg(m_secure.port())
            .arg(passwordLines, m_pki.path(QStringLiteral("ca.crt")), m_pki.path(QStringLiteral("edge.crt")),
                 m_pki.path(QStringLiteral("edge.key")));
    const QString path = m_work.filePath(name);
    writeFile(path, yaml.toUtf8());
    return path;
}

void TestSecretsMqtt::secretsNeverInLogsStatusJournalOrCli()
{
    qputenv("ANDON_TEST_PW", kPassword.toUtf8());
    qputenv("ANDON_TEST_KEY_PW", kKeyPassphrase.toUtf8());
    const QString good = secureConfig(QStringLiteral("      password_env: ANDON_TEST_PW\n"),
                                      QStringLiteral("good.yaml"));
    const auto model = loadModel(good);
    QVERIFY(model);
    QStringList outputs; // everything a user or an export could see
    {
        Engine engine(model);
        QString error;
        QVERIFY2(engine.openHistorian(m_work.filePath(QStringLiteral("good.sqlite")), &error), qPrintable(error));
        engine.startSources();
        QTRY_VERIFY_WITH_TIMEOUT(engine.connectionStatus().front().healthy, kMqttWaitMs);
        // Data flows: the password and the passphrase really were used.
        MqttClient peer(mqtt::clientOptionsFor(model->mqttConnections.front()));
        QVERIFY(peer.start());
        QTRY_COMPARE_WITH_TIMEOUT(peer.state(), MqttClient::State::Connected, kMqttWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT((peer.publish(QStringLiteral("plant/t"), "42", 1),
                                  engine.samplesIngested() > 0),
                                 kMqttWaitMs);
        peer.stop();
        for (const ConnectionStatus &s : engine.connectionStatus())
            outputs << s.id << s.endpoint << s.state << s.lastError;
        engine.stop();
        for (const storage::Event &e : engine.historian()->events({}))
            outputs << e.source << e.message << e.oldValue << e.newValue << e.details;
    }
    // A wrong inline password: refused by the broker, in words, without the password.
    const QString inlineFile = secureConfig(QStringLiteral("      password: \"%1\"\n").arg(kInlinePassword),
                                            QStringLiteral("inline.yaml"));
    QStringList messages;
    const auto inlineModel = loadModel(inlineFile, &messages);
    QVERIFY2(inlineModel, qPrintable(messages.join(u'\n')));
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.front().contains(QStringLiteral("inline.yaml:9:7: warning: ")), qPrintable(messages.front()));
    outputs << messages;
    {
        expectWarning(QRegularExpression(QStringLiteral("refused.*not authori[sz]ed")));
        MqttClient client(mqtt::clientOptionsFor(inlineModel->mqttConnections.front()));
        QVERIFY(client.start());
        QTRY_VERIFY_WITH_TIMEOUT(client.lastError().contains(QLatin1String("not authori")), kMqttWaitMs);
        outputs << client.lastError();
    }
    // andon-cli on both files: the check (with its warning) and the tag list.
    for (const QString &file : { good, inlineFile }) {
        for (const QStringList &args : { QStringList { QStringLiteral("check-config"), file },
                                         QStringList { QStringLiteral("tags"), QStringLiteral("--config"), file } }) {
            const ToolRun run = runTool(QStringLiteral("andon-cli"), args);
            QCOMPARE(run.exitCode, 0);
            outputs << run.out << run.err;
        }
    }
    QVERIFY(outputs.join(u'\n').contains(QStringLiteral("inline password in the configuration")));
    outputs << capturedLog();
    QVERIFY2(capturedLog().join(u'\n').contains(QStringLiteral("andon.mqtt")), "nothing was logged");
    const QString all = outputs.join(u'\n');
    for (const QString &secret : { kPassword, kKeyPassphrase, kInlinePassword })
        QVERIFY2(!all.contains(secret), qPrintable(QStringLiteral("a secret leaked into: ") + all));
}

void TestSecretsMqtt::wrongKeyPassphraseInWords()
{
    qputenv("ANDON_TEST_PW", kPassword.toUtf8());
    qputenv("ANDON_TEST_KEY_PW", "not-the-passphrase");
    const auto model = loadModel(secureConfig(QStringLiteral("      password_env: ANDON_TEST_PW\n"),
                                              QStringLiteral("wrongkey.yaml")));
    QVERIFY(model);
    MqttClient client(mqtt::clientOptionsFor(model->mqttConnections.front()));
    QVERIFY(client.start());
    QTRY_VERIFY_WITH_TIMEOUT(!client.lastError().isEmpty(), kMqttWaitMs);
    QVERIFY2(client.lastError().contains(QLatin1String("cannot use the TLS client key")),
             qPrintable(client.lastError()));
    QVERIFY(client.state() != MqttClient::State::Connected);
    QVERIFY(!client.lastError().contains(QLatin1String("not-the-passphrase")));
}

void TestSecretsMqtt::awsLikeBrokerThingCertificate()
{
    const QString yaml = QStringLiteral(
            "andon: 1\n"
            "plant: { enterprise: acme }\n"
            "connections:\n"
            "  mqtt:\n"
            "    - id: aws\n"
            "      profile: aws-iot-core\n"
            "      host: 127.0.0.1\n"
            "      port: %1\n"
            "      thing_name: press-07\n"
            "      tls: { ca_file: %2, cert_file: %3, key_file: %4 }\n"
            "sites: []\n")
            .arg(m_aws.port())
            .arg(m_pki.path(QStringLiteral("ca.crt")), m_pki.path(QStringLiteral("press-07.crt")),
                 m_pki.path(QStringLiteral("press-07.key")));
    const ConfigResult r = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("aws.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    mqtt::MqttClientOptions o = mqtt::clientOptionsFor(r.model->mqttConnections.front());
    QCOMPARE(o.clientId, QStringLiteral("press-07"));
    o.reconnectMaxS = 2;
    MessageSink sink;
    MqttClient client(o);
    sink.attach(client);
    client.subscribe(QStringLiteral("acme/#"));
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kMqttWaitMs);
    QVERIFY2(waitForSubscription(client, sink, QStringLiteral("acme/probe")), qPrintable(m_aws.log()));
}

void TestSecretsMqtt::awsLikeBrokerRejectsForeignCertificate()
{
    mqtt::MqttClientOptions o = mqttOptions(m_aws.port());
    o.clientId = QStringLiteral("press-07");
    o.tls.caFile = m_pki.path(QStringLiteral("ca.crt"));
    o.tls.certFile = m_pki.path(QStringLiteral("rogue.crt")); // same CN, another CA
    o.tls.keyFile = m_pki.path(QStringLiteral("rogue.key"));
    MqttClient client(o);
    QVERIFY(client.start());
    QTRY_VERIFY_WITH_TIMEOUT(!client.lastError().isEmpty(), kMqttWaitMs);
    QVERIFY2(client.lastError().contains(QLatin1String("the broker rejected the client certificate")),
             qPrintable(client.lastError()));
    QVERIFY(client.state() != MqttClient::State::Connected);
}

QString TestSecretsMqtt::azureConfig(const QString &authLine)
{
    return QStringLiteral("andon: 1\n"
                          "plant: { enterprise: acme }\n"
                          "connections:\n"
                          "  mqtt:\n"
                          "    - id: hub\n"
                          "      profile: azure-iot-hub\n"
                          "      host: 127.0.0.1\n"
                          "      port: %1\n"
                          "      device_id: line1-edge\n"
                          "%2"
                          "      reconnect_max_s: 2\n"
                          "      tls: { ca_file: %3 }\n"
                          "sites: []\n")
            .arg(m_azure.port())
            .arg(authLine, m_pki.path(QStringLiteral("ca.crt")));
}

void TestSecretsMqtt::azureLikeBrokerSasToken()
{
    qputenv("ANDON_TEST_DEVICE_KEY", kDeviceKey);
    const ConfigResult r = ConfigLoader::loadString(
            azureConfig(QStringLiteral("      device_key_env: ANDON_TEST_DEVICE_KEY\n")).toUtf8(),
            QStringLiteral("azure.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    QCOMPARE(r.model->mqttConnections.front().username, kAzureUser);
    // The token Andon makes now expires at kExpiry: the one in the broker's password file.
    ManualClock clock((kExpiry - 3600) * 1000);
    MqttClient client(mqtt::clientOptionsFor(r.model->mqttConnections.front(), &clock));
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kMqttWaitMs);
}

void TestSecretsMqtt::azureWrongDeviceKeyRefusedByBroker()
{
    qputenv("ANDON_TEST_DEVICE_KEY", kWrongDeviceKey);
    const ConfigResult r = ConfigLoader::loadString(
            azureConfig(QStringLiteral("      device_key_env: ANDON_TEST_DEVICE_KEY\n")).toUtf8(),
            QStringLiteral("azure.yaml"));
    QVERIFY(r.ok());
    ManualClock clock((kExpiry - 3600) * 1000);
    expectWarning(QRegularExpression(QStringLiteral("refused.*not authori[sz]ed")));
    MqttClient client(mqtt::clientOptionsFor(r.model->mqttConnections.front(), &clock));
    QVERIFY(client.start());
    QTRY_VERIFY_WITH_TIMEOUT(client.lastError().contains(QLatin1String("refused")), kMqttWaitMs);
    QVERIFY2(client.lastError().contains(QRegularExpression(QStringLiteral("not authori[sz]ed"))),
             qPrintable(client.lastError()));
    QVERIFY(client.state() != MqttClient::State::Connected);
}

void TestSecretsMqtt::azureExpiredTokenRefusedBeforeConnecting()
{
    // The reference token for kExpiry, given ready-made, one second after it expired.
    qputenv("ANDON_TEST_SAS", referenceToken(kDeviceKey, kExpiry).toUtf8());
    const ConfigResult r = ConfigLoader::loadString(
            azureConfig(QStringLiteral("      sas_token_env: ANDON_TEST_SAS\n")).toUtf8(),
            QStringLiteral("azure.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    ManualClock clock((kExpiry + 1) * 1000);
    expectWarning(QRegularExpression(QStringLiteral("SAS token expired at 2030-03-17T17:46:40Z")));
    MqttClient client(mqtt::clientOptionsFor(r.model->mqttConnections.front(), &clock));
    QVERIFY(client.start());
    QTRY_VERIFY_WITH_TIMEOUT(!client.lastError().isEmpty(), kMqttWaitMs);
    QCOMPARE(client.lastError(),
             QStringLiteral("connection hub: SAS token expired at 2030-03-17T17:46:40Z; make a new "
                            "one, or give device_key_env so Andon makes and renews them"));
    QVERIFY(client.state() != MqttClient::State::Connected);
}

void TestSecretsMqtt::azureTokenRenewedBeforeItLapses()
{
    qputenv("ANDON_TEST_DEVICE_KEY", kDeviceKey);
    QString error;
    QVERIFY2(setAzurePassword(referenceToken(kDeviceKey, kExpiry), &error), qPrintable(error));
    QVERIFY(::kill(static_cast<pid_t>(m_azure.processId()), SIGHUP) == 0);
    const ConfigResult r = ConfigLoader::loadString(
            azureConfig(QStringLiteral("      device_key_env: ANDON_TEST_DEVICE_KEY\n")).toUtf8(),
            QStringLiteral("azure.yaml"));
    QVERIFY(r.ok());
    ManualClock clock((kExpiry - 3600) * 1000);
    mqtt::MqttClientOptions o = mqtt::clientOptionsFor(r.model->mqttConnections.front(), &clock);
    // Record every token the client asks for (the provider runs on the network thread).
    auto tokens = std::make_shared<std::pair<std::mutex, QStringList>>();
    const auto provider = o.credentials;
    o.credentials = [provider, tokens] {
        mqtt::MqttCredentials c = provider();
        if (c.status == mqtt::MqttCredentials::Status::Ready) {
            std::lock_guard lock(tokens->first);
            if (tokens->second.isEmpty() || tokens->second.back() != QString::fromUtf8(c.password))
                tokens->second << QString::fromUtf8(c.password);
        }
        return c;
    };
    const auto tokenCount = [tokens] {
        std::lock_guard lock(tokens->first);
        return tokens->second.size();
    };
    MqttClient client(o);
    QSignalSpy states(&client, &MqttClient::stateChanged);
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kMqttWaitMs);
    QCOMPARE(tokenCount(), 1);

    // The clock passes 80 % of the 3600 s lifetime: 2900 s later the client renews on its
    // own, i.e. disconnects and connects again with a token expiring at kExpiry + 2900. The
    // broker's password file still holds the first token, so that attempt is refused: proof
    // that the new token (and not the old one) was sent. (mosquitto kicks clients whose
    // password became invalid on SIGHUP, so the file is changed only afterwards.)
    states.clear();
    expectWarning(QRegularExpression(QStringLiteral("refused.*not authori[sz]ed")));
    clock.advance(2900 * 1000);
    QTRY_VERIFY_WITH_TIMEOUT(tokenCount() >= 2 && client.lastError().contains(QLatin1String("refused")),
                             kMqttWaitMs);
    // The state changes arrive queued from the network thread: wait for the renewal one
    // rather than reading the spy once (the refusal above can be seen before it is delivered).
    const auto renewed = [&states] {
        for (const QList<QVariant> &s : std::as_const(states))
            if (s.at(1).toString().contains(QLatin1String("renewing the credentials")))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(renewed(), kMqttWaitMs);
    // IoT Hub accepts any valid token; the test broker now learns the new one, and the
    // client's next attempt (back-off <= 2 s) comes back with it.
    const QString next = referenceToken(kDeviceKey, kExpiry + 2900);
    QVERIFY2(setAzurePassword(next, &error), qPrintable(error));
    QVERIFY(::kill(static_cast<pid_t>(m_azure.processId()), SIGHUP) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kMqttWaitMs);
    std::lock_guard lock(tokens->first);
    QCOMPARE(tokens->second.size(), 2);
    QVERIFY(tokens->second[0] != tokens->second[1]);
    QCOMPARE(tokens->second[1], next); // exactly the reference token for the new expiry
}

QTEST_GUILESS_MAIN(TestSecretsMqtt)
#include "tst_secrets_mqtt.moc"
