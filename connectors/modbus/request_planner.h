// Pure request planning: coalesces the tags of one device into the fewest Modbus read
// requests per (table, poll group), within the protocol's per-request limits and the device's
// max_gap. No I/O; ModbusPoller runs the plan, the tests check it is minimal and legal.
#pragma once

#include "core/plant_model.h"

#include <vector>

#include <QString>

namespace andon::modbus {

// Modbus Application Protocol V1.1b3: FC3/FC4 read 1-125 registers (§6.3, §6.4),
// FC1/FC2 read 1-2000 bits (§6.1, §6.2).
inline constexpr int kMaxReadRegisters = 125;
inline constexpr int kMaxReadBits = 2000;

// One tag to read: where its value lives.
struct TagSpan
{
    TagId tag = kInvalidTag;
    ModbusTable table = ModbusTable::HoldingRegister;
    int address = 0; // first register/bit, 0-based protocol address
    int count = 1; // registers/bits it occupies
    QString group; // poll group name
    int pollMs = 1000;
};

struct ReadRequest
{
    ModbusTable table = ModbusTable::HoldingRegister;
    int start = 0; // first register/bit
    int count = 0; // registers/bits read
    QString group;
    int pollMs = 1000;
    struct Slot
    {
        TagId tag = kInvalidTag;
        int offset = 0; // first register/bit of the tag, relative to start
        int count = 1;
    };
    std::vector<Slot> items;
};

struct PlanLimits
{
    int maxGap = 0; // unused registers/bits allowed between two tags
    int maxRegisters = kMaxReadRegisters;
    int maxBits = kMaxReadBits;
};

// The request plan of one device. Requests are sorted by (group, table, start). A tag goes
// into exactly one request; overlapping tags (e.g. a float and a bit of the same register)
// share a request. Greedy by address: optimal for intervals no longer than the limit.
std::vector<ReadRequest> planReads(std::vector<TagSpan> spans, const PlanLimits &limits);

// One request per tag (the fallback after "illegal data address" on a coalesced request, so
// one bad address does not take down its neighbours).
std::vector<ReadRequest> planSingly(const ReadRequest &request);

} // namespace andon::modbus
