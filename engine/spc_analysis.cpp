#include "engine/spc_analysis.h"

#include "core/shift_calendar.h"
#include "engine/spc_limits_store.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace andon {

using namespace analytics::spc;

namespace {

// Separates product and shift inside Measurement::partition (a control character no product
// name contains).
constexpr QChar kPartitionSeparator(0x1F);
// How far before the window the product running on the machine is looked up (the product tag
// is published on change and periodically; a day covers any realistic silence).
constexpr TimestampMs kProductLookbackMs = 24 * 3600'000;

QString productName(const PlantModel &model, double value)
{
    const int code = static_cast<int>(std::lround(value));
    const ProductDef *def = model.product(code);
    return def && !def->name.isEmpty() ? def->name : QString::number(code);
}

bool isIndividualsChart(ChartType type)
{
    return type == ChartType::IMR || type == ChartType::Ewma || type == ChartType::Cusum;
}

} // namespace

std::vector<SpcCharacteristic> spcCharacteristics(const PlantModel &model)
{
    std::vector<SpcCharacteristic> out;
    for (const TagDef &t : model.tags) {
        if (!t.spec)
            continue;
        SpcCharacteristic c;
        c.tag = t.id;
        c.path = t.path;
        c.machine = t.machine;
        c.name = t.machine >= 0 && t.machine < int(model.machines.size())
            ? model.machines[std::size_t(t.machine)].name + QLatin1Char(' ') + t.name
            : t.name;
        c.unit = t.unit;
        c.decimals = t.decimals;
        c.spec = *t.spec;
        out.push_back(std::move(c));
    }
    return out;
}

int spcEffectiveSubgroupSize(const SpcSettings &settings)
{
    return isIndividualsChart(settings.chart) ? 1 : std::max(kMinSubgroupSize,
                                                            settings.subgroupSize);
}

