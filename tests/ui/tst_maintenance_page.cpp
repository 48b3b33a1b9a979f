// The Maintenance page offscreen on the demo plant with the simulator's bearing-failure
// scenario (seed 4242, as tests/integration/tst_health_sim.cpp, on a coarser 10 s grid) written
// in-process into the Engine's historian and judged 70 % of the way from the fault's onset to
// the truth's zone C crossing: the failing machine (from the truth file, not from the code under
// test) is first in the fleet table and its detail shows the remaining life with its band and
// the projection on the trend; a service recorded through the dialog lands in the event journal
// with the user and the text (an empty text is refused in the dialog); the CSV and PDF work
// lists (pdftotext: machine names in urgency order; pdftoppm: page 1 as PNG); screenshots
// maintenance.png and maintenance-dark.png at the page size of a 1366x768 window. The dialog
// resets only the checked counters (service-dialog.png). The Engine's plant is the demo plant
// plus online oil sensors on the palletizer (the simulator has none: its samples are mapped by
// path); oil samples in alarm written at the end make the palletizer the most urgent machine
// with its ISO 4406 code in the "why" column and the detail (maintenance-oil.png).
#include "core/config_loader.h"
#include "engine/engine.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/support/sign_in.h"
#include "tests/support/test_support.h"
#include "ui/current_user.h"
#include "ui/maintenance_page.h"
#include "ui/service_dialog.h"
#include "widgets/theme.h"
#include "widgets/trend_plot.h"

#include <QApplication>
#include <QCheckBox>
#include <QJsonDocument>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <qcustomplot.h>

using namespace andon;

namespace {
// The page area of the main window at 1366x768 (navigation ~150 px, menu and status bar).
const QSize kPageSize(1366 - 150, 768 - 50);

struct Run
{
    int exitCode = -1;
    QString out, err;
};

Run run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(60'000)) {
        r.err = program + QStringLiteral(": ") + p.errorString();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QtMessageHandler g_strictHandler = nullptr;

// The offscreen platform cannot resize native windows to their size hints (or raise them) and
// says so when the service dialog is shown: the test platform, not Andon (as in tst_alarms_page).
void skipOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()")
        || message == QLatin1String("This plugin does not support raise()"))
        return;
    g_strictHandler(type, context, message);
}
} // namespace

class TstMaintenancePage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void failingMachineFirst();
    void detailShowsRul();
    void trendFromValues();
    void screenshots();
    void csvExport();
    void pdfWorkList();
    void recordServiceThroughDialog();
    void oilInDetailAndFleet();

private:
    void waitForResult();
    int failingIndex() const;

    QTemporaryDir m_dir;
    std::shared_ptr<PlantModel> m_model;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QWidget> m_window;
    ui::MaintenancePage *m_page = nullptr; // child of m_window
    QString m_failing;
    TimestampMs m_onset = 0, m_zoneC = 0, m_now = 0;
};

void TstMaintenancePage::waitForResult()
{
    const quint64 before = m_page->resultsApplied();
    m_page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->resultsApplied() > before, 60000);
    QTest::qWait(0);
    QCoreApplication::processEvents();
}

int TstMaintenancePage::failingIndex() const
{
    for (int i = 0; i < int(m_model->machines.size()); ++i)
        if (m_model->machines[std::size_t(i)].path == m_failing)
            return i;
    return -1;
}

