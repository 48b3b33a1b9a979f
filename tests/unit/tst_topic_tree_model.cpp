// Unit tests for models::TopicTreeModel fed directly with messages (no broker): tree shape,
// counts, payload kinds, JSON field rows with pointers, binding suggestions, the topic cap and
// the smoothed rate on a manual clock. The model is wrapped in QAbstractItemModelTester.
#include "models/topic_tree_model.h"
#include "tests/support/test_support.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace andon;
using models::TopicTreeModel;

namespace {

mqtt::MqttMessage msg(const QString &topic, const QByteArray &payload, TimestampMs t = 1000,
                      bool retained = false, int qos = 0)
{
    mqtt::MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.receivedMs = t;
    m.retained = retained;
    m.qos = qos;
    return m;
}

QString cell(const TopicTreeModel &m, const QModelIndex &i, int column)
{
    return m.data(i.siblingAtColumn(column)).toString();
}

} // namespace

class TestTopicTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }

    void treeCountsAndFlags()
    {
        ManualClock clock(1'000'000);
        TopicTreeModel model({}, QString(), &clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.ingest(msg(QStringLiteral("plant/line1/press/temp"), "21.5", 1000, true, 1));
        model.ingest(msg(QStringLiteral("plant/line1/press/count"), "1"));
        model.ingest(msg(QStringLiteral("plant/line1/press/count"), "2"));
        model.ingest(msg(QStringLiteral("plant/line1/press/count"), "3"));
        model.ingest(msg(QStringLiteral("plant/line1/press/running"), "true"));
        model.ingest(msg(QStringLiteral("plant/line1/press/state"), "Running"));
        model.ingest(msg(QStringLiteral("plant/line1/press/raw"), QByteArray("\x00\x01\xff", 3)));
        model.flush();

        // plant, line1, press + 5 leaves.
        QCOMPARE(model.topicCount(), 8);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex press = model.indexOfTopic(QStringLiteral("plant/line1/press"));
        QVERIFY(press.isValid());
        QCOMPARE(model.rowCount(press), 5);
        // Siblings sorted by name.
        QStringList names;
        for (int r = 0; r < model.rowCount(press); ++r)
            names << model.index(r, 0, press).data().toString();
        QCOMPARE(names, QStringList({ QStringLiteral("count"), QStringLiteral("raw"),
                                      QStringLiteral("running"), QStringLiteral("state"),
                                      QStringLiteral("temp") }));

        const QModelIndex count = model.indexOfTopic(QStringLiteral("plant/line1/press/count"));
        QCOMPARE(cell(model, count, TopicTreeModel::CountColumn), QStringLiteral("3"));
        QCOMPARE(cell(model, count, TopicTreeModel::ValueColumn), QStringLiteral("3"));
        QCOMPARE(cell(model, count, TopicTreeModel::RetainedColumn), QString());
        const QModelIndex temp = model.indexOfTopic(QStringLiteral("plant/line1/press/temp"));
        QCOMPARE(cell(model, temp, TopicTreeModel::RetainedColumn), QStringLiteral("retained"));
        QCOMPARE(cell(model, temp, TopicTreeModel::QosColumn), QStringLiteral("1"));
        QCOMPARE(model.details(temp).payloadKind, TopicTreeModel::PayloadKind::Number);
        QCOMPARE(model.details(model.indexOfTopic(QStringLiteral("plant/line1/press/running"))).payloadKind,
                 TopicTreeModel::PayloadKind::Boolean);
        QCOMPARE(model.details(model.indexOfTopic(QStringLiteral("plant/line1/press/state"))).payloadKind,
                 TopicTreeModel::PayloadKind::Text);
        const auto raw = model.details(model.indexOfTopic(QStringLiteral("plant/line1/press/raw")));
        QCOMPARE(raw.payloadKind, TopicTreeModel::PayloadKind::Binary);
        QCOMPARE(raw.preview, QStringLiteral("3 bytes: 00 01 ff"));
        QCOMPARE(model.details(press).childTopics, 5);
        QCOMPARE(model.details(model.indexOfTopic(QStringLiteral("plant"))).childTopics, 7);
        QCOMPARE(model.messagesSeen(), std::uint64_t(7));

        // Suggestions follow the payload kind.
        auto s = model.suggestBinding(count);
        QVERIFY(s.valid && !s.sparkplug);
        QCOMPARE(s.mqtt.format, PayloadFormat::Number);
        QCOMPARE(s.mqtt.topic, QStringLiteral("plant/line1/press/count"));
        QCOMPARE(s.tagName, QStringLiteral("count"));
        s = model.suggestBinding(model.indexOfTopic(QStringLiteral("plant/line1/press/running")));
        QCOMPARE(s.mqtt.format, PayloadFormat::Bool);
        QCOMPARE(s.kind, TagKind::Bool);
        s = model.suggestBinding(model.indexOfTopic(QStringLiteral("plant/line1/press/state")));
        QCOMPARE(s.mqtt.format, PayloadFormat::Enum);
        QVERIFY(!model.suggestBinding(press).valid); // a level without its own messages
    }

    void jsonFields()
    {
        ManualClock clock(1'000'000);
        TopicTreeModel model({}, QString(), &clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString topic = QStringLiteral("acme/press/status");
        model.ingest(msg(topic, R"({"value": 42.5, "ts": 1700000000000, "q": "good",
                                   "motor": {"current": 3.2, "on": true}, "a/b~c": [1, 2]})"));
        model.flush();
        const QModelIndex t = model.indexOfTopic(topic);
        QCOMPARE(model.details(t).payloadKind, TopicTreeModel::PayloadKind::Json);
        // Fields in document order (QJsonObject keeps keys sorted: "a/b~c", motor, q, ts, value).
        QStringList fields;
        for (int r = 0; r < model.rowCount(t); ++r)
            fields << model.index(r, 0, t).data().toString();
        QCOMPARE(fields, QStringList({ QStringLiteral("a/b~c"), QStringLiteral("motor"),
                                       QStringLiteral("q"), QStringLiteral("ts"),
                                       QStringLiteral("value") }));
        const QModelIndex current = model.child(model.child(t, QStringLiteral("motor")),
                                                QStringLiteral("current"));
        QVERIFY(current.isValid());
        QCOMPARE(model.details(current).pointer, QStringLiteral("/motor/current"));
        QCOMPARE(cell(model, current, TopicTreeModel::ValueColumn), QStringLiteral("3.2"));
        QCOMPARE(cell(model, current, TopicTreeModel::TypeColumn), QStringLiteral("number"));
        // RFC 6901 escaping: '~' -> ~0, '/' -> ~1.
        const QModelIndex escaped = model.child(model.child(t, QStringLiteral("a/b~c")),
                                                QStringLiteral("1"));
        QCOMPARE(model.details(escaped).pointer, QStringLiteral("/a~1b~0c/1"));

        // The value field suggests a JSON binding with the timestamp and quality beside it,
        // named after the topic (a field called "value" says nothing).
        const auto s = model.suggestBinding(model.child(t, QStringLiteral("value")));
        QVERIFY(s.valid);
        QCOMPARE(s.mqtt.format, PayloadFormat::Json);
        QCOMPARE(s.mqtt.valuePointer, QStringLiteral("/value"));
        QCOMPARE(s.mqtt.timestampPointer, QStringLiteral("/ts"));
        QCOMPARE(s.mqtt.qualityPointer, QStringLiteral("/q"));
        QCOMPARE(s.tagName, QStringLiteral("status"));
        const auto sOn = model.suggestBinding(model.child(model.child(t, QStringLiteral("motor")),
                                                          QStringLiteral("on")));
        QCOMPARE(sOn.kind, TagKind::Bool);
        QCOMPARE(sOn.mqtt.valuePointer, QStringLiteral("/motor/on"));

        // A field missing from the next message stays, marked absent.
        model.ingest(msg(topic, R"({"value": 43})"));
        model.flush();
        QCOMPARE(model.rowCount(t), 5);
        QVERIFY(!model.details(model.child(t, QStringLiteral("q"))).present);
        QVERIFY(model.details(model.child(t, QStringLiteral("value"))).present);
        QCOMPARE(cell(model, model.child(t, QStringLiteral("value")), TopicTreeModel::ValueColumn),
                 QStringLiteral("43"));
        QVERIFY(model.details(t).pretty.contains(QStringLiteral("\"value\": 43")));
    }

    void topicCap()
    {
        ManualClock clock(1'000'000);
        TopicTreeModel model({}, QString(), &clock);
        model.setMaxTopics(5);
        QSignalSpy spy(&model, &TopicTreeModel::limitReachedChanged);
        model.ingest(msg(QStringLiteral("a/b/c"), "1")); // 3 levels
        model.ingest(msg(QStringLiteral("a/b/d"), "1")); // +1 = 4
        model.ingest(msg(QStringLiteral("a/e/f"), "1")); // +2 = 6 > 5: refused
        model.ingest(msg(QStringLiteral("a/g"), "1"));   // +1 = 5
        model.flush();
        QCOMPARE(model.topicCount(), 5);
        QVERIFY(model.limitReached());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(model.droppedMessages(), std::uint64_t(1));
        QVERIFY(!model.indexOfTopic(QStringLiteral("a/e/f")).isValid());
        // Known topics still update.
        model.ingest(msg(QStringLiteral("a/b/c"), "2"));
        model.flush();
        QCOMPARE(cell(model, model.indexOfTopic(QStringLiteral("a/b/c")), TopicTreeModel::CountColumn),
                 QStringLiteral("2"));
        model.clear();
        QCOMPARE(model.topicCount(), 0);
        QVERIFY(!model.limitReached());
    }

    // Exponential smoothing with tau = 5 s, flushed once a second on a manual clock: after
    // the first (time-base) flush, k flushes of 10 messages each give
    // rate_k = 10 * (1 - exp(-k/5)); k = 20: 10 * (1 - e^-4) = 9.8168 (by hand: e^-4 = 0.018316).
    // Then 5 silent seconds decay it by e^-1: 9.8168 * 0.367879 = 3.6114.
    void smoothedRate()
    {
        ManualClock clock(1'000'000);
        TopicTreeModel model({}, QString(), &clock);
        const QString topic = QStringLiteral("x/y");
        model.ingest(msg(topic, "0"));
        model.flush();
        for (int k = 0; k < 20; ++k) {
            clock.advance(1000);
            for (int i = 0; i < 10; ++i)
                model.ingest(msg(topic, "1"));
            model.flush();
        }
        const QModelIndex i = model.indexOfTopic(topic);
        QVERIFY(std::abs(model.details(i).rate - 9.8168) < 1e-3);
        QCOMPARE(cell(model, i, TopicTreeModel::RateColumn), QStringLiteral("9.8"));
        for (int k = 0; k < 5; ++k) {
            clock.advance(1000);
            model.flush();
        }
        QVERIFY(std::abs(model.details(i).rate - 3.6114) < 1e-3);
    }

    void guessKind_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("kind");
        using K = TopicTreeModel::PayloadKind;
        QTest::newRow("empty") << QByteArray() << int(K::Empty);
        QTest::newRow("int") << QByteArray("42") << int(K::Number);
        QTest::newRow("float spaces") << QByteArray(" -1.5e3\n") << int(K::Number);
        QTest::newRow("bool") << QByteArray("FALSE") << int(K::Boolean);
        QTest::newRow("on") << QByteArray("on") << int(K::Boolean);
        QTest::newRow("object") << QByteArray(R"({"a":1})") << int(K::Json);
        QTest::newRow("array") << QByteArray("[1,2]") << int(K::Json);
        QTest::newRow("broken json") << QByteArray("{a:1") << int(K::Text);
        QTest::newRow("text") << QByteArray("Running — ok") << int(K::Text);
        QTest::newRow("nan") << QByteArray("nan") << int(K::Text);
        QTest::newRow("binary") << QByteArray("\x08\x01\x12", 3) << int(K::Binary);
        QTest::newRow("bad utf8") << QByteArray("\xc3\x28") << int(K::Binary);
    }
    void guessKind()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, kind);
        QCOMPARE(int(TopicTreeModel::guessKind(payload)), kind);
    }

    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTopicTreeModel)
#include "tst_topic_tree_model.moc"
