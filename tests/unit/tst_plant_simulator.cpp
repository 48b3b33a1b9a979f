// PlantSimulator: determinism, physical plausibility and publishing cadence, checked against
// references computed here from the samples themselves (not from simulator internals).
#include "sim/plant_simulator.h"
#include "tests/support/test_support.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using namespace andon;
using andon::sim::PlantSimulator;
using andon::sim::SimOptions;

namespace {

constexpr TimestampMs kStart = 1'700'000'000'000;
constexpr TimestampMs kMinute = 60'000;
constexpr TimestampMs kHour = 60 * kMinute;

struct TagSpec
{
    const char *name;
    TagKind kind;
    TagRole role;
    int decimals;
    double lo;
    double hi;
};

std::shared_ptr<const PlantModel> makeModel(int machineCount = 3)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto m = std::make_shared<PlantModel>();
    const std::vector<StateDef> states = {
        {0, QStringLiteral("Off"), StateCategory::Off},
        {1, QStringLiteral("Running"), StateCategory::Running},
        {2, QStringLiteral("Idle"), StateCategory::Idle},
        {3, QStringLiteral("Starved"), StateCategory::Starved},
        {4, QStringLiteral("Blocked"), StateCategory::Blocked},
        {10, QStringLiteral("Jam"), StateCategory::Down},
        {11, QStringLiteral("Tool breakage"), StateCategory::Down},
    };
    const TagSpec specs[] = {
        {"state", TagKind::State, TagRole::State, 0, nan, nan},
        {"good_count", TagKind::Counter, TagRole::GoodCount, 0, nan, nan},
        {"reject_count", TagKind::Counter, TagRole::RejectCount, 0, nan, nan},
        {"rate", TagKind::Analog, TagRole::Rate, 1, 0, 120},
        {"motor_temp", TagKind::Analog, TagRole::None, 1, 0, 120},
        {"vibration_rms", TagKind::Analog, TagRole::None, 2, 0, 20},
        {"power", TagKind::Analog, TagRole::None, 2, 0, 60},
        {"pressure", TagKind::Analog, TagRole::None, 2, 2, 8}, // unknown to the simulator
    };
    const auto addTag = [&](const QString &path, const QString &name, TagKind kind, TagRole role,
                            int decimals, double lo, double hi, int machine) {
        TagDef t;
        t.id = TagId(m->tags.size());
        t.name = name;
        t.path = path;
        t.kind = kind;
        t.role = role;
        t.decimals = decimals;
        t.rangeLow = lo;
        t.rangeHigh = hi;
        t.machine = machine;
        m->tagIndex.insert(path, t.id);
        m->tags.push_back(t);
        return t.id;
    };
    for (int i = 0; i < machineCount; ++i) {
        Machine mach;
        mach.name = QStringLiteral("m%1").arg(i);
        mach.path = QStringLiteral("acme/l1/") + mach.name;
        mach.states = states;
        mach.idealRatePerMin = 60 + 2 * i;
        for (const TagSpec &s : specs) {
            const QString name = QString::fromLatin1(s.name);
            const TagId id = addTag(mach.path + u'/' + name, name, s.kind, s.role, s.decimals,
                                    s.lo, s.hi, i);
            mach.tags.push_back(id);
            if (s.role != TagRole::None)
                mach.roleTags[static_cast<int>(s.role)] = id;
        }
        m->machines.push_back(mach);
    }
    addTag(QStringLiteral("acme/ambient_temp"), QStringLiteral("ambient_temp"), TagKind::Analog,
           TagRole::None, 1, nan, nan, -1);
    return m;
}

SimOptions options(std::uint64_t seed)
{
    SimOptions o;
    o.seed = seed;
    o.startMs = kStart;
    o.publishPeriodMs = 1000;
    return o;
}

