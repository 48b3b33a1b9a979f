#include "analytics/spc_constants.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace andon::analytics::spc {

namespace {

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

// Integration grid. Outside |x| <= 8 the standard normal tail is below 1e-15, and the range of
// at most a few dozen normal values exceeds 12 sigma with a probability far below the 4
// decimals the published tables carry. Simpson's rule on these smooth integrands with step
// 0.05 (0.01 for the single integral) is accurate to better than 1e-7 (checked against the
// published tables in tests/unit/tst_spc_constants.cpp).
constexpr double kTail = 8.0;
constexpr double kStep1 = 0.01;
constexpr double kOuterTail = 7.0;
constexpr double kMaxRange = 12.0;
constexpr double kStep2 = 0.05;

double simpsonWeight(int i, int intervals)
{
    if (i == 0 || i == intervals)
        return 1.0;
    return (i % 2 == 1) ? 4.0 : 2.0;
}

ChartConstants compute(int n)
{
    ChartConstants k;
    if (n < kMinSubgroupSize)
        return k;
    k.n = n;
    k.c4 = c4(n);
    k.d2 = d2(n);
    k.d3 = d3(n);
    const double sqrtN = std::sqrt(static_cast<double>(n));
    const double m = kShewhartSigmaMultiplier;
    k.A2 = m / (k.d2 * sqrtN);
    k.A3 = m / (k.c4 * sqrtN);
    k.D3 = std::max(0.0, 1.0 - m * k.d3 / k.d2);
    k.D4 = 1.0 + m * k.d3 / k.d2;
    const double sRel = std::sqrt(1.0 - k.c4 * k.c4) / k.c4;
    k.B3 = std::max(0.0, 1.0 - m * sRel);
    k.B4 = 1.0 + m * sRel;
    k.E2 = m / k.d2;
    k.medianSd = medianSd(n);
    k.A2median = m * k.medianSd / k.d2;
    return k;
}

} // namespace

double c4(int n)
{
    if (n < kMinSubgroupSize)
        return 0.0;
    const double dn = static_cast<double>(n);
    // Through log-gamma: Gamma(n/2) overflows a double for n above ~340.
    return std::sqrt(2.0 / (dn - 1.0))
        * std::exp(std::lgamma(dn / 2.0) - std::lgamma((dn - 1.0) / 2.0));
}

double d2(int n)
{
    if (n < kMinSubgroupSize)
        return 0.0;
    const int intervals = static_cast<int>(std::lround(2.0 * kTail / kStep1));
    double sum = 0.0;
    for (int i = 0; i <= intervals; ++i) {
        const double p = normalCdf(-kTail + i * kStep1);
        sum += simpsonWeight(i, intervals) * (1.0 - std::pow(p, n) - std::pow(1.0 - p, n));
    }
    return sum * kStep1 / 3.0;
}

double d3(int n)
{
    if (n < kMinSubgroupSize)
        return 0.0;
    const int outer = static_cast<int>(std::lround(2.0 * kOuterTail / kStep2));
    const int inner = static_cast<int>(std::lround(kMaxRange / kStep2));
    // Phi on the grid s + u, which runs from -kOuterTail to kOuterTail + kMaxRange.
    std::vector<double> phi(static_cast<std::size_t>(outer + inner + 1));
    for (std::size_t i = 0; i < phi.size(); ++i)
        phi[i] = normalCdf(-kOuterTail + static_cast<double>(i) * kStep2);
    double outerSum = 0.0;
    for (int i = 0; i <= outer; ++i) {
        const double ps = phi[static_cast<std::size_t>(i)];
        const double lowerTail = std::pow(1.0 - ps, n);
        double innerSum = 0.0;
        for (int j = 0; j <= inner; ++j) {
            const double pt = phi[static_cast<std::size_t>(i + j)];
            const double g = 1.0 - lowerTail - std::pow(pt, n) + std::pow(pt - ps, n);
            innerSum += simpsonWeight(j, inner) * g;
        }
        outerSum += simpsonWeight(i, outer) * innerSum * kStep2 / 3.0;
    }
    const double meanSquare = 2.0 * outerSum * kStep2 / 3.0;
    const double mean = d2(n);
    return std::sqrt(std::max(0.0, meanSquare - mean * mean));
}

