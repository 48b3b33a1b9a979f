// Paints a ShiftReport (engine/shift_report.h) with QPainter as a printable A4 document: a
// header with plant/line/shift/date/time zone, KPI boxes, machine table, loss tree, top
// downtime reasons as a bar chart, a state timeline strip per machine, the stop list, comments,
// data warnings and a footer with generation time and page numbers (docs/oee.md "Shift
// report"). Black and grey; colour only for losses and abnormal states (HMI-STYLE.md).
// Needs a QGuiApplication (fonts). Vector output on QPdfWriter; any QPaintDevice works.
#pragma once

#include "engine/shift_report.h"

#include <QString>

#include <functional>

class QPaintDevice;

namespace andon::report {

struct ShiftReportRenderOptions
{
    QString generator;   // "Andon 0.1.0" in the footer
    int maxReasons = 10; // bars in the top-reasons chart
};

class ShiftReportRenderer
{
public:
    using Options = ShiftReportRenderOptions;

    explicit ShiftReportRenderer(const ShiftReport &report, Options options = {});

    // Number of A4 pages the report needs.
    int pageCount() const;

    // Paints onto `device`, scaled so an A4 page fills the device width. A QPdfWriter (any
    // QPagedPaintDevice) gets every page; another device gets page `page` (0-based) only.
    // `progress(done, total)` per page; returning false stops (returns false).
    bool paint(QPaintDevice *device, int page = 0,
               const std::function<bool(int, int)> &progress = {}) const;

    // Writes an A4 PDF (vector, fonts embedded) to `path`. False + *error when the file cannot
    // be written or the user cancelled through `progress` (*error empty then).
    bool writePdf(const QString &path, QString *error,
                  const std::function<bool(int, int)> &progress = {}) const;

private:
    const ShiftReport &m_report;
    Options m_options;
};

} // namespace andon::report
