// MachineTileModel: rows per line, state in words with duration, rate from the rate tag or
// estimated from a counter, counts, worst quality with reason, and dataChanged only for rows
// that changed. Runs under QAbstractItemModelTester.
#include "models/machine_tile_model.h"
#include "tests/unit/ui_test_plant.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace andon;
using models::MachineTileModel;

namespace {
// Tag ids of the test plant (see ui_test_plant.h).
constexpr TagId kPressState = 0, kPressGood = 1, kPressReject = 2, kPressRate = 3;
constexpr TagId kOvenState = 5, kOvenGood = 6, kOvenPower = 7;
constexpr TimestampMs kMinute = 60'000;
// 2026-03-02T10:00:00Z
const TimestampMs kT0 = QDateTime(QDate(2026, 3, 2), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch();
} // namespace

class TestMachineTileModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void init();
    void cleanup();
    void rowsOfLine();
    void noData();
    void stateTextAndDuration();
    void rateFromTagAndFromCounter();
    void qualityAndReason();
    void staleStateIsUnknown();
    void dataChangedOnlyForChangedRows();
    void durationText_data();
    void durationText();

private:
    std::shared_ptr<PlantModel> m_plant;
    std::unique_ptr<TagStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<MachineTileModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestMachineTileModel::init()
{
    m_plant = test::makeTilePlant();
    m_store = std::make_unique<TagStore>(*m_plant);
    m_clock = std::make_unique<ManualClock>(kT0);
    m_model = std::make_unique<MachineTileModel>(m_plant, m_store.get(), m_clock.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setLine(0);
}

void TestMachineTileModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestMachineTileModel::rowsOfLine()
{
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0).data(MachineTileModel::NameRole).toString(), QStringLiteral("press"));
    QCOMPARE(m_model->index(1).data(Qt::DisplayRole).toString(), QStringLiteral("oven"));
    QCOMPARE(m_model->index(1).data(MachineTileModel::DescriptionRole).toString(),
             QStringLiteral("The oven"));
    QCOMPARE(m_model->index(1).data(MachineTileModel::MachineIndexRole).toInt(), 1);
    m_model->setLine(-1);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setLine(5); // no such line
    QCOMPARE(m_model->rowCount(), 0);
}

void TestMachineTileModel::noData()
{
    const QModelIndex press = m_model->index(0);
    QCOMPARE(press.data(MachineTileModel::StateTextRole).toString(), QStringLiteral("No data"));
    QCOMPARE(press.data(MachineTileModel::StateCategoryRole).toInt(),
             int(StateCategory::Unknown));
    QVERIFY(std::isnan(press.data(MachineTileModel::RateRole).toDouble()));
    QVERIFY(std::isnan(press.data(MachineTileModel::GoodCountRole).toDouble()));
    QCOMPARE(press.data(MachineTileModel::QualityRole).toInt(), int(Quality::BadNotConnected));
    QVERIFY(!press.data(MachineTileModel::QualityReasonRole).toString().isEmpty());
}

