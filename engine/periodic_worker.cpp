#include "engine/periodic_worker.h"

#include <QThread>
#include <QTimer>

namespace andon {

PeriodicWorker::PeriodicWorker() = default;

PeriodicWorker::~PeriodicWorker()
{
    stop();
}

void PeriodicWorker::start(
    const QString &threadName, int intervalMs, std::function<void()> work, Qt::TimerType timerType)
{
    if (m_thread)
        return;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(threadName);
    m_timer = new QTimer;
    m_timer->setTimerType(timerType);
    m_timer->setInterval(intervalMs);
    m_timer->moveToThread(m_thread.get());
    QTimer *timer = m_timer;
    QObject::connect(timer, &QTimer::timeout, timer, work);
    QObject::connect(m_thread.get(), &QThread::started, timer, [timer, work] {
        timer->start();
        work();
    });
    QObject::connect(m_thread.get(), &QThread::finished, timer, &QObject::deleteLater);
    m_thread->start();
}

void PeriodicWorker::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_timer = nullptr; // deleted by deleteLater when the thread finished
}

} // namespace andon
