package dev.apimupgrade.scan.db;

import static dev.apimupgrade.scan.db.TestDatabases.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseScanFailureTest {
    private static DatabaseScan scanOf(String url) {
        DatasourceSpec spec = new DatasourceSpec(
                "apim_db",
                url,
                url,
                "apimuser",
                "apimpass",
                Optional.empty(),
                SourceRef.line(Role.OLD, DatasourceSpecs.TOML, 4));
        return ofType(new DatabaseScanner().scan(new DatasourceSpecs(List.of(spec))), DatabaseScan.class)
                .get(0);
    }

    @Test
    void anOracleDatasourceWithoutASuppliedDriverIsNotReadAndTheReasonSaysADriverIsNeeded() {
        DatabaseScan scan = scanOf("jdbc:oracle:thin:@db.example:1521/ORCLPDB1");

        assertThat(scan.scanned()).isFalse();
        assertThat(scan.reason())
                .startsWith("db.example:1521/ORCLPDB1: unreachable, or no JDBC driver for ORACLE")
                .doesNotContain("apimuser")
                .doesNotContain("apimpass");
        assertThat(scan.source()).isEqualTo(SourceRef.line(Role.OLD, DatasourceSpecs.TOML, 4));
    }

    @Test
    void aUrlOfAnUnsupportedProductIsNotReadAndSaysSo() {
        DatabaseScan scan = scanOf("jdbc:sqlite:/var/db/apim.db");

        assertThat(scan.scanned()).isFalse();
        assertThat(scan.reason()).isEqualTo("/var/db/apim.db: unsupported JDBC URL");
    }
}
