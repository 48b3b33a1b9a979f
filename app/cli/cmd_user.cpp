// andon-cli user: local users from the command line (docs/security.md "Users and roles").
// The CLI acts as the operating-system account that owns the files (AccessControl's
// bootstrap mode) and audits as "<login> (andon-cli)". Passwords are never taken from the
// command line (other accounts can read it in the process list): they come from stdin with
// --password-stdin, else from a prompt without echo on a terminal.
#include "app/cli/commands.h"

#include "core/config_loader.h"
#include "engine/access_control.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace andon::cli {

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char kUsage[] =
        "usage: andon-cli user add NAME --role ROLE [--password-stdin] STORE\n"
        "       andon-cli user list [--json] STORE\n"
        "       andon-cli user passwd NAME [--password-stdin] STORE\n"
        "       andon-cli user role NAME ROLE STORE\n"
        "       andon-cli user disable NAME STORE\n"
        "       andon-cli user enable NAME STORE\n"
        "       andon-cli user unlock NAME STORE\n"
        "STORE: --config FILE [--db FILE] [--users-db FILE]  (or --db FILE without --config)\n"
        "ROLE: viewer, operator, supervisor, engineer or administrator\n"
        "Passwords are read from stdin (--password-stdin) or asked for on the terminal;\n"
        "never give them on the command line.\n";

constexpr int kMaxPasswordBytes = 4096;

int usageError(const QString &why)
{
    err() << "user: " << why << '\n' << kUsage;
    err().flush();
    return 2;
}

int failure(const QString &why)
{
    err() << "user: " << why << '\n';
    err().flush();
    return 1;
}

QString isoOrDash(TimestampMs t)
{
    if (t <= 0)
        return QStringLiteral("-");
    return QDateTime::fromMSecsSinceEpoch(t).toUTC().toString(Qt::ISODate);
}

QJsonValue isoOrNull(TimestampMs t)
{
    if (t <= 0)
        return QJsonValue(QJsonValue::Null);
    return QDateTime::fromMSecsSinceEpoch(t).toUTC().toString(Qt::ISODate);
}

// Reads one line from fd 0 (without the line end); false at EOF before any byte or on error.
bool readLine(std::string *line)
{
    line->clear();
    char c = 0;
    bool any = false;
    while (true) {
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n <= 0)
            break;
        any = true;
        if (c == '\n')
            break;
        if (line->size() >= std::size_t(kMaxPasswordBytes))
            continue; // too long: the policy check refuses it; keep reading to the line end
        line->push_back(c);
    }
    if (!line->empty() && line->back() == '\r')
        line->pop_back();
    return any;
}

void wipe(std::string *s)
{
    for (char &c : *s)
        c = '\0';
    s->clear();
}

// One password typed on the terminal with echo off. False when stdin is not a terminal.
bool promptNoEcho(const QString &prompt, QString *password)
{
    termios old {};
    if (::tcgetattr(STDIN_FILENO, &old) != 0)
        return false;
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    quiet.c_lflag |= tcflag_t(ECHONL);
    err() << prompt;
    err().flush();
    if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
        return false;
    std::string line;
    const bool ok = readLine(&line);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    *password = QString::fromUtf8(line.data(), qsizetype(line.size()));
    wipe(&line);
    return ok;
}

// The new password from stdin or the terminal; 0 = ok, else the exit code (message printed).
int readNewPassword(bool fromStdin, const QString &user, QString *password)
{
    if (fromStdin) {
        std::string line;
        if (!readLine(&line) || line.empty())
            return failure(QStringLiteral("--password-stdin: no password on stdin"));
        *password = QString::fromUtf8(line.data(), qsizetype(line.size()));
        wipe(&line);
        return 0;
    }
    if (!::isatty(STDIN_FILENO)) {
        return failure(QStringLiteral(
                "no password: stdin is not a terminal; pipe the password and give "
                "--password-stdin (passwords are never taken from the command line)"));
    }
    QString again;
    if (!promptNoEcho(QStringLiteral("New password for %1: ").arg(user), password)
        || !promptNoEcho(QStringLiteral("Repeat the password: "), &again))
        return failure(QStringLiteral("no password entered"));
    if (*password != again)
        return failure(QStringLiteral("the two passwords differ; nothing changed"));
    return 0;
}

struct Options
{
    QStringList positional;
    QHash<QString, QString> values; // config, db, users-db, role
    bool json = false;
    bool passwordStdin = false;
};