SampleBatch run(const std::shared_ptr<const PlantModel> &model, std::uint64_t seed,
                TimestampMs duration, TimestampMs chunk)
{
    PlantSimulator sim(model, options(seed));
    SampleBatch all;
    TimestampMs t = kStart;
    while (t < kStart + duration) { // bounded: duration / chunk calls
        t = std::min(t + chunk, kStart + duration);
        const SampleBatch b = sim.advanceTo(t);
        all.insert(all.end(), b.begin(), b.end());
    }
    return all;
}

// Looked up by hand so this test does not depend on PlantModel's own lookup code.
TagId tagAt(const PlantModel &m, const QString &path)
{
    const auto it = m.tagIndex.constFind(path);
    return it == m.tagIndex.constEnd() ? kInvalidTag : it.value();
}

} // namespace

class TestPlantSimulator : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { andon::test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(andon::test::unexpectedWarnings(), QStringList()); }

    void sameSeedSameSamples();
    void callPatternDoesNotMatter();
    void differentSeedDifferentSamples();
    void timeOrderAndRange();
    void countersOnlyGrowWhileRunning();
    void rateMatchesCounters();
    void cadence();
    void plausibleOperation();
};

void TestPlantSimulator::sameSeedSameSamples()
{
    const auto model = makeModel();
    const SampleBatch a = run(model, 42, kHour, 250);
    const SampleBatch b = run(model, 42, kHour, 250);
    QVERIFY(a.size() > 10000);
    QVERIFY(a == b);
}

void TestPlantSimulator::callPatternDoesNotMatter()
{
    const auto model = makeModel();
    const SampleBatch small = run(model, 7, 20 * kMinute, 100);
    const SampleBatch odd = run(model, 7, 20 * kMinute, 777);
    const SampleBatch once = run(model, 7, 20 * kMinute, 20 * kMinute);
    QVERIFY(small == once);
    QVERIFY(odd == once);
}

void TestPlantSimulator::differentSeedDifferentSamples()
{
    const auto model = makeModel();
    const SampleBatch a = run(model, 1, 10 * kMinute, 1000);
    const SampleBatch b = run(model, 2, 10 * kMinute, 1000);
    QVERIFY(!(a == b));
    // Different in values, not only in length: compare the motor temperature of machine 0.
    const TagId temp = tagAt(*model, QStringLiteral("acme/l1/m0/motor_temp"));
    std::vector<double> ta, tb;
    for (const Sample &s : a)
        if (s.tag == temp)
            ta.push_back(s.value);
    for (const Sample &s : b)
        if (s.tag == temp)
            tb.push_back(s.value);
    QCOMPARE(ta.size(), tb.size());
    QVERIFY(ta != tb);
}

void TestPlantSimulator::timeOrderAndRange()
{
    const auto model = makeModel();
    const SampleBatch all = run(model, 3, 2 * kHour, 1000);
    TimestampMs last = kStart;
    for (const Sample &s : all) {
        QVERIFY(s.t_ms >= last);
        QVERIFY(s.t_ms <= kStart + 2 * kHour);
        last = s.t_ms;
        QVERIFY(s.tag < model->tags.size());
        const TagDef &def = model->tags[s.tag];
        QCOMPARE(s.q, Quality::Good);
        QVERIFY(std::isfinite(s.value));
        // Rounded to the tag's decimals: value * 10^d is an integer (within float noise).
        const double scaled = s.value * std::pow(10.0, def.decimals);
        QVERIFY2(std::abs(scaled - std::round(scaled)) < 1e-6,
                 qPrintable(def.path + u' ' + QString::number(s.value, 'g', 17)));
        if (!std::isnan(def.rangeLow))
            QVERIFY2(s.value >= def.rangeLow, qPrintable(def.path));
        if (!std::isnan(def.rangeHigh))
            QVERIFY2(s.value <= def.rangeHigh, qPrintable(def.path));
    }
}

