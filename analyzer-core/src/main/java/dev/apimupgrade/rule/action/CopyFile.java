package dev.apimupgrade.rule.action;

import java.util.Map;
import java.util.Optional;

/**
 * Copy one file into the 3.1.0 home: {@code from} is OLD:&lt;path&gt; for the old home's file, or the name of a file
 * apim-upgrade does not ship (the operator supplies it); {@code when} says when in the guide's order it happens.
 */
public record CopyFile(String target, String from, Optional<String> when) implements Action {
    public CopyFile(String target, String from) {
        this(target, from, Optional.empty());
    }

    public CopyFile when(String moment) {
        return new CopyFile(target, from, Optional.of(moment));
    }

    @Override
    public ActionKind kind() {
        return ActionKind.COPY_FILE;
    }

    @Override
    public Map<String, String> params() {
        return new Params().put("from", from).put("when", when).map();
    }

    @Override
    public String postCondition(Map<String, String> planned) {
        return target + " exists in the 3.1.0 home with the same SHA-256 as " + Action.home(from)
                + (from.contains(":")
                        ? ""
                        : " (a file apim-upgrade does not ship: give it to migrate with --file " + from
                                + "=<path> or migrate.files in the answers file, and the tool copies it)");
    }
}
