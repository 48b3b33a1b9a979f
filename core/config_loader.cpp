#include "core/config_loader.h"
#include "core/cloud_profile.h"
#include "core/connection_security.h"
#include "core/derived_tags.h"
#include "core/kpi_topics.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <cmath>
#include <exception>
#include <functional>
#include <initializer_list>
#include <optional>
#include <tuple>

namespace andon {

namespace {

Q_LOGGING_CATEGORY(lcConfig, "andon.config", QtInfoMsg)

// Staleness used when neither the tag, its machine nor `defaults` set one.
constexpr int kDefaultStaleAfterMs = 30000;
// Bounds of stale_after_s: below 0.1 s a tag would flap between good and stale on normal
// network jitter; above a day "stale" no longer means anything for a live view.
constexpr double kMinStaleAfterS = 0.1;
constexpr double kMaxStaleAfterS = 86400;

struct Loc
{
    int line = 0; // 1-based, 0 = unknown
    int column = 0; // 1-based, 0 = unknown
};

Loc locOf(const YAML::Node &n)
{
    if (!n.IsDefined())
        return {};
    const YAML::Mark m = n.Mark();
    if (m.is_null() || m.line < 0 || m.column < 0)
        return {};
    return { m.line + 1, m.column + 1 };
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString quoted(const QString &s)
{
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

QString at(Loc l)
{
    return QStringLiteral("line ") + QString::number(l.line) + QStringLiteral(", column ")
        + QString::number(l.column);
}

// What a node holds, for "expected X, got Y" messages.
QString describe(const YAML::Node &n)
{
    switch (n.Type()) {
    case YAML::NodeType::Scalar:
        return QLatin1Char('"') + qs(n.Scalar()) + QLatin1Char('"');
    case YAML::NodeType::Sequence:
        return QStringLiteral("a list");
    case YAML::NodeType::Map:
        return QStringLiteral("a map");
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexPath(const QString &path, std::size_t i)
{
    return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

// Optimal string alignment distance: like Levenshtein, but a swapped pair of letters
// ("prot" for "port", the most common typo) costs one edit instead of two.
int editDistance(const QString &a, const QString &b)
{
    const auto n = static_cast<std::size_t>(a.size());
    const auto m = static_cast<std::size_t>(b.size());
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = static_cast<int>(i);
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({ d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost });
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

// The candidate closest to `word`, or "" when none is close enough to be a plausible typo
// (about one edit per three letters, at least one, at most three).
QString closestMatch(const QString &word, const QStringList &candidates)
{
    const QString w = word.toLower();
    QString best;
    int bestDistance = INT_MAX;
    for (const QString &c : candidates) {
        const int distance = editDistance(w, c.toLower());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = c;
        }
    }
    if (best.isEmpty())
        return QString();
    const auto longest = std::max(w.size(), best.size());
    const int limit = static_cast<int>(std::clamp<qsizetype>(longest / 3, 1, 3));
    return bestDistance <= limit ? best : QString();
}

bool isPathSegment(const QString &s)
{
    if (s.isEmpty())
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'-';
    });
}

bool isEnvVarName(const QString &s)
{
    if (s.isEmpty() || (s[0] >= u'0' && s[0] <= u'9'))
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_';
    });
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', 12);
}

class Loader;

// The entries of one YAML map, checked against the keys allowed at that place. Unknown and
// repeated keys are reported when the object is built; lookups never modify the document
// (a non-const YAML::Node::operator[] would insert the key).
class Fields
{
public:
    Fields(Loader &loader, const YAML::Node &map, const QString &path,
        std::initializer_list<const char *> allowed,
        std::initializer_list<const char *> reserved = {});

    std::optional<YAML::Node> get(const char *key) const
    {
        const Entry *e = find(key);
        return e ? std::optional<YAML::Node>(e->value) : std::nullopt;
    }
    std::optional<YAML::Node> keyNode(const char *key) const
    {
        const Entry *e = find(key);
        return e ? std::optional<YAML::Node>(e->key) : std::nullopt;
    }
    bool has(const char *key) const { return find(key) != nullptr; }
    // Position of the key in the map (file order), -1 when absent.
    int order(const char *key) const
    {
        const Entry *e = find(key);
        return e ? static_cast<int>(e - m_entries.data()) : -1;
    }
    QString path(const char *key) const { return joinPath(m_path, QLatin1String(key)); }
    const QString &path() const { return m_path; }
    const YAML::Node &node() const { return m_map; }
    // Reports a missing required key at the map and returns false.
    bool require(const char *key) const;

private:
    struct Entry
    {
        QString name;
        YAML::Node key;
        YAML::Node value;
    };
    const Entry *find(const char *key) const
    {
        for (const Entry &e : m_entries) {
            if (e.name == QLatin1String(key))
                return &e;
        }
        return nullptr;
    }

    Loader &m_loader;
    YAML::Node m_map;
    QString m_path;
    std::vector<Entry> m_entries;
};

// The parts of an MQTT binding as written, before `{path}` substitution, with where each
// came from so that a problem in `default_mqtt` is reported once, at default_mqtt.
struct BindingDraft
{
    MqttBinding binding;
    bool hasConnection = false;
    bool connectionReported = false; // already reported (unknown or missing), don't repeat
    QString topic;
    bool hasTopic = false;
    bool topicFromTag = false;
    Loc topicLoc;
    // `preset:` and the keys that only mean something with one, checked in readTag once the
    // tag's keys are merged over default_mqtt's (docs/integrations.md).
    bool hasPreset = false;
    bool presetReported = false; // an unknown preset: already an error, don't add to it
    Loc presetLoc;
    PresetBinding presetFields;
    QHash<QString, Loc> presetKeys; // preset-only keys given ("dev_eui", "port", ...) and where
    QHash<QString, Loc> pointerKeys; // value/timestamp/quality/format given, and where
};

class Loader
{
public:
    Loader(const QString &fileName, const QString &baseDir, const QString &absoluteFile)
        : m_fileName(fileName)
        , m_baseDir(baseDir)
        , m_model(std::make_shared<PlantModel>())
    {
        m_model->sourceFile = absoluteFile;
    }

    ConfigResult load(const QByteArray &yaml);

    void message(ConfigMessage::Severity severity, Loc loc, const QString &text)
    {
        ConfigMessage m;
        m.severity = severity;
        m.file = m_fileName;
        m.line = loc.line;
        m.column = loc.column;
        m.text = text;
        m_messages.push_back(m);
    }
    void error(Loc loc, const QString &text) { message(ConfigMessage::Severity::Error, loc, text); }
    void error(const YAML::Node &n, const QString &text) { error(locOf(n), text); }
    // "missing required key 'KEY' in PATH", reported at the map.
    void missingKey(const YAML::Node &map, const QString &path, const char *key);
    void warning(const YAML::Node &n, const QString &text)
    {
        message(ConfigMessage::Severity::Warning, locOf(n), text);
    }

private:
    // Typed readers: each reports "PATH: expected ..., got ..." and returns nullopt on error.
    std::optional<QString> text(const YAML::Node &n, const QString &path);
    std::optional<QString> name(const YAML::Node &n, const QString &path);
    std::optional<qint64> integer(
        const YAML::Node &n, const QString &path, qint64 low, qint64 high);
    std::optional<double> number(const YAML::Node &n, const QString &path,
        std::optional<double> low = std::nullopt, std::optional<double> high = std::nullopt);
    std::optional<bool> boolean(const YAML::Node &n, const QString &path);
    template <typename E>
    std::optional<E> enumValue(const YAML::Node &n, const QString &path, const char *what,
        bool (*parse)(const QString &, E *), std::initializer_list<const char *> names);
    bool expectMap(const YAML::Node &n, const QString &path);
    bool expectList(const YAML::Node &n, const QString &path);

    // Convenience: read an optional key of `f` into `out` when present and valid.
    void readText(const Fields &f, const char *key, QString *out);
    void readHost(const Fields &f, QString *out); // `host`: non-empty name or address
    template <typename T>
    void readInt(const Fields &f, const char *key, qint64 low, qint64 high, T *out);
    void readStaleAfter(const Fields &f, int *outMs);
    std::optional<QString> readName(const Fields &f, const char *key = "name");
    // Reads `id` (a name) that must be unique among `seen`; `kind` names it in the message
    // ("connection", "Modbus device"). Returns false when missing, malformed or a duplicate.
    bool readUniqueId(const Fields &f, QHash<QString, Loc> &seen, const QString &kind, QString *id);
    // Reads the required integer `code` (>= minCode) that must be unique among `seen`; `kind`
    // names it in the message ("state", "product").
    bool readUniqueCode(const Fields &f, QHash<int, Loc> &seen, const QString &kind,
                        qint64 minCode, int *code);

    void readRoot(const YAML::Node &root);
    void readPlant(const YAML::Node &n);
    void readHistorian(const YAML::Node &n, bool present);
    void readSecurity(const YAML::Node &n);
    void readConnections(const YAML::Node &n);
    void readMqttConnection(const YAML::Node &n, const QString &path);
    void readMqttClientSettings(const Fields &f, MqttConnection *c);
    void readSecretRefs(const Fields &f, MqttConnection *c);
    void readEnvName(const Fields &f, const char *key, QString *out);
    void readKeychainRef(const Fields &f, const char *key, QString *out);
    void checkPlaintext(const Fields &f, MqttConnection *c);
    void readCloudProfile(const Fields &f, MqttConnection *c);
    void checkCloudTopic(Loc loc, const QString &path, const QString &connection,
                         const QString &topic);
    void readModbusDevice(const YAML::Node &n, const QString &path);
    std::optional<ModbusBinding> readModbusBinding(
        const YAML::Node &n, const QString &path, const TagDef &tag);
    std::optional<SparkplugBinding> readSparkplugBinding(const YAML::Node &n, const QString &path);
    std::optional<QString> sparkplugId(const Fields &f, const char *key, bool required);
    void readDefaults(const YAML::Node &n);
    std::vector<StateDef> readStates(
        const YAML::Node &n, const QString &path, std::vector<StateDef> base);
    void readDefaultMqtt(const YAML::Node &n);
    void readBindingFields(const YAML::Node &n, const QString &path, bool fromTag, BindingDraft *d);
    void readPresetFields(const Fields &f, BindingDraft *d);
    // Checks a merged binding's preset keys and fills in what the preset implies (the
    // LoRaWAN default topic); reports at `n` (the tag) or at the keys' own places.
    void finishPreset(const YAML::Node &n, const QString &path, BindingDraft *d);
    // `analog:` of a Modbus or MQTT binding (docs/integrations.md "4-20 mA analog inputs");
    // `requireRaw`: raw_min/raw_max must be given (Modbus counts have no natural default).
    std::optional<AnalogScaling> readAnalog(const YAML::Node &n, const QString &path,
                                            bool requireRaw);
    void checkConnection(const YAML::Node &n, const QString &path, const QString &id);
    void checkTopic(const YAML::Node &n, const QString &path, const QString &topic);
    void readSites(const YAML::Node &n);
    void readSite(const YAML::Node &n, const QString &path);
    void readArea(const YAML::Node &n, const QString &path, int site, const QString &parent);
    // Reads `name` and registers parent/name as an ISA-95 path; returns "" when either failed.
    QString readNodePath(const Fields &f, const QString &parent, QString *name);
    // Reads a container's child list (`childKey`) and its own `tags`, in the order they are
    // written: tag ids follow the file, so the block written first is read first.
    void readChildrenAndTags(const Fields &f, const char *childKey, const QString &isaPath,
                             const std::function<void(const YAML::Node &, const QString &)> &readChild);
    void readLine(const YAML::Node &n, const QString &path, int area, const QString &parent);
    void readMachine(const YAML::Node &n, const QString &path, int line, const QString &parent);
    void readTags(const YAML::Node &n, const QString &path, int machine, const QString &parent);
    void readTag(const YAML::Node &n, const QString &path, int machine, const QString &parent);
    void readSpec(const YAML::Node &n, const QString &path, TagDef *tag);
    void readSpcAlarm(const YAML::Node &n, const QString &path, const TagDef &tag);
    // After the alarms: SPC violation alarms and defect types (docs/spc.md).
    void resolveSpcConfig();
    void readCalendar(const YAML::Node &n);
    std::optional<int> clockTime(const YAML::Node &n, const QString &path);
    void readProducts(const YAML::Node &n);
    void readAlarms(const YAML::Node &n);
    void readCondition(const YAML::Node &n);
    void checkExpressions();
    void readConditionScope(const Fields &f, ConditionMachineSettings *s);
    template <typename TagRef>
    void readConditionOil(const Fields &f, OilSettings *o, TagRef tagRef);
    void readAlarm(const YAML::Node &n, const QString &path, QHash<QString, Loc> &seen);
    void readOee(const YAML::Node &n);
    void readEnergy(const YAML::Node &n);
    void readPublish(const YAML::Node &n);
    void checkPublishOnCloud(const Fields &f);
    // A tag given by its full path (`energy:` meters); reports an unknown path.
    TagId energyTag(const YAML::Node &n, const QString &path, TagKind kind);
    std::vector<StateCategory> readCategories(const YAML::Node &n, const QString &path);
    // Reads the settings keys of one `oee` scope (plant or a by_path entry) into `s`.
    void readOeeScope(const Fields &f, OeeSettings *s, bool isOverride);
    // Reads a list of reason nodes under `parent` ("" = top level) into `tree`: a code the
    // tree has is changed (overrides only), a new code is added under its parent.
    void readReasons(const YAML::Node &n, const QString &path, ReasonTree *tree,
                     const QString &parent, bool isOverride, QHash<QString, Loc> &seen);

    // Registers an ISA-95 path; reports a duplicate (naming the first definition) and returns
    // false. Children of an entity whose path is not valid are not registered, so one bad
    // name doesn't cascade into dozens of messages.
    bool registerPath(const QString &isaPath, const YAML::Node &at, const QString &keyPath);

    QString m_fileName;
    QString m_baseDir;
    std::shared_ptr<PlantModel> m_model;
    std::vector<ConfigMessage> m_messages;

    QHash<QString, Loc> m_paths; // ISA-95 path -> where it was first defined
    QHash<QString, Loc> m_connIds; // connection id -> where it was defined
    std::vector<StateDef> m_defaultStates;
    int m_defaultStaleMs = kDefaultStaleAfterMs;
    QHash<TagId, YAML::Node> m_expressionNodes; // derived tags: where their expression is
    std::optional<BindingDraft> m_defaultBinding;
    QHash<QString, Loc> m_modbusIds; // Modbus device id -> where it was defined
    struct PollGroupSeen
    {
        int pollMs = 0;
        Loc loc;
    };
    QHash<QString, PollGroupSeen> m_pollGroups; // device + '/' + group -> first use
    struct SpcAlarmDraft // `spec: alarm:` of a tag, resolved once every alarm is read
    {
        QString tagPath;
        int priority = 3;
        QStringList rules;
        YAML::Node node;
    };
    std::vector<SpcAlarmDraft> m_spcAlarms;
    struct DefectTypesDraft // `defect_types:` of a counter, resolved once every tag exists
    {
        QString tagPath;
        QString keyPath;
        YAML::Node node;
    };
    std::vector<DefectTypesDraft> m_defectTypes;
};

Fields::Fields(Loader &loader, const YAML::Node &map, const QString &path,
    std::initializer_list<const char *> allowed, std::initializer_list<const char *> reserved)
    : m_loader(loader)
    , m_map(map)
    , m_path(path)
{
    QStringList allowedNames;
    for (const char *a : allowed)
        allowedNames << QLatin1String(a);
    QStringList reservedNames;
    for (const char *r : reserved)
        reservedNames << QLatin1String(r);
    const QString where
        = path.isEmpty() ? QStringLiteral("at the top level") : QStringLiteral("in ") + path;

    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            m_loader.error(key,
                QStringLiteral("expected a key name ") + where + QStringLiteral(", got ")
                    + describe(key));
            continue;
        }
        const QString k = qs(key.Scalar());
        if (!allowedNames.contains(k) && !reservedNames.contains(k)) {
            QString msg = QStringLiteral("unknown key ") + quoted(k) + QLatin1Char(' ') + where;
            const QString hint = closestMatch(k, allowedNames);
            if (!hint.isEmpty())
                msg += QStringLiteral("; did you mean ") + quoted(hint) + QLatin1Char('?');
            m_loader.error(key, msg);
            continue;
        }
        bool duplicate = false;
        for (const Entry &e : m_entries) {
            if (e.name == k) {
                m_loader.error(key,
                    QStringLiteral("duplicate key ") + quoted(k) + QLatin1Char(' ') + where
                        + QStringLiteral("; first given at ") + at(locOf(e.key)));
                duplicate = true;
                break;
            }
        }
        if (!duplicate)
            m_entries.push_back({ k, key, it->second });
    }
}

bool Fields::require(const char *key) const
{
    if (has(key))
        return true;
    m_loader.missingKey(m_map, m_path, key);
    return false;
}

void Loader::missingKey(const YAML::Node &map, const QString &path, const char *key)
{
    const QString where
        = path.isEmpty() ? QStringLiteral("at the top level") : QStringLiteral("in ") + path;
    Loc loc = locOf(map);
    if (loc.line == 0)
        loc = { 1, 1 };
    error(loc,
        QStringLiteral("missing required key ") + quoted(QLatin1String(key)) + QLatin1Char(' ')
            + where);
}

// ---- typed readers ----

std::optional<QString> Loader::text(const YAML::Node &n, const QString &path)
{
    if (n.IsNull())
        return QString();
    if (!n.IsScalar()) {
        error(n, path + QStringLiteral(": expected a text, got ") + describe(n));
        return std::nullopt;
    }
    return qs(n.Scalar());
}

std::optional<QString> Loader::name(const YAML::Node &n, const QString &path)
{
    if (n.IsScalar() && isPathSegment(qs(n.Scalar())))
        return qs(n.Scalar());
    error(n,
        path
            + QStringLiteral(": expected a name made of letters, digits, '_' and '-' "
                             "(a path segment), got ")
            + describe(n));
    return std::nullopt;
}

std::optional<qint64> Loader::integer(
    const YAML::Node &n, const QString &path, qint64 low, qint64 high)
{
    bool ok = false;
    const qint64 v = n.IsScalar() ? qs(n.Scalar()).toLongLong(&ok, 10) : 0;
    if (!ok || v < low || v > high) {
        error(n,
            path + QStringLiteral(": expected an integer from ") + QString::number(low)
                + QStringLiteral(" to ") + QString::number(high) + QStringLiteral(", got ")
                + describe(n));
        return std::nullopt;
    }
    return v;
}

std::optional<double> Loader::number(
    const YAML::Node &n, const QString &path, std::optional<double> low, std::optional<double> high)
{
    bool ok = false;
    const double v = n.IsScalar() ? qs(n.Scalar()).toDouble(&ok) : 0.0;
    const bool inRange = ok && std::isfinite(v) && (!low || v >= *low) && (!high || v <= *high);
    if (!inRange) {
        QString expected = QStringLiteral("a number");
        if (low && high)
            expected += QStringLiteral(" from ") + formatNumber(*low) + QStringLiteral(" to ")
                + formatNumber(*high);
        else if (low)
            expected += QStringLiteral(" of at least ") + formatNumber(*low);
        error(n,
            path + QStringLiteral(": expected ") + expected + QStringLiteral(", got ")
                + describe(n));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> Loader::boolean(const YAML::Node &n, const QString &path)
{
    if (n.IsScalar()) {
        const QString s = qs(n.Scalar()).toLower();
        if (s == u"true" || s == u"yes" || s == u"on")
            return true;
        if (s == u"false" || s == u"no" || s == u"off")
            return false;
    }
    error(n, path + QStringLiteral(": expected true or false, got ") + describe(n));
    return std::nullopt;
}

template <typename E>
std::optional<E> Loader::enumValue(const YAML::Node &n, const QString &path, const char *what,
    bool (*parse)(const QString &, E *), std::initializer_list<const char *> names)
{
    E value {};
    if (n.IsScalar() && parse(qs(n.Scalar()), &value))
        return value;
    QStringList allowed;
    for (const char *name : names)
        allowed << QLatin1String(name);
    const QString got = n.IsScalar() ? quoted(qs(n.Scalar())) : describe(n);
    error(n,
        path + QStringLiteral(": unknown ") + QLatin1String(what) + QLatin1Char(' ') + got
            + QStringLiteral("; expected one of: ") + allowed.join(QStringLiteral(", ")));
    return std::nullopt;
}

bool Loader::expectMap(const YAML::Node &n, const QString &path)
{
    if (n.IsMap())
        return true;
    error(n, path + QStringLiteral(": expected a map, got ") + describe(n));
    return false;
}

bool Loader::expectList(const YAML::Node &n, const QString &path)
{
    if (n.IsSequence())
        return true;
    error(n, path + QStringLiteral(": expected a list, got ") + describe(n));
    return false;
}

void Loader::readText(const Fields &f, const char *key, QString *out)
{
    if (const auto n = f.get(key)) {
        if (const auto v = text(*n, f.path(key)))
            *out = *v;
    }
}

void Loader::readHost(const Fields &f, QString *out)
{
    if (const auto h = f.get("host")) {
        const auto v = text(*h, f.path("host"));
        if (v && v->isEmpty())
            error(*h,
                f.path("host") + QStringLiteral(": expected a host name or address, got nothing"));
        else if (v)
            *out = *v;
    }
}

template <typename T>
void Loader::readInt(const Fields &f, const char *key, qint64 low, qint64 high, T *out)
{
    if (const auto n = f.get(key)) {
        if (const auto v = integer(*n, f.path(key), low, high))
            *out = static_cast<T>(*v);
    }
}

void Loader::readStaleAfter(const Fields &f, int *outMs)
{
    if (const auto n = f.get("stale_after_s")) {
        if (const auto v = number(*n, f.path("stale_after_s"), kMinStaleAfterS, kMaxStaleAfterS))
            *outMs = static_cast<int>(std::lround(*v * 1000.0));
    }
}

bool Loader::readUniqueCode(const Fields &f, QHash<int, Loc> &seen, const QString &kind,
                            qint64 minCode, int *code)
{
    if (!f.require("code"))
        return false;
    const auto value = integer(*f.get("code"), f.path("code"), minCode, INT_MAX);
    if (!value)
        return false;
    *code = static_cast<int>(*value);
    if (const auto first = seen.constFind(*code); first != seen.constEnd()) {
        error(*f.get("code"),
            f.path("code") + QStringLiteral(": duplicate ") + kind + QStringLiteral(" code ")
                + QString::number(*code) + QStringLiteral("; first defined at ") + at(*first));
        return false;
    }
    seen.insert(*code, locOf(*f.get("code")));
    return true;
}

bool Loader::readUniqueId(const Fields &f, QHash<QString, Loc> &seen, const QString &kind,
                          QString *id)
{
    const auto name = readName(f, "id");
    if (!name)
        return false;
    *id = *name;
    const auto first = seen.constFind(*id);
    if (first != seen.constEnd()) {
        error(*f.get("id"),
            f.path("id") + QStringLiteral(": duplicate ") + kind + QStringLiteral(" id ")
                + quoted(*id) + QStringLiteral("; first defined at ") + at(*first));
        return false;
    }
    seen.insert(*id, locOf(*f.get("id")));
    return true;
}

std::optional<QString> Loader::readName(const Fields &f, const char *key)
{
    if (!f.require(key))
        return std::nullopt;
    return name(*f.get(key), f.path(key));
}

bool Loader::registerPath(const QString &isaPath, const YAML::Node &at_, const QString &keyPath)
{
    const auto it = m_paths.constFind(isaPath);
    if (it != m_paths.constEnd()) {
        error(at_,
            keyPath + QStringLiteral(": duplicate path ") + quoted(isaPath)
                + QStringLiteral("; first defined at ") + at(*it));
        return false;
    }
    m_paths.insert(isaPath, locOf(at_));
    return true;
}

// ---- document ----

ConfigResult Loader::load(const QByteArray &yaml)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        readRoot(root);
    } catch (const YAML::Exception &e) {
        // ParserException (syntax) and DeepRecursion carry the position in the document.
        Loc loc = e.mark.is_null() ? Loc {} : Loc { e.mark.line + 1, e.mark.column + 1 };
        error(loc, QStringLiteral("invalid YAML: ") + qs(e.msg));
    } catch (const std::exception &e) {
        error(Loc {},
            QStringLiteral("cannot parse the configuration: ") + QString::fromLocal8Bit(e.what()));
    }

    // Messages are produced in processing order (defaults before sites); users read them
    // in file order. Stable, so messages at one place keep their relative order.
    std::stable_sort(
        m_messages.begin(), m_messages.end(), [](const ConfigMessage &a, const ConfigMessage &b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });

    // A node reached through several aliases (`tags: *machine_tags`) is read once per use;
    // its problem is the same each time, so report it once, under its first key path.
    const auto withoutIndices = [](QString text) {
        static const QRegularExpression index(QStringLiteral("\\[[0-9]+\\]"));
        return text.replace(index, QStringLiteral("[]"));
    };
    std::vector<ConfigMessage> unique;
    for (const ConfigMessage &m : m_messages) {
        bool repeated = false;
        // Sorted by position: only the messages at the same place need comparing.
        for (auto u = unique.rbegin(); u != unique.rend() && m.line > 0; ++u) {
            if (u->line != m.line || u->column != m.column)
                break;
            if (u->severity == m.severity && withoutIndices(u->text) == withoutIndices(m.text)) {
                repeated = true;
                break;
            }
        }
        if (!repeated)
            unique.push_back(m);
    }
    m_messages = std::move(unique);

    ConfigResult result;
    result.messages = m_messages;
    const bool failed = std::any_of(m_messages.begin(), m_messages.end(),
        [](const auto &m) { return m.severity == ConfigMessage::Severity::Error; });
    if (failed) {
        qCDebug(lcConfig) << m_fileName << "has" << m_messages.size() << "problem(s)";
        return result;
    }
    qCDebug(lcConfig) << "loaded" << m_fileName << ":" << m_model->sites.size() << "sites,"
                      << m_model->machines.size() << "machines," << m_model->tags.size() << "tags";
    result.model = m_model;
    return result;
}

void Loader::readRoot(const YAML::Node &root)
{
    if (!root.IsMap()) {
        Loc loc = locOf(root);
        if (loc.line == 0)
            loc = { 1, 1 };
        error(loc,
            root.IsNull()
                ? QStringLiteral("the file is empty; expected a map starting with 'andon: 1'")
                : QStringLiteral("expected a map at the top level (starting with 'andon: 1'), "
                                 "got ")
                    + describe(root));
        return;
    }
    const Fields top(*this, root, QString(),
        { "andon", "plant", "historian", "connections", "defaults", "default_mqtt", "sites",
            "calendar", "products", "oee", "alarms", "condition",
            "energy", "publish", "security" });
    if (top.require("andon")) {
        const YAML::Node v = *top.get("andon");
        if (!v.IsScalar() || qs(v.Scalar()) != u"1")
            error(v, QStringLiteral("andon: expected schema version 1, got ") + describe(v));
    }
    if (top.require("plant"))
        readPlant(*top.get("plant"));
    readHistorian(top.get("historian").value_or(YAML::Node()), top.has("historian"));
    if (const auto n = top.get("security"))
        readSecurity(*n);
    // Connections, defaults and default_mqtt are read before the sites that refer to them,
    // wherever they are in the file.
    if (const auto n = top.get("connections"))
        readConnections(*n);
    if (const auto n = top.get("defaults"))
        readDefaults(*n);
    if (const auto n = top.get("default_mqtt"))
        readDefaultMqtt(*n);
    if (top.require("sites"))
        readSites(*top.get("sites"));
    // After the sites: the calendar defaults to the plant's time zone and products refer to
    // line and machine paths.
    m_model->calendar.timeZone = m_model->timeZone();
    if (const auto n = top.get("calendar"))
        readCalendar(*n);
    if (const auto n = top.get("products"))
        readProducts(*n);
    // After the sites too: overrides name line and machine paths.
    if (const auto n = top.get("oee"))
        readOee(*n);
    // Last: alarms refer to tags and to the states of their machines.
    if (const auto n = top.get("alarms"))
        readAlarms(*n);
    resolveSpcConfig();
    // After the sites: condition overrides and tag references name machines, lines and tags.
    if (const auto n = top.get("condition"))
        readCondition(*n);
    // After the sites: meters are tag paths.
    if (const auto n = top.get("energy"))
        readEnergy(*n);
    // After the connections: KPI publishing names one.
    if (const auto n = top.get("publish"))
        readPublish(*n);
    // After every tag exists: expressions of derived tags name other tags.
    checkExpressions();
}

void Loader::checkExpressions()
{
    if (m_expressionNodes.isEmpty())
        return;
    for (const DerivedTagProblem &p : checkDerivedTags(*m_model)) {
        const YAML::Node node = m_expressionNodes.value(p.tag);
        Loc loc = locOf(node);
        // A plain scalar on one line: point at the character itself.
        if (loc.line > 0 && p.position >= 0 && node.IsScalar()
            && node.Tag() != "!" && !qs(node.Scalar()).contains(QLatin1Char('\n')))
            loc.column += p.position;
        error(loc, p.text);
    }
}

void Loader::readPlant(const YAML::Node &n)
{
    if (!expectMap(n, QStringLiteral("plant")))
        return;
    const Fields f(*this, n, QStringLiteral("plant"), { "enterprise", "title" });
    if (const auto v = readName(f, "enterprise"))
        m_model->enterprise = *v;
    readText(f, "title", &m_model->title);
    if (m_model->title.isEmpty())
        m_model->title = m_model->enterprise;
}

void Loader::readHistorian(const YAML::Node &n, bool present)
{
    HistorianSettings &h = m_model->historian;
    QString path = QFileInfo(m_fileName).completeBaseName() + QStringLiteral(".sqlite");
    if (present && expectMap(n, QStringLiteral("historian"))) {
        const Fields f(
            *this, n, QStringLiteral("historian"),
            { "path", "ring_minutes", "retention", "max_size_mb" });
        if (const auto p = f.get("path")) {
            const auto v = text(*p, f.path("path"));
            if (v && v->isEmpty())
                error(*p, f.path("path") + QStringLiteral(": expected a file path, got nothing"));
            else if (v)
                path = *v;
        }
        readInt(f, "ring_minutes", 1, 1440, &h.ringMinutes);
        readInt(f, "max_size_mb", 16, 16 * 1024 * 1024, &h.maxSizeMb);
        if (const auto r = f.get("retention"); r && expectMap(*r, f.path("retention"))) {
            const Fields rf(
                *this, *r, f.path("retention"), { "raw_days", "minute_days", "hour_days" });
            readInt(rf, "raw_days", 1, 36500, &h.rawRetentionDays);
            readInt(rf, "minute_days", 1, 36500, &h.minuteRetentionDays);
            readInt(rf, "hour_days", 1, 36500, &h.hourRetentionDays);
        }
    }
    h.path = QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(path));
}

