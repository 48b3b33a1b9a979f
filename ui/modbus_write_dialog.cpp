#include "ui/modbus_write_dialog.h"

#include "connectors/modbus/modbus_codec.h"
#include "connectors/modbus/modbus_poller.h"
#include "engine/access_control.h"
#include "engine/engine.h"
#include "models/tag_table_model.h"
#include "storage/historian.h"
#include "ui/access_gate.h"
#include "ui/current_user.h"
#include "widgets/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace andon::ui {

namespace {

Q_LOGGING_CATEGORY(lcWrite, "andon.ui.modbus-write")

constexpr int kRefreshMs = 500;

QString functionCodeText(int fc)
{
    switch (fc) {
    case modbus::kFcWriteSingleCoil:
        return ModbusWriteDialog::tr("FC5 — write single coil");
    case modbus::kFcWriteSingleRegister:
        return ModbusWriteDialog::tr("FC6 — write single register");
    case modbus::kFcWriteMultipleCoils:
        return ModbusWriteDialog::tr("FC15 — write multiple coils");
    case modbus::kFcWriteMultipleRegisters:
        return ModbusWriteDialog::tr("FC16 — write multiple registers");
    default:
        break;
    }
    return ModbusWriteDialog::tr("none (read-only table)");
}

QString hex16(std::uint16_t v)
{
    return QStringLiteral("0x%1").arg(v, 4, 16, QLatin1Char('0')).toUpper().replace(
        QStringLiteral("0X"), QStringLiteral("0x"));
}

// An engineering value as typed by the user, in the user's locale or with a decimal point.
bool parseValue(const QString &text, double *out)
{
    bool ok = false;
    const QString t = text.trimmed();
    double v = QLocale().toDouble(t, &ok);
    if (!ok)
        v = QLocale::c().toDouble(t, &ok);
    if (ok)
        *out = v;
    return ok && std::isfinite(v);
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

// The abnormal look of HMI-STYLE: orange, bold, a ⚠ in the text itself.
void setAbnormal(QLabel *label, bool abnormal)
{
    QFont f = label->font();
    f.setBold(abnormal);
    label->setFont(f);
    QPalette p = label->palette();
    if (abnormal)
        p.setColor(QPalette::WindowText, widgets::Theme::colors().down);
    else
        p = QPalette();
    label->setPalette(p);
}

} // namespace

QString ModbusWriteDialog::refusalReason(const Engine &engine, TagId tag)
{
    const PlantModel &plant = engine.model();
    if (tag >= plant.tags.size() || !plant.tags[tag].modbus)
        return tr("This tag is not read from a Modbus device, so it cannot be written here.");
    const TagDef &def = plant.tags[tag];
    if (!def.modbus->writable)
        return tr("%1 is read-only: writes are off unless its Modbus binding says "
                  "\"writable: true\" in the plant configuration.")
            .arg(def.path);
    if (!engine.historian())
        return tr("No historian is open, so this write could not be recorded in the audit "
                  "journal. Writes are refused without an audit record: start Andon with a "
                  "historian.");
    QString why;
    if (!allowed(engine, Action::ModbusWrite, &why))
        return why;
    if (!engine.modbusPoller() || !engine.modbusPoller()->isRunning())
        return tr("Modbus polling is not running, so nothing can be written.");
    return QString();
}

ModbusWriteDialog::ModbusWriteDialog(Engine *engine, TagId tag, QWidget *parent)
    : QDialog(parent), m_engine(engine), m_tag(tag)
{
    setModal(true);
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("modbusWriteDialog"));
    const PlantModel &plant = engine->model();
    const bool known = tag < plant.tags.size();
    const TagDef *def = known ? &plant.tags[tag] : nullptr;
    const ModbusBinding *b = def && def->modbus ? &*def->modbus : nullptr;
    const ModbusDevice *device = b ? plant.modbusDevice(b->device) : nullptr;
    setWindowTitle(tr("Write to Modbus device — %1").arg(def ? def->name : tr("unknown tag")));

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Write a new value to the device"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    tf.setBold(true);
    title->setFont(tf);
    layout->addWidget(title);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const auto addRow = [&](const QString &label, const QString &text) {
        auto *value = new QLabel(text, this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        form->addRow(label, value);
        return value;
    };
    if (def && def->machine >= 0 && def->machine < static_cast<int>(plant.machines.size())) {
        const Machine &m = plant.machines[static_cast<std::size_t>(def->machine)];
        addRow(tr("Machine:"), m.description.isEmpty() ? m.name : tr("%1 — %2").arg(m.name, m.description));
    }
    if (def) {
        addRow(tr("Tag:"), def->description.isEmpty() ? def->path
                                                      : tr("%1 (%2)").arg(def->path, def->description));
        addRow(tr("Unit:"), def->unit.isEmpty() ? tr("none") : def->unit);
    }
    if (b && device) {
        addRow(tr("Device:"), tr("%1 — %2, unit id %3").arg(device->id, device->endpoint())
                                  .arg(device->unitId));
        const QString where = modbus::addressText(device->addressing, b->table, b->address,
                                                  b->registerCount());
        addRow(tr("Address:"),
               device->addressing == ModbusAddressing::Modicon
                   ? tr("%1 (Modicon reference; protocol address %2)").arg(where).arg(b->address)
                   : tr("%1 (protocol address, 0-based)").arg(where));
        const QString type = isBitTable(b->table)
            ? tr("coil (one bit)")
            : (b->registerCount() == 1
                   ? tr("%1, order %2 (1 register)").arg(modbusTypeName(b->type), modbusOrderName(b->order))
                   : tr("%1, order %2 (%3 registers)")
                         .arg(modbusTypeName(b->type), modbusOrderName(b->order))
                         .arg(b->registerCount()));
        QString scaling;
        if (b->scale != 1.0 || b->offset != 0.0)
            scaling = tr(", value = raw × %1 + %2").arg(number(b->scale), number(b->offset));
        addRow(tr("Data type:"), type + scaling);
        addRow(tr("Function code:"),
               functionCodeText(modbus::writeFunctionCode(*b))
                   + (b->writeMultiple ? tr(" (write_multiple)") : QString()));
    }
    m_current = addRow(tr("Current value:"), QString());
    m_current->setObjectName(QStringLiteral("currentValue"));

    auto *valueRow = new QHBoxLayout;
    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("newValue"));
    m_value->setAlignment(Qt::AlignRight);
    m_value->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("-888,888,888.888")));
    valueRow->addWidget(m_value);
    auto *unit = new QLabel(def ? def->unit : QString(), this);
    unit->setForegroundRole(QPalette::PlaceholderText);
    valueRow->addWidget(unit);
    valueRow->addStretch(1);
    form->addRow(tr("New value:"), valueRow);
    m_range = addRow(QString(), QString());
    m_range->setWordWrap(false); // one line; a wrapped label here leaves gaps in the form
    m_range->setForegroundRole(QPalette::PlaceholderText);
    m_raw = addRow(tr("Sends:"), QString());
    m_raw->setObjectName(QStringLiteral("rawPreview"));
    layout->addLayout(form);

    double low = 0;
    double high = 0;
    if (b && modbus::writableRange(*b, &low, &high)) {
        const bool coil = b->table == ModbusTable::Coil;
        QString text = coil ? tr("Allowed: %1 (off) or %2 (on)")
                                  .arg(number(b->offset), number(b->scale + b->offset))
                            : tr("Allowed by the data type: %1 … %2 %3")
                                  .arg(number(low), number(high), def->unit);
        if (std::isfinite(def->rangeLow) && std::isfinite(def->rangeHigh) && !coil)
            text += tr("; tag range %1 … %2 %3")
                        .arg(number(def->rangeLow), number(def->rangeHigh), def->unit);
        m_range->setText(text.trimmed());
    }

    m_refusal = new QLabel(this);
    m_refusal->setObjectName(QStringLiteral("refusal"));
    m_refusal->setWordWrap(true);
    layout->addWidget(m_refusal);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    layout->addStretch(1);

    auto *note = new QLabel(tr("The write is recorded in the audit journal as %1.")
                                .arg(currentUserName()),
                            this);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(this);
    m_write = buttons->addButton(tr("Write"), QDialogButtonBox::AcceptRole);
    m_write->setObjectName(QStringLiteral("writeButton"));
    m_write->setAutoDefault(false);
    m_cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setDefault(true); // Enter never writes by accident
    layout->addWidget(buttons);
    connect(m_write, &QPushButton::clicked, this, &ModbusWriteDialog::confirmWrite);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_value, &QLineEdit::textChanged, this, &ModbusWriteDialog::validate);

    // The refusal (and Write) follow the signed-in user: a time-out while the dialog is open
    // takes the right to write away at once.
    const auto updateRefusal = [this] {
        const QString refusal = refusalReason(*m_engine, m_tag);
        m_refusal->setText(refusal.isEmpty() ? QString() : tr("⚠ %1").arg(refusal));
        m_refusal->setVisible(!refusal.isEmpty());
        setAbnormal(m_refusal, true);
        m_value->setEnabled(refusal.isEmpty() && !m_writing);
    };
    updateRefusal();
    connect(engine->access(), &AccessControl::userChanged, this, [this, updateRefusal] {
        updateRefusal();
        validate();
    });

    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &ModbusWriteDialog::refreshCurrent);
    m_timer->start();
    refreshCurrent();
    validate();
    m_cancel->setFocus();
    // Wrapped labels: the height that fits this width, not the (narrower) size hint's.
    constexpr int kWidth = 640;
    resize(kWidth, layout->hasHeightForWidth() ? layout->totalHeightForWidth(kWidth)
                                               : sizeHint().height());
}

