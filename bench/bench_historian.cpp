// bench_historian: ingest rate, bytes per sample and trend-query time of the historian
// (journal + chunks + rollups) against a plain one-row-per-sample SQLite table, in one run on
// the same data, plus bytes per sample for one simulated day of the demo plant. Prints a
// Markdown table (metric, Andon, baseline, ratio, target, met). Run by scripts/bench, never by
// ctest.
//
//   bench_historian [--tags N] [--seconds S] [--trend-tags N] [--trend-days D]
//                   [--trend-step-ms MS] [--demo-config FILE] [--demo-hours H] [--dir PATH]
#include "core/config_loader.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "storage/sqlite_util.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

using namespace andon;
using namespace andon::storage;
using Clock = std::chrono::steady_clock;

namespace {

constexpr TimestampMs kT0 = 1'767'225'600'000;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Random walk with 1-2 decimals per tag, one sample per tag per simulated step.
class Generator
{
public:
    explicit Generator(int tags) : m_k(std::size_t(tags), 10'000), m_rng(12345) {}
    SampleBatch step(TimestampMs t)
    {
        SampleBatch b;
        b.reserve(m_k.size());
        for (std::size_t i = 0; i < m_k.size(); ++i) {
            m_k[i] += std::int64_t(m_rng.bounded(41)) - 20;
            // Even tags have 1 decimal, odd tags 2.
            const double v = i % 2 ? double(m_k[i]) / 100.0 : double(m_k[i] / 10) / 10.0;
            b.push_back({TagId(i), t, v, Quality::Good});
        }
        return b;
    }

private:
    std::vector<std::int64_t> m_k;
    QRandomGenerator m_rng;
};

QStringList tagNames(int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << QStringLiteral("acme/bench/area%1/line%2/m%3/value").arg(i / 1000).arg(i / 100).arg(i);
    return out;
}

struct Baseline
{
    sql::Db db;
    sql::Stmt insert;
    bool open(const QString &path)
    {
        QString error;
        if (!db.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error))
            return false;
        db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                "PRAGMA cache_size = -65536;"
                "CREATE TABLE samples(tag_id INTEGER NOT NULL, t_ms INTEGER NOT NULL, value REAL,"
                " q INTEGER NOT NULL, PRIMARY KEY(tag_id, t_ms)) WITHOUT ROWID;");
        return insert.prepare(db.get(), "INSERT INTO samples VALUES(?, ?, ?, ?)");
    }
    void write(const SampleBatch &b)
    {
        for (const Sample &s : b) {
            insert.bind(1, std::int64_t(s.tag)).bind(2, s.t_ms).bind(3, s.value).bind(4, 0);
            insert.run();
        }
    }
};

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size() + std::max<qint64>(0, QFileInfo(path + QStringLiteral("-wal")).size());
}

// Checkpoints and vacuums a closed database so its size counts live data only.
qint64 compactedSize(const QString &path, const char *before = nullptr)
{
    sql::Db db;
    QString error;
    if (!db.open(path, SQLITE_OPEN_READWRITE, &error))
        return -1;
    if (before)
        db.exec(before);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);");
    db.reset();
    return fileSize(path);
}

