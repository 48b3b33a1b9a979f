// The Browse broker window against a real mosquitto: browse a root filter, select a JSON field
// published with `mosquitto_pub`, create a binding into a temporary copy of a config file and
// check the file (only the new lines added, backup kept, the tag reloads with that binding).
// Also: the window opens from the main window (Tools > Browse broker, Ctrl+B) and from the
// Connections page. Screenshots of the populated tree and the form go to build/screenshots.
#include "core/config_loader.h"
#include "engine/access_control.h"
#include "engine/engine.h"
#include "models/topic_tree_model.h"
#include "storage/historian.h"
#include "tests/integration/mqtt_test_helpers.h"
#include "tests/support/sign_in.h"
#include "tests/support/test_support.h"
#include "ui/browse_broker_dialog.h"
#include "ui/connections_page.h"
#include "ui/main_window.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace andon;
using models::TopicTreeModel;

namespace {

constexpr int kWaitMs = 20000;

const QByteArray kConfig = R"(# Browse test plant (comments must survive the edit)
andon: 1
plant: { enterprise: acme, title: Browse test }
connections:
  mqtt:
    - { id: plant-broker, host: 127.0.0.1, port: 1883, client_id: andon-hmi }
defaults:
  states:
    - { code: 1, name: Running, category: running }
sites:
  - name: berlin
    timezone: Europe/Berlin
    areas:
      - name: assembly
        lines:
          - name: line1
            machines:
              - name: press
                tags:
                  - { name: state, role: state, mqtt: { topic: "{path}", format: number } }
                  - { name: temp, unit: "°C", mqtt: { topic: "{path}", format: number } }  # keep
              - name: feeder
                tags:
                  - { name: state, role: state, mqtt: { topic: "{path}", format: number } }
)";

