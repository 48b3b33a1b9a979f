// The `alarms:` section of the plant configuration (docs/config.md "Alarms"): valid
// definitions load into PlantModel::alarms with everything resolved, and every mistake gives
// its exact "file:line:column" message. Positions were counted by hand in the YAML below
// (1-based; kBase is 24 lines, so the first alarm snippet line is line 25). Also the
// counter `rollover` key and site-level tags, which the energy meters use.
#include "core/config_loader.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QTest>

#include <cmath>

using namespace andon;

namespace {

const QString kFile = QStringLiteral("plant.yaml");

// 24 lines.
const QByteArray kBase = R"(andon: 1
plant: { enterprise: acme }
defaults:
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
    - { code: 6, name: Planned break, category: planned_stop }
    - { code: 12, name: Electrical fault, category: down }
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l
            machines:
              - name: m1
                tags: &t
                  - { name: state, role: state }
                  - { name: temp, unit: °C, decimals: 1, range: [0, 120] }
                  - { name: count, kind: counter }
              - { name: m2, tags: *t }
            tags:
              - { name: weight, unit: kg, decimals: 3, spec: { lsl: 5.9, target: 6.0, usl: 6.1 } }
alarms:
)";

QStringList errorsOf(const ConfigResult &r)
{
    QStringList out;
    for (const ConfigMessage &m : r.messages)
        if (m.severity == ConfigMessage::Severity::Error)
            out << m.format();
    return out;
}

} // namespace

class TestAlarmConfig : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(test::unexpectedWarnings(), QStringList()); }
    void validAlarms();
    void messageText();
    void errors_data();
    void errors();
    void rolloverAndSiteTags();
    void rolloverErrors_data();
    void rolloverErrors();
    void demoPlantAlarms();
};

void TestAlarmConfig::validAlarms()
{
    const QByteArray yaml = kBase + R"(  - name: temp_high
    tag: temp
    machines: all
    type: high
    limit: 80
    deadband: 2
    on_delay_s: 10
    off_delay_s: 2.5
    priority: 3
    message: "{machine} temperature {value} {unit} above {limit} {unit}"
    suppress_in_states: [planned_stop, Off]
  - { name: temp_hh, tag: acme/s/a/l/m1/temp, type: high_high, limit: 95, priority: 1 }
  - { name: weight_dev, tag: acme/s/a/l/weight, type: deviation, limit: 0.08, priority: 2 }
  - { name: temp_roc, tag: acme/s/a/l/m2/temp, type: rate_of_change, limit: 5, window_s: 30, priority: 4 }
  - { name: electrical, tag: acme/s/a/l/m1/state, type: discrete, values: [Electrical fault, 0], priority: 2 }
  - { name: comms, tag: acme/s/a/l/m2/count, type: bad_quality, priority: 4 }
  - { name: temp_low, tag: temp, machines: [acme/s/a/l/m2], type: low, limit: 5, priority: 4 }
  - name: weight_high_while_stopped
    tag: acme/s/a/l/weight
    type: high
    limit: 6.05
    priority: 4
    state_from: acme/s/a/l/m2
    suppress_in_states: [running]
)";
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile, QDir::tempPath());
    QVERIFY2(r.messages.empty(), qPrintable(r.formattedMessages().join(u'\n')));
    const PlantModel &m = *r.model;
    // temp_high expands to both machines: 2 + 7 = 9.
    QCOMPARE(m.alarms.size(), std::size_t(9));

    const AlarmDef &high = m.alarms[0];
    QCOMPARE(high.id, QStringLiteral("acme/s/a/l/m1/temp_high"));
    QCOMPARE(high.name, QStringLiteral("temp_high"));
    QCOMPARE(high.tag, m.tagIdByPath(QStringLiteral("acme/s/a/l/m1/temp")));
    QCOMPARE(high.machine, 0);
    QCOMPARE(high.type, AlarmType::High);
    QCOMPARE(high.limit, 80.0);
    QCOMPARE(high.deadband, 2.0);
    QCOMPARE(high.onDelayMs, 10000);
    QCOMPARE(high.offDelayMs, 2500);
    QCOMPARE(high.priority, 3);
    QCOMPARE(high.line, 25);
    // planned_stop (category) = code 6, Off (a state name) = code 0; sorted.
    QCOMPARE(high.suppressStateCodes, (std::vector<int> { 0, 6 }));
    QCOMPARE(m.alarms[1].id, QStringLiteral("acme/s/a/l/m2/temp_high"));
    QCOMPARE(m.alarms[1].machine, 1);
    QCOMPARE(m.alarms[1].tag, m.tagIdByPath(QStringLiteral("acme/s/a/l/m2/temp")));

    QCOMPARE(m.alarms[2].type, AlarmType::HighHigh);
    QCOMPARE(m.alarms[2].priority, 1);
    QCOMPARE(m.alarms[2].line, 36);

    // Deviation without a setpoint: the tag's spec target. A line tag's alarm lives under
    // the line.
    const AlarmDef &dev = m.alarms[3];
    QCOMPARE(dev.id, QStringLiteral("acme/s/a/l/weight_dev"));
    QCOMPARE(dev.machine, -1);
    QCOMPARE(dev.setpoint, 6.0);
    QCOMPARE(dev.limit, 0.08);

    QCOMPARE(m.alarms[4].type, AlarmType::RateOfChange);
    QCOMPARE(m.alarms[4].windowS, 30);
    QCOMPARE(m.alarms[4].deadband, 0.0);

    // State names resolve to codes: "Electrical fault" = 12.
    QCOMPARE(m.alarms[5].values, (std::vector<double> { 12, 0 }));
    QCOMPARE(m.alarms[6].type, AlarmType::BadQuality);
    QVERIFY(std::isnan(m.alarms[6].limit));
    QCOMPARE(m.alarms[7].id, QStringLiteral("acme/s/a/l/m2/temp_low"));
    QCOMPARE(high.stateMachine, 0);
    QCOMPARE(dev.stateMachine, -1);
    // A line tag suppressed by a machine's state (state_from): Running = code 1.
    QCOMPARE(m.alarms[8].machine, -1);
    QCOMPARE(m.alarms[8].stateMachine, 1);
    QCOMPARE(m.alarms[8].suppressStateCodes, std::vector<int> { 1 });

    QVERIFY(m.alarm(QStringLiteral("acme/s/a/l/m2/temp_roc")));
    QVERIFY(!m.alarm(QStringLiteral("acme/s/a/l/m3/temp_roc")));
}

