// Derived tags: a tag whose `expression:` (muParser syntax, e.g. "power / (rate * 60)") over
// other tags is computed on ingest, so its samples take the normal path into the TagStore and
// the historian like any measured tag. Names in an expression are tag paths with '.' for '/'
// ("press2.power"), resolved from the derived tag outwards (the closest tag whose path ends
// with the name). The config loader checks expressions with checkDerivedTags(); the Engine
// owns one DerivedTagEngine per loaded model.
#pragma once

#include "core/plant_model.h"
#include "core/sample.h"

#include <QString>

#include <memory>
#include <mutex>
#include <vector>

namespace andon {

struct DerivedTagProblem
{
    TagId tag = kInvalidTag;
    int position = -1; // 0-based character position in the expression (-1 = whole expression)
    QString text;      // names the tag, the expression and the position, in words
};

// Every problem of every `expression` of the model: syntax errors (muParser's message and
// position), unknown or ambiguous tag names, a tag referring to itself, and cycles.
std::vector<DerivedTagProblem> checkDerivedTags(const PlantModel &model);

// The tag an expression name refers to: the tag whose path ends with `name` (dots for
// slashes) closest to `self` in the plant tree. kInvalidTag + *error when unknown/ambiguous.
TagId resolveDerivedName(const PlantModel &model, const TagDef &self, const QString &name,
                         QString *error);

class DerivedTagEngine
{
public:
    // Compiles the expressions of the model; tags with problems are left out (and logged).
    explicit DerivedTagEngine(const PlantModel &model);
    ~DerivedTagEngine();
    DerivedTagEngine(const DerivedTagEngine &) = delete;
    DerivedTagEngine &operator=(const DerivedTagEngine &) = delete;

    bool empty() const;
    // The tags computed (in evaluation order) and the tags one of them reads.
    std::vector<TagId> derivedTags() const;
    std::vector<TagId> inputsOf(TagId derived) const;

    // The derived samples caused by `batch`, in batch order: for every sample of an input,
    // each dependent derived tag (after all of its inputs have a value) at that sample's time.
    // Quality is the worst input quality; a non-finite result (division by zero) is Bad with
    // a NaN value. Derived tags of derived tags follow in the same call. Thread-safe.
    SampleBatch compute(const SampleBatch &batch);

private:
    struct Compiled;
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<Compiled>> m_compiled; // evaluation (topological) order
    std::vector<std::vector<int>> m_affected; // per TagId: compiled indices to evaluate, in order
    std::vector<double> m_values;             // latest value per TagId (muParser reads these)
    std::vector<Quality> m_quality;
    std::vector<char> m_hasValue;
};

} // namespace andon
