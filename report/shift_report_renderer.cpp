#include "report/shift_report_renderer.h"
#include "report/print_style.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFontMetricsF>
#include <QLocale>
#include <QLoggingCategory>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcReportPdf, "andon.report.pdf", QtInfoMsg)

namespace andon::report {

namespace {

// Layout unit: PostScript points (1/72 in), A4 portrait.
using namespace print;
constexpr qreal kPageW = kA4ShortPt;
constexpr qreal kPageH = kA4LongPt;
constexpr qreal kMarginTop = 32;
constexpr qreal kMarginBottom = 44;
constexpr qreal kContentW = kPageW - 2 * kMarginX;
constexpr qreal kRowH = 12.5;

// The blue-grey for planned stops, amber #E08A00 only for losses and unplanned down time.
const QColor kRunning(0x4D, 0x4D, 0x4D);
const QColor kIdle(0xB0, 0xB0, 0xB0);
const QColor kChangeover(0xD2, 0xD2, 0xD2);
const QColor kPlanned(0x8F, 0xA3, 0xB8);
const QColor kDown(0xE0, 0x8A, 0x00);
const QColor kWhite(0xFF, 0xFF, 0xFF);

QString tr(const char *s, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("andon::report::ShiftReportRenderer", s, disambiguation, n);
}

QString pct(const std::optional<double> &v)
{
    return v ? QLocale().toString(*v * 100.0, 'f', 1) + QStringLiteral(" %") : tr("n/a");
}

QString mins(double m)
{
    return QLocale().toString(m, 'f', 1);
}

// A threshold in minutes without trailing zeros ("5", "2.5").
QString minsShort(double m)
{
    return QLocale().toString(m, 'g', 4);
}

QString msMin(TimestampMs ms)
{
    return mins(static_cast<double>(ms) / 60'000.0);
}

QString count(double v)
{
    return QLocale().toString(static_cast<qlonglong>(std::llround(v)));
}

QColor stateFill(StateCategory c)
{
    switch (c) {
    case StateCategory::Running: return kRunning;
    case StateCategory::Idle:
    case StateCategory::Starved:
    case StateCategory::Blocked:
    case StateCategory::Off: return kIdle;
    case StateCategory::Changeover: return kChangeover;
    case StateCategory::PlannedStop: return kPlanned;
    case StateCategory::Down: return kDown;
    case StateCategory::Unknown: break;
    }
    return kWhite;
}

struct Column
{
    QString title;
    qreal width;
    Qt::Alignment align = Qt::AlignLeft;
};

// One pass over the document: with `measureOnly` it only counts pages; otherwise it paints the
// pages selected by `onlyPage` (-1 = every page, on a paged device).
class Document
{
public:
    Document(const ShiftReport &r, const ShiftReportRenderer::Options &o, QPaintDevice *device,
             QPainter *painter, int onlyPage, int totalPages,
             const std::function<bool(int, int)> &progress)
        : m_r(r), m_o(o), m_device(device), m_painter(painter), m_onlyPage(onlyPage),
          m_total(totalPages), m_progress(progress)
    {
    }

    // Returns the page count, or -1 when cancelled.
    int run()
    {
        startPage();
        kpiBoxes();
        machineTable();
        lossTable();
        reasonChart();
        timelines();
        stopList();
        comments();
        warnings();
        signature();
        if (m_cancelled)
            return -1;
        endPage();
        return m_page + 1;
    }

private:
    // ---- painting primitives (no-ops on pages that are not painted) ----
    QPainter *p() const { return m_draw ? m_painter : nullptr; }

    QFont font(qreal pt, bool bold = false) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setStyleHint(QFont::SansSerif);
        f.setHintingPreference(QFont::PreferNoHinting);
        // Layout is in points on a painter scaled to the device: a font of `pt` logical units
        // must ask the device for pt x 72 / dpi points.
        f.setPointSizeF(pt * 72.0 / std::max(1, m_device->logicalDpiY()));
        f.setBold(bold);
        return f;
    }
    QFontMetricsF metrics(const QFont &f) const { return QFontMetricsF(f, m_device); }

    void text(const QRectF &rect, const QString &s, const QFont &f, const QColor &c = kText,
              int flags = Qt::AlignLeft | Qt::AlignVCenter, bool elide = true) const
    {
        if (!p())
            return;
        p()->setFont(f);
        p()->setPen(c);
        const QString shown =
                elide ? metrics(f).elidedText(s, Qt::ElideRight, rect.width()) : s;
        p()->drawText(rect, flags, shown);
    }
    void hline(qreal y, qreal x0 = kMarginX, qreal x1 = kMarginX + kContentW,
               const QColor &c = kRule, qreal width = 0.5) const
    {
        if (!p())
            return;
        p()->setPen(QPen(c, width));
        p()->drawLine(QPointF(x0, y), QPointF(x1, y));
    }
    void box(const QRectF &r, const QColor &fill, const QColor &line = Qt::transparent,
             qreal width = 0.5) const
    {
        if (!p())
            return;
        p()->setPen(line.alpha() == 0 ? QPen(Qt::NoPen) : QPen(line, width));
        p()->setBrush(fill.alpha() == 0 ? QBrush(Qt::NoBrush) : QBrush(fill));
        p()->drawRect(r);
        p()->setBrush(Qt::NoBrush);
    }
    void hatch(const QRectF &r) const
    {
        if (!p())
            return;
        p()->save();
        p()->setClipRect(r);
        p()->setPen(QPen(kSecondary, 0.4));
        for (qreal x = r.left() - r.height(); x < r.right(); x += 3.0)
            p()->drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
        p()->restore();
    }

    // ---- page flow ----
    qreal bottom() const { return kPageH - kMarginBottom; }
    void need(qreal h)
    {
        if (m_y + h > bottom())
            newPage();
    }
    void newPage()
    {
        endPage();
        ++m_page;
        startPage();
    }
    void startPage()
    {
        m_draw = m_painter && (m_onlyPage < 0 || m_page == m_onlyPage);
        if (m_draw && m_onlyPage < 0 && m_page > 0) {
            if (auto *paged = dynamic_cast<QPagedPaintDevice *>(m_device))
                paged->newPage();
        }
        if (m_progress && m_painter && !m_progress(m_page, m_total))
            m_cancelled = true;
        header();
    }
    void endPage() { footer(); }

    void header()
    {
        qreal y = kMarginTop;
        // On a DST change night the shift starts and ends in different zone abbreviations.
        const QString startZone = m_r.zoneAbbreviation(m_r.startMs);
        const QString endZone = m_r.zoneAbbreviation(m_r.endMs);
        const QString when =
                startZone == endZone
                ? tr("%1 · %2 – %3 (%4, %5)")
                          .arg(QLocale().toString(m_r.day, QLocale::LongFormat),
                               m_r.localTime(m_r.startMs), m_r.localTime(m_r.endMs), startZone,
                               m_r.timeZone)
                : tr("%1 · %2 %3 – %4 %5 (%6, daylight-saving change)")
                          .arg(QLocale().toString(m_r.day, QLocale::LongFormat),
                               m_r.localTime(m_r.startMs), startZone, m_r.localTime(m_r.endMs),
                               endZone, m_r.timeZone);
        if (m_page == 0) {
            text(QRectF(kMarginX, y, kContentW * 0.6, 20), tr("Shift report"), font(16, true));
            text(QRectF(kMarginX + kContentW * 0.4, y, kContentW * 0.6, 12), m_r.plant, font(9),
                 kSecondary, Qt::AlignRight | Qt::AlignVCenter);
            text(QRectF(kMarginX + kContentW * 0.4, y + 11, kContentW * 0.6, 11),
                 m_r.linePath, font(7.5), kSecondary, Qt::AlignRight | Qt::AlignVCenter);
            y += 24;
            text(QRectF(kMarginX, y, kContentW, 14),
                 tr("Line %1  ·  Shift %2").arg(m_r.lineName, m_r.shiftName), font(11, true));
            y += 15;
            text(QRectF(kMarginX, y, kContentW, 12), when, font(9));
            y += 15;
            hline(y, kMarginX, kMarginX + kContentW, kText, 0.8);
            m_y = y + 8;
        } else {
            text(QRectF(kMarginX, y, kContentW * 0.5, 12),
                 tr("Shift report · line %1 · shift %2").arg(m_r.lineName, m_r.shiftName),
                 font(8.5, true));
            text(QRectF(kMarginX + kContentW * 0.5, y, kContentW * 0.5, 12),
                 m_r.day.toString(Qt::ISODate) + QStringLiteral("  ") + m_r.localTime(m_r.startMs)
                         + QStringLiteral("–") + m_r.localTime(m_r.endMs) + QStringLiteral(" ")
                         + m_r.zoneAbbreviation(),
                 font(8.5), kSecondary, Qt::AlignRight | Qt::AlignVCenter);
            y += 15;
            hline(y, kMarginX, kMarginX + kContentW, kText, 0.8);
            m_y = y + 8;
        }
    }

    void footer()
    {
        const qreal y = kPageH - kMarginBottom + 14;
        hline(y, kMarginX, kMarginX + kContentW, kRule, 0.5);
        const QString generated =
                m_r.generatedMs > 0 ? m_r.localTime(m_r.generatedMs, true) : QString();
        const QString gen = m_o.generator.isEmpty() ? QStringLiteral("Andon") : m_o.generator;
        text(QRectF(kMarginX, y + 3, kContentW * 0.75, 11),
             generated.isEmpty() ? tr("Generated by %1").arg(gen)
                                 : tr("Generated %1 %2 by %3")
                                           .arg(generated, m_r.zoneAbbreviation(m_r.generatedMs),
                                                gen),
             font(7), kSecondary);
        text(QRectF(kMarginX + kContentW * 0.5, y + 3, kContentW * 0.5, 11),
             m_total > 0 ? tr("Page %1 of %2").arg(m_page + 1).arg(m_total)
                         : tr("Page %1").arg(m_page + 1),
             font(7), kSecondary, Qt::AlignRight | Qt::AlignVCenter);
    }

    void sectionTitle(const QString &title, qreal minBody)
    {
        need(20 + minBody);
        m_y += 6;
        text(QRectF(kMarginX, m_y, kContentW, 13), title, font(10, true));
        m_y += 14;
        hline(m_y, kMarginX, kMarginX + kContentW, kSecondary, 0.5);
        m_y += 3;
    }

    // ---- tables ----
    void tableHeader(const std::vector<Column> &cols)
    {
        qreal x = kMarginX;
        for (const Column &c : cols) {
            text(QRectF(x + 2, m_y, c.width - 4, kRowH), c.title, font(7, true), kSecondary,
                 int(c.align | Qt::AlignVCenter));
            x += c.width;
        }
        m_y += kRowH;
        hline(m_y, kMarginX, kMarginX + kContentW, kSecondary, 0.5);
    }
    void tableRow(const std::vector<Column> &cols, const QStringList &cells, int index,
                  bool bold = false, const std::vector<QColor> &cellColors = {})
    {
        if (m_y + kRowH > bottom()) {
            newPage();
            tableHeader(cols);
        }
        if (index % 2 == 1)
            box(QRectF(kMarginX, m_y, kContentW, kRowH), kPanel);
        qreal x = kMarginX;
        for (std::size_t i = 0; i < cols.size() && i < std::size_t(cells.size()); ++i) {
            const QColor c = i < cellColors.size() && cellColors[i].isValid() ? cellColors[i]
                                                                               : kText;
            text(QRectF(x + 2, m_y, cols[i].width - 4, kRowH), cells[int(i)], font(7.5, bold), c,
                 int(cols[i].align | Qt::AlignVCenter));
            x += cols[i].width;
        }
        m_y += kRowH;
    }

    // ---- sections ----
    void kpiBoxes()
    {
        const bool anyTarget = !std::isnan(m_r.targets.oee) || !std::isnan(m_r.targets.availability)
                || !std::isnan(m_r.targets.performance) || !std::isnan(m_r.targets.quality);
        const qreal h = anyTarget ? 60 : 50, gap = 8;
        need(h + 30);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const struct
        {
            QString label;
            std::optional<double> value;
            double target;
        } kpis[] = {{tr("OEE"), m_r.line.oee, m_r.targets.oee},
                    {tr("Availability"), m_r.line.availability, m_r.targets.availability},
                    {tr("Performance"), m_r.line.performance, m_r.targets.performance},
                    {tr("Quality"), m_r.line.quality, m_r.targets.quality},
                    {tr("TEEP"), m_r.line.teep, nan}};
        const qreal w = (kContentW - 4 * gap) / 5;
        for (int i = 0; i < 5; ++i) {
            const QRectF r(kMarginX + i * (w + gap), m_y, w, h);
            box(r, i == 0 ? kPanel : kWhite, i == 0 ? kText : kSecondary, i == 0 ? 1.2 : 0.6);
            text(r.adjusted(7, 5, -5, -h + 17), kpis[i].label, font(8, i == 0), kSecondary);
            // Target beside the actual (HMI-STYLE.md); amber when missed.
            if (!std::isnan(kpis[i].target)) {
                const bool missed = kpis[i].value && *kpis[i].value < kpis[i].target;
                text(QRectF(r.left() + 7, r.bottom() - 13, r.width() - 14, 10),
                     tr("target %1").arg(pct(kpis[i].target)), font(7, missed),
                     missed ? QColor(0x9A, 0x58, 0x00) : kSecondary,
                     Qt::AlignLeft | Qt::AlignVCenter);
            }
            text(QRectF(r.left() + 7, r.top() + 18, r.width() - 14, 28), pct(kpis[i].value),
                 font(i == 0 ? 20 : 17, true), kText, Qt::AlignLeft | Qt::AlignVCenter);
        }
        m_y += h + 5;
        text(QRectF(kMarginX, m_y, kContentW, 11),
             m_r.bottleneck.isEmpty()
                     ? tr("No machines on this line.")
                     : tr("Line figures are those of the bottleneck machine %1 (ISO 22400-2; "
                          "OEE = A × P × Q, TEEP = OEE × planned production / calendar time).")
                               .arg(m_r.bottleneck),
             font(7), kSecondary);
        m_y += 13;
        const ReportKpis &k = m_r.line;
        const QString times =
                tr("Planned production %1 min  ·  Run %2 min  ·  Down %3 min  ·  Unknown %4 min")
                        .arg(msMin(k.plannedBusyMs), msMin(k.runMs), msMin(k.downMs),
                             msMin(k.unknownMs));
        text(QRectF(kMarginX, m_y, kContentW, 12), times, font(8));
        m_y += 12;
        const QString parts = tr("Parts  %1 total  ·  %2 good  ·  %3 rejected")
                                      .arg(count(k.totalCount), count(k.goodCount),
                                           count(k.rejectCount));
        text(QRectF(kMarginX, m_y, kContentW, 12), parts, font(8));
        m_y += 14;
    }

    void machineTable()
    {
        sectionTitle(tr("Machines (times in minutes)"), kRowH * 2);
        const std::vector<Column> cols{
                {tr("Machine"), 100},
                {tr("Avail."), 42, Qt::AlignRight},
                {tr("Perf."), 42, Qt::AlignRight},
                {tr("Quality"), 42, Qt::AlignRight},
                {tr("OEE"), 42, Qt::AlignRight},
                {tr("Run"), 42, Qt::AlignRight},
                {tr("Down"), 42, Qt::AlignRight},
                {tr("Unknown"), 48, Qt::AlignRight},
                {tr("Total"), 42, Qt::AlignRight},
                {tr("Good"), 42, Qt::AlignRight},
                {tr("Reject"), kContentW - 484, Qt::AlignRight}};
        tableHeader(cols);
        int i = 0;
        for (const ReportMachine &m : m_r.machines) {
            const ReportKpis &k = m.kpis;
            std::vector<QColor> colors(cols.size());
            if (k.downMs > 0)
                colors[6] = QColor(0x9A, 0x58, 0x00); // amber, darkened for text on paper
            if (k.unknownMs > 0)
                colors[7] = colors[6];
            tableRow(cols,
                     {m.bottleneck ? m.name + tr(" (bottleneck)") : m.name, pct(k.availability),
                      pct(k.performance), pct(k.quality), pct(k.oee), msMin(k.runMs),
                      msMin(k.downMs), msMin(k.unknownMs), count(k.totalCount),
                      count(k.goodCount), count(k.rejectCount)},
                     i++, m.bottleneck, colors);
        }
        // Counts per product (only when more than one product ran).
        QStringList mix;
        for (const ReportMachine &m : m_r.machines) {
            if (m.products.size() < 2)
                continue;
            QStringList parts;
            for (const ReportProductCount &pc : m.products)
                parts << QStringLiteral("%1 %2").arg(pc.name, count(pc.count));
            mix << QStringLiteral("%1: %2").arg(m.name, parts.join(QStringLiteral(", ")));
        }
        if (!mix.isEmpty()) {
            m_y += 2;
            paragraph(tr("Parts by product — %1").arg(mix.join(QStringLiteral("; "))), font(7),
                      kSecondary);
        }
    }

    void lossTable()
    {
        const std::size_t nm = std::min<std::size_t>(m_r.machines.size(), 5);
        sectionTitle(tr("Loss tree (minutes inside planned production time)"), kRowH * 4);
        const qreal groupW = 62, lossW = 118, barW = 110;
        const qreal machineW = nm > 0 ? (kContentW - groupW - lossW - barW) / qreal(nm) : 0;
        std::vector<Column> cols{{tr("Group"), groupW}, {tr("Loss"), lossW}};
        for (std::size_t i = 0; i < nm; ++i)
            cols.push_back({m_r.machines[i].name + (m_r.machines[i].bottleneck ? QStringLiteral(" *")
                                                                              : QString()),
                            machineW, Qt::AlignRight});
        cols.push_back({tr("Bottleneck share"), barW});
        tableHeader(cols);
        using L = ReportLosses;
        const struct
        {
            QString group, loss;
            double L::*field;
        } rows[] = {
                {tr("Availability"), tr("Breakdowns"), &L::breakdownMin},
                {QString(), tr("Setup / changeover"), &L::changeoverMin},
                {tr("Performance"), tr("Micro-stops (< %1 min)").arg(minsShort(m_r.microStopMin)),
                 &L::microStopMin},
                {QString(), tr("Reduced speed"), &L::reducedSpeedMin},
                {tr("Quality"), tr("Start-up rejects"), &L::startupRejectMin},
                {QString(), tr("Production rejects"), &L::productionRejectMin},
                {tr("Other"), tr("Idle (≥ %1 min)").arg(minsShort(m_r.microStopMin)), &L::idleMin},
                {QString(), tr("Starved (upstream)"), &L::starvedMin},
                {QString(), tr("Blocked (downstream)"), &L::blockedMin},
                {QString(), tr("Off"), &L::offMin},
                {QString(), tr("Unknown (no data)"), &L::unknownMin},
        };
        const double ppt = static_cast<double>(m_r.line.plannedBusyMs) / 60'000.0;
        int i = 0;
        for (const auto &row : rows) {
            QStringList cells{row.group, row.loss};
            for (std::size_t k = 0; k < nm; ++k)
                cells << mins(m_r.machines[k].losses.*(row.field));
            cells << QString();
            tableRow(cols, cells, i++);
            // The bar of the bottleneck's loss as a share of planned production time.
            const double v = m_r.lineLosses.*(row.field);
            if (ppt > 0 && v > 0) {
                const qreal x0 = kMarginX + kContentW - barW + 2;
                const qreal full = barW - 40;
                const qreal w = std::max<qreal>(0.8, full * std::min(1.0, v / ppt));
                box(QRectF(x0, m_y - kRowH + 3, w, kRowH - 6), kDown);
                text(QRectF(x0 + w + 3, m_y - kRowH, 36, kRowH),
                     QLocale().toString(100.0 * v / ppt, 'f', 1) + QStringLiteral(" %"), font(7),
                     kSecondary);
            }
        }
        if (m_r.machines.size() > nm) {
            need(11);
            text(QRectF(kMarginX, m_y + 1, kContentW, 10),
                 tr("First %1 machines shown; the CSV export has every machine.").arg(nm),
                 font(7), kSecondary);
            m_y += 11;
        }
        need(11);
        text(QRectF(kMarginX, m_y + 1, kContentW, 10),
             tr("* bottleneck. Six big losses after Nakajima; micro-stops are measured from state "
                "data and lower availability in Andon (docs/oee.md)."),
             font(6.5), kSecondary);
        m_y += 12;
    }

    void reasonChart()
    {
        const int n = std::min<int>(m_o.maxReasons, static_cast<int>(m_r.reasons.size()));
        const qreal barH = 11, gap = 3;
        sectionTitle(tr("Top downtime reasons (line, minutes inside planned time)"),
                     std::max<qreal>(14, std::min(n, 3) * (barH + gap)));
        if (n == 0) {
            text(QRectF(kMarginX, m_y, kContentW, 12), tr("No stops in this shift."), font(8));
            m_y += 14;
            return;
        }
        const qreal labelW = 150, valueW = 120;
        const qreal chartX = kMarginX + labelW, chartW = kContentW - labelW - valueW;
        double maxMin = 0;
        for (int i = 0; i < n; ++i)
            maxMin = std::max(maxMin, m_r.reasons[std::size_t(i)].minutes);
        for (int i = 0; i < n; ++i) {
            need(barH + gap);
            const ReportReason &r = m_r.reasons[std::size_t(i)];
            QString label = r.reason;
            if (r.source == ReportReason::Source::Unassigned)
                label = tr("unassigned (no reason given)");
            else if (r.source == ReportReason::Source::Operator)
                label += tr(" (operator)");
            text(QRectF(kMarginX, m_y, labelW - 6, barH), label,
                 font(7.5, r.source == ReportReason::Source::Unassigned ? false : false),
                 r.source == ReportReason::Source::Unassigned ? kSecondary : kText,
                 Qt::AlignRight | Qt::AlignVCenter);
            const qreal w = maxMin > 0 ? std::max<qreal>(0.8, chartW * r.minutes / maxMin) : 0;
            const QRectF bar(chartX, m_y + 1, w, barH - 2);
            if (r.source == ReportReason::Source::Unassigned) {
                box(bar, kWhite, kDown, 0.8);
                hatch(bar);
            } else {
                box(bar, kDown);
            }
            text(QRectF(chartX + w + 4, m_y, valueW + chartW - w - 4, barH),
                 tr("%1 min · %n stop(s)", nullptr, r.stops).arg(mins(r.minutes)), font(7.5),
                 kText);
            m_y += barH + gap;
        }
        if (static_cast<int>(m_r.reasons.size()) > n) {
            double rest = 0;
            int stops = 0;
            for (std::size_t i = std::size_t(n); i < m_r.reasons.size(); ++i) {
                rest += m_r.reasons[i].minutes;
                stops += m_r.reasons[i].stops;
            }
            need(11);
            text(QRectF(kMarginX, m_y, kContentW, 10),
                 tr("%1 further reasons: %2 min in %3 stops.")
                         .arg(m_r.reasons.size() - std::size_t(n))
                         .arg(mins(rest))
                         .arg(stops),
                 font(7), kSecondary);
            m_y += 11;
        }
        m_y += 2;
    }

    void timelines()
    {
        const qreal stripH = 13, gap = 5, nameW = 70;
        const qreal axisX = kMarginX + nameW, axisW = kContentW - nameW;
        const qreal needed = 14 + stripH + gap + 26;
        sectionTitle(tr("State timeline"), needed);
        const TimestampMs span = std::max<TimestampMs>(1, m_r.endMs - m_r.startMs);
        const auto xOf = [&](TimestampMs t) {
            return axisX + axisW * qreal(t - m_r.startMs) / qreal(span);
        };
        // Hour ticks in the plant's local time.
        const auto axis = [&]() {
            need(12);
            QTimeZone tz(m_r.timeZone.toUtf8());
            if (!tz.isValid())
                tz = QTimeZone::utc();
            QDateTime t = QDateTime::fromMSecsSinceEpoch(m_r.startMs, tz);
            t.setTime(QTime(t.time().hour(), 0));
            // Bounded: at most 48 ticks (a shift is at most 24 h; DST adds one).
            const int step = span > 12 * 3'600'000 ? 2 : 1;
            for (int i = 0; i < 50; ++i, t = t.addSecs(3600 * step)) {
                const TimestampMs ms = t.toMSecsSinceEpoch();
                if (ms > m_r.endMs)
                    break;
                if (ms < m_r.startMs)
                    continue;
                const qreal x = xOf(ms);
                if (p()) {
                    p()->setPen(QPen(kSecondary, 0.5));
                    p()->drawLine(QPointF(x, m_y), QPointF(x, m_y + 3));
                }
                text(QRectF(x - 20, m_y + 3.5, 40, 9), t.toString(QStringLiteral("HH:mm")),
                     font(6.5), kSecondary, Qt::AlignHCenter | Qt::AlignVCenter);
            }
            m_y += 14;
        };
        for (const ReportTimeline &tl : m_r.timelines) {
            need(stripH + gap);
            text(QRectF(kMarginX, m_y, nameW - 6, stripH), tl.machine, font(7.5), kText,
                 Qt::AlignRight | Qt::AlignVCenter);
            const QRectF strip(axisX, m_y, axisW, stripH);
            for (const ReportSegment &s : tl.segments) {
                const QRectF r(xOf(s.startMs), m_y, std::max<qreal>(0.2, xOf(s.endMs) - xOf(s.startMs)),
                               stripH);
                if (s.category == StateCategory::Unknown) {
                    box(r, kWhite);
                    hatch(r);
                } else {
                    box(r, stateFill(s.category));
                }
            }
            box(strip, Qt::transparent, kSecondary, 0.5);
            m_y += stripH + gap;
        }
        // The calendar's breaks as a band on the time axis.
        if (!m_r.breaks.empty()) {
            need(20);
            for (const auto &[bs, be] : m_r.breaks) {
                const TimestampMs s = std::max(bs, m_r.startMs), e = std::min(be, m_r.endMs);
                if (e > s)
                    box(QRectF(xOf(s), m_y, xOf(e) - xOf(s), 3), kPlanned);
            }
            text(QRectF(kMarginX, m_y - 3, nameW - 6, 9), tr("breaks"), font(6.5), kSecondary,
                 Qt::AlignRight | Qt::AlignVCenter);
            m_y += 5;
        }
        axis();
        // Legend.
        need(12);
        const struct
        {
            QString label;
            QColor fill;
            bool hatched;
        } legend[] = {{tr("Running"), kRunning, false},
                      {tr("Idle / starved / blocked / off"), kIdle, false},
                      {tr("Changeover"), kChangeover, false},
                      {tr("Planned stop / break"), kPlanned, false},
                      {tr("Down (unplanned)"), kDown, false},
                      {tr("Unknown (no data)"), kWhite, true}};
        qreal x = kMarginX;
        for (const auto &l : legend) {
            const QRectF sw(x, m_y + 2, 9, 7);
            box(sw, l.fill, kSecondary, 0.4);
            if (l.hatched)
                hatch(sw);
            const qreal w = metrics(font(7)).horizontalAdvance(l.label);
            text(QRectF(x + 12, m_y, w + 4, 11), l.label, font(7), kText);
            x += 12 + w + 14;
        }
        m_y += 14;
    }

    void stopList()
    {
        sectionTitle(tr("Stops of %1 min or longer").arg(minsShort(m_r.microStopMin)), kRowH * 3);
        const std::vector<Column> cols{{tr("Start"), 38},       {tr("End"), 38},
                                       {tr("Min"), 34, Qt::AlignRight},
                                       {tr("Machine"), 62},      {tr("Type"), 56},
                                       {tr("Reason"), 120},      {tr("By"), 50},
                                       {tr("Comment"), kContentW - 398}};
        tableHeader(cols);
        int i = 0;
        std::map<QString, std::pair<int, double>> micro; // machine -> count, planned min
        for (const ReportStop &s : m_r.stops) {
            if (s.micro) {
                auto &m = micro[s.machine];
                ++m.first;
                m.second += s.plannedMin;
                continue;
            }
            const QString type = s.category == StateCategory::Down ? tr("Breakdown") : tr("Idle");
            QString reason = s.reason();
            if (reason == u"unassigned")
                reason = tr("unassigned");
            std::vector<QColor> colors(cols.size());
            if (s.category == StateCategory::Down)
                colors[4] = QColor(0x9A, 0x58, 0x00);
            // A stop crossing the shift edge shows its full extent with the date.
            const bool crosses = s.startMs < m_r.startMs || s.endMs > m_r.endMs;
            tableRow(cols,
                     {m_r.localTime(s.startMs), m_r.localTime(s.endMs),
                      mins(static_cast<double>(s.endMs - s.startMs) / 60'000.0)
                              + (crosses ? QStringLiteral("¹") : QString()),
                      s.machine, type, reason, s.user, s.comment},
                     i++, false, colors);
        }
        if (i == 0) {
            need(kRowH);
            text(QRectF(kMarginX + 2, m_y, kContentW, kRowH), tr("None."), font(7.5));
            m_y += kRowH;
        }
        for (const auto &[machine, m] : micro)
            tableRow(cols,
                     {QString(), QString(), mins(m.second), machine, tr("Micro-stops"),
                      tr("%n micro-stop(s) < %1 min", nullptr, m.first).arg(minsShort(m_r.microStopMin)),
                      QString(), QString()},
                     i++);
        need(11);
        text(QRectF(kMarginX, m_y + 1, kContentW, 10),
             tr("Min = full length; ¹ the stop crosses the shift edge (only the part inside the "
                "shift's planned time counts as a loss). Every stop is in the CSV export."),
             font(6.5), kSecondary);
        m_y += 12;
    }

    void paragraph(const QString &s, const QFont &f, const QColor &c, qreal indent = 0)
    {
        const QFontMetricsF fm = metrics(f);
        const qreal w = kContentW - indent;
        const QRectF bound = fm.boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, s);
        const qreal h = std::ceil(bound.height()) + 2;
        need(std::min(h, bottom() - kMarginTop - 40));
        text(QRectF(kMarginX + indent, m_y, w, h), s, f, c,
             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, false);
        m_y += h;
    }

    void comments()
    {
        sectionTitle(tr("Comments"), 30);
        if (m_r.comments.empty()) {
            paragraph(tr("No comments were recorded for this shift."), font(8), kSecondary);
            return;
        }
        for (const ReportComment &c : m_r.comments) {
            const QString head = QStringLiteral("%1  %2%3")
                                         .arg(m_r.localTime(c.t, true),
                                              c.user.isEmpty() ? tr("(unknown user)") : c.user,
                                              c.about.isEmpty() ? QString()
                                                                : QStringLiteral(" — ") + c.about);
            // Head and text stay on one page.
            const qreal h = metrics(font(7.5, true)).height() + 2
                    + metrics(font(8)).boundingRect(QRectF(0, 0, kContentW - 10, 1e6),
                                                    Qt::TextWordWrap, c.text).height() + 2;
            need(std::min(h, bottom() - kMarginTop - 40));
            paragraph(head, font(7.5, true), kText);
            paragraph(c.text, font(8), kText, 10);
            m_y += 2;
        }
    }

    void warnings()
    {
        sectionTitle(tr("Data quality"), 14);
        if (m_r.warnings.isEmpty()) {
            paragraph(tr("Complete: no unknown time, no missing tags, no counter resets."), font(8),
                      kSecondary);
            return;
        }
        for (const QString &w : m_r.warnings)
            paragraph(QStringLiteral("⚠ ") + w, font(7.5), kText);
    }

    void signature()
    {
        need(40);
        m_y += 22;
        const qreal w = (kContentW - 30) / 2;
        for (int i = 0; i < 2; ++i) {
            const qreal x = kMarginX + i * (w + 30);
            hline(m_y, x, x + w, kText, 0.5);
            text(QRectF(x, m_y + 2, w, 10), i == 0 ? tr("Reviewed by (name, signature)")
                                                   : tr("Date"),
                 font(7), kSecondary);
        }
        m_y += 14;
    }

    const ShiftReport &m_r;
    const ShiftReportRenderer::Options &m_o;
    QPaintDevice *m_device;
    QPainter *m_painter;
    int m_onlyPage;
    int m_total;
    const std::function<bool(int, int)> &m_progress;
    int m_page = 0;
    qreal m_y = 0;
    bool m_draw = false;
    bool m_cancelled = false;
};

} // namespace

ShiftReportRenderer::ShiftReportRenderer(const ShiftReport &report, Options options)
    : m_report(report), m_options(std::move(options))
{
}

int ShiftReportRenderer::pageCount() const
{
    // Measured on a PDF device so font metrics match the real output.
    QPdfWriter probe(QStringLiteral("/dev/null"));
    probe.setResolution(kPdfDpi);
    probe.setPageSize(QPageSize(QPageSize::A4));
    probe.setPageMargins(QMarginsF(0, 0, 0, 0));
    const std::function<bool(int, int)> none;
    return Document(m_report, m_options, &probe, nullptr, -1, 0, none).run();
}

bool ShiftReportRenderer::paint(QPaintDevice *device, int page,
                                const std::function<bool(int, int)> &progress) const
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
    const int pages = Document(m_report, m_options, device, &painter, paged ? -1 : page, total,
                               progress)
                              .run();
    painter.end();
    return pages > 0;
}

bool ShiftReportRenderer::writePdf(const QString &path, QString *error,
                                   const std::function<bool(int, int)> &progress) const
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
    bool cancelled = false;
    const std::function<bool(int, int)> watch = [&](int done, int total) {
        cancelled = progress && !progress(done, total);
        return !cancelled;
    };
    {
        QPdfWriter pdf(path);
        pdf.setResolution(kPdfDpi);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(tr("Shift report %1 %2 %3")
                             .arg(m_report.lineName, m_report.shiftName,
                                  m_report.day.toString(Qt::ISODate)));
        pdf.setCreator(m_options.generator.isEmpty() ? QStringLiteral("Andon") : m_options.generator);
        ok = paint(&pdf, 0, watch);
    }
    if (!ok) {
        QFile::remove(path);
        if (error)
            *error = cancelled ? QString() : tr("cannot paint the PDF %1").arg(path);
        qCInfo(lcReportPdf) << "shift report PDF not written:" << path
                            << (cancelled ? "cancelled" : "paint failed");
        return false;
    }
    return true;
}

} // namespace andon::report
