// KPI publishing (engine/kpi_publisher): the `publish:` config section, the topic layout, the
// JSON content against OEE figures computed by hand, and the rate limit on a ManualClock
// (publishes counted through the PublishFn; no broker, no timing asserts).
#include "core/clock.h"
#include "core/config_loader.h"
#include "core/tag_store.h"
#include "engine/kpi_publisher.h"
#include "storage/historian.h"
#include "tests/support/historian_support.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace andon;

namespace {

// One line with one machine (ideal 60 parts/min = 1 s per part), one shift 06:00-14:00 UTC
// without breaks, KPIs published under "uns".
const QByteArray kPlant = R"(andon: 1
plant: { enterprise: acme }
connections:
  mqtt:
    - { id: uns-broker, host: 127.0.0.1, port: 1883 }
defaults:
  stale_after_s: 120
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
    - { code: 10, name: Jam at infeed, category: down }
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
                  - { name: state, kind: state, role: state }
                  - { name: good_count, kind: counter, role: good_count }
                  - { name: reject_count, kind: counter, role: reject_count }
                  - { name: energy, kind: counter, unit: kWh }
calendar:
  timezone: UTC
  non_production_days: []
  shifts:
    - { name: early, start: "06:00", hours: 8 }
energy: { currency: EUR }
publish:
  connection: uns-broker
  topic_prefix: uns
  interval_s: 10
  refresh_s: 60
  what: [oee, energy, state]
)";

const QString kMachine = QStringLiteral("acme/berlin/assembly/line1/press");
const QString kLine = QStringLiteral("acme/berlin/assembly/line1");

