// The Modbus UI against the independent pymodbus peer (tests/peers/modbus_server.py) through a
// real Engine: the write confirm dialog opened from the machine faceplate (values checked with
// an independent pymodbus client, tests/peers/modbus_read.py; the peer logs the function code of
// every executed write; the audit event read back from the historian) and its refusals, and the
// "Scan registers" dialog opened from the Connections page, checked against the peer's layout
// tests/peers/modbus_layout.json (values encoded by Python's struct module; hex by hand below).
// Saves screenshots of both dialogs.
#include "core/config_loader.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "tests/integration/modbus_peer.h"
#include "tests/support/sign_in.h"
#include "tests/support/test_support.h"
#include "models/tag_table_model.h"
#include "ui/connections_page.h"
#include "ui/faceplate_dialog.h"
#include "ui/modbus_write_dialog.h"
#include "ui/register_scan_dialog.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;

namespace {

constexpr int kWaitMs = 20000;
// Set by tests/modbus.cmake (ENV USER=...): the name the audit entries must carry.
const QString kUser = QStringLiteral("mbw-operator");
const QString kPrefix = QStringLiteral("acme/s/a/l/press/");

// One machine "press" with writable and read-only Modbus tags on device "plc" (protocol
// addressing) and the same peer as "meter" with Modicon addressing.
QString plantYaml(int port)
{
    return QStringLiteral(
               "andon: 1\n"
               "plant: { enterprise: acme }\n"
               "connections:\n"
               "  modbus:\n"
               "    - { id: plc, port: %1, poll_ms: 200 }\n"
               "    - { id: meter, port: %1, unit_id: 1, poll_ms: 1000, addressing: modicon }\n"
               "sites:\n"
               "  - name: s\n"
               "    areas:\n"
               "      - name: a\n"
               "        lines:\n"
               "          - name: l\n"
               "            machines:\n"
               "              - name: press\n"
               "                description: Hydraulic press\n"
               "                tags:\n"
               "                  - { name: setpoint, unit: kg, description: Clamp force "
               "setpoint, range: [0, 500], modbus: { device: plc, table: holding, address: "
               "380, type: int32, order: CDAB, scale: 0.1, writable: true } }\n"
               "                  - { name: mode, modbus: { device: plc, table: holding, "
               "address: 384, writable: true } }\n"
               "                  - { name: small, modbus: { device: plc, table: holding, "
               "address: 385, type: int16, writable: true } }\n"
               "                  - { name: valve, kind: bool, modbus: { device: plc, table: "
               "coil, address: 22, writable: true, write_multiple: true } }\n"
               "                  - { name: speed, unit: rpm, modbus: { device: plc, table: "
               "holding, address: 32 } }\n"
               "                  - { name: energy, unit: kWh, modbus: { device: meter, "
               "address: 40001 } }\n")
        .arg(port);
}

std::shared_ptr<const PlantModel> load(const QString &yaml)
{
    const ConfigResult r = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("ui.yaml"));
    if (!r.ok())
        qWarning().noquote() << r.formattedMessages().join(u'\n');
    return r.model;
}

TagId tagOf(const PlantModel &plant, const QString &name)
{
    for (const TagDef &t : plant.tags)
        if (t.path == kPrefix + name)
            return t.id;
    return kInvalidTag;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString path = QDir(test::screenshotDir()).filePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

std::vector<storage::Event> auditEvents(const Engine &engine)
{
    storage::EventQuery q;
    q.categories = { QStringLiteral("audit") };
    q.kindPrefix = QStringLiteral("modbus."); // not the test user's sign-in entries
    return engine.historian()->events(q);
}

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TstModbusUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void writeThroughTheDialog();
    void deviceRefusesTheWrite();
    void writeMultipleCoil();
    void refusesInvalidValues_data();
    void refusesInvalidValues();
    void refusesReadOnlyTag();
    void refusesWithoutHistorian();
    void parseStart_data();
    void parseStart();
    void scanFromConnectionsPage();
    void scanErrorsAndBits();
    void scanModiconDevice();

private:
    QTemporaryDir m_dir;
    int m_port = 0;
    QString m_writeLog;
    std::unique_ptr<test::ModbusPeer> m_peer;
    std::unique_ptr<Engine> m_engine;
    std::shared_ptr<const PlantModel> m_model;
};

QtMessageHandler g_strictHandler = nullptr;

