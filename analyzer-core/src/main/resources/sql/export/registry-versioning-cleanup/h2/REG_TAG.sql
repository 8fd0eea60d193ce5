-- The rows of REG_TAG the clean-up deletes as unreferenced: no REG_RESOURCE_TAG row refers to them once it has run
-- (none with a path that keeps it, nor versioned and matching a current resource version).
SELECT * FROM REG_TAG T WHERE NOT EXISTS (SELECT 1 FROM REG_RESOURCE_TAG X WHERE X.REG_TAG_ID = T.REG_ID AND X.REG_TENANT_ID = T.REG_TENANT_ID AND ((X.REG_VERSION IS NULL AND X.REG_PATH_ID IS NOT NULL) OR EXISTS (SELECT 1 FROM REG_RESOURCE R WHERE R.REG_VERSION = X.REG_VERSION AND R.REG_TENANT_ID = X.REG_TENANT_ID)))
