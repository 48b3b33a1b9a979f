// A small plant with hand-built OEE history for the reason and OEE page tests: one line
// (press, oven) with a UTC shift calendar and a reason tree, and the state and counter samples
// of the night shift 2025-03-09 22:00 .. 2025-03-10 06:00 and the early shift 2025-03-10
// 06:00 .. 14:00 (break 10:00-10:30) up to "now" = 13:30. Test-only.
//
// Expected values, worked out by hand (independent of the code):
//
// press (ideal cycle 60 / 60 per min = 1 s), early shift up to 13:30:
//   planned operating time (POT) = 06:00..13:30 minus the break 10:00..10:30 = 420 min;
//   no planned-stop state inside it, so planned busy time (PBT) = 420 min.
//   Not running inside PBT: down 07:00-07:40 "Jam at infeed" (40 min, a breakdown),
//   idle 09:00-09:03 (3 min, a micro-stop < 5 min), down 11:00-11:20 "Tool breakage"
//   (20 min), changeover 12:00-12:17 (17 min)  -> run time = 420 - 40 - 3 - 20 - 17 = 340 min.
//   Counts: good 25000 -> 43000 = 18000, reject 300 -> 660 = 360, total 18360.
//   Availability = 340 / 420                    = 0.809524  (81.0 %)
//   Performance  = 18360 x 1 s / (340 x 60 s)   = 18360 / 20400 = 0.900000 (90.0 %)
//   Quality      = 18000 / 18360                = 0.980392  (98.0 %)
//   OEE          = 0.809524 x 0.9 x 0.980392    = 0.714286  (71.4 %)  (= 306/420 x 18000/18360)
//   Stops (down and idle) by planned minutes: 40 (07:00), 3 (09:00), 20 (11:00) = 63 min.
//
// press, night shift 22:00 .. 06:00 (no breaks, 480 min), running throughout:
//   A = 1, counts good 0 -> 25000, reject 0 -> 300: P = 25300 / 28800 = 0.878472,
//   Q = 25000 / 25300 = 0.988142, OEE = 0.868056 (86.8 %).
//
// oven (ideal cycle 60 / 30 = 2 s), running throughout; good 0 -> 14000 (night) -> 26000
//   (13:29), no rejects. Early shift: A = 1, P = 12000 x 2 / 25200 = 0.952381, Q = 1,
//   OEE = 95.2 %. The line's bottleneck is the oven (2 s > 1 s), so the line OEE is 95.2 %.
#pragma once

#include "core/config_loader.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

#include <memory>

namespace andon::test {

inline const QByteArray kOeeTestPlantYaml = R"(andon: 1
plant: { enterprise: acme, title: OEE test plant }
sites:
  - name: site
    timezone: UTC
    areas:
      - name: area
        lines:
          - name: line1
            machines:
              - name: press
                ideal_rate_per_min: 60
                stale_after_s: 36000
                states: &states
                  - { code: 1, name: Running, category: running }
                  - { code: 2, name: Idle, category: idle }
                  - { code: 5, name: Changeover, category: changeover }
                  - { code: 6, name: Planned break, category: planned_stop }
                  - { code: 10, name: Jam at infeed, category: down }
                  - { code: 11, name: Tool breakage, category: down }
                tags: &tags
                  - { name: state, kind: state, role: state }
                  - { name: good_count, kind: counter, role: good_count, unit: parts, decimals: 0 }
                  - { name: reject_count, kind: counter, role: reject_count, unit: parts, decimals: 0 }
              - name: oven
                ideal_rate_per_min: 30
                stale_after_s: 36000
                states: *states
                tags: *tags
calendar:
  timezone: UTC
  shifts:
    - { name: early, start: "06:00", hours: 8, breaks: [ { start: "10:00", minutes: 30 } ] }
    - { name: late, start: "14:00", hours: 8 }
    - { name: night, start: "22:00", hours: 8 }
oee:
  targets: { oee: 75, availability: 85, performance: 90, quality: 99 }
  reasons:
    - code: breakdown
      name: Breakdown
      category: breakdown
      children:
        - code: mechanical
          name: Mechanical
          children:
            - { code: jam, name: Jam / blockage }
            - { code: tool, name: Tool breakage }
        - { code: electrical, name: Electrical }
    - { code: material, name: Material, category: material }
    - { code: minor, name: Minor stop, category: minor_stop }
  by_path:
    acme/site/area/line1/oven:
      reasons:
        - { code: breakdown/mechanical/tool, enabled: false }
        - { code: breakdown/burner, name: Burner fault }
)";

