// PayloadDecoder: every payload format, JSON Pointer details, timestamps, quality,
// scale/offset, topic wildcards and the exact words of the errors for malformed payloads.
#include "connectors/mqtt/payload_decoder.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

#include <cmath>

using namespace andon;
using andon::mqtt::PayloadDecoder;

Q_DECLARE_METATYPE(andon::PayloadFormat)
Q_DECLARE_METATYPE(andon::TagKind)
Q_DECLARE_METATYPE(andon::Quality)

namespace {

constexpr TimestampMs kReceived = 1'700'000'000'000; // 2023-11-14T22:13:20Z

// A plant with one machine (states 1 Running, 2 Idle, 10 "Jam at infeed") and one tag whose
// binding is given by the test row.
std::shared_ptr<const PlantModel> modelWith(const MqttBinding &binding, TagKind kind)
{
    auto m = std::make_shared<PlantModel>();
    Machine mach;
    mach.name = QStringLiteral("m1");
    mach.path = QStringLiteral("p/m1");
    mach.states = {StateDef{1, QStringLiteral("Running"), StateCategory::Running},
                   StateDef{2, QStringLiteral("Idle"), StateCategory::Idle},
                   StateDef{10, QStringLiteral("Jam at infeed"), StateCategory::Down}};
    TagDef t;
    t.id = 0;
    t.name = QStringLiteral("x");
    t.path = QStringLiteral("p/m1/x");
    t.kind = kind;
    t.role = kind == TagKind::State ? TagRole::State : TagRole::None;
    t.machine = 0;
    t.mqtt = binding;
    mach.tags.push_back(0);
    if (kind == TagKind::State)
        mach.roleTags[static_cast<int>(TagRole::State)] = 0;
    m->machines.push_back(mach);
    m->tags.push_back(t);
    m->tagIndex.insert(t.path, 0);
    return m;
}

MqttBinding binding(PayloadFormat f, const QString &topic, const QString &value = QString(),
                    const QString &ts = QString(), const QString &q = QString(),
                    double scale = 1.0, double offset = 0.0)
{
    MqttBinding b;
    b.connection = QStringLiteral("c1");
    b.topic = topic;
    b.format = f;
    b.valuePointer = value;
    b.timestampPointer = ts;
    b.qualityPointer = q;
    b.scale = scale;
    b.offset = offset;
    return b;
}

TimestampMs utcMs(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class TestPayloadDecoder : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { andon::test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(andon::test::unexpectedWarnings(), QStringList()); }

    void decode_data();
    void decode();
    void topicMatching_data();
    void topicMatching();
    void topicFilters();
    void connectionsAreSeparate();
    void severalTagsOnOneTopic();
};

void TestPayloadDecoder::decode_data()
{
    QTest::addColumn<PayloadFormat>("format");
    QTest::addColumn<TagKind>("kind");
    QTest::addColumn<QString>("valuePtr");
    QTest::addColumn<QString>("tsPtr");
    QTest::addColumn<QString>("qPtr");
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("offset");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<double>("value");      // NaN = expect NaN
    QTest::addColumn<Quality>("quality");
    QTest::addColumn<qint64>("t");
    QTest::addColumn<QString>("error");     // exact error text ("" = none)

    const auto A = TagKind::Analog;
    const auto S = TagKind::State;
    const auto B = TagKind::Bool;
    const auto N = PayloadFormat::Number;
    const auto J = PayloadFormat::Json;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QString none;
    const auto G = Quality::Good;
    const auto D = Quality::BadDecodeError;
    const qint64 R = kReceived;

    // --- Number
    QTest::newRow("number plain") << N << A << none << none << none << 1.0 << 0.0
                                  << QByteArray("21.5") << 21.5 << G << R << none;
    QTest::newRow("number trimmed") << N << A << none << none << none << 1.0 << 0.0
                                    << QByteArray("  -3.25\n") << -3.25 << G << R << none;
    QTest::newRow("number exponent") << N << A << none << none << none << 1.0 << 0.0
                                     << QByteArray("1.5e3") << 1500.0 << G << R << none;
    // 21.5 * 2 + 1 = 44
    QTest::newRow("number scale offset") << N << A << none << none << none << 2.0 << 1.0
                                         << QByteArray("21.5") << 44.0 << G << R << none;
    // 1234 * 0.1 - 40 = 83.4
    QTest::newRow("number scale 0.1 offset -40") << N << A << none << none << none << 0.1 << -40.0
                                                 << QByteArray("1234") << 83.4 << G << R << none;
    QTest::newRow("number garbage") << N << A << none << none << none << 1.0 << 0.0
                                    << QByteArray("abc") << nan << D << R
                                    << QStringLiteral("expected a number, got \"abc\"");
    QTest::newRow("number empty") << N << A << none << none << none << 1.0 << 0.0 << QByteArray()
                                  << nan << D << R
                                  << QStringLiteral("expected a number, got \"\"");
    QTest::newRow("number nan word") << N << A << none << none << none << 1.0 << 0.0
                                     << QByteArray("nan") << nan << D << R
                                     << QStringLiteral("expected a number, got \"nan\"");
    QTest::newRow("number trailing junk") << N << A << none << none << none << 1.0 << 0.0
                                          << QByteArray("12 kW") << nan << D << R
                                          << QStringLiteral("expected a number, got \"12 kW\"");

    // --- Bool
    const auto Bf = PayloadFormat::Bool;
    QTest::newRow("bool true") << Bf << B << none << none << none << 1.0 << 0.0
                               << QByteArray("true") << 1.0 << G << R << none;
    QTest::newRow("bool FALSE") << Bf << B << none << none << none << 1.0 << 0.0
                                << QByteArray("FALSE") << 0.0 << G << R << none;
    QTest::newRow("bool On") << Bf << B << none << none << none << 1.0 << 0.0
                             << QByteArray(" On ") << 1.0 << G << R << none;
    QTest::newRow("bool off") << Bf << B << none << none << none << 1.0 << 0.0
                              << QByteArray("off") << 0.0 << G << R << none;
    QTest::newRow("bool 1") << Bf << B << none << none << none << 1.0 << 0.0
                            << QByteArray("1") << 1.0 << G << R << none;
    QTest::newRow("bool 0") << Bf << B << none << none << none << 1.0 << 0.0
                            << QByteArray("0") << 0.0 << G << R << none;
    QTest::newRow("bool yes is not a bool")
            << Bf << B << none << none << none << 1.0 << 0.0 << QByteArray("yes") << nan << D << R
            << QStringLiteral("expected true/false/on/off/1/0, got \"yes\"");

    // --- Enum
    const auto E = PayloadFormat::Enum;
    QTest::newRow("enum Running") << E << S << none << none << none << 1.0 << 0.0
                                  << QByteArray("Running") << 1.0 << G << R << none;
    QTest::newRow("enum with spaces") << E << S << none << none << none << 1.0 << 0.0
                                      << QByteArray("Jam at infeed") << 10.0 << G << R << none;
    QTest::newRow("enum case-insensitive") << E << S << none << none << none << 1.0 << 0.0
                                           << QByteArray("idle") << 2.0 << G << R << none;
    QTest::newRow("enum unknown") << E << S << none << none << none << 1.0 << 0.0
                                  << QByteArray("Exploded") << nan << D << R
                                  << QStringLiteral("unknown state \"Exploded\"");

    // --- JSON values and pointers
    const QString v = QStringLiteral("/value");
    QTest::newRow("json number") << J << A << v << none << none << 1.0 << 0.0
                                 << QByteArray(R"({"value": 21.5})") << 21.5 << G << R << none;
    QTest::newRow("json scale offset") << J << A << v << none << none << 0.5 << 10.0
                                       << QByteArray(R"({"value": 4})") << 12.0 << G << R << none;
    QTest::newRow("json bool true") << J << B << v << none << none << 1.0 << 0.0
                                    << QByteArray(R"({"value": true})") << 1.0 << G << R << none;
    QTest::newRow("json bool false") << J << A << v << none << none << 1.0 << 0.0
                                     << QByteArray(R"({"value": false})") << 0.0 << G << R << none;
    QTest::newRow("json state name") << J << S << v << none << none << 1.0 << 0.0
                                     << QByteArray(R"({"value": "Jam at infeed"})") << 10.0 << G
                                     << R << none;
    QTest::newRow("json state code") << J << S << v << none << none << 1.0 << 0.0
                                     << QByteArray(R"({"value": 2})") << 2.0 << G << R << none;
    QTest::newRow("json unknown state name")
            << J << S << v << none << none << 1.0 << 0.0 << QByteArray(R"({"value": "Nope"})")
            << nan << D << R << QStringLiteral("/value: unknown state \"Nope\"");
    QTest::newRow("json numeric string") << J << A << v << none << none << 1.0 << 0.0
                                         << QByteArray(R"({"value": " 7.25"})") << 7.25 << G << R
                                         << none;
    QTest::newRow("json bool word string on Bool tag")
            << J << B << v << none << none << 1.0 << 0.0 << QByteArray(R"({"value": "on"})")
            << 1.0 << G << R << none;
    QTest::newRow("json nested") << J << A << QStringLiteral("/a/b/c") << none << none << 1.0 << 0.0
                                 << QByteArray(R"({"a": {"b": {"c": 3}}})") << 3.0 << G << R
                                 << none;
    QTest::newRow("json array index") << J << A << QStringLiteral("/data/1/v") << none << none
                                      << 1.0 << 0.0
                                      << QByteArray(R"({"data": [{"v": 1}, {"v": 2}]})") << 2.0
                                      << G << R << none;
    QTest::newRow("json top-level array") << J << A << QStringLiteral("/2") << none << none << 1.0
                                          << 0.0 << QByteArray("[10, 20, 30]") << 30.0 << G << R
                                          << none;
    // RFC 6901 §3: "~1" is "/", "~0" is "~"
    QTest::newRow("json escape ~1") << J << A << QStringLiteral("/a~1b") << none << none << 1.0
                                    << 0.0 << QByteArray(R"({"a/b": 5, "a": {"b": 6}})") << 5.0
                                    << G << R << none;
    QTest::newRow("json escape ~0") << J << A << QStringLiteral("/m~0n") << none << none << 1.0
                                    << 0.0 << QByteArray(R"({"m~n": 8})") << 8.0 << G << R << none;
    // "~01" must decode to "~1" (not "/")
    QTest::newRow("json escape ~01") << J << A << QStringLiteral("/~01") << none << none << 1.0
                                     << 0.0 << QByteArray(R"({"~1": 9, "/": 0})") << 9.0 << G << R
                                     << none;
    QTest::newRow("json empty key") << J << A << QStringLiteral("/") << none << none << 1.0 << 0.0
                                    << QByteArray(R"({"": 4.5})") << 4.5 << G << R << none;
    QTest::newRow("json whole doc scalar") << J << A << none << none << none << 1.0 << 0.0
                                           << QByteArray(" 42 ") << 42.0 << G << R << none;
    QTest::newRow("json bare scalar with pointer")
            << J << A << v << none << none << 1.0 << 0.0 << QByteArray("42") << nan << D << R
            << QStringLiteral("/value: missing");

    // --- JSON errors (words and offsets are QJsonParseError's: Qt calls any unknown bare
    // word an "illegal number" and puts an unterminated string's offset one past the end)
    QTest::newRow("json unterminated object")
            << J << A << v << none << none << 1.0 << 0.0 << QByteArray(R"({"a":1,)") << nan << D
            << R << QStringLiteral("JSON parse error at offset 7: unterminated object");
    QTest::newRow("json unterminated string")
            << J << A << v << none << none << 1.0 << 0.0 << QByteArray(R"({"value": "ab)") << nan
            << D << R << QStringLiteral("JSON parse error at offset 14: unterminated string");
    QTest::newRow("json bad word inside")
            << J << A << v << none << none << 1.0 << 0.0 << QByteArray(R"({"value": hello})")
            << nan << D << R << QStringLiteral("JSON parse error at offset 10: illegal number");
    QTest::newRow("json garbage") << J << A << v << none << none << 1.0 << 0.0
                                  << QByteArray("hello") << nan << D << R
                                  << QStringLiteral("JSON parse error at offset 0: illegal number");
    QTest::newRow("json empty payload") << J << A << v << none << none << 1.0 << 0.0
                                        << QByteArray("") << nan << D << R
                                        << QStringLiteral("JSON parse error: empty payload");
    QTest::newRow("json missing") << J << A << v << none << none << 1.0 << 0.0
                                  << QByteArray(R"({"val": 1})") << nan << D << R
                                  << QStringLiteral("/value: missing");
    QTest::newRow("json string not number")
            << J << A << v << none << none << 1.0 << 0.0 << QByteArray(R"({"value": "abc"})")
            << nan << D << R
            << QStringLiteral("/value: expected a number, got string \"abc\"");
    QTest::newRow("json null") << J << A << v << none << none << 1.0 << 0.0
                               << QByteArray(R"({"value": null})") << nan << D << R
                               << QStringLiteral("/value: expected a number, got null");
    QTest::newRow("json object") << J << A << v << none << none << 1.0 << 0.0
                                 << QByteArray(R"({"value": {"x": 1}})") << nan << D << R
                                 << QStringLiteral("/value: expected a number, got object");
    QTest::newRow("json index out of range")
            << J << A << QStringLiteral("/a/2") << none << none << 1.0 << 0.0
            << QByteArray(R"({"a": [1, 2]})") << nan << D << R
            << QStringLiteral("/a/2: missing (array index 2 out of range, size 2)");
    QTest::newRow("json index leading zero")
            << J << A << QStringLiteral("/a/01") << none << none << 1.0 << 0.0
            << QByteArray(R"({"a": [1, 2]})") << nan << D << R
            << QStringLiteral("/a/01: expected an array index, got \"01\"");
    QTest::newRow("json index dash")
            << J << A << QStringLiteral("/a/-") << none << none << 1.0 << 0.0
            << QByteArray(R"({"a": [1, 2]})") << nan << D << R
            << QStringLiteral("/a/-: expected an array index, got \"-\"");
    QTest::newRow("json pointer through scalar")
            << J << A << QStringLiteral("/value/x") << none << none << 1.0 << 0.0
            << QByteArray(R"({"value": 1})") << nan << D << R
            << QStringLiteral("/value/x: missing");
    QTest::newRow("json bad escape") << J << A << QStringLiteral("/a~2") << none << none << 1.0
                                     << 0.0 << QByteArray(R"({"a~2": 1})") << nan << D << R
                                     << QStringLiteral("/a~2: invalid JSON pointer (bad '~' escape)");
    QTest::newRow("json pointer without slash")
            << J << A << QStringLiteral("value") << none << none << 1.0 << 0.0
            << QByteArray(R"({"value": 1})") << nan << D << R
            << QStringLiteral("value: invalid JSON pointer (must start with '/')");

    // --- Timestamps
    const QString ts = QStringLiteral("/ts");
    QTest::newRow("ts epoch ms") << J << A << v << ts << none << 1.0 << 0.0
                                 << QByteArray(R"({"value": 1, "ts": 1700000123456})") << 1.0 << G
                                 << qint64(1700000123456) << none;
    QTest::newRow("ts epoch s") << J << A << v << ts << none << 1.0 << 0.0
                                << QByteArray(R"({"value": 1, "ts": 1700000123})") << 1.0 << G
                                << qint64(1700000123000) << none;
    QTest::newRow("ts epoch s fractional") << J << A << v << ts << none << 1.0 << 0.0
                                           << QByteArray(R"({"value": 1, "ts": 1700000123.25})")
                                           << 1.0 << G << qint64(1700000123250) << none;
    QTest::newRow("ts iso Z") << J << A << v << ts << none << 1.0 << 0.0
                              << QByteArray(R"({"value": 1, "ts": "2024-01-02T03:04:05.678Z"})")
                              << 1.0 << G << qint64(utcMs(2024, 1, 2, 3, 4, 5, 678)) << none;
    // 05:04:05+02:00 is 03:04:05 UTC
    QTest::newRow("ts iso offset")
            << J << A << v << ts << none << 1.0 << 0.0
            << QByteArray(R"({"value": 1, "ts": "2024-01-02T05:04:05+02:00"})") << 1.0 << G
            << qint64(utcMs(2024, 1, 2, 3, 4, 5, 0)) << none;
    QTest::newRow("ts missing -> receive time")
            << J << A << v << ts << none << 1.0 << 0.0 << QByteArray(R"({"value": 1})") << 1.0
            << G << R << none;
    QTest::newRow("ts garbage keeps value, uncertain")
            << J << A << v << ts << none << 1.0 << 0.0
            << QByteArray(R"({"value": 1, "ts": "yesterday"})") << 1.0 << Quality::Uncertain << R
            << QStringLiteral("/ts: expected epoch ms/s or ISO-8601, got string \"yesterday\"");
    QTest::newRow("ts negative") << J << A << v << ts << none << 1.0 << 0.0
                                 << QByteArray(R"({"value": 1, "ts": -5})") << 1.0
                                 << Quality::Uncertain << R
                                 << QStringLiteral("/ts: expected epoch ms/s or ISO-8601, got number");

    // --- Quality
    const QString q = QStringLiteral("/q");
    QTest::newRow("quality name") << J << A << v << none << q << 1.0 << 0.0
                                  << QByteArray(R"({"value": 1, "q": "bad_stale"})") << 1.0
                                  << Quality::BadStale << R << none;
    QTest::newRow("quality severity word") << J << A << v << none << q << 1.0 << 0.0
                                           << QByteArray(R"({"value": 1, "q": "uncertain"})")
                                           << 1.0 << Quality::Uncertain << R << none;
    QTest::newRow("quality number") << J << A << v << none << q << 1.0 << 0.0
                                    << QByteArray(R"({"value": 1, "q": 133})") << 1.0
                                    << Quality::BadCommFailure /* 0x85 = 133 */ << R << none;
    QTest::newRow("quality missing -> good") << J << A << v << none << q << 1.0 << 0.0
                                             << QByteArray(R"({"value": 1})") << 1.0 << G << R
                                             << none;
    QTest::newRow("quality unknown") << J << A << v << none << q << 1.0 << 0.0
                                     << QByteArray(R"({"value": 1, "q": "meh"})") << 1.0
                                     << Quality::Uncertain << R
                                     << QStringLiteral("/q: unknown quality \"meh\"");
    QTest::newRow("quality out of range") << J << A << v << none << q << 1.0 << 0.0
                                          << QByteArray(R"({"value": 1, "q": 300})") << 1.0
                                          << Quality::Uncertain << R
                                          << QStringLiteral("/q: unknown quality number");
    QTest::newRow("all three") << J << A << v << ts << q << 10.0 << 0.0
                               << QByteArray(R"({"q":"good","ts":1700000000001,"value":0.25})")
                               << 2.5 << G << qint64(1700000000001) << none;
}

void TestPayloadDecoder::decode()
{
    QFETCH(PayloadFormat, format);
    QFETCH(TagKind, kind);
    QFETCH(QString, valuePtr);
    QFETCH(QString, tsPtr);
    QFETCH(QString, qPtr);
    QFETCH(double, scale);
    QFETCH(double, offset);
    QFETCH(QByteArray, payload);
    QFETCH(double, value);
    QFETCH(Quality, quality);
    QFETCH(qint64, t);
    QFETCH(QString, error);

    const QString topic = QStringLiteral("p/m1/x");
    PayloadDecoder dec(modelWith(binding(format, topic, valuePtr, tsPtr, qPtr, scale, offset), kind));
    const auto r = dec.decode(QStringLiteral("c1"), topic, payload, kReceived);
    QCOMPARE(r.error, error);
    QCOMPARE(r.samples.size(), size_t(1));
    const Sample &s = r.samples.front();
    QCOMPARE(s.tag, TagId(0));
    QCOMPARE(s.q, quality);
    QCOMPARE(s.t_ms, t);
    if (std::isnan(value))
        QVERIFY2(std::isnan(s.value), qPrintable(QString::number(s.value)));
    else
        QVERIFY2(std::abs(s.value - value) < 1e-9,
                 qPrintable(QStringLiteral("%1 != %2").arg(s.value).arg(value)));
}

void TestPayloadDecoder::topicMatching_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("matches");
    // MQTT 3.1.1 §4.7.1 examples
    QTest::newRow("exact") << "a/b/c" << "a/b/c" << true;
    QTest::newRow("exact differs") << "a/b/c" << "a/b/d" << false;
    QTest::newRow("exact prefix") << "a/b" << "a/b/c" << false;
    QTest::newRow("+ one level") << "a/+/c" << "a/b/c" << true;
    QTest::newRow("+ not two levels") << "a/+/c" << "a/b/x/c" << false;
    QTest::newRow("+ empty level") << "a/+/c" << "a//c" << true;
    QTest::newRow("+ last") << "a/+" << "a/b" << true;
    QTest::newRow("+ last not deeper") << "a/+" << "a/b/c" << false;
    QTest::newRow("+ last needs level") << "a/+" << "a" << false;
    QTest::newRow("# all below") << "a/#" << "a/b/c/d" << true;
    QTest::newRow("# parent") << "a/#" << "a" << true;
    QTest::newRow("# other root") << "a/#" << "b/c" << false;
    QTest::newRow("# alone") << "#" << "x/y" << true;
    QTest::newRow("# not $SYS") << "#" << "$SYS/broker" << false;
    QTest::newRow("+ not $SYS") << "+/broker" << "$SYS/broker" << false;
    QTest::newRow("$SYS explicit") << "$SYS/#" << "$SYS/broker" << true;
    QTest::newRow("+/+ with #") << "+/m1/#" << "p/m1/x/y" << true;
}

