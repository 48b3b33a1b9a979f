// The Alarms page, the alarm banner above every page and the faceplate's alarm list, on the
// demo plant with a real historian: alarms raised by samples through Engine::ingest,
// filtering, acknowledge (single and page), shelve, comment, history search with CSV export
// and printing to PDF, KPIs, the audible alarm and its silence button. Screenshots at
// 1366x768: alarms.png (Alarms page), alarm-banner.png (Overview with the banner),
// alarm-banner-flood.png, alarms-history.png, alarms-kpis.png, faceplate-alarms.png.
#include "core/config_loader.h"
#include "core/current_user.h"
#include "engine/alarm_service.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "tests/support/sign_in.h"
#include "tests/support/test_support.h"
#include "ui/alarms_page.h"
#include "ui/faceplate_dialog.h"
#include "ui/main_window.h"
#include "widgets/alarm_banner.h"
#include "widgets/theme.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QPrinter>
#include <QProcess>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;
using analytics::AlarmState;

namespace {

const QSize kWindowSize(1366, 768);
const QString kL1 = QStringLiteral("acme/berlin/assembly/line1/");
const QString kL2 = QStringLiteral("acme/berlin/packaging/line2/");

QtMessageHandler g_strictHandler = nullptr;

// The offscreen platform cannot resize native windows to their size hints (or raise them) and
// says so when one is shown: the test platform, not Andon (as in tst_modbus_ui).
void skipOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()")
        || message == QLatin1String("This plugin does not support raise()"))
        return;
    g_strictHandler(type, context, message);
}

} // namespace

