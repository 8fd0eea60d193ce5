package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CopyFile: puts the old home's file ({@code from}) at {@code target} in the new home, byte for byte. A {@code from}
 * that names no home file is a file the tool does not ship (the tenant loader jar): copied from where the operator
 * gave it ({@link SuppliedFiles}), else left to the operator, saying which file it needs.
 */
final class CopyFileExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "CopyFile";
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, CheckContext ctx) {
        String from = step.params().getOrDefault("from", "");
        if (!Homes.isHomeName(from) && ctx.supplied().find(from).isEmpty()) {
            return Optional.of("this step needs " + from + ", which apim-upgrade does not ship: give it with "
                    + SuppliedFiles.howToGive(from) + " and the tool copies it; or place it at " + step.target()
                    + " in the 3.1.0 home yourself"
                    + (step.params().containsKey("when") ? " (" + step.params().get("when") + ")" : ""));
        }
        return Optional.empty();
    }

    @Override
    public boolean done(PlanStep step, CheckContext ctx) {
        Path target = ctx.homes().resolve(Role.NEW, step.target());
        return Files.isRegularFile(target) && FileDigest.sha256(target).equals(FileDigest.sha256(source(step, ctx)));
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx) {
        boolean exists = Files.exists(ctx.homes().resolve(Role.NEW, step.target()));
        String from = step.param("from");
        return List.of((exists ? "overwrite " : "create ") + "NEW:" + step.target() + " from "
                + (Homes.isHomeName(from) ? from : source(step, ctx) + " (given for " + from + ")"));
    }

    @Override
    public void apply(PlanStep step, ApplyContext ctx) throws IOException {
        ctx.backup().save(step.id(), Role.NEW, step.target());
        AtomicFiles.copy(source(step, ctx.check()), ctx.homes().resolve(Role.NEW, step.target()));
    }

    /** The file to copy: the home file {@code from} names, or the file the operator gave for it. */
    static Path source(PlanStep step, CheckContext ctx) {
        String from = step.param("from");
        return Homes.isHomeName(from)
                ? ctx.homes().resolve(from)
                : ctx.supplied()
                        .find(from)
                        .orElseThrow(() -> new IllegalStateException(
                                from + " was not given (" + SuppliedFiles.howToGive(from) + ")"));
    }
}
