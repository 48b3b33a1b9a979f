#include "widgets/trend_plot.h"

#include "widgets/theme.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>
#include "widgets/plot_util.h"

#include <algorithm>
#include <cmath>

namespace andon::widgets {

namespace {

constexpr double kMsPerKey = 1000.0; // QCustomPlot's date-time keys are seconds
constexpr int kCursorGrabPx = 6;     // how close a press must be to pick up a cursor
constexpr double kWheelZoomStep = 0.85;
constexpr TimestampMs kMinViewMs = 1000;                         // 1 s
constexpr TimestampMs kMaxViewMs = 10LL * 366 * 24 * 3'600'000;  // 10 years
constexpr int kStateBandHeight = 22;
constexpr int kBandAlpha = 60;  // min-max band: the pen colour, translucent
constexpr int kLegendWrap = 4;  // legend entries per row, at most (fewer when they are long)

double keyOf(TimestampMs t)
{
    return double(t) / kMsPerKey;
}

TimestampMs msOf(double key)
{
    return TimestampMs(std::llround(key * kMsPerKey));
}

} // namespace

// The min-max band of a decimated pen: one axis-aligned rectangle per bucket, merged per pixel
// column. Drawn as rectangles instead of QCustomPlot's channel fill between two graphs, whose
// antialiased polygon cost about 10 ms per pen and replot (bench/bench_trends).
class TrendBand : public QCPAbstractPlottable
{
public:
    struct Span
    {
        double k0, k1, lo, hi; // key (s) and value range of one bucket
    };

    TrendBand(QCPAxis *keyAxis, QCPAxis *valueAxis) : QCPAbstractPlottable(keyAxis, valueAxis)
    {
        setAntialiasedFill(false); // axis-aligned rectangles on whole pixels need none
        setPen(Qt::NoPen);
    }

    std::vector<Span> spans; // time order
    QColor opaque;           // what the band is filled with (see draw())

    double selectTest(const QPointF &, bool, QVariant * = nullptr) const override { return -1; }
    QCPRange getKeyRange(bool &foundRange, QCP::SignDomain) const override
    {
        foundRange = !spans.empty();
        return foundRange ? QCPRange(spans.front().k0, spans.back().k1) : QCPRange();
    }
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain, const QCPRange &) const override
    {
        double lo = INFINITY, hi = -INFINITY;
        for (const Span &s : spans) {
            lo = std::min(lo, s.lo);
            hi = std::max(hi, s.hi);
        }
        foundRange = !spans.empty();
        return foundRange ? QCPRange(lo, hi) : QCPRange();
    }

protected:
    void draw(QCPPainter *painter) override
    {
        QCPAxis *kx = keyAxis(), *vy = valueAxis();
        if (!kx || !vy || spans.empty() || brush().style() == Qt::NoBrush)
            return;
        const QCPRange view = kx->range();
        QVector<QRectF> rects;
        rects.reserve(qsizetype(std::min<std::size_t>(spans.size(), 8192)));
        double lastRight = -INFINITY;
        for (const Span &s : spans) {
            if (s.k1 < view.lower || s.k0 > view.upper)
                continue;
            double x0 = std::round(kx->coordToPixel(s.k0));
            double x1 = std::round(kx->coordToPixel(s.k1));
            double y0 = std::round(vy->coordToPixel(s.hi));
            double y1 = std::round(vy->coordToPixel(s.lo));
            if (y1 < y0)
                std::swap(y0, y1);
            y1 = std::max(y1, y0 + 1);
            if (!rects.isEmpty() && x1 <= lastRight) {
                // Inside the column already drawn: widen that column's value range instead
                // of blending the translucent brush twice.
                QRectF &r = rects.last();
                const double top = std::min(r.top(), y0), bottom = std::max(r.bottom(), y1);
                r.setTop(top);
                r.setBottom(bottom);
                continue;
            }
            x0 = std::max(x0, lastRight);
            x1 = std::max(x1, x0 + 1);
            rects.push_back(QRectF(x0, y0, x1 - x0, y1 - y0));
            lastRight = x1;
        }
        applyFillAntialiasingHint(painter);
        painter->setPen(Qt::NoPen);
        // An opaque colour (the translucent band already blended onto the panel): the raster
        // engine fills opaque axis-aligned rectangles several times faster than it blends them
        // (bench_trends (b): ~4.8 of 7.6 ms per replot went into the 8 translucent bands).
        painter->setBrush(opaque.isValid() ? QBrush(opaque) : brush());
        painter->drawRects(rects.constData(), int(rects.size()));
    }
    void drawLegendIcon(QCPPainter *, const QRectF &) const override {}
};

