#include "ui/trends_page.h"

#include "core/alarm_def.h"
#include "core/derived_formula.h"
#include "core/shift_calendar.h"
#include "ui/derived_pen_dialog.h"
#include "ui/current_user.h"
#include "engine/engine.h"
#include "engine/trend_export.h"
#include "engine/trend_loader.h"
#include "storage/historian.h"
#include "widgets/theme.h"
#include "widgets/trend_plot.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcTrends, "andon.ui.trends")

namespace andon::ui {

namespace {

constexpr int kLiveTickMs = 500;        // live edge: 2 Hz is smooth for a trend
constexpr int kReloadDebounceMs = 200;  // after zoom/pan, before asking the historian
constexpr TimestampMs kLiveReloadMs = 30'000; // re-decimate the live view this often
constexpr int kPickerWidth = 250;
constexpr int kPrintDpi = 96; // printing coordinates: the screen's (see print())
constexpr int kPathRole = Qt::UserRole + 1;
const QString kSetsGroup = QStringLiteral("trends/sets");
const QString kDerivedPrefix = QStringLiteral("derived:");

TimestampMs periodLength(TrendsPage::Period p)
{
    switch (p) {
    case TrendsPage::Last15Min: return 15 * 60'000;
    case TrendsPage::Last8Hours: return 8 * 3'600'000;
    case TrendsPage::Last24Hours: return 24 * 3'600'000;
    case TrendsPage::Last7Days: return 7LL * 24 * 3'600'000;
    case TrendsPage::Last30Days: return 30LL * 24 * 3'600'000;
    default: return 8 * 3'600'000;
    }
}

QString settingsKey(QString name)
{
    return name.replace(QLatin1Char('/'), QLatin1Char('-')).trimmed();
}

} // namespace

TrendsPage::TrendsPage(Engine *engine, const Clock *clock, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_clock(clock), m_model(engine->modelPtr())
{
    m_loader = std::make_unique<TrendLoader>();
    m_loader->setSources(engine->historian(), &engine->tagStore(), m_model);
    connect(m_loader.get(), &TrendLoader::loaded, this, &TrendsPage::applyResult);
    m_compareLoader = std::make_unique<TrendLoader>();
    m_compareLoader->setSources(engine->historian(), &engine->tagStore(), m_model);
    connect(m_compareLoader.get(), &TrendLoader::loaded, this, &TrendsPage::applyCompareResult);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(8);

    // Left: the pen picker.
    auto *left = new QVBoxLayout;
    left->setSpacing(4);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("trendSearch"));
    m_search->setPlaceholderText(tr("Search tags…"));
    m_search->setClearButtonEnabled(true);
    left->addWidget(m_search);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("trendPenPicker"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setToolTip(tr("Double-click a tag to add it as a pen."));
    left->addWidget(m_tree, 1);
    auto *hint = new QLabel(tr("Double-click a tag to trend it (up to %1 pens).").arg(kMaxPens), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::Mid);
    left->addWidget(hint);
    auto *addDerived = new QPushButton(tr("Add derived pen…"), this);
    addDerived->setObjectName(QStringLiteral("trendAddDerived"));
    addDerived->setToolTip(tr("A pen computed from other tags with a formula"));
    connect(addDerived, &QPushButton::clicked, this, [this] { openDerivedPenDialog(); });
    left->addWidget(addDerived);
    auto *leftBox = new QWidget(this);
    leftBox->setLayout(left);
    left->setContentsMargins(0, 0, 0, 0);
    leftBox->setFixedWidth(kPickerWidth);
    layout->addWidget(leftBox);

    // Right: toolbar, range row, plot, pen table.
    auto *right = new QVBoxLayout;
    right->setSpacing(6);
    auto *tools = new QHBoxLayout;
    tools->setSpacing(6);
    m_periodBox = new QComboBox(this);
    m_periodBox->setObjectName(QStringLiteral("trendPeriod"));
    for (int p = 0; p < PeriodCount; ++p)
        m_periodBox->addItem(periodName(Period(p)), p);
    tools->addWidget(m_periodBox);
    m_compareBox = new QComboBox(this);
    m_compareBox->setObjectName(QStringLiteral("trendCompare"));
    for (int m = 0; m < CompareModeCount; ++m) {
        m_compareBox->addItem(compareName(CompareMode(m)), m);
        m_compareBox->setItemData(m, compareDescription(CompareMode(m)), Qt::ToolTipRole);
    }
    m_compareBox->setToolTip(tr("Overlay an earlier period on the pens, drawn dashed in the "
                                "pen's colour"));
    auto makeButton = [this, tools](const QString &text, const QString &name, bool checkable) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setCheckable(checkable);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        tools->addWidget(b);
        return b;
    };
    m_followButton = makeButton(tr("Follow live"), QStringLiteral("trendFollow"), true);
    m_followButton->setToolTip(tr("Scroll with new data, keeping the zoom width"));
    m_cursorButton = makeButton(tr("Cursors"), QStringLiteral("trendCursors"), true);
    m_cursorButton->setToolTip(tr("Two cursors: values at each, the difference, and statistics "
                                  "between them"));
    m_boxZoomButton = makeButton(tr("Box zoom"), QStringLiteral("trendBoxZoom"), true);
    m_boxZoomButton->setToolTip(tr("Drag a rectangle to zoom (or hold Shift while dragging)"));
    QToolButton *autoscale = makeButton(tr("Autoscale"), QStringLiteral("trendAutoscale"), false);
    autoscale->setToolTip(tr("Fit the value axes to the visible data (or double-click the plot)"));
    QToolButton *remove = makeButton(tr("Remove pen"), QStringLiteral("trendRemovePen"), false);
    remove->setToolTip(tr("Remove the pen selected in the table (Delete)"));
    m_exportButton = makeButton(tr("Export"), QStringLiteral("trendExport"), false);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("CSV (visible range)…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), QString(),
                                                          tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error, true))
            QMessageBox::warning(this, tr("Export CSV"), error);
    });
    exportMenu->addAction(tr("PNG image…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export PNG"), QString(),
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            QMessageBox::warning(this, tr("Export PNG"), tr("Cannot write %1").arg(path));
    });
    exportMenu->addAction(tr("PDF…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF"), QString(),
                                                          tr("PDF files (*.pdf)"));
        if (!path.isEmpty() && !exportPdf(path))
            QMessageBox::warning(this, tr("Export PDF"), tr("Cannot write %1").arg(path));
    });
    exportMenu->addAction(tr("Copy image"), this, &TrendsPage::copyImage);
    exportMenu->addSeparator();
    auto *printAction = new QAction(tr("Print…"), this);
    printAction->setShortcut(QKeySequence::Print);
    printAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(printAction, &QAction::triggered, this, [this] {
        QPrinter printer(QPrinter::ScreenResolution);
        printer.setPageOrientation(QPageLayout::Landscape);
        QPrintDialog dialog(&printer, this);
        dialog.setWindowTitle(tr("Print trend"));
        if (dialog.exec() == QDialog::Accepted && !print(&printer))
            QMessageBox::warning(this, tr("Print"),
                                 tr("Cannot print to %1.").arg(printer.printerName()));
    });
    exportMenu->addAction(printAction);
    addAction(printAction); // Ctrl+P while the page has focus
    m_exportButton->setMenu(exportMenu);
    tools->addStretch(1);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("trendBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedSize(70, 10);
    m_busy->setToolTip(tr("Loading history…"));
    m_busy->hide();
    tools->addWidget(m_busy);
    m_setBox = new QComboBox(this);
    m_setBox->setObjectName(QStringLiteral("trendSets"));
    m_setBox->setMinimumWidth(130);
    m_setBox->setToolTip(tr("Saved trend sets"));
    tools->addWidget(m_setBox);
    QToolButton *saveSet = makeButton(tr("Save set…"), QStringLiteral("trendSaveSet"), false);
    QToolButton *deleteSet = makeButton(tr("Delete set"), QStringLiteral("trendDeleteSet"), false);
    right->addLayout(tools);

    auto *rangeRow = new QHBoxLayout;
    rangeRow->setSpacing(6);
    m_fromEdit = new QDateTimeEdit(this);
    m_toEdit = new QDateTimeEdit(this);
    for (QDateTimeEdit *e : {m_fromEdit, m_toEdit}) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        e->setCalendarPopup(true);
        // Qt 6.4's editor has no time zone: it shows plant wall time, held as UTC fields.
        e->setTimeSpec(Qt::UTC);
    }
    m_applyRange = new QPushButton(tr("Show"), this);
    auto *fromLabel = new QLabel(tr("From"), this);
    auto *toLabel = new QLabel(tr("to"), this);
    // Compare mode sits with the range it refers to (the toolbar row is full at 1366 px).
    rangeRow->addWidget(m_compareBox);
    m_customWidgets = {fromLabel, m_fromEdit, toLabel, m_toEdit, m_applyRange};
    for (QWidget *w : m_customWidgets) {
        w->setVisible(false);
        rangeRow->addWidget(w);
    }
    m_rangeLabel = new QLabel(this);
    m_rangeLabel->setObjectName(QStringLiteral("trendRange"));
    m_rangeLabel->setForegroundRole(QPalette::Mid);
    // Its text grows with the notes (no calendar, no historian, compare): it must not widen the
    // page beyond a 1366-px screen; cut, the full text in the tooltip.
    m_rangeLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    rangeRow->addWidget(m_rangeLabel, 1);
    m_offlineLabel = new QLabel(this);
    m_offlineLabel->setObjectName(QStringLiteral("trendOffline"));
    m_offlineLabel->hide();
    rangeRow->addWidget(m_offlineLabel);
    m_backToLive = new QPushButton(tr("Back to live data"), this);
    m_backToLive->hide();
    rangeRow->addWidget(m_backToLive);
    right->addLayout(rangeRow);

    m_plot = new widgets::TrendPlot(this);
    m_plot->setTimeZone(QTimeZone(m_model->timeZone().toUtf8()));
    right->addWidget(m_plot, 1);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("trendPenTable"));
    m_table->setHorizontalHeaderLabels({tr("Pen"), tr("Unit"), tr("Cursor 1"), tr("Cursor 2"),
                                        tr("Δ"), tr("Min"), tr("Max"), tr("Mean"), tr("Std dev"),
                                        tr("Integral"), tr("Time > limit")});
    m_table->horizontalHeaderItem(IntegralColumn)
        ->setToolTip(tr("∫ value dt in value × hours (kW → kWh)"));
    m_table->horizontalHeaderItem(AboveColumn)
        ->setToolTip(tr("Time above the pen's upper limit (USL) between the cursors"));
    m_table->horizontalHeaderItem(MinColumn)
        ->setToolTip(tr("Statistics between the cursors, or over the visible range without "
                        "cursors (time-weighted, gaps left out)"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PenColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    for (int c : {int(PenColumn), int(UnitColumn)})
        m_table->horizontalHeaderItem(c)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    const int tableHeight = m_table->horizontalHeader()->sizeHint().height()
            + 5 * m_table->verticalHeader()->defaultSectionSize() + 4;
    m_table->setFixedHeight(tableHeight);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int row = m_table->rowAt(pos.y());
        if (row < 0)
            return;
        QMenu *menu = penContextMenu(row);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    right->addWidget(m_table);
    layout->addLayout(right, 1);

    m_liveTimer = new QTimer(this);
    m_liveTimer->setInterval(kLiveTickMs);
    connect(m_liveTimer, &QTimer::timeout, this, &TrendsPage::refresh);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(kReloadDebounceMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &TrendsPage::reload);

    connect(m_search, &QLineEdit::textChanged, this, &TrendsPage::filterPicker);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty())
            addPen(path);
    });
    connect(m_periodBox, &QComboBox::activated, this,
            [this](int index) { setPeriod(Period(m_periodBox->itemData(index).toInt())); });
    connect(m_compareBox, &QComboBox::activated, this, [this](int index) {
        setCompareMode(CompareMode(m_compareBox->itemData(index).toInt()));
    });
    connect(m_applyRange, &QPushButton::clicked, this, [this] {
        const QTimeZone zone = m_plot->timeZone();
        setCustomRange(QDateTime(m_fromEdit->date(), m_fromEdit->time(), zone).toMSecsSinceEpoch(),
                       QDateTime(m_toEdit->date(), m_toEdit->time(), zone).toMSecsSinceEpoch());
    });
    connect(m_followButton, &QToolButton::toggled, m_plot, &widgets::TrendPlot::setFollowLive);
    connect(m_plot, &widgets::TrendPlot::followLiveChanged, this, [this](bool follow) {
        const QSignalBlocker block(m_followButton);
        m_followButton->setChecked(follow);
        if (follow)
            reload();
    });
    connect(m_cursorButton, &QToolButton::toggled, m_plot, &widgets::TrendPlot::setCursorsVisible);
    connect(m_boxZoomButton, &QToolButton::toggled, m_plot, &widgets::TrendPlot::setBoxZoomMode);
    connect(autoscale, &QToolButton::clicked, m_plot, &widgets::TrendPlot::autoscaleValues);
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            removePen(m_table->currentRow());
    });
    auto *del = new QShortcut(QKeySequence::Delete, m_table);
    connect(del, &QShortcut::activated, remove, &QToolButton::click);
    connect(m_plot, &widgets::TrendPlot::cursorsChanged, this, &TrendsPage::updateTable);
    connect(m_plot, &widgets::TrendPlot::viewChangedByUser, this, [this] {
        updateRangeLabel();
        updateTable();
        m_reloadTimer->start();
    });
    connect(m_loader.get(), &TrendLoader::busyChanged, this,
            [this] { m_busy->setVisible(isLoading()); });
    connect(m_compareLoader.get(), &TrendLoader::busyChanged, this,
            [this] { m_busy->setVisible(isLoading()); });
    connect(saveSet, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save trend set"), tr("Name:"),
                                                   QLineEdit::Normal, m_setBox->currentText(), &ok);
        if (ok && !settingsKey(name).isEmpty())
            saveTrendSet(name);
    });
    connect(deleteSet, &QToolButton::clicked, this, [this] {
        if (m_setBox->currentIndex() > 0)
            deleteTrendSet(m_setBox->currentText());
    });
    connect(m_setBox, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            loadTrendSet(m_setBox->itemText(index));
    });
    connect(m_backToLive, &QPushButton::clicked, this, &TrendsPage::closeHistory);

    buildPicker();
    updateTrendSetBox();
    m_periodBox->setCurrentIndex(m_period);
    applyPeriod(false);
    updateTable();
}

