#include "ui/alarm_settings_dialog.h"

#include "core/current_user.h"
#include "engine/access_control.h"
#include "engine/alarm_service.h"
#include "engine/engine.h"
#include "ui/access_gate.h"
#include "widgets/alarm_banner.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace andon::ui {

namespace {

constexpr double kUnbounded = 1e9;
constexpr int kMaxDecimals = 6;

// Enough decimals for the tag's display and for the value as configured (0.075 needs 3).
int decimalsFor(double value, int tagDecimals)
{
    const QString text = alarmSettingNumber(value);
    const qsizetype dot = text.indexOf(u'.');
    const int own = dot < 0 || text.contains(u'e') ? 0 : int(text.size() - dot - 1);
    return std::clamp(std::max(own, tagDecimals), 0, kMaxDecimals);
}

QString withUnit(const QString &number, const QString &unit)
{
    return unit.isEmpty() ? number : number + u' ' + unit;
}

QString priorityText(int p)
{
    return widgets::AlarmBanner::priorityShape(p) + u' ' + QString::number(p) + u' '
        + widgets::AlarmBanner::priorityName(p);
}

// A field's own tooltip, shown while it is enabled (a disabled one shows why).
void setOwnTip(QWidget *w, const QString &tip)
{
    w->setProperty("ownTip", tip);
    w->setToolTip(tip);
}

void setInitial(QDoubleSpinBox *box, double value)
{
    box->setValue(std::isfinite(value) ? value : 0.0);
    box->setProperty("initial", box->value());
}

std::optional<double> changed(const QDoubleSpinBox *box)
{
    const double v = box->value();
    return v != box->property("initial").toDouble() ? std::optional<double>(v) : std::nullopt;
}

} // namespace

