// PlantSimulator energy, compressed air and motor current (docs/simulator.md): energy counters
// integrate the published power, roll over at their `rollover` and an increment-across-
// rollover calculation recovers the true energy; the main meter is the machines plus the
// compressor plus the unmetered base load; the air leak of energy-waste shows in the line's
// flow while it is stopped; motor current follows power with a magnetising current.
// Every expected value is computed here from the published samples and the physics stated in
// the comments, never from simulator internals.
#include "tests/unit/sim_test_plant.h"
#include "tests/support/test_support.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace andon;
using namespace andon::simtest;

namespace {

struct Series
{
    std::vector<TimestampMs> t;
    std::vector<double> v;
};

Series series(const SampleBatch &all, TagId tag)
{
    Series s;
    for (const Sample &x : all) {
        if (x.tag == tag) {
            s.t.push_back(x.t_ms);
            s.v.push_back(x.value);
        }
    }
    return s;
}

// Sum of the increments of a counter that wraps at `rollover`: a negative increment is a
// rollover, worth new + rollover - old.
struct Unwrapped
{
    double total = 0;
    int rollovers = 0;
};
Unwrapped unwrap(const Series &s, double rollover)
{
    Unwrapped u;
    for (std::size_t i = 1; i < s.v.size(); ++i) {
        double d = s.v[i] - s.v[i - 1];
        if (d < 0 && rollover > 0) {
            d += rollover;
            ++u.rollovers;
        }
        u.total += d;
    }
    return u;
}

// Energy (kWh) from power samples (kW) held until the next sample (a step sum), over
// [from, to).
double stepSumKwh(const Series &p, TimestampMs from, TimestampMs to)
{
    double kwh = 0;
    for (std::size_t i = 0; i + 1 < p.t.size(); ++i) {
        const TimestampMs a = std::max(p.t[i], from), b = std::min(p.t[i + 1], to);
        if (b > a)
            kwh += p.v[i] * double(b - a) / 3'600'000.0;
    }
    return kwh;
}

double meanIn(const Series &s, TimestampMs from, TimestampMs to)
{
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < s.t.size(); ++i) {
        if (s.t[i] >= from && s.t[i] < to) {
            sum += s.v[i];
            ++n;
        }
    }
    return n > 0 ? sum / n : std::nan("");
}

QJsonObject meterOf(const QJsonObject &truth, const QString &path)
{
    const QJsonArray meters
            = truth.value(u"energy").toObject().value(u"meters").toArray();
    for (const QJsonValue &m : meters)
        if (m.toObject().value(u"tag").toString() == path)
            return m.toObject();
    return {};
}

QJsonObject eventOf(const QJsonObject &truth, const char *type)
{
    for (const QJsonValue &v : truth.value(u"events").toArray())
        if (v.toObject().value(u"type").toString() == QLatin1String(type))
            return v.toObject();
    return {};
}

} // namespace

class TestSimEnergy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { andon::test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(andon::test::unexpectedWarnings(), QStringList()); }
    void energyCounterIntegratesPower();
    void rolloverIsRecovered();
    void mainMeterBalances();
    void motorCurrentFollowsPower();
    void airLeakShowsWhileStopped();
    void spcTrend();
    void spcVariance();
};

void TestSimEnergy::energyCounterIntegratesPower()
{
    const auto model = loadModel(false);
    const TimestampMs start = utc(2026, 2, 2, 0, 0);
    const Run r = run(model, QStringLiteral("normal"), 21, start, 6 * kHour, 500, 1000);
    for (int m = 0; m < 3; ++m) {
        const Series p = series(r.samples, tag(*model, m, "power"));
        const Series e = series(r.samples, tag(*model, m, "energy"));
        QVERIFY(p.t.size() > 20000 && e.t.size() == p.t.size());
        const double rollover = model->tags[tag(*model, m, "energy")].rollover;
        QCOMPARE(rollover, 20.0);
        const double counted = unwrap(e, rollover).total;
        // The counter sample at t includes the step [t, t + 0.5 s); the step sum over
        // [first, last) of the power samples is the same interval to one sample. Power is
        // published with 2 % noise (averages out over 21600 samples) and ramps with a 2 s
        // lag between 1 s samples: 1 % covers both.
        const double reference = stepSumKwh(p, e.t.front(), e.t.back());
        QVERIFY2(counted > 20, qPrintable(QString::number(counted)));
        QVERIFY2(std::abs(counted - reference) < 0.01 * reference,
                 qPrintable(QStringLiteral("m%1: counter %2 kWh, power samples %3 kWh")
                                    .arg(m)
                                    .arg(counted)
                                    .arg(reference)));
    }
}

