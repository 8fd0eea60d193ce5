-- Whether the AM 3.0.0 to 3.1.0 script has run: 0 once AM_API_CATEGORIES exists and AM_SYSTEM_APPS has TENANT_DOMAIN,
-- 1 before (the same post-condition migrate checks). One row, one number.
SELECT CASE WHEN to_regclass('am_api_categories') IS NOT NULL AND EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'am_system_apps' AND column_name = 'tenant_domain') THEN 0 ELSE 1 END