// 0 = ok, else the exit code.
int parse(const QStringList &args, Options *o)
{
    static const QStringList valued { QStringLiteral("config"), QStringLiteral("db"),
                                      QStringLiteral("users-db"), QStringLiteral("role") };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json")) {
            o->json = true;
        } else if (a == QLatin1String("--password-stdin")) {
            o->passwordStdin = true;
        } else if (a == QLatin1String("--password") || a.startsWith(QLatin1String("--password="))
                   || a == QLatin1String("-p")) {
            // Deliberately not supported: the value would sit in the process list and the
            // shell history. Do not echo it back either.
            return usageError(QStringLiteral(
                    "passwords are never taken from the command line; pipe it and give "
                    "--password-stdin, or run in a terminal to be asked"));
        } else if (a.startsWith(QLatin1String("--"))) {
            const QString key = a.mid(2);
            if (!valued.contains(key))
                return usageError(QStringLiteral("unknown option %1").arg(a));
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("option %1 needs a value").arg(a));
            o->values.insert(key, args.at(++i));
        } else {
            o->positional.push_back(a);
        }
    }
    return 0;
}

struct Opened
{
    std::unique_ptr<storage::Historian> historian;
    std::unique_ptr<AccessControl> access;
};

// Opens the users store (and, for changes, the historian for the audit journal).
// 0 = ok, else the exit code.
int openAccess(const Options &o, bool forChange, Opened *opened)
{
    SecuritySettings settings;
    QString historianPath = o.values.value(QStringLiteral("db"));
    if (o.values.contains(QStringLiteral("config"))) {
        const ConfigResult config = ConfigLoader::loadFile(o.values.value(QStringLiteral("config")));
        for (const QString &m : config.formattedMessages())
            err() << m << '\n';
        if (!config.ok())
            return 1;
        settings = config.model->security;
        if (historianPath.isEmpty())
            historianPath = config.model->historian.path;
    } else if (historianPath.isEmpty() && !o.values.contains(QStringLiteral("users-db"))) {
        return usageError(QStringLiteral("give --config FILE (or --db FILE)"));
    }
    if (o.values.contains(QStringLiteral("users-db")))
        settings.usersDb = QFileInfo(o.values.value(QStringLiteral("users-db"))).absoluteFilePath();
    const QString usersPath = AccessControl::defaultStorePath(settings, historianPath);
    if (usersPath.isEmpty())
        return usageError(QStringLiteral("no users store: give --users-db FILE or --db FILE"));
    if (!forChange && !QFileInfo::exists(usersPath))
        return failure(QStringLiteral("there is no users store at %1 (add a user first)")
                               .arg(usersPath));

    opened->access = std::make_unique<AccessControl>(&SystemClock::instance());
    opened->access->setSettings(settings);
    if (forChange) {
        // Every change is audited in the historian's event journal: no historian, no change.
        if (historianPath.isEmpty() || historianPath == QLatin1String("-"))
            return failure(QStringLiteral("changes are audited in the historian: give --db FILE "
                                          "or set historian.path in the configuration"));
        storage::HistorianOptions options;
        options.path = historianPath;
        QString error;
        QString notice;
        opened->historian = storage::Historian::open(options, &error, &notice);
        if (!opened->historian)
            return failure(QStringLiteral("cannot open the historian %1: %2")
                                   .arg(historianPath, error));
        if (!notice.isEmpty())
            err() << notice << '\n';
        opened->access->setAuditJournal(opened->historian.get());
    }
    QString error;
    if (!opened->access->openStore(usersPath, &error))
        return failure(error);
    return 0;
}

std::optional<Role> parseRole(const QString &text)
{
    return roleFromId(text);
}

QString roleChoices()
{
    QStringList ids;
    for (int r = 0; r < kRoleCount; ++r)
        ids << roleId(static_cast<Role>(r));
    return ids.join(QStringLiteral(", "));
}

