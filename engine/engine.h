// The headless engine shared by andon and andon-cli: loads nothing itself, but wires a
// PlantModel to its sources (MQTT), the TagStore and the historian through one ingest path.
// Owned by main(); lives on the thread that created it (the GUI thread in andon).
#pragma once

#include "core/plant_model.h"
#include "core/tag_store.h"

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

namespace andon {

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
    bool openHistorian(const QString &dbPath, QString *error);
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
    std::vector<ConnectionStatus> connectionStatus() const;
    std::uint64_t samplesIngested() const { return m_ingested.load(); }

signals:
    void connectionsChanged();

private:
    void sweepStale();

    std::shared_ptr<const PlantModel> m_model;
    TagStore m_tagStore;
    std::unique_ptr<storage::Historian> m_historian;
    std::unique_ptr<mqtt::PayloadDecoder> m_decoder;
    struct Source;
    std::vector<std::unique_ptr<Source>> m_sources;
    QTimer m_staleTimer;
    std::atomic<std::uint64_t> m_ingested{0};
};

} // namespace andon
