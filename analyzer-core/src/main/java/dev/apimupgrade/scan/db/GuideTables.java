package dev.apimupgrade.scan.db;

import java.util.List;
import java.util.Set;

/** The tables the guide's scripts and checks touch (FACTS sections 2-6, 11); these and the AM_ tables are described. */
final class GuideTables {
    /** 3.1.0 tables whose presence in a 3.0.0 database means a migration already ran (fully or partly). */
    static final List<String> MARKERS_3_1_0 = List.of("AM_API_CATEGORIES", "AM_USER", "AM_SECURITY_AUDIT_UUID_MAPPING");

    /** Identity tables whose size decides the connection pool advice. */
    static final List<String> LARGE_IDENTITY = List.of(
            "IDN_OAUTH2_ACCESS_TOKEN",
            "IDN_OAUTH2_ACCESS_TOKEN_AUDIT",
            "IDN_OAUTH2_AUTHORIZATION_CODE",
            "IDN_OAUTH2_ACCESS_TOKEN_SCOPE",
            "IDN_AUTH_SESSION_STORE");

    /** A registry link table that holds versioned rows, the column naming its target row, and the target table. */
    record Versioned(String link, String targetIdColumn, String target) {}

    static final List<Versioned> VERSIONED = List.of(
            new Versioned("REG_RESOURCE_PROPERTY", "REG_PROPERTY_ID", "REG_PROPERTY"),
            new Versioned("REG_RESOURCE_TAG", "REG_TAG_ID", "REG_TAG"),
            new Versioned("REG_RESOURCE_COMMENT", "REG_COMMENT_ID", "REG_COMMENT"),
            new Versioned("REG_RESOURCE_RATING", "REG_RATING_ID", "REG_RATING"));

    static final Set<String> ALL = Set.of(
            "AM_SYSTEM_APPS",
            "AM_API",
            "AM_CERTIFICATE_METADATA",
            "AM_API_CATEGORIES",
            "AM_USER",
            "AM_SECURITY_AUDIT_UUID_MAPPING",
            "IDN_OAUTH2_SCOPE",
            "IDN_OAUTH2_SCOPE_BINDING",
            "IDN_OIDC_SCOPE",
            "IDN_OAUTH2_ACCESS_TOKEN",
            "IDN_OAUTH2_ACCESS_TOKEN_AUDIT",
            "IDN_OAUTH2_AUTHORIZATION_CODE",
            "IDN_OAUTH2_ACCESS_TOKEN_SCOPE",
            "IDN_AUTH_SESSION_STORE",
            "IDN_OAUTH2_TOKEN_BINDING",
            "REG_RESOURCE",
            "REG_PATH",
            "REG_RESOURCE_TAG",
            "REG_RESOURCE_COMMENT",
            "REG_RESOURCE_PROPERTY",
            "REG_RESOURCE_RATING",
            "REG_TAG",
            "REG_COMMENT",
            "REG_PROPERTY",
            "REG_RATING",
            "REG_LOG",
            "REG_RESOURCE_HISTORY",
            "UM_TENANT",
            "UM_USER",
            "UM_UUID_DOMAIN_MAPPER",
            "APILASTACCESSSUMMARY");

    /**
     * Every AM_, IDN_ and UM_ table is described too, with its foreign keys: verify compares the whole AM_ schema and
     * the identity (IDN_) and user-management (UM_) schemas with the 3.1.0 ones.
     */
    static boolean isCompared(String upperName) {
        return upperName.startsWith("AM_") || upperName.startsWith("IDN_") || upperName.startsWith("UM_");
    }

    /** Whether the scanner describes this table in facts: a guide table or any table verify compares. */
    static boolean described(String upperName) {
        return ALL.contains(upperName) || isCompared(upperName);
    }

    private GuideTables() {}
}
