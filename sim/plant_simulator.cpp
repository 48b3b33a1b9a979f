#include "sim/plant_simulator.h"

#include "core/shift_calendar.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <numbers>

Q_LOGGING_CATEGORY(lcSim, "andon.sim")

namespace andon::sim {

namespace {

// State and counters are re-sent at least this often even without change, like a PLC
// publishing on change with a heartbeat.
constexpr TimestampMs kHeartbeatMs = 5000;
constexpr TimestampMs kRateWindowMs = 60000;
constexpr TimestampMs kMinuteMs = 60000;
constexpr TimestampMs kHourMs = 60 * kMinuteMs;
constexpr TimestampMs kDayMs = 24 * kHourMs;
constexpr double kMotorTauS = 300.0;   // thermal time constant of a small motor
constexpr double kPowerTauS = 2.0;     // drives ramp within seconds
constexpr double kMotorIdleTargetC = 30.0;

// Buffer (conveyor) between two machines of a line, in parts. A stopped machine starves the
// next one after the buffer empties and blocks the previous one after it fills; the latch
// keeps a machine waiting until a few parts are there (or gone) instead of toggling every
// part.
constexpr int kBufferCapacity = 40;
constexpr int kBufferStartLevel = kBufferCapacity / 2;
constexpr int kBufferRestart = 3;

// Vibration severity zone boundaries (r.m.s. velocity, 10-1000 Hz) for class II machines,
// ISO 10816-1:1995 Annex B, Table B.1: medium-sized machines (typically 15-75 kW motors)
// without special foundations: A/B 1.12, B/C 2.8, C/D 7.1 mm/s. (ISO 10816-3:2009, for
// industrial machines above 15 kW measured in situ, replaces the classes by machine groups
// and support flexibility; the class II values are the general scheme.) Healthy machines run
// in zone A/B.
constexpr double kZoneAB = 1.12;
constexpr double kZoneBC = 2.8;
constexpr double kZoneCD = 7.1;
// A bearing defect grows roughly exponentially once spalling starts; with this time constant
// the vibration crosses into zone C about a day after onset and into zone D about 1.4 days
// later, so a remaining-useful-life estimate has days of trend to work with.
constexpr double kBearingTauS = 1.5 * 86400.0;

// Quality characteristics: a capable stable process, Cp = (USL - LSL) / 6 sigma = 1.33.
constexpr double kProcessCp = 4.0 / 3.0;
constexpr int kPartsPerMeasurement = 5;
constexpr double kDriftShiftSigma = 1.5; // spc-drift: a mean shift Nelson rules 2/5 detect
// spc-trend: tool wear moves the mean by 1 sigma per hour until it is 4 sigma off (Nelson
// rule 3 on subgroup means, then rules 5, 2 and 1); spc-variance: the standard deviation
// doubles (variance x 4: Nelson rules 1 and 8, the R/S chart).
constexpr double kTrendSigmaPerHour = 1.0;
constexpr double kTrendCapSigma = 4.0;
constexpr double kVarianceFactor = 2.0;

// Electrical supply: 400 V three-phase (IEC 60038). Induction motors at rated load run at a
// power factor of about 0.86; energised but unloaded they still draw their magnetising
// current, about 30 % of rated current, which is why idle current is far from zero.
constexpr double kSupplyV = 400.0;
constexpr double kRatedPowerFactor = 0.86;
constexpr double kMagnetisingShare = 0.3;
const double kSqrt3 = std::sqrt(3.0);

// Compressed air (flows in Nm3/h, normal cubic metres per hour at 0 °C, 1.013 bar): a
// 37 kW-class compressor; its power is an unloaded base plus a specific power of
// 0.1 kWh/Nm3 (6 kW per m3/min, typical of screw compressors at 7 bar). Every line loses a
// little air all the time through fittings (normal leakage); an injected leak is a hole of a
// few millimetres: 3 mm at 6 bar(g) loses about 11 l/s = 40 Nm3/h.
constexpr double kCompressorBaseKw = 6.0;
constexpr double kCompressorKwhPerNm3 = 0.1;
constexpr double kCompressorMaxKw = 45.0;
constexpr double kAirTauS = 5.0;
// Unmetered base load of the site (lighting, HVAC, offices, IT): during shifts and off-shift.
constexpr double kBaseLoadShiftKw = 28.0;
constexpr double kBaseLoadOffKw = 8.0;

constexpr std::size_t kMaxRecordedEvents = 5000; // truth file stays bounded on long runs

// Behaviour of one machine's own stops, normal and in a bad shift.
struct StopProfile
{
    double runMinS, runMaxS;   // running period between own stops
    double downProbability;    // share of stops that are breakdowns (else micro-stops)
    double downMinS, downMaxS;
    double microMinS, microMaxS;
    double rateMin, rateMax;   // actual speed / ideal speed
    double rejectProbability;
};
constexpr StopProfile kNormal{120, 900, 0.2, 60, 420, 3, 30, 0.85, 1.0, 0.015};
constexpr StopProfile kBad{40, 300, 0.45, 120, 840, 3, 45, 0.70, 0.90, 0.05};

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

double uniform(std::mt19937_64 &rng, double lo, double hi)
{
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}
double normal(std::mt19937_64 &rng, double sigma)
{
    return std::normal_distribution<double>(0.0, sigma)(rng);
}
TimestampMs seconds(double s)
{
    return static_cast<TimestampMs>(std::llround(s * 1000.0));
}

struct GenericTag
{
    TagId id = kInvalidTag;
    double value = 0.0;
};

// A quality characteristic (tag with `spec`).
struct Measurement
{
    TagId id = kInvalidTag;
    double mean = 0.0;
    double sigma = 1.0;
    double shift = 0.0; // added to the mean after an injected drift
};

// Truth accumulators of one machine in one shift instance.
struct MachineTruth
{
    TimestampMs plannedMs = 0;
    std::vector<std::pair<int, TimestampMs>> msByCode; // state code -> time (few codes)
    std::int64_t total = 0;
    std::int64_t good = 0;
    double idealS = 0.0; // sum of the ideal cycle time of every part made
    double energyKwh = 0.0;
};

struct ShiftTruth
{
    ShiftInstance inst;
    TimestampMs plannedMs = 0;
    std::vector<MachineTruth> machines;
    double mainKwh = 0.0;
    double compressorKwh = 0.0;
    double baseKwh = 0.0;
};

// Energy and volume totalisers: the true cumulative amount since the start plus the meter's
// reading at the start; the published reading wraps at the tag's `rollover`.
struct Totaliser
{
    TagId id = kInvalidTag;
    double start = 0.0; // reading at the start of the run
    double total = 0.0; // amount since the start (never wraps)
};

struct MachineSim
{
    int index = -1;
    int line = -1;          // index into Impl::lines, -1 = stand-alone
    int posInLine = -1;
    std::mt19937_64 rng;
    std::mt19937_64 measureRng;
    std::mt19937_64 meterRng; // motor current noise

    // Own behaviour (what the machine would do with parts in and room out).
    StateCategory own = StateCategory::Running; // Running, Idle (micro-stop) or Down
    int ownCode = 1;
    TimestampMs ownUntil = 0;
    double rateFactor = 1.0;
    bool starvedLatch = false;
    bool blockedLatch = false;

    // Effective state
    StateCategory category = StateCategory::Running;
    int code = 1;

    int runningCode = 1, idleCode = 2, starvedCode = 3, blockedCode = 4;
    int changeoverCode = 5, plannedCode = 6, offCode = 0;
    std::vector<int> downCodes;

    // Production
    double partProgress = 0.0;
    std::int64_t good = 0;
    std::int64_t reject = 0;
    int partsSinceMeasurement = 0;
    std::deque<TimestampMs> recentParts; // for the rate over the last minute