// docs/security.md "Users and roles"; times in minutes, as an administrator thinks of them.
void Loader::readSecurity(const YAML::Node &n)
{
    if (!expectMap(n, QStringLiteral("security")))
        return;
    SecuritySettings &s = m_model->security;
    const Fields f(*this, n, QStringLiteral("security"),
        { "users_db", "session_timeout_min", "lockout_attempts", "lockout_min",
            "min_password_length" });
    if (const auto p = f.get("users_db")) {
        const auto v = text(*p, f.path("users_db"));
        if (v && v->isEmpty())
            error(*p, f.path("users_db") + QStringLiteral(": expected a file path, got nothing"));
        else if (v) // relative to the configuration file, like historian.path
            s.usersDb = QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(*v));
    }
    // 0 = no timeout (a locked control room); at most a day.
    int timeoutMin = int(s.sessionTimeoutMs / 60'000);
    readInt(f, "session_timeout_min", 0, 1440, &timeoutMin);
    s.sessionTimeoutMs = qint64(timeoutMin) * 60'000;
    // 0 = no lock-out.
    readInt(f, "lockout_attempts", 0, 100, &s.lockoutAttempts);
    int lockoutMin = int(s.lockoutMs / 60'000);
    readInt(f, "lockout_min", 1, 1440, &lockoutMin);
    s.lockoutMs = qint64(lockoutMin) * 60'000;
    readInt(f, "min_password_length", 8, 128, &s.minPasswordLength);
}

void Loader::readConnections(const YAML::Node &n)
{
    if (!expectMap(n, QStringLiteral("connections")))
        return;
    const Fields f(*this, n, QStringLiteral("connections"), { "mqtt", "modbus" });
    if (const auto list = f.get("mqtt"); list && expectList(*list, f.path("mqtt"))) {
        for (std::size_t i = 0; i < list->size(); ++i)
            readMqttConnection((*list)[i], indexPath(f.path("mqtt"), i));
    }
    if (const auto list = f.get("modbus"); list && expectList(*list, f.path("modbus"))) {
        for (std::size_t i = 0; i < list->size(); ++i)
            readModbusDevice((*list)[i], indexPath(f.path("modbus"), i));
    }
}

void Loader::readMqttConnection(const YAML::Node &n, const QString &path)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path,
        { "id", "host", "port", "client_id", "keepalive_s", "clean_session", "qos", "username",
            "password_env", "password_keychain", "password", "protocol", "tls", "will",
            "reconnect_min_s", "reconnect_max_s", "skew_warn_s", "sparkplug_host_id",
            "insecure_plaintext", "profile", "thing_name", "hub", "device_id", "device_key_env",
            "device_key_keychain", "sas_token_env", "sas_ttl_s" });
    MqttConnection c;
    bool valid = readUniqueId(f, m_connIds, QStringLiteral("connection"), &c.id);
    if (const auto p = f.get("profile")) {
        const auto v = text(*p, f.path("profile"));
        if (v && *v == u"aws-iot-core")
            c.profile = MqttConnection::Profile::AwsIotCore;
        else if (v && *v == u"azure-iot-hub")
            c.profile = MqttConnection::Profile::AzureIotHub;
        else if (v)
            error(*p, f.path("profile") + QStringLiteral(": expected aws-iot-core or "
                                                         "azure-iot-hub, got ")
                    + describe(*p));
    }
    if (c.profile != MqttConnection::Profile::None)
        c.port = 8883; // MQTT over TLS, the only port both cloud brokers offer for MQTT
    readHost(f, &c.host);
    readInt(f, "port", 1, 65535, &c.port);
    readText(f, "client_id", &c.clientId);
    readInt(f, "keepalive_s", 0, 65535, &c.keepAliveS); // MQTT 3.1.1 §3.1.2.10: 16 bits
    if (const auto b = f.get("clean_session")) {
        if (const auto v = boolean(*b, f.path("clean_session")))
            c.cleanSession = *v;
    }
    readInt(f, "qos", 0, 2, &c.qos);
    readText(f, "username", &c.username);
    readSecretRefs(f, &c);
    readMqttClientSettings(f, &c);
    if (f.has("sparkplug_host_id")) {
        if (const auto v = sparkplugId(f, "sparkplug_host_id", true))
            c.sparkplugHostId = *v;
    }
    if (c.profile != MqttConnection::Profile::None) {
        readCloudProfile(f, &c);
    } else {
        for (const char *key : { "thing_name", "hub", "device_id", "device_key_env",
                                 "device_key_keychain", "sas_token_env", "sas_ttl_s" }) {
            if (const auto k = f.keyNode(key))
                error(*k, f.path(key) + QStringLiteral(": only with profile: aws-iot-core or "
                                                       "profile: azure-iot-hub"));
        }
    }
    checkPlaintext(f, &c);
    if (valid)
        m_model->mqttConnections.push_back(c);
}

// password / password_env / password_keychain: at most one. An inline password works but is
// reported (and shown in the window's security banner) wherever it is: configuration files
// are copied, mailed and committed. The value itself never appears in a message.
void Loader::readSecretRefs(const Fields &f, MqttConnection *c)
{
    const char *given = nullptr;
    for (const char *key : { "password_env", "password_keychain", "password" }) {
        if (!f.has(key))
            continue;
        if (given) {
            error(*f.keyNode(key), f.path(key) + QStringLiteral(": give one of password_env, "
                                                               "password_keychain or password; ")
                    + quoted(QLatin1String(given)) + QStringLiteral(" is already given"));
            return;
        }
        given = key;
    }
    readEnvName(f, "password_env", &c->passwordEnv);
    readKeychainRef(f, "password_keychain", &c->passwordKeychain);
    if (const auto k = f.keyNode("password")) {
        const YAML::Node v = *f.get("password");
        if (!v.IsScalar() || v.Scalar().empty()) {
            // describe() of a map or list says only "a map"/"a list", never the content.
            error(v, f.path("password") + QStringLiteral(": expected a text, got ")
                    + (v.IsScalar() ? QStringLiteral("nothing") : describe(v)));
            return;
        }
        c->password = qs(v.Scalar());
        c->passwordWhere = QFileInfo(m_fileName).fileName() + QLatin1Char(':')
                + QString::number(locOf(*k).line);
        warning(*k, f.path("password")
                    + QStringLiteral(": inline password in the configuration: move it to "
                                     "password_env or the keychain (password_keychain: "
                                     "SERVICE/ACCOUNT, stored with andon-cli secret set)"));
    }
}

void Loader::readEnvName(const Fields &f, const char *key, QString *out)
{
    const auto p = f.get(key);
    if (!p)
        return;
    const auto v = text(*p, f.path(key));
    if (v && !isEnvVarName(*v))
        error(*p, f.path(key) + QStringLiteral(": expected an environment variable name "
                                               "(letters, digits, '_'), got ")
                + describe(*p));
    else if (v)
        *out = *v;
}

// "SERVICE/ACCOUNT": qtkeychain's service and key, i.e. the libsecret attributes, the macOS
// keychain item's service and account, the Windows credential's target name parts.
void Loader::readKeychainRef(const Fields &f, const char *key, QString *out)
{
    const auto p = f.get(key);
    if (!p)
        return;
    const auto v = text(*p, f.path(key));
    if (!v)
        return;
    const qsizetype slash = v->indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == v->size() - 1)
        error(*p, f.path(key) + QStringLiteral(": expected SERVICE/ACCOUNT (a keychain entry, "
                                               "e.g. andon/plant-broker), got ")
                + describe(*p));
    else
        *out = *v;
}

// Plain MQTT to a host other than loopback must be accepted explicitly (docs/security.md).
void Loader::checkPlaintext(const Fields &f, MqttConnection *c)
{
    if (c->profile != MqttConnection::Profile::None)
        return; // TLS is required there
    if (const auto b = f.get("insecure_plaintext")) {
        const auto v = boolean(*b, f.path("insecure_plaintext"));
        if (v && *v && c->tls())
            error(*f.keyNode("insecure_plaintext"),
                f.path("insecure_plaintext")
                    + QStringLiteral(": the connection uses TLS (tls:), so it is not plain; "
                                     "remove one of them"));
        else if (v)
            c->insecurePlaintext = *v;
    }
    if (c->tls() || c->insecurePlaintext || isLoopbackHost(c->host))
        return;
    const YAML::Node at = f.keyNode("host") ? *f.get("host") : f.node();
    warning(at, f.path() + QStringLiteral(": plain MQTT to ") + c->host
            + QStringLiteral(" (not TLS): anyone on the network path can read and change the "
                             "traffic")
            + (c->username.isEmpty() ? QString() : QStringLiteral(" and the password"))
            + QStringLiteral("; add tls: { ca_file: ... } or accept it with "
                             "insecure_plaintext: true"));
}

// profile: aws-iot-core | azure-iot-hub. The profile fixes what the cloud broker requires
// (docs/integrations.md "Cloud brokers"); whatever contradicts it is an error here rather
// than a refused connection later.
void Loader::readCloudProfile(const Fields &f, MqttConnection *c)
{
    const bool aws = c->profile == MqttConnection::Profile::AwsIotCore;
    const QString profile = aws ? QStringLiteral("aws-iot-core") : QStringLiteral("azure-iot-hub");
    const auto notWith = [&](const char *key, const QString &why) {
        if (const auto k = f.keyNode(key))
            error(*k, f.path(key) + QStringLiteral(": not with profile ") + profile
                    + QStringLiteral(": ") + why);
    };
    notWith("client_id", aws ? QStringLiteral("the client id is thing_name")
                             : QStringLiteral("the client id is device_id"));
    notWith("username", aws ? QStringLiteral("AWS IoT Core authenticates the device by its "
                                             "X.509 certificate")
                            : QStringLiteral("the user name is {host}/{device_id}/?api-version=")
                    + QLatin1String(cloud::kAzureApiVersion));
    const QString noPassword = aws
            ? QStringLiteral("AWS IoT Core authenticates the device by its X.509 certificate")
            : QStringLiteral("the password is a SAS token made from device_key_env or "
                             "device_key_keychain (or sas_token_env)");
    for (const char *key : { "password", "password_env", "password_keychain" })
        notWith(key, noPassword);
    notWith("insecure_plaintext", QStringLiteral("cloud brokers are reached over TLS only"));
    if (c->protocolVersion != 4)
        error(*f.get("protocol"), f.path("protocol") + QStringLiteral(": profile ") + profile
                + QStringLiteral(" connects with MQTT 3.1.1"));
    if (c->qos > cloud::kCloudMaxQos)
        error(*f.get("qos"), f.path("qos") + QStringLiteral(": ") + profile
                + QStringLiteral(" supports QoS 0 and 1 only"));
    if (c->willQos > cloud::kCloudMaxQos)
        error(*f.get("will"), f.path("will.qos") + QStringLiteral(": ") + profile
                + QStringLiteral(" supports QoS 0 and 1 only"));
    const auto tlsNode = f.get("tls");
    const YAML::Node tlsAt = tlsNode ? *tlsNode : f.node();
    if (!c->tls() && !tlsNode)
        error(f.node(), f.path() + QStringLiteral(": profile ") + profile
                + QStringLiteral(" needs tls: with ca_file (the broker's root CA)")
                + (aws ? QStringLiteral(", cert_file and key_file (the thing's certificate "
                                        "and private key)")
                       : QString()));
    if (c->tlsInsecure)
        error(tlsAt, f.path("tls.insecure") + QStringLiteral(": not with profile ") + profile
                + QStringLiteral(": the cloud broker's host name is always verified"));

    if (aws) {
        static const QRegularExpression thingRe(QStringLiteral("^[A-Za-z0-9:_-]{1,128}$"));
        if (f.require("thing_name")) {
            const auto v = text(*f.get("thing_name"), f.path("thing_name"));
            if (v && !thingRe.match(*v).hasMatch())
                error(*f.get("thing_name"), f.path("thing_name")
                        + QStringLiteral(": expected an AWS IoT thing name (1-128 of a-z A-Z "
                                         "0-9 : _ -), got ")
                        + describe(*f.get("thing_name")));
            else if (v)
                c->thingName = c->clientId = *v;
        }
        const YAML::Node tls = tlsAt;
        if (tlsNode && tls.IsMap() && (!tls["cert_file"] || !tls["key_file"]))
            error(tlsAt, f.path("tls") + QStringLiteral(": profile aws-iot-core needs cert_file "
                                                        "and key_file: AWS IoT Core "
                                                        "authenticates the device by its X.509 "
                                                        "certificate (mutual TLS)"));
        if (f.has("keepalive_s")
            && (c->keepAliveS < cloud::kAwsMinKeepAliveS || c->keepAliveS > cloud::kAwsMaxKeepAliveS))
            error(*f.get("keepalive_s"), f.path("keepalive_s")
                    + QStringLiteral(": AWS IoT Core accepts a keep-alive of %1 to %2 s, got %3")
                              .arg(cloud::kAwsMinKeepAliveS)
                              .arg(cloud::kAwsMaxKeepAliveS)
                              .arg(c->keepAliveS));
        else if (!f.has("keepalive_s"))
            c->keepAliveS = std::max(c->keepAliveS, cloud::kAwsMinKeepAliveS);
        if (!c->willTopic.isEmpty()) {
            const QString why = cloud::awsTopicProblem(c->willTopic, true, c->thingName);
            if (!why.isEmpty())
                error(*f.get("will"), f.path("will.topic") + QStringLiteral(": ") + why);
        }
        if (!c->sparkplugHostId.isEmpty()) {
            const QString state = QStringLiteral("spBv1.0/STATE/") + c->sparkplugHostId;
            const QString why = cloud::awsTopicProblem(state, true, c->thingName);
            if (!why.isEmpty())
                error(*f.get("sparkplug_host_id"), f.path("sparkplug_host_id")
                        + QStringLiteral(": the STATE topic ") + state + QStringLiteral(": ") + why);
        }
        for (const char *key : { "hub", "device_id", "device_key_env", "device_key_keychain",
                                 "sas_token_env", "sas_ttl_s" })
            notWith(key, QStringLiteral("it belongs to profile azure-iot-hub"));
        return;
    }

    // Azure IoT Hub.
    notWith("thing_name", QStringLiteral("it belongs to profile aws-iot-core"));
    notWith("sparkplug_host_id", QStringLiteral("IoT Hub lets a device publish only on "
                                                "devices/{device_id}/messages/events/"));
    // Device ids: up to 128 of letters, digits and - . % _ * ? ! ( ) , : = @ $ '
    // (https://learn.microsoft.com/azure/iot-hub/iot-hub-devguide-identity-registry).
    static const QRegularExpression deviceRe(QStringLiteral("^[A-Za-z0-9\\-.%_*?!(),:=@$']{1,128}$"));
    if (f.require("device_id")) {
        const auto v = text(*f.get("device_id"), f.path("device_id"));
        if (v && !deviceRe.match(*v).hasMatch())
            error(*f.get("device_id"), f.path("device_id")
                    + QStringLiteral(": expected an IoT Hub device id (1-128 of letters, digits "
                                     "and - . % _ * ? ! ( ) , : = @ $ '), got ")
                    + describe(*f.get("device_id")));
        else if (v)
            c->azureDeviceId = *v;
    }
    if (const auto h = f.get("hub")) {
        static const QRegularExpression hubRe(QStringLiteral("^[A-Za-z0-9-]{3,50}$"));
        const auto v = text(*h, f.path("hub"));
        if (v && !hubRe.match(*v).hasMatch())
            error(*h, f.path("hub") + QStringLiteral(": expected the IoT hub's name (3-50 letters, "
                                                     "digits, '-'), got ")
                    + describe(*h));
        else if (v) {
            c->azureHub = *v;
            if (!f.has("host"))
                c->host = cloud::azureHost(*v);
        }
    } else if (!f.has("host")) {
        missingKey(f.node(), f.path(), "hub");
    }
    c->clientId = c->azureDeviceId;
    c->username = cloud::azureUsername(c->host, c->azureDeviceId);
    // Exactly one way to authenticate: a device key (SAS tokens made and renewed here), a
    // ready-made SAS token, or the device's X.509 certificate.
    readEnvName(f, "device_key_env", &c->azureDeviceKeyEnv);
    readKeychainRef(f, "device_key_keychain", &c->azureDeviceKeyKeychain);
    readEnvName(f, "sas_token_env", &c->azureSasTokenEnv);
    QStringList ways;
    for (const char *key : { "device_key_env", "device_key_keychain", "sas_token_env" })
        if (f.has(key))
            ways << QLatin1String(key);
    if (!c->tlsCertFile.isEmpty())
        ways << QStringLiteral("tls.cert_file");
    if (ways.size() > 1)
        error(f.node(), f.path() + QStringLiteral(": give one way to authenticate to IoT Hub, "
                                                  "got ")
                + ways.join(QStringLiteral(", ")));
    else if (ways.isEmpty())
        error(f.node(), f.path() + QStringLiteral(": profile azure-iot-hub needs device_key_env "
                                                  "or device_key_keychain (SAS tokens), "
                                                  "sas_token_env, or tls.cert_file and "
                                                  "tls.key_file (X.509)"));
    readInt(f, "sas_ttl_s", 60, 365 * 86400, &c->sasTtlS);
    if (f.has("sas_ttl_s") && c->azureDeviceKeyEnv.isEmpty() && c->azureDeviceKeyKeychain.isEmpty())
        error(*f.keyNode("sas_ttl_s"), f.path("sas_ttl_s")
                + QStringLiteral(": only with device_key_env or device_key_keychain (Andon makes "
                                 "the tokens)"));
    if (!c->willTopic.isEmpty() && !c->willTopic.startsWith(cloud::azureEventsTopic(c->azureDeviceId)))
        error(*f.get("will"), f.path("will.topic") + QStringLiteral(": IoT Hub accepts a "
                                                                    "device's messages only on ")
                + cloud::azureEventsTopic(c->azureDeviceId));
}

