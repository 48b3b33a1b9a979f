// andon-sim's Modbus register map (sim/modbus_register_map.h) on the demo plant: the documented
// layout (docs/simulator.md "Modbus server"), no overlapping fields, and words that decode back
// both with andon's codec and with byte assembly written here.
#include "connectors/modbus/modbus_codec.h"
#include "core/config_loader.h"
#include "sim/modbus_register_map.h"
#include "tests/support/test_support.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <map>

using andon::ModbusOrder;
using andon::ModbusType;
using andon::sim::ModbusRegisterMap;
using andon::sim::RegisterField;

Q_DECLARE_METATYPE(std::vector<std::uint16_t>)

namespace {

const QString kFeeder = QStringLiteral("acme/berlin/assembly/line1/feeder/");
const QString kPalletizer = QStringLiteral("acme/berlin/packaging/line2/palletizer/");

// Independent decoding: big-endian bytes from registers, words swapped for CDAB.
std::uint32_t assemble32(std::uint16_t first, std::uint16_t second, ModbusOrder order)
{
    if (order == ModbusOrder::CDAB)
        std::swap(first, second);
    return (std::uint32_t{first} << 16) | second;
}

} // namespace

class TestSimModbusMap : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup() { QCOMPARE(andon::test::unexpectedWarnings(), QStringList()); }
    void documentedLayout_data();
    void documentedLayout();
    void fieldsDoNotOverlap();
    void encodesAndDecodesBack_data();
    void encodesAndDecodesBack();

private:
    std::shared_ptr<const andon::PlantModel> m_model;
};