    // Physics
    double runTempC = 55.0;
    double motorTempC = 55.0;
    double vibBase = 1.5;
    double ratedPowerKw = 15.0;
    double powerKw = 15.0;
    double ratedCurrentA = 25.0;
    double airNm3h = 20.0;  // compressed air while running
    double airFlow = 0.0;   // current demand (Nm3/h)
    Totaliser energy;
    bool bearingFault = false;
    bool wastesEnergy = false;

    TagId stateTag = kInvalidTag, goodTag = kInvalidTag, rejectTag = kInvalidTag,
          totalTag = kInvalidTag, rateTag = kInvalidTag, productTag = kInvalidTag,
          motorTempTag = kInvalidTag, vibrationTag = kInvalidTag, powerTag = kInvalidTag,
          currentTag = kInvalidTag;
    std::vector<GenericTag> others;
    std::vector<Measurement> measurements;

    // comms-faults: no publication inside [dropoutStart, dropoutEnd)
    TimestampMs dropoutStart = std::numeric_limits<TimestampMs>::max();
    TimestampMs dropoutEnd = 0;

    // Last emitted (for on-change + heartbeat)
    TimestampMs lastStateEmit = std::numeric_limits<TimestampMs>::min() / 2;
    TimestampMs lastCountEmit = std::numeric_limits<TimestampMs>::min() / 2;
    TimestampMs lastProductEmit = std::numeric_limits<TimestampMs>::min() / 2;
    int lastEmittedCode = -1;
    std::int64_t lastEmittedGood = -1;
    std::int64_t lastEmittedReject = -1;
    int lastEmittedProduct = -1;

    int cycleProduct = -1;    // product the cached ideal cycle time is for
    double idealCycleS = 0.0; // PlantModel::idealCycleSeconds is a lookup; cached per product
};

struct LineSim
{
    std::vector<int> machines;   // machine indexes, upstream first
    std::vector<int> buffers;    // buffers[i] between machines[i] and machines[i + 1]
    std::mt19937_64 rng;
    int productIndex = 0;        // into PlantModel::products
    TimestampMs productUntil = std::numeric_limits<TimestampMs>::max();
    TimestampMs changeoverUntil = 0;

    // Compressed air of the line (tags `air_flow` and `air_total`).
    TagId airFlowTag = kInvalidTag;
    Totaliser air;
    double baseLeakNm3h = 5.0;
    double leakNm3h = 0.0; // energy-waste: the injected leak, from leakOnset
    TimestampMs leakOnset = std::numeric_limits<TimestampMs>::max();
    double flowNm3h = 0.0;
};

enum class Scenario {
    Normal, BadShift, SpcDrift, SpcTrend, SpcVariance, BearingFailure, EnergyWaste, CommsFaults
};

const std::pair<Scenario, const char *> kScenarios[] = {
    {Scenario::Normal, "normal"},
    {Scenario::BadShift, "bad-shift"},
    {Scenario::SpcDrift, "spc-drift"},
    {Scenario::SpcTrend, "spc-trend"},
    {Scenario::SpcVariance, "spc-variance"},
    {Scenario::BearingFailure, "bearing-failure"},
    {Scenario::EnergyWaste, "energy-waste"},
    {Scenario::CommsFaults, "comms-faults"},
};

} // namespace

struct PlantSimulator::Impl
{
    std::shared_ptr<const PlantModel> model;
    SimOptions options;
    Scenario scenario = Scenario::Normal;
    TimestampMs now = 0;      // as told by the caller
    TimestampMs nextGrid = 0; // next grid point to simulate
    TimestampMs nextAnalog = 0;
    std::vector<MachineSim> machines;
    std::vector<LineSim> lines;
    std::mt19937_64 plantRng;
    std::mt19937_64 faultRng;
    std::mt19937_64 meterRng; // noise of the meters and air flow (own stream)
    std::vector<GenericTag> plantTags; // tags outside machines (ambient etc.)
    std::vector<Measurement> plantMeasurements;
    TagId ambientTag = kInvalidTag;
    double ambientPhase = 0.0;
    // Site energy: the main meter sees every machine, the compressor and the unmetered base
    // load; the compressor has its own meter.
    TagId mainPowerTag = kInvalidTag, compressorPowerTag = kInvalidTag;
    Totaliser mainEnergy, compressorEnergy;
    double compressorKw = kCompressorBaseKw;
    double baseKw = kBaseLoadShiftKw;
    double mainKw = 0.0;
    double baseKwh = 0.0;
    SampleBatch out;

    // Calendar
    std::vector<ShiftTruth> shifts; // every shift instance seen, in time order
    std::size_t shiftCursor = 0;
    TimestampMs calendarCoveredUntil = 0;
    int badShiftIndex = -1; // bad-shift: index of the bad shift pattern, -1 = all time

    // Injected events
    QJsonArray events;
    TimestampMs driftStart = std::numeric_limits<TimestampMs>::max();
    bool driftActive = false;
    TimestampMs wasteStart = std::numeric_limits<TimestampMs>::max(); // without a calendar
    TimestampMs wasteEnd = 0;

    void recordEvent(QJsonObject e)
    {
        if (static_cast<std::size_t>(events.size()) < kMaxRecordedEvents)
            events.append(e);
    }

    QString machinePath(const MachineSim &s) const
    {
        return model->machines[static_cast<std::size_t>(s.index)].path;
    }

    void push(TagId tag, TimestampMs t, double value, Quality q = Quality::Good)
    {
        if (tag == kInvalidTag || tag >= model->tags.size())
            return;
        const TagDef &def = model->tags[tag];
        if (q == Quality::Good)
            value = clampToRange(def, value);
        out.push_back(Sample{tag, t, roundTo(value, def.decimals), q});
    }
    void pushFor(const MachineSim &s, TagId tag, TimestampMs t, double value)
    {
        if (t >= s.dropoutStart && t < s.dropoutEnd)
            return; // comms-faults: the machine's gateway is silent
        push(tag, t, value);
    }

    // ---- setup ----

    void setup()
    {
        const PlantModel &m = *model;
        plantRng = makeRng(options.seed, 0xFFFFFFFFull);
        faultRng = makeRng(options.seed, 0xFFFFFFFEull);
        meterRng = makeRng(options.seed, 0xFFFFFFFCull);
        ambientPhase = uniform(plantRng, 0.0, 2.0 * std::numbers::pi);
        std::vector<bool> claimed(m.tags.size(), false);
        machines.resize(m.machines.size());
        for (std::size_t i = 0; i < m.machines.size(); ++i)
            setupMachine(machines[i], static_cast<int>(i), claimed);
        for (const Line &l : m.lines) {
            LineSim ls;
            ls.rng = makeRng(options.seed, 0x10000ull + lines.size());
            for (int mi : l.machines) {
                if (mi < 0 || mi >= static_cast<int>(machines.size()))
                    continue;
                machines[static_cast<std::size_t>(mi)].line = static_cast<int>(lines.size());
                machines[static_cast<std::size_t>(mi)].posInLine
                        = static_cast<int>(ls.machines.size());
                ls.machines.push_back(mi);
            }
            if (!ls.machines.empty())
                ls.buffers.assign(ls.machines.size() - 1, kBufferStartLevel);
            {
                std::mt19937_64 airRng = makeRng(options.seed, 0x50000ull + lines.size());
                ls.baseLeakNm3h = uniform(airRng, 3.0, 8.0);
                ls.flowNm3h = ls.baseLeakNm3h;
            }
            if (!m.products.empty()) {
                ls.productIndex = std::uniform_int_distribution<int>(
                        0, static_cast<int>(m.products.size()) - 1)(ls.rng);
                if (m.products.size() >= 2)
                    ls.productUntil = options.startMs + seconds(uniform(ls.rng, 3600, 4 * 3600));
            }
            lines.push_back(std::move(ls));
        }
        std::mt19937_64 meterRng = makeRng(options.seed, 0x40000ull);
        for (const TagDef &def : m.tags) {
            if (def.id >= claimed.size() || claimed[def.id])
                continue;
            if (claimPlantTag(def, meterRng))
                continue;
            if (def.spec)
                plantMeasurements.push_back(measurementFor(def));
            else if (def.name == u"ambient_temp" && ambientTag == kInvalidTag)
                ambientTag = def.id;
            else
                plantTags.push_back(GenericTag{def.id, initialValue(def, plantRng)});
        }
        for (MachineSim &s : machines)
            drawOwnRunning(s, options.startMs);
        setupScenario();
    }

