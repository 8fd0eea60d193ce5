package dev.apimupgrade.rule.action;

import java.util.Map;
import java.util.Optional;

/**
 * Delete a path of the 3.1.0 home; {@code when} or {@code after} place it in the guide's order (after: the step it
 * must follow), {@code guideStep} names the guide step when it is not the condition's own.
 */
public record DeletePath(String target, Optional<String> when, Optional<String> after, Optional<String> guideStep)
        implements Action {
    public static DeletePath of(String target) {
        return new DeletePath(target, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DeletePath when(String moment) {
        return new DeletePath(target, Optional.of(moment), after, guideStep);
    }

    public DeletePath after(String step) {
        return new DeletePath(target, when, Optional.of(step), guideStep);
    }

    public DeletePath guideStep(String step) {
        return new DeletePath(target, when, after, Optional.of(step));
    }

    @Override
    public ActionKind kind() {
        return ActionKind.DELETE_PATH;
    }

    @Override
    public Map<String, String> params() {
        return new Params()
                .put("when", when)
                .put("after", after)
                .put("guideStep", guideStep)
                .map();
    }

    @Override
    public String postCondition(Map<String, String> planned) {
        return target + " no longer exists in the 3.1.0 home";
    }
}
