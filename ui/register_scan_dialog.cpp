#include "ui/register_scan_dialog.h"

#include "connectors/modbus/modbus_codec.h"
#include "connectors/modbus/modbus_poller.h"
#include "connectors/modbus/request_planner.h"
#include "engine/engine.h"
#include "widgets/theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace andon::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr ModbusOrder kOrders[] = { ModbusOrder::ABCD, ModbusOrder::CDAB, ModbusOrder::BADC,
                                    ModbusOrder::DCBA };
// Every type the scan interprets, in the order of the details pane.
constexpr ModbusType kTypes[] = { ModbusType::Int16,   ModbusType::UInt16, ModbusType::Int32,
                                  ModbusType::UInt32,  ModbusType::Float32, ModbusType::Int64,
                                  ModbusType::UInt64,  ModbusType::Float64 };
// The wide types offered for the order columns of the main table.
constexpr ModbusType kWideTypes[] = { ModbusType::Float32, ModbusType::Int32, ModbusType::UInt32,
                                      ModbusType::Float64, ModbusType::Int64, ModbusType::UInt64 };
constexpr int kTypeCount = static_cast<int>(ModbusType::String) + 1;
// ASCII of the details pane: a string tag of up to this many registers from the selected one.
constexpr int kAsciiRegisters = 16;

QTableWidgetItem *item(const QString &text, bool number)
{
    auto *it = new QTableWidgetItem(text); // owned by the table it is set on
    it->setTextAlignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    return it;
}

// A register's two bytes as characters; non-printable bytes as a middle dot.
QString asciiOf(quint16 r)
{
    QString s;
    for (const int byte : { r >> 8, r & 0xFF })
        s += byte >= 0x20 && byte < 0x7F ? QChar(byte) : QChar(u'·');
    return s;
}

// Control and non-ASCII characters of a decoded string as middle dots.
QString printable(QString s)
{
    for (QChar &c : s)
        if (c.unicode() < 0x20 || c.unicode() >= 0x7F)
            c = QChar(u'·');
    return s;
}

QString bitsOf(quint16 r)
{
    QString s;
    for (int bit = 15; bit >= 0; --bit) {
        s += (r >> bit) & 1 ? QLatin1Char('1') : QLatin1Char('0');
        if (bit % 4 == 0 && bit > 0)
            s += QLatin1Char(' ');
    }
    return s;
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

void setAbnormal(QLabel *label, bool abnormal)
{
    QFont f = label->font();
    f.setBold(abnormal);
    label->setFont(f);
    QPalette p;
    if (abnormal)
        p.setColor(QPalette::WindowText, widgets::Theme::colors().down);
    label->setPalette(p);
}

} // namespace

