// The simulator's plant written into a real historian in-process (PlantSimulator::advanceTo +
// Historian::append), as the end-to-end tests (OEE, shift report, SPC, energy, health, KPI
// export) prepare their history before they run the real andon-cli or the engine on it.
#pragma once

#include "sim/plant_simulator.h"
#include "storage/historian.h"

#include <QString>

#include <algorithm>

namespace andon::test {

// Appends what `sim` produces from `from` up to `to` in slices of `sliceMs` (bounded:
// (to - from) / sliceMs + 1 slices), then flushes and seals every chunk. Returns the
// historian's last error ("" = none).
inline QString appendSimulated(storage::Historian &historian, sim::PlantSimulator &sim,
                               TimestampMs from, TimestampMs to, TimestampMs sliceMs)
{
    for (TimestampMs t = from; t < to;) {
        t = std::min(to, t + sliceMs);
        historian.append(sim.advanceTo(t));
    }
    historian.flush();
    historian.sealAll();
    return historian.stats().lastError;
}

} // namespace andon::test
