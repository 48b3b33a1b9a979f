#include "sim/plant_simulator.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <deque>
#include <numbers>

Q_LOGGING_CATEGORY(lcSim, "andon.sim")

namespace andon::sim {

namespace {

// Simulated time advances on a fixed grid so the output does not depend on how the caller
// slices time (one advanceTo(60 s) == six hundred advanceTo(+100 ms)).
constexpr TimestampMs kStepMs = 100;
// State and counters are re-sent at least this often even without change, like a PLC
// publishing on change with a heartbeat.
constexpr TimestampMs kHeartbeatMs = 5000;
constexpr TimestampMs kRateWindowMs = 60000;
constexpr double kMotorTauS = 300.0;   // thermal time constant of a small motor
constexpr double kPowerTauS = 2.0;     // drives ramp within seconds
constexpr double kMotorIdleTargetC = 30.0;
constexpr double kRejectProbability = 0.015;
constexpr TimestampMs kDayMs = 24LL * 3600 * 1000;

double roundTo(double v, int decimals)
{
    const int d = std::clamp(decimals, 0, 9);
    const double f = std::pow(10.0, d);
    return std::round(v * f) / f;
}

double clampToRange(const TagDef &tag, double v)
{
    if (!std::isnan(tag.rangeLow))
        v = std::max(v, tag.rangeLow);
    if (!std::isnan(tag.rangeHigh))
        v = std::min(v, tag.rangeHigh);
    return v;
}

// Seeds from (seed, stream) through seed_seq so neighbouring machine indexes get unrelated
// sequences; never std::random_device: a seed must reproduce a run exactly.
std::mt19937_64 makeRng(std::uint64_t seed, std::uint64_t stream)
{
    std::seed_seq seq{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                      static_cast<std::uint32_t>(stream), static_cast<std::uint32_t>(stream >> 32),
                      0x616e646fu /* "ando" */};
    return std::mt19937_64(seq);
}

struct GenericTag
{
    TagId id = kInvalidTag;
    double value = 0.0;
};

struct MachineSim
{
    int index = -1;
    std::mt19937_64 rng;

    // State machine
    StateCategory category = StateCategory::Running;
    int code = 1;
    TimestampMs stateUntil = 0;
    double rateFactor = 1.0; // 0.85..1.0 of the ideal rate, drawn per running period

    // Codes for the categories this machine knows.
    int runningCode = 1;
    int idleCode = 2;
    int starvedCode = 3;
    int blockedCode = 4;
    std::vector<int> downCodes;

    // Production
    double partAccumulator = 0.0;
    std::int64_t good = 0;
    std::int64_t reject = 0;
    std::deque<TimestampMs> recentParts; // for the rate over the last minute

    // Physics
    double runTempC = 55.0;   // machine's own running temperature (45..70)
    double motorTempC = 55.0;
    double vibBase = 2.0;     // mm/s when running (1.5..3)
    double ratedPowerKw = 15.0;
    double powerKw = 15.0;

    // Tags by role/name
    TagId stateTag = kInvalidTag;
    TagId goodTag = kInvalidTag;
    TagId rejectTag = kInvalidTag;
    TagId totalTag = kInvalidTag;
    TagId rateTag = kInvalidTag;
    TagId productTag = kInvalidTag;
    TagId motorTempTag = kInvalidTag;
    TagId vibrationTag = kInvalidTag;
    TagId powerTag = kInvalidTag;
    std::vector<GenericTag> others;

    // Last emitted (for on-change + heartbeat)
    TimestampMs lastStateEmit = std::numeric_limits<TimestampMs>::min() / 2;
    TimestampMs lastCountEmit = std::numeric_limits<TimestampMs>::min() / 2;
    int lastEmittedCode = -1;
    std::int64_t lastEmittedGood = -1;
    std::int64_t lastEmittedReject = -1;
};

} // namespace

struct PlantSimulator::Impl
{
    std::shared_ptr<const PlantModel> model;
    SimOptions options;
    TimestampMs now = 0;      // as told by the caller
    TimestampMs gridTime = 0; // last simulated step
    bool started = false;
    TimestampMs nextAnalog = 0;
    std::vector<MachineSim> machines;
    std::mt19937_64 plantRng;
    std::vector<GenericTag> plantTags; // tags outside machines (ambient etc.)
    TagId ambientTag = kInvalidTag;
    double ambientPhase = 0.0;
    SampleBatch out;

