// A small plant for the run-time alarm settings tests (tests/alarmedit.cmake): alarm entries in
// block style and flow style, with comments that a settings change must keep, one entry with
// `machines: all` (one alarm per machine), a deviation and a discrete alarm.
#pragma once

#include "core/config_loader.h"

#include <QByteArray>
#include <QDir>

namespace andon::test {

// Line numbers matter to the writer tests: temp_high starts on line 27, temp_high_high on 35,
// temp_low on 36, weight_dev on 37, fault on 39 (counted by hand).
inline const QByteArray kAlarmSettingsYaml = R"(andon: 1
plant: { enterprise: acme }
defaults:
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
    - { code: 12, name: Electrical fault, category: down }
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l
            machines:
              - name: m1
                tags:
                  - { name: state, role: state }
                  - { name: temp, unit: °C, decimals: 1, range: [0, 150] }
              - name: m2
                tags:
                  - { name: state, role: state }
                  - { name: temp, unit: °C, decimals: 1, range: [0, 150] }
            tags:
              - { name: weight, unit: kg, decimals: 3 }
alarms:
  # Motor temperature (block style; this comment stays)
  - name: temp_high
    tag: acme/s/a/l/m1/temp
    type: high
    limit: 90        # °C, from the motor datasheet
    deadband: 2
    on_delay_s: 5
    priority: 3
    message: "Motor {value} {unit} above {limit} {unit}"
  - { name: temp_high_high, tag: acme/s/a/l/m1/temp, type: high_high, limit: 110, priority: 1 }  # trip
  - { name: temp_low, tag: temp, machines: all, type: low, limit: 10, priority: 4 }
  - { name: weight_dev, tag: acme/s/a/l/weight, type: deviation, setpoint: 6.0, limit: 0.075,
      deadband: 0.01, priority: 2 }
  - { name: fault, tag: state, machines: all, type: discrete, values: [Electrical fault], priority: 2 }
)";

inline const QString kM1 = QStringLiteral("acme/s/a/l/m1/");
inline const QString kM2 = QStringLiteral("acme/s/a/l/m2/");
inline const QString kLine = QStringLiteral("acme/s/a/l/");

inline ConfigResult loadAlarmSettingsPlant(const QByteArray &yaml = kAlarmSettingsYaml)
{
    return ConfigLoader::loadString(yaml, QStringLiteral("plant.yaml"), QDir::tempPath());
}

} // namespace andon::test
