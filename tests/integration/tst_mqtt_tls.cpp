// MqttClient over TLS against real mosquitto brokers with certificates the test generates with
// openssl: the right CA and hostname connect; a wrong CA and a hostname mismatch fail with the
// reason in words (the mismatch connects only when insecure); mutual TLS with a client cert.
#include "connectors/mqtt/mqtt_client.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/integration/test_pki.h"
#include "tests/support/test_support.h"

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
    QString pki(const QString &name) const { return m_pki.path(name); }
    bool startTlsBroker(MosquittoBroker &broker, const QString &certName, bool requireCert,
                        QString *error);
    MqttClientOptions tlsOptions(int port, const QString &ca) const;

    TestPki m_pki;              // ca, other-ca, server, wronghost, client (tests/integration/test_pki.h)
    MosquittoBroker m_good;     // server cert for 127.0.0.1 / localhost
    MosquittoBroker m_wrongHost; // server cert for another host name only
    MosquittoBroker m_mutual;   // require_certificate true
};

bool TestMqttTls::startTlsBroker(MosquittoBroker &broker, const QString &certName,
                                 bool requireCert, QString *error)
{
    broker.setExtraConfig(tlsListener(m_pki, QStringLiteral("ca"), certName, requireCert));
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
    const QString ca = QStringLiteral("ca");
    QVERIFY2(m_pki.makeCa(ca, QStringLiteral("Andon Test CA"), &error), qPrintable(error));
    QVERIFY2(m_pki.makeCa(QStringLiteral("other-ca"), QStringLiteral("Someone Else CA"), &error),
             qPrintable(error));
    QVERIFY2(m_pki.issue(QStringLiteral("server"), ca, QStringLiteral("server"),
                         QStringLiteral("IP:127.0.0.1,DNS:localhost"), QString(), &error),
             qPrintable(error));
    QVERIFY2(m_pki.issue(QStringLiteral("wronghost"), ca, QStringLiteral("wronghost"),
                         QStringLiteral("DNS:broker.example.invalid"), QString(), &error),
             qPrintable(error));
    QVERIFY2(m_pki.issue(QStringLiteral("client"), ca, QStringLiteral("client"), QString(),
                         QString(), &error),
             qPrintable(error));
    m_pki.makeReadable();
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
