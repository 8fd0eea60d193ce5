-- ANA-COLLATION: the current database's collation. PostgreSQL database collations are deterministic (case-sensitive).
SELECT datcollate, TRUE FROM pg_database WHERE datname = current_database()
