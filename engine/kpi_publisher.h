// KPIs back to the plant: publishes OEE (live = current shift so far, and the last completed
// shift) per machine and line, energy per good part and machine states as retained JSON on the
// plant's UNS (`publish:` in the config; topic layout in docs/integrations.md "KPIs back to the
// plant"). The numbers come from computeKpis (engine/kpi_records.h), i.e. the same OeeQuery
// code as `andon-cli oee`. Rate-limited per topic: at most one message per interval, only on
// change, and an unchanged value again after refresh_s. Owned by main() (andon, andon-cli
// ingest); computes and publishes on a thread of its own.
#pragma once

#include "core/clock.h"
#include "core/plant_model.h"
#include "engine/kpi_records.h"
#include "engine/periodic_worker.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace andon::storage {
class Historian;
}

namespace andon {

class Engine;
class TagStore;

// One message of a round: topic and payload (before rate limiting).
struct KpiMessage
{
    QString topic;
    QJsonObject payload;
    // Keys left out when deciding whether the value changed ("ts", and the moving window end
    // of a live value).
    QStringList volatileKeys;
};

class KpiPublisher : public QObject
{
    Q_OBJECT
public:
    // Publishes one message; false when it could not be sent (it is tried again next round).
    using PublishFn = std::function<bool(const QString &topic, const QByteArray &payload, int qos,
                                         bool retain)>;

    // The last completed shift is computed again until this long after its end (samples that
    // arrive late: gateway buffers, the historian's commit window), then kept.
    static constexpr TimestampMs kLateDataMs = 5 * 60'000;

    // `historian` null: states only. `store` null: no states.
    KpiPublisher(std::shared_ptr<const PlantModel> model, const storage::Historian *historian,
                 const TagStore *store, PublishFn publish, QObject *parent = nullptr);
    ~KpiPublisher() override;

    // For the engine's configured `publish:` section: publishes through the client of the
    // configured connection (on Azure IoT Hub as device-to-cloud messages, core/kpi_topics.h). Null (with a logged reason) when publishing is off or that
    // connection has no client. Call after Engine::startSources(); stop() it before
    // Engine::stop().
    static std::unique_ptr<KpiPublisher> forEngine(Engine &engine);

    // The topic of `leaf` ("oee/live", "state", ...) of the machine or line `entityPath`:
    // [topic_prefix/]entityPath/kpi/leaf.
    static QString topic(const PublishSettings &settings, const QString &entityPath,
                         const QString &leaf);

    // Every message of a round at `nowMs`, before rate limiting. Thread-safe.
    std::vector<KpiMessage> compute(TimestampMs nowMs);
    // One round: computes and publishes what is due; returns how many were sent. Thread-safe,
    // one round at a time.
    int tick(TimestampMs nowMs);

    // Rounds every interval_s on a thread of its own (the first one at once).
    void start(const Clock *clock);
    void stop();

    std::uint64_t publishedCount() const { return m_published.load(); }
    std::uint64_t failedCount() const { return m_failed.load(); }
    // Round time (the clock given to tick) of the last message sent / refused; 0 = none yet.
    TimestampMs lastPublishMs() const { return m_lastPublishMs.load(); }
    TimestampMs lastFailureMs() const { return m_lastFailureMs.load(); }
    const PublishSettings &settings() const { return m_model->publish; }

private:
    struct TopicState
    {
        QByteArray content; // payload without its volatile keys
        TimestampMs lastMs = 0;
    };

    std::shared_ptr<const PlantModel> m_model;
    const storage::Historian *m_historian;
    const TagStore *m_store;
    PublishFn m_publish;
    std::mutex m_mutex; // one round at a time; guards everything below
    QHash<QString, TopicState> m_topics;
    std::optional<KpiPeriod> m_lastShift;     // the cached last completed shift ...
    std::vector<KpiRecord> m_lastShiftKpis;   // ... and its numbers
    bool m_lastShiftFinal = false;            // computed after kLateDataMs: kept
    std::atomic<std::uint64_t> m_published{0};
    std::atomic<std::uint64_t> m_failed{0};
    std::atomic<TimestampMs> m_lastPublishMs{0};
    std::atomic<TimestampMs> m_lastFailureMs{0};
    PeriodicWorker m_worker; // the thread start() runs rounds on
};

} // namespace andon
