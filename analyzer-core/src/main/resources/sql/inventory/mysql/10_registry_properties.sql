-- item: registry-properties
-- counts: REG_RESOURCE_PROPERTY
-- Registry property links, per tenant; the versioning clean-up deletes the versioned ones (REG_PATH_ID NULL).
SELECT REG_TENANT_ID AS TENANT_ID, REG_PROPERTY_ID, REG_VERSION, REG_PATH_ID, REG_RESOURCE_NAME
FROM REG_RESOURCE_PROPERTY
