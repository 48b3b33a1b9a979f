#include "ui/main_window.h"

#include "engine/access_control.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "engine/alarm_service.h"
#include "ui/alarms_page.h"
#include "ui/browse_broker_dialog.h"
#include "ui/connections_page.h"
#include "ui/faceplate_dialog.h"
#include "ui/energy_page.h"
#include "ui/maintenance_page.h"
#include "ui/oee_page.h"
#include "ui/overview_page.h"
#include "ui/security_banner.h"
#include "ui/placeholder_page.h"
#include "ui/shift_report_dialog.h"
#include "ui/spc_page.h"
#include "ui/trends_page.h"
#include "ui/user_button.h"
#include "widgets/alarm_banner.h"
#include "widgets/theme.h"

#include <QAction>
#include <QApplication>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimeZone>
#include <QTimer>

Q_LOGGING_CATEGORY(lcUi, "andon.ui")

namespace andon::ui {

namespace {
constexpr int kFastRefreshMs = 200;  // 5 Hz: tiles (ARCHITECTURE: UI pulls at 4-10 Hz)
constexpr int kSlowRefreshMs = 1000; // 1 Hz: status bar, connections, clock
} // namespace

MainWindow::MainWindow(Engine *engine, const Clock *clock, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_clock(clock)
{
    const PlantModel &plant = engine->model();
    setWindowTitle(plant.title.isEmpty() ? tr("Andon") : tr("%1 — Andon").arg(plant.title));
    setObjectName(QStringLiteral("mainWindow"));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_nav = new QListWidget(central);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setFocusPolicy(Qt::StrongFocus);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_nav->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_nav);

    // The alarm banner sits above the page stack, so it is on every page (HMI-STYLE.md).
    auto *right = new QWidget(central);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    m_alarmBanner = new widgets::AlarmBanner(right);
    rightLayout->addWidget(m_alarmBanner);
    // Under it, on every page too: connections less secure than the default (docs/security.md).
    m_securityBanner = new SecurityBanner(right);
    m_securityBanner->setNotices(securityNotices(plant));
    rightLayout->addWidget(m_securityBanner);
    m_stack = new QStackedWidget(right);
    rightLayout->addWidget(m_stack, 1);
    layout->addWidget(right, 1);
    setCentralWidget(central);

    m_overview = new OverviewPage(engine, clock, m_stack);
    m_stack->addWidget(m_overview);
    m_oee = new andon::ui::OeePage(engine, clock, m_stack);
    m_stack->addWidget(m_oee);
    auto *energy = new andon::ui::EnergyPage(engine, clock, m_stack);
    m_stack->addWidget(energy);
    m_spc = new andon::ui::SpcPage(engine, clock, m_stack);
    m_stack->addWidget(m_spc);
    m_trends = new andon::ui::TrendsPage(engine, clock, m_stack);
    m_stack->addWidget(m_trends);
    m_alarms = new andon::ui::AlarmsPage(engine, clock, m_stack);
    m_stack->addWidget(m_alarms);
    const auto updateBanner = [this] { m_alarmBanner->setData(m_alarms->bannerData()); };
    connect(engine->alarms(), &AlarmService::alarmsChanged, this, updateBanner);
    connect(m_alarmBanner, &widgets::AlarmBanner::clicked, this,
            [this] { showPage(AlarmsPage); });
    updateBanner();
    m_maintenance = new andon::ui::MaintenancePage(engine, clock, m_stack);
    m_stack->addWidget(m_maintenance);
    m_connections = new ConnectionsPage(engine, m_stack);
    connect(m_connections, &ConnectionsPage::browseBrokerRequested, this,
            [this] { openBrowseBroker(); });
    m_stack->addWidget(m_connections);

    QFontMetrics fm(m_nav->font());
    int navWidth = 0;
    for (int p = 0; p < PageCount; ++p) {
        auto *item = new QListWidgetItem(pageTitle(p), m_nav);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(pageTitle(p)).arg(p + 1));
        navWidth = std::max(navWidth, fm.horizontalAdvance(pageTitle(p)));
        m_stack->widget(p)->setObjectName(QStringLiteral("page-") % pageId(p));
    }
    m_nav->setFixedWidth(navWidth + 48);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_nav, &QListWidget::currentRowChanged, this, [this] { refreshNow(); });
    connect(m_overview, &OverviewPage::machineActivated, this,
            [this](int machine) { openFaceplate(machine); });
    connect(m_overview, &OverviewPage::trendRequested, this, &MainWindow::showTrend);
    connect(m_alarms, &andon::ui::AlarmsPage::trendRequested, this, &MainWindow::showTrendRange);
    connect(m_oee, &andon::ui::OeePage::trendRequested, this, &MainWindow::showTrendRange);
    connect(energy, &andon::ui::EnergyPage::trendRequested, this, &MainWindow::showTrendRange);
    connect(m_spc, &andon::ui::SpcPage::trendRequested, this, &MainWindow::showTrendRange);
    connect(m_maintenance, &andon::ui::MaintenancePage::trendRequested, this,
            &MainWindow::showTrendRange);

    buildMenus();
    buildStatusBar();
    // Every key and mouse input anywhere in the application resets the session's idle timer.
    m_activity = new ActivityFilter(engine->access(), this);
    qApp->installEventFilter(m_activity);

    m_fastTimer = new QTimer(this);
    m_fastTimer->setInterval(kFastRefreshMs);
    connect(m_fastTimer, &QTimer::timeout, this, &MainWindow::refreshFast);
    m_fastTimer->start();
    m_slowTimer = new QTimer(this);
    m_slowTimer->setInterval(kSlowRefreshMs);
    connect(m_slowTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
    m_slowTimer->start();

    m_nav->setCurrentRow(OverviewPageId);
    m_nav->setFocus(); // keyboard starts in the navigation, not on a tile
    resize(1366, 768);
    refreshNow();
}

