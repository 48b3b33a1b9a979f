// The SPC page on the demo plant's palletizer case_weight with the simulator's spc-drift
// scenario: trial limits, "Freeze limits…" through the dialog (reason required; the journal
// gets user and reason; the page shows the version in force), the drift flagged and listed,
// the subgroup behind a point with the machine conditions, the linked companion chart, the
// capability table, the no-historian state, and screenshots (light/dark) at the 1366x768 page
// size.
#include "core/config_loader.h"
#include "engine/engine.h"
#include "engine/spc_limits_store.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/support/sign_in.h"
#include "tests/support/test_support.h"
#include "ui/spc_page.h"
#include "widgets/pareto_chart.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <qcustomplot.h>

using namespace andon;
using namespace andon::analytics::spc;

namespace {
QtMessageHandler g_strictHandler = nullptr;

// The offscreen platform cannot resize native windows to their size hints (or raise them) and
// says so when a dialog is shown: the test platform, not Andon (as in tst_alarms_page).
void skipOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()")
        || message == QLatin1String("This plugin does not support raise()"))
        return;
    g_strictHandler(type, context, message);
}

// The page area of the main window at 1366x768 (navigation column and bars taken off).
const QSize kPageSize(1366 - 150, 768 - 50);
const QString kWeight = QStringLiteral("acme/berlin/packaging/line2/palletizer/case_weight");
} // namespace

class TstSpcPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void trialLimitsThenFreezeThroughDialog();
    void driftIsMarkedAndListed();
    void clickShowsSubgroupAndMachineConditions();
    void chartTypes();
    void screenshots();
    void medianBoxParetoCorrelation();
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
    ui::SpcPage *m_page = nullptr;
    TimestampMs m_onset = 0;
};

void TstSpcPage::waitForResult()
{
    const quint64 before = m_page->resultsApplied();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->resultsApplied() > before
            || (m_page->refresh(), false),
        30000);
    QCoreApplication::processEvents();
}

void TstSpcPage::save(QWidget *w, const QString &name)
{
    const QString path = QDir(test::screenshotDir()).filePath(name);
    QVERIFY2(w->grab().save(path), qPrintable(path));
}

