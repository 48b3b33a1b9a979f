// 4-20 mA analog inputs (core/analog_signal.h): counts -> mA -> engineering units and the
// signal quality of NAMUR NE 43 (2003) "Standardization of the signal level for the failure
// information of digital transmitters": 4..20 mA is the measuring range, 3.8..20.5 mA still a
// measurement (here Uncertain outside 4..20), below 3.8 mA or above 20.5 mA a failure (Bad).
// Every expected number below is worked out by hand in the row's comment.
#include "connectors/modbus/modbus_codec.h"
#include "connectors/mqtt/payload_decoder.h"
#include "core/analog_signal.h"
#include "core/config_loader.h"

#include <QTest>

#include <cmath>

using namespace andon;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

// The analog part of a plant with one Modbus device and one MQTT connection.
ConfigResult load(const QString &tags)
{
    const QString yaml = QStringLiteral("andon: 1\n"
                                        "plant: { enterprise: t }\n"
                                        "connections:\n"
                                        "  modbus:\n"
                                        "    - { id: io1, port: 1502 }\n"
                                        "  mqtt:\n"
                                        "    - { id: b, port: 1883 }\n"
                                        "sites:\n"
                                        "  - name: s\n"
                                        "    areas:\n"
                                        "      - name: a\n"
                                        "        tags:\n")
        + tags;
    return ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("analog.yaml"));
}

} // namespace

class TestAnalogSignal : public QObject
{
    Q_OBJECT

private slots:
    void ne43Boundaries_data();
    void ne43Boundaries();
    void converterCounts_data();
    void converterCounts();
    void reasonNamesTheCurrent();
    void withoutRangeTheValueIsMilliamps();
    void modbusConfig();
    void modbusConfigErrors_data();
    void modbusConfigErrors();
    void modbusCodecKeepsTheValue();
    void mqttFieldInMilliamps();
};

void TestAnalogSignal::ne43Boundaries_data()
{
    // Identity scaling (the reading is the current in mA); range 0..10 bar, so
    // EU = (mA - 4) / 16 * 10.
    QTest::addColumn<double>("ma");
    QTest::addColumn<int>("quality");
    QTest::addColumn<double>("eu");
    const int bad = static_cast<int>(Quality::BadSensorFailure);
    const int uncertain = static_cast<int>(Quality::UncertainEuExceeded);
    const int good = static_cast<int>(Quality::Good);
    QTest::newRow("0 mA wire break") << 0.0 << bad << -2.5;          // -4/16*10
    QTest::newRow("3.79 mA") << 3.79 << bad << -0.13125;             // -0.21/16*10
    QTest::newRow("3.8 mA") << 3.8 << uncertain << -0.125;           // -0.2/16*10
    QTest::newRow("3.99 mA") << 3.99 << uncertain << -0.00625;       // -0.01/16*10
    QTest::newRow("4.0 mA") << 4.0 << good << 0.0;
    QTest::newRow("12 mA") << 12.0 << good << 5.0;                    // 8/16*10
    QTest::newRow("20.0 mA") << 20.0 << good << 10.0;
    QTest::newRow("20.01 mA") << 20.01 << uncertain << 10.00625;     // 16.01/16*10
    QTest::newRow("20.5 mA") << 20.5 << uncertain << 10.3125;        // 16.5/16*10
    QTest::newRow("20.51 mA") << 20.51 << bad << 10.31875;           // 16.51/16*10
    QTest::newRow("22 mA short circuit") << 22.0 << bad << 11.25;    // 18/16*10
}

void TestAnalogSignal::ne43Boundaries()
{
    QFETCH(double, ma);
    QFETCH(int, quality);
    QFETCH(double, eu);
    AnalogScaling s; // raw 4..20 = 4..20 mA
    s.euLow = 0.0;
    s.euHigh = 10.0;
    const AnalogReading r = evaluateAnalog(s, ma);
    QVERIFY2(near(r.milliamps, ma), qPrintable(QString::number(r.milliamps, 'g', 17)));
    QCOMPARE(static_cast<int>(r.q), quality);
    QVERIFY2(near(r.value, eu), qPrintable(QString::number(r.value, 'g', 17)));
    QCOMPARE(r.reason.isEmpty(), quality == static_cast<int>(Quality::Good));
}

