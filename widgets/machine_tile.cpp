#include "widgets/machine_tile.h"

#include "widgets/sparkline.h"
#include "widgets/theme.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

namespace andon::widgets {

namespace {

bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

constexpr int kPadding = 10;
constexpr int kDownOutline = 3; // px; thick enough to be seen across the room

QFont scaledFont(const QFont &base, double factor, bool bold)
{
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(static_cast<int>(f.pixelSize() * factor));
    f.setBold(bold);
    return f;
}

QString countText(double v)
{
    return std::isfinite(v) ? QLocale().toString(static_cast<qlonglong>(std::llround(v)))
                            : QStringLiteral("—");
}

} // namespace

bool MachineTileContent::operator==(const MachineTileContent &o) const
{
    return name == o.name && description == o.description && category == o.category
        && stateText == o.stateText && sameDouble(rate, o.rate) && rateEstimated == o.rateEstimated
        && sameDouble(goodCount, o.goodCount) && sameDouble(rejectCount, o.rejectCount)
        && quality == o.quality && qualityReason == o.qualityReason && sparkline == o.sparkline
        && sparklineLabel == o.sparklineLabel;
}

MachineTile::MachineTile(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_Hover, true);
}

void MachineTile::setContent(const MachineTileContent &content)
{
    if (content == m_content)
        return;
    m_content = content;
    updateToolTip();
    setAccessibleName(m_content.name);
    setAccessibleDescription(m_content.stateText);
    update();
}

void MachineTile::updateToolTip()
{
    QString tip = m_content.description;
    if (!isGood(m_content.quality) && !m_content.qualityReason.isEmpty())
        tip = QStringLiteral("⚠ ") % m_content.qualityReason;
    setToolTip(tip);
}

QSize MachineTile::sizeHint() const
{
    const QFontMetrics fm(font());
    const int line = fm.height();
    // name + description + state bar + rate + counts, with gaps
    const int h = 2 * kPadding + line * 13 / 10 + line + 6 + line * 2 + 8 + line * 2 + 4 + line;
    return {fm.averageCharWidth() * 40, h};
}

QSize MachineTile::minimumSizeHint() const
{
    const QSize s = sizeHint();
    return {QFontMetrics(font()).averageCharWidth() * 30, s.height()};
}