void TstSpcPage::initTestCase()
{
    test::installStrictMessageHandler();
    g_strictHandler = qInstallMessageHandler(skipOffscreenNoise);
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    widgets::Theme::apply(widgets::Theme::Mode::Light);
    // The demo plant, with defect-type counters under the palletizer's reject counter (issue 8
    // Pareto): the simulator does not make them, the test writes them below.
    QFile demo(test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QByteArray yaml = demo.readAll();
    const QByteArray rejects = "                  - { name: reject_count, kind: counter, role: "
                               "reject_count, unit: parts, decimals: 0 }\n";
    QVERIFY(yaml.contains(rejects));
    QByteArray withTypes = rejects;
    withTypes.replace("decimals: 0 }", "decimals: 0, defect_types: [underweight, overweight, "
                                       "label_missing, seal_open] }");
    for (const char *type : { "underweight", "overweight", "label_missing", "seal_open" })
        withTypes += QByteArray("                  - { name: ") + type
            + ", kind: counter, unit: parts, decimals: 0 }\n";
    yaml.replace(rejects, withTypes);
    const ConfigResult config = ConfigLoader::loadString(yaml, demo.fileName());
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_engine = std::make_unique<Engine>(m_model);
    QString error;
    QVERIFY2(m_engine->openHistorian(m_dir->filePath(QStringLiteral("spc.db")), &error),
        qPrintable(error));
    // Freezing limits needs the engineer role (issue 13).
    QVERIFY2(test::signInAs(m_engine->access(), Role::Engineer, *m_dir, &error,
                 QStringLiteral("quality-engineer")),
        qPrintable(error));
    // Tuesday 13 January 2026 06:00-10:00 Berlin (the early shift), spc-drift.
    const QTimeZone berlin("Europe/Berlin");
    const TimestampMs start = QDateTime(QDate(2026, 1, 13), QTime(6, 0), berlin).toMSecsSinceEpoch();
    const TimestampMs now = QDateTime(QDate(2026, 1, 13), QTime(10, 0), berlin).toMSecsSinceEpoch();
    sim::SimOptions so;
    so.seed = 31;
    so.scenario = QStringLiteral("spc-drift");
    so.startMs = start;
    so.stepMs = 1000;
    so.publishPeriodMs = 30'000;
    sim::PlantSimulator sim(m_model, so);
    // The defect-type counters come from the test (below), not from the simulator.
    std::vector<TagId> defectTags;
    for (const TagDef &t : m_model->tags) {
        if (t.role == TagRole::RejectCount)
            defectTags.insert(defectTags.end(), t.defectTypes.begin(), t.defectTypes.end());
    }
    // Every machine with that reject_count line has them (the demo shares tag lists by anchor).
    QVERIFY(!defectTags.empty() && defectTags.size() % 4 == 0);
    for (TimestampMs t = start; t < now;) { // bounded: 4 h in 10-minute slices
        t = std::min(now, t + 10 * 60'000);
        SampleBatch batch = sim.advanceTo(t);
        batch.erase(std::remove_if(batch.begin(), batch.end(),
                        [&](const Sample &s) {
                            return std::find(defectTags.begin(), defectTags.end(), s.tag)
                                != defectTags.end();
                        }),
            batch.end());
        m_engine->historian()->append(std::move(batch));
    }
    m_engine->historian()->flush();
    // Defect-type counters: a reading every 10 minutes; overweight cases grow after 08:00.
    const QString palletizer = QStringLiteral("acme/berlin/packaging/line2/palletizer/");
    SampleBatch defects;
    double counts[4] = { 120, 300, 40, 12 };
    int k = 0;
    for (TimestampMs t = start; t <= now; t += 10 * 60'000, ++k) {
        const char *names[4] = { "underweight", "overweight", "label_missing", "seal_open" };
        for (int i = 0; i < 4; ++i)
            defects.push_back(Sample { m_model->tagIdByPath(palletizer + QLatin1String(names[i])),
                t, counts[i], Quality::Good });
        counts[0] += 1;
        counts[1] += t >= start + 2 * 3'600'000 ? 4 : 1;
        counts[2] += k % 3 == 0 ? 1 : 0;
        counts[3] += k % 5 == 0 ? 1 : 0;
    }
    m_engine->historian()->append(std::move(defects));
    m_engine->historian()->flush();
    for (const QJsonValue &v : sim.truth().value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("tag")).toString() == kWeight)
            m_onset = static_cast<TimestampMs>(e.value(QStringLiteral("start_ms")).toDouble());
    }
    QVERIFY(m_onset > start && m_onset < now);

    m_clock = std::make_unique<ManualClock>(now);
    m_window = std::make_unique<QWidget>();
    m_window->resize(kPageSize);
    m_page = new ui::SpcPage(m_engine.get(), m_clock.get(), m_window.get());
    m_page->setGeometry(QRect(QPoint(0, 0), kPageSize));
    m_page->setChart(ChartType::XbarR);
    m_page->setSubgroupSize(5);
    m_page->setWindow(ui::SpcPage::Last8h);
    m_page->setView(ui::SpcPage::ControlChartView); // the view is remembered (QSettings)
    m_window->show();
    QElapsedTimer timer;
    timer.start();
    waitForResult();
    qInfo("first result after %lld ms; page minimum size %dx%d", timer.elapsed(),
        m_page->minimumSizeHint().width(), m_page->minimumSizeHint().height());
}

