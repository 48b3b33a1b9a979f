#include "models/topic_tree_model.h"

#include "connectors/mqtt/sparkplug_codec.h"
#include "connectors/mqtt/sparkplug_host.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <functional>
#include <mutex>

namespace andon::models {

namespace {

Q_LOGGING_CATEGORY(lcBrowse, "andon.browse", QtInfoMsg)

// Time constant of the rate smoothing: long enough that a topic publishing once a second
// shows a steady 1.0/s, short enough that a stopped publisher is visibly fading.
constexpr double kRateTauS = 5.0;
constexpr double kRateFloor = 0.01; // below this a rate shows as 0 and stops being updated
constexpr int kPreviewChars = 120;
constexpr int kHexPreviewBytes = 16;
constexpr int kHexDumpBytes = 512;

const QString kSparkplugPrefix = QStringLiteral("spBv1.0/");

QString escapePointerToken(QString token)
{
    // RFC 6901 §3: '~' -> "~0", '/' -> "~1".
    token.replace(QLatin1Char('~'), QStringLiteral("~0"));
    token.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return token;
}

QString shorten(QString text, int max = kPreviewChars)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    if (text.size() > max)
        text = text.left(max - 1) + QChar(0x2026);
    return text;
}

QString jsonScalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::String: return v.toString();
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined: break;
    }
    return QString();
}

QString jsonTypeText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return TopicTreeModel::tr("boolean");
    case QJsonValue::Double: return TopicTreeModel::tr("number");
    case QJsonValue::String: return TopicTreeModel::tr("text");
    case QJsonValue::Null: return TopicTreeModel::tr("null");
    case QJsonValue::Array: return TopicTreeModel::tr("array");
    case QJsonValue::Object: return TopicTreeModel::tr("object");
    case QJsonValue::Undefined: break;
    }
    return QString();
}

QString hexPreview(const QByteArray &payload, int bytes)
{
    return QString::fromLatin1(payload.left(bytes).toHex(' '))
            + (payload.size() > bytes ? QStringLiteral(" …") : QString());
}

// "Motor/Temperature" -> "motor_temperature", "/value" -> "value": a tag name suggestion.
QString segmentFrom(const QString &text)
{
    QString s = text.toLower();
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9_-]+")), QStringLiteral("_"));
    while (s.startsWith(QLatin1Char('_')))
        s.remove(0, 1);
    while (s.endsWith(QLatin1Char('_')))
        s.chop(1);
    return s.left(64);
}

} // namespace

struct TopicTreeModel::Node
{
    NodeKind kind = NodeKind::Topic;
    QString name;
    QString topic;           // full topic (Topic) or the topic this row belongs to
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    QHash<QString, Node *> byKey; // kind-qualified name -> child

    // Topic
    bool hasMessage = false;
    QByteArray payload;      // first kMaxStoredPayload bytes of the last payload
    int payloadBytes = 0;
    PayloadKind payloadKind = PayloadKind::None;
    QString preview;
    std::uint64_t count = 0;
    std::uint64_t pendingCount = 0; // since the last rate update
    double rate = 0.0;
    bool active = false;            // in m_active
    TimestampMs lastMs = 0;
    bool retained = false;
    int qos = 0;
    int topicsBelow = 0;

    // JsonField
    QString pointer;
    QString value;
    QString valueType;
    bool present = true;
    bool jsonIsNumber = false, jsonIsBool = false, jsonIsString = false;

    // Sparkplug
    QString group, spNode, device, metric, datatype, unit;
    qint64 alias = -1;
    bool bound = false;

    static QString key(NodeKind kind, const QString &name)
    {
        return QString::number(int(kind)) + QLatin1Char(':') + name;
    }
    // Child order: JSON fields in document order, then Sparkplug entities, then topic
    // levels, the last two by name.
    static int rank(NodeKind k)
    {
        switch (k) {
        case NodeKind::JsonField: return 0;
        case NodeKind::SparkplugMetric: return 1;
        case NodeKind::SparkplugDevice: return 2;
        case NodeKind::SparkplugNode: return 2;
        case NodeKind::Topic: return 3;
        }
        return 3;
    }
    QString fullPath() const
    {
        switch (kind) {
        case NodeKind::Topic: return topic;
        case NodeKind::JsonField: return topic + QLatin1Char(' ') + pointer;
        case NodeKind::SparkplugNode:
        case NodeKind::SparkplugDevice:
        case NodeKind::SparkplugMetric: {
            QStringList parts{ group, spNode };
            if (!device.isEmpty())
                parts << device;
            if (!metric.isEmpty())
                parts << metric;
            return kSparkplugPrefix + parts.join(QLatin1Char('/'));
        }
        }
        return topic;
    }
};

