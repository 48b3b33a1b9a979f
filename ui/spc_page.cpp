#include "ui/spc_page.h"

#include "engine/access_control.h"
#include "engine/engine.h"
#include "engine/spc_limits_store.h"
#include "storage/historian.h"
#include "ui/access_gate.h"
#include "ui/current_user.h"
#include "ui/trend_menu.h"
#include "widgets/pareto_chart.h"
#include "widgets/theme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>
#include "widgets/plot_util.h"

#include <algorithm>
#include <cmath>
#include <numbers>

Q_LOGGING_CATEGORY(lcSpcPage, "andon.ui.spc")

namespace andon::ui {

using namespace analytics::spc;
using widgets::Theme;
using widgets::ThemeColors;

// Lives on the page's worker thread: the historian queries and the SPC computation.
class SpcPageWorker : public QObject
{
    Q_OBJECT
public:
    SpcPageWorker(std::shared_ptr<const PlantModel> model, storage::Historian *historian)
        : m_model(std::move(model)), m_historian(historian)
    {
    }
    std::shared_ptr<const PlantModel> m_model;
    storage::Historian *m_historian;
};

namespace {

// Refresh cadence while visible (issue 8: live updates; at most 1 Hz). Longer windows are
// re-read less often: a week of a check-weigher is ~100 000 samples.
constexpr int kRefreshMs = 1000;
constexpr int kLongWindowRefreshMs = 10'000;
// Histogram bins: Sturges' rule k = 1 + log2(n) (H. A. Sturges, JASA 21, 1926), clamped so a
// laptop screen shows readable bars.
constexpr int kMinBins = 6;
constexpr int kMaxBins = 30;
const QString kSettingsGroup = QStringLiteral("spcPage/");

const std::pair<ChartType, const char *> kCharts[] = {
    { ChartType::XbarR, QT_TRANSLATE_NOOP("andon::ui::SpcPage", "X̄-R") },
    { ChartType::XbarS, QT_TRANSLATE_NOOP("andon::ui::SpcPage", "X̄-S") },
    { ChartType::Median, QT_TRANSLATE_NOOP("andon::ui::SpcPage", "Median X̃-R") },
    { ChartType::IMR, QT_TRANSLATE_NOOP("andon::ui::SpcPage", "I-MR") },
    { ChartType::Ewma, QT_TRANSLATE_NOOP("andon::ui::SpcPage", "EWMA") },
    { ChartType::Cusum, QT_TRANSLATE_NOOP("andon::ui::SpcPage", "CUSUM") },
};

bool beyondLimitRule(Rule r)
{
    return r == Rule::WE1 || r == Rule::Nelson1 || r == Rule::BeyondLimit;
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

QTableWidget *makeTable(int columns, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, columns, parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->setVisible(false);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setWordWrap(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    return t;
}

// Filling a table cell by cell while its header sizes columns to their contents measures every
// row again on each cell (quadratic: seconds for a thousand violations). Columns are sized once,
// when the filler goes out of scope.
class BulkFill
{
public:
    explicit BulkFill(QTableWidget *table) : m_header(table->horizontalHeader())
    {
        for (int i = 0; i < m_header->count(); ++i) {
            m_modes.push_back(m_header->sectionResizeMode(i));
            m_header->setSectionResizeMode(i, QHeaderView::Fixed);
        }
    }
    ~BulkFill()
    {
        for (int i = 0; i < int(m_modes.size()) && i < m_header->count(); ++i)
            m_header->setSectionResizeMode(i, m_modes[std::size_t(i)]);
    }
    BulkFill(const BulkFill &) = delete;
    BulkFill &operator=(const BulkFill &) = delete;

private:
    QHeaderView *m_header;
    std::vector<QHeaderView::ResizeMode> m_modes;
};

QCustomPlot *makePlot(QWidget *parent)
{
    QCustomPlot *p = new andon::widgets::Plot(parent);
    p->setInteractions(QCP::Interactions());
    p->setNoAntialiasingOnDrag(true);
    p->setMinimumHeight(90);
    return p;
}

QCPGraph *addLine(QCustomPlot *plot, const QString &name)
{
    QCPGraph *g = plot->addGraph();
    g->setName(name);
    g->setLineStyle(QCPGraph::lsStepCenter);
    return g;
}

} // namespace

SpcPage::SpcPage(Engine *engine, const Clock *clock, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_clock(clock)
    , m_characteristics(spcCharacteristics(engine->model()))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    outer->setSpacing(6);

    // Selector row.
    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    m_characteristic = new QComboBox(this);
    m_characteristic->setObjectName(QStringLiteral("spcCharacteristic"));
    for (const SpcCharacteristic &c : m_characteristics)
        m_characteristic->addItem(c.name + (c.unit.isEmpty() ? QString()
                                                              : QStringLiteral(" (%1)").arg(c.unit)));
    m_product = new QComboBox(this);
    m_product->setObjectName(QStringLiteral("spcProduct"));
    m_product->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chartType = new QComboBox(this);
    for (const auto &[type, name] : kCharts)
        m_chartType->addItem(tr(name), static_cast<int>(type));
    m_n = new QSpinBox(this);
    m_n->setRange(kMinSubgroupSize, 10);
    m_n->setValue(5);
    m_n->setToolTip(tr("Subgroup size: consecutive measurements of one product within one shift"));
    m_window = new QComboBox(this);
    m_window->addItem(tr("Current shift"), CurrentShift);
    m_window->addItem(tr("Last 8 h"), Last8h);
    m_window->addItem(tr("Last 24 h"), Last24h);
    m_window->addItem(tr("Last 7 days"), Last7d);
    m_freeze = new QPushButton(tr("Freeze limits…"), this);
    m_freeze->setToolTip(tr("Record the limits of the baseline subgroups as a new version "
                            "(who, when and why are kept in the event journal)"));
    const auto label = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        return l;
    };
    top->addWidget(label(tr("Characteristic")));
    top->addWidget(m_characteristic, 1);
    top->addWidget(label(tr("Product")));
    top->addWidget(m_product);
    top->addWidget(label(tr("Chart")));
    top->addWidget(m_chartType);
    top->addWidget(label(tr("n")));
    top->addWidget(m_n);
    top->addWidget(label(tr("Window")));
    top->addWidget(m_window);
    top->addStretch();
    top->addWidget(m_freeze);
    outer->addLayout(top);

    m_limitsLabel = new QLabel(this);
    m_limitsLabel->setObjectName(QStringLiteral("spcLimits"));
    m_limitsLabel->setTextFormat(Qt::PlainText);
    outer->addWidget(m_limitsLabel);

    m_stack = new QStackedWidget(this);
    auto *empty = new QLabel(this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_stack->addWidget(empty);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    // Left: control chart, companion chart, violations.
    auto *left = new QWidget(split);
    auto *lv = new QVBoxLayout(left);
    lv->setContentsMargins(0, 0, 0, 0);
    lv->setSpacing(2);
    m_chartTitle = new QLabel(left);
    m_chart = makePlot(left);
    m_chart->setObjectName(QStringLiteral("spcControlChart"));
    m_secondaryTitle = new QLabel(left);
    m_secondary = makePlot(left);
    m_secondary->setObjectName(QStringLiteral("spcSecondaryChart"));
    m_view = new QComboBox(left);
    m_view->setObjectName(QStringLiteral("spcView"));
    m_view->addItem(tr("Control chart"), ControlChartView);
    m_view->addItem(tr("Box plot"), BoxPlotView);
    m_view->setToolTip(tr("Box-and-whisker plot of each subgroup's values: box from Q1 to Q3 "
                          "with the median, whiskers to the most extreme values within 1.5 IQR, "
                          "outliers as points (quartiles by Minitab's method, Hyndman-Fan "
                          "type 6)"));
    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(0, 0, 0, 0);
    titleRow->addWidget(m_chartTitle, 1);
    titleRow->addWidget(m_view);
    m_lowerTabs = new QTabWidget(left);
    m_lowerTabs->setObjectName(QStringLiteral("spcLowerTabs"));
    m_lowerTabs->setDocumentMode(true);
    m_violations = makeTable(4, { tr("Rule"), tr("Pattern"), tr("Subgroups"), tr("Time") },
        m_lowerTabs);
    m_violations->setObjectName(QStringLiteral("spcViolations"));
    m_violations->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_violations->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto *correlationPane = new QWidget(m_lowerTabs);
    auto *cv = new QVBoxLayout(correlationPane);
    cv->setContentsMargins(0, 2, 0, 0);
    cv->setSpacing(2);
    m_correlationNote = new QLabel(correlationPane);
    m_correlationNote->setWordWrap(true);
    m_correlation = makeTable(7,
        { tr("Process tag"), tr("Out of control"), tr("In control"), tr("Difference"),
            tr("Welch t"), tr("Cohen's d"), tr("n out / in") },
        correlationPane);
    m_correlation->setObjectName(QStringLiteral("spcCorrelation"));
    m_correlation->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_correlation->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_correlation->horizontalHeaderItem(4)->setToolTip(
        tr("(mean out of control − mean in control) / √(s₁²/n₁ + s₂²/n₂), Welch 1947; "
           "rows ranked by |t|"));
    m_correlation->horizontalHeaderItem(5)->setToolTip(
        tr("difference of the means / pooled standard deviation (Cohen 1988)"));
    cv->addWidget(m_correlationNote);
    cv->addWidget(m_correlation, 1);
    m_lowerTabs->addTab(m_violations, tr("Violations"));
    m_lowerTabs->addTab(correlationPane, tr("What differs when out of control"));
    lv->addLayout(titleRow);
    lv->addWidget(m_chart, 5);
    lv->addWidget(m_secondaryTitle);
    lv->addWidget(m_secondary, 2);
    lv->addWidget(m_lowerTabs, 3);

    // Right: histogram, capability, subgroup details.
    m_rightTabs = new QTabWidget(split);
    m_rightTabs->setObjectName(QStringLiteral("spcRightTabs"));
    m_rightTabs->setDocumentMode(true);
    auto *right = new QWidget(m_rightTabs);
    auto *rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 2, 0, 0);
    rv->setSpacing(2);
    m_histogram = makePlot(right);
    m_histogram->setObjectName(QStringLiteral("spcHistogram"));
    m_capability = makeTable(2, { tr("Capability"), tr("Value") }, right);
    m_capability->setObjectName(QStringLiteral("spcCapability"));
    m_capability->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_capability->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_capabilityNote = new QLabel(right);
    m_capabilityNote->setWordWrap(true);
    m_details = makeTable(2, { tr("Subgroup"), tr("") }, right);
    m_details->setObjectName(QStringLiteral("spcDetails"));
    m_details->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_details->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    rv->addWidget(m_histogram, 4);
    rv->addWidget(m_capability);
    rv->addWidget(m_capabilityNote);
    rv->addWidget(m_details, 3);
    auto *paretoPane = new QWidget(m_rightTabs);
    auto *pv = new QVBoxLayout(paretoPane);
    pv->setContentsMargins(0, 2, 0, 0);
    pv->setSpacing(2);
    m_paretoNote = new QLabel(paretoPane);
    m_paretoNote->setWordWrap(true);
    m_pareto = new widgets::ParetoChart(paretoPane);
    m_pareto->setObjectName(QStringLiteral("spcPareto"));
    m_pareto->setValueLabels(tr("Defects"), tr("count"), tr("no defects"));
    m_paretoTable = makeTable(4, { tr("Defect type"), tr("Count"), tr("%"), tr("Cumulative %") },
        paretoPane);
    m_paretoTable->setObjectName(QStringLiteral("spcParetoTable"));
    m_paretoTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_paretoTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    pv->addWidget(m_paretoNote);
    pv->addWidget(m_pareto, 3);
    pv->addWidget(m_paretoTable, 2);
    m_rightTabs->addTab(right, tr("Capability"));
    m_rightTabs->addTab(paretoPane, tr("Defects (Pareto)"));
    split->addWidget(left);
    split->addWidget(m_rightTabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_stack->addWidget(split);
    outer->addWidget(m_stack, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("spcStatus"));
    outer->addWidget(m_status);

    // The linked companion chart follows the control chart's x range.
    connect(m_chart->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
        [this](const QCPRange &r) { m_secondary->xAxis->setRange(r); });
    connect(m_chart, &QCustomPlot::mousePress, this, &SpcPage::onChartClicked);
    connect(m_secondary, &QCustomPlot::mousePress, this, &SpcPage::onChartClicked);
    connect(m_violations, &QTableWidget::cellClicked, this, [this](int row, int) {
        const QTableWidgetItem *item = m_violations->item(row, 0);
        if (item)
            selectSubgroup(item->data(Qt::UserRole).toInt());
    });
    connect(m_freeze, &QPushButton::clicked, this, [this] { openFreezeDialog(); });
    // "Click any value to trend it": right-click on the charts and tables; double-click on the
    // histogram, the capability and the correlation tables (a click on the control chart or a
    // violation already selects a subgroup).
    for (QWidget *w : std::initializer_list<QWidget *>{m_chart, m_secondary, m_histogram,
                                                        m_capability, m_violations, m_correlation}) {
        w->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(w, &QWidget::customContextMenuRequested, this, [this, w](const QPoint &pos) {
            auto *table = qobject_cast<QTableWidget *>(w);
            const QWidget *at = table ? table->viewport() : w;
            popupTrendMenu(createTrendMenu(w, pos), at->mapToGlobal(pos));
        });
    }
    connect(m_histogram, &QCustomPlot::mouseDoubleClick, this,
        [this] { requestTrend(trendPaths(m_histogram, {}, nullptr)); });
    for (QTableWidget *t : { m_capability, m_correlation })
        connect(t, &QTableWidget::cellDoubleClicked, this, [this, t](int row, int) {
            const QRect r = t->visualRect(t->model()->index(row, 0));
            requestTrend(trendPaths(t, r.center(), nullptr));
        });
    // The correlation and the Pareto read more of the historian: computed while shown.
    for (QTabWidget *tabs : { m_lowerTabs, m_rightTabs })
        connect(tabs, &QTabWidget::currentChanged, this, [this] {
            render();
            refresh();
        });

    storage::Historian *historian = engine->historian();
    if (!historian) {
        empty->setText(tr("No historian is open: SPC needs the measurement history. Start "
                          "Andon with a historian to see control charts."));
        m_stack->setCurrentIndex(0);
        m_freeze->setEnabled(false);
        m_status->setText(tr("no historian"));
    } else if (m_characteristics.empty()) {
        empty->setText(tr("No quality characteristic in the plant configuration. Give a tag "
                          "specification limits (spec: { lsl, target, usl }) to chart it here."));
        m_stack->setCurrentIndex(0);
        m_freeze->setEnabled(false);
    } else {
        m_stack->setCurrentIndex(1);
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("spc-page"));
        m_worker = new SpcPageWorker(engine->modelPtr(), historian);
        m_worker->moveToThread(m_thread);
        m_thread->start();
    }
    // Freezing limits needs the engineer role: greyed out with the reason otherwise.
    const bool canFreeze = historian && !m_characteristics.empty();
    const auto updatePermissions = [this, canFreeze] {
        gateWidget(m_freeze, *m_engine, Action::FreezeSpcLimits, canFreeze);
    };
    connect(engine->access(), &AccessControl::userChanged, this, updatePermissions);
    updatePermissions();

    // Last selection (QSettings).
    QSettings settings;
    m_characteristic->setCurrentIndex(std::clamp(
        settings.value(kSettingsGroup + QStringLiteral("characteristic"), 0).toInt(), 0,
        std::max(0, m_characteristic->count() - 1)));
    const int chartAt = m_chartType->findData(
        settings.value(kSettingsGroup + QStringLiteral("chart"), int(ChartType::XbarR)).toInt());
    m_chartType->setCurrentIndex(std::max(0, chartAt));
    m_n->setValue(settings.value(kSettingsGroup + QStringLiteral("n"), 5).toInt());
    m_window->setCurrentIndex(std::max(0,
        m_window->findData(settings.value(kSettingsGroup + QStringLiteral("window"), Last8h))));
    m_n->setEnabled(spcEffectiveSubgroupSize(this->settings()) > 1);
    m_view->setCurrentIndex(std::max(0,
        m_view->findData(settings.value(kSettingsGroup + QStringLiteral("view"),
            ControlChartView))));
    connect(m_view, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(kSettingsGroup + QStringLiteral("view"), m_view->currentData());
        render();
    });

