#include "ui/connections_page.h"

#include "connectors/modbus/modbus_poller.h"
#include "connectors/mqtt/sparkplug_host.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "ui/register_scan_dialog.h"
#include "widgets/theme.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace andon::ui {

namespace {
enum Column { IdColumn, KindColumn, EndpointColumn, StateColumn, MessagesColumn,
              RateColumn, BytesRateColumn, ErrorsColumn, DroppedColumn, SkewColumn,
              LastErrorColumn, ColumnCount };
enum ModbusColumn { MbDeviceColumn, MbEndpointColumn, MbUnitColumn, MbStateColumn, MbRttColumn,
                    MbRequestsColumn, MbRateColumn, MbTimeoutsColumn, MbExceptionsColumn,
                    MbCommErrorsColumn, MbLastExceptionColumn, MbColumnCount };
enum EdgeColumn { EdgeConnectionColumn, EdgeGroupColumn, EdgeNodeColumn, EdgeStateColumn,
                  EdgeBdSeqColumn, EdgeBirthColumn, EdgeSeqErrorsColumn, EdgeRebirthsColumn,
                  EdgeColumnCount };

// Read-only diagnostics table in the page's common look; `numeric` columns are right-aligned.
QTableWidget *makeTable(QWidget *parent, const QStringList &headers, std::initializer_list<int> numeric)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (int column : numeric)
        table->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setShowGrid(false);
    table->setFocusPolicy(Qt::NoFocus);
    table->horizontalHeader()->setStretchLastSection(true);
    // Room between a right-aligned number and the left-aligned text after it.
    table->setStyleSheet(QStringLiteral("QTableWidget::item { padding: 0px 6px; }"));
    return table;
}

// Sets one cell, reusing its item so that a 1 Hz refresh keeps the selection. An abnormal
// cell gets the HMI-STYLE abnormal treatment: bold, the "down" orange, ⚠ and the reason on hover.
void setCell(QTableWidget *table, int row, int column, const QString &text, bool number = false,
             bool abnormal = false, const QString &toolTip = {})
{
    QTableWidgetItem *item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem; // owned by the table
        table->setItem(row, column, item);
    }
    item->setText(text);
    item->setTextAlignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    QFont font = table->font();
    font.setBold(abnormal);
    item->setFont(font);
    if (abnormal)
        item->setForeground(widgets::Theme::colors().down);
    else
        item->setData(Qt::ForegroundRole, QVariant()); // the palette's normal text
    item->setToolTip(toolTip);
}

// Diagnostics tables are short: as tall as their rows (up to a few, then they scroll), so the
// sections sit one under the other instead of each taking a third of the page mostly empty.
void fitHeight(QTableWidget *table)
{
    constexpr int kMaxVisibleRows = 8;
    int height = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth();
    const int rows = std::min(table->rowCount(), kMaxVisibleRows);
    for (int row = 0; row < rows; ++row)
        height += table->rowHeight(row);
    if (table->rowCount() > kMaxVisibleRows || table->rowCount() == 0)
        height += table->verticalHeader()->defaultSectionSize() / 2; // hint that it scrolls
    table->setFixedHeight(height);
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}
}

