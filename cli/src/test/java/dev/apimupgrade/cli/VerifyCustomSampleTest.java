package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify after a correct unattended migration of the custom sample raises none of the false alarms it used to: the
 * tenants' default synapse files, which 3.1.0 writes at a tenant's first load, may be absent; carbon.super's main.xml
 * with the customisation re-applied as the plan asked is as expected; [keystore.primary], which no step carries, is not
 * compared. Each of those checks still fails for a real reason (a tenant main.xml changed to something else), and the
 * board summary of a bundle whose after part is verify's FAIL shows that verdict and the failed check.
 */
class VerifyCustomSampleTest {
    private static final Map<String, String> OPERATOR = AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT;
    static final String MAIN = "repository/deployment/server/synapse-configs/default/sequences/main.xml";
    static final String TENANT_MAIN = "repository/tenants/1/synapse-configs/default/sequences/main.xml";
    static final String TENANT_CORS =
            "repository/tenants/1/synapse-configs/default/sequences/_cors_request_handler_.xml";

    @TempDir
    Path tmp;

    private CliRun run(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return CliRun.withEnvironment(OPERATOR, all.toArray(String[]::new));
    }

    static Map<String, JsonNode> checks(Path afterReport) throws Exception {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        JsonMapper.builder()
                .build()
                .readTree(afterReport.toFile())
                .get("checks")
                .forEach(c -> out.put(c.get("id").asText(), c));
        return out;
    }

