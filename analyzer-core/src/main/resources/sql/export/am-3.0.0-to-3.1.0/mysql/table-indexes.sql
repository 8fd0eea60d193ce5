-- The indexes of the table the AM script alters (it drops the unique key NAME), exported before it runs.
SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'AM_SYSTEM_APPS' ORDER BY INDEX_NAME, SEQ_IN_INDEX
