// The ISA-95 plant model (enterprise > site > area > line > machine > tag) with connections
// and tag bindings, as loaded from the YAML configuration (see docs/config.md).
// Immutable after loading; shared read-only by every layer (std::shared_ptr<const PlantModel>).
#pragma once

#include "core/alarm_def.h"
#include "core/analog_signal.h"
#include "core/condition_def.h"
#include "core/payload_preset.h"
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

// Specification limits of a quality characteristic (for SPC capability and the simulator's
// measurements). Any of them may be NaN (not set); when set, lsl < target < usl.
struct SpecLimits
{
    double lsl = std::numeric_limits<double>::quiet_NaN();
    double usl = std::numeric_limits<double>::quiet_NaN();
    double target = std::numeric_limits<double>::quiet_NaN();
};

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
    // A preset JSON shape (LoRaWAN, IO-Link, edge gateway) instead of the pointers above.
    std::optional<PresetBinding> preset;
    // The value is a 4-20 mA loop current (or converter counts): NE 43 quality, EU mapping.
    std::optional<AnalogScaling> analog;
};

// ---- Modbus (docs/config.md "Modbus devices", docs/modbus.md) ----

enum class ModbusTransport : std::uint8_t {
    Tcp,        // Modbus TCP (MBAP header), the usual Ethernet PLC/meter
    Rtu,        // RTU frames on a serial line (RS-485/RS-232)
    RtuOverTcp, // RTU frames (with CRC) tunnelled through a TCP socket (serial gateways)
};
// Which table a register lives in; decides the read function code (FC1/2/3/4).
enum class ModbusTable : std::uint8_t { Coil, DiscreteInput, InputRegister, HoldingRegister };
// How addresses are written in the config: 0-based protocol addresses as on the wire, or
// the 1-based Modicon reference notation (0xxxx coils, 1xxxx discrete inputs, 3xxxx input
// registers, 4xxxx holding registers; 5 or 6 digits).
enum class ModbusAddressing : std::uint8_t { Protocol, Modicon };
enum class ModbusParity : std::uint8_t { None, Even, Odd };
enum class ModbusType : std::uint8_t {
    Bool, Bit, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float32, Float64, String,
};
// Byte order of a multi-register value, with A the most significant byte. ABCD is big-endian
// as Modbus sends registers; CDAB swaps the registers (words); BADC swaps the bytes inside
// each register; DCBA does both (fully little-endian).
enum class ModbusOrder : std::uint8_t { ABCD, CDAB, BADC, DCBA };

QString modbusTransportName(ModbusTransport t);
bool parseModbusTransport(const QString &name, ModbusTransport *out);
QString modbusTableName(ModbusTable t);
bool parseModbusTable(const QString &name, ModbusTable *out);
QString modbusAddressingName(ModbusAddressing a);
bool parseModbusAddressing(const QString &name, ModbusAddressing *out);
QString modbusParityName(ModbusParity p);
bool parseModbusParity(const QString &name, ModbusParity *out);
QString modbusTypeName(ModbusType t);
bool parseModbusType(const QString &name, ModbusType *out);
QString modbusOrderName(ModbusOrder o);
bool parseModbusOrder(const QString &name, ModbusOrder *out);
inline bool isBitTable(ModbusTable t)
{
    return t == ModbusTable::Coil || t == ModbusTable::DiscreteInput;
}

struct ModbusDevice
{
    QString id;
    ModbusTransport transport = ModbusTransport::Tcp;
    QString host = QStringLiteral("127.0.0.1"); // tcp, rtu-over-tcp
    int port = 502;
    QString serialPort;      // rtu: e.g. /dev/ttyUSB0; devices with the same one share the line
    int baud = 19200;
    ModbusParity parity = ModbusParity::Even; // Modbus over serial line V1.02 §2.5.1 default
    int dataBits = 8;
    int stopBits = 1;
    int interFrameUs = 0;    // rtu: silent interval between frames, 0 = 3.5 characters
    int unitId = 1;          // slave/unit address 0-247 (255 is common on TCP)
    int timeoutMs = 1000;    // per request
    int retries = 1;         // extra attempts after a timeout before the tags go Bad
    int pollMs = 1000;       // interval of poll groups that don't set their own
    int maxGap = 0;          // unused registers/bits a request may read to join two tags
    ModbusAddressing addressing = ModbusAddressing::Protocol;
    bool writeMultiple = false; // write one coil/register with FC15/FC16 instead of FC5/FC6

    QString endpoint() const; // "127.0.0.1:502", "/dev/ttyUSB0@19200 8E1"
};

