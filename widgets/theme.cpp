#include "widgets/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace andon::widgets {

namespace {

Theme::Mode g_mode = Theme::Mode::Light;

const std::array<QColor, 8> kOkabeItoLight = {
    QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
    QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
    QColor(0x00, 0x00, 0x00), QColor(0xF0, 0xE4, 0x42)};

} // namespace

ThemeColors Theme::colorsFor(Mode mode)
{
    ThemeColors c;
    c.dark = mode == Mode::Dark;
    // Values from HMI-STYLE.md; the label colours are chosen for contrast on each fill.
    if (c.dark) {
        c.background = QColor(0x26, 0x26, 0x26);
        c.panel = QColor(0x32, 0x32, 0x32);
        c.text = QColor(0xE6, 0xE6, 0xE6);
        c.secondaryText = QColor(0x9A, 0x9A, 0x9A);
        c.running = QColor(0xBD, 0xBD, 0xBD);
        c.runningText = QColor(0x1F, 0x1F, 0x1F);
        c.idle = QColor(0x5E, 0x5E, 0x5E);
        c.idleText = QColor(0xE6, 0xE6, 0xE6);
        c.plannedStop = QColor(0x50, 0x63, 0x7A);
        c.plannedStopText = QColor(0xE6, 0xE6, 0xE6);
        c.hatch = QColor(0x9A, 0x9A, 0x9A);
    } else {
        c.background = QColor(0xE4, 0xE4, 0xE4);
        c.panel = QColor(0xF2, 0xF2, 0xF2);
        c.text = QColor(0x1F, 0x1F, 0x1F);
        c.secondaryText = QColor(0x6B, 0x6B, 0x6B);
        c.running = QColor(0x4D, 0x4D, 0x4D);
        c.runningText = QColor(0xF2, 0xF2, 0xF2);
        c.idle = QColor(0xB0, 0xB0, 0xB0);
        c.idleText = QColor(0x1F, 0x1F, 0x1F);
        c.plannedStop = QColor(0x8F, 0xA3, 0xB8);
        c.plannedStopText = QColor(0x1F, 0x1F, 0x1F);
        c.hatch = QColor(0x6B, 0x6B, 0x6B);
    }
    c.down = QColor(0xE0, 0x8A, 0x00);
    c.alarmCritical = QColor(0xD0, 0x02, 0x1B);
    c.alarmHigh = QColor(0xF5, 0x7C, 0x00);
    c.alarmMedium = QColor(0xF2, 0xC2, 0x00);
    c.alarmLow = QColor(0x1E, 0x88, 0xE5);
    c.trendPens = kOkabeItoLight;
    if (c.dark)
        c.trendPens[6] = QColor(0xFF, 0xFF, 0xFF); // black pen would vanish on dark grey
    return c;
}

const ThemeColors &Theme::colors()
{
    static const ThemeColors light = colorsFor(Mode::Light);
    static const ThemeColors dark = colorsFor(Mode::Dark);
    return g_mode == Mode::Dark ? dark : light;
}

Theme::Mode Theme::mode()
{
    return g_mode;
}

void Theme::apply(Mode mode)
{
    g_mode = mode;
    const ThemeColors &c = colors();
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app)
        return;
    // Fusion draws flat and honours the palette the same way on every platform.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);

    QPalette p;
    p.setColor(QPalette::Window, c.background);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.panel);
    p.setColor(QPalette::AlternateBase, c.dark ? c.background.lighter(115) : c.background.lighter(104));
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.panel);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::ToolTipBase, c.panel);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.secondaryText);
    // Selection stays grey: colour is reserved for the abnormal.
    p.setColor(QPalette::Highlight, c.dark ? QColor(0x5E, 0x5E, 0x5E) : QColor(0xB0, 0xB0, 0xB0));
    p.setColor(QPalette::HighlightedText, c.text);
    p.setColor(QPalette::Link, c.text);
    p.setColor(QPalette::Mid, c.secondaryText);
    p.setColor(QPalette::Midlight, c.dark ? QColor(0x3C, 0x3C, 0x3C) : QColor(0xD6, 0xD6, 0xD6));
    p.setColor(QPalette::Dark, c.secondaryText);
    p.setColor(QPalette::Light, c.panel);
    p.setColor(QPalette::Shadow, c.secondaryText);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.secondaryText);
    QApplication::setPalette(p);

    const QString css = QStringLiteral(
        "QToolTip { color: %1; background: %2; border: 1px solid %3; }"
        "QStatusBar { border-top: 1px solid %3; }"
        "QStatusBar::item { border: none; }"
        "QListWidget#navigation { background: %2; border: none; border-right: 1px solid %3; }"
        "QListWidget#navigation { outline: none; }"
        "QListWidget#navigation::item { padding: 8px 12px; background: transparent; color: %1;"
        " border: none; }"
        "QListWidget#navigation::item:selected { padding: 8px 12px; background: %4; color: %1; }"
        "QHeaderView { background: %2; }"
        "QHeaderView::section { background: %2; color: %3; border: none;"
        " border-bottom: 1px solid %3; padding: 4px; }"
        "QTableView { gridline-color: %5; }")
        .arg(c.text.name(), c.panel.name(), c.secondaryText.name(),
             p.color(QPalette::Highlight).name(), p.color(QPalette::Midlight).name());
    app->setStyleSheet(css);
}

QString Theme::modeName(Mode mode)
{
    return mode == Mode::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

bool Theme::parseMode(const QString &name, Mode *out)
{
    if (name.compare(QLatin1String("dark"), Qt::CaseInsensitive) == 0) {
        *out = Mode::Dark;
        return true;
    }
    if (name.compare(QLatin1String("light"), Qt::CaseInsensitive) == 0) {
        *out = Mode::Light;
        return true;
    }
    return false;
}

QColor Theme::stateFill(StateCategory c, const ThemeColors &colors)
{
    switch (c) {
    case StateCategory::Running: return colors.running;
    case StateCategory::PlannedStop: return colors.plannedStop;
    case StateCategory::Idle:
    case StateCategory::Starved:
    case StateCategory::Blocked:
    case StateCategory::Changeover:
    case StateCategory::Off: return colors.idle;
    case StateCategory::Down: // outlined, not filled: the panel shows through
    case StateCategory::Unknown: return colors.panel;
    }
    return colors.panel;
}

QColor Theme::stateLabel(StateCategory c, const ThemeColors &colors)
{
    switch (c) {
    case StateCategory::Running: return colors.runningText;
    case StateCategory::PlannedStop: return colors.plannedStopText;
    case StateCategory::Idle:
    case StateCategory::Starved:
    case StateCategory::Blocked:
    case StateCategory::Changeover:
    case StateCategory::Off: return colors.idleText;
    case StateCategory::Down: return colors.text;
    case StateCategory::Unknown: return colors.secondaryText;
    }
    return colors.text;
}

} // namespace andon::widgets
