#include "models/machine_tile_model.h"

#include "analytics/rate_estimator.h"

#include <QLocale>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <limits>

namespace andon::models {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

// Worse quality wins: Bad over Uncertain over Good; within a severity the specific sub-code
// (higher number) says more than the generic one.
bool worse(Quality a, Quality b)
{
    const auto sa = static_cast<int>(severity(a));
    const auto sb = static_cast<int>(severity(b));
    if (sa != sb)
        return sa > sb;
    return static_cast<int>(a) > static_cast<int>(b);
}

// A process value label: the tag's description when it fits a tile row, else its name in
// words ("motor_temp" -> "Motor temp"); configuration text, so not translated.
QString processLabel(const TagDef &tag)
{
    constexpr int kMaxLabel = 16;
    if (!tag.description.isEmpty() && tag.description.size() <= kMaxLabel)
        return tag.description;
    QString label = tag.name;
    label.replace(u'_', u' ');
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

constexpr TagRole kQualityRoles[] = {TagRole::State, TagRole::TotalCount, TagRole::GoodCount,
                                     TagRole::RejectCount, TagRole::Rate};

} // namespace

bool MachineTileData::operator==(const MachineTileData &o) const
{
    return machine == o.machine && line == o.line && name == o.name && description == o.description
        && category == o.category && stateCode == o.stateCode && stateName == o.stateName
        && stateText == o.stateText && stateSinceMs == o.stateSinceMs && sameDouble(rate, o.rate)
        && rateComputed == o.rateComputed && sameDouble(goodCount, o.goodCount)
        && sameDouble(rejectCount, o.rejectCount) && quality == o.quality
        && qualityReason == o.qualityReason && sparkline == o.sparkline
        && sparklineLabel == o.sparklineLabel && sameDouble(idealRate, o.idealRate)
        && processValues == o.processValues;
}

MachineTileModel::MachineTileModel(std::shared_ptr<const PlantModel> plant, const TagStore *store,
                                   const Clock *clock, QObject *parent)
    : QAbstractListModel(parent), m_plant(std::move(plant)), m_store(store), m_clock(clock)
{
    if (m_plant)
        m_stateMemory.resize(m_plant->machines.size());
}

void MachineTileModel::setLine(int line)
{
    beginResetModel();
    m_rows.clear();
    m_line = -1;
    const int lineCount = m_plant ? static_cast<int>(m_plant->lines.size()) : 0;
    if (line == AllLines || (line >= 0 && line < lineCount)) {
        m_line = line;
        const auto snapshot = m_store ? m_store->snapshot() : std::vector<TagValue>();
        const TimestampMs now = m_clock->now();
        const int first = line == AllLines ? 0 : line;
        const int last = line == AllLines ? lineCount - 1 : line;
        for (int l = first; l <= last; ++l) {
            for (int machine : m_plant->lines[static_cast<std::size_t>(l)].machines)
                m_rows.push_back(compute(machine, l, snapshot, now));
        }
    }
    endResetModel();
}

void MachineTileModel::refresh()
{
    if (m_rows.empty() || !m_store)
        return;
    const auto snapshot = m_store->snapshot();
    const TimestampMs now = m_clock->now();
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        MachineTileData next = compute(m_rows[row].machine, m_rows[row].line, snapshot, now);
        if (next == m_rows[row])
            continue;
        m_rows[row] = std::move(next);
        const QModelIndex idx = index(static_cast<int>(row));
        emit dataChanged(idx, idx);
    }
}

QString MachineTileModel::categoryText(StateCategory c)
{
    switch (c) {
    case StateCategory::Running: return tr("Running");
    case StateCategory::Idle: return tr("Idle");
    case StateCategory::Starved: return tr("Starved");
    case StateCategory::Blocked: return tr("Blocked");
    case StateCategory::Down: return tr("Down");
    case StateCategory::PlannedStop: return tr("Planned stop");
    case StateCategory::Changeover: return tr("Changeover");
    case StateCategory::Off: return tr("Off");
    case StateCategory::Unknown: break;
    }
    return tr("Unknown");
}