ConnectionsPage::ConnectionsPage(Engine *engine, QWidget *parent)
    : QWidget(parent), m_engine(engine)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *title = new QLabel(tr("Connections"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    title->setFont(f);
    // Title row: the page title, and the UNS discovery window for the MQTT brokers.
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addStretch(1);
    m_browseButton = new QPushButton(tr("Browse broker…"), this);
    m_browseButton->setObjectName(QStringLiteral("browseBrokerButton"));
    m_browseButton->setToolTip(tr("Show the topics on a configured MQTT broker and create tag "
                                  "bindings from them (Ctrl+B)"));
    m_browseButton->setEnabled(!engine->model().mqttConnections.empty());
    connect(m_browseButton, &QPushButton::clicked, this, &ConnectionsPage::browseBrokerRequested);
    titleRow->addWidget(m_browseButton);
    layout->addLayout(titleRow);

    // Abnormal configuration, so it gets the abnormal outline (ISA-101: colour only for
    // problems); hidden while every TLS connection verifies the broker's host name.
    m_insecureWarning = new QLabel(this);
    m_insecureWarning->setObjectName(QStringLiteral("insecureTlsWarning"));
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setStyleSheet(
            QStringLiteral("QLabel { border: 2px solid %1; padding: 4px 8px; }")
                    .arg(widgets::Theme::colors().alarmHigh.name())); // HMI-STYLE orange
    m_insecureWarning->hide();
    layout->addWidget(m_insecureWarning);

    m_summary = new QLabel(this);
    m_summary->setForegroundRole(QPalette::Mid);
    layout->addWidget(m_summary);

    m_empty = new QLabel(tr("No data sources are configured. Add an MQTT connection to the plant "
                            "configuration to receive live data."),
                         this);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);

    m_table = makeTable(this,
                        {tr("Connection"), tr("Type"), tr("Endpoint"), tr("State"),
                         tr("Messages"), tr("Messages/s"), tr("Bytes/s"), tr("Decode errors"),
                         tr("Dropped"), tr("Clock skew"), tr("Last error")},
                        {MessagesColumn, RateColumn, BytesRateColumn, ErrorsColumn,
                         DroppedColumn, SkewColumn});
    layout->addWidget(m_table);

    // Modbus device health: what a field engineer checks first when values go stale.
    m_modbusSection = new QWidget(this);
    auto *modbusLayout = new QVBoxLayout(m_modbusSection);
    modbusLayout->setContentsMargins(0, 8, 0, 0);
    auto *modbusHeader = new QHBoxLayout;
    modbusHeader->addWidget(sectionTitle(tr("Modbus devices"), m_modbusSection));
    modbusHeader->addStretch(1);
    m_scanButton = new QPushButton(tr("Scan registers…"), m_modbusSection);
    m_scanButton->setObjectName(QStringLiteral("scanRegistersButton"));
    m_scanButton->setToolTip(tr("Read a range of the selected device's registers and show it "
                                "in every type and word order"));
    m_scanButton->setEnabled(false);
    modbusHeader->addWidget(m_scanButton);
    modbusLayout->addLayout(modbusHeader);
    m_modbusTable = makeTable(m_modbusSection,
                              {tr("Device"), tr("Endpoint"), tr("Unit"), tr("State"),
                               tr("Round trip (ms)"), tr("Requests"), tr("Requests/s"),
                               tr("Timeouts"), tr("Exceptions"), tr("Comm errors"),
                               tr("Last exception")},
                              {MbUnitColumn, MbRttColumn, MbRequestsColumn, MbRateColumn,
                               MbTimeoutsColumn, MbExceptionsColumn, MbCommErrorsColumn});
    m_modbusTable->setObjectName(QStringLiteral("modbusDevices"));
    m_modbusTable->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_modbusTable, &QTableWidget::itemSelectionChanged, this, [this] {
        m_scanButton->setEnabled(!m_modbusTable->selectedItems().isEmpty());
    });
    const auto scanSelected = [this] {
        const QList<QTableWidgetItem *> selected = m_modbusTable->selectedItems();
        if (!selected.isEmpty())
            if (const QTableWidgetItem *id = m_modbusTable->item(selected.first()->row(), MbDeviceColumn))
                openRegisterScan(id->text());
    };
    connect(m_scanButton, &QPushButton::clicked, this, scanSelected);
    connect(m_modbusTable, &QTableWidget::itemDoubleClicked, this, scanSelected);
    m_modbusTable->horizontalHeaderItem(MbCommErrorsColumn)
            ->setToolTip(tr("Connection failures plus invalid or corrupt replies"));
    modbusLayout->addWidget(m_modbusTable);
    layout->addWidget(m_modbusSection);

    // Sparkplug B edge nodes with a Rebirth button: a rebirth only makes the node re-announce
    // its metrics, so it needs no confirmation.
    m_edgeSection = new QWidget(this);
    auto *edgeLayout = new QVBoxLayout(m_edgeSection);
    edgeLayout->setContentsMargins(0, 8, 0, 0);
    auto *edgeHeader = new QHBoxLayout;
    edgeHeader->addWidget(sectionTitle(tr("Edge nodes (Sparkplug B)"), m_edgeSection));
    edgeHeader->addStretch(1);
    m_rebirthResult = new QLabel(m_edgeSection);
    m_rebirthResult->setForegroundRole(QPalette::Mid);
    edgeHeader->addWidget(m_rebirthResult);
    m_rebirthButton = new QPushButton(tr("Rebirth"), m_edgeSection);
    m_rebirthButton->setObjectName(QStringLiteral("rebirthButton"));
    m_rebirthButton->setToolTip(tr("Ask the selected edge node to publish its births again "
                                   "(NCMD Node Control/Rebirth)"));
    m_rebirthButton->setEnabled(false);
    edgeHeader->addWidget(m_rebirthButton);
    edgeLayout->addLayout(edgeHeader);
    m_edgeEmpty = new QLabel(tr("No edge node has published a birth yet."), m_edgeSection);
    m_edgeEmpty->setForegroundRole(QPalette::Mid);
    edgeLayout->addWidget(m_edgeEmpty);
    m_edgeTable = makeTable(m_edgeSection,
                            {tr("Connection"), tr("Group"), tr("Edge node"), tr("State"),
                             tr("bdSeq"), tr("Last birth"), tr("Sequence errors"),
                             tr("Rebirths requested")},
                            {EdgeBdSeqColumn, EdgeSeqErrorsColumn, EdgeRebirthsColumn});
    m_edgeTable->setObjectName(QStringLiteral("edgeNodes"));
    m_edgeTable->setSelectionMode(QAbstractItemView::SingleSelection);
    // Only numbers after the last text column: stretching it would push them to the far edge.
    m_edgeTable->horizontalHeader()->setStretchLastSection(false);
    edgeLayout->addWidget(m_edgeTable);
    layout->addWidget(m_edgeSection);
    layout->addStretch(1);
    connect(m_edgeTable, &QTableWidget::itemSelectionChanged, this, [this] {
        m_rebirthButton->setEnabled(!m_edgeTable->selectedItems().isEmpty());
    });
    connect(m_rebirthButton, &QPushButton::clicked, this, &ConnectionsPage::requestRebirth);
    refresh();
}

