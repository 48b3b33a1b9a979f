// Loads the pens of a trend off the GUI thread: one decimated historian range query per pen
// (about one bucket per pixel column) plus the TagStore ring buffer for the live edge (samples
// newer than the historian's last committed one), delivered to the loader's thread by the
// `loaded` signal. A new request supersedes the previous one: results of older requests are
// dropped (generation counter), and at most one load runs while one more waits.
// Owned by the Trends page (GUI thread); the historian/TagStore it reads must outlive it, or
// be replaced through setSources(), which waits for a running load.
#pragma once

#include "analytics/trend_series.h"
#include "core/plant_model.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace andon::storage {
class Historian;
}

namespace andon {

class TagStore;

struct TrendRequest
{
    QStringList paths;         // ISA-95 tag paths, one pen each
    TimestampMs from = 0;      // inclusive, UTC ms
    TimestampMs to = 0;        // inclusive
    int maxBuckets = 1000;     // about the plot width in pixels
    bool mergeLive = true;     // add TagStore ring samples newer than the historian's last
};

struct TrendLoadResult
{
    std::uint64_t generation = 0;
    TrendRequest request;
    std::vector<analytics::TrendSeries> series; // one per request path, same order
};

class TrendLoader : public QObject
{
    Q_OBJECT
public:
    explicit TrendLoader(QObject *parent = nullptr);
    ~TrendLoader() override; // drops pending work and waits for a running load

    // What the loads read. historian may be null (live only), store/model may be null
    // (an offline cache file). Waits for a running load before switching.
    void setSources(const storage::Historian *historian, const TagStore *store,
                    std::shared_ptr<const PlantModel> model);
    const storage::Historian *historian() const { return m_historian; }

    // Starts loading `request` in the background and returns its generation; any older
    // request that has not delivered yet never will.
    std::uint64_t request(const TrendRequest &request);
    void cancel(); // drops every request made so far
    bool isBusy() const { return m_busy; }
    std::uint64_t generation() const { return m_generation.load(); }
    // Blocks until no load is running (tests and shutdown).
    void waitForIdle();

    // The load itself, synchronous (the worker's body; also for tests and exports).
    // `cancelled` is polled between pens; a cancelled load returns what it had.
    static TrendLoadResult load(const TrendRequest &request, const storage::Historian *historian,
                                const TagStore *store, const PlantModel *model,
                                const std::function<bool()> &cancelled = {});

signals:
    void loaded(const andon::TrendLoadResult &result);
    void busyChanged(bool busy);

private:
    void runWorker();
    void deliver(TrendLoadResult result);

    QThreadPool m_pool; // one thread: loads never pile up
    const storage::Historian *m_historian = nullptr;
    const TagStore *m_store = nullptr;
    std::shared_ptr<const PlantModel> m_model;
    std::atomic<std::uint64_t> m_generation{0};
    std::mutex m_mutex; // guards m_pending, m_workerRunning
    std::optional<std::pair<std::uint64_t, TrendRequest>> m_pending;
    bool m_workerRunning = false;
    bool m_busy = false; // GUI-thread view: a request has not delivered yet
};

} // namespace andon

Q_DECLARE_METATYPE(andon::TrendLoadResult)
