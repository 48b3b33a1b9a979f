// The Energy page offscreen on nine simulated hours of the "energy-waste" scenario (the test
// plant of tests/unit/sim_test_plant.h with an `energy:` section): the idle ranking names the
// machine that is never switched off, the air leak shows, the breakdown tree adds up, the
// demand line and forecast are drawn; screenshots energy.png / energy-dark.png at 1366x768;
// the "no historian" state.
#include "engine/engine.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"
#include "tests/unit/sim_test_plant.h"
#include "ui/energy_page.h"
#include "ui/energy_page_data.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <qcustomplot.h>

using namespace andon;
using namespace andon::simtest;

namespace {
const QSize kPageSize(1366 - 150, 768 - 50);

const QByteArray kEnergy = R"(energy:
  currency: EUR
  emission_factor: 0.4
  main_meter: { power: acme/s/main_power, energy: acme/s/main_energy }
  sub_meters:
    - { name: compressor, power: acme/s/compressor_power, energy: acme/s/compressor_energy }
  demand: { window_min: 15, mode: fixed, limit_kw: 90, warn_percent: 90 }
  tariff:
    default: { name: day, price: 0.2 }
    periods: [ { name: night, start: "22:00", end: "06:00", price: 0.1 } ]
  media:
    - { name: air, unit: Nm³, flow_tag: air_flow, total_tag: air_total,
        leak_threshold: 25, stopped_states: [off, planned_stop, idle] }
)";
} // namespace

class TstEnergyPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void contents();
    void screenshots();
    void bucketsAndPeriods();
    void trendFromValues();
    void noHistorian();

private:
    void waitForResult();
    void save(QWidget *w, const QString &name);
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QWidget> m_window;
    ui::EnergyPage *m_page = nullptr;
    QString m_waster;
};

void TstEnergyPage::waitForResult()
{
    const quint64 before = m_page->resultsApplied();
    m_page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->resultsApplied() > before, 60000);
    QTest::qWait(0);
    QCoreApplication::processEvents();
}

void TstEnergyPage::save(QWidget *w, const QString &name)
{
    const QString path = QDir(test::screenshotDir()).filePath(name);
    QVERIFY2(w->grab().save(path), qPrintable(path));
}

