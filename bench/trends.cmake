# Trend benchmarks (bench_trends.cpp, issue 9): 30 days x 8 pens from the historian, a live
# trend while ingesting 20k samples/s, and 1M points drawn by QCustomPlot vs Qt Charts.
# Included from bench/CMakeLists.txt; runs offscreen (no display needed).
add_executable(bench_trends ${CMAKE_CURRENT_LIST_DIR}/bench_trends.cpp)
target_link_libraries(bench_trends PRIVATE andon_engine andon_widgets andon_storage Qt6::Charts)
