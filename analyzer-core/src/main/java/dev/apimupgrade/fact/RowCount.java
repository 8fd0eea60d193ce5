package dev.apimupgrade.fact;

/**
 * A number of rows of one table that satisfy one measure ({@link #ROWS} for all of them); the measures are the
 * constants below so scanner and rules name them alike.
 */
public record RowCount(String datasource, String table, String measure, long count, SourceRef source)
        implements Observation {
    public static final String ROWS = "rows";
    public static final String SCOPE_BINDING_NULL_OR_EMPTY = "rows with SCOPE_BINDING NULL or ''";
    public static final String DUPLICATE_SCOPE_BINDINGS = "duplicate (SCOPE_ID, SCOPE_BINDING) pairs";
    public static final String VERSIONED_ROWS = "rows with REG_PATH_ID NULL (versioned)";
    public static final String CLEANUP_DELETES = "rows the versioning clean-up script deletes";
    public static final String NAMES_ALSO_OIDC = "scopes whose (NAME, TENANT_ID) is also in IDN_OIDC_SCOPE";
    public static final String APIVERSION_NULL = "rows with APIVERSION NULL";
    public static final String DUPLICATES_UNDER_NEW_PK =
            "duplicate (APINAME, APICREATOR, APIVERSION, APICREATORTENANTDOMAIN) groups";

    public String observed() {
        return table + ": " + count + " " + measure;
    }
}
