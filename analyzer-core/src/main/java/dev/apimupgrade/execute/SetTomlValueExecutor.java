package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.TomlEdit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.tomlj.Toml;

/** SetTomlValue: sets the dotted key {@code target} to {@code value} in the new home's deployment.toml. */
final class SetTomlValueExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "SetTomlValue";
    }

    @Override
    public boolean done(PlanStep step, CheckContext ctx) throws IOException {
        Object current = Toml.parse(DeploymentToml.read(ctx, Role.NEW)).get(step.target());
        return current != null
                && Objects.equals(String.valueOf(current), step.params().get("value"));
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx) throws IOException {
        String before = DeploymentToml.read(ctx, Role.NEW);
        return DeploymentToml.diff(before, edited(step, before));
    }

    @Override
    public void apply(PlanStep step, ApplyContext ctx) throws IOException {
        DeploymentToml.write(step.id(), ctx, edited(step, DeploymentToml.read(ctx.check(), Role.NEW)));
    }

    private static String edited(PlanStep step, String text) {
        return TomlEdit.setValue(text, step.target(), TomlEdit.literal(step.param("value")));
    }
}
