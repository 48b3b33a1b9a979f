#include "ui/overview_page.h"

#include "engine/engine.h"
#include "models/machine_tile_model.h"
#include "widgets/machine_tile.h"
#include "widgets/theme.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

namespace andon::ui {

namespace {

constexpr int kTileSpacing = 12;

widgets::MachineTileContent toContent(const models::MachineTileData &d)
{
    widgets::MachineTileContent c;
    c.name = d.name;
    c.description = d.description;
    c.category = d.category;
    c.stateText = d.stateText;
    c.rate = d.rate;
    c.rateEstimated = d.rateComputed;
    c.goodCount = d.goodCount;
    c.rejectCount = d.rejectCount;
    c.quality = d.quality;
    c.qualityReason = d.qualityReason;
    c.sparkline = d.sparkline;
    c.sparklineLabel = d.sparklineLabel;
    return c;
}

// A KPI as rich text: caption small and grey, value large, unit lighter (HMI-STYLE numbers).
QString kpiHtml(const QString &caption, const QString &value, const QString &unit)
{
    const auto &c = widgets::Theme::colors();
    QString html = QStringLiteral("<span style='color:%1'>%2</span>&nbsp;&nbsp;"
                                  "<span style='font-size:large; font-weight:600'>%3</span>")
                       .arg(c.secondaryText.name(), caption.toHtmlEscaped(), value.toHtmlEscaped());
    if (!unit.isEmpty())
        html += QStringLiteral("&nbsp;<span style='color:%1'>%2</span>")
                    .arg(c.secondaryText.name(), unit.toHtmlEscaped());
    return html;
}

} // namespace

OverviewPage::OverviewPage(Engine *engine, const Clock *clock, QWidget *parent)
    : QWidget(parent), m_engine(engine)
{
    m_model = new models::MachineTileModel(engine->modelPtr(), &engine->tagStore(), clock, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);

    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    auto *title = new QLabel(tr("Line overview"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);
    header->addWidget(title);
    auto *lineLabel = new QLabel(tr("Line"), this);
    header->addWidget(lineLabel);
    m_lineCombo = new QComboBox(this);
    m_lineCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    lineLabel->setBuddy(m_lineCombo);
    const PlantModel &plant = engine->model();
    for (const Line &line : plant.lines) {
        m_lineCombo->addItem(line.description.isEmpty()
                                 ? line.name
                                 : tr("%1 (%2)").arg(line.description, line.name));
    }
    header->addWidget(m_lineCombo);
    header->addStretch(1);
    m_rateKpi = new QLabel(this);
    m_runningKpi = new QLabel(this);
    m_downKpi = new QLabel(this);
    for (QLabel *kpi : {m_rateKpi, m_runningKpi, m_downKpi}) {
        kpi->setTextFormat(Qt::RichText);
        kpi->setContentsMargins(8, 2, 8, 2);
        header->addWidget(kpi);
    }
    layout->addLayout(header);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->hide();
    layout->addWidget(m_emptyLabel);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid = new QWidget(m_scroll);
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(kTileSpacing);
    m_scroll->setWidget(m_grid);
    layout->addWidget(m_scroll, 1);

    connect(m_lineCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model->setLine(index);
        rebuildTiles();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                for (int row = from.row(); row <= to.row(); ++row)
                    updateTile(row);
                updateKpis();
            });

    if (plant.lines.empty()) {
        m_emptyLabel->setText(tr("The configuration defines no production lines, so there is "
                                 "nothing to show here. Add lines and machines to the plant "
                                 "configuration."));
        m_emptyLabel->show();
        m_lineCombo->setEnabled(false);
    } else {
        m_model->setLine(0);
        rebuildTiles();
    }
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::setLine(int line)
{
    m_lineCombo->setCurrentIndex(line);
}

int OverviewPage::line() const
{
    return m_model->line();
}

void OverviewPage::refresh()
{
    m_model->refresh();
}

void OverviewPage::rebuildTiles()
{
    for (widgets::MachineTile *tile : m_tiles) {
        m_gridLayout->removeWidget(tile);
        delete tile; // owned by m_grid
    }
    m_tiles.clear();
    m_columns = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        auto *tile = new widgets::MachineTile(m_grid);
        const int machine = m_model->tile(row).machine;
        tile->setObjectName(QStringLiteral("tile-") % m_model->tile(row).name);
        connect(tile, &widgets::MachineTile::clicked, this,
                [this, machine] { emit machineActivated(machine); });
        m_tiles.push_back(tile);
        updateTile(row);
    }
    layoutTiles();
    // A layout shows new children of a visible parent only later (queued); show them now so
    // a refresh or grab right after a line change sees the tiles.
    for (widgets::MachineTile *tile : m_tiles)
        tile->show();
    updateKpis();
}

void OverviewPage::layoutTiles()
{
    if (m_tiles.empty())
        return;
    const int minWidth = m_tiles.front()->minimumSizeHint().width();
    const int available = std::max(1, m_scroll->viewport()->width());
    int columns = std::max(1, (available + kTileSpacing) / (minWidth + kTileSpacing));
    columns = std::min<int>(columns, static_cast<int>(m_tiles.size()));
    // Four per row reads best for a typical line; more only on wide screens with many machines.
    if (m_tiles.size() > 4 && columns > 4 && available < 2200)
        columns = 4;
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (widgets::MachineTile *tile : m_tiles)
        m_gridLayout->removeWidget(tile);
    for (std::size_t i = 0; i < m_tiles.size(); ++i)
        m_gridLayout->addWidget(m_tiles[i], static_cast<int>(i) / columns, static_cast<int>(i) % columns,
                                Qt::AlignTop);
    for (int c = 0; c < columns; ++c)
        m_gridLayout->setColumnStretch(c, 1);
    m_gridLayout->setRowStretch(static_cast<int>(m_tiles.size() - 1) / columns + 1, 1);
}

void OverviewPage::updateTile(int row)
{
    if (row < 0 || row >= tileCount())
        return;
    m_tiles[static_cast<std::size_t>(row)]->setContent(toContent(m_model->tile(row)));
}

void OverviewPage::updateKpis()
{
    const int total = m_model->rowCount();
    int running = 0;
    int down = 0;
    double rate = 0;
    bool anyRate = false;
    for (int row = 0; row < total; ++row) {
        const auto &d = m_model->tile(row);
        if (d.category == StateCategory::Running)
            ++running;
        if (d.category == StateCategory::Down)
            ++down;
        if (std::isfinite(d.rate)) {
            rate += d.rate;
            anyRate = true;
        }
    }
    m_rateKpi->setText(kpiHtml(tr("Total rate"),
                               anyRate ? QLocale().toString(rate, 'f', 1) : QStringLiteral("—"),
                               tr("parts/min")));
    m_runningKpi->setText(kpiHtml(tr("Running"), tr("%1 / %2").arg(running).arg(total), QString()));
    m_downKpi->setText(kpiHtml(tr("Down"), QString::number(down), QString()));
    // A down machine is abnormal: outline the KPI in the abnormal colour, nothing else.
    m_downKpi->setStyleSheet(down > 0 ? QStringLiteral("QLabel { border: 2px solid %1; }")
                                            .arg(widgets::Theme::colors().down.name())
                                      : QString());
    m_runningKpi->setToolTip(tr("Machines running / machines on the line"));
}

void OverviewPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutTiles();
}

void OverviewPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateKpis(); // KPI rich text embeds theme colours
}

} // namespace andon::ui
