// "Edit settings…" of an alarm (Alarms page, machine faceplate): the alarm's tag, type, state
// and current limit, setpoint, deadband, delays and priority with units; editable fields for
// what its type supports, a required reason, and the note that the change is recorded with the
// user's name and takes effect at once. Applies through AlarmService::updateSettings (checked,
// audited, saved to the plant YAML). Engineer role and an open historian needed: otherwise
// the fields and Apply are disabled with the reason as tooltip (ui/access_gate.h).
// Owned by the page or faceplate that opens it.
#pragma once

#include "core/alarm_settings.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace andon {
class Engine;
struct AlarmSettingsOutcome;
} // namespace andon

namespace andon::ui {

class AlarmSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // `alarmIds`: the alarms offered (a chooser when more than one); `current`: the one
    // shown first ("" = the first).
    AlarmSettingsDialog(Engine *engine, const QStringList &alarmIds, const QString &current = {},
                        QWidget *parent = nullptr);

    QString alarmId() const { return m_id; }
    bool selectAlarm(const QString &id);

    // The change the fields describe (only the settings that differ from the current ones).
    AlarmSettingsChange change() const;
    // Apply's work without message boxes: updateSettings with the signed-in user and the
    // reason. False and lastMessage() when refused; lastMessage() also says when the change
    // could not be saved to the configuration.
    bool apply();
    QString lastMessage() const { return m_message; }
    bool lastSaved() const { return m_saved; }

    QDoubleSpinBox *limitEdit() const { return m_limit; }
    QDoubleSpinBox *setpointEdit() const { return m_setpoint; }
    QDoubleSpinBox *deadbandEdit() const { return m_deadband; }
    QDoubleSpinBox *onDelayEdit() const { return m_onDelay; }
    QDoubleSpinBox *offDelayEdit() const { return m_offDelay; }
    QComboBox *priorityEdit() const { return m_priority; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QPushButton *applyButton() const { return m_apply; }

private:
    void load(); // the fields from the alarm's running definition
    void updateState();
    void onApply();

    Engine *m_engine;
    QStringList m_ids;
    QString m_id;
    AlarmDef m_def; // running definition when loaded
    bool m_saved = false;
    QString m_message;

    QComboBox *m_chooser = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_tag = nullptr, *m_type = nullptr, *m_state = nullptr, *m_value = nullptr,
           *m_entry = nullptr;
    QGridLayout *m_grid = nullptr;
    QLabel *m_curLimit = nullptr, *m_curSetpoint = nullptr, *m_curDeadband = nullptr,
           *m_curOn = nullptr, *m_curOff = nullptr, *m_curPriority = nullptr;
    QLabel *m_rowLimit = nullptr, *m_rowSetpoint = nullptr, *m_rowDeadband = nullptr;
    QDoubleSpinBox *m_limit = nullptr, *m_setpoint = nullptr, *m_deadband = nullptr,
                   *m_onDelay = nullptr, *m_offDelay = nullptr;
    QComboBox *m_priority = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_refusal = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace andon::ui
