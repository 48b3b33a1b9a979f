#include "core/current_user.h"

#include <QDir>
#include <QReadWriteLock>

namespace andon {

namespace {

// The GUI session's identity, written by AccessControl on the GUI thread and read by any
// thread that writes an audit entry.
struct Session
{
    QReadWriteLock lock;
    bool signedIn = false;
    QString name;
    Role role = Role::Viewer;
};

Session &session()
{
    static Session s;
    return s;
}

QString osLogin()
{
    for (const char *variable : { "USER", "USERNAME", "LOGNAME" }) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    const QString home = QDir::home().dirName();
    return home.isEmpty() ? QStringLiteral("unknown") : home;
}

} // namespace

QString currentUserName()
{
    {
        Session &s = session();
        QReadLocker locker(&s.lock);
        if (s.signedIn)
            return s.name;
    }
    return osLogin();
}

Role currentRole()
{
    Session &s = session();
    QReadLocker locker(&s.lock);
    return s.signedIn ? s.role : Role::Viewer;
}

bool hasSessionUser()
{
    Session &s = session();
    QReadLocker locker(&s.lock);
    return s.signedIn;
}

void setSessionUser(const QString &name, Role role)
{
    Session &s = session();
    QWriteLocker locker(&s.lock);
    s.signedIn = true;
    s.name = name;
    s.role = role;
}

void clearSessionUser()
{
    Session &s = session();
    QWriteLocker locker(&s.lock);
    s.signedIn = false;
    s.name.clear();
    s.role = Role::Viewer;
}

} // namespace andon
