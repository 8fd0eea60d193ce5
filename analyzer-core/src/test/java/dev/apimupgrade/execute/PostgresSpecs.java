package dev.apimupgrade.execute;

import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.testkit.ScratchDatabase;
import java.util.Optional;

/** The real 3.0.0 PostgreSQL schemas the migrate tests load, and how migrate reaches a test database. */
final class PostgresSpecs {
    static final String AM_SCHEMA = "apim-3.0.0/dbscripts/apimgt/postgresql.sql";
    static final String SHARED_SCHEMA = "apim-3.0.0/dbscripts/postgresql.sql";

    private PostgresSpecs() {}

    /** A datasource reaching the database; trust auth ignores the password, which lets a test prove it is never printed. */
    static DatasourceSpec spec(ScratchDatabase db, String datasource, String password) {
        return new DatasourceSpec(
                datasource,
                db.url(),
                db.url(),
                db.user(),
                password,
                Optional.empty(),
                SourceRef.db(datasource, "deployment.toml"));
    }
}
