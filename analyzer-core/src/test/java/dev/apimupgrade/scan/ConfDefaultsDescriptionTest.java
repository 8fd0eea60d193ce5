package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.fact.Role;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tool does not ship 3.0.0's repository/resources/conf files; a home lacking them is rendered from
 * conf-3.0.0-defaults.yaml, derived from those files (read from apim.reference.dir, never copied; absent, these
 * tests skip, under CI=true they fail). The shipped description is exactly what the real files give (rewrite it
 * with -Dconf.defaults.update=true), and it gives every real deployment configuration, and the samples', the same
 * effective configuration, citations included, as the real files in the home do.
 */
class ConfDefaultsDescriptionTest {
    private static final Path RESOURCE =
            Path.of("src/main/resources/dev/apimupgrade/scan").resolve(EffectiveConfig.DERIVED);
    private static final String PACK_CONF = "apim-3.0.0/" + EffectiveConfig.CONF;
    private static final String SAMPLE_TEMPLATES = "../samples/src/main/resources/dev/apimupgrade/samples/templates/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The description of the four files under {@code conf} (a 3.0.0 pack's repository/resources/conf). */
    static String describe(Path conf) throws Exception {
        StringBuilder out = new StringBuilder("""
                # WSO2 API Manager 3.0.0's configuration defaults and inference rules, as EffectiveConfig applies them
                # to a home that lacks its own repository/resources/conf/ files (ADR 0020).
                # Derived from the 3.0.0 pack's repository/resources/conf/{kernel/default.json, default.json,
                # kernel/infer.json, infer.json}: each top-level key in its file's order, the line of that file it is
                # cited on (the first line holding it quoted), its value as text (JSON objects and arrays compact),
                # and for an inference rule what each value of the key implies. $1 is the key's wildcard, $ref{k} the
                # value of k. Defaults are in precedence order (a key the first defaults is not defaulted again),
                # inferences in the order applied. Generated, never edited: ConfDefaultsDescriptionTest checks it
                # against those files and rewrites it with -Dconf.defaults.update=true.
                defaults:
                """);
        for (String file : List.of("kernel/default.json", "default.json")) {
            out.append("  ").append(q(file)).append(":\n");
            for (EffectiveConfig.Entry e : conf(conf, file).entries()) {
                out.append("    - {line: ")
                        .append(e.line())
                        .append(", key: ")
                        .append(q(e.key()))
                        .append(", value: ")
                        .append(q(e.value()))
                        .append("}\n");
            }
        }
        out.append("inferences:\n");
        for (String file : List.of("kernel/infer.json", "infer.json")) {
            out.append("  ").append(q(file)).append(":\n");
            for (EffectiveConfig.Entry e : conf(conf, file).entries()) {
                out.append("    - line: ")
                        .append(e.line())
                        .append("\n      key: ")
                        .append(q(e.key()))
                        .append("\n      when:")
                        .append(e.when().isEmpty() ? " {}\n" : "\n");
                for (Map.Entry<String, Map<String, String>> w : e.when().entrySet()) {
                    out.append("        ")
                            .append(q(w.getKey()))
                            .append(":")
                            .append(w.getValue().isEmpty() ? " {}\n" : "\n");
                    w.getValue()
                            .forEach((k, v) -> out.append("          ")
                                    .append(q(k))
                                    .append(": ")
                                    .append(q(v))
                                    .append("\n"));
                }
            }
        }
        return out.toString();
    }

    private static EffectiveConfig.Conf conf(Path conf, String file) throws Exception {
        return EffectiveConfig.parse(Files.readString(conf.resolve(file), StandardCharsets.UTF_8), file);
    }

    /** A YAML double-quoted scalar: JSON's string escapes are YAML's. */
    private static String q(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theShippedDescriptionIsWhat300sConfFilesGive() throws Exception {
        String derived = describe(FileHomes.reference().resolve(PACK_CONF));
        if (Boolean.getBoolean("conf.defaults.update")) {
            Files.writeString(RESOURCE, derived, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(RESOURCE, StandardCharsets.UTF_8))
                .as(RESOURCE + " (rewrite it with -Dconf.defaults.update=true if the 3.0.0 conf files changed)")
                .isEqualTo(derived);
        assertThat(derived).contains("\"database.$1.type\"", "\"server.server_role\"", "\"database.apim_db.url\"");
    }

    static Stream<String> configurations() {
        return Stream.of(
                "deployments/k8s-pattern-1/am-instance-1/deployment.toml",
                "deployments/k8s-pattern-2/gateway-worker/deployment.toml",
                "deployments/k8s-pattern-2/key-manager/deployment.toml",
                "deployments/k8s-pattern-2/pub-store-tm/deployment.toml",
                "apim-3.0.0/repository/conf/deployment.toml",
                SAMPLE_TEMPLATES + "deployment-3.0.0-default.toml",
                SAMPLE_TEMPLATES + "deployment-3.0.0-custom.toml");
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void theDescriptionGivesTheEffectiveConfigurationTheRealFilesGive(String toml) throws Exception {
        Path reference = FileHomes.reference();
        Path source = toml.startsWith("../") ? Path.of(toml) : reference.resolve(toml);
        assertThat(source).isRegularFile();
        String text = Files.readString(source, StandardCharsets.UTF_8);

        assertThat(effective(text, false).all())
                .isEqualTo(effective(text, true).all())
                .isNotEmpty();
    }

    /** Every inference rule fires somewhere: each value of each rule key, written, gives the same result both ways. */
    @Test
    void everyInferenceRuleGivesTheSameValuesFromTheDescriptionAsFromTheRealFiles() throws Exception {
        Path conf = FileHomes.reference().resolve(PACK_CONF);
        int compared = 0;
        for (String file : List.of("kernel/infer.json", "infer.json")) {
            for (EffectiveConfig.Entry rule : conf(conf, file).entries()) {
                int dot = rule.key().lastIndexOf('.');
                String table = rule.key().substring(0, dot).replace("$1", "apim_db");
                for (String value : rule.when().keySet()) {
                    String text = "[" + table + "]\n" + rule.key().substring(dot + 1) + " = " + q(value) + "\n"
                            + (table.startsWith("database.") ? "hostname = \"db\"\nport = \"1\"\nname = \"n\"\n" : "");
                    EffectiveConfig derived = effective(text, false);
                    assertThat(derived.all())
                            .as(text)
                            .isEqualTo(effective(text, true).all());
                    assertThat(derived.notWritten())
                            .as(text)
                            .anyMatch(v -> v.origin() == EffectiveConfig.Origin.INFERRED);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    private EffectiveConfig effective(String toml, boolean realFiles) throws Exception {
        Path home = home(Files.createTempDirectory(tmp, realFiles ? "real" : "derived"));
        FileHomes.write(home, TomlFile.PATH, toml);
        if (realFiles) {
            for (String file : List.of("kernel/default.json", "default.json", "kernel/infer.json", "infer.json")) {
                Path to = home.resolve(EffectiveConfig.CONF + file);
                Files.createDirectories(to.getParent());
                Files.copy(FileHomes.reference().resolve(PACK_CONF + file), to);
            }
        }
        return EffectiveConfig.of(
                TomlFile.read(new Installation(home, Optional.empty()), Role.OLD)
                        .orElseThrow(),
                home);
    }
}
