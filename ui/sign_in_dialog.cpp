#include "ui/sign_in_dialog.h"

#include "engine/access_control.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace andon::ui {

SignInDialog::SignInDialog(AccessControl *access, Mode mode, QWidget *parent)
    : QDialog(parent), m_access(access), m_lastResult(LoginResult::Ok)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(mode == Mode::SwitchUser ? tr("Switch user") : tr("Sign in"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    if (mode == Mode::SwitchUser && access && access->signedIn())
        intro->setText(tr("Signed in as %1 (%2). The next user signs in here; %1 is signed "
                          "out when the new sign-in succeeds.")
                               .arg(access->userName(), roleDisplayName(access->role())));
    else
        intro->setText(tr("Sign in with your Andon user to acknowledge alarms, enter reasons "
                          "and make changes. Without signing in, Andon only shows."));
    layout->addWidget(intro);

    auto *form = new QFormLayout();
    m_user = new QComboBox(this);
    m_user->setObjectName(QStringLiteral("signInUser"));
    m_user->setEditable(true);
    m_user->setInsertPolicy(QComboBox::NoInsert);
    m_user->setMinimumContentsLength(20);
    if (access) {
        for (const UserInfo &u : access->users()) {
            if (!u.disabled)
                m_user->addItem(u.name);
        }
    }
    // Switching: the field starts empty (the next user types or picks a name); signing in
    // again after a time-out: the last user is the likely one.
    m_user->setCurrentIndex(-1);
    m_user->setEditText(QString());
    form->addRow(tr("User:"), m_user);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password:"), m_password);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(mode == Mode::SwitchUser ? tr("Switch") : tr("Sign in"),
                                  QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    layout->addWidget(buttons);
    connect(m_signIn, &QPushButton::clicked, this, [this] { signIn(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_user, &QComboBox::editTextChanged, this, &SignInDialog::updateButton);
    connect(m_password, &QLineEdit::textChanged, this, &SignInDialog::updateButton);

    if (!access || !access->isOpen()) {
        m_message->setText(tr("⚠ No users store is open: nobody can sign in. Start Andon with "
                              "a historian or set security.users_db in the configuration."));
        m_message->show();
        m_user->setEnabled(false);
        m_password->setEnabled(false);
    }
    updateButton();
    m_user->setFocus();
    resize(440, sizeHint().height());
}

void SignInDialog::updateButton()
{
    m_signIn->setEnabled(m_access && m_access->isOpen()
                         && !m_user->currentText().trimmed().isEmpty()
                         && !m_password->text().isEmpty());
}

bool SignInDialog::signIn()
{
    if (!m_access)
        return false;
    const QString name = m_user->currentText().trimmed();
    QString message;
    m_lastResult = m_access->login(name, m_password->text(), &message);
    m_password->clear();
    if (m_lastResult == LoginResult::Ok) {
        m_message->hide();
        accept();
        return true;
    }
    if (message.isEmpty())
        message = tr("Sign-in refused.");
    m_message->setText(tr("⚠ %1").arg(message));
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText, widgets::Theme::colors().down);
    m_message->setPalette(p);
    m_message->show();
    m_password->setFocus();
    return false;
}

} // namespace andon::ui
