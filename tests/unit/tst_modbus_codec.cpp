// Tests for andon::modbus codec: every numeric type in all four word/byte orders, bits,
// strings, scale/offset, bad values, and the write-path inverse. The register images were
// computed independently with Python's struct module by tests/reference/
// modbus_decode_reference.py (its output is pasted in decode_data()).
#include "connectors/modbus/modbus_codec.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <cmath>

using namespace andon;
using namespace andon::modbus;

using Registers = std::vector<std::uint16_t>;
Q_DECLARE_METATYPE(Registers)

class TestModbusCodec : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void decode_data();
    void decode();
    void encodeIsInverse_data() { decode_data(); }
    void encodeIsInverse();
    void bits_data();
    void bits();
    void strings_data();
    void strings();
    void scaleAndOffset();
    void nanIsBadSensor();
    void nonNumericStringIsDecodeError();
    void wrongRegisterCount();
    void encodeRejectsOutOfRange_data();
    void encodeRejectsOutOfRange();
    void interpretations();
};

void TestModbusCodec::decode_data()
{
    QTest::addColumn<ModbusType>("type");
    QTest::addColumn<ModbusOrder>("order");
    QTest::addColumn<Registers>("registers");
    QTest::addColumn<double>("expected");
    const auto row = [](const char *name, ModbusType t, ModbusOrder o, Registers r, double v) {
        QTest::newRow(name) << t << o << r << v;
    };
    // --- pasted output of tests/reference/modbus_decode_reference.py ---
    row("int16 -2 ABCD", ModbusType::Int16, ModbusOrder::ABCD, { 0xFFFE }, -2.0);
    row("int16 -2 CDAB", ModbusType::Int16, ModbusOrder::CDAB, { 0xFFFE }, -2.0);
    row("int16 -2 BADC", ModbusType::Int16, ModbusOrder::BADC, { 0xFEFF }, -2.0);
    row("int16 -2 DCBA", ModbusType::Int16, ModbusOrder::DCBA, { 0xFEFF }, -2.0);
    row("uint16 65534 ABCD", ModbusType::UInt16, ModbusOrder::ABCD, { 0xFFFE }, 65534.0);
    row("uint16 65534 CDAB", ModbusType::UInt16, ModbusOrder::CDAB, { 0xFFFE }, 65534.0);
    row("uint16 65534 BADC", ModbusType::UInt16, ModbusOrder::BADC, { 0xFEFF }, 65534.0);
    row("uint16 65534 DCBA", ModbusType::UInt16, ModbusOrder::DCBA, { 0xFEFF }, 65534.0);
    row("int32 -123456789 ABCD", ModbusType::Int32, ModbusOrder::ABCD, { 0xF8A4, 0x32EB },
        -123456789.0);
    row("int32 -123456789 CDAB", ModbusType::Int32, ModbusOrder::CDAB, { 0x32EB, 0xF8A4 },
        -123456789.0);
    row("int32 -123456789 BADC", ModbusType::Int32, ModbusOrder::BADC, { 0xA4F8, 0xEB32 },
        -123456789.0);
    row("int32 -123456789 DCBA", ModbusType::Int32, ModbusOrder::DCBA, { 0xEB32, 0xA4F8 },
        -123456789.0);
    row("uint32 4000000000 ABCD", ModbusType::UInt32, ModbusOrder::ABCD, { 0xEE6B, 0x2800 },
        4000000000.0);
    row("uint32 4000000000 CDAB", ModbusType::UInt32, ModbusOrder::CDAB, { 0x2800, 0xEE6B },
        4000000000.0);
    row("uint32 4000000000 BADC", ModbusType::UInt32, ModbusOrder::BADC, { 0x6BEE, 0x0028 },
        4000000000.0);
    row("uint32 4000000000 DCBA", ModbusType::UInt32, ModbusOrder::DCBA, { 0x0028, 0x6BEE },
        4000000000.0);
    row("int64 -1234567890123 ABCD", ModbusType::Int64, ModbusOrder::ABCD,
        { 0xFFFF, 0xFEE0, 0x8E04, 0xFB35 }, -1234567890123.0);
    row("int64 -1234567890123 CDAB", ModbusType::Int64, ModbusOrder::CDAB,
        { 0xFB35, 0x8E04, 0xFEE0, 0xFFFF }, -1234567890123.0);
    row("int64 -1234567890123 BADC", ModbusType::Int64, ModbusOrder::BADC,
        { 0xFFFF, 0xE0FE, 0x048E, 0x35FB }, -1234567890123.0);
    row("int64 -1234567890123 DCBA", ModbusType::Int64, ModbusOrder::DCBA,
        { 0x35FB, 0x048E, 0xE0FE, 0xFFFF }, -1234567890123.0);
    row("uint64 1234567890123456 ABCD", ModbusType::UInt64, ModbusOrder::ABCD,
        { 0x0004, 0x62D5, 0x3C8A, 0xBAC0 }, 1234567890123456.0);
    row("uint64 1234567890123456 CDAB", ModbusType::UInt64, ModbusOrder::CDAB,
        { 0xBAC0, 0x3C8A, 0x62D5, 0x0004 }, 1234567890123456.0);
    row("uint64 1234567890123456 BADC", ModbusType::UInt64, ModbusOrder::BADC,
        { 0x0400, 0xD562, 0x8A3C, 0xC0BA }, 1234567890123456.0);
    row("uint64 1234567890123456 DCBA", ModbusType::UInt64, ModbusOrder::DCBA,
        { 0xC0BA, 0x8A3C, 0xD562, 0x0400 }, 1234567890123456.0);
    row("float32 123.456 ABCD", ModbusType::Float32, ModbusOrder::ABCD, { 0x42F6, 0xE979 },
        123.45600128173828);
    row("float32 123.456 CDAB", ModbusType::Float32, ModbusOrder::CDAB, { 0xE979, 0x42F6 },
        123.45600128173828);
    row("float32 123.456 BADC", ModbusType::Float32, ModbusOrder::BADC, { 0xF642, 0x79E9 },
        123.45600128173828);
    row("float32 123.456 DCBA", ModbusType::Float32, ModbusOrder::DCBA, { 0x79E9, 0xF642 },
        123.45600128173828);
    row("float32 -1.5 ABCD", ModbusType::Float32, ModbusOrder::ABCD, { 0xBFC0, 0x0000 }, -1.5);
    row("float32 -1.5 CDAB", ModbusType::Float32, ModbusOrder::CDAB, { 0x0000, 0xBFC0 }, -1.5);
    row("float32 -1.5 BADC", ModbusType::Float32, ModbusOrder::BADC, { 0xC0BF, 0x0000 }, -1.5);
    row("float32 -1.5 DCBA", ModbusType::Float32, ModbusOrder::DCBA, { 0x0000, 0xC0BF }, -1.5);
    row("float64 -9876.54321 ABCD", ModbusType::Float64, ModbusOrder::ABCD,
        { 0xC0C3, 0x4A45, 0x87E7, 0xC06E }, -9876.54321);
    row("float64 -9876.54321 CDAB", ModbusType::Float64, ModbusOrder::CDAB,
        { 0xC06E, 0x87E7, 0x4A45, 0xC0C3 }, -9876.54321);
    row("float64 -9876.54321 BADC", ModbusType::Float64, ModbusOrder::BADC,
        { 0xC3C0, 0x454A, 0xE787, 0x6EC0 }, -9876.54321);
    row("float64 -9876.54321 DCBA", ModbusType::Float64, ModbusOrder::DCBA,
        { 0x6EC0, 0xE787, 0x454A, 0xC3C0 }, -9876.54321);
    // --- end of pasted output ---
}

