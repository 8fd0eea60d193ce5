package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import java.nio.file.Path;

class PostgresScriptRunnerContractTest extends ScriptRunnerContract {
    @Override
    DatabaseProduct product() {
        return DatabaseProduct.POSTGRESQL;
    }

    @Override
    String url(Path oldHome) {
        return "jdbc:postgresql://127.0.0.1:5432/vocab_contract";
    }
}
