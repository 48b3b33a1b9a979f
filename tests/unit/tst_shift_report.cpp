// ShiftReportBuilder on a hand-built historian (every expected value worked out by hand in the
// comments), the day/week roll-up over it, the CSV/text export and the PDF renderer's paging.
//
// Plant: line l1 of machines a (60 parts/min -> 1.0 s) and b (50 parts/min -> 1.2 s, so b is
// the bottleneck). Calendar Europe/Berlin, one shift "night" 22:00 + 8 h with a break
// 01:00-01:30, Sundays off. Report: the night shift of Saturday 28 March 2026, the night CEST
// starts (Sunday 02:00 CET -> 03:00 CEST):
//   start 22:00 CET = 21:00Z (28th); end 06:00 CEST = 04:00Z (29th): calendar 420 min (7 h);
//   break 01:00-01:30 CET = 00:00Z-00:30Z; planned operating time POT = 420 - 30 = 390 min.
//
// Machine a (states UTC): 20:50 running, 22:00 down "Jam at infeed", 22:20 running,
//   02:00 idle, 02:03 running. Inside POT: down 20 min (>= 5: breakdown), idle 3 min (< 5:
//   micro-stop), run 420 - 20 - 3 - 30 (break during a run) = 367 min; unknown 0; PBT 390.
//   total counter 1000 (20:55) -> 4000 (22:00) -> 21000 (03:59): 20000 parts;
//   reject counter 0 (20:55) -> 400 (03:59): 400 rejects, good 19600.
//   A = 367/390 = 0.9410256; P = 20000 x 1.0 s / (367 x 60 s) = 0.9082652;
//   Q = 19600/20000 = 0.98; OEE = 0.8376068; TEEP = OEE x 390/420 = 0.7777778.
//   Losses: breakdowns 20, micro-stops 3, reduced speed 367 - 333.333 = 33.667 min,
//   production rejects 400 x 1 s = 6.667 min.
// Machine b: 20:50 running, 21:30 changeover, 21:50 running, 03:00 Bad (comm failure),
//   03:10 running. Inside POT: changeover 20, unknown 10, run 390 - 30 = 360 min.
//   total 0 (20:55) -> 15000 (03:59); reject 0 -> 300; good 14700.
//   A = 360/390 = 0.9230769; P = 15000 x 1.2 / (360 x 60) = 0.8333333; Q = 0.98;
//   OEE = 0.7538462; TEEP = 0.7538462 x 390/420 = 0.7 exactly.
//   Losses: changeover 20, unknown 10, reduced speed 360 - 300 = 60, production rejects
//   300 x 1.2 s = 6 min.
// Line = bottleneck b.
// Operator events: a's jam stop (22:00) split at 22:05; the part from 22:05 gets the reason
//   code "feed" = "Feeder misaligned" in the reason tree (an older reason "Wrong" for it is
//   superseded); a's 02:00 stop gets a
//   comment; the line gets a shift comment (and one for another shift, which must not show).
//   Reasons: Feeder misaligned 15 min (operator, 1 stop), Jam at infeed 5 min (state, 1),
//   unassigned 3 min (the idle micro-stop, 1).
#include "engine/oee_rollup.h"
#include "engine/shift_report.h"
#include "report/shift_report_renderer.h"
#include "core/config_loader.h"
#include "storage/historian.h"
#include "tests/support/historian_support.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace andon;

namespace {

const QByteArray kPlant = R"(andon: 1
plant: { enterprise: acme, title: Test plant }
defaults:
  stale_after_s: 36000
  states:
    - { code: 1, name: Running, category: running }
    - { code: 2, name: Idle, category: idle }
    - { code: 5, name: Changeover, category: changeover }
    - { code: 10, name: Jam at infeed, category: down }
sites:
  - name: s
    timezone: Europe/Berlin
    areas:
      - name: ar
        lines:
          - name: l1
            machines:
              - name: a
                ideal_rate_per_min: 60
                tags: &t
                  - { name: state, kind: state, role: state }
                  - { name: total_count, kind: counter, role: total_count }
                  - { name: reject_count, kind: counter, role: reject_count }
              - { name: b, ideal_rate_per_min: 50, tags: *t }
oee:
  targets: { oee: 80, availability: 90, performance: 90, quality: 98 }
  reasons:
    - { code: feed, name: Feeder misaligned }
calendar:
  non_production_days: [sunday]
  shifts:
    - name: night
      start: "22:00"
      hours: 8
      breaks: [ { start: "01:00", minutes: 30 } ]
)";

