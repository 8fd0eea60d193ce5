package dev.apimupgrade.rule.action;

import java.util.List;
import java.util.Map;

/** Copy a folder of the old home into the 3.1.0 home, except the files that must keep their 3.1.0 content. */
public record CopyTree(String target, String from, List<String> exclude) implements Action {
    public CopyTree {
        exclude = List.copyOf(exclude);
    }

    @Override
    public ActionKind kind() {
        return ActionKind.COPY_TREE;
    }

    @Override
    public Map<String, String> params() {
        return new Params().put("from", from).put("exclude", exclude).map();
    }

    @Override
    public String postCondition(Map<String, String> planned) {
        return "every file of " + Action.home(from) + " is in the 3.1.0 home's " + target + " with the same content"
                + (exclude.isEmpty()
                        ? ""
                        : ", except " + String.join(", ", exclude) + ", which keep their 3.1.0 content");
    }
}
