// Historian: journal + chunks + rollups in one SQLite file (docs/architecture.md, "Storage").
//
// Write path (one writer thread owns the write connection):
//   append() queues batches; every commitIntervalMs (or on flush()) the writer inserts them
//   into `journal` with explicit, ever-increasing rowids and adds them to per-tag in-memory
//   buffers. A buffer that holds chunkMaxSamples samples, or whose oldest sample is
//   chunkMaxAgeMs older than the newest sample seen (sample time, not wall time), is sealed in
//   the same transaction: encoded into `chunks`, folded into `rollup_minute`/`rollup_hour`,
//   and `tags.sealed_rowid` is set to its highest journal rowid. A tag's buffer always holds
//   the newest rowids of that tag, so "rowid <= sealed_rowid" marks exactly the sealed journal
//   rows; they are deleted lazily by one cheap range delete (rowid < lowest unsealed rowid)
//   instead of one delete per sample. Start-up replays journal rows above sealed_rowid.
//   The journal holds one blob row per commit (or per ~64 KiB, chunk_codec.h): "rowid" below
//   means the sample's sequence number, journal.seq + its index in the blob, and a blob row is
//   deleted once all of its sequence numbers are below the lowest unsealed one.
//   A failed transaction (disk full...) is rolled back and the batches stay queued; the
//   in-memory state is only updated after COMMIT succeeded.
// Read path (any thread, one read connection behind a mutex): a read transaction is started
//   while holding the buffer mutex, which the writer also holds across COMMIT + buffer update,
//   so chunks/rollups and the copied unsealed samples are one consistent snapshot.
//   Read-only opens have no buffers: they read unsealed rows from `journal` instead.
#include "storage/historian.h"

#include "storage/chunk_codec.h"
#include "storage/rollup_acc.h"
#include "storage/sqlite_util.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace andon::storage {

namespace {

Q_LOGGING_CATEGORY(lcStorage, "andon.storage")

// PRAGMA application_id of every Andon historian: "ANDN".
constexpr std::int32_t kApplicationId = 0x414E444E;
constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr TimestampMs kMinTime = std::numeric_limits<TimestampMs>::min();
constexpr TimestampMs kMaxTime = std::numeric_limits<TimestampMs>::max();

struct BufSample
{
    TimestampMs t;
    double v;
    Quality q;
    std::int64_t rowid;
};

struct TagBuffer
{
    std::vector<BufSample> samples;
    TimestampMs minT = kMaxTime;
};

TimestampMs satSub(TimestampMs a, std::int64_t b)
{
    return a < kMinTime + b ? kMinTime : a - b;
}

double columnReal(const sql::Stmt &s, int col)
{
    return s.isNull(col) ? std::numeric_limits<double>::quiet_NaN() : s.real(col);
}

// ---- schema -------------------------------------------------------------------------------

bool migrate0to1(sql::Db &db, QString *error)
{
    static const char kSql[] = R"sql(
PRAGMA application_id = 1095648334;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value);
INSERT OR REPLACE INTO meta(key, value) VALUES('application', 'andon-historian');
INSERT OR REPLACE INTO meta(key, value) VALUES('max_chunk_span_ms', 0);
CREATE TABLE IF NOT EXISTS tags(
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    sealed_rowid INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS journal(
    tag_id INTEGER NOT NULL, t_ms INTEGER NOT NULL, value REAL, q INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS chunks(
    tag_id INTEGER NOT NULL, t_first INTEGER NOT NULL, t_last INTEGER NOT NULL,
    count INTEGER NOT NULL, min REAL, max REAL, data BLOB NOT NULL,
    PRIMARY KEY(tag_id, t_first)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_minute(
    tag_id INTEGER NOT NULL, t_start INTEGER NOT NULL, count INTEGER NOT NULL, sum REAL,
    min REAL, min_t INTEGER, max REAL, max_t INTEGER, first REAL, first_t INTEGER,
    last REAL, last_t INTEGER, worst_q INTEGER NOT NULL,
    PRIMARY KEY(tag_id, t_start)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_hour(
    tag_id INTEGER NOT NULL, t_start INTEGER NOT NULL, count INTEGER NOT NULL, sum REAL,
    min REAL, min_t INTEGER, max REAL, max_t INTEGER, first REAL, first_t INTEGER,
    last REAL, last_t INTEGER, worst_q INTEGER NOT NULL,
    PRIMARY KEY(tag_id, t_start)) WITHOUT ROWID;
)sql";
    return db.exec(kSql, error);
}

// Journal blobs are cut at about this size, so one row never needs a huge overflow chain.
constexpr std::size_t kJournalBlobBytes = 64 * 1024;

// v2: the journal holds one row per commit (or per ~64 KiB) instead of one per sample. A row's
// `seq` is the sequence number of its first sample; its samples have seq, seq + 1, ...,
// seq + count - 1, so tags.sealed_rowid keeps its meaning (highest sealed sample sequence
// number). `seq` is an explicit INTEGER PRIMARY KEY because VACUUM may renumber implicit
// rowids, which would break that link (the v1 table had that weakness).
bool migrate1to2(sql::Db &db, QString *error)
{
    if (!db.exec("CREATE TABLE journal_v2(seq INTEGER PRIMARY KEY, t_min INTEGER NOT NULL, "
                 "t_max INTEGER NOT NULL, count INTEGER NOT NULL, data BLOB NOT NULL)",
                 error))
        return false;
    sql::Stmt sel(db.get(), "SELECT rowid, tag_id, t_ms, value, q FROM journal ORDER BY rowid");
    sql::Stmt ins(db.get(), "INSERT INTO journal_v2(seq, t_min, t_max, count, data) "
                            "VALUES(?, ?, ?, ?, ?)");
    if (!sel.valid() || !ins.valid()) {
        *error = db.lastError();
        return false;
    }
    JournalBlobWriter blob;
    std::int64_t first = 0, next = 0;
    auto put = [&] {
        if (blob.count() == 0)
            return true;
        ins.bind(1, first).bind(2, blob.tMin()).bind(3, blob.tMax())
            .bind(4, std::int64_t(blob.count()))
            .bindBlob(5, blob.data().data(), int(blob.data().size()));
        const bool ok = ins.run() == SQLITE_DONE;
        blob.clear();
        return ok;
    };
    int rc;
    while ((rc = sel.step()) == SQLITE_ROW) {
        const std::int64_t rowid = sel.int64(0);
        // A blob covers consecutive sequence numbers: a gap (rows deleted by retention)
        // starts a new one.
        if (blob.count() > 0 && (rowid != next || blob.bytes() >= kJournalBlobBytes)) {
            if (!put()) {
                *error = db.lastError();
                return false;
            }
        }
        if (blob.count() == 0)
            first = rowid;
        blob.add(sel.int64(1), sel.int64(2), columnReal(sel, 3),
                 Quality(std::uint8_t(sel.int64(4))));
        next = rowid + 1;
    }
    if (rc != SQLITE_DONE || !put()) {
        *error = db.lastError();
        return false;
    }
    sel.reset();
    return db.exec("DROP TABLE journal; ALTER TABLE journal_v2 RENAME TO journal;", error);
}

// v3: the event journal (alarms, audit, SPC, OEE reasons). Append-only: triggers refuse
// UPDATE and DELETE so no code path of Andon can rewrite history; only a deliberate
// schema change could.
bool migrate2to3(sql::Db &db, QString *error)
{
    static const char kSql[] = R"sql(
CREATE TABLE events(
    id INTEGER PRIMARY KEY,
    t_ms INTEGER NOT NULL,
    category TEXT NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    user TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    old_value TEXT,
    new_value TEXT,
    details TEXT);
CREATE INDEX events_by_time ON events(t_ms);
CREATE INDEX events_by_source ON events(source, t_ms);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event journal is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event journal is append-only'); END;
)sql";
    return db.exec(kSql, error);
}

// kMigrations[v] upgrades a file from user_version v to v + 1. Version 0 is an empty (new)
// file. Append a function here for every schema change; never edit an old one.
using Migration = bool (*)(sql::Db &, QString *);
constexpr Migration kMigrations[] = {&migrate0to1, &migrate1to2, &migrate2to3};
static_assert(std::size(kMigrations) == Historian::kSchemaVersion);

std::int64_t pragmaInt(sql::Db &db, const char *pragma)
{
    sql::Stmt s(db.get(), pragma);
    return s.valid() && s.step() == SQLITE_ROW ? s.int64(0) : -1;
}

bool migrate(sql::Db &db, QString *error)
{
    const std::int64_t version = pragmaInt(db, "PRAGMA user_version");
    if (version > Historian::kSchemaVersion) {
        *error = QStringLiteral("the historian uses schema version %1, this Andon only knows "
                                "versions up to %2; use a newer Andon")
                     .arg(version)
                     .arg(Historian::kSchemaVersion);
        return false;
    }
    for (std::int64_t v = std::max<std::int64_t>(version, 0); v < Historian::kSchemaVersion;
         ++v) {
        QString why;
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(v + 1)
                                      + "; INSERT OR REPLACE INTO meta(key, value) VALUES("
                                        "'schema_version', "
                                      + QByteArray::number(v + 1) + ");";
        if (!db.exec("BEGIN IMMEDIATE", &why) || !kMigrations[v](db, &why)
            || !db.exec(setVersion.constData(), &why) || !db.exec("COMMIT", &why)) {
            db.exec("ROLLBACK");
            *error = QStringLiteral("schema migration %1 -> %2 failed: %3").arg(v).arg(v + 1).arg(why);
            return false;
        }
        qCDebug(lcStorage) << "migrated historian schema from version" << v << "to" << v + 1;
    }
    return true;
}

enum class FileState { Missing, Usable, Foreign, Corrupt, TooNew };

// Decides, without modifying it, whether `path` can be opened as an Andon historian.
FileState inspectFile(const QString &path, QString *why)
{
    QFile f(path);
    if (!f.exists())
        return FileState::Missing;
    if (f.size() == 0)
        return FileState::Usable; // SQLite treats an empty file as an empty database
    if (!f.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot read it: %1").arg(f.errorString());
        return FileState::Corrupt;
    }
    if (f.read(16) != QByteArray("SQLite format 3\0", 16)) {
        *why = QStringLiteral("it is not an SQLite database");
        return FileState::Foreign;
    }
    f.close();

    sql::Db db;
    QString err;
    if (!db.open(path, SQLITE_OPEN_READONLY, &err)) {
        *why = err;
        return FileState::Corrupt;
    }
    {
        sql::Stmt check(db.get(), "PRAGMA quick_check");
        if (!check.valid()) {
            *why = QStringLiteral("integrity check failed: %1").arg(db.lastError());
            return FileState::Corrupt;
        }
        const int rc = check.step();
        const QString result = rc == SQLITE_ROW ? check.text(0) : db.lastError();
        if (result != QLatin1String("ok")) {
            *why = QStringLiteral("integrity check failed: %1").arg(result);
            return FileState::Corrupt;
        }
    }
    const std::int64_t appId = pragmaInt(db, "PRAGMA application_id");
    const std::int64_t version = pragmaInt(db, "PRAGMA user_version");
    QStringList tables;
    {
        sql::Stmt s(db.get(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (s.valid() && s.step() == SQLITE_ROW)
            tables << s.text(0);
    }
    if (appId == 0 && version == 0 && tables.isEmpty())
        return FileState::Usable; // an empty SQLite file: becomes a historian
    if (appId != kApplicationId) {
        *why = appId == 0 ? QStringLiteral("it is an SQLite database of another application "
                                           "(tables: %1)")
                                .arg(tables.join(QStringLiteral(", ")))
                          : QStringLiteral("it is an SQLite database of another application "
                                           "(application_id 0x%1)")
                                .arg(QString::number(std::uint32_t(appId), 16));
        return FileState::Foreign;
    }
    if (version > Historian::kSchemaVersion) {
        *why = QStringLiteral("it uses historian schema version %1 but this Andon only knows "
                              "versions up to %2; use a newer Andon")
                   .arg(version)
                   .arg(Historian::kSchemaVersion);
        return FileState::TooNew;
    }
    if (version >= 1 && !tables.contains(QStringLiteral("meta"))) {
        *why = QStringLiteral("it is marked as an Andon historian but has no meta table");
        return FileState::Corrupt;
    }
    return FileState::Usable;
}

// Renames a bad file (and its -wal/-shm, so SQLite never applies a stale WAL to the new
// file) to "<path>.corrupt-<yyyyMMddThhmmss>". Returns the new name, or "" on failure.
QString moveAside(const QString &path, QString *error)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmss"));
    QString target = path + QStringLiteral(".corrupt-") + stamp;
    for (int i = 1; QFile::exists(target) && i < 1000; ++i)
        target = path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(i);
    if (!QFile::rename(path, target)) {
        *error = QStringLiteral("cannot move %1 aside to %2").arg(path, target);
        return {};
    }
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFile::exists(side) && !QFile::rename(side, target + QLatin1String(suffix)))
            QFile::remove(side);
    }
    return target;
}

Bucket bucketFrom(const RollupAcc &a, TimestampMs bucketStart)
{
    Bucket b;
    b.count = a.count;
    b.worstQuality = Quality(std::uint8_t(std::max(a.worstQ, 0)));
    if (a.count == 0) {
        // Only Bad or non-finite samples: a visible gap that still carries their quality.
        b.t_first = b.t_last = b.t_min = b.t_max = bucketStart;
        b.min = b.max = b.first = b.last = b.avg = RollupAcc::kNaN;
        return b;
    }
    b.t_first = a.firstT;
    b.t_last = a.lastT;
    b.t_min = a.minT;
    b.t_max = a.maxT;
    b.min = a.min;
    b.max = a.max;
    b.first = a.first;
    b.last = a.last;
    b.avg = a.sum / double(a.count);
    return b;
}

} // namespace

