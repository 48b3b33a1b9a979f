// File > Shift report…: choose line, production day, shift and output file; builds the report
// from the historian (engine/shift_report) and writes the PDF (report/ShiftReportRenderer)
// with progress and cancel, then offers to open it. Modal; created by MainWindow on demand.
#pragma once

#include "core/clock.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace andon {
struct PlantModel;
}
namespace andon::storage {
class Historian;
}

namespace andon::ui {

class ShiftReportDialog : public QDialog
{
    Q_OBJECT
public:
    // `historian` may be null (no history recorded): the dialog says so and cannot create.
    ShiftReportDialog(const PlantModel &model, const storage::Historian *historian,
                      const Clock *clock, QWidget *parent = nullptr);

    QComboBox *lineCombo() const { return m_line; }
    QDateEdit *dateEdit() const { return m_date; }
    QComboBox *shiftCombo() const { return m_shift; }
    QLineEdit *pathEdit() const { return m_path; }
    QPushButton *createButton() const { return m_create; }
    QLabel *statusLabel() const { return m_status; }

    // Builds the report for the current choice and writes the PDF (progress dialog with
    // cancel). False + *error on failure; false with an empty error when cancelled.
    bool writeReport(QString *error);
    // Whether to ask "open it now?" after writing (tests turn it off).
    void setAskToOpen(bool ask) { m_askToOpen = ask; }

private:
    void selectLastFinishedShift();
    void updateDefaultPath();
    void browse();
    void create();

    const PlantModel &m_model;
    const storage::Historian *m_historian;
    const Clock *m_clock;
    QComboBox *m_line = nullptr;
    QDateEdit *m_date = nullptr;
    QComboBox *m_shift = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_create = nullptr;
    QLabel *m_status = nullptr;
    bool m_pathEdited = false;
    bool m_askToOpen = true;
};

} // namespace andon::ui
