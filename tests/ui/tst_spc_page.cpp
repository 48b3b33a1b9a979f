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
#include "tests/support/test_support.h"
#include "ui/spc_page.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
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
    const ConfigResult config = ConfigLoader::loadFile(
        test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_engine = std::make_unique<Engine>(m_model);
    QString error;
    QVERIFY2(m_engine->openHistorian(m_dir->filePath(QStringLiteral("spc.db")), &error),
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
    for (TimestampMs t = start; t < now;) { // bounded: 4 h in 10-minute slices
        t = std::min(now, t + 10 * 60'000);
        m_engine->historian()->append(sim.advanceTo(t));
    }
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