// The machine-state strip under the plot, aligned with the plot's time axis.
class TrendStateStrip : public QWidget
{
public:
    explicit TrendStateStrip(TrendPlot *owner) : QWidget(owner), m_owner(owner)
    {
        setFixedHeight(kStateBandHeight);
        setObjectName(QStringLiteral("trendStateBand"));
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        const ThemeColors &c = Theme::colors();
        QPainter p(this);
        p.fillRect(rect(), c.panel);
        QCustomPlot *plot = m_owner->m_plot;
        const QRect axis = plot->axisRect()->rect();
        const int dx = plot->x() - x();
        const int left = axis.left() + dx, right = axis.right() + dx;
        const QRect band(left, 2, right - left + 1, height() - 4);
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.9);
        p.setFont(f);
        p.setPen(c.secondaryText);
        p.drawText(QRect(0, 0, left - 6, height()), Qt::AlignRight | Qt::AlignVCenter,
                   m_owner->m_stateLabel);
        p.setPen(Qt::NoPen);
        p.fillRect(band, c.background);
        p.setClipRect(band);
        for (const TrendStateSpan &s : m_owner->m_stateSpans) {
            const double x0 = plot->xAxis->coordToPixel(keyOf(s.from)) + dx;
            const double x1 = plot->xAxis->coordToPixel(keyOf(s.to)) + dx;
            if (x1 < band.left() || x0 > band.right())
                continue;
            QRectF r(QPointF(std::max<double>(x0, band.left()), band.top()),
                     QPointF(std::min<double>(x1, band.right() + 1), band.bottom() + 1));
            if (s.category == StateCategory::Down) {
                // Abnormal: outlined in the down colour (HMI-STYLE), never just a fill.
                p.fillRect(r, c.panel);
                p.setPen(QPen(c.down, 2));
                p.drawRect(r.adjusted(1, 1, -1, -1));
                p.setPen(Qt::NoPen);
            } else {
                p.fillRect(r, Theme::stateFill(s.category, c));
            }
            const QString text = s.name;
            if (r.width() > p.fontMetrics().horizontalAdvance(text) + 8) {
                p.setPen(Theme::stateLabel(s.category, c));
                p.drawText(r, Qt::AlignCenter, text);
                p.setPen(Qt::NoPen);
            }
        }
    }

private:
    TrendPlot *m_owner;
};

