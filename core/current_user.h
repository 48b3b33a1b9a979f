// Who is at the keyboard, for audit entries (UI actions, andon-cli, SPC limit freezes).
// andon: the user signed in through engine/access_control.h (setSessionUser); before anyone
// signs in and in andon-cli: the operating-system login.
#pragma once

#include "core/permissions.h"

#include <QString>

namespace andon {

// The signed-in user's name, else the OS login ($USER, else %USERNAME%, else the home
// directory's name); never empty. Thread-safe.
QString currentUserName();
// The signed-in user's role; Role::Viewer when nobody is signed in. Thread-safe.
Role currentRole();
// True while a user is signed in through AccessControl.
bool hasSessionUser();

// Called by AccessControl only: the process-wide identity of the GUI session.
void setSessionUser(const QString &name, Role role);
void clearSessionUser();

} // namespace andon
