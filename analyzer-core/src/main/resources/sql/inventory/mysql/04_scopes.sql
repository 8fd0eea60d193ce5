-- item: scopes
-- counts: IDN_OAUTH2_SCOPE
-- OAuth2 scopes by name and display name, per tenant.
SELECT TENANT_ID, NAME, DISPLAY_NAME FROM IDN_OAUTH2_SCOPE
