// AlarmService::updateSettings (run-time alarm limits and delays, issue 12) with a real
// historian, a real users store and sign-in (AccessControl) and the plant YAML in a temp dir,
// on a ManualClock: refusals (no historian, role, reason, invalid values), a changed limit or
// delay in force at the next sample/tick, an active unacknowledged alarm not cleared by a
// change (ISA-18.2: B goes to D), the exact audit entry, the YAML rewritten with its comments
// and a .bak, a file that cannot be written (the change holds for this run, the audit says so),
// and a restart from the rewritten YAML with the same historian.
#include "core/config_loader.h"
#include "core/current_user.h"
#include "engine/access_control.h"
#include "engine/alarm_service.h"
#include "storage/historian.h"
#include "tests/support/sign_in.h"
#include "tests/support/test_support.h"
#include "tests/unit/alarm_settings_plant.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace andon;
using analytics::AlarmState;

namespace {

// 2023-11-14T22:13:20Z
constexpr TimestampMs kStart = 1'700'000'000'000;
const QString kHigh = test::kM1 + QStringLiteral("temp_high");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestAlarmSettingsService : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<storage::Historian> m_historian;
    std::unique_ptr<AccessControl> m_access;
    std::shared_ptr<const PlantModel> m_model;
    std::unique_ptr<AlarmService> m_service;

    QString configPath() const { return m_dir->filePath(QStringLiteral("plant.yaml")); }

    void startService()
    {
        const ConfigResult r = ConfigLoader::loadFile(configPath());
        QVERIFY2(r.ok(), qPrintable(r.formattedMessages().join(u'\n')));
        m_model = r.model;
        m_service = std::make_unique<AlarmService>(m_model, *m_clock);
        m_service->setTickInterval(0);
        m_service->attachHistorian(m_historian.get());
    }

    void feed(const QString &tagPath, TimestampMs t, double v)
    {
        const TagId id = m_model->tagIdByPath(tagPath);
        QVERIFY2(id != kInvalidTag, qPrintable(tagPath));
        m_service->ingest({ Sample { id, t, v, Quality::Good } });
    }

    void tickAt(TimestampMs t)
    {
        m_clock->set(t);
        m_service->tick();
    }

    QString stateOf(const QString &id) const
    {
        const auto s = m_service->status(id);
        return s ? analytics::alarmStateName(s->state) : QStringLiteral("<unknown>");
    }

    std::vector<storage::Event> settingsAudit() const
    {
        storage::EventQuery q;
        q.categories = { QStringLiteral("audit") };
        q.kindPrefix = QStringLiteral("alarm.");
        return m_historian->events(q);
    }

