// A fresh historian file with every tag of a plant bound: the start of most tests that write
// samples through the real storage::Historian. Header-only (the test links andon_storage).
#pragma once

#include "core/plant_model.h"
#include "storage/historian.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>
#include <vector>

namespace andon::test {

// Opens (creates) the historian at `path` and binds all tags of `model`; nullptr and *error
// (the historian's own message) when either step fails.
inline std::unique_ptr<storage::Historian> openHistorianForModel(const QString &path,
                                                                 const PlantModel &model,
                                                                 QString *error)
{
    storage::HistorianOptions options;
    options.path = path;
    auto historian = storage::Historian::open(options, error);
    if (!historian)
        return nullptr;
    QStringList paths;
    for (const TagDef &t : model.tags)
        paths << t.path;
    if (!historian->bindTags(paths, error))
        return nullptr;
    return historian;
}

// Copies the historian file `source` to `copyPath` and opens the copy for writing (a test that
// adds journal entries works on a copy, so the other tests still see the untouched history);
// nullptr and *error when copying or opening fails.
inline std::unique_ptr<storage::Historian> openHistorianCopy(const QString &source,
                                                             const QString &copyPath,
                                                             QString *error)
{
    if (!QFile::copy(source, copyPath)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(source, copyPath);
        return nullptr;
    }
    storage::HistorianOptions options;
    options.path = copyPath;
    return storage::Historian::open(options, error);
}

// Appends Good samples of `tag` at the given (time, value) points and flushes, so that the
// next query sees them.
inline void appendGoodAndFlush(storage::Historian &historian, TagId tag,
                               const std::vector<std::pair<TimestampMs, double>> &points)
{
    SampleBatch batch;
    for (const auto &[t, v] : points)
        batch.push_back(Sample{tag, t, v, Quality::Good});
    historian.append(std::move(batch));
    historian.flush();
}

} // namespace andon::test
