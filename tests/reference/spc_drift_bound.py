#!/usr/bin/env python3
"""Detection bound behind tst_spc_sim (plain Python 3, no packages).

The simulator's spc-drift scenario shifts the mean of every quality characteristic by
k = 1.5 process sigma at the truth's start_ms (sim/plant_simulator.cpp, kDriftShiftSigma).
On an X-bar chart with subgroups of n = 5 and 3-sigma limits, the probability that a subgroup
drawn after the shift is NOT beyond the limits (Western Electric/Nelson rule 1) is the beta risk
of the operating-characteristic curve, Montgomery, Introduction to Statistical Quality Control,
6th ed. (2009), §6.2.6, eq. (6.19):

    beta = Phi(L - k sqrt(n)) - Phi(-L - k sqrt(n))

The run length to the first rule-1 signal is geometric: ARL1 = 1 / (1 - beta), and the chance
that none of the first K post-shift subgroups signals is beta**K. The other Nelson rules only add
signals, so this bounds the all-rules chart too.
"""
import math


def phi(z):
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


L, k, n = 3.0, 1.5, 5
shift = k * math.sqrt(n)
beta = phi(L - shift) - phi(-L - shift)
print(f"shift of the subgroup mean: {shift:.4f} standard errors")
print(f"beta (no rule-1 signal per subgroup): {beta:.4f}")
print(f"ARL1 = {1.0 / (1.0 - beta):.3f} subgroups")
for K in (5, 10):
    print(f"P(no signal within {K} subgroups) = {beta ** K:.3g}")
