#include "engine/stop_annotations.h"

#include "storage/historian.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <map>

Q_LOGGING_CATEGORY(lcAnnotations, "andon.oee.reasons")

namespace andon {

namespace {

const QString kStopReason = QStringLiteral("stop.reason");
const QString kStopSplit = QStringLiteral("stop.split");
const QString kStopComment = QStringLiteral("stop.comment");
const QString kShiftComment = QStringLiteral("shift.comment");

QString category()
{
    return QString::fromLatin1(StopAnnotations::kCategory);
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const storage::Event &e)
{
    const QJsonDocument doc = QJsonDocument::fromJson(e.details.toUtf8());
    if (!doc.isObject())
        qCWarning(lcAnnotations) << "event" << e.id << "of" << e.source
                                 << "has no JSON object in its details; ignored";
    return doc.object();
}

// JSON numbers are doubles: exact for epoch milliseconds (< 2^53).
TimestampMs msOf(const QJsonObject &o, const char *key)
{
    return static_cast<TimestampMs>(o.value(QLatin1String(key)).toDouble(-1));
}

std::int64_t append(storage::Historian &h, const QString &kind, const QString &source,
                    const QString &user, const QString &message, const QString &oldValue,
                    const QString &newValue, const QJsonObject &details, QString *error)
{
    storage::Event e;
    e.category = category();
    e.kind = kind;
    e.source = source;
    e.user = user;
    e.message = message;
    e.oldValue = oldValue;
    e.newValue = newValue;
    e.details = json(details);
    return h.appendEvent(e, error);
}

// The stop annotation events of exactly `machinePath` (the journal's source filter is a
// prefix: "line1/press" would also match "line1/press2"), oldest first. Not filtered by the
// event time: a replayed or simulated shift may lie after the wall-clock time its reasons
// were given at (a machine has few annotations; the journal's source index finds them).
std::vector<storage::Event> stopEvents(const storage::Historian &h, const QString &machinePath)
{
    storage::EventQuery q;
    q.categories = {category()};
    q.kindPrefix = QStringLiteral("stop.");
    q.sourcePrefix = machinePath;
    std::vector<storage::Event> out = h.events(q);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const storage::Event &e) { return e.source != machinePath; }),
              out.end());
    return out;
}

QString describeStop(TimestampMs startMs)
{
    return formatTimestampUtc(startMs);
}

TimestampMs overlap(const std::vector<analytics::TimeWindow> &windows, TimestampMs a,
                    TimestampMs b)
{
    TimestampMs ms = 0;
    for (const auto &[s, e] : windows)
        ms += std::max<TimestampMs>(0, std::min(b, e) - std::max(a, s));
    return ms;
}

std::vector<StopAnnotation> newestByStart(const std::vector<storage::Event> &events,
                                          TimestampMs fromMs, TimestampMs toMs);

} // namespace

bool StopAnnotations::setReason(const QString &machinePath, TimestampMs stopStartMs,
                                const QString &reason, const QString &user, QString *error)
{
    // The previous code goes to oldValue so the journal reads as a change without a lookup.
    QString previous;
    for (const StopAnnotation &a : annotationsIn(m_historian, machinePath, stopStartMs,
                                                 stopStartMs + 1))
        previous = a.reason;
    const QString message = reason.isEmpty()
            ? QStringLiteral("reason of the stop at %1 cleared").arg(describeStop(stopStartMs))
            : QStringLiteral("reason of the stop at %1 set to %2")
                      .arg(describeStop(stopStartMs), reason);
    return append(m_historian, kStopReason, machinePath, user, message, previous, reason,
                  QJsonObject{{QStringLiteral("start"), double(stopStartMs)},
                              {QStringLiteral("reason"), reason}},
                  error)
            >= 0;
}

bool StopAnnotations::split(const QString &machinePath, TimestampMs stopStartMs,
                            TimestampMs atMs, const QString &user, QString *error)
{
    if (atMs <= stopStartMs) {
        if (error)
            *error = QStringLiteral("the split time must be after the stop's start");
        return false;
    }
    const QString message = QStringLiteral("stop at %1 split at %2")
                                    .arg(describeStop(stopStartMs), formatTimestampUtc(atMs));
    return append(m_historian, kStopSplit, machinePath, user, message, QString(), QString(),
                  QJsonObject{{QStringLiteral("start"), double(stopStartMs)},
                              {QStringLiteral("at"), double(atMs)}},
                  error)
            >= 0;
}

bool StopAnnotations::comment(const QString &machinePath, TimestampMs stopStartMs,
                              const QString &text, const QString &user, QString *error)
{
    QString previous;
    for (const StopAnnotation &a : annotationsIn(m_historian, machinePath, stopStartMs,
                                                 stopStartMs + 1))
        previous = a.comment;
    const QString message = QStringLiteral("comment on the stop at %1").arg(describeStop(stopStartMs));
    return append(m_historian, kStopComment, machinePath, user, message, previous, text,
                  QJsonObject{{QStringLiteral("start"), double(stopStartMs)},
                              {QStringLiteral("text"), text}},
                  error)
            >= 0;
}

