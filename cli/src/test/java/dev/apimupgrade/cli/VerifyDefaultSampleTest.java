package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.testkit.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify on the default sample on H2: before migrate the untouched 3.1.0 home fails naming what is missing; after
 * plan and migrate (its manual steps confirmed as the operator would, with --confirm) the checks pass. The sample
 * 3.1.0 home's protected synapse files are not byte-identical to WSO2's stock ones, as a WUM-updated pack's would not
 * be either: verify compares them with the home as planned, not with fixed hashes. The sample's
 * WSO2AM_DB holds only the tables the tool touches, so DB-AM-SCHEMA would fail on the 40-odd others: the old home's
 * copy gets the rest of WSO2's real 3.0.0 schema from the reference folder before the plan is made.
 */
class VerifyDefaultSampleTest {
    static final String SYNAPSE = "repository/deployment/server/synapse-configs/default";

    @TempDir
    Path tmp;

    static List<String> verifyArgs(MigrateHomes homes, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "verify",
                "--old",
                homes.oldHome().toString(),
                "--new",
                homes.newHome().toString(),
                "--today",
                MigrateHomes.TODAY,
                "--out",
                out.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    static Map<String, String> statuses(Path afterReport) throws Exception {
        JsonNode json = JsonMapper.builder().build().readTree(afterReport.toFile());
        Map<String, String> out = new LinkedHashMap<>();
        json.get("checks")
                .forEach(c -> out.put(c.get("id").asText(), c.get("status").asText()));
        return out;
    }

    /**
     * Adds the tables of WSO2's real 3.0.0 apimgt H2 script that the sample's WSO2AM_DB lacks (the sample's own tables,
     * indexes and rows stay: a statement on an object that is already there is skipped), as a real 3.0.0 pack has them.
     */
    static void completeWithTheReal300Schema(Path oldHome) throws Exception {
        Path script = SharedFiles.reference("apim-3.0.0/dbscripts/apimgt/h2.sql");
        String url =
                "jdbc:h2:" + oldHome.resolve("repository/database/WSO2AM_DB").toAbsolutePath();
        String password = Samples.plantedSecrets().get("default.apim_db.password");
        try (var c = java.sql.DriverManager.getConnection(url, "wso2carbon", password);
                var s = c.createStatement()) {
            for (String sql : Files.readString(script).split(";\\s*\\R")) {
                String statement = sql.lines()
                        .filter(l -> !l.strip().startsWith("--"))
                        .collect(java.util.stream.Collectors.joining("\n"))
                        .strip();
                if (statement.isEmpty()) {
                    continue;
                }
                try {
                    s.execute(statement);
                } catch (java.sql.SQLException e) {
                    // already there in the sample: table 42101, index 42111, constraint 90045, row 23505
                    if (!List.of(42101, 42111, 90045, 23505).contains(e.getErrorCode())) {
                        throw new IllegalStateException(
                                statement.lines().findFirst().orElse("") + ": " + e, e);
                    }
                }
            }
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void theUntouchedNewHomeFailsNamingTheMissingPiecesAndAfterMigrateEveryCheckPasses() throws Exception {
        MigrateHomes homes = MigrateHomes.of(
                Samples.DEFAULT, tmp.resolve("homes"), true, VerifyDefaultSampleTest::completeWithTheReal300Schema);
        List<PlanStep> steps = homes.plan().steps();
        Path before = tmp.resolve("before");

        CliRun untouched = CliRun.of(
                verifyArgs(homes, before, "--plan", homes.planFile().toString()).toArray(String[]::new));

        assertThat(untouched.code()).as(untouched.out() + untouched.err()).isEqualTo(ExitCode.BLOCKERS);
        assertThat(untouched.out())
                .contains("FAIL DB-3.1.0-TABLES")
                .contains("AM_API_CATEGORIES")
                .contains("FAIL DB-AM-SCHEMA")
                .contains("missing table AM_USER")
                .contains("missing column AM_SYSTEM_APPS.TENANT_DOMAIN");
        Map<String, String> was = statuses(before.resolve("after-report.json"));
        assertThat(was).containsEntry("DB-3.1.0-TABLES", "FAIL").containsEntry("DB-AM-SCHEMA", "FAIL");
        // the identity migration has not run: its tables are the 3.0.0 ones (product-apim#7833)
        assertThat(was).containsEntry("DB-IDENTITY-SCHEMA", "FAIL");
        assertThat(untouched.out()).contains("FAIL DB-IDENTITY-SCHEMA");
        assertThat(Files.readString(before.resolve("after-report.json"))).contains("IDN_OAUTH2_SCOPE.SCOPE_TYPE");
        PlanStep toml = steps.stream()
                .filter(s -> s.kind().equals("SetTomlTable"))
                .findFirst()
                .orElseThrow();
        assertThat(was).containsEntry(toml.id(), "FAIL");
        assertThat(untouched.out()).contains("FAIL " + toml.id());
        assertThat(before.resolve("after-report.html")).exists();

        CliRun assessed = CliRun.of(
                "assess",
                "--old",
                homes.oldHome().toString(),
                "--new",
                homes.newHome().toString(),
                "--today",
                MigrateHomes.TODAY,
                "--out",
                tmp.resolve("assess").toString());
        assertThat(assessed.code()).as(assessed.out()).isEqualTo(ExitCode.READY);
        assertThat(assessed.err()).isEmpty();
        // migrateArgs confirms IDN-RUN up front: the operator ran the identity migration beforehand, on the H2 files
        IdentityMigrationByHand.run(IdentityMigrationByHand.h2(homes.oldHome(), "default"));
        // no inventory is taken before the run: migrate takes it into the run folder before its first change
        Path run = tmp.resolve("run");
        CliRun migrate = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        assertThat(migrate.code()).as(migrate.out() + migrate.err()).isEqualTo(ExitCode.READY);
        Path after = tmp.resolve("after");
        // the sample's 3.1.0 home has its own protected synapse files, not the stock ones: verify compares them with
        // the
        // home as planned, and the tenants' default files, which 3.1.0 writes at a tenant's first load, may be absent
        CliRun verified =
                CliRun.of(verifyArgs(homes, after, "--run", run.toString()).toArray(String[]::new));

        assertThat(verified.code()).as(verified.out() + verified.err()).isEqualTo(ExitCode.READY);
        Map<String, String> now = statuses(after.resolve("after-report.json"));
        boolean digestsRecorded = new dev.apimupgrade.verify.PlannedState(java.util.Optional.of(homes.plan()))
                .newFileSha256(SYNAPSE + "/sequences/main.xml")
                .isPresent();
        assertThat(now)
                .containsEntry("DB-3.1.0-TABLES", "PASS")
                .containsEntry("DB-AM-SCHEMA", "PASS")
                .containsEntry("SYNAPSE-PROTECTED", digestsRecorded ? "PASS" : "UNKNOWN")
                .containsEntry("CONFIG-CARRIED", "PASS")
                .containsEntry("MIGRATION-JARS-REMOVED", "PASS")
                .containsEntry("MIGRATION-RESOURCES-REMOVED", "PASS")
                .containsEntry("INDEXING-FREQUENCY-REVERTED", "PASS");
        for (PlanStep s : steps) {
            assertThat(now).as("step " + s.id() + " " + s.kind()).containsEntry(s.id(), "PASS");
        }
        assertThat(Files.readString(after.resolve("after-report.html")))
                .contains("PASS: ")
                .contains("id=\"differences-DB-AM-SCHEMA\"")
                .contains("AM_CERTIFICATE_METADATA.ALIAS")
                .contains("docs/facts.md section 3, item 1");
        JsonNode schema = JsonMapper.builder()
                .build()
                .readTree(after.resolve("after-report.json").toFile())
                .get("checks")
                .findValue("differences");
        assertThat(schema).isNotNull();
        assertThat(schema.findValuesAsText("status")).containsOnly("documented").hasSize(2);
        assertThat(leaksIn(tmp, "before", "after")).isEmpty();
        assertThat(run.resolve("inventory.old.json")).exists();
        CliRun compared = CliRun.of(
                "compare",
                "--run",
                run.toString(),
                "--new",
                homes.newHome().toString(),
                "--out",
                tmp.resolve("comparison").toString());
        assertThat(compared.code()).as(compared.out() + compared.err()).isZero();
        // naming the old home too changes nothing: its H2 databases were upgraded in place, the run's inventory counts
        CliRun withOld = CliRun.of(
                "compare",
                "--old",
                homes.oldHome().toString(),
                "--run",
                run.toString(),
                "--new",
                homes.newHome().toString(),
                "--out",
                tmp.resolve("comparison-with-old").toString());
        assertThat(withOld.out())
                .contains("Before: " + run.resolve("inventory.old.json").toAbsolutePath())
                .contains("is not read: its databases may have been upgraded in place");
        assertThat(Files.readString(tmp.resolve("comparison-with-old/inventory.old.json")))
                .isEqualTo(Files.readString(run.resolve("inventory.old.json")));
        JsonNode comparison = JsonMapper.builder()
                .build()
                .readTree(tmp.resolve("comparison/comparison.json").toFile());
        assertThat(comparison.get("unexplained").asLong()).isZero();
        assertThat(comparison.get("explained").asLong())
                .as("the protected synapse files the run replaced")
                .isPositive();

        // the evidence bundle takes verify's folder as --after: the board summary shows its verdict and the
        // operator's confirmations of the manual steps from the journal
        CliRun evidence = CliRun.of(
                "evidence",
                "--before",
                tmp.resolve("assess").toString(),
                "--plan",
                homes.planFile().getParent().toString(),
                "--run",
                run.toString(),
                "--after",
                after.toString(),
                "--comparison",
                tmp.resolve("comparison").toString(),
                "--out",
                tmp.resolve("bundle").toString());
        assertThat(evidence.code()).as(evidence.err()).isZero();
        String index = Files.readString(tmp.resolve("bundle/index.html"));
        assertThat(tmp.resolve("bundle/after/after-report.html")).exists();
        long passed = now.values().stream().filter("PASS"::equals).count();
        assertThat(index)
                .contains("After-report (verify)")
                .contains("PASS: " + passed + " passed, 0 failed, " + (now.size() - passed) + " unknown")
                .contains("<h2>After (verify)</h2>")
                .doesNotContain("holds no assessment after the upgrade");
        List<String> manual =
                steps.stream().filter(st -> !st.automated()).map(PlanStep::id).toList();
        assertThat(manual).isNotEmpty();
        assertThat(index).contains("Operator confirmations (" + manual.size() + ")");
        manual.forEach(id -> assertThat(index)
                .containsPattern(java.util.regex.Pattern.quote("<code>" + id + "</code></td><td>20")
                        + "[^<]*</td><td>--confirm</td>"));
        assertThat(index)
                .contains("id=\"comparison\"")
                .contains(comparison.get("same").asLong() + " the same, "
                        + comparison.get("explained").asLong() + " explained by the run, 0 unexplained");
        assertThat(tmp.resolve("bundle/comparison/comparison.html")).exists();
        assertThat(tmp.resolve("bundle/comparison/inventory.new.json")).exists();
        // the run's backups and database snapshots are copies of the installation, secrets and all: left out, said so
        assertThat(tmp.resolve("bundle/run/journal.jsonl")).exists();
        assertThat(tmp.resolve("bundle/run/backup")).doesNotExist();
        assertThat(tmp.resolve("bundle/run/exports/snapshots")).doesNotExist();
        assertThat(Files.readString(tmp.resolve("bundle/LEFT-OUT.txt")))
                .contains("run/backup (")
                .contains("run/exports/snapshots (");
        assertThat(index).contains("Left out of the bundle");
        try (var bundled = Files.walk(tmp.resolve("bundle"))) {
            for (Path f : bundled.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                Samples.plantedSecrets()
                        .forEach((name, value) ->
                                assertThat(text).as(name + " in " + f).doesNotContain(value));
            }
        }
        assertThat(CliRun.of("evidence", "--check", tmp.resolve("bundle").toString())
                        .code())
                .isZero();

        // one flipped byte in the journal of what ran is caught, naming the file
        Path journal = tmp.resolve("bundle/run/journal.jsonl");
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length / 2] ^= 1;
        Files.write(journal, bytes);
        CliRun tampered = CliRun.of("evidence", "--check", tmp.resolve("bundle").toString());
        assertThat(tampered.code()).isEqualTo(ExitCode.TAMPERED);
        assertThat(tampered.err()).contains("run/journal.jsonl").doesNotContain("Exception");
    }

    @Test
    void noPlantedSecretIsInVerifysOutputsForTheCustomSampleAndItsPlan() throws Exception {
        Path plan = tmp.resolve("plan");
        CliRun planned = CliRun.withEnvironment(
                AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT,
                "plan",
                "--old",
                Samples.home(Samples.CUSTOM).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                plan.toString(),
                "--today",
                MigrateHomes.TODAY);
        assertThat(planned.err()).isEmpty();

        CliRun r = CliRun.withEnvironment(
                AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT,
                "verify",
                "--old",
                Samples.home(Samples.CUSTOM).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--plan",
                plan.resolve("plan.json").toString(),
                "--today",
                MigrateHomes.TODAY,
                "--out",
                tmp.resolve("custom").toString());

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BLOCKERS);
        assertThat(statuses(tmp.resolve("custom/after-report.json"))).containsValue("FAIL");
        assertThat(leaksIn(tmp, "custom")).isEmpty();
        Samples.plantedSecrets()
                .forEach((name, value) -> assertThat(r.out() + r.err()).as(name).doesNotContain(value));
    }

    /** Every planted secret found in any file of the given output folders, named. */
    static List<String> leaksIn(Path root, String... folders) throws Exception {
        List<String> leaks = new ArrayList<>();
        int files = 0;
        for (String folder : folders) {
            try (var all = Files.walk(root.resolve(folder))) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    files++;
                    String text = Files.readString(p);
                    Samples.plantedSecrets().forEach((name, value) -> {
                        if (text.contains(value)) {
                            leaks.add(name + " in " + p);
                        }
                    });
                }
            }
        }
        assertThat(files).as("verify wrote its reports").isEqualTo(2 * folders.length);
        return leaks;
    }

    @Test
    void aLeftoverMigrationJarAndIndexingFrequencyFailWithTheFileThatHoldsThem() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        Path dropins = Files.createDirectories(homes.newHome().resolve("repository/components/dropins"));
        try (var jar = new java.util.jar.JarOutputStream(
                Files.newOutputStream(dropins.resolve("org.wso2.carbon.apimgt.migrate.client-3.1.0-1.jar")))) {
            jar.putNextEntry(new java.util.zip.ZipEntry("placeholder.txt"));
        }
        Files.createDirectories(homes.newHome().resolve("migration-resources"));
        Path toml = homes.newHome().resolve("repository/conf/deployment.toml");
        Files.writeString(toml, Files.readString(toml) + "\n[indexing]\nfrequency = 1\n");
        Path out = tmp.resolve("out");

        CliRun r = CliRun.of(verifyArgs(homes, out, "--no-db").toArray(String[]::new));

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.BLOCKERS);
        Map<String, String> s = statuses(out.resolve("after-report.json"));
        assertThat(s)
                .containsEntry("MIGRATION-JARS-REMOVED", "FAIL")
                .containsEntry("MIGRATION-RESOURCES-REMOVED", "FAIL")
                .containsEntry("INDEXING-FREQUENCY-REVERTED", "FAIL")
                .containsEntry("DB-3.1.0-TABLES", "UNKNOWN");
        assertThat(Files.readString(out.resolve("after-report.json")))
                .contains("NEW:repository/components/dropins/org.wso2.carbon.apimgt.migrate.client-3.1.0-1.jar")
                .contains("NEW:repository/conf/deployment.toml:");
    }

    @Test
    void badInputExitsTwoNamingTheFileAndWritesNothing() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        Path notAPlan = Files.writeString(tmp.resolve("plan.json"), "{ not json");
        Path out = tmp.resolve("out");

        CliRun r = CliRun.of(
                verifyArgs(homes, out, "--no-db", "--plan", notAPlan.toString()).toArray(String[]::new));

        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains(notAPlan.toString()).doesNotContain("Exception");
        assertThat(out).doesNotExist();
        CliRun inside = CliRun.of(
                verifyArgs(homes, homes.newHome().resolve("report"), "--no-db").toArray(String[]::new));
        assertThat(inside.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(homes.newHome().resolve("report")).doesNotExist();
    }
}