struct ModbusBinding
{
    QString device;          // id of a ModbusDevice
    ModbusTable table = ModbusTable::HoldingRegister;
    int address = 0;         // 0-based protocol address (Modicon notation is resolved)
    ModbusType type = ModbusType::UInt16;
    int bit = 0;             // type bit: 0 = least significant bit of the register
    int length = 0;          // type string: registers (two ASCII characters each)
    ModbusOrder order = ModbusOrder::ABCD;
    double scale = 1.0;      // engineering value = raw * scale + offset
    double offset = 0.0;
    QString pollGroup = QStringLiteral("default");
    int pollMs = 1000;       // resolved: the tag's poll_ms, else the device's
    bool writable = false;   // writes are off unless enabled per tag
    bool writeMultiple = false; // resolved: the tag's write_multiple, else the device's
    // A 4-20 mA input of a converter module: counts -> mA -> the tag's range, NE 43 quality
    // (`analog:`; replaces scale/offset).
    std::optional<AnalogScaling> analog;

    int registerCount() const; // registers (or bits) the value occupies
};

// A tag fed by a Sparkplug B edge node (docs/sparkplug.md): the metric `metric` of device
// `device` (or of the node itself when `device` is empty) of node `node` in group `group`,
// received on MQTT connection `connection`.
struct SparkplugBinding
{
    QString connection;
    QString group;
    QString node;
    QString device;          // "" = a node-level metric (NBIRTH/NDATA)
    QString metric;          // metric name as in the birth, e.g. "Motor/Temperature"
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
    std::optional<ModbusBinding> modbus;
    std::optional<SparkplugBinding> sparkplug;
    std::optional<SpecLimits> spec; // set for quality characteristics (`spec:`)
    // Counters only: the device's counter wraps to 0 on reaching this value (engineering
    // units, e.g. 65.536 kWh for a 16-bit Wh register); 0 = no rollover known (`rollover:`).
    double rollover = 0.0;
    // Derived tags: computed on ingest from other tags (muParser syntax, core/derived_tags.h);
    // "" = measured by a source (`expression:`).
    QString expression;
    // Attribute characteristic (counters only, `defect_types:`): one counter tag per defect
    // type, the categories of the SPC page's Pareto (docs/spc.md "Pareto of defect types").
    std::vector<TagId> defectTypes;
    // Quality characteristic with `spec: alarm:`: index into PlantModel::alarms of the alarm its
    // SPC rule violations raise (docs/spc.md "Violation alarm"); -1 = none.
    int spcAlarm = -1;
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
    QString sparkplugHostId; // "" = no Sparkplug host role (no STATE messages)
    // Production client settings (docs/config.md "MQTT connections").
    int protocolVersion = 4;     // `protocol:` 3.1.1 -> 4, 5 -> 5
    QString tlsCaFile;           // absolute paths (relative ones resolved against the config)
    QString tlsCertFile;
    QString tlsKeyFile;
    bool tlsInsecure = false;    // hostname verification off; shown as a warning
    bool tls() const { return !tlsCaFile.isEmpty(); }
    QString willTopic;           // "" = no Last-Will
    QString willPayload;
    int willQos = 0;
    bool willRetain = false;
    int reconnectMinS = 1;       // back-off with jitter between these
    int reconnectMaxS = 30;
    int skewWarnMs = 2000;       // source/receive clock skew warning threshold
    // Secrets (docs/security.md "Secrets and TLS"): never logged, never written back.
    QString password;            // inline `password:` (accepted with a warning and a banner)
    QString passwordWhere;       // "plant.yaml:12" of an inline password, for the banner
    QString passwordKeychain;    // "SERVICE/ACCOUNT" in the OS keychain (qtkeychain)
    QString tlsKeyPasswordEnv;   // passphrase of an encrypted tls.key_file
    QString tlsKeyPasswordKeychain;
    bool insecurePlaintext = false; // plain MQTT to a non-loopback host, explicitly accepted
    // Cloud broker profile (docs/integrations.md "Cloud brokers"). The loader already filled
    // host, port, client id, username and protocol from it.
    enum class Profile : std::uint8_t { None, AwsIotCore, AzureIotHub };
    Profile profile = Profile::None;
    QString thingName;           // AWS IoT Core: the thing (= client id)
    QString azureHub;            // Azure IoT Hub: hub name (host {hub}.azure-devices.net)
    QString azureDeviceId;
    QString azureDeviceKeyEnv;   // base64 device key -> SAS tokens made and renewed by Andon
    QString azureDeviceKeyKeychain;
    QString azureSasTokenEnv;    // or a ready-made SAS token (not renewable)
    int sasTtlS = 3600;
};

struct HistorianSettings
{
    QString path;            // SQLite file; relative paths resolve against the config file
    int ringMinutes = 10;    // TagStore ring buffer length per tag
    int rawRetentionDays = 30;
    int minuteRetentionDays = 400;
    int hourRetentionDays = 3650;
    int maxSizeMb = 0;       // upper bound of the historian file (0 = none but the disk's)
};

