// The desktop HMI: loads the plant configuration, creates the Engine (historian + sources)
// and shows the MainWindow. Wiring only; everything else lives in the libraries.
#include "core/config_loader.h"
#include "engine/access_control.h"
#include "engine/engine.h"
#include "engine/kpi_publisher.h"
#include "engine/spc_service.h"
#include "models/machine_tile_model.h"
#include "ui/connections_page.h"
#include "ui/faceplate_dialog.h"
#include "ui/first_admin_dialog.h"
#include "ui/main_window.h"
#include "ui/overview_page.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "andon.ui")

#if defined(__SANITIZE_ADDRESS__)
// Sanitizer builds: libdbus (loaded by the xcb platform plugin) keeps a connection buffer
// that only dbus_shutdown() frees, which Qt never calls. Without this the leak report turns
// every clean exit (e.g. --exit-after-first-frame) into exit code 1. Scoped to that library.
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:libdbus-1.so\n";
}
#endif

namespace {

// Quits the application right after the first paint of the watched window: bench/startup.sh
// measures cold start to first painted frame with --exit-after-first-frame.
class FirstFrameQuit : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // Queued: the paint completes (and reaches the screen) before the loop exits.
            QTimer::singleShot(0, QCoreApplication::instance(), [] { QCoreApplication::quit(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

int fail(const QString &title, const QString &text)
{
    std::fprintf(stderr, "andon: %s\n%s\n", qPrintable(title), qPrintable(text));
    if (!qEnvironmentVariableIsSet("ANDON_NO_DIALOGS"))
        QMessageBox::critical(nullptr, title, text);
    return 1;
}

void loadTranslations(QApplication &app)
{
    // QSettings "language" (e.g. "de") wins over the system locale.
    const QString language = QSettings().value(QStringLiteral("language")).toString();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    // qt_add_translations embeds andon_<lang>.qm under :/i18n.
    if (translator->load(locale, QStringLiteral("andon"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(translator);
}

bool saveScreenshots(andon::ui::MainWindow &window, const QString &dir, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = QApplication::translate("main", "Cannot create the directory %1").arg(dir);
        return false;
    }
    int n = 1;
    auto save = [&](QWidget *widget, const QString &name) {
        const QString path = QDir(dir).filePath(
            QStringLiteral("%1-%2.png").arg(n++, 2, 10, QLatin1Char('0')).arg(name));
        if (!widget->grab().save(path)) {
            *error = QApplication::translate("main", "Cannot write %1").arg(path);
            return false;
        }
        return true;
    };
    for (int p = 0; p < andon::ui::MainWindow::PageCount; ++p) {
        window.showPage(p);
        window.refreshNow();
        if (!save(&window, andon::ui::MainWindow::pageId(p)))
            return false;
    }
    window.showPage(andon::ui::MainWindow::OverviewPageId);
    const andon::models::MachineTileModel *tiles = window.overviewPage()->model();
    if (tiles->rowCount() > 0) {
        if (auto *faceplate = window.openFaceplate(tiles->tile(0).machine)) {
            faceplate->refresh();
            if (!save(faceplate, QStringLiteral("faceplate")))
                return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Andon"));
    QApplication::setApplicationName(QStringLiteral("andon"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    loadTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Andon plant-monitoring HMI"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"), QApplication::translate("main", "Plant configuration (YAML)."),
        QStringLiteral("file"), QStringLiteral(ANDON_DEMO_CONFIG));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QApplication::translate("main", "Historian file (\"-\" = none; default from the config)."),
        QStringLiteral("file"));
    const QCommandLineOption portOption(
        QStringLiteral("mqtt-port"),
        QApplication::translate("main", "Use this port for every MQTT connection."),
        QStringLiteral("port"));
    const QCommandLineOption shotsOption(
        QStringLiteral("screenshots"),
        QApplication::translate("main", "Save a screenshot of every page to this directory and exit."),
        QStringLiteral("dir"));
    const QCommandLineOption afterOption(
        QStringLiteral("after"),
        QApplication::translate("main", "Seconds to wait before the screenshots (default 3)."),
        QStringLiteral("seconds"), QStringLiteral("3"));
    const QCommandLineOption themeOption(
        QStringLiteral("theme"), QApplication::translate("main", "Colour theme: light or dark."),
        QStringLiteral("light|dark"));
    const QCommandLineOption firstFrameOption(
        QStringLiteral("exit-after-first-frame"),
        QApplication::translate("main", "Quit right after the main window is first painted "
                                        "(start-up time measurement)."));
    parser.addOptions({configOption, dbOption, portOption, shotsOption, afterOption, themeOption,
                       firstFrameOption});
    parser.process(app);

    const QString configPath = parser.value(configOption);
    const andon::ConfigResult config = andon::ConfigLoader::loadFile(configPath);
    for (const andon::ConfigMessage &m : config.messages) {
        if (m.severity == andon::ConfigMessage::Severity::Warning)
            qCWarning(lcApp).noquote() << m.format();
    }
    if (!config.ok()) {
        return fail(QApplication::translate("main", "The plant configuration cannot be loaded"),
                    config.formattedMessages().join(QLatin1Char('\n')));
    }

    std::shared_ptr<const andon::PlantModel> model = config.model;
    if (parser.isSet(portOption)) {
        bool ok = false;
        const int port = parser.value(portOption).toInt(&ok);
        if (!ok || port <= 0 || port > 65535) {
            return fail(QApplication::translate("main", "Invalid option"),
                        QApplication::translate("main", "--mqtt-port needs a port number "
                                                        "between 1 and 65535, not \"%1\".")
                            .arg(parser.value(portOption)));
        }
        model = andon::Engine::withMqttPort(model, port);
    }

    andon::widgets::Theme::Mode mode = andon::widgets::Theme::Mode::Light;
    if (parser.isSet(themeOption)
        && !andon::widgets::Theme::parseMode(parser.value(themeOption), &mode)) {
        return fail(QApplication::translate("main", "Invalid option"),
                    QApplication::translate("main", "--theme must be light or dark, not \"%1\".")
                        .arg(parser.value(themeOption)));
    }

    andon::Engine engine(model);
    QString error;
    if (!engine.openHistorian(parser.value(dbOption), &error, /*maintain=*/true)) {
        return fail(QApplication::translate("main", "The historian cannot be opened"), error);
    }
    engine.startSources();
    // Live SPC: rule violations against frozen limits go to the event journal (docs/spc.md).
    andon::SpcService spc(engine.modelPtr(), engine.historian());
    spc.setAlarmService(engine.alarms()); // `spec: alarm:` raises violation alarms
    spc.start(&andon::SystemClock::instance());
    // KPIs back to the plant's UNS when `publish:` is configured (docs/integrations.md).
    const auto kpiPublisher = andon::KpiPublisher::forEngine(engine);
    if (kpiPublisher)
        kpiPublisher->start(&andon::SystemClock::instance());

    andon::ui::MainWindow window(&engine);
    // Connections page: KPI publishing status (the publisher outlives the window).
    window.connectionsPage()->setKpiPublisher(kpiPublisher.get());
    andon::widgets::Theme::apply(andon::widgets::Theme::Mode::Light);
    window.loadSettings();
    if (parser.isSet(themeOption))
        window.setDarkTheme(mode == andon::widgets::Theme::Mode::Dark);
    FirstFrameQuit firstFrameQuit;
    if (parser.isSet(firstFrameOption))
        window.installEventFilter(&firstFrameQuit);
    window.show();

    // First start: no user exists yet, so ask for the administrator — non-blocking, after the
    // window shows, with "Later" to stay a viewer (docs/security.md "Using Andon with users").
    andon::AccessControl *access = engine.access();
    if (!parser.isSet(shotsOption) && !parser.isSet(firstFrameOption)
        && !qEnvironmentVariableIsSet("ANDON_NO_DIALOGS") && access->isOpen()
        && access->hasAuditJournal() && !access->hasUsers()) {
        auto *firstAdmin = new andon::ui::FirstAdminDialog(access, &window);
        firstAdmin->setAttribute(Qt::WA_DeleteOnClose);
        firstAdmin->open();
    }

    if (parser.isSet(shotsOption)) {
        bool ok = false;
        const double after = parser.value(afterOption).toDouble(&ok);
        const QString dir = parser.value(shotsOption);
        QTimer::singleShot(static_cast<int>((ok && after >= 0 ? after : 3.0) * 1000), &app, [&] {
            QString shotError;
            if (!saveScreenshots(window, dir, &shotError)) {
                std::fprintf(stderr, "andon: %s\n", qPrintable(shotError));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        });
    }
    const int rc = QApplication::exec();
    if (kpiPublisher)
        kpiPublisher->stop(); // publishes through the engine's client: stop it first
    engine.stop();
    return rc;
}
