// Local users, sign-in, lock-out, session timeout and the audit of all of it (issue 13).
// Owned by the Engine (Engine::access()); lives on the GUI thread. Passwords are stored as
// libsodium Argon2id hashes (crypto_pwhash_str) in a small SQLite users store
// (storage/user_store.h); every security-relevant change is appended to the historian's
// event journal (category "audit") with user, time, old and new value.
#pragma once

#include "core/clock.h"
#include "core/permissions.h"
#include "core/plant_model.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace andon::storage {
class Historian;
class UserStore;
}

namespace andon {

// SecuritySettings lives in core/plant_model.h (the config loader fills it).

struct UserInfo
{
    QString name;
    Role role = Role::Viewer;
    bool disabled = false;
    int failedAttempts = 0;
    TimestampMs lockedUntilMs = 0;     // 0 = not locked
    TimestampMs createdMs = 0;
    TimestampMs passwordChangedMs = 0;
    TimestampMs lastLoginMs = 0;
};

enum class LoginResult { Ok, UnknownUser, WrongPassword, LockedOut, Disabled, NoStore };

class AccessControl : public QObject
{
    Q_OBJECT
public:
    AccessControl(const Clock *clock, QObject *parent = nullptr);
    ~AccessControl() override;

    void setSettings(const SecuritySettings &settings);
    const SecuritySettings &settings() const;
    // Where audit entries go; null = nowhere (then audited admin actions are refused).
    void setAuditJournal(storage::Historian *historian);

    // Where the users store lives: settings.usersDb, else andon-users.sqlite in the directory
    // of `historianPath`; "" when neither is known (Engine then uses AppDataLocation).
    static QString defaultStorePath(const SecuritySettings &settings,
                                    const QString &historianPath);
    // Opens (creating if missing) the users store; false with a message naming the file.
    bool openStore(const QString &path, QString *error);
    bool isOpen() const;
    QString storePath() const;        // absolute path of the open users store, "" when none
    bool hasAuditJournal() const;     // false: sign-in and user administration are refused
    // No user yet: the GUI asks for the first administrator (andon-cli user add does too).
    bool hasUsers() const;

    // Sign-in: on success the session user becomes `name` with its role (setSessionUser),
    // userChanged() is emitted and the idle timer starts. Failures are counted per user;
    // `lockoutAttempts` failures in a row lock the account for `lockoutMs`. Every attempt,
    // good or bad, is audited ("auth.login" / "auth.login_failed" / "auth.locked_out").
    // `message` gets words for the user (never says whether the user name exists).
    LoginResult login(const QString &name, const QString &password, QString *message);
    // Back to the viewer role (audited "auth.logout"); `reason` e.g. "timeout".
    void logout(const QString &reason = QString());

    bool signedIn() const;
    QString userName() const;   // "" when nobody is signed in
    Role role() const;          // Viewer when nobody is signed in
    bool can(Action action) const { return roleAllows(role(), action); }
    // True when allowed; else false with `why` in words ("Acknowledging alarms needs the
    // Operator role; you are signed in as Viewer.").
    bool require(Action action, QString *why) const;

    // Any user input resets the idle timer (the GUI installs an event filter that calls it).
    void noteActivity();
    // Checks the idle time against sessionTimeoutMs on the clock (called by the internal 1 s
    // timer; public for tests on a ManualClock). Logs out with reason "timeout" when due.
    void checkTimeout();
    // Idle time left before the timeout logs out (ms); -1 when nobody is signed in or there
    // is no timeout (GUI: "signed out in 2 min").
    qint64 msUntilTimeout() const;

    // Administration: each needs a signed-in administrator, except addUser while no user
    // exists (first start) and `bootstrap` calls from andon-cli (the OS account owning the
    // files). All audited with old and new values (never the password).
    bool addUser(const QString &name, Role role, const QString &password, QString *error,
                 bool bootstrap = false);
    bool setRole(const QString &name, Role role, QString *error, bool bootstrap = false);
    bool setPassword(const QString &name, const QString &password, QString *error,
                     bool bootstrap = false);
    bool setDisabled(const QString &name, bool disabled, QString *error, bool bootstrap = false);
    bool unlock(const QString &name, QString *error, bool bootstrap = false);
    // The signed-in user changes their own password (any role): needs the current one.
    // Audited as "users.password" with user == source.
    bool changeOwnPassword(const QString &currentPassword, const QString &newPassword,
                           QString *error);
    std::vector<UserInfo> users() const;

signals:
    void userChanged();
    void lockedOut(const QString &name);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace andon
