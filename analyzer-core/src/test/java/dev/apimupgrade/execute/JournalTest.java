package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.scan.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void readingTheJournalBackTellsWhichStepsCompletedAndWhichOnlyStarted() throws Exception {
        Journal journal = Journal.open(dir.resolve("journal.jsonl"));
        journal.append(JournalRecord.intent("A", "CopyFile x"));
        journal.append(JournalRecord.outcome("A", JournalRecord.Status.DONE, "x copied"));
        journal.append(JournalRecord.intent("B", "CopyFile y"));

        Journal again = Journal.open(dir.resolve("journal.jsonl"));
        assertThat(again.records()).hasSize(3);
        assertThat(again.completed("A")).isTrue();
        assertThat(again.completed("B")).isFalse();
        assertThat(Files.readAllLines(dir.resolve("journal.jsonl")))
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).startsWith("{\"formatVersion\":1,\"time\":"));
    }

    @Test
    void recordsWrittenBeforeFormatVersionExistedStillReadAndChainWithNewOnes() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = Journal.open(file);
        // what a journal of the version before formatVersion holds: the same record, without the field
        journal.append(new JournalRecord.Intent(null, "2026-11-25T10:00:00Z", "A", "CopyFile x"));
        assertThat(Files.readAllLines(file).get(0)).startsWith("{\"time\":");

        Journal resumed = Journal.open(file);
        resumed.append(JournalRecord.outcome("A", JournalRecord.Status.DONE, "x copied"));

        assertThat(Journal.open(file).completed("A")).isTrue();
    }

    @Test
    void aRecordOfANewerFormatIsBadInputNamingTheLineAndTheFormat() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = Journal.open(file);
        journal.append(JournalRecord.intent("A", "CopyFile x"));
        journal.append(new JournalRecord.Intent(2, "2026-11-25T10:00:00Z", "B", "x"));

        assertThatThrownBy(() -> Journal.open(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("format 2")
                .hasMessageContaining("newer version")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void eachRecordTypeIsWrittenAsTheWordEarlierVersionsWroteSoTheirJournalsStillVerify() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = Journal.open(file);
        journal.append(JournalRecord.intent("A", "CopyFile x"));
        journal.append(JournalRecord.outcome("A", JournalRecord.Status.DONE, "x copied"));
        journal.append(JournalRecord.backup("A", "NEW:repository/conf/x", true, false, "00"));
        journal.append(JournalRecord.snapshot("A", "OLD:repository/database/X.mv.db", "00", ""));
        journal.append(JournalRecord.export("A", "exports/A/T.jsonl", "00", "1 row(s)"));
        journal.append(JournalRecord.pause("A", "NEW:repository/logs/wso2carbon.log", 0));
        journal.append(JournalRecord.note(JournalRecord.Event.RUN_START, "x"));

        assertThat(Files.readAllLines(file))
                .extracting(l -> l.replaceAll(".*\"type\":\"([a-z]+)\".*", "$1"))
                .containsExactly("intent", "outcome", "backup", "snapshot", "export", "pause", "note");
        assertThat(Journal.open(file).records())
                .extracting(JournalRecord::type)
                .containsExactly(JournalRecord.Type.values());
    }

    @Test
    void aRecordOfATypeThisVersionDoesNotKnowIsBadInputNamingTheLine() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = Journal.open(file);
        journal.append(JournalRecord.intent("A", "CopyFile x"));
        String first = Files.readAllLines(file).get(0);
        Files.writeString(file, first.replace("\"type\":\"intent\"", "\"type\":\"teleport\"") + "\n");

        assertThatThrownBy(() -> Journal.open(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("teleport")
                .satisfies(e -> assertThat(((InputException) e).file()).isEqualTo(file.toString()))
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(1));
    }

    @Test
    void aRecordCutShortByAKillIsIgnoredAndTheNextRecordStartsOnItsOwnLine() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = Journal.open(file);
        journal.append(JournalRecord.intent("A", "CopyFile x"));
        Files.writeString(file, "{\"time\":\"2026-11-25T10:00:00Z\",\"type\":\"outc", StandardOpenOption.APPEND);

        Journal resumed = Journal.open(file);
        assertThat(resumed.records()).hasSize(1);
        assertThat(resumed.completed("A")).isFalse();
        resumed.append(JournalRecord.outcome("A", JournalRecord.Status.DONE, "x copied"));
        assertThat(Journal.open(file).completed("A")).isTrue();
    }

    @Test
    void aStepSupersededByAnAdoptedPlanIsNoLongerCompletedUntilItIsDoneAgain() throws Exception {
        Journal journal = Journal.open(dir.resolve("journal.jsonl"));
        journal.append(JournalRecord.outcome("A", JournalRecord.Status.DONE, "x copied"));
        journal.append(JournalRecord.outcome("A", JournalRecord.Status.SUPERSEDED, "the adopted plan changes it"));
        assertThat(Journal.open(dir.resolve("journal.jsonl")).completed("A")).isFalse();

        journal.append(JournalRecord.outcome("A", JournalRecord.Status.DONE, "x copied as the new plan says"));
        assertThat(Journal.open(dir.resolve("journal.jsonl")).completed("A")).isTrue();
    }

    @Test
    void anEmptyOrAbsentJournalHasNoRecords() throws Exception {
        assertThat(Journal.open(dir.resolve("none.jsonl")).records()).isEmpty();
    }

    @Test
    void aHeadOneRecordBehindTheJournalIsAcceptedAsAKillBetweenTheFlushAndTheHeadsRename() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = Journal.open(file);
        journal.append(JournalRecord.intent("A", "CopyFile x"));
        byte[] head = Files.readAllBytes(dir.resolve("journal.head"));
        journal.append(JournalRecord.outcome("A", JournalRecord.Status.DONE, "x copied"));
        Files.write(dir.resolve("journal.head"), head);

        assertThat(Journal.open(file).completed("A")).isTrue();
    }

    @Test
    void recordsCutOffTheEndReorderedOrEditedAreBadInputNamingTheFile() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = Journal.open(file);
        journal.append(JournalRecord.intent("A", "CopyFile x"));
        journal.append(JournalRecord.outcome("A", JournalRecord.Status.DONE, "x copied"));
        List<String> lines = Files.readAllLines(file);

        Files.write(file, List.of(lines.get(0)));
        assertThatThrownBy(() -> Journal.open(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("cut off its end");
        Files.write(file, List.of(lines.get(1), lines.get(0)));
        assertThatThrownBy(() -> Journal.open(file))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(1));
        Files.write(file, List.of(lines.get(0), lines.get(1).replace("x copied", "y copied")));
        assertThatThrownBy(() -> Journal.open(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("does not match its MAC")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void theRunKeyIsTheOwnersAloneAndAppearsInNoRecord() throws Exception {
        Journal journal = Journal.open(dir.resolve("journal.jsonl"));
        journal.append(JournalRecord.intent("A", "CopyFile x"));

        String key = Files.readString(dir.resolve("run.key")).strip();
        assertThat(Files.getPosixFilePermissions(dir.resolve("run.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(dir.resolve("journal.jsonl"))).doesNotContain(key);
        assertThat(Files.readString(dir.resolve("journal.head"))).doesNotContain(key);
    }
}
