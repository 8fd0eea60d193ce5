-- PRE-PG-SUPERUSER: is the user the datasource connects as a superuser, what is its name, and which server (address
-- and port as the server reports them) is it a user of? One row.
SELECT rolsuper, current_user, coalesce(host(inet_server_addr()), 'local socket') || ':' || current_setting('port')
FROM pg_roles WHERE rolname = current_user