// ---- Impl ---------------------------------------------------------------------------------

struct Historian::Impl
{
    HistorianOptions opt;

    // Read side.
    mutable std::mutex readMutex;
    mutable sql::Db readDb;

    // Tag map (TagId <-> db id), written by bindTags.
    mutable std::mutex tagMutex;
    std::vector<std::int64_t> tagToDb;            // TagId -> db id (-1 unbound)
    std::unordered_map<std::int64_t, TagId> dbToTag;

    // Unsealed committed samples per db tag id; guarded by bufMutex for readers, written only
    // by the writer thread.
    mutable std::mutex bufMutex;
    std::vector<TagBuffer> buffers;

    // Writer-thread-only state.
    sql::Db writeDb;
    sql::Stmt insJournal, insChunk, selChunk, replChunk, selRollup[2], putRollup[2], updSealed,
        delJournalBelow, putMeta;
    std::int64_t nextRowid = 1; // sequence number of the next journal sample
    JournalBlobWriter journalBlob;
    std::int64_t journalDeletedBelow = 0;
    TimestampMs maxSampleT = kMinTime;
    std::int64_t maxChunkSpan = 0;
    std::vector<std::vector<BufSample>> staged; // per db id, reused across cycles
    std::vector<std::int64_t> stagedTags;
    std::vector<SampleBatch> pending; // taken from the queue, not yet committed
    std::uint64_t pendingSeq = 0;

    // Queue between append() and the writer.
    mutable std::mutex qMutex;
    std::condition_variable qCv;   // wakes the writer
    std::condition_variable doneCv; // wakes flush()/runOnWriter waiters
    std::deque<SampleBatch> queue;
    std::uint64_t queuedSamples = 0;
    std::uint64_t pendingSamples = 0;
    std::uint64_t appendedSeq = 0;
    std::uint64_t committedSeq = 0;
    std::uint64_t failedAttempts = 0;
    bool flushRequested = false;
    bool stopRequested = false;
    std::deque<std::function<void()>> tasks;
    std::thread writer;

    mutable std::mutex statsMutex;
    HistorianStats stats;

    // ---- setup ----

