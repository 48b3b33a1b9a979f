# tests of live SPC: frozen limits in the journal, automatic subgrouping, the SPC service, the
# spc-drift scenario end to end and the SPC page (engine/spc_*, ui/spc_page).
andon_add_test(tst_spc_live
    SOURCES unit/tst_spc_live.cpp
    LIBS andon_engine)
andon_add_test(tst_spc_sim
    SOURCES integration/tst_spc_sim.cpp
    LIBS andon_engine andon_sim
    ENV USER=spc-sim-engineer)
# Runs the real andon-cli (spc --freeze).
add_dependencies(tst_spc_sim andon-cli)
andon_add_test(tst_spc_page
    SOURCES ui/tst_spc_page.cpp
    LIBS andon_ui andon_sim
    LABELS ui
    ENV USER=quality-engineer)
