// Role checks at the UI's action sites (issue 13, docs/security.md): asks AccessControl
// whether the signed-in role may take an action and shows the answer on the control — kept
// visible, disabled, with the reason as its tooltip — so a viewer sees what exists and why it
// is greyed out. The services behind the controls are asked again when the action runs.
#pragma once

#include "core/permissions.h"

#include <QString>

class QAction;
class QWidget;

namespace andon {
class AccessControl;
class Engine;
} // namespace andon

namespace andon::ui {

// True when the signed-in role may take `action`; else false and `why` in words. A null
// `access` (a dialog nobody gave the access control) refuses.
bool allowed(const AccessControl *access, Action action, QString *why = nullptr);
bool allowed(const Engine &engine, Action action, QString *why = nullptr);

// Enables `widget` when `otherwise` holds and the role may take `action`. When the role may
// not, the widget is disabled and its tooltip starts with the reason; the widget's own
// tooltip (remembered at the first call) comes back once the role allows the action again.
// Returns whether the role allows it.
bool gateWidget(QWidget *widget, const AccessControl *access, Action action, bool otherwise = true);
bool gateWidget(QWidget *widget, const Engine &engine, Action action, bool otherwise = true);
bool gateAction(QAction *qaction, const AccessControl *access, Action action,
                bool otherwise = true);

} // namespace andon::ui