QString ConnectionsPage::stateText(const QString &engineState)
{
    // The Engine reports states as fixed English keys; the operator reads words.
    if (engineState == QLatin1String("connected"))
        return tr("connected");
    if (engineState == QLatin1String("connecting"))
        return tr("connecting");
    if (engineState == QLatin1String("reconnecting"))
        return tr("reconnecting");
    if (engineState == QLatin1String("disconnected"))
        return tr("disconnected");
    if (engineState == QLatin1String("not started"))
        return tr("not started");
    if (engineState == QLatin1String("unknown"))
        return tr("unknown");
    const QString modbus = modbusStateText(engineState);
    if (modbus != engineState)
        return modbus;
    return engineState; // a state added later shows as it comes rather than not at all
}

QString ConnectionsPage::modbusStateText(const QString &pollerState)
{
    if (pollerState == QLatin1String("polling"))
        return tr("polling");
    if (pollerState == QLatin1String("connecting"))
        return tr("connecting");
    if (pollerState == QLatin1String("backoff"))
        return tr("not answering, retrying");
    if (pollerState == QLatin1String("stopped"))
        return tr("stopped");
    if (pollerState == QLatin1String("not started"))
        return tr("not started");
    if (pollerState == QLatin1String("idle (no tags)"))
        return tr("idle (no tags bound)");
    return pollerState;
}

