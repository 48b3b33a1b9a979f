// Sparkplug B end to end against a publisher no one here wrote: tests/peers/
// sparkplug_publisher.js encodes with npm `sparkplug-payload` (Eclipse Tahu's JS codec) and
// talks to a real mosquitto on a free loopback port; Andon's Engine (config from YAML, the
// Sparkplug host on its MQTT source) ingests births, data by alias, a sequence gap (which must
// reach the peer as an NCMD rebirth request), the rebirth, and the deaths.
// Needs `node` and tests/peers/node_modules (scripts/deps installs both).
#include "core/config_loader.h"
#include "engine/engine.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace andon;

namespace {

const char *kYaml = R"(andon: 1
plant: { enterprise: acme, title: Sparkplug peer test }
connections:
  mqtt:
    - { id: b, host: 127.0.0.1, port: 1883, sparkplug_host_id: andon-it }
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l
            machines:
              - name: m1
                tags:
                  - { name: temp, unit: "°C", sparkplug: { group: Plant, node: Edge1, device: Press, metric: "Motor/Temperature" } }
                  - { name: count, kind: counter, sparkplug: { group: Plant, node: Edge1, device: Press, metric: Count } }
                  - { name: offset, sparkplug: { group: Plant, node: Edge1, device: Press, metric: Offset } }
                  - { name: uptime, sparkplug: { group: Plant, node: Edge1, metric: Uptime } }
)";

constexpr TagId kTemp = 0, kCount = 1, kOffset = 2, kUptime = 3;

QString peerDir()
{
    return test::sourceDir() + QStringLiteral("/tests/peers");
}

// Values of one tag in the ring buffer with a given quality, in time order.
QList<double> valuesWith(const Engine &engine, TagId tag, Quality q)
{
    QList<double> out;
    for (const Sample &s : engine.tagStore().recent(tag, 0))
        if (s.q == q)
            out << s.value;
    return out;
}

} // namespace

class TstSparkplugPeer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        QVERIFY2(QFileInfo::exists(peerDir() + QStringLiteral("/node_modules/sparkplug-payload/package.json")),
                 "tests/peers/node_modules is missing: run scripts/deps");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(),
                 "node is not installed: run scripts/deps");
    }

    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    }

    void birthsDataGapRebirthDeaths()
    {
        test::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));

        const ConfigResult config = ConfigLoader::loadString(QByteArray(kYaml), QStringLiteral("peer.yaml"));
        QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(QLatin1Char('\n'))));
        Engine engine(Engine::withMqttPort(config.model, broker.port()));
        QVERIFY2(engine.openHistorian(QStringLiteral("-"), &error), qPrintable(error));
        // The host logs the sequence gap and the NDEATH-free data of the dead device.
        test::expectWarning(QRegularExpression(QStringLiteral("sequence number")));
        engine.startSources();

        QProcess peer;
        peer.setWorkingDirectory(peerDir());
        peer.setProcessChannelMode(QProcess::SeparateChannels);
        peer.start(QStringLiteral("node"),
                   {peerDir() + QStringLiteral("/sparkplug_publisher.js"),
                    QStringLiteral("--port"), QString::number(broker.port()),
                    QStringLiteral("--group"), QStringLiteral("Plant"),
                    QStringLiteral("--node"), QStringLiteral("Edge1"),
                    QStringLiteral("--device"), QStringLiteral("Press"),
                    QStringLiteral("--host-id"), QStringLiteral("andon-it"),
                    QStringLiteral("--bdseq"), QStringLiteral("9"),
                    QStringLiteral("--steps"),
                    QStringLiteral("wait-host,nbirth,dbirth,ddata:21.5,ndata:1001,ddata:22.5,gap,"
                                   "ddata:23.5,wait-rebirth,ddata:25.5,sleep:300,ddeath,sleep:300,"
                                   "ndeath,sleep:300")});
        QVERIFY2(peer.waitForStarted(10'000), qPrintable(peer.errorString()));
        // Bounded: the peer caps itself at 20 s too.
        QTRY_VERIFY_WITH_TIMEOUT(peer.state() == QProcess::NotRunning, 20'000);
        const QString out = QString::fromUtf8(peer.readAllStandardOutput());
        const QString err = QString::fromUtf8(peer.readAllStandardError());
        QVERIFY2(peer.exitStatus() == QProcess::NormalExit && peer.exitCode() == 0,
                 qPrintable(out + err + broker.log()));
        // Our STATE birth reached the peer, and so did exactly one rebirth request.
        QVERIFY2(out.contains(QStringLiteral("state {\"online\":true")), qPrintable(out));
        QCOMPARE(out.count(QStringLiteral("rebirth-requested")), 1);

        // The last NDEATH sample may still be on its way through the network thread.
        QTRY_COMPARE_WITH_TIMEOUT(engine.tagStore().latest(kUptime).q, Quality::BadStale, 5'000);

        // Births and in-sequence data are Good: DBIRTH 20, DDATA 21.5, 22.5; after the
        // rebirth DBIRTH 23.5 (the peer re-announces its last value) and DDATA 25.5.
        QCOMPARE(valuesWith(engine, kTemp, Quality::Good),
                 QList<double>({20.0, 21.5, 22.5, 23.5, 25.5}));
        // The out-of-sequence message is applied but Uncertain, like the values before it.
        QVERIFY(valuesWith(engine, kTemp, Quality::Uncertain).contains(23.5));
        QVERIFY(valuesWith(engine, kUptime, Quality::Uncertain).contains(1001.0));
        // Int8 from the Tahu codec (negative in the unsigned int_value) and UInt32 (which this
        // codec writes into long_value) read back right.
        QVERIFY(valuesWith(engine, kOffset, Quality::Good).contains(-22.0));
        QCOMPARE(valuesWith(engine, kCount, Quality::Good).last(), 4.0);
        // DDEATH then NDEATH: every tag Stale with its last value.
        for (const TagId tag : {kTemp, kCount, kOffset, kUptime})
            QCOMPARE(engine.tagStore().latest(tag).q, Quality::BadStale);
        QCOMPARE(engine.tagStore().latest(kTemp).value, 25.5);
        QCOMPARE(engine.tagStore().latest(kUptime).value, 1001.0);
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TstSparkplugPeer)
#include "tst_sparkplug_peer.moc"
