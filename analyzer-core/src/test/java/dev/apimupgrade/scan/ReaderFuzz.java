package dev.apimupgrade.scan;

import dev.apimupgrade.execute.Journal;
import dev.apimupgrade.execute.JournalRecord;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Feeds mutations of real seed files to every reader of the tool's input (deployment.toml with the datasource and
 * keystore readers, registry.xml, carbon.xml, synapse XML, the answers file, an analytics deployment.yaml, plan.json,
 * the journal, a jar's headers). A reader may return or refuse with an InputException (exit 2); anything else, an
 * Error included, is a finding. The same input comes back from the same (target, seed), so a finding is reproducible.
 */
final class ReaderFuzz {
    /** One reader and the seed file it starts from. */
    enum Target {
        TOML(
                "deployment.toml",
                List.of(
                        "=",
                        "[",
                        "]",
                        "[[",
                        "]]",
                        "\"",
                        "'''",
                        "\"\"\"",
                        "\n",
                        "42",
                        "true",
                        "{",
                        "}",
                        ".",
                        "#",
                        "1979-05-27T07:32:00Z",
                        "inf",
                        "nan",
                        "0x1F",
                        "[database.apim_db]\n",
                        "url = 42\n",
                        "[keystore]\nprimary = 1\n",
                        "[secrets]\nx = []\n",
                        "$secret{",
                        "$ref{keystore.tls.password}")),
        REGISTRY_XML("registry.xml", XmlTokens.ALL),
        CARBON_XML("carbon.xml", XmlTokens.ALL),
        SYNAPSE_XML("synapse-api.xml", XmlTokens.ALL),
        ANSWERS_YAML("answers.yaml", YamlTokens.ALL),
        ANALYTICS_YAML("worker-deployment.yaml", YamlTokens.ALL),
        PLAN_JSON(
                "plan.json",
                List.of(
                        "{",
                        "}",
                        "[",
                        "]",
                        "null",
                        "\"",
                        "1e999",
                        "-0",
                        "\\u0000",
                        ",",
                        ":",
                        "true",
                        "\"steps\" : null",
                        "\"target\" : \"../../x\"")),
        JOURNAL(null, List.of("{", "}", "\n", "null", "\"type\":\"intent\"", "\"path\":\"../../etc\"", "\u00e9")),
        JAR(null, List.of("PK\u0003\u0004", "PK\u0001\u0002", "PK\u0005\u0006", "META-INF/MANIFEST.MF", "../"));

        final String resource;
        final List<String> tokens;

        Target(String resource, List<String> tokens) {
            this.resource = resource;
            this.tokens = tokens;
        }
    }

    private static final class XmlTokens {
        static final List<String> ALL = List.of(
                "<",
                ">",
                "</",
                "/>",
                "<!DOCTYPE x [<!ENTITY a \"b\">]>",
                "&a;",
                "&#0;",
                "&#x110000;",
                "<![CDATA[",
                "]]>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
                "xmlns:p=\"\"",
                "<!ENTITY e SYSTEM \"file:///etc/passwd\">",
                "&e;",
                "\"",
                "=",
                "<!--",
                "-->",
                "<versioningProperties>",
                "maybe",
                "<Version>",
                "${x}");
    }

    private static final class YamlTokens {
        static final List<String> ALL = List.of(
                "&a ",
                "*a",
                "!!",
                "!!python/object:x ",
                "!!javax.script.X [a]",
                "<<: *a\n",
                "? ",
                "- ",
                "{",
                "}",
                "[",
                "]",
                "|",
                ">",
                "%YAML 1.1\n",
                "---\n",
                "...\n",
                "\t",
                ":",
                "\n",
                "  ",
                "'",
                "\"",
                "yes",
                "migrate:\n  confirmed: x\n",
                "wso2.datasources:\n  dataSources: 1\n");
    }

    private final Path home;
    private final Installation installation;
    private final Map<Target, byte[]> seeds = new EnumMap<>(Target.class);

    ReaderFuzz(Path workDir) throws IOException {
        this.home = workDir.resolve("home");
        Files.createDirectories(home.resolve("repository/conf"));
        Files.createDirectories(home.resolve("conf/worker"));
        this.installation = new Installation(home, Optional.empty());
        for (Target t : Target.values()) {
            seeds.put(t, t.resource == null ? generated(t, workDir) : resource(t.resource));
        }
    }

