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
#include <limits>
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

// Whether a service acknowledgement reset `counter`: its details list the reset counters; one
// written before counters could be chosen (no "counters" object) reset all of them.
bool resetsCounter(const storage::Event &e, const QString &counter)
{
    const QJsonObject d = QJsonDocument::fromJson(e.details.toUtf8()).object();
    if (!d.contains(QStringLiteral("counters")))
        return true;
    return d.value(QStringLiteral("reset")).toArray().contains(QJsonValue(counter));
}

// The service acknowledgements of the machine at `machinePath` up to `upTo`, newest first
// (out of the newest 1000 entries of the path and the machines whose path starts with it).
std::vector<storage::Event> serviceEvents(
    const storage::Historian &historian, const QString &machinePath, TimestampMs upTo)
{
    storage::EventQuery q;
    q.categories = {QLatin1String(HealthQuery::kCategory)};
    q.kindPrefix = QLatin1String(HealthQuery::kServiceKind);
    q.sourcePrefix = machinePath;
    q.to = upTo;
    q.newestFirst = true;
    q.limit = 1000;
    std::vector<storage::Event> events = historian.events(q);
    // The prefix also matches "press2" for "press".
    std::erase_if(events, [&](const storage::Event &e) { return e.source != machinePath; });
    return events;
}

ServiceRecord toRecord(const storage::Event &e)
{
    return {e.t, e.user, e.message, e.id};
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
    const std::vector<storage::Event> events = serviceEvents(m_historian, machinePath, upTo);
    return events.empty() ? ServiceRecord {} : toRecord(events.front());
}

std::vector<ServiceRecord> HealthQuery::serviceHistory(const QString &machinePath, int limit) const
{
    std::vector<ServiceRecord> out;
    const TimestampMs all = std::numeric_limits<TimestampMs>::max();
    for (const storage::Event &e : serviceEvents(m_historian, machinePath, all)) {
        if (int(out.size()) >= limit)
            break;
        out.push_back(toRecord(e));
    }
    return out;
}

QStringList HealthQuery::allCounters()
{
    return {QLatin1String(kRunHours), QLatin1String(kCycles), QLatin1String(kCurrentBaseline)};
}

ServiceRecord HealthQuery::lastReset(const QString &machinePath, const QString &counter,
                                     TimestampMs upTo) const
{
    for (const storage::Event &e : serviceEvents(m_historian, machinePath, upTo)) {
        if (resetsCounter(e, counter))
            return toRecord(e);
    }
    return {};
}

