package dev.apimupgrade.fact;

/** Whether a path that some condition depends on exists in a home (absent things are facts too). */
public record FilePresence(Role role, String relativePath, boolean present, SourceRef source) implements Observation {
    public String observed() {
        return relativePath + (present ? " exists" : " does not exist");
    }
}
