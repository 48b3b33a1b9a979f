#include "engine/access_control.h"

#include "core/current_user.h"
#include "storage/historian.h"
#include "storage/user_store.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTimeZone>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <sodium.h>

#include <optional>

Q_LOGGING_CATEGORY(lcAccess, "andon.security")

namespace andon {

namespace {

constexpr int kTimeoutCheckIntervalMs = 1000;
constexpr int kMaxNameLength = 64;
// Upper bound so that a pasted novel cannot tie up the hashing thread; far above any policy.
constexpr int kMaxPasswordLength = 1024;
// Failed sign-ins under names that do not exist are counted in memory too (so that the
// lock-out does not reveal which names exist); bounded against a flood of invented names.
constexpr int kMaxUnknownNames = 1000;

// Argon2id through crypto_pwhash_str with libsodium's INTERACTIVE limits (2 passes, 64 MiB):
// a sign-in at the HMI must answer within a fraction of a second on a small panel PC, and
// 64 MiB per guess makes GPU/ASIC guessing of a stolen users file expensive
// (docs/security.md "Password hashes").
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

QString details(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString isoTime(TimestampMs t)
{
    return QDateTime::fromMSecsSinceEpoch(t).toUTC().toString(Qt::ISODate);
}

QString localTime(TimestampMs t)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(t).toLocalTime().time(),
                              QLocale::ShortFormat);
}

// The UTF-8 bytes of a password, wiped when they go out of scope.
class SecretBytes
{
public:
    explicit SecretBytes(const QString &text) : m_bytes(text.toUtf8()) { }
    ~SecretBytes() { sodium_memzero(m_bytes.data(), std::size_t(m_bytes.size())); }
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    const char *data() const { return m_bytes.constData(); }
    unsigned long long size() const { return static_cast<unsigned long long>(m_bytes.size()); }

private:
    QByteArray m_bytes;
};

UserInfo toInfo(const storage::UserRecord &r)
{
    UserInfo u;
    u.name = r.name;
    u.role = r.role;
    u.disabled = r.disabled;
    u.failedAttempts = r.failedAttempts;
    u.lockedUntilMs = r.lockedUntilMs;
    u.createdMs = r.createdMs;
    u.passwordChangedMs = r.passwordChangedMs;
    u.lastLoginMs = r.lastLoginMs;
    return u;
}

} // namespace

struct AccessControl::Private
{
    AccessControl *q = nullptr;
    const Clock *clock = nullptr;
    SecuritySettings settings;
    storage::Historian *journal = nullptr;
    std::unique_ptr<storage::UserStore> store;
    bool sodiumReady = false;

    bool signedIn = false;
    QString user;
    Role role = Role::Viewer;
    TimestampMs lastActivity = 0;
    QTimer timer;

    struct UnknownName
    {
        int failures = 0;
        TimestampMs lockedUntil = 0;
    };
    QHash<QString, UnknownName> unknownNames; // key: name in lower case
    QByteArray dummyHash; // verified against for unknown names: same time as a real check

    TimestampMs now() const { return clock->now(); }

    // Appends one audit entry; false + *error when it could not be written.
    bool audit(const QString &kind, const QString &actor, const QString &source,
               const QString &message, const QString &oldValue = QString(),
               const QString &newValue = QString(), const QJsonObject &extra = QJsonObject(),
               QString *error = nullptr)
    {
        if (!journal) {
            if (error)
                *error = tr("the audit journal is not open (no historian)");
            return false;
        }
        storage::Event e;
        e.t = now();
        e.category = QStringLiteral("audit");
        e.kind = kind;
        e.source = source;
        e.user = actor;
        e.message = message;
        e.oldValue = oldValue;
        e.newValue = newValue;
        if (!extra.isEmpty())
            e.details = details(extra);
        QString why;
        if (journal->appendEvent(e, &why) < 0) {
            if (error)
                *error = tr("the audit entry could not be written: %1").arg(why);
            return false;
        }
        return true;
    }