RegisterScanDialog::RegisterScanDialog(Engine *engine, const QString &deviceId, QWidget *parent)
    : QDialog(parent), m_engine(engine)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("registerScanDialog"));
    if (const ModbusDevice *d = engine->model().modbusDevice(deviceId))
        m_device = *d;
    else
        m_device.id = deviceId;
    setWindowTitle(tr("Scan registers — %1").arg(m_device.id));

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Device %1 — %2, unit id %3, %4 addressing")
                                 .arg(m_device.id, m_device.endpoint())
                                 .arg(m_device.unitId)
                                 .arg(m_device.addressing == ModbusAddressing::Modicon
                                          ? tr("Modicon (1-based, e.g. 40001)")
                                          : tr("protocol (0-based)")),
                             this);
    QFont tf = title->font();
    tf.setBold(true);
    title->setFont(tf);
    layout->addWidget(title);

    auto *inputs = new QHBoxLayout;
    m_tableBox = new QComboBox(this);
    m_tableBox->setObjectName(QStringLiteral("scanTable"));
    m_tableBox->addItem(tr("Holding registers (FC3)"), int(ModbusTable::HoldingRegister));
    m_tableBox->addItem(tr("Input registers (FC4)"), int(ModbusTable::InputRegister));
    m_tableBox->addItem(tr("Coils (FC1)"), int(ModbusTable::Coil));
    m_tableBox->addItem(tr("Discrete inputs (FC2)"), int(ModbusTable::DiscreteInput));
    inputs->addWidget(new QLabel(tr("Table:"), this));
    inputs->addWidget(m_tableBox);
    inputs->addSpacing(12);
    inputs->addWidget(new QLabel(tr("Start:"), this));
    m_start = new QLineEdit(this);
    m_start->setObjectName(QStringLiteral("scanStart"));
    m_start->setAlignment(Qt::AlignRight);
    m_start->setText(m_device.addressing == ModbusAddressing::Modicon ? QStringLiteral("40001")
                                                                      : QStringLiteral("0"));
    m_start->setToolTip(m_device.addressing == ModbusAddressing::Modicon
                            ? tr("A Modicon reference such as 40001 or 400001 (its first digit "
                                 "picks the table), or a 1-based number within the table")
                            : tr("Protocol address 0–65535 (0-based, as on the wire)"));
    m_start->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("4000000")) + 16);
    inputs->addWidget(m_start);
    inputs->addSpacing(12);
    inputs->addWidget(new QLabel(tr("Count:"), this));
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("scanCount"));
    m_count->setRange(1, modbus::kMaxReadRegisters);
    m_count->setValue(20);
    inputs->addWidget(m_count);
    m_read = new QPushButton(tr("Read"), this);
    m_read->setObjectName(QStringLiteral("scanRead"));
    m_read->setDefault(true);
    inputs->addWidget(m_read);
    inputs->addStretch(1);
    inputs->addWidget(new QLabel(tr("Orders as:"), this));
    m_typeBox = new QComboBox(this);
    m_typeBox->setObjectName(QStringLiteral("scanType"));
    for (const ModbusType t : kWideTypes)
        m_typeBox->addItem(modbusTypeName(t), int(t));
    m_typeBox->setToolTip(tr("The value starting at each register in this type, in all four "
                             "word/byte orders"));
    inputs->addWidget(m_typeBox);
    layout->addLayout(inputs);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("scanStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(0, ColumnCount, splitter);
    m_table->setObjectName(QStringLiteral("scanResult"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setStyleSheet(QStringLiteral("QTableWidget::item { padding: 0px 6px; }"));
    // Dense rows: the engineer scans many registers for the one plausible value.
    const int rowHeight = fontMetrics().height() + 6;
    m_table->verticalHeader()->setDefaultSectionSize(rowHeight);
    auto *copyAction = new QAction(tr("Copy"), m_table);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, &RegisterScanDialog::copySelection);
    m_table->addAction(copyAction);
    splitter->addWidget(m_table);

    auto *detailsBox = new QWidget(splitter);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 4, 0, 0);
    m_detailsTitle = new QLabel(tr("Select a register to see every reading starting there."),
                                detailsBox);
    detailsLayout->addWidget(m_detailsTitle);
    m_details = new QTableWidget(int(std::size(kTypes)), 4, detailsBox);
    m_details->setObjectName(QStringLiteral("scanDetails"));
    m_details->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_details->setShowGrid(false);
    m_details->setSelectionMode(QAbstractItemView::ContiguousSelection);
    QStringList orders;
    for (const ModbusOrder o : kOrders)
        orders << modbusOrderName(o);
    m_details->setHorizontalHeaderLabels(orders);
    m_details->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_details->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    QStringList types;
    for (const ModbusType t : kTypes)
        types << modbusTypeName(t);
    m_details->setVerticalHeaderLabels(types);
    m_details->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_details->verticalHeader()->setDefaultSectionSize(rowHeight);
    int detailsHeight = m_details->horizontalHeader()->sizeHint().height() + 2 * m_details->frameWidth();
    for (int r = 0; r < m_details->rowCount(); ++r)
        detailsHeight += m_details->verticalHeader()->sectionSize(r);
    m_details->setFixedHeight(detailsHeight);
    detailsLayout->addWidget(m_details);
    m_ascii = new QLabel(detailsBox);
    m_ascii->setObjectName(QStringLiteral("scanAscii"));
    m_ascii->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLayout->addWidget(m_ascii);
    splitter->addWidget(detailsBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setCollapsible(0, false);
    layout->addWidget(splitter, 1);

    auto *buttons = new QHBoxLayout;
    m_copy = new QPushButton(tr("Copy selection"), this);
    m_copy->setObjectName(QStringLiteral("scanCopy"));
    m_copy->setAutoDefault(false);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("scanExport"));
    m_export->setAutoDefault(false);
    auto *close = new QPushButton(tr("Close"), this);
    close->setAutoDefault(false);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    buttons->addWidget(close);
    layout->addLayout(buttons);

    connect(m_read, &QPushButton::clicked, this, &RegisterScanDialog::read);
    connect(m_start, &QLineEdit::returnPressed, this, &RegisterScanDialog::read);
    connect(m_tableBox, &QComboBox::currentIndexChanged, this, &RegisterScanDialog::tableChanged);
    connect(m_typeBox, &QComboBox::currentIndexChanged, this, &RegisterScanDialog::fillTable);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RegisterScanDialog::fillDetails);
    connect(m_copy, &QPushButton::clicked, this, &RegisterScanDialog::copySelection);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
                this, tr("Export scan"),
                QStringLiteral("%1-%2.csv").arg(m_device.id, addressLabel(m_readStart)),
                tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!exportCsv(path, &error)) {
            m_status->setText(tr("⚠ %1").arg(error));
            setAbnormal(m_status, true);
        }
    });
    connect(close, &QPushButton::clicked, this, &QDialog::close);

    if (!engine->modbusPoller() || !engine->modbusPoller()->isRunning()) {
        m_status->setText(tr("⚠ Modbus polling is not running (no tag is bound to a Modbus device, "
                             "or the sources are stopped), so nothing can be read."));
        setAbnormal(m_status, true);
        m_read->setEnabled(false);
    } else {
        m_status->setText(tr("Choose a range and press Read. The read goes ahead of the polls "
                             "and does not stop them."));
    }
    tableChanged();
    fillTable();
    resize(1240, 700);
}

