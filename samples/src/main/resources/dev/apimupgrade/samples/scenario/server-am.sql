-- apim-upgrade scenario rows for an apim_db on PostgreSQL or MariaDB (loaded after the real 3.0.0 AM script): the admin
-- subscriber, DefaultApplication, the PizzaShack API, the REST API system apps (planted secrets) and the OAuth2 and
-- OIDC scopes a 3.0.0 server creates. Plain SQL that both products run; nothing here is a NULL or '' scope binding.
-- The scopes are numbered by the database, as the server inserts them (IDN_OAUTH2_SCOPE.SCOPE_ID and IDN_OIDC_SCOPE.ID are
-- SERIAL / AUTO_INCREMENT): an explicit ID would leave PostgreSQL's sequence behind, and the identity migration's own
-- INSERT INTO IDN_OAUTH2_SCOPE (step1/identity, the OIDC scopes copied) would then collide with it.
INSERT INTO AM_SUBSCRIBER (SUBSCRIBER_ID, USER_ID, TENANT_ID, EMAIL_ADDRESS, DATE_SUBSCRIBED, CREATED_BY, CREATED_TIME)
VALUES (1, 'admin', -1234, 'admin@example.com', TIMESTAMP '2020-02-03 09:12:00', 'admin', TIMESTAMP '2020-02-03 09:12:00');
INSERT INTO AM_APPLICATION (APPLICATION_ID, NAME, SUBSCRIBER_ID, APPLICATION_TIER, DESCRIPTION, APPLICATION_STATUS, GROUP_ID, CREATED_BY, CREATED_TIME, UUID, TOKEN_TYPE)
VALUES (1, 'DefaultApplication', 1, 'Unlimited', 'This is the default application', 'APPROVED', '', 'admin', TIMESTAMP '2020-02-03 09:12:00', '7a1e4c93-2b6d-4f08-8e5a-1c9d3b7f2e40', 'JWT');
INSERT INTO AM_API (API_ID, API_PROVIDER, API_NAME, API_VERSION, CONTEXT, CONTEXT_TEMPLATE, API_TYPE, CREATED_BY, CREATED_TIME)
VALUES (1, 'admin', 'PizzaShackAPI', '1.0.0', '/pizzashack/1.0.0', '/pizzashack/{version}', 'HTTP', 'admin', TIMESTAMP '2020-02-03 09:20:00');
INSERT INTO AM_SYSTEM_APPS (ID, NAME, CONSUMER_KEY, CONSUMER_SECRET, CREATED_TIME)
VALUES (1, 'admin_publisher', 'Rk5tQ2wX8vN1bJ6cH3yP9mD4sF7a', '@@sysapp.publisher_secret@@', TIMESTAMP '2020-02-03 09:10:00');
INSERT INTO AM_SYSTEM_APPS (ID, NAME, CONSUMER_KEY, CONSUMER_SECRET, CREATED_TIME)
VALUES (2, 'admin_store', 'Wn8pL3xC6bK1qT9mV2hZ5dG7rS4y', '@@sysapp.store_secret@@', TIMESTAMP '2020-02-03 09:10:30');
INSERT INTO IDN_OAUTH2_SCOPE (NAME, DISPLAY_NAME, DESCRIPTION, TENANT_ID) VALUES ('apim:subscribe', 'Subscribe', 'Subscribe to APIs', -1234);
INSERT INTO IDN_OAUTH2_SCOPE (NAME, DISPLAY_NAME, DESCRIPTION, TENANT_ID) VALUES ('apim:api_view', 'View API', 'View APIs', -1234);
INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) SELECT SCOPE_ID, 'admin' FROM IDN_OAUTH2_SCOPE WHERE NAME = 'apim:subscribe' AND TENANT_ID = -1234;
INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) SELECT SCOPE_ID, 'Internal/subscriber' FROM IDN_OAUTH2_SCOPE WHERE NAME = 'apim:subscribe' AND TENANT_ID = -1234;
INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) SELECT SCOPE_ID, 'Internal/creator' FROM IDN_OAUTH2_SCOPE WHERE NAME = 'apim:api_view' AND TENANT_ID = -1234;
INSERT INTO IDN_OIDC_SCOPE (NAME, TENANT_ID) VALUES ('openid', -1234);
INSERT INTO IDN_OIDC_SCOPE (NAME, TENANT_ID) VALUES ('email', -1234);
INSERT INTO IDN_OIDC_SCOPE (NAME, TENANT_ID) VALUES ('profile', -1234);
