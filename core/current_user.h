// Who is at the keyboard, for audit entries (UI actions, andon-cli, SPC limit freezes). Today the
// operating-system login; user accounts and roles replace this one function later (the callers
// only need a name).
#pragma once

#include <QString>

namespace andon {

// The OS login name ($USER, else %USERNAME%, else the home directory's name); never empty.
QString currentUserName();

} // namespace andon