AlarmSettingsDialog::AlarmSettingsDialog(Engine *engine, const QStringList &alarmIds,
                                         const QString &current, QWidget *parent)
    : QDialog(parent), m_engine(engine), m_ids(alarmIds)
{
    setObjectName(QStringLiteral("alarmSettingsDialog"));
    setWindowTitle(tr("Alarm settings"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    tf.setBold(true);
    m_title->setFont(tf);
    top->addWidget(m_title, 1);
    if (m_ids.size() > 1) {
        m_chooser = new QComboBox(this);
        m_chooser->setObjectName(QStringLiteral("alarmSettingsChooser"));
        const PlantModel &m = engine->model();
        for (const QString &id : std::as_const(m_ids)) {
            QString label = id.section(u'/', -1);
            for (const AlarmDef &a : m.alarms)
                if (a.id == id && a.machine >= 0)
                    label = m.machines[std::size_t(a.machine)].name + QStringLiteral(" / ")
                        + label;
            m_chooser->addItem(label, id);
        }
        top->addWidget(m_chooser);
        connect(m_chooser, &QComboBox::currentIndexChanged, this, [this] {
            m_id = m_chooser->currentData().toString();
            load();
        });
    }
    layout->addLayout(top);

    auto *info = new QFormLayout;
    m_tag = new QLabel(this);
    m_tag->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_type = new QLabel(this);
    m_type->setWordWrap(true);
    m_state = new QLabel(this);
    m_value = new QLabel(this);
    m_entry = new QLabel(this);
    m_entry->setWordWrap(true);
    m_entry->setObjectName(QStringLiteral("alarmSettingsEntry"));
    info->addRow(tr("Tag"), m_tag);
    info->addRow(tr("Type"), m_type);
    info->addRow(tr("Value"), m_value);
    info->addRow(tr("State"), m_state);
    info->addRow(tr("Defined in"), m_entry);
    layout->addLayout(info);

    // Setting | current | new
    m_grid = new QGridLayout;
    m_grid->setColumnStretch(3, 1);
    m_grid->setHorizontalSpacing(16);
    const auto header = [&](const QString &text, int column) {
        auto *l = new QLabel(text, this);
        QFont f = l->font();
        f.setBold(true);
        l->setFont(f);
        m_grid->addWidget(l, 0, column, column == 1 ? Qt::AlignRight : Qt::AlignLeft);
    };
    header(tr("Setting"), 0);
    header(tr("Current"), 1);
    header(tr("New"), 2);
    const auto spin = [&](const char *name) {
        auto *box = new QDoubleSpinBox(this);
        box->setObjectName(QLatin1String(name));
        box->setAlignment(Qt::AlignRight);
        box->setKeyboardTracking(false);
        box->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("-0000.000 Nm³/h/min"))
                             + 40);
        connect(box, &QDoubleSpinBox::valueChanged, this, &AlarmSettingsDialog::updateState);
        return box;
    };
    const auto currentLabel = [&] {
        auto *l = new QLabel(this);
        l->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        l->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000.000 Nm³/h/min")));
        return l;
    };
    int row = 1;
    const auto addRow = [&](QLabel *name, QLabel *cur, QWidget *edit) {
        m_grid->addWidget(name, row, 0);
        m_grid->addWidget(cur, row, 1);
        m_grid->addWidget(edit, row, 2);
        ++row;
    };
    m_rowLimit = new QLabel(tr("Limit"), this);
    m_curLimit = currentLabel();
    m_limit = spin("alarmSettingsLimit");
    addRow(m_rowLimit, m_curLimit, m_limit);
    m_rowSetpoint = new QLabel(tr("Setpoint"), this);
    m_curSetpoint = currentLabel();
    m_setpoint = spin("alarmSettingsSetpoint");
    addRow(m_rowSetpoint, m_curSetpoint, m_setpoint);
    m_rowDeadband = new QLabel(tr("Deadband"), this);
    m_curDeadband = currentLabel();
    m_deadband = spin("alarmSettingsDeadband");
    addRow(m_rowDeadband, m_curDeadband, m_deadband);
    m_curOn = currentLabel();
    m_onDelay = spin("alarmSettingsOnDelay");
    addRow(new QLabel(tr("On-delay"), this), m_curOn, m_onDelay);
    m_curOff = currentLabel();
    m_offDelay = spin("alarmSettingsOffDelay");
    addRow(new QLabel(tr("Off-delay"), this), m_curOff, m_offDelay);
    for (QDoubleSpinBox *d : { m_onDelay, m_offDelay }) {
        d->setDecimals(1);
        d->setRange(0.0, kMaxAlarmDelayMs / 1000.0);
        d->setSuffix(tr(" s"));
        setOwnTip(d, tr("0 to 3600 s"));
    }
    m_curPriority = currentLabel();
    m_priority = new QComboBox(this);
    m_priority->setObjectName(QStringLiteral("alarmSettingsPriority"));
    for (int p = kAlarmPriorityCritical; p <= kAlarmPriorityLow; ++p)
        m_priority->addItem(priorityText(p), p);
    connect(m_priority, &QComboBox::currentIndexChanged, this, &AlarmSettingsDialog::updateState);
    addRow(new QLabel(tr("Priority"), this), m_curPriority, m_priority);
    layout->addLayout(m_grid);

    auto *reasonRow = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("alarmSettingsReason"));
    m_reason->setPlaceholderText(tr("Why (required; recorded with the change)"));
    connect(m_reason, &QLineEdit::textChanged, this, &AlarmSettingsDialog::updateState);
    reasonRow->addRow(tr("Reason"), m_reason);
    layout->addLayout(reasonRow);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("alarmSettingsNote"));
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_refusal = new QLabel(this);
    m_refusal->setObjectName(QStringLiteral("alarmSettingsRefusal"));
    m_refusal->setWordWrap(true);
    layout->addWidget(m_refusal);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_apply = m_buttons->button(QDialogButtonBox::Ok);
    m_apply->setText(tr("Apply"));
    m_apply->setObjectName(QStringLiteral("alarmSettingsApply"));
    m_apply->setToolTip(tr("Change the alarm now and save it to the configuration"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlarmSettingsDialog::onApply);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(engine->access(), &AccessControl::userChanged, this, &AlarmSettingsDialog::updateState);

    m_id = m_ids.isEmpty() ? QString() : m_ids.front();
    if (!selectAlarm(current))
        load();
    resize(std::max(sizeHint().width(), 600), sizeHint().height());
}

bool AlarmSettingsDialog::selectAlarm(const QString &id)
{
    const qsizetype i = m_ids.indexOf(id);
    if (id.isEmpty() || i < 0)
        return false;
    m_id = id;
    if (m_chooser && m_chooser->currentIndex() != int(i)) {
        m_chooser->setCurrentIndex(int(i)); // loads
        return true;
    }
    load();
    return true;
}

