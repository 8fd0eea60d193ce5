package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FileContent;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.RowCount;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    private static final String SYNAPSE = "repository/deployment/server/synapse-configs/default";
    private static final Fingerprint PRINT = Fingerprint.of(new Facts(List.of()), "rules", "test");
    private static final Preflight CURRENT =
            () -> new Preflight.Snapshot(new Facts(List.of()), PRINT, List.of(), new DatasourceSpecs(List.of()));

    @TempDir
    Path tmp;

    Homes homes;
    RunDirectory run;
    final Engine engine = new Engine();

    @BeforeEach
    void homes() throws IOException {
        homes = new Homes(tmp.resolve("old"), tmp.resolve("new"));
        run = new RunDirectory(tmp.resolve("run"));
        write(
                "old",
                "repository/conf/deployment.toml",
                "[server]\nhostname = \"localhost\"\n\n[database.apim_db]\n"
                        + "type = \"h2\"\nurl = \"jdbc:h2:./repository/database/WSO2AM_DB;DB_CLOSE_ON_EXIT=FALSE\"\n"
                        + "password = \"wso2carbon\"\n");
        write(
                "new",
                "repository/conf/deployment.toml",
                "# the 3.1.0 file\n[server]\nhostname = \"localhost\"\n\n"
                        + "[database.apim_db]\ntype = \"h2\"\nurl = \"jdbc:h2:./repository/database/NEW_DB\"\n\n[indexing]\n"
                        + "re_indexing = 0 # bump to re-index\n");
        write("old", "repository/components/lib/custom-mediator-1.0.jar", "jar bytes");
        write("old", SYNAPSE + "/api/Custom.xml", "<api name=\"custom\"/>");
        write("old", SYNAPSE + "/sequences/main.xml", "<sequence name=\"main\" old=\"yes\"/>");
        write("new", SYNAPSE + "/sequences/main.xml", "<sequence name=\"main\" version=\"3.1.0\"/>");
        write("new", "solr/data/index.bin", "index");
        // the 3.1.0 server was started once as a step says: a confirmed start is checked against this log
        write("new", ManualStepChecks.LOG, STARTED);
    }

    /** What a 3.1.0 start writes last (carbon-kernel's StartupFinalizerServiceComponent). */
    static final String STARTED = "[2026-11-25 10:00:42,000]  INFO {org.wso2.carbon.core.internal."
            + "StartupFinalizerServiceComponent} - WSO2 Carbon started in 42 sec\n";

    /** The operator starts the 3.1.0 server as a paused step says: its log grows by a clean start. */
    private void startedAgain() throws IOException {
        Files.writeString(
                homes.newHome().resolve(ManualStepChecks.LOG), STARTED, java.nio.file.StandardOpenOption.APPEND);
    }

    private void write(String home, String rel, String content) throws IOException {
        Path p = tmp.resolve(home).resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private static PlanStep step(String id, String kind, String target, Map<String, String> params, boolean automated) {
        return new PlanStep(
                id,
                "TEST-" + id,
                kind,
                target,
                params,
                automated,
                List.of(),
                "Step 1",
                "",
                kind + " " + target + " holds",
                List.of(),
                List.of());
    }

    static MigrationPlan plan() {
        return new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(
                        step(
                                "toml-table",
                                "SetTomlTable",
                                "database.apim_db",
                                Map.of("from", "OLD", "relativeH2", "true"),
                                true),
                        step("toml-value", "SetTomlValue", "indexing.re_indexing", Map.of("value", "1"), true),
                        step(
                                "jar",
                                "CopyFile",
                                "repository/components/lib/custom-mediator-1.0.jar",
                                Map.of("from", "OLD:repository/components/lib/custom-mediator-1.0.jar"),
                                true),
                        step(
                                "synapse",
                                "CopyTree",
                                SYNAPSE,
                                Map.of("from", "OLD:" + SYNAPSE, "exclude", "sequences/main.xml"),
                                true),
                        step("save-solr", "Backup", "solr", Map.of(), true),
                        step("delete-solr", "DeletePath", "solr", Map.of("after", "Backup solr"), true),
                        step(
                                "restart",
                                "ManualStep",
                                "new-home",
                                Map.of("step", "restart", "command", "sh wso2server.sh"),
                                false)));
    }

    private RunOutcome migrate(String... confirmed) throws Exception {
        return engine.migrate(plan(), run, homes, CURRENT, new Engine.Options(false, Set.of(confirmed)));
    }

    @Test
    void everyAutomatedStepIsAppliedAndTheRunStopsAtTheManualStepSayingHowToGoOn() throws Exception {
        RunOutcome outcome = migrate();

        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.stoppedAt()).isEqualTo("restart");
        assertThat(outcome.toContinue()).contains("sh wso2server.sh").contains("--confirm restart");
        String toml = Files.readString(homes.newHome().resolve("repository/conf/deployment.toml"));
        assertThat(toml)
                .startsWith("# the 3.1.0 file\n")
                .contains("re_indexing = 1\n")
                .contains("password = \"wso2carbon\"")
                .contains("url = \"jdbc:h2:" + homes.oldHome().toString().replace('\\', '/')
                        + "/repository/database/WSO2AM_DB;DB_CLOSE_ON_EXIT=FALSE\"");
        assertThat(homes.newHome().resolve("repository/components/lib/custom-mediator-1.0.jar"))
                .hasContent("jar bytes");
        assertThat(homes.newHome().resolve(SYNAPSE + "/api/Custom.xml")).hasContent("<api name=\"custom\"/>");
        assertThat(homes.newHome().resolve(SYNAPSE + "/sequences/main.xml"))
                .hasContent("<sequence name=\"main\" version=\"3.1.0\"/>");
        assertThat(homes.newHome().resolve("solr")).doesNotExist();
        assertThat(run.backup().resolve("NEW/solr/data/index.bin")).hasContent("index");
        assertThat(run.lock()).doesNotExist();

        startedAgain();
        RunOutcome confirmed = migrate("restart");
        assertThat(confirmed.completed()).isTrue();
        assertThat(confirmed.lines()).contains("restart: confirmed by the operator");
    }

    @Test
    void aStepThatCannotBeAppliedEndsInAClearRefusalRecordedInTheJournalNotAnInternalError() throws Exception {
        MigrationPlan broken = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step("gone", "SetTomlTable", "database.not_in_the_old_file", Map.of("from", "OLD"), true)));

        assertThatThrownBy(() -> engine.migrate(broken, run, homes, CURRENT, new Engine.Options(false, Set.of())))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("gone");
        assertThat(Journal.open(run.journal()).records())
                .isNotEmpty()
                .anySatisfy(r -> assertThat(r.toString()).contains("gone").containsAnyOf("failed", "check-failed"));
        assertThat(run.lock()).doesNotExist();
    }

    @Test
    void aStepThatFailsHalfWayIsAStepFailureNotARefusalAndTheJournalSaysSo() throws Exception {
        write("new", "repository/components/dropins", "a file where the copy needs a folder");
        MigrationPlan failing = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step(
                        "jar",
                        "CopyFile",
                        "repository/components/dropins/custom-mediator-1.0.jar",
                        Map.of("from", "OLD:repository/components/lib/custom-mediator-1.0.jar"),
                        true)));

        assertThatThrownBy(() -> engine.migrate(failing, run, homes, CURRENT, new Engine.Options(false, Set.of())))
                .isInstanceOf(StepFailedException.class)
                .hasMessageContaining("jar failed")
                .hasMessageContaining("rollback --run");
        assertThat(Journal.open(run.journal()).records())
                .anySatisfy(r -> assertThat(r)
                        .isInstanceOfSatisfying(
                                JournalRecord.Outcome.class,
                                o -> assertThat(o.status()).isEqualTo(JournalRecord.Status.FAILED)));
    }

    @Test
    void aRefusalBeforeAnyStepIsNotAStepFailure() {
        MigrationPlan stale = new MigrationPlan(
                "test", "rules", Fingerprint.of(new Facts(List.of()), "other", "test"), plan().steps());

        assertThatThrownBy(() -> engine.migrate(stale, run, homes, CURRENT, new Engine.Options(false, Set.of())))
                .isInstanceOf(RunRefusedException.class)
                .isNotInstanceOf(StepFailedException.class)
                .hasMessageContaining("stale");
    }

    @Test
    void aConfirmThatNamesNoStepOfThePlanIsBadInputNamingItAndWritesNothing() throws Exception {
        String newHash = TreeHash.of(homes.newHome());

        assertThatThrownBy(() -> migrate("restrat"))
                .isInstanceOf(dev.apimupgrade.scan.InputException.class)
                .hasMessageContaining("'restrat'")
                .hasMessageContaining("not a step of this plan")
                .hasMessageContaining("restart");
        assertThat(run.root()).doesNotExist();
        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
    }

    @Test
    void aConfirmOfAStepTheToolCarriesOutIsBadInputSoTheStepIsNeverSkippedUnchecked() throws Exception {
        String newHash = TreeHash.of(homes.newHome());

        assertThatThrownBy(() -> migrate("restart", "jar"))
                .isInstanceOf(dev.apimupgrade.scan.InputException.class)
                .hasMessageContaining("'jar'")
                .hasMessageContaining("not a manual step");
        assertThat(run.root()).doesNotExist();
        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
    }

    @Test
    void anUpperCaseFilePrefixedH2UrlIsAnchoredAtTheOldHomeLikeTheScanReadsIt() throws Exception {
        write(
                "old",
                "repository/conf/deployment.toml",
                "[database.apim_db]\ntype = \"h2\"\n"
                        + "url = \"jdbc:h2:FILE:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE\"\n");
        MigrationPlan toml = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step(
                        "toml-table",
                        "SetTomlTable",
                        "database.apim_db",
                        Map.of("from", "OLD", "relativeH2", "true"),
                        true)));

        engine.migrate(toml, run, homes, CURRENT, new Engine.Options(false, Set.of()));

        assertThat(Files.readString(homes.newHome().resolve("repository/conf/deployment.toml")))
                .contains("url = \"jdbc:h2:file:" + homes.oldHome().toString().replace('\\', '/')
                        + "/repository/database/WSO2AM_DB;AUTO_SERVER=TRUE\"");
    }

    @Test
    void anAdaptedConstraintNameThatIsNoLongerInTheDatabaseFailsTheStepInsteadOfPassingAsDone() throws Exception {
        MigrationPlan adapt = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step(
                        "adapt",
                        "AdaptSqlStatement",
                        "WSO2AM_DB",
                        Map.of("script", "am-3.0.0-to-3.1.0", "actualName", "CONSTRAINT_9"),
                        true)));

        assertThatThrownBy(() -> engine.migrate(adapt, run, homes, CURRENT, new Engine.Options(false, Set.of())))
                .isInstanceOf(StepFailedException.class)
                .hasMessageContaining("CONSTRAINT_9");
    }

    @Test
    void anAdaptedConstraintNameTheDatabaseHasIsCheckedAndTheStepIsDone() throws Exception {
        MigrationPlan adapt = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step(
                        "adapt",
                        "AdaptSqlStatement",
                        "WSO2AM_DB",
                        Map.of("script", "am-3.0.0-to-3.1.0", "actualName", "CONSTRAINT_9"),
                        true)));
        Facts facts = new Facts(List.of(new dev.apimupgrade.fact.DbConstraint(
                "WSO2AM_DB",
                "AM_SYSTEM_APPS",
                "CONSTRAINT_9",
                dev.apimupgrade.fact.DbConstraint.UNIQUE,
                List.of("NAME"),
                SourceRef.db("WSO2AM_DB", "AM_SYSTEM_APPS"))));
        Preflight withConstraint =
                () -> new Preflight.Snapshot(facts, PRINT, List.of(), new DatasourceSpecs(List.of()));

        RunOutcome outcome = engine.migrate(adapt, run, homes, withConstraint, new Engine.Options(false, Set.of()));

        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.lines()).contains("adapt: done");
    }

    @Test
    void aServerStartedAfterTheRunBeganIsCaughtJustBeforeTheNextStepWhichIsNotStarted() throws Exception {
        // the first step itself makes the new home look like a running server (this JVM's pid in its pid file)
        write("old", "pid", ProcessHandle.current().pid() + "\n");
        MigrationPlan plan = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(
                        step("server-starts", "CopyFile", "wso2carbon.pid", Map.of("from", "OLD:pid"), true),
                        step(
                                "jar",
                                "CopyFile",
                                "repository/components/lib/custom-mediator-1.0.jar",
                                Map.of("from", "OLD:repository/components/lib/custom-mediator-1.0.jar"),
                                true)));

        assertThatThrownBy(() -> engine.migrate(plan, run, homes, CURRENT, new Engine.Options(false, Set.of())))
                .isInstanceOf(RunRefusedException.class)
                .isNotInstanceOf(StepFailedException.class)
                .hasMessageContaining("the NEW server is running")
                .hasMessageContaining("jar was not started");
        assertThat(homes.newHome().resolve("repository/components/lib/custom-mediator-1.0.jar"))
                .doesNotExist();
        assertThat(Journal.open(run.journal()).completed("server-starts")).isTrue();
    }

    @Test
    void theSynapseCopyReportsItsProgressFileByFileAndEndsIt() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(String stepId, long done, long total, String unit) {
                seen.add(stepId + " " + done + "/" + total + " " + unit);
            }

            @Override
            public void finish(String stepId) {
                seen.add(stepId + " end");
            }
        };

        engine.migrate(
                plan(),
                run,
                homes,
                CURRENT,
                new Engine.Options(false, Map.of("restart", "--confirm"), java.util.Optional.empty(), recording));

        // synapse: Custom.xml is copied, sequences/main.xml is one of the excluded (protected) files
        assertThat(seen).containsExactly("synapse 1/1 files", "synapse end");
    }

    private static MigrationPlan migrationRun() {
        return new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step(
                        "apim-client",
                        "ManualStep",
                        "new-home",
                        Map.of(
                                "step",
                                "copy the client jar, run, check the log, then remove both",
                                "command",
                                "sh wso2server.sh -DmigrateFromVersion=3.0.0",
                                "removedAfter",
                                "repository/components/dropins/org.wso2.carbon.apimgt.migrate.client-*.jar,migration-resources"),
                        false)));
    }

    @Test
    void afterAConfirmedMigrationRunTheLogSinceThePauseIsScannedAndAnErrorStopsTheRunUnconfirmed() throws Exception {
        write("new", "repository/logs/wso2carbon.log", "[2026-11-01] ERROR {old} - an error before the step\n");
        RunOutcome paused = engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of()));
        assertThat(paused.stoppedAt()).isEqualTo("apim-client");
        Files.writeString(
                homes.newHome().resolve("repository/logs/wso2carbon.log"),
                "[2026-11-25 10:00:01,000]  INFO {org.wso2.carbon.apimgt.migration} - Migrating API-M\n"
                        + "[2026-11-25 10:00:02,000]  WARN {org.wso2.carbon.apimgt.migration} - Error while migrating"
                        + " API /pizzashack\n",
                java.nio.file.StandardOpenOption.APPEND);

        RunOutcome checked =
                engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of("apim-client")));

        assertThat(checked.completed()).isFalse();
        assertThat(checked.toContinue())
                .startsWith("CHECK FAILED after apim-client")
                .contains("1 ERROR line(s) or known migration error(s)")
                .contains("Error while migrating API")
                .doesNotContain("an error before the step");
        assertThat(Journal.open(run.journal()).completed("apim-client")).isFalse();
    }

    @Test
    void aConfirmedMigrationRunWhoseClientJarIsStillInDropinsStopsTheRunNamingIt() throws Exception {
        write("new", "repository/components/dropins/org.wso2.carbon.apimgt.migrate.client-3.1.0-6.jar", "jar");

        RunOutcome checked =
                engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of("apim-client")));

        assertThat(checked.completed()).isFalse();
        assertThat(checked.toContinue())
                .contains("still present")
                .contains("NEW:repository/components/dropins/org.wso2.carbon.apimgt.migrate.client-3.1.0-6.jar");
    }

    @Test
    void aConfirmedMigrationRunWithACleanLogAndItsTemporaryFilesRemovedGoesOnSayingWhatWasChecked() throws Exception {
        write("new", "repository/logs/wso2carbon.log", "[2026-11-25]  INFO {x} - migration done\n" + STARTED);

        RunOutcome checked =
                engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of("apim-client")));

        assertThat(checked.completed()).isTrue();
        assertThat(checked.lines())
                .contains(
                        "apim-client: checked NEW:migration-resources is removed",
                        "apim-client: confirmed by the operator")
                .anySatisfy(l -> assertThat(l)
                        .contains("the start ('WSO2 Carbon started in'), no ERROR line and no known"
                                + " migration error"));
    }

    @Test
    void aCopyFromASourceThatVanishedSincePlanningIsRefusedAndWritesNothing() throws Exception {
        MigrationPlan broken = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step(
                        "missing-source",
                        "CopyFile",
                        "repository/components/lib/vanished.jar",
                        Map.of("from", "OLD:repository/components/lib/vanished.jar"),
                        true)));

        assertThatThrownBy(() -> engine.migrate(broken, run, homes, CURRENT, new Engine.Options(false, Set.of())))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("missing-source");
        assertThat(homes.newHome().resolve("repository/components/lib/vanished.jar"))
                .doesNotExist();
        assertThat(run.lock()).doesNotExist();
    }

    @Test
    void aSecondRunChangesNothingAndRecordsNoNewIntent() throws Exception {
        migrate("restart");
        String oldHash = TreeHash.of(homes.oldHome());
        String newHash = TreeHash.of(homes.newHome());
        long intents = intents();

        RunOutcome again = migrate();

        assertThat(again.completed()).isTrue();
        assertThat(again.lines()).allSatisfy(l -> assertThat(l).containsAnyOf("done earlier", "confirmed earlier"));
        assertThat(TreeHash.of(homes.oldHome())).isEqualTo(oldHash);
        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
        assertThat(intents()).isEqualTo(intents);
    }

    private long intents() throws Exception {
        return Journal.open(run.journal()).records().stream()
                .filter(JournalRecord.Intent.class::isInstance)
                .count();
    }

    @Test
    void rollbackRestoresBothHomesByteIdenticalAndNamesWhatWasDoneByHand() throws Exception {
        String oldHash = TreeHash.of(homes.oldHome());
        String newHash = TreeHash.of(homes.newHome());
        migrate("restart");
        assertThat(TreeHash.of(homes.newHome())).isNotEqualTo(newHash);

        RunOutcome rolledBack = Rollback.of(run, false);

        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
        assertThat(TreeHash.of(homes.oldHome())).isEqualTo(oldHash);
        assertThat(rolledBack.lines()).anySatisfy(l -> assertThat(l).startsWith("NOT UNDONE: restart"));
    }

    /** The plan made after drift of an old-home file: same steps, one with another value; its own fingerprint. */
    private static final Fingerprint DRIFTED = Fingerprint.of(
            new Facts(List.of(new FileContent(
                    Role.OLD,
                    "repository/conf/carbon.xml",
                    "edited",
                    SourceRef.file(Role.OLD, "repository/conf/carbon.xml")))),
            "rules",
            "test");

    private static final Preflight AFTER_DRIFT =
            () -> new Preflight.Snapshot(new Facts(List.of()), DRIFTED, List.of(), new DatasourceSpecs(List.of()));

    private static MigrationPlan replanned() {
        List<PlanStep> steps = new java.util.ArrayList<>(plan().steps());
        steps.replaceAll(s -> s.id().equals("toml-value")
                ? step("toml-value", "SetTomlValue", "indexing.re_indexing", Map.of("value", "2"), true)
                : s);
        return new MigrationPlan("test", "rules", DRIFTED, steps);
    }

    @Test
    void aRunFolderAdoptsAPlanMadeAfterDriftKeepingWhatIsDoneAndRedoingOnlyTheStepWhoseParametersChanged()
            throws Exception {
        assertThat(migrate().stoppedAt()).isEqualTo("restart");

        RunOutcome adopted = engine.migrate(replanned(), run, homes, AFTER_DRIFT, new Engine.Options(false, Set.of()));

        assertThat(adopted.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("adopted the new plan (plans/2-plan.json);"
                                + " drift since the earlier plan: 1 change(s) outside the steps' targets: added"
                                + " OLD:repository/conf/carbon.xml"));
        assertThat(adopted.lines())
                .contains("toml-value: done", "jar: done earlier, still holds", "synapse: done earlier, still holds");
        assertThat(homes.newHome().resolve("repository/conf/deployment.toml"))
                .content()
                .contains("re_indexing = 2");
        assertThat(run.root().resolve("plans/1-plan.json")).exists();
        assertThat(run.root().resolve("plans/2-plan.json")).hasSameTextualContentAs(run.plan());
        assertThat(RunRecord.read(run).planFingerprint()).isEqualTo(DRIFTED.sha256());
        List<JournalRecord> records = Journal.open(run.journal()).records();
        assertThat(records)
                .filteredOn(r -> r instanceof JournalRecord.Intent i && i.step().equals("jar"))
                .hasSize(1);
        assertThat(records)
                .filteredOn(r -> r instanceof JournalRecord.Outcome o && o.status() == JournalRecord.Status.SUPERSEDED)
                .extracting(r -> ((JournalRecord.Outcome) r).step())
                .containsExactly("toml-value");
    }

    @Test
    void aSecondRollbackSaysFirstThatTheRunWasAlreadyRolledBackThenRestoresAgain() throws Exception {
        String newHash = TreeHash.of(homes.newHome());
        migrate("restart");
        assertThat(Rollback.of(run, false).lines()).noneMatch(l -> l.startsWith(Rollback.ALREADY));
        Path toml = homes.newHome().resolve("repository/conf/deployment.toml");
        Files.writeString(toml, "# edited after the rollback\n", java.nio.file.StandardOpenOption.APPEND);

        RunOutcome again = Rollback.of(run, false);

        assertThat(again.lines().get(0))
                .startsWith(Rollback.ALREADY + " at ")
                .endsWith("restoring from the backup again");
        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
    }

    @Test
    void aRolledBackRunFolderRefusesANewPlanAsItRefusesTheOldOne() throws Exception {
        migrate("restart");
        Rollback.of(run, false);

        assertThatThrownBy(
                        () -> engine.migrate(replanned(), run, homes, AFTER_DRIFT, new Engine.Options(false, Set.of())))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("was rolled back");
        assertThat(run.root().resolve("plans/2-plan.json")).doesNotExist();
    }

    @Test
    void aTreeLargerThanABatchIsCopiedWholeEachNewPathJournalledOnceParentsFirstAndRollbackRemovesItAll()
            throws Exception {
        int files = CopyTreeExecutor.BATCH * 2 + 7;
        for (int i = 0; i < files; i++) {
            write("old", SYNAPSE + "/api/tenant-like-" + (i % 3) + "/Api" + i + ".xml", "<api name=\"a" + i + "\"/>");
        }
        String newHash = TreeHash.of(homes.newHome());

        migrate("restart");

        for (int i = 0; i < files; i++) {
            assertThat(homes.newHome().resolve(SYNAPSE + "/api/tenant-like-" + (i % 3) + "/Api" + i + ".xml"))
                    .hasContent("<api name=\"a" + i + "\"/>");
        }
        List<JournalRecord.Backup> saved = Journal.open(run.journal()).records().stream()
                .flatMap(r -> r instanceof JournalRecord.Backup b && b.step().equals("synapse")
                        ? java.util.stream.Stream.of(b)
                        : java.util.stream.Stream.empty())
                .toList();
        List<String> paths = saved.stream().map(JournalRecord.Backup::path).toList();
        assertThat(paths)
                .doesNotHaveDuplicates()
                .hasSize(files + 1 + 4); // the files, api/Custom.xml, api/ and its three folders
        String folder = "NEW:" + SYNAPSE + "/api/tenant-like-0";
        assertThat(paths.indexOf(folder)).isNotNegative().isLessThan(paths.indexOf(folder + "/Api0.xml"));
        assertThat(saved).allSatisfy(r -> assertThat(r.existed()).isFalse());

        Rollback.of(run, false);

        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
    }

    @Test
    void aRerunRemovesTheTemporaryFilesAKilledRunLeftBesideItsTargetsAndLeavesOthersAlone() throws Exception {
        migrate();
        // what a kill between writing the temporary file and renaming it leaves behind
        write("new", "repository/conf/.deployment.toml.apim-upgrade-tmp", "half");
        write("new", SYNAPSE + "/api/.Custom.xml.apim-upgrade-tmp", "half");
        write("new", "not-ours/.x.apim-upgrade-tmp", "someone else's");
        startedAgain();

        RunOutcome again = migrate("restart");

        assertThat(again.completed()).isTrue();
        assertThat(homes.newHome().resolve("repository/conf/.deployment.toml.apim-upgrade-tmp"))
                .doesNotExist();
        assertThat(homes.newHome().resolve(SYNAPSE + "/api/.Custom.xml.apim-upgrade-tmp"))
                .doesNotExist();
        assertThat(homes.newHome().resolve("not-ours/.x.apim-upgrade-tmp")).exists();
        assertThat(again.lines())
                .anySatisfy(
                        l -> assertThat(l).startsWith("removed NEW:repository/conf/.deployment.toml.apim-upgrade-tmp"));
    }

    @Test
    void rollbackRemovesTheTemporaryFilesAKilledRunLeftSoTheHomeIsByteIdenticalAgain() throws Exception {
        String newHash = TreeHash.of(homes.newHome());
        migrate();
        write("new", "repository/conf/.deployment.toml.apim-upgrade-tmp", "half");

        Rollback.of(run, false);

        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
    }

    @Test
    void aScriptTheOperatorRanByHandAndConfirmsDoesNotMakeThePlanStaleThroughTheRowsItChangedInItsDatabase()
            throws Exception {
        MigrationPlan plan = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step("reg-index", "RunSqlScript", "shared_db", Map.of("script", "reg-index"), true)));
        RunOutcome stopped = engine.migrate(plan, run, homes, CURRENT, new Engine.Options(false, Set.of()));
        assertThat(stopped.stoppedAt())
                .as("the tool cannot run it: the operator does")
                .isEqualTo("reg-index");
        // the operator ran reg-index.sql: REG_LOG of shared_db now reads differently than when the plan was made
        Fingerprint rowsChanged = Fingerprint.of(
                new Facts(List.of(
                        new RowCount("shared_db", "REG_LOG", RowCount.ROWS, 1, SourceRef.db("shared_db", "REG_LOG")))),
                "rules",
                "test");
        Preflight afterTheScript = () ->
                new Preflight.Snapshot(new Facts(List.of()), rowsChanged, List.of(), new DatasourceSpecs(List.of()));

        assertThatThrownBy(() -> engine.migrate(plan, run, homes, afterTheScript, new Engine.Options(false, Set.of())))
                .as("unconfirmed, the change is no doing of the run")
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("stale")
                .hasMessageContaining("db:shared_db/REG_LOG");
        RunOutcome confirmed =
                engine.migrate(plan, run, homes, afterTheScript, new Engine.Options(false, Set.of("reg-index")));
        RunOutcome rerun = engine.migrate(plan, run, homes, afterTheScript, new Engine.Options(false, Set.of()));

        assertThat(confirmed.completed())
                .as(String.join("\n", confirmed.lines()))
                .isTrue();
        assertThat(rerun.completed())
                .as("the journal keeps the confirmation for later reruns")
                .isTrue();
    }

    @Test
    void aStalePlanIsRefusedNamingTheChangeAndNothingIsWritten() throws Exception {
        String newHash = TreeHash.of(homes.newHome());
        String file = "repository/conf/carbon.xml"; // no step of the plan changes it
        Fingerprint other = Fingerprint.of(
                new Facts(List.of(new FileContent(Role.NEW, file, "abc", SourceRef.file(Role.NEW, file)))),
                "rules",
                "test");
        Preflight changed =
                () -> new Preflight.Snapshot(new Facts(List.of()), other, List.of(), new DatasourceSpecs(List.of()));

        assertThatThrownBy(() -> engine.migrate(plan(), run, homes, changed, new Engine.Options(false, Set.of())))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("stale")
                .hasMessageContaining("NEW:repository/conf/carbon.xml")
                .hasMessageContaining("Nothing was changed");
        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
        assertThat(intents()).isZero();
        assertThat(run.lock()).doesNotExist();
        assertThat(run.runJson())
                .as("a refused first start does not bind the folder to this plan")
                .doesNotExist();
    }

    @Test
    void aDryRunShowsTheTomlDiffAndTheFilesWithSecretsMaskedAndWritesNothing() throws Exception {
        String oldHash = TreeHash.of(homes.oldHome());
        String newHash = TreeHash.of(homes.newHome());

        RunOutcome preview = engine.dryRun(plan(), run, homes, CURRENT);

        assertThat(String.join("\n", preview.lines()))
                .contains("+re_indexing = 1")
                .contains("create NEW:" + SYNAPSE + "/api/Custom.xml")
                .contains("keep NEW:" + SYNAPSE + "/sequences/main.xml (excluded)")
                .contains("delete NEW:solr/data/index.bin")
                .contains("by hand: restart; command: sh wso2server.sh")
                .contains("password = \"****\"")
                .doesNotContain("wso2carbon");
        assertThat(TreeHash.of(homes.oldHome())).isEqualTo(oldHash);
        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void anOpenBlockerIsRefusedNamingItAndNothingIsWritten() throws Exception {
        String newHash = TreeHash.of(homes.newHome());
        ConditionResult blocker = new ConditionResult(
                ConditionCatalogue.load().get("KEY-PASSWORD-MISMATCH"),
                Status.APPLIES,
                Severity.BLOCKER,
                List.of("wso2carbon.jks does not open with the configured password."),
                List.of(),
                List.of("KEY-PASSWORD-MISMATCH rule"));
        Preflight blocked = () ->
                new Preflight.Snapshot(new Facts(List.of()), PRINT, List.of(blocker), new DatasourceSpecs(List.of()));

        assertThatThrownBy(() -> engine.migrate(plan(), run, homes, blocked, new Engine.Options(false, Set.of())))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("KEY-PASSWORD-MISMATCH")
                .hasMessageContaining("does not open")
                .hasMessageContaining("Nothing was changed");
        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
        assertThat(intents()).isZero();
    }

    @Test
    void anUndecidedBlockerIsRefusedLikeOneThatAppliesNamingWhatSettlesIt() throws Exception {
        String newHash = TreeHash.of(homes.newHome());
        ConditionResult undecided = new ConditionResult(
                ConditionCatalogue.load().get("ANA-PK-KEY-LENGTH"),
                Status.UNKNOWN,
                Severity.BLOCKER,
                List.of(
                        "The analytics database is not configured (give the 3.0.0"
                                + " analytics home with --old-analytics, whose worker deployment.yaml names APIM_ANALYTICS_DB)."),
                List.of(),
                List.of("ANA-PK-KEY-LENGTH rule"));
        Preflight blocked = () ->
                new Preflight.Snapshot(new Facts(List.of()), PRINT, List.of(undecided), new DatasourceSpecs(List.of()));

        assertThatThrownBy(() -> engine.migrate(plan(), run, homes, blocked, new Engine.Options(false, Set.of())))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining(
                        "ANA-PK-KEY-LENGTH (UNDECIDED: no rule could decide it; settled by --old-analytics)")
                .hasMessageContaining("Nothing was changed");
        assertThat(TreeHash.of(homes.newHome())).isEqualTo(newHash);
        assertThat(intents()).isZero();
    }

    @Test
    void aConfirmedServerStartWithNoLogIsNotAcceptedAsDoneItSaysTheStartWroteNoLog() throws Exception {
        Files.delete(homes.newHome().resolve(ManualStepChecks.LOG));

        RunOutcome checked =
                engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of("apim-client")));

        assertThat(checked.completed()).isFalse();
        assertThat(checked.toContinue())
                .startsWith("CHECK FAILED after apim-client")
                .contains("NEW:repository/logs/wso2carbon.log does not exist: the server start this step asks for"
                        + " wrote no log");
        assertThat(Journal.open(run.journal()).completed("apim-client")).isFalse();
    }

    @Test
    void aServerStartIsDoneOnlyWhenTheLogSinceTheStepStartedShowsTheCarbonStartLine() throws Exception {
        RunOutcome paused = engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of()));
        assertThat(paused.stoppedAt()).isEqualTo("apim-client");
        assertThat(paused.toContinue()).contains("'WSO2 Carbon started in ...'");

        RunOutcome nothingWritten =
                engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of("apim-client")));

        assertThat(nothingWritten.completed())
                .as("the earlier start in the log is not this step's")
                .isFalse();
        assertThat(nothingWritten.toContinue()).contains("no 'WSO2 Carbon started in' line");
    }

    @Test
    void aRedoThatWritesACleanStartClearsTheErrorAnEarlierCheckFound() throws Exception {
        engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of()));
        Files.writeString(
                homes.newHome().resolve(ManualStepChecks.LOG),
                "[2026-11-25 10:01:00,000] ERROR" + " {org.wso2.carbon.apimgt.migration} - the first try failed\n"
                        + STARTED,
                java.nio.file.StandardOpenOption.APPEND);
        RunOutcome failed =
                engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of("apim-client")));
        assertThat(failed.toContinue()).contains("the first try failed");

        startedAgain();
        RunOutcome redone =
                engine.migrate(migrationRun(), run, homes, CURRENT, new Engine.Options(false, Set.of("apim-client")));

        assertThat(redone.completed()).as(redone.toContinue()).isTrue();
        assertThat(Journal.open(run.journal()).completed("apim-client")).isTrue();
    }

    private static MigrationPlan tenantLoader() {
        String jar = "repository/components/dropins/tenantloader-1.0.jar";
        return new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(
                        step(
                                "loader-in",
                                "CopyFile",
                                jar,
                                Map.of("from", "tenantloader-1.0.jar", "when", "before re-indexing"),
                                true),
                        step(
                                "reindex-start",
                                "ManualStep",
                                "new-home",
                                Map.of("step", "start to re-index", "command", "sh wso2server.sh"),
                                false),
                        step("loader-out", "DeletePath", jar, Map.of("when", "after the re-indexing start"), true)));
    }

    @Test
    void theTenantLoaderCopyWithoutTheJarStopsSayingWhichFileItNeedsAndADoneWithoutTheJarThereIsRefused()
            throws Exception {
        RunOutcome stopped = engine.migrate(tenantLoader(), run, homes, CURRENT, new Engine.Options(false, Set.of()));

        assertThat(stopped.stoppedAt()).isEqualTo("loader-in");
        assertThat(stopped.toContinue())
                .contains("this step needs tenantloader-1.0.jar, which apim-upgrade does not"
                        + " ship: give it with --file tenantloader-1.0.jar=<path> or, in the --answers file, migrate: files:"
                        + " tenantloader: <path>");

        RunOutcome confirmed =
                engine.migrate(tenantLoader(), run, homes, CURRENT, new Engine.Options(false, Set.of("loader-in")));

        assertThat(confirmed.completed()).isFalse();
        assertThat(confirmed.toContinue())
                .startsWith("CHECK FAILED after loader-in")
                .contains("NEW:repository/components/dropins/tenantloader-1.0.jar is missing");
        assertThat(Journal.open(run.journal()).completed("loader-in")).isFalse();
    }

    @Test
    void withTheTenantLoaderJarGivenItsCopyAndItsRemovalAfterTheReindexingStartRunAsAutomated() throws Exception {
        Path jar = Files.writeString(
                Files.createDirectories(tmp.resolve("downloads")).resolve("tenantloader-1.0.jar"), "loader");
        Engine.Options given = new Engine.Options(
                false,
                Map.of(),
                java.util.Optional.empty(),
                Progress.NONE,
                new SuppliedFiles(Map.of("tenantloader", jar)));

        RunOutcome first = engine.migrate(tenantLoader(), run, homes, CURRENT, given);

        assertThat(first.stoppedAt()).as("only the start is the operator's").isEqualTo("reindex-start");
        assertThat(homes.newHome().resolve("repository/components/dropins/tenantloader-1.0.jar"))
                .hasContent("loader");
        startedAgain();
        RunOutcome done = engine.migrate(
                tenantLoader(),
                run,
                homes,
                CURRENT,
                new Engine.Options(
                        false,
                        Map.of("reindex-start", "--confirm"),
                        java.util.Optional.empty(),
                        Progress.NONE,
                        new SuppliedFiles(Map.of("tenantloader-1.0.jar", jar))));

        assertThat(done.completed()).as(done.toContinue()).isTrue();
        assertThat(done.lines()).contains("loader-out: done");
        assertThat(homes.newHome().resolve("repository/components/dropins/tenantloader-1.0.jar"))
                .doesNotExist();

        long intents = intents();
        RunOutcome again = engine.migrate(tenantLoader(), run, homes, CURRENT, given);
        assertThat(again.completed()).isTrue();
        assertThat(again.lines())
                .as("nothing runs twice")
                .contains(
                        "loader-in: done earlier; loader-out changed its" + " target afterwards, as the plan says",
                        "loader-out: done earlier, still holds");
        assertThat(intents()).isEqualTo(intents);
    }

    @Test
    void aCopiedFileThatALaterManualStepChangesIsNotCopiedAgainSoTheOperatorsChangeStays() throws Exception {
        String trust = "repository/resources/security/my-truststore.jks";
        Files.createDirectories(homes.oldHome().resolve(trust).getParent());
        Files.writeString(homes.oldHome().resolve(trust), "old truststore");
        MigrationPlan plan = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(
                        step("copy-trust", "CopyFile", trust, Map.of("from", "OLD:" + trust), true),
                        step(
                                "import-42crunch",
                                "ManualStep",
                                trust,
                                Map.of("step", "import the 42Crunch certificate"),
                                false)));
        RunOutcome stopped = engine.migrate(plan, run, homes, CURRENT, new Engine.Options(false, Set.of()));
        assertThat(stopped.stoppedAt()).isEqualTo("import-42crunch");

        // KEY-42CRUNCH-CERT: the operator imports the certificate into the copied truststore, then confirms
        Files.writeString(homes.newHome().resolve(trust), "old truststore + 42crunch");
        RunOutcome done =
                engine.migrate(plan, run, homes, CURRENT, new Engine.Options(false, Set.of("import-42crunch")));

        assertThat(done.completed()).as(done.toContinue()).isTrue();
        assertThat(done.lines())
                .contains("copy-trust: done earlier; import-42crunch changed its target afterwards,"
                        + " as the plan says");
        assertThat(homes.newHome().resolve(trust)).hasContent("old truststore + 42crunch");
    }
}