std::int64_t HealthQuery::acknowledgeService(storage::Historian &historian, const PlantModel &model,
                                             int machine, const QString &user, const QString &text,
                                             TimestampMs t, const MachineHealth *before,
                                             QString *error, const QStringList &counters)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::int64_t(-1);
    };
    if (machine < 0 || machine >= int(model.machines.size()))
        return fail(QStringLiteral("unknown machine %1").arg(machine));
    if (text.trimmed().isEmpty())
        return fail(QStringLiteral("say what was done"));
    const QStringList known = allCounters();
    for (const QString &c : counters) {
        if (!known.contains(c))
            return fail(QStringLiteral("unknown counter '%1' (expected %2)")
                            .arg(c, known.join(QStringLiteral(", "))));
    }
    const Machine &m = model.machines[std::size_t(machine)];
    storage::Event e;
    e.t = t;
    e.category = QLatin1String(kCategory);
    e.kind = QLatin1String(kServiceKind);
    e.source = m.path;
    e.user = user;
    e.message = text.trimmed();

    // Per counter: its reading before (from `before`) and after the acknowledgement.
    QJsonArray reset, kept;
    QJsonObject values;
    QStringList oldText, newText;
    for (const QString &key : known) {
        const bool doReset = counters.contains(key);
        (doReset ? reset : kept).append(key);
        QJsonObject v{{QStringLiteral("reset"), doReset}};
        if (key == QLatin1String(kCurrentBaseline)) {
            const TimestampMs from = before ? before->baselineFromMs : 0;
            if (from > 0)
                v.insert(QStringLiteral("old_from_ms"), double(from));
            if (doReset) {
                v.insert(QStringLiteral("new_from_ms"), double(t));
                oldText << (from > 0 ? QStringLiteral("current baseline from %1")
                                           .arg(QDateTime::fromMSecsSinceEpoch(from, QTimeZone::utc())
                                                    .toString(Qt::ISODate))
                                     : QStringLiteral("current baseline (none yet)"));
                newText << QStringLiteral("current baseline relearned from this service");
            }
        } else {
            const bool hours = key == QLatin1String(kRunHours);
            const double old = before ? (hours ? before->runHours : before->cycles) : MachineHealth::kNaN;
            const double interval = before ? (hours ? before->serviceRunHours : before->serviceCycles) : 0;
            if (std::isfinite(old))
                v.insert(QStringLiteral("old"), old);
            if (interval > 0)
                v.insert(QStringLiteral("interval"), interval);
            if (doReset) {
                v.insert(QStringLiteral("new"), 0.0);
                const QString name = hours ? QStringLiteral("run hours") : QStringLiteral("cycles");
                const QString unit = hours ? QStringLiteral(" h") : QString();
                oldText << (std::isfinite(old)
                                ? QStringLiteral("%1 %2%3").arg(name).arg(old, 0, 'f', hours ? 1 : 0).arg(unit)
                                : QStringLiteral("%1 unknown").arg(name));
                newText << QStringLiteral("%1 0%2").arg(name, unit);
            }
        }
        values.insert(key, v);
    }
    e.oldValue = oldText.join(QStringLiteral(", "));
    e.newValue = newText.isEmpty() ? QStringLiteral("no counter reset") : newText.join(QStringLiteral(", "));
    const QJsonObject details{{QStringLiteral("reset"), reset},
                              {QStringLiteral("kept"), kept},
                              {QStringLiteral("counters"), values}};
    e.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    const std::int64_t id = historian.appendEvent(e, error);
    if (id >= 0)
        qCInfo(lcHealth).noquote() << "service acknowledged for" << m.path << "by" << user << ":"
                                   << e.message << "- reset:"
                                   << (counters.isEmpty() ? QStringLiteral("none")
                                                          : counters.join(QStringLiteral(", ")));
    return id;
}

std::vector<ServiceCounterState> MachineHealth::serviceCounters() const
{
    std::vector<ServiceCounterState> out;
    if (std::isfinite(runHours) || serviceRunHours > 0)
        out.push_back({QLatin1String(HealthQuery::kRunHours), runHours, serviceRunHours,
                       runHoursSinceMs});
    if (std::isfinite(cycles) || serviceCycles > 0)
        out.push_back({QLatin1String(HealthQuery::kCycles), cycles, serviceCycles, cyclesSinceMs});
    if (!currentTag.isEmpty())
        out.push_back({QLatin1String(HealthQuery::kCurrentBaseline),
                       MachineHealth::kNaN, 0, baselineFromMs});
    return out;
}

