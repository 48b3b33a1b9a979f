// Tests for andon::modbus::planReads: hand-made cases at the protocol limits (125 registers,
// 2000 bits) and max_gap, and random tag sets whose plan must be legal and as short as the
// minimum found by an exhaustive search over all partitions of the tags (the reference).
#include "connectors/modbus/request_planner.h"
#include "tests/support/test_support.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <functional>
#include <set>

using namespace andon;
using namespace andon::modbus;

namespace {

TagSpan span(TagId tag, int address, int count = 1,
    ModbusTable table = ModbusTable::HoldingRegister,
    const QString &group = QStringLiteral("default"))
{
    TagSpan s;
    s.tag = tag;
    s.address = address;
    s.count = count;
    s.table = table;
    s.group = group;
    return s;
}

// Largest run of registers inside [start, start+count) that no tag of the block uses.
int largestGap(int start, int count, const std::vector<std::pair<int, int>> &used)
{
    std::vector<bool> covered(static_cast<std::size_t>(count), false);
    for (const auto &[a, n] : used) {
        for (int i = a; i < a + n; ++i)
            covered[static_cast<std::size_t>(i - start)] = true;
    }
    int gap = 0;
    int run = 0;
    for (const bool c : covered) {
        run = c ? 0 : run + 1;
        gap = std::max(gap, run);
    }
    return gap;
}

// Checks that `plan` reads every span exactly once, within the limits. Returns "" when legal.
QString illegality(const std::vector<TagSpan> &spans, const std::vector<ReadRequest> &plan,
    const PlanLimits &limits)
{
    std::multiset<TagId> seen;
    for (const ReadRequest &r : plan) {
        const int limit = isBitTable(r.table) ? limits.maxBits : limits.maxRegisters;
        if (r.count < 1 || r.count > limit || r.start < 0 || r.start + r.count > 65536)
            return QStringLiteral("request %1+%2 outside the limits").arg(r.start).arg(r.count);
        std::vector<std::pair<int, int>> used;
        for (const ReadRequest::Slot &s : r.items) {
            const auto it = std::find_if(
                spans.begin(), spans.end(), [&](const TagSpan &t) { return t.tag == s.tag; });
            if (it == spans.end())
                return QStringLiteral("unknown tag %1").arg(s.tag);
            if (it->table != r.table || it->group != r.group || r.start + s.offset != it->address
                || s.count != it->count || s.offset < 0 || s.offset + s.count > r.count)
                return QStringLiteral("tag %1 misplaced").arg(s.tag);
            used.emplace_back(it->address, it->count);
            seen.insert(s.tag);
        }
        if (largestGap(r.start, r.count, used) > limits.maxGap)
            return QStringLiteral("request %1+%2 has a gap above max_gap")
                .arg(r.start)
                .arg(r.count);
    }
    if (seen.size() != spans.size()
        || std::set<TagId>(seen.begin(), seen.end()).size() != spans.size())
        return QStringLiteral("not every tag read exactly once");
    return QString();
}

// Minimum number of requests over every partition of the spans into legal requests
// (restricted growth strings; fine for up to 8 spans).
int exhaustiveMinimum(const std::vector<TagSpan> &spans, const PlanLimits &limits)
{
    const int n = static_cast<int>(spans.size());
    std::vector<int> block(static_cast<std::size_t>(n), 0);
    int best = n;
    const auto legal = [&](int blocks) {
        for (int b = 0; b < blocks; ++b) {
            int lo = 65536, hi = 0;
            std::vector<std::pair<int, int>> used;
            const TagSpan *first = nullptr;
            for (int i = 0; i < n; ++i) {
                if (block[static_cast<std::size_t>(i)] != b)
                    continue;
                const TagSpan &s = spans[static_cast<std::size_t>(i)];
                if (first && (first->table != s.table || first->group != s.group))
                    return false;
                first = &s;
                lo = std::min(lo, s.address);
                hi = std::max(hi, s.address + s.count);
                used.emplace_back(s.address, s.count);
            }
            const int limit = isBitTable(first->table) ? limits.maxBits : limits.maxRegisters;
            if (hi - lo > limit || largestGap(lo, hi - lo, used) > limits.maxGap)
                return false;
        }
        return true;
    };
    std::function<void(int, int)> assign = [&](int i, int blocks) {
        if (blocks >= best)
            return;
        if (i == n) {
            if (legal(blocks))
                best = blocks;
            return;
        }
        for (int b = 0; b <= blocks; ++b) {
            block[static_cast<std::size_t>(i)] = b;
            assign(i + 1, std::max(blocks, b + 1));
        }
    };
    assign(0, 0);
    return best;
}

} // namespace

class TestRequestPlanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void contiguousTagsShareOneRequest();
    void maxGap();
    void registerLimit();
    void bitLimit();
    void tablesAndGroupsNeverMix();
    void overlappingTagsShareRegisters();
    void randomPlansAreLegalAndMinimal_data();
    void randomPlansAreLegalAndMinimal();
    void singlyFallback();
};

void TestRequestPlanner::contiguousTagsShareOneRequest()
{
    std::vector<TagSpan> spans;
    for (TagId t = 0; t < 10; ++t)
        spans.push_back(span(t, static_cast<int>(9 - t))); // given in reverse order
    const auto plan = planReads(spans, {});
    QCOMPARE(plan.size(), std::size_t(1));
    QCOMPARE(plan[0].start, 0);
    QCOMPARE(plan[0].count, 10);
    QCOMPARE(plan[0].items.size(), std::size_t(10));
    QCOMPARE(illegality(spans, plan, {}), QString());
}

void TestRequestPlanner::maxGap()
{
    // Registers 1..4 are unused between the tags: a gap of 4.
    const std::vector<TagSpan> spans { span(0, 0), span(1, 5) };
    PlanLimits limits;
    limits.maxGap = 3;
    QCOMPARE(planReads(spans, limits).size(), std::size_t(2));
    limits.maxGap = 4;
    const auto plan = planReads(spans, limits);
    QCOMPARE(plan.size(), std::size_t(1));
    QCOMPARE(plan[0].count, 6);
    QCOMPARE(plan[0].items[1].offset, 5);
}

void TestRequestPlanner::registerLimit()
{
    // 123 single registers (0..122) and a float32 at 123..124: exactly 125 registers.
    std::vector<TagSpan> spans;
    for (TagId t = 0; t < 123; ++t)
        spans.push_back(span(t, static_cast<int>(t)));
    spans.push_back(span(123, 123, 2));
    auto plan = planReads(spans, {});
    QCOMPARE(plan.size(), std::size_t(1));
    QCOMPARE(plan[0].count, 125);
    // One register more does not fit: the float moves to a second request.
    spans.back().address = 124;
    spans.push_back(span(200, 123));
    plan = planReads(spans, {});
    QCOMPARE(plan.size(), std::size_t(2));
    QCOMPARE(plan[0].count, 124);
    QCOMPARE(plan[1].start, 124);
    QCOMPARE(plan[1].count, 2);
    QCOMPARE(illegality(spans, plan, {}), QString());
}

void TestRequestPlanner::bitLimit()
{
    std::vector<TagSpan> spans;
    for (TagId t = 0; t < 2001; ++t)
        spans.push_back(span(t, static_cast<int>(t), 1, ModbusTable::Coil));
    const auto plan = planReads(spans, {});
    QCOMPARE(plan.size(), std::size_t(2));
    QCOMPARE(plan[0].count, 2000);
    QCOMPARE(plan[1].start, 2000);
    QCOMPARE(plan[1].count, 1);
    // The same addresses as registers would need ceil(2001 / 125) = 17 requests.
    for (TagSpan &s : spans)
        s.table = ModbusTable::InputRegister;
    QCOMPARE(planReads(spans, {}).size(), std::size_t(17));
}

