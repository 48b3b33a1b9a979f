// Sparkplug B host logic fed with encoded payloads directly (no broker): births define
// metrics and aliases, data by alias and by name, deaths and bdSeq, sequence checking with
// 255 -> 0 wrap, rebirth requests, STATE messages, and the `sparkplug:` config binding.
#include "connectors/mqtt/sparkplug_codec.h"
#include "connectors/mqtt/sparkplug_host.h"
#include "core/config_loader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace andon;
using namespace andon::mqtt;
using namespace andon::mqtt::sparkplug;

namespace {

const char *kYaml = R"(andon: 1
plant: { enterprise: acme, title: Sparkplug test }
connections:
  mqtt:
    - { id: b, host: 127.0.0.1, port: 1883, sparkplug_host_id: andon-test }
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l
            machines:
              - name: m1
                tags:
                  - { name: temp, unit: "°C", sparkplug: { connection: b, group: G, node: N, device: D1, metric: "Motor/Temp" } }
                  - { name: count, kind: counter, sparkplug: { group: G, node: N, device: D1, metric: Count } }
                  - { name: offset, sparkplug: { group: G, node: N, device: D1, metric: Offset } }
                  - { name: uptime, sparkplug: { group: G, node: N, metric: Uptime } }
                  - { name: motor, sparkplug: { group: G, node: N, device: D2, metric: Motor } }
                  - { name: speed, sparkplug: { group: G, node: N, device: D2, metric: Speed } }
)";

constexpr TagId kTemp = 0, kCount = 1, kOffset = 2, kUptime = 3, kMotor = 4, kSpeed = 5;

std::shared_ptr<const PlantModel> loadModel()
{
    const ConfigResult r = ConfigLoader::loadString(QByteArray(kYaml), QStringLiteral("spb.yaml"));
    if (!r.ok())
        qWarning() << r.formattedMessages();
    return r.model;
}

Metric withAlias(Metric m, std::uint64_t alias)
{
    m.alias = alias;
    return m;
}

// Data message metric: alias only, no name and no datatype (as Sparkplug recommends).
Metric byAlias(std::uint64_t alias, DataType wireType, double v)
{
    Metric m = Metric::number(QString(), wireType, v);
    m.alias = alias;
    m.datatype = DataType::Unknown;
    m.rawDatatype = 0;
    return m;
}

QByteArray nbirth(std::uint64_t seq, std::uint64_t bdSeq, double uptime = 100)
{
    Payload p;
    p.timestamp = 1000;
    p.seq = seq;
    p.metrics.push_back(Metric::number(QStringLiteral("bdSeq"), DataType::UInt64, double(bdSeq)));
    p.metrics.push_back(Metric::number(QStringLiteral("Node Control/Rebirth"), DataType::Boolean, 0));
    p.metrics.push_back(withAlias(Metric::number(QStringLiteral("Uptime"), DataType::UInt32, uptime), 1));
    return encode(p);
}

QByteArray dbirth1(std::uint64_t seq)
{
    Payload p;
    p.timestamp = 1001;
    p.seq = seq;
    Metric t = withAlias(Metric::number(QStringLiteral("Motor/Temp"), DataType::Float, 20.25), 10);
    t.properties.emplace_back(QStringLiteral("engUnit"), QVariant(QStringLiteral("degC")));
    p.metrics.push_back(t);
    p.metrics.push_back(withAlias(Metric::number(QStringLiteral("Count"), DataType::UInt64, 7), 11));
    p.metrics.push_back(withAlias(Metric::number(QStringLiteral("Offset"), DataType::Int8, -3), 12));
    return encode(p);
}

