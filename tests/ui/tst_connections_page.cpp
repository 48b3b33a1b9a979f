// The Connections page's diagnostics sections against real peers: Modbus device health from the
// pymodbus server (tests/peers/modbus_server.py) plus a device nobody answers for, and the
// Sparkplug B edge node table with its Rebirth button against the npm `sparkplug-payload`
// publisher (tests/peers/sparkplug_publisher.js) through a real mosquitto. Saves screenshots.
#include "connectors/mqtt/mqtt_client.h"
#include "core/clock.h"
#include "core/config_loader.h"
#include "engine/engine.h"
#include "engine/kpi_publisher.h"
#include "tests/integration/modbus_peer.h"
#include "tests/support/test_support.h"
#include "ui/connections_page.h"

#include <QDir>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace andon;

namespace {

std::shared_ptr<const PlantModel> load(const QString &yaml)
{
    const ConfigResult r = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("conn.yaml"));
    if (!r.ok())
        qFatal("%s", qPrintable(r.formattedMessages().join(u'\n')));
    return r.model;
}

int rowOf(const QTableWidget *table, const QString &firstColumn)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0) && table->item(row, 0)->text() == firstColumn)
            return row;
    return -1;
}

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

// The page's column titles, looked up by name so the test does not hard-code positions.
int column(const QTableWidget *table, const QString &title)
{
    for (int c = 0; c < table->columnCount(); ++c)
        if (table->horizontalHeaderItem(c)->text().startsWith(title))
            return c;
    return -1;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString path = QDir(test::screenshotDir()).filePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

} // namespace

class TstConnectionsPage : public QObject
{
    Q_OBJECT
private slots:
    void modbusDevices();
    void sparkplugEdgeNodes();
    void kpiPublishingAndSignalFaults();
};

