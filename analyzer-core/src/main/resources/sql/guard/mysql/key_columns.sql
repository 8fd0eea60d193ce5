-- Guard of ALTER TABLE ... ADD PRIMARY KEY (columns) on MySQL/MariaDB, and ANA-PK-KEY-LENGTH's facts: each column of
-- the key with its type, nullability, length in characters, character set and that set's bytes a character (MAXLEN),
-- and the table's engine and row format, so the bytes the key takes in an index can be compared with what the server
-- allows before the old key is dropped. A column that is not text has no character set. The second and third ? are
-- the key's column list, comma-separated (the rows come in the key's order).
SELECT C.COLUMN_NAME, C.COLUMN_TYPE, C.IS_NULLABLE, C.CHARACTER_MAXIMUM_LENGTH, C.CHARACTER_SET_NAME, S.MAXLEN, T.ENGINE, T.ROW_FORMAT
FROM information_schema.COLUMNS C
JOIN information_schema.TABLES T ON T.TABLE_SCHEMA = C.TABLE_SCHEMA AND T.TABLE_NAME = C.TABLE_NAME
LEFT JOIN information_schema.CHARACTER_SETS S ON S.CHARACTER_SET_NAME = C.CHARACTER_SET_NAME
WHERE C.TABLE_SCHEMA = DATABASE() AND C.TABLE_NAME = ? AND FIND_IN_SET(UPPER(C.COLUMN_NAME), UPPER(?)) > 0
ORDER BY FIND_IN_SET(UPPER(C.COLUMN_NAME), UPPER(?))
