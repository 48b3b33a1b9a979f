// CSV import/export helpers: header handling, timestamps, optional quality, bad rows with
// line numbers, and write -> read round trips.
#include "storage/csv_io.h"

#include <QBuffer>
#include <QTest>

#include <bit>
#include <cmath>
#include <limits>

using namespace andon;
using namespace andon::storage;

namespace {

struct ReadResult
{
    std::vector<CsvSampleRow> rows;
    QStringList errors;
    int rejected = 0;
    bool headerOk = false;
};

ReadResult readAll(const QByteArray &text)
{
    QBuffer buf;
    buf.setData(text);
    buf.open(QIODevice::ReadOnly);
    SampleCsvReader reader(&buf, QStringLiteral("data.csv"), [](const QString &path) {
        return path == QLatin1String("a/b/c") ? TagId(0)
               : path == QLatin1String("a/b/d") ? TagId(1)
                                                : kInvalidTag;
    });
    ReadResult r;
    r.headerOk = reader.readHeader();
    CsvSampleRow row;
    while (r.headerOk && reader.next(&row))
        r.rows.push_back(row);
    r.errors = reader.errors();
    r.rejected = reader.rejectedRows();
    return r;
}

} // namespace

class TstCsvIo : public QObject
{
    Q_OBJECT
private slots:
    void timestamps_data();
    void timestamps();
    void qualityColumnIsOptional();
    void badRowsAreReportedWithLineNumbers();
    void badHeader_data();
    void badHeader();
    void writeThenReadRoundTrips();
    void jsonObject();
};

void TstCsvIo::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    // 2026-01-01T00:00:00Z = 1767225600 s (date -u -d 2026-01-01 +%s).
    QTest::newRow("iso-z") << QStringLiteral("2026-01-01T00:00:00Z") << qint64(1767225600000);
    QTest::newRow("iso-ms") << QStringLiteral("2026-01-01T00:00:00.250Z") << qint64(1767225600250);
    QTest::newRow("iso-offset") << QStringLiteral("2026-01-01T01:00:00+01:00") << qint64(1767225600000);
    QTest::newRow("epoch-ms") << QStringLiteral("1767225600123") << qint64(1767225600123);
}

void TstCsvIo::timestamps()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const ReadResult r = readAll("timestamp,tag,value\n" + text.toUtf8() + ",a/b/c,1.5\n");
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.rows.size(), std::size_t(1));
    QCOMPARE(r.rows[0].sample.t_ms, expected);
    QCOMPARE(r.rows[0].sample.value, 1.5);
    QCOMPARE(r.rows[0].line, 2);
}

void TstCsvIo::qualityColumnIsOptional()
{
    ReadResult r = readAll("timestamp,tag,value\n1000,a/b/c,2\n");
    QCOMPARE(r.rows.size(), std::size_t(1));
    QCOMPARE(r.rows[0].sample.q, Quality::Good);

    // Columns in another order, quality names, an empty quality = Good.
    r = readAll("\xEF\xBB\xBFTag,Quality,Value,Timestamp\r\n"
                "a/b/d,bad_stale,3,1000\r\n"
                "a/b/c,,4,2000\r\n"
                "\r\n"
                "a/b/c,uncertain,5,3000\r\n");
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.rows.size(), std::size_t(3));
    QCOMPARE(r.rows[0].sample.tag, TagId(1));
    QCOMPARE(r.rows[0].sample.q, Quality::BadStale);
    QCOMPARE(r.rows[1].sample.q, Quality::Good);
    QCOMPARE(r.rows[2].sample.q, Quality::Uncertain);
    QCOMPARE(r.rows[2].line, 5);
}