// protocol, tls, will, reconnect back-off and skew threshold of one MQTT connection.
void Loader::readMqttClientSettings(const Fields &f, MqttConnection *c)
{
    if (const auto p = f.get("protocol")) {
        const auto v = text(*p, f.path("protocol"));
        if (v && (*v == QLatin1String("3.1.1") || *v == QLatin1String("4")))
            c->protocolVersion = 4;
        else if (v && (*v == QLatin1String("5") || *v == QLatin1String("5.0")))
            c->protocolVersion = 5;
        else if (v)
            error(*p, f.path("protocol") + QStringLiteral(": expected 3.1.1 or 5, got ")
                    + describe(*p));
    }
    if (const auto t = f.get("tls"); t && expectMap(*t, f.path("tls"))) {
        const Fields tf(*this, *t, f.path("tls"),
            { "ca_file", "cert_file", "key_file", "insecure", "key_password_env",
                "key_password_keychain" });
        // Relative paths are relative to the configuration file, like historian.path.
        const auto file = [&](const char *key, QString *out) {
            const auto node = tf.get(key);
            if (!node)
                return;
            const auto v = text(*node, tf.path(key));
            if (!v)
                return;
            const QString abs = QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(*v));
            if (v->isEmpty() || !QFileInfo(abs).isFile())
                error(*node, tf.path(key) + QStringLiteral(": file not found: ") + abs);
            else
                *out = abs;
        };
        if (tf.require("ca_file"))
            file("ca_file", &c->tlsCaFile);
        file("cert_file", &c->tlsCertFile);
        file("key_file", &c->tlsKeyFile);
        if (tf.has("cert_file") != tf.has("key_file"))
            error(*t, f.path("tls")
                    + QStringLiteral(": cert_file and key_file go together (mutual TLS needs "
                                     "both the client certificate and its key)"));
        if (const auto b = tf.get("insecure")) {
            if (const auto v = boolean(*b, tf.path("insecure")))
                c->tlsInsecure = *v;
        }
        // The passphrase of an encrypted client key: from the environment or the keychain.
        if (tf.has("key_password_env") && tf.has("key_password_keychain"))
            error(*tf.keyNode("key_password_keychain"),
                tf.path("key_password_keychain")
                    + QStringLiteral(": give one of key_password_env and key_password_keychain"));
        readEnvName(tf, "key_password_env", &c->tlsKeyPasswordEnv);
        readKeychainRef(tf, "key_password_keychain", &c->tlsKeyPasswordKeychain);
        for (const char *key : { "key_password_env", "key_password_keychain" }) {
            if (tf.has(key) && !tf.has("key_file"))
                error(*tf.keyNode(key),
                    tf.path(key) + QStringLiteral(": the passphrase of tls.key_file, which is "
                                                  "not given"));
        }
    }
    if (const auto w = f.get("will"); w && expectMap(*w, f.path("will"))) {
        const Fields wf(*this, *w, f.path("will"), { "topic", "payload", "qos", "retain" });
        if (wf.require("topic")) {
            const auto node = *wf.get("topic");
            const auto v = text(node, wf.path("topic"));
            if (v && (v->isEmpty() || v->contains(QLatin1Char('+')) || v->contains(QLatin1Char('#'))))
                error(node, wf.path("topic")
                        + QStringLiteral(": expected a topic without wildcards, got ")
                        + describe(node));
            else if (v)
                c->willTopic = *v;
        }
        readText(wf, "payload", &c->willPayload);
        readInt(wf, "qos", 0, 2, &c->willQos);
        if (const auto b = wf.get("retain")) {
            if (const auto v = boolean(*b, wf.path("retain")))
                c->willRetain = *v;
        }
    }
    readInt(f, "reconnect_min_s", 1, 3600, &c->reconnectMinS);
    readInt(f, "reconnect_max_s", 1, 86400, &c->reconnectMaxS);
    if (!f.has("reconnect_max_s"))
        c->reconnectMaxS = std::max(c->reconnectMaxS, c->reconnectMinS);
    if (c->reconnectMaxS < c->reconnectMinS)
        error(*f.get("reconnect_max_s"),
            f.path("reconnect_max_s") + QStringLiteral(": expected at least reconnect_min_s (")
                + QString::number(c->reconnectMinS) + QStringLiteral("), got ")
                + QString::number(c->reconnectMaxS));
    if (const auto k = f.get("skew_warn_s")) {
        if (const auto v = number(*k, f.path("skew_warn_s"), 0.001, 86400.0))
            c->skewWarnMs = static_cast<int>(std::lround(*v * 1000.0));
    }
}

void Loader::readDefaults(const YAML::Node &n)
{
    if (!expectMap(n, QStringLiteral("defaults")))
        return;
    const Fields f(*this, n, QStringLiteral("defaults"), { "stale_after_s", "states" });
    readStaleAfter(f, &m_defaultStaleMs);
    if (const auto s = f.get("states"))
        m_defaultStates = readStates(*s, f.path("states"), {});
}

std::vector<StateDef> Loader::readStates(
    const YAML::Node &n, const QString &path, std::vector<StateDef> base)
{
    if (!expectList(n, path))
        return base;
    QHash<int, Loc> seen; // codes defined in this list
    for (std::size_t i = 0; i < n.size(); ++i) {
        const YAML::Node item = n[i];
        const QString itemPath = indexPath(path, i);
        if (!expectMap(item, itemPath))
            continue;
        const Fields f(*this, item, itemPath, { "code", "name", "category" });
        StateDef def;
        bool valid = readUniqueCode(f, seen, QStringLiteral("state"), INT_MIN, &def.code);
        if (f.require("name")) {
            const auto v = text(*f.get("name"), f.path("name"));
            if (v && v->isEmpty()) {
                error(*f.get("name"),
                    f.path("name") + QStringLiteral(": expected a text, got nothing"));
                valid = false;
            } else if (v) {
                def.name = *v;
            } else {
                valid = false;
            }
        } else {
            valid = false;
        }
        if (f.require("category")) {
            const auto c = enumValue<StateCategory>(*f.get("category"), f.path("category"),
                "category", parseStateCategory,
                { "unknown", "running", "idle", "starved", "blocked", "down", "planned_stop",
                    "changeover", "off" });
            if (c)
                def.category = *c;
            else
                valid = false;
        } else {
            valid = false;
        }
        if (!valid)
            continue;
        // A machine's own definition replaces the default with the same code.
        const auto same = std::find_if(
            base.begin(), base.end(), [&](const StateDef &s) { return s.code == def.code; });
        if (same != base.end())
            *same = def;
        else
            base.push_back(def);
    }
    return base;
}

void Loader::checkConnection(const YAML::Node &n, const QString &path, const QString &id)
{
    if (m_model->mqttConnection(id) || m_connIds.contains(id))
        return; // (a connection with other errors is not in the model, but it exists)
    QStringList ids;
    for (const MqttConnection &c : m_model->mqttConnections)
        ids << c.id;
    error(n,
        path + QStringLiteral(": unknown connection ") + quoted(id)
            + (ids.isEmpty()
                    ? QStringLiteral("; no connections are defined under connections.mqtt")
                    : QStringLiteral("; defined connections: ") + ids.join(QStringLiteral(", "))));
}

// Topics are templates: {path} and {machine} are the only placeholders, and MQTT wildcards
// must each fill a whole level with '#' last (MQTT 3.1.1 §4.7.1).
void Loader::checkTopic(const YAML::Node &n, const QString &path, const QString &topic)
{
    if (topic.isEmpty()) {
        error(n, path + QStringLiteral(": expected an MQTT topic, got nothing"));
        return;
    }
    qsizetype pos = 0;
    while ((pos = topic.indexOf(QLatin1Char('{'), pos)) >= 0) {
        const qsizetype end = topic.indexOf(QLatin1Char('}'), pos);
        const QString placeholder = end < 0 ? topic.mid(pos) : topic.mid(pos, end - pos + 1);
        if (placeholder != u"{path}" && placeholder != u"{machine}") {
            error(n,
                path + QStringLiteral(": unknown placeholder ") + quoted(placeholder)
                    + QStringLiteral(" in topic; expected {path} or {machine}"));
            return;
        }
        pos = end + 1;
    }
    const QStringList levels = topic.split(QLatin1Char('/'));
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QString &level = levels[i];
        const bool badHash
            = level.contains(QLatin1Char('#')) && (level != u"#" || i != levels.size() - 1);
        const bool badPlus = level.contains(QLatin1Char('+')) && level != u"+";
        if (badHash || badPlus) {
            error(n,
                path + QStringLiteral(": invalid MQTT topic ") + quoted(topic)
                    + QStringLiteral("; '+' must fill a whole level and '#' must be the whole "
                                     "last level"));
            return;
        }
    }
}

// A binding's topic on a cloud broker: AWS IoT Core's topic quotas, IoT Hub's one
// cloud-to-device topic tree.
void Loader::checkCloudTopic(
    Loc loc, const QString &path, const QString &connection, const QString &topic)
{
    const MqttConnection *c = m_model->mqttConnection(connection);
    if (!c || c->profile == MqttConnection::Profile::None)
        return;
    if (c->profile == MqttConnection::Profile::AwsIotCore) {
        const QString why = cloud::awsTopicProblem(topic, false, c->thingName);
        if (!why.isEmpty())
            error(loc, path + QStringLiteral(": topic ") + quoted(topic) + QStringLiteral(": ")
                    + why);
        return;
    }
    // The device may subscribe to this one filter only; IoT Hub closes the connection on any
    // other SUBSCRIBE (https://learn.microsoft.com/azure/iot/iot-mqtt-connect-to-iot-hub).
    const QString filter = cloud::azureDeviceboundFilter(c->azureDeviceId);
    if (topic != filter)
        error(loc, path + QStringLiteral(": topic ") + quoted(topic)
                + QStringLiteral(": IoT Hub sends a device only its cloud-to-device messages, "
                                 "on one subscription: topic: ")
                + filter);
}

void Loader::readBindingFields(
    const YAML::Node &n, const QString &path, bool fromTag, BindingDraft *d)
{
    const Fields f(*this, n, path,
        { "connection", "topic", "format", "value", "timestamp", "quality", "scale", "offset",
            "preset", "dev_eui", "field", "port", "bit_offset", "byte_offset", "bit_length",
            "signed", "analog" });
    if (const auto c = f.get("connection")) {
        if (const auto id = name(*c, f.path("connection"))) {
            d->binding.connection = *id;
            checkConnection(*c, f.path("connection"), *id);
        }
        d->hasConnection = true;
        d->connectionReported = false;
    }
    if (const auto t = f.get("topic")) {
        if (const auto v = text(*t, f.path("topic"))) {
            checkTopic(*t, f.path("topic"), *v);
            d->topic = *v;
            d->hasTopic = true;
            d->topicFromTag = fromTag;
            d->topicLoc = locOf(*t);
        }
    }
    if (const auto fmt = f.get("format")) {
        if (const auto v = enumValue<PayloadFormat>(*fmt, f.path("format"), "format",
                parsePayloadFormat, { "number", "bool", "enum", "json" }))
            d->binding.format = *v;
    }
    const auto pointer = [&](const char *key, QString *out) {
        const auto p = f.get(key);
        if (!p)
            return;
        const auto v = text(*p, f.path(key));
        if (v && !v->isEmpty() && !v->startsWith(QLatin1Char('/')))
            error(*p,
                f.path(key)
                    + QStringLiteral(": expected a JSON Pointer starting with '/' "
                                     "(RFC 6901), got ")
                    + describe(*p));
        else if (v)
            *out = *v;
    };
    pointer("value", &d->binding.valuePointer);
    pointer("timestamp", &d->binding.timestampPointer);
    pointer("quality", &d->binding.qualityPointer);
    if (const auto s = f.get("scale")) {
        if (const auto v = number(*s, f.path("scale")))
            d->binding.scale = *v;
    }
    if (const auto o = f.get("offset")) {
        if (const auto v = number(*o, f.path("offset")))
            d->binding.offset = *v;
    }
    for (const char *key : { "format", "value", "timestamp", "quality" }) {
        if (const auto k = f.keyNode(key))
            d->pointerKeys.insert(QLatin1String(key), locOf(*k));
    }
    readPresetFields(f, d);
    if (const auto a = f.get("analog")) {
        if (const auto v = readAnalog(*a, f.path("analog"), false))
            d->binding.analog = *v;
    }
}

void Loader::readPresetFields(const Fields &f, BindingDraft *d)
{
    if (const auto p = f.get("preset")) {
        const QStringList names = payloadPresetNames();
        const auto v = text(*p, f.path("preset"));
        PayloadPreset preset{};
        if (v && parsePayloadPreset(*v, &preset)) {
            d->presetFields.preset = preset;
            d->hasPreset = true;
            d->presetLoc = locOf(*p);
        } else if (v) {
            d->presetReported = true;
            const QString hint = closestMatch(*v, names);
            error(*p,
                f.path("preset") + QStringLiteral(": unknown preset ") + quoted(*v)
                    + (hint.isEmpty() ? QString() : QStringLiteral(" (did you mean ") + quoted(hint) + QStringLiteral("?)"))
                    + QStringLiteral("; expected one of ") + names.join(QStringLiteral(", ")));
        }
    }
    const auto remember = [&](const char *key) {
        d->presetKeys.insert(QLatin1String(key), locOf(*f.keyNode(key)));
    };
    if (const auto e = f.get("dev_eui")) {
        remember("dev_eui");
        if (const auto v = text(*e, f.path("dev_eui"))) {
            static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{16}$"));
            if (hex.match(*v).hasMatch())
                d->presetFields.devEui = v->toLower();
            else
                error(*e,
                    f.path("dev_eui") + QStringLiteral(": expected a device EUI of 16 hex digits, got ")
                        + describe(*e));
        }
    }
    if (const auto fl = f.get("field")) {
        remember("field");
        if (const auto v = text(*fl, f.path("field"))) {
            if (v->isEmpty())
                error(*fl, f.path("field") + QStringLiteral(": expected a field name, got nothing"));
            else
                d->presetFields.field = *v;
        }
    }
    const auto intKey = [&](const char *key, qint64 low, qint64 high, int *out) {
        if (const auto k = f.get(key)) {
            remember(key);
            if (const auto v = integer(*k, f.path(key), low, high))
                *out = static_cast<int>(*v);
        }
    };
    // IO-Link: ports 1..N on the master; process data in is at most 32 bytes (IO-Link
    // Interface Spec. v1.1.3 §A.1.5), so offsets and lengths stay within 256 bits.
    intKey("port", 1, 64, &d->presetFields.port);
    intKey("bit_offset", 0, 255, &d->presetFields.bitOffset);
    intKey("byte_offset", 0, 31, &d->presetFields.byteOffset);
    intKey("bit_length", 1, 64, &d->presetFields.bitLength);
    if (const auto sg = f.get("signed")) {
        remember("signed");
        if (const auto v = boolean(*sg, f.path("signed")))
            d->presetFields.isSigned = *v;
    }
}

void Loader::finishPreset(const YAML::Node &n, const QString &path, BindingDraft *d)
{
    const auto keyPath = [&](const QString &key) { return joinPath(path, key); };
    if (!d->hasPreset) {
        if (d->presetReported)
            return;
        for (auto it = d->presetKeys.constBegin(); it != d->presetKeys.constEnd(); ++it)
            error(it.value(),
                keyPath(it.key()) + QStringLiteral(": only used with a preset (")
                    + payloadPresetNames().join(QStringLiteral(", ")) + QStringLiteral(")"));
        return;
    }
    PresetBinding &p = d->presetFields;
    const QString presetName = payloadPresetName(p.preset);
    QStringList allowed;
    switch (p.preset) {
    case PayloadPreset::ChirpStackV4:
    case PayloadPreset::TtnV3:
        allowed = { QStringLiteral("dev_eui"), QStringLiteral("field") };
        break;
    case PayloadPreset::IoLink:
        allowed = { QStringLiteral("port"), QStringLiteral("bit_offset"),
            QStringLiteral("byte_offset"), QStringLiteral("bit_length"), QStringLiteral("signed") };
        break;
    case PayloadPreset::EdgeGateway:
        allowed = { QStringLiteral("field") };
        break;
    }
    bool valid = true;
    for (auto it = d->presetKeys.constBegin(); it != d->presetKeys.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            error(it.value(),
                keyPath(it.key()) + QStringLiteral(": not used by preset ") + quoted(presetName)
                    + QStringLiteral("; it takes ") + allowed.join(QStringLiteral(", ")));
            valid = false;
        }
    }
    for (auto it = d->pointerKeys.constBegin(); it != d->pointerKeys.constEnd(); ++it) {
        error(it.value(),
            keyPath(it.key()) + QStringLiteral(": preset ") + quoted(presetName)
                + QStringLiteral(" decides how the payload is read; remove '") + it.key()
                + QLatin1Char('\''));
        valid = false;
    }
    const auto requireKey = [&](const char *key) {
        if (!d->presetKeys.contains(QLatin1String(key))) {
            error(n,
                path + QStringLiteral(": preset ") + quoted(presetName)
                    + QStringLiteral(" needs '") + QLatin1String(key) + QLatin1Char('\''));
            valid = false;
        }
    };
    switch (p.preset) {
    case PayloadPreset::ChirpStackV4:
    case PayloadPreset::TtnV3:
        requireKey("field");
        break;
    case PayloadPreset::IoLink:
        requireKey("port");
        requireKey("bit_length");
        if (p.bitOffset >= 0 && p.byteOffset >= 0) {
            error(d->presetKeys.value(QStringLiteral("byte_offset")),
                keyPath(QStringLiteral("byte_offset"))
                    + QStringLiteral(": give either bit_offset (IODD, from the last byte's least "
                                     "significant bit) or byte_offset, not both"));
            valid = false;
        } else if (p.bitOffset < 0 && p.byteOffset < 0) {
            error(n, path + QStringLiteral(": preset 'io-link' needs 'bit_offset' or 'byte_offset'"));
            valid = false;
        } else if (p.bitOffset >= 0 && p.bitOffset + p.bitLength > 256) {
            error(d->presetKeys.value(QStringLiteral("bit_offset")),
                keyPath(QStringLiteral("bit_offset"))
                    + QStringLiteral(": bit_offset + bit_length must stay within 32 bytes of "
                                     "process data"));
            valid = false;
        }
        break;
    case PayloadPreset::EdgeGateway:
        break;
    }
    if (!d->topicFromTag) {
        // LoRaWAN network servers publish on fixed topics; the others are configured per site.
        if (p.preset == PayloadPreset::ChirpStackV4) {
            d->topic = QStringLiteral("application/+/device/%1/event/up")
                           .arg(p.devEui.isEmpty() ? QStringLiteral("+") : p.devEui);
            d->hasTopic = true;
        } else if (p.preset == PayloadPreset::TtnV3) {
            d->topic = QStringLiteral("v3/+/devices/+/up");
            d->hasTopic = true;
        } else {
            error(n,
                path + QStringLiteral(": preset ") + quoted(presetName)
                    + QStringLiteral(" needs the 'topic' the source publishes on"));
            valid = false;
        }
    }
    d->binding.format = PayloadFormat::Json;
    if (valid)
        d->binding.preset = p;
}

std::optional<AnalogScaling> Loader::readAnalog(const YAML::Node &n, const QString &path,
                                               bool requireRaw)
{
    if (!expectMap(n, path))
        return std::nullopt;
    const Fields f(*this, n, path, { "raw_min", "raw_max", "ma_min", "ma_max" });
    AnalogScaling a;
    bool valid = true;
    if (requireRaw) {
        valid = f.require("raw_min");
        valid = f.require("raw_max") && valid;
    }
    const auto read = [&](const char *key, double *out) {
        if (const auto v = f.get(key)) {
            if (const auto x = number(*v, f.path(key)))
                *out = *x;
            else
                valid = false;
        }
    };
    // Without raw_min/raw_max the value already is the current in mA.
    read("ma_min", &a.maMin);
    read("ma_max", &a.maMax);
    a.rawMin = a.maMin;
    a.rawMax = a.maMax;
    read("raw_min", &a.rawMin);
    read("raw_max", &a.rawMax);
    if (valid && !(a.maMin < a.maMax)) {
        error(n, path + QStringLiteral(": ma_min (") + formatNumber(a.maMin)
                + QStringLiteral(") must be less than ma_max (") + formatNumber(a.maMax)
                + QLatin1Char(')'));
        valid = false;
    }
    if (valid && a.rawMin == a.rawMax) {
        error(n, path + QStringLiteral(": raw_min and raw_max must differ (both ")
                + formatNumber(a.rawMin) + QLatin1Char(')'));
        valid = false;
    }
    if (!valid)
        return std::nullopt;
    return a;
}

