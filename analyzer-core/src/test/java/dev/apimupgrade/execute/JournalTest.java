package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void readingTheJournalBackTellsWhichStepsCompletedAndWhichOnlyStarted() throws Exception {
        Journal journal = Journal.open(dir.resolve("journal.jsonl"));
        journal.append(JournalRecord.intent("A", "CopyFile x"));
        journal.append(JournalRecord.outcome("A", JournalRecord.DONE, "x copied"));
        journal.append(JournalRecord.intent("B", "CopyFile y"));

        Journal again = Journal.open(dir.resolve("journal.jsonl"));
        assertThat(again.records()).hasSize(3);
        assertThat(again.completed("A")).isTrue();
        assertThat(again.completed("B")).isFalse();
        assertThat(Files.readAllLines(dir.resolve("journal.jsonl"))).hasSize(3)
                .allSatisfy(l -> assertThat(l).startsWith("{\"time\":"));
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
        resumed.append(JournalRecord.outcome("A", JournalRecord.DONE, "x copied"));
        assertThat(Journal.open(file).completed("A")).isTrue();
    }

    @Test
    void aStepSupersededByAnAdoptedPlanIsNoLongerCompletedUntilItIsDoneAgain() throws Exception {
        Journal journal = Journal.open(dir.resolve("journal.jsonl"));
        journal.append(JournalRecord.outcome("A", JournalRecord.DONE, "x copied"));
        journal.append(JournalRecord.outcome("A", JournalRecord.SUPERSEDED, "the adopted plan changes it"));
        assertThat(Journal.open(dir.resolve("journal.jsonl")).completed("A")).isFalse();

        journal.append(JournalRecord.outcome("A", JournalRecord.DONE, "x copied as the new plan says"));
        assertThat(Journal.open(dir.resolve("journal.jsonl")).completed("A")).isTrue();
    }

    @Test
    void anEmptyOrAbsentJournalHasNoRecords() throws Exception {
        assertThat(Journal.open(dir.resolve("none.jsonl")).records()).isEmpty();
    }
}
