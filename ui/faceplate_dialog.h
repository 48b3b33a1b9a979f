// Machine faceplate (ISA-101 level 2): every tag of one machine with value, unit, a sparkline
// of the last minutes, quality and time. Non-modal; owned by MainWindow (deleted on close).
#pragma once

#include "core/clock.h"
#include "core/sample.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;

namespace andon {
class Engine;
}
namespace andon::models {
class TagTableModel;
}

namespace andon::ui {

class ModbusWriteDialog;

class FaceplateDialog : public QDialog
{
    Q_OBJECT
public:
    FaceplateDialog(Engine *engine, const Clock *clock, int machine, QWidget *parent = nullptr);

    int machine() const { return m_machine; }
    models::TagTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // This machine's alarms that are not normal (null when the machine has no alarms).
    QTableWidget *alarmTable() const { return m_alarmTable; }
    void refresh();
    // "Write…": enabled while the selected row is a writable Modbus tag; opens the confirm
    // dialog (ModbusWriteDialog) for it. Returns the dialog, or null for a non-writable tag.
    QPushButton *writeButton() const { return m_writeButton; }
    ModbusWriteDialog *openWriteDialog(TagId tag);
    // Tag paths of the selected rows.
    QStringList selectedTagPaths() const;

signals:
    // "Click any value to trend it": a double-click on a row or the Trend button.
    void trendRequested(const QStringList &tagPaths);

private:
    Engine *m_engine;
    const Clock *m_clock;
    int m_machine;
    models::TagTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QTableWidget *m_alarmTable = nullptr;
    QLabel *m_state = nullptr;
    QTimer *m_timer = nullptr;
    QPushButton *m_writeButton = nullptr;
    TagId selectedTag() const;
};

} // namespace andon::ui
