package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.StockComparison;
import dev.apimupgrade.fact.StockComparison.Baseline;
import dev.apimupgrade.fact.StockComparison.Category;
import dev.apimupgrade.fact.SynapseDiff;
import dev.apimupgrade.fact.SynapseFile;
import dev.apimupgrade.fact.TenantDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SynapseScannerTest {
    static final String SUPER = SynapseScanner.SUPER_DIR + "/";
    static final String WCS = "proxy-services/WorkflowCallbackService.xml";
    static final String WCS_TEXT = "<proxy name=\"WorkflowCallbackService\"><target><endpoint><http method=\"post\" "
            + "uri-template=\"https://localhost:9443/api/am/admin/%s/workflows/update-workflow-status\"/>"
            + "</endpoint></target></proxy>\n";

    @TempDir
    Path tmp;

    private Facts scan(Path old, Path neu) {
        return new Facts(new SynapseScanner().scan(new Installation(old, Optional.ofNullable(neu))));
    }

    @Test
    void superTenantFilesAreReportedWithHashPathAndProtectedFlagForCfgSynapseSuper() throws IOException {
        Path old = home(tmp.resolve("old"));
        write(old, SUPER + "api/PizzaShackAPI--v1.0.0.xml", "<api name=\"PizzaShackAPI\"/>");
        write(old, SUPER + "sequences/main.xml", "<sequence name=\"main\"/>");

        Facts facts = scan(old, null);

        assertThat(facts.ofType(SynapseFile.class))
                .extracting(
                        SynapseFile::tenant, SynapseFile::relativePath, SynapseFile::protectedFile, SynapseFile::sha256)
                .containsExactly(
                        tuple(
                                "carbon.super",
                                "api/PizzaShackAPI--v1.0.0.xml",
                                false,
                                FileDigest.sha256("<api name=\"PizzaShackAPI\"/>".getBytes())),
                        tuple(
                                "carbon.super",
                                "sequences/main.xml",
                                true,
                                FileDigest.sha256("<sequence name=\"main\"/>".getBytes())));
        assertThat(facts.ofType(SynapseFile.class).get(0).source().where())
                .isEqualTo("OLD:" + SUPER + "api/PizzaShackAPI--v1.0.0.xml");
        assertThat(facts.ofType(FilePresence.class))
                .extracting(FilePresence::relativePath, FilePresence::present)
                .containsExactly(tuple(SynapseScanner.SUPER_DIR, true), tuple(SynapseScanner.TENANTS_DIR, false));
    }

    @Test
    void aHomeWithoutSynapseConfigsHasAbsentFoldersAndNoFilesForCfgSynapseSuperAndCfgSynapseTenants()
            throws IOException {
        Facts facts = scan(home(tmp.resolve("old")), null);

        assertThat(facts.ofType(SynapseFile.class)).isEmpty();
        assertThat(facts.ofType(TenantDirectory.class)).isEmpty();
        assertThat(facts.ofType(FilePresence.class))
                .extracting(FilePresence::present)
                .containsExactly(false, false);
    }

    @Test
    void everyTenantFolderIsFoundWithItsSynapseFilesForCfgSynapseTenants() throws IOException {
        Path old = home(tmp.resolve("old"));
        write(old, "repository/tenants/1/synapse-configs/default/api/admin-AT-wso2.com--Orders_v1.xml", "<api/>");
        write(old, "repository/tenants/1/synapse-configs/default/sequences/main.xml", "<sequence name=\"main\"/>");
        write(old, "repository/tenants/12/synapse-configs/default/sequences/fault.xml", "<sequence name=\"fault\"/>");
        write(old, "repository/tenants/3/executionplans/readme.txt", "no synapse here");

        Facts facts = scan(old, null);

        assertThat(facts.ofType(TenantDirectory.class))
                .extracting(
                        TenantDirectory::tenantId,
                        TenantDirectory::hasSynapseConfigs,
                        TenantDirectory::synapseFileCount)
                .containsExactly(tuple("1", true, 2), tuple("3", false, 0), tuple("12", true, 1));
        assertThat(facts.ofType(SynapseFile.class))
                .extracting(SynapseFile::tenant, SynapseFile::relativePath, SynapseFile::protectedFile)
                .containsExactly(
                        tuple("1", "api/admin-AT-wso2.com--Orders_v1.xml", false),
                        tuple("1", "sequences/main.xml", true),
                        tuple("12", "sequences/fault.xml", false));
        assertThat(facts.ofType(SynapseFile.class).get(1).source().where())
                .isEqualTo("OLD:repository/tenants/1/synapse-configs/default/sequences/main.xml");
    }

    @Test
    void aCustomisedProtectedFileDiffersAndAnUntouchedOneMatchesTheNewHomeForCfgSynapseProtectedModified()
            throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        write(neu, SUPER + "sequences/main.xml", "<sequence name=\"main\"/>");
        write(old, SUPER + "sequences/main.xml", "<sequence name=\"main\"/>");
        write(neu, SUPER + "api/_RevokeAPI_.xml", "<api name=\"_RevokeAPI_\"/>");
        write(old, SUPER + "api/_RevokeAPI_.xml", "<api name=\"_RevokeAPI_\"><!-- our audit handler --></api>");
        write(
                old,
                "repository/tenants/7/synapse-configs/default/sequences/main.xml",
                "<sequence name=\"main\"><log/></sequence>");

        Facts facts = scan(old, neu);

        assertThat(facts.ofType(StockComparison.class))
                .extracting(
                        StockComparison::tenant,
                        StockComparison::relativePath,
                        StockComparison::matchesStock,
                        StockComparison::baseline,
                        StockComparison::category)
                .containsExactly(
                        tuple("carbon.super", "api/_RevokeAPI_.xml", false, Baseline.NEW_HOME, Category.SYNAPSE),
                        tuple("carbon.super", "sequences/main.xml", true, Baseline.NEW_HOME, Category.SYNAPSE),
                        tuple("7", "sequences/main.xml", false, Baseline.NEW_HOME, Category.SYNAPSE));
        assertThat(facts.ofType(StockComparison.class).get(0).source().where())
                .isEqualTo("OLD:" + SUPER + "api/_RevokeAPI_.xml");
    }

    @Test
    void aCustomisedProtectedFileGetsAUnifiedDiffAgainstTheNewHomesFileForCfgSynapseProtectedModified()
            throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        write(neu, SUPER + "sequences/main.xml", "<sequence name=\"main\">\n  <in/>\n</sequence>\n");
        write(old, SUPER + "sequences/main.xml", "<sequence name=\"main\">\n  <in><log/></in>\n</sequence>\n");
        write(neu, SUPER + "api/_RevokeAPI_.xml", "<api name=\"_RevokeAPI_\"/>\n");
        write(old, SUPER + "api/_RevokeAPI_.xml", "<api name=\"_RevokeAPI_\"/>\n");
        write(old, "repository/tenants/4/synapse-configs/default/api/_RevokeAPI_.xml", "<api name=\"tenant\"/>\n");

        Facts facts = scan(old, neu);

        assertThat(facts.ofType(SynapseDiff.class))
                .extracting(SynapseDiff::tenant, SynapseDiff::relativePath)
                .containsExactly(tuple("carbon.super", "sequences/main.xml"), tuple("4", "api/_RevokeAPI_.xml"));
        assertThat(facts.ofType(SynapseDiff.class).get(0).unifiedDiff()).isEqualTo("""
                --- NEW:%1$ssequences/main.xml
                +++ OLD:%1$ssequences/main.xml
                @@ -1,3 +1,3 @@
                 <sequence name="main">
                -  <in/>
                +  <in><log/></in>
                 </sequence>""".formatted(SUPER));
        assertThat(facts.ofType(SynapseDiff.class).get(1).source().where())
                .isEqualTo("OLD:repository/tenants/4/synapse-configs/default/api/_RevokeAPI_.xml");
    }

    @Test
    void credentialsWrittenIntoACustomisedProtectedFileNeverReachTheDiffForCfgSynapseProtectedModified()
            throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        write(neu, SUPER + "sequences/main.xml", "<sequence name=\"main\">\n  <in/>\n</sequence>\n");
        write(
                old,
                SUPER + "sequences/main.xml",
                "<sequence name=\"main\">\n  <in><property name=\"Authorization\" "
                        + "value=\"Basic cGFydG5lcjpQbGFudGVk\" scope=\"transport\"/></in>\n</sequence>\n");

        String diff = scan(old, neu).ofType(SynapseDiff.class).get(0).unifiedDiff();

        assertThat(diff)
                .contains("+  <in><property name=\"Authorization\" value=\"****\" scope=\"transport\"/></in>")
                .doesNotContain("cGFydG5lcjpQbGFudGVk");
    }

    @Test
    void withoutANewHomeThereIsNoFileToDiffAgainstForCfgSynapseProtectedModified() throws IOException {
        Path old = home(tmp.resolve("old"));
        write(old, SUPER + "sequences/main.xml", "<sequence name=\"main\"><log/></sequence>\n");

        assertThat(scan(old, null).ofType(SynapseDiff.class)).isEmpty();
    }

    @Test
    void workflowCallbackServiceCallingAdminV015MatchesTheNewHomesV016CopyForCfgSynapseProtectedModified()
            throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        write(neu, SUPER + WCS, WCS_TEXT.formatted("v0.16"));
        write(old, SUPER + WCS, WCS_TEXT.formatted("v0.15"));
        write(
                old,
                "repository/tenants/2/synapse-configs/default/" + WCS,
                WCS_TEXT.formatted("v0.15").replace("localhost:9443", "apim.internal:9443"));

        Facts facts = scan(old, neu);

        assertThat(facts.ofType(StockComparison.class))
                .extracting(StockComparison::tenant, StockComparison::matchesStock, StockComparison::baseline)
                .containsExactly(tuple("carbon.super", true, Baseline.NEW_HOME), tuple("2", false, Baseline.NEW_HOME));
    }

    @Test
    void withoutANewHomeProtectedFilesAreComparedWithTheStockHashesForCfgSynapseProtectedModified() throws IOException {
        Path old = home(tmp.resolve("old"));
        FileHomes.copyStock(
                "apim-3.0.0", "synapse-configs/default/sequences/main.xml", old, SUPER + "sequences/main.xml");
        FileHomes.copyStock("apim-3.0.0", "synapse-configs/default/" + WCS, old, SUPER + WCS);
        write(
                old,
                SUPER + "sequences/_cors_request_handler_.xml",
                "<sequence name=\"_cors_request_handler_\"><log/></sequence>");
        FileHomes.copyStock(
                "apim-3.0.0",
                "synapse-configs/default/sequences/main.xml",
                old,
                "repository/tenants/5/synapse-configs/default/sequences/main.xml");

        Facts facts = scan(old, null);

        assertThat(facts.ofType(StockComparison.class))
                .extracting(
                        StockComparison::tenant,
                        StockComparison::relativePath,
                        StockComparison::matchesStock,
                        StockComparison::baseline)
                .containsExactly(
                        tuple("carbon.super", WCS, true, Baseline.STOCK_HASH),
                        tuple("carbon.super", "sequences/_cors_request_handler_.xml", false, Baseline.STOCK_HASH),
                        tuple("carbon.super", "sequences/main.xml", true, Baseline.STOCK_HASH),
                        tuple("5", "sequences/main.xml", true, Baseline.STOCK_HASH));
    }

    @Test
    void aNewHomeLackingTheFileFallsBackToTheStockHashForCfgSynapseProtectedModified() throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        FileHomes.copyStock(
                "apim-3.0.0", "synapse-configs/default/api/_RevokeAPI_.xml", old, SUPER + "api/_RevokeAPI_.xml");

        assertThat(scan(old, neu).ofType(StockComparison.class))
                .extracting(StockComparison::matchesStock, StockComparison::baseline)
                .containsExactly(tuple(true, Baseline.STOCK_HASH));
    }

    @Test
    void otherStockFilesAreComparedInTheSuperTenantOnlyForCfgSynapseSuper() throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        write(neu, SUPER + "sequences/fault.xml", "<sequence name=\"fault\"/>");
        write(old, SUPER + "sequences/fault.xml", "<sequence name=\"fault\"><log level=\"full\"/></sequence>");
        write(old, "repository/tenants/1/synapse-configs/default/sequences/fault.xml", "<sequence name=\"fault\"/>");
        write(old, SUPER + "sequences/custom_auth.xml", "<sequence name=\"custom_auth\"/>");

        assertThat(scan(old, neu).ofType(StockComparison.class))
                .extracting(StockComparison::tenant, StockComparison::relativePath, StockComparison::matchesStock)
                .containsExactly(tuple("carbon.super", "sequences/fault.xml", false));
    }

    @Test
    void secureWebSocketEndpointIsJudgedByTheStockHashBecause310RewroteItForCfgSynapseSuper() throws IOException {
        String endpoint = "synapse-configs/default/" + SynapseScanner.SECURE_WEBSOCKET;
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        FileHomes.copyStock("apim-3.0.0", endpoint, old, SUPER + SynapseScanner.SECURE_WEBSOCKET);
        FileHomes.copyStock("apim-3.1.0", endpoint, neu, SUPER + SynapseScanner.SECURE_WEBSOCKET);

        assertThat(scan(old, neu).ofType(StockComparison.class))
                .extracting(StockComparison::matchesStock, StockComparison::baseline)
                .containsExactly(tuple(true, Baseline.STOCK_HASH));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void thousandsOfTenantFilesAreCountedInOnePassForCfgSynapseTenants() throws IOException {
        Path old = home(tmp.resolve("old"));
        for (int t = 1; t <= 20; t++) {
            for (int i = 0; i < 150; i++) {
                write(
                        old,
                        "repository/tenants/" + t + "/synapse-configs/default/api/api" + i + ".xml",
                        "<api n=\"" + i + "\"/>");
            }
        }

        Facts facts = scan(old, null);

        assertThat(facts.ofType(SynapseFile.class)).hasSize(3000);
        assertThat(facts.ofType(TenantDirectory.class)).hasSize(20).allSatisfy(t -> {
            assertThat(t.synapseFileCount()).isEqualTo(150);
            assertThat(t.role()).isEqualTo(Role.OLD);
        });
    }
}
