package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.TomlEdit;
import dev.apimupgrade.plan.TomlEditOnReferenceFilesTest;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.testkit.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * SetTomlTable on the real files: the migration testing tool's 3.0.0 MySQL deployment.toml, given the
 * [database.apim_db.pool_options] subtable operators add, carried into each real 3.1.0 deployment.toml.
 */
class SetTomlTableOnReferenceFilesTest {
    private static final String POOL = "[database.apim_db.pool_options]\nmaxActive = \"150\"\nmaxWait = \"60000\"\n"
            + "# tuned for the gateway load\nminIdle = 5\n";
    private static final Fingerprint PRINT = Fingerprint.of(new Facts(List.of()), "rules", "test");
    private static final Preflight CURRENT =
            () -> new Preflight.Snapshot(new Facts(List.of()), PRINT, List.of(), new DatasourceSpecs(List.of()));

    @TempDir
    Path tmp;

    static Stream<Path> files() throws IOException {
        return TomlEditOnReferenceFilesTest.files();
    }

    @ParameterizedTest
    @MethodSource("files")
    void theTableAndItsPoolOptionsSubtableAreCarriedAndEveryOtherLineStaysByteIdentical(Path newFile) throws Exception {
        Path reference = newFile.getParent().getParent().getParent().getParent();
        String old = Files.readString(findOld(reference))
                .replace("\n[database.shared_db]", "\n" + POOL + "\n[database.shared_db]");
        String before = Files.readString(newFile);
        Homes homes = homes(old, before);

        new Engine()
                .migrate(
                        plan(),
                        new RunDirectory(tmp.resolve("run")),
                        homes,
                        CURRENT,
                        new Engine.Options(false, Set.of()));

        String after = Files.readString(homes.newHome().resolve("repository/conf/deployment.toml"));
        TomlParseResult parsed = Toml.parse(after);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.getString("database.apim_db.url")).isEqualTo("jdbc:mysql://localhost:3306/amdb?useSSL=false");
        assertThat(parsed.getString("database.apim_db.pool_options.maxActive")).isEqualTo("150");
        assertThat(parsed.getLong("database.apim_db.pool_options.minIdle")).isEqualTo(5L);
        String carried = "[database.apim_db]\n"
                + String.join("\n", TomlEdit.tableBody(old, "database.apim_db").orElseThrow()) + "\n";
        String replaced = "[database.apim_db]\n"
                + String.join(
                        "\n", TomlEdit.tableBody(before, "database.apim_db").orElseThrow()) + "\n";
        assertThat(before).containsOnlyOnce(replaced);
        assertThat(after)
                .isEqualTo(
                        before.replace(replaced, carried + "\n" + POOL.replace("# tuned for the gateway load\n", "")));
        assertThat(parsed.getString("database.shared_db.url"))
                .isEqualTo(Toml.parse(before).getString("database.shared_db.url"));
    }

    @ParameterizedTest
    @MethodSource("files")
    void aSecondRunFindsTheCarriedTablesDoneAndChangesNothing(Path newFile) throws Exception {
        Path reference = newFile.getParent().getParent().getParent().getParent();
        String old = Files.readString(findOld(reference))
                .replace("\n[database.shared_db]", "\n" + POOL + "\n[database.shared_db]");
        Homes homes = homes(old, Files.readString(newFile));
        new Engine()
                .migrate(
                        plan(),
                        new RunDirectory(tmp.resolve("run1")),
                        homes,
                        CURRENT,
                        new Engine.Options(false, Set.of()));
        Path toml = homes.newHome().resolve("repository/conf/deployment.toml");
        String once = Files.readString(toml);

        new Engine()
                .migrate(
                        plan(),
                        new RunDirectory(tmp.resolve("run2")),
                        homes,
                        CURRENT,
                        new Engine.Options(false, Set.of()));

        assertThat(Files.readString(toml)).isEqualTo(once);
        assertThat(Journal.open(tmp.resolve("run2").resolve("journal.jsonl")).records())
                .anySatisfy(r -> assertThat(r)
                        .isInstanceOfSatisfying(
                                JournalRecord.Outcome.class,
                                o -> assertThat(o.status()).isEqualTo(JournalRecord.Status.ALREADY_DONE)));
    }

    /**
     * The testing tool's PostgreSQL file writes pool settings at the table's top level, where neither pack reads
     * them: the step leaves out the keys its plan drops, and every other line is carried as written, so "false"
     * stays a string and the contradicting type = "mysql" stays as it is (CFG-DB-TYPE-URL reports it).
     */
    @ParameterizedTest
    @MethodSource("files")
    void theKeysThePlanDropsAreLeftOutAndEveryCarriedValueKeepsItsTypeAndText(Path newFile) throws Exception {
        Path reference = newFile.getParent().getParent().getParent().getParent();
        String old = Files.readString(findOld(reference).getParent().getParent().resolve("postgresql/deployment.toml"));
        Homes homes = homes(old, Files.readString(newFile));
        String dropped = "defaultAutoCommit,driverClassName,maxActive,maxWait,testOnBorrow,validationInterval";
        MigrationPlan plan = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step(
                        "toml-table",
                        "CFG-DB-APIM",
                        "SetTomlTable",
                        "database.apim_db",
                        Map.of("from", "OLD", "relativeH2", "false", Planner.DROPPED, dropped))));

        new Engine()
                .migrate(
                        plan,
                        new RunDirectory(tmp.resolve("run")),
                        homes,
                        CURRENT,
                        new Engine.Options(false, Set.of()));

        String after = Files.readString(homes.newHome().resolve("repository/conf/deployment.toml"));
        assertThat(TomlEdit.tableBody(after, "database.apim_db").orElseThrow())
                .containsExactly(
                        "type = \"mysql\"",
                        "url = \"jdbc:postgresql://localhost:5432/amdb\"",
                        "username = \"root\"",
                        "password = \"root\"",
                        "validationQuery = \"SELECT 1\"");
        assertThat(Toml.parse(after).errors()).isEmpty();
    }

    /**
     * WSO2's Kubernetes pattern 2 Gateway worker writes no [database.apim_db]: it runs on 3.0.0's default H2
     * WSO2AM_DB. Carrying that table gives the new home 3.0.0's default, its relative H2 url anchored at the old home.
     * (The engine's part, on that real file; on a gateway-worker node itself the rules no longer plan this carry, ADR
     * 0038, but a default-profile node that leaves the table to the defaults gets it.)
     */
    @ParameterizedTest
    @MethodSource("files")
    void aTableTheOldFileLeavesToTheDefaultsIsCarriedAsThreeZeroZeroDefaultsIt(Path newFile) throws Exception {
        String gateway =
                Files.readString(SharedFiles.reference("deployments/k8s-pattern-2/gateway-worker/deployment.toml"));
        assertThat(TomlEdit.tableBody(gateway, "database.apim_db")).isEmpty();
        Homes homes = homes(gateway, Files.readString(newFile));
        MigrationPlan plan = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step(
                        "toml-table",
                        "CFG-DB-APIM",
                        "SetTomlTable",
                        "database.apim_db",
                        Map.of("from", "OLD", "relativeH2", "true"))));

        new Engine()
                .migrate(
                        plan,
                        new RunDirectory(tmp.resolve("run")),
                        homes,
                        CURRENT,
                        new Engine.Options(false, Set.of()));

        TomlParseResult after =
                Toml.parse(Files.readString(homes.newHome().resolve("repository/conf/deployment.toml")));
        assertThat(after.errors()).isEmpty();
        assertThat(after.getString("database.apim_db.url"))
                .isEqualTo("jdbc:h2:" + homes.oldHome().resolve("repository/database/WSO2AM_DB")
                        + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=TRUE;LOCK_TIMEOUT=60000;MVCC=TRUE");
        assertThat(after.getString("database.apim_db.driver")).isEqualTo("org.h2.Driver");
    }

    /**
     * The testing tool's PostgreSQL table has no validationQuery: CFG-DB-DRIVER-PARAMS adds it after the table is
     * carried. The carried table still holds afterwards (verify and a resumed run find the step done); a url changed
     * since does not.
     */
    @ParameterizedTest
    @MethodSource("files")
    void theCarriedTableStillHoldsAfterTheGuidesDriverParametersAreAddedToItButNotAfterItsUrlChanged(Path newFile)
            throws Exception {
        Path reference = newFile.getParent().getParent().getParent().getParent();
        String old = Files.readString(findOld(reference).getParent().getParent().resolve("postgresql/deployment.toml"));
        Homes homes = homes(old, Files.readString(newFile));
        PlanStep carry = step(
                "toml-table",
                "CFG-DB-APIM",
                "SetTomlTable",
                "database.apim_db",
                Map.of("from", "OLD", "relativeH2", "false"));
        PlanStep query = step(
                "toml-query",
                "CFG-DB-DRIVER-PARAMS",
                "SetTomlValue",
                "database.apim_db.validationQuery",
                Map.of("value", "SELECT 1 FROM DUAL"));
        MigrationPlan plan = new MigrationPlan("test", "rules", PRINT, List.of(carry, query));
        new Engine()
                .migrate(
                        plan,
                        new RunDirectory(tmp.resolve("run")),
                        homes,
                        CURRENT,
                        new Engine.Options(false, Set.of()));
        Path toml = homes.newHome().resolve("repository/conf/deployment.toml");
        assertThat(TomlEdit.tableBody(Files.readString(toml), "database.apim_db")
                        .orElseThrow())
                .contains("validationQuery = \"SELECT 1 FROM DUAL\"");
        CheckContext ctx =
                new CheckContext(homes, new Facts(List.of()), new DatasourceSpecs(List.of()), Optional.empty());

        assertThat(new PostConditionCheck().check(carry, ctx).holds()).contains(true);

        Files.writeString(
                toml,
                Files.readString(toml).replace("jdbc:postgresql://localhost:5432/amdb", "jdbc:postgresql://db2/amdb"));
        assertThat(new PostConditionCheck().check(carry, ctx).holds()).contains(false);
    }

    private static Path findOld(Path anyReferenceChild) {
        Path dir = anyReferenceChild;
        while (dir != null && !Files.isDirectory(dir.resolve("migration/testing-tool"))) {
            dir = dir.getParent();
        }
        return dir.resolve("migration/testing-tool/API-M_3.0.0/mysql/deployment.toml");
    }

    private Homes homes(String oldToml, String newToml) throws IOException {
        Homes homes = new Homes(tmp.resolve("old"), tmp.resolve("new"));
        for (var e : Map.of(homes.oldHome(), oldToml, homes.newHome(), newToml).entrySet()) {
            Path f = e.getKey().resolve("repository/conf/deployment.toml");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return homes;
    }

    private static MigrationPlan plan() {
        return new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step(
                        "toml-table",
                        "CFG-DB-APIM",
                        "SetTomlTable",
                        "database.apim_db",
                        Map.of("from", "OLD", "relativeH2", "false", Planner.SUBTABLES, "pool_options"))));
    }

    /** An automated step of Step 1 whose post-condition the executor's own done check decides. */
    private static PlanStep step(String id, String condition, String kind, String target, Map<String, String> params) {
        return new PlanStep(
                id, condition, kind, target, params, true, List.of(), "Step 1", "", "holds", List.of(), List.of());
    }
}