    static QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
    {
        return AccessControl::tr(text, disambiguation, n);
    }

    QString hash(const QString &password, QString *error) const
    {
        char out[crypto_pwhash_STRBYTES];
        const SecretBytes bytes(password);
        if (crypto_pwhash_str(out, bytes.data(), bytes.size(), kOpsLimit, kMemLimit) != 0) {
            *error = tr("the password could not be hashed (out of memory)");
            return QString();
        }
        return QString::fromLatin1(out);
    }

    bool verify(const QString &hashText, const QString &password) const
    {
        const QByteArray h = hashText.toLatin1();
        const SecretBytes bytes(password);
        return crypto_pwhash_str_verify(h.constData(), bytes.data(), bytes.size()) == 0;
    }

    // Spends the time of one verification for a name that does not exist.
    void verifyDummy(const QString &password)
    {
        if (dummyHash.isEmpty()) {
            unsigned char random[16];
            randombytes_buf(random, sizeof random);
            char out[crypto_pwhash_STRBYTES];
            if (crypto_pwhash_str(out, reinterpret_cast<const char *>(random), sizeof random,
                                  kOpsLimit, kMemLimit)
                == 0)
                dummyHash = QByteArray(out);
        }
        if (!dummyHash.isEmpty()) {
            const SecretBytes bytes(password);
            const int ignored =
                    crypto_pwhash_str_verify(dummyHash.constData(), bytes.data(), bytes.size());
            Q_UNUSED(ignored)
        }
    }

    bool checkPolicy(const QString &name, const QString &password, QString *error) const
    {
        const auto length = password.toUcs4().size();
        if (length < settings.minPasswordLength) {
            *error = tr("The password needs at least %n characters.", nullptr,
                        settings.minPasswordLength);
            return false;
        }
        if (length > kMaxPasswordLength) {
            *error = tr("The password is longer than %n characters.", nullptr,
                        kMaxPasswordLength);
            return false;
        }
        if (password.compare(name, Qt::CaseInsensitive) == 0) {
            *error = tr("The password must not be the user name.");
            return false;
        }
        return true;
    }

