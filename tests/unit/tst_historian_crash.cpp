// Crash safety: a child process appends batches and reports "committed N" after each flush();
// it is killed with SIGKILL mid-write, and every batch it reported must be in the file.
// The child is this executable started again with --crash-writer <db>.
#include "storage/historian.h"
#include "tests/support/test_support.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>

using namespace andon;
using namespace andon::storage;

namespace {

constexpr TimestampMs kT0 = 1'767'225'600'000;
constexpr int kTags = 20;
constexpr int kPerTag = 5; // samples per tag per batch

QStringList tagPaths()
{
    QStringList out;
    for (int i = 0; i < kTags; ++i)
        out << QStringLiteral("acme/site/area/line/m%1/value").arg(i);
    return out;
}

// Sample k (0..kPerTag-1) of `tag` in batch b: its time and value identify it.
Sample sampleOf(int b, int tag, int k)
{
    const std::int64_t n = std::int64_t(b) * kPerTag + k;
    return {TagId(tag), kT0 + n * 1000, double(n) / 10.0 + tag, Quality::Good};
}

int runWriter(const char *dbPath)
{
    HistorianOptions o;
    o.path = QString::fromLocal8Bit(dbPath);
    o.commitIntervalMs = 20;
    o.chunkMaxSamples = 40; // seals happen all the time, so the kill hits them too
    QString error;
    auto h = Historian::open(o, &error);
    if (!h || !h->bindTags(tagPaths(), &error)) {
        std::fprintf(stderr, "writer: %s\n", qPrintable(error));
        return 2;
    }
    for (int b = 0; b < 1'000'000; ++b) { // the parent kills us long before the end
        SampleBatch batch;
        for (int k = 0; k < kPerTag; ++k)
            for (int t = 0; t < kTags; ++t)
                batch.push_back(sampleOf(b, t, k));
        h->append(std::move(batch));
        if (b % 3 == 2) { // some batches are still uncommitted when the kill comes
            h->flush();
            std::printf("committed %d\n", b);
            std::fflush(stdout);
        }
    }
    return 0;
}

} // namespace

class TstHistorianCrash : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void killedWriterLosesNoCommittedBatch_data();
    void killedWriterLosesNoCommittedBatch();
};

void TstHistorianCrash::killedWriterLosesNoCommittedBatch_data()
{
    QTest::addColumn<int>("killAfter");
    QTest::newRow("early") << 5;
    QTest::newRow("later") << 200;
}

void TstHistorianCrash::killedWriterLosesNoCommittedBatch()
{
    QFETCH(int, killAfter);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("crash.db"));

    int lastCommitted = -1;
    for (int round = 0; round < 2; ++round) { // the second run resumes after the first crash
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--crash-writer"), db});
        QVERIFY(child.waitForStarted(10'000));
        const QRegularExpression line(QStringLiteral("committed (\\d+)"));
        QByteArray out;
        int reports = 0;
        QDeadlineTimer deadline(60'000);
        while (reports < killAfter && !deadline.hasExpired()
               && child.state() == QProcess::Running) {
            child.waitForReadyRead(1000);
            out += child.readAllStandardOutput();
            reports = int(out.count("committed"));
        }
        QVERIFY2(reports >= killAfter, child.readAllStandardError().constData());
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10'000));
        out += child.readAllStandardOutput();
        auto it = line.globalMatch(QString::fromLatin1(out));
        while (it.hasNext())
            lastCommitted = std::max(lastCommitted, it.next().captured(1).toInt());
        // The second run's batches restart at 0 with the same times: duplicates are expected
        // there, so only the first run's count of distinct times is checked exactly.
        if (round == 1)
            break;

        HistorianOptions o;
        o.path = db;
        o.readOnly = true;
        QString error;
        auto h = Historian::open(o, &error);
        QVERIFY2(h, qPrintable(error));
        const QStringList paths = tagPaths();
        for (int t = 0; t < kTags; ++t) {
            const auto got = h->raw(paths[t], kT0, kT0 + 1'000'000'000);
            QVERIFY(got.size() >= std::size_t(lastCommitted + 1) * kPerTag);
            for (int b = 0; b <= lastCommitted; ++b) {
                for (int k = 0; k < kPerTag; ++k) {
                    const Sample want = sampleOf(b, t, k);
                    const std::size_t i = std::size_t(b) * kPerTag + std::size_t(k);
                    QVERIFY2(got[i].t_ms == want.t_ms && got[i].value == want.value,
                             qPrintable(QStringLiteral("tag %1 batch %2 sample %3 missing")
                                            .arg(t)
                                            .arg(b)
                                            .arg(k)));
                }
            }
        }
    }
    // After two crashes the file still opens read-write (journal replay) and holds the data.
    HistorianOptions o;
    o.path = db;
    QString error, notice;
    auto h = Historian::open(o, &error, &notice);
    QVERIFY2(h, qPrintable(error));
    QVERIFY(notice.isEmpty());
    QVERIFY(h->raw(tagPaths().front(), kT0, kT0 + 1'000'000'000).size()
            >= std::size_t(lastCommitted + 1) * kPerTag);
}

int main(int argc, char **argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "--crash-writer") == 0)
        return runWriter(argv[2]);
    QCoreApplication app(argc, argv);
    TstHistorianCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historian_crash.moc"
