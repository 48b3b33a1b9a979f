// The ISA-18.2 alarm state machine (analytics/alarm_engine.h alarmTransition()), table-driven.
// The legal transitions below are written out by hand from ANSI/ISA-18.2-2016 §11 (state
// transition diagram, states A-G) and docs/alarms.md "States"; every (state, action) pair
// not in the table must be refused with a reason.
#include "analytics/alarm_engine.h"

#include <QTest>

#include <set>
#include <tuple>

using namespace andon::analytics;

Q_DECLARE_METATYPE(andon::analytics::AlarmState)
Q_DECLARE_METATYPE(andon::analytics::AlarmAction)

namespace {

using S = AlarmState;
using A = AlarmAction;

struct Legal
{
    S from;
    A action;
    bool condition; // conditionActive
    bool suppressed; // suppressedByState
    S to;
};

// A normal, B unack active, C ack active, D returned unack, E shelved, F suppressed, G OOS.
const Legal kLegal[] = {
    // A
    { S::Normal, A::Activate, true, false, S::UnackActive },
    { S::Normal, A::Shelve, false, false, S::Shelved },
    { S::Normal, A::Suppress, false, true, S::Suppressed },
    { S::Normal, A::RemoveFromService, false, false, S::OutOfService },
    { S::Normal, A::Comment, false, false, S::Normal },
    // B
    { S::UnackActive, A::Acknowledge, true, false, S::AckActive },
    { S::UnackActive, A::Clear, false, false, S::ReturnedUnack },
    { S::UnackActive, A::Shelve, true, false, S::Shelved },
    { S::UnackActive, A::Suppress, true, true, S::Suppressed },
    { S::UnackActive, A::RemoveFromService, true, false, S::OutOfService },
    { S::UnackActive, A::Comment, true, false, S::UnackActive },
    // C
    { S::AckActive, A::Clear, false, false, S::Normal },
    { S::AckActive, A::Shelve, true, false, S::Shelved },
    { S::AckActive, A::Suppress, true, true, S::Suppressed },
    { S::AckActive, A::RemoveFromService, true, false, S::OutOfService },
    { S::AckActive, A::Comment, true, false, S::AckActive },
    // D
    { S::ReturnedUnack, A::Acknowledge, false, false, S::Normal },
    { S::ReturnedUnack, A::Activate, true, false, S::UnackActive },
    { S::ReturnedUnack, A::Shelve, false, false, S::Shelved },
    { S::ReturnedUnack, A::Suppress, false, true, S::Suppressed },
    { S::ReturnedUnack, A::RemoveFromService, false, false, S::OutOfService },
    { S::ReturnedUnack, A::Comment, false, false, S::ReturnedUnack },
    // E: leaves to where the condition and the suppression say
    { S::Shelved, A::Unshelve, false, false, S::Normal },
    { S::Shelved, A::Unshelve, true, false, S::UnackActive },
    { S::Shelved, A::Unshelve, true, true, S::Suppressed },
    { S::Shelved, A::ShelveExpire, false, false, S::Normal },
    { S::Shelved, A::ShelveExpire, true, false, S::UnackActive },
    { S::Shelved, A::ShelveExpire, false, true, S::Suppressed },
    { S::Shelved, A::RemoveFromService, true, false, S::OutOfService },
    { S::Shelved, A::Comment, false, false, S::Shelved },
    // F
    { S::Suppressed, A::Unsuppress, false, false, S::Normal },
    { S::Suppressed, A::Unsuppress, true, false, S::UnackActive },
    { S::Suppressed, A::RemoveFromService, false, true, S::OutOfService },
    { S::Suppressed, A::Comment, false, true, S::Suppressed },
    // G
    { S::OutOfService, A::ReturnToService, false, false, S::Normal },
    { S::OutOfService, A::ReturnToService, true, false, S::UnackActive },
    { S::OutOfService, A::ReturnToService, true, true, S::Suppressed },
    { S::OutOfService, A::Comment, false, false, S::OutOfService },
};

const S kStates[] = { S::Normal, S::UnackActive, S::AckActive, S::ReturnedUnack, S::Shelved,
    S::Suppressed, S::OutOfService };
const A kActions[]
    = { A::Activate, A::Clear, A::Acknowledge, A::Shelve, A::Unshelve, A::ShelveExpire, A::Suppress,
          A::Unsuppress, A::RemoveFromService, A::ReturnToService, A::Comment };

} // namespace

class TestAlarmStateMachine : public QObject
{
    Q_OBJECT
private slots:
    void legal_data()
    {
        QTest::addColumn<AlarmState>("from");
        QTest::addColumn<AlarmAction>("action");
        QTest::addColumn<bool>("condition");
        QTest::addColumn<bool>("suppressed");
        QTest::addColumn<AlarmState>("to");
        for (const Legal &l : kLegal) {
            const QString name = alarmStateName(l.from) + u' ' + alarmActionName(l.action)
                + (l.condition ? u" cond" : u"") + (l.suppressed ? u" supp" : u"");
            QTest::newRow(qPrintable(name))
                << l.from << l.action << l.condition << l.suppressed << l.to;
        }
    }
    void legal()
    {
        QFETCH(AlarmState, from);
        QFETCH(AlarmAction, action);
        QFETCH(bool, condition);
        QFETCH(bool, suppressed);
        QFETCH(AlarmState, to);
        const AlarmTransition t = alarmTransition(from, action, condition, suppressed);
        QVERIFY2(t.ok, qPrintable(t.reason));
        QCOMPARE(alarmStateName(t.to), alarmStateName(to));
    }

    // Every (state, action) pair that has no row in kLegal is refused, with a reason, for
    // every combination of condition and suppression.
    void illegal_data()
    {
        QTest::addColumn<AlarmState>("from");
        QTest::addColumn<AlarmAction>("action");
        std::set<std::pair<int, int>> legal;
        for (const Legal &l : kLegal)
            legal.insert({ int(l.from), int(l.action) });
        int rows = 0;
        for (S s : kStates) {
            for (A a : kActions) {
                if (legal.count({ int(s), int(a) }))
                    continue;
                const QString name = alarmStateName(s) + u' ' + alarmActionName(a);
                QTest::newRow(qPrintable(name)) << s << a;
                ++rows;
            }
        }
        // 7 states x 11 actions = 77 pairs; 5+6+5+6+4+3+2 = 31 legal pairs -> 46 illegal.
        QCOMPARE(rows, 46);
    }
    void illegal()
    {
        QFETCH(AlarmState, from);
        QFETCH(AlarmAction, action);
        for (bool cond : { false, true }) {
            for (bool supp : { false, true }) {
                const AlarmTransition t = alarmTransition(from, action, cond, supp);
                QVERIFY(!t.ok);
                QVERIFY(!t.reason.isEmpty());
            }
        }
    }

    void namesRoundTrip()
    {
        for (S s : kStates) {
            AlarmState back = S::Normal;
            QVERIFY(parseAlarmState(alarmStateName(s), &back));
            QCOMPARE(int(back), int(s));
        }
        for (A a : kActions) {
            AlarmAction back = A::Activate;
            QVERIFY(parseAlarmAction(alarmActionName(a), &back));
            QCOMPARE(int(back), int(a));
        }
        QVERIFY(!parseAlarmState(QStringLiteral("latched"), nullptr));
    }
};

QTEST_GUILESS_MAIN(TestAlarmStateMachine)
#include "tst_alarm_state_machine.moc"
