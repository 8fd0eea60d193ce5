package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.rule.action.ActionKind;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The executor of each action kind, in one exhaustive switch: a new kind does not compile until it has one. An
 * instance looks a step's executor up by the kind name plan.json uses.
 */
final class StepExecutors {
    private final Map<String, StepExecutor> byLabel = byLabel();

    /** The step's executor; a kind this build does not know (a newer plan) is left to the operator. */
    StepExecutor of(PlanStep step) {
        StepExecutor ex = byLabel.get(step.kind());
        return ex != null ? ex : new UnknownKind(step.kind());
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
        return Arrays.stream(ActionKind.values())
                .map(StepExecutors::of)
                .collect(Collectors.toMap(StepExecutor::kind, Function.identity()));
    }
}
