// analytics/spc against published examples and an independent computation.
//
// Published data and results (the data are copied; the results are what the sources print):
// - [M63] D. C. Montgomery, Introduction to Statistical Quality Control, 6th ed., Wiley 2009,
//   Table 6.3: inside diameters of forged automobile piston rings, 25 samples of n = 5.
//   Examples 6.1 and 6.3: x-double-bar = 74.001, R-bar = 0.023, X-bar limits 74.014 / 73.988,
//   R chart UCL 0.049, LCL 0; S-bar = 0.0094, S chart UCL 0.0196, X-bar (S) limits
//   74.014 / 73.988. §6.2.2 (same data, spec 74.000 +- 0.05): sigma = R-bar/d2 = 0.0099,
//   Cp = 1.68.
// - [M91] Montgomery, Table 9.1: tabular CUSUM, mu0 = 10, sigma = 1, k = 0.5, h = 5:
//   C+ = 5.28 at observation 29 and 5.30 at 30, the first values above H = 5.
// - [N6322] NIST/SEMATECH e-Handbook of Statistical Methods §6.3.2.2 (individuals control
//   chart example, moisture content of 10 batches): x-bar = 50.81, MR-bar = 1.8778,
//   UCL = 55.8041, LCL = 45.8159 (with d2 = 1.128), MR chart UCL = 6.1349 (3.267 MR-bar).
// - [N6324] NIST/SEMATECH e-Handbook §6.3.2.4 (EWMA example): target 50, s = 2.0539,
//   lambda = 0.3, L = 3; EWMA values 50.60 ... 51.99; UCL = 52.5884, LCL = 47.4115.
// - [N6331] NIST/SEMATECH e-Handbook §6.3.3.1 (c chart, defects on 25 wafers): c-bar = 16,
//   UCL = 28, LCL = 4.
// - [N6332] NIST/SEMATECH e-Handbook §6.3.3.2 (p chart, 30 wafers of 50 chips):
//   p-bar = 0.2313, UCL = 0.4102, LCL = 0.0524.
// - [N616] NIST/SEMATECH e-Handbook §6.1.6 (process capability example): USL 20, LSL 8,
//   mean 16, sigma 2: Cp = 1.0, Cpu = 0.6667, Cpl = 1.3333, Cpk = 0.6667.
// - [REF] tests/reference/spc_reference.py (plain Python, run it to reproduce): the exact
//   values behind the rounded published ones, and the Anderson-Darling statistics.
#include "analytics/spc.h"
#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QtTest>

using namespace andon;
using namespace andon::analytics::spc;

namespace {

const double kPiston[25][5] = {
        {74.030, 74.002, 74.019, 73.992, 74.008}, {73.995, 73.992, 74.001, 74.011, 74.004},
        {73.988, 74.024, 74.021, 74.005, 74.002}, {74.002, 73.996, 73.993, 74.015, 74.009},
        {73.992, 74.007, 74.015, 73.989, 74.014}, {74.009, 73.994, 73.997, 73.985, 73.993},
        {73.995, 74.006, 73.994, 74.000, 74.005}, {73.985, 74.003, 73.993, 74.015, 73.988},
        {74.008, 73.995, 74.009, 74.005, 74.004}, {73.998, 74.000, 73.990, 74.007, 73.995},
        {73.994, 73.998, 73.994, 73.995, 73.990}, {74.004, 74.000, 74.007, 74.000, 73.996},
        {73.983, 74.002, 73.998, 73.997, 74.012}, {74.006, 73.967, 73.994, 74.000, 73.984},
        {74.012, 74.014, 73.998, 73.999, 74.007}, {74.000, 73.984, 74.005, 73.998, 73.996},
        {73.994, 74.012, 73.986, 74.005, 74.007}, {74.006, 74.010, 74.018, 74.003, 74.000},
        {73.984, 74.002, 74.003, 74.005, 73.997}, {74.000, 74.010, 74.013, 74.020, 74.003},
        {73.982, 74.001, 74.015, 74.005, 73.996}, {74.004, 73.999, 73.990, 74.006, 74.009},
        {74.010, 73.989, 73.990, 74.009, 74.014}, {74.015, 74.008, 73.993, 74.000, 74.010},
        {73.982, 73.984, 73.995, 74.017, 74.013}};

const std::vector<double> kEwmaData = {52.0, 47.0, 53.0, 49.3, 50.1, 47.0, 51.0,
                                       50.1, 51.2, 50.5, 49.6, 47.6, 49.9, 51.3,
                                       47.8, 51.2, 52.6, 52.4, 53.6, 52.1};
const std::vector<double> kCusumData = {9.45,  7.99,  9.29,  11.66, 12.16, 10.18, 8.04,  11.46,
                                        9.20,  10.34, 9.03,  11.47, 10.51, 9.40,  10.08, 9.37,
                                        10.62, 10.31, 8.52,  10.84, 10.90, 9.33,  12.29, 11.50,
                                        10.60, 11.08, 10.38, 11.62, 11.31, 10.52};
const std::vector<double> kImrData = {49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1};
const std::vector<double> kWaferDefects = {16, 14, 28, 16, 12, 20, 10, 12, 10, 17, 19, 17, 14,
                                           16, 15, 13, 14, 16, 11, 20, 11, 19, 16, 31, 13};
const std::vector<double> kWaferDefectives = {12, 15, 8,  10, 4,  7,  16, 9,  14, 10,
                                              5,  6,  17, 12, 22, 8,  10, 5,  13, 11,
                                              20, 18, 24, 15, 9,  12, 7,  13, 9,  6};

std::vector<Measurement> pistonMeasurements()
{
    std::vector<Measurement> m;
    for (const auto &sample : kPiston) {
        for (double v : sample)
            m.push_back(Measurement{v, 1.0, 0, {}, {}});
    }
    return m;
}

std::vector<Subgroup> pistonSubgroups()
{
    QStringList warnings;
    const std::vector<Subgroup> g =
            formSubgroups(pistonMeasurements(), {SubgroupMode::Consecutive, 5, 0}, &warnings);
    if (!warnings.isEmpty() || g.size() != 25)
        qFatal("piston ring subgrouping failed");
    return g;
}

std::vector<Subgroup> individuals(const std::vector<double> &values)
{
    std::vector<Measurement> m;
    for (double v : values)
        m.push_back(Measurement{v, 1.0, 0, {}, {}});
    return formSubgroups(m, {}, nullptr);
}

std::vector<Subgroup> attribute(const std::vector<double> &counts,
                                const std::vector<double> &sizes)
{
    std::vector<Measurement> m;
    for (std::size_t i = 0; i < counts.size(); ++i)
        m.push_back(Measurement{counts[i], sizes[i], 0, {}, {}});
    return formSubgroups(m, {}, nullptr);
}

RuleSet only(Rule r)
{
    RuleSet s;
    s.add(r);
    return s;
}

// "N2@8" for every violation, in order.
QStringList describe(const std::vector<Violation> &v)
{
    QStringList out;
    for (const Violation &x : v)
        out << QLatin1String(ruleInfo(x.rule).id) + QLatin1Char('@') + QString::number(x.point);
    return out;
}

bool near(double a, double b, double tol)
{
    return std::abs(a - b) <= tol;
}

#define CHECK_NEAR(actual, expected, tol)                                                      \
    do {                                                                                       \
        const double a_ = (actual), e_ = (expected);                                           \
        if (!near(a_, e_, (tol)))                                                              \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 +- %4")                      \
                                     .arg(QLatin1String(#actual))                              \
                                     .arg(a_, 0, 'g', 10)                                      \
                                     .arg(e_, 0, 'g', 10)                                      \
                                     .arg(tol)));                                              \
    } while (false)

} // namespace

class TstSpc : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(test::unexpectedWarnings(), QStringList()); }

    void pistonRingXbarR();
    void pistonRingXbarS();
    void pistonRingCapability();
    void capabilityIndicesNist_data();
    void capabilityIndicesNist();
    void individualsNist();
    void ewmaNist();
    void ewmaOverallSigma();
    void cusumMontgomery();
    void cChartNist();
    void pChartNist();
    void npChart();
    void uChartVariableSize();
    void rules_data();
    void rules();
    void ruleSelection();
    void parseRules_data();
    void parseRules();
    void subgroupsConsecutiveWithProductChange();
    void subgroupsByTimeWindow();
    void subgroupsByLabel();
    void frozenLimitsFromBaseline();
    void limitsJsonRoundTrip();
    void limitsJsonErrors();
    void andersonDarling_data();
    void andersonDarling();
    void capabilityWarnings();
    void badInputGivesErrors();
    void resultJson();
    void medianChartPistonRings();
    void boxStatsTukey_data();
    void boxStatsTukey();
    void paretoRankingByHand();
    void welchByHand();
};