    static bool checkName(const QString &name, QString *error)
    {
        if (name.isEmpty()) {
            *error = tr("The user name is empty.");
            return false;
        }
        if (name.size() > kMaxNameLength) {
            *error = tr("The user name is longer than %n characters.", nullptr, kMaxNameLength);
            return false;
        }
        for (const QChar c : name) {
            if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
                *error = tr("The user name contains control characters.");
                return false;
            }
        }
        return true;
    }

    // Who acts in an administrative call, or nullopt with *error when not allowed.
    std::optional<QString> authorize(bool bootstrap, bool firstUser, QString *error) const
    {
        if (!store) {
            *error = tr("The users store is not open.");
            return std::nullopt;
        }
        if (!journal) {
            *error = tr("User administration is refused: the audit journal is not open "
                        "(no historian).");
            return std::nullopt;
        }
        if (bootstrap)
            return currentUserName() + QStringLiteral(" (andon-cli)");
        if (firstUser)
            return currentUserName();
        QString why;
        if (!q->require(Action::ManageUsers, &why)) {
            *error = why;
            return std::nullopt;
        }
        return user;
    }

    // The user `name`, or nullopt with *error.
    std::optional<storage::UserRecord> findUser(const QString &name, QString *error) const
    {
        QString why;
        auto record = store->find(name.trimmed(), &why);
        if (!record)
            *error = why.isEmpty() ? tr("There is no user called %1.").arg(name.trimmed()) : why;
        return record;
    }

    // Who acts and the record of the user `name` for an administrative call on an existing
    // user, or nullopt with *error.
    struct AdminTarget
    {
        QString actor;
        storage::UserRecord record;
    };
    std::optional<AdminTarget> adminTarget(
        const QString &name, bool bootstrap, QString *error) const
    {
        auto actor = authorize(bootstrap, false, error);
        if (!actor)
            return std::nullopt;
        auto record = findUser(name, error);
        if (!record)
            return std::nullopt;
        return AdminTarget { *actor, *record };
    }

    // Number of enabled administrators other than `except`.
    int otherActiveAdministrators(const QString &except) const
    {
        int n = 0;
        for (const storage::UserRecord &r : store->all()) {
            if (r.role == Role::Administrator && !r.disabled
                && r.name.compare(except, Qt::CaseInsensitive) != 0)
                ++n;
        }
        return n;
    }

    // True with *error when `record` is the last enabled administrator: it may neither lose
    // the role nor be disabled.
    bool lastAdministrator(const storage::UserRecord &record, QString *error) const
    {
        if (record.role != Role::Administrator || record.disabled
            || otherActiveAdministrators(record.name) > 0)
            return false;
        *error = tr("%1 is the last administrator; add another one first.").arg(record.name);
        return true;
    }

    // Gives `record` the new `password` (policy checked, hashed, change time now); false and
    // *error when the policy refuses it or hashing fails.
    bool setNewPassword(storage::UserRecord &record, const QString &password, QString *error)
    {
        if (!checkPolicy(record.name, password, error))
            return false;
        const QString newHash = hash(password, error);
        if (newHash.isEmpty())
            return false;
        record.passwordHash = newHash;
        record.passwordChangedMs = now();
        return true;
    }

    // Writes `record` (inserted when `newUser`, else updated) and its audit entry together
    // (see UserStore::begin()).
    bool writeAudited(const storage::UserRecord &record, const QString &kind, const QString &actor,
        const QString &message, const QString &oldValue, const QString &newValue,
        const QJsonObject &extra, QString *error, bool newUser = false)
    {
        if (!store->begin(error))
            return false;
        if (!(newUser ? store->insert(record, error) : store->update(record, error))) {
            store->rollback();
            return false;
        }
        if (!audit(kind, actor, record.name, message, oldValue, newValue, extra, error)) {
            store->rollback();
            return false;
        }
        return store->commit(error);
    }

    void startSession(const storage::UserRecord &record)
    {
        signedIn = true;
        user = record.name;
        role = record.role;
        lastActivity = now();
        setSessionUser(user, role);
        if (settings.sessionTimeoutMs > 0)
            timer.start();
    }

    void endSession()
    {
        signedIn = false;
        user.clear();
        role = Role::Viewer;
        clearSessionUser();
        timer.stop();
    }

    QString failedMessage() const
    {
        return tr("Sign-in failed: wrong user name or password.");
    }

    QString lockedMessage(TimestampMs until) const
    {
        return tr("Too many failed sign-ins: this user name is locked until %1.")
                .arg(localTime(until));
    }

    // A failed attempt under a name that has no account: counted in memory like a real one.
    LoginResult failUnknown(const QString &name, QString *message)
    {
        const TimestampMs t = now();
        const QString key = name.toLower();
        if (!unknownNames.contains(key) && unknownNames.size() >= kMaxUnknownNames)
            unknownNames.clear();
        UnknownName &entry = unknownNames[key];
        if (entry.lockedUntil > t) {
            audit(QStringLiteral("auth.login_failed"), name, name,
                  tr("Sign-in as %1 refused: locked").arg(name), QString(), QString(),
                  QJsonObject{ { QStringLiteral("reason"), QStringLiteral("locked") } });
            *message = lockedMessage(entry.lockedUntil);
            return LoginResult::LockedOut;
        }
        ++entry.failures;
        audit(QStringLiteral("auth.login_failed"), name, name,
              tr("Failed sign-in as %1: unknown user").arg(name), QString(), QString(),
              QJsonObject{ { QStringLiteral("reason"), QStringLiteral("unknown_user") },
                           { QStringLiteral("failed_attempts"), entry.failures } });
        if (settings.lockoutAttempts > 0 && entry.failures >= settings.lockoutAttempts) {
            entry.failures = 0;
            entry.lockedUntil = t + settings.lockoutMs;
            audit(QStringLiteral("auth.locked_out"), name, name,
                  tr("%1 locked out after %n failed sign-ins", nullptr,
                     settings.lockoutAttempts)
                          .arg(name),
                  QString(), isoTime(entry.lockedUntil),
                  QJsonObject{ { QStringLiteral("attempts"), settings.lockoutAttempts },
                               { QStringLiteral("locked_until_ms"), qint64(entry.lockedUntil) },
                               { QStringLiteral("known_user"), false } });
            emit q->lockedOut(name);
            *message = failedMessage() + QLatin1Char(' ') + lockedMessage(entry.lockedUntil);
            return LoginResult::UnknownUser;
        }
        *message = failedMessage();
        return LoginResult::UnknownUser;
    }
};

