#include "engine/shift_report.h"

#include "engine/oee_rollup.h"
#include "storage/historian.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcReport, "andon.report", QtInfoMsg)

namespace andon {

using analytics::OeeResult;
using analytics::StopEvent;

namespace {

constexpr double kMsPerMin = 60'000.0;
const QString kUnassigned = QStringLiteral("unassigned");
const QString kOeeCategory = QStringLiteral("oee");

double minutes(TimestampMs ms)
{
    return static_cast<double>(ms) / kMsPerMin;
}

TimestampMs categoryMs(const OeeResult &r, StateCategory c)
{
    const auto it = r.msByCategory.find(c);
    return it == r.msByCategory.end() ? 0 : it->second;
}

ReportKpis kpisOf(const OeeResult &r)
{
    ReportKpis k;
    k.availability = r.availability;
    k.performance = r.performance;
    k.quality = r.quality;
    k.oee = r.oee;
    k.teep = r.teep;
    k.plannedOperatingMs = r.plannedOperatingMs;
    k.plannedStopMs = r.plannedStopMs;
    k.plannedBusyMs = r.plannedBusyMs;
    k.runMs = r.runMs;
    k.downMs = categoryMs(r, StateCategory::Down);
    k.unknownMs = r.unknownMs;
    k.totalCount = r.totalCount;
    k.goodCount = r.goodCount;
    k.rejectCount = r.rejectCount;
    return k;
}

ReportLosses lossesOf(const OeeResult &r)
{
    ReportLosses l;
    l.breakdownMin = minutes(r.breakdownMs);
    l.changeoverMin = minutes(r.changeoverMs);
    l.microStopMin = minutes(r.microStopMs);
    l.idleMin = minutes(r.idleMs);
    l.reducedSpeedMin = r.reducedSpeedS / 60.0;
    l.startupRejectMin = r.idealRejectStartupS / 60.0;
    l.productionRejectMin = r.idealRejectProductionS / 60.0;
    l.starvedMin = minutes(r.starvedMs);
    l.blockedMin = minutes(r.blockedMs);
    l.offMin = minutes(r.offMs);
    l.unknownMin = minutes(r.unknownMs);
    return l;
}

TimestampMs insideWindows(const std::vector<analytics::TimeWindow> &windows, TimestampMs s,
                          TimestampMs e)
{
    TimestampMs ms = 0;
    for (const auto &[ws, we] : windows)
        ms += std::max<TimestampMs>(0, std::min(e, we) - std::max(s, ws));
    return ms;
}

// Operator annotations read straight from the event journal in the documented format
// (engine/stop_annotations.h): the newest event per (machine, stop start) wins.
struct Annotations
{
    struct Note
    {
        QString reason, comment, user;
        TimestampMs at = 0;
    };
    std::map<std::pair<QString, TimestampMs>, Note> byStop;
    std::map<QString, std::vector<std::pair<TimestampMs, TimestampMs>>> splits; // (start, at)
    std::vector<ReportComment> shiftComments;
};

Annotations readAnnotations(const storage::Historian &historian, const QString &linePath,
                            TimestampMs shiftStartMs)
{
    Annotations a;
    storage::EventQuery q;
    q.categories = QStringList{kOeeCategory};
    q.kindPrefix = QString();
    q.sourcePrefix = linePath;
    for (const storage::Event &e : historian.events(q)) {
        const QJsonObject d = QJsonDocument::fromJson(e.details.toUtf8()).object();
        const auto ms = [&d](const char *key) {
            return static_cast<TimestampMs>(d.value(QLatin1String(key)).toDouble(-1));
        };
        if (e.kind == u"shift.comment") {
            if (e.source == linePath && ms("shift_start") == shiftStartMs)
                a.shiftComments.push_back(ReportComment{
                        e.t, e.user, d.value(QStringLiteral("text")).toString(), QString()});
        } else if (e.kind == u"stop.reason") {
            Annotations::Note &n = a.byStop[{e.source, ms("start")}];
            n.reason = d.value(QStringLiteral("reason")).toString();
            n.user = e.user;
            n.at = e.t;
        } else if (e.kind == u"stop.comment") {
            Annotations::Note &n = a.byStop[{e.source, ms("start")}];
            n.comment = d.value(QStringLiteral("text")).toString();
            n.user = e.user;
            n.at = e.t;
        } else if (e.kind == u"stop.split") {
            a.splits[e.source].emplace_back(ms("start"), ms("at"));
        }
    }
    return a;
}

// Applies recorded splits: a split divides the stop starting at `start` at `at` when `at` lies
// strictly inside it (so applying the same split twice changes nothing).
void applySplits(std::vector<ReportStop> &stops,
                 const std::vector<std::pair<TimestampMs, TimestampMs>> &splits,
                 const std::vector<analytics::TimeWindow> &planned)
{
    for (const auto &[start, at] : splits) {
        for (std::size_t i = 0; i < stops.size(); ++i) {
            if (stops[i].startMs != start || !(at > stops[i].startMs && at < stops[i].endMs))
                continue;
            ReportStop tail = stops[i];
            tail.startMs = at;
            stops[i].endMs = at;
            stops[i].plannedMin = minutes(insideWindows(planned, stops[i].startMs, stops[i].endMs));
            tail.plannedMin = minutes(insideWindows(planned, tail.startMs, tail.endMs));
            stops.insert(stops.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(tail));
            break;
        }
    }
}

std::vector<ReportSegment> timelineOf(const analytics::OeeInput &in, TimestampMs from,
                                      TimestampMs to)
{
    std::vector<ReportSegment> out;
    const auto push = [&out](TimestampMs s, TimestampMs e, StateCategory c, const QString &label) {
        if (e <= s)
            return;
        if (!out.empty() && out.back().endMs == s && out.back().category == c
            && out.back().label == label) {
            out.back().endMs = e;
            return;
        }
        out.push_back(ReportSegment{s, e, c, label});
    };
    const QString noData = QObject::tr("no data");
    TimestampMs cursor = from;
    for (const analytics::StateInterval &s : in.states) {
        const TimestampMs a = std::max(s.startMs, cursor);
        const TimestampMs b = std::min(s.endMs, to);
        if (b <= a)
            continue;
        push(cursor, a, StateCategory::Unknown, noData);
        push(a, b, s.category, s.reason);
        cursor = b;
        if (cursor >= to)
            break;
    }
    push(cursor, to, StateCategory::Unknown, noData);
    return out;
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(static_cast<std::size_t>(b.size()) + 1), cur(prev.size());
    for (std::size_t j = 0; j < prev.size(); ++j)
        prev[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int sub = prev[std::size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[std::size_t(j)] =
                    std::min({prev[std::size_t(j)] + 1, cur[std::size_t(j - 1)] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev.back();
}

QTimeZone zoneOf(const QString &id)
{
    QTimeZone tz(id.toUtf8());
    return tz.isValid() ? tz : QTimeZone::utc();
}

} // namespace

QString ReportStop::reason() const
{
    if (!operatorReason.isEmpty())
        return operatorReason;
    if (category == StateCategory::Down && !stateReason.isEmpty())
        return stateReason;
    return kUnassigned;
}

QString reasonSourceName(ReportReason::Source s)
{
    switch (s) {
    case ReportReason::Source::Operator: return QStringLiteral("operator");
    case ReportReason::Source::State: return QStringLiteral("state");
    case ReportReason::Source::Unassigned: break;
    }
    return QStringLiteral("unassigned");
}

QString ShiftReport::localTime(TimestampMs ms, bool date) const
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, zoneOf(timeZone));
    return dt.toString(date ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("HH:mm"));
}

QString ShiftReport::zoneAbbreviation(TimestampMs atMs) const
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(atMs != 0 ? atMs : startMs, zoneOf(timeZone));
    return zoneOf(timeZone).abbreviation(dt);
}

ShiftReportBuilder::ShiftReportBuilder(const PlantModel &model,
                                       const storage::Historian &historian,
                                       OeeQueryOptions options)
    : m_model(model), m_historian(historian), m_options(options)
{
}

QString ShiftReportBuilder::closest(const QString &path, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const QString &c : candidates) {
        const int d = editDistance(path.toLower(), c.toLower());
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    // "Reasonably close": a third of the longer string, at least 3 edits; a bare line name
    // that ends a path is close too.
    const int limit = std::max<int>(3, static_cast<int>(std::max(path.size(), best.size()) / 3));
    if (best.isEmpty())
        return best;
    if (bestDistance <= limit)
        return best;
    for (const QString &c : candidates) {
        if (!path.isEmpty() && c.endsWith(QLatin1Char('/') + path, Qt::CaseInsensitive))
            return c;
    }
    return QString();
}

bool ShiftReportBuilder::resolve(const ShiftReportRequest &request, int *line,
                                 ShiftInstance *shift, QString *error) const
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    int index = -1;
    QStringList paths;
    for (std::size_t i = 0; i < m_model.lines.size(); ++i) {
        paths << m_model.lines[i].path;
        if (m_model.lines[i].path == request.line)
            index = static_cast<int>(i);
    }
    if (index < 0) {
        const QString hint = closest(request.line, paths);
        return fail(hint.isEmpty()
                            ? QObject::tr("--line: no line '%1' in the configuration (lines: %2)")
                                      .arg(request.line,
                                           paths.isEmpty() ? QObject::tr("none")
                                                           : paths.join(QStringLiteral(", ")))
                            : QObject::tr("--line: no line '%1' in the configuration; did you "
                                          "mean '%2'?")
                                      .arg(request.line, hint));
    }
    if (!request.day.isValid())
        return fail(QObject::tr("--date: not a valid date (expected YYYY-MM-DD)"));
    if (!m_model.calendar.isSet())
        return fail(QObject::tr("the configuration has no shift calendar (calendar: shifts:)"));
    QStringList names;
    for (const ShiftDef &s : m_model.calendar.shifts)
        names << s.name;
    if (!names.contains(request.shift)) {
        const QString hint = closest(request.shift, names);
        return fail(QObject::tr("--shift: no shift '%1' in the calendar (shifts: %2)%3")
                            .arg(request.shift, names.join(QStringLiteral(", ")),
                                 hint.isEmpty() ? QString()
                                                : QObject::tr("; did you mean '%1'?").arg(hint)));
    }
    for (ShiftInstance &s : OeeRollup::shiftsOfDays(m_model, request.day, request.day)) {
        if (s.name == request.shift) {
            if (line)
                *line = index;
            if (shift)
                *shift = std::move(s);
            return true;
        }
    }
    return fail(QObject::tr("--date: no shift '%1' on %2 (a non-production day)")
                        .arg(request.shift, request.day.toString(Qt::ISODate)));
}

std::optional<ShiftReport> ShiftReportBuilder::build(const ShiftReportRequest &request,
                                                     TimestampMs nowMs, QString *error,
                                                     const std::function<bool(int, int)> &progress) const
{
    int line = -1;
    ShiftInstance shift;
    if (!resolve(request, &line, &shift, error))
        return std::nullopt;
    if (nowMs > 0 && nowMs <= shift.startMs) {
        if (error)
            *error = QObject::tr("--date/--shift: shift '%1' on %2 has not started yet")
                             .arg(request.shift, request.day.toString(Qt::ISODate));
        return std::nullopt;
    }
    if (error)
        error->clear();
    return buildImpl(line, shift, nowMs, progress);
}

ShiftReport ShiftReportBuilder::build(int line, const ShiftInstance &shift, TimestampMs nowMs) const
{
    return *buildImpl(line, shift, nowMs, {});
}

std::optional<ShiftReport> ShiftReportBuilder::buildImpl(
        int lineIndex, const ShiftInstance &shift, TimestampMs nowMs,
        const std::function<bool(int, int)> &progress) const
{
    ShiftReport rep;
    rep.plant = m_model.title.isEmpty() ? m_model.enterprise : m_model.title;
    rep.shiftName = shift.name;
    rep.day = shift.day;
    rep.timeZone = m_model.calendar.isSet() ? m_model.calendar.timeZone : m_model.timeZone();
    rep.startMs = shift.startMs;
    rep.endMs = shift.endMs;
    rep.breaks = shift.breaks;
    rep.generatedMs = nowMs;
    rep.microStopMin = minutes(m_options.oee.microStopMaxMs);
    if (lineIndex < 0 || lineIndex >= static_cast<int>(m_model.lines.size()))
        return rep;
    const Line &line = m_model.lines[static_cast<std::size_t>(lineIndex)];
    rep.linePath = line.path;
    rep.lineName = line.name;

    // An unfinished shift is reported up to now; the rest would only be unknown time.
    TimestampMs to = shift.endMs;
    if (nowMs > shift.startMs && nowMs < shift.endMs) {
        to = nowMs;
        rep.complete = false;
        rep.warnings << QObject::tr("The shift had not ended when this report was made: figures "
                                    "cover %1 to %2 only.")
                                .arg(rep.localTime(shift.startMs), rep.localTime(nowMs));
    }
    const std::vector<analytics::TimeWindow> planned = [&] {
        std::vector<analytics::TimeWindow> w;
        for (auto [s, e] : analytics::plannedWindows({shift})) {
            s = std::max(s, shift.startMs);
            e = std::min(e, to);
            if (e > s)
                w.emplace_back(s, e);
        }
        return w;
    }();

    const OeeQuery query(m_model, m_historian, m_options);
    LineOee lo;
    lo.line = lineIndex;
    lo.path = line.path;
    std::vector<double> cycles;
    std::vector<analytics::OeeInput> inputs;
    const int total = static_cast<int>(line.machines.size());
    for (int i = 0; i < total; ++i) {
        if (progress && !progress(i, total))
            return std::nullopt;
        const int mi = line.machines[static_cast<std::size_t>(i)];
        lo.machines.push_back(query.machine(mi, shift.startMs, to));
        cycles.push_back(lo.machines.back().nominalIdealCycleS);
        inputs.push_back(query.input(mi, shift.startMs, to));
    }
    if (progress && !progress(total, total))
        return std::nullopt;
    lo.bottleneck = analytics::bottleneckIndex(cycles);

    const Annotations notes = readAnnotations(m_historian, line.path, shift.startMs);

    for (std::size_t i = 0; i < lo.machines.size(); ++i) {
        const MachineOee &mo = lo.machines[i];
        const Machine &m = m_model.machines[static_cast<std::size_t>(mo.machine)];
        ReportMachine rm;
        rm.path = mo.path;
        rm.name = m.name;
        rm.bottleneck = static_cast<int>(i) == lo.bottleneck;
        rm.kpis = kpisOf(mo.result);
        rm.losses = lossesOf(mo.result);
        for (const auto &[code, n] : mo.result.countByProduct) {
            const ProductDef *p = m_model.product(code);
            rm.products.push_back(ReportProductCount{
                    code, p ? p->name : QObject::tr("product %1").arg(code), n});
        }
        rm.warnings = mo.warnings;
        for (const QString &w : mo.warnings)
            rep.warnings << QStringLiteral("%1: %2").arg(m.name, w);
        if (mo.result.unknownMs > 0)
            rep.warnings << QObject::tr("%1: %2 min of planned production time without data "
                                        "(unknown time, counted as a loss)")
                                    .arg(m.name)
                                    .arg(minutes(mo.result.unknownMs), 0, 'f', 1);
        if (mo.result.counterResets > 0)
            rep.warnings << QObject::tr("%1: %n counter reset(s) during the shift", nullptr,
                                        mo.result.counterResets)
                                    .arg(m.name);
        if (rm.bottleneck) {
            rep.bottleneck = m.name;
            rep.targets = m_model.machineOee(mo.machine).targets;
            if (m_options.microStopFromConfig)
                rep.microStopMin = minutes(m_model.machineOee(mo.machine).microStopMs);
            rep.line = rm.kpis;
            rep.lineLosses = rm.losses;
        }

        // Stops with the operator's splits, reasons and comments.
        std::vector<ReportStop> stops;
        for (const StopEvent &s : mo.result.stops) {
            ReportStop rs;
            rs.machine = m.name;
            rs.machinePath = m.path;
            rs.startMs = s.startMs;
            rs.endMs = s.endMs;
            rs.plannedMin = minutes(s.plannedMs);
            rs.category = s.category;
            rs.micro = s.micro;
            rs.stateReason = s.reason;
            // OeeQuery applied the operator's splits/reasons/comments (StopAnnotations).
            rs.operatorReason = s.reasonCode;
            rs.comment = s.comment;
            rs.user = s.annotatedBy;
            stops.push_back(std::move(rs));
        }
        if (!m_options.applyAnnotations) {
            if (const auto it = notes.splits.find(m.path); it != notes.splits.end())
                applySplits(stops, it->second, planned);
        }
        const ReasonTree &tree = m_model.machineOee(mo.machine).reasons;
        for (ReportStop &rs : stops) {
            const auto it = notes.byStop.find({m.path, rs.startMs});
            if (it != notes.byStop.end()) {
                if (!it->second.reason.isEmpty())
                    rs.operatorReason = it->second.reason;
                if (!it->second.comment.isEmpty())
                    rs.comment = it->second.comment;
                rs.user = it->second.user;
            }
            // Words over codes: the reason tree's name for the operator's code.
            if (!rs.operatorReason.isEmpty())
                rs.operatorReason = tree.name(rs.operatorReason);
            if (it == notes.byStop.end())
                continue;
            if (!rs.comment.isEmpty())
                rep.comments.push_back(ReportComment{
                        it->second.at, it->second.user, rs.comment,
                        QObject::tr("%1, stop at %2").arg(m.name, rep.localTime(rs.startMs))});
        }
        for (ReportStop &rs : stops) {
            if (rs.plannedMin > 0)
                rep.stops.push_back(std::move(rs));
        }

        ReportTimeline tl;
        tl.machine = m.name;
        tl.segments = timelineOf(inputs[i], shift.startMs, to);
        rep.timelines.push_back(std::move(tl));
        rep.machines.push_back(std::move(rm));
    }
    std::stable_sort(rep.stops.begin(), rep.stops.end(),
                     [](const ReportStop &a, const ReportStop &b) { return a.startMs < b.startMs; });

    // Top reasons over every machine of the line, by planned minutes.
    std::map<QString, ReportReason> reasons;
    for (const ReportStop &s : rep.stops) {
        ReportReason &r = reasons[s.reason()];
        r.reason = s.reason();
        r.source = !s.operatorReason.isEmpty() ? ReportReason::Source::Operator
                : r.reason == kUnassigned     ? ReportReason::Source::Unassigned
                                              : ReportReason::Source::State;
        r.minutes += s.plannedMin;
        ++r.stops;
    }
    for (auto &[key, r] : reasons)
        rep.reasons.push_back(r);
    std::stable_sort(rep.reasons.begin(), rep.reasons.end(),
                     [](const ReportReason &a, const ReportReason &b) {
                         return a.minutes > b.minutes;
                     });

    for (const ReportComment &c : notes.shiftComments)
        rep.comments.push_back(c);
    std::stable_sort(rep.comments.begin(), rep.comments.end(),
                     [](const ReportComment &a, const ReportComment &b) { return a.t < b.t; });
    if (lo.machines.empty())
        rep.warnings << QObject::tr("The line has no machines.");
    qCDebug(lcReport) << "shift report" << rep.linePath << rep.shiftName << rep.day
                      << rep.stops.size() << "stops";
    return rep;
}

// ---------------------------------------------------------------- CSV and text

namespace {

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"'))
        && !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString num(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

QString pct(const std::optional<double> &v)
{
    return v ? QString::number(*v * 100.0, 'f', 3) : QString();
}

QString count(double v)
{
    return QString::number(v, 'f', 0);
}

class Csv
{
public:
    void section(const char *name, const QStringList &header)
    {
        if (!m_text.isEmpty())
            m_text += QLatin1Char('\n');
        m_text += QStringLiteral("# ") + QLatin1String(name) + QLatin1Char('\n');
        row(header);
    }
    void row(const QStringList &fields)
    {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        m_text += quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    QString text() const { return m_text; }

private:
    QString m_text;
};

QStringList kpiRow(const QString &scope, const QString &machine, const ReportKpis &k)
{
    return {scope,
            machine,
            pct(k.availability),
            pct(k.performance),
            pct(k.quality),
            pct(k.oee),
            pct(k.teep),
            num(minutes(k.plannedOperatingMs), 3),
            num(minutes(k.plannedStopMs), 3),
            num(minutes(k.plannedBusyMs), 3),
            num(minutes(k.runMs), 3),
            num(minutes(k.downMs), 3),
            num(minutes(k.unknownMs), 3),
            count(k.totalCount),
            count(k.goodCount),
            count(k.rejectCount)};
}

QStringList lossRow(const QString &scope, const QString &machine, const ReportLosses &l)
{
    return {scope,
            machine,
            num(l.breakdownMin, 3),
            num(l.changeoverMin, 3),
            num(l.microStopMin, 3),
            num(l.idleMin, 3),
            num(l.reducedSpeedMin, 3),
            num(l.startupRejectMin, 3),
            num(l.productionRejectMin, 3),
            num(l.starvedMin, 3),
            num(l.blockedMin, 3),
            num(l.offMin, 3),
            num(l.unknownMin, 3)};
}

QString isoLocal(const ShiftReport &r, TimestampMs ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zoneOf(r.timeZone)).toString(Qt::ISODate);
}

} // namespace

QString shiftReportCsv(const ShiftReport &r)
{
    Csv csv;
    csv.section("report", {QStringLiteral("key"), QStringLiteral("value")});
    const std::pair<const char *, QString> meta[] = {
            {"plant", r.plant},
            {"line", r.linePath},
            {"shift", r.shiftName},
            {"date", r.day.toString(Qt::ISODate)},
            {"time_zone", r.timeZone},
            {"start", isoLocal(r, r.startMs)},
            {"end", isoLocal(r, r.endMs)},
            {"complete", r.complete ? QStringLiteral("true") : QStringLiteral("false")},
            {"bottleneck", r.bottleneck},
            {"micro_stop_threshold_min", num(r.microStopMin, 1)},
            {"generated", isoLocal(r, r.generatedMs)}};
    for (const auto &[k, v] : meta)
        csv.row({QLatin1String(k), v});

    csv.section("kpi", {QStringLiteral("scope"), QStringLiteral("machine"),
                        QStringLiteral("availability_pct"), QStringLiteral("performance_pct"),
                        QStringLiteral("quality_pct"), QStringLiteral("oee_pct"),
                        QStringLiteral("teep_pct"), QStringLiteral("planned_operating_min"),
                        QStringLiteral("planned_stop_min"), QStringLiteral("planned_production_min"),
                        QStringLiteral("run_min"), QStringLiteral("down_min"),
                        QStringLiteral("unknown_min"), QStringLiteral("total_count"),
                        QStringLiteral("good_count"), QStringLiteral("reject_count")});
    csv.row(kpiRow(QStringLiteral("line"), r.bottleneck, r.line));
    for (const ReportMachine &m : r.machines)
        csv.row(kpiRow(QStringLiteral("machine"), m.path, m.kpis));

    csv.section("losses", {QStringLiteral("scope"), QStringLiteral("machine"),
                           QStringLiteral("breakdowns_min"), QStringLiteral("changeover_min"),
                           QStringLiteral("micro_stops_min"), QStringLiteral("idle_min"),
                           QStringLiteral("reduced_speed_min"), QStringLiteral("startup_rejects_min"),
                           QStringLiteral("production_rejects_min"), QStringLiteral("starved_min"),
                           QStringLiteral("blocked_min"), QStringLiteral("off_min"),
                           QStringLiteral("unknown_min")});
    csv.row(lossRow(QStringLiteral("line"), r.bottleneck, r.lineLosses));
    for (const ReportMachine &m : r.machines)
        csv.row(lossRow(QStringLiteral("machine"), m.path, m.losses));

    csv.section("counts_by_product", {QStringLiteral("machine"), QStringLiteral("product_code"),
                                      QStringLiteral("product"), QStringLiteral("count")});
    for (const ReportMachine &m : r.machines) {
        for (const ReportProductCount &p : m.products)
            csv.row({m.path, QString::number(p.code), p.name, count(p.count)});
    }

    csv.section("reasons", {QStringLiteral("rank"), QStringLiteral("reason"),
                            QStringLiteral("source"), QStringLiteral("minutes"),
                            QStringLiteral("stops")});
    int rank = 0;
    for (const ReportReason &x : r.reasons)
        csv.row({QString::number(++rank), x.reason, reasonSourceName(x.source),
                 num(x.minutes, 3), QString::number(x.stops)});

    csv.section("stops", {QStringLiteral("machine"), QStringLiteral("start"), QStringLiteral("end"),
                          QStringLiteral("duration_min"), QStringLiteral("planned_min"),
                          QStringLiteral("category"), QStringLiteral("micro"),
                          QStringLiteral("state_reason"), QStringLiteral("operator_reason"),
                          QStringLiteral("reason"), QStringLiteral("user"),
                          QStringLiteral("comment")});
    for (const ReportStop &s : r.stops)
        csv.row({s.machinePath, isoLocal(r, s.startMs), isoLocal(r, s.endMs),
                 num(minutes(s.endMs - s.startMs), 3), num(s.plannedMin, 3),
                 stateCategoryName(s.category),
                 s.micro ? QStringLiteral("true") : QStringLiteral("false"), s.stateReason,
                 s.operatorReason, s.reason(), s.user, s.comment});

    csv.section("timeline", {QStringLiteral("machine"), QStringLiteral("start"),
                             QStringLiteral("end"), QStringLiteral("minutes"),
                             QStringLiteral("category"), QStringLiteral("state")});
    for (const ReportTimeline &t : r.timelines) {
        for (const ReportSegment &s : t.segments)
            csv.row({t.machine, isoLocal(r, s.startMs), isoLocal(r, s.endMs),
                     num(minutes(s.endMs - s.startMs), 3), stateCategoryName(s.category), s.label});
    }

    csv.section("comments", {QStringLiteral("time"), QStringLiteral("user"),
                             QStringLiteral("about"), QStringLiteral("text")});
    for (const ReportComment &c : r.comments)
        csv.row({isoLocal(r, c.t), c.user, c.about, c.text});

    csv.section("warnings", {QStringLiteral("warning")});
    for (const QString &w : r.warnings)
        csv.row({w});
    return csv.text();
}

QString shiftReportText(const ShiftReport &r)
{
    const auto p = [](const std::optional<double> &v) {
        return v ? QString::number(*v * 100.0, 'f', 1) + QStringLiteral(" %") : QStringLiteral("n/a");
    };
    QString text;
    QTextStream out(&text);
    out << "Shift report " << r.plant << '\n'
        << "line  " << r.linePath << '\n'
        << "shift " << r.shiftName << ' ' << r.day.toString(Qt::ISODate) << ", "
        << r.localTime(r.startMs, true) << " .. " << r.localTime(r.endMs, true) << ' '
        << r.timeZone << " (" << r.zoneAbbreviation() << ")"
        << (r.complete ? "" : " — not finished") << '\n'
        << '\n'
        << "line (bottleneck " << r.bottleneck << "): OEE " << p(r.line.oee) << "  A "
        << p(r.line.availability) << "  P " << p(r.line.performance) << "  Q "
        << p(r.line.quality) << "  TEEP " << p(r.line.teep) << '\n';
    out << "  planned production " << num(minutes(r.line.plannedBusyMs), 1) << " min, run "
        << num(minutes(r.line.runMs), 1) << " min, down " << num(minutes(r.line.downMs), 1)
        << " min, unknown " << num(minutes(r.line.unknownMs), 1) << " min\n"
        << "  counts: total " << count(r.line.totalCount) << ", good " << count(r.line.goodCount)
        << ", reject " << count(r.line.rejectCount) << "\n\n";
    out << "machine               A        P        Q      OEE   run min  down min   total  reject\n";
    for (const ReportMachine &m : r.machines) {
        out << QString(m.name + (m.bottleneck ? QStringLiteral(" *") : QString())).leftJustified(16)
            << p(m.kpis.availability).rightJustified(9) << p(m.kpis.performance).rightJustified(9)
            << p(m.kpis.quality).rightJustified(9) << p(m.kpis.oee).rightJustified(9)
            << num(minutes(m.kpis.runMs), 1).rightJustified(10)
            << num(minutes(m.kpis.downMs), 1).rightJustified(10)
            << count(m.kpis.totalCount).rightJustified(8)
            << count(m.kpis.rejectCount).rightJustified(8) << '\n';
    }
    out << "(* bottleneck: the line's figures)\n\n";
    const ReportLosses &l = r.lineLosses;
    out << "losses of the bottleneck (min): breakdowns " << num(l.breakdownMin, 1)
        << ", setup/changeover " << num(l.changeoverMin, 1) << ", micro-stops "
        << num(l.microStopMin, 1) << ", idle " << num(l.idleMin, 1) << ", reduced speed "
        << num(l.reducedSpeedMin, 1) << ", start-up rejects " << num(l.startupRejectMin, 1)
        << ", production rejects " << num(l.productionRejectMin, 1) << ", starved "
        << num(l.starvedMin, 1) << ", blocked " << num(l.blockedMin, 1) << ", unknown "
        << num(l.unknownMin, 1) << "\n\n";
    out << "top downtime reasons (line, min):\n";
    int shown = 0;
    for (const ReportReason &x : r.reasons) {
        if (++shown > 10)
            break;
        out << "  " << num(x.minutes, 1).rightJustified(7) << "  " << x.reason << " ("
            << reasonSourceName(x.source) << ", " << x.stops << " stops)\n";
    }
    if (r.reasons.empty())
        out << "  none\n";
    out << "stops: " << r.stops.size() << '\n';
    if (!r.comments.empty()) {
        out << "\ncomments:\n";
        for (const ReportComment &c : r.comments)
            out << "  " << r.localTime(c.t, true) << ' ' << c.user
                << (c.about.isEmpty() ? QString() : QStringLiteral(" (") + c.about + u')') << ": "
                << c.text << '\n';
    }
    if (!r.warnings.isEmpty()) {
        out << "\nwarnings:\n";
        for (const QString &w : r.warnings)
            out << "  " << w << '\n';
    }
    out.flush();
    return text;
}

} // namespace andon
