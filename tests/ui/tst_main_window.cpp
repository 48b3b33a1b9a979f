// MainWindow offscreen: the demo plant fed by the in-process simulator through the Engine's
// ingest path. Checks the overview tiles against the TagStore (state, counts, process values),
// that every line fits at 1366x768 without scrolling, opens a faceplate with a click, toggles
// the theme, and saves screenshots (1366x768, 1920x1080, 3840x2160) for review.
#include "core/config_loader.h"
#include "engine/engine.h"
#include "models/machine_tile_model.h"
#include "models/tag_table_model.h"
#include "sim/plant_simulator.h"
#include "tests/support/test_support.h"
#include "ui/energy_page.h"
#include "ui/faceplate_dialog.h"
#include "ui/main_window.h"
#include "ui/maintenance_page.h"
#include "ui/oee_page.h"
#include "ui/overview_page.h"
#include "ui/placeholder_page.h"
#include "ui/spc_page.h"
#include "ui/trends_page.h"
#include "widgets/machine_tile.h"
#include "widgets/theme.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QHelpEvent>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>

#include <cmath>

using namespace andon;

namespace {
// 2026-03-02T09:00:00Z: a Monday morning shift in Berlin.
const TimestampMs kStart = QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
constexpr TimestampMs kFeedMs = 8 * 60'000; // eight simulated minutes
constexpr TimestampMs kStepMs = 1000;
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void overviewShowsMachinesAndStates();
    void allLinesFitWithoutScrolling();
    void tilesShowProcessValues();
    void doubtfulValueIsGreyedWithReason();
    void clickOpensFaceplate();
    void keyboardNavigation();
    void placeholderPagesSayWhatTheyWillShow();
    void valuesOpenTheirTrend();
    void darkTheme();
    void screenshots_data();
    void screenshots();

private:
    void feed(TimestampMs until);
    void verifyTilesFit(const char *where);
    void save(QWidget *widget, const QString &name);

    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<sim::PlantSimulator> m_sim;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ui::MainWindow> m_window;
    TimestampMs m_simNow = 0;
};

void TestMainWindow::feed(TimestampMs until)
{
    // Bounded: one step per simulated second.
    for (; m_simNow < until; m_simNow += kStepMs)
        m_engine->ingest(m_sim->advanceTo(m_simNow + kStepMs));
    m_clock->set(m_simNow);
}

void TestMainWindow::save(QWidget *widget, const QString &name)
{
    const QString path = QDir(test::screenshotDir()).filePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

// Every tile lies fully inside the visible part of the overview and nothing scrolls.
void TestMainWindow::verifyTilesFit(const char *where)
{
    ui::OverviewPage *overview = m_window->overviewPage();
    QWidget *viewport = overview->scrollArea()->viewport();
    QCOMPARE(overview->scrollArea()->verticalScrollBar()->maximum(), 0);
    QVERIFY(overview->tileCount() > 0);
    for (int row = 0; row < overview->tileCount(); ++row) {
        widgets::MachineTile *tile = overview->tile(row);
        QVERIFY2(tile->isVisible(), qPrintable(tile->objectName()));
        const QRect r(tile->mapTo(viewport, QPoint(0, 0)), tile->size());
        QVERIFY2(viewport->rect().contains(r),
                 qPrintable(QStringLiteral("%1: %2 at %3,%4 %5x%6 outside the %7x%8 viewport")
                                .arg(QLatin1String(where), tile->objectName())
                                .arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())
                                .arg(viewport->width()).arg(viewport->height())));
        QVERIFY2(r.size().width() >= tile->minimumSizeHint().width()
                     && r.size().height() >= tile->minimumSizeHint().height(),
                 qPrintable(tile->objectName()));
    }
}

