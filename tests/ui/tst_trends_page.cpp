// Trends page offscreen with the demo plant fed by the in-process simulator through the
// Engine (historian in a temp dir): pen picker and search, "click any value to trend it" from
// the faceplate, loading pens and the state band, live follow with appended samples (kept
// zoom width, off after a pan back, back on with the button), wheel zoom, cursors and the
// pen table, trend sets, offline review of a copied cache, and screenshots (light and dark).
#include "core/config_loader.h"
#include "engine/engine.h"
#include "engine/trend_loader.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"
#include "ui/faceplate_dialog.h"
#include "ui/main_window.h"
#include "ui/trends_page.h"
#include "widgets/theme.h"
#include "widgets/trend_plot.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QTreeWidget>

#include <qcustomplot.h>

#include <cmath>

using namespace andon;

namespace {
// 2026-03-02T09:00:00Z: a Monday morning shift in Berlin.
const TimestampMs kStart =
    QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
constexpr TimestampMs kFeedMs = 40 * 60'000; // forty simulated minutes of history
constexpr TimestampMs kStepMs = 1000;

// The offscreen platform warns whenever a top-level window's size hints change after show()
// (the main window does as pages switch) or a window is raised (the faceplate); that is the
// platform's limitation, not ours. Every other message goes on to the strict handler.
QtMessageHandler g_strict = nullptr;
void dropOffscreenSizeHintNotice(QtMsgType type, const QMessageLogContext &context,
                                 const QString &message)
{
    if (message.startsWith(QLatin1String("This plugin does not support")))
        return;
    g_strict(type, context, message);
}
} // namespace

class TestTrendsPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void pickerShowsPlantTreeAndSearches();
    void faceplateRowOpensItsTrend();
    void loadsPensAndStateBand();
    void liveFollowKeepsZoomAndStopsOnPanBack();
    void cursorsFillThePenTable();
    void trendSetsRoundTrip();
    void screenshots();
    void offlineReviewOfACopiedCache();

private:
    void feed(TimestampMs until);
    bool waitForLoad();
    ui::TrendsPage *page() const { return m_window->trendsPage(); }

    QTemporaryDir m_dir;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<sim::PlantSimulator> m_sim;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ui::MainWindow> m_window;
    TimestampMs m_simNow = 0;
    QStringList m_pens; // three analog tags of one machine
};

void TestTrendsPage::feed(TimestampMs until)
{
    for (; m_simNow < until; m_simNow += kStepMs) // bounded: one step per simulated second
        m_engine->ingest(m_sim->advanceTo(m_simNow + kStepMs));
    m_clock->set(m_simNow);
}