    bool change(const QString &id, const AlarmSettingsChange &c, QString *why,
                AlarmSettingsOutcome *outcome = nullptr)
    {
        return m_service->updateSettings(id, c, currentUserName(),
                                         QStringLiteral("Motor upgraded to class H insulation"),
                                         why, outcome);
    }

private slots:
    void initTestCase() { test::installStrictMessageHandler(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QFile f(configPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(test::kAlarmSettingsYaml), qint64(test::kAlarmSettingsYaml.size()));
        f.close();
        m_clock = std::make_unique<ManualClock>(kStart);
        storage::HistorianOptions options;
        options.path = m_dir->filePath(QStringLiteral("h.sqlite"));
        QString error;
        m_historian = storage::Historian::open(options, &error);
        QVERIFY2(m_historian, qPrintable(error));
        m_access = std::make_unique<AccessControl>(m_clock.get());
        m_access->setAuditJournal(m_historian.get());
        QVERIFY2(test::signInAs(m_access.get(), Role::Engineer, *m_dir, &error),
                 qPrintable(error));
        QCOMPARE(currentUserName(), u"test-engineer"_qs);
        startService();
    }

    void cleanup()
    {
        m_service.reset();
        if (m_access && m_access->signedIn())
            m_access->logout();
        m_access.reset();
        m_historian.reset();
        m_dir.reset();
        const QStringList unexpected = test::unexpectedWarnings();
        test::clearUnexpectedWarnings();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
    }

    void refusedWithoutHistorian()
    {
        AlarmService service(m_model, *m_clock);
        service.setTickInterval(0);
        AlarmSettingsChange c;
        c.limit = 95;
        QString why;
        QVERIFY(!service.updateSettings(kHigh, c, currentUserName(), u"test"_qs, &why));
        QVERIFY2(why.contains(u"no historian"_qs), qPrintable(why));
        QCOMPARE(service.definition(kHigh)->limit, 90.0);
        QCOMPARE(readAll(configPath()), test::kAlarmSettingsYaml);
    }

    void refusedForRole_data()
    {
        QTest::addColumn<int>("role"); // -1 = nobody signed in
        QTest::newRow("viewer") << int(Role::Viewer);
        QTest::newRow("operator") << int(Role::Operator);
        QTest::newRow("supervisor") << int(Role::Supervisor);
        QTest::newRow("signed out") << -1;
    }

    void refusedForRole()
    {
        QFETCH(int, role);
        QString error;
        if (role < 0)
            m_access->logout();
        else
            QVERIFY2(test::signInAs(m_access.get(), Role(role), *m_dir, &error),
                     qPrintable(error));
        AlarmSettingsChange c;
        c.limit = 95;
        QString why;
        QVERIFY(!change(kHigh, c, &why));
        const QString needs = u"needs the "_qs + roleDisplayName(Role::Engineer) + u" role"_qs;
        QVERIFY2(why.contains(needs), qPrintable(why));
        QVERIFY2(why.contains(role < 0 ? u"sign in first"_qs : roleDisplayName(Role(role))),
                 qPrintable(why));
        QCOMPARE(m_service->definition(kHigh)->limit, 90.0);
        QVERIFY(settingsAudit().empty());
        QCOMPARE(readAll(configPath()), test::kAlarmSettingsYaml);
    }

    void refusedWithoutReasonOrBadValue()
    {
        AlarmSettingsChange c;
        c.limit = 95;
        QString why;
        QVERIFY(!m_service->updateSettings(kHigh, c, currentUserName(), u"  "_qs, &why));
        QVERIFY2(why.contains(u"reason"_qs), qPrintable(why));
        c.limit = 200; // temp's range is 0..150
        QVERIFY(!change(kHigh, c, &why));
        QVERIFY2(why.contains(u"outside the range"_qs), qPrintable(why));
        QVERIFY(!change(u"acme/s/a/l/m1/nope"_qs, c, &why));
        QVERIFY2(why.contains(u"unknown alarm"_qs), qPrintable(why));
        QCOMPARE(m_service->definition(kHigh)->limit, 90.0);
        QVERIFY(settingsAudit().empty());
        QCOMPARE(readAll(configPath()), test::kAlarmSettingsYaml);
    }

    void limitChangeTakesEffect_data()
    {
        QTest::addColumn<double>("limit");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("raises");
        // temp_high: limit 90 (raises when value > limit), 5 s on-delay. With the old limit
        // every value here except 84 would raise; with the new one only value > new limit.
        QTest::newRow("raised to 95, value 92") << 95.0 << 92.0 << false;
        QTest::newRow("raised to 95, value 96") << 95.0 << 96.0 << true;
        QTest::newRow("lowered to 85, value 88") << 85.0 << 88.0 << true;
        QTest::newRow("lowered to 85, value 84") << 85.0 << 84.0 << false;
    }

    void limitChangeTakesEffect()
    {
        QFETCH(double, limit);
        QFETCH(double, value);
        QFETCH(bool, raises);
        AlarmSettingsChange c;
        c.limit = limit;
        QString why;
        QVERIFY2(change(kHigh, c, &why), qPrintable(why));
        QCOMPARE(m_service->definition(kHigh)->limit, limit);
        // The model the service started with stays as loaded; the running one has the change.
        QCOMPARE(m_model->alarms.front().limit, 90.0);
        QCOMPARE(m_service->runningModel()->alarms.front().limit, limit);
        feed(test::kM1 + u"temp"_qs, kStart, value);
        tickAt(kStart + 5'000);
        QCOMPARE(stateOf(kHigh), raises ? u"unack_active"_qs : u"normal"_qs);
    }

    void activeAlarmNotClearedByChange()
    {
        // 95 > 90 for the 5 s on-delay: B (unacknowledged active).
        feed(test::kM1 + u"temp"_qs, kStart, 95);
        tickAt(kStart + 5'000);
        QCOMPARE(stateOf(kHigh), u"unack_active"_qs);
        AlarmSettingsChange c;
        c.limit = 100;
        QString why;
        QVERIFY2(change(kHigh, c, &why), qPrintable(why));
        // The change alone clears nothing: still B, condition still active.
        QCOMPARE(stateOf(kHigh), u"unack_active"_qs);
        QVERIFY(m_service->status(kHigh)->conditionActive);
        tickAt(kStart + 6'000);
        QCOMPARE(stateOf(kHigh), u"unack_active"_qs);
        // The next sample: 95 <= 100 - 2 (deadband), no off-delay: the condition returns and
        // the alarm goes B -> D (returned, still to be acknowledged), not to normal.
        feed(test::kM1 + u"temp"_qs, kStart + 7'000, 95);
        QCOMPARE(stateOf(kHigh), u"returned_unack"_qs);
    }

    void delayChangeTakesEffect()
    {
        AlarmSettingsChange c;
        c.onDelayMs = 10'000;
        c.offDelayMs = 3'000;
        QString why;
        QVERIFY2(change(kHigh, c, &why), qPrintable(why));
        feed(test::kM1 + u"temp"_qs, kStart, 95);
        tickAt(kStart + 6'000); // the old 5 s on-delay would have raised it by now
        QCOMPARE(stateOf(kHigh), u"normal"_qs);
        tickAt(kStart + 10'000);
        QCOMPARE(stateOf(kHigh), u"unack_active"_qs);
        QCOMPARE(m_service->status(kHigh)->activeSinceMs, kStart + 10'000);
        // Back below 88 (90 - deadband 2) at +20 s: returns after the new 3 s off-delay.
        feed(test::kM1 + u"temp"_qs, kStart + 20'000, 80);
        tickAt(kStart + 22'000);
        QCOMPARE(stateOf(kHigh), u"unack_active"_qs);
        tickAt(kStart + 23'000);
        QCOMPARE(stateOf(kHigh), u"returned_unack"_qs);
    }

    void auditEntry()
    {
        AlarmSettingsChange c;
        c.limit = 95;
        c.onDelayMs = 10'000;
        QString why;
        AlarmSettingsOutcome outcome;
        QVERIFY2(change(kHigh, c, &why, &outcome), qPrintable(why));
        QVERIFY2(outcome.saved, qPrintable(outcome.saveError));
        QCOMPARE(outcome.change, u"limit 90 → 95 °C; on_delay 5 s → 10 s"_qs);
        QCOMPARE(outcome.alarmIds, QStringList{ kHigh });
        QCOMPARE(outcome.configFile, configPath());
        QCOMPARE(outcome.configLine, 27);

        const auto events = settingsAudit();
        QCOMPARE(events.size(), std::size_t(1));
        const storage::Event &e = events.front();
        QCOMPARE(e.t, kStart);
        QCOMPARE(e.category, u"audit"_qs);
        QCOMPARE(e.kind, u"alarm.settings"_qs);
        QCOMPARE(e.source, kHigh);
        QCOMPARE(e.user, u"test-engineer"_qs);
        QCOMPARE(e.oldValue, u"limit 90 °C; on_delay 5 s"_qs);
        QCOMPARE(e.newValue, u"limit 95 °C; on_delay 10 s"_qs);
        QCOMPARE(e.message, u"limit 90 → 95 °C; on_delay 5 s → 10 s; saved to "_qs + configPath()
                                    + u":27"_qs);
        // Every setting before and after (the plant YAML above: limit 90, deadband 2,
        // on_delay_s 5, no off-delay, priority 3; a high alarm has no setpoint).
        const QJsonObject expected{
            { u"old"_qs,
              QJsonObject{ { u"limit"_qs, 90.0 },
                           { u"deadband"_qs, 2.0 },
                           { u"setpoint"_qs, QJsonValue() },
                           { u"on_delay_s"_qs, 5.0 },
                           { u"off_delay_s"_qs, 0.0 },
                           { u"priority"_qs, 3 } } },
            { u"new"_qs,
              QJsonObject{ { u"limit"_qs, 95.0 },
                           { u"deadband"_qs, 2.0 },
                           { u"setpoint"_qs, QJsonValue() },
                           { u"on_delay_s"_qs, 10.0 },
                           { u"off_delay_s"_qs, 0.0 },
                           { u"priority"_qs, 3 } } },
            { u"reason"_qs, u"Motor upgraded to class H insulation"_qs },
            { u"type"_qs, u"high"_qs },
            { u"role"_qs, u"engineer"_qs },
            { u"saved"_qs, true },
            { u"config_file"_qs, configPath() },
            { u"config_line"_qs, 27 },
            { u"alarms"_qs, QJsonArray{ kHigh } },
        };
        QCOMPARE(QJsonDocument::fromJson(e.details.toUtf8()).object(), expected);
        // Not an alarm transition: the alarm journal (restart state) does not see it.
        QVERIFY(AlarmService::readJournal(*m_historian).empty());
    }

    void yamlRewritten()
    {
        AlarmSettingsChange c;
        c.limit = 95;
        c.offDelayMs = 3'000;
        QString why;
        QVERIFY2(change(kHigh, c, &why), qPrintable(why));
        // By hand: the value replaced in place (its comment kept), off_delay_s appended to
        // the block entry at its keys' indentation; nothing else changes.
        QByteArray expected = test::kAlarmSettingsYaml;
        expected.replace("    limit: 90        # °C, from the motor datasheet\n",
                         "    limit: 95        # °C, from the motor datasheet\n");
        expected.replace("    message: \"Motor {value} {unit} above {limit} {unit}\"\n",
                         "    message: \"Motor {value} {unit} above {limit} {unit}\"\n"
                         "    off_delay_s: 3\n");
        QCOMPARE(readAll(configPath()), expected);
        QCOMPARE(readAll(configPath() + u".bak"_qs), test::kAlarmSettingsYaml);
        const ConfigResult back = ConfigLoader::loadFile(configPath());
        QVERIFY2(back.ok(), qPrintable(back.formattedMessages().join(u'\n')));
        for (const AlarmDef &a : back.model->alarms) {
            if (a.id != kHigh)
                continue;
            QCOMPARE(a.limit, 95.0);
            QCOMPARE(a.offDelayMs, 3'000);
            QCOMPARE(a.onDelayMs, 5'000);
            QCOMPARE(a.deadband, 2.0);
        }
    }

    void machinesEntryChangesAll()
    {
        // temp_low has `machines: all`: the entry defines m1's and m2's alarm; the YAML entry
        // changes both after a restart, so the run-time change does too.
        AlarmSettingsChange c;
        c.limit = 12;
        c.priority = 3;
        QString why;
        AlarmSettingsOutcome outcome;
        QVERIFY2(change(test::kM2 + u"temp_low"_qs, c, &why, &outcome), qPrintable(why));
        QCOMPARE(outcome.alarmIds,
                 QStringList({ test::kM1 + u"temp_low"_qs, test::kM2 + u"temp_low"_qs }));
        for (const QString &id : outcome.alarmIds) {
            QCOMPARE(m_service->definition(id)->limit, 12.0);
            QCOMPARE(m_service->definition(id)->priority, 3);
        }
        const auto events = settingsAudit();
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].source, test::kM1 + u"temp_low"_qs);
        QCOMPARE(events[1].source, test::kM2 + u"temp_low"_qs);
        QCOMPARE(events[1].oldValue, u"limit 10 °C; priority 4"_qs);
        QCOMPARE(events[1].newValue, u"limit 12 °C; priority 3"_qs);
        QByteArray expected = test::kAlarmSettingsYaml;
        expected.replace(
                "  - { name: temp_low, tag: temp, machines: all, type: low, limit: 10, priority: 4 }\n",
                "  - { name: temp_low, tag: temp, machines: all, type: low, limit: 12, priority: 3 }\n");
        QCOMPARE(readAll(configPath()), expected);
        // 11 < 12 on m2 raises now (no on-delay configured for temp_low).
        feed(test::kM2 + u"temp"_qs, kStart, 11);
        QCOMPARE(stateOf(test::kM2 + u"temp_low"_qs), u"unack_active"_qs);
    }

    void unsavedWhenFileCannotBeWritten_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("backup blocked") << u"backup"_qs;
        QTest::newRow("read-only file") << u"readonly"_qs;
    }

    void unsavedWhenFileCannotBeWritten()
    {
        QFETCH(QString, how);
        if (how == u"backup"_qs) {
            // A directory where the backup file would go: the write fails before the file is
            // touched, for root as well.
            QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("plant.yaml.bak")));
        } else {
            if (::geteuid() == 0)
                QSKIP("root may write read-only files; the 'backup blocked' row covers root");
            QVERIFY(QFile::setPermissions(configPath(),
                                          QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        }
        AlarmSettingsChange c;
        c.limit = 95;
        QString why;
        AlarmSettingsOutcome outcome;
        QVERIFY2(change(kHigh, c, &why, &outcome), qPrintable(why));
        QVERIFY(!outcome.saved);
        QVERIFY2(outcome.saveError.contains(u"cannot write"_qs), qPrintable(outcome.saveError));
        // In force for this run ...
        QCOMPARE(m_service->definition(kHigh)->limit, 95.0);
        feed(test::kM1 + u"temp"_qs, kStart, 92);
        tickAt(kStart + 5'000);
        QCOMPARE(stateOf(kHigh), u"normal"_qs);
        // ... the file unchanged, and the audit says it was not saved.
        QCOMPARE(readAll(configPath()), test::kAlarmSettingsYaml);
        const auto events = settingsAudit();
        QCOMPARE(events.size(), std::size_t(1));
        QVERIFY2(events[0].message.startsWith(
                         u"limit 90 → 95 °C; not saved to the configuration: "_qs),
                 qPrintable(events[0].message));
        const QJsonObject d = QJsonDocument::fromJson(events[0].details.toUtf8()).object();
        QCOMPARE(d.value(u"saved"_qs).toBool(true), false);
        QCOMPARE(d.value(u"save_error"_qs).toString(), outcome.saveError);
    }

    void noConfigFile()
    {
        QCOMPARE(m_service->configFile(), configPath()); // the model's sourceFile by default
        m_service->setConfigFile(QString());
        AlarmService &service = *m_service;
        AlarmSettingsChange c;
        c.priority = 2;
        QString why;
        AlarmSettingsOutcome outcome;
        QVERIFY2(service.updateSettings(kHigh, c, currentUserName(), u"test"_qs, &why, &outcome),
                 qPrintable(why));
        QVERIFY(!outcome.saved);
        QVERIFY2(outcome.saveError.contains(u"not loaded from a file"_qs),
                 qPrintable(outcome.saveError));
    }

    void restartKeepsNewSettings()
    {
        AlarmSettingsChange c;
        c.limit = 95;
        QString why;
        QVERIFY2(change(kHigh, c, &why), qPrintable(why));
        // Raise the high-high alarm (110) so the restart also restores a state.
        feed(test::kM1 + u"temp"_qs, kStart, 120);
        tickAt(kStart + 5'000);
        QCOMPARE(stateOf(test::kM1 + u"temp_high_high"_qs), u"unack_active"_qs);
        m_service->flush();

        // A new service from the rewritten file and the same historian.
        m_service.reset();
        startService();
        QCOMPARE(m_service->definition(kHigh)->limit, 95.0);
        QCOMPARE(stateOf(test::kM1 + u"temp_high_high"_qs), u"unack_active"_qs);
        // 92 is between the old (90) and the new (95) limit: no longer an alarm.
        feed(test::kM1 + u"temp"_qs, kStart + 60'000, 92);
        tickAt(kStart + 70'000);
        QCOMPARE(stateOf(kHigh), u"returned_unack"_qs); // was active (120) before: B -> D
        QVERIFY2(m_service->acknowledge(kHigh, currentUserName(), {}, &why), qPrintable(why));
        QCOMPARE(stateOf(kHigh), u"normal"_qs);
        feed(test::kM1 + u"temp"_qs, kStart + 80'000, 96);
        tickAt(kStart + 85'000);
        QCOMPARE(stateOf(kHigh), u"unack_active"_qs);
        QCOMPARE(settingsAudit().size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestAlarmSettingsService)
#include "tst_alarm_settings_service.moc"
