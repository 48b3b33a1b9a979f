#include "ui/oee_page.h"
#include "ui/page_widgets.h"

#include "engine/access_control.h"
#include "engine/engine.h"
#include "engine/stop_annotations.h"
#include "storage/historian.h"
#include "ui/access_gate.h"
#include "ui/current_user.h"
#include "ui/oee_page_data.h"
#include "ui/reason_dialog.h"
#include "ui/trend_menu.h"
#include "widgets/oee_gauge.h"
#include "widgets/pareto_chart.h"
#include "widgets/state_timeline.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>
#include <cmath>

Q_LOGGING_CATEGORY(lcOeePage, "andon.ui.oee")

namespace andon::ui {

// Lives on the page's worker thread; owns the computer and its completed-shift cache.
class OeePageWorker : public QObject
{
    Q_OBJECT
public:
    OeePageWorker(std::shared_ptr<const PlantModel> model, const storage::Historian *historian)
        : m_computer(std::move(model), historian)
    {
    }
    OeePageComputer m_computer;
    std::atomic<double> m_lastComputeMs{0};
};

namespace {
constexpr int kRefreshMs = 1000; // 1 Hz (issue: live at 1-2 Hz)
constexpr int kCodeRole = Qt::UserRole;
constexpr int kStartRole = Qt::UserRole + 1;
constexpr int kMaxUnexplained = 100;
const QString kSettingsKey = QStringLiteral("oeePage/selection");

QString pct(const std::optional<double> &v, const std::optional<double> &target = std::nullopt)
{
    if (!v)
        return QStringLiteral("—");
    const QString s = QLocale().toString(*v * 100.0, 'f', 1);
    const bool below = target && std::round(*v * 1000.0) < std::round(*target * 1000.0);
    return below ? QStringLiteral("▼ ") + s : s;
}

std::optional<double> opt(double v)
{
    return std::isnan(v) ? std::nullopt : std::optional<double>(v);
}

QString hours(TimestampMs ms)
{
    return QLocale().toString(double(ms) / 3'600'000.0, 'f', 1);
}

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (text.startsWith(QStringLiteral("▼"))) {
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
        item->setToolTip(OeePage::tr("Below target"));
    }
    return item;
}

// Sets the text of a cell, reusing its item (a refresh every second must not rebuild every
// item: with many rows that costs more than the whole computation).
QTableWidgetItem *setCell(QTableWidget *t, int row, int col, const QString &text,
                          bool number = true)
{
    QTableWidgetItem *item = t->item(row, col);
    if (!item) {
        item = cell(text, number);
        t->setItem(row, col, item);
        return item;
    }
    if (item->text() != text) {
        item->setText(text);
        QFont f = item->font();
        const bool below = text.startsWith(QStringLiteral("▼"));
        if (f.bold() != below) {
            f.setBold(below);
            item->setFont(f);
        }
        item->setToolTip(below ? OeePage::tr("Below target") : QString());
    }
    return item;
}

// Column widths once per refresh instead of ResizeToContents (which measures on every change).
class TableUpdate
{
public:
    explicit TableUpdate(QTableWidget *t) : m_t(t) { m_t->setUpdatesEnabled(false); }
    ~TableUpdate()
    {
        for (int c = 0; c < m_t->columnCount(); ++c) {
            if (m_t->horizontalHeader()->sectionResizeMode(c) != QHeaderView::Stretch)
                m_t->resizeColumnToContents(c);
        }
        m_t->setUpdatesEnabled(true);
    }

private:
    QTableWidget *m_t;
};

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    return makeReadOnlyTable(headers, parent);
}

QLabel *heading(const QString &text, QWidget *parent)
{
    return makeHeading(text, parent);
}
} // namespace

