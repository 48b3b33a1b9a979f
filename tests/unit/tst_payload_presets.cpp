// MQTT payload presets (connectors/mqtt/payload_presets.h) decoding the sample payloads in
// tests/data/integrations/ (written by us from the public format documentation, sources in
// that folder's README.md):
//   chirpstack-v4  ChirpStack v4 "Event types / up", Protobuf JSON of integration.UplinkEvent
//                  and gw.UplinkRxInfo (github.com/chirpstack/chirpstack api/proto)
//   ttn-v3         The Things Stack "Data Formats / Uplink Messages"
//   io-link        ifm IoT Core notification format (AL13xx/AL19xx device manuals,
//                  "Service: subscribe", JSON notification, /iolinkmaster/port[n]/iolinkdevice/pdin)
//   edge-gateway   Kepware IoT Gateway standard template {"timestamp","values":[{id,v,q,t}]}
// Expected values are worked out by hand from the sample files in the comments; epoch
// milliseconds of the ISO times were computed with Python's datetime.fromisoformat.
#include "connectors/mqtt/payload_decoder.h"
#include "connectors/mqtt/payload_presets.h"
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace andon;

namespace {

const QString kChirpTopic
        = QStringLiteral("application/17c82e96-be03-4f38-aef3-f83d48582d97/device/0004a30b001c0530/event/up");
const QString kTtnTopic = QStringLiteral("v3/andon-plant@ttn/devices/hall2-pressure-01/up");

// gwTime 2024-06-11T08:15:32.187654Z = 1718093732187 ms; received 1.5 s later.
constexpr TimestampMs kChirpGwTime = 1718093732187;
constexpr TimestampMs kChirpReceived = kChirpGwTime + 1500;
// rx_metadata[1].time 2024-06-11T08:20:05.201834Z = 1718094005201 ms; received 2 s later.
constexpr TimestampMs kTtnGwTime = 1718094005201;
constexpr TimestampMs kTtnReceived = kTtnGwTime + 2000;
constexpr TimestampMs kIoLinkReceived = 1718094000000;
constexpr TimestampMs kEdgeReceived = 1718094001000;

QByteArray sample(const QString &name)
{
    QFile f(test::sourceDir() + QStringLiteral("/tests/data/integrations/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read sample %s", qPrintable(f.fileName()));
    return f.readAll();
}

QJsonObject sampleObject(const QString &name)
{
    return QJsonDocument::fromJson(sample(name)).object();
}

QByteArray toBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ConfigResult load(const QString &tags)
{
    const QString yaml = QStringLiteral("andon: 1\n"
                                        "plant: { enterprise: t }\n"
                                        "connections:\n"
                                        "  mqtt:\n"
                                        "    - { id: lns, port: 1883 }\n"
                                        "sites:\n"
                                        "  - name: s\n"
                                        "    areas:\n"
                                        "      - name: a\n"
                                        "        tags:\n")
        + tags;
    return ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("presets.yaml"));
}

// Every preset tag of the samples (the same file the integration test loads).
QString presetTags()
{
    QFile f(test::sourceDir() + QStringLiteral("/tests/data/integrations/presets.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read presets.yaml");
    return QString::fromUtf8(f.readAll());
}

const Sample *sampleOf(const mqtt::DecodeResult &r, const PlantModel &m, const QString &name)
{
    const TagId id = m.tagIdByPath(QStringLiteral("t/s/a/") + name);
    for (const Sample &s : r.samples) {
        if (s.tag == id)
            return &s;
    }
    return nullptr;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

class TestPayloadPresets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chirpStackSample();
    void chirpStackTimeFallbacks();
    void theThingsStackSample();
    void theThingsStackTimeFallbacks();
    void ioLinkSample();
    void ioLinkFieldBits_data();
    void ioLinkFieldBits();
    void edgeGatewaySample();
    void edgeGatewaySingleTopic();
    void decodeErrors_data();
    void decodeErrors();
    void otherDeviceOnWildcardIsSkipped();
    void defaultTopics();
    void configErrors_data();
    void configErrors();
    void docExamplesLoad();

private:
    ConfigResult m_config;
    std::unique_ptr<mqtt::PayloadDecoder> m_decoder;
};

void TestPayloadPresets::initTestCase()
{
    const QString yaml = QString::fromUtf8(
        QByteArray("andon: 1\nplant: { enterprise: t }\nconnections:\n  mqtt:\n"
                   "    - { id: lns, port: 1883 }\nsites:\n  - name: s\n    areas:\n"
                   "      - name: a\n        tags:\n"))
        + presetTags();
    m_config = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("presets.yaml"));
    QVERIFY2(m_config.ok(), qPrintable(m_config.formattedMessages().join(u'\n')));
    m_decoder = std::make_unique<mqtt::PayloadDecoder>(m_config.model);
}

void TestPayloadPresets::chirpStackSample()
{
    const mqtt::DecodeResult r = m_decoder->decode(QStringLiteral("lns"), kChirpTopic,
                                                   sample(QStringLiteral("chirpstack_v4_up.json")),
                                                   kChirpReceived);
    const PlantModel &m = *m_config.model;
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    // object.temperature 22.6 at the best gateway's gwTime (rxInfo[1]: RSSI -71 > -97).
    const Sample *t = sampleOf(r, m, QStringLiteral("cs_temperature"));
    QVERIFY(t);
    QCOMPARE(t->value, 22.6);
    QCOMPARE(t->t_ms, kChirpGwTime);
    QCOMPARE(t->q, Quality::Good);
    QCOMPARE(sampleOf(r, m, QStringLiteral("cs_humidity"))->value, 70.0);
    QCOMPARE(sampleOf(r, m, QStringLiteral("cs_tamper"))->value, 0.0); // flags/tamper false
    QCOMPARE(sampleOf(r, m, QStringLiteral("cs_rssi"))->value, -71.0);
    QCOMPARE(sampleOf(r, m, QStringLiteral("cs_snr"))->value, 10.2);
    QCOMPARE(sampleOf(r, m, QStringLiteral("cs_gateways"))->value, 2.0);
    QCOMPARE(sampleOf(r, m, QStringLiteral("cs_f_cnt"))->value, 1287.0);
    const Sample *delay = sampleOf(r, m, QStringLiteral("cs_rx_delay"));
    QCOMPARE(delay->value, 1500.0); // received - gwTime
    QCOMPARE(delay->t_ms, kChirpReceived);
    // The TTN, IO-Link and edge-gateway tags are not on this topic.
    QCOMPARE(sampleOf(r, m, QStringLiteral("ttn_pressure")), nullptr);
}

void TestPayloadPresets::chirpStackTimeFallbacks()
{
    // Without the GNSS time the best gateway's nsTime counts (…:32.205987Z = 1718093732205);
    // without any gateway the event's time (…:32.210951+00:00 = 1718093732210).
    QJsonObject o = sampleObject(QStringLiteral("chirpstack_v4_up.json"));
    QJsonArray rx = o.value(QStringLiteral("rxInfo")).toArray();
    QJsonObject best = rx.at(1).toObject();
    best.remove(QStringLiteral("gwTime"));
    rx.replace(1, best);
    o.insert(QStringLiteral("rxInfo"), rx);
    const PlantModel &m = *m_config.model;
    mqtt::DecodeResult r = m_decoder->decode(QStringLiteral("lns"), kChirpTopic, toBytes(o), kChirpReceived);
    QCOMPARE(sampleOf(r, m, QStringLiteral("cs_temperature"))->t_ms, TimestampMs(1718093732205));
    o.remove(QStringLiteral("rxInfo"));
    r = m_decoder->decode(QStringLiteral("lns"), kChirpTopic, toBytes(o), kChirpReceived);
    QCOMPARE(sampleOf(r, m, QStringLiteral("cs_temperature"))->t_ms, TimestampMs(1718093732210));
    QCOMPARE(sampleOf(r, m, QStringLiteral("cs_gateways"))->value, 0.0);
    // No gateway: RSSI is unknown, a decode error naming the path.
    const Sample *rssi = sampleOf(r, m, QStringLiteral("cs_rssi"));
    QCOMPARE(rssi->q, Quality::BadDecodeError);
    QVERIFY(std::isnan(rssi->value));
    QVERIFY2(r.error.contains(QStringLiteral("rxInfo: no gateway metadata")), qPrintable(r.error));
}

void TestPayloadPresets::theThingsStackSample()
{
    const mqtt::DecodeResult r = m_decoder->decode(QStringLiteral("lns"), kTtnTopic,
                                                   sample(QStringLiteral("ttn_v3_up.json")),
                                                   kTtnReceived);
    const PlantModel &m = *m_config.model;
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    // decoded_payload.pressure_bar 6.42 at rx_metadata[1].time (RSSI -82 beats -109).
    const Sample *p = sampleOf(r, m, QStringLiteral("ttn_pressure"));
    QVERIFY(p);
    QCOMPARE(p->value, 6.42);
    QCOMPARE(p->t_ms, kTtnGwTime);
    QCOMPARE(p->q, Quality::Good);
    QCOMPARE(sampleOf(r, m, QStringLiteral("ttn_valve_open"))->value, 1.0);
    QCOMPARE(sampleOf(r, m, QStringLiteral("ttn_rssi"))->value, -82.0);
    QCOMPARE(sampleOf(r, m, QStringLiteral("ttn_snr"))->value, 8.25);
    QCOMPARE(sampleOf(r, m, QStringLiteral("ttn_f_cnt"))->value, 4711.0);
    QCOMPARE(sampleOf(r, m, QStringLiteral("ttn_rx_delay"))->value, 2000.0);
}

void TestPayloadPresets::theThingsStackTimeFallbacks()
{
    // No gateway time and no settings.time: uplink_message.received_at
    // (…:05.254760982Z = 1718094005254); without that the top-level received_at
    // (…:05.412903127Z = 1718094005412).
    QJsonObject o = sampleObject(QStringLiteral("ttn_v3_up.json"));
    QJsonObject up = o.value(QStringLiteral("uplink_message")).toObject();
    QJsonArray rx = up.value(QStringLiteral("rx_metadata")).toArray();
    QJsonObject g = rx.at(1).toObject();
    g.remove(QStringLiteral("time"));
    rx.replace(1, g);
    up.insert(QStringLiteral("rx_metadata"), rx);
    QJsonObject settings = up.value(QStringLiteral("settings")).toObject();
    settings.remove(QStringLiteral("time"));
    up.insert(QStringLiteral("settings"), settings);
    o.insert(QStringLiteral("uplink_message"), up);
    const PlantModel &m = *m_config.model;
    mqtt::DecodeResult r = m_decoder->decode(QStringLiteral("lns"), kTtnTopic, toBytes(o), kTtnReceived);
    QCOMPARE(sampleOf(r, m, QStringLiteral("ttn_pressure"))->t_ms, TimestampMs(1718094005254));
    up.remove(QStringLiteral("received_at"));
    o.insert(QStringLiteral("uplink_message"), up);
    r = m_decoder->decode(QStringLiteral("lns"), kTtnTopic, toBytes(o), kTtnReceived);
    QCOMPARE(sampleOf(r, m, QStringLiteral("ttn_pressure"))->t_ms, TimestampMs(1718094005412));
}

void TestPayloadPresets::ioLinkSample()
{
    const mqtt::DecodeResult r = m_decoder->decode(QStringLiteral("lns"),
                                                   QStringLiteral("ifm/al1350/pdin"),
                                                   sample(QStringLiteral("iolink_ifm_pdin.json")),
                                                   kIoLinkReceived);
    const PlantModel &m = *m_config.model;
    // Port 1 "0226FE00" (bytes 02 26 FE 00; bit 0 = LSB of the last byte):
    //   bits 16..31 = 0x0226 = 550, signed 16 bit, * 0.1 -> 55.0 °C;
    //   byte_offset 2 (third byte) = 0xFE, signed 8 bit -> -2;  bit 0 = 0.
    const Sample *temp = sampleOf(r, m, QStringLiteral("io_temperature"));
    QVERIFY(temp);
    QVERIFY(near(temp->value, 55.0));
    QCOMPARE(temp->q, Quality::Good);
    QCOMPARE(temp->t_ms, kIoLinkReceived); // the notification has no time
    QCOMPARE(sampleOf(r, m, QStringLiteral("io_status"))->value, -2.0);
    QCOMPARE(sampleOf(r, m, QStringLiteral("io_out1"))->value, 0.0);
    // Port 2 "0FA2" = 0000 1111 1010 0010: bits 2..15 = 0x0FA2 >> 2 = 1000, * 0.01 -> 10.0 bar;
    // bit 1 = 1 (switching output 2).
    QVERIFY(near(sampleOf(r, m, QStringLiteral("io_pressure"))->value, 10.0));
    QCOMPARE(sampleOf(r, m, QStringLiteral("io_out2"))->value, 1.0);
    // Port 3 answers code 503: no valid process data, Bad (device), with the path.
    const Sample *port3 = sampleOf(r, m, QStringLiteral("io_port3"));
    QCOMPARE(port3->q, Quality::BadDeviceFailure);
    QVERIFY(std::isnan(port3->value));
    QVERIFY2(r.error.contains(QStringLiteral(
                     "data.payload[\"/iolinkmaster/port[3]/iolinkdevice/pdin\"].code: 503")),
             qPrintable(r.error));
}

void TestPayloadPresets::ioLinkFieldBits_data()
{
    QTest::addColumn<QString>("hex");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<double>("value");
    QTest::newRow("whole byte") << QStringLiteral("7F") << 0 << 8 << true << 127.0;
    QTest::newRow("negative byte") << QStringLiteral("80") << 0 << 8 << true << -128.0;
    QTest::newRow("unsigned byte") << QStringLiteral("80") << 0 << 8 << false << 128.0;
    // 0xFF38 signed 16 bit = 65336 - 65536 = -200
    QTest::newRow("int16") << QStringLiteral("ff38") << 0 << 16 << true << -200.0;
    // 0x12345678: bits 4..11 = 0x67 = 103
    QTest::newRow("middle bits") << QStringLiteral("12345678") << 4 << 8 << false << 103.0;
    // 4 bytes, 32-bit unsigned 0xFFFFFFFF = 4294967295
    QTest::newRow("uint32") << QStringLiteral("FFFFFFFF") << 0 << 32 << false << 4294967295.0;
}

void TestPayloadPresets::ioLinkFieldBits()
{
    QFETCH(QString, hex);
    QFETCH(int, offset);
    QFETCH(int, length);
    QFETCH(bool, isSigned);
    QFETCH(double, value);
    double out = 0;
    QString error;
    QVERIFY2(mqtt::ioLinkField(hex, offset, length, isSigned, &out, &error), qPrintable(error));
    QCOMPARE(out, value);
    QVERIFY(!mqtt::ioLinkField(QStringLiteral("0FA"), 0, 4, false, &out, &error));
    QVERIFY(!mqtt::ioLinkField(QStringLiteral("ZZ"), 0, 4, false, &out, &error));
    QVERIFY(!mqtt::ioLinkField(QStringLiteral("0FA2"), 10, 8, false, &out, &error));
    QCOMPARE(error, QStringLiteral("2 bytes of process data have no bits 10..17"));
}

void TestPayloadPresets::edgeGatewaySample()
{
    const mqtt::DecodeResult r = m_decoder->decode(QStringLiteral("lns"),
                                                   QStringLiteral("gw/press/plc1"),
                                                   sample(QStringLiteral("edge_gateway_values.json")),
                                                   kEdgeReceived);
    const PlantModel &m = *m_config.model;
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    const Sample *current = sampleOf(r, m, QStringLiteral("eg_motor_current"));
    QVERIFY(current);
    QCOMPARE(current->value, 12.75);
    QCOMPARE(current->t_ms, TimestampMs(1718094000100));
    QCOMPARE(current->q, Quality::Good);
    QCOMPARE(sampleOf(r, m, QStringLiteral("eg_running"))->value, 1.0);
    const Sample *count = sampleOf(r, m, QStringLiteral("eg_cycles"));
    QCOMPARE(count->value, 48213.0);
    QCOMPARE(count->t_ms, TimestampMs(1718093999950));
    // q false: the gateway says the value is bad; it is kept (no lost data).
    const Sample *oil = sampleOf(r, m, QStringLiteral("eg_oil_temp"));
    QCOMPARE(oil->value, 41.5);
    QCOMPARE(oil->q, Quality::Bad);
    QCOMPARE(oil->t_ms, TimestampMs(1718093990000));
    // Not in this message (gateways publish changed tags only): no sample, no error.
    QCOMPARE(sampleOf(r, m, QStringLiteral("eg_setpoint")), nullptr);
}

void TestPayloadPresets::edgeGatewaySingleTopic()
{
    // {"v": 4.2, "q": 192, "t": "2024-06-11T08:20:00.250Z"}: OPC DA 192 = 0xC0 good;
    // t = 1718094000250.
    const mqtt::DecodeResult r = m_decoder->decode(QStringLiteral("lns"),
                                                   QStringLiteral("gw/press/plc1/Speed"),
                                                   sample(QStringLiteral("edge_gateway_single.json")),
                                                   kEdgeReceived);
    const Sample *speed = sampleOf(r, *m_config.model, QStringLiteral("eg_speed"));
    QVERIFY(speed);
    QCOMPARE(speed->value, 4.2);
    QCOMPARE(speed->q, Quality::Good);
    QCOMPARE(speed->t_ms, TimestampMs(1718094000250));
    // OPC DA 0x40..0x7F uncertain, 0x00..0x3F bad.
    mqtt::DecodeResult u = m_decoder->decode(QStringLiteral("lns"), QStringLiteral("gw/press/plc1/Speed"),
                                             QByteArrayLiteral("{\"v\": 1, \"q\": 64}"), kEdgeReceived);
    QCOMPARE(u.samples.at(0).q, Quality::Uncertain);
    QCOMPARE(u.samples.at(0).t_ms, kEdgeReceived);
    u = m_decoder->decode(QStringLiteral("lns"), QStringLiteral("gw/press/plc1/Speed"),
                          QByteArrayLiteral("{\"v\": 1, \"q\": 24}"), kEdgeReceived);
    QCOMPARE(u.samples.at(0).q, Quality::Bad);
}

void TestPayloadPresets::decodeErrors_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("error");
    const QByteArray chirp = sample(QStringLiteral("chirpstack_v4_up.json"));
    const QByteArray ttn = sample(QStringLiteral("ttn_v3_up.json"));
    const QByteArray iolink = sample(QStringLiteral("iolink_ifm_pdin.json"));
    const QByteArray edge = sample(QStringLiteral("edge_gateway_values.json"));
    QTest::newRow("wrong dev_eui on its own topic")
        << QStringLiteral("{ preset: chirpstack-v4, topic: lns/one, dev_eui: '0004A30B001C0531', "
                          "field: temperature }")
        << QStringLiteral("lns/one") << chirp
        << QStringLiteral("deviceInfo.devEui: expected device 0004a30b001c0531, got 0004a30b001c0530");
    QTest::newRow("unknown decoded field")
        << QStringLiteral("{ preset: chirpstack-v4, topic: lns/one, field: pressure }")
        << QStringLiteral("lns/one") << chirp << QStringLiteral("object.pressure: missing");
    QTest::newRow("decoded field not a number")
        << QStringLiteral("{ preset: chirpstack-v4, topic: lns/one, field: flags }")
        << QStringLiteral("lns/one") << chirp
        << QStringLiteral("object.flags: expected a number, got an object");
    QTest::newRow("malformed JSON")
        << QStringLiteral("{ preset: ttn-v3, topic: lns/one, field: pressure_bar }")
        << QStringLiteral("lns/one") << QByteArray("{\"end_device_ids\": {") << QStringLiteral("JSON parse error");
    QTest::newRow("ttn without decoded payload")
        << QStringLiteral("{ preset: ttn-v3, topic: lns/one, field: pressure_bar }")
        << QStringLiteral("lns/one")
        << QByteArray("{\"end_device_ids\": {\"dev_eui\": \"70B3D57ED005B89A\"}, \"uplink_message\": {}}")
        << QStringLiteral("uplink_message.decoded_payload: missing (is a payload codec configured");
    QTest::newRow("ttn join message on the uplink topic")
        << QStringLiteral("{ preset: ttn-v3, topic: lns/one, field: pressure_bar }")
        << QStringLiteral("lns/one")
        << QByteArray("{\"end_device_ids\": {\"dev_eui\": \"70B3D57ED005B89A\"}, \"join_accept\": {}}")
        << QStringLiteral("uplink_message: missing");
    QTest::newRow("io-link port not in the notification")
        << QStringLiteral("{ preset: io-link, topic: lns/one, port: 4, bit_offset: 0, bit_length: 8 }")
        << QStringLiteral("lns/one") << iolink
        << QStringLiteral("data.payload[\"/iolinkmaster/port[4]/iolinkdevice/pdin\"]: missing");
    QTest::newRow("io-link bits beyond the data")
        << QStringLiteral("{ preset: io-link, topic: lns/one, port: 2, byte_offset: 1, bit_length: 16 }")
        << QStringLiteral("lns/one") << iolink
        << QStringLiteral("pdin\"].data: 2 bytes of process data have no bits -8..7");
    QTest::newRow("edge gateway without values")
        << QStringLiteral("{ preset: edge-gateway, topic: lns/one, field: A.B }")
        << QStringLiteral("lns/one") << QByteArray("{\"timestamp\": 1}")
        << QStringLiteral("values: missing");
    QTest::newRow("edge gateway value not a number")
        << QStringLiteral("{ preset: edge-gateway, topic: lns/one, field: A.B }")
        << QStringLiteral("lns/one") << QByteArray("{\"values\": [{\"id\": \"A.B\", \"v\": \"open\"}]}")
        << QStringLiteral("values[0].v: expected a number, got string \"open\"");
    Q_UNUSED(ttn);
    Q_UNUSED(edge);
}

