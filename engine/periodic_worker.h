// A timer on a thread of its own: the background loop of KpiPublisher and SpcService. start()
// runs `work` once as soon as the thread is up and then every interval on that thread; stop()
// (also the destructor) ends the thread and waits for a round in progress to finish.
#pragma once

#include <Qt>

#include <QString>

#include <functional>
#include <memory>

class QThread;
class QTimer;

namespace andon {

class PeriodicWorker
{
public:
    PeriodicWorker();
    ~PeriodicWorker();
    PeriodicWorker(const PeriodicWorker &) = delete;
    PeriodicWorker &operator=(const PeriodicWorker &) = delete;

    // No-op while running. `threadName` names the thread (seen in debuggers and crash dumps).
    void start(const QString &threadName, int intervalMs, std::function<void()> work,
        Qt::TimerType timerType = Qt::CoarseTimer);
    void stop();
    bool running() const { return m_thread != nullptr; }

private:
    std::unique_ptr<QThread> m_thread;
    QTimer *m_timer = nullptr; // lives on m_thread; deleted when the thread finishes
};

} // namespace andon