TrendPlot::TrendPlot(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("trendPlot"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_plot = new andon::widgets::Plot(this);
    m_plot->setObjectName(QStringLiteral("trendCustomPlot"));
    m_plot->setInteractions(QCP::Interactions()); // gestures are ours (follow mode rules)
    m_plot->setSelectionRectMode(QCP::srmNone);
    m_plot->setMinimumHeight(160);
    // M4 lines zigzag vertically at every pixel column: stroked as one polyline they cost
    // hundreds of ms per replot; as separate segments a few ms (bench/bench_trends, (b)).
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    layout->addWidget(m_plot, 1);
    // Min-max bands under every pen's line (and above the grid).
    m_plot->addLayer(QStringLiteral("trendBands"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limBelow);
    m_bandLayer = m_plot->layer(QStringLiteral("trendBands"));
    // Limit labels above every pen's line, so a later pen never covers them.
    m_plot->addLayer(QStringLiteral("trendLabels"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    m_labelLayer = m_plot->layer(QStringLiteral("trendLabels"));
    // Cursors and their readouts over everything (limit labels included).
    m_plot->addLayer(QStringLiteral("trendCursors"), m_labelLayer, QCustomPlot::limAbove);
    m_strip = new TrendStateStrip(this);
    m_strip->hide();
    layout->addWidget(m_strip);

    // Legend in its own row above the axis rect, so it never hides data.
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowSpacing(0);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(kLegendWrap);
    m_plot->legend->setMargins(QMargins(6, 4, 6, 0));

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::TimeZone);
    ticker->setTimeZone(m_zone);
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis2->setVisible(false);
    m_plot->xAxis2->setVisible(false);

    m_emptyLabel = new QLabel(tr("Pick tags on the left to trend them."), m_plot);
    m_emptyLabel->setObjectName(QStringLiteral("trendEmptyHint"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);

    connect(m_plot, &QCustomPlot::mousePress, this, &TrendPlot::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &TrendPlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &TrendPlot::onMouseRelease);
    connect(m_plot, &QCustomPlot::mouseWheel, this, &TrendPlot::onWheel);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &TrendPlot::onDoubleClick);
    // The rectangle zoom is applied by QCustomPlot after `accepted`; look at it afterwards.
    connect(m_plot->selectionRect(), &QCPSelectionRect::accepted, this,
            [this] { QTimer::singleShot(0, this, &TrendPlot::onBoxZoomed); });
    connect(m_plot, &QCustomPlot::afterReplot, m_strip, qOverload<>(&QWidget::update));

    const TimestampMs now = nowUtcMs();
    m_plot->xAxis->setRange(keyOf(now - 3'600'000), keyOf(now));
    clearAxes();
    applyTheme();
    updateTicker();
}

TrendPlot::~TrendPlot() = default;

void TrendPlot::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    if (auto t = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
        t->setTimeZone(m_zone);
    updateTicker();
    updateCursorItems();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
}

QColor TrendPlot::penColor(int i) const
{
    if (i >= 0 && i < penCount() && m_pens[std::size_t(i)].info.compareOf >= 0)
        i = m_pens[std::size_t(i)].info.compareOf; // a compared period: its pen's colour
    const auto &pens = Theme::colors().trendPens;
    return pens[std::size_t(i) % pens.size()];
}

QCPAxis *TrendPlot::valueAxis(int pen) const
{
    return m_pens.at(std::size_t(pen)).axis;
}

void TrendPlot::clearAxes()
{
    m_plot->clearItems();
    m_plot->clearPlottables();
    m_cursorLines = {nullptr, nullptr};
    m_cursorLabels = {nullptr, nullptr};
    m_deltaLabel = nullptr;
    QCPAxisRect *rect = m_plot->axisRect();
    for (QCPAxis *a : m_valueAxes) {
        if (a != m_plot->yAxis && a != m_plot->yAxis2)
            rect->removeAxis(a);
    }
    m_valueAxes.clear();
    m_axisUnits.clear();
    m_plot->yAxis2->setVisible(false);
    // Cursors are items over the whole height: recreated with the axes.
    for (std::size_t i = 0; i < 2; ++i) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->setObjectName(QStringLiteral("trendCursor%1").arg(i + 1));
        line->setVisible(false);
        line->setSelectable(false);
        line->setLayer(QStringLiteral("trendCursors"));
        m_cursorLines[i] = line;
        auto *label = new QCPItemText(m_plot);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setAxisRect(rect);
        label->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
        label->setPadding(QMargins(4, 2, 4, 2));
        label->setVisible(false);
        label->setSelectable(false);
        label->setLayer(QStringLiteral("trendCursors"));
        m_cursorLabels[i] = label;
    }
    m_deltaLabel = new QCPItemText(m_plot);
    m_deltaLabel->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_deltaLabel->position->setAxisRect(rect);
    m_deltaLabel->position->setCoords(1.0, 0.0);
    m_deltaLabel->setPositionAlignment(Qt::AlignTop | Qt::AlignRight);
    m_deltaLabel->setPadding(QMargins(6, 3, 6, 3));
    m_deltaLabel->setVisible(false);
    m_deltaLabel->setSelectable(false);
    m_deltaLabel->setLayer(QStringLiteral("trendCursors"));
}

void TrendPlot::setPens(const std::vector<TrendPenInfo> &pens)
{
    m_pens.clear();
    clearAxes();
    QCPAxisRect *rect = m_plot->axisRect();
    for (const TrendPenInfo &info : pens) {
        Pen p;
        p.info = info;
        int axisIndex = int(m_axisUnits.indexOf(info.unit));
        if (axisIndex < 0) {
            // Units alternate left/right: the first two share the standard axes.
            const int n = int(m_valueAxes.size());
            QCPAxis *axis = n == 0 ? m_plot->yAxis
                    : n == 1       ? m_plot->yAxis2
                                   : rect->addAxis(n % 2 == 0 ? QCPAxis::atLeft : QCPAxis::atRight);
            axis->setVisible(true);
            axis->setLabel(info.unit.isEmpty() ? tr("value") : info.unit);
            m_valueAxes.push_back(axis);
            m_axisUnits << info.unit;
            axisIndex = n;
        }
        p.axis = m_valueAxes[std::size_t(axisIndex)];
        p.band = new TrendBand(m_plot->xAxis, p.axis);
        p.band->setLayer(m_bandLayer);
        p.band->removeFromLegend();
        p.doubt = m_plot->addGraph(m_plot->xAxis, p.axis);
        p.good = m_plot->addGraph(m_plot->xAxis, p.axis);
        p.good->setName(info.unit.isEmpty() ? info.label
                                            : tr("%1 [%2]").arg(info.label, info.unit));
        p.doubt->removeFromLegend();
        createLimitItems(p, int(m_pens.size()));
        m_pens.push_back(std::move(p));
    }
    QList<QCPAxis *> vertical;
    for (QCPAxis *a : m_valueAxes)
        vertical << a;
    rect->setRangeZoomAxes(QList<QCPAxis *>{m_plot->xAxis}, vertical);
    m_emptyLabel->setVisible(m_pens.empty());
    m_valueAutoscale = true;
    updateLegendWrap();
    applyTheme();
    for (int i = 0; i < penCount(); ++i)
        renderPen(i);
    rescaleValueAxes();
    updateCursorItems();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
}

void TrendPlot::createLimitItems(Pen &p, int index)
{
    // Alarm labels of different pens start at different places along the time axis, so two
    // limits at about the same height (two units, two axes) do not cover each other.
    const double alarmLabelX = 0.17 * (index % 5);
    QCPAxisRect *rect = m_plot->axisRect();
    for (const TrendLimit &l : p.info.limits) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->setObjectName(l.color.isValid() ? QStringLiteral("trendAlarmLimit")
                                              : QStringLiteral("trendSpecLimit"));
        line->point1->setAxes(m_plot->xAxis, p.axis);
        line->point2->setAxes(m_plot->xAxis, p.axis);
        line->point1->setCoords(0, l.value);
        line->point2->setCoords(1, l.value);
        line->setSelectable(false);
        p.limitLines.push_back(line);
        auto *text = new QCPItemText(m_plot);
        text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        text->position->setTypeY(QCPItemPosition::ptPlotCoords);
        text->position->setAxisRect(rect);
        text->position->setAxes(m_plot->xAxis, p.axis);
        text->position->setCoords(l.color.isValid() ? alarmLabelX : 1.0, l.value);
        // Alarm labels on the left, spec labels on the right: they never sit on each other.
        text->setPositionAlignment((l.color.isValid() ? Qt::AlignLeft : Qt::AlignRight)
                                   | Qt::AlignBottom);
        text->setText(l.color.isValid()
                              ? l.label
                              : tr("%1 %2").arg(l.label,
                                                QString::number(l.value, 'f', p.info.decimals)));
        text->setSelectable(false);
        text->setLayer(m_labelLayer);
        p.limitLabels.push_back(text);
    }
}

void TrendPlot::setPenLimits(int pen, std::vector<TrendLimit> limits)
{
    if (pen < 0 || pen >= penCount())
        return;
    Pen &p = m_pens[std::size_t(pen)];
    for (QCPItemStraightLine *l : p.limitLines)
        m_plot->removeItem(l);
    for (QCPItemText *t : p.limitLabels)
        m_plot->removeItem(t);
    p.limitLines.clear();
    p.limitLabels.clear();
    p.info.limits = std::move(limits);
    createLimitItems(p, pen);
    applyTheme();
    rescaleValueAxes();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
}

void TrendPlot::setPenData(int pen, analytics::TrendSeries series)
{
    if (pen < 0 || pen >= penCount())
        return;
    m_pens[std::size_t(pen)].series = std::move(series);
    renderPen(pen);
    rescaleValueAxes();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
}

void TrendPlot::appendSamples(int pen, const std::vector<Sample> &samples)
{
    if (pen < 0 || pen >= penCount() || samples.empty())
        return;
    analytics::TrendSeries &s = m_pens[std::size_t(pen)].series;
    for (const Sample &x : samples)
        s.addSample(x.t_ms, x.value, x.q);
    renderPen(pen);
    rescaleValueAxes();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
}

const analytics::TrendSeries &TrendPlot::penData(int pen) const
{
    return m_pens.at(std::size_t(pen)).series;
}

const std::vector<analytics::TrendPoint> &TrendPlot::penLine(int pen) const
{
    return m_pens.at(std::size_t(pen)).line;
}

void TrendPlot::renderPen(int i)
{
    Pen &p = m_pens[std::size_t(i)];
    const TimestampMs gapMs = analytics::trendGapMs(p.series, p.info.staleAfterMs);
    p.line = analytics::trendPolyline(p.series, gapMs);
    const auto &L = p.line;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVector<QCPGraphData> good, doubt;
    good.reserve(int(L.size()));
    auto finite = [&L](std::size_t k) { return !std::isnan(L[k].value); };
    // Segment k joins vertex k and k+1; it is doubtful when either end is.
    auto segment = [&](std::size_t k, bool wantDoubt) {
        return k + 1 < L.size() && finite(k) && finite(k + 1)
                && (L[k].doubtful || L[k + 1].doubtful) == wantDoubt;
    };
    auto put = [&](QVector<QCPGraphData> &out, std::size_t k, bool wantDoubt) {
        const bool before = k > 0 && segment(k - 1, wantDoubt);
        const bool after = segment(k, wantDoubt);
        if (!before && !after)
            return;
        if (!before && !out.isEmpty() && !std::isnan(out.back().value))
            out.push_back({keyOf(L[k].t), nan}); // break: the previous piece ended elsewhere
        out.push_back({keyOf(L[k].t), L[k].value});
    };
    for (std::size_t k = 0; k < L.size(); ++k) {
        if (!finite(k))
            continue;
        put(good, k, false);
        put(doubt, k, true);
    }
    p.good->data()->set(good, true);
    p.doubt->data()->set(doubt, true);

    // The min-max band where the data is decimated (on average at least two samples per
    // bucket): at about one sample per pixel it would only add noise to the line.
    std::vector<TrendBand::Span> spans;
    std::int64_t samples = 0;
    for (const analytics::TrendBucket &b : p.series.buckets)
        samples += b.count;
    const bool decimated = !p.series.buckets.empty()
            && samples >= 2 * std::int64_t(p.series.buckets.size());
    const auto &B = p.series.buckets;
    for (std::size_t k = 0; decimated && k < B.size(); ++k) {
        const analytics::TrendBucket &b = B[k];
        if (b.count < 2)
            continue;
        // Within a run of neighbouring buckets the band reaches to the next one's first
        // sample, so it has no hairline gaps when zoomed in; a gap in the data ends it.
        TimestampMs end = b.tLast;
        if (k + 1 < B.size()) {
            const analytics::TrendBucket &n = B[k + 1];
            if (n.count >= 2 && n.start == b.start + p.series.bucketMs
                && n.tFirst - b.tLast <= gapMs)
                end = n.tFirst;
        }
        spans.push_back({keyOf(b.tFirst), keyOf(end), b.min, b.max});
    }
    p.band->spans = std::move(spans);
    if (p.dense != decimated) {
        p.dense = decimated;
        QPen pen = p.good->pen();
        pen.setWidthF(lineWidth(p));
        p.good->setPen(pen);
        // A decimated line is 1 px of vertical zigzag per pixel column: antialiasing adds
        // nothing visible there but costs ~0.1 ms per pen and replot (bench_trends (b)).
        p.good->setAntialiased(!decimated);
    }
}

double TrendPlot::lineWidth(const Pen &p)
{
    // A decimated line zigzags through every pixel column (M4) and its band gives it weight:
    // 1 px, which the raster engine draws on its fast path (a 1.6 px antialiased stroke cost
    // ~4x more per replot, bench/bench_trends (b)). Sparse lines: 1.6 px for legibility.
    if (p.dense)
        return 1.0;
    return p.info.compareOf >= 0 ? 1.4 : 1.6;
}

void TrendPlot::applyTheme()
{
    const ThemeColors &c = Theme::colors();
    m_plot->setBackground(c.panel);
    m_plot->axisRect()->setBackground(c.panel);
    QFont tickFont = font();
    QFont labelFont = font();
    const QPen axisPen(c.secondaryText, 1);
    QColor grid = c.dark ? QColor(0x44, 0x44, 0x44) : QColor(0xDA, 0xDA, 0xDA);
    QList<QCPAxis *> axes{m_plot->xAxis};
    for (QCPAxis *a : m_valueAxes)
        axes << a;
    if (!axes.contains(m_plot->yAxis))
        axes << m_plot->yAxis;
    if (!axes.contains(m_plot->yAxis2))
        axes << m_plot->yAxis2;
    for (QCPAxis *a : axes) {
        a->setBasePen(axisPen);
        a->setTickPen(axisPen);
        a->setSubTickPen(axisPen);
        a->setTickLabelColor(c.secondaryText);
        a->setLabelColor(c.secondaryText);
        a->setTickLabelFont(tickFont);
        a->setLabelFont(labelFont);
        a->grid()->setPen(QPen(grid, 1, Qt::SolidLine));
        a->grid()->setZeroLinePen(Qt::NoPen);
        a->grid()->setSubGridVisible(false);
    }
    // Only the first value axis draws a grid; the others would cross it at other values.
    for (std::size_t i = 0; i < m_valueAxes.size(); ++i)
        m_valueAxes[i]->grid()->setVisible(i == 0);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setTextColor(c.text);
    m_plot->legend->setFont(font());
    for (std::size_t i = 0; i < m_pens.size(); ++i) {
        Pen &p = m_pens[i];
        const QColor color = penColor(int(i));
        const bool compared = p.info.compareOf >= 0;
        // A compared period is dashed in its pen's colour (doubtful data stays grey dashed,
        // dotted when compared), without a band so the current period stays in front.
        QPen line(color, lineWidth(p), compared ? Qt::DashLine : Qt::SolidLine);
        if (compared)
            line.setDashPattern({5, 3});
        p.good->setPen(line);
        QPen dashed(c.secondaryText, 1.4, compared ? Qt::DotLine : Qt::DashLine);
        p.doubt->setPen(dashed);
        QColor band = color;
        band.setAlpha(kBandAlpha);
        p.band->setBrush(compared ? QBrush(Qt::NoBrush) : QBrush(band));
        // The same colour, opaque: the band over the panel. Bands are on their own layer
        // under every line, so an opaque band never hides another pen's line.
        const double a = kBandAlpha / 255.0;
        p.band->opaque = QColor::fromRgbF(
                float(color.redF() * a + c.panel.redF() * (1 - a)),
                float(color.greenF() * a + c.panel.greenF() * (1 - a)),
                float(color.blueF() * a + c.panel.blueF() * (1 - a)));
        for (std::size_t k = 0; k < p.limitLines.size() && k < p.info.limits.size(); ++k) {
            const QColor alarm = p.info.limits[k].color;
            p.limitLines[k]->setPen(alarm.isValid() ? QPen(alarm, 1.5, Qt::DashLine)
                                                    : QPen(color, 1, Qt::DashDotLine));
            // Alarm labels: normal text colour (yellow text on grey would be unreadable);
            // the line and the shape in the label carry the priority.
            p.limitLabels[k]->setColor(alarm.isValid() ? c.text : c.secondaryText);
            p.limitLabels[k]->setFont(font());
            if (alarm.isValid()) {
                // On the panel colour, so dense lines under it never make it unreadable.
                p.limitLabels[k]->setBrush(c.panel);
                p.limitLabels[k]->setPadding(QMargins(2, 0, 4, 1));
            }
        }
        // An axis with a single pen takes that pen's colour for its label: which is which.
        int onAxis = 0;
        for (const Pen &q : m_pens)
            onAxis += q.axis == p.axis && q.info.compareOf < 0 ? 1 : 0;
        p.axis->setLabelColor(onAxis == 1 ? color : c.secondaryText);
    }
    const QPen cursorPen(c.text, 1, Qt::SolidLine);
    for (std::size_t i = 0; i < 2; ++i) {
        if (m_cursorLines[i])
            m_cursorLines[i]->setPen(cursorPen);
        if (m_cursorLabels[i]) {
            m_cursorLabels[i]->setColor(c.text);
            m_cursorLabels[i]->setBrush(c.panel);
            m_cursorLabels[i]->setPen(QPen(c.secondaryText));
            m_cursorLabels[i]->setFont(font());
        }
    }
    if (m_deltaLabel) {
        m_deltaLabel->setColor(c.text);
        m_deltaLabel->setBrush(c.panel);
        m_deltaLabel->setPen(QPen(c.secondaryText));
        m_deltaLabel->setFont(font());
    }
    m_plot->selectionRect()->setPen(QPen(c.text, 1, Qt::DashLine));
    QColor fill = c.secondaryText;
    fill.setAlpha(40);
    m_plot->selectionRect()->setBrush(fill);
    QPalette pal = m_emptyLabel->palette();
    pal.setColor(QPalette::WindowText, c.secondaryText);
    m_emptyLabel->setPalette(pal);
    m_strip->update();
}

void TrendPlot::rescaleValueAxes()
{
    if (!m_valueAutoscale)
        return;
    const TimestampMs from = viewFrom(), to = viewTo();
    for (QCPAxis *axis : m_valueAxes) {
        double lo = INFINITY, hi = -INFINITY;
        for (const Pen &p : m_pens) {
            if (p.axis != axis)
                continue;
            for (const analytics::TrendBucket &b : p.series.buckets) {
                if (b.count == 0 || b.tLast < from || b.tFirst > to)
                    continue;
                lo = std::min(lo, b.min);
                hi = std::max(hi, b.max);
            }
            for (const TrendLimit &l : p.info.limits) {
                lo = std::min(lo, l.value);
                hi = std::max(hi, l.value);
            }
        }
        if (!std::isfinite(lo) || !std::isfinite(hi)) {
            axis->setRange(0, 1);
            continue;
        }
        // A flat line sits mid-height; otherwise 6 % head room above and below.
        double pad = (hi - lo) * 0.06;
        if (pad <= 0)
            pad = std::max(1.0, std::abs(hi) * 0.05);
        axis->setRange(lo - pad, hi + pad);
    }
}

void TrendPlot::autoscaleValues()
{
    m_valueAutoscale = true;
    rescaleValueAxes();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
}

void TrendPlot::updateTicker()
{
    auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (!ticker)
        return;
    const TimestampMs span = viewTo() - viewFrom();
    QString format;
    if (span <= 3 * 60'000)
        format = QStringLiteral("HH:mm:ss");
    else if (span <= 36 * 3'600'000)
        format = QStringLiteral("HH:mm");
    else if (span <= 10LL * 24 * 3'600'000)
        format = QStringLiteral("ddd HH:mm");
    else
        format = QStringLiteral("dd.MM.");
    ticker->setDateTimeFormat(format);
    // Room for the labels: about one tick per 110 px.
    ticker->setTickCount(std::max(2, plotAreaWidth() / 110));
}

void TrendPlot::setStateBand(const QString &label, std::vector<TrendStateSpan> spans)
{
    m_stateLabel = label;
    m_stateSpans = std::move(spans);
    m_strip->setVisible(!label.isEmpty());
    m_strip->update();
}

bool TrendPlot::stateBandVisible() const
{
    return !m_strip->isHidden();
}

void TrendPlot::setViewRange(TimestampMs from, TimestampMs to)
{
    setViewInternal(keyOf(from), keyOf(to), false);
}

TimestampMs TrendPlot::viewFrom() const
{
    return msOf(m_plot->xAxis->range().lower);
}

TimestampMs TrendPlot::viewTo() const
{
    return msOf(m_plot->xAxis->range().upper);
}

void TrendPlot::setViewInternal(double fromKey, double toKey, bool byUser)
{
    double width = std::clamp(toKey - fromKey, keyOf(kMinViewMs), keyOf(kMaxViewMs));
    if (toKey - fromKey != width) {
        const double mid = (fromKey + toKey) / 2;
        fromKey = mid - width / 2;
        toKey = mid + width / 2;
    }
    m_plot->xAxis->setRange(fromKey, toKey);
    updateTicker();
    rescaleValueAxes();
    updateCursorItems();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
    m_strip->update();
    if (byUser)
        emit viewChangedByUser(msOf(fromKey), msOf(toKey));
}

void TrendPlot::setFollowLive(bool follow)
{
    if (m_follow == follow)
        return;
    m_follow = follow;
    if (m_follow && m_liveEdge > 0) {
        const TimestampMs width = viewTo() - viewFrom();
        setViewInternal(keyOf(m_liveEdge - width), keyOf(m_liveEdge), false);
    }
    emit followLiveChanged(m_follow);
}

void TrendPlot::setLiveEdge(TimestampMs now)
{
    m_liveEdge = now;
    if (!m_follow)
        return;
    const TimestampMs width = viewTo() - viewFrom();
    setViewInternal(keyOf(now - width), keyOf(now), false);
}

void TrendPlot::setCursorsVisible(bool visible)
{
    m_cursorsVisible = visible;
    if (visible) {
        const TimestampMs from = viewFrom(), to = viewTo();
        auto inside = [&](TimestampMs t) { return t > from && t < to; };
        if (!inside(m_cursorT[0]) || !inside(m_cursorT[1])) {
            m_cursorT[0] = from + (to - from) / 3;
            m_cursorT[1] = from + (to - from) * 2 / 3;
        }
    }
    updateCursorItems();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
    emit cursorsChanged();
}

void TrendPlot::setCursorTime(int which, TimestampMs t)
{
    m_cursorT[std::size_t(which & 1)] = t;
    updateCursorItems();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
    emit cursorsChanged();
}

double TrendPlot::valueAtCursor(int pen, int which) const
{
    if (pen < 0 || pen >= penCount())
        return std::numeric_limits<double>::quiet_NaN();
    return analytics::trendValueAt(m_pens[std::size_t(pen)].line, cursorTime(which));
}

TimestampMs TrendPlot::statsFrom() const
{
    return m_cursorsVisible ? std::min(m_cursorT[0], m_cursorT[1]) : viewFrom();
}

TimestampMs TrendPlot::statsTo() const
{
    return m_cursorsVisible ? std::max(m_cursorT[0], m_cursorT[1]) : viewTo();
}

analytics::TrendRangeStats TrendPlot::rangeStats(int pen) const
{
    if (pen < 0 || pen >= penCount())
        return {};
    const Pen &p = m_pens[std::size_t(pen)];
    return analytics::trendRangeStats(p.line, statsFrom(), statsTo(), p.info.statsLimit);
}

void TrendPlot::updateCursorItems()
{
    for (std::size_t i = 0; i < 2; ++i) {
        if (!m_cursorLines[i])
            continue;
        const double x = keyOf(m_cursorT[i]);
        m_cursorLines[i]->point1->setCoords(x, 0);
        m_cursorLines[i]->point2->setCoords(x, 1);
        m_cursorLines[i]->setVisible(m_cursorsVisible);
        m_cursorLabels[i]->position->setCoords(x, 0.0);
        m_cursorLabels[i]->setText(tr("C%1 %2").arg(i + 1).arg(formatTime(m_cursorT[i])));
        m_cursorLabels[i]->setVisible(m_cursorsVisible);
    }
    if (m_deltaLabel) {
        m_deltaLabel->setText(tr("Δt %1").arg(formatDuration(m_cursorT[1] - m_cursorT[0])));
        m_deltaLabel->setVisible(m_cursorsVisible);
    }
}

QString TrendPlot::formatTime(TimestampMs t, bool withDate) const
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(t, m_zone);
    return dt.toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("HH:mm:ss"));
}

