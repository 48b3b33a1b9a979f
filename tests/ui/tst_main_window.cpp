// MainWindow offscreen: the demo plant fed by the in-process simulator through the Engine's
// ingest path. Checks the overview tiles against the TagStore, opens a faceplate with a
// click, toggles the theme, and saves screenshots (1366x768 and 1920x1080) for review.
#include "core/config_loader.h"
#include "engine/engine.h"
#include "models/machine_tile_model.h"
#include "models/tag_table_model.h"
#include "sim/plant_simulator.h"
#include "tests/support/test_support.h"
#include "ui/faceplate_dialog.h"
#include "ui/main_window.h"
#include "ui/overview_page.h"
#include "widgets/machine_tile.h"
#include "widgets/theme.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

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
    void clickOpensFaceplate();
    void keyboardNavigation();
    void placeholderPagesSayWhatTheyWillShow();
    void darkTheme();
    void screenshots_data();
    void screenshots();

private:
    void feed(TimestampMs until);
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
    QCOMPARE(overview->lineSelector()->count(), int(m_model->lines.size()));
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
    overview->setLine(0);
    m_window->refreshNow();
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
    // Level-1 page: every tile fits without scrolling.
    ui::OverviewPage *overview = m_window->overviewPage();
    for (int row = 0; row < overview->tileCount(); ++row) {
        const QRect r(overview->tile(row)->mapTo(m_window.get(), QPoint(0, 0)),
                      overview->tile(row)->size());
        QVERIFY2(m_window->rect().contains(r), qPrintable(overview->tile(row)->objectName()));
    }
    save(m_window.get(), QStringLiteral("overview-light%1.png").arg(suffix));
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
