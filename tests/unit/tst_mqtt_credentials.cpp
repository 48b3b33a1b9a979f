// Secrets resolved at connect time (connectors/mqtt/connection_options.h) and Azure IoT Hub
// SAS tokens (connectors/mqtt/azure_sas.h). The expected tokens were computed independently by
// tests/reference/azure_sas.py from Microsoft's "Control access to IoT Hub with shared access
// signatures" (https://learn.microsoft.com/azure/iot-hub/authenticate-authorize-sas):
//   KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=   (bytes 0..31, base64)
//   azure_sas.py andon-test.azure-devices.net press-07 $KEY 1900000000
//   azure_sas.py 127.0.0.1 line1-edge $KEY 1900000000
#include "connectors/mqtt/azure_sas.h"
#include "connectors/mqtt/connection_options.h"
#include "core/clock.h"
#include "tests/support/test_support.h"

#include <QtTest>

using namespace andon;
using andon::mqtt::MqttCredentials;

namespace {

const QByteArray kKeyBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

// Polls a credentials provider until it is no longer Pending (keychain reads run on this
// thread's event loop), bounded.
MqttCredentials settle(const std::function<MqttCredentials()> &provider)
{
    MqttCredentials c = provider();
    for (int i = 0; i < 400 && c.status == MqttCredentials::Status::Pending; ++i) {
        QTest::qWait(50);
        c = provider();
    }
    return c;
}

MqttConnection azureConnection()
{
    MqttConnection c;
    c.id = QStringLiteral("hub");
    c.profile = MqttConnection::Profile::AzureIotHub;
    c.host = QStringLiteral("127.0.0.1");
    c.azureDeviceId = QStringLiteral("line1-edge");
    c.username = QStringLiteral("127.0.0.1/line1-edge/?api-version=2021-04-12");
    c.azureDeviceKeyEnv = QStringLiteral("ANDON_TEST_DEVICE_KEY");
    c.sasTtlS = 3600;
    return c;
}

} // namespace

class TestMqttCredentials : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void sasTokenMatchesReference_data();
    void sasTokenMatchesReference();
    void deviceKeyAndExpiryParsing();
    void noSecretsNoProvider();
    void passwordFromEnvironment();
    void unsetEnvironmentVariableInWords();
    void inlinePassword();
    void azureTokenAndRenewalTime();
    void azureTokenRenewedWithTheClock();
    void expiredSasTokenRefusedBeforeConnecting();
    void keyPassphrase();
};

void TestMqttCredentials::sasTokenMatchesReference_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("expected");
    QTest::newRow("hub host")
            << QStringLiteral("andon-test.azure-devices.net") << QStringLiteral("press-07")
            << QStringLiteral("SharedAccessSignature sr=andon-test.azure-devices.net%2Fdevices%2F"
                              "press-07&sig=Tg8NQlq8jdMee1kdVdPKfjlodlG5zGOgwYsMdSy%2Fyu0%3D"
                              "&se=1900000000");
    QTest::newRow("loopback test broker")
            << QStringLiteral("127.0.0.1") << QStringLiteral("line1-edge")
            << QStringLiteral("SharedAccessSignature sr=127.0.0.1%2Fdevices%2Fline1-edge&sig="
                              "KSLGYZOjpliEs4J3HLB8v%2BCgVqDt0LA9CXmj2QF73tg%3D&se=1900000000");
}

void TestMqttCredentials::sasTokenMatchesReference()
{
    QFETCH(QString, host);
    QFETCH(QString, device);
    const auto key = mqtt::azure::decodeDeviceKey(kKeyBase64);
    QVERIFY(key);
    QCOMPARE(key->size(), 32);
    QTEST(mqtt::azure::sasToken(host, device, *key, 1900000000), "expected");
}

void TestMqttCredentials::deviceKeyAndExpiryParsing()
{
    QVERIFY(!mqtt::azure::decodeDeviceKey("not base64!"));
    QVERIFY(!mqtt::azure::decodeDeviceKey(""));
    QCOMPARE(mqtt::azure::sasTokenExpiry(QStringLiteral("SharedAccessSignature sr=a&sig=b&se=42")),
             std::optional<qint64>(42));
    QCOMPARE(mqtt::azure::sasTokenExpiry(QStringLiteral("sr=a&sig=b&se=42")), std::nullopt);
    QCOMPARE(mqtt::azure::sasTokenExpiry(QStringLiteral("SharedAccessSignature sr=a&sig=b")),
             std::nullopt);
}

void TestMqttCredentials::noSecretsNoProvider()
{
    MqttConnection c;
    c.id = QStringLiteral("plain");
    c.username = QStringLiteral("u");
    const mqtt::MqttClientOptions o = mqtt::clientOptionsFor(c);
    QVERIFY(!o.credentials);
    QCOMPARE(o.username, QStringLiteral("u"));
}

void TestMqttCredentials::passwordFromEnvironment()
{
    qputenv("ANDON_TEST_PW", "from-env");
    MqttConnection c;
    c.id = QStringLiteral("b");
    c.username = QStringLiteral("andon");
    c.passwordEnv = QStringLiteral("ANDON_TEST_PW");
    const MqttCredentials cr = settle(mqtt::clientOptionsFor(c).credentials);
    QCOMPARE(cr.status, MqttCredentials::Status::Ready);
    QCOMPARE(cr.username, QStringLiteral("andon"));
    QCOMPARE(cr.password, QByteArray("from-env"));
    QCOMPARE(cr.renewAtMs, 0);
}

