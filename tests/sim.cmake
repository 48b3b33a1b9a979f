# tests owned by the simulator area (sim/, andon-sim, calendar/products config)
andon_add_test(tst_calendar_config
    SOURCES unit/tst_calendar_config.cpp
    LIBS andon_core)
andon_add_test(tst_sim_scenarios
    SOURCES unit/tst_sim_scenarios.cpp unit/sim_test_plant.h
    LIBS andon_sim)
andon_add_test(tst_sim_truth
    SOURCES unit/tst_sim_truth.cpp unit/sim_test_plant.h
    LIBS andon_sim)
andon_add_test(tst_andon_sim_truth
    SOURCES integration/tst_andon_sim_truth.cpp
    LIBS andon_sim
    LABELS integration)
# Runs the real simulator executable.
add_dependencies(tst_andon_sim_truth andon-sim)
andon_add_test(tst_sim_modbus_map
    SOURCES unit/tst_sim_modbus_map.cpp
    LIBS andon_sim)
# andon-sim --modbus-port read by pymodbus (tests/peers/modbus_read.py) against its MQTT values.
andon_add_test(tst_andon_sim_modbus
    SOURCES integration/tst_andon_sim_modbus.cpp
    LIBS andon_sim
    LABELS integration)
add_dependencies(tst_andon_sim_modbus andon-sim)
# The `alarms:` config section (core/alarm_def.h), counter `rollover` and site tags.
andon_add_test(tst_alarm_config
    SOURCES unit/tst_alarm_config.cpp
    LIBS andon_core)
# Energy counters and rollover, main meter balance, motor current, air leak, SPC variants.
andon_add_test(tst_sim_energy
    SOURCES unit/tst_sim_energy.cpp unit/sim_test_plant.h
    LIBS andon_sim)
