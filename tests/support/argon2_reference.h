// Independent checks of stored password hashes (tst_access_control, tst_user_cli): the hash as
// the users store holds it, read with plain SQLite, and argon2-cffi's verdict on it through
// tests/reference/argon2_verify.py. Header-only; the test links SQLite (andon_storage).
#pragma once

#include "tests/support/test_support.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <sqlite3.h>

namespace andon::test {

// The password_hash column of user `name` in the users database `usersDb` ("" when missing).
inline QString storedPasswordHash(const QString &usersDb, const QString &name)
{
    sqlite3 *db = nullptr;
    QString out;
    if (sqlite3_open_v2(usersDb.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr)
        == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "SELECT password_hash FROM users WHERE name = ?1", -1, &st,
                           nullptr);
        const QByteArray n = name.toUtf8();
        sqlite3_bind_text(st, 1, n.constData(), int(n.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

// tests/reference/argon2_verify.py ARGS with `input` on stdin: its stdout and stderr, each
// trimmed; *exitCode is its exit code (-1: did not start, crashed or timed out after 60 s).
inline QString runArgon2Reference(const QStringList &args, const QByteArray &input,
                                  int *exitCode = nullptr)
{
    int ignored = 0;
    int &code = exitCode ? *exitCode : ignored;
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            QStringList{ sourceDir() + QStringLiteral("/tests/reference/argon2_verify.py") }
                    + args);
    if (!p.waitForStarted(10'000)) {
        code = -1;
        return QStringLiteral("cannot start python3");
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished(5000);
        code = -1;
        return QStringLiteral("python3 timed out");
    }
    code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed()
            + QString::fromUtf8(p.readAllStandardError()).trimmed();
}

// argon2-cffi's verdict on `password` against `hash`: "ok" (exit code 0) or "mismatch" (1).
inline QString argon2Verify(const QString &hash, const QString &password, int *exitCode = nullptr)
{
    return runArgon2Reference({ QStringLiteral("verify") },
                              (hash + u'\n' + password + u'\n').toUtf8(), exitCode);
}

} // namespace andon::test
