#include "core/tag_store.h"
#include "core/plant_model.h"

#include <algorithm>
#include <mutex>

namespace andon {

namespace {
// The ring holds about one sample per second for the configured minutes; sources that send
// faster simply keep a shorter window. The trend page reads older data from the historian.
constexpr std::size_t kMinRingSamples = 64;
constexpr int kSamplesPerMinuteAssumed = 60;
} // namespace

TagStore::TagStore(const PlantModel &model, std::size_t maxRingSamples)
{
    const std::size_t wanted =
            static_cast<std::size_t>(std::max(1, model.historian.ringMinutes)) * kSamplesPerMinuteAssumed;
    m_ringCapacity = std::clamp(wanted, kMinRingSamples, std::max(kMinRingSamples, maxRingSamples));
    m_slots.resize(model.tags.size());
    for (std::size_t i = 0; i < model.tags.size(); ++i) {
        m_slots[i].staleAfterMs = model.tags[i].staleAfterMs;
        m_slots[i].ring.resize(m_ringCapacity);
    }
}

TagStore::TagStore(std::vector<int> staleAfterMs, std::size_t ringCapacity)
    : m_ringCapacity(std::max<std::size_t>(1, ringCapacity))
{
    m_slots.resize(staleAfterMs.size());
    for (std::size_t i = 0; i < staleAfterMs.size(); ++i) {
        m_slots[i].staleAfterMs = staleAfterMs[i];
        m_slots[i].ring.resize(m_ringCapacity);
    }
}

void TagStore::pushRing(Slot &slot, const Sample &s)
{
    const std::size_t cap = slot.ring.size();
    if (slot.size == 0 || slot.ring[(slot.head + cap - 1) % cap].t_ms <= s.t_ms) {
        slot.ring[slot.head] = s; // the common case: in order
    } else {
        // Late sample: insert in time order so recent() stays sorted. Rare, so a linear
        // shift over the (small) ring is fine.
        const std::size_t start = (slot.head + cap - slot.size) % cap;
        std::size_t pos = slot.size; // logical index to insert at
        while (pos > 0 && slot.ring[(start + pos - 1) % cap].t_ms > s.t_ms)
            --pos;
        if (slot.size == cap && pos == 0)
            return; // older than everything in a full ring: only the historian keeps it
        for (std::size_t i = slot.size; i > pos; --i)
            slot.ring[(start + i) % cap] = slot.ring[(start + i - 1) % cap];
        slot.ring[(start + pos) % cap] = s;
    }
    slot.head = (slot.head + 1) % cap;
    if (slot.size < cap)
        slot.size++;
}

void TagStore::apply(const SampleBatch &batch, TimestampMs receivedMs)
{
    std::unique_lock lock(m_mutex);
    for (const Sample &s : batch) {
        if (s.tag >= m_slots.size()) {
            ++m_ignored;
            continue;
        }
        Slot &slot = m_slots[s.tag];
        pushRing(slot, s);
        TagValue &v = slot.latest;
        // A quality change at the same timestamp (e.g. Stale after the last value) counts as newer.
        if (!v.hasValue || s.t_ms >= v.t_ms) {
            v.t_ms = s.t_ms;
            v.value = s.value;
            v.q = s.q;
            v.hasValue = true;
        }
        if (s.q != Quality::BadStale)
            v.receivedMs = std::max(v.receivedMs, receivedMs);
        v.updateCount++;
    }
}

SampleBatch TagStore::sweepStale(TimestampMs now)
{
    SampleBatch stale;
    std::unique_lock lock(m_mutex);
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        Slot &slot = m_slots[i];
        TagValue &v = slot.latest;
        if (!v.hasValue || v.q == Quality::BadStale || slot.staleAfterMs <= 0)
            continue;
        if (now - v.receivedMs <= slot.staleAfterMs)
            continue;
        Sample s{static_cast<TagId>(i), std::max(now, v.t_ms), v.value, Quality::BadStale};
        v.q = Quality::BadStale;
        v.t_ms = s.t_ms;
        v.updateCount++;
        pushRing(slot, s);
        stale.push_back(s);
    }
    return stale;
}

TagValue TagStore::latest(TagId tag) const
{
    std::shared_lock lock(m_mutex);
    if (tag >= m_slots.size())
        return {};
    return m_slots[tag].latest;
}

std::vector<TagValue> TagStore::snapshot() const
{
    std::shared_lock lock(m_mutex);
    std::vector<TagValue> out;
    out.reserve(m_slots.size());
    for (const Slot &slot : m_slots)
        out.push_back(slot.latest);
    return out;
}

std::vector<Sample> TagStore::recent(TagId tag, TimestampMs since) const
{
    std::shared_lock lock(m_mutex);
    std::vector<Sample> out;
    if (tag >= m_slots.size())
        return out;
    const Slot &slot = m_slots[tag];
    const std::size_t cap = slot.ring.size();
    const std::size_t start = (slot.head + cap - slot.size) % cap;
    out.reserve(slot.size);
    for (std::size_t i = 0; i < slot.size; ++i) {
        const Sample &s = slot.ring[(start + i) % cap];
        if (s.t_ms >= since)
            out.push_back(s);
    }
    return out;
}

std::uint64_t TagStore::ignoredSamples() const
{
    std::shared_lock lock(m_mutex);
    return m_ignored;
}

} // namespace andon