void TestAlarmConfig::messageText()
{
    const QByteArray yaml = kBase + R"yaml(  - name: temp_high
    tag: acme/s/a/l/m1/temp
    type: high
    limit: 80
    priority: 3
    message: "{machine} temperature {value} {unit} above {limit} {unit} ({name})"
  - { name: comms, tag: acme/s/a/l/m2/count, type: bad_quality, priority: 4 }
  - { name: dev, tag: acme/s/a/l/weight, type: deviation, limit: 0.08, priority: 2 }
)yaml";
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile, QDir::tempPath());
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const PlantModel &m = *r.model;
    // The tag's one decimal.
    QCOMPARE(alarmMessage(m, m.alarms[0], 83.44),
             QStringLiteral("acme/s/a/l/m1 temperature 83.4 °C above 80.0 °C (temp_high)"));
    // Generated messages; the counter has no unit, so no stray spaces.
    QCOMPARE(alarmMessage(m, m.alarms[1], 0.0), QStringLiteral("acme/s/a/l/m2/count: bad quality"));
    QCOMPARE(alarmMessage(m, m.alarms[2], 6.1234),
             QStringLiteral("acme/s/a/l/weight: deviation (6.123 kg, limit 0.080 kg)"));
    QCOMPARE(alarmTypeName(AlarmType::RateOfChange), QStringLiteral("rate_of_change"));
    AlarmType t {};
    QVERIFY(parseAlarmType(QStringLiteral("low_low"), &t));
    QCOMPARE(t, AlarmType::LowLow);
    QVERIFY(!parseAlarmType(QStringLiteral("LowLow"), &t));
}