AccessControl::AccessControl(const Clock *clock, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->clock = clock ? clock : &SystemClock::instance();
    d->sodiumReady = sodium_init() >= 0;
    if (!d->sodiumReady)
        qCCritical(lcAccess) << "libsodium could not be initialised: nobody can sign in";
    d->timer.setInterval(kTimeoutCheckIntervalMs);
    connect(&d->timer, &QTimer::timeout, this, &AccessControl::checkTimeout);
}

AccessControl::~AccessControl()
{
    // The process-wide identity must not outlive the session it describes.
    if (d->signedIn)
        clearSessionUser();
}

void AccessControl::setSettings(const SecuritySettings &settings)
{
    d->settings = settings;
}

const SecuritySettings &AccessControl::settings() const
{
    return d->settings;
}

void AccessControl::setAuditJournal(storage::Historian *historian)
{
    d->journal = historian;
}

QString AccessControl::defaultStorePath(const SecuritySettings &settings,
                                        const QString &historianPath)
{
    if (!settings.usersDb.isEmpty())
        return settings.usersDb;
    if (historianPath.isEmpty() || historianPath == QLatin1String("-"))
        return QString();
    return QDir(QFileInfo(historianPath).absolutePath())
            .filePath(QStringLiteral("andon-users.sqlite"));
}

bool AccessControl::openStore(const QString &path, QString *error)
{
    QString why;
    if (!d->sodiumReady) {
        why = tr("libsodium could not be initialised");
        if (error)
            *error = why;
        return false;
    }
    auto store = storage::UserStore::open(path, &why);
    if (!store) {
        if (error)
            *error = why;
        return false;
    }
    d->store = std::move(store);
    return true;
}

bool AccessControl::isOpen() const
{
    return d->store != nullptr;
}

QString AccessControl::storePath() const
{
    return d->store ? d->store->path() : QString();
}

bool AccessControl::hasAuditJournal() const
{
    return d->journal != nullptr;
}

bool AccessControl::hasUsers() const
{
    return d->store && d->store->count() > 0;
}

