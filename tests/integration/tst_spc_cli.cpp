// The real `andon-cli spc` on the published data sets in tests/data (copied from the sources
// cited in their first line) and on generated files: JSON numbers, text output, one chart per
// product, argument errors naming the bad argument, and the configured-characteristic variant
// (historian filled with `andon-cli import`, spec limits from the demo plant config).
//
// Expected values: tests/reference/spc_reference.py ([REF]) and the publications cited in
// tests/unit/tst_spc.cpp (Montgomery Table 6.3; NIST/SEMATECH e-Handbook §6.3.3.1, §6.3.3.2).
#include "core/sample.h"
#include "tests/support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace andon;

namespace {

using Run = test::ToolRun;

Run runCli(const QStringList &args)
{
    return test::runTool(QStringLiteral("andon-cli"), args);
}

QString dataFile(const char *name)
{
    return test::sourceDir() + QStringLiteral("/tests/data/") + QLatin1String(name);
}

QJsonObject parse(const Run &r)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError)
        qWarning("not JSON: %s\n%s", qPrintable(e.errorString()), qPrintable(r.out));
    return d.object();
}

QJsonObject firstChart(const QJsonObject &doc)
{
    return doc.value(QStringLiteral("charts")).toArray().at(0).toObject();
}

QJsonObject series(const QJsonObject &chart, int i)
{
    return chart.value(QStringLiteral("series")).toArray().at(i).toObject();
}

