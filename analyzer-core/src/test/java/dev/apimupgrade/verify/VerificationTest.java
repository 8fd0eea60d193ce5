package dev.apimupgrade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.execute.CheckContext;
import dev.apimupgrade.execute.Homes;
import dev.apimupgrade.execute.Journal;
import dev.apimupgrade.execute.JournalRecord;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.execute.RunState;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The after-report's state checks decided from facts and files: what passes, what fails, and what each cites. */
class VerificationTest {
    @TempDir
    Path tmp;

    private static TomlSetting toml(Role role, String key, String value, int line) {
        return new TomlSetting(role, key, value, SourceRef.line(role, "repository/conf/deployment.toml", line));
    }

    private CheckContext context(Homes homes, Optional<RunState> run) {
        return new CheckContext(homes, facts(), new DatasourceSpecs(List.of()), run);
    }

    private static Facts facts(Observation... o) {
        return new Facts(List.of(o));
    }

    @Test
    void aScriptMigrateLeavesToTheOperatorPassesByTheJournalsConfirmationAsAManualStepDoesAndFailsWithoutIt()
            throws Exception {
        PlanStep regIndex = new PlanStep(
                "IDX-REG-INDEX-SQL:RunSqlScript:shared_db",
                "IDX-REG-INDEX-SQL",
                "RunSqlScript",
                "shared_db",
                Map.of("script", "reg-index"),
                true,
                List.of(),
                "Step 2.7",
                "",
                "reg-index.sql ran on shared_db",
                List.of(),
                List.of());
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        Homes homes = new Homes(tmp.resolve("old"), tmp.resolve("new"));
        // one journal a run folder: each keeps its key and head beside it
        RunDirectory confirmedRun = new RunDirectory(Files.createDirectories(tmp.resolve("confirmed")));
        Journal confirmed = Journal.open(confirmedRun.journal());
        confirmed.append(
                JournalRecord.outcome(regIndex.id(), JournalRecord.Status.CONFIRMED, "the operator confirmed"));
        RunDirectory silentRun = new RunDirectory(Files.createDirectories(tmp.resolve("silent")));
        Journal silent = Journal.open(silentRun.journal());

        Check passed = new Verification()
                .postCondition(regIndex, context(homes, Optional.of(RunState.of(confirmedRun, confirmed, homes))));
        Check failed = new Verification()
                .postCondition(regIndex, context(homes, Optional.of(RunState.of(silentRun, silent, homes))));

        assertThat(passed.status()).as(passed.detail()).isEqualTo(AfterReport.PASS);
        assertThat(passed.detail()).contains("the operator confirmed it");
        assertThat(failed.status()).isEqualTo(AfterReport.FAIL);
        assertThat(failed.detail()).contains("no confirmation of this step (a step migrate leaves to the operator)");
    }

    /** A plan whose only step carries {@code table} from the old deployment.toml, as the planner makes it. */
    static PlannedState carrying(String... tables) {
        List<PlanStep> steps = java.util.Arrays.stream(tables)
                .map(t -> new PlanStep(
                        "CFG:SetTomlTable:" + t,
                        "CFG",
                        "SetTomlTable",
                        t,
                        Map.of("from", "OLD"),
                        true,
                        List.of(),
                        "Step 1",
                        "",
                        "carried",
                        List.of(),
                        List.of()))
                .toList();
        return new PlannedState(Optional.of(new dev.apimupgrade.plan.MigrationPlan(
                "t", "h", new dev.apimupgrade.plan.Fingerprint("f", "t", "h", List.of()), steps)));
    }

    @Test
    void configCarriedFailsACarriedSettingMissingOrChangedNamingTheKeyButNeverTheValue() {
        Check c = Verification.configCarried(
                facts(
                        toml(Role.OLD, "database.apim_db.url", "jdbc:mysql://db/apim", 3),
                        toml(Role.OLD, "database.apim_db.username", "apimuser", 4),
                        toml(Role.OLD, "database.apim_db.pool_options.maxActive", "50", 6),
                        toml(Role.OLD, "keystore.primary.file_name", "custom.jks", 9),
                        toml(Role.NEW, "database.apim_db.url", "jdbc:mysql://other/apim", 5),
                        toml(Role.NEW, "database.apim_db.pool_options.maxActive", "50", 8)),
                Path.of("/old"),
                carrying("database.apim_db"));

        assertThat(c.status()).isEqualTo(AfterReport.FAIL);
        assertThat(c.detail())
                .isEqualTo("not carried: database.apim_db.url (different value),"
                        + " database.apim_db.username (missing)");
        assertThat(c.evidence())
                .contains("NEW:repository/conf/deployment.toml:8: database.apim_db.pool_options.maxActive"
                        + " carried over");
        assertThat(String.join(" ", c.evidence()) + c.detail())
                .doesNotContain("apimuser")
                .doesNotContain("jdbc:mysql")
                .doesNotContain("keystore.primary");
    }