inline TimestampMs oeeTestUtc(int day, int h, int m, int s = 0)
{
    return QDateTime(QDate(2025, 3, day), QTime(h, m, s), QTimeZone::utc()).toMSecsSinceEpoch();
}

// "Now" of the tests: 2025-03-10 13:30 UTC, inside the early shift.
inline TimestampMs oeeTestNow()
{
    return oeeTestUtc(10, 13, 30);
}

inline std::shared_ptr<const PlantModel> makeOeeTestPlant(QString *error = nullptr)
{
    const ConfigResult r = ConfigLoader::loadString(kOeeTestPlantYaml, QStringLiteral("oee.yaml"));
    if (error)
        *error = r.formattedMessages().join(u'\n');
    return r.model;
}

// Writes the history described above into `h` (tags bound from `model`) and flushes it.
inline bool writeOeeTestHistory(const PlantModel &model, storage::Historian &h, QString *error)
{
    QStringList paths;
    for (const TagDef &t : model.tags)
        paths << t.path;
    if (!h.bindTags(paths, error))
        return false;
    const auto id = [&](const char *path) {
        return model.tagIdByPath(QStringLiteral("acme/site/area/line1/") + QLatin1String(path));
    };
    const auto u = [](int day, int h, int m) { return oeeTestUtc(day, h, m); };
    SampleBatch b;
    const auto add = [&](const char *tag, TimestampMs t, double v) {
        b.push_back(Sample{id(tag), t, v, Quality::Good});
    };
    // press states (codes above)
    add("press/state", u(9, 21, 0), 1);
    add("press/state", u(10, 5, 0), 1); // heartbeat: OeeQuery looks back 2 h for the state
    add("press/state", u(10, 7, 0), 10);
    add("press/state", u(10, 7, 40), 1);
    add("press/state", u(10, 9, 0), 2);
    add("press/state", u(10, 9, 3), 1);
    add("press/state", u(10, 10, 0), 6);
    add("press/state", u(10, 10, 30), 1);
    add("press/state", u(10, 11, 0), 11);
    add("press/state", u(10, 11, 20), 1);
    add("press/state", u(10, 12, 0), 5);
    add("press/state", u(10, 12, 17), 1);
    // press counters: baselines before each shift, one reading at its end
    add("press/good_count", u(9, 21, 59), 0);
    add("press/reject_count", u(9, 21, 59), 0);
    add("press/good_count", u(10, 5, 59), 25000);
    add("press/reject_count", u(10, 5, 59), 300);
    add("press/good_count", u(10, 13, 29), 43000);
    add("press/reject_count", u(10, 13, 29), 660);
    // oven: running throughout
    add("oven/state", u(9, 21, 0), 1);
    add("oven/state", u(10, 5, 0), 1);
    add("oven/good_count", u(9, 21, 59), 0);
    add("oven/reject_count", u(9, 21, 59), 0);
    add("oven/good_count", u(10, 5, 59), 14000);
    add("oven/reject_count", u(10, 5, 59), 0);
    add("oven/good_count", u(10, 13, 29), 26000);
    add("oven/reject_count", u(10, 13, 29), 0);
    std::sort(b.begin(), b.end(),
              [](const Sample &x, const Sample &y) { return x.t_ms < y.t_ms; });
    h.append(std::move(b));
    h.flush();
    return true;
}

} // namespace andon::test
