package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseProduct;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Says why a database could not be read without quoting the driver's message, which may name the account: the error
 * class, the SQLState and what that state means.
 */
final class ScanFailure {
    private ScanFailure() {}

    static String describe(Exception e, DatabaseProduct kind) {
        SQLException sql = findSql(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = meaning(state, kind);
        String cls = root.getClass().getSimpleName();
        return what + " (" + cls + (state.isEmpty() ? "" : ", SQLState " + state) + ")";
    }

    private static String meaning(String state, DatabaseProduct kind) {
        if (state.startsWith("08")) {
            return kind.tested() ? "unreachable" : "unreachable, or no JDBC driver for " + kind + " was supplied";
        }
        if (state.startsWith("28")) {
            return "authentication failed";
        }
        if (state.equals("3D000") || state.equals("90146") || state.equals("90013")) {
            return "database not found";
        }
        if (state.equals("42000")) {
            // MySQL and MariaDB report an unknown database and a refused statement with the same state
            return "database not found, or a statement was refused";
        }
        return "read failed";
    }

    private static @Nullable SQLException findSql(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
