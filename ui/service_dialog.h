// "Record service" dialog of the Maintenance page: what was done on a machine, by whom (the
// current user) and which of its service counters the acknowledgement resets: one checkbox per
// counter (run hours, cycles with their reading and interval, the motor-current baseline); only
// the checked ones restart (HealthQuery::acknowledgeService). The page records it when the user
// presses Record (submitted()); a refusal (read-only cache, empty text) is shown in the dialog,
// which then stays open. Owned by the Maintenance page.
#pragma once

#include "engine/health_query.h"

#include <QDialog>
#include <QTimeZone>

#include <utility>
#include <vector>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace andon::ui {

class ServiceDialog : public QDialog
{
    Q_OBJECT
public:
    // `when` is the time the service is recorded at, shown as given; `zone` is the plant's
    // time zone for the counters' "since" dates.
    ServiceDialog(const MachineHealth &machine, const QString &user, const QString &when,
                  const QTimeZone &zone, QWidget *parent = nullptr);

    int machine() const { return m_machine.machine; }
    const MachineHealth &health() const { return m_machine; }
    QString text() const;
    // The keys of the checked counters (HealthQuery::kRunHours, ...), in the listed order.
    QStringList countersToReset() const;
    // The checkbox of counter `key`; null when the machine does not have it.
    QCheckBox *counterBox(const QString &key) const;
    void setError(const QString &message);
    QPlainTextEdit *textEdit() const { return m_text; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *errorLabel() const { return m_error; }

signals:
    void submitted();

private:
    MachineHealth m_machine;
    std::vector<std::pair<QString, QCheckBox *>> m_counters;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace andon::ui
