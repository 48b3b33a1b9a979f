#include "ui/reason_dialog.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace andon::ui {

namespace {
constexpr int kCodeRole = Qt::UserRole;

QString minutes(TimestampMs ms)
{
    return QLocale().toString(double(ms) / 60'000.0, 'f', 1);
}
} // namespace

ReasonDialog::ReasonDialog(int machine, const QString &machineName,
                           const analytics::StopEvent &stop, const ReasonTree &reasons,
                           const QTimeZone &zone, QWidget *parent)
    : QDialog(parent), m_machine(machine), m_stop(stop), m_zone(zone)
{
    setObjectName(QStringLiteral("reasonDialog"));
    setWindowTitle(tr("Stop reason — %1").arg(machineName));
    auto *layout = new QVBoxLayout(this);
    // A fixed minimum instead of the layout's: the word-wrapped header would otherwise change
    // the window's minimum size on every resize.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    setMinimumSize(440, 400);

    const QString fmt = QStringLiteral("HH:mm:ss");
    const auto local = [&](TimestampMs t) { return QDateTime::fromMSecsSinceEpoch(t, zone); };
    const QString what = stop.category == StateCategory::Down ? tr("Down") : tr("Idle");
    auto *header = new QLabel(
            tr("<b>%1</b> — %2: %3<br>%4 – %5 (%6 min, %7 min in planned time)%8")
                    .arg(machineName.toHtmlEscaped(), what, stop.reason.toHtmlEscaped(),
                         local(stop.startMs).toString(fmt), local(stop.endMs).toString(fmt),
                         minutes(stop.endMs - stop.startMs), minutes(stop.plannedMs),
                         stop.micro ? tr(", a micro-stop") : QString()),
            this);
    header->setObjectName(QStringLiteral("reasonHeader"));
    header->setWordWrap(true);
    layout->addWidget(header);

    // The reason tree, as configured for this machine (disabled nodes left out).
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("reasonTree"));
    m_tree->setHeaderLabels({tr("Reason"), tr("Category")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    QHash<QString, QTreeWidgetItem *> items;
    for (const ReasonDef &r : reasons.nodes) {
        if (!reasons.offered(r.code))
            continue;
        QTreeWidgetItem *parentItem = items.value(ReasonTree::parentCode(r.code));
        auto *item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(m_tree);
        item->setText(0, r.name);
        item->setText(1, r.category);
        item->setData(0, kCodeRole, r.code);
        item->setToolTip(0, r.code);
        items.insert(r.code, item);
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    layout->addWidget(m_tree, 1);
    if (items.isEmpty()) {
        auto *none = new QLabel(tr("No reasons are configured for this machine (oee.reasons in "
                                   "the plant configuration); a comment can still be given."),
                                this);
        none->setWordWrap(true);
        layout->addWidget(none);
    }

    auto *form = new QFormLayout();
    auto *splitRow = new QHBoxLayout();
    m_split = new QCheckBox(tr("Split at"), this);
    m_split->setObjectName(QStringLiteral("splitCheck"));
    m_splitTime = new QDateTimeEdit(this);
    m_splitTime->setObjectName(QStringLiteral("splitTime"));
    // QDateTimeEdit (Qt 6.4) knows local time and UTC only: it edits the plant's wall time
    // carried as UTC, converted back in splitAt().
    m_splitTime->setTimeSpec(Qt::UTC);
    m_splitTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const auto wall = [&](TimestampMs t) {
        const QDateTime l = local(t);
        return QDateTime(l.date(), l.time(), QTimeZone::utc());
    };
    m_splitTime->setDateTimeRange(wall(stop.startMs + 1000), wall(stop.endMs - 1000));
    m_splitTime->setDateTime(wall(stop.startMs + (stop.endMs - stop.startMs) / 2));
    m_splitTime->setEnabled(false);
    splitRow->addWidget(m_split);
    splitRow->addWidget(m_splitTime, 1);
    form->addRow(tr("Split"), splitRow);
    auto *splitHint = new QLabel(tr("The reason applies to the part before the split; the part "
                                    "after it stays to be explained."),
                                 this);
    splitHint->setWordWrap(true);
    splitHint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), splitHint);
    m_comment = new QLineEdit(stop.comment, this);
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_comment->setPlaceholderText(tr("What happened (optional)"));
    form->addRow(tr("Comment"), m_comment);
    layout->addLayout(form);
    if (stop.endMs - stop.startMs < 3000) {
        m_split->setEnabled(false); // too short to divide at whole seconds
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_split, &QCheckBox::toggled, m_splitTime, &QWidget::setEnabled);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] { updateOk(); });
    connect(m_split, &QCheckBox::toggled, this, [this] { updateOk(); });
    connect(m_comment, &QLineEdit::textChanged, this, [this] { updateOk(); });
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });
    if (!stop.reasonCode.isEmpty())
        selectReason(stop.reasonCode);
    updateOk();
    resize(560, 520);
}

QString ReasonDialog::reasonCode() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, kCodeRole).toString() : QString();
}

std::optional<TimestampMs> ReasonDialog::splitAt() const
{
    if (!m_split->isChecked())
        return std::nullopt;
    const QDateTime wall = m_splitTime->dateTime();
    return QDateTime(wall.date(), wall.time(), m_zone).toMSecsSinceEpoch();
}

QString ReasonDialog::comment() const
{
    return m_comment->text().trimmed();
}

bool ReasonDialog::selectReason(const QString &code)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kCodeRole).toString() == code) {
            m_tree->setCurrentItem(*it);
            m_tree->scrollToItem(*it);
            return true;
        }
    }
    return false;
}

void ReasonDialog::updateOk()
{
    // Something must change: a reason different from the recorded one, a split, or a comment.
    const bool changed = (!reasonCode().isEmpty() && reasonCode() != m_stop.reasonCode)
            || m_split->isChecked() || comment() != m_stop.comment.trimmed();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(changed);
}

} // namespace andon::ui