void TestSimEnergy::rolloverIsRecovered()
{
    const auto model = loadModel(false);
    const TimestampMs start = utc(2026, 2, 2, 0, 0);
    const Run r = run(model, QStringLiteral("normal"), 22, start, 8 * kHour, 1000, 1000);
    int rolled = 0;
    const auto check = [&](const QString &path) {
        const TagId id = model->tagIdByPath(path);
        const Series e = series(r.samples, id);
        const Unwrapped u = unwrap(e, model->tags[id].rollover);
        const QJsonObject truth = meterOf(r.truth, path);
        QVERIFY2(!truth.isEmpty(), qPrintable(path));
        // Readings have 3 decimals: the sum of increments telescopes to last - first (+ the
        // rollovers), so only the two end readings' rounding (0.0005 each) remains. The truth
        // total runs to the end of the last step, one step after the last sample.
        const double last = truth.value(u"total").toDouble();
        const double firstReading = truth.value(u"start_reading").toDouble();
        // The first sample already holds the first step's energy (under 0.01 kWh).
        QVERIFY(std::abs(e.v.front() - firstReading) < 0.01);
        QVERIFY2(u.total <= last + 0.001 && u.total > last - 0.02,
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(path).arg(u.total).arg(last)));
        QCOMPARE(double(u.rollovers), truth.value(u"rollovers").toDouble());
        // Every reading stays inside [0, rollover).
        for (double v : e.v)
            QVERIFY(v >= 0 && v < model->tags[id].rollover);
        rolled += u.rollovers;
    };
    for (int m = 0; m < 3; ++m)
        check(QStringLiteral("acme/s/a/l1/m%1/energy").arg(m));
    check(QStringLiteral("acme/s/compressor_energy"));
    // 8 h at 8-25 kW rated on a 20 kWh register: every machine meter rolls over.
    QVERIFY2(rolled >= 3, qPrintable(QString::number(rolled)));
}

