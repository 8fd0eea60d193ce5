package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.testkit.PlantedSecrets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * apim-upgrade collect (ADR 0034): the snapshot of a sample home, made without changing the home, is assessed to the
 * same condition statuses as the home itself; its manifest follows its published schema and matches its content; a
 * tampered snapshot is bad input naming the entry; no planted secret is in it; a deployment node may be a snapshot.
 */
class CollectSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = Samples.ASSESSMENT_DATE.toString();
    private static final String DEPLOYMENT_TOML = "home/repository/conf/deployment.toml";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {Samples.DEFAULT, Samples.CUSTOM})
    void aSampleCollectedWithoutChangingItIsAssessedFromItsSnapshotAsFromItsHome(String sample) throws Exception {
        Path home = Samples.home(sample);
        Map<String, String> before = treeDigest(home);
        Path snapshot = tmp.resolve(sample + ".snapshot.zip");

        CliRun collect = CliRun.of("collect", "--old", home.toString(), "--out", snapshot.toString());

        assertThat(collect.code()).as(collect.err()).isEqualTo(ExitCode.COLLECTED);
        assertThat(collect.out()).contains("written to " + snapshot);
        assertThat(treeDigest(home)).as("the home after collect").isEqualTo(before);
        JsonNode manifest = manifestOf(snapshot);
        assertThat(OutputSchemas.schema("snapshot-manifest").validate(manifest)).isEmpty();
        assertThat(manifest.path("tool").path("name").asText()).isEqualTo(ToolVersion.NAME);
        assertThat(manifest.path("collected").path("home").asText()).isEqualTo(home.toString());
        assertThat(manifest.path("notCarried").toString()).contains("a keystore");
        // every file carried is the manifest's size and digest
        try (ZipFile zip = new ZipFile(snapshot.toFile())) {
            for (JsonNode f : manifest.path("files")) {
                byte[] content = zip.getInputStream(
                                zip.getEntry("home/" + f.path("path").asText()))
                        .readAllBytes();
                assertThat(content.length)
                        .as(f.path("path").asText())
                        .isEqualTo(f.path("size").asLong());
                assertThat(sha256(content))
                        .as(f.path("path").asText())
                        .isEqualTo(f.path("sha256").asText());
            }
        }

        JsonNode fromHome = assess(home, tmp.resolve("from-home"));
        JsonNode fromSnapshot = assess(snapshot, tmp.resolve("from-snapshot"));

        // nothing a snapshot knowingly cannot know changes a status of the samples with --no-db (ADR 0034 lists
        // what it cannot know: the embedded databases' content, links in the home, a running server's process)
        assertThat(statuses(fromSnapshot)).isEqualTo(statuses(fromHome));
        assertThat(evidence(fromSnapshot)).isEqualTo(evidence(fromHome));
        JsonNode homes = fromSnapshot.path("installation").path("homes");
        assertThat(homes.path("old").asText()).isEqualTo(snapshot.toString());
        assertThat(homes.path("oldSnapshot").path("home").asText()).isEqualTo(home.toString());
        assertThat(homes.path("oldSnapshot").path("host").asText()).isNotBlank();
        assertThat(homes.path("oldSnapshot").path("collectedAt").asText())
                .isEqualTo(manifest.path("collected").path("at").asText());
        assertThat(fromHome.path("installation").path("homes").has("oldSnapshot"))
                .isFalse();
        assertThat(Files.readString(tmp.resolve("from-snapshot/assessment.html")))
                .contains("a snapshot:");
    }

    @Test
    void noPlantedSecretOfTheHomeIsInTheSnapshotNorInItsAssessment() throws Exception {
        Path home = copy(Samples.home(Samples.CUSTOM), tmp.resolve("home"));
        Map<String, String> planted = new LinkedHashMap<>(Samples.plantedSecrets());
        plant(
                planted,
                home,
                "repository/conf/deployment.toml",
                "toml.inline",
                s -> "\n[extra]\nbroker = { user = \"u\","
                        + " password = \"%s\" }\n[extra.more]\nclient_secret = '%s'\n".formatted(s, s + "x"));
        planted.put("toml.inline.x", planted.get("toml.inline") + "x");
        plant(planted, home, "repository/conf/extra.properties", "properties", s -> "store.password=" + s + "\n");
        plant(planted, home, "repository/conf/extra.yaml", "yaml", s -> "db:\n  password: " + s + "\n");
        plant(
                planted,
                home,
                "repository/conf/extra-datasources.xml",
                "xml",
                s -> "<datasources><datasource><url>jdbc:mysql://db:3306/am?user=wso2&amp;password=" + s
                        + "</url><password>" + s + "x</password></datasource></datasources>\n");
        planted.put("xml.x", planted.get("xml") + "x");
        plant(
                planted,
                home,
                "repository/deployment/server/executionplans/planted.siddhiql",
                "siddhi",
                s -> "@sink(type='email', username='ops', password='" + s + "')\ndefine stream S (a string);\n");
        Path snapshot = tmp.resolve("planted.zip");

        CliRun collect = CliRun.of("collect", "--old", home.toString(), "--out", snapshot.toString());

        assertThat(collect.code()).as(collect.err()).isEqualTo(ExitCode.COLLECTED);
        PlantedSecrets secrets = PlantedSecrets.of(planted);
        secrets.assertNoneIn(new String(Files.readAllBytes(snapshot), StandardCharsets.ISO_8859_1), "the archive");
        try (ZipFile zip = new ZipFile(snapshot.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                secrets.assertNoneIn(
                        new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8), e.getName());
            }
            assertThat(new String(
                            zip.getInputStream(zip.getEntry(DEPLOYMENT_TOML)).readAllBytes()))
                    .as("a Secure Vault reference is no secret and is kept")
                    .contains("$secret{");
        }
        secrets.assertNoneIn(collect.out() + collect.err(), "collect's output");
        CliRun assess = CliRun.of(
                "assess",
                "--old",
                snapshot.toString(),
                "--no-db",
                "--today",
                TODAY,
                "--out",
                tmp.resolve("out").toString());
        assertThat(assess.code()).as(assess.err()).isIn(ExitCode.READY, ExitCode.BLOCKERS, ExitCode.UNDECIDED);
        secrets.assertNoneIn(tmp.resolve("out"));
        secrets.assertNoneIn(assess.out() + assess.err(), "assess's output");
    }

    @Test
    void aSnapshotChangedAfterCollectIsBadInputNamingTheEntry() throws Exception {
        Path snapshot = tmp.resolve("default.zip");
        assertThat(CliRun.of("collect", "--old", Samples.home(Samples.DEFAULT).toString(), "--out", snapshot.toString())
                        .code())
                .isEqualTo(ExitCode.COLLECTED);

        Path changed = rewrite(
                snapshot,
                "changed.zip",
                DEPLOYMENT_TOML,
                b -> (new String(b, StandardCharsets.UTF_8) + "\n[server]\n# edited\n")
                        .getBytes(StandardCharsets.UTF_8));
        CliRun run = assess(changed);
        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("changed.zip!" + DEPLOYMENT_TOML, "changed after collect");
        assertThat(tmp.resolve("bad-out")).doesNotExist();

        Path added = rewrite(snapshot, "added.zip", "home/repository/conf/added.xml", b -> new byte[] {1});
        assertThat(assess(added).err()).contains("added.zip!home/repository/conf/added.xml", "not in the snapshot");

        Path escaping = rewriteManifest(snapshot, "escaping.zip", m -> {
            ((ObjectNode) m.path("files").get(0)).put("path", "../../etc/passwd");
            return m;
        });
        assertThat(assess(escaping).err()).contains("escaping.zip!manifest.json", "outside the home");

        Path newer = rewriteManifest(snapshot, "newer.zip", m -> ((ObjectNode) m).put("formatVersion", 99));
        CliRun future = assess(newer);
        assertThat(future.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(future.err()).contains("newer.zip!manifest.json");

        Files.writeString(tmp.resolve("not-a-zip.zip"), "hello");
        assertThat(assess(tmp.resolve("not-a-zip.zip")).err()).contains("not a zip archive");
        assertThat(assess(tmp.resolve("not-a-zip.zip")).err()).doesNotContain("Exception");
    }

    @Test
    void collectRefusesWhatIsNotA300HomeAnOutputThatExistsOrOneInsideTheHome() throws Exception {
        Path out = tmp.resolve("s.zip");
        CliRun missing = CliRun.of("collect", "--old", tmp.resolve("nope").toString(), "--out", out.toString());
        assertThat(missing.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("nope", "does not name a directory");

        CliRun target =
                CliRun.of("collect", "--old", Samples.home(Samples.TARGET).toString(), "--out", out.toString());
        assertThat(target.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(target.err()).contains("not an API Manager 3.0.0 home", "3.1.0");
        assertThat(out).doesNotExist();

        Files.writeString(out, "mine");
        CliRun exists =
                CliRun.of("collect", "--old", Samples.home(Samples.DEFAULT).toString(), "--out", out.toString());
        assertThat(exists.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(exists.err()).contains("already exists");
        assertThat(Files.readString(out)).isEqualTo("mine");

        Path home = copy(Samples.home(Samples.DEFAULT), tmp.resolve("home"));
        Map<String, String> before = treeDigest(home);
        CliRun inside = CliRun.of(
                "collect",
                "--old",
                home.toString(),
                "--out",
                home.resolve("s.zip").toString());
        assertThat(inside.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(inside.err()).contains("inside the home");
        assertThat(treeDigest(home)).isEqualTo(before);

        CliRun plan = CliRun.of(
                "plan",
                "--old",
                Samples.home(Samples.DEFAULT).toString(),
                "--out",
                tmp.resolve("p").toString());
        assertThat(plan.code()).isIn(ExitCode.READY, ExitCode.BLOCKERS, ExitCode.UNDECIDED);
        // plan on a home is unchanged; plan reads a snapshot too (ADR 0044), verify needs the home itself
        Path snapshot = tmp.resolve("d.zip");
        CliRun.of("collect", "--old", Samples.home(Samples.DEFAULT).toString(), "--out", snapshot.toString());
        CliRun planSnapshot = CliRun.of(
                "plan",
                "--old",
                snapshot.toString(),
                "--no-db",
                "--out",
                tmp.resolve("p2").toString());
        assertThat(planSnapshot.code()).isIn(ExitCode.READY, ExitCode.BLOCKERS, ExitCode.UNDECIDED);
        CliRun verifySnapshot = CliRun.of(
                "verify",
                "--old",
                snapshot.toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--no-db",
                "--out",
                tmp.resolve("v").toString());
        assertThat(verifySnapshot.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(verifySnapshot.err()).contains("names a file, not a home");
    }

    @Test
    void aDeploymentWithOneNodeFromASnapshotIsAssessedAsWithItsHome() throws Exception {
        Path snapshot = tmp.resolve("custom.zip");
        assertThat(CliRun.of("collect", "--old", Samples.home(Samples.CUSTOM).toString(), "--out", snapshot.toString())
                        .code())
                .isEqualTo(ExitCode.COLLECTED);
        JsonNode withHome = deployment(Samples.home(Samples.CUSTOM), tmp.resolve("with-home"));
        JsonNode withSnapshot = deployment(snapshot, tmp.resolve("with-snapshot"));

        assertThat(statuses(withSnapshot)).isNotEmpty().isEqualTo(statuses(withHome));
        assertThat(withSnapshot.path("verdict")).isEqualTo(withHome.path("verdict"));
        JsonNode node = JSON.readTree(
                tmp.resolve("with-snapshot/nodes/publisher/assessment.json").toFile());
        JsonNode sameNode = JSON.readTree(
                tmp.resolve("with-home/nodes/publisher/assessment.json").toFile());
        assertThat(statuses(node)).isEqualTo(statuses(sameNode));
        assertThat(node.path("installation")
                        .path("homes")
                        .path("oldSnapshot")
                        .path("home")
                        .asText())
                .isEqualTo(Samples.home(Samples.CUSTOM).toString());
    }

    private JsonNode deployment(Path publisher, Path out) throws Exception {
        Path file = out.resolveSibling(out.getFileName() + ".yaml");
        Files.writeString(
                file,
                "name: mixed\nnodes:\n  - name: gateway\n    old: " + Samples.home(Samples.DEFAULT)
                        + "\n  - name: publisher\n    old: " + publisher + "\n");
        CliRun run = CliRun.of(
                "assess", "--deployment", file.toString(), "--no-db", "--today", TODAY, "--out", out.toString());
        assertThat(run.code()).as(run.err()).isIn(ExitCode.READY, ExitCode.BLOCKERS, ExitCode.UNDECIDED);
        return JSON.readTree(out.resolve("deployment-assessment.json").toFile());
    }

    private JsonNode assess(Path old, Path out) throws Exception {
        CliRun run = CliRun.of(
                "assess",
                "--old",
                old.toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--no-db",
                "--today",
                TODAY,
                "--out",
                out.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isIn(ExitCode.READY, ExitCode.BLOCKERS, ExitCode.UNDECIDED);
        return JSON.readTree(out.resolve("assessment.json").toFile());
    }

    private CliRun assess(Path snapshot) {
        return CliRun.of(
                "assess",
                "--old",
                snapshot.toString(),
                "--no-db",
                "--out",
                tmp.resolve("bad-out").toString());
    }

    private static Map<String, String> statuses(JsonNode report) {
        Map<String, String> out = new TreeMap<>();
        report.path("conditions")
                .forEach(c -> out.put(c.path("id").asText(), c.path("status").asText()));
        return out;
    }

    private static Map<String, String> evidence(JsonNode report) {
        Map<String, String> out = new TreeMap<>();
        report.path("conditions")
                .forEach(c -> out.put(c.path("id").asText(), c.path("evidence").toString()));
        return out;
    }

    private static JsonNode manifestOf(Path snapshot) throws IOException {
        try (ZipFile zip = new ZipFile(snapshot.toFile())) {
            return JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
        }
    }

    /** The snapshot with one entry's content replaced (or added), the manifest left as collect wrote it. */
    private Path rewrite(Path snapshot, String name, String entry, UnaryOperator<byte[]> change) throws IOException {
        Path out = tmp.resolve(name);
        boolean seen = false;
        try (ZipFile zip = new ZipFile(snapshot.toFile());
                OutputStream file = Files.newOutputStream(out);
                ZipOutputStream to = new ZipOutputStream(file)) {
            for (ZipEntry e : zip.stream().toList()) {
                byte[] content = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    content = change.apply(content);
                    seen = true;
                }
                to.putNextEntry(new ZipEntry(e.getName()));
                to.write(content);
                to.closeEntry();
            }
            if (!seen) {
                to.putNextEntry(new ZipEntry(entry));
                to.write(change.apply(new byte[0]));
                to.closeEntry();
            }
        }
        return out;
    }

    private Path rewriteManifest(Path snapshot, String name, UnaryOperator<JsonNode> change) throws IOException {
        return rewrite(snapshot, name, "manifest.json", b -> {
            try {
                return JSON.writeValueAsBytes(change.apply(JSON.readTree(b)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void plant(
            Map<String, String> planted, Path home, String file, String name, UnaryOperator<String> text)
            throws IOException {
        String secret = "pw-Planted-collect-" + name.replace('.', '-');
        planted.put(name, secret);
        Path path = home.resolve(file);
        Files.createDirectories(path.getParent());
        String existing = Files.exists(path) ? Files.readString(path) : "";
        Files.writeString(path, existing + text.apply(secret));
    }

    /** Every file and link under the home: its path with its SHA-256 (or its link target), sizes and all. */
    static Map<String, String> treeDigest(Path home) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.toList()) {
                String key = home.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(key, sha256(Files.readAllBytes(p)) + " " + Files.getLastModifiedTime(p));
                } else {
                    out.put(key, "dir " + Files.getLastModifiedTime(p));
                }
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        return to;
    }
}
