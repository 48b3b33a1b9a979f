// Test plant and helpers shared by the simulator scenario, truth and energy tests: a line of
// three machines (with energy meters rolling over at 20 kWh and motor currents), the line's
// air flow and totaliser, site main and compressor meters, a shift calendar and two
// products; run helpers and state intervals rebuilt from the published samples.
#pragma once

#include "core/config_loader.h"
#include "sim/plant_simulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <vector>

namespace andon::simtest {

using andon::sim::PlantSimulator;
using andon::sim::SimOptions;


inline constexpr TimestampMs kMinute = 60'000;
inline constexpr TimestampMs kHour = 60 * kMinute;
inline constexpr TimestampMs kDay = 24 * kHour;
inline constexpr int kOff = 0, kRunning = 1, kIdle = 2, kStarved = 3, kBlocked = 4, kBreak = 6;

inline TimestampMs utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()).toMSecsSinceEpoch();
}

// Saturday 10 January 2026, 00:00 in Berlin (CET = UTC+1).
inline const TimestampMs kSaturday = utc(2026, 1, 9, 23, 0);

inline const QByteArray kPlant = R"(andon: 1
plant: { enterprise: acme }
defaults:
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
    - { code: 2, name: Idle, category: idle }
    - { code: 3, name: Starved, category: starved }
    - { code: 4, name: Blocked, category: blocked }
    - { code: 5, name: Changeover, category: changeover }
    - { code: 6, name: Planned break, category: planned_stop }
    - { code: 10, name: Jam, category: down }
    - { code: 11, name: Tool breakage, category: down }
sites:
  - name: s
    timezone: Europe/Berlin
    areas:
      - name: a
        lines:
          - name: l1
            machines:
              - name: m0
                ideal_rate_per_min: 60
                tags: &t
                  - { name: state, role: state }
                  - { name: good_count, role: good_count }
                  - { name: reject_count, role: reject_count }
                  - { name: total_count, role: total_count }
                  - { name: product, role: product, decimals: 0 }
                  - { name: rate, role: rate, range: [0, 120] }
                  - { name: motor_temp, range: [0, 120] }
                  - { name: vibration_rms, decimals: 2, range: [0, 20] }
                  - { name: power, decimals: 2, range: [0, 60] }
                  - { name: motor_current, unit: A, decimals: 2, range: [0, 100] }
                  - { name: energy, kind: counter, unit: kWh, decimals: 3, rollover: 20 }
              - { name: m1, ideal_rate_per_min: 60, tags: *t }
              - { name: m2, ideal_rate_per_min: 60, tags: *t }
            tags:
              - { name: weight, unit: g, decimals: 3, spec: { lsl: 9, target: 10, usl: 11 } }
              - { name: air_flow, unit: Nm3/h, decimals: 2, range: [0, 400] }
              - { name: air_total, kind: counter, unit: Nm3, decimals: 3 }
    tags:
      - { name: main_power, unit: kW, decimals: 2, range: [0, 400] }
      - { name: main_energy, kind: counter, unit: kWh, decimals: 3 }
      - { name: compressor_power, unit: kW, decimals: 2, range: [0, 60] }
      - { name: compressor_energy, kind: counter, unit: kWh, decimals: 3, rollover: 65.536 }
)";

// Two shifts with breaks, Sunday off; two products (102 slower, slowest on m1).
inline const QByteArray kCalendar = R"(calendar:
  non_production_days: [sunday]
  shifts:
    - name: early
      start: "06:00"
      hours: 8
      breaks: [ { start: "09:00", minutes: 15 }, { start: "12:00", minutes: 30 } ]
    - name: late
      start: "14:00"
      hours: 8
      breaks: [ { start: "18:00", minutes: 30 } ]
products:
  - { code: 101, name: A, ideal_cycle_s: 1.0 }
  - { code: 102, name: B, ideal_cycle_s: 1.25, by_path: { acme/s/a/l1/m1: 1.3 } }
)";

inline double idealCycle(int product, int machine)
{
    if (product == 102)
        return machine == 1 ? 1.3 : 1.25;
    return 1.0;
}

// Shift windows in UTC for the days Saturday 10 .. Monday 12 January 2026 (winter, UTC+1):
// early 06:00-14:00 local = 05:00-13:00Z, late 13:00-21:00Z; Sunday has none.
struct Window
{
    TimestampMs start, end;
    std::vector<std::pair<TimestampMs, TimestampMs>> breaks;
    TimestampMs planned() const
    {
        TimestampMs p = end - start;
        for (const auto &b : breaks)
            p -= b.second - b.first;
        return p;
    }
};
inline std::vector<Window> calendarWindows()
{
    std::vector<Window> w;
    for (int day : {10, 12}) {
        w.push_back({utc(2026, 1, day, 5, 0), utc(2026, 1, day, 13, 0),
                     {{utc(2026, 1, day, 8, 0), utc(2026, 1, day, 8, 15)},
                      {utc(2026, 1, day, 11, 0), utc(2026, 1, day, 11, 30)}}});
        w.push_back({utc(2026, 1, day, 13, 0), utc(2026, 1, day, 21, 0),
                     {{utc(2026, 1, day, 17, 0), utc(2026, 1, day, 17, 30)}}});
    }
    return w;
}

inline std::shared_ptr<const PlantModel> loadModel(bool withCalendar)
{
    const ConfigResult r = ConfigLoader::loadString(
            kPlant + (withCalendar ? kCalendar : QByteArray()),
                                                    QStringLiteral("sim.yaml"));
    if (!r.ok() || !r.messages.empty())
        qFatal("test plant does not load: %s", qPrintable(r.formattedMessages().join(u'\n')));
    return r.model;
}

struct Run
{
    SampleBatch samples;
    QJsonObject truth;
};

inline Run run(const std::shared_ptr<const PlantModel> &model, const QString &scenario,
        std::uint64_t seed, TimestampMs start, TimestampMs duration, int stepMs,
        int publishMs = 1000, TimestampMs chunk = kHour)
{
    SimOptions o;
    o.seed = seed;
    o.scenario = scenario;
    o.startMs = start;
    o.stepMs = stepMs;
    o.publishPeriodMs = publishMs;
    PlantSimulator sim(model, o);
    Run r;
    for (TimestampMs t = start; t < start + duration;) { // bounded: duration / chunk calls
        t = std::min(t + chunk, start + duration);
        const SampleBatch b = sim.advanceTo(t);
        r.samples.insert(r.samples.end(), b.begin(), b.end());
    }
    r.truth = sim.truth();
    return r;
}

inline TagId tag(const PlantModel &m, int machine, const char *name)
{
    return m.tagIdByPath(
            QStringLiteral("acme/s/a/l1/m%1/%2").arg(machine).arg(QLatin1String(name)));
}

// State intervals [t_i, t_{i+1}) of one machine from its state samples; the last one runs to
// `end`.
struct Interval
{
    TimestampMs start, end;
    int code;
};
inline std::vector<Interval> intervals(const SampleBatch &all, TagId stateTag, TimestampMs end)
{
    std::vector<Interval> out;
    for (const Sample &s : all) {
        if (s.tag != stateTag)
            continue;
        const int code = static_cast<int>(s.value);
        if (!out.empty()) {
            out.back().end = s.t_ms;
            if (out.back().code == code) // heartbeat: same state continues
                continue;
        }
        out.push_back({s.t_ms, end, code});
    }
    return out;
}

inline TimestampMs overlap(const Interval &i, TimestampMs a, TimestampMs b)
{
    return std::max<TimestampMs>(0, std::min(i.end, b) - std::max(i.start, a));
}


} // namespace andon::simtest
