package dev.apimupgrade.scan;

import dev.apimupgrade.fact.DefaultedSetting;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import java.util.List;

/**
 * The facts of the effective configuration beyond what the deployment.toml writes: every inferred key, and the
 * defaulted keys the assessment reads (the datasources), masked as written settings are.
 */
final class EffectiveSettings {
    private static final String ASSESSED_DEFAULTS = "database.";

    private EffectiveSettings() {}

    /** The old home's: only the 3.0.0 configuration is rendered with the 3.0.0 defaults. */
    static List<Observation> facts(EffectiveConfig config) {
        return config.notWritten().stream()
                .filter(v ->
                        v.origin() == EffectiveConfig.Origin.INFERRED || v.key().startsWith(ASSESSED_DEFAULTS))
                .map(v -> (Observation) new DefaultedSetting(
                        Role.OLD,
                        v.key(),
                        masked(v),
                        v.origin() == EffectiveConfig.Origin.INFERRED,
                        v.because(),
                        v.source()))
                .toList();
    }

    /** Where a value came from, in a few words: "written", "infer.json: database.apim_db.type = postgre", "default.json". */
    static String from(EffectiveConfig.Value v) {
        return v.origin() == EffectiveConfig.Origin.WRITTEN ? "written" : v.because();
    }

    private static String masked(EffectiveConfig.Value v) {
        String name = v.key().substring(v.key().lastIndexOf('.') + 1);
        String value = SecretMask.value(name, v.value());
        return value.startsWith("jdbc:") ? SecretMask.jdbcUrl(value) : value;
    }
}
