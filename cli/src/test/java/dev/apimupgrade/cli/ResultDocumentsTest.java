package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a pipeline reads: --format json puts the command's result document, valid against its published schema, alone
 * on standard output; --out - does the same and writes no folder; --junit writes the conditions as JUnit XML with the
 * blockers as failed (or, undecided, errored) tests.
 */
class ResultDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String[] assess(String... more) {
        return Stream.concat(
                        Stream.of(
                                "assess",
                                "--old",
                                Samples.home(Samples.DEFAULT).toString(),
                                "--new",
                                Samples.home(Samples.TARGET).toString(),
                                "--no-db"),
                        Stream.of(more))
                .toArray(String[]::new);
    }

    private static JsonNode valid(String schema, String stdout) throws Exception {
        JsonNode node = JSON.readTree(stdout);
        assertThat(OutputSchemas.schema(schema).validate(node)).as(schema).isEmpty();
        return node;
    }

    @Test
    void assessWithOutDashPrintsOnlyTheAssessmentOnStandardOutputAndCreatesNoFolderNamedDash() throws Exception {
        Path dash = Path.of("-").toAbsolutePath();
        assertThat(dash).doesNotExist();

        CliRun run = CliRun.of(assess("--out", "-"));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.UNDECIDED);
        JsonNode doc = valid("assessment", run.out());
        assertThat(doc.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(doc.path("summary").path("verdict").asText()).startsWith("UNDECIDED: ");
        assertThat(run.err()).contains("UNDECIDED");
        assertThat(dash).doesNotExist();
    }

    @Test
    void assessWithFormatJsonPrintsTheFileItWroteAndTheJunitReportCountsBlockersAsFailuresOrErrors() throws Exception {
        Path out = tmp.resolve("assessment");
        Path junit = tmp.resolve("ci/assessment-junit.xml");

        CliRun run = CliRun.of(assess("--out", out.toString(), "--format", "json", "--junit", junit.toString()));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.UNDECIDED);
        assertThat(run.out()).isEqualTo(Files.readString(out.resolve("assessment.json")));
        JsonNode doc = valid("assessment", run.out());
        assertThat(run.err()).contains("Reports written to").contains("JUnit report written to " + junit);

        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(junit)));
        Element suites = xml.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(Integer.parseInt(suites.getAttribute("tests")))
                .isEqualTo(doc.path("conditions").size());
        assertThat(xml.getElementsByTagName("testcase").getLength())
                .isEqualTo(doc.path("conditions").size());
        assertThat(Integer.parseInt(suites.getAttribute("failures")))
                .isEqualTo(doc.path("summary").path("blockers").asInt())
                .isEqualTo(xml.getElementsByTagName("failure").getLength());
        // --no-db leaves the blockers that need the databases undecided: each is an error naming its condition
        int undecided = doc.path("summary").path("undecided").asInt();
        assertThat(undecided).isPositive();
        assertThat(xml.getElementsByTagName("error").getLength())
                .isEqualTo(undecided)
                .isEqualTo(Integer.parseInt(suites.getAttribute("errors")));
        Element firstError = (Element) xml.getElementsByTagName("error").item(0);
        assertThat(((Element) firstError.getParentNode()).getAttribute("name")).matches("[A-Z0-9-]+ .+");
        assertThat(firstError.getAttribute("type")).isEqualTo("BLOCKER UNKNOWN");
    }

    @Test
    void planCheckWithFormatJsonSaysCurrentWithTheFingerprint() throws Exception {
        Path plan = tmp.resolve("plan");
        CliRun made = CliRun.of(
                "plan",
                "--old",
                Samples.home(Samples.DEFAULT).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--no-db",
                "--out",
                plan.toString());
        assertThat(made.code()).as(made.err()).isIn(ExitCode.READY, ExitCode.UNDECIDED);

        CliRun checked = CliRun.of("plan", "--check", plan.resolve("plan.json").toString(), "--format", "json");

        assertThat(checked.code()).as(checked.err()).isEqualTo(ExitCode.READY);
        JsonNode doc = valid("plan-check", checked.out());
        assertThat(doc.path("status").asText()).isEqualTo("CURRENT");
        assertThat(doc.path("changes").size()).isZero();
        assertThat(checked.err()).startsWith("CURRENT: ");
    }

    @Test
    void evidenceCheckWithFormatJsonNamesTheChangedFileAndPlanRefusesOutDash() throws Exception {
        Path before = tmp.resolve("before");
        assertThat(CliRun.of(assess("--out", before.toString())).code()).isEqualTo(ExitCode.UNDECIDED);
        Path bundle = tmp.resolve("bundle");
        CliRun built = CliRun.of("evidence", "--before", before.toString(), "--out", bundle.toString());
        assertThat(built.code()).as(built.err()).isEqualTo(ExitCode.READY);
        Path copied = bundle.resolve("before/assessment.json");
        Files.writeString(copied, Files.readString(copied).replace("UNDECIDED", "READY"));

        CliRun checked = CliRun.of("evidence", "--check", bundle.toString(), "--format", "json");

        assertThat(checked.code()).isEqualTo(ExitCode.TAMPERED);
        JsonNode doc = valid("evidence-check", checked.out());
        assertThat(doc.path("intact").asBoolean()).isFalse();
        assertThat(doc.path("problems").toString())
                .contains("{\"kind\":\"CHANGED\",\"path\":\"before/assessment.json\"}");

        CliRun refused =
                CliRun.of("plan", "--old", Samples.home(Samples.DEFAULT).toString(), "--out", "-");
        assertThat(refused.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("--out - (standard output) is not possible for plan");
        assertThat(Path.of("-").toAbsolutePath()).doesNotExist();

        CliRun dashRun = CliRun.of("migrate", "--plan", "plan.json", "--run", "-");
        assertThat(dashRun.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(dashRun.err()).contains("'-' (standard output) is only for --out; --run needs a path");
    }

    @Test
    void compareAndVerifyWithOutDashPrintTheirDocumentsOnly() throws Exception {
        CliRun inventory =
                CliRun.of("compare", "--old", Samples.home(Samples.DEFAULT).toString(), "--out", "-");
        assertThat(inventory.code()).as(inventory.err()).isEqualTo(ExitCode.READY);
        assertThat(valid("inventory", inventory.out()).path("items").size()).isPositive();

        CliRun verified = CliRun.of(
                "verify",
                "--old",
                Samples.home(Samples.DEFAULT).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--no-db",
                "--out",
                "-");
        assertThat(verified.code()).as(verified.err()).isIn(ExitCode.READY, ExitCode.BLOCKERS);
        assertThat(valid("after-report", verified.out()).path("checks").size()).isPositive();
        assertThat(verified.err()).startsWith("Verification: ");
        assertThat(Path.of("-").toAbsolutePath()).doesNotExist();
    }
}