void TestRequestPlanner::tablesAndGroupsNeverMix()
{
    const std::vector<TagSpan> spans {
        span(0, 0),
        span(1, 1, 1, ModbusTable::InputRegister),
        span(2, 2),
        span(3, 3, 1, ModbusTable::HoldingRegister, QStringLiteral("fast")),
        span(4, 4, 1, ModbusTable::Coil),
        span(5, 5, 1, ModbusTable::DiscreteInput),
    };
    PlanLimits limits;
    limits.maxGap = 10;
    const auto plan = planReads(spans, limits);
    // default/holding {0, 2}, default/input {1}, default/coil {4}, default/discrete {5},
    // fast/holding {3}.
    QCOMPARE(plan.size(), std::size_t(5));
    QCOMPARE(illegality(spans, plan, limits), QString());
}

void TestRequestPlanner::overlappingTagsShareRegisters()
{
    // A float32 at 10..11 and a status bit of register 11 (as "bit" tag), and a string 8..15.
    const std::vector<TagSpan> spans { span(0, 10, 2), span(1, 11, 1), span(2, 8, 8) };
    const auto plan = planReads(spans, {});
    QCOMPARE(plan.size(), std::size_t(1));
    QCOMPARE(plan[0].start, 8);
    QCOMPARE(plan[0].count, 8);
    QCOMPARE(illegality(spans, plan, {}), QString());
}

void TestRequestPlanner::randomPlansAreLegalAndMinimal_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("maxGap");
    for (quint32 seed = 1; seed <= 40; ++seed)
        QTest::addRow("seed %u gap %d", seed, int(seed % 3)) << seed << int(seed % 3);
}

void TestRequestPlanner::randomPlansAreLegalAndMinimal()
{
    QFETCH(quint32, seed);
    QFETCH(int, maxGap);
    QRandomGenerator rng(seed);
    // Small limits so that short tag lists hit them: 8 registers, 12 bits per request.
    PlanLimits limits;
    limits.maxGap = maxGap;
    limits.maxRegisters = 8;
    limits.maxBits = 12;
    std::vector<TagSpan> spans;
    const int n = 3 + rng.bounded(5); // 3..7 tags
    for (int i = 0; i < n; ++i) {
        const bool bits = rng.bounded(4) == 0;
        const int sizes[] = { 1, 1, 2, 4 };
        spans.push_back(
            span(static_cast<TagId>(i), rng.bounded(20), bits ? 1 : sizes[rng.bounded(4)],
                bits ? ModbusTable::Coil : ModbusTable::HoldingRegister,
                rng.bounded(5) == 0 ? QStringLiteral("slow") : QStringLiteral("default")));
    }
    const auto plan = planReads(spans, limits);
    QCOMPARE(illegality(spans, plan, limits), QString());
    QCOMPARE(static_cast<int>(plan.size()), exhaustiveMinimum(spans, limits));
}

void TestRequestPlanner::singlyFallback()
{
    PlanLimits limits;
    limits.maxGap = 5;
    const std::vector<TagSpan> spans { span(7, 0, 2), span(8, 4), span(9, 6, 4) };
    const auto plan = planReads(spans, limits);
    QCOMPARE(plan.size(), std::size_t(1));
    const auto single = planSingly(plan[0]);
    QCOMPARE(single.size(), std::size_t(3));
    QCOMPARE(single[1].start, 4);
    QCOMPARE(single[1].count, 1);
    QCOMPARE(single[2].start, 6);
    QCOMPARE(single[2].count, 4);
    QCOMPARE(single[2].items.front().tag, TagId(9));
    QCOMPARE(illegality(spans, single, limits), QString());
}

QTEST_GUILESS_MAIN(TestRequestPlanner)
#include "tst_request_planner.moc"
