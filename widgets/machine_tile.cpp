#include "widgets/machine_tile.h"

#include "widgets/sparkline.h"
#include "widgets/theme.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace andon::widgets {

namespace {

bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

constexpr int kDownOutline = 3; // px at scale 1; thick enough to be seen across the room
constexpr double kMaxScale = 4.5; // a 4K wall screen; beyond that the tile just gets roomier
constexpr int kValueRows = 3;     // rows reserved for process values, so tiles line up

// Heights in units of the base font's line height (at scale 1), top to bottom.
constexpr double kName = 1.35, kDesc = 1.0, kBar = 2.0, kRate = 1.8, kCounts = 1.05,
                 kValueRow = 1.2;
constexpr double kLines = kName + kDesc + kBar + kRate + kCounts + kValueRows * kValueRow;
constexpr int kPad = 9; // px at scale 1
constexpr int kGaps = 4 + 6 + 3 + 8; // desc→bar, bar→rate, rate→counts, counts→values

QFont scaledFont(const QFont &base, double factor, QFont::Weight weight)
{
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(std::max(1, static_cast<int>(std::lround(f.pixelSize() * factor))));
    f.setWeight(weight);
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
        && sparklineLabel == o.sparklineLabel && values == o.values;
}

// Every rectangle and font of one paint, so painting and tooltips agree.
struct MachineTile::Layout
{
    double scale = 1;
    QRect inner;
    QFont base, name, label, rate, value, unit;
    QRect nameRect, descRect, bar, rateRow, countsRow, valuesArea;
    std::vector<QRect> valueRows;
};

MachineTile::MachineTile(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
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

QSize MachineTile::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    const int h = 2 * kPad + kGaps + static_cast<int>(std::ceil(kLines * fm.height()));
    return {fm.averageCharWidth() * 34, h};
}

QSize MachineTile::sizeHint() const
{
    const QSize s = minimumSizeHint();
    return {s.width() * 5 / 4, s.height()};
}

double MachineTile::contentScale() const
{
    const QSize min = minimumSizeHint();
    const double s = std::min(double(width()) / min.width(), double(height()) / min.height());
    return std::clamp(s, 1.0, kMaxScale);
}

MachineTile::Layout MachineTile::layout() const
{
    Layout l;
    l.scale = contentScale();
    const double s = l.scale;
    const QFont font0 = font();
    const double line = QFontMetricsF(font0).height() * s;
    l.base = scaledFont(font0, s, QFont::Normal);
    l.name = scaledFont(font0, s * 1.2, QFont::Bold);
    l.label = scaledFont(font0, s, QFont::Normal);
    l.rate = scaledFont(font0, s * 1.6, QFont::Normal);
    l.value = scaledFont(font0, s * 1.05, QFont::DemiBold);
    l.unit = scaledFont(font0, s * 0.95, QFont::Light);

    const int pad = static_cast<int>(std::lround(kPad * s));
    l.inner = rect().adjusted(pad, pad, -pad, -pad);
    // Room left over once the content is scaled (a tile taller than its width allows) goes to
    // the rate row (a taller sparkline) and to the gaps, so nothing piles up at the bottom.
    const double needed = 2 * pad + kGaps * s + kLines * line;
    const double extra = std::max(0.0, height() - needed);
    const double gapExtra = extra * 0.6 / 4;
    auto px = [](double v) { return static_cast<int>(std::lround(v)); };

    double y = l.inner.top();
    const int left = l.inner.left();
    const int w = l.inner.width();
    l.nameRect = QRect(left, px(y), w, px(kName * line));
    y += kName * line;
    l.descRect = QRect(left, px(y), w, px(kDesc * line));
    y += kDesc * line + 4 * s + gapExtra;
    l.bar = QRect(left, px(y), w, px(kBar * line));
    y += kBar * line + 6 * s + gapExtra;
    const double rateH = kRate * line + extra * 0.4;
    l.rateRow = QRect(left, px(y), w, px(rateH));
    y += rateH + 3 * s + gapExtra;
    l.countsRow = QRect(left, px(y), w, px(kCounts * line));
    y += kCounts * line + 8 * s + gapExtra;
    l.valuesArea = QRect(left, px(y), w, px(kValueRows * kValueRow * line));
    const int shown = std::min<int>(kValueRows, static_cast<int>(m_content.values.size()));
    for (int i = 0; i < shown; ++i)
        l.valueRows.emplace_back(left, px(y + i * kValueRow * line), w, px(kValueRow * line));
    return l;
}

QRect MachineTile::valueRect(int i) const
{
    const Layout l = layout();
    return i >= 0 && i < static_cast<int>(l.valueRows.size()) ? l.valueRows[std::size_t(i)] : QRect();
}

bool MachineTile::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        // A process value of doubtful quality explains itself on hover (HMI-STYLE).
        const auto *help = static_cast<QHelpEvent *>(event);
        const Layout l = layout();
        for (std::size_t i = 0; i < l.valueRows.size(); ++i) {
            const MachineTileValue &v = m_content.values[static_cast<qsizetype>(i)];
            if (l.valueRows[i].contains(help->pos()) && !isGood(v.quality)) {
                QToolTip::showText(help->globalPos(),
                                   QStringLiteral("⚠ %1: %2").arg(v.label, v.qualityReason), this,
                                   l.valueRows[i]);
                return true;
            }
        }
    }
    return QWidget::event(event);
}

