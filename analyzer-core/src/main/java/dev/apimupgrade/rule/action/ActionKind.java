package dev.apimupgrade.rule.action;

import java.util.Arrays;
import java.util.Optional;

/**
 * The action kinds, each with the name plan.json and the journal use for it. A switch over this enum without a
 * default is checked by the compiler to cover every kind, so a new kind shows every place that must handle it.
 */
public enum ActionKind {
    COPY_FILE("CopyFile"),
    COPY_TREE("CopyTree"),
    SET_TOML_VALUE("SetTomlValue"),
    SET_TOML_TABLE("SetTomlTable"),
    DELETE_PATH("DeletePath"),
    BACKUP("Backup"),
    RUN_SQL_SCRIPT("RunSqlScript"),
    ADAPT_SQL_STATEMENT("AdaptSqlStatement"),
    MANUAL_STEP("ManualStep");

    private final String label;

    ActionKind(String label) {
        this.label = label;
    }

    /** The name in plan.json ("CopyFile", "RunSqlScript", ...). */
    public String label() {
        return label;
    }

    /** The kind plan.json names, or empty for a kind this build does not know (left to the operator). */
    public static Optional<ActionKind> of(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }
}