bool TestTrendsPage::waitForLoad()
{
    QSignalSpy spy(page(), &ui::TrendsPage::loadFinished);
    page()->reload();
    return spy.wait(30'000);
}

void TestTrendsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    test::installStrictMessageHandler();
    g_strict = qInstallMessageHandler(dropOffscreenSizeHintNotice);
    const ConfigResult config = ConfigLoader::loadFile(
        test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;
    m_engine = std::make_unique<Engine>(m_model);
    QString error;
    QVERIFY2(m_engine->openHistorian(m_dir.filePath(QStringLiteral("live.db")), &error),
             qPrintable(error));
    sim::SimOptions options;
    options.seed = 11;
    options.startMs = kStart;
    m_sim = std::make_unique<sim::PlantSimulator>(m_model, options);
    m_simNow = kStart;
    m_clock = std::make_unique<ManualClock>(kStart);
    feed(kStart + kFeedMs);
    m_engine->historian()->flush();

    // Three analog tags of the first machine that has a state tag.
    for (const Machine &m : m_model->machines) {
        if (m.roleTag(TagRole::State) == kInvalidTag)
            continue;
        for (TagId id : m.tags) {
            const TagDef &t = m_model->tags[id];
            if (t.kind == TagKind::Analog && t.role == TagRole::None && m_pens.size() < 3)
                m_pens << t.path;
        }
        break;
    }
    QCOMPARE(m_pens.size(), 3);

    widgets::Theme::apply(widgets::Theme::Mode::Light);
    m_window = std::make_unique<ui::MainWindow>(m_engine.get(), m_clock.get());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestTrendsPage::cleanupTestCase()
{
    m_window.reset();
    m_engine.reset();
    const QStringList unexpected = test::unexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TestTrendsPage::pickerShowsPlantTreeAndSearches()
{
    m_window->showPage(ui::MainWindow::TrendsPage);
    QTreeWidget *tree = page()->penPicker();
    QCOMPARE(tree->topLevelItemCount(), int(m_model->sites.size()));
    // Search: every visible tag matches, and the tag we look for is visible.
    const QString leaf = m_pens[0].section(u'/', -1);
    page()->searchBox()->setText(leaf);
    int visibleTags = 0;
    bool found = false;
    QTreeWidgetItemIterator it(tree);
    for (; *it; ++it) {
        const QString path = (*it)->data(0, Qt::UserRole + 1).toString();
        if (path.isEmpty() || (*it)->isHidden())
            continue;
        bool shown = true;
        for (QTreeWidgetItem *p = (*it)->parent(); p; p = p->parent())
            shown = shown && !p->isHidden();
        if (!shown)
            continue;
        ++visibleTags;
        QVERIFY2(path.contains(leaf, Qt::CaseInsensitive) || (*it)->toolTip(0).contains(leaf),
                 qPrintable(path));
        found = found || path == m_pens[0];
    }
    QVERIFY(found);
    QVERIFY(visibleTags < int(m_model->tags.size()));
    page()->searchBox()->clear();
}

void TestTrendsPage::faceplateRowOpensItsTrend()
{
    const int machine = m_model->tagByPath(m_pens[0])->machine;
    ui::FaceplateDialog *faceplate = m_window->openFaceplate(machine);
    QVERIFY(faceplate);
    QVERIFY(QTest::qWaitForWindowExposed(faceplate));
    QTableView *table = faceplate->table();
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data().toString() == m_model->tagByPath(m_pens[0])->name)
            row = r;
    }
    QVERIFY(row >= 0);
    m_window->showPage(ui::MainWindow::OverviewPageId);
    table->scrollTo(table->model()->index(row, 0));
    const QRect cell = table->visualRect(table->model()->index(row, 0));
    QSignalSpy requested(faceplate, &ui::FaceplateDialog::trendRequested);
    // A real double-click: press and release, then the double-click event (QTest's
    // mouseDClick alone has no press, so the view would not know the pressed row).
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(m_window->currentPage(), int(ui::MainWindow::TrendsPage));
    QCOMPARE(page()->pens(), QStringList{m_pens[0]});
    faceplate->close();
}

void TestTrendsPage::loadsPensAndStateBand()
{
    m_window->showTrend(m_pens);
    page()->setPeriod(ui::TrendsPage::Last15Min);
    QVERIFY(waitForLoad());
    widgets::TrendPlot *plot = page()->plot();
    QCOMPARE(plot->penCount(), 3);
    QCOMPARE(plot->viewTo(), m_clock->now());
    QCOMPARE(plot->viewTo() - plot->viewFrom(), TimestampMs(15 * 60'000));
    QVERIFY(plot->followLive());
    for (int i = 0; i < 3; ++i) {
        const auto &s = plot->penData(i);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY2(!s.buckets.empty(), qPrintable(m_pens[i]));
        QVERIFY(!plot->penLine(i).empty());
        // The newest point is the newest sample the TagStore has (historian + live edge).
        const TagValue latest = m_engine->tagStore().latest(m_model->tagIdByPath(m_pens[i]));
        QCOMPARE(s.newestTime(), latest.t_ms);
    }
    QVERIFY(plot->stateBandVisible());
    QVERIFY(!plot->stateSpans().empty());
    QCOMPARE(page()->penTable()->rowCount(), 3);
    // One value axis per unit (the three pens have different units in the demo plant).
    QSet<QString> units;
    for (const QString &p : m_pens)
        units << m_model->tagByPath(p)->unit;
    QSet<QCPAxis *> axes;
    for (int i = 0; i < 3; ++i)
        axes << plot->valueAxis(i);
    QCOMPARE(axes.size(), units.size());
}

void TestTrendsPage::liveFollowKeepsZoomAndStopsOnPanBack()
{
    widgets::TrendPlot *plot = page()->plot();
    QVERIFY(plot->followLive());
    // Zoom in with the wheel: in follow mode the right edge stays on "now".
    QCustomPlot *cp = plot->customPlot();
    const QPoint center = cp->axisRect()->rect().center();
    const TimestampMs widthBefore = plot->viewTo() - plot->viewFrom();
    QWheelEvent wheel(center, cp->mapToGlobal(center), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(cp, &wheel);
    const TimestampMs width = plot->viewTo() - plot->viewFrom();
    QVERIFY2(width < widthBefore, qPrintable(QString::number(width)));
    QCOMPARE(plot->viewTo(), m_clock->now());
    QVERIFY(plot->followLive());

    // New samples arrive: the view scrolls by exactly the elapsed time, same width.
    const TimestampMs before = m_clock->now();
    feed(m_simNow + 20 * kStepMs);
    page()->refresh();
    QCOMPARE(plot->viewTo(), m_clock->now());
    QCOMPARE(plot->viewTo() - before, TimestampMs(20 * kStepMs));
    QVERIFY(std::llabs((plot->viewTo() - plot->viewFrom()) - width) <= 1);
    const TagValue latest = m_engine->tagStore().latest(m_model->tagIdByPath(m_pens[0]));
    QCOMPARE(plot->penData(0).newestTime(), latest.t_ms);

    // Pan back (drag to the right): follow turns off and the button shows it.
    QTest::mousePress(cp, Qt::LeftButton, {}, center);
    QMouseEvent move(QEvent::MouseMove, QPointF(center + QPoint(120, 0)),
                     cp->mapToGlobal(QPointF(center + QPoint(120, 0))), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(cp, &move);
    QTest::mouseRelease(cp, Qt::LeftButton, {}, center + QPoint(120, 0));
    QVERIFY(!plot->followLive());
    QVERIFY(!page()->followButton()->isChecked());
    const TimestampMs pannedTo = plot->viewTo();
    QVERIFY(pannedTo < m_clock->now());
    feed(m_simNow + 10 * kStepMs);
    page()->refresh();
    QCOMPARE(plot->viewTo(), pannedTo); // stays where the user put it

    // "Follow live" returns to the live edge, keeping the width.
    page()->followButton()->click();
    QVERIFY(plot->followLive());
    QCOMPARE(plot->viewTo(), m_clock->now());
    QVERIFY(std::llabs((plot->viewTo() - plot->viewFrom()) - width) <= 1);
}

void TestTrendsPage::cursorsFillThePenTable()
{
    page()->setPeriod(ui::TrendsPage::Last15Min);
    QVERIFY(waitForLoad());
    widgets::TrendPlot *plot = page()->plot();
    page()->findChild<QToolButton *>(QStringLiteral("trendCursors"))->click();
    QVERIFY(plot->cursorsVisible());
    const TimestampMs c1 = plot->viewFrom() + 3 * 60'000;
    const TimestampMs c2 = plot->viewFrom() + 9 * 60'000;
    plot->setCursorTime(0, c1);
    plot->setCursorTime(1, c2);
    QTableWidget *table = page()->penTable();
    for (int i = 0; i < plot->penCount(); ++i) {
        // The readout is the drawn line at the cursor; with 1 s data inside a 15 min view
        // every bucket is one raw sample, so the line passes through the samples themselves.
        const double v1 = plot->valueAtCursor(i, 0);
        QVERIFY2(std::isfinite(v1), qPrintable(m_pens[i]));
        const int decimals = m_model->tagByPath(m_pens[i])->decimals;
        QCOMPARE(table->item(i, ui::TrendsPage::Cursor1Column)->text(),
                 QLocale().toString(v1, 'f', decimals));
        const auto st = plot->rangeStats(i);
        QVERIFY(st.valid);
        QVERIFY(st.min <= st.mean && st.mean <= st.max);
        QCOMPARE(st.coveredMs <= c2 - c1, true);
        QCOMPARE(table->item(i, ui::TrendsPage::MinColumn)->text(),
                 QLocale().toString(st.min, 'f', decimals));
        // The minimum between the cursors is the smallest stored sample there (independent:
        // straight from the historian's raw samples).
        double rawMin = INFINITY;
        for (const Sample &s : m_engine->historian()->raw(m_pens[i], c1, c2)) {
            if (std::isfinite(s.value) && !isBad(s.q))
                rawMin = std::min(rawMin, s.value);
        }
        // The line runs through the samples, so its minimum between the cursors is the
        // smallest sample there or the line's value at a cursor.
        const double expected = std::min({rawMin, v1, plot->valueAtCursor(i, 1)});
        QVERIFY2(std::abs(st.min - expected) < 1e-9,
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(m_pens[i]).arg(st.min).arg(expected)));
    }
}

void TestTrendsPage::trendSetsRoundTrip()
{
    page()->deleteTrendSet(QStringLiteral("Press check"));
    page()->saveTrendSet(QStringLiteral("Press check"));
    QVERIFY(ui::TrendsPage::trendSetNames().contains(QStringLiteral("Press check")));
    page()->setPens({m_pens[0]});
    QCOMPARE(page()->pens().size(), 1);
    QVERIFY(page()->loadTrendSet(QStringLiteral("Press check")));
    QCOMPARE(page()->pens(), m_pens);
    QCOMPARE(page()->period(), ui::TrendsPage::Last15Min);
    page()->deleteTrendSet(QStringLiteral("Press check"));
    QVERIFY(!ui::TrendsPage::trendSetNames().contains(QStringLiteral("Press check")));
}

void TestTrendsPage::screenshots()
{
    m_window->showTrend(m_pens);
    page()->setPeriod(ui::TrendsPage::Last15Min);
    QVERIFY(waitForLoad());
    widgets::TrendPlot *plot = page()->plot();
    if (!plot->cursorsVisible())
        plot->setCursorsVisible(true);
    plot->setCursorTime(0, plot->viewFrom() + 4 * 60'000);
    plot->setCursorTime(1, plot->viewFrom() + 11 * 60'000);
    QCoreApplication::processEvents();
    const QString dir = test::screenshotDir();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("trends.png"))));
    QVERIFY(page()->exportPng(QDir(dir).filePath(QStringLiteral("trends-plot.png"))));
    QVERIFY(page()->exportPdf(m_dir.filePath(QStringLiteral("trends.pdf"))));
    QVERIFY(QFile(m_dir.filePath(QStringLiteral("trends.pdf"))).size() > 1000);

    // A longer window: decimated (min-max band) data.
    page()->setPeriod(ui::TrendsPage::Last8Hours);
    QVERIFY(waitForLoad());
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("trends-8h.png"))));

    m_window->setDarkTheme(true);
    page()->setPeriod(ui::TrendsPage::Last15Min);
    QVERIFY(waitForLoad());
    QCoreApplication::processEvents();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("trends-dark.png"))));
    m_window->setDarkTheme(false);
}

