package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import java.nio.file.Path;

class H2ScriptRunnerContractTest extends ScriptRunnerContract {
    @Override
    DatabaseProduct product() {
        return DatabaseProduct.H2;
    }

    @Override
    String url(Path oldHome) {
        return "jdbc:h2:" + oldHome.resolve("repository/database/WSO2AM_DB").toAbsolutePath();
    }
}
