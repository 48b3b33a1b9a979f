#include "engine/engine.h"

#include "connectors/mqtt/mqtt_client.h"
#include "connectors/mqtt/payload_decoder.h"
#include "storage/historian.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <mutex>

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
    std::unique_ptr<mqtt::MqttClient> client;
    std::atomic<std::uint64_t> decodeErrors{0};
    std::mutex logMutex;
    QHash<QString, TimestampMs> lastLoggedByTopic;
};

Engine::Engine(std::shared_ptr<const PlantModel> model, QObject *parent)
    : QObject(parent)
    , m_model(std::move(model))
    , m_tagStore(*m_model)
{
    m_staleTimer.setInterval(kStaleSweepIntervalMs);
    connect(&m_staleTimer, &QTimer::timeout, this, &Engine::sweepStale);
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

bool Engine::openHistorian(const QString &dbPath, QString *error)
{
    QString path = dbPath.isEmpty() ? m_model->historian.path : dbPath;
    if (path == QLatin1String("-"))
        return true; // explicitly no historian (tests, viewers)
    if (path.isEmpty()) {
        *error = tr("no historian path: set historian.path in %1 or pass --db").arg(m_model->sourceFile);
        return false;
    }
    storage::HistorianOptions options;
    options.path = path;
    options.rawRetentionDays = m_model->historian.rawRetentionDays;
    options.minuteRetentionDays = m_model->historian.minuteRetentionDays;
    options.hourRetentionDays = m_model->historian.hourRetentionDays;
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
    return true;
}

void Engine::startSources()
{
    if (!m_decoder)
        m_decoder = std::make_unique<mqtt::PayloadDecoder>(m_model);
    for (const MqttConnection &conn : m_model->mqttConnections) {
        const QStringList filters = m_decoder->topicFilters(conn.id);
        if (filters.isEmpty())
            continue; // nothing bound to this broker
        auto source = std::make_unique<Source>();
        source->id = conn.id;
        mqtt::MqttClientOptions options;
        options.host = conn.host;
        options.port = conn.port;
        options.clientId = conn.clientId;
        options.keepAliveS = conn.keepAliveS;
        options.cleanSession = conn.cleanSession;
        options.username = conn.username;
        if (!conn.passwordEnv.isEmpty())
            options.password = qEnvironmentVariable(conn.passwordEnv.toLocal8Bit().constData());
        source->client = std::make_unique<mqtt::MqttClient>(options);
        Source *raw = source.get();
        const mqtt::PayloadDecoder *decoder = m_decoder.get();
        source->client->setMessageHandler([this, raw, decoder](mqtt::MqttMessage &&msg) {
            mqtt::DecodeResult result =
                    decoder->decode(raw->id, msg.topic, msg.payload, msg.receivedMs);
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
        });
        connect(source->client.get(), &mqtt::MqttClient::stateChanged, this,
                [this, raw](mqtt::MqttClient::State, const QString &reason) {
                    if (!reason.isEmpty())
                        qCInfo(lcEngine).noquote() << QStringLiteral("MQTT %1: %2").arg(raw->id, reason);
                    emit connectionsChanged();
                });
        for (const QString &filter : filters)
            source->client->subscribe(filter, conn.qos);
        if (!source->client->start())
            qCWarning(lcEngine).noquote()
                    << tr("MQTT %1: cannot start: %2").arg(conn.id, source->client->lastError());
        m_sources.push_back(std::move(source));
    }
    emit connectionsChanged();
}

void Engine::stop()
{
    m_staleTimer.stop();
    for (auto &source : m_sources)
        source->client->stop();
    m_sources.clear(); // joins the network threads before the decoder/tag store go away
    if (m_historian)
        m_historian->flush();
}

void Engine::ingest(const SampleBatch &batch)
{
    if (batch.empty())
        return;
    m_tagStore.apply(batch, nowUtcMs());
    if (m_historian)
        m_historian->append(batch);
    m_ingested.fetch_add(batch.size());
}

void Engine::sweepStale()
{
    const SampleBatch stale = m_tagStore.sweepStale(nowUtcMs());
    if (stale.empty())
        return;
    // The quality change is history too: journal it like any other sample.
    if (m_historian)
        m_historian->append(stale);
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
        }
        out.push_back(status);
    }
    return out;
}

} // namespace andon
