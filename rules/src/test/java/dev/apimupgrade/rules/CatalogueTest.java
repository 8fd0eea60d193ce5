package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.RuleHarness.CATALOGUE;
import static dev.apimupgrade.rules.RuleHarness.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.RuleInfo;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.testkit.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue, the rules and their tests agree: every condition has a rule and a test, every rule a known ID and anchor. */
class CatalogueTest {
    private static final Pattern CONDITION_ROW =
            Pattern.compile("^\\|\\s*([A-Z]{2,4}(?:-[A-Z0-9]+)+)\\s*\\|", Pattern.MULTILINE);
    private static final Pattern TEST_NAME = Pattern.compile("void\\s+(\\w+)\\s*\\(");
    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"([^\"]*)\"");
    /** A @Nested class named after the condition is a test name too (the report shows it above its methods). */
    private static final Pattern CLASS_NAME = Pattern.compile("class\\s+(\\w+)");

    private static final Path DRLS = Path.of("src/main/resources/dev/apimupgrade/rules");

    @Test
    void everyConditionOfTheGuideCatalogueIsInTheProjectCatalogue() throws IOException {
        Path conditions = SharedFiles.guide("CONDITIONS.md");

        Set<String> guideIds = new TreeSet<>();
        Matcher m = CONDITION_ROW.matcher(Files.readString(conditions));
        while (m.find()) {
            guideIds.add(m.group(1));
        }

        assertThat(guideIds).as("condition IDs read from CONDITIONS.md").hasSizeGreaterThan(50);
        assertThat(guideIds)
                .allSatisfy(id -> assertThat(CATALOGUE.contains(id))
                        .as(id + " in catalogue.yaml")
                        .isTrue());
    }

    @Test
    void everyRuleCarriesTheIdOfACatalogueConditionAndNoGuideAnchorOfItsOwn() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> rule : ENGINE.ruleMetadata().entrySet()) {
            Map<String, Object> meta = rule.getValue();
            String name = rule.getKey();
            Object id = meta.get("id");
            if (id == null) {
                problems.add(name + ": lacks @id");
                continue;
            }
            if (!CATALOGUE.contains(id.toString())) {
                problems.add(name + ": @id " + id + " is not in the catalogue");
                continue;
            }
            if (!name.startsWith(id + " ")) {
                problems.add(name + ": the name does not start with its @id " + id);
            }
            if (meta.containsKey("guide")) {
                problems.add(name + ": states @guide; the anchor is the catalogue's ("
                        + CATALOGUE.get(id.toString()).anchor() + ")");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(ENGINE.rules()).extracting(RuleInfo::chapter).doesNotContain("");
    }

    @Test
    void aRuleStatesSeverityOnlyToOverrideTheCataloguesSeverityOfItsCondition() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> rule : ENGINE.ruleMetadata().entrySet()) {
            Object stated = rule.getValue().get("severity");
            Object id = rule.getValue().get("id");
            if (stated == null || id == null || !CATALOGUE.contains(id.toString())) {
                continue;
            }
            if (Stream.of(Severity.values()).noneMatch(s -> s.name().equals(stated.toString()))) {
                problems.add(rule.getKey() + ": @severity " + stated + " is not a severity");
            } else if (CATALOGUE.get(id.toString()).severity().name().equals(stated.toString())) {
                problems.add(rule.getKey() + ": @severity " + stated + " repeats the catalogue's");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOverridingSeverityHasACommentOnTheLineAboveSayingWhy() throws IOException {
        List<String> unexplained = new ArrayList<>();
        int overrides = 0;
        try (Stream<Path> files = Files.walk(DRLS)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                List<String> lines = Files.readAllLines(drl);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).trim().startsWith("@severity(")) {
                        continue;
                    }
                    overrides++;
                    String above = i == 0 ? "" : lines.get(i - 1).trim();
                    if (!above.startsWith("//") || above.substring(2).isBlank()) {
                        unexplained.add(drl.getFileName() + ":" + (i + 1) + " "
                                + lines.get(i).trim());
                    }
                }
            }
        }

        assertThat(overrides)
                .as("@severity lines in the DRL files, one per overriding rule")
                .isEqualTo((int) ENGINE.ruleMetadata().values().stream()
                        .filter(m -> m.containsKey("severity"))
                        .count());
        assertThat(unexplained)
                .as("@severity without a comment above saying why")
                .isEmpty();
    }

    @Test
    void aRuleConcludesWithTheCataloguesSeverityAndAnchorUnlessItOverridesTheSeverity() {
        List<RuleInfo> rules = ENGINE.rules();
        Map<String, Map<String, Object>> meta = ENGINE.ruleMetadata();

        assertThat(rules).allSatisfy(r -> {
            Condition c = CATALOGUE.get(r.conditionId());
            Object stated = meta.get(r.ruleName()).get("severity");
            assertThat(r.guideAnchor()).as(r.ruleName()).isEqualTo(c.anchor());
            assertThat(r.severity())
                    .as(r.ruleName())
                    .isEqualTo(stated == null ? c.severity() : Severity.valueOf(stated.toString()));
        });
        assertThat(rules)
                .filteredOn(r -> r.severity() != CATALOGUE.get(r.conditionId()).severity())
                .extracting(RuleInfo::ruleName)
                .contains("PRE-BACKUP an old home is given", "IDX-REG-INDEX-SQL REG_LOG is large");
    }

    @Test
    void everyCatalogueConditionHasARule() {
        Set<String> ruled = new HashSet<>();
        ENGINE.rules().forEach(r -> ruled.add(r.conditionId()));

        List<String> missing = Stream.concat(CATALOGUE.all().stream(), CATALOGUE.deployment().all().stream())
                .map(Condition::id)
                .filter(id -> !ruled.contains(id))
                .toList();

        assertThat(missing).as("catalogue IDs without a rule").isEmpty();
    }

    @Test
    void everyCatalogueConditionIsNamedByARuleTest() throws IOException {
        String names = testNamesOf(Path.of("src/test/java")).toLowerCase(Locale.ROOT);

        List<String> untested = Stream.concat(CATALOGUE.all().stream(), CATALOGUE.deployment().all().stream())
                .map(Condition::id)
                .filter(id -> !names.contains(id.toLowerCase(Locale.ROOT)) && !names.contains(camel(id)))
                .toList();

        assertThat(untested)
                .as("catalogue IDs no test method, test class or @DisplayName names")
                .isEmpty();
    }

    @Test
    void everyCatalogueChapterIsOneTheRulePackHashCovers() {
        assertThat(CATALOGUE.all())
                .extracting(Condition::chapter)
                .allSatisfy(chapter -> assertThat(DroolsRuleEngine.CHAPTERS).contains(chapter));
    }

    @Test
    void everyRuleFileIsAChapterTheRulePackHashCovers() throws IOException {
        try (Stream<Path> files = Files.list(DRLS)) {
            List<String> chapters = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".drl"))
                    .map(n -> n.substring(0, n.length() - ".drl".length()))
                    .toList();

            assertThat(chapters)
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(DroolsRuleEngine.CHAPTERS).contains(c));
        }
    }

    @Test
    void everyRuleIsInTheFileOfTheChapterTheCatalogueFilesItsConditionUnder() throws IOException {
        Pattern ruleId = Pattern.compile("@id\\(\"([A-Z0-9-]+)\"\\)");
        List<String> misplaced = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DRLS)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String chapter = drl.getFileName().toString().replace(".drl", "");
                Matcher m = ruleId.matcher(Files.readString(drl));
                while (m.find()) {
                    String expected = CATALOGUE.get(m.group(1)).chapter();
                    if (!expected.equals(chapter)) {
                        misplaced.add(m.group(1) + " in " + chapter + ".drl, the catalogue's chapter is " + expected);
                    }
                }
            }
        }

        assertThat(misplaced)
                .as("rules decided outside their catalogue chapter's file")
                .isEmpty();
    }

    @Test
    void camelCaseOfAnIdIsHowTestMethodsNameIt() {
        assertThat(camel("KEY-42CRUNCH-CERT")).isEqualTo("key42crunchcert");
        assertThat(camel("IDN-IS-KEY-MANAGER")).isEqualTo("idniskeymanager");
    }

    /** Test method, @Nested class and display names of every test source, one per line. */
    private static String testNamesOf(Path root) throws IOException {
        assertThat(root).as("test sources (run from the rules module)").isDirectory();
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith("Test.java")).toList()) {
                String text = Files.readString(file);
                for (Pattern p : List.of(TEST_NAME, DISPLAY_NAME, CLASS_NAME)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        out.append(m.group(1)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** "IDN-IS-KEY-MANAGER" as a method name part, lower-cased: "idniskeymanager". */
    static String camel(String id) {
        return id.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
