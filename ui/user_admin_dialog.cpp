#include "ui/user_admin_dialog.h"

#include "engine/access_control.h"
#include "ui/access_gate.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace andon::ui {

namespace {

QComboBox *roleCombo(QWidget *parent, Role current)
{
    auto *box = new QComboBox(parent);
    for (int r = 0; r < kRoleCount; ++r) {
        box->addItem(roleDisplayName(Role(r)), r);
        box->setItemData(r, QCoreApplication::translate("andon::ui::UserAdminDialog",
                                                        "Role id: %1").arg(roleId(Role(r))),
                         Qt::ToolTipRole);
    }
    box->setCurrentIndex(int(current));
    return box;
}

QLineEdit *passwordEdit(QWidget *parent, const char *name)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

UserAdminDialog::UserAdminDialog(AccessControl *access, const Clock *clock, QWidget *parent)
    : QDialog(parent), m_access(access), m_clock(clock)
{
    setObjectName(QStringLiteral("userAdminDialog"));
    setWindowTitle(tr("Manage users"));
    auto *layout = new QVBoxLayout(this);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setHorizontalHeaderLabels(
            { tr("User"), tr("Role"), tr("Disabled"), tr("Locked until"), tr("Last sign-in") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm(font());
    m_table->setColumnWidth(NameColumn, fm.horizontalAdvance(QStringLiteral("maintenance-lead")) + 24);
    m_table->setColumnWidth(RoleColumn, fm.horizontalAdvance(roleDisplayName(Role::Administrator)) + 24);
    m_table->setColumnWidth(DisabledColumn, fm.horizontalAdvance(tr("Disabled")) + 24);
    m_table->setColumnWidth(LockedColumn, fm.horizontalAdvance(QStringLiteral("⚠ 2026-12-31 23:59")) + 24);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UserAdminDialog::updateButtons);

    auto *row = new QHBoxLayout();
    const auto button = [&](const QString &text, const char *name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        b->setAutoDefault(false);
        row->addWidget(b);
        return b;
    };
    m_add = button(tr("Add…"), "userAdd", tr("Create a user with a role and a first password"));
    m_role = button(tr("Change role…"), "userRole", tr("Give the selected user another role"));
    m_password = button(tr("Reset password…"), "userPassword",
                        tr("Set a new password for the selected user"));
    m_disable = button(tr("Disable"), "userDisable",
                       tr("A disabled user cannot sign in; the history keeps the name"));
    m_unlock = button(tr("Unlock"), "userUnlock",
                      tr("End the lock-out after too many failed sign-ins"));
    row->addStretch(1);
    auto *close = button(tr("Close"), "userClose", QString());
    layout->addLayout(row);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_add, &QPushButton::clicked, this, &UserAdminDialog::openAddDialog);
    connect(m_role, &QPushButton::clicked, this, &UserAdminDialog::openRoleDialog);
    connect(m_password, &QPushButton::clicked, this, &UserAdminDialog::openPasswordDialog);
    connect(m_unlock, &QPushButton::clicked, this, [this] { unlockSelected(); });
    connect(m_disable, &QPushButton::clicked, this, [this] {
        const QString name = selectedUser();
        if (!m_access)
            return;
        for (const UserInfo &u : m_access->users())
            if (u.name == name)
                setSelectedDisabled(!u.disabled);
    });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("userMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    if (m_access)
        connect(m_access, &AccessControl::userChanged, this, &UserAdminDialog::updateButtons);
    refresh();
    resize(760, 420);
}

QString UserAdminDialog::localTime(TimestampMs t) const
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(t).toLocalTime(),
                              QStringLiteral("yyyy-MM-dd HH:mm"));
}

void UserAdminDialog::refresh()
{
    const QString selected = selectedUser();
    const std::vector<UserInfo> users = m_access ? m_access->users() : std::vector<UserInfo>{};
    const TimestampMs now = m_clock->now();
    m_table->setRowCount(int(users.size()));
    for (int r = 0; r < int(users.size()); ++r) {
        const UserInfo &u = users[std::size_t(r)];
        const bool locked = u.lockedUntilMs > now;
        const QStringList cells{
            u.name,
            roleDisplayName(u.role),
            u.disabled ? tr("Disabled") : QString(),
            locked ? tr("⚠ %1").arg(localTime(u.lockedUntilMs)) : QString(),
            u.lastLoginMs > 0 ? localTime(u.lastLoginMs) : tr("never"),
        };
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == LockedColumn && locked)
                item->setToolTip(tr("%n failed sign-in(s) in a row", nullptr, u.failedAttempts));
            m_table->setItem(r, c, item);
        }
    }
    if (!selected.isEmpty())
        selectUser(selected);
    updateButtons();
}

void UserAdminDialog::updateButtons()
{
    const QString name = selectedUser();
    const UserInfo *info = nullptr;
    const std::vector<UserInfo> users = m_access ? m_access->users() : std::vector<UserInfo>{};
    for (const UserInfo &u : users)
        if (u.name == name)
            info = &u;
    const bool has = info != nullptr;
    gateWidget(m_add, m_access, Action::ManageUsers);
    gateWidget(m_role, m_access, Action::ManageUsers, has);
    gateWidget(m_password, m_access, Action::ManageUsers, has);
    gateWidget(m_disable, m_access, Action::ManageUsers, has);
    gateWidget(m_unlock, m_access, Action::ManageUsers,
               has && (info->lockedUntilMs > m_clock->now() || info->failedAttempts > 0));
    m_disable->setText(has && info->disabled ? tr("Enable") : tr("Disable"));
}

