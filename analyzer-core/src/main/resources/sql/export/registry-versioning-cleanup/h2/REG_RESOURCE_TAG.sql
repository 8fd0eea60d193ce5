-- The versioned rows of REG_RESOURCE_TAG the clean-up deletes or gives a path (REG_PATH_ID NULL).
SELECT * FROM REG_RESOURCE_TAG WHERE REG_PATH_ID IS NULL
