#include "connectors/mqtt/sparkplug_edge.h"

#include "connectors/mqtt/sparkplug_codec.h"

#include <cmath>
#include <limits>
#include <map>

namespace andon::mqtt {

using namespace sparkplug;

namespace {

DataType typeOf(const TagDef &tag)
{
    switch (tag.kind) {
    // A counter with decimals (an energy meter in kWh) would lose its fraction as an integer.
    case TagKind::Counter: return tag.decimals > 0 ? DataType::Double : DataType::UInt64;
    case TagKind::State: return DataType::Int32;
    case TagKind::Bool: return DataType::Boolean;
    case TagKind::Analog: break;
    }
    return DataType::Double;
}

QString topicOf(const QString &group, const char *type, const QString &node, const QString &device)
{
    QString t = QLatin1String(SparkplugHost::kNamespace) % QLatin1Char('/') % group % QLatin1Char('/')
            % QLatin1String(type) % QLatin1Char('/') % node;
    if (!device.isEmpty())
        t += QLatin1Char('/') % device;
    return t;
}

} // namespace

SparkplugEdge::SparkplugEdge(std::shared_ptr<const PlantModel> model, QString group, QString node,
                             std::uint64_t bdSeq)
    : m_model(std::move(model))
    , m_group(std::move(group))
    , m_node(std::move(node))
    , m_bdSeq(bdSeq % 256)
{
    m_last.assign(m_model->tags.size(), std::numeric_limits<double>::quiet_NaN());
    m_lastBad.assign(m_model->tags.size(), 0);
}

QString SparkplugEdge::deviceId(const Machine &machine)
{
    QString id = machine.name;
    for (QChar &c : id)
        if (c == QLatin1Char('/') || c == QLatin1Char('+') || c == QLatin1Char('#'))
            c = QLatin1Char('_');
    return id;
}

QString SparkplugEdge::commandTopic() const
{
    return topicOf(m_group, "NCMD", m_node, QString());
}

std::uint64_t SparkplugEdge::nextSeq()
{
    const std::uint64_t s = m_seq;
    m_seq = (m_seq + 1) % 256;
    return s;
}

SparkplugPublish SparkplugEdge::death(TimestampMs now) const
{
    Payload p;
    p.timestamp = static_cast<std::uint64_t>(now);
    p.metrics.push_back(Metric::number(QStringLiteral("bdSeq"), DataType::UInt64, double(m_bdSeq)));
    // Sparkplug 3.0: NDEATH is QoS 1, not retained.
    return {topicOf(m_group, "NDEATH", m_node, QString()), encode(p), 1, false};
}

std::vector<SparkplugPublish> SparkplugEdge::births(TimestampMs now)
{
    // Node metrics come from every line, area and site: two lines' `air_flow` need different
    // names (Sparkplug 3.0: names are unique in a birth), so they are named by their path
    // below the enterprise, as metric folders ("berlin/assembly/line1/air_flow").
    const auto nameOf = [&](const TagDef &tag) {
        if (tag.machine >= 0)
            return tag.name;
        const qsizetype slash = tag.path.indexOf(QLatin1Char('/'));
        return slash > 0 ? tag.path.mid(slash + 1) : tag.path;
    };
    const auto metricOf = [&](const TagDef &tag, bool birth) {
        Metric m = Metric::number(birth ? nameOf(tag) : QString(), typeOf(tag), m_last[tag.id]);
        if (!std::isfinite(m_last[tag.id]) || m_lastBad[tag.id]) {
            m.isNull = true;
            m.field = ValueField::None;
        }
        m.alias = alias(tag.id);
        if (birth && !tag.unit.isEmpty())
            m.properties.emplace_back(QStringLiteral("engUnit"), QVariant(tag.unit));
        return m;
    };
    std::vector<SparkplugPublish> out;
    m_seq = 0;
    Payload n;
    n.timestamp = static_cast<std::uint64_t>(now);
    n.seq = nextSeq();
    n.metrics.push_back(Metric::number(QStringLiteral("bdSeq"), DataType::UInt64, double(m_bdSeq)));
    n.metrics.push_back(Metric::number(QStringLiteral("Node Control/Rebirth"), DataType::Boolean, 0));
    for (const TagDef &tag : m_model->tags)
        if (tag.machine < 0)
            n.metrics.push_back(metricOf(tag, true));
    out.push_back({topicOf(m_group, "NBIRTH", m_node, QString()), encode(n), 0, false});
    for (const Machine &machine : m_model->machines) {
        Payload d;
        d.timestamp = static_cast<std::uint64_t>(now);
        d.seq = nextSeq();
        for (const TagId id : machine.tags)
            d.metrics.push_back(metricOf(m_model->tags[id], true));
        out.push_back({topicOf(m_group, "DBIRTH", m_node, deviceId(machine)), encode(d), 0, false});
    }
    return out;
}

std::vector<SparkplugPublish> SparkplugEdge::data(const SampleBatch &batch)
{
    // Samples grouped per machine (-1 = node level), in time order inside each message.
    std::map<int, Payload> byMachine;
    TimestampMs newest = 0;
    for (const Sample &s : batch) {
        if (s.tag >= m_model->tags.size())
            continue;
        const TagDef &tag = m_model->tags[s.tag];
        m_last[s.tag] = s.value;
        m_lastBad[s.tag] = isBad(s.q) ? 1 : 0;
        Metric m = Metric::number(QString(), typeOf(tag), s.value);
        m.datatype = DataType::Unknown; // the birth announced it; data by alias only
        m.rawDatatype = 0;
        if (!std::isfinite(s.value) || isBad(s.q)) {
            m.isNull = true;
            m.field = ValueField::None;
        }
        m.alias = alias(s.tag);
        m.timestamp = static_cast<std::uint64_t>(s.t_ms);
        byMachine[tag.machine].metrics.push_back(std::move(m));
        newest = std::max(newest, s.t_ms);
    }
    std::vector<SparkplugPublish> out;
    for (auto &[machine, p] : byMachine) {
        p.timestamp = static_cast<std::uint64_t>(newest);
        p.seq = nextSeq();
        if (machine < 0)
            out.push_back({topicOf(m_group, "NDATA", m_node, QString()), encode(p), 0, false});
        else
            out.push_back({topicOf(m_group, "DDATA", m_node,
                                   deviceId(m_model->machines[static_cast<std::size_t>(machine)])),
                           encode(p), 0, false});
    }
    return out;
}

bool SparkplugEdge::isRebirthCommand(const QString &topic, const QByteArray &payload) const
{
    if (topic != commandTopic())
        return false;
    Payload p;
    QString error;
    if (!decode(payload, &p, &error))
        return false;
    const Metric *m = p.metric(QStringLiteral("Node Control/Rebirth"));
    return m && m->field == ValueField::Boolean && m->boolean;
}

} // namespace andon::mqtt
