// `andon-cli alarms`: the rationalisation report over a hand-written alarm journal. The
// journal below and every expected number were worked out by hand (comments); the CLI runs
// as a separate process on a real historian file.
#include "engine/alarm_service.h"
#include "storage/historian.h"
#include "tests/support/test_support.h"
#include "tests/unit/alarm_test_plant.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace andon;
using analytics::AlarmAction;
using analytics::AlarmEvent;
using analytics::AlarmState;

namespace {

const TimestampMs T0 = 1'767'600'000'000; // 2026-01-05T08:00:00Z
constexpr TimestampMs kMin = 60'000;

AlarmEvent ev(
    TimestampMs t, const QString &id, AlarmAction a, AlarmState from, AlarmState to, int priority)
{
    AlarmEvent e;
    e.t = t;
    e.alarmId = id;
    e.action = a;
    e.from = from;
    e.to = to;
    e.priority = priority;
    e.conditionActive = to == AlarmState::UnackActive || to == AlarmState::AckActive;
    e.message = id.section(u'/', -1);
    return e;
}

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(test::toolPath(QStringLiteral("andon-cli")), args);
    Run r;
    if (!p.waitForStarted(10'000) || !p.waitForFinished(120'000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestAlarmsCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_config, m_db;

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        m_config = m_dir.filePath(QStringLiteral("plant.yaml"));
        m_db = m_dir.filePath(QStringLiteral("plant.sqlite"));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(test::kAlarmPlantYaml);
        f.close();

        using S = AlarmState;
        using A = AlarmAction;
        const QString x = QStringLiteral("acme/s/a/l/m1/temp_high");
        const QString z = QStringLiteral("acme/s/a/l/m2/temp_high");
        const QString w = QStringLiteral("acme/s/a/l/m1/fault");
        const QString n = QStringLiteral("acme/s/a/l/m2/no_data");
        std::vector<AlarmEvent> j;
        // W: raised 25 h before the report and never cleared: standing and stale.
        j.push_back(ev(T0 - 25 * 60 * kMin, w, A::Activate, S::Normal, S::UnackActive, 2));
        // X chatters: raised at 60 s, 90 s and 105 s (3 within 45 s), still active at the end.
        j.push_back(ev(T0 + 60'000, x, A::Activate, S::Normal, S::UnackActive, 3));
        j.push_back(ev(T0 + 80'000, x, A::Clear, S::UnackActive, S::ReturnedUnack, 3));
        j.push_back(ev(T0 + 90'000, x, A::Activate, S::ReturnedUnack, S::UnackActive, 3));
        j.push_back(ev(T0 + 95'000, x, A::Clear, S::UnackActive, S::ReturnedUnack, 3));
        j.push_back(ev(T0 + 105'000, x, A::Activate, S::ReturnedUnack, S::UnackActive, 3));
        // N shelved at 5 min.
        j.push_back(ev(T0 + 5 * kMin, n, A::Shelve, S::Normal, S::Shelved, 2));
        // Z: raised every 30 s from 20:00 to 24:30 (10 times), each cleared 10 s later.
        for (int k = 0; k < 10; ++k) {
            const TimestampMs t = T0 + 20 * kMin + k * 30'000;
            j.push_back(
                ev(t, z, A::Activate, k == 0 ? S::Normal : S::ReturnedUnack, S::UnackActive, 3));
            j.push_back(ev(t + 10'000, z, A::Clear, S::UnackActive, S::ReturnedUnack, 3));
        }
        storage::HistorianOptions o;
        o.path = m_db;
        QString error;
        auto h = storage::Historian::open(o, &error);
        QVERIFY2(h, qPrintable(error));
        for (const AlarmEvent &e : j)
            QVERIFY(h->appendEvent(AlarmService::toJournal(e)) > 0);
        // A system event in the same journal is not an alarm.
        storage::Event sys;
        sys.t = T0 + kMin;
        sys.category = QStringLiteral("system");
        sys.kind = QStringLiteral("config.load");
        sys.message = QStringLiteral("loaded");
        QVERIFY(h->appendEvent(sys) > 0);
    }

    void json()
    {
        const Run r = cli({ QStringLiteral("alarms"), QStringLiteral("--config"), m_config,
            QStringLiteral("--db"), m_db, QStringLiteral("--from"),
            QStringLiteral("2026-01-05T08:00:00Z"), QStringLiteral("--to"),
            QStringLiteral("2026-01-05T09:00:00Z"), QStringLiteral("--json") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        // 3 (X) + 10 (Z) annunciations inside the hour; W's was before it.
        QCOMPARE(o.value(u"annunciations"_qs).toInt(), 13);
        QCOMPARE(o.value(u"per_priority"_qs).toObject().value(u"3"_qs).toInt(), 13);
        QCOMPARE(o.value(u"per_priority"_qs).toObject().value(u"2"_qs).toInt(), 0);
        // 13 per 60 min = 13 / 6 per 10 min.
        QCOMPARE(o.value(u"average_per_10min"_qs).toDouble(), 13.0 / 6.0);
        // Periods from 08:00: [08:00, 08:10) has 3, [08:20, 08:30) has 10.
        QCOMPARE(o.value(u"max_per_10min"_qs).toInt(), 10);
        QCOMPARE(o.value(u"periods_10min"_qs).toInt(), 6);
        QCOMPARE(o.value(u"periods_in_flood"_qs).toInt(), 1);
        // Flood: the 10th at 24:30 starts it; it ends when the 6th (22:30) leaves the 10 min
        // window at 32:30, leaving 4: 8 min = 480 s = 13.33 % of the hour.
        QCOMPARE(o.value(u"floods"_qs).toInt(), 1);
        QCOMPARE(o.value(u"flood_s"_qs).toDouble(), 480.0);
        QCOMPARE(o.value(u"flood_percent"_qs).toDouble(), 100.0 * 480.0 / 3600.0);
        // Bad actors: Z 10/13, X 3/13.
        const QJsonArray bad = o.value(u"bad_actors"_qs).toArray();
        QCOMPARE(bad.size(), 2);
        QCOMPARE(bad[0].toObject().value(u"alarm"_qs).toString(), u"acme/s/a/l/m2/temp_high"_qs);
        QCOMPARE(bad[0].toObject().value(u"count"_qs).toInt(), 10);
        QCOMPARE(bad[0].toObject().value(u"share"_qs).toDouble(), 10.0 / 13.0);
        QCOMPARE(bad[1].toObject().value(u"count"_qs).toInt(), 3);
        // Chattering: X (3 within 45 s). Z's are 30 s apart: any 3 span 60 s, not "in 1 min".
        const QJsonArray chat = o.value(u"chattering"_qs).toArray();
        QCOMPARE(chat.size(), 1);
        QCOMPARE(chat[0].toObject().value(u"alarm"_qs).toString(), u"acme/s/a/l/m1/temp_high"_qs);
        QCOMPARE(chat[0].toObject().value(u"max_per_minute"_qs).toInt(), 3);
        // Standing at 09:00: W for 26 h, X since 08:01:45 (58 min 15 s = 3495 s).
        const QJsonArray standing = o.value(u"standing"_qs).toArray();
        QCOMPARE(standing.size(), 2);
        QCOMPARE(standing[0].toObject().value(u"alarm"_qs).toString(), u"acme/s/a/l/m1/fault"_qs);
        QCOMPARE(standing[0].toObject().value(u"duration_s"_qs).toDouble(), 26.0 * 3600.0);
        QCOMPARE(standing[1].toObject().value(u"duration_s"_qs).toDouble(), 3495.0);
        const QJsonArray stale = o.value(u"stale"_qs).toArray();
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale[0].toObject().value(u"alarm"_qs).toString(), u"acme/s/a/l/m1/fault"_qs);
        QCOMPARE(o.value(u"shelved_at_end"_qs).toInt(), 1);
        QCOMPARE(o.value(u"configured_alarms"_qs).toInt(), 14);
    }

    void text()
    {
        const Run r = cli({ QStringLiteral("alarms"), QStringLiteral("--config"), m_config,
            QStringLiteral("--db"), m_db, QStringLiteral("--from"),
            QStringLiteral("2026-01-05T08:00:00Z"), QStringLiteral("--to"),
            QStringLiteral("2026-01-05T09:00:00Z") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(u"Annunciated alarms:     13"), qPrintable(out));
        QVERIFY2(out.contains(u"Time in flood:          13.3 %"), qPrintable(out));
        QVERIFY2(out.contains(u"acme/s/a/l/m2/temp_high"), qPrintable(out));
        QVERIFY2(out.contains(u"Stale (active over 24 h): 1"), qPrintable(out));
    }

    void usageErrors()
    {
        QCOMPARE(
            cli({ QStringLiteral("alarms"), QStringLiteral("--config"), m_config }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("alarms"), QStringLiteral("--config"), m_config,
                         QStringLiteral("--db"), m_db, QStringLiteral("--from"),
                         QStringLiteral("2026-01-05T09:00:00Z"), QStringLiteral("--to"),
                         QStringLiteral("2026-01-05T08:00:00Z") })
                     .exitCode,
            2);
        QCOMPARE(cli({ QStringLiteral("alarms"), QStringLiteral("--bogus") }).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestAlarmsCli)
#include "tst_alarms_cli.moc"
