-- Guard of ALTER TABLE ... ADD column on MySQL/MariaDB: 1 when the column exists (skip the statement).
SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?
