// SPC page (ISA-101 level 2/3) for quality engineers: for one configured characteristic (a tag
// with `spec:` limits) and one product, the control chart (center line, control limits, 1σ/2σ
// zone lines, rule violations marked) with its linked R/S/MR chart, the violations listed, a
// histogram with the specification limits and the fitted normal curve, the capability table
// (Cp, Cpk, Pp, Ppk, normality), the subgroup behind a clicked point with the machine conditions
// at that moment, a box-and-whisker view of the subgroups, the Pareto of the machine's defect
// types, the process tags that differ most between out-of-control and in-control subgroups
// (engine/spc_insights), and "Freeze limits…" (reason required, recorded in the historian's journal
// through SpcLimitsStore). Computed on a worker thread from the historian (engine/spc_analysis)
// and refreshed at 1 Hz while visible. Owned by MainWindow.
#pragma once

#include "core/clock.h"
#include "engine/spc_analysis.h"
#include "engine/spc_insights.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QCustomPlot;
class QCPStatisticalBox;
class QDialog;
class QLabel;
class QMenu;
class QPoint;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QThread;
class QTimer;

namespace andon {
class Engine;
}
namespace andon::widgets {
class ParetoChart;
}

namespace andon::ui {

class SpcPageWorker;

struct SpcPageData
{
    quint64 generation = 0;
    int characteristic = -1;   // index into SpcPage::characteristics()
    SpcSettings settings;
    SpcAnalysis analysis;
    TimestampMs nowMs = 0;
    // Computed only while their tab is shown (they read more of the historian).
    std::optional<SpcCorrelation> correlation;
    std::optional<std::vector<SpcDefectPareto>> paretos; // the machine's attribute counters
};

class SpcPage : public QWidget
{
    Q_OBJECT
public:
    SpcPage(Engine *engine, const Clock *clock, QWidget *parent = nullptr);
    ~SpcPage() override;

    enum Window { CurrentShift, Last8h, Last24h, Last7d };
    enum View { ControlChartView, BoxPlotView };

    const std::vector<SpcCharacteristic> &characteristics() const { return m_characteristics; }
    void setCharacteristic(int index);
    void setChart(analytics::spc::ChartType chart);
    void setSubgroupSize(int n);
    void setWindow(Window window);
    void setProduct(const QString &product); // chart of that product (when present)
    void setView(View view); // control chart or box-and-whisker plot of the subgroups
    // Bring the "What differs when out of control" / "Defects (Pareto)" tab to the front (their
    // data are computed while they are shown).
    void showCorrelation();
    void showPareto();

    // Requests a recomputation on the worker (coalesced: at most one in flight).
    void refresh();
    std::shared_ptr<const SpcPageData> data() const { return m_data; }
    // The chart shown (selected product), null before the first result or when there is none.
    const SpcChart *currentChart() const;
    quint64 resultsApplied() const { return m_applied; }

    // Shows the subgroup behind point `index` of the current chart: its time, values and the
    // machine conditions then (looked up on the worker; detailsShown() when they are there).
    void selectSubgroup(int index);
    int selectedSubgroup() const { return m_selected; }

    // Freezes the baseline limits of the current chart with `reason` (recorded with the user
    // and time in the journal) and refreshes. False + *error (also in the status line) when
    // there is no historian, no reason, too few subgroups or the journal refused it.
    bool freezeLimits(const QString &reason, QString *error = nullptr);
    // Opens the "Freeze limits" dialog (non-modal open(); accepting it calls freezeLimits).
    QDialog *openFreezeDialog();