QByteArray dbirth2(std::uint64_t seq)
{
    Payload p;
    p.seq = seq;
    Metric tm;
    tm.name = QStringLiteral("Motor");
    tm.alias = 20;
    tm.datatype = DataType::Template;
    tm.field = ValueField::Template;
    tm.templ = std::make_shared<TemplateValue>();
    tm.templ->templateRef = QStringLiteral("MotorType");
    tm.templ->metrics.push_back(Metric::number(QStringLiteral("rpm"), DataType::UInt16, 1450));
    p.metrics.push_back(tm);
    p.metrics.push_back(withAlias(Metric::number(QStringLiteral("Speed"), DataType::Double, 1.5), 21));
    return encode(p);
}

QByteArray ddata(std::uint64_t seq, std::vector<Metric> metrics, std::uint64_t ts = 2000)
{
    Payload p;
    p.timestamp = ts;
    p.seq = seq;
    p.metrics = std::move(metrics);
    return encode(p);
}

QByteArray ndeath(std::uint64_t bdSeq)
{
    Payload p;
    p.metrics.push_back(Metric::number(QStringLiteral("bdSeq"), DataType::UInt64, double(bdSeq)));
    return encode(p);
}

const QString kNBirth = QStringLiteral("spBv1.0/G/NBIRTH/N");
const QString kNDeath = QStringLiteral("spBv1.0/G/NDEATH/N");
const QString kDBirth1 = QStringLiteral("spBv1.0/G/DBIRTH/N/D1");
const QString kDBirth2 = QStringLiteral("spBv1.0/G/DBIRTH/N/D2");
const QString kDData1 = QStringLiteral("spBv1.0/G/DDATA/N/D1");
const QString kDDeath1 = QStringLiteral("spBv1.0/G/DDEATH/N/D1");

const Sample *find(const SampleBatch &b, TagId tag)
{
    for (const Sample &s : b)
        if (s.tag == tag)
            return &s;
    return nullptr;
}

bool isRebirthRequest(const SparkplugPublish &pub)
{
    if (pub.topic != QStringLiteral("spBv1.0/G/NCMD/N") || pub.retain)
        return false;
    Payload p;
    QString error;
    if (!decode(pub.payload, &p, &error))
        return false;
    const Metric *m = p.metric(QStringLiteral("Node Control/Rebirth"));
    return m && m->datatype == DataType::Boolean && m->field == ValueField::Boolean && m->boolean;
}

} // namespace