    @Test
    void afterACorrectUnattendedMigrationTheProtectedFilesAndTheCarriedSettingsPassAndARealChangeStillFails()
            throws Exception {
        Path old = tmp.resolve("homes/old");
        Path target = tmp.resolve("homes/new");
        Path analytics = tmp.resolve("homes/old-analytics");
        MigrateHomes.copyTree(Samples.home(Samples.CUSTOM), old);
        MigrateHomes.copyTree(Samples.home(Samples.TARGET), target);
        MigrateHomes.copyTree(Samples.home(Samples.ANALYTICS_CUSTOM), analytics);
        MigrateHomes.started(target);
        MigrateCustomSampleTest.fixTheNullApiVersion(analytics);
        List<String> homes = List.of(
                "--old",
                old.toString(),
                "--new",
                target.toString(),
                "--old-analytics",
                analytics.toString(),
                "--today",
                MigrateHomes.TODAY);
        List<String> plan = new ArrayList<>(List.of("plan"));
        plan.addAll(homes);
        assertThat(run(plan, "--out", tmp.resolve("plan").toString()).code()).isEqualTo(ExitCode.READY);
        List<PlanStep> steps = PlanJson.read(tmp.resolve("plan/plan.json")).steps();
        Path loader = Files.write(
                Files.createDirectories(tmp.resolve("downloads")).resolve("tenantloader-1.0.jar"),
                new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        StringBuilder answers =
                new StringBuilder("migrate:\n  files:\n    tenantloader: \"" + loader + "\"\n" + "  confirmed:\n");
        steps.stream()
                .filter(s -> !s.automated())
                .map(PlanStep::id)
                .distinct()
                .forEach(id -> answers.append("    - \"").append(id).append("\"\n"));
        answers.append("    - \"ANA-DB-PK:RunSqlScript:APIM_ANALYTICS_DB\"\n");
        Path answersFile = Files.writeString(tmp.resolve("answers.yaml"), answers.toString());
        MigrateCustomSampleTest.runTheAnalyticsScriptByHand(analytics);
        Path runDir = tmp.resolve("run");
        List<String> migrate = new ArrayList<>(List.of(
                "migrate",
                "--plan",
                tmp.resolve("plan/plan.json").toString(),
                "--run",
                runDir.toString(),
                "--answers",
                answersFile.toString()));
        migrate.addAll(homes);
        CliRun migrated = run(migrate);
        assertThat(migrated.code()).as(migrated.out() + migrated.err()).isEqualTo(ExitCode.READY);
        // IDN-RUN was confirmed up front, but the identity migration cannot run before the run's DB-SCOPE-BINDING-NULL
        // clean-up (step1 makes SCOPE_BINDING NOT NULL, and the sample has NULL bindings): it is done once the run is
        // through, on the H2 files, before verify checks it (DB-IDENTITY-SCHEMA)
        IdentityMigrationByHand.run(IdentityMigrationByHand.h2(old, "custom"));
        // the step re-applies the customisation: the operator adds the line the plan's diff shows to the 3.1.0 file
        String stock = Files.readString(target.resolve(MAIN));
        String customised = Files.readString(old.resolve(MAIN));
        assertThat(customised).contains("X-Partner-Trace").isNotEqualTo(stock);
        Files.writeString(target.resolve(MAIN), customised);
        List<String> verify = new ArrayList<>(List.of("verify"));
        verify.addAll(homes);

        run(verify, "--run", runDir.toString(), "--out", tmp.resolve("after").toString());

        Map<String, JsonNode> after = checks(tmp.resolve("after/after-report.json"));
        JsonNode synapse = after.get("SYNAPSE-PROTECTED");
        assertThat(synapse.get("status").asText()).as(synapse.toString()).isNotEqualTo("FAIL");
        assertThat(synapse.get("evidence").toString())
                .contains("NEW:" + TENANT_MAIN + ": absent; 3.1.0 writes a tenant's default synapse files when it"
                        + " first loads the tenant")
                .contains("NEW:" + MAIN + ": the 3.1.0 file")
                .contains("with the 3.0.0 customisation re-applied");
        JsonNode carried = after.get("CONFIG-CARRIED");
        assertThat(carried.get("status").asText()).as(carried.toString()).isEqualTo("PASS");
        assertThat(carried.toString()).doesNotContain("keystore.primary").contains("truststore");

        // a tenant's default file that is neither the 3.1.0 file nor absent is a real failure, named
        Files.createDirectories(target.resolve(TENANT_CORS).getParent());
        Files.writeString(
                target.resolve(TENANT_CORS), "<sequence name=\"_cors_request_handler_\"><drop/></sequence>\n");
        CliRun failed = run(
                verify,
                "--run",
                runDir.toString(),
                "--out",
                tmp.resolve("after-failed").toString());

        assertThat(failed.code()).isEqualTo(ExitCode.BLOCKERS);
        assertThat(failed.out())
                .contains("FAIL SYNAPSE-PROTECTED")
                .contains(TENANT_CORS + " (neither the 3.1.0 file as planned nor the stock one)");

        // the board summary shows verify's FAIL and the failed check as the after side, not an absent assessment
        CliRun assessed = run(
                new ArrayList<>(List.of(
                        "assess",
                        "--old",
                        old.toString(),
                        "--new",
                        target.toString(),
                        "--old-analytics",
                        analytics.toString(),
                        "--today",
                        MigrateHomes.TODAY)),
                "--out",
                tmp.resolve("assess").toString());
        assertThat(assessed.code()).isNotEqualTo(ExitCode.BAD_INPUT);
        CliRun bundled = run(List.of(
                "evidence",
                "--before",
                tmp.resolve("assess").toString(),
                "--run",
                runDir.toString(),
                "--after",
                tmp.resolve("after-failed").toString(),
                "--out",
                tmp.resolve("bundle").toString()));
        assertThat(bundled.code()).as(bundled.err()).isZero();
        String index = Files.readString(tmp.resolve("bundle/index.html"));
        String afterSide = index.substring(index.indexOf("<h2>After (verify)</h2>"), index.indexOf("id=\"verify\""));
        assertThat(afterSide).contains(">FAIL<").contains("<code>SYNAPSE-PROTECTED</code>");
        assertThat(index).doesNotContain("holds no assessment after the upgrade");
    }
}
