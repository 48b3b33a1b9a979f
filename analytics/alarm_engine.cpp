#include "analytics/alarm_engine.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace andon::analytics {

namespace {

// Journal vocabulary (docs/alarms.md "Journal"): never rename.
constexpr std::array<std::pair<AlarmState, const char *>, 7> kStates = { {
    { AlarmState::Normal, "normal" },
    { AlarmState::UnackActive, "unack_active" },
    { AlarmState::AckActive, "ack_active" },
    { AlarmState::ReturnedUnack, "returned_unack" },
    { AlarmState::Shelved, "shelved" },
    { AlarmState::Suppressed, "suppressed" },
    { AlarmState::OutOfService, "out_of_service" },
} };

constexpr std::array<std::pair<AlarmAction, const char *>, kAlarmActionCount> kActions = { {
    { AlarmAction::Activate, "activate" },
    { AlarmAction::Clear, "clear" },
    { AlarmAction::Acknowledge, "acknowledge" },
    { AlarmAction::Shelve, "shelve" },
    { AlarmAction::Unshelve, "unshelve" },
    { AlarmAction::ShelveExpire, "shelve_expire" },
    { AlarmAction::Suppress, "suppress" },
    { AlarmAction::Unsuppress, "unsuppress" },
    { AlarmAction::RemoveFromService, "remove_from_service" },
    { AlarmAction::ReturnToService, "return_to_service" },
    { AlarmAction::Comment, "comment" },
} };

// Two state codes are the same code when they round to the same integer; analog values in a
// discrete list are compared with a relative tolerance far below any display resolution.
bool sameValue(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

QString tr(const char *text)
{
    return QCoreApplication::translate("andon::analytics::AlarmEngine", text);
}

AlarmTransition refuse(const char *why)
{
    AlarmTransition t;
    t.ok = false;
    t.reason = tr(why);
    return t;
}

AlarmTransition go(AlarmState to)
{
    AlarmTransition t;
    t.ok = true;
    t.to = to;
    return t;
}

// Where an alarm goes when it re-enters service (from shelved, suppressed, out of service).
AlarmState reentry(bool conditionActive)
{
    return conditionActive ? AlarmState::UnackActive : AlarmState::Normal;
}

} // namespace

QString alarmStateName(AlarmState s)
{
    for (const auto &[v, name] : kStates) {
        if (v == s)
            return QLatin1String(name);
    }
    return QString();
}

bool parseAlarmState(const QString &name, AlarmState *out)
{
    for (const auto &[v, n] : kStates) {
        if (name == QLatin1String(n)) {
            if (out)
                *out = v;
            return true;
        }
    }
    return false;
}

QString alarmStateText(AlarmState s)
{
    switch (s) {
    case AlarmState::Normal:
        return tr("Normal");
    case AlarmState::UnackActive:
        return tr("Active, unacknowledged");
    case AlarmState::AckActive:
        return tr("Active, acknowledged");
    case AlarmState::ReturnedUnack:
        return tr("Returned, unacknowledged");
    case AlarmState::Shelved:
        return tr("Shelved");
    case AlarmState::Suppressed:
        return tr("Suppressed by design");
    case AlarmState::OutOfService:
        return tr("Out of service");
    }
    return QString();
}

bool alarmStateIsAnnunciated(AlarmState s)
{
    return s == AlarmState::UnackActive || s == AlarmState::AckActive
        || s == AlarmState::ReturnedUnack;
}

QString alarmActionName(AlarmAction a)
{
    for (const auto &[v, name] : kActions) {
        if (v == a)
            return QLatin1String(name);
    }
    return QString();
}

bool parseAlarmAction(const QString &name, AlarmAction *out)
{
    for (const auto &[v, n] : kActions) {
        if (name == QLatin1String(n)) {
            if (out)
                *out = v;
            return true;
        }
    }
    return false;
}

// ISA-18.2-2016 §11 state transition diagram. A: normal, B: unack active, C: ack active,
// D: returned unack, E: shelved, F: suppressed by design, G: out of service.
AlarmTransition alarmTransition(
    AlarmState from, AlarmAction action, bool conditionActive, bool suppressedByState)
{
    using S = AlarmState;
    using A = AlarmAction;
    if (action == A::Comment)
        return go(from); // a note is allowed in every state
    const bool inService = from == S::Normal || alarmStateIsAnnunciated(from);
    switch (action) {
    case A::Activate:
        if (from == S::Normal || from == S::ReturnedUnack)
            return go(S::UnackActive);
        if (from == S::UnackActive || from == S::AckActive)
            return refuse("the alarm is already active");
        return refuse("the alarm is not in service: its condition is tracked, not annunciated");
    case A::Clear:
        if (from == S::UnackActive)
            return go(S::ReturnedUnack);
        if (from == S::AckActive)
            return go(S::Normal);
        if (from == S::Normal || from == S::ReturnedUnack)
            return refuse("the alarm condition is already normal");
        return refuse("the alarm is not in service: its condition is tracked, not annunciated");
    case A::Acknowledge:
        if (from == S::UnackActive)
            return go(S::AckActive);
        if (from == S::ReturnedUnack)
            return go(S::Normal);
        if (from == S::AckActive)
            return refuse("the alarm is already acknowledged");
        if (from == S::Normal)
            return refuse("there is nothing to acknowledge");
        return refuse("a shelved, suppressed or out-of-service alarm is not acknowledged");
    case A::Shelve:
        if (inService)
            return go(S::Shelved);
        if (from == S::Shelved)
            return refuse("the alarm is already shelved");
        if (from == S::Suppressed)
            return refuse("the alarm is suppressed by design: there is nothing to shelve");
        return refuse("the alarm is out of service");
    case A::Unshelve:
    case A::ShelveExpire:
        if (from == S::Shelved)
            return go(suppressedByState ? S::Suppressed : reentry(conditionActive));
        return refuse("the alarm is not shelved");
    case A::Suppress:
        if (inService)
            return go(S::Suppressed);
        if (from == S::Suppressed)
            return refuse("the alarm is already suppressed");
        return refuse("a shelved or out-of-service alarm stays so; suppression is tracked");
    case A::Unsuppress:
        if (from == S::Suppressed)
            return go(reentry(conditionActive));
        return refuse("the alarm is not suppressed");
    case A::RemoveFromService:
        if (from == S::OutOfService)
            return refuse("the alarm is already out of service");
        return go(S::OutOfService);
    case A::ReturnToService:
        if (from == S::OutOfService)
            return go(suppressedByState ? S::Suppressed : reentry(conditionActive));
        return refuse("the alarm is in service");
    case A::Comment:
        break;
    }
    return refuse("unknown action");
}

// ---- AlarmEngine ----

AlarmEngine::AlarmEngine(
    std::shared_ptr<const PlantModel> model, const Clock &clock, AlarmEngineOptions options)
    : m_model(std::move(model))
    , m_clock(clock)
    , m_options(options)
{
    const PlantModel &m = *m_model;
    m_status.resize(m.alarms.size());
    m_runtime.resize(m.alarms.size());
    m_byTag.resize(m.tags.size());
    m_byStateTag.resize(m.tags.size());
    m_bursts.assign(m.machines.size(), Burst {});
    for (std::size_t i = 0; i < m.alarms.size(); ++i) {
        const AlarmDef &a = m.alarms[i];
        const int index = static_cast<int>(i);
        m_status[i].index = index;
        m_byId.insert(a.id, index);
        if (a.tag < m.tags.size() && !a.external)
            m_byTag[a.tag].push_back(index);
        if (!a.suppressStateCodes.empty() && a.stateMachine >= 0
            && a.stateMachine < static_cast<int>(m.machines.size())) {
            const TagId st
                = m.machines[static_cast<std::size_t>(a.stateMachine)].roleTag(TagRole::State);
            if (st < m.tags.size())
                m_byStateTag[st].push_back(index);
        }
    }
}

int AlarmEngine::indexOf(const QString &id) const
{
    return m_byId.value(id, -1);
}

const AlarmStatus *AlarmEngine::status(const QString &id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_status[static_cast<std::size_t>(i)];
}

std::vector<AlarmStatus> AlarmEngine::snapshot() const
{
    return m_status;
}

std::vector<AlarmEvent> AlarmEngine::takeEvents()
{
    std::vector<AlarmEvent> out;
    out.swap(m_events);
    return out;
}

void AlarmEngine::process(const SampleBatch &batch)
{
    for (const Sample &s : batch) {
        if (s.tag >= m_byTag.size())
            continue;
        // State first, so an alarm on the state tag itself sees the new suppression.
        for (int i : m_byStateTag[s.tag]) {
            if (isBad(s.q) || !std::isfinite(s.value))
                continue; // keep the last known suppression while the state is unknown
            const AlarmDef &a = m_model->alarms[static_cast<std::size_t>(i)];
            const int code = static_cast<int>(std::lround(s.value));
            const bool suppress
                = std::find(a.suppressStateCodes.begin(), a.suppressStateCodes.end(), code)
                != a.suppressStateCodes.end();
            updateSuppression(i, suppress, s.t_ms);
        }
        for (int i : m_byTag[s.tag])
            evaluate(i, s);
    }
}

bool AlarmEngine::rawCondition(int index, const Sample &s, bool *known)
{
    const AlarmDef &a = m_model->alarms[static_cast<std::size_t>(index)];
    Runtime &r = m_runtime[static_cast<std::size_t>(index)];
    *known = true;
    if (a.type == AlarmType::BadQuality)
        return isBad(s.q);
    // A value of bad quality says nothing about the process: hold the last condition (the
    // bad_quality alarm reports it).
    if (isBad(s.q) || !std::isfinite(s.value)) {
        *known = false;
        return r.raw;
    }
    const double v = s.value;
    const double db = a.deadband;
    switch (a.type) {
    case AlarmType::High:
    case AlarmType::HighHigh:
        // ISA-18.2 §5.3 deadband: raise above the limit, clear at or below limit - deadband.
        return r.raw ? v > a.limit - db : v > a.limit;
    case AlarmType::Low:
    case AlarmType::LowLow:
        return r.raw ? v < a.limit + db : v < a.limit;
    case AlarmType::Deviation: {
        const double d = std::fabs(v - a.setpoint);
        return r.raw ? d > a.limit - db : d > a.limit;
    }
    case AlarmType::RateOfChange: {
        // The rate over the window: against the newest sample at or before t - window.
        const TimestampMs window = static_cast<TimestampMs>(a.windowS) * 1000;
        auto &h = r.history;
        if (!h.empty() && s.t_ms <= h.back().first)
            h.clear(); // time went backwards: start again
        h.emplace_back(s.t_ms, v);
        while (h.size() >= 2 && h[1].first <= s.t_ms - window)
            h.pop_front();
        if (h.front().first > s.t_ms - window) {
            *known = false; // not a full window of history yet
            return r.raw;
        }
        const double minutes = static_cast<double>(s.t_ms - h.front().first) / 60'000.0;
        const double rate = std::fabs(v - h.front().second) / minutes;
        return r.raw ? rate > a.limit - db : rate > a.limit;
    }
    case AlarmType::Discrete:
        return std::any_of(
            a.values.begin(), a.values.end(), [v](double x) { return sameValue(v, x); });
    case AlarmType::BadQuality:
        break;
    }
    return false;
}

void AlarmEngine::evaluate(int index, const Sample &s)
{
    AlarmStatus &st = m_status[static_cast<std::size_t>(index)];
    Runtime &r = m_runtime[static_cast<std::size_t>(index)];
    bool known = false;
    const bool raw = rawCondition(index, s, &known);
    st.value = s.value;
    st.quality = s.q;
    if (known) {
        if (!r.rawKnown || raw != r.raw) {
            r.raw = raw;
            r.rawSince = s.t_ms;
        }
        r.rawKnown = true;
    }
    checkDelays(index, s.t_ms);
}

void AlarmEngine::checkDelays(int index, TimestampMs now)
{
    const AlarmDef &a = m_model->alarms[static_cast<std::size_t>(index)];
    const AlarmStatus &st = m_status[static_cast<std::size_t>(index)];
    const Runtime &r = m_runtime[static_cast<std::size_t>(index)];
    if (!r.rawKnown || r.raw == st.conditionActive)
        return;
    const TimestampMs delay = r.raw ? a.onDelayMs : a.offDelayMs;
    if (now - r.rawSince >= delay)
        setCondition(index, r.raw, r.rawSince + delay);
}

void AlarmEngine::setCondition(int index, bool active, TimestampMs t)
{
    AlarmStatus &st = m_status[static_cast<std::size_t>(index)];
    st.conditionActive = active;
    if (st.state == AlarmState::Normal || alarmStateIsAnnunciated(st.state))
        apply(index, active ? AlarmAction::Activate : AlarmAction::Clear, t, {}, {}, nullptr);
    // Shelved, suppressed, out of service: tracked, decides where the alarm re-enters.
}

void AlarmEngine::updateSuppression(int index, bool suppressed, TimestampMs t)
{
    AlarmStatus &st = m_status[static_cast<std::size_t>(index)];
    if (st.suppressedByState == suppressed)
        return;
    st.suppressedByState = suppressed;
    if (suppressed && (st.state == AlarmState::Normal || alarmStateIsAnnunciated(st.state)))
        apply(index, AlarmAction::Suppress, t, {}, {}, nullptr);
    else if (!suppressed && st.state == AlarmState::Suppressed)
        apply(index, AlarmAction::Unsuppress, t, {}, {}, nullptr);
}

bool AlarmEngine::apply(int index, AlarmAction action, TimestampMs t, const QString &user,
    const QString &comment, QString *why, TimestampMs shelvedUntil)
{
    const AlarmDef &a = m_model->alarms[static_cast<std::size_t>(index)];
    AlarmStatus &st = m_status[static_cast<std::size_t>(index)];
    const AlarmTransition next
        = alarmTransition(st.state, action, st.conditionActive, st.suppressedByState);
    if (!next.ok) {
        if (why)
            *why = next.reason;
        return false;
    }
    const AlarmState from = st.state;
    const bool annunciates = next.to == AlarmState::UnackActive && from != AlarmState::UnackActive;
    if (annunciates) {
        st.activeSinceMs = t;
        const QString &external = m_runtime[static_cast<std::size_t>(index)].externalMessage;
        st.message = a.external && !external.isEmpty() ? external
                                                       : alarmMessage(*m_model, a, st.value);
        if (action == AlarmAction::Activate)
            firstOut(index, t);
    }
    if (next.to == AlarmState::Normal)
        st.firstOut = false;
    if (action == AlarmAction::Shelve) {
        st.shelvedUntil = shelvedUntil;
        st.shelveReason = comment;
    } else if (next.to != AlarmState::Shelved) {
        st.shelvedUntil = 0;
        st.shelveReason.clear();
    }
    if (action == AlarmAction::Comment || !comment.isEmpty())
        st.lastComment = comment;
    if (next.to != from)
        st.lastChangeMs = t;
    st.state = next.to;

    AlarmEvent e;
    e.t = t;
    e.alarmId = a.id;
    e.action = action;
    e.from = from;
    e.to = next.to;
    e.value = st.value;
    e.limit = alarmTypeHasLimit(a.type) ? a.limit : std::numeric_limits<double>::quiet_NaN();
    e.user = user;
    e.comment = comment;
    e.message = st.message.isEmpty() ? alarmMessage(*m_model, a, st.value) : st.message;
    e.priority = a.priority;
    e.conditionActive = st.conditionActive;
    e.suppressedByState = st.suppressedByState;
    e.firstOut = st.firstOut;
    e.shelvedUntil = st.shelvedUntil;
    m_events.push_back(std::move(e));
    if (annunciates)
        annunciated(t);
    return true;
}

// A burst: activations on one machine with at most firstOutWindowMs between them. Its
// first-out is the one with the earliest activation time; delays can make an alarm that is
// processed later the earlier one, and then it takes the marker over.
void AlarmEngine::firstOut(int index, TimestampMs t)
{
    const AlarmDef &a = m_model->alarms[static_cast<std::size_t>(index)];
    AlarmStatus &st = m_status[static_cast<std::size_t>(index)];
    st.firstOut = false;
    if (a.machine < 0 || a.machine >= static_cast<int>(m_bursts.size()))
        return;
    Burst &b = m_bursts[static_cast<std::size_t>(a.machine)];
    const bool newBurst = b.first < 0 || b.last == std::numeric_limits<TimestampMs>::min()
        || t - b.last > m_options.firstOutWindowMs;
    if (newBurst || t < b.firstT) {
        if (!newBurst && b.first >= 0)
            m_status[static_cast<std::size_t>(b.first)].firstOut = false;
        b.first = index;
        b.firstT = t;
        st.firstOut = true;
    }
    b.last = newBurst ? t : std::max(b.last, t);
}

void AlarmEngine::annunciated(TimestampMs t)
{
    m_recent.push_back(t);
    updateFlood(t);
}

void AlarmEngine::updateFlood(TimestampMs now)
{
    // Window (now - window, now]: an annunciation leaves it exactly `window` after it came.
    while (!m_recent.empty() && m_recent.front() <= now - m_options.floodWindowMs)
        m_recent.pop_front();
    const int n = static_cast<int>(m_recent.size());
    if (!m_flood && n >= m_options.floodStartAlarms) {
        m_flood = true;
        m_floodSince = now;
    } else if (m_flood && n < m_options.floodEndAlarms) {
        m_flood = false;
    }
}

void AlarmEngine::tick()
{
    const TimestampMs now = m_clock.now();
    for (std::size_t i = 0; i < m_status.size(); ++i) {
        const int index = static_cast<int>(i);
        checkDelays(index, now);
        if (m_status[i].state == AlarmState::Shelved && now >= m_status[i].shelvedUntil)
            apply(index, AlarmAction::ShelveExpire, now, {}, {}, nullptr);
    }
    updateFlood(now);
}

bool AlarmEngine::userAction(const QString &id, AlarmAction action, const QString &user,
    const QString &comment, QString *why, TimestampMs shelvedUntil)
{
    const int index = indexOf(id);
    if (index < 0) {
        if (why)
            *why = tr("unknown alarm %1").arg(id);
        return false;
    }
    if (user.trimmed().isEmpty()) {
        if (why)
            *why = tr("an operator action needs a user name");
        return false;
    }
    return apply(index, action, m_clock.now(), user, comment, why, shelvedUntil);
}

bool AlarmEngine::acknowledge(
    const QString &id, const QString &user, const QString &comment, QString *why)
{
    return userAction(id, AlarmAction::Acknowledge, user, comment, why);
}

bool AlarmEngine::shelve(const QString &id, TimestampMs durationMs, const QString &reason,
    const QString &user, QString *why)
{
    if (durationMs <= 0 || durationMs > m_options.maxShelveMs) {
        if (why)
            *why = tr("a shelve lasts from 1 ms to %1 h")
                       .arg(static_cast<double>(m_options.maxShelveMs) / 3'600'000.0);
        return false;
    }
    if (reason.trimmed().isEmpty()) {
        if (why)
            *why = tr("shelving needs a reason");
        return false;
    }
    return userAction(
        id, AlarmAction::Shelve, user, reason.trimmed(), why, m_clock.now() + durationMs);
}

bool AlarmEngine::unshelve(const QString &id, const QString &user, QString *why)
{
    return userAction(id, AlarmAction::Unshelve, user, {}, why);
}

bool AlarmEngine::removeFromService(
    const QString &id, const QString &user, const QString &comment, QString *why)
{
    return userAction(id, AlarmAction::RemoveFromService, user, comment, why);
}

bool AlarmEngine::returnToService(const QString &id, const QString &user, QString *why)
{
    return userAction(id, AlarmAction::ReturnToService, user, {}, why);
}

bool AlarmEngine::addComment(
    const QString &id, const QString &user, const QString &text, QString *why)
{
    if (text.trimmed().isEmpty()) {
        if (why)
            *why = tr("the comment is empty");
        return false;
    }
    return userAction(id, AlarmAction::Comment, user, text.trimmed(), why);
}

bool AlarmEngine::setExternalCondition(const QString &id, bool active, TimestampMs t,
    double value, const QString &message, QString *why)
{
    const int index = indexOf(id);
    if (index < 0 || !m_model->alarms[static_cast<std::size_t>(index)].external) {
        if (why)
            *why = tr("%1 is not an externally driven alarm").arg(id);
        return false;
    }
    AlarmStatus &st = m_status[static_cast<std::size_t>(index)];
    Runtime &r = m_runtime[static_cast<std::size_t>(index)];
    st.value = value;
    st.quality = Quality::Good;
    if (active)
        r.externalMessage = message;
    r.raw = active;
    r.rawKnown = true;
    if (st.conditionActive != active) {
        r.rawSince = t;
        setCondition(index, active, t);
    }
    return true;
}

void AlarmEngine::restore(const std::vector<AlarmEvent> &journal)
{
    const TimestampMs now = m_clock.now();
    for (const AlarmEvent &e : journal) {
        const int index = indexOf(e.alarmId);
        if (index < 0)
            continue;
        AlarmStatus &st = m_status[static_cast<std::size_t>(index)];
        Runtime &r = m_runtime[static_cast<std::size_t>(index)];
        if (e.to != e.from)
            st.lastChangeMs = e.t;
        const bool annunciation
            = e.to == AlarmState::UnackActive && e.from != AlarmState::UnackActive;
        if (annunciation) {
            st.activeSinceMs = e.t;
            if (now - e.t < m_options.floodWindowMs)
                m_recent.push_back(e.t);
            const AlarmDef &a = m_model->alarms[static_cast<std::size_t>(index)];
            if (e.action == AlarmAction::Activate && a.machine >= 0
                && a.machine < static_cast<int>(m_bursts.size())) {
                Burst &b = m_bursts[static_cast<std::size_t>(a.machine)];
                if (b.last == std::numeric_limits<TimestampMs>::min() || e.t > b.last)
                    b.last = e.t;
                if (e.firstOut) {
                    b.first = index;
                    b.firstT = e.t;
                }
            }
        }
        st.state = e.to;
        st.conditionActive = e.conditionActive;
        st.suppressedByState = e.suppressedByState;
        st.firstOut = e.firstOut;
        st.shelvedUntil = e.to == AlarmState::Shelved ? e.shelvedUntil : 0;
        if (e.action == AlarmAction::Shelve)
            st.shelveReason = e.comment;
        else if (e.to != AlarmState::Shelved)
            st.shelveReason.clear();
        if (!e.comment.isEmpty())
            st.lastComment = e.comment;
        if (!e.message.isEmpty())
            st.message = e.message;
        st.value = e.value;
        r.raw = e.conditionActive;
        r.rawSince = e.t;
        r.rawKnown = true;
        r.history.clear();
    }
    std::sort(m_recent.begin(), m_recent.end());
    updateFlood(now);
}

} // namespace andon::analytics
