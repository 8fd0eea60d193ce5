package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Backup: saves the new home's {@code target} (file or folder) under the run's backup/ folder, changing nothing. */
final class BackupExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "Backup";
    }

    /** Done when every file of the target has a saved copy with the same content (or the target is gone). */
    @Override
    public boolean done(PlanStep step, CheckContext ctx) throws IOException {
        Path root = ctx.homes().resolve(Role.NEW, step.target());
        if (!Files.exists(root)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = ctx.homes().newHome().relativize(f).toString().replace('\\', '/');
                Path copy = ctx.requireRun("the run's backup").backup().copyOf(Homes.name(Role.NEW, rel));
                if (!Files.isRegularFile(copy) || !FileDigest.sha256(copy).equals(FileDigest.sha256(f))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx) {
        return List.of("save NEW:" + step.target() + " under "
                + ctx.requireRun("the run's backup folder").folder().backup().resolve("NEW"));
    }

    @Override
    public void apply(PlanStep step, ApplyContext ctx) throws IOException {
        ctx.backup().save(step.id(), Role.NEW, step.target());
    }
}
