-- item: apis
-- counts: AM_API
-- APIs and their versions: provider (its tenant), name, version, context.
SELECT API_PROVIDER AS PROVIDER, API_NAME, API_VERSION, CONTEXT FROM AM_API
