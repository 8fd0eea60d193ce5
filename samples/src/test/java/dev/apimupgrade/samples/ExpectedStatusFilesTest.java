package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expected-status files as a baseline plus differences (ADR 0042): the baseline mirrors the catalogue, every
 * difference is one that changes something and says why, and golden.update writes the fewest differences.
 */
class ExpectedStatusFilesTest {
    private static final String BASELINE =
            "# usual statuses\nA-ONE APPLIES  # always\nB-TWO NOT_APPLICABLE\nC-THREE" + " NOT_APPLICABLE\n";

    @TempDir
    Path dir;

    /** Every name a test resolves: the assessed samples, the analytics variant and each scenario. */
    static List<String> names() {
        List<String> names = new ArrayList<>(Samples.ASSESSED);
        names.add(Samples.CUSTOM_WITH_ANALYTICS);
        Stream.of(Scenario.values())
                .map(Scenario::expectedName)
                .filter(n -> !names.contains(n))
                .forEach(names::add);
        return names;
    }

    @Test
    void theBaselineListsEveryCatalogueConditionOnceInCatalogueOrderAndNothingElse() {
        List<String> ids =
                ConditionCatalogue.load().all().stream().map(Condition::id).toList();

        assertThat(ExpectedStatuses.onClasspath()
                        .resolve(ExpectedStatuses.BASELINE)
                        .keySet())
                .as("baseline.status against the catalogue")
                .containsExactlyElementsOf(ids);
    }

    @Test
    void everyFileInTheFolderIsTheBaselineOrOneATestResolvesAndEachResolvesToEveryCatalogueCondition()
            throws IOException {
        List<String> ids =
                ConditionCatalogue.load().all().stream().map(Condition::id).toList();
        List<String> files;
        try (Stream<Path> s = Files.list(ExpectedStatuses.sourceDir())) {
            files = s.map(p -> p.getFileName().toString().replaceFirst("\\.status$", ""))
                    .sorted()
                    .toList();
        }
        List<String> expected = new ArrayList<>(names());
        expected.add(ExpectedStatuses.BASELINE);

        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
        for (String name : names()) {
            assertThat(Samples.expectedStatuses(name).keySet()).as(name).containsExactlyElementsOf(ids);
        }
    }

    @Test
    void noDifferenceStillCarriesTheReasonGoldenUpdateLeavesForAPersonToWrite() {
        ExpectedStatuses files = ExpectedStatuses.onClasspath();
        for (String name : names()) {
            assertThat(files.file(name).lines())
                    .as("expected/%s.status: replace '%s' with why", name, ExpectedStatuses.REASON_TO_WRITE)
                    .noneMatch(l -> l.reason().equals(ExpectedStatuses.REASON_TO_WRITE));
        }
    }

    @Test
    void everyFileIsAlreadyInTheFormGoldenUpdateWritesSoAnUpdateWithTheSameStatusesChangesNothing() throws IOException {
        Path source = ExpectedStatuses.sourceDir();
        for (String name : names()) {
            Files.copy(source.resolve(name + ".status"), dir.resolve(name + ".status"));
        }
        Files.copy(source.resolve("baseline.status"), dir.resolve("baseline.status"));
        for (String name : names()) {
            ExpectedStatuses.update(dir, name, Samples.expectedStatuses(name));
        }

        for (String name : names()) {
            assertThat(dir.resolve(name + ".status"))
                    .as(name)
                    .hasSameTextualContentAs(source.resolve(name + ".status"));
        }
        assertThat(dir.resolve("baseline.status")).hasSameTextualContentAs(source.resolve("baseline.status"));
    }

    @Test
    void aScenarioResolvesToTheBaselineWithItsDifferencesAndAnExtendingFileToItsParentsWithItsOwn() throws IOException {
        write("baseline", BASELINE);
        write("s", "# s\nB-TWO APPLIES  # s turns it on\n");
        write("t", "extends s\nC-THREE UNKNOWN  # t cannot tell\n");

        ExpectedStatuses files = ExpectedStatuses.in(dir);

        assertThat(files.resolve("s"))
                .containsExactly(
                        Map.entry("A-ONE", "APPLIES"),
                        Map.entry("B-TWO", "APPLIES"),
                        Map.entry("C-THREE", "NOT_APPLICABLE"));
        assertThat(files.resolve("t"))
                .containsExactly(
                        Map.entry("A-ONE", "APPLIES"), Map.entry("B-TWO", "APPLIES"), Map.entry("C-THREE", "UNKNOWN"));
    }