void TestTrendsPage::offlineReviewOfACopiedCache()
{
    // A laptop copy: the live file sealed and copied (with its WAL), opened read-only.
    m_engine->historian()->flush();
    m_engine->historian()->sealAll();
    const QString src = m_engine->historian()->path();
    const QString copy = m_dir.filePath(QStringLiteral("copy.db"));
    QVERIFY(QFile::copy(src, copy));
    if (QFile::exists(src + QStringLiteral("-wal")))
        QVERIFY(QFile::copy(src + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
    QString error;
    QVERIFY2(page()->openHistory(copy, &error), qPrintable(error));
    QVERIFY(page()->isOffline());
    QCOMPARE(page()->pens(), m_pens); // the file has them all
    QVERIFY(waitForLoad());
    QVERIFY(!page()->plot()->followLive());
    QVERIFY(!page()->plot()->penData(0).buckets.empty());
    QCOMPARE(page()->plot()->penData(0).liveSamples, std::int64_t(0)); // nothing from memory
    QCoreApplication::processEvents(); // the plot's queued replot
    QVERIFY(m_window->grab().save(QDir(test::screenshotDir()).filePath(QStringLiteral("trends-offline.png"))));
    page()->closeHistory();
    QVERIFY(!page()->isOffline());
    QVERIFY(page()->plot()->followLive());
}

QTEST_MAIN(TestTrendsPage)
#include "tst_trends_page.moc"