OeePage::OeePage(Engine *engine, const Clock *clock, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_clock(clock)
{
    const PlantModel &plant = engine->model();
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 8, 12, 8);
    outer->setSpacing(6);

    // ---- selector row ----
    auto *top = new QHBoxLayout();
    auto *selLabel = new QLabel(tr("Machine or line:"), this);
    m_selector = new QComboBox(this);
    m_selector->setObjectName(QStringLiteral("oeeSelector"));
    for (std::size_t l = 0; l < plant.lines.size(); ++l) {
        m_selector->addItem(tr("Line %1 (bottleneck)").arg(plant.lines[l].name),
                            -int(l) - 1);
        for (int mi : plant.lines[l].machines)
            m_selector->addItem(QStringLiteral("    ") + plant.machines[std::size_t(mi)].name, mi);
    }
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    selLabel->setBuddy(m_selector);
    m_shiftLabel = new QLabel(this);
    m_shiftLabel->setObjectName(QStringLiteral("oeeShift"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("oeeStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(selLabel);
    top->addWidget(m_selector);
    top->addSpacing(16);
    top->addWidget(m_shiftLabel, 1);
    top->addWidget(m_status);
    outer->addLayout(top);

    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack, 1);
    auto *noHistorian = new QLabel(
            tr("No historian is open. The OEE page computes availability, performance and "
               "quality from the history of states and counts: start Andon with a historian "
               "(historian.path in the plant configuration, or --db FILE)."),
            m_stack);
    noHistorian->setObjectName(QStringLiteral("oeeNoHistorian"));
    noHistorian->setWordWrap(true);
    noHistorian->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(noHistorian);

    auto *content = new QWidget(m_stack);
    auto *grid = new QVBoxLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);

    // ---- gauges + shift/day/week table ----
    auto *kpiRow = new QHBoxLayout();
    const QString labels[4] = {tr("Availability"), tr("Performance"), tr("Quality"), tr("OEE")};
    for (int i = 0; i < 4; ++i) {
        m_gauges[i] = new widgets::OeeGauge(labels[i], content);
        m_gauges[i]->setObjectName(QStringLiteral("gauge%1").arg(i));
        m_gauges[i]->setMinimumSize(120, 140);
        kpiRow->addWidget(m_gauges[i], 2);
    }
    auto *periodBox = new QVBoxLayout();
    periodBox->addWidget(heading(tr("Target vs actual"), content));
    m_periods = makeTable({tr("Period"), tr("A %"), tr("P %"), tr("Q %"), tr("OEE %"),
                           tr("Planned h"), tr("Run h"), tr("Down h"), tr("Good"), tr("Reject")},
                          content);
    m_periods->setObjectName(QStringLiteral("oeePeriods"));
    m_periods->setSelectionMode(QAbstractItemView::NoSelection);
    periodBox->addWidget(m_periods, 1);
    kpiRow->addLayout(periodBox, 11);
    grid->addLayout(kpiRow, 0);

    // ---- timeline ----
    grid->addWidget(heading(tr("States in this shift"), content));
    m_timeline = new widgets::StateTimeline(content);
    m_timeline->setObjectName(QStringLiteral("oeeTimeline"));
    grid->addWidget(m_timeline);

    // ---- Pareto | previous shifts | unexplained stops ----
    auto *bottom = new QHBoxLayout();
    auto *paretoBox = new QVBoxLayout();
    paretoBox->addWidget(heading(tr("Downtime by reason (min, cumulative %)"), content));
    m_pareto = new widgets::ParetoChart(content);
    m_pareto->setObjectName(QStringLiteral("oeePareto"));
    paretoBox->addWidget(m_pareto, 1);
    bottom->addLayout(paretoBox, 5);

    auto *prevBox = new QVBoxLayout();
    prevBox->addWidget(heading(tr("This and previous shifts"), content));
    m_previous = makeTable({tr("Shift"), tr("A %"), tr("P %"), tr("Q %"), tr("OEE %")}, content);
    m_previous->setObjectName(QStringLiteral("oeePrevious"));
    m_previous->setSelectionMode(QAbstractItemView::NoSelection);
    prevBox->addWidget(m_previous, 1);
    bottom->addLayout(prevBox, 4);

    auto *stopsBox = new QVBoxLayout();
    stopsBox->addWidget(heading(tr("Unexplained stops ≥ micro-stop limit (click to give a reason)"), content));
    m_unexplained = makeTable({tr("Start"), tr("Machine"), tr("Min"), tr("State")}, content);
    m_unexplained->setObjectName(QStringLiteral("oeeUnexplained"));
    stopsBox->addWidget(m_unexplained, 1);
    bottom->addLayout(stopsBox, 4);
    grid->addLayout(bottom, 1);
    m_stack->addWidget(content);

    for (QTableWidget *t : {m_periods, m_previous, m_unexplained}) {
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        t->horizontalHeader()->setStretchLastSection(false);
    }
    m_periods->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_previous->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_unexplained->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);

    storage::Historian *historian = engine->historian();
    m_stack->setCurrentIndex(historian ? 1 : 0);
    if (historian) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("oee-page"));
        m_worker = new OeePageWorker(engine->modelPtr(), historian);
        m_worker->moveToThread(m_thread);
        m_thread->start();
    } else {
        m_status->setText(tr("no historian"));
        m_selector->setEnabled(false);
    }

    connect(m_selector, &QComboBox::currentIndexChanged, this, [this](int i) {
        const int v = m_selector->itemData(i).toInt();
        select(v < 0, v < 0 ? -v - 1 : v);
        QSettings().setValue(kSettingsKey, v);
    });
    connect(m_timeline, &widgets::StateTimeline::clicked, this, &OeePage::onTimelineClicked);
    // Reasons need the operator role: the stop list says so when the signed-in role has not.
    const auto updatePermissions = [this] {
        QString why;
        m_unexplained->setToolTip(allowed(*m_engine, Action::EnterReason, &why)
                                      ? tr("Click a stop to give its reason")
                                      : why);
    };
    connect(engine->access(), &AccessControl::userChanged, this, updatePermissions);
    updatePermissions();
    connect(m_unexplained, &QTableWidget::cellClicked, this, [this](int row, int) {
        const QTableWidgetItem *item = m_unexplained->item(row, 0);
        if (item)
            openReasonDialog(item->data(kCodeRole).toInt(), item->data(kStartRole).toLongLong());
    });

    // "Click any value to trend it": right-click on the timeline, the tables and the gauges;
    // double-click on the period tables (the timeline and the stop list open reasons on click).
    QList<QWidget *> trendSources{m_timeline, m_periods, m_previous, m_unexplained};
    for (widgets::OeeGauge *g : m_gauges)
        trendSources << g;
    for (QWidget *w : std::as_const(trendSources)) {
        w->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(w, &QWidget::customContextMenuRequested, this, [this, w](const QPoint &pos) {
            auto *table = qobject_cast<QTableWidget *>(w);
            const QWidget *at = table ? table->viewport() : w;
            popupTrendMenu(createTrendMenu(w, pos), at->mapToGlobal(pos));
        });
    }
    for (QTableWidget *t : {m_periods, m_previous}) {
        connect(t, &QTableWidget::cellDoubleClicked, this, [this, t](int row, int) {
            std::vector<int> machines;
            qint64 from = 0, to = 0;
            QString bottleneck;
            if (!periodRowContext(t, row, &machines, &from, &to, &bottleneck) || machines.empty())
                return;
            const Machine &m = m_engine->model().machines[std::size_t(machines.front())];
            std::vector<TagId> ids;
            for (TagRole r : {TagRole::State, TagRole::GoodCount, TagRole::RejectCount, TagRole::Rate})
                ids.push_back(m.roleTag(r));
            const QStringList paths = allTrendPaths(tagTargets(m_engine->model(), ids));
            if (!paths.isEmpty())
                emit trendRequested(paths, from, to);
        });
    }

    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer->start();

    // Last selection (QSettings), else the first line.
    const int saved = QSettings().value(kSettingsKey, -1).toInt();
    const int at = m_selector->findData(saved);
    m_selector->setCurrentIndex(at >= 0 ? at : 0);
    if (m_selector->count() > 0) {
        const int v = m_selector->currentData().toInt();
        m_isLine = v < 0;
        m_index = v < 0 ? -v - 1 : v;
    }
}

