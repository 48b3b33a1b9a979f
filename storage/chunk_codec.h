// Compression of one tag's chunk of samples (time, value, quality) into a blob for the
// `chunks` table, and the per-commit blob format of the `journal` table. Pure functions; used
// by the historian writer (encode) and queries/replay (decode). Internal to the storage layer.
#pragma once

#include "core/sample.h"

#include <cstdint>
#include <vector>

#include <QByteArray>

namespace andon::storage {

// One sample of a chunk (the tag is the chunk's).
struct ChunkPoint
{
    TimestampMs t = 0;
    double value = 0;
    Quality q = Quality::Good;
};

// How the values of a chunk were encoded (byte 1 of the blob); exposed for tests/benchmarks.
enum class ValueEncoding : std::uint8_t { Decimal = 0, Xor = 1, Raw = 2 };

struct ChunkInfo
{
    std::size_t count = 0;
    ValueEncoding encoding = ValueEncoding::Raw;
    int decimals = 0; // for Decimal
};

// Encodes the points in the given order (callers sort by time; unsorted input round-trips
// too, only less compactly). Lossless: decode() returns bit-identical doubles, NaN payloads
// and -0.0 included.
QByteArray encodeChunk(const std::vector<ChunkPoint> &points);
// Decodes a blob written by encodeChunk. Returns false (and leaves *out empty) on a
// malformed blob instead of crashing.
bool decodeChunk(const unsigned char *data, std::size_t size, std::vector<ChunkPoint> *out,
                 ChunkInfo *info = nullptr);
inline bool decodeChunk(const QByteArray &blob, std::vector<ChunkPoint> *out,
                        ChunkInfo *info = nullptr)
{
    return decodeChunk(reinterpret_cast<const unsigned char *>(blob.constData()),
                       std::size_t(blob.size()), out, info);
}

// ---- journal blobs (one `journal` row per commit, or per ~64 KiB) ----------------------------
// Format: u8 version (1), then per sample: varint tag id (zig-zag), varint zig-zag delta of t
// to the previous sample of the blob (the first is relative to 0), u8 quality, 8 bytes value
// (little-endian IEEE bits). Fast to write (no search for decimals: the journal is the hot
// path) and about 11-12 bytes per sample; samples are compressed when sealed into chunks.
struct JournalPoint
{
    std::int64_t tagId = 0;
    TimestampMs t = 0;
    double value = 0;
    Quality q = Quality::Good;
};

class JournalBlobWriter
{
public:
    void clear();
    void add(std::int64_t tagId, TimestampMs t, double value, Quality q);
    std::size_t count() const { return m_count; }
    std::size_t bytes() const { return m_data.size(); }
    const std::vector<unsigned char> &data() const { return m_data; }
    TimestampMs tMin() const { return m_tMin; }
    TimestampMs tMax() const { return m_tMax; }

private:
    std::vector<unsigned char> m_data;
    std::size_t m_count = 0;
    TimestampMs m_prevT = 0;
    TimestampMs m_tMin = 0, m_tMax = 0;
};

// Decodes a journal blob; false (and *out empty) on a malformed blob.
bool decodeJournalBlob(const unsigned char *data, std::size_t size, std::vector<JournalPoint> *out);

} // namespace andon::storage
