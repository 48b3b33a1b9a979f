# Users, roles and the audit journal (issue 13, docs/security.md).
andon_add_test(tst_permissions SOURCES unit/tst_permissions.cpp LIBS andon_core LABELS unit)
andon_add_test(tst_access_control SOURCES unit/tst_access_control.cpp LIBS andon_engine
               LABELS unit)
andon_add_test(tst_user_cli SOURCES integration/tst_user_cli.cpp LIBS andon_storage
               LABELS integration)
add_dependencies(tst_user_cli andon-cli)
