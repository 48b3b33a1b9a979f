#include "report/maintenance_worklist.h"
#include "report/print_style.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QLoggingCategory>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcWorkList, "andon.report.worklist", QtInfoMsg)

namespace andon::report {

namespace {

namespace cond = analytics::condition;

QString tr(const char *s)
{
    return QCoreApplication::translate("andon::report::WorkList", s);
}

QTimeZone zoneOf(const QString &id)
{
    const QByteArray b = id.toUtf8();
    return !b.isEmpty() && QTimeZone::isTimeZoneIdAvailable(b) ? QTimeZone(b) : QTimeZone::utc();
}

QString number(double v, int decimals)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QStringLiteral("—");
}

} // namespace

QString healthDriverName(const QString &driver)
{
    if (driver == u"vibration")
        return tr("vibration");
    if (driver == u"temperature")
        return tr("temperature");
    if (driver == u"temperature_rise")
        return tr("temperature rise");
    if (driver == u"current")
        return tr("motor current");
    if (driver == u"oil_cleanliness")
        return tr("oil cleanliness");
    if (driver == u"oil_water")
        return tr("water in oil");
    if (driver == u"oil_permittivity")
        return tr("oil permittivity");
    if (driver == u"oil_viscosity")
        return tr("oil viscosity");
    if (driver == u"oil_tan")
        return tr("oil acid number");
    return driver.isEmpty() ? QStringLiteral("—") : driver;
}

QString oilCodeText(const OilHealth &oil)
{
    return tr("%1 (target %2)").arg(oil.code.toString(), oil.target.toString());
}

QString oilSizeName(int size)
{
    static const char *const names[] = {"≥4 µm", "≥6 µm", "≥14 µm"};
    return size >= 0 && size < 3 ? QString::fromUtf8(names[size]) : QString();
}

bool oilRulFirst(const MachineHealth &h)
{
    const cond::RulEstimate &o = h.oil.rul;
    if (o.status != cond::RulStatus::Ok)
        return false;
    return h.rul.status != cond::RulStatus::Ok && h.rul.status != cond::RulStatus::Crossed
        ? true
        : h.rul.status == cond::RulStatus::Ok && o.earlyMs < h.rul.earlyMs;
}

namespace {

QString rulText(const MachineHealth &h)
{
    if (oilRulFirst(h)) {
        const cond::RulEstimate &o = h.oil.rul;
        return tr("%1 h (%2–%3%4 h) to oil alarm (%5)")
                .arg(number(o.rulHours(), 1), number(o.rulLowHours(), 1),
                     o.lateBeyondHorizon ? QStringLiteral(">") : QString(),
                     number(o.rulHighHours(), 1), oilSizeName(h.oil.rulSize));
    }
    const cond::RulEstimate &r = h.rul;
    const QString zone = vibrationZoneName(h.rulZone);
    switch (r.status) {
    case cond::RulStatus::Ok:
        return tr("%1 h (%2–%3%4 h) to zone %5")
                .arg(number(r.rulHours(), 1), number(r.rulLowHours(), 1),
                     r.lateBeyondHorizon ? QStringLiteral(">") : QString(),
                     number(r.rulHighHours(), 1), zone);
    case cond::RulStatus::Crossed: return tr("in zone %1 now").arg(vibrationZoneName(h.zone));
    case cond::RulStatus::BeyondHorizon: return tr("beyond the horizon (no crossing foreseen)");
    case cond::RulStatus::TooFewPoints:
        return h.vibrationTag.isEmpty() ? QStringLiteral("—")
                                        : tr("insufficient data: too few running points");
    case cond::RulStatus::NotIncreasing: return tr("insufficient data: no rising trend");
    case cond::RulStatus::PoorFit: return tr("insufficient data: no trend fits well");
    }
    return QStringLiteral("—");
}

// Why the machine is on the list, most pressing first.
QString actionText(const MachineHealth &h)
{
    QStringList out;
    const auto sev = [](cond::Severity s) {
        return s == cond::Severity::Alarm ? tr("alarm") : tr("warning");
    };
    if (h.zone == VibrationZone::C || h.zone == VibrationZone::D)
        out << tr("vibration in zone %1").arg(vibrationZoneName(h.zone));
    if (h.temperatureSeverity >= cond::Severity::Warning)
        out << tr("temperature %1 °C (%2)").arg(number(h.temperature, 1), sev(h.temperatureSeverity));
    if (h.riseSeverity >= cond::Severity::Warning)
        out << tr("temperature rise %1 K (%2)").arg(number(h.rise, 1), sev(h.riseSeverity));
    if (h.currentSeverity >= cond::Severity::Warning)
        out << tr("motor current %1 % (%2)").arg(number(h.current.pct, 1), sev(h.currentSeverity));
    const OilHealth &oil = h.oil;
    if (oil.cleanliness >= cond::Severity::Warning)
        out << tr("oil %1, %2").arg(oilCodeText(oil),
                                    oil.cleanliness == cond::Severity::Alarm ? tr("alarm")
                                                                             : tr("alert"));
    if (oil.waterSeverity >= cond::Severity::Warning)
        out << tr("water in oil %1 (%2)")
                       .arg(oil.waterPpm ? tr("%1 ppm").arg(number(oil.water, 0))
                                         : tr("%1 % saturation").arg(number(oil.water, 0)),
                            sev(oil.waterSeverity));
    if (oil.permittivitySeverity >= cond::Severity::Warning)
        out << tr("oil permittivity %1 % (%2)").arg(number(oil.permittivityChangePct, 1),
                                                    sev(oil.permittivitySeverity));
    if (oil.viscositySeverity >= cond::Severity::Warning)
        out << tr("oil viscosity %1 % (%2)").arg(number(oil.viscosityChangePct, 1),
                                                 sev(oil.viscositySeverity));
    if (oil.tanSeverity >= cond::Severity::Warning)
        out << tr("oil TAN +%1 mg KOH/g (%2)").arg(number(oil.tanIncrease, 2), sev(oil.tanSeverity));
    if (h.serviceOverdue)
        out << tr("service overdue");
    if (h.rul.status == cond::RulStatus::Ok)
        out << tr("vibration reaches zone %1").arg(vibrationZoneName(h.rulZone));
    if (oil.rul.status == cond::RulStatus::Ok)
        out << tr("oil reaches its alarm code");
    if (out.isEmpty() && h.serviceDueMs)
        out << tr("service due");
    if (out.isEmpty())
        return tr("no action foreseen");
    return out.join(QStringLiteral("; "));
}

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

QString isoTime(TimestampMs ms, const QTimeZone &zone)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate) : QString();
}

} // namespace

