#include "ui/faceplate_dialog.h"

#include "engine/access_control.h"
#include "engine/alarm_service.h"
#include "engine/engine.h"
#include "models/tag_table_model.h"
#include "ui/access_gate.h"
#include "ui/alarm_settings_dialog.h"
#include "ui/alarms_page.h"
#include "ui/modbus_write_dialog.h"
#include "widgets/sparkline.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace andon::ui {

namespace {

constexpr int kRefreshMs = 200; // 5 Hz, same as the overview

// Paints the trend column as a sparkline and greys + hatches values of stale/bad tags.
class TagDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Width of the widest unit of the table, so every number ends at the same x.
    void setUnitWidth(int px) { m_unitWidth = px; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const auto &c = widgets::Theme::colors();
        const auto q = static_cast<Quality>(index.data(models::TagTableModel::QualityRole).toInt());
        const bool bad = isBad(q);
        QStyleOptionViewItem opt = option;
        if (bad)
            opt.palette.setColor(QPalette::Text, c.secondaryText);
        if (index.column() == models::TagTableModel::TrendColumn) {
            QStyledItemDelegate::paint(painter, opt, index);
            const auto points = index.data(models::TagTableModel::SparklineRole).value<QList<QPointF>>();
            widgets::Sparkline::paint(*painter, QRectF(option.rect.adjusted(4, 4, -4, -4)), points,
                                      c.secondaryText);
        } else if (index.column() == models::TagTableModel::ValueColumn) {
            paintValue(painter, opt, index, bad);
        } else {
            QStyledItemDelegate::paint(painter, opt, index);
        }
        if (bad && index.column() == models::TagTableModel::ValueColumn) {
            QColor hatch = c.hatch;
            hatch.setAlpha(110);
            painter->fillRect(option.rect, QBrush(hatch, Qt::BDiagPattern));
        }
        if (!isGood(q) && index.column() == models::TagTableModel::QualityColumn
            && index.data(models::TagTableModel::TimestampRole).toLongLong() != 0) {
            painter->save();
            painter->setPen(c.text);
            painter->drawText(option.rect.adjusted(0, 0, -6, 0), Qt::AlignRight | Qt::AlignVCenter,
                              QStringLiteral("⚠"));
            painter->restore();
        }
    }

    // HMI-STYLE numbers: value right-aligned in a column of its own, unit after it in a lighter
    // weight and colour ("53.4 °C" / "52.0 parts/min" line up on the last digit).
    void paintValue(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                    bool bad) const
    {
        const auto &c = widgets::Theme::colors();
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        QString number = opt.text;
        QString unit = index.data(models::TagTableModel::UnitRole).toString();
        if (!unit.isEmpty() && number.endsWith(QLatin1Char(' ') + unit))
            number.chop(unit.size() + 1);
        else
            unit.clear();
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const QRect r = option.rect.adjusted(4, 0, -6, 0);
        const int unitRight = r.right();
        const int numberRight = m_unitWidth > 0 ? unitRight - m_unitWidth - 5 : unitRight;
        painter->save();
        QFont numberFont = option.font;
        painter->setFont(numberFont);
        painter->setPen(bad ? c.secondaryText : c.text);
        painter->drawText(QRect(r.left(), r.top(), numberRight - r.left() + 1, r.height()),
                          Qt::AlignRight | Qt::AlignVCenter, number);
        if (!unit.isEmpty()) {
            QFont unitFont = option.font;
            unitFont.setWeight(QFont::Light);
            painter->setFont(unitFont);
            painter->setPen(c.secondaryText);
            painter->drawText(QRect(numberRight + 5, r.top(), m_unitWidth + 1, r.height()),
                              Qt::AlignLeft | Qt::AlignVCenter, unit);
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() == models::TagTableModel::TrendColumn)
            s.setWidth(std::max(s.width(), 140));
        if (index.column() == models::TagTableModel::ValueColumn)
            s.setWidth(s.width() + 16);
        s.setHeight(std::max(s.height(), option.fontMetrics.height() + 10));
        return s;
    }

private:
    int m_unitWidth = 0;
};

} // namespace

