package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.testkit.DatabaseServer;
import dev.apimupgrade.testkit.ScratchDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The script runner contract on the loopback PostgreSQL: every script is one transaction, its DDL included. */
class PostgresScriptRunnerContractTest extends ScriptRunnerContract {
    @Override
    DatabaseProduct product() {
        return DatabaseProduct.POSTGRESQL;
    }

    @Override
    ScratchDatabase create(Path oldHome) throws SQLException {
        return ScratchDatabase.create(DatabaseServer.POSTGRESQL);
    }

    @Override
    String schemaFile() {
        return "postgresql.sql";
    }

    @Override
    ScriptRunner runner(BiFunction<String, Map<String, String>, List<SqlStatement>> script) {
        return new PostgresScriptExecutor(script);
    }

    @Override
    boolean rollsBackAFailedScript() {
        return true;
    }

    /** PostgreSQL compares text case-sensitively: '/A' is a path of its own. */
    @Override
    List<String> regLogKept() {
        return List.of("2", "5", "7", "8");
    }

    /** The script's remaining.sql count is zero: done before it runs. */
    @Override
    String aFreshRunSays(String stepId) {
        return stepId + ": already done";
    }
}
