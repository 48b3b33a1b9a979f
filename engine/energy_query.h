// Reads energy counters, power, machine states, good counts, products and media flows from the
// historian for a time window and turns them into analytics/energy inputs and results: energy
// per machine (counter first, power integration as fallback and cross-check), idle energy,
// the main meter with its unmetered rest, demand, cost, CO2e and leak checks per line.
// Used by andon-cli energy and the Energy page; stateless (docs/energy.md).
#pragma once

#include "analytics/energy.h"
#include "core/plant_model.h"

#include <QStringList>

#include <map>
#include <optional>

namespace andon::storage {
class Historian;
}

namespace andon {

struct EnergyQueryOptions
{
    // History read before `from`: the counter baselines, the state and product at the start.
    TimestampMs lookbackMs = 2 * 3'600'000;
};

struct MachineEnergy
{
    int machine = -1;
    int line = -1;
    QString path;
    QString name;
    QString source;           // "counter", "power" or "" (no data)
    std::vector<analytics::ConsumptionSlice> slices; // kWh from the source
    double kwh = 0.0;         // in [from, to)
    double powerKwh = std::numeric_limits<double>::quiet_NaN(); // power integration, cross-check
    analytics::IdleEnergy idle;
    std::vector<analytics::StateInterval> states;
    std::map<int, double> kwhByProduct;
    double cost = 0.0;        // by the time-of-use tariff
    double idleCost = 0.0;    // of the idle energy, by the tariff at the idle times
    double goodCount = 0.0;
    std::map<int, double> goodByProduct;
    std::vector<analytics::MeterEvent> meterEvents;
    QStringList warnings;
};

struct MeterEnergy
{
    QString name;             // "main", or the sub-meter's name
    QString path;             // energy counter path (or power path when only that exists)
    QString source;
    std::vector<analytics::ConsumptionSlice> slices;
    double kwh = 0.0;
    std::vector<analytics::CounterSample> power; // kW samples in the window (trend)
    std::vector<analytics::MeterEvent> meterEvents;
};

struct MediumLine
{
    QString medium;           // MediumDef::name
    QString unit;
    int line = -1;
    QString linePath;
    QString flowPath;
    double total = 0.0;       // from the totaliser (else the flow integrated)
    double cost = 0.0;
    analytics::LeakResult leak;
    double leakThreshold = std::numeric_limits<double>::quiet_NaN();
};

struct EnergyReport
{
    TimestampMs fromMs = 0, toMs = 0;
    std::vector<MachineEnergy> machines;          // every machine, in config order
    std::optional<MeterEnergy> main;
    std::vector<MeterEnergy> subMeters;
    double machinesKwh = 0.0, subMetersKwh = 0.0;
    double mainKwh = std::numeric_limits<double>::quiet_NaN();
    double unmeteredKwh = std::numeric_limits<double>::quiet_NaN(); // main - machines - subs
    double siteKwh = 0.0;     // main when metered, else machines + sub-meters
    double baseLoadKw = std::numeric_limits<double>::quiet_NaN();
    analytics::DemandResult demand;               // of the main meter (else Σ of the rest)
    std::optional<analytics::DemandForecast> forecast; // for the window running at `to`
    analytics::CostResult cost;                   // of the site energy
    double co2eKg = std::numeric_limits<double>::quiet_NaN();
    std::vector<MediumLine> media;
    QStringList warnings;

    // The site's energy over time: the main meter's slices, or without one the machines and
    // sub-meters summed per minute.
    std::vector<analytics::ConsumptionSlice> siteSlices;
};

class EnergyQuery
{
public:
    EnergyQuery(const PlantModel &model, const storage::Historian &historian,
                EnergyQueryOptions options = {});

    MachineEnergy machine(int machine, TimestampMs fromMs, TimestampMs toMs) const;
    EnergyReport report(TimestampMs fromMs, TimestampMs toMs) const;

    static analytics::Tariff tariff(const PlantModel &model);
    static analytics::DemandOptions demandOptions(const PlantModel &model);

private:
    MeterEnergy meter(const QString &name, TagId power, TagId energy, TimestampMs fromMs,
                      TimestampMs toMs, QStringList *warnings) const;

    const PlantModel &m_model;
    const storage::Historian &m_historian;
    EnergyQueryOptions m_options;
};

} // namespace andon
