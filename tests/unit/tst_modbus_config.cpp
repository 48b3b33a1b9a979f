// Tests for the Modbus part of the configuration schema: connections.modbus devices and the
// per-tag `modbus:` binding (addressing conventions, types, orders, poll groups), with the
// exact "file:line:column" of every error. Lines and columns are counted in the template
// below: the binding text starts at line 17, column 40; a device text at line 5, column 7.
// Columns inside a one-line text are that column plus the marker's index in the text.
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QTest>

using namespace andon;

namespace {

const QString kFile = QStringLiteral("plant.yaml");
constexpr int kBindingLine = 17;
constexpr int kBindingColumn = 40; // after 18 spaces and "- { name: t, modbus: "
constexpr int kDeviceLine = 5;
constexpr int kDeviceColumn = 7; // after 4 spaces and "- "
const QString kTagPath = QStringLiteral("sites[0].areas[0].lines[0].machines[0].tags[0]");

// %1: first device, %2: the tag line(s) after "tags:".
QByteArray plant(const QString &device, const QString &tags)
{
    return QStringLiteral(
        "andon: 1\n" // 1
        "plant: { enterprise: acme }\n" // 2
        "connections:\n" // 3
        "  modbus:\n" // 4
        "    - %1\n" // 5
        "    - { id: meter, addressing: modicon, max_gap: 4 }\n" // 6
        "sites:\n" // 7
        "  - name: s\n" // 8
        "    areas:\n" // 9
        "      - name: a\n" // 10
        "        lines:\n" // 11
        "          - name: l\n" // 12
        "            machines:\n" // 13
        "              - name: m\n" // 14
        "                states: [{ code: 1, name: Run, category: running }]\n" // 15
        "                tags:\n" // 16
        "%2") // 17
        .arg(device, tags)
        .toUtf8();
}

const QString kPlc1 = QStringLiteral("{ id: plc1, host: 127.0.0.1, port: 1502, poll_ms: 500 }");

QByteArray withBinding(const QString &binding)
{
    return plant(kPlc1,
        QStringLiteral("                  - { name: t, modbus: ") + binding
            + QStringLiteral(" }\n"));
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

QString errorAt(int line, int column, const QString &text)
{
    return kFile + QLatin1Char(':') + QString::number(line) + QLatin1Char(':')
        + QString::number(column) + QStringLiteral(": error: ") + text;
}

} // namespace

class TestModbusConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }

    void deviceDefaults();
    void rtuDevice();
    void bindings_data();
    void bindings();
    void bindingErrors_data();
    void bindingErrors();
    void deviceErrors_data();
    void deviceErrors();
    void pollGroupIntervalConflict();
    void oneSourcePerTag();
    void modbusTagSkipsDefaultMqtt();
    void serialKeysOnTcpWarn();
    void writeMultiple_data();
    void writeMultiple();
};

