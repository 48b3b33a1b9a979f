# tests owned by the ui area
andon_add_test(tst_rate_estimator SOURCES unit/tst_rate_estimator.cpp LIBS andon_analytics)
andon_add_test(tst_machine_tile_model SOURCES unit/tst_machine_tile_model.cpp unit/ui_test_plant.h
               LIBS andon_models)
andon_add_test(tst_tag_table_model SOURCES unit/tst_tag_table_model.cpp unit/ui_test_plant.h
               LIBS andon_models)
andon_add_test(tst_main_window SOURCES ui/tst_main_window.cpp
               LIBS andon_ui andon_sim LABELS ui)
andon_add_test(tst_translations SOURCES unit/tst_translations.cpp LIBS Qt6::Core)
# Connections page diagnostics against the pymodbus peer and the npm Sparkplug publisher.
andon_add_test(tst_connections_page SOURCES ui/tst_connections_page.cpp
               LIBS andon_ui LABELS ui)