// "Click any value to trend it" (issue 9): the OEE page's request for the current shift (0, 0)
// opens the Trends page with that pen over the current shift; the Energy, SPC and Maintenance
// pages' requests with a range open it with that range.
void TestMainWindow::valuesOpenTheirTrend()
{
    // The window runs without a historian ("-"): the pages' menus are tested with their pages;
    // here their requests.
    m_window->showPage(ui::MainWindow::OeePage);
    const TagDef &good = m_model->tags[m_model->machines[0].roleTag(TagRole::GoodCount)];
    emit m_window->oeePage()->trendRequested({good.path}, 0, 0);
    QCOMPARE(m_window->currentPage(), int(ui::MainWindow::TrendsPage));
    QCOMPARE(m_window->trendsPage()->pens(), QStringList{good.path});
    QCOMPARE(m_window->trendsPage()->period(), ui::TrendsPage::CurrentShift);

    // A range from the other pages: the Trends page shows it as a custom range.
    const QString tag = m_model->tags[m_model->machines[1].tags.front()].path;
    auto *energy = qobject_cast<ui::EnergyPage *>(m_window->page(ui::MainWindow::EnergyPage));
    QVERIFY(energy);
    const QList<QObject *> pages{energy, m_window->spcPage(), m_window->maintenancePage()};
    for (QObject *page : pages) {
        m_window->showPage(ui::MainWindow::OverviewPageId);
        if (page == energy)
            emit energy->trendRequested({tag}, kStart - 3'600'000, kStart);
        else if (page == m_window->spcPage())
            emit m_window->spcPage()->trendRequested({tag}, kStart - 3'600'000, kStart);
        else
            emit m_window->maintenancePage()->trendRequested({tag}, kStart - 3'600'000, kStart);
        QCOMPARE(m_window->currentPage(), int(ui::MainWindow::TrendsPage));
        QCOMPARE(m_window->trendsPage()->pens(), QStringList{tag});
        QCOMPARE(m_window->trendsPage()->period(), ui::TrendsPage::Custom);
    }
    // A custom range with its editors and the long range text still fits a 1366-px screen.
    QVERIFY2(m_window->minimumSizeHint().width() <= 1366,
             qPrintable(QString::number(m_window->minimumSizeHint().width())));
    m_window->showPage(ui::MainWindow::OverviewPageId);
}

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    const ConfigResult config =
        ConfigLoader::loadFile(test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;
    m_engine = std::make_unique<Engine>(m_model);
    QString error;
    QVERIFY2(m_engine->openHistorian(QStringLiteral("-"), &error), qPrintable(error));
    sim::SimOptions options;
    options.seed = 7;
    options.startMs = kStart;
    m_sim = std::make_unique<sim::PlantSimulator>(m_model, options);
    m_simNow = kStart;
    m_clock = std::make_unique<ManualClock>(kStart);
    feed(kStart + kFeedMs);
    QVERIFY(m_engine->samplesIngested() > 0);

    widgets::Theme::apply(widgets::Theme::Mode::Light);
    m_window = std::make_unique<ui::MainWindow>(m_engine.get(), m_clock.get());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->refreshNow();
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    m_engine.reset();
}

void TestMainWindow::overviewShowsMachinesAndStates()
{
    ui::OverviewPage *overview = m_window->overviewPage();
    // "All lines" first, then each line; the default shows the whole plant.
    QCOMPARE(overview->lineSelector()->count(), int(m_model->lines.size()) + 1);
    QCOMPARE(overview->lineSelector()->itemText(0), QStringLiteral("All lines"));
    QCOMPARE(overview->line(), ui::OverviewPage::AllLines);
    QCOMPARE(overview->sectionCount(), int(m_model->lines.size()));
    int machines = 0;
    for (const Line &l : m_model->lines)
        machines += int(l.machines.size());
    QCOMPARE(overview->tileCount(), machines);
    for (int line = 0; line < int(m_model->lines.size()); ++line) {
        overview->setLine(line);
        feed(m_simNow + 5 * kStepMs);
        m_window->refreshNow();
        const Line &l = m_model->lines[std::size_t(line)];
        QCOMPARE(overview->tileCount(), int(l.machines.size()));
        for (int row = 0; row < overview->tileCount(); ++row) {
            const Machine &m = m_model->machines[std::size_t(l.machines[std::size_t(row)])];
            const widgets::MachineTileContent &tile = overview->tile(row)->content();
            QCOMPARE(tile.name, m.name);
            QVERIFY(overview->tile(row)->isVisible());
            // The tile's state text names the state the TagStore holds.
            const TagValue state = m_engine->tagStore().latest(m.roleTag(TagRole::State));
            QVERIFY2(state.hasValue, qPrintable(m.path));
            const StateDef *def = m.state(int(std::lround(state.value)));
            QVERIFY2(def, qPrintable(m.path));
            QVERIFY2(tile.stateText.contains(def->name),
                     qPrintable(tile.stateText + QStringLiteral(" / ") + def->name));
            QCOMPARE(tile.category, isBad(state.q) ? StateCategory::Unknown : def->category);
            const TagValue good = m_engine->tagStore().latest(m.roleTag(TagRole::GoodCount));
            QCOMPARE(tile.goodCount, good.value);
        }
    }
    overview->setLine(ui::OverviewPage::AllLines);
    QCOMPARE(overview->tileCount(), machines);
    m_window->refreshNow();
}