void TestModbusConfig::deviceDefaults()
{
    const ConfigResult r = ConfigLoader::loadString(
        withBinding(QStringLiteral("{ table: holding, address: 0, device: plc1 }")), kFile);
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    QCOMPARE(r.model->modbusDevices.size(), std::size_t(2));
    const ModbusDevice &d = r.model->modbusDevices[0];
    QCOMPARE(d.id, QStringLiteral("plc1"));
    QCOMPARE(d.transport, ModbusTransport::Tcp);
    QCOMPARE(d.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(d.port, 1502);
    QCOMPARE(d.unitId, 1);
    QCOMPARE(d.timeoutMs, 1000);
    QCOMPARE(d.retries, 1);
    QCOMPARE(d.pollMs, 500);
    QCOMPARE(d.maxGap, 0);
    QCOMPARE(d.addressing, ModbusAddressing::Protocol);
    QCOMPARE(d.endpoint(), QStringLiteral("127.0.0.1:1502"));
    const ModbusDevice &meter = r.model->modbusDevices[1];
    QCOMPARE(meter.addressing, ModbusAddressing::Modicon);
    QCOMPARE(meter.port, 502); // the Modbus/TCP registered port
    QCOMPARE(meter.maxGap, 4);
    QCOMPARE(r.model->modbusDevice(QStringLiteral("meter")), &meter);
    QVERIFY(!r.model->modbusDevice(QStringLiteral("nope")));
}

void TestModbusConfig::rtuDevice()
{
    const ConfigResult r = ConfigLoader::loadString(
        plant(QStringLiteral("{ id: drive, transport: rtu, serial_port: /dev/ttyUSB0, baud: 9600, "
                             "parity: none, stop_bits: 2, unit_id: 17, timeout_ms: 300, "
                             "retries: 3, interframe_us: 4000 }"),
            QStringLiteral("                  - { name: t, modbus: { device: drive, table: "
                           "input, address: 3 } }\n")),
        kFile);
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const ModbusDevice &d = r.model->modbusDevices[0];
    QCOMPARE(d.transport, ModbusTransport::Rtu);
    QCOMPARE(d.serialPort, QStringLiteral("/dev/ttyUSB0"));
    QCOMPARE(d.baud, 9600);
    QCOMPARE(d.parity, ModbusParity::None);
    QCOMPARE(d.dataBits, 8);
    QCOMPARE(d.stopBits, 2);
    QCOMPARE(d.unitId, 17);
    QCOMPARE(d.timeoutMs, 300);
    QCOMPARE(d.retries, 3);
    QCOMPARE(d.interFrameUs, 4000);
    QCOMPARE(d.endpoint(), QStringLiteral("/dev/ttyUSB0@9600 8N2"));
}

void TestModbusConfig::bindings_data()
{
    QTest::addColumn<QString>("binding");
    QTest::addColumn<QString>("device");
    QTest::addColumn<ModbusTable>("table");
    QTest::addColumn<int>("address");
    QTest::addColumn<ModbusType>("type");
    QTest::addColumn<int>("count"); // registers or bits read
    QTest::addColumn<ModbusOrder>("order");
    QTest::addColumn<int>("pollMs");
    QTest::addColumn<bool>("writable");

    using T = ModbusTable;
    using Y = ModbusType;
    using O = ModbusOrder;
    QTest::newRow("protocol holding, defaults")
        << "{ device: plc1, table: holding, address: 0 }"
        << "plc1" << T::HoldingRegister << 0 << Y::UInt16 << 1 << O::ABCD << 500 << false;
    QTest::newRow("modicon 5-digit holding 40001 is protocol 0")
        << "{ device: meter, address: 40001, type: float32, order: CDAB }"
        << "meter" << T::HoldingRegister << 0 << Y::Float32 << 2 << O::CDAB << 1000 << false;
    QTest::newRow("modicon 6-digit input 300010 is protocol 9")
        << "{ device: meter, address: 300010, type: int32 }"
        << "meter" << T::InputRegister << 9 << Y::Int32 << 2 << O::ABCD << 1000 << false;
    QTest::newRow("modicon coil 00001 keeps its zeros")
        << "{ device: meter, address: \"00001\" }"
        << "meter" << T::Coil << 0 << Y::Bool << 1 << O::ABCD << 1000 << false;
    QTest::newRow("modicon discrete 10002")
        << "{ device: meter, address: 10002 }"
        << "meter" << T::DiscreteInput << 1 << Y::Bool << 1 << O::ABCD << 1000 << false;
    QTest::newRow("modicon last holding 465536")
        << "{ device: meter, address: 465536, table: holding }"
        << "meter" << T::HoldingRegister << 65535 << Y::UInt16 << 1 << O::ABCD << 1000 << false;
    QTest::newRow("bit 15 of an input register")
        << "{ device: plc1, table: input, address: 7, type: bit, bit: 15 }"
        << "plc1" << T::InputRegister << 7 << Y::Bit << 1 << O::ABCD << 500 << false;
    QTest::newRow("string of 4 registers")
        << "{ device: plc1, table: holding, address: 100, type: string, length: 4, order: BADC }"
        << "plc1" << T::HoldingRegister << 100 << Y::String << 4 << O::BADC << 500 << false;
    QTest::newRow("float64 ends at 65535")
        << "{ device: plc1, table: holding, address: 65532, type: float64, order: DCBA }"
        << "plc1" << T::HoldingRegister << 65532 << Y::Float64 << 4 << O::DCBA << 500 << false;
    QTest::newRow("uint64") << "{ device: plc1, table: input, address: 12, type: uint64 }"
                            << "plc1" << T::InputRegister << 12 << Y::UInt64 << 4 << O::ABCD << 500
                            << false;
    QTest::newRow("writable coil")
        << "{ device: plc1, table: coil, address: 5, writable: true }"
        << "plc1" << T::Coil << 5 << Y::Bool << 1 << O::ABCD << 500 << true;
    QTest::newRow("own poll group interval")
        << "{ device: plc1, table: holding, address: 1, poll_group: fast, poll_ms: 100 }"
        << "plc1" << T::HoldingRegister << 1 << Y::UInt16 << 1 << O::ABCD << 100 << false;
}

void TestModbusConfig::bindings()
{
    QFETCH(QString, binding);
    const ConfigResult r = ConfigLoader::loadString(withBinding(binding), kFile);
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const TagDef &tag = r.model->tags.at(0);
    QVERIFY(tag.modbus);
    QVERIFY(!tag.mqtt);
    const ModbusBinding &b = *tag.modbus;
    QTEST(b.device, "device");
    QTEST(b.table, "table");
    QTEST(b.address, "address");
    QTEST(b.type, "type");
    QTEST(b.registerCount(), "count");
    QTEST(b.order, "order");
    QTEST(b.pollMs, "pollMs");
    QTEST(b.writable, "writable");
}

void TestModbusConfig::bindingErrors_data()
{
    QTest::addColumn<QString>("binding");
    QTest::addColumn<QString>("marker"); // where in `binding` the error points
    QTest::addColumn<QString>("text"); // message after "error: <tag path>.modbus"

    QTest::newRow("unknown device")
        << "{ device: plc2, table: holding, address: 0 }"
        << "plc2"
        << ".device: unknown Modbus device 'plc2'; defined devices: plc1, meter; did you mean "
           "'plc1'?";
    QTest::newRow("two devices, none named") << "{ table: holding, address: 0 }"
                                             << "{"
                                             << QStringLiteral("missing required key 'device' in ")
            + kTagPath + QStringLiteral(".modbus");
    QTest::newRow("protocol address needs a table")
        << "{ device: plc1, address: 0 }"
        << "{"
        << QStringLiteral("missing required key 'table' in ") + kTagPath
            + QStringLiteral(".modbus");
    QTest::newRow("address past 65535")
        << "{ device: plc1, table: coil, address: 65536 }"
        << "65536"
        << ".address: expected an integer from 0 to 65535, got \"65536\"";
    QTest::newRow("negative address")
        << "{ device: plc1, table: coil, address: -1 }"
        << "-1"
        << ".address: expected an integer from 0 to 65535, got \"-1\"";
    QTest::newRow("not a modicon reference")
        << "{ device: meter, address: 1 }"
        << "1 }"
        << ".address: expected a Modicon reference (device 'meter' uses addressing 'modicon'): "
           "0xxxx coils, 1xxxx discrete inputs, 3xxxx input registers, 4xxxx holding registers, "
           "e.g. 40001 or 400001; got \"1\"";
    QTest::newRow("modicon reference 0 does not exist")
        << "{ device: meter, address: 40000 }"
        << "40000"
        << ".address: expected a Modicon reference (device 'meter' uses addressing 'modicon'): "
           "0xxxx coils, 1xxxx discrete inputs, 3xxxx input registers, 4xxxx holding registers, "
           "e.g. 40001 or 400001; got \"40000\"";
    QTest::newRow("modicon table 2 does not exist")
        << "{ device: meter, address: 20001 }"
        << "20001"
        << ".address: expected a Modicon reference (device 'meter' uses addressing 'modicon'): "
           "0xxxx coils, 1xxxx discrete inputs, 3xxxx input registers, 4xxxx holding registers, "
           "e.g. 40001 or 400001; got \"20001\"";
    QTest::newRow("table contradicts modicon digit")
        << "{ device: meter, table: input, address: 40001 }"
        << "input"
        << ".table: table 'input' contradicts the Modicon address 40001, which is in table "
           "'holding'";
    QTest::newRow("bool on a register")
        << "{ device: plc1, table: holding, address: 0, type: bool }"
        << "bool }"
        << ".type: a register is 16 bits; for one of them use type 'bit' with 'bit: 0..15'";
    QTest::newRow("int16 on a coil")
        << "{ device: plc1, table: coil, address: 0, type: int16 }"
        << "int16"
        << ".type: table 'coil' holds single bits; its only type is 'bool'";
    QTest::newRow("unknown type")
        << "{ device: plc1, table: holding, address: 0, type: real }"
        << "real"
        << ".type: unknown type 'real'; expected one of: bool, bit, int16, uint16, int32, "
           "uint32, int64, uint64, float32, float64, string";
    QTest::newRow("bit without type bit") << "{ device: plc1, table: holding, address: 0, bit: 3 }"
                                          << "bit:"
                                          << ".bit: only used with type 'bit'";
    QTest::newRow("bit 16") << "{ device: plc1, table: holding, address: 0, type: bit, bit: 16 }"
                            << "16"
                            << ".bit: expected an integer from 0 to 15, got \"16\"";
    QTest::newRow("string without length")
        << "{ device: plc1, table: holding, address: 0, type: string }"
        << "{"
        << QStringLiteral("missing required key 'length' in ") + kTagPath
            + QStringLiteral(".modbus");
    QTest::newRow("string longer than one read")
        << "{ device: plc1, table: holding, address: 0, type: string, length: 126 }"
        << "126"
        << ".length: expected an integer from 1 to 125, got \"126\"";
    QTest::newRow("order on a coil") << "{ device: plc1, table: coil, address: 0, order: CDAB }"
                                     << "order"
                                     << ".order: byte order does not apply to table 'coil'";
    QTest::newRow("unknown order")
        << "{ device: plc1, table: holding, address: 0, order: ABDC }"
        << "ABDC"
        << ".order: unknown order 'ABDC'; expected one of: ABCD, CDAB, BADC, DCBA";
    QTest::newRow("value runs past 65535")
        << "{ device: plc1, table: holding, address: 65533, type: float64 }"
        << "65533"
        << ".address: the value needs 4 registers from address 65533, past the last address "
           "65535";
    QTest::newRow("write_multiple on an input register")
        << "{ device: plc1, table: input, address: 0, write_multiple: true }"
        << "true"
        << ".write_multiple: table 'input' is read-only in Modbus; write_multiple applies to "
           "'holding' and 'coil'";
    QTest::newRow("write_multiple not a boolean")
        << "{ device: plc1, table: coil, address: 0, write_multiple: always }"
        << "always"
        << ".write_multiple: expected true or false, got \"always\"";
    QTest::newRow("writable input register")
        << "{ device: plc1, table: input, address: 0, writable: true }"
        << "true"
        << ".writable: table 'input' is read-only in Modbus; only 'holding' and 'coil' can be "
           "written";
    QTest::newRow("typo in a key") << "{ device: plc1, table: holding, adress: 0 }"
                                   << "adress"
                                   << " missing"; // two messages; checked specially below
    QTest::newRow("poll_ms too fast")
        << "{ device: plc1, table: holding, address: 0, poll_ms: 5 }"
        << "5 }"
        << ".poll_ms: expected an integer from 10 to 86400000, got \"5\"";
}

void TestModbusConfig::bindingErrors()
{
    QFETCH(QString, binding);
    QFETCH(QString, marker);
    QFETCH(QString, text);
    const ConfigResult r = ConfigLoader::loadString(withBinding(binding), kFile);
    QVERIFY(!r.ok());
    const QStringList errors = errorsOf(r);
    const int column = kBindingColumn + static_cast<int>(binding.indexOf(marker));
    QVERIFY(binding.indexOf(marker) >= 0);
    if (text == u" missing") {
        // A misspelt key is reported where it is, and the key it replaced as missing.
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors[0],
            errorAt(kBindingLine, kBindingColumn,
                QStringLiteral("missing required key 'address' in ") + kTagPath
                    + QStringLiteral(".modbus")));
        QCOMPARE(errors[1],
            errorAt(kBindingLine, column,
                QStringLiteral("unknown key 'adress' in ") + kTagPath
                    + QStringLiteral(".modbus; did you mean 'address'?")));
        return;
    }
    // Missing keys are reported at the map, without the key path in front.
    const QString message
        = text.startsWith(u"missing") ? text : kTagPath + QStringLiteral(".modbus") + text;
    QCOMPARE(errors, QStringList { errorAt(kBindingLine, column, message) });
}

