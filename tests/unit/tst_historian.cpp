// Historian: round trips, unsealed data in queries, rollups and range() buckets checked
// against straightforward reference loops over the input, retention, reopen, schema
// migration and the handling of foreign/corrupt files.
#include "storage/historian.h"
#include "tests/support/test_support.h"

#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cmath>
#include <limits>
#include <map>

using namespace andon;
using namespace andon::storage;

namespace {

constexpr TimestampMs kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z, a whole hour
constexpr TimestampMs kMin = 60'000;
constexpr TimestampMs kHour = 3'600'000;
constexpr TimestampMs kDay = 86'400'000;
const QString kTagA = QStringLiteral("acme/berlin/assembly/line1/press1/temperature");
const QString kTagB = QStringLiteral("acme/berlin/assembly/line1/press1/pressure");

// Samples for tag `tag` every `step` ms: a 1-decimal random walk with some Bad and NaN.
std::vector<Sample> series(TagId tag, TimestampMs from, TimestampMs step, int n,
                           std::uint32_t seed)
{
    QRandomGenerator rng(seed);
    std::vector<Sample> out;
    std::int64_t k = 500;
    for (int i = 0; i < n; ++i) {
        k += std::int64_t(rng.bounded(11)) - 5;
        Sample s{tag, from + i * step, double(k) / 10.0, Quality::Good};
        const auto r = rng.bounded(100);
        if (r < 3)
            s.q = Quality::BadCommFailure;
        else if (r < 5)
            s.q = Quality::UncertainLastKnown;
        else if (r < 6)
            s.value = std::numeric_limits<double>::quiet_NaN();
        out.push_back(s);
    }
    return out;
}

// Appends in batches of `batch` samples.
void appendAll(Historian &h, const std::vector<Sample> &samples, std::size_t batch = 97)
{
    for (std::size_t i = 0; i < samples.size(); i += batch)
        h.append(SampleBatch(samples.begin() + std::ptrdiff_t(i),
                             samples.begin() + std::ptrdiff_t(std::min(samples.size(), i + batch))));
}

bool sameSample(const Sample &a, const Sample &b)
{
    return a.t_ms == b.t_ms && a.q == b.q
           && (std::isnan(a.value) ? std::isnan(b.value)
                                   : std::bit_cast<std::uint64_t>(a.value)
                                         == std::bit_cast<std::uint64_t>(b.value));
}

// Reference statistics of one slice, computed the obvious way.
struct Ref
{
    std::int64_t count = 0;
    double sum = 0, min = 0, max = 0, first = 0, last = 0;
    TimestampMs firstT = 0, lastT = 0;
    int worst = -1;
};

// Groups the samples by key(t) and computes the reference statistics of each group:
// only Good/Uncertain finite values count; worst quality over all samples.
template<typename KeyFn>
std::map<std::int64_t, Ref> reference(const std::vector<Sample> &in, KeyFn key)
{
    std::map<std::int64_t, Ref> out;
    for (const Sample &s : in) {
        Ref &r = out[key(s.t_ms)];
        r.worst = std::max(r.worst, int(std::uint8_t(s.q)));
        if (isBad(s.q) || !std::isfinite(s.value))
            continue;
        if (r.count == 0 || s.value < r.min)
            r.min = s.value;
        if (r.count == 0 || s.value > r.max)
            r.max = s.value;
        if (r.count == 0 || s.t_ms < r.firstT) {
            r.first = s.value;
            r.firstT = s.t_ms;
        }
        if (r.count == 0 || s.t_ms > r.lastT) {
            r.last = s.value;
            r.lastT = s.t_ms;
        }
        r.sum += s.value;
        ++r.count;
    }
    return out;
}

bool makeSqlite(const QString &path, const char *sqlText);

double valueAt(const std::vector<Sample> &in, TimestampMs t)
{
    for (const Sample &s : in)
        if (s.t_ms == t)
            return s.value;
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

class TstHistorian : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void roundTrip();
    void queriesSeeUnsealedData();
    void rollupsMatchReference_data();
    void rollupsMatchReference();
    void rangeBucketsMatchReference_data();
    void rangeBucketsMatchReference();
    void coarseBucketsUseHourRollups_data();
    void coarseBucketsUseHourRollups();
    void resolutionThresholds_data();
    void resolutionThresholds();
    void journalIsOneBlobRowPerCommit();
    void version1FileIsMigrated();
    void lateSamplesAreNeverDropped();
    void retentionDeletesExactlyTheOldData();
    void reopenAfterCleanClose();
    void badFileIsMovedAside_data();
    void badFileIsMovedAside();
    void readOnlyRefusesBadFile();
    void oldSchemaIsMigrated();
    void newerSchemaIsRefused();
    void eventJournalRoundTrip();
    void fullDiskKeepsSamplesQueued();
    void eventJournalIsAppendOnly();
    void eventJournalRefusedReadOnly();

private:
    HistorianOptions options(const QString &name = QStringLiteral("h.db")) const
    {
        HistorianOptions o;
        o.path = m_dir->filePath(name);
        o.commitIntervalMs = 10;
        return o;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstHistorian::initTestCase()
{
    test::installStrictMessageHandler();
}

void TstHistorian::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstHistorian::cleanup()
{
    m_dir.reset();
    const QStringList unexpected = test::unexpectedWarnings();
    test::clearUnexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TstHistorian::roundTrip()
{
    HistorianOptions o = options();
    o.chunkMaxSamples = 50; // many chunks plus an unsealed remainder
    QString error;
    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(h->bindTags({kTagA, kTagB}, &error));
    const auto a = series(0, kT0, 1000, 1234, 1);
    const auto b = series(1, kT0 + 500, 1000, 1234, 2);
    std::vector<Sample> interleaved;
    for (std::size_t i = 0; i < a.size(); ++i) {
        interleaved.push_back(a[i]);
        interleaved.push_back(b[i]);
    }
    appendAll(*h, interleaved);
    h->flush();
    QCOMPARE(h->stats().samplesWritten, std::uint64_t(interleaved.size()));
    QCOMPARE(h->stats().queueDepth, std::uint64_t(0));
    QVERIFY(h->stats().chunks > 0);

    for (int pass = 0; pass < 2; ++pass) {
        const auto gotA = h->raw(kTagA, kT0, kT0 + kDay);
        const auto gotB = h->raw(kTagB, kT0, kT0 + kDay);
        QCOMPARE(gotA.size(), a.size());
        QCOMPARE(gotB.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QVERIFY2(sameSample(gotA[i], a[i]), qPrintable(QString::number(i)));
            QVERIFY2(sameSample(gotB[i], b[i]), qPrintable(QString::number(i)));
            QCOMPARE(gotA[i].tag, TagId(0));
        }
        h->sealAll(); // second pass reads everything from chunks
    }
    // Sub-ranges and limits.
    const auto part = h->raw(kTagA, kT0 + 10'000, kT0 + 19'999);
    QCOMPARE(part.size(), std::size_t(10));
    QCOMPARE(part.front().t_ms, kT0 + 10'000);
    QCOMPARE(h->raw(kTagA, kT0, kT0 + kDay, 7).size(), std::size_t(7));
    QVERIFY(h->raw(QStringLiteral("no/such/tag"), kT0, kT0 + kDay).empty());
    QCOMPARE(h->tagPaths(), (QStringList{kTagB, kTagA})); // sorted
    QVERIFY(h->tagDbId(kTagA) >= 0);
    QCOMPARE(h->tagDbId(QStringLiteral("no/such/tag")), std::int64_t(-1));
}

void TstHistorian::queriesSeeUnsealedData()
{
    HistorianOptions o = options();
    o.chunkMaxSamples = 100'000;
    o.chunkMaxAgeMs = 24 * 3600 * 1000;
    QString error;
    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(h->bindTags({kTagA}));
    const auto a = series(0, kT0, 1000, 90, 3);
    appendAll(*h, a, 10);
    h->flush();
    QCOMPARE(h->stats().chunks, std::uint64_t(0)); // nothing sealed yet
    QCOMPARE(h->raw(kTagA, kT0, kT0 + kHour).size(), a.size());
    const auto minutes = h->minuteRollups(kTagA, kT0, kT0 + kHour);
    QCOMPARE(minutes.size(), std::size_t(2));
    const auto r = h->range(kTagA, kT0, kT0 + 89'999, 9);
    QCOMPARE(r.source, RangeResult::Source::Raw);
    QCOMPARE(r.buckets.size(), std::size_t(9));
    std::int64_t counted = 0, valid = 0;
    for (const Bucket &bk : r.buckets)
        counted += bk.count;
    for (const Sample &s : a)
        valid += !isBad(s.q) && std::isfinite(s.value);
    QCOMPARE(counted, valid);
}

void TstHistorian::rollupsMatchReference_data()
{
    QTest::addColumn<int>("chunkMaxSamples");
    QTest::addColumn<bool>("sealAll");
    QTest::newRow("sealed-in-small-chunks") << 37 << true;
    QTest::newRow("mixed-sealed-unsealed") << 113 << false;
    QTest::newRow("all-unsealed") << 1'000'000 << false;
}

void TstHistorian::rollupsMatchReference()
{
    QFETCH(int, chunkMaxSamples);
    QFETCH(bool, sealAll);
    HistorianOptions o = options();
    o.chunkMaxSamples = chunkMaxSamples;
    o.chunkMaxAgeMs = 24 * 3600 * 1000;
    QString error;
    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(h->bindTags({kTagA}));
    // 3 hours at 7 s; delivered out of order: the second half first, then the first half,
    // so the same minutes/hours are touched by different batches and seals.
    const auto a = series(0, kT0 + 3'000, 7000, 3 * 3600 / 7, 4);
    const std::vector<Sample> secondHalf(a.begin() + std::ptrdiff_t(a.size() / 2), a.end());
    const std::vector<Sample> firstHalf(a.begin(), a.begin() + std::ptrdiff_t(a.size() / 2));
    appendAll(*h, secondHalf, 50);
    h->flush();
    appendAll(*h, firstHalf, 31);
    h->flush();
    if (sealAll)
        h->sealAll();

    for (const TimestampMs period : {kMin, kHour}) {
        const auto expected = reference(a, [&](TimestampMs t) { return t - t % period; });
        const auto got = period == kMin ? h->minuteRollups(kTagA, kT0, kT0 + 4 * kHour)
                                        : h->hourRollups(kTagA, kT0, kT0 + 4 * kHour);
        std::size_t nonEmpty = 0;
        for (const auto &[start, r] : expected)
            nonEmpty += r.count > 0;
        QCOMPARE(got.size(), nonEmpty);
        for (const Rollup &g : got) {
            QVERIFY(expected.count(g.t_start));
            const Ref &r = expected.at(g.t_start);
            QCOMPARE(g.count, r.count);
            QCOMPARE(g.min, r.min);
            QCOMPARE(g.max, r.max);
            QCOMPARE(g.first, r.first);
            QCOMPARE(g.last, r.last);
            QVERIFY(std::abs(g.avg - r.sum / double(r.count)) < 1e-9);
        }
    }
    // A sub-range returns only the slices it overlaps.
    const auto some = h->minuteRollups(kTagA, kT0 + 10 * kMin + 5, kT0 + 12 * kMin);
    QCOMPARE(some.size(), std::size_t(3));
    QCOMPARE(some.front().t_start, kT0 + 10 * kMin);
}

void TstHistorian::rangeBucketsMatchReference_data()
{
    QTest::addColumn<TimestampMs>("span");
    QTest::addColumn<int>("buckets");
    QTest::addColumn<int>("source");
    // span is a multiple of buckets; widths: 6 s (raw), 15 min (minute), 1 day (hour).
    QTest::newRow("raw") << TimestampMs(10 * kMin) << 100 << int(RangeResult::Source::Raw);
    QTest::newRow("minute") << TimestampMs(kDay) << 96 << int(RangeResult::Source::Minute);
    QTest::newRow("hour") << TimestampMs(10 * kDay) << 10 << int(RangeResult::Source::Hour);
}

void TstHistorian::rangeBucketsMatchReference()
{
    QFETCH(TimestampMs, span);
    QFETCH(int, buckets);
    QFETCH(int, source);
    HistorianOptions o = options();
    o.chunkMaxSamples = 120;
    o.rawRetentionDays = 0;
    QString error;
    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(h->bindTags({kTagA}));
    // 11 days at 30 s; the query starts one day in, so data exists on both sides of it.
    const auto a = series(0, kT0, 30'000, int(11 * kDay / 30'000), 5);
    appendAll(*h, a, 1000);
    h->flush();

    const TimestampMs from = kT0 + kDay;
    const TimestampMs to = from + span - 1;
    const RangeResult r = h->range(kTagA, from, to, buckets);
    QCOMPARE(int(r.source), source);
    QVERIFY(int(r.buckets.size()) <= buckets);

    const TimestampMs w = span / buckets;
    std::vector<Sample> inside;
    for (const Sample &s : a)
        if (s.t_ms >= from && s.t_ms <= to)
            inside.push_back(s);
    const auto expected = reference(inside, [&](TimestampMs t) { return (t - from) / w; });
    QCOMPARE(r.buckets.size(), expected.size());
    std::size_t i = 0;
    for (const auto &[index, ref] : expected) {
        const Bucket &b = r.buckets[i++];
        QCOMPARE(b.count, ref.count);
        QCOMPARE(int(std::uint8_t(b.worstQuality)), ref.worst);
        if (ref.count == 0) { // only Bad/NaN samples: a gap that keeps their quality
            QVERIFY(std::isnan(b.min) && std::isnan(b.max));
            continue;
        }
        QCOMPARE(b.min, ref.min);
        QCOMPARE(b.max, ref.max);
        QCOMPARE(b.first, ref.first);
        QCOMPARE(b.last, ref.last);
        QCOMPARE(b.t_first, ref.firstT);
        QCOMPARE(b.t_last, ref.lastT);
        QCOMPARE(int(std::uint8_t(b.worstQuality)), ref.worst);
        // M4: the reported times hold the reported extremes.
        QCOMPARE(valueAt(a, b.t_min), b.min);
        QCOMPARE(valueAt(a, b.t_max), b.max);
        QVERIFY(b.t_min >= from + index * w && b.t_min < from + (index + 1) * w);
    }
}

namespace {

// Runs one SQL query returning a single integer on a file, read-only, outside the historian.
std::int64_t queryInt(const QString &path, const char *sqlText)
{
    sqlite3 *db = nullptr;
    std::int64_t v = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sqlText, -1, &st, nullptr) == SQLITE_OK
            && sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

} // namespace

void TstHistorian::coarseBucketsUseHourRollups_data()
{
    QTest::addColumn<TimestampMs>("offset");
    QTest::addColumn<bool>("sealAll");
    // Bucket width 45 min: hour rollups, each in the bucket holding its start.
    QTest::newRow("aligned-sealed") << TimestampMs(0) << true;
    QTest::newRow("unaligned-sealed") << TimestampMs(10 * kMin + 7'000) << true;
    QTest::newRow("aligned-partly-unsealed") << TimestampMs(0) << false;
}

void TstHistorian::coarseBucketsUseHourRollups()
{
    QFETCH(TimestampMs, offset);
    QFETCH(bool, sealAll);
    HistorianOptions o = options();
    o.rawRetentionDays = 0;
    o.chunkMaxSamples = 120;
    o.chunkMaxAgeMs = 24 * 3600 * 1000; // the newest samples stay unsealed unless sealAll
    QString error;
    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(h->bindTags({kTagA}));
    const auto a = series(0, kT0, 30'000, int(4 * kDay / 30'000), 12);
    appendAll(*h, a, 1000);
    h->flush();
    if (sealAll)
        h->sealAll();

    const int n = 64;
    const TimestampMs w = 45 * kMin;
    const TimestampMs from = kT0 + kDay + offset;
    const TimestampMs to = from + n * w - 1;
    const RangeResult r = h->range(kTagA, from, to, n);
    QCOMPARE(r.source, RangeResult::Source::Hour);

    // Independent reference: every sample whose hour starts in [hour of from, to] belongs to
    // the bucket that holds the start of its hour (the documented rule).
    const TimestampMs firstHour = from - from % kHour;
    std::vector<Sample> covered;
    for (const Sample &s : a) {
        const TimestampMs hourStart = s.t_ms - s.t_ms % kHour;
        if (hourStart >= firstHour && hourStart <= to)
            covered.push_back(s);
    }
    const auto expected = reference(covered, [&](TimestampMs t) {
        const TimestampMs hourStart = t - t % kHour;
        return hourStart <= from ? 0 : std::min<std::int64_t>((hourStart - from) / w, n - 1);
    });
    QCOMPARE(r.buckets.size(), expected.size());
    double gotMin = std::numeric_limits<double>::infinity(), gotMax = -gotMin;
    double refMin = gotMin, refMax = -gotMin;
    std::size_t i = 0;
    for (const auto &[index, ref] : expected) {
        const Bucket &b = r.buckets[i++];
        QCOMPARE(b.count, ref.count);
        QCOMPARE(int(std::uint8_t(b.worstQuality)), ref.worst);
        if (ref.count == 0)
            continue;
        QCOMPARE(b.min, ref.min);
        QCOMPARE(b.max, ref.max);
        QCOMPARE(b.first, ref.first);
        QCOMPARE(b.last, ref.last);
        QCOMPARE(valueAt(a, b.t_min), b.min);
        QCOMPARE(valueAt(a, b.t_max), b.max);
        // An extreme is reported in the bucket holding the start of its hour, so it moves
        // earlier by less than one hour (here at most 2 buckets of 45 min), never later.
        for (const TimestampMs t : {b.t_min, b.t_max}) {
            const TimestampMs hourStart = t - t % kHour;
            const TimestampMs bucketStart = from + index * w;
            QVERIFY(hourStart <= from ? index == 0 : hourStart >= bucketStart && hourStart < bucketStart + w);
            QVERIFY(t < bucketStart + w + kHour);
        }
        gotMin = std::min(gotMin, b.min);
        gotMax = std::max(gotMax, b.max);
        refMin = std::min(refMin, ref.min);
        refMax = std::max(refMax, ref.max);
    }
    // Every extreme of the data in [from, to] is in the result.
    for (const Sample &s : a) {
        if (s.t_ms < from || s.t_ms > to || isBad(s.q) || !std::isfinite(s.value))
            continue;
        QVERIFY(s.value >= gotMin && s.value <= gotMax);
    }
    QCOMPARE(gotMin, refMin);
    QCOMPARE(gotMax, refMax);
}

void TstHistorian::resolutionThresholds_data()
{
    QTest::addColumn<TimestampMs>("width");
    QTest::addColumn<int>("source");
    QTest::newRow("59.999 s") << TimestampMs(kMin - 1) << int(RangeResult::Source::Raw);
    QTest::newRow("1 min") << kMin << int(RangeResult::Source::Minute);
    QTest::newRow("29 min") << TimestampMs(29 * kMin) << int(RangeResult::Source::Minute);
    QTest::newRow("30 min") << TimestampMs(30 * kMin) << int(RangeResult::Source::Hour);
    QTest::newRow("1 day") << kDay << int(RangeResult::Source::Hour);
}

void TstHistorian::resolutionThresholds()
{
    QFETCH(TimestampMs, width);
    QFETCH(int, source);
    QString error;
    auto h = Historian::open(options(), &error);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(h->bindTags({kTagA}));
    h->append({{0, kT0, 1.0, Quality::Good}});
    h->flush();
    const RangeResult r = h->range(kTagA, kT0, kT0 + 10 * width - 1, 10);
    QCOMPARE(int(r.source), source);
    QCOMPARE(r.buckets.size(), std::size_t(1));
    QCOMPARE(r.buckets.front().min, 1.0);
}

void TstHistorian::journalIsOneBlobRowPerCommit()
{
    HistorianOptions o = options();
    o.chunkMaxSamples = 50;
    o.chunkMaxAgeMs = 24 * 3600 * 1000;
    std::vector<Sample> both;
    const auto a = series(0, kT0, 1000, 120, 21); // 2 chunks of A sealed, 20 samples open
    const auto b = series(1, kT0, 1000, 10, 22);  // B stays open
    both.insert(both.end(), a.begin(), a.end());
    both.insert(both.end(), b.begin(), b.end());
    QString error;
    {
        auto h = Historian::open(o, &error);
        QVERIFY2(h, qPrintable(error));
        QVERIFY(h->bindTags({kTagA, kTagB}));
        h->append(SampleBatch(both));
        h->flush();
        // One commit: one journal row (130 samples are far below 64 KiB) holding all of them,
        // partly sealed: it stays until every sample in it is sealed.
        QCOMPARE(queryInt(o.path, "SELECT count(*) FROM journal"), std::int64_t(1));
        QCOMPARE(queryInt(o.path, "SELECT sum(count) FROM journal"), std::int64_t(130));
        QCOMPARE(h->stats().chunks, std::uint64_t(2));
    } // closes without sealing: the next open replays exactly the 30 unsealed samples
    {
        auto h = Historian::open(o, &error);
        QVERIFY2(h, qPrintable(error));
        QVERIFY(h->bindTags({kTagA, kTagB}));
        const auto gotA = h->raw(kTagA, kT0, kT0 + kHour);
        const auto gotB = h->raw(kTagB, kT0, kT0 + kHour);
        QCOMPARE(gotA.size(), a.size()); // no duplicates from the sealed part of the blob
        QCOMPARE(gotB.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY2(sameSample(gotA[i], a[i]), qPrintable(QString::number(i)));
        h->append({{1, kT0 + kHour, 7.5, Quality::Good}});
        h->flush();
        QCOMPARE(queryInt(o.path, "SELECT count(*) FROM journal"), std::int64_t(2));
        h->sealAll();
        QCOMPARE(queryInt(o.path, "SELECT count(*) FROM journal"), std::int64_t(0));
        QCOMPARE(h->raw(kTagB, kT0, kT0 + kHour).size(), b.size() + 1);
        QCOMPARE(h->minuteRollups(kTagA, kT0, kT0 + kHour).size(), std::size_t(2));
    }
}

void TstHistorian::version1FileIsMigrated()
{
    // A schema-1 file as Andon 1 wrote it: one journal row per sample, rowid = sequence
    // number. Tag 1 (A) has sealed up to rowid 2, so rows 1-2 must not come back; rows 7-9
    // were removed by retention (a gap), rows 3-6 and 10-11 are unsealed.
    const HistorianOptions o = options();
    const QByteArray sqlText = R"sql(
PRAGMA application_id = 1095648334; PRAGMA user_version = 1;
CREATE TABLE meta(key TEXT PRIMARY KEY, value);
INSERT INTO meta VALUES('application', 'andon-historian'), ('max_chunk_span_ms', 0),
    ('schema_version', 1);
CREATE TABLE tags(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL,
    sealed_rowid INTEGER NOT NULL DEFAULT 0);
CREATE TABLE journal(tag_id INTEGER NOT NULL, t_ms INTEGER NOT NULL, value REAL, q INTEGER NOT NULL);
CREATE TABLE chunks(tag_id INTEGER NOT NULL, t_first INTEGER NOT NULL, t_last INTEGER NOT NULL,
    count INTEGER NOT NULL, min REAL, max REAL, data BLOB NOT NULL,
    PRIMARY KEY(tag_id, t_first)) WITHOUT ROWID;
CREATE TABLE rollup_minute(tag_id INTEGER NOT NULL, t_start INTEGER NOT NULL,
    count INTEGER NOT NULL, sum REAL, min REAL, min_t INTEGER, max REAL, max_t INTEGER,
    first REAL, first_t INTEGER, last REAL, last_t INTEGER, worst_q INTEGER NOT NULL,
    PRIMARY KEY(tag_id, t_start)) WITHOUT ROWID;
CREATE TABLE rollup_hour(tag_id INTEGER NOT NULL, t_start INTEGER NOT NULL,
    count INTEGER NOT NULL, sum REAL, min REAL, min_t INTEGER, max REAL, max_t INTEGER,
    first REAL, first_t INTEGER, last REAL, last_t INTEGER, worst_q INTEGER NOT NULL,
    PRIMARY KEY(tag_id, t_start)) WITHOUT ROWID;
INSERT INTO tags VALUES(1, 'acme/berlin/assembly/line1/press1/temperature', 2),
                       (2, 'acme/berlin/assembly/line1/press1/pressure', 0);
INSERT INTO journal(rowid, tag_id, t_ms, value, q) VALUES
    (1, 1, 1767225600000, 10.0, 0), (2, 1, 1767225601000, 11.0, 0),
    (3, 1, 1767225602000, 12.5, 0), (4, 2, 1767225602000, -3.25, 64),
    (5, 1, 1767225603000, NULL, 130), (6, 2, 1767225603000, 4.0, 0),
    (10, 2, 1767225610000, 5.5, 0), (11, 1, 1767225611000, 1e300, 0);
)sql";
    QVERIFY(makeSqlite(o.path, sqlText.constData()));
    QString error, notice;
    {
        auto h = Historian::open(o, &error, &notice);
        QVERIFY2(h, qPrintable(error));
        QVERIFY2(notice.isEmpty(), qPrintable(notice));
        QVERIFY(h->bindTags({kTagA, kTagB}));
        const auto gotA = h->raw(kTagA, kT0, kT0 + kHour);
        const auto gotB = h->raw(kTagB, kT0, kT0 + kHour);
        QCOMPARE(gotA.size(), std::size_t(3));
        QCOMPARE(gotA[0].t_ms, kT0 + 2000);
        QCOMPARE(gotA[0].value, 12.5);
        QCOMPARE(gotA[1].t_ms, kT0 + 3000);
        QVERIFY(std::isnan(gotA[1].value)); // NULL value: NaN, as v1 read it
        QCOMPARE(int(std::uint8_t(gotA[1].q)), 130);
        QCOMPARE(gotA[2].value, 1e300);
        QCOMPARE(gotB.size(), std::size_t(3));
        QCOMPARE(gotB[0].value, -3.25);
        QCOMPARE(gotB[0].q, Quality::Uncertain);
        QCOMPARE(gotB[2].t_ms, kT0 + 10'000);
        // Converted: two blob rows (rows 1-6 and 10-11: a gap starts a new blob).
        QCOMPARE(queryInt(o.path, "SELECT user_version FROM pragma_user_version"), std::int64_t(Historian::kSchemaVersion));
        QCOMPARE(queryInt(o.path, "SELECT count(*) FROM journal"), std::int64_t(2));
        QCOMPARE(queryInt(o.path, "SELECT sum(count) FROM journal"), std::int64_t(8));
        QCOMPARE(queryInt(o.path, "SELECT max(seq) FROM journal"), std::int64_t(10));
        // New samples continue after the old sequence numbers.
        h->append({{0, kT0 + 20'000, 20.0, Quality::Good}, {1, kT0 + 20'000, 21.0, Quality::Good}});
        h->flush();
        QCOMPARE(queryInt(o.path, "SELECT max(seq) FROM journal"), std::int64_t(12));
    }
    {
        auto h = Historian::open(o, &error); // replay of converted + new rows, no duplicates
        QVERIFY2(h, qPrintable(error));
        QVERIFY(h->bindTags({kTagA, kTagB}));
        QCOMPARE(h->raw(kTagA, kT0, kT0 + kHour).size(), std::size_t(4));
        QCOMPARE(h->raw(kTagB, kT0, kT0 + kHour).size(), std::size_t(4));
        h->sealAll();
        QCOMPARE(queryInt(o.path, "SELECT count(*) FROM journal"), std::int64_t(0));
        const auto minuteA = h->minuteRollups(kTagA, kT0, kT0 + kHour);
        QCOMPARE(minuteA.size(), std::size_t(1));
        QCOMPARE(minuteA.front().count, std::int64_t(3)); // 12.5, 1e300, 20.0 (Bad NaN left out)
        QCOMPARE(minuteA.front().max, 1e300);
    }
    {
        HistorianOptions ro = o;
        ro.readOnly = true;
        auto h = Historian::open(ro, &error);
        QVERIFY2(h, qPrintable(error));
        QCOMPARE(h->raw(kTagA, kT0, kT0 + kHour).size(), std::size_t(4));
    }
}

void TstHistorian::lateSamplesAreNeverDropped()
{
    HistorianOptions o = options();
    o.chunkMaxSamples = 10;
    QString error;
    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(h->bindTags({kTagA}));
    std::vector<Sample> all;
    for (int i = 1; i <= 30; ++i)
        all.push_back({0, kT0 + i * 1000, double(i), Quality::Good});
    appendAll(*h, all, 30);
    h->flush();
    h->sealAll();
    QCOMPARE(h->stats().chunks, std::uint64_t(3));
    // Older than everything sealed, and one exactly at an existing chunk's first time.
    h->append({{0, kT0 + 1000, -2.0, Quality::Uncertain}}); // merges into the first chunk
    h->sealAll();
    QCOMPARE(h->stats().chunks, std::uint64_t(3));
    h->append({{0, kT0 + 500, -1.0, Quality::Good}}); // a chunk of its own
    h->sealAll();
    QCOMPARE(h->stats().chunks, std::uint64_t(4));
    const auto got = h->raw(kTagA, kT0, kT0 + kHour);
    QCOMPARE(got.size(), std::size_t(32));
    QCOMPARE(got.front().value, -1.0);
    int atChunkStart = 0;
    for (const Sample &s : got)
        atChunkStart += s.t_ms == kT0 + 1000;
    QCOMPARE(atChunkStart, 2);
    const auto minute = h->minuteRollups(kTagA, kT0, kT0 + kMin - 1);
    QCOMPARE(minute.size(), std::size_t(1));
    QCOMPARE(minute.front().count, std::int64_t(32));
    QCOMPARE(minute.front().min, -2.0);
}

void TstHistorian::retentionDeletesExactlyTheOldData()
{
    HistorianOptions o = options();
    o.chunkMaxSamples = 60; // one chunk per hour at 1 sample/min
    o.rawRetentionDays = 1;
    o.minuteRetentionDays = 2;
    o.hourRetentionDays = 3;
    QString error;
    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(h->bindTags({kTagA}));
    std::vector<Sample> all;
    for (int i = 0; i < 5 * 24 * 60; ++i) // 5 days, one sample per minute
        all.push_back({0, kT0 + i * kMin, double(i % 100), Quality::Good});
    appendAll(*h, all, 500);
    h->flush();
    h->sealAll();

    const TimestampMs now = kT0 + 5 * kDay + 30 * kMin;
    QVERIFY(h->applyRetention(now) > 0);
    // Raw: chunks ending before now - 1 day go; chunks are whole hours, so the hour holding
    // the cutoff stays whole.
    const TimestampMs rawCut = now - kDay;
    const TimestampMs firstKept = rawCut - rawCut % kHour;
    const auto raw = h->raw(kTagA, kT0, now);
    QCOMPARE(raw.front().t_ms, firstKept);
    QCOMPARE(raw.size(), std::size_t((all.back().t_ms - firstKept) / kMin + 1));
    // Minute rollups: a minute goes once it ended at or before now - 2 days.
    const auto minutes = h->minuteRollups(kTagA, kT0, now);
    QCOMPARE(minutes.front().t_start, now - 2 * kDay);
    const auto hours = h->hourRollups(kTagA, kT0, now);
    QCOMPARE(hours.front().t_start, now - 3 * kDay - 30 * kMin); // [2d, 2d+1h) ends after the cutoff
    QCOMPARE(h->applyRetention(now), std::int64_t(0)); // idempotent
}

void TstHistorian::reopenAfterCleanClose()
{
    HistorianOptions o = options();
    o.chunkMaxSamples = 25;
    const auto a = series(0, kT0, 1000, 60, 6);
    QString error;
    {
        auto h = Historian::open(o, &error);
        QVERIFY2(h, qPrintable(error));
        QVERIFY(h->bindTags({kTagA, kTagB}));
        appendAll(*h, a, 7);
    } // destructor flushes; 60 = 2 chunks + 10 unsealed samples in the journal
    {
        QString notice;
        auto h = Historian::open(o, &error, &notice);
        QVERIFY2(h, qPrintable(error));
        QVERIFY(notice.isEmpty());
        // Reordered configuration: history follows the path, not the TagId.
        QVERIFY(h->bindTags({kTagB, kTagA}));
        QCOMPARE(h->raw(kTagA, kT0, kT0 + kHour).size(), a.size());
        std::vector<Sample> more = series(1, kT0 + 60'000, 1000, 60, 8);
        appendAll(*h, more, 9);
        h->flush();
        const auto got = h->raw(kTagA, kT0, kT0 + kHour);
        QCOMPARE(got.size(), a.size() + more.size());
        QVERIFY(sameSample(got.back(), more.back()));
        QCOMPARE(got.back().tag, TagId(1));
    }
    {
        o.readOnly = true;
        auto h = Historian::open(o, &error);
        QVERIFY2(h, qPrintable(error));
        QCOMPARE(h->raw(kTagA, kT0, kT0 + kHour).size(), std::size_t(120));
        QCOMPARE(h->minuteRollups(kTagA, kT0, kT0 + kHour).size(), std::size_t(2));
    }
}

namespace {

bool makeSqlite(const QString &path, const char *sqlText)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    const bool ok = sqlite3_exec(db, sqlText, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// Writes a kind of bad file at `path`; returns its bytes.
QByteArray writeBadFile(const QString &kind, const HistorianOptions &o)
{
    if (kind == QLatin1String("text")) {
        QFile f(o.path);
        f.open(QIODevice::WriteOnly);
        f.write("timestamp,tag,value\nthis is not a database\n");
    } else if (kind == QLatin1String("foreign-sqlite")) {
        makeSqlite(o.path, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT);"
                           "INSERT INTO customers(name) VALUES('ACME');");
    } else if (kind == QLatin1String("corrupt")) {
        {
            QString error;
            HistorianOptions w = o;
            w.chunkMaxSamples = 10;
            auto h = Historian::open(w, &error);
            h->bindTags({kTagA});
            appendAll(*h, series(0, kT0, 1000, 3000, 9), 100);
            h->flush();
            h->sealAll();
        }
        QFile f(o.path);
        f.open(QIODevice::ReadWrite);
        const qint64 size = f.size();
        // Garble the b-tree page header of every page after the first (the schema page
        // stays readable, so only the integrity check can tell).
        for (qint64 off = 4096; off < size; off += 4096) {
            f.seek(off);
            f.write(QByteArray(16, '\x5a'));
        }
    }
    QFile f(o.path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

void TstHistorian::badFileIsMovedAside_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("not-sqlite") << QStringLiteral("text");
    QTest::newRow("foreign-sqlite") << QStringLiteral("foreign-sqlite");
    QTest::newRow("corrupt") << QStringLiteral("corrupt");
}

void TstHistorian::badFileIsMovedAside()
{
    QFETCH(QString, kind);
    const HistorianOptions o = options();
    const QByteArray original = writeBadFile(kind, o);
    QVERIFY(!original.isEmpty());

    test::expectWarning(QRegularExpression(QStringLiteral("was not a usable Andon historian")));
    QString error, notice;
    auto h = Historian::open(o, &error, &notice);
    QVERIFY2(h, qPrintable(error));
    QVERIFY2(notice.contains(o.path), qPrintable(notice));
    const QRegularExpression moved(QRegularExpression::escape(o.path)
                                   + QStringLiteral("\\.corrupt-\\d{8}T\\d{6}"));
    const auto match = moved.match(notice);
    QVERIFY2(match.hasMatch(), qPrintable(notice));
    QFile aside(match.captured(0));
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), original); // nothing was overwritten

    // The new file is a working, empty historian.
    QVERIFY(h->tagPaths().isEmpty());
    QVERIFY(h->bindTags({kTagA}));
    h->append({{0, kT0, 1.5, Quality::Good}});
    h->flush();
    QCOMPARE(h->raw(kTagA, kT0, kT0).size(), std::size_t(1));
}

void TstHistorian::readOnlyRefusesBadFile()
{
    for (const QString &kind : {QStringLiteral("text"), QStringLiteral("foreign-sqlite"),
                               QStringLiteral("corrupt")}) {
        init();
        HistorianOptions o = options();
        const QByteArray original = writeBadFile(kind, o);
        o.readOnly = true;
        QString error;
        auto h = Historian::open(o, &error);
        QVERIFY2(!h, qPrintable(kind));
        QVERIFY2(error.contains(o.path) && error.contains(QLatin1String("not a usable")),
                 qPrintable(error));
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), original);
        QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*.corrupt-*")}).size(), 0);
    }
    HistorianOptions o = options(QStringLiteral("missing.db"));
    o.readOnly = true;
    QString error;
    QVERIFY(!Historian::open(o, &error));
    QVERIFY(error.contains(QLatin1String("does not exist")));
}

void TstHistorian::oldSchemaIsMigrated()
{
    // A file stamped by Andon before any table existed (schema version 0).
    const HistorianOptions o = options();
    QVERIFY(makeSqlite(o.path, "PRAGMA application_id = 1095648334; PRAGMA user_version = 0;"
                               "CREATE TABLE scratch(x);"));
    QString error, notice;
    {
        auto h = Historian::open(o, &error, &notice);
        QVERIFY2(h, qPrintable(error));
        QVERIFY(notice.isEmpty());
        QVERIFY(h->bindTags({kTagA}));
    }
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2(o.path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
             SQLITE_OK);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version), "
                           "(SELECT value FROM meta WHERE key = 'schema_version')",
                       -1, &st, nullptr);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(st, 0), Historian::kSchemaVersion);
    QCOMPARE(sqlite3_column_int(st, 1), Historian::kSchemaVersion);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

void TstHistorian::newerSchemaIsRefused()
{
    const HistorianOptions o = options();
    QVERIFY(makeSqlite(o.path, "PRAGMA application_id = 1095648334; PRAGMA user_version = 99;"
                               "CREATE TABLE meta(key TEXT PRIMARY KEY, value);"));
    QFile f(o.path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray original = f.readAll();
    f.close();
    QString error;
    auto h = Historian::open(o, &error);
    QVERIFY(!h);
    QVERIFY2(error.contains(QLatin1String("schema version 99"))
                 && error.contains(QLatin1String("newer Andon")),
             qPrintable(error));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), original);
}


void TstHistorian::eventJournalRoundTrip()
{
    const auto o = options();
    QString error;
    {
        auto h = Historian::open(o, &error);
        QVERIFY2(h, qPrintable(error));
        Event a;
        a.t = 1'000;
        a.category = QStringLiteral("audit");
        a.kind = QStringLiteral("modbus.write");
        a.source = QStringLiteral("plant/line1/filler/speed_sp");
        a.user = QStringLiteral("operator1");
        a.message = QStringLiteral("wrote 12.5 to speed set point");
        a.oldValue = QStringLiteral("10");
        a.newValue = QStringLiteral("12.5");
        a.details = QStringLiteral(R"({"device":"plc1","register":40010})");
        const auto id1 = h->appendEvent(a, &error);
        QVERIFY2(id1 > 0, qPrintable(error));

        Event b;
        b.t = 2'000;
        b.category = QStringLiteral("alarm");
        b.kind = QStringLiteral("alarm.active");
        b.source = QStringLiteral("plant/line2/palletizer/motor_temp");
        b.message = QStringLiteral("motor temperature high");
        const auto id2 = h->appendEvent(b, &error);
        QCOMPARE(id2, id1 + 1);

        Event c = a;
        c.t = 3'000;
        c.kind = QStringLiteral("reason.set");
        c.source = QStringLiteral("plant/line1/capper");
        c.oldValue = QString(); // null stays null
        QVERIFY(h->appendEvent(c) > id2);
    } // closed: the events must survive a restart

    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    const auto all = h->events({});
    QCOMPARE(all.size(), std::size_t(3));
    QCOMPARE(all[0].user, QStringLiteral("operator1"));
    QCOMPARE(all[0].oldValue, QStringLiteral("10"));
    QCOMPARE(all[0].newValue, QStringLiteral("12.5"));
    QCOMPARE(all[0].details, QStringLiteral(R"({"device":"plc1","register":40010})"));
    QVERIFY(all[2].oldValue.isNull());

    EventQuery q;
    q.categories = {QStringLiteral("audit")};
    QCOMPARE(h->events(q).size(), std::size_t(2));
    q.kindPrefix = QStringLiteral("modbus.");
    QCOMPARE(h->events(q).size(), std::size_t(1));

    EventQuery bySource;
    bySource.sourcePrefix = QStringLiteral("plant/line1");
    QCOMPARE(h->events(bySource).size(), std::size_t(2));

    EventQuery window;
    window.from = 1'500;
    window.to = 3'000;
    window.newestFirst = true;
    const auto w = h->events(window);
    QCOMPARE(w.size(), std::size_t(2));
    QCOMPARE(w[0].t, TimestampMs(3'000));
    QCOMPARE(w[1].t, TimestampMs(2'000));

    EventQuery after;
    after.afterId = all[1].id;
    QCOMPARE(h->events(after).size(), std::size_t(1));

    // t = 0 means "now"
    Event now;
    now.category = QStringLiteral("system");
    now.kind = QStringLiteral("test");
    const auto before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(h->appendEvent(now) > 0);
    EventQuery sys;
    sys.categories = {QStringLiteral("system")};
    const auto got = h->events(sys);
    QCOMPARE(got.size(), std::size_t(1));
    QVERIFY(got[0].t >= before);
}

void TstHistorian::eventJournalIsAppendOnly()
{
    const auto o = options();
    QString error;
    {
        auto h = Historian::open(o, &error);
        QVERIFY2(h, qPrintable(error));
        Event e;
        e.category = QStringLiteral("audit");
        e.kind = QStringLiteral("x");
        e.message = QStringLiteral("original");
        QVERIFY(h->appendEvent(e) > 0);
    }
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(o.path.toUtf8().constData(), &db), SQLITE_OK);
    char *msg = nullptr;
    QCOMPARE(sqlite3_exec(db, "UPDATE events SET message = 'forged'", nullptr, nullptr, &msg),
             SQLITE_CONSTRAINT);
    QVERIFY(QByteArray(msg).contains("append-only"));
    sqlite3_free(msg);
    msg = nullptr;
    QCOMPARE(sqlite3_exec(db, "DELETE FROM events", nullptr, nullptr, &msg), SQLITE_CONSTRAINT);
    sqlite3_free(msg);
    sqlite3_close(db);

    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    const auto all = h->events({});
    QCOMPARE(all.size(), std::size_t(1));
    QCOMPARE(all[0].message, QStringLiteral("original"));
}

void TstHistorian::eventJournalRefusedReadOnly()
{
    auto o = options();
    QString error;
    {
        auto h = Historian::open(o, &error);
        QVERIFY2(h, qPrintable(error));
    }
    o.readOnly = true;
    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    Event e;
    e.category = QStringLiteral("audit");
    e.kind = QStringLiteral("reason.set");
    e.source = QStringLiteral("plant/line1/capper");
    e.message = QStringLiteral("reason jam");
    test::expectWarning(QRegularExpression(QStringLiteral(
        "event journal: could not record audit event 'reason jam' of plant/line1/capper")));
    QCOMPARE(h->appendEvent(e, &error), std::int64_t(-1));
    QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
}

// A full disk (here: the file's size limit, which fails commits with the same SQLITE_FULL a
// full file system gives) must not lose samples: they stay queued, the error says why, and
// they are written once retention has freed space.
void TstHistorian::fullDiskKeepsSamplesQueued()
{
    auto o = options();
    o.maxSizeBytes = 256 * 1024;
    o.rawRetentionDays = 30;
    QString error;
    auto h = Historian::open(o, &error);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(h->bindTags({QStringLiteral("old"), QStringLiteral("new")}, &error));

    // Noise does not compress: about 8 bytes per sample in chunks, more in the journal.
    QRandomGenerator rng(42);
    const TimestampMs t0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
    TimestampMs t = t0;
    bool full = false;
    for (int round = 0; round < 400 && !full; ++round) {
        SampleBatch batch;
        for (int i = 0; i < 2'000; ++i, t += 1'000)
            batch.push_back(Sample{0, t, rng.generateDouble() * 1000.0, Quality::Good});
        h->append(std::move(batch));
        h->flush();
        full = !h->stats().lastError.isEmpty();
    }
    QVERIFY2(full, "the size limit was never reached");
    const HistorianStats st = h->stats();
    QVERIFY2(st.lastError.contains(QStringLiteral("full")), qPrintable(st.lastError));
    QVERIFY2(st.lastError.contains(o.path), qPrintable(st.lastError));
    QVERIFY(st.queueDepth > 0);

    // Samples for another tag arrive while the disk is full: queued as well.
    const TimestampMs tNew = t0 + 40 * 86'400'000LL;
    SampleBatch fresh;
    for (int i = 0; i < 500; ++i)
        fresh.push_back(Sample{1, tNew + i * 1'000, double(i), Quality::Good});
    const std::uint64_t lastOldCount = st.queueDepth;
    h->append(std::move(fresh));
    h->flush();
    QVERIFY(h->stats().queueDepth >= lastOldCount + 500);

    // Retention removes the (older than 30 days) committed data; the queue drains.
    QVERIFY(h->applyRetention(tNew) > 0);
    h->flush();
    QTRY_COMPARE_WITH_TIMEOUT(h->stats().queueDepth, std::uint64_t(0), 10'000);
    h->sealAll();

    const auto got = h->raw(QStringLiteral("new"), tNew, tNew + 500'000);
    QCOMPARE(got.size(), std::size_t(500));
    for (int i = 0; i < 500; ++i) {
        QCOMPARE(got[std::size_t(i)].t_ms, tNew + i * 1'000);
        QCOMPARE(got[std::size_t(i)].value, double(i));
    }
    // The batch that hit the limit was committed after retention too (it is old data, but
    // nothing queued is ever dropped); the last old sample is there.
    const auto lastOld = h->raw(QStringLiteral("old"), t - 1'000, t - 1'000);
    QCOMPARE(lastOld.size(), std::size_t(1));

    // The writer logged the failure (rate-limited); nothing else was unexpected.
    QStringList warnings = test::unexpectedWarnings();
    QVERIFY(!warnings.isEmpty());
    for (const QString &w : warnings)
        QVERIFY2(w.contains(QStringLiteral("full")), qPrintable(w));
    test::clearUnexpectedWarnings();
}

QTEST_GUILESS_MAIN(TstHistorian)
#include "tst_historian.moc"
