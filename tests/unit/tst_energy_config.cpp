// The `energy:` section of the configuration (docs/config.md "Energy"): values read into
// PlantModel::energy, the demo plant's block, and FILE:LINE:COLUMN errors for mistakes.
#include "core/config_loader.h"

#include <QDir>
#include <QtTest>

using namespace andon;

namespace {

const QString kFile = QStringLiteral("plant.yaml");

// Lines 1-22; the energy section starts at line 23.
const QByteArray kBase = R"(andon: 1
plant: { enterprise: acme }
defaults:
  states:
    - { code: 0, name: Off, category: off }
    - { code: 1, name: Running, category: running }
sites:
  - name: s
    timezone: Europe/Berlin
    areas:
      - name: a
        lines:
          - name: l1
            machines:
              - name: m0
                tags:
                  - { name: state, role: state }
                  - { name: power, unit: kW }
                  - { name: energy, kind: counter, unit: kWh, rollover: 100000 }
            tags: [ { name: air_flow }, { name: air_total, kind: counter } ]
    tags: [ { name: main_power }, { name: main_energy, kind: counter } ]
# energy
)";

ConfigResult load(const QByteArray &energy)
{
    return ConfigLoader::loadString(kBase + energy, kFile, QDir::tempPath());
}

} // namespace

class TstEnergyConfig : public QObject
{
    Q_OBJECT
private slots:
    void defaultsWithoutSection();
    void fullSection();
    void demoPlant();
    void errors_data();
    void errors();
};