    bool openWriter(QString *error)
    {
        if (!writeDb.open(opt.path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
            return false;
        QString why;
        if (!writeDb.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                          "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
                          &why)) {
            *error = QStringLiteral("%1: %2").arg(opt.path, why);
            return false;
        }
        if (!migrate(writeDb, &why)) {
            *error = QStringLiteral("%1: %2").arg(opt.path, why);
            return false;
        }
        if (opt.maxSizeBytes > 0) {
            const std::int64_t pageSize = pragmaInt(writeDb, "PRAGMA page_size");
            const std::int64_t pages = std::max<std::int64_t>(1, opt.maxSizeBytes / std::max<std::int64_t>(pageSize, 512));
            const QByteArray pragma = "PRAGMA max_page_count = " + QByteArray::number(qlonglong(pages));
            const std::int64_t set = pragmaInt(writeDb, pragma.constData());
            if (set < pages)
                qCWarning(lcStorage).noquote()
                    << QStringLiteral("historian %1 is already larger than its size limit of %2 MB; "
                                      "new samples wait until retention frees space")
                           .arg(opt.path)
                           .arg(double(opt.maxSizeBytes) / (1024.0 * 1024.0), 0, 'f', 1);
        }
        sqlite3 *db = writeDb.get();
        const bool ok =
            insJournal.prepare(db, "INSERT INTO journal(seq, t_min, t_max, count, data) "
                                   "VALUES(?, ?, ?, ?, ?)")
            && insChunk.prepare(db, "INSERT INTO chunks(tag_id, t_first, t_last, count, min, "
                                    "max, data) VALUES(?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT(tag_id, t_first) DO NOTHING")
            && selChunk.prepare(db, "SELECT data FROM chunks WHERE tag_id = ? AND t_first = ?")
            && replChunk.prepare(db, "REPLACE INTO chunks(tag_id, t_first, t_last, count, min, "
                                     "max, data) VALUES(?, ?, ?, ?, ?, ?, ?)")
            && selRollup[0].prepare(db, "SELECT count, sum, min, min_t, max, max_t, first, "
                                        "first_t, last, last_t, worst_q FROM rollup_minute "
                                        "WHERE tag_id = ? AND t_start = ?")
            && selRollup[1].prepare(db, "SELECT count, sum, min, min_t, max, max_t, first, "
                                        "first_t, last, last_t, worst_q FROM rollup_hour "
                                        "WHERE tag_id = ? AND t_start = ?")
            && putRollup[0].prepare(db, "REPLACE INTO rollup_minute VALUES(?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?, ?, ?, ?, ?)")
            && putRollup[1].prepare(db, "REPLACE INTO rollup_hour VALUES(?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?, ?, ?, ?, ?)")
            && updSealed.prepare(db, "UPDATE tags SET sealed_rowid = ? WHERE id = ?")
            && delJournalBelow.prepare(db, "DELETE FROM journal WHERE seq < ?1 AND seq + count <= ?1")
            && putMeta.prepare(db, "REPLACE INTO meta(key, value) VALUES(?, ?)");
        if (!ok) {
            *error = QStringLiteral("%1: cannot prepare statements: %2")
                         .arg(opt.path, writeDb.lastError());
            return false;
        }
        return replayJournal(error);
    }

    // Rebuilds the per-tag buffers from journal rows not yet sealed (after a crash or a
    // clean close, which does not seal).
    bool replayJournal(QString *error)
    {
        std::vector<std::int64_t> sealed;
        std::int64_t maxRowid = 0;
        {
            sql::Stmt s(writeDb.get(), "SELECT id, sealed_rowid FROM tags");
            while (s.step() == SQLITE_ROW) {
                const auto id = s.int64(0);
                if (id < 0 || id > 100'000'000)
                    continue;
                if (std::size_t(id) >= sealed.size())
                    sealed.resize(std::size_t(id) + 1, 0);
                sealed[std::size_t(id)] = s.int64(1);
                maxRowid = std::max(maxRowid, s.int64(1));
            }
        }
        buffers.resize(sealed.size());
        std::size_t replayed = 0;
        {
            sql::Stmt s(writeDb.get(), "SELECT seq, count, data FROM journal ORDER BY seq");
            std::vector<JournalPoint> pts;
            int rc;
            while ((rc = s.step()) == SQLITE_ROW) {
                const std::int64_t seq = s.int64(0);
                int size = 0;
                const unsigned char *p = s.blob(2, &size);
                if (!decodeJournalBlob(p, std::size_t(std::max(size, 0)), &pts)
                    || std::int64_t(pts.size()) != s.int64(1)) {
                    // Cannot happen short of corruption that the integrity check missed; the
                    // row is kept (not deleted) so the data can still be recovered by hand.
                    qCWarning(lcStorage) << "skipping an undecodable journal row" << seq << "in"
                                         << opt.path;
                    maxRowid = std::max(maxRowid, seq + std::max<std::int64_t>(0, s.int64(1)) - 1);
                    continue;
                }
                for (std::size_t i = 0; i < pts.size(); ++i) {
                    const std::int64_t rowid = seq + std::int64_t(i);
                    const std::int64_t id = pts[i].tagId;
                    maxRowid = std::max(maxRowid, rowid);
                    if (id < 0 || std::size_t(id) >= sealed.size()
                        || rowid <= sealed[std::size_t(id)])
                        continue;
                    TagBuffer &b = buffers[std::size_t(id)];
                    const TimestampMs t = pts[i].t;
                    b.samples.push_back({t, pts[i].value, pts[i].q, rowid});
                    b.minT = std::min(b.minT, t);
                    maxSampleT = std::max(maxSampleT, t);
                    ++replayed;
                }
            }
            if (rc != SQLITE_DONE) {
                *error = QStringLiteral("%1: cannot read the journal: %2")
                             .arg(opt.path, writeDb.lastError());
                return false;
            }
        }
        nextRowid = maxRowid + 1;
        {
            sql::Stmt s(writeDb.get(), "SELECT value FROM meta WHERE key = 'max_chunk_span_ms'");
            if (s.step() == SQLITE_ROW)
                maxChunkSpan = s.int64(0);
        }
        {
            sql::Stmt s(writeDb.get(), "SELECT count(*) FROM chunks");
            if (s.step() == SQLITE_ROW)
                stats.chunks = std::uint64_t(s.int64(0));
        }
        if (replayed > 0)
            qCInfo(lcStorage) << "replayed" << replayed << "unsealed samples from the journal of"
                              << opt.path;
        return true;
    }

    bool openReader(QString *error)
    {
        const int flags = opt.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
        if (!readDb.open(opt.path, flags, error))
            return false;
        readDb.exec("PRAGMA cache_size = -16384");
        return true;
    }

    // ---- writer thread ----

    void writerLoop()
    {
        const auto interval = std::chrono::milliseconds(std::max(1, opt.commitIntervalMs));
        for (;;) {
            std::deque<std::function<void()>> todo;
            bool stopping;
            {
                std::unique_lock lk(qMutex);
                qCv.wait_for(lk, interval, [this] {
                    return stopRequested || flushRequested || !tasks.empty();
                });
                while (!queue.empty()) {
                    pendingSamples += queue.front().size();
                    queuedSamples -= queue.front().size();
                    pending.push_back(std::move(queue.front()));
                    queue.pop_front();
                }
                pendingSeq = appendedSeq;
                todo.swap(tasks);
                stopping = stopRequested;
                flushRequested = false;
            }
            commitCycle(false);
            for (auto &task : todo)
                task();
            if (stopping)
                break;
            maybeApplyRetention();
        }
        // A failed final commit (disk full) gets a few more tries before giving up.
        for (int attempt = 0; attempt < 3 && !pending.empty(); ++attempt)
            commitCycle(false);
        if (!pending.empty())
            qCWarning(lcStorage) << "closing" << opt.path << "with" << pendingSamples
                                 << "samples not written:" << stats.lastError;
    }

    // Retention on the writer's own schedule (HistorianOptions::retentionIntervalMs).
    std::int64_t applyRetentionNow(TimestampMs now); // writer thread
    std::chrono::steady_clock::time_point nextRetention{};
    void maybeApplyRetention()
    {
        if (opt.retentionIntervalMs <= 0)
            return;
        const auto now = std::chrono::steady_clock::now();
        if (now < nextRetention)
            return;
        nextRetention = now + std::chrono::milliseconds(opt.retentionIntervalMs);
        const std::int64_t removed = applyRetentionNow(QDateTime::currentMSecsSinceEpoch());
        if (removed > 0)
            qCInfo(lcStorage).noquote()
                << QStringLiteral("historian %1: retention removed %2 rows").arg(opt.path).arg(removed);
    }

    // A failing disk fails every commit attempt (4 per second): the message is logged when it
    // changes and then at most once a minute, but always kept in stats().lastError.
    QString lastLogged;
    std::chrono::steady_clock::time_point lastLoggedAt{};
    void recordError(const QString &what)
    {
        {
            std::lock_guard lk(statsMutex);
            stats.lastError = what;
        }
        const auto now = std::chrono::steady_clock::now();
        if (what != lastLogged || now - lastLoggedAt >= std::chrono::minutes(1)) {
            qCWarning(lcStorage).noquote() << what;
            lastLogged = what;
            lastLoggedAt = now;
        }
        std::lock_guard lk(qMutex);
        ++failedAttempts;
        doneCv.notify_all();
    }

    bool step(sql::Stmt &s, const char *what)
    {
        const int rc = s.run();
        if (rc == SQLITE_DONE || rc == SQLITE_ROW)
            return true;
        lastStepError = QStringLiteral("%1 failed: %2").arg(QLatin1String(what), writeDb.lastError());
        return false;
    }
    QString lastStepError;

    // Writes one sorted piece as a chunk; a chunk already stored under the same
    // (tag, t_first) (late data) is merged with it rather than replaced.
    bool writeChunk(std::int64_t id, std::vector<ChunkPoint> piece, std::int64_t *newChunks)
    {
        auto bindChunk = [&](sql::Stmt &s, const std::vector<ChunkPoint> &pts,
                             const QByteArray &blob) {
            double mn = RollupAcc::kNaN, mx = RollupAcc::kNaN;
            for (const ChunkPoint &p : pts) {
                if (std::isfinite(p.value)) {
                    mn = std::isnan(mn) ? p.value : std::min(mn, p.value);
                    mx = std::isnan(mx) ? p.value : std::max(mx, p.value);
                }
            }
            s.bind(1, id).bind(2, pts.front().t).bind(3, pts.back().t)
                .bind(4, std::int64_t(pts.size())).bind(5, mn).bind(6, mx)
                .bindBlob(7, blob.constData(), int(blob.size()));
        };
        const QByteArray blob = encodeChunk(piece);
        bindChunk(insChunk, piece, blob);
        if (!step(insChunk, "chunk insert"))
            return false;
        if (sqlite3_changes(writeDb.get()) > 0) {
            ++*newChunks;
        } else {
            selChunk.bind(1, id).bind(2, piece.front().t);
            std::vector<ChunkPoint> old;
            if (selChunk.step() == SQLITE_ROW) {
                int size = 0;
                const unsigned char *p = selChunk.blob(0, &size);
                if (!decodeChunk(p, std::size_t(size), &old))
                    qCWarning(lcStorage) << "undecodable chunk of tag id" << id << "at"
                                         << piece.front().t << "replaced by merged data";
            }
            selChunk.reset();
            old.insert(old.end(), piece.begin(), piece.end());
            std::stable_sort(old.begin(), old.end(),
                             [](const ChunkPoint &a, const ChunkPoint &b) { return a.t < b.t; });
            const QByteArray merged = encodeChunk(old);
            bindChunk(replChunk, old, merged);
            if (!step(replChunk, "chunk merge"))
                return false;
            piece = std::move(old);
        }
        const std::int64_t span = piece.back().t - piece.front().t;
        if (span > maxChunkSpanStaged)
            maxChunkSpanStaged = span;
        return true;
    }
    std::int64_t maxChunkSpanStaged = 0;

    bool foldRollups(std::int64_t id, const std::vector<ChunkPoint> &pts)
    {
        for (int level = 0; level < 2; ++level) {
            const std::int64_t period = level == 0 ? kMinuteMs : kHourMs;
            std::map<TimestampMs, RollupAcc> accs;
            for (const ChunkPoint &p : pts)
                accs[floorTo(p.t, period)].add(p.t, p.value, p.q);
            for (auto &[start, acc] : accs) {
                sql::Stmt &sel = selRollup[level];
                sel.bind(1, id).bind(2, start);
                if (sel.step() == SQLITE_ROW) {
                    RollupAcc old;
                    old.count = sel.int64(0);
                    old.sum = sel.isNull(1) ? 0 : sel.real(1);
                    old.min = columnReal(sel, 2);
                    old.minT = sel.int64(3);
                    old.max = columnReal(sel, 4);
                    old.maxT = sel.int64(5);
                    old.first = columnReal(sel, 6);
                    old.firstT = sel.int64(7);
                    old.last = columnReal(sel, 8);
                    old.lastT = sel.int64(9);
                    old.worstQ = int(sel.int64(10));
                    old.merge(acc);
                    acc = old;
                }
                sel.reset();
                sql::Stmt &put = putRollup[level];
                put.bind(1, id).bind(2, start).bind(3, acc.count).bind(4, acc.sum);
                auto bindOpt = [&](int col, double v, TimestampMs t) {
                    if (acc.count == 0) {
                        put.bindNull(col).bindNull(col + 1);
                    } else {
                        put.bind(col, v).bind(col + 1, t);
                    }
                };
                bindOpt(5, acc.min, acc.minT);
                bindOpt(7, acc.max, acc.maxT);
                bindOpt(9, acc.first, acc.firstT);
                bindOpt(11, acc.last, acc.lastT);
                put.bind(13, acc.worstQ);
                if (!step(put, "rollup update"))
                    return false;
            }
        }
        return true;
    }

    // One transaction: pending batches into the journal, due buffers sealed into chunks and
    // rollups, sealed journal rows deleted. Returns false (state unchanged, batches kept) on
    // failure.
    bool commitCycle(bool sealEverything)
    {
        const TimestampMs ageLimit = std::int64_t(std::max(1, opt.chunkMaxAgeMs));
        if (pending.empty() && !sealEverything) {
            // Nothing new: only old buffers may need sealing (sample time moved on earlier).
            bool due = false;
            for (const TagBuffer &b : buffers) {
                if (!b.samples.empty() && b.minT <= satSub(maxSampleT, ageLimit)) {
                    due = true;
                    break;
                }
            }
            if (!due)
                return true;
        }

        QString why;
        if (!writeDb.exec("BEGIN IMMEDIATE", &why)) {
            recordError(QStringLiteral("historian %1: cannot start a transaction: %2")
                            .arg(opt.path, why));
            return false;
        }
        auto fail = [&](const QString &what) {
            writeDb.exec("ROLLBACK");
            for (std::int64_t id : stagedTags)
                staged[std::size_t(id)].clear();
            stagedTags.clear();
            recordError(QStringLiteral("historian %1: %2; %3 samples stay queued and are retried")
                            .arg(opt.path, what)
                            .arg(pendingSamples));
            return false;
        };

        // 1. Journal.
        std::int64_t rowid = nextRowid;
        TimestampMs newMaxT = maxSampleT;
        std::uint64_t dropped = 0, written = 0;
        std::int64_t blobFirst = rowid;
        auto putBlob = [&] {
            if (journalBlob.count() == 0)
                return true;
            insJournal.bind(1, blobFirst).bind(2, journalBlob.tMin()).bind(3, journalBlob.tMax())
                .bind(4, std::int64_t(journalBlob.count()))
                .bindBlob(5, journalBlob.data().data(), int(journalBlob.data().size()));
            journalBlob.clear();
            blobFirst = rowid;
            return step(insJournal, "journal insert");
        };
        journalBlob.clear();
        {
            std::lock_guard lk(tagMutex);
            if (staged.size() < buffers.size())
                staged.resize(buffers.size());
            for (const SampleBatch &batch : pending) {
                for (const Sample &s : batch) {
                    const std::int64_t id = s.tag < tagToDb.size() ? tagToDb[s.tag] : -1;
                    if (id < 0) {
                        ++dropped;
                        continue;
                    }
                    journalBlob.add(id, s.t_ms, s.value, s.q);
                    if (std::size_t(id) >= staged.size())
                        staged.resize(std::size_t(id) + 1);
                    auto &st = staged[std::size_t(id)];
                    if (st.empty())
                        stagedTags.push_back(id);
                    st.push_back({s.t_ms, s.value, s.q, rowid});
                    ++rowid;
                    ++written;
                    newMaxT = std::max(newMaxT, s.t_ms);
                    if (journalBlob.bytes() >= kJournalBlobBytes && !putBlob())
                        return fail(lastStepError);
                }
            }
        }
        if (!putBlob())
            return fail(lastStepError);

        // 2. Seal decisions and chunks; lowest unsealed rowid for the journal cleanup.
        const std::size_t maxSamples = std::size_t(std::max(1, opt.chunkMaxSamples));
        const TimestampMs ageCut = satSub(newMaxT, ageLimit);
        std::vector<std::pair<std::int64_t, std::vector<BufSample>>> sealedNow; // id, remainder
        std::int64_t lowWater = rowid;
        std::int64_t newChunks = 0;
        maxChunkSpanStaged = maxChunkSpan;
        const std::size_t tagCount = std::max(buffers.size(), staged.size());
        for (std::size_t id = 0; id < tagCount; ++id) {
            const TagBuffer *b = id < buffers.size() ? &buffers[id] : nullptr;
            const std::vector<BufSample> *st = id < staged.size() ? &staged[id] : nullptr;
            const std::size_t n = (b ? b->samples.size() : 0) + (st ? st->size() : 0);
            if (n == 0)
                continue;
            TimestampMs oldest = b ? b->minT : kMaxTime;
            if (st)
                for (const BufSample &s : *st)
                    oldest = std::min(oldest, s.t);
            if (!(sealEverything || n >= maxSamples || oldest <= ageCut)) {
                const std::int64_t first = b && !b->samples.empty() ? b->samples.front().rowid
                                                                    : st->front().rowid;
                lowWater = std::min(lowWater, first);
                continue;
            }
            std::vector<BufSample> all;
            all.reserve(n);
            if (b)
                all.insert(all.end(), b->samples.begin(), b->samples.end());
            if (st)
                all.insert(all.end(), st->begin(), st->end());
            std::stable_sort(all.begin(), all.end(),
                             [](const BufSample &x, const BufSample &y) { return x.t < y.t; });
            // A full buffer seals whole chunks of maxSamples and keeps the newest remainder
            // open, so in-order data gives regular chunks. The remainder must hold the newest
            // journal rowids (true unless samples arrived out of order), or sealed_rowid could
            // not describe what is sealed; otherwise everything is sealed.
            std::size_t sealCount = all.size();
            std::int64_t maxRow = 0;
            if (!(sealEverything || oldest <= ageCut)) {
                sealCount = all.size() / maxSamples * maxSamples;
                std::int64_t maxSealed = 0, minRest = std::numeric_limits<std::int64_t>::max();
                for (std::size_t i = 0; i < all.size(); ++i) {
                    if (i < sealCount)
                        maxSealed = std::max(maxSealed, all[i].rowid);
                    else
                        minRest = std::min(minRest, all[i].rowid);
                }
                if (minRest <= maxSealed)
                    sealCount = all.size();
            }
            std::vector<ChunkPoint> pts;
            pts.reserve(sealCount);
            for (std::size_t i = 0; i < sealCount; ++i) {
                pts.push_back({all[i].t, all[i].v, all[i].q});
                maxRow = std::max(maxRow, all[i].rowid);
            }
            std::vector<BufSample> rest(all.begin() + std::ptrdiff_t(sealCount), all.end());
            std::sort(rest.begin(), rest.end(),
                      [](const BufSample &x, const BufSample &y) { return x.rowid < y.rowid; });
            if (!rest.empty())
                lowWater = std::min(lowWater, rest.front().rowid);
            for (std::size_t from = 0; from < pts.size(); from += maxSamples) {
                std::vector<ChunkPoint> piece(pts.begin() + std::ptrdiff_t(from),
                                              pts.begin() + std::ptrdiff_t(std::min(pts.size(), from + maxSamples)));
                if (!writeChunk(std::int64_t(id), std::move(piece), &newChunks))
                    return fail(lastStepError);
            }
            if (!foldRollups(std::int64_t(id), pts))
                return fail(lastStepError);
            updSealed.bind(1, maxRow).bind(2, std::int64_t(id));
            if (!step(updSealed, "tag update"))
                return fail(lastStepError);
            sealedNow.emplace_back(std::int64_t(id), std::move(rest));
        }

        // 3. Journal rows below every unsealed rowid are sealed: one range delete.
        if (lowWater > journalDeletedBelow) {
            delJournalBelow.bind(1, lowWater);
            if (!step(delJournalBelow, "journal cleanup"))
                return fail(lastStepError);
        }
        if (maxChunkSpanStaged > maxChunkSpan) {
            putMeta.bind(1, QStringLiteral("max_chunk_span_ms")).bind(2, maxChunkSpanStaged);
            if (!step(putMeta, "meta update"))
                return fail(lastStepError);
        }

        // 4. Commit, and publish the new state to readers atomically with it.
        bool committed;
        {
            std::lock_guard lk(bufMutex);
            committed = writeDb.exec("COMMIT", &why);
            if (committed) {
                if (buffers.size() < tagCount)
                    buffers.resize(tagCount);
                for (auto &sealed : sealedNow) {
                    const auto id = std::size_t(sealed.first);
                    TagBuffer &b = buffers[id];
                    b.samples = std::move(sealed.second);
                    b.minT = kMaxTime;
                    for (const BufSample &s : b.samples)
                        b.minT = std::min(b.minT, s.t);
                    if (id < staged.size())
                        staged[id].clear();
                }
                for (std::int64_t id : stagedTags) {
                    auto &st = staged[std::size_t(id)];
                    if (st.empty())
                        continue; // sealed above
                    TagBuffer &b = buffers[std::size_t(id)];
                    for (const BufSample &s : st) {
                        b.samples.push_back(s);
                        b.minT = std::min(b.minT, s.t);
                    }
                    st.clear();
                }
                stagedTags.clear();
            }
        }
        if (!committed)
            return fail(QStringLiteral("commit failed: %1").arg(why));
        nextRowid = rowid;
        maxSampleT = newMaxT;
        journalDeletedBelow = std::max(journalDeletedBelow, lowWater);
        maxChunkSpan = maxChunkSpanStaged;
        {
            std::lock_guard lk(statsMutex);
            stats.samplesWritten += written;
            stats.batchesCommitted += pending.size();
            stats.chunks += std::uint64_t(newChunks);
            if (dropped > 0) {
                stats.lastError = QStringLiteral("%1 samples had a tag id that was never bound "
                                                 "with bindTags() and were not stored")
                                      .arg(dropped);
            } else if (!stats.lastError.isEmpty() && !pending.empty()) {
                stats.lastError.clear(); // the previous failure has been recovered from
            }
        }
        if (dropped > 0)
            qCWarning(lcStorage) << dropped << "samples with unbound tag ids not stored in"
                                 << opt.path;
        pending.clear();
        {
            std::lock_guard lk(qMutex);
            pendingSamples = 0;
            committedSeq = pendingSeq;
            doneCv.notify_all();
        }
        return true;
    }

    // Runs fn on the writer thread and waits for it (used for everything that writes).
    void runOnWriter(std::function<void()> fn)
    {
        if (!writer.joinable()) {
            fn();
            return;
        }
        std::promise<void> done;
        auto fut = done.get_future();
        {
            std::lock_guard lk(qMutex);
            tasks.emplace_back([&fn, &done] {
                fn();
                done.set_value();
            });
        }
        qCv.notify_one();
        fut.wait();
    }

    // ---- reading ----

    // Read statements prepared once per read connection (readMutex held): a trend query
    // runs several per tag, and preparing costs about as much as stepping 100 rows.
    mutable sql::Stmt lookupStmt, metaStmt, beginStmt, commitStmt;
    sql::Stmt &cached(sql::Stmt &s, const char *sqlText) const
    {
        if (!s.valid())
            s.prepare(readDb.get(), sqlText);
        return s;
    }

    std::int64_t lookupTag(const QString &path) const // readMutex held
    {
        sql::Stmt &s = cached(lookupStmt, "SELECT id FROM tags WHERE path = ?");
        s.bind(1, path);
        const std::int64_t id = s.step() == SQLITE_ROW ? s.int64(0) : -1;
        s.reset();
        return id;
    }

    // Starts a read transaction and returns the unsealed samples of `id` in [from, to] from
    // the same snapshot. readMutex held. Also returns the max chunk span.
    std::vector<ChunkPoint> beginRead(std::int64_t id, TimestampMs from, TimestampMs to,
                                      std::int64_t *maxSpan) const
    {
        std::vector<ChunkPoint> out;
        cached(beginStmt, "BEGIN").run();
        sql::Stmt &meta = cached(metaStmt, "SELECT value FROM meta WHERE key = 'max_chunk_span_ms'");
        if (!opt.readOnly) {
            std::lock_guard lk(bufMutex);
            *maxSpan = meta.step() == SQLITE_ROW ? meta.int64(0) : 0; // fixes the snapshot
            meta.reset();
            if (id >= 0 && std::size_t(id) < buffers.size()) {
                for (const BufSample &s : buffers[std::size_t(id)].samples)
                    if (s.t >= from && s.t <= to)
                        out.push_back({s.t, s.v, s.q});
            }
            return out;
        }
        *maxSpan = meta.step() == SQLITE_ROW ? meta.int64(0) : 0;
        meta.reset();
        std::int64_t sealedSeq = std::numeric_limits<std::int64_t>::max();
        {
            sql::Stmt t(readDb.get(), "SELECT sealed_rowid FROM tags WHERE id = ?");
            t.bind(1, id);
            if (t.step() == SQLITE_ROW)
                sealedSeq = t.int64(0);
        }
        sql::Stmt s(readDb.get(), "SELECT seq, data FROM journal WHERE t_max >= ? AND t_min <= ? "
                                  "AND seq + count > ? ORDER BY seq");
        s.bind(1, from).bind(2, to).bind(3, sealedSeq);
        std::vector<JournalPoint> pts;
        while (s.step() == SQLITE_ROW) {
            int size = 0;
            const unsigned char *p = s.blob(1, &size);
            if (!decodeJournalBlob(p, std::size_t(std::max(size, 0)), &pts)) {
                qCWarning(lcStorage) << "skipping an undecodable journal row" << s.int64(0)
                                     << "in" << opt.path;
                continue;
            }
            const std::int64_t seq = s.int64(0);
            for (std::size_t i = 0; i < pts.size(); ++i) {
                const JournalPoint &jp = pts[i];
                if (jp.tagId == id && seq + std::int64_t(i) > sealedSeq && jp.t >= from
                    && jp.t <= to)
                    out.push_back({jp.t, jp.value, jp.q});
            }
        }
        return out;
    }
    void endRead() const { cached(commitStmt, "COMMIT").run(); }

    std::vector<ChunkPoint> readRaw(std::int64_t id, TimestampMs from, TimestampMs to) const
    {
        std::int64_t maxSpan = 0;
        std::vector<ChunkPoint> unsealed = beginRead(id, from, to, &maxSpan);
        std::vector<ChunkPoint> out;
        sql::Stmt s(readDb.get(), "SELECT data FROM chunks WHERE tag_id = ? AND t_first BETWEEN "
                                  "? AND ? AND t_last >= ? ORDER BY t_first");
        s.bind(1, id).bind(2, satSub(from, maxSpan)).bind(3, to).bind(4, from);
        std::vector<ChunkPoint> pts;
        while (s.step() == SQLITE_ROW) {
            int size = 0;
            const unsigned char *p = s.blob(0, &size);
            if (!decodeChunk(p, std::size_t(size), &pts)) {
                qCWarning(lcStorage) << "skipping an undecodable chunk of tag id" << id << "in"
                                     << opt.path;
                continue;
            }
            for (const ChunkPoint &c : pts)
                if (c.t >= from && c.t <= to)
                    out.push_back(c);
        }
        endRead();
        out.insert(out.end(), unsealed.begin(), unsealed.end());
        std::stable_sort(out.begin(), out.end(),
                         [](const ChunkPoint &a, const ChunkPoint &b) { return a.t < b.t; });
        return out;
    }

    // Prepared once per read connection (readMutex held): the trend query path.
    mutable sql::Stmt rollupScan[2];
    sql::Stmt &rollupStmt(int level) const
    {
        sql::Stmt &s = rollupScan[level];
        if (!s.valid())
            s.prepare(readDb.get(),
                      level == 0 ? "SELECT t_start, count, sum, min, min_t, max, max_t, first, "
                                   "first_t, last, last_t, worst_q FROM rollup_minute "
                                   "WHERE tag_id = ? AND t_start BETWEEN ? AND ? ORDER BY t_start"
                                 : "SELECT t_start, count, sum, min, min_t, max, max_t, first, "
                                   "first_t, last, last_t, worst_q FROM rollup_hour "
                                   "WHERE tag_id = ? AND t_start BETWEEN ? AND ? ORDER BY t_start");
        return s;
    }
    static RollupAcc rollupRow(const sql::Stmt &s)
    {
        RollupAcc a;
        a.count = s.int64(1);
        a.sum = s.isNull(2) ? 0 : s.real(2);
        a.min = columnReal(s, 3);
        a.minT = s.int64(4);
        a.max = columnReal(s, 5);
        a.maxT = s.int64(6);
        a.first = columnReal(s, 7);
        a.firstT = s.int64(8);
        a.last = columnReal(s, 9);
        a.lastT = s.int64(10);
        a.worstQ = int(s.int64(11));
        return a;
    }

    // Streams the rollups of `level` with t_start in [floor(from), to] (in t_start order, from
    // the primary key) into fn(t_start, acc), then returns the unsealed samples of the same
    // snapshot in that span. readMutex held.
    template<typename Fn>
    std::vector<ChunkPoint> scanRollups(int level, std::int64_t id, TimestampMs from,
                                        TimestampMs to, Fn &&fn) const
    {
        const std::int64_t period = level == 0 ? kMinuteMs : kHourMs;
        const TimestampMs lo = floorTo(from, period);
        const TimestampMs hi = to > kMaxTime - period ? kMaxTime : floorTo(to, period) + period - 1;
        std::int64_t maxSpan = 0;
        std::vector<ChunkPoint> unsealed = beginRead(id, lo, hi, &maxSpan);
        sql::Stmt &s = rollupStmt(level);
        s.bind(1, id).bind(2, lo).bind(3, to);
        while (s.step() == SQLITE_ROW)
            fn(s.int64(0), rollupRow(s));
        s.reset();
        endRead();
        return unsealed;
    }

    // Rollups of `level` (0 minute, 1 hour) with t_start in [floor(from), to], merged with
    // the not yet sealed samples.
    std::map<TimestampMs, RollupAcc> readRollups(int level, std::int64_t id, TimestampMs from,
                                                 TimestampMs to) const
    {
        const std::int64_t period = level == 0 ? kMinuteMs : kHourMs;
        std::map<TimestampMs, RollupAcc> accs;
        const std::vector<ChunkPoint> unsealed =
            scanRollups(level, id, from, to,
                        [&](TimestampMs start, const RollupAcc &a) { accs[start] = a; });
        for (const ChunkPoint &p : unsealed)
            accs[floorTo(p.t, period)].add(p.t, p.value, p.q);
        return accs;
    }
};

// ---- Historian ----------------------------------------------------------------------------

Historian::Historian() : d(std::make_unique<Impl>()) {}

Historian::~Historian()
{
    if (d->writer.joinable()) {
        {
            std::lock_guard lk(d->qMutex);
            d->stopRequested = true;
        }
        d->qCv.notify_one();
        d->writer.join();
    }
}

std::unique_ptr<Historian> Historian::open(const HistorianOptions &options, QString *error,
                                           QString *notice)
{
    QString localError;
    if (!error)
        error = &localError;
    if (options.path.isEmpty()) {
        *error = QStringLiteral("no historian file given");
        return nullptr;
    }
    std::unique_ptr<Historian> h(new Historian());
    h->d->opt = options;
    const QString &path = options.path;

    QString why;
    const FileState state = inspectFile(path, &why);
    if (options.readOnly) {
        if (state == FileState::Missing) {
            *error = QStringLiteral("historian %1 does not exist").arg(path);
            return nullptr;
        }
        if (state != FileState::Usable) {
            *error = QStringLiteral("%1 is not a usable Andon historian: %2; not opened (read-only)")
                         .arg(path, why);
            return nullptr;
        }
        if (!h->d->openReader(error))
            return nullptr;
        sql::Stmt v(h->d->readDb.get(), "PRAGMA user_version");
        if (!v.valid() || v.step() != SQLITE_ROW || v.int64(0) != kSchemaVersion) {
            *error = QStringLiteral("%1 has historian schema version %2, this Andon reads version "
                                    "%3; open it once read-write to migrate it")
                         .arg(path)
                         .arg(v.valid() ? v.int64(0) : -1)
                         .arg(kSchemaVersion);
            return nullptr;
        }
        return h;
    }

    if (state == FileState::TooNew) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return nullptr;
    }
    if (state == FileState::Foreign || state == FileState::Corrupt) {
        const QString moved = moveAside(path, error);
        if (moved.isEmpty())
            return nullptr;
        const QString msg = QStringLiteral("%1 was not a usable Andon historian (%2); it was moved "
                                           "to %3 and a new historian was created at %1")
                                .arg(path, why, moved);
        qCWarning(lcStorage).noquote() << msg;
        if (notice)
            *notice = msg;
    }
    if (!h->d->openWriter(error) || !h->d->openReader(error))
        return nullptr;
    Impl *impl = h->d.get();
    h->d->writer = std::thread([impl] { impl->writerLoop(); });
    return h;
}

