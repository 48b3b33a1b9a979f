// andon-sim command line: scenario validation and the --truth file, run as a real process
// against a real mosquitto broker on loopback.
#include "sim/plant_simulator.h"
#include "tests/support/test_support.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestAndonSimTruth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup() { QCOMPARE(andon::test::unexpectedWarnings(), QStringList()); }
    void unknownScenario();
    void writesTruth();

private:
    QString demoConfig() const
    {
        return andon::test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml");
    }
    andon::test::MosquittoBroker m_broker;
};

void TestAndonSimTruth::initTestCase()
{
    andon::test::installStrictMessageHandler();
    QVERIFY2(QFileInfo::exists(andon::test::toolPath(QStringLiteral("andon-sim"))),
             "build andon-sim first");
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

void TestAndonSimTruth::unknownScenario()
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(andon::test::toolPath(QStringLiteral("andon-sim")),
            {QStringLiteral("--config"), demoConfig(), QStringLiteral("--scenario"),
             QStringLiteral("meltdown"), QStringLiteral("--seconds"), QStringLiteral("1")});
    QVERIFY(p.waitForFinished(15000));
    const QString out = QString::fromUtf8(p.readAll());
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(out.contains(QStringLiteral("unknown scenario 'meltdown'")), qPrintable(out));
    for (const char *name : {"normal", "bad-shift", "spc-drift", "bearing-failure",
                             "energy-waste", "comms-faults"})
        QVERIFY2(out.contains(QLatin1String(name)), qPrintable(out));
}

void TestAndonSimTruth::writesTruth()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString truthFile = dir.filePath(QStringLiteral("truth.json"));
    QProcess sim;
    sim.setProcessChannelMode(QProcess::MergedChannels);
    sim.start(andon::test::toolPath(QStringLiteral("andon-sim")),
              {QStringLiteral("--config"), demoConfig(), QStringLiteral("--mqtt-port"),
               QString::number(m_broker.port()), QStringLiteral("--seconds"),
               QStringLiteral("2"), QStringLiteral("--speed"), QStringLiteral("600"),
               QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--scenario"),
               QStringLiteral("bearing-failure"), QStringLiteral("--truth"), truthFile});
    QVERIFY(sim.waitForFinished(30000));
    const QString out = QString::fromUtf8(sim.readAll());
    QVERIFY2(sim.exitStatus() == QProcess::NormalExit && sim.exitCode() == 0, qPrintable(out));

    QFile f(truthFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject truth = QJsonDocument::fromJson(f.readAll(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(truth.value(QStringLiteral("format")).toString(), QStringLiteral("andon-sim-truth/1"));
    QCOMPARE(truth.value(QStringLiteral("seed")).toString(), QStringLiteral("5"));
    QCOMPARE(truth.value(QStringLiteral("scenario")).toString(), QStringLiteral("bearing-failure"));
    QCOMPARE(truth.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Berlin"));
    const double start = truth.value(QStringLiteral("start_ms")).toDouble();
    const double end = truth.value(QStringLiteral("end_ms")).toDouble();
    QVERIFY(end > start);
    QCOMPARE(std::fmod(start, 1000.0), 0.0); // started on a whole second
    const QJsonArray shifts = truth.value(QStringLiteral("shifts")).toArray();
    QVERIFY(!shifts.isEmpty()); // the demo plant has shifts around the clock
    for (const QJsonValue &v : shifts) {
        const QJsonObject s = v.toObject();
        const QJsonArray machines = s.value(QStringLiteral("machines")).toArray();
        QCOMPARE(machines.size(), 8);
        for (const QJsonValue &m : machines) {
            const QJsonObject o = m.toObject();
            const double planned = o.value(QStringLiteral("planned_production_time_s")).toDouble();
            const double run = o.value(QStringLiteral("run_time_s")).toDouble();
            QVERIFY(run >= 0 && run <= planned);
            QVERIFY(o.value(QStringLiteral("good_count")).toDouble()
                    <= o.value(QStringLiteral("total_count")).toDouble());
        }
    }
    bool bearing = false;
    for (const QJsonValue &v : truth.value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("type")).toString() != u"bearing_fault")
            continue;
        bearing = true;
        QVERIFY(e.value(QStringLiteral("onset_ms")).toDouble() > start);
        QVERIFY(e.value(QStringLiteral("tag")).toString().endsWith(u"/vibration_rms"));
    }
    QVERIFY(bearing);
}

QTEST_GUILESS_MAIN(TestAndonSimTruth)
#include "tst_andon_sim_truth.moc"
