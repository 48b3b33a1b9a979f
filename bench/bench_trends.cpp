// bench_trends: issue 9's trend benchmarks, each against a peer in the same run.
//  (a) 30 days x 8 pens of 1 s data from the historian to a drawn trend: the Trends page's path
//      (TrendLoader::load = one decimated range() per pen, TrendPlot::setPenData, one replot)
//      against loading every raw sample into plain QCustomPlot graphs.
//  (b) a live trend, 8 pens, 10 Hz refresh while 20k samples/s are ingested (TagStore +
//      historian writer, on another thread): the time of each frame (the page's live tick:
//      ring samples -> appendSamples -> live edge -> range statistics, then the replot).
//  (c) the same drawing at 1M points: QCustomPlot (one graph, fast polylines, adaptive
//      sampling) and Andon's TrendPlot (M4 buckets) against a Qt Charts QLineSeries.
// Prints Markdown (metric, Andon, peer, ratio, target, met). Run by scripts/bench, never by
// ctest. Runs offscreen unless QT_QPA_PLATFORM is set.
//
//   bench_trends [--days D] [--live-seconds S] [--points N] [--skip-history] [--dir PATH]
//   BENCH_TRENDS_FRAMES=1 prints every frame of (b) to stderr; BENCH_TRENDS_PROFILE=1 prints
//   the CPU time of one replot of (b)'s view with parts of the plot switched off.
#include "core/tag_store.h"
#include "engine/trend_loader.h"
#include "storage/historian.h"
#include "widgets/trend_plot.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTimer>
#include <QValueAxis>

#include <qcustomplot.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <thread>

#include <time.h>
#include <vector>

using namespace andon;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr TimestampMs kT0 = 1'767'225'600'000; // 2026-01-01 00:00 UTC
constexpr int kPens = 8;
constexpr int kPlotWidth = 1100; // about the plot of the Trends page at 1366x768
constexpr int kPlotHeight = 560;

double msSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

// CPU time of the calling thread (ms): what a frame costs without the time the 2 shared cores
// spent on other processes (wall time is reported next to it).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return NAN;
    std::sort(v.begin(), v.end());
    const std::size_t k = std::min(v.size() - 1, std::size_t(std::ceil(p * double(v.size()))) - 1);
    return v[k];
}

double median(std::vector<double> v)
{
    return percentile(std::move(v), 0.5);
}

const char *yesNo(bool ok)
{
    return ok ? "yes" : "no";
}

QStringList penPaths()
{
    QStringList paths;
    for (int i = 0; i < kPens; ++i)
        paths << QStringLiteral("site/area/line1/m%1/signal").arg(i + 1);
    return paths;
}

// A process-like signal per pen: slow sine (daily), a random walk and rare spikes.
class Signal
{
public:
    explicit Signal(std::uint64_t seed) : m_rng(seed) {}
    double next(TimestampMs t)
    {
        m_walk += m_step(m_rng);
        m_walk *= 0.9995;
        const double day = std::sin(double(t % 86'400'000) / 86'400'000.0 * 2 * M_PI);
        const double spike = m_spike(m_rng) < 1e-5 ? 25.0 : 0.0;
        return 50.0 + 10.0 * day + m_walk + spike;
    }

private:
    std::mt19937_64 m_rng;
    std::normal_distribution<double> m_step{0.0, 0.2};
    std::uniform_real_distribution<double> m_spike{0.0, 1.0};
    double m_walk = 0;
};

std::vector<widgets::TrendPenInfo> penInfos()
{
    std::vector<widgets::TrendPenInfo> infos;
    for (const QString &p : penPaths()) {
        widgets::TrendPenInfo info;
        info.path = p;
        info.label = p.section(QLatin1Char('/'), 3, 4);
        info.unit = QStringLiteral("°C");
        info.decimals = 2;
        infos.push_back(info);
    }
    return infos;
}

void showPlot(QWidget *w)
{
    w->resize(kPlotWidth, kPlotHeight);
    w->show();
    QCoreApplication::processEvents();
}

// ---- (a) 30 days x 8 pens from the historian ---------------------------------------------

struct HistoryResult
{
    bool ok = false;
    double generateS = 0;
    std::int64_t samples = 0;
    double firstMs = 0, medianMs = 0, loadMedianMs = 0, drawMedianMs = 0;
    std::size_t buckets = 0;
    double peerMs = 0;
    std::int64_t peerPoints = 0;
};