TrendsPage::~TrendsPage()
{
    // No busy/loaded callbacks into a half-destroyed page.
    disconnect(m_loader.get(), nullptr, this, nullptr);
    disconnect(m_compareLoader.get(), nullptr, this, nullptr);
    m_loader.reset(); // waits for a running load before the offline historian goes
    m_compareLoader.reset();
}

QString TrendsPage::periodName(Period period)
{
    switch (period) {
    case Last15Min: return tr("Last 15 min");
    case Last8Hours: return tr("Last 8 h");
    case CurrentShift: return tr("Current shift");
    case Last24Hours: return tr("Last 24 h");
    case Last7Days: return tr("Last 7 days");
    case Last30Days: return tr("Last 30 days");
    case Custom: return tr("Custom…");
    case PeriodCount: break;
    }
    return QString();
}

TimestampMs TrendsPage::now() const
{
    return m_offline ? m_offlineEnd : m_clock->now();
}

const storage::Historian *TrendsPage::historian() const
{
    return m_offline ? m_offline.get() : m_engine->historian();
}

// ---- pen picker -----------------------------------------------------------------------------

void TrendsPage::buildPicker()
{
    m_tree->clear();
    auto tagItem = [](QTreeWidgetItem *parent, const QString &text, const QString &path,
                      const QString &tip) {
        auto *item = new QTreeWidgetItem(parent, {text});
        item->setData(0, kPathRole, path);
        item->setToolTip(0, tip);
        return item;
    };
    if (m_offline) {
        // A copied cache: the tree comes from the file's own tag paths.
        QHash<QString, QTreeWidgetItem *> nodes;
        for (const QString &path : m_offlineTags) {
            const QStringList parts = path.split(QLatin1Char('/'));
            QTreeWidgetItem *parent = m_tree->invisibleRootItem();
            QString prefix;
            for (int i = 0; i + 1 < parts.size(); ++i) {
                prefix += (i ? QStringLiteral("/") : QString()) + parts[i];
                QTreeWidgetItem *&node = nodes[prefix];
                if (!node) {
                    node = new QTreeWidgetItem(parent, {parts[i]});
                    node->setToolTip(0, prefix);
                }
                parent = node;
            }
            const TagDef *def = m_model->tagByPath(path);
            tagItem(parent, parts.back(), path,
                    def && !def->description.isEmpty() ? tr("%1\n%2").arg(path, def->description)
                                                       : path);
        }
        m_tree->expandToDepth(2);
        return;
    }
    const PlantModel &plant = *m_model;
    for (const Site &site : plant.sites) {
        auto *siteItem = new QTreeWidgetItem(m_tree, {site.name});
        siteItem->setToolTip(0, site.path);
        for (int a : site.areas) {
            const Area &area = plant.areas[std::size_t(a)];
            auto *areaItem = new QTreeWidgetItem(siteItem, {area.name});
            areaItem->setToolTip(0, area.path);
            for (int l : area.lines) {
                const Line &line = plant.lines[std::size_t(l)];
                auto *lineItem = new QTreeWidgetItem(areaItem, {line.description.isEmpty()
                                                                    ? line.name
                                                                    : tr("%1 — %2").arg(line.name, line.description)});
                lineItem->setToolTip(0, line.path);
                for (int m : line.machines) {
                    const Machine &machine = plant.machines[std::size_t(m)];
                    auto *machineItem = new QTreeWidgetItem(lineItem, {machine.name});
                    machineItem->setToolTip(0, machine.description.isEmpty()
                                                   ? machine.path
                                                   : tr("%1\n%2").arg(machine.path, machine.description));
                    for (TagId t : machine.tags) {
                        const TagDef &tag = plant.tags[t];
                        QString tip = tag.path;
                        if (!tag.description.isEmpty())
                            tip += QLatin1Char('\n') + tag.description;
                        const QString text = tag.unit.isEmpty()
                                ? tag.name
                                : tr("%1 (%2)").arg(tag.name, tag.unit);
                        tagItem(machineItem, text, tag.path, tip);
                    }
                }
            }
        }
    }
    m_tree->expandToDepth(2); // site, area, line open; machines closed
}

