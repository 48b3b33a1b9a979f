// Users and roles in the desktop UI (issue 13): a viewer sees "Acknowledge" greyed out with the
// reason and cannot acknowledge; an operator can and the journal names the operator; an
// operator cannot freeze SPC limits; the sign-in dialog's wrong-password and lock-out
// messages; the session timeout returns the user button to "Viewer"; first administrator; user
// administration; the audit journal and its CSV export (parsed back here, RFC 4180).
// Screenshots: sign-in.png, first-admin.png, user-admin.png, audit-journal.png,
// status-bar-user.png.
#include "core/config_loader.h"
#include "core/current_user.h"
#include "engine/access_control.h"
#include "engine/alarm_service.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "tests/support/sign_in.h"
#include "tests/support/test_support.h"
#include "ui/alarms_page.h"
#include "ui/audit_dialog.h"
#include "ui/first_admin_dialog.h"
#include "ui/main_window.h"
#include "ui/sign_in_dialog.h"
#include "ui/spc_page.h"
#include "ui/user_admin_dialog.h"
#include "ui/user_button.h"
#include "widgets/theme.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;

namespace {

QtMessageHandler g_strictHandler = nullptr;

// The offscreen platform cannot resize native windows to their size hints (or raise them)
// and says so when one is shown: the test platform, not Andon.
void skipOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == QLatin1String("This plugin does not support propagateSizeHints()")
        || message == QLatin1String("This plugin does not support raise()"))
        return;
    g_strictHandler(type, context, message);
}

void save(QWidget *w, const QString &name)
{
    QCoreApplication::processEvents();
    const QString path = QDir(test::screenshotDir()).filePath(name);
    QVERIFY2(w->grab().save(path), qPrintable(path));
}

// RFC 4180 reader written for this test (independent of the exporter): fields separated by
// commas, records by CRLF; a quoted field may hold commas, CRLF and "" for one quote.
std::vector<QStringList> parseCsv(const QString &text)
{
    std::vector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record << field;
            field.clear();
            records.push_back(record);
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record << field;
        records.push_back(record);
    }
    return records;
}

std::unique_ptr<storage::Historian> openJournal(const QTemporaryDir &dir, const QString &name)
{
    storage::HistorianOptions o;
    o.path = dir.filePath(name);
    QString error;
    auto h = storage::Historian::open(o, &error);
    if (!h)
        qWarning("%s", qPrintable(error));
    return h;
}

// 2026-01-13 09:00:00 UTC (python: datetime(2026,1,13,9,tzinfo=utc).timestamp() * 1000).
constexpr TimestampMs kNow = 1'768'294'800'000;
constexpr TimestampMs kMinute = 60'000;

} // namespace

class TstAccessUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        g_strictHandler = qInstallMessageHandler(skipOffscreenNoise);
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        widgets::Theme::apply(widgets::Theme::Mode::Light);
    }

    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
    }

    void viewerOperatorAndEngineerInTheMainWindow()
    {
        const ConfigResult cfg = ConfigLoader::loadFile(
                test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
        QVERIFY2(cfg.ok(), qPrintable(cfg.formattedMessages().join(u'\n')));
        QTemporaryDir dir;
        Engine engine(cfg.model);
        QString error;
        QVERIFY2(engine.openHistorian(dir.filePath(QStringLiteral("plant.db")), &error),
                 qPrintable(error));
        engine.alarms()->setTickInterval(0);
        ui::MainWindow window(&engine);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Press electrical fault (state 12, no on-delay): one unacknowledged alarm.
        const QString fault = QStringLiteral("acme/berlin/assembly/line1/press/electrical_fault");
        const TagId state = engine.model().tagIdByPath(QStringLiteral("acme/berlin/assembly/line1/press/state"));
        QVERIFY(state != kInvalidTag);
        engine.ingest({ Sample{ state, nowUtcMs(), 12, Quality::Good } });
        QTRY_VERIFY_WITH_TIMEOUT(engine.alarms()->status(fault).has_value()
                                         && engine.alarms()->status(fault)->state
                                                 == analytics::AlarmState::UnackActive,
                                 10000);

        // Nobody signed in: a viewer. The button stays visible, greyed out, and says why.
        ui::UserButton *user = window.userButton();
        QVERIFY(user);
        QCOMPARE(user->text(), QStringLiteral("Viewer · Sign in"));
        ui::AlarmsPage *alarms = window.alarmsPage();
        window.showPage(ui::MainWindow::AlarmsPage);
        alarms->refresh();
        alarms->selectAlarm(fault);
        QCOMPARE(alarms->selectedAlarmId(), fault);
        auto *ack = alarms->findChild<QPushButton *>(QStringLiteral("alarmAck"));
        QVERIFY(ack);
        QVERIFY(ack->isVisible());
        QVERIFY(!ack->isEnabled());
        QVERIFY2(ack->toolTip().contains(QStringLiteral("needs the Operator role; sign in first")),
                 qPrintable(ack->toolTip()));
        QVERIFY(!alarms->acknowledgeSelected());
        QVERIFY2(alarms->lastMessage().contains(QStringLiteral("Operator")),
                 qPrintable(alarms->lastMessage()));
        QCOMPARE(alarms->acknowledgePage(), 0);
        QCOMPARE(engine.alarms()->status(fault)->state, analytics::AlarmState::UnackActive);
        QVERIFY(!user->usersAction()->isEnabled());
        QVERIFY(!user->auditAction()->isEnabled());

        // An operator: may acknowledge, and the journal names her.
        QVERIFY2(test::signInAs(engine.access(), Role::Operator, dir, &error,
                                QStringLiteral("olga")),
                 qPrintable(error));
        QCOMPARE(user->text(), QStringLiteral("olga · Operator"));
        QVERIFY(ack->isEnabled());
        QVERIFY(!ack->toolTip().contains(QStringLiteral("needs the")));
        auto *oos = alarms->findChild<QPushButton *>(QStringLiteral("alarmOutOfService"));
        QVERIFY(oos && !oos->isEnabled()); // supervisor and up
        QVERIFY2(oos->toolTip().contains(QStringLiteral("needs the Supervisor role; you are "
                                                        "signed in as Operator")),
                 qPrintable(oos->toolTip()));
        QVERIFY(!alarms->removeSelectedFromService(QStringLiteral("calibration")));
        QVERIFY2(alarms->acknowledgeSelected(), qPrintable(alarms->lastMessage()));
        QCOMPARE(engine.alarms()->status(fault)->state, analytics::AlarmState::AckActive);
        engine.alarms()->flush();
        storage::EventQuery acks;
        acks.categories = QStringList{ QStringLiteral("alarm") };
        acks.kindPrefix = QStringLiteral("alarm.acknowledge");
        const std::vector<storage::Event> acked = engine.historian()->events(acks);
        QCOMPARE(acked.size(), std::size_t(1));
        QCOMPARE(acked[0].user, QStringLiteral("olga"));
        QCOMPARE(acked[0].source, fault);

        // Freezing SPC limits is for engineers: refused for the operator, with the reason.
        ui::SpcPage *spc = window.spcPage();
        QVERIFY(!spc->freezeButton()->isEnabled());
        QVERIFY2(spc->freezeButton()->toolTip().contains(QStringLiteral("needs the Engineer role")),
                 qPrintable(spc->freezeButton()->toolTip()));
        QVERIFY(!spc->openFreezeDialog());
        QVERIFY(!spc->freezeLimits(QStringLiteral("new baseline"), &error));
        QVERIFY2(error.contains(QStringLiteral("Engineer")), qPrintable(error));
        storage::EventQuery spcEvents;
        spcEvents.categories = QStringList{ QStringLiteral("spc") };
        QVERIFY(engine.historian()->events(spcEvents).empty());

        window.showPage(ui::MainWindow::OverviewPageId);
        save(window.statusBar(), QStringLiteral("status-bar-user.png"));

        // Signing out takes the rights away at once.
        user->signOut();
        QCOMPARE(user->text(), QStringLiteral("Viewer · Sign in"));
        QVERIFY(!ack->isEnabled());
        // Sign-in and sign-out are in the audit journal.
        storage::EventQuery audit;
        audit.categories = QStringList{ QStringLiteral("audit") };
        audit.kindPrefix = QStringLiteral("auth.");
        QStringList kinds;
        for (const storage::Event &e : engine.historian()->events(audit))
            kinds << e.kind + u':' + e.user;
        QCOMPARE(kinds, (QStringList{ QStringLiteral("auth.login:olga"),
                                      QStringLiteral("auth.logout:olga") }));
    }

    void signInDialogMessages()
    {
        QTemporaryDir dir;
        const auto journal = openJournal(dir, QStringLiteral("audit.db"));
        QVERIFY(journal);
        ManualClock clock(kNow);
        AccessControl access(&clock);
        SecuritySettings settings;
        settings.lockoutAttempts = 3;
        settings.lockoutMs = 15 * kMinute;
        access.setSettings(settings);
        access.setAuditJournal(journal.get());
        QString error;
        QVERIFY2(access.openStore(dir.filePath(QStringLiteral("users.sqlite")), &error),
                 qPrintable(error));
        QVERIFY2(access.addUser(QStringLiteral("olga"), Role::Operator, test::testPassword(),
                                &error, true),
                 qPrintable(error));
        QVERIFY2(access.addUser(QStringLiteral("sam"), Role::Supervisor, test::testPassword(),
                                &error, true),
                 qPrintable(error));

        ui::SignInDialog dialog(&access, ui::SignInDialog::Mode::SignIn);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Sign in"));
        // Quick switch: the known users are listed.
        QCOMPARE(dialog.userBox()->count(), 2);
        QVERIFY(dialog.userBox()->findText(QStringLiteral("olga")) >= 0);
        dialog.show();
        QVERIFY(!dialog.signInButton()->isEnabled()); // nothing typed yet

        // Wrong password: said in words, the dialog stays open, the password is cleared.
        dialog.userBox()->setEditText(QStringLiteral("olga"));
        dialog.passwordEdit()->setText(QStringLiteral("not the password"));
        QVERIFY(dialog.signInButton()->isEnabled());
        QVERIFY(!dialog.signIn());
        QCOMPARE(dialog.lastResult(), LoginResult::WrongPassword);
        QVERIFY(dialog.messageLabel()->isVisible());
        QVERIFY2(dialog.messageLabel()->text().contains(
                         QStringLiteral("wrong user name or password")),
                 qPrintable(dialog.messageLabel()->text()));
        QVERIFY(dialog.passwordEdit()->text().isEmpty());
        QVERIFY(!access.signedIn());

        // The third failure in a row locks the account for 15 min; then even the right
        // password is refused, and the message says until when in local time:
        // 09:00 UTC + 15 min = 09:15 UTC.
        for (int i = 0; i < 2; ++i) {
            dialog.passwordEdit()->setText(QStringLiteral("still wrong"));
            QVERIFY(!dialog.signIn());
        }
        dialog.passwordEdit()->setText(test::testPassword());
        QVERIFY(!dialog.signIn());
        QCOMPARE(dialog.lastResult(), LoginResult::LockedOut);
        const QString until = QLocale().toString(
                QDateTime(QDate(2026, 1, 13), QTime(9, 15), QTimeZone::utc()).toLocalTime().time(),
                QLocale::ShortFormat);
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("locked until ") + until),
                 qPrintable(dialog.messageLabel()->text() + QStringLiteral(" / ") + until));
        dialog.resize(460, dialog.sizeHint().height());
        save(&dialog, QStringLiteral("sign-in.png"));

        // Another user signs in (shift change); the switch dialog says who is signed in.
        dialog.userBox()->setEditText(QStringLiteral("sam"));
        dialog.passwordEdit()->setText(test::testPassword());
        QVERIFY(dialog.signIn());
        QCOMPARE(access.userName(), QStringLiteral("sam"));
        QCOMPARE(currentUserName(), QStringLiteral("sam"));
        ui::SignInDialog switching(&access, ui::SignInDialog::Mode::SwitchUser);
        QCOMPARE(switching.windowTitle(), QStringLiteral("Switch user"));
        switching.show();
        save(&switching, QStringLiteral("switch-user.png"));
        access.logout();
    }

    void sessionTimeoutReturnsToViewer()
    {
        QTemporaryDir dir;
        const auto journal = openJournal(dir, QStringLiteral("audit.db"));
        QVERIFY(journal);
        ManualClock clock(kNow);
        AccessControl access(&clock);
        SecuritySettings settings;
        settings.sessionTimeoutMs = 15 * kMinute;
        access.setSettings(settings);
        access.setAuditJournal(journal.get());
        QString error;
        QVERIFY2(test::signInAs(&access, Role::Operator, dir, &error, QStringLiteral("olga")),
                 qPrintable(error));
        QWidget window;
        auto *button = new ui::UserButton(&access, journal.get(), &clock, &window);
        auto *edit = new QLineEdit(&window);
        edit->move(0, 40);
        window.resize(400, 100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ActivityFilter activity(&access);
        qApp->installEventFilter(&activity);
        QCOMPARE(button->text(), QStringLiteral("olga · Operator"));

        // 14 min idle: still signed in. A key press resets the idle time.
        clock.advance(14 * kMinute);
        access.checkTimeout();
        QVERIFY(access.signedIn());
        QTest::keyClick(edit, Qt::Key_A);
        clock.advance(14 * kMinute); // 28 min since sign-in, 14 since the key
        access.checkTimeout();
        QVERIFY(access.signedIn());
        QCOMPARE(button->text(), QStringLiteral("olga · Operator"));
        // 15 min without input: back to the viewer, audited as a timeout.
        clock.advance(1 * kMinute);
        access.checkTimeout();
        QVERIFY(!access.signedIn());
        QCOMPARE(button->text(), QStringLiteral("Viewer · Sign in"));
        QVERIFY(button->signInAction()->isEnabled());
        QVERIFY(!button->signOutAction()->isEnabled());
        storage::EventQuery q;
        q.categories = QStringList{ QStringLiteral("audit") };
        q.kindPrefix = QStringLiteral("auth.logout");
        const auto logouts = journal->events(q);
        QCOMPARE(logouts.size(), std::size_t(1));
        QCOMPARE(logouts[0].user, QStringLiteral("olga"));
        QVERIFY2(logouts[0].details.contains(QStringLiteral("timeout")), qPrintable(logouts[0].details));
        qApp->removeEventFilter(&activity);
    }

    void firstAdministrator()
    {
        QTemporaryDir dir;
        const auto journal = openJournal(dir, QStringLiteral("audit.db"));
        QVERIFY(journal);
        ManualClock clock(kNow);
        AccessControl access(&clock);
        access.setAuditJournal(journal.get());
        QString error;
        QVERIFY2(access.openStore(dir.filePath(QStringLiteral("users.sqlite")), &error),
                 qPrintable(error));
        QVERIFY(!access.hasUsers());

        ui::FirstAdminDialog dialog(&access);
        dialog.show();
        save(&dialog, QStringLiteral("first-admin.png"));
        QVERIFY(!dialog.createButton()->isEnabled());
        dialog.nameEdit()->setText(QStringLiteral("admin"));
        dialog.passwordEdit()->setText(QStringLiteral("plant-admin-2026"));
        dialog.repeatEdit()->setText(QStringLiteral("plant-admin-2025"));
        QVERIFY(!dialog.create());
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("differ")),
                 qPrintable(dialog.messageLabel()->text()));
        dialog.passwordEdit()->setText(QStringLiteral("short"));
        dialog.repeatEdit()->setText(QStringLiteral("short"));
        QVERIFY(!dialog.create());
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("at least 10")),
                 qPrintable(dialog.messageLabel()->text()));
        QVERIFY(!access.hasUsers());
        dialog.passwordEdit()->setText(QStringLiteral("plant-admin-2026"));
        dialog.repeatEdit()->setText(QStringLiteral("plant-admin-2026"));
        QVERIFY2(dialog.create(), qPrintable(dialog.messageLabel()->text()));
        QVERIFY(access.hasUsers());
        QVERIFY(access.signedIn());
        QCOMPARE(access.userName(), QStringLiteral("admin"));
        QCOMPARE(access.role(), Role::Administrator);
        access.logout();
    }

    void userAdministration()
    {
        QTemporaryDir dir;
        const auto journal = openJournal(dir, QStringLiteral("audit.db"));
        QVERIFY(journal);
        ManualClock clock(kNow);
        AccessControl access(&clock);
        access.setAuditJournal(journal.get());
        QString error;
        QVERIFY2(test::signInAs(&access, Role::Administrator, dir, &error, QStringLiteral("admin")),
                 qPrintable(error));

        ui::UserAdminDialog dialog(&access, &clock);
        dialog.show();
        QVERIFY(dialog.addButton()->isEnabled());
        QVERIFY(dialog.addUser(QStringLiteral("olga"), Role::Operator, test::testPassword(),
                               test::testPassword()));
        QVERIFY(dialog.addUser(QStringLiteral("sam"), Role::Operator, test::testPassword(),
                               test::testPassword()));
        QVERIFY(!dialog.addUser(QStringLiteral("sam"), Role::Operator, test::testPassword(),
                                test::testPassword()));
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("exists already")),
                 qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(dialog.table()->rowCount(), 3);
        QVERIFY(dialog.selectUser(QStringLiteral("sam")));
        QVERIFY(dialog.changeSelectedRole(Role::Supervisor));
        QVERIFY(dialog.resetSelectedPassword(QStringLiteral("sam-new-password"),
                                             QStringLiteral("sam-new-password")));
        QVERIFY(!dialog.resetSelectedPassword(QStringLiteral("abc"), QStringLiteral("abd")));
        QVERIFY(dialog.setSelectedDisabled(true));
        QCOMPARE(dialog.disableButton()->text(), QStringLiteral("Enable"));
        QVERIFY(dialog.setSelectedDisabled(false));

        // Five failed sign-ins (the default) lock olga out; the admin unlocks her. The lock
        // is on the clock: 09:00 UTC + 15 min.
        for (int i = 0; i < 5; ++i)
            access.login(QStringLiteral("olga"), QStringLiteral("wrong password"), nullptr);
        dialog.refresh();
        const auto cell = [&dialog](const QString &name, int column) {
            for (int r = 0; r < dialog.table()->rowCount(); ++r)
                if (dialog.table()->item(r, ui::UserAdminDialog::NameColumn)->text() == name)
                    return dialog.table()->item(r, column)->text();
            return QStringLiteral("<no row for %1>").arg(name);
        };
        QVERIFY(dialog.selectUser(QStringLiteral("olga")));
        const QString locked = cell(QStringLiteral("olga"), ui::UserAdminDialog::LockedColumn);
        const QString expected = QDateTime(QDate(2026, 1, 13), QTime(9, 15), QTimeZone::utc())
                                         .toLocalTime()
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        QVERIFY2(locked.contains(expected), qPrintable(locked + QStringLiteral(" / ") + expected));
        QVERIFY(dialog.unlockButton()->isEnabled());
        QVERIFY(dialog.selectUser(QStringLiteral("sam")));
        dialog.resize(760, 360);
        QVERIFY(dialog.selectUser(QStringLiteral("olga")));
        save(&dialog, QStringLiteral("user-admin.png"));
        QVERIFY(dialog.unlockSelected());
        QVERIFY(cell(QStringLiteral("olga"), ui::UserAdminDialog::LockedColumn).isEmpty());

        // Every change audited with old and new value.
        storage::EventQuery q;
        q.categories = QStringList{ QStringLiteral("audit") };
        q.kindPrefix = QStringLiteral("users.role");
        const auto roles = journal->events(q);
        QCOMPARE(roles.size(), std::size_t(1));
        QCOMPARE(roles[0].user, QStringLiteral("admin"));
        QCOMPARE(roles[0].source, QStringLiteral("sam"));
        QCOMPARE(roles[0].oldValue, QStringLiteral("operator"));
        QCOMPARE(roles[0].newValue, QStringLiteral("supervisor"));

        // Not an administrator: every button greyed out with the reason.
        QVERIFY(access.login(QStringLiteral("sam"), QStringLiteral("sam-new-password"), nullptr)
                == LoginResult::Ok);
        QVERIFY(!dialog.addButton()->isEnabled());
        QVERIFY2(dialog.addButton()->toolTip().contains(QStringLiteral("Administrator")),
                 qPrintable(dialog.addButton()->toolTip()));
        QVERIFY(!dialog.addUser(QStringLiteral("eve"), Role::Administrator, test::testPassword(),
                                test::testPassword()));
        access.logout();
    }

    void auditJournalListsAndExports()
    {
        QTemporaryDir dir;
        const auto signIns = openJournal(dir, QStringLiteral("signin.db"));
        const auto plant = openJournal(dir, QStringLiteral("plant.db"));
        QVERIFY(signIns && plant);
        ManualClock clock(kNow);
        AccessControl access(&clock);
        access.setAuditJournal(signIns.get()); // the sign-in below is not in `plant`
        QString error;

        // What the journal holds (written here, compared below). Awkward text on purpose:
        // commas, quotes, a line break, non-ASCII.
        std::vector<storage::Event> written;
        const auto add = [&](TimestampMs t, const QString &category, const QString &kind,
                             const QString &source, const QString &user, const QString &oldV,
                             const QString &newV, const QString &message) {
            storage::Event e;
            e.t = t;
            e.category = category;
            e.kind = kind;
            e.source = source;
            e.user = user;
            e.oldValue = oldV;
            e.newValue = newV;
            e.message = message;
            QVERIFY(plant->appendEvent(e, &error) > 0);
            written.push_back(e);
        };
        add(kNow - 2 * kMinute, QStringLiteral("audit"), QStringLiteral("modbus.write"),
            QStringLiteral("acme/line1/press/setpoint"), QStringLiteral("erik"),
            QStringLiteral("120"), QStringLiteral("125.5"),
            QStringLiteral("Wrote 125.5 °C to setpoint, \"FC16\""));
        add(kNow - 60 * kMinute, QStringLiteral("audit"), QStringLiteral("users.role"),
            QStringLiteral("sam"), QStringLiteral("admin"), QStringLiteral("operator"),
            QStringLiteral("supervisor"), QStringLiteral("Role of sam changed,\nfrom operator"));
        add(kNow - 30 * kMinute, QStringLiteral("alarm"), QStringLiteral("alarm.acknowledge"),
            QStringLiteral("acme/line1/press/fault"), QStringLiteral("olga"), QString(), QString(),
            QStringLiteral("Acknowledged"));
        add(kNow - 3 * 24 * 60 * kMinute, QStringLiteral("audit"), QStringLiteral("spc.freeze"),
            QStringLiteral("acme/line1/press/bore"), QStringLiteral("erik"), QString(),
            QStringLiteral("v2"), QStringLiteral("Limits frozen"));

        // A viewer may not read it.
        ui::AuditDialog dialog(plant.get(), &access, &clock);
        QVERIFY(dialog.shownEvents().empty());
        QVERIFY2(dialog.summaryLabel()->text().contains(QStringLiteral("Supervisor")),
                 qPrintable(dialog.summaryLabel()->text()));
        QVERIFY2(test::signInAs(&access, Role::Supervisor, dir, &error, QStringLiteral("sam")),
                 qPrintable(error));

        // Default: category audit, last 24 h, newest first -> the write, then the role change.
        QCOMPARE(dialog.shownEvents().size(), std::size_t(2));
        QCOMPARE(dialog.shownEvents()[0].kind, QStringLiteral("modbus.write"));
        QCOMPARE(dialog.shownEvents()[1].kind, QStringLiteral("users.role"));
        QCOMPARE(dialog.table()->rowCount(), 2);
        QCOMPARE(dialog.table()->item(0, ui::AuditDialog::UserColumn)->text(), QStringLiteral("erik"));
        QCOMPARE(dialog.table()->item(0, ui::AuditDialog::NewColumn)->text(), QStringLiteral("125.5"));
        QCOMPARE(dialog.table()->item(0, ui::AuditDialog::TimeColumn)->text(),
                 QDateTime::fromMSecsSinceEpoch(kNow - 2 * kMinute)
                         .toLocalTime()
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        dialog.setRange(ui::AuditDialog::Last7d);
        QCOMPARE(dialog.shownEvents().size(), std::size_t(3));
        dialog.setCategory(QString()); // all categories
        QCOMPARE(dialog.shownEvents().size(), std::size_t(4));
        dialog.setUserFilter(QStringLiteral("erik"));
        QCOMPARE(dialog.shownEvents().size(), std::size_t(2));
        dialog.setUserFilter(QString());
        dialog.setTextFilter(QStringLiteral("supervisor"));
        QCOMPARE(dialog.shownEvents().size(), std::size_t(1));
        dialog.setTextFilter(QString());
        dialog.show();
        dialog.resize(1280, 420);
        save(&dialog, QStringLiteral("audit-journal.png"));

        // CSV round trip: parse the file and compare with the events written (newest first).
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        QVERIFY2(dialog.exportCsv(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.endsWith(QStringLiteral("\r\n")));
        const std::vector<QStringList> rows = parseCsv(text);
        QCOMPARE(rows.size(), std::size_t(5));
        QCOMPARE(rows[0], (QStringList{ QStringLiteral("time_utc"), QStringLiteral("time_local"),
                                         QStringLiteral("category"), QStringLiteral("kind"),
                                         QStringLiteral("source"), QStringLiteral("user"),
                                         QStringLiteral("old_value"), QStringLiteral("new_value"),
                                         QStringLiteral("message"), QStringLiteral("details") }));
        // Newest first: written[0] (-2 min), [2] (-30 min), [1] (-60 min), [3] (-3 days).
        const int order[] = { 0, 2, 1, 3 };
        // 09:00 UTC - 2 min, written out by hand.
        QCOMPARE(rows[1][0], QStringLiteral("2026-01-13T08:58:00.000Z"));
        for (int i = 0; i < 4; ++i) {
            const QStringList &r = rows[std::size_t(i + 1)];
            const storage::Event &e = written[std::size_t(order[i])];
            QCOMPARE(r.size(), 10);
            QCOMPARE(QDateTime::fromString(r[0], Qt::ISODateWithMs).toMSecsSinceEpoch(), e.t);
            QCOMPARE(QDateTime::fromString(r[1], Qt::ISODateWithMs).toMSecsSinceEpoch(), e.t);
            QCOMPARE(r[2], e.category);
            QCOMPARE(r[3], e.kind);
            QCOMPARE(r[4], e.source);
            QCOMPARE(r[5], e.user);
            QCOMPARE(r[6], e.oldValue);
            QCOMPARE(r[7], e.newValue);
            QCOMPARE(r[8], e.message);
        }
        access.logout();
    }
};

QTEST_MAIN(TstAccessUi)
#include "tst_access_ui.moc"
