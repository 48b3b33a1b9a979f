#include "ui/audit_dialog.h"

#include "engine/access_control.h"
#include "ui/access_gate.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace andon::ui {

namespace {

constexpr TimestampMs kHourMs = 3'600'000;
// Enough for months of a plant's audit entries; more says so in the summary.
constexpr std::size_t kMaxRows = 20'000;

// RFC 4180 §2: a field with a comma, a double quote or a line break is enclosed in double
// quotes, and a double quote inside it is written twice.
QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"'))
        && !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

AuditDialog::AuditDialog(const storage::Historian *historian, const AccessControl *access,
                         const Clock *clock, QWidget *parent)
    : QDialog(parent), m_historian(historian), m_access(access), m_clock(clock)
{
    setObjectName(QStringLiteral("auditDialog"));
    setWindowTitle(tr("Audit journal"));
    auto *layout = new QVBoxLayout(this);

    auto *filters = new QHBoxLayout();
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("auditCategory"));
    m_category->addItem(tr("Audit (user actions)"), QStringLiteral("audit"));
    m_category->addItem(tr("Alarms"), QStringLiteral("alarm"));
    m_category->addItem(tr("SPC"), QStringLiteral("spc"));
    m_category->addItem(tr("OEE"), QStringLiteral("oee"));
    m_category->addItem(tr("Maintenance"), QStringLiteral("maintenance"));
    m_category->addItem(tr("System"), QStringLiteral("system"));
    m_category->addItem(tr("All categories"), QString());
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("auditRange"));
    m_range->addItem(tr("Last 24 h"), int(Last24h));
    m_range->addItem(tr("Last 7 days"), int(Last7d));
    m_range->addItem(tr("Last 30 days"), int(Last30d));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("auditUser"));
    m_user->setPlaceholderText(tr("any user"));
    m_user->setClearButtonEnabled(true);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("auditText"));
    m_text->setPlaceholderText(tr("Search kind, source, values, message"));
    m_text->setClearButtonEnabled(true);
    filters->addWidget(new QLabel(tr("Category"), this));
    filters->addWidget(m_category);
    filters->addWidget(new QLabel(tr("Time"), this));
    filters->addWidget(m_range);
    filters->addWidget(new QLabel(tr("User"), this));
    filters->addWidget(m_user);
    filters->addWidget(m_text, 1);
    layout->addLayout(filters);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setHorizontalHeaderLabels({ tr("Time"), tr("Category"), tr("User"), tr("Kind"),
                                         tr("Source"), tr("Old value"), tr("New value"),
                                         tr("Message") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm(font());
    m_table->setColumnWidth(TimeColumn, fm.horizontalAdvance(QStringLiteral("2026-12-31 23:59:59")) + 16);
    m_table->setColumnWidth(CategoryColumn, fm.horizontalAdvance(QStringLiteral("maintenance")) + 16);
    m_table->setColumnWidth(UserColumn, fm.horizontalAdvance(QStringLiteral("supervisor-a")) + 16);
    m_table->setColumnWidth(KindColumn, fm.horizontalAdvance(QStringLiteral("alarm.acknowledge_")) + 16);
    m_table->setColumnWidth(SourceColumn, fm.horizontalAdvance(QStringLiteral("acme/berlin/assembly/line1")) + 16);
    m_table->setColumnWidth(OldColumn, fm.horizontalAdvance(QStringLiteral("supervisor")) + 16);
    m_table->setColumnWidth(NewColumn, fm.horizontalAdvance(QStringLiteral("supervisor")) + 16);
    layout->addWidget(m_table, 1);

    auto *bottom = new QHBoxLayout();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("auditSummary"));
    m_summary->setWordWrap(true);
    bottom->addWidget(m_summary, 1);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_export->setToolTip(tr("Save the entries shown as CSV (UTC and local time)"));
    m_export->setAutoDefault(false);
    bottom->addWidget(m_export);
    auto *close = new QPushButton(tr("Close"), this);
    close->setAutoDefault(false);
    bottom->addWidget(close);
    layout->addLayout(bottom);

    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_category, &QComboBox::currentIndexChanged, this, &AuditDialog::reload);
    connect(m_range, &QComboBox::currentIndexChanged, this, &AuditDialog::reload);
    connect(m_user, &QLineEdit::textChanged, this, &AuditDialog::reload);
    connect(m_text, &QLineEdit::textChanged, this, &AuditDialog::reload);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
                this, tr("Export audit journal"), QStringLiteral("andon-audit.csv"),
                tr("CSV files (*.csv);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export audit journal"), error);
    });
    if (m_access)
        connect(m_access, &AccessControl::userChanged, this, &AuditDialog::reload);

    reload();
    resize(1200, 600);
}

