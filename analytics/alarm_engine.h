// The ISA-18.2 alarm engine: evaluates samples against the plant's alarm definitions
// (core/alarm_def.h) and runs each alarm's state machine (ANSI/ISA-18.2-2016 §11 "alarm
// states", figure "alarm state transition diagram"). Pure: QtCore only, no I/O, time from the
// samples and from a Clock passed in. The owner (engine/AlarmService) takes the transition
// records with takeEvents() and writes them to the historian's event journal, and gives the
// journal back to restore() on start-up. Not thread-safe: the owner serialises the calls.
#pragma once

#include "core/clock.h"
#include "core/plant_model.h"
#include "core/sample.h"

#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <vector>

#include <QString>
#include <QStringList>

namespace andon::analytics {

// ISA-18.2-2016 §11.3 states (the latched state is not used). The names are stored in the
// event journal: never rename.
enum class AlarmState : std::uint8_t {
    Normal, // A: condition normal, acknowledged
    UnackActive, // B: condition active, not acknowledged (annunciated)
    AckActive, // C: condition active, acknowledged
    ReturnedUnack, // D: condition normal again, not yet acknowledged
    Shelved, // E: temporarily taken out of annunciation by the operator, with a timeout
    Suppressed, // F: suppressed by design (the machine is in a listed state)
    OutOfService, // G: removed from service (maintenance), no timeout
};
QString alarmStateName(AlarmState s); // "normal", "unack_active", ...: journal vocabulary
bool parseAlarmState(const QString &name, AlarmState *out);
QString alarmStateText(AlarmState s); // for operators, translated
// Active states the operator still has to act on or see: B, C, D.
bool alarmStateIsAnnunciated(AlarmState s);

// What drives a transition. Process actions come from the samples and the clock; the
// operator's come through the owner's API with a user name.
enum class AlarmAction : std::uint8_t {
    Activate, // process: the condition (after the on-delay) became active
    Clear, // process: the condition (after the off-delay) returned to normal
    Acknowledge, // operator
    Shelve, // operator, with a duration and a reason
    Unshelve, // operator
    ShelveExpire, // process: the shelve timed out
    Suppress, // process: the machine entered a suppressing state
    Unsuppress, // process: ... and left it
    RemoveFromService, // operator (maintenance)
    ReturnToService, // operator
    Comment, // operator: a note; not a state change, journaled with from == to
};
QString alarmActionName(AlarmAction a); // "activate", "acknowledge", ...: journal vocabulary
bool parseAlarmAction(const QString &name, AlarmAction *out);
inline constexpr int kAlarmActionCount = 11;

struct AlarmTransition
{
    bool ok = false;
    AlarmState to = AlarmState::Normal;
    QString reason; // why it was refused (ok == false), in words
};

// The state machine itself, as a pure function. `conditionActive` and `suppressedByState`
// decide where an alarm goes when it leaves shelved, suppressed or out of service (back to
// unacknowledged active when its condition is present: ISA-18.2 §11.3.2, an unshelved alarm
// whose condition is active annunciates again).
AlarmTransition alarmTransition(
    AlarmState from, AlarmAction action, bool conditionActive, bool suppressedByState);

// One transition (or comment) as the journal stores it.
struct AlarmEvent
{
    TimestampMs t = 0;
    QString alarmId;
    AlarmAction action = AlarmAction::Activate;
    AlarmState from = AlarmState::Normal;
    AlarmState to = AlarmState::Normal;
    double value = std::numeric_limits<double>::quiet_NaN(); // the tag's value at the time
    double limit = std::numeric_limits<double>::quiet_NaN(); // NaN for discrete/bad quality
    QString user; // "" = Andon itself (process actions)
    QString comment; // operator's comment, or the shelve reason
    QString message; // the alarm's text with its placeholders filled in
    int priority = 3;
    bool conditionActive = false; // after the transition (restart restores it)
    bool suppressedByState = false;
    bool firstOut = false;
    TimestampMs shelvedUntil = 0; // Shelve: when it expires
};

// Live status of one alarm (AlarmEngine::snapshot()).
struct AlarmStatus
{
    int index = -1; // into PlantModel::alarms
    AlarmState state = AlarmState::Normal;
    bool conditionActive = false; // after delays
    bool suppressedByState = false;
    bool firstOut = false; // first alarm of its machine's burst
    double value = std::numeric_limits<double>::quiet_NaN(); // last evaluated value
    Quality quality = Quality::Good;
    TimestampMs lastChangeMs = 0; // last state transition
    TimestampMs activeSinceMs = 0; // last activation (0 = never / unknown)
    TimestampMs shelvedUntil = 0;
    QString shelveReason;
    QString lastComment;
    QString message; // text at the last activation
};

// ISA-18.2-2016 §16 (alarm performance monitoring) and EEMUA 191 Ed. 3: an alarm flood starts
// when one operator position gets 10 or more annunciated alarms in 10 minutes and ends when
// the rate falls below 5 per 10 minutes. Chattering: 3 or more activations of one alarm in
// 1 minute (ISA-TR18.2.5). Stale: continuously active for more than 24 hours.
inline constexpr int kFloodStartAlarms = 10;
inline constexpr int kFloodEndAlarms = 5;
inline constexpr TimestampMs kFloodWindowMs = 10 * 60'000;
inline constexpr int kChatterActivations = 3;
inline constexpr TimestampMs kChatterWindowMs = 60'000;
inline constexpr TimestampMs kStaleAfterMs = 24 * 3'600'000LL;

struct AlarmEngineOptions
{
    // First-out: an activation on a machine with no other activation on it in the preceding
    // window starts a burst and is marked first-out.
    TimestampMs firstOutWindowMs = 10'000;
    int floodStartAlarms = kFloodStartAlarms;
    int floodEndAlarms = kFloodEndAlarms;
    TimestampMs floodWindowMs = kFloodWindowMs;
    // ISA-18.2 §10.4.1: shelving is time-limited; longer requests are refused.
    TimestampMs maxShelveMs = 24 * 3'600'000LL;
};

class AlarmEngine
{
public:
    // The engine keeps `clock` by reference: it must outlive the engine.
    AlarmEngine(std::shared_ptr<const PlantModel> model, const Clock &clock,
        AlarmEngineOptions options = {});