void TestSimEnergy::mainMeterBalances()
{
    const auto model = loadModel(true);
    // Saturday: shifts 05:00-21:00Z (breaks inside), off-shift the other 8 hours.
    const Run r = run(model, QStringLiteral("normal"), 23, kSaturday, kDay, 1000, 1000);
    const auto delta = [&](const QString &path) {
        const TagId id = model->tagIdByPath(path);
        return unwrap(series(r.samples, id), model->tags[id].rollover).total;
    };
    double machines = 0;
    for (int m = 0; m < 3; ++m)
        machines += delta(QStringLiteral("acme/s/a/l1/m%1/energy").arg(m));
    const double main = delta(QStringLiteral("acme/s/main_energy"));
    const double compressor = delta(QStringLiteral("acme/s/compressor_energy"));
    // Unmetered base load (docs/simulator.md): 28 kW during shifts (16 h) and 8 kW otherwise
    // (8 h): 28 x 16 + 8 x 8 = 512 kWh.
    const double rest = main - machines - compressor;
    QVERIFY2(std::abs(rest - 512.0) < 0.1, qPrintable(QString::number(rest)));
    const QJsonObject e = r.truth.value(u"energy").toObject();
    QVERIFY(std::abs(e.value(u"unmetered_kwh").toDouble() - 512.0) < 0.1);
    // A believable rest: 5-40 % of the site's energy.
    QVERIFY2(rest / main > 0.05 && rest / main < 0.4, qPrintable(QString::number(rest / main)));
    // Per shift in the truth: main = machines + compressor + unmetered, and the machines'
    // energy is the sum of theirs.
    int shifts = 0;
    for (const QJsonValue &v : r.truth.value(u"shifts").toArray()) {
        const QJsonObject s = v.toObject();
        const QJsonObject se = s.value(u"energy").toObject();
        double sum = 0;
        for (const QJsonValue &m : s.value(u"machines").toArray())
            sum += m.toObject().value(u"energy_kwh").toDouble();
        QVERIFY(std::abs(sum - se.value(u"machines_kwh").toDouble()) < 1e-6);
        const double balance = se.value(u"main_kwh").toDouble() - sum
                - se.value(u"compressor_kwh").toDouble() - se.value(u"unmetered_kwh").toDouble();
        QVERIFY(std::abs(balance) < 1e-6);
        // Early shift: 8 h x 28 kW.
        if (s.value(u"name").toString() == u"early" && s.value(u"complete").toBool()) {
            QVERIFY(std::abs(se.value(u"unmetered_kwh").toDouble() - 224.0) < 0.01);
            ++shifts;
        }
    }
    QCOMPARE(shifts, 1);
    // Power samples: the mean of main - machines - compressor is the base load.
    const Series mainP = series(r.samples, model->tagIdByPath(QStringLiteral("acme/s/main_power")));
    const Series compP
            = series(r.samples, model->tagIdByPath(QStringLiteral("acme/s/compressor_power")));
    std::vector<Series> machP;
    for (int m = 0; m < 3; ++m)
        machP.push_back(series(r.samples, tag(*model, m, "power")));
    const TimestampMs shiftA = utc(2026, 1, 10, 5, 30), shiftB = utc(2026, 1, 10, 7, 30);
    double residual = meanIn(mainP, shiftA, shiftB) - meanIn(compP, shiftA, shiftB);
    for (const Series &s : machP)
        residual -= meanIn(s, shiftA, shiftB);
    QVERIFY2(std::abs(residual - 28.0) < 0.5, qPrintable(QString::number(residual)));
}