double median3(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct DemoResult
{
    bool ok = false;
    std::uint64_t samples = 0, tags = 0;
    qint64 bytes = 0, bytesNoRollups = 0;
    double seconds = 0;
};

// One simulated day (or `hours`) of the demo plant through PlantSimulator into a historian,
// sealed and vacuumed; the file size with and without the rollup tables.
DemoResult runDemoPlant(const QString &config, int hours, const QString &dir)
{
    DemoResult r;
    const ConfigResult cfg = ConfigLoader::loadFile(config);
    if (!cfg.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(cfg.formattedMessages().join(u'\n')));
        return r;
    }
    QStringList paths;
    for (const TagDef &t : cfg.model->tags)
        paths << t.path;
    r.tags = std::uint64_t(paths.size());
    const QString path = dir + QStringLiteral("/demo.db");
    QString error;
    const auto start = Clock::now();
    {
        HistorianOptions o;
        o.path = path;
        o.rawRetentionDays = 0;
        auto h = Historian::open(o, &error);
        if (!h || !h->bindTags(paths, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return r;
        }
        sim::SimOptions so;
        so.startMs = kT0;
        sim::PlantSimulator simulator(cfg.model, so);
        SampleBatch batch;
        const std::int64_t steps = std::int64_t(hours) * 3600;
        for (std::int64_t s = 1; s <= steps; ++s) {
            SampleBatch one = simulator.advanceTo(kT0 + s * 1000);
            r.samples += one.size();
            batch.insert(batch.end(), one.begin(), one.end());
            if (batch.size() >= 20'000) {
                h->append(std::move(batch));
                batch = {};
            }
        }
        h->append(std::move(batch));
        h->flush();
        h->sealAll();
    }
    r.seconds = secondsSince(start);
    r.bytes = compactedSize(path);
    QFile::copy(path, path + QStringLiteral(".norollups"));
    r.bytesNoRollups = compactedSize(path + QStringLiteral(".norollups"),
                                     "DROP TABLE rollup_minute; DROP TABLE rollup_hour;");
    r.ok = r.samples > 0 && r.bytes > 0 && r.bytesNoRollups > 0;
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int tags = 10'000, seconds = 5, trendTags = 10, trendDays = 30;
    std::int64_t trendStepMs = 10'000;
    int demoHours = 24;
    QString demoConfig = QStringLiteral(ANDON_SOURCE_DIR "/resources/config/demo-plant.yaml");
    QString dirPath;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        const QString &a = args.at(i);
        const QString &v = args.at(i + 1);
        if (a == QLatin1String("--tags")) tags = v.toInt();
        else if (a == QLatin1String("--seconds")) seconds = v.toInt();
        else if (a == QLatin1String("--trend-tags")) trendTags = v.toInt();
        else if (a == QLatin1String("--trend-days")) trendDays = v.toInt();
        else if (a == QLatin1String("--trend-step-ms")) trendStepMs = v.toLongLong();
        else if (a == QLatin1String("--dir")) dirPath = v;
        else if (a == QLatin1String("--demo-config")) demoConfig = v;
        else if (a == QLatin1String("--demo-hours")) demoHours = v.toInt();
        else {
            std::fprintf(stderr, "unknown option %s\n", qPrintable(a));
            return 2;
        }
    }
    if (tags <= 0 || seconds <= 0 || trendTags <= 0 || trendDays <= 0 || trendStepMs <= 0 || demoHours <= 0) {
        std::fprintf(stderr, "sizes must be positive\n");
        return 2;
    }
    QTemporaryDir tmp(dirPath.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_historian-XXXXXX")
                                        : dirPath + QStringLiteral("/bench_historian-XXXXXX"));
    if (!tmp.isValid())
        return 1;
    QString error;

    // (1) Historian ingest for `seconds` of wall time.
    const QString hPath = tmp.filePath(QStringLiteral("historian.db"));
    std::int64_t steps = 0;
    double hElapsed = 0;
    std::uint64_t hSamples = 0, hCommits = 0;
    {
        HistorianOptions o;
        o.path = hPath;
        auto h = Historian::open(o, &error);
        if (!h || !h->bindTags(tagNames(tags), &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        Generator gen(tags);
        const auto start = Clock::now();
        // Bounded: stops at the wall-time budget or after a simulated day.
        while (secondsSince(start) < seconds && steps < 86'400) {
            h->append(gen.step(kT0 + steps * 1000));
            ++steps;
            // Keep the queue bounded so the rate is the writer's, not the queue's.
            if (h->stats().queueDepth > std::uint64_t(tags) * 200)
                h->flush();
        }
        h->flush();
        hElapsed = secondsSince(start);
        hSamples = h->stats().samplesWritten;
        h->sealAll();
        hCommits = h->stats().batchesCommitted;
    }
    const double hRate = double(hSamples) / hElapsed;
    const qint64 hBytes = compactedSize(hPath);

    // (2) Baseline on the same data, transactions of about what the historian commits per
    // 250 ms cycle, same wall-time budget.
    const QString bPath = tmp.filePath(QStringLiteral("baseline.db"));
    const std::int64_t txSamples = std::max<std::int64_t>(tags, std::int64_t(hRate * 0.25));
    std::uint64_t bSamples = 0;
    double bElapsed = 0;
    {
        Baseline b;
        if (!b.open(bPath))
            return 1;
        Generator gen(tags);
        const auto start = Clock::now();
        std::int64_t inTx = 0;
        b.db.exec("BEGIN");
        for (std::int64_t s = 0; s < steps && secondsSince(start) < seconds; ++s) {
            const SampleBatch batch = gen.step(kT0 + s * 1000);
            b.write(batch);
            bSamples += batch.size();
            inTx += std::int64_t(batch.size());
            if (inTx >= txSamples) {
                b.db.exec("COMMIT; BEGIN");
                inTx = 0;
            }
        }
        b.db.exec("COMMIT");
        bElapsed = secondsSince(start);
    }
    const double bRate = double(bSamples) / bElapsed;
    const qint64 bBytes = compactedSize(bPath);

    // (4) 30-day trend: generate, then query through range() vs a raw SELECT of the baseline.
    const QString tPath = tmp.filePath(QStringLiteral("trend.db"));
    const QString tbPath = tmp.filePath(QStringLiteral("trend-baseline.db"));
    const std::int64_t trendSteps = std::int64_t(trendDays) * 86'400'000 / trendStepMs;
    double genSeconds = 0, rangeSeconds = 0, rawSeconds = 0;
    std::size_t buckets = 0;
    std::uint64_t rawRows = 0;
    {
        HistorianOptions o;
        o.path = tPath;
        o.rawRetentionDays = 0;
        auto h = Historian::open(o, &error);
        Baseline b;
        if (!h || !h->bindTags(tagNames(trendTags), &error) || !b.open(tbPath)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        Generator gen(trendTags);
        const auto start = Clock::now();
        SampleBatch batch;
        b.db.exec("BEGIN");
        for (std::int64_t s = 0; s < trendSteps; ++s) {
            SampleBatch one = gen.step(kT0 + s * trendStepMs);
            b.write(one);
            batch.insert(batch.end(), one.begin(), one.end());
            if (batch.size() >= 50'000) {
                h->append(std::move(batch));
                batch = {};
                b.db.exec("COMMIT; BEGIN");
            }
        }
        h->append(std::move(batch));
        b.db.exec("COMMIT");
        h->flush();
        h->sealAll();
        genSeconds = secondsSince(start);

        const QStringList names = tagNames(trendTags);
        const TimestampMs to = kT0 + trendSteps * trendStepMs - 1;
        const std::int64_t w = (to - kT0 + 1 + 999) / 1000;
        sql::Stmt sel(b.db.get(), "SELECT t_ms, value FROM samples WHERE tag_id = ? AND t_ms "
                                  "BETWEEN ? AND ?");
        // Same process, same page-cache state for both (everything was just written): each
        // query set runs 3 times, alternating, and the median is reported.
        std::vector<double> rangeRuns, rawRuns;
        double sink = 0;
        for (int run = 0; run < 3; ++run) {
            buckets = 0;
            auto q0 = Clock::now();
            for (const QString &name : names) {
                const RangeResult r = h->range(name, kT0, to, 1000);
                buckets += r.buckets.size();
                for (const Bucket &bk : r.buckets)
                    sink += bk.min + bk.max;
            }
            rangeRuns.push_back(secondsSince(q0));
            if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
                std::fprintf(stderr, "range run %d: %.2f ms\n", run, rangeRuns.back() * 1000);

            // The naive way: every raw row of the range, bucketed into min/max in C++.
            rawRows = 0;
            q0 = Clock::now();
            std::vector<double> mins(1000), maxs(1000);
            for (int t = 0; t < trendTags; ++t) {
                std::fill(mins.begin(), mins.end(), std::numeric_limits<double>::infinity());
                std::fill(maxs.begin(), maxs.end(), -std::numeric_limits<double>::infinity());
                sel.bind(1, std::int64_t(t)).bind(2, kT0).bind(3, to);
                while (sel.step() == SQLITE_ROW) {
                    const auto i = std::size_t(std::min<std::int64_t>((sel.int64(0) - kT0) / w, 999));
                    const double v = sel.real(1);
                    mins[i] = std::min(mins[i], v);
                    maxs[i] = std::max(maxs[i], v);
                    ++rawRows;
                }
                sel.reset();
                for (std::size_t i = 0; i < mins.size(); ++i)
                    sink += std::isfinite(mins[i]) ? mins[i] + maxs[i] : 0;
            }
            rawRuns.push_back(secondsSince(q0));
        }
        rangeSeconds = median3(rangeRuns);
        rawSeconds = median3(rawRuns);
        if (sink == 0.123456)
            std::printf("(sink)\n"); // keeps the loops from being optimised away
    }

    // (5) Demo plant: bytes per sample.
    const DemoResult demo = runDemoPlant(demoConfig, demoHours, tmp.path());
    if (!demo.ok)
        return 1;

    const double bps = double(hBytes) / double(hSamples);
    const double bBps = double(bBytes) / double(bSamples);
    const double demoBps = double(demo.bytes) / double(demo.samples);
    const double demoBpsRaw = double(demo.bytesNoRollups) / double(demo.samples);
    auto met = [](bool ok) { return ok ? "yes" : "no"; };
    std::printf("## Historian benchmark (SQLite %s, WAL, synchronous=NORMAL)\n\n", sqlite3_libversion());
    std::printf("| metric | Andon historian | baseline: one row per sample | ratio | target | met |\n");
    std::printf("|---|---|---|---|---|---|\n");
    std::printf("| insert rate, %d tags interleaved, %d s wall, writer thread | %.0f samples/s | %.0f samples/s | %.1fx | >= 500k samples/s | %s |\n",
                tags, seconds, hRate, bRate, hRate / bRate, met(hRate >= 500'000));
    std::printf("| bytes/sample, demo plant, %d h simulated, incl. rollups | %.2f | - | - | <= 4 | %s |\n",
                demoHours, demoBps, met(demoBps <= 4.0));
    std::printf("| bytes/sample, demo plant, without rollup tables | %.2f | - | - | - | - |\n",
                demoBpsRaw);
    std::printf("| bytes/sample, random-walk bench data, incl. rollups | %.2f | %.2f | %.1fx smaller | - | - |\n",
                bps, bBps, bBps / bps);
    std::printf("| %d-day trend, %d tags, 1000 buckets each (median of 3) | %.1f ms | %.1f ms | %.0fx | >= 20x and < 50 ms | %s |\n",
                trendDays, trendTags, rangeSeconds * 1000, rawSeconds * 1000, rawSeconds / rangeSeconds,
                met(rawSeconds / rangeSeconds >= 20 && rangeSeconds < 0.05));
    std::printf("\nInsert: historian %llu samples in %.2f s (%llu appended batches of one step each); baseline %llu samples "
                "in %.2f s, one transaction per %lld samples.\n",
                (unsigned long long)hSamples, hElapsed, (unsigned long long)hCommits,
                (unsigned long long)bSamples, bElapsed, (long long)txSamples);
    std::printf("Trend: range() returned %zu buckets; the baseline SELECTs %llu raw rows and buckets them "
                "into min/max in C++. Data: %d days at 1 sample per %lld ms per tag, generated and "
                "written to both stores in %.1f s.\n",
                buckets, (unsigned long long)rawRows, trendDays, (long long)trendStepMs, genSeconds);
    std::printf("Demo plant: %llu tags, %llu samples from PlantSimulator (seed 1, 1 s steps) in %.1f s; "
                "file after sealAll + VACUUM %lld bytes (%lld without rollup tables).\n",
                (unsigned long long)demo.tags, (unsigned long long)demo.samples, demo.seconds,
                (long long)demo.bytes, (long long)demo.bytesNoRollups);
    return 0;
}
