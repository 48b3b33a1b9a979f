#include "ui/first_admin_dialog.h"

#include "engine/access_control.h"
#include "widgets/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace andon::ui {

FirstAdminDialog::FirstAdminDialog(AccessControl *access, QWidget *parent)
    : QDialog(parent), m_access(access)
{
    setObjectName(QStringLiteral("firstAdminDialog"));
    setWindowTitle(tr("Create the administrator"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("No Andon user exists yet: create the administrator, who then "
                                "adds the operators, supervisors and engineers."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout();
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("adminName"));
    m_name->setPlaceholderText(tr("e.g. admin"));
    form->addRow(tr("User name:"), m_name);
    auto *role = new QLabel(roleDisplayName(Role::Administrator), this);
    role->setObjectName(QStringLiteral("adminRole"));
    form->addRow(tr("Role:"), role);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("adminPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    const int minLength = access ? access->settings().minPasswordLength : 0;
    m_password->setPlaceholderText(tr("at least %n characters", nullptr, minLength));
    form->addRow(tr("Password:"), m_password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("adminRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Repeat password:"), m_repeat);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("adminMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    m_create = buttons->addButton(tr("Create and sign in"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("adminCreate"));
    m_create->setDefault(true);
    m_later = buttons->addButton(tr("Later"), QDialogButtonBox::RejectRole);
    m_later->setObjectName(QStringLiteral("adminLater"));
    m_later->setToolTip(tr("Continue as a viewer; andon-cli user add can create the "
                           "administrator too"));
    layout->addWidget(buttons);
    connect(m_create, &QPushButton::clicked, this, [this] { create(); });
    connect(m_later, &QPushButton::clicked, this, &QDialog::reject);
    const auto update = [this] {
        m_create->setEnabled(!m_name->text().trimmed().isEmpty() && !m_password->text().isEmpty()
                             && !m_repeat->text().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, update);
    connect(m_password, &QLineEdit::textChanged, this, update);
    connect(m_repeat, &QLineEdit::textChanged, this, update);
    update();
    m_name->setFocus();
    resize(460, sizeHint().height());
}

void FirstAdminDialog::showMessage(const QString &text)
{
    m_message->setText(tr("⚠ %1").arg(text));
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText, widgets::Theme::colors().down);
    m_message->setPalette(p);
    m_message->setVisible(!text.isEmpty());
}

bool FirstAdminDialog::create()
{
    if (!m_access || !m_access->isOpen()) {
        showMessage(tr("No users store is open: the administrator cannot be saved."));
        return false;
    }
    if (m_access->hasUsers()) {
        showMessage(tr("A user exists already: sign in, or ask an administrator."));
        return false;
    }
    const QString name = m_name->text().trimmed();
    if (m_password->text() != m_repeat->text()) {
        showMessage(tr("The two passwords differ."));
        m_repeat->clear();
        m_repeat->setFocus();
        return false;
    }
    QString error;
    if (!m_access->addUser(name, Role::Administrator, m_password->text(), &error)) {
        showMessage(error);
        return false;
    }
    QString message;
    if (m_access->login(name, m_password->text(), &message) != LoginResult::Ok) {
        showMessage(tr("The administrator was created but not signed in: %1").arg(message));
        return false;
    }
    m_password->clear();
    m_repeat->clear();
    accept();
    return true;
}

} // namespace andon::ui
