// Polls the plant's Modbus devices (TCP and RTU) on one worker QThread with Qt SerialBus and
// hands the values out as SampleBatches. Owned by the Engine (or a test); its public methods
// are called from the owner's thread, diagnostics() from any thread.
#pragma once

#include "core/plant_model.h"
#include "core/sample.h"

#include <QList>
#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace andon::modbus {

// Communication health of one device, for the Connections page and andon-cli.
struct DeviceDiagnostics
{
    QString id;
    QString transport; // "tcp", "rtu", "rtu-over-tcp"
    QString endpoint; // "127.0.0.1:502", "/dev/ttyUSB0@19200 8E1"
    int unitId = 1;
    QString state = QStringLiteral("not started"); // "connecting", "polling", "backoff", ...
    bool healthy = false; // answered its last request (an exception reply is an answer)
    double lastRttMs = 0; // request -> reply of the last answer
    double avgRttMs = 0; // exponential average (alpha 0.2) of answered requests
    double requestsPerSecond = 0;
    int requestsPerCycle = 0; // planned read requests over all of its poll groups
    std::uint64_t requests = 0;
    std::uint64_t answers = 0; // replies with data or with an exception code
    std::uint64_t timeouts = 0;
    std::uint64_t exceptions = 0; // exception replies (any code)
    std::uint64_t connectionErrors = 0; // cannot connect, connection lost, port not open
    std::uint64_t invalidResponses = 0; // garbage, CRC errors, wrong lengths
    std::uint64_t decodeErrors = 0; // values that could not be decoded (NaN, text)
    std::uint64_t overruns = 0; // poll cycles skipped because the last one ran on
    QString lastException; // "exception 2 (illegal data address) reading holding 100..109"
    QString lastError; // the last failure of any kind, in words
    // 4-20 mA inputs (`analog:`) that went out of NAMUR NE 43 limits, and the last such
    // message ("Modbus io1 (unit 1, ...) input 3 (plant/.../p1): NE 43: 0 mA < 3.8 mA, ...").
    std::uint64_t signalFaults = 0;
    QString lastSignalFault;
    TimestampMs lastAnswerMs = 0;
    int backoffMs = 0; // current retry delay while the device is failing
};

struct ModbusPollerOptions
{
    // Retry delay of a failing device: doubles from initial to max while it stays silent.
    int backoffInitialMs = 1000;
    int backoffMaxMs = 30000;
};

class ModbusPoller : public QObject
{
    Q_OBJECT
public:
    // Called on the Modbus thread with every batch; must be thread-safe (Engine::ingest).
    using BatchHandler = std::function<void(SampleBatch &&)>;
    // Result of a write, called on the poller's owner thread; `error` says why in words.
    using WriteDone = std::function<void(bool ok, const QString &error)>;

    ModbusPoller(std::shared_ptr<const PlantModel> model, BatchHandler handler,
        ModbusPollerOptions options = {}, QObject *parent = nullptr);
    ~ModbusPoller() override; // stops the thread

    // True when some tag of the model is bound to a Modbus device.
    static bool hasModbusTags(const PlantModel &model);

    void start(); // starts the thread and the poll timers; no-op when running
    void stop(); // disconnects every device and joins the thread
    bool isRunning() const;
    // Polls every group of every device once now, besides the timers (a "refresh" action;
    // the benchmark). Groups still busy with their last cycle are skipped.
    void pollNow();

    // Writes `value` (engineering units; raw = (value - offset) / scale) to a tag whose binding
    // says `writable: true`: FC5 for a coil, FC6 for a one-register value, FC16 for wider
    // ones. Goes before queued polls; the tag's group is polled right after a good write, so
    // the new value shows up. `done` is always called, later, on this object's thread.
    // The caller is responsible for confirmation and the audit journal.
    void write(TagId tag, double value, WriteDone done);

    // Reads `count` raw registers (or bits) of `table` from `device` once, ahead of the polls:
    // the back end of the "Scan registers" tool (see interpretRegisters() in modbus_codec.h).
    // `done(values, error)` is called later on this object's thread; error is "" on success.
    using ReadDone = std::function<void(const QList<quint16> &values, const QString &error)>;
    void readRange(const QString &device, ModbusTable table, int start, int count, ReadDone done);

    std::vector<DeviceDiagnostics> diagnostics() const; // thread-safe snapshot

signals:
    // A device changed state (connected, failing, recovered). Emitted on the owner's thread.
    void devicesChanged();

private:
    class Worker;
    struct Shared;
    std::shared_ptr<const PlantModel> m_model;
    BatchHandler m_handler;
    ModbusPollerOptions m_options;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr; // lives on m_thread, deleted there
};

// Reason for a Modbus exception code in words (Modbus Application Protocol V1.1b3 §7).
QString exceptionText(int code);
// The Quality of a tag whose read got exception `code`.
Quality exceptionQuality(int code);

} // namespace andon::modbus
