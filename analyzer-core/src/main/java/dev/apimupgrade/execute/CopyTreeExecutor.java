package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CopyTree: every file of the old folder ({@code from}) into the new home's {@code target} folder, except the
 * {@code exclude} list (paths relative to the folder: the protected synapse files keep their 3.1.0 content). Files
 * are copied one by one, each atomically, so a run killed inside a large tree resumes with the files still missing.
 */
final class CopyTreeExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "CopyTree";
    }

    @Override
    public boolean done(PlanStep step, StepContext ctx) throws IOException {
        return pending(step, ctx).isEmpty();
    }

    @Override
    public List<String> preview(PlanStep step, StepContext ctx) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String rel : pending(step, ctx)) {
            boolean exists = Files.exists(target(step, ctx).resolve(rel));
            lines.add((exists ? "overwrite " : "create ") + "NEW:" + step.target() + "/" + rel);
        }
        excluded(step).forEach(e -> lines.add("keep NEW:" + step.target() + "/" + e + " (excluded)"));
        return lines;
    }

    @Override
    public void apply(PlanStep step, StepContext ctx) throws IOException {
        Path from = ctx.homes().resolve(step.params().get("from"));
        List<String> pending = pending(step, ctx);
        try {
            for (int i = 0; i < pending.size(); i++) {
                String rel = pending.get(i);
                ctx.backup().save(step.id(), Role.NEW, step.target() + "/" + rel);
                AtomicFiles.copy(from.resolve(rel), target(step, ctx).resolve(rel));
                ctx.progress().update(step.id(), i + 1, pending.size(), "files");
            }
        } finally {
            ctx.progress().finish(step.id());
        }
    }

    /** The files of the source folder (relative, '/'-separated) whose copy in the new home is missing or differs. */
    private static List<String> pending(PlanStep step, StepContext ctx) throws IOException {
        Path from = ctx.homes().resolve(step.params().get("from"));
        Path to = target(step, ctx);
        Set<String> excluded = excluded(step);
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = from.relativize(f).toString().replace('\\', '/');
                Path copy = to.resolve(rel);
                if (!excluded.contains(rel) && !rel.endsWith(AtomicFiles.TEMP_SUFFIX)
                        && (!Files.isRegularFile(copy) || !FileDigest.sha256(copy).equals(FileDigest.sha256(f)))) {
                    out.add(rel);
                }
            }
        }
        return out;
    }

    private static Path target(PlanStep step, StepContext ctx) {
        return ctx.homes().resolve(Role.NEW, step.target());
    }

    private static Set<String> excluded(PlanStep step) {
        String list = step.params().getOrDefault("exclude", "");
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
