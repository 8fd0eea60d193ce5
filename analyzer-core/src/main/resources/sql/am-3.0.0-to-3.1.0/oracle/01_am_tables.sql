-- WSO2AM_DB 3.0.0 -> 3.1.0 for Oracle (guide step 2.3, docs copy: the product-apim copy's CREATE TABLE IF NOT
-- EXISTS is not Oracle SQL). The trailing scope-binding DELETE is the purpose scope-binding-cleanup.

CREATE TABLE AM_API_CATEGORIES (
  UUID VARCHAR2(50),
  NAME VARCHAR2(255) NOT NULL,
  DESCRIPTION VARCHAR2(1024),
  TENANT_ID INTEGER DEFAULT -1,
  UNIQUE (NAME,TENANT_ID),
  PRIMARY KEY (UUID)
)
/

ALTER TABLE AM_SYSTEM_APPS ADD TENANT_DOMAIN VARCHAR2(255) DEFAULT 'carbon.super'
/

-- Oracle generated the constraint's name (SYS_Cnnnnnn); dropping it by column needs no name.
ALTER TABLE AM_SYSTEM_APPS DROP UNIQUE (NAME)
/

CREATE TABLE AM_USER (
    USER_ID VARCHAR(255) NOT NULL,
    USER_NAME VARCHAR(255) NOT NULL,
    PRIMARY KEY(USER_ID)
)
/

CREATE TABLE AM_SECURITY_AUDIT_UUID_MAPPING (
    API_ID INTEGER NOT NULL,
    AUDIT_UUID VARCHAR(255) NOT NULL,
    FOREIGN KEY (API_ID) REFERENCES AM_API(API_ID),
    PRIMARY KEY (API_ID)
)
/

-- "If you are using Oracle": commit the changes (DDL commits anyway; kept so every Oracle script ends alike).
COMMIT
/
