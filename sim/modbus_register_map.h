// Register map of andon-sim's Modbus TCP server (docs/simulator.md "Modbus server"): which
// registers carry which tag in which type and word order, and the words for a sample. Pure
// (no I/O); owned by andon-sim, which copies the words into its QModbusTcpServer.
#pragma once

#include "core/plant_model.h"
#include "core/sample.h"

#include <cstdint>
#include <vector>

#include <QString>
#include <QStringList>

namespace andon::sim {

// One value of one tag in the register image. The same tag may appear in several fields
// (e.g. a float32 in ABCD and in CDAB order).
struct RegisterField
{
    TagId tag = kInvalidTag;
    int address = 0;                      // 0-based protocol address (holding = input)
    ModbusType type = ModbusType::UInt16;
    ModbusOrder order = ModbusOrder::ABCD;
    double scale = 1.0;                   // engineering value = raw * scale
    int registerCount() const;
    // The binding a Modbus client config needs to read this field (table holding).
    ModbusBinding binding(const QString &device = QStringLiteral("andon-sim")) const;
};

struct RegisterWrite
{
    int address = 0;
    std::vector<std::uint16_t> words;
};

class ModbusRegisterMap
{
public:
    // Block b (a machine, in model order; after them one block for tags without a machine)
    // starts at kBlockSize * b; the machine's j-th tag occupies the slot at + kSlotSize * j.
    static constexpr int kBlockSize = 1000;
    static constexpr int kSlotSize = 10;
    static constexpr int kSlotsPerBlock = kBlockSize / kSlotSize;
    // Written to an int16 field whose scaled value does not fit (or is not finite).
    static constexpr std::int16_t kInt16OutOfRange = INT16_MIN;

    explicit ModbusRegisterMap(const PlantModel &model);

    const std::vector<RegisterField> &fields() const { return m_fields; }
    std::vector<RegisterField> fieldsOf(TagId tag) const;
    int registerCount() const { return m_registerCount; } // highest used address + 1
    // Tags left out (block or slot beyond the 16-bit address space), one line each.
    const QStringList &unmapped() const { return m_unmapped; }

    // Words of every field of the sample's tag. A counter is written modulo 2^32 (it rolls
    // over like a device's); a float32 carries NaN when the value is not finite.
    std::vector<RegisterWrite> encode(const Sample &sample) const;

private:
    std::vector<RegisterField> m_fields;
    std::vector<std::vector<std::size_t>> m_byTag; // tag -> indices into m_fields
    int m_registerCount = 0;
    QStringList m_unmapped;
};

} // namespace andon::sim
