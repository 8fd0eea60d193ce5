package dev.apimupgrade.fact;

/**
 * A unified diff of an old protected synapse file against its stock counterpart in the new home ("---" the stock file,
 * "+++" the old file), so a person re-applying a customisation on the 3.1.0 file sees what was changed. The diff is
 * cut after a fixed number of lines, with a note saying how many were left out.
 */
public record SynapseDiff(Role role, String tenant, String relativePath, String unifiedDiff, SourceRef source)
        implements ComparedWithNewHome {
    public String observed() {
        return "unified diff against the 3.1.0 home's file:\n" + unifiedDiff;
    }
}
