#include "core/config_loader.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <cmath>
#include <exception>
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
    template <typename T>
    void readInt(const Fields &f, const char *key, qint64 low, qint64 high, T *out);
    void readStaleAfter(const Fields &f, int *outMs);
    std::optional<QString> readName(const Fields &f, const char *key = "name");

    void readRoot(const YAML::Node &root);
    void readPlant(const YAML::Node &n);
    void readHistorian(const YAML::Node &n, bool present);
    void readConnections(const YAML::Node &n);
    void readMqttConnection(const YAML::Node &n, const QString &path);
    void readDefaults(const YAML::Node &n);
    std::vector<StateDef> readStates(
        const YAML::Node &n, const QString &path, std::vector<StateDef> base);
    void readDefaultMqtt(const YAML::Node &n);
    void readBindingFields(const YAML::Node &n, const QString &path, bool fromTag, BindingDraft *d);
    void checkConnection(const YAML::Node &n, const QString &path, const QString &id);
    void checkTopic(const YAML::Node &n, const QString &path, const QString &topic);
    void readSites(const YAML::Node &n);
    void readSite(const YAML::Node &n, const QString &path);
    void readArea(const YAML::Node &n, const QString &path, int site, const QString &parent);
    void readLine(const YAML::Node &n, const QString &path, int area, const QString &parent);
    void readMachine(const YAML::Node &n, const QString &path, int line, const QString &parent);
    void readTags(const YAML::Node &n, const QString &path, int machine, const QString &parent);
    void readTag(const YAML::Node &n, const QString &path, int machine, const QString &parent);

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
    std::optional<BindingDraft> m_defaultBinding;
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
        { "andon", "plant", "historian", "connections", "defaults", "default_mqtt", "sites" });
    if (top.require("andon")) {
        const YAML::Node v = *top.get("andon");
        if (!v.IsScalar() || qs(v.Scalar()) != u"1")
            error(v, QStringLiteral("andon: expected schema version 1, got ") + describe(v));
    }
    if (top.require("plant"))
        readPlant(*top.get("plant"));
    readHistorian(top.get("historian").value_or(YAML::Node()), top.has("historian"));
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
            *this, n, QStringLiteral("historian"), { "path", "ring_minutes", "retention" });
        if (const auto p = f.get("path")) {
            const auto v = text(*p, f.path("path"));
            if (v && v->isEmpty())
                error(*p, f.path("path") + QStringLiteral(": expected a file path, got nothing"));
            else if (v)
                path = *v;
        }
        readInt(f, "ring_minutes", 1, 1440, &h.ringMinutes);
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

void Loader::readConnections(const YAML::Node &n)
{
    if (!expectMap(n, QStringLiteral("connections")))
        return;
    const Fields f(*this, n, QStringLiteral("connections"), { "mqtt" });
    const auto list = f.get("mqtt");
    if (!list || !expectList(*list, f.path("mqtt")))
        return;
    for (std::size_t i = 0; i < list->size(); ++i)
        readMqttConnection((*list)[i], indexPath(f.path("mqtt"), i));
}

void Loader::readMqttConnection(const YAML::Node &n, const QString &path)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path,
        { "id", "host", "port", "client_id", "keepalive_s", "clean_session", "qos", "username",
            "password_env" },
        { "password" });
    if (const auto k = f.keyNode("password")) {
        error(*k,
            f.path("password")
                + QStringLiteral(": inline passwords are not stored in the configuration; "
                                 "use password_env: NAME"));
    }
    MqttConnection c;
    bool valid = true;
    if (const auto id = readName(f, "id")) {
        c.id = *id;
        const auto first = m_connIds.constFind(c.id);
        if (first != m_connIds.constEnd()) {
            error(*f.get("id"),
                f.path("id") + QStringLiteral(": duplicate connection id ") + quoted(c.id)
                    + QStringLiteral("; first defined at ") + at(*first));
            valid = false;
        } else {
            m_connIds.insert(c.id, locOf(*f.get("id")));
        }
    } else {
        valid = false;
    }
    if (const auto h = f.get("host")) {
        const auto v = text(*h, f.path("host"));
        if (v && v->isEmpty())
            error(*h,
                f.path("host") + QStringLiteral(": expected a host name or address, got nothing"));
        else if (v)
            c.host = *v;
    }
    readInt(f, "port", 1, 65535, &c.port);
    readText(f, "client_id", &c.clientId);
    readInt(f, "keepalive_s", 0, 65535, &c.keepAliveS); // MQTT 3.1.1 §3.1.2.10: 16 bits
    if (const auto b = f.get("clean_session")) {
        if (const auto v = boolean(*b, f.path("clean_session")))
            c.cleanSession = *v;
    }
    readInt(f, "qos", 0, 2, &c.qos);
    readText(f, "username", &c.username);
    if (const auto p = f.get("password_env")) {
        const auto v = text(*p, f.path("password_env"));
        if (v && !isEnvVarName(*v))
            error(*p,
                f.path("password_env")
                    + QStringLiteral(": expected an environment variable name "
                                     "(letters, digits, '_'), got ")
                    + describe(*p));
        else if (v)
            c.passwordEnv = *v;
    }
    if (valid)
        m_model->mqttConnections.push_back(c);
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
        bool valid = true;
        if (f.require("code")) {
            if (const auto code = integer(*f.get("code"), f.path("code"), INT_MIN, INT_MAX)) {
                def.code = static_cast<int>(*code);
                const auto first = seen.constFind(def.code);
                if (first != seen.constEnd()) {
                    error(*f.get("code"),
                        f.path("code") + QStringLiteral(": duplicate state code ")
                            + QString::number(def.code) + QStringLiteral("; first defined at ")
                            + at(*first));
                    valid = false;
                } else {
                    seen.insert(def.code, locOf(*f.get("code")));
                }
            } else {
                valid = false;
            }
        } else {
            valid = false;
        }
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

