#include "ui/energy_page.h"
#include "ui/page_widgets.h"

#include "engine/engine.h"
#include "ui/energy_page_data.h"
#include "ui/trend_menu.h"
#include "widgets/theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QSettings>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QTableWidget>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <qcustomplot.h>
#include "widgets/plot_util.h"

#include <atomic>
#include <cmath>

Q_LOGGING_CATEGORY(lcEnergyPage, "andon.ui.energy")

namespace andon::ui {

using widgets::Theme;
using widgets::ThemeColors;

// Lives on the page's worker thread; the page talks to it only through queued calls.
class EnergyPageWorker : public QObject
{
public:
    EnergyPageWorker(std::shared_ptr<const PlantModel> model, const storage::Historian *historian)
        : m_model(std::move(model)), m_historian(historian)
    {
    }
    std::shared_ptr<const PlantModel> m_model;
    const storage::Historian *m_historian;
};

namespace {

const char kPeriodKey[] = "energy/period";
// The breakdown's items: what they stand for (kind) and its index.
constexpr int kKindRole = Qt::UserRole;
constexpr int kIndexRole = Qt::UserRole + 1;
enum BreakdownKind { MainItem = 1, LineItem, MachineItem, SubMeterItem, RestItem };
constexpr int kMachineRole = Qt::UserRole; // idle table: the row's machine

TagId machineTagByName(const PlantModel &model, const Machine &m, const QString &name)
{
    for (TagId id : m.tags) {
        if (model.tags[id].name == name)
            return id;
    }
    return kInvalidTag;
}
const char kBucketKey[] = "energy/bucket";

QString num(double v, int decimals)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("–");
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->setVisible(false);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->setFocusPolicy(Qt::NoFocus);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    return t;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    return makeHeading(text, parent);
}

} // namespace

