#include "models/tag_table_model.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>
#include <limits>

namespace andon::models {

bool TagTableModel::Row::operator==(const Row &o) const
{
    // updateCount changes with every applied sample, so value/quality/time changes are caught.
    return tag == o.tag && value.updateCount == o.value.updateCount && value.q == o.value.q
        && value.hasValue == o.value.hasValue && sparkline == o.sparkline;
}

TagTableModel::TagTableModel(std::shared_ptr<const PlantModel> plant, const TagStore *store,
                             const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent), m_plant(std::move(plant)), m_store(store), m_clock(clock)
{
    if (m_plant) {
        m_zone = QTimeZone(m_plant->timeZone().toUtf8());
        if (!m_zone.isValid())
            m_zone = QTimeZone::utc();
    }
}

void TagTableModel::setMachine(int machine)
{
    beginResetModel();
    m_rows.clear();
    m_machine = -1;
    if (m_plant && machine >= 0 && machine < static_cast<int>(m_plant->machines.size())) {
        m_machine = machine;
        const auto snapshot = m_store ? m_store->snapshot() : std::vector<TagValue>();
        const TimestampMs now = m_clock->now();
        for (TagId id : m_plant->machines[static_cast<std::size_t>(machine)].tags)
            m_rows.push_back(computeRow(id, snapshot, now));
    }
    endResetModel();
}

TagTableModel::Row TagTableModel::computeRow(TagId tag, const std::vector<TagValue> &snapshot,
                                             TimestampMs now) const
{
    Row row;
    row.tag = tag;
    if (tag < snapshot.size())
        row.value = snapshot[tag];
    const TagDef &def = m_plant->tags[tag];
    if (m_store && def.kind == TagKind::Analog) {
        const auto samples = m_store->recent(tag, now - m_sparklineWindowMs);
        row.sparkline.reserve(static_cast<qsizetype>(samples.size()));
        for (const Sample &s : samples) {
            if (!isBad(s.q) && std::isfinite(s.value) && s.t_ms <= now)
                row.sparkline.append(QPointF(static_cast<double>(s.t_ms), s.value));
        }
    }
    return row;
}

void TagTableModel::refresh()
{
    if (m_rows.empty() || !m_store)
        return;
    const auto snapshot = m_store->snapshot();
    const TimestampMs now = m_clock->now();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        Row next = computeRow(m_rows[i].tag, snapshot, now);
        if (next == m_rows[i])
            continue;
        m_rows[i] = std::move(next);
        const int r = static_cast<int>(i);
        emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
    }
}

QString TagTableModel::formatValue(const PlantModel &plant, const TagDef &tag, double value)
{
    if (!std::isfinite(value))
        return tr("—");
    switch (tag.kind) {
    case TagKind::State: {
        const int code = static_cast<int>(std::lround(value));
        if (tag.machine >= 0 && tag.machine < static_cast<int>(plant.machines.size())) {
            if (const StateDef *def = plant.machines[static_cast<std::size_t>(tag.machine)].state(code))
                return def->name;
        }
        return tr("Unknown state %1").arg(code);
    }
    case TagKind::Bool:
        return value != 0.0 ? tr("On") : tr("Off");
    case TagKind::Analog:
    case TagKind::Counter:
        break;
    }
    const QString number = QLocale().toString(value, 'f', std::max(0, tag.decimals));
    return tag.unit.isEmpty() ? number : number % QChar(u' ') % tag.unit;
}

int TagTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TagTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TagTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const TagDef &def = m_plant->tags[row.tag];
    const TagValue &v = row.value;

    switch (role) {
    case RawValueRole:
        return v.hasValue ? v.value : std::numeric_limits<double>::quiet_NaN();
    case QualityRole: return static_cast<int>(v.q);
    case TimestampRole: return static_cast<qint64>(v.hasValue ? v.t_ms : 0);
    case SparklineRole: return QVariant::fromValue(row.sparkline);
    case TagIdRole: return static_cast<uint>(row.tag);
    case UnitRole: return def.unit;
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return def.path;
        if (!isGood(v.q))
            return qualityDescription(v.q);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case NameColumn: return def.name;
    case ValueColumn: return v.hasValue ? formatValue(*m_plant, def, v.value) : tr("—");
    case TrendColumn: return {};
    case QualityColumn:
        if (!v.hasValue)
            return tr("No data");
        switch (severity(v.q)) {
        case QualitySeverity::Good: return tr("Good");
        case QualitySeverity::Uncertain: return tr("Uncertain");
        case QualitySeverity::Bad: return v.q == Quality::BadStale ? tr("Stale") : tr("Bad");
        }
        return {};
    case TimestampColumn:
        if (!v.hasValue)
            return QString();
        return QDateTime::fromMSecsSinceEpoch(v.t_ms, m_zone)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case DescriptionColumn: return def.description;
    default: return {};
    }
}

QVariant TagTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && section == ValueColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)); // over numbers
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Tag");
    case ValueColumn: return tr("Value");
    case TrendColumn: return tr("Last minutes");
    case QualityColumn: return tr("Quality");
    case TimestampColumn: return tr("Time");
    case DescriptionColumn: return tr("Description");
    default: return {};
    }
}

} // namespace andon::models
