#include "widgets/sparkline.h"

#include "widgets/theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace andon::widgets {

Sparkline::Sparkline(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void Sparkline::setPoints(const QList<QPointF> &points)
{
    if (points == m_points)
        return;
    m_points = points;
    update();
}

void Sparkline::paint(QPainter &painter, const QRectF &rect, const QList<QPointF> &points,
                      const QColor &color)
{
    if (points.size() < 2 || rect.width() < 2 || rect.height() < 2)
        return;
    double xMin = points.front().x(), xMax = points.front().x();
    double yMin = points.front().y(), yMax = points.front().y();
    for (const QPointF &p : points) {
        xMin = std::min(xMin, p.x());
        xMax = std::max(xMax, p.x());
        yMin = std::min(yMin, p.y());
        yMax = std::max(yMax, p.y());
    }
    if (!(xMax > xMin))
        return;
    // Leave room for the pen so extreme points are not clipped.
    const QRectF area = rect.adjusted(1.0, 1.5, -1.0, -1.5);
    // Noise must look like noise: the vertical scale spans at least kMinRelativeSpan of the
    // window's magnitude, so a rate wobbling between 55 and 56 parts/min is a ripple around the
    // middle, not full-height swings that read as an abnormal process.
    constexpr double kMinRelativeSpan = 0.10;
    const double minSpan = kMinRelativeSpan * std::max(std::abs(yMin), std::abs(yMax));
    if (yMax - yMin < minSpan) {
        const double mid = (yMin + yMax) / 2;
        yMin = mid - minSpan / 2;
        yMax = mid + minSpan / 2;
    }
    const double ySpan = yMax - yMin;
    auto map = [&](const QPointF &p) {
        const double fx = (p.x() - xMin) / (xMax - xMin);
        const double fy = ySpan > 0 ? (p.y() - yMin) / ySpan : 0.5;
        return QPointF(area.left() + fx * area.width(), area.bottom() - fy * area.height());
    };
    QPainterPath path(map(points.front()));
    for (qsizetype i = 1; i < points.size(); ++i)
        path.lineTo(map(points[i]));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(color, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.restore();
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, QRectF(rect()), m_points, Theme::colors().secondaryText);
}

} // namespace andon::widgets
