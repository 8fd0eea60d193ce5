package dev.apimupgrade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.UnifiedDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SYNAPSE-PROTECTED compares the protected files with the 3.1.0 home as planned (not with fixed stock hashes), lets a
 * tenant's default files be absent until 3.1.0 first loads the tenant, and checks a re-applied customisation as the
 * planned file with the recorded diff applied; each way it can fail is shown failing for a real reason.
 */
class ProtectedSynapseCheckTest {
    static final String SUPER = Verification.SYNAPSE_DIR;
    static final String TENANT = "repository/tenants/1/synapse-configs/default";
    static final String MAIN = "sequences/main.xml";
    /** A 3.1.0 main.xml that is not the stock one (a WUM update, the samples' home): only the plan can say it. */
    static final String MAIN_310 = """
            <sequence xmlns="http://ws.apache.org/ns/synapse" name="main">
                <in>
                    <log level="full"/>
                    <filter source="get-property('To')" regex="http://localhost:9000.*">
                        <send/>
                    </filter>
                </in>
                <out>
                    <send/>
                </out>
            </sequence>
            """;

    static final String CUSTOMISED = MAIN_310.replace(
            "        <send/>\n    </out>",
            "        <property name=\"X-Partner-Trace\" expression=\"get-property('MessageID')\" scope=\"transport\"/>\n"
                    + "        <send/>\n    </out>");

    @TempDir
    Path tmp;

    Path oldHome;
    Path newHome;
    Map<String, String> stock;

    @BeforeEach
    void homes() throws Exception {
        oldHome = Files.createDirectories(tmp.resolve("old"));
        newHome = Files.createDirectories(tmp.resolve("new"));
        stock = Verification.stockProtected();
        for (String f : stock.keySet()) {
            write(newHome, SUPER + "/" + f, f.equals(MAIN) ? MAIN_310 : "<" + f + " as shipped in this 3.1.0 pack/>\n");
        }
    }