bool Historian::bindTags(const QStringList &paths, QString *error)
{
    bool ok = true;
    QString why;
    if (d->opt.readOnly) {
        std::vector<std::int64_t> ids;
        std::unordered_map<std::int64_t, TagId> back;
        {
            std::lock_guard lk(d->readMutex);
            for (const QString &p : paths) {
                const auto id = d->lookupTag(p);
                ids.push_back(id);
                if (id >= 0)
                    back[id] = TagId(ids.size() - 1);
            }
        }
        std::lock_guard lk(d->tagMutex);
        d->tagToDb = std::move(ids);
        d->dbToTag = std::move(back);
        return true;
    }
    d->runOnWriter([&] {
        sql::Db &db = d->writeDb;
        std::vector<std::int64_t> ids;
        std::unordered_map<std::int64_t, TagId> back;
        if (!db.exec("BEGIN IMMEDIATE", &why)) {
            ok = false;
            return;
        }
        sql::Stmt ins(db.get(), "INSERT OR IGNORE INTO tags(path) VALUES(?)");
        sql::Stmt sel(db.get(), "SELECT id FROM tags WHERE path = ?");
        for (const QString &p : paths) {
            ins.bind(1, p);
            sel.bind(1, p);
            const int rc = ins.run();
            if ((rc != SQLITE_DONE) || sel.step() != SQLITE_ROW) {
                why = db.lastError();
                ok = false;
                db.exec("ROLLBACK");
                return;
            }
            const std::int64_t id = sel.int64(0);
            sel.reset();
            ids.push_back(id);
            back[id] = TagId(ids.size() - 1);
        }
        if (!db.exec("COMMIT", &why)) {
            db.exec("ROLLBACK");
            ok = false;
            return;
        }
        std::int64_t maxId = 0;
        for (auto id : ids)
            maxId = std::max(maxId, id);
        {
            std::lock_guard lk(d->bufMutex);
            if (d->buffers.size() <= std::size_t(maxId))
                d->buffers.resize(std::size_t(maxId) + 1);
        }
        std::lock_guard lk(d->tagMutex);
        d->tagToDb = std::move(ids);
        d->dbToTag = std::move(back);
    });
    if (!ok && error)
        *error = QStringLiteral("historian %1: cannot bind tags: %2").arg(d->opt.path, why);
    return ok;
}

