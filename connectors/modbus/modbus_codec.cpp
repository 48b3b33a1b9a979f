#include "connectors/modbus/modbus_codec.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace andon::modbus {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool swapsWords(ModbusOrder o)
{
    return o == ModbusOrder::CDAB || o == ModbusOrder::DCBA;
}
bool swapsBytes(ModbusOrder o)
{
    return o == ModbusOrder::BADC || o == ModbusOrder::DCBA;
}

std::uint64_t bigEndian(const QByteArray &bytes)
{
    std::uint64_t v = 0;
    for (const char c : bytes)
        v = (v << 8) | static_cast<std::uint8_t>(c);
    return v;
}

DecodedValue bad(Quality q, const QString &why)
{
    return { kNaN, q, why };
}

} // namespace

QByteArray orderedBytes(std::span<const std::uint16_t> registers, ModbusOrder order)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(registers.size() * 2));
    const std::size_t n = registers.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint16_t r = registers[swapsWords(order) ? n - 1 - i : i];
        const char hi = static_cast<char>(r >> 8);
        const char lo = static_cast<char>(r & 0xFF);
        out.append(swapsBytes(order) ? lo : hi);
        out.append(swapsBytes(order) ? hi : lo);
    }
    return out;
}

std::vector<std::uint16_t> registersFromBytes(const QByteArray &bytes, ModbusOrder order)
{
    const std::size_t n = static_cast<std::size_t>(bytes.size()) / 2;
    std::vector<std::uint16_t> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto a = static_cast<std::uint8_t>(bytes[static_cast<qsizetype>(2 * i)]);
        const auto b = static_cast<std::uint8_t>(bytes[static_cast<qsizetype>(2 * i + 1)]);
        const std::uint16_t r
            = swapsBytes(order) ? std::uint16_t((b << 8) | a) : std::uint16_t((a << 8) | b);
        out[swapsWords(order) ? n - 1 - i : i] = r;
    }
    return out;
}

bool rawValue(std::span<const std::uint16_t> registers, ModbusType type, ModbusOrder order, int bit,
    double *out)
{
    ModbusBinding shape;
    shape.type = type;
    if (type == ModbusType::String || type == ModbusType::Bool
        || static_cast<int>(registers.size()) != shape.registerCount())
        return false;
    const std::uint64_t u = bigEndian(orderedBytes(registers, order));
    switch (type) {
    case ModbusType::Bit:
        *out = (u >> bit) & 1u;
        return true;
    case ModbusType::Int16:
        *out = static_cast<std::int16_t>(u);
        return true;
    case ModbusType::UInt16:
    case ModbusType::UInt32:
        *out = static_cast<double>(u);
        return true;
    case ModbusType::Int32:
        *out = static_cast<std::int32_t>(static_cast<std::uint32_t>(u));
        return true;
    case ModbusType::Int64:
        *out = static_cast<double>(static_cast<std::int64_t>(u));
        return true;
    case ModbusType::UInt64:
        *out = static_cast<double>(u);
        return true;
    case ModbusType::Float32:
        *out = std::bit_cast<float>(static_cast<std::uint32_t>(u));
        return true;
    case ModbusType::Float64:
        *out = std::bit_cast<double>(u);
        return true;
    case ModbusType::Bool:
    case ModbusType::String:
        break;
    }
    return false;
}

QString decodeString(std::span<const std::uint16_t> registers, ModbusOrder order)
{
    QByteArray bytes = orderedBytes(registers, order);
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0)
        bytes.truncate(nul);
    while (!bytes.isEmpty() && bytes.back() == ' ')
        bytes.chop(1);
    return QString::fromLatin1(bytes);
}

DecodedValue decodeRegisters(const ModbusBinding &binding, std::span<const std::uint16_t> registers)
{
    if (static_cast<int>(registers.size()) != binding.registerCount())
        return bad(Quality::BadDecodeError,
            QStringLiteral("expected %1 registers, got %2")
                .arg(binding.registerCount())
                .arg(registers.size()));
    double raw = 0;
    if (binding.type == ModbusType::String) {
        const QString text = decodeString(registers, binding.order);
        bool ok = false;
        raw = text.trimmed().toDouble(&ok);
        if (!ok)
            return bad(
                Quality::BadDecodeError, QStringLiteral("text \"%1\" is not a number").arg(text));
    } else if (!rawValue(registers, binding.type, binding.order, binding.bit, &raw)) {
        return bad(Quality::BadConfigError,
            QStringLiteral("type %1 cannot be read from registers")
                .arg(modbusTypeName(binding.type)));
    }
    // Meters commonly report "no reading" as NaN (IEEE 754 quiet NaN, often 0x7FC00000).
    if (!std::isfinite(raw))
        return bad(Quality::BadSensorFailure,
            QStringLiteral("the device reports %1 (no valid reading)")
                .arg(std::isnan(raw) ? QStringLiteral("NaN") : QStringLiteral("infinity")));
    if (binding.analog) {
        // A converter module's 4-20 mA input: the value is kept whatever the NE 43 verdict.
        const AnalogReading r = evaluateAnalog(*binding.analog, raw);
        return { r.value, r.q, r.reason };
    }
    return { raw * binding.scale + binding.offset, Quality::Good, QString() };
}

