// "Click any value to trend it" (HMI-STYLE.md, issue 9): the "Trend ‹tag›" context menus the
// level-2 pages (OEE, Energy, SPC, Maintenance) share. A page lists what a value stands for as
// targets; the menu's actions hand their tag paths to the page, which emits trendRequested.
#pragma once

#include "core/plant_model.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QMenu;
class QPoint;
class QWidget;

namespace andon::ui {

struct TrendTarget
{
    QString label;     // what follows "Trend ": a tag name, "press state"
    QStringList paths; // tag paths (one pen each)
};

// A menu with one "Trend ‹label›" action per target (its data() holds the paths) and, when there
// are several, "Trend all" (at most TrendsPage::kMaxPens pens); triggering one calls `request`.
// Null when there is no target. The caller owns the menu.
QMenu *createTrendMenu(const std::vector<TrendTarget> &targets, QWidget *parent,
                       const std::function<void(const QStringList &)> &request);
// Adds the same entries to `menu` (a submenu of a larger menu); false when there is none.
bool addTrendActions(QMenu *menu, const std::vector<TrendTarget> &targets,
                     const std::function<void(const QStringList &)> &request);
// Every path of the targets, in order, without duplicates, at most TrendsPage::kMaxPens.
QStringList allTrendPaths(const std::vector<TrendTarget> &targets);
// Pops `menu` up at `globalPos` and deletes it when it closes (nothing for null).
void popupTrendMenu(QMenu *menu, const QPoint &globalPos);

// A target for each given tag (skipping invalid ids), labelled "‹prefix› ‹tag name›" (or the
// tag name alone when `prefix` is empty).
std::vector<TrendTarget> tagTargets(const PlantModel &model, const std::vector<TagId> &tags,
                                    const QString &prefix = QString());
// A target for a tag path (skipped when the plant has no such tag).
void addPathTarget(std::vector<TrendTarget> *targets, const PlantModel &model,
                   const QString &path, const QString &label = QString());

} // namespace andon::ui
