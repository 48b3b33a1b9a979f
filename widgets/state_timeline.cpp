#include "widgets/state_timeline.h"

#include "widgets/theme.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace andon::widgets {

namespace {
constexpr int kAxisHeightLines = 1; // one text line of hour labels under the strips
constexpr TimestampMs kHourMs = 3'600'000;

QString duration(TimestampMs ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return StateTimeline::tr("%1 s").arg(s);
    if (s < 3600)
        return StateTimeline::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return StateTimeline::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}
} // namespace

StateTimeline::StateTimeline(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void StateTimeline::setRange(TimestampMs fromMs, TimestampMs toMs, TimestampMs nowMs,
                             const QTimeZone &zone)
{
    m_from = fromMs;
    m_to = std::max(toMs, fromMs + 1);
    m_now = nowMs;
    m_zone = zone;
    update();
}

void StateTimeline::setRows(std::vector<TimelineRow> rows)
{
    const bool sizeChanged = rows.size() != m_rows.size();
    m_rows = std::move(rows);
    if (sizeChanged)
        updateGeometry();
    update();
}

int StateTimeline::rowHeight() const
{
    const QFontMetrics fm(font());
    return m_rows.size() > 1 ? fm.height() + 8 : fm.height() * 2 + 8;
}

int StateTimeline::labelWidth() const
{
    const QFontMetrics fm(font());
    int w = 0;
    for (const TimelineRow &r : m_rows)
        w = std::max(w, fm.horizontalAdvance(r.label));
    return std::min(w + 12, 160);
}

QSize StateTimeline::sizeHint() const
{
    const QFontMetrics fm(font());
    const int rows = std::max<int>(1, int(m_rows.size()));
    return {600, rows * (rowHeight() + 2) + fm.height() * kAxisHeightLines + 10};
}

QSize StateTimeline::minimumSizeHint() const
{
    return {300, sizeHint().height()};
}

QRect StateTimeline::stripArea() const
{
    const QFontMetrics fm(font());
    return rect().adjusted(labelWidth() + 4, 4, -8, -(fm.height() * kAxisHeightLines + 6));
}

double StateTimeline::xOf(TimestampMs t) const
{
    const QRect a = stripArea();
    const double f = double(std::clamp(t, m_from, m_to) - m_from) / double(m_to - m_from);
    return a.left() + f * a.width();
}

QPoint StateTimeline::pointAt(int row, TimestampMs t) const
{
    const QRect a = stripArea();
    return {int(std::lround(xOf(t))), a.top() + row * (rowHeight() + 2) + rowHeight() / 2};
}

bool StateTimeline::hit(const QPoint &pos, int *row, TimestampMs *t) const
{
    const QRect a = stripArea();
    if (pos.x() < a.left() || pos.x() > a.right() || pos.y() < a.top())
        return false;
    const int r = (pos.y() - a.top()) / (rowHeight() + 2);
    if (r < 0 || r >= int(m_rows.size()))
        return false;
    *row = r;
    *t = m_from + TimestampMs(double(pos.x() - a.left()) / a.width() * double(m_to - m_from));
    return true;
}

const TimelineSegment *StateTimeline::segmentAt(int row, TimestampMs t) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    for (const TimelineSegment &s : m_rows[std::size_t(row)].segments) {
        if (t >= s.startMs && t < s.endMs)
            return &s;
    }
    return nullptr;
}

QString StateTimeline::toolTipAt(const QPoint &pos) const
{
    int row = 0;
    TimestampMs t = 0;
    if (!hit(pos, &row, &t))
        return QString();
    const TimelineSegment *s = segmentAt(row, t);
    if (!s)
        return QString();
    const QString fmt = QStringLiteral("HH:mm:ss");
    const TimestampMs end = std::min(s->endMs, std::max(m_now, s->startMs));
    QString tip = tr("%1 — %2 (%3)")
                          .arg(m_rows[std::size_t(row)].label,
                               s->state.isEmpty() ? tr("no data") : s->state,
                               stateCategoryName(s->category));
    if (s->stop)
        tip += u'\n' + tr("Reason: %1").arg(s->reason.isEmpty() ? tr("not given yet") : s->reason);
    tip += u'\n' + tr("Start: %1")
                           .arg(QDateTime::fromMSecsSinceEpoch(s->startMs, m_zone).toString(fmt));
    tip += u'\n' + tr("Duration: %1").arg(duration(end - s->startMs));
    if (s->stop)
        tip += u'\n' + tr("Click to give a reason, split or comment");
    return tip;
}

bool StateTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

