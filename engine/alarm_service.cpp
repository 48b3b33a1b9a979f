#include "engine/alarm_service.h"

#include "storage/historian.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cmath>

Q_LOGGING_CATEGORY(lcAlarms, "andon.alarms")

namespace andon {

using analytics::AlarmAction;
using analytics::AlarmEvent;
using analytics::AlarmState;

namespace {

constexpr int kDefaultTickMs = 1000;
const QString kCategory = QStringLiteral("alarm");
const QString kKindPrefix = QStringLiteral("alarm.");

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

double numberOf(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

AlarmService::AlarmService(std::shared_ptr<const PlantModel> model, const Clock &clock,
    analytics::AlarmEngineOptions options, QObject *parent)
    : QObject(parent)
    , m_model(std::move(model))
    , m_options(options)
    , m_engine(m_model, clock, options)
{
    m_hasAlarms.assign(m_model->tags.size(), false);
    for (const AlarmDef &a : m_model->alarms) {
        if (a.tag < m_hasAlarms.size())
            m_hasAlarms[a.tag] = true;
        if (!a.suppressStateCodes.empty() && a.stateMachine >= 0
            && a.stateMachine < static_cast<int>(m_model->machines.size())) {
            const TagId st = m_model->machines[static_cast<std::size_t>(a.stateMachine)].roleTag(
                TagRole::State);
            if (st < m_hasAlarms.size())
                m_hasAlarms[st] = true;
        }
    }
    connect(&m_tickTimer, &QTimer::timeout, this, &AlarmService::tick);
    if (!m_model->alarms.empty())
        setTickInterval(kDefaultTickMs);
    m_writer = std::thread([this] { writerLoop(); });
}

AlarmService::~AlarmService()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_stopping = true;
    }
    m_queueCv.notify_all();
    if (m_writer.joinable())
        m_writer.join();
}

void AlarmService::setTickInterval(int intervalMs)
{
    if (intervalMs <= 0) {
        m_tickTimer.stop();
        return;
    }
    m_tickTimer.start(intervalMs);
}

void AlarmService::attachHistorian(storage::Historian *historian)
{
    flush();
    m_historian = historian;
    if (!historian)
        return;
    const std::vector<AlarmEvent> journal = readJournal(*historian);
    std::lock_guard lock(m_mutex);
    m_engine.restore(journal);
    qCDebug(lcAlarms).noquote() << QStringLiteral("restored %1 alarm journal entries from %2")
                                       .arg(journal.size())
                                       .arg(historian->path());
}

void AlarmService::ingest(const SampleBatch &batch)
{
    // Most samples belong to tags without alarms: look before taking the lock.
    bool relevant = false;
    for (const Sample &s : batch) {
        if (s.tag < m_hasAlarms.size() && m_hasAlarms[s.tag]) {
            relevant = true;
            break;
        }
    }
    if (!relevant)
        return;
    std::vector<AlarmEvent> events;
    {
        std::lock_guard lock(m_mutex);
        m_engine.process(batch);
        if (m_engine.hasEvents())
            events = m_engine.takeEvents();
    }
    publish(std::move(events));
}

void AlarmService::tick()
{
    std::vector<AlarmEvent> events;
    {
        std::lock_guard lock(m_mutex);
        m_engine.tick();
        if (m_engine.hasEvents())
            events = m_engine.takeEvents();
    }
    publish(std::move(events));
}

bool AlarmService::operatorAction(
    QString *why, const std::function<bool(analytics::AlarmEngine &)> &f)
{
    if (!m_historian) {
        if (why)
            *why = tr("no historian is open: alarm actions cannot be recorded");
        return false;
    }
    std::vector<AlarmEvent> events;
    bool ok = false;
    {
        std::lock_guard lock(m_mutex);
        ok = f(m_engine);
        events = m_engine.takeEvents();
    }
    publish(std::move(events));
    return ok;
}

bool AlarmService::acknowledge(
    const QString &id, const QString &user, const QString &comment, QString *why)
{
    return operatorAction(why, [&](auto &e) { return e.acknowledge(id, user, comment, why); });
}

int AlarmService::acknowledgeAll(const QStringList &ids, const QString &user, QString *why)
{
    int done = 0;
    operatorAction(why, [&](auto &e) {
        for (const QString &id : ids) {
            if (e.acknowledge(id, user, QString(), nullptr))
                ++done;
        }
        return true;
    });
    return done;
}

bool AlarmService::shelve(const QString &id, TimestampMs durationMs, const QString &reason,
    const QString &user, QString *why)
{
    return operatorAction(
        why, [&](auto &e) { return e.shelve(id, durationMs, reason, user, why); });
}

bool AlarmService::unshelve(const QString &id, const QString &user, QString *why)
{
    return operatorAction(why, [&](auto &e) { return e.unshelve(id, user, why); });
}

bool AlarmService::removeFromService(
    const QString &id, const QString &user, const QString &comment, QString *why)
{
    return operatorAction(
        why, [&](auto &e) { return e.removeFromService(id, user, comment, why); });
}

bool AlarmService::returnToService(const QString &id, const QString &user, QString *why)
{
    return operatorAction(why, [&](auto &e) { return e.returnToService(id, user, why); });
}

bool AlarmService::addComment(
    const QString &id, const QString &user, const QString &text, QString *why)
{
    return operatorAction(why, [&](auto &e) { return e.addComment(id, user, text, why); });
}

std::vector<analytics::AlarmStatus> AlarmService::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_engine.snapshot();
}

