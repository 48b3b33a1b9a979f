// Chunk codec: bit-exact round trips on edge cases and random data, compactness on a
// realistic series, and robustness against malformed blobs.
#include "storage/chunk_codec.h"

#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cmath>
#include <limits>

using namespace andon;
using namespace andon::storage;

Q_DECLARE_METATYPE(std::vector<andon::storage::ChunkPoint>)

namespace {

using Points = std::vector<ChunkPoint>;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Random walk with `decimals` decimals, built from integers so the values are exactly the
// decimal numbers a device would send (k / 10^d).
Points randomWalk(int n, int decimals, std::uint32_t seed, TimestampMs t0 = 1'700'000'000'000,
                  TimestampMs step = 1000)
{
    QRandomGenerator rng(seed);
    const double scale = std::pow(10.0, decimals);
    std::int64_t k = 2000;
    Points pts;
    for (int i = 0; i < n; ++i) {
        k += std::int64_t(rng.bounded(21)) - 10;
        pts.push_back({t0 + i * step, double(k) / scale, Quality::Good});
    }
    return pts;
}

QString describe(const ChunkPoint &p)
{
    return QStringLiteral("t=%1 bits=%2 q=%3")
        .arg(p.t)
        .arg(std::bit_cast<std::uint64_t>(p.value), 16, 16, QLatin1Char('0'))
        .arg(int(p.q));
}

} // namespace

class TstChunkCodec : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void choosesDecimalEncoding_data();
    void choosesDecimalEncoding();
    void realisticSeriesIsCompact();
    void malformedBlobsAreRejected();
    void decodesVersion1Blobs();
    void regularAndRepeatedDataIsNearlyFree();
    void journalBlobRoundTrip();
    void malformedJournalBlobsAreRejected();
};

void TstChunkCodec::roundTrip_data()
{
    QTest::addColumn<Points>("points");
    const TimestampMs t0 = 1'700'000'000'000;

    QTest::newRow("empty") << Points{};
    QTest::newRow("single") << Points{{t0, 21.5, Quality::Good}};
    QTest::newRow("regular-1-decimal") << randomWalk(120, 1, 1);
    QTest::newRow("regular-2-decimals") << randomWalk(120, 2, 2);
    QTest::newRow("integers") << randomWalk(120, 0, 3);
    QTest::newRow("6-decimals") << randomWalk(50, 6, 4);
    QTest::newRow("specials") << Points{{t0, kNaN, Quality::Good},
                                        {t0 + 1, kInf, Quality::Good},
                                        {t0 + 2, -kInf, Quality::Bad},
                                        {t0 + 3, -0.0, Quality::Good},
                                        {t0 + 4, 0.0, Quality::Good},
                                        {t0 + 5, std::numeric_limits<double>::denorm_min(),
                                         Quality::Uncertain},
                                        {t0 + 6, std::numeric_limits<double>::max(), Quality::Good},
                                        {t0 + 7, std::numeric_limits<double>::lowest(), Quality::Good},
                                        {t0 + 8, std::numeric_limits<double>::min(), Quality::Good},
                                        {t0 + 9, 1e300, Quality::Good},
                                        {t0 + 10, -1e-300, Quality::Good},
                                        {t0 + 11, std::bit_cast<double>(0x7ff4000000000001ull),
                                         Quality::BadStale}, // signalling NaN payload
                                        {t0 + 12, -kNaN, Quality::Good}};
    QTest::newRow("only-negative-zero") << Points{{t0, -0.0, Quality::Good}, {t0 + 1, -0.0, Quality::Good}};
    QTest::newRow("all-nan") << Points{{t0, kNaN, Quality::Bad}, {t0 + 1000, kNaN, Quality::Bad}};
    QTest::newRow("decimal-then-nan") << [&] {
        Points p = randomWalk(60, 1, 5);
        p[30].value = kNaN;
        return p;
    }();
    QTest::newRow("beyond-2^53") << Points{{t0, 9007199254740993.0, Quality::Good},
                                           {t0 + 1, 1e17, Quality::Good},
                                           {t0 + 2, 0.5, Quality::Good}};
    QTest::newRow("extreme-times")
        << Points{{std::numeric_limits<TimestampMs>::min(), 1, Quality::Good},
                  {std::numeric_limits<TimestampMs>::max(), 2, Quality::Good},
                  {0, 3, Quality::Good},
                  {-1, 4, Quality::Good},
                  {std::numeric_limits<TimestampMs>::max(), 5, Quality::Good}};
    {
        QRandomGenerator rng(42);
        Points irregular;
        TimestampMs t = t0;
        for (int i = 0; i < 200; ++i) {
            // Mostly forward, sometimes duplicate or backwards (late samples), big jumps.
            const int kind = int(rng.bounded(10));
            t += kind == 0 ? 0 : kind == 1 ? -std::int64_t(rng.bounded(5000)) : kind == 2
                     ? std::int64_t(rng.bounded(1u << 30)) : std::int64_t(rng.bounded(2000));
            irregular.push_back({t, double(rng.bounded(1000)) / 10.0,
                                 rng.bounded(20) == 0 ? Quality::UncertainLastKnown : Quality::Good});
        }
        QTest::newRow("irregular-times") << irregular;
    }
    for (std::uint32_t seed = 1; seed <= 5; ++seed) {
        QRandomGenerator rng(seed * 7919);
        Points bits;
        for (int i = 0; i < 150; ++i) {
            // Arbitrary 64-bit patterns: every NaN payload, denormals, huge and tiny values.
            bits.push_back({t0 + std::int64_t(rng.generate64() % 100000),
                            std::bit_cast<double>(rng.generate64()),
                            Quality(std::uint8_t(rng.bounded(256)))});
        }
        QTest::newRow(qPrintable(QStringLiteral("random-bits-%1").arg(seed))) << bits;
    }
    {
        QRandomGenerator rng(99);
        Points gauss;
        for (int i = 0; i < 120; ++i)
            gauss.push_back({t0 + i * 1000, rng.generateDouble() * 100.0 - 50.0, Quality::Good});
        QTest::newRow("random-doubles") << gauss;
    }
}

