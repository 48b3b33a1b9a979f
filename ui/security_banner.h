// The strip under the alarm banner that says which connections are less secure than the
// default (TLS without hostname check, plain MQTT off the machine, an inline password), on
// every page, in the abnormal (amber) style of HMI-STYLE.md. Hidden when all is secure.
// The notices come from the plant model (core/connection_security.h); owned by MainWindow.
#pragma once

#include "core/connection_security.h"

#include <QWidget>

#include <vector>

class QLabel;

namespace andon::ui {

class SecurityBanner : public QWidget
{
    Q_OBJECT
public:
    explicit SecurityBanner(QWidget *parent = nullptr);

    void setNotices(const std::vector<SecurityNotice> &notices);
    const std::vector<SecurityNotice> &notices() const { return m_notices; }
    QString text() const; // what the strip says, one line per notice

    // "TLS hostname verification is off", "plain MQTT to 10.0.0.5 (not TLS)", ...
    static QString reason(const SecurityNotice &notice);
    // "⚠ Insecure connection: plant-broker — <reason>"
    static QString line(const SecurityNotice &notice);

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    std::vector<SecurityNotice> m_notices;
    QLabel *m_label = nullptr;
};

} // namespace andon::ui