void TstSpcPage::cleanup()
{
    const QStringList unexpected = test::unexpectedWarnings();
    test::clearUnexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TstSpcPage::trialLimitsThenFreezeThroughDialog()
{
    QCOMPARE(m_page->characteristics().size(), std::size_t(1));
    QCOMPARE(m_page->characteristics()[0].path, kWeight);
    const SpcChart *chart = m_page->currentChart();
    QVERIFY(chart);
    QVERIFY(!chart->frozen);
    QVERIFY(m_page->limitsLabel()->text().contains(QStringLiteral("Trial limits")));

    // Without a reason nothing is frozen.
    QString error;
    QVERIFY(!m_page->freezeLimits(QStringLiteral("  "), &error));
    QVERIFY(error.contains(QStringLiteral("reason")));

    QDialog *dialog = m_page->openFreezeDialog();
    QVERIFY(dialog);
    auto *reason = dialog->findChild<QLineEdit *>(QStringLiteral("spcFreezeReason"));
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(reason && buttons);
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    save(dialog, QStringLiteral("spc-freeze-dialog.png"));
    QTest::keyClicks(reason, QStringLiteral("Initial study, early shift"));
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    const quint64 before = m_page->resultsApplied();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->resultsApplied() > before, 30000);
    chart = m_page->currentChart();
    QVERIFY(chart && chart->frozen);
    QCOMPARE(chart->result.limits.version, 1);
    QCOMPARE(chart->result.limits.frozenBy, QStringLiteral("quality-engineer"));
    const QString shown = m_page->limitsLabel()->text();
    QVERIFY2(shown.contains(QStringLiteral("version 1"))
            && shown.contains(QStringLiteral("quality-engineer"))
            && shown.contains(QStringLiteral("Initial study, early shift")),
        qPrintable(shown));
    // The journal has it (user and reason), and the store serves it.
    storage::EventQuery q;
    q.categories = { QStringLiteral("spc") };
    q.kindPrefix = QStringLiteral("limits.freeze");
    const auto events = m_engine->historian()->events(q);
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events[0].user, QStringLiteral("quality-engineer"));
    QVERIFY(events[0].message.contains(QStringLiteral("Initial study")));
}

void TstSpcPage::driftIsMarkedAndListed()
{
    const SpcChart *chart = m_page->currentChart();
    QVERIFY(chart && chart->frozen);
    // Some violation at a subgroup made after the onset, and the table lists every violation.
    bool afterOnset = false;
    for (const Violation &v : chart->result.violations)
        afterOnset |= chart->result.subgroups[std::size_t(v.point)].firstMs >= m_onset;
    QVERIFY(afterOnset);
    QCOMPARE(m_page->violationTable()->rowCount(), int(chart->result.violations.size()));
    QVERIFY(m_page->violationTable()->item(0, 0)->text().contains(QLatin1Char('N')));
    // The control chart has the violation markers; the companion R chart follows its x range.
    bool markers = false;
    for (int i = 0; i < m_page->controlChart()->graphCount(); ++i) {
        const QCPGraph *g = m_page->controlChart()->graph(i);
        if (g->name() == QStringLiteral("Beyond limits") || g->name() == QStringLiteral("Run rule"))
            markers |= !g->data()->isEmpty();
    }
    QVERIFY(markers);
    QCOMPARE(m_page->secondaryChart()->xAxis->range(), m_page->controlChart()->xAxis->range());
    // Capability: the indices and the normality line are there.
    QVERIFY(m_page->capabilityTable()->rowCount() >= 9);
    QVERIFY(m_page->capabilityTable()->item(0, 0)->text().startsWith(QStringLiteral("Cp")));
}

void TstSpcPage::clickShowsSubgroupAndMachineConditions()
{
    const SpcChart *chart = m_page->currentChart();
    QVERIFY(chart);
    // The first violation after the onset, as the engineer would click it in the table.
    int point = -1;
    for (const Violation &v : chart->result.violations) {
        if (chart->result.subgroups[std::size_t(v.point)].firstMs >= m_onset) {
            point = v.point;
            break;
        }
    }
    QVERIFY(point >= 0);
    QSignalSpy shown(m_page, &ui::SpcPage::detailsShown);
    // A click on the plot at that subgroup's x position.
    QCustomPlot *plot = m_page->controlChart();
    const QPoint at(int(plot->xAxis->coordToPixel(point + 1)),
        int(plot->yAxis->coordToPixel(plot->yAxis->range().center())));
    QTest::mouseClick(plot, Qt::LeftButton, {}, at);
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0, 30000);
    QCOMPARE(m_page->selectedSubgroup(), point);
    QStringList rows;
    for (int r = 0; r < m_page->detailsTable()->rowCount(); ++r)
        rows << m_page->detailsTable()->item(r, 0)->text() + QStringLiteral(": ")
                + m_page->detailsTable()->item(r, 1)->text();
    const QString all = rows.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("Values:")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Machine: motor_temp:")) && all.contains(QStringLiteral("°C")),
        qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Rule:")), qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("motor_temp: no value")), qPrintable(all));
}

