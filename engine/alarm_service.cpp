#include "engine/alarm_service.h"

#include "core/config_writer.h"
#include "core/current_user.h"
#include "core/permissions.h"
#include "storage/historian.h"

#include <QFileInfo>
#include <QJsonArray>
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
    , m_clock(clock)
    , m_configFile(m_model->sourceFile)
    , m_engine(m_model, clock, options)
{
    m_hasAlarms.assign(m_model->tags.size(), false);
    for (const AlarmDef &a : m_model->alarms) {
        if (a.tag < m_hasAlarms.size() && !a.external)
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

bool AlarmService::setExternalCondition(const QString &id, bool active, TimestampMs t,
    double value, const QString &message, QString *why)
{
    std::vector<AlarmEvent> events;
    bool ok = false;
    {
        std::lock_guard lock(m_mutex);
        ok = m_engine.setExternalCondition(id, active, t, value, message, why);
        if (m_engine.hasEvents())
            events = m_engine.takeEvents();
    }
    publish(std::move(events));
    return ok;
}

namespace {

// Every setting of `a` for the audit's details (null where the type has none).
QJsonObject settingsJson(const AlarmDef &a)
{
    QJsonObject o { { QStringLiteral("priority"), a.priority },
        { QStringLiteral("on_delay_s"), a.onDelayMs / 1000.0 },
        { QStringLiteral("off_delay_s"), a.offDelayMs / 1000.0 } };
    const bool hasLimit = alarmTypeHasLimit(a.type);
    o.insert(QStringLiteral("limit"), hasLimit ? number(a.limit) : QJsonValue());
    o.insert(QStringLiteral("deadband"), hasLimit ? number(a.deadband) : QJsonValue());
    o.insert(QStringLiteral("setpoint"),
        alarmTypeHasSetpoint(a.type) ? number(a.setpoint) : QJsonValue());
    return o;
}

} // namespace

bool AlarmService::updateSettings(const QString &id, const AlarmSettingsChange &change,
    const QString &user, const QString &reason, QString *why, AlarmSettingsOutcome *outcome)
{
    const auto refuse = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (!m_historian)
        return refuse(tr("no historian is open: a settings change cannot be audited"));
    const Role role = currentRole();
    if (!roleAllows(role, Action::EditAlarmSettings)) {
        const QString needed = roleDisplayName(minimumRole(Action::EditAlarmSettings));
        const QString action = actionDisplayName(Action::EditAlarmSettings);
        return refuse(hasSessionUser()
                ? tr("\"%1\" needs the %2 role; you are signed in as %3.")
                      .arg(action, needed, roleDisplayName(role))
                : tr("\"%1\" needs the %2 role; sign in first.").arg(action, needed));
    }
    if (user.trimmed().isEmpty())
        return refuse(tr("a settings change needs a user name"));
    if (reason.trimmed().isEmpty())
        return refuse(tr("a settings change needs a reason"));

    // Check against the definitions in force; the model only changes here, on this thread.
    const std::shared_ptr<const PlantModel> running = runningModel();
    const int index = [&] {
        for (std::size_t i = 0; i < running->alarms.size(); ++i)
            if (running->alarms[i].id == id)
                return static_cast<int>(i);
        return -1;
    }();
    if (index < 0)
        return refuse(tr("unknown alarm %1").arg(id));
    const AlarmDef &before = running->alarms[static_cast<std::size_t>(index)];
    std::vector<std::pair<int, AlarmDef>> changed;
    for (const int i : alarmEntrySiblings(*running, before)) {
        QString problem;
        auto after = applyAlarmSettings(
            *running, running->alarms[static_cast<std::size_t>(i)], change, &problem);
        if (!after) {
            const QString &other = running->alarms[static_cast<std::size_t>(i)].id;
            return refuse(other == id ? problem : tr("%1 (for %2, defined by the same entry)")
                                                      .arg(problem, other));
        }
        changed.emplace_back(i, std::move(*after));
    }
    const AlarmDef &edited = [&]() -> const AlarmDef & {
        for (const auto &[i, def] : changed)
            if (i == index)
                return def;
        return changed.front().second;
    }();
    const AlarmSettingsTexts texts = describeAlarmSettingsChange(*running, before, edited);

    // The configuration file first: the loader may refuse what the checks above let through.
    AlarmSettingsOutcome result;
    result.change = texts.changeText;
    result.configFile = configFile();
    if (result.configFile.isEmpty()) {
        result.saveError = tr("the configuration was not loaded from a file");
    } else {
        const ConfigWriteResult w = ConfigWriter::setAlarmFields(result.configFile, before.line,
            before.name, alarmSettingsYamlFields(before, edited));
        if (w.rejected)
            return refuse(w.message);
        result.saved = w.ok;
        result.configLine = w.line;
        if (!w.ok)
            result.saveError = w.message;
    }

    auto next = std::make_shared<PlantModel>(*running);
    for (const auto &[i, def] : changed) {
        next->alarms[static_cast<std::size_t>(i)] = def;
        result.alarmIds << def.id;
    }
    {
        std::lock_guard lock(m_mutex);
        m_engine.replaceSettings(next);
    }

    // The audit: one entry per alarm, so each alarm's history shows it.
    const QString where = result.saved
        ? QStringLiteral("saved to %1:%2").arg(result.configFile).arg(result.configLine)
        : QStringLiteral("not saved to the configuration: %1").arg(result.saveError);
    QJsonArray ids;
    for (const QString &a : std::as_const(result.alarmIds))
        ids.append(a);
    QString auditError;
    const TimestampMs now = m_clock.now();
    for (const auto &[i, def] : changed) {
        const AlarmDef &old = running->alarms[static_cast<std::size_t>(i)];
        const AlarmSettingsTexts t = describeAlarmSettingsChange(*running, old, def);
        storage::Event e;
        e.t = now;
        e.category = QStringLiteral("audit");
        e.kind = QStringLiteral("alarm.settings");
        e.source = def.id;
        e.user = user;
        e.message = t.changeText + QStringLiteral("; ") + where;
        e.oldValue = t.oldText;
        e.newValue = t.newText;
        QJsonObject d { { QStringLiteral("old"), settingsJson(old) },
            { QStringLiteral("new"), settingsJson(def) },
            { QStringLiteral("reason"), reason.trimmed() },
            { QStringLiteral("type"), alarmTypeName(def.type) },
            { QStringLiteral("role"), roleId(role) },
            { QStringLiteral("saved"), result.saved },
            { QStringLiteral("config_file"), result.configFile },
            { QStringLiteral("alarms"), ids } };
        if (result.saved)
            d.insert(QStringLiteral("config_line"), result.configLine);
        else
            d.insert(QStringLiteral("save_error"), result.saveError);
        e.details = QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Compact));
        QString error;
        if (m_historian->appendEvent(e, &error) < 0)
            auditError = error;
    }
    if (!auditError.isEmpty()) {
        m_journalErrors.fetch_add(1);
        qCWarning(lcAlarms).noquote()
            << QStringLiteral("alarm settings of %1 changed (%2) but the audit entry could not "
                              "be written: %3")
                   .arg(id, texts.changeText, auditError);
    }
    qCInfo(lcAlarms).noquote() << QStringLiteral("%1: %2 by %3; %4")
                                      .arg(id, texts.changeText, user, where);
    if (outcome)
        *outcome = result;
    emit alarmsChanged();
    return true;
}

std::shared_ptr<const PlantModel> AlarmService::runningModel() const
{
    std::lock_guard lock(m_mutex);
    return m_engine.modelPtr();
}

std::optional<AlarmDef> AlarmService::definition(const QString &id) const
{
    std::lock_guard lock(m_mutex);
    const int i = m_engine.indexOf(id);
    if (i < 0)
        return std::nullopt;
    return m_engine.model().alarms[static_cast<std::size_t>(i)];
}

void AlarmService::setConfigFile(const QString &path)
{
    std::lock_guard lock(m_mutex);
    m_configFile = path;
}

QString AlarmService::configFile() const
{
    std::lock_guard lock(m_mutex);
    return m_configFile;
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
