// Exports the raw samples of a trend's pens in a time range as CSV in the format
// `andon-cli import` reads (storage/csv_io.h: timestamp,tag,value,quality), from the historian
// plus the TagStore ring buffer for samples the historian has not committed yet.
// Stateless; runs on the caller's thread in slices so a progress dialog can cancel it.
#pragma once

#include "core/plant_model.h"

#include <QIODevice>
#include <QStringList>

#include <functional>

namespace andon::storage {
class Historian;
}

namespace andon {

class TagStore;

struct TrendExportStats
{
    std::uint64_t rows = 0;
    bool cancelled = false;
};

// Writes the header and every sample of `paths` in [from, to] (per pen, oldest first).
// `progress(done, total)` is called between slices (total = pens x slices); returning false
// cancels (the file then ends early, with `cancelled` set). historian and store may be null.
// Returns false with *error when writing fails.
bool exportTrendCsv(QIODevice *out, const QStringList &paths, TimestampMs from, TimestampMs to,
                    const storage::Historian *historian, const TagStore *store,
                    const PlantModel *model, TrendExportStats *stats, QString *error,
                    const std::function<bool(int done, int total)> &progress = {});

} // namespace andon