std::optional<analytics::AlarmStatus> AlarmService::status(const QString &id) const
{
    std::lock_guard lock(m_mutex);
    const analytics::AlarmStatus *s = m_engine.status(id);
    return s ? std::optional<analytics::AlarmStatus>(*s) : std::nullopt;
}

bool AlarmService::flood() const
{
    std::lock_guard lock(m_mutex);
    return m_engine.flood();
}

void AlarmService::publish(std::vector<AlarmEvent> &&events)
{
    if (events.empty())
        return;
    int priority = 5;
    for (const AlarmEvent &e : events) {
        if (e.to == AlarmState::UnackActive && e.from != AlarmState::UnackActive)
            priority = std::min(priority, e.priority);
    }
    if (m_historian) {
        {
            std::lock_guard lock(m_queueMutex);
            for (const AlarmEvent &e : events)
                m_queue.push_back(toJournal(e));
        }
        m_queueCv.notify_all();
    }
    int current = m_pendingPriority.load();
    while (priority < current && !m_pendingPriority.compare_exchange_weak(current, priority)) { }
    if (!m_notifyPending.exchange(true)) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_notifyPending.store(false);
                const int p = m_pendingPriority.exchange(5);
                emit alarmsChanged();
                if (p < 5)
                    emit annunciated(p);
            },
            Qt::QueuedConnection);
    }
}

void AlarmService::journal(const storage::Event &event)
{
    if (!m_historian)
        return;
    {
        std::lock_guard lock(m_queueMutex);
        m_queue.push_back(event);
    }
    m_queueCv.notify_all();
}

void AlarmService::writerLoop()
{
    std::unique_lock lock(m_queueMutex);
    for (;;) {
        m_queueCv.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty() && m_stopping)
            return;
        std::deque<storage::Event> batch;
        batch.swap(m_queue);
        m_writing = true;
        storage::Historian *h = m_historian;
        lock.unlock();
        for (const storage::Event &e : batch) {
            // appendEvent commits before returning and logs a failure with the event.
            if (!h || h->appendEvent(e) < 0)
                m_journalErrors.fetch_add(1);
        }
        lock.lock();
        m_writing = false;
        m_queueCv.notify_all();
    }
}

void AlarmService::flush()
{
    std::unique_lock lock(m_queueMutex);
    m_queueCv.wait(lock, [this] { return m_queue.empty() && !m_writing; });
}

storage::Event AlarmService::toJournal(const AlarmEvent &e)
{
    storage::Event out;
    out.t = e.t;
    out.category = kCategory;
    out.kind = kKindPrefix + analytics::alarmActionName(e.action);
    out.source = e.alarmId;
    out.user = e.user;
    out.message = e.message;
    out.oldValue = analytics::alarmStateName(e.from);
    out.newValue = analytics::alarmStateName(e.to);
    QJsonObject d { { QStringLiteral("value"), number(e.value) },
        { QStringLiteral("limit"), number(e.limit) }, { QStringLiteral("priority"), e.priority },
        { QStringLiteral("condition"), e.conditionActive },
        { QStringLiteral("suppressed"), e.suppressedByState },
        { QStringLiteral("first_out"), e.firstOut } };
    if (!e.comment.isEmpty())
        d.insert(QStringLiteral("comment"), e.comment);
    if (e.shelvedUntil != 0)
        d.insert(QStringLiteral("shelved_until"), static_cast<double>(e.shelvedUntil));
    out.details = QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Compact));
    return out;
}

std::optional<AlarmEvent> AlarmService::fromJournal(const storage::Event &in)
{
    if (in.category != kCategory || !in.kind.startsWith(kKindPrefix))
        return std::nullopt;
    AlarmEvent e;
    if (!analytics::parseAlarmAction(in.kind.mid(kKindPrefix.size()), &e.action)
        || !analytics::parseAlarmState(in.oldValue, &e.from)
        || !analytics::parseAlarmState(in.newValue, &e.to))
        return std::nullopt;
    e.t = in.t;
    e.alarmId = in.source;
    e.user = in.user;
    e.message = in.message;
    const QJsonObject d = QJsonDocument::fromJson(in.details.toUtf8()).object();
    e.value = numberOf(d.value(QStringLiteral("value")));
    e.limit = numberOf(d.value(QStringLiteral("limit")));
    e.priority = d.value(QStringLiteral("priority")).toInt(3);
    e.conditionActive = d.value(QStringLiteral("condition")).toBool();
    e.suppressedByState = d.value(QStringLiteral("suppressed")).toBool();
    e.firstOut = d.value(QStringLiteral("first_out")).toBool();
    e.comment = d.value(QStringLiteral("comment")).toString();
    e.shelvedUntil = static_cast<TimestampMs>(d.value(QStringLiteral("shelved_until")).toDouble());
    return e;
}

std::vector<AlarmEvent> AlarmService::readJournal(
    const storage::Historian &historian, TimestampMs from, TimestampMs to)
{
    storage::EventQuery q;
    q.from = from;
    q.to = to;
    q.categories = QStringList { kCategory };
    q.kindPrefix = kKindPrefix;
    q.limit = 50'000'000;
    std::vector<AlarmEvent> out;
    for (const storage::Event &e : historian.events(q)) {
        if (auto a = fromJournal(e))
            out.push_back(std::move(*a));
    }
    return out;
}

} // namespace andon
