// Plant / line overview (ISA-101 level 1): by default every line of the plant as a section
// (line name, its KPIs, its machine tiles in a row), or one line picked in the selector.
// Tiles and fonts grow to fill the screen; refreshed from MachineTileModel at a fixed rate.
// Owned by MainWindow.
#pragma once

#include "core/clock.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;
class QVBoxLayout;

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
    // setLine() argument: all lines of the plant (the default view).
    static constexpr int AllLines = -1;

    OverviewPage(Engine *engine, const Clock *clock, QWidget *parent = nullptr);
    ~OverviewPage() override;

    void setLine(int line); // index into PlantModel::lines, or AllLines
    int line() const;       // AllLines or the selected line
    QComboBox *lineSelector() const { return m_lineCombo; }
    QScrollArea *scrollArea() const { return m_scroll; }
    // The tiles shown, in model row order (line by line).
    int tileCount() const { return static_cast<int>(m_tiles.size()); }
    widgets::MachineTile *tile(int row) const { return m_tiles.at(static_cast<std::size_t>(row)); }
    int sectionCount() const { return static_cast<int>(m_sections.size()); }
    models::MachineTileModel *model() const { return m_model; }

    // Pulls new data into the model; the tiles and KPIs follow through dataChanged.
    void refresh();

signals:
    void machineActivated(int machine); // index into PlantModel::machines
    void trendRequested(const QStringList &tagPaths); // a tile's context menu "Trend …"

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // One line: a header with the line's KPIs and a grid with its tiles.
    struct Section
    {
        int line = -1;
        int firstRow = 0; // model rows [firstRow, firstRow + count)
        int count = 0;
        int columns = 0;
        QString titleText; // line description, else its name
        QWidget *widget = nullptr;
        QLabel *title = nullptr;
        QLabel *rate = nullptr;
        QLabel *running = nullptr;
        QLabel *down = nullptr;
        QGridLayout *grid = nullptr;
    };

    void rebuildTiles();
    void layoutTiles();
    void updateTile(int row);
    void updateKpis();
    void updateKpis(Section &section);

    Engine *m_engine;
    models::MachineTileModel *m_model = nullptr;
    QComboBox *m_lineCombo = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_contentLayout = nullptr;
    std::vector<Section> m_sections;
    std::vector<widgets::MachineTile *> m_tiles;
    double m_headerScale = 0;
};

} // namespace andon::ui