    private static Path write(Path home, String rel, String text) throws Exception {
        Path p = home.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** A plan made now: it records the digests of the new home's protected files, plus the given steps and facts. */
    private PlannedState planNow(List<PlanStep> steps, Fingerprint.Entry... more) throws Exception {
        List<Fingerprint.Entry> entries = new ArrayList<>(List.of(more));
        for (String f : stock.keySet()) {
            entries.add(new Fingerprint.Entry(
                    "NEW:" + SUPER + "/" + f, "sha256 " + FileDigest.sha256(newHome.resolve(SUPER + "/" + f))));
        }
        return new PlannedState(
                Optional.of(new MigrationPlan("t", "h", new Fingerprint("f", "t", "h", entries), steps)));
    }

    private Check check(PlannedState planned) {
        return new ProtectedSynapseCheck(oldHome, newHome, planned, stock).check();
    }

    @Test
    void theNewHomesOwnFilesAsPlannedPassThoughTheyAreNotTheStockHashes() throws Exception {
        Check c = check(planNow(List.of()));

        assertThat(c.status()).as(c.detail()).isEqualTo(AfterReport.PASS);
        assertThat(c.evidence()).contains("NEW:" + SUPER + "/" + MAIN + ": the 3.1.0 file as planned");
    }

    @Test
    void aSuperTenantFileChangedSinceThePlanFailsAndWithoutAPlanItIsUnknownNotAFailure() throws Exception {
        PlannedState planned = planNow(List.of());
        write(newHome, SUPER + "/" + MAIN, MAIN_310.replace("full", "simple"));

        Check changed = check(planned);
        Check noPlan = check(new PlannedState(Optional.empty()));

        assertThat(changed.status()).isEqualTo(AfterReport.FAIL);
        assertThat(changed.detail())
                .isEqualTo("not as planned: " + SUPER + "/" + MAIN + " (changed since the plan was made)");
        assertThat(noPlan.status()).isEqualTo(AfterReport.UNKNOWN);
        assertThat(noPlan.detail()).contains("no plan was given (--plan or --run)");
    }

    @Test
    void aTenantsMissingDefaultFilesPassBecause310WritesThemAtTheTenantsFirstLoad() throws Exception {
        Files.createDirectories(newHome.resolve(TENANT + "/api"));

        Check c = check(planNow(List.of()));

        assertThat(c.status()).as(c.detail()).isEqualTo(AfterReport.PASS);
        assertThat(c.evidence())
                .contains("NEW:" + TENANT + "/" + MAIN + ": absent; 3.1.0 writes a tenant's default"
                        + " synapse files when it first loads the tenant");
    }

    @Test
    void aTenantsMainXmlChangedToSomethingElseFailsWhileTheWrittenDefaultPasses() throws Exception {
        PlannedState planned = planNow(List.of());
        write(newHome, TENANT + "/" + MAIN, MAIN_310);
        assertThat(check(planned).status()).isEqualTo(AfterReport.PASS);

        write(newHome, TENANT + "/" + MAIN, MAIN_310.replace("<send/>", "<drop/>"));
        Check c = check(planned);

        assertThat(c.status()).isEqualTo(AfterReport.FAIL);
        assertThat(c.detail())
                .isEqualTo("not as planned: " + TENANT + "/" + MAIN
                        + " (neither the 3.1.0 file as planned nor the stock one)");
    }

    @Test
    void withoutRecordedDigestsATenantsWrittenFileIsComparedWithTheSuperTenantsUntouchedOne() throws Exception {
        PlannedState noDigests = new PlannedState(
                Optional.of(new MigrationPlan("t", "h", new Fingerprint("f", "t", "h", List.of()), List.of())));
        String cors = "sequences/_cors_request_handler_.xml";
        write(newHome, TENANT + "/" + cors, Files.readString(newHome.resolve(SUPER + "/" + cors)));
        assertThat(check(noDigests).evidence()).contains("NEW:" + TENANT + "/" + cors + ": the 3.1.0 file");

        write(newHome, TENANT + "/" + cors, "<sequence name=\"_cors_request_handler_\"><drop/></sequence>\n");

        assertThat(check(noDigests).status()).isEqualTo(AfterReport.FAIL);
    }

    /** The re-apply step and the diff the scan recorded (3.1.0 file "---", customised old file "+++"). */
    private PlannedState reapplyPlan(boolean withDigests) throws Exception {
        write(oldHome, SUPER + "/" + MAIN, CUSTOMISED);
        String diff =
                UnifiedDiff.of("NEW:" + SUPER + "/" + MAIN, MAIN_310, "OLD:" + SUPER + "/" + MAIN, CUSTOMISED, 80);
        PlanStep reapply = new PlanStep(
                "CFG-SYNAPSE-PROTECTED-MODIFIED:ManualStep:" + SUPER + "/" + MAIN,
                PlannedState.REAPPLY,
                "ManualStep",
                SUPER + "/" + MAIN,
                Map.of("step", "re-apply"),
                false,
                List.of(),
                "Step 1.6",
                "",
                "you did it by hand",
                List.of(),
                List.of());
        Fingerprint.Entry recorded =
                new Fingerprint.Entry("OLD:" + SUPER + "/" + MAIN, PlannedState.DIFF_PREFIX + diff);
        return withDigests
                ? planNow(List.of(reapply), recorded)
                : new PlannedState(Optional.of(new MigrationPlan(
                        "t", "h", new Fingerprint("f", "t", "h", List.of(recorded)), List.of(reapply))));
    }

    @Test
    void aReappliedCustomisationPassesAsThePlannedFileWithTheRecordedDiffApplied() throws Exception {
        PlannedState planned = reapplyPlan(true);
        write(newHome, SUPER + "/" + MAIN, CUSTOMISED);

        Check c = check(planned);

        assertThat(c.status()).as(c.detail()).isEqualTo(AfterReport.PASS);
        assertThat(c.evidence())
                .contains("NEW:" + SUPER + "/" + MAIN
                        + ": the 3.1.0 file as planned with the 3.0.0 customisation re-applied");
        assertThat(check(reapplyPlan(false)).evidence())
                .as("without recorded digests, the old file gives the base")
                .contains("NEW:" + SUPER + "/" + MAIN + ": the 3.1.0 file with the 3.0.0 customisation re-applied");
    }

    @Test
    void aReappliedCustomisationThatIsMissingFails() throws Exception {
        PlannedState planned = reapplyPlan(true);

        Check c = check(planned);

        assertThat(c.status()).isEqualTo(AfterReport.FAIL);
        assertThat(c.detail())
                .contains(SUPER + "/" + MAIN + " (the 3.0.0 customisation is not in it where the"
                        + " recorded diff puts it)");
    }

    @Test
    void aReappliedCustomisationOnAFileWhoseRestWasChangedFails() throws Exception {
        PlannedState planned = reapplyPlan(true);
        write(newHome, SUPER + "/" + MAIN, CUSTOMISED.replace("<log level=\"full\"/>", "<log level=\"simple\"/>"));

        Check c = check(planned);

        assertThat(c.status()).isEqualTo(AfterReport.FAIL);
        assertThat(c.detail()).contains("the customisation is there, but the rest is not the 3.1.0 file as planned");
        assertThat(check(reapplyPlan(false)).status()).isEqualTo(AfterReport.FAIL);
    }

    @Test
    void theDiffIsTakenFromTheStepsEvidenceWhenItHoldsIt() throws Exception {
        String diff = UnifiedDiff.of("NEW:a", MAIN_310, "OLD:b", CUSTOMISED, 80);
        PlanStep step = new PlanStep(
                "x",
                PlannedState.REAPPLY,
                "ManualStep",
                SUPER + "/" + MAIN,
                Map.of(),
                false,
                List.of(),
                "s",
                "",
                "p",
                List.of(),
                List.of(new dev.apimupgrade.rule.Evidence(
                        dev.apimupgrade.fact.SourceRef.file(dev.apimupgrade.fact.Role.OLD, SUPER + "/" + MAIN),
                        PlannedState.DIFF_PREFIX + diff)));

        PlannedState planned = new PlannedState(
                Optional.of(new MigrationPlan("t", "h", new Fingerprint("f", "t", "h", List.of()), List.of(step))));

        assertThat(planned.oldDiff(SUPER + "/" + MAIN)).contains(diff);
        assertThat(planned.reapplied()).containsExactly(SUPER + "/" + MAIN);
    }
}
