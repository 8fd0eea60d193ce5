package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.util.List;
import java.util.Optional;

/**
 * One timed database scan in a fresh JVM, for bench/assess-db.sh: args are the JDBC URL and the user (trust
 * authentication, no password). Prints "scan_ms=N facts=N" and exits 1 when the database could not be read.
 */
public final class DatabaseScanBench {
    private DatabaseScanBench() {}

    public static void main(String[] args) {
        DatasourceSpec spec = new DatasourceSpec(
                "apim_db",
                args[0],
                args[0],
                args[1],
                "",
                Optional.empty(),
                SourceRef.line(Role.OLD, DatasourceSpecs.TOML, 1));
        long start = System.nanoTime();
        List<Observation> facts = new DatabaseScanner().scan(new DatasourceSpecs(List.of(spec)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        DatabaseScan scan = facts.stream()
                .filter(DatabaseScan.class::isInstance)
                .map(DatabaseScan.class::cast)
                .findFirst()
                .orElseThrow();
        if (!scan.scanned()) {
            System.err.println("not read: " + scan.reason());
            System.exit(1);
        }
        System.out.println("scan_ms=" + ms + " facts=" + facts.size());
    }
}
