// What the Energy page shows for one period, and its computation from the historian
// (engine/EnergyQuery). Runs on the page's worker thread; the GUI thread only applies it.
#pragma once

#include "engine/energy_query.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace andon::storage {
class Historian;
}

namespace andon::ui {

enum class EnergyBucket { Hour, Shift, Day };
enum class EnergyPeriod { Today, Yesterday, Last7Days };

struct EnergyProductRow
{
    int code = 0;
    QString name;
    double kwh = 0.0;
    double good = 0.0; // line output (last machine of each line)
};

struct EnergyPageData
{
    quint64 generation = 0;
    TimestampMs fromMs = 0, toMs = 0, nowMs = 0;
    QString zoneName;                          // "Europe/Berlin"
    std::vector<analytics::TimeWindow> buckets;
    QStringList bucketLabels;
    std::vector<std::vector<double>> kwhByMachineBucket; // [machine][bucket]
    EnergyReport report;
    std::vector<std::pair<TimestampMs, double>> sitePowerKw; // per minute (mean)
    std::vector<EnergyProductRow> products;
    double computeMs = 0.0;
};

// [from, to) of a period ending `now` in the plant's time zone.
analytics::TimeWindow energyPeriodWindow(const PlantModel &model, EnergyPeriod period,
                                         TimestampMs nowMs);

EnergyPageData computeEnergyPage(const PlantModel &model, const storage::Historian &historian,
                                 EnergyPeriod period, EnergyBucket bucket, TimestampMs nowMs,
                                 quint64 generation);

} // namespace andon::ui