    double uniform(std::mt19937_64 &rng, double lo, double hi)
    {
        return std::uniform_real_distribution<double>(lo, hi)(rng);
    }
    double normal(std::mt19937_64 &rng, double sigma)
    {
        return std::normal_distribution<double>(0.0, sigma)(rng);
    }

    void push(TagId tag, TimestampMs t, double value)
    {
        if (tag == kInvalidTag || tag >= model->tags.size())
            return;
        const TagDef &def = model->tags[tag];
        out.push_back(Sample{tag, t, roundTo(clampToRange(def, value), def.decimals),
                             Quality::Good});
    }

    void setup()
    {
        const PlantModel &m = *model;
        plantRng = makeRng(options.seed, 0xFFFFFFFFull);
        ambientPhase = uniform(plantRng, 0.0, 2.0 * std::numbers::pi);
        std::vector<bool> claimed(m.tags.size(), false);
        machines.resize(m.machines.size());
        for (size_t i = 0; i < m.machines.size(); ++i) {
            const Machine &mach = m.machines[i];
            MachineSim &s = machines[i];
            s.index = static_cast<int>(i);
            s.rng = makeRng(options.seed, i);
            const auto codeFor = [&](StateCategory c, int fallback) {
                for (const StateDef &d : mach.states)
                    if (d.category == c)
                        return d.code;
                return fallback;
            };
            s.runningCode = codeFor(StateCategory::Running, 1);
            s.idleCode = codeFor(StateCategory::Idle, s.runningCode);
            s.starvedCode = codeFor(StateCategory::Starved, s.idleCode);
            s.blockedCode = codeFor(StateCategory::Blocked, s.idleCode);
            for (const StateDef &d : mach.states)
                if (d.category == StateCategory::Down)
                    s.downCodes.push_back(d.code);
            s.runTempC = uniform(s.rng, 45.0, 70.0);
            s.motorTempC = s.runTempC;
            s.vibBase = uniform(s.rng, 1.5, 3.0);
            s.ratedPowerKw = uniform(s.rng, 8.0, 25.0);
            s.powerKw = s.ratedPowerKw;
            s.stateTag = mach.roleTag(TagRole::State);
            s.goodTag = mach.roleTag(TagRole::GoodCount);
            s.rejectTag = mach.roleTag(TagRole::RejectCount);
            s.totalTag = mach.roleTag(TagRole::TotalCount);
            s.rateTag = mach.roleTag(TagRole::Rate);
            s.productTag = mach.roleTag(TagRole::Product);
            for (const TagId t : mach.tags) {
                if (t >= m.tags.size())
                    continue;
                const TagDef &def = m.tags[t];
                if (def.role != TagRole::None) {
                    claimed[t] = true;
                    continue;
                }
                if (def.name == u"motor_temp")
                    s.motorTempTag = t;
                else if (def.name == u"vibration_rms")
                    s.vibrationTag = t;
                else if (def.name == u"power")
                    s.powerTag = t;
                else
                    s.others.push_back(GenericTag{t, initialValue(def, s.rng)});
                claimed[t] = true;
            }
            enterRunning(s, options.startMs);
        }
        for (const TagDef &def : m.tags) {
            if (def.id >= claimed.size() || claimed[def.id])
                continue;
            if (def.role == TagRole::None && def.name == u"ambient_temp" && ambientTag == kInvalidTag)
                ambientTag = def.id;
            else
                plantTags.push_back(GenericTag{def.id, initialValue(def, plantRng)});
        }
    }

    double initialValue(const TagDef &def, std::mt19937_64 &rng)
    {
        if (def.kind != TagKind::Analog)
            return 0.0;
        if (!std::isnan(def.rangeLow) && !std::isnan(def.rangeHigh) && def.rangeHigh > def.rangeLow)
            return uniform(rng, def.rangeLow + 0.4 * (def.rangeHigh - def.rangeLow),
                           def.rangeLow + 0.6 * (def.rangeHigh - def.rangeLow));
        return uniform(rng, 40.0, 60.0);
    }

    void enterRunning(MachineSim &s, TimestampMs t)
    {
        s.category = StateCategory::Running;
        s.code = s.runningCode;
        s.rateFactor = uniform(s.rng, 0.85, 1.0);
        s.stateUntil = t + static_cast<TimestampMs>(uniform(s.rng, 60.0, 480.0) * 1000.0);
    }