MainWindow::~MainWindow()
{
    for (auto &[machine, dialog] : m_faceplates) {
        if (dialog)
            delete dialog.data();
    }
}

QString MainWindow::pageId(int page)
{
    static const char *const ids[] = {"overview", "oee", "energy", "spc",
                                      "trends", "alarms", "maintenance", "connections"};
    if (page < 0 || page >= PageCount)
        return QString();
    return QString::fromLatin1(ids[page]);
}

QString MainWindow::pageTitle(int page) const
{
    switch (page) {
    case OverviewPageId: return tr("Overview");
    case OeePage: return tr("OEE");
    case EnergyPage: return tr("Energy");
    case SpcPage: return tr("SPC");
    case TrendsPage: return tr("Trends");
    case AlarmsPage: return tr("Alarms");
    case MaintenancePage: return tr("Maintenance");
    case ConnectionsPageId: return tr("Connections");
    default: return QString();
    }
}

void MainWindow::showPage(int page)
{
    if (page >= 0 && page < PageCount)
        m_nav->setCurrentRow(page);
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

QWidget *MainWindow::page(int page) const
{
    return m_stack->widget(page);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *shiftReport = file->addAction(tr("Shift &report…"));
    shiftReport->setObjectName(QStringLiteral("shiftReportAction"));
    connect(shiftReport, &QAction::triggered, this, [this] {
        ShiftReportDialog dialog(m_engine->model(), m_engine->historian(), m_clock, this);
        dialog.exec();
    });
    QAction *openHistory = file->addAction(tr("Open &history…"));
    openHistory->setObjectName(QStringLiteral("openHistoryAction"));
    openHistory->setToolTip(tr("Review a copied historian file read-only on the Trends page"));
    connect(openHistory, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open history"), QString(), tr("Andon historian (*.db *.sqlite);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!m_trends->openHistory(path, &error)) {
            QMessageBox::warning(this, tr("Open history"), error);
            return;
        }
        showPage(TrendsPage);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int p = 0; p < PageCount; ++p) {
        QAction *action = view->addAction(pageTitle(p));
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + p)));
        action->setShortcutContext(Qt::ApplicationShortcut);
        connect(action, &QAction::triggered, this, [this, p] { showPage(p); });
        m_pageActions.push_back(action);
    }
    view->addSeparator();
    m_darkAction = view->addAction(tr("&Dark theme"));
    m_darkAction->setCheckable(true);
    m_darkAction->setChecked(isDarkTheme());
    connect(m_darkAction, &QAction::toggled, this, [this](bool dark) {
        setDarkTheme(dark);
        QSettings().setValue(QStringLiteral("theme"),
                             widgets::Theme::modeName(dark ? widgets::Theme::Mode::Dark
                                                           : widgets::Theme::Mode::Light));
    });

    // Tools (shared with other tool windows: reuse the menu if it is already there).
    QMenu *tools = nullptr;
    for (QAction *a : menuBar()->actions())
        if (a->menu() && a->text() == tr("&Tools"))
            tools = a->menu();
    if (!tools)
        tools = menuBar()->addMenu(tr("&Tools"));
    QAction *browse = tools->addAction(tr("&Browse broker…"));
    browse->setObjectName(QStringLiteral("browseBrokerAction"));
    browse->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    browse->setShortcutContext(Qt::ApplicationShortcut);
    connect(browse, &QAction::triggered, this, [this] { openBrowseBroker(); });
}

