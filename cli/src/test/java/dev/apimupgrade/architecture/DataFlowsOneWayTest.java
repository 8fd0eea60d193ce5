package dev.apimupgrade.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the stages in one direction, read from the compiled classes of every module (so a fully-qualified name in
 * the code counts like an import): fact, scan, rule (the core's {@code rule} and the rules module's {@code rules}),
 * plan, execute, report, verify. A stage may use its own and earlier stages only; the report never uses execute
 * (a report renders what a run journalled, it does not run anything); rules never touch files or databases; the
 * core holds no templates and no command line. The CLI and the samples sit outside the flow and use any stage.
 * This test lives in the cli module because only there are all modules' classes on the class path (as jars
 * under verify).
 */
class DataFlowsOneWayTest {
    private static final String BASE = "dev.apimupgrade.";
    /** The stages in the order data flows; each entry is the packages of one stage. */
    private static final List<List<String>> STAGES = List.of(
            List.of(BASE + "fact.."),
            List.of(BASE + "scan.."),
            List.of(BASE + "rule..", BASE + "rules.."),
            List.of(BASE + "plan.."),
            List.of(BASE + "execute.."),
            List.of(BASE + "report.."),
            List.of(BASE + "verify.."));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.apimupgrade");
    }

    @Test
    void noStageUsesALaterStage() {
        for (int i = 0; i < STAGES.size() - 1; i++) {
            String[] later = STAGES.subList(i + 1, STAGES.size()).stream()
                    .flatMap(List::stream)
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAnyPackage(STAGES.get(i).toArray(String[]::new))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(later)
                    .because("data flows fact -> scan -> rule -> plan -> execute -> report -> verify")
                    .check(classes);
        }
    }

    @Test
    void theReportNeverUsesTheExecutor() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "report..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + "execute..")
                .because("a report renders what was decided and journalled; it runs nothing")
                .check(classes);
    }

    @Test
    void rulesNeverTouchFilesOrDatabases() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(BASE + "rule..", BASE + "rules..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.nio.file..", "java.sql..", "org.jooq..")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(java.io.File.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + "execute..", BASE + "report..")
                .because("rules decide from facts only; the scanners read, the executor writes");
        rule.check(classes);
    }

    @Test
    void theCoreHoldsNoTemplatesAndNoCommandLine() {
        String[] core = STAGES.stream().flatMap(List::stream).toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage(core)
                .and()
                .resideOutsideOfPackage(BASE + "report.html..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("freemarker..", "picocli..", BASE + "cli..")
                .because("templates live in report-templates and the command line in cli")
                .check(classes);
    }
}
