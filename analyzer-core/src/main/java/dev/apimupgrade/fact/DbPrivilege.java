package dev.apimupgrade.fact;

/**
 * A privilege of the user a datasource connects as: PostgreSQL {@code SUPERUSER} (pg_roles.rolsuper), or one MySQL/
 * MariaDB grant ("GRANT ALL PRIVILEGES ON *.*", the grantee cut off so no account name enters the fact).
 */
public record DbPrivilege(String datasource, String privilege, boolean granted, SourceRef source)
        implements Observation {
    public static final String SUPERUSER = "SUPERUSER";

    public String observed() {
        return privilege + (granted ? " granted" : " not granted");
    }
}