const QString kLine = QStringLiteral("acme/s/ar/l1");
constexpr TimestampMs kMin = 60'000;

TimestampMs utc(int day, int h, int m)
{
    return QDateTime(QDate(2026, 3, day), QTime(h, m), QTimeZone::utc()).toMSecsSinceEpoch();
}

bool near(const std::optional<double> &v, double want, double tol = 1e-6)
{
    return v && std::abs(*v - want) < tol;
}

} // namespace

class TstShiftReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void resolvesTheShiftInstance();
    void resolveErrors_data();
    void resolveErrors();
    void kpisAndTimes();
    void lossesPerMachine();
    void reasonsStopsAndComments();
    void timelines();
    void warnings();
    void unfinishedShift();
    void dayAndWeekRollUp();
    void csvAndText();
    void rendersPages();

private:
    const ShiftReport &report() const { return *m_report; }

    QTemporaryDir m_dir;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<storage::Historian> m_historian;
    std::optional<ShiftReport> m_report;
};

void TstShiftReport::initTestCase()
{
    test::installStrictMessageHandler();
    QVERIFY(m_dir.isValid());
    const QString config = m_dir.filePath(QStringLiteral("plant.yaml"));
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kPlant);
    f.close();
    const ConfigResult loaded = ConfigLoader::loadFile(config);
    QVERIFY2(loaded.ok(), qPrintable(loaded.formattedMessages().join(u'\n')));
    m_model = loaded.model;

    QString error;
    const QString db = m_dir.filePath(QStringLiteral("h.sqlite"));
    m_historian = test::openHistorianForModel(db, *m_model, &error);
    QVERIFY2(m_historian, qPrintable(error));

    const auto id = [this](const char *machine, const char *tag) {
        return m_model->tagIdByPath(kLine + u'/' + QLatin1String(machine) + u'/'
                                    + QLatin1String(tag));
    };
    SampleBatch batch;
    const auto add = [&batch](TagId tag, TimestampMs t, double v, Quality q = Quality::Good) {
        batch.push_back(Sample{tag, t, v, q});
    };
    const TagId aState = id("a", "state"), bState = id("b", "state");
    add(aState, utc(28, 20, 50), 1);
    add(aState, utc(28, 22, 0), 10);
    add(aState, utc(28, 22, 20), 1);
    add(aState, utc(29, 2, 0), 2);
    add(aState, utc(29, 2, 3), 1);
    add(id("a", "total_count"), utc(28, 20, 55), 1000);
    add(id("a", "total_count"), utc(28, 22, 0), 4000);
    add(id("a", "total_count"), utc(29, 3, 59), 21000);
    add(id("a", "reject_count"), utc(28, 20, 55), 0);
    add(id("a", "reject_count"), utc(29, 3, 59), 400);
    add(bState, utc(28, 20, 50), 1);
    add(bState, utc(28, 21, 30), 5);
    add(bState, utc(28, 21, 50), 1);
    add(bState, utc(29, 3, 0), 1, Quality::BadCommFailure);
    add(bState, utc(29, 3, 10), 1);
    add(id("b", "total_count"), utc(28, 20, 55), 0);
    add(id("b", "total_count"), utc(29, 3, 59), 15000);
    add(id("b", "reject_count"), utc(28, 20, 55), 0);
    add(id("b", "reject_count"), utc(29, 3, 59), 300);
    std::sort(batch.begin(), batch.end(),
              [](const Sample &x, const Sample &y) { return x.t_ms < y.t_ms; });
    m_historian->append(std::move(batch));
    m_historian->flush();

    // Details as JSON text (engine/stop_annotations.h format); times as epoch ms.
    const auto event = [&](const char *kind, const QString &source, const QString &details,
                           TimestampMs t) {
        storage::Event e;
        e.t = t;
        e.category = QStringLiteral("oee");
        e.kind = QLatin1String(kind);
        e.source = source;
        e.user = QStringLiteral("mmeier");
        e.message = QLatin1String(kind);
        e.details = details;
        QString err;
        QVERIFY2(m_historian->appendEvent(e, &err) > 0, qPrintable(err));
    };
    const auto stop = [](TimestampMs start, const char *more) {
        return QStringLiteral("{\"start\": %1, %2}").arg(start).arg(QLatin1String(more));
    };
    const QString a = kLine + QStringLiteral("/a");
    event("stop.split", a,
          QStringLiteral("{\"start\": %1, \"at\": %2}").arg(utc(28, 22, 0)).arg(utc(28, 22, 5)),
          utc(29, 3, 0));
    event("stop.reason", a, stop(utc(28, 22, 5), R"("reason": "Wrong")"), utc(29, 3, 1));
    event("stop.reason", a, stop(utc(28, 22, 5), R"("reason": "feed")"),
          utc(29, 3, 2));
    event("stop.comment", a, stop(utc(29, 2, 0), R"("text": "Cleared a jammed part")"),
          utc(29, 3, 3));
    event("shift.comment", kLine,
          QStringLiteral("{\"shift_start\": %1, \"text\": \"Night crew short one operator\"}")
                  .arg(utc(28, 21, 0)),
          utc(29, 3, 30));
    event("shift.comment", kLine,
          QStringLiteral("{\"shift_start\": %1, \"text\": \"Friday's comment\"}")
                  .arg(utc(27, 21, 0)),
          utc(28, 3, 0));

    const ShiftReportBuilder builder(*m_model, *m_historian);
    QString err;
    m_report = builder.build({kLine, QDate(2026, 3, 28), QStringLiteral("night")},
                             utc(30, 8, 0), &err);
    QVERIFY2(m_report, qPrintable(err));
}