int list(const Options &o)
{
    if (o.positional.size() != 1)
        return usageError(QStringLiteral("user list takes no names"));
    Opened opened;
    if (const int rc = openAccess(o, false, &opened))
        return rc;
    const TimestampMs now = SystemClock::instance().now();
    const std::vector<UserInfo> users = opened.access->users();
    if (o.json) {
        QJsonArray array;
        for (const UserInfo &u : users) {
            array.append(QJsonObject{
                    { QStringLiteral("name"), u.name },
                    { QStringLiteral("role"), roleId(u.role) },
                    { QStringLiteral("disabled"), u.disabled },
                    { QStringLiteral("failed_attempts"), u.failedAttempts },
                    { QStringLiteral("locked_until"),
                      isoOrNull(u.lockedUntilMs > now ? u.lockedUntilMs : 0) },
                    { QStringLiteral("last_login"), isoOrNull(u.lastLoginMs) },
                    { QStringLiteral("created"), isoOrNull(u.createdMs) },
                    { QStringLiteral("password_changed"), isoOrNull(u.passwordChangedMs) },
            });
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    qsizetype nameWidth = 4;
    for (const UserInfo &u : users)
        nameWidth = std::max(nameWidth, u.name.size());
    const auto row = [&](const QString &name, const QString &role, const QString &disabled,
                         const QString &locked, const QString &login) {
        out() << name.leftJustified(nameWidth + 2) << role.leftJustified(15)
              << disabled.leftJustified(10) << locked.leftJustified(22) << login << '\n';
    };
    row(QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("disabled"),
        QStringLiteral("locked until"), QStringLiteral("last login"));
    for (const UserInfo &u : users) {
        row(u.name, roleId(u.role), u.disabled ? QStringLiteral("yes") : QStringLiteral("no"),
            isoOrDash(u.lockedUntilMs > now ? u.lockedUntilMs : 0), isoOrDash(u.lastLoginMs));
    }
    if (users.empty())
        out() << "(no users)\n";
    return 0;
}

} // namespace

int runUser(const QStringList &args)
{
    Options o;
    if (const int rc = parse(args, &o))
        return rc;
    if (o.positional.isEmpty())
        return usageError(QStringLiteral("missing sub-command"));
    const QString sub = o.positional.first();
    if (sub == QLatin1String("list"))
        return list(o);

    static const QStringList named { QStringLiteral("add"), QStringLiteral("passwd"),
                                     QStringLiteral("role"), QStringLiteral("disable"),
                                     QStringLiteral("enable"), QStringLiteral("unlock") };
    if (!named.contains(sub))
        return usageError(QStringLiteral("unknown sub-command '%1'").arg(sub));
    const qsizetype expected = sub == QLatin1String("role") ? 3 : 2;
    if (o.positional.size() != expected)
        return usageError(sub == QLatin1String("role")
                                  ? QStringLiteral("user role needs NAME and ROLE")
                                  : QStringLiteral("user %1 needs one NAME").arg(sub));
    const QString name = o.positional.at(1);
    if (o.passwordStdin && sub != QLatin1String("add") && sub != QLatin1String("passwd"))
        return usageError(QStringLiteral("--password-stdin only goes with add and passwd"));

    std::optional<Role> role;
    if (sub == QLatin1String("add") || sub == QLatin1String("role")) {
        const QString text = sub == QLatin1String("add") ? o.values.value(QStringLiteral("role"))
                                                         : o.positional.at(2);
        if (text.isEmpty())
            return usageError(QStringLiteral("user add needs --role ROLE (%1)").arg(roleChoices()));
        role = parseRole(text);
        if (!role)
            return usageError(QStringLiteral("unknown role '%1'; expected %2")
                                      .arg(text, roleChoices()));
    } else if (o.values.contains(QStringLiteral("role"))) {
        return usageError(QStringLiteral("--role only goes with add"));
    }

    // The password first, before any file is touched: a refused prompt changes nothing.
    QString password;
    if (sub == QLatin1String("add") || sub == QLatin1String("passwd")) {
        if (const int rc = readNewPassword(o.passwordStdin, name, &password))
            return rc;
    }

    Opened opened;
    if (const int rc = openAccess(o, true, &opened))
        return rc;
    AccessControl &access = *opened.access;
    QString error;
    bool ok = false;
    QString done;
    if (sub == QLatin1String("add")) {
        ok = access.addUser(name, *role, password, &error, /*bootstrap=*/true);
        done = QStringLiteral("user %1 added as %2").arg(name.trimmed(), roleId(*role));
    } else if (sub == QLatin1String("passwd")) {
        ok = access.setPassword(name, password, &error, true);
        done = QStringLiteral("password of %1 changed").arg(name);
    } else if (sub == QLatin1String("role")) {
        ok = access.setRole(name, *role, &error, true);
        done = QStringLiteral("%1 is now %2").arg(name, roleId(*role));
    } else if (sub == QLatin1String("disable")) {
        ok = access.setDisabled(name, true, &error, true);
        done = QStringLiteral("user %1 disabled").arg(name);
    } else if (sub == QLatin1String("enable")) {
        ok = access.setDisabled(name, false, &error, true);
        done = QStringLiteral("user %1 enabled").arg(name);
    } else {
        ok = access.unlock(name, &error, true);
        done = QStringLiteral("user %1 unlocked").arg(name);
    }
    password.fill(QLatin1Char('\0'));
    if (!ok)
        return failure(error);
    out() << done << " (users store " << access.storePath() << ")\n";
    return 0;
}

} // namespace andon::cli
