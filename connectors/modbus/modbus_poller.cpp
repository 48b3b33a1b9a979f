#include "connectors/modbus/modbus_poller.h"

#include "connectors/modbus/modbus_codec.h"
#include "connectors/modbus/pty_tcp_bridge.h"
#include "connectors/modbus/request_planner.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QModbusDataUnit>
#include <QModbusPdu>
#include <QModbusReply>
#include <QModbusRtuSerialClient>
#include <QModbusTcpClient>
#include <QPointer>
#include <QSerialPort>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <mutex>

namespace andon::modbus {

namespace {

Q_LOGGING_CATEGORY(lcModbus, "andon.modbus")

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Requests/s is measured over this window (the Connections page refreshes about once a second).
constexpr int kRateWindowMs = 2000;
// Weight of the newest round trip in the average RTT.
constexpr double kRttAlpha = 0.2;
// A TCP connect attempt longer than this (or the device timeout, if longer) counts as failed.
constexpr int kMinConnectTimeoutMs = 2000;

QModbusDataUnit::RegisterType registerType(ModbusTable t)
{
    switch (t) {
    case ModbusTable::Coil:
        return QModbusDataUnit::Coils;
    case ModbusTable::DiscreteInput:
        return QModbusDataUnit::DiscreteInputs;
    case ModbusTable::InputRegister:
        return QModbusDataUnit::InputRegisters;
    case ModbusTable::HoldingRegister:
        return QModbusDataUnit::HoldingRegisters;
    }
    return QModbusDataUnit::HoldingRegisters;
}

QString rangeText(const ReadRequest &r)
{
    return modbusTableName(r.table) + QLatin1Char(' ') + QString::number(r.start)
        + (r.count > 1 ? QStringLiteral("..") + QString::number(r.start + r.count - 1) : QString());
}

} // namespace

QString exceptionText(int code)
{
    // Modbus Application Protocol V1.1b3 §7, "MODBUS Exception Codes".
    switch (code) {
    case 1:
        return QStringLiteral("illegal function (the device does not support this function code)");
    case 2:
        return QStringLiteral("illegal data address (no such register on the device)");
    case 3:
        return QStringLiteral("illegal data value");
    case 4:
        return QStringLiteral("server device failure");
    case 5:
        return QStringLiteral("acknowledge (the device is busy with a long command)");
    case 6:
        return QStringLiteral("server device busy");
    case 8:
        return QStringLiteral("memory parity error");
    case 10:
        return QStringLiteral("gateway path unavailable");
    case 11:
        return QStringLiteral("gateway target device failed to respond");
    default:
        break;
    }
    return QStringLiteral("unknown exception code");
}

Quality exceptionQuality(int code)
{
    switch (code) {
    case 1:
    case 2:
    case 3:
        return Quality::BadConfigError; // the config asks for something the device lacks
    case 10:
    case 11:
        return Quality::BadCommFailure; // the gateway cannot reach the device
    default:
        break;
    }
    return Quality::BadDeviceFailure;
}

struct ModbusPoller::Shared
{
    mutable std::mutex mutex;
    std::vector<DeviceDiagnostics> devices;
};

class ModbusPoller::Worker : public QObject
{
    Q_OBJECT
public:
    struct OneShotRequest
    {
        TagId tag = kInvalidTag; // the written tag (writes)
        QModbusDataUnit unit; // a scan's range
        QModbusRequest writeRequest; // a write, built to the function code planWrite() chose
        QString what; // "12.5 to t/s/a/setpoint (holding 100..101)"
        WriteDone done;
        bool scan = false; // a read of a raw range for the "Scan registers" tool
        ReadDone readDone;
        QString verb() const
        {
            return scan ? QStringLiteral("reading") : QStringLiteral("writing");
        }
    };

    Worker(std::shared_ptr<const PlantModel> model, BatchHandler handler,
        ModbusPollerOptions options, std::shared_ptr<Shared> shared, QObject *owner)
        : m_owner(owner)
        , m_model(std::move(model))
        , m_handler(std::move(handler))
        , m_options(options)
        , m_shared(std::move(shared))
    { }

    void start();
    void shutdown();
    void enqueueOneShot(const QString &deviceId, const std::shared_ptr<OneShotRequest> &request);
    void pollAll()
    {
        for (const auto &d : m_devices) {
            for (const auto &g : d->groups)
                pollGroup(d.get(), g.get());
        }
    }

signals:
    void devicesChanged();

private:
    struct Device;
    struct Line;
    struct Group
    {
        QString name;
        int pollMs = 1000;
        std::vector<ReadRequest> requests;
        int pending = 0; // requests of the current cycle still queued or in flight
        QTimer *timer = nullptr;
    };
    struct Job
    {
        Device *device = nullptr;
        Group *group = nullptr; // null for a write
        std::size_t request = 0;
        std::shared_ptr<OneShotRequest> oneShot; // a write or a scan, not a poll
    };
    struct Device
    {
        const ModbusDevice *config = nullptr;
        std::size_t index = 0; // into Shared::devices
        Line *line = nullptr;
        std::vector<std::unique_ptr<Group>> groups;
        bool failing = false;
        bool healthy = false; // as last published in the diagnostics
        int backoffMs = 0;
        qint64 retryAtMs = 0; // monotonic ms; polls before this are skipped
        QHash<QString, int> loggedException; // request range -> last exception code logged
        QHash<TagId, Quality> analogQuality; // 4-20 mA inputs: NE 43 verdict last logged
        std::deque<qint64> requestTimes; // monotonic ms of recent requests
    };
    struct Line
    {
        QString key;
        std::unique_ptr<QModbusClient> client;
        std::deque<Job> queue;
        std::optional<Job> inFlight;
        QTimer connectTimer;
        std::unique_ptr<PtyTcpBridge> bridge; // rtu-over-tcp: the RTU client's "serial port"
        QPointer<QTcpSocket> socket; // the TCP client's socket, once connected
    };