std::int64_t Historian::tagDbId(const QString &path) const
{
    std::lock_guard lk(d->readMutex);
    return d->lookupTag(path);
}

QStringList Historian::tagPaths() const
{
    std::lock_guard lk(d->readMutex);
    QStringList out;
    sql::Stmt s(d->readDb.get(), "SELECT path FROM tags ORDER BY path");
    while (s.step() == SQLITE_ROW)
        out << s.text(0);
    return out;
}

void Historian::append(SampleBatch batch)
{
    if (batch.empty() || !d->writer.joinable())
        return;
    std::lock_guard lk(d->qMutex);
    d->queuedSamples += batch.size();
    d->queue.push_back(std::move(batch));
    ++d->appendedSeq;
}

void Historian::flush()
{
    if (!d->writer.joinable())
        return;
    std::unique_lock lk(d->qMutex);
    const std::uint64_t target = d->appendedSeq;
    const std::uint64_t failures = d->failedAttempts;
    d->flushRequested = true;
    d->qCv.notify_one();
    // Returns early when a commit attempt fails (disk full): the data stays queued and
    // stats().lastError says why; blocking forever would hang the caller.
    d->doneCv.wait(lk, [&] { return d->committedSeq >= target || d->failedAttempts != failures; });
}

void Historian::sealAll()
{
    if (!d->writer.joinable())
        return;
    flush();
    d->runOnWriter([this] { d->commitCycle(true); });
}

