-- Loaded into a scenario's apim_db before migrating: a NULL and an empty scope binding, which the scope-binding
-- clean-up deletes (and exports first).
INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (2, NULL);
INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, '');