void TestMainWindow::allLinesFitWithoutScrolling()
{
    ui::OverviewPage *overview = m_window->overviewPage();
    overview->setLine(ui::OverviewPage::AllLines);
    m_window->resize(1366, 768);
    m_window->showPage(ui::MainWindow::OverviewPageId);
    QCoreApplication::processEvents();
    QCOMPARE(m_window->size(), QSize(1366, 768));
    QCOMPARE(overview->sectionCount(), 2);
    QCOMPARE(overview->tileCount(), 8);
    verifyTilesFit("1366x768");
    // Both lines' tiles in one row each: line 2's tiles lie below line 1's.
    QVERIFY(overview->tile(4)->mapTo(m_window.get(), QPoint(0, 0)).y()
            > overview->tile(0)->mapTo(m_window.get(), QPoint(0, 0)).y() + overview->tile(0)->height());
}

void TestMainWindow::tilesShowProcessValues()
{
    ui::OverviewPage *overview = m_window->overviewPage();
    overview->setLine(ui::OverviewPage::AllLines);
    feed(m_simNow + 3 * kStepMs);
    m_window->refreshNow();
    const QLocale locale; // C, set in initTestCase
    int checked = 0;
    for (int row = 0; row < overview->tileCount(); ++row) {
        const Machine &m = m_model->machines[std::size_t(overview->model()->tile(row).machine)];
        // Expected: the machine's analog tags without a role, in config order, at most three.
        QList<TagId> expected;
        for (TagId id : m.tags) {
            const TagDef &t = m_model->tags[id];
            if (t.kind == TagKind::Analog && t.role == TagRole::None && expected.size() < 3)
                expected.append(id);
        }
        const widgets::MachineTileContent &content = overview->tile(row)->content();
        QCOMPARE(content.values.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const TagDef &t = m_model->tags[expected[i]];
            const TagValue v = m_engine->tagStore().latest(expected[i]);
            QVERIFY2(v.hasValue, qPrintable(t.path));
            QCOMPARE(content.values[i].valueText, locale.toString(v.value, 'f', t.decimals));
            QCOMPARE(content.values[i].unit, t.unit);
            QCOMPARE(content.values[i].quality, v.q);
            // Painted inside the tile.
            const QRect r = overview->tile(row)->valueRect(int(i));
            QVERIFY2(!r.isEmpty() && overview->tile(row)->rect().contains(r), qPrintable(t.path));
            ++checked;
        }
    }
    // The demo plant gives every machine motor_temp, vibration_rms and power.
    QCOMPARE(checked, 3 * overview->tileCount());
}

void TestMainWindow::doubtfulValueIsGreyedWithReason()
{
    // A stale process value keeps its last digits but carries ⚠ and explains itself on hover.
    widgets::MachineTile tile;
    widgets::MachineTileContent content;
    content.name = QStringLiteral("press");
    content.stateText = QStringLiteral("Running (3 min)");
    content.category = StateCategory::Running;
    content.values = {{QStringLiteral("Motor temp"), QStringLiteral("53.4"), QStringLiteral("°C"),
                       Quality::Good, QString(), QString()},
                      {QStringLiteral("Power"), QStringLiteral("12.10"), QStringLiteral("kW"),
                       Quality::BadStale, qualityDescription(Quality::BadStale), QString()}};
    tile.setContent(content);
    tile.resize(tile.minimumSizeHint());
    tile.setAttribute(Qt::WA_ShowWithoutActivating); // the main window keeps the focus
    tile.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tile));
    QVERIFY(!tile.valueRect(1).isEmpty());
    QVERIFY(tile.valueRect(2).isEmpty()); // only two values
    QHelpEvent help(QEvent::ToolTip, tile.valueRect(1).center(),
                    tile.mapToGlobal(tile.valueRect(1).center()));
    QApplication::sendEvent(&tile, &help);
    QTRY_COMPARE(QToolTip::text(),
                 QStringLiteral("⚠ Power: ") + qualityDescription(Quality::BadStale));
    save(&tile, QStringLiteral("tile-stale-value.png"));
    QToolTip::hideText();
    tile.hide();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::clickOpensFaceplate()
{
    ui::OverviewPage *overview = m_window->overviewPage();
    QVERIFY(overview->tileCount() > 1);
    const int machine = overview->model()->tile(1).machine;
    QTest::mouseClick(overview->tile(1), Qt::LeftButton);
    ui::FaceplateDialog *faceplate = nullptr;
    for (auto *d : m_window->findChildren<ui::FaceplateDialog *>()) {
        if (d->machine() == machine)
            faceplate = d;
    }
    QVERIFY(faceplate);
    QVERIFY(faceplate->isVisible());
    QVERIFY(!faceplate->isModal());
    const Machine &m = m_model->machines[std::size_t(machine)];
    QCOMPARE(faceplate->model()->rowCount(), int(m.tags.size()));
    for (int row = 0; row < faceplate->model()->rowCount(); ++row) {
        QCOMPARE(faceplate->model()->index(row, models::TagTableModel::NameColumn).data().toString(),
                 m_model->tags[m.tags[std::size_t(row)]].name);
    }
    faceplate->refresh();
    faceplate->resize(900, 420);
    save(faceplate, QStringLiteral("faceplate.png"));
    // A second click raises the same faceplate instead of opening another.
    QTest::mouseClick(overview->tile(1), Qt::LeftButton);
    int count = 0;
    for (auto *d : m_window->findChildren<ui::FaceplateDialog *>())
        count += d->machine() == machine ? 1 : 0;
    QCOMPARE(count, 1);
    faceplate->close();
}

