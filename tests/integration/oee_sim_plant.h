// The plant shared by the OEE end-to-end tests (tst_oee_sim, tst_shift_report_sim): a line of
// three machines with total/good/reject counters and a product tag, the demo plant's
// three-shift calendar (the "bad" shift is the second one, "late") and two products. Everything
// below `plant:`, so each test can give the plant its own header.
#pragma once

#include <QByteArray>

namespace andon::test {

inline const QByteArray kOeeSimPlantBody = R"(defaults:
  stale_after_s: 15
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
    - { code: 2, name: Idle, category: idle }
    - { code: 3, name: Starved, category: starved }
    - { code: 4, name: Blocked, category: blocked }
    - { code: 5, name: Changeover, category: changeover }
    - { code: 6, name: Planned break, category: planned_stop }
    - { code: 10, name: Jam at infeed, category: down }
    - { code: 11, name: Tool breakage, category: down }
    - { code: 12, name: Electrical fault, category: down }
sites:
  - name: berlin
    timezone: Europe/Berlin
    areas:
      - name: assembly
        lines:
          - name: line1
            machines:
              - name: feeder
                ideal_rate_per_min: 62
                tags: &t
                  - { name: state, kind: state, role: state }
                  - { name: good_count, kind: counter, role: good_count }
                  - { name: reject_count, kind: counter, role: reject_count }
                  - { name: total_count, kind: counter, role: total_count }
                  - { name: product, role: product, decimals: 0 }
              - { name: press, ideal_rate_per_min: 60, tags: *t }
              - { name: tester, ideal_rate_per_min: 61, tags: *t }
calendar:
  non_production_days: []
  shifts:
    - name: early
      start: "06:00"
      hours: 8
      breaks: [ { start: "09:00", minutes: 15 }, { start: "11:30", minutes: 30 } ]
    - name: late
      start: "14:00"
      hours: 8
      breaks: [ { start: "17:00", minutes: 15 }, { start: "19:30", minutes: 30 } ]
    - name: night
      start: "22:00"
      hours: 8
      breaks: [ { start: "01:00", minutes: 15 }, { start: "03:30", minutes: 30 } ]
products:
  - { code: 101, name: Housing small, ideal_cycle_s: 1.0, by_path: { acme/berlin/assembly/line1/tester: 0.98 } }
  - { code: 102, name: Housing large, ideal_cycle_s: 1.2, by_path: { acme/berlin/assembly/line1/press: 1.3 } }
)";

} // namespace andon::test