void TstChunkCodec::roundTrip()
{
    QFETCH(Points, points);
    const QByteArray blob = encodeChunk(points);
    Points decoded;
    ChunkInfo info;
    QVERIFY(decodeChunk(blob, &decoded, &info));
    QCOMPARE(info.count, points.size());
    QCOMPARE(decoded.size(), points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const ChunkPoint &a = points[i];
        const ChunkPoint &b = decoded[i];
        const bool same = a.t == b.t && a.q == b.q
                          && std::bit_cast<std::uint64_t>(a.value) == std::bit_cast<std::uint64_t>(b.value);
        if (!same)
            QFAIL(qPrintable(QStringLiteral("point %1: wrote %2, read %3")
                                 .arg(i)
                                 .arg(describe(a), describe(b))));
    }
}

void TstChunkCodec::choosesDecimalEncoding_data()
{
    QTest::addColumn<int>("decimals");
    for (int d = 0; d <= 3; ++d)
        QTest::newRow(qPrintable(QStringLiteral("%1 decimals").arg(d))) << d;
}

void TstChunkCodec::choosesDecimalEncoding()
{
    QFETCH(int, decimals);
    Points pts = randomWalk(120, decimals, 11);
    // Make sure the last decimal is really used (a walk could stay on round numbers).
    pts[5].value = (decimals == 0 ? 7.0 : 7.0 + std::pow(10.0, -decimals));
    Points decoded;
    ChunkInfo info;
    QVERIFY(decodeChunk(encodeChunk(pts), &decoded, &info));
    QCOMPARE(info.encoding, ValueEncoding::Decimal);
    QCOMPARE(info.decimals, decimals);
}

void TstChunkCodec::realisticSeriesIsCompact()
{
    // One day of a 1 s tag with 2 decimals in chunks of 120 samples, as the historian writes.
    const int chunkSize = 120, chunks = 720;
    const Points all = randomWalk(chunkSize * chunks, 2, 2024);
    qint64 bytes = 0;
    for (int c = 0; c < chunks; ++c) {
        const Points piece(all.begin() + c * chunkSize, all.begin() + (c + 1) * chunkSize);
        bytes += encodeChunk(piece).size();
    }
    const double perSample = double(bytes) / double(all.size());
    qInfo("realistic series: %.3f bytes/sample", perSample);
    QVERIFY2(perSample <= 4.0, qPrintable(QString::number(perSample)));

    // A noisy full-precision series falls back to XOR and still round-trips (checked above);
    // it must stay below the 8 bytes of a raw double plus a timestamp.
    QRandomGenerator rng(7);
    Points noisy;
    for (int i = 0; i < chunkSize; ++i)
        noisy.push_back({1000LL * i, 20.0 + rng.generateDouble(), Quality::Good});
    QVERIFY(encodeChunk(noisy).size() < chunkSize * 9);
}

