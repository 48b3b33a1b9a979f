#include "ui/energy_page_data.h"

#include "core/shift_calendar.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimeZone>

namespace andon::ui {

namespace {

constexpr TimestampMs kHourMs = 3'600'000;
constexpr TimestampMs kTrendStepMs = 60'000; // site power trend: one mean per minute

QTimeZone plantZone(const PlantModel &model)
{
    const QTimeZone z(model.timeZone().toUtf8());
    return z.isValid() ? z : QTimeZone::utc();
}

} // namespace

analytics::TimeWindow energyPeriodWindow(const PlantModel &model, EnergyPeriod period,
                                         TimestampMs nowMs)
{
    const QTimeZone zone = plantZone(model);
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    const auto midnight = [&](const QDate &d) {
        return QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch();
    };
    switch (period) {
    case EnergyPeriod::Yesterday:
        return {midnight(today.addDays(-1)), midnight(today)};
    case EnergyPeriod::Last7Days:
        return {midnight(today.addDays(-6)), nowMs};
    case EnergyPeriod::Today:
        break;
    }
    return {midnight(today), nowMs};
}

EnergyPageData computeEnergyPage(const PlantModel &model, const storage::Historian &historian,
                                 EnergyPeriod period, EnergyBucket bucket, TimestampMs nowMs,
                                 quint64 generation)
{
    QElapsedTimer timer;
    timer.start();
    EnergyPageData d;
    d.generation = generation;
    d.nowMs = nowMs;
    const QTimeZone zone = plantZone(model);
    d.zoneName = QString::fromUtf8(zone.id());
    const auto [from, to] = energyPeriodWindow(model, period, nowMs);
    d.fromMs = from;
    d.toMs = std::max(from + 1, to);
    d.report = EnergyQuery(model, historian).report(d.fromMs, d.toMs);

    // Buckets of the stacked bars.
    const auto local = [&](TimestampMs t) { return QDateTime::fromMSecsSinceEpoch(t, zone); };
    if (bucket == EnergyBucket::Shift && model.calendar.isSet()) {
        for (const ShiftInstance &s : shiftInstances(model.calendar, d.fromMs, d.toMs)) {
            d.buckets.emplace_back(std::max(s.startMs, d.fromMs), std::min(s.endMs, d.toMs));
            d.bucketLabels << s.name + QLatin1Char(' ') + s.day.toString(QStringLiteral("MM-dd"));
        }
    } else if (bucket == EnergyBucket::Hour) {
        // Local hours: whole hours in UTC are whole local hours in zones with whole-hour offsets.
        for (const auto &w : analytics::fixedWindows(d.fromMs, d.toMs, kHourMs)) {
            d.buckets.push_back(w);
            d.bucketLabels << local(w.first).toString(QStringLiteral("HH"));
        }
    } else {
        for (const auto &w : analytics::localDays(d.fromMs, d.toMs, zone)) {
            d.buckets.push_back(w);
            d.bucketLabels << local(w.first).toString(QStringLiteral("ddd MM-dd"));
        }
    }
    for (const MachineEnergy &m : d.report.machines)
        d.kwhByMachineBucket.push_back(analytics::amountsIn(m.slices, d.buckets));

    // Site power per minute (from the main meter's energy, else the metered sum).
    for (const auto &[s, e] : analytics::fixedWindows(d.fromMs, d.toMs, kTrendStepMs)) {
        if (e - s <= 0)
            continue;
        const double kwh = analytics::amountIn(d.report.siteSlices, s, e);
        d.sitePowerKw.emplace_back(s, kwh * double(kHourMs) / double(e - s));
    }

    // kWh per good unit and product: the machines' energy, the lines' output.
    std::map<int, EnergyProductRow> rows;
    for (const MachineEnergy &m : d.report.machines) {
        for (const auto &[code, kwh] : m.kwhByProduct)
            rows[code].kwh += kwh;
    }
    for (const Line &l : model.lines) {
        if (l.machines.empty())
            continue;
        const MachineEnergy &last = d.report.machines[static_cast<std::size_t>(l.machines.back())];
        for (const auto &[code, n] : last.goodByProduct)
            rows[code].good += n;
    }
    for (auto &[code, row] : rows) {
        row.code = code;
        const ProductDef *p = model.product(code);
        row.name = p ? p->name : QString::number(code);
        d.products.push_back(row);
    }
    d.computeMs = double(timer.nsecsElapsed()) / 1e6;
    return d;
}

} // namespace andon::ui
