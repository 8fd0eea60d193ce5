package dev.apimupgrade.rule.action;

import java.util.Map;

/** Save a path of the 3.1.0 home into the run's backup folder before a later step deletes it. */
public record Backup(String target) implements Action {
    @Override
    public ActionKind kind() {
        return ActionKind.BACKUP;
    }

    @Override
    public Map<String, String> params() {
        return Map.of();
    }

    @Override
    public String postCondition(Map<String, String> planned) {
        return "a copy of " + target + " with the same content is in the backup folder";
    }
}