// 2026-03-03 (a Tuesday), UTC.
TimestampMs at(int h, int m, int s = 0)
{
    return QDateTime(QDate(2026, 3, 3), QTime(h, m, s), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

class TstKpiPublisher : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void config_data();
    void config();
    void topicLayout_data();
    void topicLayout();
    void jsonContent();
    void rateLimit();
    void failedPublishIsRetried();
    void stateSince();
    void docsExamplesLoad_data();
    void docsExamplesLoad();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<storage::Historian> m_historian;
};

void TstKpiPublisher::initTestCase()
{
    test::installStrictMessageHandler();
    QVERIFY(m_dir.isValid());
    const ConfigResult config = ConfigLoader::loadString(kPlant, QStringLiteral("plant.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;

    // The press from 05:50: off until 06:00, running 06:00-07:00, down (jam) 07:00-07:15,
    // running 07:15-08:00; one state sample a minute. Each running minute adds 50 good and
    // 2 reject parts at its start (counters 0 at 05:59, the baseline) and uses 0.5 kWh: the
    // energy meter, read every minute, stands at 0.5 kWh x the running minutes before.
    QString error;
    const QString db = m_dir.filePath(QStringLiteral("h.sqlite"));
    m_historian = test::openHistorianForModel(db, *m_model, &error);
    QVERIFY2(m_historian, qPrintable(error));
    const TagId state = m_model->tagIdByPath(kMachine + QStringLiteral("/state"));
    const TagId good = m_model->tagIdByPath(kMachine + QStringLiteral("/good_count"));
    const TagId reject = m_model->tagIdByPath(kMachine + QStringLiteral("/reject_count"));
    const TagId energy = m_model->tagIdByPath(kMachine + QStringLiteral("/energy"));
    SampleBatch batch;
    double g = 0, r = 0, e = 0;
    batch.push_back({good, at(5, 59), 0, Quality::Good});
    batch.push_back({reject, at(5, 59), 0, Quality::Good});
    for (TimestampMs t = at(5, 50); t <= at(8, 0); t += 60'000) {
        if (t >= at(6, 0)) // from 06:00: an unchanged reading before would spread the first
            batch.push_back({energy, t, e, Quality::Good}); // 0.5 kWh back to it (energy.cpp)
        if (t == at(8, 0))
            break;
        const bool running = (t >= at(6, 0) && t < at(7, 0)) || (t >= at(7, 15) && t < at(8, 0));
        const int code = t < at(6, 0) ? 0 : running ? 1 : 10;
        batch.push_back({state, t, double(code), Quality::Good});
        if (running) {
            g += 50;
            r += 2;
            e += 0.5;
            batch.push_back({good, t, g, Quality::Good});
            batch.push_back({reject, t, r, Quality::Good});
        }
    }
    m_historian->append(batch);
    m_historian->flush();
}

void TstKpiPublisher::config_data()
{
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QString>("error"); // "" = loads

    QTest::newRow("minimal, defaults") << QByteArray("publish: { connection: uns-broker }\n")
                                       << QString();
    QTest::newRow("off") << QByteArray("publish: { enabled: false, connection: uns-broker }\n")
                         << QString();
    QTest::newRow("missing connection")
            << QByteArray("publish: { interval_s: 5 }\n")
            << QStringLiteral("missing required key 'connection' in publish");
    QTest::newRow("unknown connection")
            << QByteArray("publish: { connection: cloud }\n")
            << QStringLiteral("publish.connection: unknown connection 'cloud'");
    QTest::newRow("interval below 1 s")
            << QByteArray("publish: { connection: uns-broker, interval_s: 0.5 }\n")
            << QStringLiteral("publish.interval_s: expected a number from 1 to 3600");
    QTest::newRow("refresh below interval")
            << QByteArray("publish: { connection: uns-broker, interval_s: 20, refresh_s: 10 }\n")
            << QStringLiteral("publish.refresh_s: expected at least interval_s (20)");
    QTest::newRow("wildcard in prefix")
            << QByteArray("publish: { connection: uns-broker, topic_prefix: a/+/b }\n")
            << QStringLiteral("publish.topic_prefix: expected topic levels without wildcards");
    QTest::newRow("empty level in prefix")
            << QByteArray("publish: { connection: uns-broker, topic_prefix: a//b }\n")
            << QStringLiteral("publish.topic_prefix: expected topic levels");
    QTest::newRow("unknown kpi")
            << QByteArray("publish: { connection: uns-broker, what: [oee, teep] }\n")
            << QStringLiteral("publish.what[1]: unknown KPI 'teep'");
    QTest::newRow("qos 3") << QByteArray("publish: { connection: uns-broker, qos: 3 }\n")
                           << QStringLiteral("publish.qos: expected an integer from 0 to 2");
    QTest::newRow("unknown key")
            << QByteArray("publish: { connection: uns-broker, intervall_s: 3 }\n")
            << QStringLiteral("unknown key 'intervall_s' in publish; did you mean 'interval_s'?");
}

void TstKpiPublisher::config()
{
    QFETCH(QByteArray, section);
    QFETCH(QString, error);
    QByteArray yaml = kPlant;
    yaml.truncate(yaml.indexOf("publish:"));
    yaml += section;
    const ConfigResult r = ConfigLoader::loadString(yaml, QStringLiteral("p.yaml"));
    const QString messages = r.formattedMessages().join(u'\n');
    if (error.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(messages));
        const PublishSettings &p = r.model->publish;
        QCOMPARE(p.connection, QStringLiteral("uns-broker"));
        QCOMPARE(p.enabled, !section.contains("enabled: false"));
        QCOMPARE(p.intervalMs, TimestampMs(10'000));
        QCOMPARE(p.refreshMs, TimestampMs(300'000));
        QVERIFY(p.retain);
        QCOMPARE(p.qos, 1);
        QVERIFY(p.oee && p.energy && p.state);
        QCOMPARE(p.topicPrefix, QString());
    } else {
        QVERIFY(!r.ok());
        QVERIFY2(messages.contains(error), qPrintable(messages));
        // file:line:column of the section (it is the last line of the file).
        const int line = int(yaml.count('\n'));
        QVERIFY2(messages.contains(QStringLiteral("p.yaml:%1:").arg(line)), qPrintable(messages));
    }
    // No `publish:` at all: off.
    QByteArray none = kPlant;
    none.truncate(none.indexOf("publish:"));
    const ConfigResult off = ConfigLoader::loadString(none, QStringLiteral("p.yaml"));
    QVERIFY(off.ok());
    QVERIFY(!off.model->publish.enabled);
}

void TstKpiPublisher::topicLayout_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("leaf");
    QTest::addColumn<QString>("topic");
    QTest::newRow("ISA-95 path") << QString() << QStringLiteral("oee/live")
                                 << kMachine + QStringLiteral("/kpi/oee/live");
    QTest::newRow("prefix") << QStringLiteral("uns/v1") << QStringLiteral("state")
                            << QStringLiteral("uns/v1/") + kMachine + QStringLiteral("/kpi/state");
    QTest::newRow("energy shift") << QStringLiteral("uns") << QStringLiteral("energy_per_unit/shift")
                                  << QStringLiteral("uns/") + kMachine
                                             + QStringLiteral("/kpi/energy_per_unit/shift");
}

void TstKpiPublisher::topicLayout()
{
    QFETCH(QString, prefix);
    QFETCH(QString, leaf);
    QFETCH(QString, topic);
    PublishSettings s;
    s.topicPrefix = prefix;
    QCOMPARE(KpiPublisher::topic(s, kMachine, leaf), topic);
}

void TstKpiPublisher::jsonContent()
{
    QHash<QString, QJsonObject> sent;
    QHash<QString, bool> retained;
    KpiPublisher pub(m_model, m_historian.get(), nullptr,
                     [&](const QString &topic, const QByteArray &payload, int qos, bool retain) {
                         QJsonParseError pe;
                         sent.insert(topic, QJsonDocument::fromJson(payload, &pe).object());
                         retained.insert(topic, retain);
                         return pe.error == QJsonParseError::NoError && qos == 1;
                     });
    const int n = pub.tick(at(8, 0));
    // Machine and line: oee/live, oee/shift (yesterday's early shift), energy_per_unit/live;
    // no energy for yesterday (no meter data), no states (no TagStore).
    const QStringList expected{
            QStringLiteral("uns/") + kMachine + QStringLiteral("/kpi/oee/live"),
            QStringLiteral("uns/") + kMachine + QStringLiteral("/kpi/oee/shift"),
            QStringLiteral("uns/") + kMachine + QStringLiteral("/kpi/energy_per_unit/live"),
            QStringLiteral("uns/") + kLine + QStringLiteral("/kpi/oee/live"),
            QStringLiteral("uns/") + kLine + QStringLiteral("/kpi/oee/shift"),
            QStringLiteral("uns/") + kLine + QStringLiteral("/kpi/energy_per_unit/live")};
    QStringList got = sent.keys();
    got.sort();
    QStringList want = expected;
    want.sort();
    QCOMPARE(got, want);
    QCOMPARE(n, expected.size());
    for (const QString &t : expected)
        QVERIFY2(retained.value(t), qPrintable(t));

    // By hand for [06:00, 08:00): planned production time 7200 s; running 60 + 45 min = 6300 s,
    // A = 6300/7200 = 0.875. 105 running minutes x (50 good + 2 reject) = 5250 good, 210 reject,
    // 5460 total at 1 s ideal: P = 5460/6300 = 0.8666..., Q = 5250/5460 = 0.96153...,
    // OEE = 5250 s fully productive / 7200 s = 0.729166...
    for (const QString &path : {kMachine, kLine}) {
        const QJsonObject o = sent.value(QStringLiteral("uns/") + path + QStringLiteral("/kpi/oee/live"));
        QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("source")).toString(), QStringLiteral("andon"));
        QCOMPARE(o.value(QStringLiteral("ts")).toString(), QStringLiteral("2026-03-03T08:00:00.000Z"));
        QCOMPARE(o.value(QStringLiteral("path")).toString(), path);
        QCOMPARE(o.value(QStringLiteral("level")).toString(),
                 path == kMachine ? QStringLiteral("machine") : QStringLiteral("line"));
        QCOMPARE(o.value(QStringLiteral("period")).toString(), QStringLiteral("live"));
        QCOMPARE(o.value(QStringLiteral("shift")).toString(), QStringLiteral("early"));
        QCOMPARE(o.value(QStringLiteral("production_day")).toString(), QStringLiteral("2026-03-03"));
        QCOMPARE(o.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-03T06:00:00.000Z"));
        QCOMPARE(o.value(QStringLiteral("end")).toString(), QStringLiteral("2026-03-03T08:00:00.000Z"));
        QCOMPARE(o.value(QStringLiteral("start_ms")).toDouble(), double(at(6, 0)));
        QCOMPARE(o.value(QStringLiteral("complete")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("unit")).toString(), QStringLiteral("ratio"));
        QVERIFY(qAbs(o.value(QStringLiteral("availability")).toDouble() - 0.875) < 1e-12);
        QVERIFY(qAbs(o.value(QStringLiteral("performance")).toDouble() - 5460.0 / 6300.0) < 1e-12);
        QVERIFY(qAbs(o.value(QStringLiteral("quality")).toDouble() - 5250.0 / 5460.0) < 1e-12);
        QVERIFY(qAbs(o.value(QStringLiteral("oee")).toDouble() - 5250.0 / 7200.0) < 1e-12);
        QCOMPARE(o.value(QStringLiteral("good")).toDouble(), 5250.0);
        QCOMPARE(o.value(QStringLiteral("total")).toDouble(), 5460.0);
        QCOMPARE(o.value(QStringLiteral("reject")).toDouble(), 210.0);
        QCOMPARE(o.value(QStringLiteral("planned_production_time_s")).toDouble(), 7200.0);
        QCOMPARE(o.value(QStringLiteral("run_time_s")).toDouble(), 6300.0);

        // Energy: 105 x 0.5 kWh = 52.5 kWh for 5250 good parts = 0.01 kWh/part (the line: the
        // sum over its machines / good parts of its last machine, here the same machine).
        const QJsonObject e = sent.value(QStringLiteral("uns/") + path
                                         + QStringLiteral("/kpi/energy_per_unit/live"));
        QVERIFY2(qAbs(e.value(QStringLiteral("energy_kwh")).toDouble() - 52.5) < 1e-9,
                 qPrintable(QString::number(e.value(QStringLiteral("energy_kwh")).toDouble())));
        QVERIFY(qAbs(e.value(QStringLiteral("value")).toDouble() - 0.01) < 1e-12);
        QCOMPARE(e.value(QStringLiteral("unit")).toString(), QStringLiteral("kWh/part"));
        QCOMPARE(e.value(QStringLiteral("good")).toDouble(), 5250.0);
    }
    // Yesterday's shift: no data at all: unknown time only, no KPIs (null, never 0).
    const QJsonObject y = sent.value(QStringLiteral("uns/") + kMachine + QStringLiteral("/kpi/oee/shift"));
    QCOMPARE(y.value(QStringLiteral("production_day")).toString(), QStringLiteral("2026-03-02"));
    QCOMPARE(y.value(QStringLiteral("complete")).toBool(), true);
    QCOMPARE(y.value(QStringLiteral("end")).toString(), QStringLiteral("2026-03-02T14:00:00.000Z"));
    QVERIFY(y.value(QStringLiteral("performance")).isNull());
    QVERIFY(y.value(QStringLiteral("oee")).isNull());
    QCOMPARE(sent.value(QStringLiteral("uns/") + kLine + QStringLiteral("/kpi/oee/live"))
                     .value(QStringLiteral("bottleneck")).toString(),
             kMachine);
}

void TstKpiPublisher::rateLimit()
{
    QHash<QString, int> count;
    KpiPublisher pub(m_model, m_historian.get(), nullptr,
                     [&](const QString &topic, const QByteArray &, int, bool) {
                         count[topic]++;
                         return true;
                     });
    const QString live = QStringLiteral("uns/") + kMachine + QStringLiteral("/kpi/oee/live");
    const QString shift = QStringLiteral("uns/") + kMachine + QStringLiteral("/kpi/oee/shift");
    ManualClock clock(at(8, 0));
    QCOMPARE(pub.tick(clock.now()), 6);
    // Within the 10 s interval: nothing, whatever changed.
    clock.advance(5'000);
    QCOMPARE(pub.tick(clock.now()), 0);
    // 10 s later: the live values changed (the window grew: the 07:59 running sample holds
    // until 08:01), yesterday's shift did not.
    clock.advance(5'000);
    pub.tick(clock.now());
    QCOMPARE(count.value(live), 2);
    QCOMPARE(count.value(shift), 1);
    // Ticks every 10 s up to 60 s after the first publish: the unchanged shift value is sent
    // again once refresh_s (60 s) has passed, not before.
    for (int i = 0; i < 4; ++i) {
        clock.advance(10'000);
        pub.tick(clock.now());
    }
    QCOMPARE(count.value(shift), 1); // at +50 s
    clock.advance(10'000);
    pub.tick(clock.now());
    QCOMPARE(count.value(shift), 2); // at +60 s
    // Never more than one message per topic per 10 s: 7 rounds 10 s apart, 7 live messages.
    QCOMPARE(count.value(live), 7);
    QCOMPARE(pub.publishedCount(), std::uint64_t(0) + [&] {
        std::uint64_t n = 0;
        for (int c : count)
            n += std::uint64_t(c);
        return n;
    }());
}

void TstKpiPublisher::failedPublishIsRetried()
{
    bool up = false;
    int sent = 0;
    KpiPublisher pub(m_model, m_historian.get(), nullptr,
                     [&](const QString &, const QByteArray &, int, bool) {
                         sent += up ? 1 : 0;
                         return up;
                     });
    QCOMPARE(pub.tick(at(8, 0)), 0);
    QCOMPARE(pub.failedCount(), std::uint64_t(6));
    up = true;
    // The next round, even within the interval: nothing was published yet.
    QCOMPARE(pub.tick(at(8, 0) + 1'000), 6);
    QCOMPARE(sent, 6);
}

void TstKpiPublisher::stateSince()
{
    TagStore store(*m_model);
    const TagId state = m_model->tagIdByPath(kMachine + QStringLiteral("/state"));
    store.apply({{state, at(7, 58), 1, Quality::Good}}, at(7, 58));
    store.apply({{state, at(7, 59), 10, Quality::Good}}, at(7, 59));
    store.apply({{state, at(7, 59, 30), 10, Quality::Good}}, at(7, 59, 30));
    QHash<QString, QJsonObject> sent;
    PlantModel copy = *m_model;
    copy.publish.oee = copy.publish.energy = false;
    KpiPublisher pub(std::make_shared<const PlantModel>(copy), m_historian.get(), &store,
                     [&](const QString &topic, const QByteArray &payload, int, bool) {
                         sent.insert(topic, QJsonDocument::fromJson(payload).object());
                         return true;
                     });
    QCOMPARE(pub.tick(at(8, 0)), 1);
    const QJsonObject o = sent.value(QStringLiteral("uns/") + kMachine + QStringLiteral("/kpi/state"));
    QCOMPARE(o.value(QStringLiteral("code")).toInt(), 10);
    QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("Jam at infeed"));
    QCOMPARE(o.value(QStringLiteral("category")).toString(), QStringLiteral("down"));
    QCOMPARE(o.value(QStringLiteral("since")).toString(), QStringLiteral("2026-03-03T07:59:00.000Z"));
    QCOMPARE(o.value(QStringLiteral("quality")).toString(), qualityName(Quality::Good));
    // Same state 20 s later: unchanged, not sent again before refresh_s.
    QCOMPARE(pub.tick(at(8, 0, 20)), 0);
    store.apply({{state, at(8, 0, 25), 1, Quality::Good}}, at(8, 0, 25));
    QCOMPARE(pub.tick(at(8, 0, 30)), 1);
    QCOMPARE(sent.value(QStringLiteral("uns/") + kMachine + QStringLiteral("/kpi/state"))
                     .value(QStringLiteral("since")).toString(),
             QStringLiteral("2026-03-03T08:00:25.000Z"));
}

// The `publish:` snippets of docs/integrations.md and docs/config.md load as written (with the
// connection they name).
void TstKpiPublisher::docsExamplesLoad_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("heading");
    QTest::newRow("integrations") << QStringLiteral("docs/integrations.md")
                                  << QStringLiteral("## KPIs back to the plant");
    QTest::newRow("config") << QStringLiteral("docs/config.md")
                            << QStringLiteral("## KPI publishing");
}

void TstKpiPublisher::docsExamplesLoad()
{
    QFETCH(QString, file);
    QFETCH(QString, heading);
    QFile f(test::sourceDir() + u'/' + file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(f.readAll());
    const qsizetype section = doc.indexOf(heading);
    QVERIFY(section >= 0);
    const qsizetype open = doc.indexOf(QStringLiteral("```\n"), section);
    const qsizetype close = doc.indexOf(QStringLiteral("```"), open + 4);
    QVERIFY(open > 0 && close > open);
    const QString snippet = doc.mid(open + 4, close - open - 4);
    QVERIFY(snippet.startsWith(QStringLiteral("publish:")));
    QByteArray yaml = kPlant;
    yaml.truncate(yaml.indexOf("publish:"));
    yaml.replace("id: uns-broker", "id: plant-broker");
    yaml += snippet.toUtf8();
    const ConfigResult r = ConfigLoader::loadString(yaml, file);
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    QVERIFY(r.model->publish.enabled);
    QCOMPARE(r.model->publish.connection, QStringLiteral("plant-broker"));
    QCOMPARE(r.model->publish.topicPrefix, QStringLiteral("uns/v1"));
    QCOMPARE(r.model->publish.intervalMs, TimestampMs(10'000));
}

QTEST_GUILESS_MAIN(TstKpiPublisher)
#include "tst_kpi_publisher.moc"