void TestPayloadPresets::decodeErrors()
{
    QFETCH(QString, tag);
    QFETCH(QString, topic);
    QFETCH(QByteArray, payload);
    QFETCH(QString, error);
    const ConfigResult c = load(QStringLiteral("          - { name: x, mqtt: ") + tag
                                + QStringLiteral(" }\n"));
    QVERIFY2(c.ok(), qPrintable(c.formattedMessages().join(u'\n')));
    const mqtt::PayloadDecoder decoder(c.model);
    const mqtt::DecodeResult r = decoder.decode(QStringLiteral("lns"), topic, payload, 5000);
    QCOMPARE(r.samples.size(), std::size_t(1));
    QVERIFY(isBad(r.samples[0].q));
    QVERIFY(std::isnan(r.samples[0].value));
    QCOMPARE(r.samples[0].t_ms, TimestampMs(5000));
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
}

void TestPayloadPresets::otherDeviceOnWildcardIsSkipped()
{
    // ttn_other has dev_eui ...89B on the shared wildcard topic v3/+/devices/+/up: the sample
    // (dev_eui ...89A) is someone else's uplink, not an error.
    const mqtt::DecodeResult r = m_decoder->decode(QStringLiteral("lns"), kTtnTopic,
                                                   sample(QStringLiteral("ttn_v3_up.json")),
                                                   kTtnReceived);
    QCOMPARE(sampleOf(r, *m_config.model, QStringLiteral("ttn_other")), nullptr);
    QVERIFY(r.error.isEmpty());
}