void AlarmSettingsDialog::load()
{
    const PlantModel &m = m_engine->model();
    AlarmService *service = m_engine->alarms();
    const std::optional<AlarmDef> def = service->definition(m_id);
    if (!def) {
        m_title->setText(tr("Unknown alarm %1").arg(m_id));
        updateState();
        return;
    }
    m_def = *def;
    const TagDef *tag = m_def.tag < m.tags.size() ? &m.tags[m_def.tag] : nullptr;
    const QString unit = tag ? tag->unit : QString();
    const QString limitUnit = m_def.type == AlarmType::RateOfChange
        ? (unit.isEmpty() ? tr("/min") : tr("%1/min").arg(unit))
        : unit;
    const int tagDecimals = tag ? tag->decimals : 2;
    m_title->setText(m_def.name);
    m_tag->setText(tag ? tag->path : QString());

    const QString typeName = alarmTypeName(m_def.type);
    QString type;
    switch (m_def.type) {
    case AlarmType::High:
    case AlarmType::HighHigh:
        type = tr("%1 — raises when the value is above the limit").arg(typeName);
        break;
    case AlarmType::Low:
    case AlarmType::LowLow:
        type = tr("%1 — raises when the value is below the limit").arg(typeName);
        break;
    case AlarmType::Deviation:
        type = tr("%1 — raises when the value is further from the setpoint than the limit")
                   .arg(typeName);
        break;
    case AlarmType::RateOfChange:
        type = tr("%1 — raises when the value changes faster than the limit (over %2 s)")
                   .arg(typeName)
                   .arg(m_def.windowS);
        break;
    case AlarmType::Discrete:
        type = tr("%1 — raises on the listed values; no limit").arg(typeName);
        break;
    case AlarmType::BadQuality:
        type = tr("%1 — raises while the tag's quality is bad; no limit").arg(typeName);
        break;
    }
    m_type->setText(type);

    const auto st = service->status(m_id);
    if (st && std::isfinite(st->value))
        m_value->setText(withUnit(QString::number(st->value, 'f', std::clamp(tagDecimals, 0, 9)),
                                  unit));
    else
        m_value->setText(QStringLiteral("—"));
    m_state->setText(st ? analytics::alarmStateText(st->state) : QString());

    const std::shared_ptr<const PlantModel> running = service->runningModel();
    const std::vector<int> siblings = alarmEntrySiblings(*running, m_def);
    const QString file = service->configFile();
    QString entry = file.isEmpty()
        ? tr("no configuration file")
        : tr("%1, line %2").arg(QFileInfo(file).fileName()).arg(m_def.line);
    if (siblings.size() > 1) {
        QStringList machines;
        for (int i : siblings) {
            const AlarmDef &a = running->alarms[std::size_t(i)];
            machines << (a.machine >= 0 ? m.machines[std::size_t(a.machine)].name : a.id);
        }
        entry += u'\n'
            + tr("This entry defines the alarm on each of %1; a change applies to all of them.")
                  .arg(machines.join(QStringLiteral(", ")));
    }
    m_entry->setText(entry);

    const bool hasLimit = alarmTypeHasLimit(m_def.type);
    const bool hasSetpoint = alarmTypeHasSetpoint(m_def.type);
    for (QWidget *w : { static_cast<QWidget *>(m_rowLimit), static_cast<QWidget *>(m_curLimit),
                        static_cast<QWidget *>(m_limit), static_cast<QWidget *>(m_rowDeadband),
                        static_cast<QWidget *>(m_curDeadband),
                        static_cast<QWidget *>(m_deadband) })
        w->setVisible(hasLimit);
    for (QWidget *w : { static_cast<QWidget *>(m_rowSetpoint),
                        static_cast<QWidget *>(m_curSetpoint), static_cast<QWidget *>(m_setpoint) })
        w->setVisible(hasSetpoint);
    const bool level = m_def.type == AlarmType::High || m_def.type == AlarmType::Low
        || m_def.type == AlarmType::HighHigh || m_def.type == AlarmType::LowLow;
    const bool ranged = tag && std::isfinite(tag->rangeLow) && std::isfinite(tag->rangeHigh);
    const QString suffix = limitUnit.isEmpty() ? QString() : u' ' + limitUnit;
    if (hasLimit) {
        m_limit->setDecimals(decimalsFor(m_def.limit, tagDecimals));
        if (level && ranged)
            m_limit->setRange(tag->rangeLow, tag->rangeHigh);
        else if (level)
            m_limit->setRange(-kUnbounded, kUnbounded);
        else
            m_limit->setRange(0.0, kUnbounded);
        m_limit->setSuffix(suffix);
        setOwnTip(m_limit,
                  level && ranged ? tr("Within the tag's range %1 to %2")
                                            .arg(alarmSettingNumber(tag->rangeLow),
                                                 withUnit(alarmSettingNumber(tag->rangeHigh),
                                                          unit))
                                  : QString());
        setInitial(m_limit, m_def.limit);
        m_curLimit->setText(
                withUnit(QString::number(m_def.limit, 'f', m_limit->decimals()), limitUnit));
        m_deadband->setDecimals(decimalsFor(m_def.deadband, tagDecimals));
        m_deadband->setRange(0.0, kUnbounded);
        m_deadband->setSuffix(suffix);
        setOwnTip(m_deadband, tr("Return-to-normal hysteresis (ISA-18.2 §5.3)"));
        setInitial(m_deadband, m_def.deadband);
        m_curDeadband->setText(
                withUnit(QString::number(m_def.deadband, 'f', m_deadband->decimals()), limitUnit));
    }
    if (hasSetpoint) {
        m_setpoint->setDecimals(decimalsFor(m_def.setpoint, tagDecimals));
        m_setpoint->setRange(-kUnbounded, kUnbounded);
        m_setpoint->setSuffix(unit.isEmpty() ? QString() : u' ' + unit);
        setInitial(m_setpoint, m_def.setpoint);
        m_curSetpoint->setText(
                withUnit(QString::number(m_def.setpoint, 'f', m_setpoint->decimals()), unit));
    }
    setInitial(m_onDelay, m_def.onDelayMs / 1000.0);
    m_curOn->setText(QString::number(m_def.onDelayMs / 1000.0, 'f', 1) + tr(" s"));
    setInitial(m_offDelay, m_def.offDelayMs / 1000.0);
    m_curOff->setText(QString::number(m_def.offDelayMs / 1000.0, 'f', 1) + tr(" s"));
    {
        QSignalBlocker block(m_priority);
        m_priority->setCurrentIndex(std::max(0, m_priority->findData(m_def.priority)));
    }
    m_curPriority->setText(priorityText(m_def.priority));
    m_reason->clear();
    updateState();
}

