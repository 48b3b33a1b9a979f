// andon-cli ingest: the headless logger. Same Engine as the GUI; runs until SIGINT/SIGTERM or
// for --seconds, then flushes the historian and exits cleanly.
#include "app/cli/commands.h"

#include "core/config_loader.h"
#include "engine/engine.h"
#include "engine/kpi_publisher.h"
#include "storage/historian.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace andon::cli {

namespace {
std::atomic<int> g_stopSignal{0};
extern "C" void onStopSignal(int sig)
{
    g_stopSignal.store(sig);
}
constexpr int kSignalPollMs = 100;
} // namespace

int runIngest(const QStringList &args)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("config"), QStringLiteral("Plant configuration"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("db"), QStringLiteral("Historian file"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("Stop after N seconds"), QStringLiteral("N")});
    parser.addOption({QStringLiteral("mqtt-port"), QStringLiteral("Override every MQTT port"), QStringLiteral("N")});
    if (!parser.parse(QStringList{QStringLiteral("ingest")} + args) || !parser.positionalArguments().isEmpty()
        || !parser.isSet(QStringLiteral("config"))) {
        err << "usage: andon-cli ingest --config FILE [--db FILE] [--seconds N] [--mqtt-port N]\n";
        if (!parser.errorText().isEmpty())
            err << parser.errorText() << '\n';
        return 2;
    }
    bool ok = true;
    double seconds = 0;
    if (parser.isSet(QStringLiteral("seconds"))) {
        seconds = parser.value(QStringLiteral("seconds")).toDouble(&ok);
        if (!ok || seconds <= 0) {
            err << "andon-cli ingest: --seconds expects a positive number\n";
            return 2;
        }
    }
    int port = 0;
    if (parser.isSet(QStringLiteral("mqtt-port"))) {
        port = parser.value(QStringLiteral("mqtt-port")).toInt(&ok);
        if (!ok || port <= 0 || port > 65535) {
            err << "andon-cli ingest: --mqtt-port expects 1-65535\n";
            return 2;
        }
    }

    const ConfigResult config = ConfigLoader::loadFile(parser.value(QStringLiteral("config")));
    for (const QString &message : config.formattedMessages())
        err << message << '\n';
    if (!config.ok())
        return 1;
    err.flush();

    Engine engine(Engine::withMqttPort(config.model, port));
    QString error;
    if (!engine.openHistorian(parser.value(QStringLiteral("db")), &error, /*maintain=*/true)) {
        err << "andon-cli ingest: " << error << '\n';
        return 1;
    }
    engine.startSources();
    // KPIs back to the plant's UNS when `publish:` is configured (docs/integrations.md).
    const auto kpiPublisher = KpiPublisher::forEngine(engine);
    if (kpiPublisher)
        kpiPublisher->start(&SystemClock::instance());

    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (g_stopSignal.load() != 0 || (seconds > 0 && elapsed.elapsed() >= seconds * 1000))
            QCoreApplication::quit();
    });
    poll.start(kSignalPollMs);
    QCoreApplication::exec();

    if (kpiPublisher)
        kpiPublisher->stop(); // publishes through the engine's client: stop it first
    engine.stop();
    const auto stats = engine.historian() ? engine.historian()->stats() : storage::HistorianStats{};
    out << "ingested " << engine.samplesIngested() << " samples in "
        << QString::number(elapsed.elapsed() / 1000.0, 'f', 1) << " s";
    if (engine.historian())
        out << "; historian " << engine.historian()->path() << ": " << stats.samplesWritten
            << " samples committed";
    if (kpiPublisher)
        out << "; KPIs to MQTT " << engine.model().publish.connection << ": "
            << kpiPublisher->publishedCount() << " messages published, "
            << kpiPublisher->failedCount() << " failed";
    out << '\n';
    if (!stats.lastError.isEmpty()) {
        err << "andon-cli ingest: historian: " << stats.lastError << '\n';
        return 1;
    }
    return 0;
}

} // namespace andon::cli
