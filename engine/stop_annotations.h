// Operator annotations of a machine's stops (reason, split, comment), kept as events in the
// historian's append-only event journal (category "oee") so every change is audited with user
// and time. OeeQuery applies them to the computed stops; the OEE page and the shift report
// read them from here. Stateless; safe on any thread that may use the historian.
//
// Event format (docs/oee.md "Reasons"), source = machine path:
//   kind "stop.reason":  details {"start": ms, "reason": "<code>"}; oldValue/newValue = codes
//   kind "stop.split":   details {"start": ms, "at": ms}  -> stops [start, at) and [at, end)
//   kind "stop.comment": details {"start": ms, "text": "..."}
//   kind "shift.comment": details {"shift_start": ms, "text": "..."} (report comments)
// "start" identifies a stop by its start time (after splits, a part starts at its "at").
// The newest event for the same (machine, start) wins; nothing is ever deleted. An empty
// reason code clears the reason. Splits apply in journal order; a split whose stop is not
// found (the stop does not exist or `at` is not inside it) is ignored.
#pragma once

#include "analytics/oee_calculator.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace andon::storage {
class Historian;
}

namespace andon {

struct StopAnnotation
{
    TimestampMs startMs = 0;
    QString reason;   // reason code from the configured tree ("" = none given)
    QString comment;
    QString user;     // who gave the reason/comment last
    TimestampMs at = 0; // when it was given
};

class StopAnnotations
{
public:
    explicit StopAnnotations(storage::Historian &historian) : m_historian(historian) {}

    // Each returns false + *error when the journal cannot record it (read-only cache, disk
    // full); nothing is applied then.
    bool setReason(const QString &machinePath, TimestampMs stopStartMs, const QString &reason,
                   const QString &user, QString *error = nullptr);
    bool split(const QString &machinePath, TimestampMs stopStartMs, TimestampMs atMs,
               const QString &user, QString *error = nullptr);
    bool comment(const QString &machinePath, TimestampMs stopStartMs, const QString &text,
                 const QString &user, QString *error = nullptr);
    bool shiftComment(const QString &linePath, TimestampMs shiftStartMs, const QString &text,
                      const QString &user, QString *error = nullptr);

    // Applies splits, reasons and comments recorded for `machinePath` to `stops` (sorted by
    // start): a split divides a stop in two; an operator reason goes to
    // StopEvent::reasonCode (the state name stays in `reason`). `windows` are the planned
    // windows the stops' plannedMs was counted in (OeeQuery: planned operating windows
    // clipped to the analysed window); they divide plannedMs at a split (null: in proportion
    // to the parts' lengths).
    void apply(const QString &machinePath, std::vector<analytics::StopEvent> &stops,
               const std::vector<analytics::TimeWindow> *windows = nullptr) const;
    // The newest reason/comment per stop start in [fromMs, toMs), by start.
    std::vector<StopAnnotation> annotations(const QString &machinePath, TimestampMs fromMs,
                                            TimestampMs toMs) const;
    QStringList shiftComments(const QString &linePath, TimestampMs shiftStartMs) const;

    // The same on a read-only historian reference (OeeQuery, reports).
    static void applyTo(const storage::Historian &historian, const QString &machinePath,
                        std::vector<analytics::StopEvent> &stops,
                        const std::vector<analytics::TimeWindow> *windows = nullptr);
    static std::vector<StopAnnotation> annotationsIn(const storage::Historian &historian,
                                                     const QString &machinePath,
                                                     TimestampMs fromMs, TimestampMs toMs);

    // Event kinds and category in the journal.
    static constexpr const char *kCategory = "oee";

private:
    storage::Historian &m_historian;
};

} // namespace andon