void TstSpcPage::chartTypes()
{
    for (ChartType t : { ChartType::IMR, ChartType::XbarS, ChartType::Ewma, ChartType::Cusum,
             ChartType::XbarR }) {
        m_page->setChart(t);
        waitForResult();
        const SpcChart *chart = m_page->currentChart();
        QVERIFY(chart);
        QCOMPARE(chart->result.type, t);
        QVERIFY2(chart->error.isEmpty(), qPrintable(chart->error));
        // Limits are frozen per chart type: only X-bar/R has a frozen version.
        QCOMPARE(chart->frozen, t == ChartType::XbarR);
    }
}

void TstSpcPage::screenshots()
{
    // The subgroup of the first post-onset violation stays selected for the shots.
    for (const auto mode : { widgets::Theme::Mode::Light, widgets::Theme::Mode::Dark }) {
        widgets::Theme::apply(mode);
        waitForResult();
        QCOMPARE(m_page->size(), kPageSize);
        save(m_page, mode == widgets::Theme::Mode::Light ? QStringLiteral("spc.png")
                                                         : QStringLiteral("spc-dark.png"));
    }
    widgets::Theme::apply(widgets::Theme::Mode::Light);
}

void TstSpcPage::medianBoxParetoCorrelation()
{
    // Median chart (X~-R): subgroup medians on the primary chart, R chart below.
    m_page->setChart(ChartType::Median);
    waitForResult();
    const SpcChart *chart = m_page->currentChart();
    QVERIFY(chart);
    QCOMPARE(chart->result.type, ChartType::Median);
    QCOMPARE(chart->result.primary.name, QStringLiteral("median"));
    QVERIFY2(chart->error.isEmpty(), qPrintable(chart->error));
    save(m_page, QStringLiteral("spc-median.png"));

    // Box-and-whisker view of the same subgroups.
    m_page->setChart(ChartType::XbarR);
    waitForResult();
    m_page->setView(ui::SpcPage::BoxPlotView);
    QVERIFY(m_page->boxPlot());
    chart = m_page->currentChart();
    QCOMPARE(m_page->boxPlot()->dataCount(), int(chart->result.subgroups.size()));
    save(m_page, QStringLiteral("spc-boxplot.png"));
    m_page->setView(ui::SpcPage::ControlChartView);
    QVERIFY(!m_page->boxPlot());

    // Pareto of the palletizer's defect types over the window.
    m_page->showPareto();
    waitForResult();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->data()->paretos || (m_page->refresh(), false), 30000);
    waitForResult();
    QTableWidget *pareto = m_page->paretoTable();
    QVERIFY(pareto->rowCount() >= 4);
    QCOMPARE(pareto->item(0, 0)->text(), QStringLiteral("overweight"));
    QCOMPARE(pareto->item(pareto->rowCount() - 1, 3)->text(), QStringLiteral("100.0 %"));
    QCOMPARE(m_page->paretoChart()->categories().front(), QStringLiteral("overweight"));
    save(m_page, QStringLiteral("spc-pareto.png"));

    // What differs when out of control: the machine's process tags, ranked.
    m_page->showCorrelation();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->data()->correlation || (m_page->refresh(), false), 30000);
    waitForResult();
    QVERIFY(m_page->correlationTable()->rowCount() > 0);
    save(m_page, QStringLiteral("spc-correlation.png"));
}