void TstMaintenancePage::initTestCase()
{
    test::installStrictMessageHandler();
    g_strictHandler = qInstallMessageHandler(skipOffscreenNoise);
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    widgets::Theme::apply(widgets::Theme::Mode::Light);
    QVERIFY(m_dir.isValid());
    const QString configPath =
            qEnvironmentVariable("ANDON_SOURCE_DIR") + QStringLiteral("/resources/config/demo-plant.yaml");
    const ConfigResult config = ConfigLoader::loadFile(configPath);
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    // The Engine's plant: the demo plant with an online particle counter and a water sensor on
    // the palletizer's gearbox/hydraulics oil (docs/condition.md "Oil").
    QFile demo(configPath);
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QByteArray yaml = demo.readAll();
    const QByteArray spec = "                    spec: { lsl: 5.9, target: 6.0, usl: 6.1 }\n";
    QCOMPARE(yaml.count(spec), 1);
    yaml.replace(spec, QByteArray(spec + QByteArray("                  - { name: oil_pc4, unit: 1/mL, decimals: 0 }\n"
                   "                  - { name: oil_pc6, unit: 1/mL, decimals: 0 }\n"
                   "                  - { name: oil_pc14, unit: 1/mL, decimals: 0 }\n"
                   "                  - { name: oil_water, unit: '%', decimals: 0 }\n")));
    const QByteArray indicators = "  indicators: [vibration, temperature, current, run_hours, cycles]\n";
    QCOMPARE(yaml.count(indicators), 1);
    yaml.replace(indicators, "  indicators: [vibration, temperature, current, run_hours, cycles, oil]\n");
    const QByteArray byPath = "  by_path:\n    acme/berlin/packaging/line2/palletizer:\n      service:";
    QCOMPARE(yaml.count(byPath), 1);
    yaml.replace(byPath, QByteArray("  by_path:\n    acme/berlin/packaging/line2/palletizer:\n" + QByteArray("      oil: { particles: { tag_4um: oil_pc4, tag_6um: oil_pc6, tag_14um: oil_pc14 },\n"
                   "             target: 16/14/11, water: { tag: oil_water } }\n      service:")));
    const ConfigResult withOil = ConfigLoader::loadString(yaml, configPath, QFileInfo(configPath).absolutePath());
    QVERIFY2(withOil.ok(), qPrintable(withOil.formattedMessages().join(u'\n')));
    m_model = std::make_shared<PlantModel>(*withOil.model);
    QCOMPARE(m_model->tags.size(), config.model->tags.size() + 4);

    sim::SimOptions so;
    so.seed = 4242;
    so.scenario = QStringLiteral("bearing-failure");
    so.startMs = QDateTime(QDate(2026, 2, 2), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    so.stepMs = 10'000; // coarser than tst_health_sim (5 s): still 6 samples per minute
    so.publishPeriodMs = 10'000;
    sim::PlantSimulator sim(config.model, so);
    sim.advanceTo(so.startMs);
    for (const QJsonValue &v : sim.truth().value(QStringLiteral("events")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("type")).toString() == u"bearing_fault") {
            m_failing = e.value(QStringLiteral("machine")).toString();
            m_onset = TimestampMs(e.value(QStringLiteral("onset_ms")).toDouble());
            m_zoneC = TimestampMs(e.value(QStringLiteral("zone_c_ms")).toDouble());
        }
    }
    QVERIFY(!m_failing.isEmpty());
    QVERIFY(m_zoneC > m_onset);
    m_now = m_onset + (m_zoneC - m_onset) * 7 / 10; // the crossing is still ahead

    m_engine = std::make_unique<Engine>(m_model);
    QString error;
    QVERIFY2(m_engine->openHistorian(m_dir.filePath(QStringLiteral("plant.sqlite")), &error),
             qPrintable(error));
    // Recording a service needs the operator role (issue 13).
    QVERIFY2(test::signInAs(m_engine->access(), Role::Operator, m_dir, &error),
             qPrintable(error));
    storage::Historian *historian = m_engine->historian();
    // The simulator's tag ids are the demo plant's: map them to the Engine's by path.
    std::vector<TagId> toEngine;
    for (const TagDef &t : config.model->tags) {
        const TagDef *e = m_model->tagByPath(t.path);
        QVERIFY(e);
        toEngine.push_back(TagId(e - m_model->tags.data()));
    }
    for (TimestampMs t = so.startMs; t < m_now;) { // bounded: hour slices
        t = std::min(m_now, t + 3'600'000);
        SampleBatch batch = sim.advanceTo(t);
        for (Sample &s : batch)
            s.tag = toEngine[s.tag];
        historian->append(std::move(batch));
    }
    historian->flush();
    historian->sealAll();
    QCOMPARE(historian->stats().lastError, QString());

    m_clock = std::make_unique<ManualClock>(m_now);
    // Inside a plain window without a layout, as in the main window's stack.
    m_window = std::make_unique<QWidget>();
    m_window->resize(kPageSize);
    m_page = new ui::MaintenancePage(m_engine.get(), m_clock.get(), m_window.get());
    m_page->setGeometry(QRect(QPoint(0, 0), kPageSize));
    m_window->show();
    waitForResult();
}

