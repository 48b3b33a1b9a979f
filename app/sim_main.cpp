// andon-sim: runs the deterministic plant simulator in real time (times --speed) and publishes
// every sample on its tag's MQTT binding topic. Loopback brokers only: the simulator must never
// be able to write into a real plant's broker by accident.
#include "connectors/mqtt/mqtt_client.h"
#include "connectors/mqtt/sparkplug_edge.h"
#include "core/config_loader.h"
#include "core/connection_security.h"
#include "sim/modbus_register_map.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QModbusTcpServer>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cmath>
#include <cstdio>

namespace {

volatile std::sig_atomic_t g_stopRequested = 0;

extern "C" void onStopSignal(int)
{
    g_stopRequested = 1;
}

void printErr(const QString &text)
{
    std::fprintf(stderr, "andon-sim: %s\n", qPrintable(text));
}

// JSON Pointer "/key" -> "key"; anything nested or empty falls back to `fallback` because the
// simulator only writes flat documents.
QString flatKey(const QString &pointer, const QString &fallback)
{
    if (pointer.size() > 1 && pointer.startsWith(QLatin1Char('/'))
        && pointer.indexOf(QLatin1Char('/'), 1) < 0 && !pointer.contains(QLatin1Char('~')))
        return pointer.mid(1);
    return fallback;
}

QByteArray formatNumber(double v, int decimals)
{
    return QByteArray::number(v, 'f', std::clamp(decimals, 0, 9));
}

QByteArray payloadFor(const andon::PlantModel &model, const andon::TagDef &tag,
                      const andon::Sample &s)
{
    const andon::MqttBinding &b = *tag.mqtt;
    // States and booleans are whole numbers whatever the display decimals say; counters keep
    // their decimals (an energy meter counts 0.01 kWh; part counters have decimals 0).
    const int decimals = tag.kind == andon::TagKind::Analog || tag.kind == andon::TagKind::Counter
            ? tag.decimals
            : 0;
    // Invert the binding's scale/offset so the HMI decodes the engineering value again.
    const double raw = b.scale != 0.0 ? (s.value - b.offset) / b.scale : s.value;
    switch (b.format) {
    case andon::PayloadFormat::Number:
        return formatNumber(raw, decimals);
    case andon::PayloadFormat::Bool:
        return s.value != 0.0 ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case andon::PayloadFormat::Enum:
        if (tag.machine >= 0 && tag.machine < static_cast<int>(model.machines.size())) {
            if (const andon::StateDef *st = model.machines[static_cast<size_t>(tag.machine)].state(
                        static_cast<int>(std::lround(s.value))))
                return st->name.toUtf8();
        }
        return formatNumber(s.value, 0);
    case andon::PayloadFormat::Json:
        break;
    }
    // Written by hand to keep the tag's decimals (QJsonDocument would print 21.499999999).
    QByteArray out = "{\"";
    out += flatKey(b.valuePointer, QStringLiteral("value")).toUtf8();
    out += "\": ";
    out += std::isfinite(raw) ? formatNumber(raw, decimals) : QByteArrayLiteral("null");
    out += ", \"";
    out += flatKey(b.timestampPointer, QStringLiteral("ts")).toUtf8();
    out += "\": ";
    out += QByteArray::number(static_cast<qlonglong>(s.t_ms));
    if (s.q != andon::Quality::Good) {
        out += ", \"";
        out += flatKey(b.qualityPointer, QStringLiteral("q")).toUtf8();
        out += "\": \"";
        out += andon::qualityName(s.q).toUtf8();
        out += '"';
    }
    out += '}';
    return out;
}

// Simulates [sim.now(), untilMs) at full speed into the historian at `dbPath` (created if
// missing; an existing one continues). Prints progress; bounded by the simulated span.
bool backfill(andon::sim::PlantSimulator &sim, const andon::PlantModel &model,
              const QString &dbPath, andon::TimestampMs untilMs, QString *error)
{
    andon::storage::HistorianOptions options;
    options.path = dbPath;
    options.rawRetentionDays = model.historian.rawRetentionDays;
    options.minuteRetentionDays = model.historian.minuteRetentionDays;
    options.hourRetentionDays = model.historian.hourRetentionDays;
    QString why;
    auto historian = andon::storage::Historian::open(options, &why);
    if (!historian) {
        *error = QStringLiteral("--backfill-db: %1").arg(why);
        return false;
    }
    QStringList paths;
    for (const andon::TagDef &tag : model.tags)
        paths.push_back(tag.path);
    if (!historian->bindTags(paths, &why)) {
        *error = QStringLiteral("--backfill-db %1: %2").arg(dbPath, why);
        return false;
    }
    const andon::TimestampMs from = sim.now();
    std::printf("andon-sim: backfilling %.1f h of history into %s\n",
                double(untilMs - from) / 3'600'000.0, qPrintable(dbPath));
    std::fflush(stdout);
    QElapsedTimer timer;
    timer.start();
    std::uint64_t samples = 0;
    constexpr andon::TimestampMs kSliceMs = 10 * 60'000;
    for (andon::TimestampMs t = from; t < untilMs && !g_stopRequested;) {
        t = std::min(untilMs, t + kSliceMs);
        andon::SampleBatch batch = sim.advanceTo(t);
        samples += batch.size();
        historian->append(std::move(batch));
    }
    historian->sealAll();
    const QString lastError = historian->stats().lastError;
    historian.reset(); // closes the file before Andon opens it
    if (!lastError.isEmpty()) {
        *error = QStringLiteral("--backfill-db %1: %2").arg(dbPath, lastError);
        return false;
    }
    std::printf("andon-sim: backfilled %llu samples in %.1f s\n",
                static_cast<unsigned long long>(samples), double(timer.elapsed()) / 1000.0);
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("andon-sim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Deterministic plant simulator: publishes the plant's tags over MQTT."));
    parser.addHelpOption();
    const QCommandLineOption configOpt(QStringLiteral("config"),
                                       QStringLiteral("Plant configuration (YAML)."),
                                       QStringLiteral("file"));
    const QCommandLineOption hostOpt(QStringLiteral("mqtt-host"),
                                     QStringLiteral("Broker host (loopback only)."),
                                     QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOpt(QStringLiteral("mqtt-port"),
                                     QStringLiteral("Broker port (default: from the config)."),
                                     QStringLiteral("port"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Random seed."),
                                     QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"),
                                      QStringLiteral("Simulated seconds per real second."),
                                      QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption scenarioOpt(QStringLiteral("scenario"),
                                         QStringLiteral("Scenario: %1.").arg(
                                                 andon::sim::PlantSimulator::scenarios().join(
                                                         QStringLiteral(", "))),
                                         QStringLiteral("name"), QStringLiteral("normal"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"),
                                        QStringLiteral("Stop after N real seconds (0 = run until "
                                                       "SIGINT/SIGTERM)."),
                                        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption truthOpt(QStringLiteral("truth"),
                                      QStringLiteral("Write the ground truth (JSON, see "
                                                     "docs/simulator.md) to this file, every 10 s "
                                                     "and on exit."),
                                      QStringLiteral("file"));
    parser.addOptions({configOpt, hostOpt, portOpt, seedOpt, speedOpt, scenarioOpt, secondsOpt,
                       truthOpt});
    const QCommandLineOption sparkplugOpt(
            QStringLiteral("sparkplug"),
            QStringLiteral("Publish Sparkplug B 3.0 instead of JSON: one edge node, one device per "
                           "machine (docs/sparkplug.md)."));
    const QCommandLineOption groupOpt(QStringLiteral("group"),
                                      QStringLiteral("Sparkplug group id (with --sparkplug)."),
                                      QStringLiteral("id"), QStringLiteral("Andon"));
    const QCommandLineOption nodeOpt(QStringLiteral("node"),
                                     QStringLiteral("Sparkplug edge node id (with --sparkplug)."),
                                     QStringLiteral("id"), QStringLiteral("andon-sim"));
    parser.addOptions({sparkplugOpt, groupOpt, nodeOpt});
    const QCommandLineOption modbusPortOpt(
            QStringLiteral("modbus-port"),
            QStringLiteral("Also serve the plant as a Modbus TCP server (unit id 1) on this port "
                           "(register map: docs/simulator.md)."),
            QStringLiteral("port"));
    const QCommandLineOption modbusHostOpt(QStringLiteral("modbus-host"),
                                           QStringLiteral("Modbus server address (loopback "
                                                          "only)."),
                                           QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    parser.addOptions({modbusPortOpt, modbusHostOpt});
    const QCommandLineOption backfillHoursOpt(
            QStringLiteral("backfill-hours"),
            QStringLiteral("Before going live, simulate the last H hours and write them into the "
                           "historian given by --backfill-db, so history pages have data at once."),
            QStringLiteral("h"), QStringLiteral("0"));
    const QCommandLineOption backfillDbOpt(QStringLiteral("backfill-db"),
                                           QStringLiteral("Historian file for --backfill-hours."),
                                           QStringLiteral("file"));
    parser.addOptions({backfillHoursOpt, backfillDbOpt});
    parser.process(app);

    if (!parser.isSet(configOpt)) {
        printErr(QStringLiteral("--config FILE is required"));
        return 2;
    }
    const QString host = parser.value(hostOpt);
    if (!andon::isLoopbackHost(host)) {
        printErr(QStringLiteral("refusing to publish to '%1': only loopback brokers are allowed "
                                "(127.0.0.0/8, ::1, localhost)")
                         .arg(host));
        return 2;
    }
    // "localhost" is resolved here: QModbusTcpServer wants an address.
    QString modbusHost = parser.value(modbusHostOpt).trimmed();
    if (!andon::isLoopbackHost(modbusHost)) {
        printErr(QStringLiteral("refusing to serve Modbus on '%1': only loopback addresses are "
                                "allowed (127.0.0.0/8, ::1, localhost)")
                         .arg(modbusHost));
        return 2;
    }
    if (modbusHost.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        modbusHost = QStringLiteral("127.0.0.1");
    bool ok = false;
    int modbusPort = 0;
    if (parser.isSet(modbusPortOpt)) {
        modbusPort = parser.value(modbusPortOpt).toInt(&ok);
        if (!ok || modbusPort <= 0 || modbusPort > 65535) {
            printErr(QStringLiteral("--modbus-port: expected 1-65535, got '%1'")
                             .arg(parser.value(modbusPortOpt)));
            return 2;
        }
    }
    const double backfillHours = parser.value(backfillHoursOpt).toDouble(&ok);
    if (!ok || backfillHours < 0.0 || backfillHours > 24.0 * 31) {
        printErr(QStringLiteral("--backfill-hours: expected 0-744, got '%1'")
                         .arg(parser.value(backfillHoursOpt)));
        return 2;
    }
    if (backfillHours > 0.0 && parser.value(backfillDbOpt).isEmpty()) {
        printErr(QStringLiteral("--backfill-hours needs --backfill-db FILE"));
        return 2;
    }
    const std::uint64_t seed = parser.value(seedOpt).toULongLong(&ok);
    if (!ok) {
        printErr(QStringLiteral("--seed: expected a non-negative integer, got '%1'")
                         .arg(parser.value(seedOpt)));
        return 2;
    }
    const double speed = parser.value(speedOpt).toDouble(&ok);
    if (!ok || !(speed > 0.0) || speed > 10000.0) {
        printErr(QStringLiteral("--speed: expected a number in (0, 10000], got '%1'")
                         .arg(parser.value(speedOpt)));
        return 2;
    }
    const QString scenario = parser.value(scenarioOpt);
    if (!andon::sim::PlantSimulator::scenarios().contains(scenario)) {
        printErr(QStringLiteral("--scenario: unknown scenario '%1' (known: %2)")
                         .arg(scenario, andon::sim::PlantSimulator::scenarios().join(
                                                QStringLiteral(", "))));
        return 2;
    }
    const int seconds = parser.value(secondsOpt).toInt(&ok);
    if (!ok || seconds < 0) {
        printErr(QStringLiteral("--seconds: expected a non-negative integer, got '%1'")
                         .arg(parser.value(secondsOpt)));
        return 2;
    }

    const andon::ConfigResult config = andon::ConfigLoader::loadFile(parser.value(configOpt));
    for (const QString &m : config.formattedMessages())
        std::fprintf(stderr, "%s\n", qPrintable(m));
    if (!config.ok()) {
        printErr(QStringLiteral("cannot load %1").arg(parser.value(configOpt)));
        return 1;
    }
    const std::shared_ptr<const andon::PlantModel> model = config.model;

    int port = 1883;
    int qos = 1;
    if (!model->mqttConnections.empty()) {
        port = model->mqttConnections.front().port;
        qos = std::clamp(model->mqttConnections.front().qos, 0, 2);
    }
    if (parser.isSet(portOpt)) {
        port = parser.value(portOpt).toInt(&ok);
        if (!ok || port <= 0 || port > 65535) {
            printErr(QStringLiteral("--mqtt-port: expected 1-65535, got '%1'")
                             .arg(parser.value(portOpt)));
            return 2;
        }
    }

    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);

    andon::mqtt::MqttClientOptions mqttOptions;
    mqttOptions.host = host;
    mqttOptions.port = port;
    mqttOptions.clientId = QStringLiteral("andon-sim-%1").arg(QCoreApplication::applicationPid());
    // Sparkplug B mode: the NDEATH is the Last-Will. bdSeq differs between runs (a host must
    // not take an old session's will for this one's).
    std::unique_ptr<andon::mqtt::SparkplugEdge> edge;
    bool sparkplugBorn = false;
    if (parser.isSet(sparkplugOpt)) {
        for (const QString &id : {parser.value(groupOpt), parser.value(nodeOpt)}) {
            if (id.isEmpty() || id.contains(QLatin1Char('/')) || id.contains(QLatin1Char('+'))
                || id.contains(QLatin1Char('#'))) {
                printErr(QStringLiteral("--group/--node: '%1' is not a Sparkplug id (one MQTT "
                                        "topic level without '/', '+' or '#')")
                                 .arg(id));
                return 2;
            }
        }
        edge = std::make_unique<andon::mqtt::SparkplugEdge>(
                model, parser.value(groupOpt), parser.value(nodeOpt),
                static_cast<std::uint64_t>(andon::nowUtcMs() / 1000));
        const andon::mqtt::SparkplugPublish death = edge->death(andon::nowUtcMs());
        mqttOptions.will.topic = death.topic;
        mqttOptions.will.payload = death.payload;
        mqttOptions.will.qos = death.qos;
        mqttOptions.will.retain = death.retain;
    }
    andon::mqtt::MqttClient client(mqttOptions);

    // Modbus TCP server: the same samples as registers (sim/modbus_register_map.h). Holding
    // and input registers carry the same image, so either read function works.
    const andon::sim::ModbusRegisterMap registerMap(*model);
    std::unique_ptr<QModbusTcpServer> modbusServer;
    if (modbusPort > 0) {
        for (const QString &m : registerMap.unmapped())
            printErr(QStringLiteral("modbus: not served: %1").arg(m));
        modbusServer = std::make_unique<QModbusTcpServer>();
        const auto size = static_cast<quint16>(std::max(1, registerMap.registerCount()));
        QModbusDataUnitMap map;
        map.insert(QModbusDataUnit::HoldingRegisters,
                   QModbusDataUnit(QModbusDataUnit::HoldingRegisters, 0, size));
        map.insert(QModbusDataUnit::InputRegisters,
                   QModbusDataUnit(QModbusDataUnit::InputRegisters, 0, size));
        modbusServer->setMap(map);
        modbusServer->setServerAddress(1);
        modbusServer->setConnectionParameter(QModbusDevice::NetworkAddressParameter, modbusHost);
        modbusServer->setConnectionParameter(QModbusDevice::NetworkPortParameter, modbusPort);
        if (!modbusServer->connectDevice()) {
            printErr(QStringLiteral("cannot serve Modbus TCP on %1:%2: %3")
                             .arg(modbusHost)
                             .arg(modbusPort)
                             .arg(modbusServer->errorString()));
            return 1;
        }
        std::printf("andon-sim: serving %d Modbus registers on %s:%d (unit id 1)\n",
                    registerMap.registerCount(), qPrintable(modbusHost), modbusPort);
        std::fflush(stdout);
    }
    const auto serveRegisters = [&](const andon::SampleBatch &batch) {
        if (!modbusServer)
            return;
        for (const andon::Sample &s : batch) {
            for (const andon::sim::RegisterWrite &w : registerMap.encode(s)) {
                const QList<quint16> words(w.words.begin(), w.words.end());
                for (const auto table :
                     {QModbusDataUnit::HoldingRegisters, QModbusDataUnit::InputRegisters})
                    modbusServer->setData(
                            QModbusDataUnit(table, w.address, words));
            }
        }
    };
    const auto publishBirths = [&] {
        for (const andon::mqtt::SparkplugPublish &p : edge->births(andon::nowUtcMs()))
            client.publish(p.topic, p.payload, p.qos, p.retain);
        sparkplugBorn = true;
    };
    if (edge) {
        client.subscribe(edge->commandTopic(), 0);
        // Births after every (re)connect; until then data is only remembered for the births.
        QObject::connect(&client, &andon::mqtt::MqttClient::stateChanged, &app,
                         [&](andon::mqtt::MqttClient::State s, const QString &) {
                             sparkplugBorn = false;
                             if (s == andon::mqtt::MqttClient::State::Connected)
                                 publishBirths();
                         });
    }
    QObject::connect(&client, &andon::mqtt::MqttClient::stateChanged, &app,
                     [](andon::mqtt::MqttClient::State s, const QString &reason) {
                         std::fprintf(stderr, "andon-sim: mqtt %s%s%s\n",
                                      qPrintable(andon::mqtt::MqttClient::stateName(s)),
                                      reason.isEmpty() ? "" : ": ", qPrintable(reason));
                     });
    if (!client.start()) {
        printErr(client.lastError());
        return 1;
    }

    andon::sim::SimOptions simOptions;
    simOptions.seed = seed;
    simOptions.scenario = scenario;
    // On a whole second, so that simulated shift and break boundaries (whole minutes) fall
    // exactly on the simulation grid.
    simOptions.startMs = andon::nowUtcMs() / 1000 * 1000;
    // With a backfill the simulation starts in the past (on a whole minute) and runs at full
    // speed up to now into the historian; the live part continues the same plant seamlessly.
    const auto backfillMs = static_cast<andon::TimestampMs>(backfillHours * 3'600'000.0);
    const andon::TimestampMs liveStartMs = simOptions.startMs;
    if (backfillMs > 0)
        simOptions.startMs = (liveStartMs - backfillMs) / 60'000 * 60'000;
    andon::sim::PlantSimulator sim(model, simOptions);
    if (backfillMs > 0) {
        QString error;
        if (!backfill(sim, *model, parser.value(backfillDbOpt), liveStartMs, &error)) {
            printErr(error);
            return 1;
        }
    }

    const QString truthFile = parser.value(truthOpt);
    const auto writeTruth = [&]() -> bool {
        if (truthFile.isEmpty())
            return true;
        QSaveFile f(truthFile); // atomic: a reader never sees half a file
        if (!f.open(QIODevice::WriteOnly)
            || f.write(QJsonDocument(sim.truth()).toJson(QJsonDocument::Indented)) < 0
            || !f.commit()) {
            printErr(QStringLiteral("cannot write the truth file %1: %2")
                             .arg(truthFile, f.errorString()));
            return false;
        }
        return true;
    };
    if (!writeTruth())
        return 1;

    QElapsedTimer wall;
    wall.start();
    std::uint64_t published = 0;
    std::uint64_t failed = 0;
    qint64 nextReportMs = 10000;

    // At most 0.5 s of wall time's worth of simulation per tick: when the machine cannot keep
    // up with --speed, the simulation falls behind (and says so) instead of spiralling into
    // ever longer ticks that starve the event loop and the signal handling.
    const auto maxPerTick = std::max<andon::TimestampMs>(
            1, static_cast<andon::TimestampMs>(500.0 * speed));
    andon::TimestampMs simNow = sim.now();
    const andon::TimestampMs wallStartMs = simNow;
    const auto tick = [&] {
        const qint64 elapsed = wall.elapsed();
        const auto target = wallStartMs
                + static_cast<andon::TimestampMs>(static_cast<double>(elapsed) * speed);
        simNow = std::min(target, simNow + maxPerTick);
        const andon::SampleBatch batch = sim.advanceTo(simNow);
        // Registers first, in the same tick as the MQTT publishes: a reader sees one tick's
        // values in both (up to the broker's delivery delay).
        serveRegisters(batch);
        if (edge) {
            // NCMD "Node Control/Rebirth" from a host: publish every birth again.
            for (const andon::mqtt::MqttMessage &m : client.takeMessages()) {
                if (sparkplugBorn && edge->isRebirthCommand(m.topic, m.payload))
                    publishBirths();
            }
            const std::vector<andon::mqtt::SparkplugPublish> messages = edge->data(batch);
            for (const andon::mqtt::SparkplugPublish &p : messages) {
                if (sparkplugBorn && client.publish(p.topic, p.payload, p.qos, p.retain))
                    ++published;
                else
                    ++failed;
            }
        } else
        for (const andon::Sample &s : batch) {
            if (s.tag >= model->tags.size())
                continue;
            const andon::TagDef &tag = model->tags[s.tag];
            if (!tag.mqtt || tag.mqtt->topic.isEmpty()
                || tag.mqtt->topic.contains(QLatin1Char('+'))
                || tag.mqtt->topic.contains(QLatin1Char('#')))
                continue; // wildcard bindings have no single topic to publish on
            if (client.publish(tag.mqtt->topic, payloadFor(*model, tag, s), qos))
                ++published;
            else
                ++failed;
        }
        if (elapsed >= nextReportMs) {
            if (target - simNow > 10000)
                printErr(QStringLiteral("cannot keep up with --speed %1: %2 simulated seconds "
                                        "behind")
                                 .arg(speed)
                                 .arg((target - simNow) / 1000));
            std::printf("andon-sim: %llu messages published (%llu not sent), state %s\n",
                        static_cast<unsigned long long>(published),
                        static_cast<unsigned long long>(failed),
                        qPrintable(andon::mqtt::MqttClient::stateName(client.state())));
            std::fflush(stdout);
            nextReportMs += 10000;
            writeTruth();
        }
        if (g_stopRequested || (seconds > 0 && elapsed >= seconds * 1000LL))
            QCoreApplication::quit();
    };

    // 200 ms ticks: smooth enough for 1 s publish periods, cheap on a 2-core machine.
    QTimer timer;
    timer.setTimerType(Qt::CoarseTimer);
    QObject::connect(&timer, &QTimer::timeout, &app, tick);
    timer.start(200);
    std::printf("andon-sim: publishing %zu tags to %s (seed %llu, speed %g, scenario %s)\n",
                model->tags.size(), qPrintable(client.endpoint()),
                static_cast<unsigned long long>(seed), speed, qPrintable(scenario));
    std::fflush(stdout);

    const int rc = app.exec();
    timer.stop();
    if (edge && client.state() == andon::mqtt::MqttClient::State::Connected) {
        // A clean DISCONNECT suppresses the will: send the NDEATH ourselves.
        const andon::mqtt::SparkplugPublish death = edge->death(andon::nowUtcMs());
        client.publish(death.topic, death.payload, death.qos, death.retain);
    }
    if (!client.waitForPublished(3000))
        printErr(QStringLiteral("not every message was confirmed by the broker before exit"));
    client.stop();
    if (modbusServer)
        modbusServer->disconnectDevice();
    if (!writeTruth())
        return 1;
    std::printf("andon-sim: stopped after %llu messages published\n",
                static_cast<unsigned long long>(published));
    std::fflush(stdout);
    return rc;
}
