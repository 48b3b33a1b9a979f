// andon-sim --modbus-port end to end: the real simulator serves the demo plant over Modbus TCP
// and publishes it over MQTT; an independent client (pymodbus, tests/peers/modbus_read.py)
// reads the registers, which are decoded here by plain byte assembly and must agree with the
// MQTT values of the same simulator tick.
#include "connectors/mqtt/mqtt_client.h"
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

using andon::mqtt::MqttClient;

namespace {

struct Received
{
    std::int64_t ms = 0;
    double value = 0;
};

// Register offsets inside a tag's slot (docs/simulator.md "Modbus server"), written from the
// documentation, not taken from sim/modbus_register_map.h.
float float32(std::uint16_t hi, std::uint16_t lo)
{
    const std::uint32_t bits = (std::uint32_t{hi} << 16) | lo;
    float f = 0;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

} // namespace

class TestAndonSimModbus : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup() { QCOMPARE(andon::test::unexpectedWarnings(), QStringList()); }
    void refusesNonLoopbackModbusHost_data();
    void refusesNonLoopbackModbusHost();
    void registersAgreeWithMqtt();

private:
    QString demoConfig() const
    {
        return andon::test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml");
    }
    andon::test::MosquittoBroker m_broker;
};

void TestAndonSimModbus::initTestCase()
{
    andon::test::installStrictMessageHandler();
    QVERIFY2(QFileInfo::exists(andon::test::toolPath(QStringLiteral("andon-sim"))),
             "build andon-sim first");
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

void TestAndonSimModbus::refusesNonLoopbackModbusHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("any address") << QStringLiteral("0.0.0.0");
    QTest::newRow("private ip") << QStringLiteral("192.168.1.10");
    QTest::newRow("ipv6 any") << QStringLiteral("::");
}

void TestAndonSimModbus::refusesNonLoopbackModbusHost()
{
    QFETCH(QString, host);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(andon::test::toolPath(QStringLiteral("andon-sim")),
            {QStringLiteral("--config"), demoConfig(), QStringLiteral("--modbus-host"), host,
             QStringLiteral("--modbus-port"), QString::number(andon::test::freeLoopbackPort()),
             QStringLiteral("--mqtt-port"), QString::number(m_broker.port()),
             QStringLiteral("--seconds"), QStringLiteral("1")});
    QVERIFY(p.waitForFinished(15000));
    const QString out = QString::fromUtf8(p.readAll());
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(out.contains(QStringLiteral("only loopback")), qPrintable(out));
}

