-- Guard of ALTER TABLE ... DROP PRIMARY KEY on MySQL/MariaDB: 1 when the table has a primary key other than the one
-- the script adds after the drop (run the statement); the second ? is that key's column list, comma-separated, or ''
-- when the script adds none. No key, or already the new one: the drop has run.
SELECT COUNT(*) FROM (SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ',') AS COLS FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY') K WHERE K.COLS IS NOT NULL AND UPPER(K.COLS) <> UPPER(?)
