-- The DELETE that ends the docs copy of the AM script (guide step 2.3), apart so the plan can export the rows
-- first (DB-SCOPE-BINDING-NULL). The identity migration makes SCOPE_BINDING NOT NULL and part of a unique key.
-- Oracle stores '' as NULL, so IS NULL finds both.

DELETE FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL
/

-- "If you are using Oracle": commit the changes.
COMMIT
/
