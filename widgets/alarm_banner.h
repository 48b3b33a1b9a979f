// The alarm banner above every page (HMI-STYLE.md level 1): the most urgent unacknowledged
// alarm first, counts per priority with the priority's colour and shape, and a flood
// indicator. Painted from a plain value (AlarmBannerData) that ui/ fills from the alarm
// service; a click asks for the Alarms page.
#pragma once

#include <QString>
#include <QWidget>

#include <vector>

namespace andon::widgets {

struct AlarmBannerItem
{
    int priority = 3; // 1 critical .. 4 low
    QString time; // activation time as shown ("14:02:31")
    QString text; // machine and message
    bool unacknowledged = true;
};

struct AlarmBannerData
{
    std::vector<AlarmBannerItem> items; // most urgent first (unacknowledged before acknowledged)
    int active[5] = {}; // per priority 1..4: alarms in B, C or D
    int unacknowledged[5] = {};
    bool flood = false;
    int floodCount = 0; // annunciations in the flood window
    QString notice; // e.g. "no historian: alarm actions are not recorded"
};

class AlarmBanner : public QWidget
{
    Q_OBJECT
public:
    explicit AlarmBanner(QWidget *parent = nullptr);

    void setData(const AlarmBannerData &data);
    const AlarmBannerData &data() const { return m_data; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Priority colour (HMI-STYLE.md) and shape glyph: ■ ▲ ◆ ●.
    static QColor priorityColor(int priority);
    static QString priorityShape(int priority);
    static QString priorityName(int priority); // "Critical", "High", ...
    // Paints the priority's shape at `r` (filled for unacknowledged, outlined otherwise).
    static void paintShape(class QPainter &p, const QRectF &r, int priority, bool filled);

signals:
    void clicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(class QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    AlarmBannerData m_data;
};

} // namespace andon::widgets
