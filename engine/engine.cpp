#include "engine/engine.h"

#include "engine/access_control.h"
#include "engine/alarm_service.h"

#include "connectors/modbus/modbus_poller.h"
#include "core/derived_tags.h"
#include "connectors/mqtt/mqtt_client.h"
#include "connectors/mqtt/connection_options.h"
#include "connectors/mqtt/payload_decoder.h"
#include "connectors/mqtt/traffic_stats.h"
#include "connectors/mqtt/sparkplug_host.h"
#include "storage/historian.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>

Q_LOGGING_CATEGORY(lcEngine, "andon.engine")

namespace andon {

namespace {
constexpr int kStaleSweepIntervalMs = 1000;
// Malformed payloads are logged at most once per topic per minute (counted always), so a
// broken publisher cannot flood the log or stall ingest.
constexpr TimestampMs kDecodeLogIntervalMs = 60'000;
} // namespace

struct Engine::Source
{
    QString id;
    // Sparkplug B host for this connection (null when no tag binds to Sparkplug). Declared
    // before the client so that it outlives the client's network thread.
    std::unique_ptr<mqtt::SparkplugHost> sparkplug;
    std::unique_ptr<mqtt::MqttClient> client;
    std::atomic<std::uint64_t> decodeErrors{0};
    std::atomic<std::uint64_t> dropped{0}; // received, but no binding matched the topic
    std::mutex logMutex;
    // Traffic statistics (connectors/mqtt/traffic_stats.h). Rates are sampled on the engine
    // thread; skew is fed by the network thread, hence the mutex.
    mqtt::RateWindow rates;
    std::mutex skewMutex;
    mqtt::SkewTracker skew;
    int skewWarnMs = 2000;
    std::optional<std::int64_t> skewMedianMs; // engine thread: last sampled median
    TimestampMs lastSkewWarnMs = 0;
    QHash<QString, TimestampMs> lastLoggedByTopic;
    // Rebirths asked for by requestRebirth() (engine thread), by "group/node": the host only
    // counts the ones it asks for itself on a sequence gap.
    QHash<QString, std::uint64_t> manualRebirths;
};

namespace {
// Source timestamps only: a sample stamped with the receive time says nothing about the
// publisher's clock. Lock once per message, not per sample.
template <typename SourceT>
void recordSkewImpl(const PlantModel &model, SourceT &source, const SampleBatch &samples,
                    TimestampMs receivedMs)
{
    bool locked = false;
    std::unique_lock<std::mutex> lock(source.skewMutex, std::defer_lock);
    for (const Sample &s : samples) {
        if (std::size_t(s.tag) >= model.tags.size())
            continue;
        const TagDef &tag = model.tags[std::size_t(s.tag)];
        // Source times come from a timestamp pointer or a preset's format (LoRaWAN, edge gateway).
        if (!tag.mqtt || (tag.mqtt->timestampPointer.isEmpty() && !tag.mqtt->preset)
            || s.t_ms == receivedMs || isBad(s.q))
            continue;
        if (!locked) {
            lock.lock();
            locked = true;
        }
        source.skew.add(receivedMs - s.t_ms);
        return; // one per message: a message's samples share its timestamp
    }
}
} // namespace

Engine::Engine(std::shared_ptr<const PlantModel> model, QObject *parent)
    : QObject(parent)
    , m_model(std::move(model))
    , m_tagStore(*m_model)
{
    // Derived tags are computed here on ingest and stored like measured ones.
    auto derived = std::make_unique<DerivedTagEngine>(*m_model);
    if (!derived->empty())
        m_derived = std::move(derived);
    m_alarms = std::make_unique<AlarmService>(m_model);
    m_access = std::make_unique<AccessControl>(&SystemClock::instance());
    m_access->setSettings(m_model->security);
    m_staleTimer.setInterval(kStaleSweepIntervalMs);
    connect(&m_staleTimer, &QTimer::timeout, this, &Engine::sweepStale);
    connect(&m_staleTimer, &QTimer::timeout, this, &Engine::sampleTraffic);
    m_staleTimer.start();
}

Engine::~Engine()
{
    stop();
}

std::shared_ptr<const PlantModel> Engine::withMqttPort(std::shared_ptr<const PlantModel> model,
                                                       int port)
{
    if (port <= 0 || !model)
        return model;
    auto copy = std::make_shared<PlantModel>(*model);
    for (MqttConnection &conn : copy->mqttConnections)
        conn.port = port;
    return copy;
}

bool Engine::openHistorian(const QString &dbPath, QString *error, bool maintain)
{
    QString path = dbPath.isEmpty() ? m_model->historian.path : dbPath;
    if (path == QLatin1String("-")) {
        // Explicitly no historian (tests, viewers): a users store only when one is configured.
        if (!m_model->security.usersDb.isEmpty()) {
            QString usersError;
            openUsersStore(&usersError);
        }
        return true;
    }
    if (path.isEmpty()) {
        *error = tr("no historian path: set historian.path in %1 or pass --db").arg(m_model->sourceFile);
        return false;
    }
    storage::HistorianOptions options;
    options.path = path;
    options.rawRetentionDays = m_model->historian.rawRetentionDays;
    options.minuteRetentionDays = m_model->historian.minuteRetentionDays;
    options.hourRetentionDays = m_model->historian.hourRetentionDays;
    options.maxSizeBytes = std::int64_t(m_model->historian.maxSizeMb) * 1024 * 1024;
    options.retentionIntervalMs = maintain ? 3'600'000 : 0;
    QString notice;
    m_historian = storage::Historian::open(options, error, &notice);
    if (!m_historian)
        return false;
    if (!notice.isEmpty())
        qCWarning(lcEngine).noquote() << notice;
    QStringList paths;
    paths.reserve(static_cast<qsizetype>(m_model->tags.size()));
    for (const TagDef &tag : m_model->tags)
        paths.push_back(tag.path);
    if (!m_historian->bindTags(paths, error)) {
        m_historian.reset();
        return false;
    }
    // System events share the journal with alarms (docs/alarms.md "System events").
    storage::Event loaded;
    loaded.category = QStringLiteral("system");
    loaded.kind = QStringLiteral("config.load");
    loaded.source = m_model->sourceFile;
    loaded.message = tr("Configuration %1 loaded: %2 tags, %3 alarms")
                             .arg(m_model->sourceFile)
                             .arg(m_model->tags.size())
                             .arg(m_model->alarms.size());
    m_historian->appendEvent(loaded);
    m_alarms->attachHistorian(m_historian.get());
    m_access->setAuditJournal(m_historian.get());
    QString usersError;
    openUsersStore(&usersError); // not fatal: without users everyone stays a viewer
    return true;
}

bool Engine::openUsersStore(QString *error)
{
    if (m_access->isOpen())
        return true;
    QString path = AccessControl::defaultStorePath(
            m_model->security, m_historian ? m_historian->path() : QString());
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        path = QDir(dir).filePath(QStringLiteral("andon-users.sqlite"));
    }
    QString why;
    if (!m_access->openStore(path, &why)) {
        qCWarning(lcEngine).noquote()
                << tr("Users store %1 not opened, nobody can sign in: %2").arg(path, why);
        if (error)
            *error = why;
        return false;
    }
    return true;
}

