// KpiPublisher::forEngine end to end: the real `andon-cli ingest` with a `publish:` section runs
// against a real mosquitto; the test feeds one machine's state and counters as a PLC would
// (JSON with source timestamps) and reads the KPI topics back, live and, after ingest has
// stopped, as retained messages, with the JSON fields of docs/integrations.md "KPIs back to
// the plant". Ingest is bounded by --seconds and ended early with SIGTERM once the checks pass.
#include "connectors/mqtt/mqtt_client.h"
#include "core/sample.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace andon;

namespace {

// One machine on one line, no calendar (the "shift" is the UTC day), KPIs under uns/v1 every
// second. Tags take the default binding: topic = tag path, {"v": value, "t": epoch ms}.
const char *const kPlant = R"(andon: 1
plant: { enterprise: acme }
connections:
  mqtt:
    - { id: plant, host: 127.0.0.1, port: %1 }
defaults:
  stale_after_s: 3600
  states:
    - { code: 1, name: Running, category: running }
    - { code: 10, name: Jam at infeed, category: down }
default_mqtt:
  connection: plant
  value: /v
  timestamp: /t
sites:
  - name: berlin
    timezone: UTC
    areas:
      - name: assembly
        lines:
          - name: line1
            machines:
              - name: press
                ideal_rate_per_min: 60
                tags:
                  - { name: state, role: state }
                  - { name: good_count, role: good_count }
                  - { name: reject_count, role: reject_count }
publish:
  connection: plant
  topic_prefix: uns/v1
  interval_s: 1
  refresh_s: 60
  what: [oee, state]
)";

const QString kMachine = QStringLiteral("acme/berlin/assembly/line1/press");
const QString kLine = QStringLiteral("acme/berlin/assembly/line1");
constexpr int kWaitMs = 60'000;

QString iso(TimestampMs ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                   .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
            + u'Z';
}

QByteArray sample(double value, TimestampMs t)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("v"), value},
                                     {QStringLiteral("t"), static_cast<double>(t)}})
            .toJson(QJsonDocument::Compact);
}

// Collects the last payload per topic of a subscriber.
struct Consumer
{
    explicit Consumer(int port, const QString &clientId)
    {
        mqtt::MqttClientOptions o;
        o.port = port;
        o.clientId = clientId;
        client = std::make_unique<mqtt::MqttClient>(o);
        client->subscribe(QStringLiteral("uns/v1/#"), 1);
    }
    void drain()
    {
        for (mqtt::MqttMessage &m : client->takeMessages()) {
            payloads.insert(m.topic, QJsonDocument::fromJson(m.payload).object());
            retained.insert(m.topic, m.retained);
        }
    }
    QJsonObject at(const QString &entity, const QString &leaf)
    {
        drain();
        return payloads.value(QStringLiteral("uns/v1/") + entity + QStringLiteral("/kpi/") + leaf);
    }
    std::unique_ptr<mqtt::MqttClient> client;
    QHash<QString, QJsonObject> payloads;
    QHash<QString, bool> retained;
};

} // namespace

class TstKpiIngest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void ingestPublishesKpis();

private:
    test::MosquittoBroker m_broker;
    QTemporaryDir m_dir;
};