    // Line and site tags with a simulated meaning (docs/simulator.md "What is simulated"):
    // a line's air_flow/air_total, the site's main and compressor meters.
    bool claimPlantTag(const TagDef &def, std::mt19937_64 &rng)
    {
        const bool counter = def.kind == TagKind::Counter;
        for (std::size_t li = 0; li < model->lines.size() && li < lines.size(); ++li) {
            LineSim &l = lines[li];
            if (!def.path.startsWith(model->lines[li].path + QLatin1Char('/')))
                continue;
            if (def.name == u"air_flow" && l.airFlowTag == kInvalidTag) {
                l.airFlowTag = def.id;
                return true;
            }
            if (def.name == u"air_total" && counter && l.air.id == kInvalidTag) {
                l.air.id = def.id;
                l.air.start = meterStart(def.id, rng);
                return true;
            }
        }
        const auto claim = [&](const char *name, TagId *slot) {
            if (def.name != QLatin1String(name) || *slot != kInvalidTag)
                return false;
            *slot = def.id;
            return true;
        };
        const auto claimMeter = [&](const char *name, Totaliser *tot) {
            if (!counter || def.name != QLatin1String(name) || tot->id != kInvalidTag)
                return false;
            tot->id = def.id;
            tot->start = meterStart(def.id, rng);
            return true;
        };
        return claim("main_power", &mainPowerTag) || claim("compressor_power", &compressorPowerTag)
                || claimMeter("main_energy", &mainEnergy)
                || claimMeter("compressor_energy", &compressorEnergy);
    }

    void setupMachine(MachineSim &s, int i, std::vector<bool> &claimed)
    {
        const PlantModel &m = *model;
        const Machine &mach = m.machines[static_cast<std::size_t>(i)];
        s.index = i;
        s.rng = makeRng(options.seed, static_cast<std::uint64_t>(i));
        s.measureRng = makeRng(options.seed, 0x20000ull + static_cast<std::uint64_t>(i));
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
        s.changeoverCode = codeFor(StateCategory::Changeover, s.idleCode);
        s.plannedCode = codeFor(StateCategory::PlannedStop, s.idleCode);
        s.offCode = codeFor(StateCategory::Off, s.plannedCode);
        for (const StateDef &d : mach.states)
            if (d.category == StateCategory::Down)
                s.downCodes.push_back(d.code);
        s.runTempC = uniform(s.rng, 45.0, 70.0);
        s.motorTempC = s.runTempC;
        s.vibBase = uniform(s.rng, 0.8, 2.2); // zone A/B: a machine in good condition
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
            claimed[t] = true;
            if (def.role != TagRole::None)
                continue;
            if (def.spec)
                s.measurements.push_back(measurementFor(def));
            else if (def.name == u"motor_temp")
                s.motorTempTag = t;
            else if (def.name == u"vibration_rms")
                s.vibrationTag = t;
            else if (def.name == u"power")
                s.powerTag = t;
            else if (def.name == u"motor_current")
                s.currentTag = t;
            else if (def.name == u"energy" && def.kind == TagKind::Counter)
                s.energy.id = t;
            else
                s.others.push_back(GenericTag{t, initialValue(def, s.rng)});
        }
        // Electrical and air parameters from their own stream, so adding such tags to a
        // plant does not change how it produces.
        std::mt19937_64 rng = makeRng(options.seed, 0x30000ull + static_cast<std::uint64_t>(i));
        s.meterRng = makeRng(options.seed, 0x60000ull + static_cast<std::uint64_t>(i));
        s.ratedCurrentA = s.ratedPowerKw * 1000.0 / (kSqrt3 * kSupplyV * kRatedPowerFactor);
        s.airNm3h = uniform(rng, 10.0, 35.0);
        s.energy.start = meterStart(s.energy.id, rng);
    }

    // A meter's reading when the run starts: somewhere in its life (inside its rollover).
    double meterStart(TagId id, std::mt19937_64 &rng) const
    {
        if (id == kInvalidTag)
            return 0.0;
        const double rollover = model->tags[id].rollover;
        return roundTo(uniform(rng, 0.0, rollover > 0 ? rollover : 50000.0),
                       model->tags[id].decimals);
    }

    // The reading of a totaliser as the device shows it: wrapped at the tag's rollover.
    double reading(const Totaliser &tot) const
    {
        const TagDef &def = model->tags[tot.id];
        double v = tot.start + tot.total;
        if (def.rollover > 0) {
            v = std::fmod(v, def.rollover);
            v = roundTo(v, def.decimals);
            if (v >= def.rollover)
                v -= def.rollover;
        }
        return v;
    }