    for (QComboBox *box : { m_characteristic, m_chartType, m_window })
        connect(box, &QComboBox::currentIndexChanged, this, &SpcPage::settingsChanged);
    connect(m_n, &QSpinBox::valueChanged, this, &SpcPage::settingsChanged);
    connect(m_product, &QComboBox::activated, this, [this](int i) {
        m_productChoice = m_product->itemText(i);
        m_selected = -1;
        render();
    });

    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!isVisible())
            return;
        const int every = m_window->currentData().toInt() >= Last24h ? kLongWindowRefreshMs
                                                                      : kRefreshMs;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_lastRefreshMs >= every - 50)
            refresh();
    });
    m_timer->start();
    applyTheme();
}

SpcPage::~SpcPage()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
    delete m_worker;
}

SpcSettings SpcPage::settings() const
{
    SpcSettings s;
    s.chart = static_cast<ChartType>(m_chartType->currentData().toInt());
    s.subgroupSize = m_n->value();
    return s;
}

TimestampMs SpcPage::windowStart(TimestampMs now) const
{
    const PlantModel &model = m_engine->model();
    constexpr TimestampMs kHour = 3'600'000;
    switch (m_window->currentData().toInt()) {
    case CurrentShift: return spcAlignedStart(model, now);
    case Last24h: return spcAlignedStart(model, now - 24 * kHour);
    case Last7d: return spcAlignedStart(model, now - 7 * 24 * kHour);
    default: return spcAlignedStart(model, now - 8 * kHour);
    }
}

