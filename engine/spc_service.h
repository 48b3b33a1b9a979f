// Live SPC watch: periodically evaluates every configured quality characteristic (tags with
// `spec:`) against its frozen limits (SpcLimitsStore) and writes each new rule violation once
// to the event journal (category "spc", kind "violation"). Characteristics without frozen limits
// are not journaled: trial limits move with the data, so an out-of-control signal against them
// is shown on the SPC page but is not an auditable event. Owned by main() (andon); evaluates on
// its own thread, at most once a minute, over the current and previous shift only.
// A characteristic with `spec: alarm:` also drives its SPC violation alarm through AlarmService
// (active while the latest subgroup of the product running violates one of the listed rules
// against frozen limits; docs/spc.md "Violation alarm").
#pragma once

#include "core/clock.h"
#include "engine/periodic_worker.h"
#include "engine/spc_analysis.h"

#include <QObject>
#include <QSet>

#include <memory>
#include <mutex>

namespace andon::storage {
class Historian;
}

namespace andon {

class AlarmService;

class SpcService : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kViolationKind = "violation";
    // The evaluated window reaches this far back (aligned to a shift start), so run rules see
    // enough history and a restart does not miss what happened while Andon was closed.
    static constexpr TimestampMs kLookbackMs = 8 * 3600'000;
    static constexpr int kDefaultIntervalMs = 60'000;

    SpcService(std::shared_ptr<const PlantModel> model, storage::Historian *historian,
        SpcSettings settings = {}, QObject *parent = nullptr);
    ~SpcService() override;

    // Evaluates every characteristic up to `nowMs` and journals violations not journaled
    // before (also across restarts: the journal is consulted once per characteristic).
    // Returns how many were written. Thread-safe; one evaluation at a time.
    int evaluate(TimestampMs nowMs);
    // Starts evaluating every `intervalMs` on a thread of its own (no-op without a historian
    // or without characteristics).
    void start(const Clock *clock, int intervalMs = kDefaultIntervalMs);
    // The alarm service the violation alarms go to (null: none; set before start()).
    void setAlarmService(AlarmService *alarms) { m_alarms = alarms; }
    void stop();

    const std::vector<SpcCharacteristic> &characteristics() const { return m_characteristics; }

    // Identity of a violation in the journal: characteristic, product, rule and the time of the
    // subgroup that completes the pattern.
    static QString violationKey(const QString &characteristic, const QString &product,
        const QString &rule, TimestampMs pointMs);

signals:
    void violationsWritten(int count);

private:
    void loadJournaled(const SpcCharacteristic &c, TimestampMs fromMs);
    void updateAlarm(const SpcCharacteristic &c, const SpcAnalysis &a);

    std::shared_ptr<const PlantModel> m_model;
    storage::Historian *m_historian;
    AlarmService *m_alarms = nullptr;
    SpcSettings m_settings;
    std::vector<SpcCharacteristic> m_characteristics;
    std::mutex m_mutex;
    QSet<QString> m_journaled;
    QSet<QString> m_loaded; // characteristics whose journal entries were read
    PeriodicWorker m_worker; // the thread start() runs rounds on
};

} // namespace andon
