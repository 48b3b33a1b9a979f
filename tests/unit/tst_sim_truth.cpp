// PlantSimulator ground truth and line behaviour: breaks exactly in the calendar windows, the
// blocked/starved propagation along a line, truth OEE recomputed from the samples alone
// (state intervals + counter deltas), and a bad shift. References are computed here from the
// published samples and from hand-derived calendar windows, never from simulator internals.
#include "tests/unit/sim_test_plant.h"
#include "tests/support/test_support.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace andon;
using namespace andon::simtest;

class TestSimTruth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { andon::test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(andon::test::unexpectedWarnings(), QStringList()); }

    void breaksAndOffFollowCalendar();
    void downStarvesAndBlocks();
    void truthOeeMatchesSamples();
    void badShiftIsWorse();
};

void TestSimTruth::breaksAndOffFollowCalendar()
{
    const auto model = loadModel(true);
    const TimestampMs end = kSaturday + 3 * kDay;
    const Run r = run(model, QStringLiteral("normal"), 5, kSaturday, 3 * kDay, 5000, 60000);
    const std::vector<Window> windows = calendarWindows();
    const auto inShift = [&](TimestampMs t) {
        return std::any_of(windows.begin(), windows.end(),
                           [t](const Window &w) { return t >= w.start && t < w.end; });
    };
    const auto inBreak = [&](TimestampMs t) {
        for (const Window &w : windows)
            for (const auto &b : w.breaks)
                if (t >= b.first && t < b.second)
                    return true;
        return false;
    };
    for (int m = 0; m < 3; ++m) {
        const auto iv = intervals(r.samples, tag(*model, m, "state"), end);
        QVERIFY(!iv.empty());
        TimestampMs breakMs = 0, offMs = 0;
        for (const Interval &i : iv) {
            // Planned break exactly inside break windows, Off exactly outside shifts.
            QCOMPARE(i.code == kBreak, inBreak(i.start));
            QCOMPARE(i.code == kOff, !inShift(i.start));
            QVERIFY(i.code != kBreak || inBreak(i.end - 1));
            QVERIFY(i.code != kOff || !inShift(i.end - 1));
            if (i.code == kBreak)
                breakMs += i.end - i.start;
            if (i.code == kOff)
                offMs += i.end - i.start;
        }
        // Totals: 2 days x (15 + 30 + 30) min of breaks; off = 3 days - 2 x 16 h.
        QCOMPARE(breakMs, 2 * 75 * kMinute);
        QCOMPARE(offMs, 3 * kDay - 2 * 16 * kHour);
    }
}

void TestSimTruth::downStarvesAndBlocks()
{
    const auto model = loadModel(false);
    const TimestampMs start = utc(2026, 2, 2, 0, 0);
    const TimestampMs end = start + 2 * kDay;
    const Run r = run(model, QStringLiteral("normal"), 11, start, 2 * kDay, 2000, 60000);
    std::vector<std::vector<Interval>> iv;
    for (int m = 0; m < 3; ++m)
        iv.push_back(intervals(r.samples, tag(*model, m, "state"), end));
    const auto hasState = [&](int m, int code, TimestampMs a, TimestampMs b) {
        return std::any_of(iv[m].begin(), iv[m].end(), [&](const Interval &i) {
            return i.code == code && overlap(i, a, b) > 0;
        });
    };
    // The first machine has unlimited material, the last unlimited room.
    const auto never = [&](int m, int code) {
        return std::none_of(iv[m].begin(), iv[m].end(),
                            [code](const Interval &i) { return i.code == code; });
    };
    QVERIFY(never(0, kStarved));
    QVERIFY(never(2, kBlocked));
    int longDowns = 0, starvedAfter = 0, blockedBefore = 0, upstreamCases = 0;
    for (int m = 0; m < 3; ++m) {
        for (const Interval &i : iv[m]) {
            // A buffer of 40 parts at ~1 part/s empties or fills within about a minute.
            if (i.code < 10 || i.end - i.start < 3 * kMinute)
                continue;
            if (m < 2) {
                ++longDowns;
                starvedAfter += hasState(m + 1, kStarved, i.start, i.end) ? 1 : 0;
            }
            if (m > 0) {
                ++upstreamCases;
                blockedBefore += hasState(m - 1, kBlocked, i.start, i.end) ? 1 : 0;
            }
        }
    }
    QVERIFY2(longDowns >= 10, qPrintable(QString::number(longDowns)));
    // Not all: the neighbour may be down itself at the time.
    QVERIFY2(starvedAfter >= 0.8 * longDowns,
             qPrintable(QStringLiteral("%1 of %2").arg(starvedAfter).arg(longDowns)));
    QVERIFY2(blockedBefore >= 0.8 * upstreamCases,
             qPrintable(QStringLiteral("%1 of %2").arg(blockedBefore).arg(upstreamCases)));
}

