// Calendar, products and specification limits in the plant configuration, and the expansion
// of a shift calendar into UTC shift instances (time zones, DST, non-production days).
// Positions in expected messages were counted by hand in the YAML below (1-based).
#include "core/config_loader.h"
#include "core/shift_calendar.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace andon;

namespace {

// 16 lines; snippets appended below start at line 17.
const QByteArray kBase = R"(andon: 1
plant: { enterprise: acme }
sites:
  - name: berlin
    timezone: Europe/Berlin
    areas:
      - name: asm
        lines:
          - name: l1
            machines:
              - name: m1
                ideal_rate_per_min: 60
                states: [ { code: 1, name: Running, category: running } ]
                tags:
                  - { name: state, role: state }
                  - { name: torque, unit: Nm, spec: { lsl: 4.5, usl: 5.5, target: 5.0 } }
)";

QStringList errorsOf(const ConfigResult &r)
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

TimestampMs utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class TestCalendarConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }

    void baseHasNoCalendar();
    void calendarProductsSpec();
    void errors_data();
    void errors();
    void shiftInstances_data();
    void shiftInstances();
    void demoPlantHasCalendar();
};

void TestCalendarConfig::baseHasNoCalendar()
{
    const ConfigResult r = load({});
    QVERIFY2(r.ok() && r.messages.empty(), qPrintable(errorsOf(r).join(u'\n')));
    QVERIFY(!r.model->calendar.isSet());
    QCOMPARE(r.model->calendar.timeZone, QStringLiteral("Europe/Berlin")); // the plant's
    QVERIFY(r.model->products.empty());
    // Spec limits on the torque tag, none on the state tag.
    const TagDef *torque = r.model->tagByPath(QStringLiteral("acme/berlin/asm/l1/m1/torque"));
    QVERIFY(torque && torque->spec);
    QCOMPARE(torque->spec->lsl, 4.5);
    QCOMPARE(torque->spec->usl, 5.5);
    QCOMPARE(torque->spec->target, 5.0);
    QVERIFY(!r.model->tags[0].spec);
    // Without products the ideal cycle comes from the nameplate rate: 60 / 60 per min = 1 s.
    QCOMPARE(r.model->idealCycleSeconds(0, 1), 1.0);
}

void TestCalendarConfig::calendarProductsSpec()
{
    const ConfigResult r = load(R"(calendar:
  timezone: America/New_York
  non_production_days: [saturday, Sun]
  shifts:
    - name: late
      start: "14:00"
      hours: 8
    - name: early
      start: "06:00"
      hours: 8
      breaks:
        - { start: "12:00", minutes: 30 }
        - { start: "09:00", minutes: 15 }
products:
  - { code: 101, name: Housing A, ideal_cycle_s: 0.9 }
  - code: 102
    name: Housing B
    ideal_cycle_s: 1.2
    by_path: { acme/berlin/asm/l1: 1.5, acme/berlin/asm/l1/m1: 2 }
  - code: 103
    name: Housing C
    by_path: { acme/berlin/asm/l1: 1.25 }
)");
    QVERIFY2(r.ok() && r.messages.empty(), qPrintable(errorsOf(r).join(u'\n')));
    const ShiftCalendar &c = r.model->calendar;
    QCOMPARE(c.timeZone, QStringLiteral("America/New_York"));
    QCOMPARE(c.nonProductionDays, (std::vector<int> { 6, 7 }));
    QCOMPARE(c.shifts.size(), std::size_t(2));
    // Sorted by start time.
    QCOMPARE(c.shifts[0].name, QStringLiteral("early"));
    QCOMPARE(c.shifts[0].startMinute, 6 * 60);
    QCOMPARE(c.shifts[0].minutes, 8 * 60);
    QCOMPARE(c.shifts[0].breaks.size(), std::size_t(2));
    QCOMPARE(c.shifts[0].breaks[0].startMinute, 9 * 60); // sorted too
    QCOMPARE(c.shifts[0].breaks[0].minutes, 15);
    QCOMPARE(c.shifts[0].breaks[1].startMinute, 12 * 60);
    QCOMPARE(c.shifts[1].name, QStringLiteral("late"));
    QVERIFY(c.shifts[1].breaks.empty());

    const PlantModel &m = *r.model;
    QCOMPARE(m.products.size(), std::size_t(3));
    QCOMPARE(m.product(102)->name, QStringLiteral("Housing B"));
    QVERIFY(!m.product(104));
    QCOMPARE(m.idealCycleSeconds(0, 101), 0.9);  // product default
    QCOMPARE(m.idealCycleSeconds(0, 102), 2.0);  // the machine's own entry beats its line's
    QCOMPARE(m.idealCycleSeconds(0, 103), 1.25); // the line's entry
    QCOMPARE(m.idealCycleSeconds(0, 999), 1.0);  // unknown product: nameplate rate
    QCOMPARE(m.idealCycleSeconds(5, 101), 0.0);  // no such machine
}

