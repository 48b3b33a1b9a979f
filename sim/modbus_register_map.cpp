#include "sim/modbus_register_map.h"

#include "connectors/modbus/modbus_codec.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace andon::sim {

int RegisterField::registerCount() const
{
    return binding().registerCount();
}

ModbusBinding RegisterField::binding(const QString &device) const
{
    ModbusBinding b;
    b.device = device;
    b.table = ModbusTable::HoldingRegister;
    b.address = address;
    b.type = type;
    b.order = order;
    b.scale = scale;
    return b;
}

namespace {

// The fields of one slot, by what the tag is. Several types and word orders on purpose: the
// simulator is the Modbus connector's demonstration device.
void addSlot(const TagDef &tag, int base, std::vector<RegisterField> *out)
{
    const auto add = [&](int offset, ModbusType type, ModbusOrder order, double scale) {
        out->push_back(RegisterField{tag.id, base + offset, type, order, scale});
    };
    switch (tag.kind) {
    case TagKind::State:
    case TagKind::Bool:
        add(0, ModbusType::UInt16, ModbusOrder::ABCD, 1.0);
        break;
    case TagKind::Counter: {
        // Whole counts, or a meter's resolution (e.g. 0.01 kWh) as energy meters send it.
        const double scale = std::pow(10.0, -std::clamp(tag.decimals, 0, 4));
        add(0, ModbusType::UInt32, ModbusOrder::ABCD, scale);
        add(2, ModbusType::UInt32, ModbusOrder::CDAB, scale);
        break;
    }
    case TagKind::Analog:
        add(0, ModbusType::Float32, ModbusOrder::ABCD, 1.0);
        add(2, ModbusType::Float32, ModbusOrder::CDAB, 1.0);
        // Scaled integer as many PLCs send it: one decimal -> x10, two or more -> x100.
        add(4, ModbusType::Int16, ModbusOrder::ABCD, tag.decimals <= 1 ? 0.1 : 0.01);
        break;
    }
}

} // namespace

ModbusRegisterMap::ModbusRegisterMap(const PlantModel &model)
{
    m_byTag.resize(model.tags.size());
    std::vector<std::vector<TagId>> blocks;
    for (const Machine &m : model.machines)
        blocks.push_back(m.tags);
    std::vector<TagId> plantTags;
    for (const TagDef &t : model.tags)
        if (t.machine < 0)
            plantTags.push_back(t.id);
    if (!plantTags.empty())
        blocks.push_back(std::move(plantTags));

    for (std::size_t b = 0; b < blocks.size(); ++b) {
        for (std::size_t j = 0; j < blocks[b].size(); ++j) {
            const TagId id = blocks[b][j];
            if (id >= model.tags.size())
                continue;
            const TagDef &tag = model.tags[id];
            const long long base = static_cast<long long>(b) * kBlockSize
                    + static_cast<long long>(j) * kSlotSize;
            if (j >= static_cast<std::size_t>(kSlotsPerBlock) || base + kSlotSize > 65536) {
                m_unmapped << QStringLiteral("%1: no room in the 16-bit register space (block "
                                             "%2, slot %3)")
                                      .arg(tag.path)
                                      .arg(b)
                                      .arg(j);
                continue;
            }
            const std::size_t first = m_fields.size();
            addSlot(tag, static_cast<int>(base), &m_fields);
            for (std::size_t f = first; f < m_fields.size(); ++f) {
                m_byTag[id].push_back(f);
                m_registerCount = std::max(m_registerCount,
                                           m_fields[f].address + m_fields[f].registerCount());
            }
        }
    }
}

std::vector<RegisterField> ModbusRegisterMap::fieldsOf(TagId tag) const
{
    std::vector<RegisterField> out;
    if (tag < m_byTag.size())
        for (std::size_t f : m_byTag[tag])
            out.push_back(m_fields[f]);
    return out;
}

std::vector<RegisterWrite> ModbusRegisterMap::encode(const Sample &sample) const
{
    std::vector<RegisterWrite> out;
    if (sample.tag >= m_byTag.size())
        return out;
    for (std::size_t f : m_byTag[sample.tag]) {
        const RegisterField &field = m_fields[f];
        RegisterWrite w;
        w.address = field.address;
        ModbusBinding b = field.binding();
        double value = sample.value;
        QString error;
        switch (field.type) {
        case ModbusType::Float32:
            // encodeRegisters refuses non-finite or too large values; a device sends NaN.
            if (!std::isfinite(value) || !modbus::encodeRegisters(b, value, &w.words, &error)) {
                const auto bits = std::bit_cast<std::uint32_t>(
                        std::numeric_limits<float>::quiet_NaN());
                QByteArray bytes(4, '\0');
                for (int i = 0; i < 4; ++i)
                    bytes[i] = static_cast<char>((bits >> (24 - 8 * i)) & 0xFFu);
                w.words = modbus::registersFromBytes(bytes, field.order);
            }
            break;
        case ModbusType::UInt32: {
            // Raw counts of the field's resolution; they roll over at 2^32 like a 32-bit
            // device counter. value * 100, not value / 0.01: exact for decimal readings.
            b.scale = 1.0;
            const double factor = std::round(1.0 / field.scale);
            value = std::isfinite(value) ? std::fmod(std::round(std::max(value, 0.0) * factor),
                                                     4294967296.0)
                                         : 0.0;
            if (!modbus::encodeRegisters(b, value, &w.words, &error))
                w.words.assign(2, 0);
            break;
        }
        case ModbusType::Int16: {
            // Round here: the encoder wants an exact integer raw value.
            b.scale = 1.0;
            // value * 10 (or 100), not value / 0.1: the product is exact for e.g. -3.25, so
            // halves round away from zero as documented.
            const double factor = std::round(1.0 / field.scale);
            const double raw = std::isfinite(value) ? std::round(value * factor)
                                                    : std::numeric_limits<double>::infinity();
            if (!modbus::encodeRegisters(b, raw, &w.words, &error))
                w.words = {static_cast<std::uint16_t>(kInt16OutOfRange)};
            break;
        }
        default:
            value = std::isfinite(value) ? std::clamp(std::round(value), 0.0, 65535.0) : 0.0;
            if (!modbus::encodeRegisters(b, value, &w.words, &error))
                w.words.assign(static_cast<std::size_t>(field.registerCount()), 0);
            break;
        }
        out.push_back(std::move(w));
    }
    return out;
}

} // namespace andon::sim