void TestMqttCredentials::unsetEnvironmentVariableInWords()
{
    qunsetenv("ANDON_TEST_UNSET");
    MqttConnection c;
    c.id = QStringLiteral("plant-broker");
    c.username = QStringLiteral("andon");
    c.passwordEnv = QStringLiteral("ANDON_TEST_UNSET");
    const MqttCredentials cr = settle(mqtt::clientOptionsFor(c).credentials);
    QCOMPARE(cr.status, MqttCredentials::Status::Failed);
    QCOMPARE(cr.error, QStringLiteral("connection plant-broker: the password is read from the "
                                      "environment variable ANDON_TEST_UNSET, which is not set"));
}

void TestMqttCredentials::inlinePassword()
{
    MqttConnection c;
    c.id = QStringLiteral("b");
    c.username = QStringLiteral("andon");
    c.password = QStringLiteral("inline-pw");
    const MqttCredentials cr = settle(mqtt::clientOptionsFor(c).credentials);
    QCOMPARE(cr.status, MqttCredentials::Status::Ready);
    QCOMPARE(cr.password, QByteArray("inline-pw"));
}

void TestMqttCredentials::azureTokenAndRenewalTime()
{
    qputenv("ANDON_TEST_DEVICE_KEY", kKeyBase64);
    // Clock at 1900000000 - 3600 s: the token expires at 1900000000, the reference's expiry.
    ManualClock clock((1900000000LL - 3600) * 1000);
    const auto provider = mqtt::clientOptionsFor(azureConnection(), &clock).credentials;
    const MqttCredentials cr = settle(provider);
    QCOMPARE(cr.status, MqttCredentials::Status::Ready);
    QCOMPARE(cr.username, QStringLiteral("127.0.0.1/line1-edge/?api-version=2021-04-12"));
    QCOMPARE(QString::fromUtf8(cr.password),
             QStringLiteral("SharedAccessSignature sr=127.0.0.1%2Fdevices%2Fline1-edge&sig="
                            "KSLGYZOjpliEs4J3HLB8v%2BCgVqDt0LA9CXmj2QF73tg%3D&se=1900000000"));
    // Renewed at 80 % of the 3600 s lifetime: 2880 s after the token was made.
    QCOMPARE(cr.renewAtMs, (1900000000LL - 3600 + 2880) * 1000);
}

void TestMqttCredentials::azureTokenRenewedWithTheClock()
{
    qputenv("ANDON_TEST_DEVICE_KEY", kKeyBase64);
    ManualClock clock(1'800'000'000'000LL);
    const auto provider = mqtt::clientOptionsFor(azureConnection(), &clock).credentials;
    const MqttCredentials first = settle(provider);
    clock.advance(2'900'000); // past the renewal point
    const MqttCredentials second = settle(provider);
    QVERIFY(first.password != second.password);
    QCOMPARE(mqtt::azure::sasTokenExpiry(QString::fromUtf8(second.password)),
             std::optional<qint64>(1'800'000'000LL + 2900 + 3600));
    QVERIFY(second.renewAtMs > first.renewAtMs);
}

void TestMqttCredentials::expiredSasTokenRefusedBeforeConnecting()
{
    // A ready-made token that expired at 2030-03-17T17:46:40Z (1900000000 s).
    qputenv("ANDON_TEST_SAS", "SharedAccessSignature sr=127.0.0.1%2Fdevices%2Fline1-edge&sig=x"
                              "&se=1900000000");
    MqttConnection c = azureConnection();
    c.azureDeviceKeyEnv.clear();
    c.azureSasTokenEnv = QStringLiteral("ANDON_TEST_SAS");
    ManualClock clock(1'900'000'001'000LL);
    const MqttCredentials cr = settle(mqtt::clientOptionsFor(c, &clock).credentials);
    QCOMPARE(cr.status, MqttCredentials::Status::Failed);
    QVERIFY2(cr.error.startsWith(QStringLiteral("connection hub: SAS token expired at "
                                                "2030-03-17T17:46:40Z")),
             qPrintable(cr.error));
    // Still valid one second earlier: used as it is, not renewable.
    clock.set(1'899'999'999'000LL);
    const MqttCredentials ok = settle(mqtt::clientOptionsFor(c, &clock).credentials);
    QCOMPARE(ok.status, MqttCredentials::Status::Ready);
    QCOMPARE(ok.renewAtMs, 0);
}

void TestMqttCredentials::keyPassphrase()
{
    qputenv("ANDON_TEST_KEY_PW", "key-pass");
    MqttConnection c;
    c.id = QStringLiteral("b");
    c.tlsKeyPasswordEnv = QStringLiteral("ANDON_TEST_KEY_PW");
    const MqttCredentials cr = settle(mqtt::clientOptionsFor(c).credentials);
    QCOMPARE(cr.status, MqttCredentials::Status::Ready);
    QCOMPARE(cr.keyPassword, QByteArray("key-pass"));
    QVERIFY(cr.password.isEmpty());
}

QTEST_GUILESS_MAIN(TestMqttCredentials)
#include "tst_mqtt_credentials.moc"