void TstEnergyPage::initTestCase()
{
    test::installStrictMessageHandler();
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    widgets::Theme::apply(widgets::Theme::Mode::Light);
    const QByteArray yaml = kPlant + kCalendar + kEnergy;
    const ConfigResult config = ConfigLoader::loadString(yaml, QStringLiteral("plant.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_engine = std::make_unique<Engine>(m_model);
    QString error;
    QVERIFY2(m_engine->openHistorian(m_dir->filePath(QStringLiteral("energy.db")), &error),
             qPrintable(error));
    // Saturday 00:00 .. 08:52 local: the night (waster idling, leak from 1-3 h) and the start
    // of the early shift; "now" 7 minutes into a demand window so the forecast shows.
    const TimestampMs now = kSaturday + 8 * kHour + 52 * kMinute;
    sim::SimOptions so;
    so.seed = 25;
    so.scenario = QStringLiteral("energy-waste");
    so.startMs = kSaturday;
    so.stepMs = 1000;
    so.publishPeriodMs = 1000;
    sim::PlantSimulator sim(m_model, so);
    for (TimestampMs t = kSaturday; t < now;) { // bounded: 10-minute slices
        t = std::min(now, t + 10 * kMinute);
        m_engine->historian()->append(sim.advanceTo(t));
    }
    m_engine->historian()->flush();
    for (const QJsonValue &v : sim.truth().value(u"events").toArray()) {
        if (v.toObject().value(u"type").toString() == u"energy_waste")
            m_waster = v.toObject().value(u"machine").toString().section(u'/', -1);
    }
    QVERIFY(!m_waster.isEmpty());
    m_clock = std::make_unique<ManualClock>(now);
    m_window = std::make_unique<QWidget>();
    m_window->resize(kPageSize);
    m_page = new ui::EnergyPage(m_engine.get(), m_clock.get(), m_window.get());
    m_page->setGeometry(QRect(QPoint(0, 0), kPageSize));
    m_page->periodSelector()->setCurrentIndex(0); // today
    m_page->bucketSelector()->setCurrentIndex(0); // per hour
    m_window->show();
    waitForResult();
}

void TstEnergyPage::cleanup()
{
    const QStringList unexpected = test::unexpectedWarnings();
    test::clearUnexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TstEnergyPage::contents()
{
    const auto data = m_page->data();
    QVERIFY(data);
    // Today from local midnight: 9 hour buckets (00..08, the last one running).
    QCOMPARE(data->buckets.size(), std::size_t(9));
    QCOMPARE(data->bucketLabels.first(), QStringLiteral("00"));
    // The machine that is never switched off tops the idle-energy ranking.
    QCOMPARE(m_page->idleTable()->rowCount(), 3);
    QCOMPARE(m_page->idleTable()->item(0, 0)->text(), m_waster);
    QVERIFY(m_page->idleTable()->item(0, 3)->text().endsWith(QStringLiteral("EUR")));
    // The leak on the line.
    QCOMPARE(m_page->mediaTable()->rowCount(), 1);
    QVERIFY2(m_page->mediaTable()->item(0, 3)->text().contains(QStringLiteral("leak")),
             qPrintable(m_page->mediaTable()->item(0, 3)->text()));
    // Tree: main = line + compressor + unmetered rest (children's kWh add up to the root's).
    QTreeWidgetItem *root = m_page->breakdown()->topLevelItem(0);
    QVERIFY(root);
    QCOMPARE(root->childCount(), 3); // l1, compressor, unmetered rest
    double sum = 0;
    for (int i = 0; i < root->childCount(); ++i)
        sum += root->child(i)->text(1).toDouble();
    QVERIFY2(qAbs(sum - root->text(1).toDouble()) < 0.25, qPrintable(QString::number(sum)));
    QVERIFY(m_page->demandLabel()->text().contains(QStringLiteral("Peak demand")));
    QVERIFY(m_page->demandLabel()->text().contains(QStringLiteral("projected")));
    QVERIFY(m_page->summaryLabel()->text().contains(QStringLiteral("kWh")));
    QVERIFY(m_page->productTable()->rowCount() >= 1);
    // Fits a 1366x768 laptop next to the navigation.
    QVERIFY2(m_page->minimumSizeHint().width() <= kPageSize.width(),
             qPrintable(QString::number(m_page->minimumSizeHint().width())));
    QVERIFY(m_page->minimumSizeHint().height() <= kPageSize.height());
}

void TstEnergyPage::screenshots()
{
    for (const auto mode : {widgets::Theme::Mode::Light, widgets::Theme::Mode::Dark}) {
        widgets::Theme::apply(mode);
        waitForResult();
        QCOMPARE(m_page->size(), kPageSize);
        save(m_page, mode == widgets::Theme::Mode::Light ? QStringLiteral("energy.png")
                                                         : QStringLiteral("energy-dark.png"));
    }
    widgets::Theme::apply(widgets::Theme::Mode::Light);
    waitForResult();
}

void TstEnergyPage::bucketsAndPeriods()
{
    m_page->bucketSelector()->setCurrentIndex(1); // per shift: only the early shift so far
    waitForResult();
    QCOMPARE(m_page->data()->buckets.size(), std::size_t(1));
    QVERIFY(m_page->data()->bucketLabels.first().startsWith(QStringLiteral("early")));
    m_page->periodSelector()->setCurrentIndex(2); // last 7 days, per day
    m_page->bucketSelector()->setCurrentIndex(2);
    waitForResult();
    QCOMPARE(m_page->data()->buckets.size(), std::size_t(7));
    save(m_page, QStringLiteral("energy-week.png"));
    m_page->periodSelector()->setCurrentIndex(0);
    m_page->bucketSelector()->setCurrentIndex(0);
    waitForResult();
}

// "Click any value to trend it" (issue 9): the context menus of the idle ranking, the breakdown
// and the power plot, and a double-click on the media table, ask for the tags behind the value
// over the period shown (today: local midnight, kSaturday, to "now").
void TstEnergyPage::trendFromValues()
{
    m_page->periodSelector()->setCurrentIndex(0);
    waitForResult();
    const TimestampMs now = kSaturday + 8 * kHour + 52 * kMinute; // as in initTestCase
    QSignalSpy spy(m_page, &ui::EnergyPage::trendRequested);
    const auto trigger = [](QMenu *menu, const QString &text) {
        for (QAction *a : menu->findChildren<QAction *>()) {
            if (a->text() == text) {
                a->trigger();
                return true;
            }
        }
        return false;
    };
    // Idle ranking, first row: the waster's power, energy and state.
    QTableWidget *idle = m_page->idleTable();
    const QPoint row0 = idle->visualRect(idle->model()->index(0, 1)).center();
    std::unique_ptr<QMenu> menu(m_page->createTrendMenu(idle, row0));
    QVERIFY(menu);
    const QString machine = QStringLiteral("acme/s/a/l1/") + m_waster;
    QVERIFY(trigger(menu.get(), QStringLiteral("Trend %1 power").arg(m_waster)));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toStringList(), QStringList{machine + QStringLiteral("/power")});
    QCOMPARE(spy.at(0).at(1).toLongLong(), kSaturday);
    QCOMPARE(spy.at(0).at(2).toLongLong(), now);
    QVERIFY(trigger(menu.get(), QStringLiteral("Trend all")));
    QCOMPARE(spy.at(1).at(0).toStringList(),
             (QStringList{machine + QStringLiteral("/power"), machine + QStringLiteral("/energy"),
                          machine + QStringLiteral("/state")}));
    // Breakdown: the root is the main meter.
    QTreeWidget *tree = m_page->breakdown();
    menu.reset(m_page->createTrendMenu(
            tree, tree->visualItemRect(tree->topLevelItem(0)).center()));
    QVERIFY(menu);
    QVERIFY(trigger(menu.get(), QStringLiteral("Trend main meter main_power")));
    QCOMPARE(spy.at(2).at(0).toStringList(), QStringList{QStringLiteral("acme/s/main_power")});
    // The compressor's sub-meter.
    QTreeWidgetItem *compressor = nullptr;
    for (int i = 0; i < tree->topLevelItem(0)->childCount(); ++i) {
        if (tree->topLevelItem(0)->child(i)->text(0) == QStringLiteral("compressor"))
            compressor = tree->topLevelItem(0)->child(i);
    }
    QVERIFY(compressor);
    menu.reset(m_page->createTrendMenu(tree, tree->visualItemRect(compressor).center()));
    QVERIFY(menu);
    QVERIFY(trigger(menu.get(), QStringLiteral("Trend compressor compressor_energy")));
    QCOMPARE(spy.at(3).at(0).toStringList(),
             QStringList{QStringLiteral("acme/s/compressor_energy")});
    // The power plot is the main meter too.
    menu.reset(m_page->createTrendMenu(m_page->powerPlot(), QPoint(10, 10)));
    QVERIFY(menu);
    QVERIFY(trigger(menu.get(), QStringLiteral("Trend all")));
    QCOMPARE(spy.at(4).at(0).toStringList(),
             (QStringList{QStringLiteral("acme/s/main_power"),
                          QStringLiteral("acme/s/main_energy")}));
    // Double-click on the air row: the line's flow and totaliser.
    QTableWidget *media = m_page->mediaTable();
    emit media->cellDoubleClicked(0, 1);
    QCOMPARE(spy.count(), 6);
    QCOMPARE(spy.at(5).at(0).toStringList(),
             (QStringList{QStringLiteral("acme/s/a/l1/air_flow"),
                          QStringLiteral("acme/s/a/l1/air_total")}));
    QCOMPARE(spy.at(5).at(1).toLongLong(), kSaturday);
    QCOMPARE(spy.at(5).at(2).toLongLong(), now);
}

void TstEnergyPage::noHistorian()
{
    Engine engine(m_model);
    QString error;
    QVERIFY(engine.openHistorian(QStringLiteral("-"), &error));
    QWidget window;
    window.resize(kPageSize);
    ui::EnergyPage page(&engine, m_clock.get(), &window);
    page.setGeometry(QRect(QPoint(0, 0), kPageSize));
    window.show();
    QCoreApplication::processEvents();
    auto *label = page.findChild<QLabel *>(QStringLiteral("energyNoHistorian"));
    QVERIFY(label && label->isVisible());
}

QTEST_MAIN(TstEnergyPage)
#include "tst_energy_page.moc"
