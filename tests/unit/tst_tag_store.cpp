// TagStore: latest values, ring buffer order and bounds, staleness sweep, unknown tags.
#include "core/tag_store.h"

#include <QTest>

#include <thread>

using namespace andon;

class TstTagStore : public QObject
{
    Q_OBJECT
private slots:
    void latestValueFollowsNewestSample();
    void lateSampleDoesNotReplaceLatestButIsKeptInOrder();
    void ringIsBoundedAndKeepsNewest();
    void recentFiltersBySince();
    void staleSweepMarksSilentTagsOnce();
    void staleSweepIgnoresTagsWithoutData();
    void newSampleAfterStaleIsGoodAgain();
    void unknownTagsAreCountedNotStored();
    void concurrentWritersAndReaders();
};

void TstTagStore::latestValueFollowsNewestSample()
{
    TagStore store({10'000, 10'000}, 8);
    QCOMPARE(store.latest(0).hasValue, false);
    QCOMPARE(store.latest(0).q, Quality::BadNotConnected);
    store.apply({{0, 1000, 1.5, Quality::Good}, {1, 1000, 7.0, Quality::UncertainLastKnown},
                 {0, 2000, 2.5, Quality::Good}},
                2100);
    const TagValue v0 = store.latest(0);
    QVERIFY(v0.hasValue);
    QCOMPARE(v0.t_ms, 2000);
    QCOMPARE(v0.value, 2.5);
    QCOMPARE(v0.q, Quality::Good);
    QCOMPARE(v0.receivedMs, 2100);
    QCOMPARE(v0.updateCount, 2u);
    QCOMPARE(store.latest(1).q, Quality::UncertainLastKnown);
}

void TstTagStore::lateSampleDoesNotReplaceLatestButIsKeptInOrder()
{
    TagStore store({10'000}, 8);
    store.apply({{0, 3000, 3.0}, {0, 1000, 1.0}, {0, 2000, 2.0}}, 3000);
    QCOMPARE(store.latest(0).value, 3.0);
    const auto r = store.recent(0, 0);
    QCOMPARE(r.size(), 3u);
    QCOMPARE(r[0].t_ms, 1000);
    QCOMPARE(r[1].t_ms, 2000);
    QCOMPARE(r[2].t_ms, 3000);
}

void TstTagStore::ringIsBoundedAndKeepsNewest()
{
    TagStore store({10'000}, 4);
    SampleBatch batch;
    for (int i = 0; i < 10; ++i)
        batch.push_back({0, 1000 * i, double(i)});
    store.apply(batch, 10'000);
    const auto r = store.recent(0, 0);
    QCOMPARE(r.size(), 4u);
    QCOMPARE(r.front().value, 6.0);
    QCOMPARE(r.back().value, 9.0);
    // A sample older than everything in a full ring is not kept here (the historian has it).
    store.apply({{0, 500, -1.0}}, 10'000);
    QCOMPARE(store.recent(0, 0).front().value, 6.0);
}

void TstTagStore::recentFiltersBySince()
{
    TagStore store({10'000}, 16);
    store.apply({{0, 1000, 1}, {0, 2000, 2}, {0, 3000, 3}}, 3000);
    const auto r = store.recent(0, 2000);
    QCOMPARE(r.size(), 2u);
    QCOMPARE(r[0].value, 2.0);
}

void TstTagStore::staleSweepMarksSilentTagsOnce()
{
    TagStore store({5000, 60'000}, 8);
    store.apply({{0, 1000, 4.2}, {1, 1000, 9.9}}, 1000);
    QVERIFY(store.sweepStale(6000).empty()); // exactly at the timeout: still fresh
    const SampleBatch stale = store.sweepStale(6001);
    QCOMPARE(stale.size(), 1u);
    QCOMPARE(stale[0].tag, 0u);
    QCOMPARE(stale[0].q, Quality::BadStale);
    QCOMPARE(stale[0].value, 4.2); // the last value is kept, flagged
    QCOMPARE(stale[0].t_ms, 6001);
    QCOMPARE(store.latest(0).q, Quality::BadStale);
    QCOMPARE(store.latest(1).q, Quality::Good);
    QVERIFY(store.sweepStale(7000).empty()); // reported once, not every sweep
}

void TstTagStore::staleSweepIgnoresTagsWithoutData()
{
    TagStore store({1000}, 8);
    QVERIFY(store.sweepStale(1'000'000).empty());
    QCOMPARE(store.latest(0).q, Quality::BadNotConnected);
}

void TstTagStore::newSampleAfterStaleIsGoodAgain()
{
    TagStore store({1000}, 8);
    store.apply({{0, 0, 1.0}}, 0);
    QCOMPARE(store.sweepStale(5000).size(), 1u);
    store.apply({{0, 6000, 2.0}}, 6000);
    QCOMPARE(store.latest(0).q, Quality::Good);
    QCOMPARE(store.latest(0).value, 2.0);
    QVERIFY(store.sweepStale(6500).empty());
}

void TstTagStore::unknownTagsAreCountedNotStored()
{
    TagStore store({1000}, 8);
    store.apply({{5, 0, 1.0}, {kInvalidTag, 0, 1.0}}, 0);
    QCOMPARE(store.ignoredSamples(), 2u);
    QCOMPARE(store.latest(5).hasValue, false);
}

void TstTagStore::concurrentWritersAndReaders()
{
    constexpr int kTags = 32;
    constexpr int kBatches = 500;
    TagStore store(std::vector<int>(kTags, 10'000), 64);
    auto writer = [&](int offset) {
        for (int b = 0; b < kBatches; ++b) {
            SampleBatch batch;
            for (int t = 0; t < kTags; ++t)
                batch.push_back({TagId(t), TimestampMs(b) * 10 + offset, double(b)});
            store.apply(batch, b);
        }
    };
    std::thread w1(writer, 0);
    std::thread w2(writer, 1);
    std::uint64_t reads = 0;
    for (int i = 0; i < 2000; ++i) {
        const auto snap = store.snapshot();
        reads += snap.size();
        store.recent(TagId(i % kTags), 0);
    }
    w1.join();
    w2.join();
    QCOMPARE(reads, std::uint64_t(2000) * kTags);
    for (int t = 0; t < kTags; ++t) {
        QCOMPARE(store.latest(TagId(t)).updateCount, std::uint64_t(2 * kBatches));
        QCOMPARE(store.latest(TagId(t)).t_ms, TimestampMs(kBatches - 1) * 10 + 1);
    }
}

QTEST_GUILESS_MAIN(TstTagStore)
#include "tst_tag_store.moc"