struct TopicTreeModel::Feed
{
    struct Pending
    {
        std::uint64_t count = 0;
        mqtt::MqttMessage last;
    };
    std::mutex mutex;
    QHash<QString, Pending> pending;
    std::uint64_t dropped = 0;       // distinct topics beyond maxPending in one interval
    std::size_t maxPending = std::size_t(kDefaultMaxTopics) * 2;
    std::unique_ptr<mqtt::SparkplugHost> host;
    bool sparkplugDirty = false;

    void push(mqtt::MqttMessage &&m)
    {
        const bool sparkplug = m.topic.startsWith(kSparkplugPrefix)
                && !m.topic.startsWith(QStringLiteral("spBv1.0/STATE/"));
        if (sparkplug) {
            // Decoded here, on the network thread, in arrival order (aliases need every
            // birth); the host never publishes anything for the browse view.
            host->handleMessage(m.topic, m.payload, m.receivedMs);
        }
        std::lock_guard lock(mutex);
        if (sparkplug)
            sparkplugDirty = true;
        auto it = pending.find(m.topic);
        if (it == pending.end()) {
            if (std::size_t(pending.size()) >= maxPending) {
                ++dropped;
                return;
            }
            it = pending.insert(m.topic, Pending());
        }
        ++it->count;
        it->last = std::move(m);
    }
};

TopicTreeModel::TopicTreeModel(std::shared_ptr<const PlantModel> plant, const QString &connectionId,
                               const Clock *clock, QObject *parent)
    : QAbstractItemModel(parent),
      m_plant(plant ? std::move(plant) : std::make_shared<const PlantModel>()),
      m_connectionId(connectionId),
      m_clock(clock),
      m_feed(std::make_shared<Feed>()),
      m_root(std::make_unique<Node>())
{
    m_feed->host = std::make_unique<mqtt::SparkplugHost>(m_plant, m_connectionId, QString());
    m_timer.setInterval(kRefreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TopicTreeModel::flush);
    m_timer.start();
}

TopicTreeModel::~TopicTreeModel() = default;

void TopicTreeModel::attach(mqtt::MqttClient *client)
{
    std::shared_ptr<Feed> feed = m_feed;
    client->setMessageHandler([feed](mqtt::MqttMessage &&m) { feed->push(std::move(m)); });
}

void TopicTreeModel::ingest(mqtt::MqttMessage message)
{
    m_feed->push(std::move(message));
}

std::uint64_t TopicTreeModel::droppedMessages() const
{
    std::lock_guard lock(m_feed->mutex);
    return m_droppedHere + m_feed->dropped;
}

void TopicTreeModel::clear()
{
    beginResetModel();
    {
        std::lock_guard lock(m_feed->mutex);
        m_feed->pending.clear();
        m_feed->dropped = 0;
        m_feed->sparkplugDirty = false;
    }
    m_feed->host = std::make_unique<mqtt::SparkplugHost>(m_plant, m_connectionId, QString());
    m_root = std::make_unique<Node>();
    m_active.clear();
    m_topicCount = 0;
    m_messagesSeen = 0;
    m_droppedHere = 0;
    m_lastFlushMs = 0;
    endResetModel();
    if (m_limitReached) {
        m_limitReached = false;
        emit limitReachedChanged(false);
    }
}

void TopicTreeModel::flush()
{
    QHash<QString, Feed::Pending> pending;
    bool sparkplug = false;
    {
        std::lock_guard lock(m_feed->mutex);
        m_feed->maxPending = std::size_t(std::max(1, m_maxTopics)) * 2;
        pending.swap(m_feed->pending);
        sparkplug = m_feed->sparkplugDirty;
        m_feed->sparkplugDirty = false;
    }
    const TimestampMs now = m_clock->now();
    // Sorted, so that sibling rows are created in a stable order (and the cap hits the same
    // topics in every run).
    QStringList topics = pending.keys();
    std::sort(topics.begin(), topics.end());
    for (const QString &topic : topics) {
        const Feed::Pending &p = pending[topic];
        applyTopic(topic, p.count, p.last);
    }
    if (sparkplug)
        applySparkplugMetrics();
    updateRates(now);
    if (!pending.isEmpty() || sparkplug)
        emit flushed();
}

