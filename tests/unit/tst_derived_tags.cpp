// Derived tags (`expression:`, core/derived_tags.h): name resolution, known values computed on
// ingest through the Engine into the TagStore and the historian, quality propagation, chains,
// and clear messages for bad expressions (naming the tag, the expression and the character).
#include "core/config_loader.h"
#include "core/derived_tags.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace andon;

namespace {

// m1 and m2 each have power (kW) and rate (parts/min); the line has a derived total, m1 a
// derived energy per part and a chained Wh per part.
const char *kPlant = R"yaml(andon: 1
plant: { enterprise: t }
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l1
            tags:
              - { name: total_power, unit: kW, expression: "m1.power + m2.power" }
            machines:
              - name: m1
                tags:
                  - { name: power, unit: kW }
                  - { name: rate, unit: parts/min }
                  - { name: kwh_per_part, unit: kWh, decimals: 4, expression: "power / (rate * 60)" }
                  - { name: wh_per_part, unit: Wh, expression: "kwh_per_part * 1000" }
              - name: m2
                tags:
                  - { name: power, unit: kW }
                  - { name: rate, unit: parts/min }
)yaml";

std::shared_ptr<const PlantModel> loadPlant(const QString &yaml, QStringList *messages = nullptr)
{
    const ConfigResult r = ConfigLoader::loadString(yaml.toUtf8(), QStringLiteral("plant.yaml"));
    if (messages)
        *messages = r.formattedMessages();
    return r.model;
}

TagId id(const PlantModel &m, const char *path)
{
    return m.tagIdByPath(QString::fromLatin1(path));
}

} // namespace

class TestDerivedTags : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void cleanupTestCase()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
    }
    void namesResolveToTheClosestTag();
    void knownValuesThroughTheIngestPath();
    void qualityAndDivisionByZero();
    void badExpressions_data();
    void badExpressions();
};

void TestDerivedTags::namesResolveToTheClosestTag()
{
    QStringList messages;
    const auto model = loadPlant(QString::fromUtf8(kPlant), &messages);
    QVERIFY2(model, qPrintable(messages.join(u'\n')));
    const TagDef &kwh = *model->tagByPath(QStringLiteral("t/s/a/l1/m1/kwh_per_part"));
    QString error;
    // "power" from m1's own tag is m1's power, not m2's (closest in the tree).
    QCOMPARE(resolveDerivedName(*model, kwh, QStringLiteral("power"), &error),
             id(*model, "t/s/a/l1/m1/power"));
    QCOMPARE(resolveDerivedName(*model, kwh, QStringLiteral("m2.power"), &error),
             id(*model, "t/s/a/l1/m2/power"));
    // From the line, "power" is equally far from both machines: ambiguous.
    const TagDef &total = *model->tagByPath(QStringLiteral("t/s/a/l1/total_power"));
    QCOMPARE(resolveDerivedName(*model, total, QStringLiteral("power"), &error), kInvalidTag);
    QVERIFY2(error.contains(QStringLiteral("ambiguous")), qPrintable(error));

    DerivedTagEngine engine(*model);
    const std::vector<TagId> derived = engine.derivedTags();
    QCOMPARE(derived.size(), std::size_t(3));
    // Evaluation order: kwh_per_part before wh_per_part, which reads it.
    const auto pos = [&](const char *p) {
        return std::find(derived.begin(), derived.end(), id(*model, p)) - derived.begin();
    };
    QVERIFY(pos("t/s/a/l1/m1/kwh_per_part") < pos("t/s/a/l1/m1/wh_per_part"));
    QCOMPARE(engine.inputsOf(id(*model, "t/s/a/l1/total_power")),
             (std::vector<TagId>{id(*model, "t/s/a/l1/m1/power"), id(*model, "t/s/a/l1/m2/power")}));
}

