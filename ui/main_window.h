// The desktop HMI shell: page navigation (Ctrl+1..Ctrl+8), the pages, a status bar with
// connections, ingest count, historian and the plant clock, and the theme toggle.
// Owned by main(); holds non-owning pointers to the Engine and the Clock, which outlive it.
#pragma once

#include "core/clock.h"

#include <QMainWindow>
#include <QPointer>

#include <map>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace andon {
class Engine;
}
namespace andon::widgets {
class AlarmBanner;
}

namespace andon::ui {

class BrowseBrokerDialog;
class ConnectionsPage;
class SecurityBanner;
class FaceplateDialog;
class OverviewPage;
class OeePage;
class TrendsPage;
class SpcPage;
class AlarmsPage;
class MaintenancePage;
class UserButton;
class ActivityFilter;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { OverviewPageId, OeePage, EnergyPage, SpcPage, TrendsPage, AlarmsPage,
                MaintenancePage, ConnectionsPageId, PageCount };

    explicit MainWindow(Engine *engine, const Clock *clock = &SystemClock::instance(),
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    static QString pageId(int page); // "overview", "oee", ... (file names, settings)
    QString pageTitle(int page) const;
    void showPage(int page);
    int currentPage() const;
    QWidget *page(int page) const;
    OverviewPage *overviewPage() const { return m_overview; }
    ConnectionsPage *connectionsPage() const { return m_connections; }
    andon::ui::OeePage *oeePage() const { return m_oee; }
    andon::ui::TrendsPage *trendsPage() const { return m_trends; }
    andon::ui::SpcPage *spcPage() const { return m_spc; }
    andon::ui::MaintenancePage *maintenancePage() const { return m_maintenance; }
    andon::ui::AlarmsPage *alarmsPage() const { return m_alarms; }
    // Above every page: the most urgent alarms and the counts per priority.
    widgets::AlarmBanner *alarmBanner() const { return m_alarmBanner; }
    // Under the alarm banner: insecure connections (hidden when there are none).
    SecurityBanner *securityBanner() const { return m_securityBanner; }

    // Opens (or raises) the non-modal faceplate of a machine.
    FaceplateDialog *openFaceplate(int machine);
    // Opens (or raises) the non-modal Browse broker window (Tools > Browse broker, Ctrl+B).
    BrowseBrokerDialog *openBrowseBroker();
    // Who is signed in (status bar, right): sign in, switch user, users, audit journal.
    UserButton *userButton() const { return m_userButton; }

public slots:
    // "Click any value to trend it": the Trends page with these tags as its pens.
    void showTrend(const QStringList &tagPaths);
    // ... over [fromMs, toMs] (e.g. an alarm ± 1 h); 0, 0 = the current shift.
    void showTrendRange(const QStringList &tagPaths, qint64 fromMs, qint64 toMs);

public:

    void setDarkTheme(bool dark);
    bool isDarkTheme() const;
    QAction *darkThemeAction() const { return m_darkAction; }

    // Restores geometry, last page and theme from QSettings; saveSettings() on close.
    void loadSettings();
    void saveSettings() const;

    // Runs every periodic refresh once, now (tests and screenshots do not wait for timers).
    void refreshNow();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void refreshFast();   // 5 Hz: overview tiles
    void refreshStatus(); // 1 Hz: status bar, connections page

    Engine *m_engine;
    const Clock *m_clock;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    OverviewPage *m_overview = nullptr;
    ConnectionsPage *m_connections = nullptr;
    andon::ui::OeePage *m_oee = nullptr;
    andon::ui::TrendsPage *m_trends = nullptr;
    andon::ui::SpcPage *m_spc = nullptr;
    andon::ui::AlarmsPage *m_alarms = nullptr;
    andon::ui::MaintenancePage *m_maintenance = nullptr;
    widgets::AlarmBanner *m_alarmBanner = nullptr;
    SecurityBanner *m_securityBanner = nullptr;
    QAction *m_darkAction = nullptr;
    std::vector<QAction *> m_pageActions;
    QTimer *m_fastTimer = nullptr;
    QTimer *m_slowTimer = nullptr;
    std::vector<QLabel *> m_connectionLabels;
    QLabel *m_samplesLabel = nullptr;
    QLabel *m_historianLabel = nullptr;
    QLabel *m_clockLabel = nullptr;
    std::map<int, QPointer<FaceplateDialog>> m_faceplates;
    QPointer<BrowseBrokerDialog> m_browse;
    UserButton *m_userButton = nullptr;
    ActivityFilter *m_activity = nullptr; // on qApp: input keeps the session alive
};

} // namespace andon::ui