void TopicTreeModel::updateRates(TimestampMs now)
{
    if (m_lastFlushMs == 0) {
        // First interval: no time base yet; counts start the next one.
        for (Node *n : m_active)
            n->pendingCount = 0;
        m_lastFlushMs = now;
        return;
    }
    const double dtS = double(now - m_lastFlushMs) / 1000.0;
    if (dtS <= 0)
        return;
    m_lastFlushMs = now;
    const double alpha = 1.0 - std::exp(-dtS / kRateTauS);
    std::vector<Node *> still;
    still.reserve(m_active.size());
    for (Node *n : m_active) {
        const double inst = double(n->pendingCount) / dtS;
        n->pendingCount = 0;
        n->rate += alpha * (inst - n->rate);
        if (n->rate < kRateFloor) {
            n->rate = 0;
            n->active = false;
        } else {
            still.push_back(n);
        }
        changed(n, RateColumn, RateColumn);
    }
    m_active.swap(still);
}

TopicTreeModel::Node *TopicTreeModel::childFor(Node *parent, NodeKind kind, const QString &name,
                                               bool create)
{
    const QString key = Node::key(kind, name);
    if (Node *n = parent->byKey.value(key))
        return n;
    if (!create)
        return nullptr;
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->name = name;
    node->parent = parent;
    if (kind == NodeKind::Topic)
        node->topic = parent == m_root.get() ? name : parent->topic + QLatin1Char('/') + name;
    else
        node->topic = parent->topic;
    Node *raw = node.get();
    insertChild(parent, std::move(node));
    parent->byKey.insert(key, raw);
    return raw;
}

void TopicTreeModel::insertChild(Node *parent, std::unique_ptr<Node> child)
{
    auto &kids = parent->children;
    const int rank = Node::rank(child->kind);
    auto pos = kids.begin();
    if (child->kind == NodeKind::JsonField) {
        // After the last JSON field: document order.
        pos = std::find_if(kids.begin(), kids.end(),
                           [](const auto &k) { return Node::rank(k->kind) > 0; });
    } else {
        pos = std::find_if(kids.begin(), kids.end(), [&](const auto &k) {
            const int r = Node::rank(k->kind);
            return r > rank || (r == rank && k->name > child->name);
        });
    }
    const int row = int(pos - kids.begin());
    beginInsertRows(indexOf(parent), row, row);
    kids.insert(kids.begin() + row, std::move(child));
    for (int i = row; i < int(kids.size()); ++i)
        kids[std::size_t(i)]->row = i;
    endInsertRows();
}

