# tests owned by the energy area (analytics/energy, core energy config, engine/energy_query,
# andon-cli energy, ui/energy_page)
andon_add_test(tst_energy SOURCES unit/tst_energy.cpp LIBS andon_analytics)
# Runs the real andon-cli on a historian filled by the in-process simulator (energy-waste).
andon_add_test(tst_energy_sim
    SOURCES integration/tst_energy_sim.cpp
    LIBS andon_sim andon_storage
    LABELS integration)
add_dependencies(tst_energy_sim andon-cli)
andon_add_test(tst_energy_config SOURCES unit/tst_energy_config.cpp LIBS andon_core)
# The Energy page offscreen (screenshots energy.png, energy-dark.png).
andon_add_test(tst_energy_page
    SOURCES ui/tst_energy_page.cpp
    LIBS andon_ui andon_sim
    LABELS ui)