QString TrendPlot::formatDuration(TimestampMs ms)
{
    const bool negative = ms < 0;
    TimestampMs s = std::llabs(ms) / 1000;
    const TimestampMs days = s / 86'400;
    s %= 86'400;
    QString text = QStringLiteral("%1:%2:%3")
                       .arg(s / 3600, 2, 10, QLatin1Char('0'))
                       .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                       .arg(s % 60, 2, 10, QLatin1Char('0'));
    if (days > 0)
        text = tr("%1 d %2").arg(days).arg(text);
    return negative ? QStringLiteral("−") + text : text;
}

int TrendPlot::plotAreaWidth() const
{
    return std::max(1, m_plot->axisRect()->width());
}

double TrendPlot::pixelOfTime(TimestampMs t) const
{
    return m_plot->xAxis->coordToPixel(keyOf(t));
}

TimestampMs TrendPlot::timeOfPixel(double x) const
{
    return msOf(m_plot->xAxis->pixelToCoord(x));
}

void TrendPlot::setBoxZoomMode(bool on)
{
    if (m_boxZoom == on)
        return;
    m_boxZoom = on;
    emit boxZoomModeChanged(on);
}

void TrendPlot::onMousePress(QMouseEvent *event)
{
    m_drag = Drag::None;
    // QCustomPlot reads the mode right after this signal: set it for this gesture.
    m_plot->setSelectionRectMode(QCP::srmNone);
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = event->pos();
    m_pressFromKey = m_plot->xAxis->range().lower;
    m_pressToKey = m_plot->xAxis->range().upper;
    if (m_cursorsVisible) {
        for (int i = 0; i < 2; ++i) {
            if (std::abs(pixelOfTime(m_cursorT[std::size_t(i)]) - event->pos().x()) <= kCursorGrabPx) {
                m_drag = i == 0 ? Drag::Cursor0 : Drag::Cursor1;
                return;
            }
        }
    }
    if (!m_plot->axisRect()->rect().contains(event->pos()))
        return;
    if (m_boxZoom || event->modifiers().testFlag(Qt::ShiftModifier)) {
        m_drag = Drag::Box;
        m_plot->setSelectionRectMode(QCP::srmZoom);
        return;
    }
    m_drag = Drag::Pan;
    m_plot->setCursor(Qt::ClosedHandCursor);
}

