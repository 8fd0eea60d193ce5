package dev.apimupgrade.rule.action;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step only the operator can do: {@code step} says what, {@code command} how (when there is one command for it),
 * {@code doneWhen} what a new assessment shows once it is done, {@code removedAfter} the paths the step adds and
 * removes again; {@code jdbcUrl} and {@code config} are values to write, {@code guideStep} the guide step when it is
 * not the condition's own.
 */
public record ManualStep(
        String target,
        String step,
        Optional<String> command,
        Optional<String> doneWhen,
        List<String> removedAfter,
        Optional<String> jdbcUrl,
        Optional<String> config,
        Optional<String> guideStep)
        implements Action {
    public ManualStep {
        removedAfter = List.copyOf(removedAfter);
    }

    public static ManualStep of(String target, String step) {
        return new ManualStep(
                target,
                step,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public ManualStep command(String value) {
        return new ManualStep(target, step, Optional.of(value), doneWhen, removedAfter, jdbcUrl, config, guideStep);
    }

    public ManualStep doneWhen(String value) {
        return new ManualStep(target, step, command, Optional.of(value), removedAfter, jdbcUrl, config, guideStep);
    }

    public ManualStep removedAfter(String... paths) {
        return new ManualStep(target, step, command, doneWhen, Arrays.asList(paths), jdbcUrl, config, guideStep);
    }

    public ManualStep jdbcUrl(String value) {
        return new ManualStep(target, step, command, doneWhen, removedAfter, Optional.of(value), config, guideStep);
    }

    public ManualStep config(String value) {
        return new ManualStep(target, step, command, doneWhen, removedAfter, jdbcUrl, Optional.of(value), guideStep);
    }

    public ManualStep guideStep(String value) {
        return new ManualStep(target, step, command, doneWhen, removedAfter, jdbcUrl, config, Optional.of(value));
    }

    @Override
    public ActionKind kind() {
        return ActionKind.MANUAL_STEP;
    }

    @Override
    public boolean automated() {
        return false;
    }

    @Override
    public Map<String, String> params() {
        return new Params()
                .put("step", step)
                .put("command", command)
                .put("doneWhen", doneWhen)
                .put("removedAfter", removedAfter)
                .put("jdbcUrl", jdbcUrl)
                .put("config", config)
                .put("guideStep", guideStep)
                .map();
    }

    /**
     * Done when the operator did it, plus what can be seen afterwards (what migrate checks when the step is
     * confirmed): a step that starts the server leaves no ERROR in the log of that start, and what the step says to
     * remove is gone. The step's heading already says what to do, so it is not repeated here.
     */
    @Override
    public String postCondition(Map<String, String> planned) {
        StringBuilder done = new StringBuilder(doneWhen.orElse("you did it by hand"));
        if (command.orElse("").contains("wso2server")) {
            done.append("; the 3.1.0 home's repository/logs/wso2carbon.log shows that start finished (a line"
                    + " 'WSO2 Carbon started in ...') and no ERROR line from it");
        }
        if (!removedAfter.isEmpty()) {
            done.append("; ").append(String.join(", ", removedAfter)).append(" no longer in the 3.1.0 home");
        }
        return done.toString();
    }
}
