#include "connectors/mqtt/sparkplug_host.h"

#include "connectors/mqtt/sparkplug_codec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace andon::mqtt {

using namespace sparkplug;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QString kRebirthMetric = QStringLiteral("Node Control/Rebirth");

QString bindingKey(const QString &group, const QString &node, const QString &device,
                   const QString &metric)
{
    return group % QLatin1Char('/') % node % QLatin1Char('/') % device % QLatin1Char('/') % metric;
}

} // namespace

struct SparkplugHost::MetricDef
{
    QString name;
    std::optional<std::uint64_t> alias;
    DataType datatype = DataType::Unknown;
    QString unit;
    QString lastValue;
};

// Metrics of one node or device session, by name and by alias (both from the birth).
struct SparkplugHost::Device
{
    bool born = false;
    bool online = false;
    std::map<QString, MetricDef> byName;
    std::map<std::uint64_t, QString> aliasToName;

    void clear()
    {
        byName.clear();
        aliasToName.clear();
    }
};

struct SparkplugHost::Node
{
    QString group;
    QString name;
    bool born = false; // an NBIRTH was seen in the current session
    bool online = false;
    qint64 bdSeq = -1;
    TimestampMs lastBirthMs = 0;
    int lastSeq = -1;
    std::uint64_t sequenceErrors = 0;
    std::uint64_t rebirthsRequested = 0;
    std::uint64_t messages = 0;
    bool awaitingRebirth = false;
    TimestampMs lastRebirthRequestMs = std::numeric_limits<TimestampMs>::min() / 2;
    Device metrics; // node-level metrics
    std::map<QString, Device> devices;
};

SparkplugHost::SparkplugHost(std::shared_ptr<const PlantModel> model, QString connectionId,
                             QString hostId)
    : m_model(std::move(model))
    , m_connection(std::move(connectionId))
    , m_hostId(std::move(hostId))
    , m_stateTimestamp(nowUtcMs())
{
    for (const TagDef &tag : m_model->tags) {
        if (!tag.sparkplug || tag.sparkplug->connection != m_connection)
            continue;
        const SparkplugBinding &b = *tag.sparkplug;
        m_bindings[bindingKey(b.group, b.node, b.device, b.metric)].push_back(tag.id);
        if (!m_groups.contains(b.group))
            m_groups.push_back(b.group);
    }
    m_lastValue.assign(m_model->tags.size(), kNaN);
    m_hasValue.assign(m_model->tags.size(), 0);
}

SparkplugHost::~SparkplugHost() = default;

bool SparkplugHost::hasBindings(const PlantModel &model, const QString &connectionId)
{
    for (const TagDef &tag : model.tags)
        if (tag.sparkplug && tag.sparkplug->connection == connectionId)
            return true;
    return false;
}

QStringList SparkplugHost::topicFilters() const
{
    QStringList out;
    for (const QString &g : m_groups)
        out << QLatin1String(kNamespace) % QLatin1Char('/') % g % QStringLiteral("/#");
    if (!m_hostId.isEmpty())
        out << QLatin1String(kNamespace) % QStringLiteral("/STATE/") % m_hostId;
    return out;
}

bool SparkplugHost::handlesTopic(const QString &topic) const
{
    return topic.startsWith(QLatin1String(kNamespace)) && topic.size() > 7
            && topic.at(7) == QLatin1Char('/');
}

SparkplugPublish SparkplugHost::stateBirth() const
{
    QJsonObject o{{QStringLiteral("online"), true},
                  {QStringLiteral("timestamp"), static_cast<qint64>(m_stateTimestamp)}};
    return {QLatin1String(kNamespace) % QStringLiteral("/STATE/") % m_hostId,
            QJsonDocument(o).toJson(QJsonDocument::Compact), 1, true};
}

SparkplugPublish SparkplugHost::stateDeath() const
{
    QJsonObject o{{QStringLiteral("online"), false},
                  {QStringLiteral("timestamp"), static_cast<qint64>(m_stateTimestamp)}};
    return {QLatin1String(kNamespace) % QStringLiteral("/STATE/") % m_hostId,
            QJsonDocument(o).toJson(QJsonDocument::Compact), 1, true};
}

