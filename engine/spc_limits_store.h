// Frozen, versioned SPC control limits kept in the historian's event journal: every freeze is
// one append-only event (category "spc", kind "limits.freeze", source = the characteristic's tag
// path, user, reason, details = the ControlLimits JSON plus the product), so the journal itself
// is the audit trail of which limits were in force. The limits in force are the newest version.
// A value type over a Historian it does not own; cheap to create, safe from any thread.
#pragma once

#include "analytics/spc.h"

#include <optional>
#include <vector>

namespace andon::storage {
class Historian;
}

namespace andon {

class SpcLimitsStore
{
public:
    static constexpr const char *kCategory = "spc";
    static constexpr const char *kFreezeKind = "limits.freeze";

    explicit SpcLimitsStore(storage::Historian *historian) : m_historian(historian) {}

    // Every frozen version for `characteristic` (tag path) and `product` ("" = no product
    // partition), oldest first. `chart` filters by chart type when given.
    std::vector<analytics::spc::ControlLimits> versions(const QString &characteristic,
        const QString &product,
        std::optional<analytics::spc::ChartType> chart = std::nullopt) const;
    // The limits in force: the newest version (of that chart type when given).
    std::optional<analytics::spc::ControlLimits> current(const QString &characteristic,
        const QString &product,
        std::optional<analytics::spc::ChartType> chart = std::nullopt) const;

    // Records `limits` as the next version (1 + the highest version of this characteristic
    // and product) with who/when/why, and returns what was stored. Refused (nullopt + *error)
    // without a historian, with an empty reason or user, with limits lacking a center, or when
    // the journal refuses the append (read-only cache, disk full).
    std::optional<analytics::spc::ControlLimits> freeze(const QString &characteristic,
        const QString &product, analytics::spc::ControlLimits limits, const QString &user,
        const QString &reason, TimestampMs nowMs, QString *error);

private:
    storage::Historian *m_historian;
};

} // namespace andon