void TstSpc::pistonRingXbarR()
{
    ChartOptions o;
    o.rules = only(Rule::Nelson1);
    QString error;
    const auto r = analyse(ChartType::XbarR, pistonSubgroups(), o, &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(r->secondary);
    // [M63] published, 3 decimals.
    CHECK_NEAR(r->primary.center.front(), 74.001, 0.0005);
    CHECK_NEAR(r->secondary->center.front(), 0.023, 0.0005);
    CHECK_NEAR(r->primary.ucl.front(), 74.014, 0.001);
    CHECK_NEAR(r->primary.lcl.front(), 73.988, 0.001);
    CHECK_NEAR(r->secondary->ucl.front(), 0.049, 0.0005);
    QCOMPARE(r->secondary->lcl.front(), 0.0);
    // [REF] exact: x-double-bar 74.001176, R-bar 0.023240, limits 74.014581 / 73.987771.
    CHECK_NEAR(r->limits.center, 74.001176, 1e-6);
    CHECK_NEAR(r->secondary->center.front(), 0.023240, 1e-6);
    CHECK_NEAR(r->primary.ucl.front(), 74.014581, 2e-6);
    CHECK_NEAR(r->primary.lcl.front(), 73.987771, 2e-6);
    // Per-subgroup statistics as printed in Table 6.3 (sample 1: mean 74.010, range 0.038).
    CHECK_NEAR(r->primary.values.front(), 74.010, 0.0005);
    CHECK_NEAR(r->secondary->values.front(), 0.038, 1e-9);
    // Montgomery: "both charts exhibit control" - no point beyond the limits.
    QCOMPARE(describe(r->violations), QStringList());
    QCOMPARE(r->warnings, QStringList());
}

void TstSpc::pistonRingXbarS()
{
    ChartOptions o;
    o.rules = only(Rule::Nelson1);
    QString error;
    const auto r = analyse(ChartType::XbarS, pistonSubgroups(), o, &error);
    QVERIFY2(r, qPrintable(error));
    // [M63] S-bar = 0.0094, S UCL = 0.0196, X-bar limits 74.014 / 73.988.
    CHECK_NEAR(r->secondary->center.front(), 0.0094, 0.00005);
    CHECK_NEAR(r->secondary->ucl.front(), 0.0196, 0.0001);
    QCOMPARE(r->secondary->lcl.front(), 0.0);
    CHECK_NEAR(r->primary.ucl.front(), 74.014, 0.001);
    CHECK_NEAR(r->primary.lcl.front(), 73.988, 0.001);
    // [REF] S-bar 0.009399, sigma = S-bar/c4 = 0.0099996, limits 74.014592 / 73.987760.
    CHECK_NEAR(r->limits.sigma, 0.0099996, 1e-7);
    CHECK_NEAR(r->primary.ucl.front(), 74.014592, 2e-6);
    QCOMPARE(describe(r->violations), QStringList());
}

void TstSpc::pistonRingCapability()
{
    const std::vector<Subgroup> g = pistonSubgroups();
    QString error;
    const auto limits = estimateLimits(ChartType::XbarR, g, {}, &error);
    QVERIFY2(limits, qPrintable(error));
    std::vector<double> all;
    for (const auto &s : kPiston)
        all.insert(all.end(), std::begin(s), std::end(s));
    const Capability c = computeCapability(all, limits->sigma, {73.95, 74.05});
    // [M63] sigma = R-bar/d2 = 0.0099 and Cp = 1.68 (Montgomery rounds sigma to 0.0099 before
    // dividing: 0.10 / (6 x 0.0099) = 1.68; unrounded it is 1.668).
    CHECK_NEAR(c.sigmaWithin, 0.0099, 0.0001);
    CHECK_NEAR(*c.within.c, 1.68, 0.015);
    // [REF] Cp 1.66805, Cpk 1.62882, Pp 1.63417, Ppk 1.59573, overall sd 0.0101989.
    CHECK_NEAR(*c.within.c, 1.66805, 2e-5);
    CHECK_NEAR(*c.within.k, 1.62882, 2e-5);
    CHECK_NEAR(*c.overall.c, 1.63417, 2e-5);
    CHECK_NEAR(*c.overall.k, 1.59573, 2e-5);
    CHECK_NEAR(c.sigmaOverall, 0.0101989, 1e-7);
    CHECK_NEAR(c.mean, 74.001176, 1e-6);
    // [REF] Anderson-Darling on the 125 values: A2 0.193332, A*2 0.194520, p 0.892229 (normal).
    QVERIFY(c.normality.computed);
    CHECK_NEAR(c.normality.a2, 0.193332, 1e-5);
    CHECK_NEAR(c.normality.a2Star, 0.194520, 1e-5);
    CHECK_NEAR(c.normality.pValue, 0.892229, 1e-5);
    QCOMPARE(c.warnings, QStringList()); // 125 >= 100 values, normal, both limits
}

void TstSpc::capabilityIndicesNist_data()
{
    QTest::addColumn<std::optional<double>>("lsl");
    QTest::addColumn<std::optional<double>>("usl");
    QTest::addColumn<std::optional<double>>("cp");
    QTest::addColumn<std::optional<double>>("cpl");
    QTest::addColumn<std::optional<double>>("cpu");
    QTest::addColumn<std::optional<double>>("cpk");
    const std::optional<double> none;
    // [N616]: mean 16, sigma 2.
    QTest::newRow("two-sided") << std::optional(8.0) << std::optional(20.0) << std::optional(1.0)
                               << std::optional(8.0 / 6.0) << std::optional(4.0 / 6.0)
                               << std::optional(4.0 / 6.0);
    // One-sided: only the index on the given side, Cpk is that index, no Cp.
    QTest::newRow("upper only") << none << std::optional(20.0) << none << none
                                << std::optional(4.0 / 6.0) << std::optional(4.0 / 6.0);
    QTest::newRow("lower only") << std::optional(8.0) << none << none << std::optional(8.0 / 6.0)
                                << none << std::optional(8.0 / 6.0);
    QTest::newRow("none") << none << none << none << none << none << none;
}

void TstSpc::capabilityIndicesNist()
{
    QFETCH(std::optional<double>, lsl);
    QFETCH(std::optional<double>, usl);
    QFETCH(std::optional<double>, cp);
    QFETCH(std::optional<double>, cpl);
    QFETCH(std::optional<double>, cpu);
    QFETCH(std::optional<double>, cpk);
    const CapabilityIndices c =
            capabilityIndices(16.0, 2.0, SpecLimits{lsl.value_or(kNaN), usl.value_or(kNaN)});
    const auto same = [](const std::optional<double> &a, const std::optional<double> &b) {
        return a.has_value() == b.has_value() && (!a || near(*a, *b, 1e-12));
    };
    QVERIFY(same(c.c, cp));
    QVERIFY(same(c.lower, cpl));
    QVERIFY(same(c.upper, cpu));
    QVERIFY(same(c.k, cpk));
}

void TstSpc::individualsNist()
{
    ChartOptions o;
    o.rules = RuleSet::nelson();
    QString error;
    const auto r = analyse(ChartType::IMR, individuals(kImrData), o, &error);
    QVERIFY2(r, qPrintable(error));
    // [N6322] published (NIST uses d2 = 1.128, we use 1.12838: 0.002 apart at the limit).
    CHECK_NEAR(r->limits.center, 50.81, 1e-9);
    CHECK_NEAR(r->secondary->center.front(), 1.8778, 0.0001);
    CHECK_NEAR(r->primary.ucl.front(), 55.8041, 0.002);
    CHECK_NEAR(r->primary.lcl.front(), 45.8159, 0.002);
    CHECK_NEAR(r->secondary->ucl.front(), 6.1349, 0.002);
    // [REF] exact: UCL 55.8024, LCL 45.8176.
    CHECK_NEAR(r->primary.ucl.front(), 55.8024, 1e-4);
    CHECK_NEAR(r->primary.lcl.front(), 45.8176, 1e-4);
    QVERIFY(std::isnan(r->secondary->values.front())); // no moving range for the first batch
    CHECK_NEAR(r->secondary->values[1], 2.0, 1e-9);
    QCOMPARE(describe(r->violations), QStringList());
    // 10 values: the trial-limit warning (20-25 recommended).
    QCOMPARE(r->warnings.size(), 1);
}

void TstSpc::ewmaNist()
{
    ChartOptions o;
    o.lambda = 0.3;
    o.target = 50.0;
    o.sigma = 2.0539;
    QString error;
    const auto r = analyse(ChartType::Ewma, individuals(kEwmaData), o, &error);
    QVERIFY2(r, qPrintable(error));
    // [N6324] EWMA statistics as printed (2 decimals).
    const double published[] = {50.60, 49.52, 50.56, 50.18, 50.16, 49.21, 49.75,
                                49.85, 50.26, 50.33, 50.11, 49.36, 49.52, 50.05,
                                49.38, 49.92, 50.73, 51.23, 51.94, 51.99};
    QCOMPARE(r->primary.values.size(), std::size(published));
    for (std::size_t i = 0; i < std::size(published); ++i)
        CHECK_NEAR(r->primary.values[i], published[i], 0.006);
    // The exact limits approach the published asymptotic ones (52.5884 / 47.4115) ...
    CHECK_NEAR(r->primary.ucl.back(), 52.5884, 0.0002);
    CHECK_NEAR(r->primary.lcl.back(), 47.4115, 0.0002);
    // ... and are narrower at the start: [REF] i = 1: 51.8485 / 48.1515, i = 5: 52.5516.
    CHECK_NEAR(r->primary.ucl[0], 51.8485, 1e-4);
    CHECK_NEAR(r->primary.lcl[0], 48.1515, 1e-4);
    CHECK_NEAR(r->primary.ucl[4], 52.5516, 1e-4);
    QCOMPARE(describe(r->violations), QStringList()); // NIST: the process is in control
    QVERIFY(!r->secondary);
}

void TstSpc::ewmaOverallSigma()
{
    ChartOptions o;
    o.lambda = 0.3;
    o.target = 50.0;
    o.sigmaEstimate = SigmaEstimate::Overall;
    QString error;
    const auto l = estimateLimits(ChartType::Ewma, individuals(kEwmaData), o, &error);
    QVERIFY2(l, qPrintable(error));
    // [REF] statistics.stdev of the 20 values.
    CHECK_NEAR(l->sigma, 1.96904, 1e-5);
    CHECK_NEAR(l->center, 50.0, 0.0);
}

void TstSpc::cusumMontgomery()
{
    ChartOptions o;
    o.target = 10.0;
    o.sigma = 1.0;
    o.k = 0.5;
    o.h = 5.0;
    QString error;
    const auto r = analyse(ChartType::Cusum, individuals(kCusumData), o, &error);
    QVERIFY2(r, qPrintable(error));
    // [M91] C+ at observations 29 and 30 (0-based 28, 29); [REF] C+ 4.47 at 28, C- 1.77 at 3.
    CHECK_NEAR(r->primary.values[28], 5.28, 0.006);
    CHECK_NEAR(r->primary.values[29], 5.30, 0.006);
    CHECK_NEAR(r->primary.values[27], 4.47, 0.006);
    CHECK_NEAR(r->secondary->values[2], 1.77, 0.006);
    CHECK_NEAR(r->primary.ucl.front(), 5.0, 0.0);
    QCOMPARE(describe(r->violations), (QStringList{QStringLiteral("LIMIT@28"),
                                                   QStringLiteral("LIMIT@29")}));
    QCOMPARE(r->violations.front().series, QStringLiteral("c+"));
}

void TstSpc::cChartNist()
{
    QString error;
    ChartOptions o;
    o.rules = only(Rule::Nelson1);
    const auto r = analyse(ChartType::C, attribute(kWaferDefects, std::vector<double>(25, 1.0)),
                           o, &error);
    QVERIFY2(r, qPrintable(error));
    // [N6331] c-bar 16, UCL 28, LCL 4. Wafer 24 (31 defects) is beyond; wafer 3 (28) sits on
    // the UCL and is not "beyond".
    CHECK_NEAR(r->limits.center, 16.0, 1e-12);
    CHECK_NEAR(r->primary.ucl.front(), 28.0, 1e-12);
    CHECK_NEAR(r->primary.lcl.front(), 4.0, 1e-12);
    QCOMPARE(describe(r->violations), QStringList{QStringLiteral("N1@23")});
}

void TstSpc::pChartNist()
{
    QString error;
    ChartOptions o;
    o.rules = only(Rule::Nelson1);
    const auto r = analyse(ChartType::P, attribute(kWaferDefectives, std::vector<double>(30, 50)),
                           o, &error);
    QVERIFY2(r, qPrintable(error));
    // [N6332] p-bar 0.2313, UCL 0.4102, LCL 0.0524; [REF] wafers 15 (0.44) and 23 (0.48) above.
    CHECK_NEAR(r->limits.center, 0.2313, 0.00005);
    CHECK_NEAR(r->primary.ucl.front(), 0.4102, 0.00005);
    CHECK_NEAR(r->primary.lcl.front(), 0.0524, 0.00005);
    QCOMPARE(describe(r->violations),
             (QStringList{QStringLiteral("N1@14"), QStringLiteral("N1@22")}));
}

void TstSpc::npChart()
{
    QString error;
    const auto r = analyse(ChartType::NP,
                           attribute(kWaferDefectives, std::vector<double>(30, 50)), {}, &error);
    QVERIFY2(r, qPrintable(error));
    // Same data as [N6332]: n p-bar = 347/30 = 11.5667; UCL = 50 x 0.41024 = 20.512 (the p
    // chart's limits times n), LCL = 50 x 0.05243 = 2.621.
    CHECK_NEAR(r->limits.center, 347.0 / 30.0, 1e-9);
    CHECK_NEAR(r->primary.ucl.front(), 20.512, 0.001);
    CHECK_NEAR(r->primary.lcl.front(), 2.621, 0.001);
    // Unequal sizes: the np chart refuses.
    std::vector<double> sizes(30, 50);
    sizes[3] = 40;
    QVERIFY(!analyse(ChartType::NP, attribute(kWaferDefectives, sizes), {}, &error));
    QVERIFY2(error.contains(QLatin1String("constant sample size")), qPrintable(error));
}

void TstSpc::uChartVariableSize()
{
    QString error;
    ChartOptions o;
    o.rules = RuleSet{};
    const auto r = analyse(ChartType::U, attribute({3, 5, 2, 8}, {10, 20, 10, 20}), o, &error);
    QVERIFY2(r, qPrintable(error));
    // By hand: u-bar = 18/60 = 0.3. n = 10: 0.3 + 3 sqrt(0.3/10) = 0.3 + 0.519615 = 0.819615,
    // LCL 0.3 - 0.519615 < 0 -> 0. n = 20: 0.3 + 3 sqrt(0.015) = 0.667423, LCL 0.
    CHECK_NEAR(r->limits.center, 0.3, 1e-12);
    CHECK_NEAR(r->primary.ucl[0], 0.819615, 1e-6);
    CHECK_NEAR(r->primary.ucl[1], 0.667423, 1e-6);
    QCOMPARE(r->primary.lcl[0], 0.0);
    CHECK_NEAR(r->primary.values[3], 0.4, 1e-12);
}

// Each series triggers exactly one rule of its family (center 0, sigma 1, limits +-3, so the
// values are in sigma units). Expected violations worked out by hand from the rule texts.
void TstSpc::rules_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QStringList>("expected");
    const auto S = [](std::initializer_list<const char *> l) {
        QStringList s;
        for (const char *x : l)
            s << QLatin1String(x);
        return s;
    };
    const QString nelson = QStringLiteral("nelson"), we = QStringLiteral("we");
    const QList<double> beyond{0.5, -0.5, 0.2, 3.5, -0.3, 0.4};
    const QList<double> nineAbove{0.5, 0.2, 0.8, 0.3, 0.6, 0.1, 0.7, 0.4, 0.9};
    const QList<double> eightAbove{0.5, 0.2, 0.8, 0.3, 0.6, 0.1, 0.7, 0.4};
    const QList<double> twoOfThree{0.1, -0.2, 2.5, 0.3, 2.4, -0.1};
    const QList<double> fourOfFive{0.1, 1.5, 1.2, 0.3, 1.8, 1.4, -0.2};
    QList<double> alternating;
    for (int i = 0; i < 14; ++i)
        alternating << (i % 2 == 0 ? 0.5 : -0.5);
    QList<double> negated;
    for (double v : twoOfThree)
        negated << -v;

    // Point 3 at 3.5 sigma; nothing else: no run of 6/8/9, no 2 beyond 2 sigma.
    QTest::newRow("N1") << nelson << beyond << S({"N1@3"});
    QTest::newRow("WE1") << we << beyond << S({"WE1@3"});
    QTest::newRow("N1 below") << nelson << QList<double>{0.5, -3.2} << S({"N1@1"});
    // 9 above the center, within 1 sigma, zig-zag (no trend of 6, fewer than 14 alternating).
    QTest::newRow("N2") << nelson << nineAbove << S({"N2@8"});
    // ... which WE4 already flags at the 8th and 9th point.
    QTest::newRow("WE4 on 9") << we << nineAbove << S({"WE4@7", "WE4@8"});
    QTest::newRow("WE4") << we << eightAbove << S({"WE4@7"});
    QTest::newRow("8 above is not N2") << nelson << eightAbove << S({});
    QList<double> tenAbove = nineAbove;
    tenAbove << 0.3;
    QTest::newRow("N2 run of 10") << nelson << tenAbove << S({"N2@8", "N2@9"});
    // Points 2..7 increase steadily (6 points, 5 rises); the run on one side is only 4.
    QTest::newRow("N3 up") << nelson << QList<double>{0.2, -0.2, -0.5, -0.3, -0.1, 0.1, 0.3, 0.5}
                           << S({"N3@7"});
    QTest::newRow("N3 down") << nelson
                             << QList<double>{-0.2, 0.2, 0.5, 0.3, 0.1, -0.1, -0.3, -0.5}
                             << S({"N3@7"});
    QTest::newRow("5 rising is not N3") << nelson << QList<double>{-0.5, -0.3, -0.1, 0.1, 0.3}
                                        << S({});
    // 14 points alternating up and down (13 sign changes), all within 1 sigma.
    QTest::newRow("N4") << nelson << alternating << S({"N4@13"});
    QTest::newRow("13 alternating") << nelson << alternating.mid(0, 13) << S({});
    // Points 2 and 4 beyond 2 sigma, point 3 between: 2 of 3. Only 2 beyond 1 sigma in 5.
    QTest::newRow("N5") << nelson << twoOfThree << S({"N5@4"});
    QTest::newRow("WE2") << we << twoOfThree << S({"WE2@4"});
    QTest::newRow("N5 below") << nelson << negated << S({"N5@4"});
    // Points 1, 2, 4, 5 beyond 1 sigma (none beyond 2): 4 of 5 ending at point 5.
    QTest::newRow("N6") << nelson << fourOfFive << S({"N6@5"});
    QTest::newRow("WE3") << we << fourOfFive << S({"WE3@5"});
    // 15 within 1 sigma on both sides, sides change every 1-2 points, rises and falls mixed.
    QTest::newRow("N7") << nelson
                        << QList<double>{0.2, -0.3, -0.1, 0.4, 0.1, -0.5, -0.2, 0.3, 0.5, -0.4,
                                         -0.6, 0.2, 0.3, -0.1, 0.4}
                        << S({"N7@14"});
    // 8 beyond 1 sigma, alternating sides (at most 3 of 5 on one side, none beyond 2).
    QTest::newRow("N8") << nelson << QList<double>{1.5, -1.5, 1.5, -1.5, 1.5, -1.5, 1.5, -1.5}
                        << S({"N8@7"});
    QTest::newRow("in control") << nelson
                                << QList<double>{0.3, -1.2, 0.8, 0.1, -0.4, 1.1, -0.9, 0.2, -0.1,
                                                 0.6}
                                << S({});
    // A missing value breaks the run of 9.
    QTest::newRow("NaN breaks runs")
            << nelson
            << QList<double>{0.5, 0.2, 0.8, 0.3, qQNaN(), 0.6, 0.1, 0.7, 0.4, 0.9} << S({});
}

