// The alarm settings dialog (ui/alarm_settings_dialog.h) and its entry points, the Alarms
// page's "Edit settings…" button and the faceplate's "Alarm settings…", on the alarm settings
// test plant with a real historian, users store and sign-in: current values with units, only
// the fields the type supports, the audit note with the user's name, Apply changing the running
// alarm and the YAML, and everything disabled with the role's reason for an operator.
// Screenshots: alarm-settings.png (engineer, an active high alarm), alarm-settings-entry.png
// (an entry defining the alarm on two machines, deviation), alarm-settings-operator.png.
#include "core/config_loader.h"
#include "core/current_user.h"
#include "engine/access_control.h"
#include "engine/alarm_service.h"
#include "engine/engine.h"
#include "tests/support/sign_in.h"
#include "tests/support/test_support.h"
#include "tests/unit/alarm_settings_plant.h"
#include "ui/alarm_settings_dialog.h"
#include "ui/alarms_page.h"
#include "ui/faceplate_dialog.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;

namespace {

const QString kHigh = test::kM1 + QStringLiteral("temp_high");
QtMessageHandler g_strictHandler = nullptr;

// The offscreen platform cannot resize native windows to their size hints (or raise them) and
// says so when one is shown: the test platform, not Andon (as in tst_alarms_page).
void skipOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()")
        || message == QLatin1String("This plugin does not support raise()"))
        return;
    g_strictHandler(type, context, message);
}

QString labelText(const QWidget *w, const char *name)
{
    const auto *l = w->findChild<QLabel *>(QLatin1String(name));
    return l ? l->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

} // namespace