void SpcPage::setCharacteristic(int index)
{
    m_characteristic->setCurrentIndex(index);
}

void SpcPage::setChart(ChartType chart)
{
    const int at = m_chartType->findData(static_cast<int>(chart));
    if (at >= 0)
        m_chartType->setCurrentIndex(at);
}

void SpcPage::setSubgroupSize(int n)
{
    m_n->setValue(n);
}

void SpcPage::setWindow(Window window)
{
    m_window->setCurrentIndex(std::max(0, m_window->findData(window)));
}

void SpcPage::setProduct(const QString &product)
{
    m_productChoice = product;
    m_selected = -1;
    render();
}

void SpcPage::setView(View view)
{
    m_view->setCurrentIndex(std::max(0, m_view->findData(view)));
}

void SpcPage::showCorrelation()
{
    m_lowerTabs->setCurrentIndex(1);
}

void SpcPage::showPareto()
{
    m_rightTabs->setCurrentIndex(1);
}

void SpcPage::settingsChanged()
{
    QSettings s;
    s.setValue(kSettingsGroup + QStringLiteral("characteristic"), m_characteristic->currentIndex());
    s.setValue(kSettingsGroup + QStringLiteral("chart"), m_chartType->currentData());
    s.setValue(kSettingsGroup + QStringLiteral("n"), m_n->value());
    s.setValue(kSettingsGroup + QStringLiteral("window"), m_window->currentData());
    m_n->setEnabled(spcEffectiveSubgroupSize(settings()) > 1);
    ++m_generation; // a result for the old settings is dropped
    m_selected = -1;
    m_details->setRowCount(0); // the selected subgroup belonged to the old chart
    refresh();
}

