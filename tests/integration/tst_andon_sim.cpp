// andon-sim end to end: runs the real executable against a real broker with the demo plant,
// receives what it publishes and decodes it with the plant's own bindings.
#include "connectors/mqtt/mqtt_client.h"
#include "connectors/mqtt/payload_decoder.h"
#include "core/config_loader.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"

#include <QtTest>

#include <set>

using andon::mqtt::MqttClient;
using andon::mqtt::MqttMessage;

class TestAndonSim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup() { QCOMPARE(andon::test::unexpectedWarnings(), QStringList()); }
    void refusesNonLoopbackHost_data();
    void refusesNonLoopbackHost();
    void publishesDecodableDemoPlant();
    void backfillWritesTheSamePlantIntoTheHistorian();

private:
    QString demoConfig() const
    {
        return andon::test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml");
    }
    andon::test::MosquittoBroker m_broker;
};

void TestAndonSim::initTestCase()
{
    andon::test::installStrictMessageHandler();
    QVERIFY2(QFileInfo::exists(andon::test::toolPath(QStringLiteral("andon-sim"))),
             "build andon-sim first");
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

void TestAndonSim::refusesNonLoopbackHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("private ip") << QStringLiteral("10.0.0.1");
    QTest::newRow("public name") << QStringLiteral("broker.example.com");
    QTest::newRow("any address") << QStringLiteral("0.0.0.0");
    QTest::newRow("ipv6 global") << QStringLiteral("2001:db8::1");
    QTest::newRow("127 lookalike") << QStringLiteral("127.0.0.1.example.com");
}

void TestAndonSim::refusesNonLoopbackHost()
{
    QFETCH(QString, host);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(andon::test::toolPath(QStringLiteral("andon-sim")),
            {QStringLiteral("--config"), demoConfig(), QStringLiteral("--mqtt-host"), host,
             QStringLiteral("--seconds"), QStringLiteral("1")});
    QVERIFY(p.waitForFinished(15000));
    const QString out = QString::fromUtf8(p.readAll());
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(out.contains(QStringLiteral("only loopback")), qPrintable(out));
}

void TestAndonSim::publishesDecodableDemoPlant()
{
    const auto config = andon::ConfigLoader::loadFile(demoConfig());
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    const auto model = config.model;
    andon::mqtt::PayloadDecoder decoder(model);

    andon::mqtt::MqttClientOptions o;
    o.port = m_broker.port();
    MqttClient client(o);
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, 15000);
    client.subscribe(QStringLiteral("acme/#"));
    // Wait until the subscription is active (probe round trip).
    QDeadlineTimer deadline(15000);
    bool subscribed = false;
    while (!subscribed && !deadline.hasExpired()) {
        client.publish(QStringLiteral("acme/probe"), "x", 1);
        QTest::qWait(100);
        for (const auto &m : client.takeMessages())
            subscribed = subscribed || m.topic == u"acme/probe";
    }
    QVERIFY(subscribed);

    QProcess sim;
    sim.setProcessChannelMode(QProcess::MergedChannels);
    sim.start(andon::test::toolPath(QStringLiteral("andon-sim")),
              {QStringLiteral("--config"), demoConfig(), QStringLiteral("--mqtt-port"),
               QString::number(m_broker.port()), QStringLiteral("--seconds"),
               QStringLiteral("3"), QStringLiteral("--speed"), QStringLiteral("10"),
               QStringLiteral("--seed"), QStringLiteral("5")});
    QVERIFY(sim.waitForStarted(5000));
    QVERIFY(sim.waitForFinished(30000));
    const QString out = QString::fromUtf8(sim.readAll());
    QVERIFY2(sim.exitStatus() == QProcess::NormalExit && sim.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("messages published")), qPrintable(out));

    // Collect until quiet (bounded).
    std::vector<MqttMessage> got;
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(100);
        for (auto &m : client.takeMessages())
            if (m.topic != u"acme/probe")
                got.push_back(std::move(m));
    }
    QVERIFY(got.size() > 200);

    std::set<andon::TagId> seen;
    for (const MqttMessage &m : got) {
        const auto r = decoder.decode(QStringLiteral("plant-broker"), m.topic, m.payload,
                                      m.receivedMs);
        QVERIFY2(r.error.isEmpty(), qPrintable(m.topic + u": " + r.error));
        QVERIFY2(!r.samples.empty(), qPrintable(m.topic));
        for (const auto &s : r.samples) {
            QCOMPARE(s.q, andon::Quality::Good);
            // Source timestamps are used, and they are near the receive time (speed 10 for
            // 3 s can run at most ~30 s ahead).
            QVERIFY(std::abs(s.t_ms - m.receivedMs) < 60000);
            seen.insert(s.tag);
        }
    }
    // Every bound tag of the demo plant was published at least once.
    for (const auto &tag : model->tags) {
        if (tag.mqtt)
            QVERIFY2(seen.count(tag.id), qPrintable(tag.path));
    }
}