    @Test
    void configCarriedFailsAStringCarriedAsABooleanAndExpectsNoKeyThePlanDropped() {
        SourceRef oldAt = SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 29);
        SourceRef newAt = SourceRef.line(Role.NEW, "repository/conf/deployment.toml", 30);
        PlanStep carry = new PlanStep(
                "CFG:SetTomlTable:database.apim_db",
                "CFG",
                "SetTomlTable",
                "database.apim_db",
                Map.of("from", "OLD", "drop", "driverClassName"),
                true,
                List.of(),
                "Step 1",
                "",
                "carried",
                List.of(),
                List.of());
        PlannedState planned = new PlannedState(Optional.of(new dev.apimupgrade.plan.MigrationPlan(
                "t", "h", new dev.apimupgrade.plan.Fingerprint("f", "t", "h", List.of()), List.of(carry))));

        Check c = Verification.configCarried(
                facts(
                        new TomlSetting(
                                Role.OLD, "database.apim_db.pool_options.defaultAutoCommit", "false", oldAt, "string"),
                        new TomlSetting(
                                Role.OLD, "database.apim_db.driverClassName", "org.postgresql.Driver", oldAt, "string"),
                        new TomlSetting(
                                Role.NEW,
                                "database.apim_db.pool_options.defaultAutoCommit",
                                "false",
                                newAt,
                                "boolean")),
                Path.of("/old"),
                planned);

