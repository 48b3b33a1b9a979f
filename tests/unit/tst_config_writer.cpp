// Tests for andon::ConfigWriter: a tag binding is inserted as text into a plant YAML file so
// that every other byte (comments, blank lines, quoting, indentation) stays as it was, the
// reloaded model has exactly the requested binding, and refusals leave the file untouched.
// Expected texts are written out by hand below.
#include "core/config_loader.h"
#include "core/config_writer.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;

namespace {

// Block-style machines with comments everywhere a user might put them.
const QByteArray kCommented = R"(# Plant file with comments that must survive.
andon: 1
plant: { enterprise: acme }   # trailing comment
connections:
  mqtt:
    - id: b          # the broker
      host: 127.0.0.1
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l1
            machines:
              - name: press
                # tags of the press
                tags:
                  - name: temp      # first tag
                    unit: "°C"
                    mqtt: { topic: "plant/press/temp", format: number }

                  - name: pressure
                    unit: bar
                    mqtt:
                      topic: plant/press/pressure
                      format: number
                # a comment above the next key stays above it
                ideal_rate_per_min: 60
              - name: oven   # no tags yet
                ideal_rate_per_min: 10
          # last line comment
)";

QByteArray insertedInto(const QByteArray &original, const QByteArray &result)
{
    // What `result` has beyond `original`, when `original` is `result` minus one contiguous run
    // of lines; "" otherwise.
    const QList<QByteArray> a = original.split('\n');
    const QList<QByteArray> b = result.split('\n');
    if (b.size() <= a.size())
        return {};
    qsizetype prefix = 0;
    while (prefix < a.size() && a[prefix] == b[prefix])
        ++prefix;
    const qsizetype extra = b.size() - a.size();
    for (qsizetype i = prefix; i < a.size(); ++i)
        if (a[i] != b[i + extra])
            return {};
    QByteArray out;
    for (qsizetype i = prefix; i < prefix + extra; ++i)
        out += b[i] + '\n';
    return out;
}

NewTagRequest jsonRequest(const QString &machine, const QString &name)
{
    NewTagRequest r;
    r.machinePath = machine;
    r.name = name;
    r.unit = QStringLiteral("mm/s");
    MqttBinding b;
    b.connection = QStringLiteral("b");
    b.topic = QStringLiteral("plant/press/vib");
    b.format = PayloadFormat::Json;
    b.valuePointer = QStringLiteral("/rms");
    b.timestampPointer = QStringLiteral("/ts");
    b.scale = 0.1;
    r.mqtt = b;
    return r;
}

