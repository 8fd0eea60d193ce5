package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlStatement;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A script run as one transaction after its exports, on PostgreSQL (any script) or MariaDB/MySQL (row changes): the
 * exports are read inside the transaction, then every statement runs, then it commits. Any error rolls the whole
 * script back, so a failed step leaves the database as it was and names the statement's file:line and SQL state.
 */
final class ScriptTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptTransaction.class);

    private ScriptTransaction() {}

    static void run(
            Connection c,
            PlanStep step,
            ApplyContext ctx,
            List<ScriptEffects.Export> exports,
            List<SqlStatement> statements)
            throws SQLException, IOException {
        c.setAutoCommit(false);
        try {
            RowExport.writeAll(c, step, exports, ctx);
            try (Statement st = c.createStatement()) {
                for (SqlStatement s : statements) {
                    try {
                        st.execute(s.sql());
                    } catch (SQLException e) {
                        throw new IOException(
                                s.file() + ":" + s.line() + " failed (SQL state " + e.getSQLState() + "): "
                                        + e.getMessage() + "; the whole script was rolled back, nothing was changed",
                                e);
                    }
                }
            }
            c.commit();
            LOG.debug(
                    "{}: {} statements of {} ran and were committed in one transaction",
                    step.id(),
                    statements.size(),
                    step.params().get("script"));
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** Whether a post-condition count (a remaining.sql query) is zero: the script's effect holds. */
    static boolean nothingRemains(Connection c, String remaining) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet r = st.executeQuery(remaining)) {
            return r.next() && r.getLong(1) == 0;
        }
    }
}
