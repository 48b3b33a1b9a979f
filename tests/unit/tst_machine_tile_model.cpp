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
constexpr TagId kPressState = 0, kPressGood = 1, kPressReject = 2, kPressRate = 3, kPressTemp = 4;
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
    void durationOutlivesTheRing();
    void allLines();
    void processValues();
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

void TestMachineTileModel::durationOutlivesTheRing()
{
    // A ring of only 4 samples per tag: the model must remember when the jam began.
    m_tester.reset();
    m_model.reset();
    m_store = std::make_unique<TagStore>(std::vector<int>(m_plant->tags.size(), 3'600'000), 4);
    m_model = std::make_unique<MachineTileModel>(m_plant, m_store.get(), m_clock.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setLine(0);

    // Running at t0-1 min, jam from t0, re-published every minute up to t0+3 min. The ring keeps
    // t0..t0+3 min; the first refresh learns "since t0" from its oldest jam sample.
    SampleBatch batch{{kPressState, kT0 - kMinute, 1, Quality::Good}};
    for (int m = 0; m <= 3; ++m)
        batch.push_back({kPressState, kT0 + m * kMinute, 10, Quality::Good});
    m_store->apply(batch, kT0 + 3 * kMinute);
    m_clock->set(kT0 + 3 * kMinute + 30'000);
    m_model->refresh();
    const QModelIndex press = m_model->index(0);
    QCOMPARE(press.data(MachineTileModel::StateSinceRole).toLongLong(), kT0);
    QCOMPARE(press.data(MachineTileModel::StateTextRole).toString(),
             QStringLiteral("Down — Jam at infeed (3 min)"));

    // 72 more minutes of the jam, refreshed every 10 minutes; the ring now only reaches back to
    // t0+72 min. Now = t0+75.5 min, so the jam lasts 75.5 min = 1 h 15 min.
    for (int m = 4; m <= 75; ++m) {
        m_store->apply({{kPressState, kT0 + m * kMinute, 10, Quality::Good}}, kT0 + m * kMinute);
        if (m % 10 == 0) {
            m_clock->set(kT0 + m * kMinute);
            m_model->refresh();
        }
    }
    QCOMPARE(m_store->recent(kPressState, 0).front().t_ms, kT0 + 72 * kMinute);
    m_clock->set(kT0 + 75 * kMinute + 30'000);
    m_model->refresh();
    QCOMPARE(press.data(MachineTileModel::StateSinceRole).toLongLong(), kT0);
    QCOMPARE(press.data(MachineTileModel::StateTextRole).toString(),
             QStringLiteral("Down — Jam at infeed (1 h 15 min)"));

    // Switching lines does not forget it.
    m_model->setLine(-1);
    m_model->setLine(0);
    QCOMPARE(m_model->index(0).data(MachineTileModel::StateSinceRole).toLongLong(), kT0);

    // Running and back to the jam between two refreshes: the jam restarts at t0+78 min even
    // though the state code seen at both refreshes is the same. Now t0+80 min -> 2 min.
    m_store->apply({{kPressState, kT0 + 76 * kMinute, 1, Quality::Good},
                    {kPressState, kT0 + 77 * kMinute, 1, Quality::Good},
                    {kPressState, kT0 + 78 * kMinute, 10, Quality::Good}},
                   kT0 + 78 * kMinute);
    m_clock->set(kT0 + 80 * kMinute);
    m_model->refresh();
    QCOMPARE(m_model->index(0).data(MachineTileModel::StateSinceRole).toLongLong(),
             kT0 + 78 * kMinute);
    QCOMPARE(m_model->index(0).data(MachineTileModel::StateTextRole).toString(),
             QStringLiteral("Down — Jam at infeed (2 min)"));
}

void TestMachineTileModel::allLines()
{
    // A second line with a copy of the press: AllLines lists line by line, in config order.
    Line second;
    second.name = QStringLiteral("line2");
    second.machines = {0};
    m_plant->lines.push_back(second);
    m_model->setLine(MachineTileModel::AllLines);
    QCOMPARE(m_model->line(), MachineTileModel::AllLines);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->tile(0).name, QStringLiteral("press"));
    QCOMPARE(m_model->tile(1).name, QStringLiteral("oven"));
    QCOMPARE(m_model->tile(2).name, QStringLiteral("press"));
    QCOMPARE(m_model->tile(1).line, 0);
    QCOMPARE(m_model->tile(2).line, 1);
    m_model->setLine(1);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestMachineTileModel::processValues()
{
    // Analog tags without a role only: the press shows motor_temp (1 decimal), not its rate;
    // the oven its power (2 decimals). Labels: the description if it is at most 16 characters
    // ("desc of power" = 13), else the name in words ("desc of motor_temp" = 18).
    m_store->apply({{kPressTemp, kT0, 73.46, Quality::Good},
                    {kPressRate, kT0, 50, Quality::Good},
                    {kOvenPower, kT0, 12.3456, Quality::UncertainLastKnown}},
                   kT0);
    m_model->refresh();
    const auto press = m_model->index(0).data(MachineTileModel::ProcessValuesRole)
                           .value<QList<models::ProcessValue>>();
    QCOMPARE(press.size(), 1);
    QCOMPARE(press[0].tag, kPressTemp);
    QCOMPARE(press[0].label, QStringLiteral("Motor temp"));
    QCOMPARE(press[0].valueText, QStringLiteral("73.5"));
    QCOMPARE(press[0].unit, QStringLiteral("°C"));
    QCOMPARE(press[0].quality, Quality::Good);
    QVERIFY(press[0].qualityReason.isEmpty());
    const auto oven = m_model->tile(1).processValues;
    QCOMPARE(oven.size(), 1);
    QCOMPARE(oven[0].label, QStringLiteral("desc of power"));
    QCOMPARE(oven[0].valueText, QStringLiteral("12.35"));
    QCOMPARE(oven[0].quality, Quality::UncertainLastKnown);
    QCOMPARE(oven[0].qualityReason, QStringLiteral("Uncertain: last known value"));

    // A tag that never reported shows a dash and says so.
    m_model->setLine(0);
    auto fresh = std::make_unique<TagStore>(*m_plant);
    MachineTileModel empty(m_plant, fresh.get(), m_clock.get());
    empty.setLine(0);
    QCOMPARE(empty.tile(0).processValues.at(0).valueText, QStringLiteral("—"));
    QCOMPARE(empty.tile(0).processValues.at(0).quality, Quality::BadNotConnected);
    QVERIFY(!empty.tile(0).processValues.at(0).qualityReason.isEmpty());
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
