-- APIM_ANALYTICS_DB 3.0.0 -> 3.1.0 (guide step 3.1): APILASTACCESSSUMMARY's primary key gains APIVERSION, as the
-- 3.1.0 Siddhi app declares it: (apiName, apiCreator, apiVersion, apiCreatorTenantDomain). Duplicates cannot exist
-- under the old key, which is narrower; APIVERSION must hold no NULL (ANA-PK-DUPLICATES).
-- Corrected from the guide: DB2 has no "ALTER COLUMN c VARCHAR(254) NOT NULL"; the column already is VARCHAR(254),
-- so only SET NOT NULL is needed, which leaves the table in reorg-pending state until REORG. The key column order
-- is the Siddhi app's. Not run on a real DB2 (none available to the tests).

ALTER TABLE APILASTACCESSSUMMARY DROP PRIMARY KEY
/
ALTER TABLE APILASTACCESSSUMMARY ALTER COLUMN APIVERSION SET NOT NULL
/
CALL SYSPROC.ADMIN_CMD('REORG TABLE APILASTACCESSSUMMARY')
/
ALTER TABLE APILASTACCESSSUMMARY ADD PRIMARY KEY (APINAME,APICREATOR,APIVERSION,APICREATORTENANTDOMAIN)
/