void MainWindow::buildStatusBar()
{
    QStatusBar *bar = statusBar();
    bar->setSizeGripEnabled(false);
    for (const ConnectionStatus &s : m_engine->connectionStatus()) {
        auto *label = new QLabel(bar);
        label->setObjectName(QStringLiteral("connection-") % s.id);
        label->setContentsMargins(6, 0, 6, 0);
        bar->addWidget(label);
        m_connectionLabels.push_back(label);
    }
    if (m_connectionLabels.empty()) {
        auto *label = new QLabel(tr("No data sources configured"), bar);
        label->setForegroundRole(QPalette::Mid);
        bar->addWidget(label);
    }
    m_samplesLabel = new QLabel(bar);
    m_historianLabel = new QLabel(bar);
    m_clockLabel = new QLabel(bar);
    m_clockLabel->setObjectName(QStringLiteral("plantClock"));
    bar->addPermanentWidget(m_samplesLabel);
    bar->addPermanentWidget(m_historianLabel);
    bar->addPermanentWidget(m_clockLabel);
    m_userButton = new UserButton(m_engine->access(), m_engine->historian(), m_clock, bar);
    bar->addPermanentWidget(m_userButton);
    for (QLabel *l : {m_samplesLabel, m_historianLabel, m_clockLabel})
        l->setContentsMargins(8, 0, 8, 0);
    // Reserve the clock's width so the status bar does not reflow (and cut it) every second.
    const QFontMetrics fm(m_clockLabel->font());
    m_clockLabel->setMinimumWidth(
        fm.horizontalAdvance(QStringLiteral("00:00:00 ") % m_engine->model().timeZone()) + 24);
}

void MainWindow::refreshFast()
{
    if (m_stack->currentWidget() == m_overview)
        m_overview->refresh();
}

void MainWindow::refreshStatus()
{
    // Shelve expiry and delays change alarms without new samples: refresh at 1 Hz too.
    m_alarmBanner->setData(m_alarms->bannerData());
    const auto status = m_engine->connectionStatus();
    const QString problemCss = QStringLiteral("QLabel { border: 2px solid %1; padding: 0 4px; }")
                                   .arg(widgets::Theme::colors().down.name());
    for (std::size_t i = 0; i < m_connectionLabels.size() && i < status.size(); ++i) {
        const ConnectionStatus &s = status[i];
        QLabel *label = m_connectionLabels[i];
        // Normal is plain grey text; only a problem gets the abnormal outline and ⚠.
        const QString state = ConnectionsPage::stateText(s.state);
        label->setText(s.healthy ? tr("%1: %2").arg(s.id, state) : tr("⚠ %1: %2").arg(s.id, state));
        QString tip = s.lastError.isEmpty() ? s.endpoint
                                            : tr("%1 — %2").arg(s.endpoint, s.lastError);
        if (s.insecure)
            tip += QLatin1Char('\n')
                    + tr("⚠ TLS hostname verification is off (tls.insecure): the broker's "
                         "identity is not checked.");
        label->setToolTip(tip);
        label->setStyleSheet(s.healthy ? QString() : problemCss);
        label->setForegroundRole(s.healthy ? QPalette::Mid : QPalette::WindowText);
    }
    m_samplesLabel->setText(tr("Samples: %1")
                                .arg(QLocale().toString(
                                    static_cast<qulonglong>(m_engine->samplesIngested()))));
    const storage::Historian *historian = m_engine->historian();
    if (historian) {
        // A historian that cannot write (disk full, size limit) is abnormal: the samples wait
        // in memory and the operator must know before memory runs out.
        const storage::HistorianStats hs = historian->stats();
        const QString file = QFileInfo(historian->path()).fileName();
        if (hs.lastError.isEmpty()) {
            m_historianLabel->setText(tr("Historian: %1").arg(file));
            m_historianLabel->setToolTip(historian->path());
            m_historianLabel->setStyleSheet(QString());
        } else {
            m_historianLabel->setText(tr("⚠ Historian: not writing, %1 samples waiting")
                                          .arg(QLocale().toString(qulonglong(hs.queueDepth))));
            m_historianLabel->setToolTip(hs.lastError);
            m_historianLabel->setStyleSheet(problemCss);
        }
    } else {
        m_historianLabel->setText(tr("Historian: off"));
        m_historianLabel->setToolTip(tr("Live view only: nothing is recorded."));
    }
    QTimeZone zone(m_engine->model().timeZone().toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock->now(), zone);
    m_clockLabel->setText(tr("%1 %2").arg(now.toString(QStringLiteral("HH:mm:ss")),
                                          QString::fromUtf8(zone.id())));
    if (m_stack->currentWidget() == m_connections)
        m_connections->refresh();
}