void TestPayloadPresets::defaultTopics()
{
    const PlantModel &m = *m_config.model;
    // ChirpStack: application/+/device/<dev_eui>/event/up; TTN: v3/+/devices/+/up.
    QCOMPARE(m.tagByPath(QStringLiteral("t/s/a/cs_temperature"))->mqtt->topic,
             QStringLiteral("application/+/device/0004a30b001c0530/event/up"));
    QCOMPARE(m.tagByPath(QStringLiteral("t/s/a/ttn_pressure"))->mqtt->topic,
             QStringLiteral("v3/+/devices/+/up"));
    const PresetBinding &p = *m.tagByPath(QStringLiteral("t/s/a/io_pressure"))->mqtt->preset;
    QCOMPARE(p.preset, PayloadPreset::IoLink);
    QCOMPARE(p.port, 2);
    QCOMPARE(p.bitOffset, 2);
    QCOMPARE(p.bitLength, 14);
    QVERIFY(p.isSigned);
    const QStringList filters = mqtt::PayloadDecoder(m_config.model).topicFilters(QStringLiteral("lns"));
    QVERIFY(filters.contains(QStringLiteral("v3/+/devices/+/up")));
}

void TestPayloadPresets::configErrors_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown preset")
        << QStringLiteral("{ preset: chirpstak-v4, field: temperature }")
        << QStringLiteral("unknown preset 'chirpstak-v4' (did you mean 'chirpstack-v4'?)");
    QTest::newRow("preset key without preset")
        << QStringLiteral("{ topic: a/b, dev_eui: '0004a30b001c0530' }")
        << QStringLiteral("mqtt.dev_eui: only used with a preset");
    QTest::newRow("key of another preset")
        << QStringLiteral("{ preset: ttn-v3, field: t, port: 2 }")
        << QStringLiteral("mqtt.port: not used by preset 'ttn-v3'");
    QTest::newRow("pointer with a preset")
        << QStringLiteral("{ preset: ttn-v3, field: t, value: /x }")
        << QStringLiteral("mqtt.value: preset 'ttn-v3' decides how the payload is read");
    QTest::newRow("lorawan without field")
        << QStringLiteral("{ preset: chirpstack-v4 }")
        << QStringLiteral("mqtt: preset 'chirpstack-v4' needs 'field'");
    QTest::newRow("io-link without bit_length")
        << QStringLiteral("{ preset: io-link, topic: a/b, port: 1, bit_offset: 0 }")
        << QStringLiteral("needs 'bit_length'");
    QTest::newRow("io-link both offsets")
        << QStringLiteral("{ preset: io-link, topic: a/b, port: 1, bit_offset: 0, byte_offset: 0, bit_length: 8 }")
        << QStringLiteral("give either bit_offset");
    QTest::newRow("io-link without topic")
        << QStringLiteral("{ preset: io-link, port: 1, bit_offset: 0, bit_length: 8 }")
        << QStringLiteral("needs the 'topic' the source publishes on");
    QTest::newRow("bad dev_eui")
        << QStringLiteral("{ preset: ttn-v3, field: t, dev_eui: 70B3D57ED005 }")
        << QStringLiteral("expected a device EUI of 16 hex digits");
}

