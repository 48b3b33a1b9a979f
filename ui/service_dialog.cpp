#include "ui/service_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace andon::ui {

ServiceDialog::ServiceDialog(const MachineHealth &machine, const QString &user,
                             const QString &when, QWidget *parent)
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
    QStringList resets;
    if (std::isfinite(machine.runHours))
        resets << tr("run hours (now %1 h)").arg(QLocale().toString(machine.runHours, 'f', 1));
    if (std::isfinite(machine.cycles))
        resets << tr("cycles (now %1)").arg(QLocale().toString(machine.cycles, 'f', 0));
    if (!machine.currentTag.isEmpty())
        resets << tr("the motor-current baseline (learned again)");
    auto *resetLabel = new QLabel(resets.isEmpty() ? tr("nothing (no counters monitored)")
                                                   : resets.join(QStringLiteral(", ")),
                                  this);
    resetLabel->setObjectName(QStringLiteral("serviceResets"));
    resetLabel->setWordWrap(true);
    form->addRow(tr("Resets:"), resetLabel);
    layout->addLayout(form);
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
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *record = m_buttons->addButton(tr("Record"), QDialogButtonBox::AcceptRole);
    record->setObjectName(QStringLiteral("serviceRecord"));
    record->setDefault(true);
    layout->addWidget(m_buttons);
    // Record does not close the dialog by itself: the page closes it once the journal took it.
    connect(record, &QPushButton::clicked, this, &ServiceDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(460, 320);
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