void TrendsPage::filterPicker(const QString &text)
{
    const QString needle = text.trimmed();
    // Bounded recursion over the tree (depth = ISA-95 levels).
    std::function<bool(QTreeWidgetItem *)> visit = [&](QTreeWidgetItem *item) {
        bool any = false;
        for (int i = 0; i < item->childCount(); ++i)
            any = visit(item->child(i)) || any;
        const bool self = needle.isEmpty()
                || item->text(0).contains(needle, Qt::CaseInsensitive)
                || item->data(0, kPathRole).toString().contains(needle, Qt::CaseInsensitive)
                || item->toolTip(0).contains(needle, Qt::CaseInsensitive);
        const bool visible = self || any;
        item->setHidden(!visible);
        if (!needle.isEmpty() && any)
            item->setExpanded(true);
        return visible;
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        visit(m_tree->topLevelItem(i));
    if (needle.isEmpty()) {
        m_tree->collapseAll();
        m_tree->expandToDepth(2);
    }
}

// ---- pens -----------------------------------------------------------------------------------

void TrendsPage::setPens(const QStringList &paths)
{
    QStringList accepted;
    for (const QString &p : paths) {
        bool known = m_offline ? m_offlineTags.contains(p) : m_model->tagByPath(p) != nullptr;
        if (isDerivedPath(p)) {
            const auto it = m_derived.find(p.mid(kDerivedPrefix.size()));
            known = it != m_derived.end() && it->second.formula->isValid();
            for (const QString &in : known ? it->second.inputPaths : QStringList())
                known = known && (!m_offline || m_offlineTags.contains(in));
        }
        if (!known) {
            qCInfo(lcTrends) << "not trended, unknown tag:" << p;
            continue;
        }
        if (!accepted.contains(p) && accepted.size() < kMaxPens)
            accepted << p;
    }
    m_pens = accepted;
    rebuildPlotPens();
    reload();
}

bool TrendsPage::addPen(const QString &path)
{
    if (m_pens.contains(path) || m_pens.size() >= kMaxPens)
        return false;
    QStringList next = m_pens;
    next << path;
    setPens(next);
    return m_pens.contains(path);
}

void TrendsPage::removePen(int index)
{
    if (m_compare != CompareOff && index >= m_pens.size())
        index -= int(m_pens.size()); // a compared row removes its pen (and itself)
    if (index < 0 || index >= m_pens.size())
        return;
    QStringList next = m_pens;
    next.removeAt(index);
    setPens(next);
}

void TrendsPage::rebuildPlotPens()
{
    std::vector<widgets::TrendPenInfo> infos;
    m_stateMachine = -1;
    m_statePath.clear();
    for (const QString &path : m_pens) {
        widgets::TrendPenInfo info;
        info.path = path;
        const TagDef *tag = m_model->tagByPath(path);
        if (isDerivedPath(path)) {
            const DerivedPen &d = m_derived.at(path.mid(kDerivedPrefix.size()));
            info.label = tr("%1 (derived)").arg(d.spec.name);
            info.unit = d.spec.unit;
            info.decimals = d.spec.decimals;
            info.staleAfterMs = 0;
            for (const QString &in : d.inputPaths) {
                if (const TagDef *t = m_model->tagByPath(in))
                    info.staleAfterMs = std::max(info.staleAfterMs, t->staleAfterMs);
            }
            if (info.staleAfterMs <= 0)
                info.staleAfterMs = 30'000;
        } else if (tag) {
            const QString machine = tag->machine >= 0
                    ? m_model->machines[std::size_t(tag->machine)].name
                    : QString();
            info.label = machine.isEmpty() ? tag->name : tr("%1 · %2").arg(machine, tag->name);
            info.unit = tag->unit;
            info.decimals = tag->decimals;
            info.staleAfterMs = tag->staleAfterMs;
            if (tag->spec) {
                if (std::isfinite(tag->spec->usl))
                    info.limits.push_back({tag->spec->usl, tr("USL")});
                if (std::isfinite(tag->spec->target))
                    info.limits.push_back({tag->spec->target, tr("Target")});
                if (std::isfinite(tag->spec->lsl))
                    info.limits.push_back({tag->spec->lsl, tr("LSL")});
                info.statsLimit = tag->spec->usl;
            }
            if (!m_alarmLimitsHidden.contains(path)) {
                for (const widgets::TrendLimit &l : alarmLimits(*m_model, tag->id))
                    info.limits.push_back(l);
            }
            // The state band follows the first pen's machine.
            if (m_stateMachine < 0 && tag->machine >= 0) {
                const Machine &m = m_model->machines[std::size_t(tag->machine)];
                const TagId state = m.roleTag(TagRole::State);
                if (state != kInvalidTag) {
                    m_stateMachine = tag->machine;
                    m_statePath = m_model->tags[state].path;
                }
            }
        } else {
            const QStringList parts = path.split(QLatin1Char('/'));
            info.label = parts.size() >= 2 ? tr("%1 · %2").arg(parts[parts.size() - 2], parts.back())
                                           : path;
        }
        infos.push_back(info);
    }
    // Compare mode: every pen again, from the earlier period (same unit, so the same axis).
    m_compareShift = compareShiftMs();
    if (m_compare != CompareOff) {
        const QString note = compareLabel();
        const std::size_t n = infos.size();
        for (std::size_t i = 0; i < n; ++i) {
            widgets::TrendPenInfo c = infos[i];
            c.label = tr("%1 — %2").arg(infos[i].label, note);
            c.limits.clear();
            c.compareOf = int(i);
            c.shiftMs = m_compareShift;
            infos.push_back(c);
        }
    }
    if (m_offline && !m_offlineTags.contains(m_statePath)) {
        m_stateMachine = -1;
        m_statePath.clear();
    }
    m_plot->setPens(infos);
    m_lastSeen.assign(std::size_t(m_pens.size()), 0);
    if (m_stateMachine < 0)
        m_plot->setStateBand(QString(), {});
    else
        m_plot->setStateBand(tr("%1 state").arg(m_model->machines[std::size_t(m_stateMachine)].name),
                             {});
    updateTable();
}

// ---- time range -----------------------------------------------------------------------------

void TrendsPage::setPeriod(Period period)
{
    m_period = period;
    {
        const QSignalBlocker block(m_periodBox);
        m_periodBox->setCurrentIndex(int(period));
    }
    applyPeriod(true);
}

void TrendsPage::setCustomRange(TimestampMs from, TimestampMs to)
{
    if (to <= from)
        return;
    m_period = Custom;
    {
        const QSignalBlocker block(m_periodBox);
        m_periodBox->setCurrentIndex(int(Custom));
    }
    setEditorTimes(from, to);
    m_plot->setFollowLive(false);
    m_plot->setViewRange(from, to);
    for (QWidget *w : m_customWidgets)
        w->setVisible(true);
    updateRangeLabel();
    reload();
}

void TrendsPage::setEditorTimes(TimestampMs from, TimestampMs to)
{
    auto wall = [this](TimestampMs t) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, m_plot->timeZone());
        return QDateTime(local.date(), local.time(), Qt::UTC);
    };
    m_fromEdit->setDateTime(wall(from));
    m_toEdit->setDateTime(wall(to));
}