        assertThat(c.status()).isEqualTo(AfterReport.FAIL);
        assertThat(c.detail())
                .isEqualTo("not carried: database.apim_db.pool_options.defaultAutoCommit (boolean, was" + " string)");
    }

    @Test
    void configCarriedComparesOnlyTheTablesAStepCarriesSoAKeystoreNoStepCarriesIsNoFalseAlarm() {
        // the custom sample: [keystore.primary] is set in 3.0.0, no step carries it, the 3.1.0 file keeps its default
        Check c = Verification.configCarried(
                facts(
                        toml(Role.OLD, "truststore.file_name", "my-truststore.jks", 53),
                        toml(Role.OLD, "keystore.primary.file_name", "custom.jks", 9),
                        toml(Role.OLD, "keystore.primary.alias", "custom", 10),
                        toml(Role.NEW, "truststore.file_name", "my-truststore.jks", 40)),
                Path.of("/old"),
                carrying("truststore"));

        assertThat(c.status()).as(c.detail()).isEqualTo(AfterReport.PASS);
        assertThat(c.detail()).isEqualTo("1 setting(s) of truststore carried over");
        assertThat(Verification.configCarried(
                                facts(toml(Role.OLD, "keystore.primary.alias", "custom", 10)),
                                Path.of("/old"),
                                new PlannedState(Optional.empty()))
                        .status())
                .isEqualTo(AfterReport.UNKNOWN);
    }

    @Test
    void aRelativeH2UrlCarriedAsTheOldHomesDatabasePasses() {
        Check c = Verification.configCarried(
                facts(
                        toml(
                                Role.OLD,
                                "database.apim_db.url",
                                "jdbc:h2:./repository/database/WSO2AM_DB;DB_CLOSE_ON_EXIT=FALSE",
                                3),
                        toml(
                                Role.NEW,
                                "database.apim_db.url",
                                "jdbc:h2:/srv/old/repository/database/WSO2AM_DB;DB_CLOSE_ON_EXIT=FALSE",
                                3)),
                Path.of("/srv/old"),
                carrying("database.apim_db"));

        assertThat(c.status()).isEqualTo(AfterReport.PASS);
        assertThat(Verification.pointsAtOldH2("jdbc:h2:./a", "jdbc:h2:/elsewhere/a", Path.of("/srv/old")))
                .isFalse();
    }

    @Test
    void theNewTablesAreUnknownWithoutADatabaseAndFailNamingEachMissingTable() {
        assertThat(Verification.newTables(facts()).status()).isEqualTo(AfterReport.UNKNOWN);

        Check c = Verification.newTables(facts(
                new DbTable("apim_db", "AM_API_CATEGORIES", true, SourceRef.db("apim_db", "AM_API_CATEGORIES")),
                new DbTable("apim_db", "AM_USER", false, SourceRef.db("apim_db", "AM_USER"))));

        assertThat(c.status()).isEqualTo(AfterReport.FAIL);
        assertThat(c.detail()).isEqualTo("missing: apim_db/AM_USER");
        assertThat(c.evidence()).contains("db:apim_db/AM_USER: table AM_USER does not exist");
    }

    @Test
    void anIndexingFrequencyLeftInTheNewTomlFailsCitingItsLine() {
        Check c = Verification.indexingFrequency(
                facts(toml(Role.NEW, "indexing.frequency", "1", 40), toml(Role.OLD, "indexing.frequency", "1", 7)));

        assertThat(c.status()).isEqualTo(AfterReport.FAIL);
        assertThat(c.evidence()).containsExactly("NEW:repository/conf/deployment.toml:40");
        assertThat(Verification.indexingFrequency(facts(toml(Role.OLD, "indexing.frequency", "1", 7)))
                        .status())
                .isEqualTo(AfterReport.PASS);
    }

    @Test
    void dbAmSchemaPairsAChangedColumnFoldsAnUnexpectedTableAndMatchesDocumentedDifferencesExactly() {
        AmSchema expected = new AmSchema(new java.util.TreeSet<>(List.of(
                "TABLE AM_X", "COL AM_X.A VARCHAR(255) NOT NULL", "COL AM_X.B INTEGER NULL", "UNIQUE AM_X (A)")));
        AmSchema observed = new AmSchema(new java.util.TreeSet<>(List.of(
                "TABLE AM_X",
                "COL AM_X.A VARCHAR(45) NOT NULL",
                "UNIQUE AM_X (B)",
                "TABLE AM_Y",
                "COL AM_Y.C INTEGER NULL")));
        ExpectedAmSchema.Documented narrowA = new ExpectedAmSchema.Documented(
                java.util.Set.of("h2"),
                java.util.Optional.of("COL AM_X.A VARCHAR(255) NOT NULL"),
                java.util.Optional.of("COL AM_X.A VARCHAR(45) NOT NULL"),
                "kept by the script");

        List<AfterReport.Difference> d = AmSchemaCheck.compare("apim_db", expected, observed, List.of(narrowA));

        assertThat(d)
                .extracting(x -> x.kind() + " " + x.object() + " " + x.status() + " [" + x.expected() + " | "
                        + x.observed() + "]")
                .containsExactly(
                        "different column AM_X.A documented [VARCHAR(255) NOT NULL | VARCHAR(45) NOT NULL]",
                        "missing column AM_X.B unexpected [INTEGER NULL | absent]",
                        "missing constraint AM_X UNIQUE (A) unexpected [present | absent]",
                        "unexpected constraint AM_X UNIQUE (B) unexpected [absent | present]",
                        "unexpected table AM_Y unexpected [absent | present]");
        assertThat(d.get(0).reason()).isEqualTo("kept by the script");
        // a documented difference matches only its own widths: another narrowing is unexpected
        AmSchema narrower = new AmSchema(new java.util.TreeSet<>(List.of(
                "TABLE AM_X", "COL AM_X.A VARCHAR(30) NOT NULL", "COL AM_X.B INTEGER NULL", "UNIQUE AM_X (A)")));
        assertThat(AmSchemaCheck.compare("apim_db", expected, narrower, List.of(narrowA)))
                .singleElement()
                .satisfies(x -> assertThat(x.documented()).isFalse());
    }

    @Test
    void dbAmSchemaComparesTypeFamiliesSoProductSpellingsOfOneTypeAreEqualButWidthsAreNot() {
        assertThat(AmSchema.typeFamily("character varying(45)")).isEqualTo("VARCHAR(45)");
        assertThat(AmSchema.typeFamily("VARCHAR2(45)")).isEqualTo("VARCHAR(45)");
        assertThat(AmSchema.typeFamily("int4"))
                .isEqualTo(AmSchema.typeFamily("INTEGER"))
                .isEqualTo("INTEGER");
        assertThat(AmSchema.typeFamily("INT(11)")).isEqualTo("INTEGER");
        assertThat(AmSchema.typeFamily("BLOB(2147483647)"))
                .isEqualTo(AmSchema.typeFamily("bytea"))
                .isEqualTo("BINARY");
        assertThat(AmSchema.typeFamily("DECIMAL(10,2)")).isEqualTo("DECIMAL");
        assertThat(AmSchema.typeFamily("VARCHAR(255)")).isNotEqualTo(AmSchema.typeFamily("VARCHAR(45)"));
    }

    @Test
    void theAfterReportJsonCarriesDifferencesOnlyOnTheCheckThatHasThem() {
        AfterReport.Difference doc = new AfterReport.Difference(
                "db:apim_db/AM_X.A",
                "different column",
                "AM_X.A",
                "VARCHAR(255) NOT NULL",
                "VARCHAR(45) NOT NULL",
                AfterReport.Difference.DOCUMENTED,
                "kept <by> design");
        AfterReport report = AfterReport.of(
                new dev.apimupgrade.report.ToolInfo("apim-upgrade", "test", "hash"),
                List.of(
                        new Check("DB-AM-SCHEMA", "state", "t", AfterReport.PASS, "d", List.of(), List.of(doc)),
                        new Check("OTHER", "state", "t", AfterReport.PASS, "d", List.of())));

        String json = dev.apimupgrade.report.AssessmentJson.afterReport(report);

        assertThat(json.split("\"differences\"", -1)).hasSize(2);
        assertThat(json)
                .contains("\"status\" : \"documented\"")
                .contains("\"reason\" : \"kept <by> design\"")
                .contains("\"where\" : \"db:apim_db/AM_X.A\"");
        assertThat(report.verdict()).isEqualTo(AfterReport.PASS);
    }
}
