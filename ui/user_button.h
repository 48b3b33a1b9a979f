// Who is signed in, at the right of the main window's status bar (issue 13): "Viewer · Sign in"
// when nobody is, else "name · Role"; its menu signs in, switches user at shift change, signs
// out, changes the own password, and opens "Manage users…" (administrators) and "Audit
// journal…" (supervisors and up). ActivityFilter, installed on the application, tells
// AccessControl about every key and mouse input so the idle timeout only ends idle sessions.
// Owned by the main window's status bar.
#pragma once

#include "core/clock.h"

#include <QObject>
#include <QToolButton>

class QAction;

namespace andon {
class AccessControl;
}
namespace andon::storage {
class Historian;
}

namespace andon::ui {

class ActivityFilter : public QObject
{
    Q_OBJECT
public:
    ActivityFilter(AccessControl *access, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    AccessControl *m_access;
};

class UserButton : public QToolButton
{
    Q_OBJECT
public:
    UserButton(AccessControl *access, const storage::Historian *historian,
               const Clock *clock = &SystemClock::instance(), QWidget *parent = nullptr);

    void updateState(); // text, tooltip and which menu entries apply (on every userChanged)

    // The menu entries' work (non-blocking dialogs, open()); each returns the dialog.
    QDialog *openSignIn(bool switchUser = false);
    QDialog *openChangePassword();
    QDialog *openUserAdmin();
    QDialog *openAudit();
    void signOut();

    QAction *signInAction() const { return m_signIn; }
    QAction *switchAction() const { return m_switch; }
    QAction *signOutAction() const { return m_signOut; }
    QAction *passwordAction() const { return m_password; }
    QAction *usersAction() const { return m_users; }
    QAction *auditAction() const { return m_audit; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    AccessControl *m_access;
    const storage::Historian *m_historian;
    const Clock *m_clock;
    QAction *m_signIn = nullptr;
    QAction *m_switch = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_password = nullptr;
    QAction *m_users = nullptr;
    QAction *m_audit = nullptr;
};

} // namespace andon::ui
