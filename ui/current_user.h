// Who is at the keyboard, for audit entries: the UI's name for core/current_user.h (moved there
// so andon-cli and the engine record the same user).
#pragma once

#include "core/current_user.h"

namespace andon::ui {

using andon::currentUserName;

} // namespace andon::ui
