# Production MQTT client tests (issue 4): TLS, authentication/ACL, persistent sessions across a
# broker restart, MQTT 5 and Last-Will, traffic statistics. Included from tests/CMakeLists.txt.
andon_add_test(tst_mqtt_tls
    SOURCES integration/tst_mqtt_tls.cpp integration/mqtt_test_helpers.h integration/test_pki.h
    LIBS andon_connectors
    LABELS integration)
andon_add_test(tst_mqtt_auth
    SOURCES integration/tst_mqtt_auth.cpp integration/mqtt_test_helpers.h
    LIBS andon_connectors
    LABELS integration)
andon_add_test(tst_mqtt_session
    SOURCES integration/tst_mqtt_session.cpp integration/mqtt_test_helpers.h
    LIBS andon_connectors
    LABELS integration)
andon_add_test(tst_mqtt_will
    SOURCES integration/tst_mqtt_will.cpp integration/mqtt_test_helpers.h
    LIBS andon_connectors
    LABELS integration)
andon_add_test(tst_mqtt_traffic_stats
    SOURCES unit/tst_mqtt_traffic_stats.cpp
    LIBS andon_connectors)
andon_add_test(tst_mqtt_config
    SOURCES unit/tst_mqtt_config.cpp
    LIBS andon_core)
