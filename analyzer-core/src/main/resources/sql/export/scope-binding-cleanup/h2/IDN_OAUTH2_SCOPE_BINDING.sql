-- The rows scope-binding-cleanup deletes, exported before it runs.
SELECT * FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = '' ORDER BY SCOPE_ID
