-- Whether the AM 3.0.0 to 3.1.0 script has run: 0 once AM_API_CATEGORIES exists and AM_SYSTEM_APPS has TENANT_DOMAIN,
-- 1 before (the same post-condition migrate checks). One row, one number.
SELECT CASE WHEN OBJECT_ID('AM_API_CATEGORIES', 'U') IS NOT NULL AND COL_LENGTH('AM_SYSTEM_APPS', 'TENANT_DOMAIN') IS NOT NULL THEN 0 ELSE 1 END