void TestPayloadDecoder::topicMatching()
{
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, matches);
    PayloadDecoder dec(modelWith(binding(PayloadFormat::Number, filter), TagKind::Analog));
    const auto r = dec.decode(QStringLiteral("c1"), topic, QByteArray("1"), kReceived);
    QCOMPARE(r.samples.size(), size_t(matches ? 1 : 0));
}

void TestPayloadDecoder::topicFilters()
{
    auto m = std::make_shared<PlantModel>();
    const QStringList topics = {QStringLiteral("a/1"), QStringLiteral("a/+"),
                                QStringLiteral("a/1"), QStringLiteral("b/#")};
    for (int i = 0; i < topics.size(); ++i) {
        TagDef t;
        t.id = TagId(i);
        t.path = QStringLiteral("t%1").arg(i);
        t.mqtt = binding(PayloadFormat::Number, topics[i]);
        if (i == 3)
            t.mqtt->connection = QStringLiteral("c2");
        m->tags.push_back(t);
    }
    PayloadDecoder dec(m);
    QCOMPARE(dec.topicFilters(QStringLiteral("c1")),
             QStringList({QStringLiteral("a/1"), QStringLiteral("a/+")}));
    QCOMPARE(dec.topicFilters(QStringLiteral("c2")), QStringList({QStringLiteral("b/#")}));
    QCOMPARE(dec.topicFilters(QStringLiteral("nope")), QStringList());

    // a/1 feeds tags 0 and 2 (exact) and 1 (wildcard); order of tags is irrelevant.
    const auto r = dec.decode(QStringLiteral("c1"), QStringLiteral("a/1"), "5", kReceived);
    QList<TagId> got;
    for (const Sample &s : r.samples)
        got.push_back(s.tag);
    std::sort(got.begin(), got.end());
    QCOMPARE(got, QList<TagId>({0, 1, 2}));
}

