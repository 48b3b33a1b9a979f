// The SQLite historian: every sample Andon sees, stored as a journal + compressed per-tag
// chunks with minute/hour rollups (docs/architecture.md, "Storage").
// One writer thread owns the write connection; queries use their own read connections.
// Owned by the Engine (GUI or andon-cli); safe to call from any thread.
#pragma once

#include "core/sample.h"

#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include <QString>
#include <QStringList>

namespace andon::storage {

struct HistorianOptions
{
    QString path;                 // database file
    bool readOnly = false;        // open an existing cache for review (no writer thread)
    int commitIntervalMs = 250;   // journal commit cadence (durability window)
    int chunkMaxSamples = 120;    // seal a tag's buffer into a chunk when it holds this many
    int chunkMaxAgeMs = 10 * 60 * 1000; // ... or when its oldest sample is this old
    int rawRetentionDays = 30;    // chunks/journal older than this are deleted (0 = keep)
    int minuteRetentionDays = 400;
    int hourRetentionDays = 3650;
    // Upper bound of the database file (0 = only the disk's). When reached, commits fail as on
    // a full disk: samples stay queued in memory and are retried, stats().lastError says so,
    // and retention (or a larger limit) lets them in. Keeps a laptop's cache from filling it.
    std::int64_t maxSizeBytes = 0;
    // The writer applies retention itself at open and then at this interval, relative to the
    // wall clock (0 = only when applyRetention() is called). Off by default because tests and
    // imports write historic timestamps; the running application turns it on.
    int retentionIntervalMs = 0;
};

// One bucket of a decimated range query: the samples of one time slice of a tag.
struct Bucket
{
    TimestampMs t_first = 0; // time of the first sample in the bucket
    TimestampMs t_last = 0;
    TimestampMs t_min = 0;   // time of the minimum (M4: keeps the shape of the curve)
    TimestampMs t_max = 0;
    double min = 0, max = 0, first = 0, last = 0, avg = 0;
    std::int64_t count = 0;
    Quality worstQuality = Quality::Good;
};

struct RangeResult
{
    enum class Source { Raw, Minute, Hour };
    Source source = Source::Raw;  // which resolution answered
    std::vector<Bucket> buckets;  // at most maxBuckets, oldest first; empty buckets omitted
};

struct Rollup
{
    TimestampMs t_start = 0; // start of the minute/hour (UTC)
    double min = 0, max = 0, avg = 0, first = 0, last = 0;
    std::int64_t count = 0;
};

// One entry of the event journal: alarm transitions, audited user actions (Modbus writes,
// stop reasons, SPC limit changes, service acknowledgements), SPC rule violations and system
// events. The journal is append-only: the schema refuses UPDATE and DELETE on it.
struct Event
{
    std::int64_t id = 0;  // assigned by appendEvent(), increasing in append order
    TimestampMs t = 0;    // when it happened (UTC ms); 0 = now, set by appendEvent()
    QString category;     // "audit", "alarm", "spc", "oee", "maintenance", "system"
    QString kind;         // what happened within the category, e.g. "modbus.write"
    QString source;       // tag, machine, device or connection path it is about
    QString user;         // who did it ("" = Andon itself)
    QString message;      // one line in words, as shown in journals and exports
    QString oldValue;     // for changes: the value before ...
    QString newValue;     // ... and after
    QString details;      // anything else as a JSON object text ("" = none)
};

struct EventQuery
{
    TimestampMs from = std::numeric_limits<TimestampMs>::min();
    TimestampMs to = std::numeric_limits<TimestampMs>::max();
    QStringList categories;   // empty = all
    QString kindPrefix;       // "" = all; "modbus." matches "modbus.write"
    QString sourcePrefix;     // "" = all; "site/line1" matches the line and its machines
    std::int64_t afterId = 0; // only events with a larger id (incremental refresh)
    std::size_t limit = 100'000;
    bool newestFirst = false;
};

struct HistorianStats
{
    std::uint64_t samplesWritten = 0;   // committed since open
    std::uint64_t batchesCommitted = 0;
    std::uint64_t queueDepth = 0;       // samples waiting for the writer
    std::uint64_t chunks = 0;           // chunks in the file
    std::uint64_t fileBytes = 0;        // main db + WAL
    QString lastError;                  // last write error in words ("" = none)
};

class Historian
{
public:
    // Opens (creating if needed) the database. A file that is not an Andon historian or is
    // corrupt is moved aside to "<path>.corrupt-<timestamp>" and a fresh one is created (the
    // message says so); in readOnly mode it is refused instead. Returns null + *error on
    // failure. Never overwrites a foreign file silently.
    static std::unique_ptr<Historian> open(const HistorianOptions &options, QString *error,
                                           QString *notice = nullptr);
    ~Historian(); // flushes and stops the writer thread

    Historian(const Historian &) = delete;
    Historian &operator=(const Historian &) = delete;

    // Declares the tags of the running configuration: index i of `paths` is TagId i.
    // Unknown paths are added to the tag table; history of known paths continues.
    bool bindTags(const QStringList &paths, QString *error = nullptr);
    // Stable database id of a path, or -1.
    std::int64_t tagDbId(const QString &path) const;
    QStringList tagPaths() const; // every tag the file knows, sorted

    // Queues a batch for the writer (non-blocking, any thread). Samples use TagIds from
    // bindTags().
    void append(SampleBatch batch);
    // Blocks until everything appended before the call is committed to the journal.
    void flush();
    // Seals every open per-tag buffer into chunks and updates rollups (clean shutdown, tests).
    void sealAll();

    // Raw samples of a tag in [from, to], oldest first, at most `limit`.
    std::vector<Sample> raw(const QString &path, TimestampMs from, TimestampMs to,
                            std::size_t limit = 10'000'000) const;
    // Decimated range: at most `maxBuckets` buckets (min/max per bucket), choosing raw data
    // or minute/hour rollups by the bucket width so a 30-day query never decodes raw samples.
    RangeResult range(const QString &path, TimestampMs from, TimestampMs to,
                      int maxBuckets) const;
    std::vector<Rollup> minuteRollups(const QString &path, TimestampMs from, TimestampMs to) const;
    std::vector<Rollup> hourRollups(const QString &path, TimestampMs from, TimestampMs to) const;

    // Deletes data older than the retention settings relative to `now`; returns rows removed.
    std::int64_t applyRetention(TimestampMs now);

    // Appends an event and commits it before returning: an audit entry must not sit in the
    // commit window. Thread-safe. Returns the event id, or -1 and *error (read-only cache,
    // disk full...); a failed append is logged with the event's source and message.
    std::int64_t appendEvent(const Event &event, QString *error = nullptr);
    // Events matching `query`, oldest first unless query.newestFirst.
    std::vector<Event> events(const EventQuery &query) const;

    HistorianStats stats() const;
    QString path() const;

    static constexpr int kSchemaVersion = 3; // 2: journal as per-commit blobs, 3: event journal

private:
    Historian();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace andon::storage
