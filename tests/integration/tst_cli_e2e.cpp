// andon-cli end to end: check-config, tags, import/export round trip, and `ingest` from a real
// mosquitto broker (started by the test on a free loopback port) into a real historian file.
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace andon;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runTool(const QString &tool, const QStringList &args, int timeoutMs = 60'000)
{
    QProcess p;
    p.start(test::toolPath(tool), args);
    Run r;
    if (!p.waitForStarted(10'000)) {
        r.err = QStringLiteral("cannot start ") + test::toolPath(tool);
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString demoConfig()
{
    return test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml");
}

bool publish(int port, const QString &topic, const QByteArray &payload, bool retain)
{
    QStringList args{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                     QString::number(port), QStringLiteral("-q"), QStringLiteral("1"),
                     QStringLiteral("-t"), topic, QStringLiteral("-m"), QString::fromUtf8(payload)};
    if (retain)
        args << QStringLiteral("-r");
    QProcess p;
    p.start(QStringLiteral("/usr/bin/mosquitto_pub"), args);
    return p.waitForFinished(10'000) && p.exitCode() == 0;
}

// CSV rows of `andon-cli export` without the header.
QStringList exportRows(const QString &db, const QString &tag)
{
    const Run r = runTool(QStringLiteral("andon-cli"),
                          {QStringLiteral("export"), QStringLiteral("--db"), db,
                           QStringLiteral("--tag"), tag, QStringLiteral("--from"),
                           QStringLiteral("0"), QStringLiteral("--to"),
                           QStringLiteral("4102444800000"), QStringLiteral("--csv")});
    if (r.exitCode != 0) {
        qWarning().noquote() << "export failed:" << r.err;
        return {};
    }
    QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    if (!lines.isEmpty())
        lines.removeFirst();
    return lines;
}

} // namespace

class TstCliE2e : public QObject
{
    Q_OBJECT
private slots:
    void checkConfigAcceptsDemoPlant();
    void checkConfigRejectsBrokenFileWithLocation();
    void tagsListsEveryTagPathFirst();
    void importExportRoundTrip();
    void ingestFromRealBroker();
    void ingestStopsCleanlyOnSigterm();
};

void TstCliE2e::checkConfigAcceptsDemoPlant()
{
    const Run r = runTool(QStringLiteral("andon-cli"), {QStringLiteral("check-config"), demoConfig()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral(": OK")), qPrintable(r.out + r.err));
}

void TstCliE2e::checkConfigRejectsBrokenFileWithLocation()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("andon: 1\nplant:\n  enterprise: acme\nconnections:\n  mqtt:\n    - id: b\n      prot: 1883\n");
    f.close();
    const Run r = runTool(QStringLiteral("andon-cli"), {QStringLiteral("check-config"), path});
    QCOMPARE(r.exitCode, 1);
    // Line 7, column 7 is where the misspelt key starts.
    QVERIFY2(r.err.contains(path + QStringLiteral(":7:7: error:")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("did you mean 'port'")), qPrintable(r.err));
}

void TstCliE2e::tagsListsEveryTagPathFirst()
{
    const ConfigResult config = ConfigLoader::loadFile(demoConfig());
    QVERIFY(config.ok());
    const Run r = runTool(QStringLiteral("andon-cli"),
                          {QStringLiteral("tags"), QStringLiteral("--config"), demoConfig()});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), qsizetype(config.model->tags.size()));
    for (std::size_t i = 0; i < config.model->tags.size(); ++i)
        QVERIFY2(lines[qsizetype(i)].startsWith(config.model->tags[i].path + u'\t'),
                 qPrintable(lines[qsizetype(i)]));
}

void TstCliE2e::importExportRoundTrip()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("in.csv"));
    const QString db = dir.filePath(QStringLiteral("h.sqlite"));
    const QString tag = QStringLiteral("acme/berlin/assembly/line1/press/motor_temp");
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("timestamp,tag,value,quality\n"
            "2026-11-25T06:00:00.000Z,acme/berlin/assembly/line1/press/motor_temp,41.5,good\n"
            "1795586401000,acme/berlin/assembly/line1/press/motor_temp,41.7,\n"
            "2026-11-25T06:00:02Z,acme/berlin/assembly/line1/press/motor_temp,0,bad_stale\n"
            "2026-11-25T06:00:03Z,acme/berlin/assembly/line1/nosuch/motor_temp,1,good\n");
    f.close();
    const Run imp = runTool(QStringLiteral("andon-cli"),
                            {QStringLiteral("import"), QStringLiteral("--config"), demoConfig(),
                             QStringLiteral("--db"), db, csv});
    // One row names a tag that is not configured: reported with its line, the rest imported.
    QCOMPARE(imp.exitCode, 1);
    QVERIFY2(imp.err.contains(csv + QStringLiteral(":5")), qPrintable(imp.err));
    QVERIFY2(imp.err.contains(QStringLiteral("nosuch")), qPrintable(imp.err));

    const QStringList rows = exportRows(db, tag);
    // 2026-11-25T06:00:00Z = 1795586400000 (GNU date -u -d ... +%s%3N)
    QCOMPARE(rows, (QStringList{
                           QStringLiteral("2026-11-25T06:00:00.000Z,%1,41.5,good").arg(tag),
                           QStringLiteral("2026-11-25T06:00:01.000Z,%1,41.7,good").arg(tag),
                           QStringLiteral("2026-11-25T06:00:02.000Z,%1,0,bad_stale").arg(tag),
                   }));

    // Export output is valid import input: a second file gets the same rows.
    const QString csv2 = dir.filePath(QStringLiteral("again.csv"));
    const QString db2 = dir.filePath(QStringLiteral("h2.sqlite"));
    QFile f2(csv2);
    QVERIFY(f2.open(QIODevice::WriteOnly));
    f2.write("timestamp,tag,value,quality\n" + rows.join(u'\n').toUtf8() + '\n');
    f2.close();
    const Run imp2 = runTool(QStringLiteral("andon-cli"),
                             {QStringLiteral("import"), QStringLiteral("--config"), demoConfig(),
                              QStringLiteral("--db"), db2, csv2});
    QCOMPARE(imp2.exitCode, 0);
    QCOMPARE(exportRows(db2, tag), rows);
}

