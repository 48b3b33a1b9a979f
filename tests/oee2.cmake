# tests of the OEE reasons, configuration and page (engine/stop_annotations, `oee:` config,
# widgets/oee_gauge, ui/oee_page)
andon_add_test(tst_oee_config
    SOURCES unit/tst_oee_config.cpp
    LIBS andon_core)
andon_add_test(tst_stop_annotations
    SOURCES unit/tst_stop_annotations.cpp unit/oee_test_plant.h
    LIBS andon_engine)
andon_add_test(tst_oee_page
    SOURCES ui/tst_oee_page.cpp unit/oee_test_plant.h
    LIBS andon_ui andon_sim
    LABELS ui)
