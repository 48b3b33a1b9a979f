#include "ui/maintenance_page.h"
#include "ui/page_widgets.h"

#include "engine/access_control.h"
#include "engine/engine.h"
#include "engine/oee_query.h"
#include "engine/trend_loader.h"
#include "report/maintenance_worklist.h"
#include "storage/historian.h"
#include "ui/access_gate.h"
#include "ui/current_user.h"
#include "ui/service_dialog.h"
#include "ui/trend_menu.h"
#include "widgets/theme.h"
#include "widgets/trend_plot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>
#include "widgets/plot_util.h"

#include <algorithm>
#include <cmath>
#include <map>

Q_LOGGING_CATEGORY(lcMaintenancePage, "andon.ui.maintenance")

namespace andon::ui {

namespace cond = analytics::condition;

namespace {
constexpr TimestampMs kDayMs = 24 * 3'600'000LL;
constexpr TimestampMs kStaleHistoryMs = 10 * 60'000; // history ending earlier: judge at its end
constexpr int kTrendBuckets = 600;
constexpr int kProjectionSteps = 80;
constexpr int kServiceHistory = 5;
constexpr int kMachineRole = Qt::UserRole;

// The health window of a machine: its RUL fit series (else the configured RUL window, at least
// the last hour) up to the time judged.
TimestampMs healthWindowStart(const PlantModel &model, const MachineHealth &h, TimestampMs now)
{
    const double windowH = model.condition.rulWindowH;
    const TimestampMs from = h.vibrationPoints.empty()
            ? now - TimestampMs((windowH > 0 ? windowH : 72.0) * cond::kMsPerHour)
            : h.vibrationPoints.front().t;
    return std::min(from, now - 3'600'000);
}

// The indicator tags of a machine, as the condition summary lists them.
std::vector<TrendTarget> indicatorTargets(const PlantModel &model, const MachineHealth &h)
{
    std::vector<TrendTarget> out;
    for (const QString &path : {h.vibrationTag, h.temperatureTag, h.ambientTag, h.currentTag})
        addPathTarget(&out, model, path);
    const OilHealth &oil = h.oil;
    for (const QString &path : oil.particleTags)
        addPathTarget(&out, model, path);
    for (const QString &path : {oil.waterTag, oil.permittivityTag, oil.viscosityTag, oil.tanTag})
        addPathTarget(&out, model, path);
    return out;
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    QTableWidget *t = makeReadOnlyTable(headers, parent);
    t->setAlternatingRowColors(true);
    return t;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    return makeHeading(text, parent);
}

double keyOf(TimestampMs t)
{
    return double(t) / 1000.0; // QCustomPlot date-time keys are seconds (widgets/trend_plot)
}

QString minutes(TimestampMs ms)
{
    return QLocale().toString(double(ms) / 60'000.0, 'f', 0);
}
} // namespace

// ---- worker ----

// Lives on the page's worker thread: the fleet, the selected machine's trend and stops.
class MaintenancePageWorker : public QObject
{
    Q_OBJECT
public:
    MaintenancePageWorker(std::shared_ptr<const PlantModel> model,
                          const storage::Historian *historian)
        : m_model(std::move(model)), m_historian(historian)
    {
    }

    MaintenancePageData compute(TimestampMs clockNow, int machine, quint64 generation) const;

private:
    std::shared_ptr<const PlantModel> m_model;
    const storage::Historian *m_historian;
};

MaintenancePageData MaintenancePageWorker::compute(TimestampMs clockNow, int machine,
                                                   quint64 generation) const
{
    MaintenancePageData d;
    d.generation = generation;
    d.source = QFileInfo(m_historian->path()).fileName();
    const PlantModel &model = *m_model;
    // A copied cache (or a plant that stopped) is judged as of its newest data, not the clock.
    TimestampMs now = clockNow;
    const TimestampMs newest = HealthQuery::newestData(*m_historian, clockNow);
    if (newest > 0 && clockNow - newest > kStaleHistoryMs) {
        now = newest;
        d.asOfNewestData = true;
    }
    d.nowMs = now;
    const HealthQuery query(model, *m_historian);
    auto fleet = std::make_shared<FleetHealth>(query.fleet(now));
    d.fleet = fleet;
    if (fleet->machines.empty())
        return d;
    if (machine < 0 || machine >= int(model.machines.size()))
        machine = fleet->machines.front().machine;
    d.machine = machine;
    const MachineHealth *h = d.detail();
    if (!h)
        return d;

    // ---- vibration trend over the RUL window, and the view out to the predicted crossing ----
    const TimestampMs from = healthWindowStart(model, *h, now);
    TimestampMs to = now + (now - from) / 10;
    if (h->rul.status == cond::RulStatus::Ok) {
        // Out to the band's late edge, but never more than the history shown again.
        const TimestampMs late = std::min(h->rul.lateMs, now + (now - from));
        to = std::max(to, late + (late - from) / 20);
    }
    d.viewFrom = from;
    d.viewTo = to;
    if (!h->vibrationTag.isEmpty()) {
        TrendRequest request;
        request.paths = {h->vibrationTag};
        request.from = from;
        request.to = now;
        request.maxBuckets = kTrendBuckets;
        request.mergeLive = false;
        TrendLoadResult r = TrendLoader::load(request, m_historian, nullptr, &model);
        if (!r.series.empty())
            d.vibration = std::move(r.series.front());
    }

    // ---- stops of the last 7 days by reason (faults = unplanned down) ----
    const OeeQuery oee(model, *m_historian);
    const MachineOee mo = oee.machine(machine, now - MaintenancePage::kDowntimeDays * kDayMs, now);
    d.warnings << mo.warnings;
    const OeeSettings &settings = model.machineOee(machine);
    std::map<QString, MaintenanceStopRow> byReason;
    for (const analytics::StopEvent &s : mo.result.stops) {
        if (s.micro)
            continue;
        const QString reason = !s.reasonCode.isEmpty() && settings.reasons.find(s.reasonCode)
                ? settings.reasons.name(s.reasonCode)
                : (s.reason.isEmpty() ? MaintenancePage::tr("Unknown") : s.reason);
        MaintenanceStopRow &row = byReason[reason];
        row.reason = reason;
        ++row.stops;
        const TimestampMs dur = std::min(s.endMs, now) - std::max(s.startMs, now - MaintenancePage::kDowntimeDays * kDayMs);
        row.totalMs += std::max<TimestampMs>(0, dur);
        row.lastMs = std::max(row.lastMs, s.startMs);
        if (s.category == StateCategory::Down) {
            row.down = true;
            ++d.faultCount;
            d.faultMs += std::max<TimestampMs>(0, dur);
        }
    }
    for (auto &[reason, row] : byReason)
        d.stops.push_back(row);
    std::sort(d.stops.begin(), d.stops.end(),
              [](const MaintenanceStopRow &a, const MaintenanceStopRow &b) {
                  return a.totalMs != b.totalMs ? a.totalMs > b.totalMs : a.reason < b.reason;
              });
    d.services = query.serviceHistory(h->path, kServiceHistory);
    return d;
}

const MachineHealth *MaintenancePageData::detail() const
{
    if (!fleet)
        return nullptr;
    for (const MachineHealth &h : fleet->machines)
        if (h.machine == machine)
            return &h;
    return nullptr;
}

// ---- page ----

MaintenancePage::MaintenancePage(Engine *engine, const Clock *clock, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_clock(clock)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 8, 12, 8);
    outer->setSpacing(6);