void TopicTreeModel::applyTopic(const QString &topic, std::uint64_t count,
                                const mqtt::MqttMessage &last)
{
    m_messagesSeen += count;
    const QStringList levels = topic.split(QLatin1Char('/'));
    // Count the levels that do not exist yet against the cap before creating any.
    Node *node = m_root.get();
    int missing = 0;
    for (const QString &level : levels) {
        Node *next = node ? childFor(node, NodeKind::Topic, level, false) : nullptr;
        if (!next)
            ++missing;
        node = next;
    }
    if (missing > 0 && m_topicCount + missing > m_maxTopics) {
        m_droppedHere += count;
        if (!m_limitReached) {
            m_limitReached = true;
            qCInfo(lcBrowse).noquote()
                    << QStringLiteral("topic tree limit of %1 topics reached; new topics are "
                                      "not shown")
                               .arg(m_maxTopics);
            emit limitReachedChanged(true);
        }
        return;
    }
    node = m_root.get();
    for (const QString &level : levels) {
        Node *next = childFor(node, NodeKind::Topic, level, false);
        if (!next) {
            next = childFor(node, NodeKind::Topic, level, true);
            ++m_topicCount;
            for (Node *up = node; up != m_root.get(); up = up->parent)
                ++up->topicsBelow;
        }
        node = next;
    }

    node->hasMessage = true;
    node->count += count;
    node->pendingCount += count;
    if (!node->active) {
        node->active = true;
        m_active.push_back(node);
    }
    node->lastMs = last.receivedMs;
    node->retained = last.retained;
    node->qos = last.qos;
    node->payloadBytes = int(last.payload.size());
    node->payload = last.payload.left(kMaxStoredPayload);

    if (topic.startsWith(kSparkplugPrefix) && !topic.startsWith(QStringLiteral("spBv1.0/STATE/"))) {
        mqtt::sparkplug::Payload p;
        QString error;
        if (mqtt::sparkplug::decode(last.payload, &p, &error)) {
            node->payloadKind = PayloadKind::SparkplugB;
            const QStringList parts = topic.split(QLatin1Char('/'));
            const QString type = parts.size() > 2 ? parts[2] : QString();
            node->preview = type + QStringLiteral(" · ")
                    + (p.metrics.size() == 1 ? tr("1 metric")
                                             : tr("%1 metrics").arg(p.metrics.size()))
                    + (p.seq ? tr(" · seq %1").arg(*p.seq) : QString());
        } else {
            node->payloadKind = PayloadKind::Binary;
            node->preview = tr("not a Sparkplug B payload: %1").arg(error);
        }
    } else {
        node->payloadKind = guessKind(last.payload);
        switch (node->payloadKind) {
        case PayloadKind::Empty: node->preview = tr("(empty)"); break;
        case PayloadKind::Binary:
            node->preview = tr("%1 bytes: ").arg(last.payload.size())
                    + hexPreview(last.payload, kHexPreviewBytes);
            break;
        case PayloadKind::Json: {
            const QJsonDocument doc = QJsonDocument::fromJson(last.payload);
            node->preview = shorten(QString::fromUtf8(doc.toJson(QJsonDocument::Compact)));
            break;
        }
        default:
            node->preview = shorten(QString::fromUtf8(last.payload).trimmed());
        }
        if (node->payloadKind == PayloadKind::Json || !node->children.empty())
            applyJson(node, node->payloadKind == PayloadKind::Json ? last.payload : QByteArray());
    }
    changed(node);
}

void TopicTreeModel::applyJson(Node *topicNode, const QByteArray &payload)
{
    // Every field row ever seen stays (so a binding can still be made while a field is
    // missing from one message); the ones not in this payload are marked absent.
    std::vector<Node *> touched;
    int budget = kMaxJsonFields;
    std::function<void(Node *, const QJsonValue &, const QString &, int)> walk =
            [&](Node *parent, const QJsonValue &v, const QString &pointer, int depth) {
                const auto visit = [&](const QString &name, const QJsonValue &child) {
                    if (budget <= 0)
                        return;
                    --budget;
                    const QString p = pointer + QLatin1Char('/') + escapePointerToken(name);
                    Node *f = childFor(parent, NodeKind::JsonField, name, true);
                    f->pointer = p;
                    f->value = shorten(jsonScalarText(child));
                    f->valueType = jsonTypeText(child);
                    f->present = true;
                    f->jsonIsNumber = child.isDouble();
                    f->jsonIsBool = child.isBool();
                    f->jsonIsString = child.isString();
                    touched.push_back(f);
                    changed(f);
                    if ((child.isObject() || child.isArray()) && depth + 1 < kMaxJsonDepth)
                        walk(f, child, p, depth + 1);
                };
                if (v.isObject()) {
                    const QJsonObject o = v.toObject();
                    for (auto it = o.begin(); it != o.end(); ++it)
                        visit(it.key(), it.value());
                } else if (v.isArray()) {
                    const QJsonArray a = v.toArray();
                    for (int i = 0; i < std::min(int(a.size()), kMaxJsonArrayItems); ++i)
                        visit(QString::number(i), a.at(i));
                }
            };
    if (!payload.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(payload);
        walk(topicNode, doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()),
             QString(), 0);
    }
    std::sort(touched.begin(), touched.end());
    std::function<void(Node *)> markAbsent = [&](Node *n) {
        for (const auto &c : n->children) {
            if (c->kind != NodeKind::JsonField)
                continue;
            if (!std::binary_search(touched.begin(), touched.end(), c.get()) && c->present) {
                c->present = false;
                changed(c.get());
            }
            markAbsent(c.get());
        }
    };
    markAbsent(topicNode);
}