void TstShiftReport::resolvesTheShiftInstance()
{
    const ShiftReport &r = report();
    QCOMPARE(r.startMs, utc(28, 21, 0));
    QCOMPARE(r.endMs, utc(29, 4, 0));
    QCOMPARE(r.day, QDate(2026, 3, 28));
    QCOMPARE(r.timeZone, QStringLiteral("Europe/Berlin"));
    QCOMPARE(r.localTime(r.startMs), QStringLiteral("22:00"));
    QCOMPARE(r.localTime(r.endMs, true), QStringLiteral("2026-03-29 06:00"));
    QCOMPARE(r.zoneAbbreviation(), QStringLiteral("CET"));
    QCOMPARE(r.breaks.size(), std::size_t(1));
    QCOMPARE(r.breaks.front().first, utc(29, 0, 0));
    QVERIFY(r.complete);
    QCOMPARE(r.plant, QStringLiteral("Test plant"));
    QCOMPARE(r.targets.oee, 0.8);
    QCOMPARE(r.targets.quality, 0.98);
    QCOMPARE(r.lineName, QStringLiteral("l1"));
}

void TstShiftReport::resolveErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("shift");
    QTest::addColumn<QString>("message");
    QTest::newRow("typo in line") << QStringLiteral("acme/s/ar/l2") << QDate(2026, 3, 28)
                                  << QStringLiteral("night")
                                  << QStringLiteral("did you mean 'acme/s/ar/l1'?");
    QTest::newRow("far line") << QStringLiteral("elsewhere/entirely/other") << QDate(2026, 3, 28)
                              << QStringLiteral("night") << QStringLiteral("(lines: acme/s/ar/l1)");
    QTest::newRow("bad date") << kLine << QDate() << QStringLiteral("night")
                              << QStringLiteral("--date: not a valid date");
    QTest::newRow("unknown shift") << kLine << QDate(2026, 3, 28) << QStringLiteral("nite")
                                   << QStringLiteral("did you mean 'night'?");
    QTest::newRow("sunday") << kLine << QDate(2026, 3, 29) << QStringLiteral("night")
                            << QStringLiteral("non-production day");
}

