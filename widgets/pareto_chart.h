// A downtime Pareto (Qt Charts): bars of minutes by reason, largest first, and the cumulative
// percentage as a line on a second axis. Grey like every normal element (HMI-STYLE.md).
// Owned by its page (ui/oee_page).
#pragma once

#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace andon::widgets {

struct ParetoItem
{
    QString label;
    double value = 0; // minutes
    bool operator==(const ParetoItem &o) const = default;
};

class ParetoChart : public QWidget
{
    Q_OBJECT
public:
    explicit ParetoChart(QWidget *parent = nullptr);

    // Shows `items` sorted by value (largest first); at most `maxBars` bars, the rest summed
    // into one "Other" bar. Does nothing when they did not change.
    void setItems(std::vector<ParetoItem> items, int maxBars = 8);
    void setTitle(const QString &title);
    // What the bars count (default: downtime minutes): the bar set's name, the value axis
    // title and the category shown when there is nothing ("Defects", "count", "no defects").
    void setValueLabels(const QString &series, const QString &axisTitle, const QString &empty);
    // What is shown, in bar order (tests).
    QStringList categories() const;
    std::vector<double> values() const { return m_values; }
    std::vector<double> cumulativePercent() const { return m_cumulative; }
    QChartView *chartView() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyTheme();

    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr;
    std::vector<ParetoItem> m_items; // as given
    QString m_seriesName, m_axisTitle, m_emptyText; // "" = the downtime defaults
    QStringList m_categories;
    std::vector<double> m_values, m_cumulative;
};

} // namespace andon::widgets
