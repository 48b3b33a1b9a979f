// `andon-cli export kpis` and `andon-cli export series` (docs/integrations.md "Export formats"):
// the simulator's plant written into a real historian in-process (as tst_oee_sim does), then the
// real CLI. KPI rows must carry the numbers of the real `andon-cli oee --json` for the same
// windows; series rows must equal the historian's raw samples, and aggregated rows values
// computed here from Historian::raw.
#include "core/config_loader.h"
#include "sim/plant_simulator.h"
#include "storage/csv_io.h"
#include "storage/historian.h"
#include "tests/integration/oee_sim_plant.h"
#include "tests/integration/sim_backfill.h"
#include "tests/support/historian_support.h"
#include "tests/support/test_support.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <cmath>

using namespace andon;

namespace {

const QByteArray kPlant =
        QByteArray("andon: 1\nplant: { enterprise: acme }\n") + test::kOeeSimPlantBody;
const QString kLine = QStringLiteral("acme/berlin/assembly/line1");

// The documented CSV columns (docs/integrations.md), written out here, not taken from the code.
const QStringList kKpiColumns{
        QStringLiteral("period_start"), QStringLiteral("period_end"),
        QStringLiteral("production_day"), QStringLiteral("shift"), QStringLiteral("level"),
        QStringLiteral("path"), QStringLiteral("availability"), QStringLiteral("performance"),
        QStringLiteral("quality"), QStringLiteral("oee"), QStringLiteral("total_count"),
        QStringLiteral("good_count"), QStringLiteral("reject_count"),
        QStringLiteral("planned_production_time_s"), QStringLiteral("run_time_s"),
        QStringLiteral("unknown_time_s"), QStringLiteral("energy_kwh"),
        QStringLiteral("energy_per_unit_kwh"), QStringLiteral("bottleneck")};

test::ToolRun cli(const QStringList &args)
{
    return test::runTool(QStringLiteral("andon-cli"), args);
}

// CSV text -> rows of fields (header first).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        QStringList fields;
        if (storage::splitCsvLine(line, &fields))
            rows << fields;
    }
    return rows;
}

bool sameNumber(const QString &csv, const QJsonValue &json)
{
    if (json.isNull())
        return csv.isEmpty();
    return !csv.isEmpty() && qAbs(csv.toDouble() - json.toDouble()) <= 1e-9;
}

} // namespace

class TstKpiExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void kpisCsvMatchesOee();
    void kpisJsonPerHour();
    void seriesRaw();
    void seriesAggregated_data();
    void seriesAggregated();
    void usageErrors();

private:
    QJsonObject oeeLine(const QString &from, const QString &to);

    QTemporaryDir m_dir;
    QString m_config, m_db;
    std::shared_ptr<const PlantModel> m_model;
};

