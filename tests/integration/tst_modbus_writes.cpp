// Modbus writes against the independent pymodbus peer (tests/peers/modbus_server.py) and which
// function code they use: write_multiple (device or tag) makes one coil/register go out as
// FC15/FC16. The peer logs every write it executes with its function code (--write-log), and
// --reject-single-writes makes it answer FC5/FC6 with exception 1, like devices that accept only
// FC15/FC16. Values are checked with an independent pymodbus client (tests/peers/modbus_read.py).
#include "connectors/modbus/modbus_poller.h"
#include "core/config_loader.h"
#include "tests/integration/modbus_peer.h"
#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace andon;
using namespace andon::modbus;

namespace {

constexpr int kWaitMs = 20000;

std::shared_ptr<const PlantModel> load(const QString &device, const QStringList &bindings)
{
    QString yaml = QStringLiteral("andon: 1\nplant: { enterprise: t }\nconnections:\n  modbus:\n    - ")
        + device
        + QStringLiteral("\nsites:\n  - name: s\n    areas:\n      - name: a\n        tags:\n");
    for (int i = 0; i < bindings.size(); ++i)
        yaml += QStringLiteral("          - { name: t%1, modbus: { %2 } }\n").arg(i).arg(bindings[i]);
    const ConfigResult r = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("w.yaml"));
    if (!r.ok())
        qWarning().noquote() << r.formattedMessages().join(u'\n');
    return r.model;
}

using Results = std::map<TagId, std::pair<bool, QString>>;

ModbusPoller::WriteDone record(Results *results, TagId tag)
{
    return [results, tag](bool ok, const QString &why) { (*results)[tag] = { ok, why }; };
}

QString logLine(const QJsonObject &o)
{
    QStringList values;
    for (const QJsonValue &v : o[QStringLiteral("values")].toArray())
        values << QString::number(v.toInt());
    return QStringLiteral("FC%1 @%2 [%3]")
        .arg(o[QStringLiteral("fc")].toInt())
        .arg(o[QStringLiteral("address")].toInt())
        .arg(values.join(u','));
}

QStringList logLines(const QString &path)
{
    QStringList out;
    for (const QJsonObject &o : test::peerWriteLog(path))
        out << logLine(o);
    return out;
}

} // namespace

class TestModbusWrites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
    }
    void writeMultipleUsesFc15AndFc16();
    void defaultWritesUseFc5AndFc6();
    void writeMultipleOverRtu();
};

// Coils 13, 14 and holding registers 362..367 are 0 in the peer's layout (coils are 1 only at
// multiples of 3; the layout's registers end at 310).
void TestModbusWrites::writeMultipleUsesFc15AndFc16()
{
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("writes.jsonl"));
    const int port = test::freeLoopbackPort();
    test::ModbusPeer peer;
    QString error;
    QVERIFY2(peer.start({ QStringLiteral("--tcp"), QString::number(port),
                            QStringLiteral("--reject-single-writes"),
                            QStringLiteral("--write-log"), log },
                 &error),
        qPrintable(error));
    const auto model = load(
        QStringLiteral("{ id: plc, port: %1, poll_ms: 200, write_multiple: true }").arg(port),
        { QStringLiteral("table: coil, address: 13, writable: true"),
            QStringLiteral("table: holding, address: 362, scale: 0.5, writable: true"),
            QStringLiteral("table: coil, address: 14, writable: true, write_multiple: false"),
            QStringLiteral("table: holding, address: 366, writable: true, write_multiple: false") });
    QVERIFY(model);
    QVERIFY(model->tags[0].modbus->writeMultiple);
    QVERIFY(!model->tags[2].modbus->writeMultiple);
    ModbusPoller poller(model, [](SampleBatch &&) { });
    poller.start();
    // The refused FC5/FC6 writes are logged once each.
    test::expectWarning(QRegularExpression(QStringLiteral("exception 1, .*writing 1 to t/s/a/t2")));
    test::expectWarning(QRegularExpression(QStringLiteral("exception 1, .*writing 7 to t/s/a/t3")));

    Results results;
    poller.write(0, 1, record(&results, 0));
    poller.write(1, 21.5, record(&results, 1)); // raw 21.5 / 0.5 = 43
    poller.write(2, 1, record(&results, 2));
    poller.write(3, 7, record(&results, 3));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), std::size_t(4), kWaitMs);
    QVERIFY2(results[0].first, qPrintable(results[0].second));
    QVERIFY2(results[1].first, qPrintable(results[1].second));
    // The per-tag override goes out as FC5/FC6, which this device refuses.
    QVERIFY(!results[2].first);
    QCOMPARE(results[2].second,
        QStringLiteral("exception 1, illegal function (the device does not support this function code), "
                       "writing 1 to t/s/a/t2 (coil 14, FC5)"));
    QVERIFY(!results[3].first);
    QCOMPARE(results[3].second,
        QStringLiteral("exception 1, illegal function (the device does not support this function code), "
                       "writing 7 to t/s/a/t3 (holding 366, FC6)"));

    // Only the two multiple writes were executed, with FC15 and FC16.
    QStringList lines = logLines(log);
    lines.sort();
    QCOMPARE(lines,
        (QStringList { QStringLiteral("FC15 @13 [1]"), QStringLiteral("FC16 @362 [43]") }));
    QCOMPARE(test::peerRead(port, QStringLiteral("coil"), 13, 2, &error), (QList<int> { 1, 0 }));
    QCOMPARE(test::peerRead(port, QStringLiteral("holding"), 362, 1, &error), QList<int> { 43 });
    QCOMPARE(test::peerRead(port, QStringLiteral("holding"), 366, 1, &error), QList<int> { 0 });
    poller.stop();
}