    const PlantModel &model() const { return *m_model; }
    std::shared_ptr<const PlantModel> modelPtr() const { return m_model; }
    const AlarmEngineOptions &options() const { return m_options; }
    // Run-time settings (AlarmService::updateSettings): `model` is a copy of model() whose
    // alarms differ only in limit, setpoint, deadband, delays and priority. States stay as
    // they are; the next sample (or tick, for delays) is evaluated with the new settings, so a
    // change never clears an unacknowledged alarm by itself (ISA-18.2 §11: B goes to D).
    void replaceSettings(std::shared_ptr<const PlantModel> model) { m_model = std::move(model); }

    // Evaluates a batch in order. Cheap for tags without alarms (one index lookup).
    void process(const SampleBatch &batch);
    // Delays and shelve expiry at clock.now(); flood end. Call about once a second.
    void tick();

    // Operator actions at clock.now(). False (and *why) when the state machine refuses.
    bool acknowledge(
        const QString &id, const QString &user, const QString &comment, QString *why = nullptr);
    bool shelve(const QString &id, TimestampMs durationMs, const QString &reason,
        const QString &user, QString *why = nullptr);
    bool unshelve(const QString &id, const QString &user, QString *why = nullptr);
    bool removeFromService(
        const QString &id, const QString &user, const QString &comment, QString *why = nullptr);
    bool returnToService(const QString &id, const QString &user, QString *why = nullptr);
    bool addComment(
        const QString &id, const QString &user, const QString &text, QString *why = nullptr);

    // Drives an external alarm (AlarmDef::external, e.g. an SPC violation alarm) at time `t`:
    // its condition becomes `active` at once (no delays), `value` is recorded and `message`
    // replaces the configured text when it annunciates. False (and *why) for an unknown or
    // non-external alarm. A condition that does not change makes no transition.
    bool setExternalCondition(const QString &id, bool active, TimestampMs t, double value,
        const QString &message, QString *why = nullptr);

    // Restores each alarm's last state from journal records (any order of alarms, oldest
    // first per alarm); alarms the configuration no longer has are ignored. Produces no events.
    void restore(const std::vector<AlarmEvent> &journal);

    // Transition records since the last call, in order.
    std::vector<AlarmEvent> takeEvents();
    bool hasEvents() const { return !m_events.empty(); }

    std::vector<AlarmStatus> snapshot() const;
    const AlarmStatus *status(const QString &id) const;
    int indexOf(const QString &id) const;
    bool flood() const { return m_flood; }
    TimestampMs floodSinceMs() const { return m_floodSince; }
    int annunciationsInWindow() const { return static_cast<int>(m_recent.size()); }

private:
    struct Runtime
    {
        bool raw = false; // condition before delays
        TimestampMs rawSince = 0;
        bool rawKnown = false;
        std::deque<std::pair<TimestampMs, double>> history; // rate of change
        QString externalMessage; // external alarms: the text of the current condition
    };

    void evaluate(int index, const Sample &s);
    bool rawCondition(int index, const Sample &s, bool *known);
    void checkDelays(int index, TimestampMs now);
    void setCondition(int index, bool active, TimestampMs t);
    void updateSuppression(int index, bool suppressed, TimestampMs t);
    bool apply(int index, AlarmAction action, TimestampMs t, const QString &user,
        const QString &comment, QString *why, TimestampMs shelvedUntil = 0);
    void annunciated(TimestampMs t);
    void updateFlood(TimestampMs now);
    bool userAction(const QString &id, AlarmAction action, const QString &user,
        const QString &comment, QString *why, TimestampMs shelvedUntil = 0);

    std::shared_ptr<const PlantModel> m_model;
    const Clock &m_clock;
    AlarmEngineOptions m_options;
    std::vector<AlarmStatus> m_status;
    std::vector<Runtime> m_runtime;
    std::vector<std::vector<int>> m_byTag; // TagId -> alarms evaluating it
    std::vector<std::vector<int>> m_byStateTag; // TagId -> alarms suppressed by its states
    QHash<QString, int> m_byId;
    struct Burst
    {
        TimestampMs last = std::numeric_limits<TimestampMs>::min(); // latest activation
        TimestampMs firstT = 0; // the first-out alarm's activation time
        int first = -1; // the first-out alarm
    };
    void firstOut(int index, TimestampMs t);
    std::vector<Burst> m_bursts; // per machine
    std::deque<TimestampMs> m_recent; // annunciations in the flood window
    bool m_flood = false;
    TimestampMs m_floodSince = 0;
    std::vector<AlarmEvent> m_events;
};

} // namespace andon::analytics