void TstShiftReport::resolveErrors()
{
    QFETCH(QString, line);
    QFETCH(QDate, day);
    QFETCH(QString, shift);
    QFETCH(QString, message);
    const ShiftReportBuilder builder(*m_model, *m_historian);
    QString error;
    QVERIFY(!builder.build({line, day, shift}, utc(30, 8, 0), &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TstShiftReport::kpisAndTimes()
{
    const ShiftReport &r = report();
    QCOMPARE(r.machines.size(), std::size_t(2));
    const ReportKpis &a = r.machines[0].kpis;
    const ReportKpis &b = r.machines[1].kpis;
    QCOMPARE(a.plannedOperatingMs, 390 * kMin);
    QCOMPARE(a.plannedBusyMs, 390 * kMin);
    QCOMPARE(a.runMs, 367 * kMin);
    QCOMPARE(a.downMs, 20 * kMin);
    QCOMPARE(a.unknownMs, TimestampMs(0));
    QCOMPARE(a.totalCount, 20000.0);
    QCOMPARE(a.goodCount, 19600.0);
    QCOMPARE(a.rejectCount, 400.0);
    QVERIFY(near(a.availability, 0.9410256));
    QVERIFY(near(a.performance, 0.9082652));
    QVERIFY(near(a.quality, 0.98));
    QVERIFY(near(a.oee, 0.8376068));
    QVERIFY(near(a.teep, 0.7777778));

    QCOMPARE(b.runMs, 360 * kMin);
    QCOMPARE(b.unknownMs, 10 * kMin);
    QCOMPARE(b.totalCount, 15000.0);
    QVERIFY(near(b.availability, 0.9230769));
    QVERIFY(near(b.performance, 0.8333333));
    QVERIFY(near(b.quality, 0.98));
    QVERIFY(near(b.oee, 0.7538462));
    QVERIFY(near(b.teep, 0.7));

    // The line is its bottleneck b.
    QVERIFY(!r.machines[0].bottleneck);
    QVERIFY(r.machines[1].bottleneck);
    QCOMPARE(r.bottleneck, QStringLiteral("b"));
    QVERIFY(near(r.line.oee, 0.7538462));
    QCOMPARE(r.line.runMs, 360 * kMin);
}

void TstShiftReport::lossesPerMachine()
{
    const ReportLosses &a = report().machines[0].losses;
    QCOMPARE(a.breakdownMin, 20.0);
    QCOMPARE(a.microStopMin, 3.0);
    QCOMPARE(a.idleMin, 0.0);
    QCOMPARE(a.changeoverMin, 0.0);
    QVERIFY(std::abs(a.reducedSpeedMin - (367.0 - 20000.0 / 60.0)) < 1e-9);
    QCOMPARE(a.startupRejectMin, 0.0);
    QVERIFY(std::abs(a.productionRejectMin - 400.0 / 60.0) < 1e-9);
    const ReportLosses &b = report().lineLosses;
    QCOMPARE(b.changeoverMin, 20.0);
    QCOMPARE(b.unknownMin, 10.0);
    QCOMPARE(b.breakdownMin, 0.0);
    QVERIFY(std::abs(b.reducedSpeedMin - 60.0) < 1e-9);
    QVERIFY(std::abs(b.productionRejectMin - 6.0) < 1e-9);
}

void TstShiftReport::reasonsStopsAndComments()
{
    const ShiftReport &r = report();
    QCOMPARE(r.reasons.size(), std::size_t(3));
    QCOMPARE(r.reasons[0].reason, QStringLiteral("Feeder misaligned"));
    QCOMPARE(r.reasons[0].source, ReportReason::Source::Operator);
    QCOMPARE(r.reasons[0].minutes, 15.0);
    QCOMPARE(r.reasons[0].stops, 1);
    QCOMPARE(r.reasons[1].reason, QStringLiteral("Jam at infeed"));
    QCOMPARE(r.reasons[1].source, ReportReason::Source::State);
    QCOMPARE(r.reasons[1].minutes, 5.0);
    QCOMPARE(r.reasons[2].reason, QStringLiteral("unassigned"));
    QCOMPARE(r.reasons[2].source, ReportReason::Source::Unassigned);
    QCOMPARE(r.reasons[2].minutes, 3.0);

    QCOMPARE(r.stops.size(), std::size_t(3));
    QCOMPARE(r.stops[0].startMs, utc(28, 22, 0));
    QCOMPARE(r.stops[0].endMs, utc(28, 22, 5));
    QCOMPARE(r.stops[1].startMs, utc(28, 22, 5));
    QCOMPARE(r.stops[1].operatorReason, QStringLiteral("Feeder misaligned"));
    QCOMPARE(r.stops[1].user, QStringLiteral("mmeier"));
    QCOMPARE(r.stops[1].plannedMin, 15.0);
    QVERIFY(r.stops[2].micro);
    QCOMPARE(r.stops[2].category, StateCategory::Idle);
    QCOMPARE(r.stops[2].comment, QStringLiteral("Cleared a jammed part"));

    // Stop comment (given 03:03Z) before the shift comment (03:30Z); Friday's comment absent.
    QCOMPARE(r.comments.size(), std::size_t(2));
    QCOMPARE(r.comments[0].text, QStringLiteral("Cleared a jammed part"));
    QCOMPARE(r.comments[0].about, QStringLiteral("a, stop at 04:00")); // 02:00Z = 04:00 CEST
    QCOMPARE(r.comments[1].text, QStringLiteral("Night crew short one operator"));
    QVERIFY(r.comments[1].about.isEmpty());
}

void TstShiftReport::timelines()
{
    const ShiftReport &r = report();
    QCOMPARE(r.timelines.size(), std::size_t(2));
    const auto &b = r.timelines[1].segments;
    QCOMPARE(b.size(), std::size_t(5));
    const StateCategory want[] = {StateCategory::Running, StateCategory::Changeover,
                                  StateCategory::Running, StateCategory::Unknown,
                                  StateCategory::Running};
    const TimestampMs starts[] = {utc(28, 21, 0), utc(28, 21, 30), utc(28, 21, 50), utc(29, 3, 0),
                                  utc(29, 3, 10)};
    for (std::size_t i = 0; i < b.size(); ++i) {
        QCOMPARE(b[i].category, want[i]);
        QCOMPARE(b[i].startMs, starts[i]);
    }
    QCOMPARE(b.back().endMs, utc(29, 4, 0));
    QCOMPARE(r.timelines[0].segments.size(), std::size_t(5));
}

void TstShiftReport::warnings()
{
    const QStringList &w = report().warnings;
    QCOMPARE(w.size(), 1);
    QVERIFY2(w.first().startsWith(QStringLiteral("b: 10.0 min of planned production time without "
                                                 "data")),
             qPrintable(w.first()));
}

// Built at 01:00Z (the instant of the DST switch, 02:00 CET = 03:00 CEST), the shift covers 21:00Z-01:00Z = 240 min minus the 30 min break: POT 210 min; b ran all of
// it except the 20 min changeover: run 190 min.
void TstShiftReport::unfinishedShift()
{
    const ShiftReportBuilder builder(*m_model, *m_historian);
    QString err;
    const auto r = builder.build({kLine, QDate(2026, 3, 28), QStringLiteral("night")},
                                 utc(29, 1, 0), &err);
    QVERIFY2(r, qPrintable(err));
    QVERIFY(!r->complete);
    QCOMPARE(r->machines[1].kpis.plannedOperatingMs, 210 * kMin);
    QCOMPARE(r->machines[1].kpis.runMs, 190 * kMin);
    QVERIFY(r->warnings.first().contains(QStringLiteral("had not ended")));

    QVERIFY(!builder.build({kLine, QDate(2026, 3, 28), QStringLiteral("night")}, utc(28, 20, 0),
                           &err));
    QVERIFY(err.contains(QStringLiteral("has not started yet")));
}

// Day 28 March = its night shift only (b: OEE 0.7538462). Week of 28 March = Monday 23 ..
// Saturday 28 nights (Sunday off): five nights without any data (POT 480 - 30 = 450 min each,
// all unknown) and the reported one: Σ PBT = 5 x 450 + 390 = 2640 min, Σ run = 360 min, Σ ideal
// good = 14700 x 1.2 s = 294 min -> OEE = 294 / 2640 = 0.1113636; A = 360/2640 = 0.1363636.
void TstShiftReport::dayAndWeekRollUp()
{
    const OeeQuery query(*m_model, *m_historian);
    const OeeRollup rollup(*m_model, query);
    const PeriodOee day = rollup.day(0, QDate(2026, 3, 28));
    QCOMPARE(day.shifts.size(), std::size_t(1));
    QVERIFY(near(day.line.oee(), 0.7538462));
    QCOMPARE(day.machines.size(), std::size_t(2));
    QVERIFY(near(day.machines[0].availability(), 0.9410256));

    const PeriodOee week = rollup.week(0, QDate(2026, 3, 26));
    QCOMPARE(week.firstDay, QDate(2026, 3, 23));
    QCOMPARE(week.lastDay, QDate(2026, 3, 29));
    QCOMPARE(week.shifts.size(), std::size_t(6));
    QCOMPARE(week.line.plannedBusyMs, 2640 * kMin);
    QVERIFY(near(week.line.oee(), 294.0 / 2640.0));
    QVERIFY(near(week.line.availability(), 360.0 / 2640.0));
}

void TstShiftReport::csvAndText()
{
    const QString csv = shiftReportCsv(report());
    // Section layout and documented columns.
    QVERIFY(csv.startsWith(QStringLiteral("# report\nkey,value\nplant,Test plant\n")));
    QVERIFY(csv.contains(QStringLiteral(
            "\n# kpi\nscope,machine,availability_pct,performance_pct,quality_pct,oee_pct,teep_pct,"
            "planned_operating_min,planned_stop_min,planned_production_min,run_min,down_min,"
            "unknown_min,total_count,good_count,reject_count\n")));
    // Line row: b's figures (hand values above, 3 decimals).
    QVERIFY2(csv.contains(QStringLiteral("line,b,92.308,83.333,98.000,75.385,70.000,390.000,0.000,"
                                         "390.000,360.000,0.000,10.000,15000,14700,300\n")),
             qPrintable(csv));
    QVERIFY(csv.contains(QStringLiteral("machine,acme/s/ar/l1/a,94.103,90.827,98.000,83.761,77.778,")));
    QVERIFY(csv.contains(QStringLiteral("\n# reasons\nrank,reason,source,minutes,stops\n"
                                        "1,Feeder misaligned,operator,15.000,1\n"
                                        "2,Jam at infeed,state,5.000,1\n"
                                        "3,unassigned,unassigned,3.000,1\n")));
    QVERIFY(csv.contains(QStringLiteral("acme/s/ar/l1/a,2026-03-28T23:05:00+01:00,"
                                        "2026-03-28T23:20:00+01:00,15.000,15.000,down,false,"
                                        "Jam at infeed,Feeder misaligned,Feeder misaligned,mmeier,")));
    QVERIFY(csv.contains(QStringLiteral("\n# warnings\nwarning\n\"b: 10.0 min"))); // quoted: has a comma
    QVERIFY(csv.contains(QStringLiteral("# timeline\nmachine,start,end,minutes,category,state\n"
                                        "a,2026-03-28T22:00:00+01:00,2026-03-28T23:00:00+01:00,"
                                        "60.000,running,Running\n")));

    const QString text = shiftReportText(report());
    QVERIFY2(text.contains(QStringLiteral("line (bottleneck b): OEE 75.4 %")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Feeder misaligned (operator, 1 stops)")));
    QVERIFY(text.contains(QStringLiteral("Night crew short one operator")));
}

void TstShiftReport::rendersPages()
{
    report::ShiftReportRenderer renderer(report());
    const int pages = renderer.pageCount();
    QVERIFY(pages >= 1);
    QVERIFY(pages <= 3);
    // Onto a plain image (any QPaintDevice): page 1 at 100 dpi.
    QImage image(827, 1169, QImage::Format_RGB32);
    image.fill(Qt::black);
    QVERIFY(renderer.paint(&image, 0));
    // Painted white page with dark text somewhere.
    QCOMPARE(image.pixelColor(5, 5), QColor(Qt::white));
    int dark = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            dark += qGray(image.pixel(x, y)) < 80;
    }
    QVERIFY(dark > 100);
    image.save(test::screenshotDir() + QStringLiteral("/shift-report-unit-page1.png"));

    const QString pdf = m_dir.filePath(QStringLiteral("r.pdf"));
    QString error;
    QVERIFY2(renderer.writePdf(pdf, &error), qPrintable(error));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
    // Cancel through the progress callback: no file left behind.
    const QString cancelled = m_dir.filePath(QStringLiteral("c.pdf"));
    QVERIFY(!renderer.writePdf(cancelled, &error, [](int, int) { return false; }));
    QVERIFY(error.isEmpty());
    QVERIFY(!QFile::exists(cancelled));
    QVERIFY(!renderer.writePdf(QStringLiteral("/nonexistent/dir/r.pdf"), &error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent/dir/r.pdf")));
}

QTEST_MAIN(TstShiftReport)
#include "tst_shift_report.moc"
