// A painted state timeline: one strip per machine over a time range (a shift), each state
// interval filled by its category (theme colours; an unplanned stop outlined in the abnormal
// colour, unknown time hatched), hour ticks in the plant time zone and a "now" marker.
// Hover shows state, reason, start and duration; a click reports the row and time (the OEE
// page opens the reason dialog of the stop there). Owned by its page.
#pragma once

#include "core/plant_model.h"

#include <QTimeZone>
#include <QWidget>

#include <vector>

namespace andon::widgets {

struct TimelineSegment
{
    TimestampMs startMs = 0;
    TimestampMs endMs = 0;
    StateCategory category = StateCategory::Unknown;
    QString state;   // state name, e.g. "Jam at infeed"
    QString reason;  // operator reason in words ("" = none given / not a stop)
    bool stop = false; // part of a down/idle stop (clickable for a reason)
};

struct TimelineRow
{
    QString label; // machine name
    std::vector<TimelineSegment> segments; // in time order
};

class StateTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit StateTimeline(QWidget *parent = nullptr);

    // The time range shown [from, to) and the current time (time after `now` is not drawn).
    void setRange(TimestampMs fromMs, TimestampMs toMs, TimestampMs nowMs,
                  const QTimeZone &zone);
    void setRows(std::vector<TimelineRow> rows);
    const std::vector<TimelineRow> &rows() const { return m_rows; }

    // Geometry for tests: the widget point at time `t` in row `row`, and back.
    QPoint pointAt(int row, TimestampMs t) const;
    bool hit(const QPoint &pos, int *row, TimestampMs *t) const;
    // The tooltip text at `pos` ("" = none).
    QString toolTipAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void clicked(int row, qint64 tMs);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRect stripArea() const;
    int labelWidth() const;
    int rowHeight() const;
    double xOf(TimestampMs t) const;
    const TimelineSegment *segmentAt(int row, TimestampMs t) const;

    TimestampMs m_from = 0, m_to = 1, m_now = 0;
    QTimeZone m_zone = QTimeZone::utc();
    std::vector<TimelineRow> m_rows;
};

} // namespace andon::widgets
