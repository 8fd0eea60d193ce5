package dev.apimupgrade.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.ScriptSource;
import dev.apimupgrade.report.RunbookView;
import dev.apimupgrade.report.ToolInfo;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.Finding;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RunbookRendererTest {
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final DatasourceConfig APIM = new DatasourceConfig(
            Role.OLD,
            "apim_db",
            "postgre",
            "jdbc:postgresql://db/am",
            "",
            "",
            false,
            SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12));
    /** A test double of the SQL helper's scripts. */
    private static final ScriptSource SCRIPTS =
            (purpose, folder, ids) -> List.of("CREATE TABLE AM_API_CATEGORIES (ID INT)", "SELECT 'a < b' FROM DUAL");

    private static RunbookView view(boolean distributed) {
        return view(distributed, HOSTILE);
    }

    private static RunbookView view(boolean distributed, String observed) {
        Evidence evidence = new Evidence(APIM.source(), observed);
        List<JustifiedAction> actions = List.of(
                new JustifiedAction(
                        "DB-AM-UPGRADE:RunSqlScript:apim_db",
                        "DB-AM-UPGRADE",
                        "RunSqlScript",
                        true,
                        "apim_db",
                        Map.of("script", "am-3.0.0-to-3.1.0"),
                        List.of(evidence),
                        "r"),
                new JustifiedAction(
                        "CFG-EXECUTION-PLANS:CopyFile:x",
                        "CFG-EXECUTION-PLANS",
                        "CopyFile",
                        true,
                        "repository/deployment/server/executionplans/custom.siddhiql",
                        Map.of("from", "OLD:repository/deployment/server/executionplans/custom.siddhiql"),
                        List.of(evidence),
                        "r"),
                new JustifiedAction(
                        "KEY-SECURE-VAULT:ManualStep:new-home",
                        "KEY-SECURE-VAULT",
                        "ManualStep",
                        false,
                        "new-home",
                        Map.of("step", "re-add the [secrets] entries", "command", "./ciphertool.sh -Dconfigure"),
                        List.of(evidence),
                        "r"));
        List<Finding> findings = new ArrayList<>();
        for (JustifiedAction a : actions) {
            findings.add(new Finding(
                    a.conditionId(), Status.APPLIES, Severity.INFO, "applies | here", List.of(evidence), "r"));
        }
        findings.add(
                new Finding("PRE-BACKUP", Status.APPLIES, Severity.BLOCKER, "No backup is recorded.", List.of(), "r"));
        findings.add(
                new Finding("ANA-ENABLED", Status.NOT_APPLICABLE, Severity.INFO, "Analytics is off.", List.of(), "r"));
        if (distributed) {
            findings.add(new Finding("PRE-DISTRIBUTED", Status.APPLIES, Severity.INFO, "nodes", List.of(), "r"));
        }
        ConditionCatalogue catalogue = ConditionCatalogue.load();
        Verdict verdict = Verdict.assemble(catalogue, findings, actions, "sha256:feedface");
        MigrationPlan plan = Planner.plan(verdict, catalogue, new Facts(List.of(APIM)), "9.9.9-test");
        return RunbookView.of(
                plan,
                verdict,
                new ToolInfo("apim-upgrade", "9.9.9-test", "sha256:feedface"),
                "/opt/wso2am-3.0.0",
                "/opt/wso2am-3.1.0",
                SCRIPTS);
    }

    @Test
    void theHtmlHasANumberedCheckboxPerStepInOrderWithItsDoneLine() {
        String html = RunbookRenderer.html(view(false));

        assertThat(count(html, "<input type=\"checkbox\" data-step="))
                .as("step 0, the backup, and the three steps")
                .isEqualTo(4);
        assertThat(html.indexOf(
                        "1. Copy the old home&#39;s repository/deployment/server/executionplans/custom.siddhiql"))
                .isPositive()
                .isLessThan(html.indexOf("2. Run the am-3.0.0-to-3.1.0 script"));
        assertThat(html.indexOf("2. Run the am-3.0.0-to-3.1.0"))
                .isLessThan(html.indexOf("3. Re-add the [secrets] entries"));
        assertThat(count(html, "Done when:")).isEqualTo(3);
    }

    @Test
    void theHtmlEscapesEverythingAndLoadsNothingFromOutside() {
        String html = RunbookRenderer.html(view(false));

        assertThat(html)
                .doesNotContain(HOSTILE)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("SELECT &#39;a &lt; b&#39; FROM DUAL");
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (refs.find()) {
            assertThat(refs.group(1))
                    .as("the guide, or an anchor of the page itself (its contents)")
                    .satisfiesAnyOf(
                            r -> assertThat(r).startsWith(dev.apimupgrade.rule.Condition.GUIDE_URL),
                            r -> assertThat(r).matches("#[a-z-]+"));
        }
        assertThat(html).doesNotContain("<link").doesNotContain("<script src");
        // one inline script, the tick boxes' memory: it reads and writes localStorage and reaches nothing else
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
        String script = html.substring(html.indexOf("<script>"), html.indexOf("</script>"));
        assertThat(script)
                .contains("localStorage")
                .contains("apim-upgrade.runbook.")
                .doesNotContain("fetch(")
                .doesNotContain("XMLHttpRequest")
                .doesNotContain("http")
                .doesNotContain("sendBeacon")
                .doesNotContain("WebSocket");
    }

    @Test
    void commandsThatDifferAreShownForLinuxAndWindowsAndTheSqlInline() {
        String md = RunbookRenderer.markdown(view(false));

        assertThat(md)
                .contains("```sh\ncd \"$APIM_NEW_HOME/bin\"\nsh ciphertool.sh -Dconfigure\n```")
                .contains("```bat\ncd /d \"%APIM_NEW_HOME%\\bin\"\nciphertool.bat -Dconfigure\n```")
                .contains("```sql\nCREATE TABLE AM_API_CATEGORIES (ID INT);\n\nSELECT 'a < b' FROM DUAL;\n```")
                .contains("export APIM_OLD_HOME=\"/opt/wso2am-3.0.0\"");
    }

    @Test
    void theMarkdownHasAnUncheckedBoxPerStepAndTheLeftOutConditionsWithTheirReason() {
        String md = RunbookRenderer.markdown(view(false));

        assertThat(count(md, "- [ ] Done"))
                .as("step 0, the backup, and the three steps")
                .isEqualTo(4);
        assertThat(md)
                .contains("### 1. Copy")
                .contains("### 3. Re-add")
                .contains("| `ANA-ENABLED` ")
                .contains("| Analytics is off. |")
                .contains("- applies | here")
                .doesNotContain("**Node:");
    }

    @Test
    void whatAppliesWithoutAStepComesBeforeTheFirstStep() {
        String md = RunbookRenderer.markdown(view(false));
        String html = RunbookRenderer.html(view(false));

        assertThat(md.indexOf("| `PRE-BACKUP` ")).isPositive().isLessThan(md.indexOf("### 1. "));
        assertThat(html.indexOf("<code class=\"nb\">PRE-BACKUP</code>"))
                .isPositive()
                .isLessThan(html.indexOf("id=\"step-1\""));
    }

    @Test
    void aDistributedSetupNamesTheNodeOfEachStep() {
        String md = RunbookRenderer.markdown(view(true));
        String html = RunbookRenderer.html(view(true));

        assertThat(md).contains("**Node: Traffic Manager**").contains("**Node: one node only (shared databases)**");
        assertThat(html).contains("Node: Traffic Manager");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void bothFormatsOpenWithContentsThenTheBackupAndShowTheApimUpgradeCommandsAtTheirPlace() {
        String md = RunbookRenderer.markdown(view(false));
        String html = RunbookRenderer.html(view(false));

        for (String page : List.of(md, html)) {
            assertThat(page.indexOf("Contents")).isPositive().isLessThan(page.indexOf("Set up your shell"));
            assertThat(page.lastIndexOf("Step 0: back up both homes and the databases"))
                    .as("the heading, after the" + " contents")
                    .isGreaterThan(page.indexOf("Set up your shell"))
                    .isLessThan(page.indexOf("apim-upgrade plan --check"));
            assertThat(page.indexOf("apim-upgrade plan --check")).isLessThan(page.indexOf("1. Copy the old home"));
            assertThat(page.indexOf("apim-upgrade verify")).isGreaterThan(page.indexOf("3. Re-add"));
            assertThat(page)
                    .contains("apim-upgrade migrate --plan")
                    .contains("apim-upgrade compare --old")
                    .contains("apim-upgrade evidence --before")
                    .contains("apim-upgrade rollback --run")
                    .contains("tar -C");
        }
    }

    @Test
    void whatCouldNotBeDecidedComesBeforeTheStepsSinceItMustBeSettledFirst() {
        RunbookView view = view(false);
        String md = RunbookRenderer.markdown(view);
        String html = RunbookRenderer.html(view);

        assertThat(view.undecided()).isNotEmpty();
        assertThat(md.indexOf("## Not decided")).isPositive().isLessThan(md.indexOf("## Steps ("));
        assertThat(md).contains("\n\n<a id=\"undecided\"></a>\n## Not decided");
        assertThat(html.indexOf("<h2>Not decided")).isPositive().isLessThan(html.indexOf("<h2>Steps ("));
    }

    @Test
    void anObservedValueHoldingBackticksStaysOneCodeSpanInTheMarkdownTable() {
        String grant = "GRANT ALTER ON `WSO2AM_DB`.* TO 'apim'@'%' | x";

        String md = RunbookRenderer.markdown(view(false, grant));

        assertThat(md)
                .contains("| `` GRANT ALTER ON `WSO2AM_DB`.* TO 'apim'@'%' \\| x `` |")
                .doesNotContain("| `GRANT ALTER");
    }
}
