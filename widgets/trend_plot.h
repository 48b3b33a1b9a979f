// The trend chart (QCustomPlot): several pens with theme colours, one value axis per unit,
// the time axis in the plant's time zone, each pen drawn as its min-max band plus the M4 line
// (extremes are never lost), gaps where data is missing, dashed grey where quality is doubtful,
// limit lines, a live-follow mode that keeps the user's zoom width, wheel/drag/box zoom, two
// cursors with readouts and range statistics, and an optional machine-state band underneath.
// Owned by its parent (the Trends page); gets its data from engine/TrendLoader results.
#pragma once

#include "analytics/trend_series.h"
#include "core/plant_model.h"

#include <QColor>
#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <array>
#include <limits>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPAxis;
class QCPGraph;
class QCPLayer;
class QCPItemStraightLine;
class QCPItemText;
class QLabel;
class QMouseEvent;
class QWheelEvent;

namespace andon::widgets {

class TrendStateStrip;
class TrendBand;

struct TrendLimit
{
    TrendLimit() = default;
    TrendLimit(double v, QString text, QColor c = QColor())
        : value(v), label(std::move(text)), color(c)
    {
    }
    double value = 0;
    QString label; // "USL", "LSL", "Target", "▲ HH 95.0 °C"
    // Invalid: a spec limit, dash-dot in the pen's colour. Valid: an alarm threshold, dashed
    // in this colour (the alarm priority's, widgets/theme.h).
    QColor color;
};

struct TrendPenInfo
{
    QString path;
    QString label;     // shown in the legend ("press2 · vibration_rms")
    QString unit;      // one value axis per distinct unit
    int decimals = 1;
    int staleAfterMs = 30'000; // gap threshold (analytics::trendGapMs)
    std::vector<TrendLimit> limits;
    double statsLimit = std::numeric_limits<double>::quiet_NaN(); // "time above" limit
    // Compare mode: this pen is pen `compareOf` from an earlier period, its data already moved
    // forward by `shiftMs` onto the current one. Drawn dashed in that pen's colour, no band.
    int compareOf = -1;
    TimestampMs shiftMs = 0;
};

// A stretch of one machine state for the state band.
struct TrendStateSpan
{
    TimestampMs from = 0, to = 0;
    StateCategory category = StateCategory::Unknown;
    QString name; // "Jam at infeed"
};

class TrendPlot : public QWidget
{
    Q_OBJECT
public:
    explicit TrendPlot(QWidget *parent = nullptr);
    ~TrendPlot() override;

    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    // Replaces the pens (data cleared). Pen i gets theme trend colour i (Okabe-Ito).
    void setPens(const std::vector<TrendPenInfo> &pens);
    int penCount() const { return int(m_pens.size()); }
    const TrendPenInfo &pen(int i) const { return m_pens.at(std::size_t(i)).info; }
    QColor penColor(int i) const;
    QCPAxis *valueAxis(int pen) const;

    // Replaces the limit lines of pen i (the alarm-limit toggle) without touching its data.
    void setPenLimits(int pen, std::vector<TrendLimit> limits);

    // Data of pen i (from a TrendLoader result); the line is rebuilt and the plot redrawn.
    void setPenData(int pen, analytics::TrendSeries series);
    // Appends live samples to pen i's newest data (between two loads in follow mode).
    void appendSamples(int pen, const std::vector<Sample> &samples);
    const analytics::TrendSeries &penData(int pen) const;
    const std::vector<analytics::TrendPoint> &penLine(int pen) const;

    // Machine state strip under the plot; an empty label hides it.
    void setStateBand(const QString &label, std::vector<TrendStateSpan> spans);
    bool stateBandVisible() const;
    const std::vector<TrendStateSpan> &stateSpans() const { return m_stateSpans; }
    QString stateBandLabel() const { return m_stateLabel; }

    // Visible time range (UTC ms).
    void setViewRange(TimestampMs from, TimestampMs to);
    TimestampMs viewFrom() const;
    TimestampMs viewTo() const;

    // Live follow: the view ends at the live edge and moves with it, keeping its width.
    // Panning back turns it off (followLiveChanged(false)).
    void setFollowLive(bool follow);
    bool followLive() const { return m_follow; }
    void setLiveEdge(TimestampMs now);
    TimestampMs liveEdge() const { return m_liveEdge; }