void TestModbusCodec::decode()
{
    QFETCH(ModbusType, type);
    QFETCH(ModbusOrder, order);
    QFETCH(Registers, registers);
    QFETCH(double, expected);
    ModbusBinding b;
    b.type = type;
    b.order = order;
    const DecodedValue v = decodeRegisters(b, registers);
    QCOMPARE(v.q, Quality::Good);
    QVERIFY(v.error.isEmpty());
    QCOMPARE(v.value, expected);
}

void TestModbusCodec::encodeIsInverse()
{
    QFETCH(ModbusType, type);
    QFETCH(ModbusOrder, order);
    QFETCH(Registers, registers);
    QFETCH(double, expected);
    ModbusBinding b;
    b.type = type;
    b.order = order;
    Registers out;
    QString error;
    QVERIFY2(encodeRegisters(b, expected, &out, &error), qPrintable(error));
    QCOMPARE(out, registers);
}

void TestModbusCodec::bits_data()
{
    QTest::addColumn<std::uint16_t>("reg");
    QTest::addColumn<ModbusOrder>("order");
    QTest::addColumn<int>("bit");
    QTest::addColumn<double>("expected");
    // 0x8001: bits 15 and 0 set. Byte-swapped (BADC/DCBA) the device meant 0x0180: bits 8, 7.
    QTest::newRow("bit 0") << std::uint16_t(0x8001) << ModbusOrder::ABCD << 0 << 1.0;
    QTest::newRow("bit 1") << std::uint16_t(0x8001) << ModbusOrder::ABCD << 1 << 0.0;
    QTest::newRow("bit 15") << std::uint16_t(0x8001) << ModbusOrder::ABCD << 15 << 1.0;
    QTest::newRow("bit 15 CDAB (one word: no swap)")
        << std::uint16_t(0x8001) << ModbusOrder::CDAB << 15 << 1.0;
    QTest::newRow("bit 15 BADC") << std::uint16_t(0x8001) << ModbusOrder::BADC << 15 << 0.0;
    QTest::newRow("bit 8 BADC") << std::uint16_t(0x8001) << ModbusOrder::BADC << 8 << 1.0;
    QTest::newRow("bit 7 DCBA") << std::uint16_t(0x8001) << ModbusOrder::DCBA << 7 << 1.0;
    QTest::newRow("bit 0 DCBA") << std::uint16_t(0x8001) << ModbusOrder::DCBA << 0 << 0.0;
}