void Engine::startSources()
{
    if (!m_decoder)
        m_decoder = std::make_unique<mqtt::PayloadDecoder>(m_model);
    for (const MqttConnection &conn : m_model->mqttConnections) {
        const QStringList filters = m_decoder->topicFilters(conn.id);
        const bool sparkplug = mqtt::SparkplugHost::hasBindings(*m_model, conn.id)
                || !conn.sparkplugHostId.isEmpty();
        const bool publishes = m_model->publish.enabled && m_model->publish.connection == conn.id;
        if (filters.isEmpty() && !sparkplug && !publishes)
            continue; // nothing bound to this broker and nothing to publish on it
        auto source = std::make_unique<Source>();
        source->id = conn.id;
        if (sparkplug)
            source->sparkplug = std::make_unique<mqtt::SparkplugHost>(m_model, conn.id,
                                                                      conn.sparkplugHostId);
        // Secrets (environment, keychain, IoT Hub SAS tokens) are resolved at connect time.
        mqtt::MqttClientOptions options = mqtt::clientOptionsFor(conn);
        source->skewWarnMs = conn.skewWarnMs;
        if (source->sparkplug && !conn.sparkplugHostId.isEmpty()) {
            // Sparkplug 3.0 host: the broker announces our death as a retained STATE.
            const mqtt::SparkplugPublish death = source->sparkplug->stateDeath();
            options.will.topic = death.topic;
            options.will.payload = death.payload;
            options.will.qos = death.qos;
            options.will.retain = death.retain;
        }
        source->client = std::make_unique<mqtt::MqttClient>(options);
        Source *raw = source.get();
        const mqtt::PayloadDecoder *decoder = m_decoder.get();
        source->client->setMessageHandler([this, raw, decoder](mqtt::MqttMessage &&msg) {
            const auto started = std::chrono::steady_clock::now();
            mqtt::DecodeResult result;
            if (raw->sparkplug && raw->sparkplug->handlesTopic(msg.topic)) {
                mqtt::SparkplugResult spb =
                        raw->sparkplug->handleMessage(msg.topic, msg.payload, msg.receivedMs);
                for (const mqtt::SparkplugPublish &p : spb.publish) // e.g. a rebirth request
                    raw->client->publish(p.topic, p.payload, p.qos, p.retain);
                result.samples = std::move(spb.samples);
                result.error = spb.error;
            } else {
                result = decoder->decode(raw->id, msg.topic, msg.payload, msg.receivedMs);
            }
            if (!result.error.isEmpty()) {
                raw->decodeErrors++;
                std::lock_guard lock(raw->logMutex);
                TimestampMs &last = raw->lastLoggedByTopic[msg.topic];
                if (last == 0 || msg.receivedMs - last >= kDecodeLogIntervalMs) {
                    last = msg.receivedMs;
                    qCWarning(lcEngine).noquote()
                            << tr("MQTT %1: topic %2: %3 (further errors on this topic are "
                                  "counted, logged again in a minute)")
                                       .arg(raw->id, msg.topic, result.error);
                }
            }
            if (!result.samples.empty())
                ingest(result.samples);
            else if (result.error.isEmpty())
                raw->dropped++;
            recordSkewImpl(*m_model, *raw, result.samples, msg.receivedMs);
            const std::int64_t ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                            std::chrono::steady_clock::now() - started)
                                            .count();
            std::int64_t seen = m_maxMqttIngestNs.load(std::memory_order_relaxed);
            while (ns > seen && !m_maxMqttIngestNs.compare_exchange_weak(seen, ns)) {
            }
        });
        connect(source->client.get(), &mqtt::MqttClient::stateChanged, this,
                [this, raw](mqtt::MqttClient::State state, const QString &reason) {
                    // Sparkplug 3.0 host: STATE birth after every connect (retained).
                    if (state == mqtt::MqttClient::State::Connected && raw->sparkplug
                        && !raw->sparkplug->hostId().isEmpty()) {
                        const mqtt::SparkplugPublish birth = raw->sparkplug->stateBirth();
                        raw->client->publish(birth.topic, birth.payload, birth.qos, birth.retain);
                    }
                    if (!reason.isEmpty())
                        qCInfo(lcEngine).noquote() << QStringLiteral("MQTT %1: %2").arg(raw->id, reason);
                    // System event in the alarm/event journal (queued, never blocks here).
                    storage::Event e;
                    e.t = nowUtcMs();
                    e.category = QStringLiteral("system");
                    e.kind = QStringLiteral("connection.state");
                    e.source = raw->id;
                    e.newValue = mqtt::MqttClient::stateName(state);
                    e.message = reason.isEmpty()
                            ? tr("MQTT %1: %2").arg(raw->id, e.newValue)
                            : tr("MQTT %1: %2 (%3)").arg(raw->id, e.newValue, reason);
                    m_alarms->journal(e);
                    emit connectionsChanged();
                });
        for (const QString &filter : filters)
            source->client->subscribe(filter, conn.qos);
        if (source->sparkplug) {
            for (const QString &filter : source->sparkplug->topicFilters())
                source->client->subscribe(filter, conn.qos);
        }
        if (!source->client->start())
            qCWarning(lcEngine).noquote()
                    << tr("MQTT %1: cannot start: %2").arg(conn.id, source->client->lastError());
        m_sources.push_back(std::move(source));
    }
    if (!m_modbus && modbus::ModbusPoller::hasModbusTags(*m_model)) {
        // All Modbus devices share one poller thread; it hands its batches to ingest().
        m_modbus = std::make_unique<modbus::ModbusPoller>(
                m_model, [this](SampleBatch &&batch) { ingest(batch); });
        connect(m_modbus.get(), &modbus::ModbusPoller::devicesChanged, this,
                &Engine::connectionsChanged);
    }
    if (m_modbus)
        m_modbus->start();
    emit connectionsChanged();
}