    static Measurement measurementFor(const TagDef &def)
    {
        const SpecLimits &sp = *def.spec;
        Measurement me;
        me.id = def.id;
        if (!std::isnan(sp.lsl) && !std::isnan(sp.usl)) {
            me.mean = std::isnan(sp.target) ? (sp.lsl + sp.usl) / 2 : sp.target;
            me.sigma = (sp.usl - sp.lsl) / (6.0 * kProcessCp);
        } else {
            // One-sided: centre 4 sigma inside the limit (Cpk = 1.33).
            const double limit = std::isnan(sp.lsl) ? sp.usl : sp.lsl;
            const double target = std::isnan(sp.target) ? limit : sp.target;
            me.sigma = std::max(std::abs(target - limit) / 4.0, 1e-9);
            me.mean = std::isnan(sp.target) ? limit + (std::isnan(sp.lsl) ? -4 : 4) * me.sigma
                                            : sp.target;
        }
        return me;
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

    void setupScenario()
    {
        std::mt19937_64 rng = makeRng(options.seed, 0xFFFFFFFDull);
        const auto pickMachine = [&](auto usable) -> MachineSim * {
            std::vector<MachineSim *> c;
            for (MachineSim &s : machines)
                if (usable(s))
                    c.push_back(&s);
            if (c.empty())
                return nullptr;
            return c[static_cast<std::size_t>(std::uniform_int_distribution<int>(
                    0, static_cast<int>(c.size()) - 1)(rng))];
        };
        switch (scenario) {
        case Scenario::Normal:
        case Scenario::CommsFaults: // windows are drawn as time goes on
            break;
        case Scenario::BadShift: {
            const auto &cal = model->calendar;
            badShiftIndex = cal.shifts.size() >= 2 ? 1 : -1;
            QJsonObject e{{QStringLiteral("type"), QStringLiteral("bad_shift")},
                          {QStringLiteral("shift"),
                           badShiftIndex >= 0 ? cal.shifts[1].name : QStringLiteral("all")}};
            recordEvent(e);
            break;
        }
        case Scenario::SpcDrift:
        case Scenario::SpcTrend:
        case Scenario::SpcVariance: {
            driftStart = options.startMs + seconds(uniform(rng, 3600, 3 * 3600));
            const auto addEvent = [&](const Measurement &me) {
                QJsonObject e{{QStringLiteral("type"), QStringLiteral("spc_drift")},
                              {QStringLiteral("tag"), model->tags[me.id].path},
                              {QStringLiteral("start_ms"), static_cast<double>(driftStart)},
                              {QStringLiteral("mean_before"), me.mean},
                              {QStringLiteral("sigma"), me.sigma}};
                if (scenario == Scenario::SpcDrift) {
                    e.insert(QStringLiteral("kind"), QStringLiteral("mean_shift"));
                    e.insert(QStringLiteral("mean_after"), me.mean + kDriftShiftSigma * me.sigma);
                    e.insert(QStringLiteral("shift_sigma"), kDriftShiftSigma);
                } else if (scenario == Scenario::SpcTrend) {
                    // mean(t) = mean_before + slope_per_h * hours since start_ms, until the
                    // mean is cap_sigma sigma off (at end_ms); then it stays there.
                    e.insert(QStringLiteral("kind"), QStringLiteral("trend"));
                    e.insert(QStringLiteral("slope_sigma_per_h"), kTrendSigmaPerHour);
                    e.insert(QStringLiteral("slope_per_h"), kTrendSigmaPerHour * me.sigma);
                    e.insert(QStringLiteral("cap_sigma"), kTrendCapSigma);
                    e.insert(QStringLiteral("end_ms"),
                             static_cast<double>(driftStart
                                                 + seconds(kTrendCapSigma / kTrendSigmaPerHour
                                                           * 3600.0)));
                    e.insert(QStringLiteral("mean_after"), me.mean + kTrendCapSigma * me.sigma);
                } else {
                    e.insert(QStringLiteral("kind"), QStringLiteral("variance"));
                    e.insert(QStringLiteral("sigma_factor"), kVarianceFactor);
                    e.insert(QStringLiteral("sigma_after"), kVarianceFactor * me.sigma);
                    e.insert(QStringLiteral("mean_after"), me.mean);
                }
                recordEvent(e);
            };
            for (const MachineSim &s : machines)
                for (const Measurement &me : s.measurements)
                    addEvent(me);
            for (const Measurement &me : plantMeasurements)
                addEvent(me);
            if (events.isEmpty())
                qCWarning(lcSim).noquote() << "scenario" << options.scenario
                                           << ": the plant has no tag with 'spec' limits; "
                                              "nothing drifts";
            break;
        }
        case Scenario::BearingFailure: {
            MachineSim *s = pickMachine(
                    [](const MachineSim &m) { return m.vibrationTag != kInvalidTag; });
            if (!s) {
                qCWarning(lcSim) << "scenario bearing-failure: no machine has a vibration_rms "
                                    "tag";
                break;
            }
            s->bearingFault = true;
            const TimestampMs onset = options.startMs + seconds(uniform(rng, 2 * 3600, 8 * 3600));
            s->vibBase = std::min(s->vibBase, 2.0);
            bearingOnset = onset;
            QJsonObject e{{QStringLiteral("type"), QStringLiteral("bearing_fault")},
                          {QStringLiteral("machine"), machinePath(*s)},
                          {QStringLiteral("tag"), model->tags[s->vibrationTag].path},
                          {QStringLiteral("onset_ms"), static_cast<double>(onset)},
                          {QStringLiteral("baseline_mm_s"), s->vibBase},
                          {QStringLiteral("tau_s"), kBearingTauS}};
            // Running vibration = baseline * exp((t - onset) / tau): when it crosses a zone
            // boundary follows in closed form.
            const auto crossing = [&](double limit) {
                return static_cast<double>(onset)
                        + std::max(0.0, kBearingTauS * std::log(limit / s->vibBase)) * 1000.0;
            };
            e.insert(QStringLiteral("zone_b_ms"), crossing(kZoneAB));
            e.insert(QStringLiteral("zone_c_ms"), crossing(kZoneBC));
            e.insert(QStringLiteral("zone_d_ms"), crossing(kZoneCD));
            recordEvent(e);
            break;
        }
        case Scenario::EnergyWaste: {
            MachineSim *s = pickMachine(
                    [](const MachineSim &m) { return m.powerTag != kInvalidTag; });
            if (!s) {
                injectAirLeak(rng);
                break;
            }
            s->wastesEnergy = true;
            QJsonObject e{{QStringLiteral("type"), QStringLiteral("energy_waste")},
                          {QStringLiteral("machine"), machinePath(*s)},
                          {QStringLiteral("idle_power_kw"), s->ratedPowerKw * 0.6}};
            if (!model->calendar.isSet()) {
                wasteStart = options.startMs + seconds(uniform(rng, 3600, 3 * 3600));
                wasteEnd = wasteStart + 2 * kHourMs;
                e.insert(QStringLiteral("start_ms"), static_cast<double>(wasteStart));
                e.insert(QStringLiteral("end_ms"), static_cast<double>(wasteEnd));
            } else {
                e.insert(QStringLiteral("when"), QStringLiteral("outside planned production "
                                                                "time (breaks and off-shift)"));
            }
            recordEvent(e);
            injectAirLeak(rng);
            break;
        }
        }
    }

    // energy-waste: a compressed-air leak on one line. The line's flow stays up by the leak
    // while the line is stopped (breaks, nights), and the compressor works for it.
    void injectAirLeak(std::mt19937_64 &rng)
    {
        if (lines.empty())
            return;
        std::vector<std::size_t> withTag; // prefer a line whose flow is measured
        for (std::size_t li = 0; li < lines.size(); ++li)
            if (lines[li].airFlowTag != kInvalidTag)
                withTag.push_back(li);
        const std::size_t li = withTag.empty()
                ? 0
                : withTag[static_cast<std::size_t>(std::uniform_int_distribution<int>(
                          0, static_cast<int>(withTag.size()) - 1)(rng))];
        LineSim &l = lines[li];
        l.leakOnset = options.startMs + seconds(uniform(rng, 3600, 3 * 3600));
        l.leakNm3h = roundTo(uniform(rng, 30.0, 50.0), 1);
        QJsonObject leak{{QStringLiteral("type"), QStringLiteral("air_leak")},
                         {QStringLiteral("line"), model->lines[li].path},
                         {QStringLiteral("onset_ms"), static_cast<double>(l.leakOnset)},
                         {QStringLiteral("leak_nm3_h"), l.leakNm3h},
                         {QStringLiteral("base_leak_nm3_h"), l.baseLeakNm3h}};
        if (l.airFlowTag != kInvalidTag)
            leak.insert(QStringLiteral("tag"), model->tags[l.airFlowTag].path);
        recordEvent(leak);
    }

    TimestampMs bearingOnset = std::numeric_limits<TimestampMs>::max();

    // ---- calendar ----

    // The shift instance containing t (nullptr: outside every shift). Instances are produced
    // two days at a time as simulated time advances; the cursor only moves forward.
    ShiftTruth *shiftAt(TimestampMs t)
    {
        if (!model->calendar.isSet()) {
            if (shifts.empty()) {
                ShiftTruth st;
                st.inst.shift = -1;
                st.inst.name = QStringLiteral("all");
                st.inst.startMs = options.startMs;
                st.inst.endMs = std::numeric_limits<TimestampMs>::max();
                st.machines.resize(machines.size());
                shifts.push_back(std::move(st));
            }
            return &shifts.front();
        }
        if (t + kDayMs >= calendarCoveredUntil) {
            const TimestampMs from = std::max(calendarCoveredUntil, options.startMs);
            const TimestampMs to = std::max(from, t) + 2 * kDayMs;
            for (ShiftInstance &inst : shiftInstances(model->calendar, from, to)) {
                if (!shifts.empty() && inst.startMs <= shifts.back().inst.startMs)
                    continue;
                ShiftTruth st;
                st.inst = std::move(inst);
                st.machines.resize(machines.size());
                shifts.push_back(std::move(st));
            }
            calendarCoveredUntil = to;
        }
        while (shiftCursor < shifts.size() && shifts[shiftCursor].inst.endMs <= t)
            ++shiftCursor;
        if (shiftCursor < shifts.size() && shifts[shiftCursor].inst.contains(t))
            return &shifts[shiftCursor];
        return nullptr;
    }

    // ---- behaviour ----

    const StopProfile &profile(const ShiftTruth *shift) const
    {
        if (scenario != Scenario::BadShift)
            return kNormal;
        if (badShiftIndex < 0)
            return kBad;
        return shift && shift->inst.shift == badShiftIndex ? kBad : kNormal;
    }

    void drawOwnRunning(MachineSim &s, TimestampMs t, const StopProfile &p = kNormal)
    {
        s.own = StateCategory::Running;
        s.ownCode = s.runningCode;
        s.rateFactor = uniform(s.rng, p.rateMin, p.rateMax);
        s.ownUntil = t + seconds(uniform(s.rng, p.runMinS, p.runMaxS));
    }

    // After a running period: mostly micro-stops (a few seconds, the operator clears a jam),
    // some breakdowns with a reason code.
    void drawOwnStop(MachineSim &s, TimestampMs t, const StopProfile &p)
    {
        if (uniform(s.rng, 0.0, 1.0) < p.downProbability && !s.downCodes.empty()) {
            s.own = StateCategory::Down;
            const auto n = static_cast<int>(s.downCodes.size());
            s.ownCode = s.downCodes[static_cast<std::size_t>(
                    std::uniform_int_distribution<int>(0, n - 1)(s.rng))];
            s.ownUntil = t + seconds(uniform(s.rng, p.downMinS, p.downMaxS));
        } else {
            s.own = StateCategory::Idle;
            s.ownCode = s.idleCode;
            s.ownUntil = t + seconds(uniform(s.rng, p.microMinS, p.microMaxS));
        }
    }

    void setState(MachineSim &s, StateCategory c, int code)
    {
        s.category = c;
        s.code = code;
    }

    int currentProduct(const MachineSim &s) const
    {
        if (model->products.empty())
            return 1;
        const int pi = s.line >= 0 ? lines[static_cast<std::size_t>(s.line)].productIndex : 0;
        return model->products[static_cast<std::size_t>(pi)].code;
    }

    void stepLine(LineSim &l, TimestampMs t)
    {
        if (t < l.productUntil || model->products.size() < 2)
            return;
        // Product change: the whole line stops for a changeover (SMED: 10-25 min).
        const int from = l.productIndex;
        l.productIndex = (l.productIndex + 1) % static_cast<int>(model->products.size());
        l.changeoverUntil = t + seconds(uniform(l.rng, 600, 1500));
        l.productUntil = l.changeoverUntil + seconds(uniform(l.rng, 3 * 3600, 8 * 3600));
        const std::size_t li = static_cast<std::size_t>(&l - lines.data());
        recordEvent(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("changeover")},
                {QStringLiteral("line"), model->lines[li].path},
                {QStringLiteral("from"), model->products[static_cast<std::size_t>(from)].code},
                {QStringLiteral("to"),
                 model->products[static_cast<std::size_t>(l.productIndex)].code},
                {QStringLiteral("start_ms"), static_cast<double>(t)},
                {QStringLiteral("end_ms"), static_cast<double>(l.changeoverUntil)}});
    }

    void decideState(MachineSim &s, TimestampMs t, ShiftTruth *shift, bool inBreak)
    {
        const StopProfile &p = profile(shift);
        // Own stops keep their clock in every state: repairs go on during breaks.
        for (int guard = 0; t >= s.ownUntil && guard < 16; ++guard) {
            if (s.own == StateCategory::Running)
                drawOwnStop(s, t, p);
            else
                drawOwnRunning(s, t, p);
        }
        const bool wasteWindow = s.wastesEnergy && t >= wasteStart && t < wasteEnd;
        if (!shift) {
            if (s.wastesEnergy)
                setState(s, StateCategory::Idle, s.idleCode); // left on after the shift
            else
                setState(s, StateCategory::Off, s.offCode);
            return;
        }
        if (inBreak) {
            setState(s, StateCategory::PlannedStop, s.plannedCode);
            return;
        }
        if (wasteWindow) {
            setState(s, StateCategory::Idle, s.idleCode); // waiting with everything on
            return;
        }
        if (s.line >= 0 && t < lines[static_cast<std::size_t>(s.line)].changeoverUntil) {
            setState(s, StateCategory::Changeover, s.changeoverCode);
            return;
        }
        if (s.own != StateCategory::Running) {
            setState(s, s.own, s.ownCode);
            return;
        }
        if (s.line >= 0) {
            const LineSim &l = lines[static_cast<std::size_t>(s.line)];
            const int pos = s.posInLine;
            if (pos > 0) {
                const int in = l.buffers[static_cast<std::size_t>(pos - 1)];
                s.starvedLatch = in == 0 || (s.starvedLatch && in < kBufferRestart);
            }
            if (pos + 1 < static_cast<int>(l.machines.size())) {
                const int outLevel = l.buffers[static_cast<std::size_t>(pos)];
                s.blockedLatch = outLevel >= kBufferCapacity
                        || (s.blockedLatch && outLevel > kBufferCapacity - kBufferRestart);
            }
            if (s.starvedLatch) {
                setState(s, StateCategory::Starved, s.starvedCode);
                return;
            }
            if (s.blockedLatch) {
                setState(s, StateCategory::Blocked, s.blockedCode);
                return;
            }
        }
        setState(s, StateCategory::Running, s.runningCode);
    }

    void produce(MachineSim &s, TimestampMs t, double dtS, ShiftTruth *shift)
    {
        if (s.category != StateCategory::Running)
            return;
        const int product = currentProduct(s);
        if (product != s.cycleProduct) {
            s.cycleProduct = product;
            s.idealCycleS = model->idealCycleSeconds(s.index, product);
        }
        const double cycle = s.idealCycleS;
        if (!(cycle > 0))
            return;
        const StopProfile &p = profile(shift);
        s.partProgress += dtS * s.rateFactor / cycle;
        LineSim *l = s.line >= 0 ? &lines[static_cast<std::size_t>(s.line)] : nullptr;
        int *in = l && s.posInLine > 0 ? &l->buffers[static_cast<std::size_t>(s.posInLine - 1)]
                                       : nullptr;
        int *outBuf = l && s.posInLine + 1 < static_cast<int>(l->machines.size())
                ? &l->buffers[static_cast<std::size_t>(s.posInLine)]
                : nullptr;
        // Bounded: at most a few parts per step even for very fast machines.
        for (int guard = 0; s.partProgress >= 1.0 && guard < 1000; ++guard) {
            if ((in && *in <= 0) || (outBuf && *outBuf >= kBufferCapacity)) {
                s.partProgress = std::min(s.partProgress, 1.0);
                break;
            }
            s.partProgress -= 1.0;
            if (in)
                --*in;
            const bool rejected = uniform(s.rng, 0.0, 1.0) < p.rejectProbability;
            if (rejected) {
                ++s.reject;
            } else {
                ++s.good;
                if (outBuf)
                    ++*outBuf;
            }
            s.recentParts.push_back(t);
            if (shift) {
                MachineTruth &mt = shift->machines[static_cast<std::size_t>(s.index)];
                ++mt.total;
                mt.good += rejected ? 0 : 1;
                mt.idealS += cycle;
            }
            if (++s.partsSinceMeasurement >= kPartsPerMeasurement) {
                s.partsSinceMeasurement = 0;
                for (Measurement &me : s.measurements)
                    pushFor(s, me.id, t, measure(me, s.measureRng, t));
            }
        }
    }

    double measure(const Measurement &me, std::mt19937_64 &rng, TimestampMs t) const
    {
        double shift = 0.0;
        double sigma = me.sigma;
        if (t >= driftStart) {
            switch (scenario) {
            case Scenario::SpcTrend: {
                const double hours = static_cast<double>(t - driftStart) / kHourMs;
                shift = std::min(kTrendSigmaPerHour * hours, kTrendCapSigma) * me.sigma;
                break;
            }
            case Scenario::SpcVariance: sigma *= kVarianceFactor; break;
            default: shift = kDriftShiftSigma * me.sigma; break;
            }
        }
        return me.mean + shift + normal(rng, sigma);
    }

    void physics(MachineSim &s, double dtS)
    {
        const bool running = s.category == StateCategory::Running;
        // First-order lags (exact discretisation, stable for any dt).
        const double tempTarget = running ? s.runTempC : kMotorIdleTargetC;
        s.motorTempC += (tempTarget - s.motorTempC) * (1.0 - std::exp(-dtS / kMotorTauS));
        double powerTarget = 0.0;
        switch (s.category) {
        case StateCategory::Running:
            powerTarget = s.ratedPowerKw * (0.8 + 0.2 * s.rateFactor);
            break;
        case StateCategory::Down: powerTarget = s.ratedPowerKw * 0.15; break;
        case StateCategory::Off: powerTarget = 0.2; break;
        case StateCategory::PlannedStop:
        case StateCategory::Changeover: powerTarget = s.ratedPowerKw * 0.2; break;
        default: powerTarget = s.ratedPowerKw * 0.3; break; // idle drives, PLC, lights
        }
        if (s.wastesEnergy && !running && s.category != StateCategory::Down)
            powerTarget = std::max(powerTarget, s.ratedPowerKw * 0.6); // hydraulics left on
        s.powerKw += (powerTarget - s.powerKw) * (1.0 - std::exp(-dtS / kPowerTauS));
        // Compressed air: cylinders and blow-off while producing, a little for clamps and
        // sensors while waiting, nothing when switched off.
        double air = 0.0;
        switch (s.category) {
        case StateCategory::Running: air = s.airNm3h * s.rateFactor; break;
        case StateCategory::Off: air = 0.0; break;
        case StateCategory::Down:
        case StateCategory::PlannedStop:
        case StateCategory::Changeover: air = 0.1 * s.airNm3h; break;
        default: air = 0.2 * s.airNm3h; break;
        }
        s.airFlow = air;
    }

    // Motor current from electrical power (P = sqrt(3) U I cos phi): the active current plus
    // the magnetising current of an energised motor, added in quadrature.
    double motorCurrent(const MachineSim &s) const
    {
        const double active = s.powerKw * 1000.0 / (kSqrt3 * kSupplyV);
        const double magnetising = s.category == StateCategory::Off
                ? 0.0
                : kMagnetisingShare * s.ratedCurrentA;
        return std::sqrt(active * active + magnetising * magnetising);
    }

    // Lines' air, the compressor and the main meter, after the machines' physics of step t;
    // energies integrate the power held over [t, t + step).
    void plantPhysics(TimestampMs t, double dtS, ShiftTruth *shift)
    {
        double totalFlow = 0.0;
        const double lag = 1.0 - std::exp(-dtS / kAirTauS);
        for (LineSim &l : lines) {
            double demand = l.baseLeakNm3h + (t >= l.leakOnset ? l.leakNm3h : 0.0);
            for (int mi : l.machines)
                demand += machines[static_cast<std::size_t>(mi)].airFlow;
            l.flowNm3h += (demand - l.flowNm3h) * lag;
            l.air.total += l.flowNm3h * dtS / 3600.0;
            totalFlow += l.flowNm3h;
        }
        for (const MachineSim &s : machines)
            if (s.line < 0)
                totalFlow += s.airFlow;
        compressorKw = std::min(kCompressorMaxKw,
                                kCompressorBaseKw + kCompressorKwhPerNm3 * totalFlow);
        baseKw = shift ? kBaseLoadShiftKw : kBaseLoadOffKw;
        double machinesKw = 0.0;
        for (const MachineSim &s : machines)
            machinesKw += s.powerKw;
        mainKw = machinesKw + compressorKw + baseKw;
        const double h = dtS / 3600.0;
        mainEnergy.total += mainKw * h;
        compressorEnergy.total += compressorKw * h;
        baseKwh += baseKw * h;
        if (shift) {
            shift->mainKwh += mainKw * h;
            shift->compressorKwh += compressorKw * h;
            shift->baseKwh += baseKw * h;
        }
    }

    void emitDiscrete(MachineSim &s, TimestampMs t)
    {
        if (s.code != s.lastEmittedCode || t - s.lastStateEmit >= kHeartbeatMs) {
            pushFor(s, s.stateTag, t, s.code);
            s.lastEmittedCode = s.code;
            s.lastStateEmit = t;
        }
        const int product = currentProduct(s);
        const bool countsChanged = s.good != s.lastEmittedGood || s.reject != s.lastEmittedReject;
        const bool heartbeat = t - s.lastCountEmit >= kHeartbeatMs;
        // The product has its own heartbeat: counts change every second while running.
        const bool productDue = product != s.lastEmittedProduct
                || t - s.lastProductEmit >= kHeartbeatMs;
        if (countsChanged || heartbeat || productDue) {
            pushFor(s, s.goodTag, t, static_cast<double>(s.good));
            pushFor(s, s.rejectTag, t, static_cast<double>(s.reject));
            pushFor(s, s.totalTag, t, static_cast<double>(s.good + s.reject));
            if (productDue) {
                pushFor(s, s.productTag, t, product);
                s.lastProductEmit = t;
            }
            s.lastEmittedGood = s.good;
            s.lastEmittedReject = s.reject;
            s.lastEmittedProduct = product;
            s.lastCountEmit = t;
        }
    }

    void publishAnalogs(MachineSim &s, TimestampMs t)
    {
        const bool running = s.category == StateCategory::Running;
        pushFor(s, s.rateTag, t,
                static_cast<double>(s.recentParts.size()) * 60000.0 / kRateWindowMs);
        pushFor(s, s.motorTempTag, t, s.motorTempC + normal(s.rng, 0.1));
        double base = s.vibBase;
        if (s.bearingFault && t >= bearingOnset)
            base *= std::exp(static_cast<double>(t - bearingOnset) / 1000.0 / kBearingTauS);
        const double vib = running ? base * (1.0 + normal(s.rng, 0.04)) : 0.2 + normal(s.rng, 0.03);
        pushFor(s, s.vibrationTag, t, std::max(0.0, vib));
        pushFor(s, s.powerTag, t, std::max(0.0, s.powerKw * (1.0 + normal(s.rng, 0.02))));
        if (s.currentTag != kInvalidTag)
            pushFor(s, s.currentTag, t, motorCurrent(s) * (1.0 + normal(s.meterRng, 0.01)));
        if (s.energy.id != kInvalidTag)
            pushFor(s, s.energy.id, t, reading(s.energy));
        for (GenericTag &g : s.others)
            pushFor(s, g.id, t, walk(g, s.rng));
    }

    // comms-faults: sensor dropouts (a machine's tags go silent for minutes, longer than any
    // staleness timeout) and now and then one bad value flagged Bad_SensorFailure.
    void injectCommsFaults(TimestampMs t)
    {
        for (MachineSim &s : machines) {
            if (s.dropoutStart == std::numeric_limits<TimestampMs>::max() || t >= s.dropoutEnd) {
                s.dropoutStart = t + seconds(uniform(faultRng, 1800, 3 * 3600));
                s.dropoutEnd = s.dropoutStart + seconds(uniform(faultRng, 120, 600));
                recordEvent(QJsonObject{
                        {QStringLiteral("type"), QStringLiteral("comms_dropout")},
                        {QStringLiteral("machine"), machinePath(s)},
                        {QStringLiteral("start_ms"), static_cast<double>(s.dropoutStart)},
                        {QStringLiteral("end_ms"), static_cast<double>(s.dropoutEnd)}});
            }
        }
    }

    void maybeBadValue(MachineSim &s, TimestampMs t)
    {
        // About one bad value per machine and 20 minutes (analog publishes at 1 Hz).
        if (uniform(faultRng, 0.0, 1.0) >= 1.0 / 1200.0
            || (t >= s.dropoutStart && t < s.dropoutEnd))
            return;
        const TagId tag = s.vibrationTag != kInvalidTag ? s.vibrationTag : s.motorTempTag;
        if (tag == kInvalidTag)
            return;
        const TagDef &def = model->tags[tag];
        // A broken sensor reads full scale (or a wild value when the range is not known).
        const double v = std::isnan(def.rangeHigh) ? 9999.0 : def.rangeHigh;
        push(tag, t, v, Quality::BadSensorFailure);
        recordEvent(QJsonObject{{QStringLiteral("type"), QStringLiteral("bad_value")},
                                {QStringLiteral("tag"), def.path},
                                {QStringLiteral("t_ms"), static_cast<double>(t)}});
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
        // Site meters (class 1 meters: 1 % noise on power) and the lines' air.
        push(mainPowerTag, t, mainKw * (1.0 + normal(meterRng, 0.01)));
        push(compressorPowerTag, t, compressorKw * (1.0 + normal(meterRng, 0.01)));
        if (mainEnergy.id != kInvalidTag)
            push(mainEnergy.id, t, reading(mainEnergy));
        if (compressorEnergy.id != kInvalidTag)
            push(compressorEnergy.id, t, reading(compressorEnergy));
        for (const LineSim &l : lines) {
            push(l.airFlowTag, t, l.flowNm3h * (1.0 + normal(meterRng, 0.02)));
            if (l.air.id != kInvalidTag)
                push(l.air.id, t, reading(l.air));
        }
        for (GenericTag &g : plantTags)
            push(g.id, t, walk(g, plantRng));
        for (const Measurement &me : plantMeasurements)
            push(me.id, t, measure(me, plantRng, t));
    }

    void step(TimestampMs t)
    {
        const double dtS = static_cast<double>(options.stepMs) / 1000.0;
        ShiftTruth *shift = shiftAt(t);
        const bool inBreak = shift && shift->inst.inBreak(t);
        if (shift && !inBreak)
            shift->plannedMs += options.stepMs;
        if (scenario == Scenario::CommsFaults)
            injectCommsFaults(t);
        for (LineSim &l : lines)
            stepLine(l, t);
        for (MachineSim &s : machines)
            decideState(s, t, shift, inBreak);
        for (MachineSim &s : machines) {
            produce(s, t, dtS, shift);
            while (!s.recentParts.empty() && s.recentParts.front() <= t - kRateWindowMs)
                s.recentParts.pop_front();
            physics(s, dtS);
            s.energy.total += s.powerKw * dtS / 3600.0;
            emitDiscrete(s, t);
            if (shift) {
                MachineTruth &mt = shift->machines[static_cast<std::size_t>(s.index)];
                if (!inBreak)
                    mt.plannedMs += options.stepMs;
                addTime(mt, s.code, options.stepMs);
                mt.energyKwh += s.powerKw * dtS / 3600.0;
            }
        }
        plantPhysics(t, dtS, shift);
        if (t == options.startMs) {
            // A quality characteristic is measured per part; its first value is published at
            // the start so a subscriber sees every tag even if the machine is stopped now.
            for (MachineSim &s : machines)
                for (const Measurement &me : s.measurements)
                    pushFor(s, me.id, t, measure(me, s.measureRng, t));
        }
        if (t >= nextAnalog) {
            for (MachineSim &s : machines) {
                publishAnalogs(s, t);
                if (scenario == Scenario::CommsFaults)
                    maybeBadValue(s, t);
            }
            publishPlant(t);
            const TimestampMs period = std::max(options.publishPeriodMs, 1);
            // Keep the schedule on its grid even if a step overshoots it.
            while (nextAnalog <= t)
                nextAnalog += period;
        }
    }

    static void addTime(MachineTruth &mt, int code, TimestampMs ms)
    {
        for (auto &[c, total] : mt.msByCode) {
            if (c == code) {
                total += ms;
                return;
            }
        }
        mt.msByCode.emplace_back(code, ms);
    }

    QJsonObject meterTruth(const Totaliser &tot) const
    {
        const TagDef &def = model->tags[tot.id];
        QJsonObject o{{QStringLiteral("tag"), def.path},
                      {QStringLiteral("start_reading"), tot.start},
                      {QStringLiteral("total"), tot.total},
                      {QStringLiteral("reading"), reading(tot)},
                      {QStringLiteral("unit"), def.unit}};
        if (def.rollover > 0) {
            o.insert(QStringLiteral("rollover"), def.rollover);
            o.insert(QStringLiteral("rollovers"),
                     std::floor((tot.start + tot.total) / def.rollover)
                             - std::floor(tot.start / def.rollover));
        }
        return o;
    }

    // Whole-run energy (every hour, shifts or not): the meters and the unmetered rest.
    QJsonObject energyTruth() const
    {
        QJsonArray meters;
        double machinesKwh = 0.0;
        for (const MachineSim &s : machines) {
            machinesKwh += s.energy.total;
            if (s.energy.id != kInvalidTag)
                meters.append(meterTruth(s.energy));
        }
        if (mainEnergy.id != kInvalidTag)
            meters.append(meterTruth(mainEnergy));
        if (compressorEnergy.id != kInvalidTag)
            meters.append(meterTruth(compressorEnergy));
        return QJsonObject{
                {QStringLiteral("main_kwh"), mainEnergy.total},
                {QStringLiteral("machines_kwh"), machinesKwh},
                {QStringLiteral("compressor_kwh"), compressorEnergy.total},
                {QStringLiteral("unmetered_kwh"), baseKwh},
                {QStringLiteral("base_load_kw"),
                 QJsonObject{{QStringLiteral("in_shift"), kBaseLoadShiftKw},
                             {QStringLiteral("off_shift"), kBaseLoadOffKw}}},
                {QStringLiteral("compressor"),
                 QJsonObject{{QStringLiteral("base_kw"), kCompressorBaseKw},
                             {QStringLiteral("kwh_per_nm3"), kCompressorKwhPerNm3},
                             {QStringLiteral("max_kw"), kCompressorMaxKw}}},
                {QStringLiteral("meters"), meters}};
    }

    QJsonObject airTruth() const
    {
        QJsonArray ls;
        for (std::size_t li = 0; li < lines.size() && li < model->lines.size(); ++li) {
            const LineSim &l = lines[li];
            QJsonObject o{{QStringLiteral("line"), model->lines[li].path},
                          {QStringLiteral("base_leak_nm3_h"), l.baseLeakNm3h},
                          {QStringLiteral("total_nm3"), l.air.total}};
            if (l.airFlowTag != kInvalidTag)
                o.insert(QStringLiteral("flow_tag"), model->tags[l.airFlowTag].path);
            if (l.air.id != kInvalidTag)
                o.insert(QStringLiteral("meter"), meterTruth(l.air));
            ls.append(o);
        }
        return QJsonObject{{QStringLiteral("unit"), QStringLiteral("Nm3/h")},
                           {QStringLiteral("lines"), ls}};
    }

    QJsonObject equipmentTruth() const
    {
        QJsonArray ms;
        for (const MachineSim &s : machines) {
            ms.append(QJsonObject{
                    {QStringLiteral("machine"), machinePath(s)},
                    {QStringLiteral("rated_power_kw"), s.ratedPowerKw},
                    {QStringLiteral("rated_current_a"), s.ratedCurrentA},
                    {QStringLiteral("magnetising_current_a"),
                     kMagnetisingShare * s.ratedCurrentA},
                    {QStringLiteral("air_nm3_h"), s.airNm3h}});
        }
        return QJsonObject{{QStringLiteral("supply_v"), kSupplyV},
                           {QStringLiteral("machines"), ms}};
    }

    QJsonObject machineTruthJson(const MachineSim &s, const MachineTruth &mt) const
    {
        const Machine &mach = model->machines[static_cast<std::size_t>(s.index)];
        QJsonObject byState;
        QJsonObject downByReason;
        TimestampMs runMs = 0;
        TimestampMs downMs = 0;
        auto byCode = mt.msByCode;
        std::sort(byCode.begin(), byCode.end());
        for (const auto &[code, ms] : byCode) {
            const StateDef *def = mach.state(code);
            const StateCategory c = def ? def->category : StateCategory::Unknown;
            if (c == StateCategory::Running)
                runMs += ms;
            if (c == StateCategory::Down) {
                downMs += ms;
                downByReason.insert(def->name, static_cast<double>(ms) / 1000.0);
            }
            const QString key = stateCategoryName(c);
            byState.insert(key, byState.value(key).toDouble() + static_cast<double>(ms) / 1000.0);
        }
        const double planned = static_cast<double>(mt.plannedMs) / 1000.0;
        const double run = static_cast<double>(runMs) / 1000.0;
        QJsonObject o{{QStringLiteral("machine"), mach.path},
                      {QStringLiteral("planned_production_time_s"), planned},
                      {QStringLiteral("run_time_s"), run},
                      {QStringLiteral("down_time_s"), static_cast<double>(downMs) / 1000.0},
                      {QStringLiteral("down_time_by_reason_s"), downByReason},
                      {QStringLiteral("time_by_state_s"), byState},
                      {QStringLiteral("total_count"), static_cast<double>(mt.total)},
                      {QStringLiteral("good_count"), static_cast<double>(mt.good)},
                      {QStringLiteral("ideal_run_time_s"), mt.idealS},
                      {QStringLiteral("energy_kwh"), mt.energyKwh}};
        // Count-weighted when several products ran in the shift.
        o.insert(QStringLiteral("ideal_cycle_s"),
                 mt.total > 0 ? QJsonValue(mt.idealS / static_cast<double>(mt.total))
                              : QJsonValue(model->idealCycleSeconds(s.index, currentProduct(s))));
        // ISO 22400-2:2014 KPIs: availability = APT / PBT (actual production time / planned
        // busy time), effectiveness (performance) = PRI x PQ / APT (planned run time per item
        // x produced quantity), quality ratio = GQ / PQ; OEE index = A x E x QR.
        const QJsonValue a = planned > 0 ? QJsonValue(run / planned) : QJsonValue();
        const QJsonValue p = run > 0 ? QJsonValue(mt.idealS / run) : QJsonValue();
        const QJsonValue q = mt.total > 0
                ? QJsonValue(static_cast<double>(mt.good) / static_cast<double>(mt.total))
                : QJsonValue();
        o.insert(QStringLiteral("availability"), a);
        o.insert(QStringLiteral("performance"), p);
        o.insert(QStringLiteral("quality"), q);
        o.insert(QStringLiteral("oee"), a.isDouble() && p.isDouble() && q.isDouble()
                         ? QJsonValue(a.toDouble() * p.toDouble() * q.toDouble())
                         : QJsonValue());
        return o;
    }
};

