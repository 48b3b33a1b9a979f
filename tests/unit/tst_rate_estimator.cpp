// RateEstimator: parts/min from counter samples, resets, bad samples and too-little data.
// Every expected value below is computed by hand in the comment beside the row.
#include "analytics/rate_estimator.h"

#include <QTest>

#include <cmath>

using andon::Quality;
using andon::Sample;
using andon::analytics::RateEstimator;
using andon::analytics::RateWindow;

namespace {

struct Point
{
    int tSeconds;
    double value;
    Quality q = Quality::Good;
};

std::vector<Sample> samples(std::initializer_list<Point> points)
{
    std::vector<Sample> out;
    for (const Point &p : points)
        out.push_back(Sample{7, static_cast<andon::TimestampMs>(p.tSeconds) * 1000, p.value, p.q});
    return out;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<Sample>)

class TestRateEstimator : public QObject
{
    Q_OBJECT
private slots:
    void partsPerMinute_data();
    void partsPerMinute();
    void increments();
};

void TestRateEstimator::partsPerMinute_data()
{
    QTest::addColumn<std::vector<Sample>>("input");
    QTest::addColumn<int>("nowSeconds");
    QTest::addColumn<int>("windowSeconds");
    QTest::addColumn<double>("expected"); // NaN = "not enough data"
    const double nan = std::nan("");

    QTest::newRow("empty") << samples({}) << 60 << 60 << nan;
    QTest::newRow("one sample") << samples({{50, 10}}) << 60 << 60 << nan;
    // 0..60 in 60 s: 60 parts / 1 min = 60
    QTest::newRow("steady 1 part/s")
        << samples({{0, 0}, {10, 10}, {20, 20}, {30, 30}, {40, 40}, {50, 50}, {60, 60}}) << 60
        << 60 << 60.0;
    // 10 + 10 + (reset: 0) + 10 + 10 = 40 parts over 50 s -> 40 * 60 / 50 = 48
    QTest::newRow("reset counts from the new value")
        << samples({{0, 100}, {10, 110}, {20, 120}, {30, 5}, {40, 15}, {50, 25}}) << 50 << 60
        << 48.0;
    // 5 + (rollover: 0) + 10 = 15 parts over 30 s -> 30
    QTest::newRow("16-bit rollover")
        << samples({{0, 65530}, {10, 65535}, {20, 4}, {30, 14}}) << 30 << 60 << 30.0;
    // the bad sample is skipped: 0 -> 20 over 20 s -> 60
    QTest::newRow("bad sample skipped")
        << samples({{0, 0}, {10, 9999, Quality::BadCommFailure}, {20, 20}}) << 20 << 60 << 60.0;
    // uncertain samples still count: 0 -> 30 over 60 s -> 30
    QTest::newRow("uncertain sample used")
        << samples({{0, 0}, {30, 15, Quality::UncertainLastKnown}, {60, 30}}) << 60 << 60 << 30.0;
    // window [60, 120]: 60 -> 180 over 60 s -> 120 (the slower first minute is ignored)
    QTest::newRow("window cuts older samples")
        << samples({{0, 0}, {30, 30}, {60, 60}, {90, 120}, {120, 180}}) << 120 << 60 << 120.0;
    // samples after `now` are ignored: 0 -> 10 over 10 s -> 60
    QTest::newRow("future samples ignored")
        << samples({{0, 0}, {10, 10}, {20, 1000}}) << 10 << 60 << 60.0;
    // 2 s span < 5 s minimum span
    QTest::newRow("span too short") << samples({{0, 0}, {2, 2}}) << 2 << 60 << nan;
    QTest::newRow("stopped machine") << samples({{0, 42}, {20, 42}, {40, 42}}) << 40 << 60 << 0.0;
    QTest::newRow("only bad samples")
        << samples({{0, 1, Quality::BadStale}, {30, 2, Quality::BadStale}}) << 30 << 60 << nan;
    // NaN value skipped: 0 -> 12 over 12 s -> 60
    QTest::newRow("non-finite value skipped")
        << samples({{0, 0}, {6, nan}, {12, 12}}) << 12 << 60 << 60.0;
}

void TestRateEstimator::partsPerMinute()
{
    QFETCH(std::vector<Sample>, input);
    QFETCH(int, nowSeconds);
    QFETCH(int, windowSeconds);
    QFETCH(double, expected);
    RateWindow window;
    window.windowMs = windowSeconds * 1000;
    const double rate = RateEstimator::partsPerMinute(input, nowSeconds * 1000LL, window);
    if (std::isnan(expected)) {
        QVERIFY2(std::isnan(rate), qPrintable(QString::number(rate)));
    } else {
        QVERIFY2(std::abs(rate - expected) < 1e-9,
                 qPrintable(QStringLiteral("%1 != %2").arg(rate).arg(expected)));
    }
}

void TestRateEstimator::increments()
{
    // 3 + 4 + (reset to 2: 0) + 5 = 12
    QCOMPARE(RateEstimator::increments(samples({{0, 10}, {1, 13}, {2, 17}, {3, 2}, {4, 7}})), 12.0);
    QCOMPARE(RateEstimator::increments({}), 0.0);
}

QTEST_GUILESS_MAIN(TestRateEstimator)
#include "tst_rate_estimator.moc"