void TestModbusConfig::deviceErrors_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("marker");
    QTest::addColumn<QString>("text");
    const QString p = QStringLiteral("connections.modbus[0]");

    QTest::newRow("unknown transport") << "{ id: plc1, transport: serial }"
                                       << "serial"
                                       << p
            + QStringLiteral(
                ".transport: unknown transport 'serial'; expected one of: tcp, rtu, rtu-over-tcp");
    QTest::newRow("rtu without serial port")
        << "{ id: plc1, transport: rtu }"
        << "{" << QStringLiteral("missing required key 'serial_port' in ") + p;
    QTest::newRow("unit id 256") << "{ id: plc1, unit_id: 256 }"
                                 << "256"
                                 << p
            + QStringLiteral(".unit_id: expected an integer from 0 to 255, got \"256\"");
    QTest::newRow("max_gap beyond one request")
        << "{ id: plc1, max_gap: 125 }"
        << "125" << p + QStringLiteral(".max_gap: expected an integer from 0 to 124, got \"125\"");
    QTest::newRow("timeout too short")
        << "{ id: plc1, timeout_ms: 5 }"
        << "5 }"
        << p + QStringLiteral(".timeout_ms: expected an integer from 10 to 60000, got \"5\"");
    QTest::newRow("unknown addressing") << "{ id: plc1, addressing: one-based }"
                                        << "one-based"
                                        << p
            + QStringLiteral(
                ".addressing: unknown addressing 'one-based'; expected one of: protocol, modicon");
    QTest::newRow("unknown parity")
        << "{ id: plc1, transport: rtu, serial_port: x, parity: mark }"
        << "mark"
        << p + QStringLiteral(".parity: unknown parity 'mark'; expected one of: none, even, odd");
    QTest::newRow("write_multiple not a boolean")
        << "{ id: plc1, write_multiple: 16 }"
        << "16 }" << p + QStringLiteral(".write_multiple: expected true or false, got \"16\"");
    QTest::newRow("same id as the second device")
        << "{ id: meter }"
        << "meter"
        << "connections.modbus[1].id: duplicate Modbus device id 'meter'; first defined at line "
           "5, column 13";
}

