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

} // namespace andon