bool RegisterScanDialog::parseStart(const QString &text, ModbusAddressing addressing,
                                    ModbusTable selected, ModbusTable *table, int *address,
                                    QString *error)
{
    const QString t = text.trimmed();
    *table = selected;
    bool ok = false;
    const int n = t.toInt(&ok);
    if (addressing == ModbusAddressing::Protocol) {
        if (!ok || n < 0 || n > 65535) {
            *error = tr("\"%1\" is not a protocol address 0–65535").arg(t);
            return false;
        }
        *address = n;
        return true;
    }
    static const QRegularExpression reference(QStringLiteral("^[0134][0-9]{4,5}$"));
    if (reference.match(t).hasMatch()) {
        const int ref = t.mid(1).toInt();
        const int maxRef = t.size() == 5 ? 9999 : 65536;
        if (ref < 1 || ref > maxRef) {
            *error = tr("\"%1\" is not a Modicon reference (1–%2 after the table digit)").arg(t).arg(maxRef);
            return false;
        }
        switch (t[0].unicode()) {
        case u'0': *table = ModbusTable::Coil; break;
        case u'1': *table = ModbusTable::DiscreteInput; break;
        case u'3': *table = ModbusTable::InputRegister; break;
        default: *table = ModbusTable::HoldingRegister; break;
        }
        *address = ref - 1;
        return true;
    }
    if (!ok || n < 1 || n > 65536) {
        *error = tr("\"%1\" is neither a Modicon reference (e.g. 40001) nor a 1-based number "
                    "1–65536").arg(t);
        return false;
    }
    *address = n - 1;
    return true;
}

void RegisterScanDialog::tableChanged()
{
    const auto table = static_cast<ModbusTable>(m_tableBox->currentData().toInt());
    m_count->setMaximum(isBitTable(table) ? modbus::kMaxReadBits : modbus::kMaxReadRegisters);
    m_count->setSuffix(isBitTable(table) ? tr(" bits") : tr(" registers"));
}