LoginResult AccessControl::login(const QString &nameIn, const QString &password,
                                 QString *message)
{
    QString ignored;
    QString &msg = message ? *message : ignored;
    const QString name = nameIn.trimmed();
    if (!d->store || !d->sodiumReady) {
        msg = tr("Sign-in is not possible: the users store is not open.");
        return LoginResult::NoStore;
    }
    if (!d->journal) {
        msg = tr("Sign-in is not possible: the audit journal is not open (no historian).");
        return LoginResult::NoStore;
    }
    QString why;
    std::optional<storage::UserRecord> found = d->store->find(name, &why);
    if (!found && !why.isEmpty()) {
        qCWarning(lcAccess).noquote() << why;
        msg = tr("Sign-in is not possible: the users store cannot be read.");
        return LoginResult::NoStore;
    }
    if (!found || name.isEmpty()) {
        d->verifyDummy(password);
        return d->failUnknown(name, &msg);
    }

    storage::UserRecord record = *found;
    const TimestampMs t = d->now();
    if (record.lockedUntilMs > t) {
        d->audit(QStringLiteral("auth.login_failed"), record.name, record.name,
                 tr("Sign-in as %1 refused: locked").arg(record.name), QString(), QString(),
                 QJsonObject{ { QStringLiteral("reason"), QStringLiteral("locked") } });
        msg = d->lockedMessage(record.lockedUntilMs);
        return LoginResult::LockedOut;
    }
    if (record.lockedUntilMs != 0) {
        record.lockedUntilMs = 0; // the lock ran out: a fresh series of attempts
        record.failedAttempts = 0;
    }

    if (!d->verify(record.passwordHash, password)) {
        ++record.failedAttempts;
        const bool lock = d->settings.lockoutAttempts > 0
                && record.failedAttempts >= d->settings.lockoutAttempts;
        const int attempts = record.failedAttempts;
        if (lock) {
            record.failedAttempts = 0;
            record.lockedUntilMs = t + d->settings.lockoutMs;
        }
        if (!d->store->update(record, &why))
            qCWarning(lcAccess).noquote() << why;
        d->audit(QStringLiteral("auth.login_failed"), record.name, record.name,
                 tr("Failed sign-in as %1: wrong password").arg(record.name), QString(),
                 QString(),
                 QJsonObject{ { QStringLiteral("reason"), QStringLiteral("wrong_password") },
                              { QStringLiteral("failed_attempts"), attempts } });
        if (lock) {
            d->audit(QStringLiteral("auth.locked_out"), record.name, record.name,
                     tr("%1 locked out after %n failed sign-ins", nullptr, attempts)
                             .arg(record.name),
                     QString(), isoTime(record.lockedUntilMs),
                     QJsonObject{ { QStringLiteral("attempts"), attempts },
                                  { QStringLiteral("locked_until_ms"), qint64(record.lockedUntilMs) },
                                  { QStringLiteral("known_user"), true } });
            emit lockedOut(record.name);
            msg = d->failedMessage() + QLatin1Char(' ') + d->lockedMessage(record.lockedUntilMs);
        } else {
            msg = d->failedMessage();
        }
        return LoginResult::WrongPassword;
    }

    if (record.disabled) {
        d->audit(QStringLiteral("auth.login_failed"), record.name, record.name,
                 tr("Sign-in as %1 refused: account disabled").arg(record.name), QString(),
                 QString(),
                 QJsonObject{ { QStringLiteral("reason"), QStringLiteral("disabled") } });
        msg = tr("This account is disabled; ask an administrator.");
        return LoginResult::Disabled;
    }

    // Hashes made with weaker limits (older builds) are upgraded while the password is known.
    if (crypto_pwhash_str_needs_rehash(record.passwordHash.toLatin1().constData(), kOpsLimit,
                                       kMemLimit)
        != 0) {
        const QString upgraded = d->hash(password, &why);
        if (!upgraded.isEmpty())
            record.passwordHash = upgraded;
    }
    record.failedAttempts = 0;
    record.lockedUntilMs = 0;
    record.lastLoginMs = t;

    // A sign-in while someone else is signed in is the quick switch at shift change.
    if (d->signedIn) {
        d->audit(QStringLiteral("auth.logout"), d->user, d->user,
                 tr("%1 signed out (user switch to %2)").arg(d->user, record.name), QString(),
                 QString(), QJsonObject{ { QStringLiteral("reason"), QStringLiteral("switch") } });
    }
    if (!d->audit(QStringLiteral("auth.login"), record.name, record.name,
                  tr("%1 signed in as %2").arg(record.name, roleDisplayName(record.role)),
                  QString(), roleId(record.role), QJsonObject(), &why)) {
        // No sign-in that the journal does not show.
        qCWarning(lcAccess).noquote() << why;
        if (d->signedIn) {
            d->endSession();
            emit userChanged();
        }
        msg = tr("Sign-in is not possible: %1").arg(why);
        return LoginResult::NoStore;
    }
    if (!d->store->update(record, &why))
        qCWarning(lcAccess).noquote() << why;
    d->startSession(record);
    msg.clear();
    emit userChanged();
    return LoginResult::Ok;
}

