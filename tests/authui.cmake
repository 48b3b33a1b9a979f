# Users and roles in the desktop UI (issue 13): sign-in, first administrator, user
# administration, audit journal with CSV export, role gating of the action sites, idle timeout.
andon_add_test(tst_access_ui SOURCES ui/tst_access_ui.cpp
               LIBS andon_ui LABELS ui)