SparkplugPublish SparkplugHost::rebirthRequest(const QString &group, const QString &node,
                                               TimestampMs now)
{
    Payload p;
    p.timestamp = static_cast<std::uint64_t>(now);
    p.metrics.push_back(Metric::number(kRebirthMetric, DataType::Boolean, 1.0));
    // Sparkplug 3.0 §6.4.x: NCMD is sent with QoS 0 and never retained.
    return {QLatin1String(kNamespace) % QLatin1Char('/') % group % QStringLiteral("/NCMD/") % node,
            encode(p), 0, false};
}

SparkplugHost::Node &SparkplugHost::nodeFor(const QString &group, const QString &node)
{
    auto &slot = m_nodes[group % QLatin1Char('/') % node];
    if (!slot) {
        slot = std::make_unique<Node>();
        slot->group = group;
        slot->name = node;
    }
    return *slot;
}

std::vector<TagId> SparkplugHost::tagsOf(const QString &group, const QString &node,
                                         const QString &device, bool wholeNode) const
{
    std::vector<TagId> out;
    for (const TagDef &tag : m_model->tags) {
        if (!tag.sparkplug || tag.sparkplug->connection != m_connection)
            continue;
        const SparkplugBinding &b = *tag.sparkplug;
        if (b.group == group && b.node == node && (wholeNode || b.device == device))
            out.push_back(tag.id);
    }
    return out;
}

void SparkplugHost::markTags(const std::vector<TagId> &tags, Quality q, TimestampMs now,
                             SparkplugResult *r)
{
    // Like TagStore::sweepStale: only tags that ever had a value, with their last value.
    for (const TagId id : tags) {
        if (id < m_hasValue.size() && m_hasValue[id])
            r->samples.push_back(Sample{id, now, m_lastValue[id], q});
    }
}

void SparkplugHost::maybeRequestRebirth(Node &n, TimestampMs now, SparkplugResult *r)
{
    n.awaitingRebirth = true;
    if (now - n.lastRebirthRequestMs < kRebirthIntervalMs)
        return;
    n.lastRebirthRequestMs = now;
    n.rebirthsRequested++;
    r->publish.push_back(rebirthRequest(n.group, n.name, now));
}

void SparkplugHost::checkSequence(Node &n, const Payload &p, const QString &what,
                                  TimestampMs now, SparkplugResult *r)
{
    const int expected = (n.lastSeq + 1) % 256;
    const bool ok = p.seq && *p.seq == static_cast<std::uint64_t>(expected);
    if (p.seq)
        n.lastSeq = static_cast<int>(*p.seq % 256);
    if (ok)
        return;
    n.sequenceErrors++;
    if (r->error.isEmpty())
        r->error = p.seq ? QStringLiteral("%1: sequence number %2, expected %3: requesting a rebirth")
                                   .arg(what).arg(*p.seq).arg(expected)
                         : QStringLiteral("%1: no sequence number: requesting a rebirth").arg(what);
    // Something was lost: every value of the node is in doubt until the rebirth.
    markTags(tagsOf(n.group, n.name, QString(), true), Quality::Uncertain, now, r);
    maybeRequestRebirth(n, now, r);
}

void SparkplugHost::applyMetrics(Node &n, Device *device, const Payload &p, bool birth,
                                 TimestampMs now, SparkplugResult *r)
{
    Device &defs = device ? *device : n.metrics;
    const QString deviceName = [&] {
        if (!device)
            return QString();
        for (const auto &[name, d] : n.devices)
            if (&d == device)
                return name;
        return QString();
    }();
    const Quality good = n.awaitingRebirth ? Quality::Uncertain : Quality::Good;
    const TimestampMs payloadTs = p.timestamp ? static_cast<TimestampMs>(*p.timestamp) : now;
    for (const Metric &m : p.metrics) {
        MetricDef *def = nullptr;
        if (birth) {
            if (m.name.isEmpty())
                continue; // a birth defines metrics by name; nothing to attach this to
            MetricDef &d = defs.byName[m.name];
            d.name = m.name;
            d.alias = m.alias;
            d.datatype = m.datatype;
            d.unit = m.engineeringUnit();
            if (m.alias)
                defs.aliasToName[*m.alias] = m.name;
            def = &d;
        } else if (!m.name.isEmpty()) {
            auto it = defs.byName.find(m.name);
            if (it != defs.byName.end())
                def = &it->second;
        } else if (m.alias) {
            auto a = defs.aliasToName.find(*m.alias);
            if (a != defs.aliasToName.end())
                def = &defs.byName[a->second];
        }
        if (!def) {
            if (r->error.isEmpty())
                r->error = m.name.isEmpty()
                        ? QStringLiteral("unknown alias %1 (not in the birth): requesting a rebirth")
                                  .arg(m.alias.value_or(0))
                        : QStringLiteral("metric '%1' was not in the birth: requesting a rebirth")
                                  .arg(m.name);
            maybeRequestRebirth(n, now, r);
            continue;
        }
        Metric typed = m;
        if (typed.datatype == DataType::Unknown)
            typed.datatype = def->datatype; // data messages may leave the datatype out
        def->lastValue = typed.summary();
        const auto bound = m_bindings.constFind(bindingKey(n.group, n.name, deviceName, def->name));
        if (bound == m_bindings.constEnd())
            continue;
        const TimestampMs t = m.timestamp ? static_cast<TimestampMs>(*m.timestamp) : payloadTs;
        double v = kNaN;
        Quality q = good;
        if (typed.isNull) {
            q = Quality::Bad; // the edge node says it has no value
        } else if (!typed.toDouble(&v)) {
            v = kNaN;
            q = Quality::BadConfigError;
            if (r->error.isEmpty())
                r->error = QStringLiteral("metric '%1' (%2, value %3) is not numeric; bound tags "
                                          "get no value")
                                   .arg(def->name, dataTypeName(typed.datatype), typed.summary());
        }
        for (const TagId id : *bound) {
            r->samples.push_back(Sample{id, t, v, q});
            if (id < m_lastValue.size() && std::isfinite(v)) {
                m_lastValue[id] = v;
                m_hasValue[id] = 1;
            }
        }
    }
}

