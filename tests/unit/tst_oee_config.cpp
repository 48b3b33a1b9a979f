// The `oee:` section of the plant configuration: targets, thresholds, the reason tree with
// line/machine overrides (extend, rename, disable) and reject reasons, and its error messages.
// Positions in expected messages were counted by hand in the YAML below (1-based).
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QTest>

#include <cmath>

using namespace andon;

namespace {

// 15 lines; snippets appended below start at line 16.
const QByteArray kBase = R"(# base plant: two lines, three machines
andon: 1
plant: { enterprise: acme }
defaults: { states: [ { code: 1, name: Running, category: running } ] }
sites:
  - name: berlin
    areas:
      - name: asm
        lines:
          - name: l1
            machines:
              - { name: m1, tags: [ { name: state, role: state } ] }
              - { name: m2, tags: [ { name: state, role: state } ] }
          - name: l2
            machines: [ { name: m3, tags: [ { name: state, role: state } ] } ]
)";

const QByteArray kTree = R"(oee:
  targets: { oee: 85, availability: 90, performance: 95, quality: 99.5 }
  micro_stop_min: 3
  startup_reject_min: 12.5
  reasons:
    - code: breakdown
      name: Breakdown
      category: breakdown
      children:
        - code: mechanical
          name: Mechanical
          children:
            - { code: bearing, name: Bearing failure }
        - { code: electrical, name: Electrical }
    - { code: material, name: Material, category: material, children: [ { code: starved, name: Starved } ] }
    - { code: changeover, name: Changeover, category: changeover }
  reject_reasons:
    - { code: dimension, name: Dimension out of tolerance }
)";

QStringList messagesOf(const ConfigResult &r)
{
    QStringList out;
    for (const ConfigMessage &m : r.messages)
        out << m.format();
    return out;
}

ConfigResult load(const QByteArray &extra)
{
    return ConfigLoader::loadString(kBase + extra, QStringLiteral("plant.yaml"));
}

QStringList codes(const ReasonTree &t)
{
    QStringList out;
    for (const ReasonDef &r : t.nodes)
        out << r.code;
    return out;
}

} // namespace

class TestOeeConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }

    void defaultsWithoutSection();
    void plantTree();
    void overrides();
    void errors_data();
    void errors();
    void demoPlantHasReasons();
};