    auto *top = new QHBoxLayout();
    top->addWidget(heading(tr("Condition of every machine, most urgent first"), this));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("maintenanceStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(m_status, 1, Qt::AlignRight | Qt::AlignVCenter);
    m_serviceButton = new QPushButton(tr("Record service…"), this);
    m_serviceButton->setObjectName(QStringLiteral("maintenanceRecordService"));
    m_serviceButton->setToolTip(tr("Record what was done on the selected machine and reset the "
                                   "counters it renewed (event journal)"));
    m_csvButton = new QPushButton(tr("Work list CSV…"), this);
    m_csvButton->setObjectName(QStringLiteral("maintenanceCsv"));
    m_pdfButton = new QPushButton(tr("Work list PDF…"), this);
    m_pdfButton->setObjectName(QStringLiteral("maintenancePdf"));
    top->addSpacing(12);
    top->addWidget(m_serviceButton);
    top->addWidget(m_csvButton);
    top->addWidget(m_pdfButton);
    outer->addLayout(top);

    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack, 1);
    auto *noHistorian = new QLabel(
            tr("No historian is open. The Maintenance page judges vibration, temperatures, motor "
               "current and service counters from the history: start Andon with a historian "
               "(historian.path in the plant configuration, or --db FILE; a copied cache works "
               "for offline review)."),
            m_stack);
    noHistorian->setObjectName(QStringLiteral("maintenanceNoHistorian"));
    noHistorian->setWordWrap(true);
    noHistorian->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(noHistorian);

    auto *split = new QSplitter(Qt::Vertical, m_stack);
    split->setChildrenCollapsible(false);
    m_fleet = makeTable({tr("#"), tr("Machine"), tr("Health"), tr("Why"), tr("Zone"),
                         tr("Vibration"), tr("Remaining life (90 % band)"), tr("Reason"),
                         tr("Due"), tr("Run hours"), tr("Cycles"), tr("Service due")},
                        split);
    m_fleet->setObjectName(QStringLiteral("maintenanceFleet"));
    m_fleet->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_fleet->horizontalHeader()->setStretchLastSection(false);
    split->addWidget(m_fleet);

    auto *detail = new QWidget(split);
    auto *detailLayout = new QHBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    auto *left = new QVBoxLayout();
    m_detailTitle = heading(QString(), detail);
    m_detailTitle->setObjectName(QStringLiteral("maintenanceDetailTitle"));
    left->addWidget(m_detailTitle);
    m_rul = new QLabel(detail);
    m_rul->setObjectName(QStringLiteral("maintenanceRul"));
    m_rul->setWordWrap(true);
    left->addWidget(m_rul);
    m_plot = new widgets::TrendPlot(detail);
    m_plot->setObjectName(QStringLiteral("maintenanceTrend"));
    m_plot->setMinimumHeight(200);
    left->addWidget(m_plot, 1);
    detailLayout->addLayout(left, 3);