OeePage::~OeePage()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
    delete m_worker;
}

double OeePage::lastComputeMs() const
{
    return m_worker ? m_worker->m_lastComputeMs.load() : 0.0;
}

void OeePage::setLine(int line)
{
    const int at = m_selector->findData(-line - 1);
    if (at >= 0)
        m_selector->setCurrentIndex(at);
}

void OeePage::setMachine(int machine)
{
    const int at = m_selector->findData(machine);
    if (at >= 0)
        m_selector->setCurrentIndex(at);
}

void OeePage::select(bool isLine, int index)
{
    if (isLine == m_isLine && index == m_index)
        return;
    m_isLine = isLine;
    m_index = index;
    ++m_generation; // a result for the old selection is dropped
    refresh();
}

void OeePage::refresh()
{
    if (!m_worker)
        return;
    if (m_busy) {
        m_pending = true;
        return;
    }
    m_busy = true;
    const bool isLine = m_isLine;
    const int index = m_index;
    const TimestampMs now = m_clock->now();
    const quint64 generation = m_generation;
    OeePageWorker *worker = m_worker;
    // The page outlives the worker thread (the destructor waits for it), so the queued call
    // back to the page cannot reach a deleted object.
    QMetaObject::invokeMethod(worker, [this, worker, isLine, index, now, generation] {
        auto data = std::make_shared<const OeePageData>(
                worker->m_computer.compute(isLine, index, now, generation));
        worker->m_lastComputeMs = data->computeMs;
        QMetaObject::invokeMethod(this, [this, data] { apply(data); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void OeePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void OeePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_data)
        fillTimeline(*m_data);
    QWidget::changeEvent(event);
}

QString OeePage::reasonText(int machine, const QString &code) const
{
    if (code.isEmpty() || code == QLatin1String(MachineOee::kUnassigned))
        return tr("Unassigned");
    const PlantModel &plant = m_engine->model();
    const OeeSettings &s = machine >= 0 ? plant.machineOee(machine)
            : (m_isLine ? plant.lineOee(m_index) : plant.machineOee(m_index));
    if (s.reasons.find(code))
        return s.reasons.name(code);
    // A code only a machine of the line knows (line view).
    for (int m : (m_data ? m_data->machines : std::vector<int>{})) {
        if (plant.machineOee(m).reasons.find(code))
            return plant.machineOee(m).reasons.name(code);
    }
    return code;
}

void OeePage::apply(std::shared_ptr<const OeePageData> data)
{
    m_busy = false;
    if (data->generation != m_generation) {
        refresh(); // the selection changed meanwhile
        return;
    }
    QElapsedTimer timer;
    timer.start();
    m_data = data;
    const OeePageData &d = *data;
    const QTimeZone zone(m_engine->model().calendar.timeZone.toUtf8());
    if (d.hasShift) {
        const auto local = [&](TimestampMs t) {
            return QDateTime::fromMSecsSinceEpoch(t, zone.isValid() ? zone : QTimeZone::utc());
        };
        QString text = tr("%1 — shift %2, %3 – %4 (%5)")
                               .arg(d.title, d.shiftLabel,
                                    local(d.shiftStartMs).toString(QStringLiteral("HH:mm")),
                                    local(d.shiftEndMs).toString(QStringLiteral("HH:mm")),
                                    m_engine->model().calendar.isSet()
                                            ? m_engine->model().calendar.timeZone
                                            : m_engine->model().timeZone());
        if (d.isLine && !d.bottleneck.isEmpty())
            text += tr(" · bottleneck: %1").arg(d.bottleneck);
        m_shiftLabel->setText(text);
    } else {
        m_shiftLabel->setText(tr("%1 — no shift").arg(d.title));
    }
    const std::optional<double> values[4] = {d.availability, d.performance, d.quality, d.oee};
    const double targets[4] = {d.targets.availability, d.targets.performance, d.targets.quality,
                               d.targets.oee};
    for (int i = 0; i < 4; ++i) {
        m_gauges[i]->setTarget(opt(targets[i]));
        m_gauges[i]->setValue(values[i], d.unknownReason);
    }
    QElapsedTimer part;
    part.start();
    fillPeriods(d);
    fillPrevious(d);
    const qint64 tTables = part.restart();
    fillTimeline(d);
    const qint64 tTimeline = part.restart();
    fillPareto(d);
    const qint64 tPareto = part.restart();
    fillUnexplained(d);
    qCDebug(lcOeePage) << "apply: tables" << tTables << "ms, timeline" << tTimeline
                       << "ms, pareto" << tPareto << "ms, stops" << part.elapsed() << "ms;"
                       << d.stops.size() << "stops";

    QString status = tr("updated %1 (%2 ms)")
                             .arg(QDateTime::fromMSecsSinceEpoch(d.nowMs, zone.isValid() ? zone : QTimeZone::utc())
                                          .toString(QStringLiteral("HH:mm:ss")))
                             .arg(QLocale().toString(d.computeMs, 'f', 0));
    if (!d.warnings.isEmpty())
        status = tr("⚠ %n warning(s)", nullptr, int(d.warnings.size())) + QStringLiteral(" · ")
                + status;
    if (!m_status->property("error").toString().isEmpty())
        status = m_status->property("error").toString();
    m_status->setText(status);
    m_status->setToolTip(d.warnings.join(u'\n'));
    m_lastApplyMs = double(timer.nsecsElapsed()) / 1e6;
    ++m_applied;
    emit refreshed();
    if (m_pending) {
        m_pending = false;
        refresh();
    }
}

void OeePage::fillPeriods(const OeePageData &d)
{
    const TableUpdate update(m_periods);
    m_periods->setRowCount(int(d.periods.size()) + 1);
    const auto t = d.targets;
    const QString targetRow[] = {tr("Target"), pct(opt(t.availability)), pct(opt(t.performance)),
                                 pct(opt(t.quality)), pct(opt(t.oee))};
    for (int c = 0; c < m_periods->columnCount(); ++c)
        setCell(m_periods, 0, c, c < 5 ? targetRow[c] : QString(), c > 0);
    for (std::size_t i = 0; i < d.periods.size(); ++i) {
        const OeePeriodRow &p = d.periods[i];
        const OeeTotals &x = p.totals;
        const bool noData = x.noData();
        const QString texts[] = {p.shortLabel,
                                 noData ? QStringLiteral("—") : pct(x.availability(), opt(t.availability)),
                                 pct(x.performance(), opt(t.performance)),
                                 pct(x.quality(), opt(t.quality)),
                                 pct(x.oee(), opt(t.oee)),
                                 hours(x.plannedBusyMs),
                                 hours(x.runMs),
                                 hours(x.downMs()),
                                 QLocale().toString(x.goodCount, 'f', 0),
                                 QLocale().toString(x.rejectCount, 'f', 0)};
        for (int c = 0; c < 10; ++c)
            setCell(m_periods, int(i) + 1, c, texts[c], c > 0);
        QString tip = p.label;
        if (!p.bottleneck.isEmpty())
            tip += u'\n' + tr("Bottleneck: %1").arg(p.bottleneck);
        if (x.unknownMs > 0)
            tip += u'\n' + tr("Unknown time (no data): %1 h").arg(hours(x.unknownMs));
        m_periods->item(int(i) + 1, 0)->setToolTip(tip);
    }
}

void OeePage::fillPrevious(const OeePageData &d)
{
    const TableUpdate update(m_previous);
    m_previous->setRowCount(int(d.previousShifts.size()));
    const auto t = d.targets;
    // Newest first: the current shift at the top.
    for (std::size_t k = 0; k < d.previousShifts.size(); ++k) {
        const OeePeriodRow &p = d.previousShifts[d.previousShifts.size() - 1 - k];
        const OeeTotals &x = p.totals;
        const QString label = k == 0 ? tr("%1 (now)").arg(p.shortLabel) : p.shortLabel;
        // A shift with no data at all is not a 0 % shift: it shows as unknown.
        const bool noData = x.noData();
        const QString texts[] = {label,
                                 noData ? QStringLiteral("—") : pct(x.availability(), opt(t.availability)),
                                 pct(x.performance(), opt(t.performance)),
                                 pct(x.quality(), opt(t.quality)), pct(x.oee(), opt(t.oee))};
        for (int c = 0; c < 5; ++c)
            setCell(m_previous, int(k), c, texts[c], c > 0);
        QString tip = p.label;
        if (!p.bottleneck.isEmpty())
            tip += u'\n' + tr("Bottleneck: %1").arg(p.bottleneck);
        if (noData)
            tip += u'\n' + tr("No data for this shift");
        else if (x.unknownMs > 0)
            tip += u'\n' + tr("Unknown time (no data): %1 h").arg(hours(x.unknownMs));
        m_previous->item(int(k), 0)->setToolTip(tip);
    }
}

void OeePage::fillTimeline(const OeePageData &d)
{
    const PlantModel &plant = m_engine->model();
    QTimeZone zone(plant.calendar.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    m_timeline->setRange(d.shiftStartMs, d.shiftEndMs, d.nowMs, zone);
    std::vector<widgets::TimelineRow> rows;
    for (std::size_t k = 0; k < d.machines.size(); ++k) {
        const int machine = d.machines[k];
        widgets::TimelineRow row;
        row.label = plant.machines[std::size_t(machine)].name;
        // This machine's stop parts, in time order (d.stops is sorted by start).
        std::vector<const analytics::StopEvent *> stops;
        for (const OeeStopRow &st : d.stops) {
            if (st.machine == machine)
                stops.push_back(&st.stop);
        }
        std::size_t next = 0; // first stop part not ending before the current time
        for (const analytics::StateInterval &s : d.states[k]) {
            // Cut the state at the stop parts inside it, so a split stop shows both reasons.
            TimestampMs t = s.startMs;
            while (t < s.endMs) {
                while (next < stops.size() && stops[next]->endMs <= t)
                    ++next;
                widgets::TimelineSegment seg;
                seg.startMs = t;
                seg.endMs = s.endMs;
                seg.category = s.category;
                seg.state = s.reason;
                if (next < stops.size() && stops[next]->startMs <= t) {
                    const analytics::StopEvent &st = *stops[next];
                    seg.stop = true;
                    seg.endMs = std::min(seg.endMs, st.endMs);
                    if (!st.reasonCode.isEmpty())
                        seg.reason = reasonText(machine, st.reasonCode);
                } else if (next < stops.size()) {
                    seg.endMs = std::min(seg.endMs, stops[next]->startMs);
                }
                t = seg.endMs;
                row.segments.push_back(std::move(seg));
            }
        }
        rows.push_back(std::move(row));
    }
    m_timeline->setRows(std::move(rows));
}

void OeePage::fillPareto(const OeePageData &d)
{
    std::vector<widgets::ParetoItem> items;
    const int machine = d.isLine ? -1 : d.index;
    for (const auto &[code, ms] : d.stopMsByReason)
        items.push_back({reasonText(machine, code), double(ms) / 60'000.0});
    m_pareto->setItems(std::move(items));
}

void OeePage::fillUnexplained(const OeePageData &d)
{
    const PlantModel &plant = m_engine->model();
    QTimeZone zone(plant.calendar.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    // Stops without a reason, except micro-stops (they are many and short; the timeline still
    // opens them), newest first and at most kMaxUnexplained.
    std::vector<const OeeStopRow *> rows;
    for (const OeeStopRow &s : d.stops) {
        if (s.stop.reasonCode.isEmpty() && !s.stop.micro)
            rows.push_back(&s);
    }
    if (rows.size() > std::size_t(kMaxUnexplained))
        rows.erase(rows.begin(), rows.end() - kMaxUnexplained);
    const TableUpdate update(m_unexplained);
    m_unexplained->setRowCount(int(rows.size()));
    // Newest first: the one the operator still remembers.
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const OeeStopRow &s = *rows[rows.size() - 1 - k];
        QTableWidgetItem *start = setCell(m_unexplained, int(k), 0,
                                          QDateTime::fromMSecsSinceEpoch(s.stop.startMs, zone)
                                                  .toString(QStringLiteral("HH:mm:ss")),
                                          false);
        start->setData(kCodeRole, s.machine);
        start->setData(kStartRole, qint64(s.stop.startMs + (s.stop.endMs - s.stop.startMs) / 2));
        setCell(m_unexplained, int(k), 1, plant.machines[std::size_t(s.machine)].name, false);
        const TimestampMs shown = std::min(s.stop.endMs, d.nowMs) - s.stop.startMs;
        setCell(m_unexplained, int(k), 2, QLocale().toString(double(shown) / 60'000.0, 'f', 1));
        QString state = s.stop.reason;
        if (!s.stop.comment.isEmpty())
            state += QStringLiteral(" — ") + s.stop.comment;
        setCell(m_unexplained, int(k), 3, state, false);
    }
}

std::vector<int> OeePage::shownMachines(const QString &bottleneck) const
{
    std::vector<int> out = m_data ? m_data->machines : std::vector<int>{};
    const PlantModel &plant = m_engine->model();
    const auto it = std::find_if(out.begin(), out.end(), [&](int m) {
        return plant.machines[std::size_t(m)].name == bottleneck;
    });
    if (it != out.end())
        std::rotate(out.begin(), it, it + 1); // the bottleneck first, the rest in line order
    return out;
}

bool OeePage::periodRowContext(const QTableWidget *table, int row, std::vector<int> *machines,
                               qint64 *fromMs, qint64 *toMs, QString *bottleneck) const
{
    if (!m_data || row < 0)
        return false;
    const OeePageData &d = *m_data;
    const OeePeriodRow *p = nullptr;
    if (table == m_periods) {
        if (row > int(d.periods.size()))
            return false;
        p = row == 0 ? nullptr : &d.periods[std::size_t(row - 1)]; // row 0: the targets
    } else if (table == m_previous) {
        if (row >= int(d.previousShifts.size()))
            return false;
        p = &d.previousShifts[d.previousShifts.size() - 1 - std::size_t(row)]; // newest first
    } else {
        return false;
    }
    *bottleneck = p ? p->bottleneck : d.bottleneck;
    *machines = shownMachines(*bottleneck);
    // The current shift is live (0, 0); any other period is its span up to now.
    const bool current = !p || (p->fromMs == d.shiftStartMs && p->toMs == d.shiftEndMs);
    *fromMs = current ? 0 : p->fromMs;
    *toMs = current ? 0 : std::min(p->toMs, d.nowMs);
    return true;
}

QMenu *OeePage::createTrendMenu(QWidget *source, const QPoint &pos)
{
    if (!m_data)
        return nullptr;
    const OeePageData &d = *m_data;
    std::vector<int> machines;
    QString bottleneck;      // line view: the machine whose values the row shows
    qint64 from = 0, to = 0; // the current shift, live
    if (source == m_timeline) {
        // The row under the mouse, also over its label left of the strips.
        const QPoint p(std::max(pos.x(), m_timeline->pointAt(0, d.shiftStartMs).x()), pos.y());
        int row = -1;
        TimestampMs t = 0;
        if (!m_timeline->hit(p, &row, &t) || row >= int(d.machines.size()))
            return nullptr;
        machines = {d.machines[std::size_t(row)]};
    } else if (source == m_periods || source == m_previous) {
        auto *table = static_cast<QTableWidget *>(source);
        if (!periodRowContext(table, table->rowAt(pos.y()), &machines, &from, &to, &bottleneck))
            return nullptr;
    } else if (source == m_unexplained) {
        const QTableWidgetItem *item = m_unexplained->item(m_unexplained->rowAt(pos.y()), 0);
        if (!item)
            return nullptr;
        machines = {item->data(kCodeRole).toInt()};
    } else if (std::find(std::begin(m_gauges), std::end(m_gauges), source) != std::end(m_gauges)) {
        bottleneck = d.bottleneck;
        machines = shownMachines(bottleneck);
    } else {
        return nullptr;
    }
    const PlantModel &plant = m_engine->model();
    const auto targets = [&](int machine) {
        std::vector<TagId> ids;
        if (machine < 0 || machine >= int(plant.machines.size()))
            return std::vector<TrendTarget>{};
        const Machine &m = plant.machines[std::size_t(machine)];
        for (TagRole r : {TagRole::State, TagRole::GoodCount, TagRole::RejectCount, TagRole::Rate})
            ids.push_back(m.roleTag(r));
        if (m.roleTag(TagRole::GoodCount) == kInvalidTag)
            ids.push_back(m.roleTag(TagRole::TotalCount));
        return tagTargets(plant, ids);
    };
    const auto request = [this, from, to](const QStringList &paths) {
        emit trendRequested(paths, from, to);
    };
    if (machines.size() == 1)
        return andon::ui::createTrendMenu(targets(machines.front()), this, request);
    // A line: one submenu per machine, the bottleneck (whose values the row shows) first.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("trendMenu"));
    for (std::size_t k = 0; k < machines.size(); ++k) {
        const auto list = targets(machines[k]);
        if (list.empty())
            continue;
        const QString name = plant.machines[std::size_t(machines[k])].name;
        QMenu *sub = menu->addMenu(name == bottleneck ? tr("%1 (bottleneck)").arg(name) : name);
        addTrendActions(sub, list, request);
    }
    if (menu->isEmpty()) {
        delete menu;
        return nullptr;
    }
    return menu;
}

void OeePage::onTimelineClicked(int row, qint64 tMs)
{
    if (!m_data || row < 0 || row >= int(m_data->machines.size()))
        return;
    openReasonDialog(m_data->machines[std::size_t(row)], tMs);
}

ReasonDialog *OeePage::reasonDialog() const
{
    return m_dialog;
}

ReasonDialog *OeePage::openReasonDialog(int machine, qint64 tMs)
{
    if (!m_data || !m_engine->historian())
        return nullptr;
    QString why;
    if (!allowed(*m_engine, Action::EnterReason, &why)) {
        const QString msg = tr("⚠ %1").arg(why);
        m_status->setProperty("error", msg);
        m_status->setText(msg);
        return nullptr;
    }
    const OeeStopRow *found = nullptr;
    for (const OeeStopRow &s : m_data->stops) {
        if (s.machine == machine && tMs >= s.stop.startMs && tMs < s.stop.endMs)
            found = &s;
    }
    if (!found)
        return nullptr;
    if (m_dialog)
        m_dialog->deleteLater();
    const PlantModel &plant = m_engine->model();
    QTimeZone zone(plant.calendar.timeZone.toUtf8());
    m_dialog = new ReasonDialog(machine, plant.machines[std::size_t(machine)].name, found->stop,
                                plant.machineOee(machine).reasons,
                                zone.isValid() ? zone : QTimeZone::utc(), this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    ReasonDialog *dialog = m_dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] { recordReason(*dialog); });
    connect(dialog, &QObject::destroyed, this, [this, dialog] {
        if (m_dialog == dialog)
            m_dialog = nullptr;
    });
    dialog->open();
    return dialog;
}

bool OeePage::recordReason(const ReasonDialog &dialog)
{
    storage::Historian *historian = m_engine->historian();
    if (!historian)
        return false;
    const PlantModel &plant = m_engine->model();
    const QString path = plant.machines[std::size_t(dialog.machine())].path;
    const QString user = currentUserName();
    const analytics::StopEvent &stop = dialog.stop();
    StopAnnotations annotations(*historian);
    QString error;
    // Asked again: the user may have been signed out while the dialog was open.
    if (!allowed(*m_engine, Action::EnterReason, &error)) {
        const QString msg = tr("⚠ Not recorded: %1").arg(error);
        m_status->setProperty("error", msg);
        m_status->setText(msg);
        return false;
    }
    bool ok = true;
    if (const auto at = dialog.splitAt(); at && *at > stop.startMs && *at < stop.endMs)
        ok = annotations.split(path, stop.startMs, *at, user, &error);
    const QString reason = dialog.reasonCode();
    if (ok && !reason.isEmpty() && reason != stop.reasonCode)
        ok = annotations.setReason(path, stop.startMs, reason, user, &error);
    if (ok && dialog.comment() != stop.comment.trimmed())
        ok = annotations.comment(path, stop.startMs, dialog.comment(), user, &error);
    if (!ok) {
        const QString msg = tr("⚠ Not recorded: %1").arg(error);
        qCWarning(lcOeePage).noquote() << "reason for" << path << "not recorded:" << error;
        m_status->setProperty("error", msg);
        m_status->setText(msg);
    } else {
        m_status->setProperty("error", QString());
    }
    refresh(); // shows at once (next result)
    return ok;
}

} // namespace andon::ui

#include "oee_page.moc"
