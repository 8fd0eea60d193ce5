package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ScriptRunner} promises, run once per product that has one (a *ScriptRunnerContractTest per product): RunSqlScriptExecutor
 * sends a step to it by the product of the step's datasource, a datasource the tool cannot open is left to the
 * operator with the script, the folder and the reason.
 */
abstract class ScriptRunnerContract {
    @TempDir
    Path tmp;

    abstract DatabaseProduct product();

    /** A JDBC URL of this product (the database need not exist: the contract never connects). */
    abstract String url(Path oldHome);

    private CheckContext context(Optional<String> problem) throws Exception {
        Path oldHome = Files.createDirectories(tmp.resolve("old"));
        Path newHome = Files.createDirectories(tmp.resolve("new"));
        DatasourceSpec spec = new DatasourceSpec(
                "apim_db",
                url(oldHome),
                url(oldHome),
                "apim",
                null,
                problem,
                SourceRef.file(Role.OLD, "repository/conf/deployment.toml"));
        return new CheckContext(
                new Homes(oldHome, newHome),
                new Facts(List.of()),
                new DatasourceSpecs(List.of(spec)),
                Optional.empty());
    }

    private static PlanStep step() {
        return new PlanStep(
                "sql-reg-index",
                "IDX-REG-INDEX-SQL",
                "RunSqlScript",
                "apim_db",
                Map.of("script", SqlScripts.REG_INDEX),
                true,
                List.of(),
                "Step 2.7",
                "",
                "reg-index has run",
                List.of(),
                List.of());
    }

    @Test
    void theProductHasExactlyOneShippedRunner() {
        List<ScriptRunner> shipped =
                List.of(new H2ScriptExecutor(), new PostgresScriptExecutor(), new MariaDbScriptExecutor());
        assertThat(shipped.stream().filter(r -> r.products().contains(product())))
                .hasSize(1);
    }

    @Test
    void aDatasourceTheToolCannotOpenIsLeftToTheOperatorWithTheScriptItsFolderAndTheReason() throws Exception {
        CheckContext ctx = context(Optional.of("the password variable APIM_DB_PASSWORD is not set"));

        Optional<String> byHand = new RunSqlScriptExecutor().needsOperator(step(), ctx);

        assertThat(byHand)
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("run the reg-index script (" + product().folder()
                                + ") on the apim_db database as the" + " runbook shows")
                        .endsWith("the tool cannot open it: the password variable APIM_DB_PASSWORD is not set"));
    }
}