void TestAlarmConfig::errors_data()
{
    QTest::addColumn<QByteArray>("snippet");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("unknown tag with hint")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/tmp\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral("plant.yaml:26:10: error: alarms[0].tag: unknown tag "
                                        "'acme/s/a/l/m1/tmp'; did you mean 'acme/s/a/l/m1/temp'?") };
    QTest::newRow("unknown type")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: hihg\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral(
               "plant.yaml:27:11: error: alarms[0].type: unknown alarm type 'hihg'; expected one "
               "of: high, low, high_high, low_low, deviation, rate_of_change, discrete, "
               "bad_quality") };
    QTest::newRow("priority out of range")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 5\n")
        << QStringList { QStringLiteral("plant.yaml:29:15: error: alarms[0].priority: expected "
                                        "an integer from 1 to 4, got \"5\"") };
    QTest::newRow("missing priority")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: high\n"
                      "    limit: 80\n")
        << QStringList { QStringLiteral(
               "plant.yaml:25:5: error: missing required key 'priority' in alarms[0]") };
    QTest::newRow("missing limit")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: low_low\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral(
               "plant.yaml:25:5: error: missing required key 'limit' in alarms[0]") };
    QTest::newRow("limit outside the range")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: high\n"
                      "    limit: 130\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral("plant.yaml:28:12: error: alarms[0].limit: 130 is "
                                        "outside the range of tag 'temp' (0 to 120)") };
    QTest::newRow("high_high below high")
        << QByteArray(
               "  - { name: a, tag: acme/s/a/l/m1/temp, type: high, limit: 80, priority: 3 }\n"
               "  - { name: b, tag: acme/s/a/l/m1/temp, type: high_high, limit: 70, priority: 1 }\n")
        << QStringList { QStringLiteral(
               "plant.yaml:26:5: error: alarms: high_high alarm 'acme/s/a/l/m1/b' has limit 70, "
               "which must be above the limit 80 of its high alarm 'acme/s/a/l/m1/a'") };
    QTest::newRow("low above high")
        << QByteArray(
               "  - { name: a, tag: acme/s/a/l/m1/temp, type: high, limit: 80, priority: 3 }\n"
               "  - { name: b, tag: acme/s/a/l/m1/temp, type: low, limit: 90, priority: 3 }\n")
        << QStringList { QStringLiteral(
               "plant.yaml:26:5: error: alarms: low alarm 'acme/s/a/l/m1/b' has limit 90, "
               "which must be below the limit 80 of its high alarm 'acme/s/a/l/m1/a'") };
    QTest::newRow("key does not apply")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    setpoint: 60\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral(
               "plant.yaml:29:5: error: alarms[0].setpoint does not apply to alarm type 'high'") };
    QTest::newRow("deadband on bad_quality")
        << QByteArray("  - { name: a, tag: acme/s/a/l/m1/temp, type: bad_quality, deadband: 1, "
                      "priority: 4 }\n")
        << QStringList { QStringLiteral("plant.yaml:25:60: error: alarms[0].deadband does not "
                                        "apply to alarm type 'bad_quality'") };
    QTest::newRow("deadband as wide as the deviation limit")
        << QByteArray("  - { name: a, tag: acme/s/a/l/weight, type: deviation, limit: 0.05, "
                      "deadband: 0.05, priority: 2 }\n")
        << QStringList { QStringLiteral("plant.yaml:25:80: error: alarms[0].deadband: 0.05 "
                                        "must be less than the limit (0.05)") };
    QTest::newRow("unknown placeholder")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 3\n"
                      "    message: \"{valeu} too high\"\n")
        << QStringList { QStringLiteral("plant.yaml:30:14: error: alarms[0].message: unknown "
                                        "placeholder '{valeu}'; did you mean '{value}'?") };
    QTest::newRow("unknown state category")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 3\n"
                      "    suppress_in_states: [planned_stp]\n")
        << QStringList { QStringLiteral(
               "plant.yaml:30:26: error: alarms[0].suppress_in_states[0]: unknown state or "
               "state category 'planned_stp'; did you mean 'planned_stop'?") };
    QTest::newRow("suppression on a line tag")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/weight\n"
                      "    type: deviation\n"
                      "    limit: 0.08\n"
                      "    priority: 2\n"
                      "    suppress_in_states: [off]\n")
        << QStringList { QStringLiteral(
               "plant.yaml:30:5: error: alarms[0].suppress_in_states: tag 'acme/s/a/l/weight' "
               "belongs to no machine, so there is no machine state to suppress on (name one "
               "with 'state_from')") };
    QTest::newRow("unknown machine")
        << QByteArray("  - name: a\n"
                      "    tag: temp\n"
                      "    machines: [acme/s/a/l/m3]\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral("plant.yaml:27:16: error: alarms[0].machines[0]: unknown "
                                        "machine 'acme/s/a/l/m3'; did you mean 'acme/s/a/l/m1'?") };
    QTest::newRow("machine without the tag")
        << QByteArray("  - name: a\n"
                      "    tag: tmep\n"
                      "    machines: [acme/s/a/l/m2]\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral("plant.yaml:27:16: error: alarms[0].machines[0]: machine "
                                        "'acme/s/a/l/m2' has no tag 'tmep'; did you mean "
                                        "'temp'?") };
    QTest::newRow("no machine has the tag")
        << QByteArray("  - name: a\n"
                      "    tag: pressure\n"
                      "    machines: all\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral(
               "plant.yaml:26:10: error: alarms[0].tag: no machine has a tag 'pressure'") };
    QTest::newRow("path with machines")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    machines: all\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral(
               "plant.yaml:26:10: error: alarms[0].tag: with 'machines' the tag is a tag name "
               "on each machine (like 'motor_temp'), got 'acme/s/a/l/m1/temp'") };
    QTest::newRow("deviation without setpoint or spec")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: deviation\n"
                      "    limit: 5\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral(
               "plant.yaml:25:5: error: alarms[0]: missing required key 'setpoint' (tag 'temp' "
               "has no spec target to use)") };
    QTest::newRow("limit type on a state tag")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/state\n"
                      "    type: high\n"
                      "    limit: 5\n"
                      "    priority: 3\n")
        << QStringList { QStringLiteral(
               "plant.yaml:27:11: error: alarms[0].type: type 'high' needs an analog or counter "
               "tag, but 'state' has kind 'state' (use type 'discrete')") };
    QTest::newRow("rate of change not positive")
        << QByteArray("  - { name: a, tag: acme/s/a/l/m1/temp, type: rate_of_change, limit: -2, "
                      "priority: 3 }\n")
        << QStringList { QStringLiteral(
               "plant.yaml:25:70: error: alarms[0].limit: expected a number above 0 for type "
               "'rate_of_change', got \"-2\"") };
    QTest::newRow("duplicate alarm")
        << QByteArray(
               "  - { name: a, tag: acme/s/a/l/m1/temp, type: high, limit: 80, priority: 3 }\n"
               "  - { name: a, tag: acme/s/a/l/m1/count, type: bad_quality, priority: 4 }\n")
        << QStringList { QStringLiteral(
               "plant.yaml:26:13: error: alarms[1].name: duplicate alarm 'acme/s/a/l/m1/a'; "
               "first defined at line 25, column 13") };
    QTest::newRow("unknown state name")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/state\n"
                      "    type: discrete\n"
                      "    values: [Electrical falt]\n"
                      "    priority: 2\n")
        << QStringList { QStringLiteral(
               "plant.yaml:28:14: error: alarms[0].values[0]: expected a state code or name, got "
               "\"Electrical falt\"; did you mean 'Electrical fault'?") };
    QTest::newRow("unknown key with hint")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 3\n"
                      "    on_dealy_s: 5\n")
        << QStringList { QStringLiteral("plant.yaml:30:5: error: unknown key 'on_dealy_s' in "
                                        "alarms[0]; did you mean 'on_delay_s'?") };
    QTest::newRow("delay too long")
        << QByteArray("  - name: a\n"
                      "    tag: acme/s/a/l/m1/temp\n"
                      "    type: high\n"
                      "    limit: 80\n"
                      "    priority: 3\n"
                      "    off_delay_s: 7200\n")
        << QStringList { QStringLiteral("plant.yaml:30:18: error: alarms[0].off_delay_s: "
                                        "expected a number from 0 to 3600, got \"7200\"") };
}

