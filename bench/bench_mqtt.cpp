// Benchmark (not a test): MQTT messages/s that Andon ingests AND persists from a local
// mosquitto (issue 4, Performance), next to `mosquitto_sub` alone receiving the same flood in
// the same run. One broker on a free 127.0.0.1 port; a publisher (an MqttClient) floods N JSON
// messages round-robin over 1,000 topics, each bound to one tag. Per QoS (0 and 1):
//   mosquitto_sub: -C N+1 -t '#', time from the first publish to its last output line;
//   Andon: an Engine (PlantModel of 1,000 JSON tags, historian in a temp dir), time from the
//   first publish until N samples were ingested and the historian committed them (flush()).
// Also prints Engine::maxMqttIngestNs(): the longest decode + ingest of one message on the
// MQTT network thread. The GUI thread never runs that path (it only pulls TagStore snapshots
// on its paint tick), so this is the proxy for "GUI thread never blocked > 16 ms".
// Each side runs --rounds times per QoS (alternating, default 3); the table shows medians.
//   bench_mqtt [--messages N] [--tags N] [--timeout S] [--rounds N]
#include "core/config_loader.h"
#include "connectors/mqtt/mqtt_client.h"
#include "engine/engine.h"
#include "storage/historian.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

using namespace andon;

namespace {

const QString kReadyTopic = QStringLiteral("bench-ready"); // retained: "subscribed" marker

int freePort()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

// A private mosquitto on 127.0.0.1 (minimal copy of tests/support's MosquittoBroker, which
// would pull in QtTest). Queues are unbounded so that a slow subscriber is measured as slow,
// not as lossy.
class Broker
{
public:
    ~Broker()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(2000);
            }
        }
    }
    bool start(QString *error)
    {
        m_port = freePort();
        if (!m_dir.isValid() || m_port == 0) {
            *error = QStringLiteral("no temp dir or free port");
            return false;
        }
        // mosquitto started as root drops to the `mosquitto` user: it must reach its files.
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::WriteOther | QFileDevice::ExeOther);
        const QString confPath = m_dir.filePath(QStringLiteral("mosquitto.conf"));
        QFile conf(confPath);
        if (!conf.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write ") + confPath;
            return false;
        }
        conf.write(QStringLiteral("listener %1 127.0.0.1\nallow_anonymous true\n"
                                  "persistence false\nmax_queued_messages 0\n"
                                  "max_queued_bytes 0\nlog_dest none\n")
                       .arg(m_port)
                       .toUtf8());
        conf.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("/usr/sbin/mosquitto"), { QStringLiteral("-c"), confPath });
        if (!m_process.waitForStarted(5000)) {
            *error = QStringLiteral("cannot start /usr/sbin/mosquitto");
            return false;
        }
        QDeadlineTimer deadline(10000); // bounded: 10 s of connect attempts
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_port));
            if (probe.waitForConnected(200))
                return true;
            QThread::msleep(50);
        }
        *error = QStringLiteral("mosquitto did not accept connections: ")
            + QString::fromLocal8Bit(m_process.readAll());
        return false;
    }
    int port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

struct Flood
{
    std::vector<QString> topics;
    int messages = 0;
};

// Publishes `n` messages round-robin over the topics on the calling thread (bounded loop).
void publishFlood(mqtt::MqttClient *pub, const Flood &flood, int qos, int timeoutMs,
                  long *failed)
{
    const std::size_t nTopics = flood.topics.size();
    for (int i = 0; i < flood.messages; ++i) {
        const QByteArray payload = QByteArrayLiteral("{\"v\":") + QByteArray::number(i) + '}';
        if (!pub->publish(flood.topics[static_cast<std::size_t>(i) % nTopics], payload, qos))
            ++*failed;
    }
    if (!pub->waitForPublished(timeoutMs))
        ++*failed;
}

struct Run
{
    long received = 0;
    double seconds = 0;   // first publish -> last message received (and persisted)
    double ingestSeconds = 0;
    std::uint64_t persisted = 0;
    std::int64_t maxIngestNs = 0;
    bool complete = false;
    double rate(int n) const { return complete && seconds > 0 ? n / seconds : 0; }
};