// The offscreen platform plugin warns about window-manager calls it cannot do (show() of a
// top-level dialog, raise()); those say nothing about our code, everything else still goes
// to the strict handler.
QtMessageHandler g_strict = nullptr;
void offscreenFilter(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("This plugin does not support")))
        return;
    if (g_strict)
        g_strict(type, context, message);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TstBrowseBrokerDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        g_strict = qInstallMessageHandler(offscreenFilter);
        widgets::Theme::apply(widgets::Theme::Mode::Light);
    }

    void cleanup()
    {
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    }

    void browseSelectJsonFieldCreateBinding()
    {
        test::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plant.yaml"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kConfig);
        }
        const ConfigResult loaded = ConfigLoader::loadFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.formattedMessages().join(u'\n')));
        const auto plant = Engine::withMqttPort(loaded.model, broker.port());

        const auto pub = [&](const QString &topic, const QString &payload, bool retain) {
            QStringList args{ QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                              QString::number(broker.port()), QStringLiteral("-t"), topic,
                              QStringLiteral("-m"), payload };
            if (retain)
                args << QStringLiteral("-r");
            QString err;
            const bool ok = test::runTool(QStringLiteral("mosquitto_pub"), args, &err);
            if (!ok)
                qWarning("%s", qPrintable(err));
            return ok;
        };
        // A small UNS: JSON and plain values under the machines' paths, retained so they are
        // there when the window subscribes.
        const QString base = QStringLiteral("acme/berlin/assembly/line1/");
        QVERIFY(pub(base + QStringLiteral("press/vibration"),
                    QStringLiteral(R"({"rms": 2.31, "peak": 7.9, "ts": 1700000000000, "q": "good"})"), true));
        QVERIFY(pub(base + QStringLiteral("press/temp"), QStringLiteral("71.4"), true));
        QVERIFY(pub(base + QStringLiteral("press/state"), QStringLiteral("1"), true));
        QVERIFY(pub(base + QStringLiteral("press/mode"), QStringLiteral("Automatic"), true));
        QVERIFY(pub(base + QStringLiteral("feeder/state"), QStringLiteral("1"), true));
        QVERIFY(pub(base + QStringLiteral("feeder/hopper/level"), QStringLiteral("64.0"), true));
        QVERIFY(pub(base + QStringLiteral("feeder/door_open"), QStringLiteral("false"), true));

        // Creating a binding edits the configuration: it needs an engineer and goes to the
        // audit journal (issue 13).
        QTemporaryDir auditDir;
        storage::HistorianOptions journalOptions;
        journalOptions.path = auditDir.filePath(QStringLiteral("audit.db"));
        const std::unique_ptr<storage::Historian> journal
                = storage::Historian::open(journalOptions, &error);
        QVERIFY2(journal, qPrintable(error));
        AccessControl access(&SystemClock::instance());
        access.setAuditJournal(journal.get());
        QVERIFY2(test::signInAs(&access, Role::Engineer, auditDir, &error), qPrintable(error));

        ui::BrowseBrokerDialog dialog(plant);
        dialog.setAccess(&access, journal.get());
        dialog.show();
        QCOMPARE(dialog.connectionBox()->count(), 1);
        dialog.rootFilterEdit()->setText(QStringLiteral("acme/#"));
        dialog.connectBroker();
        QVERIFY(dialog.isBrowsing());
        TopicTreeModel *model = dialog.model();
        const QString vibTopic = base + QStringLiteral("press/vibration");
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOfTopic(vibTopic).isValid(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOfTopic(base + QStringLiteral("feeder/door_open")).isValid(),
                                 kWaitMs);
        // The separate client never takes the engine's client id.
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("andon-hmi-browse-")));

        const QModelIndex rms = model->child(model->indexOfTopic(vibTopic), QStringLiteral("rms"));
        QVERIFY(rms.isValid());
        dialog.treeView()->expandAll();
        dialog.selectSourceIndex(rms);
        QCOMPARE(dialog.currentSourceIndex(), rms);
        QVERIFY(dialog.createBindingButton()->isEnabled());
        // The search box filters by topic/field path.
        dialog.searchEdit()->setText(QStringLiteral("press"));
        QTRY_VERIFY(dialog.treeView()->model()->rowCount() == 1);
        dialog.searchEdit()->clear();
        dialog.treeView()->expandAll();
        dialog.selectSourceIndex(rms);
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/browse_broker.png")));

        ui::CreateBindingDialog *form = dialog.openCreateBinding();
        QVERIFY(form);
        form->show();
        // Prefilled from what was seen: the machine whose path starts the topic, JSON with
        // the field's pointer and the timestamp/quality beside it.
        QCOMPARE(form->machineBox()->currentText(), QStringLiteral("acme/berlin/assembly/line1/press"));
        QCOMPARE(form->nameEdit()->text(), QStringLiteral("rms"));
        QCOMPARE(form->formatBox()->currentText(), QStringLiteral("json"));
        QCOMPARE(form->valuePointerEdit()->text(), QStringLiteral("/rms"));
        QCOMPARE(form->timestampPointerEdit()->text(), QStringLiteral("/ts"));
        QCOMPARE(form->qualityPointerEdit()->text(), QStringLiteral("/q"));
        form->nameEdit()->setText(QStringLiteral("vibration_rms"));
        form->unitEdit()->setText(QStringLiteral("mm/s"));
        QApplication::processEvents();
        QVERIFY(form->grab().save(test::screenshotDir() + QStringLiteral("/browse_broker_binding.png")));

        QVERIFY2(form->write(), qPrintable(form->lastResult().message));
        // The file: the original with exactly one new item after the press's last tag
        // (line 21 of kConfig), and the old text in plant.yaml.bak.
        QByteArray expected = kConfig;
        const QByteArray after = "  # keep\n";
        const int at = int(expected.indexOf(after)) + int(after.size());
        expected.insert(at, "                  - { name: vibration_rms, unit: mm/s, mqtt: { connection: "
                            "plant-broker, topic: acme/berlin/assembly/line1/press/vibration, format: "
                            "json, value: /rms, timestamp: /ts, quality: /q } }\n");
        QCOMPARE(readFile(path), expected);
        QCOMPARE(readFile(path + QStringLiteral(".bak")), kConfig);
        QVERIFY(dialog.resultLabel()->isVisible());
        QVERIFY2(dialog.resultLabel()->text().contains(path + QStringLiteral(":22")),
                 qPrintable(dialog.resultLabel()->text()));
        const ConfigResult reloaded = ConfigLoader::loadFile(path);
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.formattedMessages().join(u'\n')));
        const TagDef *tag = reloaded.model->tagByPath(
                QStringLiteral("acme/berlin/assembly/line1/press/vibration_rms"));
        QVERIFY(tag && tag->mqtt);
        QCOMPARE(tag->unit, QStringLiteral("mm/s"));
        QCOMPARE(tag->mqtt->connection, QStringLiteral("plant-broker"));
        QCOMPARE(tag->mqtt->topic, vibTopic);
        QCOMPARE(tag->mqtt->format, PayloadFormat::Json);
        QCOMPARE(tag->mqtt->valuePointer, QStringLiteral("/rms"));
        QCOMPARE(tag->mqtt->timestampPointer, QStringLiteral("/ts"));
        QCOMPARE(tag->mqtt->qualityPointer, QStringLiteral("/q"));
        // The audit entry: who added which tag where.
        storage::EventQuery configEdits;
        configEdits.categories = QStringList{ QStringLiteral("audit") };
        configEdits.kindPrefix = QStringLiteral("config.");
        const std::vector<storage::Event> edits = journal->events(configEdits);
        QCOMPARE(edits.size(), std::size_t(1));
        QCOMPARE(edits[0].kind, QStringLiteral("config.add_tag"));
        QCOMPARE(edits[0].user, QStringLiteral("test-engineer"));
        QCOMPARE(edits[0].source, QStringLiteral("acme/berlin/assembly/line1/press/vibration_rms"));
        QVERIFY2(edits[0].message.contains(path + QStringLiteral(":22")), qPrintable(edits[0].message));
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/browse_broker_written.png")));

        // The same name again: refused, the file stays as it is.
        dialog.selectSourceIndex(rms);
        form = dialog.openCreateBinding();
        QVERIFY(form);
        form->show();
        form->nameEdit()->setText(QStringLiteral("vibration_rms"));
        QVERIFY(!form->write());
        QVERIFY(form->messageLabel()->text().contains(QStringLiteral("already has a tag named 'vibration_rms'")));
        QCOMPARE(readFile(path), expected);
        QApplication::processEvents();
        QVERIFY(form->grab().save(test::screenshotDir() + QStringLiteral("/browse_broker_refused.png")));
        form->close();
        // Signed out: "Create binding…" stays visible, disabled, and says which role it needs;
        // a form opened anyway refuses to write.
        access.logout();
        dialog.selectSourceIndex(rms);
        QVERIFY(dialog.createBindingButton()->isVisible());
        QVERIFY(!dialog.createBindingButton()->isEnabled());
        QVERIFY2(dialog.createBindingButton()->toolTip().contains(QStringLiteral("Engineer")),
                 qPrintable(dialog.createBindingButton()->toolTip()));
        form = dialog.openCreateBinding();
        QVERIFY(form);
        form->nameEdit()->setText(QStringLiteral("vibration_peak"));
        QVERIFY(!form->write());
        QCOMPARE(readFile(path), expected);
        form->close();
        dialog.disconnectBroker();
        QVERIFY(!dialog.isBrowsing());
    }

    void opensFromMainWindowAndConnectionsPage()
    {
        const ConfigResult loaded = ConfigLoader::loadString(kConfig, QStringLiteral("plant.yaml"));
        QVERIFY(loaded.ok());
        Engine engine(loaded.model);
        ui::MainWindow window(&engine);
        QAction *action = window.findChild<QAction *>(QStringLiteral("browseBrokerAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
        action->trigger();
        auto *dialog = window.findChild<ui::BrowseBrokerDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->close(); // WA_DeleteOnClose
        QTRY_VERIFY(!window.findChild<ui::BrowseBrokerDialog *>());

        QPushButton *button = window.connectionsPage()->browseBrokerButton();
        QVERIFY(button && button->isEnabled());
        button->click();
        dialog = window.findChild<ui::BrowseBrokerDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        // Without a file behind the model (loaded from a string) no binding can be written.
        QVERIFY(!dialog->createBindingButton()->isEnabled());
        dialog->close();
    }
};

QTEST_MAIN(TstBrowseBrokerDialog)
#include "tst_browse_broker_dialog.moc"