FaceplateDialog::FaceplateDialog(Engine *engine, const Clock *clock, int machine, QWidget *parent)
    : QDialog(parent), m_engine(engine), m_clock(clock), m_machine(machine)
{
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose);
    const PlantModel &plant = engine->model();
    const Machine &m = plant.machines.at(static_cast<std::size_t>(machine));
    setWindowTitle(tr("Faceplate — %1").arg(m.name));
    setObjectName(QStringLiteral("faceplate-") % m.name);

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    title->setFont(f);
    title->setText(m.description.isEmpty() ? m.name : tr("%1 — %2").arg(m.name, m.description));
    layout->addWidget(title);

    auto *path = new QLabel(m.path, this);
    path->setForegroundRole(QPalette::Mid);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(path);

    m_model = new models::TagTableModel(engine->modelPtr(), &engine->tagStore(), clock, this);
    m_model->setMachine(machine);

    auto *zone = new QLabel(tr("Times in %1").arg(QString::fromUtf8(m_model->timeZone().id())), this);
    zone->setForegroundRole(QPalette::Mid);
    layout->addWidget(zone);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    auto *delegate = new TagDelegate(m_table);
    int unitWidth = 0;
    // Measure with the font the delegate paints units in, after the theme's style sheet applied.
    m_table->ensurePolished();
    QFont unitFont = m_table->font();
    unitFont.setWeight(QFont::Light);
    const QFontMetrics tableFm(unitFont);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString unit = m_model->index(row, models::TagTableModel::ValueColumn)
                                 .data(models::TagTableModel::UnitRole).toString();
        unitWidth = std::max(unitWidth, tableFm.horizontalAdvance(unit));
    }
    delegate->setUnitWidth(unitWidth);
    m_table->setItemDelegate(delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setWordWrap(false);
    m_table->resizeColumnsToContents();
    // Room for the widest value a tag can show plus its unit: the first refresh may come before
    // any data, so the width cannot be taken from the current contents alone.
    const int numberWidth = m_table->fontMetrics().horizontalAdvance(QStringLiteral("-888,888.888"));
    m_table->setColumnWidth(models::TagTableModel::ValueColumn,
                            std::max(m_table->columnWidth(models::TagTableModel::ValueColumn),
                                     numberWidth + 5 + unitWidth + 16));
    m_table->setColumnWidth(models::TagTableModel::TrendColumn, 150);
    m_table->setColumnWidth(models::TagTableModel::QualityColumn,
                            std::max(m_table->columnWidth(models::TagTableModel::QualityColumn), 110));
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    QPushButton *trend = buttons->addButton(tr("Trend"), QDialogButtonBox::ActionRole);
    trend->setObjectName(QStringLiteral("faceplateTrend"));
    trend->setToolTip(tr("Show the selected tags on the Trends page (or double-click a row)"));
    trend->setAutoDefault(false);
    connect(trend, &QPushButton::clicked, this, [this] {
        QStringList paths = selectedTagPaths();
        if (paths.isEmpty()) {
            // Nothing selected: every analog tag of the machine (state and counters aside).
            for (TagId id : m_engine->model().machines.at(std::size_t(m_machine)).tags) {
                const TagDef &t = m_engine->model().tags[id];
                if (t.kind == TagKind::Analog)
                    paths << t.path;
            }
        }
        if (!paths.isEmpty())
            emit trendRequested(paths);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const TagId tag = static_cast<TagId>(
            index.siblingAtColumn(0).data(models::TagTableModel::TagIdRole).toUInt());
        if (tag < m_engine->model().tags.size())
            emit trendRequested({m_engine->model().tags[tag].path});
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    // Writes exist only for tags whose Modbus binding allows them (writable: true).
    const bool anyWritable = std::any_of(plant.tags.begin(), plant.tags.end(), [machine](const TagDef &t) {
        return t.machine == machine && t.modbus && t.modbus->writable;
    });
    if (anyWritable) {
        m_writeButton = buttons->addButton(tr("Write…"), QDialogButtonBox::ActionRole);
        m_writeButton->setObjectName(QStringLiteral("faceplateWrite"));
        m_writeButton->setToolTip(tr("Write a new value to the selected tag's Modbus device "
                                     "(asks for confirmation; recorded in the audit journal)"));
        m_writeButton->setEnabled(false);
        // Writable tag selected and a role that may write (Engineer): else greyed out, with
        // the missing role as the tooltip.
        const auto updateWrite = [this] {
            const TagId tag = selectedTag();
            const PlantModel &p = m_engine->model();
            gateWidget(m_writeButton, *m_engine, Action::ModbusWrite,
                       tag < p.tags.size() && p.tags[tag].modbus && p.tags[tag].modbus->writable);
        };
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                updateWrite);
        connect(m_engine->access(), &AccessControl::userChanged, this, updateWrite);
        updateWrite();
        connect(m_writeButton, &QPushButton::clicked, this, [this] { openWriteDialog(selectedTag()); });
    }
    // The machine's alarms (ISA-18.2 states), refreshed with the tag table.
    const bool hasAlarms = std::any_of(plant.alarms.begin(), plant.alarms.end(),
                                       [machine](const AlarmDef &a) {
                                           return a.machine == machine || a.stateMachine == machine;
                                       });
    if (hasAlarms) {
        auto *alarmsTitle = new QLabel(tr("Alarms"), this);
        QFont bold = alarmsTitle->font();
        bold.setBold(true);
        alarmsTitle->setFont(bold);
        layout->addWidget(alarmsTitle);
        m_alarmTable = new QTableWidget(0, 5, this);
        m_alarmTable->setObjectName(QStringLiteral("faceplateAlarms"));
        m_alarmTable->setHorizontalHeaderLabels(
                { tr("Priority"), tr("Since"), tr("Message"), tr("Value"), tr("State") });
        m_alarmTable->verticalHeader()->setVisible(false);
        m_alarmTable->horizontalHeader()->setStretchLastSection(true);
        m_alarmTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_alarmTable->setSelectionMode(QAbstractItemView::NoSelection);
        m_alarmTable->setColumnWidth(0, m_alarmTable->fontMetrics().horizontalAdvance(
                                                QStringLiteral("■ 1 Critical")) + 24);
        m_alarmTable->setColumnWidth(2, 420);
        m_alarmTable->setMaximumHeight(m_alarmTable->fontMetrics().height() * 7);
        layout->addWidget(m_alarmTable);
        // Limits, delays and priority of this machine's alarms (Engineer; audited): the first
        // alarm that is not normal is shown first.
        QStringList ids;
        for (const AlarmDef &a : plant.alarms)
            if (a.machine == machine && !a.external)
                ids << a.id;
        QPushButton *settings = buttons->addButton(tr("Alarm settings…"),
                                                   QDialogButtonBox::ActionRole);
        settings->setObjectName(QStringLiteral("faceplateAlarmSettings"));
        settings->setToolTip(tr("Change the limits, deadbands, delays or priorities of this "
                                "machine's alarms (recorded in the audit journal)"));
        settings->setAutoDefault(false);
        const auto gateSettings = [this, settings, any = !ids.isEmpty()] {
            gateWidget(settings, *m_engine, Action::EditAlarmSettings,
                       any && m_engine->historian() != nullptr);
        };
        connect(m_engine->access(), &AccessControl::userChanged, this, gateSettings);
        gateSettings();
        connect(settings, &QPushButton::clicked, this, [this, ids] {
            QString first;
            const PlantModel &p = m_engine->model();
            for (const analytics::AlarmStatus &st : m_engine->alarms()->snapshot()) {
                const QString &id = p.alarms[std::size_t(st.index)].id;
                if (first.isEmpty() && st.state != analytics::AlarmState::Normal
                    && ids.contains(id))
                    first = id;
            }
            auto *dialog = new AlarmSettingsDialog(m_engine, ids, first, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    }
    layout->addWidget(buttons);

    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &FaceplateDialog::refresh);
    m_timer->start();

    resize(900, m_alarmTable ? 560 : 420);
}

void FaceplateDialog::refresh()
{
    m_model->refresh();
    if (m_alarmTable)
        fillMachineAlarmTable(m_alarmTable, *m_engine, m_machine);
}

QStringList FaceplateDialog::selectedTagPaths() const
{
    QStringList paths;
    const PlantModel &p = m_engine->model();
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        const auto tag = static_cast<TagId>(row.data(models::TagTableModel::TagIdRole).toUInt());
        if (tag < p.tags.size())
            paths << p.tags[tag].path;
    }
    return paths;
}

TagId FaceplateDialog::selectedTag() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return kInvalidTag;
    return static_cast<TagId>(rows.first().data(models::TagTableModel::TagIdRole).toUInt());
}

ModbusWriteDialog *FaceplateDialog::openWriteDialog(TagId tag)
{
    const PlantModel &p = m_engine->model();
    if (tag >= p.tags.size() || !p.tags[tag].modbus || !p.tags[tag].modbus->writable)
        return nullptr;
    auto *dialog = new ModbusWriteDialog(m_engine, tag, this); // deletes itself on close
    dialog->open();
    return dialog;
}

} // namespace andon::ui