void AccessControl::logout(const QString &reason)
{
    if (!d->signedIn)
        return;
    const QString why = reason.isEmpty() ? QStringLiteral("user") : reason;
    const QString name = d->user;
    d->audit(QStringLiteral("auth.logout"), name, name,
             why == QLatin1String("timeout")
                     ? tr("%1 signed out after the idle timeout").arg(name)
                     : tr("%1 signed out").arg(name),
             QString(), QString(), QJsonObject{ { QStringLiteral("reason"), why } });
    d->endSession();
    emit userChanged();
}

bool AccessControl::signedIn() const
{
    return d->signedIn;
}

QString AccessControl::userName() const
{
    return d->signedIn ? d->user : QString();
}

Role AccessControl::role() const
{
    return d->signedIn ? d->role : Role::Viewer;
}

bool AccessControl::require(Action action, QString *why) const
{
    if (can(action))
        return true;
    if (why) {
        const QString needed = roleDisplayName(minimumRole(action));
        *why = d->signedIn
                ? tr("\"%1\" needs the %2 role; you are signed in as %3.")
                          .arg(actionDisplayName(action), needed, roleDisplayName(d->role))
                : tr("\"%1\" needs the %2 role; sign in first.")
                          .arg(actionDisplayName(action), needed);
    }
    return false;
}

void AccessControl::noteActivity()
{
    d->lastActivity = d->now();
}

void AccessControl::checkTimeout()
{
    if (d->signedIn && d->settings.sessionTimeoutMs > 0
        && d->now() - d->lastActivity >= d->settings.sessionTimeoutMs)
        logout(QStringLiteral("timeout"));
}

qint64 AccessControl::msUntilTimeout() const
{
    if (!d->signedIn || d->settings.sessionTimeoutMs <= 0)
        return -1;
    return std::max<qint64>(0, d->settings.sessionTimeoutMs - (d->now() - d->lastActivity));
}

bool AccessControl::addUser(const QString &nameIn, Role role, const QString &password,
                            QString *error, bool bootstrap)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    const QString name = nameIn.trimmed();
    const bool first = d->store && d->store->count() == 0;
    const auto actor = d->authorize(bootstrap, first, &err);
    if (!actor)
        return false;
    if (first && !bootstrap && !d->signedIn && role != Role::Administrator) {
        err = tr("The first user must be an administrator.");
        return false;
    }
    if (!Private::checkName(name, &err) || !d->checkPolicy(name, password, &err))
        return false;
    if (d->store->find(name)) {
        err = tr("A user called %1 exists already.").arg(name);
        return false;
    }
    storage::UserRecord record;
    record.name = name;
    record.role = role;
    record.passwordHash = d->hash(password, &err);
    if (record.passwordHash.isEmpty())
        return false;
    const TimestampMs t = d->now();
    record.createdMs = t;
    record.passwordChangedMs = t;
    return d->writeAudited(record, QStringLiteral("users.add"), *actor,
        tr("User %1 added as %2").arg(name, roleDisplayName(role)), QString(), roleId(role),
        QJsonObject(), &err, /*newUser=*/true);
}

bool AccessControl::setRole(const QString &name, Role role, QString *error, bool bootstrap)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    auto target = d->adminTarget(name, bootstrap, &err);
    if (!target)
        return false;
    storage::UserRecord *record = &target->record;
    const Role old = record->role;
    if (old == role) {
        err = tr("%1 has the role %2 already.").arg(record->name, roleDisplayName(role));
        return false;
    }
    if (d->lastAdministrator(*record, &err))
        return false;
    record->role = role;
    if (!d->writeAudited(*record, QStringLiteral("users.role"), target->actor,
            tr("Role of %1 changed from %2 to %3")
                .arg(record->name, roleDisplayName(old), roleDisplayName(role)),
            roleId(old), roleId(role), QJsonObject(), &err))
        return false;
    if (d->signedIn && d->user.compare(record->name, Qt::CaseInsensitive) == 0) {
        d->role = role;
        setSessionUser(d->user, role);
        emit userChanged();
    }
    return true;
}

