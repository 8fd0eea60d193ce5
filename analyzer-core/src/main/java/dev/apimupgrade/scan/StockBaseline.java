package dev.apimupgrade.scan;

import dev.apimupgrade.fact.FileContent;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.StockComparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Compares an old-home file with its stock counterpart: the 3.1.0 home's same file when a new home is given and holds
 * it (the files a customer did not touch are identical across the two GA packs, docs/facts.md section 8), otherwise the
 * embedded stock 3.0.0 hash. Mid-run the new home's file may already carry a customisation the plan asked for; the
 * file as it was before the run (from the run's backups, {@link Installation#newHomeAsPlanned()}) is then the
 * baseline, so an uncustomised tenant still compares equal. The digest of the new file compared with is recorded as a
 * FileContent fact: the comparison is a function of both files, and a plan binds both.
 */
final class StockBaseline {
    private final Optional<Path> newHome;
    private final java.util.Map<String, Path> asPlanned;
    private final StockFiles stock;
    private final java.util.Set<String> digested = new java.util.HashSet<>();

    StockBaseline(Installation installation, StockFiles stock) {
        this.newHome = installation.newHome();
        this.asPlanned = installation.newHomeAsPlanned();
        this.stock = stock;
    }

    /** The new home's counterpart file as the plan saw it, when a new home is given and holds it. */
    private Optional<Path> newFile(Counterpart counterpart) {
        if (counterpart.newHomePath() == null || newHome.isEmpty()) {
            return Optional.empty();
        }
        Path file =
                asPlanned.getOrDefault(counterpart.newHomePath(), newHome.get().resolve(counterpart.newHomePath()));
        return Optional.of(file).filter(Files::isRegularFile);
    }

    /** One stock counterpart: where it lies in the new home, and how to turn the 3.1.0 bytes into the 3.0.0 ones. */
    record Counterpart(String stockKey, @Nullable String newHomePath, UnaryOperator<byte[]> asIn300) {
        static Counterpart same(String stockKey, String newHomePath) {
            return new Counterpart(stockKey, newHomePath, UnaryOperator.identity());
        }

        /** A file whose 3.1.0 version is not a baseline for 3.0.0: only the stock hash may judge it. */
        static Counterpart stockHashOnly(String stockKey) {
            return new Counterpart(stockKey, null, UnaryOperator.identity());
        }
    }

    /**
     * Adds the comparison of an old file (already hashed) to {@code out}. When the new home's file cannot be read,
     * that is reported as a ScanProblem and the stock hash is used instead.
     */
    void compare(
            StockComparison.Category category,
            String tenant,
            String relativePath,
            String oldSha256,
            Counterpart counterpart,
            SourceRef source,
            List<Observation> out) {
        Optional<Path> newFile = newFile(counterpart);
        String newPath = counterpart.newHomePath();
        if (newFile.isPresent() && newPath != null) {
            try {
                byte[] read = Files.readAllBytes(newFile.get());
                if (digested.add(newPath)) {
                    out.add(new FileContent(
                            Role.NEW, newPath, FileDigest.sha256(read), SourceRef.file(Role.NEW, newPath)));
                }
                byte[] bytes = counterpart.asIn300().apply(read);
                out.add(new StockComparison(
                        Role.OLD,
                        category,
                        tenant,
                        relativePath,
                        oldSha256.equals(FileDigest.sha256(bytes)),
                        StockComparison.Baseline.NEW_HOME,
                        source));
                return;
            } catch (IOException | UncheckedIOException e) {
                out.add(new ScanProblem(
                        Role.NEW,
                        newPath,
                        "cannot be read (" + e.getClass().getSimpleName() + "), compared with the stock hash instead",
                        SourceRef.file(Role.NEW, newPath)));
            }
        }
        stock.sha256(counterpart.stockKey())
                .ifPresent(sha -> out.add(new StockComparison(
                        Role.OLD,
                        category,
                        tenant,
                        relativePath,
                        oldSha256.equals(sha),
                        StockComparison.Baseline.STOCK_HASH,
                        source)));
    }

    /**
     * The text of a counterpart in the new home as it would read in 3.0.0, when a new home is given and holds it.
     * A file that cannot be read gives nothing: {@link #compare} has already reported it.
     */
    Optional<String> newHomeText(Counterpart counterpart) {
        Optional<Path> newFile = newFile(counterpart);
        try {
            return newFile.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new String(
                            counterpart.asIn300().apply(Files.readAllBytes(newFile.get())), StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Byte-level replacement of an ASCII text, leaving every other byte (and so any encoding) as it was. */
    static UnaryOperator<byte[]> replacing(String found, String replacement) {
        return bytes -> new String(bytes, StandardCharsets.ISO_8859_1)
                .replace(found, replacement)
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