void TrendsPage::applyPeriod(bool reloadNow)
{
    const bool custom = m_period == Custom;
    // The from/to editors (and their labels) only for a custom range.
    for (QWidget *w : m_customWidgets)
        w->setVisible(custom);
    if (custom) {
        setEditorTimes(m_plot->viewFrom(), m_plot->viewTo());
        m_plot->setFollowLive(false);
        updateRangeLabel();
        if (reloadNow)
            reload();
        return;
    }
    const TimestampMs t = now();
    TimestampMs from = t - periodLength(m_period);
    if (m_period == CurrentShift && m_model->calendar.isSet()) {
        const auto shifts = shiftInstances(m_model->calendar, t - 2 * 86'400'000LL, t + 1);
        for (const ShiftInstance &s : shifts) {
            if (s.startMs <= t)
                from = s.startMs; // the last shift that has started (the current one)
        }
    }
    m_plot->setLiveEdge(t);
    m_plot->setViewRange(from, t);
    m_plot->setFollowLive(!m_offline);
    m_followButton->setEnabled(!m_offline);
    updateRangeLabel();
    if (reloadNow)
        reload();
}

void TrendsPage::updateRangeLabel()
{
    const TimestampMs from = m_plot->viewFrom(), to = m_plot->viewTo();
    QString text = tr("%1 – %2 (%3)")
                       .arg(m_plot->formatTime(from, true), m_plot->formatTime(to, true),
                            m_plot->timeZone().id().isEmpty()
                                ? QStringLiteral("UTC")
                                : QString::fromUtf8(m_plot->timeZone().id()));
    if (m_period == CurrentShift && !m_model->calendar.isSet())
        text += tr(" · no shift calendar: last 8 h");
    if (m_plot->penCount() > 0) {
        switch (m_plot->penData(0).resolution) {
        case analytics::TrendResolution::Raw: text += tr(" · raw samples"); break;
        case analytics::TrendResolution::Minute: text += tr(" · minute min/max"); break;
        case analytics::TrendResolution::Hour: text += tr(" · hour min/max"); break;
        }
    }
    if (!historian() && !m_offline)
        text += tr(" · no historian: only the last minutes in memory");
    if (m_compare != CompareOff)
        text += tr(" · dashed: %1").arg(compareLabel());
    m_rangeLabel->setText(text);
    m_rangeLabel->setToolTip(text);
}

// ---- loading --------------------------------------------------------------------------------

void TrendsPage::reload()
{
    m_reloadTimer->stop();
    m_lastReloadMs = now();
    if (m_pens.isEmpty()) {
        m_loader->cancel();
        m_busy->hide();
        updateRangeLabel();
        return;
    }
    TrendRequest request;
    request.paths = loaderPaths(true);
    request.from = m_plot->viewFrom();
    request.to = m_plot->followLive() ? std::max(m_plot->viewTo(), now()) : m_plot->viewTo();
    request.maxBuckets = m_plot->plotAreaWidth();
    request.mergeLive = !m_offline;
    m_loadedWidthMs = request.to - request.from;
    m_loader->request(request);
    if (m_compare == CompareOff) {
        m_compareLoader->cancel();
        return;
    }
    // The compared period; when the view moved into another shift its distance changes.
    if (compareShiftMs() != m_compareShift) {
        rebuildPlotPens();
        m_loader->request(request); // the pens were rebuilt empty
    }
    TrendRequest compared;
    compared.paths = loaderPaths(false);
    compared.from = request.from - m_compareShift;
    // Following live, a little more than the view: it scrolls until the next reload.
    compared.to = request.to - m_compareShift + (m_plot->followLive() ? kLiveReloadMs : 0);
    compared.maxBuckets = int(std::max<std::int64_t>(
        1, std::int64_t(request.maxBuckets) * (compared.to - compared.from)
               / std::max<TimestampMs>(1, request.to - request.from)));
    compared.mergeLive = false;
    m_compareLoader->request(compared);
}

bool TrendsPage::isLoading() const
{
    return m_loader->isBusy() || (m_compare != CompareOff && m_compareLoader->isBusy());
}

// ---- compare mode ---------------------------------------------------------------------------

QString TrendsPage::compareName(CompareMode mode)
{
    switch (mode) {
    // Short: the toolbar must fit 1366 px; the tooltip and the legend say it in full.
    case CompareOff: return tr("No compare");
    case ComparePreviousShift: return tr("vs. prev. shift");
    case CompareLastWeek: return tr("vs. last week");
    case CompareModeCount: break;
    }
    return QString();
}

QString TrendsPage::compareDescription(CompareMode mode)
{
    switch (mode) {
    case CompareOff: return tr("No comparison");
    case ComparePreviousShift: return tr("Overlay the previous shift, dashed");
    case CompareLastWeek: return tr("Overlay the same weekday last week, dashed");
    case CompareModeCount: break;
    }
    return QString();
}

void TrendsPage::setCompareMode(CompareMode mode)
{
    if (mode < CompareOff || mode >= CompareModeCount)
        mode = CompareOff;
    m_compare = mode;
    {
        const QSignalBlocker block(m_compareBox);
        m_compareBox->setCurrentIndex(int(mode));
    }
    rebuildPlotPens();
    updateRangeLabel();
    reload();
}

TimestampMs TrendsPage::compareShiftMs() const
{
    constexpr TimestampMs kNoCalendarShiftMs = 8 * 3'600'000; // "last 8 h" without a calendar
    if (m_compare == CompareOff)
        return 0;
    const TimestampMs to = m_plot->viewTo();
    if (m_compare == CompareLastWeek) {
        // Seven calendar days in the plant's zone: across a DST change that is 167 or 169 h.
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(to, m_plot->timeZone());
        return to - end.addDays(-7).toMSecsSinceEpoch();
    }
    if (!m_model->calendar.isSet())
        return kNoCalendarShiftMs;
    // The shift running at the view's end and the one before it (weekends included).
    const auto shifts = shiftInstances(m_model->calendar, to - 10 * 86'400'000LL, to + 1);
    int current = -1;
    for (std::size_t k = 0; k < shifts.size(); ++k) {
        if (shifts[k].startMs <= to)
            current = int(k);
    }
    if (current >= 1)
        return shifts[std::size_t(current)].startMs - shifts[std::size_t(current) - 1].startMs;
    return kNoCalendarShiftMs;
}

QString TrendsPage::compareLabel() const
{
    const TimestampMs s = m_compareShift;
    const QString ago = s % 86'400'000 == 0
            ? tr("−%1 d").arg(s / 86'400'000)
            : tr("−%1 h").arg(QLocale().toString(double(s) / 3'600'000.0, 'f', s % 3'600'000 ? 1 : 0));
    switch (m_compare) {
    case ComparePreviousShift: return tr("previous shift (%1)").arg(ago);
    case CompareLastWeek: return tr("same weekday last week (%1)").arg(ago);
    default: return QString();
    }
}