// `security:` (docs/security.md "Users and roles"): local users, lock-out, session timeout.
struct SecuritySettings
{
    QString usersDb;                        // "" = next to the historian: andon-users.sqlite
    qint64 sessionTimeoutMs = 15 * 60'000;  // idle time before the session falls back to viewer
    int lockoutAttempts = 5;                // failed sign-ins in a row before lock-out
    qint64 lockoutMs = 15 * 60'000;         // how long a locked-out account stays locked
    int minPasswordLength = 10;
};

// ---- Shift calendar and products (docs/config.md "Calendar", "Products") ----

// A planned break inside a shift, in the calendar's local wall time.
struct BreakDef
{
    int startMinute = 0; // minutes after local midnight (0..1439)
    int minutes = 0;     // length
};

// A shift pattern repeated every production day; a shift belongs to the day it starts on
// (a night shift starting Friday 22:00 is Friday's) and may run past midnight.
struct ShiftDef
{
    QString name;
    int startMinute = 0; // minutes after local midnight (0..1439)
    int minutes = 0;     // length (1..1440)
    std::vector<BreakDef> breaks; // inside the shift, in time order
};

struct ShiftCalendar
{
    QString timeZone = QStringLiteral("UTC"); // IANA id; default: the plant's
    std::vector<ShiftDef> shifts;             // empty = no calendar (always planned)
    std::vector<int> nonProductionDays;       // Qt::DayOfWeek values (1 = Monday .. 7 = Sunday)
    bool isSet() const { return !shifts.empty(); }
};

struct ProductDef
{
    int code = 0;            // the numeric value of a machine's `product` role tag
    QString name;
    double idealCycleS = 0;  // default ideal cycle time for every machine (0 = not set)
    // Overrides by ISA-95 path of a machine or a line; a machine's own entry wins.
    QHash<QString, double> idealCycleByPath;
};

// ---- OEE settings (docs/config.md "OEE", docs/oee.md "Reasons") ----

// One node of a reason tree. Codes are slash paths of segments
// ("breakdown/mechanical/bearing"); the code is what the event journal stores.
struct ReasonDef
{
    QString code;        // full path, e.g. "breakdown/mechanical/bearing"
    QString name;        // shown to the operator, e.g. "Bearing failure"
    QString category;    // loss category (reasonCategories()); inherited from the parent
    bool enabled = true; // a disabled node (and everything under it) is not offered
};

// Loss categories a reason may belong to: "breakdown", "minor_stop", "changeover",
// "material", "quality", "organisation", "planned", "other".
QStringList reasonCategories();

struct ReasonTree
{
    std::vector<ReasonDef> nodes; // parents before their children, siblings in file order

    const ReasonDef *find(const QString &code) const;
    // Known, enabled, and every ancestor enabled.
    bool offered(const QString &code) const;
    // The node's name, or the code itself when the tree does not know it.
    QString name(const QString &code) const;
    // "Breakdown › Mechanical › Bearing failure" (names of the node and its ancestors).
    QString displayPath(const QString &code) const;
    // Parent code ("" for a top-level node).
    static QString parentCode(const QString &code);
    bool isEmpty() const { return nodes.empty(); }
};

// OEE targets as fractions (0.85 = 85 %); NaN = no target.
struct OeeTargets
{
    double oee = std::numeric_limits<double>::quiet_NaN();
    double availability = std::numeric_limits<double>::quiet_NaN();
    double performance = std::numeric_limits<double>::quiet_NaN();
    double quality = std::numeric_limits<double>::quiet_NaN();
};

// The `oee:` section, resolved for one scope (plant, line or machine).
struct OeeSettings
{
    OeeTargets targets;
    TimestampMs microStopMs = 5 * 60'000;      // stops shorter are micro-stops
    TimestampMs startupRejectMs = 10 * 60'000; // rejects this soon after a start: start-up
    ReasonTree reasons;       // downtime reasons
    ReasonTree rejectReasons; // scrap/reject reasons (kept apart from downtime reasons)
};

// ---- Energy (docs/config.md "Energy", docs/energy.md) ----

// A time-of-use tariff period in the plant's local wall time. end <= start runs across
// midnight (22:00-06:00 belongs to the day it starts on); start == end is the whole day.
struct TariffPeriodDef
{
    QString name;                 // "peak", "night"
    std::vector<int> weekdays;    // Qt::DayOfWeek (1 = Monday); empty = every day
    int startMinute = 0;          // minutes after local midnight
    int endMinute = 0;
    double price = 0.0;           // currency per kWh
};

