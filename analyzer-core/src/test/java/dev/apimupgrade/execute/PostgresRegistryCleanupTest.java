package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.testkit.DatabaseServer;
import dev.apimupgrade.testkit.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresRegistryCleanupTest {
    private static final Fingerprint PRINT = Fingerprint.of(new Facts(List.of()), "rules", "test");
    private static final String TAGS = "SELECT REG_TAG_ID || ':' || COALESCE(REG_VERSION::text, '-') || ':'"
            + " || COALESCE(REG_PATH_ID::text, 'null') FROM REG_RESOURCE_TAG ORDER BY REG_TAG_ID, REG_VERSION";

    @TempDir
    Path tmp;

    ScratchDatabase db;
    RunDirectory run;

    @BeforeEach
    void versionedRegistry() throws Exception {
        db = ScratchDatabase.create(DatabaseServer.POSTGRESQL, "", PostgresSpecs.SHARED_SCHEMA);
        // version 10 is the resource's current version, version 9 only an old one; the third row is unversioned
        db.run(
                "INSERT INTO REG_PATH (REG_PATH_ID, REG_PATH_VALUE, REG_TENANT_ID) VALUES (1, '/_system/a', -1234)",
                "INSERT INTO REG_RESOURCE (REG_PATH_ID, REG_NAME, REG_VERSION, REG_CREATOR, REG_CREATED_TIME,"
                        + " REG_LAST_UPDATED_TIME, REG_TENANT_ID, REG_UUID) VALUES (1, 'api.rxt', 10, 'admin', now(),"
                        + " now(), -1234, 'u-1')",
                "INSERT INTO REG_TAG (REG_ID, REG_TAG_NAME, REG_USER_ID, REG_TAGGED_TIME, REG_TENANT_ID) VALUES"
                        + " (1, 'old', 'admin', now(), -1234), (2, 'current', 'admin', now(), -1234),"
                        + " (3, 'plain', 'admin', now(), -1234)",
                "INSERT INTO REG_RESOURCE_TAG (REG_TAG_ID, REG_VERSION, REG_PATH_ID, REG_RESOURCE_NAME, REG_TENANT_ID)"
                        + " VALUES (1, 9, NULL, NULL, -1234), (2, 10, NULL, NULL, -1234), (3, NULL, 1, 'api.rxt', -1234)");
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        run = new RunDirectory(tmp.resolve("run"));
    }

    @AfterEach
    void dropped() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private RunOutcome migrate() throws Exception {
        PlanStep step = new PlanStep(
                "versioning",
                "REG-VERSIONING-ENABLED",
                "RunSqlScript",
                "shared_db",
                Map.of("script", SqlScripts.REGISTRY_VERSIONING_CLEANUP, Planner.DIALECT_FOLDER, "postgres"),
                true,
                List.of(),
                "Step 1",
                "",
                "no registry row without a path",
                List.of(),
                List.of());
        Preflight preflight = () -> new Preflight.Snapshot(
                new Facts(List.of()),
                PRINT,
                List.of(),
                new DatasourceSpecs(List.of(PostgresSpecs.spec(db, "shared_db", ""))));
        return new Engine()
                .migrate(
                        new MigrationPlan("test", "rules", PRINT, List.of(step)),
                        run,
                        new Homes(tmp.resolve("old"), tmp.resolve("new")),
                        preflight,
                        new Engine.Options(
                                false,
                                java.util.Map.of(),
                                java.util.Optional.of("/backups/pg-full.dump"),
                                Progress.NONE));
    }

    @Test
    void regVersioningEnabledTheCleanupExportsTheVersionedRowsThenKeepsOnlyTheCurrentVersionWithItsPath()
            throws Exception {
        assertThat(migrate().completed()).isTrue();

        assertThat(db.strings(TAGS)).containsExactly("2:10:1", "3:-:1");
        List<String> export = Files.readAllLines(run.root().resolve("exports/versioning/REG_RESOURCE_TAG.jsonl"));
        assertThat(export.subList(1, export.size()))
                .hasSize(2)
                .anyMatch(l -> l.contains("\"reg_tag_id\":\"1\",\"reg_version\":\"9\",\"reg_path_id\":null"))
                .anyMatch(l -> l.contains("\"reg_tag_id\":\"2\",\"reg_version\":\"10\",\"reg_path_id\":null"));
        assertThat(Files.readAllLines(run.root().resolve("exports/versioning/REG_RESOURCE_PROPERTY.jsonl")))
                .hasSize(1);
        assertThat(db.strings("SELECT REG_TAG_NAME FROM REG_TAG ORDER BY REG_ID"))
                .containsExactly("current", "plain");
        List<String> tags = Files.readAllLines(run.root().resolve("exports/versioning/REG_TAG.jsonl"));
        assertThat(tags.subList(1, tags.size()))
                .singleElement()
                .asString()
                .contains("\"reg_id\":\"1\",\"reg_tag_name\":\"old\"");
    }

    @Test
    void regVersioningEnabledASecondRunOnAnotherRunFolderFindsTheCleanupAlreadyDone() throws Exception {
        migrate();
        run = new RunDirectory(tmp.resolve("run-2"));

        RunOutcome again = migrate();

        assertThat(again.lines())
                .filteredOn(l -> !l.startsWith("the full database backup is at"))
                .containsExactly("versioning: already done");
        assertThat(db.strings(TAGS)).containsExactly("2:10:1", "3:-:1");
        assertThat(run.exports().resolve("versioning")).doesNotExist();
    }

    @Test
    void regVersioningEnabledRollbackReinsertsTheDeletedTagButNeverReplaysTheRowsTheCleanupUpdatedInPlace()
            throws Exception {
        migrate();

        RunOutcome rollback = Rollback.of(
                run,
                false,
                java.util.Optional.of(new DatasourceSpecs(List.of(PostgresSpecs.spec(db, "shared_db", "")))));

        assertThat(db.strings("SELECT REG_TAG_NAME FROM REG_TAG ORDER BY REG_ID"))
                .containsExactly("old", "current", "plain");
        assertThat(rollback.lines())
                .contains("replayed exports/versioning/REG_TAG.jsonl into shared_db.REG_TAG:"
                        + " 1 row(s) re-inserted, 0 already there");
        assertThat(rollback.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("NOT REPLAYED:"
                                + " exports/versioning/REG_RESOURCE_TAG.jsonl holds rows versioning updated in place")
                        .contains("/backups/pg-full.dump"));
        assertThat(db.strings(TAGS)).containsExactly("2:10:1", "3:-:1");
    }
}
