// RateWindow, SkewTracker and the reconnect back-off schedule, with expected values worked out
// by hand in the comments (no clock, no network).
#include "connectors/mqtt/mqtt_client.h"
#include "connectors/mqtt/traffic_stats.h"

#include <QtTest>

using namespace andon::mqtt;

class TestMqttTrafficStats : public QObject
{
    Q_OBJECT
private slots:
    void rateOverWindow();
    void rateNeedsTwoSnapshots();
    void skewMedian_data();
    void skewMedian();
    void skewKeepsOnlyRecent();
    void backoff_data();
    void backoff();
};

void TestMqttTrafficStats::rateOverWindow()
{
    RateWindow w(5000);
    // 100 messages / 1000 bytes per second for 10 s, then 0: after t=10 s the window holds
    // t=5..10 s -> 500 messages in 5 s = 100/s.
    for (int t = 0; t <= 10; ++t)
        w.addSnapshot(t * 1000, std::uint64_t(t) * 100, std::uint64_t(t) * 1000);
    QCOMPARE(w.messagesPerSecond(), 100.0);
    QCOMPARE(w.bytesPerSecond(), 1000.0);
    // Silent from 10 s on: at 13 s the window 8..13 s saw 200 messages (8->10 s): 40/s.
    for (int t = 11; t <= 13; ++t)
        w.addSnapshot(t * 1000, 1000, 10000);
    QCOMPARE(w.messagesPerSecond(), 40.0);
}

void TestMqttTrafficStats::rateNeedsTwoSnapshots()
{
    RateWindow w;
    QCOMPARE(w.messagesPerSecond(), 0.0);
    w.addSnapshot(0, 50, 50);
    QCOMPARE(w.messagesPerSecond(), 0.0);
}

void TestMqttTrafficStats::skewMedian_data()
{
    QTest::addColumn<QList<qint64>>("skews");
    QTest::addColumn<qint64>("median");
    QTest::newRow("one") << QList<qint64>{250} << qint64(250);
    QTest::newRow("odd, unsorted") << QList<qint64>{30, -10, 2000, 20, 10} << qint64(20);
    // Lower median of {1,2,3,4} is 2.
    QTest::newRow("even: lower median") << QList<qint64>{4, 1, 3, 2} << qint64(2);
    QTest::newRow("one outlier does not move it") << QList<qint64>{5, 5, 5, 900000} << qint64(5);
}

void TestMqttTrafficStats::skewMedian()
{
    QFETCH(QList<qint64>, skews);
    QFETCH(qint64, median);
    SkewTracker t;
    QVERIFY(!t.median());
    for (qint64 s : skews)
        t.add(s);
    QCOMPARE(t.median().value(), median);
}

void TestMqttTrafficStats::skewKeepsOnlyRecent()
{
    SkewTracker t(3);
    for (qint64 s : {100, 100, 100, 7, 8, 9}) // the three 100s are overwritten
        t.add(s);
    QCOMPARE(t.size(), std::size_t(3));
    QCOMPARE(t.median().value(), qint64(8));
}

void TestMqttTrafficStats::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("minS");
    QTest::addColumn<int>("maxS");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expectedMs");
    // min * 2^attempt capped at max, times (0.5 + 0.5 * random).
    QTest::newRow("first, no jitter") << 0 << 1 << 30 << 1.0 << 1000;
    QTest::newRow("first, half") << 0 << 1 << 30 << 0.0 << 500;
    QTest::newRow("third: 4 s") << 2 << 1 << 30 << 1.0 << 4000;
    QTest::newRow("third, random 0.5: 3 s") << 2 << 1 << 30 << 0.5 << 3000;
    QTest::newRow("capped: 2^6 s > 30 s") << 6 << 1 << 30 << 1.0 << 30000;
    QTest::newRow("capped, half") << 40 << 2 << 60 << 0.0 << 30000;
    QTest::newRow("max below min -> min") << 3 << 5 << 1 << 1.0 << 5000;
}

void TestMqttTrafficStats::backoff()
{
    QFETCH(int, attempt);
    QFETCH(int, minS);
    QFETCH(int, maxS);
    QFETCH(double, random);
    QFETCH(int, expectedMs);
    QCOMPARE(MqttClient::reconnectDelayMs(attempt, minS, maxS, random), expectedMs);
}

QTEST_GUILESS_MAIN(TestMqttTrafficStats)
#include "tst_mqtt_traffic_stats.moc"