void TstSpc::rules()
{
    QFETCH(QString, family);
    QFETCH(QList<double>, values);
    QFETCH(QStringList, expected);
    const std::size_t n = static_cast<std::size_t>(values.size());
    const std::vector<double> v(values.begin(), values.end());
    const RuleSet set = family == QLatin1String("we") ? RuleSet::westernElectric()
                                                      : RuleSet::nelson();
    const std::vector<Violation> got =
            evaluateRules(v, std::vector<double>(n, 0.0), std::vector<double>(n, 3.0),
                          std::vector<double>(n, -3.0), std::vector<double>(n, 1.0), set,
                          QStringLiteral("x"));
    QCOMPARE(describe(got), expected);
}

void TstSpc::ruleSelection()
{
    const std::vector<double> v{0.1, -0.2, 2.5, 0.3, 2.4, -0.1};
    const std::size_t n = v.size();
    const auto run = [&](const RuleSet &s) {
        return describe(evaluateRules(v, std::vector<double>(n, 0.0), std::vector<double>(n, 3.0),
                                      std::vector<double>(n, -3.0),
                                      std::vector<double>(n, 1.0), s));
    };
    QCOMPARE(run(only(Rule::Nelson2)), QStringList());
    QCOMPARE(run(only(Rule::Nelson5)), QStringList{QStringLiteral("N5@4")});
    // The involved points are the two beyond 2 sigma.
    const std::vector<Violation> got =
            evaluateRules(v, std::vector<double>(n, 0.0), std::vector<double>(n, 3.0),
                          std::vector<double>(n, -3.0), std::vector<double>(n, 1.0),
                          only(Rule::Nelson5));
    QCOMPARE(got.front().points, (std::vector<int>{2, 4}));
    QCOMPARE(QLatin1String(ruleInfo(Rule::Nelson5).text),
             QLatin1String("2 of 3 points in a row beyond 2 sigma, same side"));
}