class TestAlarmSettingsDialog : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;

    QString configPath() const { return m_dir->filePath(QStringLiteral("plant.yaml")); }

    void save(QWidget *w, const QString &name)
    {
        QCoreApplication::processEvents();
        const QString path = QDir(test::screenshotDir()).filePath(name);
        QVERIFY2(w->grab().save(path), qPrintable(path));
    }

    void signIn(Role role)
    {
        QString error;
        QVERIFY2(test::signInAs(m_engine->access(), role, *m_dir, &error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        g_strictHandler = qInstallMessageHandler(skipOffscreenNoise);
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        widgets::Theme::apply(widgets::Theme::Mode::Light);
        m_dir = std::make_unique<QTemporaryDir>();
        QFile f(configPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(test::kAlarmSettingsYaml);
        f.close();
        const ConfigResult cfg = ConfigLoader::loadFile(configPath());
        QVERIFY2(cfg.ok(), qPrintable(cfg.formattedMessages().join(u'\n')));
        m_clock = std::make_unique<ManualClock>(nowUtcMs());
        m_engine = std::make_unique<Engine>(cfg.model);
        QString error;
        QVERIFY2(m_engine->openHistorian(m_dir->filePath(QStringLiteral("h.sqlite")), &error),
                 qPrintable(error));
        m_engine->alarms()->setTickInterval(0);
        signIn(Role::Engineer);
        // temp_high active: 93.4 °C for longer than its 5 s on-delay (sample times).
        const TagId temp = m_engine->model().tagIdByPath(test::kM1 + u"temp"_qs);
        const TimestampMs now = m_clock->now();
        m_engine->ingest({ Sample{ temp, now - 10'000, 93.4, Quality::Good } });
        m_engine->ingest({ Sample{ temp, now - 1'000, 93.4, Quality::Good } });
        QCOMPARE(analytics::alarmStateName(m_engine->alarms()->status(kHigh)->state),
                 u"unack_active"_qs);
    }

    void cleanupTestCase()
    {
        if (m_engine && m_engine->access()->signedIn())
            m_engine->access()->logout();
        m_engine.reset();
    }

    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
    }

    void showsCurrentValues()
    {
        signIn(Role::Engineer);
        ui::AlarmSettingsDialog d(m_engine.get(), { kHigh }, kHigh);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QCOMPARE(d.alarmId(), kHigh);
        // Limit, deadband and delays of the YAML (90 °C, 2 °C, 5 s, 0 s), priority 3.
        QVERIFY(d.limitEdit()->isVisible());
        QVERIFY(d.deadbandEdit()->isVisible());
        QVERIFY(!d.setpointEdit()->isVisible()); // a high alarm has no setpoint
        QCOMPARE(d.limitEdit()->value(), 90.0);
        QCOMPARE(d.limitEdit()->suffix(), u" °C"_qs);
        QCOMPARE(d.deadbandEdit()->value(), 2.0);
        QCOMPARE(d.onDelayEdit()->value(), 5.0);
        QCOMPARE(d.offDelayEdit()->value(), 0.0);
        QCOMPARE(d.priorityEdit()->currentData().toInt(), 3);
        QVERIFY(d.change().empty());
        QVERIFY2(labelText(&d, "alarmSettingsNote")
                         .startsWith(u"Changes are recorded with your name (test-engineer) and "
                                     "take effect immediately."_qs),
                 qPrintable(labelText(&d, "alarmSettingsNote")));
        QVERIFY(labelText(&d, "alarmSettingsEntry").startsWith(u"plant.yaml, line 27"_qs));
        // Apply waits for a change and a reason.
        QVERIFY(!d.applyButton()->isEnabled());
        d.limitEdit()->setValue(95.0);
        QVERIFY(!d.applyButton()->isEnabled());
        d.reasonEdit()->setText(u"Motor upgraded to class H insulation"_qs);
        QVERIFY(d.applyButton()->isEnabled());
        QVERIFY(d.change().limit && *d.change().limit == 95.0);
        QVERIFY(!d.change().deadband);
        save(&d, u"alarm-settings.png"_qs);
    }

    void applyChangesAlarmAndYaml()
    {
        signIn(Role::Engineer);
        ui::AlarmSettingsDialog d(m_engine.get(), { kHigh }, kHigh);
        d.limitEdit()->setValue(96.0);
        d.onDelayEdit()->setValue(10.0);
        d.reasonEdit()->setText(u"Motor upgraded"_qs);
        QVERIFY2(d.apply(), qPrintable(d.lastMessage()));
        QVERIFY(d.lastSaved());
        QVERIFY2(d.lastMessage().startsWith(u"Changed: limit 90 → 96 °C; on_delay 5 s → 10 s. "
                                            "Saved to "_qs),
                 qPrintable(d.lastMessage()));
        QCOMPARE(m_engine->alarms()->definition(kHigh)->limit, 96.0);
        QCOMPARE(m_engine->alarms()->definition(kHigh)->onDelayMs, 10'000);
        // The dialog shows the new values as current; nothing left to apply.
        QCOMPARE(d.limitEdit()->value(), 96.0);
        QVERIFY(d.change().empty());
        QFile f(configPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray yaml = f.readAll();
        QVERIFY(yaml.contains("    limit: 96        # °C, from the motor datasheet\n"));
        QVERIFY(yaml.contains("    on_delay_s: 10\n"));
        // Nothing to apply twice.
        QVERIFY(!d.apply());
        QCOMPARE(d.lastMessage(), u"Nothing was changed."_qs);
    }

    void entryWithTwoMachinesAndDeviation()
    {
        signIn(Role::Engineer);
        const QStringList ids{ test::kM1 + u"temp_low"_qs, test::kLine + u"weight_dev"_qs,
                               test::kM1 + u"fault"_qs };
        ui::AlarmSettingsDialog d(m_engine.get(), ids, ids[0]);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY2(labelText(&d, "alarmSettingsEntry")
                         .contains(u"This entry defines the alarm on each of m1, m2; a change applies to all of them."_qs),
                 qPrintable(labelText(&d, "alarmSettingsEntry")));
        save(&d, u"alarm-settings-entry.png"_qs);
        // Deviation: setpoint shown, in kg.
        QVERIFY(d.selectAlarm(ids[1]));
        QVERIFY(d.setpointEdit()->isVisible());
        QCOMPARE(d.setpointEdit()->value(), 6.0);
        QCOMPARE(d.limitEdit()->value(), 0.075);
        QCOMPARE(d.limitEdit()->suffix(), u" kg"_qs);
        // Discrete: no limit, deadband or setpoint; delays and priority remain.
        QVERIFY(d.selectAlarm(ids[2]));
        QVERIFY(!d.limitEdit()->isVisible());
        QVERIFY(!d.deadbandEdit()->isVisible());
        QVERIFY(!d.setpointEdit()->isVisible());
        QVERIFY(d.onDelayEdit()->isVisible());
        QVERIFY(d.priorityEdit()->isVisible());
    }

    void operatorSeesWhy()
    {
        signIn(Role::Operator);
        ui::AlarmSettingsDialog d(m_engine.get(), { kHigh }, kHigh);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const QString needs = u"needs the "_qs + roleDisplayName(Role::Engineer) + u" role"_qs;
        QVERIFY(!d.applyButton()->isEnabled());
        QVERIFY2(d.applyButton()->toolTip().contains(needs),
                 qPrintable(d.applyButton()->toolTip()));
        QVERIFY(!d.limitEdit()->isEnabled());
        QVERIFY2(d.limitEdit()->toolTip().contains(needs), qPrintable(d.limitEdit()->toolTip()));
        QVERIFY(!d.reasonEdit()->isEnabled());
        QVERIFY(labelText(&d, "alarmSettingsRefusal").contains(needs));
        QVERIFY(!d.apply());
        QVERIFY(d.lastMessage().contains(needs));
        save(&d, u"alarm-settings-operator.png"_qs);
        // Signing in as an engineer enables it while open.
        signIn(Role::Engineer);
        QVERIFY(d.limitEdit()->isEnabled());
        QVERIFY(!labelText(&d, "alarmSettingsRefusal").isEmpty());
        QVERIFY(!d.findChild<QLabel *>(u"alarmSettingsRefusal"_qs)->isVisible());
    }

    void entryPoints()
    {
        signIn(Role::Engineer);
        ui::AlarmsPage page(m_engine.get(), m_clock.get());
        page.resize(1366, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setStateFilter(ui::AlarmsPage::AllAlarms);
        page.selectAlarm(kHigh);
        auto *edit = page.findChild<QPushButton *>(u"alarmEditSettings"_qs);
        QVERIFY(edit);
        QVERIFY(edit->isEnabled());
        ui::AlarmSettingsDialog *d = page.editSelectedSettings();
        QVERIFY(d);
        QCOMPARE(d->alarmId(), kHigh);
        d->close();
        save(&page, u"alarms-edit-settings.png"_qs);
        // A priority changed at run time shows on the page at once (3 Medium -> 2 High).
        AlarmSettingsChange c;
        c.priority = 2;
        QString why;
        QVERIFY2(m_engine->alarms()->updateSettings(kHigh, c, currentUserName(), u"test"_qs,
                                                    &why),
                 qPrintable(why));
        page.refresh();
        const int row = int(page.visibleAlarmIds().indexOf(kHigh));
        QVERIFY(row >= 0);
        QCOMPARE(page.activeTable()->item(row, ui::AlarmsPage::PriorityColumn)
                         ->data(Qt::UserRole).toInt(),
                 2);

        ui::FaceplateDialog face(m_engine.get(), m_clock.get(), 0);
        auto *settings = face.findChild<QPushButton *>(u"faceplateAlarmSettings"_qs);
        QVERIFY(settings);
        QVERIFY(settings->isEnabled());

        signIn(Role::Operator);
        page.selectAlarm(kHigh);
        QVERIFY(!edit->isEnabled());
        QVERIFY2(edit->toolTip().contains(u"needs the "_qs + roleDisplayName(Role::Engineer)),
                 qPrintable(edit->toolTip()));
        QVERIFY(!settings->isEnabled());
        signIn(Role::Engineer);
    }
};

QTEST_MAIN(TestAlarmSettingsDialog)
#include "tst_alarm_settings_dialog.moc"
