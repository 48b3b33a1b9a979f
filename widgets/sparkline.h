// A small flat trend line (no axes) scaled to the min/max of its window (with a minimum span), for tiles, tables and
// faceplates. Owned by its parent widget; the static paint() is shared with item delegates.
#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

namespace andon::widgets {

class Sparkline : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(QWidget *parent = nullptr);

    // x = time (any unit, increasing), y = value. Replaces the whole series (one call per tick).
    void setPoints(const QList<QPointF> &points);
    const QList<QPointF> &points() const { return m_points; }

    QSize sizeHint() const override { return {120, 28}; }
    QSize minimumSizeHint() const override { return {40, 16}; }

    // Draws `points` into `rect`: a 1.5 px polyline scaled to the window's min/max, but never
    // to less than 10 % of the values' magnitude (small noise stays small; a flat series is
    // drawn mid-height). Nothing is drawn for fewer than two points.
    static void paint(QPainter &painter, const QRectF &rect, const QList<QPointF> &points,
                      const QColor &color);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QPointF> m_points;
};

} // namespace andon::widgets
