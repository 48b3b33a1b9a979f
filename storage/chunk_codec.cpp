// Chunk blob format (version 2; version 1 is still decoded). All integers are LEB128
// varints; signed ones zig-zag coded.
//
//   u8      format version (2)
//   u8      value encoding: 0 Decimal, 1 Xor, 2 Raw
//   varint  n, the number of points (n may be 0: then nothing follows)
//   -- timestamps: delta-of-delta, as in Gorilla (Pelkonen et al., VLDB 2015, §4.1.1) but
//      byte-aligned. t0 zig-zag; then for i >= 1, zig-zag(d_i - d_{i-1}) with d_i = t_i -
//      t_{i-1} and d_0 = 0, written as an "integer stream" (below). Regular sampling is a run
//      of zeros: about 2 bytes per chunk in v2 (v1: 1 byte per point). All arithmetic wraps
//      modulo 2^64, so any int64 timestamps round-trip.
//   -- integer stream (v2), for m signed integers: u8 mode, then
//        mode 0: m zig-zag varints;
//        mode 1: zero runs: repeat { varint r = number of zeros; if still short of m: one
//                zig-zag varint, never 0 } until m integers are produced.
//      The encoder writes whichever is shorter, so constant steps, unchanged state codes and
//      idle counters cost next to nothing, and jittery data never costs more than 1 byte.
//   -- values, by encoding:
//      Decimal: u8 d (0..6); k_0, k_i - k_{i-1} as an integer stream (v1: plain zig-zag
//               varints), where every value is
//               exactly double(k_i) / 10^d (checked bit-exactly when encoding, so -0.0, NaN
//               and inf never take this path). A slow random walk with 1-2 decimals costs
//               1-2 bytes per point.
//      Xor:     Gorilla XOR (§4.1.2): first value as 64 raw bits, then per value '0' when
//               equal to the previous one, '10' + meaningful bits when they fit the previous
//               leading/trailing-zero window, else '11' + 6 bits leading zeros + 6 bits
//               (length - 1) + meaningful bits. Bit stream, MSB first, padded to a byte.
//      Raw:     n little-endian 8-byte doubles (never chosen by the encoder today; kept so
//               the decoder can read it if Xor is ever worse).
//   -- quality: varint r (run count), then r times (u8 quality, varint run length).
#include "storage/chunk_codec.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace andon::storage {

namespace {

constexpr std::uint8_t kFormatVersion = 2;
constexpr int kMaxDecimals = 6;
// Upper bound on the points of one chunk accepted by the decoder (the writer seals at
// chunkMaxSamples, 120 by default; merged late data can make a chunk somewhat larger).
constexpr std::uint64_t kMaxChunkPoints = 1u << 22;
constexpr double kPow10[kMaxDecimals + 1] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
// Scaled integers beyond 2^53 are no longer exact doubles; such values use Xor.
constexpr double kMaxExactInteger = 9007199254740992.0;

std::uint64_t zigzag(std::int64_t v)
{
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v)
{
    return static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
}

void putVarint(QByteArray &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

int varintSize(std::uint64_t v)
{
    int n = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++n;
    }
    return n;
}

// Writes the integer stream of the format comment, choosing the shorter mode.
void putIntStream(QByteArray &out, const std::vector<std::int64_t> &v)
{
    std::size_t plain = 0, runs = 0;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t r = 0;
        while (i < v.size() && v[i] == 0) {
            ++r;
            ++i;
        }
        runs += std::size_t(varintSize(r));
        if (i < v.size())
            runs += std::size_t(varintSize(zigzag(v[i++])));
    }
    for (const std::int64_t x : v)
        plain += std::size_t(varintSize(zigzag(x)));
    if (plain <= runs) {
        out.append(char(0));
        for (const std::int64_t x : v)
            putVarint(out, zigzag(x));
        return;
    }
    out.append(char(1));
    for (std::size_t i = 0; i < v.size();) {
        std::size_t r = 0;
        while (i < v.size() && v[i] == 0) {
            ++r;
            ++i;
        }
        putVarint(out, r);
        if (i < v.size())
            putVarint(out, zigzag(v[i++]));
    }
}

class Reader
{
public:
    Reader(const unsigned char *p, std::size_t n) : m_p(p), m_n(n) {}
    bool byte(std::uint8_t *v)
    {
        if (m_pos >= m_n)
            return false;
        *v = m_p[m_pos++];
        return true;
    }
    bool varint(std::uint64_t *v)
    {
        std::uint64_t r = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            std::uint8_t b;
            if (!byte(&b))
                return false;
            r |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                *v = r;
                return true;
            }
        }
        return false; // more than 10 bytes: malformed
    }
    bool svarint(std::int64_t *v)
    {
        std::uint64_t u;
        if (!varint(&u))
            return false;
        *v = unzigzag(u);
        return true;
    }
    std::size_t pos() const { return m_pos; }
    void skip(std::size_t n) { m_pos += n; }
    std::size_t remaining() const { return m_n - m_pos; }
    const unsigned char *here() const { return m_p + m_pos; }