    // After a running period: mostly short stops, some longer waits, a few breakdowns.
    void enterStop(MachineSim &s, TimestampMs t)
    {
        const double r = uniform(s.rng, 0.0, 1.0);
        double seconds = 0;
        if (r < 0.40) { // micro-stop: a few seconds, counted as a performance loss by OEE
            s.category = StateCategory::Idle;
            s.code = s.idleCode;
            seconds = uniform(s.rng, 3.0, 20.0);
        } else if (r < 0.85 || s.downCodes.empty()) {
            const int which = std::uniform_int_distribution<int>(0, 2)(s.rng);
            s.category = which == 0 ? StateCategory::Idle
                       : which == 1 ? StateCategory::Starved
                                    : StateCategory::Blocked;
            s.code = which == 0 ? s.idleCode : which == 1 ? s.starvedCode : s.blockedCode;
            seconds = uniform(s.rng, 10.0, 60.0);
        } else {
            s.category = StateCategory::Down;
            const auto n = static_cast<int>(s.downCodes.size());
            s.code = s.downCodes[static_cast<size_t>(
                    std::uniform_int_distribution<int>(0, n - 1)(s.rng))];
            seconds = uniform(s.rng, 60.0, 300.0);
        }
        s.stateUntil = t + static_cast<TimestampMs>(seconds * 1000.0);
    }

    void stepMachine(MachineSim &s, TimestampMs t, double dtS)
    {
        const Machine &mach = model->machines[static_cast<size_t>(s.index)];
        if (t >= s.stateUntil) {
            if (s.category == StateCategory::Running)
                enterStop(s, t);
            else
                enterRunning(s, t);
        }
        const bool running = s.category == StateCategory::Running;
        if (running && mach.idealRatePerMin > 0) {
            s.partAccumulator += mach.idealRatePerMin * s.rateFactor * dtS / 60.0;
            // Bounded: at most a few parts per 100 ms step even for very fast machines.
            for (int guard = 0; s.partAccumulator >= 1.0 && guard < 1000; ++guard) {
                s.partAccumulator -= 1.0;
                if (uniform(s.rng, 0.0, 1.0) < kRejectProbability)
                    ++s.reject;
                else
                    ++s.good;
                s.recentParts.push_back(t);
            }
        }
        while (!s.recentParts.empty() && s.recentParts.front() <= t - kRateWindowMs)
            s.recentParts.pop_front();

        // First-order lags (exact discretisation, stable for any dt).
        const double tempTarget = running ? s.runTempC : kMotorIdleTargetC;
        s.motorTempC += (tempTarget - s.motorTempC) * (1.0 - std::exp(-dtS / kMotorTauS));
        double powerTarget = 0.0;
        switch (s.category) {
        case StateCategory::Running: powerTarget = s.ratedPowerKw * (0.8 + 0.2 * s.rateFactor); break;
        case StateCategory::Down: powerTarget = s.ratedPowerKw * 0.15; break;
        case StateCategory::Off: powerTarget = 0.2; break;
        default: powerTarget = s.ratedPowerKw * 0.3; break; // idle drives, PLC, lights
        }
        s.powerKw += (powerTarget - s.powerKw) * (1.0 - std::exp(-dtS / kPowerTauS));

        // On change + heartbeat.
        if (s.code != s.lastEmittedCode || t - s.lastStateEmit >= kHeartbeatMs) {
            push(s.stateTag, t, s.code);
            s.lastEmittedCode = s.code;
            s.lastStateEmit = t;
        }
        const bool countsChanged = s.good != s.lastEmittedGood || s.reject != s.lastEmittedReject;
        if (countsChanged || t - s.lastCountEmit >= kHeartbeatMs) {
            push(s.goodTag, t, static_cast<double>(s.good));
            push(s.rejectTag, t, static_cast<double>(s.reject));
            push(s.totalTag, t, static_cast<double>(s.good + s.reject));
            if (t - s.lastCountEmit >= kHeartbeatMs)
                push(s.productTag, t, 1.0);
            s.lastEmittedGood = s.good;
            s.lastEmittedReject = s.reject;
            s.lastCountEmit = t;
        }
    }

