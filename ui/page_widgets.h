// Small widget factories the pages share, so every page's tables and section headings look
// the same (HMI-STYLE.md: calm, compact, no grid lines).
#pragma once

#include <QStringList>

class QLabel;
class QString;
class QTableWidget;
class QWidget;

namespace andon::ui {

// A read-only table with one selectable row at a time, no grid, no row numbers, rows one text
// line high.
QTableWidget *makeReadOnlyTable(const QStringList &headers, QWidget *parent);
// A bold label that heads a section of a page.
QLabel *makeHeading(const QString &text, QWidget *parent);

} // namespace andon::ui
