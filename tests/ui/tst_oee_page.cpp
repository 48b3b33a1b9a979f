// The OEE page offscreen: a hand-built plant and temporary historian (tests/unit/
// oee_test_plant.h, where the expected A, P, Q and OEE are worked out by hand), the gauges,
// tables and Pareto, reason entry through the dialog (journal + Pareto), a split, the line
// view, the "no historian" state, screenshots (light/dark, 1366x768) and the refresh cost on
// the demo plant with a simulated shift (printed, not asserted).
#include "engine/engine.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/support/sign_in.h"
#include "tests/support/test_support.h"
#include "tests/unit/oee_test_plant.h"
#include "ui/current_user.h"
#include "ui/oee_page.h"
#include "ui/oee_page_data.h"
#include "ui/reason_dialog.h"
#include "widgets/oee_gauge.h"
#include "widgets/pareto_chart.h"
#include "widgets/state_timeline.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace andon;

namespace {
// The page area of the main window at 1366x768 (navigation ~150 px, menu and status bar).
const QSize kPageSize(1366 - 150, 768 - 50);

QStringList column(QTableWidget *t, int col)
{
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out << (t->item(r, col) ? t->item(r, col)->text() : QString());
    return out;
}
} // namespace

class TstOeePage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void gaugesMatchHandComputation();
    void tablesAndPareto();
    void timelineTooltip();
    void reasonThroughDialog();
    void splitThroughUnexplainedList();
    void dialogOffersTheMachinesTree();
    void lineShowsBottleneck();
    void trendFromValues();
    void screenshots();
    void noHistorian();
    void refreshCostOnDemoPlant();

private:
    void waitForResult(ui::OeePage *page);
    void save(QWidget *w, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QWidget> m_window;
    ui::OeePage *m_page = nullptr; // child of m_window
};

void TstOeePage::waitForResult(ui::OeePage *page)
{
    // Refreshes coalesce; wait until a result computed after this call is on screen.
    const quint64 before = page->resultsApplied();
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(page->resultsApplied() > before, 30000);
    // A refresh requested while one was in flight follows right after it.
    QTest::qWait(0);
    QCoreApplication::processEvents();
}

void TstOeePage::save(QWidget *w, const QString &name)
{
    const QString path = QDir(test::screenshotDir()).filePath(name);
    QVERIFY2(w->grab().save(path), qPrintable(path));
}

void TstOeePage::initTestCase()
{
    test::installStrictMessageHandler();
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    widgets::Theme::apply(widgets::Theme::Mode::Light);
    QString error;
    m_model = test::makeOeeTestPlant(&error);
    QVERIFY2(m_model, qPrintable(error));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_engine = std::make_unique<Engine>(m_model);
    QVERIFY2(m_engine->openHistorian(m_dir->filePath(QStringLiteral("oee.db")), &error),
             qPrintable(error));
    // Reasons need the operator role (issue 13).
    QVERIFY2(test::signInAs(m_engine->access(), Role::Operator, *m_dir, &error),
             qPrintable(error));
    QVERIFY2(test::writeOeeTestHistory(*m_model, *m_engine->historian(), &error),
             qPrintable(error));
    m_clock = std::make_unique<ManualClock>(test::oeeTestNow());
    // The page inside a plain window without a layout, as in the main window's stack (the
    // offscreen platform warns when a top-level window's size hints change after show()).
    m_window = std::make_unique<QWidget>();
    m_window->resize(kPageSize);
    m_page = new ui::OeePage(m_engine.get(), m_clock.get(), m_window.get());
    m_page->setGeometry(QRect(QPoint(0, 0), kPageSize));
    m_window->show();
    m_page->setMachine(0); // press
    waitForResult(m_page);
}

