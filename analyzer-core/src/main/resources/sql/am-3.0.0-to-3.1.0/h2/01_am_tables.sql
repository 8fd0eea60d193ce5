-- WSO2AM_DB 3.0.0 -> 3.1.0 for H2 (guide step 2.3 has no H2 tab; this is the product's h2.sql with the docs
-- fixes). The trailing scope-binding DELETE is the purpose scope-binding-cleanup, so its rows can be exported first.
-- Each statement is skipped when already applied, except the constraint drop, which the plan leaves out when
-- AM_SYSTEM_APPS has no UNIQUE(NAME) any more.

CREATE TABLE IF NOT EXISTS AM_API_CATEGORIES (
  UUID VARCHAR(50),
  NAME VARCHAR(255),
  DESCRIPTION VARCHAR(1024),
  TENANT_ID INTEGER,
  UNIQUE (NAME,TENANT_ID),
  PRIMARY KEY (UUID)
);

ALTER TABLE AM_SYSTEM_APPS ADD COLUMN IF NOT EXISTS TENANT_DOMAIN VARCHAR(255) DEFAULT 'carbon.super';

-- 3.1.0 has no UNIQUE(NAME) (a name is unique per tenant domain now). H2 generated the constraint's name
-- (CONSTRAINT_nn), so the plan fills it in from the database's metadata; the guide's H2 script keeps it.
ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT ${AM_SYSTEM_APPS_NAME_CONSTRAINT};

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
