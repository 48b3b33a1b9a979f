// Clock abstraction so staleness sweeps, rate windows and the simulator can run on
// simulated time in tests. The system clock is the default.
#pragma once

#include "core/sample.h"

#include <atomic>

namespace andon {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual TimestampMs now() const = 0;
};

class SystemClock final : public Clock
{
public:
    TimestampMs now() const override { return nowUtcMs(); }
    static const SystemClock &instance();
};

// A clock that only moves when told to: for unit tests.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(TimestampMs start = 0) : m_now(start) { }
    TimestampMs now() const override { return m_now.load(); }
    void set(TimestampMs t) { m_now.store(t); }
    void advance(TimestampMs dt) { m_now.fetch_add(dt); }

private:
    std::atomic<TimestampMs> m_now;
};

} // namespace andon