void SpcPage::refresh()
{
    if (!m_worker || m_busy)
        return; // the result in flight is followed by the next tick
    const int index = m_characteristic->currentIndex();
    if (index < 0 || index >= int(m_characteristics.size()))
        return;
    m_busy = true;
    m_lastRefreshMs = QDateTime::currentMSecsSinceEpoch();
    auto request = std::make_shared<SpcPageData>();
    request->generation = m_generation;
    request->characteristic = index;
    request->settings = settings();
    request->nowMs = m_clock->now();
    const SpcCharacteristic characteristic = m_characteristics[std::size_t(index)];
    const TimestampMs from = windowStart(request->nowMs);
    const bool wantCorrelation = m_lowerTabs->currentIndex() == 1;
    const bool wantPareto = m_rightTabs->currentIndex() == 1;
    SpcPageWorker *worker = m_worker;
    // The page outlives the worker thread (the destructor waits for it), so the queued call
    // back to the page cannot reach a deleted object.
    QMetaObject::invokeMethod(worker, [this, worker, request, characteristic, from,
                                          wantCorrelation, wantPareto] {
        const SpcLimitsStore store(worker->m_historian);
        const PlantModel &model = *worker->m_model;
        request->analysis = analyseSpc(model, *worker->m_historian, &store,
            characteristic, request->settings, from, request->nowMs);
        if (wantCorrelation)
            request->correlation = spcCorrelate(model, *worker->m_historian, request->analysis);
        if (wantPareto) {
            std::vector<SpcDefectPareto> paretos;
            for (TagId id : spcAttributeTags(model, characteristic.machine))
                paretos.push_back(
                    spcDefectPareto(model, *worker->m_historian, id, from, request->nowMs));
            request->paretos = std::move(paretos);
        }
        std::shared_ptr<const SpcPageData> data = request;
        QMetaObject::invokeMethod(this, [this, data] { apply(data); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void SpcPage::apply(std::shared_ptr<const SpcPageData> data)
{
    m_busy = false;
    if (data->generation != m_generation) {
        refresh(); // the settings changed meanwhile
        return;
    }
    m_data = std::move(data);
    ++m_applied;
    render();
    emit refreshed();
}

const SpcChart *SpcPage::currentChart() const
{
    if (!m_data || m_data->analysis.charts.empty())
        return nullptr;
    const auto &charts = m_data->analysis.charts;
    for (const SpcChart &c : charts) {
        if (c.product == m_productChoice)
            return &c;
    }
    // Default: the product made most recently (the last chart to start).
    const SpcChart *latest = &charts.front();
    for (const SpcChart &c : charts) {
        if (!c.result.subgroups.empty() && !latest->result.subgroups.empty()
            && c.result.subgroups.back().lastMs > latest->result.subgroups.back().lastMs)
            latest = &c;
    }
    return latest;
}

QString SpcPage::timeText(TimestampMs t, bool withDate) const
{
    QTimeZone zone(m_engine->model().calendar.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, zone);
    return local.toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                   : QStringLiteral("HH:mm:ss"));
}

QString SpcPage::valueText(double v, int extraDecimals) const
{
    if (!std::isfinite(v))
        return QStringLiteral("—");
    const int index = m_characteristic->currentIndex();
    const int decimals = index >= 0 && index < int(m_characteristics.size())
        ? m_characteristics[std::size_t(index)].decimals
        : 3;
    return QLocale().toString(v, 'f', decimals + extraDecimals);
}

void SpcPage::render()
{
    // Product list: every chart of the analysis.
    const SpcChart *chart = currentChart();
    QStringList products;
    if (m_data) {
        for (const SpcChart &c : m_data->analysis.charts)
            products << (c.product.isEmpty() ? QString() : c.product);
    }
    QStringList shown;
    for (int i = 0; i < m_product->count(); ++i)
        shown << m_product->itemText(i);
    if (shown != products) {
        const QSignalBlocker block(m_product);
        m_product->clear();
        m_product->addItems(products);
    }
    if (chart) {
        const QSignalBlocker block(m_product);
        m_product->setCurrentIndex(m_product->findText(chart->product));
    }
    m_product->setEnabled(products.size() > 1);

    fillLimitsLabel(chart);
    const SpcCharacteristic *c = m_data && m_data->characteristic >= 0
            && m_data->characteristic < int(m_characteristics.size())
        ? &m_characteristics[std::size_t(m_data->characteristic)]
        : nullptr;
    QString status;
    if (m_data) {
        const SpcAnalysis &a = m_data->analysis;
        status = tr("%1 measurements from %2 to %3 (%4)")
                     .arg(a.samples)
                     .arg(timeText(a.fromMs), timeText(a.toMs, false),
                         m_engine->model().calendar.timeZone);
        if (a.skipped > 0)
            status += QStringLiteral(" · ") + tr("%1 with bad quality left out").arg(a.skipped);
        for (const QString &w : a.warnings)
            status += QStringLiteral(" · ") + w;
        if (chart && !chart->error.isEmpty())
            status += QStringLiteral(" · ⚠ ") + chart->error;
    }
    const QString error = m_status->property("error").toString();
    m_status->setText(error.isEmpty() ? status : error);
    Q_UNUSED(c);

    fillPareto(); // the machine's defects do not depend on the chart
    if (!chart) {
        for (QCustomPlot *p : { m_chart, m_secondary, m_histogram }) {
            p->clearGraphs();
            p->clearItems();
            p->clearPlottables();
            andon::widgets::replotWhenDrawable(p);
        }
        m_boxes = nullptr;
        fillCorrelation();
        m_violations->setRowCount(0);
        m_capability->setRowCount(0);
        m_capabilityNote->clear();
        m_chartTitle->setText(m_data ? tr("No measurements in this window") : tr("Loading…"));
        m_secondaryTitle->clear();
        return;
    }
    renderControlChart(*chart);
    renderSecondary(*chart);
    renderHistogram(*chart);
    fillViolations(*chart);
    fillCapability(*chart);
    fillCorrelation();
}

void SpcPage::fillLimitsLabel(const SpcChart *chart)
{
    QPalette pal = m_limitsLabel->palette();
    pal.setColor(QPalette::WindowText, Theme::colors().text);
    if (!chart || !chart->error.isEmpty()) {
        m_limitsLabel->setText(chart ? tr("No limits: %1").arg(chart->error) : QString());
    } else if (chart->frozen) {
        const ControlLimits &l = chart->result.limits;
        m_limitsLabel->setText(tr("Limits in force: version %1, frozen by %2 on %3 — %4")
                                   .arg(l.version)
                                   .arg(l.frozenBy, timeText(l.frozenAtMs), l.reason));
    } else {
        const ControlLimits &l = chart->result.limits;
        m_limitsLabel->setText(
            tr("⚠ Trial limits from subgroups %1–%2 of this window (not frozen): freeze them "
               "once the process is in control")
                .arg(l.baselineFirst + 1)
                .arg(l.baselineFirst + l.baselineCount));
        pal.setColor(QPalette::WindowText, Theme::colors().down);
    }
    m_limitsLabel->setPalette(pal);
}

void SpcPage::renderControlChart(const SpcChart &chart)
{
    const ThemeColors &colors = Theme::colors();
    const ChartResult &r = chart.result;
    const ChartSeries &s = r.primary;
    QCustomPlot *plot = m_chart;
    if (m_view->currentData().toInt() == BoxPlotView) {
        renderBoxPlot(chart);
        return;
    }
    plot->clearPlottables();
    plot->clearItems();
    m_boxes = nullptr;
    const int n = int(s.values.size());
    QVector<double> x(n), y(n), cl(n), ucl(n), lcl(n), z1u(n), z1l(n), z2u(n), z2l(n);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (int i = 0; i < n; ++i) {
        const auto k = std::size_t(i);
        x[i] = i + 1;
        y[i] = s.values[k];
        cl[i] = s.center[k];
        ucl[i] = s.ucl[k];
        lcl[i] = s.lcl[k];
        const double sigma = k < s.sigma.size() ? s.sigma[k] : kNaN;
        z1u[i] = cl[i] + sigma;
        z1l[i] = cl[i] - sigma;
        z2u[i] = cl[i] + 2 * sigma;
        z2l[i] = cl[i] - 2 * sigma;
        for (double v : { y[i], ucl[i], lcl[i] }) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    const bool zones = r.type != ChartType::Ewma && r.type != ChartType::Cusum;
    QColor zoneColor = colors.secondaryText;
    zoneColor.setAlpha(110);
    if (zones) {
        for (auto *v : { &z2u, &z1u, &z1l, &z2l }) {
            QCPGraph *g = addLine(plot, tr("Zone"));
            g->setPen(QPen(zoneColor, 1, Qt::DotLine));
            g->setData(x, *v, true);
        }
    }
    QCPGraph *limits[3] = { addLine(plot, tr("UCL")), addLine(plot, tr("CL")),
        addLine(plot, tr("LCL")) };
    limits[0]->setData(x, ucl, true);
    limits[1]->setData(x, cl, true);
    limits[2]->setData(x, lcl, true);
    limits[0]->setPen(QPen(colors.text, 1.2, Qt::DashLine));
    limits[2]->setPen(QPen(colors.text, 1.2, Qt::DashLine));
    limits[1]->setPen(QPen(colors.secondaryText, 1.2));

    QCPGraph *values = plot->addGraph();
    values->setName(s.name);
    values->setPen(QPen(colors.running, 1.2));
    values->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colors.running, 4));
    values->setData(x, y, true);

    // Violations: a red square for a point beyond the limits, an orange diamond for a run
    // pattern (abnormal colours of HMI-STYLE.md, always with a shape and the table's text).
    QVector<double> bx, by, rx, ry;
    for (const Violation &v : r.violations) {
        if (v.series != s.name || v.point < 0 || v.point >= n)
            continue;
        (beyondLimitRule(v.rule) ? bx : rx).push_back(v.point + 1);
        (beyondLimitRule(v.rule) ? by : ry).push_back(y[v.point]);
    }
    QCPGraph *run = plot->addGraph();
    run->setName(tr("Run rule"));
    run->setLineStyle(QCPGraph::lsNone);
    run->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(colors.down, 1.5),
        QBrush(colors.down), 9));
    run->setData(rx, ry);
    QCPGraph *beyond = plot->addGraph();
    beyond->setName(tr("Beyond limits"));
    beyond->setLineStyle(QCPGraph::lsNone);
    beyond->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare,
        QPen(colors.alarmCritical, 1.5), QBrush(colors.alarmCritical), 8));
    beyond->setData(bx, by);
    if (m_selected >= 0 && m_selected < n) {
        QCPGraph *sel = plot->addGraph();
        sel->setName(tr("Selected"));
        sel->setLineStyle(QCPGraph::lsNone);
        sel->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colors.text, 2), Qt::NoBrush, 14));
        sel->setData(QVector<double> { double(m_selected + 1) }, QVector<double> { y[m_selected] });
    }

    // Limit labels at the right edge: the values of the last point.
    if (n > 0) {
        const auto label = [&](double v, const QString &what) {
            if (!std::isfinite(v))
                return;
            auto *t = new QCPItemText(plot);
            t->setClipToAxisRect(false);
            t->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
            t->position->setTypeY(QCPItemPosition::ptPlotCoords);
            t->position->setCoords(1.0, v);
            t->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            t->setPadding(QMargins(4, 0, 0, 0));
            t->setText(what + QLatin1Char(' ') + valueText(v));
            t->setColor(colors.text);
            t->setFont(font());
        };
        label(ucl[n - 1], tr("UCL"));
        label(cl[n - 1], tr("CL"));
        label(lcl[n - 1], tr("LCL"));
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    const double pad = (hi - lo) * 0.08 + 1e-12;
    plot->yAxis->setRange(lo - pad, hi + pad);
    plot->xAxis->setRange(0.5, std::max(1, n) + 0.5);
    plot->xAxis->setLabel(tr("Subgroup"));
    QString title;
    switch (r.type) {
    case ChartType::XbarR:
    case ChartType::XbarS: title = tr("X̄ chart: subgroup means (n = %1)"); break;
    case ChartType::Median: title = tr("Median chart: subgroup medians (n = %1)"); break;
    case ChartType::IMR: title = tr("Individuals chart (n = %1)"); break;
    case ChartType::Ewma: title = tr("EWMA chart (λ = 0.2, n = %1)"); break;
    default: title = tr("CUSUM chart: C⁺ (n = %1)"); break;
    }
    const SpcCharacteristic &c = m_characteristics[std::size_t(m_data->characteristic)];
    m_chartTitle->setText(title.arg(spcEffectiveSubgroupSize(m_data->settings))
        + (chart.product.isEmpty() ? QString() : QStringLiteral(" · ") + chart.product)
        + (c.unit.isEmpty() ? QString() : QStringLiteral(" · ") + c.unit)
        + QStringLiteral(" · ") + tr("%n violation(s)", nullptr, int(r.violations.size())));
    andon::widgets::replotWhenDrawable(plot);
}