void Engine::stop()
{
    m_staleTimer.stop();
    for (auto &source : m_sources) {
        // A clean DISCONNECT suppresses the Last-Will: say "offline" ourselves (bounded wait).
        if (source->sparkplug && !source->sparkplug->hostId().isEmpty()
            && source->client->state() == mqtt::MqttClient::State::Connected) {
            const mqtt::SparkplugPublish death = source->sparkplug->stateDeath();
            source->client->publish(death.topic, death.payload, death.qos, death.retain);
            source->client->waitForPublished(1000);
        }
        source->client->stop();
    }
    m_sources.clear(); // joins the network threads before the decoder/tag store go away
    if (m_modbus)
        m_modbus->stop(); // joins the Modbus thread; diagnostics stay readable
    if (m_alarms)
        m_alarms->flush(); // alarm transitions still on their way to the journal
    if (m_historian)
        m_historian->flush();
}

void Engine::ingest(const SampleBatch &batch)
{
    if (batch.empty())
        return;
    if (m_derived) {
        SampleBatch derived = m_derived->compute(batch);
        if (!derived.empty()) {
            SampleBatch all;
            all.reserve(batch.size() + derived.size());
            all.insert(all.end(), batch.begin(), batch.end());
            all.insert(all.end(), derived.begin(), derived.end());
            m_tagStore.apply(all, nowUtcMs());
            if (m_historian)
                m_historian->append(all);
            m_alarms->ingest(all);
            m_ingested.fetch_add(all.size());
            return;
        }
    }
    m_tagStore.apply(batch, nowUtcMs());
    if (m_historian)
        m_historian->append(batch);
    m_alarms->ingest(batch);
    m_ingested.fetch_add(batch.size());
}

