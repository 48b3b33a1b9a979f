# Secrets, secure connection defaults and cloud broker profiles (issues 13 and 14):
# docs/security.md "Secrets and TLS", docs/integrations.md "Cloud brokers".
andon_add_test(tst_secrets_config
    SOURCES unit/tst_secrets_config.cpp
    LIBS andon_core)
andon_add_test(tst_mqtt_credentials
    SOURCES unit/tst_mqtt_credentials.cpp
    LIBS andon_connectors)
# Real mosquitto brokers (password_file, mutual TLS, AWS- and Azure-like set-ups) and andon-cli.
andon_add_test(tst_secrets_mqtt
    SOURCES integration/tst_secrets_mqtt.cpp integration/test_pki.h integration/mqtt_test_helpers.h
    LIBS andon_engine
    LABELS integration)
# The keychain twice: without a session D-Bus (no Secret Service: the failure in words) and in a
# private session with an unlocked gnome-keyring (the real store/read path).
andon_add_test(tst_secrets_keychain
    SOURCES integration/tst_secrets_keychain.cpp integration/mqtt_test_helpers.h
    LIBS andon_connectors
    LABELS integration
    ENV "DBUS_SESSION_BUS_ADDRESS=" "DISPLAY=")
find_program(ANDON_DBUS_RUN_SESSION dbus-run-session)
find_program(ANDON_GNOME_KEYRING gnome-keyring-daemon)
if(ANDON_DBUS_RUN_SESSION AND ANDON_GNOME_KEYRING)
    add_test(NAME tst_secrets_keychain_session
             # A private keyring directory: never the user's own login keyring.
             COMMAND ${ANDON_DBUS_RUN_SESSION} -- sh -c
                     "d=$(mktemp -d) && export XDG_DATA_HOME=\"$d\" && printf andon-test | ${ANDON_GNOME_KEYRING} --unlock --components=secrets >/dev/null && \"$0\"; rc=$?; rm -rf \"$d\"; exit $rc"
                     $<TARGET_FILE:tst_secrets_keychain>)
    set_tests_properties(tst_secrets_keychain_session PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;ANDON_SOURCE_DIR=${PROJECT_SOURCE_DIR};ANDON_BUILD_DIR=${PROJECT_BINARY_DIR};ASAN_OPTIONS=detect_leaks=0;ANDON_KEYCHAIN_SESSION=1"
        LABELS integration TIMEOUT 300)
endif()
andon_add_test(tst_security_banner
    SOURCES ui/tst_security_banner.cpp
    LIBS andon_ui andon_sim
    LABELS ui)