// --backfill-hours: the history written before going live is exactly what the deterministic
// simulator produces for that seed and start (an in-process PlantSimulator is the reference),
// and the live part follows it.
void TestAndonSim::backfillWritesTheSamePlantIntoTheHistorian()
{
    const auto config = andon::ConfigLoader::loadFile(demoConfig());
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("backfill.sqlite"));

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QProcess sim;
    sim.setProcessChannelMode(QProcess::MergedChannels);
    sim.start(andon::test::toolPath(QStringLiteral("andon-sim")),
              {QStringLiteral("--config"), demoConfig(), QStringLiteral("--mqtt-port"),
               QString::number(m_broker.port()), QStringLiteral("--seconds"), QStringLiteral("1"),
               QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--backfill-hours"),
               QStringLiteral("0.5"), QStringLiteral("--backfill-db"), db});
    QVERIFY(sim.waitForStarted(5000));
    QVERIFY(sim.waitForFinished(60000));
    const QString out = QString::fromUtf8(sim.readAll());
    QVERIFY2(sim.exitStatus() == QProcess::NormalExit && sim.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("backfilled")), qPrintable(out));
    QVERIFY2(out.indexOf(QStringLiteral("backfilled")) < out.indexOf(QStringLiteral("publishing")),
             qPrintable(out)); // history first, then live

    andon::storage::HistorianOptions ho;
    ho.path = db;
    ho.readOnly = true;
    QString error;
    auto h = andon::storage::Historian::open(ho, &error);
    QVERIFY2(h, qPrintable(error));
    QStringList paths;
    for (const auto &t : config.model->tags)
        paths.push_back(t.path);
    QVERIFY(h->bindTags(paths));

    // The simulation started 30 min before the run, on a whole minute.
    const QString base = QStringLiteral("acme/berlin/assembly/line1/feeder/");
    const auto temps = h->raw(base + QStringLiteral("motor_temp"), 0,
                              std::numeric_limits<qint64>::max());
    QVERIFY(temps.size() > 1000);
    const qint64 start = temps.front().t_ms;
    QCOMPARE(start % 60'000, qint64(0));
    QVERIFY(start >= before - 1'800'000 - 60'000);
    QVERIFY(start <= before - 1'800'000 + 60'000);
    const qint64 end = temps.back().t_ms;
    QVERIFY(end - start >= 1'790'000);

    andon::sim::SimOptions so;
    so.seed = 9;
    so.startMs = start;
    andon::sim::PlantSimulator reference(config.model, so);
    const andon::SampleBatch expected = reference.advanceTo(end);
    for (const QString &name : {QStringLiteral("motor_temp"), QStringLiteral("good_count"),
                                QStringLiteral("state")}) {
        const andon::TagId id = config.model->tagIdByPath(base + name);
        QVERIFY2(id != andon::kInvalidTag, qPrintable(base + name));
        std::vector<andon::Sample> want;
        for (const andon::Sample &s : expected)
            if (s.tag == id && s.t_ms < end)
                want.push_back(s);
        const auto got = h->raw(base + name, start, end - 1);
        QVERIFY2(!want.empty(), qPrintable(name));
        QCOMPARE(got.size(), want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].t_ms, want[i].t_ms);
            QCOMPARE(got[i].value, want[i].value);
            QCOMPARE(got[i].q, want[i].q);
        }
    }
}

QTEST_GUILESS_MAIN(TestAndonSim)
#include "tst_andon_sim.moc"
