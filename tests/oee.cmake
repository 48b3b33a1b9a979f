# tests owned by the OEE area (analytics/oee_calculator, engine/oee_query, andon-cli oee)
andon_add_test(tst_oee_calculator
    SOURCES unit/tst_oee_calculator.cpp
    LIBS andon_analytics)
andon_add_test(tst_oee_sim
    SOURCES integration/tst_oee_sim.cpp
    LIBS andon_sim andon_storage
    LABELS integration)
# Runs the real andon-cli.
add_dependencies(tst_oee_sim andon-cli)