OilHealth::Severity OilHealth::worst() const
{
    Severity w = Severity::Unknown;
    for (Severity s : {cleanliness, waterSeverity, permittivitySeverity, viscositySeverity,
                       tanSeverity}) {
        if (s != Severity::Unknown && (w == Severity::Unknown || s > w))
            w = s;
    }
    return w;
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

    // ---- service counters, each since the last acknowledgement that reset it (or the start
    // of the history) ----
    h.lastService = lastService(m.path, now);
    TimestampMs historyStart = 0;
    if (!statePath.isEmpty()) {
        const auto hours = m_historian.hourRollups(statePath, 0, now);
        if (!hours.empty())
            historyStart = hours.front().t_start;
    }
    const auto sinceOf = [&](const char *counter) {
        const TimestampMs t = lastReset(m.path, QLatin1String(counter), now).t;
        return t > 0 ? t : historyStart;
    };
    const auto dueFrom = [&](double used, double interval,
                             TimestampMs since) -> std::optional<TimestampMs> {
        if (!(interval > 0) || !std::isfinite(used))
            return std::nullopt;
        if (used >= interval)
            return now;
        const double elapsedH = double(now - since) / double(kHourMs);
        if (!(used > 0) || elapsedH < 1.0)
            return std::nullopt; // no usage rate yet
        const double ratePerH = used / elapsedH;
        return now + TimestampMs((interval - used) / ratePerH * double(kHourMs));
    };
    if (s.runHours && !statePath.isEmpty()) {
        h.runHoursSinceMs = sinceOf(kRunHours);
        // Minute rollups: an hour rollup cannot tell how much of a mixed hour was running.
        if (h.runHoursSinceMs > 0)
            h.runHours = cond::runHoursFromStateMinutes(
                toStats(m_historian.minuteRollups(statePath, h.runHoursSinceMs, now)),
                runningCodes);
    }
    if (s.cycles) {
        h.cyclesSinceMs = sinceOf(kCycles);
        const TimestampMs since = h.cyclesSinceMs;
        QString cyclePath = resolveTag(m_model, m, s.cycleTag);
        if (cyclePath.isEmpty() && m.roleTag(TagRole::TotalCount) != kInvalidTag)
            cyclePath = m_model.tags[m.roleTag(TagRole::TotalCount)].path;
        if (!cyclePath.isEmpty()) {
            // Minutes up to the first whole hour, then whole hours, then the minutes of the
            // hour holding `now` (its hour rollup would count past `now` when judging the past).
            const TimestampMs firstHour = (since + kHourMs - 1) / kHourMs * kHourMs;
            const TimestampMs lastHour = now / kHourMs * kHourMs;
            std::vector<cond::RollupStat> stats;
            if (lastHour <= firstHour) {
                stats = toStats(m_historian.minuteRollups(cyclePath, since, now));
            } else {
                stats = toStats(m_historian.minuteRollups(cyclePath, since, firstHour - 1));
                const auto hours = toStats(m_historian.hourRollups(cyclePath, firstHour, lastHour - 1));
                stats.insert(stats.end(), hours.begin(), hours.end());
                const auto tail = toStats(m_historian.minuteRollups(cyclePath, lastHour, now));
                stats.insert(stats.end(), tail.begin(), tail.end());
            }
            if (since > 0)
                h.cycles = cond::counterIncrease(stats);
        }
    }
    h.countersSinceMs = h.runHoursSinceMs > 0 && h.cyclesSinceMs > 0
            ? std::min(h.runHoursSinceMs, h.cyclesSinceMs)
            : std::max(h.runHoursSinceMs, h.cyclesSinceMs);
    const auto dueHours = dueFrom(h.runHours, h.serviceRunHours, h.runHoursSinceMs);
    const auto dueCycles = dueFrom(h.cycles, h.serviceCycles, h.cyclesSinceMs);
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
            TimestampMs base = lastReset(m.path, QLatin1String(kCurrentBaseline), now).t;
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

    // ---- oil ----
    if (s.oil && s.oilSettings.any())
        judgeOil(m, s, now, &h);

    // ---- health and urgency ----
    struct Part
    {
        const char *name;
        double score;
        cond::Severity severity;
    };
    const OilHealth &oil = h.oil;
    const Part parts[] = {
        {"vibration", cond::vibrationScore(h.vibration, s.zones), cond::zoneSeverity(h.zone)},
        {"temperature", cond::limitScore(h.temperature, s.tempWarnC, s.tempAlarmC),
         h.temperatureSeverity},
        {"temperature_rise", cond::limitScore(h.rise, s.riseWarnK, s.riseAlarmK), h.riseSeverity},
        {"current", cond::limitScore(std::abs(h.current.pct), s.currentWarnPct, s.currentAlarmPct),
         h.currentSeverity},
        // Oil (docs/condition.md "Oil"): the cleanliness by its code steps over the target, the
        // others as limit pairs on their value or change.
        {"oil_cleanliness", cond::oilCleanlinessScore(oil.excess, oil.alertSteps, oil.alarmSteps),
         oil.cleanliness},
        {"oil_water", cond::limitScore(oil.water, oil.waterWarn, oil.waterAlarm), oil.waterSeverity},
        {"oil_permittivity",
         cond::limitScore(std::abs(oil.permittivityChangePct), s.oilSettings.permittivityWarnPct,
                          s.oilSettings.permittivityAlarmPct),
         oil.permittivitySeverity},
        {"oil_viscosity",
         cond::limitScore(std::abs(oil.viscosityChangePct), s.oilSettings.viscosityWarnPct,
                          s.oilSettings.viscosityAlarmPct),
         oil.viscositySeverity},
        {"oil_tan", cond::limitScore(oil.tanIncrease, s.oilSettings.tanWarn, s.oilSettings.tanAlarm),
         oil.tanSeverity},
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
    if (oil.rul.status == cond::RulStatus::Ok
        && (!h.urgency.rulEarlyMs || oil.rul.earlyMs < *h.urgency.rulEarlyMs))
        h.urgency.rulEarlyMs = oil.rul.earlyMs;
    h.urgencyHours = cond::urgencyHours(h.urgency);
    return h;
}

void HealthQuery::judgeOil(const Machine &m, const ConditionMachineSettings &s, TimestampMs now,
                           MachineHealth *out) const
{
    const OilSettings &o = s.oilSettings;
    OilHealth &oil = out->oil;
    const ConditionSettings &cs = m_model.condition;
    const TimestampMs recentFrom = now - TimestampMs(cs.recentMin * kMinuteMs);
    const TimestampMs windowFrom = now - TimestampMs(cs.rulWindowH * kHourMs);
    oil.target = o.target;
    oil.alertSteps = o.alertSteps;
    oil.alarmSteps = o.alarmSteps;
    // A bound tag that is unknown on this machine is named in the warnings.
    const auto tagOf = [&](const QString &ref) {
        if (ref.isEmpty())
            return QString();
        const QString path = resolveTag(m_model, m, ref);
        if (path.isEmpty())
            out->warnings << QStringLiteral("%1: no oil tag '%2'").arg(m.path, ref);
        else
            oil.monitored = true;
        return path;
    };
    // Mean of the minute means over the recent window; NaN without data.
    const auto recentMean = [&](const QString &path) {
        if (path.isEmpty())
            return MachineHealth::kNaN;
        double sum = 0;
        int n = 0;
        for (const storage::Rollup &r : m_historian.minuteRollups(path, recentFrom, now)) {
            if (r.count > 0 && std::isfinite(r.avg)) {
                sum += r.avg;
                ++n;
            }
        }
        if (n == 0)
            out->warnings << QStringLiteral("%1: no recent data").arg(path);
        return n > 0 ? sum / n : MachineHealth::kNaN;
    };
    // The new-oil value: configured, else the mean of the tag's first hour of history.
    const auto baselineOf = [&](const QString &path, double configured) {
        if (std::isfinite(configured) || path.isEmpty())
            return configured;
        const auto hours = m_historian.hourRollups(path, 0, now);
        for (const storage::Rollup &r : hours)
            if (r.count > 0 && std::isfinite(r.avg))
                return r.avg;
        return MachineHealth::kNaN;
    };

    // Particle counts -> ISO 4406 code against the target.
    const QString refs[3] = {o.particles4Tag, o.particles6Tag, o.particles14Tag};
    for (int i = 0; i < 3; ++i) {
        oil.particleTags[i] = tagOf(refs[i]);
        oil.perMl[i] = recentMean(oil.particleTags[i]);
    }
    oil.code = cond::iso4406Code(oil.perMl[0], oil.perMl[1], oil.perMl[2]);
    oil.excess = cond::iso4406Excess(oil.code, o.target);
    oil.cleanliness = cond::oilCleanlinessSeverity(oil.excess, o.alertSteps, o.alarmSteps);

    oil.waterTag = tagOf(o.waterTag);
    oil.waterPpm = o.waterUnit == OilSettings::WaterUnit::Ppm;
    oil.waterWarn = o.waterWarn;
    oil.waterAlarm = o.waterAlarm;
    oil.water = recentMean(oil.waterTag);
    oil.waterSeverity = cond::limitSeverity(oil.water, o.waterWarn, o.waterAlarm);

    oil.permittivityTag = tagOf(o.permittivityTag);
    oil.permittivity = recentMean(oil.permittivityTag);
    oil.permittivityBaseline = baselineOf(oil.permittivityTag, o.permittivityBaseline);
    if (std::isfinite(oil.permittivity) && oil.permittivityBaseline > 0)
        oil.permittivityChangePct
            = (oil.permittivity - oil.permittivityBaseline) / oil.permittivityBaseline * 100.0;
    oil.permittivitySeverity = cond::limitSeverity(std::abs(oil.permittivityChangePct),
                                                   o.permittivityWarnPct, o.permittivityAlarmPct);

    oil.viscosityTag = tagOf(o.viscosityTag);
    const double v = recentMean(oil.viscosityTag);
    if (std::isfinite(o.viscosityBaseline) && o.viscosityBaseline > 0) {
        oil.viscosity = v;
        oil.viscosityChangePct = (v - o.viscosityBaseline) / o.viscosityBaseline * 100.0;
    } else {
        oil.viscosityChangePct = v; // the sensor gives the change in % itself
    }
    oil.viscositySeverity = cond::limitSeverity(std::abs(oil.viscosityChangePct),
                                                o.viscosityWarnPct, o.viscosityAlarmPct);

    oil.tanTag = tagOf(o.tanTag);
    oil.tan = recentMean(oil.tanTag);
    oil.tanBaseline = baselineOf(oil.tanTag, o.tanBaseline);
    oil.tanIncrease = oil.tan - oil.tanBaseline;
    oil.tanSeverity = cond::limitSeverity(oil.tanIncrease, o.tanWarn, o.tanAlarm);

    // RUL of the cleanliness: per counted size, bucket means of its counts over the fit window
    // fitted like the vibration, towards the count at which it enters its alarm code; the size
    // with the earliest plausible crossing (band's early edge) is reported.
    cond::RulOptions ro;
    ro.minPoints = cs.rulMinPoints;
    ro.minAdjR2 = cs.rulMinAdjR2;
    ro.horizonMs = TimestampMs(cs.rulHorizonDays * 24 * kHourMs);
    const TimestampMs bucketMs
        = std::max<TimestampMs>(kMinuteMs, TimestampMs(cs.rulBucketMin * kMinuteMs));
    const int minMinutes = std::max(3, int(cs.rulBucketMin / 6.0));
    const auto rank = [](const cond::RulEstimate &r) {
        switch (r.status) {
        case cond::RulStatus::Crossed: return 0;
        case cond::RulStatus::Ok: return 1;
        case cond::RulStatus::BeyondHorizon: return 2;
        default: return 3;
        }
    };
    for (int i = 0; i < 3; ++i) {
        if (oil.particleTags[i].isEmpty() || o.target.at(i) == Iso4406Code::kNone)
            continue;
        std::map<TimestampMs, std::pair<double, int>> buckets;
        std::map<TimestampMs, double> times;
        for (const storage::Rollup &r : m_historian.minuteRollups(oil.particleTags[i], windowFrom, now)) {
            if (r.count <= 0 || !std::isfinite(r.avg))
                continue;
            const TimestampMs k = (r.t_start - windowFrom) / bucketMs;
            buckets[k].first += r.avg;
            ++buckets[k].second;
            times[k] += double(r.t_start + kMinuteMs / 2);
        }
        std::vector<cond::Point> points;
        for (const auto &[k, acc] : buckets) {
            if (acc.second >= minMinutes)
                points.push_back({TimestampMs(std::llround(times[k] / acc.second)),
                                  acc.first / acc.second});
        }
        const double threshold = cond::oilAlarmCount(o.target, i, o.alarmSteps);
        const std::size_t from = cond::degradationStart(points, ro.minPoints);
        const std::vector<cond::Point> tail(points.begin() + std::ptrdiff_t(from), points.end());
        const cond::RulEstimate r = cond::estimateRul(tail, threshold, now, ro);
        const bool better = oil.rulSize < 0 || rank(r) < rank(oil.rul)
            || (rank(r) == rank(oil.rul) && r.status == cond::RulStatus::Ok
                && r.earlyMs < oil.rul.earlyMs);
        if (better) {
            oil.rulSize = i;
            oil.rulThreshold = threshold;
            oil.points = points;
            oil.fitFromIndex = int(from);
            oil.rul = r;
        }
    }
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