void TestOeeConfig::defaultsWithoutSection()
{
    const ConfigResult r = load({});
    QVERIFY2(r.ok() && r.messages.empty(), qPrintable(messagesOf(r).join(u'\n')));
    const OeeSettings &s = r.model->oee;
    QVERIFY(std::isnan(s.targets.oee));
    QCOMPARE(s.microStopMs, TimestampMs(5 * 60'000));
    QCOMPARE(s.startupRejectMs, TimestampMs(10 * 60'000));
    QVERIFY(s.reasons.isEmpty());
    QCOMPARE(&r.model->machineOee(0), &r.model->oee);
}

void TestOeeConfig::plantTree()
{
    const ConfigResult r = load(kTree);
    QVERIFY2(r.ok() && r.messages.empty(), qPrintable(messagesOf(r).join(u'\n')));
    const OeeSettings &s = r.model->oee;
    QCOMPARE(s.targets.oee, 0.85);
    QCOMPARE(s.targets.availability, 0.90);
    QCOMPARE(s.targets.performance, 0.95);
    QCOMPARE(s.targets.quality, 0.995);
    QCOMPARE(s.microStopMs, TimestampMs(3 * 60'000));
    QCOMPARE(s.startupRejectMs, TimestampMs(750'000)); // 12.5 min
    // Parents before children, siblings in file order.
    QCOMPARE(codes(s.reasons),
             (QStringList{QStringLiteral("breakdown"), QStringLiteral("breakdown/mechanical"),
                          QStringLiteral("breakdown/mechanical/bearing"),
                          QStringLiteral("breakdown/electrical"), QStringLiteral("material"),
                          QStringLiteral("material/starved"), QStringLiteral("changeover")}));
    // Categories are inherited from the parent.
    QCOMPARE(s.reasons.find(QStringLiteral("breakdown/mechanical/bearing"))->category,
             QStringLiteral("breakdown"));
    QCOMPARE(s.reasons.find(QStringLiteral("material/starved"))->category,
             QStringLiteral("material"));
    QCOMPARE(s.reasons.displayPath(QStringLiteral("breakdown/mechanical/bearing")),
             QStringLiteral("Breakdown › Mechanical › Bearing failure"));
    QCOMPARE(s.reasons.name(QStringLiteral("nope")), QStringLiteral("nope"));
    QVERIFY(s.reasons.offered(QStringLiteral("breakdown/electrical")));
    QCOMPARE(codes(s.rejectReasons), QStringList{QStringLiteral("dimension")});
    QCOMPARE(s.rejectReasons.nodes[0].category, QStringLiteral("other")); // top level default
}

void TestOeeConfig::overrides()
{
    const ConfigResult r = load(kTree + R"(  by_path:
    acme/berlin/asm/l1/m1:
      micro_stop_min: 1
      reasons:
        - { code: breakdown/electrical, enabled: false }
    acme/berlin/asm/l1:
      targets: { oee: 70 }
      reasons:
        - code: breakdown/mechanical
          name: Mechanics
          children:
            - { code: gearbox, name: Gearbox }
        - { code: organisation, name: Organisation, category: organisation }
)");
    QVERIFY2(r.ok() && r.messages.empty(), qPrintable(messagesOf(r).join(u'\n')));
    const PlantModel &m = *r.model;
    // Line l1: its own target, the rest from the plant; extended and renamed.
    const OeeSettings &line = m.lineOee(0);
    QCOMPARE(line.targets.oee, 0.70);
    QCOMPARE(line.targets.quality, 0.995);
    QCOMPARE(line.microStopMs, TimestampMs(3 * 60'000));
    QCOMPARE(line.reasons.name(QStringLiteral("breakdown/mechanical")), QStringLiteral("Mechanics"));
    QCOMPARE(codes(line.reasons),
             (QStringList{QStringLiteral("breakdown"), QStringLiteral("breakdown/mechanical"),
                          QStringLiteral("breakdown/mechanical/bearing"),
                          QStringLiteral("breakdown/mechanical/gearbox"),
                          QStringLiteral("breakdown/electrical"), QStringLiteral("material"),
                          QStringLiteral("material/starved"), QStringLiteral("changeover"),
                          QStringLiteral("organisation")}));
    // Machine m1 (given before its line in the file): starts from the line's settings.
    const OeeSettings &m1 = m.machineOee(0);
    QCOMPARE(m1.microStopMs, TimestampMs(60'000));
    QCOMPARE(m1.targets.oee, 0.70);
    QVERIFY(m1.reasons.find(QStringLiteral("breakdown/mechanical/gearbox")));
    QVERIFY(!m1.reasons.offered(QStringLiteral("breakdown/electrical")));
    // m2 has no override: its line's. m3 on line l2: the plant's.
    QCOMPARE(&m.machineOee(1), &m.lineOee(0));
    QVERIFY(m.machineOee(1).reasons.offered(QStringLiteral("breakdown/electrical")));
    QCOMPARE(&m.machineOee(2), &m.oee);
    QVERIFY(!m.oee.reasons.find(QStringLiteral("organisation")));
}

void TestOeeConfig::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("unknown key with hint")
        << QByteArray("oee:\n"
                      "  micro_stop_mins: 3\n")
        << QStringList{QStringLiteral("plant.yaml:17:3: error: unknown key 'micro_stop_mins' in "
                                      "oee; did you mean 'micro_stop_min'?")};
    QTest::newRow("target out of range")
        << QByteArray("oee:\n"
                      "  targets: { oee: 185 }\n")
        << QStringList{QStringLiteral("plant.yaml:17:19: error: oee.targets.oee: expected a "
                                      "number from 0 to 100, got \"185\"")};
    QTest::newRow("unknown target")
        << QByteArray("oee:\n"
                      "  targets: { availabilty: 85 }\n")
        << QStringList{QStringLiteral("plant.yaml:17:14: error: unknown key 'availabilty' in "
                                      "oee.targets; did you mean 'availability'?")};
    QTest::newRow("category with hint")
        << QByteArray("oee:\n"
                      "  reasons:\n"
                      "    - { code: bd, name: Breakdown, category: breakdwn }\n")
        << QStringList{QStringLiteral("plant.yaml:18:46: error: oee.reasons[0].category: "
                                      "unknown reason category 'breakdwn'; did you mean "
                                      "'breakdown'?")};
    QTest::newRow("category without hint")
        << QByteArray("oee:\n"
                      "  reasons:\n"
                      "    - { code: bd, name: Breakdown, category: xyz }\n")
        << QStringList{QStringLiteral(
               "plant.yaml:18:46: error: oee.reasons[0].category: unknown reason category "
               "'xyz'; expected one of: breakdown, minor_stop, changeover, material, quality, "
               "organisation, planned, other")};
    QTest::newRow("bad code")
        << QByteArray("oee:\n"
                      "  reasons:\n"
                      "    - { code: a b, name: X }\n")
        << QStringList{QStringLiteral(
               "plant.yaml:18:15: error: oee.reasons[0].code: expected a reason code made of "
               "letters, digits, '_' and '-' (segments joined by '/'), got \"a b\"")};
    QTest::newRow("duplicate code")
        << QByteArray("oee:\n"
                      "  reasons:\n"
                      "    - { code: jam, name: Jam }\n"
                      "    - { code: jam, name: Jam again }\n")
        << QStringList{QStringLiteral("plant.yaml:19:15: error: oee.reasons[1].code: duplicate "
                                      "reason code 'jam'; first given at line 18, column 15")};
    QTest::newRow("missing name")
        << QByteArray("oee:\n"
                      "  reasons:\n"
                      "    - { code: jam }\n")
        << QStringList{QStringLiteral(
               "plant.yaml:18:7: error: missing required key 'name' in oee.reasons[0]")};
    QTest::newRow("unknown parent with hint")
        << QByteArray("oee:\n"
                      "  reasons:\n"
                      "    - { code: breakdown, name: B }\n"
                      "  by_path:\n"
                      "    acme/berlin/asm/l1:\n"
                      "      reasons:\n"
                      "        - { code: breakdwn/x, name: X }\n")
        << QStringList{QStringLiteral(
               "plant.yaml:22:19: error: oee.by_path.acme/berlin/asm/l1.reasons[0].code: "
               "unknown reason 'breakdwn' (the parent of 'breakdwn/x'); did you mean "
               "'breakdown'?")};
    QTest::newRow("override of a mistyped code")
        << QByteArray("oee:\n"
                      "  reasons:\n"
                      "    - { code: breakdown, name: B }\n"
                      "  by_path:\n"
                      "    acme/berlin/asm/l1:\n"
                      "      reasons:\n"
                      "        - { code: breakdwn, enabled: false }\n")
        << QStringList{QStringLiteral(
               "plant.yaml:22:11: error: missing required key 'name' in "
               "oee.by_path.acme/berlin/asm/l1.reasons[0] ('breakdwn' is a new reason; did you "
               "mean 'breakdown'?)")};
    QTest::newRow("unknown path with hint")
        << QByteArray("oee:\n"
                      "  by_path:\n"
                      "    acme/berlin/asm/l3: { micro_stop_min: 2 }\n")
        << QStringList{QStringLiteral(
               "plant.yaml:18:5: error: oee.by_path.acme/berlin/asm/l3: unknown machine or line "
               "path 'acme/berlin/asm/l3'; did you mean 'acme/berlin/asm/l1'?")};
    QTest::newRow("override refuses by_path")
        << QByteArray("oee:\n"
                      "  by_path:\n"
                      "    acme/berlin/asm/l1: { by_path: {} }\n")
        << QStringList{QStringLiteral(
               "plant.yaml:18:27: error: unknown key 'by_path' in oee.by_path.acme/berlin/asm/l1")};
    QTest::newRow("micro-stop threshold")
        << QByteArray("oee:\n"
                      "  micro_stop_min: -1\n")
        << QStringList{QStringLiteral("plant.yaml:17:19: error: oee.micro_stop_min: expected a "
                                      "number from 0 to 1440, got \"-1\"")};
    QTest::newRow("reasons not a list")
        << QByteArray("oee:\n"
                      "  reject_reasons: { code: x }\n")
        << QStringList{QStringLiteral(
               "plant.yaml:17:19: error: oee.reject_reasons: expected a list, got a map")};
}

void TestOeeConfig::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);
    const ConfigResult r = load(yaml);
    QCOMPARE(messagesOf(r), expected);
    QVERIFY(!r.ok());
}

void TestOeeConfig::demoPlantHasReasons()
{
    const ConfigResult r =
        ConfigLoader::loadFile(test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY2(r.ok(), qPrintable(messagesOf(r).join(u'\n')));
    const PlantModel &m = *r.model;
    // demo-plant.yaml: 6 top-level reasons; line1 adds press-tool and renames the sensor
    // fault; the palletizer disables pneumatic and adds no-pallets.
    QCOMPARE(m.oee.targets.oee, 0.65);
    QVERIFY(m.oee.reasons.offered(QStringLiteral("breakdown/mechanical/bearing")));
    QVERIFY(!m.oee.reasons.find(QStringLiteral("breakdown/mechanical/press-tool")));
    QCOMPARE(m.oee.rejectReasons.nodes.size(), std::size_t(4));
    const OeeSettings &line1 = m.lineOee(0);
    QCOMPARE(line1.targets.oee, 0.70);
    QVERIFY(line1.reasons.offered(QStringLiteral("breakdown/mechanical/press-tool")));
    QCOMPARE(line1.reasons.name(QStringLiteral("breakdown/electrical/sensor")),
             QStringLiteral("Light curtain / sensor fault"));
    int palletizer = -1;
    for (std::size_t i = 0; i < m.machines.size(); ++i) {
        if (m.machines[i].name == u"palletizer")
            palletizer = static_cast<int>(i);
    }
    QVERIFY(palletizer >= 0);
    QVERIFY(!m.machineOee(palletizer).reasons.offered(QStringLiteral("breakdown/pneumatic")));
    QVERIFY(m.machineOee(palletizer).reasons.offered(QStringLiteral("material/no-pallets")));
    QCOMPARE(m.machineOee(palletizer).targets.oee, 0.65); // line2 has no override
}

QTEST_GUILESS_MAIN(TestOeeConfig)
#include "tst_oee_config.moc"
