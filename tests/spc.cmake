# tests owned by the SPC area (analytics/spc_constants, analytics/spc, andon-cli spc)
andon_add_test(tst_spc_constants
    SOURCES unit/tst_spc_constants.cpp
    LIBS andon_analytics)
andon_add_test(tst_spc
    SOURCES unit/tst_spc.cpp
    LIBS andon_analytics)
andon_add_test(tst_spc_cli
    SOURCES integration/tst_spc_cli.cpp
    LIBS andon_core)
# Runs the real andon-cli.
add_dependencies(tst_spc_cli andon-cli)
# Issue 8 remainder: violation alarms, defect-type Pareto, out-of-control correlation
# (engine/spc_insights, `spec: alarm:`, `defect_types:`).
andon_add_test(tst_spc_insights
    SOURCES unit/tst_spc_insights.cpp
    LIBS andon_engine)
