// Signing a test user in (issue 13): UI tests that acknowledge alarms, enter reasons, freeze
// limits, write to devices... act as a user with a role, as the application does. Header-only
// because only tests that already link andon_engine use it.
#pragma once

#include "engine/access_control.h"

#include <QDir>
#include <QString>
#include <QTemporaryDir>

namespace andon::test {

// A password that passes the default policy (10 characters or more).
inline QString testPassword()
{
    return QStringLiteral("correct horse 42");
}

// Opens a users store in `dir` when `access` has none yet, adds `name` (default
// "test-<role id>") with `role` as andon-cli would (bootstrap) unless it exists, and signs it
// in. Sign-in needs the access control's audit journal, i.e. an open historian. False with
// the reason in `error`.
inline bool signInAs(AccessControl *access, Role role, const QTemporaryDir &dir,
                     QString *error = nullptr, const QString &name = QString())
{
    QString ignored;
    QString &why = error ? *error : ignored;
    const QString user = name.isEmpty() ? QStringLiteral("test-") + roleId(role) : name;
    if (!access->isOpen()
        && !access->openStore(QDir(dir.path()).filePath(QStringLiteral("test-users.sqlite")),
                              &why))
        return false;
    bool exists = false;
    for (const UserInfo &u : access->users())
        exists = exists || u.name == user;
    if (!exists && !access->addUser(user, role, testPassword(), &why, /*bootstrap=*/true))
        return false;
    if (exists && !access->setRole(user, role, &why, /*bootstrap=*/true)) {
        // Already that role: setRole refuses a no-op, which is fine here.
        bool same = false;
        for (const UserInfo &u : access->users())
            same = same || (u.name == user && u.role == role);
        if (!same)
            return false;
    }
    return access->login(user, testPassword(), &why) == LoginResult::Ok;
}

} // namespace andon::test