QString MachineTileModel::durationText(TimestampMs ms)
{
    const qint64 minutes = ms / 60'000;
    if (minutes < 1)
        return tr("< 1 min");
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

TimestampMs MachineTileModel::stateSince(int machine, TagId stateTag, const TagValue &state,
                                         TimestampMs now)
{
    // The ring buffer only reaches back a few minutes, so the start of the current state is
    // remembered per machine: a state that outlives the ring keeps its true age. Each refresh
    // looks only at ring samples newer than the last one seen, so a change between two
    // refreshes (even there and back) still restarts the duration at the right sample.
    StateMemory &mem = m_stateMemory[static_cast<std::size_t>(machine)];
    if (!mem.valid) {
        // First look: walk the whole ring backwards while the state holds; the oldest sample
        // with the same code is the best knowledge of when it began.
        const std::vector<Sample> history = m_store->recent(stateTag, 0);
        TimestampMs since = 0;
        TimestampMs newest = 0;
        for (auto it = history.rbegin(); it != history.rend(); ++it) {
            if (isBad(it->q) || it->t_ms > now)
                continue;
            newest = std::max(newest, it->t_ms);
            if (it->value != state.value)
                break;
            since = it->t_ms;
        }
        mem.valid = true;
        mem.code = state.value;
        mem.since = since != 0 ? since : state.t_ms;
        mem.lastSeenMs = std::max(newest, state.t_ms);
        return mem.since;
    }
    const std::vector<Sample> newer = m_store->recent(stateTag, mem.lastSeenMs + 1);
    for (const Sample &s : newer) {
        if (isBad(s.q) || s.t_ms > now)
            continue;
        if (s.value != mem.code) {
            mem.code = s.value;
            mem.since = s.t_ms;
        }
        mem.lastSeenMs = s.t_ms;
    }
    if (mem.code != state.value) {
        // The latest value is not in the ring (e.g. a late sample reordered it): trust it.
        mem.code = state.value;
        mem.since = state.t_ms;
        mem.lastSeenMs = std::max(mem.lastSeenMs, state.t_ms);
    }
    return mem.since;
}

QList<ProcessValue> MachineTileModel::processValues(const Machine &machine,
                                                    const std::vector<TagValue> &snapshot) const
{
    QList<ProcessValue> out;
    const QLocale locale;
    for (TagId id : machine.tags) {
        if (out.size() >= kMaxProcessValues)
            break;
        if (id >= m_plant->tags.size())
            continue;
        const TagDef &tag = m_plant->tags[id];
        if (tag.kind != TagKind::Analog || tag.role != TagRole::None)
            continue;
        ProcessValue pv;
        pv.tag = id;
        pv.label = processLabel(tag);
        pv.unit = tag.unit;
        const TagValue *v = id < snapshot.size() ? &snapshot[id] : nullptr;
        if (v && v->hasValue) {
            pv.valueText = std::isfinite(v->value)
                ? locale.toString(v->value, 'f', std::clamp(tag.decimals, 0, 9))
                : QStringLiteral("—");
            pv.quality = v->q;
        } else {
            pv.valueText = QStringLiteral("—");
            pv.quality = Quality::BadNotConnected;
        }
        if (!isGood(pv.quality))
            pv.qualityReason = qualityDescription(pv.quality);
        out.append(pv);
    }
    return out;
}

MachineTileData MachineTileModel::compute(int machineIndex, int line,
                                          const std::vector<TagValue> &snapshot, TimestampMs now)
{
    const Machine &machine = m_plant->machines[static_cast<std::size_t>(machineIndex)];
    MachineTileData d;
    d.machine = machineIndex;
    d.line = line;
    d.name = machine.name;
    d.description = machine.description;
    d.idealRate = machine.idealRatePerMin;

    auto value = [&](TagId id) -> const TagValue * {
        if (id == kInvalidTag || id >= snapshot.size())
            return nullptr;
        return &snapshot[id];
    };

    // Worst quality over the tags the tile is built from, naming the tag in the reason.
    d.quality = Quality::Good;
    TagId worstTag = kInvalidTag;
    bool anyRoleTag = false;
    for (TagRole role : kQualityRoles) {
        const TagId id = machine.roleTag(role);
        const TagValue *v = value(id);
        if (!v)
            continue;
        anyRoleTag = true;
        if (worse(v->q, d.quality)) {
            d.quality = v->q;
            worstTag = id;
        }
    }
    if (!anyRoleTag)
        d.quality = Quality::BadConfigError;
    if (!isGood(d.quality)) {
        d.qualityReason = worstTag != kInvalidTag
            ? m_plant->tags[worstTag].name % QStringLiteral(": ") % qualityDescription(d.quality)
            : tr("No state, count or rate tag configured");
    }

    // State in words and since when it holds.
    const TagId stateTag = machine.roleTag(TagRole::State);
    const TagValue *state = value(stateTag);
    if (!state || !state->hasValue) {
        d.category = StateCategory::Unknown;
        d.stateText = tr("No data");
    } else {
        d.stateCode = static_cast<int>(std::lround(state->value));
        const StateDef *def = machine.state(d.stateCode);
        d.stateName = def ? def->name : tr("Unknown state %1").arg(d.stateCode);
        const StateCategory lastCategory = def ? def->category : StateCategory::Unknown;
        d.stateSinceMs = stateSince(machineIndex, stateTag, *state, now);

        if (isBad(state->q)) {
            // A stale state is unknown time, never counted as running (HMI-STYLE, ISA-101).
            d.category = StateCategory::Unknown;
            d.stateText = tr("Unknown — last: %1").arg(d.stateName);
        } else {
            d.category = lastCategory;
            const QString word = categoryText(lastCategory);
            const QString duration = durationText(std::max<TimestampMs>(0, now - d.stateSinceMs));
            if (word.compare(d.stateName, Qt::CaseInsensitive) == 0 || !def)
                d.stateText = tr("%1 (%2)").arg(d.stateName, duration);
            else
                d.stateText = tr("%1 — %2 (%3)").arg(word, d.stateName, duration);
        }
    }

    // Counts.
    const TagValue *good = value(machine.roleTag(TagRole::GoodCount));
    const TagValue *reject = value(machine.roleTag(TagRole::RejectCount));
    d.goodCount = good && good->hasValue ? good->value : kNaN;
    d.rejectCount = reject && reject->hasValue ? reject->value : kNaN;

    // Rate: the machine's own rate tag if usable, else estimated from a counter.
    const TagId rateTag = machine.roleTag(TagRole::Rate);
    const TagValue *rate = value(rateTag);
    d.rate = kNaN;
    if (rate && rate->hasValue && !isBad(rate->q)) {
        d.rate = rate->value;
    } else {
        TagId counter = machine.roleTag(TagRole::TotalCount);
        if (counter == kInvalidTag)
            counter = machine.roleTag(TagRole::GoodCount);
        if (counter != kInvalidTag) {
            analytics::RateWindow window;
            window.windowMs = m_rateWindowMs;
            d.rate = analytics::RateEstimator::partsPerMinute(
                m_store->recent(counter, now - m_rateWindowMs), now, window);
            d.rateComputed = true;
        }
    }

    // Sparkline: the rate tag, else the power tag, over the last minutes.
    TagId sparkTag = rateTag;
    if (sparkTag == kInvalidTag) {
        for (TagId id : machine.tags) {
            if (m_plant->tags[id].name == QLatin1String("power")) {
                sparkTag = id;
                break;
            }
        }
    }
    if (sparkTag != kInvalidTag) {
        d.sparklineLabel = m_plant->tags[sparkTag].name;
        const auto samples = m_store->recent(sparkTag, now - m_sparklineWindowMs);
        d.sparkline.reserve(static_cast<qsizetype>(samples.size()));
        for (const Sample &s : samples) {
            if (!isBad(s.q) && std::isfinite(s.value) && s.t_ms <= now)
                d.sparkline.append(QPointF(static_cast<double>(s.t_ms), s.value));
        }
    }
    d.processValues = processValues(machine, snapshot);
    return d;
}

int MachineTileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant MachineTileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MachineTileData &d = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return d.name;
    case Qt::ToolTipRole: return d.qualityReason.isEmpty() ? d.description : d.qualityReason;
    case DescriptionRole: return d.description;
    case StateCategoryRole: return static_cast<int>(d.category);
    case StateCodeRole: return d.stateCode;
    case StateTextRole: return d.stateText;
    case StateSinceRole: return static_cast<qint64>(d.stateSinceMs);
    case RateRole: return d.rate;
    case GoodCountRole: return d.goodCount;
    case RejectCountRole: return d.rejectCount;
    case QualityRole: return static_cast<int>(d.quality);
    case QualityReasonRole: return d.qualityReason;
    case SparklineRole: return QVariant::fromValue(d.sparkline);
    case MachineIndexRole: return d.machine;
    case TileDataRole: return QVariant::fromValue(d);
    case ProcessValuesRole: return QVariant::fromValue(d.processValues);
    default: return {};
    }
}

QHash<int, QByteArray> MachineTileModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{NameRole, "name"},
                  {DescriptionRole, "description"},
                  {StateCategoryRole, "stateCategory"},
                  {StateCodeRole, "stateCode"},
                  {StateTextRole, "stateText"},
                  {StateSinceRole, "stateSince"},
                  {RateRole, "rate"},
                  {GoodCountRole, "goodCount"},
                  {RejectCountRole, "rejectCount"},
                  {QualityRole, "quality"},
                  {QualityReasonRole, "qualityReason"},
                  {SparklineRole, "sparkline"},
                  {MachineIndexRole, "machineIndex"},
                  {TileDataRole, "tileData"},
                  {ProcessValuesRole, "processValues"}});
    return names;
}

} // namespace andon::models
