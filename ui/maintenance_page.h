// Maintenance page (ISA-101 level 2, docs/condition.md "Maintenance page"): the fleet table of
// every machine in urgency order (health, the indicator that limits it, vibration zone, the
// remaining useful life with its band or "insufficient data", service counters and due time),
// and for the selected machine the vibration trend with the ISO zone bands and the RUL
// projection (fitted curve to the crossing with its 90 % band), the stops of the last 7 days by
// reason (engine/OeeQuery) and the service history. "Record service…" appends a service
// acknowledgement to the event journal (HealthQuery::acknowledgeService); the work list is
// exported as CSV or PDF (report/maintenance_worklist). Everything is computed on a worker
// thread from the Engine's historian (HealthQuery is stateless, so a copied cache opened with
// `andon --db copy.sqlite` works alike) and refreshed every 15 s. Owned by MainWindow.
#pragma once

#include "core/clock.h"
#include "engine/health_query.h"
#include "analytics/trend_series.h"

#include <QWidget>

#include <memory>

class QLabel;
class QMenu;
class QPoint;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QThread;
class QTimer;

namespace andon {
class Engine;
}
namespace andon::widgets {
class TrendPlot;
}

namespace andon::ui {

class MaintenancePageWorker;
class ServiceDialog;

struct MaintenanceStopRow
{
    QString reason;       // operator reason name, else the state name ("Jam at infeed")
    int stops = 0;
    TimestampMs totalMs = 0;
    TimestampMs lastMs = 0; // start of the newest stop
    bool down = false;      // at least one unplanned down stop (a fault)
};

struct MaintenancePageData
{
    quint64 generation = 0;
    TimestampMs nowMs = 0;          // the time the fleet was judged at
    bool asOfNewestData = false;    // the history ends before the clock: judged at its end
    QString source;                 // historian file name
    std::shared_ptr<const FleetHealth> fleet;
    // Detail of the selected machine (index into PlantModel::machines; -1 = none).
    int machine = -1;
    analytics::TrendSeries vibration; // decimated trend of the vibration tag
    TimestampMs viewFrom = 0, viewTo = 0;
    std::vector<MaintenanceStopRow> stops; // last 7 days, longest total first
    int faultCount = 0;                    // unplanned down stops in the last 7 days
    TimestampMs faultMs = 0;
    std::vector<ServiceRecord> services;   // newest first
    QStringList warnings;

    const MachineHealth *detail() const;
};

class MaintenancePage : public QWidget
{
    Q_OBJECT
public:
    MaintenancePage(Engine *engine, const Clock *clock, QWidget *parent = nullptr);
    ~MaintenancePage() override;

    static constexpr int kRefreshMs = 15'000; // health changes slowly (issue: 10-30 s)
    static constexpr int kDowntimeDays = 7;

    // Requests a recomputation on the worker (coalesced: at most one in flight).
    void refresh();
    void selectMachine(int machine); // index into PlantModel::machines
    int selectedMachine() const { return m_machine; }
    std::shared_ptr<const MaintenancePageData> data() const { return m_data; }
    quint64 resultsApplied() const { return m_applied; }

    // Non-modal service dialog for `machine` (-1 = the selected one); null without historian.
    ServiceDialog *openServiceDialog(int machine = -1);
    ServiceDialog *serviceDialog() const;
    // Records what the dialog holds; false + the reason in the dialog and the status line.
    bool recordService(ServiceDialog &dialog);

    // The work list as shown (urgency order), and its exports.
    bool exportCsv(const QString &path, QString *error);
    bool exportPdf(const QString &path, QString *error);

    QTableWidget *fleetTable() const { return m_fleet; }
    QTableWidget *stopsTable() const { return m_stops; }
    widgets::TrendPlot *trendPlot() const { return m_plot; }
    QLabel *detailTitle() const { return m_detailTitle; }
    QLabel *rulLabel() const { return m_rul; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *oilLabel() const { return m_oil; }
    QLabel *summaryLabel() const { return m_summary; }

    // "Click any value to trend it": the context menu of `source` (a fleet row: that machine;
    // the trend, the condition summary or the oil line: the selected machine; `pos` in the
    // table viewport's coordinates) with the machine's indicator tags (vibration, temperatures,
    // motor current, oil) over its health window (the RUL window up to the time judged). Null
    // when there is nothing to trend; the caller owns the menu.
    QMenu *createTrendMenu(QWidget *source, const QPoint &pos);

signals:
    void refreshed();
    // These tags over [fromMs, toMs].
    void trendRequested(const QStringList &tagPaths, qint64 fromMs, qint64 toMs);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void apply(std::shared_ptr<const MaintenancePageData> data);
    void fillFleet(const MaintenancePageData &d);
    void fillDetail(const MaintenancePageData &d);
    void drawProjection(const MaintenancePageData &d, const MachineHealth &h);
    void fillOil(const MachineHealth &h, QStringList *lines);
    void exportWithDialog(bool pdf);
    QString localTime(TimestampMs t) const;
    const MachineHealth *trendMachine(QWidget *source, const QPoint &pos) const;
    void requestTrend(const MachineHealth &h, const QStringList &paths);

    Engine *m_engine;
    const Clock *m_clock;
    int m_machine = -1;
    bool m_userSelected = false; // else the detail follows the most urgent machine
    quint64 m_generation = 1;
    bool m_busy = false;
    bool m_pending = false;
    quint64 m_applied = 0;
    std::shared_ptr<const MaintenancePageData> m_data;

    QThread *m_thread = nullptr;
    MaintenancePageWorker *m_worker = nullptr;
    QTimer *m_timer = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_serviceButton = nullptr;
    QPushButton *m_csvButton = nullptr;
    QPushButton *m_pdfButton = nullptr;
    QTableWidget *m_fleet = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_rul = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_oil = nullptr;
    widgets::TrendPlot *m_plot = nullptr;
    QTableWidget *m_stops = nullptr;
    QLabel *m_services = nullptr;
    ServiceDialog *m_dialog = nullptr;
};

} // namespace andon::ui
