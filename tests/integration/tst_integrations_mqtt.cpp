// The MQTT payload presets end to end: an Engine configured with the preset bindings of
// tests/data/integrations/presets.yaml subscribes to a real mosquitto; each sample payload of
// that folder (written from the public format documentation, sources in its README.md) is
// published with mosquitto_pub as its source would publish it; the TagStore must hold the
// values and qualities worked out by hand in tests/unit/tst_payload_presets.cpp.
#include "core/config_loader.h"
#include "engine/engine.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace andon;

namespace {

QString samplePath(const QString &name)
{
    return test::sourceDir() + QStringLiteral("/tests/data/integrations/") + name;
}

bool publishFile(int port, const QString &topic, const QString &file, QString *error)
{
    // Retained, so the value is delivered whenever the subscription lands.
    return test::runTool(QStringLiteral("/usr/bin/mosquitto_pub"),
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
            QString::number(port), QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-r"),
            QStringLiteral("-t"), topic, QStringLiteral("-f"), samplePath(file) },
        error);
}

} // namespace

class TestIntegrationsMqtt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(test::unexpectedWarnings(), QStringList()); }
    void samplesThroughABroker();
};

void TestIntegrationsMqtt::samplesThroughABroker()
{
    test::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    QFile tags(samplePath(QStringLiteral("presets.yaml")));
    QVERIFY(tags.open(QIODevice::ReadOnly));
    const QByteArray yaml = QByteArray("andon: 1\n"
                                       "plant: { enterprise: t }\n"
                                       "connections:\n"
                                       "  mqtt:\n"
                                       "    - { id: lns, port: ")
        + QByteArray::number(broker.port())
        + QByteArray(" }\n"
                     "sites:\n"
                     "  - name: s\n"
                     "    areas:\n"
                     "      - name: a\n"
                     "        tags:\n")
        + tags.readAll();
    const ConfigResult r = ConfigLoader::loadString(yaml, QStringLiteral("presets.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const PlantModel &m = *r.model;

    // IO-Link port 3 answers code 503: its tag goes Bad and the engine says why, naming the
    // topic and the path (once, then counted).
    test::expectWarning(QRegularExpression(QStringLiteral(
        "^MQTT lns: topic ifm/al1350/pdin: data\\.payload\\[\"/iolinkmaster/port\\[3\\]/"
        "iolinkdevice/pdin\"\\]\\.code: 503, not 200")));
    // The samples carry their 2024 device times: the receive/device time comparison reports it.
    test::expectWarning(QRegularExpression(
        QStringLiteral("^MQTT lns: source clocks differ from this computer's")));

    Engine engine(r.model);
    engine.startSources();
    QTRY_VERIFY_WITH_TIMEOUT(engine.connectionStatus().at(0).state == u"connected", 20000);

    QVERIFY2(publishFile(broker.port(),
                 QStringLiteral("application/17c82e96-be03-4f38-aef3-f83d48582d97/device/"
                                "0004a30b001c0530/event/up"),
                 QStringLiteral("chirpstack_v4_up.json"), &error),
        qPrintable(error));
    QVERIFY2(publishFile(broker.port(), QStringLiteral("v3/andon-plant@ttn/devices/hall2-pressure-01/up"),
                 QStringLiteral("ttn_v3_up.json"), &error),
        qPrintable(error));
    QVERIFY2(publishFile(broker.port(), QStringLiteral("ifm/al1350/pdin"),
                 QStringLiteral("iolink_ifm_pdin.json"), &error),
        qPrintable(error));
    QVERIFY2(publishFile(broker.port(), QStringLiteral("gw/press/plc1"),
                 QStringLiteral("edge_gateway_values.json"), &error),
        qPrintable(error));
    QVERIFY2(publishFile(broker.port(), QStringLiteral("gw/press/plc1/Speed"),
                 QStringLiteral("edge_gateway_single.json"), &error),
        qPrintable(error));

    const TagStore &store = engine.tagStore();
    const auto latest = [&](const char *name) {
        return store.latest(m.tagIdByPath(QStringLiteral("t/s/a/") + QLatin1String(name)));
    };
    const char *expectedTags[] = { "cs_temperature", "cs_rx_delay", "ttn_pressure", "ttn_rssi",
        "io_temperature", "io_pressure", "io_port3", "eg_motor_current", "eg_oil_temp", "eg_speed" };
    const auto allArrived = [&] {
        for (const char *name : expectedTags) {
            if (!latest(name).hasValue)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allArrived(), 20000);

    // ChirpStack v4: object.temperature at the best gateway's GNSS time 1718093732187.
    QCOMPARE(latest("cs_temperature").value, 22.6);
    QCOMPARE(latest("cs_temperature").q, Quality::Good);
    QCOMPARE(latest("cs_temperature").t_ms, TimestampMs(1718093732187));
    QCOMPARE(latest("cs_rssi").value, -71.0);
    QCOMPARE(latest("cs_snr").value, 10.2);
    QVERIFY(latest("cs_rx_delay").value > 0); // received now, sent in 2024
    // The Things Stack v3.
    QCOMPARE(latest("ttn_pressure").value, 6.42);
    QCOMPARE(latest("ttn_pressure").q, Quality::Good);
    QCOMPARE(latest("ttn_pressure").t_ms, TimestampMs(1718094005201));
    QCOMPARE(latest("ttn_valve_open").value, 1.0);
    QCOMPARE(latest("ttn_rssi").value, -82.0);
    QVERIFY(!latest("ttn_other").hasValue); // another device on the shared topic
    // IO-Link (ifm): 0x0226 * 0.1 = 55.0 °C; 0x0FA2 >> 2 = 1000 * 0.01 = 10.0 bar; port 3 Bad.
    QVERIFY(std::abs(latest("io_temperature").value - 55.0) < 1e-9);
    QVERIFY(std::abs(latest("io_pressure").value - 10.0) < 1e-9);
    QCOMPARE(latest("io_out2").value, 1.0);
    QCOMPARE(latest("io_port3").q, Quality::BadDeviceFailure);
    // Edge gateway.
    QCOMPARE(latest("eg_motor_current").value, 12.75);
    QCOMPARE(latest("eg_motor_current").t_ms, TimestampMs(1718094000100));
    QCOMPARE(latest("eg_cycles").value, 48213.0);
    QCOMPARE(latest("eg_oil_temp").value, 41.5);
    QCOMPARE(latest("eg_oil_temp").q, Quality::Bad);
    QVERIFY(!latest("eg_setpoint").hasValue);
    QCOMPARE(latest("eg_speed").value, 4.2);
    QCOMPARE(latest("eg_speed").q, Quality::Good);

    // The comparison of device and receive time shows up on the connection (and was logged).
    QTRY_VERIFY_WITH_TIMEOUT(engine.connectionStatus().at(0).skewWarning, 20000);
    QCOMPARE(engine.connectionStatus().at(0).decodeErrors, std::uint64_t(1)); // port 3
    engine.stop();
}

QTEST_GUILESS_MAIN(TestIntegrationsMqtt)
#include "tst_integrations_mqtt.moc"