void TstMaintenancePage::cleanup()
{
    const QStringList unexpected = test::unexpectedWarnings();
    test::clearUnexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TstMaintenancePage::failingMachineFirst()
{
    QTableWidget *t = m_page->fleetTable();
    QCOMPARE(t->rowCount(), int(m_model->machines.size()));
    const Machine &failing = m_model->machines[std::size_t(failingIndex())];
    QCOMPARE(t->item(0, 0)->text(), QStringLiteral("1"));
    QCOMPARE(t->item(0, 1)->text(), failing.name);
    // Its remaining life is a number with a band, towards zone C.
    const QString rul = t->item(0, 6)->text();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d h \\(\\d+\\.\\d–>?\\d+\\.\\d h\\) to zone C$"))
                     .match(rul)
                     .hasMatch(),
             qPrintable(rul));
    // A reason and a due time for the failing machine; the healthy ones say why there is no RUL.
    QVERIFY(t->item(0, 7)->text().contains(QStringLiteral("reaches zone C")));
    QVERIFY(t->item(0, 8)->text().startsWith(QStringLiteral("2026-")));
    for (int r = 1; r < t->rowCount(); ++r) {
        const QString other = t->item(r, 6)->text();
        QVERIFY2(!other.contains(QStringLiteral("to zone")), qPrintable(other));
    }
    // Health is 0..100 in whole numbers.
    bool ok = false;
    const int health = t->item(0, 2)->text().toInt(&ok);
    QVERIFY(ok && health >= 0 && health <= 100);
}

void TstMaintenancePage::detailShowsRul()
{
    // Without a selection the detail follows the most urgent machine.
    QCOMPARE(m_page->selectedMachine(), failingIndex());
    const Machine &failing = m_model->machines[std::size_t(failingIndex())];
    QVERIFY(m_page->detailTitle()->text().startsWith(failing.name));
    const QString rul = m_page->rulLabel()->text();
    QVERIFY2(rul.startsWith(QStringLiteral("Reaches zone C")) && rul.contains(QStringLiteral("90 % band")),
             qPrintable(rul));
    // The truth's crossing lies inside the band the page states (as tst_health_sim checks on
    // the query): the band's edges are printed as local times; compare via the data instead.
    const MachineHealth *h = m_page->data()->detail();
    QVERIFY(h);
    QVERIFY2(h->rul.earlyMs <= m_zoneC && m_zoneC <= h->rul.lateMs,
             qPrintable(QStringLiteral("truth %1 h ahead, predicted %2 h (%3-%4 h)")
                                .arg((m_zoneC - m_now) / 3.6e6)
                                .arg(h->rul.rulHours())
                                .arg(h->rul.rulLowHours())
                                .arg(h->rul.rulHighHours())));
    // The trend: one pen (the vibration tag) with the three zone boundaries, data, and the
    // projection graphs (fit points, band, fitted curve) and the view reaching the crossing.
    widgets::TrendPlot *plot = m_page->trendPlot();
    QCOMPARE(plot->penCount(), 1);
    QCOMPARE(plot->pen(0).path, h->vibrationTag);
    QCOMPARE(int(plot->pen(0).limits.size()), 3);
    QVERIFY(!plot->penData(0).buckets.empty());
    QVERIFY(plot->viewTo() >= h->rul.crossingMs);
    QStringList names;
    for (int i = 0; i < plot->customPlot()->graphCount(); ++i)
        names << plot->customPlot()->graph(i)->name();
    QVERIFY2(names.contains(QStringLiteral("90 % band")), qPrintable(names.join(u',')));
    QVERIFY2(names.filter(QStringLiteral(" fit")).size() == 1, qPrintable(names.join(u',')));
    // Zone bands C and D under the data.
    int rects = 0;
    for (int i = 0; i < plot->customPlot()->itemCount(); ++i)
        rects += qobject_cast<QCPItemRect *>(plot->customPlot()->item(i)) ? 1 : 0;
    QCOMPARE(rects, 2);
    // Stops of the last 7 days (the demo plant has stops every shift).
    QVERIFY(m_page->stopsTable()->rowCount() > 0);
}

