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
    // Engineering value (raw * scale + offset, or the `analog:` mapping); NaN when not Good,
    // except an analog input out of its NE 43 limits, whose value is kept.
    double value = 0.0;
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
// With binding.analog the raw value is converter counts of a 4-20 mA input: the value is mapped
// through the tag's range and judged by NAMUR NE 43 (core/analog_signal.h); `error` holds the
// NE 43 reason when it is not Good.
DecodedValue decodeRegisters(
    const ModbusBinding &binding, std::span<const std::uint16_t> registers);
// Decodes a coil/discrete-input binding (scale and offset apply: 0/1 -> offset/scale+offset).
DecodedValue decodeBit(const ModbusBinding &binding, bool bit);

// Registers that encode `engineeringValue` for `binding` (the write path: the inverse of
// scale/offset, then the type's range check). Returns false with `error` set when the value
// does not fit the type (out of range, not an integer, or a string/bit type).
bool encodeRegisters(const ModbusBinding &binding, double engineeringValue,
    std::vector<std::uint16_t> *registers, QString *error);

// ---- writes (Modbus Application Protocol V1.1b3 §6.5, §6.6, §6.11, §6.12) ----
inline constexpr int kFcWriteSingleCoil = 5;
inline constexpr int kFcWriteSingleRegister = 6;
inline constexpr int kFcWriteMultipleCoils = 15;
inline constexpr int kFcWriteMultipleRegisters = 16;

// The function code a write to `binding` uses: FC5 for a coil and FC6 for a one-register value,
// unless binding.writeMultiple asks for FC15/FC16 (devices that accept only those); FC16 for
// wider values. 0 for the read-only tables.
int writeFunctionCode(const ModbusBinding &binding);
// "write single coil", ... (English, for logs; the UI translates its own words).
QString functionCodeName(int functionCode);

// Exactly what a write of `engineeringValue` sends: the function code and the coil state (one
// value 0/1) or the registers in address order. `error` says in words why it cannot be sent.
struct WritePlan
{
    int functionCode = 0;
    std::vector<std::uint16_t> values;
    double raw = 0.0; // (value - offset) / scale
    QString error;
    bool ok() const { return error.isEmpty(); }
};
WritePlan planWrite(const ModbusBinding &binding, double engineeringValue);

// The engineering values a write can reach (the type's raw range through scale and offset,
// low <= high). False for types that cannot be written (bit, string) or scale 0.
bool writableRange(const ModbusBinding &binding, double *low, double *high);

// A register/bit range as the device's documentation writes it: protocol addressing
// "holding 350..351", Modicon "400351..400352" (5 digits while the references fit, e.g. 40001).
QString addressText(ModbusAddressing addressing, ModbusTable table, int address, int count = 1);

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