std::vector<Sample> Historian::raw(const QString &path, TimestampMs from, TimestampMs to,
                                   std::size_t limit) const
{
    std::vector<ChunkPoint> pts;
    std::int64_t id;
    {
        std::lock_guard lk(d->readMutex);
        id = d->lookupTag(path);
        if (id < 0 || to < from)
            return {};
        pts = d->readRaw(id, from, to);
    }
    TagId tag = kInvalidTag;
    {
        std::lock_guard lk(d->tagMutex);
        if (auto it = d->dbToTag.find(id); it != d->dbToTag.end())
            tag = it->second;
    }
    std::vector<Sample> out;
    out.reserve(std::min(limit, pts.size()));
    for (const ChunkPoint &p : pts) {
        if (out.size() >= limit)
            break;
        out.push_back({tag, p.t, p.value, p.q});
    }
    return out;
}

RangeResult Historian::range(const QString &path, TimestampMs from, TimestampMs to,
                             int maxBuckets) const
{
    RangeResult result;
    if (maxBuckets <= 0 || to < from)
        return result;
    // Bucket width rounded up so that [from, to] fits in maxBuckets buckets.
    const std::int64_t span = to - from + 1;
    const std::int64_t w = std::max<std::int64_t>(1, (span + maxBuckets - 1) / maxBuckets);
    // Resolution (docs/architecture.md, "Historian storage format"): hour rollups from a
    // width of 30 min, minute rollups from 1 min, raw below. A rollup is attributed whole to
    // the bucket holding its start, so an extreme moves by less than one rollup period, i.e.
    // less than 2 buckets at the hour threshold and at most 1 bucket above it; every extreme
    // of the data is still in the result. At the thresholds this reads at most ~2 rows per
    // bucket (hour at w = 30 min) instead of 30-60 (minute).
    result.source = w >= kHourMs / 2 ? RangeResult::Source::Hour
                    : w >= kMinuteMs ? RangeResult::Source::Minute
                                     : RangeResult::Source::Raw;
    auto bucketOf = [&](TimestampMs t) {
        return t <= from ? 0 : std::min<std::int64_t>((t - from) / w, maxBuckets - 1);
    };
    // Buckets are filled in time order, so they are a sorted vector (no per-row map work).
    std::vector<std::pair<std::int64_t, RollupAcc>> sorted;
    auto into = [](std::vector<std::pair<std::int64_t, RollupAcc>> &v, std::int64_t index)
        -> RollupAcc & {
        if (v.empty() || v.back().first != index)
            v.emplace_back(index, RollupAcc{});
        return v.back().second;
    };
    std::vector<std::pair<std::int64_t, RollupAcc>> late; // unsealed samples, merged below
    {
        std::lock_guard lk(d->readMutex);
        const std::int64_t id = d->lookupTag(path);
        if (id < 0)
            return result;
        if (result.source == RangeResult::Source::Raw) {
            // readRaw merges the unsealed samples and sorts by time.
            for (const ChunkPoint &p : d->readRaw(id, from, to))
                into(sorted, bucketOf(p.t)).add(p.t, p.value, p.q);
        } else {
            const int level = result.source == RangeResult::Source::Minute ? 0 : 1;
            const std::int64_t period = level == 0 ? kMinuteMs : kHourMs;
            std::vector<ChunkPoint> unsealed = d->scanRollups(
                level, id, from, to, [&](TimestampMs start, const RollupAcc &a) {
                    into(sorted, bucketOf(start)).merge(a);
                });
            // Unsealed samples count in the bucket of their rollup slice, as once sealed.
            std::sort(unsealed.begin(), unsealed.end(),
                      [](const ChunkPoint &a, const ChunkPoint &b) { return a.t < b.t; });
            for (const ChunkPoint &p : unsealed)
                into(late, bucketOf(floorTo(p.t, period))).add(p.t, p.value, p.q);
        }
    }
    if (!late.empty()) {
        std::vector<std::pair<std::int64_t, RollupAcc>> merged;
        merged.reserve(sorted.size() + late.size());
        std::size_t i = 0, j = 0;
        while (i < sorted.size() || j < late.size()) {
            if (j == late.size() || (i < sorted.size() && sorted[i].first < late[j].first)) {
                merged.push_back(sorted[i++]);
            } else if (i == sorted.size() || late[j].first < sorted[i].first) {
                merged.push_back(late[j++]);
            } else {
                merged.push_back(sorted[i++]);
                merged.back().second.merge(late[j++].second);
            }
        }
        sorted.swap(merged);
    }
    result.buckets.reserve(sorted.size());
    for (const auto &[index, acc] : sorted)
        result.buckets.push_back(bucketFrom(acc, from + index * w));
    return result;
}

