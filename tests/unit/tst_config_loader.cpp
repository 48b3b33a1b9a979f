// Tests for andon::ConfigLoader: the demo plant, every error class with its exact
// "file:line:column" message, and merging of defaults. Expected positions were counted by
// hand in the YAML snippets below (1-based; a column is the first character of the node).
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;

namespace {

QStringList errorsOf(const ConfigResult &r)
{
    QStringList out;
    for (const ConfigMessage &m : r.messages) {
        if (m.severity == ConfigMessage::Severity::Error)
            out << m.format();
    }
    return out;
}

const QString kFile = QStringLiteral("plant.yaml");

} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }

    void demoPlantLoads();
    void errors_data();
    void errors();
    void missingFile();
    void severalErrorsInFileOrder();
    void warningKeepsModel();
    void defaultsAreMerged();
    void tagIdsFollowFileOrder();
    void aliasedErrorReportedOnce();
    void documentedExampleLoads();
    void messageFormat();
};

void TestConfigLoader::demoPlantLoads()
{
    const QString file = test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml");
    const ConfigResult r = ConfigLoader::loadFile(file);
    QVERIFY2(r.messages.empty(), qPrintable(r.formattedMessages().join(u'\n')));
    QVERIFY(r.ok());
    const PlantModel &m = *r.model;

    QCOMPARE(m.sourceFile, QFileInfo(file).absoluteFilePath());
    QCOMPARE(m.schemaVersion, 1);
    QCOMPARE(m.enterprise, QStringLiteral("acme"));
    QCOMPARE(m.title, QStringLiteral("ACME Berlin demo plant"));

    // Counted in demo-plant.yaml: 1 site, 2 areas (assembly, packaging), 2 lines (line1,
    // line2), 4 + 4 machines, each with the 11 standard machine tags (state, good_count,
    // reject_count, rate, motor_temp, vibration_rms, power, total_count, product,
    // motor_current, energy), plus the palletizer's case_weight (check-weigher, with spec
    // limits), 2 air tags per line (air_flow, air_total), ambient_temp and 4 site meter tags
    // (main_power, main_energy, compressor_power, compressor_energy): 88 + 1 + 4 + 1 + 4 = 98.
    // Ids follow the file: line1's machines 0-43, line1's air tags 44-45, filler 46, capper
    // 57, labeler 68, palletizer 79-90, line2's air tags 91-92, ambient 93, site tags 94-97.
    constexpr std::size_t kMachineTags = 11;
    constexpr std::size_t kTags = 8 * kMachineTags + 1 + 4 + 1 + 4;
    constexpr TagId kCapper = 5 * kMachineTags + 2; // after line1's two air tags
    QCOMPARE(m.sites.size(), std::size_t(1));
    QCOMPARE(m.areas.size(), std::size_t(2));
    QCOMPARE(m.lines.size(), std::size_t(2));
    QCOMPARE(m.machines.size(), std::size_t(8));
    QCOMPARE(m.tags.size(), kTags);
    QCOMPARE(m.mqttConnections.size(), std::size_t(1));
    QCOMPARE(std::size_t(m.tagIndex.size()), kTags);

    // Hierarchy links.
    QCOMPARE(m.sites[0].path, QStringLiteral("acme/berlin"));
    QCOMPARE(m.sites[0].areas, (std::vector<int> { 0, 1 }));
    QCOMPARE(m.areas[1].path, QStringLiteral("acme/berlin/packaging"));
    QCOMPARE(m.areas[1].lines, (std::vector<int> { 1 }));
    QCOMPARE(m.lines[0].path, QStringLiteral("acme/berlin/assembly/line1"));
    QCOMPARE(m.lines[1].machines, (std::vector<int> { 4, 5, 6, 7 }));
    QCOMPARE(m.machines[4].line, 1);
    QCOMPARE(m.machines[1].path, QStringLiteral("acme/berlin/assembly/line1/press"));
    QCOMPARE(m.machines[1].description, QStringLiteral("Servo press"));
    QCOMPARE(m.machines[1].idealRatePerMin, 60.0);
    QCOMPARE(m.machines[7].idealRatePerMin, 64.0);

    // Time zone and historian (path relative to the YAML file).
    QCOMPARE(m.sites[0].timeZone, QStringLiteral("Europe/Berlin"));
    QCOMPARE(m.timeZone(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(m.historian.path,
        QDir(test::sourceDir())
            .absoluteFilePath(QStringLiteral("resources/config/demo-plant.sqlite")));
    QCOMPARE(m.historian.ringMinutes, 10);
    QCOMPARE(m.historian.rawRetentionDays, 30);
    QCOMPARE(m.historian.minuteRetentionDays, 400);
    QCOMPARE(m.historian.hourRetentionDays, 3650);

    // Connection.
    const MqttConnection *c = m.mqttConnection(QStringLiteral("plant-broker"));
    QVERIFY(c);
    QCOMPARE(c->host, QStringLiteral("127.0.0.1"));
    QCOMPARE(c->port, 1883);
    QCOMPARE(c->clientId, QStringLiteral("andon-hmi"));
    QCOMPARE(c->keepAliveS, 30);
    QCOMPARE(c->qos, 1);
    QVERIFY(c->cleanSession);
    QVERIFY(!m.mqttConnection(QStringLiteral("nope")));

    // States: 11 defaults, inherited by every machine.
    QCOMPARE(m.machines[3].states.size(), std::size_t(11));
    const StateDef *jam = m.machines[3].state(10);
    QVERIFY(jam);
    QCOMPARE(jam->name, QStringLiteral("Jam at infeed"));
    QCOMPARE(jam->category, StateCategory::Down);
    QCOMPARE(m.machines[3].state(6)->category, StateCategory::PlannedStop);
    QVERIFY(!m.machines[3].state(7));

    // First tag: the state tag of the feeder, its own `mqtt: {topic}` merged over default_mqtt.
    const TagDef &state = m.tags[0];
    QCOMPARE(state.id, TagId(0));
    QCOMPARE(state.path, QStringLiteral("acme/berlin/assembly/line1/feeder/state"));
    QCOMPARE(state.kind, TagKind::State);
    QCOMPARE(state.role, TagRole::State);
    QCOMPARE(state.machine, 0);
    QCOMPARE(state.staleAfterMs, 15000);
    QVERIFY(state.mqtt.has_value());
    QCOMPARE(state.mqtt->connection, QStringLiteral("plant-broker"));
    QCOMPARE(state.mqtt->topic, QStringLiteral("acme/berlin/assembly/line1/feeder/state"));
    QCOMPARE(state.mqtt->format, PayloadFormat::Json);
    QCOMPARE(state.mqtt->valuePointer, QStringLiteral("/value"));
    QCOMPARE(state.mqtt->timestampPointer, QStringLiteral("/ts"));
    QCOMPARE(state.mqtt->qualityPointer, QStringLiteral("/q"));
    QCOMPARE(state.mqtt->scale, 1.0);
    QCOMPARE(state.mqtt->offset, 0.0);

    // A tag of the last machine (palletizer = machine 7, vibration_rms = its 6th tag).
    const QString vibPath = QStringLiteral("acme/berlin/packaging/line2/palletizer/vibration_rms");
    QCOMPARE(m.tagIdByPath(vibPath), TagId(7 * kMachineTags + 2 + 5));
    const TagDef *vib = m.tagByPath(vibPath);
    QVERIFY(vib);
    QCOMPARE(vib->name, QStringLiteral("vibration_rms"));
    QCOMPARE(vib->unit, QStringLiteral("mm/s"));
    QCOMPARE(vib->decimals, 2);
    QCOMPARE(vib->kind, TagKind::Analog);
    QCOMPARE(vib->role, TagRole::None);
    QCOMPARE(vib->rangeLow, 0.0);
    QCOMPARE(vib->rangeHigh, 20.0);
    QCOMPARE(vib->machine, 7);
    QCOMPARE(vib->mqtt->topic, vibPath); // default_mqtt topic "{path}"

    // Counters and roles.
    const Machine &capper = m.machines[5];
    const TagId good = capper.roleTag(TagRole::GoodCount);
    QCOMPARE(good, kCapper + 1);
    QCOMPARE(m.tags[good].kind, TagKind::Counter);
    QCOMPARE(m.tags[good].unit, QStringLiteral("parts"));
    QCOMPARE(m.tags[good].decimals, 0);
    QCOMPARE(capper.roleTag(TagRole::State), kCapper);
    QCOMPARE(capper.roleTag(TagRole::Rate), kCapper + 3);
    QCOMPARE(capper.roleTag(TagRole::TotalCount), kCapper + 7);
    QCOMPARE(m.tags[capper.roleTag(TagRole::TotalCount)].kind, TagKind::Counter);
    QCOMPARE(capper.roleTag(TagRole::Product), kCapper + 8);
    QCOMPARE(m.tags[capper.roleTag(TagRole::Product)].kind, TagKind::Analog);
    QCOMPARE(m.tags[capper.roleTag(TagRole::Product)].decimals, 0);
    QCOMPARE(capper.tags.size(), kMachineTags);
    QCOMPARE(capper.tags.front(), TagId(57));
    QCOMPARE(m.tags[kCapper + 4].unit, QStringLiteral("°C"));
    QCOMPARE(m.tags[kCapper + 9].unit, QStringLiteral("A"));
    const TagDef &energy = m.tags[kCapper + 10];
    QCOMPARE(energy.name, QStringLiteral("energy"));
    QCOMPARE(energy.kind, TagKind::Counter);
    QCOMPARE(energy.unit, QStringLiteral("kWh"));
    QCOMPARE(energy.rollover, 100000.0);
    QCOMPARE(m.tags[good].rollover, 0.0);

    // Line and site meters.
    const TagDef *air = m.tagByPath(QStringLiteral("acme/berlin/assembly/line1/air_flow"));
    QVERIFY(air);
    QCOMPARE(air->id, TagId(44));
    QCOMPARE(air->machine, -1);
    QCOMPARE(m.tagIdByPath(QStringLiteral("acme/berlin/packaging/line2/air_total")), TagId(92));
    const TagDef *compressor = m.tagByPath(QStringLiteral("acme/berlin/compressor_energy"));
    QVERIFY(compressor);
    QCOMPARE(compressor->id, TagId(97));
    QCOMPARE(compressor->rollover, 65.536);
    QCOMPARE(compressor->decimals, 3);
    QCOMPARE(m.tagIdByPath(QStringLiteral("acme/berlin/main_power")), TagId(94));

    // Area-level tag, with a `number` binding and the default's connection.
    const TagDef &ambient = *m.tagByPath(QStringLiteral("acme/berlin/packaging/ambient_temp"));
    QCOMPARE(ambient.id, TagId(93));
    QCOMPARE(ambient.path, QStringLiteral("acme/berlin/packaging/ambient_temp"));
    QCOMPARE(ambient.machine, -1);
    QCOMPARE(ambient.description, QStringLiteral("Hall ambient temperature"));
    QCOMPARE(ambient.mqtt->topic, QStringLiteral("acme/berlin/packaging/ambient_temp"));
    QCOMPARE(ambient.mqtt->format, PayloadFormat::Number);
    QCOMPARE(ambient.mqtt->connection, QStringLiteral("plant-broker"));
    QVERIFY(std::isnan(ambient.rangeLow));

    QCOMPARE(m.tagIdByPath(QStringLiteral("acme/berlin/nope")), kInvalidTag);
    QVERIFY(!m.tagByPath(QStringLiteral("acme/berlin/nope")));
}

void TestConfigLoader::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("unknown key with hint")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "connections:\n"
                      "  mqtt:\n"
                      "    - id: broker\n"
                      "      prot: 1883\n"
                      "sites: []\n")
        << QStringList { QStringLiteral("plant.yaml:6:7: error: unknown key 'prot' in "
                                        "connections.mqtt[0]; did you mean 'port'?") };

    QTest::newRow("unknown key without hint")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "connections:\n"
                      "  mqtt:\n"
                      "    - id: broker\n"
                      "      xyzzy: 1883\n"
                      "sites: []\n")
        << QStringList { QStringLiteral(
               "plant.yaml:6:7: error: unknown key 'xyzzy' in connections.mqtt[0]") };

    QTest::newRow("unknown top-level key")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites: []\n"
                      "historain: {}\n")
        << QStringList { QStringLiteral("plant.yaml:4:1: error: unknown key 'historain' at the "
                                        "top level; did you mean 'historian'?") };

    QTest::newRow("wrong type")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites: { name: berlin }\n")
        << QStringList { QStringLiteral(
               "plant.yaml:3:8: error: sites: expected a list, got a map") };

    QTest::newRow("missing required key")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites:\n"
                      "  - timezone: UTC\n")
        << QStringList { QStringLiteral(
               "plant.yaml:4:5: error: missing required key 'name' in sites[0]") };

    QTest::newRow("out of range") << QByteArray("andon: 1\n"
                                                "plant: { enterprise: acme }\n"
                                                "sites:\n"
                                                "  - name: berlin\n"
                                                "    areas:\n"
                                                "      - name: hall\n"
                                                "        tags:\n"
                                                "          - name: t1\n"
                                                "            decimals: 12\n")
                                  << QStringList { QStringLiteral(
                                         "plant.yaml:9:23: error: sites[0].areas[0].tags[0]."
                                         "decimals: expected an integer from 0 to 9, got \"12\"") };

    QTest::newRow("not a number") << QByteArray("andon: 1\n"
                                                "plant: { enterprise: acme }\n"
                                                "sites:\n"
                                                "  - name: berlin\n"
                                                "    areas:\n"
                                                "      - name: hall\n"
                                                "        tags:\n"
                                                "          - name: t1\n"
                                                "            decimals: x\n")
                                  << QStringList { QStringLiteral(
                                         "plant.yaml:9:23: error: sites[0].areas[0].tags[0]."
                                         "decimals: expected an integer from 0 to 9, got \"x\"") };

    QTest::newRow("bad enum")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites:\n"
                      "  - name: berlin\n"
                      "    areas:\n"
                      "      - name: hall\n"
                      "        tags:\n"
                      "          - name: t1\n"
                      "            kind: analogue\n")
        << QStringList { QStringLiteral(
               "plant.yaml:9:19: error: sites[0].areas[0].tags[0].kind: unknown kind "
               "'analogue'; expected one of: analog, counter, state, bool") };

    QTest::newRow("duplicate path")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites:\n"
                      "  - name: berlin\n"
                      "    areas:\n"
                      "      - name: hall\n"
                      "        tags:\n"
                      "          - name: t1\n"
                      "          - name: t1\n")
        << QStringList { QStringLiteral(
               "plant.yaml:9:19: error: sites[0].areas[0].tags[1].name: duplicate path "
               "'acme/berlin/hall/t1'; first defined at line 8, column 19") };

    QTest::newRow("bad name")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites:\n"
                      "  - name: ber lin\n")
        << QStringList { QStringLiteral(
               "plant.yaml:4:11: error: sites[0].name: expected a name made of letters, "
               "digits, '_' and '-' (a path segment), got \"ber lin\"") };

    QTest::newRow("unknown connection")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "connections:\n"
                      "  mqtt:\n"
                      "    - id: broker\n"
                      "sites:\n"
                      "  - name: berlin\n"
                      "    areas:\n"
                      "      - name: hall\n"
                      "        tags:\n"
                      "          - name: t1\n"
                      "            mqtt: { connection: brokr, topic: a/b }\n")
        << QStringList { QStringLiteral(
               "plant.yaml:12:33: error: sites[0].areas[0].tags[0].mqtt.connection: "
               "unknown connection 'brokr'; defined connections: broker") };

    QTest::newRow("duplicate connection id")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "connections:\n"
                      "  mqtt:\n"
                      "    - id: broker\n"
                      "    - id: broker\n"
                      "sites: []\n")
        << QStringList { QStringLiteral(
               "plant.yaml:6:11: error: connections.mqtt[1].id: duplicate connection id "
               "'broker'; first defined at line 5, column 11") };

    // Column 15 is where the code's value starts in "    - { code: 1, ...".
    QTest::newRow("duplicate state code")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "defaults:\n"
                      "  states:\n"
                      "    - { code: 1, name: Running, category: running }\n"
                      "    - { code: 1, name: Idle, category: idle }\n"
                      "sites: []\n")
        << QStringList { QStringLiteral(
               "plant.yaml:6:15: error: defaults.states[1].code: duplicate state code 1; "
               "first defined at line 5, column 15") };

    // yaml-cpp ParserException ErrorMsg::UNKNOWN_ANCHOR, raised at the alias token.
    QTest::newRow("yaml syntax")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites: *missing\n")
        << QStringList { QStringLiteral(
               "plant.yaml:3:8: error: invalid YAML: the referenced anchor is not defined") };

    // An inline password is a warning now (tests/unit/tst_secrets_config.cpp).

    QTest::newRow("bad timezone")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites:\n"
                      "  - name: berlin\n"
                      "    timezone: Europe/Berln\n")
        << QStringList { QStringLiteral(
               "plant.yaml:5:15: error: sites[0].timezone: unknown time zone "
               "'Europe/Berln' (expected an IANA id like 'Europe/Berlin'); did you mean "
               "'Europe/Berlin'?") };

    QTest::newRow("two tags with the same role")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites:\n"
                      "  - name: berlin\n"
                      "    areas:\n"
                      "      - name: hall\n"
                      "        lines:\n"
                      "          - name: l1\n"
                      "            machines:\n"
                      "              - name: m1\n"
                      "                tags:\n"
                      "                  - { name: r1, role: rate }\n"
                      "                  - { name: r2, role: rate }\n")
        << QStringList { QStringLiteral(
               "plant.yaml:13:39: error: sites[0].areas[0].lines[0].machines[0].tags[1]."
               "role: machine 'acme/berlin/hall/l1/m1' already has a tag with role "
               "'rate': 'r1'") };

    QTest::newRow("state tag without states")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites:\n"
                      "  - name: berlin\n"
                      "    areas:\n"
                      "      - name: hall\n"
                      "        lines:\n"
                      "          - name: l1\n"
                      "            machines:\n"
                      "              - name: m1\n"
                      "                tags:\n"
                      "                  - { name: s, role: state }\n")
        << QStringList { QStringLiteral(
               "plant.yaml:12:38: error: sites[0].areas[0].lines[0].machines[0].tags[0]."
               "role: a tag with role 'state' needs state definitions, but machine "
               "'acme/berlin/hall/l1/m1' has none; add defaults.states or the machine's "
               "states") };

    QTest::newRow("schema version")
        << QByteArray("andon: 2\n"
                      "plant: { enterprise: acme }\n"
                      "sites: []\n")
        << QStringList { QStringLiteral(
               "plant.yaml:1:8: error: andon: expected schema version 1, got \"2\"") };

    QTest::newRow("range low not below high")
        << QByteArray("andon: 1\n"
                      "plant: { enterprise: acme }\n"
                      "sites:\n"
                      "  - name: berlin\n"
                      "    areas:\n"
                      "      - name: hall\n"
                      "        tags:\n"
                      "          - { name: t1, range: [5, 1] }\n")
        << QStringList { QStringLiteral(
               "plant.yaml:8:32: error: sites[0].areas[0].tags[0].range: low (5) must be "
               "less than high (1)") };

    QTest::newRow("empty file")
        << QByteArray("")
        << QStringList { QStringLiteral(
               "plant.yaml:1:1: error: the file is empty; expected a map starting with "
               "'andon: 1'") };
}