void TestAnalogSignal::converterCounts_data()
{
    // mA = ma_min + (raw - raw_min) * (ma_max - ma_min) / (raw_max - raw_min)
    QTest::addColumn<double>("rawMin");
    QTest::addColumn<double>("rawMax");
    QTest::addColumn<double>("maMin");
    QTest::addColumn<double>("maMax");
    QTest::addColumn<double>("raw");
    QTest::addColumn<double>("ma");
    QTest::addColumn<int>("severity"); // 0 good, 1 uncertain, 2 bad
    // Siemens S7 analog input, 4-20 mA range: 0..27648 counts.
    QTest::newRow("S7 mid") << 0.0 << 27648.0 << 4.0 << 20.0 << 13824.0 << 12.0 << 0;
    QTest::newRow("S7 top") << 0.0 << 27648.0 << 4.0 << 20.0 << 27648.0 << 20.0 << 0;
    // 28512 * 16 / 27648 = 16.5 -> 20.5 mA exactly: still a measurement.
    QTest::newRow("S7 20.5 mA") << 0.0 << 27648.0 << 4.0 << 20.0 << 28512.0 << 20.5 << 1;
    // 28513 * 16 / 27648 = 16.500578703... -> 20.500578703 mA
    QTest::newRow("S7 28513") << 0.0 << 27648.0 << 4.0 << 20.0 << 28513.0
                              << 4.0 + 28513.0 * 16.0 / 27648.0 << 2;
    // -345 * 16 / 27648 = -0.19965277... -> 3.80034722 mA (uncertain); -346 -> 3.79976851 (bad)
    QTest::newRow("S7 -345") << 0.0 << 27648.0 << 4.0 << 20.0 << -345.0
                             << 4.0 - 345.0 * 16.0 / 27648.0 << 1;
    QTest::newRow("S7 -346") << 0.0 << 27648.0 << 4.0 << 20.0 << -346.0
                             << 4.0 - 346.0 * 16.0 / 27648.0 << 2;
    // -6912 * 16 / 27648 = -4 -> 0 mA: a broken wire.
    QTest::newRow("S7 wire break") << 0.0 << 27648.0 << 4.0 << 20.0 << -6912.0 << 0.0 << 2;
    // WAGO 750-4xx style 0..32767 for 4..20 mA: 16384 * 16 / 32767 = 8.000244148 -> 12.000244 mA
    QTest::newRow("0..32767 mid") << 0.0 << 32767.0 << 4.0 << 20.0 << 16384.0
                                  << 4.0 + 16384.0 * 16.0 / 32767.0 << 0;
    // Counts in µA: 4000..20000 = 4..20 mA.
    QTest::newRow("uA 3500") << 4000.0 << 20000.0 << 4.0 << 20.0 << 3500.0 << 3.5 << 2;
    QTest::newRow("uA 20300") << 4000.0 << 20000.0 << 4.0 << 20.0 << 20300.0 << 20.3 << 1;
    // A 0-20 mA module (0..27648 = 0..20 mA) wired to a 4-20 mA transmitter:
    // 5530 * 20 / 27648 = 4.000289352 mA; 0 counts = 0 mA.
    QTest::newRow("0-20 mA module 5530") << 0.0 << 27648.0 << 0.0 << 20.0 << 5530.0
                                         << 5530.0 * 20.0 / 27648.0 << 0;
    QTest::newRow("0-20 mA module 0") << 0.0 << 27648.0 << 0.0 << 20.0 << 0.0 << 0.0 << 2;
}

void TestAnalogSignal::converterCounts()
{
    QFETCH(double, rawMin);
    QFETCH(double, rawMax);
    QFETCH(double, maMin);
    QFETCH(double, maMax);
    QFETCH(double, raw);
    QFETCH(double, ma);
    QFETCH(int, severity);
    AnalogScaling s { rawMin, rawMax, maMin, maMax };
    const AnalogReading r = evaluateAnalog(s, raw);
    QVERIFY2(near(r.milliamps, ma), qPrintable(QString::number(r.milliamps, 'g', 17)));
    QCOMPARE(static_cast<int>(andon::severity(r.q)), severity);
}

