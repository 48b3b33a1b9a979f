#!/usr/bin/env python3
"""Independent reference values for tests/unit/tst_spc.cpp (plain Python 3, no numpy/scipy).

Run: python3 tests/reference/spc_reference.py
Every number the C++ tests compare against that is not printed in a publication comes from
here; the published numbers are checked here too, so a typo in the copied data shows up.

Sources of the data sets:
- Montgomery, Introduction to Statistical Quality Control, 6th ed. (2009), Table 6.3
  (inside diameters of forged piston rings, 25 samples of n = 5) with the published
  x-double-bar = 74.001, R-bar = 0.023, S-bar = 0.0094 (Examples 6.1 and 6.3).
- Montgomery, Table 9.1 (tabular CUSUM, mu0 = 10, sigma = 1, k = 0.5, h = 5).
- NIST/SEMATECH e-Handbook §6.3.2.4 (EWMA example, lambda = 0.3, target 50).
- NIST/SEMATECH e-Handbook §6.3.2.2 (individuals / moving range example).
- NIST/SEMATECH e-Handbook §6.3.3.1 (c chart, wafer defects) and §6.3.3.2 (p chart).
- Median chart: AIAG, Statistical Process Control (SPC) Reference Manual, 2nd ed. (2005),
  Appendix E (A2~ for n = 2..10), applied to Montgomery Table 6.3.
- Box plot quartiles: Python's statistics.quantiles(method="exclusive") (Hyndman-Fan type 6,
  Minitab); Welch t by its formula on the synthetic plant of tests/unit/tst_spc_insights.cpp.
"""
import math
import statistics

PISTON = [
    (74.030, 74.002, 74.019, 73.992, 74.008), (73.995, 73.992, 74.001, 74.011, 74.004),
    (73.988, 74.024, 74.021, 74.005, 74.002), (74.002, 73.996, 73.993, 74.015, 74.009),
    (73.992, 74.007, 74.015, 73.989, 74.014), (74.009, 73.994, 73.997, 73.985, 73.993),
    (73.995, 74.006, 73.994, 74.000, 74.005), (73.985, 74.003, 73.993, 74.015, 73.988),
    (74.008, 73.995, 74.009, 74.005, 74.004), (73.998, 74.000, 73.990, 74.007, 73.995),
    (73.994, 73.998, 73.994, 73.995, 73.990), (74.004, 74.000, 74.007, 74.000, 73.996),
    (73.983, 74.002, 73.998, 73.997, 74.012), (74.006, 73.967, 73.994, 74.000, 73.984),
    (74.012, 74.014, 73.998, 73.999, 74.007), (74.000, 73.984, 74.005, 73.998, 73.996),
    (73.994, 74.012, 73.986, 74.005, 74.007), (74.006, 74.010, 74.018, 74.003, 74.000),
    (73.984, 74.002, 74.003, 74.005, 73.997), (74.000, 74.010, 74.013, 74.020, 74.003),
    (73.982, 74.001, 74.015, 74.005, 73.996), (74.004, 73.999, 73.990, 74.006, 74.009),
    (74.010, 73.989, 73.990, 74.009, 74.014), (74.015, 74.008, 73.993, 74.000, 74.010),
    (73.982, 73.984, 73.995, 74.017, 74.013),
]
# Per-sample means and ranges as printed in Table 6.3 (to check the copied data).
PISTON_MEANS = [74.010, 74.001, 74.008, 74.003, 74.003, 73.996, 74.000, 73.997, 74.004,
                73.998, 73.994, 74.001, 73.998, 73.990, 74.006, 73.997, 74.001, 74.007,
                73.998, 74.009, 74.000, 74.002, 74.002, 74.005, 73.998]
PISTON_RANGES = [0.038, 0.019, 0.036, 0.022, 0.026, 0.024, 0.012, 0.030, 0.014, 0.017,
                 0.008, 0.011, 0.029, 0.039, 0.016, 0.021, 0.026, 0.018, 0.021, 0.020,
                 0.033, 0.019, 0.025, 0.022, 0.035]

EWMA = [52.0, 47.0, 53.0, 49.3, 50.1, 47.0, 51.0, 50.1, 51.2, 50.5,
        49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1]
CUSUM = [9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34,
         9.03, 11.47, 10.51, 9.40, 10.08, 9.37, 10.62, 10.31, 8.52, 10.84,
         10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62, 11.31, 10.52]
IMR = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1]
C_WAFERS = [16, 14, 28, 16, 12, 20, 10, 12, 10, 17, 19, 17, 14, 16, 15, 13, 14, 16, 11, 20,
            11, 19, 16, 31, 13]