void TestSimTruth::truthOeeMatchesSamples()
{
    const auto model = loadModel(true);
    const TimestampMs end = kSaturday + 3 * kDay;
    const Run r = run(model, QStringLiteral("normal"), 3, kSaturday, 3 * kDay, 2000, 60000);
    const QJsonArray shifts = r.truth.value(QStringLiteral("shifts")).toArray();
    int checked = 0;
    bool sawSecondProduct = false;
    for (const Window &w : calendarWindows()) {
        QJsonObject shift;
        for (const QJsonValue &v : shifts) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("start_ms")).toDouble() == double(w.start)
                && o.value(QStringLiteral("end_ms")).toDouble() == double(w.end))
                shift = o;
        }
        QVERIFY2(!shift.isEmpty(), "calendar window missing from the truth");
        QVERIFY(shift.value(QStringLiteral("complete")).toBool());
        QCOMPARE(shift.value(QStringLiteral("planned_production_time_s")).toDouble(),
                 w.planned() / 1000.0);
        const QJsonArray machines = shift.value(QStringLiteral("machines")).toArray();
        QCOMPARE(machines.size(), 3);
        for (int m = 0; m < 3; ++m) {
            const QJsonObject t = machines[m].toObject();
            // Independent recomputation from the samples.
            TimestampMs runMs = 0;
            for (const Interval &i : intervals(r.samples, tag(*model, m, "state"), end))
                if (i.code == kRunning)
                    runMs += overlap(i, w.start, w.end);
            const TagId totalTag = tag(*model, m, "total_count");
            const TagId goodTag = tag(*model, m, "good_count");
            const TagId productTag = tag(*model, m, "product");
            double totalBefore = 0, goodBefore = 0, total = 0, good = 0, lastTotal = 0;
            double idealS = 0;
            int product = 0;
            for (const Sample &s : r.samples) {
                if (s.t_ms >= w.end)
                    break;
                if (s.tag == productTag) {
                    product = int(s.value);
                    sawSecondProduct = sawSecondProduct || product == 102;
                } else if (s.tag == totalTag) {
                    if (s.t_ms < w.start)
                        totalBefore = s.value;
                    else
                        idealS += (s.value - lastTotal) * idealCycle(product, m);
                    total = s.value;
                    lastTotal = s.value;
                } else if (s.tag == goodTag) {
                    if (s.t_ms < w.start)
                        goodBefore = s.value;
                    good = s.value;
                }
            }
            const double count = total - totalBefore;
            const double goodCount = good - goodBefore;
            const double planned = w.planned() / 1000.0;
            const double run = runMs / 1000.0;
            QVERIFY(count > 1000);
            QCOMPARE(t.value(QStringLiteral("run_time_s")).toDouble(), run);
            QCOMPARE(t.value(QStringLiteral("total_count")).toDouble(), count);
            QCOMPARE(t.value(QStringLiteral("good_count")).toDouble(), goodCount);
            const double a = run / planned, p = idealS / run, q = goodCount / count;
            QVERIFY(std::abs(t.value(QStringLiteral("availability")).toDouble() - a) < 1e-9);
            QVERIFY(std::abs(t.value(QStringLiteral("performance")).toDouble() - p) < 1e-9);
            QVERIFY(std::abs(t.value(QStringLiteral("quality")).toDouble() - q) < 1e-9);
            QVERIFY(std::abs(t.value(QStringLiteral("oee")).toDouble() - a * p * q) < 1e-9);
            // Believable numbers.
            QVERIFY2(a > 0.3 && a <= 1.0, qPrintable(QString::number(a)));
            QVERIFY2(p > 0.8 && p <= 1.0, qPrintable(QString::number(p)));
            QVERIFY2(q > 0.95 && q <= 1.0, qPrintable(QString::number(q)));
            ++checked;
        }
    }
    QCOMPARE(checked, 4 * 3);
    QVERIFY(sawSecondProduct); // a changeover happened, so P mixes two cycle times
}

void TestSimTruth::badShiftIsWorse()
{
    const auto model = loadModel(true);
    const Run r = run(model, QStringLiteral("bad-shift"), 12, kSaturday, 3 * kDay, 5000, 60000);
    QString bad;
    for (const QJsonValue &v : r.truth.value(QStringLiteral("events")).toArray())
        if (v.toObject().value(QStringLiteral("type")).toString() == u"bad_shift")
            bad = v.toObject().value(QStringLiteral("shift")).toString();
    QCOMPARE(bad, QStringLiteral("late"));
    double early = 0, late = 0;
    for (const QJsonValue &v : r.truth.value(QStringLiteral("shifts")).toArray()) {
        const QJsonObject s = v.toObject();
        double oee = 0;
        for (const QJsonValue &m : s.value(QStringLiteral("machines")).toArray())
            oee += m.toObject().value(QStringLiteral("oee")).toDouble();
        (s.value(QStringLiteral("name")).toString() == u"late" ? late : early) += oee;
    }
    // Two instances of each shift x three machines.
    QVERIFY2(late / 6 < early / 6 - 0.15,
             qPrintable(QStringLiteral("early %1 late %2").arg(early / 6).arg(late / 6)));
}

QTEST_GUILESS_MAIN(TestSimTruth)
#include "tst_sim_truth.moc"
