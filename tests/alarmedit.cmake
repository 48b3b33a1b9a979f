# tests of run-time alarm settings (issue 12: limits and delays editable by authorised users,
# each change audited): core/alarm_settings, ConfigWriter::setAlarmFields,
# AlarmService::updateSettings, ui/alarm_settings_dialog
andon_add_test(tst_alarm_settings
    SOURCES unit/tst_alarm_settings.cpp unit/alarm_settings_plant.h
    LIBS andon_core
    LABELS unit)
andon_add_test(tst_alarm_settings_service
    SOURCES unit/tst_alarm_settings_service.cpp unit/alarm_settings_plant.h
    LIBS andon_engine
    LABELS unit)
andon_add_test(tst_alarm_settings_dialog
    SOURCES ui/tst_alarm_settings_dialog.cpp unit/alarm_settings_plant.h
    LIBS andon_ui
    LABELS ui)
