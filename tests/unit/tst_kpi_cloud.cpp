// KPI publishing on cloud connections (docs/integrations.md "KPIs back to the plant"): on an
// aws-iot-core connection every KPI topic is checked at load against AWS IoT Core's quotas
// (https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits: at most
// 7 forward slashes and 256 bytes per topic, QoS 0/1), errors at file:line naming the topic;
// on azure-iot-hub KPIs go to the device-to-cloud topic with the KPI topic as a property
// (Microsoft, "Communicate with an IoT hub using the MQTT protocol": devices/{device_id}/
// messages/events/{property_bag}, URL-encoded). Expected strings are written out by hand.
#include "core/cloud_profile.h"
#include "core/config_loader.h"
#include "core/kpi_topics.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace andon;

namespace {

const QString kFile = QStringLiteral("plant.yaml");
const QString kMachine = QStringLiteral("acme/berlin/assembly/line1/press");
const QString kLine = QStringLiteral("acme/berlin/assembly/line1");

// `publish:` is on line 23, its connection on 24; `publishExtra` starts on line 25.
QByteArray plant(const QByteArray &publishConnection, const QByteArray &publishExtra)
{
    return "andon: 1\n"
           "plant: { enterprise: acme }\n"
           "connections:\n"
           "  mqtt:\n"
           "    - { id: plant, host: 127.0.0.1 }\n"
           "    - id: aws\n"
           "      profile: aws-iot-core\n"
           "      host: abc123-ats.iot.eu-central-1.amazonaws.com\n"
           "      thing_name: berlin-andon-01\n"
           "      tls: { ca_file: ca.pem, cert_file: cert.pem, key_file: key.pem }\n"
           "    - { id: hub, profile: azure-iot-hub, hub: acme-plant, device_id: berlin-andon-01, "
           "device_key_env: ANDON_IOTHUB_KEY, tls: { ca_file: ca.pem } }\n"
           "defaults:\n"
           "  states: [ { code: 1, name: Running, category: running } ]\n"
           "sites:\n"
           "  - name: berlin\n"
           "    areas:\n"
           "      - name: assembly\n"
           "        lines:\n"
           "          - name: line1\n"
           "            machines:\n"
           "              - name: press\n"
           "                tags: [ { name: state, role: state, mqtt: { connection: plant } } ]\n"
           "publish:\n"
           "  connection: "
            + publishConnection + "\n" + publishExtra;
}

QStringList withSeverity(const ConfigResult &r, const QString &severity)
{
    QStringList out;
    for (const QString &m : r.formattedMessages())
        if (m.contains(QStringLiteral(": ") + severity + QStringLiteral(": ")))
            out << m;
    return out;
}

} // namespace

class TstKpiCloud : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void topicLayout();
    void azureEventsTopicPropertyBag();
    void wireTopic();
    void awsTopicsCheckedAtLoad_data();
    void awsTopicsCheckedAtLoad();
    void azure_data();
    void azure();

private:
    QTemporaryDir m_dir; // ca.pem, cert.pem, key.pem: their contents do not matter to the loader
};

void TstKpiCloud::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *name : {"ca.pem", "cert.pem", "key.pem"}) {
        QFile f(m_dir.filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("-----BEGIN CERTIFICATE-----\n");
    }
}

