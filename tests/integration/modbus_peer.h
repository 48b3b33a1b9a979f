// Test helpers for the Modbus integration tests: the independent pymodbus peer
// (tests/peers/modbus_server.py) as a child process and a socat pseudo-terminal pair.
#pragma once

#include "tests/support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace andon::test {

inline QString peerDir()
{
    return sourceDir() + QStringLiteral("/tests/peers");
}

// The pymodbus server as a child process; killed on destruction.
class ModbusPeer
{
public:
    ~ModbusPeer() { stop(); }
    bool start(const QStringList &args, QString *error)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(QStringLiteral("/usr/bin/python3"),
            QStringList { peerDir() + QStringLiteral("/modbus_server.py"),
                QStringLiteral("--layout"), peerDir() + QStringLiteral("/modbus_layout.json") }
                + args);
        if (!m_process->waitForStarted(5000)) {
            *error = m_process->errorString();
            return false;
        }
        // Bounded: at most 10 s for "ready".
        for (int i = 0; i < 100 && !m_process->canReadLine(); ++i)
            m_process->waitForReadyRead(100);
        const QByteArray line = m_process->readLine().trimmed();
        if (line != "ready") {
            *error = QStringLiteral("peer did not start: ")
                + QString::fromUtf8(line + m_process->readAllStandardError());
            return false;
        }
        return true;
    }
    void stop()
    {
        if (!m_process)
            return;
        m_process->kill();
        m_process->waitForFinished(5000);
        m_process.reset();
    }

private:
    std::unique_ptr<QProcess> m_process;
};

// Reads `count` registers (or bits) of `table` ("holding", "input", "coil", "discrete") from
// the server on 127.0.0.1:`port` with the independent pymodbus client tests/peers/modbus_read.py.
// Empty with *error set when the read fails.
inline QList<int> peerRead(
    int port, const QString &table, int address, int count, QString *error, int unit = 1)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
        { peerDir() + QStringLiteral("/modbus_read.py"), QStringLiteral("--port"),
            QString::number(port), QStringLiteral("--unit"), QString::number(unit),
            QStringLiteral("--range"),
            QStringLiteral("%1:%2:%3").arg(table).arg(address).arg(count) });
    if (!p.waitForFinished(20000) || p.exitCode() != 0) {
        *error = QStringLiteral("modbus_read.py failed: ") + QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    const QJsonObject range = QJsonDocument::fromJson(p.readAllStandardOutput())
                                  .object()[QStringLiteral("ranges")]
                                  .toArray()
                                  .at(0)
                                  .toObject();
    QList<int> out;
    for (const QJsonValue &v : range[QStringLiteral("registers")].toArray())
        out << v.toInt();
    return out;
}

// The writes the peer executed (modbus_server.py --write-log): one JSON object per line,
// {"fc": 15, "address": 10, "values": [1]}.
inline QList<QJsonObject> peerWriteLog(const QString &path)
{
    QFile file(path);
    QList<QJsonObject> out;
    if (!file.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

// A pseudo-terminal pair: the peer opens dir/b, the poller dir/a.
class PtyPair
{
public:
    ~PtyPair()
    {
        if (m_socat) {
            m_socat->terminate();
            if (!m_socat->waitForFinished(3000))
                m_socat->kill();
            m_socat->waitForFinished(3000);
        }
    }
    bool start(QString *error)
    {
        m_socat = std::make_unique<QProcess>();
        m_socat->start(QStringLiteral("socat"),
            { QStringLiteral("-d"), QStringLiteral("-d"),
                QStringLiteral("pty,raw,echo=0,link=") + a(),
                QStringLiteral("pty,raw,echo=0,link=") + b() });
        if (!m_socat->waitForStarted(5000)) {
            *error = m_socat->errorString();
            return false;
        }
        for (int i = 0; i < 100 && !(QFileInfo::exists(a()) && QFileInfo::exists(b())); ++i)
            QTest::qWait(50);
        if (!QFileInfo::exists(a()) || !QFileInfo::exists(b())) {
            *error = QStringLiteral("socat made no pty pair: ")
                + QString::fromUtf8(m_socat->readAllStandardError());
            return false;
        }
        return true;
    }
    QString a() const { return m_dir.path() + QStringLiteral("/a"); }
    QString b() const { return m_dir.path() + QStringLiteral("/b"); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_socat;
};

} // namespace andon::test
