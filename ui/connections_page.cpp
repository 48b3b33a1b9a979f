#include "ui/connections_page.h"

#include "connectors/modbus/modbus_poller.h"
#include "connectors/mqtt/sparkplug_host.h"
#include "core/cloud_profile.h"
#include "core/kpi_topics.h"
#include "engine/engine.h"
#include "engine/kpi_publisher.h"
#include "storage/historian.h"
#include "ui/register_scan_dialog.h"
#include "ui/security_banner.h"
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
                    MbCommErrorsColumn, MbSignalFaultsColumn, MbLastExceptionColumn,
                    MbLastSignalFaultColumn, MbColumnCount };
enum KpiColumn { KpiConnectionColumn, KpiTopicsColumn, KpiWhatColumn, KpiIntervalColumn,
                 KpiStateColumn, KpiPublishedColumn, KpiFailedColumn, KpiLastPublishColumn,
                 KpiColumnCount };

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

// Narrows the `text` columns (widest first, not below a readable width) until the columns
// before the last one leave the last one room within the table's width: no horizontal
// scrolling at 1366 px. Their texts wrap (rows as tall as needed); tooltips hold them too.
void fitColumns(QTableWidget *table, std::initializer_list<int> text)
{
    constexpr int kMinTextWidth = 120;
    constexpr int kMinLastWidth = 160;
    int used = 0;
    for (int column = 0; column < table->columnCount() - 1; ++column)
        used += table->columnWidth(column);
    int excess = used + kMinLastWidth - table->viewport()->width();
    for (std::size_t round = 0; round < text.size() && excess > 0; ++round) {
        int widest = -1, second = kMinTextWidth;
        for (const int column : text) {
            const int w = table->columnWidth(column);
            if (widest < 0 || w > table->columnWidth(widest)) {
                if (widest >= 0)
                    second = std::max(second, table->columnWidth(widest));
                widest = column;
            } else {
                second = std::max(second, w);
            }
        }
        const int w = table->columnWidth(widest);
        const int cut = std::min(excess, w - std::max(second, kMinTextWidth));
        if (cut <= 0)
            break;
        table->setColumnWidth(widest, w - cut);
        excess -= cut;
    }
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
                               tr("Signal faults"), tr("Last exception"),
                               tr("Last signal fault")},
                              {MbUnitColumn, MbRttColumn, MbRequestsColumn, MbRateColumn,
                               MbTimeoutsColumn, MbExceptionsColumn, MbCommErrorsColumn,
                               MbSignalFaultsColumn});
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
    m_modbusTable->horizontalHeaderItem(MbSignalFaultsColumn)
            ->setToolTip(tr("4-20 mA inputs that left the NAMUR NE 43 limits (below 4 or "
                            "above 20 mA; below 3.8 or above 20.5 mA is a sensor or wire "
                            "fault), counted since the start"));
    modbusLayout->addWidget(m_modbusTable);
    layout->addWidget(m_modbusSection);

    // KPI publishing to the plant's UNS (`publish:`): is it running, is it getting through?
    m_kpiSection = new QWidget(this);
    auto *kpiLayout = new QVBoxLayout(m_kpiSection);
    kpiLayout->setContentsMargins(0, 8, 0, 0);
    kpiLayout->addWidget(sectionTitle(tr("KPI publishing (UNS)"), m_kpiSection));
    m_kpiTable = makeTable(m_kpiSection,
                           {tr("Connection"), tr("Topics"), tr("KPIs"), tr("Every"),
                            tr("State"), tr("Published"), tr("Failed"), tr("Last publish")},
                           {KpiIntervalColumn, KpiPublishedColumn, KpiFailedColumn});
    m_kpiTable->setObjectName(QStringLiteral("kpiPublishing"));
    m_kpiTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_kpiTable->horizontalHeaderItem(KpiFailedColumn)
            ->setToolTip(tr("Messages the broker connection did not take (e.g. while it was "
                            "down); they are sent again in the next round"));
    kpiLayout->addWidget(m_kpiTable);
    layout->addWidget(m_kpiSection);

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
        setCell(m_modbusTable, row, MbSignalFaultsColumn, number(d.signalFaults), true);
        setCell(m_modbusTable, row, MbLastExceptionColumn,
                d.lastException.isEmpty() ? tr("—") : d.lastException, false, false,
                d.lastException);
        // The poller's message names the device first ("Modbus io1 (unit 1, host:502) input
        // 3 (...): NE 43: ..."); the row already does, so the cell starts at the register.
        QString fault = d.lastSignalFault;
        const QString devicePrefix = QStringLiteral("Modbus ") + d.id + QStringLiteral(" (");
        if (const qsizetype end = fault.indexOf(QStringLiteral(") "), devicePrefix.size());
            fault.startsWith(devicePrefix) && end > 0)
            fault = fault.mid(end + 2);
        setCell(m_modbusTable, row, MbLastSignalFaultColumn, fault.isEmpty() ? tr("—") : fault,
                false, false, d.lastSignalFault);
    }
    for (int column = 0; column < MbColumnCount - 1; ++column)
        m_modbusTable->resizeColumnToContents(column);
    fitColumns(m_modbusTable, {MbStateColumn, MbLastExceptionColumn});
    // Long reasons wrap onto a second line; other rows keep the common row height.
    m_modbusTable->resizeRowsToContents();
    for (int row = 0; row < m_modbusTable->rowCount(); ++row)
        m_modbusTable->setRowHeight(row, std::max(m_modbusTable->rowHeight(row),
                                                  m_modbusTable->verticalHeader()->defaultSectionSize()));
    fitHeight(m_modbusTable);
}

