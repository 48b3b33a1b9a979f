// First start (issue 13): no user exists yet, so Andon asks for the first administrator —
// name, password and the password again; the role is fixed to Administrator. Creates it with
// AccessControl::addUser and signs it in. "Later" skips (everyone stays a viewer until an
// administrator exists; andon-cli user add can create one too). Opened non-blocking by
// app/andon_main.cpp after the main window shows.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace andon {
class AccessControl;
}

namespace andon::ui {

class FirstAdminDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstAdminDialog(AccessControl *access, QWidget *parent = nullptr);

    // Creates the administrator from the fields and signs it in; true (and accept()) on
    // success, else the reason in words in messageLabel().
    bool create();

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *repeatEdit() const { return m_repeat; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *laterButton() const { return m_later; }

private:
    void showMessage(const QString &text);

    AccessControl *m_access;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_later = nullptr;
};

} // namespace andon::ui