void MainWindow::refreshNow()
{
    m_overview->refresh();
    if (m_oee->isVisible())
        m_oee->refresh(); // computed on the OEE page's worker; shown when it arrives
    if (m_maintenance->isVisible())
        m_maintenance->refresh(); // worker thread, like the OEE page
    for (auto &[machine, dialog] : m_faceplates) {
        if (dialog)
            dialog->refresh();
    }
    refreshStatus();
    m_connections->refresh();
}

BrowseBrokerDialog *MainWindow::openBrowseBroker()
{
    if (!m_browse) {
        m_browse = new BrowseBrokerDialog(m_engine->modelPtr(), this);
        m_browse->setAttribute(Qt::WA_DeleteOnClose);
        m_browse->setAccess(m_engine->access(), m_engine->historian());
    }
    m_browse->show();
    m_browse->raise();
    m_browse->activateWindow();
    return m_browse;
}

FaceplateDialog *MainWindow::openFaceplate(int machine)
{
    if (machine < 0 || machine >= static_cast<int>(m_engine->model().machines.size()))
        return nullptr;
    QPointer<FaceplateDialog> &dialog = m_faceplates[machine];
    if (!dialog) {
        dialog = new FaceplateDialog(m_engine, m_clock, machine, this);
        connect(dialog, &FaceplateDialog::trendRequested, this, &MainWindow::showTrend);
        qCDebug(lcUi) << "opened faceplate of" << m_engine->model().machines[std::size_t(machine)].path;
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void MainWindow::showTrend(const QStringList &tagPaths)
{
    showPage(TrendsPage);
    m_trends->setPens(tagPaths);
    activateWindow();
}

void MainWindow::showTrendRange(const QStringList &tagPaths, qint64 fromMs, qint64 toMs)
{
    showPage(TrendsPage);
    if (fromMs == 0 && toMs == 0)
        m_trends->showTrend(tagPaths, 0, 0, andon::ui::TrendsPage::CurrentShift);
    else
        m_trends->showTrend(tagPaths, fromMs, toMs);
    activateWindow();
}

void MainWindow::setDarkTheme(bool dark)
{
    widgets::Theme::apply(dark ? widgets::Theme::Mode::Dark : widgets::Theme::Mode::Light);
    if (m_darkAction && m_darkAction->isChecked() != dark) {
        const QSignalBlocker block(m_darkAction);
        m_darkAction->setChecked(dark);
    }
    refreshNow();
}

bool MainWindow::isDarkTheme() const
{
    return widgets::Theme::mode() == widgets::Theme::Mode::Dark;
}

void MainWindow::loadSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QString last = settings.value(QStringLiteral("window/page")).toString();
    for (int p = 0; p < PageCount; ++p) {
        if (pageId(p) == last)
            showPage(p);
    }
    widgets::Theme::Mode mode = widgets::Theme::Mode::Light;
    if (widgets::Theme::parseMode(settings.value(QStringLiteral("theme")).toString(), &mode))
        setDarkTheme(mode == widgets::Theme::Mode::Dark);
    const int line = settings.value(QStringLiteral("overview/line"), OverviewPage::AllLines).toInt();
    if (line >= OverviewPage::AllLines && line < static_cast<int>(m_engine->model().lines.size()))
        m_overview->setLine(line);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/page"), pageId(currentPage()));
    settings.setValue(QStringLiteral("theme"), widgets::Theme::modeName(widgets::Theme::mode()));
    settings.setValue(QStringLiteral("overview/line"), m_overview->line());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    for (auto &[machine, dialog] : m_faceplates) {
        if (dialog)
            dialog->close();
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_clockLabel)
        refreshStatus(); // status outlines embed theme colours
}

} // namespace andon::ui
