// OEE roll-ups (engine/oee_rollup): sums over shifts and lines with KPIs recomputed from the
// sums, the plant roll-up weighted by planned production time, and the shift instances of
// production days (DST, night shifts, calendar-less plants). Expected values by hand below.
#include "engine/oee_rollup.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace andon;

namespace {

constexpr TimestampMs kMin = 60'000;

analytics::OeeResult result(double pbtMin, double runMin, double idealRunMin, double idealGoodMin,
                            double total, double good)
{
    analytics::OeeResult r;
    r.calendarMs = 480 * kMin;
    r.plannedOperatingMs = TimestampMs(pbtMin * kMin);
    r.plannedBusyMs = TimestampMs(pbtMin * kMin);
    r.runMs = TimestampMs(runMin * kMin);
    r.idealRunS = idealRunMin * 60;
    r.idealGoodS = idealGoodMin * 60;
    r.totalCount = total;
    r.goodCount = good;
    r.rejectCount = total - good;
    return r;
}

MachineOee machine(const analytics::OeeResult &r)
{
    MachineOee m;
    m.result = r;
    return m;
}

} // namespace

class TstOeeRollup : public QObject
{
    Q_OBJECT
private slots:
    void totalsRecomputeKpisFromSums();
    void emptyTotalsHaveNoKpis();
    void lineIsItsBottleneck();
    void plantIsWeightedByPlannedProductionTime();
    void shiftsOfDays_data();
    void shiftsOfDays();
    void weekIsIsoMondayToSunday();
};

// Two shifts of one machine:
//   shift 1: PBT 400 min, run 300 min, ideal run 240 min, ideal good 228 min
//            -> A 0.75, P 0.8, Q 0.95, OEE 0.57
//   shift 2: PBT 200 min, run 180 min, ideal run 171 min, ideal good 171 min
//            -> A 0.9, P 0.95, Q 1.0, OEE 0.855
//   sum:     PBT 600, run 480, ideal run 411, ideal good 399
//            A = 480/600 = 0.8; P = 411/480 = 0.85625; Q = 399/411 = 0.97080292
//            OEE = 399/600 = 0.665 (= (0.57·400 + 0.855·200)/600, the PBT-weighted mean;
//            the plain mean (0.57+0.855)/2 = 0.7125 would over-weight the short shift)
//            TEEP = 0.665 · 600 / 960 = 0.415625 (calendar 2 x 480 min)
void TstOeeRollup::totalsRecomputeKpisFromSums()
{
    OeeTotals t;
    t.add(result(400, 300, 240, 228, 14400, 13680));
    t.add(result(200, 180, 171, 171, 10260, 10260));
    QCOMPARE(t.parts, 2);
    QCOMPARE(t.plannedBusyMs, 600 * kMin);
    QCOMPARE(t.totalCount, 24660.0);
    QVERIFY(std::abs(*t.availability() - 0.8) < 1e-12);
    QVERIFY(std::abs(*t.performance() - 0.85625) < 1e-12);
    QVERIFY(std::abs(*t.quality() - 399.0 / 411.0) < 1e-12);
    QVERIFY(std::abs(*t.oee() - 0.665) < 1e-12);
    QVERIFY(std::abs(*t.teep() - 0.415625) < 1e-12);

    OeeTotals twice;
    twice.add(t);
    twice.add(t);
    QCOMPARE(twice.parts, 4);
    QVERIFY(std::abs(*twice.oee() - 0.665) < 1e-12); // scale-free
}

void TstOeeRollup::emptyTotalsHaveNoKpis()
{
    const OeeTotals t;
    QVERIFY(!t.availability());
    QVERIFY(!t.performance());
    QVERIFY(!t.quality());
    QVERIFY(!t.oee());
    QVERIFY(!t.teep());
    QVERIFY(!lineTotals(LineOee{}).oee());
}

void TstOeeRollup::lineIsItsBottleneck()
{
    LineOee line;
    line.machines.push_back(machine(result(400, 390, 380, 380, 1, 1))); // OEE 0.95
    line.machines.push_back(machine(result(400, 300, 240, 228, 1, 1))); // OEE 0.57
    line.bottleneck = 1;
    const OeeTotals t = lineTotals(line);
    QCOMPARE(t.parts, 1);
    QVERIFY(std::abs(*t.oee() - 0.57) < 1e-12);
}

