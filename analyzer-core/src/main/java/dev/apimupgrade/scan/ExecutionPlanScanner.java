package dev.apimupgrade.scan;

import dev.apimupgrade.fact.ExecutionPlanFile;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.StockComparison;
import dev.apimupgrade.fact.UnreadableFile;
import dev.apimupgrade.scan.StockBaseline.Counterpart;
import java.io.IOException;
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

    static final String AREA = "executionplans";

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
        HomeLinks links = new HomeLinks(Role.OLD, installation.oldHome());
        if (!links.treeStaysInside(AREA, PLANS_DIR, out)) {
            return out;
        }
        for (Path file : plans(dir, out)) {
            String name = file.getFileName().toString();
            String relativePath = PLANS_DIR + "/" + name;
            SourceRef source = SourceRef.file(Role.OLD, relativePath);
            if (Files.isSymbolicLink(file) && !links.follow(AREA, file, out)) {
                continue;
            }
            byte[] content;
            try {
                content = InputFile.bytes(file, relativePath, InputFile.SIDDHI);
            } catch (InputException e) {
                out.add(new UnreadableFile(Role.OLD, AREA, relativePath, e.getMessage(), source));
                continue;
            }
            try {
                InputFile.utf8(content, relativePath);
            } catch (InputException e) {
                // the server reads a plan as UTF-8 text: a binary or differently encoded one is carried over broken
                out.add(new UnreadableFile(
                        Role.OLD, AREA, relativePath, e.getMessage() + " at line " + e.line(), source));
            }
            String sha = FileDigest.sha256(content);
            boolean stockName = stockNames.contains(name);
            out.add(new ExecutionPlanFile(Role.OLD, name, stockName, sha, source));
            if (stockName) {
                // The 11 stock plans are identical in 3.0.0 and 3.1.0, so the new home's copy is a fair baseline.
                baseline.compare(
                        StockComparison.Category.EXECUTION_PLAN,
                        TENANT,
                        name,
                        sha,
                        Counterpart.same(StockFiles.PLAN_PREFIX + name, relativePath),
                        source,
                        out);
            }
        }
        return out;
    }

    /** Every entry named like a plan, whatever it is: a folder or a device of that name is reported, not skipped. */
    private static List<Path> plans(Path dir, List<Observation> out) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            out.add(new UnreadableFile(
                    Role.OLD,
                    AREA,
                    PLANS_DIR,
                    "cannot be listed (" + e.getClass().getSimpleName() + ")",
                    SourceRef.file(Role.OLD, PLANS_DIR)));
            return List.of();
        }
    }
}
