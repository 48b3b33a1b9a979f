// StopAnnotations (engine/stop_annotations): operator reasons, splits and comments as events in
// a real temporary historian's journal, applied to the stops OeeQuery computes. The plant and
// its history are tests/unit/oee_test_plant.h (expected minutes worked out there by hand).
#include "engine/oee_query.h"
#include "engine/stop_annotations.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"
#include "tests/unit/oee_test_plant.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;
using analytics::StopEvent;

namespace {
constexpr TimestampMs kMin = 60'000;
const QString kPress = QStringLiteral("acme/site/area/line1/press");
const QString kUnassigned = QStringLiteral("unassigned");
} // namespace

class TstStopAnnotations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void stopsWithoutAnnotations();
    void reasonIsJournalledAndApplied();
    void newestReasonWins();
    void splitDividesPlannedTime();
    void splitOutsideTheStopIsIgnored();
    void commentsAndShiftComments();
    void sourceMatchesExactly();
    void proportionalSplitWithoutWindows();
    void readOnlyHistorianRefuses();
    void configThresholdsApply();

private:
    MachineOee pressEarly() const
    {
        const OeeQuery q(*m_model, *m_historian);
        return q.machine(0, test::oeeTestUtc(10, 6, 0), test::oeeTestNow());
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<storage::Historian> m_historian;
};

void TstStopAnnotations::initTestCase()
{
    test::installStrictMessageHandler();
    QString error;
    m_model = test::makeOeeTestPlant(&error);
    QVERIFY2(m_model, qPrintable(error));
}

void TstStopAnnotations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    storage::HistorianOptions o;
    o.path = m_dir->filePath(QStringLiteral("h.db"));
    o.commitIntervalMs = 10;
    QString error;
    m_historian = storage::Historian::open(o, &error);
    QVERIFY2(m_historian, qPrintable(error));
    QVERIFY2(test::writeOeeTestHistory(*m_model, *m_historian, &error), qPrintable(error));
}

void TstStopAnnotations::cleanup()
{
    m_historian.reset();
    m_dir.reset();
    const QStringList unexpected = test::unexpectedWarnings();
    test::clearUnexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TstStopAnnotations::stopsWithoutAnnotations()
{
    const MachineOee m = pressEarly();
    // oee_test_plant.h: stops at 07:00 (40 min), 09:00 (3 min, micro), 11:00 (20 min).
    QCOMPARE(m.result.stops.size(), std::size_t(3));
    QCOMPARE(m.result.stops[0].startMs, test::oeeTestUtc(10, 7, 0));
    QCOMPARE(m.result.stops[0].plannedMs, 40 * kMin);
    QCOMPARE(m.result.stops[0].reason, QStringLiteral("Jam at infeed"));
    QVERIFY(m.result.stops[0].reasonCode.isEmpty());
    QVERIFY(m.result.stops[1].micro);
    QCOMPARE(m.stopMsByReason.size(), std::size_t(1));
    QCOMPARE(m.stopMsByReason.at(kUnassigned), 63 * kMin);
    // Hand-computed KPIs (oee_test_plant.h) to make sure the fixture is what it claims.
    QVERIFY(qAbs(*m.result.availability - 340.0 / 420.0) < 1e-9);
    QVERIFY(qAbs(*m.result.oee - 5.0 / 7.0) < 1e-9);
}

void TstStopAnnotations::reasonIsJournalledAndApplied()
{
    StopAnnotations a(*m_historian);
    QString error;
    QVERIFY2(a.setReason(kPress, test::oeeTestUtc(10, 7, 0), QStringLiteral("breakdown/mechanical/jam"),
                         QStringLiteral("alice"), &error),
             qPrintable(error));

    storage::EventQuery q;
    q.categories = {QStringLiteral("oee")};
    const std::vector<storage::Event> events = m_historian->events(q);
    QCOMPARE(events.size(), std::size_t(1));
    const storage::Event &e = events[0];
    QCOMPARE(e.kind, QStringLiteral("stop.reason"));
    QCOMPARE(e.source, kPress);
    QCOMPARE(e.user, QStringLiteral("alice"));
    QCOMPARE(e.oldValue, QString());
    QCOMPARE(e.newValue, QStringLiteral("breakdown/mechanical/jam"));
    QVERIFY(e.t > 0);
    const QJsonObject details = QJsonDocument::fromJson(e.details.toUtf8()).object();
    QCOMPARE(details.value(QStringLiteral("start")).toDouble(),
             double(test::oeeTestUtc(10, 7, 0)));
    QCOMPARE(details.value(QStringLiteral("reason")).toString(),
             QStringLiteral("breakdown/mechanical/jam"));

    const MachineOee m = pressEarly();
    QCOMPARE(m.result.stops[0].reasonCode, QStringLiteral("breakdown/mechanical/jam"));
    QCOMPARE(m.result.stops[0].reason, QStringLiteral("Jam at infeed")); // state name kept
    QCOMPARE(m.result.stops[0].annotatedBy, QStringLiteral("alice"));
    // 40 min moved from "unassigned" to the reason; 3 + 20 stay.
    QCOMPARE(m.stopMsByReason.at(QStringLiteral("breakdown/mechanical/jam")), 40 * kMin);
    QCOMPARE(m.stopMsByReason.at(kUnassigned), 23 * kMin);
    // The KPIs do not depend on reasons.
    QVERIFY(qAbs(*m.result.oee - 5.0 / 7.0) < 1e-9);
}

void TstStopAnnotations::newestReasonWins()
{
    StopAnnotations a(*m_historian);
    const TimestampMs start = test::oeeTestUtc(10, 11, 0);
    QVERIFY(a.setReason(kPress, start, QStringLiteral("material"), QStringLiteral("bob")));
    QVERIFY(a.setReason(kPress, start, QStringLiteral("breakdown/mechanical/tool"),
                        QStringLiteral("carol")));
    const std::vector<StopAnnotation> list =
            a.annotations(kPress, test::oeeTestUtc(10, 6, 0), test::oeeTestNow());
    QCOMPARE(list.size(), std::size_t(1));
    QCOMPARE(list[0].reason, QStringLiteral("breakdown/mechanical/tool"));
    QCOMPARE(list[0].user, QStringLiteral("carol"));

    // The second change records what it replaced.
    storage::EventQuery q;
    q.categories = {QStringLiteral("oee")};
    const auto events = m_historian->events(q);
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events[1].oldValue, QStringLiteral("material"));

    // Clearing: an empty code; the stop is unassigned again, nothing was deleted.
    QVERIFY(a.setReason(kPress, start, QString(), QStringLiteral("carol")));
    QCOMPARE(m_historian->events(q).size(), std::size_t(3));
    const MachineOee m = pressEarly();
    QVERIFY(m.result.stops[2].reasonCode.isEmpty());
    QCOMPARE(m.stopMsByReason.at(kUnassigned), 63 * kMin);
}

