// One row per machine of a selected production line (or of every line), with what an overview
// tile shows: state in words (and since when), rate, counts, worst data quality, a sparkline
// and up to three key process values.
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

// A key process value of a machine (an analog tag without a role: motor_temp, power...),
// formatted with the tag's decimals so every view shows the same digits.
struct ProcessValue
{
    TagId tag = kInvalidTag;
    QString label;          // tag description if short, else the tag name in words
    QString valueText;      // "73.4" (locale, tag decimals); "—" = no value yet
    QString unit;           // "°C"
    Quality quality = Quality::BadNotConnected;
    QString qualityReason;  // "" when Good, else the quality in words

    bool operator==(const ProcessValue &o) const = default;
};

// Everything one tile displays; a value type so views and tests can compare it.
struct MachineTileData
{
    int machine = -1;           // index into PlantModel::machines
    int line = -1;              // index into PlantModel::lines (the row's section)
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
    QList<ProcessValue> processValues; // at most kMaxProcessValues, in the machine's tag order

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
        ProcessValuesRole, // QList<ProcessValue>
    };

    // setLine() argument: every line of the plant, in configuration order.
    static constexpr int AllLines = -2;
    static constexpr int kMaxProcessValues = 3;

    // `store` and `clock` must outlive the model (the Engine owns the store).
    MachineTileModel(std::shared_ptr<const PlantModel> plant, const TagStore *store,
                     const Clock *clock = &SystemClock::instance(), QObject *parent = nullptr);

    // Selects the line (index into PlantModel::lines), AllLines, or -1 = none. Resets the model.
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
    // When the current state began, remembered per machine across refreshes and line changes.
    struct StateMemory
    {
        bool valid = false;
        double code = 0;            // state code being tracked
        TimestampMs since = 0;      // first sample with `code` after a different code
        TimestampMs lastSeenMs = 0; // newest ring sample already looked at
    };

    MachineTileData compute(int machine, int line, const std::vector<TagValue> &snapshot,
                            TimestampMs now);
    TimestampMs stateSince(int machine, TagId stateTag, const TagValue &state, TimestampMs now);
    QList<ProcessValue> processValues(const Machine &machine,
                                      const std::vector<TagValue> &snapshot) const;

    std::shared_ptr<const PlantModel> m_plant;
    const TagStore *m_store;
    const Clock *m_clock;
    int m_line = -1;
    TimestampMs m_sparklineWindowMs = 5 * 60'000;
    TimestampMs m_rateWindowMs = 60'000;
    std::vector<MachineTileData> m_rows;
    std::vector<StateMemory> m_stateMemory; // indexed by machine
};

} // namespace andon::models

Q_DECLARE_METATYPE(andon::models::MachineTileData)
Q_DECLARE_METATYPE(andon::models::ProcessValue)