void TstCsvIo::badRowsAreReportedWithLineNumbers()
{
    const ReadResult r = readAll("timestamp,tag,value,quality\n"
                                 "1000,a/b/c,1,good\n"          // 2 ok
                                 "yesterday,a/b/c,1,good\n"     // 3 bad time
                                 "2000,x/y/z,1,good\n"          // 4 unknown tag
                                 "3000,a/b/c,abc,good\n"        // 5 bad value
                                 "4000,a/b/c,1,excellent\n"     // 6 bad quality
                                 "5000,a/b/c\n"                 // 7 missing field
                                 "6000,a/b/c,nan,bad\n");       // 8 ok (NaN)
    QCOMPARE(r.rows.size(), std::size_t(2));
    QVERIFY(std::isnan(r.rows[1].sample.value));
    QCOMPARE(r.rejected, 5);
    QCOMPARE(r.errors.size(), 5);
    QVERIFY(r.errors[0].startsWith(QLatin1String("data.csv:3:")));
    QVERIFY(r.errors[1].startsWith(QLatin1String("data.csv:4:")));
    QVERIFY(r.errors[1].contains(QLatin1String("x/y/z")));
    QVERIFY(r.errors[2].startsWith(QLatin1String("data.csv:5:")));
    QVERIFY(r.errors[3].startsWith(QLatin1String("data.csv:6:")));
    QVERIFY(r.errors[4].startsWith(QLatin1String("data.csv:7:")));
}

void TstCsvIo::badHeader_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no-value") << QByteArray("timestamp,tag\n1,a/b/c\n");
    QTest::newRow("unknown-column") << QByteArray("timestamp,tag,value,unit\n");
    QTest::newRow("data-instead-of-header") << QByteArray("1000,a/b/c,1\n");
}

void TstCsvIo::badHeader()
{
    QFETCH(QByteArray, text);
    const ReadResult r = readAll(text);
    QVERIFY(!r.headerOk);
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors[0].startsWith(QLatin1String("data.csv")), qPrintable(r.errors[0]));
}

void TstCsvIo::writeThenReadRoundTrips()
{
    const std::vector<Sample> in = {
        {0, 1767225600123, 21.5, Quality::Good},
        {1, 1767225601000, 0.1 + 0.2, Quality::UncertainLastKnown},
        {0, -5, -0.0, Quality::BadCommFailure},
        {0, 1, 1e-310, Quality::Good},
        {1, 2, std::numeric_limits<double>::infinity(), Quality::Good},
        {1, 3, std::numeric_limits<double>::quiet_NaN(), Quality::BadStale},
    };
    QByteArray text = sampleCsvHeader().toUtf8() + '\n';
    for (const Sample &s : in)
        text += formatSampleCsvRow(s.tag == 0 ? QStringLiteral("a/b/c") : QStringLiteral("a/b/d"), s).toUtf8() + '\n';
    const ReadResult r = readAll(text);
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.rows.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const Sample &got = r.rows[i].sample;
        QCOMPARE(got.tag, in[i].tag);
        QCOMPARE(got.t_ms, in[i].t_ms);
        QCOMPARE(got.q, in[i].q);
        if (std::isnan(in[i].value))
            QVERIFY(std::isnan(got.value));
        else
            QCOMPARE(std::bit_cast<quint64>(got.value), std::bit_cast<quint64>(in[i].value));
    }
    QCOMPARE(formatCsvValue(0.1 + 0.2), QStringLiteral("0.30000000000000004")); // shortest
    QStringList f;
    QVERIFY(splitCsvLine(QStringLiteral("\"a,\"\"b\"\"\",c"), &f));
    QCOMPARE(f, (QStringList{QStringLiteral("a,\"b\""), QStringLiteral("c")}));
    QVERIFY(!splitCsvLine(QStringLiteral("\"open"), &f));
}

void TstCsvIo::jsonObject()
{
    const QByteArray j = formatSampleJson(QStringLiteral("a/b/c"),
                                          {0, 1767225600123, 2.5, Quality::BadStale});
    QCOMPARE(j, QByteArray(R"({"quality":"bad_stale","t":"2026-01-01T00:00:00.123Z","tag":"a/b/c","value":2.5})"));
    const QByteArray n = formatSampleJson(QStringLiteral("a/b/c"),
                                          {0, 0, std::numeric_limits<double>::quiet_NaN(), Quality::Bad});
    QVERIFY(n.contains("\"value\":null"));
}

QTEST_GUILESS_MAIN(TstCsvIo)
#include "tst_csv_io.moc"