void TestConfigLoader::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile, QDir::tempPath());
    QCOMPARE(errorsOf(r), expected);
    QVERIFY(!r.ok());
    QVERIFY(!r.model);
}

void TestConfigLoader::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("nope.yaml"));
    const ConfigResult r = ConfigLoader::loadFile(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.formattedMessages(),
        QStringList { path + QStringLiteral(": error: cannot read ") + path
            + QStringLiteral(": No such file or directory") });
}

void TestConfigLoader::severalErrorsInFileOrder()
{
    // `connections` is read before `sites` by the loader but written after them here: the
    // messages must still come in file order.
    const QByteArray yaml("andon: 1\n"
                          "plant: { enterprise: acme }\n"
                          "sites:\n"
                          "  - name: berlin\n"
                          "    timezone: Europe/Berln\n"
                          "    areas:\n"
                          "      - name: hall\n"
                          "        descripton: typo\n"
                          "        tags:\n"
                          "          - name: t1\n"
                          "            decimals: x\n"
                          "connections:\n"
                          "  mqtt:\n"
                          "    - id: broker\n"
                          "      port: 0\n");
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile);
    QVERIFY(!r.ok());
    const QStringList expected {
        QStringLiteral("plant.yaml:5:15: error: sites[0].timezone: unknown time zone "
                       "'Europe/Berln' (expected an IANA id like 'Europe/Berlin'); did you mean "
                       "'Europe/Berlin'?"),
        QStringLiteral("plant.yaml:8:9: error: unknown key 'descripton' in sites[0].areas[0]; "
                       "did you mean 'description'?"),
        QStringLiteral("plant.yaml:11:23: error: sites[0].areas[0].tags[0].decimals: expected an "
                       "integer from 0 to 9, got \"x\""),
        QStringLiteral("plant.yaml:15:13: error: connections.mqtt[0].port: expected an integer "
                       "from 1 to 65535, got \"0\""),
    };
    QCOMPARE(r.formattedMessages(), expected);
}