void TestModbusConfig::deviceErrors()
{
    QFETCH(QString, device);
    QFETCH(QString, marker);
    QFETCH(QString, text);
    // The tag names the second device, so a broken first device causes no second error; its
    // binding is valid in both addressing conventions (for the duplicate "meter" row).
    const ConfigResult r = ConfigLoader::loadString(
        plant(device,
            QStringLiteral("                  - { name: t, modbus: { device: meter, table: "
                           "holding, address: 40001 } }\n")),
        kFile);
    QVERIFY(!r.ok());
    int line = kDeviceLine;
    int column = kDeviceColumn + static_cast<int>(device.indexOf(marker));
    if (QLatin1String(QTest::currentDataTag()) == QLatin1String("same id as the second device")) {
        line = 6; // the duplicate is the second definition: "    - { id: meter" on line 6
        column = 13;
    }
    QCOMPARE(errorsOf(r), QStringList { errorAt(line, column, text) });
}

void TestModbusConfig::pollGroupIntervalConflict()
{
    // Line 17 sets group "fast" to 100 ms at column 79 ("100"); line 18 asks for 250 ms.
    const QString tags = QStringLiteral(
        "                  - { name: a, modbus: { device: plc1, table: holding, address: 0, "
        "poll_group: fast, poll_ms: 100 } }\n"
        "                  - { name: b, modbus: { device: plc1, table: holding, address: 1, "
        "poll_group: fast, poll_ms: 250 } }\n"
        "                  - { name: c, modbus: { device: plc1, table: holding, address: 2, "
        "poll_group: fast } }\n");
    const ConfigResult r = ConfigLoader::loadString(plant(kPlc1, tags), kFile);
    const QString where = QStringLiteral("sites[0].areas[0].lines[0].machines[0].tags[%1].modbus");
    const int pollMsColumn = 19
        + int(QStringLiteral("- { name: a, modbus: { device: plc1, table: "
                             "holding, address: 0, poll_group: fast, "
                             "poll_ms: ")
                  .size());
    // Tag c inherits the device's 500 ms, which contradicts "fast" too; it is reported at
    // its poll_group value.
    const int groupColumn = 19
        + int(QStringLiteral("- { name: c, modbus: { device: plc1, table: "
                             "holding, address: 2, poll_group: ")
                  .size());
    QCOMPARE(errorsOf(r),
        (QStringList {
            errorAt(18, pollMsColumn,
                where.arg(1)
                    + QStringLiteral(": poll group 'fast' of device 'plc1' already polls every "
                                     "100 ms (line 17, column ")
                    + QString::number(pollMsColumn)
                    + QStringLiteral("), not 250 ms; use another poll_group for another "
                                     "interval")),
            errorAt(19, groupColumn,
                where.arg(2)
                    + QStringLiteral(": poll group 'fast' of device 'plc1' already polls every "
                                     "100 ms (line 17, column ")
                    + QString::number(pollMsColumn)
                    + QStringLiteral("), not 500 ms; use another poll_group for another "
                                     "interval")),
        }));
}

