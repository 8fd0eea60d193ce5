package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.execute.Journal;
import dev.apimupgrade.execute.JournalRecord;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.scan.FileDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan and a journal are what the tool wrote: a forged or edited plan.json (its MAC recomputed the way a plain
 * hash would be), an edited, emptied or garbage journal, and a path that leaves its home in either, are bad input
 * (exit 2) naming the file, and nothing in the homes changes; rollback never claims a state it cannot bring back.
 */
class ForgedPlanAndJournalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ESCAPE = "../../old/repository/conf/registry.xml";
    private static final String KEYSTORES = "KEY-COPY-KEYSTORES";

    @TempDir
    Path tmp;

    private MigrateHomes homes;
    private String oldBefore;
    private String newBefore;

    private void prepare() throws Exception {
        homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        oldBefore = MigrateHomes.treeHash(homes.oldHome());
        newBefore = MigrateHomes.treeHash(homes.newHome());
    }

    private void assertHomesUnchanged() throws Exception {
        assertThat(MigrateHomes.treeHash(homes.oldHome())).as("old home").isEqualTo(oldBefore);
        assertThat(MigrateHomes.treeHash(homes.newHome())).as("new home").isEqualTo(newBefore);
    }

    /** Edits plan.json as text-level JSON and "re-seals" it the way one would a plain hash: SHA-256 of each part. */
    private void forge(java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode plan = (ObjectNode) JSON.readTree(homes.planFile().toFile());
        ObjectNode mac = (ObjectNode) plan.remove("mac");
        edit.accept(plan);
        plan.fields().forEachRemaining(f -> mac.put(f.getKey(), sha256(f.getValue())));
        mac.put("plan", sha256(plan));
        plan.set("mac", mac);
        Files.writeString(
                homes.planFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan));
    }

    private static String sha256(JsonNode node) {
        return FileDigest.sha256(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    private CliRun migrate() throws Exception {
        return CliRun.of(homes.migrateArgs(tmp.resolve("run")).toArray(String[]::new));
    }

    @Test
    void anEditedStepWhoseHashesWereRecomputedIsRefusedAsBadInputNamingPlanJsonAndTheSteps() throws Exception {
        prepare();
        List<String> args = homes.migrateArgs(tmp.resolve("run"));
        forge(plan -> {
            for (JsonNode step : (ArrayNode) plan.get("steps")) {
                if (step.get("id").asText().startsWith(KEYSTORES)) {
                    ((ObjectNode) step).put("target", ESCAPE);
                }
            }
        });

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .contains(homes.planFile().toString())
                .contains("steps")
                .contains("changed after apim-upgrade made it")
                .doesNotContain("internal error");
        assertHomesUnchanged();
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void aFingerprintOfZerosIsRefusedAsBadInputNamingPlanJsonAndTheFingerprint() throws Exception {
        prepare();
        List<String> args = homes.migrateArgs(tmp.resolve("run"));
        forge(plan -> ((ObjectNode) plan.get("fingerprint")).put("sha256", "0".repeat(64)));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(homes.planFile().toString()).contains("fingerprint");
        assertHomesUnchanged();
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void aPlanTargetThatClimbsOutOfTheNewHomeIsBadInputEvenWithAValidMac() throws Exception {
        prepare();
        List<String> args = homes.migrateArgs(tmp.resolve("run"));
        resave(step -> step.id().startsWith(KEYSTORES) ? retarget(step, ESCAPE) : step);

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .contains(homes.planFile().toString())
                .contains(ESCAPE)
                .contains("'..'");
        assertHomesUnchanged();
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void aPlanTargetInAFolderLinkedOutOfTheNewHomeIsBadInputAndNothingIsWrittenOutside() throws Exception {
        prepare();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path security = homes.newHome().resolve("repository/resources/security");
        MigrateHomes.copyTree(security, outside);
        MigrateHomes.delete(security);
        Files.createSymbolicLink(security, outside);
        String outsideBefore = MigrateHomes.treeHash(outside);

        CliRun run = migrate();

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(homes.planFile().toString()).contains("symbolic link");
        assertThat(MigrateHomes.treeHash(outside)).isEqualTo(outsideBefore);
    }

    private void resave(java.util.function.UnaryOperator<PlanStep> change) throws Exception {
        MigrationPlan plan = homes.plan();
        List<PlanStep> steps = new ArrayList<>(plan.steps().stream().map(change).toList());
        PlanJson.save(
                homes.planFile(),
                new MigrationPlan(plan.toolVersion(), plan.rulePackHash(), plan.fingerprint(), steps));
    }

    private static PlanStep retarget(PlanStep s, String target) {
        return new PlanStep(
                s.id(),
                s.conditionId(),
                s.kind(),
                target,
                s.params(),
                s.automated(),
                s.nodes(),
                s.guideStep(),
                s.guideLink(),
                s.postCondition(),
                s.why(),
                s.evidence());
    }

    /** A completed run of the default sample, its homes' hashes after it, for the journal cases. */
    private Path migrated() throws Exception {
        prepare();
        CliRun run = migrate();
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.READY);
        oldBefore = MigrateHomes.treeHash(homes.oldHome());
        newBefore = MigrateHomes.treeHash(homes.newHome());
        return tmp.resolve("run");
    }

    private CliRun rollback(Path run) {
        return CliRun.of("rollback", "--run", run.toString());
    }

    @Test
    void rollbackRefusesAJournalWithAnEditedRecordNamingTheFileAndLineAndChangesNothing() throws Exception {
        Path run = migrated();
        Path journal = run.resolve("journal.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        int backup = indexOf(lines, "\"sha256\":\"");
        // another digest of the same shape: the record still reads, only its MAC tells the edit
        String edited =
                lines.get(backup).replaceFirst("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"" + "0".repeat(64) + "\"");
        assertThat(edited).isNotEqualTo(lines.get(backup));
        lines.set(backup, edited);
        Files.write(journal, lines);

        CliRun rollback = rollback(run);

        assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rollback.err()).contains(journal + ":" + (backup + 1)).contains("does not match its MAC");
        assertThat(rollback.out()).doesNotContain("Rolled back");
        assertHomesUnchanged();

        CliRun resume = migrate();
        assertThat(resume.code()).as("migrate refuses it too: %s", resume.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertHomesUnchanged();
    }

    @Test
    void rollbackRefusesAnEmptiedJournalWhileBackupsShowTheRunChangedFiles() throws Exception {
        Path run = migrated();
        Path journal = run.resolve("journal.jsonl");
        Files.write(journal, new byte[0]);

        CliRun cut = rollback(run);
        assertThat(cut.code()).as(cut.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cut.err()).contains(journal.toString()).contains("cut off its end");

        Files.delete(run.resolve("journal.head"));
        CliRun headless = rollback(run);
        assertThat(headless.code()).as(headless.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(headless.err()).contains("records less than the backups show");

        Files.delete(run.resolve("run.key"));
        CliRun keyless = rollback(run);
        assertThat(keyless.code()).as(keyless.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(keyless.err()).contains("run.key");

        for (CliRun r : List.of(cut, headless, keyless)) {
            assertThat(r.out()).doesNotContain("every file the run changed is as it was");
        }
        assertHomesUnchanged();
    }

    @Test
    void rollbackRefusesAJournalOfRandomBytesAsBadInputNotAnInternalError() throws Exception {
        Path run = migrated();
        byte[] noise = new byte[4096];
        new Random(14).nextBytes(noise);
        Files.write(run.resolve("journal.jsonl"), noise);

        CliRun rollback = rollback(run);

        assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rollback.err())
                .contains(run.resolve("journal.jsonl").toString())
                .doesNotContain("internal error");
        assertHomesUnchanged();
    }

    @Test
    void aJournalRecordWhoseBackupPathLeavesTheHomeIsBadInputNamingItEvenWithAValidMac() throws Exception {
        Path run = migrated();
        Journal journal = Journal.open(run.resolve("journal.jsonl"));
        journal.append(JournalRecord.backup("forged", "NEW:../../outside/evil.xml", false, false, null));

        CliRun rollback = rollback(run);

        assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rollback.err())
                .contains("journal.jsonl:")
                .contains("NEW:../../outside/evil.xml")
                .contains("'..'")
                .doesNotContain("internal error");
        assertHomesUnchanged();
    }

    @Test
    void aSavedPathThatNowLeadsOutOfTheHomeThroughALinkIsBadInputBeforeAnythingIsRestored() throws Exception {
        Path run = migrated();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path security = homes.newHome().resolve("repository/resources/security");
        MigrateHomes.copyTree(security, outside);
        MigrateHomes.delete(security);
        Files.createSymbolicLink(security, outside);
        String outsideBefore = MigrateHomes.treeHash(outside);
        String oldNow = MigrateHomes.treeHash(homes.oldHome());

        CliRun rollback = rollback(run);

        assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rollback.err()).contains("journal.jsonl").contains("symbolic link");
        assertThat(MigrateHomes.treeHash(outside)).isEqualTo(outsideBefore);
        assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldNow);
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new AssertionError("no line holds " + needle);
    }
}
