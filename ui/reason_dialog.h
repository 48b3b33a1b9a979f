// Reason entry for one stop (ISA-101 level 3): choose a reason from the machine's configured
// tree, optionally split the stop at a time (the reason then applies to the part before the
// split; the part after stays to be explained) and add a comment. The OEE page records the
// result through StopAnnotations. Owned by the page that opens it.
#pragma once

#include "analytics/oee_calculator.h"
#include "core/plant_model.h"

#include <QDialog>
#include <QTimeZone>

#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace andon::ui {

class ReasonDialog : public QDialog
{
    Q_OBJECT
public:
    ReasonDialog(int machine, const QString &machineName, const analytics::StopEvent &stop,
                 const ReasonTree &reasons, const QTimeZone &zone, QWidget *parent = nullptr);

    int machine() const { return m_machine; }
    const analytics::StopEvent &stop() const { return m_stop; }
    QString reasonCode() const; // "" = none chosen
    std::optional<TimestampMs> splitAt() const;
    QString comment() const;

    // Selects the reason `code` in the tree; false when it is not offered.
    bool selectReason(const QString &code);
    QTreeWidget *reasonTree() const { return m_tree; }
    QCheckBox *splitCheck() const { return m_split; }
    QDateTimeEdit *splitTime() const { return m_splitTime; }
    QLineEdit *commentEdit() const { return m_comment; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateOk();

    int m_machine;
    analytics::StopEvent m_stop;
    QTimeZone m_zone;
    QTreeWidget *m_tree = nullptr;
    QCheckBox *m_split = nullptr;
    QDateTimeEdit *m_splitTime = nullptr;
    QLineEdit *m_comment = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace andon::ui
