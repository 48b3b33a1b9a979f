// bench_historian: ingest rate, bytes per sample and trend-query time of the historian
// (journal + chunks + rollups) against a plain one-row-per-sample SQLite table, in one run on
// the same data. Prints a Markdown table. Run by scripts/bench, never by ctest.
//
//   bench_historian [--tags N] [--seconds S] [--trend-tags N] [--trend-days D]
//                   [--trend-step-ms MS] [--dir PATH]
#include "storage/historian.h"
#include "storage/sqlite_util.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>

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
qint64 compactedSize(const QString &path)
{
    sql::Db db;
    QString error;
    if (!db.open(path, SQLITE_OPEN_READWRITE, &error))
        return -1;
    db.exec("PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);");
    db.reset();
    return fileSize(path);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int tags = 10'000, seconds = 5, trendTags = 10, trendDays = 30;
    std::int64_t trendStepMs = 10'000;
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
        else {
            std::fprintf(stderr, "unknown option %s\n", qPrintable(a));
            return 2;
        }
    }
    if (tags <= 0 || seconds <= 0 || trendTags <= 0 || trendDays <= 0 || trendStepMs <= 0) {
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
        auto q0 = Clock::now();
        for (const QString &name : names)
            buckets += h->range(name, kT0, to, 1000).buckets.size();
        rangeSeconds = secondsSince(q0);

        sql::Stmt sel(b.db.get(), "SELECT t_ms, value FROM samples WHERE tag_id = ? AND t_ms "
                                  "BETWEEN ? AND ?");
        q0 = Clock::now();
        double sink = 0;
        for (int t = 0; t < trendTags; ++t) {
            sel.bind(1, std::int64_t(t)).bind(2, kT0).bind(3, to);
            while (sel.step() == SQLITE_ROW) {
                sink += sel.real(1);
                ++rawRows;
            }
            sel.reset();
        }
        rawSeconds = secondsSince(q0);
        if (sink == 0.123456)
            std::printf("(sink)\n"); // keeps the loop from being optimised away
    }

    std::printf("## Historian benchmark (SQLite %s, WAL, synchronous=NORMAL)\n\n", sqlite3_libversion());
    std::printf("| measurement | historian (journal + chunks) | one row per sample (tag_id, t_ms) | ratio |\n");
    std::printf("|---|---|---|---|\n");
    std::printf("| insert rate, %d tags interleaved, %d s wall | %.0f samples/s (%llu samples, %llu batches) | %.0f samples/s (%llu samples, tx of %lld) | %.1fx |\n",
                tags, seconds, hRate, (unsigned long long)hSamples, (unsigned long long)hCommits, bRate,
                (unsigned long long)bSamples, (long long)txSamples, hRate / bRate);
    std::printf("| bytes per sample on disk (after sealAll + VACUUM) | %.2f | %.2f | %.1fx smaller |\n",
                double(hBytes) / double(hSamples), double(bBytes) / double(bSamples),
                (double(bBytes) / double(bSamples)) / (double(hBytes) / double(hSamples)));
    std::printf("| %d-day trend, %d tags, 1000 buckets each | %.1f ms (range(), %zu buckets) | %.1f ms (raw SELECT of %llu rows) | %.0fx |\n",
                trendDays, trendTags, rangeSeconds * 1000, buckets, rawSeconds * 1000,
                (unsigned long long)rawRows, rawSeconds / rangeSeconds);
    std::printf("\nTrend data: %d days at 1 sample per %lld ms per tag (not 1 per s, which would be "
                "2.6M samples per tag and too slow to generate here); generated and written to both "
                "stores in %.1f s.\n",
                trendDays, (long long)trendStepMs, genSeconds);
    return 0;
}