ConfigResult load(const QByteArray &yaml)
{
    return ConfigLoader::loadString(yaml, QStringLiteral("plant.yaml"));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestConfigWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        QVERIFY2(load(kCommented).ok(), qPrintable(load(kCommented).formattedMessages().join(u'\n')));
    }

    void blockListKeepsComments()
    {
        QByteArray out;
        const ConfigWriteResult r = ConfigWriter::insertTag(
                kCommented, QStringLiteral("plant.yaml"), QString(),
                jsonRequest(QStringLiteral("acme/s/a/l1/press"), QStringLiteral("vib")), &out);
        QVERIFY2(r.ok, qPrintable(r.message));
        // After the last line of "pressure" (its nested mqtt map), before the comment that
        // belongs to ideal_rate_per_min; the last item is a block map with keys at column 20.
        const QByteArray expected =
                "                  - name: vib\n"
                "                    unit: mm/s\n"
                "                    mqtt: { connection: b, topic: plant/press/vib, format: json, "
                "value: /rms, timestamp: /ts, scale: 0.1 }\n";
        QCOMPARE(insertedInto(kCommented, out), expected);
        // Lines 1..26 are unchanged (26 = "format: number" of pressure), so the entry is line 27.
        QCOMPARE(r.line, 27);
        QCOMPARE(r.tagPath, QStringLiteral("acme/s/a/l1/press/vib"));
        QCOMPARE(r.message, QStringLiteral("plant.yaml:27: added tag acme/s/a/l1/press/vib"));

        const ConfigResult reloaded = load(out);
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.formattedMessages().join(u'\n')));
        const TagDef *tag = reloaded.model->tagByPath(QStringLiteral("acme/s/a/l1/press/vib"));
        QVERIFY(tag);
        QCOMPARE(tag->unit, QStringLiteral("mm/s"));
        QVERIFY(tag->mqtt);
        QCOMPARE(tag->mqtt->connection, QStringLiteral("b"));
        QCOMPARE(tag->mqtt->topic, QStringLiteral("plant/press/vib"));
        QCOMPARE(tag->mqtt->format, PayloadFormat::Json);
        QCOMPARE(tag->mqtt->valuePointer, QStringLiteral("/rms"));
        QCOMPARE(tag->mqtt->timestampPointer, QStringLiteral("/ts"));
        QCOMPARE(tag->mqtt->qualityPointer, QString());
        QCOMPARE(tag->mqtt->scale, 0.1);
        QCOMPARE(tag->mqtt->offset, 0.0);
        // The machine's other settings survived.
        QCOMPARE(reloaded.model->machines[0].idealRatePerMin, 60.0);
        QCOMPARE(reloaded.model->tags.size(), std::size_t(3));
    }

    void machineWithoutTags()
    {
        QByteArray out;
        NewTagRequest req = jsonRequest(QStringLiteral("acme/s/a/l1/oven"), QStringLiteral("zone1"));
        req.kind = TagKind::Counter;
        req.unit.clear();
        req.mqtt->timestampPointer.clear();
        req.mqtt->scale = 1.0;
        const ConfigWriteResult r = ConfigWriter::insertTag(kCommented, QStringLiteral("plant.yaml"),
                                                            QString(), req, &out);
        QVERIFY2(r.ok, qPrintable(r.message));
        // oven's keys are at column 16: "tags:" there, items two further in.
        const QByteArray expected =
                "                tags:\n"
                "                  - name: zone1\n"
                "                    kind: counter\n"
                "                    mqtt: { connection: b, topic: plant/press/vib, format: json, "
                "value: /rms }\n";
        QCOMPARE(insertedInto(kCommented, out), expected);
        QCOMPARE(r.line, 32); // "- name: zone1" follows "tags:" on line 31
        const ConfigResult reloaded = load(out);
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.formattedMessages().join(u'\n')));
        const TagDef *tag = reloaded.model->tagByPath(QStringLiteral("acme/s/a/l1/oven/zone1"));
        QVERIFY(tag);
        QCOMPARE(tag->kind, TagKind::Counter);
    }

    // A flow-style item list gets a flow item; `default_mqtt` keys are overridden explicitly so
    // the tag does not inherit a timestamp/quality pointer it was not asked for.
    void flowItemsAndDefaultMqtt()
    {
        const QByteArray yaml = R"(andon: 1
plant: { enterprise: acme }
connections:
  mqtt: [ { id: b }, { id: c } ]
default_mqtt: { connection: b, format: json, value: /value, timestamp: /ts, quality: /q, scale: 2 }
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l
            machines:
              - name: m
                tags:
                  - { name: t1, mqtt: { topic: x/t1 } }  # keep me
                  - { name: t2 }
  # end
)";
        QVERIFY2(load(yaml).ok(), qPrintable(load(yaml).formattedMessages().join(u'\n')));
        NewTagRequest req;
        req.machinePath = QStringLiteral("acme/s/a/l/m");
        req.name = QStringLiteral("count");
        req.kind = TagKind::Counter;
        MqttBinding b;
        b.connection = QStringLiteral("c");
        b.topic = QStringLiteral("site/line 2: count");
        b.format = PayloadFormat::Number;
        req.mqtt = b;
        QByteArray out;
        const ConfigWriteResult r = ConfigWriter::insertTag(yaml, QStringLiteral("plant.yaml"),
                                                            QString(), req, &out);
        QVERIFY2(r.ok, qPrintable(r.message));
        const QByteArray expected =
                "                  - { name: count, kind: counter, mqtt: { connection: c, topic: "
                "\"site/line 2: count\", format: number, value: \"\", timestamp: \"\", quality: "
                "\"\", scale: 1 } }\n";
        QCOMPARE(insertedInto(yaml, out), expected);
        QCOMPARE(r.line, 17);
        const ConfigResult reloaded = load(out);
        QVERIFY(reloaded.ok());
        const TagDef *tag = reloaded.model->tagByPath(QStringLiteral("acme/s/a/l/m/count"));
        QVERIFY(tag && tag->mqtt);
        QCOMPARE(tag->mqtt->connection, QStringLiteral("c"));
        QCOMPARE(tag->mqtt->topic, QStringLiteral("site/line 2: count"));
        QCOMPARE(tag->mqtt->format, PayloadFormat::Number);
        QCOMPARE(tag->mqtt->timestampPointer, QString());
        QCOMPARE(tag->mqtt->qualityPointer, QString());
        QCOMPARE(tag->mqtt->scale, 1.0);
    }

    void flowSequenceAndSparkplug()
    {
        const QByteArray yaml = R"(andon: 1
plant: { enterprise: acme }
connections: { mqtt: [ { id: b } ] }
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l
            machines:
              - { name: m, tags: [ { name: t1, mqtt: { topic: x } } ] }   # one-liner
              - { name: n }
)";
        NewTagRequest req;
        req.machinePath = QStringLiteral("acme/s/a/l/m");
        req.name = QStringLiteral("motor_temp");
        req.unit = QStringLiteral("degC");
        SparkplugBinding s;
        s.connection = QStringLiteral("b");
        s.group = QStringLiteral("Plant");
        s.node = QStringLiteral("Edge1");
        s.device = QStringLiteral("Press");
        s.metric = QStringLiteral("Motor/Temperature");
        req.sparkplug = s;
        QByteArray out;
        ConfigWriteResult r = ConfigWriter::insertTag(yaml, QStringLiteral("plant.yaml"), QString(),
                                                      req, &out);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.line, 11);
        const QByteArray expectedLine =
                "              - { name: m, tags: [ { name: t1, mqtt: { topic: x } }, { name: "
                "motor_temp, unit: degC, sparkplug: { connection: b, group: Plant, node: Edge1, "
                "device: Press, metric: Motor/Temperature } } ] }   # one-liner";
        QCOMPARE(out.split('\n').at(10), expectedLine);
        const ConfigResult reloaded = load(out);
        QVERIFY(reloaded.ok());
        const TagDef *tag = reloaded.model->tagByPath(QStringLiteral("acme/s/a/l/m/motor_temp"));
        QVERIFY(tag && tag->sparkplug);
        QCOMPARE(tag->sparkplug->metric, QStringLiteral("Motor/Temperature"));
        QCOMPARE(tag->sparkplug->device, QStringLiteral("Press"));

        // A flow machine without tags gets a flow `tags:` list.
        req.machinePath = QStringLiteral("acme/s/a/l/n");
        req.sparkplug->device.clear();
        QByteArray out2;
        r = ConfigWriter::insertTag(yaml, QStringLiteral("plant.yaml"), QString(), req, &out2);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(out2.split('\n').at(11),
                 QByteArray("              - { name: n, tags: [ { name: motor_temp, unit: degC, "
                            "sparkplug: { connection: b, group: Plant, node: Edge1, metric: "
                            "Motor/Temperature } } ] }"));
        const ConfigResult reloaded2 = load(out2);
        QVERIFY(reloaded2.ok() && reloaded2.model->tagByPath(QStringLiteral("acme/s/a/l/n/motor_temp")));
    }

    void duplicateNameRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plant.yaml"));
        QVERIFY(writeFile(path, kCommented));
        const ConfigWriteResult r = ConfigWriter::addTag(
                path, jsonRequest(QStringLiteral("acme/s/a/l1/press"), QStringLiteral("pressure")));
        QVERIFY(!r.ok);
        // "pressure" is the item on line 22 of kCommented.
        QCOMPARE(r.line, 22);
        QCOMPARE(r.message, path + QStringLiteral(":22: machine 'acme/s/a/l1/press' already has "
                                                  "a tag named 'pressure'; choose another name"));
        QCOMPARE(readFile(path), kCommented);
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
    }

    void invalidResultRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plant.yaml"));
        QVERIFY(writeFile(path, kCommented));
        NewTagRequest req = jsonRequest(QStringLiteral("acme/s/a/l1/press"), QStringLiteral("vib"));
        req.mqtt->connection = QStringLiteral("nope"); // no such connection
        const ConfigWriteResult r = ConfigWriter::addTag(path, req);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.startsWith(path + QStringLiteral(":29: the new tag would make the "
                                                            "configuration invalid, nothing was "
                                                            "changed: ")),
                 qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("nope")), qPrintable(r.message));
        QCOMPARE(readFile(path), kCommented);
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));

        // Unknown machine and a bad name are refused before anything is parsed further.
        const ConfigWriteResult noMachine = ConfigWriter::addTag(
                path, jsonRequest(QStringLiteral("acme/s/a/l1/robot"), QStringLiteral("x")));
        QVERIFY(!noMachine.ok);
        QCOMPARE(noMachine.message,
                 path + QStringLiteral(": no machine 'acme/s/a/l1/robot' in this configuration"));
        const ConfigWriteResult badName = ConfigWriter::addTag(
                path, jsonRequest(QStringLiteral("acme/s/a/l1/press"), QStringLiteral("a b")));
        QVERIFY(!badName.ok);
        QVERIFY(badName.message.contains(QStringLiteral("not a path segment")));
        QCOMPARE(readFile(path), kCommented);
    }

    // The demo plant shares one tag list through a YAML anchor: adding to it would add the
    // tag to eight machines, so it is refused; the palletizer has its own list and works.
    void demoPlantAnchorAndBackup()
    {
        const QByteArray demo = readFile(test::sourceDir()
                                         + QStringLiteral("/resources/config/demo-plant.yaml"));
        QVERIFY(!demo.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo-plant.yaml"));
        QVERIFY(writeFile(path, demo));

        NewTagRequest req;
        req.machinePath = QStringLiteral("acme/berlin/assembly/line1/press");
        req.name = QStringLiteral("force");
        req.unit = QStringLiteral("kN");
        MqttBinding b;
        b.connection = QStringLiteral("plant-broker");
        b.topic = QStringLiteral("acme/berlin/assembly/line1/press/force");
        b.format = PayloadFormat::Json;
        b.valuePointer = QStringLiteral("/value");
        b.timestampPointer = QStringLiteral("/ts");
        b.qualityPointer = QStringLiteral("/q");
        req.mqtt = b;
        ConfigWriteResult r = ConfigWriter::addTag(path, req);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("YAML alias")), qPrintable(r.message));
        // The line of "tags: *machine_tags" after "- name: press" (the demo file changes, so
        // it is looked up rather than hard-coded).
        const QList<QByteArray> demoLines = demo.split('\n');
        int pressLine = 0, specLine = 0;
        for (int i = 0; i < demoLines.size(); ++i) {
            if (demoLines[i].trimmed() == "- name: press")
                pressLine = -1;
            if (pressLine == -1 && demoLines[i].trimmed() == "tags: *machine_tags")
                pressLine = i + 1;
            if (demoLines[i].trimmed().startsWith("spec: { lsl: 5.9"))
                specLine = i + 1;
        }
        QVERIFY(pressLine > 0 && specLine > 0);
        QCOMPARE(r.line, pressLine);
        req.machinePath = QStringLiteral("acme/berlin/assembly/line1/feeder");
        r = ConfigWriter::addTag(path, req);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("anchor &machine_tags")), qPrintable(r.message));
        QCOMPARE(readFile(path), demo);

        req.machinePath = QStringLiteral("acme/berlin/packaging/line2/palletizer");
        r = ConfigWriter::addTag(path, req);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.backupFile, path + QStringLiteral(".bak"));
        QCOMPARE(readFile(r.backupFile), demo);
        // case_weight (a block item whose last line is its spec) is the last tag.
        QCOMPARE(r.line, specLine + 1);
        QCOMPARE(insertedInto(demo, readFile(path)),
                 QByteArray("                  - name: force\n"
                            "                    unit: kN\n"
                            "                    mqtt: { connection: plant-broker, topic: "
                            "acme/berlin/assembly/line1/press/force, format: json, value: /value, "
                            "timestamp: /ts, quality: /q }\n"));
        const ConfigResult reloaded = ConfigLoader::loadFile(path);
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.formattedMessages().join(u'\n')));
        QVERIFY(reloaded.model->tagByPath(
                QStringLiteral("acme/berlin/packaging/line2/palletizer/force")));
    }

    void crlfFileKeepsLineEnds()
    {
        QByteArray yaml = kCommented;
        yaml.replace("\n", "\r\n");
        QByteArray out;
        const ConfigWriteResult r = ConfigWriter::insertTag(
                yaml, QStringLiteral("plant.yaml"), QString(),
                jsonRequest(QStringLiteral("acme/s/a/l1/press"), QStringLiteral("vib")), &out);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(out.count("\r\n"), out.count('\n'));
        QCOMPARE(out.count('\n'), yaml.count('\n') + 3);
    }

    void scalars_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("yaml");
        QTest::newRow("plain") << QStringLiteral("motor_temp") << QStringLiteral("motor_temp");
        QTest::newRow("topic") << QStringLiteral("a/b/c") << QStringLiteral("a/b/c");
        QTest::newRow("pointer") << QStringLiteral("/value") << QStringLiteral("/value");
        QTest::newRow("unit") << QStringLiteral("°C") << QStringLiteral("°C");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
        QTest::newRow("hash") << QStringLiteral("a/#") << QStringLiteral("\"a/#\"");
        QTest::newRow("colon") << QStringLiteral("a: b") << QStringLiteral("\"a: b\"");
        QTest::newRow("bool word") << QStringLiteral("on") << QStringLiteral("\"on\"");
        QTest::newRow("number") << QStringLiteral("12") << QStringLiteral("\"12\"");
        QTest::newRow("quote") << QStringLiteral("a\"b\\") << QStringLiteral("\"a\\\"b\\\\\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\\nb\"");
    }
    void scalars()
    {
        QFETCH(QString, text);
        QFETCH(QString, yaml);
        QCOMPARE(ConfigWriter::yamlScalar(text), yaml);
    }

    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "tst_config_writer.moc"
