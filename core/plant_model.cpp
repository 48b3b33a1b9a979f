#include "core/plant_model.h"

#include <array>
#include <utility>

namespace andon {

namespace {

// One table per enum keeps names and parsing in a single place; the names are the config
// schema's vocabulary (docs/config.md), so they must never change.
constexpr std::array<std::pair<StateCategory, const char *>, 9> kStateCategories = { {
    { StateCategory::Unknown, "unknown" },
    { StateCategory::Running, "running" },
    { StateCategory::Idle, "idle" },
    { StateCategory::Starved, "starved" },
    { StateCategory::Blocked, "blocked" },
    { StateCategory::Down, "down" },
    { StateCategory::PlannedStop, "planned_stop" },
    { StateCategory::Changeover, "changeover" },
    { StateCategory::Off, "off" },
} };

constexpr std::array<std::pair<TagRole, const char *>, 7> kTagRoles = { {
    { TagRole::None, "none" },
    { TagRole::State, "state" },
    { TagRole::TotalCount, "total_count" },
    { TagRole::GoodCount, "good_count" },
    { TagRole::RejectCount, "reject_count" },
    { TagRole::Rate, "rate" },
    { TagRole::Product, "product" },
} };

constexpr std::array<std::pair<TagKind, const char *>, 4> kTagKinds = { {
    { TagKind::Analog, "analog" },
    { TagKind::Counter, "counter" },
    { TagKind::State, "state" },
    { TagKind::Bool, "bool" },
} };

constexpr std::array<std::pair<PayloadFormat, const char *>, 4> kPayloadFormats = { {
    { PayloadFormat::Number, "number" },
    { PayloadFormat::Bool, "bool" },
    { PayloadFormat::Enum, "enum" },
    { PayloadFormat::Json, "json" },
} };

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QLatin1String(name);
    }
    return QString();
}

template <typename E, std::size_t N>
bool parseName(const std::array<std::pair<E, const char *>, N> &table, const QString &text, E *out)
{
    for (const auto &[v, name] : table) {
        if (text == QLatin1String(name)) {
            if (out)
                *out = v;
            return true;
        }
    }
    return false;
}

} // namespace

QString stateCategoryName(StateCategory c)
{
    return nameOf(kStateCategories, c);
}
bool parseStateCategory(const QString &name, StateCategory *out)
{
    return parseName(kStateCategories, name, out);
}

QString tagRoleName(TagRole r)
{
    return nameOf(kTagRoles, r);
}
bool parseTagRole(const QString &name, TagRole *out)
{
    return parseName(kTagRoles, name, out);
}

QString tagKindName(TagKind k)
{
    return nameOf(kTagKinds, k);
}
bool parseTagKind(const QString &name, TagKind *out)
{
    return parseName(kTagKinds, name, out);
}

QString payloadFormatName(PayloadFormat f)
{
    return nameOf(kPayloadFormats, f);
}
bool parsePayloadFormat(const QString &name, PayloadFormat *out)
{
    return parseName(kPayloadFormats, name, out);
}

const StateDef *Machine::state(int code) const
{
    for (const StateDef &s : states) {
        if (s.code == code)
            return &s;
    }
    return nullptr;
}

