package dev.apimupgrade.fact;

/**
 * A migration tool jar in repository/components/dropins or lib (identity migration client, APIM migrate client,
 * tenant loader): not the customer's own code, so never counted as custom, and not meant to stay after a migration.
 */
public record MigrationArtefact(Role role, String folder, String name, SourceRef source) implements Observation {
    public String observed() {
        return folder + "/" + name + " is a migration tool jar";
    }
}
