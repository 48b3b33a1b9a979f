// Alarm rationalisation KPIs from the alarm journal (ANSI/ISA-18.2-2016 §16 "monitoring and
// assessment", Table 5 alarm performance metrics; EEMUA 191 Ed. 3): annunciation rate per
// 10 minutes, time in flood, top 10 bad actors, chattering, stale and standing alarms. Pure:
// the same numbers in the Alarms page's KPI tab and in `andon-cli alarms`.
#pragma once

#include "analytics/alarm_engine.h"

#include <QJsonObject>

#include <vector>

namespace andon::analytics {

struct AlarmKpiOptions
{
    int floodStartAlarms = kFloodStartAlarms;
    int floodEndAlarms = kFloodEndAlarms;
    TimestampMs floodWindowMs = kFloodWindowMs;
    int chatterActivations = kChatterActivations;
    TimestampMs chatterWindowMs = kChatterWindowMs;
    TimestampMs staleAfterMs = kStaleAfterMs;
    int topN = 10;
};

struct AlarmCount
{
    QString alarmId;
    QString message;
    int priority = 3;
    int count = 0;
    double share = 0.0; // of all annunciations in the range (0..1)
};

struct ChatteringAlarm
{
    QString alarmId;
    int priority = 3;
    int activations = 0; // in the range
    int maxInWindow = 0; // most activations inside one chatter window
};

struct StandingAlarm
{
    QString alarmId;
    QString message;
    int priority = 3;
    AlarmState state = AlarmState::UnackActive;
    TimestampMs activeSinceMs = 0;
    TimestampMs durationMs = 0; // until the end of the range
};

struct AlarmKpiReport
{
    TimestampMs from = 0;
    TimestampMs to = 0;
    int annunciations = 0; // transitions into unacknowledged active in [from, to)
    int perPriority[5] = {}; // index 1..4
    double averagePer10Min = 0.0;
    int maxPer10Min = 0; // in 10-minute periods aligned to `from`
    int periods = 0; // 10-minute periods in the range (the last may be partial)
    int periodsOverFlood = 0; // periods with >= floodStartAlarms annunciations
    TimestampMs floodMs = 0; // time in flood inside the range
    double floodPercent = 0.0;
    int floods = 0; // floods that started inside the range
    std::vector<AlarmCount> badActors; // most frequent first, at most topN
    double badActorsShare = 0.0; // share of the top N in all annunciations
    std::vector<ChatteringAlarm> chattering;
    std::vector<StandingAlarm> standing; // active (B or C) at the end of the range
    std::vector<StandingAlarm> stale; // ... for longer than staleAfterMs
    int shelvedAtEnd = 0;
    int outOfServiceAtEnd = 0;
    int suppressedAtEnd = 0;
};

// `events`: the alarm journal oldest first; events before `from` are used for the state at the
// start (standing alarms, a flood in progress), events at or after `to` are ignored.
AlarmKpiReport computeAlarmKpis(const std::vector<AlarmEvent> &events, TimestampMs from,
    TimestampMs to, const AlarmKpiOptions &options = {});

QJsonObject alarmKpiToJson(const AlarmKpiReport &report);

} // namespace andon::analytics