// The offscreen platform cannot resize native windows to their size hints and says so each time
// a dialog is shown; that is the test platform, not Andon. Everything else goes to the strict
// handler.
void skipOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return;
    g_strictHandler(type, context, message);
}

void TstModbusUi::initTestCase()
{
    test::installStrictMessageHandler();
    g_strictHandler = qInstallMessageHandler(skipOffscreenNoise);
    widgets::Theme::apply(widgets::Theme::Mode::Light);
    QCOMPARE(qEnvironmentVariable("USER"), kUser);
}

// A fresh peer (registers back to the layout, FC5/FC6 refused: this device takes only
// FC15/FC16, so the FC6 tag "mode" fails), and an Engine with a historian, polling.
void TstModbusUi::init()
{
    m_port = test::freeLoopbackPort();
    m_writeLog = m_dir.filePath(QStringLiteral("writes-%1.jsonl").arg(m_port));
    m_peer = std::make_unique<test::ModbusPeer>();
    QString error;
    QVERIFY2(m_peer->start({ QStringLiteral("--tcp"), QString::number(m_port),
                               QStringLiteral("--reject-single-writes"),
                               QStringLiteral("--write-log"), m_writeLog },
                           &error),
             qPrintable(error));
    m_model = load(plantYaml(m_port));
    QVERIFY(m_model);
    m_engine = std::make_unique<Engine>(m_model);
    QVERIFY2(m_engine->openHistorian(m_dir.filePath(QStringLiteral("h-%1.db").arg(m_port)), &error),
             qPrintable(error));
    // Writes need the engineer role (issue 13); the audit entries carry the signed-in name.
    QVERIFY2(test::signInAs(m_engine->access(), Role::Engineer, m_dir, &error, kUser),
             qPrintable(error));
    m_engine->startSources();
    const TagId setpoint = tagOf(*m_model, QStringLiteral("setpoint"));
    QTRY_VERIFY_WITH_TIMEOUT(isGood(m_engine->tagStore().latest(setpoint).q), kWaitMs);
}