const AlarmDef *PlantModel::alarm(const QString &id) const
{
    for (const AlarmDef &a : alarms) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

const TagDef *PlantModel::tagByPath(const QString &path) const
{
    const TagId id = tagIdByPath(path);
    return id == kInvalidTag ? nullptr : &tags[id];
}

TagId PlantModel::tagIdByPath(const QString &path) const
{
    const auto it = tagIndex.constFind(path);
    if (it == tagIndex.constEnd() || *it >= tags.size())
        return kInvalidTag;
    return *it;
}

const MqttConnection *PlantModel::mqttConnection(const QString &id) const
{
    for (const MqttConnection &c : mqttConnections) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QString PlantModel::timeZone() const
{
    if (sites.empty() || sites.front().timeZone.isEmpty())
        return QStringLiteral("UTC");
    return sites.front().timeZone;
}

const ProductDef *PlantModel::product(int code) const
{
    for (const ProductDef &p : products) {
        if (p.code == code)
            return &p;
    }
    return nullptr;
}

double PlantModel::idealCycleSeconds(int machine, int productCode) const
{
    if (machine < 0 || machine >= static_cast<int>(machines.size()))
        return 0.0;
    const Machine &m = machines[static_cast<std::size_t>(machine)];
    if (const ProductDef *p = product(productCode)) {
        if (const auto it = p->idealCycleByPath.constFind(m.path); it != p->idealCycleByPath.cend())
            return it.value();
        if (m.line >= 0 && m.line < static_cast<int>(lines.size())) {
            const QString &linePath = lines[static_cast<std::size_t>(m.line)].path;
            if (const auto it = p->idealCycleByPath.constFind(linePath);
                it != p->idealCycleByPath.cend())
                return it.value();
        }
        if (p->idealCycleS > 0)
            return p->idealCycleS;
    }
    return m.idealRatePerMin > 0 ? 60.0 / m.idealRatePerMin : 0.0;
}

// ---- Modbus vocabulary (config schema names, docs/config.md) ----

namespace {
constexpr std::array<std::pair<ModbusTransport, const char *>, 3> kModbusTransports = { {
    { ModbusTransport::Tcp, "tcp" },
    { ModbusTransport::Rtu, "rtu" },
    { ModbusTransport::RtuOverTcp, "rtu-over-tcp" },
} };
constexpr std::array<std::pair<ModbusTable, const char *>, 4> kModbusTables = { {
    { ModbusTable::Coil, "coil" },
    { ModbusTable::DiscreteInput, "discrete" },
    { ModbusTable::InputRegister, "input" },
    { ModbusTable::HoldingRegister, "holding" },
} };
constexpr std::array<std::pair<ModbusAddressing, const char *>, 2> kModbusAddressings = { {
    { ModbusAddressing::Protocol, "protocol" },
    { ModbusAddressing::Modicon, "modicon" },
} };
constexpr std::array<std::pair<ModbusParity, const char *>, 3> kModbusParities = { {
    { ModbusParity::None, "none" },
    { ModbusParity::Even, "even" },
    { ModbusParity::Odd, "odd" },
} };
constexpr std::array<std::pair<ModbusType, const char *>, 11> kModbusTypes = { {
    { ModbusType::Bool, "bool" },
    { ModbusType::Bit, "bit" },
    { ModbusType::Int16, "int16" },
    { ModbusType::UInt16, "uint16" },
    { ModbusType::Int32, "int32" },
    { ModbusType::UInt32, "uint32" },
    { ModbusType::Int64, "int64" },
    { ModbusType::UInt64, "uint64" },
    { ModbusType::Float32, "float32" },
    { ModbusType::Float64, "float64" },
    { ModbusType::String, "string" },
} };
constexpr std::array<std::pair<ModbusOrder, const char *>, 4> kModbusOrders = { {
    { ModbusOrder::ABCD, "ABCD" },
    { ModbusOrder::CDAB, "CDAB" },
    { ModbusOrder::BADC, "BADC" },
    { ModbusOrder::DCBA, "DCBA" },
} };
} // namespace

QString modbusTransportName(ModbusTransport t) { return nameOf(kModbusTransports, t); }
bool parseModbusTransport(const QString &name, ModbusTransport *out)
{
    return parseName(kModbusTransports, name, out);
}
QString modbusTableName(ModbusTable t) { return nameOf(kModbusTables, t); }
bool parseModbusTable(const QString &name, ModbusTable *out)
{
    return parseName(kModbusTables, name, out);
}
QString modbusAddressingName(ModbusAddressing a) { return nameOf(kModbusAddressings, a); }
bool parseModbusAddressing(const QString &name, ModbusAddressing *out)
{
    return parseName(kModbusAddressings, name, out);
}
QString modbusParityName(ModbusParity p) { return nameOf(kModbusParities, p); }
bool parseModbusParity(const QString &name, ModbusParity *out)
{
    return parseName(kModbusParities, name, out);
}
QString modbusTypeName(ModbusType t) { return nameOf(kModbusTypes, t); }
bool parseModbusType(const QString &name, ModbusType *out)
{
    return parseName(kModbusTypes, name, out);
}
QString modbusOrderName(ModbusOrder o) { return nameOf(kModbusOrders, o); }
bool parseModbusOrder(const QString &name, ModbusOrder *out)
{
    return parseName(kModbusOrders, name, out);
}

QString ModbusDevice::endpoint() const
{
    if (transport == ModbusTransport::Rtu) {
        const QChar parityLetter = parity == ModbusParity::None ? u'N'
            : parity == ModbusParity::Even                      ? u'E'
                                                                : u'O';
        return serialPort + QLatin1Char('@') + QString::number(baud) + QLatin1Char(' ')
            + QString::number(dataBits) + parityLetter + QString::number(stopBits);
    }
    return host + QLatin1Char(':') + QString::number(port);
}

int ModbusBinding::registerCount() const
{
    switch (type) {
    case ModbusType::Bool:
    case ModbusType::Bit:
    case ModbusType::Int16:
    case ModbusType::UInt16:
        return 1;
    case ModbusType::Int32:
    case ModbusType::UInt32:
    case ModbusType::Float32:
        return 2;
    case ModbusType::Int64:
    case ModbusType::UInt64:
    case ModbusType::Float64:
        return 4;
    case ModbusType::String:
        return length;
    }
    return 1;
}

const ModbusDevice *PlantModel::modbusDevice(const QString &id) const
{
    for (const ModbusDevice &d : modbusDevices) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

QStringList reasonCategories()
{
    return {QStringLiteral("breakdown"), QStringLiteral("minor_stop"),
            QStringLiteral("changeover"), QStringLiteral("material"), QStringLiteral("quality"),
            QStringLiteral("organisation"), QStringLiteral("planned"), QStringLiteral("other")};
}

const ReasonDef *ReasonTree::find(const QString &code) const
{
    for (const ReasonDef &r : nodes) {
        if (r.code == code)
            return &r;
    }
    return nullptr;
}

QString ReasonTree::parentCode(const QString &code)
{
    const qsizetype slash = code.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : code.left(slash);
}

bool ReasonTree::offered(const QString &code) const
{
    // Bounded by the depth of the code (each step removes one segment).
    for (QString c = code; !c.isEmpty(); c = parentCode(c)) {
        const ReasonDef *r = find(c);
        if (!r || !r->enabled)
            return false;
    }
    return !code.isEmpty();
}

QString ReasonTree::name(const QString &code) const
{
    const ReasonDef *r = find(code);
    return r ? r->name : code;
}

QString ReasonTree::displayPath(const QString &code) const
{
    if (!find(code))
        return code;
    QStringList parts;
    for (QString c = code; !c.isEmpty(); c = parentCode(c))
        parts.prepend(name(c));
    return parts.join(QStringLiteral(" › "));
}

const OeeSettings &PlantModel::machineOee(int machine) const
{
    if (machine < 0 || machine >= static_cast<int>(machines.size()))
        return oee;
    const Machine &m = machines[static_cast<std::size_t>(machine)];
    if (const auto it = oeeByPath.constFind(m.path); it != oeeByPath.constEnd())
        return *it;
    return lineOee(m.line);
}

const OeeSettings &PlantModel::lineOee(int line) const
{
    if (line < 0 || line >= static_cast<int>(lines.size()))
        return oee;
    const auto it = oeeByPath.constFind(lines[static_cast<std::size_t>(line)].path);
    return it != oeeByPath.constEnd() ? *it : oee;
}

} // namespace andon