void TstChunkCodec::malformedBlobsAreRejected()
{
    const QByteArray blob = encodeChunk(randomWalk(120, 2, 3));
    Points out;
    // Every strict prefix is missing data and must be rejected.
    for (qsizetype n = 0; n < blob.size(); ++n)
        QVERIFY2(!decodeChunk(blob.left(n), &out), qPrintable(QString::number(n)));
    QVERIFY(decodeChunk(blob, &out));
    // Random corruption must never crash (result may be true or false).
    QRandomGenerator rng(5);
    for (int i = 0; i < 2000; ++i) {
        QByteArray bad = blob;
        for (int k = 0; k < 3; ++k)
            bad[qsizetype(rng.bounded(int(bad.size())))] = char(rng.bounded(256));
        decodeChunk(bad, &out);
    }
    QVERIFY(!decodeChunk(QByteArray("\x07\x00\x01", 3), &out)); // unknown version
    QVERIFY(!decodeChunk(QByteArray("\x00\x00\x00", 3), &out)); // version 0 never existed
}

void TstChunkCodec::decodesVersion1Blobs()
{
    // Written by hand from the v1 format (chunks stored by schema-1 files stay readable):
    // points (1000 ms, 1.5, Good), (2000, 1.5, Good), (3000, 1.7, Bad).
    const unsigned char v1[] = {
        0x01, 0x00, 0x03,       // version 1, Decimal, 3 points
        0xD0, 0x0F,             // t0 = 1000 -> zig-zag 2000
        0xD0, 0x0F, 0x00,       // dod 1000 -> 2000, then 0
        0x01, 0x1E, 0x00, 0x04, // 1 decimal; k = 15, +0, +2
        0x02, 0x00, 0x02, 0x80, 0x01, // 2 quality runs: Good x2, Bad x1
    };
    Points out;
    ChunkInfo info;
    QVERIFY(decodeChunk(v1, sizeof v1, &out, &info));
    QCOMPARE(out.size(), std::size_t(3));
    QCOMPARE(info.decimals, 1);
    QCOMPARE(out[0].t, TimestampMs(1000));
    QCOMPARE(out[1].t, TimestampMs(2000));
    QCOMPARE(out[2].t, TimestampMs(3000));
    QCOMPARE(out[0].value, 1.5);
    QCOMPARE(out[1].value, 1.5);
    QCOMPARE(out[2].value, 1.7);
    QCOMPARE(out[1].q, Quality::Good);
    QCOMPARE(out[2].q, Quality::Bad);
}

void TstChunkCodec::regularAndRepeatedDataIsNearlyFree()
{
    // A state tag sampled every second that never changes: 600 points. Expected size from
    // the format comment: version + encoding (2), count 600 (2), t0 = 1.7e12 zig-zagged (42
    // bits: 6), timestamp stream of 599 dods = [1000, 0 x 598]: mode (1) + run 0 (1) +
    // zig-zag 2000 (2) + run 598 (2); decimals byte (1); value stream of 600 deltas =
    // [3, 0 x 599]: mode (1) + run 0 (1) + zig-zag 6 (1) + run 599 (2); quality: 1 run (1) +
    // byte (1) + length 600 (2).
    Points state;
    for (int i = 0; i < 600; ++i)
        state.push_back({1'700'000'000'000 + 1000LL * i, 3.0, Quality::Good});
    const QByteArray blob = encodeChunk(state);
    const int expected = 2 + 2 + 6 + (1 + 1 + 2 + 2) + 1 + (1 + 1 + 1 + 2) + (1 + 1 + 2);
    QCOMPARE(int(blob.size()), expected);
    Points out;
    QVERIFY(decodeChunk(blob, &out));
    QCOMPARE(out.size(), state.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        QCOMPARE(out[i].t, state[i].t);
        QCOMPARE(out[i].value, 3.0);
    }

    // Jittery timestamps (no zero runs) cost no more than the plain varint stream, and a
    // counter that mostly repeats and sometimes steps round-trips exactly.
    QRandomGenerator rng(11);
    Points mixed;
    double count = 100;
    for (int i = 0; i < 500; ++i) {
        if (rng.bounded(10) == 0)
            count += 1;
        mixed.push_back({1'700'000'000'000 + 1000LL * i + rng.bounded(7), count, Quality::Good});
    }
    QVERIFY(decodeChunk(encodeChunk(mixed), &out));
    QCOMPARE(out.size(), mixed.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        QCOMPARE(out[i].t, mixed[i].t);
        QCOMPARE(out[i].value, mixed[i].value);
    }
    // Timestamps here need 1 byte per point at most (|dod| <= 12); values mostly runs.
    QVERIFY2(encodeChunk(mixed).size() < 500 + 200, qPrintable(QString::number(encodeChunk(mixed).size())));
}

