// Compression of one tag's chunk of samples (time, value, quality) into a blob for the
// `chunks` table. Pure functions; used by the historian writer (encode) and queries (decode).
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

} // namespace andon::storage