void TestConfigLoader::warningKeepsModel()
{
    const QByteArray yaml("andon: 1\n"
                          "plant: { enterprise: acme }\n"
                          "sites:\n"
                          "  - name: berlin\n"
                          "    areas:\n"
                          "      - name: hall\n"
                          "        lines:\n"
                          "          - name: l1\n"
                          "            machines:\n"
                          "              - name: m1\n"
                          "                tags: [ { name: t } ]\n");
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile);
    QVERIFY(r.ok());
    QCOMPARE(r.formattedMessages(),
        QStringList { QStringLiteral(
            "plant.yaml:10:17: warning: sites[0].areas[0].lines[0].machines[0]: machine "
            "'acme/berlin/hall/l1/m1' has no tag with role 'state'; its state will show "
            "as unknown") });
    QCOMPARE(r.model->tags.size(), std::size_t(1));
    QVERIFY(!r.model->tags[0].mqtt); // no default_mqtt, no mqtt: no binding
    QCOMPARE(r.model->timeZone(), QStringLiteral("UTC"));
}

void TestConfigLoader::defaultsAreMerged()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray yaml(
        "andon: 1\n"
        "plant: { enterprise: acme }\n"
        "historian: { path: data/h.sqlite }\n"
        "connections:\n"
        "  mqtt: [ { id: b1, password_env: ANDON_PW, clean_session: false } ]\n"
        "defaults:\n"
        "  stale_after_s: 15\n"
        "  states:\n"
        "    - { code: 1, name: Running, category: running }\n"
        "    - { code: 2, name: Idle, category: idle }\n"
        "default_mqtt: { topic: \"{machine}/data\", value: /v, scale: 2 }\n"
        "sites:\n"
        "  - name: s\n"
        "    areas:\n"
        "      - name: a\n"
        "        lines:\n"
        "          - name: l\n"
        "            machines:\n"
        "              - name: m\n"
        "                stale_after_s: 5\n"
        "                states:\n"
        "                  - { code: 1, name: Producing, category: running }\n"
        "                  - { code: 20, name: Jam, category: down }\n"
        "                tags:\n"
        "                  - { name: st, role: state }\n"
        "                  - { name: t1, stale_after_s: 2.5, mqtt: { value: /w } }\n"
        "                  - { name: t2, mqtt: { format: number, offset: -3 } }\n"
        "            tags:\n"
        "              - { name: lt, mqtt: { topic: \"x/{path}\" } }\n");
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile, dir.path());
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    QVERIFY(r.messages.empty());
    const PlantModel &m = *r.model;

    QCOMPARE(m.historian.path, QDir(dir.path()).absoluteFilePath(QStringLiteral("data/h.sqlite")));
    QCOMPARE(m.sourceFile, QDir(dir.path()).absoluteFilePath(kFile));
    QCOMPARE(m.title, QStringLiteral("acme")); // no title: the enterprise
    QCOMPARE(m.mqttConnections[0].passwordEnv, QStringLiteral("ANDON_PW"));
    QVERIFY(!m.mqttConnections[0].cleanSession);
    QCOMPARE(m.mqttConnections[0].port, 1883);

    const Machine &machine = m.machines[0];
    // Code 1 overridden in place, code 2 inherited, code 20 added.
    QCOMPARE(machine.states.size(), std::size_t(3));
    QCOMPARE(machine.state(1)->name, QStringLiteral("Producing"));
    QCOMPARE(machine.state(2)->name, QStringLiteral("Idle"));
    QCOMPARE(machine.state(20)->category, StateCategory::Down);

    const TagDef *st = m.tagByPath(QStringLiteral("acme/s/a/l/m/st"));
    const TagDef *t1 = m.tagByPath(QStringLiteral("acme/s/a/l/m/t1"));
    const TagDef *t2 = m.tagByPath(QStringLiteral("acme/s/a/l/m/t2"));
    const TagDef *lt = m.tagByPath(QStringLiteral("acme/s/a/l/lt"));
    QVERIFY(st && t1 && t2 && lt);
    QCOMPARE(st->kind, TagKind::State); // implied by the role
    QCOMPARE(st->staleAfterMs, 5000); // machine's
    QCOMPARE(t1->staleAfterMs, 2500); // tag's own
    QCOMPARE(lt->staleAfterMs, 15000); // defaults'
    QCOMPARE(lt->machine, -1);
    // A line tag has no machine, so it needs its own topic instead of "{machine}/data".
    QCOMPARE(lt->mqtt->topic, QStringLiteral("x/acme/s/a/l/lt"));
    QCOMPARE(lt->mqtt->valuePointer, QStringLiteral("/v"));

    // The single connection is used when none is named.
    QCOMPARE(st->mqtt->connection, QStringLiteral("b1"));
    QCOMPARE(st->mqtt->topic, QStringLiteral("acme/s/a/l/m/data"));
    QCOMPARE(st->mqtt->valuePointer, QStringLiteral("/v"));
    QCOMPARE(st->mqtt->scale, 2.0);
    QCOMPARE(t1->mqtt->valuePointer, QStringLiteral("/w"));
    QCOMPARE(t1->mqtt->scale, 2.0);
    QCOMPARE(t2->mqtt->format, PayloadFormat::Number);
    QCOMPARE(t2->mqtt->valuePointer, QStringLiteral("/v"));
    QCOMPARE(t2->mqtt->offset, -3.0);
    QCOMPARE(machine.roleTag(TagRole::State), st->id);
}