void TstSpc::parseRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("nelson") << QStringLiteral("nelson") << true
                            << QString(QStringLiteral("N1 N2 N3 N4 N5 N6 N7 N8"))
                                       .split(QLatin1Char(' '));
    QTest::newRow("we") << QStringLiteral("WE") << true
                        << QString(QStringLiteral("WE1 WE2 WE3 WE4")).split(QLatin1Char(' '));
    QTest::newRow("numbers") << QStringLiteral("1,2,5") << true
                             << QString(QStringLiteral("N1 N2 N5")).split(QLatin1Char(' '));
    QTest::newRow("mixed") << QStringLiteral("we4, n8") << true
                           << QString(QStringLiteral("WE4 N8")).split(QLatin1Char(' '));
    QTest::newRow("none") << QStringLiteral("none") << true << QStringList();
    QTest::newRow("9") << QStringLiteral("1,9") << false << QStringList();
    QTest::newRow("we5") << QStringLiteral("we5") << false << QStringList();
    QTest::newRow("junk") << QStringLiteral("all") << false << QStringList();
}

void TstSpc::parseRules()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QStringList, ids);
    QString error;
    const std::optional<RuleSet> s = parseRuleSet(text, &error);
    QCOMPARE(s.has_value(), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QStringList got;
    for (Rule r : s->rules())
        got << QLatin1String(ruleInfo(r).id);
    QCOMPARE(got, ids);
}

