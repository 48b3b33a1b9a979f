# tests owned by the modbus area (connectors/modbus and its config schema)
# Sources are named from this file's folder so that it can be included from anywhere.
andon_add_test(tst_modbus_config
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/tst_modbus_config.cpp
    LIBS andon_core)
andon_add_test(tst_modbus_codec
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/tst_modbus_codec.cpp
    LIBS andon_connectors)
andon_add_test(tst_request_planner
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/tst_request_planner.cpp
    LIBS andon_connectors)
# Against the pymodbus peer (tests/peers/modbus_server.py) over TCP and a socat pty pair.
andon_add_test(tst_modbus_poller
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/integration/tst_modbus_poller.cpp
    LIBS andon_connectors
    LABELS integration)
andon_add_test(tst_modbus_engine
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/integration/tst_modbus_engine.cpp
    LIBS andon_engine
    LABELS integration)
# Writes and their function codes (FC5/6/15/16, write_multiple) against the pymodbus peer,
# which logs the function code of every write it executes.
andon_add_test(tst_modbus_writes
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/integration/tst_modbus_writes.cpp
    LIBS andon_connectors
    LABELS integration)
# The write confirm dialog (faceplate) with its audit entries, and the "Scan registers" dialog
# (Connections page), through a real Engine against the pymodbus peer. USER is the name the
# audit entries must carry (ui/current_user.h reads it).
andon_add_test(tst_modbus_ui
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/ui/tst_modbus_ui.cpp
    LIBS andon_ui
    LABELS ui integration
    ENV USER=mbw-operator)