void TstKpiIngest::initTestCase()
{
    test::installStrictMessageHandler();
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void TstKpiIngest::ingestPublishesKpis()
{
    const QString config = m_dir.filePath(QStringLiteral("plant.yaml"));
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QString::fromLatin1(kPlant).arg(m_broker.port()).toUtf8());
    }
    // Two readings of the machine, both in today's (UTC) window and before now: at t0 it runs
    // with counters 95 good / 5 reject, at t1 they read 120 / 10.
    const TimestampMs now = QDateTime::currentMSecsSinceEpoch();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc()).date();
    const TimestampMs dayStart = QDateTime(today, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const TimestampMs t0 = std::max(now - 20'000, dayStart);
    const TimestampMs t1 = t0 + (now - t0) / 2;

    mqtt::MqttClientOptions po;
    po.port = m_broker.port();
    po.clientId = QStringLiteral("plc");
    mqtt::MqttClient plc(po);
    QVERIFY(plc.start());
    QTRY_COMPARE_WITH_TIMEOUT(plc.state(), mqtt::MqttClient::State::Connected, kWaitMs);
    // Retained, so that ingest gets them whenever it subscribes.
    QVERIFY(plc.publish(kMachine + QStringLiteral("/state"), sample(1, t0), 1, true));
    QVERIFY(plc.publish(kMachine + QStringLiteral("/good_count"), sample(95, t0), 1, true));
    QVERIFY(plc.publish(kMachine + QStringLiteral("/reject_count"), sample(5, t0), 1, true));
    QVERIFY(plc.waitForPublished(kWaitMs));

    Consumer live(m_broker.port(), QStringLiteral("mes-live"));
    QVERIFY(live.client->start());
    QTRY_COMPARE_WITH_TIMEOUT(live.client->state(), mqtt::MqttClient::State::Connected, kWaitMs);

    QProcess ingest;
    ingest.start(test::toolPath(QStringLiteral("andon-cli")),
                 {QStringLiteral("ingest"), QStringLiteral("--config"), config,
                  QStringLiteral("--db"), m_dir.filePath(QStringLiteral("plant.sqlite")),
                  QStringLiteral("--seconds"), QStringLiteral("300")});
    QVERIFY2(ingest.waitForStarted(kWaitMs), qPrintable(ingest.errorString()));

    // The state KPI appears once ingest has the retained state: code, name and category from
    // the config's states, since = t0 (the sample's own time).
    QTRY_VERIFY_WITH_TIMEOUT(!live.at(kMachine, QStringLiteral("state")).isEmpty(), kWaitMs);
    const QJsonObject state = live.at(kMachine, QStringLiteral("state"));
    QCOMPARE(state.value(QStringLiteral("schema_version")).toInt(), 1);
    QCOMPARE(state.value(QStringLiteral("source")).toString(), QStringLiteral("andon"));
    QCOMPARE(state.value(QStringLiteral("level")).toString(), QStringLiteral("machine"));
    QCOMPARE(state.value(QStringLiteral("path")).toString(), kMachine);
    QCOMPARE(state.value(QStringLiteral("code")).toInt(), 1);
    QCOMPARE(state.value(QStringLiteral("name")).toString(), QStringLiteral("Running"));
    QCOMPARE(state.value(QStringLiteral("category")).toString(), QStringLiteral("running"));
    QCOMPARE(state.value(QStringLiteral("since")).toString(), iso(t0));
    QCOMPARE(state.value(QStringLiteral("quality")).toString(), QStringLiteral("good"));
    QVERIFY(state.value(QStringLiteral("ts")).toString().endsWith(u'Z'));

    // The second reading: 25 good and 5 rejects made since t0 (docs/oee.md "Counters": the
    // first reading in the window is the baseline), so total 30, quality 25 / 30.
    QVERIFY(plc.publish(kMachine + QStringLiteral("/good_count"), sample(120, t1), 1, true));
    QVERIFY(plc.publish(kMachine + QStringLiteral("/reject_count"), sample(10, t1), 1, true));
    QVERIFY(plc.waitForPublished(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(
            live.at(kMachine, QStringLiteral("oee/live")).value(QStringLiteral("total")).toDouble(),
            30.0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(
            live.at(kLine, QStringLiteral("oee/live")).value(QStringLiteral("total")).toDouble(),
            30.0, kWaitMs);

    QCOMPARE(ingest.state(), QProcess::Running);
    ingest.terminate(); // SIGTERM: ingest stops its publisher and engine and flushes
    QVERIFY2(ingest.waitForFinished(kWaitMs), "andon-cli ingest did not stop on SIGTERM");
    const QString out = QString::fromUtf8(ingest.readAllStandardOutput());
    const QString err = QString::fromUtf8(ingest.readAllStandardError());
    QVERIFY2(ingest.exitStatus() == QProcess::NormalExit && ingest.exitCode() == 0,
             qPrintable(out + err));
    // Failures are possible in the first round (before the client has connected: tried
    // again the next round), so only their presence in the summary is checked.
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral(
                     "KPIs to MQTT plant: [1-9][0-9]* messages published, [0-9]+ failed\\n"))),
             qPrintable(out + err));

    // A consumer that connects after ingest has gone gets every KPI topic, retained.
    Consumer later(m_broker.port(), QStringLiteral("mes-later"));
    QVERIFY(later.client->start());
    const QStringList topics{kMachine + QStringLiteral("/kpi/oee/live"),
                             kMachine + QStringLiteral("/kpi/oee/shift"),
                             kMachine + QStringLiteral("/kpi/state"),
                             kLine + QStringLiteral("/kpi/oee/live"),
                             kLine + QStringLiteral("/kpi/oee/shift")};
    QTRY_COMPARE_WITH_TIMEOUT((later.drain(), later.payloads.size()), qsizetype(topics.size()),
                              kWaitMs);
    for (const QString &t : topics) {
        QVERIFY2(later.payloads.contains(QStringLiteral("uns/v1/") + t), qPrintable(t));
        QVERIFY2(later.retained.value(QStringLiteral("uns/v1/") + t), qPrintable(t));
    }

    // oee/live of the machine: the documented keys, the window of today so far (UTC day, no
    // calendar: shift "day"), the counts above.
    const QJsonObject m = later.at(kMachine, QStringLiteral("oee/live"));
    QCOMPARE(m.value(QStringLiteral("schema_version")).toInt(), 1);
    QCOMPARE(m.value(QStringLiteral("source")).toString(), QStringLiteral("andon"));
    QCOMPARE(m.value(QStringLiteral("level")).toString(), QStringLiteral("machine"));
    QCOMPARE(m.value(QStringLiteral("path")).toString(), kMachine);
    QCOMPARE(m.value(QStringLiteral("period")).toString(), QStringLiteral("live"));
    QCOMPARE(m.value(QStringLiteral("shift")).toString(), QStringLiteral("day"));
    QCOMPARE(m.value(QStringLiteral("complete")).toBool(true), false);
    QCOMPARE(m.value(QStringLiteral("unit")).toString(), QStringLiteral("ratio"));
    QCOMPARE(m.value(QStringLiteral("count_unit")).toString(), QStringLiteral("parts"));
    // The run may have crossed midnight: then the window is the next day's.
    const TimestampMs startMs = static_cast<TimestampMs>(m.value(QStringLiteral("start_ms")).toDouble());
    const QDate day = QDateTime::fromMSecsSinceEpoch(startMs, QTimeZone::utc()).date();
    QCOMPARE(startMs, QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    QCOMPARE(m.value(QStringLiteral("start")).toString(), iso(startMs));
    QCOMPARE(m.value(QStringLiteral("production_day")).toString(), day.toString(Qt::ISODate));
    QVERIFY(m.value(QStringLiteral("end_ms")).toDouble() > double(startMs));
    if (day == today) {
        QCOMPARE(m.value(QStringLiteral("good")).toDouble(), 25.0);
        QCOMPARE(m.value(QStringLiteral("reject")).toDouble(), 5.0);
        QCOMPARE(m.value(QStringLiteral("total")).toDouble(), 30.0);
        QVERIFY(qAbs(m.value(QStringLiteral("quality")).toDouble() - 25.0 / 30.0) < 1e-12);
    }
    for (const char *key : {"availability", "performance", "oee", "planned_production_time_s",
                            "run_time_s", "unknown_time_s", "ts", "end"})
        QVERIFY2(m.contains(QLatin1String(key)), key);

    // The line carries its (only) machine's figures and names it as the bottleneck.
    const QJsonObject line = later.at(kLine, QStringLiteral("oee/live"));
    QCOMPARE(line.value(QStringLiteral("level")).toString(), QStringLiteral("line"));
    QCOMPARE(line.value(QStringLiteral("path")).toString(), kLine);
    QCOMPARE(line.value(QStringLiteral("bottleneck")).toString(), kMachine);
    QCOMPARE(line.value(QStringLiteral("total")).toDouble(), m.value(QStringLiteral("total")).toDouble());

    // The last completed "shift" is the day before the live one, complete.
    const QJsonObject shift = later.at(kMachine, QStringLiteral("oee/shift"));
    QCOMPARE(shift.value(QStringLiteral("period")).toString(), QStringLiteral("shift"));
    QCOMPARE(shift.value(QStringLiteral("complete")).toBool(false), true);
    QCOMPARE(shift.value(QStringLiteral("production_day")).toString(),
             day.addDays(-1).toString(Qt::ISODate));
}

QTEST_GUILESS_MAIN(TstKpiIngest)
#include "tst_kpi_ingest.moc"