void TstStopAnnotations::splitDividesPlannedTime()
{
    // Split the 07:00-07:40 jam at 07:25: 25 + 15 min, each with its own reason.
    StopAnnotations a(*m_historian);
    const TimestampMs start = test::oeeTestUtc(10, 7, 0);
    const TimestampMs at = test::oeeTestUtc(10, 7, 25);
    QVERIFY(a.split(kPress, start, at, QStringLiteral("alice")));
    QVERIFY(a.setReason(kPress, start, QStringLiteral("breakdown/mechanical/jam"),
                        QStringLiteral("alice")));
    QVERIFY(a.setReason(kPress, at, QStringLiteral("material"), QStringLiteral("alice")));
    // A second split of the second part at 07:35: its 15 min become 10 + 5.
    QVERIFY(a.split(kPress, at, test::oeeTestUtc(10, 7, 35), QStringLiteral("alice")));

    const MachineOee m = pressEarly();
    QCOMPARE(m.result.stops.size(), std::size_t(5));
    QCOMPARE(m.result.stops[0].endMs, at);
    QCOMPARE(m.result.stops[0].plannedMs, 25 * kMin);
    QCOMPARE(m.result.stops[1].startMs, at);
    QCOMPARE(m.result.stops[1].endMs, test::oeeTestUtc(10, 7, 35));
    QCOMPARE(m.result.stops[1].plannedMs, 10 * kMin);
    QCOMPARE(m.result.stops[2].plannedMs, 5 * kMin);
    QCOMPARE(m.result.stops[2].endMs, test::oeeTestUtc(10, 7, 40));
    QCOMPARE(m.stopMsByReason.at(QStringLiteral("breakdown/mechanical/jam")), 25 * kMin);
    QCOMPARE(m.stopMsByReason.at(QStringLiteral("material")), 10 * kMin);
    QCOMPARE(m.stopMsByReason.at(kUnassigned), (5 + 3 + 20) * kMin);
    // The loss tree is unchanged: still one 40-min breakdown.
    QCOMPARE(m.result.breakdownMs, 60 * kMin); // 40 + 20

    QString error;
    QVERIFY(!a.split(kPress, start, start, QStringLiteral("alice"), &error));
    QVERIFY(!error.isEmpty());
}

void TstStopAnnotations::splitOutsideTheStopIsIgnored()
{
    StopAnnotations a(*m_historian);
    // 08:00 is not inside the 07:00-07:40 stop; 08:30 starts no stop.
    QVERIFY(a.split(kPress, test::oeeTestUtc(10, 7, 0), test::oeeTestUtc(10, 8, 0),
                    QStringLiteral("alice")));
    QVERIFY(a.split(kPress, test::oeeTestUtc(10, 8, 30), test::oeeTestUtc(10, 8, 31),
                    QStringLiteral("alice")));
    const MachineOee m = pressEarly();
    QCOMPARE(m.result.stops.size(), std::size_t(3));
    QCOMPARE(m.result.stops[0].plannedMs, 40 * kMin);
}