void TestMachineTileModel::stateTextAndDuration()
{
    // Running from t0-5 min, down (jam) from t0, the state re-published every minute.
    m_store->apply({{kPressState, kT0 - 5 * kMinute, 1, Quality::Good},
                    {kPressState, kT0, 10, Quality::Good},
                    {kPressState, kT0 + kMinute, 10, Quality::Good},
                    {kPressState, kT0 + 2 * kMinute, 10, Quality::Good},
                    {kOvenState, kT0 - 90 * kMinute, 6, Quality::Good}},
                   kT0 + 2 * kMinute);
    m_clock->set(kT0 + 12 * kMinute + 30'000); // 12.5 min after the jam began
    m_model->refresh();
    const QModelIndex press = m_model->index(0);
    QCOMPARE(press.data(MachineTileModel::StateTextRole).toString(),
             QStringLiteral("Down — Jam at infeed (12 min)"));
    QCOMPARE(press.data(MachineTileModel::StateCategoryRole).toInt(), int(StateCategory::Down));
    QCOMPARE(press.data(MachineTileModel::StateCodeRole).toInt(), 10);
    QCOMPARE(press.data(MachineTileModel::StateSinceRole).toLongLong(), kT0);
    // Oven: planned break since t0-90 min; now is 102.5 min later -> "1 h 42 min".
    QCOMPARE(m_model->index(1).data(MachineTileModel::StateTextRole).toString(),
             QStringLiteral("Planned stop — Planned break (1 h 42 min)"));

    // Back to running: the duration restarts at the new sample.
    m_store->apply({{kPressState, kT0 + 13 * kMinute, 1, Quality::Good}}, kT0 + 13 * kMinute);
    m_clock->set(kT0 + 16 * kMinute);
    m_model->refresh();
    QCOMPARE(press.data(MachineTileModel::StateTextRole).toString(), QStringLiteral("Running (3 min)"));
    QCOMPARE(press.data(MachineTileModel::StateCategoryRole).toInt(), int(StateCategory::Running));

    // A code the plant model does not define is shown in words, not hidden.
    m_store->apply({{kPressState, kT0 + 17 * kMinute, 42, Quality::Good}}, kT0 + 17 * kMinute);
    m_clock->set(kT0 + 17 * kMinute);
    m_model->refresh();
    QCOMPARE(press.data(MachineTileModel::StateTextRole).toString(),
             QStringLiteral("Unknown state 42 (< 1 min)"));
    QCOMPARE(press.data(MachineTileModel::StateCategoryRole).toInt(), int(StateCategory::Unknown));
}

void TestMachineTileModel::rateFromTagAndFromCounter()
{
    // Press reports its own rate; the oven only a good counter: 1000 -> 1060 in 60 s = 60/min.
    SampleBatch batch;
    batch.push_back({kPressRate, kT0, 58.3, Quality::Good});
    batch.push_back({kPressGood, kT0, 1234, Quality::Good});
    batch.push_back({kPressReject, kT0, 12, Quality::Good});
    for (int i = 0; i <= 6; ++i)
        batch.push_back({kOvenGood, kT0 - 60'000 + i * 10'000, 1000.0 + i * 10, Quality::Good});
    m_store->apply(batch, kT0);
    m_model->refresh();
    const QModelIndex press = m_model->index(0);
    QCOMPARE(press.data(MachineTileModel::RateRole).toDouble(), 58.3);
    QCOMPARE(press.data(MachineTileModel::GoodCountRole).toDouble(), 1234.0);
    QCOMPARE(press.data(MachineTileModel::RejectCountRole).toDouble(), 12.0);
    QCOMPARE(m_model->tile(0).rateComputed, false);
    const QModelIndex oven = m_model->index(1);
    QCOMPARE(oven.data(MachineTileModel::RateRole).toDouble(), 60.0);
    QCOMPARE(m_model->tile(1).rateComputed, true);
    QVERIFY(std::isnan(oven.data(MachineTileModel::RejectCountRole).toDouble()));

    // The press sparkline shows its rate tag; the oven (no rate tag) its power.
    QCOMPARE(m_model->tile(0).sparklineLabel, QStringLiteral("rate"));
    QCOMPARE(m_model->tile(1).sparklineLabel, QStringLiteral("power"));
    m_store->apply({{kOvenPower, kT0 - 2000, 11.5, Quality::Good},
                    {kOvenPower, kT0 - 1000, 12.5, Quality::Good}},
                   kT0);
    m_model->refresh();
    const auto spark = oven.data(MachineTileModel::SparklineRole).value<QList<QPointF>>();
    QCOMPARE(spark.size(), 2);
    QCOMPARE(spark.at(1).y(), 12.5);
}

void TestMachineTileModel::qualityAndReason()
{
    m_store->apply({{kPressState, kT0, 1, Quality::Good},
                    {kPressGood, kT0, 10, Quality::Good},
                    {kPressReject, kT0, 1, Quality::Good},
                    {kPressRate, kT0, 50, Quality::Good}},
                   kT0);
    m_model->refresh();
    QCOMPARE(m_model->index(0).data(MachineTileModel::QualityRole).toInt(), int(Quality::Good));
    QVERIFY(m_model->index(0).data(MachineTileModel::QualityReasonRole).toString().isEmpty());

    // The rate goes stale: quality is the worst of the role tags, the reason names the tag,
    // and the rate is no longer taken from the stale tag.
    m_store->apply({{kPressRate, kT0 + 1000, 50, Quality::BadStale}}, kT0 + 1000);
    m_model->refresh();
    const QModelIndex press = m_model->index(0);
    QCOMPARE(press.data(MachineTileModel::QualityRole).toInt(), int(Quality::BadStale));
    QCOMPARE(press.data(MachineTileModel::QualityReasonRole).toString(),
             QStringLiteral("rate: ") + qualityDescription(Quality::BadStale));
    QVERIFY(std::isnan(press.data(MachineTileModel::RateRole).toDouble())); // 1 counter sample
    QCOMPARE(press.data(Qt::ToolTipRole).toString(),
             press.data(MachineTileModel::QualityReasonRole).toString());
}

void TestMachineTileModel::staleStateIsUnknown()
{
    m_store->apply({{kPressState, kT0, 10, Quality::Good}}, kT0);
    m_store->apply({{kPressState, kT0 + 1000, 10, Quality::BadStale}}, kT0 + 1000);
    m_model->refresh();
    const QModelIndex press = m_model->index(0);
    QCOMPARE(press.data(MachineTileModel::StateCategoryRole).toInt(), int(StateCategory::Unknown));
    QCOMPARE(press.data(MachineTileModel::StateTextRole).toString(),
             QStringLiteral("Unknown — last: Jam at infeed"));
}

void TestMachineTileModel::dataChangedOnlyForChangedRows()
{
    m_store->apply({{kPressState, kT0, 1, Quality::Good}, {kOvenState, kT0, 1, Quality::Good}}, kT0);
    m_model->refresh();
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->refresh(); // nothing new, clock unchanged
    QCOMPARE(spy.count(), 0);

    m_store->apply({{kOvenGood, kT0, 5, Quality::Good}}, kT0);
    m_model->refresh();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(spy.at(0).at(1).toModelIndex().row(), 1);
}

void TestMachineTileModel::durationText_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << qint64(0) << QStringLiteral("< 1 min");
    QTest::newRow("59 s") << qint64(59'999) << QStringLiteral("< 1 min");
    QTest::newRow("1 min") << qint64(60'000) << QStringLiteral("1 min");
    QTest::newRow("59 min") << qint64(59 * 60'000 + 59'000) << QStringLiteral("59 min");
    QTest::newRow("1 h 5 min") << qint64(65 * 60'000) << QStringLiteral("1 h 05 min");
    QTest::newRow("26 h") << qint64(26 * 3'600'000) << QStringLiteral("26 h 00 min");
}

void TestMachineTileModel::durationText()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(MachineTileModel::durationText(ms), expected);
}

QTEST_GUILESS_MAIN(TestMachineTileModel)
#include "tst_machine_tile_model.moc"
