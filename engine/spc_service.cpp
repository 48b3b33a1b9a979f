#include "engine/spc_service.h"

#include "engine/alarm_service.h"
#include "engine/spc_limits_store.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSpcService, "andon.spc")

namespace andon {

using namespace analytics::spc;

SpcService::SpcService(std::shared_ptr<const PlantModel> model, storage::Historian *historian,
    SpcSettings settings, QObject *parent)
    : QObject(parent)
    , m_model(std::move(model))
    , m_historian(historian)
    , m_settings(settings)
    , m_characteristics(spcCharacteristics(*m_model))
{
}

SpcService::~SpcService()
{
    stop();
}

QString SpcService::violationKey(const QString &characteristic, const QString &product,
    const QString &rule, TimestampMs pointMs)
{
    return characteristic + QLatin1Char('|') + product + QLatin1Char('|') + rule
        + QLatin1Char('|') + QString::number(pointMs);
}

void SpcService::loadJournaled(const SpcCharacteristic &c, TimestampMs fromMs)
{
    storage::EventQuery q;
    q.categories = { QLatin1String(SpcLimitsStore::kCategory) };
    q.kindPrefix = QLatin1String(kViolationKind);
    q.sourcePrefix = c.path;
    q.from = fromMs - kLookbackMs; // events are stamped with their point's time
    for (const storage::Event &e : m_historian->events(q)) {
        if (e.source != c.path)
            continue;
        const QJsonObject d = QJsonDocument::fromJson(e.details.toUtf8()).object();
        m_journaled.insert(violationKey(c.path, d.value(QStringLiteral("product")).toString(),
            d.value(QStringLiteral("rule")).toString(),
            static_cast<TimestampMs>(d.value(QStringLiteral("point_time_ms")).toDouble())));
    }
    m_loaded.insert(c.path);
}

int SpcService::evaluate(TimestampMs nowMs)
{
    if (!m_historian)
        return 0;
    std::lock_guard lock(m_mutex);
    const TimestampMs from = spcAlignedStart(*m_model, nowMs - kLookbackMs);
    const SpcLimitsStore store(m_historian);
    int written = 0;
    for (const SpcCharacteristic &c : m_characteristics) {
        if (!m_loaded.contains(c.path))
            loadJournaled(c, from);
        const SpcAnalysis a = analyseSpc(*m_model, *m_historian, &store, c, m_settings, from, nowMs);
        updateAlarm(c, a);
        for (const SpcChart &chart : a.charts) {
            if (!chart.frozen)
                continue;
            const auto &groups = chart.result.subgroups;
            for (const Violation &v : chart.result.violations) {
                if (v.point < 0 || v.point >= int(groups.size()))
                    continue;
                const RuleInfo &info = ruleInfo(v.rule);
                const TimestampMs pointMs = groups[std::size_t(v.point)].lastMs;
                const QString key = violationKey(c.path, chart.product,
                    QLatin1String(info.id), pointMs);
                if (m_journaled.contains(key))
                    continue;
                QJsonArray points;
                for (int i : v.points) {
                    if (i < 0 || i >= int(groups.size()))
                        continue;
                    const Subgroup &g = groups[std::size_t(i)];
                    const ChartSeries &s = v.series == chart.result.primary.name
                            || !chart.result.secondary
                        ? chart.result.primary
                        : *chart.result.secondary;
                    const double value = std::size_t(i) < s.values.size()
                        ? s.values[std::size_t(i)]
                        : kNaN;
                    points.append(QJsonObject { { QStringLiteral("index"), i },
                        { QStringLiteral("first_ms"), double(g.firstMs) },
                        { QStringLiteral("last_ms"), double(g.lastMs) },
                        { QStringLiteral("value"),
                            std::isfinite(value) ? QJsonValue(value) : QJsonValue() } });
                }
                const QJsonObject details { { QStringLiteral("rule"), QLatin1String(info.id) },
                    { QStringLiteral("family"), QLatin1String(info.family) },
                    { QStringLiteral("text"), QLatin1String(info.text) },
                    { QStringLiteral("series"), v.series },
                    { QStringLiteral("chart"), chartTypeName(chart.result.type) },
                    { QStringLiteral("product"), chart.product },
                    { QStringLiteral("limits_version"), chart.result.limits.version },
                    { QStringLiteral("point_time_ms"), double(pointMs) },
                    { QStringLiteral("points"), points } };
                storage::Event e;
                e.t = pointMs;
                e.category = QLatin1String(SpcLimitsStore::kCategory);
                e.kind = QLatin1String(kViolationKind);
                e.source = c.path;
                e.message = QStringLiteral("SPC %1 %2%3: %4 (%5 points)")
                                .arg(c.name, QLatin1String(info.id),
                                    chart.product.isEmpty()
                                        ? QString()
                                        : QStringLiteral(", product ") + chart.product,
                                    QLatin1String(info.text))
                                .arg(v.points.size());
                e.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
                QString error;
                if (m_historian->appendEvent(e, &error) < 0) {
                    qCWarning(lcSpcService).noquote()
                        << "violation of" << c.path << "not journaled:" << error;
                    return written; // retried next time (the key is not marked)
                }
                m_journaled.insert(key);
                ++written;
            }
        }
    }
    if (written > 0)
        emit violationsWritten(written);
    return written;
}

void SpcService::updateAlarm(const SpcCharacteristic &c, const SpcAnalysis &a)
{
    if (!m_alarms || c.tag >= m_model->tags.size())
        return;
    const int index = m_model->tags[c.tag].spcAlarm;
    if (index < 0 || index >= int(m_model->alarms.size()))
        return;
    const AlarmDef &def = m_model->alarms[std::size_t(index)];
    // The chart of the product running now: the one whose last subgroup is the latest.
    const SpcChart *latest = nullptr;
    for (const SpcChart &chart : a.charts) {
        if (chart.result.subgroups.empty())
            continue;
        if (!latest
            || chart.result.subgroups.back().lastMs > latest->result.subgroups.back().lastMs)
            latest = &chart;
    }
    bool active = false;
    TimestampMs t = a.toMs;
    double value = kNaN;
    QStringList rules, texts;
    // Trial limits move with the data: only frozen limits raise the alarm (as for the journal).
    if (latest && latest->frozen) {
        const auto &groups = latest->result.subgroups;
        const int last = int(groups.size()) - 1;
        t = groups.back().lastMs;
        const ChartSeries &primary = latest->result.primary;
        if (std::size_t(last) < primary.values.size())
            value = primary.values[std::size_t(last)];
        for (const Violation &v : latest->result.violations) {
            const RuleInfo &info = ruleInfo(v.rule);
            const QString id = QLatin1String(info.id);
            if (v.point != last || (!def.rules.isEmpty() && !def.rules.contains(id))
                || rules.contains(id))
                continue;
            active = true;
            rules << id;
            texts << id + QStringLiteral(" ") + QLatin1String(info.text);
        }
    }
    const QString message = QStringLiteral("SPC %1%2: %3")
                                .arg(c.name,
                                    latest && !latest->product.isEmpty()
                                        ? QStringLiteral(" (product ") + latest->product
                                            + QLatin1Char(')')
                                        : QString(),
                                    texts.join(QStringLiteral("; ")));
    QString why;
    if (!m_alarms->setExternalCondition(def.id, active, t, value, message, &why))
        qCWarning(lcSpcService).noquote() << "SPC alarm of" << c.path << "not raised:" << why;
}

void SpcService::start(const Clock *clock, int intervalMs)
{
    if (!m_historian || m_characteristics.empty())
        return;
    m_worker.start(
        QStringLiteral("spc-service"), intervalMs, [this, clock] { evaluate(clock->now()); });
}

void SpcService::stop()
{
    m_worker.stop();
}

} // namespace andon