void Engine::sampleTraffic()
{
    const qint64 now = m_trafficClock.isValid() ? m_trafficClock.elapsed() : 0;
    if (!m_trafficClock.isValid())
        m_trafficClock.start();
    const TimestampMs wallNow = nowUtcMs();
    for (auto &source : m_sources) {
        source->rates.addSnapshot(now, source->client->messagesReceived(),
                                  source->client->bytesReceived());
        {
            std::lock_guard lock(source->skewMutex);
            source->skewMedianMs = source->skew.median();
        }
        if (!source->skewMedianMs || std::abs(*source->skewMedianMs) <= source->skewWarnMs)
            continue;
        // Unsynchronised edge clocks are common; once a minute is enough to be noticed.
        if (source->lastSkewWarnMs != 0 && wallNow - source->lastSkewWarnMs < kDecodeLogIntervalMs)
            continue;
        source->lastSkewWarnMs = wallNow;
        qCWarning(lcEngine).noquote()
                << tr("MQTT %1: source clocks differ from this computer's by %2 s (median of "
                      "receive time - payload timestamp; warning threshold %3 s): check NTP on "
                      "the publishers")
                           .arg(source->id)
                           .arg(double(*source->skewMedianMs) / 1000.0, 0, 'f', 1)
                           .arg(double(source->skewWarnMs) / 1000.0, 0, 'f', 1);
    }
}

void Engine::sweepStale()
{
    const SampleBatch stale = m_tagStore.sweepStale(nowUtcMs());
    if (stale.empty())
        return;
    // The quality change is history too: journal it like any other sample.
    if (m_historian)
        m_historian->append(stale);
    m_alarms->ingest(stale); // bad_quality alarms see the silence
}

