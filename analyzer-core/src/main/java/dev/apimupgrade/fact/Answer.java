package dev.apimupgrade.fact;

/** An operator's answer to a question the files cannot settle, from the answers file. */
public record Answer(String key, String value, SourceRef source) implements Observation {
    public String observed() {
        return key + " = " + value;
    }
}
