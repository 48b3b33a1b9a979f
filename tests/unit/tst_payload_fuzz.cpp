// Bounded mutation fuzzing of PayloadDecoder: 20,000 mutated payloads through every format.
// The decoder must never crash (ASan/UBSan builds catch memory and UB errors) and must
// always return one sample per bound tag, either decoded or NaN + BadDecodeError.
#include "connectors/mqtt/payload_decoder.h"
#include "tests/support/test_support.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace andon;
using andon::mqtt::PayloadDecoder;

namespace {

std::shared_ptr<const PlantModel> fuzzModel()
{
    auto m = std::make_shared<PlantModel>();
    Machine mach;
    mach.name = QStringLiteral("m");
    mach.states = {StateDef{1, QStringLiteral("Running"), StateCategory::Running},
                   StateDef{10, QStringLiteral("Jam"), StateCategory::Down}};
    struct Def
    {
        PayloadFormat f;
        TagKind kind;
        const char16_t *value;
        const char16_t *ts;
        const char16_t *q;
    };
    const Def defs[] = {
        {PayloadFormat::Json, TagKind::Analog, u"/value", u"/ts", u"/q"},
        {PayloadFormat::Json, TagKind::State, u"/state", u"/t/0", u""},
        {PayloadFormat::Json, TagKind::Analog, u"/a~1b/0/~0", u"", u"/q"},
        {PayloadFormat::Json, TagKind::Bool, u"", u"", u""},
        {PayloadFormat::Number, TagKind::Analog, u"", u"", u""},
        {PayloadFormat::Bool, TagKind::Bool, u"", u"", u""},
        {PayloadFormat::Enum, TagKind::State, u"", u"", u""},
    };
    TagId id = 0;
    for (const Def &d : defs) {
        TagDef t;
        t.id = id;
        t.path = QStringLiteral("m/t%1").arg(id);
        t.kind = d.kind;
        t.machine = 0;
        MqttBinding b;
        b.connection = QStringLiteral("c");
        b.topic = QStringLiteral("fuzz/+");
        b.format = d.f;
        b.valuePointer = QString::fromUtf16(d.value);
        b.timestampPointer = QString::fromUtf16(d.ts);
        b.qualityPointer = QString::fromUtf16(d.q);
        b.scale = 1e300; // provokes overflow to inf: must become a decode error, not UB
        t.mqtt = b;
        mach.tags.push_back(id);
        m->tags.push_back(t);
        ++id;
    }
    m->machines.push_back(mach);
    return m;
}

} // namespace

class TestPayloadFuzz : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { andon::test::installStrictMessageHandler(); }
    void mutatedPayloads();
};

void TestPayloadFuzz::mutatedPayloads()
{
    const auto model = fuzzModel();
    PayloadDecoder dec(model);
    const QList<QByteArray> seeds = {
        R"({"value": 21.5, "ts": 1700000000000, "q": "good", "state": "Running"})",
        R"({"value": "12", "ts": "2024-01-02T03:04:05Z", "q": 133, "t": [1700000000]})",
        R"({"a/b": [{"~": 1e308}], "q": "bad_stale", "state": 10})",
        R"([1, [2, [3, {"x": null}]], true, false, "s"])",
        "21.5", "true", "Running", "Jam", "-0", "1e-400", "off",
        "{\"value\": \"\\u00e9\\ud800\"}", "",
    };
    std::mt19937_64 rng(20240601); // fixed: a failure must reproduce
    const char specials[] = "{}[]\":,\\/~01+-.eE \t\n\x00\xff\x80" "truefalsenull";
    int decodedGood = 0;
    int decodedBad = 0;
    constexpr int kIterations = 20000;
    for (int i = 0; i < kIterations; ++i) {
        QByteArray p = seeds[static_cast<int>(rng() % static_cast<std::uint64_t>(seeds.size()))];
        const int mutations = 1 + static_cast<int>(rng() % 8);
        for (int k = 0; k < mutations; ++k) {
            const auto op = rng() % 6;
            const auto pos = p.isEmpty() ? 0 : static_cast<qsizetype>(rng() % (p.size() + 1));
            const char c = (rng() % 2) ? specials[rng() % (sizeof(specials) - 1)]
                                       : static_cast<char>(rng() & 0xff);
            switch (op) {
            case 0: p.insert(pos, c); break;
            case 1: if (pos < p.size()) p.remove(pos, 1); break;
            case 2: if (pos < p.size()) p[pos] = c; break;
            case 3: p.insert(pos, p.mid(0, static_cast<qsizetype>(rng() % 16))); break; // duplicate
            case 4: p.truncate(pos); break;
            default: // nest deeper
                p = rng() % 2 ? QByteArray("[" + p + "]") : QByteArray(R"({"value": )" + p + "}");
                break;
            }
        }
        if (p.size() > 4096)
            p.truncate(4096); // keep the loop bounded in time too
        const auto r = dec.decode(QStringLiteral("c"), QStringLiteral("fuzz/x"), p, 1000);
        QCOMPARE(r.samples.size(), model->tags.size());
        for (const Sample &s : r.samples) {
            if (s.q == Quality::BadDecodeError) {
                QVERIFY(std::isnan(s.value));
                QVERIFY2(!r.error.isEmpty(), p.toHex().constData());
                ++decodedBad;
            } else {
                QVERIFY2(std::isfinite(s.value), p.toHex().constData());
                ++decodedGood;
            }
        }
    }
    // Both outcomes must occur, or the mutations are not exercising the decoder.
    QVERIFY(decodedGood > 100);
    QVERIFY(decodedBad > 100);
    QCOMPARE(andon::test::unexpectedWarnings(), QStringList());
}

QTEST_GUILESS_MAIN(TestPayloadFuzz)
#include "tst_payload_fuzz.moc"
