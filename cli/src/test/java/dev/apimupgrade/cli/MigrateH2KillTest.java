package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate with the H2 scripts, SIGKILLed just before a script step journals its snapshot and just after all its
 * statements ran (before its outcome): the rerun ends with the same schema and rows as an uninterrupted run.
 * H2 files carry write times, so databases are compared by content, the other files byte for byte.
 */
class MigrateH2KillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aRunKilledInsideAnH2ScriptStepAndRerunEndsWithTheSameSchemaAndRowsAsAnUninterruptedRun() throws Exception {
        Path homesDir = tmp.resolve("homes");
        MigrateHomes reference = MigrateHomes.of(Samples.DEFAULT, homesDir, true);
        Path straightRun = tmp.resolve("run-straight");
        CliRun straight = CliRun.of(reference.migrateArgs(straightRun).toArray(String[]::new));
        assertThat(straight.code()).as(straight.err()).isEqualTo(ExitCode.READY);
        Map<String, String> expected = state(reference);

        List<Integer> killAt = new ArrayList<>();
        Map<Integer, JsonNode> afterStatements = new java.util.HashMap<>();
        List<String> journal = Files.readAllLines(straightRun.resolve("journal.jsonl"));
        for (int i = 0; i < journal.size(); i++) {
            JsonNode r = JSON.readTree(journal.get(i));
            if (r.path("type").asText().equals("snapshot")) {
                killAt.add(i); // records written before the snapshot: killed after the backup, before the copy
                // the snapshot and the exports written and every statement run, the outcome not yet journalled
                for (int j = i + 1; j < journal.size(); j++) {
                    JsonNode o = JSON.readTree(journal.get(j));
                    if (o.path("type").asText().equals("outcome")
                            && o.path("step").equals(r.path("step"))) {
                        killAt.add(j);
                        afterStatements.put(j, r);
                        break;
                    }
                }
            }
        }
        assertThat(killAt).isNotEmpty();
        assertThat(afterStatements).isNotEmpty();

        for (int n : killAt) {
            MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, homesDir, true);
            Path run = tmp.resolve("run-killed-" + n);
            MigrateKillTest.killAfter(n, homes, run);
            JsonNode snapshot = afterStatements.get(n);
            if (snapshot != null) {
                // killed after the statements: the database already differs from the snapshot the redo starts from
                Path db = homes.oldHome().resolve(snapshot.path("path").asText().substring("OLD:".length()));
                assertThat(FileDigest.sha256(db))
                        .as("statements ran before the kill at %s", n)
                        .isNotEqualTo(snapshot.path("sha256").asText());
            }
            CliRun resumed = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
            assertThat(resumed.code())
                    .as("resumed after %s records: %s", n, resumed.err())
                    .isEqualTo(ExitCode.READY);
            assertThat(state(homes)).as("state after a kill at record %s", n).isEqualTo(expected);
        }
    }

    /** Every file's hash, except H2 databases, which are described by their tables, columns and sorted rows. */
    /** Both homes: each file by SHA-256, the H2 databases by schema and rows (their files carry write times). */
    static Map<String, String> state(MigrateHomes homes) throws Exception {
        Map<Path, DatasourceSpec> byFile = new TreeMap<>();
        for (DatasourceSpec d : DatasourceSpecs.read(
                        new Installation(homes.oldHome(), Optional.of(homes.newHome())), Map.of(), Map.of())
                .all()) {
            if (d.connectUrl().startsWith("jdbc:h2:")) {
                byFile.put(
                        Path.of(d.connectUrl().substring("jdbc:h2:".length()) + ".mv.db")
                                .normalize(),
                        d);
            }
        }
        Map<String, String> out = new TreeMap<>();
        for (Path home : List.of(homes.oldHome(), homes.newHome())) {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String key = home.getFileName() + "/"
                            + home.relativize(f).toString().replace('\\', '/');
                    DatasourceSpec db = byFile.get(f.normalize());
                    out.put(key, db != null ? h2Content(f, db) : FileDigest.sha256(f));
                }
            }
        }
        return out;
    }

    private static String h2Content(Path mvDb, DatasourceSpec db) throws Exception {
        Path dir = Files.createTempDirectory("h2-state");
        try {
            return h2ContentOfCopy(mvDb, dir.resolve("db.mv.db"), db);
        } finally {
            try (Stream<Path> left = Files.walk(dir)) {
                for (Path p : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String h2ContentOfCopy(Path mvDb, Path copy, DatasourceSpec db) throws Exception {
        Files.copy(mvDb, copy);
        String url = "jdbc:h2:" + copy.toString().replace(".mv.db", "") + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        StringBuilder text = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
                while (t.next()) {
                    tables.add(t.getString(1));
                }
            }
            for (String table : tables) {
                text.append(table).append('\n');
                try (ResultSet col = st.executeQuery("SELECT COLUMN_NAME, TYPE_NAME, IS_NULLABLE FROM"
                        + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '" + table + "' ORDER BY COLUMN_NAME")) {
                    while (col.next()) {
                        text.append("  ")
                                .append(col.getString(1))
                                .append(' ')
                                .append(col.getString(2))
                                .append(' ')
                                .append(col.getString(3))
                                .append('\n');
                    }
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet r = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(r.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.stream()
                        .sorted()
                        .forEach(row -> text.append("  ").append(row).append('\n'));
            }
        }
        return FileDigest.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
