// Trend polyline, cursor readouts and range statistics (analytics/trend_series.h) on
// hand-built data. Every expected number is worked out by hand in the comment next to it.
#include "analytics/trend_series.h"

#include <QTest>

#include <cmath>

using namespace andon;
using namespace andon::analytics;

namespace {

constexpr TimestampMs kS = 1000;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A raw series on a 1 s grid from t = 0: one bucket per (t, value, quality).
TrendSeries rawSeries(std::initializer_list<std::tuple<TimestampMs, double, Quality>> samples)
{
    TrendSeries s;
    s.from = 0;
    s.to = 3600 * kS;
    s.bucketMs = kS;
    for (const auto &[t, v, q] : samples)
        s.addSample(t, v, q);
    return s;
}

} // namespace

class TestTrendStats : public QObject
{
    Q_OBJECT
private slots:
    void bucketWidthFollowsHistorianRule();
    void polylineKeepsM4OrderAndExtremes();
    void polylineBreaksAtBadBucketsAndLongGaps();
    void cursorReadouts_data();
    void cursorReadouts();
    void rangeStatistics_data();
    void rangeStatistics();
    void integralOfPowerIsEnergy();
    void liveSamplesJoinTheirBucket();
};

void TestTrendStats::bucketWidthFollowsHistorianRule()
{
    // ceil((to - from + 1) / n): 0..999 in 10 buckets -> 100 ms; 0..1000 -> ceil(1001/10) = 101.
    QCOMPARE(trendBucketWidth(0, 999, 10), TimestampMs(100));
    QCOMPARE(trendBucketWidth(0, 1000, 10), TimestampMs(101));
    QCOMPARE(trendBucketWidth(0, 5, 100), TimestampMs(1));
    QCOMPARE(trendBucketWidth(10, 5, 100), TimestampMs(1)); // empty range: never 0
}

void TestTrendStats::polylineKeepsM4OrderAndExtremes()
{
    // One 10 s bucket: first 1 @0 s, max 9 @2 s, min -3 @5 s, last 2 @7 s. The line must
    // visit them in time order: (0,1) (2,9) (5,-3) (7,2).
    TrendSeries s;
    s.from = 0;
    s.to = 10 * kS - 1;
    s.bucketMs = 10 * kS;
    s.addSample(0, 1, Quality::Good);
    s.addSample(2 * kS, 9, Quality::Good);
    s.addSample(3 * kS, 4, Quality::Good);
    s.addSample(5 * kS, -3, Quality::Good);
    s.addSample(7 * kS, 2, Quality::Good);
    QCOMPARE(s.buckets.size(), std::size_t(1));
    const TrendBucket &b = s.buckets[0];
    QCOMPARE(b.count, std::int64_t(5));
    QCOMPARE(b.min, -3.0);
    QCOMPARE(b.max, 9.0);
    // avg (1 + 9 + 4 - 3 + 2) / 5 = 13 / 5 = 2.6
    QCOMPARE(b.avg, 2.6);
    const auto line = trendPolyline(s, 60 * kS);
    QCOMPARE(line.size(), std::size_t(4));
    const TimestampMs t[] = {0, 2 * kS, 5 * kS, 7 * kS};
    const double v[] = {1, 9, -3, 2};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(line[std::size_t(i)].t, t[i]);
        QCOMPARE(line[std::size_t(i)].value, v[i]);
        QVERIFY(!line[std::size_t(i)].doubtful);
    }
}

void TestTrendStats::polylineBreaksAtBadBucketsAndLongGaps()
{
    // 0 s..2 s good, 3 s only a Bad sample (stale), 4 s..5 s uncertain, then nothing until
    // 100 s (> gap of 30 s), then 101 s.
    TrendSeries s = rawSeries({{0, 1, Quality::Good},
                               {1 * kS, 2, Quality::Good},
                               {2 * kS, 3, Quality::Good},
                               {3 * kS, 3, Quality::BadStale},
                               {4 * kS, 5, Quality::UncertainLastKnown},
                               {5 * kS, 6, Quality::UncertainLastKnown},
                               {100 * kS, 7, Quality::Good},
                               {101 * kS, 8, Quality::Good}});
    QCOMPARE(s.buckets[3].count, std::int64_t(0));
    QCOMPARE(s.buckets[3].worst, Quality::BadStale);
    const auto line = trendPolyline(s, 30 * kS);
    // 0,1,2 | break | 4,5 (doubtful) | break | 100,101
    QCOMPARE(line.size(), std::size_t(9));
    QVERIFY(std::isnan(line[3].value));
    QCOMPARE(line[4].t, 4 * kS);
    QVERIFY(line[4].doubtful);
    QVERIFY(line[5].doubtful);
    QVERIFY(std::isnan(line[6].value));
    QVERIFY(line[6].t > 5 * kS && line[6].t < 100 * kS);
    QCOMPARE(line[7].t, 100 * kS);
    QVERIFY(!line[7].doubtful);
    // Gap threshold: max(3 buckets, stale timeout): max(3 s, 30 s) = 30 s; max(3 s, 1 s) = 3 s.
    QCOMPARE(trendGapMs(s, 30'000), TimestampMs(30'000));
    QCOMPARE(trendGapMs(s, 1'000), TimestampMs(3'000));
}