void TstChunkCodec::journalBlobRoundTrip()
{
    JournalBlobWriter w;
    std::vector<JournalPoint> in = {
        {0, 1'700'000'000'000, 1.25, Quality::Good},
        {12345, 1'700'000'000'000, -0.0, Quality::BadCommFailure},
        {7, 1'699'999'999'000, std::numeric_limits<double>::infinity(), Quality::Uncertain},
        {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<TimestampMs>::min(),
         std::numeric_limits<double>::quiet_NaN(), Quality::Good},
        {1, std::numeric_limits<TimestampMs>::max(), 1e300, Quality::GoodLocalOverride},
    };
    for (const JournalPoint &p : in)
        w.add(p.tagId, p.t, p.value, p.q);
    QCOMPARE(w.count(), in.size());
    QCOMPARE(w.tMin(), std::numeric_limits<TimestampMs>::min());
    QCOMPARE(w.tMax(), std::numeric_limits<TimestampMs>::max());
    std::vector<JournalPoint> out;
    QVERIFY(decodeJournalBlob(w.data().data(), w.data().size(), &out));
    QCOMPARE(out.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        QCOMPARE(out[i].tagId, in[i].tagId);
        QCOMPARE(out[i].t, in[i].t);
        QCOMPARE(out[i].q, in[i].q);
        QCOMPARE(std::bit_cast<std::uint64_t>(out[i].value), std::bit_cast<std::uint64_t>(in[i].value));
    }
    w.clear();
    QCOMPARE(w.count(), std::size_t(0));
    w.add(3, 10, 2.0, Quality::Good);
    QVERIFY(decodeJournalBlob(w.data().data(), w.data().size(), &out));
    QCOMPARE(out.size(), std::size_t(1));
    QCOMPARE(out[0].t, TimestampMs(10));
}

void TstChunkCodec::malformedJournalBlobsAreRejected()
{
    JournalBlobWriter w;
    for (int i = 0; i < 50; ++i)
        w.add(i % 7, 1'700'000'000'000 + i * 100, i * 0.5, Quality::Good);
    const std::vector<unsigned char> &blob = w.data();
    std::vector<JournalPoint> out;
    // A strict prefix that cuts a sample is rejected (a prefix at a sample boundary is a
    // valid shorter blob: the row's count column catches that, see the historian).
    int rejected = 0;
    for (std::size_t n = 0; n < blob.size(); ++n)
        rejected += !decodeJournalBlob(blob.data(), n, &out);
    QVERIFY(rejected >= int(blob.size()) - 50);
    QVERIFY(decodeJournalBlob(blob.data(), blob.size(), &out));
    QCOMPARE(out.size(), std::size_t(50));
    const unsigned char wrongVersion[] = {0x09, 0x00, 0x00, 0x00};
    QVERIFY(!decodeJournalBlob(wrongVersion, sizeof wrongVersion, &out));
    QRandomGenerator rng(3);
    for (int i = 0; i < 1000; ++i) {
        std::vector<unsigned char> bad = blob;
        for (int k = 0; k < 3; ++k)
            bad[rng.bounded(int(bad.size()))] = static_cast<unsigned char>(rng.bounded(256));
        decodeJournalBlob(bad.data(), bad.size(), &out); // must not crash
    }
}

QTEST_GUILESS_MAIN(TstChunkCodec)
#include "tst_chunk_codec.moc"