void TestModbusCodec::bits()
{
    QFETCH(std::uint16_t, reg);
    QFETCH(ModbusOrder, order);
    QFETCH(int, bit);
    QFETCH(double, expected);
    ModbusBinding b;
    b.type = ModbusType::Bit;
    b.order = order;
    b.bit = bit;
    const Registers r { reg };
    const DecodedValue v = decodeRegisters(b, r);
    QCOMPARE(v.q, Quality::Good);
    QCOMPARE(v.value, expected);
}

void TestModbusCodec::strings_data()
{
    QTest::addColumn<Registers>("registers");
    QTest::addColumn<ModbusOrder>("order");
    QTest::addColumn<QString>("text");
    // ASCII: '1' 0x31, '2' 0x32, '3' 0x33, '4' 0x34, 'A' 0x41, ' ' 0x20.
    QTest::newRow("high byte first")
        << Registers { 0x3132, 0x3334 } << ModbusOrder::ABCD << QStringLiteral("1234");
    QTest::newRow("low byte first")
        << Registers { 0x3231, 0x3433 } << ModbusOrder::BADC << QStringLiteral("1234");
    QTest::newRow("NUL padded") << Registers { 0x4131, 0x0000, 0x3939 } << ModbusOrder::ABCD
                                << QStringLiteral("A1");
    QTest::newRow("space padded") << Registers { 0x4120, 0x2020 } << ModbusOrder::ABCD
                                  << QStringLiteral("A");
    QTest::newRow("odd length NUL in low byte")
        << Registers { 0x4142, 0x4300 } << ModbusOrder::ABCD << QStringLiteral("ABC");
}

void TestModbusCodec::strings()
{
    QFETCH(Registers, registers);
    QFETCH(ModbusOrder, order);
    QFETCH(QString, text);
    QCOMPARE(decodeString(registers, order), text);
}

void TestModbusCodec::scaleAndOffset()
{
    ModbusBinding b;
    b.type = ModbusType::Int16;
    b.scale = 0.1;
    b.offset = -40;
    // 0xFF9C = -100 as int16; -100 * 0.1 - 40 = -50.
    const DecodedValue v = decodeRegisters(b, Registers { 0xFF9C });
    QCOMPARE(v.q, Quality::Good);
    QCOMPARE(v.value, -50.0);

    ModbusBinding coil;
    coil.table = ModbusTable::Coil;
    coil.type = ModbusType::Bool;
    coil.scale = 100;
    QCOMPARE(decodeBit(coil, true).value, 100.0);
    QCOMPARE(decodeBit(coil, false).value, 0.0);

    ModbusBinding text;
    text.type = ModbusType::String;
    text.length = 2;
    text.scale = 2;
    QCOMPARE(decodeRegisters(text, Registers { 0x3132, 0x3334 }).value, 2468.0);
}

