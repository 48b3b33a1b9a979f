// Connections (ISA-101 level 4, diagnostics): one row per configured source with its state,
// message and decode-error counters and last error, from Engine::connectionStatus().
// Owned by MainWindow; refreshed at 1 Hz.
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace andon {
class Engine;
}

namespace andon::ui {

class ConnectionsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionsPage(Engine *engine, QWidget *parent = nullptr);
    void refresh();
    // A connection state from Engine::connectionStatus() ("connected", ...) in words.
    static QString stateText(const QString &engineState);
    QTableWidget *table() const { return m_table; }

private:
    Engine *m_engine;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_insecureWarning = nullptr; // orange-outlined line while a connection skips TLS checks
};

} // namespace andon::ui
