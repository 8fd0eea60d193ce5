package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.ExecutionPlanFile;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.StockComparison;
import dev.apimupgrade.fact.StockComparison.Baseline;
import dev.apimupgrade.fact.StockComparison.Category;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionPlanScannerTest {
    static final String PLANS = ExecutionPlanScanner.PLANS_DIR + "/";
    static final String GOLD = "carbon.super_sub_Gold.siddhiql";
    static final String BRONZE = "carbon.super_sub_Bronze.siddhiql";

    @TempDir
    Path tmp;

    private Facts scan(Path old, Path neu) {
        return new Facts(new ExecutionPlanScanner().scan(new Installation(old, Optional.ofNullable(neu))));
    }

    @Test
    void stockAndUserCreatedPlansAreToldApartForCfgExecutionPlans() throws IOException {
        Path old = home(tmp.resolve("old"));
        write(old, PLANS + GOLD, "@Plan:name('carbon.super_sub_Gold')");
        write(old, PLANS + "carbon.super_app_Platinum.siddhiql", "@Plan:name('carbon.super_app_Platinum')");
        write(old, PLANS + "notes.txt", "not a plan");

        Facts facts = scan(old, null);

        assertThat(facts.ofType(ExecutionPlanFile.class))
                .extracting(ExecutionPlanFile::name, ExecutionPlanFile::stockName, ExecutionPlanFile::sha256)
                .containsExactly(
                        tuple(
                                "carbon.super_app_Platinum.siddhiql",
                                false,
                                FileDigest.sha256("@Plan:name('carbon.super_app_Platinum')".getBytes())),
                        tuple(GOLD, true, FileDigest.sha256("@Plan:name('carbon.super_sub_Gold')".getBytes())));
        assertThat(facts.ofType(ExecutionPlanFile.class).get(1).source().where())
                .isEqualTo("OLD:" + PLANS + GOLD);
        assertThat(facts.ofType(FilePresence.class))
                .extracting(FilePresence::present)
                .containsExactly(true);
    }

    @Test
    void aHomeWithoutAnExecutionPlansFolderIsReportedAsAbsentForCfgExecutionPlans() throws IOException {
        Facts facts = scan(home(tmp.resolve("old")), null);

        assertThat(facts.ofType(ExecutionPlanFile.class)).isEmpty();
        assertThat(facts.ofType(FilePresence.class))
                .extracting(FilePresence::relativePath, FilePresence::present)
                .containsExactly(tuple(ExecutionPlanScanner.PLANS_DIR, false));
    }

    @Test
    void anEditedStockPlanDiffersAndAnUntouchedOneMatchesTheNewHomeForCfgExecutionPlans() throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        write(neu, PLANS + GOLD, "gold 5000 per minute");
        write(old, PLANS + GOLD, "gold 9000 per minute");
        write(neu, PLANS + BRONZE, "bronze 1000 per minute");
        write(old, PLANS + BRONZE, "bronze 1000 per minute");
        write(old, PLANS + "custom.siddhiql", "custom");

        assertThat(scan(old, neu).ofType(StockComparison.class))
                .extracting(
                        StockComparison::relativePath,
                        StockComparison::matchesStock,
                        StockComparison::baseline,
                        StockComparison::category)
                .containsExactly(
                        tuple(BRONZE, true, Baseline.NEW_HOME, Category.EXECUTION_PLAN),
                        tuple(GOLD, false, Baseline.NEW_HOME, Category.EXECUTION_PLAN));
    }

    @Test
    void withoutANewHomeStockPlansAreComparedWithTheStockHashesForCfgExecutionPlans() throws IOException {
        Path old = home(tmp.resolve("old"));
        FileHomes.copyStock("apim-3.0.0", "executionplans/" + BRONZE, old, PLANS + BRONZE);
        write(old, PLANS + GOLD, "gold 9000 per minute");

        assertThat(scan(old, null).ofType(StockComparison.class))
                .extracting(StockComparison::relativePath, StockComparison::matchesStock, StockComparison::baseline)
                .containsExactly(tuple(BRONZE, true, Baseline.STOCK_HASH), tuple(GOLD, false, Baseline.STOCK_HASH));
    }
}