void TestAlarmConfig::errors()
{
    QFETCH(QByteArray, snippet);
    QFETCH(QStringList, expected);
    const ConfigResult r = ConfigLoader::loadString(kBase + snippet, kFile, QDir::tempPath());
    QCOMPARE(errorsOf(r), expected);
    QVERIFY(!r.ok());
}

void TestAlarmConfig::rolloverAndSiteTags()
{
    const ConfigResult r = ConfigLoader::loadString(R"(andon: 1
plant: { enterprise: acme }
sites:
  - name: s
    areas:
      - name: a
        tags: [ { name: t } ]
    tags:
      - { name: main_energy, kind: counter, unit: kWh, decimals: 3, rollover: 65.536 }
)",
                                                    kFile, QDir::tempPath());
    QVERIFY2(r.messages.empty(), qPrintable(r.formattedMessages().join(u'\n')));
    const TagDef *meter = r.model->tagByPath(QStringLiteral("acme/s/main_energy"));
    QVERIFY(meter);
    QCOMPARE(meter->id, TagId(1)); // after the area's tag (file order)
    QCOMPARE(meter->machine, -1);
    QCOMPARE(meter->rollover, 65.536);
    QCOMPARE(r.model->tags[0].rollover, 0.0);
}

void TestAlarmConfig::rolloverErrors_data()
{
    QTest::addColumn<QByteArray>("tag");
    QTest::addColumn<QStringList>("expected");
    // The tag line is line 7; "        tags: [ { name: t, " is 27 characters.
    QTest::newRow("not a counter")
        << QByteArray("rollover: 100 }")
        << QStringList { QStringLiteral(
               "plant.yaml:7:28: error: sites[0].areas[0].tags[0].rollover: only a tag of kind "
               "'counter' can roll over; this one has kind 'analog'") };
    QTest::newRow("zero")
        << QByteArray("kind: counter, rollover: 0 }")
        << QStringList { QStringLiteral("plant.yaml:7:53: error: sites[0].areas[0].tags[0]."
                                        "rollover: expected a number above 0, got \"0\"") };
    QTest::newRow("negative")
        << QByteArray("kind: counter, rollover: -5 }")
        << QStringList { QStringLiteral("plant.yaml:7:53: error: sites[0].areas[0].tags[0]."
                                        "rollover: expected a number of at least 0, got \"-5\"") };
}

