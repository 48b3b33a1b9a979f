// andon-sim --sparkplug: its births, data, rebirth on NCMD and NDEATH, decoded by Andon's own
// Sparkplug host through a real mosquitto on a free loopback port.
#include "connectors/mqtt/mqtt_client.h"
#include "connectors/mqtt/sparkplug_host.h"
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QProcess>
#include <QTest>

#include <atomic>

using namespace andon;

class TstSparkplugSim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::installStrictMessageHandler(); }

    void simulatorSpeaksSparkplug()
    {
        test::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        const QString config = test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml");
        const ConfigResult loaded = ConfigLoader::loadFile(config);
        QVERIFY(loaded.ok());
        const PlantModel &model = *loaded.model;

        // A host without bindings still tracks sessions, sequence numbers and metrics.
        mqtt::SparkplugHost host(loaded.model, QStringLiteral("none"), QString());
        std::atomic<int> probes{0};
        std::atomic<int> births{0};
        std::atomic<int> rebirthsAsked{0};
        std::atomic<int> errors{0};
        mqtt::MqttClientOptions options;
        options.port = broker.port();
        mqtt::MqttClient client(options);
        client.setMessageHandler([&](mqtt::MqttMessage &&m) {
            if (m.topic == QStringLiteral("probe")) {
                probes++;
                return;
            }
            if (m.topic == QStringLiteral("spBv1.0/SimG/NBIRTH/SimN"))
                births++;
            const mqtt::SparkplugResult r = host.handleMessage(m.topic, m.payload, m.receivedMs);
            if (!r.error.isEmpty()) {
                errors++;
                qInfo().noquote() << m.topic << r.error;
            }
            rebirthsAsked += static_cast<int>(r.publish.size());
        });
        client.subscribe(QStringLiteral("spBv1.0/#"), 1);
        client.subscribe(QStringLiteral("probe"), 1);
        QVERIFY(client.start());
        // Subscribed for sure once our own probe comes back.
        QTRY_VERIFY_WITH_TIMEOUT(client.state() == mqtt::MqttClient::State::Connected, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT((client.publish(QStringLiteral("probe"), "x", 1), probes.load() > 0), 10'000);

        QProcess sim;
        sim.start(test::toolPath(QStringLiteral("andon-sim")),
                  {QStringLiteral("--config"), config, QStringLiteral("--mqtt-port"),
                   QString::number(broker.port()), QStringLiteral("--sparkplug"),
                   QStringLiteral("--group"), QStringLiteral("SimG"), QStringLiteral("--node"),
                   QStringLiteral("SimN"), QStringLiteral("--speed"), QStringLiteral("5"),
                   QStringLiteral("--seconds"), QStringLiteral("6")});
        QVERIFY2(sim.waitForStarted(10'000), qPrintable(sim.errorString()));

        // Births: the node and one device per machine, every tag a metric (plus bdSeq and
        // Node Control/Rebirth).
        QTRY_VERIFY_WITH_TIMEOUT(births.load() == 1 && host.metrics().size() == model.tags.size() + 2, 10'000);
        std::vector<mqtt::SparkplugNodeStats> stats = host.nodeStats();
        QCOMPARE(stats.size(), std::size_t(1));
        QCOMPARE(stats[0].devices.size(), qsizetype(model.machines.size()));
        QVERIFY(stats[0].bdSeq >= 0);
        // Some data by alias arrives and decodes into values.
        QTRY_VERIFY_WITH_TIMEOUT(host.nodeStats()[0].messages > model.machines.size() + 5, 10'000);
        int numeric = 0;
        for (const mqtt::SparkplugMetricInfo &m : host.metrics()) {
            if (m.name == QStringLiteral("motor_temp"))
                QCOMPARE(m.unit, QStringLiteral("°C"));
            bool ok = false;
            m.lastValue.toDouble(&ok);
            numeric += ok ? 1 : 0;
        }
        QVERIFY(numeric > 0);

        // A host asks for a rebirth: the node publishes its births again.
        client.publish(QStringLiteral("spBv1.0/SimG/NCMD/SimN"),
                       host.rebirthRequest(QStringLiteral("SimG"), QStringLiteral("SimN"), nowUtcMs()).payload);
        QTRY_VERIFY_WITH_TIMEOUT(births.load() == 2, 10'000);

        // --seconds ends the run with an NDEATH carrying the session's bdSeq.
        QTRY_VERIFY_WITH_TIMEOUT(sim.state() == QProcess::NotRunning, 20'000);
        QCOMPARE(sim.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!host.nodeStats()[0].online, 5'000);
        stats = host.nodeStats();
        QCOMPARE(stats[0].sequenceErrors, std::uint64_t(0));
        QCOMPARE(stats[0].rebirthsRequested, std::uint64_t(0));
        QCOMPARE(rebirthsAsked.load(), 0);
        QCOMPARE(errors.load(), 0);
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TstSparkplugSim)
#include "tst_sparkplug_sim.moc"