void TestMainWindow::keyboardNavigation()
{
    m_window->activateWindow();
    for (int p = ui::MainWindow::PageCount - 1; p >= 0; --p) {
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + p), Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), p);
    }
}

void TestMainWindow::placeholderPagesSayWhatTheyWillShow()
{
    for (int p = ui::MainWindow::OeePage; p <= ui::MainWindow::MaintenancePage; ++p) {
        m_window->showPage(p);
        QWidget *page = m_window->page(p);
        if (!qobject_cast<ui::PlaceholderPage *>(page))
            continue; // a real page by now (OEE, Trends)
        QStringList texts;
        for (auto *label : page->findChildren<QLabel *>())
            texts << label->text();
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("Not configured yet")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("This page will show")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("It comes with")), qPrintable(all));
    }
    m_window->showPage(ui::MainWindow::OverviewPageId);
}

void TestMainWindow::darkTheme()
{
    QVERIFY(!m_window->isDarkTheme());
    m_window->darkThemeAction()->trigger();
    QVERIFY(m_window->isDarkTheme());
    QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(0x26, 0x26, 0x26));
    QCOMPARE(widgets::Theme::colors().panel, QColor(0x32, 0x32, 0x32));
    m_window->darkThemeAction()->trigger();
    QVERIFY(!m_window->isDarkTheme());
    QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(0xE4, 0xE4, 0xE4));
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("1366x768") << QSize(1366, 768) << QString();
    QTest::newRow("1920x1080") << QSize(1920, 1080) << QStringLiteral("-1920x1080");
    QTest::newRow("3840x2160") << QSize(3840, 2160) << QStringLiteral("-3840x2160");
}

void TestMainWindow::screenshots()
{
    QFETCH(QSize, size);
    QFETCH(QString, suffix);
    m_window->resize(size);
    QCoreApplication::processEvents();
    feed(m_simNow + 2 * kStepMs);

    m_window->setDarkTheme(false);
    m_window->showPage(ui::MainWindow::OverviewPageId);
    m_window->refreshNow();
    QCoreApplication::processEvents();
    // Level-1 page: every tile fits without scrolling, and a bigger screen gets bigger tiles
    // (content scale > 1) instead of empty space.
    ui::OverviewPage *overview = m_window->overviewPage();
    QCOMPARE(overview->line(), ui::OverviewPage::AllLines);
    QCOMPARE(m_window->size(), size);
    verifyTilesFit(qPrintable(suffix));
    if (size.width() >= 1920)
        QVERIFY2(overview->tile(0)->contentScale() > 1.3,
                 qPrintable(QString::number(overview->tile(0)->contentScale())));
    save(m_window.get(), QStringLiteral("overview-light%1.png").arg(suffix));
    // One line picked in the selector: its tiles fill the page (bigger, in a grid).
    overview->setLine(0);
    m_window->refreshNow();
    QCoreApplication::processEvents();
    verifyTilesFit("line 1");
    save(m_window.get(), QStringLiteral("overview-line1%1.png").arg(suffix));
    overview->setLine(ui::OverviewPage::AllLines);
    m_window->refreshNow();
    QCoreApplication::processEvents();
    m_window->setDarkTheme(true);
    QCoreApplication::processEvents();
    save(m_window.get(), QStringLiteral("overview-dark%1.png").arg(suffix));
    m_window->setDarkTheme(false);
    for (int p = ui::MainWindow::OeePage; p < ui::MainWindow::PageCount; ++p) {
        m_window->showPage(p);
        m_window->refreshNow();
        QCoreApplication::processEvents();
        save(m_window.get(), ui::MainWindow::pageId(p) % suffix % QStringLiteral(".png"));
    }
    m_window->showPage(ui::MainWindow::OverviewPageId);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
