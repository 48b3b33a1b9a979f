// The tags of one machine as a table (name, value with unit, trend, quality, timestamp in the
// plant's time zone, description) for the machine faceplate. Owned by the faceplate; pulls
// TagStore snapshots on refresh() (driven by a UI timer), never per sample.
#pragma once

#include "core/clock.h"
#include "core/plant_model.h"
#include "core/tag_store.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointF>
#include <QTimeZone>

#include <memory>
#include <vector>

namespace andon::models {

class TagTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, TrendColumn, QualityColumn, TimestampColumn,
                  DescriptionColumn, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // double (NaN before the first sample)
        QualityRole,                     // int(Quality)
        TimestampRole,                   // qint64 UTC ms, 0 = none
        SparklineRole,                   // QList<QPointF> (x = UTC ms), analog tags only
        TagIdRole,
        UnitRole,
    };

    TagTableModel(std::shared_ptr<const PlantModel> plant, const TagStore *store,
                  const Clock *clock = &SystemClock::instance(), QObject *parent = nullptr);

    void setMachine(int machine); // index into PlantModel::machines; -1 = none
    int machine() const { return m_machine; }
    void setSparklineWindowMs(TimestampMs ms) { m_sparklineWindowMs = ms; }

    // Pulls one snapshot and emits dataChanged only for rows that changed.
    void refresh();

    // "73.4 °C", "1234 parts", "Running", "On": a value as a tag displays it (translated).
    static QString formatValue(const PlantModel &plant, const TagDef &tag, double value);
    QTimeZone timeZone() const { return m_zone; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        TagId tag = kInvalidTag;
        TagValue value;
        QList<QPointF> sparkline;
        bool operator==(const Row &o) const;
    };
    Row computeRow(TagId tag, const std::vector<TagValue> &snapshot, TimestampMs now) const;

    std::shared_ptr<const PlantModel> m_plant;
    const TagStore *m_store;
    const Clock *m_clock;
    QTimeZone m_zone;
    int m_machine = -1;
    TimestampMs m_sparklineWindowMs = 5 * 60'000;
    std::vector<Row> m_rows;
};

} // namespace andon::models
