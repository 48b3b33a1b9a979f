// A painted overview tile for one machine: name, state bar in words, rate with unit, good and
// reject counts, a sparkline and up to three key process values. Calm grey when normal; only an
// unplanned stop gets colour. Stale/bad data: greyed, hatched, ⚠, reason in the tooltip.
// Fonts grow with the tile so a wall screen reads across the room. Owned by the overview page.
#pragma once

#include "core/plant_model.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <cmath>
#include <limits>

class QMenu;

namespace andon::widgets {

// One "label value unit" row of a tile.
struct MachineTileValue
{
    QString label;     // "Motor temp"
    QString valueText; // already formatted with the tag's decimals: "73.4"
    QString unit;      // "°C"
    Quality quality = Quality::Good;
    QString qualityReason; // tooltip when quality is not Good
    QString path;          // tag path, for "Trend" in the context menu ("" = none)

    bool operator==(const MachineTileValue &o) const = default;
};

struct MachineTileContent
{
    QString name;
    QString description;
    StateCategory category = StateCategory::Unknown;
    QString stateText;            // "Down — Jam at infeed (12 min)"
    double rate = std::numeric_limits<double>::quiet_NaN(); // parts/min
    bool rateEstimated = false;   // computed from a counter
    double goodCount = std::numeric_limits<double>::quiet_NaN();
    double rejectCount = std::numeric_limits<double>::quiet_NaN();
    Quality quality = Quality::Good;
    QString qualityReason;        // shown on hover when quality is not Good
    QList<QPointF> sparkline;
    QString sparklineLabel;       // "rate", "power"
    QList<MachineTileValue> values; // key process values, at most three are shown
    QString ratePath;               // the rate (or good count) tag, for "Trend" ("" = none)

    bool operator==(const MachineTileContent &o) const;
};

class MachineTile : public QWidget
{
    Q_OBJECT
public:
    explicit MachineTile(QWidget *parent = nullptr);

    void setContent(const MachineTileContent &content);
    const MachineTileContent &content() const { return m_content; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // How much the content is enlarged for the current size (1 = the minimum size).
    double contentScale() const;
    // Where the value row `i` is painted (tests, tooltips); empty if not shown.
    QRect valueRect(int i) const;

    // The context menu: "Trend <value>" for the rate and every shown value with a tag, and
    // "Trend all" (click any value to trend it). Parented to `parent`.
    QMenu *createTrendMenu(QWidget *parent);

signals:
    void clicked();
    void trendRequested(const QStringList &tagPaths);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Layout;
    Layout layout() const;
    void updateToolTip();

    MachineTileContent m_content;
    bool m_pressed = false;
    bool m_hover = false;
};

} // namespace andon::widgets