void TrendsPage::applyCompareResult(const TrendLoadResult &result)
{
    const int n = int(m_pens.size());
    if (m_compare == CompareOff || m_plot->penCount() != 2 * n)
        return;
    const QStringList &paths = result.request.paths;
    for (int i = 0; i < n; ++i) {
        if (m_plot->pen(n + i).compareOf != i)
            continue;
        analytics::TrendSeries s;
        if (isDerivedPath(m_pens[i])) {
            s = derivedSeries(m_pens[i], result.series, paths, false);
            if (s.buckets.empty() && s.from == 0)
                continue; // inputs not in this result (pens changed meanwhile)
        } else {
            const qsizetype k = paths.indexOf(m_pens[i]);
            if (k < 0 || std::size_t(k) >= result.series.size())
                continue; // pens changed meanwhile; the newer request brings them
            s = result.series[std::size_t(k)];
        }
        analytics::shiftTrendSeries(s, m_compareShift);
        m_plot->setPenData(n + i, std::move(s));
    }
    updateTable();
    emit compareLoadFinished();
}

void TrendsPage::applyResult(const TrendLoadResult &result)
{
    const auto &series = result.series;
    const QStringList &paths = result.request.paths;
    for (int i = 0; i < m_pens.size(); ++i) {
        if (isDerivedPath(m_pens[i])) {
            analytics::TrendSeries d = derivedSeries(m_pens[i], series, paths, true);
            if (d.buckets.empty() && d.from == 0)
                continue; // its inputs are not in this result: a newer request brings them
            // The live edge goes on from the newest input sample of the load.
            TimestampMs newest = d.newestTime();
            for (const QString &in : m_derived.at(m_pens[i].mid(kDerivedPrefix.size())).inputPaths) {
                const qsizetype k = paths.indexOf(in);
                if (k >= 0 && std::size_t(k) < series.size())
                    newest = std::max({newest, series[std::size_t(k)].newestTime(),
                                       series[std::size_t(k)].historianLastMs});
            }
            m_plot->setPenData(i, std::move(d));
            m_lastSeen[std::size_t(i)] = newest;
            continue;
        }
        const qsizetype k = paths.indexOf(m_pens[i]);
        if (k < 0 || std::size_t(k) >= series.size())
            continue; // pens changed meanwhile; the newer request brings them
        m_plot->setPenData(i, series[std::size_t(k)]);
        m_lastSeen[std::size_t(i)] = std::max(series[std::size_t(k)].newestTime(),
                                              series[std::size_t(k)].historianLastMs);
    }
    if (!m_statePath.isEmpty() && !series.empty() && paths.size() == qsizetype(series.size())
        && paths.back() == m_statePath && series.back().path == m_statePath) {
        // One span per run of equal state codes. A bucket that saw a Down state shows Down
        // (the abnormal is never hidden by decimation); else its last state.
        const Machine &machine = m_model->machines[std::size_t(m_stateMachine)];
        const TagDef *stateTag = m_model->tagByPath(m_statePath);
        const TimestampMs hold = stateTag ? stateTag->staleAfterMs : 30'000;
        const analytics::TrendSeries &s = series.back();
        std::vector<widgets::TrendStateSpan> spans;
        for (std::size_t k = 0; k < s.buckets.size(); ++k) {
            const analytics::TrendBucket &b = s.buckets[k];
            widgets::TrendStateSpan span;
            span.from = k == 0 ? std::max(b.start, b.tFirst) : b.start;
            const TimestampMs nextStart = k + 1 < s.buckets.size() ? s.buckets[k + 1].start
                                                                   : b.tLast + hold;
            span.to = std::min(nextStart, std::max(b.start + s.bucketMs, b.tLast + hold));
            if (k + 1 == s.buckets.size())
                span.to = std::min(span.to, std::max(result.request.to, b.tLast));
            if (b.count == 0) {
                span.category = StateCategory::Unknown;
                span.name = tr("no data");
            } else {
                int code = int(std::lround(b.last));
                for (double v : {b.first, b.min, b.max, b.last}) {
                    const StateDef *d = machine.state(int(std::lround(v)));
                    if (d && d->category == StateCategory::Down) {
                        code = d->code;
                        break;
                    }
                }
                const StateDef *def = machine.state(code);
                span.category = def ? def->category : StateCategory::Unknown;
                span.name = def ? def->name : tr("state %1").arg(code);
            }
            if (!spans.empty() && spans.back().name == span.name
                && spans.back().category == span.category && spans.back().to >= span.from) {
                spans.back().to = std::max(spans.back().to, span.to);
            } else {
                spans.push_back(span);
            }
        }
        m_plot->setStateBand(tr("%1 state").arg(machine.name), std::move(spans));
    }
    updateRangeLabel();
    updateTable();
    emit loadFinished();
}

void TrendsPage::refresh()
{
    if (m_offline)
        return;
    const TimestampMs t = now();
    m_plot->setLiveEdge(t); // moves the view only in follow mode
    if (m_pens.isEmpty() || !m_plot->followLive())
        return;
    const TagStore &store = m_engine->tagStore();
    for (int i = 0; i < m_pens.size(); ++i) {
        if (isDerivedPath(m_pens[i])) {
            // Sample-and-hold over the inputs' new ring samples, in time order.
            DerivedPen &d = m_derived.at(m_pens[i].mid(kDerivedPrefix.size()));
            std::vector<Sample> merged;
            for (int k = 0; k < d.inputPaths.size(); ++k) {
                const TagId in = m_model->tagIdByPath(d.inputPaths[k]);
                if (in == kInvalidTag)
                    continue;
                for (Sample x : store.recent(in, m_lastSeen[std::size_t(i)] + 1)) {
                    if (x.t_ms > t)
                        break;
                    x.tag = TagId(k);
                    merged.push_back(x);
                }
            }
            std::stable_sort(merged.begin(), merged.end(),
                             [](const Sample &a, const Sample &b) { return a.t_ms < b.t_ms; });
            if (merged.empty())
                continue;
            m_lastSeen[std::size_t(i)] = merged.back().t_ms;
            const std::vector<Sample> out = d.live.feed(*d.formula, merged);
            if (!out.empty())
                m_plot->appendSamples(i, out);
            continue;
        }
        const TagId tag = m_model->tagIdByPath(m_pens[i]);
        if (tag == kInvalidTag)
            continue;
        std::vector<Sample> fresh = store.recent(tag, m_lastSeen[std::size_t(i)] + 1);
        while (!fresh.empty() && fresh.back().t_ms > t)
            fresh.pop_back();
        if (fresh.empty())
            continue;
        m_lastSeen[std::size_t(i)] = fresh.back().t_ms;
        m_plot->appendSamples(i, fresh);
    }
    m_plot->setLiveEdge(t); // again: rescales the value axes to the appended samples
    updateRangeLabel();
    updateTable();
    // Re-decimate now and then (and the state band with it), and when the zoom width changed.
    const TimestampMs width = m_plot->viewTo() - m_plot->viewFrom();
    if (t - m_lastReloadMs >= kLiveReloadMs || std::llabs(width - m_loadedWidthMs) > width / 20)
        reload();
}

// ---- table ----------------------------------------------------------------------------------

QString TrendsPage::formatValue(int pen, double v) const
{
    if (!std::isfinite(v))
        return tr("—");
    return QLocale().toString(v, 'f', m_plot->pen(pen).decimals);
}

