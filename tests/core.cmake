# tests owned by the core area
# YAML configuration loader (config area).
andon_add_test(tst_config_loader SOURCES unit/tst_config_loader.cpp LIBS andon_core)
