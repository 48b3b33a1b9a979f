// The headless engine shared by andon and andon-cli: loads nothing itself, but wires a
// PlantModel to its sources (MQTT), the TagStore and the historian through one ingest path.
// Owned by main(); lives on the thread that created it (the GUI thread in andon).
#pragma once

#include "core/plant_model.h"
#include "core/tag_store.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

namespace andon::storage {
class Historian;
}
namespace andon::mqtt {
class MqttClient;
class PayloadDecoder;
}
namespace andon::modbus {
class ModbusPoller;
}

namespace andon {

class DerivedTagEngine;
class AlarmService;
class AccessControl;

struct ConnectionStatus
{
    QString id;        // connection id from the config
    QString kind;      // "MQTT"
    QString endpoint;  // "127.0.0.1:1883"
    QString state;     // "connected", "connecting", ...
    bool healthy = false;
    QString lastError;
    std::uint64_t messages = 0;
    std::uint64_t decodeErrors = 0;
    // MQTT traffic over the last few seconds (sliding window), and what was received but not
    // used: messages on a subscribed topic that no tag binding matched.
    double messagesPerSecond = 0.0;
    double bytesPerSecond = 0.0;
    std::uint64_t dropped = 0;
    // Median of receive time - source timestamp over recent timestamped messages (ms);
    // hasSkew is false until a payload carried a timestamp. skewWarning: above the
    // connection's skew_warn_s.
    bool hasSkew = false;
    std::int64_t skewMs = 0;
    bool skewWarning = false;
    // TLS without hostname verification (tls.insecure: true): the UI shows a warning.
    bool insecure = false;
};

// One Sparkplug B edge node seen by the host of an MQTT connection (Connections page).
struct EdgeNodeStatus
{
    QString connectionId;  // MQTT connection id from the config
    QString group;
    QString node;
    bool online = false;
    qint64 bdSeq = -1;            // from the last NBIRTH, -1 = unknown
    TimestampMs lastBirthMs = 0;  // receive time of the last NBIRTH, 0 = none yet
    std::uint64_t sequenceErrors = 0;
    std::uint64_t rebirthsRequested = 0; // by the host on a gap plus by requestRebirth()
};

class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(std::shared_ptr<const PlantModel> model, QObject *parent = nullptr);
    ~Engine() override;

    // A copy of `model` whose MQTT connections all use `port` (scripts/demo and tests start
    // their broker on a free port). Returns `model` unchanged when port <= 0.
    static std::shared_ptr<const PlantModel> withMqttPort(std::shared_ptr<const PlantModel> model,
                                                          int port);

    // Opens the historian at `dbPath` ("" = the config's historian.path; "-" = none).
    // `maintain`: the writer applies the configured retention at open and hourly (the
    // long-running andon and andon-cli ingest; not one-shot queries or imports).
    bool openHistorian(const QString &dbPath, QString *error, bool maintain = false);
    // Connects every configured source.
    void startSources();
    void stop(); // disconnects sources, flushes the historian

    // The single ingest path: every batch from every source goes through here (any thread).
    void ingest(const SampleBatch &batch);

    const PlantModel &model() const { return *m_model; }
    std::shared_ptr<const PlantModel> modelPtr() const { return m_model; }
    TagStore &tagStore() { return m_tagStore; }
    const TagStore &tagStore() const { return m_tagStore; }
    storage::Historian *historian() const { return m_historian.get(); }
    // The ISA-18.2 alarms on the ingest path (engine/alarm_service.h); never null.
    AlarmService *alarms() const { return m_alarms.get(); }
    // Users, sign-in, roles and their audit (engine/access_control.h); never null. Its users
    // store opens with the historian (security.users_db, else andon-users.sqlite next to the
    // historian file); before that, or when it fails, isOpen() is false.
    AccessControl *access() const { return m_access.get(); }
    // Opens the users store when openHistorian() did not (no historian): security.users_db,
    // else andon-users.sqlite in QStandardPaths::AppDataLocation. True when open.
    bool openUsersStore(QString *error);
    std::vector<ConnectionStatus> connectionStatus() const;
    // The Modbus poller (per-device diagnostics for the Connections page); null when no tag
    // is bound to a Modbus device or before startSources().
    modbus::ModbusPoller *modbusPoller() const { return m_modbus.get(); }
    // Every Sparkplug edge node of every MQTT connection, by connection then group/node.
    std::vector<EdgeNodeStatus> edgeNodes() const;
    // Publishes an NCMD "Node Control/Rebirth" to `group`/`node` through `connection`'s
    // client. False when the connection has no Sparkplug host, is not connected or never
    // saw that node.
    bool requestRebirth(const QString &connection, const QString &group, const QString &node);
    // The client of MQTT connection `connection` (publishing KPIs to the UNS,
    // engine/kpi_publisher.h); null before startSources() or when nothing uses that connection.
    mqtt::MqttClient *mqttClient(const QString &connection) const;
    std::uint64_t samplesIngested() const { return m_ingested.load(); }
    // Longest time one MQTT message spent in decode + ingest on a network thread (ns), for
    // the benchmark: the network thread must never stall behind storage.
    std::int64_t maxMqttIngestNs() const { return m_maxMqttIngestNs.load(); }

signals:
    void connectionsChanged();

private:
    void sweepStale();

    std::shared_ptr<const PlantModel> m_model;
    TagStore m_tagStore;
    std::unique_ptr<DerivedTagEngine> m_derived; // tags with an `expression:`, null if none
    std::unique_ptr<storage::Historian> m_historian;
    // After m_historian: destroyed first, its journal writer uses the historian.
    std::unique_ptr<AlarmService> m_alarms;
    // After m_historian: destroyed first, it audits into the historian's journal.
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<mqtt::PayloadDecoder> m_decoder;
    std::unique_ptr<modbus::ModbusPoller> m_modbus;
    struct Source;
    std::vector<std::unique_ptr<Source>> m_sources;
    QTimer m_staleTimer;
    std::atomic<std::uint64_t> m_ingested{0};
    std::atomic<std::int64_t> m_maxMqttIngestNs{0};
    QElapsedTimer m_trafficClock; // steady time base of the rate windows
    void sampleTraffic(); // rate snapshots and the skew warning, on the stale-sweep tick
};

} // namespace andon
