-- APIM_ANALYTICS_DB 3.0.0 -> 3.1.0 (guide step 3.1): APILASTACCESSSUMMARY's primary key gains APIVERSION, as the
-- 3.1.0 Siddhi app declares it: (apiName, apiCreator, apiVersion, apiCreatorTenantDomain). Duplicates cannot exist
-- under the old key, which is narrower; APIVERSION must hold no NULL (ANA-PK-DUPLICATES).
-- Adding the key makes APIVERSION NOT NULL.

ALTER TABLE APILASTACCESSSUMMARY DROP PRIMARY KEY
/
ALTER TABLE APILASTACCESSSUMMARY ADD PRIMARY KEY (APINAME,APICREATOR,APIVERSION,APICREATORTENANTDOMAIN)
/

-- "If you are using Oracle": commit the changes.
COMMIT
/
