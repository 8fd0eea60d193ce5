package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.H2Url;
import dev.apimupgrade.scan.db.ReadOnlyConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RunSqlScript on an H2 database file inside the old home: the .mv.db file is saved for rollback, then copied as the
 * step's own snapshot, then the shipped h2 script runs statement by statement. H2 commits DDL at once, so a step
 * killed half-way is never continued where it stopped: its rerun first puts the snapshot back, then runs the whole
 * script again, and no statement ever runs twice on the same data. RunSqlScriptExecutor sends it the H2 steps.
 */
final class H2ScriptExecutor implements ScriptRunner {
    private static final Logger LOG = LoggerFactory.getLogger(H2ScriptExecutor.class);

    private final BiFunction<String, Map<String, String>, List<SqlStatement>> script;

    H2ScriptExecutor() {
        this((purpose, ids) -> SqlScripts.statements(purpose, DatabaseProduct.H2, ids));
    }

    /** Tests hand in their own statements (one of them failing) in place of the shipped script. */
    H2ScriptExecutor(BiFunction<String, Map<String, String>, List<SqlStatement>> script) {
        this.script = script;
    }

    @Override
    public Set<DatabaseProduct> products() {
        return Set.of(DatabaseProduct.H2);
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, CheckContext ctx, DatasourceSpec spec) {
        String byHand = ScriptRunner.byHand(step, "h2");
        if (spec.problem().isPresent()) {
            return Optional.of(
                    byHand + "; the tool cannot open it: " + spec.problem().get());
        }
        if (!mvFile(spec).startsWith(ctx.homes().oldHome())) {
            return Optional.of(byHand + "; its H2 file is outside the old home, so the tool cannot back it up");
        }
        return Optional.empty();
    }

    /**
     * Done when the journal says the script completed and the schema shows it: every table the script creates and
     * every column it adds exists (a script that only changes rows has only the journal to go by). A completed step
     * whose objects are gone means the database was changed behind the run's back: redoing the step from its
     * snapshot would undo later work, so the run stops before the step and says so.
     */
    @Override
    public boolean done(PlanStep step, CheckContext ctx, DatasourceSpec spec) throws IOException {
        if (!ctx.completed(step.id())) {
            return false;
        }
        List<String> missing = missing(step, ctx, identifiers(step, ctx));
        if (!missing.isEmpty()) {
            throw new IOException("the journal says " + step.id() + " completed, but " + step.target() + " lacks "
                    + String.join(", ", missing) + ": the database changed since (restored from a backup?). Roll"
                    + " back this run, or restore the database to the state after the script");
        }
        return true;
    }

    /** Every statement ran without an error and the tables and columns the script creates exist. */
    @Override
    public boolean holdsAfterApply(PlanStep step, ApplyContext ctx, DatasourceSpec spec) throws IOException {
        return missing(step, ctx.check(), identifiers(step, ctx.check())).isEmpty();
    }

    private static List<String> missing(PlanStep step, CheckContext ctx, Map<String, String> identifiers)
            throws IOException {
        ScriptSchema expected =
                ScriptSchema.of(SqlScripts.statements(step.param("script"), DatabaseProduct.H2, identifiers));
        if (expected.isEmpty()) {
            return List.of();
        }
        DatasourceSpec spec = spec(step, ctx).orElseThrow();
        try (ReadOnlyConnection c = ReadOnlyConnection.open(spec, DatabaseProduct.H2, List.of())) {
            return expected.missing(c.jdbc());
        } catch (SQLException e) {
            throw new IOException(
                    "cannot read the schema of the H2 database " + spec.target() + ": " + e.getMessage(), e);
        }
    }

    /** The identifiers the step's script runs with: those journalled with its snapshot, else the fresh scan's. */
    private static Map<String, String> identifiers(PlanStep step, CheckContext ctx) {
        return snapshotRecord(step, ctx)
                .map(JournalRecord.Snapshot::identifierMap)
                .orElseGet(() -> ScriptIdentifiers.of(step, ctx.facts()));
    }

    private static Optional<JournalRecord.Snapshot> snapshotRecord(PlanStep step, CheckContext ctx) {
        return ctx.journal().stream()
                .flatMap(j -> j.records().stream())
                .flatMap(r -> r instanceof JournalRecord.Snapshot s && s.step().equals(step.id())
                        ? Stream.of(s)
                        : Stream.empty())
                .findFirst();
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx, DatasourceSpec spec) {
        List<String> lines = new ArrayList<>();
        lines.add("save OLD:" + relative(step, ctx) + " under backup/, then run on " + step.target() + ":");
        script.apply(step.param("script"), ScriptIdentifiers.of(step, ctx.facts()))
                .forEach(s -> lines.add(s.toString().replace('\n', ' ')));
        return lines;
    }