void Loader::readDefaultMqtt(const YAML::Node &n)
{
    const QString path = QStringLiteral("default_mqtt");
    if (!expectMap(n, path))
        return;
    BindingDraft d;
    readBindingFields(n, path, false, &d);
    if (!d.hasConnection) {
        if (m_model->mqttConnections.size() == 1 && m_connIds.size() == 1) {
            d.binding.connection = m_model->mqttConnections.front().id;
        } else {
            missingKey(n, path, "connection");
            d.connectionReported = true;
        }
        d.hasConnection = true;
    }
    m_defaultBinding = d;
}

void Loader::readSites(const YAML::Node &n)
{
    if (!expectList(n, QStringLiteral("sites")))
        return;
    for (std::size_t i = 0; i < n.size(); ++i)
        readSite(n[i], indexPath(QStringLiteral("sites"), i));
}

void Loader::readSite(const YAML::Node &n, const QString &path)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path, { "name", "description", "timezone", "areas", "tags" });
    Site site;
    QString isaPath;
    if (const auto v = readName(f, "name")) {
        site.name = *v;
        if (!m_model->enterprise.isEmpty()) {
            const QString candidate = m_model->enterprise + QLatin1Char('/') + site.name;
            if (registerPath(candidate, *f.get("name"), f.path("name")))
                isaPath = candidate;
        }
    }
    site.path = isaPath;
    readText(f, "description", &site.description);
    site.timeZone = QStringLiteral("UTC");
    if (const auto tz = f.get("timezone")) {
        if (const auto v = text(*tz, f.path("timezone"))) {
            if (QTimeZone::isTimeZoneIdAvailable(v->toUtf8())) {
                site.timeZone = *v;
            } else {
                QStringList ids;
                const auto available = QTimeZone::availableTimeZoneIds();
                for (const QByteArray &id : available)
                    ids << QString::fromUtf8(id);
                const QString hint = closestMatch(*v, ids);
                error(*tz,
                    f.path("timezone") + QStringLiteral(": unknown time zone ") + quoted(*v)
                        + QStringLiteral(" (expected an IANA id like 'Europe/Berlin')")
                        + (hint.isEmpty() ? QString()
                                          : QStringLiteral("; did you mean ") + quoted(hint)
                                    + QLatin1Char('?')));
            }
        }
    }
    const int index = static_cast<int>(m_model->sites.size());
    m_model->sites.push_back(site);
    // Site tags (e.g. the main energy meter) belong to no area.
    readChildrenAndTags(f, "areas", isaPath, [&](const YAML::Node &child, const QString &childPath) {
        readArea(child, childPath, index, isaPath);
    });
}

QString Loader::readNodePath(const Fields &f, const QString &parent, QString *name)
{
    const auto v = readName(f, "name");
    if (!v)
        return {};
    *name = *v;
    const QString candidate = parent + QLatin1Char('/') + *v;
    if (!parent.isEmpty() && registerPath(candidate, *f.get("name"), f.path("name")))
        return candidate;
    return {};
}

void Loader::readChildrenAndTags(
        const Fields &f, const char *childKey, const QString &isaPath,
        const std::function<void(const YAML::Node &, const QString &)> &readChild)
{
    const auto readChildren = [&] {
        if (const auto list = f.get(childKey); list && expectList(*list, f.path(childKey))) {
            for (std::size_t i = 0; i < list->size(); ++i)
                readChild((*list)[i], indexPath(f.path(childKey), i));
        }
    };
    const auto readOwnTags = [&] {
        if (const auto tags = f.get("tags"))
            readTags(*tags, f.path("tags"), -1, isaPath);
    };
    if (f.order("tags") >= 0 && f.order("tags") < f.order(childKey)) {
        readOwnTags();
        readChildren();
    } else {
        readChildren();
        readOwnTags();
    }
}

void Loader::readArea(const YAML::Node &n, const QString &path, int site, const QString &parent)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path, { "name", "description", "lines", "tags" });
    Area area;
    area.site = site;
    const QString isaPath = readNodePath(f, parent, &area.name);
    area.path = isaPath;
    readText(f, "description", &area.description);
    const int index = static_cast<int>(m_model->areas.size());
    m_model->areas.push_back(area);
    m_model->sites[static_cast<std::size_t>(site)].areas.push_back(index);
    readChildrenAndTags(f, "lines", isaPath, [&](const YAML::Node &child, const QString &childPath) {
        readLine(child, childPath, index, isaPath);
    });
}

void Loader::readLine(const YAML::Node &n, const QString &path, int area, const QString &parent)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path, { "name", "description", "machines", "tags" });
    Line line;
    line.area = area;
    const QString isaPath = readNodePath(f, parent, &line.name);
    line.path = isaPath;
    readText(f, "description", &line.description);
    const int index = static_cast<int>(m_model->lines.size());
    m_model->lines.push_back(line);
    m_model->areas[static_cast<std::size_t>(area)].lines.push_back(index);
    readChildrenAndTags(f, "machines", isaPath,
                        [&](const YAML::Node &child, const QString &childPath) {
                            readMachine(child, childPath, index, isaPath);
                        });
}

void Loader::readMachine(const YAML::Node &n, const QString &path, int line, const QString &parent)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path,
        { "name", "description", "ideal_rate_per_min", "stale_after_s", "states", "tags" });
    Machine machine;
    machine.line = line;
    QString isaPath;
    if (const auto v = readName(f, "name")) {
        machine.name = *v;
        const QString candidate = parent + QLatin1Char('/') + machine.name;
        if (!parent.isEmpty() && registerPath(candidate, *f.get("name"), f.path("name")))
            isaPath = candidate;
    }
    machine.path = isaPath;
    readText(f, "description", &machine.description);
    if (const auto r = f.get("ideal_rate_per_min")) {
        if (const auto v = number(*r, f.path("ideal_rate_per_min"), 0.0, 1e6))
            machine.idealRatePerMin = *v;
    }
    machine.states = m_defaultStates;
    if (const auto s = f.get("states"))
        machine.states = readStates(*s, f.path("states"), m_defaultStates);

    const int index = static_cast<int>(m_model->machines.size());
    m_model->machines.push_back(machine);
    m_model->lines[static_cast<std::size_t>(line)].machines.push_back(index);

    // The machine's staleness is the default for its tags; readTag looks it up there.
    int staleMs = m_defaultStaleMs;
    readStaleAfter(f, &staleMs);
    const int savedDefault = m_defaultStaleMs;
    m_defaultStaleMs = staleMs;
    if (const auto tags = f.get("tags"))
        readTags(*tags, f.path("tags"), index, isaPath);
    m_defaultStaleMs = savedDefault;

    const Machine &m = m_model->machines[static_cast<std::size_t>(index)];
    if (m.roleTag(TagRole::State) == kInvalidTag) {
        warning(n,
            path + QStringLiteral(": machine ") + quoted(m.path.isEmpty() ? m.name : m.path)
                + QStringLiteral(" has no tag with role 'state'; its state will show as "
                                 "unknown"));
    }
}

void Loader::readTags(const YAML::Node &n, const QString &path, int machine, const QString &parent)
{
    if (!expectList(n, path))
        return;
    for (std::size_t i = 0; i < n.size(); ++i)
        readTag(n[i], indexPath(path, i), machine, parent);
}

void Loader::readTag(
    const YAML::Node &n, const QString &path, int machineIndex, const QString &parent)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path,
        { "name", "description", "unit", "decimals", "kind", "role", "range", "stale_after_s",
            "mqtt", "modbus", "sparkplug", "spec", "rollover", "expression",
            "defect_types" });
    Machine *machine
        = machineIndex >= 0 ? &m_model->machines[static_cast<std::size_t>(machineIndex)] : nullptr;
    TagDef tag;
    tag.machine = machineIndex;
    tag.staleAfterMs = m_defaultStaleMs;
    if (const auto v = readName(f, "name")) {
        tag.name = *v;
        const QString candidate = parent + QLatin1Char('/') + tag.name;
        if (!parent.isEmpty() && registerPath(candidate, *f.get("name"), f.path("name")))
            tag.path = candidate;
    }
    readText(f, "description", &tag.description);
    readText(f, "unit", &tag.unit);
    readInt(f, "decimals", 0, 9, &tag.decimals);
    readStaleAfter(f, &tag.staleAfterMs);

    if (const auto r = f.get("role")) {
        if (const auto v = enumValue<TagRole>(*r, f.path("role"), "role", parseTagRole,
                { "none", "state", "total_count", "good_count", "reject_count", "rate",
                    "product" }))
            tag.role = *v;
    }
    // The role decides the kind unless the kind is given; a contradiction is an error.
    std::optional<TagKind> requiredKind;
    if (tag.role == TagRole::State)
        requiredKind = TagKind::State;
    else if (tag.role == TagRole::TotalCount || tag.role == TagRole::GoodCount
        || tag.role == TagRole::RejectCount)
        requiredKind = TagKind::Counter;
    tag.kind = requiredKind.value_or(TagKind::Analog);
    if (const auto k = f.get("kind")) {
        if (const auto v = enumValue<TagKind>(*k, f.path("kind"), "kind", parseTagKind,
                { "analog", "counter", "state", "bool" })) {
            if (requiredKind && *v != *requiredKind)
                error(*k,
                    f.path("kind") + QStringLiteral(": a tag with role ")
                        + quoted(tagRoleName(tag.role)) + QStringLiteral(" must have kind ")
                        + quoted(tagKindName(*requiredKind)) + QStringLiteral(", got ")
                        + quoted(tagKindName(*v)));
            else
                tag.kind = *v;
        }
    }

    if (const auto r = f.get("range")) {
        const QString rp = f.path("range");
        if (!r->IsSequence() || r->size() != 2) {
            error(*r,
                rp + QStringLiteral(": expected a list of two numbers [low, high], got ")
                    + describe(*r));
        } else {
            const auto low = number((*r)[0], indexPath(rp, 0));
            const auto high = number((*r)[1], indexPath(rp, 1));
            if (low && high && !(*low < *high)) {
                error(*r,
                    rp + QStringLiteral(": low (") + formatNumber(*low)
                        + QStringLiteral(") must be less than high (") + formatNumber(*high)
                        + QLatin1Char(')'));
            } else if (low && high) {
                tag.rangeLow = *low;
                tag.rangeHigh = *high;
            }
        }
    }

    if (const auto sp = f.get("spec"))
        readSpec(*sp, f.path("spec"), &tag);
    if (const auto dt = f.get("defect_types")) {
        if (tag.kind != TagKind::Counter)
            error(*f.keyNode("defect_types"),
                f.path("defect_types") + QStringLiteral(": defect types belong to a counter of "
                                                        "defects or defectives; this tag has "
                                                        "kind ")
                    + quoted(tagKindName(tag.kind)));
        else if (expectList(*dt, f.path("defect_types")) && !tag.path.isEmpty())
            m_defectTypes.push_back({ tag.path, f.path("defect_types"), *dt });
    }
    if (const auto ro = f.get("rollover")) {
        // A counter's wrap-around value (docs/config.md "Tags"); meaningless for other kinds.
        if (tag.kind != TagKind::Counter) {
            error(*f.keyNode("rollover"),
                f.path("rollover") + QStringLiteral(": only a tag of kind 'counter' can roll "
                                                    "over; this one has kind ")
                    + quoted(tagKindName(tag.kind)));
        } else if (const auto v = number(*ro, f.path("rollover"), 0.0)) {
            if (*v > 0.0)
                tag.rollover = *v;
            else
                error(*ro, f.path("rollover") + QStringLiteral(": expected a number above 0, got ")
                        + describe(*ro));
        }
    }

    // MQTT binding: the tag's own `mqtt:` keys over `default_mqtt`, key by key.
    std::optional<BindingDraft> draft;
    const auto mqtt = f.get("mqtt");
    if (mqtt) {
        if (expectMap(*mqtt, f.path("mqtt"))) {
            draft = m_defaultBinding.value_or(BindingDraft());
            readBindingFields(*mqtt, f.path("mqtt"), true, &*draft);
            if (!draft->hasConnection) {
                if (m_model->mqttConnections.size() == 1 && m_connIds.size() == 1)
                    draft->binding.connection = m_model->mqttConnections.front().id;
                else
                    missingKey(*mqtt, f.path("mqtt"), "connection");
            }
        }
    } else if (m_defaultBinding && !f.has("modbus") && !f.has("sparkplug")
        && !f.has("expression")) {
        // A tag polled over Modbus does not also listen to default_mqtt.
        draft = m_defaultBinding;
    }
    if (draft) {
        finishPreset(mqtt ? *mqtt : n, mqtt ? f.path("mqtt") : path, &*draft);
        if (draft->binding.analog) {
            // 4..20 mA spans the tag's engineering range (no range: the value stays in mA).
            draft->binding.analog->euLow = tag.rangeLow;
            draft->binding.analog->euHigh = tag.rangeHigh;
        }
        QString topic = draft->hasTopic ? draft->topic : QStringLiteral("{path}");
        if (topic.contains(u"{machine}") && !machine) {
            const Loc loc = draft->topicFromTag ? draft->topicLoc : locOf(n);
            error(loc,
                path + QStringLiteral(": topic ") + quoted(topic)
                    + QStringLiteral(" uses {machine}, but this tag does not belong to a "
                                     "machine"));
        }
        topic.replace(QStringLiteral("{path}"), tag.path);
        if (machine)
            topic.replace(QStringLiteral("{machine}"), machine->path);
        draft->binding.topic = topic;
        checkCloudTopic(draft->topicFromTag ? draft->topicLoc : locOf(n), path + QStringLiteral(".mqtt.topic"),
                        draft->binding.connection, topic);
        if (draft->binding.format == PayloadFormat::Enum && !machine) {
            error(n,
                path
                    + QStringLiteral(": format 'enum' maps state names through a machine's "
                                     "states, but this tag does not belong to a machine"));
        }
        tag.mqtt = draft->binding;
    }
    if (const auto mb = f.get("modbus")) {
        if (mqtt) {
            error(*f.keyNode("modbus"),
                f.path("modbus")
                    + QStringLiteral(": a tag has one source; it already has an 'mqtt' "
                                     "binding at ")
                    + at(locOf(*f.keyNode("mqtt"))));
        } else if (expectMap(*mb, f.path("modbus"))) {
            tag.modbus = readModbusBinding(*mb, f.path("modbus"), tag);
        }
    }
    if (const auto sb = f.get("sparkplug")) {
        const char *other = mqtt ? "mqtt" : (f.has("modbus") ? "modbus" : nullptr);
        if (other) {
            error(*f.keyNode("sparkplug"),
                f.path("sparkplug") + QStringLiteral(": a tag has one source; it already has an ")
                    + quoted(QLatin1String(other)) + QStringLiteral(" binding at ")
                    + at(locOf(*f.keyNode(other))));
        } else if (expectMap(*sb, f.path("sparkplug"))) {
            tag.sparkplug = readSparkplugBinding(*sb, f.path("sparkplug"));
        }
    }

    const TagId id = static_cast<TagId>(m_model->tags.size());
    tag.id = id;
    // A derived tag (core/derived_tags.h): computed on ingest, so it has no source of its own.
    if (const auto ex = f.get("expression")) {
        readText(f, "expression", &tag.expression);
        const char *source = mqtt ? "mqtt" : f.has("modbus") ? "modbus"
                : f.has("sparkplug")                        ? "sparkplug"
                                                            : nullptr;
        if (source) {
            error(*f.keyNode("expression"),
                f.path("expression") + QStringLiteral(": a derived tag is computed from other "
                                                      "tags; it cannot also have an ")
                    + quoted(QLatin1String(source)) + QStringLiteral(" binding"));
        } else if (tag.expression.trimmed().isEmpty()) {
            error(*ex, f.path("expression") + QStringLiteral(": expected an expression, got ")
                    + describe(*ex));
        } else {
            m_expressionNodes.insert(id, *ex);
        }
    }

    if (tag.role != TagRole::None) {
        const YAML::Node roleNode = *f.get("role");
        if (!machine) {
            error(roleNode,
                f.path("role") + QStringLiteral(": role ") + quoted(tagRoleName(tag.role))
                    + QStringLiteral(" is only allowed on machine tags; area and "
                                     "line tags have role 'none'"));
        } else if (const TagId other = machine->roleTag(tag.role); other != kInvalidTag) {
            const TagDef &first = m_model->tags[other];
            error(roleNode,
                f.path("role") + QStringLiteral(": machine ")
                    + quoted(machine->path.isEmpty() ? machine->name : machine->path)
                    + QStringLiteral(" already has a tag with role ")
                    + quoted(tagRoleName(tag.role)) + QStringLiteral(": ") + quoted(first.name));
        } else {
            machine->roleTags[static_cast<int>(tag.role)] = id;
            if (tag.role == TagRole::State && machine->states.empty()) {
                error(roleNode,
                    f.path("role")
                        + QStringLiteral(": a tag with role 'state' needs state "
                                         "definitions, but machine ")
                        + quoted(machine->path.isEmpty() ? machine->name : machine->path)
                        + QStringLiteral(" has none; add defaults.states or the "
                                         "machine's states"));
            }
        }
    }

    if (machine)
        machine->tags.push_back(id);
    if (!tag.path.isEmpty())
        m_model->tagIndex.insert(tag.path, id);
    m_model->tags.push_back(tag);
}

// ---- Modbus (docs/config.md "Modbus devices" and "Modbus bindings") ----

// Limits of the Modbus application protocol V1.1b3: unit ids 0-247 on serial lines (255 is
// the usual "no gateway" id on TCP, so 0-255 is accepted), 125 registers per FC3/FC4 read
// (§6.3/§6.4), which bounds a string's length and a sensible max_gap.
constexpr int kModbusMaxRegistersPerRead = 125;
constexpr qint64 kModbusMaxPollMs = 86'400'000;

void Loader::readModbusDevice(const YAML::Node &n, const QString &path)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path,
        { "id", "transport", "host", "port", "serial_port", "baud", "parity", "data_bits",
            "stop_bits", "interframe_us", "unit_id", "timeout_ms", "retries", "poll_ms",
            "max_gap", "addressing", "write_multiple" });
    ModbusDevice d;
    bool valid = readUniqueId(f, m_modbusIds, QStringLiteral("Modbus device"), &d.id);
    if (const auto t = f.get("transport")) {
        if (const auto v = enumValue<ModbusTransport>(*t, f.path("transport"), "transport",
                parseModbusTransport, { "tcp", "rtu", "rtu-over-tcp" }))
            d.transport = *v;
    }
    readHost(f, &d.host);
    readInt(f, "port", 1, 65535, &d.port);
    readText(f, "serial_port", &d.serialPort);
    readInt(f, "baud", 50, 4'000'000, &d.baud);
    if (const auto p = f.get("parity")) {
        if (const auto v = enumValue<ModbusParity>(
                *p, f.path("parity"), "parity", parseModbusParity, { "none", "even", "odd" }))
            d.parity = *v;
    }
    readInt(f, "data_bits", 7, 8, &d.dataBits);
    readInt(f, "stop_bits", 1, 2, &d.stopBits);
    readInt(f, "interframe_us", 0, 1'000'000, &d.interFrameUs);
    readInt(f, "unit_id", 0, 255, &d.unitId);
    readInt(f, "timeout_ms", 10, 60'000, &d.timeoutMs);
    readInt(f, "retries", 0, 10, &d.retries);
    readInt(f, "poll_ms", 10, kModbusMaxPollMs, &d.pollMs);
    readInt(f, "max_gap", 0, kModbusMaxRegistersPerRead - 1, &d.maxGap);
    if (const auto a = f.get("addressing")) {
        if (const auto v = enumValue<ModbusAddressing>(*a, f.path("addressing"), "addressing",
                parseModbusAddressing, { "protocol", "modicon" }))
            d.addressing = *v;
    }
    if (const auto w = f.get("write_multiple")) {
        if (const auto v = boolean(*w, f.path("write_multiple")))
            d.writeMultiple = *v;
    }
    if (d.transport == ModbusTransport::Rtu) {
        if (!f.has("serial_port") || d.serialPort.isEmpty()) {
            missingKey(n, path, "serial_port");
            valid = false;
        }
        for (const char *key : { "host", "port" }) {
            if (const auto k = f.keyNode(key))
                warning(*k,
                    f.path(key) + QStringLiteral(" is ignored for transport 'rtu' (a serial line)"));
        }
    } else {
        for (const char *key : { "serial_port", "baud", "parity", "data_bits", "stop_bits" }) {
            if (const auto k = f.keyNode(key))
                warning(*k,
                    f.path(key) + QStringLiteral(" is ignored for transport ")
                        + quoted(modbusTransportName(d.transport))
                        + QStringLiteral(" (serial settings apply to 'rtu')"));
        }
    }
    if (valid)
        m_model->modbusDevices.push_back(d);
}

// Sparkplug B group, edge node and device ids are MQTT topic levels (Sparkplug 3.0 §4.1.1.2-4):
// non-empty UTF-8 without '/', '+' and '#'.
std::optional<QString> Loader::sparkplugId(const Fields &f, const char *key, bool required)
{
    if (!f.has(key)) {
        if (required)
            f.require(key);
        return std::nullopt;
    }
    const auto v = text(*f.get(key), f.path(key));
    if (!v)
        return std::nullopt;
    if (v->isEmpty() || v->contains(QLatin1Char('/')) || v->contains(QLatin1Char('+'))
        || v->contains(QLatin1Char('#'))) {
        error(*f.get(key),
            f.path(key)
                + QStringLiteral(": expected a Sparkplug id (one MQTT topic level: not empty, "
                                 "no '/', '+' or '#'), got ")
                + describe(*f.get(key)));
        return std::nullopt;
    }
    return v;
}

std::optional<SparkplugBinding> Loader::readSparkplugBinding(
    const YAML::Node &n, const QString &path)
{
    const Fields f(*this, n, path, { "connection", "group", "node", "device", "metric" });
    SparkplugBinding b;
    bool valid = true;
    if (const auto c = f.get("connection")) {
        if (const auto v = text(*c, f.path("connection")); v && !v->isEmpty()) {
            b.connection = *v;
            checkConnection(*c, f.path("connection"), *v);
        } else {
            if (v)
                error(*c, f.path("connection") + QStringLiteral(": expected a connection id, got nothing"));
            valid = false;
        }
    } else if (m_model->mqttConnections.size() == 1 && m_connIds.size() == 1) {
        b.connection = m_model->mqttConnections.front().id;
    } else {
        missingKey(n, path, "connection");
        valid = false;
    }
    if (const auto g = sparkplugId(f, "group", true))
        b.group = *g;
    else
        valid = false;
    if (const auto nd = sparkplugId(f, "node", true))
        b.node = *nd;
    else
        valid = false;
    if (f.has("device")) {
        if (const auto d = sparkplugId(f, "device", false))
            b.device = *d;
        else
            valid = false;
    }
    if (f.require("metric")) {
        const auto v = text(*f.get("metric"), f.path("metric"));
        if (v && v->isEmpty()) {
            error(*f.get("metric"), f.path("metric") + QStringLiteral(": expected a metric name, got nothing"));
            valid = false;
        } else if (v) {
            b.metric = *v;
        } else {
            valid = false;
        }
    } else {
        valid = false;
    }
    if (!valid)
        return std::nullopt;
    return b;
}

