-- item: scope-bindings
-- counts: IDN_OAUTH2_SCOPE_BINDING
-- needs: IDN_OAUTH2_SCOPE_BINDING, IDN_OAUTH2_SCOPE
-- Scope bindings (roles) by scope name, in the scope's tenant; the 3.1.0 script deletes the NULL and empty ones.
SELECT O.TENANT_ID, O.NAME, B.SCOPE_BINDING
FROM IDN_OAUTH2_SCOPE_BINDING B JOIN IDN_OAUTH2_SCOPE O ON B.SCOPE_ID = O.SCOPE_ID