void TestCalendarConfig::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");

    QTest::newRow("bad time") << QByteArray(R"(calendar:
  shifts:
    - { name: a, start: "25:00", hours: 8 }
)") << QStringLiteral("plant.yaml:19:25: error: calendar.shifts[0].start: expected a time of day "
                      "\"HH:MM\" (00:00 to 23:59), got \"25:00\"");
    QTest::newRow("break outside shift") << QByteArray(R"(calendar:
  shifts:
    - name: a
      start: "06:00"
      hours: 8
      breaks: [ { start: "13:50", minutes: 20 } ]
)") << QStringLiteral("plant.yaml:22:17: error: calendar.shifts[0].breaks[0]: break 13:50 + 20 "
                      "min is not inside shift 'a'");
    QTest::newRow("night break after midnight") << QByteArray(R"(calendar:
  shifts:
    - name: n
      start: "22:00"
      hours: 8
      breaks: [ { start: "05:45", minutes: 30 } ]
)") << QStringLiteral("plant.yaml:22:17: error: calendar.shifts[0].breaks[0]: break 05:45 + 30 "
                      "min is not inside shift 'n'");
    QTest::newRow("overlapping shifts") << QByteArray(R"(calendar:
  shifts:
    - { name: a, start: "06:00", hours: 8 }
    - { name: b, start: "13:00", hours: 8 }
)") << QStringLiteral("plant.yaml:20:7: error: calendar.shifts[1]: shift 'b' overlaps shift 'a' "
                      "defined at line 19, column 7");
    QTest::newRow("overlap across midnight") << QByteArray(R"(calendar:
  shifts:
    - { name: a, start: "05:00", hours: 8 }
    - { name: n, start: "22:00", hours: 8 }
)") << QStringLiteral("plant.yaml:20:7: error: calendar.shifts[1]: shift 'n' overlaps shift 'a' "
                      "defined at line 19, column 7");
    QTest::newRow("weekday") << QByteArray(R"(calendar:
  shifts: [ { name: a, start: "06:00", hours: 8 } ]
  non_production_days: [ sat, funday ]
)") << QStringLiteral("plant.yaml:19:31: error: calendar.non_production_days[1]: expected a "
                      "weekday (monday..sunday or mon..sun), got \"funday\"");
    QTest::newRow("spec order") << QByteArray(R"(            tags:
              - { name: w, spec: { lsl: 5, usl: 4 } }
)") << QStringLiteral("plant.yaml:18:34: error: sites[0].areas[0].lines[0].tags[0].spec: "
                      "expected lsl < usl and the target between them, got lsl 5, usl 4");
    QTest::newRow("target outside") << QByteArray(R"(            tags:
              - { name: w, spec: { lsl: 5, target: 7, usl: 6 } }
)") << QStringLiteral("plant.yaml:18:34: error: sites[0].areas[0].lines[0].tags[0].spec: "
                      "expected lsl < usl and the target between them, got lsl 5, target 7, "
                      "usl 6");
    QTest::newRow("spec on a counter") << QByteArray(R"(            tags:
              - { name: w, kind: counter, spec: { usl: 6 } }
)") << QStringLiteral("plant.yaml:18:49: error: sites[0].areas[0].lines[0].tags[0].spec: "
                      "specification limits need an analog tag, got kind 'counter'");
    QTest::newRow("unknown by_path") << QByteArray(R"(products:
  - { code: 1, name: A, by_path: { acme/berlin/asm/l9: 2 } }
)") << QStringLiteral("plant.yaml:18:36: error: products[0].by_path.acme/berlin/asm/l9: unknown "
                      "machine or line path 'acme/berlin/asm/l9'");
    QTest::newRow("duplicate product") << QByteArray(R"(products:
  - { code: 7, name: A }
  - { code: 7, name: B }
)") << QStringLiteral("plant.yaml:19:13: error: products[1].code: duplicate product code 7; "
                      "first defined at line 18, column 13");
}

void TestCalendarConfig::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const ConfigResult r = load(yaml);
    QVERIFY(!r.ok());
    QCOMPARE(errorsOf(r), QStringList { expected });
}

