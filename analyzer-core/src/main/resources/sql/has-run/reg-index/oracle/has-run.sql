-- Whether reg-index has run: 0 once every REG_LOG row is the newest of its (REG_PATH, REG_TENANT_ID) and none is of
-- action 7, which is what reg-index.sql leaves (0 before it ran means it has nothing to do). One row, one number.
SELECT COUNT(*) FROM REG_LOG L WHERE L.REG_ACTION = 7 OR NOT EXISTS (SELECT 1 FROM (SELECT MAX(REG_LOG_ID) AS REG_LOG_ID, REG_TENANT_ID FROM REG_LOG GROUP BY REG_PATH, REG_TENANT_ID) K WHERE K.REG_LOG_ID = L.REG_LOG_ID AND K.REG_TENANT_ID = L.REG_TENANT_ID)