P_WAFERS = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18,
            24, 15, 9, 12, 7, 13, 9, 6]


def phi(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def c4(n):
    return math.sqrt(2.0 / (n - 1)) * math.exp(math.lgamma(n / 2) - math.lgamma((n - 1) / 2))


def d2(n, h=0.001, x=9.0):
    # Trapezoid rule on a finer grid than the C++ Simpson rule: an independent evaluation.
    steps = int(2 * x / h)
    s = 0.0
    for i in range(steps + 1):
        p = phi(-x + i * h)
        w = 0.5 if i in (0, steps) else 1.0
        s += w * (1 - p ** n - (1 - p) ** n)
    return s * h


def anderson_darling(values):
    """A^2 (case 3), A*^2 = A^2 (1 + 0.75/n + 2.25/n^2), p-value (D'Agostino & Stephens 1986)."""
    y = sorted(values)
    n = len(y)
    m = statistics.mean(y)
    s = statistics.stdev(y)
    total = 0.0
    for i in range(1, n + 1):
        zi = (y[i - 1] - m) / s
        zj = (y[n - i] - m) / s
        total += (2 * i - 1) * (math.log(phi(zi)) + math.log(1 - phi(zj)))
    a2 = -n - total / n
    a = a2 * (1 + 0.75 / n + 2.25 / n ** 2)
    if a >= 0.6:
        p = math.exp(1.2937 - 5.709 * a + 0.0186 * a * a)
    elif a >= 0.34:
        p = math.exp(0.9177 - 4.279 * a - 1.38 * a * a)
    elif a >= 0.2:
        p = 1 - math.exp(-8.318 + 42.796 * a - 59.938 * a * a)
    else:
        p = 1 - math.exp(-13.436 + 101.14 * a - 223.73 * a * a)
    return a2, a, p


def median_sd(n, h=0.001, x=8.0):
    """Standard deviation of the median of n standard normal values (trapezoid rule)."""
    steps = int(round(2 * x / h))
    pdf = lambda t: math.exp(-t * t / 2) / math.sqrt(2 * math.pi)
    if n % 2 == 1:
        k = (n - 1) // 2
        c = math.factorial(n) / math.factorial(k) ** 2
        total = 0.0
        for i in range(steps + 1):
            t = -x + i * h
            p = phi(t)
            w = 0.5 if i in (0, steps) else 1.0
            total += w * t * t * c * (p * (1 - p)) ** k * pdf(t)
        return math.sqrt(total * h)
    k = n // 2
    c_marginal = math.factorial(n) / (math.factorial(k - 1) * math.factorial(n - k))
    c_joint = math.factorial(n) / (math.factorial(k - 1) * math.factorial(n - k - 1))
    square = product = inner = 0.0
    previous = None
    for i in range(steps + 1):
        t = -x + i * h
        p = phi(t)
        f = pdf(t)
        w = 0.5 if i in (0, steps) else 1.0
        square += w * t * t * c_marginal * p ** (k - 1) * (1 - p) ** (n - k) * f
        g = t * p ** (k - 1) * f
        if previous is not None:
            inner += 0.5 * (g + previous) * h
        previous = g
        product += w * c_joint * t * f * (1 - p) ** (n - k - 1) * inner
    return math.sqrt((2 * square + 2 * product) * h / 4)


# AIAG SPC manual, 2nd ed. (2005), Appendix E: A2~ for median charts, n = 2..10.
AIAG_A2_MEDIAN = {2: 1.880, 3: 1.187, 4: 0.796, 5: 0.691, 6: 0.548, 7: 0.508, 8: 0.433,
                  9: 0.412, 10: 0.362}


def welch(a, b):
    ma, mb = statistics.mean(a), statistics.mean(b)
    va, vb = statistics.variance(a) / len(a), statistics.variance(b) / len(b)
    t = (ma - mb) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    pooled = math.sqrt(((len(a) - 1) * statistics.variance(a) + (len(b) - 1) * statistics.variance(b))
                       / (len(a) + len(b) - 2))
    return ma, mb, t, df, (ma - mb) / pooled


# The synthetic plant of tests/unit/tst_spc_insights.cpp (correlateRanksTheCause): 40 subgroups
# of 5 weights (one a minute); subgroups 29, 32, 35 (0-based) are shifted by +0.08 kg. Each
# process tag holds one value per subgroup (published every 20 s through the subgroup's 5 minutes).
INSIGHT_SUBGROUPS = 40
INSIGHT_SHIFTED = {29, 32, 35}


def insight_weight(i):
    return 6.0 + 0.01 * math.sin(0.9 * i) + (0.08 if i // 5 in INSIGHT_SHIFTED else 0.0)


def insight_tags(g):
    ooc = g in INSIGHT_SHIFTED
    return {
        "motor_temp": 60.0 + (8.0 if ooc else 0.0) + 0.5 * math.sin(1.3 * g),
        "line_speed": 120.0 + 2.0 * math.sin(0.7 * g + 1.0),
        "air_pressure": 6.0 + 0.2 * math.cos(2.1 * g),
    }


def main():
    print("== piston rings (Montgomery Table 6.3)")
    for i, s in enumerate(PISTON):
        assert round(statistics.mean(s), 3) == PISTON_MEANS[i], (i, statistics.mean(s))
        assert round(max(s) - min(s), 3) == PISTON_RANGES[i], (i, max(s) - min(s))
    means = [statistics.mean(s) for s in PISTON]
    ranges = [max(s) - min(s) for s in PISTON]
    sds = [statistics.stdev(s) for s in PISTON]
    xbb = statistics.mean(means)
    rbar = statistics.mean(ranges)
    sbar = statistics.mean(sds)
    d2_5 = d2(5)
    sigma_r = rbar / d2_5
    sigma_s = sbar / c4(5)
    print(f"xbarbar={xbb:.6f} rbar={rbar:.6f} sbar={sbar:.6f} d2(5)={d2_5:.6f} c4(5)={c4(5):.6f}")
    print(f"sigma R/d2={sigma_r:.7f}  sigma S/c4={sigma_s:.7f}")
    print(f"xbar-R limits {xbb + 3 * sigma_r / math.sqrt(5):.6f} {xbb - 3 * sigma_r / math.sqrt(5):.6f}")
    print(f"xbar-S limits {xbb + 3 * sigma_s / math.sqrt(5):.6f} {xbb - 3 * sigma_s / math.sqrt(5):.6f}")
    allv = [v for s in PISTON for v in s]
    m = statistics.mean(allv)
    sd = statistics.stdev(allv)
    print(f"all 125: mean={m:.7f} sd={sd:.7f}")
    for name, sig in (("within R", sigma_r), ("overall", sd)):
        cp = 0.1 / (6 * sig)
        cpk = min(74.05 - m, m - 73.95) / (3 * sig)
        print(f"  spec 73.95..74.05 {name}: Cp/Pp={cp:.5f} Cpk/Ppk={cpk:.5f}")
    print("  AD piston: A2=%.6f A*2=%.6f p=%.6f" % anderson_darling(allv))

    print("== EWMA (NIST 6.3.2.4)")
    print(f"stdev={statistics.stdev(EWMA):.5f} mean={statistics.mean(EWMA):.4f}")
    lam, target, s, L = 0.3, 50.0, 2.0539, 3.0
    z = target
    zs = []
    for i, x in enumerate(EWMA, 1):
        z = lam * x + (1 - lam) * z
        half = L * s * math.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * i)))
        zs.append(z)
        print(f"  i={i:2d} z={z:.4f} ucl={target + half:.4f} lcl={target - half:.4f}")
    print(f"asymptotic: {target + L * s * math.sqrt(lam / (2 - lam)):.4f}")

    print("== CUSUM (Montgomery Table 9.1)")
    hi = lo = 0.0
    for i, x in enumerate(CUSUM, 1):
        hi = max(0.0, x - 10.5 + hi)
        lo = max(0.0, 9.5 - x + lo)
        print(f"  i={i:2d} C+={hi:.2f} C-={lo:.2f}{'  SIGNAL' if hi > 5 or lo > 5 else ''}")

    print("== I-MR (NIST 6.3.2.2)")
    mr = [abs(b - a) for a, b in zip(IMR, IMR[1:])]
    mrbar = statistics.mean(mr)
    xb = statistics.mean(IMR)
    print(f"xbar={xb:.4f} mrbar={mrbar:.4f} UCL={xb + 3 * mrbar / d2(2):.4f} "
          f"LCL={xb - 3 * mrbar / d2(2):.4f} MR UCL (D4)={mrbar * (1 + 3 * 0.8525 / d2(2)):.4f}")

    print("== c chart (NIST 6.3.3.1)")
    cbar = statistics.mean(C_WAFERS)
    print(f"cbar={cbar} UCL={cbar + 3 * math.sqrt(cbar)} LCL={cbar - 3 * math.sqrt(cbar)}")
    print("== p chart (NIST 6.3.3.2)")
    pbar = sum(P_WAFERS) / (50 * len(P_WAFERS))
    half = 3 * math.sqrt(pbar * (1 - pbar) / 50)
    print(f"pbar={pbar:.5f} UCL={pbar + half:.5f} LCL={pbar - half:.5f}")
    print([i for i, d in enumerate(P_WAFERS) if d / 50 > pbar + half or d / 50 < pbar - half])

    print("== AD on a skewed set (squares of 1..20)")
    print("A2=%.6f A*2=%.6f p=%.6g" % anderson_darling([float(i * i) for i in range(1, 21)]))
    print("== AD on powers of 2 (2^0 .. 2^11, clearly not normal)")
    print("A2=%.6f A*2=%.6f p=%.6g" % anderson_darling([2.0 ** i for i in range(12)]))
    print("== AD on 1..20 (uniform spacing)")
    print("A2=%.6f A*2=%.6f p=%.6g" % anderson_darling([float(i) for i in range(1, 21)]))

    print("== median chart constants (sd of the median, A2~ = 3 sd / d2) vs AIAG Appendix E")
    for n in range(2, 11):
        sd = median_sd(n)
        a2m = 3 * sd / d2(n)
        assert abs(a2m - AIAG_A2_MEDIAN[n]) < 1.5e-3, (n, a2m)
        print(f"  n={n:2d} sd(median)={sd:.7f} A2~={a2m:.5f} (AIAG {AIAG_A2_MEDIAN[n]:.3f})")
    print("== median chart on Montgomery Table 6.3")
    medians = [statistics.median(s) for s in PISTON]
    rbar = statistics.mean([max(s) - min(s) for s in PISTON])
    center = statistics.mean(medians)
    half = 3 * median_sd(5) * rbar / d2(5)
    print(f"center={center:.7f} rbar={rbar:.6f} UCL={center + half:.7f} LCL={center - half:.7f}")
    print(f"  with the AIAG table A2~ = 0.691: UCL={center + 0.691 * rbar:.6f} "
          f"LCL={center - 0.691 * rbar:.6f}")
    print(f"  medians beyond the limits: "
          f"{[i for i, m in enumerate(medians) if m > center + half or m < center - half]}")

    print("== box plot quartiles (statistics.quantiles, exclusive = type 6)")
    for data in ([2, 4, 4, 5, 7, 9, 30], [1, 2, 3, 4, 100], [3, 1, 4, 1, 5, 9],
                 [10.0, 10.2, 9.9, 10.1, 10.0, 12.5, 7.0, 10.05]):
        q1, q2, q3 = statistics.quantiles(data, n=4, method="exclusive")
        iqr = q3 - q1
        inside = [v for v in data if q1 - 1.5 * iqr <= v <= q3 + 1.5 * iqr]
        out = sorted(v for v in data if v not in inside)
        print(f"  {data}: Q1={q1:.6g} median={q2:.6g} Q3={q3:.6g} whiskers "
              f"{min(inside):.6g}..{max(inside):.6g} outliers {out}")

    print("== synthetic plant of tst_spc_insights (Welch t, out-of-control vs in-control)")
    weights = [insight_weight(i) for i in range(5 * INSIGHT_SUBGROUPS)]
    groups = [weights[5 * g:5 * g + 5] for g in range(INSIGHT_SUBGROUPS)]
    base = groups[:25]
    xbb = statistics.mean([v for g in base for v in g])
    sigma = statistics.mean([(max(g) - min(g)) / d2(5) for g in base])
    se = sigma / math.sqrt(5)
    ooc = [g for g in range(INSIGHT_SUBGROUPS)
           if abs(statistics.mean(groups[g]) - xbb) > 3 * se]
    print(f"  center={xbb:.6f} sigma={sigma:.6f} N1 subgroups={ooc}")
    assert set(ooc) == INSIGHT_SHIFTED
    for name in ("motor_temp", "line_speed", "air_pressure"):
        a = [insight_tags(g)[name] for g in range(INSIGHT_SUBGROUPS) if g in INSIGHT_SHIFTED]
        b = [insight_tags(g)[name] for g in range(INSIGHT_SUBGROUPS) if g not in INSIGHT_SHIFTED]
        ma, mb, t, df, d = welch(a, b)
        print(f"  {name}: mean OOC={ma:.10f} mean IC={mb:.10f} t={t:.10f} df={df:.6f} d={d:.8f}")


if __name__ == "__main__":
    main()
