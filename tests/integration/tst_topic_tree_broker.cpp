// TopicTreeModel against real parts: a mosquitto broker on a free loopback port, messages from
// the command-line `mosquitto_pub` (plain number, retained, JSON, several levels, QoS 1) and
// Sparkplug B births/data from the independent Node peer tests/peers/sparkplug_publisher.js
// (npm sparkplug-payload, Eclipse Tahu's codec). Expected values are the ones published below.
#include "connectors/mqtt/mqtt_client.h"
#include "models/topic_tree_model.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/support/test_support.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace andon;
using models::TopicTreeModel;

namespace {

constexpr int kWaitMs = 20000;

QString peerDir()
{
    return test::sourceDir() + QStringLiteral("/tests/peers");
}

QString cell(const TopicTreeModel &m, const QModelIndex &i, int column)
{
    return m.data(i.siblingAtColumn(column)).toString();
}

} // namespace

class TstTopicTreeBroker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("mosquitto_pub")).isEmpty(),
                 "mosquitto_pub is not installed: run scripts/deps");
    }

    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    }

    void plainRetainedJsonLevels()
    {
        test::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        const QString port = QString::number(broker.port());
        const auto pub = [&](const QStringList &args) {
            QString err;
            const bool ok = test::runTool(QStringLiteral("mosquitto_pub"),
                                          QStringList{ QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                                                       QStringLiteral("-p"), port } + args,
                                          &err);
            if (!ok)
                qWarning("%s", qPrintable(err));
            return ok;
        };
        // Retained before anyone subscribes: the broker delivers it with the retain flag.
        QVERIFY(pub({ QStringLiteral("-r"), QStringLiteral("-t"), QStringLiteral("plant/line1/press/temp"),
                      QStringLiteral("-m"), QStringLiteral("21.5") }));

        TopicTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        mqtt::MqttClient client(test::mqttOptions(broker.port()));
        model.attach(&client);
        client.subscribe(QStringLiteral("plant/#"), 1);
        QVERIFY2(client.start(), qPrintable(client.lastError()));
        // The retained message proves the subscription is active.
        QTRY_VERIFY_WITH_TIMEOUT(model.indexOfTopic(QStringLiteral("plant/line1/press/temp")).isValid(),
                                 kWaitMs);

        for (const char *v : { "1", "2", "3" })
            QVERIFY(pub({ QStringLiteral("-t"), QStringLiteral("plant/line1/press/count"),
                          QStringLiteral("-m"), QString::fromLatin1(v) }));
        QVERIFY(pub({ QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"),
                      QStringLiteral("plant/line1/press/status"), QStringLiteral("-m"),
                      QStringLiteral(R"({"value": 42.5, "ts": 1700000000000, "q": "good", "motor": {"current": 3.2, "on": true}})") }));
        QVERIFY(pub({ QStringLiteral("-t"), QStringLiteral("plant/line2/oven/zone1/temp"),
                      QStringLiteral("-m"), QStringLiteral("180") }));
        QVERIFY(pub({ QStringLiteral("-t"), QStringLiteral("other/ignored"), QStringLiteral("-m"),
                      QStringLiteral("x") })); // outside the root filter

        const QString count = QStringLiteral("plant/line1/press/count");
        QTRY_COMPARE_WITH_TIMEOUT(cell(model, model.indexOfTopic(count), TopicTreeModel::CountColumn),
                                  QStringLiteral("3"), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(model.indexOfTopic(QStringLiteral("plant/line2/oven/zone1/temp")).isValid(),
                                 kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(model.indexOfTopic(QStringLiteral("plant/line1/press/status")).isValid(),
                                 kWaitMs);

        // Tree: plant > {line1 > press > {count, status, temp}, line2 > oven > zone1 > temp}.
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex plant = model.indexOfTopic(QStringLiteral("plant"));
        QCOMPARE(model.rowCount(plant), 2);
        QCOMPARE(model.rowCount(model.indexOfTopic(QStringLiteral("plant/line1/press"))), 3);
        QCOMPARE(model.topicCount(), 10);
        QVERIFY(!model.indexOfTopic(QStringLiteral("other")).isValid());

        const QModelIndex temp = model.indexOfTopic(QStringLiteral("plant/line1/press/temp"));
        QCOMPARE(cell(model, temp, TopicTreeModel::ValueColumn), QStringLiteral("21.5"));
        QCOMPARE(cell(model, temp, TopicTreeModel::RetainedColumn), QStringLiteral("retained"));
        QCOMPARE(cell(model, temp, TopicTreeModel::CountColumn), QStringLiteral("1"));
        const QModelIndex c = model.indexOfTopic(count);
        QCOMPARE(cell(model, c, TopicTreeModel::ValueColumn), QStringLiteral("3"));
        QCOMPARE(cell(model, c, TopicTreeModel::RetainedColumn), QString());
        QCOMPARE(cell(model, c, TopicTreeModel::QosColumn), QStringLiteral("0"));
        QCOMPARE(model.details(c).payloadKind, TopicTreeModel::PayloadKind::Number);

        const QModelIndex status = model.indexOfTopic(QStringLiteral("plant/line1/press/status"));
        QCOMPARE(model.details(status).payloadKind, TopicTreeModel::PayloadKind::Json);
        QCOMPARE(cell(model, status, TopicTreeModel::QosColumn), QStringLiteral("1"));
        // JSON field rows (QJsonObject order: motor, q, ts, value) with their pointers.
        QCOMPARE(model.rowCount(status), 4);
        const QModelIndex value = model.child(status, QStringLiteral("value"));
        QCOMPARE(model.details(value).pointer, QStringLiteral("/value"));
        QCOMPARE(cell(model, value, TopicTreeModel::ValueColumn), QStringLiteral("42.5"));
        const QModelIndex current = model.child(model.child(status, QStringLiteral("motor")),
                                                QStringLiteral("current"));
        QCOMPARE(model.details(current).pointer, QStringLiteral("/motor/current"));
        QCOMPARE(cell(model, current, TopicTreeModel::ValueColumn), QStringLiteral("3.2"));
        QCOMPARE(cell(model, model.child(status, QStringLiteral("q")), TopicTreeModel::ValueColumn),
                 QStringLiteral("good"));
        client.stop();
    }

    void sparkplugMetrics()
    {
        QVERIFY2(QFileInfo::exists(peerDir() + QStringLiteral("/node_modules/sparkplug-payload/package.json")),
                 "tests/peers/node_modules is missing: run scripts/deps");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(),
                 "node is not installed: run scripts/deps");
        test::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));

        TopicTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        mqtt::MqttClient client(test::mqttOptions(broker.port()));
        model.attach(&client);
        client.subscribe(QStringLiteral("#"), 1);
        QVERIFY2(client.start(), qPrintable(client.lastError()));
        // A retained marker shows that the subscription is active before the births go out.
        QString err;
        QVERIFY2(test::runTool(QStringLiteral("mosquitto_pub"),
                               { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                 QString::number(broker.port()), QStringLiteral("-r"),
                                 QStringLiteral("-t"), QStringLiteral("marker"), QStringLiteral("-m"),
                                 QStringLiteral("1") },
                               &err),
                 qPrintable(err));
        QTRY_VERIFY_WITH_TIMEOUT(model.indexOfTopic(QStringLiteral("marker")).isValid(), kWaitMs);

        QProcess peer;
        peer.setWorkingDirectory(peerDir());
        peer.start(QStringLiteral("node"),
                   { peerDir() + QStringLiteral("/sparkplug_publisher.js"), QStringLiteral("--port"),
                     QString::number(broker.port()), QStringLiteral("--group"), QStringLiteral("Plant"),
                     QStringLiteral("--node"), QStringLiteral("Edge1"), QStringLiteral("--device"),
                     QStringLiteral("Press"), QStringLiteral("--steps"),
                     QStringLiteral("nbirth,dbirth,ddata:21.5,ndata:1001,ddata:22.5,sleep:200") });
        QVERIFY2(peer.waitForStarted(10'000), qPrintable(peer.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(peer.state() == QProcess::NotRunning, kWaitMs);
        QVERIFY2(peer.exitStatus() == QProcess::NormalExit && peer.exitCode() == 0,
                 qPrintable(QString::fromUtf8(peer.readAll()) + broker.log()));

        // The DDATA topic saw two messages; the metrics hang under spBv1.0/Plant as edge node
        // Edge1 with device Press.
        const QString ddata = QStringLiteral("spBv1.0/Plant/DDATA/Edge1/Press");
        QTRY_COMPARE_WITH_TIMEOUT(cell(model, model.indexOfTopic(ddata), TopicTreeModel::CountColumn),
                                  QStringLiteral("2"), kWaitMs);
        QCOMPARE(model.details(model.indexOfTopic(ddata)).payloadKind,
                 TopicTreeModel::PayloadKind::SparkplugB);
        const QModelIndex group = model.indexOfTopic(QStringLiteral("spBv1.0/Plant"));
        const QModelIndex edge = model.child(group, QStringLiteral("Edge1"));
        QVERIFY(edge.isValid());
        QCOMPARE(model.data(edge, TopicTreeModel::NodeKindRole).toInt(),
                 int(TopicTreeModel::NodeKind::SparkplugNode));
        const QModelIndex press = model.child(edge, QStringLiteral("Press"));
        QVERIFY(press.isValid());

        // From the peer's DBIRTH: Motor/Temperature Float alias 10 engUnit degC, Count UInt32
        // alias 11, Offset Int8 alias 12; the last DDATA (by alias only) sets Temperature 22.5,
        // Count 2 (one per DDATA) and Offset -Math.round(22.5) = -23 (JavaScript rounds .5 up).
        const QModelIndex temp = model.child(press, QStringLiteral("Motor/Temperature"));
        QVERIFY(temp.isValid());
        auto d = model.details(temp);
        QCOMPARE(d.datatype, QStringLiteral("Float"));
        QCOMPARE(d.unit, QStringLiteral("degC"));
        QCOMPARE(d.alias, qint64(10));
        QCOMPARE(d.value, QStringLiteral("22.5"));
        QCOMPARE(cell(model, temp, TopicTreeModel::ValueColumn), QStringLiteral("22.5 degC"));
        d = model.details(model.child(press, QStringLiteral("Count")));
        QCOMPARE(d.datatype, QStringLiteral("UInt32"));
        QCOMPARE(d.alias, qint64(11));
        QCOMPARE(d.value, QStringLiteral("2"));
        d = model.details(model.child(press, QStringLiteral("Offset")));
        QCOMPARE(d.datatype, QStringLiteral("Int8"));
        QCOMPARE(d.alias, qint64(12));
        QCOMPARE(d.value, QStringLiteral("-23"));
        // Node metric Uptime (UInt64, alias 1), updated by NDATA to 1001.
        d = model.details(model.child(edge, QStringLiteral("Uptime")));
        QCOMPARE(d.datatype, QStringLiteral("UInt64"));
        QCOMPARE(d.alias, qint64(1));
        QCOMPARE(d.value, QStringLiteral("1001"));

        // A metric suggests a Sparkplug binding.
        const auto s = model.suggestBinding(temp);
        QVERIFY(s.valid && s.sparkplug);
        QCOMPARE(s.spb.group, QStringLiteral("Plant"));
        QCOMPARE(s.spb.node, QStringLiteral("Edge1"));
        QCOMPARE(s.spb.device, QStringLiteral("Press"));
        QCOMPARE(s.spb.metric, QStringLiteral("Motor/Temperature"));
        QCOMPARE(s.unit, QStringLiteral("degC"));
        QCOMPARE(s.tagName, QStringLiteral("motor_temperature"));
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TstTopicTreeBroker)
#include "tst_topic_tree_broker.moc"