// "Click any value to trend it" (issue 9): the failing machine's indicator tags (demo-plant.yaml
// `condition:`: vibration_rms, motor_temp with the hall's ambient_temp, motor_current) over its
// health window (the RUL window, window_h: 48, up to the time judged).
void TstMaintenancePage::trendFromValues()
{
    const int failing = failingIndex();
    QVERIFY(failing >= 0);
    m_page->selectMachine(failing);
    waitForResult();
    const QStringList indicators{m_failing + QStringLiteral("/vibration_rms"),
                                 m_failing + QStringLiteral("/motor_temp"),
                                 QStringLiteral("acme/berlin/packaging/ambient_temp"),
                                 m_failing + QStringLiteral("/motor_current")};
    const auto checkWindow = [this](const QList<QVariant> &args) {
        const TimestampMs from = args.at(1).toLongLong();
        QCOMPARE(args.at(2).toLongLong(), m_now);
        // Hourly points of the last 48 h: the first within them, at least an hour back.
        QVERIFY2(from >= m_now - 49 * 3'600'000 && from <= m_now - 3'600'000,
                 qPrintable(QString::number(m_now - from)));
        QCOMPARE(from, m_page->data()->viewFrom); // the detail trend starts there too
    };
    QSignalSpy spy(m_page, &ui::MaintenancePage::trendRequested);
    QTableWidget *fleet = m_page->fleetTable();
    int row = -1;
    for (int r = 0; r < fleet->rowCount(); ++r)
        if (fleet->item(r, 1)->text() == m_model->machines[std::size_t(failing)].name)
            row = r;
    QVERIFY(row >= 0);
    std::unique_ptr<QMenu> menu(m_page->createTrendMenu(
            fleet, fleet->visualRect(fleet->model()->index(row, 5)).center()));
    QVERIFY(menu);
    QAction *vibration = nullptr;
    for (QAction *a : menu->actions())
        if (a->text() == QStringLiteral("Trend vibration_rms"))
            vibration = a;
    QVERIFY(vibration);
    vibration->trigger();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toStringList(), QStringList{indicators.first()});
    checkWindow(spy.at(0));
    if (QTest::currentTestFailed())
        return;
    // The condition summary is the selected machine's: "Trend all".
    menu.reset(m_page->createTrendMenu(m_page->summaryLabel(), QPoint(5, 5)));
    QVERIFY(menu);
    QCOMPARE(menu->actions().last()->text(), QStringLiteral("Trend all"));
    menu->actions().last()->trigger();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toStringList(), indicators);
    checkWindow(spy.at(1));
    if (QTest::currentTestFailed())
        return;
    // Double-click on the fleet row: all of them.
    emit fleet->cellDoubleClicked(row, 1);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toStringList(), indicators);
}

