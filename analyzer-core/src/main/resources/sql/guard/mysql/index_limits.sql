-- The server settings that bound an InnoDB index key (with key_columns.sql): innodb_page_size (16k and up: 3072 bytes
-- a key, 8k: 1536, 4k: 768) and, on servers that still have it (MySQL 5.6/5.7, MariaDB before 10.3),
-- innodb_large_prefix (OFF: 767 bytes a key column whatever the row format). A server without the variable behaves as ON.
SHOW VARIABLES WHERE Variable_name IN ('innodb_large_prefix', 'innodb_page_size')
