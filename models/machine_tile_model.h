// One row per machine of a selected production line, with what an overview tile shows:
// state in words (and since when), rate, counts, worst data quality and a sparkline.
// Owned by the overview page; pulls TagStore snapshots on refresh() (driven by a UI timer).
#pragma once

#include "core/clock.h"
#include "core/plant_model.h"
#include "core/tag_store.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointF>

#include <memory>
#include <vector>

namespace andon::models {

// Everything one tile displays; a value type so views and tests can compare it.
struct MachineTileData
{
    int machine = -1;           // index into PlantModel::machines
    QString name;
    QString description;
    StateCategory category = StateCategory::Unknown;
    int stateCode = -1;         // -1 = no state received
    QString stateName;          // "Jam at infeed"
    QString stateText;          // "Down — Jam at infeed (12 min)"
    TimestampMs stateSinceMs = 0; // 0 = unknown
    double rate = 0;            // parts/min; NaN = not enough data
    bool rateComputed = false;  // true when estimated from a counter (no rate tag)
    double goodCount = 0;       // NaN = no counter
    double rejectCount = 0;
    Quality quality = Quality::BadNotConnected; // worst of the machine's role tags
    QString qualityReason;      // "" when Good, else "tag: description"
    QList<QPointF> sparkline;   // x = sample time (UTC ms), y = value; absolute so an
                                // unchanged window compares equal between refreshes
    QString sparklineLabel;     // what the sparkline shows ("rate", "power")
    double idealRate = 0;

    bool operator==(const MachineTileData &o) const;
};

class MachineTileModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        DescriptionRole,
        StateCategoryRole, // int(StateCategory)
        StateCodeRole,
        StateTextRole,
        StateSinceRole,    // qint64 UTC ms, 0 = unknown
        RateRole,          // double parts/min, NaN = unknown
        GoodCountRole,
        RejectCountRole,
        QualityRole,       // int(Quality)
        QualityReasonRole,
        SparklineRole,     // QList<QPointF>
        MachineIndexRole,
        TileDataRole,      // MachineTileData
    };

    // `store` and `clock` must outlive the model (the Engine owns the store).
    MachineTileModel(std::shared_ptr<const PlantModel> plant, const TagStore *store,
                     const Clock *clock = &SystemClock::instance(), QObject *parent = nullptr);

    // Selects the line (index into PlantModel::lines); -1 = none. Resets the model.
    void setLine(int line);
    int line() const { return m_line; }

    // How far back the sparkline and the computed rate look.
    void setSparklineWindowMs(TimestampMs ms) { m_sparklineWindowMs = ms; }
    void setRateWindowMs(TimestampMs ms) { m_rateWindowMs = ms; }

    // Pulls one snapshot from the TagStore and emits dataChanged only for changed rows.
    void refresh();

    const MachineTileData &tile(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // "Running", "Down", "Planned stop"...: the category in words (translated).
    static QString categoryText(StateCategory c);
    // "12 min", "1 h 05 min", "< 1 min".
    static QString durationText(TimestampMs ms);

private:
    MachineTileData compute(int machine, const std::vector<TagValue> &snapshot, TimestampMs now,
                            const MachineTileData *previous) const;
    TimestampMs findStateSince(TagId stateTag, double code, TimestampMs now) const;

    std::shared_ptr<const PlantModel> m_plant;
    const TagStore *m_store;
    const Clock *m_clock;
    int m_line = -1;
    TimestampMs m_sparklineWindowMs = 5 * 60'000;
    TimestampMs m_rateWindowMs = 60'000;
    std::vector<MachineTileData> m_rows;
};

} // namespace andon::models

Q_DECLARE_METATYPE(andon::models::MachineTileData)