void TestAnalogSignal::reasonNamesTheCurrent()
{
    const AnalogScaling s;
    QCOMPARE(evaluateAnalog(s, 3.2).reason,
             QStringLiteral("NE 43: 3.2 mA < 3.8 mA, sensor or wire fault"));
    QCOMPARE(evaluateAnalog(s, 0.0).reason,
             QStringLiteral("NE 43: 0 mA < 3.8 mA, sensor or wire fault"));
    QCOMPARE(evaluateAnalog(s, 21.0).reason,
             QStringLiteral("NE 43: 21 mA > 20.5 mA, sensor or wire fault"));
    QCOMPARE(evaluateAnalog(s, 3.9).reason,
             QStringLiteral("NE 43: 3.9 mA < 4 mA, below the measuring range"));
    QCOMPARE(evaluateAnalog(s, 20.3).reason,
             QStringLiteral("NE 43: 20.3 mA > 20 mA, above the measuring range"));
    QVERIFY(evaluateAnalog(s, 12.0).reason.isEmpty());
}

void TestAnalogSignal::withoutRangeTheValueIsMilliamps()
{
    const AnalogScaling s { 0.0, 27648.0, 4.0, 20.0 };
    const AnalogReading r = evaluateAnalog(s, 13824.0);
    QVERIFY(near(r.value, 12.0));
}

void TestAnalogSignal::modbusConfig()
{
    const ConfigResult r = load(QStringLiteral(
        "          - name: p1\n"
        "            unit: bar\n"
        "            range: [0, 10]\n"
        "            modbus: { table: input, address: 3, type: int16,\n"
        "                      analog: { raw_min: 0, raw_max: 27648 } }\n"
        "          - name: p2\n"
        "            modbus: { table: input, address: 4,\n"
        "                      analog: { raw_min: 4000, raw_max: 20000, ma_min: 4, ma_max: 20 } }\n"));
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const ModbusBinding &b1 = *r.model->tags[0].modbus;
    QVERIFY(b1.analog);
    QCOMPARE(b1.analog->rawMin, 0.0);
    QCOMPARE(b1.analog->rawMax, 27648.0);
    QCOMPARE(b1.analog->maMin, 4.0);
    QCOMPARE(b1.analog->maMax, 20.0);
    QCOMPARE(b1.analog->euLow, 0.0);
    QCOMPARE(b1.analog->euHigh, 10.0);
    const ModbusBinding &b2 = *r.model->tags[1].modbus;
    QVERIFY(b2.analog);
    QCOMPARE(b2.analog->rawMin, 4000.0);
    QVERIFY(std::isnan(b2.analog->euLow)); // no range: the value is in mA
}

void TestAnalogSignal::modbusConfigErrors_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("message");
    QTest::newRow("raw range missing")
        << QStringLiteral("          - { name: p, modbus: { address: 3, analog: { ma_min: 4 } } }\n")
        << QStringLiteral("missing required key 'raw_min'");
    QTest::newRow("scale too")
        << QStringLiteral("          - { name: p, modbus: { address: 3, scale: 0.1,\n"
                          "              analog: { raw_min: 0, raw_max: 27648 } } }\n")
        << QStringLiteral("scale: an 'analog' input maps counts to mA");
    QTest::newRow("writable")
        << QStringLiteral("          - { name: p, modbus: { address: 3, writable: true,\n"
                          "              analog: { raw_min: 0, raw_max: 27648 } } }\n")
        << QStringLiteral("writable: an 'analog' input is read-only");
    QTest::newRow("equal raw")
        << QStringLiteral("          - { name: p, modbus: { address: 3,\n"
                          "              analog: { raw_min: 5, raw_max: 5 } } }\n")
        << QStringLiteral("raw_min and raw_max must differ");
    QTest::newRow("bool type")
        << QStringLiteral("          - { name: p, modbus: { table: coil, address: 3,\n"
                          "              analog: { raw_min: 0, raw_max: 1 } } }\n")
        << QStringLiteral("a 4-20 mA input is a number");
    QTest::newRow("unknown key")
        << QStringLiteral("          - { name: p, modbus: { address: 3,\n"
                          "              analog: { raw_min: 0, raw_max: 1, span: 3 } } }\n")
        << QStringLiteral("span");
}

