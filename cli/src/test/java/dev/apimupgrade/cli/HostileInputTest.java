package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.scan.FileDigest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input, each case a small variant of a copy of the default sample home: what a run cannot do
 * without ends in exit 2 with one line naming the file (and line, and for TOML the key); installation content that a
 * migration would carry over broken, or a link out of the home, is a BLOCKER naming the file. Never exit 3, never a
 * stack trace, never a write outside the output folder, never a change to the home, never a read through a link
 * that leaves the home.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONF = "repository/conf/";
    private static final String TOML = CONF + "deployment.toml";
    private static final String REGISTRY = CONF + "registry.xml";
    private static final String CARBON = CONF + "carbon.xml";
    private static final String SYNAPSE = "repository/deployment/server/synapse-configs/default/";
    private static final String API = SYNAPSE + "api/evil_v1.xml";
    private static final String DROPINS = "repository/components/dropins/";
    private static final String LIB = "repository/components/lib/";
    private static final String PLANS = "repository/deployment/server/executionplans/";
    private static final String MARKER = "OUTSIDE-THE-HOME-7f3a";

    @TempDir
    Path tmp;

    Path old;
    Path out;
    Path outside;

    @BeforeEach
    void copySample() throws IOException {
        old = tmp.resolve("old");
        MigrateHomes.copyTree(Samples.home(Samples.DEFAULT), old);
        out = tmp.resolve("out");
        outside = tmp.resolve("elsewhere/secret.xml");
        Files.createDirectories(outside.getParent());
        Files.writeString(outside, "<secret>" + MARKER + "</secret>");
    }

    // ---- what a run cannot do without: exit 2 naming the file

    @Test
    void aTomlValueOfTheWrongTypeNamesFileKeyAndLineInsteadOfAnInternalError() throws Exception {
        replace(TOML, "url = \"jdbc:h2:./repository/database/WSO2AM_DB", "url = 42 #");
        int line = lineOf(TOML, "url = 42");

        // without --no-db: the database scanner reads the same file and must not trip over the type either
        refused(assess(false), "OLD:" + TOML + ":" + line, "'database.apim_db.url' must be a string, not an integer");
    }

    @Test
    void aDatasourceTableGivenAsAStringIsRefusedNotSilentlyLeftOut() throws Exception {
        write(TOML, "[server]\nhostname = \"localhost\"\n\n[database]\napim_db = \"jdbc:h2:./x\"\n");

        refused(assess(true), "OLD:" + TOML + ":5", "'database.apim_db' must be a table of datasource settings");
    }

    @Test
    void anEmptyDeploymentTomlIsRefusedInsteadOfReadingAsReady() throws Exception {
        write(TOML, "# nothing but a comment\n");

        refused(assess(true), "OLD:" + TOML, "sets nothing");
    }

    @Test
    void aHugeDeploymentTomlIsRefusedBeforeTheParserSeesIt() throws Exception {
        StringBuilder comments = new StringBuilder(read(TOML));
        while (comments.length() < 1_100_000) {
            comments.append("# padding padding padding padding padding padding padding padding padding\n");
        }
        write(TOML, comments.toString());

        long started = System.nanoTime();
        refused(assess(true), "OLD:" + TOML, "refused unread");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aLongRunOfCommentLinesThatWouldMakeTheTomlParserCrawlIsRefusedAtOnceWithItsLine() throws Exception {
        String text = read(TOML);
        int first = (int) text.lines().count() + 1;
        write(TOML, text + "# a comment\n".repeat(1600) + "[after]\nkey = 1\n");

        long started = System.nanoTime();
        refused(assess(true), "OLD:" + TOML + ":" + (first + 200), "blank or comment lines in a row");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void aDeploymentTomlThatIsNotUtf8IsRefusedWithItsLine() throws Exception {
        byte[] text = read(TOML).getBytes(StandardCharsets.UTF_8);
        byte[] bad = concat("# caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, '\n'}, text);
        Files.write(old.resolve(TOML), bad);

        refused(assess(true), "OLD:" + TOML + ":1", "is not UTF-8 text");
    }

    @Test
    void aDirectoryWhereDeploymentTomlBelongsIsNamedAsSuch() throws Exception {
        Files.delete(old.resolve(TOML));
        Files.createDirectories(old.resolve(TOML));

        refused(assess(true), "OLD:" + TOML, "is a directory, not a file");
    }

    @Test
    void aMissingRegistryXmlIsRefused() throws Exception {
        Files.delete(old.resolve(REGISTRY));

        refused(assess(true), "OLD:" + REGISTRY, "does not exist");
    }

    @Test
    void aDirectoryWhereRegistryXmlBelongsIsRefused() throws Exception {
        Files.delete(old.resolve(REGISTRY));
        Files.createDirectories(old.resolve(REGISTRY));

        refused(assess(true), "OLD:" + REGISTRY, "is a directory");
    }

    @Test
    void aVersioningFlagThatIsNeitherTrueNorFalseIsRefusedWithItsLine() throws Exception {
        String text = read(REGISTRY).replaceFirst("<versioningProperties>[a-z]+<", "<versioningProperties>maybe<");
        write(REGISTRY, text);

        refused(
                assess(true),
                "OLD:" + REGISTRY + ":" + lineOf(REGISTRY, "<versioningProperties>"),
                "<versioningProperties> must be true or false, not 'maybe'");
    }

    @Test
    void anExternalEntityInRegistryXmlIsNeverResolved() throws Exception {
        write(
                REGISTRY,
                "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file://" + outside + "\">]>\n"
                        + "<wso2registry><staticConfiguration><versioningProperties>&xxe;</versioningProperties>"
                        + "</staticConfiguration></wso2registry>\n");

        CliRun run = assess(true);
        refused(run, "OLD:" + REGISTRY, "malformed XML");
        assertThat(run.err()).doesNotContain(MARKER);
    }

    @Test
    void aBillionLaughsRegistryXmlIsRefusedAtOnce() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l")
                    .append(i)
                    .append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        write(
                REGISTRY,
                dtd + "]>\n<wso2registry><staticConfiguration><versioningProperties>&l9;"
                        + "</versioningProperties></staticConfiguration></wso2registry>\n");

        refused(assess(true), "OLD:" + REGISTRY, "malformed XML");
    }

    @Test
    void aMissingEmptyOrBrokenCarbonXmlIsRefused() throws Exception {
        write(CARBON, "");
        refused(assess(true), "OLD:" + CARBON, "is empty");

        write(CARBON, "<Server>\n<Version>3.0.0</Server>\n");
        refused(assess(true), "OLD:" + CARBON + ":2", "malformed XML");

        Files.delete(old.resolve(CARBON));
        refused(assess(true), "OLD:" + CARBON, "does not exist");
    }

    @Test
    void aKeystorePathThatIsADirectoryIsRefused() throws Exception {
        Path store = old.resolve("repository/resources/security/wso2carbon.jks");
        Files.delete(store);
        Files.createDirectories(store);

        refused(assess(true), "OLD:repository/resources/security/wso2carbon.jks", "is a directory");
    }

    @Test
    void anEmptyAnalyticsDeploymentYamlIsRefusedWhenAnalyticsIsGiven() throws Exception {
        Path analytics = tmp.resolve("analytics");
        MigrateHomes.copyTree(Samples.home(Samples.ANALYTICS_CUSTOM), analytics);
        Path yaml = analytics.resolve("conf/worker/deployment.yaml");
        Files.writeString(yaml, "");

        refused(assess(true, "--old-analytics", analytics.toString()), yaml.toString(), "is empty");
    }

    @Test
    void aYamlAliasBombOrAGlobalTagInTheAnswersFileIsRefusedWithItsLine() throws Exception {
        Path bomb = tmp.resolve("bomb.yaml");
        StringBuilder text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            text.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9))
                    .append("*a")
                    .append(i - 1)
                    .append("]\n");
        }
        Files.writeString(bomb, text);
        refused(assess(true, "--answers", bomb.toString()), bomb.toString(), "malformed YAML");

        Path tagged = tmp.resolve("tagged.yaml");
        Files.writeString(tagged, "distributed: no\nis_key_manager: !!javax.script.ScriptEngineManager [x]\n");
        refused(assess(true, "--answers", tagged.toString()), tagged + ":2", "malformed YAML");
    }

    @Test
    void anAnswersFileThatIsADirectoryOrNotUtf8IsRefused() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("answers.yaml"));
        refused(assess(true, "--answers", folder.toString()), folder.toString(), "is a directory");

        Path binary = tmp.resolve("binary.yaml");
        Files.write(binary, randomBytes(2048, 7));
        refused(assess(true, "--answers", binary.toString()), binary.toString(), "");
    }

    // ---- installation content a migration would carry over broken: a BLOCKER naming the file

    @Test
    void aSynapseApiThatIsNotXmlIsABlockerNamingTheFile() throws Exception {
        write(API, "PWNED, not XML\n");

        blocked(assess(true), "PRE-UNREADABLE-CONTENT", "OLD:" + API, "is not well-formed XML");
    }

    @Test
    void aBinaryOrNonUtf8OrEmptySynapseFileIsABlockerNamingEachFile() throws Exception {
        Files.write(old.resolve(API), randomBytes(4096, 1));
        String latin = SYNAPSE + "sequences/latin_v1.xml";
        Files.createDirectories(old.resolve(latin).getParent());
        Files.write(
                old.resolve(latin),
                concat(
                        "<sequence name=\"caf".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xE9},
                        "\"/>".getBytes(StandardCharsets.UTF_8)));
        String empty = SYNAPSE + "api/empty_v1.xml";
        write(empty, "");

        CliRun run = assess(true);
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + API, "is not well-formed XML");
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + latin, "is not well-formed XML");
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + empty, "is not well-formed XML");
    }

    @Test
    void aSynapseLinkToAFileOutsideTheHomeIsABlockerAndItsTargetIsNeverRead() throws Exception {
        Files.createDirectories(old.resolve(API).getParent());
        Files.createSymbolicLink(old.resolve(API), outside);
        Files.createSymbolicLink(old.resolve(SYNAPSE + "api/passwd_v1.xml"), Path.of("/etc/passwd"));

        CliRun run = assess(true);
        blocked(run, "PRE-LINK-OUTSIDE-HOME", "OLD:" + API, "is a symbolic link to " + outside.toRealPath());
        blocked(run, "PRE-LINK-OUTSIDE-HOME", "OLD:" + SYNAPSE + "api/passwd_v1.xml", "/etc/passwd");
        assertThat(Files.readString(out.resolve("assessment.json")) + Files.readString(out.resolve("assessment.html")))
                .doesNotContain(MARKER)
                .doesNotContain("root:x:0");
    }

    @Test
    void aLinkedSynapseFolderOutsideTheHomeIsReportedAndNotWalked() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("elsewhere/sequences"));
        Files.writeString(folder.resolve("planted.xml"), "not xml " + MARKER);
        Files.createSymbolicLink(old.resolve(SYNAPSE + "shared"), folder);

        CliRun run = assess(true);
        blocked(
                run,
                "PRE-LINK-OUTSIDE-HOME",
                "OLD:" + SYNAPSE + "shared",
                folder.toRealPath().toString());
        assertThat(Files.readString(out.resolve("assessment.json"))).doesNotContain("planted.xml");
    }

    @Test
    void aSymbolicLinkLoopOrADanglingLinkIsABlockerNotAHang() throws Exception {
        Files.createSymbolicLink(old.resolve(SYNAPSE + "api/loop"), old.resolve(SYNAPSE + "api"));
        Files.createSymbolicLink(old.resolve(SYNAPSE + "api/gone_v1.xml"), old.resolve(SYNAPSE + "api/nothing.xml"));

        CliRun run = assess(true);
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + SYNAPSE + "api/loop", "loop");
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + SYNAPSE + "api/gone_v1.xml", "does not resolve");
    }

    @Test
    void aGarbageEmptyOrDirectoryDropinsJarIsABlockerAndNoLongerPassesForStock() throws Exception {
        Files.write(old.resolve(DROPINS + "custom-garbage-1.0.jar"), randomBytes(3000, 3));
        Files.write(old.resolve(DROPINS + "custom-empty-1.0.jar"), new byte[0]);
        Files.createDirectories(old.resolve(DROPINS + "custom-folder-1.0.jar"));

        CliRun run = assess(true);
        blocked(
                run,
                "PRE-UNREADABLE-CONTENT",
                "OLD:" + DROPINS + "custom-garbage-1.0.jar",
                "cannot be opened as a jar");
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + DROPINS + "custom-empty-1.0.jar", "cannot be opened as a jar");
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + DROPINS + "custom-folder-1.0.jar", "is a directory, not a jar");
        assertThat(condition(run, "CFG-CUSTOM-DROPINS").path("status").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void aZipBombJarIsABlockerAndIsNeverInflated() throws Exception {
        // a manifest that inflates to 8 MiB from a few KB, and a jar whose directory declares 3.75 GB
        byte[] manifest = ("Manifest-Version: 1.0\nX-Pad: " + "a".repeat(8 * 1024 * 1024) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Files.write(old.resolve(DROPINS + "inflating-1.0.jar"), zip(Map.of("META-INF/MANIFEST.MF", manifest)));
        Files.write(old.resolve(LIB + "declared-1.0.jar"), declaringHugeSize(zip(Map.of("a.txt", new byte[10]))));

        CliRun run = assess(true);
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + DROPINS + "inflating-1.0.jar", "zip bomb");
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + LIB + "declared-1.0.jar", "zip bomb");
    }

    @Test
    void aJarWithAnEntryClimbingOutOfItIsABlockerAndNothingIsExtracted() throws Exception {
        Files.write(
                old.resolve(DROPINS + "climbing-1.0.jar"),
                zip(Map.of("../../../../escaped.txt", "x".getBytes(StandardCharsets.US_ASCII))));

        CliRun run = assess(true);
        blocked(run, "PRE-UNREADABLE-CONTENT", "OLD:" + DROPINS + "climbing-1.0.jar", "leaves the jar");
        try (Stream<Path> all = Files.walk(tmp.getParent(), 2)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("escaped.txt")))
                    .isEmpty();
        }
    }

    @Test
    void aLibJarLinkedFromOutsideTheHomeIsABlockerNamingTheLink() throws Exception {
        Path jar = tmp.resolve("elsewhere/driver.jar");
        Files.write(
                jar,
                zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.US_ASCII))));
        Files.createSymbolicLink(old.resolve(LIB + "driver.jar"), jar);

        CliRun run = assess(true);
        blocked(
                run,
                "PRE-LINK-OUTSIDE-HOME",
                "OLD:" + LIB + "driver.jar",
                jar.toRealPath().toString());
        assertThat(condition(run, "CFG-CUSTOM-LIB").path("status").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void anExecutionPlanThatIsNotUtf8TextIsABlocker() throws Exception {
        Files.write(old.resolve(PLANS + "carbon.super_custom.siddhiql"), randomBytes(512, 5));

        blocked(
                assess(true),
                "PRE-UNREADABLE-CONTENT",
                "OLD:" + PLANS + "carbon.super_custom.siddhiql",
                "is not UTF-8 text");
    }

    @Test
    void theUntouchedSampleHasNeitherNewBlocker() throws Exception {
        // with its databases read: under --no-db the database blockers are undecided and the verdict is UNDECIDED
        CliRun run = assess(false);

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.READY);
        assertThat(condition(run, "PRE-UNREADABLE-CONTENT").path("status").asText())
                .isEqualTo("NOT_APPLICABLE");
        assertThat(condition(run, "PRE-LINK-OUTSIDE-HOME").path("status").asText())
                .isEqualTo("NOT_APPLICABLE");
    }

    // ---- the tool's own files, edited or damaged: exit 2 naming the file

    @Test
    void aJournalOfRandomBytesIsRefusedByRollbackNamingTheFile() throws Exception {
        Path run = aRealRunFolder();
        Files.write(run.resolve("journal.jsonl"), randomBytes(4096, 11));

        CliRun rollback = CliRun.of("rollback", "--run", run.toString());

        assertRunFileRefused(rollback, run.resolve("journal.jsonl").toString(), "is not UTF-8 text");
    }

    @Test
    void aJournalLineThatIsNoRecordIsRefusedWithItsLine() throws Exception {
        Path run = aRealRunFolder();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(run.resolve("journal.jsonl")));
        lines.add(1, "not a record");
        Files.write(run.resolve("journal.jsonl"), lines);

        CliRun rollback = CliRun.of("rollback", "--run", run.toString());

        assertRunFileRefused(rollback, run.resolve("journal.jsonl") + ":2", "");
    }

    /** A run folder as migrate leaves it: run.json, run.key, the journal and its head, backups. */
    private Path aRealRunFolder() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        Path run = tmp.resolve("run");
        CliRun ran = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        assertThat(ran.code()).as(ran.out() + ran.err()).isEqualTo(ExitCode.READY);
        return run;
    }

    @Test
    void aManifestOfRandomBytesIsRefusedByEvidenceCheckNamingTheFile() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        Files.write(bundle.resolve("MANIFEST.sha256"), randomBytes(2048, 13));

        CliRun check = CliRun.of("evidence", "--check", bundle.toString());

        assertRunFileRefused(check, bundle.resolve("MANIFEST.sha256") + ":1", "is not UTF-8 text");
    }

    @Test
    void aPlanOfRandomBytesOrOfJsonNullIsRefusedByMigrateNamingTheFile() throws Exception {
        Path plan = tmp.resolve("plan.json");
        Files.write(plan, randomBytes(4096, 17));
        String[] args = {
            "migrate",
            "--plan",
            plan.toString(),
            "--old",
            old.toString(),
            "--new",
            old.toString(),
            "--no-db",
            "--run",
            tmp.resolve("run").toString()
        };

        assertRunFileRefused(CliRun.of(args), plan + ":1", "is not UTF-8 text");
        Files.writeString(plan, "null");
        assertRunFileRefused(CliRun.of(args), plan.toString(), "holds no plan");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    private static void assertRunFileRefused(CliRun run, String file, String message) {
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip())
                .doesNotContain("\n")
                .startsWith("apim-upgrade: error: " + file)
                .contains(message)
                .doesNotContain("internal error");
    }

    // ---- the run and its checks

    private CliRun assess(boolean noDb, String... extra) throws IOException {
        Map<String, String> homeBefore = snapshot(old);
        List<String> around = topLevel();
        List<String> args = new ArrayList<>(
                List.of("assess", "--old", old.toString(), "--out", out.toString(), "--today", "2026-11-25"));
        if (noDb) {
            args.add("--no-db");
        }
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isNotEqualTo(ExitCode.INTERNAL);
        assertThat(run.err())
                .doesNotContain("internal error")
                .doesNotContain("\tat ")
                .doesNotContain("Exception:");
        assertThat(snapshot(old)).as("the home is unchanged").isEqualTo(homeBefore);
        List<String> after = topLevel();
        after.remove("out");
        assertThat(after)
                .as("nothing is written beside the output folder")
                .isEqualTo(around.stream().filter(n -> !n.equals("out")).toList());
        return run;
    }

    /** Exit 2, one line naming the file (with its line when given), and no report written. */
    private void refused(CliRun run, String file, String message) throws IOException {
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip())
                .doesNotContain("\n")
                .startsWith("apim-upgrade: error: " + file)
                .contains(message);
        assertThat(out).doesNotExist();
    }

    /** Exit 1 with the condition applying and citing the file, with what is wrong in its message. */
    private void blocked(CliRun run, String conditionId, String source, String said) throws IOException {
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.BLOCKERS);
        JsonNode c = condition(run, conditionId);
        assertThat(c.path("status").asText()).isEqualTo("APPLIES");
        assertThat(c.path("severity").asText()).isEqualTo("BLOCKER");
        List<String> sources = new ArrayList<>();
        c.path("evidence").forEach(e -> sources.add(e.path("source").asText()));
        assertThat(sources).contains(source);
        assertThat(c.path("messages").toString())
                .contains(source.substring(source.indexOf(':') + 1))
                .contains(said);
    }

    private JsonNode condition(CliRun run, String id) throws IOException {
        JsonNode report = JSON.readTree(out.resolve("assessment.json").toFile());
        for (JsonNode c : report.path("conditions")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError(id + " is not in the report; " + run.err());
    }

    /** Every entry of a tree, links as their target text (never followed), files by hash. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    all.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    all.put(rel, FileDigest.sha256(p));
                } else {
                    all.put(rel, "dir");
                }
            }
        }
        return all;
    }

    private List<String> topLevel() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return new ArrayList<>(
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private String read(String relative) throws IOException {
        return Files.readString(old.resolve(relative));
    }

    private void write(String relative, String text) throws IOException {
        Files.createDirectories(old.resolve(relative).getParent());
        Files.writeString(old.resolve(relative), text);
    }

    private void replace(String relative, String from, String to) throws IOException {
        String text = read(relative);
        assertThat(text).contains(from);
        write(relative, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    private int lineOf(String relative, String needle) throws IOException {
        List<String> lines = read(relative).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + relative);
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        b[0] = (byte) 0xFF; // never by chance the start of a valid document
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The same zip with its central directory claiming each entry inflates to 3.75 GB. */
    private static byte[] declaringHugeSize(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50) { // central directory file header
                b.putInt(i + 24, 0xF0000000);
            }
        }
        return b.array();
    }
}