void ModbusWriteDialog::refreshCurrent()
{
    const PlantModel &plant = m_engine->model();
    if (m_tag >= plant.tags.size())
        return;
    const TagValue v = m_engine->tagStore().latest(m_tag);
    if (!v.hasValue) {
        m_current->setText(tr("no value yet"));
        return;
    }
    const QString value = models::TagTableModel::formatValue(plant, plant.tags[m_tag], v.value);
    m_current->setText(isGood(v.q) ? tr("%1 · Good").arg(value)
                                   : tr("%1 · ⚠ %2").arg(value, qualityDescription(v.q)));
    setAbnormal(m_current, !isGood(v.q));
}

void ModbusWriteDialog::validate()
{
    m_valid = false;
    const PlantModel &plant = m_engine->model();
    const bool writable = refusalReason(*m_engine, m_tag).isEmpty();
    if (!writable || m_value->text().trimmed().isEmpty()) {
        m_raw->setText(writable ? tr("enter a value") : tr("—"));
        setAbnormal(m_raw, false);
        m_write->setEnabled(false);
        return;
    }
    const TagDef &def = plant.tags[m_tag];
    const ModbusBinding &b = *def.modbus;
    const ModbusDevice *device = plant.modbusDevice(b.device);
    double value = 0;
    QString error;
    modbus::WritePlan plan;
    if (!parseValue(m_value->text(), &value)) {
        error = tr("\"%1\" is not a number").arg(m_value->text().trimmed());
    } else {
        plan = modbus::planWrite(b, value);
        if (!plan.ok())
            error = plan.error;
        else if (std::isfinite(def.rangeLow) && std::isfinite(def.rangeHigh)
                 && b.table != ModbusTable::Coil
                 && (value < def.rangeLow || value > def.rangeHigh))
            error = tr("%1 %2 is outside the tag's range %3 … %4 %2")
                        .arg(number(value), def.unit, number(def.rangeLow), number(def.rangeHigh));
    }
    if (!error.isEmpty()) {
        m_raw->setText(tr("⚠ Cannot write: %1").arg(error));
        setAbnormal(m_raw, true);
        m_write->setEnabled(false);
        return;
    }
    const ModbusAddressing addressing = device ? device->addressing : ModbusAddressing::Protocol;
    QStringList parts;
    if (b.table == ModbusTable::Coil) {
        parts << tr("%1 %2").arg(modbus::addressText(addressing, b.table, b.address),
                                      plan.values.front() ? tr("on") : tr("off"));
    } else {
        for (std::size_t i = 0; i < plan.values.size(); ++i)
            parts << tr("%1 = %2 (%3)")
                         .arg(modbus::addressText(addressing, b.table,
                                                  b.address + static_cast<int>(i)),
                              hex16(plan.values[i]))
                         .arg(plan.values[i]);
    }
    m_raw->setText(tr("raw %1 → %2").arg(number(plan.raw), parts.join(QStringLiteral(", "))));
    setAbnormal(m_raw, false);
    m_valid = true;
    m_write->setEnabled(!m_writing);
}

