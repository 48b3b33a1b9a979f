// Runs the ISA-18.2 alarm engine (analytics/alarm_engine.h) on Andon's ingest path and keeps
// its journal: every transition goes to the historian's event journal (category "alarm",
// docs/alarms.md "Journal") from a small writer thread, and on attachHistorian() each alarm's
// last state is restored from it, so an alarm active and unacknowledged before a restart is
// still so after. Operator actions (acknowledge, shelve, ...) name their user. Owned by Engine;
// lives on the GUI thread (signals, 1 Hz tick); ingest() may be called from any thread.
#pragma once

#include "analytics/alarm_engine.h"
#include "core/clock.h"
#include "core/alarm_settings.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace andon::storage {
class Historian;
struct Event;
} // namespace andon::storage

namespace andon {

// What AlarmService::updateSettings did.
struct AlarmSettingsOutcome
{
    QStringList alarmIds; // every alarm changed (all alarms of the configuration entry)
    QString change;       // "limit 90 → 95 °C; on_delay 5 s → 10 s"
    bool saved = false;   // written into the configuration file
    QString configFile;   // the file (saved or not)
    int configLine = 0;   // the entry's line in it after saving
    QString saveError;    // why it was not saved, in words
};

class AlarmService : public QObject
{
    Q_OBJECT
public:
    // `clock` must outlive the service (tests pass a ManualClock).
    explicit AlarmService(std::shared_ptr<const PlantModel> model,
        const Clock &clock = SystemClock::instance(), analytics::AlarmEngineOptions options = {},
        QObject *parent = nullptr);
    ~AlarmService() override; // writes what is queued, stops the writer

    // Restores every alarm's last state from `historian`'s journal and records every
    // transition there from now on. Null: no journal (operator actions are then refused).
    void attachHistorian(storage::Historian *historian);
    storage::Historian *historian() const { return m_historian; }
    const PlantModel &model() const { return *m_model; }

    // The ingest path (any thread): cheap for samples of tags without alarms.
    void ingest(const SampleBatch &batch);
    // Delays and shelve expiry; the service's own timer calls it every `intervalMs`
    // (0 = no timer: tests call tick() themselves).
    void tick();
    void setTickInterval(int intervalMs);

    // Operator actions, recorded with `user`. False and *why when refused (state machine,
    // no historian to record them in).
    bool acknowledge(const QString &id, const QString &user, const QString &comment = {},
        QString *why = nullptr);
    // Acknowledges every listed alarm that can be; returns how many were.
    int acknowledgeAll(const QStringList &ids, const QString &user, QString *why = nullptr);
    bool shelve(const QString &id, TimestampMs durationMs, const QString &reason,
        const QString &user, QString *why = nullptr);
    bool unshelve(const QString &id, const QString &user, QString *why = nullptr);
    bool removeFromService(
        const QString &id, const QString &user, const QString &comment, QString *why = nullptr);
    bool returnToService(const QString &id, const QString &user, QString *why = nullptr);
    bool addComment(
        const QString &id, const QString &user, const QString &text, QString *why = nullptr);

    // Drives an external alarm (AlarmDef::external: the SPC violation alarms, SpcService) from
    // any thread; see AlarmEngine::setExternalCondition. Transitions are journaled as usual.
    bool setExternalCondition(const QString &id, bool active, TimestampMs t, double value,
        const QString &message, QString *why = nullptr);

    // Run-time change of an alarm's limit, setpoint, deadband, delays or priority
    // (docs/alarms.md "Changing limits and delays at run time"). Refused (false, *why) without
    // a historian (nothing to audit into), when the signed-in role (core/current_user.h
    // currentRole()) may not take Action::EditAlarmSettings, without a reason, or when
    // applyAlarmSettings (core/alarm_settings.h) refuses the values. The change applies to
    // every alarm of the same configuration entry (`machines:`) at once, under the engine's
    // lock; each alarm's next sample is evaluated with it. It is written into the
    // configuration file (configFile()) with ConfigWriter::setAlarmFields; a file that cannot be
    // written does not stop it: it holds for this run and the audit says "not saved to the
    // configuration". Audited synchronously: one "audit"/"alarm.settings" entry per alarm.
    bool updateSettings(const QString &id, const AlarmSettingsChange &change, const QString &user,
        const QString &reason, QString *why = nullptr, AlarmSettingsOutcome *outcome = nullptr);
    // The definitions in force, with the run-time changes (never null).
    std::shared_ptr<const PlantModel> runningModel() const;
    std::optional<AlarmDef> definition(const QString &id) const;
    // Where updateSettings saves changes; default: the model's sourceFile ("" = nowhere).
    void setConfigFile(const QString &path);
    QString configFile() const;

    std::vector<analytics::AlarmStatus> snapshot() const;
    std::optional<analytics::AlarmStatus> status(const QString &id) const;
    bool flood() const;
    analytics::AlarmEngineOptions options() const { return m_options; }

    // Queues any other event (e.g. category "system") for the same journal writer: never
    // blocks the caller. Dropped when no historian is attached.
    void journal(const storage::Event &event);

    // Blocks until every transition recorded so far is committed to the journal.
    void flush();
    std::uint64_t journalErrors() const { return m_journalErrors.load(); }

    // Journal mapping (docs/alarms.md "Journal").
    static storage::Event toJournal(const analytics::AlarmEvent &event);
    static std::optional<analytics::AlarmEvent> fromJournal(const storage::Event &event);
    // Alarm transitions in [from, to] from `historian`, oldest first.
    static std::vector<analytics::AlarmEvent> readJournal(const storage::Historian &historian,
        TimestampMs from = std::numeric_limits<TimestampMs>::min(),
        TimestampMs to = std::numeric_limits<TimestampMs>::max());

signals:
    void alarmsChanged(); // coalesced, queued to this object's thread
    void annunciated(int priority); // the most urgent new annunciation since the last signal

private:
    bool operatorAction(QString *why, const std::function<bool(analytics::AlarmEngine &)> &f);
    void publish(std::vector<analytics::AlarmEvent> &&events);
    void writerLoop();

    std::shared_ptr<const PlantModel> m_model;
    analytics::AlarmEngineOptions m_options;
    const Clock &m_clock;
    QString m_configFile; // guarded by m_mutex
    mutable std::mutex m_mutex; // guards m_engine
    analytics::AlarmEngine m_engine;
    std::vector<bool> m_hasAlarms; // per TagId: any alarm or suppression looks at it
    storage::Historian *m_historian = nullptr;
    QTimer m_tickTimer;

    std::mutex m_queueMutex;
    std::condition_variable m_queueCv;
    std::deque<storage::Event> m_queue;
    bool m_writing = false;
    bool m_stopping = false;
    std::thread m_writer;
    std::atomic<std::uint64_t> m_journalErrors { 0 };

    std::atomic<bool> m_notifyPending { false };
    std::atomic<int> m_pendingPriority { 5 };
};

} // namespace andon
