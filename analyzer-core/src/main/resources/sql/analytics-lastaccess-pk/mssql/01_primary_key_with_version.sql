-- APIM_ANALYTICS_DB 3.0.0 -> 3.1.0 (guide step 3.1): APILASTACCESSSUMMARY's primary key gains APIVERSION, as the
-- 3.1.0 Siddhi app declares it: (apiName, apiCreator, apiVersion, apiCreatorTenantDomain). Duplicates cannot exist
-- under the old key, which is narrower; APIVERSION must hold no NULL (ANA-PK-DUPLICATES).
-- Corrected from the guide: its last statement reads APILASTACCESSSUMMARYADD (a missing space) and fails. Its
-- DECLARE, SET and EXEC were separate statements, but a T-SQL variable lives for one batch only, so run one by one
-- they fail too: the look-up of the generated key name and the drop are one statement here. EXEC concatenates
-- only variables and literals, so the name is quoted in the DECLARE.

DECLARE @con_com NVARCHAR(300) = QUOTENAME((SELECT name FROM sys.objects
    WHERE parent_object_id = OBJECT_ID('APILASTACCESSSUMMARY') AND type = 'PK'))
EXEC('ALTER TABLE APILASTACCESSSUMMARY DROP CONSTRAINT ' + @con_com);

ALTER TABLE APILASTACCESSSUMMARY ALTER COLUMN APIVERSION VARCHAR(254) NOT NULL;
ALTER TABLE APILASTACCESSSUMMARY ADD PRIMARY KEY (APINAME,APICREATOR,APIVERSION,APICREATORTENANTDOMAIN);
