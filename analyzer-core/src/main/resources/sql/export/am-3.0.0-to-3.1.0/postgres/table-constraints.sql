-- The constraints of AM_SYSTEM_APPS (the script drops its unique key on NAME), exported before it runs.
SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_schema = current_schema() AND table_name = 'am_system_apps' ORDER BY constraint_name
