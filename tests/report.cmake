# tests owned by the reporting area (engine/oee_rollup, engine/shift_report, report/,
# andon-cli report shift, File > Shift report)
andon_add_test(tst_oee_rollup
    SOURCES unit/tst_oee_rollup.cpp
    LIBS andon_engine)
andon_add_test(tst_shift_report
    SOURCES unit/tst_shift_report.cpp
    LIBS andon_report)
andon_add_test(tst_shift_report_sim
    SOURCES integration/tst_shift_report_sim.cpp
    LIBS andon_sim andon_engine Qt6::Gui
    LABELS integration)
# Runs the real andon-cli and poppler-utils (pdfinfo, pdftotext, pdftoppm).
add_dependencies(tst_shift_report_sim andon-cli)
andon_add_test(tst_shift_report_dialog
    SOURCES ui/tst_shift_report_dialog.cpp
    LIBS andon_ui
    LABELS ui)