void TopicTreeModel::applySparkplugMetrics()
{
    const std::vector<mqtt::SparkplugMetricInfo> metrics = m_feed->host->metrics();
    for (const mqtt::SparkplugMetricInfo &m : metrics) {
        // Under the group's topic level spBv1.0/<group>; only when that level is in the tree.
        Node *spb = childFor(m_root.get(), NodeKind::Topic, QStringLiteral("spBv1.0"), false);
        Node *group = spb ? childFor(spb, NodeKind::Topic, m.group, false) : nullptr;
        if (!group)
            continue;
        Node *edge = childFor(group, NodeKind::SparkplugNode, m.node, true);
        edge->group = m.group;
        edge->spNode = m.node;
        Node *owner = edge;
        if (!m.device.isEmpty()) {
            owner = childFor(edge, NodeKind::SparkplugDevice, m.device, true);
            owner->group = m.group;
            owner->spNode = m.node;
            owner->device = m.device;
        }
        Node *metric = childFor(owner, NodeKind::SparkplugMetric, m.name, true);
        const bool differs = metric->value != m.lastValue || metric->datatype != m.datatype
                || metric->unit != m.unit || metric->alias != m.alias || metric->bound != m.mapped;
        metric->group = m.group;
        metric->spNode = m.node;
        metric->device = m.device;
        metric->metric = m.name;
        metric->value = m.lastValue;
        metric->datatype = m.datatype;
        metric->unit = m.unit;
        metric->alias = m.alias;
        metric->bound = m.mapped;
        if (differs)
            changed(metric);
    }
}

void TopicTreeModel::changed(Node *node, int firstColumn, int lastColumn)
{
    if (!node || node == m_root.get())
        return;
    emit dataChanged(indexOf(node, firstColumn), indexOf(node, lastColumn));
}

TopicTreeModel::PayloadKind TopicTreeModel::guessKind(const QByteArray &payload)
{
    if (payload.isEmpty())
        return PayloadKind::Empty;
    const QByteArray t = payload.trimmed();
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (ok && std::isfinite(v))
        return PayloadKind::Number;
    const QByteArray lower = t.toLower();
    if (lower == "true" || lower == "false" || lower == "on" || lower == "off")
        return PayloadKind::Boolean;
    if (t.startsWith('{') || t.startsWith('[')) {
        QJsonParseError err{};
        QJsonDocument::fromJson(t, &err);
        if (err.error == QJsonParseError::NoError)
            return PayloadKind::Json;
    }
    // Text: valid UTF-8 without control characters other than white space.
    const QString s = QString::fromUtf8(payload);
    if (s.contains(QChar::ReplacementCharacter))
        return PayloadKind::Binary;
    for (const QChar c : s)
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\r')
            && c != QLatin1Char('\t'))
            return PayloadKind::Binary;
    return PayloadKind::Text;
}

QString TopicTreeModel::payloadKindName(PayloadKind k)
{
    switch (k) {
    case PayloadKind::None: return QString();
    case PayloadKind::Empty: return tr("empty");
    case PayloadKind::Number: return tr("number");
    case PayloadKind::Boolean: return tr("boolean");
    case PayloadKind::Text: return tr("text");
    case PayloadKind::Json: return tr("JSON");
    case PayloadKind::SparkplugB: return tr("Sparkplug B");
    case PayloadKind::Binary: return tr("binary");
    }
    return QString();
}

