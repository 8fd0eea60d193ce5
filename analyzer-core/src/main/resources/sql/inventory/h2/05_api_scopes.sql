-- item: api-scopes
-- counts: AM_API_SCOPES
-- needs: AM_API_SCOPES, AM_API, IDN_OAUTH2_SCOPE
-- Which API (provider, name, version) has which scope, in the scope's tenant.
SELECT O.TENANT_ID, P.API_PROVIDER, P.API_NAME, P.API_VERSION, O.NAME
FROM AM_API_SCOPES X
JOIN AM_API P ON X.API_ID = P.API_ID
JOIN IDN_OAUTH2_SCOPE O ON X.SCOPE_ID = O.SCOPE_ID
