// OEE page (ISA-101 level 2) for one machine or line: the four gauges (A, P, Q, OEE) of the
// current shift with targets, a shift/day/week table, the previous shifts, the shift's state
// timeline, a downtime Pareto by operator reason and the unexplained stops. Refreshed at 1 Hz
// from the historian through OeeQuery on a worker thread (the GUI thread only applies the
// result). Clicking a stop opens the ReasonDialog; changes go to StopAnnotations (audited).
// Owned by MainWindow.
#pragma once

#include "core/clock.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QMenu;
class QPoint;
class QStackedWidget;
class QTableWidget;
class QThread;
class QTimer;

namespace andon {
class Engine;
}
namespace andon::widgets {
class OeeGauge;
class ParetoChart;
class StateTimeline;
}

namespace andon::ui {

struct OeePageData;
class OeePageWorker;
class ReasonDialog;

class OeePage : public QWidget
{
    Q_OBJECT
public:
    OeePage(Engine *engine, const Clock *clock, QWidget *parent = nullptr);
    ~OeePage() override;

    // Selector: a line (its bottleneck's OEE) or one machine (indices into PlantModel).
    void setLine(int line);
    void setMachine(int machine);
    bool isLineSelected() const { return m_isLine; }
    int selectedIndex() const { return m_index; }

    // Requests a recomputation on the worker (coalesced: at most one in flight).
    void refresh();
    // The data shown (null before the first result); the generation grows with each result.
    std::shared_ptr<const OeePageData> data() const { return m_data; }
    quint64 resultsApplied() const { return m_applied; }
    // Duration of the last refresh: computation on the worker / applying on the GUI thread.
    double lastComputeMs() const;
    double lastApplyMs() const { return m_lastApplyMs; }

    // Opens the reason dialog for the stop of `machine` that covers time `t` (non-modal to
    // the caller: open(), not exec()); null when there is no such stop or no historian.
    ReasonDialog *openReasonDialog(int machine, qint64 tMs);
    ReasonDialog *reasonDialog() const;
    // Records what the dialog holds (split, reason, comment) and refreshes. False + message
    // in the status line when the journal refused it.
    bool recordReason(const ReasonDialog &dialog);

    widgets::OeeGauge *gauge(int i) const { return m_gauges[i]; } // 0 A, 1 P, 2 Q, 3 OEE
    widgets::StateTimeline *timeline() const { return m_timeline; }
    widgets::ParetoChart *pareto() const { return m_pareto; }
    QTableWidget *periodTable() const { return m_periods; }
    QTableWidget *previousTable() const { return m_previous; }
    QTableWidget *unexplainedTable() const { return m_unexplained; }
    QComboBox *selector() const { return m_selector; }
    QLabel *statusLabel() const { return m_status; }

    // "Click any value to trend it": the context menu of `source` (the timeline, a table or a
    // gauge; `pos` in the timeline's or the table viewport's coordinates) with the state, count
    // and rate tags of the machine behind the value (per machine in a line view, the bottleneck
    // first) over the period the value covers. Null when there is nothing to trend; the caller
    // owns the menu.
    QMenu *createTrendMenu(QWidget *source, const QPoint &pos);

signals:
    void refreshed(); // a new result is on screen
    // These tags over [fromMs, toMs]; 0, 0 = the current shift (live).
    void trendRequested(const QStringList &tagPaths, qint64 fromMs, qint64 toMs);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void select(bool isLine, int index);
    void apply(std::shared_ptr<const OeePageData> data);
    void fillPeriods(const OeePageData &d);
    void fillPrevious(const OeePageData &d);
    void fillTimeline(const OeePageData &d);
    void fillPareto(const OeePageData &d);
    void fillUnexplained(const OeePageData &d);
    void onTimelineClicked(int row, qint64 tMs);
    QString reasonText(int machine, const QString &code) const;
    // The machines (bottleneck first) and period behind row `row` of the period or previous
    // shifts table; false for no such row.
    bool periodRowContext(const QTableWidget *table, int row, std::vector<int> *machines,
                          qint64 *fromMs, qint64 *toMs, QString *bottleneck) const;
    std::vector<int> shownMachines(const QString &bottleneck) const;

    Engine *m_engine;
    const Clock *m_clock;
    bool m_isLine = true;
    int m_index = 0;
    quint64 m_generation = 1;
    bool m_busy = false;
    bool m_pending = false;
    quint64 m_applied = 0;
    double m_lastApplyMs = 0;
    std::shared_ptr<const OeePageData> m_data;

    QThread *m_thread = nullptr;
    OeePageWorker *m_worker = nullptr;
    QTimer *m_timer = nullptr;
    QStackedWidget *m_stack = nullptr;
    QComboBox *m_selector = nullptr;
    QLabel *m_shiftLabel = nullptr;
    QLabel *m_status = nullptr;
    widgets::OeeGauge *m_gauges[4] = {};
    QTableWidget *m_periods = nullptr;
    QTableWidget *m_previous = nullptr;
    widgets::StateTimeline *m_timeline = nullptr;
    widgets::ParetoChart *m_pareto = nullptr;
    QTableWidget *m_unexplained = nullptr;
    ReasonDialog *m_dialog = nullptr;
};

} // namespace andon::ui
