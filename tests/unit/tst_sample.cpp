// Quality names/severities and timestamp parsing shared by CSV, JSON, MQTT and the CLI.
#include "core/sample.h"

#include <QTest>

using namespace andon;

class TstSample : public QObject
{
    Q_OBJECT
private slots:
    void severityFromTopBits();
    void qualityNamesRoundTrip();
    void parseQualityAcceptsNumbers();
    void parseTimestamp_data();
    void parseTimestamp();
    void formatTimestamp();
};

void TstSample::severityFromTopBits()
{
    QCOMPARE(severity(Quality::Good), QualitySeverity::Good);
    QCOMPARE(severity(Quality::GoodLocalOverride), QualitySeverity::Good);
    QCOMPARE(severity(Quality::UncertainLastKnown), QualitySeverity::Uncertain);
    QCOMPARE(severity(Quality::BadStale), QualitySeverity::Bad);
    QCOMPARE(severity(Quality::BadCommFailure), QualitySeverity::Bad);
    QVERIFY(isBad(Quality::BadDecodeError));
    QVERIFY(!isGood(Quality::Uncertain));
}

void TstSample::qualityNamesRoundTrip()
{
    for (int raw = 0; raw < 256; ++raw) {
        const auto q = static_cast<Quality>(raw);
        Quality parsed = Quality::Good;
        QVERIFY2(parseQuality(qualityName(q), &parsed) || qualityName(q).contains(u'_'),
                 qPrintable(qualityName(q)));
    }
    QCOMPARE(qualityName(Quality::BadStale), QStringLiteral("bad_stale"));
    QCOMPARE(qualityName(Quality::Good), QStringLiteral("good"));
    Quality q = Quality::Good;
    QVERIFY(parseQuality(QStringLiteral(" Bad_Comm_Failure "), &q));
    QCOMPARE(q, Quality::BadCommFailure);
    QVERIFY(!parseQuality(QStringLiteral("excellent"), &q));
}

void TstSample::parseQualityAcceptsNumbers()
{
    Quality q = Quality::Good;
    QVERIFY(parseQuality(QStringLiteral("135"), &q));
    QCOMPARE(q, Quality::BadStale);
    QVERIFY(!parseQuality(QStringLiteral("256"), &q));
    QVERIFY(!parseQuality(QStringLiteral("-1"), &q));
}

void TstSample::parseTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");
    // Reference values computed with GNU date: date -u -d '2026-11-25T19:50:14.123Z' +%s%3N
    QTest::newRow("epoch ms") << "1795636214123" << true << qint64(1795636214123);
    QTest::newRow("iso utc ms") << "2026-11-25T19:50:14.123Z" << true << qint64(1795636214123);
    QTest::newRow("iso utc") << "2026-11-25T19:50:14Z" << true << qint64(1795636214000);
    QTest::newRow("iso offset") << "2026-11-25T20:50:14.123+01:00" << true << qint64(1795636214123);
    QTest::newRow("iso no zone is utc") << "2026-11-25T19:50:14" << true << qint64(1795636214000);
    QTest::newRow("garbage") << "yesterday" << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
}

void TstSample::parseTimestamp()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);
    TimestampMs t = 0;
    QCOMPARE(andon::parseTimestamp(text, &t), ok);
    if (ok)
        QCOMPARE(t, expected);
}

void TstSample::formatTimestamp()
{
    QCOMPARE(formatTimestampUtc(1795636214123), QStringLiteral("2026-11-25T19:50:14.123Z"));
    TimestampMs back = 0;
    QVERIFY(andon::parseTimestamp(formatTimestampUtc(-1000), &back));
    QCOMPARE(back, -1000);
}

QTEST_GUILESS_MAIN(TstSample)
#include "tst_sample.moc"
