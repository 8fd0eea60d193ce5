package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evidence} end to end over real {@code assess} outputs of the custom sample: a second assess of the same sample
 * stands for an --after folder that is an assessment, and the run folder is a hand-written journal. The bundle of a
 * real plan, migrate and verify is built in VerifyDefaultSampleTest.
 */
class EvidenceEndToEndTest {
    @TempDir
    static Path tmp;

    static Path bundle;
    static CliRun build;

    @BeforeAll
    static void bundleTwoAssessmentsOfTheCustomSampleAndAHandWrittenRun() throws IOException {
        assess(tmp.resolve("before"));
        assess(tmp.resolve("after"));
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(run.resolve("journal.jsonl"), """
                {"action": "REG-VERSIONING-ENABLED/run-cleanup", "outcome": "STARTED", "at": "2026-11-25T10:00:00Z"}
                {"action": "REG-VERSIONING-ENABLED/run-cleanup", "outcome": "DONE", "at": "2026-11-25T10:00:09Z"}
                """);
        bundle = tmp.resolve("bundle");
        build = CliRun.of(
                "evidence",
                "--before",
                tmp.resolve("before").toString(),
                "--run",
                run.toString(),
                "--after",
                tmp.resolve("after").toString(),
                "--out",
                bundle.toString());
    }

    static void assess(Path out) {
        CliRun run = CliRun.withEnvironment(
                AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT,
                "assess",
                "--old",
                Samples.home(Samples.CUSTOM).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                out.toString(),
                "--today",
                "2026-11-25");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aBundleOfAnAssessWithASecondAssessStandingInForTheAfterReportIsBuiltAndChecksClean() {
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(bundle.resolve("before/assessment.json")).exists();
        assertThat(bundle.resolve("after/assessment.html")).exists();

        CliRun folder = CliRun.of("evidence", "--check", bundle.toString());
        CliRun zip = CliRun.of("evidence", "--check", tmp.resolve("bundle.zip").toString());

        assertThat(folder.code()).as(folder.err()).isZero();
        assertThat(folder.out()).contains("every file matches MANIFEST.sha256");
        assertThat(zip.code()).as(zip.err()).isZero();
    }

    @Test
    void theBoardSummaryShowsTheBundledVerdictsTheJournalAndIsInTheManifest() throws IOException {
        String index = Files.readString(bundle.resolve("index.html"));
        String verdict = new ObjectMapper()
                .readTree(bundle.resolve("before/assessment.json").toFile())
                .get("summary")
                .get("verdict")
                .asText();

        assertThat(index)
                .contains("Before the upgrade")
                .contains("<h2>After</h2>")
                .contains(verdict)
                .contains("records 2 entries for 1 actions");
        assertThat(Files.readString(bundle.resolve("MANIFEST.sha256")))
                .containsPattern("(?m)^[0-9a-f]{64}  index\\.html$")
                .containsPattern("(?m)^[0-9a-f]{64}  run/journal\\.jsonl$");
    }

    @Test
    void aFlippedByteAnAddedFileAndARemovedFileAreEachNamedAndExitOne() throws IOException {
        Path copy = copyOf(bundle, tmp.resolve("tampered"));
        Path json = copy.resolve("before/assessment.json");
        byte[] bytes = Files.readAllBytes(json);
        bytes[bytes.length / 2] ^= 1;
        Files.write(json, bytes);
        Files.writeString(copy.resolve("after/approval.txt"), "approved\n");
        Files.delete(copy.resolve("run/journal.jsonl"));

        CliRun check = CliRun.of("evidence", "--check", copy.toString());

        assertThat(check.code()).isEqualTo(ExitCode.TAMPERED);
        assertThat(check.err())
                .contains("changed: before/assessment.json")
                .contains("added: after/approval.txt")
                .contains("missing: run/journal.jsonl")
                .contains("3 files differ");
    }

    @Test
    void noPlantedSecretIsInAnyFileOfTheBundleOrOfItsZip() throws IOException {
        assertThat(leaksIn(bundle)).isEmpty();
    }

    @Test
    void noPlantedSecretIsInABundleOfTheDefaultSampleWhosePasswordsArePlainInItsToml() throws IOException {
        CliRun run = CliRun.of(
                "assess",
                "--old",
                Samples.home(Samples.DEFAULT).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                tmp.resolve("default").toString(),
                "--today",
                "2026-11-25");
        assertThat(run.err()).isEmpty();
        CliRun build = CliRun.of(
                "evidence",
                "--before",
                tmp.resolve("default").toString(),
                "--out",
                tmp.resolve("default-bundle").toString());
        assertThat(build.code()).as(build.err()).isZero();

        assertThat(leaksIn(tmp.resolve("default-bundle"))).isEmpty();
    }

    /** Every planted secret found in any file of the bundle folder or any entry of its zip, named. */
    private static List<String> leaksIn(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(p.toString(), Files.readAllBytes(p));
            }
        }
        Path zipFile = folder.resolveSibling(folder.getFileName() + ".zip");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(zipFile.getFileName() + "!" + e.getName(), zip.readAllBytes());
            }
        }
        assertThat(files.keySet())
                .as("the bundle and its zip hold files")
                .anyMatch(n -> n.endsWith("assessment.json"))
                .anyMatch(n -> n.contains(".zip!"));
        List<String> leaks = new ArrayList<>();
        files.forEach((name, bytes) -> Samples.plantedSecrets().forEach((secret, value) -> {
            if (new String(bytes, StandardCharsets.UTF_8).contains(value)) {
                leaks.add(secret + " in " + name);
            }
        }));
        return leaks;
    }

    @Test
    void anExistingBundleNoBundleAndMixedOrMissingOptionsAreBadInput() {
        assertThat(CliRun.of("evidence", "--before", tmp.resolve("before").toString(), "--out", bundle.toString())
                        .code())
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of("evidence", "--check", tmp.resolve("before").toString())
                        .code())
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of("evidence", "--check", tmp.resolve("absent").toString())
                        .code())
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of(
                                "evidence",
                                "--check",
                                bundle.toString(),
                                "--before",
                                tmp.resolve("before").toString())
                        .code())
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of("evidence", "--out", tmp.resolve("other").toString())
                        .code())
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of(
                                "evidence",
                                "--before",
                                tmp.resolve("absent").toString(),
                                "--out",
                                tmp.resolve("other").toString())
                        .err())
                .contains("absent")
                .contains("does not exist");
    }

    static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