EnergyPage::EnergyPage(Engine *engine, const Clock *clock, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_clock(clock)
{
    setObjectName(QStringLiteral("energyPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    outer->setSpacing(6);

    auto *top = new QHBoxLayout;
    top->addWidget(heading(tr("Energy"), this));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("energyPeriod"));
    m_period->addItem(tr("Today"), int(EnergyPeriod::Today));
    m_period->addItem(tr("Yesterday"), int(EnergyPeriod::Yesterday));
    m_period->addItem(tr("Last 7 days"), int(EnergyPeriod::Last7Days));
    m_bucket = new QComboBox(this);
    m_bucket->setObjectName(QStringLiteral("energyBucket"));
    m_bucket->addItem(tr("per hour"), int(EnergyBucket::Hour));
    m_bucket->addItem(tr("per shift"), int(EnergyBucket::Shift));
    m_bucket->addItem(tr("per day"), int(EnergyBucket::Day));
    top->addWidget(m_period);
    top->addWidget(m_bucket);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("energySummary"));
    // Long texts must not widen the page beyond a 1366-px screen: they are cut, the full
    // text is in the tooltip.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    top->addWidget(m_summary, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("energyStatus"));
    top->addWidget(m_status);
    outer->addLayout(top);

    m_demand = new QLabel(this);
    m_demand->setObjectName(QStringLiteral("energyDemand"));
    m_demand->setTextFormat(Qt::PlainText);
    m_demand->setWordWrap(true);
    m_demand->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    outer->addWidget(m_demand);

    m_stack = new QStackedWidget(this);
    auto *noHistorian = new QLabel(
            tr("No historian is open: the Energy page needs the recorded meters and states."),
            m_stack);
    noHistorian->setObjectName(QStringLiteral("energyNoHistorian"));
    noHistorian->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(noHistorian);
    auto *content = new QWidget(m_stack);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);

    // Stacked bars: energy per machine per bucket (Qt Charts).
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chartView = new QChartView(m_chart, content);
    m_chartView->setObjectName(QStringLiteral("energyBars"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    auto *barsBox = new QVBoxLayout;
    barsBox->addWidget(heading(tr("Energy by machine (kWh)"), content));
    barsBox->addWidget(m_chartView, 1);
    grid->addLayout(barsBox, 0, 0, 1, 2);

    // Site power with demand windows, limit and forecast (QCustomPlot).
    m_plot = new andon::widgets::Plot(content);
    m_plot->setObjectName(QStringLiteral("energyPowerPlot"));
    m_plot->setNoAntialiasingOnDrag(true);
    auto *plotBox = new QVBoxLayout;
    plotBox->addWidget(heading(tr("Site power and demand (kW)"), content));
    plotBox->addWidget(m_plot, 1);
    grid->addLayout(plotBox, 0, 2, 1, 2);

    m_idle = makeTable({tr("Idle energy (waste)"), tr("kWh"), tr("share"), tr("cost")},
                       QStringLiteral("energyIdle"), content);
    grid->addWidget(m_idle, 1, 0);
    m_tree = new QTreeWidget(content);
    m_tree->setObjectName(QStringLiteral("energyBreakdown"));
    m_tree->setHeaderLabels({tr("Main meter breakdown"), tr("kWh"), tr("share")});
    m_tree->setRootIsDecorated(true);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    grid->addWidget(m_tree, 1, 1);
    // Products above media, sharing the two right columns (wide enough for the leak text).
    auto *right = new QVBoxLayout;
    right->setSpacing(4);
    m_products = makeTable({tr("Product"), tr("kWh"), tr("good units"), tr("kWh/unit")},
                           QStringLiteral("energyProducts"), content);
    right->addWidget(m_products, 1);
    m_media = makeTable({tr("Medium · line"), tr("total"), tr("mean flow while stopped"),
                         tr("leak check")},
                        QStringLiteral("energyMedia"), content);
    right->addWidget(m_media, 1);
    grid->addLayout(right, 1, 2, 1, 2);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    for (int c = 0; c < 4; ++c)
        grid->setColumnStretch(c, 1);
    m_stack->addWidget(content);
    outer->addWidget(m_stack, 1);

    storage::Historian *historian = engine->historian();
    m_stack->setCurrentIndex(historian ? 1 : 0);
    if (historian) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("energy-page"));
        m_worker = new EnergyPageWorker(engine->modelPtr(), historian);
        m_worker->moveToThread(m_thread);
        m_thread->start();
    } else {
        m_status->setText(tr("no historian"));
        m_period->setEnabled(false);
        m_bucket->setEnabled(false);
    }

    QSettings settings;
    m_period->setCurrentIndex(std::max(0, m_period->findData(settings.value(QLatin1String(kPeriodKey), 0).toInt())));
    m_bucket->setCurrentIndex(std::max(0, m_bucket->findData(settings.value(QLatin1String(kBucketKey), 0).toInt())));
    for (QComboBox *box : {m_period, m_bucket}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            QSettings s;
            s.setValue(QLatin1String(kPeriodKey), m_period->currentData().toInt());
            s.setValue(QLatin1String(kBucketKey), m_bucket->currentData().toInt());
            ++m_generation;
            refresh();
        });
    }
    // "Click any value to trend it": right-click anywhere; double-click on the tables, the
    // breakdown's leaves (its branches expand on double-click) and the power plot.
    for (QWidget *w : std::initializer_list<QWidget *>{m_chartView, m_plot, m_idle, m_media, m_tree}) {
        w->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(w, &QWidget::customContextMenuRequested, this, [this, w](const QPoint &pos) {
            auto *area = qobject_cast<QAbstractScrollArea *>(w);
            const QWidget *at = area ? area->viewport() : w;
            popupTrendMenu(createTrendMenu(w, pos), at->mapToGlobal(pos));
        });
    }
    for (QTableWidget *t : {m_idle, m_media}) {
        connect(t, &QTableWidget::cellDoubleClicked, this, [this, t](int row, int) {
            const QRect r = t->visualRect(t->model()->index(row, 0));
            requestTrend(allTrendPaths(trendTargets(t, r.center())));
        });
    }
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (item->childCount() == 0)
            requestTrend(allTrendPaths(trendTargets(m_tree, m_tree->visualItemRect(item).center())));
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this,
            [this] { requestTrend(allTrendPaths(mainMeterTargets())); });

    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer->start();
    applyTheme();
}

EnergyPage::~EnergyPage()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
    delete m_worker;
}

