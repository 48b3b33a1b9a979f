// AccessControl (engine/access_control.h): users, sign-in, lock-out, session timeout and the
// audit journal, on a ManualClock with a real Historian and users store in a temp dir.
// Every test ends (cleanup) by checking that no test password and no hash appears in any
// audit event field or in any log line written during the test.
#include "core/config_loader.h"
#include "core/current_user.h"
#include "engine/access_control.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "storage/user_store.h"
#include "tests/support/argon2_reference.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace andon;

namespace {

// 2023-11-14T22:13:20Z
constexpr TimestampMs kStart = 1'700'000'000'000;
constexpr qint64 kLockoutMs = 10 * 60'000;
constexpr qint64 kTimeoutMs = 5 * 60'000;
constexpr int kAttempts = 3;

const QString kAdminPw = QStringLiteral("Adm1n-Secret-Pw");
const QString kAnnaPw = QStringLiteral("anna-pass-1234");
const QString kAnnaPw2 = QStringLiteral("anna-pass-5678");
const QString kWrongPw = QStringLiteral("wrong-guess-000");
const QString kGenericFailure = QStringLiteral("Sign-in failed: wrong user name or password.");

// Every log line of the process while a test runs; checked for secrets in cleanup().
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << text;
    }
    if (g_previous)
        g_previous(type, context, text);
}

QString reason(const storage::Event &e)
{
    return QJsonDocument::fromJson(e.details.toUtf8()).object().value(QStringLiteral("reason"))
            .toString();
}

} // namespace