TimestampMs spcAlignedStart(const PlantModel &model, TimestampMs tMs)
{
    if (model.calendar.isSet()) {
        for (const ShiftInstance &s : shiftInstances(model.calendar, tMs, tMs + 1)) {
            if (s.contains(tMs))
                return s.startMs;
        }
    }
    QTimeZone zone(model.calendar.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(tMs, zone);
    return QDateTime(local.date(), QTime(0, 0), zone).toMSecsSinceEpoch();
}

SpcAnalysis analyseSpc(const PlantModel &model, const storage::Historian &historian,
    const SpcLimitsStore *store, const SpcCharacteristic &characteristic,
    const SpcSettings &settings, TimestampMs fromMs, TimestampMs toMs)
{
    SpcAnalysis a;
    a.characteristic = characteristic;
    a.fromMs = fromMs;
    a.toMs = toMs;

    // Product running on the machine: its `product` role tag.
    std::vector<Sample> products;
    if (characteristic.machine >= 0 && characteristic.machine < int(model.machines.size())) {
        const TagId p
            = model.machines[std::size_t(characteristic.machine)].roleTag(TagRole::Product);
        if (p != kInvalidTag)
            products = historian.raw(model.tags[std::size_t(p)].path,
                fromMs - kProductLookbackMs, toMs);
    }
    const std::vector<ShiftInstance> shifts = model.calendar.isSet()
        ? shiftInstances(model.calendar, fromMs, toMs + 1)
        : std::vector<ShiftInstance> {};

    std::vector<Measurement> rows;
    std::size_t p = 0, s = 0;
    QString product;
    for (const Sample &x : historian.raw(characteristic.path, fromMs, toMs)) {
        while (p < products.size() && products[p].t_ms <= x.t_ms) {
            if (isGood(products[p].q) && std::isfinite(products[p].value))
                product = productName(model, products[p].value);
            ++p;
        }
        if (!isGood(x.q) || !std::isfinite(x.value)) {
            ++a.skipped;
            continue;
        }
        while (s < shifts.size() && shifts[s].endMs <= x.t_ms)
            ++s;
        QString shift;
        if (s < shifts.size() && shifts[s].contains(x.t_ms))
            shift = shifts[s].name + QLatin1Char(' ') + shifts[s].day.toString(Qt::ISODate);
        rows.push_back(
            Measurement { x.value, 1.0, x.t_ms, {}, product + kPartitionSeparator + shift });
    }
    a.samples = int(rows.size());

    SubgroupOptions sub;
    sub.mode = SubgroupMode::Consecutive;
    sub.size = spcEffectiveSubgroupSize(settings);
    QStringList warnings;
    std::vector<Subgroup> all = formSubgroups(rows, sub, &warnings);
    if (!warnings.isEmpty()) {
        // Cut-short subgroups at product or shift changes are expected in live data: one line.
        a.warnings << QStringLiteral("%1 incomplete subgroups at product or shift changes left "
                                     "out")
                          .arg(warnings.size());
    }

    QStringList order;
    QHash<QString, std::pair<std::vector<Subgroup>, std::vector<QString>>> byProduct;
    for (Subgroup &g : all) {
        const qsizetype cut = g.partition.indexOf(kPartitionSeparator);
        const QString prod = g.partition.left(cut);
        const QString shift = g.partition.mid(cut + 1);
        if (!byProduct.contains(prod))
            order << prod;
        auto &[groups, shiftNames] = byProduct[prod];
        g.partition = prod;
        g.label = QString::number(groups.size() + 1);
        groups.push_back(std::move(g));
        shiftNames.push_back(shift);
    }

    for (const QString &prod : order) {
        auto &[groups, shiftNames] = byProduct[prod];
        SpcChart chart;
        chart.product = prod;
        chart.shifts = std::move(shiftNames);
        std::optional<ControlLimits> frozen;
        if (store && settings.useFrozen)
            frozen = store->current(characteristic.path, prod, settings.chart);
        if (frozen) {
            chart.result = computeChart(settings.chart, groups, *frozen, settings.rules);
            chart.frozen = true;
        } else {
            ChartOptions o;
            o.baselineCount = std::min<int>(settings.baselineSubgroups, int(groups.size()));
            o.rules = settings.rules;
            QString error;
            std::optional<ChartResult> r = analyse(settings.chart, groups, o, &error);
            if (!r) {
                chart.error = error;
                chart.result.type = settings.chart;
                chart.result.subgroups = std::move(groups);
                a.charts.push_back(std::move(chart));
                continue;
            }
            chart.result = std::move(*r);
        }
        if (std::isfinite(characteristic.spec.lsl) || std::isfinite(characteristic.spec.usl)) {
            std::vector<double> values;
            for (const Subgroup &g : chart.result.subgroups)
                values.insert(values.end(), g.values.begin(), g.values.end());
            chart.capability = computeCapability(values, chart.result.limits.sigma,
                characteristic.spec);
        }
        a.charts.push_back(std::move(chart));
    }
    return a;
}

std::optional<ControlLimits> spcBaselineLimits(
    const SpcChart &chart, const SpcSettings &settings, QString *error)
{
    ChartOptions o;
    o.baselineCount
        = std::min<int>(settings.baselineSubgroups, int(chart.result.subgroups.size()));
    o.rules = settings.rules;
    return estimateLimits(settings.chart, chart.result.subgroups, o, error);
}

std::vector<SpcCondition> spcMachineConditions(const PlantModel &model,
    const storage::Historian &historian, const SpcCharacteristic &characteristic, TimestampMs tMs,
    TimestampMs lookbackMs)
{
    std::vector<SpcCondition> out;
    if (characteristic.machine < 0 || characteristic.machine >= int(model.machines.size()))
        return out;
    for (TagId id : model.machines[std::size_t(characteristic.machine)].tags) {
        const TagDef &t = model.tags[std::size_t(id)];
        if (t.kind != TagKind::Analog || t.spec || t.id == characteristic.tag
            || (t.role != TagRole::None && t.role != TagRole::Rate))
            continue;
        SpcCondition c;
        c.name = t.name;
        c.unit = t.unit;
        c.decimals = t.decimals;
        const std::vector<Sample> samples = historian.raw(t.path, tMs - lookbackMs, tMs);
        for (auto it = samples.rbegin(); it != samples.rend(); ++it) {
            if (isGood(it->q) && std::isfinite(it->value)) {
                c.value = it->value;
                c.t = it->t_ms;
                break;
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace andon
