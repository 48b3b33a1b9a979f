// Control chart constants computed from their definitions (analytics/spc_constants) against the
// published table: D. C. Montgomery, Introduction to Statistical Quality Control, 6th ed.
// (Wiley 2009), Appendix VI "Factors for Constructing Variables Control Charts" (the same values
// as ASTM E2587-16 Table 1 and the NIST/SEMATECH e-Handbook §6.3.2 tables). The table prints
// c4 to 4 decimals and the rest to 3; D3/D4 there were computed from the rounded d2 and d3, so
// they get a looser tolerance.
#include "analytics/spc_constants.h"
#include "tests/support/test_support.h"

#include <QtTest>

using namespace andon::analytics::spc;

class TstSpcConstants : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { andon::test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(andon::test::unexpectedWarnings(), QStringList()); }

    void publishedTable_data();
    void publishedTable();
    void outsideTable();
    void medianFactors_data();
    void medianFactors();
};

void TstSpcConstants::publishedTable_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("A2");
    QTest::addColumn<double>("A3");
    QTest::addColumn<double>("c4");
    QTest::addColumn<double>("B3");
    QTest::addColumn<double>("B4");
    QTest::addColumn<double>("d2");
    QTest::addColumn<double>("d3");
    QTest::addColumn<double>("D3");
    QTest::addColumn<double>("D4");
    // Montgomery (2009), Appendix VI.
    struct Row
    {
        int n;
        double A2, A3, c4, B3, B4, d2, d3, D3, D4;
    };
    const Row rows[] = {
            {2, 1.880, 2.659, 0.7979, 0, 3.267, 1.128, 0.853, 0, 3.267},
            {3, 1.023, 1.954, 0.8862, 0, 2.568, 1.693, 0.888, 0, 2.574},
            {4, 0.729, 1.628, 0.9213, 0, 2.266, 2.059, 0.880, 0, 2.282},
            {5, 0.577, 1.427, 0.9400, 0, 2.089, 2.326, 0.864, 0, 2.114},
            {6, 0.483, 1.287, 0.9515, 0.030, 1.970, 2.534, 0.848, 0, 2.004},
            {7, 0.419, 1.182, 0.9594, 0.118, 1.882, 2.704, 0.833, 0.076, 1.924},
            {8, 0.373, 1.099, 0.9650, 0.185, 1.815, 2.847, 0.820, 0.136, 1.864},
            {9, 0.337, 1.032, 0.9693, 0.239, 1.761, 2.970, 0.808, 0.184, 1.816},
            {10, 0.308, 0.975, 0.9727, 0.284, 1.716, 3.078, 0.797, 0.223, 1.777},
            {11, 0.285, 0.927, 0.9754, 0.321, 1.679, 3.173, 0.787, 0.256, 1.744},
            {12, 0.266, 0.886, 0.9776, 0.354, 1.646, 3.258, 0.778, 0.283, 1.717},
            {13, 0.249, 0.850, 0.9794, 0.382, 1.618, 3.336, 0.770, 0.307, 1.693},
            {14, 0.235, 0.817, 0.9810, 0.406, 1.594, 3.407, 0.763, 0.328, 1.672},
            {15, 0.223, 0.789, 0.9823, 0.428, 1.572, 3.472, 0.756, 0.347, 1.653},
            {16, 0.212, 0.763, 0.9835, 0.448, 1.552, 3.532, 0.750, 0.363, 1.637},
            {17, 0.203, 0.739, 0.9845, 0.466, 1.534, 3.588, 0.744, 0.378, 1.622},
            {18, 0.194, 0.718, 0.9854, 0.482, 1.518, 3.640, 0.739, 0.391, 1.608},
            {19, 0.187, 0.698, 0.9862, 0.497, 1.503, 3.689, 0.734, 0.403, 1.597},
            {20, 0.180, 0.680, 0.9869, 0.510, 1.490, 3.735, 0.729, 0.415, 1.585},
            {21, 0.173, 0.663, 0.9876, 0.523, 1.477, 3.778, 0.724, 0.425, 1.575},
            {22, 0.167, 0.647, 0.9882, 0.534, 1.466, 3.819, 0.720, 0.434, 1.566},
            {23, 0.162, 0.633, 0.9887, 0.545, 1.455, 3.858, 0.716, 0.443, 1.557},
            {24, 0.157, 0.619, 0.9892, 0.555, 1.445, 3.895, 0.712, 0.451, 1.548},
            {25, 0.153, 0.606, 0.9896, 0.565, 1.435, 3.931, 0.708, 0.459, 1.541},
    };
    for (const Row &r : rows) {
        QTest::addRow("n=%d", r.n) << r.n << r.A2 << r.A3 << r.c4 << r.B3 << r.B4 << r.d2 << r.d3
                                   << r.D3 << r.D4;
    }
}

