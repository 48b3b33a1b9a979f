// The one colour palette of the program (docs: HMI-STYLE.md, after ISA-101), light and dark.
// Applied app-wide (QPalette + a small stylesheet); painted widgets read Theme::colors().
#pragma once

#include "core/plant_model.h"

#include <QColor>
#include <QString>

#include <array>

class QApplication;

namespace andon::widgets {

struct ThemeColors
{
    bool dark = false;
    QColor background;     // window background
    QColor panel;          // panels, tiles
    QColor text;           // normal text and values
    QColor secondaryText;  // units, secondary text, grid
    QColor running;        // state fill: running (normal)
    QColor runningText;    // label on the running fill
    QColor idle;           // idle / starved / blocked / changeover / off fill
    QColor idleText;
    QColor plannedStop;    // planned stop fill (blue-grey)
    QColor plannedStopText;
    QColor down;           // unplanned down: outline + label (abnormal, the only state colour)
    QColor hatch;          // stale/bad hatch pen
    QColor alarmCritical, alarmHigh, alarmMedium, alarmLow; // alarms only
    std::array<QColor, 8> trendPens; // Okabe–Ito, in order
};

class Theme
{
public:
    enum class Mode { Light, Dark };

    static ThemeColors colorsFor(Mode mode);
    // The palette of the current mode (what painted widgets use).
    static const ThemeColors &colors();
    static Mode mode();
    // Sets the mode and applies palette + stylesheet to the application; every widget gets a
    // PaletteChange event and repaints with the new colours.
    static void apply(Mode mode);

    static QString modeName(Mode mode); // "light" / "dark"
    static bool parseMode(const QString &name, Mode *out);

    // Fill colour and label colour of a machine-state bar (Down is outlined, not filled).
    static QColor stateFill(StateCategory c, const ThemeColors &colors);
    static QColor stateLabel(StateCategory c, const ThemeColors &colors);
};

} // namespace andon::widgets