void TestSimModbusMap::initTestCase()
{
    andon::test::installStrictMessageHandler();
    const auto config = andon::ConfigLoader::loadFile(
            andon::test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;
}

void TestSimModbusMap::documentedLayout_data()
{
    // Addresses from the table in docs/simulator.md: machine i (config order) at 1000 * i, its
    // j-th tag at + 10 * j; the tags without a machine in the block after the last machine.
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("address");
    QTest::addColumn<ModbusType>("type");
    QTest::addColumn<ModbusOrder>("order");
    QTest::addColumn<double>("scale");
    QTest::newRow("feeder state") << kFeeder + u"state" << 0 << ModbusType::UInt16
                                  << ModbusOrder::ABCD << 1.0;
    QTest::newRow("feeder good abcd") << kFeeder + u"good_count" << 10 << ModbusType::UInt32
                                      << ModbusOrder::ABCD << 1.0;
    QTest::newRow("feeder good cdab") << kFeeder + u"good_count" << 12 << ModbusType::UInt32
                                      << ModbusOrder::CDAB << 1.0;
    QTest::newRow("feeder rate f32 abcd") << kFeeder + u"rate" << 30 << ModbusType::Float32
                                          << ModbusOrder::ABCD << 1.0;
    QTest::newRow("feeder rate f32 cdab") << kFeeder + u"rate" << 32 << ModbusType::Float32
                                          << ModbusOrder::CDAB << 1.0;
    QTest::newRow("feeder rate x10") << kFeeder + u"rate" << 34 << ModbusType::Int16
                                     << ModbusOrder::ABCD << 0.1;
    QTest::newRow("feeder vibration x100") << kFeeder + u"vibration_rms" << 54
                                           << ModbusType::Int16 << ModbusOrder::ABCD << 0.01;
    QTest::newRow("press state") << QStringLiteral("acme/berlin/assembly/line1/press/state")
                                 << 1000 << ModbusType::UInt16 << ModbusOrder::ABCD << 1.0;
    QTest::newRow("palletizer reject cdab") << kPalletizer + u"reject_count" << 7022
                                            << ModbusType::UInt32 << ModbusOrder::CDAB << 1.0;
    QTest::newRow("palletizer case_weight x100 (3 decimals)")
            << kPalletizer + u"case_weight" << 7114 << ModbusType::Int16 << ModbusOrder::ABCD
            << 0.01;
    // Energy meters: uint32 in the meter's resolution (decimals 2: 0.01 kWh per count).
    QTest::newRow("feeder energy 0.01 kWh") << kFeeder + u"energy" << 100 << ModbusType::UInt32
                                            << ModbusOrder::ABCD << 0.01;
    QTest::newRow("feeder energy cdab") << kFeeder + u"energy" << 102 << ModbusType::UInt32
                                        << ModbusOrder::CDAB << 0.01;
    QTest::newRow("feeder current") << kFeeder + u"motor_current" << 90 << ModbusType::Float32
                                    << ModbusOrder::ABCD << 1.0;
    // The block after the machines, in tag id order: line1 air_flow, air_total (8000, 8010),
    // line2 air_flow, air_total (8020, 8030), ambient_temp (8040), main_power, main_energy,
    // compressor_power, compressor_energy (8050-8080).
    QTest::newRow("line1 air flow") << QStringLiteral("acme/berlin/assembly/line1/air_flow")
                                    << 8000 << ModbusType::Float32 << ModbusOrder::ABCD << 1.0;
    QTest::newRow("ambient (no machine)") << QStringLiteral("acme/berlin/packaging/ambient_temp")
                                          << 8040 << ModbusType::Float32 << ModbusOrder::ABCD
                                          << 1.0;
    QTest::newRow("compressor energy Wh") << QStringLiteral("acme/berlin/compressor_energy")
                                          << 8080 << ModbusType::UInt32 << ModbusOrder::ABCD
                                          << 0.001;
}

void TestSimModbusMap::documentedLayout()
{
    QFETCH(QString, path);
    QFETCH(int, address);
    QFETCH(ModbusType, type);
    QFETCH(ModbusOrder, order);
    QFETCH(double, scale);
    const andon::TagId id = m_model->tagIdByPath(path);
    QVERIFY2(id != andon::kInvalidTag, qPrintable(path));
    const ModbusRegisterMap map(*m_model);
    QVERIFY(map.unmapped().isEmpty());
    bool found = false;
    for (const RegisterField &f : map.fieldsOf(id)) {
        if (f.address == address) {
            found = true;
            QCOMPARE(f.type, type);
            QCOMPARE(f.order, order);
            QCOMPARE(f.scale, scale);
        }
    }
    QVERIFY2(found, qPrintable(QStringLiteral("%1 has no field at %2").arg(path).arg(address)));
}

void TestSimModbusMap::fieldsDoNotOverlap()
{
    const ModbusRegisterMap map(*m_model);
    std::map<int, andon::TagId> owner;
    std::map<andon::TagId, int> fieldsPerTag;
    for (const RegisterField &f : map.fields()) {
        const int words = f.type == ModbusType::Float32 || f.type == ModbusType::UInt32 ? 2 : 1;
        QCOMPARE(f.registerCount(), words);
        QVERIFY(f.address >= 0 && f.address + words <= map.registerCount());
        for (int a = f.address; a < f.address + words; ++a) {
            QVERIFY2(owner.emplace(a, f.tag).second,
                     qPrintable(QStringLiteral("register %1 used twice").arg(a)));
        }
        // Inside the tag's 10-register slot of its machine's block.
        const andon::TagDef &tag = m_model->tags[f.tag];
        const int block = tag.machine >= 0 ? tag.machine
                                           : static_cast<int>(m_model->machines.size());
        QCOMPARE(f.address / 1000, block);
        QCOMPARE((f.address + words - 1) / 10, f.address / 10);
        ++fieldsPerTag[f.tag];
    }
    // Every tag of the plant is served: 1 field for states, 2 for counters, 3 for analogs.
    QCOMPARE(fieldsPerTag.size(), m_model->tags.size());
    for (const andon::TagDef &tag : m_model->tags) {
        const int expected = tag.kind == andon::TagKind::Analog      ? 3
                             : tag.kind == andon::TagKind::Counter ? 2
                                                                   : 1;
        QCOMPARE(fieldsPerTag[tag.id], expected);
    }
}

void TestSimModbusMap::encodesAndDecodesBack_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<double>("value");
    // Expected words of each field in map order, worked out by hand / with Python:
    // struct.pack(">f", v).hex(), hex(n), round(v * 10).
    QTest::addColumn<std::vector<std::uint16_t>>("words");
    QTest::newRow("state 11") << kFeeder + u"state" << 11.0 << std::vector<std::uint16_t>{11};
    // 123456789 = 0x075BCD15
    QTest::newRow("counter") << kFeeder + u"good_count" << 123456789.0
                             << std::vector<std::uint16_t>{0x075B, 0xCD15, 0xCD15, 0x075B};
    // 2^32 + 5 rolls over to 5, like a 32-bit device counter.
    QTest::newRow("counter rollover") << kFeeder + u"good_count" << 4294967301.0
                                      << std::vector<std::uint16_t>{0, 5, 5, 0};
    // 12345.67 kWh in 0.01 kWh = 1234567 = 0x0012D687
    QTest::newRow("energy 0.01 kWh") << kFeeder + u"energy" << 12345.67
                                     << std::vector<std::uint16_t>{0x0012, 0xD687, 0xD687, 0x0012};
    // 65.535 kWh in Wh = 65535 = 0x0000FFFF
    QTest::newRow("compressor Wh") << QStringLiteral("acme/berlin/compressor_energy") << 65.535
                                   << std::vector<std::uint16_t>{0, 0xFFFF, 0xFFFF, 0};
    // struct.pack(">f", 21.5) = 41ac0000; x10 = 215 = 0x00D7
    QTest::newRow("temp 21.5") << kFeeder + u"motor_temp" << 21.5
                               << std::vector<std::uint16_t>{0x41AC, 0x0000, 0x0000, 0x41AC, 215};
    // struct.pack(">f", -3.25) = c0500000; x10 = -32.5 rounds away from zero to -33 = 0xFFDF
    QTest::newRow("negative") << kFeeder + u"motor_temp" << -3.25
                              << std::vector<std::uint16_t>{0xC050, 0x0000, 0x0000, 0xC050,
                                                            0xFFDF};
    // struct.pack(">f", 1.25) = 3fa00000; x100 = 125
    QTest::newRow("vibration x100") << kFeeder + u"vibration_rms" << 1.25
                                    << std::vector<std::uint16_t>{0x3FA0, 0, 0, 0x3FA0, 125};
    // struct.pack(">f", 400.0) = 43c80000; x100 = 40000 does not fit an int16 -> 0x8000
    QTest::newRow("int16 out of range") << kFeeder + u"power" << 400.0
                                        << std::vector<std::uint16_t>{0x43C8, 0, 0, 0x43C8,
                                                                      0x8000};
}

