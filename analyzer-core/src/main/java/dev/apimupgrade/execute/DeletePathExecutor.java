package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * DeletePath: removes {@code target} (a file or a folder) from the new home, only after every file in it is saved
 * under backup/. A step that waits for something the operator does ({@code when}: the tenant loader goes after the
 * re-indexing start) is ordered after that manual step, so the run reaches it only once the operator confirmed it:
 * it runs as automated, as the plan says.
 */
final class DeletePathExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "DeletePath";
    }

    @Override
    public boolean done(PlanStep step, CheckContext ctx) {
        return !Files.exists(ctx.homes().resolve(Role.NEW, step.target()), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path p : deepestFirst(ctx.homes().resolve(Role.NEW, step.target()))) {
            lines.add("delete NEW:"
                    + ctx.homes().newHome().relativize(p).toString().replace('\\', '/')
                    + " (saved under backup/ first)");
        }
        return lines;
    }

    @Override
    public void apply(PlanStep step, ApplyContext ctx) throws IOException {
        ctx.backup().save(step.id(), Role.NEW, step.target());
        for (Path p : deepestFirst(ctx.homes().resolve(Role.NEW, step.target()))) {
            Files.deleteIfExists(p);
        }
        AtomicFiles.sync(AtomicFiles.parentOf(ctx.homes().resolve(Role.NEW, step.target())));
    }

    private static List<Path> deepestFirst(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.sorted(Comparator.reverseOrder()).toList();
        }
    }
}