    @Test
    void aDifferenceNamingAConditionTheBaselineLacksFailsWithTheFileAndLine() throws IOException {
        write("baseline", BASELINE);
        write("s", "# s\nZ-GONE APPLIES  # renamed in the catalogue\n");

        assertThatThrownBy(() -> ExpectedStatuses.in(dir).resolve("s"))
                .hasMessageContaining("s.status line 2: Z-GONE is not a condition of baseline.status");
    }

    @Test
    void aDifferenceSayingWhatItsParentAlreadySaysFailsAsRedundant() throws IOException {
        write("baseline", BASELINE);
        write("s", "B-TWO APPLIES  # on\n");
        write("t", "extends s\nB-TWO APPLIES  # on here too\n");
        write("u", "A-ONE APPLIES  # as ever\n");

        assertThatThrownBy(() -> ExpectedStatuses.in(dir).resolve("t"))
                .hasMessageContaining("t.status line 2: B-TWO APPLIES repeats what s.status already says");
        assertThatThrownBy(() -> ExpectedStatuses.in(dir).resolve("u"))
                .hasMessageContaining("u.status line 1: A-ONE APPLIES repeats what baseline.status already says");
    }

    @Test
    void aDifferenceWithoutItsReasonAStatusNoReportHoldsARepeatedIdAndALoopEachFailWithTheFile() throws IOException {
        write("baseline", BASELINE);
        write("bare", "B-TWO APPLIES\n");
        write("odd", "B-TWO MAYBE  # unsure\n");
        write("twice", "B-TWO APPLIES  # on\nB-TWO UNKNOWN  # or not\n");
        write("loop", "extends loop\nB-TWO APPLIES  # on\n");
        ExpectedStatuses files = ExpectedStatuses.in(dir);

        assertThatThrownBy(() -> files.resolve("bare"))
                .hasMessageContaining("bare.status line 1: B-TWO APPLIES says no reason");
        assertThatThrownBy(() -> files.resolve("odd")).hasMessageContaining("odd.status line 1: MAYBE is not one of");
        assertThatThrownBy(() -> files.resolve("twice"))
                .hasMessageContaining("twice.status line 2: B-TWO is listed twice");
        assertThatThrownBy(() -> files.resolve("loop")).hasMessageContaining("loop.status extends itself");
        assertThatThrownBy(() -> files.resolve("none")).hasMessageContaining("none.status is missing");
    }

    @Test
    void updateWritesTheFewestDifferencesKeepingReasonsAndAddsANewConditionToTheBaselineAsNotApplicable()
            throws IOException {
        write("baseline", BASELINE);
        write("s", "# s: what it is\nA-ONE NOT_APPLICABLE  # s turns it off\nB-TWO APPLIES  # s turns it on\n");
        Map<String, String> actual = new LinkedHashMap<>();
        actual.put("A-ONE", "NOT_APPLICABLE"); // kept, with its reason
        actual.put("B-TWO", "NOT_APPLICABLE"); // now as in the baseline: the line goes
        actual.put("C-THREE", "UNKNOWN"); // a new difference
        actual.put("D-NEW", "APPLIES"); // a condition new to the catalogue

        ExpectedStatuses.update(dir, "s", actual);

        assertThat(Files.readString(dir.resolve("s.status")))
                .isEqualTo("# s: what it is\nA-ONE NOT_APPLICABLE  # s turns it off\nC-THREE UNKNOWN  # "
                        + ExpectedStatuses.REASON_TO_WRITE + "\nD-NEW APPLIES  # " + ExpectedStatuses.REASON_TO_WRITE
                        + "\n");
        assertThat(Files.readString(dir.resolve("baseline.status"))).isEqualTo(BASELINE + "D-NEW NOT_APPLICABLE\n");
        assertThat(ExpectedStatuses.in(dir).resolve("s")).isEqualTo(actual);
    }

    @Test
    void updateOfAnExtendingFileStatesOnlyWhatDiffersFromItsParentAndDropsAConditionTheCatalogueLost()
            throws IOException {
        write("baseline", BASELINE);
        write("s", "B-TWO APPLIES  # on\n");
        write("t", "extends s\nC-THREE UNKNOWN  # t cannot tell\n");
        Map<String, String> actual = Map.of("A-ONE", "APPLIES", "B-TWO", "APPLIES");

        ExpectedStatuses.update(dir, "t", new LinkedHashMap<>(new java.util.TreeMap<>(actual)));

        assertThat(Files.readString(dir.resolve("t.status"))).isEqualTo("extends s\n");
        assertThat(Files.readString(dir.resolve("baseline.status")))
                .isEqualTo("# usual statuses\nA-ONE APPLIES  # always\nB-TWO NOT_APPLICABLE\n");
        assertThat(ExpectedStatuses.in(dir).resolve("t")).isEqualTo(actual);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name + ".status"), text);
    }
}
