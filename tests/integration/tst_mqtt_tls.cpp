// MqttClient over TLS against real mosquitto brokers with certificates the test generates with
// openssl: the right CA and hostname connect; a wrong CA and a hostname mismatch fail with the
// reason in words (the mismatch connects only when insecure); mutual TLS with a client cert.
#include "connectors/mqtt/mqtt_client.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QtTest>

using andon::mqtt::MqttClient;
using andon::mqtt::MqttClientOptions;
using namespace andon::test;

class TestMqttTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void rightCaAndHostnameConnect();
    void wrongCaFailsInWords();
    void hostnameMismatchFailsUnlessInsecure();
    void mutualTlsNeedsClientCertificate();

private:
    QString pki(const QString &name) const { return m_pki.filePath(name); }
    bool openssl(const QStringList &args, QString *error)
    {
        return runTool(QStringLiteral("openssl"), args, error, m_pki.path());
    }
    bool issue(const QString &name, const QString &san, QString *error);
    bool startTlsBroker(MosquittoBroker &broker, const QString &certName, bool requireCert,
                        QString *error);
    MqttClientOptions tlsOptions(int port, const QString &ca) const;

    QTemporaryDir m_pki;
    MosquittoBroker m_good;     // server cert for 127.0.0.1 / localhost
    MosquittoBroker m_wrongHost; // server cert for another host name only
    MosquittoBroker m_mutual;   // require_certificate true
};

bool TestMqttTls::issue(const QString &name, const QString &san, QString *error)
{
    QFile ext(pki(name + QStringLiteral(".ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write(san.isEmpty() ? QByteArray("extendedKeyUsage=clientAuth\n")
                            : ("subjectAltName=" + san.toUtf8() + "\nextendedKeyUsage=serverAuth\n"));
    ext.close();
    return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                    QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + name},
                   error)
            && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
                        QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                        QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-out"), name + QStringLiteral(".crt"),
                        QStringLiteral("-extfile"), name + QStringLiteral(".ext")},
                       error);
}

bool TestMqttTls::startTlsBroker(MosquittoBroker &broker, const QString &certName,
                                 bool requireCert, QString *error)
{
    broker.setExtraConfig(QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\n"
                                         "require_certificate %4\n")
                                  .arg(pki(QStringLiteral("ca.crt")),
                                       pki(certName + QStringLiteral(".crt")),
                                       pki(certName + QStringLiteral(".key")),
                                       requireCert ? QStringLiteral("true")
                                                   : QStringLiteral("false")));
    return broker.start(error);
}

MqttClientOptions TestMqttTls::tlsOptions(int port, const QString &ca) const
{
    MqttClientOptions o = mqttOptions(port);
    o.tls.caFile = pki(ca);
    return o;
}

void TestMqttTls::initTestCase()
{
    installStrictMessageHandler();
    QVERIFY(m_pki.isValid());
    QString error;
    const auto selfSigned = [&](const QString &name, const QString &cn) {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                        name + QStringLiteral(".crt"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=") + cn},
                       &error);
    };
    QVERIFY2(selfSigned(QStringLiteral("ca"), QStringLiteral("Andon Test CA")), qPrintable(error));
    QVERIFY2(selfSigned(QStringLiteral("other-ca"), QStringLiteral("Someone Else CA")),
             qPrintable(error));
    QVERIFY2(issue(QStringLiteral("server"), QStringLiteral("IP:127.0.0.1,DNS:localhost"), &error),
             qPrintable(error));
    QVERIFY2(issue(QStringLiteral("wronghost"), QStringLiteral("DNS:broker.example.invalid"), &error),
             qPrintable(error));
    QVERIFY2(issue(QStringLiteral("client"), QString(), &error), qPrintable(error));
    makeReadableByBroker(m_pki.path());
    QVERIFY2(startTlsBroker(m_good, QStringLiteral("server"), false, &error), qPrintable(error));
    QVERIFY2(startTlsBroker(m_wrongHost, QStringLiteral("wronghost"), false, &error),
             qPrintable(error));
    QVERIFY2(startTlsBroker(m_mutual, QStringLiteral("server"), true, &error), qPrintable(error));
}

void TestMqttTls::cleanup()
{
    QCOMPARE(unexpectedWarnings(), QStringList());
}

void TestMqttTls::rightCaAndHostnameConnect()
{
    MessageSink sink; // outlives the client: its handler writes here
    MqttClient client(tlsOptions(m_good.port(), QStringLiteral("ca.crt")));
    QVERIFY(!client.isInsecure());
    sink.attach(client);
    client.subscribe(QStringLiteral("tls/#"));
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kMqttWaitMs);
    // Data really flows through the encrypted session.
    QVERIFY2(waitForSubscription(client, sink, QStringLiteral("tls/probe")),
             qPrintable(m_good.log()));
}

void TestMqttTls::wrongCaFailsInWords()
{
    MqttClient client(tlsOptions(m_good.port(), QStringLiteral("other-ca.crt")));
    QVERIFY(client.start());
    QTRY_VERIFY_WITH_TIMEOUT(client.lastError().contains(QLatin1String("TLS handshake")),
                             kMqttWaitMs);
    QVERIFY2(client.lastError().contains(QLatin1String("certificate verify failed")),
             qPrintable(client.lastError()));
    QVERIFY(client.state() != MqttClient::State::Connected);
}

void TestMqttTls::hostnameMismatchFailsUnlessInsecure()
{
    {
        MqttClient secure(tlsOptions(m_wrongHost.port(), QStringLiteral("ca.crt")));
        QVERIFY(secure.start());
        QTRY_VERIFY_WITH_TIMEOUT(secure.lastError().contains(QLatin1String("TLS handshake")),
                                 kMqttWaitMs);
        // libmosquitto checks the name itself after OpenSSL accepted the chain.
        QVERIFY2(secure.lastError().contains(QLatin1String("host name verification failed")),
                 qPrintable(secure.lastError()));
        QVERIFY(secure.state() != MqttClient::State::Connected);
    }
    MqttClientOptions o = tlsOptions(m_wrongHost.port(), QStringLiteral("ca.crt"));
    o.tls.insecure = true;
    MqttClient insecure(o);
    QVERIFY(insecure.isInsecure());
    QVERIFY(insecure.start());
    QTRY_COMPARE_WITH_TIMEOUT(insecure.state(), MqttClient::State::Connected, kMqttWaitMs);
}

void TestMqttTls::mutualTlsNeedsClientCertificate()
{
    {
        MqttClient anonymous(tlsOptions(m_mutual.port(), QStringLiteral("ca.crt")));
        QVERIFY(anonymous.start());
        // The broker ends the handshake: the reason is the broker's alert or a lost
        // connection, in words either way, and the client never gets to Connected.
        QTRY_VERIFY_WITH_TIMEOUT(!anonymous.lastError().isEmpty(), kMqttWaitMs);
        QVERIFY(anonymous.state() != MqttClient::State::Connected);
    }
    MqttClientOptions o = tlsOptions(m_mutual.port(), QStringLiteral("ca.crt"));
    o.tls.certFile = pki(QStringLiteral("client.crt"));
    o.tls.keyFile = pki(QStringLiteral("client.key"));
    MessageSink sink; // outlives the client: its handler writes here
    MqttClient client(o);
    sink.attach(client);
    client.subscribe(QStringLiteral("mtls/#"));
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, kMqttWaitMs);
    QVERIFY2(waitForSubscription(client, sink, QStringLiteral("mtls/probe")),
             qPrintable(m_mutual.log()));
}

QTEST_GUILESS_MAIN(TestMqttTls)
#include "tst_mqtt_tls.moc"
