-- The REG_LOG rows reg-index deletes, exported before it runs: each row that is not the newest (highest REG_LOG_ID)
-- of its (REG_PATH, REG_TENANT_ID), grouped by GROUP BY as the script groups them (so NULL paths and the
-- database's collation compare paths exactly as there), and each row of action 7.
SELECT L.* FROM REG_LOG L WHERE L.REG_ACTION = 7 OR NOT EXISTS (SELECT 1 FROM (SELECT MAX(REG_LOG_ID) AS REG_LOG_ID, REG_TENANT_ID FROM REG_LOG GROUP BY REG_PATH, REG_TENANT_ID) K WHERE K.REG_LOG_ID = L.REG_LOG_ID AND K.REG_TENANT_ID = L.REG_TENANT_ID) ORDER BY L.REG_TENANT_ID, L.REG_LOG_ID