void TestModbusConfig::oneSourcePerTag()
{
    const QString tags = QStringLiteral(
        "                  - { name: t, mqtt: { topic: x }, modbus: { device: plc1, table: coil, "
        "address: 0 } }\n");
    const QByteArray yaml
        = plant(kPlc1, tags).replace("connections:\n", "connections:\n  mqtt: [{ id: broker }]\n");
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile);
    // One line more above the tags: the tag is on line 18; "modbus" key at column 52.
    const int modbusColumn = 19 + int(QStringLiteral("- { name: t, mqtt: { topic: x }, ").size());
    const int mqttColumn = 19 + int(QStringLiteral("- { name: t, ").size());
    QCOMPARE(errorsOf(r),
        QStringList { errorAt(18, modbusColumn,
            kTagPath
                + QStringLiteral(".modbus: a tag has one source; it already has an 'mqtt' "
                                 "binding at line 18, column ")
                + QString::number(mqttColumn)) });
}

void TestModbusConfig::modbusTagSkipsDefaultMqtt()
{
    QByteArray yaml = withBinding(QStringLiteral("{ device: plc1, table: coil, address: 0 }"));
    yaml.replace("connections:\n", "connections:\n  mqtt: [{ id: broker }]\n");
    yaml += "                  - { name: u }\ndefault_mqtt: { format: number }\n";
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile);
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    QVERIFY(r.model->tags[0].modbus);
    QVERIFY(!r.model->tags[0].mqtt);
    QVERIFY(!r.model->tags[1].modbus);
    QVERIFY(r.model->tags[1].mqtt); // the plain tag still gets default_mqtt
}

