#include "ui/placeholder_page.h"

#include <QLabel>
#include <QVBoxLayout>

namespace andon::ui {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &willShow,
                                 const QString &comesWith, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);

    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    heading->setFont(f);
    layout->addWidget(heading);

    auto *status = new QLabel(tr("Not configured yet"), this);
    QFont sf = status->font();
    sf.setPointSizeF(sf.pointSizeF() * 1.1);
    status->setFont(sf);
    status->setForegroundRole(QPalette::Mid);
    layout->addWidget(status);

    auto *what = new QLabel(tr("This page will show: %1").arg(willShow), this);
    what->setWordWrap(true);
    layout->addWidget(what);

    auto *when = new QLabel(tr("It comes with: %1").arg(comesWith), this);
    when->setWordWrap(true);
    when->setForegroundRole(QPalette::Mid);
    layout->addWidget(when);

    auto *note = new QLabel(tr("Until then this page shows no data, so nothing here can be "
                               "mistaken for a live value."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::Mid);
    layout->addWidget(note);
    layout->addStretch(1);
    for (QLabel *label : {what, when, note})
        label->setMaximumWidth(760);
}

} // namespace andon::ui
