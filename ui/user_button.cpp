#include "ui/user_button.h"

#include "engine/access_control.h"
#include "ui/access_gate.h"
#include "ui/audit_dialog.h"
#include "ui/sign_in_dialog.h"
#include "ui/user_admin_dialog.h"
#include "widgets/theme.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPolygonF>
#include <QPushButton>
#include <QVBoxLayout>

namespace andon::ui {

namespace {

// Own password: the current one and the new one twice; AccessControl checks and audits it.
class ChangePasswordDialog : public QDialog
{
public:
    ChangePasswordDialog(AccessControl *access, QWidget *parent) : QDialog(parent)
    {
        setObjectName(QStringLiteral("changePasswordDialog"));
        setWindowTitle(UserButton::tr("Change password — %1").arg(access->userName()));
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout();
        const auto edit = [this](const char *name) {
            auto *e = new QLineEdit(this);
            e->setObjectName(QLatin1String(name));
            e->setEchoMode(QLineEdit::Password);
            return e;
        };
        QLineEdit *current = edit("currentPassword");
        QLineEdit *next = edit("newPassword");
        QLineEdit *repeat = edit("repeatPassword");
        next->setPlaceholderText(UserButton::tr("at least %n characters", nullptr,
                                                access->settings().minPasswordLength));
        form->addRow(UserButton::tr("Current password:"), current);
        form->addRow(UserButton::tr("New password:"), next);
        form->addRow(UserButton::tr("Repeat new password:"), repeat);
        layout->addLayout(form);
        auto *message = new QLabel(this);
        message->setWordWrap(true);
        message->hide();
        QPalette p = message->palette();
        p.setColor(QPalette::WindowText, widgets::Theme::colors().down);
        message->setPalette(p);
        layout->addWidget(message);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Ok)->setText(UserButton::tr("Change"));
        layout->addWidget(buttons);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(buttons, &QDialogButtonBox::accepted, this,
                [this, access, current, next, repeat, message] {
                    QString error;
                    if (next->text() != repeat->text())
                        error = UserButton::tr("The two new passwords differ.");
                    else if (access->changeOwnPassword(current->text(), next->text(), &error))
                        return accept();
                    message->setText(UserButton::tr("⚠ %1").arg(error));
                    message->show();
                });
        resize(420, sizeHint().height());
    }
};

} // namespace

ActivityFilter::ActivityFilter(AccessControl *access, QObject *parent)
    : QObject(parent), m_access(access)
{
}

bool ActivityFilter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (m_access)
            m_access->noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

UserButton::UserButton(AccessControl *access, const storage::Historian *historian,
                       const Clock *clock, QWidget *parent)
    : QToolButton(parent), m_access(access), m_historian(historian), m_clock(clock)
{
    setObjectName(QStringLiteral("userButton"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAutoRaise(true);
    // Room for the menu arrow, so it never sits on the role's last letters.
    // Room for the menu arrow, drawn by paintEvent centred at the right: Fusion's own indicator
    // sits in the bottom corner, where the status bar's edge cuts it.
    setStyleSheet(QStringLiteral("QToolButton { padding: 1px 18px 1px 6px; }"
                                 "QToolButton::menu-indicator { image: none; width: 0px; }"));
    auto *menu = new QMenu(this);
    menu->setToolTipsVisible(true); // disabled entries say why
    m_signIn = menu->addAction(tr("Sign in…"));
    connect(m_signIn, &QAction::triggered, this, [this] { openSignIn(false); });
    m_signIn->setObjectName(QStringLiteral("signInAction"));
    m_switch = menu->addAction(tr("Switch user…"));
    connect(m_switch, &QAction::triggered, this, [this] { openSignIn(true); });
    m_switch->setObjectName(QStringLiteral("switchUserAction"));
    m_switch->setToolTip(tr("The next user signs in (shift change)"));
    m_signOut = menu->addAction(tr("Sign out"));
    connect(m_signOut, &QAction::triggered, this, &UserButton::signOut);
    m_signOut->setObjectName(QStringLiteral("signOutAction"));
    menu->addSeparator();
    m_password = menu->addAction(tr("Change password…"));
    connect(m_password, &QAction::triggered, this, [this] { openChangePassword(); });
    m_password->setObjectName(QStringLiteral("changePasswordAction"));
    m_users = menu->addAction(tr("Manage users…"));
    connect(m_users, &QAction::triggered, this, [this] { openUserAdmin(); });
    m_users->setObjectName(QStringLiteral("manageUsersAction"));
    m_audit = menu->addAction(tr("Audit journal…"));
    connect(m_audit, &QAction::triggered, this, [this] { openAudit(); });
    m_audit->setObjectName(QStringLiteral("auditJournalAction"));
    setMenu(menu);
    if (m_access)
        connect(m_access, &AccessControl::userChanged, this, &UserButton::updateState);
    updateState();
}

void UserButton::updateState()
{
    const bool in = m_access && m_access->signedIn();
    if (in) {
        setText(tr("%1 · %2").arg(m_access->userName(), roleDisplayName(m_access->role())));
        setToolTip(tr("Signed in as %1 (%2). Without input for %n min, Andon falls back to "
                      "the viewer role.",
                      nullptr, int(m_access->settings().sessionTimeoutMs / 60'000))
                           .arg(m_access->userName(), roleDisplayName(m_access->role())));
    } else {
        setText(tr("%1 · Sign in").arg(roleDisplayName(Role::Viewer)));
        setToolTip(m_access && m_access->isOpen()
                           ? tr("Nobody is signed in: Andon only shows. Sign in to act.")
                           : tr("No users store is open: nobody can sign in."));
    }
    const bool open = m_access && m_access->isOpen();
    m_signIn->setEnabled(open && !in);
    m_switch->setEnabled(open && in);
    m_signOut->setEnabled(in);
    m_password->setEnabled(in);
    gateAction(m_users, m_access, Action::ManageUsers, open);
    gateAction(m_audit, m_access, Action::ViewAudit);
}

QDialog *UserButton::openSignIn(bool switchUser)
{
    auto *dialog = new SignInDialog(m_access,
                                    switchUser ? SignInDialog::Mode::SwitchUser
                                               : SignInDialog::Mode::SignIn,
                                    window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *UserButton::openChangePassword()
{
    if (!m_access || !m_access->signedIn())
        return nullptr;
    auto *dialog = new ChangePasswordDialog(m_access, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *UserButton::openUserAdmin()
{
    if (!allowed(m_access, Action::ManageUsers))
        return nullptr;
    auto *dialog = new UserAdminDialog(m_access, m_clock, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *UserButton::openAudit()
{
    if (!allowed(m_access, Action::ViewAudit))
        return nullptr;
    auto *dialog = new AuditDialog(m_historian, m_access, m_clock, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void UserButton::signOut()
{
    if (m_access)
        m_access->logout();
}

void UserButton::paintEvent(QPaintEvent *event)
{
    QToolButton::paintEvent(event);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled,
                               QPalette::ButtonText));
    const qreal cx = width() - 10.0;
    const qreal cy = height() / 2.0;
    p.drawPolygon(QPolygonF{QPointF(cx - 4, cy - 2), QPointF(cx + 4, cy - 2), QPointF(cx, cy + 3)});
}

} // namespace andon::ui
