// Trends page, third slice: derived pens defined in the UI (DerivedFormula, derivedTrendSeries,
// the "Add derived pen" dialog), alarm limits drawn on the plot, and "Trend" from the Alarms
// page (the alarm's tag, ±1 h around its activation). Demo plant with a real historian fed
// through Engine::ingest. Screenshots trends-derived.png, trends-derived-dialog.png.
// Every expected value is computed by hand in a comment, never taken from the code's output.
#include "core/config_loader.h"
#include "core/derived_formula.h"
#include "engine/alarm_service.h"
#include "engine/derived_pen.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"
#include "ui/alarms_page.h"
#include "ui/derived_pen_dialog.h"
#include "ui/trends_page.h"
#include "widgets/theme.h"
#include "widgets/trend_plot.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>

using namespace andon;

namespace {

const QString kFeeder = QStringLiteral("acme/berlin/assembly/line1/feeder/");
constexpr TimestampMs kMinute = 60'000;
// "Now" on whole seconds; 20 min of 1 s history before it.
const TimestampMs kNow = 1'790'000'000'000;
constexpr int kSeconds = 20 * 60;

// The generated signals at second k before now (t = kNow - k s). Power 10..14 kW, motor
// current 20..23 A, motor temperature 70..99 °C (a saw tooth crossing the 85 °C high limit).
double powerAt(int k) { return 10.0 + k % 5; }
double currentAt(int k) { return 20.0 + k % 4; }
double tempAt(int k) { return 70.0 + k % 30; }

QtMessageHandler g_strict = nullptr;
void dropOffscreenNotice(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("This plugin does not support")))
        return;
    g_strict(type, context, message);
}

std::vector<QCPItemStraightLine *> alarmLines(widgets::TrendPlot *plot)
{
    std::vector<QCPItemStraightLine *> out;
    QCustomPlot *cp = plot->customPlot();
    for (int i = 0; i < cp->itemCount(); ++i) {
        auto *line = qobject_cast<QCPItemStraightLine *>(cp->item(i));
        if (line && line->objectName() == QLatin1String("trendAlarmLimit"))
            out.push_back(line);
    }
    return out;
}

QStringList itemTexts(widgets::TrendPlot *plot)
{
    QStringList out;
    QCustomPlot *cp = plot->customPlot();
    for (int i = 0; i < cp->itemCount(); ++i) {
        if (auto *text = qobject_cast<QCPItemText *>(cp->item(i)))
            out << text->text();
    }
    return out;
}

} // namespace

class TestTrendsDerived : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void formulaEvaluates();
    void formulaProblemsInWords_data();
    void formulaProblemsInWords();
    void derivedSeriesOnBuckets();
    void derivedPenOnThePage();
    void dialogValidatesLive();
    void alarmLimitLines();
    void alarmsPageTrendAction();
    void showTrendOverARange();

private:
    bool loadAll();

    QTemporaryDir m_dir;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ui::TrendsPage> m_page;
};

bool TestTrendsDerived::loadAll()
{
    m_page->reload();
    for (int i = 0; i < 600 && m_page->isLoading(); ++i) // bounded wait
        QTest::qWait(50);
    QCoreApplication::processEvents();
    return !m_page->isLoading();
}

void TestTrendsDerived::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    test::installStrictMessageHandler();
    g_strict = qInstallMessageHandler(dropOffscreenNotice);
    const ConfigResult cfg
        = ConfigLoader::loadFile(test::sourceDir() + u"/resources/config/demo-plant.yaml"_qs);
    QVERIFY2(cfg.ok(), qPrintable(cfg.formattedMessages().join(u'\n')));
    m_model = cfg.model;
    m_engine = std::make_unique<Engine>(m_model);
    QString error;
    QVERIFY2(m_engine->openHistorian(m_dir.filePath(QStringLiteral("h.db")), &error),
             qPrintable(error));
    m_engine->alarms()->setTickInterval(0); // time comes from the samples
    const TagId power = m_model->tagIdByPath(kFeeder + u"power"_qs);
    const TagId current = m_model->tagIdByPath(kFeeder + u"motor_current"_qs);
    const TagId temp = m_model->tagIdByPath(kFeeder + u"motor_temp"_qs);
    QVERIFY(power != kInvalidTag && current != kInvalidTag && temp != kInvalidTag);
    for (int k = kSeconds; k >= 0; --k) { // oldest first, bounded
        const TimestampMs t = kNow - TimestampMs(k) * 1000;
        m_engine->ingest({Sample{power, t, powerAt(k), Quality::Good},
                          Sample{current, t, currentAt(k), Quality::Good},
                          Sample{temp, t, tempAt(k), Quality::Good}});
    }
    m_engine->historian()->flush();
    m_clock = std::make_unique<ManualClock>(kNow);
    widgets::Theme::apply(widgets::Theme::Mode::Light);
    m_page = std::make_unique<ui::TrendsPage>(m_engine.get(), m_clock.get());
    m_page->resize(1200, 710); // the page's room in the 1366x768 main window
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestTrendsDerived::cleanupTestCase()
{
    m_page.reset();
    m_engine.reset();
    const QStringList unexpected = test::unexpectedWarnings();
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
}

