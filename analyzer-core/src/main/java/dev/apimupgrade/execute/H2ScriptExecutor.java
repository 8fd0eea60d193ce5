package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.Dialect;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DbKind;
import dev.apimupgrade.scan.db.H2Url;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RunSqlScript on an H2 database file inside the old home: the .mv.db file is saved for rollback, then copied as the
 * step's own snapshot, then the shipped h2 script runs statement by statement. H2 commits DDL at once, so a step
 * killed half-way is never continued where it stopped: its rerun first puts the snapshot back, then runs the whole
 * script again, and no statement ever runs twice on the same data. RunSqlScriptExecutor sends it the H2 steps.
 */
final class H2ScriptExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "RunSqlScript";
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, StepContext ctx) {
        Optional<DatasourceSpec> spec = spec(step, ctx);
        String byHand = "run the " + step.params().get("script") + " script ("
                + step.params().getOrDefault(Planner.DIALECT_FOLDER, "its dialect") + ") on the " + step.target()
                + " database as the runbook shows";
        if (spec.isEmpty() || spec.get().kind().orElse(null) != DbKind.H2) {
            return Optional.of(byHand + "; this build runs scripts on H2 and PostgreSQL only");
        }
        if (spec.get().problem().isPresent()) {
            return Optional.of(byHand + "; the tool cannot open it: " + spec.get().problem().get());
        }
        if (!mvFile(spec.get()).startsWith(ctx.homes().oldHome())) {
            return Optional.of(byHand + "; its H2 file is outside the old home, so the tool cannot back it up");
        }
        return Optional.empty();
    }

    /** A script's effect is not observable in general; the journal's completion is what "done" means here. */
    @Override
    public boolean done(PlanStep step, StepContext ctx) {
        return ctx.journal().completed(step.id());
    }

    /** Every statement ran without an error: all the runner can see; a re-assessment checks the schema itself. */
    @Override
    public boolean holdsAfterApply(PlanStep step, StepContext ctx) {
        return true;
    }

    @Override
    public List<String> preview(PlanStep step, StepContext ctx) {
        List<String> lines = new ArrayList<>();
        lines.add("save OLD:" + relative(step, ctx) + " under backup/, then run on " + step.target() + ":");
        SqlScripts.statements(step.params().get("script"), Dialect.H2, ScriptIdentifiers.of(step, ctx.facts()))
                .forEach(s -> lines.add(s.toString().replace('\n', ' ')));
        return lines;
    }

    @Override
    public void apply(PlanStep step, StepContext ctx) throws IOException {
        DatasourceSpec spec = spec(step, ctx).orElseThrow();
        String rel = relative(step, ctx);
        Path file = mvFile(spec);
        ctx.backup().save(step.id(), Role.OLD, rel);
        Path snapshot = ctx.run().exports().resolve("snapshots").resolve(step.id().replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve(file.getFileName());
        Optional<JournalRecord> earlier = ctx.journal().records().stream()
                .filter(r -> r.type().equals("snapshot") && step.id().equals(r.step())).findFirst();
        Map<String, String> identifiers;
        if (earlier.isPresent()) {
            // a half-done earlier attempt: back to the state it started from, with the names it read then
            AtomicFiles.copy(snapshot, file);
            identifiers = ScriptIdentifiers.parse(earlier.get().detail());
        } else {
            identifiers = ScriptIdentifiers.of(step, ctx.facts());
            AtomicFiles.copy(file, snapshot);
            ctx.journal().append(JournalRecord.snapshot(step.id(), Homes.name(Role.OLD, rel),
                    FileDigest.sha256(snapshot), ScriptIdentifiers.format(identifiers)));
        }
        run(spec, SqlScripts.statements(step.params().get("script"), Dialect.H2, identifiers));
    }

    private static void run(DatasourceSpec spec, List<SqlStatement> statements) throws IOException {
        // no trace file: an SQL error must not leave a <db>.trace.db in the old home that the journal does not know
        String url = spec.connectUrl() + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
        try (Connection c = DriverManager.getConnection(url, spec.user(), spec.password() == null ? "" : spec.password());
             Statement st = c.createStatement()) {
            for (SqlStatement s : statements) {
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    throw new IOException(s.file() + ":" + s.line() + " failed: " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot open the H2 database " + spec.target() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<DatasourceSpec> spec(PlanStep step, StepContext ctx) {
        return ctx.datasources() == null ? Optional.empty()
                : ctx.datasources().all().stream().filter(d -> d.name().equals(step.target())).findFirst();
    }

    private static Path mvFile(DatasourceSpec spec) {
        // the connect URL is the scan's: an absolute database path without options
        Path db = H2Url.parse(spec.connectUrl()).flatMap(u -> u.databasePath(Path.of("").toAbsolutePath()))
                .orElseThrow(() -> new IllegalStateException("not an H2 file URL: " + spec.target()));
        return H2Url.mvFile(db.toAbsolutePath().normalize());
    }

    private static String relative(PlanStep step, StepContext ctx) {
        return ctx.homes().oldHome().relativize(mvFile(spec(step, ctx).orElseThrow())).toString().replace('\\', '/');
    }
}
