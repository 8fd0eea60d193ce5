-- apim-upgrade multi-tenant scenario (H2 WSO2SHARED_DB, after um-default.sql): three tenants in UM_TENANT (ids 1-3,
-- matching repository/tenants/1-3), each with its user store domains and admin user (made-up hashes).
INSERT INTO UM_TENANT (UM_ID, UM_DOMAIN_NAME, UM_EMAIL, UM_ACTIVE, UM_CREATED_DATE, UM_USER_CONFIG)
VALUES (1, 'north.example', 'ops@north.example', TRUE, TIMESTAMP '2020-04-01 10:00:00', STRINGTOUTF8('<UserManager><Realm><Configuration><AdminUser><UserName>admin</UserName></AdminUser></Configuration></Realm></UserManager>'));
INSERT INTO UM_TENANT (UM_ID, UM_DOMAIN_NAME, UM_EMAIL, UM_ACTIVE, UM_CREATED_DATE, UM_USER_CONFIG)
VALUES (2, 'south.example', 'ops@south.example', TRUE, TIMESTAMP '2020-04-08 11:30:00', STRINGTOUTF8('<UserManager><Realm><Configuration><AdminUser><UserName>admin</UserName></AdminUser></Configuration></Realm></UserManager>'));
INSERT INTO UM_TENANT (UM_ID, UM_DOMAIN_NAME, UM_EMAIL, UM_ACTIVE, UM_CREATED_DATE, UM_USER_CONFIG)
VALUES (3, 'west.example', 'ops@west.example', FALSE, TIMESTAMP '2020-06-15 09:45:00', STRINGTOUTF8('<UserManager><Realm><Configuration><AdminUser><UserName>admin</UserName></AdminUser></Configuration></Realm></UserManager>'));
INSERT INTO UM_DOMAIN (UM_DOMAIN_ID, UM_DOMAIN_NAME, UM_TENANT_ID) VALUES (1, 'PRIMARY', 1);
INSERT INTO UM_DOMAIN (UM_DOMAIN_ID, UM_DOMAIN_NAME, UM_TENANT_ID) VALUES (1, 'PRIMARY', 2);
INSERT INTO UM_DOMAIN (UM_DOMAIN_ID, UM_DOMAIN_NAME, UM_TENANT_ID) VALUES (1, 'PRIMARY', 3);
INSERT INTO UM_USER (UM_ID, UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_REQUIRE_CHANGE, UM_CHANGED_TIME, UM_TENANT_ID)
VALUES (1, 'admin', 'c2NlbmFyaW8tdGVuYW50LWhhc2gtMQ==', 'c2FsdDQwMQ==', FALSE, TIMESTAMP '2020-04-01 10:00:00', 1);
INSERT INTO UM_USER (UM_ID, UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_REQUIRE_CHANGE, UM_CHANGED_TIME, UM_TENANT_ID)
VALUES (1, 'admin', 'c2NlbmFyaW8tdGVuYW50LWhhc2gtMg==', 'c2FsdDQwMg==', FALSE, TIMESTAMP '2020-04-08 11:30:00', 2);
INSERT INTO UM_USER (UM_ID, UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_REQUIRE_CHANGE, UM_CHANGED_TIME, UM_TENANT_ID)
VALUES (1, 'admin', 'c2NlbmFyaW8tdGVuYW50LWhhc2gtMw==', 'c2FsdDQwMw==', FALSE, TIMESTAMP '2020-06-15 09:45:00', 3);