void TestConfigLoader::tagIdsFollowFileOrder()
{
    // The line's tags are written before its machines, so they get the lower ids.
    const QByteArray yaml("andon: 1\n"
                          "plant: { enterprise: acme }\n"
                          "defaults: { states: [ { code: 0, name: Off, category: off } ] }\n"
                          "sites:\n"
                          "  - name: s\n"
                          "    areas:\n"
                          "      - name: a\n"
                          "        tags: [ { name: at } ]\n"
                          "        lines:\n"
                          "          - name: l\n"
                          "            tags: [ { name: lt } ]\n"
                          "            machines:\n"
                          "              - { name: m, tags: [ { name: s, role: state } ] }\n");
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile);
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const PlantModel &m = *r.model;
    QCOMPARE(m.tags.size(), std::size_t(3));
    QCOMPARE(m.tags[0].path, QStringLiteral("acme/s/a/at"));
    QCOMPARE(m.tags[1].path, QStringLiteral("acme/s/a/l/lt"));
    QCOMPARE(m.tags[2].path, QStringLiteral("acme/s/a/l/m/s"));
    for (std::size_t i = 0; i < m.tags.size(); ++i) {
        QCOMPARE(m.tags[i].id, TagId(i));
        QCOMPARE(m.tagIdByPath(m.tags[i].path), TagId(i));
    }
}