std::vector<EdgeNodeStatus> Engine::edgeNodes() const
{
    std::vector<EdgeNodeStatus> out;
    for (const auto &source : m_sources) {
        if (!source->sparkplug)
            continue;
        for (const mqtt::SparkplugNodeStats &n : source->sparkplug->nodeStats()) {
            EdgeNodeStatus s;
            s.connectionId = source->id;
            s.group = n.group;
            s.node = n.node;
            s.online = n.online;
            s.bdSeq = n.bdSeq;
            s.lastBirthMs = n.lastBirthMs;
            s.sequenceErrors = n.sequenceErrors;
            s.rebirthsRequested = n.rebirthsRequested
                    + source->manualRebirths.value(n.group % QLatin1Char('/') % n.node);
            out.push_back(s);
        }
    }
    return out;
}

mqtt::MqttClient *Engine::mqttClient(const QString &connection) const
{
    for (const auto &source : m_sources) {
        if (source->id == connection)
            return source->client.get();
    }
    return nullptr;
}

bool Engine::requestRebirth(const QString &connection, const QString &group, const QString &node)
{
    for (auto &source : m_sources) {
        if (source->id != connection || !source->sparkplug)
            continue;
        if (source->client->state() != mqtt::MqttClient::State::Connected)
            return false;
        bool known = false;
        for (const mqtt::SparkplugNodeStats &n : source->sparkplug->nodeStats())
            known = known || (n.group == group && n.node == node);
        if (!known)
            return false;
        const mqtt::SparkplugPublish p = source->sparkplug->rebirthRequest(group, node, nowUtcMs());
        if (!source->client->publish(p.topic, p.payload, p.qos, p.retain))
            return false;
        source->manualRebirths[group % QLatin1Char('/') % node]++;
        qCInfo(lcEngine).noquote()
                << QStringLiteral("MQTT %1: rebirth requested from %2/%3").arg(connection, group, node);
        return true;
    }
    return false;
}

std::vector<ConnectionStatus> Engine::connectionStatus() const
{
    std::vector<ConnectionStatus> out;
    for (const MqttConnection &conn : m_model->mqttConnections) {
        ConnectionStatus status;
        status.id = conn.id;
        status.kind = QStringLiteral("MQTT");
        status.endpoint = QStringLiteral("%1:%2").arg(conn.host).arg(conn.port);
        status.state = QStringLiteral("not started");
        for (const auto &source : m_sources) {
            if (source->id != conn.id)
                continue;
            const auto state = source->client->state();
            status.state = mqtt::MqttClient::stateName(state);
            status.healthy = state == mqtt::MqttClient::State::Connected;
            status.lastError = source->client->lastError();
            status.messages = source->client->messagesReceived();
            status.decodeErrors = source->decodeErrors.load();
            status.dropped = source->dropped.load();
            status.messagesPerSecond = source->rates.messagesPerSecond();
            status.bytesPerSecond = source->rates.bytesPerSecond();
            status.hasSkew = source->skewMedianMs.has_value();
            status.skewMs = source->skewMedianMs.value_or(0);
            status.skewWarning = status.hasSkew
                    && std::abs(status.skewMs) > std::int64_t(source->skewWarnMs);
            status.insecure = source->client->isInsecure();
        }
        out.push_back(status);
    }
    const std::vector<modbus::DeviceDiagnostics> devices =
            m_modbus ? m_modbus->diagnostics() : std::vector<modbus::DeviceDiagnostics>();
    for (const ModbusDevice &device : m_model->modbusDevices) {
        ConnectionStatus status;
        status.id = device.id;
        status.kind = QStringLiteral("Modbus");
        status.endpoint = device.endpoint();
        status.state = QStringLiteral("not started");
        for (const modbus::DeviceDiagnostics &d : devices) {
            if (d.id != device.id)
                continue;
            status.state = d.state;
            status.healthy = d.healthy;
            status.lastError = d.lastError;
            status.messages = d.answers;
            status.decodeErrors = d.decodeErrors;
        }
        out.push_back(status);
    }
    return out;
}

} // namespace andon
