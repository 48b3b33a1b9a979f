// Machine faceplate (ISA-101 level 2): every tag of one machine with value, unit, a sparkline
// of the last minutes, quality and time. Non-modal; owned by MainWindow (deleted on close).
#pragma once

#include "core/clock.h"

#include <QDialog>

class QLabel;
class QTableView;
class QTimer;

namespace andon {
class Engine;
}
namespace andon::models {
class TagTableModel;
}

namespace andon::ui {

class FaceplateDialog : public QDialog
{
    Q_OBJECT
public:
    FaceplateDialog(Engine *engine, const Clock *clock, int machine, QWidget *parent = nullptr);

    int machine() const { return m_machine; }
    models::TagTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void refresh();

private:
    Engine *m_engine;
    const Clock *m_clock;
    int m_machine;
    models::TagTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_state = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace andon::ui
