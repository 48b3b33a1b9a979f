#include "ui/security_banner.h"

#include "widgets/theme.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace andon::ui {

SecurityBanner::SecurityBanner(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("securityBanner"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("securityBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    layout->addWidget(m_label);
    restyle();
    setVisible(false);
}

QString SecurityBanner::reason(const SecurityNotice &notice)
{
    switch (notice.kind) {
    case SecurityNotice::Kind::TlsHostnameUnchecked:
        return tr("TLS hostname verification is off (tls.insecure): the broker's identity is "
                  "not checked");
    case SecurityNotice::Kind::PlainRemote:
        return tr("plain MQTT to %1 (not TLS): readable and changeable on the network")
                .arg(notice.detail);
    case SecurityNotice::Kind::InlinePassword:
        return tr("inline password in the configuration (%1)").arg(notice.detail);
    }
    return QString();
}

QString SecurityBanner::line(const SecurityNotice &notice)
{
    return tr("⚠ Insecure connection: %1 — %2").arg(notice.connection, reason(notice));
}

void SecurityBanner::setNotices(const std::vector<SecurityNotice> &notices)
{
    m_notices = notices;
    m_label->setText(text());
    setToolTip(notices.empty() ? QString()
                               : tr("See docs/security.md \"Secrets and TLS\" for the secure "
                                    "settings."));
    setVisible(!notices.empty());
}

QString SecurityBanner::text() const
{
    QStringList lines;
    for (const SecurityNotice &n : m_notices)
        lines << line(n);
    return lines.join(QLatin1Char('\n'));
}

void SecurityBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        restyle(); // the theme switched: the outline follows its abnormal colour
    QWidget::changeEvent(event);
}

void SecurityBanner::restyle()
{
    // Abnormal, not an alarm: the amber outline + label of HMI-STYLE.md on the panel colour.
    const widgets::ThemeColors &c = widgets::Theme::colors();
    m_label->setStyleSheet(QStringLiteral("QLabel#securityBannerText { background: %1; color: %2; "
                                          "border: 2px solid %3; padding: 3px 8px; }")
                                   .arg(c.panel.name(), c.text.name(), c.down.name()));
}

} // namespace andon::ui
