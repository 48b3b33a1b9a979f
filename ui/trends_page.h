// The Trends page (ISA-101 level 3): a pen picker from the plant tree with search, period
// presets, compare mode (the previous shift or the same weekday last week drawn dashed over the
// current period), the trend plot with its machine-state band, a pen table with cursor
// readouts and range statistics, export (CSV for andon-cli import, PNG, PDF, clipboard),
// print, saved trend sets (QSettings) and read-only review of a copied historian file.
// Owned by MainWindow's page stack; holds a non-owning Engine and Clock, which outlive it.
#pragma once

#include "core/clock.h"
#include "core/plant_model.h"
#include "engine/derived_pen.h"
#include "widgets/trend_plot.h"

#include <QSet>
#include <QStringList>
#include <QWidget>

#include <map>
#include <memory>

class QComboBox;
class QDateTimeEdit;
class QPrinter;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QMenu;
class QTableWidget;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace andon {
class Engine;
class TrendLoader;
struct TrendLoadResult;
}
namespace andon::storage {
class Historian;
}
namespace andon::ui {

class DerivedPenDialog;

class TrendsPage : public QWidget
{
    Q_OBJECT
public:
    enum Period { Last15Min, Last8Hours, CurrentShift, Last24Hours, Last7Days, Last30Days,
                  Custom, PeriodCount };
    // Pen table columns.
    enum Column { PenColumn, UnitColumn, Cursor1Column, Cursor2Column, DeltaColumn, MinColumn,
                  MaxColumn, MeanColumn, StdDevColumn, IntegralColumn, AboveColumn,
                  ColumnCount };
    static constexpr int kMaxPens = 8; // one per colour of the trend palette
    // Compare mode: each pen again, from an earlier period moved onto the current one.
    enum CompareMode { CompareOff, ComparePreviousShift, CompareLastWeek, CompareModeCount };

    TrendsPage(Engine *engine, const Clock *clock, QWidget *parent = nullptr);
    ~TrendsPage() override;

    // Pens by tag path (unknown paths are skipped with a message); at most kMaxPens.
    // A derived pen's path is derivedPenPath(name).
    void setPens(const QStringList &paths);
    // "Click any value to trend it": these pens over [from, to] (a custom range; a range
    // that reaches now ends at now). from == to == 0 keeps the period; `period` >= 0 sets it.
    void showTrend(const QStringList &paths, TimestampMs from = 0, TimestampMs to = 0,
                   int period = -1);
    bool addPen(const QString &path);
    void removePen(int index);
    QStringList pens() const { return m_pens; }

    // Derived pens (UI-defined, engine/derived_pen.h): a muParser expression over tags by
    // path with dots ("line1.press2.power") or any unique tail of it ("press2.power").
    struct DerivedPenSpec
    {
        QString name;       // also the pen's identity within the page
        QString unit;
        QString expression;
        int decimals = 2;
    };
    static QString derivedPenPath(const QString &name); // "derived:<name>"
    static bool isDerivedPath(const QString &path);
    // "" when `expression` is valid, else the problem in words ("no tag named \"x\" at
    // character 3"); *inputs gets the tag paths it reads.
    QString checkDerivedExpression(const QString &expression, QStringList *inputs = nullptr,
                                   int *position = nullptr) const;
    // Defines (or redefines) a derived pen and adds it to the pens. False + *error when the
    // name is empty or the expression is not valid.
    bool addDerivedPen(const DerivedPenSpec &spec, QString *error = nullptr);
    std::vector<DerivedPenSpec> derivedPens() const; // those on the plot, in pen order
    // Opens the "Add derived pen" dialog (non-modal; tests drive the returned dialog).
    DerivedPenDialog *openDerivedPenDialog(const QString &editName = QString());

    // Alarm limits (`alarms:` high/low/high_high/low_low of the pen's tag) as dashed lines in
    // the priority colours; on by default, toggled per pen in the pen table's context menu.
    void setAlarmLimitsVisible(int pen, bool visible);
    bool alarmLimitsVisible(int pen) const;
    static std::vector<widgets::TrendLimit> alarmLimits(const PlantModel &model, TagId tag);
    // The pen table's context menu for row `row` (built fresh; the caller owns it).
    QMenu *penContextMenu(int row);

    void setPeriod(Period period);
    Period period() const { return m_period; }
    static QString periodName(Period period); // translated, as in the combo box
    // A fixed range (Custom period, live follow off).
    void setCustomRange(TimestampMs from, TimestampMs to);

    // Compare mode; the compared pens follow the pens (plot pens n..2n-1 for pens 0..n-1).
    void setCompareMode(CompareMode mode);
    CompareMode compareMode() const { return m_compare; }
    static QString compareName(CompareMode mode); // translated, short, as in the combo box
    static QString compareDescription(CompareMode mode); // the combo box item's tooltip
    // How far back the compared period is, for the view's end: the start of the shift running
    // then minus the start of the shift before it (8 h without a calendar), or 7 calendar days
    // in the plant's time zone. 0 when compare is off.
    TimestampMs compareShiftMs() const;

