// The audit journal viewer (issue 13, supervisors and up): the historian's event journal,
// category "audit" by default (or any other, or all), newest first, with time (local), user,
// kind, source, old and new value and message; filters by text, user and time range; "Export
// CSV…" writes what is shown (RFC 4180, UTC ISO 8601 plus local time). Reads only, so it
// works on a read-only copy of a cache too. Owned by the main window.
#pragma once

#include "core/clock.h"
#include "storage/historian.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace andon {
class AccessControl;
}

namespace andon::ui {

class AuditDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { TimeColumn, CategoryColumn, UserColumn, KindColumn, SourceColumn, OldColumn,
                  NewColumn, MessageColumn, ColumnCount };
    enum Range { Last24h, Last7d, Last30d };

    // `historian` may be null (then the dialog says there is no journal) or read-only.
    AuditDialog(const storage::Historian *historian, const AccessControl *access,
                const Clock *clock = &SystemClock::instance(), QWidget *parent = nullptr);

    // Queries the journal with the current filters (needs the ViewAudit permission).
    void reload();
    void setCategory(const QString &category); // "" = all categories
    void setRange(Range range);
    void setUserFilter(const QString &user);
    void setTextFilter(const QString &text);

    // The entries shown, newest first.
    const std::vector<storage::Event> &shownEvents() const { return m_shown; }
    // Writes the shown entries: time_utc,time_local,category,kind,source,user,old_value,
    // new_value,message,details (RFC 4180: CRLF, quotes doubled, fields with , " or line
    // breaks quoted). False with the reason.
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    QTableWidget *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *exportButton() const { return m_export; }

private:
    QString localTime(TimestampMs t) const;

    const storage::Historian *m_historian;
    const AccessControl *m_access;
    const Clock *m_clock;
    QComboBox *m_category = nullptr;
    QComboBox *m_range = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_text = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_export = nullptr;
    std::vector<storage::Event> m_shown;
};

} // namespace andon::ui