void TstModbusUi::cleanup()
{
    m_engine.reset();
    m_peer.reset();
    const QStringList unexpected = test::unexpectedWarnings();
    test::clearUnexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TstModbusUi::writeThroughTheDialog()
{
    const TagId setpoint = tagOf(*m_model, QStringLiteral("setpoint"));
    ui::FaceplateDialog faceplate(m_engine.get(), &SystemClock::instance(), 0);
    faceplate.refresh();
    QVERIFY(faceplate.writeButton());
    QVERIFY(!faceplate.writeButton()->isEnabled()); // nothing selected
    faceplate.table()->selectRow(0); // rows in config order: setpoint first
    QVERIFY(faceplate.writeButton()->isEnabled());
    faceplate.writeButton()->click();
    auto *dialog = faceplate.findChild<ui::ModbusWriteDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->tag(), setpoint);
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(!dialog->writeButton()->isDefault());
    QVERIFY(!dialog->writeButton()->isEnabled()); // no value typed yet
    QVERIFY(dialog->refusalLabel()->isHidden());
    QTRY_VERIFY(dialog->findChild<QLabel *>(QStringLiteral("currentValue"))
                        ->text()
                        .contains(QStringLiteral("Good")));

    // 1234.5 kg / 0.1 = raw 12345 = 0x00003039; int32 CDAB puts the low word first:
    // 380 = 0x3039 (12345), 381 = 0x0000 (by hand).
    QTest::keyClicks(dialog->valueEdit(), QStringLiteral("1234.5"));
    QVERIFY(!dialog->writeButton()->isEnabled()); // outside the tag's range [0, 500]
    QVERIFY2(dialog->rawLabel()->text().contains(QStringLiteral("outside the tag's range")),
             qPrintable(dialog->rawLabel()->text()));
    dialog->valueEdit()->clear();
    QTest::keyClicks(dialog->valueEdit(), QStringLiteral("123.4"));
    // 123.4 / 0.1 = 1234 = 0x04D2: 380 = 0x04D2, 381 = 0x0000.
    QVERIFY(dialog->writeButton()->isEnabled());
    QCOMPARE(dialog->rawLabel()->text(),
             QStringLiteral("raw 1234 → holding 380 = 0x04D2 (1234), holding 381 = 0x0000 (0)"));
    // Enter goes to the default button, Cancel: the dialog closes without writing.
    saveScreenshot(dialog, QStringLiteral("modbus-write-dialog.png"));
    QSignalSpy finished(dialog, &ui::ModbusWriteDialog::writeFinished);
    QTest::mouseClick(dialog->writeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY2(dialog->resultLabel()->text().startsWith(QStringLiteral("Written: 123.4 kg")),
             qPrintable(dialog->resultLabel()->text()));
    saveScreenshot(dialog, QStringLiteral("modbus-write-dialog-done.png"));

    QString error;
    QCOMPARE(test::peerRead(m_port, QStringLiteral("holding"), 380, 2, &error),
             (QList<int>{ 1234, 0 }));
    const QList<QJsonObject> log = test::peerWriteLog(m_writeLog);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log[0][QStringLiteral("fc")].toInt(), 16);
    // The read-back reaches the TagStore through the polls.
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->tagStore().latest(setpoint).value, 123.4, kWaitMs);

    const std::vector<storage::Event> events = auditEvents(*m_engine);
    QCOMPARE(events.size(), std::size_t(1));
    const storage::Event &e = events[0];
    QCOMPARE(e.category, QStringLiteral("audit"));
    QCOMPARE(e.kind, QStringLiteral("modbus.write"));
    QCOMPARE(e.source, kPrefix + QStringLiteral("setpoint"));
    QCOMPARE(e.user, kUser);
    QCOMPARE(e.oldValue, QStringLiteral("0")); // the layout leaves 380..381 at zero
    QCOMPARE(e.newValue, QStringLiteral("123.4"));
    QCOMPARE(e.message,
             QStringLiteral("Wrote 123.4 kg to acme/s/a/l/press/setpoint (device plc, holding "
                            "380..381, FC16)"));
    const QJsonObject details = QJsonDocument::fromJson(e.details.toUtf8()).object();
    QCOMPARE(details[QStringLiteral("device")].toString(), QStringLiteral("plc"));
    QCOMPARE(details[QStringLiteral("table")].toString(), QStringLiteral("holding"));
    QCOMPARE(details[QStringLiteral("address")].toInt(), 380);
    QCOMPARE(details[QStringLiteral("function_code")].toInt(), 16);
    QCOMPARE(details[QStringLiteral("registers")].toArray(), (QJsonArray{ 1234, 0 }));
    QCOMPARE(details[QStringLiteral("result")].toString(), QStringLiteral("ok"));
    QVERIFY(!details.contains(QStringLiteral("error")));
    dialog->close();
}

void TstModbusUi::deviceRefusesTheWrite()
{
    // "mode" is one uint16 register: FC6, which this peer answers with exception 1.
    const TagId mode = tagOf(*m_model, QStringLiteral("mode"));
    test::expectWarning(QRegularExpression(QStringLiteral("exception 1, .*writing 7 to")));
    auto *dialog = new ui::ModbusWriteDialog(m_engine.get(), mode);
    dialog->show();
    QTest::keyClicks(dialog->valueEdit(), QStringLiteral("7"));
    QSignalSpy finished(dialog, &ui::ModbusWriteDialog::writeFinished);
    dialog->writeButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY(!finished.at(0).at(0).toBool());
    const QString expectedError = QStringLiteral(
            "exception 1, illegal function (the device does not support this function code), "
            "writing 7 to acme/s/a/l/press/mode (holding 384, FC6)");
    QCOMPARE(dialog->resultLabel()->text(), QStringLiteral("⚠ Not written: ") + expectedError);
    const std::vector<storage::Event> events = auditEvents(*m_engine);
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events[0].user, kUser);
    QCOMPARE(events[0].newValue, QStringLiteral("7"));
    QCOMPARE(events[0].message,
             QStringLiteral("Write of 7 to acme/s/a/l/press/mode failed (device plc, holding 384, "
                            "FC6): ")
                     + expectedError);
    const QJsonObject details = QJsonDocument::fromJson(events[0].details.toUtf8()).object();
    QCOMPARE(details[QStringLiteral("result")].toString(), QStringLiteral("failed"));
    QCOMPARE(details[QStringLiteral("error")].toString(), expectedError);
    QCOMPARE(details[QStringLiteral("function_code")].toInt(), 6);
    QCOMPARE(details[QStringLiteral("registers")].toArray(), QJsonArray{ 7 });
    QVERIFY(test::peerWriteLog(m_writeLog).isEmpty());
    QString error;
    QCOMPARE(test::peerRead(m_port, QStringLiteral("holding"), 384, 1, &error), QList<int>{ 0 });
    dialog->close();
}