// "Click any value to trend it" (issue 9): the characteristic's tag from the control chart, a
// correlation row's process tag with it, over the analysed window (the current shift live).
void TstSpcPage::trendFromValues()
{
    m_page->setChart(ChartType::XbarR);
    m_page->setWindow(ui::SpcPage::Last8h);
    m_page->showCorrelation();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->data()->correlation || (m_page->refresh(), false), 30000);
    waitForResult();
    // Last 8 h before 10:00 starts with the shift running at 02:00: the night shift from
    // 2026-01-12 22:00 Berlin (demo-plant.yaml calendar); it ends at "now", 10:00.
    const QTimeZone berlin("Europe/Berlin");
    const TimestampMs from = QDateTime(QDate(2026, 1, 12), QTime(22, 0), berlin).toMSecsSinceEpoch();
    const TimestampMs to = QDateTime(QDate(2026, 1, 13), QTime(10, 0), berlin).toMSecsSinceEpoch();
    QSignalSpy spy(m_page, &ui::SpcPage::trendRequested);

    std::unique_ptr<QMenu> menu(m_page->createTrendMenu(m_page->controlChart(), QPoint(50, 50)));
    QVERIFY(menu);
    QList<QAction *> actions = menu->actions();
    QCOMPARE(actions.size(), 1); // the characteristic alone
    QVERIFY2(actions[0]->text().startsWith(QStringLiteral("Trend ")), qPrintable(actions[0]->text()));
    QVERIFY2(actions[0]->text().contains(QStringLiteral("case_weight")), qPrintable(actions[0]->text()));
    actions[0]->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toStringList(), QStringList{kWeight});
    QCOMPARE(spy.at(0).at(1).toLongLong(), from);
    QCOMPARE(spy.at(0).at(2).toLongLong(), to);

    // The correlation table's first row: its process tag, the characteristic, and both.
    QTableWidget *table = m_page->correlationTable();
    QVERIFY(table->rowCount() > 0);
    menu.reset(m_page->createTrendMenu(
        table, table->visualRect(table->model()->index(0, 1)).center()));
    QVERIFY(menu);
    QAction *all = nullptr;
    int trendEntries = 0;
    for (QAction *a : menu->actions()) {
        if (a->text() == QStringLiteral("Trend all"))
            all = a;
        else if (a->text() == QStringLiteral("Trend %1").arg(table->item(0, 0)->text()))
            ++trendEntries;
    }
    QCOMPARE(trendEntries, 1);
    QVERIFY(all);
    all->trigger();
    QCOMPARE(spy.count(), 2);
    const QStringList paths = spy.at(1).at(0).toStringList();
    QCOMPARE(paths.size(), 2);
    QVERIFY2(paths[0].startsWith(QStringLiteral("acme/berlin/packaging/line2/palletizer/")),
        qPrintable(paths[0]));
    QCOMPARE(paths[1], kWeight);
    QCOMPARE(spy.at(1).at(1).toLongLong(), from);
    QCOMPARE(spy.at(1).at(2).toLongLong(), to);

    // The current shift is followed live (0, 0); double-click on the histogram.
    m_page->setWindow(ui::SpcPage::CurrentShift);
    waitForResult();
    emit m_page->histogram()->mouseDoubleClick(nullptr);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toStringList(), QStringList{kWeight});
    QCOMPARE(spy.at(2).at(1).toLongLong(), 0);
    QCOMPARE(spy.at(2).at(2).toLongLong(), 0);
    m_page->setWindow(ui::SpcPage::Last8h);
    waitForResult();
}

void TstSpcPage::noHistorian()
{
    Engine engine(m_model);
    QString error;
    QVERIFY(engine.openHistorian(QStringLiteral("-"), &error));
    QWidget window;
    window.resize(kPageSize);
    ui::SpcPage page(&engine, m_clock.get(), &window);
    page.setGeometry(QRect(QPoint(0, 0), kPageSize));
    window.show();
    QCoreApplication::processEvents();
    QVERIFY(!page.freezeButton()->isEnabled());
    QVERIFY(!page.freezeLimits(QStringLiteral("x"), &error));
    QVERIFY(error.contains(QStringLiteral("historian")));
    bool said = false;
    for (auto *label : page.findChildren<QLabel *>())
        said |= label->isVisible() && label->text().contains(QStringLiteral("No historian"));
    QVERIFY(said);
}

QTEST_MAIN(TstSpcPage)
#include "tst_spc_page.moc"