Run runMosquittoSub(int port, mqtt::MqttClient *pub, const Flood &flood, int qos, int timeoutMs)
{
    Run run;
    QProcess sub;
    sub.start(QStringLiteral("mosquitto_sub"),
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
            QString::number(port), QStringLiteral("-q"), QString::number(qos),
            QStringLiteral("-C"), QString::number(flood.messages + 1), QStringLiteral("-t"),
            QStringLiteral("#") });
    if (!sub.waitForStarted(5000)) {
        std::fprintf(stderr, "cannot start mosquitto_sub\n");
        return run;
    }
    // The retained ready message arrives right after the SUBACK: then the flood may start.
    long lines = 0;
    QDeadlineTimer ready(10000);
    while (lines == 0 && !ready.hasExpired() && sub.state() == QProcess::Running) {
        if (sub.waitForReadyRead(100))
            lines += sub.readAll().count('\n');
    }
    if (lines == 0) {
        std::fprintf(stderr, "mosquitto_sub did not receive the ready message\n");
        sub.kill();
        sub.waitForFinished(2000);
        return run;
    }
    long failed = 0;
    QElapsedTimer clock;
    clock.start();
    std::thread publisher(publishFlood, pub, std::cref(flood), qos, timeoutMs, &failed);
    QDeadlineTimer deadline(timeoutMs);
    qint64 lastLineNs = 0;
    while (lines < flood.messages + 1 && !deadline.hasExpired()) {
        if (sub.waitForReadyRead(100) || sub.bytesAvailable() > 0) {
            const long got = sub.readAll().count('\n');
            if (got > 0) {
                lines += got;
                lastLineNs = clock.nsecsElapsed();
            }
        } else if (sub.state() != QProcess::Running) {
            lines += sub.readAll().count('\n');
            break;
        }
    }
    publisher.join();
    if (sub.state() != QProcess::NotRunning) {
        sub.terminate();
        if (!sub.waitForFinished(2000)) {
            sub.kill();
            sub.waitForFinished(2000);
        }
    }
    run.received = lines - 1;
    run.complete = failed == 0 && run.received >= flood.messages;
    run.seconds = static_cast<double>(lastLineNs) / 1e9;
    return run;
}

QByteArray benchYaml(int port, int qos, int tags)
{
    QByteArray y = "andon: 1\n"
                   "plant: { enterprise: bench }\n"
                   "connections:\n"
                   "  mqtt:\n"
                   "    - { id: broker, host: 127.0.0.1, port: "
        + QByteArray::number(port) + ", qos: " + QByteArray::number(qos)
        + ", client_id: andon-bench }\n"
          "default_mqtt: { connection: broker, format: json, value: /v }\n"
          "defaults: { stale_after_s: 3600 }\n"
          "sites:\n"
          "  - name: site\n"
          "    areas:\n"
          "      - name: area\n"
          "        tags:\n"
          "          - { name: ready, mqtt: { topic: "
        + kReadyTopic.toUtf8() + ", format: number } }\n";
    for (int i = 0; i < tags; ++i)
        y += "          - { name: t" + QByteArray::number(i) + ", mqtt: { topic: bench/t"
            + QByteArray::number(i) + " } }\n";
    return y;
}