void TstMaintenancePage::screenshots()
{
    const QString dir = test::screenshotDir();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("maintenance.png"))));
    widgets::Theme::apply(widgets::Theme::Mode::Dark);
    QCoreApplication::processEvents();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("maintenance-dark.png"))));
    widgets::Theme::apply(widgets::Theme::Mode::Light);
    QCoreApplication::processEvents();
}

void TstMaintenancePage::csvExport()
{
    const QString path = m_dir.filePath(QStringLiteral("work-list.csv"));
    QString error;
    QVERIFY2(m_page->exportCsv(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines =
            QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), int(m_model->machines.size()) + 1);
    QVERIFY(lines[0].startsWith(QStringLiteral("rank,machine,path,line,health,why,zone,")));
    // Rows in the fleet table's order; the failing machine first with its RUL, reason and due.
    QTableWidget *t = m_page->fleetTable();
    for (int r = 0; r < t->rowCount(); ++r) {
        const QString row = lines[r + 1];
        QVERIFY2(row.startsWith(QString::number(r + 1) + u',' + t->item(r, 1)->text() + u','),
                 qPrintable(row));
    }
    QVERIFY2(lines[1].contains(u',' + m_failing + u','), qPrintable(lines[1]));
    QVERIFY2(lines[1].contains(QStringLiteral("to zone C")), qPrintable(lines[1]));
    QVERIFY2(lines[1].contains(QStringLiteral("vibration reaches zone C")), qPrintable(lines[1]));
    // The due time in ISO 8601 with the zone offset.
    QVERIFY2(QRegularExpression(QStringLiteral(",2026-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d([+-]\\d\\d:\\d\\d|Z),"))
                     .match(lines[1])
                     .hasMatch(),
             qPrintable(lines[1]));
}

void TstMaintenancePage::pdfWorkList()
{
    const QString pdf = m_dir.filePath(QStringLiteral("work-list.pdf"));
    QString error;
    QVERIFY2(m_page->exportPdf(pdf, &error), qPrintable(error));
    const Run text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY(text.out.contains(QStringLiteral("Maintenance work list")));
    QVERIFY(text.out.contains(QStringLiteral("Page 1 of")));
    QVERIFY(text.out.contains(QStringLiteral("Generated ")));
    // The work table (before the service counters): one line per machine, "rank name ...", in
    // the urgency order of the fleet table.
    const QString work = text.out.section(QStringLiteral("Service counters"), 0, 0);
    QTableWidget *t = m_page->fleetTable();
    qsizetype last = -1;
    for (int r = 0; r < t->rowCount(); ++r) {
        const QRegularExpression row(QStringLiteral("(?m)^\\s*%1\\s+%2\\s")
                                             .arg(r + 1)
                                             .arg(QRegularExpression::escape(t->item(r, 1)->text())));
        const QRegularExpressionMatch m = row.match(work);
        QVERIFY2(m.hasMatch(), qPrintable(t->item(r, 1)->text() + u'\n' + work));
        QVERIFY(m.capturedStart() > last);
        last = m.capturedStart();
    }
    QVERIFY(work.contains(QStringLiteral("vibration reaches zone C")));

    const QString prefix = QDir(test::screenshotDir()).filePath(QStringLiteral("maintenance-worklist"));
    QFile::remove(prefix + QStringLiteral(".png"));
    const Run png = run(QStringLiteral("pdftoppm"),
                        {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                         QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                         QStringLiteral("1"), QStringLiteral("-singlefile"), pdf, prefix});
    QVERIFY2(png.exitCode == 0, qPrintable(png.err));
    const QImage page(prefix + QStringLiteral(".png"));
    QVERIFY(!page.isNull());
    QVERIFY(page.width() > page.height()); // A4 landscape: 702 x 496 px at 60 dpi
    QVERIFY(std::abs(page.width() - 702) <= 2);
}

