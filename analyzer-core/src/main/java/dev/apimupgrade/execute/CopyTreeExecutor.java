package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * CopyTree: every file of the old folder ({@code from}) into the new home's {@code target} folder, except the
 * {@code exclude} list (paths relative to the folder: the protected synapse files keep their 3.1.0 content). Files
 * are copied one by one, each atomically, so a run killed inside a large tree resumes with the files still missing.
 * A symbolic link is never followed: one that leads to a file inside the old home is recreated as a relative link;
 * one that leads out of it, dangles or loops refuses the step before anything is written (SourceTree).
 */
final class CopyTreeExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "CopyTree";
    }

    @Override
    public boolean done(PlanStep step, CheckContext ctx) throws IOException {
        return pending(step, ctx, tree(step, ctx)).isEmpty();
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx) throws IOException {
        List<String> lines = new ArrayList<>();
        SourceTree tree = tree(step, ctx);
        for (String rel : pending(step, ctx, tree)) {
            boolean exists = Files.exists(target(step, ctx).resolve(rel), LinkOption.NOFOLLOW_LINKS);
            lines.add((exists ? "overwrite " : "create ") + "NEW:" + step.target() + "/" + rel
                    + (tree.links().containsKey(rel)
                            ? " (a link to " + tree.links().get(rel) + ")"
                            : ""));
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
    private static final java.util.concurrent.ExecutorService COPIERS =
            java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "apim-upgrade-copy");
                t.setDaemon(true);
                return t;
            });

    /** Waits for one copy (the caller waits for every copy of a batch before it throws, so none runs on after). */
    private static <T> T result(Future<T> copy) throws IOException {
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

    /**
     * A link that leads out of the old home (or dangles, or loops), and a destination that leads out of the new home
     * through a link, refuse the step before it writes anything, naming each.
     */
    @Override
    public Optional<String> refusal(PlanStep step, CheckContext ctx) throws IOException {
        SourceTree tree = tree(step, ctx);
        List<String> problems = new ArrayList<>(tree.refused());
        for (String rel : pending(step, ctx, tree)) {
            try {
                ctx.homes().resolve(Role.NEW, step.target() + "/" + rel);
            } catch (IllegalArgumentException e) {
                problems.add("NEW:" + step.target() + "/" + rel + ": " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("It would copy from or write through a symbolic link that does not stay in its home; the"
                + " tool never copies what such a link points to:\n  "
                + String.join("\n  ", problems.stream().limit(SHOWN).toList())
                + (problems.size() > SHOWN ? "\n  ... (" + problems.size() + " in all)" : "")
                + "\nReplace each link with the file it should be (or remove it), then run migrate again.");
    }

    private static final int SHOWN = 10;

    @Override
    public void apply(PlanStep step, ApplyContext ctx) throws IOException {
        Path from = ctx.homes().resolve(step.param("from"));
        Path to = target(step, ctx.check());
        SourceTree tree = tree(step, ctx.check());
        if (!tree.refused().isEmpty()) {
            throw new IOException(
                    "a link leads out of the old home: " + tree.refused().get(0));
        }
        List<String> pending = pending(step, ctx.check(), tree);
        try {
            for (int start = 0; start < pending.size(); start += BATCH) {
                List<String> batch = pending.subList(start, Math.min(pending.size(), start + BATCH));
                ctx.backup()
                        .saveAll(
                                step.id(),
                                Role.NEW,
                                batch.stream()
                                        .map(rel -> step.target() + "/" + rel)
                                        .toList());
                copyBatch(from, tree, step, ctx, batch, start, pending.size());
            }
        } finally {
            ctx.progress().finish(step.id());
        }
    }

    /**
     * One batch: every file written to its temporary file (a few threads), the whole batch forced to disk at once,
     * then each renamed into place and each folder synced once. A kill leaves each file old or whole, and the rerun
     * overwrites the temporary files it finds.
     */
    private static void copyBatch(
            Path from, SourceTree tree, PlanStep step, ApplyContext ctx, List<String> batch, int done, int total)
            throws IOException {
        List<Future<Optional<AtomicFiles.Written>>> copies = new ArrayList<>();
        for (String rel : batch) {
            Path dest = ctx.homes().resolve(Role.NEW, step.target() + "/" + rel);
            Path link = tree.links().get(rel);
            copies.add(COPIERS.submit(() -> {
                if (link != null) {
                    AtomicFiles.link(dest, link);
                    return Optional.empty();
                }
                return Optional.of(AtomicFiles.write(from.resolve(rel), dest, false));
            }));
        }
        List<AtomicFiles.Written> written = new ArrayList<>();
        Set<Path> folders = new java.util.LinkedHashSet<>();
        IOException failed = null;
        for (int i = 0; i < copies.size(); i++) {
            try {
                result(copies.get(i)).ifPresent(written::add);
                folders.add(ctx.homes()
                        .resolve(Role.NEW, step.target() + "/" + batch.get(i))
                        .getParent());
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        AtomicFiles.forceAll(written);
        for (int i = 0; i < written.size(); i++) {
            written.get(i).rename();
        }
        ctx.progress().update(step.id(), done + batch.size(), total, "files");
        folders.forEach(AtomicFiles::sync);
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * The entries of the source folder (relative, '/'-separated) whose copy in the new home is missing or differs: a
     * file by its content, a link by its text; a refused link is always pending, so the step is never done. The
     * caller's own listing of the source is the one compared: refusal, preview and apply each walked it twice.
     */
    private static List<String> pending(PlanStep step, CheckContext ctx, SourceTree tree) throws IOException {
        Path to = target(step, ctx);
        Set<String> excluded = excluded(step);
        List<String> out = new ArrayList<>();
        List<String> copied = new ArrayList<>();
        for (String rel : tree.all()) {
            if (excluded.contains(rel) || rel.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                continue;
            }
            Path copy = to.resolve(rel);
            Path link = tree.links().get(rel);
            if (link != null) {
                if (!(Files.isSymbolicLink(copy) && Files.readSymbolicLink(copy).equals(link))) {
                    out.add(rel);
                }
            } else if (tree.files().contains(rel) && Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
                copied.add(rel);
            } else {
                out.add(rel);
            }
        }
        // the contents compared in parallel; a digest the scan or the copy already made is not made again
        List<Boolean> same = FileDigest.inParallel(
                copied.stream().map(to::resolve).toList(),
                copy -> FileDigest.sha256(copy)
                        .equals(FileDigest.sha256(tree.root().resolve(to.relativize(copy)))));
        for (int i = 0; i < copied.size(); i++) {
            if (!same.get(i)) {
                out.add(copied.get(i));
            }
        }
        // the same order as the tree's, so preview and apply list the files as before
        List<String> order = new ArrayList<>(tree.all());
        order.retainAll(new java.util.HashSet<>(out));
        return order;
    }

    private static SourceTree tree(PlanStep step, CheckContext ctx) throws IOException {
        return SourceTree.of(
                ctx.homes().resolve(step.param("from")), ctx.homes().oldHome(), excluded(step));
    }

    private static Path target(PlanStep step, CheckContext ctx) {
        return ctx.homes().resolve(Role.NEW, step.target());
    }

    private static Set<String> excluded(PlanStep step) {
        String list = step.params().getOrDefault("exclude", "");
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
