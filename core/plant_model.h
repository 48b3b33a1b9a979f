// The ISA-95 plant model (enterprise > site > area > line > machine > tag) with connections
// and tag bindings, as loaded from the YAML configuration (see docs/config.md).
// Immutable after loading; shared read-only by every layer (std::shared_ptr<const PlantModel>).
#pragma once

#include "core/sample.h"

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include <QHash>
#include <QString>
#include <QStringList>

namespace andon {

// What a machine-state code means for colour and OEE. Fixed vocabulary; the config maps
// each plant-specific state code to one of these.
enum class StateCategory : std::uint8_t {
    Unknown,     // no data / stale: shown as unknown time, never hidden in another bucket
    Running,
    Idle,
    Starved,
    Blocked,
    Down,        // unplanned stop (abnormal: the only state drawn in colour)
    PlannedStop, // breaks, planned maintenance
    Changeover,
    Off,
};
QString stateCategoryName(StateCategory c);             // "running", "planned_stop", ...
bool parseStateCategory(const QString &name, StateCategory *out);

struct StateDef
{
    int code = 0;
    QString name;            // "Jam at infeed"
    StateCategory category = StateCategory::Unknown;
};

// What a tag means to the built-in views. A machine has at most one tag per role
// (except None). The overview reads state, counts and rate through these roles.
enum class TagRole : std::uint8_t {
    None,
    State,       // machine state code, mapped through Machine::states
    TotalCount,  // cumulative produced parts (good + reject)
    GoodCount,   // cumulative good parts
    RejectCount, // cumulative rejected parts
    Rate,        // current production rate (parts/min) if the machine reports one
    Product,     // product code (numeric) running on the machine
};
QString tagRoleName(TagRole r);
bool parseTagRole(const QString &name, TagRole *out);

enum class TagKind : std::uint8_t {
    Analog,  // continuous measurement
    Counter, // monotonically increasing totaliser (may reset/roll over)
    State,   // enumerated code
    Bool,
};
QString tagKindName(TagKind k);
bool parseTagKind(const QString &name, TagKind *out);

// How an MQTT payload is turned into a value.
enum class PayloadFormat : std::uint8_t {
    Number, // the whole payload is a decimal number
    Bool,   // true/false, on/off, 1/0
    Enum,   // the payload is a state name, mapped through the machine's states
    Json,   // a JSON document; `json` points at the value (RFC 6901 JSON Pointer)
};
QString payloadFormatName(PayloadFormat f);
bool parsePayloadFormat(const QString &name, PayloadFormat *out);

struct MqttBinding
{
    QString connection;        // id of an MqttConnection
    QString topic;             // exact topic, or a filter with + / # wildcards
    PayloadFormat format = PayloadFormat::Json;
    QString valuePointer;      // JSON Pointer, e.g. "/value" (Json only; "" = whole doc)
    QString timestampPointer;  // JSON Pointer to epoch ms/s or ISO-8601; "" = receive time
    QString qualityPointer;    // JSON Pointer to a quality name/number; "" = Good
    double scale = 1.0;        // engineering value = raw * scale + offset
    double offset = 0.0;
};

struct TagDef
{
    TagId id = kInvalidTag;
    QString name;        // leaf name, e.g. "vibration_rms"
    QString path;        // full ISA-95 path, e.g. "acme/berlin/assembly/line1/press2/vibration_rms"
    QString description;
    QString unit;        // "°C", "mm/s", "parts", "" for none
    int decimals = 1;    // display decimals
    TagKind kind = TagKind::Analog;
    TagRole role = TagRole::None;
    double rangeLow = std::numeric_limits<double>::quiet_NaN();  // engineering range
    double rangeHigh = std::numeric_limits<double>::quiet_NaN(); // (NaN = not set)
    int staleAfterMs = 30000; // silent longer than this -> Quality::BadStale
    int machine = -1;         // index into PlantModel::machines
    std::optional<MqttBinding> mqtt;
};

struct Machine
{
    QString name;
    QString path;        // ISA-95 path of the machine
    QString description;
    int line = -1;       // index into PlantModel::lines
    std::vector<TagId> tags;
    std::vector<StateDef> states; // code -> meaning for this machine's State tag
    double idealRatePerMin = 0;   // nameplate rate, parts/min (0 = not set)

    TagId roleTag(TagRole r) const { return roleTags[static_cast<int>(r)]; }
    TagId roleTags[7] = {kInvalidTag, kInvalidTag, kInvalidTag, kInvalidTag,
                         kInvalidTag, kInvalidTag, kInvalidTag};
    const StateDef *state(int code) const;
};

struct Line
{
    QString name;
    QString path;
    QString description;
    int area = -1;
    std::vector<int> machines;
};

struct Area
{
    QString name;
    QString path;
    QString description;
    int site = -1;
    std::vector<int> lines;
};

struct Site
{
    QString name;
    QString path;        // "enterprise/site"
    QString description;
    QString timeZone;    // IANA id, e.g. "Europe/Berlin"
    std::vector<int> areas;
};

struct MqttConnection
{
    QString id;
    QString host = QStringLiteral("127.0.0.1");
    int port = 1883;
    QString clientId;        // "" = generated
    int keepAliveS = 30;
    bool cleanSession = true;
    int qos = 1;
    QString username;
    QString passwordEnv;     // name of an environment variable holding the password
};

struct HistorianSettings
{
    QString path;            // SQLite file; relative paths resolve against the config file
    int ringMinutes = 10;    // TagStore ring buffer length per tag
    int rawRetentionDays = 30;
    int minuteRetentionDays = 400;
    int hourRetentionDays = 3650;
};

struct PlantModel
{
    QString sourceFile;      // absolute path of the YAML file it came from
    int schemaVersion = 1;
    QString enterprise;
    QString title;           // shown in the window title
    std::vector<Site> sites;
    std::vector<Area> areas;
    std::vector<Line> lines;
    std::vector<Machine> machines;
    std::vector<TagDef> tags; // tags[i].id == i
    std::vector<MqttConnection> mqttConnections;
    HistorianSettings historian;

    const TagDef *tagByPath(const QString &path) const;
    TagId tagIdByPath(const QString &path) const;
    const MqttConnection *mqttConnection(const QString &id) const;
    // Time zone of the first site (the plant's); "UTC" when none is set.
    QString timeZone() const;

    QHash<QString, TagId> tagIndex; // path -> id; filled by the loader
};

} // namespace andon