AlarmSettingsChange AlarmSettingsDialog::change() const
{
    AlarmSettingsChange c;
    if (alarmTypeHasLimit(m_def.type)) {
        c.limit = changed(m_limit);
        c.deadband = changed(m_deadband);
    }
    if (alarmTypeHasSetpoint(m_def.type))
        c.setpoint = changed(m_setpoint);
    if (const auto on = changed(m_onDelay))
        c.onDelayMs = int(std::lround(*on * 1000.0));
    if (const auto off = changed(m_offDelay))
        c.offDelayMs = int(std::lround(*off * 1000.0));
    const int p = m_priority->currentData().toInt();
    if (p != m_def.priority)
        c.priority = p;
    return c;
}

void AlarmSettingsDialog::updateState()
{
    QString why;
    const bool recorded = m_engine->historian() != nullptr;
    const bool editable = !m_def.external && !m_def.id.isEmpty();
    const bool permitted = allowed(*m_engine, Action::EditAlarmSettings, &why);
    if (permitted && !recorded)
        why = tr("No historian is open: a change could not be audited, so it is refused.");
    else if (permitted && !editable)
        why = tr("SPC violation alarms are set on the characteristic's specification in the "
                 "configuration.");
    const bool enabled = permitted && recorded && editable;
    for (QWidget *w : { static_cast<QWidget *>(m_limit), static_cast<QWidget *>(m_setpoint),
                        static_cast<QWidget *>(m_deadband), static_cast<QWidget *>(m_onDelay),
                        static_cast<QWidget *>(m_offDelay), static_cast<QWidget *>(m_priority),
                        static_cast<QWidget *>(m_reason) }) {
        w->setEnabled(enabled);
        w->setToolTip(enabled ? w->property("ownTip").toString() : why);
    }
    gateWidget(m_apply, m_engine->access(), Action::EditAlarmSettings,
               recorded && editable && !change().empty()
                       && !m_reason->text().trimmed().isEmpty());
    if (permitted && !enabled)
        m_apply->setToolTip(why);
    m_refusal->setVisible(!enabled);
    m_refusal->setText(QStringLiteral("⚠ ") + why);

    const QString file = m_engine->alarms()->configFile();
    m_note->setText(tr("Changes are recorded with your name (%1) and take effect immediately.")
                            .arg(currentUserName())
                    + u' '
                    + (file.isEmpty() ? tr("There is no configuration file to save them to: "
                                           "they hold until Andon restarts.")
                                      : tr("They are saved to %1.").arg(file)));
}

bool AlarmSettingsDialog::apply()
{
    QString why;
    m_saved = false;
    if (!allowed(*m_engine, Action::EditAlarmSettings, &why)) {
        m_message = why;
        return false;
    }
    const AlarmSettingsChange c = change();
    if (c.empty()) {
        m_message = tr("Nothing was changed.");
        return false;
    }
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty()) {
        m_message = tr("Enter a reason: it is recorded with the change.");
        return false;
    }
    AlarmSettingsOutcome outcome;
    if (!m_engine->alarms()->updateSettings(m_id, c, currentUserName(), reason, &why,
                                            &outcome)) {
        m_message = why;
        return false;
    }
    m_saved = outcome.saved;
    m_message = outcome.saved
            ? tr("Changed: %1. Saved to %2, line %3.")
                      .arg(outcome.change, outcome.configFile)
                      .arg(outcome.configLine)
            : tr("Changed: %1. In force now, but not saved to the configuration (%2): it holds "
                 "until Andon restarts.")
                      .arg(outcome.change, outcome.saveError);
    load();
    return true;
}

void AlarmSettingsDialog::onApply()
{
    if (!apply()) {
        QMessageBox::warning(this, tr("Alarm settings"), m_message);
        return;
    }
    if (!m_saved)
        QMessageBox::warning(this, tr("Alarm settings"), m_message);
    accept();
}

} // namespace andon::ui