void TstKpiExport::initTestCase()
{
    test::installStrictMessageHandler();
    QVERIFY(m_dir.isValid());
    m_config = m_dir.filePath(QStringLiteral("plant.yaml"));
    m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
    QFile f(m_config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kPlant);
    f.close();
    const ConfigResult config = ConfigLoader::loadFile(m_config);
    QVERIFY2(config.ok(), qPrintable(config.formattedMessages().join(u'\n')));
    m_model = config.model;

    // Tuesday 13 January 2026 04:00 .. 22:10 Berlin: the early and late shifts with two hours
    // of history before them.
    const QTimeZone berlin("Europe/Berlin");
    const TimestampMs start = QDateTime(QDate(2026, 1, 13), QTime(4, 0), berlin).toMSecsSinceEpoch();
    const TimestampMs end = QDateTime(QDate(2026, 1, 13), QTime(22, 10), berlin).toMSecsSinceEpoch();
    sim::SimOptions so;
    so.seed = 1414;
    so.scenario = QStringLiteral("bad-shift");
    so.startMs = start;
    so.stepMs = 1000;
    so.publishPeriodMs = 60'000;
    sim::PlantSimulator sim(config.model, so);
    QString error;
    auto historian = test::openHistorianForModel(m_db, *config.model, &error);
    QVERIFY2(historian, qPrintable(error));
    // 18 h 10 min in 10-minute slices.
    QCOMPARE(test::appendSimulated(*historian, sim, start, end, 10 * 60'000), QString());
}

QJsonObject TstKpiExport::oeeLine(const QString &from, const QString &to)
{
    const test::ToolRun r = cli({QStringLiteral("oee"), QStringLiteral("--config"), m_config,
                                 QStringLiteral("--db"), m_db, QStringLiteral("--line"), kLine,
                                 QStringLiteral("--from"), from, QStringLiteral("--to"), to,
                                 QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning("andon-cli oee failed: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("line")).toObject();
}

void TstKpiExport::kpisCsvMatchesOee()
{
    // 06:00-22:00 CET = 05:00-21:00 UTC: the early and the late shift.
    const QString out = m_dir.filePath(QStringLiteral("kpis.csv"));
    const test::ToolRun r = cli({QStringLiteral("export"), QStringLiteral("kpis"),
                                 QStringLiteral("--config"), m_config, QStringLiteral("--db"), m_db,
                                 QStringLiteral("--from"), QStringLiteral("2026-01-13T05:00:00Z"),
                                 QStringLiteral("--to"), QStringLiteral("2026-01-13T21:00:00Z"),
                                 QStringLiteral("--per"), QStringLiteral("shift"),
                                 QStringLiteral("--format"), QStringLiteral("csv"),
                                 QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(f.readAll()));
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.first(), kKpiColumns);
    // 2 shifts x (3 machines + the line).
    QCOMPARE(rows.size(), 1 + 2 * 4);
    const auto col = [](const char *name) { return kKpiColumns.indexOf(QLatin1String(name)); };
    // Early 06:00-14:00 CET, late 14:00-22:00 CET.
    QCOMPARE(rows[1][col("period_start")], QStringLiteral("2026-01-13T05:00:00.000Z"));
    QCOMPARE(rows[1][col("period_end")], QStringLiteral("2026-01-13T13:00:00.000Z"));
    QCOMPARE(rows[1][col("shift")], QStringLiteral("early"));
    QCOMPARE(rows[5][col("shift")], QStringLiteral("late"));
    QCOMPARE(rows[5][col("period_end")], QStringLiteral("2026-01-13T21:00:00.000Z"));
    QCOMPARE(rows[5][col("production_day")], QStringLiteral("2026-01-13"));

    int nonNull = 0;
    for (int shift = 0; shift < 2; ++shift) {
        const QStringList &first = rows[1 + shift * 4];
        const QJsonObject line = oeeLine(first[col("period_start")], first[col("period_end")]);
        const QJsonArray machines = line.value(QStringLiteral("machines")).toArray();
        QCOMPARE(machines.size(), 3);
        for (int k = 0; k < 4; ++k) {
            const QStringList &row = rows[1 + shift * 4 + k];
            const bool isLine = k == 3;
            const QJsonObject want = isLine ? line : machines[k].toObject();
            QCOMPARE(row[col("level")], isLine ? QStringLiteral("line") : QStringLiteral("machine"));
            QCOMPARE(row[col("path")], isLine ? kLine : want.value(QStringLiteral("machine")).toString());
            for (const char *kpi : {"availability", "performance", "quality", "oee"}) {
                QVERIFY2(sameNumber(row[col(kpi)], want.value(QLatin1String(kpi))),
                         qPrintable(row.join(u',')));
                nonNull += row[col(kpi)].isEmpty() ? 0 : 1;
            }
            if (isLine) {
                QCOMPARE(row[col("bottleneck")], line.value(QStringLiteral("bottleneck")).toString());
            } else {
                QVERIFY(sameNumber(row[col("good_count")], want.value(QStringLiteral("good_count"))));
                QVERIFY(sameNumber(row[col("total_count")], want.value(QStringLiteral("total_count"))));
                QVERIFY(sameNumber(row[col("run_time_s")], want.value(QStringLiteral("run_time_s"))));
                QVERIFY(sameNumber(row[col("planned_production_time_s")],
                                   want.value(QStringLiteral("planned_production_time_s"))));
            }
            // No energy meters in this plant: unknown, empty (never 0).
            QCOMPARE(row[col("energy_kwh")], QString());
        }
    }
    QCOMPARE(nonNull, 2 * 4 * 4); // the simulated plant ran in both shifts
}

void TstKpiExport::kpisJsonPerHour()
{
    const test::ToolRun r = cli({QStringLiteral("export"), QStringLiteral("kpis"),
                                 QStringLiteral("--config"), m_config, QStringLiteral("--db"), m_db,
                                 QStringLiteral("--from"), QStringLiteral("2026-01-13T05:00:00Z"),
                                 QStringLiteral("--to"), QStringLiteral("2026-01-13T07:00:00Z"),
                                 QStringLiteral("--per"), QStringLiteral("hour"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("schema")).toString(), QStringLiteral("andon.kpis"));
    QCOMPARE(doc.value(QStringLiteral("schema_version")).toInt(), 1);
    QCOMPARE(doc.value(QStringLiteral("per")).toString(), QStringLiteral("hour"));
    const QJsonArray rows = doc.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 2 * 4);
    const QJsonObject second = rows[4].toObject(); // 07:00-08:00 CET, the feeder
    QCOMPARE(second.value(QStringLiteral("period_start")).toString(),
             QStringLiteral("2026-01-13T06:00:00.000Z"));
    QCOMPARE(second.value(QStringLiteral("period_end")).toString(),
             QStringLiteral("2026-01-13T07:00:00.000Z"));
    QVERIFY(second.value(QStringLiteral("shift")).isNull());
    QVERIFY(second.value(QStringLiteral("energy_kwh")).isNull());
    const QJsonObject line = oeeLine(QStringLiteral("2026-01-13T06:00:00Z"),
                                     QStringLiteral("2026-01-13T07:00:00Z"));
    const QJsonObject feeder = line.value(QStringLiteral("machines")).toArray()[0].toObject();
    QCOMPARE(second.value(QStringLiteral("path")).toString(), feeder.value(QStringLiteral("machine")).toString());
    for (const char *kpi : {"availability", "performance", "quality", "oee"}) {
        const QString key = QLatin1String(kpi);
        QVERIFY(!feeder.value(key).isNull());
        QVERIFY(qAbs(second.value(key).toDouble() - feeder.value(key).toDouble()) <= 1e-9);
    }
}

void TstKpiExport::seriesRaw()
{
    const QString tag = kLine + QStringLiteral("/press/good_count");
    const test::ToolRun r = cli({QStringLiteral("export"), QStringLiteral("series"),
                                 QStringLiteral("--config"), m_config, QStringLiteral("--db"), m_db,
                                 QStringLiteral("--tags"), QStringLiteral("*/press/good_count"),
                                 QStringLiteral("--from"), QStringLiteral("2026-01-13T05:00:00Z"),
                                 QStringLiteral("--to"), QStringLiteral("2026-01-13T06:00:00Z")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QStringList> rows = parseCsv(r.out);
    QCOMPARE(rows.first(), (QStringList{QStringLiteral("timestamp"), QStringLiteral("tag"),
                                        QStringLiteral("value"), QStringLiteral("quality")}));
    storage::HistorianOptions ho;
    ho.path = m_db;
    ho.readOnly = true;
    QString error;
    auto h = storage::Historian::open(ho, &error);
    QVERIFY2(h, qPrintable(error));
    TimestampMs from = 0, to = 0;
    QVERIFY(parseTimestamp(QStringLiteral("2026-01-13T05:00:00Z"), &from));
    QVERIFY(parseTimestamp(QStringLiteral("2026-01-13T06:00:00Z"), &to));
    const std::vector<Sample> raw = h->raw(tag, from, to);
    QVERIFY(raw.size() > 10);
    QCOMPARE(rows.size() - 1, qsizetype(raw.size()));
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const QStringList &row = rows[qsizetype(i) + 1];
        QCOMPARE(row[1], tag);
        TimestampMs t = 0;
        QVERIFY(parseTimestamp(row[0], &t));
        QVERIFY(row[0].endsWith(u'Z'));
        QCOMPARE(t, raw[i].t_ms);
        QCOMPARE(row[2].toDouble(), raw[i].value);
    }

    // JSON: one series with its unit.
    const test::ToolRun j = cli({QStringLiteral("export"), QStringLiteral("series"),
                                 QStringLiteral("--config"), m_config, QStringLiteral("--db"), m_db,
                                 QStringLiteral("--tags"), QStringLiteral("*/press/good_count"),
                                 QStringLiteral("--from"), QStringLiteral("2026-01-13T05:00:00Z"),
                                 QStringLiteral("--to"), QStringLiteral("2026-01-13T06:00:00Z"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(j.exitCode == 0, qPrintable(j.err));
    const QJsonObject doc = QJsonDocument::fromJson(j.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("schema")).toString(), QStringLiteral("andon.series"));
    QCOMPARE(doc.value(QStringLiteral("schema_version")).toInt(), 1);
    const QJsonArray series = doc.value(QStringLiteral("series")).toArray();
    QCOMPARE(series.size(), 1);
    QCOMPARE(series[0].toObject().value(QStringLiteral("tag")).toString(), tag);
    QCOMPARE(series[0].toObject().value(QStringLiteral("points")).toArray().size(),
             qsizetype(raw.size()));
}

void TstKpiExport::seriesAggregated_data()
{
    QTest::addColumn<QString>("agg");
    QTest::newRow("mean") << QStringLiteral("mean");
    QTest::newRow("min") << QStringLiteral("min");
    QTest::newRow("max") << QStringLiteral("max");
    QTest::newRow("last") << QStringLiteral("last");
}

void TstKpiExport::seriesAggregated()
{
    QFETCH(QString, agg);
    const test::ToolRun r = cli({QStringLiteral("export"), QStringLiteral("series"),
                                 QStringLiteral("--config"), m_config, QStringLiteral("--db"), m_db,
                                 QStringLiteral("--tags"), QStringLiteral("*/feeder/state, */press/good_count"),
                                 QStringLiteral("--from"), QStringLiteral("2026-01-13T05:00:00Z"),
                                 QStringLiteral("--to"), QStringLiteral("2026-01-13T07:00:00Z"),
                                 QStringLiteral("--step"), QStringLiteral("600"),
                                 QStringLiteral("--agg"), agg});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QStringList> rows = parseCsv(r.out);

    // Expected: 10-minute buckets from the epoch; per bucket the samples of Historian::raw
    // (quality not Bad), reduced here.
    storage::HistorianOptions ho;
    ho.path = m_db;
    ho.readOnly = true;
    QString error;
    auto h = storage::Historian::open(ho, &error);
    QVERIFY2(h, qPrintable(error));
    TimestampMs from = 0, to = 0;
    QVERIFY(parseTimestamp(QStringLiteral("2026-01-13T05:00:00Z"), &from));
    QVERIFY(parseTimestamp(QStringLiteral("2026-01-13T07:00:00Z"), &to));
    QList<QStringList> want;
    for (const QString &tag : QStringList{kLine + QStringLiteral("/feeder/state"),
                                          kLine + QStringLiteral("/press/good_count")}) {
        std::map<TimestampMs, std::vector<double>> buckets;
        for (const Sample &s : h->raw(tag, from, to)) {
            if (severity(s.q) != QualitySeverity::Bad)
                buckets[s.t_ms - s.t_ms % 600'000].push_back(s.value);
        }
        QVERIFY(buckets.size() >= 6); // 2 h in 10-minute buckets
        for (const auto &[t, values] : buckets) {
            double v = values.back();
            if (agg == u"mean") {
                double sum = 0;
                for (double x : values)
                    sum += x;
                v = sum / double(values.size());
            } else if (agg == u"min") {
                v = *std::min_element(values.begin(), values.end());
            } else if (agg == u"max") {
                v = *std::max_element(values.begin(), values.end());
            }
            want << QStringList{formatTimestampUtc(t), tag, QString::number(v, 'g', 17)};
        }
    }
    QCOMPARE(rows.size() - 1, want.size());
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QStringList &row = rows[i + 1];
        QCOMPARE(row[0], want[i][0]);
        QCOMPARE(row[1], want[i][1]);
        QVERIFY2(qAbs(row[2].toDouble() - want[i][2].toDouble())
                         <= 1e-9 * std::max(1.0, qAbs(want[i][2].toDouble())),
                 qPrintable(row.join(u',') + QStringLiteral(" vs ") + want[i][2]));
    }
}

void TstKpiExport::usageErrors()
{
    const QStringList base{QStringLiteral("--config"), m_config, QStringLiteral("--db"), m_db,
                           QStringLiteral("--from"), QStringLiteral("2026-01-13T05:00:00Z"),
                           QStringLiteral("--to"), QStringLiteral("2026-01-13T06:00:00Z")};
    QCOMPARE(cli(QStringList{QStringLiteral("export"), QStringLiteral("kpis"),
                             QStringLiteral("--per"), QStringLiteral("week")} + base).exitCode, 2);
    QCOMPARE(cli(QStringList{QStringLiteral("export"), QStringLiteral("kpis"),
                             QStringLiteral("--format"), QStringLiteral("xml")} + base).exitCode, 2);
    QCOMPARE(cli(QStringList{QStringLiteral("export"), QStringLiteral("series"),
                             QStringLiteral("--tags"), QStringLiteral("*"),
                             QStringLiteral("--agg"), QStringLiteral("max")} + base).exitCode, 2);
    const test::ToolRun none = cli(QStringList{QStringLiteral("export"), QStringLiteral("series"),
                                               QStringLiteral("--tags"), QStringLiteral("nothing/*")} + base);
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains(QStringLiteral("no tag")), qPrintable(none.err));
}

QTEST_GUILESS_MAIN(TstKpiExport)
#include "tst_kpi_export.moc"
