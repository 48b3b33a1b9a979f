// AlarmEngine (analytics/alarm_engine.h) on a manual clock: deadbands, on/off delays,
// shelving expiry, suppression by machine state, first-out, flood detection, rate of change,
// deviation, bad quality and restoring from journal records. Every expected state and time is
// worked out by hand in the comments from the definitions in tests/unit/alarm_test_plant.h.
#include "analytics/alarm_engine.h"
#include "tests/support/test_support.h"
#include "tests/unit/alarm_test_plant.h"

#include <QTest>

#include <algorithm>

using namespace andon;
using namespace andon::analytics;

namespace {

const QString kM1 = QStringLiteral("acme/s/a/l/m1/");
const QString kM2 = QStringLiteral("acme/s/a/l/m2/");
const QString kLine = QStringLiteral("acme/s/a/l/");

QString stateOf(const AlarmEngine &e, const QString &id)
{
    const AlarmStatus *s = e.status(id);
    return s ? alarmStateName(s->state) : QStringLiteral("<unknown alarm>");
}

// The transitions of one alarm as "action:from>to@t" (t in ms after the test's start).
QStringList trail(const std::vector<AlarmEvent> &events, const QString &id, TimestampMs t0 = 0)
{
    QStringList out;
    for (const AlarmEvent &e : events) {
        if (e.alarmId == id)
            out << alarmActionName(e.action) + u':' + alarmStateName(e.from) + u'>'
                    + alarmStateName(e.to) + u'@' + QString::number(e.t - t0);
    }
    return out;
}

} // namespace

class TestAlarmEngine : public QObject
{
    Q_OBJECT

    std::shared_ptr<const PlantModel> m_model;
    TagId tag(const QString &path) const { return m_model->tagIdByPath(path); }
    Sample s(const QString &path, TimestampMs t, double v, Quality q = Quality::Good) const
    {
        return Sample { tag(path), t, v, q };
    }

private slots:
    void initTestCase()
    {
        test::installStrictMessageHandler();
        QString errors;
        m_model = test::alarmTestPlant(&errors);
        QVERIFY2(m_model, qPrintable(errors));
        QCOMPARE(m_model->alarms.size(), std::size_t(2 * 6 + 2));
    }

