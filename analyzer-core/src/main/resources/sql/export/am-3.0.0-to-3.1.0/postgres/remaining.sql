-- Zero once the AM script's post-condition holds: AM_API_CATEGORIES exists and AM_SYSTEM_APPS has TENANT_DOMAIN.
SELECT CASE WHEN to_regclass('am_api_categories') IS NOT NULL AND EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'am_system_apps' AND column_name = 'tenant_domain') THEN 0 ELSE 1 END