void ModbusWriteDialog::confirmWrite()
{
    validate();
    const QString refusal = refusalReason(*m_engine, m_tag);
    if (!refusal.isEmpty()) {
        m_result->setText(tr("⚠ Not written: %1").arg(refusal));
        setAbnormal(m_result, true);
        return;
    }
    double value = 0;
    if (!m_valid || m_writing || !parseValue(m_value->text(), &value))
        return;
    const TagValue current = m_engine->tagStore().latest(m_tag);
    const QString oldValue = current.hasValue ? number(current.value) : QString();
    m_writing = true;
    m_write->setEnabled(false);
    m_value->setEnabled(false);
    m_result->setText(tr("Writing…"));
    setAbnormal(m_result, false);
    // The result arrives later on this thread; the journal entry is written even if the dialog
    // was closed meanwhile (the Engine outlives it).
    QPointer<ModbusWriteDialog> self(this);
    Engine *engine = m_engine;
    const TagId tag = m_tag;
    const QString user = currentUserName(); // who pressed Write, even if signed out meanwhile
    engine->modbusPoller()->write(tag, value,
        [self, engine, tag, value, oldValue, user](bool ok, const QString &error) {
            const QString message
                = ModbusWriteDialog::journal(*engine, tag, value, oldValue, user, ok, error);
            if (self)
                self->finish(ok, message);
        });
}

