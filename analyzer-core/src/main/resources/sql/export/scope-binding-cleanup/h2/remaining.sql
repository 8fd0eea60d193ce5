-- Zero once scope-binding-cleanup's post-condition holds.
SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = ''
