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
#include <QSpacerItem>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace andon::ui {

namespace {

constexpr int kTileSpacing = 10;
constexpr int kSectionSpacing = 14;
constexpr double kMaxHeaderScale = 2.5;

widgets::MachineTileContent toContent(const models::MachineTileData &d, const PlantModel &plant)
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
    auto pathOf = [&plant](TagId id) {
        return id < plant.tags.size() ? plant.tags[id].path : QString();
    };
    for (const models::ProcessValue &pv : d.processValues)
        c.values.append({pv.label, pv.valueText, pv.unit, pv.quality, pv.qualityReason,
                         pathOf(pv.tag)});
    // "Click any value to trend it": the rate, or the good count it is computed from.
    if (d.machine >= 0 && std::size_t(d.machine) < plant.machines.size()) {
        const Machine &m = plant.machines[std::size_t(d.machine)];
        TagId rate = m.roleTag(TagRole::Rate);
        if (rate == kInvalidTag)
            rate = m.roleTag(TagRole::GoodCount);
        if (rate != kInvalidTag)
            c.ratePath = pathOf(rate);
    }
    return c;
}

// A KPI as rich text: caption grey, value larger and semi-bold, unit lighter (HMI-STYLE
// numbers). Sizes are in the HTML, not in QLabel::setFont(): a style-sheet re-polish (theme
// switch) restores a label's first font and would undo the scaling.
QString kpiHtml(const QString &caption, const QString &value, const QString &unit, int px)
{
    const auto &c = widgets::Theme::colors();
    QString html = QStringLiteral("<span style='color:%1; font-size:%4px'>%2</span>&nbsp;&nbsp;"
                                  "<span style='font-size:%5px; font-weight:600'>%3</span>")
                       .arg(c.secondaryText.name(), caption.toHtmlEscaped(), value.toHtmlEscaped())
                       .arg(px)
                       .arg(px * 13 / 10);
    if (!unit.isEmpty())
        html += QStringLiteral("&nbsp;<span style='color:%1; font-size:%3px; font-weight:300'>%2</span>")
                    .arg(c.secondaryText.name(), unit.toHtmlEscaped())
                    .arg(px);
    return html;
}

} // namespace

