// Integration tests for andon::modbus::ModbusPoller against an independent peer: the pymodbus
// server in tests/peers/modbus_server.py (TCP on 127.0.0.1, RTU on one end of a socat pty
// pair). The register image comes from tests/peers/modbus_layout.json, encoded by Python's
// struct module; expected values are the JSON's numbers (float32 rounded to single precision).
// Faults: server killed and restarted, exception replies, a slow server, garbage on the line.
#include "connectors/modbus/modbus_poller.h"
#include "core/config_loader.h"
#include "tests/integration/modbus_peer.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <mutex>

using namespace andon;
using namespace andon::modbus;

using namespace andon::test;

namespace {

constexpr int kWaitMs = 20000;

struct Expected
{
    QString path;
    double value = 0;
};

// Latest sample per tag, filled on the Modbus thread.
class Collector
{
public:
    ModbusPoller::BatchHandler handler()
    {
        return [this](SampleBatch &&batch) {
            std::lock_guard lock(m_mutex);
            for (const Sample &s : batch) {
                m_latest[s.tag] = s;
                if (isGood(s.q))
                    ++m_good[s.tag];
            }
        };
    }
    std::optional<Sample> latest(TagId tag) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_latest.find(tag);
        return it == m_latest.end() ? std::nullopt : std::optional<Sample>(it->second);
    }
    int goodCount(TagId tag) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_good.find(tag);
        return it == m_good.end() ? 0 : it->second;
    }
    bool allGood(const PlantModel &m) const
    {
        std::lock_guard lock(m_mutex);
        for (const TagDef &t : m.tags) {
            const auto it = m_latest.find(t.id);
            if (it == m_latest.end() || !isGood(it->second.q))
                return false;
        }
        return true;
    }
    Quality quality(TagId tag) const
    {
        const auto s = latest(tag);
        return s ? s->q : Quality::Bad;
    }

private:
    mutable std::mutex m_mutex;
    std::map<TagId, Sample> m_latest;
    std::map<TagId, int> m_good;
};

// Messages of andon.modbus, to check that failures are explained in words.
std::mutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QLatin1String(context.category) == QLatin1String("andon.modbus")) {
        std::lock_guard lock(g_logMutex);
        g_log << message;
    }
    if (g_previous && type != QtDebugMsg)
        g_previous(type, context, message);
}
QStringList takeLog()
{
    std::lock_guard lock(g_logMutex);
    return std::exchange(g_log, {});
}

QString header(const QString &deviceYaml)
{
    return QStringLiteral("andon: 1\nplant: { enterprise: t }\nconnections:\n  modbus:\n")
        + deviceYaml
        + QStringLiteral("sites:\n  - name: s\n    areas:\n      - name: a\n        tags:\n");
}

QString tagLine(const QString &name, const QString &binding)
{
    return QStringLiteral("          - { name: ") + name + QStringLiteral(", modbus: { ") + binding
        + QStringLiteral(" } }\n");
}

std::shared_ptr<const PlantModel> load(const QString &yaml)
{
    const ConfigResult r = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("test.yaml"));
    if (!r.ok())
        qWarning().noquote() << r.formattedMessages().join(u'\n');
    return r.model;
}

