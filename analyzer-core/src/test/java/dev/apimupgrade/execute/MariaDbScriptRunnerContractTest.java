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

/**
 * The script runner contract on the loopback MariaDB, its database in latin1 as WSO2's MySQL set-up makes it: row
 * scripts are one InnoDB transaction, DDL commits at once behind metadata checks.
 */
class MariaDbScriptRunnerContractTest extends ScriptRunnerContract {
    @Override
    DatabaseProduct product() {
        return DatabaseProduct.MARIADB;
    }

    @Override
    ScratchDatabase create(Path oldHome) throws SQLException {
        return ScratchDatabase.create(DatabaseServer.MARIADB, " CHARACTER SET latin1");
    }

    @Override
    String schemaFile() {
        return "mysql.sql";
    }

    @Override
    ScriptRunner runner(BiFunction<String, Map<String, String>, List<SqlStatement>> script) {
        return new MariaDbScriptExecutor(script);
    }

    /** The scripts the contract breaks change rows, which run in one transaction (DDL: MariaDbScriptExecutorTest). */
    @Override
    boolean rollsBackAFailedScript() {
        return true;
    }

    /** latin1_swedish_ci is case-insensitive: '/A' (id 8) is the newest row of /a's group, so 2 goes too. */
    @Override
    List<String> regLogKept() {
        return List.of("5", "7", "8");
    }

    /** The script's remaining.sql count is zero: done before it runs. */
    @Override
    String aFreshRunSays(String stepId) {
        return stepId + ": already done";
    }
}
