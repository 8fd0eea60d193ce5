package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.plan.MacKey;
import dev.apimupgrade.scan.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines as the single nullable JournalRecord before ADR 0049 wrote them (printed by that code: one of each kind, two of
 * format 1 without formatVersion): each reads as its record type and is written back byte for byte, so the MAC of
 * every record of an older run still verifies and the run resumes.
 */
class JournalFormatTest {
    private static final String T = "\"time\":\"2026-11-25T10:00:00Z\"";
    private static final List<String> WRITTEN_BEFORE = List.of(
            "{\"formatVersion\":1," + T + ",\"type\":\"intent\",\"step\":\"sql-reg-index\","
                    + "\"detail\":\"RunSqlScript apim_db\"}",
            "{\"formatVersion\":1," + T + ",\"type\":\"outcome\",\"step\":\"sql-reg-index\","
                    + "\"status\":\"already-done\",\"detail\":\"REG_LOG holds no row\"}",
            "{\"formatVersion\":1," + T + ",\"type\":\"backup\",\"step\":\"jar\","
                    + "\"path\":\"NEW:repository/components/lib/x.jar\",\"existed\":true,\"directory\":false,"
                    + "\"sha256\":\"" + "0f".repeat(32) + "\"}",
            "{\"formatVersion\":1," + T + ",\"type\":\"backup\",\"step\":\"synapse\","
                    + "\"path\":\"NEW:repository/deployment/server/synapse-configs\",\"existed\":true,"
                    + "\"directory\":true}",
            "{\"formatVersion\":1," + T + ",\"type\":\"backup\",\"step\":\"jar\","
                    + "\"path\":\"NEW:repository/components/dropins/y.jar\",\"existed\":false,\"directory\":false}",
            "{\"formatVersion\":1," + T + ",\"type\":\"snapshot\",\"step\":\"sql-h2\","
                    + "\"path\":\"OLD:repository/database/WSO2AM_DB.mv.db\",\"existed\":true,\"directory\":false,"
                    + "\"sha256\":\"" + "1e".repeat(32)
                    + "\",\"detail\":\"AM_SYSTEM_APPS_NAME_CONSTRAINT=CONSTRAINT_9\\n\"}",
            "{\"formatVersion\":1," + T + ",\"type\":\"export\",\"step\":\"sql-scope\","
                    + "\"path\":\"exports/sql-scope/IDN_OAUTH2_SCOPE_BINDING.jsonl\",\"existed\":true,"
                    + "\"directory\":false,\"sha256\":\"" + "2d".repeat(32) + "\",\"detail\":\"2 row(s)\"}",
            "{\"formatVersion\":1," + T + ",\"type\":\"pause\",\"step\":\"manual-start\","
                    + "\"path\":\"NEW:repository/logs/wso2carbon.log\",\"detail\":\"48213\"}",
            "{\"formatVersion\":1," + T + ",\"type\":\"note\",\"status\":\"run-start\","
                    + "\"detail\":\"12 step(s), plan " + "3c".repeat(32) + "\"}",
            "{" + T + ",\"type\":\"outcome\",\"step\":\"manual\",\"status\":\"confirmed\","
                    + "\"detail\":\"the operator confirmed (--confirm): restart\"}",
            "{" + T + ",\"type\":\"note\",\"status\":\"lock-taken-over\",\"detail\":\"taken over: pid 4242\"}");

    @TempDir
    Path dir;

    @Test
    void eachKindOfLineAnOlderVersionWroteReadsAsItsRecordTypeAndIsWrittenBackByteForByte() throws Exception {
        Path file = chained(WRITTEN_BEFORE);

        List<JournalRecord> records = Journal.open(file).records();

        assertThat(records)
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly(
                        "Intent",
                        "Outcome",
                        "Backup",
                        "Backup",
                        "Backup",
                        "Snapshot",
                        "Export",
                        "Pause",
                        "Note",
                        "Outcome",
                        "Note");
        List<String> again = new ArrayList<>();
        for (JournalRecord r : records) {
            again.add(Journal.canonical(r));
        }
        assertThat(again).containsExactlyElementsOf(WRITTEN_BEFORE);
    }