class TestAlarmsPage : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ui::MainWindow> m_window;
    TimestampMs m_now = 0;

    void feed(const QString &path, TimestampMs t, double v, Quality q = Quality::Good)
    {
        const TagId id = m_engine->model().tagIdByPath(path);
        QVERIFY2(id != kInvalidTag, qPrintable(path));
        m_engine->ingest({ Sample { id, t, v, q } });
    }
    QString stateOf(const QString &id) const
    {
        const auto s = m_engine->alarms()->status(id);
        return s ? analytics::alarmStateName(s->state) : QStringLiteral("<unknown>");
    }
    void save(QWidget *w, const QString &name)
    {
        QCoreApplication::processEvents();
        const QString path = QDir(test::screenshotDir()).filePath(name);
        QVERIFY2(w->grab().save(path), qPrintable(path));
    }
    ui::AlarmsPage *page() const { return m_window->alarmsPage(); }

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        g_strictHandler = qInstallMessageHandler(skipOffscreenNoise);
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        widgets::Theme::apply(widgets::Theme::Mode::Light);
        const ConfigResult cfg
            = ConfigLoader::loadFile(test::sourceDir() + u"/resources/config/demo-plant.yaml"_qs);
        QVERIFY2(cfg.ok(), qPrintable(cfg.formattedMessages().join(u'\n')));
        m_dir = std::make_unique<QTemporaryDir>();
        m_engine = std::make_unique<Engine>(cfg.model);
        QString error;
        QVERIFY2(m_engine->openHistorian(m_dir->filePath(QStringLiteral("alarms.db")), &error),
            qPrintable(error));
        // Acknowledge, shelve and comment need the operator role, out of service the
        // supervisor (issue 13).
        QVERIFY2(test::signInAs(m_engine->access(), Role::Supervisor, *m_dir, &error),
            qPrintable(error));
        m_engine->alarms()->setTickInterval(0); // the test drives time through samples
        m_window = std::make_unique<ui::MainWindow>(m_engine.get());
        m_window->resize(kWindowSize);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        // Raise alarms with samples a minute old, then current ones, so on-delays have run.
        m_now = nowUtcMs();
        const TimestampMs t0 = m_now - 90'000;
        // Feeder overheats: high (30 s on-delay) at t0+30 s, high-high (5 s) at t0+5 s first.
        feed(kL1 + u"feeder/motor_temp"_qs, t0, 104.2);
        feed(kL1 + u"feeder/motor_temp"_qs, m_now - 1000, 104.6);
        // Press: electrical fault (state 12), no delay.
        feed(kL1 + u"press/state"_qs, t0 + 20'000, 12);
        // Palletizer: case weight 6.21 kg, 0.21 off the 6.0 target.
        feed(kL2 + u"palletizer/case_weight"_qs, t0 + 40'000, 6.21);
        // Site demand 290 kW for 90 s (60 s on-delay).
        feed(u"acme/berlin/main_power"_qs, t0, 290);
        feed(u"acme/berlin/main_power"_qs, m_now - 500, 291);
        // Capper vibration 3.4 mm/s (zone C, 60 s on-delay), capper running.
        feed(kL2 + u"capper/state"_qs, t0, 1);
        feed(kL2 + u"capper/vibration_rms"_qs, t0, 3.4);
        feed(kL2 + u"capper/vibration_rms"_qs, m_now - 800, 3.5);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->alarmBanner()->data().items.empty(), 10000);
    }

    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
    }

    void raisedAlarms()
    {
        QCOMPARE(stateOf(kL1 + u"feeder/motor_temp_high_high"_qs), u"unack_active"_qs);
        QCOMPARE(stateOf(kL1 + u"feeder/motor_temp_high"_qs), u"unack_active"_qs);
        QCOMPARE(stateOf(kL1 + u"press/electrical_fault"_qs), u"unack_active"_qs);
        QCOMPARE(stateOf(kL2 + u"palletizer/case_weight_deviation"_qs), u"unack_active"_qs);
        QCOMPARE(stateOf(u"acme/berlin/peak_demand"_qs), u"unack_active"_qs);
        QCOMPARE(stateOf(kL2 + u"capper/vibration_zone_c"_qs), u"unack_active"_qs);
        // First out on the feeder: high-high (t0 + 5 s) came before high (t0 + 30 s).
        QVERIFY(m_engine->alarms()->status(kL1 + u"feeder/motor_temp_high_high"_qs)->firstOut);
        QVERIFY(!m_engine->alarms()->status(kL1 + u"feeder/motor_temp_high"_qs)->firstOut);
    }

    void banner()
    {
        m_window->showPage(ui::MainWindow::OverviewPageId);
        const widgets::AlarmBannerData d = page()->bannerData();
        // Priorities: 1 high-high; 2 electrical fault, case weight; 3 motor temp high,
        // vibration C; 4 peak demand.
        QCOMPARE(d.active[1], 1);
        QCOMPARE(d.active[2], 2);
        QCOMPARE(d.active[3], 2);
        QCOMPARE(d.active[4], 1);
        QCOMPARE(d.unacknowledged[2], 2);
        QVERIFY(!d.flood);
        QCOMPARE(d.items.front().priority, 1);
        QVERIFY(d.items.front().text.contains(u"overheating"));
        m_window->alarmBanner()->setData(d);
        QVERIFY(m_window->alarmBanner()->isVisible());
        m_window->refreshNow();
        save(m_window.get(), QStringLiteral("alarm-banner.png"));
        save(m_window->alarmBanner(), QStringLiteral("alarm-banner-only.png"));
        // One click opens the Alarms page.
        QTest::mouseClick(
            m_window->alarmBanner(), Qt::LeftButton, {}, m_window->alarmBanner()->rect().center());
        QCOMPARE(m_window->currentPage(), int(ui::MainWindow::AlarmsPage));
    }

    void filters()
    {
        m_window->showPage(ui::MainWindow::AlarmsPage);
        page()->refresh();
        QCOMPARE(page()->visibleAlarmIds().size(), 6);
        // Sorted by priority: the critical one first.
        QCOMPARE(page()->visibleAlarmIds().first(), kL1 + u"feeder/motor_temp_high_high"_qs);
        page()->setPriorityFilter(2);
        QCOMPARE(page()->visibleAlarmIds(),
            QStringList({ kL2 + u"palletizer/case_weight_deviation"_qs,
                kL1 + u"press/electrical_fault"_qs }));
        page()->setPriorityFilter(0);
        page()->setScopeFilter(u"acme/berlin/packaging/line2"_qs);
        QCOMPARE(page()->visibleAlarmIds().size(), 2); // palletizer, capper
        page()->setScopeFilter(QString());
        page()->setTextFilter(u"vibration"_qs);
        QCOMPARE(page()->visibleAlarmIds(), QStringList { kL2 + u"capper/vibration_zone_c"_qs });
        page()->setTextFilter(QString());
        QCOMPARE(page()->visibleAlarmIds().size(), 6);
    }

    void operatorActions()
    {
        page()->refresh();
        const QString fault = kL1 + u"press/electrical_fault"_qs;
        page()->selectAlarm(fault);
        QCOMPARE(page()->selectedAlarmId(), fault);
        QVERIFY2(page()->acknowledgeSelected(), qPrintable(page()->lastMessage()));
        QCOMPARE(stateOf(fault), u"ack_active"_qs);
        QVERIFY(!page()->acknowledgeSelected()); // already acknowledged
        QVERIFY(!page()->lastMessage().isEmpty());
        QVERIFY(page()->commentSelected(u"electrician called"_qs));

        const QString peak = u"acme/berlin/peak_demand"_qs;
        page()->selectAlarm(peak);
        QVERIFY(!page()->shelveSelected(3'600'000, QString())); // reason required
        QVERIFY2(page()->shelveSelected(2 * 3'600'000, u"tariff test this morning"_qs),
            qPrintable(page()->lastMessage()));
        QCOMPARE(stateOf(peak), u"shelved"_qs);

        const QString weight = kL2 + u"palletizer/case_weight_deviation"_qs;
        page()->selectAlarm(weight);
        QVERIFY(page()->removeSelectedFromService(u"check-weigher calibration"_qs));
        QCOMPARE(stateOf(weight), u"out_of_service"_qs);

        page()->setStateFilter(ui::AlarmsPage::NotNormal);
        save(m_window.get(), QStringLiteral("alarms.png"));

        // Acknowledge page: the unacknowledged ones in the list (feeder x2, capper).
        page()->setStateFilter(ui::AlarmsPage::Unacknowledged);
        QCOMPARE(page()->visibleAlarmIds().size(), 3);
        QCOMPARE(page()->acknowledgePage(), 3);
        QCOMPARE(stateOf(kL1 + u"feeder/motor_temp_high"_qs), u"ack_active"_qs);
        QVERIFY(page()->visibleAlarmIds().isEmpty());
        page()->setStateFilter(ui::AlarmsPage::NotNormal);

        // Every action is in the journal with the user.
        m_engine->alarms()->flush();
        storage::EventQuery q;
        q.categories = QStringList { u"alarm"_qs };
        q.kindPrefix = u"alarm.acknowledge"_qs;
        const auto acks = m_engine->historian()->events(q);
        QCOMPARE(acks.size(), std::size_t(4));
        for (const auto &e : acks)
            QCOMPARE(e.user, currentUserName());
    }

    void historyExportAndPrint()
    {
        page()->tabs()->setCurrentIndex(1);
        page()->searchHistory(m_now - 3'600'000, m_now + 3'600'000, QString(), true);
        // 6 activations + comment + shelve + out of service + 4 acknowledgements = 13 alarm
        // entries, and the configuration load (system).
        QCOMPARE(page()->historyRowCount(), 14);
        save(m_window.get(), QStringLiteral("alarms-history.png"));
        page()->searchHistory(m_now - 3'600'000, m_now + 3'600'000, u"calibration"_qs);
        QCOMPARE(page()->historyRowCount(), 1);
        page()->searchHistory(m_now - 3'600'000, m_now + 3'600'000, QString());
        QCOMPARE(page()->historyRowCount(), 13);

        const QString csv = m_dir->filePath(QStringLiteral("history.csv"));
        QString error;
        QVERIFY2(page()->exportHistoryCsv(csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 14); // header + 13
        QCOMPARE(lines.first(), u"time_utc,source,event,from,to,value,user,comment,message"_qs);
        QVERIFY(csv.size() > 0);
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QString &l) {
            return l.contains(u"check-weigher calibration") && l.contains(u"out_of_service");
        }));

        const QString pdf = m_dir->filePath(QStringLiteral("history.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        page()->printHistory(&printer);
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QProcess text;
        text.start(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
        if (text.waitForStarted(5000)) {
            QVERIFY(text.waitForFinished(30'000));
            const QString out = QString::fromUtf8(text.readAllStandardOutput());
            QVERIFY2(out.contains(u"Alarm history"), qPrintable(out.left(500)));
            // (pdftotext writes the "ff" ligature as one character: look for other words)
            QVERIFY2(out.contains(u"this morning"), qPrintable(out.left(2000)));
        }
    }

    void kpis()
    {
        page()->tabs()->setCurrentIndex(2);
        page()->computeKpis(m_now - 3'600'000, m_now + 60'000);
        // The six activations of initTestCase, nothing before.
        QCOMPARE(page()->kpis().annunciations, 6);
        QCOMPARE(page()->kpis().perPriority[2], 2);
        // Standing at the end: all but the shelved and the out-of-service one (4).
        QCOMPARE(static_cast<int>(page()->kpis().standing.size()), 4);
        save(m_window.get(), QStringLiteral("alarms-kpis.png"));
        page()->tabs()->setCurrentIndex(0);
    }

    void soundAndSilence()
    {
        // initTestCase's critical alarm started the sound; silence it, then a new one.
        QCOMPARE(page()->soundPriority(), 1);
        page()->silence();
        QCOMPARE(page()->soundPriority(), 0);
        // A new critical alarm: the tester overheats.
        feed(kL1 + u"tester/motor_temp"_qs, m_now - 20'000, 105);
        feed(kL1 + u"tester/motor_temp"_qs, m_now - 10'000, 106);
        QTRY_COMPARE_WITH_TIMEOUT(page()->soundPriority(), 1, 10000);
        page()->silence();
        QCOMPARE(page()->soundPriority(), 0);
    }

    void faceplate()
    {
        const int feeder = 0;
        QCOMPARE(m_engine->model().machines[feeder].name, u"feeder"_qs);
        ui::FaceplateDialog *d = m_window->openFaceplate(feeder);
        QVERIFY(d);
        QVERIFY(d->alarmTable());
        d->refresh();
        QCOMPARE(d->alarmTable()->rowCount(), 2); // high-high and high
        QVERIFY(d->alarmTable()->item(0, 0)->text().contains(u"Critical"));
        save(d, QStringLiteral("faceplate-alarms.png"));
        d->close();
    }

    void flood()
    {
        // Every machine overheats at once: 8 more critical alarms in a minute, 17 in 10 min.
        const TimestampMs t = m_now - 30'000;
        for (const Machine &mc : m_engine->model().machines) {
            const QString tag = mc.path + u"/motor_temp"_qs;
            if (m_engine->model().tagIdByPath(tag) == kInvalidTag)
                continue;
            feed(tag, t, 108);
            feed(tag, m_now - 2000, 109);
        }
        QVERIFY(m_engine->alarms()->flood());
        m_window->showPage(ui::MainWindow::OverviewPageId);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->alarmBanner()->data().flood, 10000);
        QVERIFY(m_window->alarmBanner()->data().floodCount >= 10);
        save(m_window.get(), QStringLiteral("alarm-banner-flood.png"));
    }
};

QTEST_MAIN(TestAlarmsPage)
#include "tst_alarms_page.moc"