bool StopAnnotations::shiftComment(const QString &linePath, TimestampMs shiftStartMs,
                                   const QString &text, const QString &user, QString *error)
{
    const QString message = QStringLiteral("comment on the shift starting %1")
                                    .arg(formatTimestampUtc(shiftStartMs));
    return append(m_historian, kShiftComment, linePath, user, message, QString(), text,
                  QJsonObject{{QStringLiteral("shift_start"), double(shiftStartMs)},
                              {QStringLiteral("text"), text}},
                  error)
            >= 0;
}

void StopAnnotations::apply(const QString &machinePath, std::vector<analytics::StopEvent> &stops,
                            const std::vector<analytics::TimeWindow> *windows) const
{
    applyTo(m_historian, machinePath, stops, windows);
}

std::vector<StopAnnotation> StopAnnotations::annotations(const QString &machinePath,
                                                         TimestampMs fromMs,
                                                         TimestampMs toMs) const
{
    return annotationsIn(m_historian, machinePath, fromMs, toMs);
}

QStringList StopAnnotations::shiftComments(const QString &linePath,
                                           TimestampMs shiftStartMs) const
{
    storage::EventQuery q;
    q.categories = {category()};
    q.kindPrefix = kShiftComment;
    q.sourcePrefix = linePath;
    QStringList out;
    for (const storage::Event &e : m_historian.events(q)) {
        if (e.source != linePath || e.kind != kShiftComment)
            continue;
        const QJsonObject o = parse(e);
        if (msOf(o, "shift_start") == shiftStartMs)
            out << o.value(QStringLiteral("text")).toString();
    }
    return out;
}

void StopAnnotations::applyTo(const storage::Historian &historian, const QString &machinePath,
                              std::vector<analytics::StopEvent> &stops,
                              const std::vector<analytics::TimeWindow> *windows)
{
    if (stops.empty())
        return;
    TimestampMs first = stops.front().startMs;
    for (const analytics::StopEvent &s : stops)
        first = std::min(first, s.startMs);
    const std::vector<storage::Event> events = stopEvents(historian, machinePath);
    if (events.empty())
        return;

    // Splits first, in journal order (a later split may divide a part of an earlier one).
    for (const storage::Event &e : events) {
        if (e.kind != kStopSplit)
            continue;
        const QJsonObject o = parse(e);
        const TimestampMs start = msOf(o, "start");
        const TimestampMs at = msOf(o, "at");
        const auto it = std::find_if(stops.begin(), stops.end(), [&](const auto &s) {
            return s.startMs == start && at > s.startMs && at < s.endMs;
        });
        if (it == stops.end())
            continue;
        analytics::StopEvent second = *it;
        second.startMs = at;
        it->endMs = at;
        const TimestampMs total = it->plannedMs;
        TimestampMs firstPart = 0;
        if (windows) {
            firstPart = std::min(total, overlap(*windows, it->startMs, at));
        } else {
            const double share = double(at - it->startMs) / double(second.endMs - it->startMs);
            firstPart = static_cast<TimestampMs>(std::llround(double(total) * share));
        }
        it->plannedMs = firstPart;
        second.plannedMs = total - firstPart;
        stops.insert(it + 1, std::move(second));
    }

    // The newest reason and comment per stop start.
    std::map<TimestampMs, StopAnnotation> byStart;
    for (const StopAnnotation &a :
         newestByStart(events, first, std::numeric_limits<TimestampMs>::max()))
        byStart[a.startMs] = a;
    for (analytics::StopEvent &s : stops) {
        const auto it = byStart.find(s.startMs);
        if (it == byStart.end())
            continue;
        s.reasonCode = it->second.reason;
        s.comment = it->second.comment;
        s.annotatedBy = it->second.user;
    }
}

std::vector<StopAnnotation> StopAnnotations::annotationsIn(const storage::Historian &historian,
                                                           const QString &machinePath,
                                                           TimestampMs fromMs, TimestampMs toMs)
{
    return newestByStart(stopEvents(historian, machinePath), fromMs, toMs);
}

namespace {

std::vector<StopAnnotation> newestByStart(const std::vector<storage::Event> &events,
                                          TimestampMs fromMs, TimestampMs toMs)
{
    std::map<TimestampMs, StopAnnotation> byStart;
    for (const storage::Event &e : events) {
        if (e.kind != kStopReason && e.kind != kStopComment)
            continue;
        const QJsonObject o = parse(e);
        const TimestampMs start = msOf(o, "start");
        if (start < fromMs || start >= toMs)
            continue;
        StopAnnotation &a = byStart[start];
        a.startMs = start;
        if (e.kind == kStopReason)
            a.reason = o.value(QStringLiteral("reason")).toString();
        else
            a.comment = o.value(QStringLiteral("text")).toString();
        a.user = e.user;
        a.at = e.t;
    }
    std::vector<StopAnnotation> out;
    out.reserve(byStart.size());
    for (auto &[start, a] : byStart)
        out.push_back(std::move(a));
    return out;
}

} // namespace

} // namespace andon