// A metered consumer that is not a machine (e.g. the air compressor), below the main meter.
struct SubMeterDef
{
    QString name;
    TagId power = kInvalidTag;    // kW
    TagId energy = kInvalidTag;   // kWh counter
};

// Another medium (compressed air, water, gas, steam) measured per line by a flow tag and a
// totaliser, both found by their leaf names on each line.
struct MediumDef
{
    QString name;                 // "compressed_air"
    QString unit;                 // of the totaliser, e.g. "Nm³"
    QString flowTag;              // leaf name of the line's flow tag (unit per hour)
    QString totalTag;             // leaf name of the line's totaliser
    double leakThreshold = std::numeric_limits<double>::quiet_NaN(); // flow/h; NaN = no check
    TimestampMs leakMinMs = 5 * 60'000; // a stop must last this long to judge a leak
    std::vector<StateCategory> stoppedStates { StateCategory::Off, StateCategory::PlannedStop };
    double price = 0.0;           // currency per unit of the totaliser (0 = not priced)
};

struct EnergySettings
{
    bool configured = false;      // an `energy:` section was given
    QString powerTag = QStringLiteral("power");   // leaf name of a machine's power tag (kW)
    QString energyTag = QStringLiteral("energy"); // leaf name of a machine's kWh counter
    TagId mainPower = kInvalidTag;
    TagId mainEnergy = kInvalidTag;
    std::vector<SubMeterDef> subMeters;
    TimestampMs demandWindowMs = 15 * 60'000;     // the utility's demand interval
    bool demandSliding = false;                   // false: fixed clock-aligned windows
    double demandLimitKw = std::numeric_limits<double>::quiet_NaN();
    double demandWarnFraction = 0.9;              // warn when the forecast reaches this
    QString currency = QStringLiteral("EUR");
    double emissionKgPerKwh = std::numeric_limits<double>::quiet_NaN(); // kg CO2e per kWh
    std::vector<StateCategory> idleStates { StateCategory::Idle, StateCategory::Starved,
        StateCategory::Blocked, StateCategory::PlannedStop, StateCategory::Off };
    QString defaultTariffName = QStringLiteral("standard");
    double defaultPrice = 0.0;                    // currency per kWh outside every period
    std::vector<TariffPeriodDef> tariffPeriods;   // first match wins
    TimestampMs maxPowerGapMs = 5 * 60'000;       // power integration never bridges longer gaps
    std::vector<MediumDef> media;
};

// ---- KPI publishing to the UNS (`publish:`, docs/integrations.md "KPIs back to the plant") ----

struct PublishSettings
{
    bool enabled = false;            // a `publish:` section was given and not `enabled: false`
    QString connection;              // MQTT connection id (connections.mqtt)
    QString topicPrefix;             // "" = topics start with the ISA-95 path
    TimestampMs intervalMs = 10'000; // at most one message per topic per interval
    TimestampMs refreshMs = 300'000; // an unchanged retained value is re-sent this often
    bool retain = true;
    int qos = 1;
    bool oee = true, energy = true, state = true; // `what:`
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
    std::vector<ModbusDevice> modbusDevices;
    HistorianSettings historian;
    SecuritySettings security;               // `security:` (users store, lock-out, timeout)
    ShiftCalendar calendar;
    std::vector<ProductDef> products;
    std::vector<AlarmDef> alarms;            // `alarms:`, expanded per machine, in file order
    ConditionSettings condition;             // `condition:` (docs/condition.md)
    OeeSettings oee;                         // plant level (`oee:`)
    QHash<QString, OeeSettings> oeeByPath;   // resolved for lines/machines with an override
    EnergySettings energy;                   // `energy:`
    PublishSettings publish;                 // `publish:` (KPIs to the UNS)

    const TagDef *tagByPath(const QString &path) const;
    TagId tagIdByPath(const QString &path) const;
    const MqttConnection *mqttConnection(const QString &id) const;
    const ModbusDevice *modbusDevice(const QString &id) const;
    // Time zone of the first site (the plant's); "UTC" when none is set.
    QString timeZone() const;
    const ProductDef *product(int code) const;
    const AlarmDef *alarm(const QString &id) const;
    // Ideal cycle time (s) of `machine` (index) making `productCode`: the product's entry for
    // the machine, else for its line, else the product default, else 60 / ideal_rate_per_min;
    // 0 when none is known.
    double idealCycleSeconds(int machine, int productCode) const;
    // OEE settings of a machine / line (index): its own override, else its line's, else the
    // plant's.
    const OeeSettings &machineOee(int machine) const;
    const OeeSettings &lineOee(int line) const;

    QHash<QString, TagId> tagIndex; // path -> id; filled by the loader
};

} // namespace andon