    void publishAnalogs(MachineSim &s, TimestampMs t)
    {
        const bool running = s.category == StateCategory::Running;
        push(s.rateTag, t, static_cast<double>(s.recentParts.size()) * 60000.0 / kRateWindowMs);
        push(s.motorTempTag, t, s.motorTempC + normal(s.rng, 0.1));
        const double vib = running ? s.vibBase + normal(s.rng, 0.08) : 0.2 + normal(s.rng, 0.03);
        push(s.vibrationTag, t, std::max(0.0, vib));
        push(s.powerTag, t, std::max(0.0, s.powerKw * (1.0 + normal(s.rng, 0.02))));
        for (GenericTag &g : s.others)
            push(g.id, t, walk(g, s.rng));
    }

    // A gentle random walk that stays inside the tag's range (reflecting at the limits).
    double walk(GenericTag &g, std::mt19937_64 &rng)
    {
        const TagDef &def = model->tags[g.id];
        switch (def.kind) {
        case TagKind::Counter:
            g.value += std::uniform_int_distribution<int>(0, 1)(rng);
            return g.value;
        case TagKind::Bool:
        case TagKind::State:
            return g.value;
        case TagKind::Analog: break;
        }
        const bool ranged = !std::isnan(def.rangeLow) && !std::isnan(def.rangeHigh)
                && def.rangeHigh > def.rangeLow;
        const double span = ranged ? def.rangeHigh - def.rangeLow : 100.0;
        g.value += normal(rng, 0.005 * span);
        if (ranged) {
            if (g.value > def.rangeHigh)
                g.value = 2 * def.rangeHigh - g.value;
            if (g.value < def.rangeLow)
                g.value = 2 * def.rangeLow - g.value;
            g.value = std::clamp(g.value, def.rangeLow, def.rangeHigh);
        }
        return g.value;
    }

    void publishPlant(TimestampMs t)
    {
        if (ambientTag != kInvalidTag) {
            // Daily cycle around 22 °C.
            const double phase = 2.0 * std::numbers::pi * static_cast<double>(t % kDayMs) / kDayMs;
            push(ambientTag, t, 22.0 + 3.0 * std::sin(phase + ambientPhase)
                                        + normal(plantRng, 0.05));
        }
        for (GenericTag &g : plantTags)
            push(g.id, t, walk(g, plantRng));
    }

    void step(TimestampMs t, double dtS)
    {
        for (MachineSim &s : machines)
            stepMachine(s, t, dtS);
        if (t >= nextAnalog) {
            for (MachineSim &s : machines)
                publishAnalogs(s, t);
            publishPlant(t);
            const TimestampMs period = std::max(options.publishPeriodMs, 1);
            // Keep the schedule on its grid even if a step overshoots it.
            while (nextAnalog <= t)
                nextAnalog += period;
        }
    }
};

PlantSimulator::PlantSimulator(std::shared_ptr<const PlantModel> model, SimOptions options)
    : d(std::make_unique<Impl>())
{
    d->model = model ? std::move(model) : std::make_shared<const PlantModel>();
    d->options = std::move(options);
    if (d->options.publishPeriodMs <= 0)
        d->options.publishPeriodMs = 1000;
    if (!scenarios().contains(d->options.scenario))
        qCWarning(lcSim).noquote() << "unknown scenario" << d->options.scenario
                                   << "- using \"normal\"";
    d->now = d->options.startMs;
    d->gridTime = d->options.startMs;
    d->nextAnalog = d->options.startMs;
    d->setup();
}

PlantSimulator::~PlantSimulator() = default;

SampleBatch PlantSimulator::advanceTo(TimestampMs simNowMs)
{
    d->out.clear();
    if (!d->started) {
        d->started = true;
        d->step(d->options.startMs, 0.0); // initial values at the start time
    }
    if (simNowMs > d->now)
        d->now = simNowMs;
    const double dtS = static_cast<double>(kStepMs) / 1000.0;
    while (d->gridTime + kStepMs <= d->now) {
        d->gridTime += kStepMs;
        d->step(d->gridTime, dtS);
    }
    std::stable_sort(d->out.begin(), d->out.end(),
                     [](const Sample &a, const Sample &b) { return a.t_ms < b.t_ms; });
    SampleBatch result;
    result.swap(d->out);
    return result;
}

TimestampMs PlantSimulator::now() const
{
    return d->now;
}

QStringList PlantSimulator::scenarios()
{
    return {QStringLiteral("normal")};
}

} // namespace andon::sim