void TstOeePage::cleanup()
{
    const QStringList unexpected = test::unexpectedWarnings();
    test::clearUnexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TstOeePage::gaugesMatchHandComputation()
{
    m_page->setMachine(0);
    waitForResult(m_page);
    // oee_test_plant.h: A = 340/420, P = 18360/20400, Q = 18000/18360, OEE = 5/7.
    const double expected[4] = {340.0 / 420.0, 0.9, 18000.0 / 18360.0, 5.0 / 7.0};
    const char *texts[4] = {"81.0", "90.0", "98.0", "71.4"};
    // Targets 85, 90, 99, 75 %: all but performance (exactly on target) are below.
    const bool below[4] = {true, false, true, true};
    for (int i = 0; i < 4; ++i) {
        widgets::OeeGauge *g = m_page->gauge(i);
        QVERIFY(g->value());
        QVERIFY2(qAbs(*g->value() - expected[i]) < 1e-9, qPrintable(g->label()));
        QCOMPARE(g->valueText(), QLatin1String(texts[i]));
        QCOMPARE(g->belowTarget(), below[i]);
    }
    QCOMPARE(*m_page->gauge(3)->target(), 0.75);
}

void TstOeePage::tablesAndPareto()
{
    m_page->setMachine(0);
    waitForResult(m_page);
    // Target row, then shift, day, week.
    QTableWidget *p = m_page->periodTable();
    QCOMPARE(p->rowCount(), 4);
    QCOMPARE(p->item(0, 4)->text(), QStringLiteral("75.0"));
    QCOMPARE(p->item(1, 0)->text(), QStringLiteral("Shift"));
    QVERIFY(p->item(1, 0)->toolTip().startsWith(QStringLiteral("Shift early 2025-03-10")));
    QCOMPARE(p->item(1, 1)->text(), QStringLiteral("▼ 81.0"));
    QCOMPARE(p->item(1, 4)->text(), QStringLiteral("▼ 71.4"));
    QCOMPARE(p->item(1, 5)->text(), QStringLiteral("7.0"));  // 420 min planned
    QCOMPARE(p->item(1, 6)->text(), QStringLiteral("5.7"));  // 340 min run = 5.67 h
    QCOMPARE(p->item(1, 7)->text(), QStringLiteral("1.3"));  // 80 min not running
    QCOMPARE(p->item(1, 8)->text(), QStringLiteral("18000"));
    QCOMPARE(p->item(1, 9)->text(), QStringLiteral("360"));
    // The day so far is the early shift (the night shift belongs to 2025-03-09).
    QCOMPARE(p->item(2, 4)->text(), QStringLiteral("▼ 71.4"));

    // This and previous shifts, newest first: early (now), night of the 9th: A 100.0,
    // P 25300/28800 = 87.8, Q 25000/25300 = 98.8, OEE 86.8 (oee_test_plant.h).
    QTableWidget *prev = m_page->previousTable();
    QCOMPARE(prev->rowCount(), 7);
    QCOMPARE(prev->item(0, 0)->text(), QStringLiteral("early 03-10 (now)"));
    QCOMPARE(prev->item(1, 0)->text(), QStringLiteral("night 03-09"));
    // Shifts before the history began show as unknown, not as 0 %.
    QCOMPARE(prev->item(3, 1)->text(), QStringLiteral("—"));
    QCOMPARE(column(prev, 1)[1], QStringLiteral("100.0"));
    QCOMPARE(column(prev, 2)[1], QStringLiteral("▼ 87.8"));
    QCOMPARE(column(prev, 3)[1], QStringLiteral("▼ 98.8"));
    QCOMPARE(column(prev, 4)[1], QStringLiteral("86.8"));

    // Pareto: nothing explained yet, the 40 + 3 + 20 min of stops are unassigned.
    QCOMPARE(m_page->pareto()->categories(), QStringList{QStringLiteral("Unassigned")});
    QCOMPARE(m_page->pareto()->values(), std::vector<double>{63.0});
    // Unexplained stops, newest first; not the 3-min micro-stop at 09:00.
    QCOMPARE(column(m_page->unexplainedTable(), 0),
             (QStringList{QStringLiteral("11:00:00"), QStringLiteral("07:00:00")}));
}

void TstOeePage::timelineTooltip()
{
    m_page->setMachine(0);
    waitForResult(m_page);
    widgets::StateTimeline *t = m_page->timeline();
    QCOMPARE(t->rows().size(), std::size_t(1));
    const QString tip = t->toolTipAt(t->pointAt(0, test::oeeTestUtc(10, 7, 20)));
    QVERIFY2(tip.contains(QStringLiteral("Jam at infeed")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Start: 07:00:00")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Duration: 40 min 0 s")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Reason: not given yet")), qPrintable(tip));
    const QString run = t->toolTipAt(t->pointAt(0, test::oeeTestUtc(10, 8, 0)));
    QVERIFY2(run.contains(QStringLiteral("Running")) && !run.contains(QStringLiteral("Reason")),
             qPrintable(run));
}

void TstOeePage::reasonThroughDialog()
{
    m_page->setMachine(0);
    waitForResult(m_page);
    widgets::StateTimeline *t = m_page->timeline();
    // Click the jam (07:00-07:40) in the timeline.
    QTest::mouseClick(t, Qt::LeftButton, {}, t->pointAt(0, test::oeeTestUtc(10, 7, 20)));
    ui::ReasonDialog *dialog = m_page->reasonDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->stop().startMs, test::oeeTestUtc(10, 7, 0));
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // nothing chosen
    QVERIFY(dialog->selectReason(QStringLiteral("breakdown/mechanical/jam")));
    QTest::keyClicks(dialog->commentEdit(), QStringLiteral("jam cleared, guide rail bent"));
    save(dialog, QStringLiteral("oee-reason-dialog.png"));
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    const quint64 before = m_page->resultsApplied();
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->resultsApplied() > before, 30000);
    waitForResult(m_page);

    // The journal: a reason and a comment, by the OS login, about the press and its stop.
    storage::EventQuery q;
    q.categories = {QStringLiteral("oee")};
    const std::vector<storage::Event> events = m_engine->historian()->events(q);
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events[0].kind, QStringLiteral("stop.reason"));
    QCOMPARE(events[0].newValue, QStringLiteral("breakdown/mechanical/jam"));
    QCOMPARE(events[0].source, QStringLiteral("acme/site/area/line1/press"));
    QCOMPARE(events[0].user, ui::currentUserName());
    QVERIFY(events[0].details.contains(QString::number(test::oeeTestUtc(10, 7, 0))));
    QCOMPARE(events[1].kind, QStringLiteral("stop.comment"));
    QCOMPARE(events[1].newValue, QStringLiteral("jam cleared, guide rail bent"));

    // The Pareto moved the 40 min to the reason; 3 + 20 stay unassigned.
    QCOMPARE(m_page->pareto()->categories(),
             (QStringList{QStringLiteral("Jam / blockage"), QStringLiteral("Unassigned")}));
    QCOMPARE(m_page->pareto()->values(), (std::vector<double>{40.0, 23.0}));
    QCOMPARE(m_page->pareto()->cumulativePercent().back(), 100.0);
    QCOMPARE(m_page->unexplainedTable()->rowCount(), 1);
    const QString tip = t->toolTipAt(t->pointAt(0, test::oeeTestUtc(10, 7, 20)));
    QVERIFY2(tip.contains(QStringLiteral("Reason: Jam / blockage")), qPrintable(tip));
}

