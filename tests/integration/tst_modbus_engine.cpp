// The Engine with Modbus devices: startSources() starts the poller, values from the pymodbus
// peer reach the TagStore through Engine::ingest, and connectionStatus() reports the device.
#include "connectors/modbus/modbus_poller.h"
#include "core/config_loader.h"
#include "engine/engine.h"
#include "tests/integration/modbus_peer.h"

#include <QTest>

using namespace andon;

class TestModbusEngine : public QObject
{
    Q_OBJECT

private slots:
    void valuesReachTheTagStore();
};

void TestModbusEngine::valuesReachTheTagStore()
{
    const int port = test::freeLoopbackPort();
    test::ModbusPeer peer;
    QString error;
    QVERIFY2(
        peer.start({ QStringLiteral("--tcp"), QString::number(port) }, &error), qPrintable(error));
    // Layout (tests/peers/modbus_layout.json): holding 32 = uint16 54321; 224..227 = float64
    // pi, ABCD. Scale/offset apply: 54321 * 0.01 - 1 = 542.21.
    const QString yaml = QStringLiteral(
        "andon: 1\n"
        "plant: { enterprise: t }\n"
        "connections:\n"
        "  modbus:\n"
        "    - { id: plc, port: %1, poll_ms: 100 }\n"
        "sites:\n"
        "  - name: s\n"
        "    areas:\n"
        "      - name: a\n"
        "        tags:\n"
        "          - { name: u, modbus: { table: holding, address: 32, scale: 0.01, offset: -1 } "
        "}\n"
        "          - { name: pi, modbus: { table: input, address: 224, type: float64 } }\n")
                             .arg(port);
    const ConfigResult r = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("e.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    Engine engine(r.model);
    QVERIFY(!engine.modbusPoller());
    std::vector<ConnectionStatus> status = engine.connectionStatus();
    QCOMPARE(status.size(), std::size_t(1));
    QCOMPARE(status[0].kind, QStringLiteral("Modbus"));
    QCOMPARE(status[0].state, QStringLiteral("not started"));

    engine.startSources();
    QVERIFY(engine.modbusPoller());
    QTRY_VERIFY_WITH_TIMEOUT(
        isGood(engine.tagStore().latest(0).q) && isGood(engine.tagStore().latest(1).q), 20000);
    QCOMPARE(engine.tagStore().latest(0).value, 54321 * 0.01 - 1);
    QCOMPARE(engine.tagStore().latest(1).value, 3.141592653589793);
    status = engine.connectionStatus();
    QCOMPARE(status[0].id, QStringLiteral("plc"));
    QCOMPARE(status[0].endpoint, QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(status[0].state, QStringLiteral("polling"));
    QVERIFY(status[0].healthy);
    QVERIFY(status[0].messages > 0);
    QVERIFY(engine.samplesIngested() >= 2);
    engine.stop();
    QCOMPARE(engine.connectionStatus()[0].state, QStringLiteral("stopped"));
}

QTEST_GUILESS_MAIN(TestModbusEngine)
#include "tst_modbus_engine.moc"