DecodedValue decodeBit(const ModbusBinding &binding, bool bit)
{
    return { (bit ? 1.0 : 0.0) * binding.scale + binding.offset, Quality::Good, QString() };
}

bool encodeRegisters(const ModbusBinding &binding, double engineeringValue,
    std::vector<std::uint16_t> *registers, QString *error)
{
    if (binding.scale == 0.0 || !std::isfinite(engineeringValue)) {
        *error = QStringLiteral("the value cannot be converted to the device's raw value");
        return false;
    }
    const double raw = (engineeringValue - binding.offset) / binding.scale;
    const auto integral = [&](double low, double high, std::uint64_t *out) {
        const double r = std::round(raw);
        if (std::abs(r - raw) > 1e-9 * std::max(1.0, std::abs(raw)) || r < low || r > high) {
            *error = QStringLiteral("%1 is not an integer from %2 to %3 (raw value)")
                         .arg(raw, 0, 'g', 17)
                         .arg(low, 0, 'g', 20)
                         .arg(high, 0, 'g', 20);
            return false;
        }
        *out = r < 0 ? static_cast<std::uint64_t>(static_cast<std::int64_t>(r))
                     : static_cast<std::uint64_t>(r);
        return true;
    };
    std::uint64_t bits = 0;
    int bytes = 2;
    switch (binding.type) {
    case ModbusType::Int16:
        if (!integral(INT16_MIN, INT16_MAX, &bits))
            return false;
        bits &= 0xFFFFu;
        break;
    case ModbusType::UInt16:
        if (!integral(0, UINT16_MAX, &bits))
            return false;
        break;
    case ModbusType::Int32:
        if (!integral(INT32_MIN, INT32_MAX, &bits))
            return false;
        bits &= 0xFFFFFFFFu;
        bytes = 4;
        break;
    case ModbusType::UInt32:
        if (!integral(0, UINT32_MAX, &bits))
            return false;
        bytes = 4;
        break;
    case ModbusType::Int64:
        // ±2^63 is where a double stops converting to int64 exactly.
        if (!integral(-9.2233720368547758e18, 9.2233720368547748e18, &bits))
            return false;
        bytes = 8;
        break;
    case ModbusType::UInt64:
        if (!integral(0, 1.8446744073709550e19, &bits))
            return false;
        bytes = 8;
        break;
    case ModbusType::Float32:
        if (std::abs(raw) > std::numeric_limits<float>::max()) {
            *error = QStringLiteral("%1 does not fit a float32").arg(raw);
            return false;
        }
        bits = std::bit_cast<std::uint32_t>(static_cast<float>(raw));
        bytes = 4;
        break;
    case ModbusType::Float64:
        bits = std::bit_cast<std::uint64_t>(raw);
        bytes = 8;
        break;
    case ModbusType::Bool:
    case ModbusType::Bit:
    case ModbusType::String:
        *error
            = QStringLiteral("writing type %1 is not supported").arg(modbusTypeName(binding.type));
        return false;
    }
    QByteArray be(bytes, '\0');
    for (int i = bytes - 1; i >= 0; --i) {
        be[i] = static_cast<char>(bits & 0xFF);
        bits >>= 8;
    }
    *registers = registersFromBytes(be, binding.order);
    return true;
}

int writeFunctionCode(const ModbusBinding &binding)
{
    switch (binding.table) {
    case ModbusTable::Coil:
        return binding.writeMultiple ? kFcWriteMultipleCoils : kFcWriteSingleCoil;
    case ModbusTable::HoldingRegister:
        return binding.writeMultiple || binding.registerCount() > 1 ? kFcWriteMultipleRegisters
                                                                    : kFcWriteSingleRegister;
    case ModbusTable::InputRegister:
    case ModbusTable::DiscreteInput:
        break;
    }
    return 0;
}

QString functionCodeName(int functionCode)
{
    switch (functionCode) {
    case kFcWriteSingleCoil:
        return QStringLiteral("write single coil");
    case kFcWriteSingleRegister:
        return QStringLiteral("write single register");
    case kFcWriteMultipleCoils:
        return QStringLiteral("write multiple coils");
    case kFcWriteMultipleRegisters:
        return QStringLiteral("write multiple registers");
    default:
        break;
    }
    return QStringLiteral("function %1").arg(functionCode);
}

