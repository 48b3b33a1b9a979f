// andon-cli secret: stores a secret (MQTT password, TLS key passphrase, IoT Hub device key) in
// the OS keychain, read from standard input only — never from the command line, which other
// users can see in the process list and which lands in shell histories.
#include "app/cli/cli_support.h"
#include "app/cli/commands.h"

#include "connectors/keychain.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace andon::cli {

namespace {

// Standard input up to EOF (a pipe) or one line (a terminal, echo off); without the line end.
QByteArray readSecret(const QString &ref)
{
    QByteArray data;
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved {};
    if (terminal) {
        QTextStream(stderr) << "secret for " << ref << " (not shown): " << Qt::flush;
        if (tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    QFile in;
    if (in.open(stdin, QIODevice::ReadOnly))
        data = terminal ? in.readLine() : in.readAll();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        QTextStream(stderr) << '\n';
    }
    if (data.endsWith('\n'))
        data.chop(1);
    if (data.endsWith('\r'))
        data.chop(1);
    return data;
}

} // namespace

int runSecret(const QStringList &args)
{
    const QString usage = QStringLiteral(
            "secret (set|check) --keychain SERVICE/ACCOUNT   (set reads the secret from stdin)");
    if (args.size() == 1 && (args[0] == u"-h" || args[0] == u"--help")) {
        QTextStream(stdout) << "usage: andon-cli " << usage << '\n';
        return 0;
    }
    if (args.isEmpty() || (args[0] != u"set" && args[0] != u"check"))
        return reportUsage(usage, QStringLiteral("secret needs 'set' or 'check'"));
    QString ref;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--keychain" && i + 1 < args.size())
            ref = args[++i];
        else if (args[i].startsWith(QLatin1String("--keychain=")))
            ref = args[i].mid(11);
        else // a secret given as an argument is refused without repeating it
            return reportUsage(usage, QStringLiteral("unexpected argument %1 (secrets are read "
                                                    "from standard input, never from the "
                                                    "command line)")
                                             .arg(i));
    }
    QString service, account;
    if (!secrets::splitKeychainRef(ref, &service, &account))
        return reportUsage(usage, QStringLiteral("--keychain needs SERVICE/ACCOUNT"));
    QString error;
    if (args[0] == u"check") {
        QByteArray secret;
        if (!secrets::readKeychainSecret(ref, &secret, &error)) {
            QTextStream(stderr) << "andon-cli: " << error << '\n';
            return 1;
        }
        QTextStream(stdout) << "keychain entry " << ref << ": present (" << secret.size()
                            << " bytes)\n";
        return 0;
    }
    const QByteArray secret = readSecret(ref);
    if (secret.isEmpty()) {
        QTextStream(stderr) << "andon-cli: nothing on standard input: no secret stored\n";
        return 1;
    }
    if (!secrets::writeKeychainSecret(ref, secret, &error)) {
        QTextStream(stderr) << "andon-cli: " << error << '\n';
        return 1;
    }
    QTextStream(stdout) << "stored keychain entry " << ref << " (" << secret.size()
                        << " bytes)\n";
    return 0;
}

} // namespace andon::cli
