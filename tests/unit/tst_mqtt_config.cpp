// Tests for the production MQTT client keys of a connection in the plant config (issue 4,
// docs/config.md "MQTT connections"): protocol, tls, will, reconnect back-off, skew threshold.
// Expected values come from docs/config.md; message positions were counted by hand in the
// YAML below (1-based; a column is the first character of the node). "%DIR%" in an expected
// value stands for the test's config directory, which only exists at run time.
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;

namespace {

const QString kFile = QStringLiteral("plant.yaml");

// Lines 1-5 of every document; the connection's own keys start on line 6, column 7.
QByteArray withConnectionKeys(const QByteArray &keys)
{
    return QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "connections:\n"
                      "  mqtt:\n"
                      "    - id: broker\n")
        + keys + QByteArray("sites: []\n");
}

QStringList errorsOf(const ConfigResult &r)
{
    QStringList out;
    for (const ConfigMessage &m : r.messages) {
        if (m.severity == ConfigMessage::Severity::Error)
            out << m.format();
    }
    return out;
}

bool touch(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write("-----BEGIN CERTIFICATE-----\n") > 0;
}

} // namespace

class TestMqttConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parsed_data();
    void parsed();
    void errors_data();
    void errors();

private:
    QString withDir(QString s) const { return s.replace(QLatin1String("%DIR%"), m_dir.path()); }

    QTemporaryDir m_dir;
};

void TestMqttConfig::initTestCase()
{
    test::installStrictMessageHandler();
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("certs")));
    QVERIFY(touch(m_dir.filePath(QStringLiteral("ca.pem"))));
    QVERIFY(touch(m_dir.filePath(QStringLiteral("certs/ca.pem"))));
    QVERIFY(touch(m_dir.filePath(QStringLiteral("certs/client.pem"))));
    QVERIFY(touch(m_dir.filePath(QStringLiteral("certs/client.key"))));
}

void TestMqttConfig::parsed_data()
{
    QTest::addColumn<QByteArray>("keys");
    QTest::addColumn<int>("protocolVersion");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("certFile");
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<QString>("willTopic");
    QTest::addColumn<QString>("willPayload");
    QTest::addColumn<int>("willQos");
    QTest::addColumn<bool>("willRetain");
    QTest::addColumn<int>("reconnectMinS");
    QTest::addColumn<int>("reconnectMaxS");
    QTest::addColumn<int>("skewWarnMs");

    // docs/config.md defaults: 3.1.1 (= protocol level 4, MQTT 3.1.1 §3.1.2.2), no TLS,
    // no will, back-off 1..30 s, skew warning above 2 s.
    QTest::newRow("defaults when absent")
        << QByteArray() << 4 << QString() << QString() << QString() << false << QString()
        << QString() << 0 << false << 1 << 30 << 2000;
    QTest::newRow("protocol 3.1.1")
        << QByteArray("      protocol: 3.1.1\n") << 4 << QString() << QString() << QString()
        << false << QString() << QString() << 0 << false << 1 << 30 << 2000;
    QTest::newRow("protocol 5") << QByteArray("      protocol: 5\n") << 5 << QString()
                                << QString() << QString() << false << QString() << QString() << 0
                                << false << 1 << 30 << 2000;
    QTest::newRow("tls ca only, relative")
        << QByteArray("      tls:\n"
                      "        ca_file: ca.pem\n")
        << 4 << QStringLiteral("%DIR%/ca.pem") << QString() << QString() << false << QString()
        << QString() << 0 << false << 1 << 30 << 2000;
    QTest::newRow("tls mutual, relative in a subfolder, insecure")
        << QByteArray("      tls:\n"
                      "        ca_file: certs/ca.pem\n"
                      "        cert_file: certs/client.pem\n"
                      "        key_file: ./certs/../certs/client.key\n"
                      "        insecure: true\n")
        << 4 << QStringLiteral("%DIR%/certs/ca.pem") << QStringLiteral("%DIR%/certs/client.pem")
        << QStringLiteral("%DIR%/certs/client.key") << true << QString() << QString() << 0
        << false << 1 << 30 << 2000;
    QTest::newRow("tls absolute path, insecure false")
        << QByteArray("      tls: { ca_file: \"%DIR%/certs/ca.pem\", insecure: false }\n") << 4
        << QStringLiteral("%DIR%/certs/ca.pem") << QString() << QString() << false << QString()
        << QString() << 0 << false << 1 << 30 << 2000;
    QTest::newRow("will, all keys")
        << QByteArray("      will:\n"
                      "        topic: acme/hmi/status\n"
                      "        payload: offline\n"
                      "        qos: 2\n"
                      "        retain: true\n")
        << 4 << QString() << QString() << QString() << false << QStringLiteral("acme/hmi/status")
        << QStringLiteral("offline") << 2 << true << 1 << 30 << 2000;
    QTest::newRow("will, topic only") << QByteArray("      will: { topic: acme/hmi/status }\n") << 4
                                      << QString() << QString() << QString() << false
                                      << QStringLiteral("acme/hmi/status") << QString() << 0
                                      << false << 1 << 30 << 2000;
    QTest::newRow("reconnect both")
        << QByteArray("      reconnect_min_s: 2\n"
                      "      reconnect_max_s: 120\n")
        << 4 << QString() << QString() << QString() << false << QString() << QString() << 0
        << false << 2 << 120 << 2000;
    // docs/config.md: reconnect_max_s defaults to 30, or to reconnect_min_s if that is larger.
    QTest::newRow("reconnect min above default max")
        << QByteArray("      reconnect_min_s: 45\n") << 4 << QString() << QString() << QString()
        << false << QString() << QString() << 0 << false << 45 << 45 << 2000;
    QTest::newRow("reconnect min below default max")
        << QByteArray("      reconnect_min_s: 5\n") << 4 << QString() << QString() << QString()
        << false << QString() << QString() << 0 << false << 5 << 30 << 2000;
    QTest::newRow("reconnect min equals max")
        << QByteArray("      reconnect_min_s: 7\n"
                      "      reconnect_max_s: 7\n")
        << 4 << QString() << QString() << QString() << false << QString() << QString() << 0
        << false << 7 << 7 << 2000;
    QTest::newRow("skew fractional seconds")
        << QByteArray("      skew_warn_s: 0.25\n") << 4 << QString() << QString() << QString()
        << false << QString() << QString() << 0 << false << 1 << 30 << 250;
    QTest::newRow("skew integer seconds")
        << QByteArray("      skew_warn_s: 10\n") << 4 << QString() << QString() << QString()
        << false << QString() << QString() << 0 << false << 1 << 30 << 10000;
}