void MachineTile::paintEvent(QPaintEvent *)
{
    const ThemeColors &c = Theme::colors();
    const bool bad = isBad(m_content.quality);
    const bool flagged = !isGood(m_content.quality);
    const bool down = m_content.category == StateCategory::Down && !bad;
    const QColor textColor = bad ? c.secondaryText : c.text;
    const Layout l = layout();
    const double s = l.scale;

    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setRenderHint(QPainter::TextAntialiasing, true);

    // Tile body; an unplanned stop outlines the whole tile in the abnormal colour.
    const QRect body = rect();
    p.fillRect(body, c.panel);
    if (down) {
        const int outline = std::max(kDownOutline, static_cast<int>(std::lround(kDownOutline * s)));
        p.setPen(QPen(c.down, outline));
        p.setBrush(Qt::NoBrush);
        const int half = outline / 2;
        p.drawRect(body.adjusted(half, half, -half - (outline % 2 == 0 ? 0 : 1),
                                 -half - (outline % 2 == 0 ? 0 : 1)));
    } else {
        p.setPen(QPen(m_hover || hasFocus() ? c.secondaryText : c.background, 1));
        p.drawRect(body.adjusted(0, 0, -1, -1));
    }
    if (hasFocus()) {
        p.setPen(QPen(c.text, 1, Qt::DotLine));
        p.drawRect(body.adjusted(4, 4, -5, -5));
    }

    // Name (+ ⚠ when the data is not good).
    const QFontMetrics nameFm(l.name);
    QRect nameRect = l.nameRect;
    p.setFont(l.name);
    if (flagged) {
        const QString warn = QStringLiteral("⚠");
        p.setPen(c.text);
        const int w = nameFm.horizontalAdvance(warn) + 4;
        p.drawText(QRect(nameRect.right() - w, nameRect.top(), w, nameRect.height()),
                   Qt::AlignRight | Qt::AlignVCenter, warn);
        nameRect.setRight(nameRect.right() - w - 4);
    }
    p.setPen(textColor);
    p.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
               nameFm.elidedText(m_content.name, Qt::ElideRight, nameRect.width()));

    // Description.
    const QFontMetrics fm(l.base);
    p.setFont(l.base);
    p.setPen(c.secondaryText);
    p.drawText(l.descRect, Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(m_content.description, Qt::ElideRight, l.descRect.width()));

    // State bar: fill for the calm states, orange outline for the abnormal one.
    const QRect bar = l.bar;
    if (down) {
        const int pen = std::max(2, static_cast<int>(std::lround(2 * s)));
        p.fillRect(bar, c.panel);
        p.setPen(QPen(c.down, pen));
        p.drawRect(bar.adjusted(pen / 2, pen / 2, -(pen + 1) / 2, -(pen + 1) / 2));
    } else if (m_content.category == StateCategory::Unknown || bad) {
        p.setPen(QPen(c.secondaryText, 1, Qt::DashLine));
        p.drawRect(bar.adjusted(0, 0, -1, -1));
    } else {
        p.fillRect(bar, Theme::stateFill(m_content.category, c));
    }
    QFont labelFont = l.label;
    labelFont.setBold(down || m_content.category == StateCategory::Running);
    p.setFont(labelFont);
    p.setPen(bad ? c.secondaryText : Theme::stateLabel(m_content.category, c));
    const int barPad = static_cast<int>(std::lround(8 * s));
    const QRect labelRect = bar.adjusted(barPad, 0, -barPad, 0);
    if (QFontMetrics(labelFont).horizontalAdvance(m_content.stateText) > labelRect.width()) {
        // "Down — Tool breakage at spindle (3 min)" is the one text that must not be cut:
        // two smaller lines fit the bar, and only a text longer still is elided.
        QFont small = labelFont;
        small.setPointSizeF(labelFont.pointSizeF() > 0 ? labelFont.pointSizeF() * 0.85
                                                       : labelFont.pointSizeF());
        if (labelFont.pointSizeF() <= 0)
            small.setPixelSize(std::max(1, labelFont.pixelSize() * 85 / 100));
        const QFontMetrics smallFm(small);
        // Keep "(3 min)" together: the duration wraps as a whole, never as "(3" + "min)".
        QString text = m_content.stateText;
        const qsizetype paren = text.lastIndexOf(u'(');
        if (paren > 0)
            text = text.left(paren) + text.mid(paren).replace(u' ', QChar::Nbsp);
        p.setFont(small);
        const QRect needed = smallFm.boundingRect(labelRect, Qt::TextWordWrap, text);
        if (needed.height() <= labelRect.height()) {
            p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, text);
        } else {
            p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                       smallFm.elidedText(text, Qt::ElideRight, labelRect.width()));
        }
    } else {
        p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter, m_content.stateText);
    }

    // Rate: number large, unit lighter; sparkline beside it.
    const QFontMetrics rateFm(l.rate);
    const QFontMetrics unitFm(l.unit);
    const QRect rateRow = l.rateRow;
    const QString rateNumber = std::isfinite(m_content.rate)
        ? QLocale().toString(m_content.rate, 'f', 1) : QStringLiteral("—");
    const QString rateUnit = tr("parts/min");
    const int numberW = rateFm.horizontalAdvance(rateNumber);
    p.setFont(l.rate);
    p.setPen(textColor);
    p.drawText(QRect(rateRow.left(), rateRow.top(), numberW + 2, rateRow.height()),
               Qt::AlignLeft | Qt::AlignVCenter, rateNumber);
    p.setFont(l.unit);
    p.setPen(c.secondaryText);
    const int unitX = rateRow.left() + numberW + static_cast<int>(std::lround(6 * s));
    const int unitW = unitFm.horizontalAdvance(rateUnit) + 2;
    p.drawText(QRect(unitX, rateRow.top(), unitW, rateRow.height()), Qt::AlignLeft | Qt::AlignVCenter,
               rateUnit);
    const int sparkLeft = unitX + unitW + static_cast<int>(std::lround(10 * s));
    const int sparkInset = std::max(3, static_cast<int>(std::lround(4 * s)));
    const QRect spark(sparkLeft, rateRow.top() + sparkInset, rateRow.right() - sparkLeft,
                      rateRow.height() - 2 * sparkInset);
    if (spark.width() > 24)
        Sparkline::paint(p, QRectF(spark), m_content.sparkline, c.secondaryText);

    // Counts.
    const QRect counts = l.countsRow;
    int x = counts.left();
    QFont countValueFont = l.base;
    countValueFont.setWeight(QFont::DemiBold);
    auto drawPair = [&](const QString &label, const QString &value) {
        p.setPen(c.secondaryText);
        p.setFont(l.base);
        const int lw = fm.horizontalAdvance(label);
        p.drawText(QRect(x, counts.top(), lw + 1, counts.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   label);
        x += lw + static_cast<int>(std::lround(6 * s));
        p.setFont(countValueFont);
        p.setPen(textColor);
        const int vw = QFontMetrics(countValueFont).horizontalAdvance(value);
        p.drawText(QRect(x, counts.top(), vw + 1, counts.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   value);
        x += vw + static_cast<int>(std::lround(18 * s));
    };
    drawPair(tr("Good"), countText(m_content.goodCount));
    drawPair(tr("Reject"), countText(m_content.rejectCount));

    // Key process values: label left, value right-aligned in one column, unit lighter after it.
    if (!l.valueRows.empty()) {
        // A hairline separates the production figures above from the process values.
        p.setPen(QPen(c.background, 1));
        const int sepY = l.valuesArea.top() - static_cast<int>(std::lround(4 * s));
        p.drawLine(l.inner.left(), sepY, l.inner.right(), sepY);

        const QFontMetrics valueFm(l.value);
        const QString warn = QStringLiteral("⚠ ");
        int unitColW = 0;
        int valueColW = 0;
        for (int i = 0; i < static_cast<int>(l.valueRows.size()); ++i) {
            const MachineTileValue &v = m_content.values[i];
            unitColW = std::max(unitColW, unitFm.horizontalAdvance(v.unit));
            const QString shown = isGood(v.quality) ? v.valueText : warn % v.valueText;
            valueColW = std::max(valueColW, valueFm.horizontalAdvance(shown));
        }
        const int gap = static_cast<int>(std::lround(5 * s));
        // On a wide tile the values stay near their labels: an eye jump across half the screen
        // to find "62.8" on the "Motor temp" row is how rows get mixed up.
        const int blockW = std::min(l.inner.width(),
                                    static_cast<int>((minimumSizeHint().width() - 2 * kPad) * s * 1.15));
        const int blockRight = l.inner.left() + blockW - 1;
        const int valueRight = blockRight - (unitColW > 0 ? unitColW + gap : 0);
        for (int i = 0; i < static_cast<int>(l.valueRows.size()); ++i) {
            const MachineTileValue &v = m_content.values[i];
            const QRect row = l.valueRows[std::size_t(i)];
            const bool vFlagged = !isGood(v.quality);
            const int labelW = std::max(0, valueRight - valueColW - gap - row.left());
            p.setFont(l.base);
            p.setPen(c.secondaryText);
            p.drawText(QRect(row.left(), row.top(), labelW, row.height()),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(v.label, Qt::ElideRight, labelW));
            p.setFont(l.value);
            p.setPen(vFlagged ? c.secondaryText : textColor);
            const QRect valueRect(valueRight - valueColW, row.top(), valueColW, row.height());
            p.drawText(valueRect, Qt::AlignRight | Qt::AlignVCenter,
                       vFlagged ? warn % v.valueText : v.valueText);
            p.setFont(l.unit);
            p.setPen(c.secondaryText);
            p.drawText(QRect(valueRight + gap, row.top(), unitColW + 1, row.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, v.unit);
            if (isBad(v.quality) && !bad) {
                QColor hatch = c.hatch;
                hatch.setAlpha(110);
                p.fillRect(valueRect, QBrush(hatch, Qt::BDiagPattern));
            }
        }
    }

    // Stale / bad: hatch over everything that shows a value, so nobody reads it as live.
    if (bad) {
        QColor hatch = c.hatch;
        hatch.setAlpha(110);
        p.fillRect(QRect(bar.topLeft(), l.inner.bottomRight()), QBrush(hatch, Qt::BDiagPattern));
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

QMenu *MachineTile::createTrendMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("tileTrendMenu"));
    QStringList all;
    auto add = [this, menu, &all](const QString &label, const QString &path) {
        if (path.isEmpty())
            return;
        all << path;
        QAction *a = menu->addAction(tr("Trend %1").arg(label));
        a->setData(path);
        connect(a, &QAction::triggered, this, [this, path] { emit trendRequested({path}); });
    };
    add(tr("rate"), m_content.ratePath);
    for (const MachineTileValue &v : std::as_const(m_content.values))
        add(v.label, v.path);
    if (all.size() > 1) {
        menu->addSeparator();
        QAction *a = menu->addAction(tr("Trend all values"));
        a->setData(all);
        connect(a, &QAction::triggered, this, [this, all] { emit trendRequested(all); });
    }
    return menu;
}

void MachineTile::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createTrendMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->popup(event->globalPos());
    event->accept();
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
