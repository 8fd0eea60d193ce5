-- Guard of CREATE TABLE on MySQL/MariaDB: 1 when the table exists in the current database (skip the statement).
SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
