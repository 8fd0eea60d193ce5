package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.scan.AnalyticsHomes;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.Scanner;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Reads every datasource of the old home, read-only, into facts: product, the guide's tables with their columns and
 * constraints, the counts the conditions need, privileges and collation. Each datasource ends with one {@link
 * DatabaseScan}: scanned, or not with the reason (target, error class; never credentials), and the others go on.
 */
public final class DatabaseScanner {
    static final String UNTESTED = "read through plain JDBC metadata: the checks were not tested on this product";

    static {
        // jOOQ prints a banner and tips on first use, and warns that H2 1.4.199 is older than its H2 dialect (the
        // version WSO2 ships, read correctly); an assessment's output is the report, nothing else.
        quiet("org.jooq.no-logo", "true");
        quiet("org.jooq.no-tips", "true");
        quiet("org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport", "ERROR");
    }

    private final List<Driver> extraDrivers;

    private static void quiet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** A scanner using the bundled drivers (H2 1.4.199, PostgreSQL, MariaDB) plus drivers the user supplied. */
    public DatabaseScanner(List<Driver> extraDrivers) {
        this.extraDrivers = List.copyOf(extraDrivers);
    }

    public DatabaseScanner() {
        this(List.of());
    }

    /**
     * This scanner as a scan-stage {@link Scanner}: the old home's datasources, with passwords supplied per datasource
     * name (the CLI) and the environment (APIM_UPGRADE_DB_PASSWORD_NAME).
     */
    public Scanner forOldHome(Map<String, String> passwords, Map<String, String> environment) {
        return forOldHome(passwords, environment, AnalyticsHomes.none());
    }

    /** As {@link #forOldHome(Map, Map)}, plus APIM_ANALYTICS_DB of the old analytics home when one is given. */
    public Scanner forOldHome(
            Map<String, String> passwords, Map<String, String> environment, AnalyticsHomes analytics) {
        return new Scanner() {
            @Override
            public List<Observation> scan(Installation installation) throws InputException {
                return DatabaseScanner.this.scan(DatasourceSpecs.read(installation, analytics, passwords, environment));
            }

            @Override
            public boolean sideBySide() {
                return true;
            }
        };
    }

    /**
     * The entry point: every datasource of the specs, each read on its own connection (build them with
     * DatasourceSpecs.read). Datasources are independent, so they are read side by side, at most one per processor
     * (opening an H2 file replays its whole schema, a second or so of CPU each on the custom sample); the facts come
     * in the order of the specs whatever finishes first.
     */
    public List<Observation> scan(DatasourceSpecs specs) {
        List<DatasourceSpec> all = specs.all();
        int threads = Math.min(all.size(), Runtime.getRuntime().availableProcessors());
        List<Observation> facts = new ArrayList<>();
        if (threads <= 1) {
            all.forEach(spec -> facts.addAll(scan(spec)));
            return facts;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "apim-upgrade-db");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Observation>>> each = new ArrayList<>();
            for (DatasourceSpec spec : all) {
                each.add(pool.submit(() -> scan(spec)));
            }
            for (Future<List<Observation>> f : each) {
                facts.addAll(f.get());
            }
            return facts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the databases", e);
        } catch (ExecutionException e) {
            // scan(spec) turns every failure of a database into a fact: what gets here is an Error or a bug
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    List<Observation> scan(DatasourceSpec spec) {
        List<Observation> facts = new ArrayList<>();
        SourceRef where = spec.source();
        Optional<DatabaseProduct> kind = spec.kind();
        if (spec.problem().isPresent()) {
            facts.add(notRead(spec, spec.problem().get()));
        } else if (kind.isEmpty()) {
            facts.add(notRead(spec, "unsupported JDBC URL"));
        } else {
            try (ReadOnlyConnection c = ReadOnlyConnection.open(spec, kind.get(), extraDrivers)) {
                String product = read(c, kind.get(), spec.name(), facts);
                facts.add(new DatabaseScan(spec.name(), true, product, "", where));
            } catch (SQLException | DataAccessException e) {
                facts.add(notRead(spec, ScanFailure.describe(e, kind.get())));
            } catch (NoSuchFileException e) {
                facts.add(notRead(spec, "H2 file " + e.getMessage() + " not found"));
            } catch (IOException e) {
                facts.add(notRead(
                        spec, "H2 file cannot be copied (" + e.getClass().getSimpleName() + ")"));
            } catch (RuntimeException e) {
                // A driver or metadata surprise on one database must not end the assessment of the others.
                facts.add(notRead(spec, "read failed (" + e.getClass().getSimpleName() + ")"));
            }
        }
        return facts;
    }

    private static String read(
            ReadOnlyConnection c, DatabaseProduct configured, String datasource, List<Observation> facts)
            throws SQLException {
        DatabaseMetaData md = c.jdbc().getMetaData();
        DatabaseProduct kind = configured.servedBy(md.getDatabaseProductName());
        String product = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        facts.add(new DbProduct(
                datasource,
                md.getDatabaseProductName(),
                md.getDatabaseProductVersion(),
                kind,
                kind.tested() ? "" : UNTESTED,
                SourceRef.db(datasource, "product")));
        DSLContext ctx = DSL.using(c.jdbc(), kind.jooqDialect().orElse(SQLDialect.DEFAULT));
        CatalogReader reader = new CatalogReader(datasource, facts);
        Catalog catalog = kind.tested()
                ? reader.read(c.jdbc(), kind)
                : reader.readJdbc(md, c.jdbc().getCatalog(), c.jdbc().getSchema());
        new RowCounter(ctx, catalog, datasource, facts).countAll();
        ServerFacts.read(c.jdbc(), kind, datasource, facts);
        Optional<Catalog.Found> analytics = catalog.table(KeyStorage.ANALYTICS_TABLE);
        if (analytics.isPresent() && (kind == DatabaseProduct.MARIADB || kind == DatabaseProduct.MYSQL)) {
            KeyStorage.read(c.jdbc(), datasource, analytics.get().table().getName(), KeyStorage.ANALYTICS_KEY)
                    .ifPresent(key -> facts.addAll(key.facts()));
        }
        return product;
    }

    private static DatabaseScan notRead(DatasourceSpec spec, String why) {
        return new DatabaseScan(spec.name(), false, "", spec.target() + ": " + why, spec.source());
    }
}
