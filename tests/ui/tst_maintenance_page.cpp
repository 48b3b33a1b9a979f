// The Maintenance page offscreen on the demo plant with the simulator's bearing-failure
// scenario (seed 4242, as tests/integration/tst_health_sim.cpp, on a coarser 10 s grid) written
// in-process into the Engine's historian and judged 70 % of the way from the fault's onset to
// the truth's zone C crossing: the failing machine (from the truth file, not from the code under
// test) is first in the fleet table and its detail shows the remaining life with its band and
// the projection on the trend; a service recorded through the dialog lands in the event journal
// with the user and the text (an empty text is refused in the dialog); the CSV and PDF work
// lists (pdftotext: machine names in urgency order; pdftoppm: page 1 as PNG); screenshots
// maintenance.png and maintenance-dark.png at the page size of a 1366x768 window.
#include "core/config_loader.h"
#include "engine/engine.h"
#include "sim/plant_simulator.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"
#include "ui/current_user.h"
#include "ui/maintenance_page.h"
#include "ui/service_dialog.h"
#include "widgets/theme.h"
#include "widgets/trend_plot.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
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
    void screenshots();
    void csvExport();
    void pdfWorkList();
    void recordServiceThroughDialog();

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
    m_model = std::make_shared<PlantModel>(*config.model);

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
    storage::Historian *historian = m_engine->historian();
    for (TimestampMs t = so.startMs; t < m_now;) { // bounded: hour slices
        t = std::min(m_now, t + 3'600'000);
        historian->append(sim.advanceTo(t));
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
    QTest::mouseClick(record, Qt::LeftButton);
    QTRY_VERIFY(!m_page->serviceDialog() || !m_page->serviceDialog()->isVisible());
    const auto events = m_engine->historian()->events(q);
    QCOMPARE(int(events.size()), 1);
    QCOMPARE(events[0].kind, QStringLiteral("service.ack"));
    QCOMPARE(events[0].source, m_failing);
    QCOMPARE(events[0].user, ui::currentUserName());
    QCOMPARE(events[0].message, text);
    QCOMPARE(events[0].t, m_now);
    QVERIFY(events[0].details.contains(QStringLiteral("run_hours")));

    // The page shows it in the machine's service history and the counters restart (judged a
    // minute later: the journal query covers events before the judged time).
    m_clock->advance(60'000);
    m_page->selectMachine(machine); // a new bearing restarts the trend: it may not lead now
    waitForResult();
    QCOMPARE(m_page->data()->machine, machine);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("maintenanceServices"))->text().contains(text));
    const MachineHealth *h = m_page->data()->detail();
    QVERIFY(h);
    QCOMPARE(h->countersSinceMs, m_now);
}

QTEST_MAIN(TstMaintenancePage)
#include "tst_maintenance_page.moc"