class TstSparkplugHost : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<const PlantModel> m_model;

    // Births for the node and both devices, seq 0, 1, 2; returns the host.
    std::unique_ptr<SparkplugHost> bornHost(std::uint64_t bdSeq = 3)
    {
        auto host = std::make_unique<SparkplugHost>(m_model, QStringLiteral("b"),
                                                    QStringLiteral("andon-test"));
        host->handleMessage(kNBirth, nbirth(0, bdSeq), 10'000);
        host->handleMessage(kDBirth1, dbirth1(1), 10'001);
        host->handleMessage(kDBirth2, dbirth2(2), 10'002);
        return host;
    }

private slots:
    void initTestCase()
    {
        m_model = loadModel();
        QVERIFY(m_model);
        QCOMPARE(m_model->tags.size(), std::size_t(6));
        QCOMPARE(m_model->tags[kTemp].name, QStringLiteral("temp"));
        QCOMPARE(m_model->tags[kSpeed].name, QStringLiteral("speed"));
    }

    void configBinding()
    {
        const TagDef &t = m_model->tags[kTemp];
        QVERIFY(t.sparkplug);
        QCOMPARE(t.sparkplug->connection, QStringLiteral("b"));
        QCOMPARE(t.sparkplug->group, QStringLiteral("G"));
        QCOMPARE(t.sparkplug->node, QStringLiteral("N"));
        QCOMPARE(t.sparkplug->device, QStringLiteral("D1"));
        QCOMPARE(t.sparkplug->metric, QStringLiteral("Motor/Temp"));
        QVERIFY(!t.mqtt);
        QCOMPARE(m_model->tags[kUptime].sparkplug->device, QString());
        QCOMPARE(m_model->mqttConnections.front().sparkplugHostId, QStringLiteral("andon-test"));
        QVERIFY(SparkplugHost::hasBindings(*m_model, QStringLiteral("b")));
        QVERIFY(!SparkplugHost::hasBindings(*m_model, QStringLiteral("other")));
    }

    void configErrors_data()
    {
        QTest::addColumn<QByteArray>("binding");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing metric") << QByteArray("{ group: G, node: N }")
                                        << QStringLiteral("missing required key 'metric'");
        QTest::newRow("slash in group") << QByteArray("{ group: G/x, node: N, metric: m }")
                                        << QStringLiteral("expected a Sparkplug id");
        QTest::newRow("unknown key") << QByteArray("{ group: G, node: N, metric: m, devcie: D }")
                                     << QStringLiteral("devcie");
        QTest::newRow("unknown connection")
                << QByteArray("{ connection: nope, group: G, node: N, metric: m }")
                << QStringLiteral("unknown connection");
    }
    void configErrors()
    {
        QFETCH(QByteArray, binding);
        QFETCH(QString, message);
        QByteArray yaml(kYaml);
        yaml.append("                  - { name: extra, sparkplug: " + binding + " }\n");
        const ConfigResult r = ConfigLoader::loadString(yaml, QStringLiteral("spb.yaml"));
        QVERIFY(!r.ok());
        const QString all = r.formattedMessages().join(QLatin1Char('\n'));
        QVERIFY2(all.contains(message), qPrintable(all));
        // file:line of the appended tag (kYaml has 20 lines)
        QVERIFY2(all.contains(QStringLiteral("spb.yaml:21:")), qPrintable(all));
    }

    void topicFiltersAndState()
    {
        SparkplugHost host(m_model, QStringLiteral("b"), QStringLiteral("andon-test"));
        QCOMPARE(host.topicFilters(),
                 QStringList({QStringLiteral("spBv1.0/G/#"), QStringLiteral("spBv1.0/STATE/andon-test")}));
        const SparkplugPublish birth = host.stateBirth();
        const SparkplugPublish death = host.stateDeath();
        QCOMPARE(birth.topic, QStringLiteral("spBv1.0/STATE/andon-test"));
        QCOMPARE(death.topic, birth.topic);
        QVERIFY(birth.retain && death.retain);
        QCOMPARE(birth.qos, 1);
        const QJsonObject b = QJsonDocument::fromJson(birth.payload).object();
        const QJsonObject d = QJsonDocument::fromJson(death.payload).object();
        QCOMPARE(b.value(QStringLiteral("online")).toBool(false), true);
        QCOMPARE(d.value(QStringLiteral("online")).toBool(true), false);
        QVERIFY(b.value(QStringLiteral("timestamp")).toInteger() > 0);
        // Sparkplug 3.0: the will and the birth of one session carry the same timestamp.
        QCOMPARE(d.value(QStringLiteral("timestamp")).toInteger(),
                 b.value(QStringLiteral("timestamp")).toInteger());
        // Someone says we are offline while we are connected: publish the birth again.
        const SparkplugResult r = host.handleMessage(birth.topic, death.payload, 5);
        QCOMPARE(r.publish.size(), std::size_t(1));
        QCOMPARE(r.publish[0].payload, birth.payload);
        QVERIFY(host.handleMessage(birth.topic, birth.payload, 6).publish.empty());
    }

    void birthsDefineMetrics()
    {
        SparkplugHost host(m_model, QStringLiteral("b"), QStringLiteral("andon-test"));
        SparkplugResult r = host.handleMessage(kNBirth, nbirth(0, 3, 100), 10'000);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.publish.empty());
        const Sample *up = find(r.samples, kUptime);
        QVERIFY(up);
        QCOMPARE(up->value, 100.0);
        QCOMPARE(up->q, Quality::Good);
        QCOMPARE(up->t_ms, TimestampMs(1000)); // payload timestamp, not receive time

        r = host.handleMessage(kDBirth1, dbirth1(1), 10'001);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.samples.size(), std::size_t(3));
        QCOMPARE(find(r.samples, kTemp)->value, 20.25);
        QCOMPARE(find(r.samples, kCount)->value, 7.0);
        QCOMPARE(find(r.samples, kOffset)->value, -3.0);

        const auto stats = host.nodeStats();
        QCOMPARE(stats.size(), std::size_t(1));
        QVERIFY(stats[0].online);
        QCOMPARE(stats[0].bdSeq, qint64(3));
        QCOMPARE(stats[0].lastBirthMs, TimestampMs(10'000));
        QCOMPARE(stats[0].devices, QStringList{QStringLiteral("D1")});
        bool sawUnit = false;
        for (const SparkplugMetricInfo &m : host.metrics()) {
            if (m.name == QStringLiteral("Motor/Temp")) {
                QCOMPARE(m.unit, QStringLiteral("degC"));
                QCOMPARE(m.alias, qint64(10));
                QCOMPARE(m.datatype, QStringLiteral("Float"));
                QVERIFY(m.mapped);
                sawUnit = true;
            }
        }
        QVERIFY(sawUnit);
    }

    void dataByAliasAndName()
    {
        auto host = bornHost();
        Metric byName = Metric::number(QStringLiteral("Count"), DataType::UInt64, 9);
        byName.timestamp = 2500;
        const SparkplugResult r = host->handleMessage(
                kDData1,
                ddata(3, {byAlias(10, DataType::Float, 22.5), byAlias(12, DataType::Int8, -100), byName}),
                10'010);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.samples.size(), std::size_t(3));
        QCOMPARE(find(r.samples, kTemp)->value, 22.5);
        QCOMPARE(find(r.samples, kTemp)->t_ms, TimestampMs(2000));
        QCOMPARE(find(r.samples, kOffset)->value, -100.0); // Int8 from the birth's datatype
        QCOMPARE(find(r.samples, kCount)->value, 9.0);
        QCOMPARE(find(r.samples, kCount)->t_ms, TimestampMs(2500)); // metric timestamp wins
        for (const Sample &s : r.samples)
            QCOMPARE(s.q, Quality::Good);
    }

    void templatesAreNotNumbers()
    {
        auto host = bornHost();
        // The DBIRTH of D2 already carried the template: its tag got no number.
        const SparkplugResult r = host->handleMessage(
                QStringLiteral("spBv1.0/G/DDATA/N/D2"), ddata(3, {byAlias(21, DataType::Double, 2.5)}), 10'010);
        QCOMPARE(find(r.samples, kSpeed)->value, 2.5);
        bool reported = false;
        for (const SparkplugMetricInfo &m : host->metrics()) {
            if (m.name == QStringLiteral("Motor")) {
                QCOMPARE(m.datatype, QStringLiteral("Template"));
                QCOMPARE(m.lastValue, QStringLiteral("template MotorType (1 members)"));
                reported = true;
            }
        }
        QVERIFY(reported);
        SparkplugHost fresh(m_model, QStringLiteral("b"), QString());
        fresh.handleMessage(kNBirth, nbirth(0, 1), 1);
        const SparkplugResult b = fresh.handleMessage(kDBirth2, dbirth2(1), 2);
        const Sample *motor = find(b.samples, kMotor);
        QVERIFY(motor);
        QVERIFY(std::isnan(motor->value));
        QCOMPARE(motor->q, Quality::BadConfigError);
        QVERIFY(b.error.contains(QStringLiteral("not numeric")));
    }

    void dataBeforeBirthRequestsRebirth()
    {
        SparkplugHost host(m_model, QStringLiteral("b"), QString());
        SparkplugResult r = host.handleMessage(kDData1, ddata(5, {byAlias(10, DataType::Float, 1)}), 1000);
        QVERIFY(r.samples.empty());
        QCOMPARE(r.publish.size(), std::size_t(1));
        QVERIFY(isRebirthRequest(r.publish[0]));
        QVERIFY(r.error.contains(QStringLiteral("before the node's NBIRTH")));
        // Within the rate limit: no second NCMD.
        r = host.handleMessage(kDData1, ddata(6, {byAlias(10, DataType::Float, 1)}), 1500);
        QVERIFY(r.publish.empty());
        r = host.handleMessage(kDData1, ddata(7, {byAlias(10, DataType::Float, 1)}),
                               1000 + SparkplugHost::kRebirthIntervalMs);
        QCOMPARE(r.publish.size(), std::size_t(1));
        QCOMPARE(host.nodeStats()[0].rebirthsRequested, std::uint64_t(2));
        // DDATA of a device that was never born, on a live node.
        auto born = bornHost();
        r = born->handleMessage(QStringLiteral("spBv1.0/G/DDATA/N/D9"), ddata(3, {byAlias(1, DataType::Int32, 1)}), 20'000);
        QCOMPARE(r.publish.size(), std::size_t(1));
        QVERIFY(isRebirthRequest(r.publish[0]));
    }

    void sequenceGapRequestsRebirth()
    {
        auto host = bornHost();
        // seq 3 expected, 5 arrives: two messages were lost.
        SparkplugResult r = host->handleMessage(kDData1, ddata(5, {byAlias(10, DataType::Float, 30)}), 20'000);
        QVERIFY(r.error.contains(QStringLiteral("sequence number 5, expected 3")));
        QCOMPARE(r.publish.size(), std::size_t(1));
        QVERIFY(isRebirthRequest(r.publish[0]));
        // Every tag of the node with a value is now Uncertain (uptime, temp, count, offset,
        // speed; not the template), and the new value too.
        int uncertain = 0;
        for (const Sample &s : r.samples) {
            QCOMPARE(s.q, Quality::Uncertain);
            ++uncertain;
        }
        QCOMPARE(uncertain, 5 + 1);
        QCOMPARE(r.samples.back().value, 30.0);
        auto stats = host->nodeStats()[0];
        QCOMPARE(stats.sequenceErrors, std::uint64_t(1));
        QCOMPARE(stats.rebirthsRequested, std::uint64_t(1));
        QVERIFY(stats.awaitingRebirth);
        // Following in-sequence data stays Uncertain until the rebirth.
        r = host->handleMessage(kDData1, ddata(6, {byAlias(10, DataType::Float, 31)}), 20'100);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.samples.size(), std::size_t(1));
        QCOMPARE(r.samples[0].q, Quality::Uncertain);
        // The rebirth: values are Good again.
        r = host->handleMessage(kNBirth, nbirth(0, 3), 20'200);
        QCOMPARE(find(r.samples, kUptime)->q, Quality::Good);
        r = host->handleMessage(kDBirth1, dbirth1(1), 20'201);
        QCOMPARE(find(r.samples, kTemp)->q, Quality::Good);
        r = host->handleMessage(kDData1, ddata(2, {byAlias(10, DataType::Float, 32)}), 20'300);
        QCOMPARE(r.samples[0].q, Quality::Good);
        stats = host->nodeStats()[0];
        QVERIFY(!stats.awaitingRebirth);
        QCOMPARE(stats.sequenceErrors, std::uint64_t(1));
    }

    void sequenceWraps()
    {
        SparkplugHost host(m_model, QStringLiteral("b"), QString());
        host.handleMessage(kNBirth, nbirth(252, 1), 1);
        host.handleMessage(kDBirth1, dbirth1(253), 2);
        // 254, 255, 0, 1: the counter wraps without an error.
        for (std::uint64_t seq : {254u, 255u, 0u, 1u}) {
            const SparkplugResult r = host.handleMessage(
                    kDData1, ddata(seq, {byAlias(11, DataType::UInt64, double(seq))}), 3);
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            QVERIFY(r.publish.empty());
            QCOMPARE(find(r.samples, kCount)->q, Quality::Good);
        }
        QCOMPARE(host.nodeStats()[0].sequenceErrors, std::uint64_t(0));
        // 1 -> 3 after the wrap is a gap.
        const SparkplugResult r = host.handleMessage(kDData1, ddata(3, {byAlias(11, DataType::UInt64, 1)}), 4);
        QCOMPARE(r.publish.size(), std::size_t(1));
    }

    void deviceDeathMarksItsTagsStale()
    {
        auto host = bornHost();
        const SparkplugResult r = host->handleMessage(kDDeath1, ddata(3, {}), 30'000);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.samples.size(), std::size_t(3)); // temp, count, offset of D1 only
        for (const Sample &s : r.samples) {
            QCOMPARE(s.q, Quality::BadStale);
            QCOMPARE(s.t_ms, TimestampMs(30'000));
        }
        QCOMPARE(find(r.samples, kTemp)->value, 20.25); // last value kept
        QVERIFY(!find(r.samples, kUptime));
        QCOMPARE(host->nodeStats()[0].offlineDevices, QStringList{QStringLiteral("D1")});
        // Data for the dead device: not applied, rebirth requested.
        const SparkplugResult d = host->handleMessage(kDData1, ddata(4, {byAlias(10, DataType::Float, 1)}), 30'001);
        QVERIFY(d.samples.empty());
        QCOMPARE(d.publish.size(), std::size_t(1));
    }

    void nodeDeathWithMatchingBdSeq()
    {
        auto host = bornHost(7);
        // A will from an older session (bdSeq 6) is ignored.
        SparkplugResult r = host->handleMessage(kNDeath, ndeath(6), 40'000);
        QVERIFY(r.samples.empty());
        QVERIFY(r.error.contains(QStringLiteral("does not match")));
        QVERIFY(host->nodeStats()[0].online);
        r = host->handleMessage(kNDeath, ndeath(7), 40'001);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.samples.size(), std::size_t(5)); // every tag of node N that had a value
        for (const Sample &s : r.samples)
            QCOMPARE(s.q, Quality::BadStale);
        QVERIFY(!host->nodeStats()[0].online);
        // Data after death: before a birth again.
        r = host->handleMessage(kDData1, ddata(3, {byAlias(10, DataType::Float, 1)}), 40'002);
        QVERIFY(r.samples.empty());
        QCOMPARE(r.publish.size(), std::size_t(1));
    }

    void garbageNeverCrashes()
    {
        auto host = bornHost();
        SparkplugResult r = host->handleMessage(kDData1, QByteArray("\xff\xff\xff", 3), 50'000);
        QVERIFY(r.error.contains(QStringLiteral("not a Sparkplug B")));
        QCOMPARE(r.publish.size(), std::size_t(1)); // a lost message: ask for a rebirth
        r = host->handleMessage(QStringLiteral("spBv1.0/G/XBIRTH/N"), nbirth(0, 1), 50'001);
        QVERIFY(!r.error.isEmpty());
        r = host->handleMessage(QStringLiteral("spBv1.0/G/DDATA/N"), ddata(0, {}), 50'002);
        QVERIFY(!r.error.isEmpty()); // device message without a device
        r = host->handleMessage(QStringLiteral("spBv1.0"), QByteArray(), 50'003);
        QVERIFY(!r.error.isEmpty());
        // Our own rebirth command coming back from the broker is ignored.
        r = host->handleMessage(QStringLiteral("spBv1.0/G/NCMD/N"), host->rebirthRequest(QStringLiteral("G"), QStringLiteral("N"), 1).payload, 50'004);
        QVERIFY(r.error.isEmpty() && r.samples.empty() && r.publish.empty());
    }
};

QTEST_GUILESS_MAIN(TstSparkplugHost)
#include "tst_sparkplug_host.moc"
