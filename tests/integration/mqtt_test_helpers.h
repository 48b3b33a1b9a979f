// Helpers for the production MQTT client tests (tests/mqtt2.cmake): client options for a test
// broker, running command-line tools with a bounded wait, and a thread-safe message sink.
#pragma once

#include "connectors/mqtt/mqtt_client.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QtTest>

#include <mutex>
#include <vector>

namespace andon::test {

inline constexpr int kMqttWaitMs = 20000; // the upper bound of every wait in these tests

inline mqtt::MqttClientOptions mqttOptions(int port)
{
    mqtt::MqttClientOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port;
    o.keepAliveS = 5;
    o.reconnectMinS = 1;
    o.reconnectMaxS = 2; // tests must not wait for a long back-off
    return o;
}

// Runs a tool to completion (bounded, 20 s); returns false with its output in `error`.
inline bool runTool(const QString &program, const QStringList &args, QString *error,
                    const QString &workDir = QString())
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForFinished(kMqttWaitMs)) {
        p.kill();
        p.waitForFinished(1000);
        *error = program % QStringLiteral(" timed out");
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = program % QLatin1Char(' ') % args.join(QLatin1Char(' ')) % QStringLiteral(": ")
                % QString::fromUtf8(p.readAll());
        return false;
    }
    return true;
}

// mosquitto started as root drops to the `mosquitto` user: files it reads (certificates,
// password and ACL files) and their directory must be readable by others. Test data only.
inline void makeReadableByBroker(const QString &dirPath)
{
    const auto all = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther;
    QFile::setPermissions(dirPath, all | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                                  | QFileDevice::ExeOther);
    const QStringList files = QDir(dirPath).entryList(QDir::Files);
    for (const QString &f : files)
        QFile::setPermissions(QDir(dirPath).filePath(f), all);
}

// Collects messages from a client's handler (network thread) for the test thread.
class MessageSink
{
public:
    void attach(mqtt::MqttClient &client)
    {
        client.setMessageHandler([this](mqtt::MqttMessage &&m) {
            std::lock_guard lock(m_mutex);
            m_messages.push_back(std::move(m));
        });
    }
    std::vector<mqtt::MqttMessage> messages() const
    {
        std::lock_guard lock(m_mutex);
        return m_messages;
    }
    bool has(const QString &topic, const QByteArray &payload) const
    {
        std::lock_guard lock(m_mutex);
        for (const auto &m : m_messages) {
            if (m.topic == topic && m.payload == payload)
                return true;
        }
        return false;
    }
    int count(const QString &topic) const
    {
        std::lock_guard lock(m_mutex);
        int n = 0;
        for (const auto &m : m_messages)
            n += m.topic == topic ? 1 : 0;
        return n;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<mqtt::MqttMessage> m_messages;
};

// Publishes probes on `topic` through `client` until `sink` sees one: proves the subscription
// is active (SUBACK is not exposed). Bounded by kMqttWaitMs.
inline bool waitForSubscription(mqtt::MqttClient &client, const MessageSink &sink,
                                const QString &topic)
{
    QDeadlineTimer deadline(kMqttWaitMs);
    while (!deadline.hasExpired()) {
        client.publish(topic, "probe", 1);
        for (int i = 0; i < 10; ++i) { // 10 x 50 ms per probe
            QTest::qWait(50);
            if (sink.count(topic) > 0)
                return true;
        }
    }
    return false;
}

} // namespace andon::test