    @Override
    public void apply(PlanStep step, ApplyContext ctx, DatasourceSpec spec) throws IOException {
        String rel = relative(step, ctx.check());
        Path file = mvFile(spec);
        ctx.backup().save(step.id(), Role.OLD, rel);
        Path snapshot = ctx.folder()
                .exports()
                .resolve("snapshots")
                .resolve(step.id().replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve(file.getFileName());
        Optional<JournalRecord.Snapshot> earlier = snapshotRecord(step, ctx.check());
        Map<String, String> identifiers;
        if (earlier.isPresent()) {
            // a half-done earlier attempt: back to the state it started from, with the names it read then; only
            // from the very bytes the journal recorded, or the redo would start from some other state
            if (!Files.isRegularFile(snapshot)
                    || !FileDigest.sha256(snapshot).equals(earlier.get().sha256())) {
                throw new IOException("the snapshot " + snapshot + " is "
                        + (Files.isRegularFile(snapshot)
                                ? "not the one the journal recorded (its SHA-256 differs)"
                                : "missing")
                        + ", so " + step.id()
                        + " cannot be redone from the state it started from. Nothing was restored or run; roll back"
                        + " (the database as it was before the run is under "
                        + ctx.run().backup() + ")");
            }
            AtomicFiles.copy(snapshot, file);
            identifiers = earlier.get().identifierMap();
        } else {
            identifiers = ScriptIdentifiers.of(step, ctx.facts());
            AtomicFiles.copy(file, snapshot);
            ctx.journal()
                    .append(JournalRecord.snapshot(
                            step.id(),
                            Homes.name(Role.OLD, rel),
                            FileDigest.sha256(snapshot),
                            ScriptIdentifiers.format(identifiers)));
        }
        try {
            // a redo starts from the snapshot, whose rows the first attempt exported already
            List<ScriptEffects.Export> exports = earlier.isPresent()
                    ? List.of()
                    : ScriptEffects.of(step.param("script"), DatabaseProduct.H2)
                            .map(ScriptEffects.Effect::exports)
                            .orElse(List.of());
            run(spec, exports, script.apply(step.param("script"), identifiers), step, ctx);
        } finally {
            ctx.progress().finish(step.id());
        }
    }

    /** The exports (what compare explains count drops with), then every statement. */
    private static void run(
            DatasourceSpec spec,
            List<ScriptEffects.Export> exports,
            List<SqlStatement> statements,
            PlanStep step,
            ApplyContext ctx)
            throws IOException {
        String stepId = step.id();
        Progress progress = ctx.progress();
        // no trace file: an SQL error must not leave a <db>.trace.db in the old home that the journal does not know
        String url = spec.connectUrl() + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
        try (Connection c =
                        DriverManager.getConnection(url, spec.user(), spec.password() == null ? "" : spec.password());
                Statement st = c.createStatement()) {
            try {
                RowExport.writeAll(c, step, exports, ctx);
            } catch (SQLException e) {
                throw new IOException("the export before " + stepId + " failed: " + e.getMessage(), e);
            }
            int done = 0;
            for (SqlStatement s : statements) {
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    throw new IOException(s.file() + ":" + s.line() + " failed: " + e.getMessage(), e);
                }
                progress.update(stepId, ++done, statements.size(), "statements");
            }
            LOG.debug("{}: {} statements of {} ran on H2 {}", stepId, done, step.param("script"), spec.target());
        } catch (SQLException e) {
            throw new IOException("cannot open the H2 database " + spec.target() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<DatasourceSpec> spec(PlanStep step, CheckContext ctx) {
        return ctx.datasources() == null
                ? Optional.empty()
                : ctx.datasources().all().stream()
                        .filter(d -> d.name().equals(step.target()))
                        .findFirst();
    }

    private static Path mvFile(DatasourceSpec spec) {
        // the connect URL is the scan's: an absolute database path without options
        Path db = H2Url.parse(spec.connectUrl())
                .flatMap(u -> u.databasePath(Path.of("").toAbsolutePath()))
                .orElseThrow(() -> new IllegalStateException("not an H2 file URL: " + spec.target()));
        return H2Url.mvFile(db.toAbsolutePath().normalize());
    }

    private static String relative(PlanStep step, CheckContext ctx) {
        return ctx.homes()
                .oldHome()
                .relativize(mvFile(spec(step, ctx).orElseThrow()))
                .toString()
                .replace('\\', '/');
    }
}
