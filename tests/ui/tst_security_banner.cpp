// The insecure-connection banner under the alarm banner (issue 13): the demo plant with its
// broker reached over TLS without hostname verification, a second broker over plain MQTT to a
// non-loopback host and an inline password. The banner names each connection and reason, the
// Connections page marks the same rows, and a secure plant shows no banner. Screenshots at
// 1366x768 (light and dark) for review.
#include "core/config_loader.h"
#include "engine/engine.h"
#include "sim/plant_simulator.h"
#include "tests/support/test_support.h"
#include "ui/connections_page.h"
#include "ui/main_window.h"
#include "ui/security_banner.h"
#include "widgets/alarm_banner.h"
#include "widgets/theme.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace andon;

namespace {

const TimestampMs kStart =
        QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();

// The demo plant with its connections replaced by `connections` (YAML under `mqtt:`).
QByteArray demoPlantWith(const QByteArray &connections)
{
    QFile f(test::sourceDir() + QStringLiteral("/resources/config/demo-plant.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    QByteArray yaml = f.readAll();
    const qsizetype from = yaml.indexOf("connections:\n");
    const qsizetype to = yaml.indexOf("\n# State codes", from);
    if (from < 0 || to < 0)
        return QByteArray();
    return yaml.left(from) + "connections:\n  mqtt:\n" + connections + yaml.mid(to);
}

void save(QWidget *widget, const QString &name)
{
    const QString path = QDir(test::screenshotDir()).filePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

} // namespace

class TestSecurityBanner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void bannerNamesEveryInsecureConnection();
    void connectionsPageMarksTheRows();
    void securePlantHasNoBanner();
    void screenshots();

private:
    std::shared_ptr<const PlantModel> load(const QByteArray &connections, QStringList *warnings);

    QTemporaryDir m_dir;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ui::MainWindow> m_window;
};

std::shared_ptr<const PlantModel> TestSecurityBanner::load(const QByteArray &connections,
                                                           QStringList *warnings)
{
    const QByteArray yaml = demoPlantWith(connections);
    const ConfigResult r = ConfigLoader::loadString(yaml, QStringLiteral("plant.yaml"), m_dir.path());
    *warnings = r.formattedMessages();
    return r.model;
}

void TestSecurityBanner::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_dir.isValid());
    QFile ca(m_dir.filePath(QStringLiteral("plant-ca.pem")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write("not read by this test\n");
    ca.close();
    QStringList messages;
    m_model = load("    - id: plant-broker\n"
                   "      host: 10.20.0.5\n"
                   "      port: 8883\n"
                   "      client_id: andon-hmi\n"
                   "      tls: { ca_file: plant-ca.pem, insecure: true }\n"
                   "    - id: line2-gateway\n"
                   "      host: 10.0.0.5\n"
                   "      insecure_plaintext: true\n"
                   "    - id: local-edge\n"
                   "      host: 127.0.0.1\n"
                   "      username: andon\n"
                   "      password: \"demo-inline-pw\"\n",
                   &messages);
    QVERIFY2(m_model, qPrintable(messages.join(u'\n')));
    QCOMPARE(messages.size(), 1); // the inline password's warning
    QVERIFY(messages.front().contains(QStringLiteral("inline password in the configuration")));

    m_engine = std::make_unique<Engine>(m_model);
    QString error;
    QVERIFY2(m_engine->openHistorian(QStringLiteral("-"), &error), qPrintable(error));
    sim::SimOptions options;
    options.seed = 7;
    options.startMs = kStart;
    sim::PlantSimulator sim(m_model, options);
    for (TimestampMs t = kStart; t < kStart + 4 * 60'000; t += 1000) // bounded: 240 steps
        m_engine->ingest(sim.advanceTo(t + 1000));
    m_clock = std::make_unique<ManualClock>(kStart + 4 * 60'000);

    widgets::Theme::apply(widgets::Theme::Mode::Light);
    m_window = std::make_unique<ui::MainWindow>(m_engine.get(), m_clock.get());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->refreshNow();
}

void TestSecurityBanner::bannerNamesEveryInsecureConnection()
{
    ui::SecurityBanner *banner = m_window->securityBanner();
    QVERIFY(banner->isVisible());
    const QStringList lines = banner->text().split(u'\n');
    QCOMPARE(lines,
             (QStringList {
                     QStringLiteral("⚠ Insecure connection: plant-broker — TLS hostname verification "
                                    "is off (tls.insecure): the broker's identity is not checked"),
                     QStringLiteral("⚠ Insecure connection: line2-gateway — plain MQTT to 10.0.0.5 "
                                    "(not TLS): readable and changeable on the network"),
                     QStringLiteral("⚠ Insecure connection: local-edge — inline password in the "
                                    "configuration (plant.yaml:31)") })); // line 31: demo-plant.yaml keeps 17 lines above `connections:`
    // The password itself is nowhere on screen.
    QVERIFY(!banner->text().contains(QStringLiteral("demo-inline-pw")));
    // Under the alarm banner, above the page.
    QVERIFY(banner->mapTo(m_window.get(), QPoint(0, 0)).y()
            >= m_window->alarmBanner()->mapTo(m_window.get(), QPoint(0, 0)).y()
                    + m_window->alarmBanner()->height());
}

void TestSecurityBanner::connectionsPageMarksTheRows()
{
    m_window->showPage(ui::MainWindow::ConnectionsPageId);
    m_window->refreshNow();
    ui::ConnectionsPage *page = m_window->connectionsPage();
    page->refresh();
    QTableWidget *table = page->table();
    QVERIFY(table);
    int marked = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int c = 0; c < table->columnCount(); ++c) {
            const QTableWidgetItem *item = table->item(row, c);
            if (item && item->text().startsWith(QStringLiteral("⚠ 10.20.0.5:8883")))
                marked += item->toolTip().contains(QStringLiteral("TLS hostname verification is off"));
            if (item && item->text().startsWith(QStringLiteral("⚠ 10.0.0.5:1883")))
                marked += item->toolTip().contains(QStringLiteral("plain MQTT to 10.0.0.5"));
        }
    }
    QCOMPARE(marked, 2);
    save(m_window.get(), QStringLiteral("security-connections-1366x768.png"));
    m_window->showPage(ui::MainWindow::OverviewPageId);
}

void TestSecurityBanner::securePlantHasNoBanner()
{
    QStringList messages;
    const auto secure = load("    - id: plant-broker\n"
                             "      host: 127.0.0.1\n"
                             "      client_id: andon-hmi\n",
                             &messages);
    QVERIFY2(secure, qPrintable(messages.join(u'\n')));
    QVERIFY(messages.isEmpty());
    Engine engine(secure);
    ui::MainWindow window(&engine, m_clock.get());
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.securityBanner()->isVisible());
}

void TestSecurityBanner::screenshots()
{
    m_window->showPage(ui::MainWindow::OverviewPageId);
    m_window->refreshNow();
    save(m_window.get(), QStringLiteral("security-banner-1366x768.png"));
    widgets::Theme::apply(widgets::Theme::Mode::Dark);
    m_window->refreshNow();
    save(m_window.get(), QStringLiteral("security-banner-dark-1366x768.png"));
    widgets::Theme::apply(widgets::Theme::Mode::Light);
}

QTEST_MAIN(TestSecurityBanner)
#include "tst_security_banner.moc"
