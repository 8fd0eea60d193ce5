package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.testkit.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** IDN-MIGRATION-RESOURCES: migration-config.yaml for 5.9.0 -> 5.10.0 without the two steps the guide removes. */
class MigrationConfigYamlTest {
    static final String SHIPPED = """
            migrationEnable: "false"
            # Migration Start Version
            currentVersion: "5.x.x"
            migrateVersion: "5.x.x"
            continueOnError: "true"
            versions:
             -
              version: "5.9.0"
              migratorConfigs:
               -
                name: "SchemaMigrator"
                order: 1
                parameters:
                  location: "step2"
                  schema: "identity"
             -
              version: "5.10.0"
              migratorConfigs:
              - {name: "ScopeDataMigrator", order: 1}
              - {name: "MigrationValidator", order: 2}
              - {name: "SchemaMigrator", order: 3, parameters: {location: "step1", schema: "identity"}}
              - {name: "SchemaMigrator", order: 5, parameters: {location: "step2", schema: "identity"}}
              - {name: "SchemaMigrator", order: 8, parameters: {location: "step2", schema: "um"}}
              - {name: "UserIDMigrator", order: 9, parameters: {migrateAll: true}}
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @SuppressWarnings("unchecked")
    private static List<String> steps(Map<String, Object> config, String version) {
        for (Object v : (List<?>) config.get("versions")) {
            Map<String, Object> m = (Map<String, Object>) v;
            if (version.equals(m.get("version"))) {
                return ((List<Map<String, Object>>) m.get("migratorConfigs"))
                        .stream()
                                .map(s -> s.get("name")
                                        + (s.get("parameters") instanceof Map<?, ?> p && p.containsKey("location")
                                                ? " " + p.get("location") + "/" + p.get("schema")
                                                : ""))
                                .toList();
            }
        }
        throw new AssertionError("no version " + version);
    }

    @Test
    void theConfigMigratesFrom590To5100WithoutTheValidatorAndTheStep2IdentitySchema() {
        Map<String, Object> out = load(MigrationConfigYaml.configure(SHIPPED));

        assertThat(out)
                .containsEntry("migrationEnable", "true")
                .containsEntry("currentVersion", "5.9.0")
                .containsEntry("migrateVersion", "5.10.0")
                .containsEntry("continueOnError", "true");
        assertThat(steps(out, "5.10.0"))
                .containsExactly(
                        "ScopeDataMigrator",
                        "SchemaMigrator step1/identity",
                        "SchemaMigrator step2/um",
                        "UserIDMigrator");
    }

    @Test
    void otherVersionsAreKeptAsShipped() {
        Map<String, Object> out = load(MigrationConfigYaml.configure(SHIPPED));

        assertThat(steps(out, "5.9.0")).containsExactly("SchemaMigrator step2/identity");
    }

    @Test
    void configuringTheOutputAgainChangesNothing() {
        String once = MigrationConfigYaml.configure(SHIPPED);

        assertThat(MigrationConfigYaml.configure(once)).isEqualTo(once);
    }

    @Test
    void resourcesWithoutA5100SectionAreRefusedAsTooOld() {
        assertThatThrownBy(() ->
                        MigrationConfigYaml.configure("versions:\n - {version: \"5.9.0\", migratorConfigs: []}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5.10.0");
        assertThatThrownBy(() -> MigrationConfigYaml.configure(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("versions");
    }

    static Stream<Path> shippedFiles() {
        Path base = SharedFiles.referenceFolder("migration/identity-migration-resources-v1.0.90")
                .getParent();
        return Stream.of("v1.0.90", "v1.0.147")
                .map(v -> base.resolve(
                        "identity-migration-resources-" + v + "/migration-resources/migration-config.yaml"))
                .filter(Files::isRegularFile);
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void theRealShippedConfigLosesExactlyTheTwoStepsTheGuideRemoves(Path file) throws IOException {
        Map<String, Object> shipped = load(Files.readString(file));
        Map<String, Object> out = load(MigrationConfigYaml.configure(Files.readString(file)));

        List<String> expected = steps(shipped, "5.10.0").stream()
                .filter(s -> !s.equals("MigrationValidator") && !s.equals("SchemaMigrator step2/identity"))
                .toList();
        assertThat(steps(shipped, "5.10.0")).hasSize(expected.size() + 2);
        assertThat(steps(out, "5.10.0")).isEqualTo(expected);
        if (file.toString().contains("v1.0.90")) {
            assertThat(steps(out, "5.10.0"))
                    .containsExactly(
                            "ScopeDataMigrator",
                            "SchemaMigrator step1/identity",
                            "SchemaMigrator step1/um",
                            "ClaimDataMigrator",
                            "EmailTemplateDataMigrator",
                            "SchemaMigrator step2/um",
                            "UserIDMigrator");
        }
        assertThat(out)
                .containsEntry("currentVersion", "5.9.0")
                .containsEntry("migrateVersion", "5.10.0")
                .containsEntry("migrationEnable", "true");
        assertThat(steps(out, "5.9.0")).isEqualTo(steps(shipped, "5.9.0"));
    }
}
