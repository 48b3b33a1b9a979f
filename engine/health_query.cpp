#include "engine/health_query.h"

#include "storage/historian.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcHealth, "andon.condition", QtInfoMsg)

namespace andon {

namespace cond = analytics::condition;

namespace {

constexpr TimestampMs kMinuteMs = 60'000;
constexpr TimestampMs kHourMs = 3'600'000;

std::vector<cond::RollupStat> toStats(const std::vector<storage::Rollup> &rollups)
{
    std::vector<cond::RollupStat> out;
    out.reserve(rollups.size());
    for (const storage::Rollup &r : rollups)
        out.push_back({r.t_start, r.min, r.max, r.avg, r.first, r.last, r.count});
    return out;
}

// The machine's tag named `ref` (a leaf name) or the tag at path `ref`; "" when none.
QString resolveTag(const PlantModel &model, const Machine &m, const QString &ref)
{
    if (ref.isEmpty())
        return {};
    if (ref.contains(QLatin1Char('/')))
        return model.tagByPath(ref) ? ref : QString();
    for (TagId id : m.tags) {
        if (model.tags[id].name == ref)
            return model.tags[id].path;
    }
    return {};
}

bool constantCode(const storage::Rollup &r)
{
    return r.count > 0 && r.min == r.max && r.first == r.min && r.last == r.min;
}

} // namespace

HealthQuery::HealthQuery(const PlantModel &model, const storage::Historian &historian)
    : m_model(model), m_historian(historian)
{
}

TimestampMs HealthQuery::newestData(const storage::Historian &historian, TimestampMs notAfter)
{
    TimestampMs newest = 0;
    for (const QString &t : historian.tagPaths()) {
        const storage::RangeResult r = historian.range(t, 0, notAfter, 1);
        for (const storage::Bucket &b : r.buckets)
            newest = std::max(newest, b.t_last);
    }
    return newest;
}

ServiceRecord HealthQuery::lastService(const QString &machinePath, TimestampMs upTo) const
{
    storage::EventQuery q;
    q.categories = {QLatin1String(kCategory)};
    q.kindPrefix = QLatin1String(kServiceKind);
    q.sourcePrefix = machinePath;
    q.to = upTo;
    q.newestFirst = true;
    q.limit = 1000;
    for (const storage::Event &e : m_historian.events(q)) {
        if (e.source == machinePath) // the prefix also matches "press" for "press2"
            return {e.t, e.user, e.message, e.id};
    }
    return {};
}

std::vector<ServiceRecord> HealthQuery::serviceHistory(const QString &machinePath, int limit) const
{
    storage::EventQuery q;
    q.categories = {QLatin1String(kCategory)};
    q.kindPrefix = QLatin1String(kServiceKind);
    q.sourcePrefix = machinePath;
    q.newestFirst = true;
    q.limit = 1000;
    std::vector<ServiceRecord> out;
    for (const storage::Event &e : m_historian.events(q)) {
        if (e.source == machinePath && int(out.size()) < limit)
            out.push_back({e.t, e.user, e.message, e.id});
    }
    return out;
}

std::int64_t HealthQuery::acknowledgeService(storage::Historian &historian, const PlantModel &model,
                                             int machine, const QString &user, const QString &text,
                                             TimestampMs t, const MachineHealth *before,
                                             QString *error)
{
    if (machine < 0 || machine >= int(model.machines.size())) {
        if (error)
            *error = QStringLiteral("unknown machine %1").arg(machine);
        return -1;
    }
    if (text.trimmed().isEmpty()) {
        if (error)
            *error = QStringLiteral("say what was done");
        return -1;
    }
    const Machine &m = model.machines[std::size_t(machine)];
    storage::Event e;
    e.t = t;
    e.category = QLatin1String(kCategory);
    e.kind = QLatin1String(kServiceKind);
    e.source = m.path;
    e.user = user;
    e.message = text.trimmed();
    QJsonObject details{{QStringLiteral("reset"),
                         QJsonArray{QStringLiteral("run_hours"), QStringLiteral("cycles")}}};
    if (before) {
        if (std::isfinite(before->runHours)) {
            details.insert(QStringLiteral("run_hours"), before->runHours);
            e.oldValue = QStringLiteral("%1 h").arg(before->runHours, 0, 'f', 1);
        }
        if (std::isfinite(before->cycles)) {
            details.insert(QStringLiteral("cycles"), before->cycles);
            e.oldValue += (e.oldValue.isEmpty() ? QString() : QStringLiteral(", "))
                + QStringLiteral("%1 cycles").arg(before->cycles, 0, 'f', 0);
        }
    }
    e.newValue = QStringLiteral("0 h, 0 cycles");
    e.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    const std::int64_t id = historian.appendEvent(e, error);
    if (id >= 0)
        qCInfo(lcHealth).noquote() << "service acknowledged for" << m.path << "by" << user << ":"
                                   << e.message;
    return id;
}

MachineHealth HealthQuery::machine(int index, TimestampMs now) const
{
    MachineHealth h;
    if (index < 0 || index >= int(m_model.machines.size()))
        return h;
    const Machine &m = m_model.machines[std::size_t(index)];
    const ConditionSettings &cs = m_model.condition;
    const QString linePath = m.line >= 0 ? m_model.lines[std::size_t(m.line)].path : QString();
    const ConditionMachineSettings &s = cs.machine(m.path, linePath);
    h.machine = index;
    h.path = m.path;
    h.name = m.name;
    h.line = m.line >= 0 ? m_model.lines[std::size_t(m.line)].name : QString();
    h.zones = s.zones;
    h.vibrationClass = s.vibrationClass;
    h.serviceRunHours = s.runHours ? s.serviceRunHours : 0;
    h.serviceCycles = s.cycles ? s.serviceCycles : 0;

    const TimestampMs recentMs = static_cast<TimestampMs>(cs.recentMin * kMinuteMs);
    const TimestampMs windowMs = static_cast<TimestampMs>(cs.rulWindowH * kHourMs);
    const TimestampMs recentFrom = now - recentMs;
    const TimestampMs windowFrom = now - windowMs;

    // State minutes over the longer of the fit window and the recent window.
    const TagId stateId = m.roleTag(TagRole::State);
    const QString statePath = stateId != kInvalidTag ? m_model.tags[stateId].path : QString();
    std::vector<int> runningCodes;
    for (const StateDef &d : m.states) {
        if (d.category == StateCategory::Running)
            runningCodes.push_back(d.code);
    }
    const auto isRunningCode = [&](double c) {
        return std::isfinite(c)
            && std::find(runningCodes.begin(), runningCodes.end(), int(std::lround(c)))
            != runningCodes.end();
    };
    std::unordered_map<TimestampMs, storage::Rollup> stateByMinute;
    if (!statePath.isEmpty()) {
        for (const storage::Rollup &r :
             m_historian.minuteRollups(statePath, std::min(windowFrom, recentFrom) - kMinuteMs, now))
            stateByMinute.emplace(r.t_start, r);
    } else {
        h.warnings << QStringLiteral("%1: no state tag; vibration judged over all minutes").arg(m.path);
    }
    // A minute counts as running when every state sample in it is a running code and the state
    // before it (the previous minute's last) was running too: so a start inside the minute,
    // before its first sample, never mixes standstill vibration into the mean.
    const auto runningMinute = [&](TimestampMs t) {
        if (statePath.isEmpty())
            return true;
        const auto it = stateByMinute.find(t);
        if (it == stateByMinute.end() || !constantCode(it->second) || !isRunningCode(it->second.min))
            return false;
        const auto prev = stateByMinute.find(t - kMinuteMs);
        return prev != stateByMinute.end() && isRunningCode(prev->second.last);
    };

    // ---- vibration ----
    if (s.vibration) {
        h.vibrationTag = resolveTag(m_model, m, s.vibrationTag);
        if (h.vibrationTag.isEmpty()) {
            h.warnings << QStringLiteral("%1: no vibration tag '%2'").arg(m.path, s.vibrationTag);
        } else {
            const auto minutes = m_historian.minuteRollups(h.vibrationTag, windowFrom, now);
            const TimestampMs bucketMs
                = std::max<TimestampMs>(kMinuteMs, TimestampMs(cs.rulBucketMin * kMinuteMs));
            const int minMinutes = std::max(3, int(cs.rulBucketMin / 6.0));
            struct Acc
            {
                double sumT = 0, sumV = 0;
                int n = 0;
            };
            std::map<TimestampMs, Acc> buckets;
            double recentSum = 0;
            int recentN = 0;
            for (const storage::Rollup &r : minutes) {
                if (r.count <= 0 || !std::isfinite(r.avg) || !runningMinute(r.t_start))
                    continue;
                Acc &a = buckets[(r.t_start - windowFrom) / bucketMs];
                a.sumT += double(r.t_start + kMinuteMs / 2);
                a.sumV += r.avg;
                ++a.n;
                if (r.t_start >= recentFrom) {
                    recentSum += r.avg;
                    ++recentN;
                }
            }
            for (const auto &[k, a] : buckets) {
                if (a.n >= minMinutes)
                    h.vibrationPoints.push_back(
                        {TimestampMs(std::llround(a.sumT / a.n)), a.sumV / a.n});
            }
            if (recentN > 0) {
                h.vibration = recentSum / recentN;
                h.vibrationAtMs = now;
            } else if (!h.vibrationPoints.empty()) {
                // Not running lately: the last running hour stands for the machine's condition.
                h.vibration = h.vibrationPoints.back().v;
                h.vibrationAtMs = h.vibrationPoints.back().t;
            }
            h.zone = cond::classifyVibration(h.vibration, s.zones);
            // RUL: the time to enter the target zone, or the next one when already in it.
            VibrationZone target = cs.rulTargetZone;
            if (h.zone != VibrationZone::Unknown && h.zone >= target && target < VibrationZone::D)
                target = static_cast<VibrationZone>(std::max(int(h.zone), int(target)) + 1);
            if (target > VibrationZone::D)
                target = VibrationZone::D;
            h.rulZone = target;
            cond::RulOptions ro;
            ro.minPoints = cs.rulMinPoints;
            ro.minAdjR2 = cs.rulMinAdjR2;
            ro.horizonMs = TimestampMs(cs.rulHorizonDays * 24 * kHourMs);
            // Fit only the part of the window since degradation began (a healthy flat stretch
            // before a bearing defect would bend either model).
            const std::size_t k = cond::degradationStart(h.vibrationPoints, ro.minPoints);
            h.fitFromIndex = int(k);
            const std::vector<cond::Point> tail(h.vibrationPoints.begin() + std::ptrdiff_t(k),
                                                h.vibrationPoints.end());
            h.rul = cond::estimateRul(tail, s.zones.boundaryInto(target), now, ro);
        }
    }

    // ---- temperatures ----
    if (s.temperature) {
        h.temperatureTag = resolveTag(m_model, m, s.temperatureTag);
        h.ambientTag = s.ambientTag;
        if (h.temperatureTag.isEmpty()) {
            h.warnings << QStringLiteral("%1: no temperature tag '%2'").arg(m.path, s.temperatureTag);
        } else {
            const auto temps = m_historian.minuteRollups(h.temperatureTag, recentFrom, now);
            std::unordered_map<TimestampMs, double> ambient;
            if (!h.ambientTag.isEmpty()) {
                for (const storage::Rollup &r : m_historian.minuteRollups(h.ambientTag, recentFrom, now))
                    if (r.count > 0 && std::isfinite(r.avg))
                        ambient.emplace(r.t_start, r.avg);
            }
            double sum = 0, riseSum = 0;
            int n = 0, riseN = 0;
            for (const storage::Rollup &r : temps) {
                if (r.count <= 0 || !std::isfinite(r.avg))
                    continue;
                sum += r.avg;
                ++n;
                if (const auto a = ambient.find(r.t_start); a != ambient.end()) {
                    riseSum += r.avg - a->second;
                    ++riseN;
                }
            }
            if (n > 0)
                h.temperature = sum / n;
            if (riseN > 0)
                h.rise = riseSum / riseN;
            else if (!h.ambientTag.isEmpty() && n > 0)
                h.warnings << QStringLiteral("%1: no recent data").arg(h.ambientTag);
            h.temperatureSeverity = cond::limitSeverity(h.temperature, s.tempWarnC, s.tempAlarmC);
            h.riseSeverity = cond::limitSeverity(h.rise, s.riseWarnK, s.riseAlarmK);
        }
    }

    // ---- service counters (since the last acknowledgement or the start of the history) ----
    h.lastService = lastService(m.path, now);
    TimestampMs since = h.lastService.t;
    if (since == 0 && !statePath.isEmpty()) {
        const auto hours = m_historian.hourRollups(statePath, 0, now);
        if (!hours.empty())
            since = hours.front().t_start;
    }
    h.countersSinceMs = since;
    const double elapsedH = double(now - since) / double(kHourMs);
    const auto dueFrom = [&](double used, double interval) -> std::optional<TimestampMs> {
        if (!(interval > 0) || !std::isfinite(used))
            return std::nullopt;
        if (used >= interval)
            return now;
        if (!(used > 0) || elapsedH < 1.0)
            return std::nullopt; // no usage rate yet
        const double ratePerH = used / elapsedH;
        return now + TimestampMs((interval - used) / ratePerH * double(kHourMs));
    };
    if (s.runHours && !statePath.isEmpty() && since > 0) {
        // Minute rollups: an hour rollup cannot tell how much of a mixed hour was running.
        h.runHours = cond::runHoursFromStateMinutes(
            toStats(m_historian.minuteRollups(statePath, since, now)), runningCodes);
    }
    if (s.cycles && since > 0) {
        QString cyclePath = resolveTag(m_model, m, s.cycleTag);
        if (cyclePath.isEmpty() && m.roleTag(TagRole::TotalCount) != kInvalidTag)
            cyclePath = m_model.tags[m.roleTag(TagRole::TotalCount)].path;
        if (!cyclePath.isEmpty()) {
            // Minutes up to the first whole hour, then hours.
            const TimestampMs firstHour = (since + kHourMs - 1) / kHourMs * kHourMs;
            std::vector<cond::RollupStat> stats
                = toStats(m_historian.minuteRollups(cyclePath, since, firstHour - 1));
            const auto hours = toStats(m_historian.hourRollups(cyclePath, firstHour, now));
            stats.insert(stats.end(), hours.begin(), hours.end());
            h.cycles = cond::counterIncrease(stats);
        }
    }
    const auto dueHours = dueFrom(h.runHours, h.serviceRunHours);
    const auto dueCycles = dueFrom(h.cycles, h.serviceCycles);
    if (dueHours && dueCycles)
        h.serviceDueMs = std::min(*dueHours, *dueCycles);
    else
        h.serviceDueMs = dueHours ? dueHours : dueCycles;
    h.serviceOverdue = (h.serviceRunHours > 0 && h.runHours >= h.serviceRunHours)
        || (h.serviceCycles > 0 && h.cycles >= h.serviceCycles);

    // ---- motor current against its baseline ----
    if (s.current) {
        h.currentTag = resolveTag(m_model, m, s.currentTag);
        if (!h.currentTag.isEmpty() && !statePath.isEmpty()) {
            TimestampMs base = h.lastService.t;
            if (base == 0) {
                const auto hours = m_historian.hourRollups(h.currentTag, 0, now);
                base = hours.empty() ? 0 : hours.front().t_start;
            }
            h.baselineFromMs = base;
            h.baselineToMs = base + TimestampMs(s.currentBaselineH * double(kHourMs));
            if (base == 0 || h.baselineToMs > recentFrom) {
                h.warnings << QStringLiteral("%1: learning the normal current until %2")
                                  .arg(h.currentTag)
                                  .arg(QDateTime::fromMSecsSinceEpoch(h.baselineToMs, QTimeZone::utc())
                                           .toString(Qt::ISODate));
            } else {
                const TagId productId = m.roleTag(TagRole::Product);
                const QString productPath
                    = productId != kInvalidTag ? m_model.tags[productId].path : QString();
                const auto minutesOf = [&](TimestampMs from, TimestampMs to) {
                    std::unordered_map<TimestampMs, storage::Rollup> states, products;
                    for (const storage::Rollup &r : m_historian.minuteRollups(statePath, from - kMinuteMs, to))
                        states.emplace(r.t_start, r);
                    if (!productPath.isEmpty())
                        for (const storage::Rollup &r : m_historian.minuteRollups(productPath, from, to))
                            products.emplace(r.t_start, r);
                    std::vector<cond::CurrentMinute> out;
                    for (const storage::Rollup &r : m_historian.minuteRollups(h.currentTag, from, to)) {
                        const auto st = states.find(r.t_start);
                        const auto prev = states.find(r.t_start - kMinuteMs);
                        if (r.count <= 0 || st == states.end() || prev == states.end()
                            || !constantCode(st->second) || prev->second.last != st->second.min)
                            continue;
                        const int code = int(std::lround(st->second.min));
                        const StateDef *def = m.state(code);
                        if (!def || def->category == StateCategory::Off
                            || def->category == StateCategory::Unknown)
                            continue;
                        int product = 0;
                        if (!productPath.isEmpty()) {
                            const auto p = products.find(r.t_start);
                            if (p == products.end() || !constantCode(p->second))
                                continue;
                            product = int(std::lround(p->second.min));
                        }
                        out.push_back({r.t_start, r.avg, code, product});
                    }
                    return out;
                };
                h.current = cond::currentDeviation(minutesOf(h.baselineFromMs, h.baselineToMs),
                                                   minutesOf(recentFrom, now));
                h.currentSeverity = cond::limitSeverity(std::abs(h.current.pct), s.currentWarnPct,
                                                        s.currentAlarmPct);
            }
        }
    }

    // ---- health and urgency ----
    struct Part
    {
        const char *name;
        double score;
        cond::Severity severity;
    };
    const Part parts[] = {
        {"vibration", cond::vibrationScore(h.vibration, s.zones), cond::zoneSeverity(h.zone)},
        {"temperature", cond::limitScore(h.temperature, s.tempWarnC, s.tempAlarmC),
         h.temperatureSeverity},
        {"temperature_rise", cond::limitScore(h.rise, s.riseWarnK, s.riseAlarmK), h.riseSeverity},
        {"current", cond::limitScore(std::abs(h.current.pct), s.currentWarnPct, s.currentAlarmPct),
         h.currentSeverity},
    };
    std::vector<double> scores;
    double lowest = std::numeric_limits<double>::infinity();
    for (const Part &p : parts) {
        scores.push_back(p.score);
        if (std::isfinite(p.score) && p.score < lowest) {
            lowest = p.score;
            h.healthDriver = QLatin1String(p.name);
        }
        if (p.severity != cond::Severity::Unknown
            && (h.worst == cond::Severity::Unknown || p.severity > h.worst))
            h.worst = p.severity;
    }
    h.health = cond::healthIndex(scores);
    h.urgency.worst = h.worst;
    h.urgency.health = h.health;
    h.urgency.now = now;
    h.urgency.serviceOverdue = h.serviceOverdue;
    h.urgency.serviceDueMs = h.serviceDueMs;
    if (h.rul.status == cond::RulStatus::Ok)
        h.urgency.rulEarlyMs = h.rul.earlyMs;
    h.urgencyHours = cond::urgencyHours(h.urgency);
    return h;
}

FleetHealth HealthQuery::fleet(TimestampMs now, const std::function<bool()> &cancelled) const
{
    FleetHealth f;
    f.nowMs = now;
    for (int i = 0; i < int(m_model.machines.size()); ++i) {
        if (cancelled && cancelled())
            break;
        f.machines.push_back(machine(i, now));
    }
    std::stable_sort(f.machines.begin(), f.machines.end(),
                     [](const MachineHealth &a, const MachineHealth &b) {
                         return cond::moreUrgent(a.urgency, b.urgency);
                     });
    return f;
}

} // namespace andon