void ConnectionsPage::refreshModbus()
{
    const auto &devices = m_engine->model().modbusDevices;
    m_modbusSection->setVisible(!devices.empty());
    if (devices.empty())
        return;
    const modbus::ModbusPoller *poller = m_engine->modbusPoller();
    const std::vector<modbus::DeviceDiagnostics> diagnostics =
            poller ? poller->diagnostics() : std::vector<modbus::DeviceDiagnostics>();
    const QLocale locale;
    m_modbusTable->setRowCount(static_cast<int>(devices.size()));
    for (int row = 0; row < static_cast<int>(devices.size()); ++row) {
        const ModbusDevice &device = devices[static_cast<std::size_t>(row)];
        modbus::DeviceDiagnostics d; // "not started" until the poller reports the device
        d.id = device.id;
        d.endpoint = device.endpoint();
        d.unitId = device.unitId;
        for (const modbus::DeviceDiagnostics &candidate : diagnostics)
            if (candidate.id == device.id)
                d = candidate;
        // Abnormal: retrying a silent device, or polling without an answer to the last
        // request. Connecting and not started are transitions, not faults.
        const bool abnormal = d.state == QLatin1String("backoff")
                || (d.state == QLatin1String("polling") && !d.healthy);
        const QString state = modbusStateText(d.state);
        const QString reason = d.lastError.isEmpty() ? d.lastException : d.lastError;
        const auto number = [&](std::uint64_t n) { return locale.toString(qulonglong(n)); };
        setCell(m_modbusTable, row, MbDeviceColumn, d.id);
        setCell(m_modbusTable, row, MbEndpointColumn, d.endpoint);
        setCell(m_modbusTable, row, MbUnitColumn, QString::number(d.unitId), true);
        setCell(m_modbusTable, row, MbStateColumn,
                abnormal ? (reason.isEmpty() ? tr("⚠ %1").arg(state)
                                             : tr("⚠ %1: %2").arg(state, reason))
                         : state,
                false, abnormal, reason);
        setCell(m_modbusTable, row, MbRttColumn,
                d.answers > 0 ? locale.toString(d.avgRttMs, 'f', 1) : tr("—"), true, false,
                d.answers > 0 ? tr("last %1 ms").arg(locale.toString(d.lastRttMs, 'f', 1))
                              : QString());
        setCell(m_modbusTable, row, MbRequestsColumn, number(d.requests), true);
        setCell(m_modbusTable, row, MbRateColumn, locale.toString(d.requestsPerSecond, 'f', 1),
                true);
        setCell(m_modbusTable, row, MbTimeoutsColumn, number(d.timeouts), true);
        setCell(m_modbusTable, row, MbExceptionsColumn, number(d.exceptions), true);
        setCell(m_modbusTable, row, MbCommErrorsColumn,
                number(d.connectionErrors + d.invalidResponses), true);
        setCell(m_modbusTable, row, MbLastExceptionColumn,
                d.lastException.isEmpty() ? tr("—") : d.lastException);
    }
    for (int column = 0; column < MbColumnCount - 1; ++column)
        m_modbusTable->resizeColumnToContents(column);
    fitHeight(m_modbusTable);
}

RegisterScanDialog *ConnectionsPage::openRegisterScan(const QString &deviceId)
{
    auto *dialog = new RegisterScanDialog(m_engine, deviceId, this); // deletes itself on close
    dialog->setWindowFlag(Qt::Window);
    dialog->show();
    return dialog;
}

void ConnectionsPage::refreshEdgeNodes()
{
    bool sparkplug = false;
    for (const MqttConnection &conn : m_engine->model().mqttConnections)
        sparkplug = sparkplug || !conn.sparkplugHostId.isEmpty()
                || mqtt::SparkplugHost::hasBindings(m_engine->model(), conn.id);
    m_edgeSection->setVisible(sparkplug);
    if (!sparkplug)
        return;
    const std::vector<EdgeNodeStatus> nodes = m_engine->edgeNodes();
    m_edgeEmpty->setVisible(nodes.empty());
    m_edgeTable->setVisible(!nodes.empty());
    const QLocale locale;
    const QTimeZone zone(m_engine->model().timeZone().toUtf8());
    m_edgeTable->setRowCount(static_cast<int>(nodes.size()));
    for (int row = 0; row < static_cast<int>(nodes.size()); ++row) {
        const EdgeNodeStatus &n = nodes[static_cast<std::size_t>(row)];
        setCell(m_edgeTable, row, EdgeConnectionColumn, n.connectionId);
        setCell(m_edgeTable, row, EdgeGroupColumn, n.group);
        setCell(m_edgeTable, row, EdgeNodeColumn, n.node);
        // An offline node delivers nothing: its tags are stale, so it is abnormal.
        setCell(m_edgeTable, row, EdgeStateColumn, n.online ? tr("online") : tr("⚠ offline"),
                false, !n.online,
                n.online ? QString() : tr("The node published its death or lost its connection"));
        setCell(m_edgeTable, row, EdgeBdSeqColumn,
                n.bdSeq >= 0 ? QString::number(n.bdSeq) : tr("—"), true);
        const QDateTime birth = QDateTime::fromMSecsSinceEpoch(n.lastBirthMs, QTimeZone::utc())
                                        .toTimeZone(zone.isValid() ? zone : QTimeZone::utc());
        setCell(m_edgeTable, row, EdgeBirthColumn,
                n.lastBirthMs > 0 ? birth.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                  : tr("—"));
        setCell(m_edgeTable, row, EdgeSeqErrorsColumn,
                locale.toString(qulonglong(n.sequenceErrors)), true);
        setCell(m_edgeTable, row, EdgeRebirthsColumn,
                locale.toString(qulonglong(n.rebirthsRequested)), true);
    }
    m_edgeTable->horizontalHeaderItem(EdgeBirthColumn)
            ->setText(tr("Last birth (%1)").arg(m_engine->model().timeZone()));
    for (int column = 0; column < EdgeColumnCount; ++column)
        m_edgeTable->resizeColumnToContents(column);
    fitHeight(m_edgeTable);
}