void TstSpc::subgroupsConsecutiveWithProductChange()
{
    // Product A: 7 values -> subgroups of 3: [1,2,3], [4,5,6], [7] incomplete (left out).
    // Product B: 3 values -> one subgroup.
    std::vector<Measurement> m;
    for (int i = 1; i <= 7; ++i)
        m.push_back({double(i), 1.0, 0, {}, QStringLiteral("A")});
    for (int i = 8; i <= 10; ++i)
        m.push_back({double(i), 1.0, 0, {}, QStringLiteral("B")});
    QStringList warnings;
    const std::vector<Subgroup> g = formSubgroups(m, {SubgroupMode::Consecutive, 3, 0}, &warnings);
    QCOMPARE(g.size(), std::size_t(3));
    QCOMPARE(g[1].values, (std::vector<double>{4, 5, 6}));
    QCOMPARE(g[2].partition, QStringLiteral("B"));
    QCOMPARE(g[2].values, (std::vector<double>{8, 9, 10}));
    QCOMPARE(g[2].firstRow, 7);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.front().contains(QLatin1String("measurements 7-7")),
             qPrintable(warnings.front()));
}

void TstSpc::subgroupsByTimeWindow()
{
    // 10-minute windows from 08:00 UTC; the product change at 08:15 splits its window.
    const TimestampMs t0 = 1'767'600'000'000; // 2026-01-05T08:00:00Z (a whole hour)
    constexpr TimestampMs kMin = 60'000;
    std::vector<Measurement> m{{1, 1, t0, {}, QStringLiteral("A")},
                               {2, 1, t0 + 9 * kMin, {}, QStringLiteral("A")},
                               {3, 1, t0 + 10 * kMin, {}, QStringLiteral("A")},
                               {4, 1, t0 + 15 * kMin, {}, QStringLiteral("B")},
                               {5, 1, t0 + 19 * kMin, {}, QStringLiteral("B")},
                               {6, 1, t0 + 20 * kMin, {}, QStringLiteral("B")}};
    const std::vector<Subgroup> g =
            formSubgroups(m, {SubgroupMode::TimeWindow, 1, 10 * kMin}, nullptr);
    QCOMPARE(g.size(), std::size_t(4));
    QCOMPARE(g[0].values, (std::vector<double>{1, 2}));
    QCOMPARE(g[1].values, (std::vector<double>{3}));
    QCOMPARE(g[2].values, (std::vector<double>{4, 5}));
    QCOMPARE(g[2].label, formatTimestampUtc(t0 + 10 * kMin)); // labelled by window start
    QCOMPARE(g[3].values, (std::vector<double>{6}));
}

