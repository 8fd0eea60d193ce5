-- PRE-PG-SUPERUSER: is the user the datasource connects as a superuser? One row, one boolean.
SELECT rolsuper FROM pg_roles WHERE rolname = current_user
