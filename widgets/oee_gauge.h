// A flat painted gauge for one OEE percentage (Availability, Performance, Quality, OEE): an
// arc from 0 to 100 %, a target marker, the value large with one decimal and its label.
// Calm grey while at or above target; the arc and value turn to the abnormal colour only
// below target (HMI-STYLE.md). An unknown value shows "—" with the reason as tooltip.
// Owned by the page that shows it (ui/oee_page).
#pragma once

#include <QWidget>

#include <optional>

namespace andon::widgets {

class OeeGauge : public QWidget
{
    Q_OBJECT
public:
    explicit OeeGauge(const QString &label, QWidget *parent = nullptr);

    void setLabel(const QString &label);
    QString label() const { return m_label; }
    // `fraction` 0..1 (values above 1 are shown as they are and the arc is full); nullopt =
    // unknown, `unknownReason` says why (tooltip).
    void setValue(std::optional<double> fraction, const QString &unknownReason = QString());
    std::optional<double> value() const { return m_value; }
    void setTarget(std::optional<double> fraction);
    std::optional<double> target() const { return m_target; }

    // What the gauge shows as its value: "71.4" or "—" (tests, accessibility).
    QString valueText() const;
    bool belowTarget() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateToolTip();

    QString m_label;
    std::optional<double> m_value;
    std::optional<double> m_target;
    QString m_unknownReason;
};

} // namespace andon::widgets