void TestTrendsDerived::formulaEvaluates()
{
    DerivedFormula f;
    QString error;
    QVERIFY2(f.compile(*m_model, u"line1.feeder.power * 1000 / line1.feeder.motor_current"_qs,
                       QString(), &error),
             qPrintable(error));
    QCOMPARE(f.inputs().size(), std::size_t(2));
    QCOMPARE(m_model->tags[f.inputs()[0]].path, kFeeder + u"power"_qs);
    QCOMPARE(m_model->tags[f.inputs()[1]].path, kFeeder + u"motor_current"_qs);
    // 12 kW at 24 A: 12 * 1000 / 24 = 500 (W/A = V).
    QCOMPARE(f.evaluate({12.0, 24.0}), 500.0);
    // 7.5 kW at 20 A: 7500 / 20 = 375.
    QCOMPARE(f.evaluate({7.5, 20.0}), 375.0);
    // Division by zero is not a number to draw: NaN (a gap).
    QVERIFY(std::isnan(f.evaluate({7.5, 0.0})));
    // The same tag twice is one input; if-then-else: 85 > 80 ? 85 - 80 : 0 = 5.
    QVERIFY(f.compile(*m_model, u"line1.feeder.motor_temp > 80 ? line1.feeder.motor_temp - 80 : 0"_qs));
    QCOMPARE(f.inputs().size(), std::size_t(1));
    QCOMPARE(f.evaluate({85.0}), 5.0);
    QCOMPARE(f.evaluate({79.0}), 0.0);
    // The short name the dialog inserts resolves back to the same tag.
    const TagId power = m_model->tagIdByPath(kFeeder + u"power"_qs);
    const QString shortName = DerivedFormula::shortName(*m_model, power);
    QVERIFY2(shortName.endsWith(u"feeder.power"_qs), qPrintable(shortName));
    QVERIFY(f.compile(*m_model, shortName));
    QCOMPARE(f.inputs().front(), power);
}

void TestTrendsDerived::formulaProblemsInWords_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("words");
    QTest::addColumn<int>("position");
    // Positions are 0-based characters, counted by hand.
    QTest::newRow("unknown tag") << u"2 * feeder.powr"_qs << u"no tag named \"feeder.powr\""_qs << 4;
    QTest::newRow("ambiguous") << u"power + 1"_qs << u"ambiguous"_qs << 0;
    QTest::newRow("empty") << u"  "_qs << u"empty"_qs << -1;
    QTest::newRow("no tag") << u"1 + 2"_qs << u"refers to no tag"_qs << -1;
    QTest::newRow("dangling operator") << u"line1.feeder.power *"_qs << QString() << 19;
}

void TestTrendsDerived::formulaProblemsInWords()
{
    QFETCH(QString, expression);
    QFETCH(QString, words);
    QFETCH(int, position);
    int pos = -2;
    const QString problem = m_page->checkDerivedExpression(expression, nullptr, &pos);
    QVERIFY2(!problem.isEmpty(), qPrintable(expression));
    QVERIFY2(problem.contains(words), qPrintable(problem));
    QCOMPARE(pos, position);
    if (position >= 0) // said in words, 1-based
        QVERIFY2(problem.contains(u"at character %1"_qs.arg(position + 1)), qPrintable(problem));
}