std::optional<ModbusBinding> Loader::readModbusBinding(
    const YAML::Node &n, const QString &path, const TagDef &tag)
{
    const Fields f(*this, n, path,
        { "device", "table", "address", "type", "bit", "length", "order", "scale", "offset",
            "poll_group", "poll_ms", "writable", "write_multiple", "analog" });
    ModbusBinding b;
    bool valid = true;
    const ModbusDevice *device = nullptr;
    if (const auto dn = f.get("device")) {
        if (const auto id = name(*dn, f.path("device"))) {
            b.device = *id;
            device = m_model->modbusDevice(*id);
            if (!device && !m_modbusIds.contains(*id)) {
                QStringList ids;
                for (const ModbusDevice &d : m_model->modbusDevices)
                    ids << d.id;
                const QString hint = closestMatch(*id, ids);
                error(*dn,
                    f.path("device") + QStringLiteral(": unknown Modbus device ") + quoted(*id)
                        + (ids.isEmpty() ? QStringLiteral(
                               "; no devices are defined under connections.modbus")
                                         : QStringLiteral("; defined devices: ")
                                + ids.join(QStringLiteral(", ")))
                        + (hint.isEmpty() ? QString()
                                          : QStringLiteral("; did you mean ") + quoted(hint)
                                    + QLatin1Char('?')));
            }
        }
        if (!device)
            valid = false;
    } else if (m_model->modbusDevices.size() == 1 && m_modbusIds.size() == 1) {
        device = &m_model->modbusDevices.front();
        b.device = device->id;
    } else {
        missingKey(n, path, "device");
        valid = false;
    }
    const ModbusAddressing addressing
        = device ? device->addressing : ModbusAddressing::Protocol;

    std::optional<ModbusTable> table;
    if (const auto t = f.get("table")) {
        table = enumValue<ModbusTable>(*t, f.path("table"), "table", parseModbusTable,
            { "holding", "input", "coil", "discrete" });
        if (!table)
            valid = false;
    }

    // Address: 0-65535 on the wire; in Modicon notation 0xxxx/1xxxx/3xxxx/4xxxx (5 digits,
    // references 1-9999) or 0xxxxx..4xxxxx (6 digits, 1-65536), the leading digit naming the
    // table. The digits as written decide, so a coil "00001" keeps its leading zeros.
    if (!f.require("address")) {
        valid = false;
    } else {
        const YAML::Node an = *f.get("address");
        const QString ap = f.path("address");
        if (addressing == ModbusAddressing::Protocol) {
            if (const auto v = integer(an, ap, 0, 65535))
                b.address = static_cast<int>(*v);
            else
                valid = false;
            if (!table && valid) {
                missingKey(n, path, "table");
                valid = false;
            }
        } else {
            const QString digits = an.IsScalar() ? qs(an.Scalar()) : QString();
            static const QRegularExpression modicon(QStringLiteral("^[0134][0-9]{4,5}$"));
            bool ok = modicon.match(digits).hasMatch();
            ModbusTable derived = ModbusTable::HoldingRegister;
            int reference = 0;
            if (ok) {
                reference = digits.mid(1).toInt();
                const int maxReference = digits.size() == 5 ? 9999 : 65536;
                ok = reference >= 1 && reference <= maxReference;
                switch (digits[0].unicode()) {
                case u'0': derived = ModbusTable::Coil; break;
                case u'1': derived = ModbusTable::DiscreteInput; break;
                case u'3': derived = ModbusTable::InputRegister; break;
                default: derived = ModbusTable::HoldingRegister; break;
                }
            }
            if (!ok) {
                error(an,
                    ap
                        + QStringLiteral(": expected a Modicon reference (device ")
                        + quoted(b.device)
                        + QStringLiteral(" uses addressing 'modicon'): 0xxxx coils, 1xxxx "
                                         "discrete inputs, 3xxxx input registers, 4xxxx "
                                         "holding registers, e.g. 40001 or 400001; got ")
                        + describe(an));
                valid = false;
            } else {
                b.address = reference - 1;
                if (table && *table != derived) {
                    error(*f.get("table"),
                        f.path("table") + QStringLiteral(": table ")
                            + quoted(modbusTableName(*table))
                            + QStringLiteral(" contradicts the Modicon address ") + digits
                            + QStringLiteral(", which is in table ")
                            + quoted(modbusTableName(derived)));
                    valid = false;
                }
                table = derived;
            }
        }
    }
    b.table = table.value_or(ModbusTable::HoldingRegister);
    const bool bits = isBitTable(b.table);

    b.type = bits ? ModbusType::Bool : ModbusType::UInt16;
    if (const auto t = f.get("type")) {
        const auto v = enumValue<ModbusType>(*t, f.path("type"), "type", parseModbusType,
            { "bool", "bit", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32",
                "float64", "string" });
        if (!v) {
            valid = false;
        } else if (bits && *v != ModbusType::Bool) {
            error(*t,
                f.path("type") + QStringLiteral(": table ") + quoted(modbusTableName(b.table))
                    + QStringLiteral(" holds single bits; its only type is 'bool'"));
            valid = false;
        } else if (!bits && *v == ModbusType::Bool) {
            error(*t,
                f.path("type") + QStringLiteral(": a register is 16 bits; for one of them use "
                                                "type 'bit' with 'bit: 0..15'"));
            valid = false;
        } else {
            b.type = *v;
        }
    }
    if (const auto bn = f.get("bit")) {
        if (b.type != ModbusType::Bit) {
            error(*f.keyNode("bit"),
                f.path("bit") + QStringLiteral(": only used with type 'bit'"));
            valid = false;
        } else if (const auto v = integer(*bn, f.path("bit"), 0, 15)) {
            b.bit = static_cast<int>(*v);
        } else {
            valid = false;
        }
    }
    if (const auto ln = f.get("length")) {
        if (b.type != ModbusType::String) {
            error(*f.keyNode("length"),
                f.path("length") + QStringLiteral(": only used with type 'string'"));
            valid = false;
        } else if (const auto v = integer(*ln, f.path("length"), 1, kModbusMaxRegistersPerRead)) {
            b.length = static_cast<int>(*v);
        } else {
            valid = false;
        }
    } else if (b.type == ModbusType::String) {
        missingKey(n, path, "length");
        valid = false;
    }
    if (const auto o = f.get("order")) {
        if (bits) {
            error(*f.keyNode("order"),
                f.path("order") + QStringLiteral(": byte order does not apply to table ")
                    + quoted(modbusTableName(b.table)));
            valid = false;
        } else if (const auto v = enumValue<ModbusOrder>(*o, f.path("order"), "order",
                       parseModbusOrder, { "ABCD", "CDAB", "BADC", "DCBA" })) {
            b.order = *v;
        } else {
            valid = false;
        }
    }
    if (const auto s = f.get("scale")) {
        if (const auto v = number(*s, f.path("scale")))
            b.scale = *v;
    }
    if (const auto o = f.get("offset")) {
        if (const auto v = number(*o, f.path("offset")))
            b.offset = *v;
    }
    if (const auto an = f.get("analog")) {
        // A converter module's 4-20 mA input (docs/integrations.md "4-20 mA analog inputs").
        const char *conflict = f.has("scale") ? "scale" : f.has("offset") ? "offset" : nullptr;
        if (conflict) {
            error(*f.keyNode(conflict),
                f.path(conflict) + QStringLiteral(": an 'analog' input maps counts to mA and mA "
                                                  "to the tag's range; remove '")
                    + QLatin1String(conflict) + QLatin1Char('\''));
            valid = false;
        } else if (b.type == ModbusType::Bool || b.type == ModbusType::Bit
            || b.type == ModbusType::String) {
            error(*f.keyNode("analog"),
                f.path("analog") + QStringLiteral(": a 4-20 mA input is a number; type ")
                    + quoted(modbusTypeName(b.type)) + QStringLiteral(" is not"));
            valid = false;
        } else if (auto a = readAnalog(*an, f.path("analog"), true)) {
            a->euLow = tag.rangeLow;
            a->euHigh = tag.rangeHigh;
            b.analog = *a;
        } else {
            valid = false;
        }
    }
    if (valid && b.address + b.registerCount() - 1 > 65535) {
        error(*f.get("address"),
            f.path("address") + QStringLiteral(": the value needs ")
                + QString::number(b.registerCount())
                + QStringLiteral(" registers from address ") + QString::number(b.address)
                + QStringLiteral(", past the last address 65535"));
        valid = false;
    }
    if (tag.kind == TagKind::State
        && (b.type == ModbusType::Float32 || b.type == ModbusType::Float64
            || b.type == ModbusType::String)) {
        error(f.get("type") ? *f.get("type") : n,
            path + QStringLiteral(": a state tag reads an integer state code; type ")
                + quoted(modbusTypeName(b.type)) + QStringLiteral(" is not an integer"));
        valid = false;
    }
    if (const auto w = f.get("writable")) {
        if (const auto v = boolean(*w, f.path("writable"))) {
            if (*v && b.analog) {
                error(*w,
                    f.path("writable") + QStringLiteral(": an 'analog' input is read-only"));
                valid = false;
            } else if (*v && (b.table == ModbusTable::InputRegister
                    || b.table == ModbusTable::DiscreteInput)) {
                error(*w,
                    f.path("writable") + QStringLiteral(": table ")
                        + quoted(modbusTableName(b.table))
                        + QStringLiteral(" is read-only in Modbus; only 'holding' and 'coil' "
                                         "can be written"));
                valid = false;
            } else {
                b.writable = *v;
            }
        }
    }
    // FC15/FC16 even for a single coil/register: the tag's choice, else its device's.
    b.writeMultiple = device && device->writeMultiple;
    if (const auto w = f.get("write_multiple")) {
        if (const auto v = boolean(*w, f.path("write_multiple"))) {
            if (b.table == ModbusTable::InputRegister || b.table == ModbusTable::DiscreteInput) {
                error(*w,
                    f.path("write_multiple") + QStringLiteral(": table ")
                        + quoted(modbusTableName(b.table))
                        + QStringLiteral(" is read-only in Modbus; write_multiple applies to "
                                         "'holding' and 'coil'"));
                valid = false;
            } else {
                b.writeMultiple = *v;
            }
        }
    }

    // Poll group: one interval per (device, group); a tag's poll_ms sets its group's.
    if (const auto g = f.get("poll_group")) {
        if (const auto v = name(*g, f.path("poll_group")))
            b.pollGroup = *v;
    }
    std::optional<int> ownPollMs;
    if (const auto pm = f.get("poll_ms")) {
        if (const auto v = integer(*pm, f.path("poll_ms"), 10, kModbusMaxPollMs))
            ownPollMs = static_cast<int>(*v);
    }
    b.pollMs = ownPollMs.value_or(device ? device->pollMs : b.pollMs);
    if (valid) {
        const QString key = b.device + QLatin1Char('/') + b.pollGroup;
        const YAML::Node where = f.get("poll_ms").value_or(f.get("poll_group").value_or(n));
        const auto first = m_pollGroups.constFind(key);
        if (first == m_pollGroups.constEnd()) {
            m_pollGroups.insert(key, { b.pollMs, locOf(where) });
        } else if (first->pollMs != b.pollMs) {
            error(where,
                path + QStringLiteral(": poll group ") + quoted(b.pollGroup)
                    + QStringLiteral(" of device ") + quoted(b.device)
                    + QStringLiteral(" already polls every ") + QString::number(first->pollMs)
                    + QStringLiteral(" ms (") + at(first->loc) + QStringLiteral("), not ")
                    + QString::number(b.pollMs)
                    + QStringLiteral(" ms; use another poll_group for another interval"));
            valid = false;
        }
    }
    if (!valid)
        return std::nullopt;
    return b;
}

void Loader::readSpec(const YAML::Node &n, const QString &path, TagDef *tag)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path, { "lsl", "usl", "target", "alarm" });
    SpecLimits spec;
    const auto read = [&](const char *key, double *out) {
        if (const auto v = f.get(key)) {
            if (const auto x = number(*v, f.path(key)))
                *out = *x;
        }
    };
    read("lsl", &spec.lsl);
    read("usl", &spec.usl);
    read("target", &spec.target);
    if (std::isnan(spec.lsl) && std::isnan(spec.usl)) {
        error(n, path + QStringLiteral(": expected at least one of 'lsl' and 'usl'"));
        return;
    }
    // NaN compares false, so each check only applies when both limits are given.
    if (spec.lsl >= spec.usl || spec.lsl > spec.target || spec.target > spec.usl) {
        QStringList given;
        const std::pair<const char *, double> limits[]
            = { { "lsl", spec.lsl }, { "target", spec.target }, { "usl", spec.usl } };
        for (const auto &[key, v] : limits) {
            if (!std::isnan(v))
                given << QLatin1String(key) + QLatin1Char(' ') + formatNumber(v);
        }
        error(n,
            path + QStringLiteral(": expected lsl < usl and the target between them, got ")
                + given.join(QStringLiteral(", ")));
        return;
    }
    if (tag->kind != TagKind::Analog) {
        error(n, path + QStringLiteral(": specification limits need an analog tag, got kind ")
                + quoted(tagKindName(tag->kind)));
        return;
    }
    tag->spec = spec;
    if (const auto a = f.get("alarm"))
        readSpcAlarm(*a, f.path("alarm"), *tag);
}

// `spec: alarm: { priority: 1..4, rules: [1, 2, "we1", "limit"] }`: the characteristic's SPC
// violation alarm (docs/spc.md "Violation alarm"). Plain numbers are Nelson rules, as in
// `andon-cli spc --rules`.
void Loader::readSpcAlarm(const YAML::Node &n, const QString &path, const TagDef &tag)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path, { "priority", "rules" });
    SpcAlarmDraft d;
    d.tagPath = tag.path;
    d.node = n;
    readInt(f, "priority", kAlarmPriorityCritical, kAlarmPriorityLow, &d.priority);
    if (const auto r = f.get("rules")) {
        const QString rp = f.path("rules");
        if (!expectList(*r, rp))
            return;
        static const QRegularExpression re(
            QStringLiteral("^(?:(n)?([1-8])|(we)([1-4])|(limit))$"),
            QRegularExpression::CaseInsensitiveOption);
        for (std::size_t i = 0; i < r->size(); ++i) {
            const YAML::Node item = (*r)[i];
            const QString text = item.IsScalar() ? qs(item.Scalar()).trimmed() : QString();
            const QRegularExpressionMatch m = re.match(text);
            if (!m.hasMatch()) {
                error(item,
                    indexPath(rp, i) + QStringLiteral(": expected a Nelson rule 1-8 (or n1-n8), "
                                                      "we1-we4 or limit, got ")
                        + describe(item));
                continue;
            }
            QString id;
            if (!m.captured(2).isEmpty())
                id = QStringLiteral("N") + m.captured(2);
            else if (!m.captured(4).isEmpty())
                id = QStringLiteral("WE") + m.captured(4);
            else
                id = QStringLiteral("LIMIT");
            if (!d.rules.contains(id))
                d.rules << id;
        }
    }
    if (!tag.path.isEmpty())
        m_spcAlarms.push_back(std::move(d));
}

void Loader::resolveSpcConfig()
{
    QSet<QString> ids;
    for (const AlarmDef &a : m_model->alarms)
        ids.insert(a.id);
    for (const SpcAlarmDraft &d : m_spcAlarms) {
        const TagId id = m_model->tagIdByPath(d.tagPath);
        if (id == kInvalidTag)
            continue;
        TagDef &tag = m_model->tags[id];
        AlarmDef a;
        a.name = tag.name + QStringLiteral("_spc");
        a.tag = id;
        a.machine = tag.machine;
        a.type = AlarmType::Discrete;
        a.priority = d.priority;
        a.external = true;
        a.rules = d.rules;
        a.line = locOf(d.node).line;
        const QString owner = tag.machine >= 0
            ? m_model->machines[static_cast<std::size_t>(tag.machine)].path
            : tag.path.section(QLatin1Char('/'), 0, -2);
        a.id = owner + QLatin1Char('/') + a.name;
        if (ids.contains(a.id)) {
            error(d.node,
                QStringLiteral("%1: the SPC alarm of %2 would be %3, which `alarms:` already "
                               "defines; rename that alarm")
                    .arg(tag.path, quoted(tag.name), quoted(a.id)));
            continue;
        }
        ids.insert(a.id);
        tag.spcAlarm = static_cast<int>(m_model->alarms.size());
        m_model->alarms.push_back(std::move(a));
    }
    for (const DefectTypesDraft &d : m_defectTypes) {
        const TagId id = m_model->tagIdByPath(d.tagPath);
        if (id == kInvalidTag)
            continue;
        std::vector<TagId> types;
        const QString parent = d.tagPath.section(QLatin1Char('/'), 0, -2);
        for (std::size_t i = 0; i < d.node.size(); ++i) {
            const YAML::Node item = d.node[i];
            const QString ip = indexPath(d.keyPath, i);
            const QString name = item.IsScalar() ? qs(item.Scalar()).trimmed() : QString();
            // A name of a tag beside it (same machine), or a full tag path.
            TagId t = name.contains(QLatin1Char('/'))
                ? m_model->tagIdByPath(name)
                : m_model->tagIdByPath(parent + QLatin1Char('/') + name);
            if (name.isEmpty() || t == kInvalidTag) {
                error(item,
                    ip + QStringLiteral(": expected the name of a counter tag beside ")
                        + quoted(m_model->tags[id].name) + QStringLiteral(" or a tag path, got ")
                        + describe(item));
                continue;
            }
            const TagDef &type = m_model->tags[t];
            if (type.kind != TagKind::Counter || t == id) {
                error(item,
                    ip + QStringLiteral(": defect type ") + quoted(type.path)
                        + QStringLiteral(" must be another counter tag (kind: counter)"));
                continue;
            }
            if (std::find(types.begin(), types.end(), t) != types.end()) {
                error(item, ip + QStringLiteral(": defect type ") + quoted(type.path)
                        + QStringLiteral(" is listed twice"));
                continue;
            }
            types.push_back(t);
        }
        m_model->tags[id].defectTypes = std::move(types);
    }
}

// "HH:MM" local wall time -> minutes after midnight.
std::optional<int> Loader::clockTime(const YAML::Node &n, const QString &path)
{
    static const QRegularExpression re(QStringLiteral("^([01]?[0-9]|2[0-3]):([0-5][0-9])$"));
    if (n.IsScalar()) {
        const auto m = re.match(qs(n.Scalar()));
        if (m.hasMatch())
            return m.captured(1).toInt() * 60 + m.captured(2).toInt();
    }
    error(n, path + QStringLiteral(": expected a time of day \"HH:MM\" (00:00 to 23:59), got ")
            + describe(n));
    return std::nullopt;
}

void Loader::readCalendar(const YAML::Node &n)
{
    const QString path = QStringLiteral("calendar");
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path, { "timezone", "shifts", "non_production_days" });
    ShiftCalendar &cal = m_model->calendar;
    if (const auto tz = f.get("timezone")) {
        if (const auto v = text(*tz, f.path("timezone"))) {
            if (QTimeZone::isTimeZoneIdAvailable(v->toUtf8()))
                cal.timeZone = *v;
            else
                error(*tz,
                    f.path("timezone") + QStringLiteral(": unknown time zone ") + quoted(*v)
                        + QStringLiteral(" (expected an IANA id like 'Europe/Berlin')"));
        }
    }
    if (const auto days = f.get("non_production_days");
        days && expectList(*days, f.path("non_production_days"))) {
        static const char *const names[] = { "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday" };
        for (std::size_t i = 0; i < days->size(); ++i) {
            const YAML::Node d = (*days)[i];
            const QString name = d.IsScalar() ? qs(d.Scalar()).toLower() : QString();
            int day = 0;
            for (int k = 0; k < 7 && !name.isEmpty(); ++k) {
                const QLatin1String full(names[k]);
                if (name == full || (name.size() == 3 && full.startsWith(name)))
                    day = k + 1;
            }
            if (day == 0) {
                error(d,
                    indexPath(f.path("non_production_days"), i)
                        + QStringLiteral(": expected a weekday (monday..sunday or mon..sun), got ")
                        + describe(d));
            } else if (std::find(cal.nonProductionDays.begin(), cal.nonProductionDays.end(), day)
                == cal.nonProductionDays.end()) {
                cal.nonProductionDays.push_back(day);
            }
        }
    }
    const auto shifts = f.get("shifts");
    if (!shifts) {
        missingKey(n, path, "shifts");
        return;
    }
    if (!expectList(*shifts, f.path("shifts")))
        return;
    std::vector<std::pair<ShiftDef, Loc>> read;
    for (std::size_t i = 0; i < shifts->size(); ++i) {
        const YAML::Node sn = (*shifts)[i];
        const QString sp = indexPath(f.path("shifts"), i);
        if (!expectMap(sn, sp))
            continue;
        const Fields sf(*this, sn, sp, { "name", "start", "hours", "breaks" });
        ShiftDef shift;
        bool valid = true;
        if (const auto v = readName(sf, "name")) {
            shift.name = *v;
            for (const auto &[other, loc] : read) {
                if (other.name == shift.name) {
                    error(*sf.get("name"),
                        sf.path("name") + QStringLiteral(": duplicate shift name ")
                            + quoted(shift.name) + QStringLiteral("; first defined at ")
                            + at(loc));
                    valid = false;
                }
            }
        } else {
            valid = false;
        }
        if (sf.require("start")) {
            if (const auto v = clockTime(*sf.get("start"), sf.path("start")))
                shift.startMinute = *v;
            else
                valid = false;
        } else {
            valid = false;
        }
        if (sf.require("hours")) {
            if (const auto v = number(*sf.get("hours"), sf.path("hours"), 0.25, 24.0))
                shift.minutes = static_cast<int>(std::lround(*v * 60.0));
            else
                valid = false;
        } else {
            valid = false;
        }
        if (const auto b = sf.get("breaks"); b && valid && expectList(*b, sf.path("breaks"))) {
            for (std::size_t k = 0; k < b->size(); ++k) {
                const YAML::Node bn = (*b)[k];
                const QString bp = indexPath(sf.path("breaks"), k);
                if (!expectMap(bn, bp))
                    continue;
                const Fields bf(*this, bn, bp, { "start", "minutes" });
                BreakDef br;
                if (!bf.require("start") || !bf.require("minutes"))
                    continue;
                const auto start = clockTime(*bf.get("start"), bf.path("start"));
                const auto len = integer(*bf.get("minutes"), bf.path("minutes"), 1, 1440);
                if (!start || !len)
                    continue;
                br.startMinute = *start;
                br.minutes = static_cast<int>(*len);
                // Offset from the shift start on the 24 h clock (a break after midnight in a
                // night shift has a smaller clock time than the shift start).
                const int offset = (br.startMinute - shift.startMinute + 1440) % 1440;
                if (offset + br.minutes > shift.minutes) {
                    error(bn,
                        bp + QStringLiteral(": break ") + qs(bf.get("start")->Scalar())
                            + QStringLiteral(" + ") + QString::number(br.minutes)
                            + QStringLiteral(" min is not inside shift ") + quoted(shift.name));
                    continue;
                }
                const auto overlaps = [&](const BreakDef &o) {
                    const int oo = (o.startMinute - shift.startMinute + 1440) % 1440;
                    return offset < oo + o.minutes && oo < offset + br.minutes;
                };
                if (std::any_of(shift.breaks.begin(), shift.breaks.end(), overlaps)) {
                    error(bn, bp + QStringLiteral(": break overlaps another break of shift ")
                            + quoted(shift.name));
                    continue;
                }
                shift.breaks.push_back(br);
            }
            std::sort(shift.breaks.begin(), shift.breaks.end(),
                [&](const BreakDef &a, const BreakDef &b2) {
                    return (a.startMinute - shift.startMinute + 1440) % 1440
                        < (b2.startMinute - shift.startMinute + 1440) % 1440;
                });
        }
        if (!valid)
            continue;
        // Shifts repeat daily: two overlap when they do on the 24 h circle.
        for (const auto &[other, loc] : read) {
            bool overlap = false;
            for (int shiftDays = -1; shiftDays <= 1; ++shiftDays) {
                const int os = other.startMinute + shiftDays * 1440;
                overlap = overlap
                    || (shift.startMinute < os + other.minutes
                        && os < shift.startMinute + shift.minutes);
            }
            if (overlap) {
                error(sn,
                    sp + QStringLiteral(": shift ") + quoted(shift.name)
                        + QStringLiteral(" overlaps shift ") + quoted(other.name)
                        + QStringLiteral(" defined at ") + at(loc));
                valid = false;
                break;
            }
        }
        if (valid)
            read.emplace_back(shift, locOf(sn));
    }
    for (auto &[shift, loc] : read)
        cal.shifts.push_back(std::move(shift));
    std::sort(cal.shifts.begin(), cal.shifts.end(),
        [](const ShiftDef &a, const ShiftDef &b) { return a.startMinute < b.startMinute; });
}