double medianSd(int n)
{
    if (n < kMinSubgroupSize)
        return 0.0;
    // Trapezoid rule with a fine step: the integrands are smooth and vanish beyond |x| = 8, so
    // the error is O(h^2) ~ 1e-7, far below the 3 decimals of the published A2~ table.
    constexpr double kStepMedian = 0.001;
    const int steps = static_cast<int>(std::lround(2.0 * kTail / kStepMedian));
    const auto logFactorial = [](int m) { return std::lgamma(static_cast<double>(m) + 1.0); };
    const auto density = [](double x) {
        return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
    };
    if (n % 2 == 1) {
        const int k = (n - 1) / 2;
        // f_(k+1)(x) = n! / (k! k!) Phi^k (1 - Phi)^k phi
        const double c = std::exp(logFactorial(n) - 2.0 * logFactorial(k));
        double sum = 0.0;
        for (int i = 0; i <= steps; ++i) {
            const double x = -kTail + i * kStepMedian;
            const double p = normalCdf(x);
            const double w = (i == 0 || i == steps) ? 0.5 : 1.0;
            sum += w * x * x * c * std::pow(p * (1.0 - p), k) * density(x);
        }
        return std::sqrt(sum * kStepMedian);
    }
    const int k = n / 2;
    // Marginal of X(k): n! / ((k-1)! (n-k)!) Phi^(k-1) (1-Phi)^(n-k) phi; by symmetry
    // E[X(k)^2] = E[X(k+1)^2]. Joint of X(k) < X(k+1):
    // n! / ((k-1)! (n-k-1)!) Phi(x)^(k-1) (1 - Phi(y))^(n-k-1) phi(x) phi(y).
    const double cMarginal = std::exp(logFactorial(n) - logFactorial(k - 1) - logFactorial(n - k));
    const double cJoint
        = std::exp(logFactorial(n) - logFactorial(k - 1) - logFactorial(n - k - 1));
    double square = 0.0, product = 0.0;
    double inner = 0.0; // integral from -inf to y of x Phi(x)^(k-1) phi(x) dx
    double previous = 0.0;
    for (int i = 0; i <= steps; ++i) {
        const double x = -kTail + i * kStepMedian;
        const double p = normalCdf(x);
        const double f = density(x);
        const double w = (i == 0 || i == steps) ? 0.5 : 1.0;
        square += w * x * x * cMarginal * std::pow(p, k - 1) * std::pow(1.0 - p, n - k) * f;
        const double g = x * std::pow(p, k - 1) * f;
        if (i > 0)
            inner += 0.5 * (g + previous) * kStepMedian;
        previous = g;
        product += w * cJoint * x * f * std::pow(1.0 - p, n - k - 1) * inner;
    }
    const double variance = (2.0 * square + 2.0 * product) * kStepMedian / 4.0;
    return std::sqrt(std::max(0.0, variance));
}

ChartConstants chartConstants(int n)
{
    if (n < kMinSubgroupSize)
        return {};
    if (n > kMaxTabulatedSubgroupSize)
        return compute(n);
    // Built once, thread-safe (C++11 static initialisation).
    static const std::array<ChartConstants, kMaxTabulatedSubgroupSize + 1> table = [] {
        std::array<ChartConstants, kMaxTabulatedSubgroupSize + 1> t {};
        for (int i = kMinSubgroupSize; i <= kMaxTabulatedSubgroupSize; ++i)
            t[static_cast<std::size_t>(i)] = compute(i);
        return t;
    }();
    return table[static_cast<std::size_t>(n)];
}

} // namespace andon::analytics::spc
