# Core value types, TagStore, engine and andon-cli end-to-end tests (lead's area).
andon_add_test(tst_sample SOURCES unit/tst_sample.cpp LIBS andon_core)
andon_add_test(tst_tag_store SOURCES unit/tst_tag_store.cpp LIBS andon_core)
andon_add_test(tst_cli_e2e SOURCES integration/tst_cli_e2e.cpp LIBS andon_core LABELS integration)
# The end-to-end test runs the real executables.
add_dependencies(tst_cli_e2e andon-cli)
