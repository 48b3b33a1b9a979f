# Modbus benchmark (bench_modbus.cpp): Andon's poller vs a plain libmodbus loop against the
# pymodbus peer. Included from bench/CMakeLists.txt; libmodbus-dev is in scripts/deps.
pkg_check_modules(LIBMODBUS IMPORTED_TARGET libmodbus)
if(LIBMODBUS_FOUND)
    add_executable(bench_modbus ${CMAKE_CURRENT_LIST_DIR}/bench_modbus.cpp)
    target_link_libraries(bench_modbus PRIVATE andon_connectors PkgConfig::LIBMODBUS
                          Qt6::Network)
    target_compile_definitions(bench_modbus PRIVATE ANDON_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
else()
    message(STATUS "libmodbus not found: bench_modbus is not built (apt install libmodbus-dev)")
endif()
