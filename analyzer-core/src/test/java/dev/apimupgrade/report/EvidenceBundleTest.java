package dev.apimupgrade.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.report.EvidenceProblem.Kind;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceBundleTest {
    private static final EvidenceBundle.Summary SUMMARY = (bundle, contents) ->
            "<p>" + contents.sha256ByPath().size() + " files, manifest " + contents.sha256() + "</p>\n";

    @TempDir
    Path tmp;

    Path before;
    Path plan;

    @BeforeEach
    void outputs() throws IOException {
        before = write("assess-out/assessment.json", "{\"summary\":{}}\n");
        write("assess-out/assessment.html", "<html></html>\n");
        write("assess-out/run.json", "{}\n");
        plan = write("plan-out/plan.json", "{\"actions\":[]}\n").getParent();
        write("plan-out/sql/01_cleanup.sql", "DELETE FROM REG_LOG;\n");
        before = before.getParent();
    }

    private Path write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private Path bundle(String name) throws IOException, InputException {
        return EvidenceBundle.build(
                List.of(new EvidenceBundle.Part("before", before), new EvidenceBundle.Part("plan", plan)),
                tmp.resolve(name),
                SUMMARY);
    }

    @Test
    void theManifestListsEveryFileButItselfSortedInSha256sumFormat() throws Exception {
        bundle("bundle");

        List<String> lines = Files.readAllLines(tmp.resolve("bundle/MANIFEST.sha256"));
        assertThat(lines)
                .extracting(l -> l.substring(66))
                .containsExactly(
                        "before/assessment.html",
                        "before/assessment.json",
                        "before/run.json",
                        "index.html",
                        "plan/plan.json",
                        "plan/sql/01_cleanup.sql");
        assertThat(lines.get(4))
                .isEqualTo(Manifest.sha256("{\"actions\":[]}\n".getBytes(StandardCharsets.UTF_8)) + "  plan/plan.json");
    }

    @Test
    void theIndexShowsTheHashOfTheManifestWithoutTheIndexLine() throws Exception {
        bundle("bundle");

        String manifest = Files.readString(tmp.resolve("bundle/MANIFEST.sha256"));
        String withoutIndex = manifest.replaceAll("(?m)^[0-9a-f]{64}  index\\.html\n", "");
        assertThat(Files.readString(tmp.resolve("bundle/index.html")))
                .contains("5 files, manifest " + Manifest.sha256(withoutIndex.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sha256sumAcceptsTheManifestAndTheIndexHashIsWhatThePrintedCommandComputes() throws Exception {
        Path sh = Path.of("/bin/sh");
        Assumptions.assumeTrue(Files.isExecutable(sh), "no /bin/sh: the coreutils cross-check is skipped");
        bundle("bundle");
        String shown =
                Files.readString(tmp.resolve("bundle/index.html")).replaceAll("(?s).*manifest ([0-9a-f]{64}).*", "$1");

        assertThat(shell(sh, "sha256sum -c --quiet MANIFEST.sha256")).isEmpty();
        assertThat(shell(sh, "grep -v '  index.html$' MANIFEST.sha256 | sha256sum"))
                .startsWith(shown + " ");
    }

    private String shell(Path sh, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(sh.toString(), "-c", command)
                .directory(tmp.resolve("bundle").toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void theZipHoldsTheSameFilesSortedAndIsByteIdenticalWhenBuiltAgain() throws Exception {
        Path first = bundle("first");
        Path second = bundle("second");

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (ZipFile zip = new ZipFile(first.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names)
                    .isSorted()
                    .contains(Manifest.FILE, "index.html", "plan/sql/01_cleanup.sql")
                    .hasSize(7);
        }
    }

    @Test
    void anUntouchedBundleChecksCleanAsAFolderAndAsAZip() throws Exception {
        Path zip = bundle("bundle");

        assertThat(EvidenceCheck.check(tmp.resolve("bundle"))).isEmpty();
        assertThat(EvidenceCheck.check(zip)).isEmpty();
    }

    @Test
    void oneFlippedByteIsReportedAsAChangeOfThatFile() throws Exception {
        bundle("bundle");
        Path file = tmp.resolve("bundle/before/assessment.json");
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] ^= 1;
        Files.write(file, bytes);

        assertThat(EvidenceCheck.check(tmp.resolve("bundle")))
                .containsExactly(new EvidenceProblem(Kind.CHANGED, "before/assessment.json"));
    }

    @Test
    void anAddedAndAMissingFileAreEachReportedByName() throws Exception {
        bundle("bundle");
        Files.writeString(tmp.resolve("bundle/plan/sql/02_extra.sql"), "DROP TABLE AM_API;\n");
        Files.delete(tmp.resolve("bundle/before/run.json"));

        assertThat(EvidenceCheck.check(tmp.resolve("bundle")))
                .containsExactly(
                        new EvidenceProblem(Kind.MISSING, "before/run.json"),
                        new EvidenceProblem(Kind.ADDED, "plan/sql/02_extra.sql"));
    }

    @Test
    void aZipWithAnEntryRewrittenIsReportedAsChanged() throws Exception {
        Path zip = bundle("bundle");
        Path tampered = tmp.resolve("tampered.zip");
        try (ZipFile in = new ZipFile(zip.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry e : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                out.write(
                        e.getName().equals("index.html")
                                ? "<p>all fine</p>\n".getBytes(StandardCharsets.UTF_8)
                                : bytes);
                out.closeEntry();
            }
        }

        assertThat(EvidenceCheck.check(tampered)).containsExactly(new EvidenceProblem(Kind.CHANGED, "index.html"));
    }

    @Test
    void aFolderWithoutAManifestOrAFileThatIsNoZipIsBadInputNotAProblemList() throws Exception {
        Path notZip = write("notes.txt", "hello");

        assertThatThrownBy(() -> EvidenceCheck.check(before))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("MANIFEST.sha256");
        assertThatThrownBy(() -> EvidenceCheck.check(notZip)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> EvidenceCheck.check(tmp.resolve("absent"))).isInstanceOf(InputException.class);
    }

    @Test
    void anExistingBundleIsNeverReplacedAndAFailedBuildLeavesNothingBehind() throws Exception {
        bundle("bundle");
        Path missing = tmp.resolve("no-such-run");

        assertThatThrownBy(() -> bundle("bundle")).isInstanceOf(OutputRefusedException.class);
        assertThatThrownBy(() -> EvidenceBundle.build(
                        List.of(new EvidenceBundle.Part("run", missing)), tmp.resolve("other"), SUMMARY))
                .isInstanceOf(InputException.class);
        try (var entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("assess-out", "plan-out", "bundle", "bundle.zip");
        }
    }

    @Test
    void aLinkInAnOutputIsRefusedRatherThanFollowed() throws Exception {
        Path outside = write("elsewhere/deployment.toml", "password = \"outside the output\"\n");
        Files.createSymbolicLink(before.resolve("deployment.toml"), outside);

        assertThatThrownBy(() -> bundle("bundle"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("link");
        assertThat(tmp.resolve("bundle")).doesNotExist();
    }

    @Test
    void aBundleOfNoOutputsHoldsOnlyItsIndexAndChecksClean() throws Exception {
        Path zip = EvidenceBundle.build(List.of(), tmp.resolve("empty"), SUMMARY);

        assertThat(Files.readString(tmp.resolve("empty/MANIFEST.sha256"))).matches("[0-9a-f]{64}  index\\.html\n");
        assertThat(EvidenceCheck.check(zip)).isEmpty();
    }
}