    QCustomPlot *controlChart() const { return m_chart; }
    QCustomPlot *secondaryChart() const { return m_secondary; }
    QCustomPlot *histogram() const { return m_histogram; }
    QTableWidget *violationTable() const { return m_violations; }
    QTableWidget *capabilityTable() const { return m_capability; }
    QTableWidget *detailsTable() const { return m_details; }
    QLabel *limitsLabel() const { return m_limitsLabel; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *freezeButton() const { return m_freeze; }
    QComboBox *productSelector() const { return m_product; }
    QTableWidget *correlationTable() const { return m_correlation; }
    QTableWidget *paretoTable() const { return m_paretoTable; }
    widgets::ParetoChart *paretoChart() const { return m_pareto; }
    QCPStatisticalBox *boxPlot() const { return m_boxes; } // null outside the box view

    // "Click any value to trend it": the context menu of `source` (a chart, the capability or
    // violation table: the characteristic's tag; a row of the correlation table: its process
    // tag and the characteristic) over the window analysed (the current shift live). `pos` in
    // the table viewport's coordinates. Null when there is nothing to trend; caller owns it.
    QMenu *createTrendMenu(QWidget *source, const QPoint &pos);

signals:
    void refreshed();     // a new result is on screen
    // These tags over [fromMs, toMs]; 0, 0 = the current shift (live).
    void trendRequested(const QStringList &tagPaths, qint64 fromMs, qint64 toMs);
    void detailsShown();  // the selected subgroup's machine conditions are on screen

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void apply(std::shared_ptr<const SpcPageData> data);
    void render();
    void renderControlChart(const SpcChart &chart);
    void renderBoxPlot(const SpcChart &chart);
    void fillCorrelation();
    void fillPareto();
    void renderSecondary(const SpcChart &chart);
    void renderHistogram(const SpcChart &chart);
    void fillViolations(const SpcChart &chart);
    void fillCapability(const SpcChart &chart);
    void fillLimitsLabel(const SpcChart *chart);
    void fillDetails(const std::vector<SpcCondition> &conditions);
    void applyTheme();
    void settingsChanged();
    QStringList trendPaths(QWidget *source, const QPoint &pos, QStringList *labels) const;
    void requestTrend(const QStringList &paths);
    void onChartClicked(QMouseEvent *event);
    SpcSettings settings() const;
    TimestampMs windowStart(TimestampMs now) const;
    QString timeText(TimestampMs t, bool withDate = true) const;
    QString valueText(double v, int extraDecimals = 1) const;

    Engine *m_engine;
    const Clock *m_clock;
    std::vector<SpcCharacteristic> m_characteristics;
    quint64 m_generation = 1;
    bool m_busy = false;
    quint64 m_applied = 0;
    std::shared_ptr<const SpcPageData> m_data;
    QString m_productChoice;   // the product the user picked ("" = follow the latest)
    int m_selected = -1;
    quint64 m_detailsGeneration = 0;
    qint64 m_lastRefreshMs = 0;

    QThread *m_thread = nullptr;
    SpcPageWorker *m_worker = nullptr;
    QTimer *m_timer = nullptr;
    QStackedWidget *m_stack = nullptr;
    QComboBox *m_characteristic = nullptr;
    QComboBox *m_product = nullptr;
    QComboBox *m_chartType = nullptr;
    QSpinBox *m_n = nullptr;
    QComboBox *m_window = nullptr;
    QComboBox *m_view = nullptr;
    QTabWidget *m_lowerTabs = nullptr;
    QTabWidget *m_rightTabs = nullptr;
    QTableWidget *m_correlation = nullptr;
    QLabel *m_correlationNote = nullptr;
    widgets::ParetoChart *m_pareto = nullptr;
    QTableWidget *m_paretoTable = nullptr;
    QLabel *m_paretoNote = nullptr;
    QCPStatisticalBox *m_boxes = nullptr;
    QPushButton *m_freeze = nullptr;
    QLabel *m_limitsLabel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_chartTitle = nullptr;
    QLabel *m_secondaryTitle = nullptr;
    QCustomPlot *m_chart = nullptr;
    QCustomPlot *m_secondary = nullptr;
    QCustomPlot *m_histogram = nullptr;
    QTableWidget *m_violations = nullptr;
    QTableWidget *m_capability = nullptr;
    QLabel *m_capabilityNote = nullptr;
    QTableWidget *m_details = nullptr;
};

} // namespace andon::ui
