# tests owned by the condition-monitoring area (issue 11: analytics/condition,
# engine/health_query, andon-cli health, ui/maintenance_page)
# Zone tables, t quantiles, RUL on synthetic degradation, counters, the `condition:` config.
andon_add_test(tst_condition SOURCES unit/tst_condition.cpp LIBS andon_analytics)
# The bearing-failure scenario end to end: ranking, RUL bracket, service ack, CLI JSON.
andon_add_test(tst_health_sim SOURCES integration/tst_health_sim.cpp
               LIBS andon_engine andon_sim LABELS integration)
add_dependencies(tst_health_sim andon-cli)
# The Maintenance page on a bearing-failure history: ranking, RUL on the trend, service
# dialog -> journal, CSV and PDF work lists (poppler-utils), screenshots.
andon_add_test(tst_maintenance_page SOURCES ui/tst_maintenance_page.cpp
               LIBS andon_ui andon_sim andon_report LABELS ui)
# Oil indicators (ISO 4406 code, zones, health, RUL of the particle count) and the selective
# service reset on a hand-made one-minute history; andon-cli health shows counters and oil.
andon_add_test(tst_health_oil_service SOURCES integration/tst_health_oil_service.cpp
               LIBS andon_engine LABELS integration)
add_dependencies(tst_health_oil_service andon-cli)