void TstKpiCloud::topicLayout()
{
    const ConfigResult r = ConfigLoader::loadString(plant("plant", ""), kFile, m_dir.path());
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    PublishSettings ps = r.model->publish;
    QCOMPARE(kpiTopic(ps, kMachine, QStringLiteral("oee/live")),
             QStringLiteral("acme/berlin/assembly/line1/press/kpi/oee/live"));
    ps.topicPrefix = QStringLiteral("uns/v1");
    QCOMPARE(kpiTopic(ps, kLine, QStringLiteral("state")),
             QStringLiteral("uns/v1/acme/berlin/assembly/line1/kpi/state"));
    // Machines of the line first (the state topic only for a machine with a state tag), then
    // the line; every leaf `what` allows.
    const QStringList expected{
            kMachine + QStringLiteral("/kpi/oee/live"),
            kMachine + QStringLiteral("/kpi/oee/shift"),
            kMachine + QStringLiteral("/kpi/energy_per_unit/live"),
            kMachine + QStringLiteral("/kpi/energy_per_unit/shift"),
            kMachine + QStringLiteral("/kpi/state"),
            kLine + QStringLiteral("/kpi/oee/live"),
            kLine + QStringLiteral("/kpi/oee/shift"),
            kLine + QStringLiteral("/kpi/energy_per_unit/live"),
            kLine + QStringLiteral("/kpi/energy_per_unit/shift")};
    QCOMPARE(kpiTopics(*r.model), expected);
    const ConfigResult stateOnly =
            ConfigLoader::loadString(plant("plant", "  what: [state]\n"), kFile, m_dir.path());
    QVERIFY(stateOnly.ok());
    QCOMPARE(kpiTopics(*stateOnly.model), QStringList{kMachine + QStringLiteral("/kpi/state")});
}

void TstKpiCloud::azureEventsTopicPropertyBag()
{
    // RFC 3986 percent-encoding by hand: ' ' %20, '&' %26, '=' %3D, '/' %2F, 'ü' = UTF-8 C3 BC.
    QCOMPARE(cloud::azureEventsTopic(QStringLiteral("dev-1"),
                                     {{QStringLiteral("a b"), QStringLiteral("x&y=z/ü")}}),
             QStringLiteral("devices/dev-1/messages/events/a%20b=x%26y%3Dz%2F%C3%BC"));
    QCOMPARE(cloud::azureEventsTopic(QStringLiteral("dev-1"), {}),
             QStringLiteral("devices/dev-1/messages/events/"));
}

void TstKpiCloud::wireTopic()
{
    const ConfigResult r = ConfigLoader::loadString(plant("plant", ""), kFile, m_dir.path());
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const QString topic = QStringLiteral("uns/v1/acme/berlin/assembly/line1/press/kpi/oee/live");
    const MqttConnection *plain = r.model->mqttConnection(QStringLiteral("plant"));
    const MqttConnection *aws = r.model->mqttConnection(QStringLiteral("aws"));
    const MqttConnection *hub = r.model->mqttConnection(QStringLiteral("hub"));
    QVERIFY(plain && aws && hub);
    QCOMPARE(kpiWireTopic(*plain, topic), topic);
    QCOMPARE(kpiWireTopic(*aws, topic), topic);
    QCOMPARE(kpiWireTopic(*hub, topic),
             QStringLiteral("devices/berlin-andon-01/messages/events/"
                            "$.ct=application%2Fjson&$.ce=utf-8&"
                            "kpi_topic=uns%2Fv1%2Facme%2Fberlin%2Fassembly%2Fline1%2Fpress%2Fkpi"
                            "%2Foee%2Flive"));
    QVERIFY(kpiWireRetain(*plain, true));
    QVERIFY(kpiWireRetain(*aws, true));
    QVERIFY(!kpiWireRetain(*aws, false));
    QVERIFY(!kpiWireRetain(*hub, true)); // IoT Hub keeps no retained messages
}