    Line *lineFor(const ModbusDevice &d);
    void pollGroup(Device *device, Group *group);
    void pump(Line *line);
    void send(Line *line, Job job);
    void finished(Line *line, Job job, QModbusReply *reply, qint64 sentNs);
    void connectionFailed(Line *line, const QString &why);
    void deviceFailed(Device *device, const QString &why, Quality q);
    void deviceAnswered(Device *device);
    void failJob(const Job &job, Quality q, TimestampMs t);
    // A queued job that will not be sent: its tags go bad (a read) or its caller hears why.
    void abandon(const Job &job, Quality q, TimestampMs t, const QString &why);
    void oneShotFinished(Line *line, const Job &job, QModbusReply *reply);
    void reportOneShot(
        const Job &job, bool ok, const QString &error, const QList<quint16> &values = {});
    void emitSamples(SampleBatch &&batch);
    void analogVerdict(Device *device, TagId tag, const ModbusBinding &b, const DecodedValue &v);
    void updateDiag(const Device *device, const std::function<void(DeviceDiagnostics &)> &f);
    qint64 nowMs() const { return m_clock.elapsed(); }
    QString deviceName(const Device *d) const
    {
        return QStringLiteral("Modbus %1 (unit %2, %3)")
            .arg(d->config->id)
            .arg(d->config->unitId)
            .arg(d->config->endpoint());
    }

