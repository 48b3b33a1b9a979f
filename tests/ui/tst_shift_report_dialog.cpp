// File > Shift report… offscreen: defaults to the last finished shift, writes a PDF for the
// chosen line/day/shift, refuses without a historian, and saves screenshots of the dialog.
#include "core/config_loader.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"
#include "ui/shift_report_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace andon;

namespace {

const QByteArray kPlant = R"(andon: 1
plant: { enterprise: acme, title: Test plant }
defaults:
  stale_after_s: 36000
  states:
    - { code: 1, name: Running, category: running }
    - { code: 10, name: Jam at infeed, category: down }
sites:
  - name: s
    timezone: Europe/Berlin
    areas:
      - name: ar
        lines:
          - name: l1
            machines:
              - name: a
                ideal_rate_per_min: 60
                tags:
                  - { name: state, kind: state, role: state }
                  - { name: total_count, kind: counter, role: total_count }
          - name: l2
            machines:
              - { name: c, ideal_rate_per_min: 30, tags: [ { name: state, kind: state, role: state } ] }
calendar:
  shifts:
    - { name: early, start: "06:00", hours: 8 }
    - { name: late, start: "14:00", hours: 8 }
    - name: night
      start: "22:00"
      hours: 8
      breaks: [ { start: "01:00", minutes: 30 } ]
)";

TimestampMs utc(int day, int h, int m)
{
    return QDateTime(QDate(2026, 3, day), QTime(h, m), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class TstShiftReportDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void defaultsToTheLastFinishedShift();
    void writesThePdf();
    void withoutHistorianItRefuses();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<storage::Historian> m_historian;
    // Sunday 29 March 2026 08:00Z = 10:00 CEST: the last finished shift is Saturday's night
    // shift (22:00 CET -> 06:00 CEST).
    ManualClock m_clock{utc(29, 8, 0)};
};

void TstShiftReportDialog::initTestCase()
{
    test::installStrictMessageHandler();
    QVERIFY(m_dir.isValid());
    const QString config = m_dir.filePath(QStringLiteral("plant.yaml"));
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kPlant);
    f.close();
    const ConfigResult loaded = ConfigLoader::loadFile(config);
    QVERIFY2(loaded.ok(), qPrintable(loaded.formattedMessages().join(u'\n')));
    m_model = loaded.model;
    storage::HistorianOptions ho;
    ho.path = m_dir.filePath(QStringLiteral("h.sqlite"));
    QString error;
    m_historian = storage::Historian::open(ho, &error);
    QVERIFY2(m_historian, qPrintable(error));
    QStringList paths;
    for (const TagDef &t : m_model->tags)
        paths << t.path;
    QVERIFY(m_historian->bindTags(paths, &error));
    const TagId state = m_model->tagIdByPath(QStringLiteral("acme/s/ar/l1/a/state"));
    const TagId total = m_model->tagIdByPath(QStringLiteral("acme/s/ar/l1/a/total_count"));
    m_historian->append({Sample{state, utc(28, 20, 0), 1, Quality::Good},
                         Sample{total, utc(28, 20, 0), 0, Quality::Good},
                         Sample{state, utc(28, 23, 0), 10, Quality::Good},
                         Sample{state, utc(28, 23, 40), 1, Quality::Good},
                         Sample{total, utc(29, 3, 59), 19000, Quality::Good}});
    m_historian->flush();
}

void TstShiftReportDialog::defaultsToTheLastFinishedShift()
{
    ui::ShiftReportDialog dialog(*m_model, m_historian.get(), &m_clock);
    QCOMPARE(dialog.lineCombo()->count(), 2);
    QCOMPARE(dialog.lineCombo()->currentData().toString(), QStringLiteral("acme/s/ar/l1"));
    QCOMPARE(dialog.dateEdit()->date(), QDate(2026, 3, 28));
    QCOMPARE(dialog.shiftCombo()->currentData().toString(), QStringLiteral("night"));
    QVERIFY2(dialog.pathEdit()->text().endsWith(QStringLiteral("shift-report_l1_2026-03-28_night.pdf")),
             qPrintable(dialog.pathEdit()->text()));
    QVERIFY(dialog.createButton()->isEnabled());
    // The default file name follows the choice until the user edits it.
    dialog.shiftCombo()->setCurrentIndex(dialog.shiftCombo()->findData(QStringLiteral("late")));
    QVERIFY(dialog.pathEdit()->text().endsWith(QStringLiteral("_late.pdf")));

    dialog.shiftCombo()->setCurrentIndex(dialog.shiftCombo()->findData(QStringLiteral("night")));
    // Grabbed without showing (the offscreen platform warns about size hints of shown
    // dialogs); at its size hint the dialog fits a 1366x768 laptop with room to spare.
    dialog.resize(dialog.sizeHint());
    QVERIFY(dialog.width() < 1366 && dialog.height() < 768);
    QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/shift-report-dialog.png")));
}

void TstShiftReportDialog::writesThePdf()
{
    ui::ShiftReportDialog dialog(*m_model, m_historian.get(), &m_clock);
    dialog.setAskToOpen(false);
    const QString pdf = m_dir.filePath(QStringLiteral("night.pdf"));
    dialog.pathEdit()->setText(pdf);
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QVERIFY2(QFile::exists(pdf), qPrintable(dialog.statusLabel()->text()));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("night.pdf")));

    // A shift that has not started yet: the error is shown, nothing written.
    dialog.dateEdit()->setDate(QDate(2026, 4, 2));
    dialog.pathEdit()->setText(m_dir.filePath(QStringLiteral("future.pdf")));
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("future.pdf"))));
    QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("has not started yet")),
             qPrintable(dialog.statusLabel()->text()));
}

void TstShiftReportDialog::withoutHistorianItRefuses()
{
    ui::ShiftReportDialog dialog(*m_model, nullptr, &m_clock);
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("No historian")));
    dialog.resize(dialog.sizeHint());
    QVERIFY(dialog.grab().save(test::screenshotDir()
                               + QStringLiteral("/shift-report-dialog-no-historian.png")));
}

QTEST_MAIN(TstShiftReportDialog)
#include "tst_shift_report_dialog.moc"