void TestSimEnergy::motorCurrentFollowsPower()
{
    const auto model = loadModel(true);
    const Run r = run(model, QStringLiteral("normal"), 24, kSaturday, 12 * kHour, 1000, 1000);
    const QJsonArray equipment
            = r.truth.value(u"equipment").toObject().value(u"machines").toArray();
    QCOMPARE(equipment.size(), 3);
    QCOMPARE(r.truth.value(u"equipment").toObject().value(u"supply_v").toDouble(), 400.0);
    for (int m = 0; m < 3; ++m) {
        const QJsonObject eq = equipment[m].toObject();
        // Rated current of a 400 V three-phase motor at cos phi 0.86: P / (sqrt(3) U cos phi).
        const double rated = eq.value(u"rated_power_kw").toDouble() * 1000.0
                / (std::sqrt(3.0) * 400.0 * 0.86);
        QVERIFY(std::abs(eq.value(u"rated_current_a").toDouble() - rated) < 1e-6);
        const double magnetising = 0.3 * rated;
        const TagId st = tag(*model, m, "state"), pw = tag(*model, m, "power"),
                    cur = tag(*model, m, "motor_current");
        int state = -1;
        TimestampMs stateSince = 0;
        double power = std::nan("");
        int checked = 0, idleChecked = 0, offChecked = 0;
        for (const Sample &s : r.samples) {
            if (s.tag == st) {
                if (int(s.value) != state) {
                    state = int(s.value);
                    stateSince = s.t_ms;
                }
            } else if (s.tag == pw) {
                power = s.value;
            } else if (s.tag == cur && std::isfinite(power)) {
                // Active current from the (2 % noisy) power sample plus the magnetising
                // current in quadrature; current has 1 % noise: together about 2.3 %, so 12 %
                // + 0.3 A is over 5 sigma (tens of thousands of samples are checked).
                const double active = power * 1000.0 / (std::sqrt(3.0) * 400.0);
                const bool settled = s.t_ms - stateSince >= 30'000;
                if (state == kOff && settled) {
                    // Switched off: only the control supply (0.2 kW -> 0.3 A).
                    QVERIFY2(s.value < 1.0, qPrintable(QString::number(s.value)));
                    ++offChecked;
                } else if (state != kOff && settled) {
                    const double expected = std::hypot(active, magnetising);
                    QVERIFY2(std::abs(s.value - expected) < 0.12 * expected + 0.3,
                             qPrintable(QStringLiteral("m%1 state %2: %3 A, expected %4 A")
                                                .arg(m)
                                                .arg(state)
                                                .arg(s.value)
                                                .arg(expected)));
                    // Never the active current alone: an energised motor is magnetised.
                    QVERIFY(s.value > 0.95 * magnetising);
                    if (state == kIdle || state == kBreak)
                        ++idleChecked;
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 10000 && idleChecked > 100 && offChecked > 1000);
    }
}

void TestSimEnergy::airLeakShowsWhileStopped()
{
    const auto model = loadModel(true);
    // Saturday 00:00 local: off-shift until 06:00 local (05:00Z); the leak starts 1-3 h in.
    const Run r = run(model, QStringLiteral("energy-waste"), 25, kSaturday, kDay, 1000, 1000);
    const QJsonObject leak = eventOf(r.truth, "air_leak");
    QVERIFY(!leak.isEmpty());
    QCOMPARE(leak.value(u"line").toString(), QStringLiteral("acme/s/a/l1"));
    QCOMPARE(leak.value(u"tag").toString(), QStringLiteral("acme/s/a/l1/air_flow"));
    const TimestampMs onset = TimestampMs(leak.value(u"onset_ms").toDouble());
    const double size = leak.value(u"leak_nm3_h").toDouble();
    const TimestampMs shiftStart = utc(2026, 1, 10, 5, 0);
    QVERIFY(onset >= kSaturday + kHour && onset <= kSaturday + 3 * kHour);
    QVERIFY(size >= 30 && size <= 50);
    // Every machine of the line is stopped before the shift (off, or idling with power on for
    // the energy waster): the flow is the line's normal leakage (plus the waster's idle air)
    // before the onset and that plus the leak after it. 2 min for the 5 s flow lag to settle.
    const Series flow = series(r.samples, model->tagIdByPath(QStringLiteral("acme/s/a/l1/air_flow")));
    const double before = meanIn(flow, kSaturday + 2 * kMinute, onset);
    const double after = meanIn(flow, onset + 2 * kMinute, shiftStart);
    QVERIFY2(std::abs((after - before) - size) < 1.0,
             qPrintable(QStringLiteral("before %1, after %2, leak %3").arg(before).arg(after).arg(size)));
    const double baseLeak = leak.value(u"base_leak_nm3_h").toDouble();
    QVERIFY(before >= baseLeak - 0.5 && before < 20);
    // In the shift the line uses far more air than it leaks.
    QVERIFY(meanIn(flow, shiftStart + kHour, shiftStart + 3 * kHour) > after + 10);
    // The totaliser integrates the flow (Nm3 from Nm3/h samples, step sum), within 1 %.
    const Series total = series(r.samples, model->tagIdByPath(QStringLiteral("acme/s/a/l1/air_total")));
    const double counted = unwrap(total, 0).total;
    const double reference = stepSumKwh(flow, total.t.front(), total.t.back()); // same sum
    QVERIFY2(std::abs(counted - reference) < 0.01 * reference,
             qPrintable(QStringLiteral("%1 vs %2").arg(counted).arg(reference)));
}

void TestSimEnergy::spcTrend()
{
    const auto model = loadModel(false);
    const TimestampMs start = utc(2026, 2, 2, 0, 0);
    const Run r = run(model, QStringLiteral("spc-trend"), 4, start, 8 * kHour, 1000, 5000);
    const QJsonObject e = eventOf(r.truth, "spc_drift");
    QCOMPARE(e.value(u"kind").toString(), QStringLiteral("trend"));
    QCOMPARE(e.value(u"tag").toString(), QStringLiteral("acme/s/a/l1/weight"));
    const TimestampMs onset = TimestampMs(e.value(u"start_ms").toDouble());
    const TimestampMs capAt = TimestampMs(e.value(u"end_ms").toDouble());
    // Spec 9..11, Cp 1.33: sigma 0.25 g; 1 sigma per hour = 0.25 g/h, for 4 h.
    QCOMPARE(e.value(u"slope_per_h").toDouble(), 0.25);
    QCOMPARE(capAt - onset, 4 * kHour);
    const Series w = series(r.samples, model->tagIdByPath(QStringLiteral("acme/s/a/l1/weight")));
    // Least-squares slope (g per hour) in a window.
    const auto slope = [&](TimestampMs a, TimestampMs b) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (std::size_t i = 0; i < w.t.size(); ++i) {
            if (w.t[i] < a || w.t[i] >= b)
                continue;
            const double x = double(w.t[i] - a) / kHour;
            sx += x;
            sy += w.v[i];
            sxx += x * x;
            sxy += x * w.v[i];
            ++n;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    };
    // Over 3 h of 5 s samples (2160) with sigma 0.25 the slope's standard error is about
    // 0.25 / (sqrt(2160) x 0.87 h) = 0.007 g/h: 0.03 is over 4 standard errors.
    const double during = slope(onset, onset + 3 * kHour);
    QVERIFY2(std::abs(during - 0.25) < 0.03, qPrintable(QString::number(during)));
    const double beforeSlope = slope(start, onset);
    QVERIFY2(std::abs(beforeSlope) < 0.15, qPrintable(QString::number(beforeSlope)));
    // After the cap the mean stays 4 sigma (1 g) high.
    if (capAt + kHour < start + 8 * kHour)
        QVERIFY(std::abs(meanIn(w, capAt, start + 8 * kHour) - 11.0) < 0.05);
}

void TestSimEnergy::spcVariance()
{
    const auto model = loadModel(false);
    const TimestampMs start = utc(2026, 2, 2, 0, 0), end = start + 8 * kHour;
    const Run r = run(model, QStringLiteral("spc-variance"), 4, start, 8 * kHour, 1000, 5000);
    const QJsonObject e = eventOf(r.truth, "spc_drift");
    QCOMPARE(e.value(u"kind").toString(), QStringLiteral("variance"));
    QCOMPARE(e.value(u"sigma_factor").toDouble(), 2.0);
    const TimestampMs onset = TimestampMs(e.value(u"start_ms").toDouble());
    const Series w = series(r.samples, model->tagIdByPath(QStringLiteral("acme/s/a/l1/weight")));
    const auto variance = [&](TimestampMs a, TimestampMs b) {
        const double mean = meanIn(w, a, b);
        double q = 0;
        int n = 0;
        for (std::size_t i = 0; i < w.t.size(); ++i)
            if (w.t[i] >= a && w.t[i] < b) {
                q += (w.v[i] - mean) * (w.v[i] - mean);
                ++n;
            }
        return q / (n - 1);
    };
    const double vb = variance(start, onset), va = variance(onset, end);
    // Variance x 4 (sigma x 2). With >= 720 samples on each side the ratio's F distribution
    // has a standard deviation below 0.1 x 4: 3.2-4.9 is well over 2 of them.
    QVERIFY2(va / vb > 3.2 && va / vb < 4.9, qPrintable(QString::number(va / vb)));
    // Same mean: a variance change, not a shift (sigma after 0.5 g, 720+ samples).
    QVERIFY(std::abs(meanIn(w, onset, end) - 10.0) < 0.06);
    QVERIFY(std::abs(std::sqrt(vb) - 0.25) < 0.025);
}

QTEST_GUILESS_MAIN(TestSimEnergy)
#include "tst_sim_energy.moc"
