package dev.apimupgrade.report;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.ProductVersion;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.Finding;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.Installation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small assessment built over the real catalogue: two blockers, a warning, a step, two skips, one rule's UNKNOWN. */
final class SampleAssessment {
    static final String LEAKED_PASSWORD = "s3cr3t-pw";
    static final ToolInfo TOOL = new ToolInfo("apim-upgrade", "0.1.0-test", "sha256:feedface");

    private SampleAssessment() {}

    static Installation installation() {
        return new Installation(Path.of("homes/wso2am-3.0.0"), Optional.of(Path.of("homes/wso2am-3.1.0")));
    }

    static Facts facts() {
        return new Facts(List.of(
                new ProductVersion(
                        Role.NEW, "carbon.xml", "3.1.0", SourceRef.line(Role.NEW, "repository/conf/carbon.xml", 30)),
                new ProductVersion(
                        Role.OLD, "carbon.xml", "3.0.0", SourceRef.line(Role.OLD, "repository/conf/carbon.xml", 30)),
                new DatasourceConfig(
                        Role.OLD,
                        "shared_db",
                        "mysql",
                        "jdbc:mysql://db.example:3306/shared?user=wso2&password=" + LEAKED_PASSWORD,
                        "com.mysql.Driver",
                        "SELECT 1",
                        false,
                        SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 20)),
                new DatasourceConfig(
                        Role.OLD,
                        "apim_db",
                        "mysql",
                        "jdbc:mysql://db.example:3306/apim",
                        "com.mysql.Driver",
                        "SELECT 1",
                        true,
                        SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12))));
    }

    static List<Finding> findings() {
        return List.of(
                finding(
                        "DB-AM-SYSAPPS-CONSTRAINT",
                        Status.APPLIES,
                        Severity.BLOCKER,
                        "AM_SYSTEM_APPS lacks its unique key",
                        ev(SourceRef.db("apim_db", "AM_SYSTEM_APPS"), "no UNIQUE (NAME, TENANT_DOMAIN)")),
                finding(
                        "PRE-SERVER-RUNNING",
                        Status.APPLIES,
                        Severity.BLOCKER,
                        "A server of the old home is running",
                        ev(SourceRef.file(Role.OLD, "wso2carbon.pid"), "pid 4711 is alive")),
                finding(
                        "REG-VERSIONING-ENABLED",
                        Status.APPLIES,
                        Severity.WARNING,
                        "versioning is on in registry.xml",
                        ev(
                                SourceRef.line(Role.OLD, "repository/conf/registry.xml", 42),
                                "<versioningProperties>true</versioningProperties><script>alert(1)</script>")),
                finding(
                        "CFG-DB-APIM",
                        Status.APPLIES,
                        Severity.INFO,
                        "apim_db must be configured in the new home",
                        ev(
                                SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12),
                                "[database.apim_db] type=mysql")),
                finding(
                        "REG-VERSIONING-DISABLED",
                        Status.NOT_APPLICABLE,
                        Severity.INFO,
                        "versioning is on, so this does not apply",
                        ev(SourceRef.line(Role.OLD, "repository/conf/registry.xml", 42), "versioningProperties=true")),
                finding(
                        "PRE-H2-IN-USE",
                        Status.NOT_APPLICABLE,
                        Severity.WARNING,
                        "every datasource is MySQL",
                        ev(SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12), "type=mysql")),
                finding(
                        "PRE-PG-SUPERUSER",
                        Status.UNKNOWN,
                        Severity.BLOCKER,
                        "the database was not reached (--no-db)",
                        ev(SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12), "type=mysql")));
    }

    static List<JustifiedAction> actions() {
        return List.of(
                new JustifiedAction(
                        "REG-VERSIONING-ENABLED/run-cleanup",
                        "REG-VERSIONING-ENABLED",
                        "RunSqlScript",
                        true,
                        "db:shared_db",
                        Map.of("script", "reg-versioning/mysql/01_cleanup.sql", "dialect", "mysql"),
                        List.of(ev(SourceRef.line(Role.OLD, "repository/conf/registry.xml", 42), "versioning on")),
                        "REG-VERSIONING-ENABLED versioning on"),
                new JustifiedAction(
                        "CFG-DB-APIM/set-apim-db",
                        "CFG-DB-APIM",
                        "SetTomlValue",
                        true,
                        "NEW:repository/conf/deployment.toml",
                        Map.of("key", "database.apim_db.url"),
                        List.of(),
                        "CFG-DB-APIM apim_db configured"));
    }

    static Verdict verdict() {
        return Verdict.assemble(ConditionCatalogue.load(), findings(), actions(), TOOL.rulePackHash());
    }

    static AssessmentReport report() {
        return AssessmentReport.from(installation(), facts(), verdict(), TOOL);
    }

    private static Finding finding(String id, Status status, Severity severity, String message, Evidence evidence) {
        return new Finding(id, status, severity, message, List.of(evidence), id + " rule");
    }

    private static Evidence ev(SourceRef source, String observed) {
        return new Evidence(source, observed);
    }
}