TopicTreeModel::Node *TopicTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex TopicTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex TopicTreeModel::parent(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    return indexOf(nodeOf(index)->parent);
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int TopicTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return (section == CountColumn || section == RateColumn || section == QosColumn)
                ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Topic");
    case ValueColumn: return tr("Last value");
    case TypeColumn: return tr("Type");
    case CountColumn: return tr("Messages");
    case RateColumn: return tr("Rate (msg/s)");
    case LastColumn: return tr("Last received");
    case QosColumn: return tr("QoS");
    case RetainedColumn: return tr("Retained");
    default: return {};
    }
}

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    if (role == FullPathRole)
        return n->fullPath();
    if (role == NodeKindRole)
        return int(n->kind);
    if (role == Qt::TextAlignmentRole) {
        const int c = index.column();
        return (c == CountColumn || c == RateColumn || c == QosColumn)
                ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        switch (n->kind) {
        case NodeKind::Topic: return n->topic;
        case NodeKind::JsonField: return tr("%1 %2").arg(n->topic, n->pointer);
        case NodeKind::SparkplugMetric:
            return n->bound ? tr("%1 (already bound to a tag)").arg(n->fullPath()) : n->fullPath();
        default: return n->fullPath();
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        if (n->kind == NodeKind::Topic && n->name.isEmpty())
            return tr("(empty level)");
        return n->name;
    case ValueColumn:
        switch (n->kind) {
        case NodeKind::Topic: return n->hasMessage ? n->preview : QString();
        case NodeKind::JsonField: return n->present ? n->value : tr("— (not in the last message)");
        case NodeKind::SparkplugMetric:
            return n->unit.isEmpty() ? n->value : n->value + QLatin1Char(' ') + n->unit;
        default: return QString();
        }
    case TypeColumn:
        switch (n->kind) {
        case NodeKind::Topic: return n->hasMessage ? payloadKindName(n->payloadKind) : QString();
        case NodeKind::JsonField: return n->valueType;
        case NodeKind::SparkplugNode: return tr("Sparkplug edge node");
        case NodeKind::SparkplugDevice: return tr("Sparkplug device");
        case NodeKind::SparkplugMetric:
            return n->alias >= 0 ? tr("%1 · alias %2").arg(n->datatype).arg(n->alias) : n->datatype;
        }
        return {};
    case CountColumn:
        return n->kind == NodeKind::Topic && n->hasMessage ? locale.toString(qulonglong(n->count))
                                                           : QString();
    case RateColumn:
        return n->kind == NodeKind::Topic && n->hasMessage ? locale.toString(n->rate, 'f', 1)
                                                           : QString();
    case LastColumn:
        return n->kind == NodeKind::Topic && n->hasMessage
                ? QDateTime::fromMSecsSinceEpoch(n->lastMs, m_zone).toString(QStringLiteral("HH:mm:ss"))
                : QString();
    case QosColumn:
        return n->kind == NodeKind::Topic && n->hasMessage ? QString::number(n->qos) : QString();
    case RetainedColumn:
        return n->kind == NodeKind::Topic && n->hasMessage
                ? (n->retained ? tr("retained") : QString())
                : QString();
    default:
        return {};
    }
}

QModelIndex TopicTreeModel::indexOfTopic(const QString &topic) const
{
    Node *node = m_root.get();
    for (const QString &level : topic.split(QLatin1Char('/'))) {
        node = node->byKey.value(Node::key(NodeKind::Topic, level));
        if (!node)
            return {};
    }
    return indexOf(node);
}

QModelIndex TopicTreeModel::child(const QModelIndex &parent, const QString &name) const
{
    const Node *p = nodeOf(parent);
    for (const auto &c : p->children)
        if (c->name == name)
            return indexOf(c.get());
    return {};
}

TopicTreeModel::Details TopicTreeModel::details(const QModelIndex &index) const
{
    Details d;
    if (!index.isValid())
        return d;
    const Node *n = nodeOf(index);
    d.kind = n->kind;
    d.topic = n->topic;
    d.name = n->name;
    d.hasMessage = n->hasMessage;
    d.payloadKind = n->payloadKind;
    d.payloadKindText = payloadKindName(n->payloadKind);
    d.preview = n->preview;
    d.payloadBytes = n->payloadBytes;
    d.count = n->count;
    d.rate = n->rate;
    d.lastMs = n->lastMs;
    d.retained = n->retained;
    d.qos = n->qos;
    d.childTopics = n->topicsBelow;
    d.pointer = n->pointer;
    d.value = n->value;
    d.present = n->present;
    d.group = n->group;
    d.node = n->spNode;
    d.device = n->device;
    d.metric = n->metric;
    d.datatype = n->datatype;
    d.unit = n->unit;
    d.alias = n->alias;
    d.bound = n->bound;
    if (n->kind == NodeKind::Topic && n->hasMessage) {
        switch (n->payloadKind) {
        case PayloadKind::Json:
            d.pretty = QString::fromUtf8(QJsonDocument::fromJson(n->payload).toJson(QJsonDocument::Indented));
            break;
        case PayloadKind::SparkplugB: {
            mqtt::sparkplug::Payload p;
            QString error;
            if (mqtt::sparkplug::decode(n->payload, &p, &error)) {
                QStringList lines;
                if (p.seq)
                    lines << tr("seq %1").arg(*p.seq);
                for (const auto &m : p.metrics)
                    lines << tr("%1%2 (%3) = %4")
                                     .arg(m.name.isEmpty() ? QString() : m.name + QLatin1Char(' '),
                                          m.alias ? tr("alias %1").arg(*m.alias) : QString(),
                                          mqtt::sparkplug::dataTypeName(m.datatype), m.summary());
                d.pretty = lines.join(QLatin1Char('\n'));
            } else {
                d.pretty = error;
            }
            break;
        }
        case PayloadKind::Binary: {
            const QByteArray head = n->payload.left(kHexDumpBytes);
            QStringList lines;
            for (int i = 0; i < head.size(); i += 16)
                lines << QStringLiteral("%1  %2").arg(i, 4, 16, QLatin1Char('0'))
                                 .arg(QString::fromLatin1(head.mid(i, 16).toHex(' ')));
            d.pretty = lines.join(QLatin1Char('\n'));
            break;
        }
        default:
            d.pretty = QString::fromUtf8(n->payload);
        }
        if (n->payloadBytes > n->payload.size()
            || (n->payloadKind == PayloadKind::Binary && n->payloadBytes > kHexDumpBytes))
            d.pretty += QLatin1Char('\n') + tr("(%1 bytes in total; the start is shown)")
                                                        .arg(n->payloadBytes);
    }
    return d;
}

