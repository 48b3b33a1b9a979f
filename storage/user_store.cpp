#include "storage/user_store.h"

#include "storage/sqlite_util.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcUserStore, "andon.security")

namespace andon::storage {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("andon::storage::UserStore", text);
}

// Schema version 1. The name collates NOCASE so "Anna" and "anna" are one user.
constexpr const char *kSchemaV1 = R"SQL(
CREATE TABLE users(
    name TEXT PRIMARY KEY COLLATE NOCASE NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until_ms INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    password_changed_ms INTEGER NOT NULL,
    last_login_ms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES ('schema_version', '1');
PRAGMA application_id = 1095648341;
PRAGMA user_version = 1;
)SQL";
static_assert(UserStore::kApplicationId == 1095648341);

constexpr const char *kColumns = "name, role, password_hash, disabled, failed_attempts, "
                                 "locked_until_ms, created_ms, password_changed_ms, last_login_ms";

// Creates `path` with mode 0600 before SQLite touches it, so the hashes are never readable by
// other accounts, not even for a moment (SQLite gives its journal the database's mode).
bool createPrivateFile(const QString &path, QString *error)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir)) {
        *error = tr("cannot create the directory %1").arg(dir);
        return false;
    }
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    ::close(fd);
    return true;
}

// An existing store readable by group or others is tightened to 0600 (e.g. after a copy).
void tightenMode(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st {};
    if (::stat(native.constData(), &st) != 0 || (st.st_mode & 077) == 0)
        return;
    if (::chmod(native.constData(), S_IRUSR | S_IWUSR) == 0)
        qCInfo(lcUserStore).noquote() << tr("%1 was readable by other accounts; now mode 0600")
                                                 .arg(path);
    else
        qCWarning(lcUserStore).noquote()
                << tr("%1 is readable by other accounts and its mode cannot be changed: %2")
                           .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
}

bool pragmaInt(sql::Db &db, const char *text, std::int64_t *value, QString *error)
{
    sql::Stmt st(db.get(), text);
    if (!st.valid()) {
        *error = db.lastError();
        return false;
    }
    const int rc = st.step();
    if (rc != SQLITE_ROW) {
        *error = db.lastError();
        return false;
    }
    *value = st.int64(0);
    return true;
}

} // namespace

struct UserStore::Impl
{
    QString path;
    sql::Db db;

    QString failure(const QString &what) const
    {
        return tr("users store %1: %2: %3").arg(path, what, db.lastError());
    }

    UserRecord read(const sql::Stmt &st) const
    {
        UserRecord u;
        u.name = st.text(0);
        const QString role = st.text(1);
        if (const auto r = roleFromId(role)) {
            u.role = *r;
        } else {
            // Least privilege for a role this build does not know.
            u.role = Role::Viewer;
            qCWarning(lcUserStore).noquote()
                    << tr("users store %1: user %2 has the unknown role \"%3\"; treated as viewer")
                               .arg(path, u.name, role);
        }
        u.passwordHash = st.text(2);
        u.disabled = st.int64(3) != 0;
        u.failedAttempts = int(st.int64(4));
        u.lockedUntilMs = st.int64(5);
        u.createdMs = st.int64(6);
        u.passwordChangedMs = st.int64(7);
        u.lastLoginMs = st.int64(8);
        return u;
    }

    void bindAll(sql::Stmt &st, const UserRecord &u) const
    {
        st.bind(1, u.name)
                .bind(2, roleId(u.role))
                .bind(3, u.passwordHash)
                .bind(4, u.disabled ? 1 : 0)
                .bind(5, u.failedAttempts)
                .bind(6, std::int64_t(u.lockedUntilMs))
                .bind(7, std::int64_t(u.createdMs))
                .bind(8, std::int64_t(u.passwordChangedMs))
                .bind(9, std::int64_t(u.lastLoginMs));
    }
};

UserStore::UserStore() : d(std::make_unique<Impl>()) { }
UserStore::~UserStore() = default;

