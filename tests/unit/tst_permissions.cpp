// The permission table (core/permissions.h) against a grid written here by hand from issue 13
// "Users, roles and secure defaults" (docs/security.md prints the same table): every action x
// every role. Plus id round trips and display names.
#include "core/permissions.h"

#include <QSet>
#include <QTest>

using namespace andon;

namespace {

// Columns: viewer, operator, supervisor, engineer, administrator. 1 = allowed.
struct Row
{
    const char *action;
    int allowed[kRoleCount];
};

// clang-format off
const Row kExpected[] = {
    { "alarm.acknowledge",    { 0, 1, 1, 1, 1 } },
    { "alarm.shelve",         { 0, 1, 1, 1, 1 } },
    { "alarm.comment",        { 0, 1, 1, 1, 1 } },
    { "alarm.out_of_service", { 0, 0, 1, 1, 1 } },
    { "alarm.edit_settings",  { 0, 0, 0, 1, 1 } },
    { "oee.reason",           { 0, 1, 1, 1, 1 } },
    { "spc.freeze_limits",    { 0, 0, 0, 1, 1 } },
    { "maintenance.service",  { 0, 1, 1, 1, 1 } },
    { "modbus.write",         { 0, 0, 0, 1, 1 } },
    { "config.edit",          { 0, 0, 0, 1, 1 } },
    { "audit.view",           { 0, 0, 1, 1, 1 } },
    { "data.export",          { 1, 1, 1, 1, 1 } },
    { "users.manage",         { 0, 0, 0, 0, 1 } },
};
// clang-format on
const char *const kRoleIds[kRoleCount] = { "viewer", "operator", "supervisor", "engineer",
                                           "administrator" };

} // namespace

class TstPermissions : public QObject
{
    Q_OBJECT
private slots:
    void matrix_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("allowed");
        for (const Row &row : kExpected) {
            for (int r = 0; r < kRoleCount; ++r) {
                QTest::addRow("%s by %s", row.action, kRoleIds[r])
                        << QString::fromLatin1(row.action) << QString::fromLatin1(kRoleIds[r])
                        << (row.allowed[r] == 1);
            }
        }
    }
    void matrix()
    {
        QFETCH(QString, action);
        QFETCH(QString, role);
        QFETCH(bool, allowed);
        const auto a = actionFromId(action);
        const auto r = roleFromId(role);
        QVERIFY2(a, qPrintable(action));
        QVERIFY2(r, qPrintable(role));
        QCOMPARE(roleAllows(*r, *a), allowed);
    }

    // The grid covers every action exactly once, and minimumRole is its first allowed column.
    void everyActionInTheGrid()
    {
        QCOMPARE(int(std::size(kExpected)), kActionCount);
        QSet<int> seen;
        for (const Row &row : kExpected) {
            const auto a = actionFromId(QString::fromLatin1(row.action));
            QVERIFY2(a, row.action);
            seen.insert(int(*a));
            int first = 0;
            while (first < kRoleCount && row.allowed[first] == 0)
                ++first;
            QCOMPARE(int(minimumRole(*a)), first);
        }
        QCOMPARE(seen.size(), kActionCount);
    }

    void idsRoundTrip()
    {
        for (int i = 0; i < kActionCount; ++i) {
            const auto action = static_cast<Action>(i);
            const QString id = actionId(action);
            QVERIFY(!id.isEmpty());
            QCOMPARE(actionFromId(id), std::optional<Action>(action));
            QVERIFY2(!actionDisplayName(action).isEmpty(), qPrintable(id));
        }
        for (int i = 0; i < kRoleCount; ++i) {
            const auto role = static_cast<Role>(i);
            QCOMPARE(roleId(role), QString::fromLatin1(kRoleIds[i]));
            QCOMPARE(roleFromId(roleId(role)), std::optional<Role>(role));
            QVERIFY(!roleDisplayName(role).isEmpty());
        }
        // Role ids are read from files and the command line: case and spaces do not matter.
        QCOMPARE(roleFromId(QStringLiteral(" Engineer ")), std::optional<Role>(Role::Engineer));
        QCOMPARE(roleFromId(QStringLiteral("admin")), std::nullopt);
        QCOMPARE(roleFromId(QString()), std::nullopt);
        QCOMPARE(actionFromId(QStringLiteral("alarm.delete")), std::nullopt);
    }

    // Roles are ordered: each has every right of the roles below it.
    void rolesAreCumulative()
    {
        for (int a = 0; a < kActionCount; ++a) {
            for (int r = 1; r < kRoleCount; ++r) {
                if (roleAllows(static_cast<Role>(r - 1), static_cast<Action>(a)))
                    QVERIFY(roleAllows(static_cast<Role>(r), static_cast<Action>(a)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstPermissions)
#include "tst_permissions.moc"
