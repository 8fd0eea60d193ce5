-- The versioned rows of REG_RESOURCE_COMMENT the clean-up deletes or gives a path (REG_PATH_ID NULL).
SELECT * FROM REG_RESOURCE_COMMENT WHERE REG_PATH_ID IS NULL