    // Live tick: new ring-buffer samples, the live edge, and a reload now and then.
    // Called by the page's own timer while visible; tests call it directly.
    void refresh();
    // Requests the data of the visible range again (off the GUI thread).
    void reload();
    bool isLoading() const;

    // Exports of the visible range. CSV is what `andon-cli import` reads.
    bool exportCsv(const QString &path, QString *error, bool showProgress = false);
    bool exportPng(const QString &path);
    bool exportPdf(const QString &path);
    void copyImage();
    // Prints the plot (vector), the range, the pen table and who printed it; one page.
    bool print(QPrinter *printer);

    // Saved trend sets (QSettings "trends/sets/<name>": pens and period).
    void saveTrendSet(const QString &name);
    bool loadTrendSet(const QString &name);
    void deleteTrendSet(const QString &name);
    static QStringList trendSetNames();

    // Offline review: a copied historian file opened read-only instead of the live data.
    bool openHistory(const QString &file, QString *error);
    void closeHistory();
    bool isOffline() const { return m_offline != nullptr; }

    widgets::TrendPlot *plot() const { return m_plot; }
    QTreeWidget *penPicker() const { return m_tree; }
    QLineEdit *searchBox() const { return m_search; }
    QTableWidget *penTable() const { return m_table; }
    QComboBox *periodBox() const { return m_periodBox; }
    QComboBox *compareBox() const { return m_compareBox; }
    TrendLoader *loader() const { return m_loader.get(); }
    QToolButton *followButton() const { return m_followButton; }
    // The machine whose state is drawn under the plot (-1 = none).
    int stateMachine() const { return m_stateMachine; }

signals:
    void loadFinished(); // a load was applied to the plot (tests wait for it)
    void compareLoadFinished(); // the compared period was applied to the plot

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildPicker();
    void filterPicker(const QString &text);
    void rebuildPlotPens();
    void applyPeriod(bool reloadNow);
    void setEditorTimes(TimestampMs from, TimestampMs to);
    void applyResult(const TrendLoadResult &result);
    void applyCompareResult(const TrendLoadResult &result);
    QStringList loaderPaths(bool withState) const; // real pens + derived inputs (+ state)
    analytics::TrendSeries derivedSeries(const QString &pen,
                                         const std::vector<analytics::TrendSeries> &series,
                                         const QStringList &paths, bool seedLive);
    QString compareLabel() const; // "previous shift (−8 h)"
    void updateTable();
    void updateRangeLabel();
    void updateTrendSetBox();
    void showExportMenu();
    QString formatValue(int pen, double v) const;
    TimestampMs now() const;
    const storage::Historian *historian() const;

    Engine *m_engine;
    const Clock *m_clock;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<TrendLoader> m_loader;
    std::unique_ptr<TrendLoader> m_compareLoader; // the compared period, its own generations
    std::unique_ptr<storage::Historian> m_offline;
    QStringList m_offlineTags;
    TimestampMs m_offlineEnd = 0; // newest sample of the file: "now" while offline

    QStringList m_pens;
    struct DerivedPen
    {
        DerivedPenSpec spec;
        std::shared_ptr<DerivedFormula> formula;
        QStringList inputPaths;
        DerivedPenLive live;
    };
    std::map<QString, DerivedPen> m_derived; // by name
    QSet<QString> m_alarmLimitsHidden;       // tag paths whose alarm limits are switched off
    Period m_period = Last15Min;
    CompareMode m_compare = CompareOff;
    TimestampMs m_compareShift = 0; // the shift the compared pens were built and loaded with
    int m_stateMachine = -1;
    QString m_statePath;
    std::vector<TimestampMs> m_lastSeen; // per pen: newest sample time on the plot
    TimestampMs m_lastReloadMs = 0;
    TimestampMs m_loadedWidthMs = 0;

    QTreeWidget *m_tree = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_periodBox = nullptr;
    QComboBox *m_compareBox = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QPushButton *m_applyRange = nullptr;
    std::vector<QWidget *> m_customWidgets; // from/to editors, shown for a custom range
    QToolButton *m_followButton = nullptr;
    QToolButton *m_cursorButton = nullptr;
    QToolButton *m_boxZoomButton = nullptr;
    QToolButton *m_exportButton = nullptr;
    QComboBox *m_setBox = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QLabel *m_offlineLabel = nullptr;
    QPushButton *m_backToLive = nullptr;
    QProgressBar *m_busy = nullptr;
    widgets::TrendPlot *m_plot = nullptr;
    QTableWidget *m_table = nullptr;
    QTimer *m_liveTimer = nullptr;
    QTimer *m_reloadTimer = nullptr; // debounces zoom/pan before reloading
};

} // namespace andon::ui
