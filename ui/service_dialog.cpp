#include "ui/service_dialog.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace andon::ui {

ServiceDialog::ServiceDialog(const MachineHealth &machine, const QString &user,
                             const QString &when, const QTimeZone &zone, QWidget *parent)
    : QDialog(parent), m_machine(machine)
{
    setObjectName(QStringLiteral("serviceDialog"));
    setWindowTitle(tr("Record service — %1").arg(machine.name));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout();
    form->addRow(tr("Machine:"), new QLabel(machine.name + QStringLiteral("  (") + machine.path
                                                    + QStringLiteral(")"), this));
    form->addRow(tr("Recorded by:"), new QLabel(user, this));
    form->addRow(tr("Time:"), new QLabel(when, this));
    layout->addLayout(form);

    // One checkbox per counter: reading (since when) and interval; all checked by default (a
    // full service), untick what this service did not renew.
    auto *resetBox = new QGroupBox(tr("Reset with this service"), this);
    resetBox->setObjectName(QStringLiteral("serviceResets"));
    auto *resetLayout = new QVBoxLayout(resetBox);
    const QLocale loc;
    const auto since = [&](TimestampMs t) {
        return t > 0 ? tr("since %1").arg(QDateTime::fromMSecsSinceEpoch(t, zone).toString(
                               QStringLiteral("yyyy-MM-dd HH:mm")))
                     : QString();
    };
    for (const ServiceCounterState &c : machine.serviceCounters()) {
        QString label;
        if (c.key == QLatin1String(HealthQuery::kRunHours)) {
            label = tr("Run hours: %1 h").arg(std::isfinite(c.value) ? loc.toString(c.value, 'f', 1)
                                                                   : QStringLiteral("—"));
            if (c.interval > 0)
                label += tr(" of %1 h interval").arg(loc.toString(c.interval, 'f', 0));
        } else if (c.key == QLatin1String(HealthQuery::kCycles)) {
            label = tr("Cycles: %1").arg(std::isfinite(c.value) ? loc.toString(c.value, 'f', 0)
                                                              : QStringLiteral("—"));
            if (c.interval > 0)
                label += tr(" of %1 interval").arg(loc.toString(c.interval, 'f', 0));
        } else if (c.key == QLatin1String(HealthQuery::kCurrentBaseline)) {
            label = c.sinceMs > 0
                    ? tr("Motor-current normal (learned from %1): learn it again")
                              .arg(QDateTime::fromMSecsSinceEpoch(c.sinceMs, zone)
                                           .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                    : tr("Motor-current normal: learn it again");
        } else {
            label = c.key;
        }
        if (c.key != QLatin1String(HealthQuery::kCurrentBaseline) && c.sinceMs > 0)
            label += QStringLiteral(" (") + since(c.sinceMs) + QStringLiteral(")");
        if (c.interval > 0 && c.value >= c.interval)
            label += tr(" — overdue");
        auto *box = new QCheckBox(label, resetBox);
        box->setObjectName(QStringLiteral("serviceReset_") + c.key);
        box->setChecked(true);
        resetLayout->addWidget(box);
        m_counters.emplace_back(c.key, box);
    }
    if (m_counters.empty())
        resetLayout->addWidget(new QLabel(tr("No counters monitored on this machine."), resetBox));
    layout->addWidget(resetBox);
    layout->addWidget(new QLabel(tr("What was done:"), this));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("serviceText"));
    m_text->setPlaceholderText(tr("e.g. replaced the drive-end bearing, aligned the coupling"));
    m_text->setTabChangesFocus(true);
    layout->addWidget(m_text, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("serviceError"));
    m_error->setWordWrap(true);
    m_error->hide();
    connect(m_text, &QPlainTextEdit::textChanged, m_error, &QWidget::hide);
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *record = m_buttons->addButton(tr("Record"), QDialogButtonBox::AcceptRole);
    record->setObjectName(QStringLiteral("serviceRecord"));
    record->setDefault(true);
    layout->addWidget(m_buttons);
    // Record does not close the dialog by itself: the page closes it once the journal took it.
    connect(record, &QPushButton::clicked, this, &ServiceDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, 400);
}

QStringList ServiceDialog::countersToReset() const
{
    QStringList out;
    for (const auto &[key, box] : m_counters)
        if (box->isChecked())
            out << key;
    return out;
}

QCheckBox *ServiceDialog::counterBox(const QString &key) const
{
    for (const auto &[k, box] : m_counters)
        if (k == key)
            return box;
    return nullptr;
}

QString ServiceDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

void ServiceDialog::setError(const QString &message)
{
    m_error->setText(tr("Not recorded: %1").arg(message));
    m_error->setVisible(!message.isEmpty());
}

} // namespace andon::ui
