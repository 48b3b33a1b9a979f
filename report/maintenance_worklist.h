// The maintenance work list a planner hands over: every machine of a FleetHealth
// (engine/health_query.h) in urgency order with why it is on the list and when it is due, as
// text rows shared by the Maintenance page, the CSV export and the A4 PDF (QPainter on
// QPdfWriter, the house style of shift_report_renderer: header, table, footer with generation
// time and page numbers). QtGui only; needs a QGuiApplication for the PDF (fonts).
#pragma once

#include "engine/health_query.h"

#include <QString>
#include <QStringList>

#include <vector>

class QPaintDevice;

namespace andon::report {

struct WorkListRow
{
    int rank = 0;        // 1 = most urgent
    int machine = -1;    // index into PlantModel::machines
    QString name, path, line;
    double health = MachineHealth::kNaN; // 0..100
    QString healthText;  // "42" or "—"
    QString why;         // the indicator that sets the health ("vibration"), translated
    QString zone;        // "C", "—" when vibration is not monitored
    QString vibration;   // "5.3 mm/s"
    QString rul;         // "10.0 h (9.9–10.1 h) to zone C" or "insufficient data: …"
    QString rulDetail;   // the estimator's one-line reason (English; tooltips, CSV)
    QString action;      // why the machine is on the list ("vibration reaches zone C", ...)
    TimestampMs dueMs = 0; // when action is needed (0 = nothing foreseen)
    QString due;         // "now", "2026-02-03 14:20", "—"
    QString runHours;    // "412 h / 2000 h" (since the last service)
    QString cycles;      // "120 345 / 500 000"
    QString serviceDue;  // next service due (local time), "overdue", "—"
    QString lastService; // "2026-02-01 08:00 jdoe: Replaced bearing" or "none recorded"
    analytics::condition::Severity severity = analytics::condition::Severity::Unknown;
};

struct WorkList
{
    QString plant;        // plant title
    QString timeZone;     // IANA id the times are shown in
    QString source;       // historian file the list was judged from
    TimestampMs asOfMs = 0;       // the time the fleet was judged at
    TimestampMs generatedMs = 0;  // when the list was made (footer)
    bool asOfNewestData = false;  // judged at the newest data of a stale/copied history
    std::vector<WorkListRow> rows; // most urgent first

    static WorkList fromFleet(const FleetHealth &fleet, const PlantModel &model,
                              TimestampMs generatedMs);
    // Time in the plant's zone ("yyyy-MM-dd HH:mm") and the zone's abbreviation at `ms`.
    QString localTime(TimestampMs ms) const;
    QString zoneAbbreviation(TimestampMs ms) const;
};

// The indicator that sets the health, in words ("vibration", "temperature rise", ...).
QString healthDriverName(const QString &driver);
// "18/16/13 (target 16/14/11)": the oil's ISO 4406 code and its target.
QString oilCodeText(const OilHealth &oil);
// "≥4 µm", "≥6 µm", "≥14 µm" for size 0, 1, 2.
QString oilSizeName(int size);
// Whether the oil's remaining life comes before the vibration's (the RUL column shows it).
bool oilRulFirst(const MachineHealth &h);

// RFC 4180 CSV (comma, quotes doubled, CRLF), one header line, rows in urgency order; times in
// ISO 8601 with offset so a spreadsheet in another zone reads them unambiguously.
QString workListCsv(const WorkList &list);
bool writeWorkListCsv(const WorkList &list, const QString &path, QString *error);

class WorkListRenderer
{
public:
    explicit WorkListRenderer(const WorkList &list, QString generator = {});

    int pageCount() const;
    // A QPdfWriter gets every page; another device only page `page` (0-based).
    bool paint(QPaintDevice *device, int page = 0) const;
    bool writePdf(const QString &path, QString *error) const;

private:
    const WorkList &m_list;
    QString m_generator;
};

} // namespace andon::report