// ---- WorkList ----

QString WorkList::localTime(TimestampMs ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, zoneOf(timeZone))
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString WorkList::zoneAbbreviation(TimestampMs ms) const
{
    const QTimeZone z = zoneOf(timeZone);
    return z.abbreviation(QDateTime::fromMSecsSinceEpoch(ms, z));
}

WorkList WorkList::fromFleet(const FleetHealth &fleet, const PlantModel &model,
                             TimestampMs generatedMs)
{
    WorkList list;
    list.plant = model.title;
    list.timeZone = model.timeZone();
    list.asOfMs = fleet.nowMs;
    list.generatedMs = generatedMs;
    int rank = 0;
    for (const MachineHealth &h : fleet.machines) {
        WorkListRow r;
        r.rank = ++rank;
        r.machine = h.machine;
        r.name = h.name.isEmpty() ? h.path : h.name;
        r.path = h.path;
        r.line = h.line;
        r.health = h.health;
        r.healthText = std::isfinite(h.health) ? QLocale().toString(h.health, 'f', 0)
                                               : QStringLiteral("—");
        r.why = healthDriverName(h.healthDriver);
        if (h.healthDriver == u"oil_cleanliness" && h.oil.code.isValid())
            r.why = tr("oil %1").arg(oilCodeText(h.oil));
        r.zone = h.vibrationTag.isEmpty() ? QStringLiteral("—") : vibrationZoneName(h.zone);
        r.vibration = std::isfinite(h.vibration) ? tr("%1 mm/s").arg(number(h.vibration, 2))
                                                 : QStringLiteral("—");
        r.rul = rulText(h);
        r.rulDetail = oilRulFirst(h) ? h.oil.rul.reason : h.rul.reason;
        r.action = actionText(h);
        r.severity = h.worst;
        if (h.serviceOverdue && r.severity < cond::Severity::Warning)
            r.severity = cond::Severity::Warning;
        if (std::isfinite(h.urgencyHours)) {
            r.dueMs = fleet.nowMs + TimestampMs(std::llround(h.urgencyHours * cond::kMsPerHour));
            r.due = h.urgencyHours <= 0 ? tr("now") : list.localTime(r.dueMs);
        } else {
            r.due = QStringLiteral("—");
        }
        const auto counter = [](double used, double interval, int decimals, const QString &unit) {
            if (!std::isfinite(used))
                return QStringLiteral("—");
            QString s = QLocale().toString(used, 'f', decimals) + unit;
            if (interval > 0)
                s += QStringLiteral(" / ") + QLocale().toString(interval, 'f', 0) + unit;
            return s;
        };
        r.runHours = counter(h.runHours, h.serviceRunHours, 1, tr(" h"));
        r.cycles = counter(h.cycles, h.serviceCycles, 0, QString());
        r.serviceDue = h.serviceOverdue ? tr("overdue")
                : h.serviceDueMs        ? list.localTime(*h.serviceDueMs)
                                        : QStringLiteral("—");
        r.lastService = h.lastService.t > 0
                ? tr("%1 %2: %3").arg(list.localTime(h.lastService.t), h.lastService.user,
                                      h.lastService.text)
                : tr("none recorded");
        list.rows.push_back(std::move(r));
    }
    return list;
}