void TestTrendStats::cursorReadouts_data()
{
    QTest::addColumn<TimestampMs>("t");
    QTest::addColumn<double>("expected");
    // Line (0 s, 0) (10 s, 10) (20 s, 10) | gap | (40 s, 4) (50 s, 2):
    QTest::newRow("on a vertex") << 10 * kS << 10.0;
    QTest::newRow("rising half way") << 5 * kS << 5.0;         // 0 + 10 * 5/10
    QTest::newRow("quarter") << TimestampMs(2500) << 2.5;                   // 0 + 10 * 2.5/10
    QTest::newRow("flat part") << 15 * kS << 10.0;
    QTest::newRow("falling") << 47 * kS << 2.6;                 // 4 + (2 - 4) * 7/10 = 2.6
    QTest::newRow("in the gap") << 30 * kS << kNaN;
    QTest::newRow("before the data") << TimestampMs(-5) << kNaN;
    QTest::newRow("after the data") << 51 * kS << kNaN;
}

void TestTrendStats::cursorReadouts()
{
    QFETCH(TimestampMs, t);
    QFETCH(double, expected);
    const TrendSeries s = rawSeries({{0, 0, Quality::Good},
                                     {10 * kS, 10, Quality::Good},
                                     {20 * kS, 10, Quality::Good},
                                     {25 * kS, 1, Quality::BadCommFailure},
                                     {40 * kS, 4, Quality::Good},
                                     {50 * kS, 2, Quality::Good}});
    const auto line = trendPolyline(s, 30 * kS);
    const double v = trendValueAt(line, t);
    if (std::isnan(expected))
        QVERIFY2(std::isnan(v), qPrintable(QString::number(v)));
    else
        QVERIFY2(std::abs(v - expected) < 1e-12, qPrintable(QString::number(v)));
}

void TestTrendStats::rangeStatistics_data()
{
    QTest::addColumn<TimestampMs>("t1");
    QTest::addColumn<TimestampMs>("t2");
    QTest::addColumn<double>("limit");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("stddev");
    QTest::addColumn<double>("integralHours");
    QTest::addColumn<TimestampMs>("covered");
    QTest::addColumn<TimestampMs>("above");
    // Line (0 s, 0) (10 s, 10) (20 s, 10), then a gap, then (40 s, 4) (50 s, 2).
    //
    // [0 s, 20 s], limit 5:
    //   ∫v dt = 10 s * (0 + 10)/2 + 10 s * 10 = 50 + 100 = 150 value·s; T = 20 s
    //   mean = 150 / 20 = 7.5
    //   ∫(v - 7.5)² dt = ∫0..10 (t - 7.5)² dt + 10 * 2.5² = (2.5³ + 7.5³)/3 + 62.5
    //                  = (15.625 + 421.875)/3 + 62.5 = 145.8333 + 62.5 = 208.3333
    //   stddev = sqrt(208.3333 / 20) = sqrt(10.416667) = 3.2274861
    //   integral = 150 / 3600 = 0.041666667 value·h
    //   above 5: from 5 s to 20 s = 15 s
    QTest::newRow("first part") << TimestampMs(0) << 20 * kS << 5.0 << 0.0 << 10.0 << 7.5
                                << 3.2274861218395 << 150.0 / 3600 << 20 * kS << 15 * kS;
    // [5 s, 15 s] (between two cursors), limit 5:
    //   values at the cursors: 5 and 10; ∫ = 5 * (5 + 10)/2 + 5 * 10 = 37.5 + 50 = 87.5
    //   mean = 87.5 / 10 = 8.75
    //   ∫v² = 5 * (25 + 50 + 100)/3 + 5 * 100 = 291.6667 + 500 = 791.6667
    //   var = 791.6667/10 - 8.75² = 79.16667 - 76.5625 = 2.6041667; stddev = 1.6137431
    //   above 5: v > 5 on (5 s, 15 s] = 10 s
    QTest::newRow("between cursors") << 5 * kS << 15 * kS << 5.0 << 5.0 << 10.0 << 8.75
                                     << 1.6137430609197 << 87.5 / 3600 << 10 * kS << 10 * kS;
    // [0 s, 50 s], no limit: the gap 20..40 s is left out.
    //   ∫ = 150 + 10 * (4 + 2)/2 = 150 + 30 = 180; T = 20 + 10 = 30 s; mean = 6
    //   ∫v² = [0..10: 10 * (0 + 0 + 100)/3 = 333.333] + [10..20: 1000] + [40..50: 10 * (16 + 8 + 4)/3
    //        = 93.333] = 1426.6667; var = 1426.6667/30 - 36 = 47.555556 - 36 = 11.555556
    //   stddev = 3.3993463
    QTest::newRow("across a gap") << TimestampMs(0) << 50 * kS << kNaN << 0.0 << 10.0 << 6.0
                                  << 3.3993463423951 << 180.0 / 3600 << 30 * kS << TimestampMs(0);
    // Cursors in reverse order give the same numbers: [15 s, 5 s] = [5 s, 15 s].
    QTest::newRow("reversed") << 15 * kS << 5 * kS << 5.0 << 5.0 << 10.0 << 8.75
                              << 1.6137430609197 << 87.5 / 3600 << 10 * kS << 10 * kS;
    // [42 s, 48 s], limit 3: v(42) = 3.6, v(48) = 2.4; crossing 3 at 45 s
    //   ∫ = 6 * (3.6 + 2.4)/2 = 18; mean 3; ∫(v-3)² = 6 * 0.6²/3 = 0.72 -> var 0.12, sd 0.3464102
    //   above 3: 42..45 s = 3 s
    QTest::newRow("falling through a limit") << 42 * kS << 48 * kS << 3.0 << 2.4 << 3.6 << 3.0
                                             << 0.3464101615138 << 18.0 / 3600 << 6 * kS << 3 * kS;
}

