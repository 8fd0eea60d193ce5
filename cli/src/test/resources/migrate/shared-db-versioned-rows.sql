-- Loaded into a scenario's shared_db before migrating: rows written while registry versioning was on, beside
-- server-reg.sql's API artefact (REG_PATH 2, 'api', version 1). Tag 1 and property 1 are bound to that version (the
-- clean-up gives them its path and keeps them); tag 2 and property 2 to a version no resource has any more (the
-- clean-up deletes the bindings, then the tag and the property).
INSERT INTO REG_TAG (REG_ID, REG_TAG_NAME, REG_USER_ID, REG_TAGGED_TIME, REG_TENANT_ID) VALUES (1, 'pizza', 'admin', TIMESTAMP '2020-02-03 09:21:00', -1234);
INSERT INTO REG_TAG (REG_ID, REG_TAG_NAME, REG_USER_ID, REG_TAGGED_TIME, REG_TENANT_ID) VALUES (2, 'draft', 'admin', TIMESTAMP '2020-01-20 16:05:00', -1234);
INSERT INTO REG_RESOURCE_TAG (REG_TAG_ID, REG_VERSION, REG_PATH_ID, REG_RESOURCE_NAME, REG_TENANT_ID) VALUES (1, 1, NULL, NULL, -1234);
INSERT INTO REG_RESOURCE_TAG (REG_TAG_ID, REG_VERSION, REG_PATH_ID, REG_RESOURCE_NAME, REG_TENANT_ID) VALUES (2, 7, NULL, NULL, -1234);
INSERT INTO REG_PROPERTY (REG_ID, REG_NAME, REG_VALUE, REG_TENANT_ID) VALUES (1, 'registry.lifecycle.APILifeCycle.state', 'Published', -1234);
INSERT INTO REG_PROPERTY (REG_ID, REG_NAME, REG_VALUE, REG_TENANT_ID) VALUES (2, 'registry.lifecycle.APILifeCycle.state', 'Created', -1234);
INSERT INTO REG_RESOURCE_PROPERTY (REG_PROPERTY_ID, REG_VERSION, REG_PATH_ID, REG_RESOURCE_NAME, REG_TENANT_ID) VALUES (1, 1, NULL, NULL, -1234);
INSERT INTO REG_RESOURCE_PROPERTY (REG_PROPERTY_ID, REG_VERSION, REG_PATH_ID, REG_RESOURCE_NAME, REG_TENANT_ID) VALUES (2, 7, NULL, NULL, -1234);
