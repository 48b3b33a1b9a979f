// Benchmark (not a test): Modbus poll cycle time for 1,000 holding registers in 10 poll groups
// against the pymodbus TCP peer (tests/peers/modbus_server.py) on 127.0.0.1, Andon's
// ModbusPoller vs a plain libmodbus loop reading the same registers, in the same run.
// Prints the median cycle times, their ratio (target <= 1.5) and requests per cycle.
//   bench_modbus [--cycles N] [--rounds N]
#include "connectors/modbus/modbus_poller.h"
#include "core/config_loader.h"

#include <modbus.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <vector>

using namespace andon;

namespace {

constexpr int kRegisters = 1000;
constexpr int kGroups = 10;
constexpr int kPerGroup = kRegisters / kGroups;

int freePort()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Counts samples delivered by the poller (on its thread) and wakes the benchmark thread.
struct Counter
{
    std::mutex mutex;
    std::condition_variable cv;
    long samples = 0;
    long bad = 0;
    long target = 0; // wake the waiting thread only then: a wake-up per batch costs the poller
    bool waitFor(long until, int timeoutMs)
    {
        std::unique_lock lock(mutex);
        target = until;
        return cv.wait_for(
            lock, std::chrono::milliseconds(timeoutMs), [&] { return samples >= until; });
    }
};

std::vector<double> libmodbusCycles(modbus_t *ctx, int cycles)
{
    std::vector<double> out;
    std::vector<std::uint16_t> buf(kPerGroup);
    std::vector<double> values(kRegisters);
    QElapsedTimer t;
    for (int c = 0; c < cycles; ++c) {
        t.start();
        for (int g = 0; g < kGroups; ++g) {
            if (modbus_read_registers(ctx, g * kPerGroup, kPerGroup, buf.data()) != kPerGroup) {
                std::fprintf(stderr, "libmodbus read failed: %s\n", modbus_strerror(errno));
                return {};
            }
            for (int i = 0; i < kPerGroup; ++i)
                values[static_cast<std::size_t>(g * kPerGroup + i)]
                    = buf[static_cast<std::size_t>(i)];
        }
        out.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return out;
}

std::vector<double> andonCycles(modbus::ModbusPoller &poller, Counter &counter, int cycles)
{
    std::vector<double> out;
    QElapsedTimer t;
    for (int c = 0; c < cycles; ++c) {
        long target;
        {
            std::lock_guard lock(counter.mutex);
            target = counter.samples + kRegisters;
        }
        t.start();
        poller.pollNow();
        if (!counter.waitFor(target, 10000)) {
            std::fprintf(stderr, "Andon poll cycle did not complete\n");
            return {};
        }
        out.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int cycles = 200;
    int rounds = 3;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--cycles")
            cycles = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--rounds")
            rounds = std::max(1, args[i + 1].toInt());
    }

    const int port = freePort();
    const QString peers = QStringLiteral(ANDON_SOURCE_DIR "/tests/peers");
    QProcess peer;
    peer.start(QStringLiteral("/usr/bin/python3"),
        { peers + QStringLiteral("/modbus_server.py"), QStringLiteral("--layout"),
            peers + QStringLiteral("/modbus_layout.json"), QStringLiteral("--tcp"),
            QString::number(port), QStringLiteral("--registers"), QString::number(kRegisters) });
    for (int i = 0; i < 100 && !peer.canReadLine(); ++i)
        peer.waitForReadyRead(100);
    if (peer.readLine().trimmed() != "ready") {
        std::fprintf(
            stderr, "pymodbus peer did not start: %s\n", peer.readAllStandardError().constData());
        return 1;
    }

    // 10 groups of 100 uint16 tags; poll_ms is a day so only pollNow() drives cycles.
    QString yaml
        = QStringLiteral("andon: 1\nplant: { enterprise: b }\nconnections:\n  modbus:\n"
                         "    - { id: plc, port: %1, poll_ms: 86400000, timeout_ms: 2000 }\n"
                         "sites:\n  - name: s\n    areas:\n      - name: a\n        tags:\n")
              .arg(port);
    for (int r = 0; r < kRegisters; ++r)
        yaml += QStringLiteral("          - { name: r%1, modbus: { table: holding, address: %1, "
                               "poll_group: g%2 } }\n")
                    .arg(r)
                    .arg(r / kPerGroup);
    const ConfigResult config
        = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("bench.yaml"));
    if (!config.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(config.formattedMessages().join(u'\n')));
        return 1;
    }
    Counter counter;
    modbus::ModbusPoller poller(config.model, [&counter](SampleBatch &&batch) {
        std::lock_guard lock(counter.mutex);
        counter.samples += static_cast<long>(batch.size());
        for (const Sample &s : batch)
            counter.bad += isGood(s.q) ? 0 : 1;
        if (counter.samples >= counter.target)
            counter.cv.notify_all();
    });
    poller.start();
    if (!counter.waitFor(kRegisters, 10000)) { // the first cycle runs at start
        std::fprintf(stderr, "Andon did not connect\n");
        return 1;
    }

    modbus_t *ctx = modbus_new_tcp("127.0.0.1", port);
    if (!ctx || modbus_connect(ctx) != 0) {
        std::fprintf(stderr, "libmodbus cannot connect: %s\n", modbus_strerror(errno));
        return 1;
    }
    modbus_set_slave(ctx, 1);

    libmodbusCycles(ctx, 20); // warm-up both
    andonCycles(poller, counter, 20);
    std::vector<double> lib;
    std::vector<double> andon;
    for (int r = 0; r < rounds; ++r) {
        const auto l = libmodbusCycles(ctx, cycles);
        const auto a = andonCycles(poller, counter, cycles);
        if (l.empty() || a.empty())
            return 1;
        lib.insert(lib.end(), l.begin(), l.end());
        andon.insert(andon.end(), a.begin(), a.end());
    }
    modbus_close(ctx);
    modbus_free(ctx);

    const auto diag = poller.diagnostics().front();
    poller.stop();
    peer.kill();
    peer.waitForFinished(3000);

    const double libMs = median(lib);
    const double andonMs = median(andon);
    std::printf("Modbus poll cycle, %d holding registers in %d groups, pymodbus %s on 127.0.0.1, "
                "%d rounds x %d cycles\n",
        kRegisters, kGroups, "3.0", rounds, cycles);
    std::printf("  libmodbus loop : median %.3f ms/cycle, %d requests/cycle\n", libMs, kGroups);
    std::printf("  Andon poller   : median %.3f ms/cycle, %d requests/cycle (uncoalesced: %d)\n",
        andonMs, diag.requestsPerCycle, kRegisters);
    std::printf("  ratio Andon/libmodbus: %.2f (target <= 1.5)  avg rtt %.2f ms, bad samples %ld\n",
        libMs > 0 ? andonMs / libMs : 0.0, diag.avgRttMs, counter.bad);
    return 0;
}
