#include "engine/energy_query.h"

#include "engine/oee_query.h"
#include "storage/historian.h"

#include <algorithm>
#include <cmath>

namespace andon {

using analytics::ConsumptionSlice;
using analytics::CounterSample;

namespace {

// A counter may count at most this much faster than its power tag's range high (meters
// round, power spikes above the nominal range).
constexpr double kMaxRateMargin = 1.5;
// Without a main meter the site's energy is the sum of the sub-meters per minute.
constexpr TimestampMs kSiteResampleMs = 60'000;
// Mean power over this long before `now` is the "present" power of the demand forecast.
constexpr TimestampMs kPresentPowerSpanMs = 60'000;
// Flow lags a stop (valves closing, pipe volume): the first minute of a stop is not judged.
constexpr TimestampMs kLeakSettleMs = 60'000;

TagId machineTag(const PlantModel &model, const Machine &m, const QString &name)
{
    for (TagId id : m.tags) {
        if (model.tags[id].name == name)
            return id;
    }
    return kInvalidTag;
}

std::vector<CounterSample> toCounter(const std::vector<Sample> &samples)
{
    std::vector<CounterSample> out;
    out.reserve(samples.size());
    for (const Sample &s : samples)
        out.push_back({s.t_ms, s.value, !isBad(s.q)});
    return out;
}

double maxRate(const PlantModel &model, TagId power)
{
    if (power == kInvalidTag)
        return 0.0;
    const double high = model.tags[power].rangeHigh;
    return std::isfinite(high) && high > 0 ? high * kMaxRateMargin : 0.0;
}

void addEvents(const QString &path, const analytics::CounterResult &c, QStringList *warnings)
{
    for (const analytics::MeterEvent &e : c.events) {
        if (e.kind == analytics::MeterEventKind::Replacement && warnings)
            warnings->append(QStringLiteral("%1: meter replaced or reset at %2 (%3 -> %4): new "
                                            "baseline, the increment across it is not counted")
                                     .arg(path, formatTimestampUtc(e.t))
                                     .arg(e.before)
                                     .arg(e.after));
    }
}

} // namespace

EnergyQuery::EnergyQuery(const PlantModel &model, const storage::Historian &historian,
                         EnergyQueryOptions options)
    : m_model(model), m_historian(historian), m_options(options)
{
}

analytics::Tariff EnergyQuery::tariff(const PlantModel &model)
{
    analytics::Tariff t;
    const QTimeZone zone(model.timeZone().toUtf8());
    t.zone = zone.isValid() ? zone : QTimeZone::utc();
    t.periods = model.energy.tariffPeriods;
    t.defaultName = model.energy.defaultTariffName;
    t.defaultPrice = model.energy.defaultPrice;
    return t;
}

analytics::DemandOptions EnergyQuery::demandOptions(const PlantModel &model)
{
    analytics::DemandOptions o;
    o.windowMs = model.energy.demandWindowMs;
    o.sliding = model.energy.demandSliding;
    o.limitKw = model.energy.demandLimitKw;
    o.warnFraction = model.energy.demandWarnFraction;
    return o;
}

MachineEnergy EnergyQuery::machine(int index, TimestampMs fromMs, TimestampMs toMs) const
{
    MachineEnergy out;
    out.machine = index;
    if (index < 0 || index >= static_cast<int>(m_model.machines.size()))
        return out;
    const Machine &m = m_model.machines[static_cast<std::size_t>(index)];
    out.path = m.path;
    out.name = m.name;
    out.line = m.line;
    const EnergySettings &es = m_model.energy;
    const TimestampMs readFrom = fromMs - m_options.lookbackMs;

    // States, good counts and products exactly as the OEE numbers see them.
    OeeQueryOptions oo;
    oo.lookbackMs = m_options.lookbackMs;
    oo.applyAnnotations = false;
    const analytics::OeeInput in = OeeQuery(m_model, m_historian, oo).input(index, fromMs, toMs);
    out.states = in.states;

    const TagId powerId = machineTag(m_model, m, es.powerTag);
    const TagId energyId = machineTag(m_model, m, es.energyTag);
    analytics::PowerIntegration power;
    if (powerId != kInvalidTag) {
        power = analytics::integratePower(
                toCounter(m_historian.raw(m_model.tags[powerId].path, readFrom, toMs + 1)),
                es.maxPowerGapMs);
        out.powerKwh = analytics::amountIn(power.slices, fromMs, toMs);
    }
    if (energyId != kInvalidTag) {
        const TagDef &tag = m_model.tags[energyId];
        analytics::CounterOptions co;
        co.rollover = tag.rollover;
        co.maxRatePerHour = maxRate(m_model, powerId);
        const analytics::CounterResult c = analytics::counterConsumption(
                toCounter(m_historian.raw(tag.path, readFrom, toMs + 1)), co);
        if (!c.slices.empty()) {
            out.source = QStringLiteral("counter");
            out.slices = c.slices;
            out.meterEvents = c.events;
            addEvents(tag.path, c, &out.warnings);
        }
    }
    if (out.source.isEmpty() && !power.slices.empty()) {
        out.source = QStringLiteral("power");
        out.slices = power.slices;
        if (energyId != kInvalidTag)
            out.warnings << QStringLiteral("%1: no counter readings: energy from the power tag")
                                    .arg(m_model.tags[energyId].path);
    }
    if (out.source.isEmpty())
        out.warnings << QStringLiteral("%1: no energy counter '%2' or power tag '%3' data")
                                .arg(m.path, es.energyTag, es.powerTag);
    out.kwh = analytics::amountIn(out.slices, fromMs, toMs);
    out.idle = analytics::idleEnergy(out.slices, out.states, es.idleStates, fromMs, toMs);
    out.kwhByProduct = analytics::amountByProduct(out.slices, in.products, fromMs, toMs);
    const analytics::Tariff tf = tariff(m_model);
    out.cost = analytics::tariffCost(out.slices, tf, fromMs, toMs).cost;
    // Idle cost at the price of the idle times (idle nights are cheaper than idle peaks).
    std::vector<analytics::TimeWindow> idleWindows;
    for (const analytics::StateInterval &s : out.states) {
        if (std::find(es.idleStates.begin(), es.idleStates.end(), s.category) != es.idleStates.end()
            && std::min(s.endMs, toMs) > std::max(s.startMs, fromMs)) {
            if (!idleWindows.empty() && idleWindows.back().second == std::max(s.startMs, fromMs))
                idleWindows.back().second = std::min(s.endMs, toMs);
            else
                idleWindows.emplace_back(std::max(s.startMs, fromMs), std::min(s.endMs, toMs));
        }
    }
    for (const auto &[a, b] : idleWindows)
        out.idleCost += analytics::tariffCost(out.slices, tf, a, b).cost;

    // Good parts, attributed to the product running when they were counted.
    const TagId goodId = m.roleTag(TagRole::GoodCount);
    std::vector<std::pair<TimestampMs, double>> good;
    if (goodId != kInvalidTag) {
        good = analytics::OeeCalculator::increments(in.good, fromMs, toMs,
                                                    m_model.tags[goodId].rollover);
    } else if (!in.total.empty()) {
        const TagId t = m.roleTag(TagRole::TotalCount);
        good = analytics::OeeCalculator::increments(in.total, fromMs, toMs,
                                                    m_model.tags[t].rollover);
        const TagId r = m.roleTag(TagRole::RejectCount);
        if (r != kInvalidTag) {
            for (auto [time, n] : analytics::OeeCalculator::increments(
                         in.reject, fromMs, toMs, m_model.tags[r].rollover))
                good.emplace_back(time, -n);
        }
    }
    for (const auto &[t, n] : good) {
        out.goodCount += n;
        int product = 0;
        for (const analytics::ProductInterval &p : in.products) {
            if (t >= p.startMs && t < p.endMs)
                product = p.productCode;
        }
        if (product != 0)
            out.goodByProduct[product] += n;
    }
    return out;
}

MeterEnergy EnergyQuery::meter(const QString &name, TagId power, TagId energy,
                               TimestampMs fromMs, TimestampMs toMs, QStringList *warnings) const
{
    MeterEnergy out;
    out.name = name;
    const TimestampMs readFrom = fromMs - m_options.lookbackMs;
    std::vector<CounterSample> powerSamples;
    if (power != kInvalidTag) {
        powerSamples = toCounter(m_historian.raw(m_model.tags[power].path, readFrom, toMs + 1));
        for (const CounterSample &s : powerSamples) {
            if (s.t >= fromMs && s.t <= toMs)
                out.power.push_back(s);
        }
        out.path = m_model.tags[power].path;
    }
    if (energy != kInvalidTag) {
        const TagDef &tag = m_model.tags[energy];
        analytics::CounterOptions co;
        co.rollover = tag.rollover;
        co.maxRatePerHour = maxRate(m_model, power);
        const analytics::CounterResult c = analytics::counterConsumption(
                toCounter(m_historian.raw(tag.path, readFrom, toMs + 1)), co);
        out.path = tag.path;
        if (!c.slices.empty()) {
            out.source = QStringLiteral("counter");
            out.slices = c.slices;
            out.meterEvents = c.events;
            addEvents(tag.path, c, warnings);
        }
    }
    if (out.source.isEmpty() && !powerSamples.empty()) {
        out.slices = analytics::integratePower(powerSamples, m_model.energy.maxPowerGapMs).slices;
        if (!out.slices.empty())
            out.source = QStringLiteral("power");
    }
    if (out.source.isEmpty() && warnings)
        warnings->append(QStringLiteral("meter %1 (%2): no data in the window").arg(name, out.path));
    out.kwh = analytics::amountIn(out.slices, fromMs, toMs);
    return out;
}

EnergyReport EnergyQuery::report(TimestampMs fromMs, TimestampMs toMs) const
{
    EnergyReport r;
    r.fromMs = fromMs;
    r.toMs = toMs;
    const EnergySettings &es = m_model.energy;
    for (int i = 0; i < static_cast<int>(m_model.machines.size()); ++i) {
        r.machines.push_back(machine(i, fromMs, toMs));
        r.machinesKwh += r.machines.back().kwh;
        for (const QString &w : r.machines.back().warnings)
            r.warnings << w;
    }
    if (es.mainPower != kInvalidTag || es.mainEnergy != kInvalidTag) {
        r.main = meter(QStringLiteral("main"), es.mainPower, es.mainEnergy, fromMs, toMs,
                       &r.warnings);
        r.mainKwh = r.main->kwh;
    }
    for (const SubMeterDef &d : es.subMeters) {
        r.subMeters.push_back(meter(d.name, d.power, d.energy, fromMs, toMs, &r.warnings));
        r.subMetersKwh += r.subMeters.back().kwh;
    }
    if (r.main && !r.main->source.isEmpty()) {
        r.unmeteredKwh = r.mainKwh - r.machinesKwh - r.subMetersKwh;
        r.siteSlices = r.main->slices;
    } else {
        // No main meter: the site is what is metered, resampled to one series per minute.
        for (const auto &[s, e] : analytics::fixedWindows(fromMs, toMs, kSiteResampleMs)) {
            double sum = 0.0;
            for (const MachineEnergy &m : r.machines)
                sum += analytics::amountIn(m.slices, s, e);
            for (const MeterEnergy &m : r.subMeters)
                sum += analytics::amountIn(m.slices, s, e);
            r.siteSlices.push_back({s, e, sum});
        }
    }
    r.siteKwh = analytics::amountIn(r.siteSlices, fromMs, toMs);
    if (r.main && !r.main->power.empty()) {
        r.baseLoadKw = analytics::baseLoadKw(r.main->power, fromMs, toMs);
    } else {
        std::vector<CounterSample> perMinute;
        for (const ConsumptionSlice &s : r.siteSlices) {
            if (s.endMs > s.startMs && s.startMs >= fromMs && s.endMs <= toMs)
                perMinute.push_back({s.startMs, s.amount * 3'600'000.0 / double(s.endMs - s.startMs), true});
        }
        r.baseLoadKw = analytics::baseLoadKw(perMinute, fromMs, toMs);
    }
    const analytics::DemandOptions demand = demandOptions(m_model);
    r.demand = analytics::demandWindows(r.siteSlices, fromMs, toMs, demand);
    r.forecast = analytics::forecastDemand(
            r.siteSlices, toMs, analytics::recentKw(r.siteSlices, toMs, kPresentPowerSpanMs), demand);
    r.cost = analytics::tariffCost(r.siteSlices, tariff(m_model), fromMs, toMs);
    r.co2eKg = analytics::co2eKg(r.siteKwh, es.emissionKgPerKwh);

    // Other media per line: totaliser (else flow integrated) and the leak check.
    for (const MediumDef &md : es.media) {
        for (int li = 0; li < static_cast<int>(m_model.lines.size()); ++li) {
            const Line &line = m_model.lines[static_cast<std::size_t>(li)];
            const TagId flow = md.flowTag.isEmpty()
                    ? kInvalidTag
                    : m_model.tagIdByPath(line.path + QLatin1Char('/') + md.flowTag);
            const TagId total = md.totalTag.isEmpty()
                    ? kInvalidTag
                    : m_model.tagIdByPath(line.path + QLatin1Char('/') + md.totalTag);
            if (flow == kInvalidTag && total == kInvalidTag)
                continue;
            MediumLine ml;
            ml.medium = md.name;
            ml.unit = md.unit;
            ml.line = li;
            ml.linePath = line.path;
            ml.leakThreshold = md.leakThreshold;
            std::vector<CounterSample> flowSamples;
            if (flow != kInvalidTag) {
                ml.flowPath = m_model.tags[flow].path;
                flowSamples = toCounter(
                        m_historian.raw(ml.flowPath, fromMs - m_options.lookbackMs, toMs + 1));
            }
            bool counted = false;
            if (total != kInvalidTag) {
                analytics::CounterOptions co;
                co.rollover = m_model.tags[total].rollover;
                const analytics::CounterResult c = analytics::counterConsumption(
                        toCounter(m_historian.raw(m_model.tags[total].path,
                                                  fromMs - m_options.lookbackMs, toMs + 1)),
                        co);
                addEvents(m_model.tags[total].path, c, &r.warnings);
                if (!c.slices.empty()) {
                    ml.total = analytics::amountIn(c.slices, fromMs, toMs);
                    counted = true;
                }
            }
            if (!counted && !flowSamples.empty())
                ml.total = analytics::amountIn(
                        analytics::integratePower(flowSamples, es.maxPowerGapMs).slices, fromMs, toMs);
            ml.cost = ml.total * md.price;
            if (!flowSamples.empty() && std::isfinite(md.leakThreshold)) {
                std::vector<std::vector<analytics::StateInterval>> states;
                for (int mi : line.machines)
                    states.push_back(r.machines[static_cast<std::size_t>(mi)].states);
                analytics::LeakOptions lo;
                lo.threshold = md.leakThreshold;
                lo.minStopMs = md.leakMinMs;
                lo.settleMs = kLeakSettleMs;
                lo.maxGapMs = es.maxPowerGapMs;
                ml.leak = analytics::leakIndication(
                        flowSamples,
                        analytics::windowsInStates(states, md.stoppedStates, fromMs, toMs), lo);
            }
            r.media.push_back(ml);
        }
    }
    return r;
}

} // namespace andon
