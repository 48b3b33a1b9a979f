#include "core/permissions.h"

#include <QCoreApplication>

#include <array>

namespace andon {

namespace {

struct RoleInfo
{
    Role role;
    const char *id;
    const char *name; // translated through QCoreApplication::translate("andon::Role")
};

constexpr std::array<RoleInfo, kRoleCount> kRoles{ {
        { Role::Viewer, "viewer", QT_TRANSLATE_NOOP("andon::Role", "Viewer") },
        { Role::Operator, "operator", QT_TRANSLATE_NOOP("andon::Role", "Operator") },
        { Role::Supervisor, "supervisor", QT_TRANSLATE_NOOP("andon::Role", "Supervisor") },
        { Role::Engineer, "engineer", QT_TRANSLATE_NOOP("andon::Role", "Engineer") },
        { Role::Administrator, "administrator",
          QT_TRANSLATE_NOOP("andon::Role", "Administrator") },
} };

struct ActionInfo
{
    Action action;
    Role minimum;
    const char *id;
    const char *name; // translated through QCoreApplication::translate("andon::Action")
};

// The permission table (docs/security.md "Users and roles" prints the same grid). Viewing is
// open to everyone; changing the process needs the operator; taking an alarm out of service
// and reading the audit journal the supervisor; anything that changes limits, devices or the
// configuration the engineer; users only the administrator.
constexpr std::array<ActionInfo, kActionCount> kActions{ {
        { Action::AcknowledgeAlarm, Role::Operator, "alarm.acknowledge",
          QT_TRANSLATE_NOOP("andon::Action", "Acknowledge alarms") },
        { Action::ShelveAlarm, Role::Operator, "alarm.shelve",
          QT_TRANSLATE_NOOP("andon::Action", "Shelve alarms") },
        { Action::CommentAlarm, Role::Operator, "alarm.comment",
          QT_TRANSLATE_NOOP("andon::Action", "Comment on alarms") },
        { Action::RemoveAlarmFromService, Role::Supervisor, "alarm.out_of_service",
          QT_TRANSLATE_NOOP("andon::Action", "Take alarms out of service") },
        { Action::EditAlarmSettings, Role::Engineer, "alarm.edit_settings",
          QT_TRANSLATE_NOOP("andon::Action", "Change alarm settings") },
        { Action::EnterReason, Role::Operator, "oee.reason",
          QT_TRANSLATE_NOOP("andon::Action", "Enter stop and scrap reasons") },
        { Action::FreezeSpcLimits, Role::Engineer, "spc.freeze_limits",
          QT_TRANSLATE_NOOP("andon::Action", "Freeze SPC control limits") },
        { Action::RecordService, Role::Operator, "maintenance.service",
          QT_TRANSLATE_NOOP("andon::Action", "Record maintenance service") },
        { Action::ModbusWrite, Role::Engineer, "modbus.write",
          QT_TRANSLATE_NOOP("andon::Action", "Write values to Modbus devices") },
        { Action::EditConfig, Role::Engineer, "config.edit",
          QT_TRANSLATE_NOOP("andon::Action", "Edit the configuration") },
        { Action::ViewAudit, Role::Supervisor, "audit.view",
          QT_TRANSLATE_NOOP("andon::Action", "View the audit journal") },
        { Action::ExportData, Role::Viewer, "data.export",
          QT_TRANSLATE_NOOP("andon::Action", "Export data") },
        { Action::ManageUsers, Role::Administrator, "users.manage",
          QT_TRANSLATE_NOOP("andon::Action", "Manage users") },
} };

const ActionInfo *findAction(Action action)
{
    for (const ActionInfo &info : kActions) {
        if (info.action == action)
            return &info;
    }
    return nullptr;
}

const RoleInfo *findRole(Role role)
{
    for (const RoleInfo &info : kRoles) {
        if (info.role == role)
            return &info;
    }
    return nullptr;
}

} // namespace

Role minimumRole(Action action)
{
    const ActionInfo *info = findAction(action);
    // An action missing from the table (a cast from a bad int) needs the highest role.
    return info ? info->minimum : Role::Administrator;
}

bool roleAllows(Role role, Action action)
{
    return static_cast<int>(role) >= static_cast<int>(minimumRole(action));
}

QString roleId(Role role)
{
    const RoleInfo *info = findRole(role);
    return info ? QString::fromLatin1(info->id) : QString();
}

std::optional<Role> roleFromId(const QString &id)
{
    const QString wanted = id.trimmed();
    for (const RoleInfo &info : kRoles) {
        if (wanted.compare(QLatin1String(info.id), Qt::CaseInsensitive) == 0)
            return info.role;
    }
    return std::nullopt;
}

QString actionId(Action action)
{
    const ActionInfo *info = findAction(action);
    return info ? QString::fromLatin1(info->id) : QString();
}

std::optional<Action> actionFromId(const QString &id)
{
    for (const ActionInfo &info : kActions) {
        if (id == QLatin1String(info.id))
            return info.action;
    }
    return std::nullopt;
}

QString roleDisplayName(Role role)
{
    const RoleInfo *info = findRole(role);
    return info ? QCoreApplication::translate("andon::Role", info->name) : QString();
}

QString actionDisplayName(Action action)
{
    const ActionInfo *info = findAction(action);
    return info ? QCoreApplication::translate("andon::Action", info->name) : QString();
}

} // namespace andon