class TstAccessControl : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<storage::Historian> m_historian;
    std::unique_ptr<AccessControl> m_access;
    std::int64_t m_lastEventId = 0;

    QString usersPath() const { return m_dir->filePath(QStringLiteral("users.sqlite")); }

    std::vector<storage::Event> auditEvents(std::int64_t afterId = 0) const
    {
        storage::EventQuery q;
        q.categories = { QStringLiteral("audit") };
        q.afterId = afterId;
        return m_historian->events(q);
    }

    // The audit events since the last call.
    std::vector<storage::Event> newEvents()
    {
        auto events = auditEvents(m_lastEventId);
        if (!events.empty())
            m_lastEventId = events.back().id;
        return events;
    }

    // The first administrator, added while nobody is signed in, then signed in.
    void addAdminAndSignIn()
    {
        QString error;
        QVERIFY2(m_access->addUser(QStringLiteral("admin"), Role::Administrator, kAdminPw,
                                   &error),
                 qPrintable(error));
        QString message;
        QCOMPARE(m_access->login(QStringLiteral("admin"), kAdminPw, &message), LoginResult::Ok);
        newEvents();
    }

    void addAnna(Role role = Role::Operator)
    {
        QString error;
        QVERIFY2(m_access->addUser(QStringLiteral("anna"), role, kAnnaPw, &error),
                 qPrintable(error));
        newEvents();
    }

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        g_previous = qInstallMessageHandler(capture);
    }

    void init()
    {
        {
            QMutexLocker lock(&g_logMutex);
            g_log.clear();
        }
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>(kStart);
        storage::HistorianOptions options;
        options.path = m_dir->filePath(QStringLiteral("h.sqlite"));
        QString error;
        m_historian = storage::Historian::open(options, &error);
        QVERIFY2(m_historian, qPrintable(error));
        m_access = std::make_unique<AccessControl>(m_clock.get());
        SecuritySettings s;
        s.lockoutAttempts = kAttempts;
        s.lockoutMs = kLockoutMs;
        s.sessionTimeoutMs = kTimeoutMs;
        s.minPasswordLength = 10;
        m_access->setSettings(s);
        m_access->setAuditJournal(m_historian.get());
        QVERIFY2(m_access->openStore(usersPath(), &error), qPrintable(error));
        m_lastEventId = 0;
    }

    void cleanup()
    {
        const QStringList secrets{ kAdminPw, kAnnaPw, kAnnaPw2, kWrongPw };
        if (m_historian) {
            for (const storage::Event &e : auditEvents()) {
                const QStringList fields{ e.kind, e.source, e.user, e.message,
                                          e.oldValue, e.newValue, e.details };
                for (const QString &f : fields) {
                    for (const QString &s : secrets)
                        QVERIFY2(!f.contains(s), qPrintable(e.kind + QStringLiteral(": ") + f));
                    QVERIFY2(!f.contains(QLatin1String("$argon2")), qPrintable(f));
                }
            }
        }
        m_access.reset();
        m_historian.reset();
        m_dir.reset();
        QMutexLocker lock(&g_logMutex);
        for (const QString &line : std::as_const(g_log)) {
            for (const QString &s : secrets)
                QVERIFY2(!line.contains(s), qPrintable(line));
            QVERIFY2(!line.contains(QLatin1String("$argon2")), qPrintable(line));
        }
        QVERIFY2(test::unexpectedWarnings().isEmpty(),
                 qPrintable(test::unexpectedWarnings().join(QLatin1Char('\n'))));
        test::clearUnexpectedWarnings();
        QVERIFY(!hasSessionUser());
    }

    void firstUserNeedsNoSignIn()
    {
        QVERIFY(!m_access->hasUsers());
        const QString os = currentUserName(); // nobody signed in: the OS login
        QString error;
        QVERIFY(!m_access->addUser(QStringLiteral("anna"), Role::Operator, kAnnaPw, &error));
        QCOMPARE(error, QStringLiteral("The first user must be an administrator."));
        QVERIFY2(m_access->addUser(QStringLiteral("admin"), Role::Administrator, kAdminPw,
                                   &error),
                 qPrintable(error));
        QVERIFY(m_access->hasUsers());
        const auto events = newEvents();
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].kind, QStringLiteral("users.add"));
        QCOMPARE(events[0].user, os);
        QCOMPARE(events[0].source, QStringLiteral("admin"));
        QCOMPARE(events[0].oldValue, QString());
        QCOMPARE(events[0].newValue, QStringLiteral("administrator"));
        QCOMPARE(events[0].t, kStart);
        // From now on only a signed-in administrator adds users.
        QVERIFY(!m_access->addUser(QStringLiteral("anna"), Role::Operator, kAnnaPw, &error));
        QCOMPARE(error, QStringLiteral("\"Manage users\" needs the Administrator role; sign in first."));
        QVERIFY(newEvents().empty());
    }

    void storeFileIsPrivateAndArgon2id()
    {
        addAdminAndSignIn();
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(usersPath()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        // libsodium's crypto_pwhash_OPSLIMIT_INTERACTIVE = 2 passes and
        // crypto_pwhash_MEMLIMIT_INTERACTIVE = 67108864 bytes = 65536 KiB, one lane
        // (libsodium documentation, "Password hashing"); crypto_pwhash_str is Argon2id v1.3.
        const QString hash = test::storedPasswordHash(usersPath(), QStringLiteral("admin"));
        QVERIFY2(hash.startsWith(QLatin1String("$argon2id$v=19$m=65536,t=2,p=1$")),
                 "unexpected hash format");
        // Independent check with argon2-cffi: the right password verifies, a wrong one not.
        int code = 0;
        QString out = test::argon2Verify(hash, kAdminPw, &code);
        QCOMPARE(out, QStringLiteral("ok"));
        QCOMPARE(code, 0);
        out = test::argon2Verify(hash, kWrongPw, &code);
        QCOMPARE(out, QStringLiteral("mismatch"));
        QCOMPARE(code, 1);
        m_access->logout();
    }

    // A hash made by argon2-cffi with weaker parameters verifies in Andon and is upgraded to
    // the INTERACTIVE limits at the next sign-in.
    void foreignWeakHashIsRehashed()
    {
        addAdminAndSignIn();
        m_access->logout();
        int code = 0;
        const QString weak = test::runArgon2Reference(
                { QStringLiteral("hash"), QStringLiteral("1"), QStringLiteral("8192"),
                  QStringLiteral("1") },
                (kAnnaPw + u'\n').toUtf8(), &code);
        QCOMPARE(code, 0);
        QVERIFY(weak.startsWith(QLatin1String("$argon2id$v=19$m=8192,t=1,p=1$")));
        {
            QString error;
            auto store = storage::UserStore::open(usersPath(), &error);
            QVERIFY2(store, qPrintable(error));
            storage::UserRecord r;
            r.name = QStringLiteral("anna");
            r.role = Role::Operator;
            r.passwordHash = weak;
            r.createdMs = kStart;
            r.passwordChangedMs = kStart;
            QVERIFY2(store->insert(r, &error), qPrintable(error));
        }
        QString message;
        QCOMPARE(m_access->login(QStringLiteral("anna"), kWrongPw, &message),
                 LoginResult::WrongPassword);
        QCOMPARE(m_access->login(QStringLiteral("anna"), kAnnaPw, &message), LoginResult::Ok);
        const QString upgraded = test::storedPasswordHash(usersPath(), QStringLiteral("anna"));
        QVERIFY(upgraded.startsWith(QLatin1String("$argon2id$v=19$m=65536,t=2,p=1$")));
        m_access->logout();
    }

    void loginOk()
    {
        addAdminAndSignIn();
        addAnna();
        m_access->logout();
        newEvents();
        QSignalSpy changed(m_access.get(), &AccessControl::userChanged);
        m_clock->advance(1000);
        QString message = QStringLiteral("stale");
        QCOMPARE(m_access->login(QStringLiteral(" Anna "), kAnnaPw, &message), LoginResult::Ok);
        QVERIFY(message.isEmpty());
        QCOMPARE(changed.count(), 1);
        QVERIFY(m_access->signedIn());
        QCOMPARE(m_access->userName(), QStringLiteral("anna")); // the stored spelling
        QCOMPARE(m_access->role(), Role::Operator);
        QVERIFY(hasSessionUser());
        QCOMPARE(currentUserName(), QStringLiteral("anna"));
        QCOMPARE(currentRole(), Role::Operator);
        QVERIFY(m_access->can(Action::AcknowledgeAlarm));
        QVERIFY(!m_access->can(Action::ModbusWrite));
        QString why;
        QVERIFY(!m_access->require(Action::ModbusWrite, &why));
        QCOMPARE(why, QStringLiteral("\"Write values to Modbus devices\" needs the Engineer role; "
                                     "you are signed in as Operator."));
        const auto events = newEvents();
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].kind, QStringLiteral("auth.login"));
        QCOMPARE(events[0].user, QStringLiteral("anna"));
        QCOMPARE(events[0].source, QStringLiteral("anna"));
        QCOMPARE(events[0].newValue, QStringLiteral("operator"));
        QCOMPARE(events[0].t, kStart + 1000);
        const auto users = m_access->users();
        QCOMPARE(users.size(), std::size_t(2));
        QCOMPARE(users[1].name, QStringLiteral("anna"));
        QCOMPARE(users[1].lastLoginMs, kStart + 1000);
        m_access->logout();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(currentRole(), Role::Viewer);
    }

    void wrongPasswordAndUnknownUserLookAlike()
    {
        addAdminAndSignIn();
        addAnna();
        m_access->logout();
        newEvents();
        QString wrong, unknown;
        QCOMPARE(m_access->login(QStringLiteral("anna"), kWrongPw, &wrong),
                 LoginResult::WrongPassword);
        QCOMPARE(m_access->login(QStringLiteral("ghost"), kWrongPw, &unknown),
                 LoginResult::UnknownUser);
        QCOMPARE(wrong, kGenericFailure);
        QCOMPARE(unknown, wrong);
        QVERIFY(!m_access->signedIn());
        QCOMPARE(currentRole(), Role::Viewer);
        const auto events = newEvents();
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].kind, QStringLiteral("auth.login_failed"));
        QCOMPARE(events[0].source, QStringLiteral("anna"));
        QCOMPARE(reason(events[0]), QStringLiteral("wrong_password"));
        QCOMPARE(events[1].kind, QStringLiteral("auth.login_failed"));
        QCOMPARE(events[1].source, QStringLiteral("ghost")); // the name tried
        QCOMPARE(events[1].user, QStringLiteral("ghost"));
        QCOMPARE(reason(events[1]), QStringLiteral("unknown_user"));
        QCOMPARE(m_access->users()[1].failedAttempts, 1);
    }

    void lockoutAndExpiry()
    {
        addAdminAndSignIn();
        addAnna();
        m_access->logout();
        newEvents();
        QSignalSpy locked(m_access.get(), &AccessControl::lockedOut);
        QString message;
        for (int i = 1; i < kAttempts; ++i) {
            QCOMPARE(m_access->login(QStringLiteral("anna"), kWrongPw, &message),
                     LoginResult::WrongPassword);
            QCOMPARE(message, kGenericFailure);
        }
        QCOMPARE(locked.count(), 0);
        QCOMPARE(m_access->login(QStringLiteral("anna"), kWrongPw, &message),
                 LoginResult::WrongPassword);
        QCOMPARE(locked.count(), 1);
        QCOMPARE(locked.at(0).at(0).toString(), QStringLiteral("anna"));
        QVERIFY2(message.startsWith(kGenericFailure), qPrintable(message));
        auto events = newEvents();
        QCOMPARE(events.size(), std::size_t(kAttempts + 1));
        QCOMPARE(events.back().kind, QStringLiteral("auth.locked_out"));
        QCOMPARE(events.back().source, QStringLiteral("anna"));
        // kStart + 10 min = 2023-11-14T22:13:20Z + 600 s
        QCOMPARE(events.back().newValue, QStringLiteral("2023-11-14T22:23:20Z"));

        // Locked: even the right password is refused, without saying whether it was right.
        QCOMPARE(m_access->login(QStringLiteral("anna"), kAnnaPw, &message),
                 LoginResult::LockedOut);
        QVERIFY(!m_access->signedIn());
        events = newEvents();
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].kind, QStringLiteral("auth.login_failed"));
        QCOMPARE(reason(events[0]), QStringLiteral("locked"));
        m_clock->advance(kLockoutMs - 1);
        QCOMPARE(m_access->login(QStringLiteral("anna"), kAnnaPw, &message),
                 LoginResult::LockedOut);
        m_clock->advance(1);
        QCOMPARE(m_access->login(QStringLiteral("anna"), kAnnaPw, &message), LoginResult::Ok);
        m_access->logout();
    }

    // Names without an account lock the same way, so the lock-out does not tell them apart.
    void unknownNamesLockToo()
    {
        addAdminAndSignIn();
        addAnna();
        m_access->logout();
        QString known, unknown;
        for (int i = 0; i < kAttempts; ++i) {
            QCOMPARE(m_access->login(QStringLiteral("anna"), kWrongPw, &known),
                     LoginResult::WrongPassword);
            QCOMPARE(m_access->login(QStringLiteral("ghost"), kWrongPw, &unknown),
                     LoginResult::UnknownUser);
            QCOMPARE(unknown, known);
        }
        QCOMPARE(m_access->login(QStringLiteral("anna"), kWrongPw, &known), LoginResult::LockedOut);
        QCOMPARE(m_access->login(QStringLiteral("ghost"), kWrongPw, &unknown),
                 LoginResult::LockedOut);
        QCOMPARE(unknown, known);
    }

    void adminUnlocks()
    {
        addAdminAndSignIn();
        addAnna();
        m_access->logout();
        QString message;
        for (int i = 0; i < kAttempts; ++i)
            m_access->login(QStringLiteral("anna"), kWrongPw, &message);
        QVERIFY(m_access->users()[1].lockedUntilMs > kStart);
        QCOMPARE(m_access->login(QStringLiteral("admin"), kAdminPw, &message), LoginResult::Ok);
        newEvents();
        QString error;
        QVERIFY2(m_access->unlock(QStringLiteral("anna"), &error), qPrintable(error));
        const auto events = newEvents();
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].kind, QStringLiteral("users.unlock"));
        QCOMPARE(events[0].user, QStringLiteral("admin"));
        QCOMPARE(events[0].source, QStringLiteral("anna"));
        QCOMPARE(events[0].oldValue, QStringLiteral("locked"));
        QCOMPARE(events[0].newValue, QStringLiteral("unlocked"));
        QCOMPARE(m_access->users()[1].lockedUntilMs, TimestampMs(0));
        // Quick switch at shift change: anna signs in over admin's session.
        QCOMPARE(m_access->login(QStringLiteral("anna"), kAnnaPw, &message), LoginResult::Ok);
        QCOMPARE(m_access->userName(), QStringLiteral("anna"));
        m_access->logout();
    }

    void disabledUserRefused()
    {
        addAdminAndSignIn();
        addAnna();
        QString error;
        QVERIFY2(m_access->setDisabled(QStringLiteral("anna"), true, &error), qPrintable(error));
        m_access->logout();
        newEvents();
        QString message;
        QCOMPARE(m_access->login(QStringLiteral("anna"), kAnnaPw, &message), LoginResult::Disabled);
        QCOMPARE(message, QStringLiteral("This account is disabled; ask an administrator."));
        QVERIFY(!m_access->signedIn());
        // A wrong password on a disabled account looks like any wrong password.
        QCOMPARE(m_access->login(QStringLiteral("anna"), kWrongPw, &message),
                 LoginResult::WrongPassword);
        QCOMPARE(message, kGenericFailure);
        const auto events = newEvents();
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(reason(events[0]), QStringLiteral("disabled"));
    }

    void timeoutFallsBackToViewer()
    {
        addAdminAndSignIn();
        addAnna();
        QString message;
        QCOMPARE(m_access->login(QStringLiteral("anna"), kAnnaPw, &message), LoginResult::Ok);
        newEvents();
        QSignalSpy changed(m_access.get(), &AccessControl::userChanged);
        QCOMPARE(m_access->msUntilTimeout(), kTimeoutMs);
        m_clock->advance(kTimeoutMs - 1);
        m_access->checkTimeout();
        QVERIFY(m_access->signedIn());
        QCOMPARE(m_access->msUntilTimeout(), qint64(1));
        m_clock->advance(1);
        m_access->checkTimeout();
        QVERIFY(!m_access->signedIn());
        QCOMPARE(m_access->role(), Role::Viewer);
        QCOMPARE(currentRole(), Role::Viewer);
        QVERIFY(!hasSessionUser());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_access->msUntilTimeout(), qint64(-1));
        const auto events = newEvents();
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].kind, QStringLiteral("auth.logout"));
        QCOMPARE(events[0].user, QStringLiteral("anna"));
        QCOMPARE(events[0].source, QStringLiteral("anna"));
        QCOMPARE(reason(events[0]), QStringLiteral("timeout"));
        QCOMPARE(events[0].t, kStart + kTimeoutMs);
    }

    void activityPostponesTimeout()
    {
        addAdminAndSignIn();
        m_clock->advance(kTimeoutMs - 60'000);
        m_access->noteActivity();
        m_clock->advance(kTimeoutMs - 60'000);
        m_access->checkTimeout();
        QVERIFY(m_access->signedIn());
        m_clock->advance(60'000);
        m_access->checkTimeout();
        QVERIFY(!m_access->signedIn());
    }

    void adminActionsNeedAnAdministrator()
    {
        addAdminAndSignIn();
        addAnna(Role::Engineer);
        QString message;
        QCOMPARE(m_access->login(QStringLiteral("anna"), kAnnaPw, &message), LoginResult::Ok);
        newEvents();
        const QString expected = QStringLiteral(
                "\"Manage users\" needs the Administrator role; you are signed in as Engineer.");
        QString error;
        QVERIFY(!m_access->addUser(QStringLiteral("bob"), Role::Viewer, kAnnaPw2, &error));
        QCOMPARE(error, expected);
        error.clear();
        QVERIFY(!m_access->setRole(QStringLiteral("anna"), Role::Administrator, &error));
        QCOMPARE(error, expected);
        error.clear();
        QVERIFY(!m_access->setPassword(QStringLiteral("admin"), kAnnaPw2, &error));
        QCOMPARE(error, expected);
        error.clear();
        QVERIFY(!m_access->setDisabled(QStringLiteral("admin"), true, &error));
        QCOMPARE(error, expected);
        error.clear();
        QVERIFY(!m_access->unlock(QStringLiteral("admin"), &error));
        QCOMPARE(error, expected);
        QVERIFY(newEvents().empty());
        QCOMPARE(m_access->users()[0].role, Role::Administrator);
        m_access->logout();
    }

    // Each administrative action writes exactly one audit event with these fields.
    void everyActionAudited()
    {
        addAdminAndSignIn();
        QString error;
        struct Expected
        {
            QString kind, user, source, oldValue, newValue;
        };
        const auto expectOne = [this](const Expected &x) {
            const auto events = newEvents();
            QCOMPARE(events.size(), std::size_t(1));
            const storage::Event &e = events[0];
            QCOMPARE(e.category, QStringLiteral("audit"));
            QCOMPARE(e.kind, x.kind);
            QCOMPARE(e.user, x.user);
            QCOMPARE(e.source, x.source);
            QCOMPARE(e.oldValue, x.oldValue);
            QCOMPARE(e.newValue, x.newValue);
            QVERIFY(!e.message.isEmpty());
        };
        const QString admin = QStringLiteral("admin");
        const QString anna = QStringLiteral("anna");
        QVERIFY(m_access->addUser(anna, Role::Operator, kAnnaPw, &error));
        expectOne({ QStringLiteral("users.add"), admin, anna, QString(), QStringLiteral("operator") });
        QVERIFY(m_access->setRole(anna, Role::Supervisor, &error));
        expectOne({ QStringLiteral("users.role"), admin, anna, QStringLiteral("operator"),
                    QStringLiteral("supervisor") });
        QVERIFY(m_access->setPassword(anna, kAnnaPw2, &error));
        expectOne({ QStringLiteral("users.password"), admin, anna, QString(), QString() });
        QVERIFY(m_access->setDisabled(anna, true, &error));
        expectOne({ QStringLiteral("users.disable"), admin, anna, QStringLiteral("enabled"),
                    QStringLiteral("disabled") });
        QVERIFY(m_access->setDisabled(anna, false, &error));
        expectOne({ QStringLiteral("users.enable"), admin, anna, QStringLiteral("disabled"),
                    QStringLiteral("enabled") });
        QVERIFY(m_access->unlock(anna, &error));
        expectOne({ QStringLiteral("users.unlock"), admin, anna, QStringLiteral("not locked"),
                    QStringLiteral("unlocked") });
        m_access->logout();
        expectOne({ QStringLiteral("auth.logout"), admin, admin, QString(), QString() });
        QString message;
        QCOMPARE(m_access->login(anna, kAnnaPw2, &message), LoginResult::Ok);
        expectOne({ QStringLiteral("auth.login"), anna, anna, QString(),
                    QStringLiteral("supervisor") });
        QVERIFY2(m_access->changeOwnPassword(kAnnaPw2, kAnnaPw, &error), qPrintable(error));
        expectOne({ QStringLiteral("users.password"), anna, anna, QString(), QString() });
        // A sign-in over a session is a switch: the old session's logout, then the login.
        QCOMPARE(m_access->login(admin, kAdminPw, &message), LoginResult::Ok);
        const auto events = newEvents();
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].kind, QStringLiteral("auth.logout"));
        QCOMPARE(events[0].source, anna);
        QCOMPARE(reason(events[0]), QStringLiteral("switch"));
        QCOMPARE(events[1].kind, QStringLiteral("auth.login"));
        QCOMPARE(events[1].source, admin);
        m_access->logout();
    }

    void passwordPolicy()
    {
        addAdminAndSignIn();
        QString error;
        QVERIFY(!m_access->addUser(QStringLiteral("bob"), Role::Viewer, QStringLiteral("short"),
                                   &error));
        QCOMPARE(error, QStringLiteral("The password needs at least 10 characters."));
        QVERIFY(!m_access->addUser(QStringLiteral("bobbybobby"), Role::Viewer,
                                   QStringLiteral("BobbyBobby"), &error));
        QCOMPARE(error, QStringLiteral("The password must not be the user name."));
        QVERIFY(!m_access->addUser(QStringLiteral("admin"), Role::Viewer, kAnnaPw, &error));
        QCOMPARE(error, QStringLiteral("A user called admin exists already."));
        QVERIFY(!m_access->addUser(QString(), Role::Viewer, kAnnaPw, &error));
        QCOMPARE(error, QStringLiteral("The user name is empty."));
        QVERIFY(newEvents().empty());
        m_access->logout();
    }

    void lastAdministratorStays()
    {
        addAdminAndSignIn();
        QString error;
        QVERIFY(!m_access->setRole(QStringLiteral("admin"), Role::Engineer, &error));
        QCOMPARE(error, QStringLiteral("admin is the last administrator; add another one first."));
        QVERIFY(!m_access->setDisabled(QStringLiteral("admin"), true, &error));
        QCOMPARE(error, QStringLiteral("admin is the last administrator; add another one first."));
        QVERIFY(newEvents().empty());
        m_access->logout();
    }

    void noJournalNoChange()
    {
        m_access->setAuditJournal(nullptr);
        QString error;
        QVERIFY(!m_access->addUser(QStringLiteral("admin"), Role::Administrator, kAdminPw,
                                   &error));
        QVERIFY2(error.contains(QLatin1String("audit journal")), qPrintable(error));
        QVERIFY(!m_access->hasUsers());
        QString message;
        QCOMPARE(m_access->login(QStringLiteral("admin"), kAdminPw, &message),
                 LoginResult::NoStore);
    }

    void corruptStoreNamesTheFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("words");
        QTest::newRow("garbage") << QByteArray(4096, 'x') << QStringLiteral("cannot be read");
        QTest::newRow("truncated header")
                << QByteArray("SQLite format 3\0garbage", 24) << QStringLiteral("users store");
        QTest::newRow("historian") << QByteArray() << QStringLiteral("not an Andon users store");
    }
    void corruptStoreNamesTheFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, words);
        QString path = m_dir->filePath(QStringLiteral("bad.sqlite"));
        if (content.isEmpty()) {
            path = m_historian->path(); // a real SQLite file, but not a users store
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        AccessControl other(m_clock.get());
        QString error;
        QVERIFY(!other.openStore(path, &error));
        QVERIFY2(error.contains(QFileInfo(path).absoluteFilePath()), qPrintable(error));
        QVERIFY2(error.contains(words), qPrintable(error));
        QVERIFY(!other.isOpen());
        QString message;
        QCOMPARE(other.login(QStringLiteral("admin"), kAdminPw, &message), LoginResult::NoStore);
        QVERIFY(!other.addUser(QStringLiteral("admin"), Role::Administrator, kAdminPw, &error));
        // A directory in the way is refused too.
        QVERIFY(!other.openStore(m_dir->path(), &error));
        QVERIFY2(error.contains(m_dir->path()), qPrintable(error));
    }

    void configSection()
    {
        const QByteArray yaml = "andon: 1\n"
                                "plant: { enterprise: acme }\n"
                                "security:\n"
                                "  users_db: sub/users.db\n"
                                "  session_timeout_min: 30\n"
                                "  lockout_attempts: 4\n"
                                "  lockout_min: 2\n"
                                "  min_password_length: 12\n"
                                "sites: []\n";
        const ConfigResult r = ConfigLoader::loadString(yaml, QStringLiteral("plant.yaml"),
                                                        m_dir->path());
        QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(QLatin1Char('\n'))));
        const SecuritySettings &s = r.model->security;
        QCOMPARE(s.usersDb, m_dir->filePath(QStringLiteral("sub/users.db")));
        QCOMPARE(s.sessionTimeoutMs, qint64(30 * 60'000));
        QCOMPARE(s.lockoutAttempts, 4);
        QCOMPARE(s.lockoutMs, qint64(2 * 60'000));
        QCOMPARE(s.minPasswordLength, 12);

        const QByteArray bad = "andon: 1\n"
                               "plant: { enterprise: acme }\n"
                               "security:\n"
                               "  session_timeout_min: -1\n"
                               "  lockout: 3\n"
                               "sites: []\n";
        const ConfigResult e = ConfigLoader::loadString(bad, QStringLiteral("plant.yaml"),
                                                        m_dir->path());
        QVERIFY(!e.ok());
        const QString all = e.formattedMessages().join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("plant.yaml:4:")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("security.session_timeout_min")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("plant.yaml:5:")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("lockout")), qPrintable(all));
    }

    // The engine opens the users store next to its historian and audits into it.
    void engineOpensStoreWithHistorian()
    {
        const ConfigResult r = ConfigLoader::loadString(
                "andon: 1\nplant: { enterprise: acme }\nsites: []\n",
                QStringLiteral("plant.yaml"), m_dir->path());
        QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(QLatin1Char('\n'))));
        QTemporaryDir dir;
        Engine engine(r.model);
        QVERIFY(engine.access());
        QVERIFY(!engine.access()->isOpen());
        QString error;
        QVERIFY2(engine.openHistorian(dir.filePath(QStringLiteral("plant.sqlite")), &error),
                 qPrintable(error));
        QVERIFY(engine.access()->isOpen());
        QCOMPARE(engine.access()->storePath(), dir.filePath(QStringLiteral("andon-users.sqlite")));
        QVERIFY(engine.access()->hasAuditJournal());
        QVERIFY(!engine.access()->hasUsers());
        QVERIFY2(engine.access()->addUser(QStringLiteral("admin"), Role::Administrator, kAdminPw,
                                          &error),
                 qPrintable(error));
        storage::EventQuery q;
        q.categories = { QStringLiteral("audit") };
        const auto events = engine.historian()->events(q);
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].kind, QStringLiteral("users.add"));
    }
};

QTEST_GUILESS_MAIN(TstAccessControl)
#include "tst_access_control.moc"
