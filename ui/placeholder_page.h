// A calm "not configured yet" page for views that are not built yet: it says what the page
// will show and which feature brings it, and shows no fake data. Owned by MainWindow.
#pragma once

#include <QWidget>

namespace andon::ui {

class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &willShow, const QString &comesWith,
                    QWidget *parent = nullptr);
};

} // namespace andon::ui
