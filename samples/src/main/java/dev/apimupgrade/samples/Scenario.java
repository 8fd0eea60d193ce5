package dev.apimupgrade.samples;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The golden end-to-end scenarios (issue 4, "Proof on real material"): one installation each, assessed against the
 * stock apim-3.1.0 sample on {@link Samples#ASSESSMENT_DATE}, with its expected statuses in
 * expected/&lt;{@link #expectedName()}&gt;.status (what differs from the baseline, {@link ExpectedStatuses}). Scenarios on PostgreSQL or MariaDB name the datasources whose
 * databases the test creates; {@link ScenarioGenerator} writes the home pointing at them.
 */
public enum Scenario {
    /** The stock default sample itself (apim-3.0.0-default), listed so the table is complete. */
    STOCK("stock", Server.H2, List.of(), ""),
    /** Registry versioning on (all four flags, through [registry.static_configuration]), versioned registry rows. */
    VERSIONING_ON("versioning-on", Server.H2, List.of(), "keep_registry_versioning: no\nunique_id_user_store: no\n"),
    /** Three tenants (files and UM_TENANT), a custom dropins bundle and two custom plain lib jars, none a driver. */
    MULTI_TENANT("multi-tenant-custom-jars", Server.H2, List.of(), ""),
    /** apim_db, shared_db, user and config on PostgreSQL, owned by a user who is not a superuser. */
    POSTGRESQL(
            "postgresql-separate-user-config",
            Server.POSTGRESQL,
            List.of("apim_db", "shared_db", "user", "config"),
            ""),
    /**
     * apim_db and shared_db on MariaDB (type mysql, MariaDB driver), analytics enabled, and an analytics 3.0.0 home
     * whose APIM_ANALYTICS_DB is a MariaDB database created as WSO2's MySQL setup creates them (latin1, whose default
     * collation is case-insensitive).
     */
    MARIADB_ANALYTICS("mariadb-analytics", Server.MARIADB, List.of("apim_db", "shared_db", Scenario.ANALYTICS_DB), ""),
    /** WSO2 IS on another host is the Key Manager, and the answers file says so. */
    IS_KEY_MANAGER("is-key-manager", Server.H2, List.of(), "is_key_manager: yes\n"),
    /** The same key manager URL on another host, unanswered: the files alone cannot tell, so the report asks. */
    IS_KEY_MANAGER_UNANSWERED("is-key-manager-unanswered", Server.H2, List.of(), "");

    /** The analytics home's APIM_ANALYTICS_DB among {@link #serverDatasources()}: not a [database.*] table. */
    public static final String ANALYTICS_DB = "analytics_db";

    /** Where a scenario's databases live. */
    public enum Server {
        H2,
        POSTGRESQL,
        MARIADB
    }

    private final String id;
    private final Server server;
    private final List<String> serverDatasources;
    private final String answers;

    Scenario(String id, Server server, List<String> serverDatasources, String answers) {
        this.id = id;
        this.server = server;
        this.serverDatasources = serverDatasources;
        this.answers = answers;
    }

    public String id() {
        return id;
    }

    public Server server() {
        return server;
    }

    /** The [database.*] tables whose databases the test creates on {@link #server()} (empty for H2 scenarios). */
    public List<String> serverDatasources() {
        return serverDatasources;
    }

    /** The answers file to assess with, if the scenario has one. */
    public Optional<String> answers() {
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers);
    }

    /** Secret name -> value planted in the scenario homes and databases (beyond the samples' own); none may leak. */
    public static Map<String, String> plantedSecrets() {
        return Samples.secretsIn("scenario/planted-secrets.txt");
    }

    /** The name {@link Samples#expectedStatuses(String)} reads: the default sample's for STOCK, else scenario-ID. */
    public String expectedName() {
        return this == STOCK ? Samples.DEFAULT : "scenario-" + id;
    }
}
