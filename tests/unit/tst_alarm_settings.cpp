// Run-time alarm settings, the pure parts: the checks of applyAlarmSettings
// (core/alarm_settings.h) as a table, the journal texts, and ConfigWriter::setAlarmFieldsInText
// on block-style and flow-style alarm entries (comments kept, missing keys added in the
// entry's own style, the result validated). Expected texts are written by hand below.
#include "core/alarm_settings.h"
#include "core/config_writer.h"
#include "tests/support/test_support.h"
#include "tests/unit/alarm_settings_plant.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace andon;

namespace {

const AlarmDef *alarm(const PlantModel &m, const QString &id)
{
    for (const AlarmDef &a : m.alarms)
        if (a.id == id)
            return &a;
    return nullptr;
}

std::optional<double> optDouble(const QVariant &v)
{
    return v.isValid() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

std::optional<int> optInt(const QVariant &v)
{
    return v.isValid() ? std::optional<int>(v.toInt()) : std::nullopt;
}

// `yaml` with the one line `from` replaced by `to` (the line must occur exactly once).
QByteArray replaced(const QByteArray &yaml, const QByteArray &from, const QByteArray &to)
{
    if (yaml.count(from) != 1)
        return QByteArray("<line not found once: ") + from + '>';
    QByteArray out = yaml;
    return out.replace(from, to);
}

} // namespace

class TestAlarmSettings : public QObject
{
    Q_OBJECT
    std::shared_ptr<const PlantModel> m_model;

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        const ConfigResult r = test::loadAlarmSettingsPlant();
        QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
        m_model = r.model;
        QCOMPARE(alarm(*m_model, test::kM1 + u"temp_high"_qs)->line, 27);
        QCOMPARE(alarm(*m_model, test::kM1 + u"temp_high_high"_qs)->line, 35);
        QCOMPARE(alarm(*m_model, test::kLine + u"weight_dev"_qs)->line, 37);
    }

    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QVariant>("limit");
        QTest::addColumn<QVariant>("setpoint");
        QTest::addColumn<QVariant>("deadband");
        QTest::addColumn<QVariant>("onDelayMs");
        QTest::addColumn<QVariant>("offDelayMs");
        QTest::addColumn<QVariant>("priority");
        QTest::addColumn<QString>("error"); // "" = accepted; else a part of *why