private:
    const unsigned char *m_p;
    std::size_t m_n;
    std::size_t m_pos = 0;
};

// Reads m integers written by putIntStream into fn(i, value).
template<typename Fn>
bool readIntStream(Reader &r, std::size_t m, Fn &&fn)
{
    std::uint8_t mode;
    if (!r.byte(&mode) || mode > 1)
        return false;
    std::size_t i = 0;
    if (mode == 0) {
        for (; i < m; ++i) {
            std::int64_t x;
            if (!r.svarint(&x))
                return false;
            fn(i, x);
        }
        return true;
    }
    while (i < m) {
        std::uint64_t run;
        if (!r.varint(&run) || run > m - i)
            return false;
        for (std::uint64_t k = 0; k < run; ++k)
            fn(i++, std::int64_t(0));
        if (i < m) {
            std::int64_t x;
            if (!r.svarint(&x) || x == 0)
                return false;
            fn(i++, x);
        }
    }
    return true;
}

class BitWriter
{
public:
    explicit BitWriter(QByteArray &out) : m_out(out) {}
    void put(std::uint64_t bits, int count) // count 1..64, MSB of the field first
    {
        for (int i = count - 1; i >= 0; --i) {
            m_acc = std::uint8_t((m_acc << 1) | ((bits >> i) & 1));
            if (++m_used == 8) {
                m_out.append(char(m_acc));
                m_acc = 0;
                m_used = 0;
            }
        }
    }
    void finish()
    {
        if (m_used > 0)
            m_out.append(char(m_acc << (8 - m_used)));
        m_acc = 0;
        m_used = 0;
    }

private:
    QByteArray &m_out;
    std::uint8_t m_acc = 0;
    int m_used = 0;
};

class BitReader
{
public:
    BitReader(const unsigned char *p, std::size_t n) : m_p(p), m_bits(n * 8) {}
    bool get(int count, std::uint64_t *v)
    {
        if (m_pos + std::size_t(count) > m_bits)
            return false;
        std::uint64_t r = 0;
        for (int i = 0; i < count; ++i, ++m_pos)
            r = (r << 1) | ((m_p[m_pos >> 3] >> (7 - (m_pos & 7))) & 1);
        *v = r;
        return true;
    }
    std::size_t bytesUsed() const { return (m_pos + 7) / 8; }

private:
    const unsigned char *m_p;
    std::size_t m_bits;
    std::size_t m_pos = 0;
};

double decimalValue(std::int64_t k, int d) { return static_cast<double>(k) / kPow10[d]; }

// Smallest d such that every value is exactly k/10^d for an integer k, or -1.
int findDecimals(const std::vector<ChunkPoint> &points, std::vector<std::int64_t> *scaled)
{
    for (const ChunkPoint &p : points) {
        if (!(std::fabs(p.value) < kMaxExactInteger)) // NaN, inf, huge: never decimal
            return -1;
    }
    for (int d = 0; d <= kMaxDecimals; ++d) {
        scaled->clear();
        bool ok = true;
        for (const ChunkPoint &p : points) {
            const double s = p.value * kPow10[d];
            if (!(std::fabs(s) < kMaxExactInteger)) {
                ok = false;
                break;
            }
            const auto k = static_cast<std::int64_t>(std::llround(s));
            if (std::bit_cast<std::uint64_t>(decimalValue(k, d))
                != std::bit_cast<std::uint64_t>(p.value)) {
                ok = false;
                break;
            }
            scaled->push_back(k);
        }
        if (ok)
            return d;
    }
    return -1;
}

void encodeXor(QByteArray &out, const std::vector<ChunkPoint> &points)
{
    BitWriter w(out);
    std::uint64_t prev = std::bit_cast<std::uint64_t>(points.front().value);
    w.put(prev, 64);
    int prevLead = -1, prevTrail = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const std::uint64_t cur = std::bit_cast<std::uint64_t>(points[i].value);
        const std::uint64_t x = cur ^ prev;
        prev = cur;
        if (x == 0) {
            w.put(0, 1);
            continue;
        }
        int lead = std::countl_zero(x);
        const int trail = std::countr_zero(x);
        if (lead > 63)
            lead = 63;
        if (prevLead >= 0 && lead >= prevLead && trail >= prevTrail) {
            const int len = 64 - prevLead - prevTrail;
            w.put(0b10, 2);
            w.put(x >> prevTrail, len);
        } else {
            const int len = 64 - lead - trail; // 1..64
            w.put(0b11, 2);
            w.put(std::uint64_t(lead), 6);
            w.put(std::uint64_t(len - 1), 6);
            w.put(x >> trail, len);
            prevLead = lead;
            prevTrail = trail;
        }
    }
    w.finish();
}

