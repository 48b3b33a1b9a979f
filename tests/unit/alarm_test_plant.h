// A small plant with one alarm of every type, shared by the alarm tests. Ids:
// acme/s/a/l/m1/<name> for machine alarms, acme/s/a/l/<name> for the line's tags.
#pragma once

#include "core/config_loader.h"

#include <QDir>

namespace andon::test {

inline const QByteArray kAlarmPlantYaml = R"(andon: 1
plant: { enterprise: acme }
defaults:
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
    - { code: 6, name: Planned break, category: planned_stop }
    - { code: 12, name: Electrical fault, category: down }
sites:
  - name: s
    areas:
      - name: a
        lines:
          - name: l
            machines:
              - name: m1
                tags: &t
                  - { name: state, role: state }
                  - { name: temp, unit: °C, decimals: 1, range: [0, 150] }
              - { name: m2, tags: *t }
            tags:
              - { name: weight, unit: kg, decimals: 3, spec: { lsl: 5.9, target: 6.0, usl: 6.1 } }
              - { name: flow, unit: Nm³/h, decimals: 1 }
alarms:
  - { name: temp_high, tag: temp, machines: all, type: high, limit: 85, deadband: 3, priority: 3,
      suppress_in_states: [planned_stop, off], message: "Temperature {value} {unit} above {limit} {unit}" }
  - { name: temp_high_high, tag: temp, machines: all, type: high_high, limit: 100, deadband: 3,
      on_delay_s: 10, off_delay_s: 5, priority: 1 }
  - { name: temp_low, tag: temp, machines: all, type: low, limit: 10, deadband: 2, priority: 4 }
  - { name: temp_low_low, tag: temp, machines: all, type: low_low, limit: 5, priority: 2 }
  - { name: fault, tag: state, machines: all, type: discrete, values: [Electrical fault], priority: 2 }
  - { name: no_data, tag: state, machines: all, type: bad_quality, on_delay_s: 10, priority: 2 }
  - { name: weight_dev, tag: acme/s/a/l/weight, type: deviation, limit: 0.075, deadband: 0.01,
      priority: 2 }
  - { name: flow_rate, tag: acme/s/a/l/flow, type: rate_of_change, limit: 10, window_s: 60,
      priority: 4 }
)";

inline std::shared_ptr<const PlantModel> alarmTestPlant(QString *errors = nullptr)
{
    const ConfigResult r = ConfigLoader::loadString(
        kAlarmPlantYaml, QStringLiteral("alarms.yaml"), QDir::tempPath());
    if (errors)
        *errors = r.formattedMessages().join(u'\n');
    return r.model;
}

} // namespace andon::test
