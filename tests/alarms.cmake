# tests owned by the alarms area (analytics/alarm_engine, analytics/alarm_kpi,
# engine/alarm_service, widgets/alarm_banner, ui/alarms_page, andon-cli alarms)
andon_add_test(tst_alarm_state_machine
    SOURCES unit/tst_alarm_state_machine.cpp
    LIBS andon_analytics)
andon_add_test(tst_alarm_engine
    SOURCES unit/tst_alarm_engine.cpp unit/alarm_test_plant.h
    LIBS andon_analytics)
andon_add_test(tst_alarm_service
    SOURCES integration/tst_alarm_service.cpp unit/alarm_test_plant.h
    LIBS andon_engine andon_sim)
andon_add_test(tst_alarms_cli
    SOURCES integration/tst_alarms_cli.cpp unit/alarm_test_plant.h
    LIBS andon_engine)
# Runs the real andon-cli.
add_dependencies(tst_alarms_cli andon-cli)
andon_add_test(tst_alarms_page
    SOURCES ui/tst_alarms_page.cpp
    LIBS andon_ui)