bool decodeXor(Reader &r, std::size_t n, std::vector<ChunkPoint> *out)
{
    BitReader br(r.here(), r.remaining());
    std::uint64_t prev;
    if (!br.get(64, &prev))
        return false;
    (*out)[0].value = std::bit_cast<double>(prev);
    int lead = 0, trail = 0;
    bool haveWindow = false;
    for (std::size_t i = 1; i < n; ++i) {
        std::uint64_t bit;
        if (!br.get(1, &bit))
            return false;
        if (bit) {
            std::uint64_t mode;
            if (!br.get(1, &mode))
                return false;
            if (mode) {
                std::uint64_t l, len1;
                if (!br.get(6, &l) || !br.get(6, &len1))
                    return false;
                lead = int(l);
                const int len = int(len1) + 1;
                trail = 64 - lead - len;
                if (trail < 0)
                    return false;
                haveWindow = true;
            } else if (!haveWindow) {
                return false;
            }
            const int len = 64 - lead - trail;
            std::uint64_t bits;
            if (!br.get(len, &bits))
                return false;
            prev ^= bits << trail;
        }
        (*out)[i].value = std::bit_cast<double>(prev);
    }
    r.skip(br.bytesUsed());
    return true;
}

} // namespace

QByteArray encodeChunk(const std::vector<ChunkPoint> &points)
{
    QByteArray out;
    out.reserve(int(16 + points.size() * 3));
    out.append(char(kFormatVersion));
    std::vector<std::int64_t> scaled;
    scaled.reserve(points.size());
    const int decimals = points.empty() ? 0 : findDecimals(points, &scaled);
    const ValueEncoding enc = decimals >= 0 ? ValueEncoding::Decimal : ValueEncoding::Xor;
    out.append(char(enc));
    putVarint(out, points.size());
    if (points.empty())
        return out;

    // Timestamps: delta-of-delta with wrapping arithmetic.
    std::uint64_t prevT = std::uint64_t(points.front().t);
    std::uint64_t prevDelta = 0;
    putVarint(out, zigzag(points.front().t));
    std::vector<std::int64_t> ints;
    ints.reserve(points.size());
    for (std::size_t i = 1; i < points.size(); ++i) {
        const std::uint64_t t = std::uint64_t(points[i].t);
        const std::uint64_t delta = t - prevT;
        ints.push_back(static_cast<std::int64_t>(delta - prevDelta));
        prevDelta = delta;
        prevT = t;
    }
    putIntStream(out, ints);

    if (enc == ValueEncoding::Decimal) {
        out.append(char(decimals));
        std::uint64_t prevK = 0;
        ints.clear();
        for (const std::int64_t k : scaled) {
            ints.push_back(static_cast<std::int64_t>(std::uint64_t(k) - prevK));
            prevK = std::uint64_t(k);
        }
        putIntStream(out, ints);
    } else {
        encodeXor(out, points);
    }

    // Quality runs.
    std::vector<std::pair<Quality, std::uint64_t>> runs;
    for (const ChunkPoint &p : points) {
        if (!runs.empty() && runs.back().first == p.q)
            ++runs.back().second;
        else
            runs.emplace_back(p.q, 1);
    }
    putVarint(out, runs.size());
    for (const auto &[q, len] : runs) {
        out.append(char(static_cast<std::uint8_t>(q)));
        putVarint(out, len);
    }
    return out;
}