void TestModbusCodec::nanIsBadSensor()
{
    ModbusBinding b;
    b.type = ModbusType::Float32;
    // 0x7FC00000 is the IEEE 754 single quiet NaN; 0x7F800000 is +infinity.
    DecodedValue v = decodeRegisters(b, Registers { 0x7FC0, 0x0000 });
    QCOMPARE(v.q, Quality::BadSensorFailure);
    QVERIFY(std::isnan(v.value));
    QCOMPARE(v.error, QStringLiteral("the device reports NaN (no valid reading)"));
    v = decodeRegisters(b, Registers { 0x7F80, 0x0000 });
    QCOMPARE(v.q, Quality::BadSensorFailure);
    QCOMPARE(v.error, QStringLiteral("the device reports infinity (no valid reading)"));
}

void TestModbusCodec::nonNumericStringIsDecodeError()
{
    ModbusBinding b;
    b.type = ModbusType::String;
    b.length = 2;
    const DecodedValue v = decodeRegisters(b, Registers { 0x502D, 0x4131 }); // "P-A1"
    QCOMPARE(v.q, Quality::BadDecodeError);
    QCOMPARE(v.error, QStringLiteral("text \"P-A1\" is not a number"));
}

void TestModbusCodec::wrongRegisterCount()
{
    ModbusBinding b;
    b.type = ModbusType::Float64;
    const DecodedValue v = decodeRegisters(b, Registers { 1, 2 });
    QCOMPARE(v.q, Quality::BadDecodeError);
    QCOMPARE(v.error, QStringLiteral("expected 4 registers, got 2"));
}

void TestModbusCodec::encodeRejectsOutOfRange_data()
{
    QTest::addColumn<ModbusType>("type");
    QTest::addColumn<double>("value");
    QTest::newRow("int16 32768") << ModbusType::Int16 << 32768.0;
    QTest::newRow("int16 -32769") << ModbusType::Int16 << -32769.0;
    QTest::newRow("uint16 -1") << ModbusType::UInt16 << -1.0;
    QTest::newRow("uint16 1.5") << ModbusType::UInt16 << 1.5;
    QTest::newRow("uint32 2^32") << ModbusType::UInt32 << 4294967296.0;
    QTest::newRow("float32 1e39") << ModbusType::Float32 << 1e39;
    QTest::newRow("string") << ModbusType::String << 1.0;
}

void TestModbusCodec::encodeRejectsOutOfRange()
{
    QFETCH(ModbusType, type);
    QFETCH(double, value);
    ModbusBinding b;
    b.type = type;
    b.length = 2;
    Registers out;
    QString error;
    QVERIFY(!encodeRegisters(b, value, &out, &error));
    QVERIFY(!error.isEmpty());
}

void TestModbusCodec::interpretations()
{
    // float32 123.456 in CDAB order followed by two zero registers (from the reference rows
    // above), as the scan tool would read them from a device.
    const Registers regs { 0xE979, 0x42F6, 0x0000, 0x0000 };
    const std::vector<Interpretation> all = interpretRegisters(regs);
    // Per offset: 2 one-register types x 2 orders; 3 two-register types x 4 orders while two
    // registers remain (offsets 0..2); 3 four-register types x 4 orders at offset 0 only.
    QCOMPARE(all.size(), std::size_t(4 * 4 + 12 * 3 + 12 * 1));
    const auto find = [&](int offset, ModbusType t, ModbusOrder o) {
        for (const Interpretation &i : all) {
            if (i.offset == offset && i.type == t && i.order == o)
                return i.value;
        }
        return -1.0;
    };
    QCOMPARE(find(0, ModbusType::Float32, ModbusOrder::CDAB), 123.45600128173828);
    QCOMPARE(find(0, ModbusType::UInt16, ModbusOrder::ABCD), double(0xE979));
    QCOMPARE(find(0, ModbusType::UInt16, ModbusOrder::BADC), double(0x79E9));
    QCOMPARE(find(1, ModbusType::UInt32, ModbusOrder::ABCD), double(0x42F60000u));
    QCOMPARE(find(0, ModbusType::UInt16, ModbusOrder::CDAB), -1.0); // same as ABCD: not listed
    QCOMPARE(find(1, ModbusType::Float64, ModbusOrder::ABCD), -1.0); // needs 4 registers
    QCOMPARE(all.front().offset, 0);
    QCOMPARE(all.back().offset, 3);
}

QTEST_GUILESS_MAIN(TestModbusCodec)
#include "tst_modbus_codec.moc"