void TstMaintenancePage::recordServiceThroughDialog()
{
    const int machine = failingIndex();
    ui::ServiceDialog *dialog = m_page->openServiceDialog(machine);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *record = dialog->findChild<QPushButton *>(QStringLiteral("serviceRecord"));
    QVERIFY(record);
    // Nothing said: refused in the dialog, which stays open; nothing in the journal.
    QTest::mouseClick(record, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorLabel()->isVisible());
    storage::EventQuery q;
    q.categories = {QStringLiteral("maintenance")};
    QCOMPARE(int(m_engine->historian()->events(q).size()), 0);

    const QString text = QStringLiteral("Replaced drive-end bearing, checked alignment");
    QTest::keyClicks(dialog->textEdit(), text);
    // One checkbox per counter, all checked; the bearing swap does not renew the cycle counter
    // (the gearbox interval keeps running).
    QCheckBox *hours = dialog->counterBox(QStringLiteral("run_hours"));
    QCheckBox *cycles = dialog->counterBox(QStringLiteral("cycles"));
    QCheckBox *baseline = dialog->counterBox(QStringLiteral("current_baseline"));
    QVERIFY(hours && cycles && baseline);
    QVERIFY(hours->isChecked() && cycles->isChecked() && baseline->isChecked());
    QVERIFY2(hours->text().contains(QStringLiteral("of 2000 h interval")), qPrintable(hours->text()));
    QTest::mouseClick(cycles, Qt::LeftButton);
    QVERIFY(!cycles->isChecked());
    QCOMPARE(dialog->countersToReset(),
             (QStringList{QStringLiteral("run_hours"), QStringLiteral("current_baseline")}));
    const MachineHealth before = dialog->health();
    QVERIFY(dialog->grab().save(QDir(test::screenshotDir()).filePath(QStringLiteral("service-dialog.png"))));
    QTest::mouseClick(record, Qt::LeftButton);
    QTRY_VERIFY(!m_page->serviceDialog() || !m_page->serviceDialog()->isVisible());
    const auto events = m_engine->historian()->events(q);
    QCOMPARE(int(events.size()), 1);
    QCOMPARE(events[0].kind, QStringLiteral("service.ack"));
    QCOMPARE(events[0].source, m_failing);
    QCOMPARE(events[0].user, ui::currentUserName());
    QCOMPARE(events[0].message, text);
    QCOMPARE(events[0].t, m_now);
    // The journal lists the reset counters with their readings before, and the kept one.
    const QJsonObject d = QJsonDocument::fromJson(events[0].details.toUtf8()).object();
    QCOMPARE(d.value(QStringLiteral("reset")).toArray(),
             (QJsonArray{QStringLiteral("run_hours"), QStringLiteral("current_baseline")}));
    QCOMPARE(d.value(QStringLiteral("kept")).toArray(), QJsonArray{QStringLiteral("cycles")});
    const QJsonObject counters = d.value(QStringLiteral("counters")).toObject();
    QCOMPARE(counters.value(QStringLiteral("run_hours")).toObject().value(QStringLiteral("old")).toDouble(),
             before.runHours);
    QCOMPARE(counters.value(QStringLiteral("cycles")).toObject().value(QStringLiteral("old")).toDouble(),
             before.cycles);
    QVERIFY2(events[0].oldValue.startsWith(QStringLiteral("run hours ")), qPrintable(events[0].oldValue));
    QVERIFY2(!events[0].oldValue.contains(QStringLiteral("cycles")), qPrintable(events[0].oldValue));
    QCOMPARE(events[0].newValue,
             QStringLiteral("run hours 0 h, current baseline relearned from this service"));

    // The page shows it in the machine's service history and the counters restart (judged a
    // minute later: the journal query covers events before the judged time).
    m_clock->advance(60'000);
    m_page->selectMachine(machine); // a new bearing restarts the trend: it may not lead now
    waitForResult();
    QCOMPARE(m_page->data()->machine, machine);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("maintenanceServices"))->text().contains(text));
    const MachineHealth *h = m_page->data()->detail();
    QVERIFY(h);
    // Run hours restart at the service; cycles go on counting since the start of the history.
    QCOMPARE(h->runHoursSinceMs, m_now);
    QVERIFY(h->cyclesSinceMs < m_now);
    QCOMPARE(h->cycles, before.cycles); // kept: the same reading (no data after the service)
    QVERIFY(h->runHours < 0.1);
    QCOMPARE(h->baselineFromMs, m_now);
}

