package dev.apimupgrade.fact;

/**
 * A [database.*] table of a deployment.toml. {@code name} is the toml name (apim_db, shared_db, user, config);
 * {@code url} has any credentials masked; the user name and password are never kept in a fact.
 */
public record DatasourceConfig(Role role, String name, String type, String url, String driver,
                               String validationQuery, boolean passwordIsSecretRef, SourceRef source)
        implements Observation {
    /** The datasource that holds the registry (REG_ tables): the guide runs the registry scripts on it. */
    public static final String SHARED_DB = "shared_db";

    public String observed() { return "[database." + name + "] type=" + type + " url=" + url; }
}
