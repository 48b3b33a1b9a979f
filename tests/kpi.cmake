# tests owned by KPI publishing and export (engine/kpi_publisher, engine/kpi_records,
# andon-cli export kpis/series; docs/integrations.md)
andon_add_test(tst_kpi_publisher
    SOURCES unit/tst_kpi_publisher.cpp
    LIBS andon_engine)
andon_add_test(tst_kpi_publish_sim
    SOURCES integration/tst_kpi_publish_sim.cpp
    LIBS andon_engine
    LABELS integration)
# Runs the real andon-sim (backfill) and andon-cli (oee).
add_dependencies(tst_kpi_publish_sim andon-cli andon-sim)
andon_add_test(tst_kpi_export
    SOURCES integration/tst_kpi_export.cpp
    LIBS andon_sim andon_engine
    LABELS integration)
# Runs the real andon-cli (export, oee).
add_dependencies(tst_kpi_export andon-cli)
# KpiPublisher::forEngine through the real `andon-cli ingest` and a real mosquitto.
andon_add_test(tst_kpi_ingest
    SOURCES integration/tst_kpi_ingest.cpp
    LIBS andon_connectors
    LABELS integration)
add_dependencies(tst_kpi_ingest andon-cli)
# KPI topics on cloud connections: AWS IoT Core topic checks at load, Azure IoT Hub
# device-to-cloud topic (core/kpi_topics, core/cloud_profile).
andon_add_test(tst_kpi_cloud
    SOURCES unit/tst_kpi_cloud.cpp
    LIBS andon_core)
