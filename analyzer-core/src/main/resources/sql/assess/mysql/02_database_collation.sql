-- ANA-COLLATION: the current database's default collation; *_ci collations compare case-insensitively.
SELECT DEFAULT_COLLATION_NAME, DEFAULT_COLLATION_NAME NOT LIKE '%\_ci' FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()