void EnergyPage::refresh()
{
    if (!m_worker)
        return;
    if (m_busy) {
        m_pending = true;
        return;
    }
    m_busy = true;
    m_pending = false;
    const auto period = EnergyPeriod(m_period->currentData().toInt());
    const auto bucket = EnergyBucket(m_bucket->currentData().toInt());
    const TimestampMs now = m_clock->now();
    const quint64 generation = m_generation;
    EnergyPageWorker *worker = m_worker;
    // The page outlives the worker thread (the destructor waits for it).
    QMetaObject::invokeMethod(worker, [this, worker, period, bucket, now, generation] {
        auto data = std::make_shared<const EnergyPageData>(computeEnergyPage(
                *worker->m_model, *worker->m_historian, period, bucket, now, generation));
        QMetaObject::invokeMethod(this, [this, data] { apply(data); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void EnergyPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void EnergyPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        if (m_data) {
            fillBars(*m_data);
            fillTrend(*m_data);
        }
    }
    QWidget::changeEvent(event);
}

void EnergyPage::applyTheme()
{
    const ThemeColors &c = Theme::colors();
    m_chart->setBackgroundBrush(c.panel);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(c.text);
    m_chartView->setBackgroundBrush(c.panel);
    m_plot->setBackground(c.panel);
    for (QCPAxis *a : {m_plot->xAxis, m_plot->yAxis}) {
        a->setBasePen(QPen(c.secondaryText));
        a->setTickPen(QPen(c.secondaryText));
        a->setSubTickPen(QPen(c.secondaryText));
        a->setTickLabelColor(c.text);
        a->setLabelColor(c.secondaryText);
        a->grid()->setPen(QPen(c.dark ? QColor(0x44, 0x44, 0x44) : QColor(0xD6, 0xD6, 0xD6)));
    }
    m_plot->legend->setBrush(c.panel);
    m_plot->legend->setTextColor(c.text);
    m_plot->legend->setBorderPen(QPen(c.secondaryText));
}

void EnergyPage::apply(std::shared_ptr<const EnergyPageData> data)
{
    m_busy = false;
    if (data->generation != m_generation || m_pending) {
        refresh(); // the selection changed meanwhile
        if (data->generation != m_generation)
            return;
    }
    m_data = data;
    const EnergyPageData &d = *data;
    const EnergyReport &r = d.report;
    const QString cur = m_engine->model().energy.currency;
    const EnergySettings &es = m_engine->model().energy;
    QString summary = tr("Site %1 kWh · cost %2 %3").arg(num(r.siteKwh, 1), num(r.cost.cost, 2), cur);
    if (std::isfinite(r.co2eKg))
        summary += tr(" · CO₂e %1 kg").arg(num(r.co2eKg, 0));
    summary += tr(" · base load %1 kW").arg(num(r.baseLoadKw, 1));
    if (std::isfinite(r.unmeteredKwh) && r.siteKwh > 0)
        summary += tr(" · unmetered %1 kWh (%2 %)")
                           .arg(num(r.unmeteredKwh, 1), num(100.0 * r.unmeteredKwh / r.siteKwh, 1));
    m_summary->setText(summary);
    m_summary->setToolTip(summary);
    m_status->setText(tr("time zone %1").arg(d.zoneName));
    m_status->setToolTip(tr("computed in %1 ms; %2 warnings\n%3")
                                 .arg(num(d.computeMs, 0))
                                 .arg(r.warnings.size())
                                 .arg(r.warnings.mid(0, 10).join(QLatin1Char('\n'))));

    // Demand: the peak of the period and the forecast of the running window.
    const QTimeZone zone(d.zoneName.toUtf8());
    const auto hm = [&](TimestampMs t) {
        return QDateTime::fromMSecsSinceEpoch(t, zone).toString(QStringLiteral("HH:mm"));
    };
    QString demand;
    if (r.demand.peak >= 0) {
        const analytics::DemandWindow &p = r.demand.windows[std::size_t(r.demand.peak)];
        demand = tr("Peak demand %1 kW (%2 min from %3)")
                         .arg(num(p.avgKw, 1))
                         .arg(es.demandWindowMs / 60'000)
                         .arg(hm(p.startMs));
    } else {
        demand = tr("No complete demand window yet");
    }
    if (std::isfinite(es.demandLimitKw))
        demand += tr(" · limit %1 kW").arg(num(es.demandLimitKw, 0));
    bool warn = false;
    if (r.forecast && d.toMs == d.nowMs) {
        const analytics::DemandForecast &f = *r.forecast;
        demand += tr(" · running window %1–%2: %3 kW now, projected %4 kW")
                          .arg(hm(f.windowStartMs), hm(f.windowEndMs), num(f.currentKw, 1),
                               num(f.projectedKw, 1));
        if (f.warning) {
            warn = true;
            demand = tr("⚠ Demand warning: projected %1 kW reaches %2 % of the %3 kW limit; keep "
                        "the rest of the window below %4 kW. ")
                             .arg(num(f.projectedKw, 1))
                             .arg(num(100.0 * f.projectedKw / es.demandLimitKw, 0))
                             .arg(num(es.demandLimitKw, 0))
                             .arg(num(std::max(0.0, f.headroomKw), 0))
                    + demand;
        }
    }
    m_demand->setText(demand);
    const ThemeColors &c = Theme::colors();
    m_demand->setStyleSheet(warn ? QStringLiteral("QLabel { border: 2px solid %1; padding: 3px; }")
                                           .arg(c.down.name())
                                 : QString());

    fillBars(d);
    fillTrend(d);
    fillTables(d);
    fillTree(d);
    ++m_applied;
    emit refreshed();
}

void EnergyPage::fillBars(const EnergyPageData &d)
{
    const ThemeColors &c = Theme::colors();
    m_chart->removeAllSeries();
    m_hoveredMachine = -1;
    for (QAbstractAxis *a : m_chart->axes())
        m_chart->removeAxis(a);
    auto *series = new QStackedBarSeries;
    double maxSum = 0;
    std::vector<double> sums(d.buckets.size(), 0.0);
    for (std::size_t m = 0; m < d.report.machines.size(); ++m) {
        auto *set = new QBarSet(d.report.machines[m].name);
        for (std::size_t b = 0; b < d.buckets.size(); ++b) {
            const double v = d.kwhByMachineBucket[m][b];
            *set << v;
            sums[b] += v;
        }
        set->setColor(c.trendPens[m % c.trendPens.size()]);
        set->setBorderColor(c.panel);
        set->setLabelColor(c.text);
        const int machine = d.report.machines[m].machine;
        connect(set, &QBarSet::hovered, this, [this, machine](bool over, int) {
            if (over)
                m_hoveredMachine = machine;
            else if (m_hoveredMachine == machine)
                m_hoveredMachine = -1;
        });
        series->append(set);
    }
    for (double s : sums)
        maxSum = std::max(maxSum, s);
    series->setBarWidth(0.8);
    m_chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    QStringList labels = d.bucketLabels;
    // Many bars (7 days per hour): label every n-th.
    const qsizetype every = std::max<qsizetype>(1, labels.size() / 24);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i % every != 0)
            labels[i] = QString(int(i % every), QLatin1Char(' ')); // unique, blank
    }
    x->append(labels);
    auto *y = new QValueAxis;
    y->setRange(0, maxSum > 0 ? maxSum * 1.1 : 1.0);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("kWh"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    const QColor grid = c.dark ? QColor(0x44, 0x44, 0x44) : QColor(0xD6, 0xD6, 0xD6);
    for (QAbstractAxis *axis : m_chart->axes()) {
        axis->setLabelsBrush(c.text);
        axis->setTitleBrush(c.secondaryText);
        axis->setLinePen(QPen(c.secondaryText, 1));
        axis->setGridLinePen(QPen(grid, 1));
    }
    x->setGridLineVisible(false);
    m_chart->legend()->setLabelColor(c.text);
}

void EnergyPage::fillTrend(const EnergyPageData &d)
{
    const ThemeColors &c = Theme::colors();
    const EnergySettings &es = m_engine->model().energy;
    m_plot->clearGraphs();
    m_plot->clearItems();
    auto *power = m_plot->addGraph();
    power->setName(tr("site power (1 min)"));
    power->setPen(QPen(c.trendPens[0], 1));
    QVector<double> xs, ys;
    double maxY = 0;
    for (const auto &[t, kw] : d.sitePowerKw) {
        xs << double(t) / 1000.0;
        ys << kw;
        maxY = std::max(maxY, kw);
    }
    power->setData(xs, ys, true);
    auto *demand = m_plot->addGraph();
    demand->setName(tr("demand (%1 min)").arg(es.demandWindowMs / 60'000));
    demand->setPen(QPen(c.text, 2));
    demand->setLineStyle(QCPGraph::lsStepLeft);
    QVector<double> dx, dy;
    for (const analytics::DemandWindow &w : d.report.demand.windows) {
        dx << double(w.startMs) / 1000.0;
        dy << w.avgKw;
    }
    if (!d.report.demand.windows.empty()) {
        dx << double(d.report.demand.windows.back().endMs) / 1000.0;
        dy << d.report.demand.windows.back().avgKw;
    }
    demand->setData(dx, dy, true);
    if (std::isfinite(es.demandLimitKw)) {
        auto *limit = m_plot->addGraph();
        limit->setName(tr("limit %1 kW").arg(num(es.demandLimitKw, 0)));
        limit->setPen(QPen(c.secondaryText, 1.5, Qt::DashLine));
        limit->setData({double(d.fromMs) / 1000.0, double(d.toMs) / 1000.0},
                       {es.demandLimitKw, es.demandLimitKw}, true);
        maxY = std::max(maxY, es.demandLimitKw);
    }
    if (d.report.forecast && d.toMs == d.nowMs) {
        const analytics::DemandForecast &f = *d.report.forecast;
        auto *fc = m_plot->addGraph();
        fc->setName(tr("forecast"));
        fc->setPen(QPen(f.warning ? c.down : c.text, 2, Qt::DotLine));
        fc->setData({double(f.windowStartMs) / 1000.0, double(f.windowEndMs) / 1000.0},
                    {f.projectedKw, f.projectedKw}, true);
        maxY = std::max(maxY, f.projectedKw);
    }
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::TimeZone);
    ticker->setTimeZone(QTimeZone(d.zoneName.toUtf8()));
    ticker->setDateTimeFormat(d.toMs - d.fromMs > 2 * 86'400'000 ? QStringLiteral("ddd HH:mm")
                                                                 : QStringLiteral("HH:mm"));
    m_plot->xAxis->setTicker(ticker);
    const TimestampMs end = d.report.forecast ? std::max(d.toMs, d.report.forecast->windowEndMs) : d.toMs;
    m_plot->xAxis->setRange(double(d.fromMs) / 1000.0, double(end) / 1000.0);
    m_plot->yAxis->setRange(0, maxY > 0 ? maxY * 1.15 : 1.0);
    m_plot->yAxis->setLabel(tr("kW"));
    m_plot->legend->setVisible(true);
    // Top left: the night's low load leaves that corner free.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    andon::widgets::replotWhenDrawable(m_plot, QCustomPlot::rpQueuedReplot);
}

void EnergyPage::fillTables(const EnergyPageData &d)
{
    const EnergyReport &r = d.report;
    const QString cur = m_engine->model().energy.currency;
    std::vector<const MachineEnergy *> ranked;
    for (const MachineEnergy &m : r.machines)
        ranked.push_back(&m);
    std::stable_sort(ranked.begin(), ranked.end(), [](const MachineEnergy *a, const MachineEnergy *b) {
        return a->idle.idleKwh > b->idle.idleKwh;
    });
    m_idle->setRowCount(int(ranked.size()));
    for (int i = 0; i < int(ranked.size()); ++i) {
        const MachineEnergy &m = *ranked[std::size_t(i)];
        m_idle->setItem(i, 0, cell(m.name));
        m_idle->item(i, 0)->setToolTip(m.path);
        m_idle->item(i, 0)->setData(kMachineRole, m.machine);
        m_idle->setItem(i, 1, cell(num(m.idle.idleKwh, 1), true));
        m_idle->setItem(i, 2, cell(m.kwh > 0 ? num(100.0 * m.idle.idleKwh / m.kwh, 0) + QStringLiteral(" %")
                                             : QStringLiteral("–"),
                                   true));
        m_idle->setItem(i, 3, cell(num(m.idleCost, 2) + QLatin1Char(' ') + cur, true));
    }
    m_products->setRowCount(int(d.products.size()));
    for (int i = 0; i < int(d.products.size()); ++i) {
        const EnergyProductRow &p = d.products[std::size_t(i)];
        m_products->setItem(i, 0, cell(p.name));
        m_products->setItem(i, 1, cell(num(p.kwh, 1), true));
        m_products->setItem(i, 2, cell(num(p.good, 0), true));
        m_products->setItem(i, 3, cell(p.good > 0 ? num(p.kwh / p.good, 4) : QStringLiteral("–"), true));
    }
    const ThemeColors &c = Theme::colors();
    m_media->setRowCount(int(r.media.size()));
    const PlantModel &model = m_engine->model();
    for (int i = 0; i < int(r.media.size()); ++i) {
        const MediumLine &m = r.media[std::size_t(i)];
        const QString line = model.lines[std::size_t(m.line)].name;
        m_media->setItem(i, 0, cell(m.medium + QStringLiteral(" · ") + line));
        m_media->setItem(i, 1, cell(num(m.total, 0) + QLatin1Char(' ') + m.unit, true));
        m_media->setItem(i, 2, cell(num(m.leak.meanFlowStopped, 1) + QLatin1Char(' ') + m.unit + QStringLiteral("/h"), true));
        QTableWidgetItem *status = nullptr;
        if (m.leak.leak) {
            status = cell(tr("⚠ leak %1 min").arg(num(double(m.leak.leakMs) / 60'000.0, 0)));
            status->setForeground(c.down);
            QFont f = status->font();
            f.setBold(true);
            status->setFont(f);
            status->setToolTip(tr("Flow stayed above %1 %2/h while the line was stopped; %3 %2 "
                                  "lost since %4")
                                       .arg(num(m.leakThreshold, 1), m.unit, num(m.leak.wastedAmount, 1),
                                            QDateTime::fromMSecsSinceEpoch(m.leak.firstLeakMs,
                                                                           QTimeZone(d.zoneName.toUtf8()))
                                                    .toString(QStringLiteral("HH:mm"))));
        } else if (m.leak.stoppedMs > 0) {
            status = cell(tr("ok"));
        } else {
            status = cell(tr("no stop"));
            status->setToolTip(tr("The line did not stop long enough to judge a leak."));
        }
        m_media->setItem(i, 3, status);
    }
}

void EnergyPage::fillTree(const EnergyPageData &d)
{
    const EnergyReport &r = d.report;
    const PlantModel &model = m_engine->model();
    m_tree->clear();
    const double total = r.siteKwh > 0 ? r.siteKwh : 1.0;
    const auto item = [&](QTreeWidgetItem *parent, const QString &name, double kwh, int kind,
                          int index) {
        auto *it = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        it->setData(0, kKindRole, kind);
        it->setData(0, kIndexRole, index);
        it->setText(0, name);
        it->setText(1, num(kwh, 1));
        it->setText(2, num(100.0 * kwh / total, 1) + QStringLiteral(" %"));
        it->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        it->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        return it;
    };
    QTreeWidgetItem *root = item(nullptr, r.main ? tr("Main meter") : tr("Metered total"),
                                 r.siteKwh, MainItem, 0);
    for (std::size_t li = 0; li < model.lines.size(); ++li) {
        const Line &l = model.lines[li];
        double kwh = 0;
        for (int mi : l.machines)
            kwh += r.machines[std::size_t(mi)].kwh;
        QTreeWidgetItem *lineItem = item(root, l.name, kwh, LineItem, int(li));
        for (int mi : l.machines)
            item(lineItem, r.machines[std::size_t(mi)].name, r.machines[std::size_t(mi)].kwh,
                 MachineItem, mi);
    }
    for (const MachineEnergy &m : r.machines) {
        if (m.line < 0)
            item(root, m.name, m.kwh, MachineItem, m.machine);
    }
    for (std::size_t si = 0; si < r.subMeters.size(); ++si)
        item(root, r.subMeters[si].name, r.subMeters[si].kwh, SubMeterItem, int(si));
    if (std::isfinite(r.unmeteredKwh)) {
        QTreeWidgetItem *rest = item(root, tr("unmetered rest"), r.unmeteredKwh, RestItem, 0);
        rest->setToolTip(0, tr("Main meter minus the machines and sub-meters: lighting, HVAC, "
                               "offices and losses"));
    }
    m_tree->expandAll();
}

// ---- "click any value to trend it" --------------------------------------------------------

std::vector<TrendTarget> EnergyPage::machineTargets(int machine, bool withState) const
{
    const PlantModel &model = m_engine->model();
    if (machine < 0 || machine >= int(model.machines.size()))
        return {};
    const Machine &m = model.machines[std::size_t(machine)];
    std::vector<TagId> ids{machineTagByName(model, m, model.energy.powerTag),
                           machineTagByName(model, m, model.energy.energyTag)};
    if (withState)
        ids.push_back(m.roleTag(TagRole::State));
    return tagTargets(model, ids, m.name);
}

std::vector<TrendTarget> EnergyPage::mainMeterTargets() const
{
    const PlantModel &model = m_engine->model();
    return tagTargets(model, {model.energy.mainPower, model.energy.mainEnergy}, tr("main meter"));
}

std::vector<TrendTarget> EnergyPage::trendTargets(QWidget *source, const QPoint &pos) const
{
    const PlantModel &model = m_engine->model();
    if (!m_data)
        return {};
    if (source == m_plot)
        return mainMeterTargets();
    if (source == m_chartView) {
        if (m_hoveredMachine >= 0)
            return machineTargets(m_hoveredMachine, false);
        // Not over a bar: each machine's power (its energy counter when it has no power tag).
        std::vector<TrendTarget> out;
        for (std::size_t mi = 0; mi < model.machines.size(); ++mi) {
            const auto list = machineTargets(int(mi), false);
            if (!list.empty())
                out.push_back(list.front());
        }
        return out;
    }
    if (source == m_idle) {
        const QTableWidgetItem *item = m_idle->item(m_idle->rowAt(pos.y()), 0);
        return item ? machineTargets(item->data(kMachineRole).toInt(), true)
                    : std::vector<TrendTarget>{};
    }
    if (source == m_media) {
        const int row = m_media->rowAt(pos.y());
        if (row < 0 || row >= int(m_data->report.media.size()))
            return {};
        const MediumLine &ml = m_data->report.media[std::size_t(row)];
        const QString line = ml.line >= 0 && ml.line < int(model.lines.size())
                ? model.lines[std::size_t(ml.line)].name
                : QString();
        std::vector<TrendTarget> out;
        const TagDef *flow = model.tagByPath(ml.flowPath);
        if (flow)
            out.push_back({line + QLatin1Char(' ') + flow->name, {flow->path}});
        for (const MediumDef &md : model.energy.media) {
            const TagDef *total = md.name == ml.medium && !md.totalTag.isEmpty()
                    ? model.tagByPath(ml.linePath + QLatin1Char('/') + md.totalTag)
                    : nullptr;
            if (total)
                out.push_back({line + QLatin1Char(' ') + total->name, {total->path}});
        }
        return out;
    }
    if (source == m_tree) {
        const QTreeWidgetItem *item = m_tree->itemAt(pos);
        if (!item)
            return {};
        const int index = item->data(0, kIndexRole).toInt();
        switch (item->data(0, kKindRole).toInt()) {
        case MachineItem: return machineTargets(index, false);
        case LineItem: {
            std::vector<TrendTarget> out;
            if (index < 0 || index >= int(model.lines.size()))
                return out;
            for (int mi : model.lines[std::size_t(index)].machines) {
                const auto list = machineTargets(mi, false);
                if (!list.empty())
                    out.push_back(list.front());
            }
            return out;
        }
        case SubMeterItem: {
            if (index < 0 || index >= int(model.energy.subMeters.size()))
                return {};
            const SubMeterDef &sm = model.energy.subMeters[std::size_t(index)];
            return tagTargets(model, {sm.power, sm.energy}, sm.name);
        }
        case MainItem:
        case RestItem: {
            if (model.energy.mainPower != kInvalidTag || model.energy.mainEnergy != kInvalidTag)
                return mainMeterTargets();
            // No main meter: the metered total is the machines' and sub-meters' power.
            std::vector<TrendTarget> out;
            for (std::size_t mi = 0; mi < model.machines.size(); ++mi) {
                const auto list = machineTargets(int(mi), false);
                if (!list.empty())
                    out.push_back(list.front());
            }
            return out;
        }
        default: return {};
        }
    }
    return {};
}

void EnergyPage::requestTrend(const QStringList &paths)
{
    if (m_data && !paths.isEmpty())
        emit trendRequested(paths, m_data->fromMs, m_data->toMs);
}

QMenu *EnergyPage::createTrendMenu(QWidget *source, const QPoint &pos)
{
    return andon::ui::createTrendMenu(trendTargets(source, pos), this,
                                      [this](const QStringList &paths) { requestTrend(paths); });
}

} // namespace andon::ui