// ---- CSV ----

QString workListCsv(const WorkList &list)
{
    const QTimeZone zone = zoneOf(list.timeZone);
    QStringList lines;
    lines << QStringLiteral("rank,machine,path,line,health,why,zone,vibration,rul,rul_detail,"
                            "action,due,run_hours,cycles,service_due,last_service");
    for (const WorkListRow &r : list.rows) {
        const QStringList f{QString::number(r.rank),
                            r.name,
                            r.path,
                            r.line,
                            std::isfinite(r.health) ? QString::number(r.health, 'f', 1) : QString(),
                            r.why,
                            r.zone,
                            r.vibration,
                            r.rul,
                            r.rulDetail,
                            r.action,
                            r.dueMs > 0 ? isoTime(r.dueMs, zone) : QString(),
                            r.runHours,
                            r.cycles,
                            r.serviceDue,
                            r.lastService};
        QStringList q;
        for (const QString &s : f)
            q << csvField(s);
        lines << q.join(u',');
    }
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

bool writeWorkListCsv(const WorkList &list, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(workListCsv(list).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// ---- PDF ----

namespace {

// Layout in PostScript points on A4 landscape (297 x 210 mm): the table is wide.
using namespace print;
constexpr qreal kPageW = kA4LongPt;
constexpr qreal kPageH = kA4ShortPt;
constexpr qreal kMarginTop = 30;
constexpr qreal kMarginBottom = 40;
constexpr qreal kContentW = kPageW - 2 * kMarginX;
constexpr qreal kRowH = 14;

// Amber only for what needs attention (warning or alarm, service overdue).
const QColor kAbnormal(0xB8, 0x6E, 0x00); // #E08A00 darkened for text on white paper
const QColor kWhite(0xFF, 0xFF, 0xFF);

struct Column
{
    QString title;
    qreal width;
    Qt::Alignment align = Qt::AlignLeft;
};

class Document
{
public:
    Document(const WorkList &l, const QString &generator, QPaintDevice *device,
             QPainter *painter, int onlyPage, int total)
        : m_l(l), m_generator(generator), m_device(device), m_painter(painter),
          m_onlyPage(onlyPage), m_total(total)
    {
    }

    int run()
    {
        startPage();
        workTable();
        serviceTable();
        footer();
        return m_page + 1;
    }

private:
    QPainter *p() const { return m_draw ? m_painter : nullptr; }
    QFont font(qreal pt, bool bold = false) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setStyleHint(QFont::SansSerif);
        f.setHintingPreference(QFont::PreferNoHinting);
        // No ligatures: "filler" must stay searchable and copyable as typed (pdftotext).
        f.setStyleStrategy(QFont::PreferNoShaping);
        f.setPointSizeF(pt * 72.0 / std::max(1, m_device->logicalDpiY()));
        f.setBold(bold);
        return f;
    }
    void text(const QRectF &r, const QString &s, const QFont &f, const QColor &c = kText,
              int flags = Qt::AlignLeft | Qt::AlignVCenter) const
    {
        if (!p())
            return;
        p()->setFont(f);
        p()->setPen(c);
        p()->drawText(r, flags, QFontMetricsF(f, m_device).elidedText(s, Qt::ElideRight, r.width()));
    }
    void hline(qreal y, const QColor &c = kRule, qreal width = 0.5) const
    {
        if (!p())
            return;
        p()->setPen(QPen(c, width));
        p()->drawLine(QPointF(kMarginX, y), QPointF(kMarginX + kContentW, y));
    }
    void fill(const QRectF &r, const QColor &c) const
    {
        if (p())
            p()->fillRect(r, c);
    }

    qreal bottom() const { return kPageH - kMarginBottom; }
    void startPage()
    {
        m_draw = m_painter && (m_onlyPage < 0 || m_page == m_onlyPage);
        if (m_draw && m_onlyPage < 0 && m_page > 0) {
            if (auto *paged = dynamic_cast<QPagedPaintDevice *>(m_device))
                paged->newPage();
        }
        header();
    }
    void newPage()
    {
        footer();
        ++m_page;
        startPage();
    }

    void header()
    {
        qreal y = kMarginTop;
        const QString asOf = tr("Judged at %1 %2 (%3)")
                                     .arg(m_l.localTime(m_l.asOfMs), m_l.zoneAbbreviation(m_l.asOfMs),
                                          m_l.timeZone)
                + (m_l.asOfNewestData ? tr(" — the newest data in the history") : QString());
        if (m_page == 0) {
            text(QRectF(kMarginX, y, kContentW * 0.6, 20), tr("Maintenance work list"),
                 font(16, true));
            text(QRectF(kMarginX + kContentW * 0.4, y, kContentW * 0.6, 12), m_l.plant, font(9),
                 kSecondary, Qt::AlignRight | Qt::AlignVCenter);
            text(QRectF(kMarginX + kContentW * 0.4, y + 11, kContentW * 0.6, 11), m_l.source,
                 font(7.5), kSecondary, Qt::AlignRight | Qt::AlignVCenter);
            y += 24;
            text(QRectF(kMarginX, y, kContentW, 12), asOf, font(9));
            y += 13;
            text(QRectF(kMarginX, y, kContentW, 11),
                 tr("Most urgent first: an indicator in alarm, then in warning or service "
                    "overdue, then by the time until something is due, then by health."),
                 font(7.5), kSecondary);
            y += 14;
        } else {
            text(QRectF(kMarginX, y, kContentW * 0.5, 12), tr("Maintenance work list"),
                 font(8.5, true));
            text(QRectF(kMarginX + kContentW * 0.3, y, kContentW * 0.7, 12), asOf, font(8.5),
                 kSecondary, Qt::AlignRight | Qt::AlignVCenter);
            y += 15;
        }
        hline(y, kText, 0.8);
        m_y = y + 8;
    }

    void footer()
    {
        const qreal y = kPageH - kMarginBottom + 12;
        hline(y);
        const QString gen = m_generator.isEmpty() ? QStringLiteral("Andon") : m_generator;
        text(QRectF(kMarginX, y + 3, kContentW * 0.75, 11),
             tr("Generated %1 %2 by %3")
                     .arg(m_l.localTime(m_l.generatedMs), m_l.zoneAbbreviation(m_l.generatedMs),
                          gen),
             font(7), kSecondary);
        text(QRectF(kMarginX + kContentW * 0.5, y + 3, kContentW * 0.5, 11),
             m_total > 0 ? tr("Page %1 of %2").arg(m_page + 1).arg(m_total)
                         : tr("Page %1").arg(m_page + 1),
             font(7), kSecondary, Qt::AlignRight | Qt::AlignVCenter);
    }

    void sectionTitle(const QString &title)
    {
        if (m_y + 20 + 3 * kRowH > bottom())
            newPage();
        m_y += 4;
        text(QRectF(kMarginX, m_y, kContentW, 13), title, font(10, true));
        m_y += 15;
    }
    void tableHeader(const std::vector<Column> &cols)
    {
        qreal x = kMarginX;
        for (const Column &c : cols) {
            text(QRectF(x + 2, m_y, c.width - 4, kRowH), c.title, font(7, true), kSecondary,
                 int(c.align | Qt::AlignVCenter));
            x += c.width;
        }
        m_y += kRowH;
        hline(m_y, kSecondary);
    }
    void tableRow(const std::vector<Column> &cols, const QStringList &cells, int index,
                  const std::vector<int> &abnormalCells)
    {
        if (m_y + kRowH > bottom()) {
            newPage();
            tableHeader(cols);
        }
        if (index % 2 == 1)
            fill(QRectF(kMarginX, m_y, kContentW, kRowH), kPanel);
        qreal x = kMarginX;
        for (std::size_t i = 0; i < cols.size() && i < std::size_t(cells.size()); ++i) {
            const bool abnormal =
                    std::find(abnormalCells.begin(), abnormalCells.end(), int(i)) != abnormalCells.end();
            text(QRectF(x + 2, m_y, cols[i].width - 4, kRowH), cells[int(i)], font(7.5, abnormal),
                 abnormal ? kAbnormal : kText, int(cols[i].align | Qt::AlignVCenter));
            x += cols[i].width;
        }
        m_y += kRowH;
    }

    void workTable()
    {
        sectionTitle(tr("Work list"));
        const std::vector<Column> cols{{tr("#"), 18, Qt::AlignRight},
                                       {tr("Machine"), 88},
                                       {tr("Line"), 62},
                                       {tr("Health"), 40, Qt::AlignRight},
                                       {tr("Why"), 70},
                                       {tr("Zone"), 30, Qt::AlignCenter},
                                       {tr("Vibration"), 56, Qt::AlignRight},
                                       {tr("Remaining life (90 % band)"), 150},
                                       {tr("Reason"), 168},
                                       {tr("Due"), 88}};
        tableHeader(cols);
        int i = 0;
        for (const WorkListRow &r : m_l.rows) {
            std::vector<int> abnormal;
            if (r.severity >= cond::Severity::Warning)
                abnormal = {5, 8, 9};
            else if (r.dueMs > 0 && r.dueMs - m_l.asOfMs < 7 * 24 * 3'600'000LL)
                abnormal = {9}; // due within a week: plan it now
            tableRow(cols,
                     {QString::number(r.rank), r.name, r.line, r.healthText, r.why, r.zone,
                      r.vibration, r.rul, r.action, r.due},
                     i++, abnormal);
        }
        hline(m_y, kSecondary);
        m_y += 6;
    }

    void serviceTable()
    {
        sectionTitle(tr("Service counters since the last service"));
        const std::vector<Column> cols{{tr("#"), 18, Qt::AlignRight},
                                       {tr("Machine"), 88},
                                       {tr("Run hours / interval"), 100, Qt::AlignRight},
                                       {tr("Cycles / interval"), 120, Qt::AlignRight},
                                       {tr("Service due"), 88},
                                       {tr("Last service"), 356}};
        tableHeader(cols);
        int i = 0;
        for (const WorkListRow &r : m_l.rows) {
            std::vector<int> abnormal;
            if (r.serviceDue == tr("overdue"))
                abnormal = {4};
            tableRow(cols,
                     {QString::number(r.rank), r.name, r.runHours, r.cycles, r.serviceDue,
                      r.lastService},
                     i++, abnormal);
        }
        hline(m_y, kSecondary);
    }

    const WorkList &m_l;
    QString m_generator;
    QPaintDevice *m_device;
    QPainter *m_painter;
    int m_onlyPage;
    int m_total;
    int m_page = 0;
    qreal m_y = 0;
    bool m_draw = false;
};

} // namespace

WorkListRenderer::WorkListRenderer(const WorkList &list, QString generator)
    : m_list(list), m_generator(std::move(generator))
{
}

int WorkListRenderer::pageCount() const
{
    QPdfWriter probe(QStringLiteral("/dev/null"));
    probe.setResolution(kPdfDpi);
    probe.setPageSize(QPageSize(QPageSize::A4));
    probe.setPageOrientation(QPageLayout::Landscape);
    probe.setPageMargins(QMarginsF(0, 0, 0, 0));
    return Document(m_list, m_generator, &probe, nullptr, -1, 0).run();
}

bool WorkListRenderer::paint(QPaintDevice *device, int page) const
{
    if (!device || device->width() <= 0)
        return false;
    const int total = pageCount();
    QPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const qreal scale = qreal(device->width()) / kPageW;
    painter.scale(scale, scale);
    const bool paged = dynamic_cast<QPagedPaintDevice *>(device) != nullptr;
    if (!paged)
        painter.fillRect(QRectF(0, 0, kPageW, kPageH), kWhite);
    const int pages = Document(m_list, m_generator, device, &painter, paged ? -1 : page, total).run();
    painter.end();
    return pages > 0;
}

bool WorkListRenderer::writePdf(const QString &path, QString *error) const
{
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly)) {
            if (error)
                *error = tr("cannot write %1: %2").arg(path, probe.errorString());
            return false;
        }
    }
    bool ok = false;
    {
        QPdfWriter pdf(path);
        pdf.setResolution(kPdfDpi);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(tr("Maintenance work list %1").arg(m_list.localTime(m_list.asOfMs)));
        pdf.setCreator(m_generator.isEmpty() ? QStringLiteral("Andon") : m_generator);
        ok = paint(&pdf, 0);
    }
    if (!ok) {
        QFile::remove(path);
        if (error)
            *error = tr("cannot paint the PDF %1").arg(path);
        qCInfo(lcWorkList) << "work list PDF not written:" << path;
        return false;
    }
    return true;
}

} // namespace andon::report