TopicTreeModel::BindingSuggestion TopicTreeModel::suggestBinding(const QModelIndex &index) const
{
    BindingSuggestion s;
    if (!index.isValid())
        return s;
    const Node *n = nodeOf(index);
    switch (n->kind) {
    case NodeKind::Topic:
        if (!n->hasMessage || n->payloadKind == PayloadKind::SparkplugB)
            return s;
        s.valid = true;
        s.mqtt.topic = n->topic;
        s.tagName = segmentFrom(n->name);
        switch (n->payloadKind) {
        case PayloadKind::Number: s.mqtt.format = PayloadFormat::Number; break;
        case PayloadKind::Boolean:
            s.mqtt.format = PayloadFormat::Bool;
            s.kind = TagKind::Bool;
            break;
        case PayloadKind::Text:
            s.mqtt.format = PayloadFormat::Enum;
            s.kind = TagKind::State;
            break;
        default: s.mqtt.format = PayloadFormat::Json; break;
        }
        return s;
    case NodeKind::JsonField: {
        s.valid = true;
        s.mqtt.topic = n->topic;
        s.mqtt.format = PayloadFormat::Json;
        s.mqtt.valuePointer = n->pointer;
        if (n->jsonIsBool)
            s.kind = TagKind::Bool;
        // A timestamp or quality beside the value (same object) is offered too.
        const Node *owner = n->parent;
        for (const auto &sib : owner->children) {
            if (sib.get() == n || sib->kind != NodeKind::JsonField)
                continue;
            const QString key = sib->name.toLower();
            if (s.mqtt.timestampPointer.isEmpty()
                && (key == u"ts" || key == u"timestamp" || key == u"time" || key == u"t"))
                s.mqtt.timestampPointer = sib->pointer;
            if (s.mqtt.qualityPointer.isEmpty() && (key == u"q" || key == u"quality"))
                s.mqtt.qualityPointer = sib->pointer;
        }
        // "value" says little; name the tag after the topic then.
        QString base = n->name;
        if (base.compare(QStringLiteral("value"), Qt::CaseInsensitive) == 0
            || base.compare(QStringLiteral("v"), Qt::CaseInsensitive) == 0
            || base.toInt() != 0 || base == u"0") {
            const Node *t = n;
            while (t->kind == NodeKind::JsonField && t->parent)
                t = t->parent;
            base = t->name;
        }
        s.tagName = segmentFrom(base);
        return s;
    }
    case NodeKind::SparkplugMetric:
        s.valid = true;
        s.sparkplug = true;
        s.spb.group = n->group;
        s.spb.node = n->spNode;
        s.spb.device = n->device;
        s.spb.metric = n->metric;
        s.unit = n->unit;
        if (n->datatype == u"Boolean")
            s.kind = TagKind::Bool;
        s.tagName = segmentFrom(n->metric);
        return s;
    default:
        return s;
    }
}

} // namespace andon::models