HistoryResult benchHistory(const QString &dir, int days)
{
    HistoryResult r;
    const QString file = QDir(dir).filePath(QStringLiteral("trend-30d.db"));
    const QStringList paths = penPaths();
    const std::int64_t seconds = std::int64_t(days) * 86'400;
    const TimestampMs from = kT0, to = kT0 + seconds * 1000 - 1;
    QString error;
    {
        storage::HistorianOptions o;
        o.path = file;
        o.rawRetentionDays = 0;
        auto h = storage::Historian::open(o, &error);
        if (!h || !h->bindTags(paths, &error)) {
            std::fprintf(stderr, "historian: %s\n", qPrintable(error));
            return r;
        }
        std::vector<Signal> signal;
        for (int i = 0; i < kPens; ++i)
            signal.emplace_back(1000 + std::uint64_t(i));
        const auto start = SteadyClock::now();
        SampleBatch batch;
        batch.reserve(80'000);
        for (std::int64_t s = 0; s < seconds; ++s) {
            const TimestampMs t = kT0 + s * 1000;
            for (int i = 0; i < kPens; ++i)
                batch.push_back({TagId(i), t, signal[std::size_t(i)].next(t), Quality::Good});
            if (batch.size() >= 80'000) {
                h->append(std::move(batch));
                batch = {};
                batch.reserve(80'000);
                r.samples += 80'000;
                if (r.samples % 2'000'000 == 0)
                    h->flush(); // keeps the writer's queue (memory) bounded
            }
        }
        r.samples += std::int64_t(batch.size());
        h->append(std::move(batch));
        h->flush();
        h->sealAll();
        r.generateS = msSince(start) / 1000.0;
    }

    // The planner's view: the file opened read-only, the Trends page's plot at laptop size.
    storage::HistorianOptions ro;
    ro.path = file;
    ro.readOnly = true;
    auto h = storage::Historian::open(ro, &error);
    if (!h) {
        std::fprintf(stderr, "historian (read-only): %s\n", qPrintable(error));
        return r;
    }
    widgets::TrendPlot plot;
    showPlot(&plot);
    plot.setPens(penInfos());
    plot.setViewRange(from, to);
    QCoreApplication::processEvents();

    std::vector<double> total, load, draw;
    for (int run = 0; run < 5; ++run) {
        plot.setPens(penInfos()); // no data: every run draws from scratch
        QCoreApplication::processEvents();
        TrendRequest req;
        req.paths = paths;
        req.from = from;
        req.to = to;
        req.maxBuckets = plot.plotAreaWidth();
        req.mergeLive = false;
        const auto t0 = SteadyClock::now();
        TrendLoadResult res = TrendLoader::load(req, h.get(), nullptr, nullptr);
        const double loadMs = msSince(t0);
        const auto t1 = SteadyClock::now();
        r.buckets = 0;
        for (int i = 0; i < kPens; ++i) {
            r.buckets += res.series[std::size_t(i)].buckets.size();
            plot.setPenData(i, std::move(res.series[std::size_t(i)]));
        }
        plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
        const double drawMs = msSince(t1);
        total.push_back(msSince(t0));
        load.push_back(loadMs);
        draw.push_back(drawMs);
        QCoreApplication::processEvents(); // the queued replots, outside the timing
    }
    r.firstMs = total.front();
    r.medianMs = median(total);
    r.loadMedianMs = median(load);
    r.drawMedianMs = median(draw);

    // Peer: every raw sample into plain QCustomPlot graphs (its own adaptive sampling).
    {
        QCustomPlot peer;
        showPlot(&peer);
        std::vector<QCPGraph *> graphs;
        for (int i = 0; i < kPens; ++i)
            graphs.push_back(peer.addGraph());
        peer.xAxis->setRange(double(from) / 1000.0, double(to) / 1000.0);
        peer.yAxis->setRange(0, 100);
        const auto t0 = SteadyClock::now();
        for (int i = 0; i < kPens; ++i) {
            const std::vector<Sample> raw = h->raw(paths[i], from, to);
            QVector<QCPGraphData> data;
            data.reserve(qsizetype(raw.size()));
            for (const Sample &s : raw)
                data.push_back({double(s.t_ms) / 1000.0, s.value});
            r.peerPoints += std::int64_t(data.size());
            graphs[std::size_t(i)]->data()->set(data, true);
        }
        peer.replot(QCustomPlot::rpImmediateRefresh);
        r.peerMs = msSince(t0);
    }
    r.ok = true;
    return r;
}

// ---- (b) live trend while ingesting 20k samples/s -----------------------------------------

struct LiveResult
{
    bool ok = false;
    double seconds = 0;
    std::int64_t ingested = 0;
    std::vector<double> frame, replot, tick, frameCpu;
};

// BENCH_TRENDS_PROFILE=1: CPU time of a full replot of the live view with parts of the plot
// switched off, to see where a frame goes (printed to stderr; not part of the results).
void profileReplot(widgets::TrendPlot &plot)
{
    QCustomPlot *cp = plot.customPlot();
    auto measure = [cp](const char *what) {
        std::vector<double> v;
        for (int i = 0; i < 15; ++i) {
            const double c0 = threadCpuMs();
            cp->replot(QCustomPlot::rpImmediateRefresh);
            v.push_back(threadCpuMs() - c0);
        }
        std::fprintf(stderr, "profile: %-40s median %.2f ms CPU\n", what, median(v));
    };
    auto graphs = [cp](const std::function<void(QCPGraph *)> &f) {
        for (int i = 0; i < cp->graphCount(); ++i)
            f(cp->graph(i));
    };
    auto bands = [cp](bool visible) {
        for (int i = 0; i < cp->plottableCount(); ++i) {
            if (!qobject_cast<QCPGraph *>(cp->plottable(i)))
                cp->plottable(i)->setVisible(visible);
        }
    };
    measure("everything");
    bands(false);
    measure("without bands");
    graphs([](QCPGraph *g) { g->setVisible(false); });
    measure("without bands and lines (axes, legend)");
    cp->legend->setVisible(false);
    measure("... and without legend");
    cp->legend->setVisible(true);
    graphs([](QCPGraph *g) { g->setVisible(true); });
    graphs([](QCPGraph *g) { g->setAntialiased(false); });
    measure("lines without antialiasing, no bands");
    graphs([](QCPGraph *g) { g->setAdaptiveSampling(false); });
    measure("... and without adaptive sampling");
    graphs([](QCPGraph *g) { g->setAdaptiveSampling(true); g->setAntialiased(true); });
    bands(true);
    cp->setPlottingHint(QCP::phFastPolylines, false);
    measure("everything, without phFastPolylines");
    cp->setPlottingHint(QCP::phFastPolylines, true);
    cp->setPlottingHint(QCP::phCacheLabels, false);
    measure("everything, without phCacheLabels");
    cp->setPlottingHint(QCP::phCacheLabels, true);
    measure("everything again");
}

LiveResult benchLive(const QString &dir, int liveSeconds)
{
    LiveResult r;
    // 8 pens at 1 kHz (8k samples/s) plus 120 other tags at 100 Hz (12k samples/s).
    constexpr int kOtherTags = 120;
    constexpr int kTags = kPens + kOtherTags;
    constexpr TimestampMs kView = 15 * 60'000; // "last 15 min"
    TagStore store(std::vector<int>(kTags, 30'000), 4096);
    storage::HistorianOptions o;
    o.path = QDir(dir).filePath(QStringLiteral("trend-live.db"));
    QString error;
    auto h = storage::Historian::open(o, &error);
    QStringList names = penPaths();
    for (int i = 0; i < kOtherTags; ++i)
        names << QStringLiteral("site/area/line2/other%1").arg(i);
    if (!h || !h->bindTags(names, &error)) {
        std::fprintf(stderr, "historian: %s\n", qPrintable(error));
        return r;
    }

    widgets::TrendPlot plot;
    showPlot(&plot);
    plot.setPens(penInfos());
    TimestampMs now = nowUtcMs();
    plot.setLiveEdge(now);
    plot.setViewRange(now - kView, now);
    plot.setFollowLive(true);
    // The view as a load would leave it: the last 15 min at 1 kHz per pen, one bucket per pixel.
    std::vector<Signal> signal;
    for (int i = 0; i < kTags; ++i)
        signal.emplace_back(7000 + std::uint64_t(i));
    std::vector<TimestampMs> lastSeen(kPens, now);
    for (int i = 0; i < kPens; ++i) {
        analytics::TrendSeries s;
        s.path = penPaths()[i];
        s.from = now - kView;
        s.to = now;
        s.bucketMs = analytics::trendBucketWidth(s.from, s.to, plot.plotAreaWidth());
        for (TimestampMs t = s.from; t <= now; ++t)
            s.addSample(t, signal[std::size_t(i)].next(t), Quality::Good);
        plot.setPenData(i, std::move(s));
    }
    QCoreApplication::processEvents();
    if (qEnvironmentVariableIsSet("BENCH_TRENDS_PROFILE"))
        profileReplot(plot);

    // Ingest thread: every 5 ms the samples of the elapsed milliseconds, into the TagStore
    // (what the trend reads) and the historian writer (which competes for the 2 cores).
    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> ingested{0};
    std::thread ingest([&, start = now] {
        TimestampMs last = start;
        while (!stop.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            const TimestampMs t1 = nowUtcMs();
            SampleBatch batch;
            for (TimestampMs t = last + 1; t <= t1; ++t) {
                for (int i = 0; i < kPens; ++i)
                    batch.push_back({TagId(i), t, signal[std::size_t(i)].next(t), Quality::Good});
                if (t % 10 == 0) {
                    for (int i = kPens; i < kTags; ++i)
                        batch.push_back({TagId(i), t, signal[std::size_t(i)].next(t), Quality::Good});
                }
            }
            last = t1;
            if (batch.empty())
                continue;
            store.apply(batch, t1);
            ingested += std::int64_t(batch.size());
            h->append(std::move(batch));
        }
    });

    // The page's live tick at 10 Hz; the replot it queues runs from the event loop after it.
    double tickMs = 0, tickCpuMs = 0;
    double replotStartCpu = 0;
    SteadyClock::time_point replotStart;
    bool pending = false;
    volatile double statsSink = 0;
    QObject::connect(plot.customPlot(), &QCustomPlot::beforeReplot, &plot, [&] {
        replotStart = SteadyClock::now();
        replotStartCpu = threadCpuMs();
    });
    QObject::connect(plot.customPlot(), &QCustomPlot::afterReplot, &plot, [&] {
        if (!pending)
            return;
        pending = false;
        const double replotMs = msSince(replotStart);
        r.tick.push_back(tickMs);
        r.replot.push_back(replotMs);
        r.frame.push_back(tickMs + replotMs);
        r.frameCpu.push_back(tickCpuMs + threadCpuMs() - replotStartCpu);
    });
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(100);
    QObject::connect(&timer, &QTimer::timeout, &plot, [&] {
        const auto t0 = SteadyClock::now();
        const double cpu0 = threadCpuMs();
        const TimestampMs t = nowUtcMs();
        for (int i = 0; i < kPens; ++i) {
            std::vector<Sample> fresh = store.recent(TagId(i), lastSeen[std::size_t(i)] + 1);
            while (!fresh.empty() && fresh.back().t_ms > t)
                fresh.pop_back();
            if (fresh.empty())
                continue;
            lastSeen[std::size_t(i)] = fresh.back().t_ms;
            plot.appendSamples(i, fresh);
        }
        plot.setLiveEdge(t);
        for (int i = 0; i < kPens; ++i)
            statsSink = statsSink + plot.rangeStats(i).mean; // the pen table's statistics
        tickMs = msSince(t0);
        tickCpuMs = threadCpuMs() - cpu0;
        pending = true;
    });
    const auto start = SteadyClock::now();
    timer.start();
    QTimer::singleShot(liveSeconds * 1000, &plot, [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    timer.stop();
    stop = true;
    ingest.join();
    r.seconds = msSince(start) / 1000.0;
    r.ingested = ingested.load();
    h->flush();
    r.ok = !r.frame.empty();
    if (qEnvironmentVariableIsSet("BENCH_TRENDS_FRAMES")) {
        for (std::size_t i = 0; i < r.frame.size(); ++i)
            std::fprintf(stderr, "frame %zu: wall %.2f cpu %.2f ms\n", i, r.frame[i], r.frameCpu[i]);
    }
    return r;
}

// ---- (c) 1M points: QCustomPlot / TrendPlot vs Qt Charts ----------------------------------

struct MillionResult
{
    int points = 0;
    double qcpMs = 0, trendPlotMs = 0, chartsMs = 0;
};

MillionResult benchMillion(int points)
{
    MillionResult r;
    r.points = points;
    // 1M samples at 100 ms: 27.8 hours of one pen.
    std::vector<Sample> samples;
    samples.reserve(std::size_t(points));
    Signal sig(42);
    for (int i = 0; i < points; ++i) {
        const TimestampMs t = kT0 + TimestampMs(i) * 100;
        samples.push_back({0, t, sig.next(t), Quality::Good});
    }
    const TimestampMs from = samples.front().t_ms, to = samples.back().t_ms;
    constexpr int kRuns = 3;

    // QCustomPlot: one graph, every point, fast polylines, adaptive sampling (default).
    std::vector<double> qcp;
    {
        QCustomPlot plot;
        plot.setPlottingHint(QCP::phFastPolylines, true);
        showPlot(&plot);
        QCPGraph *g = plot.addGraph();
        g->setAdaptiveSampling(true);
        for (int run = 0; run < kRuns; ++run) {
            const auto t0 = SteadyClock::now();
            QVector<QCPGraphData> data;
            data.reserve(points);
            for (const Sample &s : samples)
                data.push_back({double(s.t_ms) / 1000.0, s.value + run});
            g->data()->set(data, true);
            plot.xAxis->setRange(double(from) / 1000.0, double(to) / 1000.0);
            plot.yAxis->setRange(0, 100);
            plot.replot(QCustomPlot::rpImmediateRefresh);
            QCoreApplication::processEvents();
            const QPixmap pixels = plot.grab();
            qcp.push_back(msSince(t0));
        }
    }
    // Andon's TrendPlot: the samples into one-bucket-per-pixel M4 series, then drawn.
    std::vector<double> trend;
    {
        widgets::TrendPlot plot;
        showPlot(&plot);
        auto infos = penInfos();
        infos.resize(1);
        plot.setPens(infos);
        plot.setViewRange(from, to);
        QCoreApplication::processEvents();
        for (int run = 0; run < kRuns; ++run) {
            const auto t0 = SteadyClock::now();
            analytics::TrendSeries s;
            s.path = infos[0].path;
            s.from = from;
            s.to = to;
            s.bucketMs = analytics::trendBucketWidth(from, to, plot.plotAreaWidth());
            for (const Sample &x : samples)
                s.addSample(x.t_ms, x.value + run, x.q);
            plot.setPenData(0, std::move(s));
            plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
            QCoreApplication::processEvents();
            const QPixmap pixels = plot.grab();
            trend.push_back(msSince(t0));
        }
    }
    // Peer: Qt Charts, a QLineSeries with every point (preallocated list, one replace()).
    std::vector<double> charts;
    {
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->legend()->hide();
        auto *series = new QLineSeries;
        chart->addSeries(series);
        auto *ax = new QValueAxis;
        auto *ay = new QValueAxis;
        chart->addAxis(ax, Qt::AlignBottom);
        chart->addAxis(ay, Qt::AlignLeft);
        series->attachAxis(ax);
        series->attachAxis(ay);
        QChartView view(chart); // owns the chart
        showPlot(&view);
        for (int run = 0; run < kRuns; ++run) {
            const auto t0 = SteadyClock::now();
            QList<QPointF> pts;
            pts.reserve(points);
            for (const Sample &s : samples)
                pts.append(QPointF(double(s.t_ms) / 1000.0, s.value + run));
            series->replace(pts);
            ax->setRange(double(from) / 1000.0, double(to) / 1000.0);
            ay->setRange(0, 100);
            QCoreApplication::processEvents();
            const QPixmap pixels = view.grab();
            charts.push_back(msSince(t0));
        }
    }
    r.qcpMs = median(qcp);
    r.trendPlotMs = median(trend);
    r.chartsMs = median(charts);
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int days = 30, liveSeconds = 20, points = 1'000'000;
    bool history = true;
    QString dirArg;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool more = i + 1 < args.size();
        if (a == QLatin1String("--days") && more)
            days = args[++i].toInt();
        else if (a == QLatin1String("--live-seconds") && more)
            liveSeconds = args[++i].toInt();
        else if (a == QLatin1String("--points") && more)
            points = args[++i].toInt();
        else if (a == QLatin1String("--skip-history"))
            history = false;
        else if (a == QLatin1String("--dir") && more)
            dirArg = args[++i];
        else {
            std::fprintf(stderr, "usage: bench_trends [--days D] [--live-seconds S] [--points N] "
                                 "[--skip-history] [--dir PATH]\n");
            return 2;
        }
    }
    days = std::max(1, days);
    liveSeconds = std::max(2, liveSeconds);
    points = std::max(1000, points);
    QTemporaryDir tmp(dirArg.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench-trends-XXXXXX")
                                       : dirArg + QStringLiteral("/bench-trends-XXXXXX"));
    if (!tmp.isValid()) {
        std::fprintf(stderr, "cannot create a temporary directory\n");
        return 1;
    }

    HistoryResult a;
    if (history)
        a = benchHistory(tmp.path(), days);
    const LiveResult b = benchLive(tmp.path(), liveSeconds);
    const MillionResult c = benchMillion(points);

    std::printf("| metric | Andon | peer in the same run | ratio | target | met |\n");
    std::printf("|---|---|---|---|---|---|\n");
    if (a.ok) {
        std::printf("| (a) %d days x %d pens of 1 s data: range queries + plot data + one replot "
                    "(median of 5) | %.1f ms | every raw sample into plain QCustomPlot graphs: "
                    "%.0f ms | %.0fx | < 300 ms | %s |\n",
                    days, kPens, a.medianMs, a.peerMs, a.peerMs / a.medianMs,
                    yesNo(a.medianMs < 300));
    }
    if (b.ok) {
        std::printf("| (b) live trend, %d pens, 10 Hz, while ingesting %.0f samples/s: frame p50 / "
                    "p99 / max, wall clock | %.2f / %.2f / %.2f ms | - | - | p99 < 16 ms | %s |\n",
                    kPens, double(b.ingested) / b.seconds, percentile(b.frame, 0.5),
                    percentile(b.frame, 0.99), percentile(b.frame, 1.0),
                    yesNo(percentile(b.frame, 0.99) < 16));
        std::printf("| (b) the same, CPU time of the GUI thread per frame | %.2f / %.2f / %.2f ms "
                    "| - | - | p99 < 16 ms | %s |\n",
                    percentile(b.frameCpu, 0.5), percentile(b.frameCpu, 0.99),
                    percentile(b.frameCpu, 1.0), yesNo(percentile(b.frameCpu, 0.99) < 16));
    }
    std::printf("| (c) %d points, one pen, set data + draw (median of 3): QCustomPlot, fast "
                "polylines | %.1f ms | Qt Charts QLineSeries: %.1f ms | %.1fx | >= 10x | %s |\n",
                c.points, c.qcpMs, c.chartsMs, c.chartsMs / c.qcpMs,
                yesNo(c.chartsMs / c.qcpMs >= 10));
    std::printf("| (c) the same through Andon's TrendPlot (M4 buckets, one per pixel) | %.1f ms | "
                "Qt Charts QLineSeries: %.1f ms | %.1fx | >= 10x | %s |\n",
                c.trendPlotMs, c.chartsMs, c.chartsMs / c.trendPlotMs,
                yesNo(c.chartsMs / c.trendPlotMs >= 10));
    std::printf("\n");
    if (a.ok) {
        std::printf("(a) %lld samples (%d pens x %d days at 1 s) generated and written in %.1f s; "
                    "first display %.1f ms, median %.1f ms = load %.1f ms (%zu buckets, %d px "
                    "wide) + setPenData and replot %.1f ms. Peer: %lld raw samples.\n",
                    static_cast<long long>(a.samples), kPens, days, a.generateS, a.firstMs,
                    a.medianMs, a.loadMedianMs, a.buckets, kPlotWidth, a.drawMedianMs,
                    static_cast<long long>(a.peerPoints));
    }
    if (b.ok) {
        std::printf("(b) %zu frames in %.1f s; %lld samples ingested (8 pens at 1 kHz + 120 tags at "
                    "100 Hz) into the TagStore and the historian writer. Live tick p50 %.2f / p99 "
                    "%.2f ms, replot p50 %.2f / p99 %.2f ms; view: last 15 min, %d x %d px.\n",
                    b.frame.size(), b.seconds, static_cast<long long>(b.ingested),
                    percentile(b.tick, 0.5), percentile(b.tick, 0.99),
                    percentile(b.replot, 0.5), percentile(b.replot, 0.99), kPlotWidth,
                    kPlotHeight);
    }
    std::printf("(c) %d x %d px, offscreen raster; each side builds its point list, sets it, "
                "draws and grabs the widget.\n",
                kPlotWidth, kPlotHeight);
    return 0;
}
