package dev.apimupgrade.scan;

import dev.apimupgrade.fact.ExecutionPlanFile;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.scan.StockBaseline.Counterpart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the old home's Traffic Manager execution plans: one ExecutionPlanFile per .siddhiql file, and for the 11 stock
 * plans a StockComparison, so rules can tell user-created throttle policies and edited stock plans apart.
 */
public final class ExecutionPlanScanner implements Scanner {
    static final String PLANS_DIR = "repository/deployment/server/executionplans";
    static final String SUFFIX = ".siddhiql";
    /** Stock plans are the super tenant's: they sit in its deployment folder and are named after it. */
    static final String TENANT = "carbon.super";

    private final StockFiles stock;

    public ExecutionPlanScanner() {
        this(StockFiles.stock());
    }

    ExecutionPlanScanner(StockFiles stock) {
        this.stock = stock;
    }

    @Override
    public List<Observation> scan(Installation installation) {
        List<Observation> out = new ArrayList<>();
        Path dir = installation.oldHome().resolve(PLANS_DIR);
        boolean present = Files.isDirectory(dir);
        out.add(new FilePresence(Role.OLD, PLANS_DIR, present, SourceRef.file(Role.OLD, PLANS_DIR)));
        if (!present) {
            return out;
        }
        StockBaseline baseline = new StockBaseline(installation, stock);
        Set<String> stockNames = stock.executionPlanNames();
        for (Path file : plans(dir, out)) {
            String name = file.getFileName().toString();
            String relativePath = PLANS_DIR + "/" + name;
            SourceRef source = SourceRef.file(Role.OLD, relativePath);
            String sha;
            try {
                sha = FileDigest.sha256(file);
            } catch (UncheckedIOException e) {
                out.add(FileTree.problem(Role.OLD, relativePath, e));
                continue;
            }
            boolean stockName = stockNames.contains(name);
            out.add(new ExecutionPlanFile(Role.OLD, name, stockName, sha, source));
            if (stockName) {
                // The 11 stock plans are identical in 3.0.0 and 3.1.0, so the new home's copy is a fair baseline.
                baseline.compare("executionplan", TENANT, name, sha,
                        Counterpart.same(StockFiles.PLAN_PREFIX + name, relativePath), source, out);
            }
        }
        return out;
    }

    private static List<Path> plans(Path dir, List<Observation> out) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | RuntimeException e) {
            out.add(FileTree.problem(Role.OLD, PLANS_DIR, e));
            return List.of();
        }
    }
}
