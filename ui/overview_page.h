// Line Overview (ISA-101 level 1): a line selector, the line's KPIs and one painted tile per
// machine, refreshed from MachineTileModel at a fixed rate. Owned by MainWindow.
#pragma once

#include "core/clock.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;

namespace andon {
class Engine;
}
namespace andon::models {
class MachineTileModel;
}
namespace andon::widgets {
class MachineTile;
}

namespace andon::ui {

class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    OverviewPage(Engine *engine, const Clock *clock, QWidget *parent = nullptr);
    ~OverviewPage() override;

    void setLine(int line); // index into PlantModel::lines
    int line() const;
    QComboBox *lineSelector() const { return m_lineCombo; }
    int tileCount() const { return static_cast<int>(m_tiles.size()); }
    widgets::MachineTile *tile(int row) const { return m_tiles.at(static_cast<std::size_t>(row)); }
    models::MachineTileModel *model() const { return m_model; }

    // Pulls new data into the model; the tiles and KPIs follow through dataChanged.
    void refresh();

signals:
    void machineActivated(int machine); // index into PlantModel::machines

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuildTiles();
    void layoutTiles();
    void updateTile(int row);
    void updateKpis();

    Engine *m_engine;
    models::MachineTileModel *m_model = nullptr;
    QComboBox *m_lineCombo = nullptr;
    QLabel *m_rateKpi = nullptr;
    QLabel *m_runningKpi = nullptr;
    QLabel *m_downKpi = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_grid = nullptr;
    QGridLayout *m_gridLayout = nullptr;
    std::vector<widgets::MachineTile *> m_tiles;
    int m_columns = 0;
};

} // namespace andon::ui