void TstOeePage::splitThroughUnexplainedList()
{
    m_page->setMachine(0);
    waitForResult(m_page);
    // The 11:00-11:20 tool breakage is the first (newest) unexplained row.
    QTableWidget *list = m_page->unexplainedTable();
    QCOMPARE(list->item(0, 0)->text(), QStringLiteral("11:00:00"));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(0, 1)).center());
    ui::ReasonDialog *dialog = m_page->reasonDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->stop().startMs, test::oeeTestUtc(10, 11, 0));
    // Split at 11:05: the first 5 min were waiting for material; the rest stays open.
    dialog->splitCheck()->setChecked(true);
    dialog->splitTime()->setDateTime(
            QDateTime(QDate(2025, 3, 10), QTime(11, 5), QTimeZone::utc()));
    QCOMPARE(*dialog->splitAt(), test::oeeTestUtc(10, 11, 5));
    QVERIFY(dialog->selectReason(QStringLiteral("material")));
    const quint64 before = m_page->resultsApplied();
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->resultsApplied() > before, 30000);
    waitForResult(m_page);

    storage::EventQuery q;
    q.categories = {QStringLiteral("oee")};
    q.kindPrefix = QStringLiteral("stop.split");
    QCOMPARE(m_engine->historian()->events(q).size(), std::size_t(1));
    // Jam 40 (previous test), material 5, unassigned 3 + 15 = 18.
    QCOMPARE(m_page->pareto()->categories(),
             (QStringList{QStringLiteral("Jam / blockage"), QStringLiteral("Unassigned"),
                          QStringLiteral("Material")}));
    QCOMPARE(m_page->pareto()->values(), (std::vector<double>{40.0, 18.0, 5.0}));
    QCOMPARE(column(list, 0), QStringList{QStringLiteral("11:05:00")});
    // The KPIs did not move: reasons only explain the minutes.
    QCOMPARE(m_page->gauge(3)->valueText(), QStringLiteral("71.4"));
}