QString RegisterScanDialog::addressLabel(int address) const
{
    if (m_device.addressing == ModbusAddressing::Protocol)
        return QString::number(address);
    return modbus::addressText(ModbusAddressing::Modicon, m_readTable, address);
}

void RegisterScanDialog::read()
{
    modbus::ModbusPoller *poller = m_engine->modbusPoller();
    if (!poller || !poller->isRunning() || m_reading)
        return;
    ModbusTable table = ModbusTable::HoldingRegister;
    int start = 0;
    QString error;
    const auto selected = static_cast<ModbusTable>(m_tableBox->currentData().toInt());
    if (!parseStart(m_start->text(), m_device.addressing, selected, &table, &start, &error)) {
        m_status->setText(tr("⚠ %1").arg(error));
        setAbnormal(m_status, true);
        return;
    }
    if (table != selected)
        m_tableBox->setCurrentIndex(m_tableBox->findData(int(table))); // the reference decides
    const int count = m_count->value();
    if (start + count > 65536) {
        m_status->setText(tr("⚠ %1 from address %2 runs past the last address 65535")
                              .arg(count).arg(start));
        setAbnormal(m_status, true);
        return;
    }
    m_reading = true;
    m_read->setEnabled(false);
    const int generation = ++m_generation;
    const QString range = modbus::addressText(m_device.addressing, table, start, count);
    m_status->setText(tr("Reading %1 …").arg(range));
    setAbnormal(m_status, false);
    QPointer<RegisterScanDialog> self(this);
    poller->readRange(m_device.id, table, start, count,
                      [self, generation, table, start, range](const QList<quint16> &values,
                                                              const QString &error) {
                          if (!self || generation != self->m_generation)
                              return;
                          if (error.isEmpty()) {
                              self->m_readTable = table;
                              self->m_readStart = start;
                          }
                          self->m_status->setProperty("range", range);
                          self->finished(values, error);
                      });
}

void RegisterScanDialog::finished(const QList<quint16> &values, const QString &error)
{
    m_reading = false;
    m_read->setEnabled(true);
    const QString range = m_status->property("range").toString();
    if (!error.isEmpty()) {
        // Keep the last good read on screen; say what failed, where.
        m_status->setText(tr("⚠ Device %1 (%2, unit id %3), %4: %5")
                              .arg(m_device.id, m_device.endpoint())
                              .arg(m_device.unitId)
                              .arg(range, error));
        setAbnormal(m_status, true);
        emit readFinished(false);
        return;
    }
    m_values = values;
    m_readings.assign(static_cast<std::size_t>(values.size()), std::vector<Reading>(kTypeCount));
    for (auto &row : m_readings)
        for (Reading &r : row)
            std::fill(std::begin(r.value), std::end(r.value), kNaN);
    if (!isBitTable(m_readTable)) {
        const std::vector<std::uint16_t> regs(values.begin(), values.end());
        for (const modbus::Interpretation &i : modbus::interpretRegisters(regs)) {
            Reading &r = m_readings[static_cast<std::size_t>(i.offset)][static_cast<std::size_t>(i.type)];
            r.present = true;
            r.value[static_cast<int>(i.order)] = i.value;
        }
        // One-register types read the same in CDAB as in ABCD and in DCBA as in BADC.
        for (auto &row : m_readings)
            for (const ModbusType t : { ModbusType::Int16, ModbusType::UInt16 }) {
                Reading &r = row[static_cast<std::size_t>(t)];
                r.value[int(ModbusOrder::CDAB)] = r.value[int(ModbusOrder::ABCD)];
                r.value[int(ModbusOrder::DCBA)] = r.value[int(ModbusOrder::BADC)];
            }
    }
    m_status->setText(isBitTable(m_readTable)
                          ? tr("Read %n bit(s): %1.", nullptr, int(values.size())).arg(range)
                          : tr("Read %n register(s): %1. Look for the column where the values make "
                               "sense; select a row for every reading starting there.",
                               nullptr, int(values.size())).arg(range));
    setAbnormal(m_status, false);
    fillTable();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
    emit readFinished(true);
}

