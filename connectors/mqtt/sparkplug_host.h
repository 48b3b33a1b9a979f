// Sparkplug B 3.0 host application logic for one MQTT connection: tracks edge node and device
// sessions (births, deaths, bdSeq, sequence numbers, aliases), maps metrics to bound tags and
// says what to publish (STATE, rebirth requests). No I/O: the engine feeds it messages from
// its MqttClient and publishes what it returns. Owned by the engine's MQTT source; all
// methods are thread-safe (messages arrive on the network thread, stats are read by the UI).
#pragma once

#include "core/plant_model.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace andon::mqtt {

namespace sparkplug {
struct Metric;
struct Payload;
}

// What the host needs published (by the caller, on the same connection).
struct SparkplugPublish
{
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
};

struct SparkplugResult
{
    SampleBatch samples;                    // for Engine::ingest
    std::vector<SparkplugPublish> publish;  // e.g. an NCMD rebirth request
    QString error;                          // a problem in words ("" = none), for the log
};

// Per edge node diagnostics (Connections page).
struct SparkplugNodeStats
{
    QString group;
    QString node;
    bool online = false;
    qint64 bdSeq = -1;            // from the last NBIRTH, -1 = unknown
    TimestampMs lastBirthMs = 0;  // receive time of the last NBIRTH
    std::uint64_t sequenceErrors = 0;
    std::uint64_t rebirthsRequested = 0;
    std::uint64_t messages = 0;
    bool awaitingRebirth = false;
    QStringList devices;          // devices born in this session
    QStringList offlineDevices;   // devices with a DDEATH since their birth
};

// A metric announced in a birth (for the browse view and diagnostics).
struct SparkplugMetricInfo
{
    QString group, node, device, name;
    qint64 alias = -1;      // -1 = none
    QString datatype;       // "Int32", "Template", ...
    QString unit;           // from the birth's properties, "" if none
    QString lastValue;      // summary of the last value seen
    bool mapped = false;    // bound to a tag
};

class SparkplugHost
{
public:
    static constexpr const char *kNamespace = "spBv1.0";
    // A node is asked for a rebirth at most this often (a burst of out-of-order messages
    // must not turn into a burst of NCMDs).
    static constexpr TimestampMs kRebirthIntervalMs = 2000;

    // `hostId` may be empty: the host then consumes and requests rebirths, but publishes no
    // STATE messages.
    SparkplugHost(std::shared_ptr<const PlantModel> model, QString connectionId, QString hostId);
    ~SparkplugHost();

    // True when any tag binds to this connection with a `sparkplug:` binding.
    static bool hasBindings(const PlantModel &model, const QString &connectionId);

    // spBv1.0/GROUP/# per group used by bindings on this connection (+ the host's own STATE).
    QStringList topicFilters() const;
    bool handlesTopic(const QString &topic) const; // starts with "spBv1.0/"

    SparkplugResult handleMessage(const QString &topic, const QByteArray &payload,
                                  TimestampMs receivedMs);

    // STATE messages (Sparkplug 3.0 §7.4): retained, QoS 1, JSON {"online":..,"timestamp":..}.
    // The birth and the Last-Will carry the same timestamp, fixed when the host is created.
    QString hostId() const { return m_hostId; }
    SparkplugPublish stateBirth() const;
    SparkplugPublish stateDeath() const; // to be set as the MQTT Last-Will before connecting

    // NCMD "Node Control/Rebirth" = true for one node (also for a UI Rebirth button).
    SparkplugPublish rebirthRequest(const QString &group, const QString &node,
                                    TimestampMs now);

    std::vector<SparkplugNodeStats> nodeStats() const;
    std::vector<SparkplugMetricInfo> metrics() const;

private:
    struct MetricDef;
    struct Device;
    struct Node;
    Node &nodeFor(const QString &group, const QString &node);
    void maybeRequestRebirth(Node &n, TimestampMs now, SparkplugResult *r);
    void checkSequence(Node &n, const sparkplug::Payload &p, const QString &what,
                       TimestampMs now, SparkplugResult *r);
    void applyMetrics(Node &n, Device *device, const sparkplug::Payload &p, bool birth,
                      TimestampMs now, SparkplugResult *r);
    void markTags(const std::vector<TagId> &tags, Quality q, TimestampMs now, SparkplugResult *r);
    std::vector<TagId> tagsOf(const QString &group, const QString &node, const QString &device,
                              bool wholeNode) const;

    std::shared_ptr<const PlantModel> m_model;
    QString m_connection;
    QString m_hostId;
    TimestampMs m_stateTimestamp = 0;
    QStringList m_groups;
    // "group/node/device/metric" -> tags bound to it (device "" for node metrics)
    QHash<QString, std::vector<TagId>> m_bindings;
    mutable std::mutex m_mutex; // guards everything below
    std::map<QString, std::unique_ptr<Node>> m_nodes; // "group/node"
    std::vector<double> m_lastValue; // by TagId (NaN = none yet)
    std::vector<char> m_hasValue;
};

} // namespace andon::mqtt