    // Two vertical cursors; when hidden, statistics cover the visible range.
    void setCursorsVisible(bool visible);
    bool cursorsVisible() const { return m_cursorsVisible; }
    void setCursorTime(int which, TimestampMs t); // which: 0 or 1
    TimestampMs cursorTime(int which) const { return m_cursorT[std::size_t(which & 1)]; }
    double valueAtCursor(int pen, int which) const; // NaN in a gap or outside the data
    // Statistics of pen i between the cursors (or over the visible range without cursors).
    analytics::TrendRangeStats rangeStats(int pen) const;
    TimestampMs statsFrom() const;
    TimestampMs statsTo() const;

    // Box zoom on a plain drag (a toolbar toggle); Shift+drag box-zooms either way.
    void setBoxZoomMode(bool on);
    bool boxZoomMode() const { return m_boxZoom; }
    // Value axes scale to the visible data again (after Ctrl+wheel zoom).
    void autoscaleValues();

    QCustomPlot *customPlot() const { return m_plot; }
    int plotAreaWidth() const; // pixels of the time axis (the loader's bucket count)
    QString formatTime(TimestampMs t, bool withDate = false) const;
    static QString formatDuration(TimestampMs ms);

    // Image of the plot (and state band) as shown; PNG via QImage, PDF via QCustomPlot.
    QPixmap renderImage();
    bool savePng(const QString &path);
    bool savePdf(const QString &path);

    // Screen x (plot widget coordinates) of time t, for tests driving the mouse.
    double pixelOfTime(TimestampMs t) const;
    TimestampMs timeOfPixel(double x) const;

signals:
    // The user zoomed or panned the time axis (not emitted for setViewRange/live follow).
    void viewChangedByUser(TimestampMs from, TimestampMs to);
    void followLiveChanged(bool follow);
    void cursorsChanged();
    void boxZoomModeChanged(bool on);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Pen
    {
        TrendPenInfo info;
        analytics::TrendSeries series;
        std::vector<analytics::TrendPoint> line;
        QCPGraph *good = nullptr;
        QCPGraph *doubt = nullptr;
        TrendBand *band = nullptr; // min-max band of decimated data
        bool dense = false;        // decimated: drawn 1 px wide (see lineWidth())
        QCPAxis *axis = nullptr;
        std::vector<QCPItemStraightLine *> limitLines;
        std::vector<QCPItemText *> limitLabels;
    };

    void applyTheme();
    void createLimitItems(Pen &p, int index);
    static double lineWidth(const Pen &p);
    void renderPen(int i);
    void rescaleValueAxes();
    void updateTicker();
    void updateLegendWrap();
    void updateCursorItems();
    void setViewInternal(double fromKey, double toKey, bool byUser);
    void onMousePress(QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);
    void onWheel(QWheelEvent *event);
    void onDoubleClick(QMouseEvent *event);
    void onBoxZoomed();
    void clearAxes();

    QCustomPlot *m_plot = nullptr;
    QCPLayer *m_bandLayer = nullptr;  // min-max bands, under the lines
    QCPLayer *m_labelLayer = nullptr; // limit labels, over the lines
    TrendStateStrip *m_strip = nullptr;
    QTimeZone m_zone = QTimeZone::utc();
    std::vector<Pen> m_pens;
    std::vector<QCPAxis *> m_valueAxes; // one per unit, in pen order
    QStringList m_axisUnits;
    bool m_follow = false;
    TimestampMs m_liveEdge = 0;
    bool m_cursorsVisible = false;
    std::array<TimestampMs, 2> m_cursorT{0, 0};
    std::array<QCPItemStraightLine *, 2> m_cursorLines{nullptr, nullptr};
    std::array<QCPItemText *, 2> m_cursorLabels{nullptr, nullptr};
    QCPItemText *m_deltaLabel = nullptr;
    bool m_boxZoom = false;
    bool m_valueAutoscale = true;
    // Mouse gesture in progress.
    enum class Drag { None, Pan, Cursor0, Cursor1, Box };
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    double m_pressFromKey = 0, m_pressToKey = 0;
    std::vector<TrendStateSpan> m_stateSpans;
    QString m_stateLabel;
    QLabel *m_emptyLabel = nullptr;

    friend class TrendStateStrip;
};

} // namespace andon::widgets