    /** The input a (target, seed) pair stands for: its seed file with one to four random mutations. */
    byte[] input(Target target, long seed) {
        Random random = new Random(seed);
        byte[] data = seeds.get(target);
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            data = mutate(data, target.tokens, random);
        }
        return data;
    }

    /** Runs the target's reader on the input: returns, or throws what is not an InputException. */
    void feed(Target target, byte[] input) throws Throwable {
        try {
            read(target, input);
        } catch (InputException expected) {
            if (expected.file() == null
                    || expected.getMessage() == null
                    || expected.getMessage().isBlank()) {
                throw new AssertionError("an InputException that names no file or says nothing", expected);
            }
        }
    }

    private void read(Target target, byte[] input) throws Exception {
        switch (target) {
            case TOML -> {
                Files.write(home.resolve(TomlFile.PATH), input);
                new DeploymentTomlScanner().scan(installation);
                new KeystoreScanner().scan(installation);
                DatasourceSpecs.read(installation, Map.of(), Map.of());
            }
            case REGISTRY_XML -> {
                Files.write(home.resolve(RegistryXmlScanner.REGISTRY_XML), input);
                new RegistryXmlScanner().scan(installation);
            }
            case CARBON_XML -> {
                Files.write(home.resolve(VersionScanner.CARBON_XML), input);
                new VersionScanner().scan(installation);
            }
            case SYNAPSE_XML -> SafeXml.notWellFormed(input);
            case ANSWERS_YAML -> {
                Path file = Files.write(home.resolve("answers.yaml"), input);
                new AnswersScanner(file).scan(installation);
                MigrateAnswers.read(file);
            }
            case ANALYTICS_YAML -> {
                Files.write(home.resolve(AnalyticsYaml.WORKER), input);
                AnalyticsYaml.datasources(home, AnalyticsYaml.WORKER);
            }
            case PLAN_JSON -> PlanJson.read(Files.write(home.resolve("plan.json"), input));
            case JOURNAL ->
                Journal.open(Files.write(home.resolve("journal.jsonl"), input)).records();
            case JAR -> {
                try {
                    JarHeaders.read(Files.write(home.resolve("fuzz.jar"), input));
                } catch (JarHeaders.NotAJar refused) {
                    // what the jar scanner turns into an UnreadableFile
                }
            }
        }
    }

    static byte[] mutate(byte[] data, List<String> tokens, Random random) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        int span = 1 + random.nextInt(64);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
        switch (random.nextInt(7)) {
            case 0 -> { // flip a few bytes
                byte[] copy = data.clone();
                for (int i = 0; i < 1 + random.nextInt(8) && copy.length > 0; i++) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 1 -> { // insert a token of the format
                out.write(data, 0, at);
                out.writeBytes(tokens.get(random.nextInt(tokens.size())).getBytes(StandardCharsets.UTF_8));
                out.write(data, at, data.length - at);
            }
            case 2 -> { // delete a range
                int end = Math.min(data.length, at + span);
                out.write(data, 0, at);
                out.write(data, end, data.length - end);
            }
            case 3 -> { // duplicate a range
                int end = Math.min(data.length, at + span);
                out.write(data, 0, end);
                out.write(data, at, end - at);
                out.write(data, end, data.length - end);
            }
            case 4 -> { // truncate
                out.write(data, 0, at);
            }
            case 5 -> { // a byte that breaks UTF-8 or ends a C string
                byte[] odd = {(byte) 0xC3, (byte) 0xFF, 0, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\r'};
                out.write(data, 0, at);
                out.write(odd[random.nextInt(odd.length)]);
                out.write(data, at, data.length - at);
            }
            default -> { // repeat a token many times (nesting, long lines)
                String token = tokens.get(random.nextInt(tokens.size()));
                out.write(data, 0, at);
                out.writeBytes(token.repeat(1 + random.nextInt(2000)).getBytes(StandardCharsets.UTF_8));
                out.write(data, at, data.length - at);
            }
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReaderFuzz.class.getResourceAsStream("fuzz/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no seed fuzz/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A journal and a jar as the tool and a build write them. */
    private static byte[] generated(Target target, Path workDir) throws IOException {
        if (target == Target.JOURNAL) {
            Path file = workDir.resolve("seed-journal.jsonl");
            Files.deleteIfExists(file);
            Journal journal;
            try {
                journal = Journal.open(file);
            } catch (InputException e) {
                throw new IllegalStateException(e);
            }
            journal.append(JournalRecord.intent("A", "CopyFile repository/components/lib/x.jar"));
            journal.append(JournalRecord.outcome("A", JournalRecord.Status.DONE, "x.jar copied"));
            journal.append(JournalRecord.intent("B", "RunSqlScript am"));
            return Files.readAllBytes(file);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\nBundle-SymbolicName: fuzz;singleton:=true\nBundle-Version: 1.0\n"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(JarHeaders.DRIVER_SERVICE));
            zip.write("# driver\norg.fuzz.Driver\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