void TstConnectionsPage::modbusDevices()
{
    const int port = test::freeLoopbackPort();
    const int deadPort = test::freeLoopbackPort(); // nothing listens there
    QVERIFY(deadPort != port);
    test::ModbusPeer peer;
    QString error;
    QVERIFY2(peer.start({QStringLiteral("--tcp"), QString::number(port)}, &error), qPrintable(error));
    const auto model = load(QStringLiteral(
            "andon: 1\n"
            "plant: { enterprise: t }\n"
            "connections:\n"
            "  modbus:\n"
            "    - { id: plc, port: %1, unit_id: 7, poll_ms: 100 }\n"
            "    - { id: meter, port: %2, poll_ms: 100, timeout_ms: 300 }\n"
            "sites:\n"
            "  - name: s\n"
            "    areas:\n"
            "      - name: a\n"
            "        tags:\n"
            "          - { name: u, modbus: { device: plc, table: holding, address: 32 } }\n"
            "          - { name: p, modbus: { device: meter, table: holding, address: 0 } }\n")
                                       .arg(port)
                                       .arg(deadPort));
    Engine engine(model);
    ui::ConnectionsPage page(&engine);
    page.resize(1366, 768);
    page.show();
    QTableWidget *table = page.modbusTable();
    // Before the poller starts the devices are listed as not started; Sparkplug is hidden.
    QVERIFY(table->isVisibleTo(&page));
    QVERIFY(!page.edgeNodeTable()->isVisibleTo(&page));
    QVERIFY(!page.rebirthButton()->isVisibleTo(&page));
    QCOMPARE(table->rowCount(), 2);
    const int state = column(table, QStringLiteral("State"));
    const int requests = column(table, QStringLiteral("Requests"));
    const int unit = column(table, QStringLiteral("Unit"));
    const int endpoint = column(table, QStringLiteral("Endpoint"));
    const int comm = column(table, QStringLiteral("Comm errors"));
    const int rate = column(table, QStringLiteral("Requests/s"));
    QVERIFY(rate >= 0 && state >= 0 && requests >= 0 && unit >= 0 && endpoint >= 0 && comm >= 0);
    QCOMPARE(cell(table, rowOf(table, QStringLiteral("plc")), state), QStringLiteral("not started"));

    engine.startSources();
    const QLocale locale;
    // Polled every 100 ms: the good device answers, the dead one is refused and retried.
    QTRY_VERIFY_WITH_TIMEOUT(
            (page.refresh(),
             cell(table, rowOf(table, QStringLiteral("plc")), state) == QStringLiteral("polling")
                     && locale.toULongLong(cell(table, rowOf(table, QStringLiteral("plc")), requests)) >= 3
                     && locale.toDouble(cell(table, rowOf(table, QStringLiteral("plc")), rate)) > 0
                     && cell(table, rowOf(table, QStringLiteral("meter")), state).startsWith(u'⚠')),
            20'000);
    const int plc = rowOf(table, QStringLiteral("plc"));
    const int meter = rowOf(table, QStringLiteral("meter"));
    QCOMPARE(cell(table, plc, unit), QStringLiteral("7"));
    QCOMPARE(cell(table, plc, endpoint), QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(table->item(plc, requests)->textAlignment(), int(Qt::AlignRight | Qt::AlignVCenter));
    // Normal rows stay in the palette's text colour; the abnormal one is the HMI-STYLE orange
    // (#E08A00), never green, with the reason in words.
    QVERIFY(!table->item(plc, state)->data(Qt::ForegroundRole).isValid());
    QCOMPARE(table->item(meter, state)->foreground().color(), QColor(0xE0, 0x8A, 0x00));
    QVERIFY2(cell(table, meter, state).size() > QStringLiteral("⚠ ").size() + 5,
             qPrintable(cell(table, meter, state)));
    QVERIFY(!table->item(meter, state)->toolTip().isEmpty());
    QVERIFY(locale.toULongLong(cell(table, meter, comm)) >= 1);
    saveScreenshot(&page, QStringLiteral("connections-modbus.png"));
    engine.stop();
}

void TstConnectionsPage::sparkplugEdgeNodes()
{
    const QString peerDir = test::sourceDir() + QStringLiteral("/tests/peers");
    QVERIFY2(QFileInfo::exists(peerDir + QStringLiteral("/node_modules/sparkplug-payload/package.json")),
             "tests/peers/node_modules is missing: run scripts/deps");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(),
             "node is not installed: run scripts/deps");
    test::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const auto model = load(QStringLiteral(
            "andon: 1\n"
            "plant: { enterprise: acme }\n"
            "connections:\n"
            "  mqtt:\n"
            "    - { id: b, host: 127.0.0.1, port: %1, sparkplug_host_id: andon-ui }\n"
            "sites:\n"
            "  - name: s\n"
            "    areas:\n"
            "      - name: a\n"
            "        tags:\n"
            "          - { name: temp, sparkplug: { group: Plant, node: Edge1, device: Press, "
            "metric: \"Motor/Temperature\" } }\n")
                                       .arg(broker.port()));
    Engine engine(model);
    ui::ConnectionsPage page(&engine);
    page.resize(1366, 768);
    page.show();
    QTableWidget *table = page.edgeNodeTable();
    // Configured but nothing born yet: a sentence instead of an empty table; no Modbus section.
    QVERIFY(!page.modbusTable()->isVisibleTo(&page));
    QVERIFY(!table->isVisibleTo(&page));
    QVERIFY(page.rebirthButton()->isVisibleTo(&page));
    QVERIFY(!page.rebirthButton()->isEnabled());
    engine.startSources();

    QProcess peer;
    peer.setWorkingDirectory(peerDir);
    peer.setProcessChannelMode(QProcess::SeparateChannels);
    // Births, one value, then it waits (bounded, 15 s) for the rebirth request we send by
    // clicking, answers with NBIRTH + DBIRTH and stays online a little.
    peer.start(QStringLiteral("node"),
               {peerDir + QStringLiteral("/sparkplug_publisher.js"), QStringLiteral("--port"),
                QString::number(broker.port()), QStringLiteral("--group"), QStringLiteral("Plant"),
                QStringLiteral("--node"), QStringLiteral("Edge1"), QStringLiteral("--device"),
                QStringLiteral("Press"), QStringLiteral("--host-id"), QStringLiteral("andon-ui"),
                QStringLiteral("--bdseq"), QStringLiteral("9"), QStringLiteral("--steps"),
                QStringLiteral("wait-host,nbirth,dbirth,ddata:21.5,wait-rebirth,ddata:22.5,"
                               "sleep:3000")});
    QVERIFY2(peer.waitForStarted(10'000), qPrintable(peer.errorString()));

    const int state = column(table, QStringLiteral("State"));
    const int bdSeq = column(table, QStringLiteral("bdSeq"));
    const int birth = column(table, QStringLiteral("Last birth"));
    const int rebirths = column(table, QStringLiteral("Rebirths requested"));
    QVERIFY(state >= 0 && bdSeq >= 0 && birth >= 0 && rebirths >= 0);
    QTRY_VERIFY_WITH_TIMEOUT((page.refresh(), table->rowCount() == 1
                              && cell(table, 0, state) == QStringLiteral("online")),
                             15'000);
    QVERIFY(table->isVisibleTo(&page));
    QCOMPARE(cell(table, 0, 0), QStringLiteral("b"));
    QCOMPARE(cell(table, 0, 1), QStringLiteral("Plant"));
    QCOMPARE(cell(table, 0, 2), QStringLiteral("Edge1"));
    QCOMPARE(cell(table, 0, bdSeq), QStringLiteral("9"));
    QCOMPARE(cell(table, 0, rebirths), QStringLiteral("0"));
    QVERIFY(!cell(table, 0, birth).isEmpty() && cell(table, 0, birth) != QStringLiteral("—"));
    QVERIFY(!engine.requestRebirth(QStringLiteral("b"), QStringLiteral("Plant"),
                                   QStringLiteral("NoSuchNode")));
    QCOMPARE(engine.edgeNodes().size(), std::size_t(1));
    const TimestampMs firstBirth = engine.edgeNodes()[0].lastBirthMs;
    QVERIFY(firstBirth > 0);

    table->selectRow(0);
    QVERIFY(page.rebirthButton()->isEnabled());
    QTest::mouseClick(page.rebirthButton(), Qt::LeftButton);
    // The peer saw our NCMD and was born again: a later birth, same session (bdSeq).
    QTRY_VERIFY_WITH_TIMEOUT(engine.edgeNodes()[0].lastBirthMs > firstBirth, 15'000);
    page.refresh();
    QCOMPARE(cell(table, 0, state), QStringLiteral("online"));
    QCOMPARE(cell(table, 0, bdSeq), QStringLiteral("9"));
    QCOMPARE(cell(table, 0, rebirths), QStringLiteral("1"));
    saveScreenshot(&page, QStringLiteral("connections-sparkplug.png"));

    QTRY_VERIFY_WITH_TIMEOUT(peer.state() == QProcess::NotRunning, 20'000);
    const QString out = QString::fromUtf8(peer.readAllStandardOutput());
    QVERIFY2(peer.exitStatus() == QProcess::NormalExit && peer.exitCode() == 0,
             qPrintable(out + QString::fromUtf8(peer.readAllStandardError())));
    QCOMPARE(out.count(QStringLiteral("rebirth-requested")), 1);
    engine.stop();
}

// KPI publishing status (KpiPublisher::forEngine through a real mosquitto) and the NE 43
// signal faults of a Modbus converter (the pymodbus peer serving S7 counts).
void TstConnectionsPage::kpiPublishingAndSignalFaults()
{
    const int port = test::freeLoopbackPort();
    test::ModbusPeer peer;
    QString error;
    // tests/data/integrations/analog_layout.json: input 0 = 13824 counts (12 mA), input 2 =
    // -6912 counts: 4 + (-6912 - 0) x 16 / 27648 = 0 mA, a wire break (NE 43: < 3.8 mA).
    QVERIFY2(peer.start({QStringLiteral("--tcp"), QString::number(port), QStringLiteral("--layout"),
                         test::sourceDir()
                                 + QStringLiteral("/tests/data/integrations/analog_layout.json")},
                        &error),
             qPrintable(error));
    test::MosquittoBroker broker;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const auto model = load(QStringLiteral(
            "andon: 1\n"
            "plant: { enterprise: acme }\n"
            "connections:\n"
            "  mqtt:\n"
            "    - { id: uns, host: 127.0.0.1, port: %1, reconnect_max_s: 1 }\n"
            "  modbus:\n"
            "    - { id: io1, port: %2, poll_ms: 100 }\n"
            "defaults:\n"
            "  stale_after_s: 3600\n"
            "  states: [ { code: 1, name: Running, category: running } ]\n"
            "sites:\n"
            "  - name: berlin\n"
            "    timezone: UTC\n"
            "    areas:\n"
            "      - name: assembly\n"
            "        lines:\n"
            "          - name: line1\n"
            "            machines:\n"
            "              - name: press\n"
            "                tags:\n"
            "                  - { name: state, role: state, mqtt: { connection: uns } }\n"
            "                  - { name: supply_pressure, unit: bar, range: [0, 10], modbus: "
            "{ device: io1, table: input, address: 0, type: int16, analog: { raw_min: 0, "
            "raw_max: 27648 } } }\n"
            "                  - { name: return_pressure, unit: bar, range: [0, 10], modbus: "
            "{ device: io1, table: input, address: 2, type: int16, analog: { raw_min: 0, "
            "raw_max: 27648 } } }\n"
            "publish: { connection: uns, topic_prefix: uns/v1, interval_s: 1, refresh_s: 1, "
            "what: [state] }\n")
                                       .arg(broker.port())
                                       .arg(port));
    const QString machine = QStringLiteral("acme/berlin/assembly/line1/press");
    {
        // The machine runs (retained, so the engine gets it whenever it subscribes).
        mqtt::MqttClientOptions o;
        o.port = broker.port();
        o.clientId = QStringLiteral("plc");
        mqtt::MqttClient plc(o);
        QVERIFY(plc.start());
        QTRY_COMPARE_WITH_TIMEOUT(plc.state(), mqtt::MqttClient::State::Connected, 10'000);
        QVERIFY(plc.publish(machine + QStringLiteral("/state"), "1", 1, true));
        QVERIFY(plc.waitForPublished(10'000));
    }

    Engine engine(model);
    ui::ConnectionsPage page(&engine);
    page.resize(1366, 768);
    page.show();
    QTableWidget *kpi = page.kpiTable();
    QVERIFY(kpi->isVisibleTo(&page));
    const int kpiState = column(kpi, QStringLiteral("State"));
    const int published = column(kpi, QStringLiteral("Published"));
    const int failed = column(kpi, QStringLiteral("Failed"));
    const int last = column(kpi, QStringLiteral("Last publish"));
    const int topics = column(kpi, QStringLiteral("Topics"));
    QVERIFY(kpiState >= 0 && published >= 0 && failed >= 0 && last >= 0 && topics >= 0);
    // Configured, but main() has not handed over a publisher: abnormal, in words.
    QCOMPARE(cell(kpi, 0, kpiState), QStringLiteral("⚠ not running"));
    QCOMPARE(kpi->item(0, kpiState)->foreground().color(), QColor(0xE0, 0x8A, 0x00));

    engine.startSources();
    const std::unique_ptr<KpiPublisher> publisher = KpiPublisher::forEngine(engine);
    QVERIFY(publisher);
    page.setKpiPublisher(publisher.get());
    publisher->start(&SystemClock::instance());
    QTableWidget *modbus = page.modbusTable();
    const int faults = column(modbus, QStringLiteral("Signal faults"));
    const int lastFault = column(modbus, QStringLiteral("Last signal fault"));
    QVERIFY(faults >= 0 && lastFault >= 0);
    const QLocale locale;
    QTRY_VERIFY_WITH_TIMEOUT((page.refresh(),
                              cell(kpi, 0, kpiState) == QStringLiteral("publishing")
                                      && locale.toULongLong(cell(kpi, 0, published)) >= 1
                                      && cell(modbus, 0, faults) == QStringLiteral("1")),
                             20'000);
    QCOMPARE(cell(kpi, 0, 0), QStringLiteral("uns"));
    QCOMPARE(cell(kpi, 0, topics), QStringLiteral("uns/v1/{path}/kpi/{kpi}"));
    QCOMPARE(cell(kpi, 0, failed), QStringLiteral("0"));
    QVERIFY(cell(kpi, 0, last) != QStringLiteral("—"));
    QVERIFY(kpi->horizontalHeaderItem(last)->text().contains(QStringLiteral("UTC")));
    QVERIFY(!kpi->item(0, kpiState)->data(Qt::ForegroundRole).isValid()); // normal: no colour
    // The wire break, named by register and tag (the row names the device).
    QCOMPARE(cell(modbus, 0, lastFault),
             QStringLiteral("input 2 (%1/return_pressure): NE 43: 0 mA < 3.8 mA, sensor or wire "
                            "fault")
                     .arg(machine));
    QVERIFY(modbus->item(0, lastFault)->toolTip().startsWith(QStringLiteral("Modbus io1 (unit 1, ")));
    saveScreenshot(&page, QStringLiteral("connections-kpi-publishing.png"));

    // The broker goes away: every round (refresh_s 1) tries again and is refused, so the
    // state turns abnormal.
    broker.stop();
    QTRY_VERIFY_WITH_TIMEOUT((page.refresh(), cell(kpi, 0, kpiState).startsWith(u'⚠')), 20'000);
    QVERIFY(locale.toULongLong(cell(kpi, 0, failed)) >= 1);
    QCOMPARE(kpi->item(0, kpiState)->foreground().color(), QColor(0xE0, 0x8A, 0x00));
    QVERIFY(!kpi->item(0, kpiState)->toolTip().isEmpty());
    saveScreenshot(&page, QStringLiteral("connections-kpi-failing.png"));
    publisher->stop(); // publishes through the engine's client: stop it first
    page.setKpiPublisher(nullptr);
    engine.stop();
}

QTEST_MAIN(TstConnectionsPage)
#include "tst_connections_page.moc"