void TrendPlot::onMouseMove(QMouseEvent *event)
{
    switch (m_drag) {
    case Drag::Cursor0:
    case Drag::Cursor1:
        setCursorTime(m_drag == Drag::Cursor0 ? 0 : 1, timeOfPixel(event->pos().x()));
        return;
    case Drag::Pan: {
        const double keysPerPixel = (m_pressToKey - m_pressFromKey) / plotAreaWidth();
        const double delta = (m_pressPos.x() - event->pos().x()) * keysPerPixel;
        setViewInternal(m_pressFromKey + delta, m_pressToKey + delta, true);
        // Panning back in time leaves live follow; the view stays where the user put it.
        if (m_follow && msOf(m_pressToKey + delta) < m_liveEdge - 500)
            setFollowLive(false);
        return;
    }
    default:
        break;
    }
    if (m_cursorsVisible) {
        bool near = false;
        for (TimestampMs t : m_cursorT)
            near = near || std::abs(pixelOfTime(t) - event->pos().x()) <= kCursorGrabPx;
        m_plot->setCursor(near ? Qt::SizeHorCursor : Qt::ArrowCursor);
    }
}

void TrendPlot::onMouseRelease(QMouseEvent *)
{
    if (m_drag == Drag::Pan)
        m_plot->setCursor(Qt::ArrowCursor);
    m_drag = Drag::None;
}

