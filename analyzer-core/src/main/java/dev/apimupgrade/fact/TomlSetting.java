package dev.apimupgrade.fact;

/**
 * One leaf key of a deployment.toml, dotted ("apim.analytics.enable", "database.apim_db.type"; arrays of tables get
 * an index: "apim.gateway.environment[0].name"). Secret values arrive masked ("****" or "$secret{alias}"). {@code
 * type} is the value's TOML type as written (string, boolean, integer, float, datetime, array; "" when not observed),
 * so what carries a value can keep "false" a string and false a boolean.
 */
public record TomlSetting(Role role, String key, String value, SourceRef source, String type) implements Observation {
    public static final String STRING = "string";
    public static final String BOOLEAN = "boolean";
    public static final String INTEGER = "integer";
    public static final String FLOAT = "float";
    public static final String DATETIME = "datetime";
    public static final String ARRAY = "array";

    /** A setting whose TOML type was not observed (hand-made facts); carrying it falls back to its text's shape. */
    public TomlSetting(Role role, String key, String value, SourceRef source) {
        this(role, key, value, source, "");
    }

    public String observed() {
        return key + " = " + value;
    }
}