void Loader::readProducts(const YAML::Node &n)
{
    const QString path = QStringLiteral("products");
    if (!expectList(n, path))
        return;
    QHash<int, Loc> seen;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const YAML::Node pn = n[i];
        const QString pp = indexPath(path, i);
        if (!expectMap(pn, pp))
            continue;
        const Fields f(*this, pn, pp, { "code", "name", "ideal_cycle_s", "by_path" });
        ProductDef p;
        bool valid = readUniqueCode(f, seen, QStringLiteral("product"), 0, &p.code);
        if (f.require("name")) {
            const auto v = text(*f.get("name"), f.path("name"));
            if (v && !v->isEmpty()) {
                p.name = *v;
            } else {
                if (v)
                    error(*f.get("name"),
                        f.path("name") + QStringLiteral(": expected a text, got nothing"));
                valid = false;
            }
        } else {
            valid = false;
        }
        if (const auto c = f.get("ideal_cycle_s")) {
            if (const auto v = number(*c, f.path("ideal_cycle_s"), 0.001, 1e6))
                p.idealCycleS = *v;
        }
        if (const auto by = f.get("by_path"); by && expectMap(*by, f.path("by_path"))) {
            for (auto it = by->begin(); it != by->end(); ++it) {
                const QString key = it->first.IsScalar() ? qs(it->first.Scalar()) : QString();
                const QString kp = joinPath(f.path("by_path"), key);
                const bool known = std::any_of(m_model->machines.begin(),
                                       m_model->machines.end(),
                                       [&](const Machine &m) { return m.path == key; })
                    || std::any_of(m_model->lines.begin(), m_model->lines.end(),
                        [&](const Line &l) { return l.path == key; });
                if (!known) {
                    error(it->first,
                        kp + QStringLiteral(": unknown machine or line path ") + quoted(key));
                    continue;
                }
                if (const auto v = number(it->second, kp, 0.001, 1e6))
                    p.idealCycleByPath.insert(key, *v);
            }
        }
        if (valid)
            m_model->products.push_back(p);
    }
}

// ---- alarms (docs/config.md "Alarms") ----

namespace {

// Longest on/off delay and rate-of-change window: an hour. Longer delays hide real events
// (ISA-18.2 §5.3 recommends seconds to minutes).
constexpr double kMaxAlarmDelayS = 3600.0;
constexpr qint64 kMaxAlarmWindowS = 3600;

// High, low, high-high, low-low: a limit on the value itself (inside the tag's range).
bool isLevelAlarm(AlarmType t)
{
    return t == AlarmType::High || t == AlarmType::Low || t == AlarmType::HighHigh
        || t == AlarmType::LowLow;
}

// Which optional keys each alarm type uses; the others are an error.
bool alarmKeyApplies(AlarmType t, const char *key)
{
    const QLatin1String k(key);
    if (k == QLatin1String("limit") || k == QLatin1String("deadband"))
        return alarmTypeHasLimit(t);
    if (k == QLatin1String("setpoint"))
        return t == AlarmType::Deviation;
    if (k == QLatin1String("window_s"))
        return t == AlarmType::RateOfChange;
    if (k == QLatin1String("values"))
        return t == AlarmType::Discrete;
    return true;
}

} // namespace

void Loader::readAlarms(const YAML::Node &n)
{
    const QString path = QStringLiteral("alarms");
    if (!expectList(n, path))
        return;
    QHash<QString, Loc> seen;
    const std::size_t first = m_model->alarms.size();
    std::vector<Loc> locs; // per alarm after `first`, for the limit-order check
    for (std::size_t i = 0; i < n.size(); ++i) {
        const std::size_t before = m_model->alarms.size();
        readAlarm(n[i], indexPath(path, i), seen);
        const Loc loc = locOf(n[i]);
        locs.resize(locs.size() + (m_model->alarms.size() - before), loc);
    }

    // Sane limits among the alarms of one tag: low_low < low < high < high_high
    // (ISA-18.2 §5: the second limit of a direction is the more severe one).
    const AlarmType order[] = { AlarmType::LowLow, AlarmType::Low, AlarmType::High,
        AlarmType::HighHigh };
    const auto rank = [&](AlarmType t) {
        for (int r = 0; r < 4; ++r)
            if (order[r] == t)
                return r;
        return -1;
    };
    for (std::size_t a = first; a < m_model->alarms.size(); ++a) {
        const AlarmDef &x = m_model->alarms[a];
        if (rank(x.type) < 0)
            continue;
        for (std::size_t b = first; b < a; ++b) {
            const AlarmDef &y = m_model->alarms[b];
            if (y.tag != x.tag || rank(y.type) < 0 || rank(y.type) == rank(x.type))
                continue;
            const bool xAbove = rank(x.type) > rank(y.type);
            if (xAbove ? x.limit > y.limit : x.limit < y.limit)
                continue;
            error(locs[a - first],
                QStringLiteral("alarms: ") + alarmTypeName(x.type) + QStringLiteral(" alarm ")
                    + quoted(x.id) + QStringLiteral(" has limit ") + formatNumber(x.limit)
                    + QStringLiteral(", which must be ")
                    + (xAbove ? QStringLiteral("above") : QStringLiteral("below"))
                    + QStringLiteral(" the limit ") + formatNumber(y.limit)
                    + QStringLiteral(" of its ") + alarmTypeName(y.type)
                    + QStringLiteral(" alarm ") + quoted(y.id));
        }
    }
}

void Loader::readAlarm(const YAML::Node &n, const QString &path, QHash<QString, Loc> &seen)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path,
        { "name", "tag", "machines", "type", "limit", "setpoint", "window_s", "values",
            "priority", "deadband", "on_delay_s", "off_delay_s", "message",
            "suppress_in_states", "state_from" });
    AlarmDef proto;
    bool valid = true;
    if (const auto v = readName(f))
        proto.name = *v;
    else
        valid = false;
    if (!f.require("type"))
        return;
    if (const auto t = enumValue<AlarmType>(*f.get("type"), f.path("type"), "alarm type",
            parseAlarmType,
            { "high", "low", "high_high", "low_low", "deviation", "rate_of_change", "discrete",
                "bad_quality" }))
        proto.type = *t;
    else
        return; // the other keys depend on the type
    if (f.require("priority")) {
        if (const auto v = integer(*f.get("priority"), f.path("priority"),
                kAlarmPriorityCritical, kAlarmPriorityLow))
            proto.priority = static_cast<int>(*v);
        else
            valid = false;
    } else {
        valid = false;
    }
    for (const char *key : { "limit", "deadband", "setpoint", "window_s", "values" }) {
        if (f.has(key) && !alarmKeyApplies(proto.type, key)) {
            error(*f.keyNode(key),
                f.path(key) + QStringLiteral(" does not apply to alarm type ")
                    + quoted(alarmTypeName(proto.type)));
            valid = false;
        }
    }
    if (alarmTypeHasLimit(proto.type)) {
        if (!f.require("limit"))
            valid = false;
        else if (const auto v = number(*f.get("limit"), f.path("limit")))
            proto.limit = *v;
        else
            valid = false;
        const bool positive
            = proto.type == AlarmType::Deviation || proto.type == AlarmType::RateOfChange;
        if (positive && std::isfinite(proto.limit) && !(proto.limit > 0)) {
            error(*f.get("limit"),
                f.path("limit") + QStringLiteral(": expected a number above 0 for type ")
                    + quoted(alarmTypeName(proto.type)) + QStringLiteral(", got ")
                    + describe(*f.get("limit")));
            valid = false;
        }
    }
    if (const auto d = f.get("deadband"); d && alarmTypeHasLimit(proto.type)) {
        if (const auto v = number(*d, f.path("deadband"), 0.0))
            proto.deadband = *v;
        else
            valid = false;
    }
    if (const auto s = f.get("setpoint"); s && proto.type == AlarmType::Deviation) {
        if (const auto v = number(*s, f.path("setpoint")))
            proto.setpoint = *v;
        else
            valid = false;
    }
    if (proto.type == AlarmType::RateOfChange)
        readInt(f, "window_s", 1, kMaxAlarmWindowS, &proto.windowS);
    for (const auto &[key, out] : { std::pair { "on_delay_s", &proto.onDelayMs },
             std::pair { "off_delay_s", &proto.offDelayMs } }) {
        if (const auto d = f.get(key)) {
            if (const auto v = number(*d, f.path(key), 0.0, kMaxAlarmDelayS))
                *out = static_cast<int>(std::lround(*v * 1000.0));
            else
                valid = false;
        }
    }
    if (const auto m = f.get("message")) {
        if (const auto v = text(*m, f.path("message"))) {
            proto.message = *v;
            // Every {placeholder} must be one alarmMessage() fills in.
            static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]*)\\}"));
            const QStringList known = alarmMessagePlaceholders();
            for (auto it = placeholder.globalMatch(*v); it.hasNext();) {
                const QString key = it.next().captured(1);
                if (known.contains(key))
                    continue;
                const QString hint = closestMatch(key, known);
                error(*m,
                    f.path("message") + QStringLiteral(": unknown placeholder ")
                        + quoted(QLatin1Char('{') + key + QLatin1Char('}'))
                        + (hint.isEmpty() ? QStringLiteral("; known: {")
                                    + known.join(QStringLiteral("}, {")) + QLatin1Char('}')
                                          : QStringLiteral("; did you mean ")
                                    + quoted(QLatin1Char('{') + hint + QLatin1Char('}'))
                                    + QLatin1Char('?')));
                valid = false;
            }
        } else {
            valid = false;
        }
    }
    proto.line = locOf(n).line;
    // Whose state suppresses it: by default the tag's own machine.
    if (const auto sf = f.get("state_from")) {
        if (const auto p = text(*sf, f.path("state_from"))) {
            QStringList machinePaths;
            for (const Machine &m : m_model->machines)
                machinePaths << m.path;
            proto.stateMachine = static_cast<int>(machinePaths.indexOf(*p));
            if (proto.stateMachine < 0) {
                const QString hint = closestMatch(*p, machinePaths);
                error(*sf,
                    f.path("state_from") + QStringLiteral(": unknown machine ") + quoted(*p)
                        + (hint.isEmpty() ? QString()
                                          : QStringLiteral("; did you mean ") + quoted(hint)
                                    + QLatin1Char('?')));
                valid = false;
            }
        } else {
            valid = false;
        }
    }

    // The tags it watches: one full path, or a tag name on each of `machines`.
    if (!f.require("tag"))
        return;
    const YAML::Node tagNode = *f.get("tag");
    const auto tagText = text(tagNode, f.path("tag"));
    if (!tagText)
        return;
    std::vector<TagId> targets;
    if (const auto ms = f.get("machines")) {
        if (!isPathSegment(*tagText)) {
            error(tagNode,
                f.path("tag") + QStringLiteral(": with 'machines' the tag is a tag name on each "
                                               "machine (like 'motor_temp'), got ")
                    + quoted(*tagText));
            return;
        }
        const auto tagOf = [&](const Machine &m) {
            return m_model->tagIdByPath(m.path + QLatin1Char('/') + *tagText);
        };
        if (ms->IsScalar() && qs(ms->Scalar()) == u"all") {
            for (const Machine &m : m_model->machines)
                if (const TagId t = tagOf(m); t != kInvalidTag)
                    targets.push_back(t);
            if (targets.empty()) {
                error(tagNode,
                    f.path("tag") + QStringLiteral(": no machine has a tag ") + quoted(*tagText));
                return;
            }
        } else if (ms->IsSequence()) {
            QStringList machinePaths;
            for (const Machine &m : m_model->machines)
                machinePaths << m.path;
            for (std::size_t i = 0; i < ms->size(); ++i) {
                const YAML::Node mn = (*ms)[i];
                const QString mp = indexPath(f.path("machines"), i);
                const auto p = text(mn, mp);
                if (!p)
                    continue;
                const auto found = std::find(machinePaths.cbegin(), machinePaths.cend(), *p);
                if (found == machinePaths.cend()) {
                    const QString hint = closestMatch(*p, machinePaths);
                    error(mn,
                        mp + QStringLiteral(": unknown machine ") + quoted(*p)
                            + (hint.isEmpty() ? QString()
                                              : QStringLiteral("; did you mean ") + quoted(hint)
                                        + QLatin1Char('?')));
                    valid = false;
                    continue;
                }
                const Machine &m = m_model->machines[static_cast<std::size_t>(
                    found - machinePaths.cbegin())];
                const TagId t = tagOf(m);
                if (t == kInvalidTag) {
                    QStringList names;
                    for (const TagId id : m.tags)
                        names << m_model->tags[id].name;
                    const QString hint = closestMatch(*tagText, names);
                    error(mn,
                        mp + QStringLiteral(": machine ") + quoted(*p)
                            + QStringLiteral(" has no tag ") + quoted(*tagText)
                            + (hint.isEmpty() ? QString()
                                              : QStringLiteral("; did you mean ") + quoted(hint)
                                        + QLatin1Char('?')));
                    valid = false;
                    continue;
                }
                targets.push_back(t);
            }
        } else {
            error(*ms,
                f.path("machines") + QStringLiteral(": expected 'all' or a list of machine "
                                                    "paths, got ")
                    + describe(*ms));
            return;
        }
    } else {
        const TagId t = m_model->tagIdByPath(*tagText);
        if (t == kInvalidTag) {
            QStringList paths;
            for (const TagDef &td : m_model->tags)
                paths << td.path;
            const QString hint = closestMatch(*tagText, paths);
            error(tagNode,
                f.path("tag") + QStringLiteral(": unknown tag ") + quoted(*tagText)
                    + (hint.isEmpty() ? QString()
                                      : QStringLiteral("; did you mean ") + quoted(hint)
                                + QLatin1Char('?')));
            return;
        }
        targets.push_back(t);
    }

    for (const TagId t : targets) {
        const TagDef &tag = m_model->tags[t];
        AlarmDef a = proto;
        a.tag = t;
        a.machine = tag.machine;
        const Machine *machine = tag.machine >= 0
            ? &m_model->machines[static_cast<std::size_t>(tag.machine)]
            : nullptr;
        if (a.stateMachine < 0)
            a.stateMachine = tag.machine;
        const Machine *stateMachine = a.stateMachine >= 0
            ? &m_model->machines[static_cast<std::size_t>(a.stateMachine)]
            : nullptr;
        bool ok = valid;
        const bool numeric = tag.kind == TagKind::Analog || tag.kind == TagKind::Counter;
        if (alarmTypeHasLimit(a.type) && !numeric) {
            error(*f.get("type"),
                f.path("type") + QStringLiteral(": type ") + quoted(alarmTypeName(a.type))
                    + QStringLiteral(" needs an analog or counter tag, but ") + quoted(tag.name)
                    + QStringLiteral(" has kind ") + quoted(tagKindName(tag.kind))
                    + QStringLiteral(" (use type 'discrete')"));
            ok = false;
        }
        const bool ranged = std::isfinite(tag.rangeLow) && std::isfinite(tag.rangeHigh);
        if (ok && ranged && isLevelAlarm(a.type)
            && (a.limit < tag.rangeLow || a.limit > tag.rangeHigh)) {
            error(*f.get("limit"),
                f.path("limit") + QStringLiteral(": ") + formatNumber(a.limit)
                    + QStringLiteral(" is outside the range of tag ") + quoted(tag.name)
                    + QStringLiteral(" (") + formatNumber(tag.rangeLow) + QStringLiteral(" to ")
                    + formatNumber(tag.rangeHigh) + QLatin1Char(')'));
            ok = false;
        }
        if (ok && a.type == AlarmType::Deviation && !std::isfinite(a.setpoint)) {
            if (tag.spec && std::isfinite(tag.spec->target)) {
                a.setpoint = tag.spec->target;
            } else {
                error(n,
                    path + QStringLiteral(": missing required key 'setpoint' (tag ")
                        + quoted(tag.name) + QStringLiteral(" has no spec target to use)"));
                ok = false;
            }
        }
        if (ok && alarmTypeHasLimit(a.type) && a.deadband > 0) {
            // The deadband must leave room to return to normal.
            const double room = a.type == AlarmType::Deviation || a.type == AlarmType::RateOfChange
                ? a.limit
                : (ranged ? tag.rangeHigh - tag.rangeLow : std::numeric_limits<double>::infinity());
            if (!(a.deadband < room)) {
                error(*f.get("deadband"),
                    f.path("deadband") + QStringLiteral(": ") + formatNumber(a.deadband)
                        + QStringLiteral(" must be less than ")
                        + (a.type == AlarmType::Deviation || a.type == AlarmType::RateOfChange
                                  ? QStringLiteral("the limit (")
                                  : QStringLiteral("the tag's range span ("))
                        + formatNumber(room) + QLatin1Char(')'));
                ok = false;
            }
        }
        if (ok && a.type == AlarmType::Discrete) {
            const auto vs = f.get("values");
            if (!vs) {
                missingKey(n, path, "values");
                ok = false;
            } else if (!vs->IsSequence() || vs->size() == 0) {
                error(*vs,
                    f.path("values") + QStringLiteral(": expected a list of values, got ")
                        + describe(*vs));
                ok = false;
            } else {
                for (std::size_t i = 0; i < vs->size(); ++i) {
                    const YAML::Node vn = (*vs)[i];
                    const QString vp = indexPath(f.path("values"), i);
                    bool isNumber = false;
                    const double num = vn.IsScalar() ? qs(vn.Scalar()).toDouble(&isNumber) : 0.0;
                    if (isNumber && std::isfinite(num)) {
                        a.values.push_back(num);
                        continue;
                    }
                    // A state tag's values may be written as state names.
                    QStringList names;
                    int code = 0;
                    bool found = false;
                    if (tag.kind == TagKind::State && machine && vn.IsScalar()) {
                        for (const StateDef &sd : machine->states) {
                            names << sd.name;
                            if (sd.name == qs(vn.Scalar())) {
                                code = sd.code;
                                found = true;
                            }
                        }
                    }
                    if (found) {
                        a.values.push_back(code);
                        continue;
                    }
                    const QString hint = vn.IsScalar() ? closestMatch(qs(vn.Scalar()), names)
                                                       : QString();
                    error(vn,
                        vp
                            + (tag.kind == TagKind::State
                                      ? QStringLiteral(": expected a state code or name, got ")
                                      : QStringLiteral(": expected a number, got "))
                            + describe(vn)
                            + (hint.isEmpty() ? QString()
                                              : QStringLiteral("; did you mean ") + quoted(hint)
                                        + QLatin1Char('?')));
                    ok = false;
                }
            }
        }
        if (const auto sup = f.get("suppress_in_states"); sup && ok) {
            if (!stateMachine) {
                error(*f.keyNode("suppress_in_states"),
                    f.path("suppress_in_states") + QStringLiteral(": tag ") + quoted(tag.path)
                        + QStringLiteral(" belongs to no machine, so there is no machine state "
                                         "to suppress on (name one with 'state_from')"));
                ok = false;
            } else if (expectList(*sup, f.path("suppress_in_states"))) {
                for (std::size_t i = 0; i < sup->size(); ++i) {
                    const YAML::Node sn = (*sup)[i];
                    const QString sp = indexPath(f.path("suppress_in_states"), i);
                    const QString word = sn.IsScalar() ? qs(sn.Scalar()) : QString();
                    StateCategory cat {};
                    bool matched = false;
                    QStringList names;
                    for (const StateDef &sd : stateMachine->states) {
                        names << sd.name;
                        const bool byCategory = parseStateCategory(word, &cat)
                            && sd.category == cat;
                        if (byCategory || sd.name == word) {
                            matched = true;
                            if (std::find(a.suppressStateCodes.begin(), a.suppressStateCodes.end(),
                                    sd.code)
                                == a.suppressStateCodes.end())
                                a.suppressStateCodes.push_back(sd.code);
                        }
                    }
                    if (matched || parseStateCategory(word, nullptr))
                        continue; // a category the machine never enters is fine
                    for (const char *c : { "running", "idle", "starved", "blocked", "down",
                             "planned_stop", "changeover", "off" })
                        names << QLatin1String(c);
                    const QString hint = closestMatch(word, names);
                    error(sn,
                        sp + QStringLiteral(": unknown state or state category ")
                            + (sn.IsScalar() ? quoted(word) : describe(sn))
                            + (hint.isEmpty() ? QString()
                                              : QStringLiteral("; did you mean ") + quoted(hint)
                                        + QLatin1Char('?')));
                    ok = false;
                }
                std::sort(a.suppressStateCodes.begin(), a.suppressStateCodes.end());
            } else {
                ok = false;
            }
        }
        // Identity: the alarm lives under its tag's machine (or the tag's parent).
        const QString owner = machine ? machine->path : tag.path.section(QLatin1Char('/'), 0, -2);
        a.id = owner + QLatin1Char('/') + a.name;
        if (!ok || a.name.isEmpty() || owner.isEmpty())
            continue;
        if (const auto firstAt = seen.constFind(a.id); firstAt != seen.constEnd()) {
            error(*f.get("name"),
                f.path("name") + QStringLiteral(": duplicate alarm ") + quoted(a.id)
                    + QStringLiteral("; first defined at ") + at(*firstAt));
            continue;
        }
        seen.insert(a.id, locOf(*f.get("name")));
        m_model->alarms.push_back(std::move(a));
    }
}

// ---- energy (docs/config.md "Energy", docs/energy.md) ----