void TrendPlot::onBoxZoomed()
{
    // QCustomPlot zoomed the time and value axes to the rectangle: keep that value zoom.
    m_valueAutoscale = false;
    const TimestampMs to = viewTo();
    if (m_follow && to < m_liveEdge - 500)
        setFollowLive(false);
    updateTicker();
    updateCursorItems();
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
    m_strip->update();
    emit viewChangedByUser(viewFrom(), to);
}

void TrendPlot::onWheel(QWheelEvent *event)
{
    event->accept();
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    const double factor = std::pow(kWheelZoomStep, steps);
    if (event->modifiers().testFlag(Qt::ControlModifier)) {
        m_valueAutoscale = false;
        for (QCPAxis *a : m_valueAxes)
            a->scaleRange(factor, a->pixelToCoord(event->position().y()));
        andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
        return;
    }
    const QCPRange r = m_plot->xAxis->range();
    // In live follow the right edge stays on "now": zoom changes the width, not the end.
    const double anchor = m_follow ? r.upper : m_plot->xAxis->pixelToCoord(event->position().x());
    setViewInternal(anchor - (anchor - r.lower) * factor, anchor + (r.upper - anchor) * factor, true);
}

void TrendPlot::onDoubleClick(QMouseEvent *)
{
    autoscaleValues();
}