void TstEnergyConfig::defaultsWithoutSection()
{
    const ConfigResult r = load("");
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const EnergySettings &e = r.model->energy;
    QVERIFY(!e.configured);
    QCOMPARE(e.demandWindowMs, TimestampMs(15 * 60'000));
    QVERIFY(!e.demandSliding);
    QVERIFY(std::isnan(e.demandLimitKw));
    QCOMPARE(e.idleStates.size(), std::size_t(5));
    QCOMPARE(e.mainEnergy, kInvalidTag);
}

void TstEnergyConfig::fullSection()
{
    const ConfigResult r = load(R"(energy:
  currency: CHF
  emission_factor: 0.12
  main_meter: { power: acme/s/main_power, energy: acme/s/main_energy }
  demand: { window_min: 30, mode: sliding, limit_kw: 500, warn_percent: 80 }
  idle_states: [idle, off]
  max_gap_s: 120
  tariff:
    default: { name: base, price: 0.2 }
    periods:
      - { name: night, start: "22:00", end: "06:00", price: 0.1 }
      - { name: peak, days: [mon, Friday], start: "08:00", end: "12:30", price: 0.3 }
  media:
    - { name: air, unit: Nm3, flow_tag: air_flow, total_tag: air_total, leak_threshold: 20,
        leak_min_minutes: 10, stopped_states: [off], price: 0.02 }
)");
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const EnergySettings &e = r.model->energy;
    QVERIFY(e.configured);
    QCOMPARE(e.currency, QStringLiteral("CHF"));
    QCOMPARE(e.emissionKgPerKwh, 0.12);
    QCOMPARE(e.mainPower, r.model->tagIdByPath(QStringLiteral("acme/s/main_power")));
    QCOMPARE(e.mainEnergy, r.model->tagIdByPath(QStringLiteral("acme/s/main_energy")));
    QCOMPARE(e.demandWindowMs, TimestampMs(30 * 60'000));
    QVERIFY(e.demandSliding);
    QCOMPARE(e.demandLimitKw, 500.0);
    QCOMPARE(e.demandWarnFraction, 0.8);
    QCOMPARE(e.idleStates, (std::vector<StateCategory>{StateCategory::Idle, StateCategory::Off}));
    QCOMPARE(e.maxPowerGapMs, TimestampMs(120'000));
    QCOMPARE(e.defaultTariffName, QStringLiteral("base"));
    QCOMPARE(e.tariffPeriods.size(), std::size_t(2));
    QCOMPARE(e.tariffPeriods[0].startMinute, 22 * 60);
    QCOMPARE(e.tariffPeriods[0].endMinute, 6 * 60);
    QCOMPARE(e.tariffPeriods[1].weekdays, (std::vector<int>{1, 5}));
    QCOMPARE(e.tariffPeriods[1].endMinute, 12 * 60 + 30);
    QCOMPARE(e.media.size(), std::size_t(1));
    QCOMPARE(e.media[0].leakThreshold, 20.0);
    QCOMPARE(e.media[0].leakMinMs, TimestampMs(10 * 60'000));
    QCOMPARE(e.media[0].stoppedStates, std::vector<StateCategory>{StateCategory::Off});
}

void TstEnergyConfig::demoPlant()
{
    const ConfigResult r = ConfigLoader::loadFile(qEnvironmentVariable("ANDON_SOURCE_DIR")
                                                  + QStringLiteral("/resources/config/demo-plant.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
    const EnergySettings &e = r.model->energy;
    QVERIFY(e.configured);
    QCOMPARE(e.demandLimitKw, 250.0);
    QCOMPARE(e.subMeters.size(), std::size_t(1));
    QCOMPARE(e.subMeters[0].energy, r.model->tagIdByPath(QStringLiteral("acme/berlin/compressor_energy")));
    QCOMPARE(e.media.size(), std::size_t(1));
    QCOMPARE(e.tariffPeriods.size(), std::size_t(2));
}

void TstEnergyConfig::errors_data()
{
    QTest::addColumn<QByteArray>("energy");
    QTest::addColumn<QString>("message");
    // "energy:" is line 23, its first key line 24; columns are 1-based, counted in the
    // snippet (e.g. "  main_meter: { energy: X": X begins in column 25).
    QTest::newRow("unknown tag") << QByteArray("energy:\n  main_meter: { energy: acme/s/main_energi }\n")
                                 << QStringLiteral("plant.yaml:24:25: error: energy.main_meter.energy: unknown "
                                                   "tag path 'acme/s/main_energi'; did you mean 'acme/s/main_energy'?");
    QTest::newRow("not a counter") << QByteArray("energy:\n  main_meter: { energy: acme/s/main_power }\n")
                                   << QStringLiteral("plant.yaml:24:25: error: energy.main_meter.energy: expected "
                                                     "a counter tag (kind: counter), got kind 'analog'");
    QTest::newRow("mode") << QByteArray("energy:\n  demand: { mode: rolling }\n")
                          << QStringLiteral("plant.yaml:24:19: error: energy.demand.mode: unknown demand mode "
                                            "'rolling'; expected one of: fixed, sliding");
    QTest::newRow("weekday")
            << QByteArray("energy:\n  tariff:\n    periods:\n      - { name: p, days: [mox], start: \"08:00\", "
                          "end: \"20:00\", price: 1 }\n")
            << QStringLiteral("plant.yaml:26:27: error: energy.tariff.periods[0].days[0]: expected a weekday "
                              "(monday..sunday or mon..sun), got \"mox\"");
    QTest::newRow("clock") << QByteArray("energy:\n  tariff:\n    periods:\n      - { name: p, start: \"25:00\", "
                                         "end: \"20:00\", price: 1 }\n")
                           << QStringLiteral("plant.yaml:26:27: error: energy.tariff.periods[0].start: expected a "
                                             "time of day \"HH:MM\" (00:00 to 23:59), got \"25:00\"");
    QTest::newRow("idle state") << QByteArray("energy:\n  idle_states: [idle, sleeping]\n")
                                << QStringLiteral("plant.yaml:24:23: error: energy.idle_states[1]: unknown state "
                                                  "category 'sleeping'; expected one of: running, idle, starved, "
                                                  "blocked, down, planned_stop, changeover, off, unknown");
    QTest::newRow("medium tag") << QByteArray("energy:\n  media: [ { name: water, flow_tag: water_flow } ]\n")
                                << QStringLiteral("plant.yaml:24:37: error: energy.media[0].flow_tag: no line, area "
                                                  "or site tag named 'water_flow'");
    QTest::newRow("unknown key") << QByteArray("energy:\n  curency: EUR\n")
                                 << QStringLiteral("plant.yaml:24:3: error: unknown key 'curency' in energy; did "
                                                   "you mean 'currency'?");
    QTest::newRow("limit") << QByteArray("energy:\n  demand: { limit_kw: -5 }\n")
                           << QStringLiteral("plant.yaml:24:23: error: energy.demand.limit_kw: expected a number "
                                             "of at least 0.001, got \"-5\"");
}

void TstEnergyConfig::errors()
{
    QFETCH(QByteArray, energy);
    QFETCH(QString, message);
    const ConfigResult r = load(energy);
    QVERIFY(!r.ok());
    const QStringList messages = r.formattedMessages();
    QVERIFY2(messages.contains(message), qPrintable(messages.join(u'\n')));
}

QTEST_GUILESS_MAIN(TstEnergyConfig)
#include "tst_energy_config.moc"
