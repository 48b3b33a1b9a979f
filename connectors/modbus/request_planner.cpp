#include "connectors/modbus/request_planner.h"

#include <algorithm>
#include <tuple>

namespace andon::modbus {

std::vector<ReadRequest> planReads(std::vector<TagSpan> spans, const PlanLimits &limits)
{
    std::sort(spans.begin(), spans.end(), [](const TagSpan &a, const TagSpan &b) {
        return std::tie(a.group, a.table, a.address, a.count, a.tag)
            < std::tie(b.group, b.table, b.address, b.count, b.tag);
    });
    std::vector<ReadRequest> out;
    int end = 0; // one past the last register/bit used by the open request
    for (const TagSpan &s : spans) {
        const int limit = isBitTable(s.table) ? limits.maxBits : limits.maxRegisters;
        ReadRequest *open = out.empty() ? nullptr : &out.back();
        const bool sameBatch = open && open->group == s.group && open->table == s.table;
        const int newEnd = std::max(end, s.address + s.count);
        const bool fits
            = sameBatch && s.address - end <= limits.maxGap && newEnd - open->start <= limit;
        if (!fits) {
            ReadRequest r;
            r.table = s.table;
            r.start = s.address;
            r.group = s.group;
            r.pollMs = s.pollMs;
            out.push_back(r);
            open = &out.back();
            end = s.address + s.count;
        } else {
            end = newEnd;
        }
        open->count = end - open->start;
        open->items.push_back({ s.tag, s.address - open->start, s.count });
    }
    return out;
}

std::vector<ReadRequest> planSingly(const ReadRequest &request)
{
    std::vector<ReadRequest> out;
    for (const ReadRequest::Slot &slot : request.items) {
        ReadRequest r;
        r.table = request.table;
        r.start = request.start + slot.offset;
        r.count = slot.count;
        r.group = request.group;
        r.pollMs = request.pollMs;
        r.items.push_back({ slot.tag, 0, slot.count });
        out.push_back(r);
    }
    return out;
}

} // namespace andon::modbus