const RegisterScanDialog::Reading &RegisterScanDialog::reading(int row, ModbusType type) const
{
    return m_readings[static_cast<std::size_t>(row)][static_cast<std::size_t>(type)];
}

QString RegisterScanDialog::formatValue(ModbusType type, double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    switch (type) {
    case ModbusType::Float32:
        return QString::number(value, 'g', 9); // enough to round-trip a float32
    case ModbusType::Float64:
        return QString::number(value, 'g', 17);
    default:
        break;
    }
    return QString::number(value, 'f', 0);
}

void RegisterScanDialog::fillTable()
{
    const bool bits = isBitTable(m_readTable);
    const auto wide = static_cast<ModbusType>(m_typeBox->currentData().toInt());
    QStringList headers;
    headers << tr("Address") << tr("Hex") << tr("uint16") << tr("int16") << tr("Bits 15…0")
            << tr("ASCII");
    for (const ModbusOrder o : kOrders)
        headers << tr("%1 %2").arg(modbusTypeName(wide), modbusOrderName(o));
    if (bits)
        headers[HexColumn] = tr("State");
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeaderItem(AddressColumn)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (int c = UInt16Column; c < ColumnCount; ++c)
        m_table->setColumnHidden(c, bits);
    m_typeBox->setEnabled(!bits);
    m_table->setRowCount(static_cast<int>(m_values.size()));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int row = 0; row < m_values.size(); ++row) {
        const quint16 r = m_values[row];
        auto *address = item(addressLabel(m_readStart + row), false);
        if (m_device.addressing == ModbusAddressing::Modicon)
            address->setToolTip(tr("protocol address %1").arg(m_readStart + row));
        m_table->setItem(row, AddressColumn, address);
        if (bits) {
            m_table->setItem(row, HexColumn, item(r ? tr("1 (on)") : tr("0 (off)"), true));
            continue;
        }
        auto *hex = item(QStringLiteral("%1").arg(r, 4, 16, QLatin1Char('0')).toUpper(), true);
        hex->setFont(mono);
        m_table->setItem(row, HexColumn, hex);
        m_table->setItem(row, UInt16Column, item(QString::number(r), true));
        m_table->setItem(row, Int16Column, item(QString::number(qint16(r)), true));
        auto *bitsItem = item(bitsOf(r), true);
        bitsItem->setFont(mono);
        m_table->setItem(row, BitsColumn, bitsItem);
        auto *ascii = item(asciiOf(r), false);
        ascii->setFont(mono);
        m_table->setItem(row, AsciiColumn, ascii);
        const Reading &rd = reading(row, wide);
        for (int o = 0; o < 4; ++o)
            m_table->setItem(row, AbcdColumn + o,
                             item(rd.present ? formatValue(wide, rd.value[o]) : tr("—"), true));
    }
    m_table->resizeColumnsToContents();
    // The order columns share one width, so the eye can run across a row.
    const QFontMetrics fm(m_table->font());
    int orderWidth = fm.horizontalAdvance(QStringLiteral("-1.79769313486231571e+308")) + 16;
    if (wide == ModbusType::Float32 || wide == ModbusType::Int32 || wide == ModbusType::UInt32)
        orderWidth = fm.horizontalAdvance(QStringLiteral("-3.40282347e+38 ")) + 16;
    for (int c = AbcdColumn; c <= DcbaColumn; ++c)
        m_table->setColumnWidth(c, std::max(m_table->columnWidth(c), orderWidth));
    fillDetails();
}