    QObject *m_owner; // the facade: write results are delivered on its thread
    std::shared_ptr<const PlantModel> m_model;
    BatchHandler m_handler;
    ModbusPollerOptions m_options;
    std::shared_ptr<Shared> m_shared;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<Device>> m_devices;
    std::vector<std::unique_ptr<Line>> m_lines;
    QTimer m_rateTimer { this }; // a child, so it moves to the Modbus thread with the worker
    bool m_stopping = false;
};

ModbusPoller::Worker::Line *ModbusPoller::Worker::lineFor(const ModbusDevice &d)
{
    // Devices on one serial port share its line and request queue; TCP devices each get
    // their own connection (a gateway's units could share one, but a silent unit behind it
    // must not hold up the socket of the others).
    const QString key = d.transport == ModbusTransport::Rtu
        ? QStringLiteral("serial:") + d.serialPort
        : QStringLiteral("device:") + d.id;
    for (const auto &l : m_lines) {
        if (l->key == key)
            return l.get();
    }
    auto line = std::make_unique<Line>();
    line->key = key;
    if (d.transport == ModbusTransport::Rtu || d.transport == ModbusTransport::RtuOverTcp) {
        auto client = std::make_unique<QModbusRtuSerialClient>();
        QString portName = d.serialPort;
        if (d.transport == ModbusTransport::RtuOverTcp) {
            // Qt's RTU client only opens serial ports: give it a pty whose other end is
            // relayed to the gateway's TCP port (CRC, framing and timing stay Qt's).
            line->bridge = std::make_unique<PtyTcpBridge>(d.host, d.port);
            if (!line->bridge->open())
                qCWarning(lcModbus).noquote()
                    << QStringLiteral("Modbus %1: %2").arg(d.id, line->bridge->error());
            portName = line->bridge->devicePath();
        }
        client->setConnectionParameter(QModbusDevice::SerialPortNameParameter, portName);
        client->setConnectionParameter(QModbusDevice::SerialBaudRateParameter, d.baud);
        client->setConnectionParameter(QModbusDevice::SerialDataBitsParameter,
            d.dataBits == 7 ? QSerialPort::Data7 : QSerialPort::Data8);
        client->setConnectionParameter(QModbusDevice::SerialStopBitsParameter,
            d.stopBits == 2 ? QSerialPort::TwoStop : QSerialPort::OneStop);
        client->setConnectionParameter(QModbusDevice::SerialParityParameter,
            // (A pty has no parity, and Linux refuses even parity on one: EINVAL.)
            d.parity == ModbusParity::None || line->bridge ? QSerialPort::NoParity
                : d.parity == ModbusParity::Even           ? QSerialPort::EvenParity
                                                           : QSerialPort::OddParity);
        if (d.interFrameUs > 0)
            client->setInterFrameDelay(d.interFrameUs);
        line->client = std::move(client);
    } else {
        auto client = std::make_unique<QModbusTcpClient>();
        client->setConnectionParameter(QModbusDevice::NetworkAddressParameter, d.host);
        client->setConnectionParameter(QModbusDevice::NetworkPortParameter, d.port);
        line->client = std::move(client);
    }
    Line *raw = line.get();
    line->connectTimer.setSingleShot(true);
    connect(&line->connectTimer, &QTimer::timeout, this, [this, raw] {
        raw->client->disconnectDevice();
        connectionFailed(raw, QStringLiteral("connecting took too long"));
    });
    connect(raw->client.get(), &QModbusDevice::stateChanged, this,
        [this, raw](QModbusDevice::State state) {
            if (m_stopping)
                return;
            if (state == QModbusDevice::ConnectedState) {
                raw->connectTimer.stop();
                // Requests are tiny and strictly request/reply: never let Nagle's
                // algorithm hold one back (libmodbus sets TCP_NODELAY too).
                raw->socket = raw->client->findChild<QTcpSocket *>();
                if (raw->socket)
                    raw->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                pump(raw);
            } else if (state == QModbusDevice::UnconnectedState && raw->connectTimer.isActive()) {
                raw->connectTimer.stop();
                connectionFailed(raw,
                    raw->client->errorString().isEmpty() ? QStringLiteral("connection refused")
                                                         : raw->client->errorString());
            }
        });
    m_lines.push_back(std::move(line));
    return raw;
}

void ModbusPoller::Worker::start()
{
    m_clock.start();
    for (const ModbusDevice &config : m_model->modbusDevices) {
        auto device = std::make_unique<Device>();
        device->config = &config;
        DeviceDiagnostics diag;
        diag.id = config.id;
        diag.transport = modbusTransportName(config.transport);
        diag.endpoint = config.endpoint();
        diag.unitId = config.unitId;

        std::vector<TagSpan> spans;
        for (const TagDef &tag : m_model->tags) {
            if (!tag.modbus || tag.modbus->device != config.id)
                continue;
            TagSpan s;
            s.tag = tag.id;
            s.table = tag.modbus->table;
            s.address = tag.modbus->address;
            s.count = tag.modbus->registerCount();
            s.group = tag.modbus->pollGroup;
            s.pollMs = tag.modbus->pollMs;
            spans.push_back(s);
        }
        PlanLimits limits;
        limits.maxGap = config.maxGap;
        const std::vector<ReadRequest> plan = planReads(std::move(spans), limits);
        diag.requestsPerCycle = static_cast<int>(plan.size());
        for (const ReadRequest &r : plan) {
            if (device->groups.empty() || device->groups.back()->name != r.group) {
                auto group = std::make_unique<Group>();
                group->name = r.group;
                group->pollMs = r.pollMs;
                device->groups.push_back(std::move(group));
            }
            device->groups.back()->requests.push_back(r);
        }
        device->index = m_devices.size();
        {
            std::lock_guard lock(m_shared->mutex);
            m_shared->devices.push_back(diag);
        }
        if (device->groups.empty()) {
            updateDiag(device.get(),
                [](DeviceDiagnostics &d) { d.state = QStringLiteral("idle (no tags)"); });
            m_devices.push_back(std::move(device));
            continue;
        }
        device->line = lineFor(config);
        Device *raw = device.get();
        for (auto &group : device->groups) {
            Group *g = group.get();
            g->timer = new QTimer(this);
            g->timer->setInterval(g->pollMs);
            connect(g->timer, &QTimer::timeout, this, [this, raw, g] { pollGroup(raw, g); });
            g->timer->start();
            // First cycle right away, not one interval after start-up.
            QTimer::singleShot(0, this, [this, raw, g] { pollGroup(raw, g); });
        }
        qCDebug(lcModbus).noquote()
            << deviceName(raw) << ":" << plan.size() << "read request(s) per cycle in"
            << raw->groups.size() << "poll group(s)";
        m_devices.push_back(std::move(device));
    }
    m_rateTimer.setInterval(500);
    connect(&m_rateTimer, &QTimer::timeout, this, [this] {
        const qint64 now = nowMs();
        for (const auto &d : m_devices) {
            while (!d->requestTimes.empty() && now - d->requestTimes.front() > kRateWindowMs)
                d->requestTimes.pop_front();
            const double rate
                = static_cast<double>(d->requestTimes.size()) * 1000.0 / kRateWindowMs;
            updateDiag(d.get(), [rate](DeviceDiagnostics &diag) { diag.requestsPerSecond = rate; });
        }
    });
    m_rateTimer.start();
}

void ModbusPoller::Worker::shutdown()
{
    m_stopping = true;
    m_rateTimer.stop();
    for (const auto &d : m_devices) {
        for (const auto &g : d->groups) {
            if (g->timer)
                g->timer->stop();
        }
    }
    for (const auto &l : m_lines) {
        l->connectTimer.stop();
        l->queue.clear();
        l->client->disconnect(this);
        l->client->disconnectDevice();
    }
    m_lines.clear(); // destroys the clients (and their pending replies) on this thread
}

void ModbusPoller::Worker::pollGroup(Device *device, Group *group)
{
    if (m_stopping)
        return;
    if (device->failing && nowMs() < device->retryAtMs)
        return; // backing off: no traffic for this device, the others go on
    if (group->pending > 0) {
        updateDiag(device, [](DeviceDiagnostics &d) { ++d.overruns; });
        return;
    }
    // While failing, one probe request at a time decides whether the device is back.
    const std::size_t count = device->failing ? 1 : group->requests.size();
    for (std::size_t i = 0; i < count; ++i)
        device->line->queue.push_back({ device, group, i, nullptr });
    group->pending = static_cast<int>(count);
    pump(device->line);
}

void ModbusPoller::Worker::pump(Line *line)
{
    if (m_stopping || line->inFlight || line->queue.empty())
        return;
    const QModbusDevice::State state = line->client->state();
    if (state == QModbusDevice::ConnectedState) {
        Job job = line->queue.front();
        line->queue.pop_front();
        send(line, job);
        return;
    }
    if (state == QModbusDevice::UnconnectedState) {
        for (const auto &d : m_devices) {
            if (d->line == line)
                updateDiag(d.get(),
                    [](DeviceDiagnostics &diag) { diag.state = QStringLiteral("connecting"); });
        }
        int timeoutMs = kMinConnectTimeoutMs;
        for (const Job &j : line->queue)
            timeoutMs = std::max(timeoutMs, j.device->config->timeoutMs);
        line->connectTimer.start(timeoutMs);
        if (!line->client->connectDevice()) {
            line->connectTimer.stop();
            connectionFailed(line, line->client->errorString());
        }
    }
    // Connecting/closing: stateChanged calls pump again.
}

void ModbusPoller::Worker::send(Line *line, Job job)
{
    Device *device = job.device;
    // One request at a time per line, so per-device timeouts can be set per request.
    line->client->setTimeout(device->config->timeoutMs);
    line->client->setNumberOfRetries(device->config->retries);
    const qint64 sentNs = m_clock.nsecsElapsed();
    device->requestTimes.push_back(sentNs / 1'000'000);
    updateDiag(device, [](DeviceDiagnostics &d) { ++d.requests; });
    QModbusReply *reply = nullptr;
    if (job.oneShot) {
        // Writes go raw: Qt's sendWriteRequest() picks FC5/FC6 for one value by itself, but
        // some devices accept only FC15/FC16 (write_multiple).
        reply = job.oneShot->scan
            ? line->client->sendReadRequest(job.oneShot->unit, device->config->unitId)
            : line->client->sendRawRequest(job.oneShot->writeRequest, device->config->unitId);
    } else {
        const ReadRequest &r = job.group->requests[job.request];
        const QModbusDataUnit unit(registerType(r.table), r.start, static_cast<quint16>(r.count));
        reply = line->client->sendReadRequest(unit, device->config->unitId);
    }
    // QAbstractSocket sends buffered data only on the next event-loop pass; send it now,
    // since nothing else will be written before the reply.
    if (line->socket)
        line->socket->flush();
    if (!reply) {
        const QString why = QStringLiteral("cannot send a request: ") + line->client->errorString();
        abandon(job, Quality::BadCommFailure, nowUtcMs(), why);
        deviceFailed(device, why, Quality::BadCommFailure);
        pump(line);
        return;
    }
    line->inFlight = job;
    const auto done = [this, line, job, reply, sentNs] {
        if (job.oneShot)
            oneShotFinished(line, job, reply);
        else
            finished(line, job, reply, sentNs);
    };
    if (reply->isFinished()) {
        done();
        return;
    }
    connect(reply, &QModbusReply::finished, this, done);
}

void ModbusPoller::Worker::analogVerdict(
    Device *device, TagId tag, const ModbusBinding &b, const DecodedValue &v)
{
    const auto last = device->analogQuality.constFind(tag);
    const bool changed = last == device->analogQuality.constEnd() ? !isGood(v.q) : *last != v.q;
    device->analogQuality.insert(tag, v.q);
    if (!changed)
        return;
    const QString where = deviceName(device) + QLatin1Char(' ')
        + addressText(device->config->addressing, b.table, b.address, b.registerCount())
        + QStringLiteral(" (") + m_model->tags[tag].path + QLatin1Char(')');
    if (isGood(v.q)) {
        qCInfo(lcModbus).noquote() << where + QStringLiteral(": NE 43: signal back in range");
        return;
    }
    const QString message = where + QStringLiteral(": ") + v.error;
    qCWarning(lcModbus).noquote() << message;
    updateDiag(device, [message](DeviceDiagnostics &d) {
        ++d.signalFaults;
        d.lastSignalFault = message;
    });
}

void ModbusPoller::Worker::finished(Line *line, Job job, QModbusReply *reply, qint64 sentNs)
{
    reply->deleteLater();
    line->inFlight.reset();
    if (m_stopping)
        return;
    Device *device = job.device;
    Group *group = job.group;
    --group->pending;
    // Only the exception branch changes group->requests, after its last use of `request`.
    const ReadRequest &request = group->requests[job.request];
    const TimestampMs t = nowUtcMs();

    switch (reply->error()) {
    case QModbusDevice::NoError: {
        const double rtt = static_cast<double>(m_clock.nsecsElapsed() - sentNs) / 1e6;
        updateDiag(device, [rtt, t](DeviceDiagnostics &d) {
            ++d.answers;
            d.lastRttMs = rtt;
            d.avgRttMs = d.answers == 1 ? rtt : d.avgRttMs + kRttAlpha * (rtt - d.avgRttMs);
            d.lastAnswerMs = t;
        });
        const bool wasFailing = device->failing;
        deviceAnswered(device);
        if (!device->loggedException.isEmpty())
            device->loggedException.remove(rangeText(request));
        const QModbusDataUnit unit = reply->result();
        const QList<quint16> values = unit.values();
        SampleBatch batch;
        batch.reserve(request.items.size());
        std::uint64_t decodeErrors = 0;
        for (const ReadRequest::Slot &slot : request.items) {
            const ModbusBinding &b = *m_model->tags[slot.tag].modbus;
            DecodedValue v;
            if (slot.offset + slot.count > values.size()) {
                v = { kNaN, Quality::BadDecodeError, QStringLiteral("short reply") };
            } else if (isBitTable(request.table)) {
                v = decodeBit(b, values[slot.offset] != 0);
            } else {
                v = decodeRegisters(b,
                    std::span<const std::uint16_t>(
                        values.constData() + slot.offset, static_cast<std::size_t>(slot.count)));
            }
            if (b.analog && std::isfinite(v.value)) {
                // A 4-20 mA signal outside NE 43's limits is the sensor's state, not a decode
                // problem: logged when the verdict changes, shown in the diagnostics.
                analogVerdict(device, slot.tag, b, v);
            } else if (!isGood(v.q)) {
                ++decodeErrors;
                qCDebug(lcModbus).noquote()
                    << deviceName(device) << m_model->tags[slot.tag].path << ":" << v.error;
            }
            batch.push_back({ slot.tag, t, v.value, v.q });
        }
        if (decodeErrors)
            updateDiag(
                device, [decodeErrors](DeviceDiagnostics &d) { d.decodeErrors += decodeErrors; });
        emitSamples(std::move(batch));
        if (wasFailing) {
            // The probe answered: poll everything of this device again right away.
            for (const auto &g : device->groups) {
                if (g->pending == 0)
                    QTimer::singleShot(
                        0, this, [this, device, gr = g.get()] { pollGroup(device, gr); });
            }
        }
        break;
    }
    case QModbusDevice::ProtocolError: {
        // The exception code is the first data byte of an exception response (§7). Read it
        // from the data, not with QModbusPdu::exceptionCode(): see connectors/CMakeLists.txt.
        const QByteArray pdu = reply->rawResult().data();
        const int code = pdu.isEmpty() ? 0 : static_cast<quint8>(pdu.at(0));
        updateDiag(device, [t](DeviceDiagnostics &d) {
            ++d.answers;
            ++d.exceptions;
            d.lastAnswerMs = t;
        });
        deviceAnswered(device);
        // One unknown address must not blank its neighbours: read the tags one by one.
        const QString range = rangeText(request);
        if (code == 2 && request.items.size() > 1) {
            std::vector<ReadRequest> single = planSingly(request);
            group->requests.erase(group->requests.begin() + static_cast<long>(job.request));
            group->requests.insert(group->requests.begin() + static_cast<long>(job.request),
                single.begin(), single.end());
            qCInfo(lcModbus).noquote()
                << QStringLiteral("%1: %2 answers \"illegal data address\"; reading its %3 "
                                  "tags one by one to find the bad one")
                       .arg(deviceName(device), range)
                       .arg(single.size());
            // The rest of this cycle's queue keeps the old indices: drop it, poll again.
            std::erase_if(line->queue, [group](const Job &j) { return j.group == group; });
            group->pending = 0;
            QTimer::singleShot(0, this, [this, device, group] { pollGroup(device, group); });
            break;
        }
        const QString why = QStringLiteral("exception %1, %2, reading %3")
                                .arg(code)
                                .arg(exceptionText(code), range);
        updateDiag(device, [why](DeviceDiagnostics &d) {
            d.lastException = why;
            d.lastError = why;
        });
        if (device->loggedException.value(range, -1) != code) {
            device->loggedException.insert(range, code);
            qCWarning(lcModbus).noquote() << deviceName(device) + QStringLiteral(": ") + why;
        }
        failJob(job, exceptionQuality(code), t);
        break;
    }
    case QModbusDevice::TimeoutError:
        updateDiag(device, [](DeviceDiagnostics &d) { ++d.timeouts; });
        deviceFailed(device,
            QStringLiteral("no answer within %1 ms (%2 retries) reading %3")
                .arg(device->config->timeoutMs)
                .arg(device->config->retries)
                .arg(rangeText(request)),
            Quality::BadCommFailure);
        failJob(job, Quality::BadCommFailure, t);
        break;
    case QModbusDevice::InvalidResponseError:
        updateDiag(device, [](DeviceDiagnostics &d) { ++d.invalidResponses; });
        deviceFailed(device,
            QStringLiteral("invalid response reading %1: %2")
                .arg(rangeText(request), reply->errorString()),
            Quality::BadCommFailure);
        failJob(job, Quality::BadCommFailure, t);
        break;
    default:
        updateDiag(device, [](DeviceDiagnostics &d) { ++d.connectionErrors; });
        deviceFailed(device,
            QStringLiteral("reading %1 failed: %2").arg(rangeText(request), reply->errorString()),
            Quality::BadCommFailure);
        failJob(job, Quality::BadCommFailure, t);
        break;
    }
    pump(line);
}

void ModbusPoller::Worker::connectionFailed(Line *line, const QString &why)
{
    // Every device waiting on this line fails; their queued jobs are dropped.
    std::vector<Device *> affected;
    for (const Job &j : line->queue) {
        if (std::find(affected.begin(), affected.end(), j.device) == affected.end())
            affected.push_back(j.device);
    }
    const TimestampMs t = nowUtcMs();
    const std::deque<Job> jobs = std::move(line->queue);
    line->queue.clear();
    for (const Job &j : jobs)
        abandon(j, Quality::BadCommFailure, t, QStringLiteral("cannot connect: ") + why);
    for (Device *d : affected) {
        updateDiag(d, [](DeviceDiagnostics &diag) { ++diag.connectionErrors; });
        deviceFailed(d, QStringLiteral("cannot connect: ") + why, Quality::BadCommFailure);
    }
}

void ModbusPoller::Worker::deviceFailed(Device *device, const QString &why, Quality q)
{
    const bool first = !device->failing;
    device->failing = true;
    device->healthy = false;
    device->backoffMs = first ? m_options.backoffInitialMs
                              : std::min(device->backoffMs * 2, m_options.backoffMaxMs);
    device->retryAtMs = nowMs() + device->backoffMs;
    // Its other queued requests would only time out too: answer them Bad now.
    const TimestampMs t = nowUtcMs();
    Line *line = device->line;
    if (line) {
        std::deque<Job> keep;
        for (const Job &j : line->queue) {
            if (j.device == device) {
                abandon(j, q, t, why);
            } else {
                keep.push_back(j);
            }
        }
        line->queue = std::move(keep);
    }
    const int backoff = device->backoffMs;
    updateDiag(device, [why, backoff](DeviceDiagnostics &d) {
        d.healthy = false;
        d.state = QStringLiteral("backoff");
        d.lastError = why;
        d.backoffMs = backoff;
    });
    if (first) {
        qCWarning(lcModbus).noquote()
            << QStringLiteral("%1: %2; tags are bad, retrying in %3 ms, backing off to %4 ms")
                   .arg(deviceName(device), why)
                   .arg(backoff)
                   .arg(m_options.backoffMaxMs);
        emit devicesChanged();
    } else {
        qCDebug(lcModbus).noquote()
            << deviceName(device) << ":" << why << "; next try in" << backoff << "ms";
    }
}

void ModbusPoller::Worker::deviceAnswered(Device *device)
{
    if (device->healthy)
        return; // the usual case: nothing changes
    device->healthy = true;
    const bool recovered = device->failing;
    device->failing = false;
    device->backoffMs = 0;
    updateDiag(device, [](DeviceDiagnostics &d) {
        d.healthy = true;
        d.state = QStringLiteral("polling");
        d.backoffMs = 0;
    });
    if (recovered) {
        qCInfo(lcModbus).noquote() << deviceName(device) + QStringLiteral(": answers again");
        emit devicesChanged();
    }
}

void ModbusPoller::Worker::failJob(const Job &job, Quality q, TimestampMs t)
{
    const ReadRequest &r = job.group->requests[job.request];
    SampleBatch batch;
    batch.reserve(r.items.size());
    for (const ReadRequest::Slot &slot : r.items)
        batch.push_back({ slot.tag, t, kNaN, q });
    emitSamples(std::move(batch));
}

void ModbusPoller::Worker::emitSamples(SampleBatch &&batch)
{
    if (!batch.empty() && m_handler)
        m_handler(std::move(batch));
}

void ModbusPoller::Worker::updateDiag(
    const Device *device, const std::function<void(DeviceDiagnostics &)> &f)
{
    std::lock_guard lock(m_shared->mutex);
    if (device->index < m_shared->devices.size())
        f(m_shared->devices[device->index]);
}

void ModbusPoller::Worker::abandon(const Job &job, Quality q, TimestampMs t, const QString &why)
{
    if (job.oneShot) {
        reportOneShot(job, false, why);
        return;
    }
    --job.group->pending;
    failJob(job, q, t);
}

void ModbusPoller::Worker::enqueueOneShot(
    const QString &deviceId, const std::shared_ptr<OneShotRequest> &request)
{
    Job job;
    job.oneShot = request;
    for (const auto &d : m_devices) {
        if (d->config->id == deviceId)
            job.device = d.get();
    }
    if (m_stopping || !job.device) {
        reportOneShot(job, false, QStringLiteral("no Modbus device ") + deviceId);
        return;
    }
    if (!job.device->line)
        job.device->line = lineFor(*job.device->config); // a device without tags can be scanned
    if (job.device->failing) {
        reportOneShot(job, false,
            QStringLiteral("device %1 is not answering; try again when it is back")
                .arg(job.device->config->id));
        return;
    }
    job.device->line->queue.push_front(job); // an operator's request goes before routine polls
    pump(job.device->line);
}

void ModbusPoller::Worker::oneShotFinished(Line *line, const Job &job, QModbusReply *reply)
{
    reply->deleteLater();
    line->inFlight.reset();
    if (m_stopping)
        return;
    Device *device = job.device;
    switch (reply->error()) {
    case QModbusDevice::NoError: {
        updateDiag(device, [t = nowUtcMs()](DeviceDiagnostics &d) {
            ++d.answers;
            d.lastAnswerMs = t;
        });
        deviceAnswered(device);
        if (job.oneShot->scan) {
            // Bit reads come back padded to whole bytes: keep what was asked for.
            reportOneShot(job, true, QString(),
                reply->result().values().mid(0, job.oneShot->unit.valueCount()));
            break;
        }
        qCInfo(lcModbus).noquote()
            << deviceName(device) + QStringLiteral(": wrote ") + job.oneShot->what;
        reportOneShot(job, true, QString());
        // Read the new value back with its group.
        const QString &groupName = m_model->tags[job.oneShot->tag].modbus->pollGroup;
        for (const auto &g : device->groups) {
            if (g->name == groupName && g->pending == 0)
                pollGroup(device, g.get());
        }
        break;
    }
    case QModbusDevice::ProtocolError: {
        const QByteArray pdu = reply->rawResult().data();
        const int code = pdu.isEmpty() ? 0 : static_cast<quint8>(pdu.at(0));
        updateDiag(device, [](DeviceDiagnostics &d) {
            ++d.answers;
            ++d.exceptions;
        });
        deviceAnswered(device);
        const QString why = QStringLiteral("exception %1, %2, %3 %4")
                                .arg(code)
                                .arg(exceptionText(code), job.oneShot->verb(), job.oneShot->what);
        updateDiag(device, [why](DeviceDiagnostics &d) { d.lastException = d.lastError = why; });
        qCWarning(lcModbus).noquote() << deviceName(device) + QStringLiteral(": ") + why;
        reportOneShot(job, false, why);
        break;
    }
    default: {
        const bool timeout = reply->error() == QModbusDevice::TimeoutError;
        updateDiag(device,
            [timeout](DeviceDiagnostics &d) { ++(timeout ? d.timeouts : d.connectionErrors); });
        const QString why
            = (timeout ? QStringLiteral("no answer within %1 ms %2 %3")
                             .arg(device->config->timeoutMs)
                             .arg(job.oneShot->verb(), job.oneShot->what)
                       : QStringLiteral("%1 %2 failed: %3")
                             .arg(job.oneShot->verb(), job.oneShot->what, reply->errorString()));
        reportOneShot(job, false,
            job.oneShot->scan
                ? why
                : why + QStringLiteral(" (the value may or may not have been written)"));
        deviceFailed(device, why, Quality::BadCommFailure);
        break;
    }
    }
    pump(line);
}

void ModbusPoller::Worker::reportOneShot(
    const Job &job, bool ok, const QString &error, const QList<quint16> &values)
{
    if (job.oneShot->scan) {
        if (job.oneShot->readDone)
            QMetaObject::invokeMethod(
                m_owner, [done = job.oneShot->readDone, values, error] { done(values, error); },
                Qt::QueuedConnection);
        return;
    }
    if (!job.oneShot->done)
        return;
    QMetaObject::invokeMethod(
        m_owner, [done = job.oneShot->done, ok, error] { done(ok, error); }, Qt::QueuedConnection);
}

// ---- facade ----

ModbusPoller::ModbusPoller(std::shared_ptr<const PlantModel> model, BatchHandler handler,
    ModbusPollerOptions options, QObject *parent)
    : QObject(parent)
    , m_model(std::move(model))
    , m_handler(std::move(handler))
    , m_options(options)
    , m_shared(std::make_shared<Shared>())
{ }

ModbusPoller::~ModbusPoller()
{
    stop();
}

bool ModbusPoller::hasModbusTags(const PlantModel &model)
{
    return std::any_of(
        model.tags.begin(), model.tags.end(), [](const TagDef &t) { return t.modbus.has_value(); });
}

void ModbusPoller::start()
{
    if (m_thread)
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->devices.clear();
    }
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("andon-modbus"));
    m_worker = new Worker(m_model, m_handler, m_options, m_shared, this); // deleted on its thread
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::devicesChanged, this, &ModbusPoller::devicesChanged,
        Qt::QueuedConnection);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->start(); }, Qt::QueuedConnection);
}