void TstOeePage::dialogOffersTheMachinesTree()
{
    // The oven's override disables breakdown/mechanical/tool and adds breakdown/burner.
    analytics::StopEvent stop;
    stop.startMs = test::oeeTestUtc(10, 8, 0);
    stop.endMs = test::oeeTestUtc(10, 8, 10);
    stop.plannedMs = 600'000;
    stop.reason = QStringLiteral("Jam at infeed");
    ui::ReasonDialog oven(1, QStringLiteral("oven"), stop, m_model->machineOee(1).reasons,
                          QTimeZone::utc());
    QVERIFY(!oven.selectReason(QStringLiteral("breakdown/mechanical/tool")));
    QVERIFY(oven.selectReason(QStringLiteral("breakdown/burner")));
    ui::ReasonDialog press(0, QStringLiteral("press"), stop, m_model->machineOee(0).reasons,
                           QTimeZone::utc());
    QVERIFY(press.selectReason(QStringLiteral("breakdown/mechanical/tool")));
    QVERIFY(!press.selectReason(QStringLiteral("breakdown/burner")));
}

void TstOeePage::lineShowsBottleneck()
{
    m_page->setLine(0);
    waitForResult(m_page);
    QVERIFY(m_page->isLineSelected());
    // oee_test_plant.h: the oven (2 s ideal cycle) is the bottleneck: 95.2 % OEE.
    QCOMPARE(m_page->gauge(3)->valueText(), QStringLiteral("95.2"));
    QCOMPARE(m_page->gauge(0)->valueText(), QStringLiteral("100.0"));
    QCOMPARE(m_page->timeline()->rows().size(), std::size_t(2));
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("oeeShift"))
                    ->text()
                    .contains(QStringLiteral("bottleneck: oven")));
    QVERIFY(m_page->periodTable()->item(1, 0)->toolTip().contains(QStringLiteral("Bottleneck: oven")));
    m_page->setMachine(0);
    waitForResult(m_page);
}

void TstOeePage::screenshots()
{
    for (const bool line : {false, true}) {
        if (line)
            m_page->setLine(0);
        else
            m_page->setMachine(0);
        for (const auto mode : {widgets::Theme::Mode::Light, widgets::Theme::Mode::Dark}) {
            widgets::Theme::apply(mode);
            waitForResult(m_page);
            QCOMPARE(m_page->size(), kPageSize);
            save(m_page, QStringLiteral("oee-page-%1-%2.png")
                                       .arg(line ? QStringLiteral("line") : QStringLiteral("machine"),
                                            widgets::Theme::modeName(mode)));
        }
    }
    widgets::Theme::apply(widgets::Theme::Mode::Light);
    m_page->setMachine(0);
    waitForResult(m_page);
}

namespace {
QAction *findAction(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->findChildren<QAction *>()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}
} // namespace

// "Click any value to trend it" (issue 9): the press's state and counters over the period of the
// row (the current shift live as 0, 0; a previous shift as its span), per machine in the line view.
void TstOeePage::trendFromValues()
{
    m_page->setMachine(0); // press
    waitForResult(m_page);
    const QString press = QStringLiteral("acme/site/area/line1/press/");
    const QStringList pressTags{press + QStringLiteral("state"), press + QStringLiteral("good_count"),
                                press + QStringLiteral("reject_count")};
    QSignalSpy spy(m_page, &ui::OeePage::trendRequested);
    // Period table, row 1 = the current shift: live.
    QTableWidget *periods = m_page->periodTable();
    std::unique_ptr<QMenu> menu(m_page->createTrendMenu(
            periods, periods->visualRect(periods->model()->index(1, 1)).center()));
    QVERIFY(menu);
    QAction *a = findAction(menu.get(), QStringLiteral("Trend good_count"));
    QVERIFY(a);
    a->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toStringList(), QStringList{press + QStringLiteral("good_count")});
    QCOMPARE(spy.at(0).at(1).toLongLong(), 0);
    QCOMPARE(spy.at(0).at(2).toLongLong(), 0);
    // Previous shifts, row 1 = the shift before the early one: night 2025-03-09 22:00 to 06:00
    // (calendar of oee_test_plant.h).
    QTableWidget *previous = m_page->previousTable();
    menu.reset(m_page->createTrendMenu(
            previous, previous->visualRect(previous->model()->index(1, 1)).center()));
    QVERIFY(menu);
    a = findAction(menu.get(), QStringLiteral("Trend all"));
    QVERIFY(a);
    a->trigger();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toStringList(), pressTags);
    QCOMPARE(spy.at(1).at(1).toLongLong(), test::oeeTestUtc(9, 22, 0));
    QCOMPARE(spy.at(1).at(2).toLongLong(), test::oeeTestUtc(10, 6, 0));
    // Double-click on the same row: every tag of the machine, same period.
    emit previous->cellDoubleClicked(1, 0);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toStringList(), pressTags);
    QCOMPARE(spy.at(2).at(1).toLongLong(), test::oeeTestUtc(9, 22, 0));

    // Line view: the timeline's second row is the oven; the gauges list both machines.
    m_page->setLine(0);
    waitForResult(m_page);
    widgets::StateTimeline *timeline = m_page->timeline();
    menu.reset(m_page->createTrendMenu(timeline, timeline->pointAt(1, test::oeeTestUtc(10, 7, 0))));
    QVERIFY(menu);
    a = findAction(menu.get(), QStringLiteral("Trend state"));
    QVERIFY(a);
    a->trigger();
    QCOMPARE(spy.count(), 4);
    QCOMPARE(spy.at(3).at(0).toStringList(),
             QStringList{QStringLiteral("acme/site/area/line1/oven/state")});
    QCOMPARE(spy.at(3).at(1).toLongLong(), 0);
    menu.reset(m_page->createTrendMenu(m_page->gauge(3), QPoint(5, 5)));
    QVERIFY(menu);
    QStringList submenus;
    for (QMenu *sub : menu->findChildren<QMenu *>())
        submenus << sub->title();
    submenus.sort();
    QCOMPARE(submenus.size(), 2);
    QVERIFY2(submenus.join(u',').contains(QStringLiteral("oven")), qPrintable(submenus.join(u',')));
    QVERIFY2(submenus.join(u',').contains(QStringLiteral("press")), qPrintable(submenus.join(u',')));
    m_page->setMachine(0);
    waitForResult(m_page);
}

