package dev.apimupgrade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.testkit.SharedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * DB-CHARSET-MISMATCH compares the right columns: {@link Charsets#REFERENCED} is exactly what the foreign keys of the
 * tables WSO2's MySQL migration scripts create reference in tables those scripts do not create (the IS 5.10.0 step1
 * and step2 scripts, identity and um, and the AM 3.0.0 to 3.1.0 script of the guide).
 */
class CharsetReferencesTest {
    static final String IS = "migration/identity-migration-resources-v1.0.90/migration-resources/5.10.0/dbscripts/";
    static final List<String> SCRIPTS = List.of(
            IS + "step1/identity/mysql.sql",
            IS + "step1/um/mysql.sql",
            IS + "step2/identity/mysql.sql",
            IS + "step2/um/mysql.sql",
            "migration/migration-3.0.0_to_3.1.0/mysql.sql");
    static final Pattern CREATE =
            Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?`?(\\w+)`?", Pattern.CASE_INSENSITIVE);
    static final Pattern REFERENCES =
            Pattern.compile("REFERENCES\\s+`?(\\w+)`?\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    @Test
    void dbCharsetMismatchChecksEveryColumnTheMigrationScriptsNewForeignKeysReferenceAndNoOther() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String script : SCRIPTS) {
            texts.add(SharedFiles.readReference(script));
        }
        Set<String> created = new TreeSet<>();
        texts.forEach(t -> CREATE.matcher(t).results().forEach(m -> created.add(upper(m.group(1)))));
        Set<String> referenced = new TreeSet<>();
        for (String text : texts) {
            Matcher m = REFERENCES.matcher(text);
            while (m.find()) {
                String table = upper(m.group(1));
                if (!created.contains(table)) {
                    for (String column : m.group(2).split(",")) {
                        referenced.add(table + "." + upper(column.strip()));
                    }
                }
            }
        }

        assertThat(Charsets.REFERENCED)
                .extracting(Charsets.Referenced::name)
                .containsExactlyInAnyOrderElementsOf(referenced);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