void TestCalendarConfig::shiftInstances_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<TimestampMs>("from");
    QTest::addColumn<TimestampMs>("to");
    // Expected instances as "name start end [breakStart-breakEnd ...]" in UTC ms, computed from
    // the UTC offsets of Europe/Berlin (CET = UTC+1 in winter, CEST = UTC+2 in summer).
    QTest::addColumn<QStringList>("expected");

    const QByteArray twoShifts = R"(calendar:
  non_production_days: [saturday, sunday]
  shifts:
    - name: early
      start: "06:00"
      hours: 8
      breaks: [ { start: "09:00", minutes: 15 } ]
    - name: night
      start: "22:00"
      hours: 8
      breaks: [ { start: "03:30", minutes: 30 } ]
)";
    const auto inst = [](const char *name, TimestampMs s, TimestampMs e, TimestampMs bs,
                          TimestampMs be) {
        return QStringLiteral("%1 %2 %3 %4-%5")
                .arg(QLatin1String(name)).arg(s).arg(e).arg(bs).arg(be);
    };
    // Wednesday 14 January 2026 (CET): early 05:00Z-13:00Z, break 08:00Z-08:15Z; the night
    // shift of Tuesday 13th runs 21:00Z-05:00Z with its break at 02:30Z; Wednesday's night
    // shift starts at 21:00Z.
    QTest::newRow("winter weekday")
        << twoShifts << utc(2026, 1, 14, 0, 0) << utc(2026, 1, 14, 22, 0)
        << QStringList { inst("night", utc(2026, 1, 13, 21, 0), utc(2026, 1, 14, 5, 0),
                                utc(2026, 1, 14, 2, 30), utc(2026, 1, 14, 3, 0)),
               inst("early", utc(2026, 1, 14, 5, 0), utc(2026, 1, 14, 13, 0),
                   utc(2026, 1, 14, 8, 0), utc(2026, 1, 14, 8, 15)),
               inst("night", utc(2026, 1, 14, 21, 0), utc(2026, 1, 15, 5, 0),
                   utc(2026, 1, 15, 2, 30), utc(2026, 1, 15, 3, 0)) };
    // Saturday 17 and Sunday 18 January: no shifts; Friday's night shift ends Saturday 05:00Z.
    QTest::newRow("weekend")
        << twoShifts << utc(2026, 1, 17, 6, 0) << utc(2026, 1, 18, 23, 59) << QStringList {};
    // Summer, Monday 15 June 2026 (CEST): early 04:00Z-12:00Z.
    QTest::newRow("summer")
        << twoShifts << utc(2026, 6, 15, 4, 0) << utc(2026, 6, 15, 12, 0)
        << QStringList { inst("early", utc(2026, 6, 15, 4, 0), utc(2026, 6, 15, 12, 0),
            utc(2026, 6, 15, 7, 0), utc(2026, 6, 15, 7, 15)) };
    // DST starts Sunday 29 March 2026 at 02:00 CET: the night shift of Saturday 28th
    // (production every day here) starts 22:00 CET = 21:00Z and ends 06:00 CEST = 04:00Z,
    // 7 hours; its 03:30 CEST break is at 01:30Z.
    const QByteArray everyDay = QByteArray(twoShifts).replace(
        "non_production_days: [saturday, sunday]", "non_production_days: []");
    QTest::newRow("dst night")
        << everyDay << utc(2026, 3, 28, 21, 0) << utc(2026, 3, 29, 4, 0)
        << QStringList { inst("night", utc(2026, 3, 28, 21, 0), utc(2026, 3, 29, 4, 0),
            utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 2, 0)) };
}

void TestCalendarConfig::shiftInstances()
{
    QFETCH(QByteArray, yaml);
    QFETCH(TimestampMs, from);
    QFETCH(TimestampMs, to);
    QFETCH(QStringList, expected);
    const ConfigResult r = load(yaml);
    QVERIFY2(r.ok() && r.messages.empty(), qPrintable(errorsOf(r).join(u'\n')));
    QStringList got;
    for (const ShiftInstance &s : andon::shiftInstances(r.model->calendar, from, to)) {
        QString text = s.name + QStringLiteral(" %1 %2").arg(s.startMs).arg(s.endMs);
        for (const auto &[b, e] : s.breaks)
            text += QStringLiteral(" %1-%2").arg(b).arg(e);
        got << text;
        // Each shift of this calendar has one break.
        QCOMPARE(s.breaks.size(), std::size_t(1));
        QCOMPARE(s.plannedMs(), s.endMs - s.startMs - (s.breaks[0].second - s.breaks[0].first));
    }
    QCOMPARE(got, expected);
}

void TestCalendarConfig::demoPlantHasCalendar()
{
    const ConfigResult r = ConfigLoader::loadFile(
        test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY2(r.ok() && r.messages.empty(), qPrintable(errorsOf(r).join(u'\n')));
    const PlantModel &m = *r.model;
    QCOMPARE(m.calendar.timeZone, QStringLiteral("Europe/Berlin"));
    QCOMPARE(m.calendar.shifts.size(), std::size_t(3));
    QVERIFY(m.products.size() >= 2);
    // Every machine has a positive ideal cycle time for every product.
    for (const ProductDef &p : m.products)
        for (int i = 0; i < int(m.machines.size()); ++i)
            QVERIFY(m.idealCycleSeconds(i, p.code) > 0);
    int specs = 0;
    for (const TagDef &t : m.tags)
        specs += t.spec ? 1 : 0;
    QCOMPARE(specs, 1);
}

QTEST_GUILESS_MAIN(TestCalendarConfig)
#include "tst_calendar_config.moc"
