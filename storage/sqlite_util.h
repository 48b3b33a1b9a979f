// Thin RAII wrappers over the SQLite C API (connection + prepared statement) used by the
// historian and its benchmark. Owned by whoever opens the connection; not thread-safe.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <utility>

#include <QByteArray>
#include <QString>

namespace andon::storage::sql {

// Owns one sqlite3* connection; closes it (sqlite3_close_v2) on destruction.
class Db
{
public:
    Db() = default;
    explicit Db(sqlite3 *db) : m_db(db) {}
    ~Db() { reset(); }
    Db(Db &&o) noexcept : m_db(std::exchange(o.m_db, nullptr)) {}
    Db &operator=(Db &&o) noexcept
    {
        if (this != &o) {
            reset();
            m_db = std::exchange(o.m_db, nullptr);
        }
        return *this;
    }
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;

    // Opens `path` with `flags` (SQLITE_OPEN_*). On failure returns false with *error set.
    bool open(const QString &path, int flags, QString *error)
    {
        reset();
        sqlite3 *db = nullptr;
        const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
        m_db = db; // even on failure a handle may be returned and must be closed
        if (rc != SQLITE_OK) {
            if (error)
                *error = QStringLiteral("cannot open %1: %2").arg(path, lastError());
            reset();
            return false;
        }
        sqlite3_extended_result_codes(m_db, 1);
        sqlite3_busy_timeout(m_db, 5000);
        return true;
    }
    void reset()
    {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    sqlite3 *get() const { return m_db; }
    explicit operator bool() const { return m_db != nullptr; }

    QString lastError() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no connection");
    }
    int lastErrorCode() const { return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE; }

    // Runs one or more statements without results. Returns false + *error on failure.
    bool exec(const char *sqlText, QString *error = nullptr)
    {
        char *msg = nullptr;
        const int rc = sqlite3_exec(m_db, sqlText, nullptr, nullptr, &msg);
        if (rc != SQLITE_OK) {
            if (error)
                *error = QString::fromUtf8(msg ? msg : sqlite3_errstr(rc));
            sqlite3_free(msg);
            return false;
        }
        return true;
    }

private:
    sqlite3 *m_db = nullptr;
};

// Owns one prepared statement; finalizes it on destruction. Bind indexes are 1-based,
// column indexes 0-based, as in the C API.
class Stmt
{
public:
    Stmt() = default;
    Stmt(sqlite3 *db, const char *sqlText) { prepare(db, sqlText); }
    ~Stmt() { sqlite3_finalize(m_stmt); }
    Stmt(Stmt &&o) noexcept : m_stmt(std::exchange(o.m_stmt, nullptr)) {}
    Stmt &operator=(Stmt &&o) noexcept
    {
        if (this != &o) {
            sqlite3_finalize(m_stmt);
            m_stmt = std::exchange(o.m_stmt, nullptr);
        }
        return *this;
    }
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    bool prepare(sqlite3 *db, const char *sqlText)
    {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return sqlite3_prepare_v3(db, sqlText, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
               == SQLITE_OK;
    }
    bool valid() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }

    Stmt &bind(int i, std::int64_t v)
    {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    Stmt &bind(int i, int v)
    {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    // SQLite stores NaN as NULL; readers map NULL back to NaN.
    Stmt &bind(int i, double v)
    {
        sqlite3_bind_double(m_stmt, i, v);
        return *this;
    }
    Stmt &bindNull(int i)
    {
        sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    Stmt &bind(int i, const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt &bindBlob(int i, const void *data, int size)
    {
        sqlite3_bind_blob(m_stmt, i, data, size, SQLITE_TRANSIENT);
        return *this;
    }

    // Returns SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }
    // Steps a statement without results; resets it. Returns the result code (SQLITE_DONE ok).
    int run()
    {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        return rc;
    }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    std::int64_t int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const { return sqlite3_column_double(m_stmt, col); }
    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    QString text(int col) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col)) : QString();
    }
    const unsigned char *blob(int col, int *size) const
    {
        const void *p = sqlite3_column_blob(m_stmt, col);
        *size = sqlite3_column_bytes(m_stmt, col);
        return static_cast<const unsigned char *>(p);
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace andon::storage::sql
