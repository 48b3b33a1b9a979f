// Connections (ISA-101 level 4, diagnostics): one row per configured source with its state,
// message and decode-error counters and last error, from Engine::connectionStatus(); below it
// Modbus device health (ModbusPoller::diagnostics(), with NAMUR NE 43 signal faults), KPI
// publishing to the UNS (KpiPublisher, when `publish:` is configured) and Sparkplug B edge
// nodes (Engine::edgeNodes()) with a Rebirth button. Owned by MainWindow; refreshed at 1 Hz.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace andon {
class Engine;
class KpiPublisher;
}

namespace andon::ui {

class RegisterScanDialog;

class ConnectionsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionsPage(Engine *engine, QWidget *parent = nullptr);
    void refresh();
    // A connection state from Engine::connectionStatus() ("connected", ...) in words.
    static QString stateText(const QString &engineState);
    // A Modbus device state from DeviceDiagnostics::state ("polling", "backoff", ...) in words.
    static QString modbusStateText(const QString &pollerState);
    QTableWidget *table() const { return m_table; }
    QTableWidget *modbusTable() const { return m_modbusTable; }
    QTableWidget *edgeNodeTable() const { return m_edgeTable; }
    // KPI publishing status (one row); hidden unless `publish:` is configured and enabled.
    QTableWidget *kpiTable() const { return m_kpiTable; }
    // The publisher main() runs for the configured `publish:` (it outlives the page); null:
    // publishing is configured but not running, which the page shows as abnormal.
    void setKpiPublisher(const KpiPublisher *publisher);
    QPushButton *rebirthButton() const { return m_rebirthButton; }
    QPushButton *browseBrokerButton() const { return m_browseButton; }
    // "Scan registers…" for the device selected in modbusTable() (also a double-click on it).
    QPushButton *scanButton() const { return m_scanButton; }
    RegisterScanDialog *openRegisterScan(const QString &deviceId);

signals:
    void browseBrokerRequested(); // "Browse broker…" (MainWindow opens the window)

private:
    void refreshModbus();
    void refreshEdgeNodes();
    void refreshKpiPublishing();
    void requestRebirth(); // for the node selected in the edge node table

    Engine *m_engine;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QWidget *m_modbusSection = nullptr;  // hidden when the plant has no Modbus device
    QTableWidget *m_modbusTable = nullptr;
    QWidget *m_kpiSection = nullptr;     // hidden without an enabled `publish:` section
    QTableWidget *m_kpiTable = nullptr;
    const KpiPublisher *m_kpiPublisher = nullptr;
    QWidget *m_edgeSection = nullptr;    // hidden when no MQTT connection speaks Sparkplug B
    QTableWidget *m_edgeTable = nullptr;
    QLabel *m_edgeEmpty = nullptr;       // Sparkplug configured, but no node born yet
    QPushButton *m_rebirthButton = nullptr;
    QPushButton *m_browseButton = nullptr;
    QPushButton *m_scanButton = nullptr;
    QLabel *m_rebirthResult = nullptr;
};

} // namespace andon::ui
