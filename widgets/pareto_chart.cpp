#include "widgets/pareto_chart.h"

#include "widgets/theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace andon::widgets {

ParetoChart::ParetoChart(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_chart = new QChart();
    m_chart->legend()->setVisible(false);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing, true);
    m_view->setMinimumHeight(160);
    layout->addWidget(m_view);
    rebuild();
}

void ParetoChart::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

void ParetoChart::setValueLabels(
    const QString &series, const QString &axisTitle, const QString &empty)
{
    m_seriesName = series;
    m_axisTitle = axisTitle;
    m_emptyText = empty;
    rebuild();
}

QStringList ParetoChart::categories() const
{
    return m_categories;
}

void ParetoChart::setItems(std::vector<ParetoItem> items, int maxBars)
{
    items.erase(std::remove_if(items.begin(), items.end(),
                               [](const ParetoItem &i) { return !(i.value > 0); }),
                items.end());
    std::stable_sort(items.begin(), items.end(),
                     [](const ParetoItem &a, const ParetoItem &b) { return a.value > b.value; });
    if (maxBars > 1 && int(items.size()) > maxBars) {
        ParetoItem other{tr("Other"), 0};
        for (std::size_t i = std::size_t(maxBars - 1); i < items.size(); ++i)
            other.value += items[i].value;
        items.resize(std::size_t(maxBars - 1));
        items.push_back(other);
    }
    if (items == m_items)
        return;
    m_items = std::move(items);
    rebuild();
}

void ParetoChart::rebuild()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_categories.clear();
    m_values.clear();
    m_cumulative.clear();

    double total = 0;
    for (const ParetoItem &i : m_items)
        total += i.value;
    auto *set = new QBarSet(m_seriesName.isEmpty() ? tr("Minutes") : m_seriesName);
    auto *line = new QLineSeries();
    auto *points = new QScatterSeries();
    double running = 0;
    for (std::size_t k = 0; k < m_items.size(); ++k) {
        m_categories << m_items[k].label;
        m_values.push_back(m_items[k].value);
        *set << m_items[k].value;
        running += m_items[k].value;
        const double pct = total > 0 ? 100.0 * running / total : 0.0;
        m_cumulative.push_back(pct);
        line->append(double(k), pct);
        points->append(double(k), pct);
    }
    auto *bars = new QBarSeries();
    bars->append(set);
    bars->setBarWidth(0.6);
    m_chart->addSeries(bars);
    m_chart->addSeries(line);
    m_chart->addSeries(points);

    auto *x = new QBarCategoryAxis();
    x->append(m_categories.isEmpty()
            ? QStringList{m_emptyText.isEmpty() ? tr("no stops") : m_emptyText}
            : m_categories);
    auto *y = new QValueAxis();
    double top = 0;
    for (double v : m_values)
        top = std::max(top, v);
    // Ticks on a 1-2-5 step (at least 1: the labels are whole numbers), about four of them,
    // with ~10 % headroom above the tallest bar: 0, 20, 40, 60, 80 rather than 0, 16, 31, 47, 62.
    const double wanted = std::max(top * 1.1, 1.0) / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(wanted)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        step = m * magnitude;
        if (step >= wanted)
            break;
    }
    step = std::max(step, 1.0);
    y->setRange(0, step * std::ceil(std::max(top * 1.1, 1.0) / step));
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(step);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(m_axisTitle.isEmpty() ? tr("min") : m_axisTitle);
    auto *pct = new QValueAxis();
    // A little headroom so the 100 % point is not cut by the plot area; ticks every 25 %.
    pct->setRange(0, 105);
    pct->setTickType(QValueAxis::TicksDynamic);
    pct->setTickAnchor(0);
    pct->setTickInterval(25);
    pct->setLabelFormat(QStringLiteral("%.0f %%"));
    pct->setGridLineVisible(false); // one grid only: the minutes axis's
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    m_chart->addAxis(pct, Qt::AlignRight);
    bars->attachAxis(x);
    bars->attachAxis(y);
    for (QXYSeries *s : {static_cast<QXYSeries *>(line), static_cast<QXYSeries *>(points)}) {
        s->attachAxis(x);
        s->attachAxis(pct);
    }
    applyTheme();
}

void ParetoChart::applyTheme()
{
    const ThemeColors &c = Theme::colors();
    m_chart->setBackgroundBrush(c.panel);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(c.text);
    m_view->setBackgroundBrush(c.panel);
    const QColor grid = c.dark ? QColor(0x44, 0x44, 0x44) : QColor(0xD6, 0xD6, 0xD6);
    for (QAbstractAxis *axis : m_chart->axes()) {
        axis->setLabelsBrush(c.text);
        axis->setTitleBrush(c.secondaryText);
        axis->setLinePen(QPen(c.secondaryText, 1));
        axis->setGridLinePen(QPen(grid, 1)); // (the % axis keeps its grid hidden)
        axis->setShadesVisible(false);
    }
    for (QAbstractSeries *s : m_chart->series()) {
        if (auto *bars = qobject_cast<QBarSeries *>(s)) {
            for (QBarSet *set : bars->barSets()) {
                set->setColor(c.dark ? c.running.darker(130) : c.idle);
                set->setBorderColor(c.secondaryText);
            }
        } else if (auto *scatter = qobject_cast<QScatterSeries *>(s)) {
            scatter->setColor(c.text);
            scatter->setBorderColor(c.text);
            scatter->setMarkerSize(7);
        } else if (auto *line = qobject_cast<QLineSeries *>(s)) {
            line->setPen(QPen(c.text, 2));
        }
    }
}

void ParetoChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace andon::widgets
