# Sparkplug B: codec, host application, simulator output, and a peer no one here wrote
# (npm sparkplug-payload, installed into tests/peers/node_modules by scripts/deps).
andon_add_test(tst_sparkplug_codec
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/tst_sparkplug_codec.cpp
    LIBS andon_connectors)
andon_add_test(tst_sparkplug_host
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/tst_sparkplug_host.cpp
    LIBS andon_connectors)
andon_add_test(tst_sparkplug_peer
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/integration/tst_sparkplug_peer.cpp
    LIBS andon_engine
    LABELS integration)
andon_add_test(tst_sparkplug_sim
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/integration/tst_sparkplug_sim.cpp
    LIBS andon_connectors
    LABELS integration)
add_dependencies(tst_sparkplug_sim andon-sim)