    void deadbandHigh()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock);
        const QString id = kM1 + u"temp_high"; // > 85 raises, <= 82 clears
        const QString temp = kM1 + u"temp";
        e.process({ s(temp, 1000, 84) }); // below: normal
        QCOMPARE(stateOf(e, id), QStringLiteral("normal"));
        e.process({ s(temp, 2000, 86) }); // 86 > 85: unack active
        e.process({ s(temp, 3000, 83) }); // 83 > 82: still active (deadband)
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        e.process({ s(temp, 4000, 82) }); // 82 <= 82: returns, unacknowledged
        QCOMPARE(stateOf(e, id), QStringLiteral("returned_unack"));
        e.process({ s(temp, 5000, 84.9), s(temp, 6000, 85) }); // not above 85: stays
        QCOMPARE(stateOf(e, id), QStringLiteral("returned_unack"));
        e.process({ s(temp, 7000, 85.1) }); // above again: unack active from D
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        const auto events = e.takeEvents();
        QCOMPARE(trail(events, id),
            QStringList({ u"activate:normal>unack_active@2000"_qs,
                u"clear:unack_active>returned_unack@4000"_qs,
                u"activate:returned_unack>unack_active@7000"_qs }));
        // The record carries value, limit and the message with placeholders filled in.
        QCOMPARE(events.front().value, 86.0);
        QCOMPARE(events.front().limit, 85.0);
        QCOMPARE(events.front().priority, 3);
        QCOMPARE(events.front().message, u"Temperature 86.0 °C above 85.0 °C"_qs);
        QVERIFY(events.front().user.isEmpty());
        // Nothing else fired: 86 is not above 100 and not below 10.
        QCOMPARE(events.size(), std::size_t(3));
    }

    void onOffDelays()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock);
        const QString id = kM1 + u"temp_high_high"; // > 100 for 10 s; <= 97 for 5 s
        const QString temp = kM1 + u"temp";
        e.process({ s(temp, 0, 101) }); // condition since 0
        clock.set(9999);
        e.tick();
        QCOMPARE(stateOf(e, id), QStringLiteral("normal"));
        e.process({ s(temp, 5000, 102) }); // 5 s held: not yet
        QCOMPARE(stateOf(e, id), QStringLiteral("normal"));
        clock.set(10000);
        e.tick(); // 0 + 10 s: raises, stamped 10000
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        e.process({ s(temp, 20000, 98) }); // 98 > 97: still in
        e.process({ s(temp, 21000, 97) }); // 97 <= 97: gone since 21000
        e.process({ s(temp, 23000, 101) }); // back before 26000: the clear is cancelled
        e.process({ s(temp, 24000, 96) }); // gone since 24000 -> clears at 29000
        clock.set(28999);
        e.tick();
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        clock.set(29000);
        e.tick();
        QCOMPARE(stateOf(e, id), QStringLiteral("returned_unack"));
        QVERIFY(e.acknowledge(id, u"op"_qs, QString()));
        // A 5 s pulse is shorter than the 10 s on-delay: never annunciated.
        e.process({ s(temp, 40000, 105), s(temp, 45000, 90) });
        clock.set(60000);
        e.tick();
        QCOMPARE(stateOf(e, id), QStringLiteral("normal"));
        const auto events = e.takeEvents();
        QCOMPARE(trail(events, id),
            QStringList({ u"activate:normal>unack_active@10000"_qs,
                u"clear:unack_active>returned_unack@29000"_qs,
                u"acknowledge:returned_unack>normal@29000"_qs }));
        const auto first = std::find_if(
            events.begin(), events.end(), [&](const AlarmEvent &ev) { return ev.alarmId == id; });
        QCOMPARE(first->value, 102.0); // the last value when the delay ran out
        QCOMPARE(first->limit, 100.0);
    }

    void shelvingExpiry()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock);
        const QString id = kM1 + u"temp_high";
        const QString temp = kM1 + u"temp";
        e.process({ s(temp, 1000, 90) });
        clock.set(2000);
        QString why;
        QVERIFY(!e.shelve(id, 60'000, QString(), u"op"_qs, &why)); // a reason is required
        QVERIFY(!why.isEmpty());
        QVERIFY(!e.shelve(id, 25 * 3'600'000LL, u"too long"_qs, u"op"_qs, &why));
        QVERIFY(e.shelve(id, 60'000, u"sensor check"_qs, u"op"_qs, &why));
        QCOMPARE(stateOf(e, id), QStringLiteral("shelved"));
        QCOMPARE(e.status(id)->shelvedUntil, TimestampMs(62000)); // 2000 + 60 s
        QCOMPARE(e.status(id)->shelveReason, u"sensor check"_qs);
        QVERIFY(!e.acknowledge(id, u"op"_qs, QString(), &why));
        e.process({ s(temp, 3000, 70), s(temp, 4000, 95) }); // tracked, not annunciated
        clock.set(61999);
        e.tick();
        QCOMPARE(stateOf(e, id), QStringLiteral("shelved"));
        clock.set(62000);
        e.tick(); // expired with the condition active: annunciates again
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        QCOMPARE(e.status(id)->shelvedUntil, TimestampMs(0));
        // Shelved again, and the condition goes away meanwhile: back to normal on expiry.
        clock.set(63000);
        QVERIFY(e.shelve(id, 1000, u"again"_qs, u"op"_qs));
        e.process({ s(temp, 63500, 50) });
        clock.set(64000);
        e.tick();
        QCOMPARE(stateOf(e, id), QStringLiteral("normal"));
        const auto events = e.takeEvents();
        QCOMPARE(trail(events, id),
            QStringList(
                { u"activate:normal>unack_active@1000"_qs, u"shelve:unack_active>shelved@2000"_qs,
                    u"shelve_expire:shelved>unack_active@62000"_qs,
                    u"shelve:unack_active>shelved@63000"_qs,
                    u"shelve_expire:shelved>normal@64000"_qs }));
        QCOMPARE(events[1].user, u"op"_qs);
        QCOMPARE(events[1].comment, u"sensor check"_qs);
        QCOMPARE(events[1].shelvedUntil, TimestampMs(62000));
    }

    void suppressionByState()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock);
        const QString id = kM1 + u"temp_high"; // suppressed in planned_stop (6) and off (0)
        e.process({ s(kM1 + u"state", 1000, 1), s(kM1 + u"temp", 2000, 90) });
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        e.process({ s(kM1 + u"state", 3000, 6) }); // planned break
        QCOMPARE(stateOf(e, id), QStringLiteral("suppressed"));
        e.process({ s(kM1 + u"temp", 4000, 95), s(kM1 + u"temp", 5000, 70),
            s(kM1 + u"temp", 6000, 92) }); // no transitions while suppressed
        // A bad state sample keeps the last known suppression.
        e.process({ s(kM1 + u"state", 6500, 1, Quality::BadStale) });
        QCOMPARE(stateOf(e, id), QStringLiteral("suppressed"));
        // m2's alarm does not look at m1's state.
        e.process({ s(kM2 + u"temp", 6600, 90) });
        QCOMPARE(stateOf(e, kM2 + u"temp_high"), QStringLiteral("unack_active"));
        e.process({ s(kM1 + u"state", 7000, 1) }); // running: the condition (92) is active
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        e.process({ s(kM1 + u"state", 8000, 0), s(kM1 + u"temp", 8500, 60),
            s(kM1 + u"state", 9000, 1) }); // off, cools down, on again: normal
        QCOMPARE(stateOf(e, id), QStringLiteral("normal"));
        QCOMPARE(trail(e.takeEvents(), id),
            QStringList({ u"activate:normal>unack_active@2000"_qs,
                u"suppress:unack_active>suppressed@3000"_qs,
                u"unsuppress:suppressed>unack_active@7000"_qs,
                u"suppress:unack_active>suppressed@8000"_qs,
                u"unsuppress:suppressed>normal@9000"_qs }));
    }

    void firstOut()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock); // first-out window 10 s
        e.process({ s(kM1 + u"temp", 1000, 90) }); // m1 burst starts: first out
        e.process({ s(kM1 + u"state", 3000, 12) }); // 2 s later on m1: same burst
        e.process({ s(kM2 + u"temp", 3500, 90) }); // other machine: its own first out
        QVERIFY(e.status(kM1 + u"temp_high")->firstOut);
        QVERIFY(!e.status(kM1 + u"fault")->firstOut);
        QVERIFY(e.status(kM2 + u"temp_high")->firstOut);
        // 17 s after m1's last activation: a new burst; temp_low comes before temp_low_low in
        // the file, so it is first out of the two raised by the same sample (4 < 5 < 10).
        e.process({ s(kM1 + u"temp", 20000, 4) });
        QVERIFY(e.status(kM1 + u"temp_low")->firstOut);
        QVERIFY(!e.status(kM1 + u"temp_low_low")->firstOut);
        // 4 <= 82 cleared temp_high at 20 s; acknowledging returns it to normal, which drops
        // the marker.
        QCOMPARE(stateOf(e, kM1 + u"temp_high"), QStringLiteral("returned_unack"));
        QVERIFY(e.status(kM1 + u"temp_high")->firstOut);
        QVERIFY(e.acknowledge(kM1 + u"temp_high", u"op"_qs, QString()));
        QVERIFY(!e.status(kM1 + u"temp_high")->firstOut);

        // The earliest activation of a burst is first out even when it is processed later
        // (here a state sample stamped 1 s before the temperature sample arrives after it).
        e.process({ s(kM2 + u"temp", 150'000, 50) }); // m2's temp_high returns (D)
        e.process({ s(kM2 + u"temp", 200'000, 95) }); // and raises again: a new burst
        QVERIFY(e.status(kM2 + u"temp_high")->firstOut);
        e.process({ s(kM2 + u"state", 199'000, 12) });
        QVERIFY(e.status(kM2 + u"fault")->firstOut);
        QVERIFY(!e.status(kM2 + u"temp_high")->firstOut);
    }

    void floodDetection()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock);
        // m1's fault raised at k * 30 s and cleared 10 s later (never acknowledged, so each
        // raise is D -> B, one annunciation), k = 0..9.
        for (int k = 0; k < 10; ++k) {
            const TimestampMs t = k * 30'000;
            e.process({ s(kM1 + u"state", t, 12) });
            QCOMPARE(e.flood(), k == 9); // the 10th annunciation in 10 min starts the flood
            e.process({ s(kM1 + u"state", t + 10'000, 1) });
        }
        QCOMPARE(e.floodSinceMs(), TimestampMs(270'000));
        // Ends when fewer than 5 remain in (now - 10 min, now]: at 749 s the window holds
        // 150, 180, 210, 240, 270 s (5); at 750 s the one at 150 s has left (4).
        clock.set(749'000);
        e.tick();
        QVERIFY(e.flood());
        clock.set(750'000);
        e.tick();
        QVERIFY(!e.flood());
        QCOMPARE(e.annunciationsInWindow(), 4);
    }

    void rateOfChange()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock);
        const QString id = kLine + u"flow_rate"; // |rate| > 10 per min over 60 s
        const QString flow = kLine + u"flow";
        // 1 per 10 s = 6 per min for a minute: no alarm (at 60 s: (6 - 0) / 1 min = 6).
        for (int k = 0; k <= 6; ++k)
            e.process({ s(flow, k * 10'000, k) });
        QCOMPARE(stateOf(e, id), QStringLiteral("normal"));
        // Jump to 20 at 70 s: against the value at 10 s (1): 19 per min > 10.
        e.process({ s(flow, 70'000, 20) });
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        // Holding 21: 80 s: 21-2 = 19; 90 s: 18; ... 120 s: 21-6 = 15; 130 s: 21-20 = 1.
        for (int k = 8; k <= 12; ++k) {
            e.process({ s(flow, k * 10'000, 21) });
            QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        }
        e.process({ s(flow, 130'000, 21) });
        QCOMPARE(stateOf(e, id), QStringLiteral("returned_unack"));
    }

    void rateNeedsAFullWindow()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock);
        // A 50-unit step 10 s after the first sample: no full minute of history yet.
        e.process({ s(kLine + u"flow", 0, 0), s(kLine + u"flow", 10'000, 50) });
        QCOMPARE(stateOf(e, kLine + u"flow_rate"), QStringLiteral("normal"));
    }

    void deviation()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock);
        const QString id = kLine + u"weight_dev"; // |w - 6.0| > 0.075 raises, <= 0.065 clears
        const QString w = kLine + u"weight";
        e.process({ s(w, 1000, 6.08) }); // 0.08 > 0.075
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        e.process({ s(w, 2000, 6.07) }); // 0.07 > 0.065: stays
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        e.process({ s(w, 3000, 6.06) }); // 0.06 <= 0.065: clears
        QCOMPARE(stateOf(e, id), QStringLiteral("returned_unack"));
        e.process({ s(w, 4000, 5.92) }); // |-0.08| > 0.075: below the setpoint counts too
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
    }

    void badQuality()
    {
        ManualClock clock(0);
        AlarmEngine e(m_model, clock);
        // A full-scale reading of bad quality says nothing about the process.
        e.process({ s(kM1 + u"temp", 1000, 150, Quality::BadSensorFailure) });
        QCOMPARE(stateOf(e, kM1 + u"temp_high"), QStringLiteral("normal"));
        QCOMPARE(stateOf(e, kM1 + u"temp_high_high"), QStringLiteral("normal"));
        // no_data: bad quality for 10 s.
        e.process({ s(kM1 + u"state", 1000, 1, Quality::BadStale) });
        clock.set(10'999);
        e.tick();
        QCOMPARE(stateOf(e, kM1 + u"no_data"), QStringLiteral("normal"));
        clock.set(11'000);
        e.tick();
        QCOMPARE(stateOf(e, kM1 + u"no_data"), QStringLiteral("unack_active"));
        e.process({ s(kM1 + u"state", 12'000, 1) });
        QCOMPARE(stateOf(e, kM1 + u"no_data"), QStringLiteral("returned_unack"));
        // Uncertain quality is evaluated.
        e.process({ s(kM1 + u"temp", 13'000, 90, Quality::UncertainLastKnown) });
        QCOMPARE(stateOf(e, kM1 + u"temp_high"), QStringLiteral("unack_active"));
    }

    void operatorActions()
    {
        ManualClock clock(5000);
        AlarmEngine e(m_model, clock);
        const QString id = kM1 + u"temp_high";
        QString why;
        QVERIFY(!e.acknowledge(id, u"op"_qs, QString(), &why));
        QVERIFY2(why.contains(u"nothing to acknowledge"), qPrintable(why));
        QVERIFY(!e.acknowledge(u"no/such/alarm"_qs, u"op"_qs, QString(), &why));
        QVERIFY(!e.addComment(id, u"op"_qs, u"  "_qs, &why));
        e.process({ s(kM1 + u"temp", 1000, 90) });
        QVERIFY(!e.acknowledge(id, QString(), QString(), &why)); // who did it must be known
        QVERIFY(e.addComment(id, u"op"_qs, u"fan replaced"_qs));
        QVERIFY(e.acknowledge(id, u"op"_qs, u"seen"_qs));
        QVERIFY(!e.acknowledge(id, u"op"_qs, QString(), &why));
        QVERIFY(e.removeFromService(id, u"tech"_qs, u"sensor swap"_qs));
        QVERIFY(!e.shelve(id, 1000, u"x"_qs, u"op"_qs, &why));
        QVERIFY(e.returnToService(id, u"tech"_qs)); // condition (90) still active
        QCOMPARE(stateOf(e, id), QStringLiteral("unack_active"));
        const auto events = e.takeEvents();
        QCOMPARE(trail(events, id),
            QStringList({ u"activate:normal>unack_active@1000"_qs,
                u"comment:unack_active>unack_active@5000"_qs,
                u"acknowledge:unack_active>ack_active@5000"_qs,
                u"remove_from_service:ack_active>out_of_service@5000"_qs,
                u"return_to_service:out_of_service>unack_active@5000"_qs }));
        QCOMPARE(events[1].comment, u"fan replaced"_qs);
        QCOMPARE(events[3].user, u"tech"_qs);
        QCOMPARE(e.status(id)->lastComment, u"sensor swap"_qs);
    }

    // Journal records restore the last state per alarm (the historian round trip is in
    // tst_alarm_service).
    void restoreFromRecords()
    {
        ManualClock clock(0);
        std::vector<AlarmEvent> journal;
        {
            AlarmEngine e(m_model, clock);
            e.process({ s(kM1 + u"temp", 1000, 90), s(kM2 + u"temp", 1000, 90) });
            clock.set(2000);
            QVERIFY(e.acknowledge(kM2 + u"temp_high", u"op"_qs, QString()));
            QVERIFY(e.shelve(kM1 + u"fault", 3'600'000, u"known"_qs, u"op"_qs));
            journal = e.takeEvents();
        }
        clock.set(10'000);
        AlarmEngine e(m_model, clock);
        e.restore(journal);
        QVERIFY(!e.hasEvents());
        QCOMPARE(stateOf(e, kM1 + u"temp_high"), QStringLiteral("unack_active"));
        QCOMPARE(stateOf(e, kM2 + u"temp_high"), QStringLiteral("ack_active"));
        QCOMPARE(stateOf(e, kM1 + u"fault"), QStringLiteral("shelved"));
        QCOMPARE(e.status(kM1 + u"fault")->shelvedUntil, TimestampMs(3'602'000));
        QCOMPARE(e.status(kM1 + u"temp_high")->activeSinceMs, TimestampMs(1000));
        QVERIFY(e.status(kM1 + u"temp_high")->firstOut);
        // The first sample after the restart decides: m1 cooled down meanwhile.
        e.process({ s(kM1 + u"temp", 11'000, 60) });
        QCOMPARE(stateOf(e, kM1 + u"temp_high"), QStringLiteral("returned_unack"));
    }
};

QTEST_GUILESS_MAIN(TestAlarmEngine)
#include "tst_alarm_engine.moc"