void TrendsPage::updateTable()
{
    const int n = m_plot->penCount();
    if (m_table->rowCount() != n)
        m_table->setRowCount(n);
    const bool cursors = m_plot->cursorsVisible();
    auto set = [this](int row, int col, const QString &text, const QString &tip = QString()) {
        QTableWidgetItem *item = m_table->item(row, col);
        if (!item) {
            item = new QTableWidgetItem;
            item->setTextAlignment(col == PenColumn || col == UnitColumn
                                       ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                       : int(Qt::AlignRight | Qt::AlignVCenter));
            m_table->setItem(row, col, item);
        }
        if (item->text() != text)
            item->setText(text);
        item->setToolTip(tip);
        return item;
    };
    for (int i = 0; i < n; ++i) {
        const widgets::TrendPenInfo &info = m_plot->pen(i);
        QTableWidgetItem *penItem = set(i, PenColumn, info.label, info.path);
        QPixmap swatch(12, 12);
        swatch.fill(m_plot->penColor(i));
        penItem->setIcon(QIcon(swatch));
        const analytics::TrendSeries &data = m_plot->penData(i);
        if (!data.error.isEmpty())
            penItem->setToolTip(tr("%1\n%2").arg(info.path, data.error));
        set(i, UnitColumn, info.unit);
        const double c1 = cursors ? m_plot->valueAtCursor(i, 0) : NAN;
        const double c2 = cursors ? m_plot->valueAtCursor(i, 1) : NAN;
        set(i, Cursor1Column, formatValue(i, c1));
        set(i, Cursor2Column, formatValue(i, c2));
        set(i, DeltaColumn, formatValue(i, c2 - c1));
        const analytics::TrendRangeStats st = m_plot->rangeStats(i);
        set(i, MinColumn, formatValue(i, st.valid ? st.min : NAN));
        set(i, MaxColumn, formatValue(i, st.valid ? st.max : NAN));
        set(i, MeanColumn, formatValue(i, st.valid ? st.mean : NAN));
        set(i, StdDevColumn, formatValue(i, st.valid ? st.stddev : NAN));
        QString integral = formatValue(i, st.valid ? st.integralHours : NAN);
        if (st.valid && !info.unit.isEmpty())
            integral = tr("%1 %2·h").arg(integral, info.unit);
        set(i, IntegralColumn, integral);
        const bool haveLimit = std::isfinite(info.statsLimit);
        set(i, AboveColumn,
            haveLimit && st.valid ? widgets::TrendPlot::formatDuration(st.aboveMs) : tr("—"),
            haveLimit ? tr("Above %1 %2").arg(formatValue(i, info.statsLimit), info.unit)
                      : tr("No upper limit configured for this tag"));
    }
}

// ---- export ---------------------------------------------------------------------------------

