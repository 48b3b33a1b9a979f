// CSV export of a trend's visible range (engine/trend_export.h) read back by the real
// `andon-cli import` into a new historian: every sample (time to the millisecond, value,
// quality, NaN and Bad samples included) arrives unchanged. Also: the live edge from the
// TagStore ring is exported, and a cancelled export says so.
#include "core/config_loader.h"
#include "core/tag_store.h"
#include "engine/trend_export.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace andon;

namespace {
const TimestampMs kT0 =
    QDateTime(QDate(2026, 3, 2), QTime(6, 0), QTimeZone::utc()).toMSecsSinceEpoch();

QString demoConfig()
{
    return test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml");
}

bool sameSample(const Sample &a, const Sample &b)
{
    const bool values = (std::isnan(a.value) && std::isnan(b.value)) || a.value == b.value;
    return a.t_ms == b.t_ms && values && a.q == b.q;
}
} // namespace

class TestTrendExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTripThroughCliImport();
    void liveEdgeIsExported();
    void cancelStopsEarly();

private:
    std::shared_ptr<const PlantModel> m_model;
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Historian> m_historian;
    QStringList m_pens;
    std::vector<std::vector<Sample>> m_written; // per pen, oldest first
};

void TestTrendExport::initTestCase()
{
    test::installStrictMessageHandler();
    const ConfigResult config = ConfigLoader::loadFile(demoConfig());
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;
    QVERIFY(m_dir.isValid());
    storage::HistorianOptions o;
    o.path = m_dir.filePath(QStringLiteral("source.db"));
    o.rawRetentionDays = 0;
    QString error;
    m_historian = storage::Historian::open(o, &error);
    QVERIFY2(m_historian, qPrintable(error));
    QStringList paths;
    for (const TagDef &t : m_model->tags)
        paths << t.path;
    QVERIFY(m_historian->bindTags(paths, &error));
    // Two analog pens of the first machine: 2 h of 1 s data with awkward values (thirds,
    // negative, tiny), NaN, Bad and Uncertain samples, and one sample off the second grid.
    const Machine &m = m_model->machines.at(0);
    for (TagId id : m.tags) {
        if (m_model->tags[id].kind == TagKind::Analog && m_pens.size() < 2)
            m_pens << m_model->tags[id].path;
    }
    QCOMPARE(m_pens.size(), 2);
    m_written.resize(2);
    SampleBatch batch;
    for (int pen = 0; pen < 2; ++pen) {
        const TagId tag = m_model->tagIdByPath(m_pens[pen]);
        for (int i = 0; i < 7200; ++i) {
            Sample s{tag, kT0 + i * 1000 + (i == 17 ? 123 : 0), 0.0, Quality::Good};
            s.value = double(i) / 3.0 - 100.0 * pen + 1e-9 * (i % 5);
            if (i % 500 == 7)
                s.value = std::numeric_limits<double>::quiet_NaN();
            if (i % 333 == 5)
                s.q = Quality::BadCommFailure;
            if (i % 777 == 9)
                s.q = Quality::UncertainLastKnown;
            batch.push_back(s);
            m_written[std::size_t(pen)].push_back(s);
        }
    }
    m_historian->append(batch);
    m_historian->flush();
}

void TestTrendExport::roundTripThroughCliImport()
{
    // The visible range: 06:10:00.000 .. 07:40:00.000 UTC (inside the 2 h of data).
    const TimestampMs from = kT0 + 10 * 60'000;
    const TimestampMs to = kT0 + 100 * 60'000;
    const QString csvPath = m_dir.filePath(QStringLiteral("trend.csv"));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    TrendExportStats stats;
    QString error;
    QVERIFY2(exportTrendCsv(&csv, m_pens, from, to, m_historian.get(), nullptr, m_model.get(),
                            &stats, &error),
             qPrintable(error));
    csv.close();
    // Independent count: samples of each pen with from <= t <= to: 5401 per pen (600 .. 6000 s).
    QCOMPARE(stats.rows, std::uint64_t(2 * 5401));
    QVERIFY(!stats.cancelled);

    const QString imported = m_dir.filePath(QStringLiteral("imported.db"));
    QProcess cli;
    cli.start(test::toolPath(QStringLiteral("andon-cli")),
              {QStringLiteral("import"), QStringLiteral("--config"), demoConfig(),
               QStringLiteral("--db"), imported, csvPath});
    QVERIFY2(cli.waitForFinished(120'000), "andon-cli import did not finish");
    QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0,
             qPrintable(QString::fromUtf8(cli.readAllStandardError())));
    QVERIFY(QString::fromUtf8(cli.readAllStandardOutput())
                .contains(QStringLiteral("imported 10802 samples for 2 tags")));

    storage::HistorianOptions o;
    o.path = imported;
    o.readOnly = true;
    auto back = storage::Historian::open(o, &error);
    QVERIFY2(back, qPrintable(error));
    for (int pen = 0; pen < 2; ++pen) {
        std::vector<Sample> expected;
        for (const Sample &s : m_written[std::size_t(pen)]) {
            if (s.t_ms >= from && s.t_ms <= to)
                expected.push_back(s);
        }
        const std::vector<Sample> got = back->raw(m_pens[pen], kT0 - 1, kT0 + 3 * 3'600'000);
        QCOMPARE(got.size(), expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            QVERIFY2(sameSample(got[i], expected[i]),
                     qPrintable(QStringLiteral("%1 #%2: %3 %4 %5 vs %6 %7 %8")
                                    .arg(m_pens[pen]).arg(i)
                                    .arg(formatTimestampUtc(got[i].t_ms)).arg(got[i].value)
                                    .arg(qualityName(got[i].q))
                                    .arg(formatTimestampUtc(expected[i].t_ms)).arg(expected[i].value)
                                    .arg(qualityName(expected[i].q))));
        }
    }
}

void TestTrendExport::liveEdgeIsExported()
{
    // The ring holds 10 samples newer than anything in the historian: they are exported after
    // the stored ones, once each.
    TagStore store(*m_model);
    const TagId tag = m_model->tagIdByPath(m_pens[0]);
    SampleBatch ring;
    const TimestampMs edge = kT0 + 7200 * 1000;
    for (int i = 0; i < 10; ++i)
        ring.push_back({tag, edge + i * 1000, 42.0 + i, Quality::Good});
    store.apply(ring, edge + 10'000);
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    TrendExportStats stats;
    QVERIFY(exportTrendCsv(&out, {m_pens[0]}, edge - 5000, edge + 60'000, m_historian.get(), &store,
                           m_model.get(), &stats, nullptr));
    // Stored: 7195 .. 7199 s = 5 samples; ring: 10.
    QCOMPARE(stats.rows, std::uint64_t(15));
    const QList<QByteArray> lines = out.data().trimmed().split('\n');
    QCOMPARE(lines.size(), 16); // header + 15
    QVERIFY(lines.last().contains(",51"));
}

void TestTrendExport::cancelStopsEarly()
{
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    TrendExportStats stats;
    int calls = 0;
    QVERIFY(exportTrendCsv(&out, m_pens, kT0, kT0 + 7'200'000, m_historian.get(), nullptr,
                           m_model.get(), &stats, nullptr, [&calls](int, int) {
                               return ++calls < 2; // cancel at the second slice
                           }));
    QVERIFY(stats.cancelled);
    QVERIFY(stats.rows < 2 * 7200);
}

QTEST_GUILESS_MAIN(TestTrendExport)
#include "tst_trend_export.moc"