TagId Loader::energyTag(const YAML::Node &n, const QString &path, TagKind kind)
{
    const auto p = text(n, path);
    if (!p)
        return kInvalidTag;
    const TagId id = m_model->tagIdByPath(*p);
    if (id == kInvalidTag) {
        QStringList known;
        for (const TagDef &t : m_model->tags)
            known << t.path;
        QString msg = path + QStringLiteral(": unknown tag path ") + quoted(*p);
        const QString hint = closestMatch(*p, known);
        if (!hint.isEmpty())
            msg += QStringLiteral("; did you mean ") + quoted(hint) + QLatin1Char('?');
        error(n, msg);
        return kInvalidTag;
    }
    const TagDef &tag = m_model->tags[id];
    if (kind == TagKind::Counter && tag.kind != TagKind::Counter) {
        error(n, path + QStringLiteral(": expected a counter tag (kind: counter), got kind ")
                + quoted(tagKindName(tag.kind)));
        return kInvalidTag;
    }
    if (kind == TagKind::Analog && tag.kind != TagKind::Analog) {
        error(n, path + QStringLiteral(": expected an analog power tag, got kind ")
                + quoted(tagKindName(tag.kind)));
        return kInvalidTag;
    }
    return id;
}

std::vector<StateCategory> Loader::readCategories(const YAML::Node &n, const QString &path)
{
    std::vector<StateCategory> out;
    if (!expectList(n, path))
        return out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (const auto c = enumValue<StateCategory>(n[i], indexPath(path, i), "state category",
                parseStateCategory,
                { "running", "idle", "starved", "blocked", "down", "planned_stop", "changeover",
                    "off", "unknown" })) {
            if (std::find(out.begin(), out.end(), *c) == out.end())
                out.push_back(*c);
        }
    }
    return out;
}

// `publish:` (docs/config.md "KPI publishing"): Andon's KPIs to the plant's UNS.
void Loader::readPublish(const YAML::Node &n)
{
    const QString path = QStringLiteral("publish");
    if (!expectMap(n, path))
        return;
    PublishSettings &p = m_model->publish;
    const Fields f(*this, n, path,
        { "enabled", "connection", "topic_prefix", "interval_s", "refresh_s", "retain", "qos",
            "what" });
    p.enabled = true;
    if (const auto v = f.get("enabled")) {
        if (const auto b = boolean(*v, f.path("enabled")))
            p.enabled = *b;
    }
    if (f.require("connection")) {
        if (const auto id = name(*f.get("connection"), f.path("connection"))) {
            checkConnection(*f.get("connection"), f.path("connection"), *id);
            p.connection = *id;
        }
    }
    if (const auto v = f.get("topic_prefix")) {
        if (const auto t = text(*v, f.path("topic_prefix"))) {
            // A plain topic: no wildcards (MQTT 3.1.1 §4.7.1: not in a published topic), no
            // placeholders, no empty level, not a $SYS-style broker topic.
            const bool bad = t->contains(QLatin1Char('+')) || t->contains(QLatin1Char('#'))
                || t->contains(QLatin1Char('{')) || t->contains(QLatin1Char('}'))
                || t->startsWith(QLatin1Char('$')) || t->split(QLatin1Char('/')).contains(QString());
            if (bad && !t->isEmpty())
                error(*v,
                    f.path("topic_prefix")
                        + QStringLiteral(": expected topic levels without wildcards, "
                                         "placeholders, '$' or empty levels, got ")
                        + quoted(*t));
            else
                p.topicPrefix = *t;
        }
    }
    if (const auto v = f.get("interval_s")) {
        if (const auto x = number(*v, f.path("interval_s"), 1.0, 3600.0))
            p.intervalMs = static_cast<TimestampMs>(std::llround(*x * 1000.0));
    }
    if (const auto v = f.get("refresh_s")) {
        if (const auto x = number(*v, f.path("refresh_s"), 1.0, 86400.0)) {
            p.refreshMs = static_cast<TimestampMs>(std::llround(*x * 1000.0));
            if (p.refreshMs < p.intervalMs)
                error(*v,
                    f.path("refresh_s") + QStringLiteral(": expected at least interval_s (")
                        + formatNumber(static_cast<double>(p.intervalMs) / 1000.0)
                        + QStringLiteral("), got ") + describe(*v));
        }
    }
    if (const auto v = f.get("retain")) {
        if (const auto b = boolean(*v, f.path("retain")))
            p.retain = *b;
    }
    readInt(f, "qos", 0, 2, &p.qos);
    if (const auto l = f.get("what"); l && expectList(*l, f.path("what"))) {
        p.oee = p.energy = p.state = false;
        if (l->size() == 0)
            error(*l, f.path("what") + QStringLiteral(": expected at least one of oee, energy, state"));
        for (std::size_t i = 0; i < l->size(); ++i) {
            const YAML::Node item = (*l)[i];
            const QString ip = f.path("what") + QLatin1Char('[') + QString::number(i)
                + QLatin1Char(']');
            const QString v = item.IsScalar() ? qs(item.Scalar()) : QString();
            bool *slot = v == u"oee" ? &p.oee
                : v == u"energy"     ? &p.energy
                : v == u"state"      ? &p.state
                                     : nullptr;
            if (!slot)
                error(item,
                    ip + QStringLiteral(": unknown KPI ")
                        + (item.IsScalar() ? quoted(v) : describe(item))
                        + QStringLiteral("; expected one of: oee, energy, state"));
            else if (*slot)
                error(item, ip + QStringLiteral(": ") + quoted(v) + QStringLiteral(" is listed twice"));
            else
                *slot = true;
        }
    }
    checkPublishOnCloud(f);
}

// KPIs on a cloud connection (docs/integrations.md "KPIs back to the plant"): AWS IoT Core
// refuses topics beyond its quotas, so every KPI topic is checked here, at the line of
// topic_prefix (or connection); Azure IoT Hub takes them on its device-to-cloud topic
// (core/kpi_topics.h), where a retain flag means nothing. Neither has QoS 2.
void Loader::checkPublishOnCloud(const Fields &f)
{
    const PublishSettings &p = m_model->publish;
    const MqttConnection *c = m_model->mqttConnection(p.connection);
    if (!p.enabled || !c || c->profile == MqttConnection::Profile::None)
        return;
    const bool aws = c->profile == MqttConnection::Profile::AwsIotCore;
    const QString profile = aws ? QStringLiteral("aws-iot-core") : QStringLiteral("azure-iot-hub");
    if (p.qos > cloud::kCloudMaxQos)
        error(*f.get("qos"), f.path("qos") + QStringLiteral(": connection ") + c->id
                + QStringLiteral(" (profile ") + profile
                + QStringLiteral(") supports QoS 0 and 1 only"));
    if (!aws) {
        if (const auto r = f.get("retain"); r && p.retain)
            warning(*r, f.path("retain") + QStringLiteral(": connection ") + c->id
                    + QStringLiteral(" (profile azure-iot-hub): IoT Hub keeps no retained "
                                     "messages; KPIs are sent as device-to-cloud messages "
                                     "without retain"));
        return;
    }
    // One error per refused topic, at most a few: a too long prefix refuses all of them.
    constexpr int kMaxReported = 3;
    const auto prefix = f.get("topic_prefix");
    const YAML::Node at = prefix ? *prefix : *f.get("connection");
    const QString where = prefix ? f.path("topic_prefix") : f.path("connection");
    int refused = 0;
    for (const QString &topic : kpiTopics(*m_model)) {
        const QString why = cloud::awsTopicProblem(topic, true, c->thingName);
        if (why.isEmpty())
            continue;
        if (++refused <= kMaxReported)
            error(at, where + QStringLiteral(": KPI topic ") + quoted(topic)
                    + QStringLiteral(" is refused by AWS IoT Core (connection ") + c->id
                    + QStringLiteral("): ") + why);
    }
    if (refused > kMaxReported)
        error(at, where
                + (refused - kMaxReported == 1
                           ? QStringLiteral(": 1 more KPI topic is refused by AWS IoT Core")
                           : QStringLiteral(": %1 more KPI topics are refused by AWS IoT Core")
                                     .arg(refused - kMaxReported))
                + QStringLiteral("; shorten topic_prefix or the plant's names"));
}