void SpcPage::renderBoxPlot(const SpcChart &chart)
{
    const ThemeColors &colors = Theme::colors();
    const ChartResult &r = chart.result;
    QCustomPlot *plot = m_chart;
    plot->clearPlottables();
    plot->clearItems();
    const SpcCharacteristic &c = m_characteristics[std::size_t(m_data->characteristic)];
    const int n = int(r.subgroups.size());
    m_boxes = new QCPStatisticalBox(plot->xAxis, plot->yAxis);
    m_boxes->setName(tr("Subgroups"));
    m_boxes->setWidth(0.6);
    m_boxes->setWhiskerWidth(0.3);
    m_boxes->setPen(QPen(colors.running, 1.2));
    QColor fill = colors.running;
    fill.setAlpha(60);
    m_boxes->setBrush(fill);
    m_boxes->setWhiskerPen(QPen(colors.running, 1.0, Qt::SolidLine));
    m_boxes->setWhiskerBarPen(QPen(colors.running, 1.2));
    m_boxes->setMedianPen(QPen(colors.text, 2.2));
    m_boxes->setOutlierStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colors.text, 1.2), Qt::NoBrush, 6));
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (int i = 0; i < n; ++i) {
        const BoxStats b = boxStats(r.subgroups[std::size_t(i)].values);
        if (b.n == 0)
            continue;
        const QVector<double> outliers(b.outliers.begin(), b.outliers.end());
        m_boxes->addData(i + 1, b.lowerWhisker, b.q1, b.median, b.q3, b.upperWhisker, outliers);
        lo = std::min({ lo, b.lowerWhisker, b.outliers.empty() ? lo : b.outliers.front() });
        hi = std::max({ hi, b.upperWhisker, b.outliers.empty() ? hi : b.outliers.back() });
    }
    // Specification limits: the box plot shows individual values, so they compare directly.
    const auto specLine = [&](double v, const QString &what, Qt::PenStyle style) {
        if (!std::isfinite(v))
            return;
        auto *line = new QCPItemStraightLine(plot);
        line->point1->setCoords(0, v);
        line->point2->setCoords(1, v);
        line->setPen(QPen(colors.text, 1.2, style));
        auto *t = new QCPItemText(plot);
        t->setClipToAxisRect(false);
        t->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        t->position->setTypeY(QCPItemPosition::ptPlotCoords);
        t->position->setCoords(1.0, v);
        t->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        t->setPadding(QMargins(4, 0, 0, 0));
        t->setText(what + QLatin1Char(' ') + valueText(v, 0));
        t->setColor(colors.text);
        t->setFont(font());
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    };
    specLine(c.spec.usl, tr("USL"), Qt::DashLine);
    specLine(c.spec.target, tr("Target"), Qt::DotLine);
    specLine(c.spec.lsl, tr("LSL"), Qt::DashLine);
    if (m_selected >= 0 && m_selected < n) {
        auto *sel = new QCPItemRect(plot);
        sel->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        sel->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        sel->topLeft->setCoords(m_selected + 1 - 0.45, 0.0);
        sel->bottomRight->setCoords(m_selected + 1 + 0.45, 1.0);
        sel->setPen(QPen(colors.text, 1.5, Qt::DotLine));
        sel->setBrush(Qt::NoBrush);
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    const double pad = (hi - lo) * 0.08 + 1e-12;
    plot->yAxis->setRange(lo - pad, hi + pad);
    plot->xAxis->setRange(0.5, std::max(1, n) + 0.5);
    plot->xAxis->setLabel(tr("Subgroup"));
    m_chartTitle->setText(
        tr("Box plot of the subgroups (n = %1): Q1–Q3, median, whiskers to 1.5 IQR")
            .arg(spcEffectiveSubgroupSize(m_data->settings))
        + (chart.product.isEmpty() ? QString() : QStringLiteral(" · ") + chart.product)
        + (c.unit.isEmpty() ? QString() : QStringLiteral(" · ") + c.unit));
    andon::widgets::replotWhenDrawable(plot);
}

void SpcPage::fillCorrelation()
{
    m_correlation->setRowCount(0);
    if (!m_data || !m_data->correlation) {
        m_correlationNote->setText(m_lowerTabs->currentIndex() == 1 ? tr("Computing…") : QString());
        return;
    }
    const SpcCorrelation &k = *m_data->correlation;
    const BulkFill bulk(m_correlation);
    QString note = tr("%1 of %2 subgroups out of control (part of a rule violation). Each process "
                      "tag's time-weighted mean over each subgroup's time span; ranked by |Welch "
                      "t|. A difference is a lead to check, not a proven cause.")
                       .arg(k.outOfControl)
                       .arg(k.subgroups);
    if (!k.note.isEmpty())
        note = QStringLiteral("⚠ ") + k.note + QStringLiteral(" — ") + note;
    m_correlationNote->setText(note);
    const auto fmt = [](double v, int decimals) {
        if (std::isinf(v))
            return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
        return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("—");
    };
    m_correlation->setRowCount(int(k.tags.size()));
    int row = 0;
    for (const SpcTagDifference &d : k.tags) {
        const QString unit = d.unit.isEmpty() ? QString() : QStringLiteral(" ") + d.unit;
        const WelchTest &w = d.test;
        m_correlation->setItem(row, 0, cell(d.name));
        m_correlation->setItem(row, 1, cell(fmt(w.mean1, d.decimals + 1) + unit, true));
        m_correlation->setItem(row, 2, cell(fmt(w.mean2, d.decimals + 1) + unit, true));
        m_correlation->setItem(row, 3,
            cell((w.difference > 0 ? QStringLiteral("+") : QString())
                    + fmt(w.difference, d.decimals + 1) + unit,
                true));
        m_correlation->setItem(row, 4, cell(fmt(w.t, 2), true));
        m_correlation->setItem(row, 5, cell(fmt(w.cohenD, 2), true));
        m_correlation->setItem(row, 6, cell(QStringLiteral("%1 / %2").arg(w.n1).arg(w.n2), true));
        ++row;
    }
}

void SpcPage::fillPareto()
{
    m_paretoTable->setRowCount(0);
    if (!m_data || !m_data->paretos) {
        m_paretoNote->setText(m_rightTabs->currentIndex() == 1 ? tr("Computing…") : QString());
        return;
    }
    const std::vector<SpcDefectPareto> &all = *m_data->paretos;
    if (all.empty()) {
        m_pareto->setItems({});
        m_paretoNote->setText(tr("No defect types configured for this machine: list the counters "
                                 "of each defect type under its reject counter "
                                 "(defect_types: [...], docs/spc.md)."));
        return;
    }
    const SpcDefectPareto &p = all.front();
    const BulkFill bulk(m_paretoTable);
    std::vector<widgets::ParetoItem> bars;
    for (const ParetoItem &i : p.items)
        bars.push_back({ i.name, i.count });
    m_pareto->setItems(bars, 8);
    // Defect names are longer than the bars are wide in the side panel: vertical labels.
    for (QAbstractAxis *axis : m_pareto->chartView()->chart()->axes(Qt::Horizontal))
        axis->setLabelsAngle(-90);
    QString note = tr("%1: %2 %3 in this window, %4 by type")
                       .arg(p.name, QLocale().toString(p.total, 'f', 0), p.unit,
                           QLocale().toString(p.classified, 'f', 0));
    if (p.resets > 0)
        note += QStringLiteral(" · ") + tr("%n counter reset(s) counted across", nullptr, p.resets);
    if (all.size() > 1) {
        QStringList others;
        for (std::size_t i = 1; i < all.size(); ++i)
            others << all[i].name;
        note += QStringLiteral(" · ") + tr("also on this machine: %1").arg(others.join(QStringLiteral(", ")));
    }
    m_paretoNote->setText(note);
    m_paretoTable->setRowCount(int(p.items.size()));
    int row = 0;
    for (const ParetoItem &i : p.items) {
        m_paretoTable->setItem(row, 0, cell(i.name));
        m_paretoTable->setItem(row, 1, cell(QLocale().toString(i.count, 'f', 0), true));
        m_paretoTable->setItem(row, 2, cell(QLocale().toString(i.percent, 'f', 1) + QStringLiteral(" %"), true));
        m_paretoTable->setItem(row, 3,
            cell(QLocale().toString(i.cumulativePercent, 'f', 1) + QStringLiteral(" %"), true));
        ++row;
    }
}