QString AuditDialog::localTime(TimestampMs t) const
{
    return QDateTime::fromMSecsSinceEpoch(t).toLocalTime().toString(
            QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void AuditDialog::setCategory(const QString &category)
{
    m_category->setCurrentIndex(std::max(0, m_category->findData(category)));
}

void AuditDialog::setRange(Range range)
{
    m_range->setCurrentIndex(std::max(0, m_range->findData(int(range))));
}

void AuditDialog::setUserFilter(const QString &user)
{
    m_user->setText(user);
}

void AuditDialog::setTextFilter(const QString &text)
{
    m_text->setText(text);
}

void AuditDialog::reload()
{
    m_shown.clear();
    m_table->setRowCount(0);
    QString why;
    if (!allowed(m_access, Action::ViewAudit, &why)) {
        m_summary->setText(tr("⚠ %1").arg(why));
        gateWidget(m_export, m_access, Action::ViewAudit);
        return;
    }
    if (!m_historian) {
        m_summary->setText(tr("⚠ No historian is open: there is no journal to show."));
        m_export->setEnabled(false);
        return;
    }
    const QString category = m_category->currentData().toString();
    m_table->setColumnHidden(CategoryColumn, !category.isEmpty());
    const TimestampMs now = m_clock->now();
    const int range = m_range->currentData().toInt();
    const TimestampMs span = range == Last30d ? 30 * 24 * kHourMs
                           : range == Last7d  ? 7 * 24 * kHourMs
                                              : 24 * kHourMs;
    storage::EventQuery q;
    q.from = now - span;
    q.to = now;
    if (!category.isEmpty())
        q.categories = QStringList{ category };
    q.newestFirst = true;
    q.limit = kMaxRows;
    const std::vector<storage::Event> events = m_historian->events(q);

    const QString user = m_user->text().trimmed();
    const QString text = m_text->text().trimmed();
    for (const storage::Event &e : events) {
        if (!user.isEmpty() && !e.user.contains(user, Qt::CaseInsensitive))
            continue;
        if (!text.isEmpty()
            && !(e.kind.contains(text, Qt::CaseInsensitive)
                 || e.source.contains(text, Qt::CaseInsensitive)
                 || e.message.contains(text, Qt::CaseInsensitive)
                 || e.oldValue.contains(text, Qt::CaseInsensitive)
                 || e.newValue.contains(text, Qt::CaseInsensitive)))
            continue;
        m_shown.push_back(e);
    }
    // Newest first by the time it happened (the journal's own order is the append order; an
    // entry imported or written late still lands at its time).
    std::stable_sort(m_shown.begin(), m_shown.end(),
                     [](const storage::Event &a, const storage::Event &b) { return a.t > b.t; });

    m_table->setRowCount(int(m_shown.size()));
    for (int r = 0; r < int(m_shown.size()); ++r) {
        const storage::Event &e = m_shown[std::size_t(r)];
        // One line per entry in the table; the full text (and details) on hover.
        const QStringList cells{ localTime(e.t), e.category, e.user, e.kind, e.source,
                                 e.oldValue.simplified(), e.newValue.simplified(),
                                 e.message.simplified() };
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == MessageColumn)
                item->setToolTip(e.details.isEmpty() ? e.message
                                                     : e.message + QLatin1Char('\n') + e.details);
            m_table->setItem(r, c, item);
        }
    }
    const QDateTime localNow = QDateTime::fromMSecsSinceEpoch(now).toLocalTime();
    QString summary = tr("%n entries, newest first; times in local time (%1)", nullptr,
                         int(m_shown.size()))
                              .arg(localNow.timeZoneAbbreviation());
    if (events.size() >= kMaxRows)
        summary += tr(" — only the newest %1 are read: narrow the time range")
                           .arg(QLocale().toString(qulonglong(kMaxRows)));
    m_summary->setText(summary);
    gateWidget(m_export, m_access, Action::ExportData, !m_shown.empty());
}

bool AuditDialog::exportCsv(const QString &path, QString *error) const
{
    QString why;
    if (!allowed(m_access, Action::ExportData, &why)) {
        if (error)
            *error = why;
        return false;
    }
    QFile f(path);
    // Binary mode: RFC 4180 lines end in CRLF on every platform.
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("%1: %2").arg(path, f.errorString());
        return false;
    }
    QByteArray out = "time_utc,time_local,category,kind,source,user,old_value,new_value,"
                     "message,details\r\n";
    for (const storage::Event &e : m_shown) {
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(e.t, Qt::UTC);
        const QStringList fields{ utc.toString(Qt::ISODateWithMs),
                                  // with its UTC offset, so the local column is unambiguous
                                  utc.toOffsetFromUtc(utc.toLocalTime().offsetFromUtc())
                                          .toString(Qt::ISODateWithMs),
                                  e.category, e.kind, e.source, e.user, e.oldValue,
                                  e.newValue, e.message, e.details };
        QStringList quoted;
        for (const QString &field : fields)
            quoted << csvField(field);
        out += quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    if (f.write(out) != out.size() || !f.flush()) {
        if (error)
            *error = tr("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace andon::ui
