#include "analytics/alarm_kpi.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

namespace andon::analytics {

namespace {

bool isAnnunciation(const AlarmEvent &e)
{
    return e.to == AlarmState::UnackActive && e.from != AlarmState::UnackActive;
}

QString iso(TimestampMs t)
{
    return formatTimestampUtc(t);
}

} // namespace

AlarmKpiReport computeAlarmKpis(const std::vector<AlarmEvent> &events, TimestampMs from,
    TimestampMs to, const AlarmKpiOptions &options)
{
    AlarmKpiReport r;
    r.from = from;
    r.to = std::max(to, from);
    const TimestampMs span = r.to - r.from;
    const TimestampMs period = options.floodWindowMs;

    struct PerAlarm
    {
        AlarmState state = AlarmState::Normal;
        TimestampMs activeSince = 0;
        QString message;
        int priority = 3;
        std::vector<TimestampMs> activations; // in range
    };
    QHash<QString, PerAlarm> alarms;
    QStringList order; // first appearance, for stable output
    std::vector<TimestampMs> arrivals; // every annunciation up to `to` (flood sweep)

    for (const AlarmEvent &e : events) {
        if (e.t >= r.to)
            continue;
        auto it = alarms.find(e.alarmId);
        if (it == alarms.end()) {
            it = alarms.insert(e.alarmId, PerAlarm {});
            order << e.alarmId;
        }
        PerAlarm &a = *it;
        a.state = e.to;
        a.priority = e.priority;
        if (!e.message.isEmpty())
            a.message = e.message;
        if (isAnnunciation(e)) {
            a.activeSince = e.t;
            arrivals.push_back(e.t);
            if (e.t >= r.from) {
                a.activations.push_back(e.t);
                ++r.annunciations;
                if (e.priority >= 1 && e.priority <= 4)
                    ++r.perPriority[e.priority];
            }
        }
    }

    // Rate per 10 minutes (ISA-18.2 Table 5: ~1 per 10 min per operator is very likely
    // acceptable, ~2 the maximum manageable).
    if (span > 0) {
        r.averagePer10Min = static_cast<double>(r.annunciations) * static_cast<double>(period)
            / static_cast<double>(span);
        r.periods = static_cast<int>((span + period - 1) / period);
        std::vector<int> perPeriod(static_cast<std::size_t>(r.periods), 0);
        for (const PerAlarm &a : std::as_const(alarms)) {
            for (TimestampMs t : a.activations)
                ++perPeriod[static_cast<std::size_t>((t - r.from) / period)];
        }
        for (int n : perPeriod) {
            r.maxPer10Min = std::max(r.maxPer10Min, n);
            if (n >= options.floodStartAlarms)
                ++r.periodsOverFlood;
        }
    }

    // Flood sweep: an annunciation counts in (t, t + window]; at equal times the one leaving
    // goes first, as in AlarmEngine::updateFlood().
    std::sort(arrivals.begin(), arrivals.end());
    {
        std::size_t ai = 0, ei = 0;
        int count = 0;
        bool flood = false;
        TimestampMs floodStart = 0;
        const auto close = [&](TimestampMs end) {
            const TimestampMs a = std::max(floodStart, r.from);
            const TimestampMs b = std::min(end, r.to);
            if (b > a)
                r.floodMs += b - a;
        };
        while (ai < arrivals.size() || ei < ai) {
            const bool expire
                = ei < ai && (ai >= arrivals.size() || arrivals[ei] + period <= arrivals[ai]);
            if (expire) {
                const TimestampMs t = arrivals[ei++] + period;
                if (t >= r.to)
                    break;
                --count;
                if (flood && count < options.floodEndAlarms) {
                    flood = false;
                    close(t);
                }
            } else {
                const TimestampMs t = arrivals[ai++];
                ++count;
                if (!flood && count >= options.floodStartAlarms) {
                    flood = true;
                    floodStart = t;
                    if (t >= r.from)
                        ++r.floods;
                }
            }
        }
        if (flood)
            close(r.to);
        if (span > 0)
            r.floodPercent = 100.0 * static_cast<double>(r.floodMs) / static_cast<double>(span);
    }

    // Bad actors, chattering (ISA-TR18.2.5: >= 3 activations in 1 minute), standing, stale.
    std::vector<AlarmCount> counts;
    for (const QString &id : std::as_const(order)) {
        const PerAlarm &a = alarms[id];
        if (!a.activations.empty()) {
            AlarmCount c;
            c.alarmId = id;
            c.message = a.message;
            c.priority = a.priority;
            c.count = static_cast<int>(a.activations.size());
            c.share = r.annunciations > 0 ? double(c.count) / r.annunciations : 0.0;
            counts.push_back(c);

            int best = 0;
            std::size_t lo = 0;
            for (std::size_t hi = 0; hi < a.activations.size(); ++hi) {
                while (a.activations[hi] - a.activations[lo] >= options.chatterWindowMs)
                    ++lo;
                best = std::max(best, static_cast<int>(hi - lo + 1));
            }
            if (best >= options.chatterActivations)
                r.chattering.push_back({ id, a.priority, c.count, best });
        }
        if (a.state == AlarmState::UnackActive || a.state == AlarmState::AckActive) {
            StandingAlarm s { id, a.message, a.priority, a.state, a.activeSince,
                r.to - a.activeSince };
            r.standing.push_back(s);
            if (s.durationMs > options.staleAfterMs)
                r.stale.push_back(s);
        } else if (a.state == AlarmState::Shelved) {
            ++r.shelvedAtEnd;
        } else if (a.state == AlarmState::OutOfService) {
            ++r.outOfServiceAtEnd;
        } else if (a.state == AlarmState::Suppressed) {
            ++r.suppressedAtEnd;
        }
    }
    std::stable_sort(counts.begin(), counts.end(),
        [](const AlarmCount &a, const AlarmCount &b) { return a.count > b.count; });
    if (counts.size() > static_cast<std::size_t>(options.topN))
        counts.resize(static_cast<std::size_t>(options.topN));
    for (const AlarmCount &c : counts)
        r.badActorsShare += c.share;
    r.badActors = std::move(counts);
    std::stable_sort(r.chattering.begin(), r.chattering.end(),
        [](const ChatteringAlarm &a, const ChatteringAlarm &b) {
            return a.maxInWindow > b.maxInWindow;
        });
    const auto longest = [](const StandingAlarm &a, const StandingAlarm &b) {
        return a.durationMs > b.durationMs;
    };
    std::stable_sort(r.standing.begin(), r.standing.end(), longest);
    std::stable_sort(r.stale.begin(), r.stale.end(), longest);
    return r;
}

QJsonObject alarmKpiToJson(const AlarmKpiReport &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("from"), iso(r.from));
    o.insert(QStringLiteral("to"), iso(r.to));
    o.insert(QStringLiteral("annunciations"), r.annunciations);
    QJsonObject prio;
    for (int p = 1; p <= 4; ++p)
        prio.insert(QString::number(p), r.perPriority[p]);
    o.insert(QStringLiteral("per_priority"), prio);
    o.insert(QStringLiteral("average_per_10min"), r.averagePer10Min);
    o.insert(QStringLiteral("max_per_10min"), r.maxPer10Min);
    o.insert(QStringLiteral("periods_10min"), r.periods);
    o.insert(QStringLiteral("periods_in_flood"), r.periodsOverFlood);
    o.insert(QStringLiteral("flood_s"), static_cast<double>(r.floodMs) / 1000.0);
    o.insert(QStringLiteral("flood_percent"), r.floodPercent);
    o.insert(QStringLiteral("floods"), r.floods);
    QJsonArray bad;
    for (const AlarmCount &c : r.badActors) {
        bad.append(QJsonObject { { QStringLiteral("alarm"), c.alarmId },
            { QStringLiteral("priority"), c.priority }, { QStringLiteral("count"), c.count },
            { QStringLiteral("share"), c.share }, { QStringLiteral("message"), c.message } });
    }
    o.insert(QStringLiteral("bad_actors"), bad);
    o.insert(QStringLiteral("bad_actors_share"), r.badActorsShare);
    QJsonArray chat;
    for (const ChatteringAlarm &c : r.chattering) {
        chat.append(QJsonObject { { QStringLiteral("alarm"), c.alarmId },
            { QStringLiteral("priority"), c.priority },
            { QStringLiteral("activations"), c.activations },
            { QStringLiteral("max_per_minute"), c.maxInWindow } });
    }
    o.insert(QStringLiteral("chattering"), chat);
    const auto standing = [](const std::vector<StandingAlarm> &list) {
        QJsonArray a;
        for (const StandingAlarm &s : list) {
            a.append(QJsonObject { { QStringLiteral("alarm"), s.alarmId },
                { QStringLiteral("priority"), s.priority },
                { QStringLiteral("state"), alarmStateName(s.state) },
                { QStringLiteral("active_since"), iso(s.activeSinceMs) },
                { QStringLiteral("duration_s"), static_cast<double>(s.durationMs) / 1000.0 },
                { QStringLiteral("message"), s.message } });
        }
        return a;
    };
    o.insert(QStringLiteral("standing"), standing(r.standing));
    o.insert(QStringLiteral("stale"), standing(r.stale));
    o.insert(QStringLiteral("shelved_at_end"), r.shelvedAtEnd);
    o.insert(QStringLiteral("out_of_service_at_end"), r.outOfServiceAtEnd);
    o.insert(QStringLiteral("suppressed_at_end"), r.suppressedAtEnd);
    return o;
}

} // namespace andon::analytics
