package dev.apimupgrade.cli;

import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.samples.ScenarioDatasource;
import dev.apimupgrade.samples.ScenarioGenerator;
import dev.apimupgrade.testkit.DatabaseServer;
import dev.apimupgrade.testkit.SharedFiles;
import dev.apimupgrade.testkit.SkipOrFail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The real databases of one scenario: on the loopback PostgreSQL or MariaDB server, a uniquely named owner (not a
 * superuser, with a planted password) and one database per datasource, loaded with the real 3.0.0 scripts from
 * apim.reference.dir and the scenario's seed; closing drops them all. A missing server or script skips the test,
 * except under CI=true, where it fails (the test kit's rule). Checksums of every table show that the assessment wrote nothing.
 */
final class ScenarioDatabases implements AutoCloseable {
    static final String PG = DatabaseServer.POSTGRESQL.prefix();
    static final String MARIADB = DatabaseServer.MARIADB.prefix();

    private final Scenario.Server server;
    private final String adminUrl;
    private final String admin;
    private final String owner;
    private final String analyticsCharset;
    private final List<ScenarioDatasource> datasources = new ArrayList<>();
    /** The PostgreSQL backup copies not yet restored, dropped on close. */
    private final List<String> backups = new ArrayList<>();

    private ScenarioDatabases(
            Scenario.Server server, String adminUrl, String admin, String owner, String analyticsCharset) {
        this.server = server;
        this.adminUrl = adminUrl;
        this.admin = admin;
        this.owner = owner;
        this.analyticsCharset = analyticsCharset;
    }

    /**
     * The character set WSO2's MySQL setup creates its databases in ("create database ... character set latin1"), and
     * so the MariaDB scenario's analytics database; its default collation, latin1_swedish_ci, is case-insensitive.
     */
    static final String WSO2_MYSQL_CHARSET = "latin1";

    /** Creates and loads the scenario's databases; an H2 scenario gets none. */
    static ScenarioDatabases create(Scenario scenario) throws SQLException, IOException {
        return create(scenario, uniqueOwner());
    }

    /** A fresh, unique owner name (apimup_ and 12 hex digits), which also prefixes the databases' names. */
    static String uniqueOwner() {
        return "apimup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * As {@link #create(Scenario)}, with the owner (and so the databases' names) given: a test that loads the same
     * scenario again after dropping it gets the same names, so homes pointing at them are byte-identical.
     */
    static ScenarioDatabases create(Scenario scenario, String owner) throws SQLException, IOException {
        return create(scenario, owner, WSO2_MYSQL_CHARSET);
    }

    /**
     * As {@link #create(Scenario, String)}, with the MariaDB analytics database in another character set (utf8mb4, the
     * server default of modern MariaDB and MySQL, in which the 3.1.0 analytics key does not fit: ANA-PK-KEY-LENGTH).
     */
    static ScenarioDatabases create(Scenario scenario, String owner, String analyticsCharset)
            throws SQLException, IOException {
        ScenarioDatabases dbs = switch (scenario.server()) {
            case H2 -> new ScenarioDatabases(Scenario.Server.H2, "", "", owner, analyticsCharset);
            case POSTGRESQL -> on(Scenario.Server.POSTGRESQL, DatabaseServer.POSTGRESQL, owner, analyticsCharset);
            case MARIADB -> on(Scenario.Server.MARIADB, DatabaseServer.MARIADB, owner, analyticsCharset);
        };
        try {
            for (String datasource : scenario.serverDatasources()) {
                dbs.add(scenario, datasource);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            dbs.close();
            throw e;
        }
        return dbs;
    }

    List<ScenarioDatasource> datasources() {
        return List.copyOf(datasources);
    }

    /** The datasource of that [database.NAME] table (or the analytics database). */
    ScenarioDatasource datasource(String name) {
        return datasources.stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no datasource " + name + " in " + datasources));
    }

    /** The owner of the databases, the user every datasource connects as. */
    String owner() {
        return owner;
    }

    /**
     * Where the identity migration runs: apim_db holds the IDN_ tables; the user store's UM_ tables are in the
     * [database.user] database when the scenario has one (WSO2USER_DB), else in shared_db. The client connects as the
     * owner, as the server does.
     */
    IdentityMigrationByHand.Databases identityMigrationTargets() {
        return identityMigrationTargets(
                datasources.stream().anyMatch(d -> d.name().equals("user")) ? "user" : "shared_db");
    }

    /**
     * As {@link #identityMigrationTargets()}, with the user store's UM_ tables in the database of {@code userStore}:
     * for homes whose deployment.toml keeps the user store elsewhere than the scenario's own files do (WSO2's
     * pattern 2 nodes have no [database.user]: their UM_ tables are in shared_db).
     */
    IdentityMigrationByHand.Databases identityMigrationTargets(String userStore) {
        String dialect = server == Scenario.Server.POSTGRESQL ? "postgresql" : "mysql";
        ScenarioDatasource am = datasource("apim_db");
        ScenarioDatasource users = datasource(userStore);
        return new IdentityMigrationByHand.Databases(
                new IdentityMigrationByHand.Target(am.url(), owner, am.password(), dialect),
                new IdentityMigrationByHand.Target(users.url(), owner, users.password(), dialect),
                () -> backup(List.of("apim_db", userStore)));
    }

    /**
     * A backup of those databases, as an operator takes it before the identity migration, and how to restore it: on
     * PostgreSQL a copy made with CREATE DATABASE ... TEMPLATE (what pg_dump and pg_restore would give, without their
     * binaries), on MariaDB mariadb-dump and the mariadb client. Restoring drops the database and loads the backup,
     * so what the migration created is gone too.
     */
    IdentityMigrationByHand.Restore backup(List<String> names) throws Exception {
        boolean pg = server == Scenario.Server.POSTGRESQL;
        List<IdentityMigrationByHand.Restore> restores = new ArrayList<>();
        for (String name : names) {
            String db = database(name);
            if (pg) {
                String copy = db + "_bak";
                adminRun(List.of("CREATE DATABASE " + copy + " TEMPLATE " + db));
                backups.add(copy);
                restores.add(() -> {
                    adminRun(List.of(
                            "DROP DATABASE " + db + " WITH (FORCE)",
                            "CREATE DATABASE " + db + " TEMPLATE " + copy + " OWNER " + owner,
                            "DROP DATABASE " + copy));
                    backups.remove(copy);
                });
            } else {
                Path dump = Files.createTempFile(db, ".sql");
                client(
                        List.of("mariadb-dump", "-h", "127.0.0.1", "-P", "3306", "-u", admin, "--routines", db),
                        null,
                        dump);
                restores.add(() -> {
                    adminRun(List.of(
                            "DROP DATABASE " + db,
                            "CREATE DATABASE " + db + " CHARACTER SET latin1 COLLATE latin1_bin"));
                    client(List.of("mariadb", "-h", "127.0.0.1", "-P", "3306", "-u", admin, db), dump, null);
                    Files.delete(dump);
                });
            }
        }
        return () -> {
            for (IdentityMigrationByHand.Restore r : restores) {
                r.restore();
            }
        };
    }

    private String database(String datasource) {
        String url = datasource(datasource).url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Runs a database client; a missing one skips the test (fails under CI=true), a failing one fails it. */
    private static void client(List<String> command, Path in, Path out) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE);
        if (in != null) {
            pb.redirectInput(in.toFile());
        }
        if (out != null) {
            pb.redirectOutput(out.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            SkipOrFail.missing("the database client " + command.get(0) + " is not installed", e);
            return;
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(command.get(0) + " failed: " + err);
        }
    }

    /** Runs statements on one of the databases as its owner, as the product (or an operator at a SQL prompt) does. */
    void run(String datasource, List<String> statements) throws SQLException {
        ScenarioDatasource d = datasource(datasource);
        try (Connection c = DriverManager.getConnection(d.url(), owner, d.password());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The number the query (a COUNT) gives on one of the databases, read as its owner. */
    long count(String datasource, String query) throws SQLException {
        ScenarioDatasource d = datasource(datasource);
        try (Connection c = DriverManager.getConnection(d.url(), owner, d.password());
                Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** PostgreSQL: what the operator does for PRE-PG-SUPERUSER before migrating (the guide's scripts need it). */
    void makeOwnerSuperuser() throws SQLException {
        if (server != Scenario.Server.POSTGRESQL) {
            throw new IllegalStateException("only a PostgreSQL owner can be made a superuser");
        }
        adminRun(List.of("ALTER ROLE " + owner + " SUPERUSER"));
    }

    /**
     * Table -> its columns, constraints and indexes and its sorted rows, for every table of every database of the
     * scenario: equal for two runs means the same schema and the same data.
     */
    Map<String, String> schemaAndRows() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (ScenarioDatasource d : datasources) {
            try (Connection c = DriverManager.getConnection(d.url(), owner, d.password())) {
                out.putAll(TableDigests.schemaAndRows(c, server == Scenario.Server.POSTGRESQL, d.name() + "."));
            }
        }
        return out;
    }

    private void add(Scenario scenario, String datasource) throws SQLException, IOException {
        String password = Scenario.plantedSecrets().get("db.password");
        String db = owner + "_" + datasource;
        boolean pg = server == Scenario.Server.POSTGRESQL;
        // the analytics worker creates its tables at run time: no script ships for them, the seed creates them
        boolean analytics = datasource.equals(Scenario.ANALYTICS_DB);
        String script = analytics
                ? ""
                : referenceScript(
                        (datasource.equals("apim_db") ? "apimgt/" : "") + (pg ? "postgresql" : "mysql") + ".sql");
        if (datasources.isEmpty()) {
            adminRun(
                    pg
                            ? List.of("CREATE ROLE " + owner + " LOGIN NOSUPERUSER PASSWORD '" + password + "'")
                            : List.of(
                                    "CREATE USER '" + owner + "'@'%' IDENTIFIED BY '" + password + "'",
                                    "CREATE USER '" + owner + "'@'localhost' IDENTIFIED BY '" + password + "'"));
        }
        adminRun(
                pg
                        ? List.of("CREATE DATABASE " + db + " OWNER " + owner)
                        // the AM and registry scripts need latin1 keys; the analytics database is created as WSO2's
                        // MySQL
                        // setup creates databases (latin1, case-insensitive collation) unless a test asks for another
                        // set
                        : List.of(
                                "CREATE DATABASE " + db
                                        + (analytics
                                                ? " CHARACTER SET " + analyticsCharset
                                                : " CHARACTER SET latin1 COLLATE latin1_bin"),
                                "GRANT ALL PRIVILEGES ON " + db + ".* TO '" + owner + "'@'%'",
                                "GRANT ALL PRIVILEGES ON " + db + ".* TO '" + owner + "'@'localhost'"));
        String url = (pg ? PG : MARIADB) + db;
        datasources.add(
                pg
                        ? new ScenarioDatasource(
                                datasource, "postgre", url, owner, password, "org.postgresql.Driver", "SELECT 1")
                        : new ScenarioDatasource(
                                datasource, "mysql", url, owner, password, "org.mariadb.jdbc.Driver", ""));
        // the owner creates the schema, as the APIM database user does, so the tables are its own
        try (Connection c = DriverManager.getConnection(pg ? url : url + "?allowMultiQueries=true", owner, password);
                Statement s = c.createStatement()) {
            if (!script.isEmpty()) {
                s.execute(script);
            }
            for (String seed : ScenarioGenerator.serverSeed(scenario, datasource)) {
                s.execute(seed);
            }
        }
    }

    /**
     * Replaces the owner's privileges on every MariaDB database of the scenario with {@code privileges} (both of its
     * accounts), as a DBA who grants the application user less than ALL would.
     */
    void grantOnlyOnEveryDatabase(String privileges) throws SQLException {
        List<String> statements = new ArrayList<>();
        for (ScenarioDatasource d : datasources) {
            String db = d.url().substring(d.url().lastIndexOf('/') + 1);
            for (String host : List.of("%", "localhost")) {
                statements.add("REVOKE ALL PRIVILEGES ON " + db + ".* FROM '" + owner + "'@'" + host + "'");
                statements.add("GRANT " + privileges + " ON " + db + ".* TO '" + owner + "'@'" + host + "'");
            }
        }
        adminRun(statements);
    }

    /** Table -> row count and a digest of its rows, for every table of every database of the scenario. */
    Map<String, String> checksums() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (ScenarioDatasource d : datasources) {
            try (Connection c = DriverManager.getConnection(d.url(), owner, d.password())) {
                out.putAll(TableDigests.of(c, server == Scenario.Server.POSTGRESQL, d.name() + "."));
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        if (server == Scenario.Server.H2) {
            return;
        }
        List<String> drops = new ArrayList<>();
        boolean pg = server == Scenario.Server.POSTGRESQL;
        for (ScenarioDatasource d : datasources) {
            String db = d.url().substring(d.url().lastIndexOf('/') + 1);
            drops.add("DROP DATABASE IF EXISTS " + db + (pg ? " WITH (FORCE)" : ""));
        }
        backups.forEach(copy -> drops.add("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)"));
        drops.addAll(
                pg
                        ? List.of("DROP ROLE IF EXISTS " + owner)
                        : List.of(
                                "DROP USER IF EXISTS '" + owner + "'@'%'",
                                "DROP USER IF EXISTS '" + owner + "'@'localhost'"));
        adminRun(drops);
    }

    private void adminRun(List<String> statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, admin, "");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static ScenarioDatabases on(
            Scenario.Server scenarioServer, DatabaseServer server, String owner, String analyticsCharset) {
        return new ScenarioDatabases(scenarioServer, server.adminUrl(), server.admin(), owner, analyticsCharset);
    }

    static String mariaDbAdmin() {
        return DatabaseServer.MARIADB.admin();
    }

    /** A real WSO2 3.0.0 script from the reference folder, or a skip (a failure under CI) when it is absent. */
    static String referenceScript(String relative) {
        return SharedFiles.readReference("apim-3.0.0/dbscripts/" + relative);
    }
}
