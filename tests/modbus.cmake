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
