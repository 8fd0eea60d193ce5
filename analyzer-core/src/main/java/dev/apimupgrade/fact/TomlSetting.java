package dev.apimupgrade.fact;

/**
 * One leaf key of a deployment.toml, dotted ("apim.analytics.enable", "database.apim_db.type"; arrays of tables get
 * an index: "apim.gateway.environment[0].name"). Secret values arrive masked ("****" or "$secret{alias}").
 */
public record TomlSetting(Role role, String key, String value, SourceRef source) implements Observation {
    public String observed() { return key + " = " + value; }
}
