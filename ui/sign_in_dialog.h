// "Sign in" / "Switch user" (issue 13): a user name (an editable list of the known users, for
// a quick change at shift change) and a password, checked by AccessControl::login. A refusal
// is shown in words (a lock-out says until when, in local time) and the dialog stays open for
// another try. Owned by whoever opens it (the main window's user button).
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace andon {
class AccessControl;
enum class LoginResult;
} // namespace andon

namespace andon::ui {

class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { SignIn, SwitchUser };

    SignInDialog(AccessControl *access, Mode mode, QWidget *parent = nullptr);

    // Checks the entered name and password; true (and accept()) when signed in, else the
    // refusal in words in messageLabel().
    bool signIn();
    // The last login attempt's result (LoginResult::Ok before any attempt).
    LoginResult lastResult() const { return m_lastResult; }

    QComboBox *userBox() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *signInButton() const { return m_signIn; }

private:
    void updateButton();

    AccessControl *m_access;
    QComboBox *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_signIn = nullptr;
    LoginResult m_lastResult;
};

} // namespace andon::ui