void TstSpc::subgroupsByLabel()
{
    std::vector<Measurement> m{{1, 1, 0, QStringLiteral("s1"), {}},
                               {2, 1, 0, QStringLiteral("s1"), {}},
                               {3, 1, 0, QStringLiteral("s2"), {}},
                               {4, 1, 0, QStringLiteral("s2"), {}},
                               {5, 1, 0, QStringLiteral("s2"), {}}};
    const std::vector<Subgroup> g = formSubgroups(m, {SubgroupMode::Label, 1, 0}, nullptr);
    QCOMPARE(g.size(), std::size_t(2));
    QCOMPARE(g[1].label, QStringLiteral("s2"));
    QCOMPARE(g[1].values.size(), std::size_t(3));
    // Attribute sums per subgroup.
    QCOMPARE(g[1].count, 12.0);
    QCOMPARE(g[1].size, 3.0);
}

void TstSpc::frozenLimitsFromBaseline()
{
    // Baseline: the first 10 piston ring samples. The limits come only from them; the chart
    // then uses those frozen limits for all 25 samples.
    ChartOptions o;
    o.baselineCount = 10;
    QString error;
    QStringList warnings;
    const std::vector<Subgroup> g = pistonSubgroups();
    auto limits = estimateLimits(ChartType::XbarR, g, o, &error, &warnings);
    QVERIFY2(limits, qPrintable(error));
    QCOMPARE(limits->baselineCount, 10);
    QCOMPARE(warnings.size(), 1); // fewer than 20 subgroups
    // By hand from Table 6.3: the first 10 means sum to 740.020 (74.010 + 74.001 + ...),
    // x-double-bar = mean of all 50 values.
    double sum = 0.0;
    for (int i = 0; i < 10; ++i)
        for (double v : kPiston[i])
            sum += v;
    CHECK_NEAR(limits->center, sum / 50.0, 1e-9);
    limits->version = 3;
    limits->frozenBy = QStringLiteral("qe.smith");
    limits->reason = QStringLiteral("after tool change");
    const ChartResult r = computeChart(ChartType::XbarR, g, *limits, RuleSet::nelson());
    QCOMPARE(r.primary.values.size(), std::size_t(25));
    QCOMPARE(r.limits.version, 3);
    CHECK_NEAR(r.primary.center.back(), limits->center, 0.0);
    const double halfWidth = 3.0 * limits->sigma / std::sqrt(5.0);
    CHECK_NEAR(r.primary.ucl.back(), limits->center + halfWidth, 1e-12);
}

void TstSpc::limitsJsonRoundTrip()
{
    ControlLimits l;
    l.chart = ChartType::Ewma;
    l.center = 50.0;
    l.sigma = 2.0539;
    l.subgroupSize = 1;
    l.sigmaMultiplier = 2.7;
    l.lambda = 0.3;
    l.baselineFirst = 2;
    l.baselineCount = 20;
    l.version = 4;
    l.frozenBy = QStringLiteral("qe.smith");
    l.frozenAtMs = 1'767'600'000'123;
    l.reason = QStringLiteral("new supplier lot");
    QString error;
    const auto back = ControlLimits::fromJson(l.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == l);

    ControlLimits p;
    p.chart = ChartType::P;
    p.center = 0.2313; // sigma stays NaN -> null
    const QJsonObject j = p.toJson();
    QVERIFY(j.value(QStringLiteral("sigma")).isNull());
    const auto pBack = ControlLimits::fromJson(j, &error);
    QVERIFY2(pBack, qPrintable(error));
    QVERIFY(std::isnan(pBack->sigma));
    QCOMPARE(pBack->center, 0.2313);
}

