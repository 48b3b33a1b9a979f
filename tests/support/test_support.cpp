#include "tests/support/test_support.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <mutex>
#include <vector>

namespace andon::test {

namespace {

QString envDir(const char *name)
{
    const QString v = qEnvironmentVariable(name);
    if (v.isEmpty())
        std::fprintf(stderr, "test_support: %s is not set (run the test through ctest)\n", name);
    return v;
}

} // namespace

QString sourceDir()
{
    return envDir("ANDON_SOURCE_DIR");
}

QString buildDir()
{
    return envDir("ANDON_BUILD_DIR");
}

QString screenshotDir()
{
    const QString dir = buildDir() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir;
}

namespace {

// runTool(); `input` (when given) goes to the tool's stdin, which is then closed.
ToolRun runToolWith(const QString &name, const QStringList &args, const QByteArray *input,
                    int timeoutMs)
{
    QProcess p;
    p.start(toolPath(name), args);
    ToolRun r;
    const bool started = p.waitForStarted(10'000);
    if (started && input) {
        p.write(*input);
        p.closeWriteChannel();
    }
    if (!started || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("%1 did not run or timed out").arg(name);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

ToolRun runTool(const QString &name, const QStringList &args, int timeoutMs)
{
    return runToolWith(name, args, nullptr, timeoutMs);
}

ToolRun runTool(const QString &name, const QStringList &args, const QByteArray &input,
                int timeoutMs)
{
    return runToolWith(name, args, &input, timeoutMs);
}

QString toolPath(const QString &name)
{
    return buildDir() + QStringLiteral("/app/") + name;
}

int freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

// ---------------------------------------------------------------------------------------------

MosquittoBroker::MosquittoBroker() = default;

MosquittoBroker::~MosquittoBroker()
{
    stop();
}

bool MosquittoBroker::start(QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        stop();
        return false;
    };
    if (m_process && m_process->state() != QProcess::NotRunning)
        return true;
    if (!m_dir.isValid())
        return fail(QStringLiteral("cannot create a temporary directory"));
    if (m_port == 0) // keep the port across restarts so clients can reconnect to it
        m_port = freeLoopbackPort();
    if (m_port == 0)
        return fail(QStringLiteral("no free loopback port"));

    // mosquitto started as root drops to the `mosquitto` user: it must be able to write its
    // log and persistence file into the (otherwise 0700) temp dir.
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::WriteOther | QFileDevice::ExeOther
                                  | QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                  | QFileDevice::ExeGroup);
    const QString confPath = m_dir.filePath(QStringLiteral("mosquitto.conf"));
    QFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("cannot write %1").arg(confPath));
    QString extra = m_extraConfig;
    if (!extra.isEmpty() && !extra.endsWith(QLatin1Char('\n')))
        extra += QLatin1Char('\n');
    const QString persistence = m_persistence
            ? QStringLiteral("persistence true\npersistence_location %1/\n").arg(m_dir.path())
            : QStringLiteral("persistence false\n");
    const QString text = QStringLiteral("listener %1 127.0.0.1\n").arg(m_port) % extra
            % QStringLiteral("allow_anonymous %1\n")
                      .arg(m_allowAnonymous ? QStringLiteral("true") : QStringLiteral("false"))
            % persistence
            % QStringLiteral("log_dest file %1\n"
                             "log_type error\nlog_type warning\nlog_type notice\n"
                             "log_type information\n")
                      .arg(m_dir.filePath(QStringLiteral("mosquitto.log")));
    conf.write(text.toUtf8());
    conf.close();

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("mosquitto.out")),
                                     QIODevice::Append);
    m_process->start(QStringLiteral("/usr/sbin/mosquitto"), {QStringLiteral("-c"), confPath});
    if (!m_process->waitForStarted(5000))
        return fail(QStringLiteral("cannot start /usr/sbin/mosquitto: %1")
                            .arg(m_process->errorString()));

    // Bounded: 10 s of connect attempts, 50 ms apart.
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning)
            return fail(QStringLiteral("mosquitto exited (code %1); log:\n%2")
                                .arg(m_process->exitCode())
                                .arg(log()));
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_port));
        if (probe.waitForConnected(200)) {
            probe.disconnectFromHost();
            return true;
        }
        QThread::msleep(50);
    }
    return fail(QStringLiteral("mosquitto did not accept connections on port %1 within 10 s; "
                               "log:\n%2")
                        .arg(m_port)
                        .arg(log()));
}

void MosquittoBroker::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    m_process.reset();
}

QString MosquittoBroker::log() const
{
    QString out;
    for (const char *name : {"mosquitto.log", "mosquitto.out"}) {
        QFile f(m_dir.filePath(QString::fromLatin1(name)));
        if (f.open(QIODevice::ReadOnly))
            out += QString::fromUtf8(f.readAll().right(8000));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------

namespace {

struct Expectation
{
    QtMsgType type;
    QRegularExpression pattern;
};

struct StrictState
{
    std::mutex mutex;
    QtMessageHandler previous = nullptr;
    std::vector<Expectation> expected;
    QStringList unexpected;
    bool installed = false;
};

StrictState &strict()
{
    static StrictState s;
    return s;
}

void strictHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    StrictState &s = strict();
    QtMessageHandler previous = nullptr;
    bool unexpected = false;
    {
        std::lock_guard lock(s.mutex);
        previous = s.previous;
        if (type == QtWarningMsg || type == QtCriticalMsg) {
            unexpected = true;
            for (auto it = s.expected.begin(); it != s.expected.end(); ++it) {
                if (it->type == type && it->pattern.match(message).hasMatch()) {
                    s.expected.erase(it);
                    unexpected = false;
                    break;
                }
            }
            if (unexpected) {
                const QString cat = context.category ? QString::fromUtf8(context.category)
                                                     : QString();
                s.unexpected.push_back(cat.isEmpty() ? message : cat % u": " % message);
            }
        }
    }
    if (previous)
        previous(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
    if (unexpected && QCoreApplication::instance()
        && QThread::currentThread() == QCoreApplication::instance()->thread()
        && QTest::currentTestFunction()) {
        const QByteArray text = "Unexpected warning: " + message.toUtf8();
        QTest::qFail(text.constData(), context.file ? context.file : __FILE__,
                     context.file ? context.line : __LINE__);
    }
}

} // namespace

void installStrictMessageHandler()
{
    StrictState &s = strict();
    std::lock_guard lock(s.mutex);
    if (s.installed)
        return;
    s.installed = true;
    s.previous = qInstallMessageHandler(strictHandler);
}

void expectWarning(const QRegularExpression &pattern, QtMsgType type)
{
    {
        StrictState &s = strict();
        std::lock_guard lock(s.mutex);
        s.expected.push_back(Expectation{type, pattern});
    }
    QTest::ignoreMessage(type, pattern);
}

QStringList unexpectedWarnings()
{
    StrictState &s = strict();
    std::lock_guard lock(s.mutex);
    return s.unexpected;
}

void clearUnexpectedWarnings()
{
    StrictState &s = strict();
    std::lock_guard lock(s.mutex);
    s.unexpected.clear();
    s.expected.clear();
}

} // namespace andon::test
