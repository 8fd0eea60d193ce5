package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.testkit.ScratchDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The script runner contract on an H2 1.4.199 file database in the old home, as a pack's WSO2AM_DB: DDL and rows commit
 * statement by statement, so a failed script leaves what ran, and a rerun starts again from the step's snapshot.
 */
class H2ScriptRunnerContractTest extends ScriptRunnerContract {
    @Override
    DatabaseProduct product() {
        return DatabaseProduct.H2;
    }

    @Override
    ScratchDatabase create(Path oldHome) throws SQLException {
        return ScratchDatabase.h2File(oldHome.resolve("repository/database/" + ScratchDatabase.uniqueName()));
    }

    @Override
    String schemaFile() {
        return "h2.sql";
    }

    @Override
    ScriptRunner runner(BiFunction<String, Map<String, String>, List<SqlStatement>> script) {
        return new H2ScriptExecutor(script);
    }

    /** The name H2 generated for AM_SYSTEM_APPS's UNIQUE(NAME), which the AM script drops, read as the scan reads it. */
    @Override
    Map<String, String> identifiers(ScratchDatabase db) throws SQLException {
        List<String> names = db.strings("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.CONSTRAINTS WHERE TABLE_NAME ="
                + " 'AM_SYSTEM_APPS' AND CONSTRAINT_TYPE = 'UNIQUE' AND COLUMN_LIST = 'NAME'");
        return names.isEmpty() ? Map.of() : Map.of(SqlScripts.AM_SYSTEM_APPS_NAME_CONSTRAINT, names.get(0));
    }

    @Override
    boolean rollsBackAFailedScript() {
        return false;
    }

    /** H2 compares text case-sensitively: '/A' is a path of its own. */
    @Override
    List<String> regLogKept() {
        return List.of("2", "5", "7", "8");
    }

    /** H2 knows a script ran only from the run's journal: a new run folder runs it again, from the state it finds. */
    @Override
    String aFreshRunSays(String stepId) {
        return stepId + ": done";
    }
}
