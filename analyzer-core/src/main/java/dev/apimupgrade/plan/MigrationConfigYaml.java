package dev.apimupgrade.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes the identity migration's migration-config.yaml as Step 2.5 asks: migration enabled, 5.9.0 to 5.10.0, and
 * under 5.10.0 without MigrationValidator and without SchemaMigrator step2/identity. Everything else of the shipped
 * file is kept; applying it to its own output changes nothing.
 */
public final class MigrationConfigYaml {
    public static final String CURRENT_VERSION = "5.9.0";
    public static final String MIGRATE_VERSION = "5.10.0";

    private MigrationConfigYaml() {}

    /** The new file's text from the text of the migration-config.yaml shipped with the migration resources. */
    public static String configure(String shipped) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(shipped);
        if (!(loaded instanceof Map<?, ?> root) || !(root.get("versions") instanceof List<?> versions)) {
            throw new IllegalArgumentException(
                    "migration-config.yaml has no 'versions' list: not the identity" + " migration's configuration");
        }
        Map<Object, Object> out = new LinkedHashMap<>(root);
        // quoted strings, as the shipped file has them, so the migration client reads the same types
        out.put("migrationEnable", "true");
        out.put("currentVersion", CURRENT_VERSION);
        out.put("migrateVersion", MIGRATE_VERSION);
        List<Object> newVersions = new ArrayList<>();
        boolean found = false;
        for (Object v : versions) {
            if (v instanceof Map<?, ?> version && MIGRATE_VERSION.equals(String.valueOf(version.get("version")))) {
                newVersions.add(withoutRemovedSteps(version));
                found = true;
            } else {
                newVersions.add(v);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("migration-config.yaml has no steps for version " + MIGRATE_VERSION
                    + ": these migration resources are too old for API-M 3.1.0");
        }
        out.put("versions", newVersions);
        return dumper().dump(out);
    }

    private static Map<Object, Object> withoutRemovedSteps(Map<?, ?> version) {
        Map<Object, Object> copy = new LinkedHashMap<>(version);
        List<Object> kept = new ArrayList<>();
        for (Object step : (List<?>) Objects.requireNonNull(version.get("migratorConfigs"), "migratorConfigs")) {
            if (!(step instanceof Map<?, ?> s) || !removedByTheGuide(s)) {
                kept.add(step);
            }
        }
        copy.put("migratorConfigs", kept);
        return copy;
    }

    /** MigrationValidator, and SchemaMigrator at location step2 on the identity schema (the guide's steps 2 and 5). */
    static boolean removedByTheGuide(Map<?, ?> step) {
        Object name = step.get("name");
        if ("MigrationValidator".equals(name)) {
            return true;
        }
        return "SchemaMigrator".equals(name)
                && step.get("parameters") instanceof Map<?, ?> p
                && Objects.equals(p.get("location"), "step2")
                && Objects.equals(p.get("schema"), "identity");
    }

    private static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setSplitLines(false);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
    }
}
