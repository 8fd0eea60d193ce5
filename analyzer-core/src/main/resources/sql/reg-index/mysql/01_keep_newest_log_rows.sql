-- reg-index.sql (guide step 2.7.1), on the shared database before re-indexing: keeps the newest REG_LOG row of
-- each (REG_PATH, REG_TENANT_ID), deletes the rest, then deletes the rows of action 7. Its run time grows with
-- REG_LOG (IDX-REG-INDEX-SQL reports the count); do not stop it half way.
-- Adapted from the guide's single file: one file per dialect with its delimiter, and the DELETE matches a kept row by
-- (REG_LOG_ID, REG_TENANT_ID), REG_LOG's key, with NOT EXISTS rather than NOT IN on REG_LOG_ID alone.
-- MySQL/MariaDB: the helper table is TEMPORARY. CREATE TABLE and DROP TABLE commit at once there, which would commit
-- the DELETE half way; a temporary table commits nothing, lives only in this session (a run that stopped leaves
-- nothing behind) and lets the whole script run in one transaction. It needs the CREATE TEMPORARY TABLES privilege.

CREATE TEMPORARY TABLE reg_log_ids_to_KEEP (
             REG_LOG_ID INTEGER,
             REG_TENANT_ID INTEGER
);

INSERT INTO reg_log_ids_to_KEEP (REG_LOG_ID, REG_TENANT_ID)
SELECT MAX(REG_LOG_ID) AS REG_LOG_ID, REG_TENANT_ID FROM REG_LOG GROUP BY REG_PATH, REG_TENANT_ID;

DELETE FROM REG_LOG WHERE NOT EXISTS (SELECT 1 FROM reg_log_ids_to_KEEP K
    WHERE K.REG_LOG_ID = REG_LOG.REG_LOG_ID AND K.REG_TENANT_ID = REG_LOG.REG_TENANT_ID);

DROP TEMPORARY TABLE reg_log_ids_to_KEEP;

DELETE FROM REG_LOG WHERE REG_ACTION = 7;