OverviewPage::OverviewPage(Engine *engine, const Clock *clock, QWidget *parent)
    : QWidget(parent), m_engine(engine)
{
    m_model = new models::MachineTileModel(engine->modelPtr(), &engine->tagStore(), clock, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 10);
    layout->setSpacing(8);

    auto *header = new QHBoxLayout;
    header->setSpacing(12);
    auto *title = new QLabel(tr("Plant overview"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);
    header->addWidget(title);
    header->addSpacing(12);
    auto *lineLabel = new QLabel(tr("&Show"), this);
    header->addWidget(lineLabel);
    m_lineCombo = new QComboBox(this);
    m_lineCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    lineLabel->setBuddy(m_lineCombo);
    const PlantModel &plant = engine->model();
    m_lineCombo->addItem(tr("All lines"));
    for (const Line &line : plant.lines) {
        m_lineCombo->addItem(line.description.isEmpty()
                                 ? line.name
                                 : tr("%1 (%2)").arg(line.description, line.name));
    }
    header->addWidget(m_lineCombo);
    header->addStretch(1);
    layout->addLayout(header);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->hide();
    layout->addWidget(m_emptyLabel);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_content = new QWidget(m_scroll);
    m_contentLayout = new QVBoxLayout(m_content);
    m_contentLayout->setContentsMargins(0, 0, 0, 0);
    m_contentLayout->setSpacing(kSectionSpacing);
    m_scroll->setWidget(m_content);
    layout->addWidget(m_scroll, 1);

    connect(m_lineCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model->setLine(index <= 0 ? models::MachineTileModel::AllLines : index - 1);
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
        m_model->setLine(models::MachineTileModel::AllLines);
        rebuildTiles();
    }
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::setLine(int line)
{
    const int index = line == AllLines ? 0 : line + 1;
    if (index >= 0 && index < m_lineCombo->count())
        m_lineCombo->setCurrentIndex(index);
}

int OverviewPage::line() const
{
    const int l = m_model->line();
    return l == models::MachineTileModel::AllLines ? AllLines : l;
}

void OverviewPage::refresh()
{
    m_model->refresh();
}

void OverviewPage::rebuildTiles()
{
    // Sections own their tiles; deleting a section deletes its tiles.
    for (Section &section : m_sections) {
        m_contentLayout->removeWidget(section.widget);
        delete section.widget;
    }
    m_sections.clear();
    m_tiles.clear();
    m_headerScale = 0;

    const PlantModel &plant = m_engine->model();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const models::MachineTileData &d = m_model->tile(row);
        if (m_sections.empty() || m_sections.back().line != d.line) {
            Section section;
            section.line = d.line;
            section.firstRow = row;
            section.widget = new QWidget(m_content);
            const QString lineName = d.line >= 0 && d.line < static_cast<int>(plant.lines.size())
                ? plant.lines[static_cast<std::size_t>(d.line)].name : QString();
            const QString lineDescription = d.line >= 0 && d.line < static_cast<int>(plant.lines.size())
                ? plant.lines[static_cast<std::size_t>(d.line)].description : QString();
            section.widget->setObjectName(QStringLiteral("section-") % lineName);
            auto *v = new QVBoxLayout(section.widget);
            v->setContentsMargins(0, 0, 0, 0);
            v->setSpacing(4);
            auto *h = new QHBoxLayout;
            h->setSpacing(6);
            section.titleText = lineDescription.isEmpty() ? lineName : lineDescription;
            section.title = new QLabel(section.widget);
            section.title->setTextFormat(Qt::RichText);
            section.title->setToolTip(lineName);
            h->addWidget(section.title);
            h->addStretch(1);
            section.rate = new QLabel(section.widget);
            section.running = new QLabel(section.widget);
            section.down = new QLabel(section.widget);
            for (QLabel *kpi : {section.rate, section.running, section.down}) {
                kpi->setTextFormat(Qt::RichText);
                kpi->setContentsMargins(8, 1, 8, 1);
                h->addWidget(kpi);
            }
            section.running->setToolTip(tr("Machines running / machines on the line"));
            section.down->setToolTip(tr("Machines in an unplanned stop"));
            v->addLayout(h);
            section.grid = new QGridLayout;
            section.grid->setContentsMargins(0, 0, 0, 0);
            section.grid->setSpacing(kTileSpacing);
            v->addLayout(section.grid, 1);
            m_sections.push_back(section);
        }
        Section &section = m_sections.back();
        auto *tile = new widgets::MachineTile(section.widget);
        const int machine = d.machine;
        tile->setObjectName(QStringLiteral("tile-") % d.name);
        connect(tile, &widgets::MachineTile::clicked, this,
                [this, machine] { emit machineActivated(machine); });
        connect(tile, &widgets::MachineTile::trendRequested, this, &OverviewPage::trendRequested);
        m_tiles.push_back(tile);
        ++section.count;
        updateTile(row);
    }
    for (Section &section : m_sections)
        m_contentLayout->addWidget(section.widget, 1);
    layoutTiles();
    // A layout shows new children of a visible parent only later (queued); show them now so
    // a refresh or grab right after a line change sees the tiles.
    for (Section &section : m_sections)
        section.widget->show();
    updateKpis();
}

void OverviewPage::layoutTiles()
{
    if (m_tiles.empty())
        return;
    // Pick the column count that makes the tiles largest while every line fits on the screen
    // (ISA-101 level 1: no scrolling). Tiles of all lines share one size so the eye can scan
    // down a column; fonts follow the tile size (MachineTile::contentScale).
    const QSize minTile = m_tiles.front()->minimumSizeHint();
    const QSize area = m_scroll->maximumViewportSize();
    const int sections = static_cast<int>(m_sections.size());
    int maxTiles = 1;
    for (const Section &s : m_sections)
        maxTiles = std::max(maxTiles, s.count);
    auto headerHeight = [&](double scale) {
        // The KPI value line (1.3 x the caption size) + label margins and border + spacing.
        return static_cast<int>(std::ceil(QFontMetricsF(font()).height() * scale * 1.3)) + 10;
    };
    auto scaleFor = [&](int columns, double headerScale) {
        int rows = 0;
        for (const Section &s : m_sections)
            rows += (s.count + columns - 1) / columns;
        const double tileW = double(area.width() - (columns - 1) * kTileSpacing) / columns;
        const double tilesH = area.height() - (sections - 1) * kSectionSpacing
            - sections * headerHeight(headerScale) - (rows - sections) * kTileSpacing;
        const double tileH = tilesH / rows;
        return std::min(tileW / minTile.width(), tileH / minTile.height());
    };
    auto emptyCells = [&](int columns) {
        int empty = 0;
        for (const Section &s : m_sections)
            empty += (s.count + columns - 1) / columns * columns - s.count;
        return empty;
    };
    // Near-equal sizes (within 3 %): fewer empty cells wins (2 x 2 rather than 3 + 1), then more
    // columns (one row per line reads best).
    int columns = 1;
    double best = -1;
    for (int c = 1; c <= maxTiles; ++c) {
        const double scale = scaleFor(c, 1.0);
        const bool clearlyBetter = scale > best * 1.03;
        const bool tie = !clearlyBetter && scale >= best / 1.03;
        if (clearlyBetter || (tie && emptyCells(c) <= emptyCells(columns))) {
            best = std::max(best, scale);
            columns = c;
        }
    }
    best = scaleFor(columns, 1.0); // of the layout chosen, which may be a near-tie below the top
    if (best < 1.0) {
        // More lines than fit: keep tiles at their minimum size, as many per row as fit the
        // width, and let the page scroll.
        columns = std::clamp((area.width() + kTileSpacing) / (minTile.width() + kTileSpacing), 1,
                             maxTiles);
    }
    // Section headers grow with the tiles, but less: they are read second.
    double headerScale = std::clamp(1.0 + (best - 1.0) * 0.5, 1.0, kMaxHeaderScale);
    if (best >= 1.0 && scaleFor(columns, headerScale) < 1.0)
        headerScale = 1.0; // larger headers must not push the tiles into scrolling
    if (std::abs(headerScale - m_headerScale) > 0.05) {
        m_headerScale = headerScale;
        updateKpis();
    }

    for (Section &s : m_sections) {
        if (s.columns == columns)
            continue;
        s.columns = columns;
        // Empty cells get a spacer so a short line's tiles keep the common width.
        // Bounded: the grid holds at most count + columns items.
        while (QLayoutItem *item = s.grid->takeAt(0))
            delete item; // a QWidgetItem does not own its widget; a spacer is itself

        for (int i = 0; i < s.count; ++i) {
            s.grid->addWidget(m_tiles[static_cast<std::size_t>(s.firstRow + i)], i / columns,
                              i % columns);
        }
        const int rows = (s.count + columns - 1) / columns;
        for (int i = s.count; i < rows * columns; ++i) {
            s.grid->addItem(new QSpacerItem(0, 0, QSizePolicy::Expanding, QSizePolicy::Minimum),
                            i / columns, i % columns);
        }
        for (int c = 0; c < s.grid->columnCount(); ++c)
            s.grid->setColumnStretch(c, c < columns ? 1 : 0);
        for (int r = 0; r < s.grid->rowCount(); ++r)
            s.grid->setRowStretch(r, r < rows ? 1 : 0);
        m_contentLayout->setStretchFactor(s.widget, rows);
    }
}

void OverviewPage::updateTile(int row)
{
    if (row < 0 || row >= tileCount())
        return;
    m_tiles[static_cast<std::size_t>(row)]->setContent(toContent(m_model->tile(row), m_engine->model()));
}

void OverviewPage::updateKpis()
{
    for (Section &section : m_sections)
        updateKpis(section);
}

void OverviewPage::updateKpis(Section &section)
{
    int running = 0;
    int down = 0;
    for (int row = section.firstRow; row < section.firstRow + section.count; ++row) {
        const auto &d = m_model->tile(row);
        if (d.category == StateCategory::Running)
            ++running;
        if (d.category == StateCategory::Down)
            ++down;
    }
    // Machines of a line work in series, so the line's output is what its last machine (the
    // end of the line in config order) produces; summing the machines' rates would count every
    // part once per station.
    const double rate = section.count > 0 ? m_model->tile(section.firstRow + section.count - 1).rate
                                          : std::numeric_limits<double>::quiet_NaN();
    const bool anyRate = std::isfinite(rate);
    const int px = std::max(
        1, static_cast<int>(std::lround(QFontInfo(font()).pixelSize() * std::max(1.0, m_headerScale))));
    section.title->setText(QStringLiteral("<span style='font-size:%1px; font-weight:700'>%2</span>")
                               .arg(px * 12 / 10)
                               .arg(section.titleText.toHtmlEscaped()));
    section.rate->setText(kpiHtml(tr("Line output"),
                                  anyRate ? QLocale().toString(rate, 'f', 1) : QStringLiteral("—"),
                                  tr("parts/min"), px));
    section.running->setText(
        kpiHtml(tr("Running"), tr("%1 / %2").arg(running).arg(section.count), QString(), px));
    section.down->setText(kpiHtml(tr("Down"), QString::number(down), QString(), px));
    // A down machine is abnormal: outline the KPI in the abnormal colour, nothing else. The
    // border is always there (transparent when normal) so the header never shifts.
    section.down->setStyleSheet(QStringLiteral("QLabel { border: 2px solid %1; }")
                                    .arg(down > 0 ? widgets::Theme::colors().down.name()
                                                  : QStringLiteral("transparent")));
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
    if (event->type() == QEvent::FontChange) {
        m_headerScale = 0;
        layoutTiles();
    }
}

} // namespace andon::ui