void ModbusWriteDialog::finish(bool ok, const QString &message)
{
    m_writing = false;
    m_value->setEnabled(true);
    m_result->setText(message);
    setAbnormal(m_result, !ok || message.contains(u'⚠'));
    m_cancel->setText(tr("Close"));
    validate();
    refreshCurrent();
    emit writeFinished(ok, message);
}

QString ModbusWriteDialog::journal(Engine &engine, TagId tag, double value,
                                   const QString &oldValue, const QString &user, bool ok,
                                   const QString &error)
{
    const PlantModel &plant = engine.model();
    const TagDef &def = plant.tags[tag];
    const ModbusBinding &b = *def.modbus;
    const ModbusDevice *device = plant.modbusDevice(b.device);
    const ModbusAddressing addressing = device ? device->addressing : ModbusAddressing::Protocol;
    const modbus::WritePlan plan = modbus::planWrite(b, value);
    const QString where
        = modbus::addressText(addressing, b.table, b.address, b.registerCount());
    const QString valueText
        = def.unit.isEmpty() ? number(value) : number(value) + QLatin1Char(' ') + def.unit;

    // The journal is English like the log (it is evidence, read later in any language); the
    // dialog shows the translated sentence.
    storage::Event event;
    event.category = QStringLiteral("audit");
    event.kind = QStringLiteral("modbus.write");
    event.source = def.path;
    event.user = user;
    event.oldValue = oldValue;
    event.newValue = number(value);
    event.message = ok ? QStringLiteral("Wrote %1 to %2 (device %3, %4, FC%5)")
                             .arg(valueText, def.path, b.device, where)
                             .arg(plan.functionCode)
                       : QStringLiteral("Write of %1 to %2 failed (device %3, %4, FC%5): %6")
                             .arg(valueText, def.path, b.device, where)
                             .arg(plan.functionCode)
                             .arg(error);
    QJsonArray registers;
    for (const std::uint16_t r : plan.values)
        registers.append(int(r));
    QJsonObject details {
        { QStringLiteral("device"), b.device },
        { QStringLiteral("endpoint"), device ? device->endpoint() : QString() },
        { QStringLiteral("unit_id"), device ? device->unitId : 0 },
        { QStringLiteral("table"), modbusTableName(b.table) },
        { QStringLiteral("address"), b.address },
        { QStringLiteral("address_text"), where },
        { QStringLiteral("function_code"), plan.functionCode },
        { QStringLiteral("raw"), plan.raw },
        { b.table == ModbusTable::Coil ? QStringLiteral("coils") : QStringLiteral("registers"),
          registers },
        { QStringLiteral("result"), ok ? QStringLiteral("ok") : QStringLiteral("failed") },
    };
    if (!ok)
        details.insert(QStringLiteral("error"), error);
    event.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));

    QString shown = ok ? tr("Written: %1 to %2 (%3, FC%4). The new value is read back with the "
                            "next poll.")
                             .arg(valueText, def.name, where)
                             .arg(plan.functionCode)
                       : tr("⚠ Not written: %1").arg(error);
    storage::Historian *historian = engine.historian();
    QString journalError = tr("no historian is open");
    if (!historian || historian->appendEvent(event, &journalError) < 0) {
        // The device already answered: all that is left is to say loudly that the record is
        // missing, and log it with the whole entry.
        qCWarning(lcWrite).noquote() << "audit entry not recorded:" << journalError << "-"
                                     << event.message << event.details;
        shown += QLatin1Char('\n')
            + tr("⚠ The audit journal did not record this attempt: %1").arg(journalError);
    }
    return shown;
}

} // namespace andon::ui