void TestAnalogSignal::modbusConfigErrors()
{
    QFETCH(QString, tag);
    QFETCH(QString, message);
    const ConfigResult r = load(tag);
    QVERIFY(!r.ok());
    const QString all = r.formattedMessages().join(u'\n');
    QVERIFY2(all.contains(message), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("analog.yaml:")), qPrintable(all)); // file:line:col
}

void TestAnalogSignal::modbusCodecKeepsTheValue()
{
    // S7 4-20 mA input on 0..10 bar; -6912 counts = 0 mA (see converterCounts): a broken wire,
    // still stored as -2.5 bar (-4/16*10) so no data is lost.
    ModbusBinding b;
    b.table = ModbusTable::InputRegister;
    b.type = ModbusType::Int16;
    b.analog = AnalogScaling { 0.0, 27648.0, 4.0, 20.0, 0.0, 10.0 };
    const std::uint16_t minus6912 = static_cast<std::uint16_t>(-6912 & 0xFFFF);
    const modbus::DecodedValue v = modbus::decodeRegisters(b, std::vector<std::uint16_t> { minus6912 });
    QCOMPARE(v.q, Quality::BadSensorFailure);
    QVERIFY(near(v.value, -2.5));
    QCOMPARE(v.error, QStringLiteral("NE 43: 0 mA < 3.8 mA, sensor or wire fault"));
    // 13824 counts = 12 mA = 5 bar, Good.
    const modbus::DecodedValue good = modbus::decodeRegisters(b, std::vector<std::uint16_t> { 13824 });
    QCOMPARE(good.q, Quality::Good);
    QVERIFY(near(good.value, 5.0));
    QVERIFY(good.error.isEmpty());
}

void TestAnalogSignal::mqttFieldInMilliamps()
{
    // A JSON field that carries the loop current in mA (analog: {} = raw is mA), range
    // 0..100 %: 3.5 mA is a fault, kept as (3.5-4)/16*100 = -3.125 %; 20.25 mA is Uncertain,
    // (16.25/16)*100 = 101.5625 %.
    const ConfigResult r = load(QStringLiteral(
        "          - name: level\n"
        "            unit: '%'\n"
        "            range: [0, 100]\n"
        "            mqtt: { connection: b, topic: tank/level, value: /ma, analog: {} }\n"));
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    QVERIFY(r.model->tags[0].mqtt->analog);
    mqtt::PayloadDecoder decoder(r.model);
    mqtt::DecodeResult d = decoder.decode(QStringLiteral("b"), QStringLiteral("tank/level"),
                                          QByteArrayLiteral("{\"ma\": 3.5}"), 1000);
    QCOMPARE(d.samples.size(), std::size_t(1));
    QCOMPARE(d.samples[0].q, Quality::BadSensorFailure);
    QVERIFY(near(d.samples[0].value, -3.125));
    d = decoder.decode(QStringLiteral("b"), QStringLiteral("tank/level"),
                       QByteArrayLiteral("{\"ma\": 20.25}"), 1000);
    QCOMPARE(d.samples[0].q, Quality::UncertainEuExceeded);
    QVERIFY(near(d.samples[0].value, 101.5625));
    d = decoder.decode(QStringLiteral("b"), QStringLiteral("tank/level"),
                       QByteArrayLiteral("{\"ma\": 12}"), 1000);
    QCOMPARE(d.samples[0].q, Quality::Good);
    QVERIFY(near(d.samples[0].value, 50.0));
}

QTEST_GUILESS_MAIN(TestAnalogSignal)
#include "tst_analog_signal.moc"
