-- item: tenants
-- counts: UM_TENANT
-- scope: global
-- The tenants: id, domain and whether active (the scanner also names tenants by domain from these rows).
SELECT UM_ID, UM_DOMAIN_NAME, UM_ACTIVE FROM UM_TENANT