void TstSpc::limitsJsonErrors()
{
    QString error;
    QVERIFY(!ControlLimits::fromJson(QJsonObject{{QStringLiteral("chart"), QStringLiteral("x")},
                                                 {QStringLiteral("center"), 1.0}},
                                     &error));
    QVERIFY(error.contains(QLatin1String("chart")));
    QVERIFY(!ControlLimits::fromJson(QJsonObject{{QStringLiteral("chart"), QStringLiteral("c")},
                                                 {QStringLiteral("center"), QStringLiteral("16")}},
                                     &error));
    QVERIFY(error.contains(QLatin1String("center")));
    QVERIFY(!ControlLimits::fromJson(QJsonObject{{QStringLiteral("chart"), QStringLiteral("c")},
                                                 {QStringLiteral("center"), 16.0},
                                                 {QStringLiteral("version"), 1.5}},
                                     &error));
    QVERIFY(error.contains(QLatin1String("version")));
}

void TstSpc::andersonDarling_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("a2");
    QTest::addColumn<double>("a2Star");
    QTest::addColumn<double>("p");
    // [REF] anderson_darling() in tests/reference/spc_reference.py.
    QList<double> evenly, powers;
    for (int i = 1; i <= 20; ++i)
        evenly << i;
    for (int i = 0; i < 12; ++i)
        powers << std::pow(2.0, i);
    QTest::newRow("1..20") << evenly << 0.220738 << 0.230257 << 0.806355;
    QTest::newRow("powers of 2") << powers << 1.857361 << 2.002467 << 4.25938e-05;
}

void TstSpc::andersonDarling()
{
    QFETCH(QList<double>, values);
    QFETCH(double, a2);
    QFETCH(double, a2Star);
    QFETCH(double, p);
    const NormalityTest t = andersonDarlingNormal(std::vector<double>(values.begin(), values.end()));
    QVERIFY(t.computed);
    CHECK_NEAR(t.a2, a2, 1e-5);
    CHECK_NEAR(t.a2Star, a2Star, 1e-5);
    CHECK_NEAR(t.pValue, p, std::max(1e-6, p * 1e-4));
    // The four pieces of the p-value fit meet (D'Agostino & Stephens' table is continuous to
    // about 3 decimals at the joints 0.2, 0.34, 0.6).
    for (double joint : {0.2, 0.34, 0.6})
        QVERIFY(std::abs(andersonDarlingPValue(joint - 1e-9) - andersonDarlingPValue(joint))
                < 0.005);
}

void TstSpc::capabilityWarnings()
{
    std::vector<double> powers;
    for (int i = 0; i < 12; ++i)
        powers.push_back(std::pow(2.0, i));
    const Capability c = computeCapability(powers, 100.0, {kNaN, 5000.0});
    // 12 values (< 100) and not normal (p = 4.3e-5 < 0.05): two warnings; one-sided spec.
    QCOMPARE(c.warnings.size(), 2);
    QVERIFY(c.warnings[0].contains(QLatin1String("only 12 values")));
    QVERIFY(c.warnings[1].contains(QLatin1String("not normal")));
    QVERIFY(!c.within.c);
    QVERIFY(c.within.k);
    // Fewer than 8 values: no normality test, and a warning saying so.
    const Capability few = computeCapability({1, 2, 3, 4, 5}, 1.0, {0.0, 10.0});
    QVERIFY(!few.normality.computed);
    QVERIFY(few.warnings.join(QLatin1Char('\n')).contains(QLatin1String("normality not tested")));
}

void TstSpc::badInputGivesErrors()
{
    QString error;
    QVERIFY(!analyse(ChartType::XbarR, {}, {}, &error));
    QVERIFY(error.contains(QLatin1String("no subgroups")));
    QVERIFY(!analyse(ChartType::XbarR, individuals({1, 2, 3}), {}, &error));
    QVERIFY(error.contains(QLatin1String("at least 2 values")));
    QVERIFY(!analyse(ChartType::IMR, individuals({5, 5, 5, 5}), {}, &error));
    QVERIFY(error.contains(QLatin1String("no spread")));
    ChartOptions o;
    o.lambda = 1.5;
    QVERIFY(!analyse(ChartType::Ewma, individuals({1, 2, 3}), o, &error));
    QVERIFY(error.contains(QLatin1String("lambda")));
    QVERIFY(!analyse(ChartType::P, attribute({1, 2}, {0, 0}), {}, &error));
}

void TstSpc::resultJson()
{
    ChartOptions o;
    o.rules = only(Rule::Nelson1);
    QString error;
    const auto r = analyse(ChartType::C, attribute(kWaferDefects, std::vector<double>(25, 1.0)),
                           o, &error);
    QVERIFY(r);
    const QJsonObject j = toJson(*r);
    QCOMPARE(j.value(QStringLiteral("chart")).toString(), QStringLiteral("c"));
    const QJsonObject series = j.value(QStringLiteral("series")).toArray().at(0).toObject();
    QCOMPARE(series.value(QStringLiteral("center")).toDouble(), 16.0);
    QCOMPARE(series.value(QStringLiteral("ucl")).toDouble(), 28.0);
    QCOMPARE(series.value(QStringLiteral("points")).toArray().size(), 25);
    const QJsonObject v = j.value(QStringLiteral("violations")).toArray().at(0).toObject();
    QCOMPARE(v.value(QStringLiteral("rule")).toString(), QStringLiteral("N1"));
    QCOMPARE(v.value(QStringLiteral("point")).toInt(), 23);
    QCOMPARE(v.value(QStringLiteral("points")).toArray(), QJsonArray{23});
}

void TstSpc::medianChartPistonRings()
{
    QCOMPARE(parseChartType(QStringLiteral("median")), std::optional(ChartType::Median));
    QCOMPARE(chartTypeName(ChartType::Median), QStringLiteral("median"));
    ChartOptions o;
    o.rules = only(Rule::Nelson1);
    QString error;
    const auto r = analyse(ChartType::Median, pistonSubgroups(), o, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->primary.name, QStringLiteral("median"));
    QVERIFY(r->secondary);
    QCOMPARE(r->secondary->name, QStringLiteral("r"));
    // [REF] tests/reference/spc_reference.py "median chart on Montgomery Table 6.3": center =
    // mean of the 25 medians 74.0017600, R-bar 0.023240, limits 74.0178137 / 73.9857063.
    CHECK_NEAR(r->limits.center, 74.0017600, 1e-7);
    CHECK_NEAR(r->secondary->center.front(), 0.023240, 1e-6);
    CHECK_NEAR(r->primary.ucl.front(), 74.0178137, 2e-6);
    CHECK_NEAR(r->primary.lcl.front(), 73.9857063, 2e-6);
    // The AIAG form X~-bar +- A2~ R-bar with the table's A2~(5) = 0.691 (3 decimals).
    CHECK_NEAR(r->primary.ucl.front(), 74.0017600 + 0.691 * 0.023240, 0.0005 * 0.023240);
    // Sample 1 of Table 6.3: 74.030 74.002 74.019 73.992 74.008, median 74.008.
    CHECK_NEAR(r->primary.values.front(), 74.008, 1e-9);
    QCOMPARE(describe(r->violations), QStringList()); // no median beyond the limits ([REF])
}

