package dev.apimupgrade.cli;

import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.scan.FileDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies of a sample's old home and the 3.1.0 target in a test folder (the generated samples are never touched), the
 * plan made from them as plan would make it, and the command lines that migrate them.
 */
record MigrateHomes(Path root, Path oldHome, Path newHome, Path planFile, boolean readDb) {
    static final String TODAY = "2026-11-25";

    /**
     * Fresh copies at fixed paths under root (earlier copies there are deleted), and their plan, made with the
     * databases read: with --no-db the database blockers are undecided, and migrate refuses to start.
     */
    static MigrateHomes of(String sample, Path root) throws Exception {
        return of(sample, root, true);
    }

    /** What a clean 3.1.0 start writes last in repository/logs/wso2carbon.log (carbon-kernel's start line). */
    static final String STARTED = "[2026-11-25 10:00:42,000]  INFO {org.wso2.carbon.core.internal."
            + "StartupFinalizerServiceComponent} - WSO2 Carbon started in 42 sec\n";

    /** The operator starts the 3.1.0 server as a step says: its log grows by a clean start. */
    static void started(Path newHome) throws IOException {
        Path log = newHome.resolve("repository/logs/wso2carbon.log");
        Files.createDirectories(log.getParent());
        Files.writeString(
                log, STARTED, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** As {@link #of(String, Path)}; with readDb the plan also holds the database steps (H2 scripts). */
    static MigrateHomes of(String sample, Path root, boolean readDb) throws Exception {
        return of(sample, root, readDb, home -> {});
    }

    /** A change to the copied old home before the plan is made from it (so the plan is not stale). */
    interface OldHomeSetup {
        void apply(Path oldHome) throws Exception;
    }

    /** As {@link #of(String, Path, boolean)}, changing the old home's copy first. */
    static MigrateHomes of(String sample, Path root, boolean readDb, OldHomeSetup setup) throws Exception {
        Path old = root.resolve("old");
        Path target = root.resolve("new");
        for (Path p : List.of(old, target)) {
            delete(p);
        }
        copyTree(Samples.home(sample), old);
        copyTree(Samples.home(Samples.TARGET), target);
        // the steps confirmed up front (migrateArgs) include the server starts: their log is there before the plan
        started(target);
        setup.apply(old);
        InstallationOptions options = new InstallationOptions();
        options.oldHome = old;
        options.newHome = target;
        options.noDb = !readDb;
        options.today = java.time.LocalDate.parse(TODAY);
        MigrateScan.Result scanned = new MigrateScan(options, Map.of()).scan();
        MigrationPlan plan =
                Planner.plan(scanned.verdict(), scanned.catalogue(), scanned.facts(), ToolVersion.version());
        Path planFile = root.resolve("plan/plan.json");
        Files.createDirectories(planFile.getParent());
        PlanJson.save(planFile, plan);
        return new MigrateHomes(root, old, target, planFile, readDb);
    }

    MigrationPlan plan() throws Exception {
        return PlanJson.read(planFile);
    }

    /**
     * migrate's arguments for these homes and run folder, confirming every manual step of the plan up front, as an
     * operator who did them all beforehand would (the server starts wrote the log {@link #of} put there).
     */
    List<String> migrateArgs(Path run, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "migrate",
                "--plan",
                planFile.toString(),
                "--old",
                oldHome.toString(),
                "--new",
                newHome.toString(),
                "--today",
                TODAY,
                "--run",
                run.toString()));
        if (!readDb) {
            args.add("--no-db");
        }
        for (PlanStep s : plan().steps()) {
            if (!s.automated()) {
                args.add("--confirm");
                args.add(s.id());
            }
        }
        args.addAll(List.of(extra));
        return args;
    }

    static String treeHash(Path root) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                text.append(rel)
                        .append(Files.isDirectory(p) ? "/" : " " + FileDigest.sha256(p))
                        .append('\n');
            }
        }
        return FileDigest.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