    @Test
    void theFieldsAnOlderVersionWroteAsTextReadTyped() throws Exception {
        List<JournalRecord> records = Journal.open(chained(WRITTEN_BEFORE)).records();

        assertThat(((JournalRecord.Intent) records.get(0)).scriptDatabase()).contains("apim_db");
        assertThat(((JournalRecord.Outcome) records.get(1)).status()).isEqualTo(JournalRecord.Status.ALREADY_DONE);
        assertThat(((JournalRecord.Backup) records.get(2)).savedFile()).isTrue();
        assertThat(((JournalRecord.Backup) records.get(3)).directory()).isTrue();
        assertThat(((JournalRecord.Backup) records.get(4)).existed()).isFalse();
        assertThat(((JournalRecord.Snapshot) records.get(5)).identifierMap())
                .isEqualTo(Map.of("AM_SYSTEM_APPS_NAME_CONSTRAINT", "CONSTRAINT_9"));
        assertThat(((JournalRecord.Pause) records.get(7)).logOffset()).isEqualTo(48213L);
        assertThat(((JournalRecord.Note) records.get(8)).event()).isEqualTo(JournalRecord.Event.RUN_START);
        assertThat(records.get(9).formatVersion()).isNull();
        assertThat(((JournalRecord.Outcome) records.get(9)).completes()).isTrue();
        assertThat(((JournalRecord.Note) records.get(10)).event()).isEqualTo(JournalRecord.Event.LOCK_TAKEN_OVER);
    }

    @Test
    void aJournalAnOlderVersionWroteResumesWithNewRecordsChainedAfterItsOwn() throws Exception {
        Path file = chained(WRITTEN_BEFORE);
        byte[] before = Files.readAllBytes(file);

        Journal.open(file).append(JournalRecord.outcome("sql-reg-index", JournalRecord.Status.DONE, "x"));

        Journal reopened = Journal.open(file);
        assertThat(reopened.records()).hasSize(WRITTEN_BEFORE.size() + 1);
        assertThat(reopened.completed("sql-reg-index")).isTrue();
        assertThat(reopened.saved("NEW:repository/components/dropins/y.jar")).isTrue();
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
                .startsWith(new String(before, StandardCharsets.UTF_8));
    }

    @Test
    void aFieldItsKindOfRecordDoesNotHaveIsBadInputNamingTheLineEvenWithAValidMac() throws Exception {
        Path file = chained(List.of(
                WRITTEN_BEFORE.get(0),
                "{\"formatVersion\":1," + T + ",\"type\":\"outcome\",\"step\":\"A\",\"status\":\"done\","
                        + "\"path\":\"NEW:repository/conf/x\",\"detail\":\"x\"}"));

        assertThatThrownBy(() -> Journal.open(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("path")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void aBackupOfAFileThatDidNotExistButHasADigestIsBadInputInTheRecordsOwnWordsEvenWithAValidMac() throws Exception {
        Path file = chained(
                List.of(WRITTEN_BEFORE.get(0), WRITTEN_BEFORE.get(2).replace("\"existed\":true", "\"existed\":false")));

        assertThatThrownBy(() -> Journal.open(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is not a journal record: a backup has a SHA-256 exactly when it saved a file")
                .hasMessageNotContaining("JournalRecord$Backup")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void anOutcomeStatusOrNoteEventThisVersionDoesNotKnowIsBadInputNamingTheLine() throws Exception {
        Path status = chained(List.of(WRITTEN_BEFORE.get(1).replace("already-done", "half-done")));
        assertThatThrownBy(() -> Journal.open(status))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("half-done")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(1));

        Files.delete(dir.resolve("run.key"));
        Path event = chained(List.of(WRITTEN_BEFORE.get(8).replace("run-start", "run-paused")));
        assertThatThrownBy(() -> Journal.open(event))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("run-paused");
    }

    /** The lines as a journal with their MACs under a new run key, as the version that wrote them chained them. */
    private Path chained(List<String> canonical) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        MacKey key = MacKey.create(run.key());
        StringBuilder text = new StringBuilder();
        String last = null;
        for (String line : canonical) {
            last = JournalChain.mac(key, last, line);
            text.append(JournalChain.line(line, last)).append('\n');
        }
        Files.writeString(run.journal(), text.toString(), StandardCharsets.UTF_8);
        JournalChain.writeHead(run, key, canonical.size(), last);
        return run.journal();
    }
}