SparkplugResult SparkplugHost::handleMessage(const QString &topic, const QByteArray &payload,
                                             TimestampMs receivedMs)
{
    SparkplugResult r;
    const QStringList parts = topic.split(QLatin1Char('/'));
    if (parts.size() < 3 || parts[0] != QLatin1String(kNamespace)) {
        r.error = QStringLiteral("not a Sparkplug B topic");
        return r;
    }
    std::lock_guard lock(m_mutex);
    if (parts[1] == QLatin1String("STATE")) {
        // Sparkplug 3.0 §7.4: a host that sees its own STATE saying offline while it is
        // connected (e.g. its previous session's will) publishes its birth again.
        if (parts.size() == 3 && !m_hostId.isEmpty() && parts[2] == m_hostId) {
            const QJsonObject o = QJsonDocument::fromJson(payload).object();
            if (o.value(QStringLiteral("online")).isBool() && !o.value(QStringLiteral("online")).toBool())
                r.publish.push_back(stateBirth());
        }
        return r;
    }
    if (parts.size() < 4 || parts.size() > 5) {
        r.error = QStringLiteral("not a Sparkplug B topic (expected spBv1.0/GROUP/TYPE/NODE[/DEVICE])");
        return r;
    }
    const QString &group = parts[1];
    const QString &type = parts[2];
    const QString &nodeName = parts[3];
    const QString device = parts.size() == 5 ? parts[4] : QString();
    if (type == QLatin1String("NCMD") || type == QLatin1String("DCMD"))
        return r; // commands: ours or another host's, nothing to ingest
    const bool deviceType = type.startsWith(QLatin1Char('D'));
    const bool known = type == QLatin1String("NBIRTH") || type == QLatin1String("NDATA")
            || type == QLatin1String("NDEATH") || type == QLatin1String("DBIRTH")
            || type == QLatin1String("DDATA") || type == QLatin1String("DDEATH");
    if (!known || deviceType != !device.isEmpty()) {
        r.error = QStringLiteral("unknown Sparkplug message type %1").arg(type);
        return r;
    }

    Node &n = nodeFor(group, nodeName);
    n.messages++;
    Payload p;
    QString decodeError;
    if (!decode(payload, &p, &decodeError)) {
        r.error = decodeError;
        // The message is lost: like a sequence gap, the node's values are in doubt.
        if (n.born && type != QLatin1String("NDEATH")) {
            markTags(tagsOf(group, nodeName, QString(), true), Quality::Uncertain, receivedMs, &r);
            maybeRequestRebirth(n, receivedMs, &r);
        }
        return r;
    }

    if (type == QLatin1String("NBIRTH")) {
        n.born = true;
        n.online = true;
        n.awaitingRebirth = false;
        n.lastBirthMs = receivedMs;
        n.lastSeq = p.seq ? static_cast<int>(*p.seq % 256) : 0;
        double bd = -1;
        if (const Metric *m = p.metric(QStringLiteral("bdSeq")); m && m->toDouble(&bd))
            n.bdSeq = static_cast<qint64>(bd);
        else
            n.bdSeq = -1;
        // A new session: aliases and devices of the old one are void until they are born again.
        n.metrics.clear();
        for (auto &[name, d] : n.devices) {
            d.born = false;
            d.online = false;
            d.clear();
        }
        applyMetrics(n, nullptr, p, true, receivedMs, &r);
        return r;
    }
    if (type == QLatin1String("NDEATH")) {
        double bd = -1;
        const Metric *m = p.metric(QStringLiteral("bdSeq"));
        const bool hasBd = m && m->toDouble(&bd);
        if (!n.born)
            return r; // nothing of this node is live
        if (hasBd && n.bdSeq >= 0 && static_cast<qint64>(bd) != n.bdSeq) {
            r.error = QStringLiteral("NDEATH with bdSeq %1 does not match the current session's "
                                     "bdSeq %2: ignored (a will of an older session)")
                              .arg(static_cast<qint64>(bd))
                              .arg(n.bdSeq);
            return r;
        }
        n.born = false;
        n.online = false;
        for (auto &[name, d] : n.devices)
            d.online = false;
        markTags(tagsOf(group, nodeName, QString(), true), Quality::BadStale, receivedMs, &r);
        return r;
    }

    // Everything else needs a live node session.
    if (!n.born) {
        r.error = QStringLiteral("%1 before the node's NBIRTH: requesting a rebirth").arg(type);
        maybeRequestRebirth(n, receivedMs, &r);
        return r;
    }
    checkSequence(n, p, type, receivedMs, &r);
    if (type == QLatin1String("NDATA")) {
        applyMetrics(n, nullptr, p, false, receivedMs, &r);
        return r;
    }
    Device &d = n.devices[device];
    if (type == QLatin1String("DBIRTH")) {
        d.clear();
        d.born = true;
        d.online = true;
        applyMetrics(n, &d, p, true, receivedMs, &r);
        return r;
    }
    if (!d.born) {
        if (r.error.isEmpty())
            r.error = QStringLiteral("%1 for device %2 before its DBIRTH: requesting a rebirth")
                              .arg(type, device);
        maybeRequestRebirth(n, receivedMs, &r);
        return r;
    }
    if (type == QLatin1String("DDEATH")) {
        d.online = false;
        d.born = false;
        markTags(tagsOf(group, nodeName, device, false), Quality::BadStale, receivedMs, &r);
        return r;
    }
    applyMetrics(n, &d, p, false, receivedMs, &r); // DDATA
    return r;
}

