package dev.apimupgrade.fact;

import java.util.Optional;

/**
 * A privilege of the user a datasource connects as: PostgreSQL {@code SUPERUSER} (pg_roles.rolsuper), or one MySQL/
 * MariaDB grant ("GRANT ALL PRIVILEGES ON *.*", the grantee cut off so no account name enters the fact).
 * {@code privilege} is the text as read, kept for evidence; {@code grant} is a SHOW GRANTS line parsed when it was read
 * (empty for SUPERUSER and for lines granting no table privilege: column, routine, proxy grants).
 */
public record DbPrivilege(
        String datasource, String privilege, boolean granted, Optional<MysqlGrant> grant, SourceRef source)
        implements Observation {
    public static final String SUPERUSER = "SUPERUSER";

    /** Whether the PostgreSQL user is a superuser. */
    public static DbPrivilege superuser(String datasource, boolean granted, SourceRef source) {
        return new DbPrivilege(datasource, SUPERUSER, granted, Optional.empty(), source);
    }

    /** One line of MariaDB/MySQL SHOW GRANTS (grantee already cut off), parsed here, at scan time. */
    public static DbPrivilege showGrantsLine(String datasource, String line, SourceRef source) {
        return new DbPrivilege(datasource, line, true, MysqlGrant.parse(line), source);
    }

    public String observed() {
        return privilege + (granted ? " granted" : " not granted");
    }
}
