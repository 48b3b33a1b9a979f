# tests owned by the integrations area (issue 14): 4-20 mA analog inputs (NAMUR NE 43) and the
# MQTT payload presets (LoRaWAN, IO-Link, edge gateway); docs/integrations.md.
andon_add_test(tst_analog_signal
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/tst_analog_signal.cpp
    LIBS andon_connectors)
# Decodes the sample payloads in tests/data/integrations/ (sources in its README.md).
andon_add_test(tst_payload_presets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/tst_payload_presets.cpp
    LIBS andon_connectors)
# The Engine against the pymodbus peer serving converter counts of 4-20 mA inputs.
andon_add_test(tst_integrations_modbus
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/integration/tst_integrations_modbus.cpp
    LIBS andon_engine
    LABELS integration)
# The Engine with preset bindings; the samples are published with mosquitto_pub to a real
# mosquitto.
andon_add_test(tst_integrations_mqtt
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/integration/tst_integrations_mqtt.cpp
    LIBS andon_engine
    LABELS integration)