WritePlan planWrite(const ModbusBinding &binding, double engineeringValue)
{
    WritePlan plan;
    plan.functionCode = writeFunctionCode(binding);
    if (plan.functionCode == 0) {
        plan.error = QStringLiteral("table %1 is read-only in Modbus")
                         .arg(modbusTableName(binding.table));
        return plan;
    }
    if (binding.scale == 0.0 || !std::isfinite(engineeringValue)) {
        plan.error = QStringLiteral("the value cannot be converted to the device's raw value");
        return plan;
    }
    plan.raw = (engineeringValue - binding.offset) / binding.scale;
    if (binding.table == ModbusTable::Coil) {
        if (plan.raw != 0.0 && plan.raw != 1.0) {
            plan.error = QStringLiteral("a coil is 0 or 1 (raw value); %1 gives %2")
                             .arg(engineeringValue, 0, 'g', 12)
                             .arg(plan.raw, 0, 'g', 12);
            return plan;
        }
        plan.values = { static_cast<std::uint16_t>(plan.raw) };
        return plan;
    }
    if (!encodeRegisters(binding, engineeringValue, &plan.values, &plan.error))
        plan.values.clear();
    return plan;
}

bool writableRange(const ModbusBinding &binding, double *low, double *high)
{
    double rawLow = 0;
    double rawHigh = 0;
    if (binding.table == ModbusTable::Coil) {
        rawHigh = 1;
    } else {
        switch (binding.type) {
        case ModbusType::Int16: rawLow = INT16_MIN; rawHigh = INT16_MAX; break;
        case ModbusType::UInt16: rawHigh = UINT16_MAX; break;
        case ModbusType::Int32: rawLow = INT32_MIN; rawHigh = INT32_MAX; break;
        case ModbusType::UInt32: rawHigh = UINT32_MAX; break;
        case ModbusType::Int64: rawLow = -9.2233720368547758e18; rawHigh = 9.2233720368547748e18; break;
        case ModbusType::UInt64: rawHigh = 1.8446744073709550e19; break;
        case ModbusType::Float32:
            rawHigh = std::numeric_limits<float>::max();
            rawLow = -rawHigh;
            break;
        case ModbusType::Float64:
            rawHigh = std::numeric_limits<double>::max();
            rawLow = -rawHigh;
            break;
        case ModbusType::Bool:
        case ModbusType::Bit:
        case ModbusType::String:
            return false;
        }
    }
    if (binding.scale == 0.0)
        return false;
    const double a = rawLow * binding.scale + binding.offset;
    const double b = rawHigh * binding.scale + binding.offset;
    *low = std::min(a, b);
    *high = std::max(a, b);
    return true;
}

QString addressText(ModbusAddressing addressing, ModbusTable table, int address, int count)
{
    const int last = address + std::max(count, 1) - 1;
    if (addressing == ModbusAddressing::Protocol)
        return modbusTableName(table) + QLatin1Char(' ') + QString::number(address)
            + (last > address ? QStringLiteral("..") + QString::number(last) : QString());
    // Modicon reference: table digit, then address + 1 in 4 (or 5) digits.
    QChar digit = u'4';
    switch (table) {
    case ModbusTable::Coil: digit = u'0'; break;
    case ModbusTable::DiscreteInput: digit = u'1'; break;
    case ModbusTable::InputRegister: digit = u'3'; break;
    case ModbusTable::HoldingRegister: digit = u'4'; break;
    }
    const int width = last + 1 <= 9999 ? 4 : 5;
    const auto reference = [&](int a) -> QString { // not a QStringBuilder of temporaries
        return QString(digit) + QStringLiteral("%1").arg(a + 1, width, 10, QLatin1Char('0'));
    };
    return reference(address) + (last > address ? QStringLiteral("..") + reference(last) : QString());
}

std::vector<Interpretation> interpretRegisters(std::span<const std::uint16_t> registers)
{
    static constexpr ModbusType kTypes[]
        = { ModbusType::Int16, ModbusType::UInt16, ModbusType::Int32, ModbusType::UInt32,
              ModbusType::Float32, ModbusType::Int64, ModbusType::UInt64, ModbusType::Float64 };
    static constexpr ModbusOrder kOrders[]
        = { ModbusOrder::ABCD, ModbusOrder::CDAB, ModbusOrder::BADC, ModbusOrder::DCBA };
    std::vector<Interpretation> out;
    for (std::size_t offset = 0; offset < registers.size(); ++offset) {
        for (const ModbusType type : kTypes) {
            ModbusBinding shape;
            shape.type = type;
            const auto count = static_cast<std::size_t>(shape.registerCount());
            if (offset + count > registers.size())
                continue;
            for (const ModbusOrder order : kOrders) {
                if (count == 1 && (order == ModbusOrder::CDAB || order == ModbusOrder::DCBA))
                    continue;
                double value = 0;
                rawValue(registers.subspan(offset, count), type, order, 0, &value);
                out.push_back({ static_cast<int>(offset), type, order, value });
            }
        }
    }
    return out;
}

} // namespace andon::modbus
