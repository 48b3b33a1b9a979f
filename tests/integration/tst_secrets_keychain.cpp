// MQTT passwords from the OS keychain (qtkeychain, connectors/keychain.h). Registered twice
// (tests/secrets.cmake):
// - tst_secrets_keychain: no session D-Bus, so no Secret Service: a connection whose password
//   is in the keychain fails in words naming the connection and the entry, without a hang;
// - tst_secrets_keychain_session: inside `dbus-run-session` with an unlocked gnome-keyring
//   (ANDON_KEYCHAIN_SESSION=1): `andon-cli secret set` stores the password read from stdin,
//   the client reads it asynchronously and connects to a mosquitto with a password_file; a
//   missing entry fails in words.
#include "connectors/keychain.h"
#include "connectors/mqtt/connection_options.h"
#include "connectors/mqtt/mqtt_client.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/support/test_support.h"

#include <QtTest>

using namespace andon;
using andon::mqtt::MqttClient;
using namespace andon::test;

namespace {

const QString kPassword = QStringLiteral("kc-Hn52-stored-in-keychain");

bool inSession()
{
    return qEnvironmentVariableIsSet("ANDON_KEYCHAIN_SESSION");
}

MqttConnection keychainConnection(int port, const QString &entry)
{
    MqttConnection c;
    c.id = QStringLiteral("plant-broker");
    c.port = port;
    c.username = QStringLiteral("andon");
    c.passwordKeychain = entry;
    c.reconnectMinS = 1;
    c.reconnectMaxS = 2;
    return c;
}

// andon-cli with `input` on its standard input.
ToolRun runWithInput(const QStringList &args, const QByteArray &input)
{
    ToolRun run;
    QProcess p;
    p.start(toolPath(QStringLiteral("andon-cli")), args);
    if (!p.waitForStarted(kMqttWaitMs))
        return run;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kMqttWaitMs)) {
        p.kill();
        p.waitForFinished(1000);
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace

class TestSecretsKeychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void noSecretServiceFailsInWords();
    void storedWithCliThenConnects();
    void missingEntryFailsInWords();
    void secretNeverFromTheCommandLine();

private:
    QTemporaryDir m_files;
    MosquittoBroker m_broker;
};

void TestSecretsKeychain::initTestCase()
{
    installStrictMessageHandler();
    QVERIFY(m_files.isValid());
    const QString passwd = m_files.filePath(QStringLiteral("passwd"));
    QString error;
    QVERIFY2(runTool(QStringLiteral("mosquitto_passwd"),
                     { QStringLiteral("-b"), QStringLiteral("-c"), passwd, QStringLiteral("andon"), kPassword },
                     &error),
             qPrintable(error));
    makeReadableByBroker(m_files.path());
    m_broker.setAllowAnonymous(false);
    m_broker.setExtraConfig(QStringLiteral("password_file %1\n").arg(passwd));
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

void TestSecretsKeychain::cleanup()
{
    QCOMPARE(unexpectedWarnings(), QStringList());
}

void TestSecretsKeychain::noSecretServiceFailsInWords()
{
    if (inSession())
        QSKIP("a Secret Service runs in this session");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    expectWarning(QRegularExpression(QStringLiteral("connection plant-broker: password: keychain "
                                                    "entry andon-test/broker: no keychain available")));
    MqttClient client(mqtt::clientOptionsFor(keychainConnection(m_broker.port(),
                                                                QStringLiteral("andon-test/broker"))));
    QVERIFY(client.start());
    QTRY_VERIFY_WITH_TIMEOUT(!client.lastError().isEmpty(), kMqttWaitMs);
    QVERIFY2(client.lastError().startsWith(QStringLiteral("connection plant-broker: password: "
                                                          "keychain entry andon-test/broker: no "
                                                          "keychain available")),
             qPrintable(client.lastError()));
    QVERIFY(client.state() != MqttClient::State::Connected);
    client.stop(); // returns: the network thread was never stuck waiting for the keychain
    QCOMPARE(client.state(), MqttClient::State::Disconnected);
}

void TestSecretsKeychain::storedWithCliThenConnects()
{
    if (!inSession())
        QSKIP("needs a Secret Service: run as tst_secrets_keychain_session");
    const ToolRun set = runWithInput({ QStringLiteral("secret"), QStringLiteral("set"),
                                       QStringLiteral("--keychain"), QStringLiteral("andon-test/broker") },
                                     kPassword.toUtf8() + '\n');
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    QCOMPARE(set.out, QStringLiteral("stored keychain entry andon-test/broker (%1 bytes)\n")
                              .arg(kPassword.size()));
    QVERIFY(!QString(set.out + set.err).contains(kPassword));
    const ToolRun check = runWithInput({ QStringLiteral("secret"), QStringLiteral("check"),
                                         QStringLiteral("--keychain"), QStringLiteral("andon-test/broker") },
                                       QByteArray());
    QCOMPARE(check.exitCode, 0);
    QVERIFY(!QString(check.out + check.err).contains(kPassword));

    MqttClient client(mqtt::clientOptionsFor(keychainConnection(m_broker.port(),
                                                                QStringLiteral("andon-test/broker"))));
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kMqttWaitMs);
    QVERIFY(client.lastError().isEmpty());
}

void TestSecretsKeychain::missingEntryFailsInWords()
{
    if (!inSession())
        QSKIP("needs a Secret Service: run as tst_secrets_keychain_session");
    const QString expected = QStringLiteral(
            "connection plant-broker: password: keychain entry andon-test/missing not found (store "
            "it with: andon-cli secret set --keychain andon-test/missing)");
    expectWarning(QRegularExpression(QRegularExpression::escape(expected)));
    MqttClient client(mqtt::clientOptionsFor(keychainConnection(m_broker.port(),
                                                                QStringLiteral("andon-test/missing"))));
    QVERIFY(client.start());
    QTRY_VERIFY_WITH_TIMEOUT(!client.lastError().isEmpty(), kMqttWaitMs);
    QCOMPARE(client.lastError(), expected);
    QVERIFY(client.state() != MqttClient::State::Connected);
}

void TestSecretsKeychain::secretNeverFromTheCommandLine()
{
    const ToolRun run = runWithInput({ QStringLiteral("secret"), QStringLiteral("set"),
                                       QStringLiteral("--keychain"), QStringLiteral("andon-test/x"),
                                       QStringLiteral("hunter2") },
                                     QByteArray());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("secrets are read from standard input")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QStringLiteral("hunter2")));
}

QTEST_GUILESS_MAIN(TestSecretsKeychain)
#include "tst_secrets_keychain.moc"