void TstSpcConstants::publishedTable()
{
    QFETCH(int, n);
    const ChartConstants k = chartConstants(n);
    QCOMPARE(k.n, n);
    // Half a unit in the last printed decimal, plus a little for the table's own rounding.
    constexpr double k3 = 0.0006, k4 = 0.00006, derived = 0.002;
    const auto check = [](const char *name, double got, double want, double tol) {
        if (std::abs(got - want) > tol)
            QFAIL(qPrintable(QStringLiteral("%1: computed %2, published %3")
                                     .arg(QLatin1String(name))
                                     .arg(got, 0, 'f', 5)
                                     .arg(want, 0, 'f', 4)));
    };
    QFETCH(double, A2);
    QFETCH(double, A3);
    QFETCH(double, c4);
    QFETCH(double, B3);
    QFETCH(double, B4);
    QFETCH(double, d2);
    QFETCH(double, d3);
    QFETCH(double, D3);
    QFETCH(double, D4);
    check("c4", k.c4, c4, k4);
    check("d2", k.d2, d2, k3);
    check("d3", k.d3, d3, k3);
    check("A2", k.A2, A2, k3);
    check("A3", k.A3, A3, k3);
    check("B3", k.B3, B3, k3);
    check("B4", k.B4, B4, k3);
    check("D3", k.D3, D3, derived);
    check("D4", k.D4, D4, derived);
    // E2 = 3/d2: for n = 2 the individuals factor 2.660 (Montgomery §6.4).
    check("E2", k.E2, 3.0 / d2, derived);
}

void TstSpcConstants::outsideTable()
{
    QCOMPARE(chartConstants(1).n, 0);
    QCOMPARE(chartConstants(0).n, 0);
    // Above the table the functions still compute: c4 -> 1 and d2 grows (d2(30) = 4.086 and
    // c4(30) = 0.9914 in ASTM E2587 Table 1, which extends to n = 100 for c4).
    const ChartConstants k = chartConstants(30);
    QCOMPARE(k.n, 30);
    QVERIFY(std::abs(k.d2 - 4.086) < 0.0006);
    QVERIFY(std::abs(k.c4 - 0.9914) < 0.00006);
    QCOMPARE(chartConstants(2).E2, 3.0 / chartConstants(2).d2);
}

void TstSpcConstants::medianFactors_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("A2median");
    QTest::addColumn<double>("medianSd");
    // A2~: AIAG, "Statistical Process Control (SPC) Reference Manual", 2nd ed. (2005),
    // Appendix E, 3 decimals (products of rounded factors: +-1.5e-3). sd of the median:
    // tests/reference/spc_reference.py (median_sd, an independent trapezoid evaluation); n = 2
    // is exactly 1/sqrt(2) (the median of two values is their mean).
    const double aiag[] = { 1.880, 1.187, 0.796, 0.691, 0.548, 0.508, 0.433, 0.412, 0.362 };
    const double sd[] = { 0.7071068, 0.6698292, 0.5460766, 0.5355685, 0.4634034, 0.4587449,
        0.4100987, 0.4075552, 0.3719227 };
    for (int n = 2; n <= 10; ++n)
        QTest::addRow("n=%d", n) << n << aiag[n - 2] << sd[n - 2];
}

void TstSpcConstants::medianFactors()
{
    QFETCH(int, n);
    QFETCH(double, A2median);
    QFETCH(double, medianSd);
    const andon::analytics::spc::ChartConstants k = andon::analytics::spc::chartConstants(n);
    QVERIFY2(std::abs(k.A2median - A2median) <= 1.5e-3,
        qPrintable(QStringLiteral("A2~(%1) = %2").arg(n).arg(k.A2median, 0, 'f', 5)));
    QVERIFY2(std::abs(k.medianSd - medianSd) <= 1e-6,
        qPrintable(QStringLiteral("sd median(%1) = %2").arg(n).arg(k.medianSd, 0, 'f', 7)));
}

QTEST_GUILESS_MAIN(TstSpcConstants)
#include "tst_spc_constants.moc"
