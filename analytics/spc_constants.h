// Control chart constants (d2, d3, c4 and the factors built from them) for subgroup size n,
// computed from their statistical definitions rather than copied from a table, so they are
// exact for any n. Pure functions; used by analytics/spc.
//
// References for the definitions and the published table the tests check against:
// - ASTM E2587-16, "Standard Practice for Use of Control Charts in Statistical Process
//   Control", Table 1 (factors for control charts).
// - D. C. Montgomery, "Introduction to Statistical Quality Control", 6th ed., Wiley 2009,
//   Appendix VI "Factors for Constructing Variables Control Charts".
// - NIST/SEMATECH e-Handbook of Statistical Methods, §6.3.2 (Shewhart X-bar, R and S charts).
#pragma once

namespace andon::analytics::spc {

// Subgroup sizes the published tables cover, and the range this module tabulates (sizes
// outside it are computed on demand).
constexpr int kMinSubgroupSize = 2;
constexpr int kMaxTabulatedSubgroupSize = 25;

// Shewhart's 3-sigma limits (Shewhart 1931; Montgomery §5.3.2), the multiplier the factors
// below are built with.
constexpr double kShewhartSigmaMultiplier = 3.0;

struct ChartConstants
{
    int n = 0;
    // Moments of the relative range W = R/sigma of n normal values: d2 = E[W], d3 = sd(W).
    double d2 = 0, d3 = 0;
    // c4 = E[s]/sigma for the sample standard deviation s of n normal values.
    double c4 = 0;
    double A2 = 0; // X-bar limits from R-bar: 3 / (d2 sqrt n)
    double A3 = 0; // X-bar limits from S-bar: 3 / (c4 sqrt n)
    double D3 = 0, D4 = 0; // R chart: max(0, 1 - 3 d3/d2), 1 + 3 d3/d2
    double B3 = 0, B4 = 0; // S chart: max(0, 1 - 3 sqrt(1-c4^2)/c4), 1 + 3 sqrt(1-c4^2)/c4
    double E2 = 0; // individuals limits from the mean moving range of span n: 3 / d2
    // Standard deviation of the median of n standard normal values (the median's standard
    // error is medianSd * sigma), and the median chart factor A2~ = 3 medianSd / d2, so that
    // the median chart's limits are X~-bar +- A2~ R-bar (AIAG, "Statistical Process Control
    // (SPC) Reference Manual", 2nd ed., 2005, Appendix E: A2~ for n = 2..10).
    double medianSd = 0;
    double A2median = 0;
};

// c4(n) = sqrt(2/(n-1)) * Gamma(n/2) / Gamma((n-1)/2)   (Montgomery eq. 6.26; n >= 2).
double c4(int n);
// d2(n) = integral over x of [1 - Phi(x)^n - (1 - Phi(x))^n]   (the mean of the range of n
// standard normal values; Montgomery §6.2.1, Tippett 1925), by numerical integration.
double d2(int n);
// d3(n) = sqrt(E[W^2] - d2^2), with E[W^2] = 2 * double integral over s < t of
// [1 - (1-Phi(s))^n - Phi(t)^n + (Phi(t) - Phi(s))^n]   (W = integral of 1{min <= s < max}).
double d3(int n);

// sd of the sample median of n standard normal values (n >= 2): for odd n = 2k+1 the median is
// the order statistic X(k+1), Var = integral of x^2 f_(k+1)(x); for even n = 2k it is
// (X(k) + X(k+1))/2, Var = (E[X(k)^2] + E[X(k+1)^2] + 2 E[X(k) X(k+1)])/4 with the joint density
// of adjacent order statistics (H. A. David, H. N. Nagaraja, "Order Statistics", 3rd ed., 2003,
// eq. 2.2.1 and 2.2.2). By numerical integration.
double medianSd(int n);

// All constants for n >= 2. n in [2, 25] come from a table computed once; larger n are
// computed on each call (a few ms). n < 2 returns a zeroed struct with n = 0.
ChartConstants chartConstants(int n);

} // namespace andon::analytics::spc