bool AccessControl::setPassword(const QString &name, const QString &password, QString *error,
                                bool bootstrap)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    auto target = d->adminTarget(name, bootstrap, &err);
    if (!target)
        return false;
    storage::UserRecord *record = &target->record;
    if (!d->setNewPassword(*record, password, &err))
        return false;
    // A new password set by an administrator also ends a lock-out.
    record->failedAttempts = 0;
    record->lockedUntilMs = 0;
    return d->writeAudited(*record, QStringLiteral("users.password"), target->actor,
        tr("Password of %1 changed").arg(record->name), QString(), QString(), QJsonObject(), &err);
}

bool AccessControl::changeOwnPassword(const QString &currentPassword,
                                      const QString &newPassword, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    if (!d->signedIn) {
        err = tr("Sign in first.");
        return false;
    }
    if (!d->store || !d->journal) {
        err = tr("The password cannot be changed: the users store or the audit journal is "
                 "not open.");
        return false;
    }
    auto record = d->findUser(d->user, &err);
    if (!record)
        return false;
    if (!d->verify(record->passwordHash, currentPassword)) {
        err = tr("The current password is wrong.");
        return false;
    }
    if (!d->setNewPassword(*record, newPassword, &err))
        return false;
    return d->writeAudited(*record, QStringLiteral("users.password"), record->name,
        tr("%1 changed their own password").arg(record->name), QString(), QString(), QJsonObject(),
        &err);
}

bool AccessControl::setDisabled(const QString &name, bool disabled, QString *error,
                                bool bootstrap)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    auto target = d->adminTarget(name, bootstrap, &err);
    if (!target)
        return false;
    storage::UserRecord *record = &target->record;
    if (record->disabled == disabled) {
        err = disabled ? tr("%1 is disabled already.").arg(record->name)
                       : tr("%1 is enabled already.").arg(record->name);
        return false;
    }
    if (disabled && d->lastAdministrator(*record, &err))
        return false;
    record->disabled = disabled;
    const QString enabledText = QStringLiteral("enabled");
    const QString disabledText = QStringLiteral("disabled");
    if (!d->writeAudited(*record,
            disabled ? QStringLiteral("users.disable") : QStringLiteral("users.enable"),
            target->actor,
            disabled ? tr("User %1 disabled").arg(record->name)
                     : tr("User %1 enabled").arg(record->name),
            disabled ? enabledText : disabledText, disabled ? disabledText : enabledText,
            QJsonObject(), &err))
        return false;
    if (disabled && d->signedIn && d->user.compare(record->name, Qt::CaseInsensitive) == 0)
        logout(QStringLiteral("disabled"));
    return true;
}

bool AccessControl::unlock(const QString &name, QString *error, bool bootstrap)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    auto target = d->adminTarget(name, bootstrap, &err);
    if (!target)
        return false;
    storage::UserRecord *record = &target->record;
    const TimestampMs t = d->now();
    const bool locked = record->lockedUntilMs > t;
    const QJsonObject extra{ { QStringLiteral("locked_until_ms"), qint64(record->lockedUntilMs) },
                             { QStringLiteral("failed_attempts"), record->failedAttempts } };
    record->lockedUntilMs = 0;
    record->failedAttempts = 0;
    return d->writeAudited(*record, QStringLiteral("users.unlock"), target->actor,
        tr("User %1 unlocked").arg(record->name),
        locked ? QStringLiteral("locked") : QStringLiteral("not locked"),
        QStringLiteral("unlocked"), extra, &err);
}

std::vector<UserInfo> AccessControl::users() const
{
    std::vector<UserInfo> out;
    if (!d->store)
        return out;
    QString why;
    const std::vector<storage::UserRecord> records = d->store->all(&why);
    if (!why.isEmpty())
        qCWarning(lcAccess).noquote() << why;
    out.reserve(records.size());
    for (const storage::UserRecord &r : records)
        out.push_back(toInfo(r));
    return out;
}

} // namespace andon
