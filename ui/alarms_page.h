// The Alarms page (ISA-18.2 alarm management for the operator): the active list with
// filters, acknowledge (single and page), shelve with duration and reason, comments, out of
// service; a history tab searching the event journal with CSV export and print; a KPI tab for
// rationalisation (analytics/alarm_kpi.h); and the audible alarm per priority with a silence
// button. Reads Engine::alarms() snapshots on the GUI thread; owned by MainWindow's stack.
#pragma once

#include "analytics/alarm_kpi.h"
#include "core/permissions.h"
#include "widgets/alarm_banner.h"

#include <QTimeZone>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPrinter;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace andon {
class Clock;
class Engine;
class AlarmService;
} // namespace andon

namespace andon::ui {

class AlarmSettingsDialog;

// Fills `table` with the alarms of `machine` that are not normal (faceplate): priority,
// time, message, value, state. Returns how many rows.
int fillMachineAlarmTable(QTableWidget *table, const Engine &engine, int machine);

class AlarmsPage : public QWidget
{
    Q_OBJECT
public:
    enum StateFilter {
        NotNormal,
        Unacknowledged,
        ActiveOnly,
        ShelvedOnly,
        SuppressedOnly,
        OutOfServiceOnly,
        AllAlarms
    };
    enum Column {
        PriorityColumn,
        TimeColumn,
        MachineColumn,
        MessageColumn,
        ValueColumn,
        StateColumn,
        FirstOutColumn,
        CommentColumn,
        ColumnCount
    };

    AlarmsPage(Engine *engine, const Clock *clock, QWidget *parent = nullptr);

    // The banner's content from the current alarm snapshot.
    widgets::AlarmBannerData bannerData() const;

    void refresh(); // the active list (1 Hz and on every change)

    // Filters of the active list; scope is an ISA-95 path prefix ("" = everything).
    void setPriorityFilter(int priority); // 0 = all
    void setStateFilter(StateFilter filter);
    void setScopeFilter(const QString &path);
    void setTextFilter(const QString &text);
    QStringList visibleAlarmIds() const;
    void selectAlarm(const QString &id);
    QString selectedAlarmId() const;
    // "Click any value to trend it": the alarm's tag from an hour before its activation to an
    // hour after (the row's context menu, "Trend <tag>"); emits trendRequested.
    void requestTrend(const QString &alarmId);

signals:
    void trendRequested(const QStringList &tagPaths, qint64 fromMs, qint64 toMs);

public:

    // Operator actions on the selected alarm (the buttons' work, without their dialogs).
    bool acknowledgeSelected(const QString &comment = {});
    int acknowledgePage(); // every visible unacknowledged alarm
    bool shelveSelected(TimestampMs durationMs, const QString &reason);
    bool unshelveSelected();
    bool commentSelected(const QString &text);
    bool removeSelectedFromService(const QString &comment);
    bool returnSelectedToService();
    // "Edit settings…" (Engineer): opens the alarm settings dialog for the selected alarm
    // (non-modal, deleted on close) and returns it; null when nothing is selected.
    AlarmSettingsDialog *editSelectedSettings();
    QString lastMessage() const { return m_lastMessage; }

    // History tab.
    void searchHistory(
        TimestampMs from, TimestampMs to, const QString &text, bool includeSystem = false);
    int historyRowCount() const;
    bool exportHistoryCsv(const QString &path, QString *error = nullptr) const;
    void printHistory(QPrinter *printer) const;

    // KPI tab.
    void computeKpis(TimestampMs from, TimestampMs to);
    const analytics::AlarmKpiReport &kpis() const { return m_kpis; }

    // Audible alarm: a beep pattern per priority, repeating while unacknowledged alarms exist,
    // until silenced; a new annunciation sounds again.
    int soundPriority() const { return m_soundPriority; } // 0 = quiet
    void silence();

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *activeTable() const { return m_table; }
    QTableWidget *historyTable() const { return m_history; }

private:
    void buildActiveTab(QWidget *tab);
    void buildHistoryTab(QWidget *tab);
    void buildKpiTab(QWidget *tab);
    void onAnnunciated(int priority);
    void playSound();
    void updateButtons();
    // Runs `f` on the selected alarm when the signed-in role may take `action`.
    bool act(Action action,
        const std::function<bool(AlarmService &, const QString &id, QString *why)> &f);
    QString formatTime(TimestampMs t) const;
    QString machineOf(int alarmIndex) const;

    Engine *m_engine;
    const Clock *m_clock;
    QTimeZone m_zone;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_notice = nullptr;
    // Active
    QComboBox *m_priority = nullptr;
    QComboBox *m_scope = nullptr;
    QComboBox *m_state = nullptr;
    QLineEdit *m_text = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_ack = nullptr, *m_ackPage = nullptr, *m_shelve = nullptr, *m_unshelve = nullptr,
                *m_comment = nullptr, *m_oos = nullptr, *m_silence = nullptr;
    QStringList m_rowIds;
    QPushButton *m_editSettings = nullptr;
    // History
    QDateTimeEdit *m_histFrom = nullptr, *m_histTo = nullptr;
    QLineEdit *m_histText = nullptr;
    QCheckBox *m_histSystem = nullptr;
    QTableWidget *m_history = nullptr;
    QLabel *m_histSummary = nullptr;
    // KPIs
    QDateTimeEdit *m_kpiFrom = nullptr, *m_kpiTo = nullptr;
    QLabel *m_kpiSummary = nullptr;
    QTableWidget *m_badActors = nullptr, *m_chattering = nullptr, *m_standing = nullptr;
    analytics::AlarmKpiReport m_kpis;
    // Sound
    QTimer *m_soundTimer = nullptr;
    int m_soundPriority = 0;
    QString m_lastMessage;
    QTimer *m_refreshTimer = nullptr;
};

} // namespace andon::ui
