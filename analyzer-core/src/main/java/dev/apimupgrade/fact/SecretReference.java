package dev.apimupgrade.fact;

/** A $secret{alias} reference in a deployment.toml line; {@code commented} when the line is a comment. */
public record SecretReference(Role role, String alias, boolean commented, boolean aliasDefined, SourceRef source)
        implements Observation {
    public String observed() {
        return "$secret{" + alias + "}" + (commented ? " in a commented line" : "")
                + (aliasDefined ? "" : " without a [secrets] entry");
    }
}