QPixmap TrendPlot::renderImage()
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return grab();
}

bool TrendPlot::savePng(const QString &path)
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return m_plot->savePng(path, m_plot->width(), m_plot->height());
}

bool TrendPlot::savePdf(const QString &path)
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return m_plot->savePdf(path, m_plot->width(), m_plot->height());
}

void TrendPlot::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyTheme();
        andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
    }
}

void TrendPlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_emptyLabel->setGeometry(m_plot->rect());
    updateTicker();
    updateLegendWrap();
}

void TrendPlot::updateLegendWrap()
{
    // As many entries per row as fit the width (long compared-pen names need fewer), so no
    // legend text is clipped; columns are as wide as their widest entry.
    QCPLegend *legend = m_plot->legend;
    const int n = legend->itemCount();
    const int available = m_plot->width() - 12;
    const QFontMetrics fm(legend->font());
    std::vector<int> widths;
    for (int i = 0; i < n; ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i));
        const QString text = item ? item->plottable()->name() : QString();
        widths.push_back(fm.horizontalAdvance(text) + legend->iconSize().width()
                         + legend->iconTextPadding() + 20);
    }
    int wrap = 1;
    for (int k = std::min(kLegendWrap, std::max(1, n)); k > 1; --k) {
        int total = 0;
        for (int c = 0; c < k; ++c) {
            int widest = 0;
            for (int i = c; i < n; i += k)
                widest = std::max(widest, widths[std::size_t(i)]);
            total += widest;
        }
        if (total <= available) {
            wrap = k;
            break;
        }
    }
    if (legend->wrap() != wrap) {
        legend->setWrap(wrap);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true); // re-flows the entries
        andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
    }
}

} // namespace andon::widgets