void TestPlantSimulator::countersOnlyGrowWhileRunning()
{
    const auto model = makeModel();
    const SampleBatch all = run(model, 11, 4 * kHour, 5000);
    for (int m = 0; m < 3; ++m) {
        const auto path = QStringLiteral("acme/l1/m%1/").arg(m);
        const TagId st = tagAt(*model, path + u"state");
        const TagId good = tagAt(*model, path + u"good_count");
        const TagId rej = tagAt(*model, path + u"reject_count");
        int state = -1;
        double lastGood = -1, lastRej = -1;
        int increments = 0;
        for (const Sample &s : all) {
            if (s.tag == st) {
                state = static_cast<int>(s.value);
            } else if (s.tag == good || s.tag == rej) {
                double &last = s.tag == good ? lastGood : lastRej;
                QVERIFY2(s.value >= last, qPrintable(path));
                if (last >= 0 && s.value > last) {
                    ++increments;
                    QVERIFY2(state == 1, qPrintable(QStringLiteral("%1 produced in state %2 at %3")
                                                            .arg(path).arg(state).arg(s.t_ms)));
                }
                last = s.value;
            }
        }
        QVERIFY(increments > 1000); // 4 h at ~60/min, mostly running
    }
}

void TestPlantSimulator::rateMatchesCounters()
{
    // Reference: parts made in the last minute = total count now - total count 60 s ago, read
    // from the counter samples (sent on every change).
    const auto model = makeModel(1);
    const SampleBatch all = run(model, 5, 30 * kMinute, 1000);
    const TagId good = tagAt(*model, QStringLiteral("acme/l1/m0/good_count"));
    const TagId rej = tagAt(*model, QStringLiteral("acme/l1/m0/reject_count"));
    const TagId rate = tagAt(*model, QStringLiteral("acme/l1/m0/rate"));
    std::map<TimestampMs, double> total; // time -> good + reject after that time's samples
    double g = 0, r = 0;
    for (const Sample &s : all) {
        if (s.tag == good)
            g = s.value;
        else if (s.tag == rej)
            r = s.value;
        else
            continue;
        total[s.t_ms] = g + r;
    }
    const auto totalAt = [&](TimestampMs t) {
        auto it = total.upper_bound(t);
        return it == total.begin() ? 0.0 : std::prev(it)->second;
    };
    int checked = 0;
    for (const Sample &s : all) {
        if (s.tag != rate || s.t_ms < kStart + kMinute)
            continue;
        const double expected = totalAt(s.t_ms) - totalAt(s.t_ms - kMinute);
        QCOMPARE(s.value, expected);
        ++checked;
    }
    QVERIFY(checked > 1000);
}

void TestPlantSimulator::cadence()
{
    const auto model = makeModel(2);
    const TimestampMs duration = 10 * kMinute;
    const SampleBatch all = run(model, 9, duration, 700);
    std::map<TagId, std::vector<TimestampMs>> times;
    for (const Sample &s : all)
        times[s.tag].push_back(s.t_ms);
    for (const TagDef &def : model->tags) {
        const auto &t = times[def.id];
        QVERIFY2(!t.empty(), qPrintable(def.path));
        QCOMPARE(t.front(), kStart);
        if (def.kind == TagKind::Analog) {
            // One sample per second from the start, both ends included.
            QCOMPARE(t.size(), size_t(duration / 1000 + 1));
            for (size_t i = 1; i < t.size(); ++i)
                QCOMPARE(t[i] - t[i - 1], TimestampMs(1000));
        } else {
            // On change, and a heartbeat at least every 5 s.
            for (size_t i = 1; i < t.size(); ++i)
                QVERIFY2(t[i] - t[i - 1] <= 5000, qPrintable(def.path));
            QVERIFY(kStart + duration - t.back() <= 5000);
        }
    }
}