void TestModbusWrites::defaultWritesUseFc5AndFc6()
{
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("writes.jsonl"));
    const int port = test::freeLoopbackPort();
    test::ModbusPeer peer;
    QString error;
    QVERIFY2(peer.start({ QStringLiteral("--tcp"), QString::number(port),
                            QStringLiteral("--write-log"), log },
                 &error),
        qPrintable(error));
    const auto model = load(QStringLiteral("{ id: plc, port: %1, poll_ms: 200 }").arg(port),
        { QStringLiteral("table: coil, address: 16, writable: true"),
            QStringLiteral("table: holding, address: 368, type: int16, writable: true"),
            QStringLiteral("table: holding, address: 370, type: uint32, order: CDAB, "
                           "writable: true"),
            QStringLiteral("table: coil, address: 17, writable: true, write_multiple: true") });
    QVERIFY(model);
    ModbusPoller poller(model, [](SampleBatch &&) { });
    poller.start();
    Results results;
    poller.write(0, 1, record(&results, 0));
    poller.write(1, -2, record(&results, 1));
    poller.write(2, 305419896, record(&results, 2)); // 0x12345678
    poller.write(3, 1, record(&results, 3));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), std::size_t(4), kWaitMs);
    for (const auto &[tag, result] : results)
        QVERIFY2(result.first, qPrintable(result.second));
    // -2 as int16 is 0xFFFE = 65534; 0x12345678 word-swapped (CDAB) is 0x5678, 0x1234 =
    // 22136, 4660 (by hand). The queue sends an operator's requests first, newest in front.
    QStringList lines = logLines(log);
    lines.sort();
    QCOMPARE(lines,
        (QStringList { QStringLiteral("FC15 @17 [1]"), QStringLiteral("FC16 @370 [22136,4660]"),
            QStringLiteral("FC5 @16 [1]"), QStringLiteral("FC6 @368 [65534]") }));
    QCOMPARE(test::peerRead(port, QStringLiteral("coil"), 16, 2, &error), (QList<int> { 1, 1 }));
    QCOMPARE(test::peerRead(port, QStringLiteral("holding"), 368, 4, &error),
        (QList<int> { 65534, 0, 22136, 4660 }));
    poller.stop();
}

// The same over RTU (socat pty pair): Qt's RTU client must frame the raw FC15/FC16 requests and
// size their replies.
void TestModbusWrites::writeMultipleOverRtu()
{
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("writes.jsonl"));
    test::PtyPair pty;
    QString error;
    QVERIFY2(pty.start(&error), qPrintable(error));
    test::ModbusPeer peer;
    QVERIFY2(peer.start({ QStringLiteral("--serial"), pty.b(),
                            QStringLiteral("--reject-single-writes"),
                            QStringLiteral("--write-log"), log },
                 &error),
        qPrintable(error));
    const auto model = load(QStringLiteral("{ id: rtu, transport: rtu, serial_port: %1, parity: "
                                           "none, unit_id: 3, poll_ms: 300, write_multiple: true }")
                                .arg(pty.a()),
        { QStringLiteral("table: coil, address: 20, writable: true"),
            QStringLiteral("table: holding, address: 372, writable: true") });
    QVERIFY(model);
    ModbusPoller poller(model, [](SampleBatch &&) { });
    poller.start();
    Results results;
    poller.write(0, 1, record(&results, 0));
    poller.write(1, 4242, record(&results, 1));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), std::size_t(2), kWaitMs);
    QVERIFY2(results[0].first, qPrintable(results[0].second));
    QVERIFY2(results[1].first, qPrintable(results[1].second));
    QStringList lines = logLines(log);
    lines.sort();
    QCOMPARE(lines, (QStringList { QStringLiteral("FC15 @20 [1]"), QStringLiteral("FC16 @372 [4242]") }));
    poller.stop();
}

QTEST_GUILESS_MAIN(TestModbusWrites)
#include "tst_modbus_writes.moc"
