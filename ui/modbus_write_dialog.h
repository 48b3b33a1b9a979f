// Confirm dialog for writing one value to a writable Modbus tag (opened from the machine
// faceplate). Shows where the value goes (machine, tag, device, register in the device's
// addressing, function code), the current value with its quality, and the raw register(s) the
// new value becomes; writes only after an explicit "Write" (Cancel is the default button) and
// records every attempt in the historian's event journal (category "audit", kind
// "modbus.write"). Without a historian it refuses: no audit, no write.
#pragma once

#include "core/sample.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace andon {
class Engine;
}

namespace andon::ui {

class ModbusWriteDialog : public QDialog
{
    Q_OBJECT
public:
    ModbusWriteDialog(Engine *engine, TagId tag, QWidget *parent = nullptr);

    // Why `tag` cannot be written from the UI at all ("" = it can): not a Modbus tag, not
    // writable, no historian for the audit, the signed-in role may not write (Engineer and
    // up), Modbus polling not running. Translated.
    static QString refusalReason(const Engine &engine, TagId tag);

    TagId tag() const { return m_tag; }
    QLineEdit *valueEdit() const { return m_value; }
    QPushButton *writeButton() const { return m_write; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *rawLabel() const { return m_raw; }       // registers the value becomes, or why not
    QLabel *resultLabel() const { return m_result; } // outcome of the last write in words
    QLabel *refusalLabel() const { return m_refusal; }
    bool isWriting() const { return m_writing; }

signals:
    // A write attempt finished and was journalled (or the journal refused it: see message).
    void writeFinished(bool ok, const QString &message);

private:
    void validate();        // on every edit: raw preview, Write enabled only for a valid value
    void refreshCurrent();  // current value and quality, 2 Hz (shows the read-back)
    void confirmWrite();
    void finish(bool ok, const QString &message);
    // Records one finished write attempt in the historian's event journal (the only place that
    // does); returns the outcome in words for the dialog, saying so if the entry failed.
    static QString journal(Engine &engine, TagId tag, double value, const QString &oldValue,
                           const QString &user, bool ok, const QString &error);

    Engine *m_engine;
    TagId m_tag;
    QLabel *m_current = nullptr;
    QLineEdit *m_value = nullptr;
    QLabel *m_range = nullptr;
    QLabel *m_raw = nullptr;
    QLabel *m_refusal = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_write = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer *m_timer = nullptr;
    bool m_writing = false;
    bool m_valid = false;
};

} // namespace andon::ui
