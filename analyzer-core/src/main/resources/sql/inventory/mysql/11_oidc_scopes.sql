-- item: oidc-scopes
-- counts: IDN_OIDC_SCOPE
-- OpenID Connect scopes by name, per tenant: 3.0.0 keeps them apart; the identity migration copies each into
-- IDN_OAUTH2_SCOPE (SCOPE_TYPE 'OIDC', its name as display name) and drops IDN_OIDC_SCOPE (IS 5.10.0 step1/identity).
SELECT TENANT_ID, NAME FROM IDN_OIDC_SCOPE