// Tags for every value of the layout in both register tables, the strings, three bits of
// the bit register, and 8 coils and discrete inputs; `expected` gets the values to see.
QString layoutTags(const QString &device, std::vector<Expected> *expected)
{
    QFile file(peerDir() + QStringLiteral("/modbus_layout.json"));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    const QJsonObject layout = QJsonDocument::fromJson(file.readAll()).object();
    QString tags;
    const QString prefix = QStringLiteral("t/s/a/");
    for (const QString &table : { QStringLiteral("holding"), QStringLiteral("input") }) {
        for (const QJsonValue &v : layout[QStringLiteral("values")].toArray()) {
            const QJsonObject o = v.toObject();
            const QString type = o[QStringLiteral("type")].toString();
            const QString order = o[QStringLiteral("order")].toString();
            const QString name = table + QLatin1Char('_') + type + QLatin1Char('_') + order;
            tags += tagLine(name,
                QStringLiteral("device: %1, table: %2, address: %3, type: %4, order: %5")
                    .arg(device, table)
                    .arg(o[QStringLiteral("address")].toInt())
                    .arg(type, order));
            double value = o[QStringLiteral("value")].toDouble();
            if (type == u"float32")
                value = static_cast<double>(static_cast<float>(value));
            expected->push_back({ prefix + name, value });
        }
    }
    for (const QJsonValue &v : layout[QStringLiteral("strings")].toArray()) {
        const QJsonObject o = v.toObject();
        const QString name = QStringLiteral("text_") + o[QStringLiteral("order")].toString();
        tags += tagLine(name,
            QStringLiteral(
                "device: %1, table: holding, address: %2, type: string, length: %3, order: %4")
                .arg(device)
                .arg(o[QStringLiteral("address")].toInt())
                .arg(o[QStringLiteral("length")].toInt())
                .arg(o[QStringLiteral("order")].toString()));
        expected->push_back({ prefix + name, o[QStringLiteral("text")].toString().toDouble() });
    }
    const QJsonObject bitReg = layout[QStringLiteral("bit_register")].toObject();
    const int bitValue = bitReg[QStringLiteral("value")].toInt();
    for (const int bit : { 0, 1, 15 }) {
        const QString name = QStringLiteral("bit%1").arg(bit);
        tags += tagLine(name,
            QStringLiteral("device: %1, table: holding, address: %2, type: bit, bit: %3")
                .arg(device)
                .arg(bitReg[QStringLiteral("address")].toInt())
                .arg(bit));
        expected->push_back({ prefix + name, double((bitValue >> bit) & 1) });
    }
    for (int i = 0; i < 8; ++i) {
        tags += tagLine(QStringLiteral("coil%1").arg(i),
            QStringLiteral("device: %1, table: coil, address: %2").arg(device).arg(i));
        expected->push_back({ prefix + QStringLiteral("coil%1").arg(i), i % 3 == 0 ? 1.0 : 0.0 });
        tags += tagLine(QStringLiteral("di%1").arg(i),
            QStringLiteral("device: %1, table: discrete, address: %2").arg(device).arg(i));
        expected->push_back({ prefix + QStringLiteral("di%1").arg(i), i % 2 == 1 ? 1.0 : 0.0 });
    }
    return tags;
}

ModbusPollerOptions fastBackoff()
{
    ModbusPollerOptions o;
    o.backoffInitialMs = 200;
    o.backoffMaxMs = 1000;
    return o;
}

DeviceDiagnostics diag(const ModbusPoller &poller, const QString &id)
{
    for (const DeviceDiagnostics &d : poller.diagnostics()) {
        if (d.id == id)
            return d;
    }
    return {};
}

} // namespace

class TestModbusPoller : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { takeLog(); }
    void tcpEveryTypeAndOrder();
    void rtuEveryTypeAndOrder();
    void rtuOverTcpEveryTypeAndOrder();
    void serverKilledGoesBadThenGood();
    void illegalAddressIsBadWithWords();
    void slowServerTimesOut();
    void silentDeviceDoesNotStopOthers();
    void rtuGarbageOnTheLine();
    void rtuSilentUnitOnSharedLine();
    void writesReachTheDevice();
    void scanReadsARawRange();

private:
    void checkValues(
        const PlantModel &model, const Collector &c, const std::vector<Expected> &expected);
};

void TestModbusPoller::initTestCase()
{
    g_previous = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(QStringLiteral("andon.modbus.debug=false"));
}

void TestModbusPoller::checkValues(
    const PlantModel &model, const Collector &c, const std::vector<Expected> &expected)
{
    QCOMPARE(model.tags.size(), expected.size());
    for (const Expected &e : expected) {
        const TagId id = model.tagIdByPath(e.path);
        QVERIFY2(id != kInvalidTag, qPrintable(e.path));
        const auto s = c.latest(id);
        QVERIFY2(s, qPrintable(e.path));
        QVERIFY2(isGood(s->q), qPrintable(e.path + QStringLiteral(": ") + qualityName(s->q)));
        if (s->value != e.value)
            QFAIL(qPrintable(QStringLiteral("%1: got %2, expected %3")
                                 .arg(e.path)
                                 .arg(s->value, 0, 'g', 17)
                                 .arg(e.value, 0, 'g', 17)));
    }
}

