#include "engine/trend_loader.h"

#include "core/tag_store.h"
#include "storage/historian.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMetaObject>

#include <algorithm>

Q_LOGGING_CATEGORY(lcTrend, "andon.trend")

namespace andon {

namespace {

constexpr TimestampMs kMinuteMs = 60'000;
constexpr TimestampMs kHourMs = 3'600'000;
// A plot is never wider than a 4K screen; more buckets than this is a caller's mistake.
constexpr int kMaxBuckets = 8192;

TimestampMs floorTo(TimestampMs t, TimestampMs period)
{
    TimestampMs r = t % period;
    if (r < 0)
        r += period;
    return t - r;
}

analytics::TrendResolution resolutionOf(storage::RangeResult::Source s)
{
    switch (s) {
    case storage::RangeResult::Source::Raw: return analytics::TrendResolution::Raw;
    case storage::RangeResult::Source::Minute: return analytics::TrendResolution::Minute;
    case storage::RangeResult::Source::Hour: return analytics::TrendResolution::Hour;
    }
    return analytics::TrendResolution::Raw;
}

// The historian's bucket of a range result on the grid of `series` (storage/historian.h:
// raw samples fall in the slice of their time, a rollup in the slice of its start).
TimestampMs bucketStart(const storage::Bucket &b, const analytics::TrendSeries &series,
                        int maxBuckets)
{
    TimestampMs t = b.t_first;
    if (b.count > 0 && series.resolution != analytics::TrendResolution::Raw)
        t = floorTo(t, series.resolution == analytics::TrendResolution::Minute ? kMinuteMs
                                                                                : kHourMs);
    const TimestampMs k = t <= series.from
            ? 0
            : std::min<TimestampMs>((t - series.from) / series.bucketMs, maxBuckets - 1);
    return series.from + k * series.bucketMs;
}

} // namespace

TrendLoader::TrendLoader(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("andon-trend-loader"));
}

TrendLoader::~TrendLoader()
{
    cancel();
    m_pool.waitForDone();
}

void TrendLoader::setSources(const storage::Historian *historian, const TagStore *store,
                             std::shared_ptr<const PlantModel> model)
{
    cancel();
    m_pool.waitForDone();
    m_historian = historian;
    m_store = store;
    m_model = std::move(model);
}

std::uint64_t TrendLoader::request(const TrendRequest &request)
{
    const std::uint64_t gen = ++m_generation;
    bool start = false;
    {
        std::lock_guard lk(m_mutex);
        m_pending = std::make_pair(gen, request);
        if (!m_workerRunning) {
            m_workerRunning = true;
            start = true;
        }
    }
    if (!m_busy) {
        m_busy = true;
        emit busyChanged(true);
    }
    if (start)
        m_pool.start([this] { runWorker(); });
    return gen;
}

void TrendLoader::cancel()
{
    ++m_generation;
    {
        std::lock_guard lk(m_mutex);
        m_pending.reset();
    }
    if (m_busy) {
        m_busy = false;
        emit busyChanged(false);
    }
}

void TrendLoader::waitForIdle()
{
    m_pool.waitForDone();
}

void TrendLoader::runWorker()
{
    // Bounded: each pass takes the newest pending request; requests made meanwhile replace
    // each other, so the loop ends once the caller stops asking.
    for (;;) {
        std::pair<std::uint64_t, TrendRequest> job;
        {
            std::lock_guard lk(m_mutex);
            if (!m_pending) {
                m_workerRunning = false;
                return;
            }
            job = std::move(*m_pending);
            m_pending.reset();
        }
        const std::uint64_t gen = job.first;
        TrendLoadResult result = load(job.second, m_historian, m_store, m_model.get(),
                                      [this, gen] { return m_generation.load() != gen; });
        result.generation = gen;
        if (m_generation.load() != gen)
            continue; // superseded: nobody wants it
        QMetaObject::invokeMethod(
            this, [this, r = std::move(result)]() mutable { deliver(std::move(r)); },
            Qt::QueuedConnection);
    }
}

void TrendLoader::deliver(TrendLoadResult result)
{
    if (result.generation != m_generation.load())
        return; // a newer request (or cancel) came after this one started
    if (m_busy) {
        m_busy = false;
        emit busyChanged(false);
    }
    emit loaded(result);
}

TrendLoadResult TrendLoader::load(const TrendRequest &request,
                                  const storage::Historian *historian, const TagStore *store,
                                  const PlantModel *model,
                                  const std::function<bool()> &cancelled)
{
    TrendLoadResult result;
    result.request = request;
    const int maxBuckets = std::clamp(request.maxBuckets, 1, kMaxBuckets);
    const TimestampMs width = analytics::trendBucketWidth(request.from, request.to, maxBuckets);
    result.series.reserve(std::size_t(request.paths.size()));
    for (const QString &path : request.paths) {
        analytics::TrendSeries series;
        series.path = path;
        series.from = request.from;
        series.to = request.to;
        series.bucketMs = width;
        if (cancelled && cancelled()) {
            series.error = QCoreApplication::translate("andon::TrendLoader", "cancelled");
            result.series.push_back(std::move(series));
            continue;
        }
        if (request.to < request.from) {
            result.series.push_back(std::move(series));
            continue;
        }
        bool known = false;
        if (historian && historian->tagDbId(path) >= 0) {
            known = true;
            const storage::RangeResult range =
                historian->range(path, request.from, request.to, maxBuckets);
            series.resolution = resolutionOf(range.source);
            series.buckets.reserve(range.buckets.size());
            for (const storage::Bucket &b : range.buckets) {
                analytics::TrendBucket t;
                t.start = bucketStart(b, series, maxBuckets);
                t.tFirst = b.t_first;
                t.tLast = b.t_last;
                t.tMin = b.t_min;
                t.tMax = b.t_max;
                t.min = b.min;
                t.max = b.max;
                t.first = b.first;
                t.last = b.last;
                t.avg = b.avg;
                t.count = b.count;
                t.worst = b.worstQuality;
                t.hasSamples = true;
                series.historianLastMs = std::max(series.historianLastMs,
                                                  b.count > 0 ? b.t_last : t.start);
                series.buckets.push_back(t);
            }
        }
        const TagId tag = model ? model->tagIdByPath(path) : kInvalidTag;
        if (request.mergeLive && store && tag != kInvalidTag && tag < store->tagCount()) {
            known = true;
            // Only what the historian has not answered: newer than its last sample.
            const TimestampMs since = series.historianLastMs == std::numeric_limits<TimestampMs>::min()
                    ? request.from
                    : std::max(request.from, series.historianLastMs + 1);
            for (const Sample &s : store->recent(tag, since)) {
                if (s.t_ms > request.to)
                    break;
                series.addSample(s.t_ms, s.value, s.q);
                ++series.liveSamples;
            }
        }
        if (!known) {
            series.error = QCoreApplication::translate("andon::TrendLoader",
                                                       "no history for %1").arg(path);
            qCDebug(lcTrend) << "trend pen without data source:" << path;
        }
        result.series.push_back(std::move(series));
    }
    return result;
}

} // namespace andon
