package dev.apimupgrade.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rollback's database half: puts back the rows a committed PostgreSQL or MariaDB/MySQL script deleted, from the row
 * exports taken before it (exports/&lt;step&gt;/&lt;TABLE&gt;.jsonl, checked against their journalled SHA-256). A row is
 * inserted only when its table still exists and no identical row is there, so a replay run twice inserts nothing
 * the second time. What cannot be undone is said plainly: committed DDL, and rows updated in place.
 */
final class ExportReplay {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** A row export is named after its table; the definition exports (table-definitions...) are not. */
    private static final Pattern ROW_EXPORT = Pattern.compile("[A-Z][A-Z0-9_]*\\.jsonl");
    /**
     * Tables whose export holds rows the registry clean-up updates (gives a path) as well as rows it deletes: a
     * re-insert cannot tell them apart, so these are named, never replayed.
     */
    private static final Set<String> UPDATED_IN_PLACE =
            Set.of("REG_RESOURCE_TAG", "REG_RESOURCE_COMMENT", "REG_RESOURCE_PROPERTY", "REG_RESOURCE_RATING");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ExportReplay() {}

    /**
     * One script step whose changes may be in its database: its database (from its intent record), its exports
     * (the last record of each file), whether the journal records it finished (done, or found done by a rerun; a run
     * killed between the commit and the outcome record leaves it unfinished though its changes are committed, and
     * replaying is safe either way, since only missing rows are inserted), and how many DDL statements it committed
     * before it failed half-way (0 otherwise).
     */
    private record Committed(
            String step, String target, List<JournalRecord.Export> exports, boolean finished, int halfWay) {}

    static List<String> lines(
            Journal journal, RunDirectory run, Optional<DatasourceSpecs> datasources, Optional<String> backupLocation) {
        String covers = backupLocation
                .map(b -> "the operator's database backup recorded before the run (" + b + ") covers it")
                .orElse("the operator's full database backup covers it");
        List<String> lines = new ArrayList<>();
        for (Committed c : committed(journal)) {
            Optional<DatasourceSpec> spec = datasources.flatMap(d ->
                    d.all().stream().filter(s -> s.name().equals(c.target())).findFirst());
            String product = spec.flatMap(DatasourceSpec::kind)
                    .map(k -> product(k) + " ")
                    .orElse("");
            List<String> names = c.exports().stream()
                    .map(JournalRecord.Export::path)
                    .distinct()
                    .toList();
            List<JournalRecord.Export> rows = c.exports().stream()
                    .filter(r -> ROW_EXPORT
                            .matcher(Path.of(r.path()).getFileName().toString())
                            .matches())
                    .toList();
            List<JournalRecord.Export> ddl =
                    c.exports().stream().filter(r -> !rows.contains(r)).toList();
            if (!ddl.isEmpty()) {
                String state = c.halfWay() > 0
                        ? " changed (it failed half-way, after " + c.halfWay()
                                + " statement(s) had run) the schema of the "
                        : c.finished()
                                ? " changed the schema of the "
                                : " may have changed (it began and did not finish) the schema of the ";
                lines.add("NOT UNDONE: " + c.step() + state + c.target() + " " + product
                        + "database; DDL is committed at once on MariaDB/MySQL and with its transaction"
                        + " on PostgreSQL, and this build does not reverse it. The table definitions before it are"
                        + " exported in the run folder ("
                        + String.join(
                                ", ",
                                ddl.stream()
                                        .map(JournalRecord.Export::path)
                                        .distinct()
                                        .toList()) + "); " + covers
                        + ": restore that backup to undo this step.");
            }
            if (rows.isEmpty()) {
                continue;
            }
            if (spec.isEmpty()
                    || spec.get().kind().isEmpty()
                    || spec.get().problem().isPresent()
                    || !replayable(spec.get().kind().get())) {
                lines.add(Rollback.notReplayed(c.step(), names) + " (the tool cannot reach the " + c.target()
                        + " database to replay them)");
                continue;
            }
            for (JournalRecord.Export r : rows) {
                String table = Path.of(r.path()).getFileName().toString().replaceFirst("\\.jsonl$", "");
                lines.add(
                        UPDATED_IN_PLACE.contains(table)
                                ? "NOT REPLAYED: " + r.path() + " holds rows " + c.step()
                                        + " updated in place as well as rows it deleted; re-inserting them beside the updated ones"
                                        + " would duplicate them, so the tool does not; " + covers + "."
                                : replay(c, r, run, spec.get(), covers));
            }
        }
        return lines;
    }

    private static String product(DatabaseProduct kind) {
        return switch (kind) {
            case POSTGRESQL -> "PostgreSQL";
            case MARIADB, MYSQL -> "MariaDB/MySQL";
            default -> kind.name();
        };
    }

    private static boolean replayable(DatabaseProduct kind) {
        return kind == DatabaseProduct.POSTGRESQL || kind == DatabaseProduct.MARIADB || kind == DatabaseProduct.MYSQL;
    }

