#include "ui/trend_menu.h"

#include "ui/trends_page.h"

#include <QCoreApplication>
#include <QMenu>
#include <QObject>

namespace andon::ui {

QStringList allTrendPaths(const std::vector<TrendTarget> &targets)
{
    QStringList all;
    for (const TrendTarget &t : targets) {
        for (const QString &p : t.paths) {
            if (!p.isEmpty() && !all.contains(p) && all.size() < TrendsPage::kMaxPens)
                all << p;
        }
    }
    return all;
}

bool addTrendActions(QMenu *menu, const std::vector<TrendTarget> &targets,
                     const std::function<void(const QStringList &)> &request)
{
    int added = 0;
    for (const TrendTarget &t : targets) {
        if (t.paths.isEmpty())
            continue;
        QAction *a = menu->addAction(QCoreApplication::translate("TrendMenu", "Trend %1").arg(t.label));
        a->setData(t.paths);
        const QStringList paths = t.paths;
        QObject::connect(a, &QAction::triggered, menu, [request, paths] { request(paths); });
        ++added;
    }
    const QStringList all = allTrendPaths(targets);
    if (added > 1 && all.size() > 1) {
        menu->addSeparator();
        QAction *a = menu->addAction(QCoreApplication::translate("TrendMenu", "Trend all"));
        a->setData(all);
        QObject::connect(a, &QAction::triggered, menu, [request, all] { request(all); });
    }
    return added > 0;
}

QMenu *createTrendMenu(const std::vector<TrendTarget> &targets, QWidget *parent,
                       const std::function<void(const QStringList &)> &request)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("trendMenu"));
    if (!addTrendActions(menu, targets, request)) {
        delete menu;
        return nullptr;
    }
    return menu;
}

void popupTrendMenu(QMenu *menu, const QPoint &globalPos)
{
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

std::vector<TrendTarget> tagTargets(const PlantModel &model, const std::vector<TagId> &tags,
                                    const QString &prefix)
{
    std::vector<TrendTarget> out;
    for (TagId id : tags) {
        if (id >= model.tags.size())
            continue;
        const TagDef &t = model.tags[id];
        out.push_back({prefix.isEmpty() ? t.name : prefix + QLatin1Char(' ') + t.name, {t.path}});
    }
    return out;
}

void addPathTarget(std::vector<TrendTarget> *targets, const PlantModel &model,
                   const QString &path, const QString &label)
{
    const TagDef *t = path.isEmpty() ? nullptr : model.tagByPath(path);
    if (t)
        targets->push_back({label.isEmpty() ? t->name : label, {t->path}});
}

} // namespace andon::ui
