// TrendLoader: decimation keeps every extreme (each bucket's min/max/count equals an
// independent computation over the generated raw samples of that bucket's time slice, at raw,
// minute and hour resolution), the live edge from the TagStore ring is merged without
// duplicates, and a newer request supersedes an older one.
#include "core/tag_store.h"
#include "engine/trend_loader.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <random>

using namespace andon;

namespace {

const QString kTag = QStringLiteral("acme/site/area/line1/press/vibration");
const QString kOther = QStringLiteral("acme/site/area/line1/press/temperature");
// 2026-03-01T00:00:00Z, on an hour boundary.
const TimestampMs kT0 =
    QDateTime(QDate(2026, 3, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
constexpr TimestampMs kHours = 12;
constexpr TimestampMs kStepMs = 1000;

// 12 hours of 1 s samples: a sine with noise, plus planted extremes the decimation must keep,
// Bad samples with absurd values it must ignore, and a few NaN and Uncertain samples.
std::vector<Sample> generate()
{
    std::vector<Sample> out;
    std::mt19937 rng(20260301);
    std::uniform_real_distribution<double> noise(-1.0, 1.0);
    const TimestampMs n = kHours * 3600;
    out.reserve(std::size_t(n));
    for (TimestampMs i = 0; i < n; ++i) {
        Sample s;
        s.tag = 0;
        s.t_ms = kT0 + i * kStepMs + (i % 7) * 37; // not on whole seconds
        s.value = 50.0 + 10.0 * std::sin(2.0 * M_PI * double(i) / 600.0) + noise(rng);
        if (i % 997 == 0)
            s.value += 200.0 + double(i % 13); // spikes of different heights
        if (i % 1499 == 0)
            s.value -= 300.0 + double(i % 11); // dips
        if (i % 613 == 0) {
            s.value = 1e6; // a Bad sample's placeholder: never an extreme of the trend
            s.q = Quality::BadCommFailure;
        }
        if (i % 4001 == 0) {
            s.value = 1e5; // Uncertain counts in the statistics (historian rule)
            s.q = Quality::UncertainLastKnown;
        }
        if (i % 2503 == 0)
            s.value = std::numeric_limits<double>::quiet_NaN();
        out.push_back(s);
    }
    // Ten minutes with only Bad samples (source stale): a gap in the trend.
    for (Sample &s : out) {
        if (s.t_ms >= kT0 + 5 * 3'600'000 && s.t_ms < kT0 + 5 * 3'600'000 + 600'000)
            s.q = Quality::BadStale;
    }
    return out;
}

bool counts(const Sample &s)
{
    return std::isfinite(s.value) && !isBad(s.q);
}

} // namespace

class TestTrendLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void decimationKeepsEveryExtreme_data();
    void decimationKeepsEveryExtreme();
    void liveEdgeFromTheRingBuffer();
    void liveOnlyWithoutHistorian();
    void unknownTagSaysSo();
    void newerRequestSupersedesOlder();
    void cleanup();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Historian> m_historian;
    std::vector<Sample> m_data;
};

void TestTrendLoader::initTestCase()
{
    test::installStrictMessageHandler();
    QVERIFY(m_dir.isValid());
    storage::HistorianOptions o;
    o.path = m_dir.filePath(QStringLiteral("trend.db"));
    o.rawRetentionDays = 0;
    QString error;
    m_historian = storage::Historian::open(o, &error);
    QVERIFY2(m_historian, qPrintable(error));
    QVERIFY(m_historian->bindTags({kTag, kOther}, &error));
    m_data = generate();
    m_historian->append(m_data);
    m_historian->flush();
    m_historian->sealAll();
}

void TestTrendLoader::cleanup()
{
    const QStringList unexpected = test::unexpectedWarnings();
    test::clearUnexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TestTrendLoader::decimationKeepsEveryExtreme_data()
{
    QTest::addColumn<TimestampMs>("from");
    QTest::addColumn<TimestampMs>("width");
    QTest::addColumn<int>("buckets");
    QTest::addColumn<int>("resolution");
    // to = from + buckets * width - 1, so the historian's width ceil((to-from+1)/n) is `width`.
    // Raw: 20 min in 300 buckets of 4 s, starting off any second boundary.
    QTest::newRow("raw 4 s") << kT0 + 1234 << TimestampMs(4000) << 300
                             << int(analytics::TrendResolution::Raw);
    // Raw across the stale stretch (5:00-5:10): buckets with only Bad samples.
    QTest::newRow("raw 1 s over the stale gap") << kT0 + 5 * 3'600'000 - 120'000
                                                << TimestampMs(1000) << 900
                                                << int(analytics::TrendResolution::Raw);
    // Minute rollups: 2 min buckets from a minute boundary (each bucket = 2 whole minutes).
    QTest::newRow("minute 2 min") << kT0 + 60 * 60'000 << TimestampMs(120'000) << 150
                                  << int(analytics::TrendResolution::Minute);
    // Hour rollups: 1 h and 2 h buckets from an hour boundary.
    QTest::newRow("hour 1 h") << kT0 << TimestampMs(3'600'000) << 12
                              << int(analytics::TrendResolution::Hour);
    QTest::newRow("hour 2 h") << kT0 << TimestampMs(7'200'000) << 6
                              << int(analytics::TrendResolution::Hour);
}

void TestTrendLoader::decimationKeepsEveryExtreme()
{
    QFETCH(TimestampMs, from);
    QFETCH(TimestampMs, width);
    QFETCH(int, buckets);
    QFETCH(int, resolution);
    const TimestampMs to = from + buckets * width - 1;

    TrendLoader loader;
    loader.setSources(m_historian.get(), nullptr, nullptr);
    QSignalSpy spy(&loader, &TrendLoader::loaded);
    TrendRequest request;
    request.paths = {kTag};
    request.from = from;
    request.to = to;
    request.maxBuckets = buckets;
    const std::uint64_t gen = loader.request(request);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30'000);
    const auto result = spy.at(0).at(0).value<TrendLoadResult>();
    QCOMPARE(result.generation, gen);
    QCOMPARE(result.series.size(), std::size_t(1));
    const analytics::TrendSeries &series = result.series[0];
    QVERIFY2(series.error.isEmpty(), qPrintable(series.error));
    QCOMPARE(int(series.resolution), resolution);
    QCOMPARE(series.bucketMs, width);

    // Independent reference: min/max/count of the generated samples per slice.
    struct Ref { double min = 0, max = 0; std::int64_t count = 0; bool any = false; };
    std::vector<Ref> ref(static_cast<std::size_t>(buckets));
    for (const Sample &s : m_data) {
        if (s.t_ms < from || s.t_ms > to)
            continue;
        Ref &r = ref[std::size_t((s.t_ms - from) / width)];
        r.any = true;
        if (!counts(s))
            continue;
        if (r.count == 0) {
            r.min = r.max = s.value;
        } else {
            r.min = std::min(r.min, s.value);
            r.max = std::max(r.max, s.value);
        }
        ++r.count;
    }
    std::size_t next = 0;
    int withData = 0, badOnly = 0;
    for (int k = 0; k < buckets; ++k) {
        const Ref &r = ref[std::size_t(k)];
        const TimestampMs start = from + k * width;
        const bool present = next < series.buckets.size() && series.buckets[next].start == start;
        const QString where = QStringLiteral("bucket %1 at %2").arg(k).arg(formatTimestampUtc(start));
        if (r.count == 0) {
            // Nothing countable: no bucket, or (only Bad samples) a gap bucket with count 0.
            if (present) {
                QVERIFY2(r.any, qPrintable(where));
                QCOMPARE(series.buckets[next].count, std::int64_t(0));
                QVERIFY(isBad(series.buckets[next].worst));
                ++badOnly;
                ++next;
            }
            continue;
        }
        QVERIFY2(present, qPrintable(where + QStringLiteral(" missing")));
        const analytics::TrendBucket &b = series.buckets[next++];
        QVERIFY2(b.min == r.min, qPrintable(where + QStringLiteral(": min %1, expected %2")
                                                      .arg(b.min).arg(r.min)));
        QVERIFY2(b.max == r.max, qPrintable(where + QStringLiteral(": max %1, expected %2")
                                                      .arg(b.max).arg(r.max)));
        QVERIFY2(b.count == r.count, qPrintable(where));
        QVERIFY(b.tMin >= start && b.tMin < start + width);
        QVERIFY(b.tMax >= start && b.tMax < start + width);
        ++withData;
    }
    QCOMPARE(next, series.buckets.size()); // no bucket outside the grid
    QVERIFY(withData > 0);
    if (QByteArray(QTest::currentDataTag()).contains("stale"))
        QVERIFY(badOnly > 0); // the stale stretch shows up as gap buckets
    // The line drawn through the buckets reaches the overall extremes.
    double lo = INFINITY, hi = -INFINITY;
    for (const Ref &r : ref) {
        if (r.count > 0) {
            lo = std::min(lo, r.min);
            hi = std::max(hi, r.max);
        }
    }
    double lineLo = INFINITY, lineHi = -INFINITY;
    for (const analytics::TrendPoint &p : analytics::trendPolyline(series, 3 * width)) {
        if (!std::isnan(p.value)) {
            lineLo = std::min(lineLo, p.value);
            lineHi = std::max(lineHi, p.value);
        }
    }
    QCOMPARE(lineLo, lo);
    QCOMPARE(lineHi, hi);
}

void TestTrendLoader::liveEdgeFromTheRingBuffer()
{
    // A plant model with the two tags, a TagStore whose ring holds the last 20 s of kOther:
    // 10 s that the historian also has and 10 s it has not committed yet.
    PlantModel model;
    for (const QString &p : {kTag, kOther}) {
        TagDef t;
        t.id = TagId(model.tags.size());
        t.path = p;
        model.tags.push_back(t);
        model.tagIndex.insert(p, t.id);
    }
    TagStore store(std::vector<int>{30'000, 30'000}, 256);
    const TimestampMs base = kT0 + 24 * 3'600'000; // after the generated data
    SampleBatch stored, ring;
    for (int i = 0; i < 20; ++i) {
        const Sample s{1, base + i * 1000, double(i), Quality::Good};
        if (i < 10)
            stored.push_back(s);
        ring.push_back(s);
    }
    m_historian->append(stored);
    m_historian->flush();
    store.apply(ring, base + 20'000);

    TrendRequest request;
    request.paths = {kOther};
    request.from = base - 60'000;
    request.to = base + 60'000;
    request.maxBuckets = 1200; // 100 ms buckets: one sample each
    const auto modelPtr = std::make_shared<PlantModel>(model);
    const TrendLoadResult r = TrendLoader::load(request, m_historian.get(), &store, modelPtr.get());
    const analytics::TrendSeries &s = r.series.at(0);
    QCOMPARE(s.historianLastMs, base + 9000);
    QCOMPARE(s.liveSamples, std::int64_t(10)); // 10 s .. 19 s, not the 10 the historian has
    std::int64_t total = 0;
    for (const auto &b : s.buckets)
        total += b.count;
    QCOMPARE(total, std::int64_t(20)); // each sample once
    QCOMPARE(s.newestTime(), base + 19'000);
    QCOMPARE(s.buckets.back().last, 19.0);

    // mergeLive off: only what the historian has.
    request.mergeLive = false;
    const TrendLoadResult h = TrendLoader::load(request, m_historian.get(), &store, modelPtr.get());
    QCOMPARE(h.series.at(0).newestTime(), base + 9000);
}

void TestTrendLoader::liveOnlyWithoutHistorian()
{
    PlantModel model;
    TagDef t;
    t.id = 0;
    t.path = kTag;
    model.tags.push_back(t);
    model.tagIndex.insert(kTag, 0);
    TagStore store(std::vector<int>{30'000}, 64);
    SampleBatch ring;
    for (int i = 0; i < 30; ++i)
        ring.push_back({0, kT0 + i * 1000, double(i % 5), Quality::Good});
    store.apply(ring, kT0 + 30'000);
    TrendRequest request;
    request.paths = {kTag};
    request.from = kT0;
    request.to = kT0 + 29'999;
    request.maxBuckets = 10; // 3 s buckets of 3 samples
    const TrendLoadResult r = TrendLoader::load(request, nullptr, &store, &model);
    const analytics::TrendSeries &s = r.series.at(0);
    QVERIFY(s.error.isEmpty());
    QCOMPARE(s.buckets.size(), std::size_t(10));
    // Bucket 1 holds samples 3, 4, 5 -> values 3, 4, 0: min 0, max 4.
    QCOMPARE(s.buckets[1].min, 0.0);
    QCOMPARE(s.buckets[1].max, 4.0);
    QCOMPARE(s.liveSamples, std::int64_t(30));
}

void TestTrendLoader::unknownTagSaysSo()
{
    TrendRequest request;
    request.paths = {QStringLiteral("no/such/tag")};
    request.from = kT0;
    request.to = kT0 + 3'600'000;
    const TrendLoadResult r = TrendLoader::load(request, m_historian.get(), nullptr, nullptr);
    QCOMPARE(r.series.size(), std::size_t(1));
    QVERIFY(r.series[0].buckets.empty());
    QVERIFY(r.series[0].error.contains(QStringLiteral("no/such/tag")));
}

void TestTrendLoader::newerRequestSupersedesOlder()
{
    TrendLoader loader;
    loader.setSources(m_historian.get(), nullptr, nullptr);
    QSignalSpy spy(&loader, &TrendLoader::loaded);
    QSignalSpy busy(&loader, &TrendLoader::busyChanged);
    TrendRequest a;
    a.paths = {kTag};
    a.from = kT0;
    a.to = kT0 + kHours * 3'600'000 - 1;
    a.maxBuckets = 1000;
    TrendRequest b = a;
    b.paths = {kTag, kOther};
    b.to = kT0 + 3'600'000 - 1;
    loader.request(a);
    loader.request(a);
    const std::uint64_t last = loader.request(b);
    QVERIFY(loader.isBusy());
    loader.waitForIdle();
    QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), 30'000);
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1); // the superseded requests never arrive
    const auto result = spy.at(0).at(0).value<TrendLoadResult>();
    QCOMPARE(result.generation, last);
    QCOMPARE(result.series.size(), std::size_t(2));
    QCOMPARE(busy.count(), 2); // busy once, idle once
    // cancel() drops a request in flight.
    loader.request(a);
    loader.cancel();
    loader.waitForIdle();
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);
    QVERIFY(!loader.isBusy());
}

QTEST_GUILESS_MAIN(TestTrendLoader)
#include "tst_trend_loader.moc"
