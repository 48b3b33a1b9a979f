// Roles and the actions they may take: the one permission table of Andon (docs/security.md
// prints it). Pure data, no I/O: the UI greys out what the signed-in role may not do, the
// services refuse it again, and tests walk the whole table.
#pragma once

#include <QString>

#include <optional>

namespace andon {

// Ordered: each role has every right of the roles before it.
enum class Role : int { Viewer = 0, Operator, Supervisor, Engineer, Administrator };
inline constexpr int kRoleCount = 5;

// Every action that changes something (plus viewing the audit journal).
enum class Action : int {
    AcknowledgeAlarm,       // acknowledge one or all alarms
    ShelveAlarm,            // shelve / unshelve
    CommentAlarm,           // add an operator comment to an alarm
    RemoveAlarmFromService, // out of service / return to service
    EditAlarmSettings,      // run-time limits, delays, deadbands, priorities
    EnterReason,            // stop / scrap reasons (OEE)
    FreezeSpcLimits,        // freeze or replace SPC control limits
    RecordService,          // maintenance service record, counter resets
    ModbusWrite,            // write a value to a device (also needs the tag to be writable)
    EditConfig,             // change the YAML configuration (bindings, devices, sections)
    ViewAudit,              // open the audit journal
    ExportData,             // export trends, reports, KPIs
    ManageUsers,            // add users, change roles, reset passwords, unlock
};
inline constexpr int kActionCount = 13;

// The lowest role allowed to take `action`.
Role minimumRole(Action action);
bool roleAllows(Role role, Action action);

// Stable ids used in the YAML, the users store, the CLI and the audit journal: "viewer",
// "operator", "supervisor", "engineer", "administrator"; actions "alarm.acknowledge", ...
QString roleId(Role role);
std::optional<Role> roleFromId(const QString &id);
QString actionId(Action action);
std::optional<Action> actionFromId(const QString &id);
// Translated names for the UI.
QString roleDisplayName(Role role);
QString actionDisplayName(Action action);

} // namespace andon