double num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toDouble(qQNaN());
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// Piston ring data (Montgomery Table 6.3), read back from tests/data for the historian test.
std::vector<double> pistonValues()
{
    std::vector<double> v;
    QFile f(dataFile("spc_piston_rings.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return v;
    while (!f.atEnd()) {
        const QList<QByteArray> fields = f.readLine().trimmed().split(',');
        bool ok = false;
        const double x = fields.value(2).toDouble(&ok);
        if (ok)
            v.push_back(x);
    }
    return v;
}

#define CHECK_NEAR(actual, expected, tol)                                                      \
    QVERIFY2(std::abs((actual) - (expected)) <= (tol),                                         \
             qPrintable(QStringLiteral("%1 = %2, expected %3")                                 \
                                .arg(QLatin1String(#actual))                                   \
                                .arg((actual), 0, 'g', 10)                                     \
                                .arg((expected), 0, 'g', 10)))

} // namespace

class TstSpcCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::installStrictMessageHandler(); }
    void cleanup() { QCOMPARE(test::unexpectedWarnings(), QStringList()); }

    void pistonRingsJson_data();
    void pistonRingsJson();
    void cChartText();
    void pChartJson();
    void chartPerProduct();
    void badRowsAreReportedAndSkipped();
    void argumentErrors_data();
    void argumentErrors();
    void configuredCharacteristic();
    void medianChartJson();
};

void TstSpcCli::pistonRingsJson_data()
{
    QTest::addColumn<QStringList>("grouping");
    // Three ways to the same 25 subgroups of 5: the subgroup column, --subgroup 5, and 15-minute
    // windows (the file's times put each sample in its own quarter hour).
    QTest::newRow("subgroup column") << QStringList();
    QTest::newRow("--subgroup 5") << QStringList{QStringLiteral("--subgroup"), QStringLiteral("5")};
    QTest::newRow("--window 15") << QStringList{QStringLiteral("--window"), QStringLiteral("15")};
}

void TstSpcCli::pistonRingsJson()
{
    QFETCH(QStringList, grouping);
    const Run r = runCli(QStringList{QStringLiteral("spc"), QStringLiteral("--csv"),
                                     dataFile("spc_piston_rings.csv"), QStringLiteral("--chart"),
                                     QStringLiteral("xbar-r"), QStringLiteral("--lsl"),
                                     QStringLiteral("73.95"), QStringLiteral("--usl"),
                                     QStringLiteral("74.05"), QStringLiteral("--json")}
                         + grouping);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject doc = parse(r);
    QCOMPARE(doc.value(QStringLiteral("chart")).toString(), QStringLiteral("xbar-r"));
    QCOMPARE(doc.value(QStringLiteral("rows")).toInt(), 125);
    QCOMPARE(doc.value(QStringLiteral("rules")).toArray().size(), 8); // Nelson by default
    const QJsonObject chart = firstChart(doc);
    QCOMPARE(chart.value(QStringLiteral("subgroups")).toInt(), 25);
    const QJsonObject xbar = series(chart, 0), range = series(chart, 1);
    QCOMPARE(xbar.value(QStringLiteral("name")).toString(), QStringLiteral("xbar"));
    // Montgomery: 74.001, R-bar 0.023, limits 74.014 / 73.988; [REF] exact values.
    CHECK_NEAR(num(xbar, "center"), 74.001176, 1e-6);
    CHECK_NEAR(num(xbar, "ucl"), 74.014581, 2e-6);
    CHECK_NEAR(num(xbar, "lcl"), 73.987771, 2e-6);
    CHECK_NEAR(num(range, "center"), 0.023240, 1e-6);
    QCOMPARE(xbar.value(QStringLiteral("points")).toArray().size(), 25);
    CHECK_NEAR(num(xbar.value(QStringLiteral("points")).toArray().at(0).toObject(), "value"),
               74.0102, 1e-9); // sample 1: (74.030 + 74.002 + 74.019 + 73.992 + 74.008) / 5
    QCOMPARE(chart.value(QStringLiteral("violations")).toArray().size(), 0);
    const QJsonObject cap = chart.value(QStringLiteral("capability")).toObject();
    CHECK_NEAR(num(cap, "cp"), 1.66805, 2e-5);
    CHECK_NEAR(num(cap, "cpk"), 1.62882, 2e-5);
    CHECK_NEAR(num(cap, "pp"), 1.63417, 2e-5);
    CHECK_NEAR(num(cap, "ppk"), 1.59573, 2e-5);
    QCOMPARE(cap.value(QStringLiteral("sigma_within_method")).toString(),
             QStringLiteral("R-bar/d2"));
    CHECK_NEAR(num(cap.value(QStringLiteral("normality")).toObject(), "p_value"), 0.892229, 1e-5);
}

void TstSpcCli::cChartText()
{
    // NIST §6.3.3.1: c-bar 16, UCL 28, LCL 4; wafer 24 (31 defects) is beyond the UCL.
    const Run r = runCli({QStringLiteral("spc"), QStringLiteral("--csv"),
                          dataFile("spc_wafer_defects.csv"), QStringLiteral("--chart"),
                          QStringLiteral("c"), QStringLiteral("--rules"), QStringLiteral("we")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("center 16  UCL 28  LCL 4")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("WE1 1 point beyond 3 sigma (c) at subgroup w24")),
             qPrintable(r.out));
    QCOMPARE(r.out.count(QLatin1String("WE")), 1);
}

void TstSpcCli::pChartJson()
{
    const Run r = runCli({QStringLiteral("spc"), QStringLiteral("--csv"),
                          dataFile("spc_wafer_defectives.csv"), QStringLiteral("--chart"),
                          QStringLiteral("p"), QStringLiteral("--rules"), QStringLiteral("1"),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject chart = firstChart(parse(r));
    // NIST §6.3.3.2: p-bar 0.2313, UCL 0.4102, LCL 0.0524; [REF] wafers 15 and 23 beyond.
    const QJsonObject p = series(chart, 0);
    CHECK_NEAR(num(p, "center"), 0.2313, 5e-5);
    CHECK_NEAR(num(p, "ucl"), 0.4102, 5e-5);
    CHECK_NEAR(num(p, "lcl"), 0.0524, 5e-5);
    const QJsonArray v = chart.value(QStringLiteral("violations")).toArray();
    QCOMPARE(v.size(), 2);
    QCOMPARE(v.at(0).toObject().value(QStringLiteral("rule")).toString(), QStringLiteral("N1"));
    QCOMPARE(v.at(0).toObject().value(QStringLiteral("points")).toArray(), QJsonArray{14});
    QCOMPARE(v.at(1).toObject().value(QStringLiteral("point")).toInt(), 22);
    const QJsonObject point = p.value(QStringLiteral("points")).toArray().at(14).toObject();
    QCOMPARE(num(point, "count"), 22.0);
    QCOMPARE(num(point, "size"), 50.0);
}

void TstSpcCli::chartPerProduct()
{
    // Product A: 1, 3, 2, 4 ... ; product B around 100. By hand (I-MR per product):
    // A = 10, 12, 11, 13, 12: mean 11.6, MRs 2, 1, 2, 1 -> MR-bar 1.5.
    // B = 100, 104, 102: mean 102, MRs 4, 2 -> MR-bar 3.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("two.csv"));
    QVERIFY(writeFile(csv, "product,value\nA,10\nA,12\nB,100\nA,11\nB,104\nA,13\nA,12\nB,102\n"));
    const Run r = runCli({QStringLiteral("spc"), QStringLiteral("--csv"), csv,
                          QStringLiteral("--chart"), QStringLiteral("imr"),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray charts = parse(r).value(QStringLiteral("charts")).toArray();
    QCOMPARE(charts.size(), 2);
    const QJsonObject a = charts.at(0).toObject(), b = charts.at(1).toObject();
    QCOMPARE(a.value(QStringLiteral("product")).toString(), QStringLiteral("A"));
    QCOMPARE(b.value(QStringLiteral("product")).toString(), QStringLiteral("B"));
    CHECK_NEAR(num(series(a, 0), "center"), 11.6, 1e-12);
    CHECK_NEAR(num(series(a, 1), "center"), 1.5, 1e-12);
    CHECK_NEAR(num(series(b, 0), "center"), 102.0, 1e-12);
    CHECK_NEAR(num(series(b, 1), "center"), 3.0, 1e-12);
}

void TstSpcCli::badRowsAreReportedAndSkipped()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("bad.csv"));
    QVERIFY(writeFile(csv, "value\n1\n2\nabc\n3\n4,5\n5\n"));
    const Run r = runCli({QStringLiteral("spc"), QStringLiteral("--csv"), csv,
                          QStringLiteral("--chart"), QStringLiteral("imr"),
                          QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(csv + QStringLiteral(":4: column value: 'abc' is not a number")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(csv + QStringLiteral(":6: 2 fields")), qPrintable(r.err));
    const QJsonObject doc = parse(r);
    QCOMPARE(doc.value(QStringLiteral("rows")).toInt(), 4);
    QCOMPARE(doc.value(QStringLiteral("rows_skipped")).toInt(), 2);
}

void TstSpcCli::argumentErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString piston = dataFile("spc_piston_rings.csv");
    const QString csv = QStringLiteral("--csv"), chart = QStringLiteral("--chart");
    QTest::newRow("unknown chart") << QStringList{csv, piston, chart, QStringLiteral("xbar")} << 2
                                   << QStringLiteral("--chart: unknown chart 'xbar'");
    QTest::newRow("no chart") << QStringList{csv, piston} << 2
                              << QStringLiteral("--chart is required");
    QTest::newRow("no source") << QStringList{chart, QStringLiteral("imr")} << 2
                               << QStringLiteral("give --csv FILE");
    QTest::newRow("lambda") << QStringList{csv, piston, chart, QStringLiteral("ewma"),
                                           QStringLiteral("--lambda"), QStringLiteral("1.5")}
                            << 2 << QStringLiteral("--lambda: '1.5'");
    QTest::newRow("rules") << QStringList{csv, piston, chart, QStringLiteral("imr"),
                                          QStringLiteral("--rules"), QStringLiteral("1,9")}
                           << 2 << QStringLiteral("--rules: unknown rule '9'");
    QTest::newRow("subgroup 1") << QStringList{csv, piston, chart, QStringLiteral("xbar-s"),
                                               QStringLiteral("--subgroup"), QStringLiteral("1")}
                                << 2 << QStringLiteral("--subgroup: xbar-s needs N >= 2");
    QTest::newRow("unknown option") << QStringList{csv, piston, QStringLiteral("--sub")} << 2
                                    << QStringLiteral("unknown argument --sub");
    QTest::newRow("lsl above usl")
            << QStringList{csv, piston, chart, QStringLiteral("imr"), QStringLiteral("--lsl"),
                           QStringLiteral("5"), QStringLiteral("--usl"), QStringLiteral("4")}
            << 2 << QStringLiteral("--lsl must be below --usl");
    QTest::newRow("config without db")
            << QStringList{QStringLiteral("--config"), piston, QStringLiteral("--characteristic"),
                           QStringLiteral("x"), chart, QStringLiteral("imr")}
            << 2 << QStringLiteral("--config, --db and --characteristic go together");
    QTest::newRow("p without size") << QStringList{csv, piston, chart, QStringLiteral("p")} << 1
                                    << QStringLiteral("needs a 'size' column");
    QTest::newRow("missing file")
            << QStringList{csv, QStringLiteral("/nonexistent/x.csv"), chart, QStringLiteral("c")}
            << 1 << QStringLiteral("cannot open /nonexistent/x.csv");
}

void TstSpcCli::argumentErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = runCli(QStringList{QStringLiteral("spc")} + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TstSpcCli::configuredCharacteristic()
{
    // The demo plant's check-weigher tag has `spec: { lsl: 5.9, target: 6.0, usl: 6.1 }`. Fill a
    // historian with the piston ring values shifted by -68 (so 74.001 -> 6.001, the spread
    // unchanged) one per minute, and the palletizer's product tag = 101 ("Housing small").
    // By hand from [REF]: sigma = R-bar/d2 = 0.0099917 (unchanged by the shift), mean 6.001176,
    // Cp = 0.2 / (6 x 0.0099917) = 3.33610; the USL is the nearer limit:
    // Cpk = (6.1 - 6.001176) / (3 x 0.0099917) = 3.29687.
    QTemporaryDir dir;
    const QString config =
            test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml");
    const QString tag = QStringLiteral("acme/berlin/packaging/line2/palletizer/case_weight");
    const QString productTag = QStringLiteral("acme/berlin/packaging/line2/palletizer/product");
    const TimestampMs t0 = 1'767'600'000'000;
    QByteArray csv = "timestamp,tag,value\n";
    csv += QByteArray::number(t0 - 1000) + ',' + productTag.toUtf8() + ",101\n";
    const std::vector<double> values = pistonValues();
    QCOMPARE(values.size(), std::size_t(125));
    for (std::size_t i = 0; i < values.size(); ++i)
        csv += QByteArray::number(t0 + static_cast<TimestampMs>(i) * 60'000) + ',' + tag.toUtf8()
                + ',' + QByteArray::number(values[i] - 68.0, 'f', 3) + '\n';
    const QString in = dir.filePath(QStringLiteral("in.csv"));
    const QString db = dir.filePath(QStringLiteral("h.db"));
    QVERIFY(writeFile(in, csv));
    const Run imported = runCli({QStringLiteral("import"), QStringLiteral("--config"), config,
                                 QStringLiteral("--db"), db, in});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

    const Run r = runCli({QStringLiteral("spc"), QStringLiteral("--config"), config,
                          QStringLiteral("--db"), db, QStringLiteral("--characteristic"), tag,
                          QStringLiteral("--chart"), QStringLiteral("xbar-r"),
                          QStringLiteral("--subgroup"), QStringLiteral("5"),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject chart = firstChart(parse(r));
    QCOMPARE(chart.value(QStringLiteral("product")).toString(), QStringLiteral("Housing small"));
    CHECK_NEAR(num(series(chart, 0), "center"), 6.001176, 1e-6);
    const QJsonObject cap = chart.value(QStringLiteral("capability")).toObject();
    QCOMPARE(num(cap, "lsl"), 5.9);
    QCOMPARE(num(cap, "usl"), 6.1);
    CHECK_NEAR(num(cap, "cp"), 3.33610, 2e-5);
    CHECK_NEAR(num(cap, "cpk"), 3.29687, 2e-5);

    // Attribute charts need counts per sample: refused for a characteristic.
    const Run c = runCli({QStringLiteral("spc"), QStringLiteral("--config"), config,
                          QStringLiteral("--db"), db, QStringLiteral("--characteristic"), tag,
                          QStringLiteral("--chart"), QStringLiteral("c")});
    QCOMPARE(c.exitCode, 1);
    QVERIFY2(c.err.contains(QLatin1String("attribute charts")), qPrintable(c.err));
}

void TstSpcCli::medianChartJson()
{
    const Run r = runCli(QStringList{QStringLiteral("spc"), QStringLiteral("--csv"),
                                     dataFile("spc_piston_rings.csv"), QStringLiteral("--chart"),
                                     QStringLiteral("median"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject chart = parse(r).value(QStringLiteral("charts")).toArray().at(0).toObject();
    const QJsonObject median = chart.value(QStringLiteral("series")).toArray().at(0).toObject();
    QCOMPARE(median.value(QStringLiteral("name")).toString(), QStringLiteral("median"));
    // [REF] tests/reference/spc_reference.py "median chart on Montgomery Table 6.3".
    QVERIFY(std::abs(median.value(QStringLiteral("center")).toDouble() - 74.0017600) < 1e-7);
    QVERIFY(std::abs(median.value(QStringLiteral("ucl")).toDouble() - 74.0178137) < 2e-6);
    QVERIFY(std::abs(median.value(QStringLiteral("lcl")).toDouble() - 73.9857063) < 2e-6);
}

QTEST_GUILESS_MAIN(TstSpcCli)
#include "tst_spc_cli.moc"
