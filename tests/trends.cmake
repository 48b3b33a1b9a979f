# tests owned by the trends area (issue 9: trends and history)
# Polyline, cursor readouts and range statistics on hand-built data.
andon_add_test(tst_trend_stats SOURCES unit/tst_trend_stats.cpp LIBS andon_analytics)
# Decimation keeps every extreme; live edge from the TagStore ring; superseded requests.
andon_add_test(tst_trend_loader SOURCES unit/tst_trend_loader.cpp LIBS andon_engine)
# CSV export of the visible range, read back by the real `andon-cli import`.
andon_add_test(tst_trend_export SOURCES integration/tst_trend_export.cpp LIBS andon_engine
               LABELS integration)
add_dependencies(tst_trend_export andon-cli)
# The Trends page with the in-process simulator: live follow, cursors, sets, offline, screenshots.
andon_add_test(tst_trends_page SOURCES ui/tst_trends_page.cpp LIBS andon_ui andon_sim LABELS ui)
# Derived tags (`expression:`, muParser): known values through the ingest path, bad expressions.
andon_add_test(tst_derived_tags SOURCES unit/tst_derived_tags.cpp LIBS andon_engine)
# Compare mode on a generated week with known values, print to PDF, overview tile -> trend.
andon_add_test(tst_trends_compare SOURCES ui/tst_trends_compare.cpp LIBS andon_ui LABELS ui)
# Derived pens from the UI (formula, bucket evaluation, dialog), alarm limit lines on the plot,
# "Trend" from the Alarms page; screenshots trends-derived*.png, trends-alarm-limits.png.
andon_add_test(tst_trends_derived SOURCES ui/tst_trends_derived.cpp LIBS andon_ui LABELS ui)