void TestDerivedTags::knownValuesThroughTheIngestPath()
{
    const auto model = loadPlant(QString::fromUtf8(kPlant));
    QVERIFY(model);
    QTemporaryDir dir;
    Engine engine(model);
    QString error;
    QVERIFY2(engine.openHistorian(dir.filePath(QStringLiteral("h.db")), &error), qPrintable(error));
    const TimestampMs t0 = 1'767'225'600'000;
    const TagId p1 = id(*model, "t/s/a/l1/m1/power"), r1 = id(*model, "t/s/a/l1/m1/rate");
    const TagId p2 = id(*model, "t/s/a/l1/m2/power");
    const TagId kwh = id(*model, "t/s/a/l1/m1/kwh_per_part");
    const TagId wh = id(*model, "t/s/a/l1/m1/wh_per_part");
    const TagId total = id(*model, "t/s/a/l1/total_power");
    // Only m1's power so far: nothing derived can be computed (rate, m2.power missing).
    engine.ingest({{p1, t0, 12.0, Quality::Good}});
    QVERIFY(!engine.tagStore().latest(kwh).hasValue);
    QVERIFY(!engine.tagStore().latest(total).hasValue);
    engine.ingest({{r1, t0 + 1000, 30.0, Quality::Good}, {p2, t0 + 1000, 7.5, Quality::Good}});
    // By hand: 12 kW at 30 parts/min = 1800 parts/h -> 12 / 1800 = 0.0066667 kWh per part,
    // 6.6667 Wh per part; line total 12 + 7.5 = 19.5 kW.
    TagValue v = engine.tagStore().latest(kwh);
    QVERIFY(v.hasValue);
    QCOMPARE(v.t_ms, t0 + 1000);
    QVERIFY(std::abs(v.value - 12.0 / 1800.0) < 1e-12);
    QVERIFY(std::abs(engine.tagStore().latest(wh).value - 12000.0 / 1800.0) < 1e-9);
    QCOMPARE(engine.tagStore().latest(total).value, 19.5);
    // Next sample: power 18 kW at t0+2 s -> 18 / 1800 = 0.01 kWh, total 18 + 7.5 = 25.5 kW.
    engine.ingest({{p1, t0 + 2000, 18.0, Quality::Good}});
    QVERIFY(std::abs(engine.tagStore().latest(kwh).value - 0.01) < 1e-12);
    QCOMPARE(engine.tagStore().latest(total).value, 25.5);
    // Stored like any tag: the historian has the derived samples with their times.
    engine.historian()->flush();
    const std::vector<Sample> stored =
        engine.historian()->raw(QStringLiteral("t/s/a/l1/total_power"), t0, t0 + 10'000);
    QCOMPARE(stored.size(), std::size_t(2));
    QCOMPARE(stored[0].t_ms, t0 + 1000);
    QCOMPARE(stored[0].value, 19.5);
    QCOMPARE(stored[1].t_ms, t0 + 2000);
    QCOMPARE(stored[1].value, 25.5);
    QCOMPARE(engine.historian()->raw(QStringLiteral("t/s/a/l1/m1/wh_per_part"), t0, t0 + 10'000).size(),
             std::size_t(2));
}

void TestDerivedTags::qualityAndDivisionByZero()
{
    const auto model = loadPlant(QString::fromUtf8(kPlant));
    QVERIFY(model);
    DerivedTagEngine engine(*model);
    const TimestampMs t0 = 1'767'225'600'000;
    const TagId p1 = id(*model, "t/s/a/l1/m1/power"), r1 = id(*model, "t/s/a/l1/m1/rate");
    const TagId kwh = id(*model, "t/s/a/l1/m1/kwh_per_part");
    const TagId wh = id(*model, "t/s/a/l1/m1/wh_per_part");
    SampleBatch out = engine.compute({{p1, t0, 10.0, Quality::UncertainLastKnown},
                                      {r1, t0, 20.0, Quality::Good}});
    // Only the rate sample completes kwh_per_part's inputs: kwh and then wh, both Uncertain
    // (the worst input). 10 / (20 * 60) = 0.0083333 kWh.
    QCOMPARE(out.size(), std::size_t(2));
    QCOMPARE(out[0].tag, kwh);
    QCOMPARE(out[0].q, Quality::UncertainLastKnown);
    QVERIFY(std::abs(out[0].value - 10.0 / 1200.0) < 1e-12);
    QCOMPARE(out[1].tag, wh);
    QCOMPARE(out[1].q, Quality::UncertainLastKnown);
    // A stopped machine: rate 0 -> division by zero -> NaN with Bad quality, not inf.
    out = engine.compute({{r1, t0 + 1000, 0.0, Quality::Good}});
    QCOMPARE(out.size(), std::size_t(2));
    QVERIFY(std::isnan(out[0].value));
    QVERIFY(isBad(out[0].q));
    QVERIFY(std::isnan(out[1].value));
    // A Bad input (comm failure) passes its quality on.
    out = engine.compute({{r1, t0 + 2000, 20.0, Quality::BadCommFailure}});
    QCOMPARE(out[0].q, Quality::BadCommFailure);
}

void TestDerivedTags::badExpressions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line"); // of the reported location in plant.yaml
    QTest::addColumn<int>("column");

    // x's line is `                  - { name: x, expression: <expr> }` (line 15); the plain
    // scalar starts at column 44 (1-based), so character N of the expression is column 43 + N.
    // "power +* rate": the '*' is character 8 -> column 51.
    QTest::newRow("syntax") << QStringLiteral("power +* rate")
                            << QStringLiteral("tag t/s/a/l/m/x: expression \"power +* rate\": "
                                              "unexpected operator \"*\" at character 8")
                            << 15 << 51;
    // "power / nosuch": the unknown name starts at character 9 -> column 52.
    QTest::newRow("unknown tag") << QStringLiteral("power / nosuch")
                                 << QStringLiteral("tag t/s/a/l/m/x: expression \"power / nosuch\": "
                                                   "no tag named \"nosuch\" at character 9")
                                 << 15 << 52;
    QTest::newRow("itself") << QStringLiteral("x + 1")
                            << QStringLiteral("tag t/s/a/l/m/x: expression \"x + 1\": \"x\" is "
                                              "this tag itself at character 1")
                            << 15 << 44;
    QTest::newRow("no tag") << QStringLiteral("2 * 3")
                            << QStringLiteral("tag t/s/a/l/m/x: expression \"2 * 3\": refers to "
                                              "no tag")
                            << 15 << 44;
    // y = x * 2 and x = y + 1: reported at y (line 14), which closes the cycle first.
    QTest::newRow("cycle") << QStringLiteral("y + 1")
                           << QStringLiteral("tag t/s/a/l/m/y: expression \"x * 2\": refers to "
                                             "itself through t/s/a/l/m/y → t/s/a/l/m/x → "
                                             "t/s/a/l/m/y")
                           << 14 << 44;
}

void TestDerivedTags::badExpressions()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    const QString yaml = QStringLiteral("andon: 1\n"
                                        "plant: { enterprise: t }\n"
                                        "sites:\n"
                                        "  - name: s\n"
                                        "    areas:\n"
                                        "      - name: a\n"
                                        "        lines:\n"
                                        "          - name: l\n"
                                        "            machines:\n"
                                        "              - name: m\n"
                                        "                tags:\n"
                                        "                  - { name: power }\n"
                                        "                  - { name: rate }\n"
                                        "                  - { name: y, expression: x * 2 }\n"
                                        "                  - { name: x, expression: %1 }\n")
                             .arg(expression);
    QStringList messages;
    const auto model = loadPlant(yaml, &messages);
    QVERIFY(!model);
    const QString expected = QStringLiteral("plant.yaml:%1:%2: error: %3").arg(line).arg(column).arg(message);
    QVERIFY2(messages.contains(expected),
             qPrintable(QStringLiteral("expected: %1\ngot:\n%2").arg(expected, messages.join(u'\n'))));
}

QTEST_GUILESS_MAIN(TestDerivedTags)
#include "tst_derived_tags.moc"