void TestModbusPoller::tcpEveryTypeAndOrder()
{
    const int port = test::freeLoopbackPort();
    ModbusPeer peer;
    QString error;
    QVERIFY2(
        peer.start({ QStringLiteral("--tcp"), QString::number(port) }, &error), qPrintable(error));
    std::vector<Expected> expected;
    const QString yaml = header(QStringLiteral(
                             "    - { id: plc, port: %1, unit_id: 7, poll_ms: 200, max_gap: 7 }\n")
                                    .arg(port))
        + layoutTags(QStringLiteral("plc"), &expected);
    const auto model = load(yaml);
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.allGood(*model), kWaitMs);
    checkValues(*model, c, expected);
    const DeviceDiagnostics d = diag(poller, QStringLiteral("plc"));
    QVERIFY(d.healthy);
    QCOMPARE(d.state, QStringLiteral("polling"));
    QCOMPARE(d.unitId, 7);
    QVERIFY(d.answers > 0);
    QCOMPARE(d.timeouts, std::uint64_t(0));
    // Coalesced with max_gap 7 (values 8 registers apart, none shorter than 1): registers
    // 0..123 and 128..251 of both tables (2 + 2), the strings and bit register 300..310 of
    // the holding table (1), coils 0..7 and discrete inputs 0..7 (1 + 1) = 7.
    QCOMPARE(d.requestsPerCycle, 7);
    poller.stop();
}

void TestModbusPoller::rtuEveryTypeAndOrder()
{
    PtyPair pty;
    QString error;
    QVERIFY2(pty.start(&error), qPrintable(error));
    ModbusPeer peer;
    QVERIFY2(peer.start({ QStringLiteral("--serial"), pty.b() }, &error), qPrintable(error));
    std::vector<Expected> expected;
    const QString yaml
        = header(QStringLiteral(
              "    - { id: rtu, transport: rtu, serial_port: %1, baud: 19200, parity: none, "
              "unit_id: 5, poll_ms: 300, timeout_ms: 1000, max_gap: 7 }\n")
                     .arg(pty.a()))
        + layoutTags(QStringLiteral("rtu"), &expected);
    const auto model = load(yaml);
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.allGood(*model), kWaitMs);
    checkValues(*model, c, expected);
    QVERIFY(diag(poller, QStringLiteral("rtu")).healthy);
    poller.stop();
}

void TestModbusPoller::rtuOverTcpEveryTypeAndOrder()
{
    const int port = test::freeLoopbackPort();
    auto peer = std::make_unique<ModbusPeer>();
    QString error;
    QVERIFY2(peer->start({ QStringLiteral("--tcp"), QString::number(port),
                             QStringLiteral("--rtu-over-tcp") },
                 &error),
        qPrintable(error));
    std::vector<Expected> expected;
    const QString yaml = header(QStringLiteral("    - { id: gw, transport: rtu-over-tcp, port: %1, "
                                               "unit_id: 9, poll_ms: 300, timeout_ms: 1000, "
                                               "retries: 0, max_gap: 7 }\n")
                                    .arg(port))
        + layoutTags(QStringLiteral("gw"), &expected);
    const auto model = load(yaml);
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.allGood(*model), kWaitMs);
    checkValues(*model, c, expected);
    QCOMPARE(diag(poller, QStringLiteral("gw")).transport, QStringLiteral("rtu-over-tcp"));

    // The gateway goes away and comes back: bad, then good again on its own.
    peer->stop();
    QTRY_COMPARE_WITH_TIMEOUT(c.quality(0), Quality::BadCommFailure, kWaitMs);
    peer = std::make_unique<ModbusPeer>();
    QVERIFY2(peer->start({ QStringLiteral("--tcp"), QString::number(port),
                             QStringLiteral("--rtu-over-tcp") },
                 &error),
        qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(c.allGood(*model), kWaitMs);
    poller.stop();
}