    auto *right = new QVBoxLayout();
    right->addWidget(heading(tr("Condition"), detail));
    m_summary = new QLabel(detail);
    m_summary->setObjectName(QStringLiteral("maintenanceSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    right->addWidget(m_summary);
    // The oil's ISO 4406 code against its target, with the abnormal mark when alert/alarm.
    m_oil = new QLabel(detail);
    m_oil->setObjectName(QStringLiteral("maintenanceOil"));
    m_oil->setWordWrap(true);
    m_oil->setTextFormat(Qt::RichText);
    m_oil->hide();
    right->addWidget(m_oil);
    right->addWidget(heading(tr("Stops, last %1 days").arg(MaintenancePage::kDowntimeDays), detail));
    m_stops = makeTable({tr("Reason"), tr("Stops"), tr("Min"), tr("Last")}, detail);
    m_stops->setObjectName(QStringLiteral("maintenanceStops"));
    m_stops->setSelectionMode(QAbstractItemView::NoSelection);
    m_stops->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stops->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    right->addWidget(m_stops, 1);
    right->addWidget(heading(tr("Service history"), detail));
    m_services = new QLabel(detail);
    m_services->setObjectName(QStringLiteral("maintenanceServices"));
    m_services->setWordWrap(true);
    m_services->setTextFormat(Qt::PlainText);
    m_services->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    right->addWidget(m_services);
    detailLayout->addLayout(right, 2);
    split->addWidget(detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    m_stack->addWidget(split);

    storage::Historian *historian = engine->historian();
    m_stack->setCurrentIndex(historian ? 1 : 0);
    if (historian) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("maintenance-page"));
        m_worker = new MaintenancePageWorker(engine->modelPtr(), historian);
        m_worker->moveToThread(m_thread);
        m_thread->start();
    } else {
        m_status->setText(tr("no historian"));
    }
    for (QPushButton *b : {m_serviceButton, m_csvButton, m_pdfButton})
        b->setEnabled(false); // until the first result

    connect(m_fleet, &QTableWidget::cellClicked, this, [this](int row, int) {
        const QTableWidgetItem *item = m_fleet->item(row, 0);
        if (item)
            selectMachine(item->data(kMachineRole).toInt());
    });
    // "Click any value to trend it": right-click on a fleet row, the trend, the summary or the
    // oil line; double-click on a fleet row (the trend's double-click rescales it).
    for (QWidget *w : std::initializer_list<QWidget *>{m_fleet, m_plot, m_summary, m_oil}) {
        w->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(w, &QWidget::customContextMenuRequested, this, [this, w](const QPoint &pos) {
            const QWidget *at = w == m_fleet ? m_fleet->viewport() : w;
            popupTrendMenu(createTrendMenu(w, pos), at->mapToGlobal(pos));
        });
    }
    connect(m_fleet, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const QRect r = m_fleet->visualRect(m_fleet->model()->index(row, 0));
        if (const MachineHealth *h = trendMachine(m_fleet, r.center()))
            requestTrend(*h, allTrendPaths(indicatorTargets(m_engine->model(), *h)));
    });
    connect(m_serviceButton, &QPushButton::clicked, this, [this] { openServiceDialog(); });
    // Service records need the operator role; re-evaluated whenever the user changes.
    connect(engine->access(), &AccessControl::userChanged, this, [this] {
        gateWidget(m_serviceButton, *m_engine, Action::RecordService,
                   m_data && m_data->fleet && !m_data->fleet->machines.empty());
    });
    connect(m_csvButton, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    connect(m_pdfButton, &QPushButton::clicked, this, [this] { exportWithDialog(true); });

    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer->start();
}

MaintenancePage::~MaintenancePage()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
    delete m_worker;
}

void MaintenancePage::refresh()
{
    if (!m_worker)
        return;
    if (m_busy) {
        m_pending = true;
        return;
    }
    m_busy = true;
    m_pending = false;
    const TimestampMs now = m_clock->now();
    const int machine = m_userSelected ? m_machine : -1;
    const quint64 generation = m_generation;
    MaintenancePageWorker *worker = m_worker;
    // The page outlives the worker thread (the destructor waits for it).
    QMetaObject::invokeMethod(worker, [this, worker, now, machine, generation] {
        auto data = std::make_shared<const MaintenancePageData>(
                worker->compute(now, machine, generation));
        QMetaObject::invokeMethod(this, [this, data] { apply(data); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void MaintenancePage::selectMachine(int machine)
{
    if (m_userSelected && machine == m_machine)
        return;
    m_machine = machine;
    m_userSelected = true;
    ++m_generation;
    refresh();
}

void MaintenancePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void MaintenancePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_data) {
        fillFleet(*m_data); // the abnormal marks take the theme's colours
        fillDetail(*m_data);
    }
}

QString MaintenancePage::localTime(TimestampMs t) const
{
    const QByteArray id = m_engine->model().timeZone().toUtf8();
    const QTimeZone zone = QTimeZone::isTimeZoneIdAvailable(id) ? QTimeZone(id) : QTimeZone::utc();
    return QDateTime::fromMSecsSinceEpoch(t, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void MaintenancePage::apply(std::shared_ptr<const MaintenancePageData> data)
{
    m_busy = false;
    if (data->generation != m_generation || m_pending) {
        refresh(); // the selection changed meanwhile, or a refresh was asked for
        if (data->generation != m_generation)
            return;
    }
    m_data = data;
    if (!m_userSelected)
        m_machine = data->machine;
    fillFleet(*data);
    fillDetail(*data);
    const QByteArray id = m_engine->model().timeZone().toUtf8();
    const QTimeZone zone = QTimeZone::isTimeZoneIdAvailable(id) ? QTimeZone(id) : QTimeZone::utc();
    const QString abbr = zone.abbreviation(QDateTime::fromMSecsSinceEpoch(data->nowMs, zone));
    m_status->setText(data->asOfNewestData
                              ? tr("as of %1 %2, the newest data in %3")
                                        .arg(localTime(data->nowMs), abbr, data->source)
                              : tr("as of %1 %2 · refreshed every %3 s")
                                        .arg(localTime(data->nowMs), abbr)
                                        .arg(kRefreshMs / 1000));
    m_status->setToolTip(data->warnings.join(u'\n'));
    const bool any = data->fleet && !data->fleet->machines.empty();
    gateWidget(m_serviceButton, *m_engine, Action::RecordService, any);
    for (QPushButton *b : {m_csvButton, m_pdfButton})
        b->setEnabled(any);
    ++m_applied;
    emit refreshed();
}

void MaintenancePage::fillFleet(const MaintenancePageData &d)
{
    if (!d.fleet)
        return;
    const report::WorkList list =
            report::WorkList::fromFleet(*d.fleet, m_engine->model(), d.nowMs);
    const widgets::ThemeColors &c = widgets::Theme::colors();
    m_fleet->setUpdatesEnabled(false);
    m_fleet->setRowCount(int(list.rows.size()));
    for (int i = 0; i < int(list.rows.size()); ++i) {
        const report::WorkListRow &r = list.rows[std::size_t(i)];
        const MachineHealth &h = d.fleet->machines[std::size_t(i)];
        const bool abnormal = r.severity >= cond::Severity::Warning;
        // The amber mark goes on the zone when the vibration is abnormal, else on "why" (the
        // indicator that is: temperature, current, oil, ...), so a zone A is never marked.
        // A service overdue alone has no indicator to mark: its reason is bold with "▲".
        const int markCol = h.zone == VibrationZone::C || h.zone == VibrationZone::D ? 4
                : h.worst >= cond::Severity::Warning                              ? 3
                                                                                  : -1;
        const QStringList texts{QString::number(r.rank), r.name, r.healthText, r.why, r.zone,
                                r.vibration, r.rul, r.action, r.due, r.runHours, r.cycles,
                                r.serviceDue};
        for (int col = 0; col < int(texts.size()); ++col) {
            const bool number = col == 0 || col == 2 || col == 5 || col == 9 || col == 10;
            QTableWidgetItem *item = cell(texts[col], number);
            if (col == 0)
                item->setData(kMachineRole, r.machine);
            if (abnormal && (col == markCol || col == 7)) {
                // Colour only for the abnormal (HMI-STYLE.md): the amber "unplanned/abnormal"
                // mark on the zone (or the why), the reason in bold with a triangle.
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
                if (col == markCol) {
                    item->setBackground(c.down);
                    item->setForeground(QColor(0x1F, 0x1F, 0x1F));
                    if (col == 4)
                        item->setTextAlignment(Qt::AlignCenter);
                } else {
                    item->setText(QStringLiteral("▲ ") + r.action);
                }
            } else if (col == 4) {
                item->setTextAlignment(Qt::AlignCenter);
            }
            if (col == 6)
                item->setToolTip(r.rulDetail);
            if (col == 1)
                item->setToolTip(h.path + (h.line.isEmpty() ? QString() : tr(" · line %1").arg(h.line)));
            if (col == 7 && !h.warnings.isEmpty())
                item->setToolTip(h.warnings.join(u'\n'));
            m_fleet->setItem(i, col, item);
        }
        if (r.machine == m_machine)
            m_fleet->selectRow(i);
    }
    m_fleet->resizeColumnsToContents();
    // The reason column takes what is left (at least its header), the rest fit their content.
    const int fixed = [&] {
        int w = 0;
        for (int col = 0; col < m_fleet->columnCount(); ++col)
            if (col != 7)
                w += m_fleet->columnWidth(col);
        return w;
    }();
    const int avail = m_fleet->viewport()->width() - fixed;
    m_fleet->setColumnWidth(7, std::max(std::min(m_fleet->columnWidth(7), 360), std::max(120, avail)));
    m_fleet->setUpdatesEnabled(true);
}

void MaintenancePage::fillDetail(const MaintenancePageData &d)
{
    const MachineHealth *h = d.detail();
    if (!h) {
        m_detailTitle->setText(tr("No machine selected"));
        m_rul->clear();
        m_summary->clear();
        m_oil->hide();
        m_stops->setRowCount(0);
        m_services->clear();
        return;
    }
    m_detailTitle->setText(tr("%1 — vibration trend with ISO zones and remaining life").arg(h->name));

    // ---- RUL in words ----
    const cond::RulEstimate &r = h->rul;
    QString rul;
    if (h->vibrationTag.isEmpty())
        rul = tr("Vibration is not monitored on this machine.");
    else if (r.status == cond::RulStatus::Ok)
        rul = tr("Reaches zone %1 (%2 mm/s) in %3 h, at %4 — 90 % band %5 to %6 (%7 trend, "
                 "adjusted R² %8). Plan the work before the early edge.")
                      .arg(vibrationZoneName(h->rulZone), QLocale().toString(r.threshold, 'f', 2),
                           QLocale().toString(r.rulHours(), 'f', 1), localTime(r.crossingMs),
                           localTime(r.earlyMs),
                           r.lateBeyondHorizon ? tr("beyond the horizon") : localTime(r.lateMs),
                           cond::trendModelName(r.chosen), QLocale().toString(r.fit().adjR2, 'f', 2));
    else if (r.status == cond::RulStatus::Crossed)
        rul = tr("Already in zone %1: %2").arg(vibrationZoneName(h->zone), r.reason);
    else if (r.status == cond::RulStatus::BeyondHorizon)
        rul = tr("No crossing foreseen within the horizon: %1").arg(r.reason);
    else
        rul = tr("Remaining life: %1").arg(r.reason); // "insufficient data: …"
    m_rul->setText(rul);

    // ---- condition summary ----
    const auto num = [](double v, int dec) {
        return std::isfinite(v) ? QLocale().toString(v, 'f', dec) : QStringLiteral("—");
    };
    QStringList lines;
    lines << tr("Health %1 / 100, limited by %2")
                     .arg(num(h->health, 0),
                          report::healthDriverName(h->healthDriver));
    if (!h->vibrationTag.isEmpty())
        lines << tr("Vibration %1 mm/s, zone %2 (%3: A/B %4, B/C %5, C/D %6 mm/s)")
                         .arg(num(h->vibration, 2), vibrationZoneName(h->zone), h->vibrationClass,
                              num(h->zones.ab, 2), num(h->zones.bc, 2), num(h->zones.cd, 2));
    if (!h->temperatureTag.isEmpty())
        lines << tr("Temperature %1 °C, rise over ambient %2 K")
                         .arg(num(h->temperature, 1), num(h->rise, 1));
    if (!h->currentTag.isEmpty())
        lines << (std::isfinite(h->current.pct)
                          ? tr("Motor current %1 % from its normal").arg(num(h->current.pct, 1))
                          : tr("Motor current: learning its normal"));
    // Each counter since its own last reset (a service may reset some and keep others).
    const auto since = [&](TimestampMs t) {
        return t > 0 ? localTime(t) : QStringLiteral("—");
    };
    if (h->runHoursSinceMs > 0 && h->runHoursSinceMs == h->cyclesSinceMs)
        lines << tr("Since %1: %2 run hours, %3 cycles; service due %4")
                         .arg(since(h->runHoursSinceMs), num(h->runHours, 1), num(h->cycles, 0),
                              h->serviceOverdue ? tr("now (overdue)")
                              : h->serviceDueMs ? localTime(*h->serviceDueMs)
                                                : QStringLiteral("—"));
    else
        lines << tr("%1 run hours since %2, %3 cycles since %4; service due %5")
                         .arg(num(h->runHours, 1), since(h->runHoursSinceMs), num(h->cycles, 0),
                              since(h->cyclesSinceMs),
                              h->serviceOverdue ? tr("now (overdue)")
                              : h->serviceDueMs ? localTime(*h->serviceDueMs)
                                                : QStringLiteral("—"));
    fillOil(*h, &lines);
    lines << tr("Faults (unplanned down) in %1 days: %2, %3 min")
                     .arg(MaintenancePage::kDowntimeDays)
                     .arg(d.faultCount)
                     .arg(minutes(d.faultMs));
    m_summary->setText(lines.join(u'\n'));

    m_stops->setRowCount(int(d.stops.size()));
    for (int i = 0; i < int(d.stops.size()); ++i) {
        const MaintenanceStopRow &s = d.stops[std::size_t(i)];
        QTableWidgetItem *reason = cell(s.down ? tr("%1 (fault)").arg(s.reason) : s.reason);
        m_stops->setItem(i, 0, reason);
        m_stops->setItem(i, 1, cell(QLocale().toString(s.stops), true));
        m_stops->setItem(i, 2, cell(minutes(s.totalMs), true));
        m_stops->setItem(i, 3, cell(localTime(s.lastMs).mid(5), true));
    }
    QStringList services;
    for (const ServiceRecord &s : d.services)
        services << tr("%1 %2: %3").arg(localTime(s.t), s.user, s.text);
    m_services->setText(services.isEmpty() ? tr("No service recorded.") : services.join(u'\n'));

    // ---- trend ----
    widgets::TrendPenInfo pen;
    pen.path = h->vibrationTag;
    pen.label = tr("%1 · vibration").arg(h->name);
    pen.unit = QStringLiteral("mm/s");
    pen.decimals = 2;
    pen.staleAfterMs = int(std::max<TimestampMs>(30'000, d.vibration.bucketMs * 3));
    if (h->zones.isValid())
        pen.limits = {{h->zones.ab, tr("A/B"), QColor()}, {h->zones.bc, tr("B/C"), QColor()},
                      {h->zones.cd, tr("C/D"), QColor()}};
    const QByteArray id = m_engine->model().timeZone().toUtf8();
    m_plot->setTimeZone(QTimeZone::isTimeZoneIdAvailable(id) ? QTimeZone(id) : QTimeZone::utc());
    m_plot->setFollowLive(false);
    if (h->vibrationTag.isEmpty()) {
        m_plot->setPens({});
        return;
    }
    m_plot->setPens({pen});
    m_plot->setPenData(0, d.vibration);
    drawProjection(d, *h);
    m_plot->setViewRange(d.viewFrom, d.viewTo);
}

void MaintenancePage::fillOil(const MachineHealth &h, QStringList *lines)
{
    const OilHealth &oil = h.oil;
    if (!oil.monitored) {
        m_oil->hide();
        return;
    }
    const auto num = [](double v, int dec) {
        return std::isfinite(v) ? QLocale().toString(v, 'f', dec) : QStringLiteral("—");
    };
    const auto mark = [](cond::Severity s) {
        return s >= cond::Severity::Warning ? QStringLiteral("▲ ") : QString();
    };
    const auto sevWord = [](cond::Severity s) {
        switch (s) {
        case cond::Severity::Alarm: return tr("alarm");
        case cond::Severity::Warning: return tr("alert");
        case cond::Severity::Normal: return tr("good");
        case cond::Severity::Unknown: break;
        }
        return tr("no data");
    };
    // Cleanliness: the code with its target; colour only when abnormal (HMI-STYLE.md: the amber
    // abnormal mark with dark text, as the zone cell of the fleet table), else calm text.
    if (!oil.particleTags[0].isEmpty() || !oil.particleTags[1].isEmpty()
        || !oil.particleTags[2].isEmpty()) {
        const QString code = oil.code.isValid() ? oil.code.toString() : QStringLiteral("—");
        const QString counts = tr("%1 / %2 / %3 particles per mL")
                                       .arg(num(oil.perMl[0], 0), num(oil.perMl[1], 0),
                                            num(oil.perMl[2], 0));
        QString html;
        if (oil.cleanliness >= cond::Severity::Warning) {
            const QColor amber = widgets::Theme::colors().down;
            html = tr("Oil cleanliness ISO 4406 %1 (target %2) %3")
                           .arg(QStringLiteral("<span style=\"background-color:%1; color:#1F1F1F; "
                                               "font-weight:bold\">&nbsp;▲ %2&nbsp;</span>")
                                        .arg(amber.name(), code.toHtmlEscaped()),
                                oil.target.toString().toHtmlEscaped(),
                                tr("<b>%1</b>: %2 steps above the target")
                                        .arg(sevWord(oil.cleanliness))
                                        .arg(oil.excess));
        } else {
            html = tr("Oil cleanliness ISO 4406 %1 (target %2) — %3")
                           .arg(code.toHtmlEscaped(), oil.target.toString().toHtmlEscaped(),
                                sevWord(oil.cleanliness));
        }
        html += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                        .arg(widgets::Theme::colors().secondaryText.name(), counts.toHtmlEscaped());
        if (oil.rul.status == cond::RulStatus::Ok)
            html += QStringLiteral("<br>")
                    + tr("Reaches its alarm code (%1) in %2 h (%3–%4 h)")
                              .arg(report::oilSizeName(oil.rulSize).toHtmlEscaped(),
                                   num(oil.rul.rulHours(), 1), num(oil.rul.rulLowHours(), 1),
                                   oil.rul.lateBeyondHorizon ? tr("> horizon")
                                                             : num(oil.rul.rulHighHours(), 1));
        else if (oil.rul.status != cond::RulStatus::Crossed && !oil.rul.reason.isEmpty())
            html += QStringLiteral("<br>")
                    + tr("Oil remaining life: %1").arg(oil.rul.reason.toHtmlEscaped());
        m_oil->setText(html);
        m_oil->show();
    } else {
        m_oil->hide();
    }
    if (!oil.waterTag.isEmpty())
        *lines << mark(oil.waterSeverity)
                        + tr("Water in oil %1 (alert %2, alarm %3) — %4")
                                  .arg(oil.waterPpm ? tr("%1 ppm").arg(num(oil.water, 0))
                                                    : tr("%1 % saturation").arg(num(oil.water, 0)),
                                       num(oil.waterWarn, 0), num(oil.waterAlarm, 0),
                                       sevWord(oil.waterSeverity));
    if (!oil.permittivityTag.isEmpty())
        *lines << mark(oil.permittivitySeverity)
                        + tr("Oil permittivity %1 (%2 % from new oil %3) — %4")
                                  .arg(num(oil.permittivity, 3), num(oil.permittivityChangePct, 1),
                                       num(oil.permittivityBaseline, 3),
                                       sevWord(oil.permittivitySeverity));
    if (!oil.viscosityTag.isEmpty())
        *lines << mark(oil.viscositySeverity)
                        + (std::isfinite(oil.viscosity)
                                   ? tr("Oil viscosity %1 mm²/s (%2 % from new oil) — %3")
                                             .arg(num(oil.viscosity, 1),
                                                  num(oil.viscosityChangePct, 1),
                                                  sevWord(oil.viscositySeverity))
                                   : tr("Oil viscosity %1 % from new oil — %2")
                                             .arg(num(oil.viscosityChangePct, 1),
                                                  sevWord(oil.viscositySeverity)));
    if (!oil.tanTag.isEmpty())
        *lines << mark(oil.tanSeverity)
                        + tr("Oil acid number %1 mg KOH/g (+%2 over new oil) — %3")
                                  .arg(num(oil.tan, 2), num(oil.tanIncrease, 2),
                                       sevWord(oil.tanSeverity));
}

void MaintenancePage::drawProjection(const MaintenancePageData &d, const MachineHealth &h)
{
    QCustomPlot *plot = m_plot->customPlot();
    QCPAxis *x = plot->xAxis;
    QCPAxis *y = m_plot->valueAxis(0);
    if (!y)
        return;
    const widgets::ThemeColors &c = widgets::Theme::colors();

    // Zone bands C and D: the abnormal amber, faint, under the data (HMI-STYLE.md).
    if (h.zones.isValid()) {
        const auto band = [&](double lo, double hi, int alpha) {
            auto *rect = new QCPItemRect(plot);
            rect->setLayer(QStringLiteral("grid"));
            rect->topLeft->setAxes(x, y);
            rect->bottomRight->setAxes(x, y);
            rect->topLeft->setCoords(keyOf(d.viewFrom - 100 * kDayMs), hi);
            rect->bottomRight->setCoords(keyOf(d.viewTo + 100 * kDayMs), lo);
            QColor fill = c.down;
            fill.setAlpha(alpha);
            rect->setBrush(fill);
            rect->setPen(Qt::NoPen);
            rect->setSelectable(false);
        };
        band(h.zones.bc, h.zones.cd, c.dark ? 22 : 16);
        band(h.zones.cd, h.zones.cd * 10, c.dark ? 50 : 40);
    }

    // The points the RUL fit sees (bucket means of running minutes); the fitted part darker.
    QVector<double> fk, fv, uk, uv;
    for (std::size_t i = 0; i < h.vibrationPoints.size(); ++i) {
        const cond::Point &p = h.vibrationPoints[i];
        (int(i) >= h.fitFromIndex ? fk : uk).push_back(keyOf(p.t));
        (int(i) >= h.fitFromIndex ? fv : uv).push_back(p.v);
    }
    const QColor ink = c.text;
    const QColor grey = c.secondaryText;
    auto *used = plot->addGraph(x, y);
    used->setName(tr("fit points (running)"));
    used->setLineStyle(QCPGraph::lsNone);
    used->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, ink, ink, 4));
    used->setData(fk, fv, true);
    if (!uk.isEmpty()) {
        auto *unused = plot->addGraph(x, y);
        unused->removeFromLegend();
        unused->setLineStyle(QCPGraph::lsNone);
        unused->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, grey, 4));
        unused->setData(uk, uv, true);
    }

    const cond::RulEstimate &r = h.rul;
    if (r.status != cond::RulStatus::Ok || h.vibrationPoints.empty())
        return;
    // The fitted curve from the degradation start to the band's late edge, and its band.
    const cond::TrendFit &fit = r.fit();
    const std::size_t start = std::min<std::size_t>(std::size_t(std::max(0, h.fitFromIndex)),
                                                    h.vibrationPoints.size() - 1);
    const TimestampMs t0 = h.vibrationPoints[start].t;
    const TimestampMs t1 = std::min(r.lateMs, d.viewTo);
    QVector<double> keys, mid, lo, hi;
    for (int i = 0; i <= kProjectionSteps; ++i) {
        const TimestampMs t = t0 + (t1 - t0) * i / kProjectionSteps;
        keys << keyOf(t);
        mid << fit.predict(t);
        lo << fit.bandLow(t, r.tq);
        hi << fit.bandHigh(t, r.tq);
    }
    QColor bandFill = grey;
    bandFill.setAlpha(60);
    auto *bandHigh = plot->addGraph(x, y);
    bandHigh->setName(tr("90 % band"));
    bandHigh->setPen(QPen(grey, 1, Qt::DotLine));
    bandHigh->setData(keys, hi, true);
    auto *bandLow = plot->addGraph(x, y);
    bandLow->removeFromLegend();
    bandLow->setPen(QPen(grey, 1, Qt::DotLine));
    bandLow->setBrush(bandFill);
    bandLow->setChannelFillGraph(bandHigh);
    bandLow->setData(keys, lo, true);
    auto *curve = plot->addGraph(x, y);
    curve->setName(tr("%1 fit").arg(cond::trendModelName(r.chosen)));
    curve->setPen(QPen(ink, 2, Qt::DashLine));
    curve->setData(keys, mid, true);

    // The crossing and the band's edges on the threshold.
    const auto vline = [&](TimestampMs t, Qt::PenStyle style) {
        auto *line = new QCPItemStraightLine(plot);
        line->point1->setAxes(x, y);
        line->point2->setAxes(x, y);
        line->point1->setCoords(keyOf(t), 0);
        line->point2->setCoords(keyOf(t), 1);
        line->setPen(QPen(ink, 1, style));
        line->setSelectable(false);
    };
    vline(r.crossingMs, Qt::DashLine);
    vline(r.earlyMs, Qt::DotLine);
    if (!r.lateBeyondHorizon && r.lateMs <= d.viewTo)
        vline(r.lateMs, Qt::DotLine);
    auto *label = new QCPItemText(plot);
    label->position->setAxes(x, y);
    // Inside the zone band, left of the crossing, clear of the boundary labels at the edge.
    const double labelY = h.zones.isValid() && r.threshold < h.zones.cd
            ? (r.threshold + std::min(h.zones.cd, r.threshold * 1.6)) / 2
            : r.threshold;
    label->position->setCoords(keyOf(r.crossingMs), labelY);
    label->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setPadding(QMargins(4, 2, 6, 2));
    label->setColor(ink);
    label->setBrush(c.panel);
    label->setText(tr("zone %1 in %2 h\n(%3–%4 h)")
                           .arg(vibrationZoneName(h.rulZone),
                                QLocale().toString(r.rulHours(), 'f', 1),
                                QLocale().toString(r.rulLowHours(), 'f', 1),
                                r.lateBeyondHorizon ? tr("> horizon")
                                                    : QLocale().toString(r.rulHighHours(), 'f', 1)));
    label->setSelectable(false);
    plot->legend->setVisible(true);
    andon::widgets::replotWhenDrawable(plot, QCustomPlot::rpQueuedReplot);
}

// ---- service acknowledgement ----

ServiceDialog *MaintenancePage::serviceDialog() const
{
    return m_dialog;
}

ServiceDialog *MaintenancePage::openServiceDialog(int machine)
{
    if (!m_engine->historian() || !m_data || !m_data->fleet)
        return nullptr;
    QString why;
    if (!allowed(*m_engine, Action::RecordService, &why)) {
        m_status->setText(tr("Service not recorded: %1").arg(why));
        return nullptr;
    }
    if (machine < 0)
        machine = m_machine;
    const MachineHealth *h = nullptr;
    for (const MachineHealth &m : m_data->fleet->machines)
        if (m.machine == machine)
            h = &m;
    if (!h)
        return nullptr;
    if (m_dialog)
        m_dialog->deleteLater();
    const QByteArray zoneId = m_engine->model().timeZone().toUtf8();
    const QTimeZone zone =
            QTimeZone::isTimeZoneIdAvailable(zoneId) ? QTimeZone(zoneId) : QTimeZone::utc();
    m_dialog = new ServiceDialog(*h, currentUserName(), localTime(m_clock->now()), zone, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ServiceDialog::submitted, this, [this] {
        if (m_dialog)
            recordService(*m_dialog);
    });
    connect(m_dialog, &QObject::destroyed, this, [this, d = m_dialog] {
        if (m_dialog == d)
            m_dialog = nullptr;
    });
    m_dialog->open();
    return m_dialog;
}

bool MaintenancePage::recordService(ServiceDialog &dialog)
{
    storage::Historian *historian = m_engine->historian();
    QString error;
    std::int64_t id = -1;
    if (!historian) {
        error = tr("no historian is open");
    } else if (!allowed(*m_engine, Action::RecordService, &error)) {
        // `error` says which role it needs (the user may have changed while it was open)
    } else if (dialog.text().isEmpty()) {
        error = tr("say what was done");
    } else {
        id = HealthQuery::acknowledgeService(*historian, m_engine->model(), dialog.machine(),
                                             currentUserName(), dialog.text(), m_clock->now(),
                                             &dialog.health(), &error, dialog.countersToReset());
    }
    if (id < 0) {
        if (error.isEmpty())
            error = tr("the event journal refused it");
        dialog.setError(error);
        m_status->setText(tr("Service not recorded: %1").arg(error));
        qCInfo(lcMaintenancePage).noquote() << "service for" << dialog.health().path
                                            << "not recorded:" << error;
        return false;
    }
    m_status->setText(tr("Service recorded for %1").arg(dialog.health().name));
    dialog.accept();
    refresh();
    return true;
}

// ---- exports ----

bool MaintenancePage::exportCsv(const QString &path, QString *error)
{
    if (!m_data || !m_data->fleet) {
        if (error)
            *error = tr("nothing computed yet");
        return false;
    }
    report::WorkList list =
            report::WorkList::fromFleet(*m_data->fleet, m_engine->model(), m_clock->now());
    list.source = m_data->source;
    list.asOfNewestData = m_data->asOfNewestData;
    return report::writeWorkListCsv(list, path, error);
}

bool MaintenancePage::exportPdf(const QString &path, QString *error)
{
    if (!m_data || !m_data->fleet) {
        if (error)
            *error = tr("nothing computed yet");
        return false;
    }
    report::WorkList list =
            report::WorkList::fromFleet(*m_data->fleet, m_engine->model(), m_clock->now());
    list.source = m_data->source;
    list.asOfNewestData = m_data->asOfNewestData;
    const QString generator = QCoreApplication::applicationName().isEmpty()
            ? QStringLiteral("Andon")
            : QStringLiteral("%1 %2").arg(QCoreApplication::applicationName(),
                                          QCoreApplication::applicationVersion());
    return report::WorkListRenderer(list, generator.trimmed()).writePdf(path, error);
}

void MaintenancePage::exportWithDialog(bool pdf)
{
    const QString base = QDir::home().filePath(
            QStringLiteral("work-list-%1.%2")
                    .arg(QDateTime::fromMSecsSinceEpoch(m_clock->now()).toString(QStringLiteral("yyyyMMdd-HHmm")),
                         pdf ? QStringLiteral("pdf") : QStringLiteral("csv")));
    const QString path = QFileDialog::getSaveFileName(
            this, pdf ? tr("Export work list (PDF)") : tr("Export work list (CSV)"), base,
            pdf ? tr("PDF (*.pdf)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = pdf ? exportPdf(path, &error) : exportCsv(path, &error);
    m_status->setText(ok ? tr("Work list written to %1").arg(QDir::toNativeSeparators(path))
                         : tr("Work list not written: %1").arg(error));
}

// ---- "click any value to trend it" --------------------------------------------------------

const MachineHealth *MaintenancePage::trendMachine(QWidget *source, const QPoint &pos) const
{
    if (!m_data || !m_data->fleet)
        return nullptr;
    if (source == m_fleet) {
        const QTableWidgetItem *item = m_fleet->item(m_fleet->rowAt(pos.y()), 0);
        if (!item)
            return nullptr;
        const int machine = item->data(kMachineRole).toInt();
        for (const MachineHealth &h : m_data->fleet->machines)
            if (h.machine == machine)
                return &h;
        return nullptr;
    }
    if (source == m_plot || source == m_summary || source == m_oil)
        return m_data->detail();
    return nullptr;
}

void MaintenancePage::requestTrend(const MachineHealth &h, const QStringList &paths)
{
    if (!m_data || paths.isEmpty())
        return;
    emit trendRequested(paths, healthWindowStart(m_engine->model(), h, m_data->nowMs),
                        m_data->nowMs);
}

QMenu *MaintenancePage::createTrendMenu(QWidget *source, const QPoint &pos)
{
    const MachineHealth *h = trendMachine(source, pos);
    if (!h)
        return nullptr;
    // Taken now: the data may be replaced while the menu is open.
    const qint64 from = healthWindowStart(m_engine->model(), *h, m_data->nowMs);
    const qint64 to = m_data->nowMs;
    return andon::ui::createTrendMenu(indicatorTargets(m_engine->model(), *h), this,
                                      [this, from, to](const QStringList &paths) {
                                          emit trendRequested(paths, from, to);
                                      });
}

} // namespace andon::ui

#include "maintenance_page.moc"