void TestAndonSimModbus::registersAgreeWithMqtt()
{
    const auto config = andon::ConfigLoader::loadFile(demoConfig());
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    const auto model = config.model;

    andon::mqtt::MqttClientOptions o;
    o.port = m_broker.port();
    MqttClient client(o);
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, 10000);
    client.subscribe(QStringLiteral("acme/#"));
    std::map<andon::TagId, std::vector<Received>> mqtt;
    bool subscribed = false;
    const auto drain = [&] {
        for (const auto &m : client.takeMessages()) {
            if (m.topic == u"acme/probe") {
                subscribed = true;
                continue;
            }
            const andon::TagId id = model->tagIdByPath(m.topic);
            if (id == andon::kInvalidTag)
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(m.payload);
            const double v = doc.isObject() ? doc.object().value(u"value").toDouble(NAN)
                                            : m.payload.toDouble();
            mqtt[id].push_back({m.receivedMs, v});
        }
    };
    QDeadlineTimer subDeadline(10000);
    while (!subscribed && !subDeadline.hasExpired()) {
        client.publish(QStringLiteral("acme/probe"), "x", 1);
        QTest::qWait(100);
        drain();
    }
    QVERIFY(subscribed);

    const int modbusPort = andon::test::freeLoopbackPort();
    QProcess sim;
    sim.setProcessChannelMode(QProcess::MergedChannels);
    // Speed 1: analog tags change once a second, counters about once a second, so a value is
    // current for many 200 ms ticks and the comparison below has few candidates.
    sim.start(andon::test::toolPath(QStringLiteral("andon-sim")),
              {QStringLiteral("--config"), demoConfig(), QStringLiteral("--mqtt-port"),
               QString::number(m_broker.port()), QStringLiteral("--modbus-port"),
               QString::number(modbusPort), QStringLiteral("--seconds"), QStringLiteral("30"),
               QStringLiteral("--seed"), QStringLiteral("3")});
    QVERIFY(sim.waitForStarted(5000));
    QString simOut;
    QDeadlineTimer ready(10000);
    while (!simOut.contains(QStringLiteral("Modbus registers")) && !ready.hasExpired()
           && sim.state() == QProcess::Running) {
        sim.waitForReadyRead(100);
        simOut += QString::fromUtf8(sim.readAll());
    }
    QVERIFY2(simOut.contains(QStringLiteral("serving")), qPrintable(simOut));

    // Checked: every slot of machine 0 (feeder, block 0) and machine 4 (filler, block 4000).
    const std::vector<int> machines = {0, 4};
    // Wait until each of their tags was published at least twice (the registers are then set).
    QDeadlineTimer published(15000);
    QString missing;
    const auto allPublished = [&] {
        for (int m : machines) {
            for (andon::TagId id : model->machines[static_cast<size_t>(m)].tags) {
                if (mqtt[id].size() < 2) {
                    missing = model->tags[id].path;
                    return false;
                }
            }
        }
        return true;
    };
    while (!allPublished() && !published.hasExpired()) {
        QTest::qWait(100);
        drain();
    }
    if (!allPublished()) {
        sim.terminate();
        sim.waitForFinished(10000);
    }
    QVERIFY2(allPublished(), qPrintable(QStringLiteral("not every tag of the checked machines "
                                                       "was published twice: ")
                                        + missing));

    // Every slot of the checked machines (10 registers per tag; at most 125 per read).
    const int slotCount = static_cast<int>(model->machines[0].tags.size());
    QCOMPARE(model->machines[4].tags.size(), model->machines[0].tags.size());
    QVERIFY(10 * slotCount <= 125);
    const QString count = QString::number(10 * slotCount);
    QProcess reader;
    reader.setProcessChannelMode(QProcess::SeparateChannels);
    reader.start(QStringLiteral("/usr/bin/python3"),
                 {andon::test::sourceDir() + QStringLiteral("/tests/peers/modbus_read.py"),
                  QStringLiteral("--port"), QString::number(modbusPort), QStringLiteral("--range"),
                  QStringLiteral("holding:0:") + count, QStringLiteral("--range"),
                  QStringLiteral("holding:4000:") + count, QStringLiteral("--range"),
                  QStringLiteral("input:0:") + count});
    // Keep receiving MQTT while pymodbus reads (the event loop also runs the client's queue).
    QDeadlineTimer readDeadline(15000);
    while (reader.state() != QProcess::NotRunning && !readDeadline.hasExpired()) {
        reader.waitForFinished(50);
        drain();
    }
    QVERIFY2(reader.state() == QProcess::NotRunning, "modbus_read.py did not finish");
    QVERIFY2(reader.exitCode() == 0, reader.readAllStandardError().constData());
    // Messages of the tick during the read are still in flight: collect one more second.
    for (int i = 0; i < 10; ++i) {
        QTest::qWait(100);
        drain();
    }
    sim.terminate();
    QVERIFY(sim.waitForFinished(10000));

    const QJsonArray ranges =
            QJsonDocument::fromJson(reader.readAllStandardOutput()).object().value(u"ranges").toArray();
    QCOMPARE(ranges.size(), 3);
    int compared = 0;
    for (const QJsonValue &rv : ranges) {
        const QJsonObject r = rv.toObject();
        const int base = r.value(u"address").toInt();
        const QJsonArray regs = r.value(u"registers").toArray();
        QCOMPARE(regs.size(), 10 * slotCount);
        const auto reg = [&](int address) {
            return static_cast<std::uint16_t>(regs.at(address - base).toInt());
        };
        const auto startMs = static_cast<std::int64_t>(r.value(u"start_ms").toDouble());
        const auto endMs = static_cast<std::int64_t>(r.value(u"end_ms").toDouble());
        const andon::Machine &machine = model->machines[static_cast<size_t>(base / 1000)];
        for (size_t j = 0; j < machine.tags.size(); ++j) {
            const andon::TagDef &tag = model->tags[machine.tags[j]];
            const int a = base + 10 * static_cast<int>(j);
            // Tolerance "within one tick": the server answered from one snapshot taken between
            // start_ms and end_ms. Its value of a tag is the last one written at or before
            // that moment; the MQTT copy of it was published in the same tick and arrived
            // either before start_ms or (still in flight) after it. So the candidates are
            // the last message received before start_ms and every message received until
            // one second after end_ms (loopback delivery takes milliseconds).
            std::vector<double> candidates;
            const std::vector<Received> &got = mqtt[tag.id];
            for (size_t k = 0; k < got.size(); ++k) {
                const bool lastBefore = got[k].ms <= startMs
                        && (k + 1 == got.size() || got[k + 1].ms > startMs);
                if (lastBefore || (got[k].ms > startMs && got[k].ms <= endMs + 1000))
                    candidates.push_back(got[k].value);
            }
            QVERIFY2(!candidates.empty(), qPrintable(tag.path));
            const auto matches = [&](double v, double tolerance) {
                for (double c : candidates)
                    if (std::abs(v - c) <= tolerance)
                        return true;
                return false;
            };
            const auto fail = [&](const char *what, double v) {
                QStringList c;
                for (double x : candidates)
                    c << QString::number(x, 'g', 10);
                return QStringLiteral("%1 %2 = %3, MQTT: %4")
                        .arg(tag.path, QLatin1String(what))
                        .arg(v, 0, 'g', 10)
                        .arg(c.join(u", "));
            };
            // MQTT JSON carries `decimals` digits: half a digit apart at most.
            const double half = 0.5 * std::pow(10.0, -std::clamp(tag.decimals, 0, 9)) + 1e-9;
            if (tag.kind == andon::TagKind::State || tag.kind == andon::TagKind::Bool) {
                const double v = reg(a);
                QVERIFY2(matches(v, 0), qPrintable(fail("uint16", v)));
            } else if (tag.kind == andon::TagKind::Counter) {
                // Counts in the tag's resolution: 10^-decimals per count (0.01 kWh for an
                // energy meter with two decimals).
                const double resolution = std::pow(10.0, -std::clamp(tag.decimals, 0, 4));
                const double abcd = ((double(reg(a)) * 65536.0) + reg(a + 1)) * resolution;
                const double cdab = ((double(reg(a + 3)) * 65536.0) + reg(a + 2)) * resolution;
                QVERIFY2(matches(abcd, 1e-9 + 1e-12 * abcd), qPrintable(fail("uint32 ABCD", abcd)));
                QCOMPARE(cdab, abcd);
            } else {
                const double f1 = float32(reg(a), reg(a + 1));
                const double f2 = float32(reg(a + 3), reg(a + 2));
                const double scale = tag.decimals <= 1 ? 0.1 : 0.01;
                const double i16 = static_cast<std::int16_t>(reg(a + 4)) * scale;
                // float32 keeps ~7 digits of the value behind the JSON's rounded decimals.
                QVERIFY2(matches(f1, half + 1e-5 * std::abs(f1)),
                         qPrintable(fail("float32 ABCD", f1)));
                QCOMPARE(f2, f1);
                // One step of the scaled integer plus the JSON's rounding.
                QVERIFY2(matches(i16, scale + half), qPrintable(fail("int16", i16)));
            }
            ++compared;
        }
    }
    QCOMPARE(compared, 3 * slotCount); // three ranges, every tag of the machine
}

QTEST_GUILESS_MAIN(TestAndonSimModbus)
#include "tst_andon_sim_modbus.moc"
