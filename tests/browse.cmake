# UNS discovery ("Browse broker"): config writer, topic tree model, the dialog.
andon_add_test(tst_config_writer SOURCES unit/tst_config_writer.cpp LIBS andon_core)
andon_add_test(tst_topic_tree_model SOURCES unit/tst_topic_tree_model.cpp LIBS andon_models)
# Real parts: mosquitto + mosquitto_pub, and the npm Sparkplug B peer (tests/peers).
andon_add_test(tst_topic_tree_broker SOURCES integration/tst_topic_tree_broker.cpp
               LIBS andon_models LABELS integration)
andon_add_test(tst_browse_broker_dialog SOURCES ui/tst_browse_broker_dialog.cpp
               LIBS andon_ui LABELS ui)
