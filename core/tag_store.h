// In-memory live state: the latest value of every tag plus a bounded ring buffer of recent
// samples, written by the ingest path and read by UI models through cheap snapshots.
// Owned by the Engine; thread-safe (one writer at a time, many readers).
#pragma once

#include "core/clock.h"
#include "core/sample.h"

#include <shared_mutex>
#include <vector>

namespace andon {

struct PlantModel;

struct TagValue
{
    TimestampMs t_ms = 0;       // source (or receive) time of the value
    TimestampMs receivedMs = 0; // when Andon got it; drives staleness
    double value = 0.0;
    Quality q = Quality::BadNotConnected; // nothing received yet
    bool hasValue = false;               // false until the first sample arrives
    std::uint64_t updateCount = 0;       // increments on every applied sample
};

class TagStore
{
public:
    // One slot per tag of the model; ring capacity from the model's historian.ringMinutes,
    // sized for one sample per second (minimum 64, at most `maxRingSamples`).
    explicit TagStore(const PlantModel &model, std::size_t maxRingSamples = 4096);
    // For tests: explicit tag count, staleness timeouts and ring capacity.
    TagStore(std::vector<int> staleAfterMs, std::size_t ringCapacity);

    std::size_t tagCount() const { return m_slots.size(); }

    // Applies a batch (any thread). Samples for unknown tags are ignored and counted.
    // Samples older than the tag's latest value go into the ring in time order but do not
    // replace the latest value.
    void apply(const SampleBatch &batch, TimestampMs receivedMs);

    // Marks tags silent for longer than their timeout as Stale and returns one sample per tag
    // that just went stale (value = last value, q = BadStale, t = now) so the caller can
    // journal the quality change. Tags that never received anything are not reported.
    SampleBatch sweepStale(TimestampMs now);

    TagValue latest(TagId tag) const;
    // One consistent copy of every tag's latest value, indexed by TagId.
    std::vector<TagValue> snapshot() const;
    // Samples of one tag with t_ms >= since, oldest first (from the ring buffer).
    std::vector<Sample> recent(TagId tag, TimestampMs since) const;

    std::uint64_t ignoredSamples() const;

private:
    struct Slot
    {
        TagValue latest;
        int staleAfterMs = 30000;
        std::vector<Sample> ring; // capacity fixed at construction
        std::size_t head = 0;     // next write position
        std::size_t size = 0;
    };
    void pushRing(Slot &slot, const Sample &s);

    mutable std::shared_mutex m_mutex;
    std::vector<Slot> m_slots;
    std::size_t m_ringCapacity = 0;
    std::uint64_t m_ignored = 0;
};

} // namespace andon