void TstStopAnnotations::commentsAndShiftComments()
{
    StopAnnotations a(*m_historian);
    const TimestampMs start = test::oeeTestUtc(10, 9, 0);
    QVERIFY(a.comment(kPress, start, QStringLiteral("sensor dirty"), QStringLiteral("dave")));
    QVERIFY(a.comment(kPress, start, QStringLiteral("sensor dirty, cleaned"),
                      QStringLiteral("dave")));
    const MachineOee m = pressEarly();
    QCOMPARE(m.result.stops[1].comment, QStringLiteral("sensor dirty, cleaned"));
    QVERIFY(m.result.stops[1].reasonCode.isEmpty());

    const QString line = QStringLiteral("acme/site/area/line1");
    const TimestampMs shift = test::oeeTestUtc(10, 6, 0);
    QVERIFY(a.shiftComment(line, shift, QStringLiteral("new tool from 11:20"),
                           QStringLiteral("erin")));
    QVERIFY(a.shiftComment(line, shift, QStringLiteral("short of staff"), QStringLiteral("erin")));
    QVERIFY(a.shiftComment(line, test::oeeTestUtc(9, 22, 0), QStringLiteral("night"),
                           QStringLiteral("erin")));
    QCOMPARE(a.shiftComments(line, shift),
             (QStringList{QStringLiteral("new tool from 11:20"), QStringLiteral("short of staff")}));
    // Comments on the line are not stop annotations of its machines.
    QCOMPARE(a.annotations(kPress, 0, test::oeeTestNow()).size(), std::size_t(1));
}

void TstStopAnnotations::sourceMatchesExactly()
{
    // "press2" starts with "press": its annotations must not reach the press.
    StopAnnotations a(*m_historian);
    QVERIFY(a.setReason(kPress + QLatin1Char('2'), test::oeeTestUtc(10, 7, 0),
                        QStringLiteral("material"), QStringLiteral("alice")));
    const MachineOee m = pressEarly();
    QVERIFY(m.result.stops[0].reasonCode.isEmpty());
}

void TstStopAnnotations::proportionalSplitWithoutWindows()
{
    StopAnnotations a(*m_historian);
    QVERIFY(a.split(kPress, 1000, 4000, QStringLiteral("alice")));
    std::vector<StopEvent> stops(1);
    stops[0].startMs = 1000;
    stops[0].endMs = 11000; // 10 s, of which 6 s planned
    stops[0].plannedMs = 6000;
    a.apply(kPress, stops);
    QCOMPARE(stops.size(), std::size_t(2));
    // 3 s of 10 s -> 30 % of the 6 s planned = 1.8 s; the rest 4.2 s.
    QCOMPARE(stops[0].plannedMs, TimestampMs(1800));
    QCOMPARE(stops[1].plannedMs, TimestampMs(4200));
    // With windows: planned [0, 2000) and [9000, 20000) -> 1 s in the first part, 2 s after.
    std::vector<StopEvent> again(1);
    again[0].startMs = 1000;
    again[0].endMs = 11000;
    again[0].plannedMs = 3000;
    const std::vector<analytics::TimeWindow> windows{{0, 2000}, {9000, 20000}};
    a.apply(kPress, again, &windows);
    QCOMPARE(again[0].plannedMs, TimestampMs(1000));
    QCOMPARE(again[1].plannedMs, TimestampMs(2000));
}

void TstStopAnnotations::readOnlyHistorianRefuses()
{
    storage::HistorianOptions o;
    o.path = m_historian->path();
    m_historian.reset();
    o.readOnly = true;
    QString error;
    auto ro = storage::Historian::open(o, &error);
    QVERIFY2(ro, qPrintable(error));
    StopAnnotations a(*ro);
    test::expectWarning(QRegularExpression(
            QStringLiteral("event journal: could not record oee event .* of %1").arg(kPress)));
    QVERIFY(!a.setReason(kPress, test::oeeTestUtc(10, 7, 0), QStringLiteral("material"),
                         QStringLiteral("alice"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(ro->events({}).size(), std::size_t(0));
}

void TstStopAnnotations::configThresholdsApply()
{
    // The micro-stop threshold comes from the machine's oee settings unless overridden: with
    // 2 min the 3-min idle stop is no longer a micro-stop.
    auto model = std::make_shared<PlantModel>(*m_model);
    model->oee.microStopMs = 2 * kMin;
    const OeeQuery q(*model, *m_historian);
    const MachineOee m = q.machine(0, test::oeeTestUtc(10, 6, 0), test::oeeTestNow());
    QVERIFY(!m.result.stops[1].micro);
    QCOMPARE(m.result.microStopMs, TimestampMs(0));
    OeeQueryOptions options;
    options.microStopFromConfig = false; // OeeOptions default: 5 min
    const OeeQuery q2(*model, *m_historian, options);
    QVERIFY(q2.machine(0, test::oeeTestUtc(10, 6, 0), test::oeeTestNow()).result.stops[1].micro);
}

QTEST_GUILESS_MAIN(TstStopAnnotations)
#include "tst_stop_annotations.moc"
