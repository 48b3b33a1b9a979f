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


if __name__ == "__main__":
    main()