void ConnectionsPage::setKpiPublisher(const KpiPublisher *publisher)
{
    m_kpiPublisher = publisher;
    refreshKpiPublishing();
}

void ConnectionsPage::refreshKpiPublishing()
{
    const PlantModel &model = m_engine->model();
    const PublishSettings &ps = model.publish;
    m_kpiSection->setVisible(ps.enabled);
    if (!ps.enabled)
        return;
    const QLocale locale;
    const QTimeZone zone(model.timeZone().toUtf8());
    const auto localTime = [&](TimestampMs ms) {
        return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                                .toTimeZone(zone.isValid() ? zone : QTimeZone::utc())
                                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                      : tr("—");
    };
    m_kpiTable->setRowCount(1);
    const MqttConnection *conn = model.mqttConnection(ps.connection);
    const bool azure = conn && conn->profile == MqttConnection::Profile::AzureIotHub;
    const QString pattern = kpiTopic(ps, QStringLiteral("{path}"), QStringLiteral("{kpi}"));
    setCell(m_kpiTable, 0, KpiConnectionColumn, ps.connection);
    setCell(m_kpiTable, 0, KpiTopicsColumn,
            azure ? tr("IoT Hub events, kpi_topic %1").arg(pattern) : pattern, false, false,
            azure ? tr("Device-to-cloud messages on %1 with the KPI topic as the property "
                       "kpi_topic")
                            .arg(cloud::azureEventsTopic(conn->azureDeviceId))
                  : tr("{path}: the ISA-95 path of each machine and line; {kpi}: oee/live, "
                       "oee/shift, energy_per_unit/live, energy_per_unit/shift, state"));
    QStringList what;
    if (ps.oee)
        what << tr("OEE");
    if (ps.energy)
        what << tr("energy");
    if (ps.state)
        what << tr("state");
    setCell(m_kpiTable, 0, KpiWhatColumn, what.join(QStringLiteral(", ")));
    setCell(m_kpiTable, 0, KpiIntervalColumn,
            tr("%1 s").arg(locale.toString(static_cast<double>(ps.intervalMs) / 1000.0)), true);

    const KpiPublisher *p = m_kpiPublisher;
    const std::uint64_t published = p ? p->publishedCount() : 0;
    const std::uint64_t failed = p ? p->failedCount() : 0;
    const TimestampMs lastOk = p ? p->lastPublishMs() : 0;
    const TimestampMs lastFailure = p ? p->lastFailureMs() : 0;
    // Abnormal: not running at all, or the last round's messages did not get through.
    const bool failing = p && lastFailure > 0 && lastFailure >= lastOk;
    QString state, why;
    if (!p) {
        state = tr("⚠ not running");
        why = tr("publish: is configured, but connection %1 has no client; see the log "
                 "(andon.publish)")
                      .arg(ps.connection);
    } else if (failing) {
        state = tr("⚠ not getting through, retrying");
        why = tr("Connection %1 did not take the last messages (last failure %2); each round "
                 "tries again, and the values retained on the broker stay until replaced")
                      .arg(ps.connection, localTime(lastFailure));
    } else {
        state = published > 0 ? tr("publishing") : tr("starting");
    }
    setCell(m_kpiTable, 0, KpiStateColumn, state, false, !p || failing, why);
    setCell(m_kpiTable, 0, KpiPublishedColumn, locale.toString(qulonglong(published)), true);
    setCell(m_kpiTable, 0, KpiFailedColumn, locale.toString(qulonglong(failed)), true, false,
            lastFailure > 0 ? tr("last failure %1").arg(localTime(lastFailure)) : QString());
    setCell(m_kpiTable, 0, KpiLastPublishColumn, localTime(lastOk));
    m_kpiTable->horizontalHeaderItem(KpiLastPublishColumn)
            ->setText(tr("Last publish (%1)").arg(model.timeZone()));
    for (int column = 0; column < KpiColumnCount - 1; ++column)
        m_kpiTable->resizeColumnToContents(column);
    fitHeight(m_kpiTable);
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
        set(LastErrorColumn, s.lastError.isEmpty() ? tr("—") : s.lastError);
        // The main window's security banner (on every page, so not repeated here) per
        // row: ⚠ at the endpoint, the reasons on hover.
        QStringList reasons;
        if (const MqttConnection *conn = s.kind == u"MQTT" ? m_engine->model().mqttConnection(s.id)
                                                           : nullptr) {
            for (const SecurityNotice &n : securityNotices(*conn))
                reasons << SecurityBanner::reason(n);
        }
        if (!reasons.isEmpty()) {
            QTableWidgetItem *endpoint = m_table->item(row, EndpointColumn);
            endpoint->setText(QStringLiteral("⚠ ") % s.endpoint);
            endpoint->setToolTip(reasons.join(QLatin1Char('\n')));
        } else {
            m_table->item(row, EndpointColumn)->setToolTip(QString());
        }
    }
    // Not the last column: sizing it by hand would switch off its stretch to the table's edge.
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_table->resizeColumnToContents(column);
    fitHeight(m_table);
    refreshModbus();
    refreshKpiPublishing();
    refreshEdgeNodes();
}

} // namespace andon::ui
