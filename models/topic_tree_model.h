// The MQTT topic tree seen on a broker, for the Browse broker view (UNS discovery): one row per
// topic level with the last payload, its kind, message count, smoothed rate, time, retained
// flag and QoS; JSON payloads expand into one row per field (with its JSON Pointer), and
// Sparkplug B births/data into edge nodes, devices and metrics (decoded by SparkplugHost).
// Messages are coalesced per topic on the MQTT network thread and applied to the tree on a
// GUI-thread timer (4 Hz), so a busy broker cannot flood the GUI thread; the tree is capped.
// Owned by the Browse broker dialog (or a test); lives on the GUI thread.
#pragma once

#include "core/clock.h"
#include "core/plant_model.h"
#include "connectors/mqtt/mqtt_client.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QTimeZone>
#include <QTimer>

#include <memory>
#include <vector>

namespace andon::models {

class TopicTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, TypeColumn, CountColumn, RateColumn, LastColumn,
                  QosColumn, RetainedColumn, ColumnCount };
    enum Role {
        FullPathRole = Qt::UserRole + 1, // topic, topic + JSON Pointer, or Sparkplug path (search)
        NodeKindRole,                    // int(NodeKind)
    };
    enum class NodeKind { Topic, JsonField, SparkplugNode, SparkplugDevice, SparkplugMetric };
    enum class PayloadKind { None, Empty, Number, Boolean, Text, Json, SparkplugB, Binary };

    // Everything the details pane shows about one row.
    struct Details
    {
        NodeKind kind = NodeKind::Topic;
        QString topic;            // the MQTT topic (of the row, or the one a field belongs to)
        QString name;
        bool hasMessage = false;  // topics: a message arrived on exactly this topic
        PayloadKind payloadKind = PayloadKind::None;
        QString payloadKindText;  // "JSON", "number", ...
        QString preview;          // one line, shortened
        QString pretty;           // the last payload, pretty-printed (JSON indented, hex dump)
        int payloadBytes = 0;
        std::uint64_t count = 0;
        double rate = 0.0;        // messages/s, smoothed
        TimestampMs lastMs = 0;
        bool retained = false;
        int qos = 0;
        int childTopics = 0;      // topics below this level
        QString pointer;          // JSON field: RFC 6901 pointer
        QString value;            // JSON field / metric: last value
        bool present = true;      // JSON field: in the last payload
        QString group, node, device, metric; // Sparkplug
        QString datatype, unit;
        qint64 alias = -1;
        bool bound = false;       // Sparkplug metric already bound to a tag of the plant
    };

    // What the "Create binding…" form starts with for a row.
    struct BindingSuggestion
    {
        bool valid = false;       // false for rows a tag cannot bind to (levels without data)
        bool sparkplug = false;
        MqttBinding mqtt;         // connection left empty (the dialog knows it)
        SparkplugBinding spb;
        QString tagName;          // a path segment derived from the topic/field/metric
        QString unit;
        TagKind kind = TagKind::Analog;
    };

    static constexpr int kDefaultMaxTopics = 20000;
    static constexpr int kRefreshIntervalMs = 250;   // tree updates at most 4 times a second
    static constexpr int kMaxStoredPayload = 16384;  // bytes kept per topic for the details
    static constexpr int kMaxJsonFields = 200;       // per payload
    static constexpr int kMaxJsonDepth = 8;
    static constexpr int kMaxJsonArrayItems = 32;

    // `plant` and `connectionId` let Sparkplug metrics say whether a tag is already bound to
    // them (plant may be null).
    explicit TopicTreeModel(std::shared_ptr<const PlantModel> plant = {},
                            const QString &connectionId = QString(),
                            const Clock *clock = &SystemClock::instance(),
                            QObject *parent = nullptr);
    ~TopicTreeModel() override;

    // Installs this model as the message handler of `client`; call before client->start().
    // The handler keeps only shared state, so the client may outlive the model.
    void attach(mqtt::MqttClient *client);
    // Queues one message as the network thread would (any thread).
    void ingest(mqtt::MqttMessage message);
    // Applies everything queued so far to the tree (the timer does this every 250 ms).
    void flush();
    void clear();
    // The connection whose Sparkplug bindings mark metrics as bound; takes effect on clear().
    void setConnectionId(const QString &id) { m_connectionId = id; }

    void setMaxTopics(int max) { m_maxTopics = max; }
    int maxTopics() const { return m_maxTopics; }
    int topicCount() const { return m_topicCount; } // topic levels in the tree
    bool limitReached() const { return m_limitReached; }
    std::uint64_t droppedMessages() const; // on topics not added because of the cap
    std::uint64_t messagesSeen() const { return m_messagesSeen; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    QModelIndex indexOfTopic(const QString &topic) const; // column 0; invalid if unknown
    // A child row of `parent` by its name (topic level, JSON key, metric name).
    QModelIndex child(const QModelIndex &parent, const QString &name) const;
    Details details(const QModelIndex &index) const;
    BindingSuggestion suggestBinding(const QModelIndex &index) const;

    static QString payloadKindName(PayloadKind k); // translated
    static PayloadKind guessKind(const QByteArray &payload);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void limitReachedChanged(bool reached);
    void flushed(); // after each flush that changed something

private:
    struct Node;
    struct Feed;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    Node *childFor(Node *parent, NodeKind kind, const QString &name, bool create);
    void insertChild(Node *parent, std::unique_ptr<Node> child);
    void applyTopic(const QString &topic, std::uint64_t count, const mqtt::MqttMessage &last);
    void applyJson(Node *topicNode, const QByteArray &payload);
    void applySparkplugMetrics();
    void updateRates(TimestampMs now);
    void changed(Node *node, int firstColumn = 0, int lastColumn = ColumnCount - 1);

    std::shared_ptr<const PlantModel> m_plant;
    QString m_connectionId;
    const Clock *m_clock;
    std::shared_ptr<Feed> m_feed;
    std::unique_ptr<Node> m_root;
    QTimer m_timer;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    int m_maxTopics = kDefaultMaxTopics;
    int m_topicCount = 0;
    bool m_limitReached = false;
    std::uint64_t m_messagesSeen = 0;
    std::uint64_t m_droppedHere = 0;   // dropped in flush() because of the cap
    TimestampMs m_lastFlushMs = 0;
    std::vector<Node *> m_active;      // nodes with a non-zero rate
};

} // namespace andon::models