void TestTrendStats::rangeStatistics()
{
    QFETCH(TimestampMs, t1);
    QFETCH(TimestampMs, t2);
    QFETCH(double, limit);
    const TrendSeries s = rawSeries({{0, 0, Quality::Good},
                                     {10 * kS, 10, Quality::Good},
                                     {20 * kS, 10, Quality::Good},
                                     {25 * kS, 1, Quality::BadCommFailure},
                                     {40 * kS, 4, Quality::Good},
                                     {50 * kS, 2, Quality::Good}});
    const auto line = trendPolyline(s, 30 * kS);
    const TrendRangeStats st = trendRangeStats(line, t1, t2, limit);
    QVERIFY(st.valid);
    auto near = [](double a, double b) { return std::abs(a - b) < 1e-9; };
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, mean);
    QFETCH(double, stddev);
    QFETCH(double, integralHours);
    QFETCH(TimestampMs, covered);
    QFETCH(TimestampMs, above);
    QVERIFY2(near(st.min, min), qPrintable(QString::number(st.min)));
    QVERIFY2(near(st.max, max), qPrintable(QString::number(st.max)));
    QVERIFY2(near(st.mean, mean), qPrintable(QString::number(st.mean)));
    QVERIFY2(near(st.stddev, stddev), qPrintable(QString::number(st.stddev, 'g', 14)));
    QVERIFY2(near(st.integralHours, integralHours), qPrintable(QString::number(st.integralHours)));
    QCOMPARE(st.coveredMs, covered);
    QCOMPARE(st.aboveMs, above);
}

void TestTrendStats::integralOfPowerIsEnergy()
{
    // 50 kW for 30 min: 50 kW * 0.5 h = 25 kWh.
    TrendSeries s;
    s.from = 0;
    s.to = 3'600'000;
    s.bucketMs = 60'000;
    for (TimestampMs t = 0; t <= 30 * 60'000; t += 60'000)
        s.addSample(t, 50.0, Quality::Good);
    const auto st = trendRangeStats(trendPolyline(s, 180'000), 0, 30 * 60'000);
    QVERIFY(std::abs(st.integralHours - 25.0) < 1e-9);
    QCOMPARE(st.stddev, 0.0);
    // Outside the data: nothing to report.
    QVERIFY(!trendRangeStats(trendPolyline(s, 180'000), 40 * 60'000, 50 * 60'000).valid);
}

void TestTrendStats::liveSamplesJoinTheirBucket()
{
    // Grid of 10 s from 0: samples at 12 s and 17 s share bucket [10 s, 20 s); 25 s opens the
    // next; 5 s (older than the newest bucket, no bucket of its own) is dropped.
    TrendSeries s;
    s.from = 0;
    s.to = 60 * kS;
    s.bucketMs = 10 * kS;
    s.addSample(12 * kS, 3, Quality::Good);
    s.addSample(17 * kS, 1, Quality::Good);
    s.addSample(25 * kS, 2, Quality::Good);
    s.addSample(5 * kS, 9, Quality::Good);
    QCOMPARE(s.buckets.size(), std::size_t(2));
    QCOMPARE(s.buckets[0].start, 10 * kS);
    QCOMPARE(s.buckets[0].count, std::int64_t(2));
    QCOMPARE(s.buckets[0].first, 3.0);
    QCOMPARE(s.buckets[0].last, 1.0);
    QCOMPARE(s.buckets[1].start, 20 * kS);
    QCOMPARE(s.newestTime(), 25 * kS);
}

QTEST_GUILESS_MAIN(TestTrendStats)
#include "tst_trend_stats.moc"
