// "Record service" dialog of the Maintenance page: what was done on a machine, by whom (the
// current user) and which counters the acknowledgement resets (run hours, cycles and the
// motor-current baseline: HealthQuery::acknowledgeService resets all of them). The page records
// it when the user presses Record (submitted()); a refusal (read-only cache, empty text) is shown
// in the dialog, which then stays open. Owned by the Maintenance page.
#pragma once

#include "engine/health_query.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace andon::ui {

class ServiceDialog : public QDialog
{
    Q_OBJECT
public:
    ServiceDialog(const MachineHealth &machine, const QString &user, const QString &when,
                  QWidget *parent = nullptr);

    int machine() const { return m_machine.machine; }
    const MachineHealth &health() const { return m_machine; }
    QString text() const;
    void setError(const QString &message);
    QPlainTextEdit *textEdit() const { return m_text; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *errorLabel() const { return m_error; }

signals:
    void submitted();

private:
    MachineHealth m_machine;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace andon::ui
