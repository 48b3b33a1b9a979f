#include "engine/kpi_records.h"

#include "engine/energy_query.h"
#include "engine/oee_query.h"
#include "engine/oee_rollup.h"
#include "storage/csv_io.h"

#include <QDateTime>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace andon {

namespace {

constexpr TimestampMs kHourMs = 3'600'000;

QTimeZone plantZone(const PlantModel &model)
{
    const QString zone = model.calendar.isSet() ? model.calendar.timeZone : model.timeZone();
    QTimeZone tz(zone.toUtf8());
    return tz.isValid() ? tz : QTimeZone::utc();
}

QDate localDay(TimestampMs t, const QTimeZone &tz)
{
    return QDateTime::fromMSecsSinceEpoch(t, tz).date();
}

// Shortest text that reads back to the same double; empty = unknown.
QString number(double v)
{
    return std::isfinite(v) ? storage::formatCsvValue(v) : QString();
}

QString optNumber(const std::optional<double> &v)
{
    return v ? number(*v) : QString();
}

QString seconds(TimestampMs ms)
{
    return number(static_cast<double>(ms) / 1000.0);
}

QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QJsonValue jsonNumber(const std::optional<double> &v)
{
    return v ? jsonNumber(*v) : QJsonValue();
}

void fillOee(KpiRecord *r, const MachineOee &m)
{
    const analytics::OeeResult &o = m.result;
    r->availability = o.availability;
    r->performance = o.performance;
    r->quality = o.quality;
    r->oee = o.oee;
    r->totalCount = o.totalCount;
    r->goodCount = o.goodCount;
    r->rejectCount = o.rejectCount;
    r->plannedBusyMs = o.plannedBusyMs;
    r->runMs = o.runMs;
    r->unknownMs = o.unknownMs;
}

} // namespace

bool parseKpiPer(const QString &text, KpiPer *out)
{
    if (text == u"shift")
        *out = KpiPer::Shift;
    else if (text == u"hour")
        *out = KpiPer::Hour;
    else if (text == u"day")
        *out = KpiPer::Day;
    else
        return false;
    return true;
}

bool kpiPeriods(const PlantModel &model, TimestampMs fromMs, TimestampMs toMs, KpiPer per,
                std::vector<KpiPeriod> *out, std::size_t maxPeriods)
{
    out->clear();
    if (toMs <= fromMs)
        return true;
    const QTimeZone tz = plantZone(model);
    const auto add = [&](TimestampMs a, TimestampMs b, const QString &shift, QDate day) {
        const TimestampMs s = std::max(a, fromMs), e = std::min(b, toMs);
        if (e <= s)
            return true;
        if (out->size() >= maxPeriods)
            return false;
        out->push_back({s, e, shift, day});
        return true;
    };
    switch (per) {
    case KpiPer::Shift: {
        // A shift belongs to the day it starts on: start one day early for a night shift
        // running into `from`.
        const QDate first = localDay(fromMs, tz).addDays(-1), last = localDay(toMs - 1, tz);
        if (first.daysTo(last) > static_cast<qint64>(maxPeriods))
            return false;
        for (const ShiftInstance &s : OeeRollup::shiftsOfDays(model, first, last)) {
            if (!add(s.startMs, s.endMs, s.name, s.day))
                return false;
        }
        return true;
    }
    case KpiPer::Hour: {
        if ((toMs - fromMs) / kHourMs > static_cast<TimestampMs>(maxPeriods))
            return false;
        // Local whole hours; UTC hours step on from there (zones with a whole-hour offset keep
        // them aligned through DST changes).
        QDateTime at = QDateTime::fromMSecsSinceEpoch(fromMs, tz);
        at.setTime(QTime(at.time().hour(), 0));
        TimestampMs t = std::min<TimestampMs>(at.toMSecsSinceEpoch(), fromMs);
        for (; t < toMs; t += kHourMs) {
            if (!add(t, t + kHourMs, QString(), localDay(t, tz)))
                return false;
        }
        return true;
    }
    case KpiPer::Day: {
        const QDate first = localDay(fromMs, tz), last = localDay(toMs - 1, tz);
        if (first.daysTo(last) > static_cast<qint64>(maxPeriods))
            return false;
        for (QDate d = first; d <= last; d = d.addDays(1)) {
            if (!add(QDateTime(d, QTime(0, 0), tz).toMSecsSinceEpoch(),
                     QDateTime(d.addDays(1), QTime(0, 0), tz).toMSecsSinceEpoch(), QString(), d))
                return false;
        }
        return true;
    }
    }
    return true;
}