void TstKpiCloud::awsTopicsCheckedAtLoad_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QStringList>("errors"); // each error must contain its string, in order

    // acme/berlin/assembly/line1/press/kpi/oee/live: 7 slashes, AWS's maximum.
    QTest::newRow("no prefix: 7 slashes") << QByteArray() << QStringList();
    // uns/ adds an 8th to the machine's oee and energy topics (4 of them); the machine's
    // state topic (7) and the line's topics (7) pass.
    const QString at = QStringLiteral("plant.yaml:25:17: error: publish.topic_prefix: ");
    QTest::newRow("prefix: 8 slashes")
            << QByteArray("  topic_prefix: uns\n")
            << QStringList{at + QStringLiteral("KPI topic 'uns/") + kMachine
                                   + QStringLiteral("/kpi/oee/live' is refused by AWS IoT Core "
                                                    "(connection aws): 8 forward slashes; AWS IoT "
                                                    "Core allows at most 7 per topic"),
                           at + QStringLiteral("KPI topic 'uns/") + kMachine
                                   + QStringLiteral("/kpi/oee/shift'"),
                           at + QStringLiteral("KPI topic 'uns/") + kMachine
                                   + QStringLiteral("/kpi/energy_per_unit/live'"),
                           at + QStringLiteral("1 more KPI topic is refused by AWS IoT Core")};
    QTest::newRow("prefix, state only: 7 slashes")
            << QByteArray("  topic_prefix: uns\n  what: [state]\n") << QStringList();
    // 220 bytes of prefix + '/' + 32 (machine path) + 13 ("/kpi/oee/live") = 266 > 256;
    // every topic is longer than 256 bytes: 9 refused, 3 named and "6 more".
    const QString x = at + QStringLiteral("KPI topic 'xxx");
    QTest::newRow("prefix: 266 bytes")
            << "  topic_prefix: " + QByteArray(220, 'x') + "\n"
            << QStringList{QStringLiteral("/kpi/oee/live' is refused by AWS IoT Core (connection "
                                          "aws): 266 bytes long; AWS IoT Core allows at most 256 "
                                          "bytes per topic"),
                           x, x, at + QStringLiteral("6 more KPI topics are refused")};
    QTest::newRow("qos 2")
            << QByteArray("  qos: 2\n")
            << QStringList{QStringLiteral("plant.yaml:25:8: error: publish.qos: connection aws "
                                          "(profile aws-iot-core) supports QoS 0 and 1 only")};
}

void TstKpiCloud::awsTopicsCheckedAtLoad()
{
    QFETCH(QByteArray, extra);
    QFETCH(QStringList, errors);
    const ConfigResult r = ConfigLoader::loadString(plant("aws", extra), kFile, m_dir.path());
    const QStringList got = withSeverity(r, QStringLiteral("error"));
    QCOMPARE(r.ok(), errors.isEmpty());
    QCOMPARE(got.size(), errors.size());
    for (int i = 0; i < got.size(); ++i)
        QVERIFY2(got.at(i).contains(errors.at(i)), qPrintable(got.at(i) + u'\n' + errors.at(i)));
}

void TstKpiCloud::azure_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("warning");
    // The KPI topic is only a property there: a deep prefix is fine.
    QTest::newRow("deep prefix") << QByteArray("  topic_prefix: uns/v1/a/b/c\n") << QString()
                                 << QString();
    QTest::newRow("retain given")
            << QByteArray("  retain: true\n") << QString()
            << QStringLiteral("plant.yaml:25:11: warning: publish.retain: connection hub "
                              "(profile azure-iot-hub): IoT Hub keeps no retained messages");
    QTest::newRow("qos 2") << QByteArray("  qos: 2\n")
                           << QStringLiteral("publish.qos: connection hub (profile azure-iot-hub) "
                                             "supports QoS 0 and 1 only")
                           << QString();
}

void TstKpiCloud::azure()
{
    QFETCH(QByteArray, extra);
    QFETCH(QString, error);
    QFETCH(QString, warning);
    const ConfigResult r = ConfigLoader::loadString(plant("hub", extra), kFile, m_dir.path());
    const QStringList errors = withSeverity(r, QStringLiteral("error"));
    const QStringList warnings = withSeverity(r, QStringLiteral("warning"));
    QCOMPARE(errors.size(), error.isEmpty() ? 0 : 1);
    if (!error.isEmpty())
        QVERIFY2(errors.front().contains(error), qPrintable(errors.front()));
    QStringList retainWarnings = warnings.filter(QStringLiteral("publish.retain"));
    QCOMPARE(retainWarnings.size(), warning.isEmpty() ? 0 : 1);
    if (!warning.isEmpty())
        QVERIFY2(retainWarnings.front().contains(warning), qPrintable(retainWarnings.front()));
}

QTEST_APPLESS_MAIN(TstKpiCloud)
#include "tst_kpi_cloud.moc"
