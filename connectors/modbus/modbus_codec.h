// Pure Modbus value codec: turns the registers (or bits) a tag occupies into its engineering
// value for every ModbusType and word/byte order, and back (for writes). No I/O, no Qt
// objects: used by ModbusPoller, the register scanner and the tests.
#pragma once

#include "core/plant_model.h"
#include "core/sample.h"

#include <cstdint>
#include <span>
#include <vector>

#include <QByteArray>
#include <QString>

namespace andon::modbus {

struct DecodedValue
{
    double value = 0.0; // engineering value (raw * scale + offset); NaN when not Good
    Quality q = Quality::Good;
    QString error; // why the value is not Good, in words ("" when Good)
};

// The value's bytes, most significant first, after undoing `order` on `registers` (given in
// address order). ABCD: as on the wire; CDAB: registers reversed; BADC: bytes swapped inside
// each register; DCBA: both, i.e. the whole byte stream reversed.
QByteArray orderedBytes(std::span<const std::uint16_t> registers, ModbusOrder order);
// The inverse: registers (address order) that a device stores for `bytes` (MSB first).
std::vector<std::uint16_t> registersFromBytes(const QByteArray &bytes, ModbusOrder order);

// The raw (unscaled) value of registers for a numeric type; for Bit the selected bit (0/1).
// Returns false for String/Bool or a wrong register count.
bool rawValue(std::span<const std::uint16_t> registers, ModbusType type, ModbusOrder order, int bit,
    double *out);
// ASCII text in `registers` after `order`, cut at the first NUL, trailing spaces removed.
QString decodeString(std::span<const std::uint16_t> registers, ModbusOrder order);

// Decodes a register-table binding. `registers` are exactly binding.registerCount() words.
// Strings must hold a decimal number (e.g. an ASCII product code): samples carry numbers.
DecodedValue decodeRegisters(
    const ModbusBinding &binding, std::span<const std::uint16_t> registers);
// Decodes a coil/discrete-input binding (scale and offset apply: 0/1 -> offset/scale+offset).
DecodedValue decodeBit(const ModbusBinding &binding, bool bit);

// Registers that encode `engineeringValue` for `binding` (the write path: the inverse of
// scale/offset, then the type's range check). Returns false with `error` set when the value
// does not fit the type (out of range, not an integer, or a string/bit type).
bool encodeRegisters(const ModbusBinding &binding, double engineeringValue,
    std::vector<std::uint16_t> *registers, QString *error);

// One reading of a register range in the "Scan registers" tool.
struct Interpretation
{
    int offset = 0; // first register, relative to the range
    ModbusType type = ModbusType::UInt16;
    ModbusOrder order = ModbusOrder::ABCD;
    double value = 0.0; // raw (no scale/offset); NaN/inf as the device sent them
};
// Every numeric reading of `registers` at every offset, in every order, so an engineer can
// spot the one that makes sense: int16/uint16 in ABCD and BADC (the other two orders are the
// same for one register), 32- and 64-bit types in all four orders where enough registers follow.
// Ordered by offset, then type, then order.
std::vector<Interpretation> interpretRegisters(std::span<const std::uint16_t> registers);

} // namespace andon::modbus
