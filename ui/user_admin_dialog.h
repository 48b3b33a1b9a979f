// "Manage users" (issue 13, administrators only): the local users with role, disabled,
// lock-out and last sign-in, and the administration on the selected one — add, change role,
// reset password, disable/enable, unlock — through AccessControl, which audits each change.
// Refusals are shown in words. Owned by the main window (opened from the user button).
#pragma once

#include "core/clock.h"
#include "core/permissions.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace andon {
class AccessControl;
}

namespace andon::ui {

class UserAdminDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { NameColumn, RoleColumn, DisabledColumn, LockedColumn, LastLoginColumn,
                  ColumnCount };

    UserAdminDialog(AccessControl *access, const Clock *clock = &SystemClock::instance(),
                    QWidget *parent = nullptr);

    void refresh(); // the table from AccessControl::users(), and which buttons apply

    // The buttons' work without their input dialogs (tests); false with the reason in
    // messageLabel().
    bool addUser(const QString &name, Role role, const QString &password, const QString &repeat);
    bool selectUser(const QString &name);
    QString selectedUser() const;
    bool changeSelectedRole(Role role);
    bool resetSelectedPassword(const QString &password, const QString &repeat);
    bool setSelectedDisabled(bool disabled);
    bool unlockSelected();

    QTableWidget *table() const { return m_table; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *roleButton() const { return m_role; }
    QPushButton *passwordButton() const { return m_password; }
    QPushButton *disableButton() const { return m_disable; }
    QPushButton *unlockButton() const { return m_unlock; }

private:
    void updateButtons();
    bool report(bool ok, const QString &error, const QString &done);
    void openAddDialog();
    void openRoleDialog();
    void openPasswordDialog();
    QString localTime(TimestampMs t) const;

    AccessControl *m_access;
    const Clock *m_clock;
    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_role = nullptr;
    QPushButton *m_password = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_unlock = nullptr;
};

} // namespace andon::ui
