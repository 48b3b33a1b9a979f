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
    QVERIFY(!decodeChunk(QByteArray("\x02\x00\x01", 3), &out)); // unknown version
}

QTEST_GUILESS_MAIN(TstChunkCodec)
#include "tst_chunk_codec.moc"
