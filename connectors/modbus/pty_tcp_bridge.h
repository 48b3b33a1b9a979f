// Relays a pseudo-terminal to a TCP connection, so Qt's RTU client (which only speaks to serial
// ports) can talk RTU frames to a serial-to-Ethernet gateway (transport rtu-over-tcp). Linux
// only. Owned by the ModbusPoller's worker; lives on the Modbus thread.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTcpSocket>

#include <memory>

class QSocketNotifier;

namespace andon::modbus {

class PtyTcpBridge : public QObject
{
    Q_OBJECT
public:
    PtyTcpBridge(QString host, int port, QObject *parent = nullptr);
    ~PtyTcpBridge() override;

    // Opens the pty; returns false with error() set. The TCP side connects on first data and
    // again after every disconnect.
    bool open();
    // The terminal the RTU client opens, e.g. /dev/pts/7.
    QString devicePath() const { return m_slavePath; }
    QString error() const { return m_error; }

private:
    void fromPty();
    void fromSocket();

    QString m_host;
    int m_port = 0;
    int m_master = -1;
    int m_slaveKeepOpen = -1; // keeps the pty alive while the client reopens it
    QString m_slavePath;
    QString m_error;
    QTcpSocket m_socket { this };
    std::unique_ptr<QSocketNotifier> m_notifier;
    QByteArray m_pending; // written to the pty before TCP was up
};

} // namespace andon::modbus
