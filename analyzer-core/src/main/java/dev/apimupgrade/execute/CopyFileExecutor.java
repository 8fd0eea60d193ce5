package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** CopyFile: puts the old home's file ({@code from}) at {@code target} in the new home, byte for byte. */
final class CopyFileExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "CopyFile";
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, StepContext ctx) {
        String from = step.params().getOrDefault("from", "");
        if (!Homes.isHomeName(from)) {
            return Optional.of("get " + from + " and place it at " + step.target() + " in the 3.1.0 home"
                    + (step.params().containsKey("when") ? " (" + step.params().get("when") + ")" : ""));
        }
        return Optional.empty();
    }

    @Override
    public boolean done(PlanStep step, StepContext ctx) {
        Path target = ctx.homes().resolve(Role.NEW, step.target());
        return Files.isRegularFile(target) && FileDigest.sha256(target).equals(FileDigest.sha256(source(step, ctx)));
    }

    @Override
    public List<String> preview(PlanStep step, StepContext ctx) {
        boolean exists = Files.exists(ctx.homes().resolve(Role.NEW, step.target()));
        return List.of((exists ? "overwrite " : "create ") + "NEW:" + step.target() + " from "
                + step.params().get("from"));
    }

    @Override
    public void apply(PlanStep step, StepContext ctx) throws IOException {
        ctx.backup().save(step.id(), Role.NEW, step.target());
        AtomicFiles.copy(source(step, ctx), ctx.homes().resolve(Role.NEW, step.target()));
    }

    private static Path source(PlanStep step, StepContext ctx) {
        return ctx.homes().resolve(step.params().get("from"));
    }
}
