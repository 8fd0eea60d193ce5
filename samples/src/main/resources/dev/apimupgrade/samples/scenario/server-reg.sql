-- apim-upgrade scenario registry rows for a shared_db on PostgreSQL or MariaDB (loaded after the real 3.0.0 kernel
-- script), versioning off: the PizzaShack API artefact of the super tenant (no content row) and its REG_LOG history,
-- one REG_ACTION 7 row among them, which reg-index.sql deletes.
INSERT INTO REG_PATH (REG_PATH_ID, REG_PATH_VALUE, REG_PATH_PARENT_ID, REG_TENANT_ID) VALUES (1, '/', NULL, -1234);
INSERT INTO REG_PATH (REG_PATH_ID, REG_PATH_VALUE, REG_PATH_PARENT_ID, REG_TENANT_ID) VALUES (2, '/_system/governance/apimgt/applicationdata/provider/admin/PizzaShackAPI/1.0.0', 1, -1234);
INSERT INTO REG_RESOURCE (REG_PATH_ID, REG_NAME, REG_VERSION, REG_MEDIA_TYPE, REG_CREATOR, REG_CREATED_TIME, REG_LAST_UPDATOR, REG_LAST_UPDATED_TIME, REG_DESCRIPTION, REG_CONTENT_ID, REG_TENANT_ID, REG_UUID)
VALUES (2, 'api', 1, 'application/vnd.wso2-api+xml', 'admin', TIMESTAMP '2020-02-03 09:20:00', 'admin', TIMESTAMP '2020-02-03 09:22:00', NULL, NULL, -1234, '2c7f9e14-5b3a-4d81-a6e0-9f1d4b8c2e35');
INSERT INTO REG_LOG (REG_LOG_ID, REG_PATH, REG_USER_ID, REG_LOGGED_TIME, REG_ACTION, REG_ACTION_DATA, REG_TENANT_ID) VALUES (1, '/_system/governance/apimgt/applicationdata/provider/admin/PizzaShackAPI/1.0.0/api', 'admin', TIMESTAMP '2020-02-03 09:20:00', 0, NULL, -1234);
INSERT INTO REG_LOG (REG_LOG_ID, REG_PATH, REG_USER_ID, REG_LOGGED_TIME, REG_ACTION, REG_ACTION_DATA, REG_TENANT_ID) VALUES (2, '/_system/governance/apimgt/applicationdata/provider/admin/PizzaShackAPI/1.0.0/api', 'admin', TIMESTAMP '2020-02-03 09:22:05', 7, 'registry.lifecycle.APILifeCycle.state', -1234);
