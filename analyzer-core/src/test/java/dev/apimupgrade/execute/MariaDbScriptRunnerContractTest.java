package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import java.nio.file.Path;

class MariaDbScriptRunnerContractTest extends ScriptRunnerContract {
    @Override
    DatabaseProduct product() {
        return DatabaseProduct.MARIADB;
    }

    @Override
    String url(Path oldHome) {
        return "jdbc:mariadb://127.0.0.1:3306/vocab_contract";
    }
}