void RegisterScanDialog::fillDetails()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    const int row = selected.isEmpty() ? -1 : selected.first()->row();
    const bool show = row >= 0 && row < m_values.size() && !isBitTable(m_readTable);
    m_details->setEnabled(show);
    for (int t = 0; t < int(std::size(kTypes)); ++t) {
        for (int o = 0; o < 4; ++o) {
            QString text;
            if (show) {
                const Reading &rd = reading(row, kTypes[t]);
                text = rd.present ? formatValue(kTypes[t], rd.value[o]) : tr("—");
            }
            m_details->setItem(t, o, item(text, true));
        }
    }
    if (!show) {
        m_detailsTitle->setText(isBitTable(m_readTable) && !m_values.isEmpty()
                                    ? tr("Coils and discrete inputs are single bits: nothing to "
                                         "interpret.")
                                    : tr("Select a register to see every reading starting there."));
        m_ascii->clear();
        return;
    }
    const int address = m_readStart + row;
    m_detailsTitle->setText(
            m_device.addressing == ModbusAddressing::Modicon
                ? tr("Every reading starting at %1 (protocol address %2); raw, before scale and offset:")
                      .arg(addressLabel(address)).arg(address)
                : tr("Every reading starting at %1; raw, before scale and offset:")
                      .arg(addressLabel(address)));
    const int n = std::min<int>(kAsciiRegisters, int(m_values.size()) - row);
    const std::vector<std::uint16_t> regs(m_values.begin() + row, m_values.begin() + row + n);
    m_ascii->setText(tr("As a string of %n register(s) from here: ABCD \"%1\" · BADC \"%2\"",
                        nullptr, n)
                         .arg(printable(modbus::decodeString(regs, ModbusOrder::ABCD)),
                              printable(modbus::decodeString(regs, ModbusOrder::BADC))));
}

QString RegisterScanDialog::csv() const
{
    QString out;
    QTextStream s(&out);
    const bool bits = isBitTable(m_readTable);
    s << "table,address,protocol_address";
    if (bits) {
        s << ",value\n";
    } else {
        s << ",hex,uint16,int16,bits,ascii";
        for (const ModbusType t : kTypes) {
            if (t == ModbusType::Int16 || t == ModbusType::UInt16)
                continue;
            for (const ModbusOrder o : kOrders)
                s << ',' << modbusTypeName(t) << '_' << modbusOrderName(o);
        }
        s << '\n';
    }
    for (int row = 0; row < m_values.size(); ++row) {
        const quint16 r = m_values[row];
        s << modbusTableName(m_readTable) << ',' << csvField(addressLabel(m_readStart + row)) << ','
          << (m_readStart + row);
        if (bits) {
            s << ',' << (r ? 1 : 0) << '\n';
            continue;
        }
        s << ',' << QStringLiteral("%1").arg(r, 4, 16, QLatin1Char('0')).toUpper() << ',' << r
          << ',' << qint16(r) << ',' << bitsOf(r).remove(QLatin1Char(' ')) << ','
          << csvField(asciiOf(r));
        for (const ModbusType t : kTypes) {
            if (t == ModbusType::Int16 || t == ModbusType::UInt16)
                continue;
            const Reading &rd = reading(row, t);
            for (int o = 0; o < 4; ++o)
                s << ',' << (rd.present ? formatValue(t, rd.value[o]) : QString());
        }
        s << '\n';
    }
    return out;
}

bool RegisterScanDialog::exportCsv(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = csv().toUtf8();
    if (file.write(data) != data.size()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString RegisterScanDialog::selectionText() const
{
    QList<int> rows;
    for (const QTableWidgetItem *it : m_table->selectedItems())
        if (!rows.contains(it->row()))
            rows << it->row();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    QStringList header;
    for (int c = 0; c < m_table->columnCount(); ++c)
        if (!m_table->isColumnHidden(c))
            header << m_table->horizontalHeaderItem(c)->text();
    lines << header.join(QLatin1Char('\t'));
    for (const int row : rows) {
        QStringList cells;
        for (int c = 0; c < m_table->columnCount(); ++c)
            if (!m_table->isColumnHidden(c))
                cells << (m_table->item(row, c) ? m_table->item(row, c)->text() : QString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void RegisterScanDialog::copySelection() const
{
    if (QClipboard *clipboard = QApplication::clipboard())
        clipboard->setText(selectionText());
}

} // namespace andon::ui
