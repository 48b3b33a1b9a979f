// andon-cli user end to end: the built binary adds, lists and changes users in a temp
// directory; the stored hash is checked independently with argon2-cffi
// (tests/reference/argon2_verify.py); every change is in the historian's audit journal.
#include "core/current_user.h"
#include "storage/historian.h"
#include "tests/support/argon2_reference.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace andon;

namespace {

const QString kAdminPw = QStringLiteral("cli-Admin-pass-42");
const QString kOtherPw = QStringLiteral("cli-other-pass-77");

using Run = test::ToolRun;

// Runs the built andon-cli with `args`, writing `input` to its stdin (a pipe, never a tty).
Run cli(const QStringList &args, const QByteArray &input = QByteArray())
{
    return test::runTool(QStringLiteral("andon-cli"), args, input, 120'000);
}

} // namespace

class TstUserCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_config;

    QStringList store() const { return { QStringLiteral("--config"), m_config }; }
    QString usersDb() const { return m_dir.filePath(QStringLiteral("andon-users.sqlite")); }

    void checkNoSecret(const Run &r)
    {
        for (const QString &s : { kAdminPw, kOtherPw }) {
            QVERIFY2(!r.out.contains(s), qPrintable(r.out));
            QVERIFY2(!r.err.contains(s), qPrintable(r.err));
        }
    }

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("plant.yaml"));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("andon: 1\n"
                "plant: { enterprise: acme }\n"
                "historian: { path: plant.sqlite }\n"
                "security: { min_password_length: 12 }\n"
                "sites: []\n");
    }

    void addAdministrator()
    {
        const Run r = cli(QStringList{ QStringLiteral("user"), QStringLiteral("add"),
                                       QStringLiteral("admin"), QStringLiteral("--role"),
                                       QStringLiteral("administrator"),
                                       QStringLiteral("--password-stdin") }
                                  + store(),
                          (kAdminPw + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("user admin added as administrator")),
                 qPrintable(r.out));
        checkNoSecret(r);
        QVERIFY(QFile::exists(usersDb()));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(usersDb()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
    }

    // Independent check: the stored hash is Argon2id and argon2-cffi agrees with it.
    void hashVerifiesInPython()
    {
        const QString hash = test::storedPasswordHash(usersDb(), QStringLiteral("admin"));
        QVERIFY(hash.startsWith(QLatin1String("$argon2id$")));
        QCOMPARE(test::argon2Verify(hash, kAdminPw), QStringLiteral("ok"));
        QCOMPARE(test::argon2Verify(hash, kOtherPw), QStringLiteral("mismatch"));
    }

    void listUsers()
    {
        Run r = cli(QStringList{ QStringLiteral("user"), QStringLiteral("list") } + store());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QLatin1String("name")), qPrintable(r.out));
        QVERIFY2(lines[0].contains(QLatin1String("locked until")), qPrintable(r.out));
        QVERIFY2(lines[0].contains(QLatin1String("last login")), qPrintable(r.out));
        const QStringList cells = lines[1].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QCOMPARE(cells, (QStringList{ QStringLiteral("admin"), QStringLiteral("administrator"),
                                      QStringLiteral("no"), QStringLiteral("-"),
                                      QStringLiteral("-") }));

        r = cli(QStringList{ QStringLiteral("user"), QStringLiteral("list"),
                             QStringLiteral("--json") }
                + store());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray users = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(users.size(), 1);
        const QJsonObject admin = users.at(0).toObject();
        QCOMPARE(admin.value(QStringLiteral("name")).toString(), QStringLiteral("admin"));
        QCOMPARE(admin.value(QStringLiteral("role")).toString(), QStringLiteral("administrator"));
        QCOMPARE(admin.value(QStringLiteral("disabled")).toBool(true), false);
        QVERIFY(admin.value(QStringLiteral("locked_until")).isNull());
        QVERIFY(!admin.contains(QStringLiteral("password_hash")));
        QVERIFY(!r.out.contains(QLatin1String("$argon2")));
    }

    void refusesPasswordOnArgv()
    {
        const Run r = cli(QStringList{ QStringLiteral("user"), QStringLiteral("add"),
                                       QStringLiteral("bob"), QStringLiteral("--role"),
                                       QStringLiteral("operator"), QStringLiteral("--password"),
                                       kOtherPw }
                          + store());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("never taken from the command line")),
                 qPrintable(r.err));
        checkNoSecret(r);
    }

    // stdin is a pipe here, not a terminal: without --password-stdin there is nobody to ask.
    void refusesWithoutPasswordSource()
    {
        const Run r = cli(QStringList{ QStringLiteral("user"), QStringLiteral("add"),
                                       QStringLiteral("bob"), QStringLiteral("--role"),
                                       QStringLiteral("operator") }
                          + store());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("stdin is not a terminal")), qPrintable(r.err));
    }

    void wrongRoleName()
    {
        const Run r = cli(QStringList{ QStringLiteral("user"), QStringLiteral("add"),
                                       QStringLiteral("bob"), QStringLiteral("--role"),
                                       QStringLiteral("boss"), QStringLiteral("--password-stdin") }
                                  + store(),
                          (kOtherPw + u'\n').toUtf8());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("unknown role 'boss'; expected viewer, operator, "
                                              "supervisor, engineer, administrator")),
                 qPrintable(r.err));
    }

    void policyFromConfig()
    {
        // security.min_password_length: 12 in the test configuration.
        const Run r = cli(QStringList{ QStringLiteral("user"), QStringLiteral("add"),
                                       QStringLiteral("bob"), QStringLiteral("--role"),
                                       QStringLiteral("operator"),
                                       QStringLiteral("--password-stdin") }
                                  + store(),
                          QByteArray("eleven-char\n"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("at least 12 characters")), qPrintable(r.err));
    }

    void changesAreAudited()
    {
        const auto run = [this](const QStringList &args, const QByteArray &in = QByteArray()) {
            const Run r = cli(QStringList{ QStringLiteral("user") } + args + store(), in);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(u' ') + QStringLiteral(": ") + r.err));
            checkNoSecret(r);
        };
        run({ QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--role"),
              QStringLiteral("operator"), QStringLiteral("--password-stdin") },
            (kOtherPw + u'\n').toUtf8());
        run({ QStringLiteral("role"), QStringLiteral("bob"), QStringLiteral("engineer") });
        run({ QStringLiteral("passwd"), QStringLiteral("bob"), QStringLiteral("--password-stdin") },
            (kAdminPw + u'\n').toUtf8());
        run({ QStringLiteral("disable"), QStringLiteral("bob") });
        run({ QStringLiteral("enable"), QStringLiteral("bob") });
        run({ QStringLiteral("unlock"), QStringLiteral("bob") });
        const QString bobHash = test::storedPasswordHash(usersDb(), QStringLiteral("bob"));
        QCOMPARE(test::argon2Verify(bobHash, kAdminPw), QStringLiteral("ok"));

        storage::HistorianOptions options;
        options.path = m_dir.filePath(QStringLiteral("plant.sqlite"));
        QString error;
        auto historian = storage::Historian::open(options, &error);
        QVERIFY2(historian, qPrintable(error));
        storage::EventQuery q;
        q.categories = { QStringLiteral("audit") };
        const auto events = historian->events(q);
        QStringList kinds;
        const QString actor = currentUserName() + QStringLiteral(" (andon-cli)");
        for (const storage::Event &e : events) {
            kinds << e.kind;
            QCOMPARE(e.user, actor);
            for (const QString &field : { e.message, e.oldValue, e.newValue, e.details }) {
                QVERIFY(!field.contains(kAdminPw));
                QVERIFY(!field.contains(kOtherPw));
            }
        }
        QCOMPARE(kinds, (QStringList{ QStringLiteral("users.add"), QStringLiteral("users.add"),
                                      QStringLiteral("users.role"),
                                      QStringLiteral("users.password"),
                                      QStringLiteral("users.disable"),
                                      QStringLiteral("users.enable"),
                                      QStringLiteral("users.unlock") }));
        QCOMPARE(events[2].oldValue, QStringLiteral("operator"));
        QCOMPARE(events[2].newValue, QStringLiteral("engineer"));
        QCOMPARE(events[2].source, QStringLiteral("bob"));
    }

    void unknownUserAndMissingStore()
    {
        Run r = cli(QStringList{ QStringLiteral("user"), QStringLiteral("unlock"),
                                 QStringLiteral("nobody") }
                    + store());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("There is no user called nobody.")),
                 qPrintable(r.err));
        r = cli({ QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--users-db"),
                  m_dir.filePath(QStringLiteral("none.sqlite")) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(m_dir.filePath(QStringLiteral("none.sqlite"))), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TstUserCli)
#include "tst_user_cli.moc"
