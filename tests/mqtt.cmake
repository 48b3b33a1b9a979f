# tests owned by the mqtt area (connectors/mqtt, sim)
andon_add_test(tst_payload_decoder
    SOURCES unit/tst_payload_decoder.cpp
    LIBS andon_connectors)
andon_add_test(tst_payload_fuzz
    SOURCES unit/tst_payload_fuzz.cpp
    LIBS andon_connectors)
andon_add_test(tst_plant_simulator
    SOURCES unit/tst_plant_simulator.cpp
    LIBS andon_sim)
andon_add_test(tst_mqtt_client
    SOURCES integration/tst_mqtt_client.cpp
    LIBS andon_connectors
    LABELS integration)
andon_add_test(tst_andon_sim
    SOURCES integration/tst_andon_sim.cpp
    LIBS andon_connectors andon_sim andon_storage
    LABELS integration)
# The end-to-end test runs the real simulator executable.
add_dependencies(tst_andon_sim andon-sim)
