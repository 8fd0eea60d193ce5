-- Whether the AM 3.0.0 to 3.1.0 script has run: 0 once AM_API_CATEGORIES exists and AM_SYSTEM_APPS has TENANT_DOMAIN,
-- 1 before (the same post-condition migrate checks). One row, one number.
SELECT CASE WHEN EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'AM_API_CATEGORIES') AND EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'AM_SYSTEM_APPS' AND column_name = 'TENANT_DOMAIN') THEN 0 ELSE 1 END