    /**
     * The script steps whose changes may be in the database: every step that exported, unless its last outcome is
     * a failure (its transaction was rolled back) and no MariaDB/MySQL DDL statement of it had committed
     * ({@code statement-ran} notes). A step killed between its commit and its outcome record counts, unfinished.
     * Each export counts once, as its last record: a rerun exports again into the same file, and only that last
     * file is on disk.
     */
    private static List<Committed> committed(Journal journal) {
        Map<String, String> targets = new LinkedHashMap<>();
        Map<String, Map<String, JournalRecord.Export>> exports = new LinkedHashMap<>();
        Map<String, JournalRecord.Status> lastOutcome = new LinkedHashMap<>();
        List<String> ran = new ArrayList<>();
        for (JournalRecord r : journal.records()) {
            if (r instanceof JournalRecord.Intent i) {
                i.scriptDatabase().ifPresent(database -> targets.put(i.step(), database));
            } else if (r instanceof JournalRecord.Export e) {
                exports.computeIfAbsent(e.step(), k -> new LinkedHashMap<>()).put(e.path(), e);
            } else if (r instanceof JournalRecord.Outcome o) {
                lastOutcome.put(o.step(), o.status());
            } else if (r instanceof JournalRecord.Note n && n.event() == JournalRecord.Event.STATEMENT_RAN) {
                ran.add(n.detail());
            }
        }
        List<Committed> committed = new ArrayList<>();
        exports.forEach((step, byPath) -> {
            JournalRecord.Status outcome = lastOutcome.get(step);
            int statements =
                    (int) ran.stream().filter(d -> d.startsWith(step + " ")).count();
            boolean failed = outcome == JournalRecord.Status.FAILED;
            // a failed script was rolled back whole, unless MariaDB/MySQL had committed some of its DDL
            if (!failed || statements > 0) {
                committed.add(new Committed(
                        step,
                        targets.getOrDefault(step, "?"),
                        List.copyOf(byPath.values()),
                        outcome != null && !failed,
                        failed ? statements : 0));
            }
        });
        return committed;
    }

    private static String replay(
            Committed c, JournalRecord.Export export, RunDirectory run, DatasourceSpec spec, String covers) {
        Path file = run.root().resolve(export.path());
        String table = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        try {
            if (!Files.isRegularFile(file) || !FileDigest.sha256(file).equals(export.sha256())) {
                return "NOT REPLAYED: " + export.path() + " is missing or not the file the journal recorded (its"
                        + " SHA-256 differs); " + covers + ".";
            }
            List<String> lines = Files.readAllLines(file);
            List<String> columns = new ArrayList<>();
            JSON.readTree(lines.get(0)).get("columns").forEach(n -> columns.add(n.asText()));
            if (!columns.stream().allMatch(n -> IDENTIFIER.matcher(n).matches())) {
                return "NOT REPLAYED: " + export.path() + " names a column that is not a plain identifier; " + covers
                        + ".";
            }
            try (Connection db = connect(spec)) {
                if (!tableExists(db, table)) {
                    return "NOT REPLAYED: " + export.path() + ": the table " + table + " no longer exists in "
                            + c.target() + "; " + covers + ".";
                }
                int inserted = 0;
                int present = 0;
                db.setAutoCommit(false);
                try {
                    for (String line : lines.subList(1, lines.size())) {
                        JsonNode row = JSON.readTree(line);
                        if (exists(db, table, columns, row)) {
                            present++;
                        } else {
                            insert(db, table, columns, row);
                            inserted++;
                        }
                    }
                    db.commit();
                } catch (SQLException | RuntimeException e) {
                    db.rollback();
                    throw e;
                }
                return "replayed " + export.path() + " into " + c.target() + "." + table + ": " + inserted
                        + " row(s) re-inserted, " + present + " already there";
            }
        } catch (IOException | SQLException e) {
            return "NOT REPLAYED: " + export.path() + " into " + c.target() + " failed (" + e.getMessage()
                    + "); nothing of it was inserted; " + covers + ".";
        }
    }

    private static boolean tableExists(Connection db, String table) {
        try (Statement st = db.createStatement()) {
            st.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean exists(Connection db, String table, List<String> columns, JsonNode row) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM " + table + " WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        for (String col : columns) {
            JsonNode v = row.get(col);
            if (v == null || v.isNull()) {
                sql.append(" AND ").append(col).append(" IS NULL");
            } else {
                sql.append(" AND ").append(col).append(" = ?");
                values.add(v.asText());
            }
        }
        try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            try (ResultSet r = ps.executeQuery()) {
                return r.next() && r.getLong(1) > 0;
            }
        }
    }

    private static void insert(Connection db, String table, List<String> columns, JsonNode row) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                JsonNode v = row.get(columns.get(i));
                ps.setString(i + 1, v == null || v.isNull() ? null : v.asText());
            }
            ps.executeUpdate();
        }
    }

    /** Values come back as text: PostgreSQL is told to type them from the column (stringtype=unspecified). */
    private static Connection connect(DatasourceSpec spec) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", spec.user());
        props.setProperty("password", spec.password() == null ? "" : spec.password());
        String url = spec.connectUrl();
        if (spec.kind().orElse(null) == DatabaseProduct.POSTGRESQL) {
            props.setProperty("stringtype", "unspecified");
        } else if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
            url += (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return DriverManager.getConnection(url, props);
    }
}