PlantSimulator::PlantSimulator(std::shared_ptr<const PlantModel> model, SimOptions options)
    : d(std::make_unique<Impl>())
{
    d->model = model ? std::move(model) : std::make_shared<const PlantModel>();
    d->options = std::move(options);
    if (d->options.publishPeriodMs <= 0)
        d->options.publishPeriodMs = 1000;
    if (d->options.stepMs <= 0)
        d->options.stepMs = 100;
    bool known = false;
    for (const auto &[sc, name] : kScenarios) {
        if (d->options.scenario == QLatin1String(name)) {
            d->scenario = sc;
            known = true;
        }
    }
    if (!known)
        qCWarning(lcSim).noquote() << "unknown scenario" << d->options.scenario
                                   << "- using \"normal\"";
    d->now = d->options.startMs;
    d->nextGrid = d->options.startMs;
    d->nextAnalog = d->options.startMs;
    d->calendarCoveredUntil = d->options.startMs;
    d->setup();
}

PlantSimulator::~PlantSimulator() = default;

SampleBatch PlantSimulator::advanceTo(TimestampMs simNowMs)
{
    d->out.clear();
    if (simNowMs > d->now)
        d->now = simNowMs;
    while (d->nextGrid <= d->now) {
        d->step(d->nextGrid);
        d->nextGrid += d->options.stepMs;
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

QJsonObject PlantSimulator::truth() const
{
    const TimestampMs end = d->nextGrid; // every grid step before it has been simulated
    QJsonArray shifts;
    for (const ShiftTruth &st : d->shifts) {
        if (st.inst.startMs >= end)
            break;
        QJsonArray ms;
        double machinesKwh = 0.0;
        for (const MachineSim &s : d->machines) {
            const MachineTruth &mt = st.machines[static_cast<std::size_t>(s.index)];
            ms.append(d->machineTruthJson(s, mt));
            machinesKwh += mt.energyKwh;
        }
        const bool open = st.inst.endMs > end;
        // main = machines + compressor + unmetered base load, exactly (same integration).
        const QJsonObject energy{{QStringLiteral("main_kwh"), st.mainKwh},
                                 {QStringLiteral("machines_kwh"), machinesKwh},
                                 {QStringLiteral("compressor_kwh"), st.compressorKwh},
                                 {QStringLiteral("unmetered_kwh"), st.baseKwh}};
        shifts.append(QJsonObject{
                {QStringLiteral("name"), st.inst.name},
                {QStringLiteral("day"), st.inst.day.isValid()
                         ? QJsonValue(st.inst.day.toString(Qt::ISODate))
                         : QJsonValue()},
                {QStringLiteral("start_ms"), static_cast<double>(std::max(st.inst.startMs,
                                                                          d->options.startMs))},
                {QStringLiteral("end_ms"), static_cast<double>(std::min(st.inst.endMs, end))},
                {QStringLiteral("complete"), !open && st.inst.startMs >= d->options.startMs},
                {QStringLiteral("planned_production_time_s"),
                 static_cast<double>(st.plannedMs) / 1000.0},
                {QStringLiteral("energy"), energy},
                {QStringLiteral("machines"), ms}});
    }
    // Fault windows are drawn ahead of time; report only those that have begun.
    QJsonArray events;
    for (const QJsonValue &e : d->events) {
        const QJsonObject o = e.toObject();
        if (o.value(QStringLiteral("type")).toString() == u"comms_dropout"
            && o.value(QStringLiteral("start_ms")).toDouble() >= static_cast<double>(end))
            continue;
        events.append(o);
    }
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("andon-sim-truth/1")},
                       {QStringLiteral("seed"), QString::number(d->options.seed)},
                       {QStringLiteral("scenario"), d->options.scenario},
                       {QStringLiteral("start_ms"), static_cast<double>(d->options.startMs)},
                       {QStringLiteral("end_ms"), static_cast<double>(end)},
                       {QStringLiteral("step_ms"), d->options.stepMs},
                       {QStringLiteral("time_zone"), d->model->calendar.timeZone},
                       {QStringLiteral("shifts"), shifts},
                       {QStringLiteral("energy"), d->energyTruth()},
                       {QStringLiteral("air"), d->airTruth()},
                       {QStringLiteral("equipment"), d->equipmentTruth()},
                       {QStringLiteral("events"), events}};
}

QStringList PlantSimulator::scenarios()
{
    QStringList names;
    for (const auto &[sc, name] : kScenarios)
        names << QLatin1String(name);
    return names;
}

} // namespace andon::sim
