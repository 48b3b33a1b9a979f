// Small helpers shared by the pages that draw with QCustomPlot.
#pragma once

#include <qcustomplot.h>

#include <QEvent>
#include <QResizeEvent>

namespace andon::widgets {

// QCustomPlot that skips drawing while it has no area. QWidget::grab() of the main window sends
// pending resize events to every hidden page, where a never laid-out plot is 0 x 0; stock
// QCustomPlot replots into a null pixmap then and Qt warns. It draws on its next real resize.
class Plot : public QCustomPlot
{
public:
    using QCustomPlot::QCustomPlot;

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        if (event->size().isEmpty()) {
            setViewport(rect());
            return;
        }
        QCustomPlot::resizeEvent(event);
    }
};

// Replots a plot that was skipped while hidden as soon as it is shown.
class ReplotOnShow : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            auto *plot = qobject_cast<QCustomPlot *>(watched);
            if (plot && plot->property("andonReplotPending").toBool()) {
                plot->setProperty("andonReplotPending", false);
                plot->replot(QCustomPlot::rpQueuedReplot);
            }
        }
        return false;
    }
};

// Replots a visible plot; a hidden one (a page that is not shown, whose paint buffers were
// never sized, so QCustomPlot would warn on every replot) is replotted when it is shown.
inline void replotWhenDrawable(QCustomPlot *plot,
                               QCustomPlot::RefreshPriority priority = QCustomPlot::rpRefreshHint)
{
    if (!plot)
        return;
    if (plot->isVisible() && plot->width() > 0 && plot->height() > 0) {
        plot->replot(priority);
        return;
    }
    if (!plot->property("andonReplotOnShow").toBool()) {
        plot->setProperty("andonReplotOnShow", true);
        plot->installEventFilter(new ReplotOnShow(plot));
    }
    plot->setProperty("andonReplotPending", true);
}

} // namespace andon::widgets