void TstMaintenancePage::oilInDetailAndFleet()
{
    // 12 hours of oil samples, one a minute, up to the judged time: 3000 / 700 / 50 particles
    // per mL are ISO 4406 19/17/13 (Table 1: 2500-5000, 640-1300, 40-80): 3 steps over the
    // target 16/14/11 in the worst size, i.e. the alarm zone; water 35 % saturation is good.
    const TimestampMs now = m_clock->now();
    const auto id = [&](const char *name) {
        const TagDef *t = m_model->tagByPath(QStringLiteral("acme/berlin/packaging/line2/palletizer/")
                                             + QLatin1String(name));
        return t ? TagId(t - m_model->tags.data()) : kInvalidTag;
    };
    QVERIFY(id("oil_pc4") != kInvalidTag && id("oil_water") != kInvalidTag);
    SampleBatch batch;
    for (TimestampMs t = now - 12 * 3'600'000; t < now; t += 60'000) { // bounded: 720 minutes
        batch.push_back({id("oil_pc4"), t, 3000.0, Quality::Good});
        batch.push_back({id("oil_pc6"), t, 700.0, Quality::Good});
        batch.push_back({id("oil_pc14"), t, 50.0, Quality::Good});
        batch.push_back({id("oil_water"), t, 35.0, Quality::Good});
    }
    storage::Historian *historian = m_engine->historian();
    historian->append(std::move(batch));
    historian->flush();
    historian->sealAll();

    int palletizer = -1;
    for (int i = 0; i < int(m_model->machines.size()); ++i)
        if (m_model->machines[std::size_t(i)].name == u"palletizer")
            palletizer = i;
    QVERIFY(palletizer >= 0);
    m_page->selectMachine(palletizer);
    waitForResult();
    // An indicator in alarm comes before every forecast: the palletizer leads, and its oil is
    // why (the lowest sub-score: 3 steps over = 0).
    QTableWidget *t = m_page->fleetTable();
    QCOMPARE(t->item(0, 1)->text(), QStringLiteral("palletizer"));
    QCOMPARE(t->item(0, 3)->text(), QStringLiteral("oil 19/17/13 (target 16/14/11)"));
    QVERIFY2(t->item(0, 7)->text().contains(QStringLiteral("oil 19/17/13 (target 16/14/11), alarm")),
             qPrintable(t->item(0, 7)->text()));
    QCOMPARE(t->item(0, 2)->text(), QStringLiteral("0"));
    // The detail: the code against its target with the abnormal mark, the counts below.
    QLabel *oil = m_page->oilLabel();
    QVERIFY(oil->isVisible());
    QVERIFY2(oil->text().contains(QStringLiteral("▲ 19/17/13")), qPrintable(oil->text()));
    QVERIFY2(oil->text().contains(QStringLiteral("(target 16/14/11)")), qPrintable(oil->text()));
    QVERIFY2(oil->text().contains(QStringLiteral("<b>alarm</b>: 3 steps above the target")),
             qPrintable(oil->text()));
    QVERIFY2(oil->text().contains(widgets::Theme::colors().down.name()), qPrintable(oil->text()));
    QVERIFY2(m_page->summaryLabel()->text().contains(QStringLiteral("Water in oil 35 % saturation")),
             qPrintable(m_page->summaryLabel()->text()));
    QVERIFY(m_window->grab().save(QDir(test::screenshotDir()).filePath(QStringLiteral("maintenance-oil.png"))));
}

QTEST_MAIN(TstMaintenancePage)
#include "tst_maintenance_page.moc"