void TstModbusUi::writeMultipleCoil()
{
    // Coil 22 is off in the peer (on only at multiples of 3); write_multiple: FC15.
    const TagId valve = tagOf(*m_model, QStringLiteral("valve"));
    auto *dialog = new ui::ModbusWriteDialog(m_engine.get(), valve);
    dialog->show();
    QTest::keyClicks(dialog->valueEdit(), QStringLiteral("1"));
    QCOMPARE(dialog->rawLabel()->text(), QStringLiteral("raw 1 → coil 22 on"));
    QSignalSpy finished(dialog, &ui::ModbusWriteDialog::writeFinished);
    dialog->writeButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QString error;
    QCOMPARE(test::peerRead(m_port, QStringLiteral("coil"), 22, 1, &error), QList<int>{ 1 });
    const QList<QJsonObject> log = test::peerWriteLog(m_writeLog);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log[0][QStringLiteral("fc")].toInt(), 15);
    const std::vector<storage::Event> events = auditEvents(*m_engine);
    QCOMPARE(events.size(), std::size_t(1));
    const QJsonObject details = QJsonDocument::fromJson(events[0].details.toUtf8()).object();
    QCOMPARE(details[QStringLiteral("function_code")].toInt(), 15);
    QCOMPARE(details[QStringLiteral("coils")].toArray(), QJsonArray{ 1 });
    dialog->close();
}

void TstModbusUi::refusesInvalidValues_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("above the tag's range")
            << "setpoint" << "500.1" << "⚠ Cannot write: 500.1 kg is outside the tag's range 0 … 500 kg";
    QTest::newRow("below the tag's range")
            << "setpoint" << "-1" << "⚠ Cannot write: -1 kg is outside the tag's range 0 … 500 kg";
    QTest::newRow("more decimals than the scale")
            << "setpoint" << "12.34" << "is not an integer from -2147483648 to 2147483647 (raw value)";
    QTest::newRow("int16 overflow")
            << "small" << "32768" << "⚠ Cannot write: 32768 is not an integer from -32768 to 32767 (raw value)";
    QTest::newRow("uint16 negative")
            << "mode" << "-1" << "⚠ Cannot write: -1 is not an integer from 0 to 65535 (raw value)";
    QTest::newRow("coil 2") << "valve" << "2" << "⚠ Cannot write: a coil is 0 or 1 (raw value); 2 gives 2";
    QTest::newRow("not a number") << "mode" << "12x" << "⚠ Cannot write: \"12x\" is not a number";
}

void TstModbusUi::refusesInvalidValues()
{
    QFETCH(QString, tag);
    QFETCH(QString, text);
    QFETCH(QString, reason);
    auto *dialog = new ui::ModbusWriteDialog(m_engine.get(), tagOf(*m_model, tag));
    dialog->show();
    QTest::keyClicks(dialog->valueEdit(), text);
    QVERIFY2(dialog->rawLabel()->text().startsWith(QStringLiteral("⚠ Cannot write: "))
                     && dialog->rawLabel()->text().endsWith(reason.remove(QStringLiteral("⚠ Cannot write: "))),
             qPrintable(dialog->rawLabel()->text()));
    QVERIFY(!dialog->writeButton()->isEnabled());
    dialog->writeButton()->click(); // disabled: nothing happens
    QTest::qWait(0);
    QVERIFY(auditEvents(*m_engine).empty());
    QVERIFY(test::peerWriteLog(m_writeLog).isEmpty());
    dialog->close();
}

void TstModbusUi::refusesReadOnlyTag()
{
    const TagId speed = tagOf(*m_model, QStringLiteral("speed"));
    ui::FaceplateDialog faceplate(m_engine.get(), &SystemClock::instance(), 0);
    faceplate.refresh();
    faceplate.table()->selectRow(4); // speed
    QCOMPARE(faceplate.table()->selectionModel()->selectedRows().first()
                     .data(models::TagTableModel::TagIdRole).toUInt(), speed);
    QVERIFY(!faceplate.writeButton()->isEnabled());
    QVERIFY(!faceplate.openWriteDialog(speed));
    // Opened anyway (programmatically): it says why and offers no way to write.
    auto *dialog = new ui::ModbusWriteDialog(m_engine.get(), speed);
    dialog->show();
    QVERIFY(dialog->refusalLabel()->isVisible());
    QCOMPARE(dialog->refusalLabel()->text(),
             QStringLiteral("⚠ acme/s/a/l/press/speed is read-only: writes are off unless its "
                            "Modbus binding says \"writable: true\" in the plant configuration."));
    QVERIFY(!dialog->valueEdit()->isEnabled());
    QVERIFY(!dialog->writeButton()->isEnabled());
    QVERIFY(auditEvents(*m_engine).empty());
    dialog->close();
}