void TestMqttConfig::parsed()
{
    QFETCH(QByteArray, keys);
    QFETCH(int, protocolVersion);
    QFETCH(QString, caFile);
    QFETCH(QString, certFile);
    QFETCH(QString, keyFile);
    QFETCH(bool, insecure);
    QFETCH(QString, willTopic);
    QFETCH(QString, willPayload);
    QFETCH(int, willQos);
    QFETCH(bool, willRetain);
    QFETCH(int, reconnectMinS);
    QFETCH(int, reconnectMaxS);
    QFETCH(int, skewWarnMs);

    const QByteArray yaml = withConnectionKeys(withDir(QString::fromUtf8(keys)).toUtf8());
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile, m_dir.path());
    QVERIFY2(r.messages.empty(), qPrintable(r.formattedMessages().join(u'\n')));
    QVERIFY(r.ok());
    QCOMPARE(r.model->mqttConnections.size(), std::size_t(1));
    const MqttConnection &c = r.model->mqttConnections.front();
    QCOMPARE(c.id, QStringLiteral("broker"));
    QCOMPARE(c.protocolVersion, protocolVersion);
    QCOMPARE(c.tlsCaFile, withDir(caFile));
    QCOMPARE(c.tls(), !caFile.isEmpty());
    QCOMPARE(c.tlsCertFile, withDir(certFile));
    QCOMPARE(c.tlsKeyFile, withDir(keyFile));
    QCOMPARE(c.tlsInsecure, insecure);
    QCOMPARE(c.willTopic, willTopic);
    QCOMPARE(c.willPayload, willPayload);
    QCOMPARE(c.willQos, willQos);
    QCOMPARE(c.willRetain, willRetain);
    QCOMPARE(c.reconnectMinS, reconnectMinS);
    QCOMPARE(c.reconnectMaxS, reconnectMaxS);
    QCOMPARE(c.skewWarnMs, skewWarnMs);
    // The keys of the connection that existed before issue 4 keep their defaults.
    QCOMPARE(c.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.port, 1883);
}