bool TrendsPage::exportCsv(const QString &path, QString *error, bool showProgress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    std::unique_ptr<QProgressDialog> progress;
    if (showProgress) {
        progress = std::make_unique<QProgressDialog>(tr("Exporting %1…").arg(QFileInfo(path).fileName()),
                                                     tr("Cancel"), 0, 100, this);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(300);
    }
    TrendExportStats stats;
    // Derived pens are not stored samples: `andon-cli import` could not take them back.
    QStringList stored;
    for (const QString &p : std::as_const(m_pens)) {
        if (!isDerivedPath(p))
            stored << p;
    }
    const bool ok = exportTrendCsv(
        &file, stored, m_plot->viewFrom(), m_plot->viewTo(), historian(),
        m_offline ? nullptr : &m_engine->tagStore(), m_offline ? nullptr : m_model.get(), &stats,
        error, [&progress](int done, int total) {
            if (!progress)
                return true;
            progress->setMaximum(std::max(1, total));
            progress->setValue(done);
            QCoreApplication::processEvents();
            return !progress->wasCanceled();
        });
    if (!ok || stats.cancelled) {
        file.cancelWriting();
        if (stats.cancelled && error)
            *error = tr("Export cancelled.");
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    qCInfo(lcTrends) << "exported" << stats.rows << "samples to" << path;
    return true;
}

bool TrendsPage::exportPng(const QString &path)
{
    return m_plot->savePng(path);
}

bool TrendsPage::exportPdf(const QString &path)
{
    return m_plot->savePdf(path);
}

void TrendsPage::copyImage()
{
    QGuiApplication::clipboard()->setPixmap(m_plot->renderImage());
}

bool TrendsPage::print(QPrinter *printer)
{
    if (!printer)
        return false;
    // Screen resolution as the page's coordinate system (as QCustomPlot's own PDF export does):
    // the plot's fonts and pens then keep their proportions. The output stays vector.
    printer->setResolution(kPrintDpi);
    QCPPainter painter; // QCustomPlot draws vectorized into it, the rest is plain QPainter
    if (!painter.begin(printer))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    const QRectF page = painter.viewport();
    const double dpi = printer->resolution();
    const double mm = dpi / 25.4;
    QFont body = font();
    body.setPointSizeF(9);
    QFont title = body;
    title.setPointSizeF(12);
    title.setBold(true);
    painter.setPen(Qt::black);

    // Title and range.
    double y = 0;
    painter.setFont(title);
    const QFontMetricsF tm(title, printer);
    painter.drawText(QRectF(0, y, page.width(), tm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     m_offline ? tr("Trend (offline review: %1)").arg(QFileInfo(m_offline->path()).fileName())
                               : tr("Trend"));
    y += tm.height() + 1 * mm;
    painter.setFont(body);
    const QFontMetricsF bm(body, printer);
    painter.drawText(QRectF(0, y, page.width(), bm.height() * 2), Qt::AlignLeft | Qt::TextWordWrap,
                     m_rangeLabel->text());
    y += bm.height() * 2 + 2 * mm;

    // The plot as on screen (same proportions), scaled to the page width, with the state band.
    QCustomPlot *cp = m_plot->customPlot();
    const QSize src = m_plot->size();
    const double tableHeight = (m_table->rowCount() + 1) * bm.height() * 1.4;
    const double footer = bm.height() * 2;
    const double room = page.height() - y - tableHeight - footer - 4 * mm;
    const double scale = std::min(page.width() / std::max(1, src.width()),
                                  room / std::max(1, src.height()));
    painter.save();
    painter.translate(0, y);
    painter.scale(scale, scale);
    cp->toPainter(&painter, cp->width(), cp->height());
    if (m_plot->stateBandVisible()) {
        // The band is a child widget under the QCustomPlot; draw it below the plot.
        for (QWidget *w : m_plot->findChildren<QWidget *>(QStringLiteral("trendStateBand")))
            w->render(&painter, QPoint(0, cp->height()), QRegion(), QWidget::DrawChildren);
    }
    painter.restore();
    y += src.height() * scale + 3 * mm;

    // The pen table: what the screen shows (cursor values and statistics).
    // Number columns as wide as their widest text (header included); the pen column gets the
    // rest, its names elided if they must be.
    const int cols = m_table->columnCount();
    QFont head = body;
    head.setBold(true);
    const QFontMetricsF hm(head, printer);
    std::vector<double> width(std::size_t(cols), 0.0);
    for (int c = 1; c < cols; ++c) {
        double w = hm.horizontalAdvance(m_table->horizontalHeaderItem(c)->text());
        for (int r = 0; r < m_table->rowCount(); ++r) {
            if (const QTableWidgetItem *item = m_table->item(r, c))
                w = std::max(w, bm.horizontalAdvance(item->text()));
        }
        width[std::size_t(c)] = w + 3 * mm;
    }
    double numbers = 0;
    for (int c = 1; c < cols; ++c)
        numbers += width[std::size_t(c)];
    const double minPen = page.width() * 0.2;
    if (numbers > page.width() - minPen) { // squeeze the numbers rather than lose the names
        const double f = (page.width() - minPen) / numbers;
        for (double &w : width)
            w *= f;
        numbers = page.width() - minPen;
    }
    width[0] = page.width() - numbers;
    std::vector<double> left(std::size_t(cols), 0.0);
    for (int c = 1; c < cols; ++c)
        left[std::size_t(c)] = left[std::size_t(c) - 1] + width[std::size_t(c) - 1];
    auto colRect = [&](int c, double top) {
        return QRectF(left[std::size_t(c)], top, width[std::size_t(c)] - 1 * mm, bm.height() * 1.3);
    };
    painter.setFont(head);
    for (int c = 0; c < cols; ++c) {
        painter.drawText(colRect(c, y), (c <= UnitColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                         m_table->horizontalHeaderItem(c)->text());
    }
    y += bm.height() * 1.4;
    painter.drawLine(QPointF(0, y - 0.5 * mm), QPointF(page.width(), y - 0.5 * mm));
    painter.setFont(body);
    for (int r = 0; r < m_table->rowCount(); ++r) {
        // Colour swatch: which line is which on paper.
        const QRectF sw(0, y + bm.height() * 0.3, 3 * mm, bm.height() * 0.6);
        const QColor c0 = m_plot->penColor(r);
        if (r < m_plot->penCount() && m_plot->pen(r).compareOf >= 0) {
            painter.setPen(QPen(c0, 0.4 * mm, Qt::DashLine));
            painter.drawLine(QPointF(sw.left(), sw.center().y()), QPointF(sw.right(), sw.center().y()));
        } else {
            painter.fillRect(sw, c0);
        }
        painter.setPen(Qt::black);
        for (int c = 0; c < cols; ++c) {
            const QTableWidgetItem *item = m_table->item(r, c);
            QRectF rect = colRect(c, y);
            if (c == 0)
                rect.setLeft(4 * mm);
            painter.drawText(rect, (c <= UnitColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                             bm.elidedText(item ? item->text() : QString(), Qt::ElideRight, rect.width()));
        }
        y += bm.height() * 1.4;
    }

    // Footer: when and by whom (a printout is evidence).
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.drawText(QRectF(0, page.height() - footer, page.width(), footer),
                     Qt::AlignLeft | Qt::AlignBottom,
                     tr("Printed %1 by %2 · Andon")
                         .arg(m_plot->formatTime(m_clock->now(), true), currentUserName()));
    return painter.end();
}

// ---- trend sets -----------------------------------------------------------------------------

void TrendsPage::saveTrendSet(const QString &name)
{
    const QString key = settingsKey(name);
    if (key.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(kSetsGroup);
    settings.beginGroup(key);
    settings.setValue(QStringLiteral("pens"), m_pens);
    QVariantList derived;
    for (const DerivedPenSpec &d : derivedPens()) {
        derived << QVariantMap{{QStringLiteral("name"), d.name},
                               {QStringLiteral("unit"), d.unit},
                               {QStringLiteral("expression"), d.expression},
                               {QStringLiteral("decimals"), d.decimals}};
    }
    settings.setValue(QStringLiteral("derived"), derived);
    settings.setValue(QStringLiteral("period"), int(m_period));
    settings.setValue(QStringLiteral("compare"), int(m_compare));
    settings.setValue(QStringLiteral("from"), qint64(m_plot->viewFrom()));
    settings.setValue(QStringLiteral("to"), qint64(m_plot->viewTo()));
    settings.endGroup();
    settings.endGroup();
    updateTrendSetBox();
    m_setBox->setCurrentText(key);
}

bool TrendsPage::loadTrendSet(const QString &name)
{
    QSettings settings;
    settings.beginGroup(kSetsGroup);
    if (!settings.childGroups().contains(settingsKey(name)))
        return false;
    settings.beginGroup(settingsKey(name));
    const QStringList pens = settings.value(QStringLiteral("pens")).toStringList();
    const int period = settings.value(QStringLiteral("period"), int(Last15Min)).toInt();
    const TimestampMs from = settings.value(QStringLiteral("from")).toLongLong();
    const TimestampMs to = settings.value(QStringLiteral("to")).toLongLong();
    const int compare = settings.value(QStringLiteral("compare"), int(CompareOff)).toInt();
    m_compare = compare > CompareOff && compare < CompareModeCount ? CompareMode(compare) : CompareOff;
    {
        const QSignalBlocker block(m_compareBox);
        m_compareBox->setCurrentIndex(int(m_compare));
    }
    for (const QVariant &v : settings.value(QStringLiteral("derived")).toList()) {
        const QVariantMap m = v.toMap();
        DerivedPenSpec d;
        d.name = m.value(QStringLiteral("name")).toString();
        d.unit = m.value(QStringLiteral("unit")).toString();
        d.expression = m.value(QStringLiteral("expression")).toString();
        d.decimals = m.value(QStringLiteral("decimals"), 2).toInt();
        auto formula = std::make_shared<DerivedFormula>();
        QString why;
        if (d.name.isEmpty() || !formula->compile(*m_model, d.expression, QString(), &why)) {
            qCInfo(lcTrends) << "trend set" << name << ": derived pen" << d.name
                             << "not restored:" << why;
            continue;
        }
        DerivedPen pen;
        pen.spec = d;
        pen.formula = formula;
        for (TagId in : formula->inputs())
            pen.inputPaths << m_model->tags[in].path;
        m_derived[d.name] = std::move(pen);
    }
    m_pens.clear();
    setPens(pens);
    if (period == Custom)
        setCustomRange(from, to);
    else if (period >= 0 && period < PeriodCount)
        setPeriod(Period(period));
    return true;
}

void TrendsPage::deleteTrendSet(const QString &name)
{
    QSettings settings;
    settings.beginGroup(kSetsGroup);
    settings.remove(settingsKey(name));
    settings.endGroup();
    updateTrendSetBox();
}

QStringList TrendsPage::trendSetNames()
{
    QSettings settings;
    settings.beginGroup(kSetsGroup);
    return settings.childGroups();
}

void TrendsPage::updateTrendSetBox()
{
    const QSignalBlocker block(m_setBox);
    m_setBox->clear();
    m_setBox->addItem(tr("Trend sets"));
    m_setBox->addItems(trendSetNames());
}

// ---- offline review -------------------------------------------------------------------------

bool TrendsPage::openHistory(const QString &file, QString *error)
{
    storage::HistorianOptions options;
    options.path = file;
    options.readOnly = true;
    QString why;
    auto h = storage::Historian::open(options, &why);
    if (!h) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(file, why);
        return false;
    }
    // The newest data of the file anchors the period presets ("last 24 h" of the copy).
    const QStringList tags = h->tagPaths();
    TimestampMs newest = 0;
    const TimestampMs wallNow = m_clock->now();
    for (const QString &t : tags) {
        const storage::RangeResult r = h->range(t, 0, wallNow, 1);
        for (const storage::Bucket &b : r.buckets)
            newest = std::max(newest, b.t_last);
    }
    m_loader->setSources(h.get(), nullptr, nullptr);
    m_compareLoader->setSources(h.get(), nullptr, nullptr);
    m_offline = std::move(h);
    m_offlineTags = tags;
    m_offlineEnd = newest > 0 ? newest : wallNow;
    m_offlineLabel->setText(tr("Offline review: %1 (read-only)").arg(QFileInfo(file).fileName()));
    m_offlineLabel->setToolTip(file);
    m_offlineLabel->show();
    m_backToLive->show();
    buildPicker();
    QStringList keep;
    for (const QString &p : std::as_const(m_pens)) {
        if (m_offlineTags.contains(p))
            keep << p;
    }
    m_pens.clear();
    if (m_period == Custom)
        m_period = Last24Hours;
    setPeriod(m_period);
    setPens(keep);
    qCInfo(lcTrends) << "reviewing" << file << "read-only," << tags.size() << "tags";
    return true;
}

void TrendsPage::closeHistory()
{
    if (!m_offline)
        return;
    m_loader->setSources(m_engine->historian(), &m_engine->tagStore(), m_model);
    m_compareLoader->setSources(m_engine->historian(), &m_engine->tagStore(), m_model);
    m_offline.reset();
    m_offlineTags.clear();
    m_offlineLabel->hide();
    m_backToLive->hide();
    buildPicker();
    const QStringList pens = m_pens;
    m_pens.clear();
    setPeriod(m_period == Custom ? Last15Min : m_period);
    setPens(pens);
}

// ---- derived pens ---------------------------------------------------------------------------

QString TrendsPage::derivedPenPath(const QString &name)
{
    return kDerivedPrefix + name;
}

bool TrendsPage::isDerivedPath(const QString &path)
{
    return path.startsWith(kDerivedPrefix);
}

QString TrendsPage::checkDerivedExpression(const QString &expression, QStringList *inputs,
                                           int *position) const
{
    DerivedFormula formula;
    QString error;
    if (!formula.compile(*m_model, expression, QString(), &error, position))
        return error;
    if (inputs) {
        inputs->clear();
        for (TagId t : formula.inputs())
            *inputs << m_model->tags[t].path;
    }
    return QString();
}

bool TrendsPage::addDerivedPen(const DerivedPenSpec &spec, QString *error)
{
    DerivedPenSpec d = spec;
    d.name = d.name.trimmed();
    if (d.name.isEmpty()) {
        if (error)
            *error = tr("The pen needs a name.");
        return false;
    }
    auto formula = std::make_shared<DerivedFormula>();
    QString why;
    if (!formula->compile(*m_model, d.expression, QString(), &why)) {
        if (error)
            *error = why;
        return false;
    }
    DerivedPen pen;
    pen.spec = d;
    pen.formula = formula;
    for (TagId in : formula->inputs())
        pen.inputPaths << m_model->tags[in].path;
    m_derived[d.name] = std::move(pen);
    const QString path = derivedPenPath(d.name);
    QStringList next = m_pens;
    if (!next.contains(path)) {
        if (next.size() >= kMaxPens) {
            if (error)
                *error = tr("There are already %1 pens; remove one first.").arg(kMaxPens);
            return false;
        }
        next << path;
    }
    m_pens.clear(); // a redefined pen is rebuilt with its new unit and label
    setPens(next);
    return m_pens.contains(path);
}

std::vector<TrendsPage::DerivedPenSpec> TrendsPage::derivedPens() const
{
    std::vector<DerivedPenSpec> out;
    for (const QString &p : m_pens) {
        if (!isDerivedPath(p))
            continue;
        const auto it = m_derived.find(p.mid(kDerivedPrefix.size()));
        if (it != m_derived.end())
            out.push_back(it->second.spec);
    }
    return out;
}

DerivedPenDialog *TrendsPage::openDerivedPenDialog(const QString &editName)
{
    DerivedPenSpec initial;
    const auto it = m_derived.find(editName);
    if (it != m_derived.end())
        initial = it->second.spec;
    auto *dialog = new DerivedPenDialog(this, *m_model, initial, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, editName] {
        const DerivedPenSpec spec = dialog->spec();
        if (!editName.isEmpty() && editName != spec.name) {
            const qsizetype k = m_pens.indexOf(derivedPenPath(editName));
            if (k >= 0)
                m_pens[k] = derivedPenPath(spec.name); // renamed: same place in the pens
        }
        QString error;
        if (!addDerivedPen(spec, &error))
            QMessageBox::warning(this, tr("Derived pen"), error);
    });
    dialog->open();
    return dialog;
}

QStringList TrendsPage::loaderPaths(bool withState) const
{
    QStringList paths;
    for (const QString &p : m_pens) {
        if (!isDerivedPath(p))
            paths << p;
    }
    for (const QString &p : m_pens) {
        if (!isDerivedPath(p))
            continue;
        const auto it = m_derived.find(p.mid(kDerivedPrefix.size()));
        for (const QString &in : it != m_derived.end() ? it->second.inputPaths : QStringList()) {
            if (!paths.contains(in))
                paths << in;
        }
    }
    if (withState && !m_statePath.isEmpty())
        paths << m_statePath; // last: applyResult finds the state band there
    return paths;
}

analytics::TrendSeries TrendsPage::derivedSeries(const QString &pen,
                                                 const std::vector<analytics::TrendSeries> &series,
                                                 const QStringList &paths, bool seedLive)
{
    const auto it = m_derived.find(pen.mid(kDerivedPrefix.size()));
    if (it == m_derived.end())
        return {};
    DerivedPen &d = it->second;
    std::vector<DerivedPenInput> inputs;
    for (const QString &in : d.inputPaths) {
        const qsizetype k = paths.indexOf(in);
        if (k < 0 || std::size_t(k) >= series.size())
            return {}; // not in this result
        DerivedPenInput input;
        input.series = &series[std::size_t(k)];
        if (const TagDef *t = m_model->tagByPath(in))
            input.holdMs = t->staleAfterMs;
        inputs.push_back(input);
    }
    if (seedLive)
        seedDerivedPenLive(d.live, inputs);
    return derivedTrendSeries(*d.formula, inputs, pen);
}

// ---- alarm limits ---------------------------------------------------------------------------

std::vector<widgets::TrendLimit> TrendsPage::alarmLimits(const PlantModel &model, TagId tag)
{
    std::vector<widgets::TrendLimit> out;
    if (tag >= model.tags.size())
        return out;
    const TagDef &def = model.tags[tag];
    const widgets::ThemeColors &c = widgets::Theme::colors();
    for (const AlarmDef &a : model.alarms) {
        if (a.tag != tag || !std::isfinite(a.limit))
            continue;
        QString code;
        switch (a.type) {
        case AlarmType::HighHigh: code = tr("HH"); break;
        case AlarmType::High: code = tr("H"); break;
        case AlarmType::Low: code = tr("L"); break;
        case AlarmType::LowLow: code = tr("LL"); break;
        default: continue; // deviation, rate, discrete: no fixed threshold on the value axis
        }
        // Priority colour and shape (HMI-STYLE.md): never colour alone.
        QColor color;
        QString shape;
        switch (std::clamp(a.priority, kAlarmPriorityCritical, kAlarmPriorityLow)) {
        case 1: color = c.alarmCritical; shape = QStringLiteral("■"); break;
        case 2: color = c.alarmHigh; shape = QStringLiteral("▲"); break;
        case 3: color = c.alarmMedium; shape = QStringLiteral("◆"); break;
        default: color = c.alarmLow; shape = QStringLiteral("●"); break;
        }
        const QString value = QLocale().toString(a.limit, 'f', def.decimals);
        widgets::TrendLimit l;
        l.value = a.limit;
        l.color = color;
        l.label = def.unit.isEmpty() ? tr("%1 %2 %3").arg(shape, code, value)
                                     : tr("%1 %2 %3 %4").arg(shape, code, value, def.unit);
        out.push_back(l);
    }
    return out;
}

void TrendsPage::setAlarmLimitsVisible(int pen, bool visible)
{
    if (pen < 0 || pen >= m_pens.size() || isDerivedPath(m_pens[pen]))
        return;
    const QString path = m_pens[pen];
    if (visible)
        m_alarmLimitsHidden.remove(path);
    else
        m_alarmLimitsHidden.insert(path);
    // The pen's limits again: spec limits stay, alarm limits follow the toggle.
    std::vector<widgets::TrendLimit> limits;
    for (const widgets::TrendLimit &l : m_plot->pen(pen).limits) {
        if (!l.color.isValid())
            limits.push_back(l);
    }
    if (visible) {
        for (const widgets::TrendLimit &l : alarmLimits(*m_model, m_model->tagIdByPath(path)))
            limits.push_back(l);
    }
    m_plot->setPenLimits(pen, std::move(limits));
}

bool TrendsPage::alarmLimitsVisible(int pen) const
{
    return pen >= 0 && pen < m_pens.size() && !isDerivedPath(m_pens[pen])
            && !m_alarmLimitsHidden.contains(m_pens[pen]);
}

QMenu *TrendsPage::penContextMenu(int row)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("trendPenMenu"));
    const int n = int(m_pens.size());
    const int pen = row >= n && m_compare != CompareOff ? row - n : row;
    if (pen < 0 || pen >= n)
        return menu;
    const QString path = m_pens[pen];
    if (isDerivedPath(path)) {
        const QString name = path.mid(kDerivedPrefix.size());
        QAction *edit = menu->addAction(tr("Edit derived pen…"));
        edit->setObjectName(QStringLiteral("trendEditDerived"));
        connect(edit, &QAction::triggered, this, [this, name] { openDerivedPenDialog(name); });
    } else {
        const TagId tag = m_model->tagIdByPath(path);
        QAction *limits = menu->addAction(tr("Show alarm limits"));
        limits->setObjectName(QStringLiteral("trendAlarmLimits"));
        limits->setCheckable(true);
        const bool any = !alarmLimits(*m_model, tag).empty();
        limits->setEnabled(any);
        limits->setChecked(any && alarmLimitsVisible(pen));
        if (!any)
            limits->setToolTip(tr("No high or low alarm is configured for this tag"));
        connect(limits, &QAction::toggled, this,
                [this, pen](bool on) { setAlarmLimitsVisible(pen, on); });
    }
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Remove pen"));
    remove->setObjectName(QStringLiteral("trendRemovePenAction"));
    connect(remove, &QAction::triggered, this, [this, row] { removePen(row); });
    return menu;
}

void TrendsPage::showTrend(const QStringList &paths, TimestampMs from, TimestampMs to, int period)
{
    setPens(paths);
    if (from > 0 && to > from) {
        setCustomRange(from, std::min(to, now()));
        return;
    }
    if (period >= 0 && period < PeriodCount && period != Custom)
        setPeriod(Period(period));
}

// ---- events ---------------------------------------------------------------------------------

void TrendsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_liveTimer->start();
    if (!m_pens.isEmpty())
        m_reloadTimer->start();
}

void TrendsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_liveTimer->stop();
}

void TrendsPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_table)
        updateTable(); // swatches are theme colours
}

} // namespace andon::ui