void MachineTile::paintEvent(QPaintEvent *)
{
    const ThemeColors &c = Theme::colors();
    const bool bad = isBad(m_content.quality);
    const bool flagged = !isGood(m_content.quality);
    const bool down = m_content.category == StateCategory::Down && !bad;
    const QColor textColor = bad ? c.secondaryText : c.text;

    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setRenderHint(QPainter::TextAntialiasing, true);

    // Tile body; an unplanned stop outlines the whole tile in the abnormal colour.
    const QRect body = rect();
    p.fillRect(body, c.panel);
    if (down) {
        p.setPen(QPen(c.down, kDownOutline));
        p.setBrush(Qt::NoBrush);
        const int half = kDownOutline / 2;
        p.drawRect(body.adjusted(half, half, -half - 1, -half - 1));
    } else {
        p.setPen(QPen(m_hover || hasFocus() ? c.secondaryText : c.background, 1));
        p.drawRect(body.adjusted(0, 0, -1, -1));
    }
    if (hasFocus()) {
        p.setPen(QPen(c.text, 1, Qt::DotLine));
        p.drawRect(body.adjusted(4, 4, -5, -5));
    }

    const QRect inner = body.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QFont baseFont = font();
    const QFontMetrics fm(baseFont);
    const int line = fm.height();
    int y = inner.top();

    // Name (+ ⚠ when the data is not good).
    const QFont nameFont = scaledFont(baseFont, 1.2, true);
    const QFontMetrics nameFm(nameFont);
    const int nameH = line * 13 / 10;
    QRect nameRect(inner.left(), y, inner.width(), nameH);
    if (flagged) {
        const QString warn = QStringLiteral("⚠");
        p.setFont(nameFont);
        p.setPen(c.text);
        const int w = nameFm.horizontalAdvance(warn) + 4;
        p.drawText(QRect(nameRect.right() - w, y, w, nameH), Qt::AlignRight | Qt::AlignVCenter, warn);
        nameRect.setRight(nameRect.right() - w - 4);
    }
    p.setFont(nameFont);
    p.setPen(textColor);
    p.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
               nameFm.elidedText(m_content.name, Qt::ElideRight, nameRect.width()));
    y += nameH;

    // Description.
    p.setFont(baseFont);
    p.setPen(c.secondaryText);
    p.drawText(QRect(inner.left(), y, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(m_content.description, Qt::ElideRight, inner.width()));
    y += line + 6;

    // State bar: fill for the calm states, orange outline for the abnormal one.
    const QRect bar(inner.left(), y, inner.width(), line * 2);
    const QRect valuesArea(inner.left(), y, inner.width(), inner.bottom() - y + 1);
    if (down) {
        p.fillRect(bar, c.panel);
        p.setPen(QPen(c.down, 2));
        p.drawRect(bar.adjusted(1, 1, -1, -1));
    } else if (m_content.category == StateCategory::Unknown || bad) {
        p.setPen(QPen(c.secondaryText, 1, Qt::DashLine));
        p.drawRect(bar.adjusted(0, 0, -1, -1));
    } else {
        p.fillRect(bar, Theme::stateFill(m_content.category, c));
    }
    const QFont labelFont = scaledFont(baseFont, 1.0, down || m_content.category == StateCategory::Running);
    p.setFont(labelFont);
    p.setPen(bad ? c.secondaryText : Theme::stateLabel(m_content.category, c));
    const QRect labelRect = bar.adjusted(8, 0, -8, 0);
    p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetrics(labelFont).elidedText(m_content.stateText, Qt::ElideRight, labelRect.width()));
    y += bar.height() + 8;

    // Rate: number large, unit lighter; sparkline beside it.
    const QFont rateFont = scaledFont(baseFont, 1.6, false);
    const QFontMetrics rateFm(rateFont);
    const int rateH = line * 2;
    const QString rateNumber = std::isfinite(m_content.rate)
        ? QLocale().toString(m_content.rate, 'f', 1) : QStringLiteral("—");
    const QString unit = tr("parts/min");
    const int numberW = rateFm.horizontalAdvance(rateNumber);
    p.setFont(rateFont);
    p.setPen(textColor);
    p.drawText(QRect(inner.left(), y, numberW + 2, rateH), Qt::AlignLeft | Qt::AlignVCenter, rateNumber);
    p.setFont(baseFont);
    p.setPen(c.secondaryText);
    const int unitX = inner.left() + numberW + 6;
    const int unitW = fm.horizontalAdvance(unit) + 2;
    p.drawText(QRect(unitX, y, unitW, rateH), Qt::AlignLeft | Qt::AlignVCenter, unit);
    const int sparkLeft = unitX + unitW + 10;
    const QRect spark(sparkLeft, y + 4, inner.right() - sparkLeft, rateH - 8);
    if (spark.width() > 24)
        Sparkline::paint(p, QRectF(spark), m_content.sparkline, c.secondaryText);
    y += rateH + 4;

    // Counts.
    const QString goodLabel = tr("Good");
    const QString rejectLabel = tr("Reject");
    int x = inner.left();
    auto drawPair = [&](const QString &label, const QString &value) {
        p.setPen(c.secondaryText);
        p.setFont(baseFont);
        const int lw = fm.horizontalAdvance(label);
        p.drawText(QRect(x, y, lw + 1, line), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += lw + 6;
        QFont vf = baseFont;
        vf.setBold(true);
        p.setFont(vf);
        p.setPen(textColor);
        const int vw = QFontMetrics(vf).horizontalAdvance(value);
        p.drawText(QRect(x, y, vw + 1, line), Qt::AlignLeft | Qt::AlignVCenter, value);
        x += vw + 18;
    };
    drawPair(goodLabel, countText(m_content.goodCount));
    drawPair(rejectLabel, countText(m_content.rejectCount));

    // Stale / bad: hatch over everything that shows a value, so nobody reads it as live.
    if (bad) {
        QColor hatch = c.hatch;
        hatch.setAlpha(110);
        p.fillRect(valuesArea, QBrush(hatch, Qt::BDiagPattern));
    }
}

void MachineTile::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressed = true;
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void MachineTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_pressed) {
        m_pressed = false;
        if (rect().contains(event->position().toPoint()))
            emit clicked();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void MachineTile::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
        || event->key() == Qt::Key_Space) {
        emit clicked();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void MachineTile::enterEvent(QEnterEvent *event)
{
    m_hover = true;
    update();
    QWidget::enterEvent(event);
}

void MachineTile::leaveEvent(QEvent *event)
{
    m_hover = false;
    update();
    QWidget::leaveEvent(event);
}

} // namespace andon::widgets
