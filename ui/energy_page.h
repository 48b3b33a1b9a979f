// Energy page (ISA-101 level 2): for today, yesterday or the last 7 days the energy of each
// machine per hour/shift/day (stacked bars), the site power with the demand limit and the
// forecast of the running demand window, kWh per good unit by product, the idle-energy
// ranking with its cost, the breakdown from the main meter to lines and machines with the
// unmetered rest, and the leak indication of other media. Computed from the historian
// through EnergyQuery on a worker thread, refreshed every 5 s while visible. Owned by
// MainWindow.
#pragma once

#include "core/clock.h"

#include <QWidget>

#include <memory>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QCustomPlot;
class QLabel;
class QMenu;
class QPoint;
class QStackedWidget;
class QTableWidget;
class QThread;
class QTimer;
class QTreeWidget;

namespace andon {
class Engine;
}

namespace andon::ui {

struct EnergyPageData;
struct TrendTarget;
class EnergyPageWorker;

class EnergyPage : public QWidget
{
    Q_OBJECT
public:
    EnergyPage(Engine *engine, const Clock *clock, QWidget *parent = nullptr);
    ~EnergyPage() override;

    static constexpr int kRefreshMs = 5000; // the page's data changes by the minute

    void refresh(); // coalesced: at most one computation in flight
    std::shared_ptr<const EnergyPageData> data() const { return m_data; }
    quint64 resultsApplied() const { return m_applied; }

    QComboBox *periodSelector() const { return m_period; }
    QComboBox *bucketSelector() const { return m_bucket; }
    QTableWidget *idleTable() const { return m_idle; }
    QTableWidget *productTable() const { return m_products; }
    QTableWidget *mediaTable() const { return m_media; }
    QTreeWidget *breakdown() const { return m_tree; }
    QLabel *demandLabel() const { return m_demand; }
    QLabel *summaryLabel() const { return m_summary; }
    QCustomPlot *powerPlot() const { return m_plot; }
    QChartView *barsView() const { return m_chartView; }

    // "Click any value to trend it": the context menu of `source` (the bars, the power plot, a
    // table or the breakdown; `pos` in the viewport's coordinates) with the power and energy
    // tags behind the value (a machine, line, sub-meter, the main meter, a medium's flow and
    // totaliser) over the period shown. Null when there is nothing to trend; the caller owns it.
    QMenu *createTrendMenu(QWidget *source, const QPoint &pos);

signals:
    void refreshed();
    // These tags over [fromMs, toMs] (the period the page shows).
    void trendRequested(const QStringList &tagPaths, qint64 fromMs, qint64 toMs);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void apply(std::shared_ptr<const EnergyPageData> data);
    void fillBars(const EnergyPageData &d);
    void fillTrend(const EnergyPageData &d);
    void fillTables(const EnergyPageData &d);
    void fillTree(const EnergyPageData &d);
    void applyTheme();
    std::vector<TrendTarget> trendTargets(QWidget *source, const QPoint &pos) const;
    std::vector<TrendTarget> machineTargets(int machine, bool withState) const;
    std::vector<TrendTarget> mainMeterTargets() const;
    void requestTrend(const QStringList &paths);

    Engine *m_engine;
    const Clock *m_clock;
    quint64 m_generation = 1;
    bool m_busy = false;
    bool m_pending = false;
    quint64 m_applied = 0;
    std::shared_ptr<const EnergyPageData> m_data;

    QThread *m_thread = nullptr;
    EnergyPageWorker *m_worker = nullptr;
    QTimer *m_timer = nullptr;
    QStackedWidget *m_stack = nullptr;
    QComboBox *m_period = nullptr;
    QComboBox *m_bucket = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_demand = nullptr;
    QLabel *m_status = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QCustomPlot *m_plot = nullptr;
    QTableWidget *m_idle = nullptr;
    QTableWidget *m_products = nullptr;
    QTableWidget *m_media = nullptr;
    QTreeWidget *m_tree = nullptr;
    int m_hoveredMachine = -1; // the machine whose bar the mouse is over (-1 = none)
};

} // namespace andon::ui