void TstOeePage::noHistorian()
{
    Engine engine(m_model);
    QString error;
    QVERIFY(engine.openHistorian(QStringLiteral("-"), &error));
    QWidget window;
    window.resize(kPageSize);
    ui::OeePage page(&engine, m_clock.get(), &window);
    page.setGeometry(QRect(QPoint(0, 0), kPageSize));
    window.show();
    QCoreApplication::processEvents();
    auto *label = page.findChild<QLabel *>(QStringLiteral("oeeNoHistorian"));
    QVERIFY(label && label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("No historian is open")));
    QVERIFY(!page.openReasonDialog(0, test::oeeTestUtc(10, 7, 20)));
    save(&page, QStringLiteral("oee-page-no-historian.png"));
}

void TstOeePage::refreshCostOnDemoPlant()
{
    // The demo plant with a simulated bad shift (8 machines, every tag), as a user would see
    // it: how long one refresh takes on the worker and on the GUI thread. Printed for the
    // docs; no timing assert.
    const ConfigResult config = ConfigLoader::loadFile(
            test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    Engine engine(config.model);
    QString error;
    QVERIFY2(engine.openHistorian(m_dir->filePath(QStringLiteral("demo.db")), &error),
             qPrintable(error));
    const QTimeZone berlin("Europe/Berlin");
    const TimestampMs start = QDateTime(QDate(2026, 1, 13), QTime(12, 0), berlin).toMSecsSinceEpoch();
    const TimestampMs now = QDateTime(QDate(2026, 1, 13), QTime(20, 0), berlin).toMSecsSinceEpoch();
    sim::SimOptions so;
    so.seed = 7;
    so.scenario = QStringLiteral("bad-shift");
    so.startMs = start;
    so.stepMs = 1000;
    so.publishPeriodMs = 1000; // every analog tag every second, like the live demo
    sim::PlantSimulator sim(config.model, so);
    // Bounded: 8 h in 10-minute slices.
    for (TimestampMs t = start; t < now;) {
        t = std::min(now, t + 10 * 60'000);
        engine.historian()->append(sim.advanceTo(t));
    }
    engine.historian()->flush();
    ManualClock clock(now);
    QWidget window;
    window.resize(kPageSize);
    ui::OeePage page(&engine, &clock, &window);
    page.setGeometry(QRect(QPoint(0, 0), kPageSize));
    window.show();
    page.setLine(0);
    waitForResult(&page);
    const double coldMs = page.lastComputeMs();
    waitForResult(&page);
    const double lineMs = page.lastComputeMs();
    const double lineApplyMs = page.lastApplyMs();
    page.setMachine(1);
    waitForResult(&page);
    waitForResult(&page);
    qInfo("OEE page refresh on the demo plant (line1, 4 machines, 6 h of a bad shift, every "
          "tag at 1 Hz): first %.0f ms (cold cache), then %.0f ms per refresh on the worker "
          "thread and %.1f ms on the GUI thread; one machine %.0f ms / %.1f ms",
          coldMs, lineMs, lineApplyMs, page.lastComputeMs(), page.lastApplyMs());
    QVERIFY(page.gauge(3)->value().has_value());
}

QTEST_MAIN(TstOeePage)
#include "tst_oee_page.moc"