void StateTimeline::mouseMoveEvent(QMouseEvent *event)
{
    int row = 0;
    TimestampMs t = 0;
    const TimelineSegment *s =
            hit(event->position().toPoint(), &row, &t) ? segmentAt(row, t) : nullptr;
    setCursor(s && s->stop ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void StateTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    int row = 0;
    TimestampMs t = 0;
    if (event->button() == Qt::LeftButton && hit(event->position().toPoint(), &row, &t))
        emit clicked(row, t);
    QWidget::mouseReleaseEvent(event);
}

void StateTimeline::paintEvent(QPaintEvent *)
{
    const ThemeColors &c = Theme::colors();
    QPainter p(this);
    p.fillRect(rect(), c.panel);
    const QRect a = stripArea();
    const QFontMetrics fm(font());
    const int rh = rowHeight();
    const double nowX = xOf(m_now);

    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const int top = a.top() + int(r) * (rh + 2);
        p.setPen(c.text);
        p.drawText(QRect(4, top, labelWidth() - 4, rh), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(m_rows[r].label, Qt::ElideRight, labelWidth() - 8));
        // Time with no segment up to now is unknown: hatched below everything.
        const QRectF known(a.left(), top, std::max(0.0, nowX - a.left()), rh);
        p.fillRect(known, QBrush(c.hatch, Qt::BDiagPattern));
        for (const TimelineSegment &s : m_rows[r].segments) {
            const TimestampMs end = std::min(s.endMs, std::max(m_now, m_from));
            if (end <= m_from || s.startMs >= m_to || end <= s.startMs)
                continue;
            const double x0 = xOf(s.startMs), x1 = std::max(xOf(end), x0 + 1);
            const QRectF box(x0, top, x1 - x0, rh);
            if (s.category == StateCategory::Unknown) {
                p.fillRect(box, c.panel);
                p.fillRect(box, QBrush(c.hatch, Qt::BDiagPattern));
                continue;
            }
            p.fillRect(box, Theme::stateFill(s.category, c));
            if (s.category == StateCategory::Down) {
                // Abnormal: outline in the one abnormal colour, the panel showing through.
                p.setPen(QPen(c.down, 2));
                p.setBrush(Qt::NoBrush);
                p.drawRect(box.adjusted(1, 1, -1, -1));
            }
            // A label when it fits.
            const QString text = s.reason.isEmpty() ? s.state : s.reason;
            if (box.width() > 36) {
                p.setPen(Theme::stateLabel(s.category, c));
                p.drawText(box, Qt::AlignCenter,
                           fm.elidedText(text, Qt::ElideRight, int(box.width()) - 8));
            }
        }
        // Stop parts: a thin separator where a split divides one state.
        p.setPen(QPen(c.secondaryText, 1));
        for (std::size_t i = 1; i < m_rows[r].segments.size(); ++i) {
            const TimelineSegment &prev = m_rows[r].segments[i - 1];
            const TimelineSegment &cur = m_rows[r].segments[i];
            if (prev.category == cur.category && prev.endMs == cur.startMs && cur.stop)
                p.drawLine(QPointF(xOf(cur.startMs), top), QPointF(xOf(cur.startMs), top + rh));
        }
    }

    // Hour ticks in the plant time zone (every 2 h when hours would crowd).
    const int labelW = fm.horizontalAdvance(QStringLiteral("00:00")) + 10;
    const double hourPx = a.width() * double(kHourMs) / double(m_to - m_from);
    const int step = hourPx >= labelW ? 1 : (hourPx * 2 >= labelW ? 2 : 4);
    const int axisTop = a.top() + int(m_rows.size()) * (rh + 2);
    QDateTime t = QDateTime::fromMSecsSinceEpoch(m_from, m_zone);
    t = QDateTime(t.date(), QTime(t.time().hour(), 0), m_zone);
    for (int guard = 0; guard < 200 && t.toMSecsSinceEpoch() <= m_to; ++guard,
             t = t.addSecs(3600)) {
        const TimestampMs ms = t.toMSecsSinceEpoch();
        if (ms < m_from || t.time().hour() % step != 0)
            continue;
        const double x = xOf(ms);
        p.setPen(c.secondaryText);
        p.drawLine(QPointF(x, axisTop - 1), QPointF(x, axisTop + 3));
        const QRectF lr(x - labelW / 2.0, axisTop + 2, labelW, fm.height());
        if (lr.right() <= width() && lr.left() >= a.left() - labelW / 2.0)
            p.drawText(lr, Qt::AlignHCenter | Qt::AlignTop, t.toString(QStringLiteral("HH:mm")));
    }
    // Now marker.
    if (m_now > m_from && m_now < m_to) {
        p.setPen(QPen(c.text, 1, Qt::DashLine));
        p.drawLine(QPointF(nowX, a.top()), QPointF(nowX, axisTop));
    }
}

} // namespace andon::widgets
