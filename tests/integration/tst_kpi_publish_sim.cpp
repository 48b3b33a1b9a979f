// End to end: the demo plant backfilled for 8 hours by the real `andon-sim --backfill-hours 8`,
// the KPI publisher run over that historian against a real mosquitto, the retained KPI topics
// read back by a separate MQTT client, and every machine's and line's availability,
// performance, quality and OEE compared with the real `andon-cli oee --json` for the same
// windows (issue 14: "published KPIs match andon-cli oee output for the same period").
#include "connectors/mqtt/mqtt_client.h"
#include "core/clock.h"
#include "core/config_loader.h"
#include "engine/kpi_publisher.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace andon;

namespace {

const QByteArray kPublish = R"(
publish:
  connection: plant-broker
  topic_prefix: uns
  interval_s: 1
  what: [oee, energy, state]
)";

// |a - b| small, or both null (no KPI: no planned time or no parts).
bool sameKpi(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    return qAbs(a.toDouble() - b.toDouble()) <= 1e-9;
}

} // namespace

class TstKpiPublishSim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void publishedKpisMatchTheCli();

private:
    test::MosquittoBroker m_broker;
    QTemporaryDir m_dir;
    QString m_config, m_db;
};

void TstKpiPublishSim::initTestCase()
{
    test::installStrictMessageHandler();
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    QFile demo(test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    m_config = m_dir.filePath(QStringLiteral("plant.yaml"));
    m_db = m_dir.filePath(QStringLiteral("backfill.sqlite"));
    QFile f(m_config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(demo.readAll() + kPublish);
    f.close();

    const test::ToolRun sim = test::runTool(
            QStringLiteral("andon-sim"),
            {QStringLiteral("--config"), m_config, QStringLiteral("--mqtt-port"),
             QString::number(m_broker.port()), QStringLiteral("--seconds"), QStringLiteral("1"),
             QStringLiteral("--seed"), QStringLiteral("14"), QStringLiteral("--backfill-hours"),
             QStringLiteral("8"), QStringLiteral("--backfill-db"), m_db});
    QVERIFY2(sim.exitCode == 0, qPrintable(sim.out + sim.err));
}

void TstKpiPublishSim::publishedKpisMatchTheCli()
{
    const ConfigResult config = ConfigLoader::loadFile(m_config);
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    QVERIFY(config.model->publish.enabled);
    storage::HistorianOptions ho;
    ho.path = m_db;
    ho.readOnly = true;
    QString error;
    auto historian = storage::Historian::open(ho, &error);
    QVERIFY2(historian, qPrintable(error));

    // "Now" = the end of the backfilled history.
    const QString feederState = QStringLiteral("acme/berlin/assembly/line1/feeder/state");
    const std::vector<Sample> states =
            historian->raw(feederState, 0, std::numeric_limits<TimestampMs>::max());
    QVERIFY(states.size() > 1000);
    const TimestampMs now = states.back().t_ms + 1;
    ManualClock clock(now);

    mqtt::MqttClientOptions po;
    po.port = m_broker.port();
    po.clientId = QStringLiteral("kpi-publisher");
    mqtt::MqttClient publisherClient(po);
    QVERIFY(publisherClient.start());
    QTRY_VERIFY_WITH_TIMEOUT(publisherClient.state() == mqtt::MqttClient::State::Connected, 10'000);
    KpiPublisher publisher(config.model, historian.get(), nullptr,
                           [&](const QString &topic, const QByteArray &payload, int qos, bool retain) {
                               return publisherClient.publish(topic, payload, qos, retain);
                           });
    const int sent = publisher.tick(clock.now());
    QVERIFY(sent > 0);
    QVERIFY(publisherClient.waitForPublished(10'000));

    // A consumer that connects afterwards gets the retained values.
    mqtt::MqttClientOptions so;
    so.port = m_broker.port();
    so.clientId = QStringLiteral("kpi-consumer");
    mqtt::MqttClient consumer(so);
    consumer.subscribe(QStringLiteral("uns/#"), 1);
    QVERIFY(consumer.start());
    QHash<QString, QJsonObject> got;
    int notRetained = 0;
    const auto drain = [&]() -> qsizetype {
        for (mqtt::MqttMessage &m : consumer.takeMessages()) {
            notRetained += m.retained ? 0 : 1;
            got.insert(m.topic, QJsonDocument::fromJson(m.payload).object());
        }
        return got.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(drain(), qsizetype(sent), 20'000);
    QCOMPARE(notRetained, 0);

    // Two windows: the live one (current shift so far) and the last completed shift; per
    // window one `andon-cli oee --line` run per line (its JSON holds every machine).
    const PlantModel &model = *config.model;
    int compared = 0, nonNull = 0;
    for (const QString &period : {QStringLiteral("live"), QStringLiteral("shift")}) {
        for (const Line &line : model.lines) {
            const QString topic = QStringLiteral("uns/") + line.path + QStringLiteral("/kpi/oee/")
                    + period;
            QVERIFY2(got.contains(topic), qPrintable(topic));
            const QJsonObject linePayload = got.value(topic);
            const QString from = QString::number(qint64(linePayload.value(QStringLiteral("start_ms")).toDouble()));
            const QString to = QString::number(qint64(linePayload.value(QStringLiteral("end_ms")).toDouble()));
            const test::ToolRun cli = test::runTool(
                    QStringLiteral("andon-cli"),
                    {QStringLiteral("oee"), QStringLiteral("--config"), m_config,
                     QStringLiteral("--db"), m_db, QStringLiteral("--line"), line.path,
                     QStringLiteral("--from"), from, QStringLiteral("--to"), to,
                     QStringLiteral("--json")});
            QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
            const QJsonObject doc = QJsonDocument::fromJson(cli.out.toUtf8()).object();
            const QJsonObject cliLine = doc.value(QStringLiteral("line")).toObject();
            QCOMPARE(cliLine.value(QStringLiteral("bottleneck")).toString(),
                     linePayload.value(QStringLiteral("bottleneck")).toString());
            std::vector<std::pair<QJsonObject, QJsonObject>> pairs{{linePayload, cliLine}};
            for (const QJsonValue &mv : cliLine.value(QStringLiteral("machines")).toArray()) {
                const QJsonObject cm = mv.toObject();
                const QString mt = QStringLiteral("uns/") + cm.value(QStringLiteral("machine")).toString()
                        + QStringLiteral("/kpi/oee/") + period;
                QVERIFY2(got.contains(mt), qPrintable(mt));
                pairs.emplace_back(got.value(mt), cm);
                QCOMPARE(got.value(mt).value(QStringLiteral("good")).toDouble(),
                         cm.value(QStringLiteral("good_count")).toDouble());
                QCOMPARE(got.value(mt).value(QStringLiteral("total")).toDouble(),
                         cm.value(QStringLiteral("total_count")).toDouble());
            }
            for (const auto &[published, cliValues] : pairs) {
                for (const char *k : {"availability", "performance", "quality", "oee"}) {
                    const QString key = QLatin1String(k);
                    QVERIFY2(sameKpi(published.value(key), cliValues.value(key)),
                             qPrintable(QStringLiteral("%1 %2 %3: published %4, andon-cli %5")
                                                .arg(published.value(QStringLiteral("path")).toString(),
                                                     period, key)
                                                .arg(published.value(key).toDouble())
                                                .arg(cliValues.value(key).toDouble())));
                    ++compared;
                    nonNull += published.value(key).isNull() ? 0 : 1;
                }
                QCOMPARE(published.value(QStringLiteral("unit")).toString(), QStringLiteral("ratio"));
            }
        }
    }
    // 2 windows x 2 lines x (line + its machines) x 4 KPIs; the 8 h backfill covers
    // part of both windows, so real numbers were compared, not only nulls.
    QVERIFY(compared >= 2 * 2 * 3 * 4);
    QVERIFY2(nonNull > 0, qPrintable(QStringLiteral("%1 of %2").arg(nonNull).arg(compared)));
    QCOMPARE(publisher.failedCount(), std::uint64_t(0));
}

QTEST_GUILESS_MAIN(TstKpiPublishSim)
#include "tst_kpi_publish_sim.moc"