std::vector<SparkplugNodeStats> SparkplugHost::nodeStats() const
{
    std::lock_guard lock(m_mutex);
    std::vector<SparkplugNodeStats> out;
    for (const auto &[key, n] : m_nodes) {
        SparkplugNodeStats s;
        s.group = n->group;
        s.node = n->name;
        s.online = n->online;
        s.bdSeq = n->bdSeq;
        s.lastBirthMs = n->lastBirthMs;
        s.sequenceErrors = n->sequenceErrors;
        s.rebirthsRequested = n->rebirthsRequested;
        s.messages = n->messages;
        s.awaitingRebirth = n->awaitingRebirth;
        for (const auto &[name, d] : n->devices) {
            if (d.born)
                s.devices << name;
            else
                s.offlineDevices << name;
        }
        out.push_back(s);
    }
    return out;
}

std::vector<SparkplugMetricInfo> SparkplugHost::metrics() const
{
    std::lock_guard lock(m_mutex);
    std::vector<SparkplugMetricInfo> out;
    const auto add = [&](const Node &n, const QString &device, const Device &d) {
        for (const auto &[name, def] : d.byName) {
            SparkplugMetricInfo info;
            info.group = n.group;
            info.node = n.name;
            info.device = device;
            info.name = name;
            info.alias = def.alias ? static_cast<qint64>(*def.alias) : -1;
            info.datatype = dataTypeName(def.datatype);
            info.unit = def.unit;
            info.lastValue = def.lastValue;
            info.mapped = m_bindings.contains(bindingKey(n.group, n.name, device, name));
            out.push_back(info);
        }
    };
    for (const auto &[key, n] : m_nodes) {
        add(*n, QString(), n->metrics);
        for (const auto &[name, d] : n->devices)
            add(*n, name, d);
    }
    return out;
}

} // namespace andon::mqtt
