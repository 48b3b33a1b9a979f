// TagTableModel: one row per tag of a machine, values with decimals and unit, state names,
// quality words, timestamps in the plant time zone (DST), dataChanged only for changed rows.
#include "models/tag_table_model.h"
#include "tests/unit/ui_test_plant.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace andon;
using models::TagTableModel;

namespace {
constexpr TagId kPressState = 0, kPressGood = 1, kPressRate = 3, kPressTemp = 4;
TimestampMs utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch();
}
} // namespace

class TestTagTableModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void init();
    void cleanup();
    void shape();
    void values();
    void timestampInPlantZone();
    void quality();
    void dataChangedOnlyForChangedRows();

private:
    std::shared_ptr<PlantModel> m_plant;
    std::unique_ptr<TagStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<TagTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTagTableModel::init()
{
    m_plant = test::makeTilePlant();
    m_store = std::make_unique<TagStore>(*m_plant);
    m_clock = std::make_unique<ManualClock>(utc(2026, 3, 2, 10, 0, 0));
    m_model = std::make_unique<TagTableModel>(m_plant, m_store.get(), m_clock.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setMachine(0);
}

void TestTagTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestTagTableModel::shape()
{
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->columnCount(), int(TagTableModel::ColumnCount));
    QCOMPARE(m_model->index(3, TagTableModel::NameColumn).data().toString(), QStringLiteral("rate"));
    QCOMPARE(m_model->index(3, TagTableModel::DescriptionColumn).data().toString(),
             QStringLiteral("desc of rate"));
    QCOMPARE(m_model->index(0, TagTableModel::NameColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("acme/site/area/line1/press/state"));
    QCOMPARE(m_model->headerData(TagTableModel::ValueColumn, Qt::Horizontal).toString(),
             QStringLiteral("Value"));
    m_model->setMachine(1);
    QCOMPARE(m_model->rowCount(), 3);
    m_model->setMachine(99);
    QCOMPARE(m_model->rowCount(), 0);
}

void TestTagTableModel::values()
{
    QCOMPARE(m_model->index(3, TagTableModel::ValueColumn).data().toString(), QStringLiteral("—"));
    const TimestampMs t = m_clock->now();
    m_store->apply({{kPressState, t, 10, Quality::Good},
                    {kPressGood, t, 1234, Quality::Good},
                    {kPressRate, t, 58.26, Quality::Good},
                    {kPressTemp, t, 73.44, Quality::Good}},
                   t);
    m_model->refresh();
    QCOMPARE(m_model->index(0, TagTableModel::ValueColumn).data().toString(),
             QStringLiteral("Jam at infeed"));
    QCOMPARE(m_model->index(1, TagTableModel::ValueColumn).data().toString(),
             QStringLiteral("1234 parts"));
    QCOMPARE(m_model->index(3, TagTableModel::ValueColumn).data().toString(),
             QStringLiteral("58.3 parts/min"));
    QCOMPARE(m_model->index(4, TagTableModel::ValueColumn).data().toString(),
             QStringLiteral("73.4 °C"));
    QCOMPARE(m_model->index(4, 0).data(TagTableModel::RawValueRole).toDouble(), 73.44);
    QCOMPARE(m_model->index(4, 0).data(TagTableModel::UnitRole).toString(), QStringLiteral("°C"));
    QCOMPARE(m_model->index(4, TagTableModel::ValueColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    // Analog tags carry a sparkline, counters and states do not.
    QCOMPARE(m_model->index(4, TagTableModel::TrendColumn).data(TagTableModel::SparklineRole)
                 .value<QList<QPointF>>().size(), 1);
    QCOMPARE(m_model->index(1, TagTableModel::TrendColumn).data(TagTableModel::SparklineRole)
                 .value<QList<QPointF>>().size(), 0);
}

void TestTagTableModel::timestampInPlantZone()
{
    // Europe/Berlin is UTC+1 in winter and UTC+2 in summer (DST).
    m_store->apply({{kPressTemp, utc(2026, 3, 2, 10, 0, 0), 1, Quality::Good}}, m_clock->now());
    m_model->refresh();
    QCOMPARE(m_model->index(4, TagTableModel::TimestampColumn).data().toString(),
             QStringLiteral("2026-03-02 11:00:00"));
    m_store->apply({{kPressTemp, utc(2026, 7, 1, 10, 0, 5), 2, Quality::Good}}, m_clock->now());
    m_model->refresh();
    QCOMPARE(m_model->index(4, TagTableModel::TimestampColumn).data().toString(),
             QStringLiteral("2026-07-01 12:00:05"));
}

void TestTagTableModel::quality()
{
    QCOMPARE(m_model->index(4, TagTableModel::QualityColumn).data().toString(),
             QStringLiteral("No data"));
    const TimestampMs t = m_clock->now();
    m_store->apply({{kPressTemp, t, 70, Quality::Good}}, t);
    m_model->refresh();
    QCOMPARE(m_model->index(4, TagTableModel::QualityColumn).data().toString(), QStringLiteral("Good"));
    m_store->apply({{kPressTemp, t + 1, 70, Quality::BadStale}}, t + 1);
    m_model->refresh();
    QCOMPARE(m_model->index(4, TagTableModel::QualityColumn).data().toString(), QStringLiteral("Stale"));
    QCOMPARE(m_model->index(4, TagTableModel::ValueColumn).data(Qt::ToolTipRole).toString(),
             qualityDescription(Quality::BadStale));
    m_store->apply({{kPressTemp, t + 2, 70, Quality::UncertainLastKnown}}, t + 2);
    m_model->refresh();
    QCOMPARE(m_model->index(4, TagTableModel::QualityColumn).data().toString(),
             QStringLiteral("Uncertain"));
    m_store->apply({{kPressTemp, t + 3, 70, Quality::BadCommFailure}}, t + 3);
    m_model->refresh();
    QCOMPARE(m_model->index(4, TagTableModel::QualityColumn).data().toString(), QStringLiteral("Bad"));
}

void TestTagTableModel::dataChangedOnlyForChangedRows()
{
    const TimestampMs t = m_clock->now();
    m_store->apply({{kPressTemp, t, 70, Quality::Good}, {kPressRate, t, 50, Quality::Good}}, t);
    m_model->refresh();
    QSignalSpy spy(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->refresh();
    QCOMPARE(spy.count(), 0);
    m_store->apply({{kPressRate, t + 1000, 51, Quality::Good}}, t + 1000);
    m_model->refresh();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toModelIndex().row(), 3);
}

QTEST_GUILESS_MAIN(TestTagTableModel)
#include "tst_tag_table_model.moc"
