-- WSO2AM_DB 3.0.0 -> 3.1.0 for PostgreSQL (guide step 2.3). The trailing scope-binding DELETE is the purpose
-- scope-binding-cleanup, so its rows can be exported first.
-- Corrected from the guide: it began each new table with DROP TABLE IF EXISTS, so running it again on a database
-- 3.1.0 had used deleted every API category, AM_USER row and audit mapping. Here every statement is skipped when
-- already applied, so a second run changes nothing.

CREATE TABLE IF NOT EXISTS AM_API_CATEGORIES (
  UUID VARCHAR(50),
  NAME VARCHAR(255),
  DESCRIPTION VARCHAR(1024),
  TENANT_ID INTEGER DEFAULT -1,
  UNIQUE (NAME,TENANT_ID),
  PRIMARY KEY (UUID)
);

ALTER TABLE AM_SYSTEM_APPS ADD COLUMN IF NOT EXISTS TENANT_DOMAIN VARCHAR(255) DEFAULT 'carbon.super';

-- PostgreSQL names UNIQUE(NAME) am_system_apps_name_key; DB-AM-SYSAPPS-CONSTRAINT stops the plan when it differs.
ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT IF EXISTS AM_SYSTEM_APPS_NAME_KEY;

CREATE TABLE IF NOT EXISTS AM_USER (
    USER_ID VARCHAR(255) NOT NULL,
    USER_NAME VARCHAR(255) NOT NULL,
    PRIMARY KEY(USER_ID)
);

-- The foreign key's rules are those of the 3.1.0 schema.
CREATE TABLE IF NOT EXISTS AM_SECURITY_AUDIT_UUID_MAPPING (
    API_ID INTEGER NOT NULL,
    AUDIT_UUID VARCHAR(255) NOT NULL,
    FOREIGN KEY (API_ID) REFERENCES AM_API(API_ID) ON UPDATE CASCADE ON DELETE RESTRICT,
    PRIMARY KEY (API_ID)
);