namespace {
std::vector<Rollup> toRollups(const std::map<TimestampMs, RollupAcc> &accs)
{
    std::vector<Rollup> out;
    for (const auto &[start, a] : accs) {
        if (a.count == 0)
            continue; // only Bad/NaN samples in that slice: nothing to summarise
        out.push_back({start, a.min, a.max, a.sum / double(a.count), a.first, a.last, a.count});
    }
    return out;
}
} // namespace

std::vector<Rollup> Historian::minuteRollups(const QString &path, TimestampMs from,
                                             TimestampMs to) const
{
    std::lock_guard lk(d->readMutex);
    const std::int64_t id = d->lookupTag(path);
    if (id < 0 || to < from)
        return {};
    return toRollups(d->readRollups(0, id, from, to));
}

std::vector<Rollup> Historian::hourRollups(const QString &path, TimestampMs from,
                                           TimestampMs to) const
{
    std::lock_guard lk(d->readMutex);
    const std::int64_t id = d->lookupTag(path);
    if (id < 0 || to < from)
        return {};
    return toRollups(d->readRollups(1, id, from, to));
}

std::int64_t Historian::applyRetention(TimestampMs now)
{
    if (d->opt.readOnly)
        return 0;
    std::int64_t removed = 0;
    d->runOnWriter([&] { removed = d->applyRetentionNow(now); });
    return removed;
}