void TestModbusPoller::serverKilledGoesBadThenGood()
{
    const int port = test::freeLoopbackPort();
    auto peer = std::make_unique<ModbusPeer>();
    QString error;
    QVERIFY2(
        peer->start({ QStringLiteral("--tcp"), QString::number(port) }, &error), qPrintable(error));
    const auto model
        = load(header(QStringLiteral(
                   "    - { id: plc, port: %1, poll_ms: 100, timeout_ms: 300, retries: 0 }\n")
                          .arg(port))
            + tagLine(QStringLiteral("temp"),
                QStringLiteral("table: input, address: 192, type: float32")));
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(isGood(c.quality(0)), kWaitMs);
    QCOMPARE(c.latest(0)->value, double(float(-273.15)));

    peer->stop();
    QTRY_COMPARE_WITH_TIMEOUT(c.quality(0), Quality::BadCommFailure, kWaitMs);
    QVERIFY(std::isnan(c.latest(0)->value));
    DeviceDiagnostics d = diag(poller, QStringLiteral("plc"));
    QVERIFY(!d.healthy);
    QCOMPARE(d.state, QStringLiteral("backoff"));
    QVERIFY(!d.lastError.isEmpty());
    const QStringList log = takeLog();
    QVERIFY2(!log.filter(QStringLiteral("Modbus plc (unit 1, 127.0.0.1:%1)").arg(port)).isEmpty(),
        qPrintable(log.join(u'\n')));

    // Back on the same port: the poller reconnects by itself.
    peer = std::make_unique<ModbusPeer>();
    QVERIFY2(
        peer->start({ QStringLiteral("--tcp"), QString::number(port) }, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(isGood(c.quality(0)), kWaitMs);
    QCOMPARE(c.latest(0)->value, double(float(-273.15)));
    d = diag(poller, QStringLiteral("plc"));
    QVERIFY(d.healthy);
    QVERIFY(d.connectionErrors + d.timeouts > 0);
    QStringList recovery;
    QTRY_VERIFY_WITH_TIMEOUT(
        !(recovery += takeLog()).filter(QStringLiteral("answers again")).isEmpty(), kWaitMs);
    poller.stop();
}

void TestModbusPoller::illegalAddressIsBadWithWords()
{
    const int port = test::freeLoopbackPort();
    ModbusPeer peer;
    QString error;
    QVERIFY2(
        peer.start({ QStringLiteral("--tcp"), QString::number(port) }, &error), qPrintable(error));
    // The peer has registers 0..399. "ok" (398) and "half" (399..400) are read together
    // first; after the exception they are read one by one, so "ok" stays good.
    const auto model = load(
        header(QStringLiteral("    - { id: plc, port: %1, unit_id: 3, poll_ms: 100 }\n").arg(port))
        + tagLine(QStringLiteral("ok"), QStringLiteral("table: holding, address: 398"))
        + tagLine(
            QStringLiteral("half"), QStringLiteral("table: holding, address: 399, type: int32"))
        + tagLine(QStringLiteral("far"), QStringLiteral("table: holding, address: 1000")));
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(isGood(c.quality(0)) && c.quality(1) == Quality::BadConfigError
            && c.quality(2) == Quality::BadConfigError,
        kWaitMs);
    QCOMPARE(c.latest(0)->value, 0.0); // register 398 is not part of the layout: zero
    const DeviceDiagnostics d = diag(poller, QStringLiteral("plc"));
    QVERIFY(d.healthy); // an exception is an answer: the device is fine, the address is not
    QVERIFY(d.exceptions > 0);
    QVERIFY2(d.lastException.startsWith(QStringLiteral("exception 2, illegal data address")),
        qPrintable(d.lastException));
    QStringList log;
    QTRY_VERIFY_WITH_TIMEOUT(
        !(log += takeLog()).filter(QStringLiteral("holding 399..400")).isEmpty(), kWaitMs);
    const QStringList lines = log.filter(QStringLiteral("holding 399..400"));
    QVERIFY2(lines.front().contains(QStringLiteral("Modbus plc (unit 3, 127.0.0.1:")),
        qPrintable(lines.front()));
    QVERIFY2(
        lines.front().contains(QStringLiteral("illegal data address")), qPrintable(lines.front()));
    QVERIFY(!log.filter(QStringLiteral("holding 1000: exception 2")).isEmpty()
        || !log.filter(QStringLiteral("reading holding 1000")).isEmpty());
    poller.stop();
}

void TestModbusPoller::slowServerTimesOut()
{
    const int port = test::freeLoopbackPort();
    ModbusPeer peer;
    QString error;
    QVERIFY2(peer.start({ QStringLiteral("--tcp"), QString::number(port),
                            QStringLiteral("--delay-ms"), QStringLiteral("1500") },
                 &error),
        qPrintable(error));
    const auto model = load(
        header(QStringLiteral(
            "    - { id: slow, port: %1, poll_ms: 100, timeout_ms: 300, retries: 1 }\n")
                   .arg(port))
        + tagLine(QStringLiteral("v"), QStringLiteral("table: holding, address: 0, type: int16")));
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(diag(poller, QStringLiteral("slow")).timeouts > 0, kWaitMs);
    QCOMPARE(c.quality(0), Quality::BadCommFailure);
    const DeviceDiagnostics d = diag(poller, QStringLiteral("slow"));
    QCOMPARE(d.connectionErrors, std::uint64_t(0)); // it answers TCP, just too late
    QVERIFY2(d.lastError.startsWith(
                 QStringLiteral("no answer within 300 ms (1 retries) reading holding 0")),
        qPrintable(d.lastError));
    poller.stop();
}

void TestModbusPoller::silentDeviceDoesNotStopOthers()
{
    const int alivePort = test::freeLoopbackPort();
    const int slowPort = test::freeLoopbackPort();
    ModbusPeer alive;
    ModbusPeer slow;
    QString error;
    QVERIFY2(alive.start({ QStringLiteral("--tcp"), QString::number(alivePort) }, &error),
        qPrintable(error));
    QVERIFY2(slow.start({ QStringLiteral("--tcp"), QString::number(slowPort),
                            QStringLiteral("--delay-ms"), QStringLiteral("5000") },
                 &error),
        qPrintable(error));
    const auto model = load(
        header(QStringLiteral(
            "    - { id: alive, port: %1, poll_ms: 100 }\n"
            "    - { id: silent, port: %2, poll_ms: 100, timeout_ms: 200, retries: 0 }\n")
                   .arg(alivePort)
                   .arg(slowPort))
        + tagLine(QStringLiteral("a"), QStringLiteral("device: alive, table: holding, address: 32"))
        + tagLine(
            QStringLiteral("s"), QStringLiteral("device: silent, table: holding, address: 32")));
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_COMPARE_WITH_TIMEOUT(c.quality(1), Quality::BadCommFailure, kWaitMs);
    const int before = c.goodCount(0);
    // The silent device keeps failing (backoff) while the other keeps answering.
    QTRY_VERIFY_WITH_TIMEOUT(diag(poller, QStringLiteral("silent")).timeouts >= 3, kWaitMs);
    QVERIFY(c.goodCount(0) > before);
    QVERIFY(isGood(c.quality(0)));
    QCOMPARE(c.latest(0)->value, 54321.0);
    QVERIFY(diag(poller, QStringLiteral("alive")).healthy);
    QVERIFY(!diag(poller, QStringLiteral("silent")).healthy);
    poller.stop();
}

void TestModbusPoller::rtuGarbageOnTheLine()
{
    PtyPair pty;
    QString error;
    QVERIFY2(pty.start(&error), qPrintable(error));
    ModbusPeer peer;
    // Each answer comes 200 ms late, so junk written meanwhile lands inside a reply.
    QVERIFY2(peer.start({ QStringLiteral("--serial"), pty.b(), QStringLiteral("--delay-ms"),
                            QStringLiteral("200") },
                 &error),
        qPrintable(error));
    const auto model = load(
        header(QStringLiteral("    - { id: rtu, transport: rtu, serial_port: %1, parity: none, "
                              "poll_ms: 50, timeout_ms: 1000, retries: 0 }\n")
                   .arg(pty.a()))
        + tagLine(QStringLiteral("v"), QStringLiteral("table: holding, address: 64, type: int32")));
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(isGood(c.quality(0)), kWaitMs);

    // Junk both ways: into the peer's end (reaches the poller) and into the poller's end
    // (reaches the peer), a few times while polling goes on.
    QFile toPoller(pty.b());
    QFile toPeer(pty.a());
    QVERIFY(toPoller.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    QVERIFY(toPeer.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    QByteArray junk;
    for (int i = 0; i < 300; ++i)
        junk.append(static_cast<char>((i * 73 + 11) & 0xFF));
    for (int round = 0; round < 5; ++round) {
        toPoller.write(junk);
        toPeer.write(junk.left(100));
        QTest::qWait(100);
    }
    toPoller.close();
    toPeer.close();
    const int goodAfterJunk = c.goodCount(0);
    // No crash, and good values again, with the right value.
    QTRY_VERIFY_WITH_TIMEOUT(c.goodCount(0) > goodAfterJunk + 5 && isGood(c.quality(0)), kWaitMs);
    QCOMPARE(c.latest(0)->value, -12345678.0);
    // The junk did hit replies (bad CRC/frames or replies lost in it), and was survived.
    const DeviceDiagnostics d = diag(poller, QStringLiteral("rtu"));
    QVERIFY2(d.invalidResponses + d.timeouts > 0,
        qPrintable(
            QStringLiteral("%1 invalid, %2 timeouts").arg(d.invalidResponses).arg(d.timeouts)));
    poller.stop();
}

void TestModbusPoller::rtuSilentUnitOnSharedLine()
{
    PtyPair pty;
    QString error;
    QVERIFY2(pty.start(&error), qPrintable(error));
    ModbusPeer peer;
    QVERIFY2(peer.start({ QStringLiteral("--serial"), pty.b(), QStringLiteral("--units"),
                            QStringLiteral("1") },
                 &error),
        qPrintable(error));
    // Two devices on one serial line; only unit 1 exists.
    const QString line = QStringLiteral("transport: rtu, serial_port: %1, parity: none, "
                                        "poll_ms: 100, timeout_ms: 200, retries: 0")
                             .arg(pty.a());
    const auto model = load(header(QStringLiteral("    - { id: here, unit_id: 1, %1 }\n"
                                                  "    - { id: gone, unit_id: 2, %1 }\n")
                                       .arg(line))
        + tagLine(QStringLiteral("a"), QStringLiteral("device: here, table: input, address: 32"))
        + tagLine(QStringLiteral("b"), QStringLiteral("device: gone, table: input, address: 32")));
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_COMPARE_WITH_TIMEOUT(c.quality(1), Quality::BadCommFailure, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(isGood(c.quality(0)), kWaitMs);
    const int before = c.goodCount(0);
    QTRY_VERIFY_WITH_TIMEOUT(diag(poller, QStringLiteral("gone")).timeouts >= 3, kWaitMs);
    QVERIFY(c.goodCount(0) > before);
    QCOMPARE(c.latest(0)->value, 54321.0);
    QVERIFY(diag(poller, QStringLiteral("here")).healthy);
    QCOMPARE(diag(poller, QStringLiteral("gone")).state, QStringLiteral("backoff"));
    QCOMPARE(c.quality(1), Quality::BadCommFailure);
    poller.stop();
}

void TestModbusPoller::writesReachTheDevice()
{
    const int port = test::freeLoopbackPort();
    ModbusPeer peer;
    QString error;
    QVERIFY2(
        peer.start({ QStringLiteral("--tcp"), QString::number(port) }, &error), qPrintable(error));
    // Registers 350..369 and coil 10 are unused by the layout (0 / off).
    const auto model
        = load(header(QStringLiteral("    - { id: plc, port: %1, poll_ms: 100 }\n").arg(port))
            + tagLine(QStringLiteral("sp"),
                QStringLiteral("table: holding, address: 350, type: int32, order: CDAB, scale: "
                               "0.1, writable: true"))
            + tagLine(QStringLiteral("lo"), QStringLiteral("table: holding, address: 350"))
            + tagLine(QStringLiteral("hi"), QStringLiteral("table: holding, address: 351"))
            + tagLine(
                QStringLiteral("valve"), QStringLiteral("table: coil, address: 10, writable: true"))
            + tagLine(QStringLiteral("ro"), QStringLiteral("table: holding, address: 360"))
            + tagLine(QStringLiteral("small"),
                QStringLiteral("table: holding, address: 361, type: int16, writable: true")));
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.allGood(*model), kWaitMs);
    QCOMPARE(c.latest(3)->value, 0.0);

    std::map<QString, std::pair<bool, QString>> results;
    const auto record = [&results](const QString &name) {
        return [&results, name](bool ok, const QString &why) { results[name] = { ok, why }; };
    };
    poller.write(0, -12345.6, record(QStringLiteral("sp"))); // raw -123456
    poller.write(3, 1, record(QStringLiteral("valve")));
    poller.write(4, 5, record(QStringLiteral("ro")));
    poller.write(5, 40000, record(QStringLiteral("small")));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), std::size_t(4), kWaitMs);
    QVERIFY2(results[QStringLiteral("sp")].first, qPrintable(results[QStringLiteral("sp")].second));
    QVERIFY2(results[QStringLiteral("valve")].first,
        qPrintable(results[QStringLiteral("valve")].second));
    QVERIFY(!results[QStringLiteral("ro")].first);
    QCOMPARE(results[QStringLiteral("ro")].second,
        QStringLiteral("t/s/a/ro is read-only (set writable: true in its modbus binding to "
                       "allow writes)"));
    QVERIFY(!results[QStringLiteral("small")].first);
    QVERIFY2(results[QStringLiteral("small")].second.startsWith(
                 QStringLiteral("t/s/a/small: 40000 is not an integer from -32768 to 32767")),
        qPrintable(results[QStringLiteral("small")].second));

    // -123456 is 0xFFFE1DC0 (two's complement, by hand); word swapped (CDAB) the device holds
    // 0x1DC0 = 7616 at 350 and 0xFFFE = 65534 at 351.
    QTRY_VERIFY_WITH_TIMEOUT(
        c.latest(1)->value == 7616.0 && c.latest(2)->value == 65534.0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(c.latest(0)->value, -12345.6, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(c.latest(3)->value, 1.0, kWaitMs);
    QCOMPARE(c.latest(4)->value, 0.0);
    poller.stop();
}

void TestModbusPoller::scanReadsARawRange()
{
    const int port = test::freeLoopbackPort();
    ModbusPeer peer;
    QString error;
    QVERIFY2(
        peer.start({ QStringLiteral("--tcp"), QString::number(port) }, &error), qPrintable(error));
    // A device with one tag; the scan reads other registers of it.
    const auto model
        = load(header(QStringLiteral("    - { id: plc, port: %1, poll_ms: 1000 }\n").arg(port))
            + tagLine(QStringLiteral("v"), QStringLiteral("table: holding, address: 0")));
    QVERIFY(model);
    Collector c;
    ModbusPoller poller(model, c.handler(), fastBackoff());
    poller.start();
    std::optional<std::pair<QList<quint16>, QString>> result;
    const auto keep = [&result](const QList<quint16> &values, const QString &why) {
        result = { values, why };
    };
    // Layout: float32 -273.15 ABCD at 192 (0xC388 0x9333, see the peer's struct encoding).
    poller.readRange(QStringLiteral("plc"), ModbusTable::InputRegister, 192, 2, keep);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QCOMPARE(result->second, QString());
    QCOMPARE(result->first, (QList<quint16> { 0xC388, 0x9333 }));

    result.reset();
    poller.readRange(QStringLiteral("plc"), ModbusTable::Coil, 0, 4, keep);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QCOMPARE(result->first, (QList<quint16> { 1, 0, 0, 1 }));

    result.reset();
    poller.readRange(QStringLiteral("plc"), ModbusTable::HoldingRegister, 398, 5, keep);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY(result->first.isEmpty());
    QCOMPARE(result->second,
        QStringLiteral("exception 2, illegal data address (no such register on the device), "
                       "reading holding 398..402"));

    result.reset();
    poller.readRange(QStringLiteral("plc"), ModbusTable::HoldingRegister, 0, 126, keep);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QCOMPARE(result->second,
        QStringLiteral("a read covers 1 to 125 registers within addresses 0-65535"));
    poller.stop();
}

QTEST_GUILESS_MAIN(TestModbusPoller)
#include "tst_modbus_poller.moc"
