package dev.apimupgrade.fact;

/**
 * A datasource of a deployment.toml as the server renders it. {@code name} is the toml name (apim_db, shared_db, user,
 * config); {@code url} has any credentials masked; the user name and password are never kept in a fact.
 * {@code urlFrom} says where the url came from: "written", the infer.json rule that built it from hostname, port and
 * name, or default.json when the table is absent (a gateway worker's apim_db).
 */
public record DatasourceConfig(
        Role role,
        String name,
        String type,
        String url,
        String driver,
        String validationQuery,
        boolean passwordIsSecretRef,
        SourceRef source,
        String urlFrom)
        implements Observation {
    /**
     * The datasource of UM and the governance registry ([database.shared_db]); where the registry lives is a fact of
     * its own ({@link RegistryDatasource}).
     */
    public static final String SHARED_DB = "shared_db";
    /** The optional datasource of the config registry ([database.config], WSO2CONFIG_DB). */
    public static final String CONFIG = "config";

    public static final String WRITTEN = "written";

    /** A datasource whose url the deployment.toml writes. */
    public DatasourceConfig(
            Role role,
            String name,
            String type,
            String url,
            String driver,
            String validationQuery,
            boolean passwordIsSecretRef,
            SourceRef source) {
        this(role, name, type, url, driver, validationQuery, passwordIsSecretRef, source, WRITTEN);
    }

    public boolean written() {
        return WRITTEN.equals(urlFrom);
    }

    public String observed() {
        return "[database." + name + "] type=" + type + " url=" + url
                + (written() ? "" : " (url from " + urlFrom + ")");
    }
}