std::int64_t Historian::Impl::applyRetentionNow(TimestampMs now)
{
    Impl *d = this; // the body reads like the public functions
    std::int64_t removed = 0;
    [&] {
        sql::Db &db = d->writeDb;
        QString why;
        if (!db.exec("BEGIN IMMEDIATE", &why)) {
            d->recordError(QStringLiteral("historian %1: retention: %2").arg(d->opt.path, why));
            return;
        }
        std::int64_t chunksRemoved = 0;
        auto del = [&](const char *sqlText, TimestampMs cutoff, std::int64_t *count) {
            sql::Stmt s(db.get(), sqlText);
            s.bind(1, cutoff);
            if (s.run() != SQLITE_DONE)
                return false;
            const auto n = std::int64_t(sqlite3_changes(db.get()));
            removed += n;
            if (count)
                *count += n;
            return true;
        };
        const TimestampMs rawCut = d->opt.rawRetentionDays > 0
                                       ? satSub(now, d->opt.rawRetentionDays * kDayMs)
                                       : kMinTime;
        bool ok = true;
        if (d->opt.rawRetentionDays > 0) {
            ok = ok && del("DELETE FROM chunks WHERE t_last < ?", rawCut, &chunksRemoved);
            ok = ok && del("DELETE FROM journal WHERE t_max < ?", rawCut, nullptr);
        }
        // A rollup slice goes once all of it is older than the cutoff.
        if (ok && d->opt.minuteRetentionDays > 0)
            ok = del("DELETE FROM rollup_minute WHERE t_start <= ? - 60000",
                     satSub(now, d->opt.minuteRetentionDays * kDayMs), nullptr);
        if (ok && d->opt.hourRetentionDays > 0)
            ok = del("DELETE FROM rollup_hour WHERE t_start <= ? - 3600000",
                     satSub(now, d->opt.hourRetentionDays * kDayMs), nullptr);
        if (!ok) {
            why = db.lastError();
            db.exec("ROLLBACK");
            removed = 0;
            d->recordError(QStringLiteral("historian %1: retention: %2").arg(d->opt.path, why));
            return;
        }
        std::lock_guard lk(d->bufMutex);
        if (!db.exec("COMMIT", &why)) {
            db.exec("ROLLBACK");
            removed = 0;
            return;
        }
        for (TagBuffer &b : d->buffers) {
            if (b.samples.empty() || b.minT >= rawCut)
                continue;
            std::erase_if(b.samples, [&](const BufSample &s) { return s.t < rawCut; });
            b.minT = kMaxTime;
            for (const BufSample &s : b.samples)
                b.minT = std::min(b.minT, s.t);
        }
        std::lock_guard sk(d->statsMutex);
        d->stats.chunks -= std::min<std::uint64_t>(d->stats.chunks, std::uint64_t(chunksRemoved));
    }();
    return removed;
}

std::int64_t Historian::appendEvent(const Event &event, QString *error)
{
    QString why;
    std::int64_t id = -1;
    if (d->opt.readOnly) {
        why = QStringLiteral("the historian %1 is open read-only").arg(d->opt.path);
    } else {
        d->runOnWriter([&] {
            sql::Stmt ins(d->writeDb.get(),
                          "INSERT INTO events(t_ms, category, kind, source, user, message, "
                          "old_value, new_value, details) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            if (!ins.valid()) {
                why = d->writeDb.lastError();
                return;
            }
            const TimestampMs t = event.t != 0 ? event.t : QDateTime::currentMSecsSinceEpoch();
            ins.bind(1, std::int64_t(t)).bind(2, event.category).bind(3, event.kind)
                .bind(4, event.source).bind(5, event.user).bind(6, event.message);
            auto optText = [&ins](int i, const QString &v) {
                if (v.isNull())
                    ins.bindNull(i);
                else
                    ins.bind(i, v);
            };
            optText(7, event.oldValue);
            optText(8, event.newValue);
            optText(9, event.details);
            if (ins.run() != SQLITE_DONE) {
                why = d->writeDb.lastError();
                return;
            }
            id = sqlite3_last_insert_rowid(d->writeDb.get());
        });
    }
    if (id < 0) {
        const QString msg = QStringLiteral("event journal: could not record %1 event '%2' of %3: %4")
                                .arg(event.category, event.message, event.source, why);
        qCWarning(lcStorage).noquote() << msg;
        if (error)
            *error = msg;
    }
    return id;
}

std::vector<Event> Historian::events(const EventQuery &q) const
{
    QByteArray sqlText = "SELECT id, t_ms, category, kind, source, user, message, old_value, "
                         "new_value, details FROM events WHERE t_ms >= ?1 AND t_ms <= ?2 "
                         "AND id > ?3";
    if (!q.kindPrefix.isEmpty())
        sqlText += " AND substr(kind, 1, length(?4)) = ?4";
    if (!q.sourcePrefix.isEmpty())
        sqlText += " AND substr(source, 1, length(?5)) = ?5";
    if (!q.categories.isEmpty()) {
        sqlText += " AND category IN (";
        for (qsizetype i = 0; i < q.categories.size(); ++i)
            sqlText += (i ? ", ?" : "?") + QByteArray::number(6 + i);
        sqlText += ")";
    }
    sqlText += q.newestFirst ? " ORDER BY id DESC" : " ORDER BY id";
    sqlText += " LIMIT " + QByteArray::number(qulonglong(q.limit));

    std::vector<Event> out;
    std::lock_guard lk(d->readMutex);
    sql::Stmt s(d->readDb.get(), sqlText.constData());
    if (!s.valid()) {
        qCWarning(lcStorage).noquote() << "event journal query failed:" << d->readDb.lastError();
        return out;
    }
    s.bind(1, std::int64_t(q.from)).bind(2, std::int64_t(q.to)).bind(3, q.afterId);
    if (!q.kindPrefix.isEmpty())
        s.bind(4, q.kindPrefix);
    if (!q.sourcePrefix.isEmpty())
        s.bind(5, q.sourcePrefix);
    for (qsizetype i = 0; i < q.categories.size(); ++i)
        s.bind(int(6 + i), q.categories[i]);
    while (s.step() == SQLITE_ROW) {
        Event e;
        e.id = s.int64(0);
        e.t = s.int64(1);
        e.category = s.text(2);
        e.kind = s.text(3);
        e.source = s.text(4);
        e.user = s.text(5);
        e.message = s.text(6);
        e.oldValue = s.text(7);
        e.newValue = s.text(8);
        e.details = s.text(9);
        out.push_back(std::move(e));
    }
    return out;
}

HistorianStats Historian::stats() const
{
    HistorianStats s;
    {
        std::lock_guard lk(d->statsMutex);
        s = d->stats;
    }
    {
        std::lock_guard lk(d->qMutex);
        s.queueDepth = d->queuedSamples + d->pendingSamples;
    }
    s.fileBytes = std::uint64_t(QFileInfo(d->opt.path).size())
                  + std::uint64_t(std::max<qint64>(0, QFileInfo(d->opt.path + QStringLiteral("-wal")).size()));
    return s;
}

QString Historian::path() const
{
    return d->opt.path;
}

} // namespace andon::storage
