package dev.apimupgrade.fact;

/** A home the user named on the command line, and whether it has the layout of an APIM home. */
public record HomeGiven(Role role, String path, SourceRef source) implements Observation {
    public String observed() {
        return role + " home given";
    }
}