void TestPayloadDecoder::connectionsAreSeparate()
{
    PayloadDecoder dec(modelWith(binding(PayloadFormat::Number, QStringLiteral("a/b")),
                                 TagKind::Analog));
    QCOMPARE(dec.decode(QStringLiteral("c2"), QStringLiteral("a/b"), "1", kReceived).samples.size(),
             size_t(0));
    QCOMPARE(dec.decode(QStringLiteral("c1"), QStringLiteral("a/b"), "1", kReceived).samples.size(),
             size_t(1));
}

void TestPayloadDecoder::severalTagsOnOneTopic()
{
    // One JSON document carrying two values; a broken pointer for one tag must not spoil the
    // other.
    auto m = std::make_shared<PlantModel>();
    const QStringList ptrs = {QStringLiteral("/temp"), QStringLiteral("/missing"),
                              QStringLiteral("/vib")};
    for (int i = 0; i < ptrs.size(); ++i) {
        TagDef t;
        t.id = TagId(i);
        t.path = QStringLiteral("t%1").arg(i);
        t.mqtt = binding(PayloadFormat::Json, QStringLiteral("m/all"), ptrs[i]);
        m->tags.push_back(t);
    }
    PayloadDecoder dec(m);
    const auto r = dec.decode(QStringLiteral("c1"), QStringLiteral("m/all"),
                              R"({"temp": 51.5, "vib": 2.25})", kReceived);
    QCOMPARE(r.samples.size(), size_t(3));
    QCOMPARE(r.error, QStringLiteral("/missing: missing"));
    for (const Sample &s : r.samples) {
        if (s.tag == 0)
            QCOMPARE(s.value, 51.5);
        else if (s.tag == 2)
            QCOMPARE(s.value, 2.25);
        else
            QCOMPARE(s.q, Quality::BadDecodeError);
    }
}

QTEST_GUILESS_MAIN(TestPayloadDecoder)
#include "tst_payload_decoder.moc"