void TestPayloadPresets::configErrors()
{
    QFETCH(QString, tag);
    QFETCH(QString, message);
    const ConfigResult c = load(QStringLiteral("          - { name: x, mqtt: ") + tag
                                + QStringLiteral(" }\n"));
    QVERIFY(!c.ok());
    const QString all = c.formattedMessages().join(u'\n');
    QVERIFY2(all.contains(message), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("presets.yaml:")), qPrintable(all));
    QCOMPARE(all.count(QStringLiteral(": error: ")), 1); // one problem, one message
}

// docs/integrations.md promises that its examples load: every tag list in the four sections
// of this area (4-20 mA, LoRaWAN, IO-Link, edge gateway) is loaded into a plant that has the
// connections the examples name.
void TestPayloadPresets::docExamplesLoad()
{
    QFile f(test::sourceDir() + QStringLiteral("/docs/integrations.md"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(f.readAll());
    const qsizetype from = doc.indexOf(QStringLiteral("## 4-20 mA analog inputs"));
    const qsizetype to = doc.indexOf(QStringLiteral("## Cloud brokers"));
    QVERIFY(from >= 0 && to > from);
    const QStringList lines = doc.mid(from, to - from).split(u'\n');
    int blocks = 0;
    bool inBlock = false;
    QStringList tags;
    for (const QString &line : lines) {
        if (line.startsWith(QStringLiteral("```"))) {
            if (inBlock && !tags.isEmpty()) {
                ++blocks;
                const QString yaml = QStringLiteral(
                    "andon: 1\nplant: { enterprise: t }\nconnections:\n  mqtt:\n"
                    "    - { id: lns }\n    - { id: tts }\n    - { id: plant }\n"
                    "  modbus:\n    - { id: io1 }\nsites:\n  - name: s\n    areas:\n"
                    "      - name: a\n        tags:\n")
                    + tags.join(u'\n') + u'\n';
                const ConfigResult c = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("doc.yaml"));
                QVERIFY2(c.ok(), qPrintable(yaml + c.formattedMessages().join(u'\n')));
            }
            inBlock = !inBlock;
            tags.clear();
            continue;
        }
        // A tag list item ("  - ...") and its continuation lines (indented deeper).
        if (inBlock && (line.startsWith(QStringLiteral("  - "))
                || (!tags.isEmpty() && line.startsWith(QStringLiteral("    ")))))
            tags << QStringLiteral("        ") + line;
    }
    QCOMPARE(blocks, 7);
}

QTEST_GUILESS_MAIN(TestPayloadPresets)
#include "tst_payload_presets.moc"