std::vector<KpiRecord> computeKpis(const PlantModel &model, const storage::Historian &historian,
                                   const KpiPeriod &period, KpiOptions options)
{
    std::vector<KpiRecord> out;
    // Default options: the numbers of `andon-cli oee` without --micro-stop-min/--startup-min.
    const OeeQuery oee(model, historian);
    const EnergyQuery energy(model, historian);
    for (std::size_t li = 0; li < model.lines.size(); ++li) {
        const Line &line = model.lines[li];
        LineOee lo;
        if (options.oee)
            lo = oee.line(static_cast<int>(li), period.startMs, period.endMs);
        const std::size_t first = out.size();
        double lineKwh = 0, lastGood = 0;
        bool lineEnergyKnown = !line.machines.empty();
        for (std::size_t k = 0; k < line.machines.size(); ++k) {
            const int mi = line.machines[k];
            KpiRecord r;
            r.period = period;
            r.level = QStringLiteral("machine");
            r.index = mi;
            r.path = model.machines[static_cast<std::size_t>(mi)].path;
            if (options.oee && k < lo.machines.size()) {
                fillOee(&r, lo.machines[k]);
                r.warnings = lo.machines[k].warnings;
            }
            if (options.energy) {
                const MachineEnergy me = energy.machine(mi, period.startMs, period.endMs);
                if (!me.source.isEmpty()) {
                    r.energyKwh = me.kwh;
                    r.energyGood = me.goodCount;
                    if (me.goodCount > 0)
                        r.kwhPerUnit = me.kwh / me.goodCount;
                    lineKwh += me.kwh;
                } else {
                    lineEnergyKnown = false;
                }
                if (k + 1 == line.machines.size())
                    lastGood = me.goodCount;
            }
            out.push_back(std::move(r));
        }
        KpiRecord lr;
        lr.period = period;
        lr.level = QStringLiteral("line");
        lr.index = static_cast<int>(li);
        lr.path = line.path;
        if (options.oee && lo.bottleneck >= 0) {
            const MachineOee &b = lo.machines[static_cast<std::size_t>(lo.bottleneck)];
            fillOee(&lr, b);
            lr.bottleneck = b.path;
        }
        if (options.energy && lineEnergyKnown) {
            lr.energyKwh = lineKwh;
            lr.energyGood = lastGood;
            if (lastGood > 0)
                lr.kwhPerUnit = lineKwh / lastGood;
        }
        for (std::size_t k = first; k < out.size(); ++k)
            lr.warnings << out[k].warnings;
        out.push_back(std::move(lr));
    }
    return out;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

QString kpiCsvHeader()
{
    return QStringLiteral(
            "period_start,period_end,production_day,shift,level,path,availability,performance,"
            "quality,oee,total_count,good_count,reject_count,planned_production_time_s,"
            "run_time_s,unknown_time_s,energy_kwh,energy_per_unit_kwh,bottleneck");
}

QString kpiCsvRow(const KpiRecord &r)
{
    const QStringList fields{
            formatTimestampUtc(r.period.startMs),
            formatTimestampUtc(r.period.endMs),
            r.period.day.isValid() ? r.period.day.toString(Qt::ISODate) : QString(),
            csvField(r.period.shift),
            r.level,
            csvField(r.path),
            optNumber(r.availability),
            optNumber(r.performance),
            optNumber(r.quality),
            optNumber(r.oee),
            number(r.totalCount),
            number(r.goodCount),
            number(r.rejectCount),
            seconds(r.plannedBusyMs),
            seconds(r.runMs),
            seconds(r.unknownMs),
            number(r.energyKwh),
            number(r.kwhPerUnit),
            csvField(r.bottleneck)};
    return fields.join(u',');
}

QJsonObject kpiJson(const KpiRecord &r)
{
    return QJsonObject{
            {QStringLiteral("period_start"), formatTimestampUtc(r.period.startMs)},
            {QStringLiteral("period_end"), formatTimestampUtc(r.period.endMs)},
            {QStringLiteral("production_day"),
             r.period.day.isValid() ? QJsonValue(r.period.day.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("shift"), r.period.shift.isEmpty() ? QJsonValue() : QJsonValue(r.period.shift)},
            {QStringLiteral("level"), r.level},
            {QStringLiteral("path"), r.path},
            {QStringLiteral("availability"), jsonNumber(r.availability)},
            {QStringLiteral("performance"), jsonNumber(r.performance)},
            {QStringLiteral("quality"), jsonNumber(r.quality)},
            {QStringLiteral("oee"), jsonNumber(r.oee)},
            {QStringLiteral("total_count"), jsonNumber(r.totalCount)},
            {QStringLiteral("good_count"), jsonNumber(r.goodCount)},
            {QStringLiteral("reject_count"), jsonNumber(r.rejectCount)},
            {QStringLiteral("planned_production_time_s"), static_cast<double>(r.plannedBusyMs) / 1000.0},
            {QStringLiteral("run_time_s"), static_cast<double>(r.runMs) / 1000.0},
            {QStringLiteral("unknown_time_s"), static_cast<double>(r.unknownMs) / 1000.0},
            {QStringLiteral("energy_kwh"), jsonNumber(r.energyKwh)},
            {QStringLiteral("energy_per_unit_kwh"), jsonNumber(r.kwhPerUnit)},
            {QStringLiteral("bottleneck"), r.bottleneck.isEmpty() ? QJsonValue() : QJsonValue(r.bottleneck)}};
}

bool parseSeriesAgg(const QString &text, SeriesAgg *out)
{
    if (text == u"mean")
        *out = SeriesAgg::Mean;
    else if (text == u"min")
        *out = SeriesAgg::Min;
    else if (text == u"max")
        *out = SeriesAgg::Max;
    else if (text == u"last")
        *out = SeriesAgg::Last;
    else
        return false;
    return true;
}

QString seriesAggName(SeriesAgg agg)
{
    switch (agg) {
    case SeriesAgg::Mean:
        return QStringLiteral("mean");
    case SeriesAgg::Min:
        return QStringLiteral("min");
    case SeriesAgg::Max:
        return QStringLiteral("max");
    case SeriesAgg::Last:
        return QStringLiteral("last");
    }
    return QString();
}

std::vector<SeriesPoint> aggregateSeries(const std::vector<Sample> &samples, TimestampMs stepMs,
                                         SeriesAgg agg)
{
    std::vector<SeriesPoint> out;
    if (stepMs <= 0)
        return out;
    double sum = 0;
    const auto close = [&] {
        if (!out.empty() && agg == SeriesAgg::Mean && out.back().count > 0)
            out.back().value = sum / static_cast<double>(out.back().count);
    };
    for (const Sample &s : samples) {
        if (severity(s.q) == QualitySeverity::Bad || !std::isfinite(s.value))
            continue;
        // Floor division, also for times before the epoch.
        TimestampMs bucket = s.t_ms / stepMs * stepMs;
        if (bucket > s.t_ms)
            bucket -= stepMs;
        if (out.empty() || out.back().t != bucket) {
            close();
            out.push_back({bucket, s.value, s.q, 0});
            sum = 0;
        }
        SeriesPoint &p = out.back();
        ++p.count;
        sum += s.value;
        if (severity(s.q) > severity(p.q))
            p.q = s.q;
        switch (agg) {
        case SeriesAgg::Mean:
            break;
        case SeriesAgg::Min:
            p.value = std::min(p.value, s.value);
            break;
        case SeriesAgg::Max:
            p.value = std::max(p.value, s.value);
            break;
        case SeriesAgg::Last:
            p.value = s.value;
            break;
        }
    }
    close();
    return out;
}

QStringList matchTagPaths(const QStringList &paths, const QString &patterns)
{
    std::vector<QRegularExpression> res;
    for (const QString &p : patterns.split(u',', Qt::SkipEmptyParts)) {
        QString rx;
        for (const QChar c : p.trimmed()) {
            if (c == u'*')
                rx += QStringLiteral(".*");
            else if (c == u'?')
                rx += u'.';
            else
                rx += QRegularExpression::escape(QString(c));
        }
        res.emplace_back(QRegularExpression::anchoredPattern(rx));
    }
    QStringList out;
    for (const QString &path : paths) {
        for (const QRegularExpression &re : res) {
            if (re.match(path).hasMatch()) {
                out << path;
                break;
            }
        }
    }
    return out;
}

} // namespace andon
