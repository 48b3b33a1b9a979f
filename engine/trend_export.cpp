#include "engine/trend_export.h"

#include "core/tag_store.h"
#include "storage/csv_io.h"
#include "storage/historian.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace andon {

namespace {
// Raw samples are read in slices of this much time, so a month of 1 s data never sits in
// memory at once and the progress dialog gets regular ticks.
constexpr TimestampMs kSliceMs = 6 * 3'600'000;
} // namespace

bool exportTrendCsv(QIODevice *out, const QStringList &paths, TimestampMs from, TimestampMs to,
                    const storage::Historian *historian, const TagStore *store,
                    const PlantModel *model, TrendExportStats *stats, QString *error,
                    const std::function<bool(int, int)> &progress)
{
    TrendExportStats local;
    TrendExportStats &st = stats ? *stats : local;
    st = {};
    auto fail = [&] {
        if (error)
            *error = QCoreApplication::translate("andon::TrendExport", "cannot write the file: %1")
                         .arg(out->errorString());
        return false;
    };
    if (out->write(storage::sampleCsvHeader().toUtf8() + '\n') < 0)
        return fail();
    if (to < from)
        return true;
    const TimestampMs span = to - from;
    const int slices = int(std::min<TimestampMs>(span / kSliceMs + 1, 1'000'000));
    const int total = int(paths.size()) * slices;
    int done = 0;
    QByteArray buffer;
    for (const QString &path : paths) {
        TimestampMs newest = std::numeric_limits<TimestampMs>::min();
        const bool stored = historian && historian->tagDbId(path) >= 0;
        for (int i = 0; i < slices; ++i) {
            if (progress && !progress(done, total)) {
                st.cancelled = true;
                return true;
            }
            ++done;
            if (!stored)
                continue;
            const TimestampMs a = from + TimestampMs(i) * kSliceMs;
            const TimestampMs b = i + 1 == slices ? to : a + kSliceMs - 1;
            buffer.clear();
            for (const Sample &s : historian->raw(path, a, b)) {
                buffer += storage::formatSampleCsvRow(path, s).toUtf8();
                buffer += '\n';
                newest = std::max(newest, s.t_ms);
                ++st.rows;
            }
            if (!buffer.isEmpty() && out->write(buffer) < 0)
                return fail();
        }
        // The live edge: samples the historian has not committed yet.
        const TagId tag = model ? model->tagIdByPath(path) : kInvalidTag;
        if (store && tag != kInvalidTag && tag < store->tagCount()) {
            const TimestampMs since =
                newest == std::numeric_limits<TimestampMs>::min() ? from : std::max(from, newest + 1);
            buffer.clear();
            for (const Sample &s : store->recent(tag, since)) {
                if (s.t_ms > to)
                    break;
                buffer += storage::formatSampleCsvRow(path, s).toUtf8();
                buffer += '\n';
                ++st.rows;
            }
            if (!buffer.isEmpty() && out->write(buffer) < 0)
                return fail();
        }
    }
    if (progress)
        progress(total, total);
    return true;
}

} // namespace andon