// Plant of two lines: line A's bottleneck 400 min PBT at OEE 0.57 (fully productive 228 min),
// line B's bottleneck 200 min PBT at OEE 0.855 (171 min): plant OEE = (228 + 171) / 600 = 0.665.
void TstOeeRollup::plantIsWeightedByPlannedProductionTime()
{
    LineOee a, b;
    a.machines.push_back(machine(result(400, 300, 240, 228, 1, 1)));
    a.machines.push_back(machine(result(400, 400, 400, 400, 1, 1))); // not the bottleneck
    a.bottleneck = 0;
    b.machines.push_back(machine(result(200, 180, 171, 171, 1, 1)));
    b.bottleneck = 0;
    const OeeTotals plant = plantTotals({a, b});
    QCOMPARE(plant.parts, 2);
    QCOMPARE(plant.plannedBusyMs, 600 * kMin);
    QVERIFY(std::abs(*plant.oee() - 0.665) < 1e-12);
    QVERIFY(std::abs(*plant.availability() - 0.8) < 1e-12);
}

void TstOeeRollup::shiftsOfDays_data()
{
    QTest::addColumn<bool>("calendar");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<qint64>>("lengthsMin");
    // Europe/Berlin: CEST starts Sunday 29 March 2026 02:00 -> 03:00.
    // Saturday 28 March: early 8 h, late 8 h, night 22:00 Sat -> 06:00 Sun = 7 h (the night
    // shift belongs to the Saturday it starts on).
    QTest::newRow("DST spring day") << true << QDate(2026, 3, 28) << QDate(2026, 3, 28)
                                    << QStringList{QStringLiteral("early"), QStringLiteral("late"),
                                                   QStringLiteral("night")}
                                    << QList<qint64>{480, 480, 420};
    // CET returns Sunday 25 October 2026 03:00 -> 02:00: Saturday's night shift is 9 h.
    QTest::newRow("DST autumn day") << true << QDate(2026, 10, 24) << QDate(2026, 10, 24)
                                    << QStringList{QStringLiteral("early"), QStringLiteral("late"),
                                                   QStringLiteral("night")}
                                    << QList<qint64>{480, 480, 540};
    QTest::newRow("two days") << true << QDate(2026, 1, 12) << QDate(2026, 1, 13)
                              << QStringList{QStringLiteral("early"), QStringLiteral("late"),
                                             QStringLiteral("night"), QStringLiteral("early"),
                                             QStringLiteral("late"), QStringLiteral("night")}
                              << QList<qint64>{480, 480, 480, 480, 480, 480};
    // No calendar: one local day per date; 29 March 2026 has 23 hours in Berlin.
    QTest::newRow("no calendar, DST") << false << QDate(2026, 3, 29) << QDate(2026, 3, 29)
                                      << QStringList{QStringLiteral("day")}
                                      << QList<qint64>{23 * 60};
    QTest::newRow("reversed range") << true << QDate(2026, 1, 13) << QDate(2026, 1, 12)
                                    << QStringList{} << QList<qint64>{};
}

void TstOeeRollup::shiftsOfDays()
{
    QFETCH(bool, calendar);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QStringList, names);
    QFETCH(QList<qint64>, lengthsMin);
    PlantModel model;
    Site site;
    site.timeZone = QStringLiteral("Europe/Berlin");
    model.sites.push_back(site);
    if (calendar) {
        model.calendar.timeZone = QStringLiteral("Europe/Berlin");
        model.calendar.shifts = {ShiftDef{QStringLiteral("early"), 6 * 60, 480, {}},
                                 ShiftDef{QStringLiteral("late"), 14 * 60, 480, {}},
                                 ShiftDef{QStringLiteral("night"), 22 * 60, 480, {}}};
    }
    const std::vector<ShiftInstance> shifts = OeeRollup::shiftsOfDays(model, first, last);
    QStringList gotNames;
    QList<qint64> gotLengths;
    for (const ShiftInstance &s : shifts) {
        gotNames << s.name;
        gotLengths << (s.endMs - s.startMs) / kMin;
        QVERIFY(s.day >= first && s.day <= last);
    }
    QCOMPARE(gotNames, names);
    QCOMPARE(gotLengths, lengthsMin);
}

void TstOeeRollup::weekIsIsoMondayToSunday()
{
    PlantModel model;
    model.calendar.timeZone = QStringLiteral("UTC");
    model.calendar.shifts = {ShiftDef{QStringLiteral("day"), 8 * 60, 480, {}}};
    model.calendar.nonProductionDays = {6, 7}; // Saturday, Sunday
    // Week of Wednesday 14 January 2026: Monday 12 .. Sunday 18 January, 5 production days.
    const std::vector<ShiftInstance> shifts =
            OeeRollup::shiftsOfDays(model, QDate(2026, 1, 12), QDate(2026, 1, 18));
    QCOMPARE(shifts.size(), std::size_t(5));
    QCOMPARE(shifts.front().day, QDate(2026, 1, 12));
    QCOMPARE(shifts.back().day, QDate(2026, 1, 16));
    QCOMPARE(QDate(2026, 1, 14).addDays(1 - QDate(2026, 1, 14).dayOfWeek()), QDate(2026, 1, 12));
}

QTEST_GUILESS_MAIN(TstOeeRollup)
#include "tst_oee_rollup.moc"
