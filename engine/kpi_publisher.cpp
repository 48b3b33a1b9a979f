#include "engine/kpi_publisher.h"

#include "connectors/mqtt/mqtt_client.h"
#include "core/kpi_topics.h"
#include "core/tag_store.h"
#include "engine/engine.h"
#include "engine/oee_rollup.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimeZone>

#include <cmath>

Q_LOGGING_CATEGORY(lcKpiPublish, "andon.publish")

namespace andon {

namespace {

QJsonValue ratio(const std::optional<double> &v)
{
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue();
}

QJsonValue finite(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

// The fields every KPI payload of a period shares.
QJsonObject periodFields(const KpiRecord &r, TimestampMs nowMs, bool live)
{
    return QJsonObject{
            {QStringLiteral("schema_version"), kKpiSchemaVersion},
            {QStringLiteral("source"), QStringLiteral("andon")},
            {QStringLiteral("ts"), formatTimestampUtc(nowMs)},
            {QStringLiteral("level"), r.level},
            {QStringLiteral("path"), r.path},
            {QStringLiteral("period"), live ? QStringLiteral("live") : QStringLiteral("shift")},
            {QStringLiteral("shift"), r.period.shift},
            {QStringLiteral("production_day"), r.period.day.toString(Qt::ISODate)},
            {QStringLiteral("start"), formatTimestampUtc(r.period.startMs)},
            {QStringLiteral("end"), formatTimestampUtc(r.period.endMs)},
            {QStringLiteral("start_ms"), static_cast<double>(r.period.startMs)},
            {QStringLiteral("end_ms"), static_cast<double>(r.period.endMs)},
            {QStringLiteral("complete"), !live}};
}

QJsonObject oeePayload(const KpiRecord &r, TimestampMs nowMs, bool live)
{
    QJsonObject o = periodFields(r, nowMs, live);
    o.insert(QStringLiteral("availability"), ratio(r.availability));
    o.insert(QStringLiteral("performance"), ratio(r.performance));
    o.insert(QStringLiteral("quality"), ratio(r.quality));
    o.insert(QStringLiteral("oee"), ratio(r.oee));
    o.insert(QStringLiteral("unit"), QStringLiteral("ratio"));
    o.insert(QStringLiteral("good"), r.goodCount);
    o.insert(QStringLiteral("total"), r.totalCount);
    o.insert(QStringLiteral("reject"), r.rejectCount);
    o.insert(QStringLiteral("count_unit"), QStringLiteral("parts"));
    o.insert(QStringLiteral("planned_production_time_s"),
             static_cast<double>(r.plannedBusyMs) / 1000.0);
    o.insert(QStringLiteral("run_time_s"), static_cast<double>(r.runMs) / 1000.0);
    o.insert(QStringLiteral("unknown_time_s"), static_cast<double>(r.unknownMs) / 1000.0);
    if (!r.bottleneck.isEmpty())
        o.insert(QStringLiteral("bottleneck"), r.bottleneck);
    return o;
}

QJsonObject energyPayload(const KpiRecord &r, TimestampMs nowMs, bool live)
{
    QJsonObject o = periodFields(r, nowMs, live);
    o.insert(QStringLiteral("value"), finite(r.kwhPerUnit));
    o.insert(QStringLiteral("unit"), QStringLiteral("kWh/part"));
    o.insert(QStringLiteral("energy_kwh"), finite(r.energyKwh));
    o.insert(QStringLiteral("energy_unit"), QStringLiteral("kWh"));
    o.insert(QStringLiteral("good"), r.energyGood);
    return o;
}

QByteArray contentKey(const KpiMessage &m)
{
    QJsonObject o = m.payload;
    for (const QString &k : m.volatileKeys)
        o.remove(k);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The start of the run of equal codes that ends with the latest sample (ring buffer of the
// TagStore); the latest sample's time when the ring holds nothing older.
TimestampMs stateSince(const TagStore &store, TagId tag, const TagValue &latest)
{
    const std::vector<Sample> recent = store.recent(tag, 0);
    TimestampMs since = latest.t_ms;
    for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
        if (it->value != latest.value || !isGood(it->q) != !isGood(latest.q))
            break;
        since = it->t_ms;
    }
    return since;
}

} // namespace

KpiPublisher::KpiPublisher(std::shared_ptr<const PlantModel> model,
                           const storage::Historian *historian, const TagStore *store,
                           PublishFn publish, QObject *parent)
    : QObject(parent)
    , m_model(std::move(model))
    , m_historian(historian)
    , m_store(store)
    , m_publish(std::move(publish))
{
}

KpiPublisher::~KpiPublisher()
{
    stop();
}

std::unique_ptr<KpiPublisher> KpiPublisher::forEngine(Engine &engine)
{
    const PublishSettings &s = engine.model().publish;
    if (!s.enabled)
        return nullptr;
    mqtt::MqttClient *client = engine.mqttClient(s.connection);
    if (!client) {
        qCWarning(lcKpiPublish).noquote()
                << QStringLiteral("publish: MQTT connection %1 has no client; KPIs are not "
                                  "published")
                           .arg(s.connection);
        return nullptr;
    }
    const MqttConnection *conn = engine.model().mqttConnection(s.connection);
    if (!conn)
        return nullptr; // the loader refuses an unknown connection; a model made in code
    qCInfo(lcKpiPublish).noquote()
            << QStringLiteral("publish: KPIs to MQTT %1 every %2 s%3")
                       .arg(s.connection)
                       .arg(static_cast<double>(s.intervalMs) / 1000.0)
                       .arg(conn->profile == MqttConnection::Profile::AzureIotHub
                                    ? QStringLiteral(" as IoT Hub device-to-cloud messages")
                                    : QString());
    // On a cloud connection the message goes where the cloud accepts it (core/kpi_topics.h);
    // the model outlives the publisher (shared), so the connection pointer stays valid.
    auto publisher = std::make_unique<KpiPublisher>(
            engine.modelPtr(), engine.historian(), &engine.tagStore(),
            [client, conn](const QString &topic, const QByteArray &payload, int qos, bool retain) {
                return client->publish(kpiWireTopic(*conn, topic), payload, qos,
                                       kpiWireRetain(*conn, retain));
            });
    return publisher;
}

QString KpiPublisher::topic(const PublishSettings &settings, const QString &entityPath,
                            const QString &leaf)
{
    return kpiTopic(settings, entityPath, leaf);
}

std::vector<KpiMessage> KpiPublisher::compute(TimestampMs nowMs)
{
    const PlantModel &model = *m_model;
    const PublishSettings &ps = model.publish;
    std::vector<KpiMessage> out;

    if (m_historian && (ps.oee || ps.energy)) {
        // The shift running at `now` and the last one that ended (a calendar-less plant: local
        // days). Two days back reaches a night shift that started the day before yesterday.
        const QString zone = model.calendar.isSet() ? model.calendar.timeZone : model.timeZone();
        QTimeZone tz(zone.toUtf8());
        if (!tz.isValid())
            tz = QTimeZone::utc();
        const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, tz).date();
        std::optional<ShiftInstance> current, last;
        for (ShiftInstance &s : OeeRollup::shiftsOfDays(model, today.addDays(-2), today)) {
            if (s.startMs <= nowMs && nowMs < s.endMs)
                current = s;
            else if (s.endMs <= nowMs && (!last || s.endMs > last->endMs))
                last = s;
        }
        const KpiOptions ko{ps.oee, ps.energy};
        const auto add = [&](const std::vector<KpiRecord> &records, bool live) {
            const QString when = live ? QStringLiteral("live") : QStringLiteral("shift");
            for (const KpiRecord &r : records) {
                if (ps.oee) {
                    KpiMessage m{topic(ps, r.path, QStringLiteral("oee/") + when),
                                 oeePayload(r, nowMs, live), {QStringLiteral("ts")}};
                    if (live)
                        m.volatileKeys << QStringLiteral("end") << QStringLiteral("end_ms");
                    out.push_back(std::move(m));
                }
                if (ps.energy && std::isfinite(r.energyKwh)) {
                    KpiMessage m{topic(ps, r.path, QStringLiteral("energy_per_unit/") + when),
                                 energyPayload(r, nowMs, live), {QStringLiteral("ts")}};
                    if (live)
                        m.volatileKeys << QStringLiteral("end") << QStringLiteral("end_ms");
                    out.push_back(std::move(m));
                }
            }
        };
        if (current && nowMs > current->startMs)
            add(computeKpis(model, *m_historian,
                             {current->startMs, nowMs, current->name, current->day}, ko),
                 true);
        if (last) {
            const bool same = m_lastShift && m_lastShift->startMs == last->startMs
                    && m_lastShift->endMs == last->endMs;
            if (!same || !m_lastShiftFinal) {
                m_lastShift = KpiPeriod{last->startMs, last->endMs, last->name, last->day};
                m_lastShiftKpis = computeKpis(model, *m_historian, *m_lastShift, ko);
                m_lastShiftFinal = nowMs >= last->endMs + kLateDataMs;
            }
            add(m_lastShiftKpis, false);
        }
    }

    if (m_store && ps.state) {
        for (const Machine &m : model.machines) {
            const TagId tag = m.roleTag(TagRole::State);
            if (tag == kInvalidTag || tag >= m_store->tagCount())
                continue;
            const TagValue v = m_store->latest(tag);
            if (!v.hasValue)
                continue;
            const int code = static_cast<int>(std::lround(v.value));
            const StateDef *def = m.state(code);
            QJsonObject o{{QStringLiteral("schema_version"), kKpiSchemaVersion},
                          {QStringLiteral("source"), QStringLiteral("andon")},
                          {QStringLiteral("ts"), formatTimestampUtc(nowMs)},
                          {QStringLiteral("level"), QStringLiteral("machine")},
                          {QStringLiteral("path"), m.path},
                          {QStringLiteral("code"), code},
                          {QStringLiteral("name"), def ? def->name : QString()},
                          {QStringLiteral("category"),
                           stateCategoryName(def ? def->category : StateCategory::Unknown)},
                          {QStringLiteral("since"),
                           formatTimestampUtc(stateSince(*m_store, tag, v))},
                          {QStringLiteral("quality"), qualityName(v.q)}};
            out.push_back({topic(ps, m.path, QStringLiteral("state")), o, {QStringLiteral("ts")}});
        }
    }
    return out;
}

int KpiPublisher::tick(TimestampMs nowMs)
{
    std::lock_guard lock(m_mutex);
    const PublishSettings &ps = m_model->publish;
    int sent = 0;
    for (const KpiMessage &m : compute(nowMs)) {
        const QByteArray content = contentKey(m);
        const auto it = m_topics.constFind(m.topic);
        if (it != m_topics.constEnd()) {
            const TimestampMs age = nowMs - it->lastMs;
            if (age < ps.intervalMs)
                continue; // rate limit: at most one message per topic per interval
            if (it->content == content && age < ps.refreshMs)
                continue; // unchanged and refreshed recently enough
        }
        const QByteArray payload = QJsonDocument(m.payload).toJson(QJsonDocument::Compact);
        if (!m_publish || !m_publish(m.topic, payload, ps.qos, ps.retain)) {
            ++m_failed;
            m_lastFailureMs = nowMs;
            continue; // not recorded: tried again next round
        }
        m_topics.insert(m.topic, {content, nowMs});
        ++m_published;
        m_lastPublishMs = nowMs;
        ++sent;
    }
    return sent;
}

void KpiPublisher::start(const Clock *clock)
{
    // A precise timer is never early: the rate limit compares times.
    m_worker.start(
        QStringLiteral("kpi-publisher"), static_cast<int>(m_model->publish.intervalMs),
        [this, clock] { tick(clock->now()); }, Qt::PreciseTimer);
}

void KpiPublisher::stop()
{
    m_worker.stop();
}

} // namespace andon