void Loader::readBindingFields(
    const YAML::Node &n, const QString &path, bool fromTag, BindingDraft *d)
{
    const Fields f(*this, n, path,
        { "connection", "topic", "format", "value", "timestamp", "quality", "scale", "offset" });
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
    const Fields f(*this, n, path, { "name", "description", "timezone", "areas" });
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
    if (const auto areas = f.get("areas"); areas && expectList(*areas, f.path("areas"))) {
        for (std::size_t i = 0; i < areas->size(); ++i)
            readArea((*areas)[i], indexPath(f.path("areas"), i), index, isaPath);
    }
}

void Loader::readArea(const YAML::Node &n, const QString &path, int site, const QString &parent)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path, { "name", "description", "lines", "tags" });
    Area area;
    area.site = site;
    QString isaPath;
    if (const auto v = readName(f, "name")) {
        area.name = *v;
        const QString candidate = parent + QLatin1Char('/') + area.name;
        if (!parent.isEmpty() && registerPath(candidate, *f.get("name"), f.path("name")))
            isaPath = candidate;
    }
    area.path = isaPath;
    readText(f, "description", &area.description);
    const int index = static_cast<int>(m_model->areas.size());
    m_model->areas.push_back(area);
    m_model->sites[static_cast<std::size_t>(site)].areas.push_back(index);

    const auto readLines = [&] {
        if (const auto lines = f.get("lines"); lines && expectList(*lines, f.path("lines"))) {
            for (std::size_t i = 0; i < lines->size(); ++i)
                readLine((*lines)[i], indexPath(f.path("lines"), i), index, isaPath);
        }
    };
    const auto readAreaTags = [&] {
        if (const auto tags = f.get("tags"))
            readTags(*tags, f.path("tags"), -1, isaPath);
    };
    // Tag ids follow the file, so the block written first is read first.
    if (f.order("tags") >= 0 && f.order("tags") < f.order("lines")) {
        readAreaTags();
        readLines();
    } else {
        readLines();
        readAreaTags();
    }
}

void Loader::readLine(const YAML::Node &n, const QString &path, int area, const QString &parent)
{
    if (!expectMap(n, path))
        return;
    const Fields f(*this, n, path, { "name", "description", "machines", "tags" });
    Line line;
    line.area = area;
    QString isaPath;
    if (const auto v = readName(f, "name")) {
        line.name = *v;
        const QString candidate = parent + QLatin1Char('/') + line.name;
        if (!parent.isEmpty() && registerPath(candidate, *f.get("name"), f.path("name")))
            isaPath = candidate;
    }
    line.path = isaPath;
    readText(f, "description", &line.description);
    const int index = static_cast<int>(m_model->lines.size());
    m_model->lines.push_back(line);
    m_model->areas[static_cast<std::size_t>(area)].lines.push_back(index);

    const auto readMachines = [&] {
        if (const auto ms = f.get("machines"); ms && expectList(*ms, f.path("machines"))) {
            for (std::size_t i = 0; i < ms->size(); ++i)
                readMachine((*ms)[i], indexPath(f.path("machines"), i), index, isaPath);
        }
    };
    const auto readLineTags = [&] {
        if (const auto tags = f.get("tags"))
            readTags(*tags, f.path("tags"), -1, isaPath);
    };
    if (f.order("tags") >= 0 && f.order("tags") < f.order("machines")) {
        readLineTags();
        readMachines();
    } else {
        readMachines();
        readLineTags();
    }
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
            "mqtt" });
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
    } else if (m_defaultBinding) {
        draft = m_defaultBinding;
    }
    if (draft) {
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
        if (draft->binding.format == PayloadFormat::Enum && !machine) {
            error(n,
                path
                    + QStringLiteral(": format 'enum' maps state names through a machine's "
                                     "states, but this tag does not belong to a machine"));
        }
        tag.mqtt = draft->binding;
    }

    const TagId id = static_cast<TagId>(m_model->tags.size());
    tag.id = id;

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
