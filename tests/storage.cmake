# tests owned by the storage area
andon_add_test(tst_chunk_codec SOURCES unit/tst_chunk_codec.cpp LIBS andon_storage)
andon_add_test(tst_csv_io SOURCES unit/tst_csv_io.cpp LIBS andon_storage)
andon_add_test(tst_historian SOURCES unit/tst_historian.cpp LIBS andon_storage)
# Re-executes itself with --crash-writer as the child that is killed with SIGKILL.
andon_add_test(tst_historian_crash SOURCES unit/tst_historian_crash.cpp LIBS andon_storage)