void TstModbusUi::refusesWithoutHistorian()
{
    Engine engine(m_model); // no historian
    engine.startSources();
    const TagId mode = tagOf(*m_model, QStringLiteral("mode"));
    auto *dialog = new ui::ModbusWriteDialog(&engine, mode);
    dialog->show();
    QVERIFY(dialog->refusalLabel()->isVisible());
    QVERIFY2(dialog->refusalLabel()->text().startsWith(
                     QStringLiteral("⚠ No historian is open, so this write could not be "
                                    "recorded in the audit journal.")),
             qPrintable(dialog->refusalLabel()->text()));
    QVERIFY(!dialog->writeButton()->isEnabled());
    saveScreenshot(dialog, QStringLiteral("modbus-write-dialog-refused.png"));
    dialog->close();
    engine.stop();
    QVERIFY(test::peerWriteLog(m_writeLog).isEmpty());
}

void TstModbusUi::parseStart_data()
{
    QTest::addColumn<bool>("modicon");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("selected"); // ModbusTable
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("table");
    QTest::addColumn<int>("address");
    const int h = int(ModbusTable::HoldingRegister);
    const int i = int(ModbusTable::InputRegister);
    const int c = int(ModbusTable::Coil);
    QTest::newRow("protocol 0") << false << "0" << h << true << h << 0;
    QTest::newRow("protocol 65535") << false << "65535" << i << true << i << 65535;
    QTest::newRow("protocol 65536") << false << "65536" << h << false << h << 0;
    QTest::newRow("protocol text") << false << "4x" << h << false << h << 0;
    QTest::newRow("modicon 40001") << true << "40001" << c << true << h << 0;
    QTest::newRow("modicon 300010") << true << "300010" << h << true << i << 9;
    QTest::newRow("modicon coil 00005") << true << "00005" << h << true << c << 4;
    QTest::newRow("modicon 1-based in table") << true << "193" << i << true << i << 192;
    QTest::newRow("modicon 0") << true << "0" << h << false << h << 0;
    QTest::newRow("modicon 40000") << true << "40000" << h << false << h << 0;
}

void TstModbusUi::parseStart()
{
    QFETCH(bool, modicon);
    QFETCH(QString, text);
    QFETCH(int, selected);
    ModbusTable table = ModbusTable::DiscreteInput;
    int address = -1;
    QString error;
    const bool ok = ui::RegisterScanDialog::parseStart(
            text, modicon ? ModbusAddressing::Modicon : ModbusAddressing::Protocol,
            static_cast<ModbusTable>(selected), &table, &address, &error);
    QTEST(ok, "ok");
    if (ok) {
        QTEST(int(table), "table");
        QTEST(address, "address");
    } else {
        QVERIFY(!error.isEmpty());
    }
}