Run runAndon(int port, mqtt::MqttClient *pub, const Flood &flood, int qos, int timeoutMs)
{
    Run run;
    QTemporaryDir dir;
    const ConfigResult config = ConfigLoader::loadString(
        benchYaml(port, qos, static_cast<int>(flood.topics.size())), QStringLiteral("bench.yaml"),
        dir.path());
    if (!config.ok()) {
        std::fprintf(stderr, "bench config: %s\n",
            qPrintable(config.formattedMessages().join(QLatin1Char('\n'))));
        return run;
    }
    Engine engine(config.model);
    QString error;
    if (!engine.openHistorian(dir.filePath(QStringLiteral("bench.sqlite")), &error)) {
        std::fprintf(stderr, "historian: %s\n", qPrintable(error));
        return run;
    }
    engine.startSources();
    // The retained ready sample proves the subscriptions are in place.
    QDeadlineTimer ready(10000);
    while (engine.samplesIngested() < 1 && !ready.hasExpired()) {
        QCoreApplication::processEvents();
        QThread::msleep(5);
    }
    if (engine.samplesIngested() < 1) {
        std::fprintf(stderr, "Andon did not receive the ready message\n");
        return run;
    }
    const std::uint64_t target = 1 + static_cast<std::uint64_t>(flood.messages);
    long failed = 0;
    QElapsedTimer clock;
    clock.start();
    std::thread publisher(publishFlood, pub, std::cref(flood), qos, timeoutMs, &failed);
    QDeadlineTimer deadline(timeoutMs);
    // This loop stands in for the GUI thread: it only runs the engine's timers.
    while (engine.samplesIngested() < target && !deadline.hasExpired()) {
        QCoreApplication::processEvents();
        QThread::usleep(500);
    }
    run.ingestSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    engine.historian()->flush();
    run.seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    publisher.join();
    run.received = static_cast<long>(engine.samplesIngested()) - 1;
    run.persisted = engine.historian()->stats().samplesWritten;
    run.maxIngestNs = engine.maxMqttIngestNs();
    run.complete = failed == 0 && run.received >= flood.messages && run.persisted >= target;
    engine.stop();
    return run;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

QString fmtRate(const Run &r, int n)
{
    if (!r.complete)
        return QStringLiteral("incomplete (%1 of %2)").arg(r.received).arg(n);
    return QString::number(r.rate(n), 'f', 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int messages = 200000;
    int tags = 1000;
    int timeoutS = 120;
    int rounds = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const int v = args.at(i + 1).toInt();
        if (args.at(i) == u"--messages" && v > 0)
            messages = v;
        else if (args.at(i) == u"--tags" && v > 0)
            tags = v;
        else if (args.at(i) == u"--timeout" && v > 0)
            timeoutS = v;
        else if (args.at(i) == u"--rounds" && v > 0 && v <= 50)
            rounds = v;
        else {
            std::fprintf(stderr,
                "usage: bench_mqtt [--messages N] [--tags N] [--timeout S] [--rounds N]\n");
            return 2;
        }
    }
    const int timeoutMs = timeoutS * 1000;

    Broker broker;
    QString error;
    if (!broker.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    mqtt::MqttClientOptions options;
    options.port = broker.port();
    options.clientId = QStringLiteral("bench-publisher");
    mqtt::MqttClient pub(options);
    if (!pub.start()) {
        std::fprintf(stderr, "publisher: %s\n", qPrintable(pub.lastError()));
        return 1;
    }
    QDeadlineTimer connected(10000);
    while (pub.state() != mqtt::MqttClient::State::Connected && !connected.hasExpired())
        QThread::msleep(10);
    if (pub.state() != mqtt::MqttClient::State::Connected) {
        std::fprintf(stderr, "publisher did not connect: %s\n", qPrintable(pub.lastError()));
        return 1;
    }
    pub.publish(kReadyTopic, QByteArrayLiteral("1"), 1, true);
    pub.waitForPublished(5000);

    Flood flood;
    flood.messages = messages;
    for (int i = 0; i < tags; ++i)
        flood.topics.push_back(QStringLiteral("bench/t") + QString::number(i));

    std::printf("%d JSON messages over %d topics/tags per run, publisher and broker on "
                "127.0.0.1; Andon = ingested and committed to the historian; median of %d "
                "alternating rounds per side.\n\n",
        messages, tags, rounds);
    std::printf("| metric | Andon | mosquitto_sub | ratio | target | met |\n");
    std::printf("|---|---|---|---|---|---|\n");
    std::int64_t maxIngestNs = 0;
    bool allComplete = true;
    for (const int qos : { 0, 1 }) {
        // Alternating rounds and medians: the machine is shared, so one run of each side can
        // land in a busy moment.
        std::vector<double> andonRates, ingestRates, subRates;
        int incomplete = 0;
        for (int r = 0; r < rounds; ++r) {
            const Run sub = runMosquittoSub(broker.port(), &pub, flood, qos, timeoutMs);
            const Run andon = runAndon(broker.port(), &pub, flood, qos, timeoutMs);
            if (!sub.complete || !andon.complete) {
                ++incomplete;
                std::fprintf(stderr, "QoS %d round %d: mosquitto_sub %s, Andon %s\n", qos, r,
                    qPrintable(fmtRate(sub, messages)), qPrintable(fmtRate(andon, messages)));
            }
            maxIngestNs = std::max(maxIngestNs, andon.maxIngestNs);
            subRates.push_back(sub.rate(messages));
            andonRates.push_back(andon.rate(messages));
            ingestRates.push_back(andon.complete && andon.ingestSeconds > 0
                    ? messages / andon.ingestSeconds
                    : 0.0);
        }
        allComplete = allComplete && incomplete == 0;
        const double subRate = median(subRates);
        const double andonRate = median(andonRates);
        const double ingestRate = median(ingestRates);
        const double ratio = subRate > 0 ? andonRate / subRate : 0;
        const QString note = incomplete == 0
            ? QString()
            : QStringLiteral(" (%1 incomplete round(s), counted as 0)").arg(incomplete);
        std::printf("| QoS %d messages/s, ingested + persisted%s | %.0f | %.0f | %.2f | >= 0.80 "
                    "| %s |\n",
            qos, qPrintable(note), andonRate, subRate, ratio, ratio >= 0.8 ? "yes" : "no");
        std::printf("| QoS %d messages/s, ingested (before the final flush) | %.0f | %.0f | %.2f "
                    "| - | - |\n",
            qos, ingestRate, subRate, subRate > 0 ? ingestRate / subRate : 0.0);
        std::fflush(stdout);
    }
    const double maxMs = static_cast<double>(maxIngestNs) / 1e6;
    std::printf("| max decode + ingest of one message on the MQTT network thread (ms) | %.3f | "
                "- | - | <= 16 | %s |\n\n",
        maxMs, maxMs <= 16.0 ? "yes" : "no");
    std::printf("The GUI thread never runs decode, ingest or storage: it only pulls TagStore "
                "snapshots on its paint tick. The longest decode + ingest of one message on the "
                "MQTT network thread (above) is therefore the proxy for \"GUI thread never "
                "blocked > 16 ms\".\n");
    pub.publish(kReadyTopic, QByteArray(), 1, true); // clear the retained marker
    pub.waitForPublished(2000);
    pub.stop();
    return allComplete ? 0 : 1;
}
