-- Guard of ALTER TABLE ... ADD PRIMARY KEY (columns) on MySQL/MariaDB: 1 when the table's primary key already is
-- those columns in that order (skip the statement). The second ? is the column list, comma-separated.
SELECT COUNT(*) FROM (SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ',') AS COLS FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY') K WHERE UPPER(K.COLS) = UPPER(?)