std::unique_ptr<UserStore> UserStore::open(const QString &path, QString *error)
{
    QString why;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto fail = [&](const QString &text) {
        if (error)
            *error = text;
        return std::unique_ptr<UserStore>();
    };
    if (path.isEmpty())
        return fail(tr("no users store file given"));
    if (!QFileInfo::exists(absolute)) {
        if (!createPrivateFile(absolute, &why))
            return fail(tr("cannot create the users store %1: %2").arg(absolute, why));
    } else {
        if (QFileInfo(absolute).isDir())
            return fail(tr("the users store %1 is a directory").arg(absolute));
    }

    std::unique_ptr<UserStore> store(new UserStore());
    store->d->path = absolute;
    sql::Db &db = store->d->db;
    if (!db.open(absolute, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, &why))
        return fail(tr("cannot open the users store %1: %2").arg(absolute, why));

    // A damaged or foreign file fails here ("file is not a database") or in quick_check.
    std::int64_t appId = 0;
    std::int64_t version = 0;
    if (!pragmaInt(db, "PRAGMA application_id", &appId, &why)
        || !pragmaInt(db, "PRAGMA user_version", &version, &why)) {
        return fail(tr("the users store %1 cannot be read (damaged or not a database): %2")
                            .arg(absolute, why));
    }
    {
        sql::Stmt check(db.get(), "PRAGMA quick_check");
        if (!check.valid() || check.step() != SQLITE_ROW || check.text(0) != QLatin1String("ok")) {
            return fail(tr("the users store %1 is damaged: %2")
                                .arg(absolute, check.valid() ? check.text(0) : db.lastError()));
        }
    }
    std::int64_t tables = 0;
    if (!pragmaInt(db, "SELECT count(*) FROM sqlite_master", &tables, &why))
        return fail(tr("the users store %1 cannot be read: %2").arg(absolute, why));

    if (appId == 0 && version == 0 && tables == 0) {
        if (!db.exec("BEGIN IMMEDIATE", &why)
            || !db.exec(kSchemaV1, &why) || !db.exec("COMMIT", &why)) {
            db.exec("ROLLBACK");
            return fail(tr("cannot create the users store %1: %2").arg(absolute, why));
        }
    } else if (appId != kApplicationId) {
        return fail(tr("%1 is not an Andon users store (application_id 0x%2)")
                            .arg(absolute)
                            .arg(quint32(appId), 8, 16, QLatin1Char('0')));
    } else if (version > kSchemaVersion) {
        return fail(tr("the users store %1 has schema version %2; this Andon reads up to %3")
                            .arg(absolute)
                            .arg(version)
                            .arg(kSchemaVersion));
    } else if (version < 1) {
        return fail(tr("the users store %1 has no schema version").arg(absolute));
    }
    tightenMode(absolute); // only now: never chmod a file that is not ours
    // Overwrite deleted content (old hashes) instead of leaving it in free pages.
    db.exec("PRAGMA secure_delete = ON");
    return store;
}

QString UserStore::path() const
{
    return d->path;
}

int UserStore::count(QString *error) const
{
    sql::Stmt st(d->db.get(), "SELECT count(*) FROM users");
    if (!st.valid() || st.step() != SQLITE_ROW) {
        if (error)
            *error = d->failure(tr("cannot count the users"));
        return -1;
    }
    return int(st.int64(0));
}

std::optional<UserRecord> UserStore::find(const QString &name, QString *error) const
{
    const QByteArray text = QByteArray("SELECT ") + kColumns + " FROM users WHERE name = ?1";
    sql::Stmt st(d->db.get(), text.constData());
    if (!st.valid()) {
        if (error)
            *error = d->failure(tr("cannot read the users"));
        return std::nullopt;
    }
    st.bind(1, name);
    const int rc = st.step();
    if (rc == SQLITE_ROW)
        return d->read(st);
    if (rc != SQLITE_DONE && error)
        *error = d->failure(tr("cannot read the users"));
    return std::nullopt;
}

std::vector<UserRecord> UserStore::all(QString *error) const
{
    std::vector<UserRecord> out;
    const QByteArray text = QByteArray("SELECT ") + kColumns + " FROM users ORDER BY name";
    sql::Stmt st(d->db.get(), text.constData());
    if (!st.valid()) {
        if (error)
            *error = d->failure(tr("cannot read the users"));
        return out;
    }
    int rc = SQLITE_ROW;
    while ((rc = st.step()) == SQLITE_ROW)
        out.push_back(d->read(st));
    if (rc != SQLITE_DONE && error)
        *error = d->failure(tr("cannot read the users"));
    return out;
}

bool UserStore::insert(const UserRecord &user, QString *error)
{
    const QByteArray text = QByteArray("INSERT INTO users(") + kColumns
            + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sql::Stmt st(d->db.get(), text.constData());
    if (!st.valid()) {
        *error = d->failure(tr("cannot add a user"));
        return false;
    }
    d->bindAll(st, user);
    const int rc = st.run();
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE) {
        *error = tr("a user called %1 exists already").arg(user.name);
        return false;
    }
    if (rc != SQLITE_DONE) {
        *error = d->failure(tr("cannot add user %1").arg(user.name));
        return false;
    }
    return true;
}

bool UserStore::update(const UserRecord &user, QString *error)
{
    sql::Stmt st(d->db.get(),
                 "UPDATE users SET role = ?2, password_hash = ?3, disabled = ?4, "
                 "failed_attempts = ?5, locked_until_ms = ?6, created_ms = ?7, "
                 "password_changed_ms = ?8, last_login_ms = ?9 WHERE name = ?1");
    if (!st.valid()) {
        *error = d->failure(tr("cannot change a user"));
        return false;
    }
    d->bindAll(st, user);
    if (st.run() != SQLITE_DONE) {
        *error = d->failure(tr("cannot change user %1").arg(user.name));
        return false;
    }
    if (sqlite3_changes(d->db.get()) == 0) {
        *error = tr("there is no user called %1").arg(user.name);
        return false;
    }
    return true;
}

bool UserStore::begin(QString *error)
{
    QString why;
    if (!d->db.exec("BEGIN IMMEDIATE", &why)) {
        *error = tr("users store %1: cannot start a change: %2").arg(d->path, why);
        return false;
    }
    return true;
}

bool UserStore::commit(QString *error)
{
    QString why;
    if (!d->db.exec("COMMIT", &why)) {
        *error = tr("users store %1: cannot save the change: %2").arg(d->path, why);
        d->db.exec("ROLLBACK");
        return false;
    }
    return true;
}

void UserStore::rollback()
{
    d->db.exec("ROLLBACK");
}

} // namespace andon::storage