void TstModbusUi::scanFromConnectionsPage()
{
    ui::ConnectionsPage page(m_engine.get());
    page.resize(1366, 768);
    page.show();
    QVERIFY(!page.scanButton()->isEnabled());
    page.modbusTable()->selectRow(0); // plc
    QVERIFY(page.scanButton()->isEnabled());
    page.scanButton()->click();
    auto *dialog = page.findChild<ui::RegisterScanDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->width() <= 1366 && dialog->height() <= 768);

    // Layout: int32 -12345678 at 64 (ABCD), 72 (CDAB), 80 (BADC), 88 (DCBA).
    // -12345678 = 0x100000000 - 0xBC614E = 0xFF439EB2 (by hand): ABCD registers FF43 9EB2,
    // CDAB 9EB2 FF43, BADC 43FF B29E, DCBA B29E 43FF.
    dialog->startEdit()->setText(QStringLiteral("64"));
    dialog->countBox()->setValue(40);
    dialog->typeBox()->setCurrentIndex(dialog->typeBox()->findText(QStringLiteral("int32")));
    QSignalSpy done(dialog, &ui::RegisterScanDialog::readFinished);
    dialog->readButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(dialog->statusLabel()->text()));
    using C = ui::RegisterScanDialog;
    const QTableWidget *t = dialog->table();
    QCOMPARE(t->rowCount(), 40);
    QCOMPARE(cell(t, 0, C::AddressColumn), QStringLiteral("64"));
    QCOMPARE(cell(t, 0, C::HexColumn), QStringLiteral("FF43"));
    QCOMPARE(cell(t, 1, C::HexColumn), QStringLiteral("9EB2"));
    QCOMPARE(cell(t, 0, C::UInt16Column), QStringLiteral("65347")); // 0xFF43
    QCOMPARE(cell(t, 0, C::Int16Column), QStringLiteral("-189"));   // 0xFF43 - 0x10000
    QCOMPARE(cell(t, 0, C::BitsColumn), QStringLiteral("1111 1111 0100 0011"));
    QCOMPARE(cell(t, 8, C::HexColumn), QStringLiteral("9EB2"));
    QCOMPARE(cell(t, 16, C::HexColumn), QStringLiteral("43FF"));
    QCOMPARE(cell(t, 24, C::HexColumn), QStringLiteral("B29E"));
    // The value in the order the device uses, in the row where it starts.
    QCOMPARE(cell(t, 0, C::AbcdColumn), QStringLiteral("-12345678"));
    QCOMPARE(cell(t, 8, C::CdabColumn), QStringLiteral("-12345678"));
    QCOMPARE(cell(t, 16, C::BadcColumn), QStringLiteral("-12345678"));
    QCOMPARE(cell(t, 24, C::DcbaColumn), QStringLiteral("-12345678"));
    // Read in the wrong order it is something else: FF43 9EB2 word-swapped = 0x9EB2FF43
    // = 2662530883 - 2^32 = -1632436413 (by hand).
    QCOMPARE(cell(t, 0, C::CdabColumn), QStringLiteral("-1632436413"));
    // 32 = uint32 3000000000 ABCD (layout); the last register has no second one.
    dialog->typeBox()->setCurrentIndex(dialog->typeBox()->findText(QStringLiteral("uint32")));
    QCOMPARE(cell(t, 32, C::AbcdColumn), QStringLiteral("3000000000"));
    QCOMPARE(cell(t, 39, C::AbcdColumn), QStringLiteral("—"));

    // Details of the selected row: every type, every order.
    dialog->table()->selectRow(8);
    const QTableWidget *d = dialog->details();
    QCOMPARE(d->verticalHeaderItem(2)->text(), QStringLiteral("int32"));
    QCOMPARE(d->item(2, 1)->text(), QStringLiteral("-12345678")); // CDAB
    QCOMPARE(d->item(1, 0)->text(), QStringLiteral("40626"));    // uint16 0x9EB2

    // Copy and CSV.
    dialog->table()->selectRow(0);
    const QStringList copied = dialog->selectionText().split(u'\n');
    QCOMPARE(copied.at(0).split(u'\t').first(), QStringLiteral("Address"));
    QCOMPARE(copied.at(1).split(u'\t').mid(0, 4),
             (QStringList{ QStringLiteral("64"), QStringLiteral("FF43"), QStringLiteral("65347"),
                           QStringLiteral("-189") }));
    const QString csvPath = m_dir.filePath(QStringLiteral("scan.csv"));
    QString error;
    QVERIFY2(dialog->exportCsv(csvPath, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(u'\n');
    const QStringList header = lines.at(0).split(u',');
    QCOMPARE(header.mid(0, 9),
             QStringLiteral("table,address,protocol_address,hex,uint16,int16,bits,ascii,int32_ABCD")
                     .split(u','));
    const QStringList row8 = lines.at(9).split(u',');
    QCOMPARE(row8.at(header.indexOf(QStringLiteral("int32_CDAB"))), QStringLiteral("-12345678"));
    QCOMPARE(row8.at(header.indexOf(QStringLiteral("hex"))), QStringLiteral("9EB2"));
    QCOMPARE(lines.size(), 1 + 40 + 1); // header, rows, final newline

    // Floats for the screenshot: -273.15 float32 at 192..199 (ABCD C388 9333, CDAB 9333 C388 by
    // the peer's struct encoding); float32 -273.15 is -273.149993896484375, 9 digits -273.149994.
    dialog->startEdit()->setText(QStringLiteral("192"));
    dialog->countBox()->setValue(64);
    dialog->typeBox()->setCurrentIndex(dialog->typeBox()->findText(QStringLiteral("float32")));
    dialog->readButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, kWaitMs);
    QCOMPARE(cell(t, 0, C::HexColumn), QStringLiteral("C388"));
    QCOMPARE(cell(t, 0, C::AbcdColumn), QStringLiteral("-273.149994"));
    QCOMPARE(cell(t, 8, C::CdabColumn), QStringLiteral("-273.149994"));
    // 224: float64 pi ABCD; 17 digits of the double nearest pi.
    dialog->table()->selectRow(32);
    QCOMPARE(d->item(7, 0)->text(), QStringLiteral("3.1415926535897931"));
    dialog->table()->selectRow(8);
    saveScreenshot(dialog, QStringLiteral("register-scan-dialog.png"));
    dialog->close();
}

