#include "widgets/oee_gauge.h"

#include "widgets/theme.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace andon::widgets {

namespace {
// The arc spans 240° with the gap at the bottom, like a dial: 0 % at lower left (210°),
// 100 % at lower right (-30°), angles counter-clockwise from 3 o'clock as QPainter uses.
constexpr double kStartDeg = 210.0;
constexpr double kSpanDeg = 240.0;

QPointF onArc(const QPointF &centre, double radius, double fraction)
{
    const double deg = kStartDeg - kSpanDeg * std::clamp(fraction, 0.0, 1.0);
    const double rad = deg * M_PI / 180.0;
    return {centre.x() + radius * std::cos(rad), centre.y() - radius * std::sin(rad)};
}

QString percent(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 1);
}
} // namespace

OeeGauge::OeeGauge(const QString &label, QWidget *parent) : QWidget(parent), m_label(label)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    updateToolTip();
}

void OeeGauge::setLabel(const QString &label)
{
    m_label = label;
    updateToolTip();
    update();
}

void OeeGauge::setValue(std::optional<double> fraction, const QString &unknownReason)
{
    if (fraction && !std::isfinite(*fraction))
        fraction.reset();
    if (m_value == fraction && m_unknownReason == unknownReason)
        return;
    m_value = fraction;
    m_unknownReason = unknownReason;
    updateToolTip();
    update();
}

void OeeGauge::setTarget(std::optional<double> fraction)
{
    if (fraction && !std::isfinite(*fraction))
        fraction.reset();
    if (m_target == fraction)
        return;
    m_target = fraction;
    updateToolTip();
    update();
}

QString OeeGauge::valueText() const
{
    return m_value ? percent(*m_value) : QStringLiteral("—");
}

bool OeeGauge::belowTarget() const
{
    // Compared as displayed (one decimal), so 74.96 % against 75 % is not "below" while the
    // gauge shows 75.0.
    return m_value && m_target
            && std::round(*m_value * 1000.0) < std::round(*m_target * 1000.0);
}

void OeeGauge::updateToolTip()
{
    QString tip;
    if (m_value)
        tip = tr("%1: %2 %").arg(m_label, percent(*m_value));
    else
        tip = tr("%1: unknown — %2")
                      .arg(m_label, m_unknownReason.isEmpty() ? tr("no data") : m_unknownReason);
    if (m_target)
        tip += u'\n' + tr("Target %1 %").arg(percent(*m_target));
    if (belowTarget())
        tip += u'\n' + tr("Below target");
    setToolTip(tip);
}

QSize OeeGauge::sizeHint() const
{
    return {180, 160};
}

QSize OeeGauge::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(QStringLiteral("Performance")) + 24, fm.height() * 7};
}

void OeeGauge::paintEvent(QPaintEvent *)
{
    const ThemeColors &c = Theme::colors();
    const bool below = belowTarget();
    // The arc carries the abnormal colour; the number stays in the text colour (orange text
    // on the light panel would be hard to read).
    const QColor valueColor = c.text;

    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(rect(), c.panel);

    // Text rows below the dial: label, then the target.
    QFont labelFont = font();
    const QFontMetrics labelFm(labelFont);
    QFont smallFont = font();
    smallFont.setPointSizeF(font().pointSizeF() * 0.9);
    const QFontMetrics smallFm(smallFont);
    const int pad = 6;
    const int textH = labelFm.height() + smallFm.height() + 2;
    const QRect dialArea = rect().adjusted(pad, pad, -pad, -pad - textH);

    // The arc's bounding circle: the 240° arc is 1 + sin(30°) = 1.5 radii tall.
    const double radius = std::max(10.0, std::min(dialArea.width() / 2.0 - 4,
                                                   dialArea.height() / 1.5 - 4));
    const double thick = std::max(6.0, radius * 0.16);
    // Dial and text as one block, centred vertically (no gap between the dial and its label).
    const double blockH = 1.5 * radius + 8 + textH;
    const double top = rect().top() + std::max(double(pad), (height() - blockH) / 2.0);
    const QPointF centre(dialArea.center().x() + 0.5, top + 4 + radius);
    const QRectF arcRect(centre.x() - radius + thick / 2, centre.y() - radius + thick / 2,
                         2 * radius - thick, 2 * radius - thick);

    // Track, then the value over it (flat: no gradients, no shadows).
    p.setBrush(Qt::NoBrush);
    QColor track = c.dark ? QColor(0x44, 0x44, 0x44) : QColor(0xD6, 0xD6, 0xD6);
    p.setPen(QPen(track, thick, Qt::SolidLine, Qt::FlatCap));
    p.drawArc(arcRect, int(kStartDeg * 16), int(-kSpanDeg * 16));
    if (m_value) {
        const double f = std::clamp(*m_value, 0.0, 1.0);
        p.setPen(QPen(below ? c.down : (c.dark ? c.running : c.secondaryText), thick,
                      Qt::SolidLine, Qt::FlatCap));
        if (f > 0)
            p.drawArc(arcRect, int(kStartDeg * 16), int(-kSpanDeg * f * 16));
    }
    // Target marker: a radial bar across the arc.
    if (m_target) {
        const double r = (arcRect.width()) / 2.0;
        p.setPen(QPen(c.text, std::max(2.0, thick * 0.25), Qt::SolidLine, Qt::FlatCap));
        p.drawLine(onArc(centre, r - thick * 0.8, *m_target), onArc(centre, r + thick * 0.8, *m_target));
    }

    // Value: large, tabular, one decimal, with the unit in a lighter weight.
    QFont valueFont = font();
    valueFont.setPixelSize(std::max(12, int(radius * 0.42)));
    valueFont.setBold(true);
    QFont unitFont = font();
    unitFont.setPixelSize(std::max(10, int(radius * 0.22)));
    const QFontMetrics vfm(valueFont), ufm(unitFont);
    const QString v = valueText();
    const QString unit = m_value ? QStringLiteral(" %") : QString();
    const int w = vfm.horizontalAdvance(v) + ufm.horizontalAdvance(unit);
    const int baseline = int(centre.y() + vfm.ascent() * 0.35);
    int x = int(centre.x() - w / 2.0);
    p.setFont(valueFont);
    p.setPen(m_value ? valueColor : c.secondaryText);
    p.drawText(x, baseline, v);
    x += vfm.horizontalAdvance(v);
    p.setFont(unitFont);
    p.setPen(c.secondaryText);
    p.drawText(x, baseline, unit);

    // Label and target line.
    const QRect labelRect(rect().left() + pad, int(top + 1.5 * radius + 8), width() - 2 * pad,
                          labelFm.height());
    p.setFont(labelFont);
    p.setPen(c.text);
    p.drawText(labelRect, Qt::AlignHCenter | Qt::AlignVCenter,
               labelFm.elidedText(m_label, Qt::ElideRight, labelRect.width()));
    QString targetText;
    if (m_target)
        targetText = below ? tr("▼ target %1 %").arg(percent(*m_target))
                           : tr("target %1 %").arg(percent(*m_target));
    else if (!m_value)
        targetText = tr("unknown");
    const QRect targetRect(labelRect.left(), labelRect.bottom() + 2, labelRect.width(),
                           smallFm.height());
    p.setFont(smallFont);
    p.setPen(below ? c.text : c.secondaryText);
    p.drawText(targetRect, Qt::AlignHCenter | Qt::AlignVCenter,
               smallFm.elidedText(targetText, Qt::ElideRight, targetRect.width()));
}

} // namespace andon::widgets