void TestConfigLoader::aliasedErrorReportedOnce()
{
    // The anchored tag list is used by two machines; its bad `decimals` is one mistake in the
    // file, reported once at its place under the first machine's key path.
    const QByteArray yaml("andon: 1\n"
                          "plant: { enterprise: acme }\n"
                          "sites:\n"
                          "  - name: s\n"
                          "    areas:\n"
                          "      - name: a\n"
                          "        lines:\n"
                          "          - name: l\n"
                          "            machines:\n"
                          "              - name: m1\n"
                          "                tags: &t\n"
                          "                  - { name: x, decimals: ten }\n"
                          "              - { name: m2, tags: *t }\n");
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile);
    QVERIFY(!r.ok());
    QCOMPARE(errorsOf(r),
        QStringList { QStringLiteral(
            "plant.yaml:12:42: error: sites[0].areas[0].lines[0].machines[0].tags[0]."
            "decimals: expected an integer from 0 to 9, got \"ten\"") });
}

void TestConfigLoader::documentedExampleLoads()
{
    // docs/config.md's complete example must stay valid.
    QFile doc(test::sourceDir() + QStringLiteral("/docs/config.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QByteArray text = doc.readAll();
    const qsizetype begin = text.indexOf("```yaml\n");
    QVERIFY(begin >= 0);
    const qsizetype start = begin + qsizetype(sizeof("```yaml\n") - 1);
    const qsizetype end = text.indexOf("```", start);
    QVERIFY(end > start);
    const ConfigResult r
        = ConfigLoader::loadString(text.mid(start, end - start), QStringLiteral("config.md"));
    QVERIFY2(r.messages.empty(), qPrintable(r.formattedMessages().join(u'\n')));
    // feeder and press with the five anchored tags each, plus hall_temp.
    QCOMPARE(r.model->tags.size(), std::size_t(2 * 5 + 1));
    const TagDef *temp
        = r.model->tagByPath(QStringLiteral("acme/berlin/assembly/line1/press/motor_temp"));
    QVERIFY(temp);
    QCOMPARE(temp->mqtt->scale, 0.1);
    QCOMPARE(r.model->machines[0].states.size(), std::size_t(4)); // 3 defaults + 1 own
    QCOMPARE(r.model->machines[1].states.size(), std::size_t(3));
    QCOMPARE(r.model->tags[0].staleAfterMs, 10000);
    QCOMPARE(r.model->tags[5].staleAfterMs, 15000);
    // motor_temp_high on both machines, the feeder's jam and the hall's comms alarm.
    const auto &alarms = r.model->alarms;
    QCOMPARE(alarms.size(), std::size_t(4));
    QCOMPARE(alarms[1].id, QStringLiteral("acme/berlin/assembly/line1/press/motor_temp_high"));
    QCOMPARE(alarms[2].values, std::vector<double> { 10 });
    QCOMPARE(alarms[3].id, QStringLiteral("acme/berlin/assembly/hall_temp_comms"));
}

void TestConfigLoader::messageFormat()
{
    ConfigMessage m;
    m.file = QStringLiteral("a.yaml");
    m.line = 3;
    m.column = 7;
    m.text = QStringLiteral("boom");
    QCOMPARE(m.format(), QStringLiteral("a.yaml:3:7: error: boom"));
    m.severity = ConfigMessage::Severity::Warning;
    QCOMPARE(m.format(), QStringLiteral("a.yaml:3:7: warning: boom"));
    m.line = 0;
    m.column = 0;
    QCOMPARE(m.format(), QStringLiteral("a.yaml: warning: boom"));

    QCOMPARE(stateCategoryName(StateCategory::PlannedStop), QStringLiteral("planned_stop"));
    StateCategory c {};
    QVERIFY(parseStateCategory(QStringLiteral("changeover"), &c));
    QCOMPARE(c, StateCategory::Changeover);
    QVERIFY(!parseStateCategory(QStringLiteral("Changeover"), &c));
    TagRole role {};
    QVERIFY(parseTagRole(QStringLiteral("reject_count"), &role));
    QCOMPARE(role, TagRole::RejectCount);
    QCOMPARE(tagRoleName(TagRole::TotalCount), QStringLiteral("total_count"));
    QCOMPARE(tagKindName(TagKind::Counter), QStringLiteral("counter"));
    QCOMPARE(payloadFormatName(PayloadFormat::Enum), QStringLiteral("enum"));
}

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_config_loader.moc"