void TestMqttConfig::errors_data()
{
    QTest::addColumn<QByteArray>("keys");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("bad protocol value")
        << QByteArray("      protocol: 3.1\n")
        << QStringList { QStringLiteral("plant.yaml:6:17: error: connections.mqtt[0].protocol: "
                                        "expected 3.1.1 or 5, got \"3.1\"") };
    QTest::newRow("protocol not a scalar")
        << QByteArray("      protocol: [5]\n")
        << QStringList { QStringLiteral("plant.yaml:6:17: error: connections.mqtt[0].protocol: "
                                        "expected a text, got a list") };
    QTest::newRow("tls.insecure not a bool")
        << QByteArray("      tls:\n"
                      "        ca_file: ca.pem\n"
                      "        insecure: maybe\n")
        << QStringList { QStringLiteral("plant.yaml:8:19: error: connections.mqtt[0].tls.insecure: "
                                        "expected true or false, got \"maybe\"") };
    QTest::newRow("missing TLS file")
        << QByteArray("      tls:\n"
                      "        ca_file: missing.pem\n")
        << QStringList { QStringLiteral("plant.yaml:7:18: error: connections.mqtt[0].tls.ca_file: "
                                        "file not found: %DIR%/missing.pem") };
    QTest::newRow("TLS file is a directory")
        << QByteArray("      tls: { ca_file: certs }\n")
        << QStringList { QStringLiteral("plant.yaml:6:23: error: connections.mqtt[0].tls.ca_file: "
                                        "file not found: %DIR%/certs") };
    QTest::newRow("tls without ca_file")
        << QByteArray("      tls:\n"
                      "        insecure: true\n")
        << QStringList { QStringLiteral("plant.yaml:7:9: error: missing required key 'ca_file' in "
                                        "connections.mqtt[0].tls") };
    QTest::newRow("cert_file without key_file")
        << QByteArray("      tls:\n"
                      "        ca_file: ca.pem\n"
                      "        cert_file: certs/client.pem\n")
        << QStringList { QStringLiteral(
               "plant.yaml:7:9: error: connections.mqtt[0].tls: cert_file and key_file go "
               "together (mutual TLS needs both the client certificate and its key)") };
    QTest::newRow("unknown key under tls")
        << QByteArray("      tls:\n"
                      "        ca_file: ca.pem\n"
                      "        insecur: true\n")
        << QStringList { QStringLiteral("plant.yaml:8:9: error: unknown key 'insecur' in "
                                        "connections.mqtt[0].tls; did you mean 'insecure'?") };
    QTest::newRow("will without topic")
        << QByteArray("      will:\n"
                      "        payload: offline\n")
        << QStringList { QStringLiteral(
               "plant.yaml:7:9: error: missing required key 'topic' in connections.mqtt[0].will") };
    QTest::newRow("will topic with wildcard")
        << QByteArray("      will: { topic: acme/# }\n")
        << QStringList { QStringLiteral("plant.yaml:6:22: error: connections.mqtt[0].will.topic: "
                                        "expected a topic without wildcards, got \"acme/#\"") };
    QTest::newRow("will.qos out of range")
        << QByteArray("      will: { topic: andon/status, qos: 3 }\n")
        << QStringList { QStringLiteral("plant.yaml:6:41: error: connections.mqtt[0].will.qos: "
                                        "expected an integer from 0 to 2, got \"3\"") };
    QTest::newRow("will.retain not a bool")
        << QByteArray("      will:\n"
                      "        topic: andon/status\n"
                      "        retain: 1\n")
        << QStringList { QStringLiteral("plant.yaml:8:17: error: connections.mqtt[0].will.retain: "
                                        "expected true or false, got \"1\"") };
    QTest::newRow("reconnect_min_s > reconnect_max_s")
        << QByteArray("      reconnect_min_s: 60\n"
                      "      reconnect_max_s: 10\n")
        << QStringList { QStringLiteral(
               "plant.yaml:7:24: error: connections.mqtt[0].reconnect_max_s: expected at least "
               "reconnect_min_s (60), got 10") };
    QTest::newRow("reconnect_min_s zero")
        << QByteArray("      reconnect_min_s: 0\n")
        << QStringList { QStringLiteral("plant.yaml:6:24: error: "
                                        "connections.mqtt[0].reconnect_min_s: expected an integer "
                                        "from 1 to 3600, got \"0\"") };
    QTest::newRow("negative skew_warn_s")
        << QByteArray("      skew_warn_s: -1\n")
        << QStringList { QStringLiteral("plant.yaml:6:20: error: connections.mqtt[0].skew_warn_s: "
                                        "expected a number from 0.001 to 86400, got \"-1\"") };
    QTest::newRow("zero skew_warn_s")
        << QByteArray("      skew_warn_s: 0\n")
        << QStringList { QStringLiteral("plant.yaml:6:20: error: connections.mqtt[0].skew_warn_s: "
                                        "expected a number from 0.001 to 86400, got \"0\"") };
    QTest::newRow("two errors in file order")
        << QByteArray("      protocol: 6\n"
                      "      will: { qos: 1 }\n")
        << QStringList {
               QStringLiteral("plant.yaml:6:17: error: connections.mqtt[0].protocol: expected "
                              "3.1.1 or 5, got \"6\""),
               QStringLiteral("plant.yaml:7:13: error: missing required key 'topic' in "
                              "connections.mqtt[0].will"),
           };
}

void TestMqttConfig::errors()
{
    QFETCH(QByteArray, keys);
    QFETCH(QStringList, expected);
    for (QString &e : expected)
        e = withDir(e);
    const ConfigResult r = ConfigLoader::loadString(withConnectionKeys(keys), kFile, m_dir.path());
    QCOMPARE(errorsOf(r), expected);
    QVERIFY(!r.ok());
}

QTEST_GUILESS_MAIN(TestMqttConfig)
#include "tst_mqtt_config.moc"