void SpcPage::renderSecondary(const SpcChart &chart)
{
    const ThemeColors &colors = Theme::colors();
    QCustomPlot *plot = m_secondary;
    plot->clearGraphs();
    plot->clearItems();
    const ChartResult &r = chart.result;
    if (!r.secondary) {
        m_secondaryTitle->setText(tr("No companion chart for %1").arg(chartTypeName(r.type)));
        andon::widgets::replotWhenDrawable(plot);
        return;
    }
    const ChartSeries &s = *r.secondary;
    const int n = int(s.values.size());
    QVector<double> x(n), y(n), cl(n), ucl(n), lcl(n);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (int i = 0; i < n; ++i) {
        const auto k = std::size_t(i);
        x[i] = i + 1;
        y[i] = s.values[k];
        cl[i] = s.center[k];
        ucl[i] = s.ucl[k];
        lcl[i] = s.lcl[k];
        for (double v : { y[i], ucl[i], lcl[i] }) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    QCPGraph *g[3] = { addLine(plot, tr("UCL")), addLine(plot, tr("CL")), addLine(plot, tr("LCL")) };
    g[0]->setData(x, ucl, true);
    g[1]->setData(x, cl, true);
    g[2]->setData(x, lcl, true);
    g[0]->setPen(QPen(colors.text, 1.2, Qt::DashLine));
    g[2]->setPen(QPen(colors.text, 1.2, Qt::DashLine));
    g[1]->setPen(QPen(colors.secondaryText, 1.2));
    QCPGraph *values = plot->addGraph();
    values->setPen(QPen(colors.running, 1.2));
    values->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colors.running, 3));
    values->setData(x, y, true);
    QVector<double> bx, by;
    for (const Violation &v : r.violations) {
        if (v.series == s.name && v.point >= 0 && v.point < n) {
            bx.push_back(v.point + 1);
            by.push_back(y[v.point]);
        }
    }
    QCPGraph *beyond = plot->addGraph();
    beyond->setLineStyle(QCPGraph::lsNone);
    beyond->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare,
        QPen(colors.alarmCritical, 1.5), QBrush(colors.alarmCritical), 7));
    beyond->setData(bx, by);
    if (n > 0 && std::isfinite(ucl[n - 1])) {
        auto *t = new QCPItemText(plot);
        t->setClipToAxisRect(false);
        t->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        t->position->setTypeY(QCPItemPosition::ptPlotCoords);
        t->position->setCoords(1.0, ucl[n - 1]);
        t->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        t->setPadding(QMargins(4, 0, 0, 0));
        t->setText(tr("UCL") + QLatin1Char(' ') + valueText(ucl[n - 1]));
        t->setColor(colors.text);
        t->setFont(font());
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    const double pad = (hi - lo) * 0.08 + 1e-12;
    plot->yAxis->setRange(std::min(0.0, lo - pad), hi + pad);
    plot->xAxis->setRange(m_chart->xAxis->range());
    QString name;
    if (s.name == QLatin1String("r"))
        name = tr("R chart: subgroup ranges");
    else if (s.name == QLatin1String("s"))
        name = tr("S chart: subgroup standard deviations");
    else if (s.name == QLatin1String("mr"))
        name = tr("MR chart: moving ranges");
    else
        name = tr("CUSUM chart: C⁻");
    m_secondaryTitle->setText(name);
    andon::widgets::replotWhenDrawable(plot);
}