void TestAlarmConfig::rolloverErrors()
{
    QFETCH(QByteArray, tag);
    QFETCH(QStringList, expected);
    const QByteArray yaml = "andon: 1\n"
                            "plant: { enterprise: acme }\n"
                            "sites:\n"
                            "  - name: s\n"
                            "    areas:\n"
                            "      - name: a\n"
                            "        tags: [ { name: t, "
            + tag + "]\n";
    const ConfigResult r = ConfigLoader::loadString(yaml, kFile, QDir::tempPath());
    QCOMPARE(errorsOf(r), expected);
}

void TestAlarmConfig::demoPlantAlarms()
{
    const ConfigResult r = ConfigLoader::loadFile(
            test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY2(r.messages.empty(), qPrintable(r.formattedMessages().join(u'\n')));
    const PlantModel &m = *r.model;
    QVERIFY(!m.alarms.empty());
    // Every priority is used, every alarm's tag exists, and motor temperature has a high and
    // a high-high alarm on every machine.
    bool priorities[5] = {};
    int motorHigh = 0, motorHighHigh = 0;
    for (const AlarmDef &a : m.alarms) {
        QVERIFY(a.priority >= 1 && a.priority <= 4);
        priorities[a.priority] = true;
        QVERIFY(a.tag < m.tags.size());
        if (m.tags[a.tag].name == u"motor_temp") {
            motorHigh += a.type == AlarmType::High;
            motorHighHigh += a.type == AlarmType::HighHigh;
        }
    }
    QVERIFY(priorities[1] && priorities[2] && priorities[3] && priorities[4]);
    QCOMPARE(motorHigh, 8);
    QCOMPARE(motorHighHigh, 8);
    const AlarmDef *weight = m.alarm(QStringLiteral(
            "acme/berlin/packaging/line2/palletizer/case_weight_deviation"));
    QVERIFY(weight);
    QCOMPARE(weight->type, AlarmType::Deviation);
    QCOMPARE(weight->setpoint, 6.0);
}

QTEST_GUILESS_MAIN(TestAlarmConfig)
#include "tst_alarm_config.moc"
