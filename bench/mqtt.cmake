# MQTT ingest benchmark (bench_mqtt.cpp, issue 4): Andon's Engine ingesting and persisting a
# flood from a private mosquitto vs mosquitto_sub alone. Included from bench/CMakeLists.txt;
# needs /usr/sbin/mosquitto and mosquitto_sub at run time (mosquitto, mosquitto-clients).
add_executable(bench_mqtt ${CMAKE_CURRENT_LIST_DIR}/bench_mqtt.cpp)
target_link_libraries(bench_mqtt PRIVATE andon_engine andon_connectors andon_storage andon_core
                      Qt6::Network)
