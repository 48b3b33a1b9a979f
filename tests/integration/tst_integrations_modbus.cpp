// 4-20 mA analog inputs read over Modbus (docs/integrations.md "4-20 mA analog inputs"):
// the independent pymodbus peer (tests/peers/modbus_server.py) serves converter counts with
// Siemens S7 scaling (0..27648 = 4..20 mA; tests/data/integrations/analog_layout.json) for a
// healthy, an under-range, a broken-wire, an over-range and a shorted input; the Engine maps
// them to 0..10 bar and judges them by NAMUR NE 43 (2003): below 3.8 mA or above 20.5 mA is a
// sensor/wire fault (Bad), 3.8..4 and 20..20.5 mA out of the measuring range (Uncertain).
// The value is stored in every case. Expected values by hand:
//   counts   mA = 4 + counts*16/27648      bar = (mA-4)/16*10
//   13824    12                             5
//   -216     3.875                         -0.078125
//   -6912    0                             -2.5
//   28080    20.25                          10.15625
//   29376    21                             10.625
#include "connectors/modbus/modbus_poller.h"
#include "core/config_loader.h"
#include "engine/engine.h"
#include "tests/integration/modbus_peer.h"

#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace andon;

class TestIntegrationsModbus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(test::unexpectedWarnings(), QStringList()); }
    void ne43OverModbus();
};

void TestIntegrationsModbus::ne43OverModbus()
{
    const int port = test::freeLoopbackPort();
    test::ModbusPeer peer;
    QString error;
    // The last --layout wins (argparse): the analog image instead of the default layout.
    QVERIFY2(peer.start({ QStringLiteral("--tcp"), QString::number(port), QStringLiteral("--layout"),
                            test::sourceDir() + QStringLiteral("/tests/data/integrations/analog_layout.json") },
                 &error),
        qPrintable(error));
    const QString yaml = QStringLiteral(
        "andon: 1\n"
        "plant: { enterprise: t }\n"
        "connections:\n"
        "  modbus:\n"
        "    - { id: io1, port: %1, poll_ms: 100 }\n"
        "sites:\n"
        "  - name: s\n"
        "    areas:\n"
        "      - name: a\n"
        "        tags:\n"
        "          - { name: healthy, unit: bar, range: [0, 10], modbus: { table: input, address: 0, type: int16, analog: { raw_min: 0, raw_max: 27648 } } }\n"
        "          - { name: under_range, unit: bar, range: [0, 10], modbus: { table: input, address: 1, type: int16, analog: { raw_min: 0, raw_max: 27648 } } }\n"
        "          - { name: wire_break, unit: bar, range: [0, 10], modbus: { table: input, address: 2, type: int16, analog: { raw_min: 0, raw_max: 27648 } } }\n"
        "          - { name: over_range, unit: bar, range: [0, 10], modbus: { table: input, address: 3, type: int16, analog: { raw_min: 0, raw_max: 27648 } } }\n"
        "          - { name: shorted, unit: bar, range: [0, 10], modbus: { table: input, address: 4, type: int16, analog: { raw_min: 0, raw_max: 27648 } } }\n")
                             .arg(port);
    const ConfigResult r = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("analog.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));

    // One warning per input that leaves the NE 43 limits, naming device, register and tag.
    const QString device = QStringLiteral("Modbus io1 \\(unit 1, 127\\.0\\.0\\.1:%1\\) ").arg(port);
    test::expectWarning(QRegularExpression(device
        + QStringLiteral("input 1 \\(t/s/a/under_range\\): NE 43: 3\\.88 mA < 4 mA, below the measuring range$")));
    test::expectWarning(QRegularExpression(device
        + QStringLiteral("input 2 \\(t/s/a/wire_break\\): NE 43: 0 mA < 3\\.8 mA, sensor or wire fault$")));
    test::expectWarning(QRegularExpression(device
        + QStringLiteral("input 3 \\(t/s/a/over_range\\): NE 43: 20\\.25 mA > 20 mA, above the measuring range$")));
    test::expectWarning(QRegularExpression(device
        + QStringLiteral("input 4 \\(t/s/a/shorted\\): NE 43: 21 mA > 20\\.5 mA, sensor or wire fault$")));

    Engine engine(r.model);
    engine.startSources();
    const TagStore &store = engine.tagStore();
    QTRY_VERIFY_WITH_TIMEOUT(store.latest(0).hasValue && store.latest(1).hasValue
            && store.latest(2).hasValue && store.latest(3).hasValue && store.latest(4).hasValue,
        20000);
    struct Expected
    {
        double bar;
        Quality q;
    };
    const Expected expected[] = {
        { 5.0, Quality::Good },
        { -0.078125, Quality::UncertainEuExceeded },
        { -2.5, Quality::BadSensorFailure },
        { 10.15625, Quality::UncertainEuExceeded },
        { 10.625, Quality::BadSensorFailure },
    };
    for (TagId id = 0; id < 5; ++id) {
        const TagValue v = store.latest(id);
        QVERIFY2(std::abs(v.value - expected[id].bar) < 1e-9,
            qPrintable(QStringLiteral("%1: %2").arg(r.model->tags[id].name).arg(v.value, 0, 'g', 17)));
        QCOMPARE(v.q, expected[id].q);
    }

    // Sensor faults are not decode errors; the Connections page gets the last fault's words.
    const std::vector<modbus::DeviceDiagnostics> diag = engine.modbusPoller()->diagnostics();
    QCOMPARE(diag.size(), std::size_t(1));
    QCOMPARE(diag[0].decodeErrors, std::uint64_t(0));
    QCOMPARE(diag[0].signalFaults, std::uint64_t(4));
    QVERIFY2(diag[0].lastSignalFault.contains(QStringLiteral("NE 43: ")), qPrintable(diag[0].lastSignalFault));
    QVERIFY(diag[0].healthy);
    engine.stop();
}

QTEST_GUILESS_MAIN(TestIntegrationsModbus)
#include "tst_integrations_modbus.moc"