void TestPlantSimulator::plausibleOperation()
{
    // 8 simulated hours of 3 machines: the statistics must look like a real line.
    const auto model = makeModel();
    const SampleBatch all = run(model, 2024, 8 * kHour, 60000);
    for (int m = 0; m < 3; ++m) {
        const auto path = QStringLiteral("acme/l1/m%1/").arg(m);
        const TagId st = tagAt(*model, path + u"state");
        const TagId good = tagAt(*model, path + u"good_count");
        const TagId rej = tagAt(*model, path + u"reject_count");
        const TagId temp = tagAt(*model, path + u"motor_temp");
        const TagId vib = tagAt(*model, path + u"vibration_rms");
        const TagId power = tagAt(*model, path + u"power");
        std::map<int, TimestampMs> timeInState;
        std::set<int> downCodesSeen;
        int state = -1;
        TimestampMs since = kStart;
        double goodN = 0, rejN = 0;
        double runVib = 0, runPower = 0, idlePower = 0;
        int runVibN = 0, runPowerN = 0, idlePowerN = 0;
        double maxTemp = 0, minTemp = 1e9;
        for (const Sample &s : all) {
            if (s.tag == st && static_cast<int>(s.value) != state) {
                if (state >= 0)
                    timeInState[state] += s.t_ms - since;
                state = static_cast<int>(s.value);
                since = s.t_ms;
                if (state >= 10)
                    downCodesSeen.insert(state);
            } else if (s.tag == good) {
                goodN = s.value;
            } else if (s.tag == rej) {
                rejN = s.value;
            } else if (s.tag == temp && s.t_ms > kStart + kHour) {
                maxTemp = std::max(maxTemp, s.value);
                minTemp = std::min(minTemp, s.value);
            } else if (s.tag == vib && state == 1) {
                runVib += s.value;
                ++runVibN;
            } else if (s.tag == power && s.t_ms - since > 20000) { // after the 2 s ramp
                if (state == 1) {
                    runPower += s.value;
                    ++runPowerN;
                } else if (state >= 2 && state <= 4) {
                    idlePower += s.value;
                    ++idlePowerN;
                }
            }
        }
        timeInState[state] += kStart + 8 * kHour - since;
        const double runMin = timeInState[1] / double(kMinute);
        const double runFraction = timeInState[1] / double(8 * kHour);
        QVERIFY2(runFraction > 0.6 && runFraction < 0.98, qPrintable(QString::number(runFraction)));
        const double ideal = model->machines[m].idealRatePerMin;
        const double perRunMin = (goodN + rejN) / runMin;
        QVERIFY2(perRunMin > 0.83 * ideal && perRunMin < 1.01 * ideal,
                 qPrintable(QString::number(perRunMin)));
        const double rejectShare = rejN / (goodN + rejN);
        QVERIFY2(rejectShare > 0.005 && rejectShare < 0.03, qPrintable(QString::number(rejectShare)));
        QVERIFY2(!downCodesSeen.empty(), "no breakdown in 8 hours");
        QVERIFY(timeInState.count(0) == 0 || timeInState[0] == 0); // never Off in "normal"
        QVERIFY2(minTemp > 25 && maxTemp < 75, qPrintable(QStringLiteral("%1..%2").arg(minTemp).arg(maxTemp)));
        const double meanVib = runVib / runVibN;
        // Healthy machines run in ISO 10816-1 zone A/B for class II machines (below the B/C
        // boundary of 2.8 mm/s); the simulator draws baselines from 0.8-2.2 mm/s.
        QVERIFY2(meanVib >= 0.75 && meanVib <= 2.3, qPrintable(QString::number(meanVib)));
        QVERIFY(idlePowerN > 0 && runPowerN > 0);
        const double meanIdle = idlePower / idlePowerN;
        const double meanRun = runPower / runPowerN;
        QVERIFY2(meanIdle > 0 && meanIdle < 0.6 * meanRun,
                 qPrintable(QStringLiteral("idle %1 run %2").arg(meanIdle).arg(meanRun)));
    }
}

QTEST_GUILESS_MAIN(TestPlantSimulator)
#include "tst_plant_simulator.moc"
