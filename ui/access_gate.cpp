#include "ui/access_gate.h"

#include "engine/access_control.h"
#include "engine/engine.h"

#include <QAction>
#include <QCoreApplication>
#include <QVariant>
#include <QWidget>

namespace andon::ui {

namespace {

// Dynamic property holding the control's own tooltip while a refusal replaces it.
constexpr char kOwnTip[] = "andonOwnToolTip";

QString combinedTip(const QString &why, const QString &own)
{
    return own.isEmpty() ? why : why + QLatin1Char('\n') + own;
}

template<typename T>
bool gate(T *control, const AccessControl *access, Action action, bool otherwise)
{
    if (!control)
        return false;
    QVariant own = control->property(kOwnTip);
    if (!own.isValid()) {
        own = control->toolTip();
        control->setProperty(kOwnTip, own);
    }
    QString why;
    const bool ok = allowed(access, action, &why);
    control->setEnabled(ok && otherwise);
    control->setToolTip(ok ? own.toString() : combinedTip(why, own.toString()));
    return ok;
}

} // namespace

bool allowed(const AccessControl *access, Action action, QString *why)
{
    if (!access) {
        if (why)
            *why = QCoreApplication::translate("andon::ui::AccessGate",
                                               "%1 is not available here: nobody can sign in.")
                           .arg(actionDisplayName(action));
        return false;
    }
    return access->require(action, why);
}

bool allowed(const Engine &engine, Action action, QString *why)
{
    return allowed(engine.access(), action, why);
}

bool gateWidget(QWidget *widget, const AccessControl *access, Action action, bool otherwise)
{
    return gate(widget, access, action, otherwise);
}

bool gateWidget(QWidget *widget, const Engine &engine, Action action, bool otherwise)
{
    return gate(widget, engine.access(), action, otherwise);
}

bool gateAction(QAction *qaction, const AccessControl *access, Action action, bool otherwise)
{
    return gate(qaction, access, action, otherwise);
}

} // namespace andon::ui
