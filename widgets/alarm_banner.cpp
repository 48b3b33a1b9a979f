#include "widgets/alarm_banner.h"

#include "widgets/theme.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace andon::widgets {

namespace {
constexpr int kPadding = 8;
constexpr int kShape = 14; // px, the priority marker
constexpr int kGap = 6;
} // namespace

AlarmBanner::AlarmBanner(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("alarmBanner"));
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Alarms: click to open the Alarms page"));
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void AlarmBanner::setData(const AlarmBannerData &data)
{
    m_data = data;
    QStringList counts;
    for (int p = 1; p <= 4; ++p)
        counts << tr("%1 %2: %3 active, %4 unacknowledged")
                      .arg(priorityShape(p), priorityName(p))
                      .arg(m_data.active[p])
                      .arg(m_data.unacknowledged[p]);
    setToolTip(tr("Alarms: click to open the Alarms page") + u'\n' + counts.join(u'\n'));
    update();
}

QSize AlarmBanner::sizeHint() const
{
    const QFontMetrics fm(font());
    return { 600, fm.height() + 2 * kPadding + 4 };
}

QSize AlarmBanner::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return { 200, fm.height() + 2 * kPadding + 4 };
}

QColor AlarmBanner::priorityColor(int priority)
{
    const ThemeColors &c = Theme::colors();
    switch (priority) {
    case 1:
        return c.alarmCritical;
    case 2:
        return c.alarmHigh;
    case 3:
        return c.alarmMedium;
    default:
        return c.alarmLow;
    }
}

QString AlarmBanner::priorityShape(int priority)
{
    switch (priority) {
    case 1:
        return QStringLiteral("■");
    case 2:
        return QStringLiteral("▲");
    case 3:
        return QStringLiteral("◆");
    default:
        return QStringLiteral("●");
    }
}

QString AlarmBanner::priorityName(int priority)
{
    switch (priority) {
    case 1:
        return tr("Critical");
    case 2:
        return tr("High");
    case 3:
        return tr("Medium");
    default:
        return tr("Low");
    }
}

void AlarmBanner::paintShape(QPainter &p, const QRectF &r, int priority, bool filled)
{
    const QColor color = priorityColor(priority);
    QPainterPath path;
    const QPointF c = r.center();
    switch (priority) {
    case 1:
        path.addRect(r.adjusted(1, 1, -1, -1));
        break;
    case 2:
        path.moveTo(c.x(), r.top());
        path.lineTo(r.right(), r.bottom());
        path.lineTo(r.left(), r.bottom());
        path.closeSubpath();
        break;
    case 3:
        path.moveTo(c.x(), r.top());
        path.lineTo(r.right(), c.y());
        path.lineTo(c.x(), r.bottom());
        path.lineTo(r.left(), c.y());
        path.closeSubpath();
        break;
    default:
        path.addEllipse(r.adjusted(1, 1, -1, -1));
        break;
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    // A thin dark edge keeps yellow and blue visible on the light grey panel.
    p.setPen(QPen(filled ? color.darker(140) : color, filled ? 1.0 : 2.0));
    p.setBrush(filled ? QBrush(color) : Qt::NoBrush);
    p.drawPath(path);
    p.restore();
}

void AlarmBanner::paintEvent(QPaintEvent *)
{
    const ThemeColors &c = Theme::colors();
    QPainter p(this);
    p.fillRect(rect(), c.panel);
    p.setPen(c.secondaryText);
    p.drawLine(rect().bottomLeft(), rect().bottomRight());

    const QFontMetrics fm(font());
    const int h = height();
    const qreal shapeTop = (h - kShape) / 2.0;
    int right = width() - kPadding;

    // Counts per priority, right-aligned: "■ 2  ▲ 0  ◆ 5  ● 1".
    for (int prio = 4; prio >= 1; --prio) {
        const QString n = QString::number(m_data.active[prio]);
        const int w = std::max(fm.horizontalAdvance(n), fm.horizontalAdvance(QStringLiteral("00")));
        right -= w;
        p.setPen(m_data.active[prio] > 0 ? c.text : c.secondaryText);
        p.drawText(QRect(right, 0, w, h), Qt::AlignVCenter | Qt::AlignLeft, n);
        right -= kShape + 4;
        if (m_data.active[prio] > 0)
            paintShape(
                p, QRectF(right, shapeTop, kShape, kShape), prio, m_data.unacknowledged[prio] > 0);
        else
            paintShape(p, QRectF(right + 2, shapeTop + 2, kShape - 4, kShape - 4), prio, false);
        right -= 3 * kGap;
    }

    // Flood: the one loud element besides the priority markers.
    if (m_data.flood) {
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics bfm(bold);
        const QString text = tr("ALARM FLOOD: %1 in 10 min").arg(m_data.floodCount);
        const int w = bfm.horizontalAdvance(text) + 2 * kPadding;
        right -= w;
        const QRect box(right, 4, w, h - 9);
        p.fillRect(box, c.alarmCritical);
        p.setFont(bold);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, text);
        p.setFont(font());
        right -= 2 * kGap;
    }

    int left = kPadding;
    if (m_data.items.empty()) {
        p.setPen(c.secondaryText);
        const QString text = m_data.notice.isEmpty() ? tr("No active alarms")
                                                     : QStringLiteral("⚠ ") + m_data.notice;
        p.drawText(QRect(left, 0, right - left, h), Qt::AlignVCenter | Qt::AlignLeft,
            fm.elidedText(text, Qt::ElideRight, std::max(0, right - left)));
        return;
    }
    const AlarmBannerItem &top = m_data.items.front();
    paintShape(p, QRectF(left, shapeTop, kShape, kShape), top.priority, top.unacknowledged);
    left += kShape + kGap;
    p.setPen(c.secondaryText);
    const int tw = fm.horizontalAdvance(top.time);
    p.drawText(QRect(left, 0, tw, h), Qt::AlignVCenter | Qt::AlignLeft, top.time);
    left += tw + kGap;
    QFont strong = font();
    strong.setBold(top.unacknowledged);
    p.setFont(strong);
    p.setPen(c.text);
    const QFontMetrics sfm(strong);
    QString text = top.text;
    const int more = static_cast<int>(m_data.items.size()) - 1;
    if (more > 0)
        text += tr("   (+%1 more)").arg(more);
    p.drawText(QRect(left, 0, std::max(0, right - left), h), Qt::AlignVCenter | Qt::AlignLeft,
        sfm.elidedText(text, Qt::ElideMiddle, std::max(0, right - left)));
}

void AlarmBanner::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit clicked();
    QWidget::mouseReleaseEvent(event);
}

void AlarmBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace andon::widgets
