#include "connectors/modbus/pty_tcp_bridge.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace andon::modbus {

PtyTcpBridge::PtyTcpBridge(QString host, int port, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
{
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(&m_socket, &QTcpSocket::readyRead, this, &PtyTcpBridge::fromSocket);
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (!m_pending.isEmpty()) {
            m_socket.write(m_pending);
            m_pending.clear();
        }
    });
}

PtyTcpBridge::~PtyTcpBridge()
{
    m_notifier.reset();
    if (m_slaveKeepOpen >= 0)
        ::close(m_slaveKeepOpen);
    if (m_master >= 0)
        ::close(m_master);
}

bool PtyTcpBridge::open()
{
    m_master = ::posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0) {
        m_error = QStringLiteral("cannot create a pseudo-terminal: ")
            + QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    const char *name = ::ptsname(m_master);
    if (!name) {
        m_error = QStringLiteral("cannot name the pseudo-terminal");
        return false;
    }
    m_slavePath = QString::fromLocal8Bit(name);
    // Raw, so no byte of a binary RTU frame is taken as a line-discipline control character.
    m_slaveKeepOpen = ::open(name, O_RDWR | O_NOCTTY);
    if (m_slaveKeepOpen >= 0) {
        termios t {};
        if (::tcgetattr(m_slaveKeepOpen, &t) == 0) {
            ::cfmakeraw(&t);
            ::tcsetattr(m_slaveKeepOpen, TCSANOW, &t);
        }
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_master, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &PtyTcpBridge::fromPty);
    return true;
}

void PtyTcpBridge::fromPty()
{
    char buffer[512];
    for (int i = 0; i < 64; ++i) { // bounded: at most 32 KiB per wake-up
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n <= 0)
            break;
        const QByteArray data(buffer, static_cast<qsizetype>(n));
        if (m_socket.state() == QAbstractSocket::ConnectedState) {
            m_socket.write(data);
            m_socket.flush();
        } else {
            // A request while TCP is down: keep only the newest one and (re)connect; if the
            // gateway stays away the RTU client times out and the poller backs off.
            m_pending = data;
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                m_socket.connectToHost(m_host, static_cast<quint16>(m_port));
        }
    }
}

void PtyTcpBridge::fromSocket()
{
    const QByteArray data = m_socket.readAll();
    qsizetype written = 0;
    // Bounded: a pty buffer holds several KiB and Modbus replies are at most 256 bytes.
    for (int i = 0; i < 16 && written < data.size(); ++i) {
        const ssize_t n = ::write(
            m_master, data.constData() + written, static_cast<std::size_t>(data.size() - written));
        if (n <= 0)
            break;
        written += n;
    }
}

} // namespace andon::modbus
