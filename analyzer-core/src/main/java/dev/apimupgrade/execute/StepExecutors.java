package dev.apimupgrade.execute;

import dev.apimupgrade.rule.action.ActionKind;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The executor of each action kind, in one exhaustive switch: a new kind does not compile until it has one. */
final class StepExecutors {
    private StepExecutors() {
    }

    static StepExecutor of(ActionKind kind) {
        return switch (kind) {
            case COPY_FILE -> new CopyFileExecutor();
            case COPY_TREE -> new CopyTreeExecutor();
            case SET_TOML_VALUE -> new SetTomlValueExecutor();
            case SET_TOML_TABLE -> new SetTomlTableExecutor();
            case DELETE_PATH -> new DeletePathExecutor();
            case BACKUP -> new BackupExecutor();
            case RUN_SQL_SCRIPT -> new RunSqlScriptExecutor();
            case ADAPT_SQL_STATEMENT -> new AdaptSqlStatementExecutor();
            case MANUAL_STEP -> new ManualStepExecutor();
        };
    }

    /** Every executor by the kind name plan.json uses. */
    static Map<String, StepExecutor> byLabel() {
        return Arrays.stream(ActionKind.values()).map(StepExecutors::of)
                .collect(Collectors.toMap(StepExecutor::kind, Function.identity()));
    }
}
