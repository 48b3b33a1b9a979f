// Helpers shared by the test executables: source/build paths, free loopback ports, a real
// mosquitto broker started per test, and a message handler that turns unexpected warnings
// into failures.
#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace andon::test {

QString sourceDir();      // $ANDON_SOURCE_DIR (set by ctest)
QString buildDir();       // $ANDON_BUILD_DIR
QString screenshotDir();  // <build>/screenshots, created on demand
QString toolPath(const QString &name); // <build>/app/<name> (andon-cli, andon-sim, andon)

// Exit code (-1: crashed, did not start or timed out) and output of one run of a built tool.
struct ToolRun
{
    int exitCode = -1;
    QString out, err;
};
// Runs toolPath(name) with `args` to completion, at most `timeoutMs` (then it is killed).
ToolRun runTool(const QString &name, const QStringList &args, int timeoutMs = 180'000);
// The same with `input` written to the tool's stdin, which is then closed (a pipe, never a tty).
ToolRun runTool(const QString &name, const QStringList &args, const QByteArray &input,
                int timeoutMs = 180'000);

// A TCP port on 127.0.0.1 that was free a moment ago.
int freeLoopbackPort();

// A real mosquitto broker on 127.0.0.1:<free port> with its own config in a temp dir.
// Stops (SIGTERM, then kill) on destruction.
class MosquittoBroker
{
public:
    MosquittoBroker();
    ~MosquittoBroker();
    // Starts the broker and waits (bounded, 10 s) until it accepts connections.
    bool start(QString *error);
    void stop();
    int port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString log() const; // broker's own log, for failure messages

    // Optional settings, applied by the next start(); the defaults keep the plain anonymous,
    // non-persistent broker. Extra lines go right after the `listener` line, so per-listener
    // options (cafile, certfile, keyfile, require_certificate, password_file, acl_file) apply
    // to it.
    void setAllowAnonymous(bool allow) { m_allowAnonymous = allow; }
    void setPersistence(bool on) { m_persistence = on; } // persistence_location = dir()
    void setExtraConfig(const QString &lines) { m_extraConfig = lines; }
    QString dir() const { return m_dir.path(); } // the broker's temp dir (certs, passwords)
    // The broker's process id (0 when not running), e.g. to send SIGHUP: mosquitto then
    // reloads its password file without dropping connected clients.
    qint64 processId() const { return m_process ? m_process->processId() : 0; }

private:
    bool m_allowAnonymous = true;
    bool m_persistence = false;
    QString m_extraConfig;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

// Fails the running test on any qWarning/qCritical that was not announced with
// expectWarning() (QTest cannot tell another handler which messages it ignored). Messages
// from other threads cannot fail a test directly; they are recorded and returned by
// unexpectedWarnings(), which tests check in cleanup(). Call in initTestCase (after QTest
// installed its own handler, so every message passes through this one first).
void installStrictMessageHandler();
// Announces one expected warning/critical matching `pattern` (also QTest::ignoreMessage's it).
void expectWarning(const QRegularExpression &pattern, QtMsgType type = QtWarningMsg);
// Warnings/criticals seen since the last clearUnexpectedWarnings() that nobody expected.
QStringList unexpectedWarnings();
void clearUnexpectedWarnings();

} // namespace andon::test