void ConnectionsPage::requestRebirth()
{
    const QList<QTableWidgetItem *> selected = m_edgeTable->selectedItems();
    if (selected.isEmpty())
        return;
    const int row = selected.first()->row();
    const QString connection = m_edgeTable->item(row, EdgeConnectionColumn)->text();
    const QString group = m_edgeTable->item(row, EdgeGroupColumn)->text();
    const QString node = m_edgeTable->item(row, EdgeNodeColumn)->text();
    if (m_engine->requestRebirth(connection, group, node))
        m_rebirthResult->setText(tr("Rebirth requested from %1/%2").arg(group, node));
    else
        m_rebirthResult->setText(tr("⚠ Cannot request a rebirth from %1/%2: connection %3 is "
                                    "not connected").arg(group, node, connection));
}

void ConnectionsPage::refresh()
{
    const auto status = m_engine->connectionStatus();
    m_empty->setVisible(status.empty());
    m_table->setVisible(!status.empty());
    const QLocale locale;
    const storage::Historian *historian = m_engine->historian();
    m_summary->setText(tr("Samples ingested: %1 · Historian: %2")
                           .arg(locale.toString(static_cast<qulonglong>(m_engine->samplesIngested())),
                                historian ? historian->path() : tr("off")));
    m_table->setRowCount(static_cast<int>(status.size()));
    QStringList insecure;
    for (int row = 0; row < static_cast<int>(status.size()); ++row) {
        const ConnectionStatus &s = status[static_cast<std::size_t>(row)];
        auto set = [&](int column, const QString &text, bool number = false) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem; // owned by the table
                m_table->setItem(row, column, item);
            }
            item->setText(text);
            item->setTextAlignment(number ? Qt::AlignRight | Qt::AlignVCenter
                                          : Qt::AlignLeft | Qt::AlignVCenter);
            QFont font = m_table->font();
            font.setBold(column == StateColumn && !s.healthy);
            item->setFont(font);
        };
        set(IdColumn, s.id);
        set(KindColumn, s.kind);
        set(EndpointColumn, s.endpoint);
        const QString state = stateText(s.state);
        set(StateColumn, s.healthy ? state : QStringLiteral("⚠ ") % state);
        set(MessagesColumn, locale.toString(static_cast<qulonglong>(s.messages)), true);
        set(ErrorsColumn, locale.toString(static_cast<qulonglong>(s.decodeErrors)), true);
        set(RateColumn, locale.toString(s.messagesPerSecond, 'f', 1), true);
        set(BytesRateColumn, locale.toString(s.bytesPerSecond, 'f', 0), true);
        set(DroppedColumn, locale.toString(static_cast<qulonglong>(s.dropped)), true);
        set(SkewColumn,
            s.hasSkew ? tr("%1%2 s").arg(s.skewWarning ? QStringLiteral("⚠ ") : QString(),
                                         locale.toString(double(s.skewMs) / 1000.0, 'f', 1))
                      : tr("—"),
            true);
        if (s.insecure)
            insecure << s.id;
        set(LastErrorColumn, s.lastError.isEmpty() ? tr("—") : s.lastError);
    }
    m_insecureWarning->setVisible(!insecure.isEmpty());
    m_insecureWarning->setText(
            tr("⚠ TLS hostname verification is off for %1 (tls.insecure): anyone on the network "
               "path could impersonate the broker.")
                    .arg(insecure.join(QStringLiteral(", "))));
    // Not the last column: sizing it by hand would switch off its stretch to the table's edge.
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_table->resizeColumnToContents(column);
    fitHeight(m_table);
    refreshModbus();
    refreshEdgeNodes();
}

} // namespace andon::ui
