// Deterministic plant simulator: given a PlantModel, a seed and a scenario it produces the
// samples a real plant would publish, with known ground truth. Used by andon-sim (which
// publishes them over MQTT) and in-process by UI tests and demos. Pure: no I/O, no wall clock.
#pragma once

#include "core/plant_model.h"

#include <memory>
#include <random>

#include <QJsonObject>
#include <QString>

namespace andon::sim {

struct SimOptions
{
    std::uint64_t seed = 1;
    QString scenario = QStringLiteral("normal");
    TimestampMs startMs = 0;   // simulated start time (UTC ms)
    int publishPeriodMs = 1000; // how often each analog tag produces a sample
    // Simulation grid: states change and parts are counted on multiples of this after
    // startMs. Coarser steps only make sense for long runs (days) in tests.
    int stepMs = 100;
};

class PlantSimulator
{
public:
    PlantSimulator(std::shared_ptr<const PlantModel> model, SimOptions options);
    ~PlantSimulator();

    // Advances simulated time to `simNowMs` (monotonic) and returns every sample produced
    // since the previous call, in time order. Deterministic for (model, options, call times).
    // Grid step t decides the state for [t, t + stepMs) and emits its samples at t.
    SampleBatch advanceTo(TimestampMs simNowMs);

    TimestampMs now() const;

    // Ground truth of everything simulated so far (docs/simulator.md "Truth file"): per shift
    // and machine the planned production time, state times, counts and the ISO 22400-2
    // availability/performance/quality/OEE, and the injected events.
    QJsonObject truth() const;

    static QStringList scenarios();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace andon::sim