void TstSpc::boxStatsTukey_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<double>("q1");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("q3");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<std::vector<double>>("outliers");
    // By hand, type 6: position (n + 1) p. Cross-checked with Python's
    // statistics.quantiles(data, n=4, method="exclusive") in tests/reference/spc_reference.py.
    // n = 7: positions 2, 4, 6 -> 4, 5, 9; IQR 5, fences -3.5 and 16.5: 30 is an outlier.
    QTest::newRow("odd with outlier") << std::vector<double> { 2, 4, 4, 5, 7, 9, 30 } << 4.0
                                      << 5.0 << 9.0 << 2.0 << 9.0 << std::vector<double> { 30 };
    // n = 5: positions 1.5, 3, 4.5 -> 1.5, 3, 52; fences -74.25 and 127.75: no outlier.
    QTest::newRow("wide box") << std::vector<double> { 1, 2, 3, 4, 100 } << 1.5 << 3.0 << 52.0
                              << 1.0 << 100.0 << std::vector<double> {};
    // n = 6 unsorted: sorted 1 1 3 4 5 9; positions 1.75, 3.5, 5.25 -> 1, 3.5, 6.
    QTest::newRow("even unsorted") << std::vector<double> { 3, 1, 4, 1, 5, 9 } << 1.0 << 3.5
                                   << 6.0 << 1.0 << 9.0 << std::vector<double> {};
    // n = 8: sorted 7 9.9 10 10 10.05 10.1 10.2 12.5; positions 2.25, 4.5, 6.75 ->
    // 9.925, 10.025, 10.175; IQR 0.25, fences 9.55 and 10.55: 7 and 12.5 are outliers.
    QTest::newRow("outliers both sides")
        << std::vector<double> { 10.0, 10.2, 9.9, 10.1, 10.0, 12.5, 7.0, 10.05 } << 9.925
        << 10.025 << 10.175 << 9.9 << 10.2 << std::vector<double> { 7.0, 12.5 };
}

void TstSpc::boxStatsTukey()
{
    QFETCH(std::vector<double>, values);
    QFETCH(double, q1);
    QFETCH(double, median);
    QFETCH(double, q3);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(std::vector<double>, outliers);
    const BoxStats b = boxStats(values);
    QCOMPARE(b.n, int(values.size()));
    CHECK_NEAR(b.q1, q1, 1e-12);
    CHECK_NEAR(b.median, median, 1e-12);
    CHECK_NEAR(b.q3, q3, 1e-12);
    CHECK_NEAR(b.lowerWhisker, low, 1e-12);
    CHECK_NEAR(b.upperWhisker, high, 1e-12);
    QCOMPARE(b.outliers, outliers);
    QCOMPARE(boxStats({}).n, 0);
}

void TstSpc::paretoRankingByHand()
{
    // Counts 12, 30, 0, 8, 30 (a tie, by name): total 80. Ranked: dent 30 (37.5 %, 37.5 %),
    // scratch 30 (37.5 %, 75 %), label 12 (15 %, 90 %), seal 8 (10 %, 100 %), burr 0 (0, 100 %).
    const std::vector<ParetoItem> p = paretoRanking({ { QStringLiteral("label"), 12 },
        { QStringLiteral("scratch"), 30 }, { QStringLiteral("burr"), 0 },
        { QStringLiteral("seal"), 8 }, { QStringLiteral("dent"), 30 } });
    QCOMPARE(p.size(), std::size_t(5));
    const QStringList names { QStringLiteral("dent"), QStringLiteral("scratch"),
        QStringLiteral("label"), QStringLiteral("seal"), QStringLiteral("burr") };
    const double percent[] = { 37.5, 37.5, 15.0, 10.0, 0.0 };
    const double cumulative[] = { 37.5, 75.0, 90.0, 100.0, 100.0 };
    for (std::size_t i = 0; i < p.size(); ++i) {
        QCOMPARE(p[i].name, names[int(i)]);
        CHECK_NEAR(p[i].percent, percent[i], 1e-12);
        CHECK_NEAR(p[i].cumulativePercent, cumulative[i], 1e-12);
    }
    // Nothing counted: no percentages, no division by zero; negative counts count as 0.
    const std::vector<ParetoItem> none
        = paretoRanking({ { QStringLiteral("a"), 0 }, { QStringLiteral("b"), -3 } });
    QCOMPARE(none.size(), std::size_t(2));
    QCOMPARE(none[1].cumulativePercent, 0.0);
}

void TstSpc::welchByHand()
{
    // a = 1 2 3 4 5: mean 3, s^2 2.5; b = 2 4 6: mean 4, s^2 4. Welch: se^2 = 2.5/5 + 4/3 =
    // 1.8333..., t = -1/1.354006 = -0.738549; df = 1.8333^2 / (0.5^2/4 + 1.3333^2/2) =
    // 3.361111 / 0.951389 = 3.532847. Pooled s^2 = (4*2.5 + 2*4)/6 = 3, d = -1/sqrt(3) =
    // -0.577350.
    const WelchTest w = welchTest({ 1, 2, 3, 4, 5 }, { 2, 4, 6 });
    QCOMPARE(w.n1, 5);
    QCOMPARE(w.n2, 3);
    CHECK_NEAR(w.difference, -1.0, 1e-12);
    CHECK_NEAR(w.t, -0.738549, 1e-6);
    CHECK_NEAR(w.df, 3.532847, 1e-6);
    CHECK_NEAR(w.cohenD, -0.577350, 1e-6);
    // Too few values: no statistic. No spread in either group but different means: infinite.
    QVERIFY(std::isnan(welchTest({ 1 }, { 2, 3 }).t));
    QVERIFY(std::isinf(welchTest({ 5, 5 }, { 1, 1, 1 }).t));
    QVERIFY(welchTest({ 5, 5 }, { 1, 1, 1 }).t > 0);
}

QTEST_GUILESS_MAIN(TstSpc)
#include "tst_spc.moc"
