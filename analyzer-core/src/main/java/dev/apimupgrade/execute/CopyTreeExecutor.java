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
import java.util.concurrent.Future;
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

    /**
     * Files journalled together before they are copied: a tree of thousands of files costs a journal flush and a
     * folder sync per batch and folder, not per file, and a kill still leaves at most one batch to redo.
     */
    static final int BATCH = 256;
    /**
     * The files of a batch are copied by a few threads: each copy waits for its own flush to disk, and flushes that
     * wait together are written together, so the tree is not bound by one disk flush after another.
     */
    private static final java.util.concurrent.ExecutorService COPIERS = java.util.concurrent.Executors
            .newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "apim-upgrade-copy");
                t.setDaemon(true);
                return t;
            });

    /** Waits for one copy (the caller waits for every copy of a batch before it throws, so none runs on after). */
    private static Path result(Future<Path> copy) throws IOException {
        try {
            return copy.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    public void apply(PlanStep step, StepContext ctx) throws IOException {
        Path from = ctx.homes().resolve(step.params().get("from"));
        Path to = target(step, ctx);
        List<String> pending = pending(step, ctx);
        try {
            for (int start = 0; start < pending.size(); start += BATCH) {
                List<String> batch = pending.subList(start, Math.min(pending.size(), start + BATCH));
                ctx.backup().saveAll(step.id(), Role.NEW, batch.stream().map(rel -> step.target() + "/" + rel)
                        .toList());
                List<Future<Path>> copies = new ArrayList<>();
                for (String rel : batch) {
                    copies.add(COPIERS.submit(() -> {
                        AtomicFiles.copyUnsyncedFolder(from.resolve(rel), to.resolve(rel));
                        return to.resolve(rel).getParent();
                    }));
                }
                Set<Path> folders = new java.util.LinkedHashSet<>();
                IOException failed = null;
                for (int i = 0; i < copies.size(); i++) {
                    try {
                        folders.add(result(copies.get(i)));
                    } catch (IOException e) {
                        failed = failed == null ? e : failed;
                    }
                    ctx.progress().update(step.id(), start + i + 1, pending.size(), "files");
                }
                folders.forEach(AtomicFiles::sync);
                if (failed != null) {
                    throw failed;
                }
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