bool UserAdminDialog::report(bool ok, const QString &error, const QString &done)
{
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText, ok ? palette().color(QPalette::WindowText)
                                        : widgets::Theme::colors().down);
    m_message->setPalette(p);
    m_message->setText(ok ? done : tr("⚠ %1").arg(error));
    m_message->setVisible(!m_message->text().isEmpty());
    refresh();
    return ok;
}

bool UserAdminDialog::addUser(const QString &name, Role role, const QString &password,
                              const QString &repeat)
{
    QString error;
    if (password != repeat)
        return report(false, tr("The two passwords differ."), QString());
    const bool ok = m_access && m_access->addUser(name.trimmed(), role, password, &error);
    if (!m_access)
        error = tr("No users store is open.");
    if (ok)
        selectUser(name.trimmed());
    return report(ok, error, tr("User %1 added as %2.").arg(name.trimmed(), roleDisplayName(role)));
}

bool UserAdminDialog::selectUser(const QString &name)
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->item(r, NameColumn)->text() == name) {
            m_table->selectRow(r);
            return true;
        }
    }
    return false;
}

QString UserAdminDialog::selectedUser() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_table->item(rows.first().row(), NameColumn))
        return QString();
    return m_table->item(rows.first().row(), NameColumn)->text();
}

bool UserAdminDialog::changeSelectedRole(Role role)
{
    const QString name = selectedUser();
    if (name.isEmpty() || !m_access)
        return report(false, tr("Select a user first."), QString());
    QString error;
    const bool ok = m_access->setRole(name, role, &error);
    return report(ok, error, tr("%1 is now %2.").arg(name, roleDisplayName(role)));
}

bool UserAdminDialog::resetSelectedPassword(const QString &password, const QString &repeat)
{
    const QString name = selectedUser();
    if (name.isEmpty() || !m_access)
        return report(false, tr("Select a user first."), QString());
    if (password != repeat)
        return report(false, tr("The two passwords differ."), QString());
    QString error;
    const bool ok = m_access->setPassword(name, password, &error);
    return report(ok, error, tr("New password set for %1.").arg(name));
}

bool UserAdminDialog::setSelectedDisabled(bool disabled)
{
    const QString name = selectedUser();
    if (name.isEmpty() || !m_access)
        return report(false, tr("Select a user first."), QString());
    QString error;
    const bool ok = m_access->setDisabled(name, disabled, &error);
    return report(ok, error, disabled ? tr("%1 is disabled.").arg(name)
                                      : tr("%1 is enabled.").arg(name));
}

bool UserAdminDialog::unlockSelected()
{
    const QString name = selectedUser();
    if (name.isEmpty() || !m_access)
        return report(false, tr("Select a user first."), QString());
    QString error;
    const bool ok = m_access->unlock(name, &error);
    return report(ok, error, tr("%1 is unlocked.").arg(name));
}

void UserAdminDialog::openAddDialog()
{
    QDialog d(this);
    d.setWindowTitle(tr("Add user"));
    auto *form = new QFormLayout(&d);
    auto *name = new QLineEdit(&d);
    name->setObjectName(QStringLiteral("addName"));
    QComboBox *role = roleCombo(&d, Role::Operator);
    QLineEdit *password = passwordEdit(&d, "addPassword");
    QLineEdit *repeat = passwordEdit(&d, "addRepeat");
    if (m_access)
        password->setPlaceholderText(
                tr("at least %n characters", nullptr, m_access->settings().minPasswordLength));
    form->addRow(tr("User name:"), name);
    form->addRow(tr("Role:"), role);
    form->addRow(tr("Password:"), password);
    form->addRow(tr("Repeat password:"), repeat);
    auto *bb = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    bb->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    form->addRow(bb);
    connect(bb, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(bb, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    if (d.exec() == QDialog::Accepted)
        addUser(name->text(), Role(role->currentData().toInt()), password->text(), repeat->text());
}

void UserAdminDialog::openRoleDialog()
{
    const QString name = selectedUser();
    if (name.isEmpty() || !m_access)
        return;
    Role current = Role::Viewer;
    for (const UserInfo &u : m_access->users())
        if (u.name == name)
            current = u.role;
    QStringList roles;
    for (int r = 0; r < kRoleCount; ++r)
        roles << roleDisplayName(Role(r));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Change role"),
                                                 tr("Role of %1:").arg(name), roles,
                                                 int(current), false, &ok);
    if (ok && roles.indexOf(chosen) >= 0)
        changeSelectedRole(Role(roles.indexOf(chosen)));
}

void UserAdminDialog::openPasswordDialog()
{
    const QString name = selectedUser();
    if (name.isEmpty())
        return;
    QDialog d(this);
    d.setWindowTitle(tr("Reset password — %1").arg(name));
    auto *form = new QFormLayout(&d);
    QLineEdit *password = passwordEdit(&d, "resetPassword");
    QLineEdit *repeat = passwordEdit(&d, "resetRepeat");
    form->addRow(tr("New password:"), password);
    form->addRow(tr("Repeat password:"), repeat);
    auto *bb = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    bb->button(QDialogButtonBox::Ok)->setText(tr("Set password"));
    form->addRow(bb);
    connect(bb, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(bb, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    if (d.exec() == QDialog::Accepted)
        resetSelectedPassword(password->text(), repeat->text());
}

} // namespace andon::ui
