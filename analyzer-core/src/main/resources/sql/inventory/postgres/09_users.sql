-- item: users
-- counts: UM_USER
-- Users of the primary user store by name, per tenant (never a password or its salt).
SELECT UM_TENANT_ID AS TENANT_ID, UM_USER_NAME FROM UM_USER
