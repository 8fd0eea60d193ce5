package dev.apimupgrade.verify;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.AmUpgradeScriptTest;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.TestDatabase;
import dev.apimupgrade.scan.db.DatabaseScanner;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.nio.file.Path;
import java.util.List;

/**
 * Real WSO2AM_DB schemas for the DB-AM-SCHEMA tests, read as verify reads them: built on a throw-away database (an
 * H2 1.4.199 file, as a pack holds it, or a uniquely named PostgreSQL or MariaDB database, dropped afterwards) and
 * scanned by the production scanner as datasource {@value #DATASOURCE}. No server skips; CI=true fails (TestDatabase).
 */
final class AmDatabases {
    static final String DATASOURCE = "apim_db";

    /** A change made to the database before it is scanned. */
    interface Setup {
        void apply(TestDatabase db) throws Exception;
    }

    private AmDatabases() {}

    static Facts scanned(DatabaseProduct dialect, Path tmp, Setup setup) throws Exception {
        TestDatabase db = dialect == DatabaseProduct.H2
                ? TestDatabase.h2File(tmp.resolve("WSO2AM_DB"))
                : TestDatabase.create(dialect);
        try {
            try {
                setup.apply(db);
            } finally {
                if (dialect == DatabaseProduct.H2) {
                    db.close(); // the scanner reads a copy of the file: everything must be in it
                }
            }
            return new Facts(new DatabaseScanner().scan(new DatasourceSpecs(List.of(db.spec(DATASOURCE)))));
        } finally {
            if (dialect != DatabaseProduct.H2) {
                db.close();
            }
        }
    }

    /** The real 3.0.0 WSO2AM_DB schema, then apim-upgrade's shipped AM script, as migrate runs it. */
    static void migrated(TestDatabase db) throws Exception {
        db.loadSchema("3.0.0", "apimgt");
        db.run(SqlScripts.statements(SqlScripts.AM_UPGRADE, db.dialect, AmUpgradeScriptTest.constraintNames(db)));
    }

    /** The dialect name of the shipped expected schema for a test dialect. */
    static String schemaDialect(DatabaseProduct dialect) {
        return switch (dialect) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgresql";
            case MYSQL -> "mysql";
            default -> throw new IllegalArgumentException("no expected schema for " + dialect);
        };
    }
}
