#include "engine/spc_limits_store.h"

#include "storage/historian.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cmath>

Q_LOGGING_CATEGORY(lcSpcLimits, "andon.spc.limits")

namespace andon {

using analytics::spc::ChartType;
using analytics::spc::ControlLimits;

std::vector<ControlLimits> SpcLimitsStore::versions(
    const QString &characteristic, const QString &product, std::optional<ChartType> chart) const
{
    std::vector<ControlLimits> out;
    if (!m_historian)
        return out;
    storage::EventQuery q;
    q.categories = { QLatin1String(kCategory) };
    q.kindPrefix = QLatin1String(kFreezeKind);
    q.sourcePrefix = characteristic;
    for (const storage::Event &e : m_historian->events(q)) {
        if (e.source != characteristic || e.kind != QLatin1String(kFreezeKind))
            continue;
        const QJsonObject json = QJsonDocument::fromJson(e.details.toUtf8()).object();
        if (json.value(QStringLiteral("product")).toString() != product)
            continue;
        QString error;
        std::optional<ControlLimits> limits = ControlLimits::fromJson(json, &error);
        if (!limits) {
            qCWarning(lcSpcLimits).noquote() << "journal event" << e.id << "for" << e.source
                                             << "has unreadable limits:" << error;
            continue;
        }
        if (chart && limits->chart != *chart)
            continue;
        out.push_back(std::move(*limits));
    }
    return out;
}

std::optional<ControlLimits> SpcLimitsStore::current(
    const QString &characteristic, const QString &product, std::optional<ChartType> chart) const
{
    std::vector<ControlLimits> all = versions(characteristic, product, chart);
    if (all.empty())
        return std::nullopt;
    // Append order is version order, but take the highest version explicitly.
    std::size_t best = 0;
    for (std::size_t i = 1; i < all.size(); ++i) {
        if (all[i].version >= all[best].version)
            best = i;
    }
    return all[best];
}

std::optional<ControlLimits> SpcLimitsStore::freeze(const QString &characteristic,
    const QString &product, ControlLimits limits, const QString &user, const QString &reason,
    TimestampMs nowMs, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<ControlLimits> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!m_historian)
        return fail(QStringLiteral("no historian is open: limits cannot be frozen (no audit "
                                   "trail)"));
    if (reason.trimmed().isEmpty())
        return fail(QStringLiteral("a reason is required to freeze limits"));
    if (user.trimmed().isEmpty())
        return fail(QStringLiteral("the user is unknown"));
    if (!std::isfinite(limits.center))
        return fail(QStringLiteral("the limits have no center line"));
    int highest = 0;
    for (const ControlLimits &l : versions(characteristic, product))
        highest = std::max(highest, l.version);
    limits.version = highest + 1;
    limits.frozenBy = user.trimmed();
    limits.frozenAtMs = nowMs;
    limits.reason = reason.trimmed();

    QJsonObject details = limits.toJson();
    details.insert(QStringLiteral("product"), product);
    storage::Event e;
    e.t = nowMs;
    e.category = QLatin1String(kCategory);
    e.kind = QLatin1String(kFreezeKind);
    e.source = characteristic;
    e.user = limits.frozenBy;
    e.message = QStringLiteral("SPC limits v%1 frozen for %2%3 (%4): %5")
                    .arg(limits.version)
                    .arg(characteristic,
                        product.isEmpty() ? QString() : QStringLiteral(", product ") + product,
                        analytics::spc::chartTypeName(limits.chart), limits.reason);
    e.oldValue = highest > 0 ? QString::number(highest) : QString();
    e.newValue = QString::number(limits.version);
    e.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    QString appendError;
    if (m_historian->appendEvent(e, &appendError) < 0)
        return fail(QStringLiteral("the journal refused the limits: %1").arg(appendError));
    return limits;
}

} // namespace andon