void ModbusPoller::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_worker = nullptr;
    std::lock_guard lock(m_shared->mutex);
    for (DeviceDiagnostics &d : m_shared->devices) {
        d.state = QStringLiteral("stopped");
        d.healthy = false;
    }
}

void ModbusPoller::pollNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { w->pollAll(); }, Qt::QueuedConnection);
}

void ModbusPoller::write(TagId tag, double value, WriteDone done)
{
    const auto fail = [this, &done](const QString &why) {
        QMetaObject::invokeMethod(
            this,
            [done, why] {
                if (done)
                    done(false, why);
            },
            Qt::QueuedConnection);
    };
    if (tag >= m_model->tags.size() || !m_model->tags[tag].modbus) {
        fail(QStringLiteral("the tag is not bound to a Modbus device"));
        return;
    }
    const TagDef &def = m_model->tags[tag];
    const ModbusBinding &b = *def.modbus;
    if (!b.writable) {
        fail(QStringLiteral("%1 is read-only (set writable: true in its modbus binding to allow "
                            "writes)")
                 .arg(def.path));
        return;
    }
    const WritePlan plan = planWrite(b, value);
    if (!plan.ok()) {
        fail(def.path + QStringLiteral(": ") + plan.error);
        return;
    }
    if (!m_worker) {
        fail(QStringLiteral("Modbus polling is not running"));
        return;
    }
    // PDUs of Modbus Application Protocol V1.1b3 §6.5 (FC5: coil on = 0xFF00), §6.6 (FC6),
    // §6.11 (FC15: quantity, byte count, bits LSB first) and §6.12 (FC16).
    QByteArray pdu;
    const auto put16 = [&pdu](int v) {
        pdu.append(static_cast<char>((v >> 8) & 0xFF));
        pdu.append(static_cast<char>(v & 0xFF));
    };
    put16(b.address);
    const auto count = static_cast<int>(plan.values.size());
    switch (plan.functionCode) {
    case kFcWriteSingleCoil:
        put16(plan.values.front() ? 0xFF00 : 0x0000);
        break;
    case kFcWriteSingleRegister:
        put16(plan.values.front());
        break;
    case kFcWriteMultipleCoils:
        put16(count);
        pdu.append(static_cast<char>((count + 7) / 8));
        for (int i = 0; i < count; i += 8) {
            int byte = 0;
            for (int bit = 0; bit < 8 && i + bit < count; ++bit)
                byte |= (plan.values[static_cast<std::size_t>(i + bit)] ? 1 : 0) << bit;
            pdu.append(static_cast<char>(byte));
        }
        break;
    default: // kFcWriteMultipleRegisters
        put16(count);
        pdu.append(static_cast<char>(2 * count));
        for (const std::uint16_t r : plan.values)
            put16(r);
        break;
    }
    ReadRequest range;
    range.table = b.table;
    range.start = b.address;
    range.count = b.registerCount();
    const QString what = QString::number(value, 'g', 12) + QStringLiteral(" to ") + def.path
        + QStringLiteral(" (") + rangeText(range) + QStringLiteral(", FC")
        + QString::number(plan.functionCode) + QLatin1Char(')');
    auto request = std::make_shared<Worker::OneShotRequest>();
    request->tag = tag;
    request->writeRequest
        = QModbusRequest(static_cast<QModbusPdu::FunctionCode>(plan.functionCode), pdu);
    request->what = what;
    request->done = std::move(done);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, device = b.device, request] { w->enqueueOneShot(device, request); },
        Qt::QueuedConnection);
}