void Loader::readEnergy(const YAML::Node &n)
{
    const QString path = QStringLiteral("energy");
    if (!expectMap(n, path))
        return;
    EnergySettings &e = m_model->energy;
    e.configured = true;
    const Fields f(*this, n, path,
        { "currency", "emission_factor", "power_tag", "energy_tag", "main_meter", "sub_meters",
            "demand", "idle_states", "tariff", "max_gap_s", "media" });
    readText(f, "currency", &e.currency);
    if (const auto v = f.get("emission_factor")) {
        if (const auto x = number(*v, f.path("emission_factor"), 0.0, 10.0))
            e.emissionKgPerKwh = *x;
    }
    for (const auto &[key, out] : { std::pair { "power_tag", &e.powerTag },
             std::pair { "energy_tag", &e.energyTag } }) {
        if (const auto v = f.get(key)) {
            if (const auto x = name(*v, f.path(key)))
                *out = *x;
        }
    }
    if (const auto v = f.get("max_gap_s")) {
        if (const auto x = number(*v, f.path("max_gap_s"), 1.0, 86400.0))
            e.maxPowerGapMs = static_cast<TimestampMs>(std::llround(*x * 1000.0));
    }
    if (const auto m = f.get("main_meter"); m && expectMap(*m, f.path("main_meter"))) {
        const Fields mf(*this, *m, f.path("main_meter"), { "power", "energy" });
        if (const auto v = mf.get("power"))
            e.mainPower = energyTag(*v, mf.path("power"), TagKind::Analog);
        if (const auto v = mf.get("energy"))
            e.mainEnergy = energyTag(*v, mf.path("energy"), TagKind::Counter);
    }
    if (const auto l = f.get("sub_meters"); l && expectList(*l, f.path("sub_meters"))) {
        for (std::size_t i = 0; i < l->size(); ++i) {
            const QString sp = indexPath(f.path("sub_meters"), i);
            if (!expectMap((*l)[i], sp))
                continue;
            const Fields sf(*this, (*l)[i], sp, { "name", "power", "energy" });
            SubMeterDef d;
            if (const auto v = readName(sf))
                d.name = *v;
            if (const auto v = sf.get("power"))
                d.power = energyTag(*v, sf.path("power"), TagKind::Analog);
            if (const auto v = sf.get("energy"))
                d.energy = energyTag(*v, sf.path("energy"), TagKind::Counter);
            if (!sf.has("power") && !sf.has("energy"))
                error((*l)[i], sp + QStringLiteral(": expected 'power' or 'energy' (or both)"));
            e.subMeters.push_back(d);
        }
    }
    if (const auto d = f.get("demand"); d && expectMap(*d, f.path("demand"))) {
        const Fields df(*this, *d, f.path("demand"),
            { "window_min", "mode", "limit_kw", "warn_percent" });
        if (const auto v = df.get("window_min")) {
            if (const auto x = number(*v, df.path("window_min"), 1.0, 1440.0))
                e.demandWindowMs = static_cast<TimestampMs>(std::llround(*x * 60'000.0));
        }
        if (const auto v = df.get("mode")) {
            const QString mode = v->IsScalar() ? qs(v->Scalar()) : QString();
            if (mode == u"fixed" || mode == u"sliding")
                e.demandSliding = mode == u"sliding";
            else
                error(*v, df.path("mode") + QStringLiteral(": unknown demand mode ")
                        + (v->IsScalar() ? quoted(mode) : describe(*v))
                        + QStringLiteral("; expected one of: fixed, sliding"));
        }
        if (const auto v = df.get("limit_kw")) {
            if (const auto x = number(*v, df.path("limit_kw"), 0.001))
                e.demandLimitKw = *x;
        }
        if (const auto v = df.get("warn_percent")) {
            if (const auto x = number(*v, df.path("warn_percent"), 1.0, 100.0))
                e.demandWarnFraction = *x / 100.0;
        }
    }
    if (const auto v = f.get("idle_states"))
        e.idleStates = readCategories(*v, f.path("idle_states"));
    if (const auto t = f.get("tariff"); t && expectMap(*t, f.path("tariff"))) {
        const Fields tf(*this, *t, f.path("tariff"), { "default", "periods" });
        if (const auto d = tf.get("default"); d && expectMap(*d, tf.path("default"))) {
            const Fields df(*this, *d, tf.path("default"), { "name", "price" });
            if (const auto v = df.get("name")) {
                if (const auto x = name(*v, df.path("name")))
                    e.defaultTariffName = *x;
            }
            if (df.require("price")) {
                if (const auto x = number(*df.get("price"), df.path("price"), 0.0))
                    e.defaultPrice = *x;
            }
        }
        if (const auto l = tf.get("periods"); l && expectList(*l, tf.path("periods"))) {
            static const char *const days[] = { "monday", "tuesday", "wednesday", "thursday",
                "friday", "saturday", "sunday" };
            for (std::size_t i = 0; i < l->size(); ++i) {
                const QString pp = indexPath(tf.path("periods"), i);
                if (!expectMap((*l)[i], pp))
                    continue;
                const Fields pf(*this, (*l)[i], pp, { "name", "days", "start", "end", "price" });
                TariffPeriodDef p;
                bool valid = true;
                if (const auto v = readName(pf))
                    p.name = *v;
                else
                    valid = false;
                for (const auto &[key, out] : { std::pair { "start", &p.startMinute },
                         std::pair { "end", &p.endMinute } }) {
                    if (!pf.require(key))
                        valid = false;
                    else if (const auto v = clockTime(*pf.get(key), pf.path(key)))
                        *out = *v;
                    else
                        valid = false;
                }
                if (!pf.require("price"))
                    valid = false;
                else if (const auto v = number(*pf.get("price"), pf.path("price"), 0.0))
                    p.price = *v;
                else
                    valid = false;
                if (const auto dl = pf.get("days"); dl && expectList(*dl, pf.path("days"))) {
                    for (std::size_t k = 0; k < dl->size(); ++k) {
                        const YAML::Node dn = (*dl)[k];
                        const QString word = dn.IsScalar() ? qs(dn.Scalar()).toLower() : QString();
                        int day = 0;
                        for (int j = 0; j < 7 && !word.isEmpty(); ++j) {
                            const QLatin1String full(days[j]);
                            if (word == full || (word.size() == 3 && full.startsWith(word)))
                                day = j + 1;
                        }
                        if (day == 0) {
                            error(dn, indexPath(pf.path("days"), k)
                                    + QStringLiteral(": expected a weekday (monday..sunday or "
                                                     "mon..sun), got ")
                                    + describe(dn));
                            valid = false;
                        } else {
                            p.weekdays.push_back(day);
                        }
                    }
                }
                if (valid)
                    e.tariffPeriods.push_back(p);
            }
        }
    }
    if (const auto l = f.get("media"); l && expectList(*l, f.path("media"))) {
        for (std::size_t i = 0; i < l->size(); ++i) {
            const QString mp = indexPath(f.path("media"), i);
            if (!expectMap((*l)[i], mp))
                continue;
            const Fields mf(*this, (*l)[i], mp,
                { "name", "unit", "flow_tag", "total_tag", "leak_threshold", "leak_min_minutes",
                    "stopped_states", "price" });
            MediumDef d;
            if (const auto v = readName(mf))
                d.name = *v;
            readText(mf, "unit", &d.unit);
            for (const auto &[key, out] : { std::pair { "flow_tag", &d.flowTag },
                     std::pair { "total_tag", &d.totalTag } }) {
                if (const auto v = mf.get(key)) {
                    if (const auto x = name(*v, mf.path(key))) {
                        *out = *x;
                        const bool found = std::any_of(m_model->tags.begin(),
                            m_model->tags.end(),
                            [&](const TagDef &t) { return t.name == *x && t.machine < 0; });
                        if (!found)
                            error(*v, mf.path(key)
                                    + QStringLiteral(": no line, area or site tag named ")
                                    + quoted(*x));
                    }
                }
            }
            if (!mf.has("flow_tag") && !mf.has("total_tag"))
                error((*l)[i], mp + QStringLiteral(": expected 'flow_tag' or 'total_tag' (or both)"));
            if (const auto v = mf.get("leak_threshold")) {
                if (const auto x = number(*v, mf.path("leak_threshold"), 0.0))
                    d.leakThreshold = *x;
            }
            if (const auto v = mf.get("leak_min_minutes")) {
                if (const auto x = number(*v, mf.path("leak_min_minutes"), 1.0, 1440.0))
                    d.leakMinMs = static_cast<TimestampMs>(std::llround(*x * 60'000.0));
            }
            if (const auto v = mf.get("stopped_states"))
                d.stoppedStates = readCategories(*v, mf.path("stopped_states"));
            if (const auto v = mf.get("price")) {
                if (const auto x = number(*v, mf.path("price"), 0.0))
                    d.price = *x;
            }
            e.media.push_back(d);
        }
    }
}

// ---- oee (docs/config.md "OEE") ----

void Loader::readOee(const YAML::Node &n)
{
    const QString path = QStringLiteral("oee");
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path,
        { "targets", "micro_stop_min", "startup_reject_min", "reasons", "reject_reasons",
            "by_path" });
    readOeeScope(f, &m_model->oee, false);

    const auto by = f.get("by_path");
    if (!by || !expectMap(*by, f.path("by_path")))
        return;
    QStringList known;
    for (const Line &l : m_model->lines)
        known << l.path;
    for (const Machine &m : m_model->machines)
        known << m.path;
    // Lines first, then machines, whatever the file order: a machine's override starts from
    // its line's settings.
    std::vector<std::tuple<int, YAML::Node, YAML::Node>> lineEntries, machineEntries;
    QHash<QString, Loc> seenPaths;
    for (auto it = by->begin(); it != by->end(); ++it) {
        const QString key = it->first.IsScalar() ? qs(it->first.Scalar()) : QString();
        const QString kp = joinPath(f.path("by_path"), key);
        if (const auto first = seenPaths.constFind(key); first != seenPaths.constEnd()) {
            error(it->first, kp + QStringLiteral(": duplicate path ") + quoted(key)
                    + QStringLiteral("; first given at ") + at(*first));
            continue;
        }
        seenPaths.insert(key, locOf(it->first));
        int line = -1, machine = -1;
        for (std::size_t i = 0; i < m_model->lines.size(); ++i) {
            if (m_model->lines[i].path == key)
                line = static_cast<int>(i);
        }
        for (std::size_t i = 0; i < m_model->machines.size(); ++i) {
            if (m_model->machines[i].path == key)
                machine = static_cast<int>(i);
        }
        if (line < 0 && machine < 0) {
            QString msg = kp + QStringLiteral(": unknown machine or line path ") + quoted(key);
            const QString hint = closestMatch(key, known);
            if (!hint.isEmpty())
                msg += QStringLiteral("; did you mean ") + quoted(hint) + QLatin1Char('?');
            error(it->first, msg);
            continue;
        }
        if (line >= 0)
            lineEntries.emplace_back(line, it->first, it->second);
        else
            machineEntries.emplace_back(machine, it->first, it->second);
    }
    const auto readEntry = [&](const YAML::Node &key, const YAML::Node &value,
                               OeeSettings settings) -> std::optional<OeeSettings> {
        const QString kp = joinPath(f.path("by_path"), qs(key.Scalar()));
        if (!expectMap(value, kp))
            return std::nullopt;
        const Fields ef(*this, value, kp,
            { "targets", "micro_stop_min", "startup_reject_min", "reasons", "reject_reasons" });
        readOeeScope(ef, &settings, true);
        return settings;
    };
    for (const auto &[line, key, value] : lineEntries) {
        if (auto s = readEntry(key, value, m_model->oee))
            m_model->oeeByPath.insert(m_model->lines[static_cast<std::size_t>(line)].path, *s);
    }
    for (const auto &[machine, key, value] : machineEntries) {
        const Machine &m = m_model->machines[static_cast<std::size_t>(machine)];
        if (auto s = readEntry(key, value, m_model->lineOee(m.line)))
            m_model->oeeByPath.insert(m.path, *s);
    }
}

void Loader::readOeeScope(const Fields &f, OeeSettings *s, bool isOverride)
{
    if (const auto t = f.get("targets"); t && expectMap(*t, f.path("targets"))) {
        const Fields tf(*this, *t, f.path("targets"),
            { "oee", "availability", "performance", "quality" });
        for (const auto &[key, out] :
            { std::pair { "oee", &s->targets.oee },
                std::pair { "availability", &s->targets.availability },
                std::pair { "performance", &s->targets.performance },
                std::pair { "quality", &s->targets.quality } }) {
            if (const auto v = tf.get(key)) {
                // Percent in the file (85 = 85 %), a fraction in the model.
                if (const auto pct = number(*v, tf.path(key), 0.0, 100.0))
                    *out = *pct / 100.0;
            }
        }
    }
    for (const auto &[key, out] : { std::pair { "micro_stop_min", &s->microStopMs },
             std::pair { "startup_reject_min", &s->startupRejectMs } }) {
        if (const auto v = f.get(key)) {
            if (const auto min = number(*v, f.path(key), 0.0, 1440.0))
                *out = static_cast<TimestampMs>(std::llround(*min * 60'000.0));
        }
    }
    for (const auto &[key, tree] : { std::pair { "reasons", &s->reasons },
             std::pair { "reject_reasons", &s->rejectReasons } }) {
        if (const auto r = f.get(key)) {
            QHash<QString, Loc> seen;
            readReasons(*r, f.path(key), tree, QString(), isOverride, seen);
        }
    }
}

void Loader::readReasons(const YAML::Node &n, const QString &path, ReasonTree *tree,
                         const QString &parent, bool isOverride, QHash<QString, Loc> &seen)
{
    if (!expectList(n, path))
        return;
    const QStringList categories = reasonCategories();
    for (std::size_t i = 0; i < n.size(); ++i) {
        const YAML::Node rn = n[i];
        const QString rp = indexPath(path, i);
        if (!expectMap(rn, rp))
            continue;
        const Fields rf(*this, rn, rp, { "code", "name", "category", "enabled", "children" });
        if (!rf.require("code"))
            continue;
        const YAML::Node codeNode = *rf.get("code");
        const QString code = codeNode.IsScalar() ? qs(codeNode.Scalar()) : QString();
        const QStringList segments = code.split(QLatin1Char('/'));
        if (!std::all_of(segments.begin(), segments.end(), isPathSegment)) {
            error(codeNode,
                rf.path("code")
                    + QStringLiteral(": expected a reason code made of letters, digits, '_' and "
                                     "'-' (segments joined by '/'), got ")
                    + describe(codeNode));
            continue;
        }
        const QString full = parent.isEmpty() ? code : parent + QLatin1Char('/') + code;
        if (const auto first = seen.constFind(full); first != seen.constEnd()) {
            error(codeNode,
                rf.path("code") + QStringLiteral(": duplicate reason code ") + quoted(full)
                    + QStringLiteral("; first given at ") + at(*first));
            continue;
        }

        std::optional<QString> name;
        if (const auto v = rf.get("name")) {
            name = text(*v, rf.path("name"));
            if (name && name->isEmpty()) {
                error(*v, rf.path("name") + QStringLiteral(": expected a text, got nothing"));
                name.reset();
            }
        }
        std::optional<QString> category;
        if (const auto v = rf.get("category")) {
            const QString c = v->IsScalar() ? qs(v->Scalar()) : QString();
            if (categories.contains(c)) {
                category = c;
            } else {
                QString msg = rf.path("category") + QStringLiteral(": unknown reason category ")
                    + (v->IsScalar() ? quoted(c) : describe(*v));
                const QString hint = closestMatch(c, categories);
                if (hint.isEmpty())
                    msg += QStringLiteral("; expected one of: ")
                        + categories.join(QStringLiteral(", "));
                else
                    msg += QStringLiteral("; did you mean ") + quoted(hint) + QLatin1Char('?');
                error(*v, msg);
            }
        }
        std::optional<bool> enabled;
        if (const auto v = rf.get("enabled"))
            enabled = boolean(*v, rf.path("enabled"));

        ReasonDef *node = nullptr;
        for (ReasonDef &r : tree->nodes) {
            if (r.code == full)
                node = &r;
        }
        if (node) {
            // Only an override can reach a code that exists (the plant level sees each code
            // once, which `seen` checks).
            if (name)
                node->name = *name;
            if (category)
                node->category = *category;
            if (enabled)
                node->enabled = *enabled;
        } else {
            const QString parentCode = ReasonTree::parentCode(full);
            const ReasonDef *parentNode = tree->find(parentCode);
            if (!parentCode.isEmpty() && !parentNode) {
                QStringList codes;
                for (const ReasonDef &r : tree->nodes)
                    codes << r.code;
                QString msg = rf.path("code") + QStringLiteral(": unknown reason ")
                    + quoted(parentCode) + QStringLiteral(" (the parent of ") + quoted(full)
                    + QLatin1Char(')');
                const QString hint = closestMatch(parentCode, codes);
                if (!hint.isEmpty())
                    msg += QStringLiteral("; did you mean ") + quoted(hint) + QLatin1Char('?');
                error(codeNode, msg);
                continue;
            }
            if (!rf.has("name")) {
                QString msg = QStringLiteral("missing required key 'name' in ") + rp;
                if (isOverride) {
                    // The usual cause: a typo in the code of a node meant to be overridden.
                    QStringList codes;
                    for (const ReasonDef &r : tree->nodes)
                        codes << r.code;
                    msg += QStringLiteral(" (") + quoted(full)
                        + QStringLiteral(" is a new reason");
                    const QString hint = closestMatch(full, codes);
                    if (!hint.isEmpty())
                        msg += QStringLiteral("; did you mean ") + quoted(hint)
                            + QLatin1Char('?');
                    msg += QLatin1Char(')');
                }
                Loc loc = locOf(rn);
                error(loc, msg);
                continue;
            }
            if (!name)
                continue;
            ReasonDef def;
            def.code = full;
            def.name = *name;
            def.category = category.value_or(
                parentNode ? parentNode->category : QStringLiteral("other"));
            def.enabled = enabled.value_or(true);
            // After the parent's last descendant, so the parent's subtree stays together
            // (siblings in the order they were given).
            auto pos = tree->nodes.end();
            if (parentNode) {
                const auto parentIt = tree->nodes.begin() + (parentNode - tree->nodes.data());
                pos = parentIt + 1;
                const QString prefix = parentCode + QLatin1Char('/');
                while (pos != tree->nodes.end() && pos->code.startsWith(prefix))
                    ++pos;
            }
            tree->nodes.insert(pos, def);
        }
        seen.insert(full, locOf(codeNode));
        if (const auto children = rf.get("children"))
            readReasons(*children, rf.path("children"), tree, full, isOverride, seen);
    }
}

// ---- condition monitoring (docs/config.md "Condition monitoring", docs/condition.md) ----

void Loader::readCondition(const YAML::Node &n)
{
    const QString path = QStringLiteral("condition");
    if (!expectMap(n, path))
        return;
    ConditionSettings &c = m_model->condition;
    c.configured = true;
    const Fields f(*this, n, path,
        { "vibration_classes", "indicators", "vibration", "temperature", "current", "service",
            "oil", "rul", "recent_min", "by_path" });

    // Custom classes first: the scopes below refer to them by name.
    if (const auto vc = f.get("vibration_classes"); vc && expectList(*vc, f.path("vibration_classes"))) {
        QHash<QString, Loc> seen;
        for (std::size_t i = 0; i < vc->size(); ++i) {
            const YAML::Node e = (*vc)[i];
            const QString ep = indexPath(f.path("vibration_classes"), i);
            if (!expectMap(e, ep))
                continue;
            const Fields ef(*this, e, ep, { "name", "zones", "source" });
            const auto name = readName(ef, "name");
            if (!name || !ef.require("zones"))
                continue;
            if (const auto first = seen.constFind(*name); first != seen.constEnd()) {
                error(*ef.get("name"), ef.path("name") + QStringLiteral(": duplicate vibration class ")
                        + quoted(*name) + QStringLiteral("; first defined at ") + at(*first));
                continue;
            }
            seen.insert(*name, locOf(*ef.get("name")));
            const YAML::Node z = *ef.get("zones");
            if (!z.IsSequence() || z.size() != 3) {
                error(z, ef.path("zones") + QStringLiteral(": expected a list of three limits "
                                                           "[A/B, B/C, C/D] in mm/s, got ")
                        + describe(z));
                continue;
            }
            VibrationClassDef def;
            def.name = *name;
            const auto ab = number(z[0], ef.path("zones") + QStringLiteral("[0]"), 0.0);
            const auto bc = number(z[1], ef.path("zones") + QStringLiteral("[1]"), 0.0);
            const auto cd = number(z[2], ef.path("zones") + QStringLiteral("[2]"), 0.0);
            if (!ab || !bc || !cd)
                continue;
            def.limits = { *ab, *bc, *cd };
            if (!def.limits.isValid()) {
                error(z, ef.path("zones") + QStringLiteral(": the limits must increase "
                                                           "(0 < A/B < B/C < C/D), got ")
                        + formatNumber(*ab) + QStringLiteral(", ") + formatNumber(*bc)
                        + QStringLiteral(", ") + formatNumber(*cd));
                continue;
            }
            def.source = QStringLiteral("configuration");
            readText(ef, "source", &def.source);
            c.classes.push_back(def);
        }
    }
    readConditionScope(f, &c.defaults);

    if (const auto r = f.get("rul"); r && expectMap(*r, f.path("rul"))) {
        const Fields rf(*this, *r, f.path("rul"),
            { "target_zone", "window_h", "bucket_min", "min_points", "min_adj_r2",
                "horizon_days" });
        if (const auto z = rf.get("target_zone")) {
            VibrationZone zone = VibrationZone::C;
            if (!z->IsScalar() || !parseVibrationZone(qs(z->Scalar()), &zone)
                || zone == VibrationZone::A)
                error(*z, rf.path("target_zone") + QStringLiteral(": expected B, C or D, got ")
                        + describe(*z));
            else
                c.rulTargetZone = zone;
        }
        if (const auto v = rf.get("window_h"))
            if (const auto x = number(*v, rf.path("window_h"), 1.0, 24.0 * 365))
                c.rulWindowH = *x;
        if (const auto v = rf.get("bucket_min"))
            if (const auto x = number(*v, rf.path("bucket_min"), 1.0, 24.0 * 60))
                c.rulBucketMin = *x;
        readInt(rf, "min_points", 3, 100000, &c.rulMinPoints);
        if (const auto v = rf.get("min_adj_r2"))
            if (const auto x = number(*v, rf.path("min_adj_r2"), 0.0, 1.0))
                c.rulMinAdjR2 = *x;
        if (const auto v = rf.get("horizon_days"))
            if (const auto x = number(*v, rf.path("horizon_days"), 1.0, 3650.0))
                c.rulHorizonDays = *x;
        if (c.rulBucketMin > c.rulWindowH * 60.0)
            error(*rf.get("bucket_min"), rf.path("bucket_min")
                    + QStringLiteral(": longer than the fit window window_h"));
    }
    if (const auto v = f.get("recent_min"))
        if (const auto x = number(*v, f.path("recent_min"), 1.0, 24.0 * 60))
            c.recentMin = *x;

    const auto by = f.get("by_path");
    if (!by || !expectMap(*by, f.path("by_path")))
        return;
    QStringList known;
    for (const Line &l : m_model->lines)
        known << l.path;
    for (const Machine &m : m_model->machines)
        known << m.path;
    // Lines first, then machines: a machine's override starts from its line's settings.
    std::vector<std::tuple<QString, YAML::Node, YAML::Node, QString>> entries[2];
    QHash<QString, Loc> seenPaths;
    for (auto it = by->begin(); it != by->end(); ++it) {
        const QString key = it->first.IsScalar() ? qs(it->first.Scalar()) : QString();
        const QString kp = joinPath(f.path("by_path"), key);
        if (const auto first = seenPaths.constFind(key); first != seenPaths.constEnd()) {
            error(it->first, kp + QStringLiteral(": duplicate path ") + quoted(key)
                    + QStringLiteral("; first given at ") + at(*first));
            continue;
        }
        seenPaths.insert(key, locOf(it->first));
        QString lineOfMachine;
        int kind = -1;
        for (const Line &l : m_model->lines)
            if (l.path == key)
                kind = 0;
        for (const Machine &m : m_model->machines) {
            if (m.path == key) {
                kind = 1;
                if (m.line >= 0)
                    lineOfMachine = m_model->lines[static_cast<std::size_t>(m.line)].path;
            }
        }
        if (kind < 0) {
            QString msg = kp + QStringLiteral(": unknown machine or line path ") + quoted(key);
            const QString hint = closestMatch(key, known);
            if (!hint.isEmpty())
                msg += QStringLiteral("; did you mean ") + quoted(hint) + QLatin1Char('?');
            error(it->first, msg);
            continue;
        }
        entries[kind].emplace_back(key, it->first, it->second, lineOfMachine);
    }
    for (const auto &list : entries) {
        for (const auto &[key, keyNode, value, line] : list) {
            const QString kp = joinPath(f.path("by_path"), key);
            if (!expectMap(value, kp))
                continue;
            const Fields ef(*this, value, kp,
                { "indicators", "vibration", "temperature", "current", "service", "oil" });
            ConditionMachineSettings s = c.byPath.value(line, c.defaults);
            readConditionScope(ef, &s);
            c.byPath.insert(key, s);
        }
    }
}

void Loader::readConditionScope(const Fields &f, ConditionMachineSettings *s)
{
    const auto tagRef = [&](const Fields &sf, const char *key, QString *out) {
        if (const auto v = sf.get(key)) {
            const auto t = text(*v, sf.path(key));
            if (!t)
                return;
            // A full path must name a configured tag; a leaf name is looked up per machine.
            if (t->contains(QLatin1Char('/')) && !m_model->tagIndex.contains(*t)) {
                QString msg = sf.path(key) + QStringLiteral(": unknown tag ") + quoted(*t);
                const QString hint = closestMatch(*t, m_model->tagIndex.keys());
                if (!hint.isEmpty())
                    msg += QStringLiteral("; did you mean ") + quoted(hint) + QLatin1Char('?');
                error(*v, msg);
                return;
            }
            *out = *t;
        }
    };
    const auto limitPair = [&](const Fields &sf, const char *warnKey, const char *alarmKey,
                               double *warn, double *alarm, double low) {
        if (const auto v = sf.get(warnKey))
            if (const auto x = number(*v, sf.path(warnKey), low))
                *warn = *x;
        if (const auto v = sf.get(alarmKey))
            if (const auto x = number(*v, sf.path(alarmKey), low))
                *alarm = *x;
        if (!(*alarm > *warn)) {
            const auto at_ = sf.get(alarmKey) ? sf.get(alarmKey) : sf.get(warnKey);
            if (at_)
                error(*at_, sf.path(alarmKey) + QStringLiteral(": must be above ")
                        + QLatin1String(warnKey) + QStringLiteral(" (")
                        + formatNumber(*warn) + QStringLiteral("), got ") + formatNumber(*alarm));
        }
    };
    if (const auto v = f.get("indicators"); v && expectList(*v, f.path("indicators"))) {
        s->vibration = s->temperature = s->current = s->runHours = s->cycles = s->oil = false;
        for (std::size_t i = 0; i < v->size(); ++i) {
            const auto ind = enumValue<ConditionIndicator>((*v)[i], indexPath(f.path("indicators"), i),
                "indicator", parseConditionIndicator,
                { "vibration", "temperature", "current", "run_hours", "cycles", "oil" });
            if (!ind)
                continue;
            switch (*ind) {
            case ConditionIndicator::Vibration: s->vibration = true; break;
            case ConditionIndicator::Temperature: s->temperature = true; break;
            case ConditionIndicator::Current: s->current = true; break;
            case ConditionIndicator::RunHours: s->runHours = true; break;
            case ConditionIndicator::Cycles: s->cycles = true; break;
            case ConditionIndicator::Oil: s->oil = true; break;
            }
        }
    }
    if (const auto v = f.get("vibration"); v && expectMap(*v, f.path("vibration"))) {
        const Fields vf(*this, *v, f.path("vibration"), { "tag", "class" });
        tagRef(vf, "tag", &s->vibrationTag);
        if (const auto cl = vf.get("class")) {
            const auto name = text(*cl, vf.path("class"));
            if (name && m_model->condition.vibrationClass(*name)) {
                s->vibrationClass = *name;
            } else if (name) {
                QStringList names;
                for (const VibrationClassDef &d : m_model->condition.classes)
                    names << d.name;
                for (const VibrationClassDef &d : builtinVibrationClasses())
                    names << d.name;
                error(*cl, vf.path("class") + QStringLiteral(": unknown vibration class ")
                        + quoted(*name) + QStringLiteral("; expected one of: ")
                        + names.join(QStringLiteral(", ")));
            }
        }
    }
    if (const VibrationClassDef *d = m_model->condition.vibrationClass(s->vibrationClass))
        s->zones = d->limits;
    if (const auto v = f.get("temperature"); v && expectMap(*v, f.path("temperature"))) {
        const Fields tf(*this, *v, f.path("temperature"),
            { "tag", "ambient", "warn_c", "alarm_c", "rise_warn_k", "rise_alarm_k" });
        tagRef(tf, "tag", &s->temperatureTag);
        if (const auto a = tf.get("ambient")) {
            const auto t = text(*a, tf.path("ambient"));
            if (t && !t->isEmpty() && !m_model->tagIndex.contains(*t)) {
                QString msg = tf.path("ambient") + QStringLiteral(": unknown tag ") + quoted(*t)
                    + QStringLiteral(" (give the full path of the ambient temperature tag)");
                const QString hint = closestMatch(*t, m_model->tagIndex.keys());
                if (!hint.isEmpty())
                    msg += QStringLiteral("; did you mean ") + quoted(hint) + QLatin1Char('?');
                error(*a, msg);
            } else if (t) {
                s->ambientTag = *t;
            }
        }
        limitPair(tf, "warn_c", "alarm_c", &s->tempWarnC, &s->tempAlarmC, -50.0);
        limitPair(tf, "rise_warn_k", "rise_alarm_k", &s->riseWarnK, &s->riseAlarmK, 0.0);
    }
    if (const auto v = f.get("current"); v && expectMap(*v, f.path("current"))) {
        const Fields cf(*this, *v, f.path("current"), { "tag", "warn_pct", "alarm_pct", "baseline_h" });
        tagRef(cf, "tag", &s->currentTag);
        limitPair(cf, "warn_pct", "alarm_pct", &s->currentWarnPct, &s->currentAlarmPct, 0.0);
        if (const auto b = cf.get("baseline_h"))
            if (const auto x = number(*b, cf.path("baseline_h"), 0.1, 24.0 * 365))
                s->currentBaselineH = *x;
    }
    if (const auto v = f.get("service"); v && expectMap(*v, f.path("service"))) {
        const Fields sf(*this, *v, f.path("service"), { "run_hours", "cycles", "cycle_tag" });
        if (const auto x = sf.get("run_hours"))
            if (const auto h = number(*x, sf.path("run_hours"), 0.0))
                s->serviceRunHours = *h;
        if (const auto x = sf.get("cycles"))
            if (const auto h = number(*x, sf.path("cycles"), 0.0))
                s->serviceCycles = *h;
        tagRef(sf, "cycle_tag", &s->cycleTag);
    }
    if (const auto v = f.get("oil"); v && expectMap(*v, f.path("oil")))
        readConditionOil(Fields(*this, *v, f.path("oil"),
                             { "particles", "target", "alert_steps", "alarm_steps", "water",
                                 "permittivity", "viscosity", "tan" }),
            &s->oilSettings, tagRef);
}

// `oil:` of a condition scope (docs/condition.md "Oil"): particle counter tags and the ISO 4406
// target, water content, permittivity, viscosity and TAN with their limits.
template <typename TagRef>
void Loader::readConditionOil(const Fields &f, OilSettings *o, TagRef tagRef)
{
    if (const auto p = f.get("particles"); p && expectMap(*p, f.path("particles"))) {
        const Fields pf(*this, *p, f.path("particles"), { "tag_4um", "tag_6um", "tag_14um" });
        tagRef(pf, "tag_4um", &o->particles4Tag);
        tagRef(pf, "tag_6um", &o->particles6Tag);
        tagRef(pf, "tag_14um", &o->particles14Tag);
    }
    if (const auto t = f.get("target")) {
        Iso4406Code code;
        const QString text = t->IsScalar() ? qs(t->Scalar()) : QString();
        if (!t->IsScalar() || !parseIso4406Code(text, &code) || code.r4 >= Iso4406Code::kAbove28
            || code.r6 >= Iso4406Code::kAbove28 || code.r14 >= Iso4406Code::kAbove28)
            error(*t, f.path("target") + QStringLiteral(": expected an ISO 4406 code like "
                                                         "16/14/11 (scale numbers 0-28, '-' "
                                                         "for a size not counted), got ")
                    + describe(*t));
        else
            o->target = code;
    }
    readInt(f, "alert_steps", 1, 28, &o->alertSteps);
    readInt(f, "alarm_steps", 1, 28, &o->alarmSteps);
    if (!(o->alarmSteps > o->alertSteps)) {
        const auto n = f.get("alarm_steps") ? f.get("alarm_steps") : f.get("alert_steps");
        if (n)
            error(*n, f.path("alarm_steps") + QStringLiteral(": must be above alert_steps (")
                    + QString::number(o->alertSteps) + QStringLiteral("), got ")
                    + QString::number(o->alarmSteps));
    }
    // A warn/alarm pair: both required when `required`, alarm above warn.
    const auto pair = [&](const Fields &sf, const char *warnKey, const char *alarmKey,
                          double *warn, double *alarm, bool required) {
        if (const auto v = sf.get(warnKey))
            if (const auto x = number(*v, sf.path(warnKey), 0.0))
                *warn = *x;
        if (const auto v = sf.get(alarmKey))
            if (const auto x = number(*v, sf.path(alarmKey), 0.0))
                *alarm = *x;
        if (required && (!sf.get(warnKey) || !sf.get(alarmKey))) {
            error(sf.node(), sf.path(sf.get(warnKey) ? alarmKey : warnKey)
                    + QStringLiteral(": required (the limits depend on the oil and the sensor)"));
            return;
        }
        if (std::isfinite(*warn) && std::isfinite(*alarm) && !(*alarm > *warn)) {
            const auto at_ = sf.get(alarmKey) ? sf.get(alarmKey) : sf.get(warnKey);
            if (at_)
                error(*at_, sf.path(alarmKey) + QStringLiteral(": must be above ")
                        + QLatin1String(warnKey) + QStringLiteral(" (") + formatNumber(*warn)
                        + QStringLiteral("), got ") + formatNumber(*alarm));
        }
    };
    const auto baseline = [&](const Fields &sf, const char *key, double *out) {
        if (const auto v = sf.get(key))
            if (const auto x = number(*v, sf.path(key), 0.0))
                *out = *x;
    };
    if (const auto w = f.get("water"); w && expectMap(*w, f.path("water"))) {
        const Fields wf(*this, *w, f.path("water"), { "tag", "unit", "warn", "alarm" });
        tagRef(wf, "tag", &o->waterTag);
        if (const auto u = wf.get("unit")) {
            const QString unit = u->IsScalar() ? qs(u->Scalar()) : QString();
            if (unit == u"ppm")
                o->waterUnit = OilSettings::WaterUnit::Ppm;
            else if (unit == u"percent_saturation")
                o->waterUnit = OilSettings::WaterUnit::Saturation;
            else
                error(*u, wf.path("unit") + QStringLiteral(": expected ppm or "
                                                           "percent_saturation, got ")
                        + describe(*u));
        }
        // Defaults by unit (docs/condition.md): free water appears at 100 % saturation.
        const bool ppm = o->waterUnit == OilSettings::WaterUnit::Ppm;
        o->waterWarn = ppm ? 200 : 50;
        o->waterAlarm = ppm ? 500 : 80;
        pair(wf, "warn", "alarm", &o->waterWarn, &o->waterAlarm, false);
    }
    if (const auto e = f.get("permittivity"); e && expectMap(*e, f.path("permittivity"))) {
        const Fields ef(*this, *e, f.path("permittivity"),
            { "tag", "baseline", "warn_pct", "alarm_pct" });
        tagRef(ef, "tag", &o->permittivityTag);
        baseline(ef, "baseline", &o->permittivityBaseline);
        pair(ef, "warn_pct", "alarm_pct", &o->permittivityWarnPct, &o->permittivityAlarmPct, true);
    }
    if (const auto e = f.get("viscosity"); e && expectMap(*e, f.path("viscosity"))) {
        const Fields ef(*this, *e, f.path("viscosity"),
            { "tag", "baseline_mm2_s", "warn_pct", "alarm_pct" });
        tagRef(ef, "tag", &o->viscosityTag);
        baseline(ef, "baseline_mm2_s", &o->viscosityBaseline);
        pair(ef, "warn_pct", "alarm_pct", &o->viscosityWarnPct, &o->viscosityAlarmPct, false);
    }
    if (const auto e = f.get("tan"); e && expectMap(*e, f.path("tan"))) {
        const Fields ef(*this, *e, f.path("tan"), { "tag", "baseline", "warn", "alarm" });
        tagRef(ef, "tag", &o->tanTag);
        baseline(ef, "baseline", &o->tanBaseline);
        pair(ef, "warn", "alarm", &o->tanWarn, &o->tanAlarm, true);
    }
}

} // namespace

QString ConfigMessage::format() const
{
    QString out = file;
    if (line > 0) {
        out += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    out += severity == Severity::Error ? QStringLiteral(": error: ")
                                       : QStringLiteral(": warning: ");
    out += text;
    return out;
}

QStringList ConfigResult::formattedMessages() const
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(messages.size()));
    for (const ConfigMessage &m : messages)
        out << m.format();
    return out;
}

ConfigResult ConfigLoader::loadFile(const QString &path)
{
    const QFileInfo info(path);
    QString reason;
    QByteArray data;
    if (info.isDir()) {
        reason = QStringLiteral("it is a directory");
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            reason = file.errorString();
        else
            data = file.readAll();
    }
    if (!reason.isEmpty()) {
        ConfigResult result;
        ConfigMessage m;
        m.file = path;
        m.text = QStringLiteral("cannot read ") + path + QStringLiteral(": ") + reason;
        result.messages.push_back(m);
        return result;
    }
    return Loader(path, info.absolutePath(), info.absoluteFilePath()).load(data);
}

ConfigResult ConfigLoader::loadString(
    const QByteArray &yaml, const QString &fileName, const QString &baseDir)
{
    const QDir base(baseDir.isEmpty() ? QDir::currentPath() : baseDir);
    return Loader(fileName, base.absolutePath(), QDir::cleanPath(base.absoluteFilePath(fileName)))
        .load(yaml);
}

} // namespace andon