void TestModbusConfig::serialKeysOnTcpWarn()
{
    const ConfigResult r = ConfigLoader::loadString(
        plant(QStringLiteral("{ id: plc1, baud: 9600 }"),
            QStringLiteral("                  - { name: t, modbus: { device: meter, address: "
                           "40001 } }\n")),
        kFile);
    QVERIFY(r.ok());
    // (The other warning is about machine m having no state tag.)
    const QStringList warnings = r.formattedMessages().filter(QStringLiteral("ignored"));
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.front(),
        kFile
            + QStringLiteral(":5:19: warning: connections.modbus[0].baud is ignored for "
                             "transport 'tcp' (serial settings apply to 'rtu')"));
}


// write_multiple (FC15/FC16 for one coil/register): the device's setting, overridden per tag.
void TestModbusConfig::writeMultiple_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("binding");
    QTest::addColumn<bool>("expected");
    QTest::newRow("default off") << kPlc1 << "{ device: plc1, table: coil, address: 1 }" << false;
    QTest::newRow("from the device")
        << "{ id: plc1, write_multiple: true }"
        << "{ device: plc1, table: holding, address: 1, writable: true }" << true;
    QTest::newRow("tag overrides the device")
        << "{ id: plc1, write_multiple: true }"
        << "{ device: plc1, table: coil, address: 1, writable: true, write_multiple: false }"
        << false;
    QTest::newRow("tag only")
        << kPlc1 << "{ device: plc1, table: holding, address: 1, write_multiple: yes }" << true;
}

void TestModbusConfig::writeMultiple()
{
    QFETCH(QString, device);
    QFETCH(QString, binding);
    const ConfigResult r = ConfigLoader::loadString(
        plant(device,
            QStringLiteral("                  - { name: t, modbus: ") + binding
                + QStringLiteral(" }\n")),
        kFile);
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    QTEST(r.model->tags.at(0).modbus->writeMultiple, "expected");
    QCOMPARE(r.model->modbusDevices.at(1).writeMultiple, false); // "meter" never sets it
}

QTEST_GUILESS_MAIN(TestModbusConfig)
#include "tst_modbus_config.moc"