void ModbusPoller::readRange(
    const QString &device, ModbusTable table, int start, int count, ReadDone done)
{
    const int limit = isBitTable(table) ? kMaxReadBits : kMaxReadRegisters;
    QString error;
    if (!m_model->modbusDevice(device))
        error = QStringLiteral("no Modbus device ") + device;
    else if (count < 1 || count > limit || start < 0 || start + count > 65536)
        error = QStringLiteral("a read covers 1 to %1 %2 within addresses 0-65535")
                    .arg(limit)
                    .arg(isBitTable(table) ? QStringLiteral("bits") : QStringLiteral("registers"));
    else if (!m_worker)
        error = QStringLiteral("Modbus polling is not running");
    if (!error.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [done, error] {
                if (done)
                    done({}, error);
            },
            Qt::QueuedConnection);
        return;
    }
    ReadRequest range;
    range.table = table;
    range.start = start;
    range.count = count;
    auto request = std::make_shared<Worker::OneShotRequest>();
    request->unit = QModbusDataUnit(registerType(table), start, static_cast<quint16>(count));
    request->what = rangeText(range);
    request->scan = true;
    request->readDone = std::move(done);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, device, request] { w->enqueueOneShot(device, request); },
        Qt::QueuedConnection);
}

bool ModbusPoller::isRunning() const
{
    return m_thread != nullptr;
}

std::vector<DeviceDiagnostics> ModbusPoller::diagnostics() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->devices;
}

} // namespace andon::modbus

#include "modbus_poller.moc"