void TestSimModbusMap::encodesAndDecodesBack()
{
    QFETCH(QString, path);
    QFETCH(double, value);
    QFETCH(std::vector<std::uint16_t>, words);
    const andon::TagId id = m_model->tagIdByPath(path);
    QVERIFY(id != andon::kInvalidTag);
    const ModbusRegisterMap map(*m_model);
    const std::vector<RegisterField> fields = map.fieldsOf(id);
    const auto writes = map.encode(andon::Sample{id, 1000, value, andon::Quality::Good});
    QCOMPARE(writes.size(), fields.size());
    std::vector<std::uint16_t> all;
    for (std::size_t i = 0; i < writes.size(); ++i) {
        QCOMPARE(writes[i].address, fields[i].address);
        const auto &w = writes[i].words;
        QCOMPARE(static_cast<int>(w.size()), fields[i].registerCount());
        all.insert(all.end(), w.begin(), w.end());

        // Back with andon's codec (what the Modbus connector does with the same binding) ...
        const auto decoded = andon::modbus::decodeRegisters(fields[i].binding(), w);
        // ... and independently.
        double independent = 0;
        switch (fields[i].type) {
        case ModbusType::UInt16:
            independent = w[0];
            break;
        case ModbusType::Int16:
            independent = static_cast<std::int16_t>(w[0]) * fields[i].scale;
            break;
        case ModbusType::UInt32:
            independent = assemble32(w[0], w[1], fields[i].order) * fields[i].scale;
            break;
        case ModbusType::Float32: {
            const std::uint32_t bits = assemble32(w[0], w[1], fields[i].order);
            float f = 0;
            std::memcpy(&f, &bits, sizeof f);
            independent = f;
            break;
        }
        default:
            QFAIL("unexpected type");
        }
        QCOMPARE(decoded.q, andon::Quality::Good);
        QCOMPARE(decoded.value, independent);
    }
    QCOMPARE(all, words);
}

QTEST_GUILESS_MAIN(TestSimModbusMap)
#include "tst_sim_modbus_map.moc"
