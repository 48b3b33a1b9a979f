// Per-connection traffic statistics for the Connections page: message and byte rates over a
// sliding window of counter snapshots, and the median source/receive clock skew over the most
// recent timestamped messages. Value types owned by the Engine's MQTT sources; not
// thread-safe by themselves (the owner locks).
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace andon::mqtt {

class RateWindow
{
public:
    explicit RateWindow(qint64 windowMs = 5000) : m_windowMs(windowMs) {}

    // Records the cumulative counters at `nowMs` (steady clock) and forgets snapshots that
    // fell out of the window (keeping one at or before its start, so the window is covered).
    void addSnapshot(qint64 nowMs, std::uint64_t messages, std::uint64_t bytes)
    {
        m_snaps.push_back({nowMs, messages, bytes});
        while (m_snaps.size() > 2 && m_snaps[1].t <= nowMs - m_windowMs)
            m_snaps.pop_front();
    }
    double messagesPerSecond() const { return rate(&Snapshot::messages); }
    double bytesPerSecond() const { return rate(&Snapshot::bytes); }

private:
    struct Snapshot
    {
        qint64 t;
        std::uint64_t messages;
        std::uint64_t bytes;
    };
    double rate(std::uint64_t Snapshot::*field) const
    {
        if (m_snaps.size() < 2)
            return 0.0;
        const Snapshot &a = m_snaps.front();
        const Snapshot &b = m_snaps.back();
        if (b.t <= a.t || b.*field < a.*field) // counters restarted: no honest rate
            return 0.0;
        return static_cast<double>(b.*field - a.*field) * 1000.0 / static_cast<double>(b.t - a.t);
    }

    qint64 m_windowMs;
    std::deque<Snapshot> m_snaps;
};

// Median of receivedMs - sourceMs over the last `capacity` timestamped messages. The median,
// not the mean: one publisher replaying old data must not swing a whole connection's figure.
class SkewTracker
{
public:
    explicit SkewTracker(std::size_t capacity = 256) : m_capacity(std::max<std::size_t>(1, capacity)) {}

    void add(qint64 skewMs)
    {
        if (m_ring.size() < m_capacity) {
            m_ring.push_back(skewMs);
        } else {
            m_ring[m_next] = skewMs;
            m_next = (m_next + 1) % m_capacity;
        }
    }
    // The lower median for an even count (a value that was really measured).
    std::optional<qint64> median() const
    {
        if (m_ring.empty())
            return std::nullopt;
        std::vector<qint64> v = m_ring;
        const auto mid = v.begin() + static_cast<std::ptrdiff_t>((v.size() - 1) / 2);
        std::nth_element(v.begin(), mid, v.end());
        return *mid;
    }
    std::size_t size() const { return m_ring.size(); }

private:
    std::size_t m_capacity;
    std::size_t m_next = 0;
    std::vector<qint64> m_ring;
};

} // namespace andon::mqtt