bool decodeChunk(const unsigned char *data, std::size_t size, std::vector<ChunkPoint> *out,
                 ChunkInfo *info)
{
    out->clear();
    Reader r(data, size);
    std::uint8_t version, encByte;
    std::uint64_t n;
    if (!r.byte(&version) || version < 1 || version > kFormatVersion || !r.byte(&encByte)
        || encByte > 2
        || !r.varint(&n))
        return false;
    const auto enc = ValueEncoding(encByte);
    // v1: every point costs at least one byte of timestamp; v2: a run of zeros is short, so
    // the count is only bounded (a chunk never holds more than a few thousand points).
    if (version == 1 ? n > r.remaining() : n > kMaxChunkPoints)
        return false;
    ChunkInfo localInfo;
    localInfo.count = std::size_t(n);
    localInfo.encoding = enc;
    if (n == 0) {
        if (info)
            *info = localInfo;
        return true;
    }
    std::vector<ChunkPoint> pts(n);

    std::int64_t t0;
    if (!r.svarint(&t0))
        return false;
    pts[0].t = t0;
    std::uint64_t prevT = std::uint64_t(t0), prevDelta = 0;
    auto nextTime = [&](std::size_t i, std::int64_t dod) {
        prevDelta += std::uint64_t(dod);
        prevT += prevDelta;
        pts[i + 1].t = static_cast<TimestampMs>(prevT);
    };
    if (version == 1) {
        for (std::size_t i = 1; i < n; ++i) {
            std::int64_t dod;
            if (!r.svarint(&dod))
                return false;
            nextTime(i - 1, dod);
        }
    } else if (!readIntStream(r, std::size_t(n) - 1, nextTime)) {
        return false;
    }

    switch (enc) {
    case ValueEncoding::Decimal: {
        std::uint8_t d;
        if (!r.byte(&d) || d > kMaxDecimals)
            return false;
        localInfo.decimals = d;
        std::uint64_t k = 0;
        auto nextValue = [&](std::size_t i, std::int64_t delta) {
            k += std::uint64_t(delta);
            pts[i].value = decimalValue(static_cast<std::int64_t>(k), d);
        };
        if (version == 1) {
            for (std::size_t i = 0; i < n; ++i) {
                std::int64_t delta;
                if (!r.svarint(&delta))
                    return false;
                nextValue(i, delta);
            }
        } else if (!readIntStream(r, std::size_t(n), nextValue)) {
            return false;
        }
        break;
    }
    case ValueEncoding::Xor:
        if (!decodeXor(r, std::size_t(n), &pts))
            return false;
        break;
    case ValueEncoding::Raw:
        if (r.remaining() < n * 8)
            return false;
        for (std::size_t i = 0; i < n; ++i) {
            std::uint64_t bits = 0;
            for (int b = 0; b < 8; ++b)
                bits |= std::uint64_t(r.here()[b]) << (8 * b);
            r.skip(8);
            pts[i].value = std::bit_cast<double>(bits);
        }
        break;
    }

    std::uint64_t runs;
    if (!r.varint(&runs) || runs > n)
        return false;
    std::size_t i = 0;
    for (std::uint64_t run = 0; run < runs; ++run) {
        std::uint8_t q;
        std::uint64_t len;
        if (!r.byte(&q) || !r.varint(&len) || len > n - i)
            return false;
        for (std::uint64_t j = 0; j < len; ++j)
            pts[i++].q = Quality(q);
    }
    if (i != n)
        return false;
    *out = std::move(pts);
    if (info)
        *info = localInfo;
    return true;
}

// ---- journal blobs --------------------------------------------------------------------------

namespace {
constexpr std::uint8_t kJournalVersion = 1;

void putVarint(std::vector<unsigned char> &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<unsigned char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<unsigned char>(v));
}
} // namespace

void JournalBlobWriter::clear()
{
    m_data.clear();
    m_count = 0;
    m_prevT = 0;
}

void JournalBlobWriter::add(std::int64_t tagId, TimestampMs t, double value, Quality q)
{
    if (m_data.empty())
        m_data.push_back(kJournalVersion);
    if (m_count == 0) {
        m_tMin = m_tMax = t;
    } else {
        m_tMin = std::min(m_tMin, t);
        m_tMax = std::max(m_tMax, t);
    }
    putVarint(m_data, zigzag(tagId));
    putVarint(m_data, zigzag(static_cast<std::int64_t>(std::uint64_t(t) - std::uint64_t(m_prevT))));
    m_prevT = t;
    m_data.push_back(static_cast<std::uint8_t>(q));
    const auto bits = std::bit_cast<std::uint64_t>(value);
    for (int b = 0; b < 8; ++b)
        m_data.push_back(static_cast<unsigned char>(bits >> (8 * b)));
    ++m_count;
}

bool decodeJournalBlob(const unsigned char *data, std::size_t size, std::vector<JournalPoint> *out)
{
    out->clear();
    Reader r(data, size);
    std::uint8_t version;
    if (!r.byte(&version) || version != kJournalVersion)
        return false;
    std::uint64_t prevT = 0;
    std::vector<JournalPoint> pts;
    pts.reserve(size / 11);
    while (r.remaining() > 0) {
        JournalPoint p;
        std::int64_t dt;
        std::uint8_t q;
        if (!r.svarint(&p.tagId) || !r.svarint(&dt) || !r.byte(&q) || r.remaining() < 8)
            return false;
        prevT += std::uint64_t(dt);
        p.t = static_cast<TimestampMs>(prevT);
        p.q = Quality(q);
        std::uint64_t bits = 0;
        for (int b = 0; b < 8; ++b)
            bits |= std::uint64_t(r.here()[b]) << (8 * b);
        r.skip(8);
        p.value = std::bit_cast<double>(bits);
        pts.push_back(p);
    }
    *out = std::move(pts);
    return true;
}

} // namespace andon::storage