void SpcPage::renderHistogram(const SpcChart &chart)
{
    const ThemeColors &colors = Theme::colors();
    QCustomPlot *plot = m_histogram;
    plot->clearPlottables();
    plot->clearItems();
    std::vector<double> values;
    for (const Subgroup &g : chart.result.subgroups)
        values.insert(values.end(), g.values.begin(), g.values.end());
    const SpcCharacteristic &c = m_characteristics[std::size_t(m_data->characteristic)];
    if (values.empty()) {
        andon::widgets::replotWhenDrawable(plot);
        return;
    }
    const auto [minIt, maxIt] = std::minmax_element(values.begin(), values.end());
    double lo = *minIt, hi = *maxIt;
    for (double v : { c.spec.lsl, c.spec.usl }) {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    const int bins = std::clamp(
        int(std::ceil(1.0 + std::log2(double(values.size())))), kMinBins, kMaxBins);
    const double dataLo = *minIt, dataHi = *maxIt;
    const double width = dataHi > dataLo ? (dataHi - dataLo) / bins : 1.0;
    QVector<double> centers(bins), counts(bins, 0.0);
    for (int i = 0; i < bins; ++i)
        centers[i] = dataLo + (i + 0.5) * width;
    for (double v : values) {
        const int b = std::clamp(int((v - dataLo) / width), 0, bins - 1);
        counts[b] += 1;
    }
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setWidth(width);
    bars->setPen(QPen(colors.panel, 1));
    QColor fill = colors.running;
    fill.setAlpha(170);
    bars->setBrush(fill);
    bars->setData(centers, counts, true);
    double top = *std::max_element(counts.begin(), counts.end());

    // Fitted normal (mean and overall sigma of the data), scaled to counts per bin.
    const double mu = mean(values);
    const double sd = sampleStdDev(values);
    if (std::isfinite(sd) && sd > 0) {
        auto *curve = new QCPCurve(plot->xAxis, plot->yAxis);
        QVector<double> cx, cy;
        const double a = std::min(lo, mu - 4 * sd), b = std::max(hi, mu + 4 * sd);
        constexpr int kCurvePoints = 120;
        for (int i = 0; i <= kCurvePoints; ++i) {
            const double xv = a + (b - a) * i / kCurvePoints;
            const double z = (xv - mu) / sd;
            const double pdf = std::exp(-0.5 * z * z) / (sd * std::sqrt(2 * std::numbers::pi));
            cx << xv;
            cy << pdf * double(values.size()) * width;
        }
        curve->setData(cx, cy);
        curve->setPen(QPen(colors.trendPens[0], 1.6));
        curve->setName(tr("Normal fit"));
        top = std::max(top, *std::max_element(cy.begin(), cy.end()));
        lo = std::min(lo, mu - 3.5 * sd);
        hi = std::max(hi, mu + 3.5 * sd);
    }
    const auto specLine = [&](double v, const QString &what, Qt::PenStyle style,
                              Qt::Alignment side) {
        if (!std::isfinite(v))
            return;
        auto *line = new QCPItemStraightLine(plot);
        line->point1->setCoords(v, 0);
        line->point2->setCoords(v, 1);
        line->setPen(QPen(colors.text, 1.4, style));
        auto *t = new QCPItemText(plot);
        t->position->setTypeX(QCPItemPosition::ptPlotCoords);
        t->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        t->position->setCoords(v, 0.0);
        // LSL text to the right of its line, USL to the left: both stay inside the plot.
        t->setPositionAlignment(side | Qt::AlignTop);
        t->setPadding(QMargins(3, 1, 3, 1));
        t->setText(what);
        t->setColor(colors.text);
        t->setBrush(colors.panel);
        t->setFont(font());
    };
    specLine(c.spec.lsl, tr("LSL %1").arg(valueText(c.spec.lsl, 0)), Qt::DashLine, Qt::AlignLeft);
    specLine(c.spec.usl, tr("USL %1").arg(valueText(c.spec.usl, 0)), Qt::DashLine, Qt::AlignRight);
    specLine(c.spec.target, tr("Target"), Qt::DotLine, Qt::AlignHCenter);
    const double pad = (hi - lo) * 0.04;
    plot->xAxis->setRange(lo - pad, hi + pad);
    plot->yAxis->setRange(0, top * 1.22 + 1);
    plot->xAxis->setLabel(c.unit.isEmpty() ? tr("Value") : tr("Value (%1)").arg(c.unit));
    plot->yAxis->setLabel(tr("Count"));
    andon::widgets::replotWhenDrawable(plot);
}

void SpcPage::fillViolations(const SpcChart &chart)
{
    const ChartResult &r = chart.result;
    const BulkFill bulk(m_violations);
    // Newest first: what needs attention now is at the top.
    m_violations->setRowCount(0);
    m_violations->setRowCount(int(r.violations.size()));
    int row = 0;
    for (auto it = r.violations.rbegin(); it != r.violations.rend(); ++it, ++row) {
        const Violation &v = *it;
        const RuleInfo &info = ruleInfo(v.rule);
        auto *rule = cell(QStringLiteral("%1 %2")
                              .arg(beyondLimitRule(v.rule) ? QStringLiteral("■")
                                                           : QStringLiteral("◆"),
                                  QLatin1String(info.id)));
        rule->setForeground(beyondLimitRule(v.rule) ? Theme::colors().alarmCritical
                                                    : Theme::colors().down);
        rule->setData(Qt::UserRole, v.point);
        QString pattern = QCoreApplication::translate("andon::analytics::spc", info.text);
        if (v.series != r.primary.name)
            pattern += QStringLiteral(" (%1)").arg(v.series.toUpper());
        QString points;
        if (!v.points.empty()) {
            const int a = *std::min_element(v.points.begin(), v.points.end()) + 1;
            const int b = *std::max_element(v.points.begin(), v.points.end()) + 1;
            points = a == b ? QString::number(a) : QStringLiteral("%1–%2").arg(a).arg(b);
        }
        const TimestampMs t = r.subgroups[std::size_t(v.point)].lastMs;
        m_violations->setItem(row, 0, rule);
        m_violations->setItem(row, 1, cell(pattern));
        m_violations->setItem(row, 2, cell(points, true));
        m_violations->setItem(row, 3, cell(timeText(t), true));
    }
}

void SpcPage::fillCapability(const SpcChart &chart)
{
    m_capability->setRowCount(0);
    const auto add = [this](const QString &name, const QString &value, const QString &tip = {}) {
        const int row = m_capability->rowCount();
        m_capability->insertRow(row);
        auto *n = cell(name);
        n->setToolTip(tip);
        m_capability->setItem(row, 0, n);
        m_capability->setItem(row, 1, cell(value, true));
    };
    const auto index = [](const std::optional<double> &v) {
        return v ? QLocale().toString(*v, 'f', 2) : QStringLiteral("—");
    };
    if (!chart.capability) {
        m_capabilityNote->setText(tr("No specification limits: capability not computed."));
        return;
    }
    const Capability &cap = *chart.capability;
    const SpcCharacteristic &c = m_characteristics[std::size_t(m_data->characteristic)];
    const QString unit = c.unit.isEmpty() ? QString() : QStringLiteral(" ") + c.unit;
    add(tr("Cp (within)"), index(cap.within.c), tr("(USL − LSL) / 6 σ within"));
    add(tr("Cpk (within)"), index(cap.within.k), tr("min(USL − x̄, x̄ − LSL) / 3 σ within"));
    add(tr("Pp (overall)"), index(cap.overall.c), tr("(USL − LSL) / 6 σ overall"));
    add(tr("Ppk (overall)"), index(cap.overall.k), tr("min(USL − x̄, x̄ − LSL) / 3 σ overall"));
    add(tr("n (values)"), QLocale().toString(cap.n));
    add(tr("Mean"), valueText(cap.mean) + unit);
    add(tr("σ within / overall"),
        valueText(cap.sigmaWithin, 2) + QStringLiteral(" / ") + valueText(cap.sigmaOverall, 2)
            + unit);
    add(tr("LSL / USL"),
        valueText(cap.spec.lsl, 0) + QStringLiteral(" / ") + valueText(cap.spec.usl, 0) + unit);
    add(tr("Normality (Anderson-Darling p)"),
        cap.normality.computed ? QLocale().toString(cap.normality.pValue, 'f', 3)
                               : tr("not tested"));
    QStringList notes;
    for (const QString &w : cap.warnings)
        notes << QStringLiteral("⚠ ") + w;
    m_capabilityNote->setText(notes.join(QLatin1Char('\n')));
    // The table shows all its rows (no scrolling for the key numbers).
    m_capability->setFixedHeight(m_capability->horizontalHeader()->height()
        + m_capability->rowCount() * m_capability->verticalHeader()->defaultSectionSize() + 4);
    QPalette pal = m_capabilityNote->palette();
    pal.setColor(QPalette::WindowText, Theme::colors().down);
    m_capabilityNote->setPalette(pal);
    m_capabilityNote->setVisible(!notes.isEmpty());
}

void SpcPage::onChartClicked(QMouseEvent *event)
{
    const SpcChart *chart = currentChart();
    if (!chart || chart->result.subgroups.empty())
        return;
    auto *plot = qobject_cast<QCustomPlot *>(sender());
    if (!plot)
        return;
    const double x = plot->xAxis->pixelToCoord(event->position().x());
    const int index = std::clamp(int(std::lround(x)) - 1, 0,
        int(chart->result.subgroups.size()) - 1);
    selectSubgroup(index);
}

void SpcPage::selectSubgroup(int index)
{
    const SpcChart *chart = currentChart();
    if (!chart || index < 0 || index >= int(chart->result.subgroups.size()) || !m_worker)
        return;
    m_selected = index;
    renderControlChart(*chart);
    fillDetails({}); // what is known at once; the conditions follow from the worker
    const SpcCharacteristic characteristic = m_characteristics[std::size_t(m_data->characteristic)];
    const TimestampMs t = chart->result.subgroups[std::size_t(index)].lastMs;
    const quint64 generation = ++m_detailsGeneration;
    SpcPageWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [this, worker, characteristic, t, generation] {
        auto conditions = std::make_shared<std::vector<SpcCondition>>(spcMachineConditions(
            *worker->m_model, *worker->m_historian, characteristic, t));
        QMetaObject::invokeMethod(this, [this, conditions, generation] {
            if (generation != m_detailsGeneration)
                return;
            fillDetails(*conditions);
            emit detailsShown();
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void SpcPage::fillDetails(const std::vector<SpcCondition> &conditions)
{
    const SpcChart *chart = currentChart();
    m_details->setRowCount(0);
    if (!chart || m_selected < 0 || m_selected >= int(chart->result.subgroups.size()))
        return;
    const Subgroup &g = chart->result.subgroups[std::size_t(m_selected)];
    const auto add = [this](const QString &name, const QString &value, bool number = false) {
        const int row = m_details->rowCount();
        m_details->insertRow(row);
        m_details->setItem(row, 0, cell(name));
        m_details->setItem(row, 1, cell(value, number));
    };
    add(tr("Subgroup"), tr("%1 of %2").arg(m_selected + 1).arg(chart->result.subgroups.size()));
    add(tr("Time"), timeText(g.firstMs) + QStringLiteral(" – ") + timeText(g.lastMs, false));
    const QString shift = std::size_t(m_selected) < chart->shifts.size()
        ? chart->shifts[std::size_t(m_selected)]
        : QString();
    add(tr("Product / shift"),
        (chart->product.isEmpty() ? tr("—") : chart->product) + QStringLiteral(" / ")
            + (shift.isEmpty() ? tr("off shift") : shift));
    QStringList values;
    for (double v : g.values)
        values << valueText(v, 0);
    add(tr("Values"), values.join(QStringLiteral("  ")));
    const ChartSeries &s = chart->result.primary;
    if (std::size_t(m_selected) < s.values.size())
        add(tr("Plotted (%1)").arg(s.name), valueText(s.values[std::size_t(m_selected)]), true);
    for (const Violation &v : chart->result.violations) {
        if (v.point == m_selected)
            add(tr("Rule"), QLatin1String(ruleInfo(v.rule).id) + QStringLiteral(" — ")
                    + QLatin1String(ruleInfo(v.rule).text));
    }
    for (const SpcCondition &c : conditions) {
        const QString value = std::isfinite(c.value)
            ? QLocale().toString(c.value, 'f', c.decimals)
                + (c.unit.isEmpty() ? QString() : QStringLiteral(" ") + c.unit)
            : tr("no value");
        add(tr("Machine: %1").arg(c.name), value, true);
    }
}

bool SpcPage::freezeLimits(const QString &reason, QString *error)
{
    QString why;
    const SpcChart *chart = currentChart();
    std::optional<ControlLimits> limits;
    if (!m_engine->historian())
        why = tr("No historian is open: limits cannot be frozen without an audit trail.");
    else if (!allowed(*m_engine, Action::FreezeSpcLimits, &why)) {
        // `why` says which role it needs
    } else if (reason.trimmed().isEmpty())
        why = tr("A reason is required to freeze limits.");
    else if (!chart || !m_data)
        why = tr("No chart to freeze limits from.");
    else if (!(limits = spcBaselineLimits(*chart, m_data->settings, &why)))
        why = tr("Limits cannot be estimated: %1").arg(why);
    if (limits) {
        SpcLimitsStore store(m_engine->historian());
        const SpcCharacteristic &c = m_characteristics[std::size_t(m_data->characteristic)];
        if (!store.freeze(c.path, chart->product, *limits, currentUserName(), reason,
                m_clock->now(), &why))
            limits.reset();
        else
            qCInfo(lcSpcPage).noquote() << "limits frozen for" << c.path << chart->product
                                        << "by" << currentUserName() << ":" << reason;
    }
    if (!limits) {
        const QString msg = tr("⚠ Limits not frozen: %1").arg(why);
        m_status->setProperty("error", msg);
        m_status->setText(msg);
        if (error)
            *error = why;
        return false;
    }
    m_status->setProperty("error", QString());
    ++m_generation;
    refresh();
    return true;
}

QDialog *SpcPage::openFreezeDialog()
{
    QString why;
    if (!allowed(*m_engine, Action::FreezeSpcLimits, &why)) {
        const QString msg = tr("⚠ Limits not frozen: %1").arg(why);
        m_status->setProperty("error", msg);
        m_status->setText(msg);
        return nullptr;
    }
    const SpcChart *chart = currentChart();
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("spcFreezeDialog"));
    dialog->setWindowTitle(tr("Freeze control limits"));
    auto *form = new QFormLayout(dialog);
    QString what = tr("No chart");
    QString current = tr("none (trial limits)");
    if (chart && m_data) {
        const SpcCharacteristic &c = m_characteristics[std::size_t(m_data->characteristic)];
        QString error;
        const std::optional<ControlLimits> l = spcBaselineLimits(*chart, m_data->settings, &error);
        what = l ? tr("%1, %2 chart: center %3, σ %4 from subgroups %5–%6")
                       .arg(c.name, chartTypeName(l->chart), valueText(l->center),
                           valueText(l->sigma, 2))
                       .arg(l->baselineFirst + 1)
                       .arg(l->baselineFirst + l->baselineCount)
                 : error;
        if (chart->frozen)
            current = tr("version %1 by %2 (%3)")
                          .arg(chart->result.limits.version)
                          .arg(chart->result.limits.frozenBy, chart->result.limits.reason);
    }
    auto *whatLabel = new QLabel(what, dialog);
    whatLabel->setWordWrap(true);
    form->addRow(tr("New limits"), whatLabel);
    form->addRow(tr("In force now"), new QLabel(current, dialog));
    form->addRow(tr("User"), new QLabel(currentUserName(), dialog));
    auto *reason = new QLineEdit(dialog);
    reason->setObjectName(QStringLiteral("spcFreezeReason"));
    reason->setPlaceholderText(tr("Why (e.g. new baseline after tool change)"));
    form->addRow(tr("Reason"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Freeze"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    form->addRow(buttons);
    connect(reason, &QLineEdit::textChanged, dialog, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, reason] {
        if (freezeLimits(reason->text()))
            dialog->accept();
    });
    dialog->open();
    return dialog;
}

void SpcPage::applyTheme()
{
    const ThemeColors &c = Theme::colors();
    const QPen axisPen(c.secondaryText, 1);
    const QColor grid = c.dark ? QColor(0x44, 0x44, 0x44) : QColor(0xDA, 0xDA, 0xDA);
    for (QCustomPlot *p : { m_chart, m_secondary, m_histogram }) {
        p->setBackground(c.panel);
        p->axisRect()->setBackground(c.panel);
        // Room at the right for the limit labels of the control charts.
        p->axisRect()->setAutoMargins(QCP::msLeft | QCP::msTop | QCP::msBottom);
        p->axisRect()->setMargins(QMargins(0, 0, p == m_histogram ? 12 : 96, 0));
        for (QCPAxis *a : { p->xAxis, p->yAxis }) {
            a->setBasePen(axisPen);
            a->setTickPen(axisPen);
            a->setSubTickPen(axisPen);
            a->setTickLabelColor(c.secondaryText);
            a->setLabelColor(c.secondaryText);
            a->setTickLabelFont(font());
            a->setLabelFont(font());
            a->grid()->setPen(QPen(grid, 1, Qt::SolidLine));
            a->grid()->setZeroLinePen(Qt::NoPen);
            a->grid()->setSubGridVisible(false);
        }
    }
    m_secondary->xAxis->setTickLabels(false);
    for (QLabel *l : { m_chartTitle, m_secondaryTitle }) {
        QFont f = l->font();
        f.setBold(true);
        l->setFont(f);
    }
}

void SpcPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void SpcPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_chart) {
        applyTheme();
        render();
    }
    QWidget::changeEvent(event);
}

// ---- "click any value to trend it" --------------------------------------------------------

QStringList SpcPage::trendPaths(QWidget *source, const QPoint &pos, QStringList *labels) const
{
    if (!m_data)
        return {};
    const PlantModel &model = m_engine->model();
    const SpcCharacteristic &c = m_data->analysis.characteristic;
    QStringList paths, names;
    if (source == m_correlation) {
        const int row = m_correlation->rowAt(pos.y());
        if (!m_data->correlation || row < 0 || row >= int(m_data->correlation->tags.size()))
            return {};
        const SpcTagDifference &d = m_data->correlation->tags[std::size_t(row)];
        if (d.tag < model.tags.size()) {
            paths << model.tags[d.tag].path;
            names << d.name;
        }
    } else if (source != m_chart && source != m_secondary && source != m_histogram
               && source != m_capability && source != m_violations) {
        return {};
    }
    if (model.tagByPath(c.path)) {
        paths << c.path;
        names << c.name;
    }
    if (labels)
        *labels = names;
    return paths;
}

void SpcPage::requestTrend(const QStringList &paths)
{
    if (!m_data || paths.isEmpty())
        return;
    // The current shift is followed live; a longer window is the analysed span.
    const bool live = m_window->currentData().toInt() == CurrentShift;
    emit trendRequested(paths, live ? 0 : m_data->analysis.fromMs, live ? 0 : m_data->analysis.toMs);
}

QMenu *SpcPage::createTrendMenu(QWidget *source, const QPoint &pos)
{
    QStringList labels;
    const QStringList paths = trendPaths(source, pos, &labels);
    std::vector<TrendTarget> targets;
    for (qsizetype i = 0; i < paths.size(); ++i)
        targets.push_back({labels.value(i), {paths[i]}});
    return andon::ui::createTrendMenu(targets, this,
                                      [this](const QStringList &p) { requestTrend(p); });
}

} // namespace andon::ui

#include "spc_page.moc"