void TstCliE2e::ingestFromRealBroker()
{
    test::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const int port = broker.port();
    const QString press = QStringLiteral("acme/berlin/assembly/line1/press/");
    const QString ambient = QStringLiteral("acme/berlin/packaging/ambient_temp");

    // Retained messages reach the subscriber whenever it connects, so the test does not
    // depend on how fast `ingest` starts.
    QVERIFY(publish(port, press + QStringLiteral("motor_temp"),
                    R"({"value": 55.25, "ts": 1795636214123})", true));
    QVERIFY(publish(port, press + QStringLiteral("state"), R"({"value": 10, "ts": 1795636214000})", true));
    QVERIFY(publish(port, ambient, "21.5", true));
    QVERIFY(publish(port, press + QStringLiteral("vibration_rms"), R"({"value": oops})", true));

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("ingest.sqlite"));
    const Run r = runTool(QStringLiteral("andon-cli"),
                          {QStringLiteral("ingest"), QStringLiteral("--config"), demoConfig(),
                           QStringLiteral("--db"), db, QStringLiteral("--mqtt-port"),
                           QString::number(port), QStringLiteral("--seconds"), QStringLiteral("3")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + broker.log()));
    QVERIFY2(r.out.contains(QStringLiteral("ingested")), qPrintable(r.out));
    // The malformed payload is reported with its topic.
    QVERIFY2(r.err.contains(press + QStringLiteral("vibration_rms")), qPrintable(r.err));

    QCOMPARE(exportRows(db, press + QStringLiteral("motor_temp")),
             QStringList{QStringLiteral("2026-11-25T19:50:14.123Z,%1motor_temp,55.25,good").arg(press)});
    QCOMPARE(exportRows(db, press + QStringLiteral("state")),
             QStringList{QStringLiteral("2026-11-25T19:50:14.000Z,%1state,10,good").arg(press)});
    const QStringList amb = exportRows(db, ambient);
    QCOMPARE(amb.size(), 1);
    QVERIFY2(amb[0].endsWith(QStringLiteral(",%1,21.5,good").arg(ambient)), qPrintable(amb[0]));
    const QStringList vib = exportRows(db, press + QStringLiteral("vibration_rms"));
    QCOMPARE(vib.size(), 1);
    QVERIFY2(vib[0].endsWith(QStringLiteral(",nan,bad_decode_error")), qPrintable(vib[0]));
}

void TstCliE2e::ingestStopsCleanlyOnSigterm()
{
    test::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const QString topic = QStringLiteral("acme/berlin/assembly/line1/feeder/power");
    QVERIFY(publish(broker.port(), topic, R"({"value": 12.5, "ts": 1795636214000})", true));

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("sigterm.sqlite"));
    QProcess ingest;
    ingest.start(test::toolPath(QStringLiteral("andon-cli")),
                 {QStringLiteral("ingest"), QStringLiteral("--config"), demoConfig(),
                  QStringLiteral("--db"), db, QStringLiteral("--mqtt-port"),
                  QString::number(broker.port())});
    QVERIFY(ingest.waitForStarted(10'000));
    // The historian file appears once the logger runs; the retained sample arrives right after
    // the subscription. Wait (bounded) until the sample is committed, then ask it to stop.
    QTRY_VERIFY_WITH_TIMEOUT(!exportRows(db, topic).isEmpty(), 20'000);
    ::kill(static_cast<pid_t>(ingest.processId()), SIGTERM);
    QVERIFY(ingest.waitForFinished(15'000));
    QCOMPARE(ingest.exitStatus(), QProcess::NormalExit);
    QCOMPARE(ingest.exitCode(), 0);
    QVERIFY2(QString::fromUtf8(ingest.readAllStandardOutput()).contains(QStringLiteral("ingested")),
             "no summary line after SIGTERM");
    QCOMPARE(exportRows(db, topic),
             QStringList{QStringLiteral("2026-11-25T19:50:14.000Z,%1,12.5,good").arg(topic)});
}

QTEST_GUILESS_MAIN(TstCliE2e)
#include "tst_cli_e2e.moc"