        const QString high = test::kM1 + u"temp_high"_qs; // limit 90, deadband 2, range 0..150
        const QString hh = test::kM1 + u"temp_high_high"_qs; // limit 110
        const QString low = test::kM1 + u"temp_low"_qs; // limit 10
        const QString dev = test::kLine + u"weight_dev"_qs; // setpoint 6.0, limit 0.075, db 0.01
        const QString fault = test::kM1 + u"fault"_qs; // discrete
        const QVariant none;
        const double inf = std::numeric_limits<double>::infinity();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const auto row = [&](const char *name, const QString &id, QVariant limit,
                             QVariant setpoint, QVariant deadband, QVariant on, QVariant off,
                             QVariant priority, const QString &error) {
            QTest::newRow(name) << id << limit << setpoint << deadband << on << off << priority
                                << error;
        };
        row("high limit 95", high, 95.0, none, none, none, none, none, QString());
        row("high_high limit 150 (range top)", hh, 150.0, none, none, none, none, none,
            QString());
        // A high limit of 150 is in range, but above the high_high limit 110.
        row("high limit 150", high, 150.0, none, none, none, none, none,
            u"must be below the limit 110 °C of the high_high alarm temp_high_high"_qs);
        row("high limit NaN", high, nan, none, none, none, none, none, u"finite"_qs);
        row("high limit inf", high, inf, none, none, none, none, none, u"finite"_qs);
        row("high limit above range", high, 150.5, none, none, none, none, none,
            u"outside the range"_qs);
        row("high limit below range", high, -1.0, none, none, none, none, none,
            u"outside the range"_qs);
        // low 10 < high: a high limit of 8 would be below the low limit of the same tag.
        row("high below low", high, 8.0, none, none, none, none, none,
            u"must be above the limit 10 °C of the low alarm temp_low"_qs);
        row("high above high_high", high, 111.0, none, none, none, none, none,
            u"must be below the limit 110 °C of the high_high alarm temp_high_high"_qs);
        row("high_high below high", hh, 89.0, none, none, none, none, none,
            u"must be above the limit 90 °C of the high alarm temp_high"_qs);
        row("low above high", low, 95.0, none, none, none, none, none,
            u"must be below the limit 90 °C of the high alarm temp_high"_qs);
        row("deadband 0", high, none, none, 0.0, none, none, none, QString());
        row("deadband negative", high, none, none, -0.5, none, none, none, u"0 or more"_qs);
        row("deadband NaN", high, none, none, nan, none, none, none, u"0 or more"_qs);
        // Level alarm: the deadband must stay below the range span (150 - 0).
        row("deadband = range span", high, none, none, 150.0, none, none, none,
            u"less than the tag's range span (150 °C)"_qs);
        row("deviation setpoint", dev, none, 6.05, none, none, none, none, QString());
        row("deviation limit 0", dev, 0.0, none, none, none, none, none, u"above 0"_qs);
        // Deviation: the deadband must stay below the limit (0.075).
        row("deviation deadband >= limit", dev, none, none, 0.075, none, none, none,
            u"less than the limit (0.075 kg)"_qs);
        row("deviation smaller limit hits deadband", dev, 0.01, none, none, none, none, none,
            u"less than the limit (0.01 kg)"_qs);
        row("setpoint on high", high, none, 50.0, none, none, none, none,
            u"only a deviation alarm has a setpoint"_qs);
        row("setpoint NaN", dev, none, nan, none, none, none, none, u"finite"_qs);
        row("limit on discrete", fault, 1.0, none, none, none, none, none,
            u"has no limit"_qs);
        row("deadband on discrete", fault, none, none, 1.0, none, none, none,
            u"has no limit"_qs);
        row("discrete priority", fault, none, none, none, none, none, 1, QString());
        row("discrete on-delay", fault, none, none, none, 2000, none, none, QString());
        row("on-delay 0", high, none, none, none, 0, none, none, QString());
        row("on-delay 1 h", high, none, none, none, 3'600'000, none, none, QString());
        row("on-delay negative", high, none, none, none, -1, none, none,
            u"between 0 and 3600 s"_qs);
        row("on-delay over 1 h", high, none, none, none, 3'600'001, none, none,
            u"between 0 and 3600 s"_qs);
        row("off-delay over 1 h", high, none, none, none, none, 3'600'001, none,
            u"off-delay must be between 0 and 3600 s"_qs);
        row("priority 1", high, none, none, none, none, none, 1, QString());
        row("priority 0", high, none, none, none, none, none, 0, u"1 (critical) to 4 (low)"_qs);
        row("priority 5", high, none, none, none, none, none, 5, u"1 (critical) to 4 (low)"_qs);
        row("nothing", high, none, none, none, none, none, none, u"nothing to change"_qs);
        row("same values", high, 90.0, none, 2.0, 5000, none, 3,
            u"same as the current ones"_qs);
    }

    void validation()
    {
        QFETCH(QString, id);
        QFETCH(QVariant, limit);
        QFETCH(QVariant, setpoint);
        QFETCH(QVariant, deadband);
        QFETCH(QVariant, onDelayMs);
        QFETCH(QVariant, offDelayMs);
        QFETCH(QVariant, priority);
        QFETCH(QString, error);
        const AlarmDef *a = alarm(*m_model, id);
        QVERIFY2(a, qPrintable(id));
        AlarmSettingsChange c;
        c.limit = optDouble(limit);
        c.setpoint = optDouble(setpoint);
        c.deadband = optDouble(deadband);
        c.onDelayMs = optInt(onDelayMs);
        c.offDelayMs = optInt(offDelayMs);
        c.priority = optInt(priority);
        QString why;
        const std::optional<AlarmDef> after = applyAlarmSettings(*m_model, *a, c, &why);
        if (!error.isEmpty()) {
            QVERIFY2(!after, "accepted, expected a refusal");
            QVERIFY2(why.contains(error), qPrintable(why));
            return;
        }
        QVERIFY2(after, qPrintable(why));
        QCOMPARE(after->id, a->id);
        if (c.limit)
            QCOMPARE(after->limit, *c.limit);
        else
            QVERIFY(after->limit == a->limit || (std::isnan(after->limit) && std::isnan(a->limit)));
        if (c.setpoint)
            QCOMPARE(after->setpoint, *c.setpoint);
        QCOMPARE(after->deadband, c.deadband ? *c.deadband : a->deadband);
        QCOMPARE(after->onDelayMs, c.onDelayMs ? *c.onDelayMs : a->onDelayMs);
        QCOMPARE(after->offDelayMs, c.offDelayMs ? *c.offDelayMs : a->offDelayMs);
        QCOMPARE(after->priority, c.priority ? *c.priority : a->priority);
    }

    void externalAlarmRefused()
    {
        AlarmDef a = *alarm(*m_model, test::kM1 + u"temp_high"_qs);
        a.external = true;
        AlarmSettingsChange c;
        c.priority = 1;
        QString why;
        QVERIFY(!applyAlarmSettings(*m_model, a, c, &why));
        QVERIFY2(why.contains(u"SPC violation alarm"_qs), qPrintable(why));
    }

    void siblings()
    {
        // temp_low has `machines: all`: one alarm on m1 and one on m2, the same entry.
        const auto ids = [&](const QString &id) {
            QStringList out;
            for (int i : alarmEntrySiblings(*m_model, *alarm(*m_model, id)))
                out << m_model->alarms[std::size_t(i)].id;
            return out;
        };
        QCOMPARE(ids(test::kM1 + u"temp_low"_qs),
                 QStringList({ test::kM1 + u"temp_low"_qs, test::kM2 + u"temp_low"_qs }));
        QCOMPARE(ids(test::kM2 + u"temp_low"_qs),
                 QStringList({ test::kM1 + u"temp_low"_qs, test::kM2 + u"temp_low"_qs }));
        QCOMPARE(ids(test::kM1 + u"temp_high"_qs), QStringList{ test::kM1 + u"temp_high"_qs });
    }

    void texts()
    {
        const AlarmDef &a = *alarm(*m_model, test::kM1 + u"temp_high"_qs);
        AlarmDef b = a;
        b.limit = 95;
        b.onDelayMs = 10'000;
        b.priority = 2;
        const AlarmSettingsTexts t = describeAlarmSettingsChange(*m_model, a, b);
        QCOMPARE(t.oldText, u"limit 90 °C; on_delay 5 s; priority 3"_qs);
        QCOMPARE(t.newText, u"limit 95 °C; on_delay 10 s; priority 2"_qs);
        QCOMPARE(t.changeText, u"limit 90 → 95 °C; on_delay 5 s → 10 s; priority 3 → 2"_qs);
        const auto fields = alarmSettingsYamlFields(a, b);
        QCOMPARE(fields.size(), std::size_t(3));
        QCOMPARE(fields[0], std::make_pair(u"limit"_qs, u"95"_qs));
        QCOMPARE(fields[1], std::make_pair(u"on_delay_s"_qs, u"10"_qs));
        QCOMPARE(fields[2], std::make_pair(u"priority"_qs, u"2"_qs));

        const AlarmDef &d = *alarm(*m_model, test::kLine + u"weight_dev"_qs);
        AlarmDef e = d;
        e.deadband = 0.02;
        e.offDelayMs = 1500;
        const AlarmSettingsTexts u = describeAlarmSettingsChange(*m_model, d, e);
        QCOMPARE(u.changeText, u"deadband 0.01 → 0.02 kg; off_delay 0 s → 1.5 s"_qs);
        QCOMPARE(alarmSettingNumber(0.075), u"0.075"_qs);
        QCOMPARE(alarmSettingNumber(1e-7), u"1e-07"_qs);
    }

    void writerBlockEntry()
    {
        // Replace limit (its comment stays) and add off_delay_s after the entry's last key,
        // at the keys' indentation (4 spaces).
        QByteArray out;
        const ConfigWriteResult r = ConfigWriter::setAlarmFieldsInText(
                test::kAlarmSettingsYaml, u"plant.yaml"_qs, QDir::tempPath(), 27,
                u"temp_high"_qs, { { u"limit"_qs, u"95"_qs }, { u"off_delay_s"_qs, u"3"_qs } },
                &out);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.line, 27);
        QByteArray expected = replaced(test::kAlarmSettingsYaml,
                                       "    limit: 90        # °C, from the motor datasheet\n",
                                       "    limit: 95        # °C, from the motor datasheet\n");
        expected = replaced(expected,
                            "    message: \"Motor {value} {unit} above {limit} {unit}\"\n",
                            "    message: \"Motor {value} {unit} above {limit} {unit}\"\n"
                            "    off_delay_s: 3\n");
        QCOMPARE(out, expected);
        QVERIFY(out.contains("  # Motor temperature (block style; this comment stays)\n"));
        const ConfigResult back = test::loadAlarmSettingsPlant(out);
        QVERIFY2(back.ok(), qPrintable(back.formattedMessages().join(u'\n')));
        const AlarmDef *a = alarm(*back.model, test::kM1 + u"temp_high"_qs);
        QCOMPARE(a->limit, 95.0);
        QCOMPARE(a->offDelayMs, 3000);
        QCOMPARE(a->onDelayMs, 5000);
    }

    void writerFlowEntry()
    {
        // One-line flow entry with a comment after it: replace in place, add before the '}'.
        QByteArray out;
        ConfigWriteResult r = ConfigWriter::setAlarmFieldsInText(
                test::kAlarmSettingsYaml, u"plant.yaml"_qs, QDir::tempPath(), 35,
                u"temp_high_high"_qs, { { u"limit"_qs, u"120"_qs }, { u"on_delay_s"_qs, u"2"_qs } },
                &out);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(out,
                 replaced(test::kAlarmSettingsYaml,
                          "  - { name: temp_high_high, tag: acme/s/a/l/m1/temp, type: high_high, "
                          "limit: 110, priority: 1 }  # trip\n",
                          "  - { name: temp_high_high, tag: acme/s/a/l/m1/temp, type: high_high, "
                          "limit: 120, priority: 1, on_delay_s: 2 }  # trip\n"));

        // A flow entry over two lines: values on both lines, a new key before the '}'.
        r = ConfigWriter::setAlarmFieldsInText(
                test::kAlarmSettingsYaml, u"plant.yaml"_qs, QDir::tempPath(), 37, u"weight_dev"_qs,
                { { u"limit"_qs, u"0.1"_qs }, { u"deadband"_qs, u"0.02"_qs },
                  { u"off_delay_s"_qs, u"1.5"_qs } },
                &out);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(out,
                 replaced(test::kAlarmSettingsYaml,
                          "  - { name: weight_dev, tag: acme/s/a/l/weight, type: deviation, "
                          "setpoint: 6.0, limit: 0.075,\n      deadband: 0.01, priority: 2 }\n",
                          "  - { name: weight_dev, tag: acme/s/a/l/weight, type: deviation, "
                          "setpoint: 6.0, limit: 0.1,\n      deadband: 0.02, priority: 2, "
                          "off_delay_s: 1.5 }\n"));
        const ConfigResult back = test::loadAlarmSettingsPlant(out);
        QVERIFY2(back.ok(), qPrintable(back.formattedMessages().join(u'\n')));
        const AlarmDef *d = alarm(*back.model, test::kLine + u"weight_dev"_qs);
        QCOMPARE(d->limit, 0.1);
        QCOMPARE(d->deadband, 0.02);
        QCOMPARE(d->offDelayMs, 1500);
    }

    void writerEntryMoved()
    {
        // The file gained lines above the entry since it was loaded: the only entry with that
        // name is found anyway.
        const QByteArray moved = replaced(test::kAlarmSettingsYaml, "alarms:\n",
                                          "alarms:\n  # two new\n  # comment lines\n");
        QByteArray out;
        const ConfigWriteResult r = ConfigWriter::setAlarmFieldsInText(
                moved, u"plant.yaml"_qs, QDir::tempPath(), 27, u"temp_high"_qs,
                { { u"priority"_qs, u"2"_qs } }, &out);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.line, 29);
        QCOMPARE(out, replaced(moved, "    priority: 3\n", "    priority: 2\n"));
    }

    void writerRefusals_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("rejected");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown alarm") << 27 << u"temp_hot"_qs << u"limit"_qs << u"95"_qs
                                       << false << u"no alarm entry named 'temp_hot'"_qs;
        QTest::newRow("not a setting") << 27 << u"temp_high"_qs << u"tag"_qs << u"x"_qs << false
                                       << u"'tag' is not an alarm setting"_qs;
        QTest::newRow("not a number") << 27 << u"temp_high"_qs << u"limit"_qs << u"9O"_qs
                                      << false << u"'9O' is not a number"_qs;
        QTest::newRow("injection") << 27 << u"temp_high"_qs << u"limit"_qs
                                   << u"95\n    tag: x"_qs << false << u"is not a number"_qs;
        // The loader's own check (limit inside the tag's range 0..150) refuses the result.
        QTest::newRow("outside range") << 27 << u"temp_high"_qs << u"limit"_qs << u"200"_qs
                                       << true << u"outside the range"_qs;
    }

    void writerRefusals()
    {
        QFETCH(int, line);
        QFETCH(QString, name);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, rejected);
        QFETCH(QString, error);
        QByteArray out("untouched");
        const ConfigWriteResult r = ConfigWriter::setAlarmFieldsInText(
                test::kAlarmSettingsYaml, u"plant.yaml"_qs, QDir::tempPath(), line, name,
                { { key, value } }, &out);
        QVERIFY(!r.ok);
        QCOMPARE(r.rejected, rejected);
        QVERIFY2(r.message.contains(error), qPrintable(r.message));
        QVERIFY2(r.message.startsWith(u"plant.yaml"_qs), qPrintable(r.message));
        QCOMPARE(out, QByteArray("untouched"));
    }
};

QTEST_GUILESS_MAIN(TestAlarmSettings)
#include "tst_alarm_settings.moc"
