#include "ui/shift_report_dialog.h"

#include "core/plant_model.h"
#include "core/shift_calendar.h"
#include "engine/shift_report.h"
#include "report/shift_report_renderer.h"
#include "storage/historian.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUrl>
#include <QVBoxLayout>

namespace andon::ui {

ShiftReportDialog::ShiftReportDialog(const PlantModel &model, const storage::Historian *historian,
                                     const Clock *clock, QWidget *parent)
    : QDialog(parent), m_model(model), m_historian(historian), m_clock(clock)
{
    setWindowTitle(tr("Shift report"));
    setObjectName(QStringLiteral("shiftReportDialog"));

    auto *intro = new QLabel(tr("A printable PDF of one shift of one line: OEE, losses, top "
                                "downtime reasons, state timeline, stops and comments."),
                             this);
    intro->setWordWrap(true);

    m_line = new QComboBox(this);
    m_line->setObjectName(QStringLiteral("lineCombo"));
    for (const Line &l : m_model.lines)
        m_line->addItem(tr("%1  (%2)").arg(l.name, l.path), l.path);

    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd (ddd)"));

    m_shift = new QComboBox(this);
    m_shift->setObjectName(QStringLiteral("shiftCombo"));
    for (const ShiftDef &s : m_model.calendar.shifts)
        m_shift->addItem(tr("%1  (%2, %3 h)")
                                 .arg(s.name,
                                      QTime(0, 0).addSecs(s.startMinute * 60).toString(
                                              QStringLiteral("HH:mm")))
                                 .arg(s.minutes / 60.0, 0, 'g', 3),
                         s.name);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setMinimumWidth(340);
    m_browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    const QString zone =
            m_model.calendar.isSet() ? m_model.calendar.timeZone : m_model.timeZone();
    auto *form = new QFormLayout;
    form->addRow(tr("&Line:"), m_line);
    form->addRow(tr("Production &day:"), m_date);
    form->addRow(tr("&Shift:"), m_shift);
    auto *pathLabel = new QLabel(tr("&PDF file:"), this);
    pathLabel->setBuddy(m_path); // a layout row has no buddy of its own
    form->addRow(pathLabel, pathRow);
    auto *zoneNote = new QLabel(tr("Times in %1. A night shift belongs to the day it starts on.")
                                        .arg(zone),
                                this);
    zoneNote->setWordWrap(true);
    zoneNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), zoneNote);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_create = buttons->addButton(tr("&Create PDF"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &ShiftReportDialog::create);
    connect(m_browse, &QPushButton::clicked, this, &ShiftReportDialog::browse);
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_pathEdited = true; });
    connect(m_line, &QComboBox::currentIndexChanged, this, &ShiftReportDialog::updateDefaultPath);
    connect(m_shift, &QComboBox::currentIndexChanged, this, &ShiftReportDialog::updateDefaultPath);
    connect(m_date, &QDateEdit::dateChanged, this, &ShiftReportDialog::updateDefaultPath);

    selectLastFinishedShift();
    updateDefaultPath();

    QString problem;
    if (!m_historian)
        problem = tr("No historian is open, so there is no recorded history to report on. "
                     "Start Andon with a historian (historian: path in the configuration).");
    else if (!m_model.calendar.isSet())
        problem = tr("The configuration has no shift calendar (calendar: shifts:), so there are "
                     "no shifts to report on.");
    else if (m_model.lines.empty())
        problem = tr("The configuration has no lines.");
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        m_create->setEnabled(false);
    }
}

void ShiftReportDialog::selectLastFinishedShift()
{
    if (!m_model.calendar.isSet())
        return;
    const TimestampMs now = m_clock->now();
    const std::vector<ShiftInstance> recent =
            shiftInstances(m_model.calendar, now - 3 * 86'400'000LL, now);
    for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
        if (it->endMs <= now) {
            m_date->setDate(it->day);
            m_shift->setCurrentIndex(m_shift->findData(it->name));
            return;
        }
    }
    QTimeZone tz(m_model.calendar.timeZone.toUtf8());
    m_date->setDate(QDateTime::fromMSecsSinceEpoch(now, tz.isValid() ? tz : QTimeZone::utc()).date());
}

void ShiftReportDialog::updateDefaultPath()
{
    if (m_pathEdited)
        return;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    const QString line = m_line->currentData().toString().section(u'/', -1);
    const QString name = QStringLiteral("shift-report_%1_%2_%3.pdf")
                                 .arg(line, m_date->date().toString(Qt::ISODate),
                                      m_shift->currentData().toString());
    m_path->setText(QDir(dir).filePath(name));
}

void ShiftReportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save shift report"), m_path->text(),
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    m_path->setText(path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
                            ? path
                            : path + QStringLiteral(".pdf"));
    m_pathEdited = true;
}

bool ShiftReportDialog::writeReport(QString *error)
{
    error->clear();
    if (!m_historian) {
        *error = tr("No historian is open.");
        return false;
    }
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        *error = tr("Choose where to save the PDF.");
        return false;
    }
    QProgressDialog progress(tr("Reading the shift from the historian…"), tr("Cancel"), 0, 100,
                             this);
    progress.setWindowTitle(tr("Shift report"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    progress.setValue(0);

    const ShiftReportBuilder builder(m_model, *m_historian);
    const ShiftReportRequest request{m_line->currentData().toString(), m_date->date(),
                                     m_shift->currentData().toString()};
    // Building is 60 % of the work (one step per machine), painting the pages the rest.
    const auto report = builder.build(request, m_clock->now(), error, [&](int done, int total) {
        progress.setValue(total > 0 ? 60 * done / total : 60);
        return !progress.wasCanceled();
    });
    if (!report)
        return false;
    progress.setLabelText(tr("Writing %1…").arg(QFileInfo(path).fileName()));
    report::ShiftReportRenderer::Options options;
    options.generator = tr("Andon %1").arg(QCoreApplication::applicationVersion()).trimmed();
    const report::ShiftReportRenderer renderer(*report, options);
    const bool ok = renderer.writePdf(path, error, [&](int page, int pages) {
        progress.setValue(60 + (pages > 0 ? 40 * page / pages : 0));
        return !progress.wasCanceled();
    });
    progress.setValue(100);
    return ok;
}

void ShiftReportDialog::create()
{
    QString error;
    if (!writeReport(&error)) {
        m_status->setText(error.isEmpty() ? tr("Cancelled: no file was written.")
                                          : tr("The report was not written: %1").arg(error));
        return;
    }
    const QString path = m_path->text().trimmed();
    m_status->setText(tr("Written to %1.").arg(QDir::toNativeSeparators(path)));
    if (!m_askToOpen)
        return;
    if (QMessageBox::question(this, tr("Shift report"),
                              tr("The shift report was written to\n%1\n\nOpen it now?")
                                      .arg(QDir::toNativeSeparators(path)),
                              QMessageBox::Open | QMessageBox::Close, QMessageBox::Open)
        == QMessageBox::Open)
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

} // namespace andon::ui