void TstModbusUi::scanErrorsAndBits()
{
    ui::ConnectionsPage page(m_engine.get());
    auto *dialog = page.openRegisterScan(QStringLiteral("plc"));
    QSignalSpy done(dialog, &ui::RegisterScanDialog::readFinished);
    // The layout has 400 registers: 398..402 is answered with exception 2.
    test::expectWarning(QRegularExpression(QStringLiteral("exception 2, .*reading holding 398..402")));
    dialog->startEdit()->setText(QStringLiteral("398"));
    dialog->countBox()->setValue(5);
    dialog->readButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
    QVERIFY(!done.at(0).at(0).toBool());
    QCOMPARE(dialog->statusLabel()->text(),
             QStringLiteral("⚠ Device plc (127.0.0.1:%1, unit id 1), holding 398..402: "
                            "exception 2, illegal data address (no such register on the device), "
                            "reading holding 398..402")
                     .arg(m_port));
    saveScreenshot(dialog, QStringLiteral("register-scan-error.png"));

    // Coils: on at multiples of 3 (peer), so 0..5 = 1 0 0 1 0 0.
    dialog->tableBox()->setCurrentIndex(dialog->tableBox()->findData(int(ModbusTable::Coil)));
    QCOMPARE(dialog->countBox()->maximum(), 2000);
    dialog->startEdit()->setText(QStringLiteral("0"));
    dialog->countBox()->setValue(6);
    dialog->readButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, kWaitMs);
    QVERIFY(done.at(1).at(0).toBool());
    QStringList states;
    for (int row = 0; row < dialog->table()->rowCount(); ++row)
        states << cell(dialog->table(), row, ui::RegisterScanDialog::HexColumn);
    QCOMPARE(states, QStringLiteral("1 (on)|0 (off)|0 (off)|1 (on)|0 (off)|0 (off)").split(u'|'));
    QVERIFY(dialog->table()->isColumnHidden(ui::RegisterScanDialog::AbcdColumn));
    dialog->close();
}

void TstModbusUi::scanModiconDevice()
{
    ui::ConnectionsPage page(m_engine.get());
    auto *dialog = page.openRegisterScan(QStringLiteral("meter"));
    QSignalSpy done(dialog, &ui::RegisterScanDialog::readFinished);
    // 300301 = input register 300 (string "4711" ABCD, 3 registers: "47" "11" NUL NUL).
    dialog->startEdit()->setText(QStringLiteral("300301"));
    dialog->countBox()->setValue(3);
    dialog->readButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWaitMs);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(dialog->statusLabel()->text()));
    QCOMPARE(dialog->tableBox()->currentData().toInt(), int(ModbusTable::InputRegister));
    QCOMPARE(cell(dialog->table(), 0, ui::RegisterScanDialog::AddressColumn),
             QStringLiteral("30301"));
    QCOMPARE(cell(dialog->table(), 0, ui::RegisterScanDialog::HexColumn),
             QStringLiteral("3437")); // '4' = 0x34, '7' = 0x37
    QCOMPARE(cell(dialog->table(), 0, ui::RegisterScanDialog::AsciiColumn), QStringLiteral("47"));
    dialog->table()->selectRow(0);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("scanAscii"))->text(),
             QStringLiteral("As a string of 3 register(s) from here: ABCD \"4711\" · BADC \"7411\""));
    dialog->close();
}

QTEST_MAIN(TstModbusUi)
#include "tst_modbus_ui.moc"