void TestTrendsDerived::derivedSeriesOnBuckets()
{
    // Two inputs on one grid of 1 s buckets from 0. A has no bucket at 2 s (it holds 20 from
    // 1 s); B is 0 at 3 s. Formula a / b.
    analytics::TrendSeries a, b;
    for (analytics::TrendSeries *s : {&a, &b}) {
        s->from = 0;
        s->to = 3999;
        s->bucketMs = 1000;
    }
    a.addSample(100, 8, Quality::Good);
    a.addSample(600, 12, Quality::Good);          // bucket 0: mean 10
    a.addSample(1500, 20, Quality::Good);         // bucket 1: 20
    a.addSample(3200, 30, Quality::Good);         // bucket 3: 30
    b.addSample(200, 2, Quality::Good);           // bucket 0: 2
    b.addSample(1700, 4, Quality::Uncertain);     // bucket 1: 4, doubtful
    b.addSample(2100, 5, Quality::Good);          // bucket 2: 5
    b.addSample(3300, 0, Quality::Good);          // bucket 3: 0
    DerivedFormula f;
    QVERIFY(f.compile(*m_model, u"line1.feeder.power / line1.feeder.motor_current"_qs));
    const analytics::TrendSeries d = derivedTrendSeries(
        f, {DerivedPenInput{&a, 30'000}, DerivedPenInput{&b, 30'000}}, u"derived:x"_qs);
    QCOMPARE(d.bucketMs, TimestampMs(1000));
    QCOMPARE(d.buckets.size(), std::size_t(4));
    // Bucket 0: 10 / 2 = 5 at the later input sample (200 ms).
    QCOMPARE(d.buckets[0].avg, 5.0);
    QCOMPARE(d.buckets[0].tLast, TimestampMs(600)); // a's last sample of the bucket
    // Bucket 1: 20 / 4 = 5, Uncertain from b.
    QCOMPARE(d.buckets[1].avg, 5.0);
    QCOMPARE(d.buckets[1].worst, Quality::Uncertain);
    // Bucket 2: a held at 20 (1.5 s old < 30 s) / 5 = 4.
    QCOMPARE(d.buckets[2].avg, 4.0);
    // Bucket 3: 30 / 0: no value, a Bad gap.
    QCOMPARE(d.buckets[3].count, std::int64_t(0));
    QVERIFY(isBad(d.buckets[3].worst));
    // A held value older than its stale time is not used: with a 1 s hold, bucket 2 (a's value
    // from 1.5 s, 0.6 s before b's 2.1 s sample) is still fine, a 0.5 s hold makes it stale.
    const analytics::TrendSeries stale = derivedTrendSeries(
        f, {DerivedPenInput{&a, 500}, DerivedPenInput{&b, 30'000}}, u"derived:x"_qs);
    QCOMPARE(stale.buckets.size(), std::size_t(4));
    QCOMPARE(stale.buckets[2].count, std::int64_t(0));
    QCOMPARE(stale.buckets[2].worst, Quality::BadStale);

    // Live edge: sample-and-hold on raw samples (tag = input index).
    DerivedPenLive live;
    seedDerivedPenLive(live, {DerivedPenInput{&a, 30'000}, DerivedPenInput{&b, 30'000}});
    // Seeded with a = 30, b = 0 (the newest samples); a new b = 6 gives 30 / 6 = 5, then a new
    // a = 12 gives 12 / 6 = 2.
    const std::vector<Sample> out = live.feed(f, {Sample{1, 4100, 6, Quality::Good},
                                                  Sample{0, 4200, 12, Quality::Good}});
    QCOMPARE(out.size(), std::size_t(2));
    QCOMPARE(out[0].value, 5.0);
    QCOMPARE(out[0].t_ms, TimestampMs(4100));
    QCOMPARE(out[1].value, 2.0);
}

void TestTrendsDerived::derivedPenOnThePage()
{
    m_page->setPens({kFeeder + u"motor_temp"_qs});
    m_page->setPeriod(ui::TrendsPage::Last15Min);
    ui::TrendsPage::DerivedPenSpec spec;
    spec.name = u"Power per amp"_qs;
    spec.unit = u"V"_qs;
    spec.expression = u"line1.feeder.power * 1000 / line1.feeder.motor_current"_qs;
    spec.decimals = 1;
    QString error;
    QVERIFY2(m_page->addDerivedPen(spec, &error), qPrintable(error));
    QCOMPARE(m_page->pens(),
             QStringList({kFeeder + u"motor_temp"_qs, ui::TrendsPage::derivedPenPath(spec.name)}));
    QVERIFY(loadAll());
    widgets::TrendPlot *plot = m_page->plot();
    QCOMPARE(plot->penCount(), 2);
    QCOMPARE(plot->pen(1).unit, u"V"_qs);
    QVERIFY(plot->pen(1).label.contains(spec.name));
    QVERIFY(!plot->penData(1).buckets.empty());
    // In a 15 min view a bucket is ~0.8 s, so it holds at most one sample per input and the
    // pen passes through the values at the samples. At k = 7 s before now: power 10 + 7 % 5
    // = 12 kW, current 20 + 7 % 4 = 23 A: 12000 / 23 = 521.739… V. At k = 100: 10 + 0 = 10 kW,
    // 20 + 0 = 20 A: 500 V. At k = 333: 13 kW, 21 A: 619.047… V.
    plot->setCursorsVisible(true);
    plot->setCursorTime(0, kNow - 7'000);
    plot->setCursorTime(1, kNow - 100'000);
    QVERIFY(std::abs(plot->valueAtCursor(1, 0) - 12000.0 / 23.0) < 1e-9);
    QCOMPARE(plot->valueAtCursor(1, 1), 500.0);
    plot->setCursorTime(1, kNow - 333'000);
    QVERIFY(std::abs(plot->valueAtCursor(1, 1) - 13000.0 / 21.0) < 1e-9);
    // And the motor temperature pen is unchanged by it: 70 + 7 % 30 = 77 °C at k = 7.
    QCOMPARE(plot->valueAtCursor(0, 0), 77.0);
    plot->setCursorsVisible(false);

    // Saved with the trend set and restored (definition included).
    m_page->saveTrendSet(u"derived set"_qs);
    m_page->setPens({});
    QVERIFY(m_page->loadTrendSet(u"derived set"_qs));
    QCOMPARE(m_page->pens().size(), 2);
    QCOMPARE(m_page->derivedPens().size(), std::size_t(1));
    QCOMPARE(m_page->derivedPens().front().expression, spec.expression);
    QCOMPARE(m_page->derivedPens().front().unit, spec.unit);
    QVERIFY(loadAll());
    m_page->deleteTrendSet(u"derived set"_qs);

    const QString path = QDir(test::screenshotDir()).filePath(u"trends-derived.png"_qs);
    QVERIFY2(m_page->grab().save(path), qPrintable(path));
}

void TestTrendsDerived::dialogValidatesLive()
{
    ui::DerivedPenDialog *dialog = m_page->openDerivedPenDialog();
    QVERIFY(dialog);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    dialog->findChild<QLineEdit *>(u"derivedName"_qs)->setText(u"Temperature rise"_qs);
    dialog->findChild<QLineEdit *>(u"derivedUnit"_qs)->setText(u"K"_qs);
    QLineEdit *expression = dialog->expressionEdit();
    QTest::keyClicks(expression, u"feeder.motor_tmp - 20"_qs);
    QVERIFY(!dialog->isValid());
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog->problem().contains(u"no tag named \"feeder.motor_tmp\" at character 1"_qs),
             qPrintable(dialog->problem()));
    const QString shot = QDir(test::screenshotDir()).filePath(u"trends-derived-dialog.png"_qs);
    QVERIFY2(dialog->grab().save(shot), qPrintable(shot));
    expression->clear();
    dialog->insertTag(kFeeder + u"motor_temp"_qs); // what a double-click in the list does
    QTest::keyClicks(expression, u" - 20"_qs);
    QVERIFY2(dialog->isValid(), qPrintable(dialog->problem()));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(m_page->pens().contains(ui::TrendsPage::derivedPenPath(u"Temperature rise"_qs)));
    QVERIFY(loadAll());
    // 70 + 7 % 30 - 20 = 57 K at k = 7.
    widgets::TrendPlot *plot = m_page->plot();
    const int pen = int(m_page->pens().indexOf(ui::TrendsPage::derivedPenPath(u"Temperature rise"_qs)));
    plot->setCursorsVisible(true);
    plot->setCursorTime(0, kNow - 7'000);
    QCOMPARE(plot->valueAtCursor(pen, 0), 57.0);
    plot->setCursorsVisible(false);
    m_page->removePen(pen);
}

void TestTrendsDerived::alarmLimitLines()
{
    m_page->setPens({kFeeder + u"motor_temp"_qs});
    QVERIFY(loadAll());
    widgets::TrendPlot *plot = m_page->plot();
    // demo-plant.yaml: motor_temp_high 85 °C priority 3 (medium, yellow, diamond) and
    // motor_temp_high_high 100 °C priority 1 (critical, red, square).
    const widgets::ThemeColors &c = widgets::Theme::colors();
    std::vector<QCPItemStraightLine *> lines = alarmLines(plot);
    QCOMPARE(lines.size(), std::size_t(2));
    std::map<double, QColor> byValue;
    for (QCPItemStraightLine *l : lines) {
        QCOMPARE(l->point1->coords().y(), l->point2->coords().y()); // horizontal
        QCOMPARE(l->pen().style(), Qt::DashLine);
        QCOMPARE(l->point1->valueAxis(), plot->valueAxis(0));
        byValue[l->point1->coords().y()] = l->pen().color();
    }
    QCOMPARE(byValue.size(), std::size_t(2));
    QCOMPARE(byValue.at(85.0), c.alarmMedium);
    QCOMPARE(byValue.at(100.0), c.alarmCritical);
    const QStringList texts = itemTexts(plot);
    QVERIFY2(texts.contains(u"◆ H 85.0 °C"_qs), qPrintable(texts.join(u" | "_qs)));
    QVERIFY2(texts.contains(u"■ HH 100.0 °C"_qs), qPrintable(texts.join(u" | "_qs)));
    // The value axis reaches the high-high limit, so the line is on screen.
    QVERIFY(plot->valueAxis(0)->range().upper >= 100.0);

    const QString shot = QDir(test::screenshotDir()).filePath(u"trends-alarm-limits.png"_qs);
    QVERIFY2(m_page->grab().save(shot), qPrintable(shot));

    // The pen's context menu switches them off and on again.
    std::unique_ptr<QMenu> menu(m_page->penContextMenu(0));
    QAction *toggle = menu->findChild<QAction *>(u"trendAlarmLimits"_qs);
    QVERIFY(toggle && toggle->isEnabled() && toggle->isChecked());
    toggle->trigger();
    QVERIFY(alarmLines(plot).empty());
    QVERIFY(!m_page->alarmLimitsVisible(0));
    QVERIFY(!plot->penData(0).buckets.empty()); // the data stays
    menu.reset(m_page->penContextMenu(0));
    toggle = menu->findChild<QAction *>(u"trendAlarmLimits"_qs);
    QVERIFY(!toggle->isChecked());
    toggle->trigger();
    QCOMPARE(alarmLines(plot).size(), std::size_t(2));

    // A tag without high/low alarms: the action is there but disabled.
    m_page->setPens({kFeeder + u"power"_qs});
    menu.reset(m_page->penContextMenu(0));
    toggle = menu->findChild<QAction *>(u"trendAlarmLimits"_qs);
    QVERIFY(toggle && !toggle->isEnabled());
    QVERIFY(alarmLines(plot).empty());
}

void TestTrendsDerived::alarmsPageTrendAction()
{
    ui::AlarmsPage alarms(m_engine.get(), m_clock.get());
    QSignalSpy spy(&alarms, &ui::AlarmsPage::trendRequested);
    const QString id = kFeeder + u"motor_temp_high"_qs;
    alarms.requestTrend(id);
    QCOMPARE(spy.count(), 1);
    const QList<QVariant> args = spy.takeFirst();
    QCOMPARE(args.at(0).toStringList(), QStringList({kFeeder + u"motor_temp"_qs}));
    const qint64 from = args.at(1).toLongLong(), to = args.at(2).toLongLong();
    // An hour either side of the alarm's activation (or its last change, or now).
    QCOMPARE(to - from, 2 * 60 * kMinute);
    const auto st = m_engine->alarms()->status(id);
    QVERIFY(st.has_value());
    const TimestampMs t = st->activeSinceMs > 0 ? st->activeSinceMs
            : st->lastChangeMs > 0             ? st->lastChangeMs
                                               : kNow;
    QCOMPARE(from, t - 60 * kMinute);
    // The feeder ran above 85 °C (the saw tooth reaches 99 °C), so the alarm was active at
    // some time within the fed 20 min.
    QVERIFY(t >= kNow - kSeconds * 1000LL && t <= kNow);
    alarms.requestTrend(u"no/such/alarm"_qs);
    QCOMPARE(spy.count(), 0);
}

void TestTrendsDerived::showTrendOverARange()
{
    // The Alarms page's request as MainWindow::showTrendRange passes it on: a range that ends
    // after now is cut at now, and the period becomes Custom.
    m_page->showTrend({kFeeder + u"motor_temp"_qs}, kNow - 70 * kMinute, kNow + 50 * kMinute);
    QCOMPARE(m_page->pens(), QStringList({kFeeder + u"motor_temp"_qs}));
    QCOMPARE(m_page->period(), ui::TrendsPage::Custom);
    QCOMPARE(m_page->plot()->viewFrom(), kNow - 70 * kMinute);
    QCOMPARE(m_page->plot()->viewTo(), kNow);
    QVERIFY(!m_page->plot()->followLive());
    // 0, 0 with a period: the current shift (no calendar in the demo plant? then the last 8 h).
    m_page->showTrend({kFeeder + u"power"_qs}, 0, 0, ui::TrendsPage::CurrentShift);
    QCOMPARE(m_page->period(), ui::TrendsPage::CurrentShift);
    QCOMPARE(m_page->plot()->viewTo(), kNow);
}

QTEST_MAIN(TestTrendsDerived)
#include "tst_trends_derived.moc"
